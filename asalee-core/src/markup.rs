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
//! Inside a line, cells are separated by `\t`; lines are separated by `\n` in [`Lines::text`].
//! The walk is one pass over the input with an explicit element stack (no recursion).

use std::sync::Arc;

use memchr::memchr;

/// The visible lines of a text, or of a window of them (the lines of one document of a text
/// read as a whole): windows share the text's lines instead of copying them.
#[derive(Debug, Default, Clone)]
pub(crate) struct Lines {
    all: Arc<Built>,
    /// The window's lines are `all`'s lines `from..to`.
    from: usize,
    to: usize,
    /// Subtracted from `all`'s source offsets: the window's source starts there.
    src_base: usize,
}

/// The lines of a whole text, as the markup wrote them.
#[derive(Debug, Default)]
struct Built {
    /// Every line's text, each followed by `\n`; cells inside a line separated by `\t`.
    text: String,
    /// The lines, in order.
    lines: Vec<Span>,
    /// `(out, src)` checkpoints: from `out` on, output bytes map to source bytes at `src + (o - out)`
    /// until the next checkpoint.
    map: Vec<(usize, usize)>,
}

/// One line of a [`Built`] text.
#[derive(Debug, Clone, Copy)]
struct Span {
    /// The line's byte range in the text (without the `\n`).
    start: usize,
    end: usize,
    /// Whether a source line break of text (not HTML) ended it: such a line may be a
    /// hard-wrapped part of a paragraph.
    soft: bool,
    /// Whether the walk was in its initial state (text mode, nothing open or skipped) at the
    /// start of the source line where the line begins: the lines from there on are then exactly
    /// those of that text read alone (see [`Lines::window`]).
    clean: bool,
    /// Whether it may hold a `\t` (a cell separator): a line without one is its own first cell,
    /// found without searching it.
    tabs: bool,
}

impl Lines {
    /// The number of lines.
    pub(crate) fn len(&self) -> usize {
        self.to - self.from
    }

    /// Line `i`'s text (cells separated by `\t`).
    pub(crate) fn get(&self, i: usize) -> &str {
        let line = self.span(i);
        &self.all.text[line.start..line.end]
    }

    fn span(&self, i: usize) -> &Span {
        &self.all.lines[self.from + i]
    }

    /// Whether line `i` was ended by a line break of text (it may be a hard-wrapped line).
    pub(crate) fn is_soft(&self, i: usize) -> bool {
        self.span(i).soft
    }

    /// Line `i`'s first non-empty cell, trimmed (see [`first_cell`]); a line that holds no cell
    /// separator is not searched for one.
    pub(crate) fn first_cell(&self, i: usize) -> Option<&str> {
        if self.has_tabs(i) {
            first_cell(self.get(i))
        } else {
            let t = crate::grammar::text::trim(self.get(i));
            (!t.is_empty()).then_some(t)
        }
    }

    /// Whether line `i` may hold a cell separator (`\t`).
    pub(crate) fn has_tabs(&self, i: usize) -> bool {
        self.span(i).tabs
    }

    /// Whether lines `from..` of this text are the lines of the text read from line `from`'s
    /// source line on (see the `clean` field).
    pub(crate) fn is_clean(&self, i: usize) -> bool {
        self.span(i).clean
    }

    /// Lines `from..to` as the lines of their own text, whose first byte is at `src_base` of this
    /// text: what [`lines`] gives for that text when `is_clean(from)`, without reading it again
    /// nor copying it (the window shares these lines).
    pub(crate) fn window(&self, from: usize, to: usize, src_base: usize) -> Lines {
        let to = to.min(self.len());
        if from >= to {
            return Lines::default();
        }
        Lines {
            all: Arc::clone(&self.all),
            from: self.from + from,
            to: self.from + to,
            src_base: self.src_base + src_base,
        }
    }

    /// The source offset of the byte at `out` in the whole text's output.
    fn src_of(&self, out: usize) -> usize {
        let map = &self.all.map;
        let idx = map.partition_point(|&(o, _)| o <= out);
        if idx == 0 {
            return 0;
        }
        let (o, s) = map[idx - 1];
        (s + (out - o)).saturating_sub(self.src_base)
    }

    /// The source offset where line `i` starts.
    pub(crate) fn src_start(&self, i: usize) -> usize {
        self.src_of(self.span(i).start)
    }

    /// The source offset of a sub-slice of line `i` (`part` must be a slice of `self.get(i)`).
    pub(crate) fn src_of_part(&self, i: usize, part: &str) -> usize {
        let line = self.get(i);
        let delta = (part.as_ptr() as usize).saturating_sub(line.as_ptr() as usize);
        self.src_of(self.span(i).start + delta.min(line.len()))
    }
}

/// Elements whose whole content is left out.
const SKIPPED: &[&str] = &[
    "head", "title", "script", "style", "noscript", "template", "svg", "nav", "footer", "button",
    "select", "textarea", "iframe", "object", "canvas", "math",
];

/// Elements with raw text content (no tags inside).
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title"];

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Block elements: their start and end end a line.
const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
    "option",
    "frameset",
    "frame",
];

/// Block elements that, while open, make source line breaks white space.
const CONTAINER: &[&str] = &[
    "html",
    "body",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "div",
    "p",
    "li",
    "ul",
    "ol",
    "dl",
    "dd",
    "dt",
    "section",
    "article",
    "main",
    "header",
    "center",
    "form",
    "blockquote",
    "aside",
    "figure",
    "address",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "caption",
];

/// What a tag name is, looked up once per tag.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct TagInfo {
    skipped: bool,
    raw_text: bool,
    void: bool,
    block: bool,
    /// 1 + the index in [`CONTAINER`], 0 when the element is no container.
    container: u8,
}

/// The id of a [`CONTAINER`] element (1 + its index), 0 for others; usable in constants.
const fn container_id(name: &str) -> u8 {
    let mut k = 0;
    while k < CONTAINER.len() {
        let c = CONTAINER[k].as_bytes();
        let n = name.as_bytes();
        if c.len() == n.len() {
            let mut j = 0;
            while j < c.len() && c[j] == n[j] {
                j += 1;
            }
            if j == c.len() {
                return k as u8 + 1;
            }
        }
        k += 1;
    }
    0
}

