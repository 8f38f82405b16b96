//! `parse_all` over concatenations: the seeds in every order, and every pair and many random
//! orders of all document fixtures, give the same results as parsing each file alone (warning
//! and error lines counted in the whole input).

mod common;

use serde_json::Value;

/// A document's text, ending with a line break.
fn doc(path: &std::path::Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let (text, _) = asalee_core::decode(&bytes);
    let mut text = text.into_owned();
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// The results of one document alone, with lines moved down by `shift` (cached per text).
fn alone(text: &str, shift: usize) -> Vec<Value> {
    thread_local! {
        static CACHE: std::cell::RefCell<std::collections::HashMap<String, Vec<Value>>> = Default::default();
    }
    let base = CACHE.with(|c| {
        c.borrow_mut()
            .entry(text.to_owned())
            .or_insert_with(|| {
                asalee_core::parse_all(text)
                    .map(|r| common::result_json(&r))
                    .collect()
            })
            .clone()
    });
    base.into_iter()
        .map(|mut v| {
            if let Some(ws) = v.pointer_mut("/ok/warnings").and_then(Value::as_array_mut) {
                for w in ws {
                    w["line"] = (w["line"].as_u64().unwrap() + shift as u64).into();
                }
            }
            if let Some(l) = v.pointer_mut("/error/line") {
                *l = (l.as_u64().unwrap() + shift as u64).into();
            }
            v
        })
        .collect()
}

/// Whether a text holds no document at all (front matter): alone it yields one "not a question"
/// error, and next to documents it yields nothing, as the SPEC says.
fn no_document(text: &str) -> bool {
    let results = alone(text, 0);
    !text.trim_start().starts_with('<')
        && results.len() == 1
        && results[0].pointer("/error/kind").and_then(Value::as_str) == Some("not-a-question")
}

fn check(order: &[(String, String)]) {
    let mut all = String::new();
    let mut want = Vec::new();
    let only_front_matter = order.iter().all(|(_, t)| no_document(t));
    for (_, text) in order {
        let shift = all.matches('\n').count();
        if only_front_matter || !no_document(text) {
            want.extend(alone(text, shift));
        }
        all.push_str(text);
    }
    if only_front_matter {
        want.truncate(1);
    }
    let got: Vec<Value> = asalee_core::parse_all(&all)
        .map(|r| common::result_json(&r))
        .collect();
    let names: Vec<&str> = order.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(got.len(), want.len(), "number of results for {names:?}");
    for (k, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "result {k} of {names:?}");
    }
}

fn permutations(n: usize) -> Vec<Vec<usize>> {
    if n == 0 {
        return vec![vec![]];
    }
    let mut out = Vec::new();
    for p in permutations(n - 1) {
        for at in 0..=p.len() {
            let mut q = p.clone();
            q.insert(at, n - 1);
            out.push(q);
        }
    }
    out
}

fn named(paths: &[std::path::PathBuf]) -> Vec<(String, String)> {
    paths
        .iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                doc(p),
            )
        })
        .collect()
}

#[test]
fn seeds_in_every_order() {
    let seeds = named(&common::files("seeds"));
    let perms = permutations(seeds.len());
    assert_eq!(perms.len(), 120);
    for p in perms {
        let order: Vec<_> = p.iter().map(|&i| seeds[i].clone()).collect();
        check(&order);
    }
}

#[test]
fn every_pair_of_fixtures() {
    let docs = named(&common::all_documents());
    for a in &docs {
        for b in &docs {
            // Front matter is what comes before the first document; after a document it is that
            // document's tail.
            if no_document(&b.1) && !no_document(&a.1) {
                continue;
            }
            check(&[a.clone(), b.clone()]);
        }
    }
}

#[test]
fn all_fixtures_in_many_orders() {
    let docs = named(&common::all_documents());
    // A fixed linear congruential generator: the same orders on every run.
    let mut state: u64 = 0x5eed;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    for _ in 0..20 {
        let mut order = docs.clone();
        for i in (1..order.len()).rev() {
            order.swap(i, next() % (i + 1));
        }
        order.sort_by_key(|(_, t)| !no_document(t));
        check(&order);
    }
}

#[test]
fn one_bad_document_loses_nothing() {
    let seeds = named(&common::files("seeds"));
    let bad = (
        "bad".to_owned(),
        "Question écrite n° 12\n\nVoir ci-dessous.\n".replace("Voir ci-dessous.", ""),
    );
    let order = [seeds[0].clone(), bad, seeds[2].clone()];
    let all: String = order.iter().map(|(_, t)| t.as_str()).collect();
    let results: Vec<_> = asalee_core::parse_all(&all).collect();
    assert_eq!(results.len(), 3);
    assert!(results[0].is_ok() && results[2].is_ok());
    let err = results[1].as_ref().unwrap_err();
    assert_eq!(err.kind(), asalee_core::ErrorKind::MissingText);
}

#[test]
fn byte_offsets_are_where_documents_start() {
    let seeds = named(&common::files("seeds"));
    let all: String = seeds.iter().map(|(_, t)| t.as_str()).collect();
    let mut it = asalee_core::parse_all(&all);
    let mut starts = Vec::new();
    while let Some(r) = it.next() {
        r.unwrap();
        starts.push(it.byte_offset());
    }
    assert_eq!(starts.len(), 5);
    // Each later document starts at a line start, at or before its own first non-blank line.
    let mut at = 0;
    for ((_, t), s) in seeds.iter().zip(&starts) {
        assert!(
            *s >= at && *s <= at + t.len() - t.trim_start().len(),
            "start {s} for the document at {at}"
        );
        assert!(*s == 0 || all.as_bytes()[s - 1] == b'\n');
        at += t.len();
    }
}
