//! The walk every layout shares: header lines, the anchor, metadata, texts and key blocks, each
//! line read by the productions of the document's layout module.

use std::ops::Range;

use super::label::{self, first_item, items, Item, Key};
use super::name::{author_line, constituency_line, is_bare_name, opening_name, AuthorLine};
use super::plain::{self, Paras};
use super::{an_current, an_dyn, an_fiche, an_legacy, common, date, senat, text, Anchor};
use crate::error::{ErrorKind, ParseError};
use crate::markup::{self, Lines};
use crate::record::{AuthorPart, LineCounter, Publication, Record, TextField};
use crate::{Chamber, Date, ErratumOf, Kind, Layout, Options, Question};

/// Where the walk is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Meta,
    QuestionText,
    AnswerText,
    KeyBlock,
}

/// What a label left without a value waits for on the next line.
#[derive(Debug, Clone, Copy)]
struct Pending<'l> {
    key: Option<Key>,
    label: &'l str,
    offset: usize,
    /// The part of the value already read (a date cut by a hard wrap).
    partial: Option<&'l str>,
}

/// The last dated item, which a following `page` belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Dated {
    Published(Publication),
    Erratum,
}

struct Walk<'l, 't> {
    lines: &'l Lines,
    /// Offset of the segment in the whole text.
    base: usize,
    layout: Layout,
    rec: Record<'t>,
    state: State,
    question: Paras<'l>,
    answer: Paras<'l>,
    pending: Option<Pending<'l>>,
    last_dated: Option<Dated>,
    closure_wants_reason: bool,
    seance_answer: Option<Date>,
    title_wanted: bool,
    author_wanted: bool,
    /// The text field whose value a hard-wrapped next line may continue.
    continuation: Option<TextField>,
    /// An author value whose parenthesis a hard-wrapped next line closes.
    author_prefix: Option<(String, usize, Option<Key>)>,
    /// The line that ends the document (chrome or a chamber line after the anchor, else the
    /// number of lines), when [`layout_of`] went as far.
    end: Option<usize>,
    /// Where the author's values were read (a link there gives `author.ref`).
    author_at: Vec<usize>,
}

/// Parses the document `text[range]` (line numbers count in the whole `text`).
pub(crate) fn parse_document(
    text: &str,
    range: Range<usize>,
    lines: Option<Lines>,
    counter: LineCounter<'_>,
    options: Options,
) -> Result<Question, ParseError> {
    let seg = &text[range.clone()];
    let base = range.start;
    let mut counter = counter;
    let first_visible = seg.len() - seg.trim_start().len();
    if seg.trim_start().starts_with("<?xml") {
        return Err(ParseError::new(
            ErrorKind::NotAQuestion,
            "not a question document: an XML document that is not the AN's open data (no `question`, `questionsEcrites` or `QUESTION` root)",
            counter.position(base + first_visible),
        ));
    }
    // The splitter's lines when it has them, else the document's own.
    let lines = lines.unwrap_or_else(|| markup::lines(seg));
    let found = find_anchor(&lines);
    let Some((at, anchor)) = found else {
        let first = (0..lines.len()).find(|&i| !text::is_blank(lines.get(i)));
        let offset = first.map_or(base + first_visible, |i| base + lines.src_start(i));
        return Err(ParseError::new(
            ErrorKind::NotAQuestion,
            "not a question document: no line such as `Question écrite n° 1234`, `Question N° : 1234` or `Question de :` was found",
            counter.position(offset),
        ));
    };
    let (layout, end) = layout_of(seg, &lines, at, anchor);
    let mut walk = Walk {
        lines: &lines,
        base,
        layout,
        rec: Record::new(counter),
        state: State::Meta,
        question: Paras::default(),
        answer: Paras::default(),
        pending: None,
        last_dated: None,
        closure_wants_reason: false,
        seance_answer: None,
        title_wanted: false,
        author_wanted: false,
        continuation: None,
        author_prefix: None,
        end,
        author_at: Vec::new(),
    };
    match layout {
        Layout::Senat => walk.rec.set_chamber(Chamber::Senat),
        Layout::Plain => {}
        _ => walk.rec.set_chamber(Chamber::An),
    }
    walk.header(at, anchor);
    walk.anchor_line(at, anchor);
    walk.body(at + 1);
    if let Some(name) = walk.rec.author.name.as_deref() {
        walk.rec.author.reference = (walk.author_at.iter())
            .find_map(|&at| crate::opendata::link::author_ref(text, at, name));
    }
    let missing_at = base + lines.src_start(at);
    walk.finish(missing_at, options)
}