/// Classifies a tag name (any case) without allocating.
fn classify(name: &str) -> TagInfo {
    let mut buf = [0u8; 12];
    if name.len() > buf.len() {
        return TagInfo::default();
    }
    for (d, s) in buf.iter_mut().zip(name.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    let lower = &buf[..name.len()];
    // The pages' most frequent elements, decided without searching the lists.
    const fn block(container: u8) -> TagInfo {
        TagInfo {
            skipped: false,
            raw_text: false,
            void: false,
            block: true,
            container,
        }
    }
    const INLINE: TagInfo = TagInfo {
        skipped: false,
        raw_text: false,
        void: false,
        block: false,
        container: 0,
    };
    const DIV: TagInfo = block(container_id("div"));
    const TR: TagInfo = block(container_id("tr"));
    const P: TagInfo = block(container_id("p"));
    const LI: TagInfo = block(container_id("li"));
    const TD: TagInfo = TagInfo {
        container: container_id("td"),
        ..INLINE
    };
    match lower {
        b"a" | b"span" | b"b" | b"strong" | b"i" | b"em" | b"font" | b"u" | b"sup" | b"sub"
        | b"small" | b"abbr" | b"label" => INLINE,
        b"div" => DIV,
        b"tr" => TR,
        b"p" => P,
        b"li" => LI,
        b"td" => TD,
        _ => classify_listed(lower),
    }
}

/// [`classify`] for a lower-case name: looked up in the lists' names, sorted once.
fn classify_listed(lower: &[u8]) -> TagInfo {
    static SORTED: std::sync::OnceLock<Vec<(&'static str, TagInfo)>> = std::sync::OnceLock::new();
    let sorted = SORTED.get_or_init(|| {
        let mut names: Vec<&'static str> = [SKIPPED, RAW_TEXT, VOID, BLOCK, CONTAINER].concat();
        names.sort_unstable();
        names.dedup();
        names
            .into_iter()
            .map(|n| (n, classify_in_lists(n)))
            .collect()
    });
    sorted
        .binary_search_by(|(n, _)| n.as_bytes().cmp(lower))
        .map_or_else(|_| TagInfo::default(), |k| sorted[k].1)
}

/// What the lists say of a lower-case name.
fn classify_in_lists(lower: &str) -> TagInfo {
    let has = |list: &[&str]| list.contains(&lower);
    TagInfo {
        skipped: has(SKIPPED),
        raw_text: has(RAW_TEXT),
        void: has(VOID),
        block: has(BLOCK),
        container: container_id(lower),
    }
}

/// A parsed start or end tag.
struct Tag<'a> {
    name: &'a str,
    end: bool,
    attrs: &'a str,
    /// Whether an attribute hides the element (see [`attribute_hides`]).
    hides: bool,
    /// Byte length of the whole tag in the source.
    len: usize,
}

/// The longest tag read, in bytes (the AN pages' longest are under 1 KB).
const MAX_TAG_LEN: usize = 4096;

/// The longest link text and destination read, in bytes.
const MAX_LINK_TEXT: usize = 1024;
const MAX_LINK_DEST: usize = 4096;

/// Reads a tag at the start of `s` (which begins with `<`). `multiline` allows the tag to span
/// lines (HTML); in text, a `<` with no `>` on its line is literal.
fn read_tag(s: &str, multiline: bool) -> Option<Tag<'_>> {
    // A tag is looked for within a bounded distance, so that many `<` with no `>` after them
    // cost linear time (a `<` with no `>` within the bound is text).
    let b = &s.as_bytes()[..s.len().min(MAX_TAG_LEN)];
    let mut i = 1;
    let end = b.get(1) == Some(&b'/');
    if end {
        i = 2;
    }
    let name_start = i;
    if !b.get(i).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    i = skip_class(b, i, TAG_NAME);
    let name = &s[name_start..i];
    match b.get(i) {
        Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r') => {}
        None => return None,
        _ => return None,
    }
    let attrs_start = i;
    if b[i] == b'>' {
        // No attributes (`<td>`, `</p>`): most tags.
        return Some(Tag {
            name,
            end,
            attrs: "",
            hides: false,
            len: i + 1,
        });
    }
    // The closing '>' outside quotes, found by reading the attributes.
    let mut attrs = Attributes { b, at: i };
    let mut hides = false;
    for (name, value) in &mut attrs {
        hides = hides || attribute_hides(name, value);
    }
    let close = attrs.closed_at();
    // In text, a tag does not span lines.
    if !multiline && memchr(b'\n', &b[attrs_start..close.unwrap_or(b.len())]).is_some() {
        return None;
    }
    // An unclosed quote: the tag ends at the first '>'.
    let gt = match close {
        Some(at) => at,
        None => attrs_start + memchr(b'>', &b[attrs_start..])?,
    };
    Some(Tag {
        name,
        end,
        attrs: &s[attrs_start..gt],
        hides,
        len: gt + 1,
    })
}

/// The attributes of a tag, read as HTML's tokenizer does from a position after the tag's name:
/// `(name, value)` pairs (a value without its quotes, empty when there is none), up to the `>`
/// that ends the tag outside quotes, or to the end of the bytes.
struct Attributes<'a> {
    b: &'a [u8],
    at: usize,
}

impl Attributes<'_> {
    /// Where the tag's closing `>` is, once the attributes are read: `None` when the bytes end
    /// first (in an unclosed quote, or with no `>`).
    fn closed_at(&self) -> Option<usize> {
        (self.b.get(self.at) == Some(&b'>')).then_some(self.at)
    }
}

/// White space between attributes.
fn is_attr_space(c: u8) -> bool {
    TAG_BYTES[usize::from(c)] & SPACE != 0
}

/// [`TAG_BYTES`] classes: white space between attributes; the bytes that end an attribute's
/// name, an unquoted value, a tag's name.
const SPACE: u8 = 1;
const NAME_END: u8 = 2;
const VALUE_END: u8 = 4;
const TAG_NAME: u8 = 8;

/// The classes of each byte inside a tag, looked up once per byte.
static TAG_BYTES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        let space = matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0C);
        let mut class = 0;
        if space {
            class |= SPACE | NAME_END | VALUE_END;
        }
        if matches!(b, b'/' | b'>' | b'=') {
            class |= NAME_END;
        }
        if b == b'>' {
            class |= VALUE_END;
        }
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'_') {
            class |= TAG_NAME;
        }
        t[c] = class;
        c += 1;
    }
    t
};

/// The first position at or after `i` whose byte is not in `class` (`b.len()` when none is).
fn skip_class(b: &[u8], mut i: usize, class: u8) -> usize {
    while i < b.len() && TAG_BYTES[usize::from(b[i])] & class != 0 {
        i += 1;
    }
    i
}

/// The first position at or after `i` whose byte is in `class` (`b.len()` when none is).
fn find_class(b: &[u8], mut i: usize, class: u8) -> usize {
    while i < b.len() && TAG_BYTES[usize::from(b[i])] & class == 0 {
        i += 1;
    }
    i
}

