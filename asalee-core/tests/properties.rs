//! Property tests (proptest, fixed case counts and seed): no input makes the parser panic, the
//! positions it reports lie inside the input and point at what they name, concatenated documents
//! parse as each alone, and records round-trip through their JSON. Plus a deterministic pass over
//! every fixture truncated at every line and at (a stride of) every byte. (Linear time is
//! `linear_time.rs`'s.)
//!
//! The invariants are the fuzz targets' own (`fuzz/src/lib.rs`); the tokens inserted by the
//! mutations are the fuzz dictionary's (`fuzz/dict/tokens.txt`).

#[allow(dead_code, unreachable_pub, missing_docs)]
#[path = "../../fuzz/src/lib.rs"]
mod checks;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use asalee_core::{ErrorKind, Options, ParseError, Question};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, RngSeed};

/// A fixed seed and case count; failures are reported, not persisted (minimised inputs go to
/// `fixtures/regressions/` by hand).
fn config(cases: u32) -> Config {
    Config {
        cases,
        rng_seed: RngSeed::Fixed(0x0a5a_1ee0),
        failure_persistence: None,
        max_shrink_iters: 2_000,
        ..Config::default()
    }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

fn files(sub: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(fixtures().join(sub))
        .unwrap_or_else(|e| panic!("{sub}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    out.sort();
    out
}

/// Every document fixture: name and bytes.
fn documents() -> &'static [(String, Vec<u8>)] {
    static DOCS: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    DOCS.get_or_init(|| {
        ["seeds", "authored", "real", "variants"]
            .iter()
            .flat_map(|s| files(s))
            .map(|p| {
                let name = p.strip_prefix(fixtures()).unwrap().display().to_string();
                (name, std::fs::read(&p).unwrap())
            })
            .collect()
    })
}

/// The valid documents (seeds and authored), each ending with a line break.
fn valid_documents() -> &'static [(String, String)] {
    static DOCS: OnceLock<Vec<(String, String)>> = OnceLock::new();
    DOCS.get_or_init(|| {
        ["seeds", "authored"]
            .iter()
            .flat_map(|s| files(s))
            .map(|p| {
                let mut text = std::fs::read_to_string(&p).unwrap();
                if !text.ends_with('\n') {
                    text.push('\n');
                }
                (p.file_name().unwrap().to_string_lossy().into_owned(), text)
            })
            .collect()
    })
}

/// The fuzz dictionary's tokens (`fuzz/dict/tokens.txt`: one a line, `\n` `\t` `\r` escaped).
fn tokens() -> &'static [String] {
    static TOKENS: OnceLock<Vec<String>> = OnceLock::new();
    TOKENS.get_or_init(|| {
        include_str!("../../fuzz/dict/tokens.txt")
            .split('\n')
            .filter(|l| !l.is_empty() && !l.starts_with("# "))
            .map(|l| {
                l.replace("\\n", "\n")
                    .replace("\\t", "\t")
                    .replace("\\r", "\r")
            })
            .collect()
    })
}

// ---------------------------------------------------------------------------------------------
// What a message names is on the line it points at.

/// Letters and digits of `s`, ASCII only and lower-cased, HTML entities (`&eacute;`) left out:
/// `Ministère` and `Minist&egrave;re` both give `ministre`.
fn skeleton(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        if c == '&' {
            let entity = rest[1..].find(';').filter(|&e| {
                e > 0
                    && e <= 10
                    && rest[1..1 + e]
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || c == '#')
            });
            if let Some(e) = entity {
                rest = &rest[e + 2..];
                continue;
            }
        }
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The text between the first pair of backticks of a message.
fn first_quote(message: &str) -> Option<&str> {
    let mut parts = message.split('`');
    parts.next()?;
    let q = parts.next()?;
    parts.next().map(|_| q)
}

fn nth_line(text: &str, line: usize) -> &str {
    text.split('\n').nth(line.saturating_sub(1)).unwrap_or("")
}

/// A warning that quotes a label (`unknown label `X``, `… of `X` could not be read`) is on the
/// line that holds the label.
fn check_warning_quotes(text: &str, q: &Question) {
    for w in &q.warnings {
        let Some(label) = first_quote(&w.message) else {
            continue;
        };
        let want = skeleton(label);
        let line = nth_line(text, w.line);
        assert!(
            skeleton(line).contains(&want),
            "warning {w:?} quotes `{label}`, which line {} does not hold: {line:?}",
            w.line
        );
    }
}

