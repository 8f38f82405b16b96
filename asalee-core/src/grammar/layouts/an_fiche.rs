//! `an-fiche`: the "FICHE QUESTION" pages of legislatures up to the 11th, with pseudo-tags in
//! lower or upper case (`<num>`, `<aut>`, `<dpq>`, `<pgq>`, `<rub>`, `<tana>`, `<quest>`,
//! `<rep>`…), names written "NOM Prénom", the kind as a code (`<nat>QE</nat>`), and
//! `Texte de la QUESTION :` / `Texte de la REPONSE :` / `DEBAT :` cells.
//!
//! Its lines read like an-legacy's (the same `Question N° :` anchor and `( Groupe - Département )`
//! author); what tells it apart is below.

use super::{AuthorOrder, Evidence, Numbered, Rules};
use crate::grammar::common::{kind_code, legislature_line, numero_line};
use crate::grammar::fact::Fact;
use crate::grammar::paragraphs::{self, Paras, Wrapping};
use crate::grammar::text::match_folded;
use crate::grammar::Anchor;
use crate::{Kind, Layout};

/// The an-fiche layout (its anchor is an-legacy's).
#[derive(Debug, Clone, Copy)]
pub(crate) struct AnFiche;

impl Rules for AnFiche {
    fn layout(&self) -> Layout {
        Layout::AnFiche
    }

    /// The anchor of a first table row that a converter joined under the page's headings
    /// (`FICHE QUESTION 11ème législature Question N° : 450`); the plain `Question N° :` cell
    /// is an-legacy's anchor.
    fn anchor(&self, cell: &str, _numbered: Option<Numbered<'_>>) -> Option<Anchor> {
        let (_, rest) = joined_headings(cell)?;
        numero_line(rest).ok().map(|(_, n)| Anchor::Numero(n))
    }

