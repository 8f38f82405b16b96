//! A text's lines become paragraphs: [`Paras`] holds the lines as the reader meets them, and a
//! layout joins them one of two ways, [`join_runs`] (a paragraph is a run of non-blank lines, a
//! bare text copy's) or [`join_wrapped`] (each line is a paragraph, except the lines a converter
//! hard-wrapped, which are joined again).

mod words;

use std::cell::Cell;

use words::{chars, Head};

/// A text's lines as the walk meets them: each line (its cells joined by a space) with whether a
/// text line break ended it (`soft`) and its indentation in the source (in characters), or
/// `None` for a blank line. A line of one cell is borrowed from the markup's lines; others are
/// written to one buffer.
#[derive(Debug, Default)]
pub(crate) struct Paras<'l> {
    buf: String,
    items: Vec<Option<Item<'l>>>,
    /// Each line's first words, measured when a join first asks (see [`View::head`]).
    heads: Vec<Cell<Option<Head>>>,
    /// Whether the text is Markdown (see [`Paras::set_markdown`]).
    markdown: bool,
}

/// A line of [`Paras`].
#[derive(Debug, Clone, Copy)]
struct Item<'l> {
    span: Span<'l>,
    soft: bool,
    indent: u32,
    /// The text's characters.
    chars: u32,
}

/// A line of [`Paras`] as the joins read it (its text trimmed).
#[derive(Debug, Clone, Copy)]
struct View<'a> {
    text: &'a str,
    soft: bool,
    indent: usize,
    /// The text's characters.
    chars: usize,
    head: &'a Cell<Option<Head>>,
}

impl View<'_> {
    /// The widths of the line's first words (measured once).
    fn head(&self) -> Head {
        self.head.get().unwrap_or_else(|| {
            let h = Head::of(self.text);
            self.head.set(Some(h));
            h
        })
    }
}

/// A line of [`Paras`]: borrowed, or a range of its buffer.
#[derive(Debug, Clone, Copy)]
enum Span<'l> {
    Borrowed(&'l str),
    Owned(usize, usize),
}

impl<'l> Paras<'l> {
    /// The lines of a Markdown text (a document whose lines up to its texts' last held Markdown
    /// syntax: html2text's, markdownify's, pandoc's renderings, their site's chrome included):
    /// there a text line break (`soft`) is a paragraph's wrap, always joined by
    /// [`join_wrapped`]; paragraphs end at blank lines and hard breaks.
    pub(crate) fn set_markdown(&mut self, markdown: bool) {
        self.markdown = markdown;
    }

    /// A blank line.
    pub(crate) fn push_blank(&mut self) {
        self.items.push(None);
        self.heads.push(Cell::new(None));
    }

    /// A line of the text: its cells (split by tabs, trimmed) joined by a space; `tabs` when the
    /// line may hold a tab (a line known to hold none is not searched).
    pub(crate) fn push_line(&mut self, line: &'l str, soft: bool, tabs: bool) {
        self.push_indented(line, soft, tabs, 0);
    }

    /// [`Paras::push_line`] for a line indented by `indent` characters in its source.
    pub(crate) fn push_indented(&mut self, line: &'l str, soft: bool, tabs: bool, indent: usize) {
        if !tabs || memchr::memchr(b'\t', line.as_bytes()).is_none() {
            let text = line.trim();
            self.items.push(Some(Item {
                span: Span::Borrowed(text),
                soft,
                indent: u32::try_from(indent).unwrap_or(u32::MAX),
                chars: u32::try_from(chars(text)).unwrap_or(u32::MAX),
            }));
            self.heads.push(Cell::new(None));
        } else {
            self.push_cells(crate::markup::cells(line), soft);
            if let Some(Some(it)) = self.items.last_mut() {
                it.indent = u32::try_from(indent).unwrap_or(u32::MAX);
            }
        }
    }

