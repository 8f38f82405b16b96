//! Documents read from an [`std::io::Read`] as it comes: [`parse_reader`](crate::parse_reader).
//!
//! The bytes go through the same stages as [`parse_all_bytes`](crate::parse_all_bytes) on the
//! whole input: `chunk` cuts them into pages and text stretches (on complete lines), `decode`
//! decodes each part as it completes (text a block of lines at a time), and the decoded text not
//! handed out yet (the *window*) is split and parsed by the same [`ParseAll`]. Pages are handed
//! out once complete. In a text stretch, a document is handed out once the next one has started
//! and [`LOOKAHEAD`] bytes of text follow that start (the splitter looks that far at most, in
//! practice: 30 lines after an anchor, the title and header lines before it), and the next start
//! is a clean one (the markup read alone from there gives the same lines); the window then starts
//! again at the first document not handed out. Line numbers, columns and byte offsets are those
//! of the whole input. Memory is the window (the largest document plus the lookahead) and one
//! block.
//!
//! A zip archive (`PK\x03\x04`) is read member by member, each member its own input; JSON and
//! XML open data go to [`open_data`].

use std::collections::VecDeque;
use std::io::{self, Cursor, Read};
use std::sync::Arc;

use crate::chunk::{Chunk, Chunker};
use crate::decode::{Decoded, Mixed, PartDecoder};
use crate::error::{ErrorKind, ParseError};
use crate::{Options, ParseAll, Question};

/// Bytes read at a time.
const BLOCK: usize = 64 * 1024;
/// Text that must follow the start of the next document before one is handed out.
const LOOKAHEAD: usize = 256 * 1024;
/// Text read between two splits of an open text stretch (at least; then as much as the window).
const STEP: usize = 1024 * 1024;
/// Past this size the window hands documents out even when the next start is not clean.
const MAX_WINDOW: usize = 32 * 1024 * 1024;
/// Text kept to answer for an input in which no document starts.
const HEAD: usize = 4 * 1024 * 1024;

pub(crate) type Item = Result<Question, ParseError>;

/// The input: the first bytes read to choose how to read it, then the rest.
type Source<R> = io::Chain<Cursor<Vec<u8>>, R>;

/// The iterator of [`parse_reader`](crate::parse_reader): one `Result` per document, in order,
/// exactly what [`parse_all_bytes`](crate::parse_all_bytes) yields on the whole input, read a
/// block at a time. A read error ends it with an error of kind [`ErrorKind::Io`] after every
/// document read whole before it.
pub struct ParseReader<R: Read> {
    reader: Option<Source<R>>,
    options: Options,
    state: State,
    /// The open data being read, once the first bytes said so.
    open: Option<Box<crate::opendata::Documents<Source<R>>>>,
    queue: VecDeque<(Item, Option<Arc<str>>)>,
    member: Option<Arc<str>>,
}

impl<R: Read> std::fmt::Debug for ParseReader<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParseReader")
            .field("options", &self.options)
            .field("member", &self.member)
            .finish_non_exhaustive()
    }
}

enum State {
    /// The first bytes are not read yet.
    Start,
    Plain(Box<Stream>),
    Archive,
    OpenData,
    Done,
}

impl<R: Read> ParseReader<R> {
    pub(crate) fn new(reader: R, options: Options) -> ParseReader<R> {
        ParseReader {
            reader: Some(Cursor::new(Vec::new()).chain(reader)),
            options,
            state: State::Start,
            open: None,
            queue: VecDeque::new(),
            member: None,
        }
    }

    /// The zip archive member the item last returned was read from (`None` outside archives).
    pub fn member(&self) -> Option<&str> {
        self.member.as_deref()
    }

    /// Reads the first bytes and chooses how to read the input.
    fn start(&mut self) {
        let Some(reader) = self.reader.take() else {
            self.state = State::Done;
            return;
        };
        let (_, mut inner) = reader.into_inner();
        let mut head = Vec::new();
        let read = (&mut inner).take(SNIFF as u64).read_to_end(&mut head);
        let kind = sniff(&head);
        self.reader = Some(Cursor::new(head).chain(inner));
        if let Err(e) = read {
            self.queue
                .push_back((Err(io_error(&e, crate::position::Position::start())), None));
            self.state = State::Done;
            return;
        }
        self.state = match kind {
            Kind::Zip => State::Archive,
            Kind::OpenData => State::OpenData,
            Kind::Text => State::Plain(Box::new(Stream::new(self.options))),
        };
    }

