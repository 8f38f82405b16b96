//! Writes the benchmark corpora to files, for the command line and the other runtimes.
//!
//! ```text
//! gen mixed 300M benches/data/mixed-300M.txt      the mixed corpus, concatenated
//! gen files 300M benches/data/mixed-300M/         the same documents, one file each
//! gen an-dyn 10M benches/data/an-dyn-10M.txt      documents of one layout only
//! gen jo 10M benches/data/jo-10M.txt              one Journal officiel issue of that size
//! gen renewal-dates 64MiB /tmp/renewal.txt        an adversarial input
//! gen opendata-json 1G /tmp/legislature.json      a whole-legislature open-data export
//! gen opendata-xml 1G /tmp/legislature.xml        the same in XML
//! gen opendata-zip 10K /tmp/questions.json.zip    10,000 per-question JSON files in a zip
//! gen list                                        the layouts and adversarial generators
//! gen fixtures                                    the fixtures and how much of each varies
//! ```
//!
//! Sizes take K, M, G (powers of 1,000) or Ki, Mi, Gi (powers of 1,024); `-` as the output is
//! standard output.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use asalee_benches::{
    adversary, layout_name, layout_of_name, parse_size, variability, Corpus, Generator,
    ADVERSARIES, FIXTURES, LAYOUTS, SEED,
};

const USAGE: &str =
    "usage: gen (mixed | files | LAYOUT | ADVERSARY) SIZE OUT\n       gen list\n       gen fixtures";

fn write_out(out: &str, bytes: &[u8]) -> std::io::Result<()> {
    if out == "-" {
        std::io::stdout().lock().write_all(bytes)
    } else {
        std::fs::write(out, bytes)
    }
}

/// `gen list` and `gen fixtures`; `false` for any other arguments.
fn describe(args: &[String]) -> bool {
    if args.first().map(String::as_str) == Some("list") {
        println!("mixed\nfiles\nopendata-json\nopendata-xml\nopendata-zip");
        for (layout, _) in LAYOUTS {
            println!("{}", layout_name(layout));
        }
        for a in ADVERSARIES {
            println!("{}\t{}", a.name, a.description);
        }
        return true;
    }
    if args.first().map(String::as_str) == Some("fixtures") {
        println!("fixture\tlayout\trendering\tbytes\treplaceable words");
        for f in FIXTURES {
            println!(
                "{}\t{}\t{:?}\t{}\t{}",
                f.name,
                layout_name(f.layout),
                f.rendering,
                f.bytes.len(),
                variability(f).0
            );
        }
        println!("words drawn from: {}", variability(&FIXTURES[0]).1);
        return true;
    }
    false
}

fn run(args: &[String]) -> Result<(), String> {
    let [what, size, out] = args else {
        if describe(args) {
            return Ok(());
        }
        return Err(USAGE.to_owned());
    };
    let size = parse_size(size).ok_or_else(|| format!("not a size: {size}\n{USAGE}"))?;
    let io = |e: std::io::Error| format!("{out}: {e}");
    match what.as_str() {
        "mixed" => {
            let corpus = Corpus::generate(&mut Generator::new(SEED), size);
            write_out(out, corpus.text.as_bytes()).map_err(io)?;
            eprintln!(
                "{out}: {} bytes, {} documents",
                corpus.text.len(),
                corpus.documents
            );
        }
        "opendata-json" | "opendata-xml" => {
            let form = if what == "opendata-json" {
                asalee_benches::opendata::Form::Json
            } else {
                asalee_benches::opendata::Form::Xml
            };
            let (bytes, n) = asalee_benches::opendata::legislature(size, form);
            write_out(out, &bytes).map_err(io)?;
            eprintln!("{out}: {} bytes, {n} questions", bytes.len());
        }
        "opendata-zip" => {
            // The size is the number of members.
            let bytes = asalee_benches::opendata::archive(size);
            write_out(out, &bytes).map_err(io)?;
            eprintln!("{out}: {} bytes, {size} members", bytes.len());
        }
        "files" => {
            let dir = Path::new(out);
            std::fs::create_dir_all(dir).map_err(io)?;
            let mut generator = Generator::new(SEED);
            let (mut bytes, mut documents) = (0, 0);
            let mut text = String::new();
            while bytes < size {
                text.clear();
                let (fixture, number) = generator.write_next(&mut text);
                let name = format!(
                    "{documents:05}-{}-{number}.{}",
                    layout_name(fixture.layout),
                    fixture.rendering.extension()
                );
                std::fs::write(dir.join(name), &text).map_err(io)?;
                bytes += text.len();
                documents += 1;
            }
            eprintln!("{out}: {bytes} bytes, {documents} files");
        }
        "jo" => {
            // As many pages as make the size (the pages of the written issue average the same).
            let per_page = asalee_benches::jo_issue(40).text.len() / 40;
            let issue = asalee_benches::jo_issue((size / per_page.max(1)).max(1));
            write_out(out, issue.text.as_bytes()).map_err(io)?;
            eprintln!(
                "{out}: {} bytes, {} documents",
                issue.text.len(),
                issue.documents
            );
        }
        name => {
            if let Some(layout) = layout_of_name(name) {
                let corpus = Corpus::generate(&mut Generator::of_layout(SEED, layout), size);
                write_out(out, corpus.text.as_bytes()).map_err(io)?;
                eprintln!(
                    "{out}: {} bytes, {} documents",
                    corpus.text.len(),
                    corpus.documents
                );
            } else if let Some(a) = adversary(name) {
                write_out(out, &(a.make)(size)).map_err(io)?;
                eprintln!("{out}: {size} bytes of {}", a.name);
            } else {
                return Err(format!("no corpus named {name} (see `gen list`)\n{USAGE}"));
            }
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
