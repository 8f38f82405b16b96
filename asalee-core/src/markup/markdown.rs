//! Markdown in a text line: line prefixes (`#` headings, `>` quotes, bullets, table rows and
//! rules) and inline markers (emphasis, links, images, escapes, superscripts, cells).

use memchr::memchr;

use super::builder::Builder;
use super::text::push_run;

/// The longest link text, destination and attribute block read, in bytes.
pub(super) const MAX_LINK_TEXT: usize = 1024;
pub(super) const MAX_LINK_DEST: usize = 4096;
pub(super) const MAX_ATTRS: usize = 1024;

/// Handles what a Markdown or text line starts with (`#` headings, `>` quotes, `* ` bullets,
/// `|` table rows and separators, pandoc's `:::` div fences); returns the number of source
/// bytes consumed. A heading's trailing attributes (pandoc's `{#id .class}`) are set in
/// [`Builder::skip`] to be left out.
pub(super) fn markdown_line_prefix(b: &mut Builder<'_>, src: &str, i: usize) -> usize {
    // Every prefix starts (after indentation) with one of these: most lines are passed at once.
    let first = src.as_bytes()[i..]
        .iter()
        .find(|&&c| c != b' ' && c != b'\t')
        .copied();
    if !first.is_some_and(|c| {
        matches!(
            c,
            b'-' | b'=' | b'_' | b'*' | b'~' | b'|' | b'#' | b'>' | b'+' | b':'
        ) || c >= 0x80
    }) {
        return 0;
    }
    let line_end = memchr(b'\n', &src.as_bytes()[i..]).map_or(src.len(), |e| i + e);
    let line = &src[i..line_end];
    // (A no-break space is white space there too.)
    let trimmed = line.trim_start_matches([' ', '\t', '\u{A0}']);
    let indent = line.len() - trimmed.len();
    // A pandoc div fence (`::: {.section}`, `:::`) is no text: a block's edge, as a `<div>`'s.
    if trimmed.starts_with(":::") {
        return line.len();
    }
    // A horizontal rule (`---`, `***`, `___`, `===`, box-drawing rules) is no text.
    // (The `all` comes first: it stops at a line's first letter.)
    if trimmed.chars().all(|c| {
        c.is_whitespace() || matches!(c, '-' | '=' | '_' | '*' | '~' | '─' | '━' | '═' | '—' | '–')
    }) && trimmed.chars().filter(|c| !c.is_whitespace()).count() >= 3
    {
        return line.len();
    }
    // Table separator row: only |, -, :, spaces (with outer pipes or, as html2text writes it,
    // without: `---|---|---`).
    if trimmed.starts_with(['|', '-', ':'])
        && trimmed
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':') || c.is_whitespace())
        && trimmed.contains('|')
        && trimmed.bytes().filter(|&c| c == b'-').count() >= 3
    {
        return line.len();
    }
    if trimmed.starts_with('#') {
        let hashes = trimmed.bytes().take_while(|&c| c == b'#').count();
        if hashes <= 6 && trimmed[hashes..].starts_with([' ', '\t', '\u{A0}'])
            || trimmed.len() == hashes
        {
            b.skip = heading_attributes(line).map(|at| (i + at, line_end));
            b.heading = true;
            b.line_markdown = true;
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
    if trimmed.starts_with("*\u{A0}") {
        return indent + 3;
    }
    0
}

/// Where a heading line's trailing pandoc attributes start (`## Titre {#titre .title}`): a
/// `{` after a space, opening `#id`, `.class` or `-`, closed by the line's last `}`.
fn heading_attributes(line: &str) -> Option<usize> {
    let t = line.trim_end();
    if !t.ends_with('}') {
        return None;
    }
    let open = t.rfind(" {")? + 1;
    let inner = &t[open + 1..t.len() - 1];
    (inner.starts_with(['#', '.', '-']) && !inner.contains(['{', '}'])).then_some(open)
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
                b.line_markdown |= c == b'*' && run == 2;
                // html2text drops the space an emphasis starts with (`<b>M. X,</b><i> ministre`
                // becomes `**M. X,**_ministre`): an emphasis opened right where another closed
                // after a comma or a semicolon gets it back.
                let other = if c == b'*' { b'_' } else { b'*' };
                let before = src[..i].trim_end_matches(other as char);
                if before.len() < i
                    && before.ends_with([',', ';'])
                    && next.is_some_and(char::is_alphabetic)
                {
                    b.space();
                }
                return run;
            }
            b.push_text(&src[i..i + run], i);
            run
        }
        b'\\' => match next {
            // A backslash before a line break is a hard break (pandoc): the break ends the line.
            Some('\n') => 1,
            Some('\r') if bytes.get(i + 2) == Some(&b'\n') => 1,
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
            // are markup around a short word (`17^(ème)`).
            let inner = &src[i + 2..];
            let len: usize = inner
                .chars()
                .take(8)
                .take_while(|c| c.is_alphanumeric())
                .map(char::len_utf8)
                .sum();
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
/// character (not a space nor a Markdown link's or span's `(`, `[`, `{` or `:`), or by spaces
/// when it starts its line (a link without text, an icon's, before a line of text: `[61]
/// Publication de la question`). The number is dropped: the text reads as if it were not there
/// (the list of the links at the dump's end is not read).
pub(super) fn link_number_len(bytes: &[u8], i: usize) -> Option<usize> {
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
    let glued = bytes.get(close + 1).is_some_and(|&c| {
        !c.is_ascii_whitespace() && !matches!(c, b'(' | b'[' | b'{' | b':' | b']')
    });
    if !(1..=4).contains(&digits) || bytes.get(close) != Some(&b']') {
        return None;
    }
    let alone = || {
        let blanks = bytes[close + 1..]
            .iter()
            .take_while(|&&c| c == b' ' || c == b'\t')
            .count();
        let text_after = bytes
            .get(close + 1 + blanks)
            .is_some_and(|&c| !c.is_ascii_whitespace());
        let line_start = bytes[..i]
            .iter()
            .rev()
            .take_while(|&&c| c != b'\n')
            .all(|&c| c == b' ' || c == b'\t');
        blanks > 0 && text_after && line_start
    };
    (glued || alone()).then_some(digits + 2)
}

/// A link, image or bracketed span of a Markdown text, found ahead by [`Links`]: `[text](dest)`,
/// `[text](dest){attrs}`, pandoc's `[text]{attrs}`, each of which may run over the lines of
/// its paragraph (html2text and pandoc wrap link texts and destinations).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Bracket {
    /// The `[`, its `]`, and the end of what follows it (the destination and attributes).
    pub(super) open: usize,
    pub(super) close: usize,
    pub(super) after: usize,
    /// Whether its attributes hide it (`{style="display: none"}`, `{.sr-only}`).
    pub(super) hidden: bool,
}

