//! The XML forms, read by quick-xml's streaming reader: the export's `<question>` (alone or in
//! a `<questionsEcrites>` root) and the site's `<QUESTION TYPE="QE">` (`an-xml`). Each question
//! becomes the same tree as its JSON form: attributes `@name`, repeated elements a list, empty
//! elements and `xsi:nil="true"` null, and HTML values (`texte`, `TEXTE_DEPOT`, CDATA) kept as
//! HTML text for the markup stage.

use std::io::{BufRead, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::node::{text_or_null, Entry, Node};
use crate::error::{ErrorKind, ParseError};
use crate::position::mark::Mark;
use crate::{Options, Question};

/// Elements nested deeper than this are refused (no input may exhaust the stack).
const MAX_DEPTH: usize = 100;

/// A buffered source that keeps the bytes its reader took since the question being read began,
/// to say where anything in it is.
#[derive(Debug)]
pub(crate) struct Tap<B> {
    inner: B,
    kept: Vec<u8>,
    /// The mark of `kept[0]`.
    mark: Mark,
}

impl<B: BufRead> Tap<B> {
    pub(crate) fn new(inner: B, mark: Mark) -> Tap<B> {
        Tap {
            inner,
            kept: Vec::new(),
            mark,
        }
    }

    /// The capacity of the bytes kept (what memory the tap holds).
    #[cfg(test)]
    pub(crate) fn buffered(&self) -> usize {
        self.kept.capacity()
    }

    /// Forgets the bytes before `offset` (of the input), but for the last visible one and the
    /// white space after it (where a truncated input is said to end).
    fn forget(&mut self, offset: usize) {
        let k = offset.saturating_sub(self.mark.offset).min(self.kept.len());
        let k = self.kept[..k]
            .iter()
            .rposition(|c| !c.is_ascii_whitespace())
            .unwrap_or(0);
        self.mark = self.mark.advance(&self.kept[..k]);
        self.kept.drain(..k);
    }

    fn locate(&self, offset: usize) -> Mark {
        self.mark.at(&self.kept, offset)
    }
}

impl<B: BufRead> Read for Tap<B> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = {
            let avail = self.fill_buf()?;
            let n = avail.len().min(out.len());
            out[..n].copy_from_slice(&avail[..n]);
            n
        };
        self.consume(n);
        Ok(n)
    }
}

impl<B: BufRead> BufRead for Tap<B> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        if let Ok(avail) = self.inner.fill_buf() {
            self.kept.extend_from_slice(&avail[..n.min(avail.len())]);
        }
        self.inner.consume(n);
    }
}

/// A reader configured for the open data.
pub(crate) fn reader<B: BufRead>(tap: Tap<B>) -> Reader<Tap<B>> {
    let mut r = Reader::from_reader(tap);
    let c = r.config_mut();
    c.check_end_names = true;
    // A reader started inside a whole-legislature file meets its root's end tag.
    c.allow_unmatched_ends = true;
    r
}

/// Where the reading of an XML input is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Phase {
    /// Before the root element.
    Prolog,
    /// Inside a whole-legislature root (its name): each `question` child is a question.
    List(String),
    /// After an error inside a question of the list: up to the next `question`.
    Recover(String),
    Done,
}

/// The state of an XML input between questions.
#[derive(Debug)]
pub(crate) struct XmlState {
    pub(crate) phase: Phase,
    /// Whether a question (or its error) was yielded.
    yielded: bool,
    /// The offset of the last error, to stop where the reader no longer moves.
    last_error: Option<usize>,
    buf: Vec<u8>,
}

impl XmlState {
    pub(crate) fn new() -> XmlState {
        XmlState {
            phase: Phase::Prolog,
            yielded: false,
            last_error: None,
            buf: Vec::new(),
        }
    }

    /// The next question of the input, or its error; `None` at the end.
    pub(crate) fn next<B: BufRead>(
        &mut self,
        r: &mut Reader<Tap<B>>,
        options: Options,
    ) -> Option<Result<Question, ParseError>> {
        let out = self.next_inner(r, options);
        if out.is_some() {
            self.yielded = true;
        }
        out
    }

