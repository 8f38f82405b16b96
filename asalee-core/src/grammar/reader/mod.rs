//! The reader: one pass over a document's lines with one state machine that every layout
//! shares ([`state::next_state`]), asking the document's layout ([`Rules`]) what its own lines
//! mean and applying every line's facts to the record.
//!
//! - here: the pass over the lines after the anchor, the lines that change the part;
//! - [`state`]: the parts and what moves the reader between them;
//! - `head`: the lines before the anchor and the anchor's line;
//! - `items`: metadata lines and what a line leaves for the next (a value on the next line);
//! - `facts`: a line's facts applied to the record.

mod facts;
mod head;
mod items;
mod rows;
pub(crate) mod state;

use crate::error::ParseError;
use crate::grammar::document::Document;
use crate::grammar::fact::Part;
use crate::grammar::label::{self, Item, Key};
use crate::grammar::layouts::{LineView, Rules};
use crate::grammar::name::opening_name;
use crate::grammar::paragraphs::{Paras, Wrapping};
use crate::grammar::token::Tokens;
use crate::grammar::{date, text, Anchor};
use crate::markup::{self, Lines};
use crate::position::LineCounter;
use crate::record::{AuthorPart, Publication, Record, Set, TextField};
use crate::{Date, Options, Question};

use state::{next_state, Event};

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

/// The narrowest line a title's first words can be cut from by a hard wrap (converters wrap at
/// 72 columns or more; a line this wide was full).
const WRAPPED_TITLE_WIDTH: usize = 60;

/// What a line leaves open for a hard-wrapped next line to complete.
#[derive(Debug, Default)]
struct Carry<'l> {
    /// A label whose value is on the next line, or was cut there.
    pending: Option<Pending<'l>>,
    /// The text field whose value a hard-wrapped next line may continue.
    continuation: Option<TextField>,
    /// An author value whose parenthesis a hard-wrapped next line closes: the value, its
    /// offset, its label's key.
    author_prefix: Option<(String, usize, Option<Key>)>,
    /// A metadata line that is only a label's first words (a hard wrap cut the label): its
    /// index; the next line may end the label.
    label_head: Option<usize>,
}

/// What the document still expects of its next lines.
#[derive(Debug, Default, Clone, Copy)]
struct Wants {
    /// The title (an-dyn's number line without one).
    title: bool,
    /// The author's line (after an-dyn's `Question de :`).
    author: bool,
    /// The reason of a closure whose line gave none.
    closure_reason: bool,
}

/// The reader of one document.
pub(crate) struct Reader<'l, 't> {
    lines: &'l Lines,
    tokens: &'l Tokens,
    /// The whole text the document is part of.
    src: &'t str,
    /// Offset of the document in the whole text.
    base: usize,
    rules: &'static dyn Rules,
    rec: Record<'t>,
    /// The part of the document the reader is in.
    part: Part,
    question: Paras<'l>,
    answer: Paras<'l>,
    /// One past the last line put in a text.
    text_to: usize,
    carry: Carry<'l>,
    wants: Wants,
    last_dated: Option<Dated>,
    /// A Sénat séance answer's date: the answer's publication when none is given.
    seance_answer: Option<Date>,
    /// The line that ends the document (chrome or a chamber line after the anchor, else the
    /// number of lines), when the layout's markers were looked for up to it.
    end: Option<usize>,
    /// Where the author's values were read (a link to the deputy's page there gives
    /// `author.ref`); the first few.
    author_at: Vec<usize>,
    /// Whether the next line was read with this one (a label a hard wrap cut).
    skip_next: bool,
    /// The run of consecutive lines last put in the question's text, `(first, one past the
    /// last)` (see `rows`).
    question_run: (usize, usize),
}

