//! Fast paths for the most frequent lines, each beside the readable production it
//! stands for and held to it by a test: each answers only the shapes it is sure of (`None`
//! otherwise, when the readable production decides).
//!
//! - [`loose_date`]: `1er décembre 2015`, `8 SEPTEMBRE 2015` (one space between the parts, the
//!   month spelled in lower case or in capitals) for [`super::heads::loose_date_readable`];
//! - [`chamber_prefix`]: `ASSEMBLÉE NATIONALE`, `SÉNAT` as the running heads write them, for
//!   [`super::heads::chamber_prefix_readable`];
//! - [`no_section`]: the lines that start like a section's name but are none (`Réponse. –`,
//!   `Au …`), for [`super::sections::section_heading_readable`];
//! - [`only_text`]: the lines the walk takes for text without asking the other productions
//!   (`Walk::line`).

use crate::{Chamber, Date};

/// The months as the JO writes them, in lower case and in capitals, with their numbers.
const MONTHS: [(&str, u8); 24] = [
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("JANVIER", 1),
    ("FÉVRIER", 2),
    ("MARS", 3),
    ("AVRIL", 4),
    ("MAI", 5),
    ("JUIN", 6),
    ("JUILLET", 7),
    ("AOÛT", 8),
    ("SEPTEMBRE", 9),
    ("OCTOBRE", 10),
    ("NOVEMBRE", 11),
    ("DÉCEMBRE", 12),
];

/// Whether the byte after a word leaves it whole: the end, or ASCII that is no letter nor digit
/// (a byte of a non-ASCII character leaves a doubt: `false`).
fn ends_word(next: Option<&u8>) -> bool {
    next.is_none_or(|b| b.is_ascii() && !b.is_ascii_alphanumeric())
}

/// A month's name at the start of `s`, spelled as in [`MONTHS`] and not followed by a letter:
/// the rest and the month, as `date::month` reads them.
fn month(s: &str) -> Option<(&str, u8)> {
    let b = s.as_bytes();
    let first = *b.first()?;
    MONTHS.iter().find_map(|&(name, n)| {
        let ok = name.as_bytes()[0] == first
            && b.starts_with(name.as_bytes())
            && ends_word(b.get(name.len()));
        ok.then(|| (&s[name.len()..], n))
    })
}

/// `D[er] MONTH YYYY` at the very start of `s`, one ASCII space between the parts: the date and
/// the rest, as [`super::heads::loose_date`] reads them; `None` for any other shape.
pub(super) fn loose_date(s: &str) -> Option<(Date, &str)> {
    let b = s.as_bytes();
    let digits = b.iter().take(3).take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let day = b[..digits].iter().fold(0u8, |d, c| d * 10 + (c - b'0'));
    let mut at = digits;
    if b[at..].starts_with(b"er") && b.get(at + 2) == Some(&b' ') {
        at += 2;
    }
    if b.get(at) != Some(&b' ') || b.get(at + 1) == Some(&b' ') {
        return None;
    }
    let (rest, m) = month(&s[at + 1..])?;
    let r = rest.as_bytes();
    let year = r.get(1..5)?;
    let plain = r[0] == b' '
        && year.iter().all(u8::is_ascii_digit)
        && !r.get(5).is_some_and(u8::is_ascii_digit);
    if !plain {
        return None;
    }
    let year = year.iter().fold(0u16, |y, c| y * 10 + u16::from(c - b'0'));
    Some((Date::new(year, m, day)?, &rest[5..]))
}

/// The chamber at the start of `s` spelled as the running heads print it (`ASSEMBLÉE
/// NATIONALE`, `Assemblée nationale`, `SÉNAT`, `Sénat`) and not followed by a letter or digit,
/// and the rest; `None` for any other spelling.
pub(super) fn chamber_prefix(s: &str) -> Option<(Chamber, &str)> {
    const NAMES: [(&str, Chamber); 4] = [
        ("ASSEMBLÉE NATIONALE", Chamber::An),
        ("Assemblée nationale", Chamber::An),
        ("SÉNAT", Chamber::Senat),
        ("Sénat", Chamber::Senat),
    ];
    let b = s.as_bytes();
    NAMES.iter().find_map(|&(name, chamber)| {
        let ok = b.starts_with(name.as_bytes()) && ends_word(b.get(name.len()));
        ok.then(|| (chamber, &s[name.len()..]))
    })
}

/// Whether a (trimmed, non-blank) line of an issue whose cover is read can only be text: it
/// starts with a lower-case ASCII letter, which no running head, page number, chrome, header,
/// cover, section, block, answer, ministry or `Transmise` line starts with, but for the `n` of
/// `no 1234. –`, the `p` of `partager` and the `r` of a `réponse. –` (left to the readable walk).
pub(super) fn only_text(t: &str) -> bool {
    t.as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii_lowercase() && !matches!(b, b'n' | b'p' | b'r'))
}

/// Whether a (trimmed) line surely heads no section though its first letters are a section
/// name's: `Réponse.` (the answers' `Réponses` wants an `s` there, `Rectificatif` a `c` after
/// `Re`) and `Au ` (`aux questions écrites` wants an `x`).
pub(super) fn no_section(t: &str) -> bool {
    t.starts_with("Réponse.") || t.starts_with("Au ")
}

#[cfg(test)]
mod tests {
    use super::super::{heads, sections};
    use super::*;

