//! Document boundaries for `parse_all`: where each document of an input starts.
//!
//! A saved HTML page (from a line starting with `<!DOCTYPE`, `<html` or `<?xml` to its
//! `</html>`) is one document. Elsewhere documents start at their anchor line (`Question écrite
//! n° …`, `Question N° : …`, `Question de :`, …), moved back over the lines that head them
//! (title, legislature, chamber), and never before the previous document's anchor. A second
//! anchor joins the current document when it cannot start one: the same number again before any
//! content (a breadcrumb), `Question de :` after an an-dyn number line, a first `Texte de la
//! question` heading.

use std::ops::Range;

use crate::grammar::{self, label, name, Anchor};
use crate::markup::{self, Lines};

/// A document found in the input: its byte range, and which of its text chunk's lines are its
/// own (when the document starts in a clean state there).
#[derive(Debug)]
struct Segment {
    range: Range<usize>,
    lines: Option<(usize, usize)>,
}

/// The segments of an input, found one text chunk at a time as they are asked for, so that a
/// long input holds the lines of one chunk, not of all.
#[derive(Debug)]
pub(crate) struct Splitter {
    chunks: std::vec::IntoIter<Chunk>,
    /// The segments found and not yet handed out: all from one chunk.
    segments: std::collections::VecDeque<Segment>,
    /// The start and lines of the text chunk the pending segments come from, to hand each
    /// document its own without reading it again.
    chunk_lines: Option<(usize, Lines)>,
    /// Whether any segment was found.
    found: bool,
}

impl Splitter {
    pub(crate) fn new(text: &str) -> Splitter {
        Splitter {
            chunks: chunks(text).into_iter(),
            segments: std::collections::VecDeque::new(),
            chunk_lines: None,
            found: false,
        }
    }

    /// The next document's byte range in `text` (the text the splitter was made for), and its
    /// lines when the splitter has them.
    pub(crate) fn next_segment(&mut self, text: &str) -> Option<(Range<usize>, Option<Lines>)> {
        while self.segments.is_empty() {
            self.chunk_lines = None;
            match self.chunks.next() {
                Some(Chunk::Page(r)) => self.segments.push_back(Segment {
                    range: r,
                    lines: None,
                }),
                Some(Chunk::Text(r)) => {
                    let start = r.start;
                    let lines = split_text(text, r, &mut self.segments);
                    self.chunk_lines = Some((start, lines));
                }
                // An input in which no document starts is one (failing) document.
                None if !self.found => self.segments.push_back(Segment {
                    range: 0..text.len(),
                    lines: None,
                }),
                None => return None,
            }
        }
        self.found = true;
        let seg = self.segments.pop_front()?;
        // Each document of a chunk shares the chunk's lines.
        let lines = match (seg.lines, &self.chunk_lines) {
            (Some((from, to)), Some((chunk_start, lines))) => {
                Some(lines.window(from, to, seg.range.start - *chunk_start))
            }
            _ => None,
        };
        Some((seg.range, lines))
    }

    /// How many documents remain after those handed out (splitting the rest of the text).
    pub(crate) fn count_rest(&mut self, text: &str) -> usize {
        std::iter::from_fn(|| self.next_segment(text)).count()
    }
}

#[derive(Debug)]
enum Chunk {
    Page(Range<usize>),
    Text(Range<usize>),
}

/// Whether a source line starts a saved page.
fn starts_page(line: &str) -> bool {
    // Indentation is ASCII white space nearly always: skipped without the general trim.
    let b = line.as_bytes();
    let indent = b
        .iter()
        .position(|&c| !(c.is_ascii_whitespace() || c == 0x0B))
        .unwrap_or(b.len());
    let t = match b.get(indent) {
        Some(b'<') => &b[indent..],
        // A non-ASCII first character may be white space before a `<`.
        Some(c) if !c.is_ascii() && memchr::memchr(b'<', b).is_some() => {
            line.trim_start().as_bytes()
        }
        _ => return false,
    };
    let starts = |p: &[u8]| t.len() >= p.len() && t[..p.len()].eq_ignore_ascii_case(p);
    starts(b"<!doctype") || starts(b"<html") || starts(b"<?xml")
}

/// Whether a page's text (or the part of it not yet searched) holds a `<body` tag.
fn has_body(b: &[u8]) -> bool {
    memchr::memchr_iter(b'<', b)
        .any(|at| b.len() >= at + 5 && b[at + 1..at + 5].eq_ignore_ascii_case(b"body"))
}