/// The links and spans of the Markdown block being read: each block's brackets are matched
/// (nested ones too, escaped ones left out) in one scan when its first `[` is met, so that a
/// text costs linear time however many brackets it holds.
#[derive(Default)]
pub(super) struct Links {
    /// Where the scanned block ends.
    scanned_to: usize,
    /// The links of the block not yet reached, by their `[`.
    found: std::collections::VecDeque<Bracket>,
    /// The links whose text is being read, the innermost last.
    open: Vec<Bracket>,
    /// The next `)` and `}` (positions asked in order).
    next_paren: Option<usize>,
    next_brace: Option<usize>,
}

impl Links {
    /// The link whose `[` is at `open`, if that `[` opens one; `end` is its block's end.
    pub(super) fn at(&mut self, b: &[u8], open: usize, end: usize) -> Option<Bracket> {
        if open >= self.scanned_to {
            self.found.clear();
            self.scan(b, open, end.max(open));
            self.scanned_to = end.max(open + 1);
        }
        while self.found.front().is_some_and(|f| f.open < open) {
            self.found.pop_front();
        }
        self.found.front().filter(|f| f.open == open).copied()
    }

    /// The `[` of the last link or span of the block from `from` to `end` (its whole text
    /// scanned if it was not yet).
    pub(super) fn last_in(&mut self, b: &[u8], from: usize, end: usize) -> Option<usize> {
        if from >= self.scanned_to {
            self.found.clear();
            self.scan(b, from, end.max(from));
            self.scanned_to = end.max(from + 1);
        }
        self.found.back().map(|l| l.open).filter(|&at| at >= from)
    }

    /// Starts reading a link's text.
    pub(super) fn enter(&mut self, link: Bracket) {
        self.open.push(link);
    }

    /// Whether a link's text is being read at `i` (a line break there is a space).
    pub(super) fn inside(&mut self, i: usize) -> bool {
        while self.open.last().is_some_and(|l| l.close < i) {
            self.open.pop();
        }
        !self.open.is_empty()
    }

    /// At a `]` at `i`: where the pass goes on when it closes the link being read (past its
    /// destination and attributes).
    pub(super) fn close_at(&mut self, i: usize) -> Option<usize> {
        if !self.inside(i) {
            return None;
        }
        let top = *self.open.last()?;
        (top.close == i).then(|| {
            self.open.pop();
            top.after
        })
    }

