//! Document boundaries for `parse_all`: where each document of an input starts.
//!
//! A saved HTML page (from a line starting with `<!DOCTYPE`, `<html` or `<?xml` to its
//! `</html>`) is one document. Elsewhere documents start at their anchor line (`Question écrite
//! n° …`, `Question N° : …`, `Question de :`, …), moved back over the lines that head them
//! (title, legislature, chamber), and never before the previous document's anchor. A second
//! anchor joins the current document when it cannot start one: the same number again before any
//! content (a breadcrumb), `Question de :` after an an-dyn number line, a first `Texte de la
//! question` heading.

use std::ops::Range;

#[cfg(test)]
use crate::chunk::chunks;
use crate::chunk::Chunk;
use crate::grammar::token::{Token, Tokens};
use crate::grammar::{self, label, name, Anchor};
use crate::markup::{self, Lines};

/// A document's lines and their tokens, shared with the text chunk it was found in.
pub(crate) type SharedLines = (Lines, Tokens);

/// A document found in the input: its byte range, and which of its text chunk's lines are its
/// own (when the document starts in a clean state there).
#[derive(Debug)]
struct Segment {
    range: Range<usize>,
    lines: Option<(usize, usize)>,
    /// A block of a Journal officiel issue, read already (layout `jo`).
    jo: Jo,
}

/// A block of a JO issue, read whole with its issue (see `grammar::jo`).
pub(crate) type Jo = Option<Box<grammar::jo::Block>>;

/// A document found: its byte range, its lines when the splitter has them, and the block read
/// already when it is a JO issue's.
pub(crate) type Found = (Range<usize>, Option<SharedLines>, Jo);

/// The segments of an input, found one text chunk at a time as they are asked for, so that a
/// long input holds the lines of one chunk, not of all.
#[derive(Debug)]
pub(crate) struct Splitter {
    chunks: std::vec::IntoIter<Chunk>,
    /// The segments found and not yet handed out: all from one chunk.
    segments: std::collections::VecDeque<Segment>,
    /// The start and lines of the text chunk the pending segments come from, to hand each
    /// document its own without reading it again.
    chunk_lines: Option<(usize, Lines, Tokens)>,
    /// Whether any segment was found.
    found: bool,
    /// The text's length, when an input in which no document starts is one document (a part
    /// of a streamed input says nothing of the whole: `None`).
    whole: Option<usize>,
}

impl Splitter {
    #[cfg(test)]
    pub(crate) fn new(text: &str) -> Splitter {
        Splitter::from_chunks(chunks(text.as_bytes()), Some(text.len()))
    }

    /// The splitter of a text already cut into pages and text stretches (see `chunk`).
    pub(crate) fn from_chunks(chunks: Vec<Chunk>, whole: Option<usize>) -> Splitter {
        Splitter {
            chunks: chunks.into_iter(),
            segments: std::collections::VecDeque::new(),
            chunk_lines: None,
            found: false,
            whole,
        }
    }

    /// The next document's byte range in `text` (the text the splitter was made for), and its
    /// lines and their tokens when the splitter has them.
    pub(crate) fn next_segment(&mut self, text: &str) -> Option<Found> {
        while self.segments.is_empty() {
            self.chunk_lines = None;
            match self.chunks.next() {
                Some(Chunk::Page(r)) => {
                    let start = r.start;
                    let (lines, tokens) = split_page(text, r, &mut self.segments);
                    self.chunk_lines = Some((start, lines, tokens));
                }
                Some(Chunk::Text(r)) => {
                    let start = r.start;
                    let (lines, tokens) = split_text(text, r, &mut self.segments);
                    self.chunk_lines = Some((start, lines, tokens));
                }
                // An input in which no document starts is one (failing) document.
                None if !self.found && self.whole.is_some() => self.segments.push_back(Segment {
                    range: 0..self.whole.unwrap_or(text.len()),
                    lines: None,
                    jo: None,
                }),
                None => return None,
            }
        }
        self.found = true;
        let seg = self.segments.pop_front()?;
        // Each document of a chunk shares the chunk's lines.
        let lines = match (seg.lines, &self.chunk_lines) {
            (Some((from, to)), Some((chunk_start, lines, tokens))) => Some((
                lines.window(from, to, seg.range.start - *chunk_start),
                tokens.window(from, to),
            )),
            _ => None,
        };
        Some((seg.range, lines, seg.jo))
    }

