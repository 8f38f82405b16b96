//! The first words of a line, as the joins of hard-wrapped text measure them: would they have
//! fitted at the end of the line before? A converter that wraps greedily moves a word to the
//! next line only when it does not fit, and never breaks what French typography binds.
//!
//! [`Head::of`] reads a line's first words once, byte by byte ([`Words`]); its readable version,
//! with `str::split`, is in the tests, which compare the two.

/// The widths, in characters, of a line's first words: its first word alone, its first
/// unbreakable unit, and the unit after that (0 when there is none).
///
/// A unit is a word with what French typography keeps on the same line: a `:`, `;`, `!`, `?`,
/// `%`, `»`, `€` after it, the word after a `«`, `M.`, `Mme`, `n°`…, a group of three digits
/// after a number, a date's day, month and year. (A converter keeps a no-break space's words
/// together, but a copy may have written one for a space: the words French typography binds
/// are bound whatever the space.)
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Head {
    /// The first word alone.
    pub(super) word: usize,
    /// The first unit.
    pub(super) unit: usize,
    /// The unit after it.
    pub(super) second: usize,
}

impl Head {
    /// The head of the text `t`.
    pub(super) fn of(t: &str) -> Head {
        let mut words = Words { s: t, at: 0 };
        let Some(first) = words.next() else {
            return Head::default();
        };
        let (unit, next) = unit(first, &mut words);
        let second = next.map_or(0, |w| unit_width(w, &mut words));
        Head {
            word: chars(first),
            unit,
            second,
        }
    }
}

/// The width of the unit that starts with word `first`, the next words read from `words`.
fn unit_width<'a>(first: &'a str, words: &mut Words<'a>) -> usize {
    unit(first, words).0
}

/// The width of the unit that starts with word `first`, and the word after it (the next unit's
/// first), the next words read from `words`.
fn unit<'a>(first: &'a str, words: &mut Words<'a>) -> (usize, Option<&'a str>) {
    let mut width = chars(first);
    let mut prev = first;
    // (A unit is a few words at most: the loop is bounded.)
    for _ in 0..4 {
        let Some(w) = words.next() else {
            return (width, None);
        };
        if !glued(prev, w) {
            return (width, Some(w));
        }
        width += 1 + chars(w);
        prev = w;
    }
    (width, words.next())
}

/// Whether French typography keeps word `w` on the line of the word before it, `prev`.
fn glued(prev: &str, w: &str) -> bool {
    // A word without the punctuation after it.
    fn core(w: &str) -> &str {
        w.trim_end_matches([',', '.', ';', ')'])
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let c = core(w);
    matches!(
        prev,
        "«" | "–" | "—" | "M." | "MM." | "Mme" | "Mmes" | "Mlle" | "n°" | "N°"
    ) || w.starts_with([':', ';', '!', '?', '%', '»', '€'])
        || c.len() == 3 && digits(c) && digits(prev)
        || is_month(c) && is_day(prev)
        || is_year(c) && is_month(core(prev))
}

/// The characters of `s`.
pub(super) fn chars(s: &str) -> usize {
    // (The standard library counts a long text a word at a time; a word is counted faster by
    // its bytes.)
    if s.len() >= 32 {
        s.chars().count()
    } else {
        s.bytes().filter(|&b| (b as i8) >= -0x40).count()
    }
}

/// The words of a text, split at spaces, no-break spaces and narrow no-break spaces (a run of
/// them is one split), found byte by byte: the separators' bytes start no other character.
struct Words<'a> {
    s: &'a str,
    at: usize,
}

/// The bytes a separator may start with: a space, the lead bytes of U+00A0 and U+202F.
static MAY_SEPARATE: [bool; 256] = {
    let mut t = [false; 256];
    t[b' ' as usize] = true;
    t[0xC2] = true;
    t[0xE2] = true;
    t
};

/// The length of the separator at byte `i` of `b`, or 0.
fn separator(b: &[u8], i: usize) -> usize {
    match b[i] {
        b' ' => 1,
        0xC2 if b.get(i + 1) == Some(&0xA0) => 2,
        0xE2 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xAF) => 3,
        _ => 0,
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let b = self.s.as_bytes();
        while self.at < b.len() {
            match separator(b, self.at) {
                0 => break,
                n => self.at += n,
            }
        }
        if self.at >= b.len() {
            return None;
        }
        let start = self.at;
        // (Only a space or the lead byte of a no-break space can start a separator.)
        while let Some(&c) = b.get(self.at) {
            if MAY_SEPARATE[usize::from(c)] && separator(b, self.at) > 0 {
                break;
            }
            self.at += 1;
        }
        Some(&self.s[start..self.at])
    }
}

