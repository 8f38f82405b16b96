//! Labels: the `Label : value`, `Label > value` and `Label value` (sentence labels such as
//! `Question publiée le 3 mai 2024`) items of a metadata line, several of which may share a line
//! when a converter joined a table row's cells.

use super::date::find_date;
use super::prefilter::Phrases;
use super::text::{word_starts, Head};

/// What a known label feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    /// `Question N°` (an-fiche, an-legacy).
    Number,
    /// `Numéro de la question`.
    NumberField,
    MinistryAsked,
    MinistryAnswering,
    Rubric,
    Title,
    AnalysisHeading,
    Analysis,
    QuestionPublished,
    AnswerPublished,
    /// `page :` after a date.
    Page,
    Reassigned,
    Flagged,
    Renewed,
    Withdrawn,
    Closure,
    ErratumQuestion,
    ErratumAnswer,
    Author,
    Circonscription,
    Kind,
    /// `Question de :` (an-dyn).
    QuestionOf,
    /// `Date :` / `Dates :` (a block of sentence dates follows).
    Dates,
    /// `Date de la séance :`.
    SeanceDate,
    /// `DEBAT :` (an-fiche): the answer is a debate.
    Debate,
    /// `Données clés`.
    DataBlock,
    /// `Date(s) clé(s)`.
    DatesBlock,
    /// `Texte de la question`.
    QuestionHeading,
    /// `Texte de la réponse`.
    AnswerHeading,
}

impl Key {
    /// Headings and block titles take no value.
    pub(crate) fn is_heading(self) -> bool {
        matches!(
            self,
            Key::DataBlock
                | Key::DatesBlock
                | Key::QuestionHeading
                | Key::AnswerHeading
                | Key::Debate
        )
    }
}

/// A known label's text (a space matches any run of white space; case and accents are ignored),
/// and whether its value may follow without a separator (`Question publiée le 3 mai 2024`).
struct Def {
    key: Key,
    text: &'static str,
    sentence: bool,
}

const fn def(key: Key, text: &'static str) -> Def {
    Def {
        key,
        text,
        sentence: false,
    }
}

const fn sentence(key: Key, text: &'static str) -> Def {
    Def {
        key,
        text,
        sentence: true,
    }
}

/// Every known label, longest first where one is a prefix of another.
const DEFS: &[Def] = &[
    def(Key::Number, "Question N°"),
    def(Key::Number, "Question No"),
    def(Key::NumberField, "Numéro de la question"),
    def(Key::MinistryAsked, "Ministère interrogé"),
    def(Key::MinistryAsked, "Ministre interrogé"),
    def(Key::MinistryAnswering, "Ministère attributaire"),
    def(Key::MinistryAnswering, "Ministère répondant"),
    def(Key::MinistryAnswering, "Ministre attributaire"),
    def(Key::Rubric, "Rubrique"),
    def(Key::Title, "Titre"),
    def(Key::AnalysisHeading, "Tête d'analyse"),
    def(Key::Analysis, "Analyse"),
    sentence(Key::QuestionPublished, "Question publiée au JO le"),
    sentence(
        Key::QuestionPublished,
        "Question publiée au Journal officiel le",
    ),
    sentence(Key::QuestionPublished, "Question publiée le"),
    sentence(
        Key::QuestionPublished,
        "Publication de la question au Journal Officiel du",
    ),
    sentence(
        Key::QuestionPublished,
        "Publication de la question au JO du",
    ),
    // Text renderings break the line before `du`.
    def(
        Key::QuestionPublished,
        "Publication de la question au Journal Officiel",
    ),
    sentence(Key::AnswerPublished, "Réponse publiée au JO le"),
    sentence(
        Key::AnswerPublished,
        "Réponse publiée au Journal officiel le",
    ),
    sentence(Key::AnswerPublished, "Réponse publiée le"),
    sentence(
        Key::AnswerPublished,
        "Publication de la réponse au Journal Officiel du",
    ),
    sentence(Key::AnswerPublished, "Publication de la réponse au JO du"),
    def(
        Key::AnswerPublished,
        "Publication de la réponse au Journal Officiel",
    ),
    def(Key::Reassigned, "Date de changement d'attribution"),
    def(Key::Flagged, "Date de signalement"),
    def(Key::Renewed, "Date de renouvellement"),
    sentence(Key::Withdrawn, "Question retirée le"),
    def(Key::Withdrawn, "Question retirée"),
    def(Key::Closure, "Date de clôture"),
    sentence(
        Key::ErratumQuestion,
        "Erratum de la question publié au JO le",
    ),
    def(Key::ErratumQuestion, "Erratum de la question"),
    sentence(Key::ErratumAnswer, "Erratum de la réponse publié au JO le"),
    def(Key::ErratumAnswer, "Erratum de la réponse"),
    def(Key::Author, "Auteur"),
    def(Key::Circonscription, "Circonscription"),
    def(Key::Kind, "Type de question"),
    def(Key::QuestionOf, "Question de"),
    def(Key::SeanceDate, "Date de la séance"),
    def(Key::DatesBlock, "Date(s) clé(s)"),
    def(Key::DatesBlock, "Dates clés"),
    def(Key::Dates, "Dates"),
    def(Key::Dates, "Date"),
    def(Key::Debate, "DEBAT"),
    def(Key::DataBlock, "Données clés"),
    def(Key::QuestionHeading, "Texte de la question"),
    def(Key::AnswerHeading, "Texte de la réponse"),
    def(Key::Page, "page"),
];

