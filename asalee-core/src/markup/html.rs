//! HTML: which elements end a line, start a cell, hide their content or are skipped; tags,
//! attributes, comments, declarations and entities read.

use memchr::memchr;

use super::builder::Builder;
use super::tags::TagInfo;
use super::text::{is_invisible, is_space_char};

/// A parsed start or end tag.
pub(super) struct Tag<'a> {
    pub(super) name: &'a str,
    pub(super) end: bool,
    pub(super) attrs: &'a str,
    /// Whether an attribute hides the element (see [`attribute_hides`]).
    pub(super) hides: bool,
    /// Byte length of the whole tag in the source.
    pub(super) len: usize,
}

/// The longest tag read, in bytes (the AN pages' longest are under 1 KB).
pub(super) const MAX_TAG_LEN: usize = 4096;

/// Reads a tag at the start of `s` (which begins with `<`). `multiline` allows the tag to span
/// lines (HTML); in text, a `<` with no `>` on its line is literal.
pub(super) fn read_tag(s: &str, multiline: bool) -> Option<Tag<'_>> {
    // A tag is looked for within a bounded distance, so that many `<` with no `>` after them
    // cost linear time (a `<` with no `>` within the bound is text).
    let b = &s.as_bytes()[..s.len().min(MAX_TAG_LEN)];
    let mut i = 1;
    let end = b.get(1) == Some(&b'/');
    if end {
        i = 2;
    }
    let name_start = i;
    if !b.get(i).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    i = skip_class(b, i, TAG_NAME);
    let name = &s[name_start..i];
    match b.get(i) {
        Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r') => {}
        None => return None,
        _ => return None,
    }
    let attrs_start = i;
    if b[i] == b'>' {
        // No attributes (`<td>`, `</p>`): most tags.
        return Some(Tag {
            name,
            end,
            attrs: "",
            hides: false,
            len: i + 1,
        });
    }
    // The closing '>' outside quotes, found by reading the attributes.
    let mut attrs = Attributes { b, at: i };
    let mut hides = false;
    for (name, value) in &mut attrs {
        hides = hides || attribute_hides(name, value);
    }
    let close = attrs.closed_at();
    // In text, a tag does not span lines.
    if !multiline && memchr(b'\n', &b[attrs_start..close.unwrap_or(b.len())]).is_some() {
        return None;
    }
    // An unclosed quote: the tag ends at the first '>'.
    let gt = match close {
        Some(at) => at,
        None => attrs_start + memchr(b'>', &b[attrs_start..])?,
    };
    Some(Tag {
        name,
        end,
        attrs: &s[attrs_start..gt],
        hides,
        len: gt + 1,
    })
}

/// The attributes of a tag, read as HTML's tokenizer does from a position after the tag's name:
/// `(name, value)` pairs (a value without its quotes, empty when there is none), up to the `>`
/// that ends the tag outside quotes, or to the end of the bytes.
pub(super) struct Attributes<'a> {
    b: &'a [u8],
    at: usize,
}

impl Attributes<'_> {
    /// Where the tag's closing `>` is, once the attributes are read: `None` when the bytes end
    /// first (in an unclosed quote, or with no `>`).
    fn closed_at(&self) -> Option<usize> {
        (self.b.get(self.at) == Some(&b'>')).then_some(self.at)
    }
}

/// White space between attributes.
pub(super) fn is_attr_space(c: u8) -> bool {
    TAG_BYTES[usize::from(c)] & SPACE != 0
}

/// [`TAG_BYTES`] classes: white space between attributes; the bytes that end an attribute's
/// name, an unquoted value, a tag's name.
pub(super) const SPACE: u8 = 1;
pub(super) const NAME_END: u8 = 2;
pub(super) const VALUE_END: u8 = 4;
pub(super) const TAG_NAME: u8 = 8;

/// The classes of each byte inside a tag, looked up once per byte.
pub(super) static TAG_BYTES: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        let space = matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0C);
        let mut class = 0;
        if space {
            class |= SPACE | NAME_END | VALUE_END;
        }
        if matches!(b, b'/' | b'>' | b'=') {
            class |= NAME_END;
        }
        if b == b'>' {
            class |= VALUE_END;
        }
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b':' | b'_') {
            class |= TAG_NAME;
        }
        t[c] = class;
        c += 1;
    }
    t
};

