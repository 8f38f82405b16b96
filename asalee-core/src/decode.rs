//! Bytes to text: UTF-8 with or without BOM, else Windows-1252; CRLF line ends to LF.

use std::borrow::Cow;

/// How the bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (a byte-order mark, if any, removed).
    Utf8,
    /// Not valid UTF-8: read as Windows-1252, the superset of ISO-8859-1 the AN's older pages
    /// were served in.
    Windows1252,
}

/// Decodes `bytes` as UTF-8 (BOM removed) or, when they are not valid UTF-8, as Windows-1252,
/// and turns CRLF line ends into LF. Borrows when nothing needs to change.
///
/// ```
/// use asalee_core::{decode, Encoding};
/// assert_eq!(decode(b"\xEF\xBB\xBFcaf\xC3\xA9\r\n"), ("café\n".into(), Encoding::Utf8));
/// assert_eq!(decode(b"caf\xE9"), ("café".into(), Encoding::Windows1252));
/// ```
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, Encoding) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Validation with SIMD: the one pass every byte of an input goes through before parsing.
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => (normalize(text), Encoding::Utf8),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            let text = match normalize(&text) {
                Cow::Borrowed(_) => text.into_owned(),
                Cow::Owned(fixed) => fixed,
            };
            (Cow::Owned(text), Encoding::Windows1252)
        }
    }
}

/// Removes a leading byte-order mark and turns CRLF into LF. Borrows when nothing changes.
pub(crate) fn normalize(text: &str) -> Cow<'_, str> {
    static CRLF: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("\r\n"));
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if CRLF.find(text.as_bytes()).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = CRLF.find(rest.as_bytes()) {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_borrows_when_clean() {
        assert!(matches!(decode(b"abc\n").0, Cow::Borrowed("abc\n")));
    }

    #[test]
    fn crlf_and_bom() {
        assert_eq!(decode(b"\xEF\xBB\xBFa\r\nb\r\n").0, "a\nb\n");
        // A lone CR is kept (it reads as white space later).
        assert_eq!(decode(b"a\rb").0, "a\rb");
        assert_eq!(normalize("\u{FEFF}x\r\n"), "x\n");
    }

    #[test]
    fn windows_1252() {
        // 0x80 is the euro sign in Windows-1252, 0x92 the typographic apostrophe.
        let (text, enc) = decode(b"Minist\xE8re \x80 l\x92\xE9t\xE9\r\n");
        assert_eq!(enc, Encoding::Windows1252);
        assert_eq!(text, "Ministère € l’été\n");
    }
}
