//! Values of the open data read by the rules pages are read by: the HTML of a `texte` through
//! the markup stage and the paragraph rules of the walk, dates (ISO or `DD/MM/YYYY`), pages.

use crate::grammar::paragraphs::{self, Paras};
use crate::grammar::text;
use crate::{markup, Date};

/// The text of an HTML value (`texte`, `TEXTE_DEPOT`): its visible lines, each a paragraph, as
/// a page's text is read; `None` when nothing is left.
pub(crate) fn html_text(html: &str) -> Option<String> {
    // Inside a block element the whole value is HTML (a first line of plain words would
    // otherwise be read as Markdown or text).
    let src = format!("<div>{html}</div>");
    let lines = markup::lines(&src);
    let mut paras = Paras::default();
    for i in 0..lines.len() {
        let line = lines.get(i);
        if text::is_blank(line) {
            paras.push_blank();
        } else {
            paras.push_line(line, lines.is_soft(i), lines.has_tabs(i));
        }
    }
    paragraphs::join_wrapped(&paras, paragraphs::Wrapping::of(&[&paras]))
}

/// A date written `2024-10-03` (a time or zone after it is ignored) or `03/10/2024`.
pub(crate) fn date(s: &str) -> Option<Date> {
    let t = s.trim();
    let b = t.as_bytes();
    let num = |r: std::ops::Range<usize>| -> Option<u16> {
        let part = t.get(r)?;
        (!part.is_empty() && part.bytes().all(|c| c.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let (y, m, d) = if b.len() >= 10 && b[4] == b'-' && b[7] == b'-' {
        // ISO, maybe followed by a time (`T00:00:00`) or a zone (`+02:00`, `Z`).
        if b.len() > 10 && !matches!(b[10], b'T' | b' ' | b'+' | b'-' | b'Z') {
            return None;
        }
        (num(0..4)?, num(5..7)?, num(8..10)?)
    } else if b.len() == 10 && b[2] == b'/' && b[5] == b'/' {
        (num(6..10)?, num(3..5)?, num(0..2)?)
    } else {
        return None;
    };
    Date::new(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
}

/// A page number: a string of digits (white space around it allowed).
pub(crate) fn page(s: &str) -> Option<u32> {
    let t = s.trim();
    (!t.is_empty() && t.bytes().all(|c| c.is_ascii_digit()))
        .then(|| t.parse().ok())
        .flatten()
}

/// A closure's reason as written, without surrounding parentheses or a final period (in either
/// order: `(Retrait).` and `(Retrait.)` both give `Retrait`).
pub(crate) fn reason(s: &str) -> String {
    let strip = text::strip_parens_and_period;
    words(strip(strip(s)))
}

/// A value as the record writes words: white space folded, trimmed.
pub(crate) fn words(s: &str) -> String {
    text::squeeze(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_like_pages() {
        assert_eq!(
            html_text("M. A B attire.<br/>Ces infirmières.").as_deref(),
            Some("M. A B attire.\nCes infirmières.")
        );
        assert_eq!(
            html_text("</p><p>Le dispositif.</p><p>Cette convention.</p>").as_deref(),
            Some("Le dispositif.\nCette convention.")
        );
        assert_eq!(
            html_text("</p><p align=\"CENTER\"> TITRE <a name=PG1></a> </p><br><strong>Mme\u{a0}la présidente. </strong>La parole est à Mme\u{a0}X.<br><br><strong>M. Y.</strong> Vrai\u{a0}!<br> <p>").as_deref(),
            Some("TITRE\nMme la présidente. La parole est à Mme X.\nM. Y. Vrai !")
        );
        assert_eq!(html_text("  <p> </p> "), None);
        assert_eq!(
            html_text("* 1. # pas du Markdown").as_deref(),
            Some("* 1. # pas du Markdown")
        );
        assert_eq!(
            html_text("<table><tr><th>A<br>b</br></th><td>1&#160;2</td></tr></table>").as_deref(),
            // `<br>` ends a paragraph, in a cell too (as on pages).
            Some("A\nb\n1 2")
        );
    }

    #[test]
    fn dates_and_pages() {
        let d = Date::new(2024, 10, 3);
        assert_eq!(date("2024-10-03"), d);
        assert_eq!(date(" 03/10/2024 "), d);
        assert_eq!(date("2024-10-03+02:00"), d);
        assert_eq!(date("2024-10-03T00:00:00"), d);
        assert_eq!(date("2024-02-30"), None);
        assert_eq!(date("2024-10-031"), None);
        assert_eq!(date("3/10/2024"), None);
        assert_eq!(date(""), None);
        assert_eq!(
            reason(" (Retrait à l'initiative de l'auteur). "),
            "Retrait à l'initiative de l'auteur"
        );
        assert_eq!(reason("Fin de mandat"), "Fin de mandat");
        assert_eq!(page("6551"), Some(6551));
        assert_eq!(page("65a"), None);
        assert_eq!(page(""), None);
    }
}