impl<'a> Iterator for Attributes<'a> {
    type Item = (&'a [u8], &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let b = self.b;
        let skip_space = |i: usize| skip_class(b, i, SPACE);
        let mut i = self.at;
        while b.get(i).is_some_and(|&c| is_attr_space(c) || c == b'/') {
            i += 1;
        }
        if b.get(i).is_none_or(|&c| c == b'>') {
            self.at = i;
            return None;
        }
        // A name (an `=` that starts it belongs to it), then perhaps `=` and a value.
        let name_start = i;
        i = find_class(b, i + 1, NAME_END);
        let name = &b[name_start..i];
        let eq = skip_space(i);
        if b.get(eq) != Some(&b'=') {
            self.at = i;
            return Some((name, &[]));
        }
        let v = skip_space(eq + 1);
        let value = match b.get(v) {
            Some(&q @ (b'"' | b'\'')) => match memchr(q, &b[v + 1..]) {
                Some(p) => {
                    self.at = v + 2 + p;
                    &b[v + 1..v + 1 + p]
                }
                None => {
                    // An unclosed quote runs to the end.
                    self.at = b.len();
                    return None;
                }
            },
            _ => {
                let end = find_class(b, v, VALUE_END);
                self.at = end;
                &b[v..end]
            }
        };
        Some((name, value))
    }
}

/// Whether an attribute hides its element: `hidden`; a `style` with `display: none` or
/// `visibility: hidden`; a `class` with a class starting `sr-only`, `visually-hidden` or
/// `breadcrumb` (any case).
fn attribute_hides(name: &[u8], value: &[u8]) -> bool {
    match name.len() {
        6 if name.eq_ignore_ascii_case(b"hidden") => true,
        5 if name.eq_ignore_ascii_case(b"style") => {
            let squeezed: Vec<u8> = value
                .iter()
                .filter(|c| !c.is_ascii_whitespace())
                .map(u8::to_ascii_lowercase)
                .collect();
            memchr::memmem::find(&squeezed, b"display:none").is_some()
                || memchr::memmem::find(&squeezed, b"visibility:hidden").is_some()
        }
        5 if name.eq_ignore_ascii_case(b"class") => {
            value.split(u8::is_ascii_whitespace).any(|class| {
                [&b"sr-only"[..], b"visually-hidden", b"breadcrumb"]
                    .iter()
                    .any(|p| class.len() >= p.len() && class[..p.len()].eq_ignore_ascii_case(p))
            })
        }
        _ => false,
    }
}

/// Whether an attribute text (what follows a tag's name) hides the element.
#[cfg(test)]
fn hidden(attrs: &str) -> bool {
    Attributes {
        b: attrs.as_bytes(),
        at: 0,
    }
    .any(|(name, value)| attribute_hides(name, value))
}

/// Builds [`Lines`] from a source text.
struct Builder<'s> {
    src: &'s str,
    out: Built,
    /// Whether the current line has any non-space content.
    line_has_text: bool,
    /// Whether a space is pending (folded white space not yet written).
    pending_space: bool,
    /// Whether the current line has content in its current cell.
    cell_has_text: bool,
    /// The last source offset mapped, to know when a checkpoint is needed.
    next_src: usize,
    /// Open container elements, by their [`TagInfo::container`] id (HTML mode while non-empty).
    containers: Vec<u8>,
    /// Whether the text is a saved page (`<!DOCTYPE`, `<html>`): there a blank line is white
    /// space, elsewhere (Markdown with HTML blocks) it ends every open block.
    page: bool,
    /// The source offset of the last line start reached in the initial state.
    clean_line_start: Option<usize>,
    /// Whether the current line began on such a line.
    line_clean: bool,
    /// Whether the current line may hold a `\t`.
    line_tabs: bool,
}

