//! # asalee-core
//!
//! Reads French parliamentary questions (questions écrites, orales sans débat, au Gouvernement;
//! Assemblée nationale and Sénat) in whatever form people hold them (saved HTML pages of every
//! generation of the sites, fragments, Markdown, plain text, text copied from Journal officiel
//! PDFs, Windows-1252 bytes, many documents in one file) and returns one typed [`Question`] per
//! question.
//!
//! ```
//! let text = "\
//! ASSEMBLÉE NATIONALE
//! 17ème législature
//! Accès aux soins dans le Jura
//! Question écrite n° 2621
//! Texte de la question
//! Mme Danielle Brulebois attire l'attention de Mme la ministre sur l'accès aux soins.
//! Données clés
//! Rubrique : Professions de santé
//! Date(s) clé(s)
//! Question publiée au JO le : 3 décembre 2024, page 6403
//! ";
//! let q = asalee_core::parse(text)?;
//! assert_eq!(q.uid.as_deref(), Some("QANR5L17QE2621"));
//! assert_eq!(q.number, 2621);
//! assert_eq!(q.author.unwrap().name.as_deref(), Some("Danielle Brulebois"));
//! assert_eq!(q.question_published.unwrap().date.to_string(), "2024-12-03");
//! assert_eq!(q.layout, asalee_core::Layout::AnCurrent);
//! # Ok::<(), asalee_core::ParseError>(())
//! ```
//!
//! # The record
//!
//! A [`Question`] has the SPEC's fields in the SPEC's order: `uid` (the AN open-data identifier
//! `QANR5L{legislature}{kind}{number}`, when all three and the chamber are known), `chamber`,
//! `legislature`, `kind` ([`Kind`]: `QE`, `QOSD`, `QG`), `number` (always present), `title`,
//! `author` ([`Author`]: civility, name as written, group, department, constituency, region),
//! `ministry_asked`, `ministry_answering`, `rubric`, `analysis_heading`, `analysis` (as written),
//! `question_published` / `answer_published` ([`JoRef`]: a [`Date`] and a page), `flagged_on`,
//! `reassigned_on`, `renewed_on`, `closed` ([`Closed`]), `errata` ([`Erratum`]), `question_text`
//! and `answer_text` (paragraphs joined by `\n`), `other_fields` (every labelled line it does not
//! know, [`OtherField`]), `warnings` ([`Warning`]) and `layout` ([`Layout`]). What the document does
//! not give is `None` (an empty list): nothing is inferred that the page does not state.
//! [`Question::to_json`] writes the SPEC's JSON.
//!
//! # Layouts
//!
//! Each layout is recognised by its own lines, in any rendering (a whole saved page with its
//! navigation, a fragment, Markdown, text from a browser or a PDF):
//!
//! | [`Layout`] | markers |
//! |---|---|
//! | `an-fiche` | `FICHE QUESTION` pages up to the 11th legislature: `Question N° : 450`, `<nat>QE</nat>`, `de Mme Jacquaint Muguette ( Communiste - Seine-Saint-Denis )`, `Texte de la QUESTION :`, `DEBAT :` |
//! | `an-legacy` | legislatures 12–16: `Question N° 3200`, `Ministère interrogé > Économie et finances`, `Question publiée au JO le : 21/08/2012 page : 4774`, `Texte de la question` |
//! | `an-dyn` | `/dyn` pages: `Question écrite n°200 : Agriculture biologique`, `Question de : Mme X (Région - Groupe)`, `Réponse publiée le 27 septembre 2022`, `Données clés` |
//! | `an-current` | 17th legislature: `ASSEMBLÉE NATIONALE`, `17ème législature`, title, `Question écrite n° 2621`, `Données clés`, `Date(s) clé(s)` |
//! | `plain` | a bare text copy: title, `Question écrite n° 9521`, hard-wrapped paragraphs |
//! | `senat` | `Question écrite n° 01342 de Mme X (Département - Groupe)`, `publiée dans le JO Sénat du 17/10/2024 - page 3968`, `Réponse du Ministère de …`; older `Question de M. NOM Prénom (…) publiée le …` |
//! | `an-opendata` | the AN's open-data exports, JSON or XML: `{"question": {"uid": "QANR5L16QG1", …}}`, whole legislatures (`questionsEcrites` → a list of `question`), one question a line |
//! | `an-xml` | the AN site's older per-question XML: `<QUESTION TYPE="QE">`, `<DEPOT NUMERO="47351">`, CDATA texts |
//! | `jo` | the text of a Journal officiel "Questions" issue, every block a document: `91355. – 1er décembre 2015. – M. …`, `Réponse. – …`, ministry headings in capitals, running heads with page numbers |
//!
//! ```
//! use asalee_core::{parse, Layout};
//! let fiche = "<TR><TD>Question N° : <NUM>176</NUM></TD><TD>de <CIV>M.</CIV> <AUT>Jacquot Alain</AUT> \
//!     ( <GROUPE>RPR</GROUPE> - <DEPT>Vosges</DEPT> )</TD><TD><NAT>QOSD</NAT></TD></TR>\
//!     <TR><TD>Question retirée le : ( Retrait à l'initiative de l'auteur )</TD></TR>";
//! let q = parse(fiche).unwrap();
//! assert_eq!(q.layout, Layout::AnFiche);
//! assert_eq!(q.closed.unwrap().reason.as_deref(), Some("Retrait à l'initiative de l'auteur"));
//!
//! let senat = "Question écrite n° 01342 de Mme Solène Marquet-Ribeiro (Lot-et-Garonne - UC)\n\
//!     publiée dans le JO Sénat du 17/10/2024 - page 3968\n\
//!     Mme Solène Marquet-Ribeiro attire l'attention de Mme la ministre.\n";
//! let q = parse(senat).unwrap();
//! assert_eq!((q.layout, q.number), (Layout::Senat, 1342));
//! assert_eq!(q.author.unwrap().department.as_deref(), Some("Lot-et-Garonne"));
//! ```
//!
//! # Errors, warnings and strict mode
//!
//! A document fails ([`ParseError`], kinds in [`ErrorKind`]) only when it is not a question
//! document at all, has no question number, or has neither a question text nor an answer text
//! (a withdrawn or lapsed question may have none). The error gives a 1-based line and column in
//! characters of the original input, where the missing thing was expected, and says what was
//! missing. Everything else that is odd is a [`Warning`] with its line: an unknown label (kept in
//! `other_fields`), a date or number that cannot be read, the same fact given twice with different
//! values (the first is kept). [`Options::strict`] turns every warning into an error at its line.
//!
//! # Guarantees
//!
//! No input makes the parser panic, hang or take more than time linear in its size: the reader is
//! one pass over the lines with an explicit state (no recursion that grows with the input), and
//! `parse_all` numbers lines incrementally across documents. In [`parse_all`] one bad document
//! yields its own error and the others go on.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod archive;
mod chunk;
mod date;
mod decode;
mod error;
mod grammar;
mod markup;
mod opendata;
mod position;
mod question;
mod record;
pub mod schema;
mod stream;
pub mod table;