    fn scan(&mut self, b: &[u8], from: usize, end: usize) {
        let mut stack: Vec<usize> = Vec::new();
        let mut i = from;
        while i < end {
            let Some(k) = memchr::memchr3(b'[', b']', b'\\', &b[i..end]) else {
                break;
            };
            let at = i + k;
            i = at + 1;
            match b[at] {
                b'\\' => i = at + 2,
                b'[' => stack.push(at),
                _ => {
                    let Some(open) = stack.pop() else {
                        continue;
                    };
                    if at - open > MAX_LINK_TEXT {
                        continue;
                    }
                    if let Some((after, hidden)) = self.tail(b, at + 1, end) {
                        self.found.push_back(Bracket {
                            open,
                            close: at,
                            after,
                            hidden,
                        });
                        i = after;
                    }
                }
            }
        }
        // Inner links close first: by their `[`.
        self.found
            .make_contiguous()
            .sort_unstable_by_key(|l| l.open);
    }

    /// What follows a `]` at `p - 1`: a destination `(…)` and attributes `{…}`, or attributes
    /// alone; their end and whether the attributes hide the text.
    fn tail(&mut self, b: &[u8], p: usize, end: usize) -> Option<(usize, bool)> {
        match b.get(p) {
            Some(b'(') => {
                let close = next_of(&mut self.next_paren, b')', b, p + 1);
                if close >= end || close - p > MAX_LINK_DEST {
                    return None;
                }
                Some(self.attrs(b, close + 1, end).unwrap_or((close + 1, false)))
            }
            Some(b'{') => self.attrs(b, p, end),
            _ => None,
        }
    }

    /// Pandoc's attribute block `{#id .class key="value"}` at `p`: its end and whether it hides.
    fn attrs(&mut self, b: &[u8], p: usize, end: usize) -> Option<(usize, bool)> {
        if b.get(p) != Some(&b'{') {
            return None;
        }
        let close = next_of(&mut self.next_brace, b'}', b, p + 1);
        if close >= end || close - p > MAX_ATTRS {
            return None;
        }
        Some((close + 1, attributes_hide(&b[p + 1..close])))
    }
}

/// The next `byte` at or after `from` (`b.len()` when none), cached in `at` (asked in order).
fn next_of(at: &mut Option<usize>, byte: u8, b: &[u8], from: usize) -> usize {
    match *at {
        Some(p) if p >= from => p,
        _ => {
            let p = memchr::memchr(byte, &b[from.min(b.len())..]).map_or(b.len(), |k| from + k);
            *at = Some(p);
            p
        }
    }
}

/// Whether a pandoc attribute block's text (`#id .class key="value" flag`) hides its element, as
/// the same attributes would on an HTML tag.
pub(super) fn attributes_hide(t: &[u8]) -> bool {
    let mut i = 0;
    while i < t.len() {
        while t.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let start = i;
        let mut quote = None;
        while let Some(&c) = t.get(i) {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None if c == b'"' || c == b'\'' => quote = Some(c),
                None if c.is_ascii_whitespace() => break,
                None => {}
            }
            i += 1;
        }
        let item = &t[start..i];
        let hides = match item.first() {
            None => false,
            Some(b'.') => super::html::attribute_hides(b"class", &item[1..]),
            Some(b'#') => false,
            _ => match memchr::memchr(b'=', item) {
                Some(eq) => {
                    let value = &item[eq + 1..];
                    let value = value
                        .strip_prefix(b"\"")
                        .and_then(|v| v.strip_suffix(b"\""))
                        .unwrap_or(value);
                    super::html::attribute_hides(&item[..eq], value)
                }
                None => super::html::attribute_hides(item, b""),
            },
        };
        if hides {
            return true;
        }
    }
    false
}

/// A run of text of pandoc's smart-punctuation Markdown: `---`, `--`, `...` and `'` are the em
/// dash, en dash, ellipsis and typographic apostrophe they stand for (a straight apostrophe is
/// escaped, `\'`, and is not in a run).
pub(super) fn push_smart_run(b: &mut Builder<'_>, run: &str, at: usize) {
    let bytes = run.as_bytes();
    let mut from = 0;
    let mut k = 0;
    while k < bytes.len() {
        let (len, ch) = if bytes[k..].starts_with(b"---") {
            (3, "—")
        } else if bytes[k..].starts_with(b"--") {
            (2, "–")
        } else if bytes[k..].starts_with(b"...") {
            (3, "…")
        } else if bytes[k] == b'\'' {
            (1, "’")
        } else {
            k += 1;
            continue;
        };
        if k > from {
            push_run(b, &run[from..k], at + from);
        }
        b.push_text(ch, at + k);
        k += len;
        from = k;
    }
    if from < bytes.len() {
        push_run(b, &run[from..], at + from);
    }
}
