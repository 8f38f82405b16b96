//! The JSON forms: one question per file (`{"question": {…}}`), a whole legislature
//! (`{"questionsEcrites": {"question": [{…}, …]}}`), a list or a sequence of such documents.
//!
//! A boundary scanner walks the outer levels (objects, the `question` list) and hands the bytes
//! of each question, and only those, to serde_json: memory holds one question, whatever the
//! input's size, and a question that does not parse fails alone, at its line and column.

use std::io::Read;

use super::node::Node;
use crate::error::{ErrorKind, ParseError};
use crate::position::mark::Mark;
use crate::{Options, Question};

/// Bytes read from the source at a time.
const CHUNK: usize = 1 << 16;

/// The outer levels the scanner is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ctx {
    /// An object whose `question` key (or a `questions…` root key) is looked for.
    Object,
    /// The `question` list: each item is a question.
    List,
    /// A list at the top: each item is a document (`{"question": …}`) or a question.
    TopList,
}

/// What a key of an outer object is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeyKind {
    Question,
    Root,
    Other,
}

/// The scanner's state between questions, apart from its source (which the caller passes to
/// each [`JsonState::next`]: a reader, or the rest of a text).
#[derive(Debug)]
pub(crate) struct JsonState {
    buf: Vec<u8>,
    /// The next byte to read, in `buf`.
    pos: usize,
    /// The mark of `buf[0]`.
    mark: Mark,
    /// Bytes taken from the source so far.
    read: usize,
    eof: bool,
    stack: Vec<Ctx>,
    /// Whether the current top-level document gave a question, and where it started.
    found: bool,
    top: Mark,
    /// After an error in the outer levels: lines are skipped to the next that starts a document.
    lost: bool,
    done: bool,
    /// Questions of one item (a top-level list item that holds several).
    queue: std::collections::VecDeque<Node>,
    queue_at: usize,
}

impl JsonState {
    /// A scanner whose source starts at `mark`.
    pub(crate) fn new(mark: Mark) -> JsonState {
        JsonState {
            buf: Vec::new(),
            pos: 0,
            mark,
            read: 0,
            eof: false,
            stack: Vec::new(),
            found: false,
            top: mark,
            lost: false,
            done: false,
            queue: std::collections::VecDeque::new(),
            queue_at: 0,
        }
    }

    /// The capacity of the buffer (what memory the scanner holds).
    #[cfg(test)]
    pub(crate) fn buffered(&self) -> usize {
        self.buf.capacity()
    }

    /// How many bytes of the source were taken (the caller of a text passes the rest from there).
    pub(crate) fn consumed(&self) -> usize {
        self.read
    }

    /// The next question of the input, or its error; `None` at the end.
    pub(crate) fn next<R: Read>(
        &mut self,
        src: &mut R,
        options: Options,
    ) -> Option<Result<Question, ParseError>> {
        if let Some(node) = self.queue.pop_front() {
            return Some(self.finish(node, self.queue_at, options));
        }
        if self.done {
            return None;
        }
        match self.next_item(src) {
            Ok(Some((node, start))) => Some(self.finish(node, start, options)),
            Ok(None) => None,
            Err(e) => Some(Err(e)),
        }
    }

    fn finish(&self, node: Node, start: usize, options: Options) -> Result<Question, ParseError> {
        let (mark, buf) = (self.mark, &self.buf);
        let mut draft = super::fields::question(node, start);
        // JSON gives no positions: the number's key is found in the item's bytes.
        let item = &buf[start.saturating_sub(mark.offset).min(buf.len())..];
        if let Some(i) = memchr::memmem::find(item, b"\"numero\"") {
            draft.number_at = start + i;
        }
        draft.finish(options, &mut crate::position::mark::locator(mark, buf))
    }

