//! What each HTML element does to the lines: skipped with its content, raw text, void, block
//! (ends a line), container (its source line breaks are white space), looked up once per tag.

/// Elements whose whole content is left out.
pub(super) const SKIPPED: &[&str] = &[
    "head", "title", "script", "style", "noscript", "template", "svg", "nav", "footer", "button",
    "select", "textarea", "iframe", "object", "canvas", "math",
];

/// Elements with raw text content (no tags inside).
pub(super) const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title"];

/// Elements that never have content or an end tag.
pub(super) const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Block elements: their start and end end a line.
pub(super) const BLOCK: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
    "option",
    "frameset",
    "frame",
];

/// Block elements that, while open, make source line breaks white space.
pub(super) const CONTAINER: &[&str] = &[
    "html",
    "body",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "div",
    "p",
    "li",
    "ul",
    "ol",
    "dl",
    "dd",
    "dt",
    "section",
    "article",
    "main",
    "header",
    "center",
    "form",
    "blockquote",
    "aside",
    "figure",
    "address",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "caption",
];

/// What a tag name is, looked up once per tag.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct TagInfo {
    pub(super) skipped: bool,
    pub(super) raw_text: bool,
    pub(super) void: bool,
    pub(super) block: bool,
    /// 1 + the index in [`CONTAINER`], 0 when the element is no container.
    pub(super) container: u8,
}

/// The id of a [`CONTAINER`] element (1 + its index), 0 for others; usable in constants.
pub(super) const fn container_id(name: &str) -> u8 {
    let mut k = 0;
    while k < CONTAINER.len() {
        let c = CONTAINER[k].as_bytes();
        let n = name.as_bytes();
        if c.len() == n.len() {
            let mut j = 0;
            while j < c.len() && c[j] == n[j] {
                j += 1;
            }
            if j == c.len() {
                return k as u8 + 1;
            }
        }
        k += 1;
    }
    0
}

/// Whether a tag name (any case) is that of a phrasing element a converter leaves as raw
/// HTML in a Markdown paragraph (`<span>`, `<a>`, `<b>`…): its content may run over the
/// paragraph's lines.
pub(super) fn is_phrasing(name: &str) -> bool {
    [
        "a", "span", "b", "strong", "i", "em", "font", "u", "sup", "sub", "small", "abbr", "label",
        "cite", "q", "s", "mark", "time",
    ]
    .iter()
    .any(|n| n.eq_ignore_ascii_case(name))
}

/// Whether a tag name (any case) is an HTML element this module knows.
pub(super) fn is_known(name: &str) -> bool {
    is_phrasing(name) || classify(name) != TagInfo::default()
}

/// Classifies a tag name (any case) without allocating.
pub(super) fn classify(name: &str) -> TagInfo {
    let mut buf = [0u8; 12];
    if name.len() > buf.len() {
        return TagInfo::default();
    }
    for (d, s) in buf.iter_mut().zip(name.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    let lower = &buf[..name.len()];
    // The pages' most frequent elements, decided without searching the lists.
    const fn block(container: u8) -> TagInfo {
        TagInfo {
            skipped: false,
            raw_text: false,
            void: false,
            block: true,
            container,
        }
    }
    const INLINE: TagInfo = TagInfo {
        skipped: false,
        raw_text: false,
        void: false,
        block: false,
        container: 0,
    };
    const DIV: TagInfo = block(container_id("div"));
    const TR: TagInfo = block(container_id("tr"));
    const P: TagInfo = block(container_id("p"));
    const LI: TagInfo = block(container_id("li"));
    const TD: TagInfo = TagInfo {
        container: container_id("td"),
        ..INLINE
    };
    match lower {
        b"a" | b"span" | b"b" | b"strong" | b"i" | b"em" | b"font" | b"u" | b"sup" | b"sub"
        | b"small" | b"abbr" | b"label" => INLINE,
        b"div" => DIV,
        b"tr" => TR,
        b"p" => P,
        b"li" => LI,
        b"td" => TD,
        _ => classify_listed(lower),
    }
}

/// [`classify`] for a lower-case name: looked up in the lists' names, sorted once.
pub(super) fn classify_listed(lower: &[u8]) -> TagInfo {
    static SORTED: std::sync::OnceLock<Vec<(&'static str, TagInfo)>> = std::sync::OnceLock::new();
    let sorted = SORTED.get_or_init(|| {
        let mut names: Vec<&'static str> = [SKIPPED, RAW_TEXT, VOID, BLOCK, CONTAINER].concat();
        names.sort_unstable();
        names.dedup();
        names
            .into_iter()
            .map(|n| (n, classify_in_lists(n)))
            .collect()
    });
    sorted
        .binary_search_by(|(n, _)| n.as_bytes().cmp(lower))
        .map_or_else(|_| TagInfo::default(), |k| sorted[k].1)
}

/// What the lists say of a lower-case name.
pub(super) fn classify_in_lists(lower: &str) -> TagInfo {
    let has = |list: &[&str]| list.contains(&lower);
    TagInfo {
        skipped: has(SKIPPED),
        raw_text: has(RAW_TEXT),
        void: has(VOID),
        block: has(BLOCK),
        container: container_id(lower),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_fast_path_agrees_with_the_lists() {
        for name in [
            "a", "span", "b", "strong", "i", "em", "font", "u", "sup", "sub", "small", "abbr",
            "label", "div", "tr", "p", "li", "td", "DIV", "Td",
        ] {
            assert_eq!(
                classify(name),
                classify_in_lists(&name.to_ascii_lowercase()),
                "{name}"
            );
        }
        for name in [
            "head", "nav", "br", "table", "h3", "pre", "xyz", "", "section", "wbr",
        ] {
            assert_eq!(
                classify_listed(name.as_bytes()),
                classify_in_lists(name),
                "{name}"
            );
        }
        assert!(classify("SCRIPT").raw_text && classify("nav").skipped);
        assert_eq!(container_id("pre"), 34);
        assert_eq!(container_id("span"), 0);
    }
}
