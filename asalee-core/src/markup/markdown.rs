//! Markdown in a text line: line prefixes (`#` headings, `>` quotes, bullets, table rows and
//! rules) and inline markers (emphasis, links, images, escapes, superscripts, cells).

use memchr::memchr;

use super::builder::Builder;

/// The longest link text and destination read, in bytes.
pub(super) const MAX_LINK_TEXT: usize = 1024;
pub(super) const MAX_LINK_DEST: usize = 4096;

/// Handles what a Markdown or text line starts with (`#` headings, `>` quotes, `* ` bullets,
/// `|` table rows and separators); returns the number of source bytes consumed.
pub(super) fn markdown_line_prefix(b: &mut Builder<'_>, src: &str, i: usize) -> usize {
    // Every prefix starts (after indentation) with one of these: most lines are passed at once.
    let first = src.as_bytes()[i..]
        .iter()
        .find(|&&c| c != b' ' && c != b'\t')
        .copied();
    if !first.is_some_and(|c| {
        matches!(
            c,
            b'-' | b'=' | b'_' | b'*' | b'~' | b'|' | b'#' | b'>' | b'+'
        ) || c >= 0x80
    }) {
        return 0;
    }
    let line_end = memchr(b'\n', &src.as_bytes()[i..]).map_or(src.len(), |e| i + e);
    let line = &src[i..line_end];
    let trimmed = line.trim_start_matches([' ', '\t']);
    let indent = line.len() - trimmed.len();
    // A horizontal rule (`---`, `***`, `___`, `===`, box-drawing rules) is no text.
    // (The `all` comes first: it stops at a line's first letter.)
    if trimmed.chars().all(|c| {
        c.is_whitespace() || matches!(c, '-' | '=' | '_' | '*' | '~' | '─' | '━' | '═' | '—' | '–')
    }) && trimmed.chars().filter(|c| !c.is_whitespace()).count() >= 3
    {
        return line.len();
    }
    // Table separator row: only |, -, :, spaces.
    if trimmed.starts_with('|')
        && trimmed
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
        && trimmed.contains('-')
    {
        return line.len();
    }
    if trimmed.starts_with('#') {
        let hashes = trimmed.bytes().take_while(|&c| c == b'#').count();
        if hashes <= 6 && trimmed[hashes..].starts_with([' ', '\t']) || trimmed.len() == hashes {
            return indent + hashes;
        }
    }
    if trimmed.starts_with("> ") || trimmed == ">" {
        return indent + 1;
    }
    if trimmed.starts_with("* ")
        || trimmed.starts_with("+ ") && !trimmed[2..].starts_with(|c: char| c.is_ascii_digit())
    {
        return indent + 2;
    }
    let _ = b;
    0
}

