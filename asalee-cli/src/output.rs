//! Records to bytes: JSON Lines, one JSON array, or CSV.

use std::fmt::Write as _;
use std::io::{self, Write};

use asalee_core::{Date, JoRef, Question};
use serde::Serialize;

use crate::cli::Format;

/// The CSV columns, in the SPEC's field order, nested parts flattened.
pub(crate) const CSV_COLUMNS: [&str; 33] = [
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

/// How records are written.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    /// The format.
    pub(crate) format: Format,
    /// Indented JSON.
    pub(crate) pretty: bool,
    /// Add the input's path as a `source` field.
    pub(crate) source: bool,
}

impl Style {
    /// What comes before the first record: `[` for JSON, the header row for CSV.
    pub(crate) fn header(&self) -> Vec<u8> {
        match self.format {
            Format::Jsonl => Vec::new(),
            Format::Json => b"[".to_vec(),
            Format::Csv => {
                let mut w = csv_writer(Vec::new());
                let source = self.source.then_some("source");
                // Writing to a Vec cannot fail.
                let _ = w.write_record(CSV_COLUMNS.iter().copied().chain(source));
                w.into_inner().unwrap_or_default()
            }
        }
    }

    /// What comes after the last record; `any` tells whether there was one.
    pub(crate) fn footer(&self, any: bool) -> &'static [u8] {
        match (self.format, any) {
            (Format::Json, true) => b"\n]\n",
            (Format::Json, false) => b"]\n",
            _ => b"",
        }
    }

    /// In a JSON array every record is written after `,\n`; the first record's comma is dropped
    /// when it is written out (workers do not know which record comes first).
    pub(crate) fn leading_separator(&self) -> usize {
        match self.format {
            Format::Json => 1,
            _ => 0,
        }
    }
}

fn csv_writer<W: Write>(w: W) -> csv::Writer<W> {
    csv::WriterBuilder::new()
        .has_headers(false)
        .terminator(csv::Terminator::CRLF)
        .from_writer(w)
}

/// The record with its input's path, for `--source`.
#[derive(Serialize)]
struct WithSource<'a> {
    #[serde(flatten)]
    record: &'a Question,
    source: &'a str,
}

/// Writes the records of one input into a buffer, which the caller takes in chunks.
pub(crate) struct Encoder {
    style: Style,
    json: Vec<u8>,
    csv: Option<csv::Writer<Vec<u8>>>,
    scratch: String,
}

impl Encoder {
    /// An empty encoder.
    pub(crate) fn new(style: Style) -> Encoder {
        let csv = (style.format == Format::Csv).then(|| csv_writer(Vec::new()));
        Encoder {
            style,
            json: Vec::new(),
            csv,
            scratch: String::new(),
        }
    }

    /// Appends one record; `source` is the input's path as shown.
    pub(crate) fn push(&mut self, q: &Question, source: &str) -> io::Result<()> {
        if let Some(w) = &mut self.csv {
            return write_csv(w, &mut self.scratch, q, self.style.source.then_some(source));
        }
        let out = &mut self.json;
        if self.style.format == Format::Json {
            out.extend_from_slice(b",\n");
        }
        match (self.style.source, self.style.pretty) {
            (false, false) => q.write_json(&mut *out)?,
            (false, true) => serde_json::to_writer_pretty(&mut *out, q)?,
            (true, false) => serde_json::to_writer(&mut *out, &WithSource { record: q, source })?,
            (true, true) => {
                serde_json::to_writer_pretty(&mut *out, &WithSource { record: q, source })?;
            }
        }
        if self.style.format == Format::Jsonl {
            out.push(b'\n');
        }
        Ok(())
    }

    /// About how many bytes are waiting.
    pub(crate) fn len(&self) -> usize {
        match &self.csv {
            Some(w) => w.get_ref().len(),
            None => self.json.len(),
        }
    }

    /// Takes the bytes written so far.
    pub(crate) fn take(&mut self) -> io::Result<Vec<u8>> {
        match &mut self.csv {
            Some(w) => {
                let full = std::mem::replace(w, csv_writer(Vec::new()));
                full.into_inner().map_err(|e| e.into_error())
            }
            None => Ok(std::mem::take(&mut self.json)),
        }
    }
}

