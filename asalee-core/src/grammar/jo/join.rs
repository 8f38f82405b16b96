//! A block's text from its lines: lines of a paragraph joined with a space, paragraphs with
//! `\n`, and a hyphen at a line break either undone (`dévelop-` / `pement` → `développement`) or
//! kept when it belongs to the word (`peut-` / `être`, `rendez- vous` → `rendez-vous`).
//!
//! The rule (docs/decisions.md): a hyphen that ends a line, or that an extractor left followed by
//! a space on one line, is kept when the word already holds a hyphen (`c'est-à-` / `dire`), when
//! what follows starts with a capital or a digit or what precedes ends with a digit (`Jean-` /
//! `Luc`, `2014- 1047`), when the part after is a known second element of compounds (`-être`,
//! `-vous`, `-ci`, `-là`, `-t-il`, `-même`, `-ce`, `-dessus`, `-delà`, `-ouest`, numbers…), or the
//! part before a known first element (`rendez-`, `peut-`, `après-`, `sous-`, `vice-`…). Any other
//! such hyphen between two letters is a hyphenation and is removed, unless the issue writes the
//! hyphenated word inside a line elsewhere (`sapeurs-` / `pompiers` where `sapeurs-pompiers`
//! occurs). `X- Y` on one line is what
//! an extractor that joined the PDF's lines makes of both (`rendez- vous`, `dévelop- pement`):
//! it is read by the same rule.

use super::super::text::squeeze;

/// Second elements of hyphenated compounds: a line-end hyphen before one of them is kept.
/// (Words that also end words written in one, such as `leur` in `va-leur` or `cent` in
/// `ré-cent`, are left out: a hyphenation before them is far more common.)
const SECOND: &[&str] = &[
    "être", "vous", "ci", "là", "il", "ils", "elle", "elles", "on", "je", "tu", "nous", "moi",
    "toi", "lui", "même", "mêmes", "ce", "dessus", "dessous", "delà", "deçà", "ouest", "est",
    "nord", "sud", "uns", "unes", "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept",
    "huit", "neuf", "dix", "onze", "douze", "vingt", "vingts", "clé", "clés", "cadre", "cadres",
    "bas", "après", "joint", "jointe", "joints", "jointes",
];

/// First elements of hyphenated compounds: a line-end hyphen after one of them is kept.
/// (Prefixes that also start words written in one, such as `mi` in `mi-nistre` or `pré` in
/// `pré-sident`, are left out.)
const FIRST: &[&str] = &[
    "rendez",
    "peut",
    "après",
    "arrière",
    "avant",
    "contre",
    "demi",
    "semi",
    "non",
    "sous",
    "vice",
    "sans",
    "porte",
    "garde",
    "grand",
    "grande",
    "grands",
    "haut",
    "belle",
    "beau",
    "chef",
    "chefs",
    "lieu",
    "lieux",
    "court",
    "quasi",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
    "dix",
    "quatre",
    "état",
    "états",
    "outre",
    "celle",
    "celui",
    "ceux",
    "là",
    "ci",
    "e",
];

/// The hyphenated words an issue writes inside its lines (`sapeurs-pompiers`), lower-cased: a
/// line-end hyphen that makes one of them is kept.
#[derive(Debug, Default)]
pub(crate) struct Compounds(std::collections::HashSet<String>);

impl Compounds {
    /// The hyphenated words of `lines` (a hyphen between two letters, not at a line's end).
    pub(crate) fn of<'a>(lines: impl Iterator<Item = &'a str>) -> Compounds {
        let mut set = std::collections::HashSet::new();
        for line in lines {
            if memchr::memchr(b'-', line.as_bytes()).is_none() {
                continue;
            }
            for w in line.split_whitespace() {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                let inner = w.char_indices().any(|(at, c)| {
                    c == '-'
                        && w[..at].ends_with(char::is_alphabetic)
                        && w[at + 1..].starts_with(char::is_alphabetic)
                });
                if inner {
                    let w = w.rsplit(['\'', '’']).next().unwrap_or(w);
                    set.insert(w.to_lowercase());
                }
            }
        }
        Compounds(set)
    }

    fn contains(&self, before: &str, after: &str) -> bool {
        !self.0.is_empty() && self.0.contains(&format!("{before}-{after}").to_lowercase())
    }
}

/// One line of a text, with whether blank lines stood before it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TextLine<'a> {
    pub(crate) text: &'a str,
    pub(crate) blank_before: bool,
}

