//! French dates: `19/12/2023`, `3 décembre 2024`, `1er janvier 2024`, `Mardi 1er décembre 2015`,
//! and JO page references (`page : 4774`, `, page 3501`, `- page 2853`, `p. 12`).

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char, digit1, one_of, space0, space1};
use nom::combinator::{map_opt, opt, recognize, verify};
use nom::{IResult, Parser};

use super::text::{fold, tag_ascii_no_case, word_starts};
use crate::Date;

type PResult<'a, T> = IResult<&'a str, T>;

/// One or two digits: a day or a month.
fn day_or_month(i: &str) -> PResult<'_, u8> {
    map_opt(
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        |d: &str| d.parse().ok(),
    )
    .parse(i)
}

/// Four digits: a year.
fn year(i: &str) -> PResult<'_, u16> {
    map_opt(
        verify(
            take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
            |_: &str| true,
        ),
        |d: &str| d.parse().ok(),
    )
    .parse(i)
}

/// Not followed by a digit (so `12/03/20245` is no date).
fn no_more_digits(i: &str) -> PResult<'_, ()> {
    if i.starts_with(|c: char| c.is_ascii_digit()) {
        Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        )))
    } else {
        Ok((i, ()))
    }
}

// DD/MM/YYYY (also with `.` or `-`)
fn numeric_date(i: &str) -> PResult<'_, Date> {
    let (rest, (d, sep, m)) = (day_or_month, one_of("/.-"), day_or_month).parse(i)?;
    let (rest, (_, y, _)) = (char(sep), year, no_more_digits).parse(rest)?;
    match Date::new(y, m, d) {
        Some(date) => Ok((rest, date)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

/// A French month name, any case, with or without accents; `févr.`-style abbreviations too.
pub(crate) fn month(i: &str) -> PResult<'_, u8> {
    const MONTHS: [(&str, u8); 16] = [
        ("janvier", 1),
        ("fevrier", 2),
        ("mars", 3),
        ("avril", 4),
        ("mai", 5),
        ("juin", 6),
        ("juillet", 7),
        ("aout", 8),
        ("septembre", 9),
        ("octobre", 10),
        ("novembre", 11),
        ("decembre", 12),
        ("janv.", 1),
        ("fevr.", 2),
        ("sept.", 9),
        ("dec.", 12),
    ];
    // (Every name's first letter is ASCII: the others are not compared.)
    let first = i.chars().next().map(fold);
    for (name, n) in MONTHS {
        if first != Some(char::from(name.as_bytes()[0])) {
            continue;
        }
        let mut chars = i.char_indices();
        let mut ok = true;
        let mut end = 0;
        for p in name.chars() {
            match chars.next() {
                Some((at, c)) if fold(c) == p => end = at + c.len_utf8(),
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        if ok && !i[end..].starts_with(char::is_alphabetic) {
            return Ok((&i[end..], n));
        }
    }
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Tag,
    )))
}

/// A weekday name, which may open a written date.
fn weekday(i: &str) -> PResult<'_, &str> {
    alt((
        tag_ascii_no_case("lundi"),
        tag_ascii_no_case("mardi"),
        tag_ascii_no_case("mercredi"),
        tag_ascii_no_case("jeudi"),
        tag_ascii_no_case("vendredi"),
        tag_ascii_no_case("samedi"),
        tag_ascii_no_case("dimanche"),
    ))
    .parse(i)
}

// [weekday] D|1er MONTH YYYY
fn word_date(i: &str) -> PResult<'_, Date> {
    // A date that opens with its day's digits has no weekday to look for.
    let (rest, _) = if i.starts_with(|c: char| c.is_ascii_digit()) {
        (i, None)
    } else {
        opt((weekday, space1)).parse(i)?
    };
    let (rest, d) = day_or_month(rest)?;
    let (rest, _) = opt(alt((tag_ascii_no_case("er"), tag("ᵉʳ"), tag("e r")))).parse(rest)?;
    let (rest, (_, m, _, y, _)) = (space1, month, space1, year, no_more_digits).parse(rest)?;
    match Date::new(y, m, d) {
        Some(date) => Ok((rest, date)),
        None => Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        ))),
    }
}

