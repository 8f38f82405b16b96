//! The mixed corpus: the fixtures over and over, each copy with its own question number and
//! varied text, every copy still a valid document of its layout.
//!
//! How a copy is made from its fixture (prepared once, then replayed per copy):
//! - every run of digits whose value is the fixture's question number (`13927`, `QE13927`,
//!   `01342`, the `200` of `QANR5L16QE200`) becomes the copy's number, zero-padded to the same width
//!   where the fixture pads it;
//! - in prose lines (at least ten words outside tags, scripts and styles; a colon only in lines of
//!   at least 25 words, so that no `Label : value` line qualifies), each lowercase word of four
//!   letters or more after the line's first four words is replaced, with probability 30 %, by a
//!   word drawn from the prose of all fixtures. A word that also occurs in any line that is not
//!   prose (labels, headings, navigation, names) is never replaced nor drawn, so the labels and
//!   structure every layout is recognised by stay as they are.

use std::ops::Range;
use std::sync::OnceLock;

use asalee_core::Layout;

use crate::fixtures::{Fixture, FIXTURES};
use crate::rng::Rng;

/// The seed of [`mixed`] and of the `gen` binary: the corpora are the same bytes on every run.
pub const SEED: u64 = 0x00A5_A1EE;

/// How often (in percent) a replaceable word is replaced.
const REPLACE_PERCENT: u32 = 30;

/// One generated document.
#[derive(Debug, Clone)]
pub struct Document {
    /// The fixture it was made from.
    pub fixture: &'static Fixture,
    /// Its question number (distinct from every other document of the same generator).
    pub number: u64,
    /// Its text, ending with a newline.
    pub text: String,
}

/// A piece of a prepared fixture.
#[derive(Debug, Clone)]
enum Piece {
    /// Kept as it is.
    Literal(Range<usize>),
    /// The question number, written at least `width` digits wide (`width` 0: as it comes).
    Number { width: usize },
    /// A word that may be replaced.
    Word(Range<usize>),
}

/// A fixture decoded and cut into pieces.
#[derive(Debug)]
struct Prepared {
    fixture: &'static Fixture,
    text: String,
    pieces: Vec<Piece>,
}

/// Every fixture prepared, and the words drawn from.
#[derive(Debug)]
struct Library {
    fixtures: Vec<Prepared>,
    vocabulary: Vec<String>,
}

/// What the line scan found in one fixture.
struct Scan {
    /// Candidate words of prose lines, as byte ranges.
    prose_words: Vec<Range<usize>>,
    /// Every word outside prose lines (the words never to replace).
    other_words: Vec<Range<usize>>,
}

/// Where the scanner is, across lines.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Text,
    /// Inside a tag; `raw` when it opens a script or style, whose content is then skipped.
    Tag {
        raw: Option<&'static str>,
    },
    /// Inside a script or style, until its closing tag.
    Raw(&'static str),
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.len() >= prefix.len() && s.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

/// Splits a text into prose words and other words, line by line, outside markup.
fn scan(text: &str) -> Scan {
    let mut scan = Scan {
        prose_words: Vec::new(),
        other_words: Vec::new(),
    };
    let mut state = State::Text;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let mut words: Vec<Range<usize>> = Vec::new();
        let mut colon = false;
        let mut word_start: Option<usize> = None;
        let mut previous = ' ';
        let mut before_word = ' ';
        for (i, c) in line.char_indices() {
            let at = start + i;
            let mut in_word = false;
            match state {
                State::Raw(close) => {
                    if c == '<' && starts_with_ignore_case(&line[i..], close) {
                        state = State::Tag { raw: None };
                    }
                }
                State::Tag { raw } => {
                    if c == '>' {
                        state = raw.map_or(State::Text, State::Raw);
                    }
                }
                State::Text => {
                    if c == '<' {
                        let rest = &line[i + 1..];
                        let raw = if starts_with_ignore_case(rest, "script") {
                            Some("</script")
                        } else if starts_with_ignore_case(rest, "style") {
                            Some("</style")
                        } else {
                            None
                        };
                        state = State::Tag { raw };
                    } else if c.is_alphabetic() {
                        in_word = true;
                        if word_start.is_none() {
                            word_start = Some(at);
                            before_word = previous;
                        }
                    } else if c == ':' {
                        colon = true;
                    }
                }
            }
            if !in_word {
                if let Some(s) = word_start.take() {
                    // `&eacute;` and `&#233;` are entities, not words.
                    if before_word != '&' && before_word != '#' && c != ';' {
                        words.push(s..at);
                    }
                }
            }
            previous = c;
        }
        if let Some(s) = word_start.take() {
            words.push(s..start + line.len());
        }
        let prose = words.len() >= 10 && (!colon || words.len() >= 25);
        if prose {
            scan.other_words.extend(words.drain(..4));
            scan.prose_words.extend(words);
        } else {
            scan.other_words.extend(words);
        }
        start += line.len();
    }
    scan
}