/// A known label at the start of `s`: its key, its length in bytes, and whether it is a
/// sentence label.
pub(crate) fn known_label(s: &str) -> Option<(Key, usize, bool)> {
    // Every label starts with one of these letters: most words are rejected here.
    if !known_label_start(s) {
        return None;
    }
    // Words of a length no label's first word has (`de`, `la`, `des`) are rejected unread.
    // (A word with accents has its length in characters read with its head.)
    let ascii_word = s.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let accented = s.as_bytes().get(ascii_word).is_some_and(|c| !c.is_ascii());
    if !accented && (ascii_word >= 32 || LABEL_WORD_LENGTHS & (1 << ascii_word) == 0) {
        return None;
    }
    // The first two letters, when ASCII, must be those of a label; then only the labels whose
    // head agrees are matched, from after their first word.
    let phrases = phrases();
    if !phrases.may_start(s) {
        return None;
    }
    let head = Head::of(s)?;
    phrases.candidates(head).find_map(|(k, h)| {
        let d = &DEFS[k];
        let len = head.match_rest(s, d.text, h)?;
        Some((d.key, len, d.sentence))
    })
}

/// The labels of several words whose first words (two at least, not all) are the whole of
/// `line`: a label a hard wrap cut (`Publication de la question au` / `Journal Officiel du 26
/// juillet`). Yields each such label's text after those words (`Journal Officiel du`).
fn label_heads(line: &str) -> impl Iterator<Item = (&'static Def, &'static str)> + '_ {
    let line = line.trim();
    // A head is short and starts with a label's letter (most lines are rejected unread).
    let plausible = line.len() <= 64 && known_label_start(line) && phrases().may_start(line) && {
        let ascii_word = line.bytes().take_while(u8::is_ascii_alphanumeric).count();
        let accented = line
            .as_bytes()
            .get(ascii_word)
            .is_some_and(|c| !c.is_ascii());
        accented || ascii_word < 32 && LABEL_WORD_LENGTHS & (1 << ascii_word) != 0
    };
    // Only the labels whose first word is the line's (folded) are tried.
    let group = plausible
        .then(|| {
            heads_by_first_word()
                .iter()
                .find(|(word, _)| super::text::match_folded(line, word).is_some())
        })
        .flatten();
    let defs = group.map_or(&[][..], |(_, defs)| &defs[..]);
    defs.iter().filter_map(move |&d| {
        // The label's first words: up to each of its spaces from the second on.
        let mut spaces = d.text.match_indices(' ').map(|(at, _)| at).skip(1);
        spaces.find_map(|at| {
            (super::text::match_folded(line, &d.text[..at]) == Some(line.len()))
                .then(|| (d, &d.text[at + 1..]))
        })
    })
}