    fn next_inner<B: BufRead>(
        &mut self,
        r: &mut Reader<Tap<B>>,
        options: Options,
    ) -> Option<Result<Question, ParseError>> {
        loop {
            if self.phase == Phase::Done {
                return None;
            }
            let at = position(r);
            r.get_mut().forget(at);
            self.buf.clear();
            let event = r.read_event_into(&mut self.buf);
            let event = match event {
                Ok(e) => e.into_owned(),
                Err(e) => return Some(Err(self.reader_error(r, &e))),
            };
            match (&self.phase, event) {
                (_, Event::Eof) => {
                    let phase = std::mem::replace(&mut self.phase, Phase::Done);
                    return match phase {
                        // (After a broken question, the unclosed root is no second error.)
                        Phase::Recover(_) => None,
                        Phase::List(root) => Some(Err(self.error(
                            r,
                            visible_end(r),
                            &format!("truncated XML: the input ends inside <{root}>"),
                        ))),
                        _ if !self.yielded => Some(Err(self.error(
                            r,
                            visible_end(r),
                            "not a question document: an XML document with no question",
                        ))),
                        _ => None,
                    };
                }
                (Phase::Prolog, Event::Start(e)) => {
                    let name = local(&e);
                    if name.starts_with("questions") {
                        self.phase = Phase::List(name);
                        continue;
                    }
                    if name != "question" && name != "QUESTION" {
                        self.phase = Phase::Done;
                        return Some(Err(self.error(
                            r,
                            at,
                            &format!(
                                "not a question document: an XML document whose root is <{name}>"
                            ),
                        )));
                    }
                    self.phase = Phase::Done;
                    return Some(self.question(r, &e, at, options));
                }
                (Phase::Prolog, Event::Empty(e)) if is_question(&e) => {
                    // An empty question: a record with nothing in it (it fails for its number).
                    self.phase = Phase::Done;
                    let node = Open::new(&e, at).into_node();
                    return Some(record(r, node, &e, at, options));
                }
                (Phase::List(_) | Phase::Recover(_), Event::Start(e))
                    if local(&e) == "question" =>
                {
                    if let Phase::Recover(root) = &self.phase {
                        self.phase = Phase::List(root.clone());
                    }
                    return Some(self.question(r, &e, at, options));
                }
                (Phase::List(_), Event::Start(e)) => {
                    // Another element of the root: read and left aside.
                    if let Err(err) = element(r, &mut self.buf, &e, at) {
                        return Some(Err(self.fail(r, err)));
                    }
                }
                (Phase::List(_), Event::End(_)) => {
                    self.phase = Phase::Done;
                    if !self.yielded {
                        return Some(Err(self.error(
                            r,
                            at,
                            "not a question document: an XML document with no question",
                        )));
                    }
                }
                _ => {}
            }
        }
    }

    /// One question element (whose start tag `e` is at `at`) to its record.
    fn question<B: BufRead>(
        &mut self,
        r: &mut Reader<Tap<B>>,
        e: &BytesStart<'_>,
        at: usize,
        options: Options,
    ) -> Result<Question, ParseError> {
        let node = match element(r, &mut self.buf, e, at) {
            Ok(node) => node,
            Err(err) => return Err(self.fail(r, err)),
        };
        record(r, node, e, at, options)
    }

    /// A failure inside a question: the error, and the reading goes on at the next question
    /// of a list (where the reader still moves).
    fn fail<B: BufRead>(&mut self, r: &Reader<Tap<B>>, err: Failure) -> ParseError {
        let e = match err {
            Failure::Xml(e) => return self.reader_error(r, &e),
            Failure::Deep(at) => self.error(r, at, "malformed XML: elements nested too deeply"),
            Failure::Eof(name) => self.error(
                r,
                visible_end(r),
                &format!("truncated XML: the input ends inside <{name}>"),
            ),
        };
        self.recover(position(r));
        e
    }