/// The anchor of a document: its first line with a number, else its first weak anchor.
fn find_anchor(lines: &Lines) -> Option<(usize, Anchor)> {
    let mut weak = None;
    for i in 0..lines.len() {
        if let Some(a) = super::anchor(lines.get(i)) {
            if a.is_strong() {
                return Some((i, a));
            }
            weak.get_or_insert((i, a));
        }
    }
    weak
}

/// The layout of a document, from its anchor and the markers around it, and the line that ends
/// the document when the markers were looked for up to it.
fn layout_of(seg: &str, lines: &Lines, at: usize, anchor: Anchor) -> (Layout, Option<usize>) {
    let numero = match anchor {
        Anchor::KindNumberTitle(..) | Anchor::QuestionOf => return (Layout::AnDyn, None),
        Anchor::KindNumberAuthor(..) | Anchor::SenatAuthor => return (Layout::Senat, None),
        Anchor::Numero(_) | Anchor::TextHeading => true,
        Anchor::KindNumber(..) => false,
    };
    // The fiche's upper-case headings share this start: other lines are passed by one search.
    static HEADING: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("Texte de la "));
    // One pass over the document's own lines: up to the chrome or chamber line that ends it.
    let (mut upper, mut an, mut leg, mut blocks) = (false, false, false, false);
    let mut end = lines.len();
    for i in 0..lines.len() {
        let l = lines.get(i);
        let chamber = common::chamber_line(l);
        if i > at && (chamber.is_some() || common::is_chrome(l)) {
            end = i;
            break;
        }
        if numero {
            upper = upper
                || HEADING.find(l.as_bytes()).is_some()
                    && (l.contains("Texte de la QUESTION") || l.contains("Texte de la REPONSE"))
                || l.trim_start().starts_with("DEBAT");
        } else {
            if senat::is_senat_marker(l) {
                return (Layout::Senat, None);
            }
            an = an || chamber == Some(Chamber::An);
            leg = leg || common::legislature_line(l).is_some();
            blocks = blocks
                || matches!(
                    // (Both labels start with a `D`: other cells are not read.)
                    lines
                        .first_cell(i)
                        .filter(|c| c.starts_with(['D', 'd']))
                        .and_then(label::key_in_cell),
                    Some(Key::DataBlock | Key::DatesBlock)
                );
        }
    }
    if !numero {
        let layout = if an_current::is_current(an, leg, blocks) {
            Layout::AnCurrent
        } else {
            Layout::Plain
        };
        return (layout, Some(end));
    }
    let legislature = (0..at)
        .rev()
        .find_map(|i| common::legislature_line(lines.get(i)));
    let layout = if an_fiche::is_fiche(seg, upper, legislature) {
        Layout::AnFiche
    } else if matches!(anchor, Anchor::TextHeading) {
        Layout::Plain
    } else {
        Layout::AnLegacy
    };
    (layout, Some(end))
}

impl<'l, 't> Walk<'l, 't> {
    fn offset(&self, i: usize) -> usize {
        self.base + self.lines.src_start(i)
    }

    fn offset_of(&self, i: usize, part: &str) -> usize {
        self.base + self.lines.src_of_part(i, part)
    }

    /// The lines before the anchor: chamber, legislature, title, and (in a copied text whose
    /// number line trails it) the question's paragraphs.
    fn header(&mut self, at: usize, anchor: Anchor) {
        for i in 0..at {
            let l = self.lines.get(i);
            if let Some(c) = common::chamber_line(l) {
                if self.layout != Layout::Senat || c == Chamber::Senat {
                    self.rec.set_chamber(c);
                }
            } else if let Some(n) = common::legislature_line(l) {
                self.rec.set_legislature(n, self.offset(i));
            }
        }
        let wants_title = matches!(
            self.layout,
            Layout::AnCurrent | Layout::Plain | Layout::Senat
        );
        // A copied text whose number line comes after the question (an-legacy, no heading).
        if self.layout == Layout::AnLegacy && !self.has_heading_after(at) {
            if let Some(open) = (0..at)
                .rev()
                .find(|&i| opening_name(self.lines.get(i)).is_some())
            {
                for i in open..at {
                    let l = self.lines.get(i);
                    if text::is_blank(l) {
                        self.question.push_blank();
                    } else {
                        self.question
                            .push_line(l, self.lines.is_soft(i), self.lines.has_tabs(i));
                    }
                }
                if let Some(t) = self.title_before(open) {
                    self.rec.set_text(
                        TextField::Title,
                        &markup::paragraph(self.lines.get(t)),
                        self.offset(t),
                    );
                }
                return;
            }
        }
        if wants_title && !matches!(anchor, Anchor::SenatAuthor) {
            if let Some(t) = self.title_before(at) {
                self.rec.set_text(
                    TextField::Title,
                    &markup::paragraph(self.lines.get(t)),
                    self.offset(t),
                );
            }
        }
    }

