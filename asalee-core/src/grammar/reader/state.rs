//! The reader's state machine: the part of the document it is in ([`Part`]) and what moves it
//! to another ([`Event`]). [`next_state`] is the whole table; the reader changes its part
//! nowhere else.

use crate::grammar::fact::Part;

/// What a line is, as far as the part of the document goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Event {
    /// `Texte de la question` (a heading line, or the anchor itself).
    QuestionHeading,
    /// `Texte de la réponse`, `DEBAT`.
    AnswerHeading,
    /// `Données clés` or `Date(s) clé(s)` alone on its line.
    KeyBlockHeading,
    /// A key-data label (`Auteur :`, `Rubrique :`, `Question publiée au JO le :`…) on a short or
    /// separated line.
    KeyDataLabel,
    /// `Question de :` (an-dyn): the author's metadata again.
    QuestionOf,
    /// `Dates` (an-dyn's key data), alone or with its value.
    DatesLabel,
    /// One of the layout's own lines, which opens this part.
    LayoutLine(Part),
    /// The first line of prose in the metadata, which opens the part the layout says.
    Prose(Part),
}

/// The part after `event` in `part`; `None` when the event does not apply there (the line is
/// then read as the part reads its other lines, or ignored).
///
/// | in | on | to |
/// |---|---|---|
/// | any | `QuestionHeading` | `QuestionText` |
/// | any | `AnswerHeading` | `AnswerText` |
/// | any | `KeyBlockHeading`, `DatesLabel` | `KeyBlock` |
/// | `QuestionText`, `AnswerText` | `KeyDataLabel` | `KeyBlock` |
/// | `Meta`, `KeyBlock` | `KeyDataLabel` | — |
/// | any | `QuestionOf` | `Meta` |
/// | any | `LayoutLine(p)` | `p` |
/// | `KeyBlock` | `Prose(_)` | — |
/// | other | `Prose(p)` | `p` |
pub(crate) fn next_state(part: Part, event: Event) -> Option<Part> {
    use Part::*;
    match (part, event) {
        (_, Event::QuestionHeading) => Some(QuestionText),
        (_, Event::AnswerHeading) => Some(AnswerText),
        (_, Event::KeyBlockHeading | Event::DatesLabel) => Some(KeyBlock),
        (QuestionText | AnswerText, Event::KeyDataLabel) => Some(KeyBlock),
        (Meta | KeyBlock, Event::KeyDataLabel) => None,
        (_, Event::QuestionOf) => Some(Meta),
        (_, Event::LayoutLine(p)) => Some(p),
        (KeyBlock, Event::Prose(_)) => None,
        (Meta | QuestionText | AnswerText, Event::Prose(p)) => Some(p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Part::*;

    const ALL: [Part; 4] = [Meta, QuestionText, AnswerText, KeyBlock];

    #[test]
    fn a_question_heading_opens_the_question_from_any_part() {
        for p in ALL {
            assert_eq!(next_state(p, Event::QuestionHeading), Some(QuestionText));
        }
    }

    #[test]
    fn an_answer_heading_opens_the_answer_from_any_part() {
        for p in ALL {
            assert_eq!(next_state(p, Event::AnswerHeading), Some(AnswerText));
        }
    }

    #[test]
    fn a_key_block_heading_or_dates_opens_the_key_block_from_any_part() {
        for p in ALL {
            assert_eq!(next_state(p, Event::KeyBlockHeading), Some(KeyBlock));
            assert_eq!(next_state(p, Event::DatesLabel), Some(KeyBlock));
        }
    }

    #[test]
    fn a_key_data_label_ends_a_text_only() {
        assert_eq!(
            next_state(QuestionText, Event::KeyDataLabel),
            Some(KeyBlock)
        );
        assert_eq!(next_state(AnswerText, Event::KeyDataLabel), Some(KeyBlock));
        assert_eq!(next_state(Meta, Event::KeyDataLabel), None);
        assert_eq!(next_state(KeyBlock, Event::KeyDataLabel), None);
    }

    #[test]
    fn question_of_returns_to_the_metadata() {
        for p in ALL {
            assert_eq!(next_state(p, Event::QuestionOf), Some(Meta));
        }
    }

    #[test]
    fn a_layout_line_opens_the_part_it_names() {
        for p in ALL {
            for q in ALL {
                assert_eq!(next_state(p, Event::LayoutLine(q)), Some(q));
            }
        }
    }

    #[test]
    fn prose_opens_the_layouts_text_except_in_the_key_block() {
        for p in [Meta, QuestionText, AnswerText] {
            assert_eq!(next_state(p, Event::Prose(AnswerText)), Some(AnswerText));
            assert_eq!(
                next_state(p, Event::Prose(QuestionText)),
                Some(QuestionText)
            );
        }
        assert_eq!(next_state(KeyBlock, Event::Prose(QuestionText)), None);
    }
}
