//! Saved pages and the text between them: the first cut of an input, made on its bytes before
//! they are decoded (each part is then decoded on its own, see `decode`).
//!
//! A saved page runs from its `<!DOCTYPE`, `<html` or `<?xml` to its `</html>` (an XML
//! document to the end of its root element). A page starts at the start of a line (after white
//! space or a byte-order mark), or in the middle of one at a `<!DOCTYPE` or `<?xml`, or at an
//! `<html` that follows the end of the page before it on the same line (files joined without a
//! line break). A page ends at the end of the line of its last tag, or where the next page
//! starts on that line. A start tag inside an open page starts a new page only once the open
//! one has reached its `<body` (a page's own `<!DOCTYPE>`, `<html>` and `<?xml>` lines come
//! before it). What lies between pages is text, split into documents later.
//!
//! The [`Chunker`] reads an input as it arrives: it decides on complete lines only, so it can be
//! fed a block at a time and gives the same parts as one pass over the whole input.

use std::ops::Range;

/// A part of the input: a saved page or a stretch of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Chunk {
    /// A saved page (or XML document), from its first tag to its end.
    Page(Range<usize>),
    /// Text between pages (Markdown, plain text, fragments).
    Text(Range<usize>),
}

impl Chunk {
    /// The part's byte range.
    pub(crate) fn range(&self) -> Range<usize> {
        match self {
            Chunk::Page(r) | Chunk::Text(r) => r.clone(),
        }
    }
}

/// Splits a whole input into saved pages and the text between them.
pub(crate) fn chunks(bytes: &[u8]) -> Vec<Chunk> {
    let mut chunker = Chunker::default();
    let mut out = Vec::new();
    chunker.feed(bytes, 0, true, &mut out);
    out
}

/// What kind of `<` may bound a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Doctype,
    Xml,
    Html,
    HtmlEnd,
}

/// Whether the bytes after a `<` can start, nest or end a page: `<html`, `</html`, `<!DOCTYPE`,
/// `<?xml` (any case). Other `<` change nothing outside XML.
fn bounding_tag(after: &[u8]) -> Option<Tag> {
    let starts = |p: &[u8]| after.len() >= p.len() && after[..p.len()].eq_ignore_ascii_case(p);
    let word_end = |n: usize| after.get(n).is_none_or(|c| !c.is_ascii_alphanumeric());
    match after.first()? {
        b'h' | b'H' if starts(b"html") && word_end(4) => Some(Tag::Html),
        b'/' if starts(b"/html") && word_end(5) => Some(Tag::HtmlEnd),
        b'!' if starts(b"!doctype") => Some(Tag::Doctype),
        b'?' if starts(b"?xml") => Some(Tag::Xml),
        // `<html` followed by a letter (`<htmlfoo>`) starts a page at a line start as before.
        b'h' | b'H' if starts(b"html") => Some(Tag::Html),
        _ => None,
    }
}

/// Whether bytes before a `<` on its line are only indentation: ASCII white space, a
/// byte-order mark, Unicode white space (UTF-8) or a no-break space (Windows-1252).
fn is_indent(b: &[u8]) -> bool {
    let ascii = b
        .iter()
        .position(|&c| !(c.is_ascii_whitespace() || c == 0x0B))
        .unwrap_or(b.len());
    let rest = &b[ascii..];
    if rest.is_empty() {
        return true;
    }
    // Other white space is a few characters at most (read only then: lines of text with many
    // `<` stay linear).
    if rest[0].is_ascii() || rest.len() > 32 {
        return false;
    }
    match std::str::from_utf8(rest) {
        Ok(s) => s.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}'),
        Err(_) => rest
            .iter()
            .all(|&c| c.is_ascii_whitespace() || c == 0x0B || c == 0xA0),
    }
}