impl<'l, 't> Reader<'l, 't> {
    /// Reads the document `doc` of the layout `rules`, anchored at line `at`, and returns its
    /// record.
    pub(crate) fn read(
        doc: Document<'l>,
        rules: &'static dyn Rules,
        counter: LineCounter<'t>,
        (at, anchor): (usize, Anchor),
        end: Option<usize>,
        options: Options,
    ) -> Result<Question, ParseError> {
        let Document {
            lines,
            tokens,
            base,
        } = doc;
        let mut reader = Reader {
            lines,
            tokens,
            src: counter.text(),
            base,
            rules,
            rec: Record::new(counter),
            part: Part::Meta,
            question: Paras::default(),
            answer: Paras::default(),
            text_to: 0,
            carry: Carry::default(),
            wants: Wants::default(),
            last_dated: None,
            seance_answer: None,
            end,
            author_at: Vec::new(),
            skip_next: false,
            question_run: (0, 0),
        };
        if let Some(c) = rules.chamber() {
            reader.rec.apply(Set::Chamber(c), 0);
        }
        reader.header(at, anchor);
        reader.anchor_line(at, anchor);
        reader.body(at + 1);
        reader.author_ref(counter.text());
        let missing_at = base + lines.src_start(at);
        reader.finish(missing_at, options)
    }

    /// `author.ref` from the link to the deputy's page next to where the author was read.
    fn author_ref(&mut self, text: &str) {
        if let Some(name) = self.rec.author_name() {
            let found = (self.author_at.iter())
                .find_map(|&at| crate::opendata::link::author_ref(text, at, name));
            self.rec.apply(Set::AuthorRef(found), 0);
        }
    }

    /// Moves to the part `event` leads to; whether it applied.
    fn go(&mut self, event: Event) -> bool {
        match next_state(self.part, event) {
            Some(part) => {
                self.part = part;
                true
            }
            None => false,
        }
    }

    /// The source offset of line `i`'s start.
    fn offset(&self, i: usize) -> usize {
        self.base + self.lines.src_start(i)
    }

    /// The column where line `i`'s text starts on its source line: the characters of its
    /// indentation and of a list or quote mark before it (`*`, `-`, `+`, `>`, `•`, `#`); 0 when
    /// the source line's start is not within a few hundred bytes before the line's (the scan is
    /// bounded).
    fn indent(&self, i: usize) -> usize {
        let at = self.offset(i).min(self.src.len());
        let mut from = at.saturating_sub(256);
        while !self.src.is_char_boundary(from) {
            from += 1;
        }
        let Some(window) = self.src.get(from..at) else {
            return 0;
        };
        let start = match memchr::memrchr(b'\n', window.as_bytes()) {
            Some(nl) => from + nl + 1,
            None if from == 0 => 0,
            None => return 0,
        };
        let mark = |c: char| {
            c.is_whitespace() && c != '\n' || matches!(c, '*' | '-' | '+' | '>' | '•' | '#')
        };
        // (ASCII first, byte by byte: one byte is one character; the rest character by
        // character.)
        let bytes = &self.src.as_bytes()[start..];
        let ascii = bytes
            .iter()
            .take(256)
            .take_while(|&&b| b.is_ascii() && mark(char::from(b)))
            .count();
        if bytes.get(ascii).is_none_or(u8::is_ascii) || ascii == 256 {
            return ascii;
        }
        ascii
            + self.src[start + ascii..]
                .chars()
                .take(256 - ascii)
                .take_while(|&c| mark(c))
                .count()
    }

    /// Whether line `i`, whose first item is `first`, can go on with the text field a hard wrap
    /// cut on the line before: a line without a label, or, for a title that holds ` : ` cut
    /// before it on a full line, one that reads as an unknown label (`santé : aides`).
    fn goes_on(&self, field: TextField, i: usize, first: Option<&Item<'_>>) -> bool {
        first.is_none_or(|it| {
            it.label.is_empty()
                || field == TextField::Title
                    && it.key.is_none()
                    && i > 0
                    && self.source_width(i - 1) >= WRAPPED_TITLE_WIDTH
        })
    }

