//! `asalee`: French parliamentary questions (Assemblée nationale, Sénat) from saved pages,
//! fragments, Markdown or text to one record per question, as JSON Lines, JSON or CSV.
//!
//! ```text
//! asalee parse page.html
//! asalee parse --format csv pages/ > questions.csv
//! ```
//!
//! `asalee parse` prints one record per document of every input on standard output, in input
//! order then document order, and `PATH:LINE:COLUMN: message` on standard error for each document
//! that is not a question. Exit status: 0 when every document parsed, 1 when one failed, 2 when
//! an input could not be read, the output could not be written or the arguments are wrong, 130
//! when interrupted (Ctrl-C: the records written so far are whole). Files are parsed on every
//! core, the output kept in order with bounded memory (see `run`); each file is read a block at a
//! time (`asalee_core::parse_reader`), so that memory grows neither with the number of inputs
//! nor with their size. Folders give their documents (see `inputs`); zip archives are read
//! member by member.

mod archive;
mod cli;
mod inputs;
mod interrupt;
mod output;
mod run;

use std::ffi::OsString;
use std::io::{self, IsTerminal};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use crate::cli::{Cli, Command, ParseArgs};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => usage_error(e),
    };
    match cli.command {
        Command::Parse(args) => parse(args),
    }
}

/// Prints clap's message (help and version on stdout, exit 0) or the error followed by the
/// usage (exit 2).
fn usage_error(e: clap::Error) -> ! {
    if !e.use_stderr() {
        e.exit();
    }
    let message = e.render().to_string();
    eprint!("{message}");
    if !message.contains("Usage:") {
        let mut cmd = Cli::command();
        cmd.build();
        let parse = std::env::args_os().nth(1).is_some_and(|a| a == "parse");
        let usage = match cmd.find_subcommand_mut("parse") {
            Some(sub) if parse => sub.render_usage(),
            _ => cmd.render_usage(),
        };
        eprintln!("\n{usage}");
    }
    std::process::exit(2);
}

/// `asalee parse`.
fn parse(args: ParseArgs) -> ExitCode {
    let mut names = args.inputs;
    if names.is_empty() {
        if io::stdin().is_terminal() {
            let mut cmd = Cli::command();
            let usage = "no input: name files or folders, or pipe documents into `asalee parse -`";
            cmd.find_subcommand_mut("parse")
                .map(|c| {
                    c.clone()
                        .error(clap::error::ErrorKind::MissingRequiredArgument, usage)
                })
                .unwrap_or_else(|| {
                    cmd.error(clap::error::ErrorKind::MissingRequiredArgument, usage)
                })
                .exit();
        }
        names.push(OsString::from("-"));
    }
    interrupt::install();
    let started = std::time::Instant::now();
    let expanded = inputs::expand(&names, args.all_files);
    let skipped = expanded.skipped;
    let inputs = expanded.inputs;
    if inputs.is_empty() {
        if let Some(line) = skipped.summary() {
            eprintln!("{line}");
        }
        eprintln!("asalee: no document to read in {}", shown_names(&names));
        return ExitCode::from(1);
    }
    let jobs = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        |n| n.get(),
    );
    let settings = run::Settings {
        strict: args.strict,
        style: output::Style {
            format: args.format,
            pretty: args.pretty,
            source: args.source,
            bom: args.bom,
        },
        jobs,
    };
    let result = run::run(&inputs, settings);
    if let Some(line) = skipped.summary() {
        eprintln!("{line}");
    }
    let outcome = match result {
        Ok(outcome) => outcome,
        // The reader went away (`asalee parse … | head`): nothing to say.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("asalee: cannot write the output: {e}");
            return ExitCode::from(2);
        }
    };
    if interrupt::requested() {
        eprintln!("asalee: interrupted; the records written before are whole");
        return ExitCode::from(130);
    }
    if io::stderr().is_terminal() && !args.quiet {
        eprintln!("{}", summary(&outcome, skipped.count(), started.elapsed()));
    }
    if outcome.unreadable > 0 {
        ExitCode::from(2)
    } else if outcome.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The inputs as named, for a message.
fn shown_names(names: &[OsString]) -> String {
    let shown: Vec<String> = names
        .iter()
        .map(|n| n.to_string_lossy().into_owned())
        .collect();
    shown.join(", ")
}

/// The last line on a terminal: `4,812 records, 3 errors, 12 files skipped, 1.9 s`.
fn summary(outcome: &run::Outcome, skipped: usize, elapsed: std::time::Duration) -> String {
    let plural = |n: usize, one: &str, many: &str| {
        format!("{} {}", thousands(n), if n == 1 { one } else { many })
    };
    let mut parts = vec![
        plural(outcome.records, "record", "records"),
        plural(outcome.failed, "error", "errors"),
    ];
    if outcome.unreadable > 0 {
        parts.push(plural(
            outcome.unreadable,
            "unreadable input",
            "unreadable inputs",
        ));
    }
    if skipped > 0 {
        parts.push(plural(skipped, "file skipped", "files skipped"));
    }
    parts.push(format!("{:.1} s", elapsed.as_secs_f64()));
    parts.join(", ")
}

/// `4812` as `4,812`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_line() {
        let outcome = run::Outcome {
            records: 4812,
            failed: 3,
            unreadable: 0,
        };
        let line = summary(&outcome, 12, std::time::Duration::from_millis(1900));
        assert_eq!(line, "4,812 records, 3 errors, 12 files skipped, 1.9 s");
        assert_eq!(thousands(1_000_000), "1,000,000");
        assert_eq!(thousands(999), "999");
    }
}

/// mimalloc: its thread-local heaps keep workers from contending on the allocator, and it is
/// faster than the system's for the many small strings of a record.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