    /// How many documents remain after those handed out (splitting the rest of the text).
    pub(crate) fn count_rest(&mut self, text: &str) -> usize {
        std::iter::from_fn(|| self.next_segment(text)).count()
    }
}

/// A saved page is one document, but for a safety net: a line in anchor position that gives
/// a question number other than the one before it (two questions merged in one page, a page
/// whose end was lost) ends the document there (moved back over the next one's title and
/// headers, as in text); the rest is another document. A page's lines are read here once, and
/// handed to the document when it is the whole page.
fn split_page(
    text: &str,
    range: Range<usize>,
    out: &mut std::collections::VecDeque<Segment>,
) -> (Lines, Tokens) {
    let lines = markup::lines(&text[range.clone()]);
    let tokens = Tokens::of(&lines);
    let mut number: Option<(usize, u64)> = None;
    let mut cuts = Vec::new();
    for i in 0..lines.len() {
        let Some((a, n)) = tokens.anchor(i).and_then(|a| Some((a, a.number()?))) else {
            continue;
        };
        match number {
            Some((line, m)) if m != n => {
                let start = back_up(&lines, &tokens, i, a, line + 1);
                let src = lines.src_start(start);
                // At its source line's start, unless the page is one line there.
                let at = line_start(&text[range.clone()], src);
                let floor = cuts.last().map_or(0, |&c| c - range.start);
                cuts.push(range.start + if at > floor { at } else { src });
            }
            _ => {}
        }
        number = Some((i, n));
    }
    if cuts.is_empty() {
        out.push_back(Segment {
            range,
            lines: Some((0, lines.len())),
            jo: None,
        });
        return (lines, tokens);
    }
    let mut from = range.start;
    for cut in cuts.into_iter().chain(std::iter::once(range.end)) {
        if cut > from {
            out.push_back(Segment {
                range: from..cut,
                lines: None,
                jo: None,
            });
            from = cut;
        }
    }
    (lines, tokens)
}

/// What the current document has seen, to tell whether an anchor starts another.
#[derive(Debug, Clone, Copy)]
struct Current {
    anchor: Anchor,
    anchor_line: usize,
    number: Option<u64>,
    question_of: bool,
    text: bool,
    /// Whether an answer heading (`Texte de la réponse`, `DEBAT`) was seen.
    answer: bool,
    content: bool,
    /// The line of a text heading that joined the document after its content (its own text
    /// heading follows its number line), if one did: where a question may have started whose
    /// number line was lost.
    text_heading: Option<usize>,
}

impl Current {
    /// Takes in a line, not an anchor, of the current document: each fact is looked for
    /// until it is seen. Returns the start of the next document when the line shows one.
    fn see(&mut self, lines: &Lines, tokens: &Tokens, token: &Token<'_>) -> Option<usize> {
        if !self.content && !token.is_blank() && !token.is_header() && !token.is_chrome() {
            self.content = true;
        }
        // The safety net: after a text heading that joined the document after its content,
        // `Numéro de la question : N` with another number than the document's is the next
        // question, from that heading (files joined on a cut line). Elsewhere the number given
        // twice is one document's conflict, which the reader warns about.
        if let Some(n) = numbered_field(token.first_cell()) {
            if let (Some(from), true) = (self.text_heading, self.number.is_some_and(|m| m != n)) {
                let start = back_up(
                    lines,
                    tokens,
                    from,
                    Anchor::TextHeading,
                    self.anchor_line + 1,
                );
                *self = Current {
                    anchor: Anchor::TextHeading,
                    anchor_line: from,
                    number: Some(n),
                    question_of: false,
                    text: true,
                    answer: false,
                    content: false,
                    text_heading: None,
                };
                return Some(start);
            }
            self.number.get_or_insert(n);
        }
        if !self.answer
            && matches!(
                // (Both labels start with a `T` or a `D`: other cells are not read.)
                token
                    .first_cell()
                    .filter(|c| c.starts_with(['T', 't', 'D', 'd']))
                    .and_then(label::key_in_cell),
                Some(label::Key::AnswerHeading | label::Key::Debate)
            )
        {
            self.answer = true;
        }
        None
    }
}

