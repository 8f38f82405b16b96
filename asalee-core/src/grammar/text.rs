//! Character-level helpers shared by every production: case- and accent-insensitive matching,
//! word boundaries, white space.

/// The letter `c` lower-cased and without its accent, for matching labels as people type them
/// (`Ministere`, `MINISTÈRE`, `ministère`); the typographic apostrophe matches the straight one.
pub(crate) const fn fold(c: char) -> char {
    if c.is_ascii() {
        return if c == '`' {
            '\''
        } else {
            c.to_ascii_lowercase()
        };
    }
    match c {
        'à' | 'â' | 'ä' | 'á' | 'ã' | 'À' | 'Â' | 'Ä' | 'Á' | 'Ã' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'î' | 'ï' | 'í' | 'Î' | 'Ï' | 'Í' => 'i',
        'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' | 'Ó' => 'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => 'u',
        'ç' | 'Ç' => 'c',
        'ÿ' | 'Ÿ' => 'y',
        '’' | '‘' | 'ʼ' | '`' | '´' => '\'',
        'º' => '°',
        _ => c.to_ascii_lowercase(),
    }
}

/// [`fold`] of U+00C0 to U+00FF (the characters UTF-8 writes as `C3 80` to `C3 BF`: the accented
/// letters of French), looked up by the second byte's low six bits.
const LATIN1_FOLDED: [char; 64] = {
    let mut t = ['\0'; 64];
    let mut k = 0;
    while k < 64 {
        t[k] = match char::from_u32(0xC0 + k as u32) {
            Some(c) => fold(c),
            None => '\0',
        };
        k += 1;
    }
    t
};

/// The second bytes' low bits of `×` (U+00D7) and `÷` (U+00F7), the two characters of that range
/// that are no letters.
const LATIN1_NOT_LETTERS: [u8; 2] = [0x17, 0x37];

/// [`fold`] of the character at byte `i` of `s` (a character boundary), and its length in bytes:
/// ASCII and Latin-1 letters without decoding.
fn folded_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = s.as_bytes();
    let c = *b.get(i)?;
    if c.is_ascii() {
        return Some((char::from(fold_ascii(c)), 1));
    }
    if c == 0xC3 {
        if let Some(&n) = b.get(i + 1) {
            return Some((LATIN1_FOLDED[usize::from(n & 0x3F)], 2));
        }
    }
    let (c, len) = char_at(s, i)?;
    Some((fold(c), len))
}

/// [`fold`] of an ASCII character, as a byte.
fn fold_ascii(b: u8) -> u8 {
    if b == b'`' {
        b'\''
    } else {
        b.to_ascii_lowercase()
    }
}

/// nom's `tag_no_case` for a tag whose letters are ASCII (`"Question"`, `"n°"`): the bytes are
/// compared, ASCII letters in any case and other bytes as they are, which is what `tag_no_case`
/// matches of such a tag, without decoding characters to lower-case them.
pub(crate) fn tag_ascii_no_case<'a>(
    t: &'static str,
) -> impl Fn(&'a str) -> nom::IResult<&'a str, &'a str> {
    move |i: &'a str| {
        let (b, tb) = (i.as_bytes(), t.as_bytes());
        if b.len() >= tb.len() && b[..tb.len()].eq_ignore_ascii_case(tb) {
            Ok((&i[tb.len()..], &i[..tb.len()]))
        } else {
            Err(nom::Err::Error(nom::error::Error::new(
                i,
                nom::error::ErrorKind::Tag,
            )))
        }
    }
}