impl<'s> Builder<'s> {
    fn new(src: &'s str) -> Builder<'s> {
        let mut out = Built::default();
        out.text.reserve(src.len());
        // About a line per source line (pages' lines are longer, text's shorter): sized from the
        // length rather than counted, and grown where the guess is short.
        let lines = src.len() / 48 + 16;
        out.lines.reserve(lines);
        out.map.reserve(lines);
        Builder {
            src,
            out,
            line_has_text: false,
            pending_space: false,
            cell_has_text: false,
            next_src: usize::MAX,
            containers: Vec::new(),
            page: is_page(src),
            clean_line_start: None,
            line_clean: false,
            line_tabs: false,
        }
    }

    fn html_mode(&self) -> bool {
        !self.containers.is_empty()
    }

    fn line_start(&self) -> usize {
        self.out.lines.last().map_or(0, |line| line.end + 1)
    }

    /// Writes visible text taken from `src_at`.
    fn push_text(&mut self, s: &str, src_at: usize) {
        if s.is_empty() {
            return;
        }
        if self.pending_space && self.cell_has_text {
            self.out.text.push(' ');
        }
        self.pending_space = false;
        if !self.line_has_text {
            // Clean when no line break lies between the last clean line start and this text.
            // Each clean start serves one line at most, so the scans add up to the input's length.
            // (The gap is a line's indentation: a plain loop beats memchr's set-up there.)
            self.line_clean = self.clean_line_start.take().is_some_and(|start| {
                start <= src_at && !self.src.as_bytes()[start..src_at].contains(&b'\n')
            });
        }
        if self.next_src != src_at {
            self.out.map.push((self.out.text.len(), src_at));
        }
        self.out.text.push_str(s);
        self.next_src = src_at + s.len();
        self.line_has_text = true;
        self.cell_has_text = true;
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    fn cell_break(&mut self) {
        if self.cell_has_text {
            self.out.text.push('\t');
            self.line_tabs = true;
            self.next_src = usize::MAX;
        }
        self.cell_has_text = false;
        self.pending_space = false;
    }

    /// Ends the current line; `keep_blank` records an empty line (text mode).
    fn line_break(&mut self, src_at: usize, keep_blank: bool) {
        self.end_line(src_at, keep_blank, false);
    }

    /// Ends the current line at a source line break of text.
    fn soft_break(&mut self, src_at: usize, keep_blank: bool) {
        self.end_line(src_at, keep_blank, true);
    }

    fn end_line(&mut self, src_at: usize, keep_blank: bool, soft: bool) {
        if !self.line_has_text && !keep_blank {
            return;
        }
        let start = self.line_start();
        if !self.line_has_text {
            self.out.map.push((self.out.text.len(), src_at));
            self.next_src = usize::MAX;
        }
        // Drop a trailing cell separator.
        if self.out.text.ends_with('\t') && self.out.text.len() > start {
            self.out.text.pop();
        }
        let end = self.out.text.len();
        self.out.lines.push(Span {
            start,
            end,
            soft,
            clean: self.line_has_text && self.line_clean,
            tabs: self.line_tabs,
        });
        self.line_clean = false;
        self.line_tabs = false;
        self.out.text.push('\n');
        self.next_src = usize::MAX;
        self.line_has_text = false;
        self.cell_has_text = false;
        self.pending_space = false;
    }

    fn finish(mut self) -> Lines {
        self.line_break(self.src.len(), false);
        Lines {
            from: 0,
            to: self.out.lines.len(),
            src_base: 0,
            all: Arc::new(self.out),
        }
    }
}

/// Converts a text (HTML, Markdown or plain) to its visible lines.
pub(crate) fn lines(src: &str) -> Lines {
    let mut b = Builder::new(src);
    let bytes = src.as_bytes();
    let mut i = 0;
    // Element being skipped: (name, depth).
    let mut skipping: Option<(Box<str>, usize)> = None;
    // Start of the current source line (for text-mode Markdown handling).
    let mut at_line_start = true;
    let (mut next_gt, mut next_nl) = (NextByte::new(b'>'), NextByte::new(b'\n'));
    let (mut next_bracket, mut next_paren) = (NextByte::new(b']'), NextByte::new(b')'));
    while i < bytes.len() {
        if let Some((name, depth)) = &mut skipping {
            // Inside a skipped element: only look for tags of the same name.
            let Some(lt) = memchr(b'<', &bytes[i..]) else {
                break;
            };
            i += lt;
            if let Some(len) = comment_len(&src[i..]) {
                i += len;
                continue;
            }
            // Only tags of the skipped element's name matter: others are passed over unread.
            let after = &bytes[i + 1..];
            let after = after.strip_prefix(b"/").unwrap_or(after);
            let same_name = after.len() > name.len()
                && after[..name.len()].eq_ignore_ascii_case(name.as_bytes())
                && !after[name.len()].is_ascii_alphanumeric();
            if !same_name {
                i += 1;
                continue;
            }
            match read_tag(&src[i..], true) {
                Some(tag) if tag.name.eq_ignore_ascii_case(name) => {
                    i += tag.len;
                    if tag.end {
                        *depth -= 1;
                        if *depth == 0 {
                            skipping = None;
                        }
                    } else if !tag.attrs.trim_end().ends_with('/') {
                        *depth += 1;
                    }
                }
                Some(tag) => i += tag.len,
                None => i += 1,
            }
            continue;
        }
        // (A line's prefix and then its text are read in one turn of the loop, and the byte that
        // ends a run in the same turn as the run: nothing else can come between them.)
        if at_line_start && !b.html_mode() {
            b.clean_line_start = Some(i);
            i += markdown_line_prefix(&mut b, src, i);
            if i >= bytes.len() {
                break;
            }
        }
        at_line_start = false;
        let rest = &bytes[i..];
        // Copy a run of ordinary text at once: words and the single spaces between them.
        let special = special_at(rest, b.html_mode());
        if special > 0 {
            push_run(&mut b, &src[i..i + special], i);
            i += special;
            if i >= bytes.len() {
                break;
            }
        }
        let c = bytes[i];
        if b.page && b.html_mode() && matches!(c, b'\n' | b'\t' | b'\r' | b' ') {
            // In a page's HTML, a run of white space (a line break and the next line's
            // indentation) is one space, taken at once.
            i += bytes[i..]
                .iter()
                .position(|c| !matches!(c, b'\n' | b'\t' | b'\r' | b' '))
                .unwrap_or(bytes.len() - i);
            b.space();
            continue;
        }
        match c {
            b'\n' => {
                if b.html_mode() && !b.page && next_line_blank(bytes, i + 1) {
                    // Markdown: an HTML block ends at a blank line.
                    b.containers.clear();
                    b.line_break(i, false);
                    at_line_start = true;
                } else if b.html_mode() {
                    b.space();
                } else {
                    let blank = !b.line_has_text;
                    b.soft_break(i, blank);
                    at_line_start = true;
                }
                i += 1;
            }
            b'\t' => {
                if b.html_mode() {
                    b.space();
                } else {
                    b.cell_break();
                }
                i += 1;
            }
            b' ' | b'\r' | 0x00..=0x1F => {
                b.space();
                i += 1;
            }
            b'<' => {
                if let Some(len) = comment_len(&src[i..]) {
                    i += len;
                    continue;
                }
                if let Some(len) = declaration_len(&src[i..]) {
                    i += len;
                    continue;
                }
                // A `<` whose `>` is too far (or, in text, beyond the line) is text: decided from
                // cached positions, so that many of them cost linear time.
                let multiline = b.html_mode() || looks_like_html_start(&src[i..]);
                let gt = next_gt.find(bytes, i);
                if gt - i > MAX_TAG_LEN || !multiline && next_nl.find(bytes, i) < gt {
                    b.push_text("<", i);
                    i += 1;
                    continue;
                }
                match read_tag(&src[i..], multiline) {
                    Some(tag) => {
                        let name = tag.name;
                        let tag_len = tag.len;
                        let info = classify(name);
                        if !tag.end && (info.skipped || tag.hides) {
                            let self_closing = tag.attrs.trim_end().ends_with('/') || info.void;
                            if !self_closing {
                                if info.raw_text {
                                    i += tag_len;
                                    i += raw_text_end(&src[i..], name);
                                    continue;
                                }
                                skipping = Some((name.into(), 1));
                            }
                            i += tag_len;
                            continue;
                        }
                        handle_tag(&mut b, &tag, info, i);
                        i += tag_len;
                    }
                    None => {
                        b.push_text("<", i);
                        i += 1;
                    }
                }
            }
            b'&' => {
                let (decoded, len) = entity(&src[i..]);
                match decoded {
                    Some(Decoded::Space) => b.space(),
                    Some(Decoded::Text(t)) => b.push_text(&t, i),
                    None => b.push_text("&", i),
                }
                i += len;
            }
            // A no-break space, the most frequent of them (French typography's `n° 12`, `« x »`).
            0xC2 if bytes.get(i + 1) == Some(&0xA0) => {
                b.space();
                i += 2;
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
                i += len;
            }
            _ if !b.html_mode() => {
                // A link whose `]` or `)` is too far or beyond the line is text (cached positions).
                let open = if c == b'!' && bytes.get(i + 1) == Some(&b'[') {
                    i + 1
                } else {
                    i
                };
                if bytes[open] == b'[' {
                    let close = next_bracket.find(bytes, open);
                    let nl = next_nl.find(bytes, open);
                    let dest_ok = bytes.get(close + 1) != Some(&b'(') || {
                        let paren = next_paren.find(bytes, close);
                        paren - close <= MAX_LINK_DEST && paren < nl
                    };
                    if close - open > MAX_LINK_TEXT || close > nl || !dest_ok {
                        b.push_text(&src[i..=open], i);
                        i = open + 1;
                        continue;
                    }
                }
                i += markdown_inline(&mut b, src, i);
            }
            _ => {
                b.push_text(&src[i..i + 1], i);
                i += 1;
            }
        }
    }
    b.finish()
}

/// The position of the next occurrence of a byte, cached: asking again from a later position
/// searches only once the cached occurrence is passed, so all the asks of a pass cost linear time.
struct NextByte {
    byte: u8,
    at: Option<usize>,
}

impl NextByte {
    fn new(byte: u8) -> NextByte {
        NextByte { byte, at: None }
    }

    /// The next occurrence at or after `from` (the length of `hay` when there is none).
    fn find(&mut self, hay: &[u8], from: usize) -> usize {
        match self.at {
            Some(at) if at >= from => at,
            _ => {
                let at =
                    memchr(self.byte, &hay[from.min(hay.len())..]).map_or(hay.len(), |p| from + p);
                self.at = Some(at);
                at
            }
        }
    }
}

/// Whether the source line starting at `at` is blank.
fn next_line_blank(bytes: &[u8], at: usize) -> bool {
    bytes[at.min(bytes.len())..]
        .iter()
        .take_while(|&&c| c != b'\n')
        .all(|c| c.is_ascii_whitespace())
}

/// Whether a text is a saved page rather than a fragment, Markdown or text.
pub(crate) fn is_page(src: &str) -> bool {
    let t = src.trim_start().as_bytes();
    let starts = |p: &[u8]| t.len() >= p.len() && t[..p.len()].eq_ignore_ascii_case(p);
    starts(b"<!doctype") || starts(b"<html")
}

/// Bytes that end a run of ordinary text in HTML: markup, entities, white space other than a
/// single space, and the lead bytes of the Unicode spaces.
static SPECIAL_HTML: [bool; 256] = special_table(b"<&\n\t\r\xC2\xE2");

/// The same in Markdown and text, where Markdown's inline markers are special too.
static SPECIAL_TEXT: [bool; 256] = special_table(b"<&\n\t\r\xC2\xE2*[]\\^|!_");

/// The position of the first special byte of `rest` ([`SPECIAL_HTML`] in HTML, else
/// [`SPECIAL_TEXT`]), or `rest`'s length: the first 16 bytes one at a time (most runs are
/// shorter), then 16 at a time with SSE2 where the target has it.
fn special_at(rest: &[u8], html: bool) -> usize {
    let table = if html { &SPECIAL_HTML } else { &SPECIAL_TEXT };
    let head = rest.len().min(16);
    if let Some(p) = rest[..head].iter().position(|&c| table[usize::from(c)]) {
        return p;
    }
    let mut at = head;
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    while let Some(block) = sse2::block_at(rest, at) {
        let mask = sse2::special_mask(block, !html);
        if mask != 0 {
            return at + mask.trailing_zeros() as usize;
        }
        at += 16;
    }
    rest[at..]
        .iter()
        .position(|&c| table[usize::from(c)])
        .map_or(rest.len(), |p| at + p)
}

/// [`special_at`]'s sixteen-byte step, with `safe_arch`'s SSE2 wrappers.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod sse2 {
    use safe_arch::{
        bitand_m128i, bitor_m128i, cmp_eq_mask_i8_m128i, load_unaligned_m128i, m128i, max_u8_m128i,
        move_mask_i8_m128i, set_splat_i8_m128i, sub_i8_m128i,
    };

    /// The sixteen bytes of `b` from `at`, if there are as many.
    pub(super) fn block_at(b: &[u8], at: usize) -> Option<&[u8; 16]> {
        b.get(at..at + 16)?.try_into().ok()
    }

    /// A bit for each space of `block`.
    pub(super) fn space_mask(block: &[u8; 16]) -> u32 {
        move_mask_i8_m128i(eq(load_unaligned_m128i(block), b' ')) as u32
    }

    fn splat(byte: u8) -> m128i {
        set_splat_i8_m128i(byte as i8)
    }

    fn eq(v: m128i, byte: u8) -> m128i {
        cmp_eq_mask_i8_m128i(v, splat(byte))
    }

    /// The bytes that are at most `max`, unsigned.
    fn at_most(v: m128i, max: u8) -> m128i {
        cmp_eq_mask_i8_m128i(max_u8_m128i(v, splat(max)), splat(max))
    }

    /// A bit for each byte of `block` that [`super::SPECIAL_HTML`] (or, with `text`,
    /// [`super::SPECIAL_TEXT`]) marks.
    pub(super) fn special_mask(block: &[u8; 16], text: bool) -> u32 {
        let v = load_unaligned_m128i(block);
        // Control bytes (`\n`, `\t`, `\r` among them), `<`, `&`, and the lead bytes 0xC2 and
        // 0xE2, which differ in bit 5 only.
        let mut special = bitor_m128i(
            bitor_m128i(at_most(v, 0x1F), eq(v, b'<')),
            bitor_m128i(eq(v, b'&'), eq(bitand_m128i(v, splat(0xDF)), 0xC2)),
        );
        if text {
            // Markdown's `[` `\` `]` `^` `_` (0x5B to 0x5F), `*`, `|` and `!`.
            let brackets = at_most(sub_i8_m128i(v, splat(0x5B)), 4);
            special = bitor_m128i(
                bitor_m128i(special, brackets),
                bitor_m128i(bitor_m128i(eq(v, b'*'), eq(v, b'|')), eq(v, b'!')),
            );
        }
        move_mask_i8_m128i(special) as u32
    }
}

const fn special_table(bytes: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 32 {
        t[i] = i != b' ' as usize;
        i += 1;
    }
    let mut k = 0;
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
}

/// Writes a run of text that holds no special byte: words separated by spaces, each run of
/// spaces folded to one.
fn push_run(b: &mut Builder<'_>, run: &str, at: usize) {
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

/// Where the first two spaces in a row start in `b`: in a short run sixteen bytes at a time
/// with SSE2 where the target has it, else eight at a time (a substring search costs more to set
/// up than to run there); in a long one with the substring search's SIMD.
fn double_space(b: &[u8]) -> Option<usize> {
    static TWO_SPACES: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("  "));
    if b.len() >= 256 {
        return TWO_SPACES.find(b);
    }
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        let mut at = 0;
        // Whether the previous sixteen bytes ended with a space.
        let mut after_space = false;
        while let Some(block) = sse2::block_at(b, at) {
            let spaces = sse2::space_mask(block);
            if after_space && spaces & 1 != 0 {
                return Some(at - 1);
            }
            let pairs = spaces & (spaces >> 1);
            if pairs != 0 {
                return Some(at + pairs.trailing_zeros() as usize);
            }
            after_space = spaces & 0x8000 != 0;
            at += 16;
        }
        double_space_in_tail(b, at)
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    double_space_swar(b)
}

/// [`double_space`] of a short run, eight bytes at a time (the targets without SSE2).
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
fn double_space_swar(b: &[u8]) -> Option<usize> {
    const LOW7: u64 = u64::from_le_bytes([0x7F; 8]);
    const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
    let mut chunks = b.chunks_exact(8);
    let mut at = 0;
    // Whether the previous eight bytes ended with a space.
    let mut after_space = false;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(std::array::from_fn(|k| chunk[k])) ^ SPACES;
        // 0x80 in exactly the bytes that are spaces (no borrow runs between bytes).
        let spaces = !(((x & LOW7) + LOW7) | x | LOW7);
        if spaces != 0 {
            if after_space && spaces & 0x80 != 0 {
                return Some(at - 1);
            }
            let pairs = spaces & (spaces >> 8);
            if pairs != 0 {
                return Some(at + (pairs.trailing_zeros() / 8) as usize);
            }
        }
        after_space = spaces >> 63 != 0;
        at += 8;
    }
    double_space_in_tail(b, at)
}

