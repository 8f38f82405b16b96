//! What a document shows of its layout: its anchor, and the markers around it, looked for in
//! one pass over its lines the first time a layout asks (a layout that knows its documents by
//! their anchor alone never makes the pass).

use std::cell::OnceCell;

use super::senat;
use crate::grammar::label::{self, Key};
use crate::grammar::token::Tokens;
use crate::grammar::{common, Anchor};
use crate::markup::Lines;
use crate::Chamber;

/// A document's anchor and, on demand, its markers.
#[derive(Debug)]
pub(crate) struct Evidence<'d> {
    /// The document's anchor.
    pub(crate) anchor: Anchor,
    /// The document's source text.
    pub(crate) source: &'d str,
    lines: &'d Lines,
    tokens: &'d Tokens,
    /// The anchor's line.
    at: usize,
    markers: OnceCell<Markers>,
}

/// The markers of a document, up to the line that ends it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Markers {
    /// After a `Question N° :` or text-heading anchor: whether a text heading is written in
    /// capitals (`Texte de la QUESTION`, `DEBAT`).
    pub(crate) upper_headings: bool,
    /// After such an anchor: the legislature a line before the anchor states.
    pub(crate) legislature_before: Option<u32>,
    /// After another anchor: whether a line marks a Sénat page (`JO Sénat`); the pass stops there.
    pub(crate) senat_marker: bool,
    /// After another anchor: whether a line names the Assemblée.
    pub(crate) an_chamber: bool,
    /// After another anchor: whether a line states a legislature.
    pub(crate) legislature: bool,
    /// After another anchor: whether the `Données clés` or `Date(s) clé(s)` block is there.
    pub(crate) key_blocks: bool,
    /// The line that ends the document (chrome or a chamber line after the anchor, else the
    /// number of lines), when the pass went as far.
    pub(crate) end: Option<usize>,
}

impl<'d> Evidence<'d> {
    /// The evidence of the document `source` whose lines are `lines`, anchored at line `at`.
    pub(crate) fn new(
        source: &'d str,
        lines: &'d Lines,
        tokens: &'d Tokens,
        at: usize,
        anchor: Anchor,
    ) -> Self {
        Evidence {
            anchor,
            source,
            lines,
            tokens,
            at,
            markers: OnceCell::new(),
        }
    }

    /// The document's markers (the pass is made once).
    pub(crate) fn markers(&self) -> &Markers {
        self.markers.get_or_init(|| self.find_markers())
    }

    /// The line that ends the document, if the markers' pass found it.
    pub(crate) fn end(&self) -> Option<usize> {
        self.markers.get().and_then(|m| m.end)
    }

    /// Whether the anchor is `Question N° :` or a text heading (an-fiche, an-legacy, plain).
    pub(crate) fn numero(&self) -> bool {
        matches!(self.anchor, Anchor::Numero(_) | Anchor::TextHeading)
    }

    fn find_markers(&self) -> Markers {
        let (lines, at, numero) = (self.lines, self.at, self.numero());
        // The fiche's upper-case headings share this start: other lines are passed by one search.
        static HEADING: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new("Texte de la "));
        let mut m = Markers::default();
        let mut end = lines.len();
        for i in 0..lines.len() {
            let (l, token) = (lines.get(i), self.tokens.get(lines, i));
            if i > at && token.ends_document() {
                end = i;
                break;
            }
            if numero {
                m.upper_headings = m.upper_headings
                    || HEADING.find(l.as_bytes()).is_some()
                        && (l.contains("Texte de la QUESTION")
                            || l.contains("Texte de la REPONSE"))
                    || l.trim_start().starts_with("DEBAT");
            } else {
                if senat::is_senat_marker(l) {
                    m.senat_marker = true;
                    return m;
                }
                m.an_chamber = m.an_chamber || token.chamber() == Some(Chamber::An);
                m.legislature = m.legislature || token.is_legislature();
                m.key_blocks = m.key_blocks
                    || matches!(
                        // (Both labels start with a `D`: other cells are not read.)
                        token
                            .first_cell()
                            .filter(|c| c.starts_with(['D', 'd']))
                            .and_then(label::key_in_cell),
                        Some(Key::DataBlock | Key::DatesBlock)
                    );
            }
        }
        if numero {
            m.legislature_before = (0..at)
                .rev()
                .filter(|&i| self.tokens.get(lines, i).is_legislature())
                .find_map(|i| common::legislature_line(lines.get(i)))
                // Or the heading a converter joined to the anchor's line.
                .or_else(|| {
                    self.tokens
                        .get(lines, at)
                        .first_cell()
                        .and_then(super::an_fiche::joined_headings)
                        .and_then(|(legislature, _)| legislature)
                });
        }
        m.end = Some(end);
        m
    }
}