/// Splits a text chunk at its documents' starts.
fn split_text(
    text: &str,
    range: Range<usize>,
    out: &mut std::collections::VecDeque<Segment>,
) -> (Lines, Tokens) {
    let text_of_chunk = &text[range.clone()];
    let lines = markup::lines(text_of_chunk);
    let tokens = Tokens::of(&lines);
    let mut starts: Vec<usize> = Vec::new();
    let mut cur: Option<Current> = None;
    for i in 0..lines.len() {
        let token = tokens.get(&lines, i);
        let Some(a) = token.anchor() else {
            if let Some(c) = &mut cur {
                if let Some(start) = c.see(&lines, &tokens, &token) {
                    starts.push(start);
                }
            }
            continue;
        };
        let joins = cur.is_some_and(|c| joins(&c, a));
        if joins {
            if let Some(c) = &mut cur {
                match a {
                    Anchor::QuestionOf => c.question_of = true,
                    Anchor::TextHeading => {
                        c.text = true;
                        c.text_heading = c.content.then_some(i);
                    }
                    _ => {}
                }
                if a.is_strong() && c.number.is_none() {
                    c.number = a.number();
                }
            }
            continue;
        }
        let floor = cur.map_or(0, |c| c.anchor_line + 1);
        let start = back_up(&lines, &tokens, i, a, floor);
        starts.push(start);
        cur = Some(Current {
            anchor: a,
            anchor_line: i,
            number: a.number(),
            question_of: matches!(a, Anchor::QuestionOf),
            text: matches!(a, Anchor::TextHeading) || start < i && trailer(&lines, start, i),
            answer: false,
            content: false,
            text_heading: None,
        });
    }
    // The chunk's JO issues (`(first line, Some(end))`) among its documents, each read whole.
    let bounds = grammar::jo::bounds(&lines, &starts);
    let starts: Vec<usize> = bounds.iter().map(|b| b.0).collect();
    let offsets: Vec<usize> = starts
        .iter()
        .map(|&i| range.start + line_start(text_of_chunk, lines.src_start(i)))
        .collect();
    for (k, &s) in offsets.iter().enumerate() {
        let e = offsets.get(k + 1).copied().unwrap_or(range.end);
        if let (Some(to), true) = (bounds[k].1, e > s) {
            let window = lines.window(starts[k], to, s - range.start);
            for (range, b) in grammar::jo::read(text, s..e, &window) {
                out.push_back(Segment {
                    range,
                    lines: None,
                    jo: Some(Box::new(b)),
                });
            }
        } else if e > s {
            let from = starts[k];
            // The lines that begin before the next document's first source line.
            let mut to = starts.get(k + 1).copied().unwrap_or(lines.len());
            while to > from && range.start + lines.src_start(to - 1) >= e {
                to -= 1;
            }
            // A document that starts in a clean state reuses the lines read here.
            let reuse = lines.is_clean(from).then_some((from, to));
            out.push_back(Segment {
                range: s..e,
                lines: reuse,
                jo: None,
            });
        }
    }
    (lines, tokens)
}

/// Whether anchor `a` belongs to the current document rather than starting another.
fn joins(c: &Current, a: Anchor) -> bool {
    match a {
        _ if a.is_strong() => c.number.is_some() && c.number == a.number() && !c.content,
        Anchor::QuestionOf => matches!(c.anchor, Anchor::KindNumberTitle(..)) && !c.question_of,
        Anchor::SenatAuthor => matches!(c.anchor, Anchor::KindNumber(..)) && !c.content,
        Anchor::TextHeading => {
            !c.text
                && !c.answer
                && !matches!(
                    c.anchor,
                    Anchor::KindNumberTitle(..)
                        | Anchor::QuestionOf
                        | Anchor::KindNumberAuthor(..)
                        | Anchor::SenatAuthor
                )
        }
        _ => false,
    }
}