/// One CSV row: the record's fields in the SPEC's order, lists joined with `; `.
fn write_csv(
    w: &mut csv::Writer<Vec<u8>>,
    s: &mut String,
    q: &Question,
    source: Option<&str>,
) -> io::Result<()> {
    fn opt<T: std::fmt::Display>(s: &mut String, v: Option<T>) -> &str {
        s.clear();
        if let Some(v) = v {
            let _ = write!(s, "{v}");
        }
        s
    }
    fn join<'s, T>(
        s: &'s mut String,
        items: &[T],
        mut each: impl FnMut(&mut String, &T),
    ) -> &'s str {
        s.clear();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                s.push_str("; ");
            }
            each(s, item);
        }
        s
    }
    fn text(v: &Option<String>) -> &str {
        v.as_deref().unwrap_or("")
    }
    fn date(s: &mut String, d: &Date) {
        let _ = write!(s, "{d}");
    }
    let author = q.author.as_ref();
    let published = |r: &Option<JoRef>| (r.map(|r| r.date), r.and_then(|r| r.page));
    let (q_date, q_page) = published(&q.question_published);
    let (a_date, a_page) = published(&q.answer_published);

    w.write_field(text(&q.uid))?;
    w.write_field(opt(s, q.chamber))?;
    w.write_field(opt(s, q.legislature))?;
    w.write_field(opt(s, q.kind))?;
    w.write_field(opt(s, Some(q.number)))?;
    w.write_field(text(&q.title))?;
    w.write_field(author.and_then(|a| a.civility.as_deref()).unwrap_or(""))?;
    w.write_field(author.and_then(|a| a.name.as_deref()).unwrap_or(""))?;
    w.write_field(author.and_then(|a| a.group.as_deref()).unwrap_or(""))?;
    w.write_field(author.and_then(|a| a.department.as_deref()).unwrap_or(""))?;
    w.write_field(opt(s, author.and_then(|a| a.constituency)))?;
    w.write_field(author.and_then(|a| a.region.as_deref()).unwrap_or(""))?;
    w.write_field(author.and_then(|a| a.reference.as_deref()).unwrap_or(""))?;
    w.write_field(text(&q.ministry_asked))?;
    w.write_field(text(&q.ministry_answering))?;
    w.write_field(text(&q.rubric))?;
    w.write_field(text(&q.analysis_heading))?;
    w.write_field(text(&q.analysis))?;
    w.write_field(opt(s, q_date))?;
    w.write_field(opt(s, q_page))?;
    w.write_field(opt(s, a_date))?;
    w.write_field(opt(s, a_page))?;
    w.write_field(opt(s, q.flagged_on))?;
    w.write_field(join(s, &q.reassigned_on, date))?;
    w.write_field(join(s, &q.renewed_on, date))?;
    w.write_field(opt(s, q.closed.as_ref().and_then(|c| c.date)))?;
    w.write_field(
        q.closed
            .as_ref()
            .and_then(|c| c.reason.as_deref())
            .unwrap_or(""),
    )?;
    w.write_field(join(s, &q.errata, |s, e| {
        let _ = write!(s, "{}:{}:", e.of, e.date);
        if let Some(page) = e.page {
            let _ = write!(s, "{page}");
        }
    }))?;
    w.write_field(text(&q.question_text))?;
    w.write_field(text(&q.answer_text))?;
    w.write_field(join(s, &q.other_fields, |s, f| {
        let _ = write!(s, "{}={}", f.label, f.value);
    }))?;
    w.write_field(join(s, &q.warnings, |s, warning| {
        let _ = write!(s, "{}:{}", warning.line, warning.message);
    }))?;
    w.write_field(q.layout.as_str())?;
    if let Some(source) = source {
        w.write_field(source)?;
    }
    w.write_record(None::<&[u8]>)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(format: Format, source: bool) -> Style {
        Style {
            format,
            pretty: false,
            source,
        }
    }

    fn question() -> Question {
        asalee_core::parse(
            "Titre\nQuestion écrite n° 12\n\nTexte de la question\n\nM. Jean Dupont demande « ceci ».\n\nEt \"cela\".\n",
        )
        .unwrap()
    }

    #[test]
    fn jsonl_is_one_line_per_record() {
        let mut e = Encoder::new(style(Format::Jsonl, false));
        e.push(&question(), "a.txt").unwrap();
        e.push(&question(), "a.txt").unwrap();
        let out = String::from_utf8(e.take().unwrap()).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines, [question().to_json(), question().to_json()]);
        assert!(e.take().unwrap().is_empty());
    }

    #[test]
    fn source_is_the_last_field() {
        let mut e = Encoder::new(style(Format::Jsonl, true));
        e.push(&question(), "dir/a.txt").unwrap();
        let out = String::from_utf8(e.take().unwrap()).unwrap();
        let json = question().to_json();
        assert_eq!(
            out,
            format!("{},\"source\":\"dir/a.txt\"}}\n", &json[..json.len() - 1])
        );
    }

    #[test]
    fn csv_header_and_row_have_every_column() {
        let header = style(Format::Csv, false).header();
        assert!(header.starts_with(b"uid,chamber,legislature,kind,number,title,author_civility,"));
        let mut e = Encoder::new(style(Format::Csv, false));
        e.push(&question(), "a.txt").unwrap();
        let row = e.take().unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(&row[..]);
        let record = reader.records().next().unwrap().unwrap();
        assert_eq!(record.len(), CSV_COLUMNS.len());
        assert_eq!(&record[4], "12");
        assert_eq!(
            &record[28],
            "M. Jean Dupont demande « ceci ».\nEt \"cela\"."
        );
        assert_eq!(&record[32], "plain");
    }
}
