//! The grammar: a document's visible lines (from [`crate::markup`]) are read by one walk that
//! every layout shares, which asks the document's layout (see [`layouts`]) what its own lines
//! mean.
//!
//! - [`text`], [`date`], [`name`], [`common`], [`label`]: primitives shared by every layout.
//! - [`layouts`]: one module per layout behind one interface, [`layouts::Rules`].
//! - [`fact`]: what a layout's own lines give the reader.
//! - [`paragraphs`]: how a text's lines join into paragraphs.

pub(crate) mod common;
pub(crate) mod date;
pub(crate) mod fact;
pub(crate) mod jo;
pub(crate) mod label;
pub(crate) mod layouts;
pub(crate) mod name;
pub(crate) mod paragraphs;
pub(crate) mod prefilter;
pub(crate) mod split;
pub(crate) mod text;
pub(crate) mod token;

mod document;
mod reader;

pub(crate) use document::parse_document;

use crate::Kind;

/// How a document announces itself: the line that starts a question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// `Question N° : 13927` (an-fiche, an-legacy).
    Numero(u64),
    /// `Question écrite n° 2621` alone (an-current, plain, or a Sénat number line).
    KindNumber(Option<Kind>, u64),
    /// `Question écrite n°200 :` + title (an-dyn).
    KindNumberTitle(Option<Kind>, u64),
    /// `Question écrite n° 01342 de Mme X (Département - Groupe)` (senat).
    KindNumberAuthor(Option<Kind>, u64),
    /// `Question de M. NOM Prénom (Département - Groupe) publiée le …` (older senat pages).
    SenatAuthor,
    /// `Question de :` (an-dyn) with no number before it.
    QuestionOf,
    /// `Texte de la question` with no number before it.
    TextHeading,
}

impl Anchor {
    /// The question number the anchor gives, if any.
    pub(crate) fn number(self) -> Option<u64> {
        match self {
            Anchor::Numero(n)
            | Anchor::KindNumber(_, n)
            | Anchor::KindNumberTitle(_, n)
            | Anchor::KindNumberAuthor(_, n) => Some(n),
            _ => None,
        }
    }

    /// Whether the anchor gives a number (a strong start).
    pub(crate) fn is_strong(self) -> bool {
        self.number().is_some()
    }
}

/// The anchor a line is, if any (the `alt` over every layout's number line).
pub(crate) fn anchor(line: &str) -> Option<Anchor> {
    anchor_in_cell(crate::markup::first_cell(line)?)
}

/// [`anchor`] of a line whose first cell (see [`crate::markup::first_cell`]) is `first`.
pub(crate) fn anchor_in_cell(first: &str) -> Option<Anchor> {
    // Every layout's anchor starts with `Question`, the text heading with `Texte`, or the
    // headings an-fiche's joined first row starts with (`FICHE QUESTION`, `11ème législature`):
    // other cells are not read (a layout whose anchor starts otherwise widens this test).
    if first.starts_with(['T', 't']) {
        return text_heading_anchor(first);
    }
    if first.starts_with(['F', 'f']) || first.starts_with(|c: char| c.is_ascii_digit()) {
        // A number line joined after the page's headings (an-fiche's first row).
        return layouts::REGISTRY.iter().find_map(|r| r.anchor(first, None));
    }
    if !first.starts_with(['Q', 'q']) {
        return None;
    }
    // `Question … n°N` is read once; each layout then says what must follow it.
    let numbered = common::kind_number(first)
        .ok()
        .map(|(rest, (kind, number))| layouts::Numbered { rest, kind, number });
    layouts::REGISTRY
        .iter()
        .find_map(|r| r.anchor(first, numbered))
        .or_else(|| text_heading_anchor(first))
}

fn text_heading_anchor(cell: &str) -> Option<Anchor> {
    let (key, len, _) = label::known_label(cell)?;
    let rest = cell[len..].trim();
    (key == label::Key::QuestionHeading && (rest.is_empty() || rest.starts_with(':')))
        .then_some(Anchor::TextHeading)
}

/// Whether a line is a header line that may stand before a document's anchor (chamber,
/// legislature, `FICHE QUESTION`).
pub(crate) fn is_header_line(line: &str) -> bool {
    common::chamber_line(line).is_some()
        || common::legislature_line(line).is_some()
        || is_fiche_heading(line)
}

/// Whether a line is `FICHE QUESTION` (any case) alone.
pub(crate) fn is_fiche_heading(line: &str) -> bool {
    text::match_folded(line.trim(), "FICHE QUESTION").is_some_and(|l| l == line.trim().len())
}

