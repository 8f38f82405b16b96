//! Byte offsets to 1-based lines and columns (in characters): every place the library says
//! where something is comes from here. [`Position`] is a place; [`LineCounter`] numbers the
//! places of one text moving forward (and back within a document) so that numbering a batch
//! stays linear; [`mark::Mark`] does the same over a stream, from the bytes between two places.

pub(crate) mod mark;

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

/// How many line ends (`\n`) `bytes` holds: how many lines a place lies below another.
pub(crate) fn line_ends(bytes: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', bytes).count()
}

/// Where 1-based `line` of `bytes` starts (`bytes.len()` past its last line).
pub(crate) fn line_start_in(bytes: &[u8], line: usize) -> usize {
    match line {
        0 | 1 => 0,
        n => memchr::memchr_iter(b'\n', bytes)
            .nth(n - 2)
            .map_or(bytes.len(), |i| i + 1),
    }
}

/// Turns byte offsets of the whole input into 1-based lines, moving forward incrementally so that
/// numbering every warning of a document costs time linear in the document.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LineCounter<'t> {
    text: &'t str,
    offset: usize,
    line: usize,
}

impl<'t> LineCounter<'t> {
    pub(crate) fn new(text: &'t str) -> LineCounter<'t> {
        LineCounter {
            text,
            offset: 0,
            line: 1,
        }
    }

    /// The whole text the counter numbers.
    pub(crate) fn text(&self) -> &'t str {
        self.text
    }

    /// A counter that knows `offset` is on 1-based `line`.
    pub(crate) fn at(text: &'t str, offset: usize, line: usize) -> LineCounter<'t> {
        LineCounter { text, offset, line }
    }

    /// The 1-based line of `offset`.
    pub(crate) fn line(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            // Back within the document: count the line ends in between (never from the text's
            // start, which would make a batch of documents quadratic).
            let back =
                memchr::memchr_iter(b'\n', &self.text.as_bytes()[offset..self.offset]).count();
            self.line -= back;
            self.offset = offset;
            return self.line;
        }
        self.line += memchr::memchr_iter(b'\n', &self.text.as_bytes()[self.offset..offset]).count();
        self.offset = offset;
        self.line
    }

    /// The 1-based line and column (in characters) of `offset`.
    pub(crate) fn position(&mut self, offset: usize) -> Position {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line(offset);
        let line_start =
            memchr::memrchr(b'\n', &self.text.as_bytes()[..offset]).map_or(0, |i| i + 1);
        let column = 1 + self.text[line_start..offset].chars().count();
        Position {
            offset,
            line,
            column,
        }
    }

    /// The byte offset where 1-based `line` starts (searching forward from the last position).
    pub(crate) fn line_start(&mut self, line: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut at = memchr::memrchr(b'\n', &bytes[..self.offset]).map_or(0, |i| i + 1);
        // A line before the current one: walk back (within the document, not from the text's
        // start, so that numbering a batch's documents stays linear).
        let mut l = self.line;
        while line < l && at > 0 {
            at = memchr::memrchr(b'\n', &bytes[..at - 1]).map_or(0, |i| i + 1);
            l -= 1;
        }
        if line < l {
            return 0;
        }
        while l < line {
            match memchr::memchr(b'\n', &bytes[at..]) {
                Some(i) => at += i + 1,
                None => return self.text.len(),
            }
            l += 1;
        }
        at
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
    fn line_counter_moves_both_ways() {
        let mut c = LineCounter::new("a\nb\nc\n");
        assert_eq!(c.line(0), 1);
        assert_eq!(c.line(2), 2);
        assert_eq!(c.line(5), 3);
        assert_eq!(c.line(1), 1);
        assert_eq!(c.line(99), 4);
        let mut c = LineCounter::new("a\nb\nc");
        assert_eq!(c.line_start(3), 4);
        assert_eq!(c.position(5).column, 2);
        // Back from line 3 to lines 2 and 1.
        assert_eq!(c.line_start(2), 2);
        assert_eq!(c.line_start(1), 0);
        assert_eq!(c.line_start(3), 4);
    }

    #[test]
    fn lines_of_bytes() {
        assert_eq!(line_ends(b"a\nb\n"), 2);
        assert_eq!(line_start_in(b"a\nbc\nd", 1), 0);
        assert_eq!(line_start_in(b"a\nbc\nd", 3), 5);
        assert_eq!(line_start_in(b"a\nbc\nd", 4), 6);
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
