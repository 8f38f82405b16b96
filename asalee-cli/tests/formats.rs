//! The `asalee` command's output formats: JSON Lines, CSV read back as the records, one JSON
//! array, `--pretty` and `--source`, over every fixture of the project.

mod common;

use std::path::{Path, PathBuf};

use serde_json::Value;

use common::*;

const COLUMNS: [&str; 33] = [
    "uid",
    "chamber",
    "legislature",
    "kind",
    "number",
    "title",
    "author_civility",
    "author_name",
    "author_group",
    "author_department",
    "author_constituency",
    "author_region",
    "author_ref",
    "ministry_asked",
    "ministry_answering",
    "rubric",
    "analysis_heading",
    "analysis",
    "question_published_date",
    "question_published_page",
    "answer_published_date",
    "answer_published_page",
    "flagged_on",
    "reassigned_on",
    "renewed_on",
    "closed_date",
    "closed_reason",
    "errata",
    "question_text",
    "answer_text",
    "other_fields",
    "warnings",
    "layout",
];

/// A JSON value as its CSV cell: null is empty, strings as they are.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The CSV cell a record's column must hold, read from the JSON record (docs/decisions.md, "Flat
/// tables"): dates of a list separated by a space, a list of parts as its JSON array, an empty
/// list as an empty cell.
fn expected_cell(record: &Value, column: &str) -> String {
    let items = |column: &str| record[column].as_array().expect("a list").clone();
    match column {
        "reassigned_on" | "renewed_on" => {
            items(column).iter().map(cell).collect::<Vec<_>>().join(" ")
        }
        "errata" | "other_fields" | "warnings" if items(column).is_empty() => String::new(),
        "errata" | "other_fields" | "warnings" => record[column].to_string(),
        _ => {
            for object in ["author", "question_published", "answer_published", "closed"] {
                if let Some(part) = column
                    .strip_prefix(object)
                    .and_then(|r| r.strip_prefix('_'))
                {
                    return cell(&record[object][part]);
                }
            }
            cell(&record[column])
        }
    }
}

#[test]
fn csv_reads_back_as_the_json_records() {
    let inputs = every_fixture();
    let jsonl = asalee(std::iter::once(PathBuf::from("parse")).chain(inputs.iter().cloned()));
    let csv_out = asalee(
        ["parse", "--format", "csv"]
            .iter()
            .map(PathBuf::from)
            .chain(inputs.iter().cloned()),
    );
    assert_eq!(code(&csv_out), code(&jsonl));
    assert_eq!(csv_out.stderr, jsonl.stderr);
    let records = jsonl_records(&jsonl.stdout);
    assert!(
        records.len() >= 6,
        "the seeds and the authored document at least"
    );

    let mut reader = csv::Reader::from_reader(&csv_out.stdout[..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, COLUMNS);
    // Every field of the record has its column(s): nothing is dropped.
    for key in records[0].as_object().unwrap().keys() {
        assert!(
            header
                .iter()
                .any(|c| c == key || c.starts_with(&format!("{key}_"))),
            "no column for `{key}`"
        );
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a CSV row")).collect();
    assert_eq!(rows.len(), records.len());
    let mut multi_line = 0;
    for (row, record) in rows.iter().zip(&records) {
        assert_eq!(row.len(), COLUMNS.len());
        for (column, value) in COLUMNS.iter().zip(row.iter()) {
            assert_eq!(
                value,
                expected_cell(record, column),
                "record {} column {column}",
                record["number"]
            );
        }
        multi_line += usize::from(row.iter().any(|v| v.contains('\n')));
    }
    assert!(
        multi_line > 0,
        "texts with several paragraphs are kept whole"
    );

    // With --source, a last column holds the input's path.
    let seed = fixtures().join("seeds/000_b712eef2958484e0.txt");
    let output = asalee([
        Path::new("parse"),
        Path::new("--format=csv"),
        Path::new("--source"),
        &seed,
    ]);
    let mut reader = csv::Reader::from_reader(&output.stdout[..]);
    assert_eq!(reader.headers().unwrap().iter().next_back(), Some("source"));
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(
        row.iter().next_back(),
        Some(seed.display().to_string().as_str())
    );

    // With --bom, a UTF-8 byte-order mark first; the rest is the same.
    let bom = asalee([
        Path::new("parse"),
        Path::new("--format=csv"),
        Path::new("--source"),
        Path::new("--bom"),
        &seed,
    ]);
    assert_eq!(bom.stdout[..3], [0xEF, 0xBB, 0xBF]);
    assert_eq!(bom.stdout[3..], output.stdout[..]);
}

#[test]
fn json_is_one_valid_array() {
    let inputs = every_fixture();
    let jsonl = asalee(std::iter::once(PathBuf::from("parse")).chain(inputs.iter().cloned()));
    let records = jsonl_records(&jsonl.stdout);
    for pretty in [false, true] {
        let mut args = vec![PathBuf::from("parse"), "--format".into(), "json".into()];
        if pretty {
            args.push("--pretty".into());
        }
        let output = asalee(args.into_iter().chain(inputs.iter().cloned()));
        assert_eq!(output.stderr, jsonl.stderr);
        let array: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
        assert_eq!(array.as_array().expect("an array"), &records);
    }
    // No record at all is an empty array.
    let bad = fixtures().join("real/senat-1980-qe-302705-text.txt");
    let output = asalee([
        Path::new("parse"),
        Path::new("--format"),
        Path::new("json"),
        &bad,
    ]);
    assert_eq!(text(&output.stdout), "[]\n");
    assert_eq!(code(&output), 1);
}

#[test]
fn pretty_and_source() {
    let seed = fixtures().join("seeds/001_d8e80435b845cd87.txt");
    let plain = jsonl_records(&asalee([Path::new("parse"), &seed]).stdout);
    let pretty = asalee([Path::new("parse"), Path::new("--pretty"), &seed]);
    assert!(text(&pretty.stdout).lines().count() > 20, "indented");
    assert_eq!(
        serde_json::from_slice::<Value>(&pretty.stdout).unwrap(),
        plain[0]
    );
    let sourced = jsonl_records(&asalee([Path::new("parse"), Path::new("--source"), &seed]).stdout);
    let mut want = plain[0].clone();
    want["source"] = Value::String(seed.display().to_string());
    assert_eq!(sourced[0], want);
}