/// The labels of several words, grouped by their first word (folded: case and accents aside),
/// each group in [`DEFS`] order, for [`label_heads`]: a line that starts with one group's word
/// can only be a head of that group's labels.
fn heads_by_first_word() -> &'static [(String, Vec<&'static Def>)] {
    static HEADS: std::sync::LazyLock<Vec<(String, Vec<&'static Def>)>> =
        std::sync::LazyLock::new(|| {
            let mut groups: Vec<(String, Vec<&'static Def>)> = Vec::new();
            for d in DEFS.iter().filter(|d| d.text.contains(' ')) {
                let first = d.text.split(' ').next().unwrap_or_default();
                let word: String = first.chars().map(super::text::fold).collect();
                match groups.iter_mut().find(|g| g.0 == word) {
                    Some(g) => g.1.push(d),
                    None => groups.push((word, vec![d])),
                }
            }
            groups
        });
    &HEADS
}

/// Whether `s` starts with a letter a label starts with.
fn known_label_start(s: &str) -> bool {
    s.chars()
        .next()
        .map(super::text::fold)
        .is_some_and(|c| matches!(c, 'q' | 'n' | 'm' | 'r' | 't' | 'a' | 'p' | 'd' | 'e' | 'c'))
}

/// Whether `line` is only the first words of a label (see [`label_rest`]).
pub(crate) fn is_label_head(line: &str) -> bool {
    label_heads(line).next().is_some()
}

/// The label that `head` (a line that is a label's first words) starts and `next` (the next
/// line) ends: its key, whether it is a sentence label, and where the label ends in `next`.
pub(crate) fn label_rest(head: &str, next: &str) -> Option<(Key, bool, usize)> {
    let next_t = next.trim_start();
    let lead = next.len() - next_t.len();
    label_heads(head).find_map(|(d, rest)| {
        let n = super::text::match_folded(next_t, rest)?;
        Some((d.key, d.sentence, lead + n))
    })
}

/// The lengths (bits) of the labels' first words, in characters: 4 (`Date`), 5, 6, 7, 8, 9, 11
/// (`Publication`), 15 (`Circonscription`). A test checks it against [`DEFS`].
const LABEL_WORD_LENGTHS: u32 =
    1 << 4 | 1 << 5 | 1 << 6 | 1 << 7 | 1 << 8 | 1 << 9 | 1 << 11 | 1 << 15;

/// The labels' prefilter (see [`Phrases`]), in [`DEFS`] order (the first that matches wins).
fn phrases() -> &'static Phrases {
    static PHRASES: std::sync::LazyLock<Phrases> = std::sync::LazyLock::new(|| {
        let texts: Vec<&'static str> = DEFS.iter().map(|d| d.text).collect();
        Phrases::new(&texts)
    });
    &PHRASES
}

/// The separator after a label: white space, then `:` or `>` (or `=>`), then white space.
/// Returns its length, or `None` when there is none.
pub(crate) fn separator(s: &str) -> Option<usize> {
    let trimmed = s.trim_start();
    let ws = s.len() - trimmed.len();
    let sep = if trimmed.starts_with(':') || trimmed.starts_with('>') {
        1
    } else if trimmed.starts_with("=>") {
        2
    } else {
        return None;
    };
    let after = &trimmed[sep..];
    Some(ws + sep + (after.len() - after.trim_start().len()))
}

/// One item of a metadata line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Item<'a> {
    /// The known label's key, `None` for an unknown label or an unlabelled cell.
    pub(crate) key: Option<Key>,
    /// The label as written (empty for an unlabelled cell).
    pub(crate) label: &'a str,
    /// The value (trimmed; may be empty when the value is on the next line or cell).
    pub(crate) value: &'a str,
    /// Whether a separator (`:` or `>`) followed the label.
    pub(crate) separated: bool,
}

/// A known label at the start of a cell: its key, its length and its separator's length.
type LabelAt = (Key, usize, Option<usize>);

/// The known label at the very start of `cell`, if it is one there (see [`next_label`]): its key,
/// length and separator length.
fn label_at_start(cell: &str) -> Option<LabelAt> {
    let (key, len, is_sentence) = known_label(cell)?;
    let after = &cell[len..];
    let sep = separator(after);
    let ok = sep.is_some()
        || after.trim().is_empty()
        || key.is_heading()
        || is_sentence && (starts_with_date(after) || starts_date_like(after));
    ok.then_some((key, len, sep))
}

/// The key of the known label that starts a line's first cell `cell`, if one does (what
/// [`first_item`] gives as the key, without reading the value).
pub(crate) fn key_in_cell(cell: &str) -> Option<Key> {
    label_at_start(cell).map(|(key, ..)| key)
}

/// The first item of a line, without reading the rest of a long line: what the walk and the
/// splitter need to classify a text paragraph cheaply. An unlabelled first cell is returned whole.
pub(crate) fn first_item(line: &str) -> Option<Item<'_>> {
    first_item_in_cell(crate::markup::first_cell(line)?)
}

