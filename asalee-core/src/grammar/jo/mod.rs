//! The layout `jo`: the text of Journal officiel "Questions" issues (AN and Sénat), many
//! questions and answers per issue, each block one document.
//!
//! - [`lines`]: the issue's lines in reading order (two columns side by side read one after the
//!   other).
//! - [`heads`]: running heads (the page each line is on) and the cover.
//! - [`sections`]: section headings, lists that yield nothing, ministry headings.
//! - [`blocks`]: a block's own lines (`N. – DATE. – M. Name …`, `Réponse. – …`, the AN's
//!   analysis line).
//! - [`join`]: paragraphs and hyphenation; [`compounds`]: the hyphenated words an issue writes.
//! - [`walk`]: the one pass that reads them all.
//! - [`region`]: where an issue lies among a chunk's other documents.
//!
//! The splitter asks [`bounds`] where the chunk's issues are (between its other documents) and
//! hands each to [`read`], which reads it whole, each block a document; [`finish`] turns one into
//! its record.

mod blocks;
mod compounds;
mod fast;
mod heads;
mod join;
mod lines;
mod region;
mod sections;
mod walk;

use std::ops::Range;

pub(crate) use region::bounds;

use crate::error::{ErrorKind, ParseError};
use crate::markup::Lines;
use crate::position::LineCounter;
use crate::record::{AuthorPart, Publication, Record, Set, TextField};
use crate::{Chamber, JoRef, Kind, Layout, Options, Question};

/// One block of an issue, read: what its record needs, with byte offsets into the whole input
/// (turned into lines and columns by [`finish`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Block {
    /// Where the text the block's issue was read from starts: a block read alone loses its
    /// issue's cover and headings, so a stream keeps the text from here until the issue is whole.
    pub(crate) issue: usize,
    /// Where the block's first line (its title or rubric, else its number line) starts.
    pub(crate) start: usize,
    /// Where its number line (or `Réponse. –` line) starts: errors point there.
    pub(crate) at: usize,
    pub(crate) number: Option<u64>,
    pub(crate) chamber: Option<Chamber>,
    pub(crate) legislature: Option<u32>,
    pub(crate) kind: Option<Kind>,
    pub(crate) title: Option<String>,
    pub(crate) ministry_asked: Option<String>,
    pub(crate) ministry_answering: Option<String>,
    pub(crate) rubric: Option<String>,
    pub(crate) analysis_heading: Option<String>,
    pub(crate) analysis: Option<String>,
    pub(crate) question_published: Option<JoRef>,
    pub(crate) answer_published: Option<JoRef>,
    pub(crate) question_text: Option<String>,
    pub(crate) answer_text: Option<String>,
}

/// The blocks of the text chunk `text[range]` (whose visible lines are `markup`), with each
/// block's byte range in `text`, when the chunk is a JO issue (it holds a line such as `91355. –
/// 1er décembre 2015. – M. …`); none otherwise.
pub(crate) fn read(text: &str, range: Range<usize>, markup: &Lines) -> Vec<(Range<usize>, Block)> {
    // Only a line that opens with a digit can be a block's number line.
    let is_jo = (0..markup.len()).any(|i| {
        markup
            .first_cell(i)
            .filter(|c| c.starts_with(|c: char| c.is_ascii_digit()))
            .and_then(blocks::block_line)
            .is_some_and(|b| b.number.is_some())
    });
    if !is_jo {
        return Vec::new();
    }
    let reading = lines::reading_order(text, range.clone(), markup);
    let mut walk = walk::Walk::new(&reading);
    walk.run(&reading.lines);
    // Documents start in order and never before the chunk: a block read out of order (a column
    // read after the other) starts where the previous one does.
    let mut out: Vec<(Range<usize>, Block)> = Vec::with_capacity(walk.out.len());
    let mut floor = range.start;
    for b in walk.out {
        let start = b.start.clamp(floor, range.end);
        floor = start;
        out.push((
            start..start,
            Block {
                issue: range.start,
                ..b
            },
        ));
    }
    for k in 0..out.len() {
        let end = out.get(k + 1).map_or(range.end, |(r, _)| r.start);
        out[k].0.end = end;
    }
    out
}

/// The record of one block, or its error; `lines` numbers the lines of the whole input from
/// somewhere at or before the block.
pub(crate) fn finish(
    block: Block,
    lines: LineCounter<'_>,
    options: Options,
) -> Result<Question, ParseError> {
    let mut lines = lines;
    let Some(number) = block.number else {
        return Err(ParseError::new(
            ErrorKind::MissingNumber,
            "not a question record: a Journal officiel block without a number (expected `1234. – 1er décembre 2015. – M. …`)",
            lines.position(block.at),
        ));
    };
    if block.question_text.is_none() && block.answer_text.is_none() {
        return Err(ParseError::new(
            ErrorKind::MissingText,
            format!("question {number} has neither a question text nor an answer text (expected the text after `{number}. – DATE. –`)"),
            lines.position(block.at),
        ));
    }
    // The block's facts, applied as a page's are (each at the block's number line).
    let mut rec = Record::new(lines);
    let at = block.at;
    rec.apply(Set::Number(number), at);
    if let Some(c) = block.chamber {
        rec.apply(Set::Chamber(c), at);
    }
    if let Some(n) = block.legislature {
        rec.apply(Set::Legislature(n), at);
    }
    if let Some(k) = block.kind {
        rec.apply(Set::Kind(k), at);
    }
    let texts = [
        (TextField::Title, &block.title),
        (TextField::MinistryAsked, &block.ministry_asked),
        (TextField::MinistryAnswering, &block.ministry_answering),
        (TextField::Rubric, &block.rubric),
        (TextField::AnalysisHeading, &block.analysis_heading),
        (TextField::Analysis, &block.analysis),
    ];
    for (field, value) in texts {
        if let Some(value) = value {
            rec.apply(Set::Text(field, value), at);
        }
    }
    let published = [
        (Publication::Question, block.question_published),
        (Publication::Answer, block.answer_published),
    ];
    for (which, jo) in published {
        if let Some(jo) = jo {
            rec.apply(Set::Published(which, jo.date, jo.page), at);
        }
    }
    if let Some((civility, name)) = block
        .question_text
        .as_deref()
        .and_then(crate::grammar::name::opening_name)
    {
        rec.apply(
            Set::AuthorPart(AuthorPart::Civility, Some(civility.to_owned())),
            at,
        );
        rec.apply(Set::AuthorPart(AuthorPart::Name, Some(name)), at);
    }
    rec.apply(Set::Texts(block.question_text, block.answer_text), at);
    rec.finish(Layout::Jo, block.at, options.is_strict())
}
