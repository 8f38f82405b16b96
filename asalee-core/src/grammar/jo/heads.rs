//! The issue's own lines: running heads (`ASSEMBLÉE NATIONALE 1er DÉCEMBRE 2015 9441`, `9442
//! ASSEMBLÉE NATIONALE …`, `SÉNAT 3 MARS 2016 811`, or their parts on lines of their own as
//! extractors write them) and the cover (`no 48 A.N. (Q)`, `Mardi 1er décembre 2015`).

use super::super::date::month;
use super::super::text::{fold, match_folded};
use crate::{Chamber, Date};

/// A date as the JO prints it in any case, with the spacing extraction damages: `1er DÉCEMBRE
/// 2015`, `1 e r DÉCEMBRE 2015`, `1ᵉʳ décembre 2015`, `3 MARS 2016`, after an optional weekday.
/// Returns the date and the rest. (The usual spellings are read by [`super::fast::loose_date`],
/// the others by [`loose_date_readable`].)
pub(crate) fn loose_date(s: &str) -> Option<(Date, &str)> {
    super::fast::loose_date(s).or_else(|| loose_date_readable(s))
}

/// [`loose_date`], every spelling read by the same steps.
pub(super) fn loose_date_readable(s: &str) -> Option<(Date, &str)> {
    let mut s = s.trim_start();
    if s.starts_with(|c: char| c.is_alphabetic()) {
        s = weekday(s)?.trim_start();
    }
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let day: u8 = s[..digits].parse().ok()?;
    let mut rest = s[digits..].trim_start();
    for ordinal in ["ᵉʳ", "er", "e r", "er"] {
        if let Some(r) = rest.strip_prefix(ordinal) {
            if !r.starts_with(char::is_alphanumeric) {
                rest = r;
                break;
            }
        }
    }
    let rest = rest.trim_start();
    let (rest, m) = month(rest).ok()?;
    let rest = rest.trim_start();
    let ydigits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if ydigits != 4 {
        return None;
    }
    let year: u16 = rest[..4].parse().ok()?;
    Some((Date::new(year, m, day)?, &rest[4..]))
}

/// A weekday at the start of `s` (any case), and the rest.
fn weekday(s: &str) -> Option<&str> {
    [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ]
    .iter()
    .find_map(|d| {
        let len = match_folded(s, d)?;
        Some(&s[len..])
    })
}

/// The chamber named at the start of `s` (`ASSEMBLÉE NATIONALE`, `SÉNAT`, any case), and the rest.
/// (The running heads' spellings are read by [`super::fast::chamber_prefix`].)
fn chamber_prefix(s: &str) -> Option<(Chamber, &str)> {
    super::fast::chamber_prefix(s).or_else(|| chamber_prefix_readable(s))
}

/// [`chamber_prefix`], any case and spacing.
pub(super) fn chamber_prefix_readable(s: &str) -> Option<(Chamber, &str)> {
    let first = s.chars().next().map(fold)?;
    let (name, chamber) = match first {
        'a' => ("Assemblée nationale", Chamber::An),
        's' => ("Sénat", Chamber::Senat),
        _ => return None,
    };
    let len = match_folded(s, name)?;
    Some((chamber, &s[len..]))
}

/// A part of a running head, as one line holds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct HeadPart {
    pub(crate) chamber: Option<Chamber>,
    pub(crate) date: Option<Date>,
    pub(crate) page: Option<u32>,
}

