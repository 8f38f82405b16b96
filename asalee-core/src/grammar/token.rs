//! Every line classified once: whether it is blank, the anchor it is, whether it is a chamber,
//! legislature or `FICHE QUESTION` header line, whether it is the sites' chrome. The splitter,
//! the layout's evidence and the reader read these instead of classifying the line again; a
//! class nobody asks of a line (the chrome of a line before the anchor) is never looked for.

use std::sync::atomic::AtomicU16;
use std::sync::atomic::Ordering::Relaxed;
use std::sync::Arc;

use super::{anchor_in_cell, common, Anchor};
use crate::markup::Lines;
use crate::Chamber;

/// What a line is, as far as it was asked: its anchor and whether it is blank are found when
/// the line is tokenized, every other class the first time it is asked for, then kept.
#[derive(Debug)]
struct Mark {
    anchor: Option<Anchor>,
    /// The first cell's byte range in the line (`u32::MAX` for a line too long to say: the
    /// cell is then found again when asked for).
    cell: (u32, u32),
    /// The classes found so far: for each, a bit saying it was looked for and its answer.
    flags: AtomicU16,
}

const BLANK: u16 = 1;
const CHROME_KNOWN: u16 = 2;
const CHROME: u16 = 4;
const CHAMBER_KNOWN: u16 = 8;
const CHAMBER_AN: u16 = 16;
const CHAMBER_SENAT: u16 = 32;
const LEGISLATURE_KNOWN: u16 = 64;
const LEGISLATURE: u16 = 128;
const FICHE_KNOWN: u16 = 256;
const FICHE: u16 = 512;
/// A blank line is none of the classes: all are known at once.
const BLANK_LINE: u16 = BLANK | CHROME_KNOWN | CHAMBER_KNOWN | LEGISLATURE_KNOWN | FICHE_KNOWN;

/// One line's token: what it is.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token<'a> {
    /// The lines and the line's index: the line is sliced only when a class needs it.
    lines: &'a Lines,
    i: usize,
    mark: &'a Mark,
}

impl<'a> Token<'a> {
    /// The anchor the line's first cell is, if any ([`super::anchor`]).
    pub(crate) fn anchor(self) -> Option<Anchor> {
        self.mark.anchor
    }

    /// The line's first non-empty cell, trimmed ([`Lines::first_cell`]); `None` for a blank
    /// line.
    pub(crate) fn first_cell(self) -> Option<&'a str> {
        match self.mark.cell {
            (_, 0) => None,
            (u32::MAX, _) => crate::markup::first_cell(self.lines.get(self.i)),
            (start, end) => Some(&self.lines.get(self.i)[start as usize..end as usize]),
        }
    }

    /// Whether the line is empty or white space only.
    pub(crate) fn is_blank(self) -> bool {
        self.mark.flags.load(Relaxed) & BLANK != 0
    }

    /// The bits of one class: found now if it was never asked for.
    fn class(self, known: u16, find: impl FnOnce(&str) -> u16) -> u16 {
        let flags = self.mark.flags.load(Relaxed);
        if flags & known != 0 {
            return flags;
        }
        let flags = flags | known | find(self.lines.get(self.i));
        self.mark.flags.store(flags, Relaxed);
        flags
    }

    /// Whether the line is the sites' chrome ([`common::is_chrome`]).
    pub(crate) fn is_chrome(self) -> bool {
        self.class(
            CHROME_KNOWN,
            |l| if common::is_chrome(l) { CHROME } else { 0 },
        ) & CHROME
            != 0
    }

    /// The chamber a chamber line names ([`common::chamber_line`]).
    pub(crate) fn chamber(self) -> Option<Chamber> {
        let flags = self.class(CHAMBER_KNOWN, |l| match common::chamber_line(l) {
            Some(Chamber::An) => CHAMBER_AN,
            Some(Chamber::Senat) => CHAMBER_SENAT,
            None => 0,
        });
        if flags & CHAMBER_AN != 0 {
            Some(Chamber::An)
        } else if flags & CHAMBER_SENAT != 0 {
            Some(Chamber::Senat)
        } else {
            None
        }
    }

    /// Whether the line is a legislature line ([`common::legislature_line`] reads its number).
    pub(crate) fn is_legislature(self) -> bool {
        let find = |l: &str| {
            if common::legislature_line(l).is_some() {
                LEGISLATURE
            } else {
                0
            }
        };
        self.class(LEGISLATURE_KNOWN, find) & LEGISLATURE != 0
    }

    /// Whether the line is `FICHE QUESTION` alone.
    fn is_fiche_heading(self) -> bool {
        let find = |l: &str| if super::is_fiche_heading(l) { FICHE } else { 0 };
        self.class(FICHE_KNOWN, find) & FICHE != 0
    }

    /// Whether the line is a header line that may stand before an anchor
    /// ([`super::is_header_line`]).
    pub(crate) fn is_header(self) -> bool {
        self.chamber().is_some() || self.is_legislature() || self.is_fiche_heading()
    }

    /// Whether the line ends the document it follows: chrome, or the chamber line that heads the
    /// next page.
    pub(crate) fn ends_document(self) -> bool {
        self.is_chrome() || self.chamber().is_some()
    }
}