/// Whether a prose word may be replaced at all (before the label vocabulary is known).
fn replaceable(word: &str) -> bool {
    word.chars().count() >= 4 && word.chars().all(char::is_lowercase)
}

/// The digit runs whose value is `number`, with the width to write the new number in.
fn number_runs(text: &str, number: u64) -> Vec<(Range<usize>, usize)> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let s = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let digits = &text[s..i];
            let value = digits.trim_start_matches('0');
            if value.len() <= 19 && value.parse::<u64>().ok() == Some(number) {
                let padded = digits.len() > value.len();
                runs.push((s..i, if padded { digits.len() } else { 0 }));
            }
        } else {
            i += 1;
        }
    }
    runs
}

fn prepare_all() -> Library {
    let decoded: Vec<String> = FIXTURES
        .iter()
        .map(|f| match std::str::from_utf8(f.bytes) {
            // Kept as it is (CRLF included); only the Windows-1252 pages are decoded.
            Ok(text) => text.to_owned(),
            Err(_) => asalee_core::decode(f.bytes).0.into_owned(),
        })
        .collect();
    let scans: Vec<Scan> = decoded.iter().map(|t| scan(t)).collect();
    let mut labels = std::collections::HashSet::new();
    for (text, scan) in decoded.iter().zip(&scans) {
        for w in &scan.other_words {
            labels.insert(text[w.clone()].to_lowercase());
        }
    }
    let mut vocabulary = std::collections::BTreeSet::new();
    let mut fixtures = Vec::new();
    for ((fixture, text), scan) in FIXTURES.iter().zip(decoded).zip(scans) {
        let mut items: Vec<(Range<usize>, Piece)> = Vec::new();
        for w in &scan.prose_words {
            let word = &text[w.clone()];
            if replaceable(word) && !labels.contains(word) {
                vocabulary.insert(word.to_owned());
                items.push((w.clone(), Piece::Word(w.clone())));
            }
        }
        for (range, width) in number_runs(&text, fixture.number) {
            items.push((range, Piece::Number { width }));
        }
        items.sort_by_key(|(r, _)| r.start);
        let mut pieces = Vec::with_capacity(2 * items.len() + 1);
        let mut at = 0;
        for (range, piece) in items {
            if range.start > at {
                pieces.push(Piece::Literal(at..range.start));
            }
            at = range.end;
            pieces.push(piece);
        }
        if at < text.len() {
            pieces.push(Piece::Literal(at..text.len()));
        }
        fixtures.push(Prepared {
            fixture,
            text,
            pieces,
        });
    }
    Library {
        fixtures,
        vocabulary: vocabulary.into_iter().collect(),
    }
}

fn prepared() -> &'static Library {
    static PREPARED: OnceLock<Library> = OnceLock::new();
    PREPARED.get_or_init(prepare_all)
}

/// How many words of a fixture the generator may replace, and how many words it may draw from
/// (for the README and the tests).
pub fn variability(fixture: &Fixture) -> (usize, usize) {
    let p = prepared();
    let words = p
        .fixtures
        .iter()
        .find(|f| std::ptr::eq(f.fixture, fixture))
        .map_or(0, |f| {
            f.pieces
                .iter()
                .filter(|p| matches!(p, Piece::Word(_)))
                .count()
        });
    (words, p.vocabulary.len())
}

