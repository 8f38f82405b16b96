//! The physical limits the parser is measured against, on the same bytes: what any parser must
//! at least do (look at every byte once) and what a minimal text cleaner does.

/// Counts the newlines with `memchr` (SIMD): the speed of reading the bytes at all.
pub fn count_newlines(text: &[u8]) -> usize {
    memchr::memchr_iter(b'\n', text).count()
}

/// Folds every run of ASCII whitespace into one space in one pass over the bytes, into a new
/// `String`: the least a parser that copies text out of a document does. (Folding ASCII bytes
/// keeps UTF-8 valid; the final `String::from_utf8` check is part of the cost, as the crate has no
/// `unsafe`.)
///
/// ```
/// assert_eq!(asalee_benches::fold_whitespace("a \t\n b  c\n"), "a b c ");
/// ```
pub fn fold_whitespace(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = vec![0u8; bytes.len()];
    let mut len = 0;
    let mut blank = false;
    // Branch-free: every byte is written, and the length only moves past it when it is not a
    // second blank in a row.
    for &b in bytes {
        let space = b.is_ascii_whitespace();
        out[len] = if space { b' ' } else { b };
        len += usize::from(!(space && blank));
        blank = space;
    }
    out.truncate(len);
    String::from_utf8(out).unwrap_or_default()
}