    /// Parts joined by a space, as one line.
    pub(crate) fn push_cells<'a>(&mut self, parts: impl IntoIterator<Item = &'a str>, soft: bool) {
        let start = self.buf.len();
        for part in parts {
            if self.buf.len() > start {
                self.buf.push(' ');
            }
            self.buf.push_str(part);
        }
        let text = &self.buf[start..]; // (trimmed as a borrowed line is: the joins read it so)
        let lead = text.len() - text.trim_start().len();
        let end = start + text.trim_end().len().max(lead);
        let chars = u32::try_from(chars(&self.buf[start + lead..end])).unwrap_or(u32::MAX);
        self.items.push(Some(Item {
            span: Span::Owned(start + lead, end),
            soft,
            indent: 0,
            chars,
        }));
        self.heads.push(Cell::new(None));
    }

    fn iter(&self) -> impl Iterator<Item = Option<View<'_>>> {
        self.items.iter().zip(&self.heads).map(|(it, head)| {
            it.map(|it| {
                let text = match it.span {
                    Span::Borrowed(t) => t,
                    Span::Owned(s, e) => &self.buf[s..e],
                };
                View {
                    text,
                    soft: it.soft,
                    indent: it.indent as usize,
                    chars: it.chars as usize,
                    head,
                }
            })
        })
    }

    /// Moves the last `n` lines to the end of `to` (lines that another text's label, set in the
    /// middle of its table row, owns).
    pub(crate) fn move_last(&mut self, n: usize, to: &mut Paras<'l>) {
        let from = self.items.len().saturating_sub(n);
        for it in self.items.drain(from..) {
            let moved = it.map(|it| match it.span {
                Span::Borrowed(_) => it,
                Span::Owned(s, e) => {
                    let start = to.buf.len();
                    to.buf.push_str(&self.buf[s..e]);
                    Item {
                        span: Span::Owned(start, to.buf.len()),
                        ..it
                    }
                }
            });
            to.items.push(moved);
        }
        to.heads.extend(self.heads.drain(from..));
    }

    /// The bytes of text held, to size the joined text.
    fn text_len(&self) -> usize {
        self.iter().flatten().map(|v| v.text.len() + 1).sum()
    }
}

/// Joins hard-wrapped lines into paragraphs (a blank line ends one), the paragraphs separated
/// by a line break; `None` when there is no text.
pub(crate) fn join_runs(paras: &Paras<'_>) -> Option<String> {
    let mut out = String::with_capacity(paras.text_len());
    let mut in_para = false;
    for line in paras.iter() {
        match line.map(|v| v.text).filter(|l| !l.is_empty()) {
            Some(l) => {
                if in_para {
                    out.push(' ');
                } else if !out.is_empty() {
                    out.push('\n');
                }
                out.push_str(l);
                in_para = true;
            }
            None => in_para = false,
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The widest line, in characters, up to which a text counts as hard-wrapped.
const WRAP_WIDTH: usize = 130;

/// How a document's texts were hard-wrapped, found once from all their lines (the question's
/// and the answer's): the wrapping width, and whether the lines show a converter's wrapping.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Wrapping {
    /// The widest line, in columns (its indentation included); 0 when a line is wider than a
    /// wrapping width (the text is not hard-wrapped) or there is a single line.
    width: usize,
    /// Whether the lines are a converter's wrapping: most long lines (60 % of the width) followed
    /// by another line of their block end where the next line's first word would not have fit.
    dump: bool,
}

/// A line's width in columns: its indentation and its characters.
fn columns(v: &View<'_>) -> usize {
    v.indent + v.chars
}

/// Whether a line is written in capitals (two letters at least, none in small letters): a
/// heading (`SITUATION DU SITE SAGEM DE SAINT-BENOÎT DANS LA VIENNE`).
fn is_capitals(t: &str) -> bool {
    let mut upper = 0;
    for c in t.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return false;
        }
        upper += 1;
    }
    upper >= 2
}

/// Whether a line starts with a list bullet (its next lines are indented under its text).
fn is_bullet(t: &str) -> bool {
    let t = t.trim_start();
    ["* ", "• ", "- ", "+ ", "o ", "– "]
        .iter()
        .any(|b| t.starts_with(b))
}

