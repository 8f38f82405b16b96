//! The layouts: one module per layout, each owning every rule that is its own (its anchor line,
//! the markers that recognise it, the order of an author's parenthesised parts, its own lines
//! such as the Sénat's publication lines or an-dyn's answer lines, how its texts' lines join),
//! behind one interface, [`Rules`], which the layout-agnostic reader asks.
//!
//! # Adding a layout
//!
//! 1. A `Layout` variant in `question.rs` (the record's `layout` value).
//! 2. A module here with a unit struct implementing [`Rules`]: `layout()`, `recognises()`, and
//!    whichever of the other methods its documents need (each has the default most layouts
//!    share).
//!    Every anchor so far starts with `Question`: `grammar::anchor_in_cell` reads only the cells
//!    starting with a `Q` (or `Texte`, the text heading); a layout whose anchor starts otherwise
//!    widens that test.
//! 3. One line in [`REGISTRY`], at the place where its anchor and its recognition are tried
//!    (the first layout whose [`Rules::anchor`] reads a line gives the anchor; the first whose
//!    [`Rules::recognises`] accepts a document is its layout; `plain`, which accepts every
//!    document, stays last).
//!
//! ```text
//! pub(crate) struct Jo;
//! impl Rules for Jo {
//!     fn layout(&self) -> Layout { Layout::Jo }
//!     fn anchor(&self, cell: &str, numbered: Option<Numbered<'_>>) -> Option<Anchor> { … }
//!     fn recognises(&self, doc: &Evidence<'_>) -> bool { … }
//!     fn anchor_facts<'l>(&self, anchor: Anchor, cell: &'l str) -> Vec<Fact<'l>> { … }
//!     fn own_line<'l>(&self, line: &LineView<'l, '_>) -> Option<Own<'l>> { … }
//! }
//! ```
//!
//! The reader ([`crate::grammar::reader`]) knows no layout: it applies the [`Fact`]s a layout's
//! lines give and moves between the parts of a document by one table
//! (`reader::state::next_state`); a layout's own line opens a part with [`Own::opens`].

pub(crate) mod an_current;
pub(crate) mod an_dyn;
pub(crate) mod an_fiche;
pub(crate) mod an_legacy;
pub(crate) mod plain;
pub(crate) mod senat;

mod evidence;

pub(crate) use evidence::Evidence;

use super::fact::{Fact, Own, Part};
use super::label::Item;
use super::paragraphs::{self, Paras, Wrapping};
use super::Anchor;
use crate::{Chamber, Kind, Layout};

/// Every layout, in the order their anchors and recognitions are tried.
pub(crate) static REGISTRY: &[&dyn Rules] = &[
    &an_fiche::AnFiche,
    &an_legacy::AnLegacy,
    &an_dyn::AnDyn,
    &senat::Senat,
    &an_current::AnCurrent,
    &plain::Plain,
];

/// The rules of a layout.
#[cfg(test)]
pub(crate) fn rules(layout: Layout) -> &'static dyn Rules {
    REGISTRY
        .iter()
        .copied()
        .find(|r| r.layout() == layout)
        .unwrap_or(&plain::Plain)
}

/// The layout of a document: the first of the [`REGISTRY`] that recognises it.
pub(crate) fn recognise(doc: &Evidence<'_>) -> &'static dyn Rules {
    REGISTRY
        .iter()
        .copied()
        .find(|r| r.recognises(doc))
        .unwrap_or(&plain::Plain)
}

/// A line's `Question … n°N`, read once for every layout: what follows it, the kind and the
/// number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Numbered<'a> {
    /// What follows the number on the cell.
    pub(crate) rest: &'a str,
    /// The kind the words give, if any.
    pub(crate) kind: Option<Kind>,
    /// The question number.
    pub(crate) number: u64,
}

/// How a layout orders the two parts inside an author's parentheses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AuthorOrder {
    /// `( Groupe - Département )` (an-fiche, an-legacy).
    GroupDepartment,
    /// `(Département - Groupe)` (senat).
    DepartmentGroup,
    /// `(Région - Groupe)` (an-dyn, an-current, plain).
    RegionGroup,
}

