//! One document: its anchor found, its layout recognised, its lines read.

use std::ops::Range;

use super::layouts::{self, Evidence};
use super::reader::Reader;
use super::{text, Anchor};
use crate::error::{ErrorKind, ParseError};
use crate::markup::{self, Lines};
use crate::record::LineCounter;
use crate::{Options, Question};

/// Parses the document `text[range]` (line numbers count in the whole `text`).
pub(crate) fn parse_document(
    text: &str,
    range: Range<usize>,
    lines: Option<Lines>,
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
            "not a question document: an XML document (the AN's open-data XML is not read yet)",
            counter.position(base + first_visible),
        ));
    }
    // The splitter's lines when it has them, else the document's own.
    let lines = lines.unwrap_or_else(|| markup::lines(seg));
    let found = find_anchor(&lines);
    let Some((at, anchor)) = found else {
        let first = (0..lines.len()).find(|&i| !text::is_blank(lines.get(i)));
        let offset = first.map_or(base + first_visible, |i| base + lines.src_start(i));
        return Err(ParseError::new(
            ErrorKind::NotAQuestion,
            "not a question document: no line such as `Question écrite n° 1234`, `Question N° : 1234` or `Question de :` was found",
            counter.position(offset),
        ));
    };
    let evidence = Evidence::new(seg, &lines, at, anchor);
    let rules = layouts::recognise(&evidence);
    let end = evidence.end();
    Reader::read(&lines, base, rules, counter, (at, anchor), end, options)
}
/// The anchor of a document: its first line with a number, else its first weak anchor.
fn find_anchor(lines: &Lines) -> Option<(usize, Anchor)> {
    let mut weak = None;
    for i in 0..lines.len() {
        if let Some(a) = super::anchor(lines.get(i)) {
            if a.is_strong() {
                return Some((i, a));
            }
            weak.get_or_insert((i, a));
        }
    }
    weak
}
