//! Productions shared by every layout: question numbers, kinds, legislature and chamber lines,
//! and the site chrome (buttons, footers) that ends a document in a text rendering.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::{char, digit1, space0, space1};
use nom::combinator::{map_opt, opt, recognize, value};
use nom::{IResult, Parser};

use super::prefilter::Phrases;
use super::text::{match_folded, starts_folded, tag_ascii_no_case};
use crate::{Chamber, Kind};

type PResult<'a, T> = IResult<&'a str, T>;

// n° | N° | nº | no | n o | numéro
/// The sign before a question number, with the spaces and colon around it.
pub(crate) fn number_sign(i: &str) -> PResult<'_, &str> {
    let (rest, _) = space0(i)?;
    let (rest, sign) = alt((
        tag_ascii_no_case("n°"),
        tag_ascii_no_case("nº"),
        tag_ascii_no_case("n °"),
        recognize((
            tag_ascii_no_case("no"),
            nom::combinator::peek(alt((space1, digit1))),
        )),
        tag_ascii_no_case("n."),
        recognize((tag_ascii_no_case("num"), alt((tag("éro"), tag("ero"))))),
    ))
    .parse(rest)?;
    let (rest, _) = (space0, opt(char(':')), space0).parse(rest)?;
    Ok((rest, sign))
}

// 09521 | 1234S (Sénat oral questions)
/// A question number: digits (leading zeros allowed), and a Sénat suffix letter dropped.
pub(crate) fn question_number(i: &str) -> PResult<'_, u64> {
    let (rest, n) = map_opt(take_while1(|c: char| c.is_ascii_digit()), |d: &str| {
        if d.len() > 12 {
            None
        } else {
            d.parse::<u64>().ok()
        }
    })
    .parse(i)?;
    let (rest, _) = opt(alt((char('S'), char('G')))).parse(rest)?;
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Digit,
        )));
    }
    Ok((rest, n))
}

/// A kind written out: `Question écrite`, `Question orale sans débat`, `Question au Gouvernement`,
/// `Question d'actualité au Gouvernement`, `Question orale` (any case). `Ok(None)` for a kind with
/// no code (`Question orale avec débat`, `Question crible`).
pub(crate) fn kind_words(i: &str) -> PResult<'_, Option<Kind>> {
    const KINDS: [(&str, Option<Kind>); 9] = [
        ("Question écrite", Some(Kind::Qe)),
        ("Question orale sans débat", Some(Kind::Qosd)),
        ("Question orale avec débat", None),
        ("Question orale", Some(Kind::Qosd)),
        ("Question au Gouvernement", Some(Kind::Qg)),
        ("Question d'actualité au Gouvernement", Some(Kind::Qg)),
        ("Questions au Gouvernement", Some(Kind::Qg)),
        ("Question crible thématique", None),
        ("Question crible", None),
    ];
    static PHRASES: std::sync::LazyLock<Phrases> = std::sync::LazyLock::new(|| {
        let texts: [&'static str; 9] = std::array::from_fn(|k| KINDS[k].0);
        Phrases::new(&texts)
    });
    if let Some((k, len)) = PHRASES.find(i) {
        return Ok((&i[len..], KINDS[k].1));
    }
    Err(nom::Err::Error(nom::error::Error::new(
        i,
        nom::error::ErrorKind::Tag,
    )))
}

/// The 11th-legislature `<nat>` code (`QE`, `QG`, `QOSD`), taken as it is.
pub(crate) fn kind_code(s: &str) -> Option<Kind> {
    s.trim().parse().ok()
}

/// A Roman numeral up to 39 (`XIV`).
fn roman(i: &str) -> PResult<'_, u32> {
    let (rest, s) = take_while1(|c: char| matches!(c, 'I' | 'V' | 'X')).parse(i)?;
    let mut total = 0u32;
    let vals: Vec<u32> = s
        .chars()
        .map(|c| match c {
            'I' => 1,
            'V' => 5,
            _ => 10,
        })
        .collect();
    for (k, v) in vals.iter().enumerate() {
        if vals.get(k + 1).is_some_and(|n| n > v) {
            total = total.saturating_sub(*v);
        } else {
            total += v;
        }
    }
    if total == 0 || total > 39 {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Verify,
        )));
    }
    Ok((rest, total))
}