    /// The title line before line `at`: the nearest non-blank line, if it can be a title.
    fn title_before(&self, at: usize) -> Option<usize> {
        // On Sénat pages the legislature line may stand between the title and the number line.
        let skip_headers = self.layout == Layout::Senat;
        let i = (0..at).rev().find(|&i| {
            let l = self.lines.get(i);
            let header = skip_headers && super::is_header_line(l);
            !text::is_blank(l) && !header
        })?;
        super::could_be_title(self.lines.get(i)).then_some(i)
    }

    fn has_heading_after(&self, at: usize) -> bool {
        (at + 1..self.lines.len()).any(|i| {
            first_item(self.lines.get(i)).is_some_and(|it| {
                matches!(
                    it.key,
                    Some(Key::QuestionHeading | Key::AnswerHeading | Key::Debate)
                )
            })
        })
    }

    fn anchor_line(&mut self, at: usize, anchor: Anchor) {
        let line = self.lines.get(at);
        let offset = self.offset(at);
        let first = line
            .split('\t')
            .map(str::trim)
            .find(|c| !c.is_empty())
            .unwrap_or("");
        match anchor {
            Anchor::Numero(n) => {
                self.rec.set_number(n, offset);
                // The rest of the line: the author and kind cells, other labels.
                let rest = common::numero_line(first).map(|(r, _)| r).unwrap_or("");
                let mut cells: Vec<&str> = vec![rest];
                cells.extend(
                    line.split('\t')
                        .map(str::trim)
                        .filter(|c| !c.is_empty())
                        .skip(1),
                );
                for cell in cells {
                    self.line_items(at, cell);
                }
            }
            Anchor::KindNumber(kind, n)
            | Anchor::KindNumberTitle(kind, n)
            | Anchor::KindNumberAuthor(kind, n) => {
                self.rec.set_number(n, offset);
                if let Some(k) = kind {
                    self.rec.set_kind(k, offset);
                }
                if let Anchor::KindNumberTitle(..) = anchor {
                    match an_dyn::title_after_anchor(first) {
                        Some(t) => {
                            self.rec
                                .set_text(TextField::Title, t, self.offset_of(at, t));
                            self.continuation = Some(TextField::Title);
                        }
                        None => self.title_wanted = true,
                    }
                }
                if let Anchor::KindNumberAuthor(..) = anchor {
                    if let Ok((rest, _)) = common::kind_number(first) {
                        if let Some(a) = senat::author_after_number(rest) {
                            self.set_author(a, offset);
                        }
                    }
                }
            }
            Anchor::SenatAuthor => {
                if let Some((a, d)) = senat::old_author(first) {
                    self.set_author(a, offset);
                    if let Some(d) = d {
                        self.rec
                            .set_published(Publication::Question, d, None, offset);
                        self.last_dated = Some(Dated::Published(Publication::Question));
                    }
                }
            }
            Anchor::QuestionOf => self.line_items(at, line),
            Anchor::TextHeading => {
                self.state = State::QuestionText;
                self.heading_rest(at, line);
            }
        }
    }

    /// The lines after the anchor.
    fn body(&mut self, from: usize) {
        for i in from..self.lines.len() {
            let line = self.lines.get(i);
            if text::is_blank(line) {
                match self.state {
                    State::QuestionText => self.question.push_blank(),
                    State::AnswerText => self.answer.push_blank(),
                    _ => {}
                }
                continue;
            }
            // The site's chrome, or the chamber line that heads the next page, ends the document
            // (found already when the layout was read).
            let ends = match self.end {
                Some(end) => i >= end,
                None => common::is_chrome(line) || common::chamber_line(line).is_some(),
            };
            if ends {
                break;
            }
            let after_wrap =
                i > 0 && self.lines.is_soft(i - 1) && !text::is_blank(self.lines.get(i - 1));
            // The line's first item, computed once: most lines are paragraphs.
            let cell = self.lines.first_cell(i);
            let (first, start) = cell.map_or((None, None), label::first_item_and_start);
            let known_first = first.is_some_and(|it| it.key.is_some() && it.key != Some(Key::Page));
            let unlabelled = !known_first && cell.and_then(super::anchor_in_cell).is_none();
            if let Some((prefix, offset, key)) = self.author_prefix.take() {
                if unlabelled && after_wrap {
                    let joined = format!("{prefix} {}", markup::paragraph(line));
                    self.author_value(&joined, offset, key);
                    continue;
                }
                self.author_value(&prefix, offset, key);
            }
            let continuation = self.continuation.take();
            if let Some(field) = continuation {
                let meta = matches!(self.state, State::Meta | State::KeyBlock);
                let plain_line = first.is_none_or(|it| it.label.is_empty());
                if meta
                    && after_wrap
                    && unlabelled
                    && plain_line
                    && !super::is_header_line(line)
                    && !is_date_only(line)
                {
                    self.rec.append_text(field, &markup::paragraph(line));
                    self.continuation = Some(field);
                    continue;
                }
            }
            if let Some(p) = self.pending.take() {
                if !known_first && (p.partial.is_none() || after_wrap) {
                    self.pending_value(p, i, line);
                    continue;
                }
                self.resolve_pending(p);
            }
            if self.structural(i, line, first) {
                continue;
            }
            match self.state {
                State::QuestionText => {
                    let (soft, tabs) = (self.lines.is_soft(i), self.lines.has_tabs(i));
                    self.question.push_line(line, soft, tabs)
                }
                State::AnswerText => {
                    let (soft, tabs) = (self.lines.is_soft(i), self.lines.has_tabs(i));
                    self.answer.push_line(line, soft, tabs)
                }
                State::Meta | State::KeyBlock => self.line_items_from(i, line, start),
            }
        }
    }

