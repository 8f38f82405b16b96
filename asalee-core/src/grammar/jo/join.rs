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
pub(crate) use super::compounds::Compounds;

/// Second elements of hyphenated compounds: a line-end hyphen before one of them is kept.
/// (Lower case, sorted by their bytes: [`known`] searches them.)
/// (Words that also end words written in one, such as `leur` in `va-leur` or `cent` in
/// `ré-cent`, are left out: a hyphenation before them is far more common.)
const SECOND: &[&str] = &[
    "après", "bas", "cadre", "cadres", "ce", "ci", "cinq", "clé", "clés", "delà", "dessous",
    "dessus", "deux", "deçà", "dix", "douze", "elle", "elles", "est", "huit", "il", "ils", "je",
    "joint", "jointe", "jointes", "joints", "lui", "là", "moi", "même", "mêmes", "neuf", "nord",
    "nous", "on", "onze", "ouest", "quatre", "sept", "six", "sud", "toi", "trois", "tu", "un",
    "une", "unes", "uns", "vingt", "vingts", "vous", "être",
];

/// First elements of hyphenated compounds: a line-end hyphen after one of them is kept.
/// (Lower case, sorted by their bytes.)
/// (Prefixes that also start words written in one, such as `mi` in `mi-nistre` or `pré` in
/// `pré-sident`, are left out.)
const FIRST: &[&str] = &[
    "après",
    "arrière",
    "avant",
    "beau",
    "belle",
    "celle",
    "celui",
    "ceux",
    "chef",
    "chefs",
    "ci",
    "cinquante",
    "contre",
    "court",
    "demi",
    "dix",
    "e",
    "garde",
    "grand",
    "grande",
    "grands",
    "haut",
    "lieu",
    "lieux",
    "là",
    "non",
    "outre",
    "peut",
    "porte",
    "quarante",
    "quasi",
    "quatre",
    "rendez",
    "sans",
    "semi",
    "soixante",
    "sous",
    "trente",
    "vice",
    "vingt",
    "état",
    "états",
];

/// One line of a text, with whether blank lines stood before it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TextLine<'a> {
    pub(crate) text: &'a str,
    pub(crate) blank_before: bool,
    /// Whether its white space is folded already.
    pub(crate) folded: bool,
}

/// The lines joined into paragraphs; `width` is the usual length of a full line (in characters)
/// of the text they come from. `None` when nothing is left.
pub(crate) fn paragraphs(
    lines: &[TextLine<'_>],
    width: usize,
    compounds: &Compounds,
) -> Option<String> {
    let mut out = String::with_capacity(lines.iter().map(|l| l.text.len() + 1).sum());
    // Where the line before in `out` starts, and whether the one before it was a single word.
    let mut prev_at: Option<usize> = None;
    let mut one_word_before = false;
    let mut folded = String::new();
    for line in lines {
        let raw = super::super::text::trim(line.text);
        if raw.is_empty() {
            continue;
        }
        let t = fold(raw, line.folded, &mut folded, compounds);
        if let Some(at) = prev_at {
            let prev = &out[at..];
            // (A space is looked for byte by byte: it comes within a word's length.)
            let has_space = |s: &str| s.bytes().any(|b| b == b' ');
            let one_word = !has_space(prev);
            // A justified line an extractor wrote one word per line is no paragraph's end.
            let split_line = one_word && (one_word_before || !has_space(t));
            let joint = joint(prev, t, (line.blank_before, split_line), width, compounds);
            one_word_before = one_word;
            match joint {
                Joint::Hyphenation => {
                    out.pop();
                }
                Joint::Hyphen => {}
                Joint::Space => out.push(' '),
                Joint::Paragraph => out.push('\n'),
            }
        }
        prev_at = Some(out.len());
        out.push_str(t);
    }
    (!out.is_empty()).then_some(out)
}

/// A (trimmed) line with its white space folded and its `X- Y` read, in `buf` when it changes
/// (`folded`: the line's white space is folded already, but for cell separators).
fn fold<'b>(raw: &'b str, folded: bool, buf: &'b mut String, compounds: &Compounds) -> &'b str {
    let b = raw.as_bytes();
    let (hyphens, plain) = if folded {
        // One search for both bytes.
        let (mut hyphens, mut tab) = (false, false);
        for at in memchr::memchr2_iter(b'-', b'\t', b) {
            tab |= b[at] == b'\t';
            hyphens |= b[at] == b'-' && b.get(at + 1) == Some(&b' ');
        }
        (hyphens, !tab)
    } else {
        let hyphens = memchr::memchr_iter(b'-', b).any(|at| b.get(at + 1) == Some(&b' '));
        (hyphens, is_folded(b))
    };
    if plain && !hyphens {
        return raw;
    }
    let t = squeeze(raw);
    *buf = if hyphens {
        same_line_hyphens(t, compounds)
    } else {
        t
    };
    buf
}

/// Whether a line's white space is folded: single ASCII spaces, no control character, no other
/// white space (U+00A0, U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, U+1680).
fn is_folded(b: &[u8]) -> bool {
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    for (i, &c) in b.iter().enumerate() {
        let other_space = match c {
            b' ' => at(i + 1) == b' ',
            0..=0x1F | 0x7F => true,
            0xC2 => at(i + 1) == 0xA0,
            0xE2 => {
                let (x, y) = (at(i + 1), at(i + 2));
                x == 0x80 && matches!(y, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) || x == 0x81 && y == 0x9F
            }
            0xE3 => at(i + 1) == 0x80 && at(i + 2) == 0x80,
            0xE1 => at(i + 1) == 0x9A && at(i + 2) == 0x80,
            _ => false,
        };
        if other_space {
            return false;
        }
    }
    true
}

/// How two lines of a text are joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joint {
    /// The first ends with a hyphenation: its hyphen is removed and nothing is put between.
    Hyphenation,
    /// The first ends with a hyphen of the word: it stays, nothing is put between.
    Hyphen,
    /// A space.
    Space,
    /// A paragraph ends.
    Paragraph,
}

