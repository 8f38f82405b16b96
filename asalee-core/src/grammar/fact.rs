//! What a layout's own lines tell the reader: the [`Part`] of the document a line is in or opens,
//! and the [`Fact`]s it gives, which the reader applies to the record.

use super::label::Item;
use super::name::AuthorLine;
use crate::record::{Publication, TextField};
use crate::Date;

/// The part of a document the reader is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Part {
    /// The metadata around the anchor (author, kind, ministries, dates).
    Meta,
    /// The question's paragraphs.
    QuestionText,
    /// The answer's paragraphs.
    AnswerText,
    /// The key-data block after the texts (`Données clés`, `Date(s) clé(s)`).
    KeyBlock,
}

/// One fact of a layout's own line, in the order the line gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Fact<'l> {
    /// A publication in the Journal officiel; with `takes_page`, a later `- page N` line gives
    /// its page.
    Published {
        /// The question's or the answer's.
        which: Publication,
        /// The date of the Journal officiel.
        date: Date,
        /// The page, when the line gives it.
        page: Option<u32>,
        /// Whether a later page line belongs to it.
        takes_page: bool,
    },
    /// A publication line whose date cannot be read: a warning naming `label`.
    UnreadableDate {
        /// The label the warning names.
        label: &'static str,
        /// The line as written.
        value: &'l str,
    },
    /// `- page N` alone: the page of the last dated item.
    Page(u32),
    /// A text field's value.
    Text(TextField, String),
    /// The answering ministry, unless the document gave one already.
    MinistryAnsweringIfUnset(String),
    /// The answer was given in a séance on this date: the answer's publication when the
    /// document gives no other.
    AnsweredInSeance(Date),
    /// The question lapsed, for this reason.
    Lapsed(String),
    /// The author, its parenthesised parts as the layout orders them.
    Author(AuthorLine),
    /// The legislature a heading joined to the anchor's line states.
    Legislature(u32),
    /// The title on the anchor's line, or (`None`) on the next line.
    Title(Option<&'l str>),
    /// A labelled item, applied as any labelled line's item is.
    Item(Item<'l>),
    /// A labelled item whose value (a date) a hard-wrapped next line completes.
    ItemCutByWrap(Item<'l>),
}

/// What a layout's own line gives: its facts, and the part it opens (if it changes the part).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Own<'l> {
    /// The facts, applied in order.
    pub(crate) facts: Vec<Fact<'l>>,
    /// The part the line opens.
    pub(crate) opens: Option<Part>,
}

impl<'l> Own<'l> {
    /// A line that gives `facts` and opens `part`.
    pub(crate) fn new(facts: Vec<Fact<'l>>, opens: Option<Part>) -> Own<'l> {
        Own { facts, opens }
    }
}