/// A known label found inside a cell: where it starts, its key, length and separator's length.
type Found = (usize, Key, usize, Option<usize>);

/// The known label that starts a cell and the one that ends its value, as
/// [`first_item_and_start`] found them: what [`items_from`] then need not look for again.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StartLabel {
    label: LabelAt,
    next: Option<Found>,
}

/// [`first_item`] of a line whose first cell (see [`crate::markup::first_cell`]) is `cell`.
pub(crate) fn first_item_in_cell(cell: &str) -> Option<Item<'_>> {
    first_item_and_start(cell).0
}

/// [`first_item_in_cell`], and the known labels it found when one starts the cell.
pub(crate) fn first_item_and_start(cell: &str) -> (Option<Item<'_>>, Option<StartLabel>) {
    if let Some((key, len, sep)) = label_at_start(cell) {
        let value_start = (len + sep.unwrap_or(0)).min(cell.len());
        let next = next_label(cell, value_start);
        let value_end = next.map_or(cell.len(), |(n, ..)| n).max(value_start);
        let item = Item {
            key: Some(key),
            label: cell[..len].trim(),
            value: cell[value_start..value_end].trim(),
            separated: sep.is_some(),
        };
        let start = StartLabel {
            label: (key, len, sep),
            next,
        };
        return (Some(item), Some(start));
    }
    (first_unlabelled_item(cell), None)
}

/// [`first_item_in_cell`] of a cell that no known label starts.
fn first_unlabelled_item(cell: &str) -> Option<Item<'_>> {
    match unknown_label(cell) {
        Some((label_len, _)) => {
            // The value runs to the cell's end here (`items` cuts it at a following label).
            let rest = &cell[label_len..];
            let sep = separator(rest).unwrap_or(0);
            Some(Item {
                key: None,
                label: &cell[..label_len],
                value: rest[sep..].trim(),
                separated: true,
            })
        }
        None => Some(Item {
            key: None,
            label: "",
            value: cell,
            separated: false,
        }),
    }
}

/// Where a known label starts inside `cell` at or after byte `from`, with its key, length and the
/// length of its separator: only at a word start, and (but at the cell's start) only when a
/// separator or, for sentence labels, a date follows.
fn next_label(cell: &str, from: usize) -> Option<Found> {
    // Past the cell's start a label needs a separator (`:`, `>`) after it, or is a sentence
    // label (`Question publiée le`, `Réponse …`, `Publication …`, `Erratum …`) followed by a date
    // (digits): a paragraph of prose with neither is only looked at at its start.
    let rest = &cell.as_bytes()[from..];
    let separators = memchr::memchr2(b':', b'>', rest).is_some();
    // (With a separator every word start is looked at: the digits do not matter then.)
    let digits = !separators && rest.iter().any(u8::is_ascii_digit);
    let may_start = |at: usize| {
        at == 0
            || separators
            || digits && matches!(cell.as_bytes()[at] | 0x20, b'q' | b'r' | b'p' | b'e')
    };
    word_starts(&cell[from..])
        .take(if separators || digits {
            usize::MAX
        } else {
            usize::from(from == 0)
        })
        .filter(|w| may_start(from + w))
        .find_map(|w| {
            let at = from + w;
            let (key, len, is_sentence) = known_label(&cell[at..])?;
            let after = &cell[at + len..];
            let sep = separator(after);
            let ok = if at == 0 {
                // A sentence label may be followed by a date a text rendering wrapped (`… le 27`).
                sep.is_some()
                    || after.trim().is_empty()
                    || key.is_heading()
                    || is_sentence && (starts_with_date(after) || starts_date_like(after))
            } else {
                // Mid-cell only behind white space, so `Tête d'analyse` never yields `analyse`.
                let prev = cell[..at].chars().next_back();
                prev.is_some_and(char::is_whitespace)
                    && (sep.is_some() || is_sentence && starts_with_date(after))
                    && key != Key::Title
            };
            ok.then_some((at, key, len, sep))
        })
}

/// Whether `s` starts (after white space) with a digit or a month name: a date, perhaps cut.
fn starts_date_like(s: &str) -> bool {
    let t = s.trim_start();
    t.starts_with(|c: char| c.is_ascii_digit()) || super::date::month(t).is_ok()
}