/// An error points at a line that holds what it names: the question number of `question N has
/// neither…`, the label a strict-mode warning quotes, a visible line for `not a question`.
fn check_error_quotes(text: &str, e: &ParseError) {
    let line = nth_line(text, e.line());
    match e.kind() {
        ErrorKind::MissingText => {
            // In HTML the number may be on a later source line of the same visible line
            // (`Question N° : <b>` then `450</b>`).
            let n = e.message().split(' ').nth(1).unwrap_or("");
            let near: String = text.split('\n').skip(e.line() - 1).take(4).collect();
            assert!(
                n.chars().all(|c| c.is_ascii_digit()) && skeleton(&near).contains(n),
                "{e:?} names question {n}, which line {} (and the 3 after) does not hold: {near:?}",
                e.line()
            );
        }
        ErrorKind::Strict => {
            if let Some(label) = first_quote(e.message()) {
                assert!(
                    skeleton(line).contains(&skeleton(label)),
                    "{e:?} quotes `{label}`, which line {} does not hold: {line:?}",
                    e.line()
                );
            }
        }
        ErrorKind::NotAQuestion if !text.trim().is_empty() => {
            assert!(!line.trim().is_empty(), "{e:?} points at a blank line");
        }
        _ => {}
    }
}

/// Every check on one input: the fuzz targets' invariants, and what messages name.
fn check_all(data: &[u8]) {
    checks::check_bytes(data);
    let (text, _) = asalee_core::decode(data);
    for r in asalee_core::parse_all(&text) {
        match r {
            Ok(q) => check_warning_quotes(&text, &q),
            Err(e) => check_error_quotes(&text, &e),
        }
    }
    for r in Options::new().strict(true).parse_all(&text) {
        if let Err(e) = r {
            check_error_quotes(&text, &e);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Strategies.

/// One change to a document's bytes; positions are fractions of the current length.
#[derive(Debug, Clone)]
enum Mutation {
    FlipBit(Index, u8),
    Delete(Index, usize),
    InsertToken(Index, Index),
    InsertBytes(Index, Vec<u8>),
    /// Copies a slice of the document elsewhere in it.
    Duplicate(Index, Index, usize),
    Truncate(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<Index>(), 0u8..8).prop_map(|(i, b)| Mutation::FlipBit(i, b)),
        3 => (any::<Index>(), 1usize..200).prop_map(|(i, n)| Mutation::Delete(i, n)),
        4 => (any::<Index>(), any::<Index>()).prop_map(|(i, t)| Mutation::InsertToken(i, t)),
        2 => (any::<Index>(), prop::collection::vec(any::<u8>(), 1..16))
            .prop_map(|(i, b)| Mutation::InsertBytes(i, b)),
        2 => (any::<Index>(), any::<Index>(), 1usize..2000)
            .prop_map(|(f, t, n)| Mutation::Duplicate(f, t, n)),
        1 => any::<Index>().prop_map(Mutation::Truncate),
    ]
}

fn apply(doc: &mut Vec<u8>, m: &Mutation) {
    let at = |i: &Index, len: usize| i.index(len + 1);
    match m {
        Mutation::FlipBit(i, bit) => {
            if !doc.is_empty() {
                let k = i.index(doc.len());
                doc[k] ^= 1 << bit;
            }
        }
        Mutation::Delete(i, n) => {
            let k = at(i, doc.len());
            let end = (k + n).min(doc.len());
            doc.drain(k..end);
        }
        Mutation::InsertToken(i, t) => {
            let k = at(i, doc.len());
            let tok = tokens()[t.index(tokens().len())].as_bytes();
            doc.splice(k..k, tok.iter().copied());
        }
        Mutation::InsertBytes(i, b) => {
            let k = at(i, doc.len());
            doc.splice(k..k, b.iter().copied());
        }
        Mutation::Duplicate(from, to, n) => {
            let f = at(from, doc.len());
            let slice: Vec<u8> = doc[f..(f + n).min(doc.len())].to_vec();
            let t = at(to, doc.len());
            doc.splice(t..t, slice);
        }
        Mutation::Truncate(i) => {
            let k = at(i, doc.len());
            doc.truncate(k);
        }
    }
}

/// Text made of dictionary tokens, words and line breaks.
fn token_soup() -> impl Strategy<Value = String> {
    let n = tokens().len();
    let piece = prop_oneof![
        4 => (0..n).prop_map(|i| tokens()[i].clone()),
        2 => "[A-Za-zéèàç0-9 ,.'()-]{1,24}",
        2 => Just("\n".to_owned()),
        1 => "[0-9]{1,6}",
        1 => "[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}",
        1 => any::<String>().prop_map(|s| s.chars().take(8).collect()),
    ];
    prop::collection::vec(piece, 0..160).prop_map(|v| v.concat())
}

// ---------------------------------------------------------------------------------------------
// No panic.

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn arbitrary_bytes_never_panic(data in prop::collection::vec(any::<u8>(), 0..4096)) {
        check_all(&data);
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        check_all(text.as_bytes());
        checks::check_str(&text);
    }
}

proptest! {
    #![proptest_config(config(768))]

    #[test]
    fn token_soup_never_panics(text in token_soup()) {
        check_all(text.as_bytes());
        checks::check_str(&text);
    }
}

proptest! {
    #![proptest_config(config(768))]

    /// Byte flips, deletions, insertions of dictionary tokens and of random bytes, duplicated
    /// slices and truncation of every fixture.
    #[test]
    fn mutated_fixtures_never_panic(
        doc in any::<Index>(),
        mutations in prop::collection::vec(mutation(), 1..8),
    ) {
        let (_, bytes) = &documents()[doc.index(documents().len())];
        let mut bytes = bytes.clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        check_all(&bytes);
    }
}

// ---------------------------------------------------------------------------------------------
// Concatenations.

/// A record with its warning lines moved down by `shift`.
fn shifted(mut q: Question, shift: usize) -> Question {
    for w in &mut q.warnings {
        w.line += shift;
    }
    q
}

proptest! {
    #![proptest_config(config(512))]

    /// Any sequence of valid documents (repeats allowed), concatenated, gives the records of
    /// each alone, in order, warning lines counted in the whole input.
    #[test]
    fn concatenations_parse_as_each_alone(
        order in prop::collection::vec(any::<Index>(), 1..8),
        crlf in any::<bool>(),
    ) {
        let docs = valid_documents();
        let mut all = String::new();
        let mut want = Vec::new();
        let mut names = Vec::new();
        for i in &order {
            let (name, text) = &docs[i.index(docs.len())];
            let shift = all.matches('\n').count();
            let alone: Vec<_> = asalee_core::parse_all(text).collect();
            prop_assert_eq!(alone.len(), 1, "{} alone", name);
            let q = alone.into_iter().next().unwrap().unwrap_or_else(|e| panic!("{name}: {e}"));
            want.push(shifted(q, shift));
            names.push(name.as_str());
            all.push_str(text);
        }
        // CRLF line ends read as LF: the same records.
        let input = if crlf { all.replace('\n', "\r\n") } else { all };
        let got: Vec<_> = asalee_core::parse_all_bytes(input.as_bytes()).collect();
        prop_assert_eq!(got.len(), want.len(), "number of records of {:?}", names);
        for (k, (g, w)) in got.into_iter().zip(want).enumerate() {
            let g = g.unwrap_or_else(|e| panic!("document {k} of {names:?}: {e}"));
            prop_assert_eq!(g, w, "document {} of {:?}", k, names);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Positions and what they name, on documents given unknown and unreadable labels.

/// A label-looking line no layout knows, from letters only.
fn unknown_label() -> impl Strategy<Value = String> {
    "Zx[a-z]{2,8}( [a-z]{2,8}){0,2}"
}

proptest! {
    #![proptest_config(config(512))]

    /// An unknown `Label : value` line inserted anywhere in a valid document: wherever it lands
    /// (metadata, where it is a warning at its line; a text, where it is text), every warning
    /// and error points inside the input at what it quotes, and strict mode fails at the first
    /// warning's line.
    #[test]
    fn errors_point_at_what_they_name(
        doc in any::<Index>(),
        at in any::<Index>(),
        label in unknown_label(),
        sep in prop::sample::select(vec![" : ", " > ", ": ", " :\n"]),
        value in "[a-z]{1,10}",
    ) {
        let docs = valid_documents();
        let (_, text) = &docs[doc.index(docs.len())];
        // (A line inserted into the open data's JSON is no label: it breaks the JSON.)
        prop_assume!(!text.trim_start().starts_with('{'));
        let starts: Vec<usize> = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .filter(|&i| i < text.len())
            .collect();
        let start = starts[at.index(starts.len())];
        let input = format!("{}{label}{sep}{value}\n{}", &text[..start], &text[start..]);
        check_all(input.as_bytes());
        let label_line = 1 + text[..start].matches('\n').count();
        let q = asalee_core::parse(&input).unwrap_or_else(|e| panic!("{e}"));
        for w in &q.warnings {
            if w.message.contains(&format!("`{label}`")) {
                prop_assert_eq!(w.line, label_line, "{:?}", w);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// JSON.

proptest! {
    #![proptest_config(config(512))]

    /// `to_json` then `serde_json::from_str::<Question>` gives the same record, for every
    /// fixture's record and for records of mutated fixtures.
    #[test]
    fn to_json_round_trips(
        doc in any::<Index>(),
        mutations in prop::collection::vec(mutation(), 0..4),
    ) {
        let (_, bytes) = &documents()[doc.index(documents().len())];
        let mut bytes = bytes.clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        for q in asalee_core::parse_all_bytes(&bytes).flatten() {
            let json = q.to_json();
            let back: Question = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(&back, &q, "{}", json);
            // And the JSON of the record read back is the same text.
            prop_assert_eq!(back.to_json(), json);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Every fixture truncated at every line and at every byte.

/// Parses a prefix of a fixture; checks positions only (cheap).
fn parse_prefix(bytes: &[u8]) {
    let (text, _) = asalee_core::decode(bytes);
    let r = asalee_core::parse_bytes(bytes);
    checks::check_result(&text, &r);
}

/// The byte cuts of a document: every byte when `budget` allows, else a stride chosen so that
/// the prefixes parsed add up to about `budget` bytes; always the end.
fn byte_cuts(len: usize, budget: usize) -> impl Iterator<Item = usize> {
    let stride = ((len * len / 2) / budget.max(1)).max(1);
    (0..len).step_by(stride).chain(std::iter::once(len))
}

fn truncations(budget: usize) {
    let start = std::time::Instant::now();
    let (mut parsed, mut bytes_parsed) = (0usize, 0usize);
    for (name, bytes) in documents() {
        let outcome = std::panic::catch_unwind(|| {
            let mut cuts = Vec::new();
            // At every line end (before and after the `\n`); a stride over the lines of
            // fixtures over 20 KB.
            let ends: Vec<usize> = (0..bytes.len()).filter(|&i| bytes[i] == b'\n').collect();
            let line_stride = if bytes.len() <= 20_000 {
                1
            } else {
                (ends.len() * bytes.len() / budget.max(1)).max(1)
            };
            for &i in ends.iter().step_by(line_stride) {
                cuts.extend([i, i + 1]);
            }
            cuts.extend(byte_cuts(bytes.len(), budget));
            for &cut in &cuts {
                parse_prefix(&bytes[..cut]);
            }
            (cuts.len(), cuts.iter().sum::<usize>())
        });
        match outcome {
            Ok((n, b)) => {
                parsed += n;
                bytes_parsed += b;
            }
            Err(_) => panic!("{name}: a prefix panicked (see above)"),
        }
    }
    eprintln!(
        "{parsed} prefixes ({} MB) parsed in {:?}",
        bytes_parsed >> 20,
        start.elapsed()
    );
}

/// Every line (a stride over the lines of fixtures over 20 KB), and every byte of the small
/// fixtures (a stride on the others, so that each fixture's byte cuts cost about 1 MB of
/// parsing: every byte of every fixture would take minutes; see the ignored test below).
#[test]
fn every_fixture_truncated_anywhere() {
    truncations(1 << 20);
}

/// Every line and every byte of every fixture (slow: minutes even in release).
#[test]
#[ignore = "slow: every byte of every fixture; run with --release -- --ignored"]
fn every_fixture_truncated_at_every_byte() {
    truncations(usize::MAX);
}
