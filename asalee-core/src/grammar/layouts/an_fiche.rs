//! `an-fiche`: the "FICHE QUESTION" pages of legislatures up to the 11th, with pseudo-tags in
//! lower or upper case (`<num>`, `<aut>`, `<dpq>`, `<pgq>`, `<rub>`, `<tana>`, `<quest>`,
//! `<rep>`…), names written "NOM Prénom", the kind as a code (`<nat>QE</nat>`), and
//! `Texte de la QUESTION :` / `Texte de la REPONSE :` / `DEBAT :` cells.
//!
//! Its lines read like an-legacy's (the same `Question N° :` anchor and `( Groupe - Département )`
//! author); what tells it apart is below.

use super::{AuthorOrder, Evidence, Rules};
use crate::grammar::common::kind_code;
use crate::{Kind, Layout};

/// The an-fiche layout (its anchor is an-legacy's).
#[derive(Debug, Clone, Copy)]
pub(crate) struct AnFiche;

impl Rules for AnFiche {
    fn layout(&self) -> Layout {
        Layout::AnFiche
    }

    fn recognises(&self, doc: &Evidence<'_>) -> bool {
        doc.numero() && {
            let m = doc.markers();
            is_fiche(doc.source, m.upper_headings, m.legislature_before)
        }
    }

    fn author_order(&self) -> AuthorOrder {
        AuthorOrder::GroupDepartment
    }

    fn kind_cell(&self, cell: &str) -> Option<Kind> {
        kind_cell(cell)
    }
}

/// Whether a document with a `Question N° :` anchor is an an-fiche page: its source holds the
/// pseudo-tags, or its headings are written in capitals, or its legislature is the 11th or
/// earlier.
pub(crate) fn is_fiche(
    source: &str,
    visible_text_headings_upper: bool,
    legislature: Option<u32>,
) -> bool {
    has_pseudo_tags(source) || visible_text_headings_upper || legislature.is_some_and(|l| l <= 11)
}

/// Whether the source holds the fiche's pseudo-tags (`<num>`, `<dpq>`, `<nat>`…).
fn has_pseudo_tags(source: &str) -> bool {
    const TAGS: &[&[u8]] = &[b"<num>", b"<dpq>", b"<nat>", b"<aut>", b"<quest>"];
    let bytes = source.as_bytes();
    // Most `<` of a page start other tags: rejected by the letter after them.
    memchr::memchr_iter(b'<', bytes).any(|at| {
        matches!(
            bytes.get(at + 1).map(|c| c | 0x20),
            Some(b'n' | b'd' | b'a' | b'q')
        ) && TAGS
            .iter()
            .any(|t| bytes.len() >= at + t.len() && bytes[at..at + t.len()].eq_ignore_ascii_case(t))
    })
}

/// The kind cell: the `<nat>` code taken as it is.
pub(crate) fn kind_cell(cell: &str) -> Option<Kind> {
    kind_code(cell)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection() {
        assert!(is_fiche("<tr><td><NUM>176</NUM>", false, None));
        assert!(is_fiche("", true, None));
        assert!(is_fiche("", false, Some(11)));
        assert!(!is_fiche("<b>Question</b>", false, Some(16)));
        assert_eq!(kind_cell("QOSD"), Some(Kind::Qosd));
    }
}