/// A date in any of the forms the documents use.
pub(crate) fn date(i: &str) -> PResult<'_, Date> {
    // A date starts with its day's digits or a weekday (`lundi` … `dimanche`): other words are
    // rejected before the alternatives are tried.
    let starts = i.as_bytes().first().is_some_and(|&c| {
        c.is_ascii_digit() || matches!(c | 0x20, b'l' | b'm' | b'j' | b'v' | b's' | b'd')
    });
    if !starts {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        )));
    }
    alt((numeric_date, word_date)).parse(i)
}

/// The first date in `s` that starts at a word start: `(start, end, date)` in bytes.
pub(crate) fn find_date(s: &str) -> Option<(usize, usize, Date)> {
    word_starts(s).find_map(|at| {
        let (rest, d) = date(&s[at..]).ok()?;
        Some((at, s.len() - rest.len(), d))
    })
}

/// Whether `s` looks like it holds a date that could not be read (digits or a month name):
/// used to tell an unreadable date from an absent one.
pub(crate) fn has_date_like(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit()) || word_starts(s).any(|at| month(&s[at..]).is_ok())
}

// [,|-] page[ :] N    or    p. N
/// A page reference at the start of `i` (after optional punctuation).
pub(crate) fn page(i: &str) -> PResult<'_, u32> {
    let (rest, _) = (space0, opt(one_of(",-–;")), space0).parse(i)?;
    let (rest, _) = alt((
        recognize((
            tag_ascii_no_case("page"),
            opt(tag_ascii_no_case("s")),
            space0,
            opt(char(':')),
            space0,
        )),
        recognize((tag_ascii_no_case("p."), space0)),
    ))
    .parse(rest)?;
    map_opt(digit1, |d: &str| d.parse().ok()).parse(rest)
}

/// The first page reference anywhere in `s`.
pub(crate) fn find_page(s: &str) -> Option<u32> {
    word_starts(s).find_map(|at| {
        let prev = s[..at].chars().next_back();
        if prev.is_some_and(char::is_alphanumeric) {
            return None;
        }
        page(&s[at..]).ok().map(|(_, p)| p)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn numeric() {
        assert_eq!(date("19/12/2023 page"), Ok((" page", d(2023, 12, 19))));
        assert_eq!(date("1/2/2024"), Ok(("", d(2024, 2, 1))));
        assert!(date("31/02/2024").is_err());
        assert!(date("19/12/20234").is_err());
        assert!(date("19/12-2023").is_err());
        assert!(date("28-11-2013").is_ok());
    }

    #[test]
    fn written() {
        assert_eq!(
            date("3 décembre 2024, page 6403"),
            Ok((", page 6403", d(2024, 12, 3)))
        );
        assert_eq!(date("1er janvier 2024"), Ok(("", d(2024, 1, 1))));
        assert_eq!(date("17 FÉVRIER 2025"), Ok(("", d(2025, 2, 17))));
        assert_eq!(date("Mardi 1er décembre 2015"), Ok(("", d(2015, 12, 1))));
        assert_eq!(date("22 aout 2022"), Ok(("", d(2022, 8, 22))));
        assert!(date("3 décembres 2024").is_err());
        assert!(date("32 mai 2024").is_err());
    }

    #[test]
    fn months() {
        assert_eq!(month("août x"), Ok((" x", 8)));
        assert!(month("maison").is_err());
    }

    #[test]
    fn finding() {
        assert_eq!(
            find_date("Question signalée au Gouvernement le 17 février 2025"),
            Some((38, 54, d(2025, 2, 17)))
        );
        assert_eq!(
            find_date("n°13179 du 21 novembre 2019").map(|x| x.2),
            Some(d(2019, 11, 21))
        );
        assert_eq!(find_date("rien"), None);
        assert!(has_date_like("31 févr. 2024x"));
        assert!(!has_date_like("Fin de mandat"));
    }

    #[test]
    fn pages() {
        assert_eq!(page(" page : 4774"), Ok(("", 4774)));
        assert_eq!(page(", page 3501"), Ok(("", 3501)));
        assert_eq!(page(" - page 2853"), Ok(("", 2853)));
        assert_eq!(page("p. 12)"), Ok((")", 12)));
        assert!(page("pages").is_err());
        assert_eq!(find_page("du 26 juillet 2022, page 3501"), Some(3501));
        assert_eq!(find_page("homepage 3"), None);
    }
}