/// The name of the first element that starts on a line (not a declaration or comment).
fn first_element(line: &str) -> Option<String> {
    let b = line.as_bytes();
    memchr::memchr_iter(b'<', b).find_map(|at| {
        let rest = &line[at + 1..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ':' | '.'))
            .collect();
        rest.starts_with(|c: char| c.is_ascii_alphabetic())
            .then_some(name)
    })
}

/// Whether a line holds `</name>`.
fn closes_element(line: &str, name: &str) -> bool {
    let b = line.as_bytes();
    memchr::memmem::find_iter(b, b"</").any(|at| {
        let rest = &line[at + 2..];
        rest.starts_with(name) && rest[name.len()..].trim_start().starts_with('>')
    })
}

/// How many `<html` start tags and `</html>` end tags a line holds.
fn html_tags(line: &str) -> (usize, usize) {
    let b = line.as_bytes();
    let (mut opens, mut closes) = (0, 0);
    // Skip comments (the conditional `<!--[if IE]><html …><![endif]-->` of old pages).
    let mut comment_end = 0;
    for at in memchr::memchr_iter(b'<', b) {
        if at < comment_end {
            continue;
        }
        if b[at..].starts_with(b"<!--") {
            comment_end =
                memchr::memmem::find(&b[at + 4..], b"-->").map_or(b.len(), |e| at + 4 + e + 3);
            continue;
        }
        let rest = &b[at + 1..];
        let is = |p: &[u8], r: &[u8]| {
            r.len() >= p.len()
                && r[..p.len()].eq_ignore_ascii_case(p)
                && r.get(p.len()).is_none_or(|c| !c.is_ascii_alphanumeric())
        };
        if is(b"html", rest) {
            opens += 1;
        } else if rest.first() == Some(&b'/') && is(b"html", &rest[1..]) {
            closes += 1;
        }
    }
    (opens, closes)
}

/// Whether the bytes after a `<` can start, nest or end a page: `<html`, `</html`, `<!DOCTYPE`,
/// `<?xml` (any case). A line without such a `<` changes nothing in [`chunks`] (outside XML).
fn may_bound_page(after: &[u8]) -> bool {
    let starts = |p: &[u8]| after.len() >= p.len() && after[..p.len()].eq_ignore_ascii_case(p);
    match after.first() {
        Some(b'h' | b'H') => starts(b"html"),
        Some(b'/') => starts(b"/html"),
        Some(b'!') => starts(b"!doctype"),
        Some(b'?') => starts(b"?xml"),
        _ => false,
    }
}

/// Splits the input into saved pages, open-data documents (read whole by the open-data hook)
/// and the text between them.
fn chunks(text: &str) -> Vec<Chunk> {
    let mut out = Vec::new();
    for (open, r) in crate::opendata::spans(text, 0..text.len()) {
        if open {
            out.push(Chunk::Page(r));
            continue;
        }
        let shift = r.start;
        out.extend(page_chunks(&text[r]).into_iter().map(|c| match c {
            Chunk::Page(p) => Chunk::Page(p.start + shift..p.end + shift),
            Chunk::Text(t) => Chunk::Text(t.start + shift..t.end + shift),
        }));
    }
    out
}

