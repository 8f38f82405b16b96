//! The hyphenated words an issue writes inside its lines (`sapeurs-pompiers`): a line-end hyphen
//! that makes one of them is kept (see [`super::join`]).
//!
//! [`Compounds::of`] looks at the words around each hyphen only; [`of_readable`] (tests only) is
//! the same rule over every word of every line, and a test holds the two to the same set.

use std::collections::HashSet;

/// The hyphenated words of an issue, lower-cased.
#[derive(Debug, Default)]
pub(crate) struct Compounds(HashSet<String>);

/// The hyphenated word a (white-space-delimited) word of a line makes, if any: trimmed of what
/// is not a letter or digit, with a hyphen between two letters inside it, after its last
/// apostrophe.
fn compound(w: &str) -> Option<&str> {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    let inner = w.char_indices().any(|(at, c)| {
        c == '-'
            && w[..at].ends_with(char::is_alphabetic)
            && w[at + 1..].starts_with(char::is_alphabetic)
    });
    inner.then(|| w.rsplit(['\'', '’']).next().unwrap_or(w))
}

impl Compounds {
    /// The hyphenated words of `lines` (a hyphen between two letters, not at a line's end).
    /// Only the words that hold a hyphen are looked at: from each hyphen not inside a word
    /// looked at already, back and forth to the white space around it.
    pub(crate) fn of<'a>(lines: impl Iterator<Item = &'a str>) -> Compounds {
        let mut set = HashSet::new();
        let mut lower = String::new();
        for line in lines {
            let mut done = 0;
            for at in memchr::memchr_iter(b'-', line.as_bytes()) {
                if at < done {
                    continue;
                }
                let start = line[..at]
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| c.is_whitespace())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                let end = line[at..]
                    .find(char::is_whitespace)
                    .map_or(line.len(), |i| at + i);
                done = end;
                let Some(w) = compound(&line[start..end]) else {
                    continue;
                };
                if w.is_ascii() {
                    lower.clear();
                    lower.push_str(w);
                    lower.make_ascii_lowercase();
                    if !set.contains(lower.as_str()) {
                        set.insert(lower.clone());
                    }
                } else {
                    set.insert(w.to_lowercase());
                }
            }
        }
        Compounds(set)
    }

    /// Whether the issue writes `before-after` (in any case) inside a line.
    pub(crate) fn contains(&self, before: &str, after: &str) -> bool {
        if self.0.is_empty() {
            return false;
        }
        let mut key = String::with_capacity(before.len() + 1 + after.len());
        key.push_str(before);
        key.push('-');
        key.push_str(after);
        if key.is_ascii() {
            key.make_ascii_lowercase();
            self.0.contains(&key)
        } else {
            self.0.contains(&key.to_lowercase())
        }
    }
}

/// [`Compounds::of`] read plainly: every word of every line that holds a hyphen.
#[cfg(test)]
fn of_readable<'a>(lines: impl Iterator<Item = &'a str>) -> HashSet<String> {
    let mut set = HashSet::new();
    for line in lines {
        for w in line.split_whitespace().filter(|w| w.contains('-')) {
            if let Some(w) = compound(w) {
                set.insert(w.to_lowercase());
            }
        }
    }
    set
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_reading_finds_the_same_words() {
        let lines = [
            "des sapeurs-pompiers et des Sapeurs-Pompiers, l’arrière-pays",
            "Montclar-sur-Loire (Haute-Garonne) ; c'est-à-dire -- le dévelop-",
            "pement d’aujourd’hui-même\u{a0}vice-président\u{2009}porte-parole",
            "- tiret -seul seul- 2014-1047 a-1 Ω-Σ ΑΣ-ΒΣ Ärger-Öl x-y-z-",
            "----",
            "mot\u{3000}semi-fini\tdemi-heure\u{85}quasi-total",
            "",
            "sans tiret",
            "l'«Île-de-France» (Saint-Denis).",
        ];
        let fast = Compounds::of(lines.iter().copied());
        let readable = of_readable(lines.iter().copied());
        assert_eq!(fast.0, readable);
        assert!(readable.contains("arrière-pays") && readable.contains("semi-fini"));
        assert!(fast.contains("Sapeurs", "pompiers"));
        assert!(fast.contains("ΑΣ", "βς") == readable.contains(&"ΑΣ-βς".to_lowercase()));
        assert!(!fast.contains("dévelop", "pement"));
    }
}
