//! A line's facts applied to the record: a known label's value, an author, a publication, a
//! page, a layout's own facts.

use crate::grammar::fact::{Fact, Own};
use crate::grammar::label::{Item, Key};
use crate::grammar::layouts::AuthorOrder;
use crate::grammar::name::{author_line, constituency_line, AuthorLine};
use crate::grammar::{common, date, text};
use crate::record::{AuthorPart, Publication, TextField};
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
                self.rec.set_published(which, date, page, offset);
                if takes_page {
                    self.last_dated = Some(Dated::Published(which));
                }
            }
            Fact::UnreadableDate { label, value } => {
                self.rec.unreadable(offset, label, value, "the date")
            }
            Fact::Page(p) => self.page(p, offset),
            Fact::Text(field, value) => self.rec.set_text(field, &value, offset),
            Fact::MinistryAnsweringIfUnset(m) => {
                if self.rec.ministry_answering.is_none() {
                    self.rec.set_text(TextField::MinistryAnswering, &m, offset);
                }
            }
            Fact::AnsweredInSeance(d) => {
                self.seance_answer.get_or_insert(d);
            }
            Fact::Lapsed(reason) => self.rec.set_closed(None, Some(reason), offset),
            Fact::Item(it) => {
                if let Some(key) = it.key {
                    self.apply(key, &it, offset);
                }
            }
            Fact::Author(a) => self.set_author(a, offset),
            Fact::Title(t) => {
                if let Some(t) = t {
                    self.rec.set_text(TextField::Title, t, offset);
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

    /// Applies a known label's value.
    pub(super) fn apply(&mut self, key: Key, it: &Item<'_>, offset: usize) {
        let v = it.value;
        match key {
            Key::Number | Key::NumberField => match common::question_number(v.trim()) {
                Ok((rest, n)) if rest.trim().is_empty() => self.rec.set_number(n, offset),
                _ => self.rec.unreadable(offset, it.label, v, "the number"),
            },
            Key::MinistryAsked => self.rec.set_text(TextField::MinistryAsked, v, offset),
            Key::MinistryAnswering => self.rec.set_text(TextField::MinistryAnswering, v, offset),
            Key::Rubric => self.rec.set_text(TextField::Rubric, v, offset),
            Key::Title => self.rec.set_text(TextField::Title, v, offset),
            Key::AnalysisHeading => self.rec.set_text(TextField::AnalysisHeading, v, offset),
            Key::Analysis => self.rec.set_text(TextField::Analysis, v, offset),
            Key::QuestionPublished => self.published(Publication::Question, it, offset),
            Key::AnswerPublished => self.published(Publication::Answer, it, offset),
            Key::Page => match date::page(&format!("page {v}")) {
                Ok((rest, p)) if rest.trim().is_empty() => self.page(p, offset),
                _ => self.rec.unreadable(offset, it.label, v, "the page"),
            },
            Key::Reassigned | Key::Renewed | Key::Flagged => match date::find_date(v) {
                Some((_, _, d)) => match key {
                    Key::Reassigned => self.rec.reassigned_on.push(d),
                    Key::Renewed => self.rec.renewed_on.push(d),
                    _ => self.rec.set_flagged(d, offset),
                },
                None => self.rec.unreadable(offset, it.label, v, "the date"),
            },
            Key::Withdrawn | Key::Closure => {
                let (d, rest) = match date::find_date(v) {
                    Some((at, end, d)) if v[..at].trim().is_empty() => (Some(d), &v[end..]),
                    _ => (None, v),
                };
                let reason = text::strip_parens_and_period(rest);
                if d.is_none() && date::has_date_like(rest) && !rest.trim_start().starts_with('(') {
                    self.rec.unreadable(offset, it.label, v, "the date");
                    return;
                }
                let reason = (!reason.is_empty()).then(|| text::squeeze(reason));
                self.wants.closure_reason = reason.is_none();
                self.rec.set_closed(d, reason, offset);
            }
            Key::ErratumQuestion | Key::ErratumAnswer => match date::find_date(v) {
                Some((_, end, d)) => {
                    let of = if key == Key::ErratumQuestion {
                        ErratumOf::Question
                    } else {
                        ErratumOf::Answer
                    };
                    let page = date::find_page(&v[end..]);
                    self.rec.add_erratum(of, d, page);
                    self.last_dated = Some(Dated::Erratum);
                }
                None => self.rec.unreadable(offset, it.label, v, "the date"),
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
                Ok((_, Some(k))) => self.rec.set_kind(k, offset),
                Ok((_, None)) => {}
                Err(_) => match common::kind_code(v) {
                    Some(k) => self.rec.set_kind(k, offset),
                    None => self.rec.unreadable(offset, it.label, v, "the kind"),
                },
            },
            Key::SeanceDate => {
                if let Some((_, _, d)) = date::find_date(v) {
                    self.rec
                        .set_published(Publication::Question, d, None, offset);
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
                    self.rec.set_kind(k, offset);
                }
            }
            return;
        }
        match author_line(v) {
            Ok((rest, a)) => {
                self.set_author(a, offset);
                if let Some(d) = crate::grammar::name::posed_in_seance(rest) {
                    self.rec
                        .set_published(Publication::Question, d, None, offset);
                }
            }
            Err(_) => self
                .rec
                .set_author_part(AuthorPart::Name, Some(v.to_owned()), offset),
        }
    }

    pub(super) fn published(&mut self, which: Publication, it: &Item<'_>, offset: usize) {
        match date::find_date(it.value) {
            Some((_, end, d)) => {
                let page = date::find_page(&it.value[end..]);
                self.rec.set_published(which, d, page, offset);
                self.last_dated = Some(Dated::Published(which));
            }
            None => self.rec.unreadable(offset, it.label, it.value, "the date"),
        }
    }

    pub(super) fn page(&mut self, p: u32, offset: usize) {
        match self.last_dated {
            Some(Dated::Published(which)) => self.rec.set_page(which, p, offset),
            Some(Dated::Erratum) => {
                if let Some(e) = self.rec.errata.last_mut() {
                    e.page.get_or_insert(p);
                }
            }
            None => self
                .rec
                .unreadable(offset, "page", &p.to_string(), "the publication"),
        }
    }

    pub(super) fn constituency(&mut self, v: &str, offset: usize) {
        match constituency_line(v) {
            Some((dept, n, group)) => {
                self.rec
                    .set_author_part(AuthorPart::Department, dept, offset);
                if let Some(n) = n {
                    self.rec.set_constituency(n, offset);
                }
                self.rec.set_author_part(AuthorPart::Group, group, offset);
            }
            None => self
                .rec
                .unreadable(offset, "Circonscription", v, "the constituency"),
        }
    }

    /// An author: the parts inside the parentheses as the layout orders them.
    pub(super) fn set_author(&mut self, a: AuthorLine, offset: usize) {
        if self.author_at.len() < 4 {
            self.author_at.push(offset);
        }
        self.rec
            .set_author_part(AuthorPart::Civility, a.civility.map(str::to_owned), offset);
        self.rec.set_author_part(AuthorPart::Name, a.name, offset);
        let (group, dept, region) = match self.rules.author_order() {
            AuthorOrder::GroupDepartment => (a.first, a.second, None),
            AuthorOrder::DepartmentGroup => (a.second, a.first, None),
            AuthorOrder::RegionGroup => (a.second, None, a.first),
        };
        self.rec.set_author_part(AuthorPart::Group, group, offset);
        self.rec
            .set_author_part(AuthorPart::Department, dept, offset);
        self.rec.set_author_part(AuthorPart::Region, region, offset);
    }
}