/// Splits a text into saved pages and the text between them.
///
/// Only the source lines that hold a `<` able to start, nest or end a page are read (every line
/// holding a `<` inside an XML document): the others can do neither, and are passed over by one
/// search for `<` across the input.
fn page_chunks(text: &str) -> Vec<Chunk> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut text_start = 0;
    let mut page_start: Option<usize> = None;
    // Whether the open page has reached its body, and how far its text was searched for it.
    let mut body = (false, 0);
    let mut depth = 0usize;
    let mut xml_root: Option<String> = None;
    // `floor` is a line start: the lines before it were all read or passed over.
    let (mut floor, mut scan) = (0, 0);
    while let Some(lt) = memchr::memchr(b'<', &bytes[scan..]).map(|p| scan + p) {
        if xml_root.is_none() && !may_bound_page(&bytes[lt + 1..]) {
            scan = lt + 1;
            continue;
        }
        let at = memchr::memrchr(b'\n', &bytes[floor..lt]).map_or(floor, |p| floor + p + 1);
        let end = memchr::memchr(b'\n', &bytes[lt..]).map_or(text.len(), |p| lt + p + 1);
        (floor, scan) = (end, end);
        let line = &text[at..end];
        // A page's `<!DOCTYPE>` and `<html>` lines start one page: a start line opens a new page
        // only once the open one has reached its body.
        let reached_body = |p: usize, body: &mut (bool, usize)| {
            if !body.0 {
                // From a little before the last search's end: a `<body` it cut is found here.
                let from = body.1.saturating_sub(4).max(p);
                *body = (has_body(&bytes[from..at]), at);
            }
            body.0
        };
        if starts_page(line) && page_start.is_none_or(|p| reached_body(p, &mut body)) {
            if let Some(p) = page_start.take() {
                out.push(Chunk::Page(p..at));
            } else if at > text_start {
                out.push(Chunk::Text(text_start..at));
            }
            page_start = Some(at);
            body = (false, at);
            depth = 0;
            xml_root = line.trim_start().starts_with("<?xml").then(String::new);
        }
        if page_start.is_some() && xml_root.is_some() {
            // An XML document ends where its root element closes.
            if xml_root.as_deref() == Some("") {
                if let Some(name) = first_element(line) {
                    xml_root = Some(name);
                }
            }
            let root = xml_root.as_deref().unwrap_or("");
            if !root.is_empty() && closes_element(line, root) {
                out.push(Chunk::Page(page_start.take().unwrap_or(at)..end));
                text_start = end;
                xml_root = None;
            }
        } else if page_start.is_some() {
            // Pages nest `<html>` inside their texts (an-fiche's `<quest><html>…</html>`): the page
            // ends when its outermost `<html>` closes.
            let (opens, closes) = html_tags(line);
            depth += opens;
            if closes > 0 && depth <= closes {
                out.push(Chunk::Page(page_start.take().unwrap_or(at)..end));
                text_start = end;
                depth = 0;
            } else {
                depth -= closes;
            }
        }
    }
    match page_start {
        Some(p) => out.push(Chunk::Page(p..text.len())),
        None if text_start < text.len() => out.push(Chunk::Text(text_start..text.len())),
        None => {}
    }
    out
}

/// What the current document has seen, to tell whether an anchor starts another.
#[derive(Debug, Clone, Copy)]
struct Current {
    anchor: Anchor,
    anchor_line: usize,
    number: Option<u64>,
    question_of: bool,
    text: bool,
    /// Whether an answer heading (`Texte de la réponse`, `DEBAT`) was seen.
    answer: bool,
    content: bool,
}

/// Splits a text chunk at its documents' starts.
fn split_text(
    text: &str,
    range: Range<usize>,
    out: &mut std::collections::VecDeque<Segment>,
) -> Lines {
    let text_of_chunk = &text[range.clone()];
    let lines = markup::lines(text_of_chunk);
    let mut starts: Vec<usize> = Vec::new();
    let mut cur: Option<Current> = None;
    for i in 0..lines.len() {
        let line = lines.get(i);
        // The first cell is found once for every look at the line.
        let cell = lines.first_cell(i);
        let Some(a) = cell.and_then(grammar::anchor_in_cell) else {
            if let Some(c) = &mut cur {
                // Each fact is looked for until it is seen.
                if !c.content
                    && !grammar::text::is_blank(line)
                    && !grammar::is_header_line(line)
                    && !grammar::common::is_chrome(line)
                {
                    c.content = true;
                }
                if !c.answer
                    && matches!(
                        // (Both labels start with a `T` or a `D`: other cells are not read.)
                        cell.filter(|c| c.starts_with(['T', 't', 'D', 'd']))
                            .and_then(label::key_in_cell),
                        Some(label::Key::AnswerHeading | label::Key::Debate)
                    )
                {
                    c.answer = true;
                }
            }
            continue;
        };
        let joins = cur.is_some_and(|c| joins(&c, a));
        if joins {
            if let Some(c) = &mut cur {
                match a {
                    Anchor::QuestionOf => c.question_of = true,
                    Anchor::TextHeading => c.text = true,
                    _ => {}
                }
                if a.is_strong() && c.number.is_none() {
                    c.number = a.number();
                }
            }
            continue;
        }
        let floor = cur.map_or(0, |c| c.anchor_line + 1);
        let start = back_up(&lines, i, a, floor);
        starts.push(start);
        cur = Some(Current {
            anchor: a,
            anchor_line: i,
            number: a.number(),
            question_of: matches!(a, Anchor::QuestionOf),
            text: matches!(a, Anchor::TextHeading) || start < i && trailer(&lines, start, i),
            answer: false,
            content: false,
        });
    }
    let offsets: Vec<usize> = starts
        .iter()
        .map(|&i| range.start + line_start(text_of_chunk, lines.src_start(i)))
        .collect();
    for (k, &s) in offsets.iter().enumerate() {
        let e = offsets.get(k + 1).copied().unwrap_or(range.end);
        if e > s {
            let from = starts[k];
            // The lines that begin before the next document's first source line.
            let mut to = starts.get(k + 1).copied().unwrap_or(lines.len());
            while to > from && range.start + lines.src_start(to - 1) >= e {
                to -= 1;
            }
            // A document that starts in a clean state reuses the lines read here.
            let reuse = lines.is_clean(from).then_some((from, to));
            out.push_back(Segment {
                range: s..e,
                lines: reuse,
            });
        }
    }
    lines
}