    /// Lines that change the state whatever it is: headings, the an-dyn answer line, the Sénat
    /// answer and publication lines, key-data labels after a text. Returns whether it handled
    /// the line.
    fn structural(&mut self, i: usize, line: &'l str, first_it: Option<Item<'l>>) -> bool {
        let offset = self.offset(i);
        if let Some(first) = first_it.as_ref() {
            match first.key {
                Some(Key::QuestionHeading) => {
                    self.state = State::QuestionText;
                    self.heading_rest(i, line);
                    return true;
                }
                Some(Key::AnswerHeading | Key::Debate) => {
                    self.state = State::AnswerText;
                    self.heading_rest(i, line);
                    return true;
                }
                Some(Key::DataBlock | Key::DatesBlock) if first.value.is_empty() => {
                    self.state = State::KeyBlock;
                    return true;
                }
                _ => {}
            }
        }
        if self.layout == Layout::AnDyn {
            if let Some(d) = an_dyn::answer_in_seance(line) {
                self.rec.set_published(Publication::Answer, d, None, offset);
                self.state = State::AnswerText;
                return true;
            }
            if self.state == State::QuestionText || self.state == State::Meta && self.author_wanted
            {
                let its = if first_it.is_some_and(|f| f.key.is_some()) {
                    items(line)
                } else {
                    Vec::new()
                };
                if let [it] = its.as_slice() {
                    let reponse = text::starts_folded(it.label, "Réponse");
                    if reponse
                        && it.key == Some(Key::AnswerPublished)
                        && !it.separated
                        && it.value.len() < 60
                    {
                        if date::find_date(it.value).is_none() && self.lines.is_soft(i) {
                            self.pending = Some(Pending {
                                key: it.key,
                                label: it.label,
                                offset,
                                partial: Some(it.value),
                            });
                        } else {
                            self.published(Publication::Answer, it, offset);
                        }
                        self.state = State::AnswerText;
                        return true;
                    }
                }
            }
        }
        if self.layout == Layout::Senat && self.senat_line(i, line) {
            return true;
        }
        if matches!(self.state, State::QuestionText | State::AnswerText) {
            let key_line = first_it.is_some_and(|it| {
                it.key.is_some_and(is_key_block_key)
                    && (it.separated || text::chars_at_most(line, 79))
            });
            if key_line {
                self.state = State::KeyBlock;
                self.line_items(i, line);
                return true;
            }
        }
        false
    }

