//! Byte offsets to 1-based lines and columns (in characters), computed only when rendering.

/// A place in the parsed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Position {
    pub(crate) offset: usize,
    pub(crate) line: usize,
    pub(crate) column: usize,
}

impl Position {
    /// The input's first character.
    pub(crate) const fn start() -> Position {
        Position {
            offset: 0,
            line: 1,
            column: 1,
        }
    }

    /// The 1-based line and column of `offset` in `text` (clamped to the text's end and moved
    /// back to a character boundary).
    pub(crate) fn of(text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text.as_bytes()[..offset];
        let line = 1 + memchr::memchr_iter(b'\n', before).count();
        let line_start = memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
        let column = 1 + text[line_start..offset].chars().count();
        Position {
            offset,
            line,
            column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lc(text: &str, offset: usize) -> (usize, usize) {
        let p = Position::of(text, offset);
        (p.line, p.column)
    }

    #[test]
    fn edges() {
        assert_eq!(lc("", 0), (1, 1));
        assert_eq!(lc("abc", 3), (1, 4));
        assert_eq!(lc("abc", 99), (1, 4));
        assert_eq!(lc("ab\n", 3), (2, 1));
        assert_eq!(lc("ab\ncd", 4), (2, 2));
        assert_eq!(lc("\n\n", 1), (2, 1));
    }

    #[test]
    fn columns_count_characters() {
        // "é" is two bytes, one character.
        assert_eq!(lc("éé x", 5), (1, 4));
        // An offset inside a character moves back to its start.
        assert_eq!(lc("é", 1), (1, 1));
    }
}
