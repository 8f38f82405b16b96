//! A line's facts applied to the record: a known label's value, an author, a publication, a
//! page, a layout's own facts.

use crate::grammar::fact::{Fact, Own};
use crate::grammar::label::{Item, Key};
use crate::grammar::layouts::AuthorOrder;
use crate::grammar::name::{author_line, constituency_line, AuthorLine};
use crate::grammar::{common, date, text};
use crate::record::{AuthorPart, Publication, Set, TextField};
use crate::ErratumOf;

use super::items::author_incomplete;
use super::state::Event;
use super::{Dated, Pending, Reader};

impl<'l> Reader<'l, '_> {
    /// A layout's own line: its facts, then the part it opens.
    pub(super) fn apply_own(&mut self, own: Own<'l>, offset: usize) {
        for fact in own.facts {
            self.apply_fact(fact, offset);
        }
        if let Some(part) = own.opens {
            self.go(Event::LayoutLine(part));
        }
    }

    pub(super) fn apply_fact(&mut self, fact: Fact<'l>, offset: usize) {
        match fact {
            Fact::Published {
                which,
                date,
                page,
                takes_page,
            } => {
                self.rec.apply(Set::Published(which, date, page), offset);
                if takes_page {
                    self.last_dated = Some(Dated::Published(which));
                }
            }
            Fact::UnreadableDate { label, value } => self.rec.apply(
                Set::Unreadable {
                    label,
                    value,
                    what: "the date",
                },
                offset,
            ),
            Fact::Page(p) => self.page(p, offset),
            Fact::Text(field, value) => self.rec.apply(Set::Text(field, &value), offset),
            Fact::MinistryAnsweringIfUnset(m) => {
                let fact = Set::TextIfNone(TextField::MinistryAnswering, &m);
                self.rec.apply(fact, offset);
            }
            Fact::AnsweredInSeance(d) => {
                self.seance_answer.get_or_insert(d);
            }
            Fact::Lapsed(reason) => self.rec.apply(Set::Closed(None, Some(reason)), offset),
            Fact::Item(it) => {
                if let Some(key) = it.key {
                    self.apply(key, &it, offset);
                }
            }
            Fact::Author(a) => self.set_author(a, offset),
            Fact::Legislature(n) => self.rec.apply(Set::Legislature(n), offset),
            Fact::Title(t) => {
                if let Some(t) = t {
                    self.rec.apply(Set::Text(TextField::Title, t), offset);
                }
            }
            Fact::ItemCutByWrap(it) => {
                self.carry.pending = Some(Pending {
                    key: it.key,
                    label: it.label,
                    offset,
                    partial: Some(it.value),
                });
            }
        }
    }

    /// A labelled value that cannot be read as `what`: a warning naming the label.
    fn unreadable(&mut self, it: &Item<'_>, what: &str, offset: usize) {
        let (label, value) = (it.label, it.value);
        self.rec
            .apply(Set::Unreadable { label, value, what }, offset);
    }

    /// A text field's labelled value.
    fn text(&mut self, field: TextField, value: &str, offset: usize) {
        self.rec.apply(Set::Text(field, value), offset);
    }

    /// Applies a known label's value.
    pub(super) fn apply(&mut self, key: Key, it: &Item<'_>, offset: usize) {
        let v = it.value;
        match key {
            Key::Number | Key::NumberField => match common::question_number(v.trim()) {
                Ok((rest, n)) if rest.trim().is_empty() => self.rec.apply(Set::Number(n), offset),
                _ => self.unreadable(it, "the number", offset),
            },
            Key::MinistryAsked => self.text(TextField::MinistryAsked, v, offset),
            Key::MinistryAnswering => self.text(TextField::MinistryAnswering, v, offset),
            Key::Rubric => self.text(TextField::Rubric, v, offset),
            Key::Title => self.text(TextField::Title, v, offset),
            Key::AnalysisHeading => self.text(TextField::AnalysisHeading, v, offset),
            Key::Analysis => self.text(TextField::Analysis, v, offset),
            Key::QuestionPublished => self.published(Publication::Question, it, offset),
            Key::AnswerPublished => self.published(Publication::Answer, it, offset),
            Key::Page => match date::page(&format!("page {v}")) {
                Ok((rest, p)) if rest.trim().is_empty() => self.page(p, offset),
                _ => self.unreadable(it, "the page", offset),
            },
            Key::Reassigned | Key::Renewed | Key::Flagged => match date::find_date(v) {
                Some((_, _, d)) => match key {
                    Key::Reassigned => self.rec.apply(Set::Reassigned(d), offset),
                    Key::Renewed => self.rec.apply(Set::Renewed(d), offset),
                    _ => self.rec.apply(Set::Flagged(d), offset),
                },
                None => self.unreadable(it, "the date", offset),
            },
            Key::Withdrawn | Key::Closure => {
                let (d, rest) = match date::find_date(v) {
                    Some((at, end, d)) if v[..at].trim().is_empty() => (Some(d), &v[end..]),
                    _ => (None, v),
                };
                let reason = text::strip_parens_and_period(rest);
                if d.is_none() && date::has_date_like(rest) && !rest.trim_start().starts_with('(') {
                    self.unreadable(it, "the date", offset);
                    return;
                }
                let reason = (!reason.is_empty()).then(|| text::squeeze(reason));
                self.wants.closure_reason = reason.is_none();
                self.rec.apply(Set::Closed(d, reason), offset);
            }
            Key::ErratumQuestion | Key::ErratumAnswer => match date::find_date(v) {
                Some((_, end, d)) => {
                    let of = if key == Key::ErratumQuestion {
                        ErratumOf::Question
                    } else {
                        ErratumOf::Answer
                    };
                    let page = date::find_page(&v[end..]);
                    self.rec.apply(Set::Erratum(of, d, page), 0);
                    self.last_dated = Some(Dated::Erratum);
                }
                None => self.unreadable(it, "the date", offset),
            },
            Key::Author | Key::QuestionOf => {
                if key == Key::QuestionOf {
                    self.wants.author = true;
                    self.go(Event::QuestionOf);
                }
                if author_incomplete(v) {
                    self.carry.author_prefix = Some((v.to_owned(), offset, Some(key)));
                    return;
                }
                self.author_value(v, offset, Some(key));
            }
            Key::Circonscription => self.constituency(v, offset),
            Key::Kind => match common::kind_words(v) {
                Ok((_, Some(k))) => self.rec.apply(Set::Kind(k), offset),
                Ok((_, None)) => {}
                Err(_) => match common::kind_code(v) {
                    Some(k) => self.rec.apply(Set::Kind(k), offset),
                    None => self.unreadable(it, "the kind", offset),
                },
            },
            Key::SeanceDate => {
                if let Some((_, _, d)) = date::find_date(v) {
                    self.rec
                        .apply(Set::Published(Publication::Question, d, None), offset);
                }
            }
            Key::Dates => {
                self.go(Event::DatesLabel);
            }
            Key::Debate
            | Key::DataBlock
            | Key::DatesBlock
            | Key::QuestionHeading
            | Key::AnswerHeading => {}
        }
    }

    /// An author given as `Civ Name (A - B)[, posée en séance, et publiée le D]`, or a cell of
    /// an-fiche/an-legacy (`de Civ Name ( Groupe - Département ) [kind]`, `key` `None`).
    pub(super) fn author_value(&mut self, v: &str, offset: usize, key: Option<Key>) {
        if key.is_none() {
            if let Some((a, rest)) = crate::grammar::name::de_author(v) {
                self.set_author(a, offset);
                let rest = rest.trim();
                let kind = common::kind_words(rest)
                    .ok()
                    .and_then(|(r, k)| r.trim().is_empty().then_some(k).flatten());
                if let Some(k) = kind.or_else(|| common::kind_code(rest)) {
                    self.rec.apply(Set::Kind(k), offset);
                }
            }
            return;
        }
        match author_line(v) {
            Ok((rest, a)) => {
                self.set_author(a, offset);
                if let Some(d) = crate::grammar::name::posed_in_seance(rest) {
                    self.rec
                        .apply(Set::Published(Publication::Question, d, None), offset);
                }
            }
            Err(_) => self.rec.apply(
                Set::AuthorPart(AuthorPart::Name, Some(v.to_owned())),
                offset,
            ),
        }
    }

    pub(super) fn published(&mut self, which: Publication, it: &Item<'_>, offset: usize) {
        match date::find_date(it.value) {
            Some((_, end, d)) => {
                let page = date::find_page(&it.value[end..]);
                self.rec.apply(Set::Published(which, d, page), offset);
                self.last_dated = Some(Dated::Published(which));
            }
            None => self.rec.apply(
                Set::Unreadable {
                    label: it.label,
                    value: it.value,
                    what: "the date",
                },
                offset,
            ),
        }
    }

    pub(super) fn page(&mut self, p: u32, offset: usize) {
        match self.last_dated {
            Some(Dated::Published(which)) => self.rec.apply(Set::Page(which, p), offset),
            Some(Dated::Erratum) => {
                self.rec.apply(Set::ErratumPage(p), offset);
            }
            None => self.rec.apply(
                Set::Unreadable {
                    label: "page",
                    value: &p.to_string(),
                    what: "the publication",
                },
                offset,
            ),
        }
    }

    pub(super) fn constituency(&mut self, v: &str, offset: usize) {
        match constituency_line(v) {
            Some((dept, n, group)) => {
                self.rec
                    .apply(Set::AuthorPart(AuthorPart::Department, dept), offset);
                if let Some(n) = n {
                    self.rec.apply(Set::Constituency(n), offset);
                }
                self.rec
                    .apply(Set::AuthorPart(AuthorPart::Group, group), offset);
            }
            None => self.rec.apply(
                Set::Unreadable {
                    label: "Circonscription",
                    value: v,
                    what: "the constituency",
                },
                offset,
            ),
        }
    }

    /// An author: the parts inside the parentheses as the layout orders them.
    pub(super) fn set_author(&mut self, a: AuthorLine, offset: usize) {
        if self.author_at.len() < 4 {
            self.author_at.push(offset);
        }
        self.rec.apply(
            Set::AuthorPart(AuthorPart::Civility, a.civility.map(str::to_owned)),
            offset,
        );
        self.rec
            .apply(Set::AuthorPart(AuthorPart::Name, a.name), offset);
        let (group, dept, region) = match self.rules.author_order() {
            AuthorOrder::GroupDepartment => (a.first, a.second, None),
            AuthorOrder::DepartmentGroup => (a.second, a.first, None),
            AuthorOrder::RegionGroup => (a.second, None, a.first),
        };
        self.rec
            .apply(Set::AuthorPart(AuthorPart::Group, group), offset);
        self.rec
            .apply(Set::AuthorPart(AuthorPart::Department, dept), offset);
        self.rec
            .apply(Set::AuthorPart(AuthorPart::Region, region), offset);
    }
}
