//! The AN's open data (`an-opendata`, `an-xml`): the real files' records checked by hand
//! (`fixtures/expected-real`), the variants' facts, JSON and XML forms agreeing, a page and its
//! export agreeing, malformed and truncated documents failing where they break, and hostile
//! inputs (deep nesting, huge strings, key floods) costing neither a panic nor more than linear
//! time.

mod common;

use asalee_core::{parse_all_bytes, parse_bytes, Date, ErratumOf, ErrorKind, Layout, Question};
use common::{fixtures, keys, record_json};
use serde_json::Value;

fn read(rel: &str) -> Vec<u8> {
    std::fs::read(fixtures().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn all(bytes: &[u8]) -> Vec<Question> {
    parse_all_bytes(bytes)
        .map(|r| r.unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

#[test]
fn real_files_give_their_records_checked_by_hand() {
    for (doc, want) in [
        (
            "real/an-opendata-l16-qg-1.json",
            "expected-real/an-opendata-l16-qg-1.json",
        ),
        (
            "real/an-xml-l14-qe-47351.xml",
            "expected-real/an-xml-l14-qe-47351.json",
        ),
    ] {
        let want: Value = serde_json::from_slice(&read(want)).unwrap();
        let got = record_json(&parse_bytes(&read(doc)).unwrap());
        assert_eq!(got, want, "{doc}");
        assert_eq!(keys(&got), keys(&want), "{doc}");
    }
}

#[test]
fn the_real_question_au_gouvernement() {
    let q = parse_bytes(&read("real/an-opendata-l16-qg-1.json")).unwrap();
    assert_eq!(q.layout, Layout::AnOpendata);
    assert_eq!(q.uid.as_deref(), Some("QANR5L16QG1"));
    // `textesQuestion` is null: no question text, so no name from its opening words.
    assert_eq!(q.question_text, None);
    let a = q.author.unwrap();
    assert_eq!((a.civility, a.name), (None, None));
    assert_eq!(a.reference.as_deref(), Some("PA720614"));
    // The stray `</p>` and the centred séance title: the title is the answer's first paragraph.
    let answer = q.answer_text.unwrap();
    assert!(answer.starts_with("EXPULSION DES ÉTRANGERS CONDAMNÉS\nMme la présidente. La parole est à Mme Marine Le Pen.\n"));
    assert!(
        answer.ends_with("et concernant les OQTF ? (Applaudissements sur les bancs du groupe RN.)")
    );
    // `cloture` REP_PUB is an answer, not a withdrawal; its infoJO page is bookkeeping.
    assert_eq!(q.closed, None);
    assert_eq!(q.answer_published.unwrap().page, None);
    assert!(q.other_fields.is_empty() && q.warnings.is_empty());
}

#[test]
fn the_real_site_xml() {
    let q = parse_bytes(&read("real/an-xml-l14-qe-47351.xml")).unwrap();
    assert_eq!(q.layout, Layout::AnXml);
    let a = q.author.unwrap();
    assert_eq!(a.name.as_deref(), Some("François Cornut-Gentille"));
    assert_eq!(
        (a.constituency, a.reference.as_deref()),
        (Some(2), Some("PA923"))
    );
    // The second MINA/ORDRE (same ministry, new government) is a change of attribution.
    assert_eq!(q.reassigned_on, [d("2014-04-03")]);
    assert_eq!(q.renewed_on, [d("2014-04-15")]);
    // Empty ERRATUM_* and SIGNALEMENT elements are absent values.
    assert!(q.errata.is_empty() && q.flagged_on.is_none());
    let answer = q.answer_text.unwrap();
    assert!(
        answer.contains("\n10 10 23,30 37,60 12 194 588\n"),
        "{answer}"
    );
}

#[test]
fn a_withdrawn_oral_question_with_every_dated_list() {
    let q = parse_bytes(&read("variants/an-opendata-l15-qosd-withdrawn.json")).unwrap();
    assert_eq!(q.uid.as_deref(), Some("QANR5L15QOSD812"));
    // DD/MM/YYYY and ISO dates alike; every minAttrib after the first is a change.
    assert_eq!(q.question_published.unwrap().date, d("2019-03-12"));
    assert_eq!(q.reassigned_on, [d("2019-10-17"), d("2020-07-07")]);
    assert_eq!(q.ministry_answering.as_deref(), Some("Mer"));
    assert_eq!(q.renewed_on, [d("2019-09-17"), d("2020-03-17")]);
    let closed = q.closed.unwrap();
    assert_eq!(closed.date, Some(d("2020-09-15")));
    assert_eq!(
        closed.reason.as_deref(),
        Some("Retrait à l'initiative de l'auteur")
    );
    assert_eq!(q.errata.len(), 1);
    assert_eq!(
        (q.errata[0].of, q.errata[0].page),
        (ErratumOf::Question, Some(2512))
    );
    assert_eq!(
        q.analysis.as_deref(),
        Some("maintien. desserte des territoires.")
    );
    // Unknown non-empty keys are kept with their path, each with a warning at the question.
    let labels: Vec<&str> = q.other_fields.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(
        labels,
        ["indexationAN.rubriqueTa", "auteur.groupe.abrege", "dateMaj"]
    );
    assert_eq!(q.warnings.len(), 3);
    assert!(q.warnings.iter().all(|w| w.line == 2));
    let a = q.author.unwrap();
    assert_eq!(a.name.as_deref(), Some("Élodie Martin-Lefèvre"));
    assert_eq!(a.group, None);
}

#[test]
fn a_whole_legislature_in_json_and_in_xml() {
    let json = all(&read("variants/an-opendata-l16-legislature.json"));
    let xml = all(&read("variants/an-opendata-l16-legislature.xml"));
    let uids: Vec<_> = json.iter().map(|q| q.uid.clone().unwrap()).collect();
    assert_eq!(uids, ["QANR5L16QE101", "QANR5L16QG102", "QANR5L16QOSD103"]);
    // The same records, warnings' lines aside (the two files are laid out differently).
    let strip = |mut q: Question| {
        q.warnings.clear();
        q
    };
    let json: Vec<_> = json.into_iter().map(strip).collect();
    let xml: Vec<_> = xml.into_iter().map(strip).collect();
    assert_eq!(json, xml);
    let qe = &json[0];
    assert_eq!(qe.question_text.as_deref(), Some("M. Jean-Luc Bernard interroge M. le ministre sur les aides à l'élevage & au pastoralisme.\nIl lui demande un calendrier."));
    assert_eq!(
        qe.answer_text.as_deref(),
        Some("Les aides sont versées.\n2022 10 M€")
    );
    assert_eq!(
        qe.errata
            .iter()
            .map(|e| (e.date, e.page))
            .collect::<Vec<_>>(),
        [(d("2022-11-15"), Some(5480)), (d("2022-11-22"), None)]
    );
    assert_eq!(qe.flagged_on, Some(d("2022-10-24")));
    let qosd = &json[2];
    assert_eq!(
        qosd.closed.as_ref().unwrap().reason.as_deref(),
        Some("Fin de mandat")
    );
    assert_eq!(
        qosd.author.as_ref().unwrap().name.as_deref(),
        Some("Anne-Sophie de La Tour du Pin")
    );
    // `parse` reads the first and says more follow.
    let first = parse_bytes(&read("variants/an-opendata-l16-legislature.json")).unwrap();
    assert_eq!(first.uid.as_deref(), Some("QANR5L16QE101"));
    assert_eq!(first.warnings.len(), 1);
}

/// The page of question 3200 and its export form (written from the page): every field both
/// give agrees, and the JSON and XML forms give one record.
#[test]
fn a_page_and_its_export_agree() {
    let page = parse_bytes(&read("real/an-legacy-l14-qe-3200.html")).unwrap();
    let json = parse_bytes(&read("variants/an-opendata-l14-qe-3200.json")).unwrap();
    let xml = parse_bytes(&read("variants/an-opendata-l14-qe-3200.xml")).unwrap();
    assert_eq!(json, xml);
    let (p, o) = (record_json(&page), record_json(&json));
    let mut compared = 0;
    for (key, pv) in p.as_object().unwrap() {
        if key == "layout" {
            continue;
        }
        compared += agree(key, pv, &o[key]);
    }
    assert!(compared >= 20, "{compared} fields compared");
    assert_eq!(page.author.unwrap().reference.as_deref(), Some("PA607603"));
}

/// Whether two values agree where both are given (objects part by part); the parts compared.
fn agree(path: &str, a: &Value, b: &Value) -> usize {
    match (a, b) {
        (Value::Null, _) | (_, Value::Null) => 0,
        (Value::Object(x), Value::Object(y)) => x
            .iter()
            .map(|(k, v)| agree(&format!("{path}.{k}"), v, &y[k]))
            .sum(),
        (Value::Array(x), Value::Array(y)) if x.is_empty() || y.is_empty() => 0,
        _ => {
            assert_eq!(a, b, "{path}");
            1
        }
    }
}

#[test]
fn open_data_among_other_documents() {
    let page = String::from_utf8(read("seeds/002_3668855410b903a6.txt")).unwrap();
    let json = String::from_utf8(read("authored/an-opendata-l15-qe-answered.json")).unwrap();
    let xml = String::from_utf8(read("real/an-xml-l14-qe-47351.xml")).unwrap();
    let input = format!("{page}\n{json}\n{xml}\n{page}");
    let got: Vec<Layout> = parse_all_bytes(input.as_bytes())
        .map(|r| r.unwrap().layout)
        .collect();
    assert_eq!(
        got,
        [
            Layout::AnCurrent,
            Layout::AnOpendata,
            Layout::AnXml,
            Layout::AnCurrent
        ]
    );
    // JSON Lines: one question a line.
    let one_line: Value = serde_json::from_str(&json).unwrap();
    let lines = format!("{one_line}\n{one_line}\n{one_line}\n");
    assert_eq!(all(lines.as_bytes()).len(), 3);
    // A top-level list of documents.
    let list = format!("[{one_line}, {one_line}]");
    assert_eq!(all(list.as_bytes()).len(), 2);
}

fn error(input: &str) -> asalee_core::ParseError {
    let mut results = parse_all_bytes(input.as_bytes());
    results.next().unwrap().unwrap_err()
}

#[test]
fn malformed_and_truncated_documents_fail_where_they_break() {
    let e = error("{\"question\": {\n  \"uid\": \"Q\",\n  \"type\": QE\n}}\n");
    assert_eq!(
        (e.kind(), e.line(), e.column()),
        (ErrorKind::NotAQuestion, 3, 11)
    );
    assert!(e.message().starts_with("malformed JSON"), "{e}");
    // Truncated: at the end of the input.
    let e = error("{\"question\": {\n  \"uid\": \"QANR5L15Q");
    assert_eq!((e.line(), e.column()), (2, 20));
    // Columns count characters.
    let e = error("{\"question\": {\"éé\": \"x\" \"y\"}}");
    assert_eq!((e.line(), e.column()), (1, 25));
    let e = error(
        "<?xml version=\"1.0\"?>\n<question>\n  <uid>Q</uid>\n  <type>QE</typ>\n</question>\n",
    );
    assert_eq!((e.line(), e.column()), (4, 11));
    assert!(e.message().starts_with("malformed XML"), "{e}");
    let e = error("<?xml version=\"1.0\"?>\n<question>\n  <uid>Q</uid>\n  <type>Q");
    assert_eq!(e.line(), 4);
    assert!(e.message().contains("truncated XML"), "{e}");
}

#[test]
fn the_next_document_is_read_after_a_broken_one() {
    let good = r#"{"question": {"uid": "QANR5L15QE1", "identifiant": {"numero": "1", "legislature": "15"}, "type": "QE", "textesQuestion": {"texteQuestion": {"texte": "M. A B demande."}}}}"#;
    // A broken item of a whole legislature, then a good one.
    let list = format!(
        "{{\"questionsEcrites\": {{\"question\": [\n{{\"uid\": tru}},\n{}\n]}}}}",
        &good[13..good.len() - 1]
    );
    let results: Vec<_> = parse_all_bytes(list.as_bytes()).collect();
    assert_eq!(results.len(), 2, "{results:?}");
    assert_eq!(results[0].as_ref().unwrap_err().line(), 2);
    assert_eq!(results[1].as_ref().unwrap().number, 1);
    // A cut file, then the next file.
    let cut = format!("{}\n{good}\n", &good[..60]);
    let results: Vec<_> = parse_all_bytes(cut.as_bytes()).collect();
    assert_eq!(results.len(), 2, "{results:?}");
    assert!(results[0].is_err() && results[1].is_ok());
    // The same in XML: a broken question of a list, then a good one.
    let xml = "<?xml version=\"1.0\"?>\n<questionsEcrites>\n<question><uid>x</wrong></question>\n<question><identifiant><numero>2</numero><legislature>15</legislature></identifiant><type>QE</type><textesQuestion><texteQuestion><texte>M. A B demande.</texte></texteQuestion></textesQuestion></question>\n</questionsEcrites>\n";
    let results: Vec<_> = parse_all_bytes(xml.as_bytes()).collect();
    assert_eq!(results.len(), 2, "{results:?}");
    assert_eq!(results[0].as_ref().unwrap_err().line(), 3);
    assert_eq!(results[1].as_ref().unwrap().number, 2);
}

#[test]
fn no_number_or_no_text_are_the_usual_errors() {
    let e = error(
        r#"{"question": {"type": "QE", "textesQuestion": {"texteQuestion": {"texte": "x"}}}}"#,
    );
    assert_eq!(e.kind(), ErrorKind::MissingNumber);
    let e = error(r#"{"question": {"identifiant": {"numero": "5"}, "type": "QE"}}"#);
    assert_eq!(e.kind(), ErrorKind::MissingText);
    let e = error("{\"questionsEcrites\": {\"question\": []}}");
    assert_eq!(e.kind(), ErrorKind::NotAQuestion);
    // Strict mode: an unknown key is an error at its question.
    let strict = asalee_core::Options::new().strict(true);
    let doc = r#"{"question": {"identifiant": {"numero": "5"}, "x": "y", "textesQuestion": {"texteQuestion": {"texte": "M. A B demande."}}}}"#;
    let e = strict
        .parse_all_bytes(doc.as_bytes())
        .next()
        .unwrap()
        .unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Strict);
}

/// Seconds per byte of parsing an input: the best of three batches of at least 20 ms.
fn cost(input: &str) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..3 {
        let start = std::time::Instant::now();
        let mut runs = 0u32;
        while runs == 0 || start.elapsed() < std::time::Duration::from_millis(20) {
            let n = parse_all_bytes(std::hint::black_box(input.as_bytes())).count();
            assert!(n >= 1);
            runs += 1;
        }
        best = best.min(start.elapsed().as_secs_f64() / f64::from(runs));
    }
    best / input.len() as f64
}

/// A hostile input's name and its maker (of size `n`).
type Shape = (&'static str, fn(usize) -> String);

#[test]
fn hostile_inputs_neither_panic_nor_cost_more_than_linear_time() {
    let shapes: [Shape; 6] = [
        ("deep JSON", |n| {
            format!("{{\"question\": {}{}}}", "[".repeat(n), "]".repeat(n))
        }),
        ("deep XML", |n| {
            format!(
                "<?xml version=\"1.0\"?>\n<question>{}{}</question>",
                "<a>".repeat(n),
                "</a>".repeat(n)
            )
        }),
        ("huge string", |n| {
            format!("{{\"question\": {{\"uid\": \"{}\"}}}}", "é".repeat(n * 8))
        }),
        ("key flood JSON", |n| {
            let keys: Vec<String> = (0..n).map(|i| format!("\"k{i}\": \"v\"")).collect();
            format!("{{\"question\": {{\"identifiant\": {{\"numero\": \"1\"}}, \"textesQuestion\": {{\"texteQuestion\": {{\"texte\": \"M. A B demande.\"}}}}, {}}}}}", keys.join(", "))
        }),
        ("key flood XML", |n| {
            format!("<?xml version=\"1.0\"?>\n<question><identifiant><numero>1</numero></identifiant>{}</question>", "<k>v</k><j>w</j>".repeat(n))
        }),
        ("unclosed JSON", |n| {
            format!("{{\"question\": {}", "{\"a\": [".repeat(n))
        }),
    ];
    for (name, make) in shapes {
        // Linear time keeps the time per byte; a quadratic path would multiply it by 8.
        let (small, large) = (make(10_000), make(80_000));
        let ratio = cost(&large) / cost(&small);
        assert!(
            ratio < 4.0,
            "{name}: {ratio:.1}x the cost per byte at 8x the size"
        );
    }
}

/// Inputs that once made the scanner stand still (a delimiter where a value should be).
#[test]
fn misplaced_delimiters_end() {
    for input in [
        "{\"question\": [:]}",
        "{\"question\": [}]}",
        "{\"questionsEcrites\": {\"question\": [1, :, }, {\"a\": 1}]}}",
        "[:, }, ]",
        "{\"question\": {\"a\": }",
        // An escape cut at the end.
        "{\"question\": {\"a\": \"x\\",
    ] {
        assert!(parse_all_bytes(input.as_bytes()).count() >= 1, "{input}");
    }
}

/// Every open-data fixture, cut and changed at many places (brackets, quotes, escapes, CDATA
/// ends, a line that starts another document, half a character), never panics or hangs.
#[test]
fn mutated_open_data_never_panics() {
    let files = [
        "authored/an-opendata-l15-qe-answered.json",
        "real/an-opendata-l16-qg-1.json",
        "real/an-xml-l14-qe-47351.xml",
        "variants/an-opendata-l16-legislature.json",
        "variants/an-opendata-l16-legislature.xml",
        "variants/an-opendata-l15-qosd-withdrawn.json",
    ];
    let inserts: [&[u8]; 10] = [
        b"{",
        b"<",
        b"\"",
        b"\\",
        b"]]>",
        b"\n",
        b"\n{\"question\": ",
        b"\n<question ",
        b"&",
        b"\xC3",
    ];
    for f in files {
        let data = read(f);
        let step = (data.len() / 150).max(1);
        for i in (0..data.len()).step_by(step) {
            let _ = parse_all_bytes(&data[..i]).count();
            for (k, ins) in inserts.iter().enumerate() {
                let mut m = data[..i].to_vec();
                m.extend_from_slice(ins);
                m.extend_from_slice(&data[(i + k % 3).min(data.len())..]);
                assert!(parse_all_bytes(&m).count() >= 1, "{f} at {i}");
            }
        }
    }
}

/// A truncated whole legislature fails at its last visible byte, not on the blank line after.
#[test]
fn a_truncated_legislature_fails_on_a_visible_line() {
    let xml = String::from_utf8(read("variants/an-opendata-l16-legislature.xml")).unwrap();
    let cut = xml.replace("</questionsEcrites>", "");
    let results: Vec<_> = parse_all_bytes(cut.as_bytes()).collect();
    assert_eq!(results.len(), 4);
    let e = results[3].as_ref().unwrap_err();
    let line = cut.split('\n').nth(e.line() - 1).unwrap();
    assert_eq!(line, "</question>", "{e}");
    assert_eq!(e.column(), "</question>".len() + 1);
}
