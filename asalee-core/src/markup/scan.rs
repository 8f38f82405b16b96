//! The markup's byte scans: where a run of ordinary text ends, where two spaces start, the next
//! occurrence of a byte.

use memchr::memchr;

/// The position of the next occurrence of a byte, cached: asking again from a later position
/// searches only once the cached occurrence is passed, so all the asks of a pass cost linear time.
pub(super) struct NextByte {
    byte: u8,
    at: Option<usize>,
}

impl NextByte {
    pub(super) fn new(byte: u8) -> NextByte {
        NextByte { byte, at: None }
    }

    /// The next occurrence at or after `from` (the length of `hay` when there is none).
    pub(super) fn find(&mut self, hay: &[u8], from: usize) -> usize {
        match self.at {
            Some(at) if at >= from => at,
            _ => {
                let at =
                    memchr(self.byte, &hay[from.min(hay.len())..]).map_or(hay.len(), |p| from + p);
                self.at = Some(at);
                at
            }
        }
    }
}

/// Whether the source line starting at `at` is blank.
pub(super) fn next_line_blank(bytes: &[u8], at: usize) -> bool {
    bytes[at.min(bytes.len())..]
        .iter()
        .take_while(|&&c| c != b'\n')
        .all(|c| c.is_ascii_whitespace())
}

/// Bytes that end a run of ordinary text in HTML: markup, entities, white space other than a
/// single space, and the lead bytes of the Unicode spaces.
pub(super) static SPECIAL_HTML: [bool; 256] = special_table(b"<&\n\t\r\xC2\xE2");

/// The same in Markdown and text, where Markdown's inline markers are special too.
pub(super) static SPECIAL_TEXT: [bool; 256] = special_table(b"<&\n\t\r\xC2\xE2*[]\\^|!_");

/// The position of the first special byte of `rest` ([`SPECIAL_HTML`] in HTML, else
/// [`SPECIAL_TEXT`]), or `rest`'s length: the first 16 bytes one at a time (most runs are
/// shorter), then 16 at a time with SSE2 where the target has it.
pub(super) fn special_at(rest: &[u8], html: bool) -> usize {
    let table = if html { &SPECIAL_HTML } else { &SPECIAL_TEXT };
    let head = rest.len().min(16);
    if let Some(p) = rest[..head].iter().position(|&c| table[usize::from(c)]) {
        return p;
    }
    let mut at = head;
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    while let Some(block) = sse2::block_at(rest, at) {
        let mask = sse2::special_mask(block, !html);
        if mask != 0 {
            return at + mask.trailing_zeros() as usize;
        }
        at += 16;
    }
    rest[at..]
        .iter()
        .position(|&c| table[usize::from(c)])
        .map_or(rest.len(), |p| at + p)
}

/// [`special_at`]'s sixteen-byte step, with `safe_arch`'s SSE2 wrappers.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod sse2 {
    use safe_arch::{
        bitand_m128i, bitor_m128i, cmp_eq_mask_i8_m128i, load_unaligned_m128i, m128i, max_u8_m128i,
        move_mask_i8_m128i, set_splat_i8_m128i, sub_i8_m128i,
    };

    /// The sixteen bytes of `b` from `at`, if there are as many.
    pub(super) fn block_at(b: &[u8], at: usize) -> Option<&[u8; 16]> {
        b.get(at..at + 16)?.try_into().ok()
    }

    /// A bit for each space of `block`.
    pub(super) fn space_mask(block: &[u8; 16]) -> u32 {
        move_mask_i8_m128i(eq(load_unaligned_m128i(block), b' ')) as u32
    }

    fn splat(byte: u8) -> m128i {
        set_splat_i8_m128i(byte as i8)
    }

    fn eq(v: m128i, byte: u8) -> m128i {
        cmp_eq_mask_i8_m128i(v, splat(byte))
    }

    /// The bytes that are at most `max`, unsigned.
    fn at_most(v: m128i, max: u8) -> m128i {
        cmp_eq_mask_i8_m128i(max_u8_m128i(v, splat(max)), splat(max))
    }

    /// A bit for each byte of `block` that [`super::SPECIAL_HTML`] (or, with `text`,
    /// [`super::SPECIAL_TEXT`]) marks.
    pub(super) fn special_mask(block: &[u8; 16], text: bool) -> u32 {
        let v = load_unaligned_m128i(block);
        // Control bytes (`\n`, `\t`, `\r` among them), `<`, `&`, and the lead bytes 0xC2 and
        // 0xE2, which differ in bit 5 only.
        let mut special = bitor_m128i(
            bitor_m128i(at_most(v, 0x1F), eq(v, b'<')),
            bitor_m128i(eq(v, b'&'), eq(bitand_m128i(v, splat(0xDF)), 0xC2)),
        );
        if text {
            // Markdown's `[` `\` `]` `^` `_` (0x5B to 0x5F), `*`, `|` and `!`.
            let brackets = at_most(sub_i8_m128i(v, splat(0x5B)), 4);
            special = bitor_m128i(
                bitor_m128i(special, brackets),
                bitor_m128i(bitor_m128i(eq(v, b'*'), eq(v, b'|')), eq(v, b'!')),
            );
        }
        move_mask_i8_m128i(special) as u32
    }
}