/// The first line of a title whose last line is `t`: the lines just above it (no blank line
/// between, none before `floor`) that a hard wrap cut it from: ended by a text line break, long
/// (50 characters), ending no sentence, that can be a title; three at most; the block they make
/// must have a blank line (or the text's start) above it, else the title is line `t` alone.
/// The document's lines below the title show the wrapping width ([`wrap_width_below`]): a cut
/// line is no wider than them and ends where the next line's first word would not have fit (a
/// line of the document before, joined to this one, is none).
pub(crate) fn wrapped_title_start(lines: &crate::markup::Lines, t: usize, floor: usize) -> usize {
    let Some(width) = wrap_width_below(lines, t) else {
        return t;
    };
    let mut start = t;
    while start > floor && t - start < 3 {
        let prev = start - 1;
        let l = text::trim(lines.get(prev));
        let n = l.chars().count();
        let next_word = text::trim(lines.get(start))
            .split([' ', '\u{a0}', '\u{202f}'])
            .next()
            .map_or(0, |w| w.chars().count());
        // (The title may stand less indented than the text: a few columns more.)
        let cut = n <= width + TITLE_INDENT_SLACK && n + 1 + next_word > width;
        let wrapped = lines.is_soft(prev)
            && n >= 50
            && cut
            && !l.ends_with([',', '.', '!', '?', ':', ';'])
            && could_be_title(l);
        if !wrapped {
            break;
        }
        start = prev;
    }
    // The title is a block of its own: a blank line (or the text's start) above it.
    let alone = start == 0 || text::is_blank(lines.get(start - 1));
    if alone {
        start
    } else {
        t
    }
}

/// How many columns more than the text's lines a title's cut line may be (a title less indented
/// than the text, lynx's 3 columns).
const TITLE_INDENT_SLACK: usize = 4;

/// How many lines below a title show the document's wrapping width.
const WIDTH_WINDOW: usize = 60;

/// The wrapping width of the lines after line `t` (the widest of the next [`WIDTH_WINDOW`], in
/// characters), `None` when one of them is wider than a converter wraps (130 characters: the
/// text is not hard-wrapped) or there is none.
fn wrap_width_below(lines: &crate::markup::Lines, t: usize) -> Option<usize> {
    const WIDEST: usize = 130;
    let mut width = 0;
    for i in (t + 1..lines.len()).take(WIDTH_WINDOW) {
        let l = text::trim(lines.get(i));
        // (A line of more than 4 bytes per allowed character is too wide: not counted.)
        if l.len() > 4 * WIDEST {
            return None;
        }
        width = width.max(l.chars().count());
    }
    (width > 0 && width <= WIDEST).then_some(width)
}

/// Whether a line could be a title: not blank, not chrome, not a header line, not labelled, and
/// not a paragraph of text (titles are short, end with no sentence punctuation and do not open
/// with a civility and a name).
pub(crate) fn could_be_title(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty()
        && !common::is_chrome(t)
        && !is_header_line(t)
        && anchor(t).is_none()
        && !t
            .trim_end_matches([')', '»', '"', '’', ' ', '\u{a0}'])
            .ends_with(['.', '?', '!', ';', ':', '…'])
        && text::chars_at_most(t, 250)
        && name::opening_name(t).is_none()
        && !label::items(t).iter().any(|i| i.key.is_some())
        && !is_publication(t)
}

/// Whether a line is a publication's reference, a date then a page (`publiée dans le JO Sénat
/// du 17/10/2024 - page 3968`): the line under a Sénat number line, never a title.
fn is_publication(t: &str) -> bool {
    date::find_date(t).is_some_and(|(_, end, _)| date::find_page(&t[end..]).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A publication's reference (the line under a Sénat number line) is no title, nor a line
    /// that ends a sentence: a number line joined after a text does not take it, nor the text
    /// below it.
    #[test]
    fn a_publication_line_is_no_title() {
        assert!(!could_be_title(
            "publiée dans le JO Sénat du 17/10/2024 - page 3968"
        ));
        assert!(could_be_title("Application de la loi du 10 juillet 1965"));
        // Nor is a sentence's end inside a parenthesis or quotes (an answer's last line).
        for end in [
            "socialiste et sur divers bancs du groupe Radical, Citoyen et Vert.)",
            "comme il l'a dit : « c'est fini. »",
        ] {
            assert!(!could_be_title(end), "{end}");
        }
        assert!(could_be_title("Aides (APL)"));
    }

    /// A title cut by a converter's wrap at the text's width is read from its first line; a line
    /// wider than the text's lines (another document's last line, joined before) is none of it,
    /// nor is any line above a text that is not hard-wrapped.
    #[test]
    fn a_wrapped_title_is_cut_at_the_texts_width() {
        let text = |wide: bool| {
            let body = if wide {
                "x ".repeat(80)
            } else {
                "Mme X attire l'attention de M. le ministre de l'économie sur la".to_owned()
            };
            format!(
                "\nSituation des infirmiers de pratique avancée dans les départements\nd'outre-mer et leur statut\nQuestion écrite n° 4410\n{body}\nsuite.\n"
            )
        };
        let l = crate::markup::lines(&text(false));
        assert_eq!(wrapped_title_start(&l, 2, 0), 1);
        let l = crate::markup::lines(&text(true));
        assert_eq!(wrapped_title_start(&l, 2, 0), 2);
        // A previous document's address, wider than the text's lines.
        let joined = "\nAssemblée nationale - 126 Rue de l'Université, 75355 Paris 07 SP - Standard 01 40 63 60 00\nSituation des infirmiers\nQuestion écrite n° 4410\nM. Thibault Bazin appelle l'attention de M. le ministre\nde la santé.\n";
        let l = crate::markup::lines(joined);
        assert_eq!(wrapped_title_start(&l, 2, 0), 2);
    }
}
