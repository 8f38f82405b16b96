//! Bytes to text: UTF-8 with or without BOM, else Windows-1252; CRLF line ends to LF.
//!
//! An input is decoded part by part, as `chunk` cut it: each saved page by its own bytes (UTF-8
//! when they are, else the encoding it declares, else Windows-1252), each line of text by its
//! own bytes. Pages and files joined in one input keep their own encodings.

use std::borrow::Cow;
use std::ops::Range;

use crate::chunk::{self, Chunk};

/// How the bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (a byte-order mark, if any, removed).
    Utf8,
    /// Not valid UTF-8: read as Windows-1252, the superset of ISO-8859-1 the AN's older pages
    /// were served in.
    Windows1252,
}

/// Decodes `bytes` as the parser reads them: UTF-8 (a leading BOM removed) or, where they are
/// not valid UTF-8, Windows-1252 (or the encoding a saved page declares), each saved page and
/// each line of text by its own bytes; CRLF line ends become LF. Borrows when nothing needs to
/// change. The encoding is [`Encoding::Windows1252`] when any part was not UTF-8.
///
/// ```
/// use asalee_core::{decode, Encoding};
/// assert_eq!(decode(b"\xEF\xBB\xBFcaf\xC3\xA9\r\n"), ("café\n".into(), Encoding::Utf8));
/// assert_eq!(decode(b"caf\xE9"), ("café".into(), Encoding::Windows1252));
/// // Each line by its own bytes.
/// assert_eq!(decode(b"caf\xC3\xA9\ncaf\xE9\n").0, "café\ncafé\n");
/// ```
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, Encoding) {
    let d = decode_input(bytes);
    let encoding = if d.utf8 {
        Encoding::Utf8
    } else {
        Encoding::Windows1252
    };
    (d.text, encoding)
}

/// A part of an input read in an encoding other than UTF-8 after UTF-8 text with accents came
/// before it in the same input: its documents say so in a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mixed {
    /// The part's range in the decoded text.
    pub(crate) range: Range<usize>,
    /// The encoding it was read in.
    pub(crate) encoding: &'static encoding_rs::Encoding,
}

impl Mixed {
    /// The warning's message.
    pub(crate) fn message(&self) -> String {
        format!(
            "decoded as {}: these bytes are not UTF-8, unlike text before them in the input",
            self.encoding.name()
        )
    }
}

/// An input decoded part by part: the text, its pages and text stretches (in the text's
/// offsets) and the parts read in another encoding than the text before them.
#[derive(Debug)]
pub(crate) struct Decoded<'a> {
    pub(crate) text: Cow<'a, str>,
    pub(crate) chunks: Vec<Chunk>,
    pub(crate) mixed: Vec<Mixed>,
    /// Whether every part was UTF-8.
    pub(crate) utf8: bool,
}

/// Decodes a whole input, part by part (see the module's documentation). Borrows when the
/// input is UTF-8 with no CRLF and no byte-order mark but a leading one.
pub(crate) fn decode_input(bytes: &[u8]) -> Decoded<'_> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let parts = chunk::chunks(bytes);
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        if memchr::memmem::find(bytes, b"\r\n").is_none()
            && memchr::memmem::find(bytes, b"\xEF\xBB\xBF").is_none()
        {
            return Decoded {
                text: Cow::Borrowed(text),
                chunks: parts,
                mixed: Vec::new(),
                utf8: true,
            };
        }
    }
    let mut decoder = PartDecoder::default();
    let mut text = String::with_capacity(bytes.len());
    let mut chunks = Vec::with_capacity(parts.len());
    let mut mixed = Vec::new();
    for part in parts {
        let start = text.len();
        match part {
            Chunk::Page(r) => {
                decoder.page(&bytes[r], &mut text, &mut mixed);
                chunks.push(Chunk::Page(start..text.len()));
            }
            Chunk::Text(r) => {
                decoder.text(&bytes[r], &mut text, &mut mixed);
                chunks.push(Chunk::Text(start..text.len()));
            }
        }
    }
    Decoded {
        text: Cow::Owned(text),
        chunks,
        mixed,
        utf8: !decoder.other_seen,
    }
}

/// Decodes the parts of one input in order, remembering whether UTF-8 text with accents came
/// before (then a part in another encoding is [`Mixed`]).
#[derive(Debug, Default)]
pub(crate) struct PartDecoder {
    utf8_seen: bool,
    /// Whether a part was read in another encoding.
    other_seen: bool,
}

impl PartDecoder {
    /// Appends a saved page, decoded by its own bytes or declaration.
    pub(crate) fn page(&mut self, bytes: &[u8], out: &mut String, mixed: &mut Vec<Mixed>) {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let start = out.len();
        match simdutf8::basic::from_utf8(bytes) {
            Ok(text) => {
                push_lf(out, text);
                self.utf8_seen |= !bytes.is_ascii();
            }
            Err(_) => {
                let encoding = declared(bytes)
                    .filter(|e| *e != encoding_rs::UTF_8 && e.is_ascii_compatible())
                    .unwrap_or(encoding_rs::WINDOWS_1252);
                let (text, _) = encoding.decode_without_bom_handling(bytes);
                push_lf(out, &text);
                self.note(start..out.len(), encoding, mixed);
            }
        }
    }

