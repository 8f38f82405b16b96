//! Invariants the fuzz targets check on every input, beyond "no panic, no hang".
//!
//! The same checks (without libFuzzer) run on stable Rust in `asalee-core/tests/replay.rs`.

use asalee_core::{ErrorKind, Options, ParseError, Question};

/// Number of lines of `text`: a final line without `\n` counts, an empty text has none.
fn line_count(text: &str) -> usize {
    text.lines().count()
}

/// Line `line` (1-based) of `text`, without its `\n` ("" past the end).
fn nth_line(text: &str, line: usize) -> &str {
    text.split('\n').nth(line.saturating_sub(1)).unwrap_or("")
}

/// An error's position lies inside `text` (the decoded text the parser read) and agrees with its
/// byte offset.
pub fn check_error(text: &str, e: &ParseError) {
    let n = line_count(text);
    assert!(
        e.line() >= 1 && e.column() >= 1,
        "{e:?}: position is 1-based"
    );
    assert!(e.line() <= n + 1, "{e:?}: line past the input's {n} lines");
    let len = nth_line(text, e.line()).chars().count();
    assert!(
        e.column() <= len + 1,
        "{e:?}: column past line {}'s {len} characters",
        e.line()
    );
    let off = e.byte_offset();
    assert!(
        off <= text.len(),
        "{e:?}: byte offset {off} past {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(off),
        "{e:?}: byte offset {off} inside a character"
    );
    let before = &text[..off];
    let line = 1 + before.matches('\n').count();
    let column = 1 + before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .chars()
        .count();
    assert_eq!(
        (e.line(), e.column()),
        (line, column),
        "{e:?}: line and column disagree with byte offset {off}"
    );
}

/// A record's warnings point inside `text`, and the record round-trips through its JSON.
pub fn check_record(text: &str, q: &Question) {
    let n = line_count(text);
    for w in &q.warnings {
        assert!(
            w.line >= 1 && w.line <= n + 1,
            "warning {w:?} outside the input's {n} lines"
        );
    }
    let json = q.to_json();
    let back: Question = serde_json::from_str(&json)
        .unwrap_or_else(|e| panic!("to_json does not read back ({e}): {json}"));
    assert_eq!(&back, q, "to_json then from_str differs: {json}");
}

/// One result of `parse`, `parse_bytes` or `parse_all` read from `text`.
pub fn check_result(text: &str, r: &Result<Question, ParseError>) {
    match r {
        Ok(q) => check_record(text, q),
        Err(e) => check_error(text, e),
    }
}

/// Everything about one input given as bytes: `parse_bytes`, `parse_all_bytes`, strict mode,
/// and their agreement (`parse` is `parse_all`'s first result, plus a warning when more follow;
/// strict mode fails at the first warning's line).
pub fn check_bytes(data: &[u8]) {
    let (text, _) = asalee_core::decode(data);
    let one = asalee_core::parse_bytes(data);
    check_result(&text, &one);
    let all: Vec<_> = asalee_core::parse_all_bytes(data).collect();
    assert!(!all.is_empty(), "parse_all yields at least one result");
    for r in &all {
        check_result(&text, r);
    }
    match (&one, &all[0]) {
        (Ok(q), Ok(first)) => {
            assert!(
                q.warnings.len() == first.warnings.len()
                    || (q.warnings.len() == first.warnings.len() + 1 && all.len() > 1),
                "parse's warnings: {:?}\nparse_all's: {:?}",
                q.warnings,
                first.warnings
            );
            let mut q = q.clone();
            q.warnings.truncate(first.warnings.len());
            assert_eq!(&q, first, "parse and parse_all's first record differ");
        }
        (Err(a), Err(b)) => assert_eq!(a, b, "parse and parse_all's first error differ"),
        (a, b) => panic!("parse gives {a:?}, parse_all's first {b:?}"),
    }
    let strict = Options::new().strict(true).parse_bytes(data);
    match (&one, &strict) {
        (Ok(q), Ok(s)) => {
            assert!(
                q.warnings.is_empty(),
                "strict mode accepted warnings {:?}",
                q.warnings
            );
            assert_eq!(q, s);
        }
        (Ok(q), Err(e)) => {
            check_error(&text, e);
            assert_eq!(e.kind(), ErrorKind::Strict, "{e:?}");
            assert_eq!(Some(e.line()), q.warnings.first().map(|w| w.line), "{e:?}");
        }
        (Err(a), Err(b)) => assert_eq!(a, b, "strict mode changed the error"),
        (Err(a), Ok(_)) => panic!("strict mode accepted what lenient mode rejects: {a:?}"),
    }
}

