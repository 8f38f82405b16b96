//! Character-level helpers shared by every production: case- and accent-insensitive matching,
//! word boundaries, white space.

/// The letter `c` lower-cased and without its accent, for matching labels as people type them
/// (`Ministere`, `MINISTÈRE`, `ministère`); the typographic apostrophe matches the straight one.
pub(crate) fn fold(c: char) -> char {
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

/// Whether `c` may continue a word (so a match ending before it is not at a word boundary).
pub(crate) fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

/// Matches `pattern` at the start of `input`, ignoring case and accents; a space in `pattern`
/// matches one or more white-space characters in `input` (and none before `:`, `'` or after
/// `'`). Returns the number of bytes of `input` matched. The match must end at a word boundary
/// when the pattern ends with a letter or digit.
pub(crate) fn match_folded(input: &str, pattern: &str) -> Option<usize> {
    let mut it = input.char_indices().peekable();
    let mut pat = pattern.chars().peekable();
    let mut consumed = 0;
    while let Some(p) = pat.next() {
        if p == ' ' {
            let mut any = false;
            while let Some(&(i, c)) = it.peek() {
                if c.is_whitespace() {
                    any = true;
                    it.next();
                    consumed = i + c.len_utf8();
                } else {
                    break;
                }
            }
            let next_pat = pat.peek().copied();
            if !any && !matches!(next_pat, Some(':' | '\'' | '(' | ')' | '>')) {
                return None;
            }
            continue;
        }
        let (i, c) = it.next()?;
        if fold(c) != fold(p) {
            // An apostrophe may be followed or preceded by a space in typed text.
            return None;
        }
        consumed = i + c.len_utf8();
        if p == '\'' {
            while let Some(&(i, c)) = it.peek() {
                if c == ' ' {
                    it.next();
                    consumed = i + 1;
                } else {
                    break;
                }
            }
        }
    }
    let last = pattern.chars().next_back()?;
    if is_word(last) && input[consumed..].chars().next().is_some_and(is_word) {
        return None;
    }
    Some(consumed)
}

/// Whether `input` starts with `pattern` (see [`match_folded`]).
pub(crate) fn starts_folded(input: &str, pattern: &str) -> bool {
    match_folded(input, pattern).is_some()
}

/// The byte offsets where words start in `s` (a word starts with a letter or digit not preceded
/// by one).
pub(crate) fn word_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    let mut prev_word = false;
    s.char_indices().filter_map(move |(i, c)| {
        let w = is_word(c);
        let start = w && !prev_word;
        prev_word = w;
        start.then_some(i)
    })
}

/// Folds white space to single spaces and trims.
pub(crate) fn squeeze(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
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
    fn helpers() {
        assert_eq!(word_starts("a bc d'ef").collect::<Vec<_>>(), [0, 2, 5, 7]);
        assert_eq!(squeeze("  a \t b  "), "a b");
        assert_eq!(strip_parens_and_period("(fin de mandat)"), "fin de mandat");
        assert_eq!(strip_parens_and_period("Fin de mandat."), "Fin de mandat");
        assert_eq!(
            strip_parens_and_period("( Retrait à l'initiative de l'auteur )"),
            "Retrait à l'initiative de l'auteur"
        );
    }
}
