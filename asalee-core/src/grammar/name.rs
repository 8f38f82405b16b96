//! Names and civilities (`Mme Laure Miller`, `M. CLUZEL Jean`), the `( A - B )` that follows an
//! author, the opening words of a question text, and constituencies (`Jura (1re circonscription)
//! - Groupe`, `6^e`, `10<sup>e</sup>` once the markup is gone).

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::{digit1, space0, space1};
use nom::combinator::{map_opt, opt, value};
use nom::{IResult, Parser};

use super::text::{squeeze, tag_ascii_no_case};

type PResult<'a, T> = IResult<&'a str, T>;

// Mme | Mlle | M. | Madame | Monsieur  (followed by white space)
/// A civility, normalised to `"M."`, `"Mme"` or `"Mlle"`.
pub(crate) fn civility(i: &str) -> PResult<'_, &'static str> {
    let (rest, civ) = alt((
        value("Mme", tag("Mme")),
        value("Mlle", tag("Mlle")),
        value("Mme", tag_ascii_no_case("Madame")),
        value("M.", tag_ascii_no_case("Monsieur")),
        value("M.", tag("M.")),
        value("Mme", tag("MME")),
    ))
    .parse(i)?;
    let (rest, _) = space1(rest)?;
    Ok((rest, civ))
}

/// The two parts of `( A - B )`: the first ends at the first ` - `; the rest, even if it holds
/// ` - ` itself, is the second. A single part is returned as the first.
pub(crate) fn split_pair(inner: &str) -> (Option<String>, Option<String>) {
    let inner = inner.trim();
    let sep = [" - ", " – ", " -\u{a0}"]
        .iter()
        .filter_map(|s| inner.find(s).map(|at| (at, s.len())))
        .min();
    let clean = |s: &str| {
        let s = squeeze(s);
        (!s.is_empty()).then_some(s)
    };
    match sep {
        Some((at, len)) => (clean(&inner[..at]), clean(&inner[at + len..])),
        None => match inner
            .strip_suffix(" -")
            .or_else(|| inner.strip_prefix("- "))
        {
            Some(one) => (clean(one), None),
            None => (clean(inner), None),
        },
    }
}

/// An author as written before `( A - B )`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct AuthorLine {
    pub(crate) civility: Option<&'static str>,
    pub(crate) name: Option<String>,
    /// The two parts inside the parentheses, if any.
    pub(crate) first: Option<String>,
    pub(crate) second: Option<String>,
    /// Whether parentheses followed the name.
    pub(crate) has_parens: bool,
}

// [de|De] CIV NAME [( A - B )] [rest]
/// An author line; returns it and what follows the closing parenthesis.
pub(crate) fn author_line(i: &str) -> PResult<'_, AuthorLine> {
    let (rest, civ) = author_civility(i)?;
    let name_end = name_end(rest);
    let name = squeeze(&rest[..name_end]);
    if name.is_empty() || !name.starts_with(|c: char| c.is_uppercase()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::Alpha,
        )));
    }
    let mut out = AuthorLine {
        civility: Some(civ),
        name: Some(name),
        ..AuthorLine::default()
    };
    let after = &rest[name_end..];
    if let Some(inner_and_rest) = after.strip_prefix('(') {
        // Match the closing parenthesis, allowing one nested pair (`(Les Républicains (LR) - X)`).
        let mut depth = 1;
        let mut close = None;
        for (at, c) in inner_and_rest.char_indices() {
            match c {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(at);
                        break;
                    }
                }
                _ => {}
            }
        }
        let close = close.unwrap_or(inner_and_rest.len());
        let (a, b) = split_pair(&inner_and_rest[..close]);
        out.first = a;
        out.second = b;
        out.has_parens = true;
        let rest = inner_and_rest.get(close + 1..).unwrap_or("");
        return Ok((rest, out));
    }
    Ok((after, out))
}

/// The start of an author line: white space, perhaps `de`, and the civility.
fn author_civility(i: &str) -> PResult<'_, &'static str> {
    let (rest, _) = space0(i)?;
    let (rest, _) = opt((alt((tag("de"), tag("De"), tag("DE"))), space1)).parse(rest)?;
    civility(rest)
}

/// Where the name after the civility ends: at `(`, `,` or a cell break.
fn name_end(rest: &str) -> usize {
    rest.find(['(', ',', '\t']).unwrap_or(rest.len())
}