/// The first position at or after `i` whose byte is not in `class` (`b.len()` when none is).
pub(super) fn skip_class(b: &[u8], mut i: usize, class: u8) -> usize {
    while i < b.len() && TAG_BYTES[usize::from(b[i])] & class != 0 {
        i += 1;
    }
    i
}

/// The first position at or after `i` whose byte is in `class` (`b.len()` when none is).
pub(super) fn find_class(b: &[u8], mut i: usize, class: u8) -> usize {
    while i < b.len() && TAG_BYTES[usize::from(b[i])] & class == 0 {
        i += 1;
    }
    i
}

impl<'a> Iterator for Attributes<'a> {
    type Item = (&'a [u8], &'a [u8]);

    fn next(&mut self) -> Option<Self::Item> {
        let b = self.b;
        let skip_space = |i: usize| skip_class(b, i, SPACE);
        let mut i = self.at;
        while b.get(i).is_some_and(|&c| is_attr_space(c) || c == b'/') {
            i += 1;
        }
        if b.get(i).is_none_or(|&c| c == b'>') {
            self.at = i;
            return None;
        }
        // A name (an `=` that starts it belongs to it), then perhaps `=` and a value.
        let name_start = i;
        i = find_class(b, i + 1, NAME_END);
        let name = &b[name_start..i];
        let eq = skip_space(i);
        if b.get(eq) != Some(&b'=') {
            self.at = i;
            return Some((name, &[]));
        }
        let v = skip_space(eq + 1);
        let value = match b.get(v) {
            Some(&q @ (b'"' | b'\'')) => match memchr(q, &b[v + 1..]) {
                Some(p) => {
                    self.at = v + 2 + p;
                    &b[v + 1..v + 1 + p]
                }
                None => {
                    // An unclosed quote runs to the end.
                    self.at = b.len();
                    return None;
                }
            },
            _ => {
                let end = find_class(b, v, VALUE_END);
                self.at = end;
                &b[v..end]
            }
        };
        Some((name, value))
    }
}

/// Whether an attribute hides its element: `hidden`; a `style` with `display: none` or
/// `visibility: hidden`; a `class` with a class starting `sr-only`, `visually-hidden` or
/// `breadcrumb` (any case).
pub(super) fn attribute_hides(name: &[u8], value: &[u8]) -> bool {
    match name.len() {
        6 if name.eq_ignore_ascii_case(b"hidden") => true,
        5 if name.eq_ignore_ascii_case(b"style") => {
            let squeezed: Vec<u8> = value
                .iter()
                .filter(|c| !c.is_ascii_whitespace())
                .map(u8::to_ascii_lowercase)
                .collect();
            memchr::memmem::find(&squeezed, b"display:none").is_some()
                || memchr::memmem::find(&squeezed, b"visibility:hidden").is_some()
        }
        5 if name.eq_ignore_ascii_case(b"class") => {
            value.split(u8::is_ascii_whitespace).any(|class| {
                [&b"sr-only"[..], b"visually-hidden", b"breadcrumb"]
                    .iter()
                    .any(|p| class.len() >= p.len() && class[..p.len()].eq_ignore_ascii_case(p))
            })
        }
        _ => false,
    }
}

/// Whether an attribute text (what follows a tag's name) hides the element.
#[cfg(test)]
pub(super) fn hidden(attrs: &str) -> bool {
    Attributes {
        b: attrs.as_bytes(),
        at: 0,
    }
    .any(|(name, value)| attribute_hides(name, value))
}

/// Whether a text is a saved page rather than a fragment, Markdown or text.
pub(super) fn is_page(src: &str) -> bool {
    let t = src.trim_start().as_bytes();
    let starts = |p: &[u8]| t.len() >= p.len() && t[..p.len()].eq_ignore_ascii_case(p);
    starts(b"<!doctype") || starts(b"<html")
}