    fn anchor_part<'c>(&self, cell: &'c str) -> &'c str {
        joined_headings(cell).map_or(cell, |(_, rest)| rest)
    }

    fn anchor_facts<'l>(&self, _anchor: Anchor, cell: &'l str) -> Vec<Fact<'l>> {
        joined_headings(cell)
            .and_then(|(legislature, _)| legislature)
            .map(Fact::Legislature)
            .into_iter()
            .collect()
    }

    /// The texts' lines joined as every layout's, without the page's hidden codes that a
    /// rendering shows after the last text.
    fn join(&self, paras: &Paras<'_>, wrapping: Wrapping) -> Option<String> {
        let mut text = paragraphs::join_wrapped(paras, wrapping)?;
        text.truncate(without_codes(&text).len());
        (!text.is_empty()).then_some(text)
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

/// The page's headings that html2text and inscriptis join with the first table row into one
/// cell: `FICHE QUESTION` (the page's `<title>`), then the legislature (`11ème législature`),
/// each optional but one at least, before a `Question N° :` anchor. Returns the legislature
/// they state and the rest of the cell, from the anchor on.
pub(crate) fn joined_headings(cell: &str) -> Option<(Option<u32>, &str)> {
    let mut rest = cell.trim_start();
    let mut joined = false;
    if let Some(len) = match_folded(rest, "FICHE QUESTION") {
        rest = rest[len..].trim_start();
        joined = true;
    }
    let mut legislature = None;
    // The legislature's words end with `…gislature` within a few bytes (`XIème législature`).
    let head = &rest.as_bytes()[..rest.len().min(32)];
    if let Some(at) = head
        .windows(9)
        .position(|w| w.eq_ignore_ascii_case(b"gislature"))
    {
        if let Some(n) = legislature_line(&rest[..at + 9]) {
            legislature = Some(n);
            rest = rest[at + 9..].trim_start();
            joined = true;
        }
    }
    (joined && numero_line(rest).is_ok()).then_some((legislature, rest))
}

/// `text` without the codes the page keeps hidden after its table (`<span style="visibility:
/// hidden">`: `<GRP>`, `<NLEG>`, `<CODRET>`, `<REG>`, `<REPONSE>`), which text renderings show
/// as the last line of the last text, `RPR 8 AU Lorraine N` (on one line, or one code a line):
/// the group's code, the legislature (11th or earlier), the status code, the region's words and
/// `O` or `N` (answered or not).
pub(crate) fn without_codes(text: &str) -> &str {
    let text = text.trim_end();
    if !(text.ends_with('O') || text.ends_with('N')) {
        return text;
    }
    let code = |w: &str| {
        w.len() <= 12
            && w.bytes()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, b'_' | b'-'))
            && w.bytes().any(|c| c.is_ascii_uppercase())
    };
    // The last ten words' starts, last first.
    let mut starts = Vec::with_capacity(10);
    let mut end = text.len();
    while starts.len() < 10 {
        let Some(space) = text[..end].rfind(char::is_whitespace) else {
            starts.push(0);
            break;
        };
        let start = space + text[space..].chars().next().map_or(1, char::len_utf8);
        if start < end {
            starts.push(start);
        }
        end = text[..space].trim_end().len();
        if end == 0 {
            break;
        }
    }
    for (k, &start) in starts.iter().enumerate().skip(3) {
        let words: Vec<&str> = text[start..].split_whitespace().collect();
        let before = text[..start].trim_end();
        // After a line break, or after a finished sentence the wrap joined them to.
        let apart = before.is_empty()
            || text[before.len()..start].contains('\n')
            || before.ends_with(['.', '!', '?', ')', '»']);
        if words.len() == k + 1
            && apart
            && code(words[0])
            && words[1].parse::<u32>().is_ok_and(|n| (1..=11).contains(&n))
            && matches!(words[k], "O" | "N")
            && !words
                .iter()
                .any(|w| w.ends_with(['.', '?', '!', ';', ':', ',']))
        {
            return before;
        }
    }
    text
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

    /// The hidden codes after the texts, as renderings show them, are no text.
    #[test]
    fn hidden_codes_after_the_texts() {
        let answer = "Cette mesure témoigne de l'importance des aides.";
        assert_eq!(
            without_codes(&format!("{answer}\nCOM 11 REP_PUB Ile-de-France O")),
            answer
        );
        assert_eq!(without_codes("RPR 8 AU Lorraine N"), "");
        assert_eq!(without_codes("RPR\n8\nAU\nLorraine\nN"), "");
        assert_eq!(
            without_codes(&format!(
                "{answer}\nSOC\n10\nREP_PUB\nProvence-Alpes-Côte d'Azur\nO"
            )),
            answer
        );
        assert_eq!(
            without_codes(&format!(
                "{answer}\nSOC 10 REP_PUB Provence-Alpes-Côte d'Azur O"
            )),
            answer
        );
        // Joined by a wrap to the last sentence.
        assert_eq!(
            without_codes("Bref, tout va bien ! RCV 11 REP_PUB Pays-de-Loire O"),
            "Bref, tout va bien !"
        );
        // A text's own last line is kept.
        for text in [
            answer,
            "M. Didier Boulaud. Ah !",
            "Les 12 mesures N",
            "UDF 11 : O",
        ] {
            assert_eq!(without_codes(text), text);
        }
    }

    /// html2text's and inscriptis's first row: headings, number and author on one line.
    #[test]
    fn headings_joined_to_the_first_row() {
        let html2text = "FICHE QUESTION 11ème législature Question N° : 450";
        assert_eq!(
            joined_headings(html2text),
            Some((Some(11), "Question N° : 450"))
        );
        assert_eq!(AnFiche.anchor(html2text, None), Some(Anchor::Numero(450)));
        assert_eq!(
            AnFiche.anchor_facts(Anchor::Numero(450), html2text),
            [Fact::Legislature(11)]
        );
        let inscriptis = "8ème législature Question N° : 176 de M. Jacquot Alain ( RPR - Vosges )";
        assert_eq!(
            AnFiche.anchor_part(inscriptis),
            "Question N° : 176 de M. Jacquot Alain ( RPR - Vosges )"
        );
        assert_eq!(
            joined_headings("FICHE QUESTION Question N° : 3"),
            Some((None, "Question N° : 3"))
        );
        // The headings alone, or before something else, are no anchor; a plain number line is
        // an-legacy's.
        assert_eq!(joined_headings("11ème législature"), None);
        assert_eq!(joined_headings("11ème législature Rubrique : santé"), None);
        assert_eq!(AnFiche.anchor("Question N° : 450", None), None);
        assert_eq!(
            AnFiche.anchor_part("Question N° : 450"),
            "Question N° : 450"
        );
    }
}