    /// The next question's tree and start offset, walking the outer levels.
    fn next_item<R: Read>(&mut self, src: &mut R) -> Result<Option<(Node, usize)>, ParseError> {
        loop {
            let Some(c) = self.skip_ws(src)? else {
                self.done = true;
                if self.stack.is_empty() {
                    return Ok(None);
                }
                return Err(ParseError::new(
                    ErrorKind::NotAQuestion,
                    "truncated JSON: the input ends inside the document",
                    self.visible_end_mark().position(),
                ));
            };
            match (self.stack.last().copied(), c) {
                (None, b'{') => {
                    self.lost = false;
                    self.top = self.here();
                    self.found = false;
                    self.pos += 1;
                    self.stack.push(Ctx::Object);
                }
                (None, b'[') => {
                    self.lost = false;
                    self.top = self.here();
                    self.found = false;
                    self.pos += 1;
                    self.stack.push(Ctx::TopList);
                }
                (None, _) => {
                    let first = !self.lost;
                    let err = self.error_here("not a JSON document: expected `{`");
                    self.resync(src)?;
                    if first {
                        return Err(err);
                    }
                }
                (Some(_), b',') => self.pos += 1,
                (Some(Ctx::Object), b'}') | (Some(Ctx::List | Ctx::TopList), b']') => {
                    self.pos += 1;
                    self.stack.pop();
                    if self.stack.is_empty() && !self.found {
                        let top = self.top;
                        return Err(ParseError::new(
                            ErrorKind::NotAQuestion,
                            "not a question document: a JSON document with no `question` (expected `{\"question\": {…}}` or `{\"questionsEcrites\": {\"question\": […]}}`)",
                            top.position(),
                        ));
                    }
                }
                (Some(Ctx::Object), b'"') => {
                    if let Some(item) = self.object_key(src)? {
                        return Ok(Some(item));
                    }
                }
                (Some(ctx @ (Ctx::List | Ctx::TopList)), b'{') => {
                    if let Some(item) = self.element(src, ctx == Ctx::TopList)? {
                        return Ok(Some(item));
                    }
                }
                (Some(Ctx::List | Ctx::TopList), _) => {
                    if !self.scan_value(src, false) {
                        continue;
                    }
                }
                (Some(Ctx::Object), _) => {
                    let err = self.error_here("malformed JSON: expected a key or `}`");
                    self.resync(src)?;
                    return Err(err);
                }
            }
        }
    }

    /// A key of an outer object and its value: a question (returned), the `question` list or a
    /// root object (entered), or anything else (skipped).
    fn object_key<R: Read>(&mut self, src: &mut R) -> Result<Option<(Node, usize)>, ParseError> {
        let kind = self.key_kind(src);
        if !self.scan_value(src, false) {
            return Ok(None);
        }
        if self.skip_ws(src)? != Some(b':') {
            let err = self.error_here("malformed JSON: expected `:` after a key");
            self.resync(src)?;
            return Err(err);
        }
        self.pos += 1;
        let value = self.skip_ws(src)?;
        match (kind, value) {
            (KeyKind::Question, Some(b'{')) => self.element(src, false),
            (KeyKind::Question, Some(b'[')) => {
                self.pos += 1;
                self.stack.push(Ctx::List);
                Ok(None)
            }
            (KeyKind::Root, Some(b'{')) => {
                self.pos += 1;
                self.stack.push(Ctx::Object);
                Ok(None)
            }
            (_, Some(_)) => {
                self.scan_value(src, false);
                Ok(None)
            }
            (_, None) => Ok(None),
        }
    }

    /// One item: its bytes are read whole and handed to serde_json.
    fn element<R: Read>(
        &mut self,
        src: &mut R,
        wrapped: bool,
    ) -> Result<Option<(Node, usize)>, ParseError> {
        self.compact();
        let start = self.mark.offset;
        let complete = self.scan_value(src, true);
        self.found = true;
        let parsed = serde_json::from_slice::<Node>(&self.buf[..self.pos]);
        if !complete {
            self.done = true;
        }
        let node = match parsed {
            Ok(node) => node,
            Err(e) => return Err(self.serde_error(&e)),
        };
        if !wrapped || node.get("question").is_none() || node.get("uid").is_some() {
            return Ok(Some((node, start)));
        }
        // A document in a top-level list: its question, or its list of questions.
        let mut node = node;
        let inner = node
            .take("question")
            .map(|(v, _)| v.items())
            .unwrap_or_default();
        self.queue.extend(inner);
        self.queue_at = start;
        Ok(self.queue.pop_front().map(|n| (n, start)))
    }

    /// A serde_json error in the item at `buf[0..pos]`, at its line and column in the input.
    fn serde_error(&self, e: &serde_json::Error) -> ParseError {
        let bytes = &self.buf[..self.pos];
        let line_start = crate::position::line_start_in(bytes, e.line());
        let offset = if e.is_eof() {
            visible_end(bytes)
        } else {
            (line_start + e.column().saturating_sub(1)).min(bytes.len())
        };
        let mark = self.mark.at(bytes, self.mark.offset + offset);
        let mut message = e.to_string();
        // serde_json's own position (in the item, in bytes) is replaced by the input's.
        if let Some(at) = message.find(" at line ") {
            message.truncate(at);
        }
        ParseError::new(
            ErrorKind::NotAQuestion,
            format!("malformed JSON: {message}"),
            mark.position(),
        )
    }

    /// The kind of the key at `pos` (a `"`), read from its first bytes.
    fn key_kind<R: Read>(&mut self, src: &mut R) -> KeyKind {
        while self.buf.len() < self.pos + 40 && self.fill(src) {}
        let head = &self.buf[self.pos + 1..self.buf.len().min(self.pos + 40)];
        let Some(end) = memchr::memchr2(b'"', b'\\', head) else {
            return KeyKind::Other;
        };
        match &head[..end] {
            b"question" => KeyKind::Question,
            k if k.starts_with(b"questions") => KeyKind::Root,
            _ => KeyKind::Other,
        }
    }