    /// Appends a stretch of text made of whole lines (the last may lack its line end), each
    /// line decoded by its own bytes; a byte-order mark that starts a line is dropped.
    pub(crate) fn text(&mut self, bytes: &[u8], out: &mut String, mixed: &mut Vec<Mixed>) {
        // Validated a run of lines at a time: the lines before the first invalid byte are UTF-8
        // together, the line holding it is read as Windows-1252, and validation goes on from
        // the next line (so that a stretch with a few Latin-1 lines is not read line by line).
        let mut latin: Option<usize> = None;
        let mut rest = bytes;
        while !rest.is_empty() {
            let (valid, bad) = match simdutf8::compat::from_utf8(rest) {
                Ok(text) => (text, &[][..]),
                Err(e) => {
                    let at = e.valid_up_to();
                    let line = memchr::memrchr(b'\n', &rest[..at]).map_or(0, |i| i + 1);
                    let end = memchr::memchr(b'\n', &rest[at..]).map_or(rest.len(), |i| at + i + 1);
                    // (The lines before the bad one are valid: `line` is at most `at`.)
                    let valid = std::str::from_utf8(&rest[..line]).unwrap_or_default();
                    (valid, &rest[line..end])
                }
            };
            if !valid.is_empty() {
                if let Some(start) = latin.take() {
                    self.note(start..out.len(), encoding_rs::WINDOWS_1252, mixed);
                }
                self.utf8_seen |= !valid.is_ascii();
                push_lines(out, valid);
            }
            if !bad.is_empty() {
                latin.get_or_insert(out.len());
                // (A UTF-8 byte-order mark before it is a file's start: dropped as well.)
                let line = bad.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bad);
                let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(line);
                push_lf(out, &text);
            }
            rest = &rest[valid.len() + bad.len()..];
        }
        if let Some(start) = latin {
            self.note(start..out.len(), encoding_rs::WINDOWS_1252, mixed);
        }
    }

    /// [`PartDecoder::text`] the readable way, a line at a time (the tests compare the two).
    #[cfg(test)]
    fn text_by_line(&mut self, bytes: &[u8], out: &mut String, mixed: &mut Vec<Mixed>) {
        let mut latin: Option<usize> = None;
        for line in bytes.split_inclusive(|&c| c == b'\n') {
            match std::str::from_utf8(line) {
                Ok(text) => {
                    if let Some(start) = latin.take() {
                        self.note(start..out.len(), encoding_rs::WINDOWS_1252, mixed);
                    }
                    self.utf8_seen |= !line.is_ascii();
                    push_lines(out, text);
                }
                Err(_) => {
                    latin.get_or_insert(out.len());
                    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
                    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(line);
                    push_lf(out, &text);
                }
            }
        }
        if let Some(start) = latin {
            self.note(start..out.len(), encoding_rs::WINDOWS_1252, mixed);
        }
    }

    fn note(
        &mut self,
        range: Range<usize>,
        encoding: &'static encoding_rs::Encoding,
        mixed: &mut Vec<Mixed>,
    ) {
        self.other_seen = true;
        if self.utf8_seen {
            mixed.push(Mixed { range, encoding });
        }
    }
}

/// The encoding a page declares near its start: `<meta charset=…>`, `<meta http-equiv=…
/// content="…; charset=…">` or `<?xml … encoding="…"?>`, looked up by its WHATWG label.
fn declared(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(16 * 1024)];
    let lower = head.to_ascii_lowercase();
    let value = |key: &[u8]| {
        memchr::memmem::find_iter(&lower, key).find_map(|at| {
            let rest = &head[at + key.len()..];
            let rest = rest.trim_ascii_start();
            let rest = rest.strip_prefix(b"=")?.trim_ascii_start();
            let rest = rest
                .split_first()
                .filter(|(c, _)| matches!(c, b'"' | b'\''))
                .map_or(rest, |(_, r)| r);
            let end = rest
                .iter()
                .position(|c| {
                    matches!(c, b'"' | b'\'' | b';' | b'>' | b'/' | b'?') || c.is_ascii_whitespace()
                })
                .unwrap_or(rest.len());
            encoding_rs::Encoding::for_label(&rest[..end])
        })
    };
    let xml = lower.trim_ascii_start().starts_with(b"<?xml");
    if xml {
        let decl_end = memchr::memmem::find(&lower, b"?>").unwrap_or(lower.len());
        let decl = &lower[..decl_end];
        if let Some(at) = memchr::memmem::find(decl, b"encoding") {
            let found = value(b"encoding").filter(|_| at < decl_end);
            if found.is_some() {
                return found;
            }
        }
    }
    value(b"charset")
}