/// Whether a `<` in text starts a real HTML element (so the tag may span lines).
pub(super) fn looks_like_html_start(s: &str) -> bool {
    let b = s.as_bytes();
    // Chosen by the letter after `<`, so that one comparison at most is made.
    let p: &[u8] = match b.get(1).map(u8::to_ascii_lowercase) {
        Some(b'h') if b.get(2).is_some_and(|c| c.eq_ignore_ascii_case(&b't')) => b"<html",
        Some(b'h') => b"<head",
        Some(b'b') => b"<body",
        Some(b't') => b"<table",
        Some(b'd') => b"<div",
        Some(b'p') if b.get(2) == Some(&b'>') => b"<p>",
        Some(b'p') => b"<p ",
        Some(b's') => b"<section",
        Some(b'm') => b"<meta",
        Some(b'l') => b"<link",
        Some(b'a') => b"<a ",
        _ => return false,
    };
    b.len() >= p.len() && b[..p.len()].eq_ignore_ascii_case(p)
}

/// Whether a `<` in text starts a tag of a known element whose name a white space follows
/// (`<span\nclass="x">`, `<a\nhref="…">`: pandoc wraps raw HTML's attributes), so the tag may
/// span lines.
pub(super) fn known_tag_start(s: &str) -> bool {
    let b = s.as_bytes();
    let name_len = b[1..]
        .iter()
        .take(12)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    name_len > 0
        && b.get(1 + name_len).is_some_and(u8::is_ascii_whitespace)
        && super::tags::is_known(&s[1..1 + name_len])
}

/// Length of a comment at the start of `s` (`<!-- … -->`, `<!-->`, `<!--->`), to the end of the
/// text if it is not closed.
pub(super) fn comment_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if !b.starts_with(b"<!--") {
        return None;
    }
    let body = &b[4..];
    if body.starts_with(b">") {
        return Some(5);
    }
    if body.starts_with(b"->") {
        return Some(6);
    }
    static END: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"-->"));
    Some(END.find(body).map_or(s.len(), |e| 4 + e + 3))
}

/// Length of `<!DOCTYPE …>`, `<?xml …?>`, `<![CDATA[` markers and the like.
pub(super) fn declaration_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    if b.starts_with(b"<![CDATA[") {
        return Some(9);
    }
    if b.len() > 2 && (b[1] == b'!' || b[1] == b'?') && (b[2].is_ascii_alphabetic() || b[1] == b'?')
    {
        return Some(memchr(b'>', b).map_or(s.len(), |e| e + 1));
    }
    None
}

/// Length of raw text up to and including `</name>`, or to the end.
pub(super) fn raw_text_end(s: &str, name: &str) -> usize {
    static END_TAG: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new("</"));
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(p) = END_TAG.find(&b[from..]) {
        let at = from + p;
        // Compare bytes: the text after `</` may start inside a multi-byte character's range.
        let after = &b[at + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return memchr(b'>', &b[at..]).map_or(s.len(), |e| at + e + 1);
        }
        from = at + 2;
    }
    s.len()
}

pub(super) fn handle_tag(b: &mut Builder<'_>, tag: &Tag<'_>, info: TagInfo, at: usize) {
    let name = tag.name;
    if name.eq_ignore_ascii_case("br") {
        b.line_break(at, false);
        return;
    }
    if name.eq_ignore_ascii_case("td") || name.eq_ignore_ascii_case("th") {
        if tag.end {
            pop_container(b, info.container);
        } else {
            b.cell_break();
            b.containers.push(info.container);
        }
        return;
    }
    if info.block {
        b.line_break(at, false);
    }
    if info.container != 0 {
        if tag.end {
            pop_container(b, info.container);
        } else if !tag.attrs.trim_end().ends_with('/') {
            // Bound the stack: malformed pages may open many elements and never close them.
            if b.containers.len() < 4096 {
                b.containers.push(info.container);
            }
        }
    }
}

/// Closes the innermost open container of id `id`, if any is open (and those inside it).
pub(super) fn pop_container(b: &mut Builder<'_>, id: u8) {
    // Only look a bounded distance down, so that stray end tags cost O(1).
    let n = b.containers.len();
    let lowest = n.saturating_sub(64);
    if let Some(pos) = (lowest..n).rev().find(|&k| b.containers[k] == id) {
        b.containers.truncate(pos);
    }
}

/// What an entity decodes to.
pub(super) enum Decoded {
    Space,
    Text(String),
}

