//! The scans' sixteen-byte step, with the portable SIMD of the `wide` crate: SSE2 on x86_64,
//! NEON on aarch64, simd128 on wasm32 built with it, plain arrays elsewhere (where
//! [`super::HAS_SIMD`] is false and the scans read bytes instead). The readable version of each
//! scan is in `readable.rs`; the tests compare them at every offset.

use wide::u8x16;

/// The sixteen bytes of `b` from `at`, if there are as many.
pub(super) fn block_at(b: &[u8], at: usize) -> Option<&[u8; 16]> {
    b.get(at..at + 16)?.try_into().ok()
}

fn mask(v: u8x16) -> u32 {
    // The high bit of each byte, a bit per byte (every byte of `v` is 0 or 0xFF).
    v.move_mask() as u32 & 0xFFFF
}

/// The bytes that are at most `max`, unsigned.
fn at_most(v: u8x16, max: u8) -> u8x16 {
    v.max(u8x16::splat(max)).cmp_eq(u8x16::splat(max))
}

fn eq(v: u8x16, byte: u8) -> u8x16 {
    v.cmp_eq(u8x16::splat(byte))
}

/// A bit for each space of `block`.
pub(super) fn space_mask(block: &[u8; 16]) -> u32 {
    mask(eq(u8x16::new(*block), b' '))
}

/// A bit for each byte of `block` that [`super::SPECIAL_HTML`] (or, with `text`,
/// [`super::SPECIAL_TEXT`]) marks.
pub(super) fn special_mask(block: &[u8; 16], text: bool) -> u32 {
    let v = u8x16::new(*block);
    // Control bytes (`\n`, `\t`, `\r` among them), `<`, `&`, and the lead bytes 0xC2 and 0xE2,
    // which differ in bit 5 only.
    let mut special =
        at_most(v, 0x1F) | eq(v, b'<') | eq(v, b'&') | eq(v & u8x16::splat(0xDF), 0xC2);
    if text {
        // Markdown's `[` `\` `]` `^` `_` (0x5B to 0x5F), `*`, `|` and `!`.
        let brackets = at_most(v - u8x16::splat(0x5B), 4);
        special = special | brackets | eq(v, b'*') | eq(v, b'|') | eq(v, b'!');
    }
    mask(special)
}
