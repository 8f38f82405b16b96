//! The record under construction. Its fields are private: a reader changes it only through
//! [`Record::apply`], one [`Set`] fact at a time, so that giving the same fact twice is no
//! warning when the values agree and a warning (first value kept) when they disagree, and so that
//! unknown labels and unreadable dates are never dropped silently. [`Record::finish`] turns it
//! into the [`Question`] (or the error of a document without a number or a text).

use crate::error::{ErrorKind, ParseError};
use crate::position::LineCounter;
use crate::question::{
    Author, Chamber, Closed, Erratum, ErratumOf, JoRef, Kind, Layout, OtherField, Question, Warning,
};
use crate::Date;

/// A fact about the question as a reader found it: the one way a [`Record`] changes
/// ([`Record::apply`]). Giving a field twice is a warning when the values differ (the first is
/// kept); lists (renewals, reattributions, errata) grow.
#[derive(Debug, Clone)]
pub(crate) enum Set<'v> {
    /// The question's number.
    Number(u64),
    /// Its kind.
    Kind(Kind),
    /// Its legislature.
    Legislature(u32),
    /// Its chamber (a layout's, or a chamber line's).
    Chamber(Chamber),
    /// A text field's value.
    Text(TextField, &'v str),
    /// A text field's value, unless the document gave one already (then nothing is said).
    TextIfNone(TextField, &'v str),
    /// More of a text field (a wrapped line of a one-line field).
    MoreText(TextField, &'v str),
    /// A JO publication: its date and, when given, its page.
    Published(Publication, Date, Option<u32>),
    /// The page of a publication already dated.
    Page(Publication, u32),
    /// The signalement's date.
    Flagged(Date),
    /// A change of attribution's date.
    Reassigned(Date),
    /// A renewal's date.
    Renewed(Date),
    /// A closure that is not an answer: its date and reason.
    Closed(Option<Date>, Option<String>),
    /// An erratum.
    Erratum(ErratumOf, Date, Option<u32>),
    /// The page of the last erratum, when it had none.
    ErratumPage(u32),
    /// A part of the author (squeezed; empty is nothing).
    AuthorPart(AuthorPart, Option<String>),
    /// The author's constituency.
    Constituency(u32),
    /// The deputy's identifier, from a link around the author's name (`None`: none found).
    AuthorRef(Option<String>),
    /// The reason of the closure given before, read on a later line.
    ClosureReason(String),
    /// The question's and the answer's texts, once the document is read.
    Texts(Option<String>, Option<String>),
    /// An unknown label and its value (kept in `other_fields`, with a warning).
    Other {
        /// The label as written.
        label: &'v str,
        /// Its value.
        value: &'v str,
    },
    /// A value that cannot be read (a warning naming the label and what was expected).
    Unreadable {
        /// The label as written.
        label: &'v str,
        /// The value as written.
        value: &'v str,
        /// What the value should have been (`the date`).
        what: &'v str,
    },
}

/// A record being read.
#[derive(Debug)]
pub(crate) struct Record<'t> {
    chamber: Option<Chamber>,
    legislature: Option<u32>,
    kind: Option<Kind>,
    number: Option<u64>,
    title: Option<String>,
    author: Author,
    has_author: bool,
    ministry_asked: Option<String>,
    ministry_answering: Option<String>,
    rubric: Option<String>,
    analysis_heading: Option<String>,
    analysis: Option<String>,
    question_published: Option<JoRef>,
    answer_published: Option<JoRef>,
    flagged_on: Option<Date>,
    reassigned_on: Vec<Date>,
    renewed_on: Vec<Date>,
    closed: Option<Closed>,
    errata: Vec<Erratum>,
    question_text: Option<String>,
    answer_text: Option<String>,
    other_fields: Vec<OtherField>,
    warnings: Vec<Warning>,
    lines: LineCounter<'t>,
}

/// Which JO publication a date belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Publication {
    Question,
    Answer,
}