/// Makes documents from the fixtures, one after another, deterministically from a seed.
///
/// ```
/// let mut docs = asalee_benches::Generator::new(1);
/// let a = docs.next().unwrap();
/// let b = docs.next().unwrap();
/// assert_ne!(a.number, b.number);
/// assert_eq!(asalee_core::parse(&a.text).unwrap().number, a.number);
/// ```
#[derive(Debug, Clone)]
pub struct Generator {
    rng: Rng,
    index: u64,
    choices: Vec<usize>,
}

impl Generator {
    /// Documents made from every fixture, picked at random with equal chances.
    pub fn new(seed: u64) -> Generator {
        Generator::of_fixtures(seed, |_| true)
    }

    /// Documents made only from the fixtures of one layout (every rendering of it).
    pub fn of_layout(seed: u64, layout: Layout) -> Generator {
        Generator::of_fixtures(seed, |f| f.layout == layout)
    }

    /// Documents made only from the fixtures `keep` accepts (at least one must be accepted).
    ///
    /// # Panics
    ///
    /// When `keep` accepts no fixture.
    pub fn of_fixtures(seed: u64, keep: impl Fn(&Fixture) -> bool) -> Generator {
        let choices: Vec<usize> = FIXTURES
            .iter()
            .enumerate()
            .filter(|(_, f)| keep(f))
            .map(|(i, _)| i)
            .collect();
        assert!(!choices.is_empty(), "no fixture to generate from");
        Generator {
            rng: Rng::new(seed),
            index: 0,
            choices,
        }
    }

    /// The next document, appended to `out`; returns its fixture and number.
    pub fn write_next(&mut self, out: &mut String) -> (&'static Fixture, u64) {
        let p = prepared();
        let fixture = &p.fixtures[self.choices[self.rng.below(self.choices.len())]];
        // Distinct numbers: one in each block of five, of varied digit counts as the corpus grows.
        let number = 1 + self.index * 5 + self.rng.below(5) as u64;
        self.index += 1;
        out.reserve(fixture.text.len() + 64);
        for piece in &fixture.pieces {
            match piece {
                Piece::Literal(r) => out.push_str(&fixture.text[r.clone()]),
                Piece::Number { width } => {
                    use std::fmt::Write;
                    let _ = write!(out, "{number:0width$}");
                }
                Piece::Word(r) => {
                    if self.rng.percent(REPLACE_PERCENT) {
                        out.push_str(&p.vocabulary[self.rng.below(p.vocabulary.len())]);
                    } else {
                        out.push_str(&fixture.text[r.clone()]);
                    }
                }
            }
        }
        if !out.ends_with('\n') {
            out.push('\n');
        }
        (fixture.fixture, number)
    }
}

impl Iterator for Generator {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        let mut text = String::new();
        let (fixture, number) = self.write_next(&mut text);
        Some(Document {
            fixture,
            number,
            text,
        })
    }
}

/// A corpus of concatenated documents, with what it holds.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The documents, one after another.
    pub text: String,
    /// How many documents it holds.
    pub documents: usize,
}

impl Corpus {
    /// Documents from `generator` until the text reaches `target_bytes` (the last document makes it
    /// a little longer).
    pub fn generate(generator: &mut Generator, target_bytes: usize) -> Corpus {
        let mut corpus = Corpus {
            text: String::with_capacity(target_bytes + 128 * 1024),
            documents: 0,
        };
        while corpus.text.len() < target_bytes {
            generator.write_next(&mut corpus.text);
            corpus.documents += 1;
        }
        corpus
    }
}

/// The mixed corpus of about `target_bytes` bytes: documents of every layout and rendering made
/// from the fixtures with seed [`SEED`], concatenated (about 17 KB a document on average: 10 MB
/// hold some 600 documents, 300 MB some 18,000).
///
/// ```
/// let corpus = asalee_benches::mixed(200_000);
/// assert!(corpus.len() >= 200_000);
/// assert!(asalee_core::parse_all(&corpus).all(|r| r.is_ok()));
/// ```
pub fn mixed(target_bytes: usize) -> String {
    mixed_corpus(target_bytes).text
}

