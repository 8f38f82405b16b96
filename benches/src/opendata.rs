//! Whole-legislature open-data exports for the benches: the project's open-data questions (the
//! real question au Gouvernement, the authored written question, the variants), repeated with
//! their own numbers, as one `{"questionsEcrites": {"question": […]}}` JSON file or the same
//! `<questionsEcrites>` XML.

use serde_json::{Map, Value};

use crate::adversarial::build;

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

/// `count` per-question JSON files, as the AN's `Questions_ecrites.json.zip` holds them
/// (`{"question": {…}}`, one file a question, named by its `uid`), zipped with deflate: the
/// sources' questions in turn, question `i` numbered `i`.
pub fn archive(count: usize) -> Vec<u8> {
    use std::io::Write;
    let sources = questions();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for n in 1..=count.max(1) {
        let mut q = sources[(n - 1) % sources.len()].clone();
        renumber(&mut q, n);
        let uid = q
            .get("uid")
            .and_then(Value::as_str)
            .unwrap_or("q")
            .to_owned();
        let file = serde_json::json!({ "question": q });
        zip.start_file(format!("json/{uid}.json"), options)
            .expect("writing to memory");
        zip.write_all(
            serde_json::to_string_pretty(&file)
                .unwrap_or_default()
                .as_bytes(),
        )
        .expect("writing to memory");
    }
    zip.finish().expect("writing to memory").into_inner()
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

const XML_DECL: &[u8] = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

/// A whole-legislature export cut at exactly `size` bytes: every question but the last whole, the
/// last cut in the middle of a value, and the list and its objects never closed.
fn truncated(size: usize, form: Form) -> Vec<u8> {
    let mut out = legislature(size, form).0;
    out.truncate(size);
    out
}

/// A JSON whole-legislature export cut at exactly `size` bytes.
pub fn truncated_json(size: usize) -> Vec<u8> {
    truncated(size, Form::Json)
}

/// An XML whole-legislature export cut at exactly `size` bytes.
pub fn truncated_xml(size: usize) -> Vec<u8> {
    truncated(size, Form::Xml)
}

/// `head`, `open` nested to half the rest and `close` the other half, then `tail`.
fn nested(size: usize, head: &[u8], open: &[u8], close: &[u8], tail: &[u8]) -> Vec<u8> {
    let depth = size.saturating_sub(head.len() + tail.len()) / (open.len() + close.len());
    let (mut opened, mut closed) = (0, 0);
    build(
        size,
        head,
        |o| {
            if opened < depth {
                o.extend_from_slice(open);
                opened += 1;
            } else if closed < depth {
                o.extend_from_slice(close);
                closed += 1;
            }
        },
        b' ',
        tail,
    )
}

/// `{"question": {"a": {"a": …}}}` nested to the size: past the depth limit, one error.
pub fn deep_json(size: usize) -> Vec<u8> {
    nested(size, b"{\"question\": ", b"{\"a\": ", b"}", b"0}\n")
}

/// `<question><a><a>…</a></a></question>` nested to the size: past the depth limit, one error.
pub fn deep_xml(size: usize) -> Vec<u8> {
    let head = [XML_DECL, b"<question>".as_slice()].concat();
    nested(size, &head, b"<a>", b"</a>", b"</question>\n")
}

/// The authored written question (QE 21874), changed by `edit`, as one document of `form`, cut
/// at its question's `texte`: the bytes before and after the text.
fn around(form: Form, edit: impl FnOnce(&mut Value)) -> (Vec<u8>, Vec<u8>) {
    const MARKER: &str = "@@asalee-adversary@@";
    let mut q = questions().swap_remove(0);
    edit(&mut q);
    let pointer = "/textesQuestion/texteQuestion/texte";
    if let Some(t) = q.pointer_mut(pointer) {
        *t = Value::String(MARKER.into());
    }
    let mut doc = Vec::new();
    match form {
        Form::Json => {
            doc.extend_from_slice(b"{\"question\": ");
            doc.extend_from_slice(serde_json::to_string(&q).unwrap_or_default().as_bytes());
            doc.extend_from_slice(b"}\n");
        }
        Form::Xml => {
            doc.extend_from_slice(XML_DECL);
            element(&mut doc, "question", &q);
            doc.push(b'\n');
        }
    }
    let at = memchr::memmem::find(&doc, MARKER.as_bytes()).unwrap_or(doc.len());
    let tail = doc.split_off(at);
    (doc, tail.get(MARKER.len()..).unwrap_or_default().to_vec())
}

/// HTML-ish text, the way the AN writes a question's text (`<br/>`, `<p>`, entities, accents).
const HTML_TEXT: &str = "M. Jean Dupont attire l'attention de Mme la ministre des solidarités sur le financement des infirmières.<br/><p align=CENTER>Les <strong>protocoles</strong> de coopération&nbsp;: état des lieux</p> ";

/// One question whose text (`texte`) is `size` bytes of HTML-ish text.
fn huge_string(size: usize, form: Form) -> Vec<u8> {
    let (head, tail) = around(form, |_| {});
    let mut unit = Vec::new();
    match form {
        Form::Json => unit.extend_from_slice(HTML_TEXT.as_bytes()),
        Form::Xml => escape(&mut unit, HTML_TEXT),
    }
    build(size, &head, |o| o.extend_from_slice(&unit), b' ', &tail)
}

/// One JSON question whose `texte` is one string of HTML-ish text to the size.
pub fn huge_string_json(size: usize) -> Vec<u8> {
    huge_string(size, Form::Json)
}

/// One XML question whose `<texte>` is HTML-ish text (escaped) to the size.
pub fn huge_string_xml(size: usize) -> Vec<u8> {
    huge_string(size, Form::Xml)
}

/// One question that starts with distinct unknown keys (`"k1": "v"`, `<k1>v</k1>`) to the size,
/// then its own fields: every unknown key goes to `other_fields` with a warning.
fn key_flood(size: usize, form: Form) -> Vec<u8> {
    let (head, tail) = around(form, |q| {
        if let Some(t) = q.pointer_mut("/textesQuestion/texteQuestion/texte") {
            *t = Value::String("Texte.".into());
        }
    });
    let mut doc = [head, b"Texte.".to_vec(), tail].concat();
    // The flood goes right after the question's opening: `{"question": {` or `<question …>`.
    let open = match form {
        Form::Json => b"{\"question\": {".len(),
        Form::Xml => {
            let start = XML_DECL.len();
            start
                + doc[start..]
                    .iter()
                    .position(|&b| b == b'>')
                    .map_or(0, |p| p + 1)
        }
    };
    let tail = doc.split_off(open.min(doc.len()));
    let mut n = 0u64;
    build(
        size,
        &doc,
        |o| {
            n += 1;
            match form {
                Form::Json => o.extend_from_slice(format!("\"k{n}\": \"v\", ").as_bytes()),
                Form::Xml => o.extend_from_slice(format!("<k{n}>v</k{n}>").as_bytes()),
            }
        },
        b' ',
        &tail,
    )
}

/// One JSON question with tens of thousands of distinct unknown keys before its own fields.
pub fn key_flood_json(size: usize) -> Vec<u8> {
    key_flood(size, Form::Json)
}

/// One XML question with tens of thousands of distinct unknown child elements before its own.
pub fn key_flood_xml(size: usize) -> Vec<u8> {
    key_flood(size, Form::Xml)
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

    #[test]
    fn the_adversaries_parse_as_they_should() {
        for make in [truncated_json, truncated_xml] {
            let records: Vec<_> = asalee_core::parse_all_bytes(&make(200_003)).collect();
            assert!(records.len() > 10);
            assert!(records[..records.len() - 1].iter().all(Result::is_ok));
            assert!(records.last().is_some_and(Result::is_err));
        }
        for make in [deep_json, deep_xml] {
            let records: Vec<_> = asalee_core::parse_all_bytes(&make(100_000)).collect();
            assert!(!records.is_empty() && records.iter().all(Result::is_err));
        }
        for make in [huge_string_json, huge_string_xml] {
            let q = asalee_core::parse_bytes(&make(100_000)).unwrap();
            assert_eq!(q.number, 21874);
            assert!(q.question_text.unwrap_or_default().len() > 50_000);
        }
        for make in [key_flood_json, key_flood_xml] {
            let q = asalee_core::parse_bytes(&make(100_000)).unwrap();
            assert_eq!(q.number, 21874);
            assert!(q.question_text.is_some() && q.answer_text.is_some());
            assert!(q.other_fields.len() > 5000, "{}", q.other_fields.len());
            assert!(q.warnings.len() >= q.other_fields.len());
        }
    }
}
