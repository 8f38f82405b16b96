//! The lines an issue is read from, in reading order: the markup stage's visible lines, or, for
//! text laid out in two columns side by side (`pdftotext -layout`), each page's lines cut at the
//! gutter and read column by column.
//!
//! The gutter is found from the whole page's evidence: the character columns that (almost) no
//! line writes in, in the middle half of the page, with text on both sides of them on many lines.
//! A line that writes across the gutter (a running head, a heading over both columns) is read
//! whole, after the columns of the band above it.

use std::ops::Range;

use crate::markup::Lines;

/// One line of the issue: its text (not trimmed, white space not folded) and the byte offset in
/// the whole input where it starts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    pub(crate) text: &'a str,
    pub(crate) src: usize,
    /// Whether its white space is folded already (a line of the markup stage; a line cut from
    /// the source's columns is not).
    pub(crate) folded: bool,
}

/// An issue's lines in reading order.
pub(crate) struct Reading<'a> {
    pub(crate) lines: Vec<Line<'a>>,
    /// The lines joined by `\n`, when they are written so (the markup stage's lines): what is
    /// looked for in every line is looked for there at once.
    pub(crate) whole: Option<&'a str>,
}

impl Reading<'_> {
    /// The indices of the lines that hold `needle` (which holds no `\n`), in order.
    pub(crate) fn lines_holding(&self, needle: &str) -> Vec<usize> {
        let Some(whole) = self.whole else {
            let holds = |l: &Line<'_>| memchr::memmem::find(l.text.as_bytes(), needle.as_bytes());
            return (0..self.lines.len())
                .filter(|&i| holds(&self.lines[i]).is_some())
                .collect();
        };
        let b = whole.as_bytes();
        let (mut out, mut line, mut at) = (Vec::new(), 0, 0);
        for hit in memchr::memmem::find_iter(b, needle.as_bytes()) {
            line += memchr::memchr_iter(b'\n', &b[at..hit]).count();
            at = hit;
            if out.last() != Some(&line) {
                out.push(line);
            }
        }
        out
    }
}

/// The lines of `text[range]` in reading order; `markup` are the chunk's visible lines.
pub(crate) fn reading_order<'a>(
    text: &'a str,
    range: Range<usize>,
    markup: &'a Lines,
) -> Reading<'a> {
    let chunk = &text[range.clone()];
    if memchr::memmem::find(chunk.as_bytes(), b"    ").is_some() {
        if let Some(lines) = columns(text, range.clone()) {
            return Reading { lines, whole: None };
        }
    }
    let lines = markup
        .src_starts()
        .enumerate()
        .map(|(i, src)| Line {
            text: markup.get(i),
            src: range.start + src,
            folded: !markup.has_tabs(i),
        })
        .collect();
    Reading {
        lines,
        whole: Some(markup.text()),
    }
}

/// A source line: its text without the line end, and its offset.
fn source_lines(text: &str, range: Range<usize>) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut at = range.start;
    for l in text[range.clone()].split_inclusive('\n') {
        let body = l.strip_suffix('\n').unwrap_or(l);
        let body = body.strip_suffix('\r').unwrap_or(body);
        out.push(Line {
            text: body,
            src: at,
            folded: false,
        });
        at += l.len();
    }
    out
}

/// The lines read column by column, when at least one page has a gutter.
fn columns(text: &str, range: Range<usize>) -> Option<Vec<Line<'_>>> {
    let lines = source_lines(text, range);
    let mut out = Vec::with_capacity(lines.len() * 2);
    let mut any = false;
    let mut page_start = 0;
    for i in 0..=lines.len() {
        let new_page = i == lines.len() || i > page_start && lines[i].text.contains('\u{c}');
        if !new_page {
            continue;
        }
        let page = &lines[page_start..i];
        match gutter(page) {
            Some(g) => {
                any = true;
                split_page(page, g, &mut out);
            }
            None => out.extend_from_slice(page),
        }
        page_start = i;
    }
    any.then_some(out)
}

