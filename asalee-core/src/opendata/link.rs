//! `author.ref` on the page layouts: the AN's identifier of the deputy, from the link to the
//! deputy's page that carries the author's name (`<a href="…/dyn/deputes/PA720892">M. X</a>`,
//! `…/deputes/fiche/OMC_PA267766`, `/tribun/fiches_id/267766`, or Markdown's
//! `[M. X](https://…/deputes/PA720892)`). Only such a link on the author's source line (or the
//! line before it, or the next three), whose text holds the author's name, counts: nothing is
//! inferred from any other link.

/// How far from the author's value a link is looked for, in bytes (its source line, the line
/// before it, and the next three lines after it).
const REACH: usize = 2000;

/// The deputy identifier (`PA720892`) of the link nearest to `at` (the author's value in
/// `src`) whose text holds `name`, if any.
pub(crate) fn author_ref(src: &str, at: usize, name: &str) -> Option<String> {
    let b = src.as_bytes();
    let at = at.min(b.len());
    // The author's source line, and the one before it when a tag it opens runs on (pandoc
    // wraps a raw `<a` tag's attributes: `<a href="…"\ntitle="…">M.\nPhilippe Le Ray</a>`).
    let floor_at = at.saturating_sub(REACH);
    let mut starts = memchr::memrchr_iter(b'\n', &b[floor_at..at]).map(|i| floor_at + i + 1);
    let line = starts.next().unwrap_or(floor_at);
    let prev = starts.next().unwrap_or(floor_at);
    let open_tag = |l: &[u8]| memchr::memrchr(b'<', l) > memchr::memrchr(b'>', l);
    let from = if line > prev && open_tag(&b[prev..line]) {
        prev
    } else {
        line
    };
    // A label's value may sit on the next source lines (`Auteur :` then the link; pandoc's
    // raw `<a` wraps its attributes and its text).
    let reach = b.len().min(at + REACH);
    let to = memchr::memchr_iter(b'\n', &b[at..reach])
        .nth(3)
        .map_or(reach, |i| at + i);
    let (from, to) = (floor(src, from), floor(src, to));
    let line = &src[from..to];
    let name = crate::grammar::text::squeeze(name);
    if name.is_empty() {
        return None;
    }
    links(line)
        .filter(|l| text_holds(l.text, &name))
        .filter_map(|l| deputy_id(l.url).map(|id| (l.at.abs_diff(at - from), id)))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, id)| id)
}

/// The largest character boundary at or before `i`.
fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A link of a source line: its URL, its text (markup included) and where it starts.
struct Link<'a> {
    url: &'a str,
    text: &'a str,
    at: usize,
}

/// The HTML `<a href>` and Markdown `[text](url)` links of a line.
fn links(line: &str) -> impl Iterator<Item = Link<'_>> {
    let b = line.as_bytes();
    let html = memchr::memmem::find_iter(b, b"href=").filter_map(move |h| {
        let rest = &line[h + 5..];
        let (url, after) = match rest.as_bytes().first()? {
            q @ (b'"' | b'\'') => {
                let end = memchr::memchr(*q, &rest.as_bytes()[1..])?;
                (&rest[1..1 + end], &rest[end + 2..])
            }
            _ => {
                let end = rest
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .unwrap_or(rest.len());
                (&rest[..end], &rest[end..])
            }
        };
        let open_end = after.find('>')? + 1;
        let text = &after[open_end..];
        let close = text
            .find("</a")
            .or_else(|| text.find("</A"))
            .unwrap_or(text.len());
        Some(Link {
            url,
            text: &text[..close],
            at: h,
        })
    });
    let markdown = memchr::memmem::find_iter(b, b"](").filter_map(move |p| {
        let open = memchr::memrchr(b'[', &b[..p])?;
        let rest = &line[p + 2..];
        // (html2text wraps a destination after a `-`: `https://www2.assemblee-\nnationale.fr/…`.)
        let rb = rest.as_bytes();
        let end = (0..rb.len())
            .find(|&k| {
                let c = rb[k];
                c == b')'
                    || c.is_ascii_whitespace()
                        && !(matches!(c, b'\n' | b'\r')
                            && k > 0
                            && matches!(rb[k - 1], b'-' | b'\r'))
            })
            .unwrap_or(rest.len());
        Some(Link {
            url: &rest[..end],
            text: &line[open + 1..p],
            at: open,
        })
    });
    html.chain(markdown)
}

