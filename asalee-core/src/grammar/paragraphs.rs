//! A text's lines become paragraphs: [`Paras`] holds the lines as the reader meets them, and a
//! layout joins them one of two ways, [`join_runs`] (a paragraph is a run of non-blank lines, a
//! bare text copy's) or [`join_wrapped`] (each line is a paragraph, except the lines a converter
//! hard-wrapped, which are joined again).

/// A text's lines as the walk meets them: each line (its cells joined by a space) with whether a
/// text line break ended it (`soft`), or `None` for a blank line. A line of one cell is borrowed
/// from the markup's lines; others are written to one buffer.
#[derive(Debug, Default)]
pub(crate) struct Paras<'l> {
    buf: String,
    items: Vec<Option<(Span<'l>, bool)>>,
    /// Whether the text is Markdown (see [`Paras::markdown`]).
    markdown: bool,
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
    }

    /// A line of the text: its cells (split by tabs, trimmed) joined by a space; `tabs` when the
    /// line may hold a tab (a line known to hold none is not searched).
    pub(crate) fn push_line(&mut self, line: &'l str, soft: bool, tabs: bool) {
        if !tabs || memchr::memchr(b'\t', line.as_bytes()).is_none() {
            self.items.push(Some((Span::Borrowed(line.trim()), soft)));
        } else {
            self.push_cells(crate::markup::cells(line), soft);
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
        self.items
            .push(Some((Span::Owned(start, self.buf.len()), soft)));
    }

    fn iter(&self) -> impl Iterator<Item = Option<(&str, bool)>> {
        self.items.iter().map(|it| {
            it.map(|(span, soft)| {
                let t = match span {
                    Span::Borrowed(t) => t,
                    Span::Owned(s, e) => &self.buf[s..e],
                };
                (t, soft)
            })
        })
    }

    /// The bytes of text held, to size the joined text.
    fn text_len(&self) -> usize {
        self.iter().flatten().map(|(t, _)| t.len() + 1).sum()
    }
}

/// Joins hard-wrapped lines into paragraphs (a blank line ends one), the paragraphs separated
/// by a line break; `None` when there is no text.
pub(crate) fn join_runs(paras: &Paras<'_>) -> Option<String> {
    let mut out = String::with_capacity(paras.text_len());
    let mut in_para = false;
    for line in paras.iter() {
        match line.map(|(t, _)| t.trim()).filter(|l| !l.is_empty()) {
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

/// Paragraphs of a text in another layout: each line is a paragraph, except that lines a
/// converter hard-wrapped (w3m, lynx, pandoc, html2text wrap at 72 to 100 columns) are joined
/// again. A line (ended by a text line break, `soft`) is taken as wrapped when the text's lines
/// are all short (at most 130 characters: a wrapping width), the line is long for that text (at
/// least 60 % of its longest line, and 50 characters) and does not end a sentence. The
/// paragraphs are separated by a line break; `None` when there is no text.
pub(crate) fn join_wrapped(paras: &Paras<'_>) -> Option<String> {
    let len = |s: &str| s.chars().count();
    // A line of more than 4 bytes per allowed character is too wide whatever its characters;
    // one no longer in bytes than the widest so far cannot be wider in characters (not counted).
    let mut widest = 0;
    for (t, _) in paras.iter().flatten() {
        if t.len() > 4 * WRAP_WIDTH {
            widest = usize::MAX;
            break;
        }
        if t.len() > widest {
            widest = widest.max(len(t));
        }
    }
    let wrapped_text = widest <= WRAP_WIDTH && paras.iter().flatten().count() > 1;
    let mut out = String::with_capacity(paras.text_len());
    let mut joining = false;
    for line in paras.iter() {
        let Some((t, soft)) = line else {
            joining = false;
            continue;
        };
        // Lines from the markup are already folded: only their ends need trimming.
        let t = t.trim();
        if t.is_empty() {
            joining = false;
            continue;
        }
        // (In Markdown, a word html2text wrapped at its hyphen, `Saint-` then `Benoît`, is
        // joined whole.)
        let hyphen_wrap = joining
            && paras.markdown
            && out
                .strip_suffix('-')
                .is_some_and(|o| o.ends_with(char::is_alphabetic))
            && t.starts_with(char::is_alphabetic);
        if !out.is_empty() && !hyphen_wrap {
            out.push(if joining { ' ' } else { '\n' });
        }
        out.push_str(t);
        // (A line of fewer than 50 bytes has fewer than 50 characters: not counted.)
        joining = soft && paras.markdown
            || wrapped_text && soft && t.len() >= 50 && {
                let n = len(t);
                let ends_sentence = t.ends_with(['.', '!', '?', ':', ';', '»', '…'])
                    || t.ends_with(".)")
                    || t.ends_with("!)");
                n >= 50 && n * 10 >= widest * 6 && !ends_sentence
            };
    }
    (!out.is_empty()).then_some(out)
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
            join_wrapped(&p).as_deref(),
            Some("biologique de la politique agricole commune (PAC), le fonds « Avenir Bio » géré par l'Agence Bio, sur le site de Saint-Benoît.\nM. le président. La parole est à Mme la ministre.")
        );
    }

    #[test]
    fn unwraps_converter_wrapping_only() {
        fn l(s: &str) -> Option<&str> {
            Some(s)
        }
        let wrapped = paras(&[
            l("M. Philippe Le Ray attire l'attention de M. le ministre de l'économie et des"),
            l("finances sur l'évolution de la Caisse des dépôts."),
            None,
            l("Il lui demande si le Gouvernement entend mettre en œuvre cette recommandation."),
        ]);
        assert_eq!(
            join_wrapped(&wrapped).as_deref(),
            Some(concat!(
                "M. Philippe Le Ray attire l'attention de M. le ministre de l'économie et des finances sur l'évolution de la Caisse des dépôts.\n",
                "Il lui demande si le Gouvernement entend mettre en œuvre cette recommandation."
            ))
        );
        // Long lines are whole paragraphs; short lines ending a sentence stay apart.
        let long = "x".repeat(200);
        let lines = |p: &Paras<'_>| join_wrapped(p).map_or(0, |t| t.lines().count());
        assert_eq!(lines(&paras(&[l(&long), l("suite")])), 2);
        assert_eq!(
            lines(&paras(&[
                l("M. le président. La parole est à M. X."),
                l("M. X. Merci.")
            ])),
            2
        );
    }
}