/// Whether an `<html` after `before` on its line follows text rather than a tag (`<quest><html>`
/// in an an-fiche fragment): a file of text without its last line break, then a page.
fn after_text(before: &[u8]) -> bool {
    let mut b = before.trim_ascii_end();
    while let Some(rest) = b.strip_suffix(b"\xEF\xBB\xBF") {
        b = rest.trim_ascii_end();
    }
    b.last().is_some_and(|&c| c != b'>')
}

/// Whether a page's bytes (or the part not yet searched) hold a `<body` tag.
fn has_body(b: &[u8]) -> bool {
    memchr::memchr_iter(b'<', b)
        .any(|at| b.len() >= at + 5 && b[at + 1..at + 5].eq_ignore_ascii_case(b"body"))
}

/// The name of an element that starts right after a `<` (not a declaration or comment).
fn element_name(after: &[u8]) -> Option<&[u8]> {
    if !after.first()?.is_ascii_alphabetic() {
        return None;
    }
    let n = after
        .iter()
        .position(|&c| !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b':' | b'.')))
        .unwrap_or(after.len());
    Some(&after[..n])
}

/// Whether `</name` followed by white space and `>` is at the start of `after` (after the `<`).
fn closes(after: &[u8], name: &[u8]) -> Option<usize> {
    let rest = after.strip_prefix(b"/")?.strip_prefix(name)?;
    let spaces = rest
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(rest.len());
    (rest.get(spaces) == Some(&b'>')).then_some(1 + name.len() + spaces + 1)
}

/// The page-chunking state over an input read a block at a time. Offsets are in the whole
/// input; the bytes handed to [`Chunker::feed`] start at `base` and must reach back to
/// [`Chunker::keep_from`].
#[derive(Debug, Default)]
pub(crate) struct Chunker {
    /// Where the open text stretch starts (when no page is open).
    text_start: usize,
    page_start: Option<usize>,
    /// Whether the open page has reached its body, and how far it was searched for one.
    body: (bool, usize),
    /// `<html>` elements open in the page.
    depth: usize,
    /// In an XML document: its root's name (empty until seen).
    xml_root: Option<Vec<u8>>,
    /// A line start at or before the next `<` to read.
    floor: usize,
    /// The next byte to search for a `<`.
    scan: usize,
    /// No line break lies between `floor` and this.
    no_break: usize,
    /// Comments on the line last read.
    comments: Comments,
}

/// Where comments lie on one line, read as far as asked (so that a line is read once).
#[derive(Debug, Default)]
struct Comments {
    line_start: usize,
    line_end: Option<usize>,
    /// Read up to here.
    pos: usize,
    /// A comment runs up to here.
    until: usize,
}

/// The bytes of the input from `base`, addressed by offsets in the whole input.
struct View<'b> {
    bytes: &'b [u8],
    base: usize,
}

impl View<'_> {
    fn get(&self, from: usize, to: usize) -> &[u8] {
        &self.bytes[from - self.base..to - self.base]
    }

    fn end(&self) -> usize {
        self.base + self.bytes.len()
    }

    /// The end of the line holding `at` (after its `\n`).
    fn line_end(&self, at: usize) -> usize {
        memchr::memchr(b'\n', self.get(at, self.end())).map_or(self.end(), |p| at + p + 1)
    }
}

impl Chunker {
    /// The first byte the chunker still needs: the open page's start, or the line to read.
    pub(crate) fn keep_from(&self) -> usize {
        self.page_start.map_or(self.floor, |p| p.min(self.floor))
    }

    /// Whether a page is open, and where the open part starts.
    pub(crate) fn open(&self) -> (bool, usize) {
        match self.page_start {
            Some(p) => (true, p),
            None => (false, self.text_start),
        }
    }

    /// Up to where the input was read: every part before is decided (complete lines).
    pub(crate) fn decided(&self) -> usize {
        self.floor
    }

