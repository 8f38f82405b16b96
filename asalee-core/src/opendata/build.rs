//! The record of one open-data question as it is read: fields set from the tree, unknown
//! values kept in `other_fields` with a warning, and the finished [`Question`] or its error.

use super::node::{Node, UNKNOWN};
use crate::error::{ErrorKind, ParseError};
use crate::position::mark::Mark;
use crate::{Author, Chamber, Date, Layout, Options, OtherField, Question, Warning};

/// A question being read from an open-data tree.
#[derive(Debug)]
pub(crate) struct Draft {
    pub(crate) q: Question,
    pub(crate) number: Option<u64>,
    /// Where the number was read ([`UNKNOWN`] in JSON): a missing text is reported there.
    pub(crate) number_at: usize,
    pub(crate) uid: Option<(String, usize)>,
    pub(crate) author: Author,
    /// Warnings at byte offsets of the input ([`UNKNOWN`]: the question's start).
    warnings: Vec<(usize, String)>,
    /// Where the question starts.
    start: usize,
}

impl Draft {
    pub(crate) fn new(layout: Layout, start: usize) -> Draft {
        Draft {
            q: Question {
                uid: None,
                chamber: Some(Chamber::An),
                legislature: None,
                kind: None,
                number: 0,
                title: None,
                author: None,
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
                layout,
            },
            number: None,
            number_at: UNKNOWN,
            uid: None,
            author: Author::default(),
            warnings: Vec::new(),
            start,
        }
    }

    /// A warning at offset `at` of the input ([`UNKNOWN`] for the question's start).
    pub(crate) fn warn(&mut self, at: usize, message: impl Into<String>) {
        self.warnings.push((at, message.into()));
    }

    /// Keeps a value the record does not read, with its warning.
    pub(crate) fn other(&mut self, at: usize, label: &str, value: &str) {
        let value = super::text::words(value);
        self.warn(at, format!("unknown value kept in other_fields: {label}"));
        self.q.other_fields.push(OtherField {
            label: label.to_owned(),
            value,
        });
    }

    /// Keeps a value that could not be read (a date, a number), with its warning.
    pub(crate) fn unreadable(&mut self, at: usize, label: &str, value: &str, what: &str) {
        let value = super::text::words(value);
        self.warn(
            at,
            format!("{what} of {label} could not be read: \"{value}\""),
        );
        self.q.other_fields.push(OtherField {
            label: label.to_owned(),
            value,
        });
    }

    /// A date value: `None`, and the value kept, when it cannot be read.
    pub(crate) fn date(&mut self, value: Option<(Node, usize)>, label: &str) -> Option<Date> {
        let (node, at) = value?;
        let text = node.text()?;
        let d = super::text::date(text);
        if d.is_none() {
            let text = text.to_owned();
            self.unreadable(at, label, &text, "the date");
        }
        d
    }

    /// Everything left in `node` that is not bookkeeping and not empty goes to `other_fields`,
    /// labelled by its path (`path.to.key`; list items share their list's path).
    pub(crate) fn leftovers(
        &mut self,
        node: Node,
        path: &str,
        at: usize,
        bookkeeping: fn(&str) -> bool,
    ) {
        match node {
            Node::Null => {}
            Node::Text(t) => {
                if !t.trim().is_empty() {
                    self.other(at, path, &t);
                }
            }
            Node::List(items) => {
                for item in items {
                    self.leftovers(item, path, at, bookkeeping);
                }
            }
            Node::Map(entries) => {
                for e in entries {
                    if bookkeeping(&e.key) {
                        continue;
                    }
                    let sub = if path.is_empty() {
                        e.key
                    } else {
                        format!("{path}.{}", e.key)
                    };
                    let at = if e.at == UNKNOWN { at } else { e.at };
                    self.leftovers(e.value, &sub, at, bookkeeping);
                }
            }
        }
    }

    /// The finished record, or the error of a question with no number or no text. `locate`
    /// gives the mark of an offset of the input.
    pub(crate) fn finish(
        mut self,
        options: Options,
        locate: &mut dyn FnMut(usize) -> Mark,
    ) -> Result<Question, ParseError> {
        let start = self.start;
        let Some(number) = self.number else {
            return Err(ParseError::new(
                ErrorKind::MissingNumber,
                "not a question record: the open-data question gives no number (`identifiant.numero`, `DEPOT/@NUMERO`)",
                locate(start).position(),
            ));
        };
        self.q.number = number;
        let q = &self.q;
        if q.question_text.is_none() && q.answer_text.is_none() && q.closed.is_none() {
            return Err(ParseError::new(
                ErrorKind::MissingText,
                format!("question {number} has neither a question text nor an answer text (`texte` of `texteQuestion` or `texteReponse`)"),
                locate(if self.number_at == UNKNOWN { start } else { self.number_at }).position(),
            ));
        }
        let computed = match (q.chamber, q.legislature, q.kind) {
            (Some(Chamber::An), Some(l), Some(k)) => Some(format!("QANR5L{l}{k}{number}")),
            _ => None,
        };
        self.q.uid = match (self.uid.take(), computed) {
            (Some((stated, at)), Some(c)) if stated != c => {
                self.warn(at, format!("the uid {stated} does not agree with the legislature, kind and number ({c}); the stated one is kept"));
                Some(stated)
            }
            (Some((stated, _)), _) => Some(stated),
            (None, c) => c,
        };
        let a = &self.author;
        let any = a.civility.is_some()
            || a.name.is_some()
            || a.group.is_some()
            || a.department.is_some()
            || a.constituency.is_some()
            || a.region.is_some()
            || a.reference.is_some();
        self.q.author = any.then_some(self.author);
        let mut marks = Vec::with_capacity(self.warnings.len());
        for (at, message) in self.warnings {
            let m = locate(if at == UNKNOWN { start } else { at });
            if options.is_strict() {
                return Err(ParseError::new(
                    ErrorKind::Strict,
                    format!("strict mode: {message}"),
                    m.position(),
                ));
            }
            marks.push(Warning {
                line: m.line,
                message,
            });
        }
        self.q.warnings = marks;
        Ok(self.q)
    }
}
