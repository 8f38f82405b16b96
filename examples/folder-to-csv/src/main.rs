//! Parses every file of one or more folders (saved pages, text copies, exports holding many
//! documents) and writes one CSV table on stdout: one row per question.
//!
//! A document that is not a question is reported on stderr as `PATH:LINE:COLUMN: message` and
//! has no row; a file that cannot be read stops the program.
//!
//! ```sh
//! cargo run -p folder-to-csv -- fixtures/real > questions.csv
//! ```

use std::error::Error;
use std::io;
use std::path::{Path, PathBuf};

use asalee_core::{JoRef, Question};

/// The columns: a readable subset of `asalee parse --format csv`, plus the file it came from.
const COLUMNS: [&str; 15] = [
    "file",
    "uid",
    "chamber",
    "legislature",
    "kind",
    "number",
    "title",
    "author",
    "group",
    "ministry_asked",
    "ministry_answering",
    "rubric",
    "question_published",
    "answer_published",
    "warnings",
];

fn main() -> Result<(), Box<dyn Error>> {
    // The folders (or files) named on the command line; by default this repository's fixtures.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut inputs: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    if inputs.is_empty() {
        inputs = vec![root.join("fixtures/real"), root.join("fixtures/seeds")];
    }

    let mut files = Vec::new();
    for input in &inputs {
        collect_files(input, &mut files)?;
    }

    let mut out = csv::Writer::from_writer(io::stdout().lock());
    out.write_record(COLUMNS)?;
    let (mut rows, mut errors) = (0, 0);
    for path in &files {
        // Shown relative to the repository when reading the default folders.
        let shown = path
            .strip_prefix(&root)
            .unwrap_or(path)
            .display()
            .to_string();
        let bytes = std::fs::read(path).map_err(|e| format!("{shown}: {e}"))?;
        // One file may hold several documents: `parse_all_bytes` yields one result for each
        // (and reads UTF-8 as well as Windows-1252).
        for result in asalee_core::parse_all_bytes(&bytes) {
            match result {
                Ok(q) => {
                    out.write_record(row(&shown, &q))?;
                    rows += 1;
                }
                Err(e) => {
                    eprintln!("{shown}:{}:{}: {}", e.line(), e.column(), e.message());
                    errors += 1;
                }
            }
        }
    }
    out.flush()?;
    eprintln!("{rows} questions, {errors} documents not read");
    Ok(())
}

/// The files of `path` (itself if it is a file), recursively, sorted by name.
fn collect_files(path: &Path, files: &mut Vec<PathBuf>) -> io::Result<()> {
    if !path.is_dir() {
        files.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries = std::fs::read_dir(path)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<io::Result<Vec<_>>>()?;
    entries.sort();
    for entry in entries {
        collect_files(&entry, files)?;
    }
    Ok(())
}

/// One CSV row: absent values are empty cells.
fn row(file: &str, q: &Question) -> [String; COLUMNS.len()] {
    fn text(value: Option<&str>) -> String {
        value.unwrap_or_default().to_owned()
    }
    fn display(value: Option<impl ToString>) -> String {
        value.map(|v| v.to_string()).unwrap_or_default()
    }
    // A JO reference as `2024-12-03 p. 6403`.
    fn jo(r: Option<&JoRef>) -> String {
        match r {
            Some(JoRef {
                date,
                page: Some(page),
            }) => format!("{date} p. {page}"),
            Some(JoRef { date, page: None }) => date.to_string(),
            None => String::new(),
        }
    }
    let author = q.author.as_ref();
    [
        file.to_owned(),
        text(q.uid.as_deref()),
        display(q.chamber),
        display(q.legislature),
        display(q.kind),
        q.number.to_string(),
        text(q.title.as_deref()),
        text(author.and_then(|a| a.name.as_deref())),
        text(author.and_then(|a| a.group.as_deref())),
        text(q.ministry_asked.as_deref()),
        text(q.ministry_answering.as_deref()),
        text(q.rubric.as_deref()),
        jo(q.question_published.as_ref()),
        jo(q.answer_published.as_ref()),
        // Warnings are kept, as `LINE: message`, joined with `; `.
        q.warnings
            .iter()
            .map(|w| format!("{}: {}", w.line, w.message))
            .collect::<Vec<_>>()
            .join("; "),
    ]
}
