//! Saved pages and the text between them: the first cut of an input, before documents.
//!
//! A saved HTML page (from a line starting with `<!DOCTYPE`, `<html` or `<?xml` to its
//! `</html>`) is one document; what lies between pages is text, split into documents later.

use std::ops::Range;

/// A part of the input: a saved page or a stretch of text.
#[derive(Debug)]
pub(crate) enum Chunk {
    /// A saved page (or XML document), from its first tag to its end.
    Page(Range<usize>),
    /// Text between pages (Markdown, plain text, fragments).
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

/// Splits the input into saved pages and the text between them.
///
/// Only the source lines that hold a `<` able to start, nest or end a page are read (every line
/// holding a `<` inside an XML document): the others can do neither, and are passed over by one
/// search for `<` across the input.
pub(crate) fn chunks(text: &str) -> Vec<Chunk> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
