//! A block's own lines: `91355. – 1er décembre 2015. – M. Jean Dupont attire …` (the number,
//! the date of the question's publication, the opening words), `Réponse. – …`, and the AN's
//! `(tête d'analyse – analyse)` line. The separators are `–` (U+2013), `−` (U+2212), `—` or `-`,
//! with any spacing; `no` and `n°` may stand before the number. The lines before a block (its
//! preamble) give its title, or its rubric and analysis.

use super::super::name::civility;
use super::super::text::match_folded;
use super::heads::loose_date;
use super::lines::Line;
use crate::grammar::text::squeeze;
use crate::Date;

/// A block's first line, read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BlockLine<'a> {
    /// The number; `None` when the place of the number holds no number (a damaged block).
    pub(crate) number: Option<u64>,
    /// The date after the number.
    pub(crate) date: Option<Date>,
    /// The text from the author's opening words.
    pub(crate) text: &'a str,
}

/// A separator `–`, `−`, `—` or `-` with the spaces around it, at the start of `s`.
fn separator(s: &str) -> Option<&str> {
    let s = s.trim_start();
    let rest = s
        .strip_prefix(['–', '−', '—', '-'])
        .or_else(|| s.strip_prefix("--"))?;
    Some(rest.trim_start())
}

/// `.` then a separator.
fn dot_separator(s: &str) -> Option<&str> {
    separator(s.trim_start().strip_prefix('.')?)
}

/// `no`, `n°`, `N°`, `No` before a number.
fn number_sign(s: &str) -> &str {
    for sign in ["n°", "N°", "nº", "No", "no", "N o", "n o"] {
        if let Some(rest) = s.strip_prefix(sign) {
            if rest.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
                return rest.trim_start();
            }
        }
    }
    s
}

/// A block line: `N. – DATE. – CIVILITY …` (the date may be missing after `no N`), or the same
/// shape whose number cannot be read (`9l355. – …`, `. – …`) with its date and civility.
pub(crate) fn block_line(t: &str) -> Option<BlockLine<'_>> {
    let first = *t.as_bytes().first()?;
    // A number, `no`/`n°`/`No`/`N°` before one, or a damaged number before `.`.
    let sign =
        matches!(first, b'N' | b'n') && matches!(t.as_bytes().get(1), Some(b'o' | b' ' | 0xC2));
    if !(first.is_ascii_digit() || sign || first == b'.') {
        return None;
    }
    let s = number_sign(t);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    // A Sénat oral question's suffix may follow the digits.
    let after_digits = s[digits..].strip_prefix(['S', 'G']).unwrap_or(&s[digits..]);
    let (number, rest) =
        if digits > 0 && digits <= 12 && !after_digits.starts_with(char::is_alphanumeric) {
            (s[..digits].parse::<u64>().ok(), after_digits)
        } else {
            // No number: at most a short damaged token before the first `.`.
            let dot = s.find('.')?;
            if dot > 8 || s[..dot].contains(' ') {
                return None;
            }
            (None, &s[dot..])
        };
    // After `no N` the period may be missing (`No 1187 – M. …`).
    let signed = s.len() != t.len();
    let after_number = dot_separator(rest).or_else(|| signed.then(|| separator(rest)).flatten())?;
    let (date, text) = match loose_date(after_number) {
        Some((d, r)) => (Some(d), dot_separator(r).or_else(|| separator(r))?),
        None => (None, after_number),
    };
    // A number and a date with nothing after them: a block whose text is missing.
    let empty = text.trim().is_empty() && date.is_some() && number.is_some();
    if !empty {
        civility(text).ok()?;
    }
    if date.is_none() && (number.is_none() || s.len() == t.len()) {
        return None;
    }
    Some(BlockLine { number, date, text })
}

/// `Réponse. – …`: the answer's first words.
pub(crate) fn answer_line(t: &str) -> Option<&str> {
    if !t.starts_with(['R', 'r']) {
        return None;
    }
    let len = match_folded(t, "Réponse")?;
    let rest = &t[len..];
    dot_separator(rest).or_else(|| separator(rest))
}

/// The AN's `(tête d'analyse – analyse)`, without its parentheses: the heading and the analysis,
/// split at the first ` – ` (or ` − `, ` - `).
///
/// The readable reading (the preamble reads a squeezed line with [`analysis_of_squeezed`]).
#[cfg(test)]
fn analysis(inner: &str) -> (Option<String>, Option<String>) {
    analysis_with(inner, squeeze)
}

/// `analysis` of a text whose white space [`squeeze`] folded already (what the preamble
/// gives): its parts, trimmed by the split, are copied as they are (`squeeze` would give them
/// back unchanged).
fn analysis_of_squeezed(inner: &str) -> (Option<String>, Option<String>) {
    analysis_with(inner, str::to_owned)
}

