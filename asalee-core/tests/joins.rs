//! Nothing lost, nothing merged: every pair of fixtures joined as people join files (as they
//! are, with a line break, a byte-order mark between, CRLF in one only, the second in
//! Windows-1252) gives the records of each alone and nothing else, and no join makes a "given
//! twice with different values" warning that the documents alone do not have.

mod common;

use asalee_core::{ParseError, Question};
use serde_json::{json, Value};

/// A result with its lines moved by `lines` and, when `columns`, its error's column kept.
fn shown(r: &Result<Question, ParseError>, lines: usize, columns: bool) -> Value {
    match r {
        Ok(q) => {
            let mut v = common::record_json(q);
            let warnings: Vec<Value> = q
                .warnings
                .iter()
                .filter(|w| !w.message.starts_with("decoded as "))
                .map(|w| json!([w.line + lines, w.message]))
                .collect();
            v["warnings"] = Value::Array(warnings);
            json!({ "ok": v })
        }
        Err(e) => json!({ "error": [
            e.kind().as_str(),
            e.line() + lines,
            if columns { e.column() } else { 0 },
            e.message(),
        ]}),
    }
}

fn twice(r: &Result<Question, ParseError>) -> usize {
    r.as_ref().map_or(0, |q| {
        q.warnings
            .iter()
            .filter(|w| w.message.contains(" given twice with different"))
            .count()
    })
}

/// The fixtures that are documents (an input with no document at all is another case: text
/// before a document yields nothing, text after one is its tail).
fn documents() -> Vec<(String, Vec<u8>)> {
    common::all_documents()
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .filter(|(_, b)| {
            let all: Vec<_> = asalee_core::parse_all_bytes(b).collect();
            !matches!(&all[..], [Err(e)] if e.kind() == asalee_core::ErrorKind::NotAQuestion)
        })
        .collect()
}

fn crlf(b: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(b.len() * 11 / 10);
    for (i, &c) in b.iter().enumerate() {
        if c == b'\n' && (i == 0 || b[i - 1] != b'\r') {
            out.push(b'\r');
        }
        out.push(c);
    }
    out
}

/// `b` in Windows-1252 when it is UTF-8 text that Windows-1252 can write (with accents).
fn windows_1252(b: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(b).ok()?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.is_ascii() {
        return None;
    }
    let (out, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    (!unmappable).then(|| out.into_owned())
}

fn is_page(b: &[u8]) -> bool {
    let t = b
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(b)
        .trim_ascii_start();
    t.starts_with(b"<!") || t.starts_with(b"<html") || t.starts_with(b"<?xml")
}

/// Each part's results alone, parsed once.
type Cache = std::collections::HashMap<Vec<u8>, Vec<Result<Question, ParseError>>>;

/// A part's results alone, its lines moved by `lines`, and its "given twice" warnings.
fn alone(cache: &mut Cache, bytes: &[u8], lines: usize, columns: bool) -> (Vec<Value>, usize) {
    let all = cache
        .entry(bytes.to_vec())
        .or_insert_with(|| asalee_core::parse_all_bytes(bytes).collect());
    let twice = all.iter().map(twice).sum();
    (
        all.iter().map(|r| shown(r, lines, columns)).collect(),
        twice,
    )
}

#[test]
fn every_pair_joined_gives_both_and_nothing_else() {
    let docs = documents();
    assert!(docs.len() > 40, "{}", docs.len());
    let mut joins = 0;
    let mut failures = Vec::new();
    let mut cache = Cache::new();
    for (a_name, a) in &docs {
        for (b_name, b) in &docs {
            // (prefix, second): the prefix is the first document and what separates them.
            let mut cases: Vec<(&str, Vec<u8>, Vec<u8>)> = Vec::new();
            if std::env::var("JOINS_ONLY")
                .is_ok_and(|o| !a_name.contains(&o) && !b_name.contains(&o))
            {
                continue;
            }
            let with_break = |first: &[u8]| {
                let mut p = first.to_vec();
                if !p.ends_with(b"\n") {
                    p.push(b'\n');
                }
                p
            };
            // As they are: text documents begin at the start of a line (SPEC), pages anywhere.
            if a.ends_with(b"\n") || is_page(b) {
                cases.push(("as is", a.clone(), b.clone()));
            }
            cases.push(("line break", with_break(a), b.clone()));
            let mut bom = b"\xEF\xBB\xBF".to_vec();
            bom.extend_from_slice(b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b));
            cases.push(("BOM between", with_break(a), bom));
            cases.push(("CRLF in the first only", with_break(&crlf(a)), b.clone()));
            if let Some(latin) = windows_1252(b) {
                cases.push(("second in Windows-1252", with_break(a), latin));
            }
            for (how, prefix, second) in cases {
                joins += 1;
                let mut joined = prefix.clone();
                joined.extend_from_slice(&second);
                let lines = memchr::memchr_iter(b'\n', &prefix).count();
                let columns = prefix.ends_with(b"\n");
                let (mut want, prefix_twice) = alone(&mut cache, &prefix, 0, columns);
                let (second_want, second_twice) = alone(&mut cache, &second, lines, columns);
                want.extend(second_want);
                let got: Vec<_> = asalee_core::parse_all_bytes(&joined).collect();
                let got_shown: Vec<Value> = got.iter().map(|r| shown(r, 0, columns)).collect();
                if got_shown != want {
                    // `JOINS_DEBUG=1`: the first differing result of each failing join.
                    if std::env::var("JOINS_DEBUG").is_ok() {
                        let at = got_shown.iter().zip(&want).position(|(g, w)| g != w);
                        let at = at.unwrap_or(got_shown.len().min(want.len()));
                        eprintln!(
                            "{a_name} + {b_name} ({how}), result {at}:\n  got:  {}\n  want: {}",
                            got_shown.get(at).map_or(String::new(), Value::to_string),
                            want.get(at).map_or(String::new(), Value::to_string),
                        );
                    }
                    failures.push(format!(
                        "{a_name} + {b_name} ({how}): {} results, {} wanted",
                        got_shown.len(),
                        want.len()
                    ));
                    continue;
                }
                let alone = prefix_twice + second_twice;
                let joined_twice: usize = got.iter().map(twice).sum();
                if joined_twice > alone {
                    failures.push(format!("{a_name} + {b_name} ({how}): a merge's warning"));
                }
            }
        }
    }
    assert!(
        joins > 10_000 || std::env::var("JOINS_ONLY").is_ok(),
        "{joins} joins"
    );
    assert!(
        failures.is_empty(),
        "{} of {joins} joins lose or merge documents:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}
