//! Text: runs of words and spaces written with spaces folded, Unicode spaces and invisible
//! characters, and a line's cells.

use memchr::memchr;

use super::builder::Builder;
use super::scan::double_space;

/// Writes a run of text that holds no special byte: words separated by spaces, each run of
/// spaces folded to one.
pub(super) fn push_run(b: &mut Builder<'_>, run: &str, at: usize) {
    let mut rest = run;
    let mut offset = at;
    loop {
        let lead = rest.bytes().take_while(|&c| c == b' ').count();
        if lead > 0 {
            b.space();
            offset += lead;
            rest = &rest[lead..];
        }
        if rest.is_empty() {
            return;
        }
        // Up to the next double space, or a trailing space.
        let end = double_space(rest.as_bytes()).unwrap_or(rest.len());
        let word_end = if end == rest.len() {
            rest.len() - usize::from(rest.ends_with(' '))
        } else {
            end
        };
        b.push_text(&rest[..word_end], offset);
        offset += word_end;
        rest = &rest[word_end..];
    }
}

pub(super) fn is_space_char(c: char) -> bool {
    matches!(
        c,
        '\u{A0}' | '\u{2000}'
            ..='\u{200A}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{85}'
    )
}

pub(super) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
    )
}

/// A line's first non-empty cell, trimmed (the line itself when it has one cell).
pub(crate) fn first_cell(line: &str) -> Option<&str> {
    let b = line.as_bytes();
    // Short lines are looked at byte by byte, which costs less than setting memchr up.
    let tab = if b.len() < 48 {
        b.contains(&b'\t')
    } else {
        memchr(b'\t', b).is_some()
    };
    if !tab {
        let t = crate::grammar::text::trim(line);
        return (!t.is_empty()).then_some(t);
    }
    cells(line).next()
}

/// Splits a line into its cells.
pub(crate) fn cells(line: &str) -> impl Iterator<Item = &str> {
    line.split('\t').map(str::trim).filter(|c| !c.is_empty())
}

/// Folds a line's cells into one paragraph (cells joined by a space).
pub(crate) fn paragraph(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for cell in cells(line) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(cell);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::lines;
    use super::*;

    #[test]
    fn first_cells_agree_with_searching_the_line() {
        let src =
            "Titre\n| a | b |\n<table><tr><td>x</td><td>y</td></tr></table>\n[a\tb](u) c\n  \nfin";
        let l = lines(src);
        for i in 0..l.len() {
            assert_eq!(
                l.first_cell(i),
                first_cell(l.get(i)),
                "line {i}: {:?}",
                l.get(i)
            );
            assert!(l.has_tabs(i) || !l.get(i).contains('\t'), "line {i}");
        }
    }
}
