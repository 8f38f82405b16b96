//! Records to bytes: JSON Lines, one JSON array, or CSV.

use std::io;

use asalee_core::table::{CsvOptions, CsvWriter};
use asalee_core::Question;
use serde::Serialize;

use crate::cli::Format;

/// How records are written.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Style {
    /// The format.
    pub(crate) format: Format,
    /// Indented JSON.
    pub(crate) pretty: bool,
    /// Add the input's path as a `source` field.
    pub(crate) source: bool,
    /// Start CSV with a byte-order mark.
    pub(crate) bom: bool,
}

impl Style {
    /// What comes before the first record: `[` for JSON, the header row for CSV.
    pub(crate) fn header(&self) -> Vec<u8> {
        match self.format {
            Format::Jsonl => Vec::new(),
            Format::Json => b"[".to_vec(),
            Format::Csv => {
                let mut w = CsvWriter::new(Vec::new(), self.csv_options());
                // Writing to a Vec cannot fail.
                let _ = w.write_header();
                w.into_inner().unwrap_or_default()
            }
        }
    }

    /// The core's CSV options (`--bom`, `--source`).
    fn csv_options(&self) -> CsvOptions {
        CsvOptions::new().bom(self.bom).source(self.source)
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
    csv: Option<CsvWriter<Vec<u8>>>,
}

impl Encoder {
    /// An empty encoder.
    pub(crate) fn new(style: Style) -> Encoder {
        let csv =
            (style.format == Format::Csv).then(|| CsvWriter::new(Vec::new(), style.csv_options()));
        Encoder {
            style,
            json: Vec::new(),
            csv,
        }
    }

    /// Appends one record; `source` is the input's path as shown.
    pub(crate) fn push(&mut self, q: &Question, source: &str) -> io::Result<()> {
        if let Some(w) = &mut self.csv {
            return w.write_record(q, Some(source));
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
                let full =
                    std::mem::replace(w, CsvWriter::new(Vec::new(), self.style.csv_options()));
                full.into_inner()
            }
            None => Ok(std::mem::take(&mut self.json)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style(format: Format, source: bool) -> Style {
        Style {
            format,
            pretty: false,
            source,
            bom: false,
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
        assert_eq!(record.len(), asalee_core::table::COLUMNS.len());
        assert_eq!(&record[4], "12");
        assert_eq!(
            &record[28],
            "M. Jean Dupont demande « ceci ».\nEt \"cela\"."
        );
        assert_eq!(&record[32], "plain");
    }
}
