//! `senat`: senat.fr question pages, current and older shapes.
//!
//! ```text
//! <title>
//! Question écrite n° 01342 de Mme Solène Marquet-Ribeiro (Lot-et-Garonne - UC)
//! publiée dans le JO Sénat du 17/10/2024 - page 3968
//! <question text>
//! Réponse du Ministère de la santé et de l'accès aux soins
//! publiée dans le JO Sénat du 28/11/2024 - page 4610
//! <answer text>
//! ```
//! and the older shape:
//! ```text
//! Question de M. MASSON Jean Louis (Moselle - NI) publiée le 10/12/2009
//! <question text>
//! - page 2853
//! Réponse du Ministère de l'intérieur publiée le 28/10/2010      (or `Réponse du ministère : Culture publiée le …`)
//! <answer text>
//! - page 2836
//! Transmise au Ministère de …   /   La question est caduque   /   Réponse apportée en séance publique le …
//! ```

use nom::character::complete::space1;
use nom::Parser;

use super::{AuthorOrder, Evidence, LineView, Numbered, Rules};
use crate::grammar::date::{find_date, page};
use crate::grammar::fact::{Fact, Own, Part};
use crate::grammar::name::{author_line, has_author_with_parens, AuthorLine};
use crate::grammar::text::{match_folded, squeeze, starts_folded, tag_ascii_no_case};
use crate::grammar::Anchor;
use crate::record::{Publication, TextField};
use crate::{Chamber, Date, Kind, Layout};

/// The senat layout.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Senat;

impl Rules for Senat {
    fn layout(&self) -> Layout {
        Layout::Senat
    }

    fn anchor(&self, cell: &str, numbered: Option<Numbered<'_>>) -> Option<Anchor> {
        match numbered {
            Some(n) => anchor_after_number(n.rest, n.kind, n.number),
            None => anchor_unnumbered(cell),
        }
    }

    fn recognises(&self, doc: &Evidence<'_>) -> bool {
        match doc.anchor {
            Anchor::KindNumberAuthor(..) | Anchor::SenatAuthor => true,
            Anchor::KindNumber(..) => doc.markers().senat_marker,
            _ => false,
        }
    }

    fn chamber(&self) -> Option<Chamber> {
        Some(Chamber::Senat)
    }

    /// A Sénat page may name the Assemblée (in a breadcrumb, a link): only `SÉNAT` counts.
    fn keeps_chamber_line(&self, chamber: Chamber) -> bool {
        chamber == Chamber::Senat
    }

    fn title_before_anchor(&self) -> bool {
        true
    }

    fn title_above_headers(&self) -> bool {
        true
    }

    fn author_order(&self) -> AuthorOrder {
        AuthorOrder::DepartmentGroup
    }

    /// The author after the number, or (older pages) after `Question de` with the date.
    fn anchor_facts<'l>(&self, anchor: Anchor, cell: &'l str) -> Vec<Fact<'l>> {
        match anchor {
            Anchor::KindNumberAuthor(..) => crate::grammar::common::kind_number(cell)
                .ok()
                .and_then(|(rest, _)| author_after_number(rest))
                .map(Fact::Author)
                .into_iter()
                .collect(),
            Anchor::SenatAuthor => match old_author(cell) {
                Some((a, date)) => {
                    let mut facts = vec![Fact::Author(a)];
                    facts.extend(date.map(|date| Fact::Published {
                        which: Publication::Question,
                        date,
                        page: None,
                        takes_page: true,
                    }));
                    facts
                }
                None => Vec::new(),
            },
            _ => Vec::new(),
        }
    }

    fn own_line<'l>(&self, line: &LineView<'l, '_>) -> Option<Own<'l>> {
        own_line(line.text, line.part)
    }
}