/// Where `cell` (a non-empty slice of `line`) lies in `line`.
fn cell_range(line: &str, cell: &str) -> (u32, u32) {
    let start = cell.as_ptr() as usize - line.as_ptr() as usize;
    match (u32::try_from(start), u32::try_from(start + cell.len())) {
        (Ok(s), Ok(e)) if e < u32::MAX => (s, e),
        _ => (u32::MAX, 1),
    }
}

/// The tokens of a text's lines, or of a window of them (as [`Lines::window`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct Tokens {
    all: Arc<Vec<Mark>>,
    from: usize,
    to: usize,
}

impl Tokens {
    /// The tokens of every line of `lines`.
    pub(crate) fn of(lines: &Lines) -> Tokens {
        let all: Vec<Mark> = (0..lines.len())
            // A line is blank exactly when it has no first cell.
            .map(|i| match lines.first_cell(i) {
                None => Mark {
                    anchor: None,
                    cell: (0, 0),
                    flags: AtomicU16::new(BLANK_LINE),
                },
                Some(cell) => Mark {
                    anchor: anchor_in_cell(cell),
                    cell: cell_range(lines.get(i), cell),
                    flags: AtomicU16::new(0),
                },
            })
            .collect();
        Tokens {
            from: 0,
            to: all.len(),
            all: Arc::new(all),
        }
    }

    /// The number of lines.
    pub(crate) fn len(&self) -> usize {
        self.to - self.from
    }

    /// Line `i`'s token; `lines` are the lines these tokens were made of (or the same window).
    pub(crate) fn get<'a>(&'a self, lines: &'a Lines, i: usize) -> Token<'a> {
        Token {
            lines,
            i,
            mark: &self.all[self.from + i],
        }
    }

    /// Line `i`'s anchor, if it is one.
    pub(crate) fn anchor(&self, i: usize) -> Option<Anchor> {
        self.all[self.from + i].anchor
    }

    /// The tokens of lines `from..to`, sharing these.
    pub(crate) fn window(&self, from: usize, to: usize) -> Tokens {
        let to = to.min(self.len());
        if from >= to {
            return Tokens::default();
        }
        Tokens {
            all: Arc::clone(&self.all),
            from: self.from + from,
            to: self.from + to,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::{self, common, text};
    use crate::markup;

    /// Each flag says what the classifying function says of the line, and a blank line is
    /// nothing else.
    #[test]
    fn tokens_agree_with_the_line_productions() {
        let src = "ASSEMBLÉE NATIONALE\n\n  \n17ème législature\nFICHE QUESTION\nSénat\nImprimer\n\
                   Question écrite n° 12\nQuestion N° : 3\nTexte de la question\nM. X demande.\n\
                   | a | b |\n\t\tc\td\n";
        let lines = markup::lines(src);
        let tokens = Tokens::of(&lines);
        for i in 0..lines.len() {
            let (l, t) = (lines.get(i), tokens.get(&lines, i));
            assert_eq!(t.is_blank(), text::is_blank(l), "{l}");
            assert_eq!(t.chamber(), common::chamber_line(l), "{l}");
            assert_eq!(t.is_chrome(), common::is_chrome(l), "{l}");
            assert_eq!(t.is_legislature(), common::legislature_line(l).is_some());
            assert_eq!(t.is_header(), grammar::is_header_line(l), "{l}");
            assert_eq!(t.anchor(), grammar::anchor(l), "{l}");
            assert_eq!(t.first_cell(), lines.first_cell(i), "{l}");
            // Asked again, the kept answers are the same.
            assert_eq!(t.is_header(), grammar::is_header_line(l), "{l}");
            assert_eq!(t.is_chrome(), common::is_chrome(l), "{l}");
        }
        assert!(tokens.get(&lines, 1).is_blank() && tokens.get(&lines, 2).is_blank());
        assert_eq!(
            tokens.window(7, 9).anchor(0).and_then(Anchor::number),
            Some(12)
        );
    }
}
