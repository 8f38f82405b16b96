//! Conformance with the shared contract: `../shared/spec/expected` for the seeds and authored
//! documents of `../shared/corpus`, and every real document of the corpus parses to a record or to
//! the error its README states. Skips, saying so, when `../shared` is absent.

mod common;

use std::path::{Path, PathBuf};

use common::{keys, record_json};
use serde_json::Value;

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    if dir.join("spec/SPEC.md").is_file() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: {} is absent (the shared spec and corpus live beside the project)",
            dir.display()
        );
        None
    }
}

#[test]
fn seeds_and_authored_documents_match_the_spec() {
    let Some(shared) = shared() else { return };
    let mut checked = 0;
    for sub in ["corpus/seeds", "corpus/authored"] {
        for entry in std::fs::read_dir(shared.join(sub)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "md") {
                continue;
            }
            let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
            let want: Value = serde_json::from_str(
                &std::fs::read_to_string(shared.join("spec/expected").join(format!("{stem}.json")))
                    .unwrap(),
            )
            .unwrap();
            let got =
                record_json(&asalee_core::parse_bytes(&std::fs::read(&path).unwrap()).unwrap());
            assert_eq!(got, want, "{stem}");
            assert_eq!(keys(&got), keys(&want), "field order of {stem}");
            checked += 1;
        }
    }
    assert!(checked >= 7, "checked {checked}");
}

/// Real documents the corpus README says are not records, and why.
const MUST_FAIL: &[(&str, asalee_core::ErrorKind)] = &[
    (
        "an-dyn-l15-qe-44415-text.txt",
        asalee_core::ErrorKind::MissingNumber,
    ),
    (
        "an-fiche-l11-qe-73828-text.txt",
        asalee_core::ErrorKind::MissingNumber,
    ),
    (
        "senat-1980-qe-302705-text.txt",
        asalee_core::ErrorKind::MissingNumber,
    ),
    (
        "senat-2009-qe-11244-text.txt",
        asalee_core::ErrorKind::MissingNumber,
    ),
    (
        "senat-2021-qe-23812-text.txt",
        asalee_core::ErrorKind::MissingNumber,
    ),
    (
        "jo-issues-front-matter-text.txt",
        asalee_core::ErrorKind::NotAQuestion,
    ),
];

#[test]
fn every_real_document_parses_or_fails_as_stated() {
    let Some(shared) = shared() else { return };
    for entry in std::fs::read_dir(shared.join("corpus/real")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if name.ends_with(".md") {
            continue;
        }
        let results: Vec<_> =
            asalee_core::parse_all_bytes(&std::fs::read(&path).unwrap()).collect();
        assert_eq!(results.len(), 1, "{name}: one document");
        match MUST_FAIL.iter().find(|(n, _)| *n == name) {
            Some((_, kind)) => {
                let err = results[0].as_ref().expect_err(&name);
                assert_eq!(err.kind(), *kind, "{name}: {err}");
            }
            None => {
                let q = results[0]
                    .as_ref()
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
                assert!(
                    q.question_text.is_some() || q.answer_text.is_some() || q.closed.is_some(),
                    "{name}"
                );
            }
        }
    }
}
