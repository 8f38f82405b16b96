//! A table row whose label a converter set in the middle of the row's lines: inscriptis
//! centres a cell vertically, as a table cell's default `vertical-align: middle` does, so the
//! label of an answer of several paragraphs (`DEBAT :`, `Texte de la REPONSE :`) stands on its
//! value's middle line, and the value's first lines come before it, indented like the rest.

use crate::grammar::label;

use super::Reader;

impl Reader<'_, '_> {
    /// At line `p`, a text heading that opens the answer: the lines just above it that the
    /// question's text took, indented to the column where the heading's value starts, and as
    /// many as the row centres (its label on line `(height - 1) / 2` of the row: as many lines
    /// above it as below, or one fewer), move to the answer's text. Where one line could be
    /// either row's (the row above may end one line lower), the answer takes it: the row above
    /// keeps the fewest lines (`docs/decisions.md`).
    pub(super) fn centred_row(&mut self, p: usize, line: &str) {
        let (from, to) = std::mem::take(&mut self.question_run);
        if to != p || from == to {
            return;
        }
        let Some(column) = self.value_column(p, line) else {
            return;
        };
        let above = (from..to)
            .rev()
            .take_while(|&k| self.indent(k) == column)
            .count();
        if above == 0 {
            return;
        }
        // The value's lines below the label, counted up to two more than those above (a label
        // with fewer lines above it than one less than below is not centred: the lines above
        // are the row above's).
        let below = (p + 1..self.lines.len())
            .take(above + 2)
            .take_while(|&k| {
                !self.tokens.get(self.lines, k).is_blank()
                    && self.indent(k) == column
                    && label::first_item(self.lines.get(k)).is_none_or(|it| it.key.is_none())
            })
            .count();
        if above + 1 < below || below == 0 {
            return;
        }
        let moved = above.min(below);
        self.question.move_last(moved, &mut self.answer);
    }

    /// The column (in characters) where the value after a heading's label starts on line `p`,
    /// when the line has one.
    fn value_column(&self, p: usize, line: &str) -> Option<usize> {
        let first = line.split('\t').map(str::trim).find(|c| !c.is_empty())?;
        let (_, len, _) = label::known_label(first)?;
        let after = first[len..].trim_start();
        let value = after.strip_prefix(':').unwrap_or(after).trim_start();
        if value.is_empty() {
            return None;
        }
        let at = self.offset_of(p, value);
        let start = self.offset(p);
        let lead = self.src.get(start..at)?.chars().count();
        Some(self.indent(p) + lead)
    }
}