    /// The Sénat's own lines. Returns whether it handled the line.
    fn senat_line(&mut self, i: usize, line: &str) -> bool {
        let offset = self.offset(i);
        // Each of these lines starts with its own letter (`p`ubliée, `-` page, `R`éponse,
        // `T`ransmise, `L`a question / `Q`uestion caduque, `L`e texte): only the tests of the
        // line's first letter are made (all of them when it is not ASCII, which may fold to one).
        let first = line
            .trim_start()
            .as_bytes()
            .first()
            .map_or(b' ', u8::to_ascii_lowercase);
        let may = |letters: &[u8]| !first.is_ascii() || letters.contains(&first);
        if !may(b"p-rtlq") {
            return false;
        }
        if let Some((date, page)) = may(b"p").then(|| senat::published_line(line)).flatten() {
            let which = if self.state == State::AnswerText {
                Publication::Answer
            } else {
                Publication::Question
            };
            match date {
                Some(d) => {
                    self.rec.set_published(which, d, page, offset);
                    self.last_dated = Some(Dated::Published(which));
                }
                None => {
                    self.rec
                        .unreadable(offset, "publiée dans le JO Sénat du", line, "the date")
                }
            }
            return true;
        }
        if let Some(p) = may(b"-").then(|| senat::page_line(line)).flatten() {
            self.page(p, offset);
            return true;
        }
        if let Some((ministry, date)) = may(b"r").then(|| senat::answer_line(line)).flatten() {
            self.rec
                .set_text(TextField::MinistryAnswering, &ministry, offset);
            if let Some(d) = date {
                self.rec.set_published(Publication::Answer, d, None, offset);
                self.last_dated = Some(Dated::Published(Publication::Answer));
            }
            self.state = State::AnswerText;
            return true;
        }
        if let Some(d) = may(b"r").then(|| senat::seance_answer(line)).flatten() {
            self.seance_answer.get_or_insert(d);
            self.state = State::AnswerText;
            return true;
        }
        if let Some(m) = may(b"t").then(|| senat::transmitted(line)).flatten() {
            if self.rec.ministry_answering.is_none() {
                self.rec.set_text(TextField::MinistryAnswering, &m, offset);
            }
            self.state = State::KeyBlock;
            return true;
        }
        if let Some(reason) = may(b"lq").then(|| senat::lapsed(line)).flatten() {
            self.rec.set_closed(None, Some(reason), offset);
            self.state = State::KeyBlock;
            return true;
        }
        may(b"l") && senat::not_available(line)
    }

    /// The cells after a text heading on its line (`Texte de la QUESTION : | text`).
    fn heading_rest(&mut self, i: usize, line: &str) {
        let mut cells = line.split('\t').map(str::trim).filter(|c| !c.is_empty());
        let first = cells.next().unwrap_or("");
        let after = super::label::known_label(first).map(|(_, len, _)| {
            let after = first[len..].trim_start();
            after.strip_prefix(':').unwrap_or(after).trim()
        });
        let mut rest = after
            .into_iter()
            .filter(|a| !a.is_empty())
            .chain(cells)
            .peekable();
        if rest.peek().is_none() {
            return;
        }
        let _ = i;
        let target = if self.state == State::AnswerText {
            &mut self.answer
        } else {
            &mut self.question
        };
        target.push_cells(rest, false);
    }

    /// A metadata line (or cell): its items, each applied.
    fn line_items(&mut self, i: usize, line: &'l str) {
        self.line_items_from(i, line, None);
    }

    /// [`Walk::line_items`] of a line whose first cell's labels were found already.
    fn line_items_from(&mut self, i: usize, line: &'l str, start: Option<label::StartLabel>) {
        let its = label::items_from(line, start);
        let n = its.len();
        for (k, it) in its.into_iter().enumerate() {
            let offset = if it.label.is_empty() {
                self.offset_of(i, it.value)
            } else {
                self.offset_of(i, it.label)
            };
            match it.key {
                Some(key) if key.is_heading() => {}
                Some(key) => {
                    let cut_date = is_dated(key)
                        && k + 1 == n
                        && self.lines.is_soft(i)
                        && date::find_date(it.value).is_none();
                    if cut_date && !it.value.is_empty() {
                        self.pending = Some(Pending {
                            key: Some(key),
                            label: it.label,
                            offset,
                            partial: Some(it.value),
                        });
                        continue;
                    }
                    if it.value.is_empty() {
                        if k + 1 == n {
                            self.pending = Some(Pending {
                                key: Some(key),
                                label: it.label,
                                offset,
                                partial: None,
                            });
                        }
                        if key == Key::Dates {
                            self.state = State::KeyBlock;
                        }
                        continue;
                    }
                    self.apply(key, &it, offset);
                    if k + 1 == n {
                        self.continuation = text_field(key);
                    }
                }
                None if !it.label.is_empty() => {
                    if it.value.is_empty() && k + 1 == n {
                        self.pending = Some(Pending {
                            key: None,
                            label: it.label,
                            offset,
                            partial: None,
                        });
                    } else {
                        self.rec.other(offset, it.label, it.value);
                    }
                }
                None => self.unlabelled(i, it.value, offset),
            }
        }
    }

    /// A label whose value the next line did not give: kept as it is.
    fn resolve_pending(&mut self, p: Pending<'l>) {
        match (p.key, p.partial) {
            (Some(key), Some(partial)) => {
                let it = Item {
                    key: Some(key),
                    label: p.label,
                    value: partial,
                    separated: true,
                };
                self.apply(key, &it, p.offset);
            }
            (None, _) => self.rec.other(p.offset, p.label, p.partial.unwrap_or("")),
            (Some(_), None) => {}
        }
    }

