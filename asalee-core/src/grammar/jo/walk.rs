//! One pass over an issue's lines: the cover's facts, running heads (the page each line is on),
//! sections, ministry headings, and each block with the lines before it (the AN's rubric and
//! `(tête d'analyse – analyse)`, the Sénat's title), its question and its answer.

use super::blocks::{answer_line, block_line, preamble};
use super::heads::{head_part, issue_number_line, weekday_date_line, HeadPart, Issue};
use super::join::{ends_sentence, paragraphs, usual_width, Compounds, TextLine};
use super::lines::{Line, Reading};
use super::sections::{is_ministry_heading, section_heading, Section};
use super::Block;
use crate::grammar::text::{squeeze, trim};
use crate::grammar::{common, layouts::senat};
use crate::{Chamber, Date, JoRef, Kind};

/// A block being read.
#[derive(Debug)]
struct Draft<'a> {
    start: usize,
    at: usize,
    number: Option<u64>,
    date: Option<Date>,
    /// The page slot (see [`Walk::slots`]) of the number line.
    page: Option<usize>,
    section: Option<Section>,
    ministry: Option<String>,
    transmitted: Option<String>,
    title: Option<String>,
    rubric: Option<String>,
    analysis: (Option<String>, Option<String>),
    question: Vec<TextLine<'a>>,
    answer: Vec<TextLine<'a>>,
    /// The page slot where `Réponse. –` starts, once it was read.
    answer_page: Option<Option<usize>>,
}

/// The lines read so far and what they set.
pub(super) struct Walk<'a> {
    width: usize,
    compounds: Compounds,
    issue: Issue,
    section: Option<Section>,
    ministry: Option<String>,
    /// Whether the last line read (blank lines aside) was a ministry heading, which the next
    /// capitals line continues.
    in_heading: bool,
    /// The current page's slot in `slots`.
    page: Option<usize>,
    /// Each page's number, in reading order: `None` until the page's number is read (a running
    /// head whose number an extractor wrote elsewhere on the page).
    slots: Vec<Option<u32>>,
    /// Whether the current page's number is still to be read.
    awaiting: bool,
    /// The last page number read.
    last_page: Option<u32>,
    /// The pages of the blocks kept, to be set once every page's number is known: the block's
    /// index in `out`, whether it is the answer's page, and the slot.
    fixups: Vec<(usize, bool, usize)>,
    cur: Option<Draft<'a>>,
    /// The text lines since the last that ended a sentence: the next block's title or rubric
    /// lines when a block follows.
    pending: Vec<Line<'a>>,
    blank: bool,
    /// The lines that hold `(Q)` (the cover's issue number line), the next one last.
    q_lines: Vec<usize>,
    /// The text line buffers of the blocks ended, reused by the next ones.
    spare: Vec<Vec<TextLine<'a>>>,
    /// Whether lines that only text can start ([`super::fast::only_text`]) go straight to
    /// [`Walk::text`] (the readable walk, for the tests, asks every production in turn).
    shortcut: bool,
    pub(super) out: Vec<Block>,
}

/// At most this many lines before a block head it (a title, a rubric and its analysis).
const PREAMBLE: usize = 6;

impl<'a> Walk<'a> {
    pub(super) fn new(reading: &Reading<'a>) -> Walk<'a> {
        let lines = &reading.lines;
        // (A word is never split across lines: the lines joined give the same words.)
        let compounds = match reading.whole {
            Some(whole) => Compounds::of(std::iter::once(whole)),
            None => Compounds::of(lines.iter().map(|l| l.text)),
        };
        let mut q_lines = reading.lines_holding("(Q)");
        q_lines.reverse();
        Walk {
            width: usual_width(lines),
            compounds,
            q_lines,
            issue: Issue::default(),
            section: None,
            ministry: None,
            in_heading: false,
            page: None,
            slots: Vec::new(),
            awaiting: false,
            last_page: None,
            fixups: Vec::new(),
            cur: None,
            pending: Vec::new(),
            blank: false,
            spare: Vec::new(),
            shortcut: true,
            out: Vec::new(),
        }
    }

    /// The walk that asks every production about every line (see [`Walk::shortcut`]).
    #[cfg(test)]
    pub(super) fn readable(self) -> Walk<'a> {
        Walk {
            shortcut: false,
            ..self
        }
    }

