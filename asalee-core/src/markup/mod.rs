//! Markup to lines: HTML (whole pages or fragments), Markdown and text become a list of
//! visible lines, each made of cells, with white space folded and every character traceable to
//! its byte offset in the original text.
//!
//! - HTML: tags removed, entities decoded, block elements and `<br>` end a line, `<td>`/`<th>`
//!   start a cell, source line breaks inside a block are white space. Nothing from `<head>`,
//!   `<title>`, `<script>`, `<style>`, comments, attribute values, hidden elements
//!   (`display: none`, `visibility: hidden`, `hidden`, `sr-only`), navigation (`<nav>`,
//!   breadcrumbs), footers, buttons and form controls reaches a line.
//! - Markdown and text (outside any HTML block): each source line is a line; `#` headings,
//!   `**bold**`, `*em*`, `[text](url)`, images, backslash escapes, `^` superscripts and
//!   `| table | rows |` are reduced to their text; a tab separates cells.
//!
//! Inside a line, cells are separated by `\t`; lines are separated by `\n` in the text of [`Lines`].
//! The walk is one pass over the input with an explicit element stack (no recursion).
//!
//! - [`lines()`] here: the pass, which hands each construct to its module;
//! - `lines`: the [`Lines`] it writes and the map from their bytes back to the source's;
//! - `builder`: the writer of those lines (folded spaces, cell and line breaks);
//! - `tags` and `html`: what each element does, tags, attributes, comments and entities read;
//! - `boxes`: the box-drawn tables of text renderings (w3m, links, elinks), read cell by cell;
//! - `markdown`: line prefixes and inline markers; `text`: runs of words, Unicode spaces, cells;
//! - `scan`: the fast byte scans (where a run of text ends, two spaces, the next `>`).

mod boxes;
mod builder;
mod html;
mod lines;
mod markdown;
mod scan;
mod tags;
mod text;

use memchr::memchr;

use builder::Builder;
use html::{
    comment_len, declaration_len, entity, handle_tag, known_tag_start, looks_like_html_start,
    raw_text_end, read_tag, Decoded, MAX_TAG_LEN,
};
use markdown::{markdown_inline, markdown_line_prefix, push_smart_run, Links};
use scan::{next_line_blank, special_at, starts_with_block_tag, NextBlank, NextByte, NextEndTags};
use tags::{classify, is_phrasing};
use text::{is_invisible, is_space_char, push_run};

pub(crate) use lines::Lines;
pub(crate) use text::{cells, first_cell, paragraph};

/// Converts a text (HTML, Markdown or plain) to its visible lines.
pub(crate) fn lines(src: &str) -> Lines {
    let mut b = Builder::new(src);
    let mut pass = Pass {
        src,
        bytes: src.as_bytes(),
        skipping: None,
        page: b.page,
        at_line_start: true,
        next_gt: NextByte::new(b'>'),
        next_nl: NextByte::new(b'\n'),
        links: Links::default(),
        next_blank: NextBlank::new(),
        line_src: 0,
        evidence: (0, None, 0, false),
        phrasing_open: 0,
        next_end_tags: NextEndTags::new(),
        last_phrasing: "",
        smart: (0, None),
        smart_seen: false,
    };
    let mut i = 0;
    while i < src.len() {
        i = if pass.skipping.is_some() {
            pass.skip_in_element(i)
        } else {
            pass.step(&mut b, i)
        };
    }
    b.finish()
}

