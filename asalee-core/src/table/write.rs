//! The flat rows as CSV: the one writer of the command line, the npm package and the web page.

use std::io::{self, Write};

use super::flatten::{self, CellRef, Sink};
use super::{COLUMNS, SOURCE_COLUMN};
use crate::Question;

/// How CSV is written: RFC 4180 (commas, `"` quoting where needed, CRLF after each row), a header
/// row of [`COLUMNS`], then one row per record.
///
/// ```
/// use asalee_core::table::CsvOptions;
/// let options = CsvOptions::new().bom(true).source(true);
/// assert!(options.has_bom() && options.has_source());
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CsvOptions {
    bom: bool,
    source: bool,
}

impl CsvOptions {
    /// No byte-order mark, no `source` column.
    pub const fn new() -> CsvOptions {
        CsvOptions {
            bom: false,
            source: false,
        }
    }

    /// Start with a UTF-8 byte-order mark, so that a spreadsheet opened by double-click reads the
    /// accents right.
    pub const fn bom(mut self, bom: bool) -> CsvOptions {
        self.bom = bom;
        self
    }

    /// Add a last column, `source`, with the input each record came from.
    pub const fn source(mut self, source: bool) -> CsvOptions {
        self.source = source;
        self
    }

    /// Whether a byte-order mark starts the output.
    pub const fn has_bom(&self) -> bool {
        self.bom
    }

    /// Whether rows end with a `source` column.
    pub const fn has_source(&self) -> bool {
        self.source
    }
}

/// Writes records as CSV rows.
///
/// ```
/// use asalee_core::table::{CsvOptions, CsvWriter};
/// let q = asalee_core::parse("Question écrite n° 7\nTexte de la question\nM. Jean Dupont demande.\n").unwrap();
/// let mut csv = CsvWriter::new(Vec::new(), CsvOptions::new().source(true));
/// csv.write_header()?;
/// csv.write_record(&q, Some("a.txt"))?;
/// let text = String::from_utf8(csv.into_inner()?).unwrap();
/// assert!(text.starts_with("uid,chamber,legislature,kind,number,"));
/// assert!(text.ends_with(",plain,a.txt\r\n"));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct CsvWriter<W: Write> {
    csv: csv::Writer<W>,
    options: CsvOptions,
    text: String,
}

impl<W: Write> CsvWriter<W> {
    /// A writer into `out`; nothing is written until [`write_header`](Self::write_header) or
    /// [`write_record`](Self::write_record).
    pub fn new(out: W, options: CsvOptions) -> CsvWriter<W> {
        let csv = csv::WriterBuilder::new()
            .has_headers(false)
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        CsvWriter {
            csv,
            options,
            text: String::new(),
        }
    }

    /// The options it writes with.
    pub fn options(&self) -> CsvOptions {
        self.options
    }

    /// Writes the byte-order mark (with [`CsvOptions::bom`]) and the header row.
    pub fn write_header(&mut self) -> io::Result<()> {
        let source = self.options.source.then_some(SOURCE_COLUMN);
        let mut names = COLUMNS.iter().map(|c| c.name.as_str()).chain(source);
        // The mark goes before the first name, in the same field (a mark is never quoted).
        let first = names.next().unwrap_or_default();
        let bom = if self.options.bom { "\u{feff}" } else { "" };
        self.csv.write_field(format!("{bom}{first}"))?;
        for name in names {
            self.csv.write_field(name)?;
        }
        self.csv
            .write_record(None::<&[u8]>)
            .map_err(io::Error::from)
    }

    /// Writes one record's row; `source` fills the `source` column when the options ask for it
    /// (an empty cell when `None`), and is ignored otherwise.
    pub fn write_record(&mut self, q: &Question, source: Option<&str>) -> io::Result<()> {
        let mut sink = CsvSink {
            csv: &mut self.csv,
            text: &mut self.text,
        };
        flatten::write_row(q, &mut sink)?;
        if self.options.source {
            self.csv.write_field(source.unwrap_or(""))?;
        }
        self.csv.write_record(None::<&[u8]>)?;
        Ok(())
    }

    /// The inner writer (what is still in this writer's buffer is not in it yet).
    pub fn get_ref(&self) -> &W {
        self.csv.get_ref()
    }

    /// Flushes what is buffered into the inner writer.
    pub fn flush(&mut self) -> io::Result<()> {
        self.csv.flush()
    }

    /// The inner writer, after a flush.
    pub fn into_inner(self) -> io::Result<W> {
        self.csv.into_inner().map_err(|e| e.into_error())
    }
}

struct CsvSink<'a, W: Write> {
    csv: &'a mut csv::Writer<W>,
    text: &'a mut String,
}

impl<W: Write> Sink for CsvSink<'_, W> {
    fn cell(&mut self, cell: CellRef<'_>) -> Result<(), flatten::Error> {
        use std::fmt::Write as _;
        self.text.clear();
        let field: &str = match cell {
            CellRef::Empty => "",
            CellRef::Text(s) => s,
            CellRef::Int(n) => {
                let _ = write!(self.text, "{n}");
                self.text
            }
            CellRef::Date(d) => {
                let _ = write!(self.text, "{d}");
                self.text
            }
        };
        self.csv
            .write_field(field)
            .map_err(|e| flatten::Error::Io(e.into()))
    }
}