/// [`mixed`], with the number of documents.
pub fn mixed_corpus(target_bytes: usize) -> Corpus {
    Corpus::generate(&mut Generator::new(SEED), target_bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_runs_find_padded_and_embedded_numbers() {
        let text = "n° 01342 QANR5L16QE1342 1342x 11342 13420 1342";
        let runs: Vec<_> = number_runs(text, 1342)
            .into_iter()
            .map(|(r, w)| (&text[r], w))
            .collect();
        assert_eq!(runs, [("01342", 5), ("1342", 0), ("1342", 0), ("1342", 0)]);
    }

    #[test]
    fn scan_skips_tags_scripts_entities_and_short_lines() {
        let text = "Rubrique : santé publique\n<script>var un deux trois quatre cinq six sept huit neuf dix onze;</script>\n\
                    <p class=\"x\">Mme Une Deux attire l'attention de madame la ministre sur les difficultés &eacute;normes des infirmiers libéraux.</p>\n";
        let s = scan(text);
        let prose: Vec<&str> = s.prose_words.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(prose[..2], ["l", "attention"]);
        assert!(prose.contains(&"infirmiers"));
        assert!(!prose.contains(&"eacute"));
        assert!(!prose.iter().any(|w| *w == "var" || *w == "class"));
        let other: Vec<&str> = s.other_words.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(&other[..3], ["Rubrique", "santé", "publique"]);
    }

    #[test]
    fn every_fixture_has_its_number_and_words_to_vary() {
        for f in FIXTURES {
            let p = prepared()
                .fixtures
                .iter()
                .find(|p| std::ptr::eq(p.fixture, f))
                .unwrap();
            let numbers = p
                .pieces
                .iter()
                .filter(|p| matches!(p, Piece::Number { .. }))
                .count();
            assert!(numbers >= 1, "{}: number {} not found", f.name, f.number);
        }
        assert!(prepared().vocabulary.len() > 500);
    }

    /// Each fixture's copies parse to their new number, in the fixture's layout, with the same
    /// fields filled (and lists as long) as the fixture itself, and their text differs.
    #[test]
    fn every_copy_is_a_valid_document_of_its_layout() {
        for (i, f) in FIXTURES.iter().enumerate() {
            let original = asalee_core::parse_bytes(f.bytes).unwrap();
            assert_eq!(
                (original.number, original.layout),
                (f.number, f.layout),
                "{}",
                f.name
            );
            let before = serde_json::to_value(&original).unwrap();
            let generator = Generator::of_fixtures(i as u64, |x| std::ptr::eq(x, f));
            for doc in generator.take(3) {
                let q = asalee_core::parse(&doc.text)
                    .unwrap_or_else(|e| panic!("{} as {}: {e}", f.name, doc.number));
                assert_eq!((q.number, q.layout), (doc.number, f.layout), "{}", f.name);
                assert_eq!(q.warnings, original.warnings, "{}", f.name);
                let after = serde_json::to_value(&q).unwrap();
                for (key, value) in before.as_object().unwrap() {
                    let other = &after[key];
                    assert_eq!(value.is_null(), other.is_null(), "{}: {key}", f.name);
                    if let (Some(a), Some(b)) = (value.as_array(), other.as_array()) {
                        assert_eq!(a.len(), b.len(), "{}: {key}", f.name);
                    }
                }
                if variability(f).0 > 20 {
                    assert_ne!(
                        (&q.question_text, &q.answer_text),
                        (&original.question_text, &original.answer_text),
                        "{}",
                        f.name
                    );
                }
            }
        }
    }

    #[test]
    fn parse_all_reads_every_document_of_a_mixed_corpus() {
        let docs: Vec<Document> = Generator::new(SEED).take(200).collect();
        let text: String = docs.iter().map(|d| d.text.as_str()).collect();
        let numbers: Vec<u64> = asalee_core::parse_all(&text)
            .map(|r| r.map(|q| q.number).unwrap_or(0))
            .collect();
        let expected: Vec<u64> = docs.iter().map(|d| d.number).collect();
        assert_eq!(numbers, expected);
    }

    #[test]
    fn same_seed_same_corpus() {
        assert_eq!(mixed(100_000), mixed(100_000));
        let other = Corpus::generate(&mut Generator::new(SEED + 1), 100_000).text;
        assert_ne!(mixed(100_000), other);
    }
}