/// The pass over a text: where it is, and what it has found ahead.
struct Pass<'s> {
    src: &'s str,
    bytes: &'s [u8],
    /// Element being skipped: (name, depth).
    skipping: Option<(Box<str>, usize)>,
    /// Whether the text is a saved page (see [`Builder::page`]).
    page: bool,
    /// Whether the pass is at the start of a source line (for text-mode Markdown handling).
    at_line_start: bool,
    /// The next `>` and line break (cached positions).
    next_gt: NextByte,
    next_nl: NextByte,
    /// The Markdown links of the block being read.
    links: Links,
    /// The end of the block of text (see [`Pass::block_end`]).
    next_blank: NextBlank,
    /// Where the source line of the current line of text starts.
    line_src: usize,
    /// The Markdown evidence of the block being read: its end, the last place in it that shows
    /// the text is Markdown, its widest source line, whether a setext underline ends it (see
    /// [`Pass::markdown_paragraph`]).
    evidence: (usize, Option<usize>, usize, bool),
    /// How many phrasing elements (`<span>`, `<a>`…) opened in text are open: their content
    /// runs over the lines of their paragraph (see [`is_phrasing`]).
    phrasing_open: usize,
    /// The next end tag of each phrasing element (one opened in text is open only when its end
    /// tag follows it in its block).
    next_end_tags: NextEndTags,
    /// The name of the phrasing element opened last: a line break inside it is a space only
    /// while its end tag is still ahead in the block.
    last_phrasing: &'s str,
    /// The block being read's end and the last `\'` in it (see [`Pass::smart_punctuation`]).
    smart: (usize, Option<usize>),
    /// Whether an earlier block escaped an apostrophe (the text is pandoc's smart Markdown).
    smart_seen: bool,
}