/// `parse` and `parse_all` on text: the same as the bytes of the text.
pub fn check_str(s: &str) {
    let (text, _) = asalee_core::decode(s.as_bytes());
    let one = asalee_core::parse(s);
    check_result(&text, &one);
    assert_eq!(
        one,
        asalee_core::parse_bytes(s.as_bytes()),
        "parse and parse_bytes differ"
    );
    let mut n = 0;
    for r in asalee_core::parse_all(s) {
        check_result(&text, &r);
        n += 1;
    }
    assert!(n >= 1, "parse_all yields at least one result");
}

/// Whether `parse_reader` reads an input as the AN's open data, to its end (`docs/decisions.md`:
/// the one place where it and `parse_all_bytes` differ): JSON (`{` or `[` first, after a
/// byte-order mark and white space), or an XML document whose root element is not `html`.
fn open_data(input: &[u8]) -> bool {
    // (White space and the byte-order marks that start the input or a line before the first
    // character are skipped, as the decoding drops those marks.)
    let mut t = input;
    loop {
        let before = t.len();
        t = t.trim_ascii_start();
        if (t.len() == input.len() || input[input.len() - t.len() - 1] == b'\n')
            && t.starts_with(b"\xEF\xBB\xBF")
        {
            t = &t[3..];
        }
        if t.len() == before {
            break;
        }
    }
    if t.starts_with(b"{") || t.starts_with(b"[") {
        return true;
    }
    t.starts_with(b"<?xml")
        && xml_root(t)
            .is_some_and(|name| !(name.len() >= 4 && name[..4].eq_ignore_ascii_case(b"html")))
}

/// What follows the first `<` that a letter follows (an XML document's root element).
fn xml_root(t: &[u8]) -> Option<&[u8]> {
    (0..t.len())
        .find(|&i| t[i] == b'<' && t.get(i + 1).is_some_and(u8::is_ascii_alphabetic))
        .map(|i| &t[i + 1..])
}

/// Whether markup starts with an end tag or a phrasing element's start tag (`<b>`, `<span`):
/// the middle of a line, which never starts a document.
fn starts_inline(t: &str) -> bool {
    const PHRASING: [&str; 24] = [
        "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "dfn", "em", "font", "i", "kbd",
        "mark", "q", "s", "small", "span", "strong", "sub", "sup", "time", "u", "var",
    ];
    let Some(rest) = t.strip_prefix('<') else {
        return false;
    };
    if rest.starts_with('/') {
        return true;
    }
    let name: String = rest
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    PHRASING.contains(&name.as_str())
}

/// How [`check_two`] joins its two inputs, chosen by the data's first byte.
const SEPARATORS: [&[u8]; 6] = [
    b"",
    b"\n",
    b"\n\n",
    b"\xEF\xBB\xBF",
    b"\r\n",
    b"\n\xEF\xBB\xBF",
];

