//! Where open-data documents sit inside a text that also holds other documents: a line that
//! starts (at its first byte) with a JSON export (`{"question"`, `{"questionsEcrites"`, or a list
//! of them) or with an XML question root without a declaration (`<question `, `<questionsEcrites`,
//! `<QUESTION `) begins one, which ends where its value or root element closes (or, for a cut
//! document, where the next such line begins).

use std::ops::Range;

/// The parts of `text[range]`: `(true, r)` for an open-data document, `(false, r)` for the text
/// between them, in order, covering the range.
pub(crate) fn spans(text: &str, range: Range<usize>) -> Vec<(bool, Range<usize>)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut text_from = range.start;
    // A document begins at a line's start: a range that starts inside a line begins at the next.
    let mut line = range.start;
    if line > 0 && b.get(line - 1) != Some(&b'\n') {
        line = next_line(b, line, range.end);
    }
    // Only a line starting with `{`, `[` or `<` can begin one: those bytes are searched for
    // (one `memchr3` over the range, not one search per line), and kept at a line's start.
    let mut at = line;
    while at < range.end {
        let Some(i) = memchr::memchr3(b'{', b'[', b'<', &b[at..range.end]) else {
            break;
        };
        let start_of_line = at + i;
        at = start_of_line + 1;
        if start_of_line != line && b[start_of_line - 1] != b'\n' {
            continue;
        }
        let Some(kind) = starts_document(&b[start_of_line..range.end]) else {
            continue;
        };
        let end = match kind {
            Kind::Json => json_end(b, start_of_line, range.end),
            Kind::Xml(name) => xml_end(b, start_of_line, range.end, name),
        };
        // An XML root's prolog (declaration, comments, doctype) belongs to its document.
        let start = match kind {
            Kind::Xml(_) => prolog_start(b, text_from, start_of_line),
            Kind::Json => start_of_line,
        };
        // The rest of the last line belongs to the document (a document begins at a line's
        // start: what follows on its last line is the document's own trailing text).
        let end = next_line(b, end.saturating_sub(1).max(start_of_line), range.end);
        if start > text_from {
            out.push((false, text_from..start));
        }
        out.push((true, start..end));
        text_from = end;
        at = end;
    }
    if text_from < range.end {
        out.push((false, text_from..range.end));
    }
    out
}

/// Whether `b` holds a name every open-data document holds: `"question` (the JSON key of a
/// question or a list of them), `<question` or `<QUESTION` (the XML roots). A text without one
/// (most of them: the pages' text renderings) is not read line by line.
fn may_hold(b: &[u8]) -> bool {
    memchr::memmem::find_iter(b, b"question").any(|at| at > 0 && matches!(b[at - 1], b'"' | b'<'))
        || memchr::memmem::find(b, b"<QUESTION").is_some()
}

/// The start of the line after the one holding `at` (or `end`).
fn next_line(b: &[u8], at: usize, end: usize) -> usize {
    memchr::memchr(b'\n', &b[at..end]).map_or(end, |i| at + i + 1)
}

/// The first of the lines before `line` (and after `floor`) that are an XML prolog: blank, or
/// starting with `<?` or `<!`.
fn prolog_start(b: &[u8], floor: usize, line: usize) -> usize {
    let mut start = line;
    while start > floor {
        let prev = memchr::memrchr(b'\n', &b[floor..start - 1]).map_or(floor, |i| floor + i + 1);
        let t = b[prev..start].trim_ascii_start();
        if !(t.is_empty() || t.starts_with(b"<?") || t.starts_with(b"<!")) {
            break;
        }
        start = prev;
    }
    // Not over the blank lines before the prolog.
    while start < line && b[start..].starts_with(b"\n") {
        start += 1;
    }
    start
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Json,
    Xml(&'static str),
}

/// Whether the bytes (a line's start) begin an open-data document, and which.
fn starts_document(b: &[u8]) -> Option<Kind> {
    match b.first()? {
        b'{' | b'[' => json_signature(b).then_some(Kind::Json),
        // (Every root's name starts with a `q`: the lines of an HTML fragment, which all start
        // with `<`, are turned down by their second byte.)
        b'<' if matches!(b.get(1), Some(b'q' | b'Q')) => {
            let rest = &b[1..];
            let name = [
                "questionsEcrites",
                "questionsOralesSansDebat",
                "questionsGouvernement",
                "question",
                "QUESTION",
            ]
            .into_iter()
            .find(|n| {
                rest.starts_with(n.as_bytes())
                    && rest
                        .get(n.len())
                        .is_some_and(|c| matches!(c, b' ' | b'>' | b'\n' | b'\t' | b'\r'))
            })?;
            Some(Kind::Xml(name))
        }
        _ => None,
    }
}

/// `{` (or `[` then `{`) and, after white space, a first key `"question…"`.
fn json_signature(b: &[u8]) -> bool {
    let mut i = 0;
    let skip = |i: &mut usize| {
        while b.get(*i).is_some_and(u8::is_ascii_whitespace) {
            *i += 1;
        }
    };
    if b.first() == Some(&b'[') {
        i = 1;
        skip(&mut i);
    }
    if b.get(i) != Some(&b'{') {
        return false;
    }
    i += 1;
    skip(&mut i);
    b[i.min(b.len())..].starts_with(b"\"question")
}

/// The end of the JSON value starting at `from`: after its closing bracket; where a line
/// inside it starts another document (a cut document); else `end`.
fn json_end(b: &[u8], from: usize, end: usize) -> usize {
    let (mut depth, mut in_str, mut i) = (0usize, false, from);
    while i < end {
        if in_str {
            match memchr::memchr3(b'"', b'\\', b'\n', &b[i..end]) {
                Some(k) => {
                    i += k;
                    match b[i] {
                        b'\\' => i += 2,
                        b'"' => {
                            in_str = false;
                            i += 1;
                        }
                        _ => {
                            // A line break inside a string: the document was cut.
                            if starts_document(&b[i + 1..end]).is_some() {
                                return i + 1;
                            }
                            i += 1;
                        }
                    }
                }
                None => return end,
            }
            continue;
        }
        match b[i] {
            b'"' => in_str = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return i + 1;
                }
            }
            b'\n' if depth > 0 && starts_document(&b[i + 1..end]).is_some() => return i + 1,
            _ => {}
        }
        i += 1;
    }
    end
}