pub use crate::archive::{folder_skip, is_document_name};
pub use crate::date::{Date, InvalidDate};
pub use crate::decode::{decode, Encoding};
pub use crate::error::{ErrorKind, ParseError};
pub use crate::question::{
    Author, Chamber, Closed, Erratum, ErratumOf, JoRef, Kind, Layout, OtherField, Question,
    UnknownCode, Warning,
};
pub use crate::stream::ParseReader;

use std::borrow::Cow;

/// How to parse: the default is lenient (odd things become [`Warning`]s).
///
/// ```
/// use asalee_core::Options;
/// let strict = Options::new().strict(true);
/// assert!(strict.is_strict());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    strict: bool,
}

impl Options {
    /// The default options: not strict.
    pub const fn new() -> Options {
        Options { strict: false }
    }

    /// In strict mode every warning is a [`ParseError`] of kind [`ErrorKind::Strict`] at the
    /// warning's line.
    pub const fn strict(mut self, strict: bool) -> Options {
        self.strict = strict;
        self
    }

    /// Whether strict mode is on.
    pub const fn is_strict(&self) -> bool {
        self.strict
    }

    /// Parses one document; see [`parse`].
    pub fn parse(&self, input: &str) -> Result<Question, ParseError> {
        parse_one(decode::decode_input(input.as_bytes()), *self)
    }

    /// Parses one document given as bytes; see [`parse_bytes`].
    pub fn parse_bytes(&self, input: &[u8]) -> Result<Question, ParseError> {
        parse_one(decode::decode_input(input), *self)
    }

    /// Parses every document of an input; see [`parse_all`].
    pub fn parse_all<'a>(&self, input: &'a str) -> ParseAll<'a> {
        ParseAll::new(decode::decode_input(input.as_bytes()), *self)
    }

    /// Parses every document of an input given as bytes; see [`parse_all`].
    pub fn parse_all_bytes<'a>(&self, input: &'a [u8]) -> ParseAll<'a> {
        ParseAll::new(decode::decode_input(input), *self)
    }

    /// Parses every document read from `reader`; see [`parse_reader`].
    pub fn parse_reader<R: std::io::Read>(&self, reader: R) -> ParseReader<R> {
        ParseReader::new(reader, *self)
    }
}