/// Whether [`author_line`] reads an author followed by parentheses from `i`, decided without
/// building it (what an anchor line needs to know).
pub(crate) fn has_author_with_parens(i: &str) -> bool {
    let Ok((rest, _)) = author_civility(i) else {
        return false;
    };
    let name_end = name_end(rest);
    // The squeezed name is not empty and starts with a capital.
    rest[..name_end]
        .trim_start()
        .starts_with(char::is_uppercase)
        && rest[name_end..].starts_with('(')
}

/// Lower-case words that belong to a name when a capitalised word follows them.
const PARTICLES: &[&str] = &[
    "de", "du", "des", "d'", "d’", "la", "le", "van", "von", "der", "den", "di", "da", "dos",
    "del", "della", "ter", "ten", "zu", "y", "el", "al", "ben", "bin",
];

/// The civility and name from a question's opening words: `Mme Mathilde Hignet alerte …` gives
/// (`Mme`, `Mathilde Hignet`); `M. Charles de Courson appelle` gives `Charles de Courson`.
pub(crate) fn opening_name(text: &str) -> Option<(&'static str, String)> {
    let (rest, civ) = civility(text.trim_start()).ok()?;
    let mut words: Vec<&str> = Vec::new();
    let mut iter = rest.split(' ').filter(|w| !w.is_empty()).peekable();
    while let Some(w) = iter.next() {
        let first = w.chars().next()?;
        if first.is_uppercase() {
            let core = w.trim_end_matches([',', '.', ';', ':']);
            words.push(core);
            if core.len() != w.len() {
                break;
            }
            continue;
        }
        // Particles glued by an apostrophe: d'Artagnan.
        let glued = ["d'", "d’"].iter().find_map(|p| {
            w.strip_prefix(p)
                .filter(|r| r.starts_with(char::is_uppercase))
                .map(|_| w)
        });
        if let Some(g) = glued {
            words.push(g);
            continue;
        }
        let next_cap = iter
            .peek()
            .is_some_and(|n| n.starts_with(char::is_uppercase));
        if PARTICLES.contains(&w) && next_cap && !words.is_empty() {
            words.push(w);
            continue;
        }
        break;
    }
    if words.is_empty() {
        return None;
    }
    Some((civ, words.join(" ")))
}

// N(re|er|ère|e|ème|nde|^e) circonscription
/// A constituency ordinal followed by `circonscription`.
pub(crate) fn constituency(i: &str) -> PResult<'_, u32> {
    let (rest, n) = map_opt(digit1, |d: &str| d.parse::<u32>().ok()).parse(i)?;
    let (rest, _) = opt(alt((
        tag("ère"),
        tag("re"),
        tag("er"),
        tag("ème"),
        tag("eme"),
        tag("nde"),
        tag("d"),
        tag("e"),
        tag("ᵉ"),
    )))
    .parse(rest)?;
    let (rest, _) = (space0, tag_ascii_no_case("circonscription")).parse(rest)?;
    Ok((rest, n))
}

/// `Département (Ne circonscription) - Groupe`: the department, the constituency, the group.
pub(crate) fn constituency_line(s: &str) -> Option<(Option<String>, Option<u32>, Option<String>)> {
    let open = s.find('(')?;
    let close = open + s[open..].find(')')?;
    let (_, n) = constituency(s[open + 1..close].trim()).ok()?;
    let dept = squeeze(&s[..open]);
    let after = s[close + 1..].trim_start();
    let group = after
        .strip_prefix('-')
        .or_else(|| after.strip_prefix('–'))
        .map(squeeze)
        .filter(|g| !g.is_empty());
    Some(((!dept.is_empty()).then_some(dept), Some(n), group))
}

/// Whether a line is a bare author name (`M. Fabrice Brun`): a civility and capitalised words.
pub(crate) fn is_bare_name(s: &str) -> bool {
    let Ok((rest, _)) = civility(s.trim()) else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || PARTICLES.contains(w))
}

/// `de` / `De` leading an author in an-legacy and an-fiche rows.
pub(crate) fn starts_with_de_civility(s: &str) -> bool {
    let s = s.trim_start();
    let rest = s
        .strip_prefix("de ")
        .or_else(|| s.strip_prefix("De "))
        .or_else(|| s.strip_prefix("DE "));
    rest.is_some_and(|r| civility(r.trim_start()).is_ok())
}