/// Two documents mode: the data is two inputs joined by a separator (its first byte chooses
/// the separator, the next two where the first input ends). Checked against parsing each alone:
/// when each alone is exactly one record, the first ends with a line break (or the second is a
/// saved page) and does not leave a page open, and the second starts a document by its first
/// lines, the join gives both records, by number; and always,
/// `parse_reader` read in small blocks yields exactly what `parse_all_bytes` yields on the join.
pub fn check_two(data: &[u8]) {
    let [sep, hi, lo, rest @ ..] = data else {
        return;
    };
    let cut = (usize::from(*hi) << 8 | usize::from(*lo)).min(rest.len());
    let (a, b) = rest.split_at(cut);
    let sep = SEPARATORS[usize::from(*sep) % SEPARATORS.len()];
    let mut joined = a.to_vec();
    joined.extend_from_slice(sep);
    joined.extend_from_slice(b);
    let all: Vec<_> = asalee_core::parse_all_bytes(&joined).collect();
    let (text, _) = asalee_core::decode(&joined);
    for r in &all {
        check_result(&text, r);
    }
    let one = |x: &[u8]| -> Option<u64> {
        let r: Vec<_> = asalee_core::parse_all_bytes(x).collect();
        match &r[..] {
            [Ok(q)] => Some(q.number),
            _ => None,
        }
    };
    let page =
        b.trim_ascii_start().starts_with(b"<!") || b.trim_ascii_start().starts_with(b"<html");
    let breaks = a.ends_with(b"\n") || sep.first() == Some(&b'\n') || sep.starts_with(b"\r\n");
    // A page without its `</html>` runs to the next page or the input's end (SPEC): the text
    // after it is its own, and that is no loss.
    let lower = a.to_ascii_lowercase();
    let count = |p: &[u8]| lower.windows(p.len()).filter(|w| *w == p).count();
    // (A `<!DOCTYPE` opens a page too, with or without an `<html` after it.)
    let last = |p: &[u8]| lower.windows(p.len()).rposition(|w| w == p);
    let open_page = count(b"<html") > count(b"</html>")
        || last(b"<!doctype") > last(b"</html")
        || count(b"<?xml") > 0 && count(b"</") == 0;
    // The second must start a document by its own first lines (markup that is not a phrasing
    // element's, or a question line among its first three, the first starting as a document's
    // line does: a capital, a digit, a Markdown mark): a cut in the middle of a document (of a
    // sentence, of a tag: `nt adressées`, `>Ministère`) continues the first.
    let starts = {
        let t = String::from_utf8_lossy(b);
        let t = t.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
        let mut lines = t.lines().map(str::trim).filter(|l| !l.is_empty()).take(3);
        match t.chars().next() {
            Some('<') => !starts_inline(t),
            Some(c) if c.is_uppercase() || c.is_ascii_digit() || "#*[_|".contains(c) => {
                lines.any(|l| l.contains("uestion"))
            }
            _ => false,
        }
    };
    if let (Some(x), Some(y)) = (one(a), one(b)) {
        if x != y && (breaks || page) && !open_page && starts {
            let numbers: Vec<Option<u64>> = all
                .iter()
                .map(|r| r.as_ref().ok().map(|q| q.number))
                .collect();
            assert!(
                numbers.contains(&Some(x)) && numbers.contains(&Some(y)),
                "the join of {x} and {y} gives {numbers:?}"
            );
        }
    }
    // Streaming in blocks of 1 to 7 bytes gives the same results.
    struct Small<'a>(&'a [u8], usize);
    impl std::io::Read for Small<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.1 = self.1 % 7 + 1;
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }
    let streamed: Vec<_> = asalee_core::parse_reader(Small(&joined, 0)).collect();
    // (A zip archive or open data is read another way: only plain inputs are compared.)
    if !joined.starts_with(b"PK\x03\x04") && !open_data(&joined) {
        assert_eq!(
            streamed.len(),
            all.len(),
            "parse_reader and parse_all_bytes differ in count"
        );
        for (s, w) in streamed.iter().zip(&all) {
            match (s, w) {
                (Ok(s), Ok(w)) => assert_eq!(s, w, "parse_reader and parse_all_bytes differ"),
                (Err(s), Err(w)) => assert_eq!(
                    (s.line(), s.column(), s.byte_offset(), s.message()),
                    (w.line(), w.column(), w.byte_offset(), w.message())
                ),
                (s, w) => panic!("parse_reader gives {s:?}, parse_all_bytes {w:?}"),
            }
        }
    }
}