impl Pass<'_> {
    /// How far markup that starts at `i` may reach: in a saved page, the page's end; in text
    /// (Markdown, fragments), the end of its block, the line break before the next blank line,
    /// as an HTML block of Markdown ends there. So an element left open in text (a stray
    /// `<footer>`, a hidden `<div>`, `<script>` or `<!--` never closed) hides nothing past a
    /// blank line: never the next document of a concatenation.
    fn block_end(&mut self, i: usize) -> usize {
        if self.page {
            self.bytes.len()
        } else {
            self.next_blank.find(self.bytes, i)
        }
    }

    /// Inside a skipped element: only tags of the same name are looked at. Returns where the
    /// pass goes on.
    fn skip_in_element(&mut self, mut i: usize) -> usize {
        let (src, bytes) = (self.src, self.bytes);
        if self.skipping.is_none() {
            return i;
        }
        let end = self.block_end(i);
        let Some(lt) = memchr(b'<', &bytes[i..end]) else {
            // In text the element ends with its block (in a page, with the page).
            self.skipping = None;
            return end;
        };
        let Some((name, depth)) = &mut self.skipping else {
            return i;
        };
        i += lt;
        if let Some(len) = comment_len(&src[i..end]) {
            return i + len;
        }
        // Only tags of the skipped element's name matter: others are passed over unread.
        let after = &bytes[i + 1..];
        let after = after.strip_prefix(b"/").unwrap_or(after);
        let same_name = after.len() > name.len()
            && after[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && !after[name.len()].is_ascii_alphanumeric();
        if !same_name {
            return i + 1;
        }
        match read_tag(&src[i..end], true) {
            Some(tag) if tag.name.eq_ignore_ascii_case(name) => {
                if tag.end {
                    *depth -= 1;
                    if *depth == 0 {
                        self.skipping = None;
                    }
                } else if !tag.attrs.trim_end().ends_with('/') {
                    *depth += 1;
                }
                i + tag.len
            }
            Some(tag) => i + tag.len,
            None => i + 1,
        }
    }

    /// A line's prefix (at a line start), a run of ordinary text, and the byte that ends it.
    /// Returns where the pass goes on.
    fn step(&mut self, b: &mut Builder<'_>, mut i: usize) -> usize {
        let (src, bytes) = (self.src, self.bytes);
        // (A line's prefix and then its text are read in one turn of the loop, and the byte that
        // ends a run in the same turn as the run: nothing else can come between them.)
        if self.at_line_start && !b.html_mode() {
            b.clean_line_start = Some(i);
            // A box-drawn table is read whole, row by row.
            if let Some(end) = boxes::boxed_table(b, src, i) {
                return end;
            }
            i += markdown_line_prefix(b, src, i);
            if i >= bytes.len() {
                return i;
            }
        }
        self.at_line_start = false;
        if let Some((from, to)) = b.skip {
            if i >= from {
                b.skip = None;
                return to.max(i);
            }
        }
        let rest = &bytes[i..];
        // Copy a run of ordinary text at once: words and the single spaces between them (up to
        // a part left out).
        let mut special = special_at(rest, b.html_mode());
        if let Some((from, _)) = b.skip {
            special = special.min(from - i);
        }
        if special > 0 {
            let run = &src[i..i + special];
            if !b.html_mode() && self.smart_punctuation(i) {
                push_smart_run(b, run, i);
            } else {
                push_run(b, run, i);
            }
            i += special;
            if i >= bytes.len() {
                return i;
            }
        }
        if let Some((from, to)) = b.skip.filter(|&(from, _)| i >= from) {
            let _ = from;
            b.skip = None;
            return to.max(i);
        }
        let c = bytes[i];
        if b.page && b.html_mode() && matches!(c, b'\n' | b'\t' | b'\r' | b' ') {
            // In a page's HTML, a run of white space (a line break and the next line's
            // indentation) is one space, taken at once.
            b.space();
            return i + bytes[i..]
                .iter()
                .position(|c| !matches!(c, b'\n' | b'\t' | b'\r' | b' '))
                .unwrap_or(bytes.len() - i);
        }
        self.special_byte(b, i, c)
    }

    /// The byte `c` at `i` that ended a run. Returns where the pass goes on.
    fn special_byte(&mut self, b: &mut Builder<'_>, i: usize, c: u8) -> usize {
        let (src, bytes) = (self.src, self.bytes);
        match c {
            b'\n' => {
                if b.html_mode() && !b.page && next_line_blank(bytes, i + 1) {
                    // Markdown: an HTML block ends at a blank line.
                    b.containers.clear();
                    b.line_break(i, false);
                    self.at_line_start = true;
                    self.line_src = i + 1;
                } else if b.html_mode()
                    || self.links.inside(i)
                    || self.phrasing_open > 0
                        && !next_line_blank(bytes, i + 1)
                        && !starts_with_block_tag(&bytes[i + 1..])
                        && self.next_end_tags.find(bytes, i, self.last_phrasing) < self.block_end(i)
                {
                    // (Inside a link's text or a phrasing element's, a line break is a wrap: a
                    // space, or nothing after a word's hyphen, `Marquet-` / `Ribeiro`.)
                    if b.html_mode() || !hyphen_wrap(bytes, i) {
                        b.space();
                    }
                } else if b.line_has_text && self.markdown_paragraph(i, b.heading) {
                    // A Markdown paragraph's line break is a space (a hyphen's wrap, nothing).
                    if !hyphen_wrap(bytes, i) {
                        b.space();
                    }
                } else {
                    // (A paragraph's end closes what it left open.)
                    self.phrasing_open = 0;
                    let blank = !b.line_has_text;
                    if hard_break_before(bytes, i) {
                        b.line_break(i, blank);
                    } else {
                        b.soft_break(i, blank);
                    }
                    self.at_line_start = true;
                    self.line_src = i + 1;
                    b.heading = false;
                }
                i + 1
            }
            b'\t' => {
                if b.html_mode() {
                    b.space();
                } else {
                    b.cell_break();
                }
                i + 1
            }
            b' ' | b'\r' | 0x00..=0x1F => {
                b.space();
                i + 1
            }
            b'<' => self.tag(b, i),
            b'&' => {
                let (decoded, len) = entity(&src[i..]);
                match decoded {
                    Some(Decoded::Space) => b.space(),
                    Some(Decoded::Text(t)) => b.push_text(&t, i),
                    None => b.push_text("&", i),
                }
                i + len
            }
            // A no-break space, the most frequent of them (French typography's `n° 12`, `« x »`).
            0xC2 if bytes.get(i + 1) == Some(&0xA0) => {
                b.space();
                i + 2
            }
            0xC2 | 0xE2 => {
                // U+00A0, U+2000..U+200B, U+202F, U+205F, U+3000 are white space; U+200B-U+200D, U+FEFF vanish.
                let ch = src[i..].chars().next().unwrap_or(' ');
                let len = ch.len_utf8();
                if is_space_char(ch) {
                    b.space();
                } else if !is_invisible(ch) {
                    b.push_text(&src[i..i + len], i);
                }
                i + len
            }
            _ if !b.html_mode() => self.markdown(b, i, c),
            _ => {
                b.push_text(&src[i..i + 1], i);
                i + 1
            }
        }
    }

    /// A `<` at `i`: a comment, a declaration, a tag, or text. Returns where the pass goes on.
    fn tag(&mut self, b: &mut Builder<'_>, i: usize) -> usize {
        let (src, bytes) = (self.src, self.bytes);
        // (In text, nothing of a tag, comment or declaration reaches past its block's end; the
        // end is looked for only when something may reach a line's end: a `<!` or `<?`, a raw-text
        // element, a tag that spans lines.)
        if matches!(bytes.get(i + 1), Some(b'!' | b'?')) {
            let end = self.block_end(i);
            if let Some(len) = comment_len(&src[i..end]) {
                return i + len;
            }
            if let Some(len) = declaration_len(&src[i..end]) {
                return i + len;
            }
        }
        // A `<` whose `>` is too far (or, in text, beyond the line) is text: decided from
        // cached positions, so that many of them cost linear time.
        let multiline =
            b.html_mode() || looks_like_html_start(&src[i..]) || known_tag_start(&src[i..]);
        let gt = self.next_gt.find(bytes, i);
        if gt - i > MAX_TAG_LEN || !multiline && self.next_nl.find(bytes, i) < gt {
            b.push_text("<", i);
            return i + 1;
        }
        // A tag read to its `>` before the line's end reads the same within its block; one
        // that runs on (or none) is read again within the block.
        let on_its_line =
            read_tag(&src[i..], multiline).filter(|tag| i + tag.len <= self.next_nl.find(bytes, i));
        let tag = match on_its_line {
            Some(tag) => Some(tag),
            None => {
                let end = self.block_end(i);
                read_tag(&src[i..end], multiline)
            }
        };
        let Some(tag) = tag else {
            b.push_text("<", i);
            return i + 1;
        };
        let (name, tag_len) = (tag.name, tag.len);
        let info = classify(name);
        if !tag.end && (info.skipped || tag.hides) {
            let self_closing = tag.attrs.trim_end().ends_with('/') || info.void;
            if !self_closing {
                if info.raw_text {
                    let after = i + tag_len;
                    let end = self.block_end(i);
                    return after + raw_text_end(&src[after..end], name);
                }
                self.skipping = Some((name.into(), 1));
            }
            return i + tag_len;
        }
        if !b.html_mode() && is_phrasing(name) {
            if tag.end {
                self.phrasing_open = self.phrasing_open.saturating_sub(1);
            } else if !tag.attrs.trim_end().ends_with('/') {
                // (One never closed in its block, a cut or joined file's, leaves its line breaks
                // as they are: a next document's number line stays a line of its own.)
                let close = self.next_end_tags.find(bytes, i + tag_len, name);
                if close < self.block_end(i) {
                    self.phrasing_open += 1;
                    self.last_phrasing = name;
                }
            }
        }
        handle_tag(b, &tag, info, i);
        i + tag_len
    }

    /// Whether the text line break at `nl` is a soft break of a Markdown paragraph, to be read
    /// as a space: the next line goes on with the paragraph (it is not blank and starts no
    /// block: heading, list item, quote, table row, rule, fence, HTML block), the line does not
    /// end with a hard break, the text shows it is Markdown from the line's start to its
    /// block's end (a link or span, strong emphasis `**`), as the Markdown of html2text,
    /// markdownify and pandoc does, whose paragraphs they wrap, the line was full (it and the
    /// next word are wider than the block's widest line and than [`NARROWEST_WRAP`] columns, and
    /// it is at most [`WIDEST_WRAPPED`] wide) and
    /// the next line goes on with it (a
    /// small letter or a parenthesis first, or the paragraph's last line). Plain text, where a
    /// line break may end a line of the page, keeps its lines; so does a heading's wrapped end
    /// and a paragraph a setext underline ends, which are joined whatever the evidence.
    fn markdown_paragraph(&mut self, nl: usize, heading: bool) -> bool {
        let bytes = self.bytes;
        if next_line_blank(bytes, nl + 1)
            || hard_break_before(bytes, nl)
            || starts_block(&bytes[nl + 1..])
        {
            return false;
        }
        if heading {
            // A converter writes a blank line after a heading: a line right after one goes on
            // with it (html2text wraps headings).
            return true;
        }
        if nl >= self.evidence.0 {
            // (A block is looked at once: the last evidence in it, from the line's start on.)
            let end = self.next_blank.find(bytes, nl);
            let from = self.line_src.min(end);
            let strong = scan::rfind_pair(&bytes[from..end], *b"**").map(|at| from + at);
            let link = self.links.last_in(bytes, from, end);
            // A paragraph a setext underline ends (`Titre\n-----`) is a heading: one line.
            let last_line =
                memchr::memrchr(b'\n', &bytes[from..end]).map_or(from, |k| from + k + 1);
            let underline = bytes[last_line..end].trim_ascii();
            let setext = (underline.len() >= 3
                && (underline.iter().all(|&c| c == b'-') || underline.iter().all(|&c| c == b'=')))
            .then_some(last_line);
            let evidence = strong.max(link);
            // (The widest line matters only where the block shows Markdown.)
            let widest = evidence.map_or(0, |_| {
                bytes[from..end]
                    .split(|&c| c == b'\n')
                    .map(<[u8]>::len)
                    .max()
                    .unwrap_or(0)
            });
            self.evidence = (end, evidence, widest, setext.is_some());
        }
        if self.evidence.3 {
            return true;
        }
        if self.evidence.1.is_none_or(|l| l < self.line_src) {
            // (No Markdown in the block from this line on: a text dump's line, read as it is.)
            return false;
        }
        // A converter wraps a line when the next word does not fit: the line and that word are
        // wider than the block's widest line.
        let next = &bytes[nl + 1..];
        let word = next
            .iter()
            .position(|c| c.is_ascii_whitespace())
            .unwrap_or(next.len());
        let start = self.line_start_of(nl);
        let line = self.src[start..nl].chars().count();
        // And the next line goes on with it: it starts with a small letter or a parenthesis, or
        // it is the paragraph's last (a document joined after this one by a line break starts
        // with a title, then more lines).
        let next_end = memchr::memchr(b'\n', next).map_or(next.len(), |k| k);
        let goes_on = next
            .first()
            .is_some_and(|c| c.is_ascii_lowercase() || *c == b'(')
            || next_end == next.len()
            || next_line_blank(next, next_end + 1)
            || starts_block(&next[(next_end + 1).min(next.len())..]);
        line + 1 + word > self.evidence.2.max(NARROWEST_WRAP) && line <= WIDEST_WRAPPED && goes_on
    }

    /// Whether the text at `i` is pandoc's Markdown with smart punctuation, which writes an en
    /// dash `--`, an em dash `---`, an ellipsis `...` and a typographic apostrophe `'`: its
    /// block escapes straight apostrophes (`\'`, which only such a writer does) from the line's
    /// start on, or an earlier block did.
    fn smart_punctuation(&mut self, i: usize) -> bool {
        if i >= self.smart.0 {
            self.smart_seen |= self.smart.1.is_some();
            let end = self.next_blank.find(self.bytes, i).max(i + 1);
            let from = self.line_src.min(i);
            let last = scan::rfind_pair(&self.bytes[from..end.min(self.bytes.len())], *b"\\'")
                .map(|k| from + k);
            self.smart = (end, last);
        }
        self.smart_seen || self.smart.1.is_some_and(|l| l >= self.line_src)
    }

    /// The start of the source line holding `at`, from the current line's start on.
    fn line_start_of(&self, at: usize) -> usize {
        let from = self.line_src.min(at);
        memchr::memrchr(b'\n', &self.bytes[from..at]).map_or(from, |k| from + k + 1)
    }

    /// A Markdown marker at `i` in text (`c` its byte). Returns where the pass goes on.
    fn markdown(&mut self, b: &mut Builder<'_>, i: usize, c: u8) -> usize {
        let (src, bytes) = (self.src, self.bytes);
        if c == b'[' {
            if let Some(len) = markdown::link_number_len(bytes, i) {
                return i + len;
            }
        }
        let image = c == b'!' && bytes.get(i + 1) == Some(&b'[');
        if c == b'[' || image {
            // A link, image or span: its text is read on (its line breaks are spaces), its
            // destination and attributes are not; an image, or a span its attributes hide, is
            // left out whole. A `[` that opens none is text.
            let open = if image { i + 1 } else { i };
            let end = self.next_blank.find(bytes, open);
            if let Some(link) = self.links.at(bytes, open, end) {
                b.line_markdown = true;
                if image || link.hidden {
                    return link.after;
                }
                self.links.enter(link);
                return open + 1;
            }
            b.push_text(&src[i..=open], i);
            return open + 1;
        }
        if c == b']' {
            if let Some(after) = self.links.close_at(i) {
                return after;
            }
        }
        i + markdown_inline(b, src, i)
    }
}