/// [`double_space`] in the bytes from `at` that the blocks left, the byte before them included
/// (a space that ended the last block).
fn double_space_in_tail(b: &[u8], at: usize) -> Option<usize> {
    let from = at.saturating_sub(1);
    b[from..]
        .windows(2)
        .position(|w| w == b"  ")
        .map(|p| from + p)
}

fn is_space_char(c: char) -> bool {
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

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
    )
}

/// Whether a `<` in text starts a real HTML element (so the tag may span lines).
fn looks_like_html_start(s: &str) -> bool {
    let b = s.as_bytes();
    // Chosen by the letter after `<`, so that one comparison at most is made.
    let p: &[u8] = match b.get(1).map(u8::to_ascii_lowercase) {
        Some(b'h') if b.get(2).is_some_and(|c| c.eq_ignore_ascii_case(&b't')) => b"<html",
        Some(b'h') => b"<head",
        Some(b'b') => b"<body",
        Some(b't') => b"<table",
        Some(b'd') => b"<div",
        Some(b'p') if b.get(2) == Some(&b'>') => b"<p>",
        Some(b'p') => b"<p ",
        Some(b's') => b"<section",
        Some(b'm') => b"<meta",
        Some(b'l') => b"<link",
        Some(b'a') => b"<a ",
        _ => return false,
    };
    b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p)
}