/// The number of a `Numéro de la question : N` cell (the labelled number of an-current and
/// plain documents).
fn numbered_field(cell: Option<&str>) -> Option<u64> {
    let cell = cell.filter(|c| c.starts_with(['N', 'n']))?;
    let item = label::first_item_in_cell(cell)?;
    if item.key != Some(label::Key::NumberField) {
        return None;
    }
    match crate::grammar::common::question_number(item.value.trim()) {
        Ok((rest, n)) if rest.trim().is_empty() => Some(n),
        _ => None,
    }
}

/// Whether the lines `from..to` before an an-legacy number line hold the question (a copied
/// text whose number line trails it).
fn trailer(lines: &Lines, from: usize, to: usize) -> bool {
    (from..to).any(|i| name::opening_name(lines.get(i)).is_some())
}

/// The first line of the document whose anchor is line `at`, no earlier than `floor`.
fn back_up(lines: &Lines, tokens: &Tokens, at: usize, a: Anchor, floor: usize) -> usize {
    let blank = |i: usize| tokens.get(lines, i).is_blank();
    let header = |i: usize| tokens.get(lines, i).is_header() || tokens.get(lines, i).is_chrome();
    // Over blank and header lines.
    let over_headers = |mut s: usize| {
        while s > floor && (blank(s - 1) || header(s - 1)) {
            s -= 1;
        }
        while s < at && blank(s) {
            s += 1;
        }
        s
    };
    // The nearest non-blank line before `s`, if it can be a title.
    // On Sénat pages the legislature line may stand between the title and the number line.
    let skip_headers = matches!(a, Anchor::KindNumberAuthor(..));
    let title_before = |s: usize| -> Option<usize> {
        let mut t = s;
        while t > floor && (blank(t - 1) || skip_headers && tokens.get(lines, t - 1).is_header()) {
            t -= 1;
        }
        (t > floor && grammar::could_be_title(lines.get(t - 1)))
            .then(|| grammar::wrapped_title_start(lines, t - 1, floor))
    };
    match a {
        Anchor::Numero(_) => {
            if !heading_follows(lines, at) {
                let open = (floor..at)
                    .rev()
                    .find(|&i| name::opening_name(lines.get(i)).is_some());
                // The question's opening words under a title: a copied text.
                if let Some((_, t)) = open.and_then(|o| title_before(o).map(|t| (o, t))) {
                    let mut s = t;
                    {
                        // A date line above the title (`28-11-2013`).
                        let mut d = s;
                        while d > floor && blank(d - 1) {
                            d -= 1;
                        }
                        if d > floor && is_date_only(lines.get(d - 1)) {
                            s = d - 1;
                        }
                    }
                    return over_headers(s);
                }
            }
            over_headers(at)
        }
        Anchor::KindNumber(..) | Anchor::KindNumberAuthor(..) => match title_before(at) {
            Some(t) => over_headers(t),
            None => over_headers(at),
        },
        Anchor::QuestionOf => {
            if at > floor && !blank(at - 1) && grammar::could_be_title(lines.get(at - 1)) {
                at - 1
            } else {
                at
            }
        }
        Anchor::KindNumberTitle(..) | Anchor::SenatAuthor | Anchor::TextHeading => at,
    }
}

/// Whether a text heading follows an an-legacy number line within its metadata (labelled lines,
/// the author and kind cells, and the short ends of cells a text rendering wrapped), as on every
/// page; a copied text has its question before, and prose after its number line.
fn heading_follows(lines: &Lines, at: usize) -> bool {
    for i in (at + 1..lines.len())
        .filter(|&i| !grammar::text::is_blank(lines.get(i)))
        .take(30)
    {
        let line = lines.get(i);
        let Some(first) = label::first_item(line) else {
            continue;
        };
        if matches!(
            first.key,
            Some(label::Key::QuestionHeading | label::Key::AnswerHeading | label::Key::Debate)
        ) {
            return true;
        }
        let meta = !first.label.is_empty()
            || grammar::name::de_author(first.value).is_some()
            || grammar::common::kind_words(first.value).is_ok()
            || grammar::is_header_line(line)
            || grammar::text::chars_at_most(line.trim(), 40);
        if !meta {
            return false;
        }
    }
    false
}

fn is_date_only(line: &str) -> bool {
    let t = line.trim();
    matches!(grammar::date::date(t), Ok((rest, _)) if rest.trim().is_empty())
}

