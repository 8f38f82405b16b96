//! The lines before the anchor (chamber, legislature, title, a copied text's question) and
//! the anchor's line.

use crate::grammar::fact::Fact;
use crate::grammar::label::{first_item, Key};

use crate::grammar::name::opening_name;
use crate::grammar::{self, common, Anchor};
use crate::markup;
use crate::record::{Set, TextField};

use super::state::Event;
use super::Reader;

impl<'l> Reader<'l, '_> {
    /// The lines before the anchor: chamber, legislature, title, and (in a copied text whose
    /// number line trails it) the question's paragraphs.
    pub(super) fn header(&mut self, at: usize, anchor: Anchor) {
        for i in 0..at {
            let (l, token) = (self.lines.get(i), self.tokens.get(self.lines, i));
            if let Some(c) = token.chamber() {
                if self.rules.keeps_chamber_line(c) {
                    self.rec.apply(Set::Chamber(c), 0);
                }
            } else if let Some(n) = token
                .is_legislature()
                .then(|| common::legislature_line(l))
                .flatten()
            {
                self.rec.apply(Set::Legislature(n), self.offset(i));
            }
        }
        let wants_title = self.rules.title_before_anchor();
        // A copied text whose number line comes after the question (an-legacy, no heading).
        if self.rules.question_may_precede_anchor() && !self.has_heading_after(at) {
            if let Some(open) = (0..at)
                .rev()
                .find(|&i| opening_name(self.lines.get(i)).is_some())
            {
                for i in open..at {
                    let l = self.lines.get(i);
                    if self.tokens.get(self.lines, i).is_blank() {
                        self.question.push_blank();
                    } else {
                        self.text_to = i + 1;
                        let (soft, tabs) = (self.lines.is_soft(i), self.lines.has_tabs(i));
                        let indent = self.indent(i);
                        self.question.push_indented(l, soft, tabs, indent);
                    }
                }
                if let Some(t) = self.title_before(open) {
                    self.title_lines(t);
                }
                return;
            }
        }
        if wants_title && !matches!(anchor, Anchor::SenatAuthor) {
            if let Some(t) = self.title_before(at) {
                self.title_lines(t);
            }
        }
    }

    /// The title from its last line `t`, with the lines a hard wrap cut it from
    /// ([`grammar::wrapped_title_start`]).
    fn title_lines(&mut self, t: usize) {
        let start = grammar::wrapped_title_start(self.lines, t, 0);
        let title = (start..=t)
            .map(|i| markup::paragraph(self.lines.get(i)))
            .collect::<Vec<_>>()
            .join(" ");
        self.rec
            .apply(Set::Text(TextField::Title, &title), self.offset(start));
    }

    /// The title line before line `at`: the nearest non-blank line, if it can be a title.
    pub(super) fn title_before(&self, at: usize) -> Option<usize> {
        // On Sénat pages the legislature line may stand between the title and the number line.
        let skip_headers = self.rules.title_above_headers();
        let i = (0..at).rev().find(|&i| {
            let token = self.tokens.get(self.lines, i);
            !(token.is_blank() || skip_headers && token.is_header())
        })?;
        grammar::could_be_title(self.lines.get(i)).then_some(i)
    }

    pub(super) fn has_heading_after(&self, at: usize) -> bool {
        (at + 1..self.lines.len()).any(|i| {
            first_item(self.lines.get(i)).is_some_and(|it| {
                matches!(
                    it.key,
                    Some(Key::QuestionHeading | Key::AnswerHeading | Key::Debate)
                )
            })
        })
    }

    pub(super) fn anchor_line(&mut self, at: usize, anchor: Anchor) {
        let line = self.lines.get(at);
        let offset = self.offset(at);
        let first = line
            .split('\t')
            .map(str::trim)
            .find(|c| !c.is_empty())
            .unwrap_or("");
        match anchor {
            Anchor::Numero(n) => {
                self.rec.apply(Set::Number(n), offset);
                // The rest of the line: the author and kind cells, other labels.
                let rest = common::numero_line(self.rules.anchor_part(first))
                    .map(|(r, _)| r)
                    .unwrap_or("");
                let mut cells: Vec<&str> = vec![rest];
                cells.extend(
                    line.split('\t')
                        .map(str::trim)
                        .filter(|c| !c.is_empty())
                        .skip(1),
                );
                for cell in cells {
                    self.line_items(at, cell);
                }
            }
            Anchor::KindNumber(kind, n)
            | Anchor::KindNumberTitle(kind, n)
            | Anchor::KindNumberAuthor(kind, n) => {
                self.rec.apply(Set::Number(n), offset);
                if let Some(k) = kind {
                    self.rec.apply(Set::Kind(k), offset);
                }
            }
            Anchor::SenatAuthor => {}
            Anchor::QuestionOf => self.line_items(at, line),
            Anchor::TextHeading => {
                self.go(Event::QuestionHeading);
                self.heading_rest(at, line);
            }
        }
        // What the layout reads on its anchor line.
        for fact in self.rules.anchor_facts(anchor, first) {
            match fact {
                Fact::Title(Some(t)) => {
                    self.rec
                        .apply(Set::Text(TextField::Title, t), self.offset_of(at, t));
                    self.carry.continuation = Some(TextField::Title);
                }
                Fact::Title(None) => self.wants.title = true,
                fact => self.apply_fact(fact, offset),
            }
        }
    }
}