/// Whether a link's text (tags dropped, entities decoded, white space folded) holds the name.
fn text_holds(text: &str, name: &str) -> bool {
    let mut plain = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    let plain = html_escape::decode_html_entities(&plain);
    crate::grammar::text::squeeze(&plain).contains(name)
}

/// The deputy identifier a URL of the AN's sites names: `…/deputes/PA720892`,
/// `…/deputes/fiche/OMC_PA267766`, `…/tribun/fiches_id/267766`.
fn deputy_id(url: &str) -> Option<String> {
    let digits = |s: &str| -> Option<String> {
        let n: String = s.chars().take_while(char::is_ascii_digit).collect();
        (!n.is_empty()).then(|| format!("PA{n}"))
    };
    if let Some(i) = url.find("/tribun/fiches_id/") {
        return digits(&url[i + "/tribun/fiches_id/".len()..]);
    }
    if !url.contains("/deputes/") {
        return None;
    }
    let i = url
        .rfind("/PA")
        .map(|i| i + 3)
        .or_else(|| url.rfind("_PA").map(|i| i + 3))?;
    digits(&url[i..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_of_the_deputy_pages() {
        assert_eq!(
            deputy_id("https://www.assemblee-nationale.fr/dyn/deputes/PA722150").as_deref(),
            Some("PA722150")
        );
        assert_eq!(
            deputy_id("https://www2.assemblee-nationale.fr/deputes/fiche/OMC_PA607603").as_deref(),
            Some("PA607603")
        );
        assert_eq!(
            deputy_id("http://www.assemblee-nationale.fr/12/tribun/fiches_id/2134.asp").as_deref(),
            Some("PA2134")
        );
        assert_eq!(deputy_id("/dyn/deputes/PA1"), Some("PA1".into()));
        assert_eq!(deputy_id("/dyn/organes/PO800520"), None);
        assert_eq!(deputy_id("/deputes/liste"), None);
    }

    #[test]
    fn only_the_link_that_carries_the_name() {
        let html = r#"de <span><a href="https://x/deputes/fiche/OMC_PA607603" title="Lien">M. Philippe Le&nbsp;Ray</a></span> (UMP)"#;
        let at = html.find("M. Philippe").unwrap();
        assert_eq!(
            author_ref(html, at, "Philippe Le Ray").as_deref(),
            Some("PA607603")
        );
        assert_eq!(author_ref(html, at, "Jean Dupont"), None);
        let md = "de [M. Philippe Le Ray](https://x/deputes/fiche/OMC_PA607603 \"Lien\") (UMP)";
        assert_eq!(
            author_ref(md, 4, "Philippe Le Ray").as_deref(),
            Some("PA607603")
        );
        let dyn_page = "<p class=\"h6\">Auteur :\n\u{a0} \u{a0} <span class=\"_regular\"><a class=\"link\" data-document-id=\"PA722252\" href=\"https://www.assemblee-nationale.fr/dyn/deputes/PA722252\">Mme Marie-Pierre Rixain (Ile-de-France - Renaissance)</a></span>\n</p>";
        let at = dyn_page.find('\u{a0}').unwrap();
        assert_eq!(
            author_ref(dyn_page, at, "Marie-Pierre Rixain").as_deref(),
            Some("PA722252")
        );
        // A raw `<a` whose attributes wrap onto the author's line is the author's (pandoc).
        let gfm = "de <span\nclass=\"question_big_content\"><a href=\"https://www2.assemblee-nationale.fr/deputes/fiche/OMC_PA607603\"\ntarget=\"_blank\" title=\"Lien\">M.\nPhilippe Le Ray</a></span> (UMP)";
        assert_eq!(
            author_ref(gfm, gfm.find("M.\n").unwrap(), "Philippe Le Ray").as_deref(),
            Some("PA607603")
        );
        // A link on a line before the author's is not the author's.
        let two = "[M. Philippe Le Ray](https://x/deputes/PA1)\nde M. Philippe Le Ray (UMP)";
        assert_eq!(
            author_ref(two, two.find("de M.").unwrap(), "Philippe Le Ray"),
            None
        );
    }
}