    /// Fills the queue: returns false at the end.
    fn fill(&mut self) -> bool {
        loop {
            if !self.queue.is_empty() {
                return true;
            }
            match &mut self.state {
                State::Start => self.start(),
                State::Done => return false,
                State::Plain(stream) => {
                    let Some(reader) = &mut self.reader else {
                        return false;
                    };
                    let more = stream.step(reader, &mut |item| self.queue.push_back((item, None)));
                    if !more {
                        self.state = State::Done;
                    }
                }
                State::OpenData => {
                    if let Some(reader) = self.reader.take() {
                        self.open = Some(Box::new(open_data(reader, self.options)));
                    }
                    match self.open.as_mut().and_then(|o| o.next()) {
                        Some(item) => self.queue.push_back((item, None)),
                        None => {
                            self.open = None;
                            self.state = State::Done;
                        }
                    }
                }
                State::Archive => {
                    let Some(reader) = &mut self.reader else {
                        return false;
                    };
                    if !crate::archive::next_member(reader, self.options, &mut self.queue) {
                        self.state = State::Done;
                    }
                }
            }
        }
    }
}

impl<R: Read> Iterator for ParseReader<R> {
    type Item = Result<Question, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        if !self.fill() {
            return None;
        }
        let (item, member) = self.queue.pop_front()?;
        self.member = member;
        Some(item)
    }
}

/// Bytes read to tell what an input is.
pub(crate) const SNIFF: usize = 4096;

#[derive(Debug, PartialEq, Eq)]
enum Kind {
    Zip,
    OpenData,
    Text,
}

/// What the first bytes of an input say it is: a zip archive, open data (JSON, or XML whose
/// root is not `html`), or pages and text.
fn sniff(head: &[u8]) -> Kind {
    if head.starts_with(b"PK\x03\x04") {
        return Kind::Zip;
    }
    if is_open_data(head) {
        Kind::OpenData
    } else {
        Kind::Text
    }
}

/// Whether an input starting with `head` is the AN's open data: JSON (see
/// [`crate::opendata::json_start`]: a Markdown text starting with a link is none), or an
/// XML document whose root element is not `html`.
pub(crate) fn is_open_data(head: &[u8]) -> bool {
    let head = crate::opendata::without_leading_boms(head);
    let t = head.trim_ascii_start();
    if crate::opendata::json_start(t) {
        return true;
    }
    if !t.starts_with(b"<?xml") {
        return false;
    }
    // The root: the first `<` followed by a letter.
    memchr::memchr_iter(b'<', t)
        .find(|&i| t.get(i + 1).is_some_and(u8::is_ascii_alphabetic))
        .is_some_and(|i| {
            let name = &t[i + 1..];
            !(name.len() >= 4 && name[..4].eq_ignore_ascii_case(b"html"))
        })
}

/// The dispatch point for the AN's open data (JSON, or XML whose root is not `html`): every
/// input and archive member whose first bytes say it is open data is read by the open-data
/// layouts' own reader, one question at a time (memory bounded by a question, not the file).
pub(crate) fn open_data<R: Read>(reader: R, options: Options) -> crate::opendata::Documents<R> {
    crate::opendata::read(reader, options)
}

pub(crate) fn io_error(e: &io::Error, at: crate::position::Position) -> ParseError {
    ParseError::new(ErrorKind::Io, format!("cannot read the input: {e}"), at)
}

/// The decoded text not handed out yet, and its parts.
#[derive(Debug, Default)]
struct Window {
    /// Starts at a line start: line `first_line` of the input, byte `base` of its decoded text.
    text: String,
    first_line: usize,
    base: usize,
    /// Complete parts, in `text`'s offsets.
    chunks: Vec<Chunk>,
    /// Where the open text stretch starts in `text` (its complete lines are in `text`).
    open_text: Option<usize>,
    mixed: Vec<Mixed>,
    /// `open_text`'s length at the last split.
    split_at: usize,
    /// The documents that end before this were handed out already (the window restarted
    /// before the first one that was not, see [`restart_before`]).
    handed_out: usize,
}