/// The Sénat's own lines: publication and page lines, the answer's heading, a séance answer, a
/// transmission, a lapse, a text not available.
fn own_line(line: &str, part: Part) -> Option<Own<'_>> {
    // Each of these lines starts with its own letter (`p`ubliée, `-` page, `R`éponse,
    // `T`ransmise, `L`a question / `Q`uestion caduque, `L`e texte): only the tests of the
    // line's first letter are made (all of them when it is not ASCII, which may fold to one).
    let first = line
        .trim_start()
        .as_bytes()
        .first()
        .map_or(b' ', u8::to_ascii_lowercase);
    let may = |letters: &[u8]| !first.is_ascii() || letters.contains(&first);
    if !may(b"p-rtlq") {
        return None;
    }
    if let Some((date, page)) = may(b"p").then(|| published_line(line)).flatten() {
        let which = if part == Part::AnswerText {
            Publication::Answer
        } else {
            Publication::Question
        };
        let fact = match date {
            Some(date) => Fact::Published {
                which,
                date,
                page,
                takes_page: true,
            },
            None => Fact::UnreadableDate {
                label: "publiée dans le JO Sénat du",
                value: line,
            },
        };
        return Some(Own::new(vec![fact], None));
    }
    if let Some(p) = may(b"-").then(|| page_line(line)).flatten() {
        return Some(Own::new(vec![Fact::Page(p)], None));
    }
    if let Some((ministry, date)) = may(b"r").then(|| answer_line(line)).flatten() {
        let mut facts = vec![Fact::Text(TextField::MinistryAnswering, ministry)];
        if let Some(date) = date {
            facts.push(Fact::Published {
                which: Publication::Answer,
                date,
                page: None,
                takes_page: true,
            });
        }
        return Some(Own::new(facts, Some(Part::AnswerText)));
    }
    if let Some(d) = may(b"r").then(|| seance_answer(line)).flatten() {
        return Some(Own::new(
            vec![Fact::AnsweredInSeance(d)],
            Some(Part::AnswerText),
        ));
    }
    if let Some(m) = may(b"t").then(|| transmitted(line)).flatten() {
        return Some(Own::new(
            vec![Fact::MinistryAnsweringIfUnset(m)],
            Some(Part::KeyBlock),
        ));
    }
    if let Some(reason) = may(b"lq").then(|| lapsed(line)).flatten() {
        return Some(Own::new(vec![Fact::Lapsed(reason)], Some(Part::KeyBlock)));
    }
    (may(b"l") && not_available(line)).then(Own::default)
}

/// `Question écrite n° 01342 de Mme X (Département - Groupe)` or `Question de M. X (…) publiée le …`.
#[cfg(test)] // the grammar reads the number once for every layout: see `grammar::anchor`
pub(crate) fn anchor(cell: &str) -> Option<Anchor> {
    match crate::grammar::common::kind_number(cell) {
        Ok((rest, (kind, n))) => anchor_after_number(rest, kind, n),
        Err(_) => anchor_unnumbered(cell),
    }
}

/// The anchor after a line's `Question … n°N` (`rest` what follows it).
pub(crate) fn anchor_after_number(rest: &str, kind: Option<Kind>, n: u64) -> Option<Anchor> {
    has_author_with_parens(rest).then_some(Anchor::KindNumberAuthor(kind, n))
}

/// The anchor of a line that does not start with `Question … n°N`.
pub(crate) fn anchor_unnumbered(cell: &str) -> Option<Anchor> {
    old_author(cell).map(|_| Anchor::SenatAuthor)
}

/// The author after the number: ` de Mme X (Département - Groupe)`.
pub(crate) fn author_after_number(rest: &str) -> Option<AuthorLine> {
    let (_, a) = author_line(rest).ok()?;
    a.has_parens.then_some(a)
}

