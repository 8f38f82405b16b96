//! The writer of [`Lines`]: visible text, folded spaces, cell and line breaks, and the map from
//! output bytes back to source bytes.

use std::sync::Arc;

use super::html::is_page;
use super::lines::{Built, Lines, Span};

/// Builds [`Lines`] from a source text.
pub(super) struct Builder<'s> {
    pub(super) src: &'s str,
    pub(super) out: Built,
    /// Whether the current line has any non-space content.
    pub(super) line_has_text: bool,
    /// Whether a space is pending (folded white space not yet written).
    pub(super) pending_space: bool,
    /// Whether the current line has content in its current cell.
    pub(super) cell_has_text: bool,
    /// The last source offset mapped, to know when a checkpoint is needed.
    pub(super) next_src: usize,
    /// Open container elements, by their `TagInfo::container` id (HTML mode while non-empty).
    pub(super) containers: Vec<u8>,
    /// Whether the text is a saved page (`<!DOCTYPE`, `<html>`): there a blank line is white
    /// space, elsewhere (Markdown with HTML blocks) it ends every open block.
    pub(super) page: bool,
    /// The source offset of the last line start reached in the initial state.
    pub(super) clean_line_start: Option<usize>,
    /// Whether the current line began on such a line.
    pub(super) line_clean: bool,
    /// Whether the current line may hold a `\t`.
    pub(super) line_tabs: bool,
    /// Whether the current line held Markdown syntax (a link, a span, strong emphasis, an ATX
    /// heading).
    pub(super) line_markdown: bool,
    /// A part of the current source line to leave out, `(from, to)`: a heading's pandoc
    /// attributes (see `markdown_line_prefix`).
    pub(super) skip: Option<(usize, usize)>,
    /// Whether the current line is an ATX heading (`## Titre`).
    pub(super) heading: bool,
}

impl<'s> Builder<'s> {
    pub(super) fn new(src: &'s str) -> Builder<'s> {
        let mut out = Built::default();
        out.text.reserve(src.len());
        // About a line per source line (pages' lines are longer, text's shorter): sized from the
        // length rather than counted, and grown where the guess is short.
        let lines = src.len() / 48 + 16;
        out.lines.reserve(lines);
        out.map.reserve(lines);
        Builder {
            src,
            out,
            line_has_text: false,
            pending_space: false,
            cell_has_text: false,
            next_src: usize::MAX,
            containers: Vec::new(),
            page: is_page(src),
            clean_line_start: None,
            line_clean: false,
            line_tabs: false,
            line_markdown: false,
            skip: None,
            heading: false,
        }
    }

    pub(super) fn html_mode(&self) -> bool {
        !self.containers.is_empty()
    }

    pub(super) fn line_start(&self) -> usize {
        self.out.lines.last().map_or(0, |line| line.end + 1)
    }

    /// Writes visible text taken from `src_at`.
    pub(super) fn push_text(&mut self, s: &str, src_at: usize) {
        if s.is_empty() {
            return;
        }
        if self.pending_space && self.cell_has_text {
            self.out.text.push(' ');
        }
        self.pending_space = false;
        if !self.line_has_text {
            // Clean when no line break lies between the last clean line start and this text.
            // Each clean start serves one line at most, so the scans add up to the input's length.
            // (The gap is a line's indentation: a plain loop beats memchr's set-up there.)
            self.line_clean = self.clean_line_start.take().is_some_and(|start| {
                start <= src_at && !self.src.as_bytes()[start..src_at].contains(&b'\n')
            });
        }
        if self.next_src != src_at {
            self.out.map.push((self.out.text.len(), src_at));
        }
        self.out.text.push_str(s);
        self.next_src = src_at + s.len();
        self.line_has_text = true;
        self.cell_has_text = true;
    }

    pub(super) fn space(&mut self) {
        self.pending_space = true;
    }

    pub(super) fn cell_break(&mut self) {
        if self.cell_has_text {
            self.out.text.push('\t');
            self.line_tabs = true;
            self.next_src = usize::MAX;
        }
        self.cell_has_text = false;
        self.pending_space = false;
    }

    /// Ends the current line; `keep_blank` records an empty line (text mode).
    pub(super) fn line_break(&mut self, src_at: usize, keep_blank: bool) {
        self.end_line(src_at, keep_blank, false);
    }

    /// Ends the current line at a source line break of text.
    pub(super) fn soft_break(&mut self, src_at: usize, keep_blank: bool) {
        self.end_line(src_at, keep_blank, true);
    }

    pub(super) fn end_line(&mut self, src_at: usize, keep_blank: bool, soft: bool) {
        if !self.line_has_text && !keep_blank {
            return;
        }
        let start = self.line_start();
        if !self.line_has_text {
            self.out.map.push((self.out.text.len(), src_at));
            self.next_src = usize::MAX;
        }
        // Drop a trailing cell separator.
        if self.out.text.ends_with('\t') && self.out.text.len() > start {
            self.out.text.pop();
        }
        let end = self.out.text.len();
        self.out.lines.push(Span {
            start,
            end,
            soft,
            clean: self.line_has_text && self.line_clean,
            tabs: self.line_tabs,
            markdown: self.line_markdown,
        });
        self.line_clean = false;
        self.line_tabs = false;
        self.line_markdown = false;
        self.out.text.push('\n');
        self.next_src = usize::MAX;
        self.line_has_text = false;
        self.cell_has_text = false;
        self.pending_space = false;
    }

    pub(super) fn finish(mut self) -> Lines {
        self.line_break(self.src.len(), false);
        Lines {
            from: 0,
            to: self.out.lines.len(),
            src_base: 0,
            all: Arc::new(self.out),
        }
    }
}
