//! The sections and headings: `Questions écrites`, `Réponses des ministres aux questions
//! écrites`, `Questions orales`, the lists that yield nothing (`Liste de rappel …`, `Liste des
//! questions écrites signalées`, `Rectificatif(s)`), and ministry headings in capitals.

use super::super::text::{fold, match_folded, starts_folded};

/// A section of an issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    /// `Questions écrites`: new written questions.
    Written,
    /// `Réponses des ministres aux questions écrites`.
    Answers,
    /// `Questions orales`.
    Oral,
    /// A list (`Liste de rappel …`, `… signalées`, `Rectificatif(s)`): yields nothing.
    List,
}

/// `1. `, `4 . `, `II. ` before a sommaire's or a section's heading.
fn strip_numbering(t: &str) -> &str {
    let n = t
        .bytes()
        .take_while(|b| b.is_ascii_digit() || matches!(b, b'I' | b'V' | b'X'))
        .count();
    if n == 0 || n > 4 {
        return t;
    }
    let rest = t[n..].trim_start();
    match rest.strip_prefix(['.', ')', '-', '–']) {
        Some(r) => r.trim_start(),
        None => t,
    }
}

/// What may follow a section's name on its line: nothing, a page number, a parenthesis
/// (`(du no 91350 au no 91549 inclus)`), `remises à la présidence …`, `sans débat`.
fn heading_tail(rest: &str) -> bool {
    let rest = rest.trim();
    let no_digits = rest.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
    no_digits.is_empty()
        || no_digits.starts_with('(')
        || starts_folded(no_digits, "remises")
        || starts_folded(no_digits, "sans débat")
        || starts_folded(no_digits, "avec débat")
}

/// The section a (trimmed) line heads, if it is a section heading. (The lines that
/// [`super::fast::no_section`] knows head none are not read further.)
pub(crate) fn section_heading(t: &str) -> Option<Section> {
    if super::fast::no_section(t) {
        return None;
    }
    section_heading_readable(t)
}

/// [`section_heading`], every line read by the same steps.
pub(super) fn section_heading_readable(t: &str) -> Option<Section> {
    // The heading's capital (`Q`, `A`, `À`…, `L`, `R`), or its numbering, comes first.
    let lead = |b: &u8| {
        b.is_ascii_digit() || matches!(b, b'I' | b'V' | b'X' | b'Q' | b'A' | b'L' | b'R' | 0xC3)
    };
    if !t.as_bytes().first().is_some_and(lead) {
        return None;
    }
    let t = strip_numbering(t);
    // Every heading starts with a capital Q, R, L or A (`AUX QUESTIONS ÉCRITES`, the end of a
    // heading broken over two lines).
    let mut chars = t.chars();
    let (first, second) = (chars.next()?, chars.next().map(fold));
    let pair = matches!(
        (fold(first), second),
        ('q' | 'a', Some('u')) | ('l', Some('i')) | ('r', Some('e'))
    );
    if !first.is_uppercase() || !pair {
        return None;
    }
    let after = |p: &str| match_folded(t, p).map(|len| &t[len..]);
    // Only the names that start with the line's first letter are compared.
    let letter = fold(first);
    if letter == 'q' {
        if let Some(rest) = after("Questions écrites") {
            return heading_tail(rest).then_some(Section::Written);
        }
        if let Some(rest) = after("Questions orales") {
            return heading_tail(rest).then_some(Section::Oral);
        }
        return None;
    }
    let answers = match letter {
        'r' => after("Réponses des ministres aux questions écrites")
            .or_else(|| after("Réponses des ministres")),
        'a' => after("aux questions écrites"),
        _ => None,
    };
    if let Some(rest) = answers {
        return heading_tail(rest).then_some(Section::Answers);
    }
    let list = match letter {
        'l' => starts_folded(t, "Liste de rappel") || starts_folded(t, "Liste des questions"),
        'r' => {
            match_folded(t, "Rectificatif").is_some()
                || match_folded(t, "Rectificatifs").is_some()
                || match_folded(t, "Rectificatif(s)").is_some()
        }
        _ => false,
    };
    list.then_some(Section::List)
}

/// Whether a (trimmed) line is a ministry heading: capitals (no lower-case letter), at least
/// four letters, not ending a sentence (`AGRICULTURE, AGROALIMENTAIRE ET FORÊT`, `PREMIER
/// MINISTRE`).
pub(crate) fn is_ministry_heading(t: &str) -> bool {
    if t.ends_with(['.', ':', ';', '?', '!']) || !super::super::text::chars_at_most(t, 200) {
        return false;
    }
    let mut letters = 0;
    for c in t.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        } else if c.is_ascii_digit() {
            return false;
        }
    }
    letters >= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert_eq!(section_heading("Questions écrites"), Some(Section::Written));
        assert_eq!(
            section_heading("4. Questions écrites (du no 91350 au no 91549 inclus) 9441"),
            Some(Section::Written)
        );
        assert_eq!(
            section_heading("1. Questions orales 9426"),
            Some(Section::Oral)
        );
        assert_eq!(
            section_heading("RÉPONSES DES MINISTRES AUX QUESTIONS ÉCRITES"),
            Some(Section::Answers)
        );
        assert_eq!(
            section_heading("AUX QUESTIONS ÉCRITES"),
            Some(Section::Answers)
        );
        assert_eq!(
            section_heading("Liste des questions écrites signalées"),
            Some(Section::List)
        );
        assert_eq!(section_heading("Rectificatif(s)"), Some(Section::List));
        assert_eq!(section_heading("QUESTIONS remises à la présidence"), None);
        assert_eq!(section_heading("questions écrites sur le sujet"), None);
        assert_eq!(section_heading("Questions écrites qui restent"), None);
    }

    #[test]
    fn ministry_headings() {
        assert!(is_ministry_heading("AGRICULTURE, AGROALIMENTAIRE ET FORÊT"));
        assert!(is_ministry_heading(
            "AFFAIRES SOCIALES, SANTÉ ET DROITS DES FEMMES"
        ));
        assert!(!is_ministry_heading("Agriculture"));
        assert!(!is_ministry_heading("SNCF."));
        assert!(!is_ministry_heading("A"));
        assert!(!is_ministry_heading("ASSEMBLÉE NATIONALE 9441"));
    }
}
