//! Whole-legislature open-data exports for the benches: the project's open-data questions (the
//! real question au Gouvernement, the authored written question, the variants), repeated with
//! their own numbers, as one `{"questionsEcrites": {"question": […]}}` JSON file or the same
//! `<questionsEcrites>` XML.

use serde_json::{Map, Value};

/// The form of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// `{"questionsEcrites": {"question": [...]}}`.
    Json,
    /// `<questionsEcrites><question>…</question>…</questionsEcrites>`.
    Xml,
}

const SOURCES: [&str; 5] = [
    include_str!("../../fixtures/authored/an-opendata-l15-qe-answered.json"),
    include_str!("../../fixtures/real/an-opendata-l16-qg-1.json"),
    include_str!("../../fixtures/variants/an-opendata-l15-qosd-withdrawn.json"),
    include_str!("../../fixtures/variants/an-opendata-l14-qe-3200.json"),
    include_str!("../../fixtures/variants/an-opendata-l16-legislature.json"),
];

/// The question objects of the sources.
pub fn questions() -> Vec<Value> {
    let mut out = Vec::new();
    for s in SOURCES {
        let v: Value = serde_json::from_str(s).expect("the fixtures are JSON");
        match v.pointer("/questionsEcrites/question") {
            Some(Value::Array(items)) => out.extend(items.iter().cloned()),
            _ => out.extend(v.get("question").cloned()),
        }
    }
    out
}

/// A whole-legislature export of at least `size` bytes (and at least one question), the
/// sources' questions in turn, question `i` numbered `i`; and how many questions it holds.
pub fn legislature(size: usize, form: Form) -> (Vec<u8>, usize) {
    let sources = questions();
    let mut out = Vec::with_capacity(size + 64 * 1024);
    match form {
        Form::Json => out.extend_from_slice(b"{\"questionsEcrites\": {\"question\": [\n"),
        Form::Xml => out.extend_from_slice(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<questionsEcrites xmlns=\"http://schemas.assemblee-nationale.fr/referentiel\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"),
    }
    let mut n = 0;
    while n == 0 || out.len() < size {
        let mut q = sources[n % sources.len()].clone();
        n += 1;
        renumber(&mut q, n);
        match form {
            Form::Json => {
                if n > 1 {
                    out.extend_from_slice(b",\n");
                }
                out.extend_from_slice(serde_json::to_string(&q).unwrap_or_default().as_bytes());
            }
            Form::Xml => {
                element(&mut out, "question", &q);
                out.push(b'\n');
            }
        }
    }
    match form {
        Form::Json => out.extend_from_slice(b"\n]}}\n"),
        Form::Xml => out.extend_from_slice(b"</questionsEcrites>\n"),
    }
    (out, n)
}

/// Gives question `q` the number `n` (its `uid` and `identifiant.numero`).
fn renumber(q: &mut Value, n: usize) {
    let kind = q
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or("QE")
        .to_owned();
    let leg = q
        .pointer("/identifiant/legislature")
        .and_then(Value::as_str)
        .unwrap_or("16")
        .to_owned();
    if let Some(obj) = q.as_object_mut() {
        obj.insert("uid".into(), Value::String(format!("QANR5L{leg}{kind}{n}")));
    }
    if let Some(id) = q.get_mut("identifiant").and_then(Value::as_object_mut) {
        id.insert("numero".into(), Value::String(n.to_string()));
    }
}

/// Writes `value` as the XML element `name` the way the AN's XML export writes it: `@` keys as
/// attributes, lists as repeated elements, null as `xsi:nil`, text escaped.
fn element(out: &mut Vec<u8>, name: &str, value: &Value) {
    match value {
        Value::Array(items) => {
            for item in items {
                element(out, name, item);
            }
        }
        Value::Null => out.extend_from_slice(format!("<{name} xsi:nil=\"true\"/>").as_bytes()),
        Value::Object(map) => object(out, name, map),
        other => {
            let text = match other {
                Value::String(s) => s.clone(),
                v => v.to_string(),
            };
            out.extend_from_slice(format!("<{name}>").as_bytes());
            escape(out, &text);
            out.extend_from_slice(format!("</{name}>").as_bytes());
        }
    }
}

fn object(out: &mut Vec<u8>, name: &str, map: &Map<String, Value>) {
    out.extend_from_slice(format!("<{name}").as_bytes());
    for (k, v) in map {
        if let (Some(attr), Some(v)) = (k.strip_prefix('@'), v.as_str()) {
            out.extend_from_slice(format!(" {attr}=\"").as_bytes());
            escape(out, v);
            out.push(b'"');
        }
    }
    out.push(b'>');
    for (k, v) in map.iter().filter(|(k, _)| !k.starts_with('@')) {
        element(out, k, v);
    }
    out.extend_from_slice(format!("</{name}>").as_bytes());
}

fn escape(out: &mut Vec<u8>, text: &str) {
    for c in text.chars() {
        match c {
            '<' => out.extend_from_slice(b"&lt;"),
            '>' => out.extend_from_slice(b"&gt;"),
            '&' => out.extend_from_slice(b"&amp;"),
            '"' => out.extend_from_slice(b"&quot;"),
            c => {
                let mut buf = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_of_both_forms_parses() {
        for form in [Form::Json, Form::Xml] {
            let (bytes, n) = legislature(200_000, form);
            let records: Vec<_> = asalee_core::parse_all_bytes(&bytes).collect();
            assert_eq!(records.len(), n, "{form:?}");
            for (i, r) in records.iter().enumerate() {
                let q = r.as_ref().unwrap_or_else(|e| panic!("{form:?} {i}: {e}"));
                assert_eq!(q.number, i as u64 + 1);
            }
        }
    }
}
