//! Positions in a stream: a [`Mark`] knows the offset, line and column of one byte, and finds
//! those of a later byte from the bytes in between (so that a stream keeps only the bytes of the
//! question being read, not the whole input, to say where something is).

use super::Position;

/// A byte of the input: its offset, 1-based line and 1-based column in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Mark {
    pub(crate) offset: usize,
    pub(crate) line: usize,
    pub(crate) column: usize,
}

impl Mark {
    /// The first byte of an input.
    pub(crate) const START: Mark = Mark {
        offset: 0,
        line: 1,
        column: 1,
    };

    /// The mark of the byte `bytes.len()` bytes on, `bytes` being the input from this mark.
    pub(crate) fn advance(self, bytes: &[u8]) -> Mark {
        let offset = self.offset + bytes.len();
        match memchr::memrchr(b'\n', bytes) {
            Some(nl) => Mark {
                offset,
                line: self.line + memchr::memchr_iter(b'\n', bytes).count(),
                column: 1 + chars(&bytes[nl + 1..]),
            },
            None => Mark {
                offset,
                line: self.line,
                column: self.column + chars(bytes),
            },
        }
    }

    /// The mark of the byte at `offset` (an offset of the input, at or after this mark's),
    /// `bytes` being the input from this mark on (an offset past them is taken at their end).
    pub(crate) fn at(self, bytes: &[u8], offset: usize) -> Mark {
        let mut k = offset.saturating_sub(self.offset).min(bytes.len());
        // At a character's first byte.
        while k > 0 && k < bytes.len() && (bytes[k] as i8) < -0x40 {
            k -= 1;
        }
        self.advance(&bytes[..k])
    }

    /// As the position of a [`crate::ParseError`].
    pub(crate) fn position(self) -> Position {
        Position {
            offset: self.offset,
            line: self.line,
            column: self.column,
        }
    }
}

/// Marks of offsets of `bytes` (the input from `base` on), each found from the previous one when
/// it is not before it: the warnings of a question, in the input's order, cost one pass over its
/// bytes, not one pass each (a key flood of a million elements stays linear).
pub(crate) fn locator(base: Mark, bytes: &[u8]) -> impl FnMut(usize) -> Mark + '_ {
    let mut last = base;
    move |offset| {
        let from = if offset >= last.offset { last } else { base };
        let skip = (from.offset - base.offset).min(bytes.len());
        last = from.at(&bytes[skip..], offset);
        last
    }
}

/// The characters of UTF-8 bytes: the bytes that do not continue a character.
fn chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_in_characters() {
        let text = "é{\n  ab\"é\" x";
        let m = Mark::START.advance(&text.as_bytes()[..3]);
        assert_eq!((m.offset, m.line, m.column), (3, 1, 3));
        let end = Mark::START.at(text.as_bytes(), text.len());
        assert_eq!((end.line, end.column), (2, 10));
        let from_m = m.at(&text.as_bytes()[3..], 7);
        assert_eq!((from_m.line, from_m.column), (2, 4));
        // Inside a character: at its start.
        assert_eq!(Mark::START.at(text.as_bytes(), 1).column, 1);
    }

    #[test]
    fn the_locator_gives_the_marks_of_at_in_any_order() {
        let text = "é{\n  ab\"é\" x\nyz";
        let mut locate = locator(Mark::START, text.as_bytes());
        for offset in [0, 3, 1, 7, 7, 9, 15, 2, 16, 40, 5] {
            assert_eq!(
                locate(offset),
                Mark::START.at(text.as_bytes(), offset),
                "{offset}"
            );
        }
    }
}