/// A line as a layout's [`Rules::own_line`] sees it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineView<'l, 'a> {
    /// The line (cells separated by `\t`).
    pub(crate) text: &'l str,
    /// The first item of its first cell, if it has one.
    pub(crate) first: Option<&'a Item<'l>>,
    /// Whether a text line break ended it (it may be hard-wrapped).
    pub(crate) soft: bool,
    /// The part of the document the reader is in.
    pub(crate) part: Part,
    /// Whether the reader expects the author's line (after an-dyn's `Question de :`).
    pub(crate) author_expected: bool,
    /// When the line is only a label's first words and the next line ends the label (a hard
    /// wrap cut it): the label's item (the line as its label, the next line's rest as its value)
    /// and whether a text line break ended the next line. A layout that reads it has read the
    /// next line too.
    pub(crate) wrapped: Option<(Item<'l>, bool)>,
}

/// What the reader asks of a layout. Every method but [`Rules::layout`] and
/// [`Rules::recognises`] has the default most layouts share.
pub(crate) trait Rules: Sync {
    /// The layout these rules read.
    fn layout(&self) -> Layout;

    /// The anchor a line's first cell is in this layout, if it is one; `numbered` is the cell's
    /// `Question … n°N` when it starts with one.
    fn anchor(&self, cell: &str, numbered: Option<Numbered<'_>>) -> Option<Anchor> {
        let _ = (cell, numbered);
        None
    }

    /// Whether a document, known by its anchor and its markers, is of this layout.
    fn recognises(&self, doc: &Evidence<'_>) -> bool;

    /// The chamber every document of the layout belongs to, if the layout tells.
    fn chamber(&self) -> Option<Chamber> {
        Some(Chamber::An)
    }

    /// Whether a chamber line (`ASSEMBLÉE NATIONALE`, `SÉNAT`) before the anchor sets the chamber.
    fn keeps_chamber_line(&self, chamber: Chamber) -> bool {
        let _ = chamber;
        true
    }

    /// Whether the line before the anchor may be the title.
    fn title_before_anchor(&self) -> bool {
        false
    }

    /// Whether header lines (legislature, chamber) may stand between the title and the anchor.
    fn title_above_headers(&self) -> bool {
        false
    }

    /// Whether a copied text may give the question before its number line (no text heading
    /// after it).
    fn question_may_precede_anchor(&self) -> bool {
        false
    }

    /// The order of the two parts inside an author's parentheses.
    fn author_order(&self) -> AuthorOrder {
        AuthorOrder::RegionGroup
    }

    /// The kind an unlabelled metadata cell gives in this layout only (an-fiche's `QE` code).
    fn kind_cell(&self, cell: &str) -> Option<Kind> {
        let _ = cell;
        None
    }

    /// The part the first line of prose opens: the question's text, except where the layout
    /// says otherwise (an-dyn's QG pages, whose prose is the séance transcript).
    fn prose_opens(&self, kind: Option<Kind>) -> Part {
        let _ = kind;
        Part::QuestionText
    }

    /// The part of the anchor's first cell that the anchor starts (an-fiche's first row joined
    /// after the page's headings); the cell itself by default.
    fn anchor_part<'c>(&self, cell: &'c str) -> &'c str {
        cell
    }

    /// The facts of the anchor's first cell that are the layout's own (the title after
    /// an-dyn's number, the author after the Sénat's), beyond the number and kind every anchor
    /// gives.
    fn anchor_facts<'l>(&self, anchor: Anchor, cell: &'l str) -> Vec<Fact<'l>> {
        let _ = (anchor, cell);
        Vec::new()
    }

    /// One of the layout's own lines, read before the lines every layout shares: its facts and
    /// the part it opens; `None` when the line is not one of them.
    fn own_line<'l>(&self, line: &LineView<'l, '_>) -> Option<Own<'l>> {
        let _ = line;
        None
    }

    /// How the texts' lines join into paragraphs.
    fn join(&self, paras: &Paras<'_>, wrapping: Wrapping) -> Option<String> {
        paragraphs::join_wrapped(paras, wrapping)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_layout_is_registered_once() {
        for layout in [
            Layout::AnFiche,
            Layout::AnLegacy,
            Layout::AnDyn,
            Layout::AnCurrent,
            Layout::Plain,
            Layout::Senat,
        ] {
            assert_eq!(rules(layout).layout(), layout);
            assert_eq!(REGISTRY.iter().filter(|r| r.layout() == layout).count(), 1);
        }
        // `plain` accepts every document: it is tried last.
        assert_eq!(REGISTRY.last().map(|r| r.layout()), Some(Layout::Plain));
    }
}
