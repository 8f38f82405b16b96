//! Reads an export holding many documents (pages or texts one after another), keeps the questions
//! of a ministry and a year, and prints them as JSON Lines, one record per line.
//!
//! ```sh
//! cargo run -p filter-export -- --ministry santé --year 2024 examples/filter-export/export.txt
//! ```

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use asalee_core::Question;
use clap::Parser;

/// Keep the questions of a ministry and a year from exports, printed as JSON Lines.
#[derive(Parser)]
struct Args {
    /// Keep the questions whose `ministry_asked` or `ministry_answering` contains this text
    /// (case-insensitive).
    #[arg(long)]
    ministry: Option<String>,
    /// Keep the questions published (`question_published`) in this year.
    #[arg(long)]
    year: Option<u16>,
    /// The exports to read.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

impl Args {
    /// Whether the question passes both filters (a filter not given passes everything).
    fn keeps(&self, q: &Question) -> bool {
        let ministry = self.ministry.as_ref().is_none_or(|wanted| {
            let wanted = wanted.to_lowercase();
            [&q.ministry_asked, &q.ministry_answering]
                .into_iter()
                .flatten()
                .any(|m| m.to_lowercase().contains(&wanted))
        });
        let year = self
            .year
            .is_none_or(|y| q.question_published.is_some_and(|p| p.date.year() == y));
        ministry && year
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    let mut out = io::BufWriter::new(io::stdout().lock());
    let (mut read, mut kept, mut errors) = (0, 0, 0);
    for path in &args.files {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                return ExitCode::from(2);
            }
        };
        for result in asalee_core::parse_all_bytes(&bytes) {
            match result {
                Ok(q) => {
                    read += 1;
                    if args.keeps(&q) {
                        kept += 1;
                        // The record's JSON, as `asalee parse` prints it.
                        if q.write_json(&mut out).and_then(|()| writeln!(out)).is_err() {
                            return ExitCode::FAILURE;
                        }
                    }
                }
                // A document that is not a question: say where, and go on with the others.
                Err(e) => {
                    errors += 1;
                    let (line, column) = (e.line(), e.column());
                    eprintln!("{}:{line}:{column}: {}", path.display(), e.message());
                }
            }
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    eprintln!("kept {kept} of {read} questions ({errors} documents not read)");
    ExitCode::SUCCESS
}