/// `Question de M. NOM Prénom (Département - Groupe) publiée le D`: the author, and the date.
pub(crate) fn old_author(cell: &str) -> Option<(AuthorLine, Option<Date>)> {
    let (rest, _) = (
        tag_ascii_no_case("Question de"),
        space1::<&str, nom::error::Error<&str>>,
    )
        .parse(cell)
        .ok()?;
    let (after, a) = author_line(rest).ok()?;
    if !a.has_parens {
        return None;
    }
    let after = after.trim();
    if after.is_empty() {
        return Some((a, None));
    }
    let len = match_folded(after, "publiée le")?;
    Some((a, find_date(&after[len..]).map(|(_, _, d)| d)))
}

/// `publiée dans le JO Sénat du D - page P`: the date and page.
pub(crate) fn published_line(line: &str) -> Option<(Option<Date>, Option<u32>)> {
    let t = line.trim();
    let len = match_folded(t, "publiée dans le JO Sénat du")
        .or_else(|| match_folded(t, "publiée dans le JO du"))?;
    let rest = &t[len..];
    let (date, after) = match find_date(rest) {
        Some((_, end, d)) => (Some(d), &rest[end..]),
        None => (None, rest),
    };
    Some((date, page(after).ok().map(|(_, p)| p)))
}

/// `- page 2853` alone on its line.
pub(crate) fn page_line(line: &str) -> Option<u32> {
    let (rest, p) = page(line.trim()).ok()?;
    let t = line.trim_start();
    (t.starts_with(['-', '–']) && rest.trim().is_empty()).then_some(p)
}

/// `Réponse du Ministère de X [publiée le D]` / `Réponse du ministère : Culture publiée le D`:
/// the ministry as written, and the date.
pub(crate) fn answer_line(line: &str) -> Option<(String, Option<Date>)> {
    let t = line.trim();
    let len = match_folded(t, "Réponse du ").or_else(|| match_folded(t, "Réponse de "))?;
    let mut rest = &t[len..];
    // `Réponse du ministère : Culture` gives `Culture`.
    if let Some(l) = match_folded(rest, "ministère :") {
        rest = &rest[l..];
    } else if !starts_folded(rest, "Ministère")
        && !starts_folded(rest, "Secrétariat")
        && !starts_folded(rest, "Premier ministre")
        && !starts_folded(rest, "Haut")
    {
        return None;
    }
    let (ministry, date) = match find_publiee_le(rest) {
        Some((at, d)) => (&rest[..at], d),
        None => (rest, None),
    };
    let ministry = squeeze(ministry);
    (!ministry.is_empty()).then_some((ministry, date))
}

/// Where ` publiée le D` / ` publiée dans le JO Sénat du D` starts in `s`, and its date.
fn find_publiee_le(s: &str) -> Option<(usize, Option<Date>)> {
    let at = s.match_indices("publiée").map(|(i, _)| i).find(|&i| {
        match_folded(&s[i..], "publiée le").is_some()
            || match_folded(&s[i..], "publiée dans").is_some()
    })?;
    Some((at, find_date(&s[at..]).map(|(_, _, d)| d)))
}

/// `Réponse apportée en séance publique le D`.
pub(crate) fn seance_answer(line: &str) -> Option<Date> {
    let t = line.trim();
    match_folded(t, "Réponse apportée en séance publique le")?;
    find_date(t).map(|(_, _, d)| d)
}

/// `Transmise au Ministère de …`: the ministry the question was passed to.
pub(crate) fn transmitted(line: &str) -> Option<String> {
    let t = line.trim();
    let len = match_folded(t, "Transmise au").or_else(|| match_folded(t, "Transmise à"))?;
    let m = squeeze(t[len..].trim_end_matches('.'));
    (!m.is_empty()).then_some(m)
}

/// `La question est caduque` (and the like): the question lapsed.
pub(crate) fn lapsed(line: &str) -> Option<String> {
    let t = line.trim();
    (starts_folded(t, "La question est caduque") || starts_folded(t, "Question caduque"))
        .then(|| t.trim_end_matches('.').to_owned())
}