/// How `prev` joins `next` (`blank`: blank lines stood between them; `split_line`: `prev` is a
/// word of a justified line written one word per line).
fn joint(
    prev: &str,
    next: &str,
    (blank, split_line): (bool, bool),
    width: usize,
    compounds: &Compounds,
) -> Joint {
    if let Some(stem) = prev.strip_suffix('-') {
        if stem.ends_with(|c: char| c.is_alphanumeric()) {
            return if keeps_hyphen(stem, next, compounds) {
                Joint::Hyphen
            } else {
                Joint::Hyphenation
            };
        }
    }
    if !split_line && ends_paragraph(prev, next, blank, width) {
        Joint::Paragraph
    } else {
        Joint::Space
    }
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
    let len = char_count(prev) + 1 + char_count(first);
    len * 100 <= width * 92
}

/// Whether a line ends a sentence (`.`, `?`, `!`, `…`, `;`, `:`, or one of them before a closing
/// quote or parenthesis).
pub(crate) fn ends_sentence(t: &str) -> bool {
    // Most lines end with a letter, a digit or a comma: no sentence ends there.
    if t.as_bytes()
        .last()
        .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b',' || b == b'-')
    {
        return false;
    }
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
fn same_line_hyphens(t: String, compounds: &Compounds) -> String {
    if !t.contains("- ") {
        return t;
    }
    let mut out = String::with_capacity(t.len());
    let mut rest = t.as_str();
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
    known(SECOND, after) || known(FIRST, before) || compounds.contains(before, after)
}

/// Whether `w` is a word of `list` (lower-case words sorted by their bytes, none over 16
/// bytes), ASCII case aside: [`known_readable`] by a binary search of `w` lower-cased.
fn known(list: &[&str], w: &str) -> bool {
    let mut buf = [0u8; 16];
    let Some(lower) = buf.get_mut(..w.len()) else {
        return false;
    };
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    list.binary_search_by(|k| k.as_bytes().cmp(lower)).is_ok()
}

/// [`known`], each word compared in turn.
#[cfg(test)]
fn known_readable(list: &[&str], w: &str) -> bool {
    list.iter().any(|k| k.eq_ignore_ascii_case(w))
}

