//! The command line's arguments (clap derive).

use std::ffi::OsString;
use std::num::NonZeroUsize;

use clap::{Args, Parser, Subcommand, ValueEnum};

const ABOUT: &str = "Reads French parliamentary questions (Assemblée nationale, Sénat) from saved \
HTML pages, fragments, Markdown or text, and prints one record per question.";

const EXAMPLES: &str = "\
Examples:
  asalee parse page.html                            one JSON record per line
  asalee parse --format csv pages/ > questions.csv  a whole folder into one table
  cat export.txt | asalee parse -                   from standard input

Run `asalee parse --help` for the options, the output formats and the exit status.";

const PARSE_ABOUT: &str = "Parse documents into one record per question";

const PARSE_LONG_ABOUT: &str = "\
Parses every document of every input (a file, a folder read recursively in name order, or `-` for \
standard input; standard input when no input is named) and prints one record per question on \
standard output, in input order then document order.

A document that is not a question prints `PATH:LINE:COLUMN: message` on standard error and \
nothing on standard output; the other documents and inputs are still parsed. A zip archive is \
read member by member (messages say `ARCHIVE!MEMBER:LINE:COLUMN`). In a folder only documents \
are read (`.html .htm .txt .md .json .xml .zip`, no extension, other text files), not the assets \
a browser saves with a page; one line on standard error says how many files were skipped. On a \
terminal a last line sums up the run.";

const PARSE_EXAMPLES: &str = "\
Examples:
  asalee parse page.html
  asalee parse --strict --pretty page.html
  asalee parse --format csv pages/ > questions.csv
  asalee parse --format json --jobs 4 a.html b.txt > questions.json
  curl -s URL | asalee parse -

Exit status:
  0    every document parsed
  1    a document failed (an input with no question in it counts as a failed document), or
       there was no document to read
  2    an input could not be read (the other inputs are still parsed), the output could not be
       written, or the arguments are wrong
  130  interrupted (Ctrl-C): the records written before are whole";

/// `asalee`: French parliamentary questions to records.
#[derive(Debug, Parser)]
#[command(
    name = "asalee",
    version,
    about = ABOUT,
    after_help = EXAMPLES,
    propagate_version = true,
    arg_required_else_help = true
)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Parse documents into one record per question (JSON Lines, JSON or CSV).
    #[command(about = PARSE_ABOUT, long_about = PARSE_LONG_ABOUT, after_help = PARSE_EXAMPLES)]
    Parse(ParseArgs),
}

/// The arguments of `asalee parse`.
#[derive(Debug, Args)]
pub(crate) struct ParseArgs {
    /// Turn every warning into an error (the document then fails at the warning's line).
    #[arg(long)]
    pub(crate) strict: bool,

    /// Indent the JSON for people to read (with jsonl, a record then spans several lines).
    #[arg(long)]
    pub(crate) pretty: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Jsonl, value_name = "FORMAT")]
    pub(crate) format: Format,

    /// Parse this many files at once [default: the number of CPUs].
    #[arg(long, short = 'j', value_name = "N")]
    pub(crate) jobs: Option<NonZeroUsize>,

    /// Add a `source` field (a last CSV column) with the path of the input each record came from.
    #[arg(long)]
    pub(crate) source: bool,

    /// Start CSV with a UTF-8 byte-order mark, so that a spreadsheet opened by double-click reads the accents right.
    #[arg(long)]
    pub(crate) bom: bool,

    /// In folders, read every file, not only documents.
    #[arg(long)]
    pub(crate) all_files: bool,

    /// No summary line on standard error at the end.
    #[arg(long, short = 'q')]
    pub(crate) quiet: bool,

    /// Files or folders to read; `-` is standard input.
    #[arg(value_name = "FILE|DIR|-")]
    pub(crate) inputs: Vec<OsString>,
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// One JSON record per line (JSON Lines).
    Jsonl,
    /// One JSON array of every record.
    Json,
    /// A header row, then one row per question; nested parts in their own columns, dates lists space-separated, lists of parts as JSON.
    Csv,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
