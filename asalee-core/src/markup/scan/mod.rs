//! The markup's byte scans: where a run of ordinary text ends, where two spaces start, the next
//! occurrence of a byte. The fast path of each is fenced off in `blocks` (portable SIMD), its
//! readable version beside it in `readable`; the tests compare the two at every offset.

mod blocks;
mod readable;

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

/// The position of the next end tag of each element name asked for (`</b>`, `</span …>`), each
/// cached as [`NextByte`] is: asking again for a name from a later position searches only once
/// its cached end tag is passed, so all the asks of a pass cost linear time for each name (the
/// names asked are the phrasing elements', a few dozen at most).
pub(super) struct NextEndTags {
    cache: Vec<(Box<[u8]>, usize)>,
}

impl NextEndTags {
    pub(super) fn new() -> NextEndTags {
        NextEndTags { cache: Vec::new() }
    }

    /// The next `</name` (any case, then `>`, white space or `/`) at or after `from` (the length
    /// of `hay` when there is none).
    pub(super) fn find(&mut self, hay: &[u8], from: usize, name: &str) -> usize {
        let name = name.as_bytes();
        let k = match self
            .cache
            .iter()
            .position(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            Some(k) => k,
            None => {
                self.cache.push((name.to_ascii_lowercase().into(), 0));
                self.cache.len() - 1
            }
        };
        let cached = self.cache[k].1;
        if cached >= from && cached > 0 {
            return cached;
        }
        let mut p = from.min(hay.len());
        let at = loop {
            match memchr(b'<', &hay[p..]) {
                Some(o) => {
                    let at = p + o;
                    let after = &hay[at + 1..];
                    let named = after.first() == Some(&b'/')
                        && after.len() > name.len()
                        && after[1..=name.len()].eq_ignore_ascii_case(name)
                        && after.get(name.len() + 1).is_none_or(|c| {
                            matches!(c, b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'/')
                        });
                    if named {
                        break at;
                    }
                    p = at + 1;
                }
                None => break hay.len(),
            }
        };
        self.cache[k].1 = at;
        at
    }
}

/// The end of the block of text holding a position: the next line break that a blank line
/// follows (or the text's end), cached as [`NextByte`] is, so that all the asks of a pass cost
/// linear time. In text (not a saved page) no markup runs past it (see `lines`).
pub(super) struct NextBlank {
    at: Option<usize>,
}

impl NextBlank {
    pub(super) fn new() -> NextBlank {
        NextBlank { at: None }
    }

    /// The first `\n` at or after `from` whose next line is blank (the length of `hay` when
    /// there is none).
    pub(super) fn find(&mut self, hay: &[u8], from: usize) -> usize {
        if let Some(at) = self.at.filter(|&at| at >= from) {
            return at;
        }
        let mut p = from.min(hay.len());
        let at = loop {
            match memchr(b'\n', &hay[p..]) {
                Some(k) if next_line_blank(hay, p + k + 1) => break p + k,
                Some(k) => p += k + 1,
                None => break hay.len(),
            }
        };
        self.at = Some(at);
        at
    }
}

/// Whether a line starts (after its indentation) with the start tag of an element that is not
/// phrasing (`<div`, `<p`, `<link`, `<tr`…): the content of a phrasing element left open does
/// not run onto it (a fragment's `<b>` never closed does not swallow the next block).
pub(super) fn starts_with_block_tag(line: &[u8]) -> bool {
    let line = &line[line
        .iter()
        .take_while(|c| matches!(c, b' ' | b'\t'))
        .count()..];
    let Some(rest) = line.strip_prefix(b"<") else {
        return false;
    };
    let n = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    n > 0
        && rest[0].is_ascii_alphabetic()
        && std::str::from_utf8(&rest[..n]).is_ok_and(|name| !super::tags::is_phrasing(name))
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

/// Whether the target has 128-bit SIMD for [`blocks`]: SSE2 (every x86_64), NEON (aarch64),
/// simd128 (wasm32 built with it). Elsewhere the scans are the readable ones.
const HAS_SIMD: bool = cfg!(any(
    target_feature = "sse2",
    target_feature = "simd128",
    all(target_arch = "aarch64", target_feature = "neon")
));

/// The position of the first special byte of `rest` ([`SPECIAL_HTML`] in HTML, else
/// [`SPECIAL_TEXT`]), or `rest`'s length: the first 16 bytes one at a time (most runs are
/// shorter), then 16 at a time with SIMD where the target has it.
pub(super) fn special_at(rest: &[u8], html: bool) -> usize {
    let table = if html { &SPECIAL_HTML } else { &SPECIAL_TEXT };
    if !HAS_SIMD {
        return readable::special_at(rest, table);
    }
    let head = rest.len().min(16);
    if let Some(p) = rest[..head].iter().position(|&c| table[usize::from(c)]) {
        return p;
    }
    let mut at = head;
    while let Some(block) = blocks::block_at(rest, at) {
        let mask = blocks::special_mask(block, !html);
        if mask != 0 {
            return at + mask.trailing_zeros() as usize;
        }
        at += 16;
    }
    at + readable::special_at(&rest[at..], table)
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
/// with SIMD where the target has it (a substring search costs more to set up than to run
/// there); in a long one with the substring search's own SIMD.
pub(super) fn double_space(b: &[u8]) -> Option<usize> {
    static TWO_SPACES: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("  "));
    if b.len() >= 256 {
        return TWO_SPACES.find(b);
    }
    if !HAS_SIMD {
        return readable::double_space(b);
    }
    let mut at = 0;
    // Whether the previous sixteen bytes ended with a space.
    let mut after_space = false;
    while let Some(block) = blocks::block_at(b, at) {
        let spaces = blocks::space_mask(block);
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
    // The bytes the blocks left, the byte before them included (a space that ended the last
    // block).
    let from = at.saturating_sub(1);
    readable::double_space(&b[from..]).map(|p| from + p)
}

/// Where the last `pair` of bytes in `b` starts: its first byte found from the end with
/// `memrchr`, then the second checked (a substring search backwards has no SIMD, and its set-up
/// costs more than the search in a paragraph, where the first byte is rare: `**`, `\\'`).
pub(super) fn rfind_pair(b: &[u8], pair: [u8; 2]) -> Option<usize> {
    let mut end = b.len();
    while let Some(k) = memchr::memrchr(pair[0], &b[..end]) {
        if b.get(k + 1) == Some(&pair[1]) {
            return Some(k);
        }
        end = k;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_found_from_the_end_as_the_readable_search_finds_them() {
        for text in [
            "", "*", "**", "a**b**c", "***", "* * *", "x\\'y\\'", "\\\\'", "'\\",
        ] {
            for pair in [*b"**", *b"\\'"] {
                let b = text.as_bytes();
                for end in 0..=b.len() {
                    assert_eq!(
                        rfind_pair(&b[..end], pair),
                        readable::rfind_pair(&b[..end], pair),
                        "{text:?}[..{end}]"
                    );
                }
            }
        }
    }

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
                        assert_eq!(readable::special_at(&b, table), expected);
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
                    assert_eq!(readable::double_space(&b), want);
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
        // Past a block's end: the space ending one block and the one starting the next.
        let mut b = vec![b'a'; 40];
        b[15] = b' ';
        b[16] = b' ';
        assert_eq!(double_space(&b), Some(15));
    }
}
