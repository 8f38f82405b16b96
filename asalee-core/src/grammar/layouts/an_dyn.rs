//! `an-dyn`: assemblee-nationale.fr/dyn pages (legislatures 10 to 16 are served in this shape),
//! as HTML and as text.
//!
//! ```text
//! Question écrite n°200 : Agriculture biologique      (or the title on the next line)
//! 16ème Législature
//! Publication de la question au Journal Officiel du 26 juillet 2022, page 3501
//! Question de : Mme Marie-Pierre Rixain (Ile-de-France - Renaissance)
//! <question text>   (on QG pages: the séance transcript)
//! Réponse publiée le 27 septembre 2022               (or `Réponse en séance, et publiée le …`)
//! <answer text>
//! Données clés: Auteur, Type de question, Rubrique, Ministère interrogé, Ministère répondant,
//! Dates / Date de cloture / Date de la séance
//! ```

use super::{Evidence, LineView, Numbered, Rules};
use crate::grammar::common::kind_number;
use crate::grammar::date::find_date;
use crate::grammar::fact::{Fact, Own, Part};
use crate::grammar::label::{first_item, items, Key};
use crate::grammar::text::{match_folded, starts_folded};
use crate::grammar::Anchor;
use crate::record::Publication;
use crate::{Date, Kind, Layout};

/// The an-dyn layout.
#[derive(Debug, Clone, Copy)]
pub(crate) struct AnDyn;

impl Rules for AnDyn {
    fn layout(&self) -> Layout {
        Layout::AnDyn
    }

    fn anchor(&self, cell: &str, numbered: Option<Numbered<'_>>) -> Option<Anchor> {
        match numbered {
            Some(n) => anchor_after_number(n.rest, n.kind, n.number),
            None => anchor_unnumbered(cell),
        }
    }

    fn recognises(&self, doc: &Evidence<'_>) -> bool {
        matches!(doc.anchor, Anchor::KindNumberTitle(..) | Anchor::QuestionOf)
    }

    /// On QG pages the prose after the author is the séance transcript: the answer.
    fn prose_opens(&self, kind: Option<Kind>) -> Part {
        if kind == Some(Kind::Qg) {
            Part::AnswerText
        } else {
            Part::QuestionText
        }
    }

    /// The title after `Question … n°N :`, or on the next line.
    fn anchor_facts<'l>(&self, anchor: Anchor, cell: &'l str) -> Vec<Fact<'l>> {
        match anchor {
            Anchor::KindNumberTitle(..) => vec![Fact::Title(title_after_anchor(cell))],
            _ => Vec::new(),
        }
    }

    /// `Réponse en séance, et publiée le D`, and `Réponse publiée le D` alone on its line after
    /// the question (or the author), each opening the answer.
    fn own_line<'l>(&self, line: &LineView<'l, '_>) -> Option<Own<'l>> {
        if let Some(date) = answer_in_seance(line.text) {
            let published = Fact::Published {
                which: Publication::Answer,
                date,
                page: None,
                takes_page: false,
            };
            return Some(Own::new(vec![published], Some(Part::AnswerText)));
        }
        let after_question =
            line.part == Part::QuestionText || line.part == Part::Meta && line.author_expected;
        if !after_question {
            return None;
        }
        // The line, or the line and the next when a hard wrap cut the label (`Réponse publiée`
        // / `le 27 septembre 2022`).
        let (it, soft) = match line.wrapped {
            Some(wrapped) => wrapped,
            None => {
                if line.first.is_none_or(|f| f.key.is_none()) {
                    return None;
                }
                let its = items(line.text);
                let [it] = its.as_slice() else {
                    return None;
                };
                (*it, line.soft)
            }
        };
        let answer_line = starts_folded(it.label, "Réponse")
            && it.key == Some(Key::AnswerPublished)
            && !it.separated
            && it.value.len() < 60;
        if !answer_line {
            return None;
        }
        let fact = if find_date(it.value).is_none() && soft {
            Fact::ItemCutByWrap(it)
        } else {
            Fact::Item(it)
        };
        Some(Own::new(vec![fact], Some(Part::AnswerText)))
    }
}

/// `Question écrite n°200 :` (+ the title), or `Question de :` with no number before it.
#[cfg(test)] // the grammar reads the number once for every layout: see `grammar::anchor`
pub(crate) fn anchor(cell: &str) -> Option<Anchor> {
    match kind_number(cell) {
        Ok((rest, (kind, n))) => anchor_after_number(rest, kind, n),
        Err(_) => anchor_unnumbered(cell),
    }
}

/// The anchor after a line's `Question … n°N` (`rest` what follows it).
pub(crate) fn anchor_after_number(rest: &str, kind: Option<Kind>, n: u64) -> Option<Anchor> {
    rest.trim_start()
        .starts_with(':')
        .then_some(Anchor::KindNumberTitle(kind, n))
}

/// The anchor of a line that does not start with `Question … n°N`.
pub(crate) fn anchor_unnumbered(cell: &str) -> Option<Anchor> {
    match_folded(cell, "Question de")?;
    let first = first_item(cell)?;
    (first.key == Some(Key::QuestionOf) && first.separated).then_some(Anchor::QuestionOf)
}

/// The title after `Question … n°N :` on the same line, if any.
pub(crate) fn title_after_anchor(cell: &str) -> Option<&str> {
    let (rest, _) = kind_number(cell).ok()?;
    let title = rest.trim_start().strip_prefix(':')?.trim();
    (!title.is_empty()).then_some(title)
}

/// `Réponse en séance, et publiée le D`: the answer's publication (no page).
pub(crate) fn answer_in_seance(line: &str) -> Option<Date> {
    // Most lines are rejected by their first letter.
    if line
        .trim_start()
        .chars()
        .next()
        .map(crate::grammar::text::fold)
        != Some('r')
    {
        return None;
    }
    let len = match_folded(line.trim(), "Réponse en séance")?;
    let rest = &line.trim()[len..];
    let (at, end, d) = find_date(rest)?;
    let before = rest[..at].trim().trim_start_matches(',').trim();
    let ok = match_folded(before, "et publiée le").is_some_and(|l| l == before.len())
        || before.is_empty();
    (ok && rest[end..].trim().is_empty()).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::name::posed_in_seance;

    #[test]
    fn lines() {
        assert!(matches!(
            anchor("Question écrite n°200 :"),
            Some(Anchor::KindNumberTitle(_, 200))
        ));
        assert_eq!(anchor("Question de :"), Some(Anchor::QuestionOf));
        assert_eq!(anchor("Question de M. X (A - B) publiée le 1/1/2000"), None);
        assert_eq!(
            title_after_anchor("Question écrite n°200 : Agriculture biologique"),
            Some("Agriculture biologique")
        );
        assert_eq!(
            posed_in_seance(", posée en séance, et publiée le 26 octobre 2022"),
            Date::new(2022, 10, 26)
        );
        assert_eq!(
            answer_in_seance("Réponse en séance, et publiée le 3 mars 2021"),
            Date::new(2021, 3, 3)
        );
        assert_eq!(answer_in_seance("Réponse en séance du ministre"), None);
    }
}