/// Whether the line break at `nl` is a Markdown hard break: the line ends with two spaces or a
/// backslash (a `<br>` in html2text's, markdownify's and pandoc's Markdown). Such a line ends
/// there, as an HTML line does: it is no wrapped part of a paragraph.
fn hard_break_before(bytes: &[u8], nl: usize) -> bool {
    let line = &bytes[..nl];
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    line.ends_with(b"  ") && line.len() > 2 && !line[..line.len() - 2].ends_with(b"\n")
        || line.ends_with(b"\\") && !line.ends_with(b"\\\\")
}

/// The narrowest width converters wrap Markdown at (pandoc's 72 columns; html2text's is 78): a
/// line and the next word narrower than that were not wrapped.
const NARROWEST_WRAP: usize = 72;

/// The widest line a converter's wrap leaves (a line and a link destination it does not break):
/// a wider line (a footer's row of links) was not wrapped.
const WIDEST_WRAPPED: usize = 200;

/// Whether the line break at `nl` splits a word at its hyphen (`Lot-` then `et-Garonne`, as
/// html2text wraps): a letter and `-` before it, a letter after it.
fn hyphen_wrap(bytes: &[u8], nl: usize) -> bool {
    let line = &bytes[..nl];
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let Some(before) = line.strip_suffix(b"-") else {
        return false;
    };
    let letter = |s: &str| s.chars().next().is_some_and(char::is_alphabetic);
    let prev = std::str::from_utf8(&before[before.len().saturating_sub(4)..])
        .ok()
        .and_then(|s| s.chars().next_back());
    let next = bytes.get(nl + 1..nl + 5).unwrap_or(&bytes[nl + 1..]);
    let next = String::from_utf8_lossy(next);
    prev.is_some_and(char::is_alphabetic) && letter(&next)
}

/// Whether a source line starts a Markdown block that interrupts a paragraph: a heading, quote,
/// list item, table row, rule or setext underline, fence, or HTML block element.
fn starts_block(line: &[u8]) -> bool {
    let t = line.trim_ascii_start();
    let t = t.strip_prefix(b"\xC2\xA0").unwrap_or(t);
    match t.first() {
        None => true,
        Some(b'#' | b'>' | b'|' | b'=' | b'`' | b'~') => true,
        Some(b'*' | b'-' | b'+' | b'_') => {
            t.get(1)
                .is_none_or(|c| c.is_ascii_whitespace() || *c == t[0])
                || t.starts_with(b"\xC2\xA0")
        }
        Some(b':') => t.starts_with(b":::"),
        Some(b'<') => {
            looks_like_html_start(std::str::from_utf8(&t[..t.len().min(16)]).unwrap_or(""))
        }
        Some(c) if c.is_ascii_digit() => {
            let digits = t.iter().take_while(|c| c.is_ascii_digit()).count();
            matches!(t.get(digits), Some(b'.' | b')'))
                && t.get(digits + 1).is_none_or(|c| c.is_ascii_whitespace())
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests;