/// Length of a comment at the start of `s` (`<!-- … -->`, `<!-->`, `<!--->`), to the end of the
/// text if it is not closed.
fn comment_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if !b.starts_with(b"<!--") {
        return None;
    }
    let body = &b[4..];
    if body.starts_with(b">") {
        return Some(5);
    }
    if body.starts_with(b"->") {
        return Some(6);
    }
    static END: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"-->"));
    Some(END.find(body).map_or(s.len(), |e| 4 + e + 3))
}

/// Length of `<!DOCTYPE …>`, `<?xml …?>`, `<![CDATA[` markers and the like.
fn declaration_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.starts_with(b"<![CDATA[") {
        return Some(9);
    }
    if b.len() > 2 && (b[1] == b'!' || b[1] == b'?') && (b[2].is_ascii_alphabetic() || b[1] == b'?')
    {
        return Some(memchr(b'>', b).map_or(s.len(), |e| e + 1));
    }
    None
}

/// Length of raw text up to and including `</name>`, or to the end.
fn raw_text_end(s: &str, name: &str) -> usize {
    static END_TAG: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("</"));
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(p) = END_TAG.find(&b[from..]) {
        let at = from + p;
        // Compare bytes: the text after `</` may start inside a multi-byte character's range.
        let after = &b[at + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return memchr(b'>', &b[at..]).map_or(s.len(), |e| at + e + 1);
        }
        from = at + 2;
    }
    s.len()
}

fn handle_tag(b: &mut Builder<'_>, tag: &Tag<'_>, info: TagInfo, at: usize) {
    let name = tag.name;
    if name.eq_ignore_ascii_case("br") {
        b.line_break(at, false);
        return;
    }
    if name.eq_ignore_ascii_case("td") || name.eq_ignore_ascii_case("th") {
        if tag.end {
            pop_container(b, info.container);
        } else {
            b.cell_break();
            b.containers.push(info.container);
        }
        return;
    }
    if info.block {
        b.line_break(at, false);
    }
    if info.container != 0 {
        if tag.end {
            pop_container(b, info.container);
        } else if !tag.attrs.trim_end().ends_with('/') {
            // Bound the stack: malformed pages may open many elements and never close them.
            if b.containers.len() < 4096 {
                b.containers.push(info.container);
            }
        }
    }
}

/// Closes the innermost open container of id `id`, if any is open (and those inside it).
fn pop_container(b: &mut Builder<'_>, id: u8) {
    // Only look a bounded distance down, so that stray end tags cost O(1).
    let n = b.containers.len();
    let lowest = n.saturating_sub(64);
    if let Some(pos) = (lowest..n).rev().find(|&k| b.containers[k] == id) {
        b.containers.truncate(pos);
    }
}

/// What an entity decodes to.
enum Decoded {
    Space,
    Text(String),
}

/// Decodes the entity at the start of `s` (which begins with `&`); returns its length in the
/// source (1 when it is not an entity).
fn entity(s: &str) -> (Option<Decoded>, usize) {
    let b = s.as_bytes();
    let mut end = 1;
    while end < b.len() && end < 34 && (b[end].is_ascii_alphanumeric() || b[end] == b'#') {
        end += 1;
    }
    if end == 1 || b.get(end) != Some(&b';') {
        return (None, 1);
    }
    let candidate = &s[..=end];
    let decoded = html_escape::decode_html_entities(candidate);
    if decoded == candidate {
        return (None, 1);
    }
    let text: String = decoded.into_owned();
    if text.chars().all(|c| c.is_whitespace() || is_space_char(c)) {
        return (Some(Decoded::Space), end + 1);
    }
    if text.chars().all(is_invisible) {
        return (Some(Decoded::Text(String::new())), end + 1);
    }
    (Some(Decoded::Text(text)), end + 1)
}