    /// Reads the complete lines of `bytes` (the input from `base`; all of it at `eof`) and adds
    /// the parts they complete to `out`.
    pub(crate) fn feed(&mut self, bytes: &[u8], base: usize, eof: bool, out: &mut Vec<Chunk>) {
        let v = View { bytes, base };
        let end = v.end();
        // (Only the bytes not read yet are searched for the last line end: feeding a byte at a
        // time stays linear.)
        let from = self.scan.clamp(base, end);
        let limit = if eof {
            end
        } else {
            memchr::memrchr(b'\n', v.get(from, end)).map_or(from, |i| from + i + 1)
        };
        while self.scan < limit {
            let Some(lt) = memchr::memchr(b'<', v.get(self.scan, limit)).map(|p| self.scan + p)
            else {
                break;
            };
            self.scan = lt + 1;
            let tag = bounding_tag(v.get(lt + 1, end));
            if tag.is_none() && self.xml_root.is_none() {
                continue;
            }
            // (Only the bytes not searched yet: a long line of tags stays linear.)
            let from = self.no_break.max(self.floor).min(lt);
            let line_start =
                memchr::memrchr(b'\n', v.get(from, lt)).map_or(self.floor, |p| from + p + 1);
            self.floor = line_start;
            self.no_break = lt;
            self.read_tag(&v, line_start, lt, tag, out);
        }
        // Every `<` before `limit` is read: the next one is on a later line.
        self.scan = self.scan.max(limit);
        self.floor = self.floor.max(limit);
        if eof {
            match self.page_start.take() {
                Some(p) => out.push(Chunk::Page(p..end)),
                None if self.text_start < end => out.push(Chunk::Text(self.text_start..end)),
                None => {}
            }
            self.text_start = end;
        }
    }

    /// One `<` that may bound a page, on the line starting at `line_start`.
    fn read_tag(
        &mut self,
        v: &View<'_>,
        line_start: usize,
        lt: usize,
        tag: Option<Tag>,
        out: &mut Vec<Chunk>,
    ) {
        if matches!(tag, Some(Tag::Doctype | Tag::Xml | Tag::Html)) {
            let before = v.get(line_start, lt);
            let indented = is_indent(before);
            let mid_line = !indented
                && (matches!(tag, Some(Tag::Doctype | Tag::Xml))
                    || self.page_start.is_none() && after_text(before));
            if (indented || mid_line)
                && !(self.page_start.is_some() && self.in_comment(v, line_start, lt))
            {
                let at = if indented { line_start } else { lt };
                if self.may_start(v, at) {
                    self.start(at, tag == Some(Tag::Xml), out);
                }
            }
        }
        if self.page_start.is_none() {
            return;
        }
        let after = v.get(lt + 1, v.end());
        if let Some(root) = &mut self.xml_root {
            if root.is_empty() {
                if let Some(name) = element_name(after) {
                    *root = name.to_vec();
                    return;
                }
            }
            if let Some(len) = (!root.is_empty()).then(|| closes(after, root)).flatten() {
                self.end_page(v, lt + 1 + len, out);
            }
            return;
        }
        match tag {
            Some(Tag::Html) if !self.in_comment(v, line_start, lt) => self.depth += 1,
            Some(Tag::HtmlEnd) if !self.in_comment(v, line_start, lt) => {
                if self.depth <= 1 {
                    let line_end = v.line_end(lt);
                    let gt = memchr::memchr(b'>', v.get(lt, line_end));
                    self.end_page(v, gt.map_or(line_end, |p| lt + p + 1), out);
                } else {
                    self.depth -= 1;
                }
            }
            _ => {}
        }
    }

    /// Whether the `<` at `lt` lies in a comment opened earlier on its line: the conditional
    /// `<!--[if IE]><html …><![endif]-->` of old pages. A comment ends at its line's end at most.
    fn in_comment(&mut self, v: &View<'_>, line_start: usize, lt: usize) -> bool {
        let c = &mut self.comments;
        if c.line_start != line_start || c.line_end.is_none() {
            *c = Comments {
                line_start,
                line_end: Some(v.line_end(lt)),
                pos: line_start,
                until: line_start,
            };
        }
        let line_end = c.line_end.unwrap_or(lt);
        loop {
            if lt < c.until {
                return true;
            }
            let from = c.pos.max(c.until);
            if from >= lt {
                return false;
            }
            let Some(open) = memchr::memmem::find(v.get(from, lt), b"<!--").map(|o| from + o)
            else {
                c.pos = lt;
                return false;
            };
            let body = (open + 4).min(line_end);
            c.until = memchr::memmem::find(v.get(body, line_end), b"-->")
                .map_or(line_end, |e| body + e + 3);
            c.pos = open + 4;
        }
    }