/// `s.trim()`, without the general searcher when `s` begins and ends with visible ASCII (as the
/// markup's lines nearly always do).
pub(crate) fn trim(s: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b < 0x80);
    if visible(s.as_bytes().first()) && visible(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

/// Whether `s` is empty or white space only.
pub(crate) fn is_blank(s: &str) -> bool {
    trim(s).is_empty()
}

/// Whether `s` holds at most `n` characters, counted only when its length in bytes leaves a doubt.
pub(crate) fn chars_at_most(s: &str, n: usize) -> bool {
    s.len() <= n || s.len() <= 4 * n && s.chars().count() <= n
}

/// Whether `c` may continue a word (so a match ending before it is not at a word boundary).
pub(crate) fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Matches `pattern` at the start of `input`, ignoring case and accents; a space in `pattern`
/// matches one or more white-space characters in `input` (and none before `:`, `'` or after
/// `'`). Returns the number of bytes of `input` matched. The match must end at a word boundary
/// when the pattern ends with a letter or digit.
pub(crate) fn match_folded(input: &str, pattern: &str) -> Option<usize> {
    match_from(input, pattern, 0, 0)
}

/// [`match_folded`] from byte `i` of `input` and byte `j` of `pattern`, the parts before them
/// having matched.
fn match_from(input: &str, pattern: &str, mut i: usize, mut j: usize) -> Option<usize> {
    let (ib, pb) = (input.as_bytes(), pattern.as_bytes());
    while j < pb.len() {
        if pb[j] == b' ' {
            let start = i;
            while let Some((_, len)) = char_at(input, i).filter(|(c, _)| c.is_whitespace()) {
                i += len;
            }
            j += 1;
            if i == start && !matches!(pb.get(j), Some(b':' | b'\'' | b'(' | b')' | b'>')) {
                return None;
            }
            continue;
        }
        let (p, c) = (pb[j], *ib.get(i)?);
        if p.is_ascii() && c.is_ascii() {
            // Both ASCII (most characters of labels as written): compared as bytes.
            if p != c && fold_ascii(p) != fold_ascii(c) {
                return None;
            }
            i += 1;
            j += 1;
        } else {
            // Characters match when they are the same or fold to the same letter.
            let (pf, plen) = folded_at(pattern, j)?;
            let (cf, clen) = folded_at(input, i)?;
            if cf != pf {
                return None;
            }
            i += clen;
            j += plen;
        }
        if p == b'\'' {
            // An apostrophe may be followed by a space in typed text.
            while ib.get(i) == Some(&b' ') {
                i += 1;
            }
        }
    }
    let last = pattern.chars().next_back()?;
    if is_word(last) && char_at(input, i).is_some_and(|(c, _)| is_word(c)) {
        return None;
    }
    Some(i)
}

/// The character at byte `i` of `s` (a character boundary) and its length, decoded only when it
/// is not ASCII.
fn char_at(s: &str, i: usize) -> Option<(char, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((b as char, 1));
    }
    let c = s[i..].chars().next()?;
    Some((c, c.len_utf8()))
}

/// A text's first word, folded (see [`fold`]), and the folded character after it, white space
/// skipped: what [`match_folded`] needs to agree with a pattern's own head before it can match,
/// so that a list of patterns is searched by comparing heads, not by matching each pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Head {
    word: [u8; Head::MAX],
    len: u8,
    /// The word's length in bytes in its text.
    bytes: u8,
    next: Option<char>,
}

impl Head {
    /// The longest first word a head holds (longer words have no head).
    const MAX: usize = 16;