/// `de Mme Laure Miller ( Renaissance - Marne )`, an author cell of any layout (in an-fiche and
/// an-legacy, whose cells they are, the parentheses hold
/// `( Groupe - Département )`. Returns the author and what follows it (a text rendering may put
/// the kind cell there: `… - Marne ) QE`).
pub(crate) fn de_author(cell: &str) -> Option<(AuthorLine, &str)> {
    if !starts_with_de_civility(cell) {
        return None;
    }
    author_line(cell).ok().map(|(rest, a)| (a, rest))
}

/// `, posée en séance, et publiée le D` after the author: the question's publication.
pub(crate) fn posed_in_seance(rest: &str) -> Option<crate::Date> {
    let rest = rest.trim_start_matches([',', ' ']);
    super::text::match_folded(rest, "posée en séance")?;
    super::date::find_date(rest).map(|(_, _, d)| d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civilities() {
        assert_eq!(civility("Mme X"), Ok(("X", "Mme")));
        assert_eq!(civility("M. X"), Ok(("X", "M.")));
        assert_eq!(civility("Monsieur X"), Ok(("X", "M.")));
        assert!(civility("Mmes X").is_err());
        assert!(civility("M.X").is_err());
    }

    #[test]
    fn author_lines() {
        let (rest, a) = author_line("De Mme Laure Miller ( Renaissance - Marne )").unwrap();
        assert_eq!(rest, "");
        assert_eq!(a.name.as_deref(), Some("Laure Miller"));
        assert_eq!(
            (a.first.as_deref(), a.second.as_deref()),
            (Some("Renaissance"), Some("Marne"))
        );
        let (rest, a) =
            author_line("M. Sacha Houlié (Nouvelle-Aquitaine - Renaissance), posée en séance")
                .unwrap();
        assert_eq!(rest, ", posée en séance");
        assert_eq!(a.first.as_deref(), Some("Nouvelle-Aquitaine"));
        let (_, a) = author_line("Mme X Y (Occitanie - La France insoumise - Nouvelle Union Populaire écologique et sociale)").unwrap();
        assert_eq!(
            a.second.as_deref(),
            Some("La France insoumise - Nouvelle Union Populaire écologique et sociale")
        );
        let (_, a) =
            author_line("M. CLUZEL Jean (Allier - U.C.D.P.) publiée le 25/03/1980").unwrap();
        assert_eq!(a.name.as_deref(), Some("CLUZEL Jean"));
        assert!(author_line("Mme la ministre").is_err());
        // The check without building agrees with reading the line.
        for line in [
            "De Mme Laure Miller ( Renaissance - Marne )",
            " de M. CLUZEL Jean (Allier - U.C.D.P.) publiée le 25/03/1980",
            "Mme la ministre (x)",
            "M. \u{a0} Éric Dupond (Nord - LR)",
            "M. Jean Dupont, (Nord)",
            "M. Jean Dupont",
            "M. (Nord)",
            "Mme\tX (Y)",
            "dE M. X (Y)",
            "",
        ] {
            let read = author_line(line).is_ok_and(|(_, a)| a.has_parens);
            assert_eq!(has_author_with_parens(line), read, "{line:?}");
        }
    }

    #[test]
    fn opening_names() {
        assert_eq!(
            opening_name("Mme Mathilde Hignet alerte Mme la ministre"),
            Some(("Mme", "Mathilde Hignet".into()))
        );
        assert_eq!(
            opening_name("M. Charles de Courson appelle l'attention"),
            Some(("M.", "Charles de Courson".into()))
        );
        assert_eq!(
            opening_name("M. Jean-Paul Dupré, député, appelle"),
            Some(("M.", "Jean-Paul Dupré".into()))
        );
        assert_eq!(opening_name("Le ministre"), None);
    }

    #[test]
    fn constituencies() {
        assert_eq!(constituency("1re circonscription"), Ok(("", 1)));
        assert_eq!(constituency("10e circonscription"), Ok(("", 10)));
        assert_eq!(constituency("2ème circonscription"), Ok(("", 2)));
        assert_eq!(
            constituency_line("Jura (1re circonscription) - Ensemble pour la République"),
            Some((
                Some("Jura".into()),
                Some(1),
                Some("Ensemble pour la République".into())
            ))
        );
        assert!(is_bare_name("M. Fabrice Brun"));
        assert!(!is_bare_name("M. Fabrice Brun appelle l'attention"));
    }
}