/// Handles one Markdown inline construct at `i` (text mode); returns the bytes consumed.
pub(super) fn markdown_inline(b: &mut Builder<'_>, src: &str, i: usize) -> usize {
    let bytes = src.as_bytes();
    let c = bytes[i];
    let prev = src[..i].chars().next_back();
    let next = src[i + 1..].chars().next();
    match c {
        b'*' | b'_' => {
            let run = bytes[i..].iter().take_while(|&&x| x == c).count();
            let left_flanking = next.is_some_and(|n| !n.is_whitespace());
            let right_flanking = prev.is_some_and(|p| !p.is_whitespace());
            let word_inside = c == b'_'
                && prev.is_some_and(char::is_alphanumeric)
                && next.is_some_and(char::is_alphanumeric);
            if (left_flanking || right_flanking) && !word_inside && run <= 3 {
                return run;
            }
            b.push_text(&src[i..i + run], i);
            run
        }
        b'\\' => match next {
            Some(n) if n.is_ascii_punctuation() => {
                b.push_text(&src[i + 1..i + 2], i + 1);
                2
            }
            _ => {
                b.push_text("\\", i);
                1
            }
        },
        b'^' if next == Some('(') && prev.is_some_and(char::is_alphanumeric) => {
            // pandoc's plain text writes a superscript `16^(e)`: the caret and the parentheses
            // are markup around a short word.
            let inner = &src[i + 2..];
            let len = inner
                .bytes()
                .take(8)
                .take_while(u8::is_ascii_alphanumeric)
                .count();
            if len > 0 && inner.as_bytes().get(len) == Some(&b')') {
                b.push_text(&inner[..len], i + 2);
                return len + 3;
            }
            1
        }
        b'^' => {
            // `6^e` and pandoc's `6^e^`: the caret is markup.
            if prev.is_some_and(char::is_alphanumeric) || next.is_some_and(char::is_alphanumeric) {
                1
            } else {
                b.push_text("^", i);
                1
            }
        }
        b'!' if next == Some('[') => {
            // An image: drop `![alt](src)` entirely.
            if let Some(len) = link_len(&src[i + 1..]) {
                return 1 + len.total;
            }
            b.push_text("!", i);
            1
        }
        b'[' => {
            if let Some(len) = link_number_len(bytes, i) {
                return len;
            }
            if let Some(len) = link_len(&src[i..]) {
                // Keep the link text; drop the brackets and the destination.
                let text = &src[i + 1..i + 1 + len.text];
                let inner = lines_inline(text);
                b.line_tabs |= inner.contains('\t');
                b.push_text(&inner, i + 1);
                return len.total;
            }
            b.push_text("[", i);
            1
        }
        b'|' => {
            // A table cell separator: `| a | b |`.
            b.cell_break();
            1
        }
        _ => {
            let len = src[i..].chars().next().map_or(1, char::len_utf8);
            b.push_text(&src[i..i + len], i);
            len
        }
    }
}

/// The length of lynx's number of a link (`[12]` glued to the link's text, `[56]M. Philippe Le
/// Ray`) at `i`: a `[` at a word's start, one to four digits, a `]` followed by the link's first
/// character (not a space nor a Markdown link's `(`, `[` or `:`). The number is dropped: the text
/// reads as if it were not there (the list of the links at the dump's end is not read).
fn link_number_len(bytes: &[u8], i: usize) -> Option<usize> {
    let after_space = i == 0
        || matches!(bytes[i - 1], b' ' | b'\t' | b'\n' | b'\r')
        || i > 1 && bytes[i - 2..i] == [0xC2, 0xA0];
    if !after_space {
        return None;
    }
    let digits = bytes[i + 1..]
        .iter()
        .take(5)
        .take_while(|c| c.is_ascii_digit())
        .count();
    let close = i + 1 + digits;
    let glued = bytes
        .get(close + 1)
        .is_some_and(|&c| !c.is_ascii_whitespace() && !matches!(c, b'(' | b'[' | b':' | b']'));
    ((1..=4).contains(&digits) && bytes.get(close) == Some(&b']') && glued).then_some(digits + 2)
}

/// The inline text of a link label (emphasis markers removed).
pub(super) fn lines_inline(s: &str) -> std::borrow::Cow<'_, str> {
    let b = s.as_bytes();
    // Most link texts hold neither `*` nor `_`: one search rejects them.
    let doubled = memchr::memchr2_iter(b'*', b'_', b).any(|at| b.get(at + 1) == Some(&b[at]));
    if !doubled {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(s.replace("**", "").replace("__", ""))
}

pub(super) struct LinkLen {
    text: usize,
    total: usize,
}

/// `[text](dest)` at the start of `s`: lengths of the text and of the whole link, on one line.
pub(super) fn link_len(s: &str) -> Option<LinkLen> {
    let b = s.as_bytes();
    let close = memchr::memchr2(b']', b'\n', &b[..b.len().min(MAX_LINK_TEXT)])?;
    if b[close] != b']' || b.get(close + 1) != Some(&b'(') {
        return None;
    }
    let after = &b[close + 2..];
    let end = memchr::memchr2(b')', b'\n', &after[..after.len().min(MAX_LINK_DEST)])?;
    if after[end] != b')' {
        return None;
    }
    Some(LinkLen {
        text: close - 1,
        total: close + 2 + end + 1,
    })
}