/// A French month's name, as dates write it (`janvier` … `décembre`).
fn is_month(w: &str) -> bool {
    const MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    // (Every month's name is 3 to 9 bytes long and starts with one of these letters.)
    (3..=9).contains(&w.len())
        && matches!(
            w.as_bytes()[0],
            b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
        )
        && MONTHS.contains(&w)
}

/// A day of a date: one or two digits, or `1er`.
fn is_day(w: &str) -> bool {
    w == "1er" || (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
}

/// A year: four digits.
fn is_year(w: &str) -> bool {
    w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Head::of`] the readable way: the words split with `str::split`, each unit measured
    /// from its first word.
    fn readable_head(s: &str) -> Head {
        let words: Vec<&str> = s
            .split([' ', '\u{a0}', '\u{202f}'])
            .filter(|w| !w.is_empty())
            .collect();
        // The width of the unit starting at word `k`, and the index of the word after it.
        let unit = |k: usize| -> (usize, usize) {
            let mut width = words[k].chars().count();
            let mut j = k + 1;
            while j < words.len() && j <= k + 4 && glued(words[j - 1], words[j]) {
                width += 1 + words[j].chars().count();
                j += 1;
            }
            (width, j)
        };
        if words.is_empty() {
            return Head::default();
        }
        let (first, next) = unit(0);
        Head {
            word: words[0].chars().count(),
            unit: first,
            second: if next < words.len() { unit(next).0 } else { 0 },
        }
    }

    #[test]
    fn heads_found_byte_by_byte_as_split_finds_them() {
        let parts = [
            "Les",
            "bénéficiaires",
            "10",
            "%)",
            ";",
            "«",
            "»",
            "Mme",
            "M.",
            "n°",
            "2",
            "200",
            "F",
            "1er",
            "janvier",
            "2023.",
            "août",
            "€",
            ":",
            "—",
            "x",
            "é\u{2009}",
        ];
        let seps = [" ", "\u{a0}", "\u{202f}", "  ", " \u{a0} "];
        let mut n_strings = 0;
        for (k, a) in parts.iter().enumerate() {
            for b in &parts {
                for c in &parts[k % 5..k % 5 + 3] {
                    for (n, sep) in seps.iter().enumerate() {
                        let other = seps[(n + k) % seps.len()];
                        for s in [
                            format!("{sep}{a}{other}{b}{sep}{c}{other}"),
                            format!("{a}{sep}{b}{other}{c}{sep}{a}{other}{b}{sep}{c}"),
                        ] {
                            assert_eq!(Head::of(&s), readable_head(&s), "{s:?}");
                            let want: Vec<&str> = s
                                .split([' ', '\u{a0}', '\u{202f}'])
                                .filter(|w| !w.is_empty())
                                .collect();
                            assert_eq!(Words { s: &s, at: 0 }.collect::<Vec<_>>(), want, "{s:?}");
                            n_strings += 1;
                        }
                    }
                }
            }
        }
        assert_eq!(n_strings, 22 * 22 * 3 * 5 * 2);
        for s in ["", " \u{a0} ", "\u{202f}"] {
            assert_eq!(Head::of(s), Head::default());
            assert_eq!(readable_head(s), Head::default());
        }
    }

    #[test]
    fn units_keep_what_typography_binds() {
        let unit = |s: &str| Head::of(s).unit;
        assert_eq!(unit("Les bénéficiaires"), 3);
        assert_eq!(unit("10 %) ; couple"), 7);
        assert_eq!(unit("« évaluation forfaitaire »"), 12);
        assert_eq!(unit("Mme\u{a0}Patricia Adam."), 12);
        assert_eq!(unit("2 200 F"), 5);
        assert_eq!(unit("problème : la suite"), 10);
        assert_eq!(unit(""), 0);
        assert_eq!(unit("1er janvier 2023. Enfin"), 17);
        assert_eq!(unit("30 octobre 2018 et la loi"), 15);
        assert_eq!(
            Head::of("M. le préfet de la Vienne"),
            Head {
                word: 2,
                unit: 5,
                second: 6
            }
        );
        assert_eq!(
            Head::of("« évaluation forfaitaire » du"),
            Head {
                word: 1,
                unit: 12,
                second: 13
            }
        );
        assert!(is_month("août") && !is_month("aoû") && !is_month("Mars"));
    }
}