/// A page number alone: one to five digits.
fn page_number(s: &str) -> Option<u32> {
    let s = s.trim();
    (!s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// What part of a running head a (trimmed, folded-space) line is: `[PAGE] CHAMBER [DATE] [PAGE]`,
/// a date alone, or a page number alone.
pub(crate) fn head_part(t: &str) -> Option<HeadPart> {
    let first = t.as_bytes().first()?;
    if first.is_ascii_digit() {
        if let Some(p) = page_number(t) {
            return Some(HeadPart {
                chamber: None,
                date: None,
                page: Some(p),
            });
        }
        // A date alone, or a page number before the chamber.
        if let Some((d, rest)) = loose_date(t) {
            return rest.trim().is_empty().then_some(HeadPart {
                chamber: None,
                date: Some(d),
                page: None,
            });
        }
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let (page, rest) = (page_number(&t[..digits])?, t[digits..].trim_start());
        let mut part = after_page(rest)?;
        if part.page.is_some() || part.chamber.is_none() {
            return None;
        }
        part.page = Some(page);
        return Some(part);
    }
    after_page(t)
}

/// `CHAMBER [DATE] [PAGE]` (the whole of `t`).
fn after_page(t: &str) -> Option<HeadPart> {
    let (chamber, rest) = chamber_prefix(t)?;
    let rest = rest.trim_start();
    let (date, rest) = match loose_date(rest) {
        Some((d, r)) => (Some(d), r.trim()),
        None => (None, rest.trim()),
    };
    let page = if rest.is_empty() {
        None
    } else {
        Some(page_number(rest)?)
    };
    if date.is_none() && page.is_some() {
        return None;
    }
    Some(HeadPart {
        chamber: Some(chamber),
        date,
        page,
    })
}

/// The cover's issue-number line: `Année 2015. – no 48 A.N. (Q) …`, `no 9 S (Q)`: the chamber it
/// names and the date it holds, if any.
pub(crate) fn issue_number_line(t: &str) -> Option<(Option<Chamber>, Option<Date>)> {
    let q = t.find("(Q)")?;
    let before = t[..q].trim_end();
    let chamber = if before.ends_with("A.N.") || before.ends_with("AN") {
        Some(Chamber::An)
    } else if before.ends_with(" S") || before.ends_with("S.") {
        Some(Chamber::Senat)
    } else {
        None
    };
    // `no N` or `n° N` before the chamber's letters.
    let has_number = ["no ", "n° ", "No ", "N° ", "n°", "no"]
        .iter()
        .any(|sign| before.contains(sign));
    if !has_number {
        return None;
    }
    let date = super::super::text::word_starts(&t[q..]).find_map(|at| loose_date(&t[q + at..]));
    Some((chamber, date.map(|(d, _)| d)))
}

/// A cover's date line alone: `Mardi 1er décembre 2015` (with its weekday).
pub(crate) fn weekday_date_line(t: &str) -> Option<Date> {
    weekday(t)?;
    let (d, rest) = loose_date(t)?;
    rest.trim().is_empty().then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn running_heads_in_every_shape() {
        let d = Date::new(2015, 12, 1).unwrap();
        let full = |page| HeadPart {
            chamber: Some(Chamber::An),
            date: Some(d),
            page,
        };
        assert_eq!(
            head_part("ASSEMBLÉE NATIONALE 1er DÉCEMBRE 2015 9441"),
            Some(full(Some(9441)))
        );
        assert_eq!(
            head_part("9442 ASSEMBLÉE NATIONALE 1 e r DÉCEMBRE 2015"),
            Some(full(Some(9442)))
        );
        assert_eq!(
            head_part("ASSEMBLÉE NATIONALE 1 e r DÉCEMBRE 2015"),
            Some(full(None))
        );
        assert_eq!(head_part("9424").and_then(|p| p.page), Some(9424));
        assert_eq!(
            head_part("3 MARS 2016").and_then(|p| p.date),
            Date::new(2016, 3, 3)
        );
        assert_eq!(
            head_part("SÉNAT").and_then(|p| p.chamber),
            Some(Chamber::Senat)
        );
        assert_eq!(head_part("Sénat qui a voté"), None);
        assert_eq!(head_part("12 Assemblée nationale a voté"), None);
    }

    #[test]
    fn cover_lines() {
        let (c, d) = issue_number_line(
            "Année 2015. – no 48 A.N. (Q) ISSN 0242-6757 Mardi 1er décembre 2015",
        )
        .unwrap();
        assert_eq!((c, d), (Some(Chamber::An), Date::new(2015, 12, 1)));
        assert_eq!(
            issue_number_line("Année 2016. – no 9 S (Q)"),
            Some((Some(Chamber::Senat), None))
        );
        assert_eq!(
            weekday_date_line("Jeudi 3 mars 2016"),
            Date::new(2016, 3, 3)
        );
        assert_eq!(weekday_date_line("3 mars 2016"), None);
    }
}

/// What the issue's cover and running heads say.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Issue {
    pub(super) chamber: Option<Chamber>,
    pub(super) legislature: Option<u32>,
    pub(super) date: Option<Date>,
    /// The date the running heads give, for an issue copied without its cover.
    pub(super) head_date: Option<Date>,
    /// Whether a block of this issue was read (the cover is over).
    pub(super) started: bool,
}