/// The character columns `start..end` of a page's gutter, if it has one.
fn gutter(page: &[Line<'_>]) -> Option<(usize, usize)> {
    const MAX_WIDTH: usize = 400;
    let mut occupied = vec![0u32; MAX_WIDTH + 1];
    let mut width = 0;
    let mut nonblank = 0u32;
    for l in page {
        let mut any = false;
        for (col, c) in l.text.chars().enumerate() {
            if col > MAX_WIDTH {
                return None;
            }
            if !c.is_whitespace() {
                occupied[col] += 1;
                width = width.max(col + 1);
                any = true;
            }
        }
        nonblank += u32::from(any);
    }
    if nonblank < 4 || width < 40 {
        return None;
    }
    // The widest run of columns that at most one line in twenty writes in, in the middle half.
    let low = (nonblank / 20).max(1);
    let (from, to) = (width / 4, width * 3 / 4);
    let mut best: Option<(usize, usize)> = None;
    let mut run_start = None;
    for (col, &n) in occupied.iter().enumerate().take(to + 1).skip(from) {
        let free = col < to && n <= low;
        match (free, run_start) {
            (true, None) => run_start = Some(col),
            (false, Some(s)) => {
                if best.is_none_or(|(a, b)| col - s > b - a) {
                    best = Some((s, col));
                }
                run_start = None;
            }
            _ => {}
        }
    }
    let (start, end) = best.filter(|(a, b)| b - a >= 2)?;
    // Evidence: many lines have a column's worth of text (25 characters or more) on each side
    // of the gutter (on one line or on lines of their own, as columns whose baselines differ).
    let (mut left, mut right) = (0usize, 0usize);
    for l in page {
        let (mut l_chars, mut r_chars) = (0, 0);
        for (col, c) in l.text.chars().enumerate() {
            if !c.is_whitespace() {
                l_chars += usize::from(col < start);
                r_chars += usize::from(col >= end);
            }
        }
        left += usize::from(l_chars >= 25);
        right += usize::from(r_chars >= 25);
    }
    let enough = |n: usize| n >= 3 && n * 100 >= nonblank as usize * 15;
    (enough(left) && enough(right)).then_some((start, end))
}

/// A page's lines cut at the gutter: each band between lines that write across the gutter is
/// read left column first, then right column.
fn split_page<'a>(page: &[Line<'a>], gutter: (usize, usize), out: &mut Vec<Line<'a>>) {
    let mut left: Vec<Line<'a>> = Vec::new();
    let mut right: Vec<Line<'a>> = Vec::new();
    for l in page {
        match cut(l.text, gutter) {
            Some((to, from)) => {
                left.push(Line {
                    text: &l.text[..to],
                    src: l.src,
                    folded: false,
                });
                right.push(Line {
                    text: &l.text[from..],
                    src: l.src + from,
                    folded: false,
                });
            }
            None => {
                out.append(&mut left);
                out.append(&mut right);
                out.push(*l);
            }
        }
    }
    out.append(&mut left);
    out.append(&mut right);
}

/// Where a line is cut at the gutter `start..end` (character columns): the byte offsets where
/// its left part ends and its right part starts. It is cut in its longest run of two spaces or
/// more that meets the gutter, else at the gutter when it writes nothing there, else after (or
/// before) it when it writes on one side only; `None` for a line that writes across the gutter.
fn cut(text: &str, (start, end): (usize, usize)) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    let mut gap: Option<(usize, usize)> = None;
    let (mut at_start, mut at_end) = (None, None);
    let (mut writes_left, mut writes_in_gutter, mut writes_right) = (false, false, false);
    for (col, (at, c)) in text.char_indices().enumerate() {
        if col == start {
            at_start = Some(at);
        }
        if col == end {
            at_end = Some(at);
        }
        if c.is_whitespace() {
            gap.get_or_insert((col, at));
            continue;
        }
        writes_left |= col < start;
        writes_in_gutter |= col >= start && col < end;
        writes_right |= col >= end;
        if let Some((g_col, g_at)) = gap.take() {
            let len = col - g_col;
            let meets = g_col < end && col > start;
            if len >= 2 && meets && best.is_none_or(|(n, _, _)| len > n) {
                best = Some((len, g_at, at));
            }
        }
    }
    if let Some((_, to, from)) = best {
        return Some((to, from));
    }
    // A line of one column that reaches into the gutter is that column's.
    match (writes_left, writes_in_gutter, writes_right) {
        (true, true, false) => return Some((text.len(), text.len())),
        (false, true, _) => return Some((0, 0)),
        (_, true, _) => return None,
        _ => {}
    }
    Some((at_start.unwrap_or(text.len()), at_end.unwrap_or(text.len())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let mut page =
            String::from("ASSEMBLÉE NATIONALE          1er DÉCEMBRE 2015          9441\n");
        for k in 0..6 {
            page.push_str(&format!(
                "gauche ligne {k} du texte en colonne           droite ligne {k} du texte en colonne\n"
            ));
        }
        let lines = columns(&page, 0..page.len()).unwrap();
        let texts: Vec<&str> = lines
            .iter()
            .map(|l| l.text.trim())
            .filter(|t| !t.is_empty())
            .collect();
        assert!(texts[0].starts_with("ASSEMBLÉE"));
        assert_eq!(texts[1], "gauche ligne 0 du texte en colonne");
        assert_eq!(texts[6], "gauche ligne 5 du texte en colonne");
        assert_eq!(texts[7], "droite ligne 0 du texte en colonne");
        let r = lines
            .iter()
            .find(|l| l.text.trim() == "droite ligne 1 du texte en colonne")
            .unwrap();
        assert!(page[r.src..].starts_with("droite ligne 1"));
    }

    #[test]
    fn lines_holding_a_needle_are_found_in_the_whole_text() {
        let src = "(Q)\nun (Q) et (Q)\n\n(Q\n)\nfin (Q)\n";
        let markup = crate::markup::lines(src);
        let reading = reading_order(src, 0..src.len(), &markup);
        let per_line = Reading {
            lines: reading.lines.clone(),
            whole: None,
        };
        assert_eq!(reading.lines_holding("(Q)"), [0, 1, 5]);
        assert_eq!(per_line.lines_holding("(Q)"), [0, 1, 5]);
    }

    #[test]
    fn one_column_has_no_gutter() {
        let mut page = String::new();
        for k in 0..8 {
            page.push_str(&format!(
                "une ligne {k} de texte pleine qui occupe toute la largeur ici\n"
            ));
        }
        assert!(columns(&page, 0..page.len()).is_none());
    }
}