// 16ème législature | 17ème Législature | 14e législature | XIVe législature | 16 e législature
/// A legislature line (the whole line).
pub(crate) fn legislature_line(s: &str) -> Option<u32> {
    let s = super::text::trim(s);
    if s.len() > 40 || !s.starts_with(|c: char| c.is_ascii_digit() || matches!(c, 'I' | 'V' | 'X'))
    {
        return None;
    }
    let (rest, n) = alt((
        map_opt(digit1, |d: &str| {
            d.parse::<u32>().ok().filter(|n| (1..=40).contains(n))
        }),
        roman,
    ))
    .parse(s)
    .ok()?;
    let (rest, _) = (
        space0::<&str, nom::error::Error<&str>>,
        opt(alt((
            tag("ème"),
            tag("eme"),
            tag("e"),
            tag("ᵉ"),
            tag("re"),
            tag("ère"),
        ))),
        space1,
    )
        .parse(rest)
        .ok()?;
    let len = match_folded(rest, "législature")?;
    rest[len..].trim().is_empty().then_some(n)
}

/// A chamber line (the whole line): `ASSEMBLÉE NATIONALE`, `Sénat`.
pub(crate) fn chamber_line(s: &str) -> Option<Chamber> {
    let s = super::text::trim(s);
    if s.len() > 24 {
        return None;
    }
    // Each name is tried only on a line whose first letter folds to the name's.
    let whole = |name: &str| match_folded(s, name).is_some_and(|l| l == s.len());
    match s.chars().next().map(super::text::fold) {
        Some('a') if whole("Assemblée nationale") => Some(Chamber::An),
        Some('s') if whole("Sénat") => Some(Chamber::Senat),
        _ => None,
    }
}

/// Lines of the sites' chrome that follow a document's last field in text renderings: a
/// document ends there.
pub(crate) fn is_chrome(line: &str) -> bool {
    // List bullets of text renderings (`* `, `- `, `• `) before the link's text.
    let s = super::text::trim(line);
    // Chrome lines are short: a paragraph is rejected without looking further.
    if s.len() > 64 {
        return s.starts_with('©');
    }
    let s = s.trim_start_matches(['-', '*', '•', '+']).trim();
    // lynx writes a button as `(BUTTON) label`.
    let s = s.strip_prefix("(BUTTON)").map_or(s, str::trim_start);
    const WHOLE: &[&str] = &[
        "Imprimer",
        "Format PDF",
        "partager",
        "Partager sur",
        "Page mise à jour le",
        "Haut de page",
        "Retour haut de page",
        "Retour en haut de page",
        "Aller en bas de la page",
        "Version PDF",
        "Imprimer cette page",
        "Envoyer par courriel",
        "Voir la question",
        "Lien permanent",
        "Aller au contenu",
        "Aller directement au contenu",
        "Accéder au contenu",
    ];
    if s.starts_with('©') || s.starts_with(['P', 'p']) && starts_folded(s, "Page mise à jour le")
    {
        return true;
    }
    static PHRASES: std::sync::LazyLock<Phrases> = std::sync::LazyLock::new(|| Phrases::new(WHOLE));
    // A text dump may put an icon's name before the button's label (`printer-icon Imprimer`).
    let whole = |t: &str| PHRASES.is_whole(t);
    whole(s)
        || s.split_once(char::is_whitespace)
            .is_some_and(|(_, tail)| whole(tail.trim_start()))
}

// Question KIND n° N
/// `Question écrite n° 2621` and its kin at the start of a line: kind, number, and the rest.
pub(crate) fn kind_number(i: &str) -> PResult<'_, (Option<Kind>, u64)> {
    let (rest, kind) = kind_words(i)?;
    let (rest, _) = number_sign(rest)?;
    let (rest, n) = question_number(rest)?;
    Ok((rest, (kind, n)))
}