/// Whether anchor `a` belongs to the current document rather than starting another.
fn joins(c: &Current, a: Anchor) -> bool {
    match a {
        _ if a.is_strong() => c.number.is_some() && c.number == a.number() && !c.content,
        Anchor::QuestionOf => matches!(c.anchor, Anchor::KindNumberTitle(..)) && !c.question_of,
        Anchor::SenatAuthor => matches!(c.anchor, Anchor::KindNumber(..)) && !c.content,
        Anchor::TextHeading => {
            !c.text
                && !c.answer
                && !matches!(
                    c.anchor,
                    Anchor::KindNumberTitle(..)
                        | Anchor::QuestionOf
                        | Anchor::KindNumberAuthor(..)
                        | Anchor::SenatAuthor
                )
        }
        _ => false,
    }
}

/// Whether the lines `from..to` before an an-legacy number line hold the question (a copied
/// text whose number line trails it).
fn trailer(lines: &Lines, from: usize, to: usize) -> bool {
    (from..to).any(|i| name::opening_name(lines.get(i)).is_some())
}

/// The first line of the document whose anchor is line `at`, no earlier than `floor`.
fn back_up(lines: &Lines, at: usize, a: Anchor, floor: usize) -> usize {
    let blank = |i: usize| grammar::text::is_blank(lines.get(i));
    let header = |i: usize| {
        grammar::is_header_line(lines.get(i)) || grammar::common::is_chrome(lines.get(i))
    };
    // Over blank and header lines.
    let over_headers = |mut s: usize| {
        while s > floor && (blank(s - 1) || header(s - 1)) {
            s -= 1;
        }
        while s < at && blank(s) {
            s += 1;
        }
        s
    };
    // The nearest non-blank line before `s`, if it can be a title.
    // On Sénat pages the legislature line may stand between the title and the number line.
    let skip_headers = matches!(a, Anchor::KindNumberAuthor(..));
    let title_before = |s: usize| -> Option<usize> {
        let mut t = s;
        while t > floor
            && (blank(t - 1) || skip_headers && grammar::is_header_line(lines.get(t - 1)))
        {
            t -= 1;
        }
        (t > floor && grammar::could_be_title(lines.get(t - 1))).then(|| t - 1)
    };
    match a {
        Anchor::Numero(_) => {
            if !heading_follows(lines, at) {
                let open = (floor..at)
                    .rev()
                    .find(|&i| name::opening_name(lines.get(i)).is_some());
                // The question's opening words under a title: a copied text.
                if let Some((_, t)) = open.and_then(|o| title_before(o).map(|t| (o, t))) {
                    let mut s = t;
                    {
                        // A date line above the title (`28-11-2013`).
                        let mut d = s;
                        while d > floor && blank(d - 1) {
                            d -= 1;
                        }
                        if d > floor && is_date_only(lines.get(d - 1)) {
                            s = d - 1;
                        }
                    }
                    return over_headers(s);
                }
            }
            over_headers(at)
        }
        Anchor::KindNumber(..) | Anchor::KindNumberAuthor(..) => match title_before(at) {
            Some(t) => over_headers(t),
            None => over_headers(at),
        },
        Anchor::QuestionOf => {
            if at > floor && !blank(at - 1) && grammar::could_be_title(lines.get(at - 1)) {
                at - 1
            } else {
                at
            }
        }
        Anchor::KindNumberTitle(..) | Anchor::SenatAuthor | Anchor::TextHeading => at,
    }
}