/// Parses one document into a [`Question`].
///
/// The document may be a whole saved page, a fragment, Markdown or text, of any layout of the
/// SPEC. It fails when the input is not a question document, has no question number, or has
/// neither a question text nor an answer text (unless it was withdrawn or lapsed). When the input
/// holds more than one document, the first is returned with a warning at the line where the
/// next one starts ([`parse_all`] reads them all).
pub fn parse(input: &str) -> Result<Question, ParseError> {
    Options::new().parse(input)
}

/// Parses one document given as bytes: UTF-8 with or without BOM, else Windows-1252.
///
/// ```
/// let page = b"Question \xE9crite n\xB0 7\nTexte de la question\nM. Jean Dupont demande.\n";
/// let q = asalee_core::parse_bytes(page).unwrap();
/// assert_eq!(q.number, 7);
/// ```
pub fn parse_bytes(input: &[u8]) -> Result<Question, ParseError> {
    Options::new().parse_bytes(input)
}

/// Parses every document of an input that holds several (pages concatenated, an export).
///
/// Yields one result per document, in order; a bad document yields its own error and the others
/// go on. Text before the first document yields nothing; an input in which no document starts
/// yields exactly one error.
///
/// ```
/// let two = "Question écrite n° 1\nTexte de la question\nM. A B demande.\n\
///            Question écrite n° 2\nTexte de la question\nMme C D demande.\n";
/// let numbers: Vec<u64> = asalee_core::parse_all(two).map(|r| r.unwrap().number).collect();
/// assert_eq!(numbers, [1, 2]);
/// ```
pub fn parse_all(input: &str) -> ParseAll<'_> {
    Options::new().parse_all(input)
}

/// Parses every document of an input given as bytes; see [`parse_all`] and [`parse_bytes`].
///
/// Each saved page is decoded by its own bytes (UTF-8 when they are, else the encoding it
/// declares, else Windows-1252) and each line of text by its own, so that pages and files of
/// different encodings joined in one input each read right; when text in UTF-8 with accents came
/// before, a document read in another encoding says so in a warning.
pub fn parse_all_bytes(input: &[u8]) -> ParseAll<'_> {
    Options::new().parse_all_bytes(input)
}

/// Parses every document read from `reader` (a file, standard input, a socket), a block at a
/// time: yields exactly what [`parse_all_bytes`] yields on the whole input (the same results,
/// lines, columns and byte offsets), with memory bounded by the largest document rather than the
/// input. A zip archive (`PK\x03\x04` first) is read member by member, each member parsed as
/// its own input ([`ParseReader::member`], [`ParseError::member`] name it). A read error ends the
/// iteration with an error of kind [`ErrorKind::Io`], after the documents read whole before it.
///
/// ```
/// let input = "Question écrite n° 1\nTexte de la question\nM. A B demande.\n\
///              Question écrite n° 2\nTexte de la question\nMme C D demande.\n";
/// let numbers: Vec<u64> = asalee_core::parse_reader(input.as_bytes())
///     .map(|r| r.unwrap().number)
///     .collect();
/// assert_eq!(numbers, [1, 2]);
/// ```
pub fn parse_reader<R: std::io::Read>(reader: R) -> ParseReader<R> {
    Options::new().parse_reader(reader)
}

/// One document: the first of the input, with a warning when more follow.
fn parse_one(decoded: decode::Decoded<'_>, options: Options) -> Result<Question, ParseError> {
    let mut all = ParseAll::new(decoded, Options::new());
    let first = all
        .next()
        .unwrap_or_else(|| unreachable_no_document(all.text()));
    let mut q = first?;
    if all.open.is_reading() {
        // The open data's other questions (a whole legislature), and any document after them.
        let more = all.by_ref().count();
        if more > 0 {
            q.warnings.push(Warning {
                line: all.line_of_offset.1,
                message: format!("{more} more document(s) follow; parse reads the first (use parse_all for every one)"),
            });
        }
    } else if let Some((next, _, _)) = all.splitter.next_segment(&all.text) {
        let mut lines = position::LineCounter::new(all.text());
        let line = lines.line(next.start);
        let more = 1 + all.splitter.count_rest(&all.text);
        q.warnings.push(Warning {
            line,
            message: format!("{more} more document(s) start here; parse reads the first (use parse_all for every one)"),
        });
    }
    if options.is_strict() {
        if let Some(w) = q.warnings.first() {
            let mut lines = position::LineCounter::new(all.text());
            let offset = lines.line_start(w.line);
            return Err(ParseError::new(
                ErrorKind::Strict,
                format!("strict mode: {}", w.message),
                lines.position(offset),
            ));
        }
    }
    Ok(q)
}

/// The splitter always yields at least one segment; this is its error should it not.
fn unreachable_no_document(text: &str) -> Result<Question, ParseError> {
    Err(ParseError::new(
        ErrorKind::NotAQuestion,
        "not a question document",
        position::Position::of(text, 0),
    ))
}