/// Appends `text` with CRLF line ends made LF.
fn push_lf(out: &mut String, text: &str) {
    let mut rest = text;
    // A `\r` is looked for (one byte: no searcher to build per call), then its `\n`.
    let mut from = 0;
    while let Some(i) = memchr::memchr(b'\r', &rest.as_bytes()[from..]).map(|i| from + i) {
        if rest.as_bytes().get(i + 1) == Some(&b'\n') {
            out.push_str(&rest[..i]);
            rest = &rest[i + 1..];
            from = 1;
        } else {
            from = i + 1;
        }
    }
    out.push_str(rest);
}

/// Appends lines of text with CRLF made LF and the byte-order marks that start lines dropped.
fn push_lines(out: &mut String, text: &str) {
    if memchr::memmem::find(text.as_bytes(), b"\xEF\xBB\xBF").is_none() {
        return push_lf(out, text);
    }
    for line in text.split_inclusive('\n') {
        push_lf(out, line.strip_prefix('\u{FEFF}').unwrap_or(line));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_borrows_when_clean() {
        assert!(matches!(decode(b"abc\n").0, Cow::Borrowed("abc\n")));
    }

    #[test]
    fn crlf_and_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFa\r\nb\r\n").0, "a\nb\n");
        // A lone CR is kept (it reads as white space later).
        assert_eq!(decode(b"a\rb").0, "a\rb");
        assert_eq!(decode("\u{FEFF}x\r\n".as_bytes()).0, "x\n");
    }

    /// Text stretches validated a run of lines at a time read as a line at a time does: the
    /// same text, the same mixed ranges, for every arrangement of UTF-8, ASCII, Latin-1, CRLF,
    /// byte-order-mark and cut lines.
    #[test]
    fn text_by_runs_is_text_by_lines() {
        let lines: [&[u8]; 8] = [
            b"plain\n",
            b"caf\xC3\xA9\n",
            b"caf\xE9\n",
            b"caf\xE9\r\n",
            b"\xEF\xBB\xBFbom\n",
            b"\xEF\xBB\xBFcaf\xE9\n",
            b"cut \xC3",
            b"\r\n",
        ];
        for a in 0..lines.len() {
            for b in 0..lines.len() {
                for c in 0..lines.len() {
                    let input = [lines[a], lines[b], lines[c], lines[a]].concat();
                    let (mut fast, mut slow) = (PartDecoder::default(), PartDecoder::default());
                    let (mut fast_out, mut slow_out) = (String::new(), String::new());
                    let (mut fast_mixed, mut slow_mixed) = (Vec::new(), Vec::new());
                    fast.text(&input, &mut fast_out, &mut fast_mixed);
                    slow.text_by_line(&input, &mut slow_out, &mut slow_mixed);
                    assert_eq!(fast_out, slow_out, "{input:?}");
                    let ranges =
                        |m: &[Mixed]| m.iter().map(|m| m.range.clone()).collect::<Vec<_>>();
                    assert_eq!(ranges(&fast_mixed), ranges(&slow_mixed), "{input:?}");
                    assert_eq!(fast.other_seen, slow.other_seen);
                }
            }
        }
    }

    #[test]
    fn each_part_by_its_own_bytes() {
        let utf8 = "<!DOCTYPE html>\n<html><body>été</body></html>\n";
        let latin = b"<!DOCTYPE html>\n<html><head><meta charset=\"iso-8859-1\"></head><body>\xE9t\xE9</body></html>\n";
        let mut input = utf8.as_bytes().to_vec();
        input.extend_from_slice(latin);
        input.extend_from_slice(b"Caf\xE9\r\n\xEF\xBB\xBFcaf\xC3\xA9\n");
        let d = decode_input(&input);
        assert_eq!(
            d.text,
            format!(
                "{utf8}{}Café\ncafé\n",
                String::from_utf8_lossy(latin).replace('\u{FFFD}', "é")
            )
        );
        assert_eq!(d.chunks.len(), 3);
        assert_eq!(d.mixed.len(), 2);
        assert_eq!(&d.text[d.mixed[1].range.clone()], "Café\n");
        // Without UTF-8 accents before, nothing is mixed.
        assert!(decode_input(latin).mixed.is_empty());
    }

    #[test]
    fn declarations() {
        let e = |s: &[u8]| declared(s).map(|e| e.name());
        assert_eq!(e(b"<meta charset=\"ISO-8859-15\">"), Some("ISO-8859-15"));
        assert_eq!(
            e(b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"),
            Some("windows-1252")
        );
        assert_eq!(
            e(b"<?xml version=\"1.0\" encoding='latin1'?><r/>"),
            Some("windows-1252")
        );
        assert_eq!(e(b"<p>charset</p>"), None);
    }

    #[test]
    fn windows_1252() {
        // 0x80 is the euro sign in Windows-1252, 0x92 the typographic apostrophe.
        let (text, enc) = decode(b"Minist\xE8re \x80 l\x92\xE9t\xE9\r\n");
        assert_eq!(enc, Encoding::Windows1252);
        assert_eq!(text, "Ministère € l’été\n");
    }
}