/// The lines joined into paragraphs; `width` is the usual length of a full line (in characters)
/// of the text they come from. `None` when nothing is left.
pub(crate) fn paragraphs(
    lines: &[TextLine<'_>],
    width: usize,
    compounds: &Compounds,
) -> Option<String> {
    let mut out = String::new();
    let mut prev: Option<String> = None;
    // Whether the line before `prev` was a single word.
    let mut one_word_before = false;
    for line in lines {
        let t = squeeze(line.text);
        if t.is_empty() {
            continue;
        }
        let t = same_line_hyphens(&t, compounds);
        if let Some(p) = prev.take() {
            let one_word = !p.contains(' ');
            // A justified line an extractor wrote one word per line is no paragraph's end.
            let split_line = one_word && (one_word_before || !t.contains(' '));
            let blank = line.blank_before;
            join(&mut out, &p, &t, (blank, split_line), width, compounds);
            one_word_before = one_word;
        }
        prev = Some(t);
    }
    if let Some(p) = prev {
        out.push_str(&p);
    }
    let out = out.trim().to_owned();
    (!out.is_empty()).then_some(out)
}

/// Appends `prev` to `out`, and what joins it to `next`.
fn join(
    out: &mut String,
    prev: &str,
    next: &str,
    (blank, split_line): (bool, bool),
    width: usize,
    compounds: &Compounds,
) {
    if let Some(stem) = prev.strip_suffix('-') {
        if stem.ends_with(|c: char| c.is_alphanumeric()) {
            out.push_str(stem);
            if keeps_hyphen(stem, next, compounds) {
                out.push('-');
            }
            return;
        }
    }
    out.push_str(prev);
    out.push(if !split_line && ends_paragraph(prev, next, blank, width) {
        '\n'
    } else {
        ' '
    });
}

/// Whether a paragraph ends after `prev`: it ends a sentence, and a blank line follows or the
/// next line's first word would have fitted on it (a line of a justified paragraph is full).
fn ends_paragraph(prev: &str, next: &str, blank: bool, width: usize) -> bool {
    if !ends_sentence(prev) {
        return false;
    }
    if blank {
        return true;
    }
    let first = next.split(' ').next().unwrap_or("");
    let len = prev.chars().count() + 1 + first.chars().count();
    len * 100 <= width * 92
}

/// Whether a line ends a sentence (`.`, `?`, `!`, `…`, `;`, `:`, or one of them before a closing
/// quote or parenthesis).
pub(crate) fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end();
    let t = t.trim_end_matches(['»', '"', '”', ')', '’', ' ', '\u{a0}']);
    if !t.ends_with(['.', '?', '!', '…', ';', ':']) {
        return false;
    }
    // An abbreviation's period (`M.`, `MM.`, `art.`, an initial) ends no sentence.
    let last = t.rsplit(' ').next().unwrap_or(t);
    let initial = last.len() == 2 && last.starts_with(|c: char| c.is_ascii_uppercase());
    !(initial || matches!(last, "M." | "MM." | "art." | "p." | "cf." | "al."))
}