    /// Reads every line, then ends the last block.
    pub(super) fn run(&mut self, lines: &[Line<'a>]) {
        let mut i = 0;
        while i < lines.len() {
            let t = trim(lines[i].text);
            if t.is_empty() {
                self.blank = true;
                i += 1;
                continue;
            }
            // Once the cover is read, a line that only text can start is text (it holds no
            // `(Q)`: that line starts a new issue).
            if self.shortcut && self.issue.started && super::fast::only_text(t) && !self.q_at(i) {
                if self.section != Some(Section::List) {
                    self.in_heading = false;
                    self.text(lines[i], t);
                }
                i += 1;
                continue;
            }
            if let Some(next) = self.running_head(lines, i) {
                i = next;
                continue;
            }
            if self.awaiting && self.page_number(t) {
                i += 1;
                continue;
            }
            if self.foreign(lines, i, t) {
                break;
            }
            let q = self.q_at(i);
            self.line(lines[i], t, q);
            i += 1;
        }
        self.end_block();
        self.set_pages();
    }

    /// Whether line `i` holds `(Q)` (lines are asked in order).
    fn q_at(&mut self, i: usize) -> bool {
        while self.q_lines.last().is_some_and(|&q| q < i) {
            self.q_lines.pop();
        }
        self.q_lines.last() == Some(&i)
    }

    /// A page number alone on its line, on a page whose running head gave none: that page's
    /// number, when it follows the last known one (or no page is known).
    fn page_number(&mut self, t: &str) -> bool {
        let Some(n) = (t.len() <= 5 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse::<u32>().ok())
            .flatten()
        else {
            return false;
        };
        let Some(slot) = self.page else {
            return false;
        };
        let before = self.last_page;
        if before.is_some_and(|b| b >= n || n - b > 2) {
            return false;
        }
        self.slots[slot] = Some(n);
        self.last_page = Some(n);
        self.awaiting = false;
        true
    }

    /// Sets the pages of the blocks kept; a page whose number was never read is the page after
    /// the one before it (or before the one after it).
    fn set_pages(&mut self) {
        for k in 0..self.slots.len() {
            if self.slots[k].is_none() {
                let prev = k.checked_sub(1).and_then(|p| self.slots[p]);
                self.slots[k] = prev.map(|p| p + 1);
            }
        }
        for k in (0..self.slots.len()).rev() {
            if self.slots[k].is_none() {
                let next = self.slots.get(k + 1).copied().flatten();
                self.slots[k] = next.and_then(|n| n.checked_sub(1));
            }
        }
        for &(idx, answer, slot) in &self.fixups {
            let page = self.slots.get(slot).copied().flatten();
            let b = &mut self.out[idx];
            let r = if answer {
                &mut b.answer_published
            } else {
                &mut b.question_published
            };
            if let Some(r) = r {
                r.page = page;
            }
        }
    }

    /// A running head starting at line `i` (its parts on up to three lines): the page it gives is
    /// the current page; returns the line after it.
    fn running_head(&mut self, lines: &[Line<'a>], i: usize) -> Option<usize> {
        let mut head = HeadPart {
            chamber: None,
            date: None,
            page: None,
        };
        let (mut j, mut parts, mut end) = (i, 0, i);
        let mut first_is_page = false;
        while j < lines.len() && parts < 3 {
            let t = trim(lines[j].text);
            if t.is_empty() {
                j += 1;
                continue;
            }
            // A head's part opens with a digit or its chamber's capital.
            let may = t.starts_with(|c: char| c.is_ascii_digit() || matches!(c, 'A' | 'S'));
            let Some(p) = may.then(|| head_part(t)).flatten() else {
                break;
            };
            let clash = (head.chamber.is_some() && p.chamber.is_some())
                || (head.date.is_some() && p.date.is_some())
                || (head.page.is_some() && p.page.is_some());
            if clash {
                break;
            }
            first_is_page |= parts == 0 && p.chamber.is_none() && p.date.is_none();
            head.chamber = head.chamber.or(p.chamber);
            head.date = head.date.or(p.date);
            head.page = head.page.or(p.page);
            parts += 1;
            j += 1;
            end = j;
            if head.chamber.is_some() && head.date.is_some() && head.page.is_some() {
                break;
            }
        }
        let (Some(chamber), Some(date)) = (head.chamber, head.date) else {
            return None;
        };
        // A number before the head, and another after it: the head's is the one after (the one
        // before ends what precedes, a sommaire's page).
        if first_is_page {
            let next = lines[end..]
                .iter()
                .map(|l| trim(l.text))
                .find(|t| !t.is_empty());
            if next
                .and_then(head_part)
                .is_some_and(|p| p.chamber.is_none() && p.date.is_none())
            {
                return None;
            }
        }
        self.slots.push(head.page);
        self.last_page = head.page.or(self.last_page);
        self.page = Some(self.slots.len() - 1);
        self.awaiting = head.page.is_none();
        self.issue.chamber.get_or_insert(chamber);
        self.issue.head_date.get_or_insert(date);
        // Blank lines around a page break end no paragraph.
        self.blank = false;
        Some(end)
    }

    /// One non-blank line that is not part of a running head (`q`: it holds `(Q)`).
    fn line(&mut self, line: Line<'a>, t: &'a str, q: bool) {
        if self.cover_line(t, q) {
            return;
        }
        if let Some(s) = section_heading(t) {
            self.end_block();
            self.section = Some(s);
            self.ministry = None;
            self.in_heading = false;
            return;
        }
        if self.section == Some(Section::List) {
            return;
        }
        if let Some(b) = block_line(t) {
            self.start_block(line, b.number, b.date);
            self.push_text(b.text, line.folded);
            return;
        }
        if let Some(rest) = answer_line(t) {
            self.answer(line, rest);
            return;
        }
        if is_ministry_heading(t) {
            self.end_block();
            match (&mut self.ministry, self.in_heading) {
                (Some(m), true) => {
                    m.push(' ');
                    m.push_str(&squeeze(t));
                }
                (m, _) => *m = Some(squeeze(t)),
            }
            self.in_heading = true;
            return;
        }
        self.in_heading = false;
        if let Some(cur) = &mut self.cur {
            if cur.answer_page.is_none() && self.pending.is_empty() && t.starts_with('T') {
                if let Some(m) = senat::transmitted(t) {
                    cur.transmitted.get_or_insert(m);
                    return;
                }
            }
        }
        self.text(line, t);
    }

    /// Whether line `i` ends the issue (what follows is another document's: the lines after it
    /// yield nothing): once blocks were read, a chamber, legislature or `FICHE QUESTION` line
    /// alone that starts no new issue (no `(Q)` line follows it closely), or a site's chrome. A
    /// document-sharing site's `Dans le document …` starts a copy of its own: what the issue's
    /// cover and running heads said is forgotten.
    fn foreign(&mut self, lines: &[Line<'a>], i: usize, t: &str) -> bool {
        let copy_header = |t: &str| {
            t.starts_with('D') && crate::grammar::text::starts_folded(t, "Dans le document")
        };
        if copy_header(t) {
            self.end_block();
            self.issue = Issue::default();
            (self.page, self.awaiting, self.last_page) = (None, false, None);
            return false;
        }
        // The site's search box before its `Dans le document …` (`• Aucun résultat trouvé`).
        if t.starts_with('•') {
            let next = lines[i + 1..]
                .iter()
                .map(|l| l.text.trim())
                .filter(|t| !t.is_empty());
            if next.take(4).any(copy_header) {
                self.end_block();
                return false;
            }
        }
        if !self.issue.started {
            return false;
        }
        // (Chrome, chamber and legislature lines are short: a line of text is not read.)
        // (They start with a capital, a bullet or `©`, or are `partager`.)
        let may = t.starts_with(|c: char| {
            c.is_uppercase() || matches!(c, '©' | '*' | '-' | '•' | '+' | 'p')
        });
        if !may || t.len() > 48 && !t.starts_with('©') {
            return false;
        }
        if crate::grammar::common::is_chrome(t) {
            return true;
        }
        if !crate::grammar::is_header_line(t) {
            return false;
        }
        let new_issue = lines[i + 1..]
            .iter()
            .map(|l| l.text.trim())
            .filter(|t| !t.is_empty())
            .take(8)
            .any(|t| t.contains("(Q)"));
        !new_issue
    }

    /// The cover's lines (before the issue's first block): the issue number line, the date with
    /// its weekday, the legislature, the chamber alone. A new issue number line after blocks
    /// starts a new issue.
    fn cover_line(&mut self, t: &str, q: bool) -> bool {
        if let Some((chamber, date)) = q.then(|| issue_number_line(t)).flatten() {
            if self.issue.started {
                self.end_block();
                self.issue = Issue::default();
                (self.section, self.ministry, self.page) = (None, None, None);
                (self.awaiting, self.last_page) = (false, None);
            }
            self.issue.chamber = self.issue.chamber.or(chamber);
            self.issue.date = self.issue.date.or(date);
            return true;
        }
        if self.issue.started {
            return false;
        }
        if let Some(d) = weekday_date_line(t) {
            self.issue.date.get_or_insert(d);
            return true;
        }
        if let Some(n) = common::legislature_line(t) {
            self.issue.legislature.get_or_insert(n);
            return true;
        }
        if let Some(c) = common::chamber_line(t) {
            self.issue.chamber.get_or_insert(c);
            return true;
        }
        false
    }

    /// A text line: part of the current block's question or answer, and perhaps of the next
    /// block's preamble.
    fn text(&mut self, line: Line<'a>, t: &'a str) {
        let blank = std::mem::take(&mut self.blank);
        if let Some(cur) = &mut self.cur {
            let lines = if cur.answer_page.is_some() {
                &mut cur.answer
            } else {
                &mut cur.question
            };
            lines.push(TextLine {
                text: t,
                blank_before: blank,
                folded: line.folded,
            });
        }
        // (Whether a parenthesis is open is asked only of a sentence that ends with `)`.)
        let open_paren =
            || t.starts_with('(') || self.pending.iter().any(|l| l.text.starts_with('('));
        if ends_sentence(t) && !(t.ends_with(')') && open_paren()) {
            self.pending.clear();
            // A title may end with a question mark: the line is kept for the next block only.
            if t.ends_with(['?', '!']) {
                self.pending.push(Line { text: t, ..line });
            }
            return;
        }
        if self.pending.len() == PREAMBLE {
            self.pending.remove(0);
        }
        self.pending.push(Line { text: t, ..line });
    }

    fn push_text(&mut self, t: &'a str, folded: bool) {
        if let Some(cur) = &mut self.cur {
            let blank = std::mem::take(&mut self.blank);
            let lines = if cur.answer_page.is_some() {
                &mut cur.answer
            } else {
                &mut cur.question
            };
            lines.push(TextLine {
                text: t,
                blank_before: blank,
                folded,
            });
        }
        self.pending.clear();
    }

    /// `Réponse. – …`: the current block's answer, or a block of its own (without a number)
    /// when the current block has one already or there is none.
    fn answer(&mut self, line: Line<'a>, rest: &'a str) {
        let own = self.cur.as_ref().is_none_or(|c| c.answer_page.is_some());
        if own {
            self.start_block(line, None, None);
        }
        self.pending.clear();
        if let Some(cur) = &mut self.cur {
            cur.answer_page = Some(self.page);
        }
        self.blank = false;
        self.push_text(rest, line.folded);
    }

    /// A block starts at `line`: the pending lines are its preamble.
    fn start_block(&mut self, line: Line<'a>, number: Option<u64>, date: Option<Date>) {
        let pending = std::mem::take(&mut self.pending);
        // The pending lines were also the last lines of the current block's text.
        if let Some(cur) = &mut self.cur {
            let lines = if cur.answer_page.is_some() {
                &mut cur.answer
            } else {
                &mut cur.question
            };
            let keep = lines.len().saturating_sub(pending.len());
            lines.truncate(keep);
        }
        let (used, title, rubric, ana) =
            preamble(&pending, self.issue.chamber == Some(Chamber::An));
        // The lines not used give back to the block they were read in.
        if let Some(cur) = &mut self.cur {
            let lines = if cur.answer_page.is_some() {
                &mut cur.answer
            } else {
                &mut cur.question
            };
            for l in &pending[..pending.len() - used] {
                lines.push(TextLine {
                    text: l.text,
                    blank_before: false,
                    folded: l.folded,
                });
            }
        }
        self.end_block();
        self.issue.started = true;
        let start = pending[pending.len() - used..]
            .first()
            .map_or(line.src, |l| l.src.min(line.src));
        self.cur = Some(Draft {
            start,
            at: line.src,
            number,
            date,
            page: self.page,
            section: self.section,
            ministry: self.ministry.clone(),
            transmitted: None,
            title,
            rubric,
            analysis: ana,
            question: self.spare.pop().unwrap_or_default(),
            answer: self.spare.pop().unwrap_or_default(),
            answer_page: None,
        });
        self.blank = false;
        self.in_heading = false;
        self.pending = pending;
        self.pending.clear();
    }

    /// Ends the current block, if any, and keeps it.
    fn end_block(&mut self) {
        self.pending.clear();
        let Some(d) = self.cur.take() else {
            return;
        };
        let issue = self.issue;
        let issue_date = issue.date.or(issue.head_date);
        let answers =
            d.section == Some(Section::Answers) || d.section.is_none() && d.answer_page.is_some();
        let kind = match d.section {
            Some(Section::Oral) => Some(Kind::Qosd),
            Some(Section::Written | Section::Answers) => Some(Kind::Qe),
            _ if answers => Some(Kind::Qe),
            _ => None,
        };
        let idx = self.out.len();
        let question_published = if answers {
            d.date.map(|date| JoRef { date, page: None })
        } else {
            if let Some(slot) = d.page {
                self.fixups.push((idx, false, slot));
            }
            issue_date.or(d.date).map(|date| JoRef { date, page: None })
        };
        let answer_published = match (answers, d.answer_page, issue_date) {
            (true, Some(slot), Some(date)) => {
                if let Some(slot) = slot {
                    self.fixups.push((idx, true, slot));
                }
                Some(JoRef { date, page: None })
            }
            _ => None,
        };
        let (ministry_asked, ministry_answering) = if answers {
            (None, d.ministry.or(d.transmitted))
        } else {
            (d.ministry, d.transmitted)
        };
        let senat_title = issue.chamber != Some(Chamber::An);
        self.out.push(Block {
            issue: 0,
            start: d.start,
            at: d.at,
            number: d.number,
            chamber: issue.chamber,
            legislature: issue.legislature,
            kind,
            title: d.title.filter(|_| senat_title),
            ministry_asked,
            ministry_answering,
            rubric: d.rubric,
            analysis_heading: d.analysis.0,
            analysis: d.analysis.1,
            question_published,
            answer_published,
            question_text: paragraphs(&d.question, self.width, &self.compounds),
            answer_text: paragraphs(&d.answer, self.width, &self.compounds),
        });
        for mut lines in [d.question, d.answer] {
            lines.clear();
            self.spare.push(lines);
        }
    }
}
