//! The layout `jo`: the test issues of `fixtures/jo` (an AN and a Sénat issue, fictitious) give
//! exactly their records (`NAME.expected.json`, made from the issues' data by `render.py`) in
//! every rendering: a PDF viewer's copy, a document-sharing site's text, OCR damage, and
//! `pdftotext` (default and `-layout`) of the two-column PDF that `pdf-renderings.sh` makes with
//! reportlab (skipped, saying so, when the tools are missing: `make jo-pdf-tools`). The real
//! excerpt gives its record; errors of one block never lose the next.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use asalee_core::{parse_all, parse_all_bytes, ErrorKind, Layout};
use common::{fixtures, keys, record_json};
use serde_json::Value;

const ISSUES: &[&str] = &["an-2015-48", "senat-2016-9"];

fn expected(issue: &str) -> Vec<Value> {
    let path = fixtures().join("jo").join(format!("{issue}.expected.json"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Every record of `path` against the issue's records, field by field.
fn check_rendering(issue: &str, path: &Path) {
    let want = expected(issue);
    let bytes = std::fs::read(path).unwrap();
    let got: Vec<Value> = parse_all_bytes(&bytes)
        .map(|r| record_json(&r.unwrap_or_else(|e| panic!("{}: {e}", path.display()))))
        .collect();
    let name = path.file_name().unwrap().to_string_lossy();
    assert_eq!(got.len(), want.len(), "{name}: number of records");
    for (g, w) in got.iter().zip(&want) {
        let number = &w["number"];
        for key in keys(w) {
            assert_eq!(g[&key], w[&key], "{name}: question {number}, field {key}");
        }
        assert_eq!(keys(g), keys(w), "{name}: field order");
    }
}

#[test]
fn every_text_rendering_gives_the_issues_records() {
    for issue in ISSUES {
        for rendering in ["viewer", "docshare", "ocr"] {
            let path = fixtures()
                .join("jo")
                .join(format!("{issue}.{rendering}.txt"));
            check_rendering(issue, &path);
        }
    }
}

#[test]
fn pdftotext_of_a_two_column_pdf_gives_the_issues_records() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("jo-pdf");
    let script = fixtures().join("jo").join("pdf-renderings.sh");
    let status = Command::new("sh").arg(&script).arg(&dir).status();
    match status.as_ref().map(|s| s.code()) {
        Ok(Some(0)) => {}
        Ok(Some(77)) => {
            eprintln!("skipped: reportlab or pdftotext is missing (run `make jo-pdf-tools`)");
            return;
        }
        other => panic!("{} failed: {other:?}", script.display()),
    }
    for issue in ISSUES {
        for mode in ["pdftotext", "pdftotext-layout"] {
            check_rendering(issue, &dir.join(format!("{issue}.{mode}.txt")));
        }
    }
}

#[test]
fn the_real_sénat_excerpt_gives_its_record() {
    let text = std::fs::read(fixtures().join("real/jo-senat-q-answers-excerpt.txt")).unwrap();
    let all: Vec<_> = parse_all_bytes(&text).collect();
    assert_eq!(all.len(), 1);
    let q = all[0].as_ref().unwrap();
    assert_eq!(q.layout, Layout::Jo);
    assert_eq!(q.number, 8514);
    assert_eq!(q.title.as_deref(), Some("« Boîtage » pharmaceutique"));
    let author = q.author.as_ref().unwrap();
    assert_eq!(
        (author.civility.as_deref(), author.name.as_deref()),
        (Some("M."), Some("Gilbert Roger"))
    );
    let published = q.question_published.unwrap();
    assert_eq!(
        (published.date.to_string(), published.page),
        ("2013-10-10".to_owned(), None)
    );
    assert_eq!(q.answer_published, None);
    assert_eq!(
        q.ministry_answering.as_deref(),
        Some("AFFAIRES SOCIALES, SANTÉ ET DROITS DES FEMMES")
    );
    assert_eq!(q.ministry_asked, None);
    let question = q.question_text.as_deref().unwrap();
    assert!(question.starts_with("M. Gilbert Roger attire l’attention de Mme la ministre"));
    // The paragraph broken mid-sentence is one paragraph; `rendez- vous` is `rendez-vous`.
    assert!(question.contains("dans la mesure où le « boîtage » n’est que"));
    assert!(question.contains("reprendre un rendez-vous chez le médecin"));
    assert!(!question.contains('\n'));
    let answer = q.answer_text.as_deref().unwrap();
    assert!(answer.starts_with("L’article 46 de la loi no 2013-1203"));
    assert!(answer.contains("Le décret no 2014-1047 du 15 septembre 2014"));
    assert!(answer.ends_with("de médicaments appartenant à la"));
    assert_eq!(
        (q.chamber, q.legislature, q.uid.as_deref()),
        (None, None, None)
    );
    assert!(q.warnings.is_empty() && q.other_fields.is_empty());
    // The same block parsed alone gives the same record.
    assert_eq!(asalee_core::parse_bytes(&text).as_ref(), Ok(q));
}

#[test]
fn front_matter_alone_is_not_a_question_document() {
    let text = std::fs::read(fixtures().join("real/jo-issues-front-matter-text.txt")).unwrap();
    let all: Vec<_> = parse_all_bytes(&text).collect();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].as_ref().unwrap_err().kind(), ErrorKind::NotAQuestion);
}

#[test]
fn a_block_without_its_number_or_text_is_its_own_error() {
    let text = std::fs::read_to_string(fixtures().join("jo/errors.txt")).unwrap();
    let all: Vec<_> = parse_all(&text).collect();
    assert_eq!(all.len(), 4);
    let q = all[0].as_ref().unwrap();
    assert_eq!(q.number, 91400);
    assert_eq!(
        q.question_text.as_deref(),
        Some("M. Paul Lefranc attire l’attention de M. le ministre sur les aides.")
    );
    let e = all[1].as_ref().unwrap_err();
    assert_eq!(
        (e.kind(), e.line(), e.column()),
        (ErrorKind::MissingText, 13, 1)
    );
    let e = all[2].as_ref().unwrap_err();
    assert_eq!(
        (e.kind(), e.line(), e.column()),
        (ErrorKind::MissingNumber, 16, 1)
    );
    let q = all[3].as_ref().unwrap();
    assert_eq!(q.number, 91403);
    assert_eq!(q.rubric.as_deref(), Some("Chasse"));
    assert_eq!(q.analysis_heading.as_deref(), Some("gibier"));
    assert_eq!(q.question_published.unwrap().page, Some(9441));
    // The errors are strict-mode errors too, and strict mode keeps the clean records.
    let strict: Vec<_> = asalee_core::Options::new()
        .strict(true)
        .parse_all(&text)
        .map(|r| r.is_ok())
        .collect();
    assert_eq!(strict, [true, false, false, true]);
}

#[test]
fn a_page_before_an_issue_is_read_by_its_own_layout() {
    // A saved page, then a JO block: the page is its own chunk, the block is read as `jo`.
    let jo =
        std::fs::read_to_string(fixtures().join("real/jo-senat-q-answers-excerpt.txt")).unwrap();
    let input = format!(
        "<html><body><p>Question N° : 12</p><p>Texte de la question</p><p>M. A B demande.</p></body></html>\n{jo}\n"
    );
    let got: Vec<_> = parse_all(&input)
        .map(|r| r.map(|q| (q.layout, q.number)).map_err(|e| e.kind()))
        .collect();
    assert_eq!(got, [Ok((Layout::AnLegacy, 12)), Ok((Layout::Jo, 8514))]);
}