impl<'t> Record<'t> {
    /// A record read from `text` (the whole input), numbering lines with `lines`.
    pub(crate) fn new(lines: LineCounter<'t>) -> Record<'t> {
        Record {
            chamber: None,
            legislature: None,
            kind: None,
            number: None,
            title: None,
            author: Author::default(),
            has_author: false,
            ministry_asked: None,
            ministry_answering: None,
            rubric: None,
            analysis_heading: None,
            analysis: None,
            question_published: None,
            answer_published: None,
            flagged_on: None,
            reassigned_on: Vec::new(),
            renewed_on: Vec::new(),
            closed: None,
            errata: Vec::new(),
            question_text: None,
            answer_text: None,
            other_fields: Vec::new(),
            warnings: Vec::new(),
            lines,
        }
    }

    /// Applies a fact found at byte `offset` of the input: the line its warnings name (facts
    /// that cannot conflict, such as a list's new item or the texts, warn of nothing).
    pub(crate) fn apply(&mut self, fact: Set<'_>, offset: usize) {
        match fact {
            Set::Number(n) => self.set_number(n, offset),
            Set::Kind(k) => self.set_kind(k, offset),
            Set::Legislature(n) => self.set_legislature(n, offset),
            Set::Chamber(c) => self.set_chamber(c),
            Set::Text(field, value) => self.set_text(field, value, offset),
            Set::TextIfNone(field, value) => {
                if self.text(field).is_none() {
                    self.set_text(field, value, offset);
                }
            }
            Set::MoreText(field, more) => self.append_text(field, more),
            Set::Published(which, date, page) => self.set_published(which, date, page, offset),
            Set::Page(which, page) => self.set_page(which, page, offset),
            Set::Flagged(date) => self.set_flagged(date, offset),
            Set::Reassigned(date) => self.reassigned_on.push(date),
            Set::Renewed(date) => self.renewed_on.push(date),
            Set::Closed(date, reason) => self.set_closed(date, reason, offset),
            Set::Erratum(of, date, page) => self.add_erratum(of, date, page),
            Set::ErratumPage(page) => {
                if let Some(e) = self.errata.last_mut() {
                    e.page.get_or_insert(page);
                }
            }
            Set::AuthorPart(part, value) => self.set_author_part(part, value, offset),
            Set::Constituency(n) => self.set_constituency(n, offset),
            Set::AuthorRef(r) => self.author.reference = r,
            Set::ClosureReason(reason) => {
                if let Some(c) = &mut self.closed {
                    c.reason = Some(reason);
                }
            }
            Set::Texts(question, answer) => {
                self.question_text = question;
                self.answer_text = answer;
            }
            Set::Other { label, value } => self.other(offset, label, value),
            Set::Unreadable { label, value, what } => self.unreadable(offset, label, value, what),
        }
    }

    /// The question's kind, once given.
    pub(crate) fn kind(&self) -> Option<Kind> {
        self.kind
    }

    /// The author's name, once given.
    pub(crate) fn author_name(&self) -> Option<&str> {
        self.author.name.as_deref()
    }

    /// The question's text, once set.
    pub(crate) fn question_text(&self) -> Option<&str> {
        self.question_text.as_deref()
    }

    /// Whether the answer's publication is known.
    pub(crate) fn has_answer_published(&self) -> bool {
        self.answer_published.is_some()
    }

    /// A text field's value, once given.
    fn text(&self, field: TextField) -> Option<&String> {
        match field {
            TextField::Title => self.title.as_ref(),
            TextField::MinistryAsked => self.ministry_asked.as_ref(),
            TextField::MinistryAnswering => self.ministry_answering.as_ref(),
            TextField::Rubric => self.rubric.as_ref(),
            TextField::AnalysisHeading => self.analysis_heading.as_ref(),
            TextField::Analysis => self.analysis.as_ref(),
        }
    }

    /// Records a warning at the line of `offset`.
    fn warn(&mut self, offset: usize, message: impl Into<String>) {
        let line = self.lines.line(offset);
        self.warnings.push(Warning {
            line,
            message: message.into(),
        });
    }

    /// Keeps an unknown labelled line, with its warning.
    fn other(&mut self, offset: usize, label: &str, value: &str) {
        let label = crate::grammar::text::squeeze(label);
        let value = crate::grammar::text::squeeze(value);
        self.warn(
            offset,
            format!("unknown label `{label}` kept in other_fields"),
        );
        self.other_fields.push(OtherField { label, value });
    }

    /// Keeps a labelled line whose value could not be read (a date, a number), with its warning.
    fn unreadable(&mut self, offset: usize, label: &str, value: &str, what: &str) {
        let label = crate::grammar::text::squeeze(label);
        let value = crate::grammar::text::squeeze(value);
        self.warn(
            offset,
            format!("{what} of `{label}` could not be read: `{value}`"),
        );
        self.other_fields.push(OtherField { label, value });
    }

    /// Sets a field that a document may state more than once.
    ///
    /// The line of `offset` is counted only for a warning.
    fn set<T: PartialEq + std::fmt::Debug>(
        slot: &mut Option<T>,
        value: T,
        warnings: &mut Vec<Warning>,
        (lines, offset): (&mut LineCounter<'_>, usize),
        what: &str,
    ) {
        match slot {
            None => *slot = Some(value),
            Some(old) if *old == value => {}
            Some(old) => warnings.push(Warning {
                line: lines.line(offset),
                message: format!("{what} given twice with different values ({old:?}, then {value:?}); the first is kept"),
            }),
        }
    }

    /// Sets a text field (ministry, rubric, title…), as written.
    fn set_text(&mut self, field: TextField, value: &str, offset: usize) {
        let value = crate::grammar::text::squeeze(value);
        if value.is_empty() {
            return;
        }
        let (slot, what) = match field {
            TextField::Title => (&mut self.title, "the title"),
            TextField::MinistryAsked => (&mut self.ministry_asked, "the ministry asked"),
            TextField::MinistryAnswering => {
                (&mut self.ministry_answering, "the answering ministry")
            }
            TextField::Rubric => (&mut self.rubric, "the rubric"),
            TextField::AnalysisHeading => (&mut self.analysis_heading, "the analysis heading"),
            TextField::Analysis => (&mut self.analysis, "the analysis"),
        };
        let at = (&mut self.lines, offset);
        Record::set(slot, value, &mut self.warnings, at, what);
    }

    /// Appends a hard-wrapped continuation to a text field already set.
    fn append_text(&mut self, field: TextField, more: &str) {
        let slot = match field {
            TextField::Title => &mut self.title,
            TextField::MinistryAsked => &mut self.ministry_asked,
            TextField::MinistryAnswering => &mut self.ministry_answering,
            TextField::Rubric => &mut self.rubric,
            TextField::AnalysisHeading => &mut self.analysis_heading,
            TextField::Analysis => &mut self.analysis,
        };
        let more = crate::grammar::text::squeeze(more);
        match slot {
            Some(v) if !more.is_empty() => {
                v.push(' ');
                v.push_str(&more);
            }
            _ => {}
        }
    }

    fn set_number(&mut self, n: u64, offset: usize) {
        Record::set(
            &mut self.number,
            n,
            &mut self.warnings,
            (&mut self.lines, offset),
            "the question number",
        );
    }

    fn set_kind(&mut self, k: Kind, offset: usize) {
        Record::set(
            &mut self.kind,
            k,
            &mut self.warnings,
            (&mut self.lines, offset),
            "the kind of question",
        );
    }

    fn set_legislature(&mut self, n: u32, offset: usize) {
        Record::set(
            &mut self.legislature,
            n,
            &mut self.warnings,
            (&mut self.lines, offset),
            "the legislature",
        );
    }

    fn set_chamber(&mut self, c: Chamber) {
        if self.chamber.is_none() {
            self.chamber = Some(c);
        }
    }

    /// Sets a JO publication; a page from either statement is kept.
    fn set_published(&mut self, which: Publication, date: Date, page: Option<u32>, offset: usize) {
        let (slot, what) = match which {
            Publication::Question => (&mut self.question_published, "the question's publication"),
            Publication::Answer => (&mut self.answer_published, "the answer's publication"),
        };
        match slot {
            None => *slot = Some(JoRef { date, page }),
            Some(old) if old.date == date => {
                match (old.page, page) {
                    (None, p) => old.page = p,
                    (Some(a), Some(b)) if a != b => self.warnings.push(Warning {
                        line: self.lines.line(offset),
                        message: format!("{what} given twice with different pages ({a}, then {b}); the first is kept"),
                    }),
                    _ => {}
                }
            }
            Some(old) => {
                let message = format!("{what} given twice with different dates ({}, then {date}); the first is kept", old.date);
                let line = self.lines.line(offset);
                self.warnings.push(Warning { line, message });
            }
        }
    }

    /// Sets the page of a publication already dated (an `page :` item after the date).
    fn set_page(&mut self, which: Publication, page: u32, offset: usize) {
        let slot = match which {
            Publication::Question => &mut self.question_published,
            Publication::Answer => &mut self.answer_published,
        };
        match slot {
            Some(r) if r.page.is_none() => r.page = Some(page),
            Some(r) if r.page == Some(page) => {}
            _ => {
                let line = self.lines.line(offset);
                self.warnings.push(Warning {
                    line,
                    message: format!("page {page} given where no date precedes it, or twice"),
                });
            }
        }
    }

    fn set_flagged(&mut self, date: Date, offset: usize) {
        Record::set(
            &mut self.flagged_on,
            date,
            &mut self.warnings,
            (&mut self.lines, offset),
            "the signalement date",
        );
    }

    fn set_closed(&mut self, date: Option<Date>, reason: Option<String>, offset: usize) {
        match &mut self.closed {
            None => self.closed = Some(Closed { date, reason }),
            Some(old) => {
                let agrees = (old.date.is_none() || date.is_none() || old.date == date)
                    && (old.reason.is_none() || reason.is_none() || old.reason == reason);
                if agrees {
                    old.date = old.date.or(date);
                    if old.reason.is_none() {
                        old.reason = reason;
                    }
                } else {
                    self.warn(offset, "the question's closing given twice with different values; the first is kept");
                }
            }
        }
    }

    fn add_erratum(&mut self, of: ErratumOf, date: Date, page: Option<u32>) {
        self.errata.push(Erratum { of, date, page });
    }

    /// Sets an author part, warning when it disagrees with one already given.
    fn set_author_part(&mut self, part: AuthorPart, value: Option<String>, offset: usize) {
        let Some(value) = value
            .map(|v| crate::grammar::text::squeeze(&v))
            .filter(|v| !v.is_empty())
        else {
            return;
        };
        self.has_author = true;
        let (slot, what) = match part {
            AuthorPart::Civility => (&mut self.author.civility, "the author's civility"),
            AuthorPart::Name => (&mut self.author.name, "the author's name"),
            AuthorPart::Group => (&mut self.author.group, "the author's group"),
            AuthorPart::Department => (&mut self.author.department, "the author's department"),
            AuthorPart::Region => (&mut self.author.region, "the author's region"),
        };
        let at = (&mut self.lines, offset);
        Record::set(slot, value, &mut self.warnings, at, what);
    }

    fn set_constituency(&mut self, n: u32, offset: usize) {
        self.has_author = true;
        Record::set(
            &mut self.author.constituency,
            n,
            &mut self.warnings,
            (&mut self.lines, offset),
            "the author's constituency",
        );
    }

    /// The finished record, or the error of a document that is not a record.
    /// `missing_at` is where the number or the text was expected.
    pub(crate) fn finish(
        mut self,
        layout: Layout,
        missing_at: usize,
        strict: bool,
    ) -> Result<Question, ParseError> {
        let Some(number) = self.number else {
            return Err(ParseError::new(
                ErrorKind::MissingNumber,
                "not a question record: no question number (expected a line such as `Question écrite n° 1234` or `Question N° : 1234`)",
                self.lines.position(missing_at),
            ));
        };
        if self.question_text.is_none() && self.answer_text.is_none() && self.closed.is_none() {
            return Err(ParseError::new(
                ErrorKind::MissingText,
                format!("question {number} has neither a question text nor an answer text (expected `Texte de la question` or the question's paragraphs after this line)"),
                self.lines.position(missing_at),
            ));
        }
        if strict {
            if let Some(w) = self.warnings.first() {
                let offset = self.lines.line_start(w.line);
                return Err(ParseError::new(
                    ErrorKind::Strict,
                    format!("strict mode: {}", w.message),
                    self.lines.position(offset),
                ));
            }
        }
        let uid = match (self.chamber, self.legislature, self.kind) {
            (Some(Chamber::An), Some(l), Some(k)) => Some(format!("QANR5L{l}{k}{number}")),
            _ => None,
        };
        Ok(Question {
            uid,
            chamber: self.chamber,
            legislature: self.legislature,
            kind: self.kind,
            number,
            title: self.title,
            author: self.has_author.then_some(self.author),
            ministry_asked: self.ministry_asked,
            ministry_answering: self.ministry_answering,
            rubric: self.rubric,
            analysis_heading: self.analysis_heading,
            analysis: self.analysis,
            question_published: self.question_published,
            answer_published: self.answer_published,
            flagged_on: self.flagged_on,
            reassigned_on: self.reassigned_on,
            renewed_on: self.renewed_on,
            closed: self.closed,
            errata: self.errata,
            question_text: self.question_text,
            answer_text: self.answer_text,
            other_fields: self.other_fields,
            warnings: self.warnings,
            layout,
        })
    }
}

/// The text fields set as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextField {
    Title,
    MinistryAsked,
    MinistryAnswering,
    Rubric,
    AnalysisHeading,
    Analysis,
}

/// The parts of an author.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AuthorPart {
    Civility,
    Name,
    Group,
    Department,
    Region,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_fact_twice() {
        let mut r = Record::new(LineCounter::new("x\ny\n"));
        r.set_text(TextField::Rubric, "Santé", 0);
        r.set_text(TextField::Rubric, "Santé", 2);
        assert!(r.warnings.is_empty());
        r.set_text(TextField::Rubric, "Culture", 2);
        assert_eq!(r.warnings.len(), 1);
        assert_eq!(r.warnings[0].line, 2);
        assert_eq!(r.rubric.as_deref(), Some("Santé"));
    }

    #[test]
    fn a_page_from_either_statement_is_kept() {
        let mut r = Record::new(LineCounter::new(""));
        let d = Date::new(2022, 7, 26).unwrap();
        r.set_published(Publication::Question, d, None, 0);
        r.set_published(Publication::Question, d, Some(3501), 0);
        r.set_published(Publication::Question, d, None, 0);
        assert_eq!(
            r.question_published,
            Some(JoRef {
                date: d,
                page: Some(3501)
            })
        );
        assert!(r.warnings.is_empty());
    }
}