// Question N° [:] N
/// `Question N° : 13927` / `Question N° 3200` (an-fiche, an-legacy): the number and the rest.
pub(crate) fn numero_line(i: &str) -> PResult<'_, u64> {
    let (rest, _) = value((), (tag_ascii_no_case("Question"), space1)).parse(i)?;
    // A capital N: `Question n°200` is an an-dyn breadcrumb, not this line.
    if !rest.starts_with('N') {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Char,
        )));
    }
    let (rest, _) = number_sign(rest)?;
    question_number(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_words_through_heads() {
        for (text, kind) in [
            ("Question écrite n° 3", Some(Kind::Qe)),
            ("QUESTION ECRITE", Some(Kind::Qe)),
            ("Question orale sans débat n° 4", Some(Kind::Qosd)),
            ("Question orale n° 4", Some(Kind::Qosd)),
            ("Question orale avec débat", None),
            ("Question au Gouvernement n° 8", Some(Kind::Qg)),
            ("Question d’actualité au Gouvernement", Some(Kind::Qg)),
            ("Questions au Gouvernement", Some(Kind::Qg)),
            ("Question crible thématique", None),
        ] {
            assert_eq!(kind_words(text).map(|(_, k)| k).ok(), Some(kind), "{text}");
        }
        for text in [
            "Question publiée au JO le",
            "Questions",
            "Texte de la question",
            "",
        ] {
            assert!(kind_words(text).is_err(), "{text}");
        }
    }

    #[test]
    fn chrome_phrases_start_with_known_pairs() {
        for line in [
            "Imprimer",
            "* Partager sur",
            "printer-icon Imprimer",
            "(BUTTON) printer-icon Imprimer",
            "Retour en haut de page",
            "ALLER AU CONTENU",
            "Accéder au contenu",
            "Voir la question",
            "Lien permanent",
            "Envoyer par courriel",
            "Version PDF",
            "Format PDF",
            "Haut de page",
            "Page mise à jour le 3 mai 2024",
            "© Assemblée nationale",
        ] {
            assert!(is_chrome(line), "{line}");
        }
        assert!(!is_chrome("Rubrique : santé"));
    }

    #[test]
    fn numbers() {
        assert_eq!(numero_line("Question N° : 13927\tDe"), Ok(("\tDe", 13927)));
        assert_eq!(numero_line("Question N° 3200"), Ok(("", 3200)));
        assert_eq!(numero_line("Question N°:450"), Ok(("", 450)));
        assert!(numero_line("Question N° : ").is_err());
        assert!(numero_line("Question n°200").is_err());
        assert_eq!(
            kind_number("Question écrite n° 09521 de Mme"),
            Ok((" de Mme", (Some(Kind::Qe), 9521)))
        );
        assert_eq!(
            kind_number("Question au Gouvernement n°200 :"),
            Ok((" :", (Some(Kind::Qg), 200)))
        );
        assert_eq!(
            kind_number("Question orale n° 0123S de M. X"),
            Ok((" de M. X", (Some(Kind::Qosd), 123)))
        );
        assert_eq!(
            kind_number("QUESTION ÉCRITE N° 12"),
            Ok(("", (Some(Kind::Qe), 12)))
        );
        assert!(kind_number("Question écrite n° 12345678901234").is_err());
        assert!(kind_number("Question écrite n°").is_err());
    }

    #[test]
    fn kinds() {
        assert_eq!(
            kind_words("Question au gouvernement").map(|r| r.1),
            Ok(Some(Kind::Qg))
        );
        assert_eq!(
            kind_words("Question orale sans débat").map(|r| r.1),
            Ok(Some(Kind::Qosd))
        );
        assert_eq!(
            kind_words("Question orale avec débat").map(|r| r.1),
            Ok(None)
        );
        assert_eq!(kind_code(" QOSD "), Some(Kind::Qosd));
        assert_eq!(kind_code("QX"), None);
    }

    #[test]
    fn legislatures_and_chambers() {
        assert_eq!(legislature_line("16ème législature"), Some(16));
        assert_eq!(legislature_line("17ème Législature"), Some(17));
        assert_eq!(legislature_line("14e législature"), Some(14));
        assert_eq!(legislature_line("XIVe législature"), Some(14));
        assert_eq!(legislature_line("Questions 16e législature"), None);
        assert_eq!(legislature_line("16ème législature 2022"), None);
        assert_eq!(chamber_line("ASSEMBLÉE NATIONALE"), Some(Chamber::An));
        assert_eq!(chamber_line("Sénat"), Some(Chamber::Senat));
        assert!(is_chrome("Imprimer"));
        assert!(is_chrome("Page mise à jour le"));
        assert!(!is_chrome("Imprimer le texte"));
        assert!(is_chrome("printer-icon Imprimer"));
        assert!(is_chrome("pdf Format PDF"));
        assert!(is_chrome("  • Aller au contenu"));
    }
}