    fn reader_error<B: BufRead>(&mut self, r: &Reader<Tap<B>>, e: &quick_xml::Error) -> ParseError {
        let at = base(r) + r.error_position() as usize;
        let err = self.error(r, at, &format!("malformed XML: {e}"));
        self.recover(at);
        err
    }

    /// After an error: the next question of a list, unless the reader no longer moves.
    fn recover(&mut self, at: usize) {
        let stuck = self.last_error.is_some_and(|last| at <= last);
        self.last_error = Some(at);
        self.phase = match std::mem::replace(&mut self.phase, Phase::Done) {
            Phase::List(root) | Phase::Recover(root) if !stuck => Phase::Recover(root),
            _ => Phase::Done,
        };
    }

    fn error<B: BufRead>(&self, r: &Reader<Tap<B>>, at: usize, message: &str) -> ParseError {
        ParseError::new(
            ErrorKind::NotAQuestion,
            message,
            r.get_ref().locate(at).position(),
        )
    }
}

/// Whether an element is a question (`question` of the export, `QUESTION` of the site).
fn is_question(e: &BytesStart<'_>) -> bool {
    matches!(local(e).as_str(), "question" | "QUESTION")
}

/// The record of a question element's tree (its start tag `e` at `at`).
fn record<B: BufRead>(
    r: &Reader<Tap<B>>,
    node: Node,
    e: &BytesStart<'_>,
    at: usize,
    options: Options,
) -> Result<Question, ParseError> {
    let draft = if local(e) == "QUESTION" {
        super::anxml::question(node, at)
    } else {
        super::fields::question(node, at)
    };
    let tap = r.get_ref();
    draft.finish(
        options,
        &mut crate::position::mark::locator(tap.mark, &tap.kept),
    )
}

/// Why an element could not be read.
#[derive(Debug)]
enum Failure {
    Xml(quick_xml::Error),
    Deep(usize),
    Eof(String),
}

/// The offset of the input where the reader's source began.
fn base<B: BufRead>(r: &Reader<Tap<B>>) -> usize {
    let tap = r.get_ref();
    tap.mark.offset + tap.kept.len() - r.buffer_position() as usize
}

/// The offset of the input the reader is at.
fn position<B: BufRead>(r: &Reader<Tap<B>>) -> usize {
    let tap = r.get_ref();
    tap.mark.offset + tap.kept.len()
}

/// The offset after the last visible byte the reader took (a truncated input fails there).
fn visible_end<B: BufRead>(r: &Reader<Tap<B>>) -> usize {
    let tap = r.get_ref();
    tap.mark.offset + super::json::visible_end(&tap.kept)
}

/// An element's local name (its namespace prefix dropped).
fn local(e: &BytesStart<'_>) -> String {
    e.local_name().as_ref().to_owned()
}

/// Elements whose content is HTML: kept as text for the markup stage.
fn holds_html(name: &str) -> bool {
    matches!(name, "texte" | "TEXTE_DEPOT" | "TEXTE_REPONSE")
}

/// An element being read.
struct Open {
    key: String,
    at: usize,
    entries: Vec<Entry>,
    text: String,
    nil: bool,
    /// The HTML of an element that holds HTML, and how deep inside it the reader is.
    html: Option<(String, usize)>,
}

impl Open {
    fn new(e: &BytesStart<'_>, at: usize) -> Open {
        let key = local(e);
        let mut open = Open {
            html: holds_html(&key).then(|| (String::new(), 0)),
            key,
            at,
            entries: Vec::new(),
            text: String::new(),
            nil: false,
        };
        for a in e.attributes().flatten() {
            let name = a.key.as_ref().to_owned();
            let value = a
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_or_else(|_| a.value.to_string(), |v| v.into_owned());
            if a.key.local_name().as_ref() == "nil" && name.contains(':') {
                open.nil = value.trim() == "true";
                continue;
            }
            open.entries.push(Entry {
                key: format!("@{name}"),
                at,
                value: text_or_null(value),
            });
        }
        open
    }