    /// Skips white space; the next byte, `None` at the end.
    fn skip_ws<R: Read>(&mut self, src: &mut R) -> Result<Option<u8>, ParseError> {
        loop {
            while let Some(&c) = self.buf.get(self.pos) {
                if !matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
                    return Ok(Some(c));
                }
                self.pos += 1;
            }
            if self.pos > CHUNK {
                self.compact();
            }
            if !self.fill(src) {
                return Ok(None);
            }
        }
    }

    /// Moves past the value at `pos`; `false` when the input ends inside it. With `keep`, its
    /// bytes stay in the buffer; without, bytes already passed are dropped as it goes.
    fn scan_value<R: Read>(&mut self, src: &mut R, keep: bool) -> bool {
        let Some(&first) = self.buf.get(self.pos) else {
            return false;
        };
        if !matches!(first, b'{' | b'[' | b'"') {
            // A number, `true`, `false` or `null`: up to the next delimiter. A delimiter where a
            // value should be (`[:`, `[}`) is passed over, so that the scanner always moves.
            self.pos += 1;
            if matches!(first, b',' | b'}' | b']' | b':') {
                return true;
            }
            loop {
                while let Some(&c) = self.buf.get(self.pos) {
                    if matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r' | b':') {
                        return true;
                    }
                    self.pos += 1;
                }
                if !self.refill(src, keep) {
                    return true;
                }
            }
        }
        let (mut depth, mut in_str) = (0usize, false);
        loop {
            while self.pos >= self.buf.len() {
                if !self.refill(src, keep) {
                    // (An escape cut at the end may have moved one past it.)
                    self.pos = self.pos.min(self.buf.len());
                    return false;
                }
            }
            if in_str {
                match memchr::memchr2(b'"', b'\\', &self.buf[self.pos..]) {
                    Some(k) if self.buf[self.pos + k] == b'\\' => self.pos += k + 2,
                    Some(k) => {
                        self.pos += k + 1;
                        in_str = false;
                        if depth == 0 {
                            return true;
                        }
                    }
                    None => self.pos = self.buf.len(),
                }
                continue;
            }
            let c = self.buf[self.pos];
            self.pos += 1;
            match c {
                b'"' => in_str = true,
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return true;
                    }
                }
                _ => {}
            }
        }
    }

    /// More bytes; without `keep`, the bytes passed are dropped first.
    fn refill<R: Read>(&mut self, src: &mut R, keep: bool) -> bool {
        if !keep && self.pos > CHUNK {
            let pos = self.pos.min(self.buf.len());
            let over = self.pos - pos;
            self.pos = pos;
            self.compact();
            self.pos = over;
        }
        self.fill(src)
    }

    /// After an error in the outer levels: skips to the next line, outside any document.
    fn resync<R: Read>(&mut self, src: &mut R) -> Result<(), ParseError> {
        self.stack.clear();
        self.lost = true;
        loop {
            if let Some(nl) = memchr::memchr(b'\n', &self.buf[self.pos.min(self.buf.len())..]) {
                self.pos += nl + 1;
                return Ok(());
            }
            self.pos = self.buf.len();
            self.compact();
            if !self.fill(src) {
                return Ok(());
            }
        }
    }

    /// Drops the bytes before `pos`.
    fn compact(&mut self) {
        let pos = self.pos.min(self.buf.len());
        self.mark = self.mark.advance(&self.buf[..pos]);
        self.buf.drain(..pos);
        self.pos -= pos;
    }

    /// Reads more of the source; `false` at its end (a read error ends it too).
    fn fill<R: Read>(&mut self, src: &mut R) -> bool {
        if self.eof {
            return false;
        }
        // `read_to_end` through `take` reads into the spare capacity: no block is zeroed first
        // (for a small member, zeroing a 64 KB block cost more than reading it).
        let len = self.buf.len();
        let read = src.by_ref().take(CHUNK as u64).read_to_end(&mut self.buf);
        if read.is_err() {
            // A read error ends the input, as its end does; the bytes read before it are kept.
            self.eof = true;
        }
        let n = self.buf.len() - len;
        self.read += n;
        if n == 0 {
            self.eof = true;
        }
        n > 0
    }

    /// The end of the input's visible bytes (a truncated input fails there, not on a blank line).
    fn visible_end_mark(&self) -> Mark {
        self.mark.advance(&self.buf[..visible_end(&self.buf)])
    }

    fn here(&self) -> Mark {
        let pos = self.pos.min(self.buf.len());
        self.mark.advance(&self.buf[..pos])
    }

    fn error_here(&self, message: &str) -> ParseError {
        ParseError::new(ErrorKind::NotAQuestion, message, self.here().position())
    }
}

/// The length of `bytes` without their trailing white space.
pub(crate) fn visible_end(bytes: &[u8]) -> usize {
    bytes.len()
        - bytes
            .iter()
            .rev()
            .take_while(|c| c.is_ascii_whitespace())
            .count()
}