    /// Whether a page may start at `at`: none is open, or the open one has reached its body.
    fn may_start(&mut self, v: &View<'_>, at: usize) -> bool {
        let Some(p) = self.page_start else {
            return true;
        };
        if !self.body.0 {
            // From a little before the last search's end: a `<body` it cut is found here.
            let from = self.body.1.saturating_sub(4).max(p);
            self.body = (has_body(v.get(from, at)), at);
        }
        self.body.0
    }

    /// A page starts at `at`: the part before it ends there.
    fn start(&mut self, at: usize, xml: bool, out: &mut Vec<Chunk>) {
        match self.page_start.replace(at) {
            Some(p) if at > p => out.push(Chunk::Page(p..at)),
            Some(_) => {}
            None if at > self.text_start => out.push(Chunk::Text(self.text_start..at)),
            None => {}
        }
        self.body = (false, at);
        self.depth = 0;
        self.xml_root = xml.then(Vec::new);
    }

    /// The page ends after its last tag (at `tag_end`): at that line's end, or where a page that
    /// follows on the line starts.
    fn end_page(&mut self, v: &View<'_>, tag_end: usize, out: &mut Vec<Chunk>) {
        let Some(p) = self.page_start.take() else {
            return;
        };
        let line_end = v.line_end(tag_end.saturating_sub(1).max(p));
        let rest = v.get(tag_end.min(line_end), line_end);
        let next = rest
            .iter()
            .position(|&c| !(c.is_ascii_whitespace() || c == 0x0B))
            .filter(|&i| {
                rest[i] == b'<'
                    && matches!(
                        bounding_tag(&rest[i + 1..]),
                        Some(Tag::Doctype | Tag::Xml | Tag::Html)
                    )
            });
        let end = next.map_or(line_end, |i| tag_end + i);
        out.push(Chunk::Page(p..end));
        self.xml_root = None;
        self.depth = 0;
        self.text_start = end;
        match next {
            // The next page is read from its tag, which starts it at once.
            Some(_) => {
                let tag = bounding_tag(v.get(end + 1, v.end()));
                self.start(end, tag == Some(Tag::Xml), out);
                // (Its tag is passed over: an `<html` opens the page's element here.)
                if tag == Some(Tag::Html) {
                    self.depth = 1;
                }
                self.scan = end + 1;
            }
            None => {
                self.scan = line_end;
                self.floor = line_end;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Vec<(bool, &str)> {
        chunks(text.as_bytes())
            .into_iter()
            .map(|c| match c {
                Chunk::Page(r) => (true, &text[r]),
                Chunk::Text(r) => (false, &text[r]),
            })
            .collect()
    }

    /// Page bounds are found from the lines that hold `<html`, `</html`, `<!DOCTYPE` or `<?xml`:
    /// other lines (with or without tags) neither start nor end a page, and a start line before
    /// the open page's body belongs to that page, also when the body is searched in parts.
    #[test]
    fn page_bounds_from_their_lines_only() {
        let page = "<!DOCTYPE html>\n<html lang=fr>\n<head>\n<!DOCTYPE html>\n<title>x</title>\n  <bo\ndy>\n<!doctype html>\n</head><BODY>\n<p>Question N° 1</p>\n<!-- </html> -->\n</html>\n";
        let text =
            format!("Avant <b>gras</b>\n  <p>html</p>\n{page}Après\n\u{a0}<HTML><body>\n</HTML>");
        assert_eq!(
            parts(&text),
            [
                (false, "Avant <b>gras</b>\n  <p>html</p>\n"),
                (true, page),
                (false, "Après\n"),
                (true, "\u{a0}<HTML><body>\n</HTML>"),
            ]
        );
    }

    /// Files joined without a line break: the next page starts where the last one ends.
    #[test]
    fn pages_joined_in_the_middle_of_a_line() {
        let a = "<!DOCTYPE html>\n<html><body>a</body></html>";
        let b = "<!DOCTYPE html>\n<html><body>b</body></html>\n";
        let joined = format!("{a}{b}");
        assert_eq!(parts(&joined), [(true, a), (true, b)]);
        let joined = format!("{a}  <html><body>c</body></html>\n");
        assert_eq!(
            parts(&joined),
            [
                (true, &format!("{a}  ")[..]),
                (true, "<html><body>c</body></html>\n")
            ]
        );
        // Text without a last line break, then a page.
        let joined = format!("Question écrite n° 1{b}");
        assert_eq!(parts(&joined), [(false, "Question écrite n° 1"), (true, b)]);
        let c = "<html><body>c</body></html>\n";
        let joined = format!("texte.\u{FEFF}{c}");
        assert_eq!(parts(&joined), [(false, "texte.\u{FEFF}"), (true, c)]);
        // An an-fiche fragment nests `<html>` after a tag: no page there.
        let fragment = "<tr><td>Question N° : 1</td></tr>\n<quest><html>Texte</html></quest>\n";
        assert_eq!(parts(fragment), [(false, fragment)]);
        // A byte-order mark before the next page.
        let joined = format!("{a}\n\u{FEFF}{b}");
        assert_eq!(
            parts(&joined),
            [
                (true, &format!("{a}\n")[..]),
                (true, &format!("\u{FEFF}{b}")[..])
            ]
        );
        // XML documents end where their root closes.
        let x = "<?xml version=\"1.0\"?><question><n>1</n></question>";
        let joined = format!("{x}{x}\n");
        assert_eq!(parts(&joined), [(true, x), (true, &format!("{x}\n")[..])]);
    }

    /// A page truncated before its `</html>` ends where the next one starts.
    #[test]
    fn a_truncated_page_ends_at_the_next() {
        let a = "<!DOCTYPE html>\n<html><body>a";
        let b = "<!DOCTYPE html>\n<html><body>b</body></html>\n";
        assert_eq!(parts(&format!("{a}{b}")), [(true, a), (true, b)]);
    }

    fn in_blocks(text: &[u8], block: usize) -> Vec<Chunk> {
        let mut c = Chunker::default();
        let mut got = Vec::new();
        let mut buf: Vec<u8> = Vec::new();
        let mut base = 0;
        for piece in text.chunks(block) {
            buf.extend_from_slice(piece);
            c.feed(&buf, base, false, &mut got);
            let keep = c.keep_from();
            buf.drain(..keep - base);
            base = keep;
        }
        c.feed(&buf, base, true, &mut got);
        got
    }

    /// Fed a byte at a time, the chunker gives what one pass gives.
    #[test]
    fn blocks_give_what_one_pass_gives() {
        let text = "x\n<!DOCTYPE html>\n<html><head><!DOCTYPE x></head><body>a</body></html><!DOCTYPE html>\n<html><!-- <html> --><body>b</html>\ntext\n<?xml version=\"1.0\"?>\n<r>\n<a/></r>\nend";
        let want = chunks(text.as_bytes());
        for block in [1, 2, 3, 7, 16] {
            assert_eq!(in_blocks(text.as_bytes(), block), want, "blocks of {block}");
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/real");
        let mut all = Vec::new();
        let mut names: Vec<_> = std::fs::read_dir(root)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        for p in names {
            all.extend(std::fs::read(p).unwrap());
        }
        let want = chunks(&all);
        for block in [1, 100, 5000] {
            assert_eq!(
                in_blocks(&all, block),
                want,
                "fixtures in blocks of {block}"
            );
        }
    }
}