/// The iterator of [`parse_all`]: one `Result` per document, in order.
#[derive(Debug)]
pub struct ParseAll<'a> {
    text: Cow<'a, str>,
    options: Options,
    splitter: grammar::split::Splitter,
    /// Open data (JSON, or XML the splitter found), read before anything else.
    open: opendata::Hook,
    offset: usize,
    line_of_offset: (usize, usize),
    /// Parts read in another encoding than the text before them (their documents say so).
    mixed: Vec<decode::Mixed>,
}

impl<'a> ParseAll<'a> {
    fn new(decoded: decode::Decoded<'a>, options: Options) -> ParseAll<'a> {
        let whole = Some(decoded.text.len());
        ParseAll::of_parts(decoded, options, whole, 1)
    }

    /// The documents of a decoded text whose first line is `first_line` of the input; `whole`
    /// as in [`grammar::split::Splitter::from_chunks`].
    pub(crate) fn of_parts(
        decoded: decode::Decoded<'a>,
        options: Options,
        whole: Option<usize>,
        first_line: usize,
    ) -> ParseAll<'a> {
        let chunks = opendata::split_chunks(&decoded.text, decoded.chunks);
        ParseAll {
            splitter: grammar::split::Splitter::from_chunks(chunks, whole),
            text: decoded.text,
            options,
            open: opendata::Hook::default(),
            offset: 0,
            line_of_offset: (0, first_line),
            mixed: decoded.mixed,
        }
    }

    /// The byte offset, in the decoded text, where the document last returned began (0 before the
    /// first).
    pub fn byte_offset(&self) -> usize {
        self.offset
    }

    /// The decoded text the documents are read from (what [`ParseError::byte_offset`] counts in).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The next document's range and lines, not parsed yet.
    pub(crate) fn next_segment(&mut self) -> Option<grammar::split::Found> {
        self.splitter.next_segment(&self.text)
    }

    /// The line of `start`, the start of the document about to be read (counted from where the
    /// last document started, so that a long input costs linear time).
    fn locate(&mut self, start: usize) -> usize {
        self.offset = start;
        let (from, line) = self.line_of_offset;
        let line = line + position::line_ends(&self.text.as_bytes()[from..start]);
        self.line_of_offset = (start, line);
        line
    }

    /// Whether a document the splitter found is open data (a question, a whole legislature):
    /// then its questions come from [`ParseAll::next_open`], not [`ParseAll::parse_segment`].
    pub(crate) fn begin_open(&mut self, found: &grammar::split::Found) -> bool {
        let line = self.locate(found.0.start);
        self.open.begin(&self.text, found.0.clone(), line)
    }

    /// The next question of the open data being read, if any.
    pub(crate) fn next_open(&mut self) -> Option<Result<Question, ParseError>> {
        if !self.open.is_reading() {
            return None;
        }
        self.open.next(&self.text, self.options)
    }

    /// Parses a document the splitter found.
    pub(crate) fn parse_segment(
        &mut self,
        (segment, lines, jo): grammar::split::Found,
    ) -> Result<Question, ParseError> {
        let line = self.locate(segment.start);
        let counter = position::LineCounter::at(&self.text, segment.start, line);
        let result = match jo {
            Some(block) => grammar::jo::finish(*block, counter, self.options),
            None => {
                grammar::parse_document(&self.text, segment.clone(), lines, counter, self.options)
            }
        };
        self.mixed_warning(segment, line, result)
    }

    /// A document with a part read in another encoding than the text before it says so.
    fn mixed_warning(
        &self,
        segment: std::ops::Range<usize>,
        line: usize,
        result: Result<Question, ParseError>,
    ) -> Result<Question, ParseError> {
        let Ok(mut q) = result else { return result };
        let first = self.mixed.partition_point(|m| m.range.end <= segment.start);
        let Some(m) = self
            .mixed
            .get(first)
            .filter(|m| m.range.start < segment.end)
        else {
            return Ok(q);
        };
        let mut counter = position::LineCounter::at(&self.text, segment.start, line);
        let position = counter.position(m.range.start.max(segment.start));
        if self.options.is_strict() {
            return Err(ParseError::new(
                ErrorKind::Strict,
                format!("strict mode: {}", m.message()),
                position,
            ));
        }
        let at = q.warnings.partition_point(|w| w.line <= position.line);
        q.warnings.insert(
            at,
            Warning {
                line: position.line,
                message: m.message(),
            },
        );
        Ok(q)
    }
}

impl Iterator for ParseAll<'_> {
    type Item = Result<Question, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(r) = self.next_open() {
                return Some(r);
            }
            let found = self.next_segment()?;
            if !self.begin_open(&found) {
                return Some(self.parse_segment(found));
            }
        }
    }
}

impl std::iter::FusedIterator for ParseAll<'_> {}

/// The README's examples, run as doc-tests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// The project README's Rust example, run as a doc-test.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ProjectReadmeDoctests;
