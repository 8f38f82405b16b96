//! The visible lines the markup writes, and where each of their bytes comes from in the source.

use std::sync::Arc;

use super::text::first_cell;

/// The visible lines of a text, or of a window of them (the lines of one document of a text
/// read as a whole): windows share the text's lines instead of copying them.
#[derive(Debug, Default, Clone)]
pub(crate) struct Lines {
    pub(super) all: Arc<Built>,
    /// The window's lines are `all`'s lines `from..to`.
    pub(super) from: usize,
    pub(super) to: usize,
    /// Subtracted from `all`'s source offsets: the window's source starts there.
    pub(super) src_base: usize,
}

/// The lines of a whole text, as the markup wrote them.
#[derive(Debug, Default)]
pub(super) struct Built {
    /// Every line's text, each followed by `\n`; cells inside a line separated by `\t`.
    pub(super) text: String,
    /// The lines, in order.
    pub(super) lines: Vec<Span>,
    /// `(out, src)` checkpoints: from `out` on, output bytes map to source bytes at `src + (o - out)`
    /// until the next checkpoint.
    pub(super) map: Vec<(usize, usize)>,
}

/// One line of a [`Built`] text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Span {
    /// The line's byte range in the text (without the `\n`).
    pub(super) start: usize,
    pub(super) end: usize,
    /// Whether a source line break of text (not HTML) ended it: such a line may be a
    /// hard-wrapped part of a paragraph.
    pub(super) soft: bool,
    /// Whether the walk was in its initial state (text mode, nothing open or skipped) at the
    /// start of the source line where the line begins: the lines from there on are then exactly
    /// those of that text read alone (see [`Lines::window`]).
    pub(super) clean: bool,
    /// Whether it may hold a `\t` (a cell separator): a line without one is its own first cell,
    /// found without searching it.
    pub(super) tabs: bool,
    /// Whether its source held Markdown syntax: a link or span (`[text](dest)`, `[text]{attrs}`),
    /// an image, strong emphasis (`**`), an ATX heading (`## Titre`).
    pub(super) markdown: bool,
}

impl Lines {
    /// The number of lines.
    pub(crate) fn len(&self) -> usize {
        self.to - self.from
    }

    /// Line `i`'s text (cells separated by `\t`).
    pub(crate) fn get(&self, i: usize) -> &str {
        let line = self.span(i);
        &self.all.text[line.start..line.end]
    }

    fn span(&self, i: usize) -> &Span {
        &self.all.lines[self.from + i]
    }

    /// Whether line `i` was ended by a line break of text (it may be a hard-wrapped line).
    pub(crate) fn is_soft(&self, i: usize) -> bool {
        self.span(i).soft
    }

    /// Line `i`'s first non-empty cell, trimmed (see [`first_cell`]); a line that holds no cell
    /// separator is not searched for one.
    pub(crate) fn first_cell(&self, i: usize) -> Option<&str> {
        if self.has_tabs(i) {
            first_cell(self.get(i))
        } else {
            let t = crate::grammar::text::trim(self.get(i));
            (!t.is_empty()).then_some(t)
        }
    }

    /// Whether any of lines `..to` of this text (or window) held Markdown syntax (see
    /// `Span::markdown`): the text is a Markdown rendering, whose soft line breaks are spaces.
    pub(crate) fn any_markdown(&self, to: usize) -> bool {
        self.all.lines[self.from..self.from + to.min(self.len())]
            .iter()
            .any(|l| l.markdown)
    }

    /// Whether line `i` may hold a cell separator (`\t`).
    pub(crate) fn has_tabs(&self, i: usize) -> bool {
        self.span(i).tabs
    }

    /// Whether lines `from..` of this text are the lines of the text read from line `from`'s
    /// source line on (see the `clean` field).
    pub(crate) fn is_clean(&self, i: usize) -> bool {
        self.span(i).clean
    }

    /// Lines `from..to` as the lines of their own text, whose first byte is at `src_base` of this
    /// text: what [`super::lines()`] gives for that text when `is_clean(from)`, without reading it again
    /// nor copying it (the window shares these lines).
    pub(crate) fn window(&self, from: usize, to: usize, src_base: usize) -> Lines {
        let to = to.min(self.len());
        if from >= to {
            return Lines::default();
        }
        Lines {
            all: Arc::clone(&self.all),
            from: self.from + from,
            to: self.from + to,
            src_base: self.src_base + src_base,
        }
    }

    /// The source offset of the byte at `out` in the whole text's output.
    fn src_of(&self, out: usize) -> usize {
        let map = &self.all.map;
        let idx = map.partition_point(|&(o, _)| o <= out);
        if idx == 0 {
            return 0;
        }
        let (o, s) = map[idx - 1];
        (s + (out - o)).saturating_sub(self.src_base)
    }

    /// The source offset where line `i` starts.
    pub(crate) fn src_start(&self, i: usize) -> usize {
        self.src_of(self.span(i).start)
    }

    /// The lines' text: each line but the last followed by `\n` (the lines are written one after
    /// the other).
    pub(crate) fn text(&self) -> &str {
        match self.len() {
            0 => "",
            n => &self.all.text[self.span(0).start..self.span(n - 1).end],
        }
    }

    /// [`Lines::src_start`] of every line in turn, found by walking the checkpoints once instead
    /// of searching them for each line (lines start in order).
    pub(crate) fn src_starts(&self) -> impl Iterator<Item = usize> + '_ {
        let map = &self.all.map;
        let first = if self.len() > 0 {
            self.span(0).start
        } else {
            0
        };
        let mut idx = map.partition_point(|&(o, _)| o <= first);
        (0..self.len()).map(move |i| {
            let out = self.span(i).start;
            while idx < map.len() && map[idx].0 <= out {
                idx += 1;
            }
            match idx.checked_sub(1) {
                Some(k) => (map[k].1 + (out - map[k].0)).saturating_sub(self.src_base),
                None => 0,
            }
        })
    }

    /// The source offset of a sub-slice of line `i` (`part` must be a slice of `self.get(i)`).
    pub(crate) fn src_of_part(&self, i: usize, part: &str) -> usize {
        let line = self.get(i);
        let delta = (part.as_ptr() as usize).saturating_sub(line.as_ptr() as usize);
        self.src_of(self.span(i).start + delta.min(line.len()))
    }
}

#[cfg(test)]
mod tests {
    /// Walking the checkpoints gives what searching them gives, for a text and its windows; a
    /// window's text is its lines joined.
    #[test]
    fn src_starts_agree_with_src_start() {
        let src = "Titre\n  Question écrite n° 1\n\n**Rubrique :** [Santé](#)\n<b>a</b>  b &amp; c\n<div>x\n\ny</div>\r\n\tfin  \n<p>un</p><p>deux</p>\n";
        let all = super::super::lines(src);
        for from in 0..=all.len() {
            for to in from..=all.len() {
                for base in [0, 3] {
                    let win = all.window(from, to, base);
                    let walked: Vec<usize> = win.src_starts().collect();
                    let searched: Vec<usize> = (0..win.len()).map(|i| win.src_start(i)).collect();
                    assert_eq!(walked, searched, "window {from}..{to} base {base}");
                    let joined: Vec<&str> = (0..win.len()).map(|i| win.get(i)).collect();
                    assert_eq!(win.text(), joined.join("\n"));
                }
            }
        }
    }
}