/// One plain input (pages and text) read as it comes.
struct Stream {
    options: Options,
    chunker: Chunker,
    decoder: PartDecoder,
    /// Bytes of the input from `raw_base` on, not all decoded yet.
    raw: Vec<u8>,
    raw_base: usize,
    /// What a read fills.
    block: Vec<u8>,
    /// Raw bytes before this are in the window.
    decoded_to: usize,
    started: bool,
    window: Window,
    /// Whether a document was found.
    found: bool,
    /// The answer for an input in which no document starts, worked out before the window's
    /// start is dropped.
    no_document: Option<Vec<Item>>,
}

impl Stream {
    fn new(options: Options) -> Stream {
        Stream {
            options,
            chunker: Chunker::default(),
            decoder: PartDecoder::default(),
            raw: Vec::new(),
            raw_base: 0,
            block: Vec::new(),
            decoded_to: 0,
            started: false,
            window: Window {
                first_line: 1,
                ..Window::default()
            },
            found: false,
            no_document: None,
        }
    }

    /// Reads a block and hands out what it completes; false once the input is done.
    fn step(&mut self, reader: &mut impl Read, emit: &mut dyn FnMut(Item)) -> bool {
        self.block.resize(BLOCK, 0);
        let read = loop {
            match reader.read(&mut self.block) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                other => break other,
            }
        };
        let n = *read.as_ref().unwrap_or(&0);
        self.raw.extend_from_slice(&self.block[..n]);
        if !self.started && (self.raw.len() >= 3 || n == 0) {
            self.started = true;
            if self.raw.starts_with(b"\xEF\xBB\xBF") {
                self.raw.drain(..3);
            }
        } else if !self.started {
            return true;
        }
        let eof = n == 0 || read.is_err();
        match read {
            Err(e) => {
                self.advance(false);
                self.harvest(Harvest::Failed, emit);
                // The window now starts at the first document not read whole.
                let at = self.window_position(0);
                emit(Err(io_error(&e, at)));
                false
            }
            Ok(_) => {
                let split = self.advance(eof);
                if split || eof {
                    self.harvest(if eof { Harvest::End } else { Harvest::Ready }, emit);
                }
                !eof
            }
        }
    }

    /// Feeds the chunker and decodes what it completes into the window; whether the window is
    /// worth splitting now.
    fn advance(&mut self, eof: bool) -> bool {
        let mut parts = Vec::new();
        self.chunker.feed(&self.raw, self.raw_base, eof, &mut parts);
        let any_part = !parts.is_empty();
        for part in parts {
            match part {
                Chunk::Text(r) => {
                    self.decode_text(r.end);
                    self.close_text();
                }
                Chunk::Page(r) => {
                    self.decode_text(r.start);
                    self.close_text();
                    let start = self.window.text.len();
                    let bytes = &self.raw[r.start - self.raw_base..r.end - self.raw_base];
                    let w = &mut self.window;
                    self.decoder.page(bytes, &mut w.text, &mut w.mixed);
                    w.chunks.push(Chunk::Page(start..w.text.len()));
                    self.decoded_to = r.end;
                }
            }
        }
        if let (false, start) = self.chunker.open() {
            self.decoded_to = self.decoded_to.max(start);
            self.decode_text(self.chunker.decided().max(self.decoded_to));
        }
        // The bytes no stage needs go, when they are many (each drain moves the rest).
        let keep = self.chunker.keep_from().min(self.decoded_to);
        if keep - self.raw_base >= BLOCK.min(self.raw.len() / 2 + 1) {
            self.raw.drain(..keep - self.raw_base);
            self.raw_base = keep;
        }
        let w = &self.window;
        let open = w.open_text.map_or(0, |o| w.text.len() - o);
        any_part || open >= w.split_at + STEP.max(w.text.len() / 2)
    }

    /// Decodes the open text stretch's bytes up to `to` into the window.
    fn decode_text(&mut self, to: usize) {
        if to <= self.decoded_to {
            return;
        }
        let w = &mut self.window;
        w.open_text.get_or_insert(w.text.len());
        let bytes = &self.raw[self.decoded_to - self.raw_base..to - self.raw_base];
        self.decoder.text(bytes, &mut w.text, &mut w.mixed);
        self.decoded_to = to;
    }

    /// The open text stretch is complete.
    fn close_text(&mut self) {
        let w = &mut self.window;
        if let Some(o) = w.open_text.take() {
            if w.text.len() > o {
                w.chunks.push(Chunk::Text(o..w.text.len()));
            }
            w.split_at = 0;
        }
    }

    /// The position of `offset` of the window, in the whole input.
    fn window_position(&self, offset: usize) -> crate::position::Position {
        let w = &self.window;
        let mut counter = crate::position::LineCounter::at(&w.text, 0, w.first_line);
        let mut p = counter.position(offset);
        p.offset += w.base;
        p
    }

    /// Splits the window and hands out the documents that are ready; the window then starts at
    /// the first one not handed out.
    fn harvest(&mut self, mode: Harvest, emit: &mut dyn FnMut(Item)) {
        let w = &mut self.window;
        let mut chunks = w.chunks.clone();
        let open = w.open_text;
        if let Some(o) = open {
            chunks.push(Chunk::Text(o..w.text.len()));
        }
        let len = w.text.len();
        let big = len > MAX_WINDOW;
        let decoded = Decoded {
            text: std::borrow::Cow::Borrowed(&w.text),
            chunks,
            mixed: w.mixed.clone(),
            utf8: true,
        };
        let mut all = ParseAll::of_parts(decoded, self.options, None, w.first_line);
        let mut keep = None;
        let mut current = all.next_segment();
        while let Some(seg) = current.take() {
            let next = all.next_segment();
            if seg.0.end <= w.handed_out {
                current = next;
                continue;
            }
            let in_open = open.is_some_and(|o| seg.0.start >= o);
            // A JO issue still open is kept whole from its start (its cover and headings give
            // its blocks' fields): its blocks go out when its text is complete.
            if let (Some(block), true, false) = (&seg.2, in_open, matches!(mode, Harvest::End)) {
                keep = Some(block.issue);
                break;
            }
            let ready = match mode {
                Harvest::End => true,
                _ if !in_open => true,
                Harvest::Failed => next.is_some(),
                Harvest::Ready => next
                    .as_ref()
                    .is_some_and(|n| n.0.start + LOOKAHEAD <= len && (n.1.is_some() || big)),
            };
            if !ready {
                keep = Some(seg.0.start);
                break;
            }
            self.found = true;
            if all.begin_open(&seg) {
                while let Some(r) = all.next_open() {
                    emit(r.map_err(|e| e.shifted(w.base)));
                }
            } else {
                emit(all.parse_segment(seg).map_err(|e| e.shifted(w.base)));
            }
            current = next;
        }
        drop(all);
        if matches!(mode, Harvest::End) && !self.found {
            let items = self
                .no_document
                .take()
                .unwrap_or_else(|| no_document(w, self.options));
            for item in items {
                emit(item);
            }
            return;
        }
        // With nothing left to hand out: the open text's last lookahead (a later document may
        // start with its title there), or the line the window ends in.
        let keep = keep.unwrap_or_else(|| match open {
            Some(o) => line_start(&w.text, len.saturating_sub(LOOKAHEAD).max(o)),
            None => line_start(&w.text, len),
        });
        if !self.found && self.no_document.is_none() && keep > 0 {
            if w.text.len() < HEAD && w.base == 0 {
                return;
            }
            self.no_document = Some(no_document(w, self.options));
        }
        // The next split starts where it reads the lines as this one did (and leaves out the
        // documents handed out before the one kept).
        let first_kept = keep;
        let keep = restart_before(&w.text, &w.chunks, open, keep);
        // Every complete part was handed out.
        w.chunks.clear();
        w.drop_before(keep);
        w.handed_out = first_kept.saturating_sub(keep);
    }
}

