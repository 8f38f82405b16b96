//! Metadata lines: their items, a label whose value is on the next line, an unlabelled cell.

use crate::grammar::fact::Part;
use crate::grammar::label::{self, first_item, Item, Key};
use crate::grammar::name::{author_line, constituency_line, is_bare_name};
use crate::grammar::{self, common, date, text};
use crate::markup;
use crate::record::{AuthorPart, Publication, Set, TextField};

use super::state::{next_state, Event};
use super::{Pending, Reader};

impl<'l> Reader<'l, '_> {
    /// A metadata line (or cell): its items, each applied.
    pub(super) fn line_items(&mut self, i: usize, line: &'l str) {
        self.line_items_from(i, line, None);
    }

    /// [`Reader::line_items`] of a line whose first cell's labels were found already.
    pub(super) fn line_items_from(
        &mut self,
        i: usize,
        line: &'l str,
        start: Option<label::StartLabel>,
    ) {
        let its = label::items_from(line, start);
        let n = its.len();
        for (k, it) in its.into_iter().enumerate() {
            let offset = if it.label.is_empty() {
                self.offset_of(i, it.value)
            } else {
                self.offset_of(i, it.label)
            };
            match it.key {
                Some(key) if key.is_heading() => {}
                Some(key) => {
                    let cut_date = is_dated(key)
                        && k + 1 == n
                        && self.lines.is_soft(i)
                        && (date::find_date(it.value).is_none() || ends_with_page_label(it.value))
                        || key == Key::Kind
                            && k + 1 == n
                            && self.lines.is_soft(i)
                            && kind_cut(it.value)
                        // (A group's last words may be on the next line: `… - Ensemble pour la`
                        // / `République`; the next line, when it has no label, ends it.)
                        || key == Key::Circonscription && k + 1 == n && self.lines.is_soft(i);
                    if cut_date && !it.value.is_empty() {
                        self.carry.pending = Some(Pending {
                            key: Some(key),
                            label: it.label,
                            offset,
                            partial: Some(it.value),
                        });
                        continue;
                    }
                    if it.value.is_empty() {
                        if k + 1 == n {
                            self.carry.pending = Some(Pending {
                                key: Some(key),
                                label: it.label,
                                offset,
                                partial: None,
                            });
                        }
                        if key == Key::Dates {
                            self.go(Event::DatesLabel);
                        }
                        continue;
                    }
                    self.apply(key, &it, offset);
                    if k + 1 == n {
                        self.carry.continuation = text_field(key);
                    }
                }
                None if !it.label.is_empty() => {
                    if it.value.is_empty() && k + 1 == n {
                        self.carry.pending = Some(Pending {
                            key: None,
                            label: it.label,
                            offset,
                            partial: None,
                        });
                    } else {
                        self.rec.apply(
                            Set::Other {
                                label: it.label,
                                value: it.value,
                            },
                            offset,
                        );
                    }
                }
                None => self.unlabelled(i, it.value, offset),
            }
        }
    }

    /// Line `i` ending the label whose first words are line `h` (a hard wrap cut it): the label's
    /// value, the rest of the line, is read as on the label's line (a value the wrap cut again
    /// waits for the next line). Whether line `i` ended the label.
    pub(super) fn label_completed(&mut self, h: usize, i: usize, line: &'l str) -> bool {
        let head = self.lines.get(h);
        let Some((key, _, end)) = label::label_rest(head, line).filter(|r| !r.0.is_heading())
        else {
            return false;
        };
        let rest = line[end..].trim_start();
        let value = label::separator(rest).map_or(rest, |n| &rest[n..]).trim();
        let (label, offset) = (head.trim(), self.offset(h));
        if value.is_empty() {
            self.carry.pending = Some(Pending {
                key: Some(key),
                label,
                offset,
                partial: None,
            });
        } else if is_dated(key)
            && self.lines.is_soft(i)
            && (date::find_date(value).is_none() || ends_with_page_label(value))
        {
            self.carry.pending = Some(Pending {
                key: Some(key),
                label,
                offset,
                partial: Some(value),
            });
        } else {
            let it = Item {
                key: Some(key),
                label,
                value,
                separated: true,
            };
            self.apply(key, &it, offset);
            self.carry.continuation = text_field(key);
        }
        true
    }

    /// A label whose value the next line did not give: kept as it is.
    pub(super) fn resolve_pending(&mut self, p: Pending<'l>) {
        match (p.key, p.partial) {
            (Some(key), Some(partial)) => {
                let it = Item {
                    key: Some(key),
                    label: p.label,
                    value: partial,
                    separated: true,
                };
                self.apply(key, &it, p.offset);
            }
            (None, _) => self.rec.apply(
                Set::Other {
                    label: p.label,
                    value: p.partial.unwrap_or(""),
                },
                p.offset,
            ),
            (Some(_), None) => {}
        }
    }

    /// The next line's value for a label left alone on its line (or cut by a hard wrap).
    pub(super) fn pending_value(&mut self, p: Pending<'l>, i: usize, line: &'l str) {
        let value = match p.partial {
            Some(partial) => format!("{partial} {}", markup::paragraph(line)),
            None => markup::paragraph(line),
        };
        match p.key {
            Some(key) => {
                let it = Item {
                    key: Some(key),
                    label: p.label,
                    value: &value,
                    separated: true,
                };
                if key == Key::Dates
                    || key == Key::SeanceDate && first_item(line).is_some_and(|x| x.key.is_some())
                {
                    self.line_items(i, line);
                } else {
                    self.apply(key, &it, p.offset);
                }
            }
            None => self.rec.apply(
                Set::Other {
                    label: p.label,
                    value: &value,
                },
                p.offset,
            ),
        }
    }

    /// A cell or line with no label, in the metadata part.
    pub(super) fn unlabelled(&mut self, i: usize, value: &str, offset: usize) {
        if value.is_empty() || grammar::anchor(value).is_some_and(|a| a.is_strong()) {
            return;
        }
        if self.wants.closure_reason && self.part == Part::KeyBlock {
            self.wants.closure_reason = false;
            let reason = text::squeeze(text::strip_parens_and_period(value));
            self.rec.apply(Set::ClosureReason(reason), offset);
            return;
        }
        if self.wants.title {
            self.wants.title = false;
            self.rec.apply(Set::Text(TextField::Title, value), offset);
            self.carry.continuation = Some(TextField::Title);
            return;
        }
        if crate::grammar::name::de_author(value).is_some() {
            if unclosed_paren(value) {
                self.carry.author_prefix = Some((value.to_owned(), offset, None));
            } else {
                self.author_value(value, offset, None);
            }
            return;
        }
        if let Ok((rest, k)) = common::kind_words(value) {
            if rest.trim().is_empty() {
                if let Some(k) = k {
                    self.rec.apply(Set::Kind(k), offset);
                }
                return;
            }
        }
        if let Some(k) = self.rules.kind_cell(value) {
            self.rec.apply(Set::Kind(k), offset);
            return;
        }
        if let Some(n) = common::legislature_line(value) {
            self.rec.apply(Set::Legislature(n), offset);
            return;
        }
        if common::chamber_line(value).is_some() {
            return;
        }
        // Prose opens a text, but in the key block, where it is passed over.
        let prose = Event::Prose(self.rules.prose_opens(self.rec.kind()));
        if next_state(self.part, prose).is_none() {
            return;
        }
        if self.wants.author {
            if is_bare_name(value) {
                if let Ok((_, a)) = author_line(value) {
                    self.set_author(a, offset);
                }
                return;
            }
            if let Some((dept, n, group)) =
                constituency_line(value).filter(|_| value.contains("circonscription"))
            {
                self.rec
                    .apply(Set::AuthorPart(AuthorPart::Department, dept), offset);
                if let Some(n) = n {
                    self.rec.apply(Set::Constituency(n), offset);
                }
                self.rec
                    .apply(Set::AuthorPart(AuthorPart::Group, group), offset);
                return;
            }
            if let Ok((rest, a)) = author_line(value) {
                if a.has_parens {
                    self.set_author(a, offset);
                    if let Some(d) = crate::grammar::name::posed_in_seance(rest) {
                        self.rec
                            .apply(Set::Published(Publication::Question, d, None), offset);
                    }
                    return;
                }
            }
        }
        // Anything else starts the question text (on an-dyn QG pages, the séance transcript).
        self.wants.author = false;
        self.go(prose);
        self.push_text(i, self.part == Part::AnswerText);
    }
}