impl Wrapping {
    /// The wrapping of the texts `texts` (a document's question and answer).
    pub(crate) fn of(texts: &[&Paras<'_>]) -> Wrapping {
        let mut width = 0;
        let mut lines = 0;
        for v in texts.iter().flat_map(|p| p.iter()).flatten() {
            // A line of more than 4 bytes per allowed character is too wide whatever its
            // characters (not counted).
            if v.text.len() > 4 * WRAP_WIDTH {
                return Wrapping::default();
            }
            width = width.max(columns(&v));
            lines += 1;
        }
        if width > WRAP_WIDTH || lines < 2 {
            return Wrapping::default();
        }
        let (mut pairs, mut wraps) = (0usize, 0usize);
        for p in texts {
            let mut prev: Option<View<'_>> = None;
            for line in p.iter() {
                match line.filter(|v| !v.text.is_empty()) {
                    Some(v) => {
                        // (Only a long line tells how the text wraps: a short one ends a paragraph
                        // or a page's line, in a converter's wrapping or not.)
                        if let Some(l) = prev.filter(|l| l.soft && columns(l) * 10 >= width * 6) {
                            pairs += 1;
                            wraps += usize::from(!fits(&l, &v, width));
                        }
                        prev = Some(v);
                    }
                    None => prev = None,
                }
            }
        }
        Wrapping {
            width,
            dump: wraps >= 3 && 2 * wraps >= pairs,
        }
    }
}

/// Whether the first word of `next` would have fit at the end of `line` in `width` columns (so
/// no wrapping ended `line`).
fn fits(line: &View<'_>, next: &View<'_>, width: usize) -> bool {
    columns(line) + 1 + next.head().unit <= width
}

/// Whether the first two words of `next` would have fit at the end of `line`: a no-break space
/// of the page (that the rendering wrote as a space) binds two words at most, so `line` was
/// surely ended before the width.
fn fits_two(line: &View<'_>, next: &View<'_>, width: usize) -> bool {
    let Head { unit, second, .. } = next.head();
    columns(line) + 1 + unit + usize::from(second > 0) + second <= width
}

/// Whether a line ends a sentence (`. ! ? : ; » …`, or a parenthesis after `.` or `!`).
fn ends_sentence(t: &str) -> bool {
    t.ends_with(['.', '!', '?', ':', ';', '»', '…']) || t.ends_with(".)") || t.ends_with("!)")
}

/// Paragraphs of a text in another layout than `plain`: each line is a paragraph, except the
/// lines a converter hard-wrapped (w3m, lynx, links, pandoc, html2text wrap at 72 to 100
/// columns), which are joined again. `wrapping` is the document's ([`Wrapping::of`]).
///
/// When the document's lines show a converter's wrapping (`dump`), a line followed by another
/// of its block is a wrapped line, joined to the next, unless the next line's first word would
/// have fit on it (a line ended early: a paragraph's end or a line break of the page) or the next
/// line is indented more than it (a paragraph's first line), whatever its last character. Without
/// that evidence, a line is joined when it is long for the text (at least 60 % of the widest and
/// 50 characters) and does not end a sentence. A blank line always ends a paragraph. The
/// paragraphs are separated by a line break; `None` when there is no text.
pub(crate) fn join_wrapped(paras: &Paras<'_>, wrapping: Wrapping) -> Option<String> {
    let widest = wrapping.width;
    let mut out = String::with_capacity(paras.text_len());
    let mut prev: Option<View<'_>> = None;
    for line in paras.iter() {
        // Lines from the markup are already folded: only their ends need trimming.
        let Some(v) = line.filter(|v| !v.text.is_empty()) else {
            prev = None;
            continue;
        };
        let t = v.text;
        if !out.is_empty() {
            // (In Markdown every soft line break is a wrap, whatever the line ends with.)
            let joins = prev.is_some_and(|l| {
                l.soft && (paras.markdown || widest > 0 && joins(&l, &v, wrapping))
            });
            // (In Markdown, a word html2text wrapped at its hyphen, `Saint-` then `Benoît`, is
            // joined whole.)
            let hyphen_wrap = joins
                && paras.markdown
                && out
                    .strip_suffix('-')
                    .is_some_and(|o| o.ends_with(char::is_alphabetic))
                && t.starts_with(char::is_alphabetic);
            if !hyphen_wrap {
                out.push(if joins { ' ' } else { '\n' });
            }
        }
        out.push_str(t);
        prev = Some(v);
    }
    (!out.is_empty()).then_some(out)
}

/// Whether `line`, ended by a text line break, is wrapped onto `next` (see [`join_wrapped`]).
fn joins(line: &View<'_>, next: &View<'_>, wrapping: Wrapping) -> bool {
    let t = line.text;
    if wrapping.dump {
        let indented = next.indent > line.indent && !is_bullet(t);
        let width = wrapping.width;
        // Where the next line's first word alone fits but not its first two, a no-break space
        // may have bound them: the line is wrapped unless it ends a sentence.
        let bare_fits = columns(line) + 1 + next.head().word <= width;
        let ended = fits_two(line, next, width) || bare_fits && ends_sentence(t);
        // A heading in capitals ends where the text in small letters starts.
        let heading_ends = is_capitals(t) && !is_capitals(next.text);
        return !indented && !ended && !heading_ends;
    }
    // (A line of fewer than 50 bytes has fewer than 50 characters: not counted.)
    t.len() >= 50 && {
        line.chars >= 50 && columns(line) * 10 >= wrapping.width * 6 && !ends_sentence(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras<'a>(lines: &[Option<&'a str>]) -> Paras<'a> {
        let mut p = Paras::default();
        for l in lines {
            match l {
                Some(l) => p.push_line(l, true, true),
                None => p.push_blank(),
            }
        }
        p
    }

