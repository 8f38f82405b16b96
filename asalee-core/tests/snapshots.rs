//! Golden records for every document fixture (seeds, authored, real pages, and the variants
//! written for asalee: other renderings, encodings, missing fields). Each snapshot holds what
//! `parse_all` yields for the file: records, or errors with their position.
//!
//! Review changes with `INSTA_UPDATE=always cargo test -p asalee-core --test snapshots` and `git diff`.

mod common;

use serde_json::Value;

#[test]
fn every_fixture() {
    insta::glob!(
        "../../fixtures",
        "{seeds,authored,real,variants,written}/*",
        |path| {
            let bytes = std::fs::read(path).unwrap();
            let results: Vec<Value> = asalee_core::parse_all_bytes(&bytes)
                .map(|r| common::result_json(&r))
                .collect();
            insta::assert_json_snapshot!(results);
        }
    );
}