    /// The next line's value for a label left alone on its line (or cut by a hard wrap).
    fn pending_value(&mut self, p: Pending<'l>, i: usize, line: &'l str) {
        let value = match p.partial {
            Some(partial) => format!("{partial} {}", markup::paragraph(line)),
            None => markup::paragraph(line),
        };
        match p.key {
            Some(key) => {
                let it = Item {
                    key: Some(key),
                    label: p.label,
                    value: &value,
                    separated: true,
                };
                if key == Key::Dates
                    || key == Key::SeanceDate && first_item(line).is_some_and(|x| x.key.is_some())
                {
                    self.line_items(i, line);
                } else {
                    self.apply(key, &it, p.offset);
                }
            }
            None => self.rec.other(p.offset, p.label, &value),
        }
    }

    /// Applies a known label's value.
    fn apply(&mut self, key: Key, it: &Item<'_>, offset: usize) {
        let v = it.value;
        match key {
            Key::Number | Key::NumberField => match common::question_number(v.trim()) {
                Ok((rest, n)) if rest.trim().is_empty() => self.rec.set_number(n, offset),
                _ => self.rec.unreadable(offset, it.label, v, "the number"),
            },
            Key::MinistryAsked => self.rec.set_text(TextField::MinistryAsked, v, offset),
            Key::MinistryAnswering => self.rec.set_text(TextField::MinistryAnswering, v, offset),
            Key::Rubric => self.rec.set_text(TextField::Rubric, v, offset),
            Key::Title => self.rec.set_text(TextField::Title, v, offset),
            Key::AnalysisHeading => self.rec.set_text(TextField::AnalysisHeading, v, offset),
            Key::Analysis => self.rec.set_text(TextField::Analysis, v, offset),
            Key::QuestionPublished => self.published(Publication::Question, it, offset),
            Key::AnswerPublished => self.published(Publication::Answer, it, offset),
            Key::Page => match date::page(&format!("page {v}")) {
                Ok((rest, p)) if rest.trim().is_empty() => self.page(p, offset),
                _ => self.rec.unreadable(offset, it.label, v, "the page"),
            },
            Key::Reassigned | Key::Renewed | Key::Flagged => match date::find_date(v) {
                Some((_, _, d)) => match key {
                    Key::Reassigned => self.rec.reassigned_on.push(d),
                    Key::Renewed => self.rec.renewed_on.push(d),
                    _ => self.rec.set_flagged(d, offset),
                },
                None => self.rec.unreadable(offset, it.label, v, "the date"),
            },
            Key::Withdrawn | Key::Closure => {
                let (d, rest) = match date::find_date(v) {
                    Some((at, end, d)) if v[..at].trim().is_empty() => (Some(d), &v[end..]),
                    _ => (None, v),
                };
                let reason = text::strip_parens_and_period(rest);
                if d.is_none() && date::has_date_like(rest) && !rest.trim_start().starts_with('(') {
                    self.rec.unreadable(offset, it.label, v, "the date");
                    return;
                }
                let reason = (!reason.is_empty()).then(|| text::squeeze(reason));
                self.closure_wants_reason = reason.is_none();
                self.rec.set_closed(d, reason, offset);
            }
            Key::ErratumQuestion | Key::ErratumAnswer => match date::find_date(v) {
                Some((_, end, d)) => {
                    let of = if key == Key::ErratumQuestion {
                        ErratumOf::Question
                    } else {
                        ErratumOf::Answer
                    };
                    let page = date::find_page(&v[end..]);
                    self.rec.add_erratum(of, d, page);
                    self.last_dated = Some(Dated::Erratum);
                }
                None => self.rec.unreadable(offset, it.label, v, "the date"),
            },
            Key::Author | Key::QuestionOf => {
                if key == Key::QuestionOf {
                    self.author_wanted = true;
                    self.state = State::Meta;
                }
                if author_incomplete(v) {
                    self.author_prefix = Some((v.to_owned(), offset, Some(key)));
                    return;
                }
                self.author_value(v, offset, Some(key));
            }
            Key::Circonscription => self.constituency(v, offset),
            Key::Kind => match common::kind_words(v) {
                Ok((_, Some(k))) => self.rec.set_kind(k, offset),
                Ok((_, None)) => {}
                Err(_) => match common::kind_code(v) {
                    Some(k) => self.rec.set_kind(k, offset),
                    None => self.rec.unreadable(offset, it.label, v, "the kind"),
                },
            },
            Key::SeanceDate => {
                if let Some((_, _, d)) = date::find_date(v) {
                    self.rec
                        .set_published(Publication::Question, d, None, offset);
                }
            }
            Key::Dates => {
                self.state = State::KeyBlock;
            }
            Key::Debate
            | Key::DataBlock
            | Key::DatesBlock
            | Key::QuestionHeading
            | Key::AnswerHeading => {}
        }
    }