    #[test]
    fn joins_wrapped_lines() {
        let p = paras(&[
            Some("Mme X alerte,"),
            Some("sur le sujet."),
            None,
            None,
            Some("Suite."),
        ]);
        assert_eq!(
            join_runs(&p).as_deref(),
            Some("Mme X alerte, sur le sujet.\nSuite.")
        );
        assert_eq!(join_runs(&paras(&[None, Some("  ")])), None);
    }

    fn wrapped(p: &Paras<'_>) -> Option<String> {
        join_wrapped(p, Wrapping::of(&[p]))
    }

    /// In a Markdown text every soft line break of a paragraph is a wrap, whatever the line
    /// ends with; a word wrapped at its hyphen is joined whole; a hard break ends a line.
    #[test]
    fn markdown_paragraphs_join_every_soft_break() {
        let mut p = Paras::default();
        p.set_markdown(true);
        p.push_line(
            "biologique de la politique agricole commune (PAC), le fonds « Avenir Bio »",
            true,
            false,
        );
        p.push_line("géré par l'Agence Bio, sur le site de Saint-", true, false);
        p.push_line("Benoît.", false, false);
        p.push_line(
            "M. le président. La parole est à Mme la ministre.",
            true,
            false,
        );
        assert_eq!(
            wrapped(&p).as_deref(),
            Some("biologique de la politique agricole commune (PAC), le fonds « Avenir Bio » géré par l'Agence Bio, sur le site de Saint-Benoît.\nM. le président. La parole est à Mme la ministre.")
        );
    }

    #[test]
    fn unwraps_converter_wrapping_only() {
        fn l(s: &str) -> Option<&str> {
            Some(s)
        }
        let text = paras(&[
            l("M. Philippe Le Ray attire l'attention de M. le ministre de l'économie et des"),
            l("finances sur l'évolution de la Caisse des dépôts."),
            None,
            l("Il lui demande si le Gouvernement entend mettre en œuvre cette recommandation."),
        ]);
        assert_eq!(
            wrapped(&text).as_deref(),
            Some(concat!(
                "M. Philippe Le Ray attire l'attention de M. le ministre de l'économie et des finances sur l'évolution de la Caisse des dépôts.\n",
                "Il lui demande si le Gouvernement entend mettre en œuvre cette recommandation."
            ))
        );
        // Long lines are whole paragraphs; short lines ending a sentence stay apart.
        let long = "x".repeat(200);
        let lines = |p: &Paras<'_>| wrapped(p).map_or(0, |t| t.lines().count());
        assert_eq!(lines(&paras(&[l(&long), l("suite")])), 2);
        assert_eq!(
            lines(&paras(&[
                l("M. le président. La parole est à M. X."),
                l("M. X. Merci.")
            ])),
            2
        );
    }