/// Decodes the entity at the start of `s` (which begins with `&`); returns its length in the
/// source (1 when it is not an entity).
pub(super) fn entity(s: &str) -> (Option<Decoded>, usize) {
    let b = s.as_bytes();
    let mut end = 1;
    while end < b.len() && end < 34 && (b[end].is_ascii_alphanumeric() || b[end] == b'#') {
        end += 1;
    }
    if end == 1 || b.get(end) != Some(&b';') {
        return (None, 1);
    }
    let candidate = &s[..=end];
    let decoded = html_escape::decode_html_entities(candidate);
    if decoded == candidate {
        return (None, 1);
    }
    let text: String = decoded.into_owned();
    if text.chars().all(|c| c.is_whitespace() || is_space_char(c)) {
        return (Some(Decoded::Space), end + 1);
    }
    if text.chars().all(is_invisible) {
        return (Some(Decoded::Text(String::new())), end + 1);
    }
    (Some(Decoded::Text(text)), end + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_starts() {
        for s in [
            "<html>",
            "<HTML lang",
            "<head>",
            "<body>",
            "<table",
            "<DIV class",
            "<p>",
            "<p class",
            "<section",
            "<meta",
            "<link",
            "<a href",
        ] {
            assert!(looks_like_html_start(s), "{s}");
        }
        for s in [
            "<", "<h", "<hr>", "<pre>", "<b>", "<abbr", "<span>", "< div", "<tr>",
        ] {
            assert!(!looks_like_html_start(s), "{s}");
        }
    }

    #[test]
    fn hiding_attributes() {
        assert!(hidden(" class=\"x\" style=\"display : none\""));
        assert!(hidden(" style='DISPLAY:NONE'"));
        assert!(hidden(" style=\"color: red; visibility: hidden\""));
        assert!(hidden(" class=\"a sr-only-focusable\""));
        assert!(hidden(" class='Breadcrumb'"));
        assert!(hidden(" class=visually-hidden"));
        assert!(hidden(" hidden"));
        assert!(hidden(" id=x HIDDEN"));
        assert!(hidden(" hidden=\"hidden\""));
        assert!(!hidden(" class=\"nonetheless\""));
        assert!(!hidden(" class=\"shown big\" id=\"bread\""));
        assert!(!hidden(""));
        // Words that hide only where they are an attribute, a style or a class.
        assert!(!hidden(" href=\"/hidden/page\" title=\"display:none\""));
        assert!(!hidden(" data-class=\"sr-only\" aria-hidden=\"true\""));
        assert!(!hidden(" title='style=\"display:none\"'"));
    }

    #[test]
    fn tag_byte_classes() {
        for c in 0..=255u8 {
            let space = matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0C);
            let class = TAG_BYTES[usize::from(c)];
            assert_eq!(class & SPACE != 0, space, "{c}");
            assert_eq!(
                class & NAME_END != 0,
                space || matches!(c, b'/' | b'>' | b'='),
                "{c}"
            );
            assert_eq!(class & VALUE_END != 0, space || c == b'>', "{c}");
            let name = c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'_');
            assert_eq!(class & TAG_NAME != 0, name, "{c}");
        }
        assert_eq!(skip_class(b"ab-c d", 0, TAG_NAME), 4);
        assert_eq!(find_class(b"abc", 0, NAME_END), 3);
    }

    #[test]
    fn tags_end_at_the_first_gt_outside_quotes() {
        let tag = read_tag("<a title=\"a > b\" href='x>y'>text", true).unwrap();
        assert_eq!(
            (tag.name, tag.attrs, tag.len),
            ("a", " title=\"a > b\" href='x>y'", 28)
        );
        // A quote only opens a value after `=`.
        let tag = read_tag("<a b\"c>d\">", true).unwrap();
        assert_eq!(tag.attrs, " b\"c");
        let tag = read_tag("<img src=x.png/>", true).unwrap();
        assert_eq!(tag.attrs, " src=x.png/");
        // An unclosed quote: the tag ends at the first `>`.
        let tag = read_tag("<a title=\"x>y", true).unwrap();
        assert_eq!((tag.attrs, tag.len), (" title=\"x", 12));
        assert!(read_tag("<a title=\"x\ny\">", false).is_none());
        assert!(read_tag("<div class=\"sr-only\">", true).unwrap().hides);
        assert!(!read_tag("<div class=\"main\">", true).unwrap().hides);
    }
}
