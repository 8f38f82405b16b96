//! The grammar: a document's visible lines (from [`crate::markup`]) are classified by the line
//! productions of each layout module and read by one walk that every layout shares, each layout
//! module deciding what its own lines mean.
//!
//! - [`text`], [`date`], [`name`], [`common`], [`label`]: primitives shared by every layout.
//! - [`an_fiche`], [`an_legacy`], [`an_dyn`], [`an_current`], [`plain`], [`senat`]: one module
//!   per layout, each with the productions of its own lines.

pub(crate) mod an_current;
pub(crate) mod an_dyn;
pub(crate) mod an_fiche;
pub(crate) mod an_legacy;
pub(crate) mod common;
pub(crate) mod date;
pub(crate) mod jo;
pub(crate) mod label;
pub(crate) mod name;
pub(crate) mod plain;
pub(crate) mod senat;
pub(crate) mod text;

mod walk;

pub(crate) use walk::parse_document;

use crate::Kind;

/// How a document announces itself: the line that starts a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// `Question N° : 13927` (an-fiche, an-legacy).
    Numero(u64),
    /// `Question écrite n° 2621` alone (an-current, plain, or a Sénat number line).
    KindNumber(Option<Kind>, u64),
    /// `Question écrite n°200 :` + title (an-dyn).
    KindNumberTitle(Option<Kind>, u64),
    /// `Question écrite n° 01342 de Mme X (Département - Groupe)` (senat).
    KindNumberAuthor(Option<Kind>, u64),
    /// `Question de M. NOM Prénom (Département - Groupe) publiée le …` (older senat pages).
    SenatAuthor,
    /// `Question de :` (an-dyn) with no number before it.
    QuestionOf,
    /// `Texte de la question` with no number before it.
    TextHeading,
}

impl Anchor {
    /// The question number the anchor gives, if any.
    pub(crate) fn number(self) -> Option<u64> {
        match self {
            Anchor::Numero(n)
            | Anchor::KindNumber(_, n)
            | Anchor::KindNumberTitle(_, n)
            | Anchor::KindNumberAuthor(_, n) => Some(n),
            _ => None,
        }
    }

    /// Whether the anchor gives a number (a strong start).
    pub(crate) fn is_strong(self) -> bool {
        self.number().is_some()
    }
}

/// The anchor a line is, if any (the `alt` over every layout's number line).
pub(crate) fn anchor(line: &str) -> Option<Anchor> {
    anchor_in_cell(crate::markup::first_cell(line)?)
}

/// [`anchor`] of a line whose first cell (see [`crate::markup::first_cell`]) is `first`.
pub(crate) fn anchor_in_cell(first: &str) -> Option<Anchor> {
    if !first.starts_with(['Q', 'q', 'T', 't']) {
        return None;
    }
    if let Some(a) = an_legacy::anchor(first) {
        return Some(a);
    }
    // `Question … n°N` is read once; each layout then says what must follow it.
    match common::kind_number(first) {
        Ok((rest, (kind, n))) => an_dyn::anchor_after_number(rest, kind, n)
            .or_else(|| senat::anchor_after_number(rest, kind, n))
            .or_else(|| an_current::anchor_after_number(rest, kind, n)),
        Err(_) => an_dyn::anchor_unnumbered(first).or_else(|| senat::anchor_unnumbered(first)),
    }
    .or_else(|| text_heading_anchor(first))
}

fn text_heading_anchor(cell: &str) -> Option<Anchor> {
    let (key, len, _) = label::known_label(cell)?;
    let rest = cell[len..].trim();
    (key == label::Key::QuestionHeading && (rest.is_empty() || rest.starts_with(':')))
        .then_some(Anchor::TextHeading)
}

/// Whether a line is a header line that may stand before a document's anchor (chamber,
/// legislature, `FICHE QUESTION`).
pub(crate) fn is_header_line(line: &str) -> bool {
    common::chamber_line(line).is_some()
        || common::legislature_line(line).is_some()
        || text::match_folded(line.trim(), "FICHE QUESTION").is_some_and(|l| l == line.trim().len())
}

/// Whether a line could be a title: not blank, not chrome, not a header line, not labelled, and
/// not a paragraph of text (titles are short, end with no sentence punctuation and do not open
/// with a civility and a name).
pub(crate) fn could_be_title(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && !common::is_chrome(t)
        && !is_header_line(t)
        && anchor(t).is_none()
        && !t.ends_with(['.', '?', '!', ';', ':', '…'])
        && text::chars_at_most(t, 250)
        && name::opening_name(t).is_none()
        && !label::items(t).iter().any(|i| i.key.is_some())
}