/// How far [`Stream::harvest`] may hand documents out.
#[derive(Debug, Clone, Copy)]
enum Harvest {
    /// Those known to be ready.
    Ready,
    /// Every one, at the input's end.
    End,
    /// Every one whose end is known, before a read error.
    Failed,
}

impl Window {
    /// Drops the text before `keep`, a line start.
    fn drop_before(&mut self, keep: usize) {
        if keep == 0 {
            return;
        }
        self.first_line += crate::position::line_ends(&self.text.as_bytes()[..keep]);
        self.base += keep;
        self.text.drain(..keep);
        let shift = |r: std::ops::Range<usize>| r.start.max(keep) - keep..r.end.max(keep) - keep;
        self.chunks = std::mem::take(&mut self.chunks)
            .into_iter()
            .filter(|c| c.range().end > keep)
            .map(|c| match c {
                Chunk::Page(r) => Chunk::Page(shift(r)),
                Chunk::Text(r) => Chunk::Text(shift(r)),
            })
            .collect();
        self.mixed.retain(|m| m.range.end > keep);
        for m in &mut self.mixed {
            m.range = shift(m.range.clone());
        }
        if let Some(o) = &mut self.open_text {
            *o = o.saturating_sub(keep);
        }
        self.split_at = self.open_text.map_or(0, |o| self.text.len() - o);
    }
}

