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
//! an input could not be read or the arguments are wrong. Files are parsed on every core, the
//! output kept in order with bounded memory (see `run`); a large file is read a window at a time
//! (see `window`), so that memory grows neither with the number of inputs nor with their size.

mod cli;
mod inputs;
mod output;
mod run;
mod window;

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
    let inputs = inputs::expand(&names);
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
        sizes: window::Sizes::from_env(),
    };
    match run::run(&inputs, settings) {
        Ok(outcome) if outcome.unreadable > 0 => ExitCode::from(2),
        Ok(outcome) if outcome.failed > 0 => ExitCode::from(1),
        Ok(_) => ExitCode::SUCCESS,
        // The reader went away (`asalee parse … | head`): nothing to say.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("asalee: cannot write the output: {e}");
            ExitCode::from(2)
        }
    }
}