    /// An author given as `Civ Name (A - B)[, posée en séance, et publiée le D]`, or a cell of
    /// an-fiche/an-legacy (`de Civ Name ( Groupe - Département ) [kind]`, `key` `None`).
    fn author_value(&mut self, v: &str, offset: usize, key: Option<Key>) {
        if key.is_none() {
            if let Some((a, rest)) = an_legacy::author(v) {
                self.set_author(a, offset);
                let rest = rest.trim();
                let kind = common::kind_words(rest)
                    .ok()
                    .and_then(|(r, k)| r.trim().is_empty().then_some(k).flatten());
                if let Some(k) = kind.or_else(|| an_fiche::kind_cell(rest)) {
                    self.rec.set_kind(k, offset);
                }
            }
            return;
        }
        match author_line(v) {
            Ok((rest, a)) => {
                self.set_author(a, offset);
                if let Some(d) = an_dyn::posed_in_seance(rest) {
                    self.rec
                        .set_published(Publication::Question, d, None, offset);
                }
            }
            Err(_) => self
                .rec
                .set_author_part(AuthorPart::Name, Some(v.to_owned()), offset),
        }
    }

    fn published(&mut self, which: Publication, it: &Item<'_>, offset: usize) {
        match date::find_date(it.value) {
            Some((_, end, d)) => {
                let page = date::find_page(&it.value[end..]);
                self.rec.set_published(which, d, page, offset);
                self.last_dated = Some(Dated::Published(which));
            }
            None => self.rec.unreadable(offset, it.label, it.value, "the date"),
        }
    }

    fn page(&mut self, p: u32, offset: usize) {
        match self.last_dated {
            Some(Dated::Published(which)) => self.rec.set_page(which, p, offset),
            Some(Dated::Erratum) => {
                if let Some(e) = self.rec.errata.last_mut() {
                    e.page.get_or_insert(p);
                }
            }
            None => self
                .rec
                .unreadable(offset, "page", &p.to_string(), "the publication"),
        }
    }

    fn constituency(&mut self, v: &str, offset: usize) {
        match constituency_line(v) {
            Some((dept, n, group)) => {
                self.rec
                    .set_author_part(AuthorPart::Department, dept, offset);
                if let Some(n) = n {
                    self.rec.set_constituency(n, offset);
                }
                self.rec.set_author_part(AuthorPart::Group, group, offset);
            }
            None => self
                .rec
                .unreadable(offset, "Circonscription", v, "the constituency"),
        }
    }

    /// An author: the parts inside the parentheses as the layout orders them.
    fn set_author(&mut self, a: AuthorLine, offset: usize) {
        if self.author_at.len() < 4 {
            self.author_at.push(offset);
        }
        self.rec
            .set_author_part(AuthorPart::Civility, a.civility.map(str::to_owned), offset);
        self.rec.set_author_part(AuthorPart::Name, a.name, offset);
        let (group, dept, region) = match self.layout {
            Layout::AnFiche | Layout::AnLegacy => (a.first, a.second, None),
            Layout::Senat => (a.second, a.first, None),
            _ => (a.second, None, a.first),
        };
        self.rec.set_author_part(AuthorPart::Group, group, offset);
        self.rec
            .set_author_part(AuthorPart::Department, dept, offset);
        self.rec.set_author_part(AuthorPart::Region, region, offset);
    }

    /// A cell or line with no label, in the metadata part.
    fn unlabelled(&mut self, i: usize, value: &str, offset: usize) {
        if value.is_empty() || super::anchor(value).is_some_and(|a| a.is_strong()) {
            return;
        }
        if self.closure_wants_reason && self.state == State::KeyBlock {
            self.closure_wants_reason = false;
            if let Some(c) = &mut self.rec.closed {
                c.reason = Some(text::squeeze(text::strip_parens_and_period(value)));
            }
            return;
        }
        if self.title_wanted {
            self.title_wanted = false;
            self.rec.set_text(TextField::Title, value, offset);
            self.continuation = Some(TextField::Title);
            return;
        }
        if an_legacy::author(value).is_some() {
            if unclosed_paren(value) {
                self.author_prefix = Some((value.to_owned(), offset, None));
            } else {
                self.author_value(value, offset, None);
            }
            return;
        }
        if let Ok((rest, k)) = common::kind_words(value) {
            if rest.trim().is_empty() {
                if let Some(k) = k {
                    self.rec.set_kind(k, offset);
                }
                return;
            }
        }
        if self.layout == Layout::AnFiche {
            if let Some(k) = an_fiche::kind_cell(value) {
                self.rec.set_kind(k, offset);
                return;
            }
        }
        if let Some(n) = common::legislature_line(value) {
            self.rec.set_legislature(n, offset);
            return;
        }
        if common::chamber_line(value).is_some() {
            return;
        }
        if self.state == State::KeyBlock {
            return;
        }
        if self.author_wanted {
            if is_bare_name(value) {
                if let Ok((_, a)) = author_line(value) {
                    self.set_author(a, offset);
                }
                return;
            }
            if let Some((dept, n, group)) =
                constituency_line(value).filter(|_| value.contains("circonscription"))
            {
                self.rec
                    .set_author_part(AuthorPart::Department, dept, offset);
                if let Some(n) = n {
                    self.rec.set_constituency(n, offset);
                }
                self.rec.set_author_part(AuthorPart::Group, group, offset);
                return;
            }
            if let Ok((rest, a)) = author_line(value) {
                if a.has_parens {
                    self.set_author(a, offset);
                    if let Some(d) = an_dyn::posed_in_seance(rest) {
                        self.rec
                            .set_published(Publication::Question, d, None, offset);
                    }
                    return;
                }
            }
        }
        // Anything else starts the question text (on an-dyn QG pages, the séance transcript).
        self.author_wanted = false;
        let to_answer = self.layout == Layout::AnDyn && self.rec.kind == Some(Kind::Qg);
        self.state = if to_answer {
            State::AnswerText
        } else {
            State::QuestionText
        };
        let (line, soft, tabs) = (
            self.lines.get(i),
            self.lines.is_soft(i),
            self.lines.has_tabs(i),
        );
        if to_answer {
            self.answer.push_line(line, soft, tabs);
        } else {
            self.question.push_line(line, soft, tabs);
        }
    }