    /// The head of `s`: `None` when its first word is empty, longer than 16 bytes, or folds to
    /// something other than ASCII (no pattern starts so).
    pub(crate) fn of(s: &str) -> Option<Head> {
        let mut head = Head {
            word: [0; Head::MAX],
            len: 0,
            bytes: 0,
            next: None,
        };
        let b = s.as_bytes();
        // An ASCII word ended by ASCII (most words): lower-cased as bytes.
        let ascii = b
            .iter()
            .take(Head::MAX + 1)
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if ascii > Head::MAX {
            return None;
        }
        if b.get(ascii).is_none_or(u8::is_ascii) {
            if ascii == 0 {
                return None;
            }
            for (w, c) in head.word.iter_mut().zip(&b[..ascii]) {
                *w = c.to_ascii_lowercase();
            }
            head.len = ascii as u8;
            head.bytes = ascii as u8;
            head.next = s[ascii..].trim_start().chars().next().map(fold);
            return Some(head);
        }
        let mut end = 0;
        while let Some(&c) = b.get(end) {
            // ASCII letters and digits fold by themselves, Latin-1 letters by a table.
            let (f, len) = if c.is_ascii() {
                if !c.is_ascii_alphanumeric() {
                    break;
                }
                (char::from(c.to_ascii_lowercase()), 1)
            } else if c == 0xC3 && end + 1 < b.len() {
                let low = b[end + 1] & 0x3F;
                if LATIN1_NOT_LETTERS.contains(&low) {
                    break;
                }
                (LATIN1_FOLDED[usize::from(low)], 2)
            } else {
                match char_at(s, end) {
                    Some((c, len)) if is_word(c) => (fold(c), len),
                    _ => break,
                }
            };
            if !f.is_ascii() || usize::from(head.len) == Head::MAX {
                return None;
            }
            head.word[usize::from(head.len)] = f as u8;
            head.len += 1;
            end += len;
        }
        if head.len == 0 {
            return None;
        }
        // At most 16 characters of 2 bytes, or of 3 or 4 bytes that fold to ASCII.
        head.bytes = u8::try_from(end).ok()?;
        head.next = s[end..].trim_start().chars().next().map(fold);
        Some(head)
    }

    /// The first byte of the folded first word (an ASCII letter or digit).
    pub(crate) fn first(&self) -> u8 {
        self.word[0]
    }

    /// Whether a text with this head may match (with [`match_folded`]) a pattern of head
    /// `pattern`: the same first word, and the same next character unless the pattern ends there.
    pub(crate) fn may_match(&self, pattern: &Head) -> bool {
        self.len == pattern.len
            && self.word == pattern.word
            && pattern.next.is_none_or(|n| self.next == Some(n))
    }

    /// [`match_folded`] of `input`, whose head this is, against `pattern`, of head `pattern_head`,
    /// when [`Head::may_match`] holds: the first words, equal once folded, are not compared again.
    pub(crate) fn match_rest(
        &self,
        input: &str,
        pattern: &str,
        pattern_head: &Head,
    ) -> Option<usize> {
        match_from(input, pattern, self.bytes.into(), pattern_head.bytes.into())
    }
}

/// Whether `input` starts with `pattern` (see [`match_folded`]).
pub(crate) fn starts_folded(input: &str, pattern: &str) -> bool {
    match_folded(input, pattern).is_some()
}

/// The byte offsets where words start in `s` (a word starts with a letter or digit not preceded
/// by one).
pub(crate) fn word_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    let mut prev_word = false;
    let mut i = 0;
    std::iter::from_fn(move || {
        while let Some((c, len)) = char_at(s, i) {
            let at = i;
            i += len;
            let w = is_word(c);
            let start = w && !prev_word;
            prev_word = w;
            if start {
                return Some(at);
            }
        }
        None
    })
}