/// `X- Y` inside a line (an extractor that joined the lines of the PDF put a space after their
/// line-end hyphen): read as a line-end hyphen, kept or removed by the same rule.
fn same_line_hyphens(t: &str, compounds: &Compounds) -> String {
    if !t.contains("- ") {
        return t.to_owned();
    }
    let mut out = String::with_capacity(t.len());
    let mut rest = t;
    while let Some(at) = rest.find("- ") {
        let before = &rest[..at];
        let after = &rest[at + 2..];
        out.push_str(before);
        let glued = before.ends_with(|c: char| c.is_alphanumeric())
            && after.starts_with(|c: char| c.is_alphanumeric());
        if !glued {
            out.push_str("- ");
        } else if keeps_hyphen(&out, after, compounds) {
            out.push('-');
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Whether the hyphen between `stem` (the text before it) and `next` (the next line) belongs to
/// the word.
fn keeps_hyphen(stem: &str, next: &str, compounds: &Compounds) -> bool {
    let before = stem
        .rsplit(|c: char| c.is_whitespace() || c == '\'' || c == '’' || c == '(')
        .next()
        .unwrap_or("");
    let after = next
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | ')' | '?' | '!'))
        .next()
        .unwrap_or("");
    if before.contains('-') || after.contains('-') {
        return true;
    }
    if after.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        || before.ends_with(|c: char| c.is_ascii_digit())
    {
        return true;
    }
    let lower = |s: &str| s.to_lowercase();
    SECOND.contains(&lower(after).as_str())
        || FIRST.contains(&lower(before).as_str())
        || compounds.contains(before, after)
}

/// The usual length of a full line of text: the ninetieth percentile of the lines' lengths (in
/// characters, white space folded).
pub(crate) fn usual_width(lines: &[super::lines::Line<'_>]) -> usize {
    const CAP: usize = 2000;
    let mut counts = vec![0u32; CAP + 1];
    let mut n = 0u32;
    for l in lines {
        let t = l.text.trim();
        if t.is_empty() {
            continue;
        }
        let mut len = 0;
        let mut space = false;
        for c in t.chars().take(CAP) {
            if c.is_whitespace() {
                space = true;
            } else {
                len += usize::from(space) + 1;
                space = false;
            }
        }
        counts[len.min(CAP)] += 1;
        n += 1;
    }
    let mut seen = 0u32;
    for (len, &c) in counts.iter().enumerate() {
        seen += c;
        if seen * 10 >= n * 9 {
            return len.max(1);
        }
    }
    CAP
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[&str], width: usize) -> String {
        let lines: Vec<TextLine<'_>> = lines
            .iter()
            .map(|t| TextLine {
                text: t.strip_prefix('|').unwrap_or(t),
                blank_before: t.starts_with('|'),
            })
            .collect();
        let compounds = Compounds::of(["des sapeurs-pompiers"].into_iter());
        paragraphs(&lines, width, &compounds).unwrap_or_default()
    }

    #[test]
    fn hyphenation_is_undone_and_compounds_kept() {
        assert_eq!(
            text(&["le dévelop-", "pement du"], 60),
            "le développement du"
        );
        assert_eq!(text(&["il peut-", "être, un"], 60), "il peut-être, un");
        assert_eq!(text(&["un rendez-", "vous"], 60), "un rendez-vous");
        assert_eq!(text(&["un rendez- vous chez"], 60), "un rendez-vous chez");
        assert_eq!(
            text(&["décret no 2014- 1047 du"], 60),
            "décret no 2014-1047 du"
        );
        assert_eq!(
            text(&["Jean-", "Luc et c'est-à-", "dire"], 60),
            "Jean-Luc et c'est-à-dire"
        );
        assert_eq!(text(&["a-t-", "il dit"], 60), "a-t-il dit");
        assert_eq!(text(&["celle-", "ci."], 60), "celle-ci.");
        assert_eq!(
            text(&["le sud-", "ouest et l'au-", "delà"], 60),
            "le sud-ouest et l'au-delà"
        );
        assert_eq!(
            text(&["la Seine-", "Saint-Denis"], 60),
            "la Seine-Saint-Denis"
        );
        assert_eq!(text(&["une aide -", "et"], 60), "une aide - et");
        assert_eq!(
            text(&["le dévelop- pement et l'au- delà"], 60),
            "le développement et l'au-delà"
        );
        assert_eq!(
            text(&["un mi-", "nistre, le pré-", "sident"], 60),
            "un ministre, le président"
        );
        // A compound the issue writes elsewhere.
        assert_eq!(
            text(&["les sapeurs-", "pompiers"], 60),
            "les sapeurs-pompiers"
        );
    }

    #[test]
    fn paragraphs_end_at_short_lines_that_end_a_sentence() {
        let full = format!("{} x", "x".repeat(48));
        assert_eq!(text(&[&full, "fin."], 52), format!("{full} fin."));
        assert_eq!(
            text(&["un mot court.", "Suite du texte"], 52),
            "un mot court.\nSuite du texte"
        );
        // A full line ending a sentence goes on into the next line.
        let full_dot = format!("{} y.", "y".repeat(47));
        assert_eq!(
            text(&[&full_dot, "Suite du texte"], 52),
            format!("{full_dot} Suite du texte")
        );
        // A blank line after a sentence ends a paragraph; one inside a sentence does not.
        assert_eq!(
            text(&[&full_dot, "|Suite du texte"], 52),
            format!("{full_dot}\nSuite du texte")
        );
        assert_eq!(text(&["où le", "|« boîtage »"], 52), "où le « boîtage »");
        // A justified line written one word per line; an abbreviation's period.
        assert_eq!(
            text(
                &[
                    "interroge",
                    "M.",
                    "le",
                    "pacte",
                    "santé.",
                    "Des",
                    "contrats"
                ],
                52
            ),
            "interroge M. le pacte santé. Des contrats"
        );
        assert_eq!(text(&["de M.", "Dupont"], 52), "de M. Dupont");
    }
}