    /// Lines of every shape near the fast paths' (and some of the readable's only).
    const SAMPLES: &[&str] = &[
        "1er décembre 2015",
        "1er décembre 2015. – M. Jean Dupont",
        "1er DÉCEMBRE 2015 9427",
        "8 septembre 2015. –",
        "25 août 2015",
        "25 AOÛT 2015",
        "3 MARS 2016",
        "31 février 2015",
        "1 e r DÉCEMBRE 2015",
        "1ᵉʳ décembre 2015",
        "1er  décembre 2015",
        "1er décembre  2015",
        "1er décembre 20155",
        "1er décembre 201",
        "1er Décembre 2015",
        "1er decembre 2015",
        "1er décembrex 2015",
        "1er décembreé 2015",
        "1er décembre",
        "1er décembre 2015x",
        "12 sept. 2015",
        "12 septembre 2015",
        "123 mai 2015",
        "1 mai 2015",
        "1ermai 2015",
        "1er mai2015",
        "Mardi 1er décembre 2015",
        "100002. – 1er décembre 2015. – M. Paul",
        "9426 ASSEMBLÉE NATIONALE 1er DÉCEMBRE 2015",
        "",
    ];

    /// The written issues' renderings.
    const FILES: [&str; 7] = [
        include_str!("../../../../fixtures/jo/an-2015-48.docshare.txt"),
        include_str!("../../../../fixtures/jo/an-2015-48.ocr.txt"),
        include_str!("../../../../fixtures/jo/an-2015-48.viewer.txt"),
        include_str!("../../../../fixtures/jo/senat-2016-9.docshare.txt"),
        include_str!("../../../../fixtures/jo/senat-2016-9.ocr.txt"),
        include_str!("../../../../fixtures/jo/senat-2016-9.viewer.txt"),
        include_str!("../../../../fixtures/jo/errors.txt"),
    ];

    #[test]
    fn the_walk_reads_the_same_with_its_shortcut() {
        for text in FILES {
            let markup = crate::markup::lines(text);
            let reading = super::super::lines::reading_order(text, 0..text.len(), &markup);
            let mut fast = super::super::walk::Walk::new(&reading);
            fast.run(&reading.lines);
            let mut readable = super::super::walk::Walk::new(&reading).readable();
            readable.run(&reading.lines);
            assert!(!fast.out.is_empty());
            assert_eq!(fast.out, readable.out);
        }
    }

    /// The written issues' renderings, every line and every line's tail from each space.
    fn fixture_texts() -> Vec<&'static str> {
        let mut out: Vec<&str> = SAMPLES.to_vec();
        for line in FILES.iter().flat_map(|f| f.lines()) {
            let t = line.trim();
            out.push(t);
            out.extend(t.match_indices(' ').map(|(at, _)| &t[at + 1..]));
        }
        out
    }

    #[test]
    fn every_fixture_line_reads_the_same_both_ways() {
        let mut fast_dates = 0;
        for s in fixture_texts() {
            if let Some(fast) = loose_date(s) {
                fast_dates += 1;
                assert_eq!(Some(fast), heads::loose_date_readable(s), "{s:?}");
            }
            if let Some(fast) = chamber_prefix(s) {
                assert_eq!(Some(fast), heads::chamber_prefix_readable(s), "{s:?}");
            }
            if no_section(s) {
                assert_eq!(sections::section_heading_readable(s), None, "{s:?}");
            }
        }
        assert!(fast_dates > 50, "{fast_dates}");
    }

    #[test]
    fn dates_agree_with_the_readable_reading() {
        for s in SAMPLES {
            if let Some(fast) = loose_date(s) {
                assert_eq!(Some(fast), heads::loose_date_readable(s), "{s:?}");
            }
        }
        for (name, n) in MONTHS {
            let s = format!("{name} 2015");
            let readable = crate::grammar::date::month(&s).ok();
            assert_eq!(month(&s), readable, "{s:?}");
            assert_eq!(readable.map(|(_, m)| m), Some(n));
            let s = format!("1er {name} 2015. – M.");
            assert!(loose_date(&s).is_some(), "{s:?}");
            assert_eq!(loose_date(&s), heads::loose_date_readable(&s), "{s:?}");
        }
    }

    #[test]
    fn chambers_agree_with_the_readable_reading() {
        for s in [
            "ASSEMBLÉE NATIONALE 1er DÉCEMBRE 2015 9427",
            "ASSEMBLÉE NATIONALE",
            "Assemblée nationale",
            "ASSEMBLÉE NATIONALES",
            "ASSEMBLÉE  NATIONALE",
            "SÉNAT 3 MARS 2016 811",
            "SÉNAT",
            "Sénat qui a voté",
            "Sénateur",
            "SÉNAT’",
            "Sénat.",
        ] {
            if let Some(fast) = chamber_prefix(s) {
                assert_eq!(Some(fast), heads::chamber_prefix_readable(s), "{s:?}");
            }
        }
        assert!(chamber_prefix("ASSEMBLÉE NATIONALE 1er").is_some());
    }

    #[test]
    fn no_section_is_what_the_readable_reading_says() {
        for s in [
            "Réponse. – Le versement",
            "Réponse.",
            "Au Journal officiel",
            "Au cours de l’année",
            "Réponses des ministres aux questions écrites",
            "AUX QUESTIONS ÉCRITES",
            "Rectificatif(s)",
        ] {
            if no_section(s) {
                assert_eq!(sections::section_heading_readable(s), None, "{s:?}");
            }
        }
    }
}