    /// The width in columns of line `i`'s source line, its indentation included (a converter's
    /// spacing inside it counted: lynx sets a title far to the right of its number).
    fn source_width(&self, i: usize) -> usize {
        let at = self.offset(i).min(self.src.len());
        let rest = &self.src.as_bytes()[at..];
        let end = memchr::memchr(b'\n', rest).map_or(rest.len(), |e| e);
        let line = self.src.get(at..at + end).unwrap_or("");
        self.indent(i) + line.trim_end().chars().count()
    }

    /// The source offset of `part`, a slice of line `i`.
    fn offset_of(&self, i: usize, part: &str) -> usize {
        self.base + self.lines.src_of_part(i, part)
    }

    /// Line `i` put in the answer's text (`to_answer`) or the question's, with its line break
    /// and indentation.
    fn push_text(&mut self, i: usize, to_answer: bool) {
        let (line, soft, tabs) = (
            self.lines.get(i),
            self.lines.is_soft(i),
            self.lines.has_tabs(i),
        );
        let indent = self.indent(i);
        self.text_to = i + 1;
        if to_answer {
            self.answer.push_indented(line, soft, tabs, indent);
        } else {
            self.question.push_indented(line, soft, tabs, indent);
            self.question_run = match self.question_run {
                (from, to) if to == i => (from, i + 1),
                _ => (i, i + 1),
            };
        }
    }

