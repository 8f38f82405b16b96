//! The readable version of each scan: a byte at a time, what the fast ones must give (the
//! tests compare them at every offset), and what targets without 128-bit SIMD run.

/// [`super::special_at`]: the first byte the table marks, or the length.
pub(super) fn special_at(rest: &[u8], table: &[bool; 256]) -> usize {
    rest.iter()
        .position(|&c| table[usize::from(c)])
        .unwrap_or(rest.len())
}

/// [`super::double_space`]: where the first two spaces in a row start.
pub(super) fn double_space(b: &[u8]) -> Option<usize> {
    b.windows(2).position(|w| w == b"  ")
}

/// [`super::rfind_pair`]: where the last `pair` in `b` starts (the tests compare the two).
#[cfg(test)]
pub(super) fn rfind_pair(b: &[u8], pair: [u8; 2]) -> Option<usize> {
    b.windows(2).rposition(|w| w == pair)
}