fn starts_with_date(s: &str) -> bool {
    matches!(find_date(s), Some((at, _, _)) if s[..at].trim().is_empty())
}

/// An unknown label at the start of a cell: `Label : value` or `Label > value`, where the label is
/// short, starts with a letter and holds no sentence punctuation.
fn unknown_label(cell: &str) -> Option<(usize, usize)> {
    let b = cell.as_bytes();
    if !cell.starts_with(char::is_alphabetic) {
        return None;
    }
    // The first `:` or `>`, within the first 80 characters (4 bytes at most each).
    let stop = memchr::memchr2(b':', b'>', &b[..b.len().min(320)])
        .filter(|&at| super::text::chars_at_most(&cell[..at], 79))?;
    let label = cell[..stop].trim_end();
    if label.is_empty()
        || !super::text::chars_at_most(label, 60)
        || label.contains(['.', ';', '!', '?', '«', '»', '"', '(', ')'])
        || label.split_whitespace().count() > 6
        || super::name::civility(label).is_ok()
    {
        return None;
    }
    // `http://` is no label.
    if b.get(stop + 1) == Some(&b'/') {
        return None;
    }
    let sep = separator(&cell[label.len()..])?;
    Some((label.len(), label.len() + sep))
}

/// Splits a metadata line (cells separated by `\t`) into its items.
pub(crate) fn items(line: &str) -> Vec<Item<'_>> {
    items_from(line, None)
}

/// [`items`] of a line whose first cell's labels [`first_item_and_start`] found already.
pub(crate) fn items_from(line: &str, start: Option<StartLabel>) -> Vec<Item<'_>> {
    let mut out: Vec<Item<'_>> = Vec::new();
    // The labels found already belong to the first cell that is not empty.
    let mut start = start;
    for cell in line.split('\t') {
        let cell = cell.trim();
        if cell.is_empty() {
            continue;
        }
        let known = start.take();
        let mut pos = 0;
        // Text before the first known label of the cell (`next_label` from 0 finds the label
        // that starts the cell, when one does).
        let first = match known {
            Some(StartLabel {
                label: (key, len, sep),
                ..
            }) => Some((0, key, len, sep)),
            None => next_label(cell, 0),
        };
        let mut known_next = known.map(|k| k.next);
        let head_end = first.map_or(cell.len(), |(at, ..)| at);
        // A cell after a known label left without a value is that value.
        let awaits_value = out
            .last()
            .is_some_and(|last| last.value.is_empty() && last.key.is_some_and(|k| !k.is_heading()));
        if head_end > 0 {
            let head = cell[..head_end].trim();
            let unknown = if awaits_value {
                None
            } else {
                unknown_label(head)
            };
            match unknown {
                Some((label_len, value_at)) => out.push(Item {
                    key: None,
                    label: &head[..label_len],
                    value: head[value_at..].trim(),
                    separated: true,
                }),
                None => {
                    // An unlabelled cell continues a label left without a value, else stands alone.
                    match out.last_mut() {
                        Some(last)
                            if last.value.is_empty()
                                && !last.label.is_empty()
                                && !last.key.is_some_and(Key::is_heading) =>
                        {
                            last.value = head;
                        }
                        _ => out.push(Item {
                            key: None,
                            label: "",
                            value: head,
                            separated: false,
                        }),
                    }
                }
            }
            pos = head_end;
        }
        // Each label is found once: the first one above, the others as the end of a value
        // (`next_label` from where a label starts finds that label).
        let mut found = first;
        while let Some((at, key, len, sep)) = found.filter(|_| pos < cell.len()) {
            let value_start = at + len + sep.unwrap_or(0);
            let following = match known_next.take() {
                // The value of the label that starts the cell ends where it was found to.
                Some(next) => next,
                None => next_label(cell, value_start.min(cell.len())),
            };
            let next = following.map_or(cell.len(), |(n, ..)| n);
            let value_end = next.max(value_start);
            out.push(Item {
                key: Some(key),
                label: cell[at..at + len].trim(),
                value: cell[value_start.min(cell.len())..value_end.min(cell.len())].trim(),
                separated: sep.is_some(),
            });
            pos = value_end;
            if pos >= cell.len() {
                break;
            }
            // The value ended where `following` starts (`pos`): `next_label(cell, pos)` would
            // find it again, since its separator or date still follows it from there.
            found = following;
        }
    }
    out
}

#[cfg(test)]
mod tests;