    /// The lines after the anchor.
    fn body(&mut self, from: usize) {
        for i in from..self.lines.len() {
            if std::mem::take(&mut self.skip_next) {
                continue;
            }
            let (line, token) = (self.lines.get(i), self.tokens.get(self.lines, i));
            if token.is_blank() {
                match self.part {
                    Part::QuestionText => self.question.push_blank(),
                    Part::AnswerText => self.answer.push_blank(),
                    _ => {}
                }
                continue;
            }
            // The site's chrome, or the chamber line that heads the next page, ends the document
            // (found already when the layout was read).
            let ends = match self.end {
                Some(end) => i >= end,
                None => token.ends_document(),
            };
            if ends {
                break;
            }
            let after_wrap = i > 0
                && self.lines.is_soft(i - 1)
                && !self.tokens.get(self.lines, i - 1).is_blank();
            // The line's first item, computed once: most lines are paragraphs.
            let cell = token.first_cell();
            let (first, start) = cell.map_or((None, None), label::first_item_and_start);
            let known_first = first.is_some_and(|it| it.key.is_some() && it.key != Some(Key::Page));
            let unlabelled = !known_first && token.anchor().is_none();
            if let Some(h) = self.carry.label_head.take() {
                if after_wrap && self.label_completed(h, i, line) {
                    continue;
                }
                // The head was a line of its own.
                self.line_items(h, self.lines.get(h));
            }
            if let Some((prefix, offset, key)) = self.carry.author_prefix.take() {
                if unlabelled && after_wrap {
                    let joined = format!("{prefix} {}", markup::paragraph(line));
                    self.author_value(&joined, offset, key);
                    continue;
                }
                self.author_value(&prefix, offset, key);
            }
            let continuation = self.carry.continuation.take();
            if let Some(field) = continuation {
                let meta = matches!(self.part, Part::Meta | Part::KeyBlock);
                if meta
                    && after_wrap
                    && unlabelled
                    && self.goes_on(field, i, first.as_ref())
                    && !token.is_header()
                    && !is_date_only(line)
                {
                    self.rec
                        .apply(Set::MoreText(field, &markup::paragraph(line)), 0);
                    self.carry.continuation = Some(field);
                    continue;
                }
            }
            if let Some(p) = self.carry.pending.take() {
                if !known_first && (p.partial.is_none() || after_wrap) {
                    self.pending_value(p, i, line);
                    continue;
                }
                self.resolve_pending(p);
            }
            // The title a number line announced (`Question écrite n°200 :` alone) is the next
            // line by its place, even when it reads as an unknown label (`Maisons de santé :
            // aides à l'installation`).
            if self.wants.title
                && self.part == Part::Meta
                && unlabelled
                && first.is_some_and(|it| !it.label.is_empty())
                && !token.is_header()
            {
                self.wants.title = false;
                let title = markup::paragraph(line);
                self.rec
                    .apply(Set::Text(TextField::Title, &title), self.offset(i));
                self.carry.continuation = Some(TextField::Title);
                continue;
            }
            if self.structural(i, line, first) {
                continue;
            }
            match self.part {
                Part::QuestionText => self.push_text(i, false),
                Part::AnswerText => self.push_text(i, true),
                Part::Meta | Part::KeyBlock => {
                    let head = unlabelled
                        && first.is_none_or(|it| it.label.is_empty())
                        && self.lines.is_soft(i)
                        && !self.lines.has_tabs(i)
                        && label::is_label_head(line);
                    if head {
                        self.carry.label_head = Some(i);
                    } else {
                        self.line_items_from(i, line, start);
                    }
                }
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
                    self.go(Event::QuestionHeading);
                    self.heading_rest(i, line);
                    return true;
                }
                Some(Key::AnswerHeading | Key::Debate) => {
                    self.centred_row(i, line);
                    self.go(Event::AnswerHeading);
                    self.heading_rest(i, line);
                    return true;
                }
                Some(Key::DataBlock | Key::DatesBlock) if first.value.is_empty() => {
                    self.go(Event::KeyBlockHeading);
                    return true;
                }
                _ => {}
            }
        }
        let wrapped = first_it
            .as_ref()
            .is_none_or(|it| it.key.is_none())
            .then(|| self.wrapped_label(i, line))
            .flatten();
        let view = LineView {
            text: line,
            first: first_it.as_ref(),
            soft: self.lines.is_soft(i),
            part: self.part,
            author_expected: self.wants.author,
            wrapped,
        };
        if let Some(own) = self.rules.own_line(&view) {
            self.apply_own(own, offset);
            // (A line of no label of its own that the layout read: it read the wrapped label.)
            self.skip_next = wrapped.is_some();
            return true;
        }
        if next_state(self.part, Event::KeyDataLabel).is_some() {
            let key_line = first_it.is_some_and(|it| {
                it.key.is_some_and(is_key_block_key)
                    && (it.separated || text::chars_at_most(line, 79))
            });
            if key_line {
                self.go(Event::KeyDataLabel);
                self.line_items(i, line);
                return true;
            }
        }
        false
    }

    /// The label whose first words are line `i`, ended by the next line (a hard wrap cut it),
    /// as an item: the line as its label, the rest of the next line as its value.
    fn wrapped_label(&self, i: usize, line: &'l str) -> Option<(Item<'l>, bool)> {
        if !self.lines.is_soft(i) || i + 1 >= self.lines.len() || self.lines.has_tabs(i) {
            return None;
        }
        if !label::is_label_head(line) {
            return None;
        }
        let next = self.lines.get(i + 1);
        let (key, _, end) = label::label_rest(line, next)?;
        let rest = next[end..].trim_start();
        let sep = label::separator(rest);
        let value = sep.map_or(rest, |n| &rest[n..]).trim();
        let it = Item {
            key: Some(key),
            label: line.trim(),
            value,
            separated: sep.is_some(),
        };
        Some((it, self.lines.is_soft(i + 1)))
    }

    /// The cells after a text heading on its line (`Texte de la QUESTION : | text`).
    fn heading_rest(&mut self, i: usize, line: &str) {
        let mut cells = line.split('\t').map(str::trim).filter(|c| !c.is_empty());
        let first = cells.next().unwrap_or("");
        let after = label::known_label(first).map(|(_, len, _)| {
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
        let target = if self.part == Part::AnswerText {
            &mut self.answer
        } else {
            &mut self.question
        };
        target.push_cells(rest, false);
    }

    /// The record, once every line is read.
    fn finish(mut self, missing_at: usize, options: Options) -> Result<Question, ParseError> {
        if let Some(h) = self.carry.label_head.take() {
            self.line_items(h, self.lines.get(h));
        }
        if let Some(p) = self.carry.pending.take() {
            self.resolve_pending(p);
        }
        if let Some((prefix, offset, key)) = self.carry.author_prefix.take() {
            self.author_value(&prefix, offset, key);
        }
        // A Markdown document's texts: Markdown is looked for up to their last line (the lines
        // after them may be the next document's).
        let markdown = self.lines.any_markdown(self.text_to);
        self.question.set_markdown(markdown);
        self.answer.set_markdown(markdown);
        let wrapping = Wrapping::of(&[&self.question, &self.answer]);
        let texts = Set::Texts(
            self.rules.join(&self.question, wrapping),
            self.rules.join(&self.answer, wrapping),
        );
        self.rec.apply(texts, missing_at);
        if let Some(d) = self.seance_answer {
            if !self.rec.has_answer_published() {
                self.rec
                    .apply(Set::Published(Publication::Answer, d, None), missing_at);
            }
        }
        if self.rec.author_name().is_none() {
            if let Some((civ, name)) = self.rec.question_text().and_then(opening_name) {
                self.rec.apply(
                    Set::AuthorPart(AuthorPart::Civility, Some(civ.to_owned())),
                    missing_at,
                );
                self.rec
                    .apply(Set::AuthorPart(AuthorPart::Name, Some(name)), missing_at);
            }
        }
        self.rec
            .finish(self.rules.layout(), missing_at, options.is_strict())
    }
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

#[cfg(test)]
mod tests {
    /// A title that holds ` : ` is the title by its place: after the number line that announces
    /// it (markdownify's an-dyn page), or before the number line (a Sénat text).
    #[test]
    fn titles_holding_a_colon_are_titles_by_their_place() {
        let after = "Question écrite n°200 :\n                                Maisons de santé : aides à l'installation\n\n---\n\n\
                     16ème Législature\n\nQuestion de :\nMme Marie-Pierre Rixain (Ile-de-France - Renaissance)\n\n\
                     Mme Marie-Pierre Rixain appelle l'attention de M. le ministre sur les maisons de santé.\n";
        let q = crate::parse(after).unwrap();
        assert_eq!(
            q.title.as_deref(),
            Some("Maisons de santé : aides à l'installation")
        );
        assert_eq!(q.legislature, Some(16));
        assert_eq!(q.number, 200);
        assert!(q.other_fields.is_empty() && q.warnings.is_empty(), "{q:?}");
        // lynx: the title far right of the number, cut by the wrap before its ` : `.
        let lynx = format!(
            "   Question écrite n°200 :{}Maisons de\n   santé : aides à l'installation\n\n   16ème Législature\n\n\
             Question de : Mme Marie-Pierre Rixain (Ile-de-France - Renaissance)\n\n\
             Mme Marie-Pierre Rixain appelle l'attention de M. le ministre sur les maisons de santé.\n",
            " ".repeat(33)
        );
        let q = crate::parse(&lynx).unwrap();
        assert_eq!(
            q.title.as_deref(),
            Some("Maisons de santé : aides à l'installation")
        );
        assert!(q.other_fields.is_empty() && q.warnings.is_empty(), "{q:?}");
        let before = "Maisons de santé : aides à l'installation\n\n16e législature\n\n\
                      Question écrite n° 01342 de Mme Corinne Imbert (Charente-Maritime - Les Républicains) publiée le 05/01/2023\n\n\
                      Mme Corinne Imbert attire l'attention de M. le ministre sur les maisons de santé.\n";
        let q = crate::parse(before).unwrap();
        assert_eq!(
            q.title.as_deref(),
            Some("Maisons de santé : aides à l'installation")
        );
        assert!(q.other_fields.is_empty(), "{q:?}");
    }
}