/// The text field a key feeds, if any.
pub(super) fn text_field(k: Key) -> Option<TextField> {
    match k {
        Key::MinistryAsked => Some(TextField::MinistryAsked),
        Key::MinistryAnswering => Some(TextField::MinistryAnswering),
        Key::Rubric => Some(TextField::Rubric),
        Key::Title => Some(TextField::Title),
        Key::AnalysisHeading => Some(TextField::AnalysisHeading),
        Key::Analysis => Some(TextField::Analysis),
        _ => None,
    }
}

/// Whether a value opens a parenthesis it does not close (a hard-wrapped author).
pub(super) fn unclosed_paren(v: &str) -> bool {
    v.matches('(').count() > v.matches(')').count()
}

/// Whether an author value was cut by a hard wrap: an open parenthesis, `posée en séance`
/// with no date yet, or the first words only of `posée en séance` after the parenthesis.
pub(super) fn author_incomplete(v: &str) -> bool {
    let after = v.rfind(')').map_or("", |at| &v[at + 1..]);
    let after = after.trim_matches([',', ' ']);
    unclosed_paren(v)
        || v.contains("posée en séance") && date::find_date(v).is_none()
        || !after.is_empty() && text::match_folded("posée en séance", after).is_some()
}

/// Whether a kind's value is unreadable as it stands (`Question au` / `Gouvernement`, a hard
/// wrap cut it).
pub(super) fn kind_cut(v: &str) -> bool {
    common::kind_words(v).is_err() && common::kind_code(v).is_none()
}