/// Whether a text heading follows an an-legacy number line within its metadata (labelled lines,
/// the author and kind cells, and the short ends of cells a text rendering wrapped), as on every
/// page; a copied text has its question before, and prose after its number line.
fn heading_follows(lines: &Lines, at: usize) -> bool {
    for i in (at + 1..lines.len())
        .filter(|&i| !grammar::text::is_blank(lines.get(i)))
        .take(30)
    {
        let line = lines.get(i);
        let Some(first) = label::first_item(line) else {
            continue;
        };
        if matches!(
            first.key,
            Some(label::Key::QuestionHeading | label::Key::AnswerHeading | label::Key::Debate)
        ) {
            return true;
        }
        let meta = !first.label.is_empty()
            || grammar::an_legacy::author(first.value).is_some()
            || grammar::common::kind_words(first.value).is_ok()
            || grammar::is_header_line(line)
            || grammar::text::chars_at_most(line.trim(), 40);
        if !meta {
            return false;
        }
    }
    false
}

fn is_date_only(line: &str) -> bool {
    let t = line.trim();
    matches!(grammar::date::date(t), Ok((rest, _)) if rest.trim().is_empty())
}

/// The start of the source line holding `offset`.
fn line_start(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    memchr::memrchr(b'\n', &text.as_bytes()[..offset]).map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segments(text: &str) -> Vec<&str> {
        let mut s = Splitter::new(text);
        let mut out = Vec::new();
        while let Some((r, _)) = s.next_segment(text) {
            out.push(&text[r]);
        }
        out
    }

    #[test]
    fn text_documents() {
        let two = "Titre un\nQuestion écrite n° 1\nTexte de la question\nM. A B demande.\nTitre deux\nQuestion écrite n° 2\nTexte de la question\nMme C D demande.\n";
        assert_eq!(
            segments(two),
            [
                "Titre un\nQuestion écrite n° 1\nTexte de la question\nM. A B demande.\n",
                "Titre deux\nQuestion écrite n° 2\nTexte de la question\nMme C D demande.\n"
            ]
        );
    }

    #[test]
    fn front_matter_yields_nothing_and_no_document_yields_one() {
        assert_eq!(
            segments("Sommaire\n\nRubrique : x\n\nQuestion écrite n° 1\nTexte\n"),
            ["Question écrite n° 1\nTexte\n"]
        );
        let text = "Bonjour\n";
        let mut s = Splitter::new(text);
        assert_eq!(s.next_segment(text).map(|(r, _)| r), Some(0..8));
        assert!(s.next_segment(text).is_none());
        let text =
            "Question écrite n° 1\nx\n<html><p>Question N° 2</p></html>\nQuestion écrite n° 3\n";
        let mut s = Splitter::new(text);
        assert!(s.next_segment(text).is_some());
        assert_eq!(s.count_rest(text), 2);
    }

    /// Page bounds are found from the lines that hold `<html`, `</html`, `<!DOCTYPE` or `<?xml`:
    /// other lines (with or without tags) neither start nor end a page, and a start line before
    /// the open page's body belongs to that page, also when the body is searched in parts.
    #[test]
    fn page_bounds_from_their_lines_only() {
        fn chunk_ranges(text: &str) -> Vec<(bool, &str)> {
            chunks(text)
                .into_iter()
                .map(|c| match c {
                    Chunk::Page(r) => (true, &text[r]),
                    Chunk::Text(r) => (false, &text[r]),
                })
                .collect()
        }
        let page = "<!DOCTYPE html>\n<html lang=fr>\n<head>\n<!DOCTYPE html>\n<title>x</title>\n  <bo\ndy>\n<!doctype html>\n</head><BODY>\n<p>Question N° 1</p>\n<!-- </html> -->\n</html>\n";
        let text =
            format!("Avant <b>gras</b>\n  <p>html</p>\n{page}Après\n\u{a0}<HTML><body>\n</HTML>");
        assert_eq!(
            chunk_ranges(&text),
            [
                (false, "Avant <b>gras</b>\n  <p>html</p>\n"),
                (true, page),
                (false, "Après\n"),
                (true, "\u{a0}<HTML><body>\n</HTML>"),
            ]
        );
    }

    #[test]
    fn pages() {
        let text = "<html><body><p>Question N° 1</p></body></html>\n<!DOCTYPE html>\n<html>\n<p>Question N° 2</p>\n</html>\nQuestion écrite n° 3\n";
        assert_eq!(segments(text).len(), 3);
    }
}
