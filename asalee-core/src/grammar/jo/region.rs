//! Where a Journal officiel issue lies in a text chunk that may also hold documents of other
//! layouts: from the lines that head its first block (its title or rubric, ministry and section
//! headings, running heads, cover lines, a document-sharing site's chrome) to the next other
//! document.

use super::blocks::block_line;
use super::heads::{head_part, issue_number_line, weekday_date_line};
use super::join::ends_sentence;
use super::sections::{is_ministry_heading, section_heading};
use crate::grammar::{common, text::squeeze};
use crate::markup::Lines;

/// At most this many lines before a block are its title or rubric lines.
const PREAMBLE: usize = 4;

/// Whether line `i` opens with a block's number line (`91355. – 1er décembre 2015. – M. …`).
fn is_block(lines: &Lines, i: usize) -> bool {
    // A line whose first byte is visible ASCII other than a digit has a first cell that starts
    // with it: the cell is not looked for (most lines of every other layout end here).
    let first = lines.get(i).as_bytes().first();
    if first.is_some_and(|c| c.is_ascii_graphic() && !c.is_ascii_digit()) {
        return false;
    }
    lines
        .first_cell(i)
        .filter(|c| c.starts_with(|c: char| c.is_ascii_digit()))
        .and_then(block_line)
        .is_some_and(|b| b.number.is_some())
}

/// Whether a (trimmed) line is one of an issue's own lines that may stand before its first block.
fn is_issue_line(t: &str) -> bool {
    section_heading(t).is_some()
        || is_ministry_heading(t)
        || head_part(&squeeze(t)).is_some()
        || (t.contains("(Q)") && issue_number_line(t).is_some())
        || weekday_date_line(t).is_some()
        || common::legislature_line(t).is_some()
        || common::is_chrome(t)
        || is_site_chrome(t)
}

/// A document-sharing site's lines around the text: bullets of its search box (`• Aucun résultat
/// trouvé`) and `Dans le document …`.
fn is_site_chrome(t: &str) -> bool {
    t.starts_with('•') || crate::grammar::text::starts_folded(t, "Dans le document")
}

/// The line ranges of the chunk's JO issues, given the first lines of its other documents
/// (`starts`, in order): each from the lines that head its first block (from the chunk's start
/// when no other document precedes it) to the next other document.
fn regions(lines: &Lines, starts: &[usize]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_block(lines, i) {
            i += 1;
            continue;
        }
        // The other documents around the block: the one it follows, and the next.
        let k = starts.partition_point(|&s| s <= i);
        let floor = if k > 0 { starts[k - 1] + 1 } else { 0 };
        let floor = floor.max(out.last().map_or(0, |&(_, e)| e));
        let end = starts.get(k).copied().unwrap_or(lines.len());
        // Before the chunk's first other document, the issue's front matter is the issue's.
        let start = if k == 0 && out.is_empty() {
            0
        } else {
            start_of(lines, i, floor)
        };
        out.push((start, end));
        i = end;
    }
    out
}

/// The first line of an issue whose first block is line `first`, no earlier than `floor`.
fn start_of(lines: &Lines, first: usize, floor: usize) -> usize {
    let mut s = first;
    let mut preamble = 0;
    let mut structure = false;
    while s > floor {
        let t = lines.get(s - 1).trim();
        if t.is_empty() {
            s -= 1;
            continue;
        }
        if is_issue_line(t) {
            structure = true;
            s -= 1;
            continue;
        }
        // A title or rubric (and analysis) line, directly before the block.
        if !structure && preamble < PREAMBLE && !ends_sentence(t) {
            preamble += 1;
            s -= 1;
            continue;
        }
        break;
    }
    while s < first && lines.get(s).trim().is_empty() {
        s += 1;
    }
    s
}

/// The first lines of the chunk's documents (`starts`, with `None`) and of its JO issues (with
/// `Some` of the line that ends the issue), in order.
pub(crate) fn bounds(lines: &Lines, starts: &[usize]) -> Vec<(usize, Option<usize>)> {
    let mut out: Vec<(usize, Option<usize>)> = starts.iter().map(|&i| (i, None)).collect();
    out.extend(
        regions(lines, starts)
            .into_iter()
            .map(|(a, b)| (a, Some(b))),
    );
    out.sort_unstable();
    out
}