/// The analysis of `inner`, each part folded by `fold`.
fn analysis_with(inner: &str, fold: fn(&str) -> String) -> (Option<String>, Option<String>) {
    let inner = inner.trim();
    let inner = inner.strip_prefix('(').unwrap_or(inner);
    let inner = inner.strip_suffix(')').unwrap_or(inner).trim();
    // The first space that starts a separator.
    let sep = memchr::memchr_iter(b' ', inner.as_bytes()).find_map(|at| {
        [" – ", " − ", " - ", " — "]
            .iter()
            .find(|s| inner[at..].starts_with(*s))
            .map(|s| (at, s.len()))
    });
    let clean = |s: &str| {
        let s = fold(s);
        (!s.is_empty()).then_some(s)
    };
    match sep {
        Some((at, len)) => (clean(&inner[..at]), clean(&inner[at + len..])),
        None => (clean(inner), None),
    }
}

/// The preamble among the pending lines: how many of the last are used, and the title, the
/// rubric and the analysis they give (`an`: the issue is the Assemblée nationale's).
#[allow(clippy::type_complexity)]
pub(super) fn preamble(
    pending: &[Line<'_>],
    an: bool,
) -> (
    usize,
    Option<String>,
    Option<String>,
    (Option<String>, Option<String>),
) {
    let join = |ls: &[Line<'_>]| {
        let s = match ls {
            [one] => squeeze(one.text),
            _ => squeeze(
                &ls.iter()
                    .map(|l| l.text.trim())
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
        };
        (!s.is_empty()).then_some(s)
    };
    if let Some(p) = pending.iter().rposition(|l| l.text.starts_with('(')) {
        let rubric_from = p.saturating_sub(1);
        let rubric = (p > 0).then(|| join(&pending[rubric_from..p])).flatten();
        let ana = join(&pending[p..]).map_or((None, None), |s| analysis_of_squeezed(&s));
        return (pending.len() - rubric_from, None, rubric, ana);
    }
    if pending.is_empty() {
        return (0, None, None, (None, None));
    }
    // Without an analysis line: a Sénat title (up to three lines), an AN rubric (one).
    let n = if an { 1 } else { pending.len().min(3) };
    let lines = &pending[pending.len() - n..];
    if an {
        (n, None, join(lines), (None, None))
    } else {
        (n, join(lines), None, (None, None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_lines_in_every_spelling() {
        let b = block_line("91355. – 1er décembre 2015. – M. Jean Dupont attire").unwrap();
        assert_eq!(
            (b.number, b.date, b.text),
            (Some(91355), Date::new(2015, 12, 1), "M. Jean Dupont attire")
        );
        let b = block_line("8514. − 10 octobre 2013. − M. Gilbert Roger attire").unwrap();
        assert_eq!(b.number, Some(8514));
        let b = block_line("8514 .-10 octobre 2013 .- Mme Anne Claire demande").unwrap();
        assert_eq!((b.number, b.text), (Some(8514), "Mme Anne Claire demande"));
        let b = block_line("no 1398S. – 3 mars 2016. – M. X Y attire").unwrap();
        assert_eq!(b.number, Some(1398));
        let b = block_line("N° 1398. – M. X Y attire").unwrap();
        assert_eq!((b.number, b.date), (Some(1398), None));
        let b = block_line("No 1187 – M. X Y attire").unwrap();
        assert_eq!((b.number, b.text), (Some(1187), "M. X Y attire"));
        assert!(block_line("1187 – M. X Y attire").is_none());
        let b = block_line("9l355. – 1er décembre 2015. – M. Jean Dupont attire").unwrap();
        assert_eq!(b.number, None);
        assert!(block_line("1. – Le dispositif est prévu").is_none());
        let b = block_line("91400. – 1er décembre 2015. –").unwrap();
        assert_eq!((b.number, b.text), (Some(91400), ""));
        assert!(block_line("1398. – M. X Y attire").is_none());
        assert!(block_line("2015. Il est").is_none());
        assert!(block_line("24590 Éducation nationale (p. 12)").is_none());
    }

    #[test]
    fn analyses_of_squeezed_texts_are_read_as_the_others() {
        for t in [
            "(politique agricole – aides – montant)",
            "( politique agricole  –  aides\u{a0}– montant )",
            "(exploitants – installation – jeunes agriculteurs – aides)",
            "(sapeurs-pompiers - volontaires — recrutement)",
            "( – aides)",
            "(aides – )",
            "( – )",
            "()",
            "(une seule tête)",
            "(a\t–\tb)",
            "",
        ] {
            let s = squeeze(t);
            assert_eq!(analysis_of_squeezed(&s), analysis(&s), "{t:?}");
        }
    }

    #[test]
    fn answers_and_analyses() {
        assert_eq!(answer_line("Réponse. – La loi"), Some("La loi"));
        assert_eq!(answer_line("Réponse. − L’article"), Some("L’article"));
        assert_eq!(answer_line("Réponses des ministres"), None);
        assert_eq!(
            analysis("(politique agricole – aides – montant)"),
            (
                Some("politique agricole".into()),
                Some("aides – montant".into())
            )
        );
    }
}
