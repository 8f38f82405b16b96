//! `an-current`: 17th-legislature pages (and the same page shape as Markdown and text).
//!
//! ```text
//! ASSEMBLÉE NATIONALE
//! 17ème législature
//! <title>
//! Question écrite n° 2621
//! Texte de la question / Texte de la réponse
//! Données clés: Auteur, Circonscription : Jura (1re circonscription) - Groupe, Type de question,
//!   Numéro de la question, Rubrique, Ministère interrogé, Ministère attributaire
//! Date(s) clé(s): Date de signalement, Question publiée au JO le : 3 décembre 2024, page 6403, …
//! ```

use super::{Evidence, Numbered, Rules};
use crate::grammar::Anchor;
use crate::{Kind, Layout};

/// The an-current layout.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AnCurrent;

impl Rules for AnCurrent {
    fn layout(&self) -> Layout {
        Layout::AnCurrent
    }

    fn anchor(&self, _cell: &str, numbered: Option<Numbered<'_>>) -> Option<Anchor> {
        let n = numbered?;
        anchor_after_number(n.rest, n.kind, n.number)
    }

    fn recognises(&self, doc: &Evidence<'_>) -> bool {
        matches!(doc.anchor, Anchor::KindNumber(..)) && {
            let m = doc.markers();
            is_current(m.an_chamber, m.legislature, m.key_blocks)
        }
    }

    fn title_before_anchor(&self) -> bool {
        true
    }
}

/// `Question écrite n° 2621` alone on its line (shared with `plain`, and with Sénat pages whose
/// author follows on the next line).
#[cfg(test)] // the grammar reads the number once for every layout: see `grammar::anchor`
pub(crate) fn anchor(cell: &str) -> Option<Anchor> {
    let (rest, (kind, n)) = crate::grammar::common::kind_number(cell).ok()?;
    anchor_after_number(rest, kind, n)
}

/// The anchor after a line's `Question … n°N` (`rest` what follows it).
pub(crate) fn anchor_after_number(rest: &str, kind: Option<Kind>, n: u64) -> Option<Anchor> {
    rest.trim()
        .trim_matches(['.', ',', '-'])
        .is_empty()
        .then_some(Anchor::KindNumber(kind, n))
}

/// Whether a document with a bare number line is an an-current page rather than a `plain` copy:
/// it names the Assemblée, states its legislature, or has the `Données clés` block.
pub(crate) fn is_current(
    has_an_chamber: bool,
    has_legislature: bool,
    has_key_blocks: bool,
) -> bool {
    has_an_chamber || has_legislature || has_key_blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines() {
        assert!(matches!(
            anchor("Question écrite n° 2621"),
            Some(Anchor::KindNumber(_, 2621))
        ));
        assert_eq!(anchor("Question écrite n° 2621 du 3 mai"), None);
        assert!(is_current(false, true, false));
        assert!(!is_current(false, false, false));
    }
}