/// The start of the source line holding `offset`.
fn line_start(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    memchr::memrchr(b'\n', &text.as_bytes()[..offset]).map_or(0, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segments(text: &str) -> Vec<&str> {
        let mut s = Splitter::new(text);
        let mut out = Vec::new();
        while let Some((r, _, _)) = s.next_segment(text) {
            out.push(&text[r]);
        }
        out
    }

    #[test]
    fn text_documents() {
        let two = "Titre un\nQuestion écrite n° 1\nTexte de la question\nM. A B demande.\nTitre deux\nQuestion écrite n° 2\nTexte de la question\nMme C D demande.\n";
        assert_eq!(
            segments(two),
            [
                "Titre un\nQuestion écrite n° 1\nTexte de la question\nM. A B demande.\n",
                "Titre deux\nQuestion écrite n° 2\nTexte de la question\nMme C D demande.\n"
            ]
        );
    }

    #[test]
    fn front_matter_yields_nothing_and_no_document_yields_one() {
        assert_eq!(
            segments("Sommaire\n\nRubrique : x\n\nQuestion écrite n° 1\nTexte\n"),
            ["Question écrite n° 1\nTexte\n"]
        );
        let text = "Bonjour\n";
        let mut s = Splitter::new(text);
        assert_eq!(s.next_segment(text).map(|(r, _, _)| r), Some(0..8));
        assert!(s.next_segment(text).is_none());
        let text =
            "Question écrite n° 1\nx\n<html><p>Question N° 2</p></html>\nQuestion écrite n° 3\n";
        let mut s = Splitter::new(text);
        assert!(s.next_segment(text).is_some());
        assert_eq!(s.count_rest(text), 2);
    }

    /// Markup left open in one document of a text (a stray `<footer>`: a cut or joined file)
    /// ends with its block, so the document after the blank line is still found.
    #[test]
    fn an_element_left_open_does_not_hide_the_next_document() {
        let text = "Titre un\nQuestion écrite n° 1\nTexte de la question\nM. A B <footer>demande.\n\nTitre deux\nQuestion écrite n° 2\nTexte de la question\nMme C D demande.\n";
        let got = segments(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[1].starts_with("Titre deux\n"), "{got:?}");
    }

    /// The safety net: a second question's number in a page starts another document.
    #[test]
    fn a_page_that_holds_two_questions() {
        let text = "<html><body><h1>Titre un</h1><p>Question écrite n° 1</p><p>Question écrite n° 1</p><p>M. A B demande.</p>\n<h1>Titre deux</h1>\n<p>Question écrite n° 2</p><p>Mme C D demande.</p></body></html>\n";
        let got = segments(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[1].starts_with("<h1>Titre deux"), "{got:?}");
    }

    /// The safety net in text: a `Numéro de la question` with another number than the
    /// document's starts the next document from the text heading that joined this one (a file
    /// cut before its own heading, joined to one that starts with its text heading).
    #[test]
    fn a_numbered_field_with_another_number_starts_a_document() {
        let text = "Question N° : 1\tDe M. A B\tQuestion écrite\nM. A B demande.\nTexte de la question\nMme C D demande.\nNuméro de la question : 2\n";
        assert_eq!(
            segments(text),
            [
                "Question N° : 1\tDe M. A B\tQuestion écrite\nM. A B demande.\n",
                "Texte de la question\nMme C D demande.\nNuméro de la question : 2\n"
            ]
        );
        // The document's own number, given again, is no other document; nor is another number
        // after the document's own text heading (a conflict in one document, not a join).
        let text = "Question écrite n° 1\nTexte de la question\nM. A B demande.\nNuméro de la question : 1\n";
        assert_eq!(segments(text), [text]);
        let text = "Question écrite n° 1\n\nTexte de la question\nM. A B demande.\nNuméro de la question : 2\n";
        assert_eq!(segments(text), [text]);
    }

    #[test]
    fn pages() {
        let text = "<html><body><p>Question N° 1</p></body></html>\n<!DOCTYPE html>\n<html>\n<p>Question N° 2</p>\n</html>\nQuestion écrite n° 3\n";
        assert_eq!(segments(text).len(), 3);
    }
}