/// What [`parse_all_bytes`](crate::parse_all_bytes) yields for an input in which no document
/// starts, from the window (the input's start).
fn no_document(w: &Window, options: Options) -> Vec<Item> {
    let mut chunks = w.chunks.clone();
    if let Some(o) = w.open_text {
        chunks.push(Chunk::Text(o..w.text.len()));
    }
    let decoded = Decoded {
        text: std::borrow::Cow::Borrowed(&w.text),
        chunks,
        mixed: Vec::new(),
        utf8: true,
    };
    // (Every result: the whole input read as open data may give more than one, as in
    // `parse_all_bytes`.)
    let mut items: Vec<Item> =
        ParseAll::of_parts(decoded, options, Some(w.text.len()), w.first_line)
            .map(|item| item.map_err(|e| e.shifted(w.base)))
            .collect();
    if items.is_empty() {
        items.push(Err(ParseError::new(
            ErrorKind::NotAQuestion,
            "not a question document",
            crate::position::Position::start(),
        )
        .shifted(w.base)));
    }
    items
}

/// Where the window restarts to read the document at `keep` (a line start) again: the start of
/// its part when that is near, else the line after the last blank line before it, near (in text,
/// markup left open ends at a blank line, so the lines after one read the same whatever came
/// before); else `keep`. Splitting the lines from a line in the middle of a part may read them
/// otherwise than the whole part did (an HTML fragment's header, an element left open), and a
/// document then ran into the next.
fn restart_before(text: &str, chunks: &[Chunk], open: Option<usize>, keep: usize) -> usize {
    let part_start = chunks
        .iter()
        .map(Chunk::range)
        .chain(open.map(|o| o..text.len()))
        .find(|r| r.start <= keep && keep < r.end)
        .map_or(keep, |r| r.start);
    let floor = part_start.max(keep.saturating_sub(LOOKAHEAD));
    if part_start == floor {
        return part_start;
    }
    let before = &text.as_bytes()[floor..keep];
    memchr::memmem::rfind(before, b"\n\n").map_or(keep, |i| floor + i + 2)
}

/// The start of the line holding `offset`.
fn line_start(text: &str, offset: usize) -> usize {
    memchr::memrchr(b'\n', &text.as_bytes()[..offset.min(text.len())]).map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A window restarts at its part's start when that is near, after the last blank line
    /// before the kept document when the part is long, and at the document when neither is.
    #[test]
    fn restarts_where_the_lines_read_as_before() {
        let text = "page\ntext a\n\nheader\nQuestion 1\n";
        let chunks = [Chunk::Page(0..5), Chunk::Text(5..text.len())];
        let keep = text.find("Question").unwrap();
        assert_eq!(restart_before(text, &chunks, None, keep), 5);
        assert_eq!(restart_before(text, &chunks[..1], Some(5), keep), 5);
        let long = format!("{}\n\nheader\nQuestion 1\n", "x".repeat(LOOKAHEAD + 10));
        let keep = long.find("Question").unwrap();
        let chunks = [Chunk::Text(0..long.len())];
        assert_eq!(
            restart_before(&long, &chunks, None, keep),
            long.find("header").unwrap()
        );
        let no_blank = format!("{}\nQuestion 1\n", "x\n".repeat(LOOKAHEAD));
        let keep = no_blank.find("Question").unwrap();
        let chunks = [Chunk::Text(0..no_blank.len())];
        assert_eq!(restart_before(&no_blank, &chunks, None, keep), keep);
    }
}
