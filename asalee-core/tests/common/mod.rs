//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use asalee_core::{ParseError, Question};
use serde_json::{json, Value};

/// The project's fixture folder.
pub(crate) fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

/// Every file of a fixture subfolder, sorted.
pub(crate) fn files(sub: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(fixtures().join(sub))
        .unwrap_or_else(|e| panic!("{sub}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

/// Every document fixture (seeds, authored, real, variants).
pub(crate) fn all_documents() -> Vec<PathBuf> {
    ["seeds", "authored", "real", "variants", "written"]
        .iter()
        .flat_map(|s| files(s))
        .collect()
}

/// A result as JSON: the record, or the error's kind, position and message.
pub(crate) fn result_json(r: &Result<Question, ParseError>) -> Value {
    match r {
        Ok(q) => json!({ "ok": serde_json::from_str::<Value>(&q.to_json()).unwrap() }),
        Err(e) => json!({
            "error": { "kind": e.kind().as_str(), "line": e.line(), "column": e.column(), "message": e.message() }
        }),
    }
}

/// The record's JSON value, keys in the order they were written.
pub(crate) fn record_json(q: &Question) -> Value {
    serde_json::from_str(&q.to_json()).unwrap()
}

/// The keys of a JSON object, in order.
pub(crate) fn keys(v: &Value) -> Vec<String> {
    v.as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}