/// The end of the XML root `name` starting at `from`: after its end tag, or where a line starts
/// another document, else `end`.
fn xml_end(b: &[u8], from: usize, end: usize, name: &str) -> usize {
    let close = format!("</{name}>");
    let finder = memchr::memmem::Finder::new(close.as_bytes());
    let stop = finder
        .find(&b[from..end])
        .map_or(end, |k| from + k + close.len());
    // A document cut before its end: the next line that starts one (inside a whole
    // legislature, its own `<question>` lines do not).
    let list = name.starts_with("questions");
    let mut i = from;
    while let Some(k) = memchr::memchr(b'\n', &b[i..stop]) {
        i += k + 1;
        let next = if i < stop {
            starts_document(&b[i..end])
        } else {
            None
        };
        let cuts = match next {
            Some(Kind::Xml(n)) => !list || n.starts_with("questions"),
            Some(Kind::Json) => true,
            None => b[i..stop].starts_with(b"<?xml"),
        };
        if cuts {
            return i;
        }
    }
    stop
}

/// The chunks of a decoded text with its open-data documents taken out of the text stretches:
/// each is a chunk of its own (a `Page`, read whole by the open-data hook), so that JSON or XML
/// exports pasted among pages and text are found.
pub(crate) fn split_chunks(
    text: &str,
    chunks: Vec<crate::chunk::Chunk>,
) -> Vec<crate::chunk::Chunk> {
    use crate::chunk::Chunk;
    // Only a text stretch holding a root's or a key's name can hold open data.
    let may_hold = |r: &Range<usize>| may_hold(&text.as_bytes()[r.clone()]);
    if !chunks
        .iter()
        .any(|c| matches!(c, Chunk::Text(r) if may_hold(r)))
    {
        return chunks;
    }
    let mut out = Vec::with_capacity(chunks.len());
    for c in chunks {
        match c {
            Chunk::Text(r) if may_hold(&r) => out.extend(
                spans(text, r)
                    .into_iter()
                    .filter(|(_, r)| !r.is_empty())
                    .map(|(open, r)| if open { Chunk::Page(r) } else { Chunk::Text(r) }),
            ),
            other => out.push(other),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(text: &str) -> Vec<(bool, &str)> {
        spans(text, 0..text.len())
            .into_iter()
            .map(|(j, r)| (j, &text[r]))
            .collect()
    }

    #[test]
    fn documents_between_texts() {
        let text = "Titre\n{\"question\": {\"a\": \"}\\\"\"}}\nQuestion écrite n° 1\n";
        assert_eq!(
            parts(text),
            [
                (false, "Titre\n"),
                (true, "{\"question\": {\"a\": \"}\\\"\"}}\n"),
                (false, "Question écrite n° 1\n")
            ]
        );
        // Not open data: left as text.
        assert_eq!(
            parts("{\"x\": 1}\n{ pas du json\n"),
            [(false, "{\"x\": 1}\n{ pas du json\n")]
        );
        let xml = "<question xmlns=\"x\">\n<uid>Q</uid>\n</question>\nsuite\n";
        assert_eq!(
            parts(xml),
            [
                (true, "<question xmlns=\"x\">\n<uid>Q</uid>\n</question>\n"),
                (false, "suite\n")
            ]
        );
    }

    #[test]
    fn a_cut_document_ends_where_the_next_begins() {
        let text = "{\"question\": {\"a\": \"coupé\n{\"question\": {}}\n";
        assert_eq!(
            parts(text),
            [
                (true, "{\"question\": {\"a\": \"coupé\n"),
                (true, "{\"question\": {}}\n")
            ]
        );
        let text = "[\n {\"question\": {\"a\": [1,\n{\"question\": {}}";
        assert_eq!(parts(text).len(), 2);
        // A whole legislature's questions are its own.
        let list = "<questionsEcrites>\n<question a=\"1\">\n</question>\n<question>\n</question>\n</questionsEcrites>\n";
        assert_eq!(parts(list), [(true, list)]);
        let cut = "<question a=\"1\">\n<uid>\n<?xml version=\"1.0\"?>\n<QUESTION TYPE=\"QE\">\n</QUESTION>\n";
        assert_eq!(parts(cut).len(), 2);
    }
}
