//! One document: its anchor found, its layout recognised, its lines read.

use std::ops::Range;

use super::layouts::{self, Evidence};
use super::reader::Reader;
use super::split::SharedLines;
use super::token::Tokens;
use super::Anchor;
use crate::error::{ErrorKind, ParseError};
use crate::markup::{self, Lines};
use crate::position::LineCounter;
use crate::{Options, Question};

/// Parses the document `text[range]` (line numbers count in the whole `text`).
pub(crate) fn parse_document(
    text: &str,
    range: Range<usize>,
    lines: Option<SharedLines>,
    counter: LineCounter<'_>,
    options: Options,
) -> Result<Question, ParseError> {
    let seg = &text[range.clone()];
    let base = range.start;
    let mut counter = counter;
    let first_visible = seg.len() - seg.trim_start().len();
    if seg.trim_start().starts_with("<?xml") {
        return Err(ParseError::new(
            ErrorKind::NotAQuestion,
            "not a question document: an XML document that is not the AN's open data (no `question`, `questionsEcrites` or `QUESTION` root)",
            counter.position(base + first_visible),
        ));
    }
    // The splitter's lines and tokens when it has them, else the document's own.
    let (lines, tokens) = lines.unwrap_or_else(|| {
        let lines = markup::lines(seg);
        let tokens = Tokens::of(&lines);
        (lines, tokens)
    });
    let found = find_anchor(&tokens);
    let Some((at, anchor)) = found else {
        let first = (0..lines.len()).find(|&i| !tokens.get(&lines, i).is_blank());
        let offset = first.map_or(base + first_visible, |i| base + lines.src_start(i));
        return Err(ParseError::new(
            ErrorKind::NotAQuestion,
            "not a question document: no line such as `Question écrite n° 1234`, `Question N° : 1234` or `Question de :` was found",
            counter.position(offset),
        ));
    };
    let evidence = Evidence::new(seg, &lines, &tokens, at, anchor);
    let rules = layouts::recognise(&evidence);
    let end = evidence.end();
    let doc = Document {
        lines: &lines,
        tokens: &tokens,
        base,
    };
    Reader::read(doc, rules, counter, (at, anchor), end, options)
}

/// A document's lines, their tokens, and where it starts in the whole text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Document<'l> {
    /// The lines.
    pub(crate) lines: &'l Lines,
    /// Their tokens.
    pub(crate) tokens: &'l Tokens,
    /// The offset of the document in the whole text.
    pub(crate) base: usize,
}
/// The anchor of a document: its first line with a number, else its first weak anchor.
fn find_anchor(tokens: &Tokens) -> Option<(usize, Anchor)> {
    let mut weak = None;
    for i in 0..tokens.len() {
        if let Some(a) = tokens.anchor(i) {
            if a.is_strong() {
                return Some((i, a));
            }
            weak.get_or_insert((i, a));
        }
    }
    weak
}
