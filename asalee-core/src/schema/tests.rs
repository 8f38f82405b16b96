//! The table against the Rust types: a record built from the table alone reads into a
//! [`Question`] and writes back to the same JSON text, so every name, order and type agrees.

use serde_json::{json, Map, Value};

use super::*;
use crate::{Chamber, ErratumOf, ErrorKind, Kind, Layout, Question};

/// A value of type `ty` with every part given (`n` varies the values).
fn full(ty: &Type, n: u64) -> Value {
    match ty {
        Type::Text => json!(format!("texte {n}")),
        Type::Int => json!(n + 1),
        Type::Date => json!(format!("20{:02}-0{}-1{}", n % 100, 1 + n % 9, n % 10)),
        Type::Code(code) => json!(code.values[(n as usize) % code.values.len()]),
        Type::Record(r) => object(r, |ty, i| full(ty, n + i)),
        Type::Optional(inner) => full(inner, n),
        Type::List(inner) => json!([full(inner, n), full(inner, n + 1)]),
    }
}

/// A value of type `ty` with nothing optional given.
fn empty(ty: &Type) -> Value {
    match ty {
        Type::Optional(_) => Value::Null,
        Type::List(_) => json!([]),
        Type::Record(r) => object(r, |ty, _| empty(ty)),
        other => full(other, 0),
    }
}

fn object(r: &Record, mut value: impl FnMut(&Type, u64) -> Value) -> Value {
    let mut out = Map::new();
    for (i, f) in r.fields.iter().enumerate() {
        out.insert(f.name.to_owned(), value(f.ty, i as u64));
    }
    Value::Object(out)
}

fn round_trip(record: &Value) {
    let text = record.to_string();
    let q: Question = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    assert_eq!(q.to_json(), text, "the table and the Rust types disagree");
}

#[test]
fn a_record_made_from_the_table_is_a_question() {
    let question = Type::Record(&QUESTION);
    round_trip(&full(&question, 0));
    round_trip(&full(&question, 7));
    round_trip(&empty(&question));
}

#[test]
fn a_record_with_one_more_field_is_not() {
    let mut record = full(&Type::Record(&QUESTION), 0);
    record
        .as_object_mut()
        .unwrap()
        .insert("extra".into(), json!(1));
    let q: Question = serde_json::from_value(record.clone()).unwrap();
    assert_ne!(q.to_json(), record.to_string());
}

#[test]
fn every_part_is_listed_once() {
    let mut names: Vec<&str> = RECORDS.iter().map(|r| r.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), RECORDS.len());
    for r in RECORDS {
        for f in r.fields {
            if let Some(nested) = f.ty.record() {
                assert!(
                    record(nested.name).is_some(),
                    "{} is not in RECORDS",
                    nested.name
                );
            }
        }
    }
    assert_eq!(RECORDS.last().map(|r| r.name), Some("Question"));
}

/// The codes of the Rust enums, each variant named in an exhaustive match (a new variant does not
/// compile until it is listed here, and then the test asks for it in the table).
fn rust_codes(name: &str) -> Vec<&'static str> {
    fn chamber(c: Chamber) -> &'static str {
        match c {
            Chamber::An | Chamber::Senat => c.as_str(),
        }
    }
    fn kind(k: Kind) -> &'static str {
        match k {
            Kind::Qe | Kind::Qosd | Kind::Qg => k.as_str(),
        }
    }
    fn layout(l: Layout) -> &'static str {
        match l {
            Layout::AnFiche
            | Layout::AnLegacy
            | Layout::AnDyn
            | Layout::AnCurrent
            | Layout::Plain
            | Layout::Senat
            | Layout::AnOpendata
            | Layout::AnXml
            | Layout::Jo => l.as_str(),
        }
    }
    fn erratum_of(o: ErratumOf) -> &'static str {
        match o {
            ErratumOf::Question | ErratumOf::Answer => o.as_str(),
        }
    }
    fn error_kind(k: ErrorKind) -> &'static str {
        match k {
            ErrorKind::NotAQuestion
            | ErrorKind::MissingNumber
            | ErrorKind::MissingText
            | ErrorKind::Strict
            | ErrorKind::Io => k.as_str(),
        }
    }
    match name {
        "Chamber" => vec![chamber(Chamber::An), chamber(Chamber::Senat)],
        "Kind" => [Kind::Qe, Kind::Qosd, Kind::Qg].map(kind).to_vec(),
        "Layout" => [
            Layout::AnFiche,
            Layout::AnLegacy,
            Layout::AnDyn,
            Layout::AnCurrent,
            Layout::Plain,
            Layout::Senat,
            Layout::AnOpendata,
            Layout::AnXml,
            Layout::Jo,
        ]
        .map(layout)
        .to_vec(),
        "ErratumOf" => [ErratumOf::Question, ErratumOf::Answer]
            .map(erratum_of)
            .to_vec(),
        "ErrorKind" => [
            ErrorKind::NotAQuestion,
            ErrorKind::MissingNumber,
            ErrorKind::MissingText,
            ErrorKind::Strict,
            ErrorKind::Io,
        ]
        .map(error_kind)
        .to_vec(),
        // Not an enum in Rust: the grammar's `civility` gives these three.
        "Civility" => vec!["M.", "Mme", "Mlle"],
        other => panic!("no Rust type for the code {other}"),
    }
}

#[test]
fn the_codes_are_the_rust_enums() {
    for code in CODES {
        assert_eq!(code.values, rust_codes(code.name), "{}", code.name);
    }
}