/// Handles what a Markdown or text line starts with (`#` headings, `>` quotes, `* ` bullets,
/// `|` table rows and separators); returns the number of source bytes consumed.
fn markdown_line_prefix(b: &mut Builder<'_>, src: &str, i: usize) -> usize {
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
fn markdown_inline(b: &mut Builder<'_>, src: &str, i: usize) -> usize {
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

/// The inline text of a link label (emphasis markers removed).
fn lines_inline(s: &str) -> std::borrow::Cow<'_, str> {
    let b = s.as_bytes();
    // Most link texts hold neither `*` nor `_`: one search rejects them.
    let doubled = memchr::memchr2_iter(b'*', b'_', b).any(|at| b.get(at + 1) == Some(&b[at]));
    if !doubled {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(s.replace("**", "").replace("__", ""))
}

struct LinkLen {
    text: usize,
    total: usize,
}

/// `[text](dest)` at the start of `s`: lengths of the text and of the whole link, on one line.
fn link_len(s: &str) -> Option<LinkLen> {
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
    use super::*;

    fn all(src: &str) -> Vec<String> {
        let l = lines(src);
        (0..l.len()).map(|i| l.get(i).to_owned()).collect()
    }

    #[test]
    fn classify_fast_path_agrees_with_the_lists() {
        for name in [
            "a", "span", "b", "strong", "i", "em", "font", "u", "sup", "sub", "small", "abbr",
            "label", "div", "tr", "p", "li", "td", "DIV", "Td",
        ] {
            assert_eq!(
                classify(name),
                classify_in_lists(&name.to_ascii_lowercase()),
                "{name}"
            );
        }
        for name in [
            "head", "nav", "br", "table", "h3", "pre", "xyz", "", "section", "wbr",
        ] {
            assert_eq!(
                classify_listed(name.as_bytes()),
                classify_in_lists(name),
                "{name}"
            );
        }
        assert!(classify("SCRIPT").raw_text && classify("nav").skipped);
        assert_eq!(container_id("pre"), 34);
        assert_eq!(container_id("span"), 0);
    }

    #[test]
    fn special_bytes_found_at_every_offset_as_the_tables_say() {
        for (html, table) in [(true, &SPECIAL_HTML), (false, &SPECIAL_TEXT)] {
            for c in 0..=255u8 {
                for len in [1, 15, 16, 17, 31, 32, 33, 50] {
                    for at in 0..len {
                        let mut b = vec![b'a'; len];
                        b[at] = c;
                        let expected = if table[usize::from(c)] { at } else { len };
                        assert_eq!(special_at(&b, html), expected, "{c:#x} at {at} of {len}");
                    }
                }
            }
        }
    }

    #[test]
    fn double_spaces_found_at_every_offset() {
        for len in 0..40 {
            for first in 0..len {
                for second in first + 1..len {
                    let mut b = vec![b'a'; len];
                    b[first] = b' ';
                    b[second] = b' ';
                    let want = b.windows(2).position(|w| w == b"  ");
                    assert_eq!(double_space(&b), want, "{:?}", String::from_utf8_lossy(&b));
                    assert_eq!(
                        double_space_swar(&b),
                        want,
                        "{:?}",
                        String::from_utf8_lossy(&b)
                    );
                }
            }
        }
        assert_eq!(double_space("é  x".as_bytes()), Some(2));
        let mut long = vec![b'a'; 1000];
        assert_eq!(double_space(&long), None);
        long[700] = b' ';
        long[701] = b' ';
        assert_eq!(double_space(&long), Some(700));
        assert_eq!(double_space(b"\xA0\xA0 \xA0 \xA0"), None);
    }

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

    #[test]
    fn html_starts() {
        for s in [
            "<html>",
            "<HTML lang",
            "<head>",
            "<body>",
            "<table",
            "<DIV class",
            "<p>",
            "<p class",
            "<section",
            "<meta",
            "<link",
            "<a href",
        ] {
            assert!(looks_like_html_start(s), "{s}");
        }
        for s in [
            "<", "<h", "<hr>", "<pre>", "<b>", "<abbr", "<span>", "< div", "<tr>",
        ] {
            assert!(!looks_like_html_start(s), "{s}");
        }
    }

    #[test]
    fn hiding_attributes() {
        assert!(hidden(" class=\"x\" style=\"display : none\""));
        assert!(hidden(" style='DISPLAY:NONE'"));
        assert!(hidden(" style=\"color: red; visibility: hidden\""));
        assert!(hidden(" class=\"a sr-only-focusable\""));
        assert!(hidden(" class='Breadcrumb'"));
        assert!(hidden(" class=visually-hidden"));
        assert!(hidden(" hidden"));
        assert!(hidden(" id=x HIDDEN"));
        assert!(hidden(" hidden=\"hidden\""));
        assert!(!hidden(" class=\"nonetheless\""));
        assert!(!hidden(" class=\"shown big\" id=\"bread\""));
        assert!(!hidden(""));
        // Words that hide only where they are an attribute, a style or a class.
        assert!(!hidden(" href=\"/hidden/page\" title=\"display:none\""));
        assert!(!hidden(" data-class=\"sr-only\" aria-hidden=\"true\""));
        assert!(!hidden(" title='style=\"display:none\"'"));
    }

    #[test]
    fn tag_byte_classes() {
        for c in 0..=255u8 {
            let space = matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0C);
            let class = TAG_BYTES[usize::from(c)];
            assert_eq!(class & SPACE != 0, space, "{c}");
            assert_eq!(
                class & NAME_END != 0,
                space || matches!(c, b'/' | b'>' | b'='),
                "{c}"
            );
            assert_eq!(class & VALUE_END != 0, space || c == b'>', "{c}");
            let name = c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'_');
            assert_eq!(class & TAG_NAME != 0, name, "{c}");
        }
        assert_eq!(skip_class(b"ab-c d", 0, TAG_NAME), 4);
        assert_eq!(find_class(b"abc", 0, NAME_END), 3);
    }

    #[test]
    fn tags_end_at_the_first_gt_outside_quotes() {
        let tag = read_tag("<a title=\"a > b\" href='x>y'>text", true).unwrap();
        assert_eq!(
            (tag.name, tag.attrs, tag.len),
            ("a", " title=\"a > b\" href='x>y'", 28)
        );
        // A quote only opens a value after `=`.
        let tag = read_tag("<a b\"c>d\">", true).unwrap();
        assert_eq!(tag.attrs, " b\"c");
        let tag = read_tag("<img src=x.png/>", true).unwrap();
        assert_eq!(tag.attrs, " src=x.png/");
        // An unclosed quote: the tag ends at the first `>`.
        let tag = read_tag("<a title=\"x>y", true).unwrap();
        assert_eq!((tag.attrs, tag.len), (" title=\"x", 12));
        assert!(read_tag("<a title=\"x\ny\">", false).is_none());
        assert!(read_tag("<div class=\"sr-only\">", true).unwrap().hides);
        assert!(!read_tag("<div class=\"main\">", true).unwrap().hides);
    }

    #[test]
    fn text_lines_and_blank_lines() {
        assert_eq!(all("a  b\n\n c \n"), ["a b", "", "c"]);
        assert_eq!(
            all("Titre\n=====\n---\n━━━━\nx"),
            ["Titre", "", "", "", "x"]
        );
    }

    #[test]
    fn markdown_is_reduced_to_text() {
        assert_eq!(all("## 16ème législature"), ["16ème législature"]);
        assert_eq!(
            all("**Auteur :** [Mme Danielle Brulebois](#)"),
            ["Auteur : Mme Danielle Brulebois"]
        );
        assert_eq!(
            all("Jura (1<sup>re</sup> circonscription)"),
            ["Jura (1re circonscription)"]
        );
        assert_eq!(
            all("Loiret (6^e circonscription)"),
            ["Loiret (6e circonscription)"]
        );
        assert_eq!(all(r"Rubrique \> santé \- x"), ["Rubrique > santé - x"]);
        assert_eq!(all("| a | b |\n|---|---|\n| c | d |"), ["a\tb", "", "c\td"]);
        assert_eq!(all("![logo](x.png)Texte"), ["Texte"]);
        assert_eq!(all("a * b"), ["a * b"]);
        assert_eq!(all("snake_case_word"), ["snake_case_word"]);
    }

    #[test]
    fn inline_html_in_text_keeps_line_breaks() {
        assert_eq!(
            all("<b>Question N° :</b> <b>13927</b>\t<b>De Mme X</b>\n<b>Rubrique &gt; santé</b>"),
            ["Question N° : 13927\tDe Mme X", "Rubrique > santé"]
        );
    }

    #[test]
    fn html_blocks_cells_and_hidden_content() {
        let page = "<html><head><title>T</title><script>var a = '<p>';</script></head><body>\n\
            <nav><a>Accueil</a></nav>\n<table><tr><td> Question N° :\n<b>12</b></td><td>de <b>M.</b>\n X</td></tr>\n\
            <tr><td>Texte</td></tr></table>\n<span style=\"visibility: hidden\"><grp>X</grp></span>\n\
            <p>Un<br/>Deux</p><!-- c --><!--[if IE]><p>IE</p><![endif]--><footer>pied</footer></body></html>";
        assert_eq!(
            all(page),
            ["Question N° : 12\tde M. X", "Texte", "Un", "Deux"]
        );
    }

    #[test]
    fn markdown_html_blocks_end_at_blank_lines() {
        assert_eq!(
            all("<div class=\"x\">\n\nQuestion N° 3200\n\n</div>\n<div>\n\n<span>Rubrique \\> </span> État\n\n</div>"),
            ["", "Question N° 3200", "", "", "", "Rubrique > État", ""]
        );
        // In a saved page a blank line is white space.
        assert_eq!(
            all("<html><body><p>Réponse\n\n publiée</p></body></html>"),
            ["Réponse publiée"]
        );
    }

    #[test]
    fn entities_and_spaces() {
        assert_eq!(
            all("<p>a&nbsp;&nbsp;b &amp; c&#233;&eacute; &bogus; &</p>"),
            ["a b & céé &bogus; &"]
        );
        assert_eq!(all("a\u{A0}\u{202F}b"), ["a b"]);
    }

    #[test]
    fn positions_map_back_to_the_source() {
        let src = "<p>\n  Bonjour <b>monde</b></p>\nSuite";
        let l = lines(src);
        assert_eq!(l.get(0), "Bonjour monde");
        assert_eq!(l.src_start(0), src.find("Bonjour").unwrap());
        let line = l.get(0);
        let part = &line[8..];
        assert_eq!(l.src_of_part(0, part), src.find("monde").unwrap());
        assert_eq!(l.get(2), "Suite");
        assert_eq!(l.src_start(2), src.find("Suite").unwrap());
    }

    #[test]
    fn unclosed_things_do_not_swallow_text_lines() {
        assert_eq!(all("a < b\nc <d\ne"), ["a < b", "c <d", "e"]);
        assert_eq!(all("x [lien](http://a\ny"), ["x [lien](http://a", "y"]);
    }
}