pub(super) const fn special_table(bytes: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 32 {
        t[i] = i != b' ' as usize;
        i += 1;
    }
    let mut k = 0;
    while k < bytes.len() {
        t[bytes[k] as usize] = true;
        k += 1;
    }
    t
}

/// Where the first two spaces in a row start in `b`: in a short run sixteen bytes at a time
/// with SSE2 where the target has it, else eight at a time (a substring search costs more to set
/// up than to run there); in a long one with the substring search's SIMD.
pub(super) fn double_space(b: &[u8]) -> Option<usize> {
    static TWO_SPACES: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("  "));
    if b.len() >= 256 {
        return TWO_SPACES.find(b);
    }
    #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
    {
        let mut at = 0;
        // Whether the previous sixteen bytes ended with a space.
        let mut after_space = false;
        while let Some(block) = sse2::block_at(b, at) {
            let spaces = sse2::space_mask(block);
            if after_space && spaces & 1 != 0 {
                return Some(at - 1);
            }
            let pairs = spaces & (spaces >> 1);
            if pairs != 0 {
                return Some(at + pairs.trailing_zeros() as usize);
            }
            after_space = spaces & 0x8000 != 0;
            at += 16;
        }
        double_space_in_tail(b, at)
    }
    #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
    double_space_swar(b)
}

/// [`double_space`] of a short run, eight bytes at a time (the targets without SSE2).
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2"), allow(dead_code))]
pub(super) fn double_space_swar(b: &[u8]) -> Option<usize> {
    const LOW7: u64 = u64::from_le_bytes([0x7F; 8]);
    const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
    let mut chunks = b.chunks_exact(8);
    let mut at = 0;
    // Whether the previous eight bytes ended with a space.
    let mut after_space = false;
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(std::array::from_fn(|k| chunk[k])) ^ SPACES;
        // 0x80 in exactly the bytes that are spaces (no borrow runs between bytes).
        let spaces = !(((x & LOW7) + LOW7) | x | LOW7);
        if spaces != 0 {
            if after_space && spaces & 0x80 != 0 {
                return Some(at - 1);
            }
            let pairs = spaces & (spaces >> 8);
            if pairs != 0 {
                return Some(at + (pairs.trailing_zeros() / 8) as usize);
            }
        }
        after_space = spaces >> 63 != 0;
        at += 8;
    }
    double_space_in_tail(b, at)
}

/// [`double_space`] in the bytes from `at` that the blocks left, the byte before them included
/// (a space that ended the last block).
pub(super) fn double_space_in_tail(b: &[u8], at: usize) -> Option<usize> {
    let from = at.saturating_sub(1);
    b[from..]
        .windows(2)
        .position(|w| w == b"  ")
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_bytes_found_at_every_offset_as_the_tables_say() {
        for (html, table) in [(true, &SPECIAL_HTML), (false, &SPECIAL_TEXT)] {
            for c in 0..=255u8 {
                for len in [1, 15, 16, 17, 31, 32, 33, 50] {
                    for at in 0..len {
                        let mut b = vec![b'a'; len];
                        b[at] = c;
                        let expected = if table[usize::from(c)] { at } else { len };
                        assert_eq!(special_at(&b, html), expected, "{c:#x} at {at} of {len}");
                    }
                }
            }
        }
    }

    #[test]
    fn double_spaces_found_at_every_offset() {
        for len in 0..40 {
            for first in 0..len {
                for second in first + 1..len {
                    let mut b = vec![b'a'; len];
                    b[first] = b' ';
                    b[second] = b' ';
                    let want = b.windows(2).position(|w| w == b"  ");
                    assert_eq!(double_space(&b), want, "{:?}", String::from_utf8_lossy(&b));
                    assert_eq!(
                        double_space_swar(&b),
                        want,
                        "{:?}",
                        String::from_utf8_lossy(&b)
                    );
                }
            }
        }
        assert_eq!(double_space("é  x".as_bytes()), Some(2));
        let mut long = vec![b'a'; 1000];
        assert_eq!(double_space(&long), None);
        long[700] = b' ';
        long[701] = b' ';
        assert_eq!(double_space(&long), Some(700));
        assert_eq!(double_space(b"\xA0\xA0 \xA0 \xA0"), None);
    }
}