    /// Lines of lynx's dump of an an-fiche answer (indented by 3, wrapped at 74 columns).
    fn lynx(lines: &[&'static str]) -> Paras<'static> {
        let mut p = Paras::default();
        for l in lines {
            let t = l.trim_start();
            match t {
                "" => p.push_blank(),
                _ => p.push_indented(t, true, false, l.len() - t.len()),
            }
        }
        p
    }

    const ANSWER: &[&str] = &[
        "   significatifs, comme le montrent les exemples suivants : personne seule",
        "   gagnant le SMIC en habitant en HLM récent en région parisienne : + 51 F",
        "   (+ 8,5 %) ; couple avec 2 enfants gagnant le SMIC en payant un loyer",
        "   privé de 2 000 F dans une grande agglomération de province : + 58 F (+",
        "   4,2 %) ; couple avec 4 enfants gagnant 7 000 F par mois en payant un",
        "   loyer privé de 2 200 F ou plus en région parisienne : + 161 F (+ 10 %).",
        "   Les bénéficiaires (locataires, résidents de logements-foyers et",
        "   accédants à la propriété) se verront notifier leur aide revalorisée par",
        "   les caisses d'allocations familiales et de mutualité sociale agricole",
        "   au mois de septembre 1997.",
    ];

    #[test]
    fn a_wrapped_line_ending_a_sentence_is_joined() {
        let p = lynx(ANSWER);
        let w = Wrapping::of(&[&p]);
        assert_eq!(
            w,
            Wrapping {
                width: 74,
                dump: true
            }
        );
        let text = join_wrapped(&p, w).unwrap();
        assert!(!text.contains('\n'), "{text}");
        assert!(text.contains("(+ 10 %). Les bénéficiaires"));
    }

    #[test]
    fn a_line_ended_early_or_an_indented_line_ends_a_paragraph() {
        // The next line's first word would have fit: the line was ended (a `<br>`, a
        // paragraph's end); a first line indented more than the previous one starts a paragraph.
        let mut lines = ANSWER.to_vec();
        lines.extend([
            "   Ce dispositif sera évalué.",
            "     M. le président. La parole est à M. le secrétaire d'Etat à",
            "   l'industrie.",
            "     M. Christian Pierret, secrétaire d'Etat à l'industrie.  Monsieur le",
            "   député, sous le gouvernement Jospin, l'Etat actionnaire a fait son",
            "   devoir.",
        ]);
        let text = wrapped(&lynx(&lines)).unwrap();
        let paras: Vec<&str> = text.lines().collect();
        assert_eq!(paras.len(), 4, "{text}");
        assert!(paras[0].ends_with("septembre 1997."));
        assert_eq!(paras[1], "Ce dispositif sera évalué.");
        assert_eq!(
            paras[2],
            "M. le président. La parole est à M. le secrétaire d'Etat à l'industrie."
        );
        assert!(paras[3].starts_with("M. Christian Pierret") && paras[3].ends_with("son devoir."));
        // Few lines show no wrapping: the line-length rule applies.
        let short = lynx(&ANSWER[5..7]);
        assert!(!Wrapping::of(&[&short]).dump);
        assert_eq!(wrapped(&short).map(|t| t.lines().count()), Some(2));
    }

    #[test]
    fn a_line_ended_where_two_bound_words_would_not_fit_is_wrapped() {
        // links writes the page's no-break space of `1er janvier` as a space: the line was
        // wrapped before `1er` though `1er` alone would have fit.
        let p = lynx(&[
            "   biologiques et aucune sélection n'est appliquée au moment de l'attribution",
            "   de ces aides. Le crédit d'impôt bio a également été prolongé jusqu'en",
            "   2025, et porté de 3 500 euros (€) à 4 500 € par an à compter du",
            "   1er janvier 2023. Enfin, le fonds de structuration des filières",
            "   biologiques (fonds Avenir bio), géré par l'Agence Bio, a été porté à 13",
            "   M€ par an dans le cadre du plan de relance pour 2021 et 2022. De plus,",
            "   il existe plusieurs leviers.",
        ]);
        let text = wrapped(&p).unwrap();
        assert!(!text.contains('\n'), "{text}");
    }

    #[test]
    fn bullets_and_capitals() {
        assert!(is_bullet("* Projets de loi") && !is_bullet("*Note"));
        assert!(is_capitals(
            "PROJET DE LOI D'ORIENTATION DU MINISTÈRE DE L'INTÉRIEUR"
        ));
        assert!(!is_capitals("M. le président.") && !is_capitals("12"));
    }
}
