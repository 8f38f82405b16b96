//! The AN's open data: `an-opendata` (the JSON and XML exports, one question per file or a
//! whole legislature) and `an-xml` (the site's older per-question XML).
//!
//! - [`json`], [`xml`]: the two formats, each read one question at a time (a boundary scanner
//!   and serde_json; quick-xml's streaming reader) into the same tree ([`node`]).
//! - [`fields`], [`anxml`]: the tree to the record, by the SPEC's tables ([`build`]).
//! - [`text`]: HTML values through the markup stage, dates, pages.
//! - [`link`]: `author.ref` from the link to the deputy's page, for the page layouts.
//!
//! Two ways in: [`Hook`], which [`crate::ParseAll`] asks first (a whole input that is JSON, or
//! an XML document the splitter found), and [`read`], for a stream (`std::io::Read`) whose
//! memory stays bounded by its largest question.

mod anxml;
mod build;
mod fields;
mod json;
pub(crate) mod link;
mod node;

mod spans;
#[cfg(test)]
mod tests;
mod text;
mod xml;

use std::io::{BufReader, Chain, Cursor, Read};
use std::ops::Range;

pub(crate) use self::spans::split_chunks;

use self::json::JsonState;
use self::xml::{Tap, XmlState};
use crate::error::{ErrorKind, ParseError};
use crate::position::mark::Mark;
use crate::{Options, Question};

/// What the first bytes of an input are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sniff {
    /// JSON (`{` or `[` first).
    Json,
    /// XML whose root is an open-data or `an-xml` question, or a whole-legislature root.
    Xml,
    /// Anything else (pages, text, other XML).
    Other,
    /// Too few bytes to tell (an XML prolog not yet ended): give more.
    More,
}

/// Tells, from the first bytes of an input (a byte-order mark and white space skipped), whether
/// it is open data: JSON, or XML whose root element is `question`, `questions…` or `QUESTION`
/// (after any declaration, comments and doctype).
pub(crate) fn sniff(head: &[u8]) -> Sniff {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head.iter().position(|c| !c.is_ascii_whitespace());
    let Some(start) = start else {
        return Sniff::More;
    };
    let mut rest = &head[start..];
    match rest[0] {
        b'{' | b'[' if json_start(rest) => return Sniff::Json,
        b'<' => {}
        _ => return Sniff::Other,
    }
    // Over the prolog: `<?…?>`, `<!--…-->`, `<!…>`, white space.
    loop {
        let t = rest
            .iter()
            .position(|c| !c.is_ascii_whitespace())
            .map_or(&[][..], |i| &rest[i..]);
        let skip = |open: &[u8], close: &[u8]| -> Option<Option<usize>> {
            t.starts_with(open)
                .then(|| memchr::memmem::find(t, close).map(|i| i + close.len()))
        };
        let over = skip(b"<?", b"?>")
            .or_else(|| skip(b"<!--", b"-->"))
            .or_else(|| skip(b"<!", b">"));
        match over {
            Some(Some(n)) => rest = &t[n..],
            Some(None) => return Sniff::More,
            None if t.is_empty() => return Sniff::More,
            None => {
                let Some(name) = t.strip_prefix(b"<") else {
                    return Sniff::Other;
                };
                let end = name.iter().position(|c| {
                    !(c.is_ascii_alphanumeric() || matches!(c, b':' | b'_' | b'-' | b'.'))
                });
                let Some(end) = end else {
                    return Sniff::More;
                };
                let full = &name[..end];
                let local = full
                    .iter()
                    .rposition(|&c| c == b':')
                    .map_or(full, |i| &full[i + 1..]);
                return if local == b"question"
                    || local == b"QUESTION"
                    || local.starts_with(b"questions")
                {
                    Sniff::Xml
                } else {
                    Sniff::Other
                };
            }
        }
    }
}

/// The first bytes of an input without the byte-order marks its decoding drops before its first
/// character: one at the input's start or at a line's start, among the white space before it
/// (files joined: `\n\u{FEFF}{…}`). So open data is told and read as `parse_all_bytes` reads it.
pub(crate) fn without_leading_boms(head: &[u8]) -> Vec<u8> {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let mut out = Vec::with_capacity(head.len());
    let mut i = 0;
    while i < head.len() {
        if head[i..].starts_with(BOM) && (i == 0 || head[i - 1] == b'\n') {
            i += BOM.len();
        } else if head[i].is_ascii_whitespace() {
            out.push(head[i]);
            i += 1;
        } else {
            break;
        }
    }
    out.extend_from_slice(&head[i..]);
    out
}

/// Whether `t` (white space skipped) starts like a JSON document: `{`, or `[` whose next byte
/// after white space opens a value a list of questions holds (`{`, `[`, `"`) or closes it (`]`),
/// or is not there yet. A Markdown rendering that starts with a link (`[Accueil](/)`) is no JSON.
pub(crate) fn json_start(t: &[u8]) -> bool {
    match t.first() {
        Some(b'{') => true,
        Some(b'[') => t[1..]
            .iter()
            .find(|c| !c.is_ascii_whitespace())
            .is_none_or(|c| matches!(c, b'{' | b'[' | b']' | b'"')),
        _ => false,
    }
}

