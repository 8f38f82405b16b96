use std::path::Path;

use serde_json::Value;

use super::*;

/// The records of fixtures/expected, as JSON values and as `Question`s.
fn expected() -> Vec<(Value, Question)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/expected");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let records: Vec<_> = files
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).unwrap();
            (
                serde_json::from_str(&text).unwrap(),
                serde_json::from_str(&text).unwrap(),
            )
        })
        .collect();
    assert!(records.len() >= 6, "{}", dir.display());
    records
}

/// A record with every list and part filled, and text CSV must quote.
fn rich() -> Question {
    let mut q = expected().remove(0).1;
    q.title = Some("« Titre », avec \"guillemets\"\net deux lignes".into());
    q.reassigned_on = vec![
        Date::new(2023, 1, 2).unwrap(),
        Date::new(2023, 3, 4).unwrap(),
    ];
    q.errata = vec![crate::Erratum {
        of: crate::ErratumOf::Answer,
        date: Date::new(2024, 6, 7).unwrap(),
        page: None,
    }];
    q.other_fields = vec![crate::OtherField {
        label: "Champ".into(),
        value: "a; b = c".into(),
    }];
    q.closed = Some(crate::Closed {
        date: None,
        reason: Some("fin de mandat".into()),
    });
    q
}

/// The cell a column must hold, read from the JSON record by the column's definition.
fn expected_cell(record: &Value, column: &Column) -> String {
    let mut value = record;
    let mut rest = column.name.as_str();
    // Walk down the nested parts: `question_published_date` is record.question_published.date.
    while value.get(rest).is_none() {
        let (part, field) = value
            .as_object()
            .unwrap()
            .keys()
            .find_map(|k| {
                rest.strip_prefix(k.as_str())?
                    .strip_prefix('_')
                    .map(|f| (k, f))
            })
            .unwrap_or_else(|| panic!("no field for column {}", column.name));
        value = &value[part];
        if value.is_null() {
            return String::new();
        }
        rest = field;
    }
    match (&value[rest], column.ty) {
        (Value::Null, _) => String::new(),
        (Value::String(s), _) => s.clone(),
        (Value::Array(items), _) if items.is_empty() => String::new(),
        (Value::Array(items), ColumnType::Dates) => items
            .iter()
            .map(|d| d.as_str().unwrap())
            .collect::<Vec<_>>()
            .join(" "),
        (items @ Value::Array(_), ColumnType::Json(_)) => items.to_string(),
        (other, _) => other.to_string(),
    }
}

#[test]
fn the_columns_follow_the_schema() {
    let names: Vec<&str> = COLUMNS.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), 33);
    assert_eq!(
        names[..7],
        [
            "uid",
            "chamber",
            "legislature",
            "kind",
            "number",
            "title",
            "author_civility"
        ]
    );
    assert_eq!(names[12], "author_ref");
    assert_eq!(
        names[18..22],
        [
            "question_published_date",
            "question_published_page",
            "answer_published_date",
            "answer_published_page"
        ]
    );
    assert_eq!(names[25..28], ["closed_date", "closed_reason", "errata"]);
    assert_eq!(names.last(), Some(&"layout"));
    let number = &COLUMNS[4];
    assert_eq!((number.ty, number.nullable), (ColumnType::Int, false));
    // A required field of an optional part may be empty.
    assert!(COLUMNS[18].nullable && COLUMNS[18].ty == ColumnType::Date);
    assert!(COLUMNS.iter().all(|c| c.name != SOURCE_COLUMN));
}

#[test]
fn every_cell_is_the_json_records_value() {
    let mut records = expected();
    let q = rich();
    records.push((serde_json::from_str(&q.to_json()).unwrap(), q));
    for (json, q) in &records {
        let row = q.to_row();
        assert_eq!(row.len(), COLUMNS.len());
        for (cell, column) in row.iter().zip(COLUMNS.iter()) {
            assert_eq!(
                cell.to_text(),
                expected_cell(json, column),
                "{} {}",
                q.number,
                column.name
            );
        }
    }
}

#[test]
fn cells_are_typed() {
    let row = rich().to_row();
    let cell = |name: &str| &row[COLUMNS.iter().position(|c| c.name == name).unwrap()];
    assert_eq!(
        cell("reassigned_on"),
        &Cell::Text("2023-01-02 2023-03-04".into())
    );
    assert_eq!(cell("renewed_on"), &Cell::Empty);
    assert_eq!(
        cell("errata"),
        &Cell::Text(r#"[{"of":"answer","date":"2024-06-07","page":null}]"#.into())
    );
    assert_eq!(cell("closed_date"), &Cell::Empty);
    assert!(matches!(cell("question_published_date"), Cell::Date(_)));
    assert!(matches!(cell("legislature"), Cell::Int(_) | Cell::Empty));
    assert_eq!(cell("layout").to_text(), rich().layout.as_str());
}

fn csv_text(options: CsvOptions, records: &[Question]) -> String {
    let mut w = CsvWriter::new(Vec::new(), options);
    w.write_header().unwrap();
    for (i, q) in records.iter().enumerate() {
        w.write_record(q, Some(&format!("dir/{i}.txt"))).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

#[test]
fn csv_reads_back_as_the_rows() {
    let records: Vec<Question> = expected()
        .into_iter()
        .map(|(_, q)| q)
        .chain([rich()])
        .collect();
    let text = csv_text(CsvOptions::new(), &records);
    assert!(text.starts_with("uid,chamber,"));
    assert!(text.contains("\r\n"));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(
        header,
        COLUMNS.iter().map(|c| c.name.clone()).collect::<Vec<_>>()
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), records.len());
    for (row, q) in rows.iter().zip(&records) {
        let cells: Vec<String> = q.to_row().iter().map(Cell::to_text).collect();
        assert_eq!(row.iter().collect::<Vec<_>>(), cells);
    }
}

#[test]
fn bom_and_source() {
    let q = rich();
    let text = csv_text(
        CsvOptions::new().bom(true).source(true),
        std::slice::from_ref(&q),
    );
    let body = text.strip_prefix('\u{feff}').expect("a BOM first");
    let mut reader = csv::Reader::from_reader(body.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().next_back(),
        Some(SOURCE_COLUMN)
    );
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(row.len(), COLUMNS.len() + 1);
    assert_eq!(row.iter().next_back(), Some("dir/0.txt"));
    assert_eq!(
        csv_text(CsvOptions::new().source(true), &[])
            .lines()
            .count(),
        1
    );
    assert!(!csv_text(CsvOptions::new(), &[q]).starts_with('\u{feff}'));
}