    fn into_node(self) -> Node {
        if self.nil {
            return Node::Null;
        }
        if let Some((html, _)) = self.html {
            return text_or_null(html);
        }
        let mut entries = self.entries;
        if entries.is_empty() {
            return if self.text.trim().is_empty() {
                Node::Null
            } else {
                Node::Text(self.text)
            };
        }
        if !self.text.trim().is_empty() {
            entries.push(Entry {
                key: "#text".to_owned(),
                at: self.at,
                value: Node::Text(self.text),
            });
        }
        Node::Map(entries)
    }

    /// Adds a child; an element repeated right after itself makes a list.
    fn push(&mut self, key: String, at: usize, value: Node) {
        if let Some(last) = self.entries.last_mut().filter(|l| l.key == key) {
            match &mut last.value {
                Node::List(items) => items.push(value),
                old => {
                    let first = std::mem::replace(old, Node::Null);
                    *old = Node::List(vec![first, value]);
                }
            }
            return;
        }
        self.entries.push(Entry { key, at, value });
    }
}

/// Reads the element whose start tag `start` (at `at`) was just read, to its end, as a tree.
fn element<B: BufRead>(
    r: &mut Reader<Tap<B>>,
    buf: &mut Vec<u8>,
    start: &BytesStart<'_>,
    at: usize,
) -> Result<Node, Failure> {
    let mut stack = vec![Open::new(start, at)];
    loop {
        let at = position(r);
        buf.clear();
        let event = r.read_event_into(buf).map_err(Failure::Xml)?;
        let Some(top) = stack.last_mut() else {
            return Ok(Node::Null);
        };
        if let Some((html, depth)) = &mut top.html {
            match event {
                Event::Start(e) => {
                    html.push('<');
                    html.push_str(&e);
                    html.push('>');
                    *depth += 1;
                    continue;
                }
                Event::End(e) if *depth > 0 => {
                    html.push_str("</");
                    html.push_str(&e);
                    html.push('>');
                    *depth -= 1;
                    continue;
                }
                Event::Empty(e) => {
                    html.push('<');
                    html.push_str(&e);
                    html.push_str("/>");
                    continue;
                }
                Event::Text(t) => {
                    html.push_str(&t);
                    continue;
                }
                Event::CData(t) => {
                    html.push_str(&t);
                    continue;
                }
                Event::GeneralRef(g) => {
                    // The XML's own escape: its character is the HTML's source.
                    push_ref(html, &g);
                    continue;
                }
                Event::End(_) | Event::Eof => {}
                _ => continue,
            }
        }
        match event {
            Event::Start(e) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(Failure::Deep(at));
                }
                stack.push(Open::new(&e, at));
            }
            Event::Empty(e) => {
                let child = Open::new(&e, at);
                let (key, value) = (child.key.clone(), child.into_node());
                top.push(key, at, value);
            }
            Event::End(_) => {
                let Some(done) = stack.pop() else {
                    return Ok(Node::Null);
                };
                let (key, at) = (done.key.clone(), done.at);
                let node = done.into_node();
                match stack.last_mut() {
                    Some(parent) => parent.push(key, at, node),
                    None => return Ok(node),
                }
            }
            Event::Text(t) => top.text.push_str(&t),
            Event::CData(t) => top.text.push_str(&t),
            Event::GeneralRef(g) => push_ref(&mut top.text, &g),
            Event::Eof => return Err(Failure::Eof(top.key.clone())),
            _ => {}
        }
    }
}

/// An entity or character reference in text: its character (unknown ones kept as written, for
/// the markup stage to decode).
fn push_ref(out: &mut String, name: &str) {
    let c = match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => name.strip_prefix('#').and_then(|n| {
            let code = match n.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => n.parse().ok(),
            };
            code.and_then(char::from_u32)
        }),
    };
    match c {
        Some(c) => out.push(c),
        None => {
            out.push('&');
            out.push_str(name);
            out.push(';');
        }
    }
}

impl<B: BufRead> Tap<B> {
    /// The mark of the first byte not yet taken.
    pub(crate) fn end_mark(&self) -> Mark {
        self.mark.advance(&self.kept)
    }
}