/// Whether a dated value ends with the label of its page, the page cut by a hard wrap
/// (`27 septembre 2022, page` / `4253`).
pub(super) fn ends_with_page_label(value: &str) -> bool {
    let t = value.trim_end().trim_end_matches(':').trim_end();
    let Some(head) = t.len().checked_sub(4).and_then(|at| t.get(..at)) else {
        return false;
    };
    t[head.len()..].eq_ignore_ascii_case("page")
        && !head.chars().next_back().is_some_and(char::is_alphanumeric)
}

/// Keys whose value is a date.
pub(super) fn is_dated(k: Key) -> bool {
    matches!(
        k,
        Key::QuestionPublished
            | Key::AnswerPublished
            | Key::Reassigned
            | Key::Renewed
            | Key::Flagged
            | Key::Withdrawn
            | Key::Closure
            | Key::ErratumQuestion
            | Key::ErratumAnswer
            | Key::SeanceDate
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_cut_by_a_wrap() {
        assert!(author_incomplete(
            "M. Sacha Houlié (Nouvelle-Aquitaine - Renaissance), posée en"
        ));
        assert!(author_incomplete("M. X (Nord"));
        assert!(!author_incomplete("M. X (Nord - LR)"));
        assert!(!author_incomplete(
            "M. X (Nord - LR), posée en séance, et publiée le 26 octobre 2022"
        ));
        assert!(ends_with_page_label("27 septembre 2022, page"));
        assert!(ends_with_page_label("27 septembre 2022 - page :"));
        assert!(!ends_with_page_label("27 septembre 2022, page 4253"));
        assert!(!ends_with_page_label("homepage"));
        assert!(kind_cut("Question au"));
        assert!(!kind_cut("Question au Gouvernement"));
    }
}