/// `Le texte de cette question (réponse) n'est pas disponible en format numérique`: not a text.
pub(crate) fn not_available(line: &str) -> bool {
    let t = line.trim();
    starts_folded(t, "Le texte de cette question n'est pas disponible")
        || starts_folded(t, "Le texte de cette réponse n'est pas disponible")
}

/// Whether a line marks a Sénat page (`JO Sénat`, `publiée dans le JO du`).
pub(crate) fn is_senat_marker(line: &str) -> bool {
    let b = line.as_bytes();
    // This is asked of every line of a document: `J` is rare in prose, so each one is looked at,
    // and a publication line starts with its `p`.
    memchr::memchr_iter(b'J', b).any(|at| {
        let rest = &b[at..];
        rest.starts_with("JO Sénat".as_bytes()) || rest.starts_with(b"JO SENAT")
    }) || line.trim_start().starts_with(['p', 'P']) && published_line(line).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_starts_with_the_letter_the_walk_looks_for() {
        // `own_line` runs each test only on lines starting with these letters.
        let lines = [
            "publiée dans le JO Sénat du 17/10/2024 - page 3968",
            "  Publiée dans le JO du 1/2/1990",
            "- page 2853",
            "Réponse du Ministère de la santé",
            "RÉPONSE DU MINISTÈRE : Culture publiée le 14/06/1980",
            "Réponse apportée en séance publique le 13/06/1980",
            "Transmise au Ministère de la transition écologique",
            "La question est caduque",
            "question caduque.",
            "Le texte de cette réponse n'est pas disponible en format numérique.",
        ];
        let first = |l: &str| l.trim_start().as_bytes()[0].to_ascii_lowercase();
        for l in lines {
            let f = first(l);
            let found = [
                (published_line(l).is_some(), &b"p"[..]),
                (page_line(l).is_some(), b"-"),
                (answer_line(l).is_some(), b"r"),
                (seance_answer(l).is_some(), b"r"),
                (transmitted(l).is_some(), b"t"),
                (lapsed(l).is_some(), b"lq"),
                (not_available(l), b"l"),
            ];
            assert!(found.iter().any(|(hit, _)| *hit), "{l}");
            for (hit, letters) in found {
                assert!(!hit || letters.contains(&f), "{l}");
            }
        }
    }

    #[test]
    fn lines() {
        assert!(matches!(
            anchor("Question écrite n° 01342 de Mme Solène Marquet-Ribeiro (Lot-et-Garonne - UC)"),
            Some(Anchor::KindNumberAuthor(_, 1342))
        ));
        assert_eq!(
            anchor("Question de M. MASSON Jean Louis (Moselle - NI) publiée le 10/12/2009"),
            Some(Anchor::SenatAuthor)
        );
        assert_eq!(anchor("Question écrite N°3200 de M. Philippe Le Ray"), None);
        assert_eq!(
            published_line("publiée dans le JO Sénat du 17/10/2024 - page 3968"),
            Some((Date::new(2024, 10, 17), Some(3968)))
        );
        assert_eq!(page_line("- page 2853"), Some(2853));
        assert_eq!(page_line("page 2853 de"), None);
        assert_eq!(
            answer_line("Réponse du Ministère de la santé et de l'accès aux soins"),
            Some(("Ministère de la santé et de l'accès aux soins".into(), None))
        );
        assert_eq!(
            answer_line("Réponse du ministère : Culture publiée le 14/06/1980"),
            Some(("Culture".into(), Date::new(1980, 6, 14)))
        );
        assert_eq!(
            seance_answer("Réponse apportée en séance publique le 13/06/1980"),
            Date::new(1980, 6, 13)
        );
        assert!(transmitted("Transmise au Ministère de la transition écologique").is_some());
        assert!(lapsed("La question est caduque").is_some());
        assert!(not_available(
            "Le texte de cette question n'est pas disponible en format numérique."
        ));
    }
}