    fn finish(mut self, missing_at: usize, options: Options) -> Result<Question, ParseError> {
        if let Some(p) = self.pending.take() {
            self.resolve_pending(p);
        }
        if let Some((prefix, offset, key)) = self.author_prefix.take() {
            self.author_value(&prefix, offset, key);
        }
        let join = if self.layout == Layout::Plain {
            plain::paragraphs
        } else {
            plain::unwrap
        };
        self.rec.question_text = join(&self.question);
        self.rec.answer_text = join(&self.answer);
        if let Some(d) = self.seance_answer {
            if self.rec.answer_published.is_none() {
                self.rec.answer_published = Some(crate::JoRef {
                    date: d,
                    page: None,
                });
            }
        }
        if self.rec.author.name.is_none() {
            if let Some((civ, name)) = self.rec.question_text.as_deref().and_then(opening_name) {
                self.rec
                    .set_author_part(AuthorPart::Civility, Some(civ.to_owned()), missing_at);
                self.rec
                    .set_author_part(AuthorPart::Name, Some(name), missing_at);
            }
        }
        self.rec
            .finish(self.layout, missing_at, options.is_strict())
    }
}

/// The text field a key feeds, if any.
fn text_field(k: Key) -> Option<TextField> {
    match k {
        Key::MinistryAsked => Some(TextField::MinistryAsked),
        Key::MinistryAnswering => Some(TextField::MinistryAnswering),
        Key::Rubric => Some(TextField::Rubric),
        Key::Title => Some(TextField::Title),
        Key::AnalysisHeading => Some(TextField::AnalysisHeading),
        Key::Analysis => Some(TextField::Analysis),
        _ => None,
    }
}

/// Whether a value opens a parenthesis it does not close (a hard-wrapped author).
fn unclosed_paren(v: &str) -> bool {
    v.matches('(').count() > v.matches(')').count()
}

/// Whether an author value was cut by a hard wrap: an open parenthesis, or `posée en séance`
/// with no date yet.
fn author_incomplete(v: &str) -> bool {
    unclosed_paren(v) || v.contains("posée en séance") && date::find_date(v).is_none()
}

/// Keys whose value is a date.
fn is_dated(k: Key) -> bool {
    matches!(
        k,
        Key::QuestionPublished
            | Key::AnswerPublished
            | Key::Reassigned
            | Key::Renewed
            | Key::Flagged
            | Key::Withdrawn
            | Key::Closure
            | Key::ErratumQuestion
            | Key::ErratumAnswer
            | Key::SeanceDate
    )
}

fn is_date_only(line: &str) -> bool {
    matches!(date::date(line.trim()), Ok((rest, _)) if rest.trim().is_empty())
}

/// Keys whose labelled line, after a text, starts the key-data part.
fn is_key_block_key(k: Key) -> bool {
    matches!(
        k,
        Key::Author
            | Key::Circonscription
            | Key::Kind
            | Key::NumberField
            | Key::Rubric
            | Key::MinistryAsked
            | Key::MinistryAnswering
            | Key::QuestionPublished
            | Key::AnswerPublished
            | Key::Flagged
            | Key::Reassigned
            | Key::Renewed
            | Key::Closure
            | Key::SeanceDate
            | Key::Dates
            | Key::Withdrawn
    )
}