#[cfg(test)]
mod dump {
    /// `ASALEE_DUMP=path cargo test -p asalee-core dump_lines -- --ignored --nocapture` prints the
    /// visible lines of a file, for debugging a layout.
    #[test]
    #[ignore]
    fn dump_lines() {
        let Ok(path) = std::env::var("ASALEE_DUMP") else {
            return;
        };
        let bytes = std::fs::read(path).unwrap();
        let (text, _) = crate::decode(&bytes);
        let l = super::lines(&text);
        for i in 0..l.len() {
            println!("{i:4} {:?}", l.get(i));
        }
    }
}

#[cfg(test)]
mod window_tests {
    use super::*;

    /// A window of clean lines equals the lines of its own text, read alone.
    #[test]
    fn windows_equal_reading_alone() {
        let src = "Titre\nQuestion écrite n° 1\n\n**Rubrique :** [Santé](#)\n<b>a</b>  b &amp; c\n<div>x\n\ny</div>\nfin";
        let all = lines(src);
        for from in 0..all.len() {
            if !all.is_clean(from) {
                continue;
            }
            let start = all.src_start(from);
            let line_start = memchr::memrchr(b'\n', &src.as_bytes()[..start]).map_or(0, |i| i + 1);
            let alone = lines(&src[line_start..]);
            let win = all.window(from, all.len(), line_start);
            let owned = lines(src).window(from, all.len(), line_start);
            assert_eq!(win.len(), alone.len(), "from {from}");
            assert_eq!(owned.len(), alone.len(), "from {from}");
            for i in 0..win.len() {
                assert_eq!(win.get(i), alone.get(i));
                assert_eq!(win.src_start(i), alone.src_start(i), "line {i} from {from}");
                assert_eq!(win.is_soft(i), alone.is_soft(i));
                assert_eq!(owned.get(i), alone.get(i));
                assert_eq!(
                    owned.src_start(i),
                    alone.src_start(i),
                    "line {i} from {from}"
                );
                assert_eq!(
                    (owned.is_soft(i), owned.is_clean(i)),
                    (win.is_soft(i), win.is_clean(i))
                );
            }
        }
        assert!(all.is_clean(0) && all.is_clean(1));
    }
}