/// Folds white space to single spaces and trims.
pub(crate) fn squeeze(s: &str) -> String {
    // Most values come from lines whose white space is folded already: copied at once.
    if is_squeezed(s) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Whether [`squeeze`] leaves `s` as it is, decided on bytes: single spaces between other
/// characters, none of them a control byte or a Unicode space (the UTF-8 sequences of
/// `char::is_whitespace` led by 0xC2, 0xE1, 0xE2, 0xE3). `false` may be answered for a text
/// that needs no change.
fn is_squeezed(s: &str) -> bool {
    let b = s.as_bytes();
    if b.first() == Some(&b' ') || b.last() == Some(&b' ') {
        return false;
    }
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    // Only a space, a control byte and the bytes that lead a Unicode space are looked at.
    let mut from = 0;
    while let Some(k) = b[from..]
        .iter()
        .position(|&c| c <= b' ' || matches!(c, 0xC2 | 0xE1 | 0xE2 | 0xE3))
    {
        let i = from + k;
        let ok = match b[i] {
            b' ' => at(i + 1) != b' ',
            0..=0x1F => false,
            // U+0085, U+00A0.
            0xC2 => !matches!(at(i + 1), 0x85 | 0xA0),
            // U+1680.
            0xE1 => !(at(i + 1) == 0x9A && at(i + 2) == 0x80),
            // U+2000 to U+200A, U+2028, U+2029, U+202F, U+205F (not `’` nor `–`).
            0xE2 => {
                let (x, y) = (at(i + 1), at(i + 2));
                !(x == 0x80 && matches!(y, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF)
                    || x == 0x81 && y == 0x9F)
            }
            // U+3000.
            _ => !(at(i + 1) == 0x80 && at(i + 2) == 0x80),
        };
        if !ok {
            return false;
        }
        from = i + 1;
    }
    true
}

/// Removes one pair of surrounding parentheses and a final period, then trims.
pub(crate) fn strip_parens_and_period(s: &str) -> &str {
    let mut s = s.trim();
    if s.starts_with('(') && s.ends_with(')') && s.len() >= 2 {
        s = s[1..s.len() - 1].trim();
    } else if let Some(inner) = s.strip_prefix('(') {
        if !inner.contains(')') {
            s = inner.trim();
        }
    }
    s.strip_suffix('.').unwrap_or(s).trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Latin-1 table and the letters it skips agree with `fold` and `is_word` on every
    /// character it covers, and `folded_at` with `fold` on every kind of character.
    #[test]
    fn latin1_fast_paths_agree_with_fold() {
        for k in 0..64u32 {
            let c = char::from_u32(0xC0 + k).unwrap();
            let mut buf = [0; 4];
            let s: &str = c.encode_utf8(&mut buf);
            assert_eq!(s.as_bytes()[0], 0xC3, "{c}");
            assert_eq!(
                LATIN1_FOLDED[(s.as_bytes()[1] & 0x3F) as usize],
                fold(c),
                "{c}"
            );
            assert_eq!(
                LATIN1_NOT_LETTERS.contains(&(s.as_bytes()[1] & 0x3F)),
                !is_word(c),
                "{c}"
            );
        }
        for s in [
            "a", "Z", "`", "é", "Ê", "ç", "×", "’", "ŒUVRE", "º", "ÿ", "Ÿ", "\u{a0}",
        ] {
            let c = s.chars().next().unwrap();
            assert_eq!(folded_at(s, 0), Some((fold(c), c.len_utf8())), "{s}");
        }
        let (a, b) = (
            Head::of("Ministère interrogé"),
            Head::of("MINISTERE  interroge"),
        );
        assert!(a
            .zip(b)
            .is_some_and(|(a, b)| a.may_match(&b) && b.may_match(&a)));
        assert_eq!(a.map(|h| h.bytes), Some(10));
        assert!(Head::of("Œuvre").is_none());
        assert_eq!(Head::of("é×2").map(|h| h.len), Some(1));
    }

    #[test]
    fn ascii_tags_match_what_tag_no_case_matches() {
        use nom::bytes::complete::tag_no_case;
        for t in [
            "Question", "n°", "nº", "n °", "no", "page", "p.", "lundi", "Madame",
        ] {
            for i in [
                "QUESTION x",
                "question",
                "Questio",
                "n° 1",
                "N° 1",
                "Nº",
                "N °",
                "NO 1",
                "Page :",
                "P. 3",
                "LUNDI",
                "madame X",
                "",
                "é",
                "Question\u{a0}",
                "nO",
                "ñ°",
            ] {
                let fast: nom::IResult<&str, &str> = tag_ascii_no_case(t)(i);
                let nom: nom::IResult<&str, &str> = tag_no_case(t)(i);
                assert_eq!(fast, nom, "{t:?} on {i:?}");
            }
        }
    }

    #[test]
    fn folded_matching() {
        assert_eq!(
            match_folded("MINISTERE interrogé : x", "Ministère interrogé"),
            Some(20)
        );
        assert_eq!(
            match_folded("Tête  d’analyse >", "Tête d'analyse"),
            Some(18)
        );
        assert_eq!(match_folded("Analyses", "Analyse"), None);
        assert_eq!(match_folded("Date(s) clé(s)", "Date(s) clé(s)"), Some(15));
        assert_eq!(match_folded("Question N°:", "Question N° :"), Some(13));
        assert_eq!(match_folded("Ru", "Rubrique"), None);
    }

    #[test]
    fn heads_agree_with_matching() {
        let patterns = [
            "Question N°",
            "Date(s) clé(s)",
            "Date",
            "Tête d'analyse",
            "Ministère interrogé",
            "Analyse",
        ];
        let inputs = [
            "QUESTION n° 12",
            "Question  No 3",
            "Date(s) clé(s)",
            "Date (s) clé(s)",
            "Dates clés",
            "Date :",
            "Date",
            "Tête  d’analyse >",
            "TETE D'ANALYSE",
            "Ministere interrogé : x",
            "Ministère",
            "Analyses",
            "Analyse:",
            "Question écrite",
            "Ẽtre",
            "averyveryverylongwordindeed",
        ];
        for p in patterns {
            let ph = Head::of(p).expect(p);
            for i in inputs {
                // The heads never reject a text that matches.
                if match_folded(i, p).is_some() {
                    assert!(Head::of(i).is_some_and(|h| h.may_match(&ph)), "{i} / {p}");
                }
                // Past agreeing heads, the rest matches as the whole does.
                if let Some(ih) = Head::of(i).filter(|h| h.may_match(&ph)) {
                    assert_eq!(ih.match_rest(i, p, &ph), match_folded(i, p), "{i} / {p}");
                }
            }
        }
        let h = |s| Head::of(s).expect(s);
        assert!(!h("Question écrite").may_match(&h("Question N°")));
        assert!(h("Date :").may_match(&h("Date")));
        assert_eq!(Head::of("averyveryverylongwordindeed"), None);
        assert_eq!(Head::of(": x"), None);
    }

    #[test]
    fn fast_trim() {
        for s in [
            "",
            " ",
            "a",
            " a ",
            "\u{a0}x\u{a0}",
            "x\t",
            "é",
            "\u{2003}",
            "a b",
            "\x01a",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
            assert_eq!(is_blank(s), s.trim().is_empty(), "{s:?}");
        }
        for (s, n) in [
            ("", 0),
            ("abc", 3),
            ("abc", 2),
            ("ééé", 3),
            ("ééé", 2),
            ("ééé", 5),
        ] {
            assert_eq!(chars_at_most(s, n), s.chars().count() <= n, "{s:?} {n}");
        }
    }

    #[test]
    fn helpers() {
        assert_eq!(word_starts("a bc d'ef").collect::<Vec<_>>(), [0, 2, 5, 7]);
        assert_eq!(squeeze("  a \t b  "), "a b");
        // The byte test agrees with folding by characters.
        let slow = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let parts = [
            "a", " ", "  ", "\t", "\n", "\u{a0}", "\u{2019}", "\u{3000}", "é", "\u{85}", "\u{1}",
            "x y", "\u{2013}", "\u{2009}", "\u{200a}", "\u{200b}", "\u{2028}", "\u{2029}",
            "\u{202f}", "\u{205f}", "\u{1680}", "\u{3001}", "\u{c2}", "\u{2060}",
        ];
        for x in parts {
            for y in parts {
                for z in parts {
                    let s = format!("{x}{y}{z}");
                    assert_eq!(squeeze(&s), slow(&s), "{s:?}");
                    if is_squeezed(&s) {
                        assert_eq!(slow(&s), s, "{s:?}");
                    }
                }
            }
        }
        assert_eq!(strip_parens_and_period("(fin de mandat)"), "fin de mandat");
        assert_eq!(strip_parens_and_period("Fin de mandat."), "Fin de mandat");
        assert_eq!(
            strip_parens_and_period("( Retrait à l'initiative de l'auteur )"),
            "Retrait à l'initiative de l'auteur"
        );
    }
}
