//! `an-legacy`: questions.assemblee-nationale.fr pages of legislatures 12 to 16, whole or as
//! fragments and copied text.
//!
//! ```text
//! 14ème législature
//! Question N° 3200            (or `Question N° : 13927`, cells on one line)
//! de M. Philippe Le Ray (Union pour un Mouvement Populaire - Morbihan )
//! Question écrite
//! Ministère interrogé > Économie et finances
//! Rubrique > État   Tête d'analyse > financement   Analyse > rapport.
//! Question publiée au JO le : 21/08/2012 page : 4774
//! Texte de la question / Texte de la réponse
//! ```

use super::{AuthorOrder, Evidence, Numbered, Rules};
use crate::grammar::common::numero_line;
use crate::grammar::Anchor;
use crate::Layout;

/// The an-legacy layout.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AnLegacy;

impl Rules for AnLegacy {
    fn layout(&self) -> Layout {
        Layout::AnLegacy
    }

    fn anchor(&self, cell: &str, _numbered: Option<Numbered<'_>>) -> Option<Anchor> {
        anchor(cell)
    }

    fn recognises(&self, doc: &Evidence<'_>) -> bool {
        matches!(doc.anchor, Anchor::Numero(_))
    }

    fn question_may_precede_anchor(&self) -> bool {
        true
    }

    fn author_order(&self) -> AuthorOrder {
        AuthorOrder::GroupDepartment
    }
}

/// `Question N° : 13927` / `Question N° 3200` (shared with an-fiche).
pub(crate) fn anchor(cell: &str) -> Option<Anchor> {
    numero_line(cell).ok().map(|(_, n)| Anchor::Numero(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::name::de_author as author;

    #[test]
    fn lines() {
        assert_eq!(anchor("Question N° : 13927"), Some(Anchor::Numero(13927)));
        assert_eq!(anchor("Question N° : x"), None);
        let (a, rest) = author("De Mme Laure Miller ( Renaissance - Marne ) QE").unwrap();
        assert_eq!(rest, " QE");
        assert_eq!(
            (a.first.as_deref(), a.second.as_deref()),
            (Some("Renaissance"), Some("Marne"))
        );
        assert!(author("Mme Laure Miller").is_none());
    }
}