/// The open data inside a text that [`crate::ParseAll`] reads: a JSON or XML document the
/// splitter found ([`spans`], or an XML page). It reads one question per call, from where the last ended
/// (the text is passed at each call: the hook keeps offsets, never the text).
#[derive(Debug, Default)]
pub(crate) struct Hook {
    current: Option<Current>,
}

#[derive(Debug)]
enum Current {
    Json {
        state: JsonState,
        range: Range<usize>,
    },
    Xml {
        state: XmlState,
        /// Where the next question is looked for, and its mark.
        mark: Mark,
        end: usize,
    },
}

impl Hook {
    /// Whether questions of the current open-data document may remain.
    pub(crate) fn is_reading(&self) -> bool {
        self.current.is_some()
    }

    /// Takes the document `text[range]` (found by the splitter, its first line `line`) when it
    /// is open data; `false` leaves it to the page grammar.
    pub(crate) fn begin(&mut self, text: &str, range: Range<usize>, line: usize) -> bool {
        let seg = &text.as_bytes()[range.clone()];
        let head = &seg[..seg.len().min(4096)];
        // (Segments begin at a line's start; the column is counted should one not.)
        let line_start =
            memchr::memrchr(b'\n', &text.as_bytes()[..range.start]).map_or(0, |i| i + 1);
        let mark = Mark {
            offset: line_start,
            line,
            column: 1,
        }
        .advance(&text.as_bytes()[line_start..range.start]);
        self.current = match sniff(head) {
            Sniff::Json => Some(Current::Json {
                state: JsonState::new(mark),
                range,
            }),
            Sniff::Xml => Some(Current::Xml {
                state: XmlState::new(),
                mark,
                end: range.end,
            }),
            Sniff::Other | Sniff::More => return false,
        };
        true
    }

    /// The next question of the current open-data document; `None` when it has no more.
    pub(crate) fn next(
        &mut self,
        text: &str,
        options: Options,
    ) -> Option<Result<Question, ParseError>> {
        let bytes = text.as_bytes();
        let out = match self.current.as_mut()? {
            Current::Json { state, range } => {
                let from = (range.start + state.consumed()).min(range.end);
                let mut src = &bytes[from..range.end];
                state.next(&mut src, options)
            }
            Current::Xml { state, mark, end } => {
                let from = mark.offset.min(*end);
                let mut r = xml::reader(Tap::new(&bytes[from..*end], *mark));
                let out = state.next(&mut r, options);
                *mark = r.get_ref().end_mark();
                out
            }
        };
        if out.is_none() {
            self.current = None;
        }
        out
    }
}

/// The questions of a stream of open data (JSON or XML, one question, a whole legislature, or a
/// sequence of documents), one at a time: memory holds the question being read, not the input.
/// An input that is not open data yields one error. Positions count from the stream's first
/// byte (line 1, column 1); a byte-order mark is skipped.
// Called by `parse_reader`, the streaming entry point.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) fn read<R: Read>(reader: R, options: Options) -> Documents<R> {
    Documents::new(reader, options)
}

/// The iterator of [`read`].
pub(crate) struct Documents<R: Read> {
    inner: Inner<R>,
    options: Options,
}

type Source<R> = Chain<Cursor<Vec<u8>>, R>;

enum Inner<R: Read> {
    Json(JsonState, Source<R>),
    Xml(XmlState, Box<quick_xml::Reader<Tap<BufReader<Source<R>>>>>),
    Failed(Option<ParseError>),
}

impl<R: Read> std::fmt::Debug for Documents<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Documents")
    }
}

impl<R: Read> Documents<R> {
    fn new(mut reader: R, options: Options) -> Documents<R> {
        // The first bytes tell the format; they are read again through the chain.
        let mut head = Vec::new();
        let mut kind = Sniff::More;
        while kind == Sniff::More && head.len() < 1 << 16 {
            let mut chunk = [0u8; 4096];
            match reader.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => head.extend_from_slice(&chunk[..n]),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
            kind = sniff(&without_leading_boms(&head));
        }
        head = without_leading_boms(&head);
        let src = Cursor::new(head).chain(reader);
        let inner = match kind {
            Sniff::Json => Inner::Json(JsonState::new(Mark::START), src),
            Sniff::Xml => Inner::Xml(
                XmlState::new(),
                Box::new(xml::reader(Tap::new(BufReader::with_capacity(1 << 16, src), Mark::START))),
            ),
            Sniff::Other | Sniff::More => Inner::Failed(Some(ParseError::new(
                ErrorKind::NotAQuestion,
                "not a question document: not the AN's open data (JSON, or XML whose root is `question`, `questionsEcrites` or `QUESTION`)",
                Mark::START.position(),
            ))),
        };
        Documents { inner, options }
    }
}

#[cfg(test)]
impl<R: Read> Documents<R> {
    /// The bytes the reader holds (its buffers), to check that memory stays bounded.
    pub(crate) fn buffered(&self) -> usize {
        match &self.inner {
            Inner::Json(state, _) => state.buffered(),
            Inner::Xml(_, r) => r.get_ref().buffered(),
            Inner::Failed(_) => 0,
        }
    }
}

impl<R: Read> Iterator for Documents<R> {
    type Item = Result<Question, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.inner {
            Inner::Json(state, src) => state.next(src, self.options),
            Inner::Xml(state, r) => state.next(r, self.options),
            Inner::Failed(e) => e.take().map(Err),
        }
    }
}