/// The number of characters of `s`, `s.chars().count()`: its bytes but the UTF-8 continuation
/// bytes (`0b10xxxxxx`), counted eight at a time.
fn char_count(s: &str) -> usize {
    let b = s.as_bytes();
    let mut continuation = 0;
    // Each word's continuation bytes as 0 or 1 in their byte lanes, the lanes summed over up to
    // 31 words (so that the eight lanes' sum stays within a byte), then added together.
    for block in b.chunks(31 * 8) {
        let mut words = block.chunks_exact(8);
        let mut lanes = 0u64;
        for c in &mut words {
            let w = <[u8; 8]>::try_from(c).map_or(0, u64::from_le_bytes);
            // Each byte's bit 7 set and bit 6 clear (`w << 1` brings bit 6 to bit 7).
            lanes += (w & !(w << 1) & 0x8080_8080_8080_8080) >> 7;
        }
        continuation += lane_sum(lanes);
        continuation += words
            .remainder()
            .iter()
            .filter(|&&x| x & 0xC0 == 0x80)
            .count();
    }
    b.len() - continuation
}

/// The sum of the eight bytes of `lanes`, when it is at most 255.
fn lane_sum(lanes: u64) -> usize {
    // The product's top byte adds up every byte at or below it.
    (lanes.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize
}

/// The usual length of a full line of text: the ninetieth percentile of the lines' lengths (in
/// characters, white space folded).
pub(crate) fn usual_width(lines: &[super::lines::Line<'_>]) -> usize {
    const CAP: usize = 2000;
    let mut counts = vec![0u32; CAP + 1];
    let mut n = 0u32;
    for l in lines {
        let t = super::super::text::trim(l.text);
        if t.is_empty() {
            continue;
        }
        // Characters (UTF-8 continuation bytes aside), a run of spaces counted once.
        let mut len = 0;
        let mut space = false;
        if l.folded {
            len = char_count(t);
        } else {
            for &b in t.as_bytes().iter().take(4 * CAP) {
                if b == b' ' || b == b'\t' {
                    space = true;
                } else if b & 0xC0 != 0x80 {
                    len += usize::from(space) + 1;
                    space = false;
                }
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
                folded: false,
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
    fn known_words_are_found_by_the_search_as_in_turn() {
        for list in [SECOND, FIRST] {
            assert!(list.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()));
            assert!(list.iter().all(|w| w.len() <= 16 && w.to_lowercase() == *w));
            for &w in list {
                let variants = [w.to_owned(), w.to_uppercase(), w.to_ascii_uppercase()];
                for v in
                    variants
                        .iter()
                        .map(String::as_str)
                        .chain([w.get(1..).unwrap_or(""), "x", ""])
                {
                    assert_eq!(known(list, v), known_readable(list, v), "{v:?}");
                }
                assert!(known(list, &w.to_ascii_uppercase()));
            }
        }
        for v in [
            "Peut",
            "RENDEZ",
            "Être",
            "ÊTRE",
            "là",
            "LÀ",
            "ci",
            "cinquantes",
            "a".repeat(20).as_str(),
        ] {
            for list in [SECOND, FIRST] {
                assert_eq!(known(list, v), known_readable(list, v), "{v:?}");
            }
        }
    }

    #[test]
    fn characters_are_counted_eight_bytes_at_a_time() {
        let parts = [
            "a", "é", "’", "😀", " ", "\u{7f}", "\u{80}", "\u{7ff}", "\u{800}",
        ];
        let mut s = String::new();
        for k in 0..200 {
            assert_eq!(char_count(&s), s.chars().count(), "{s:?}");
            s.push_str(parts[k % parts.len()]);
            s.push_str(parts[(k * 7 + 3) % parts.len()]);
        }
        for part in parts {
            for n in [30, 31, 32, 62, 63, 300, 1000] {
                let s = part.repeat(n);
                assert_eq!(char_count(&s), s.chars().count(), "{part:?} x {n}");
            }
        }
    }

    #[test]
    fn folded_lines_are_told_from_the_others() {
        assert!(is_folded("l’attention « boîtage »".as_bytes()));
        for t in [
            "a  b",
            "a\tb",
            "a\u{a0}b",
            "a\u{202f}b",
            "a\u{2009}b",
            "a\u{3000}b",
        ] {
            assert!(!is_folded(t.as_bytes()), "{t:?}");
            let mut buf = String::new();
            assert_eq!(fold(t, false, &mut buf, &Compounds::default()), "a b");
        }
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
