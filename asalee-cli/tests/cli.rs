//! The `asalee` command as users run it: records, messages and exit status, the output formats,
//! folders, standard input, strict mode and parallel runs.
//!
//! Expected records and messages come from the project's fixtures (`../fixtures`) and from
//! `asalee_core` itself, so that these tests check the command, not the parser's current output.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use asalee_core::Options;
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

fn asalee<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(env!("CARGO_BIN_EXE_asalee"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("asalee runs")
}

fn asalee_with_stdin(args: &[&str], input: Vec<u8>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_asalee"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("asalee runs");
    let mut stdin = child.stdin.take().expect("piped");
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let output = child.wait_with_output().expect("asalee ends");
    writer.join().expect("writer").expect("stdin written");
    output
}

fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("UTF-8 output")
}

fn code(output: &Output) -> i32 {
    output.status.code().expect("exit status")
}

/// A fresh folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("asalee-cli")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn sorted_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .expect("folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

/// What `asalee parse` must print for these inputs, computed with `asalee_core`:
/// (stdout, stderr) in JSON Lines.
fn expected(inputs: &[(String, Vec<u8>)], strict: bool) -> (String, String) {
    let (mut out, mut err) = (String::new(), String::new());
    for (shown, bytes) in inputs {
        for result in Options::new().strict(strict).parse_all_bytes(bytes) {
            match result {
                Ok(q) => {
                    out.push_str(&q.to_json());
                    out.push('\n');
                }
                Err(e) => {
                    err.push_str(&format!(
                        "{shown}:{}:{}: {}\n",
                        e.line(),
                        e.column(),
                        e.message()
                    ));
                }
            }
        }
    }
    (out, err)
}

fn read_inputs(paths: &[PathBuf]) -> Vec<(String, Vec<u8>)> {
    paths
        .iter()
        .map(|p| (p.display().to_string(), fs::read(p).expect("fixture")))
        .collect()
}

/// Removes the white space outside strings from a JSON text (keeping field order).
fn minify(json: &str) -> String {
    let (mut out, mut in_string, mut escaped) = (String::new(), false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}

#[test]
fn each_seed_gives_exactly_its_expected_record() {
    let seeds = sorted_files(&fixtures().join("seeds"));
    assert_eq!(seeds.len(), 5, "the five seeds");
    for seed in seeds {
        let stem = seed.file_stem().unwrap().to_str().unwrap().to_owned();
        let want =
            fs::read_to_string(fixtures().join("expected").join(format!("{stem}.json"))).unwrap();
        let output = asalee([Path::new("parse"), &seed]);
        assert_eq!(code(&output), 0, "{stem}: {}", text(&output.stderr));
        assert_eq!(text(&output.stderr), "", "{stem}");
        // The exact bytes: values, field order, one line.
        assert_eq!(
            text(&output.stdout),
            format!("{}\n", minify(&want)),
            "{stem}"
        );
    }
}

#[test]
fn exit_status_is_0_1_or_2() {
    let seed = fixtures().join("seeds/002_3668855410b903a6.txt");
    let bad = fixtures().join("real/senat-1980-qe-302705-text.txt");
    let missing = fixtures().join("no-such-file.html");
    assert_eq!(code(&asalee([Path::new("parse"), &seed])), 0);
    assert_eq!(code(&asalee([Path::new("parse"), &seed, &bad])), 1);
    assert_eq!(code(&asalee([Path::new("parse"), &missing])), 2);
    // An unreadable input: exit 2, and every other input is still parsed.
    let output = asalee([Path::new("parse"), &missing, &seed, &bad]);
    assert_eq!(code(&output), 2);
    let (want_out, want_err) = expected(&read_inputs(&[seed, bad]), false);
    assert_eq!(text(&output.stdout), want_out);
    let stderr = text(&output.stderr);
    let first = stderr.lines().next().unwrap();
    assert!(
        first.starts_with(&format!("asalee: cannot read {}: ", missing.display())),
        "{first}"
    );
    assert_eq!(&stderr[first.len() + 1..], want_err);
    // Wrong arguments: exit 2 with a usage message.
    for args in [
        &["parse", "--format", "xml", "x"][..],
        &["parse", "--jobs", "0", "x"],
        &["parse", "--bogus"],
        &["nothing"],
        &[],
    ] {
        let output = asalee(args);
        assert_eq!(code(&output), 2, "{args:?}");
        assert!(
            text(&output.stderr).contains("Usage: asalee"),
            "{args:?}: {}",
            text(&output.stderr)
        );
        assert!(output.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn a_failed_document_prints_path_line_column_and_message() {
    let bad = fixtures().join("real/senat-1980-qe-302705-text.txt");
    let output = asalee([Path::new("parse"), &bad]);
    assert_eq!(code(&output), 1);
    assert_eq!(text(&output.stdout), "", "nothing on stdout");
    let error = asalee_core::parse_bytes(&fs::read(&bad).unwrap()).expect_err("the fixture fails");
    let want = format!(
        "{}:{}:{}: {}\n",
        bad.display(),
        error.line(),
        error.column(),
        error.message()
    );
    assert_eq!(text(&output.stderr), want);
    // PATH:LINE:COLUMN: message, the path as given.
    let relative = asalee(["parse", "../fixtures/real/senat-1980-qe-302705-text.txt"]);
    let line = text(&relative.stderr).trim_end();
    let rest = line
        .strip_prefix("../fixtures/real/senat-1980-qe-302705-text.txt:")
        .expect(line);
    let mut parts = rest.splitn(3, ':');
    assert!(parts.next().unwrap().parse::<usize>().unwrap() >= 1);
    assert!(parts.next().unwrap().parse::<usize>().unwrap() >= 1);
    assert!(parts.next().unwrap().starts_with(' '));
}

/// A folder with good, bad, empty, binary and unreadable inputs loses nothing.
#[test]
fn batches_lose_nothing() {
    let dir = scratch("batch");
    let seed = |name: &str| fs::read(fixtures().join("seeds").join(name)).unwrap();
    fs::write(dir.join("a-good.txt"), seed("000_b712eef2958484e0.txt")).unwrap();
    fs::write(
        dir.join("b-bad.txt"),
        fs::read(fixtures().join("real/senat-1980-qe-302705-text.txt")).unwrap(),
    )
    .unwrap();
    fs::write(dir.join("c-empty.txt"), b"").unwrap();
    let mut binary = Vec::with_capacity(8192);
    let mut x: u32 = 0x2545_f491;
    for i in 0..8192 {
        x = x.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        binary.push(if i % 97 == 0 { 0 } else { (x >> 24) as u8 });
    }
    fs::write(dir.join("d-binary.bin"), &binary).unwrap();
    // Several documents in one input, a bad one between good ones.
    let mut many = seed("002_3668855410b903a6.txt");
    many.extend_from_slice(b"\nQuestion \xc3\xa9crite n\xc2\xb0\nTexte de la question\n\n");
    many.extend(seed("004_d0c8ec2a7774ac5f.txt"));
    fs::write(dir.join("e-many.txt"), many).unwrap();
    fs::create_dir(dir.join("f-sub")).unwrap();
    fs::write(dir.join("f-sub/good.md"), seed("003_70cf9cf3550011d2.txt")).unwrap();
    fs::write(dir.join("g-good.txt"), seed("001_d8e80435b845cd87.txt")).unwrap();

    let files = [
        "a-good.txt",
        "b-bad.txt",
        "c-empty.txt",
        "e-many.txt",
        "f-sub/good.md",
        "g-good.txt",
    ]
    .map(|name| dir.join(name));
    let (want_out, want_err) = expected(&read_inputs(&files), false);
    assert!(want_out.lines().count() >= 5, "five good records at least");
    for path in &files[1..3] {
        let shown = format!("{}:", path.display());
        assert!(
            want_err.lines().any(|l| l.starts_with(&shown)),
            "{shown} fails"
        );
    }

    // A binary file of an unknown kind in a folder is not a document: skipped, and said once.
    let skipped =
        "asalee: skipped 1 file that is not a document (1 .bin; --all-files reads them)\n";
    let output = asalee([Path::new("parse"), &dir]);
    assert_eq!(text(&output.stdout), want_out);
    assert_eq!(text(&output.stderr), format!("{want_err}{skipped}"));
    assert_eq!(code(&output), 1);
    // `--all-files` reads it (and it fails).
    let output = asalee([Path::new("parse"), Path::new("--all-files"), &dir]);
    let binary = format!("{}:", dir.join("d-binary.bin").display());
    assert!(text(&output.stderr).lines().any(|l| l.starts_with(&binary)));
    assert!(!text(&output.stderr).contains("skipped"));

    // An unreadable input (a dangling link: tests may run as root, who reads any file) is
    // reported with its path, exits 2, and the others are still all there.
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(dir.join("nowhere.html"), dir.join("c-unreadable.html"))
            .unwrap();
        let output = asalee([Path::new("parse"), &dir]);
        assert_eq!(code(&output), 2);
        assert_eq!(text(&output.stdout), want_out);
        let stderr = text(&output.stderr);
        let unreadable = format!(
            "asalee: cannot read {}: ",
            dir.join("c-unreadable.html").display()
        );
        // `c-unreadable.html` sorts between `c-empty.txt` and `e-many.txt`.
        let (before, after) =
            want_err.split_at(want_err.find(&format!("{}:", files[3].display())).unwrap());
        let line = stderr
            .lines()
            .find(|l| l.starts_with(&unreadable))
            .expect("the unreadable input is reported");
        assert_eq!(
            stderr,
            format!("{before}{line}\n{after}{skipped}"),
            "in input order"
        );
    }
}

#[test]
fn standard_input() {
    let seed = fs::read(fixtures().join("seeds/004_d0c8ec2a7774ac5f.txt")).unwrap();
    let (want, _) = expected(&[("<stdin>".into(), seed.clone())], false);
    for args in [&["parse", "-"][..], &["parse"]] {
        let output = asalee_with_stdin(args, seed.clone());
        assert_eq!(code(&output), 0, "{args:?}");
        assert_eq!(text(&output.stdout), want, "{args:?}");
    }
    let bad = fs::read(fixtures().join("real/senat-1980-qe-302705-text.txt")).unwrap();
    let (_, want_err) = expected(&[("<stdin>".into(), bad.clone())], false);
    let output = asalee_with_stdin(&["parse", "-"], bad);
    assert_eq!(code(&output), 1);
    assert!(want_err.starts_with("<stdin>:"));
    assert_eq!(text(&output.stderr), want_err);
    // Standard input among files, in order.
    let file = fixtures().join("seeds/000_b712eef2958484e0.txt");
    let output = asalee_with_stdin(
        &["parse", file.to_str().unwrap(), "-", file.to_str().unwrap()],
        seed.clone(),
    );
    let one = expected(&read_inputs(&[file]), false).0;
    assert_eq!(text(&output.stdout), format!("{one}{want}{one}"));
}

#[test]
fn strict_mode_turns_warnings_into_errors() {
    let dir = scratch("strict");
    let path = dir.join("unknown-label.txt");
    fs::write(
        &path,
        "ASSEMBLÉE NATIONALE\n17ème législature\nAccès aux soins\nQuestion écrite n° 2621\nTexte de la question\n\
         Mme Danielle Brulebois attire l'attention de Mme la ministre.\nDonnées clés\nRubrique : Santé\n\
         Couleur du ciel : bleu\n",
    )
    .unwrap();
    let lenient = asalee([Path::new("parse"), &path]);
    assert_eq!(code(&lenient), 0);
    let record: Value = serde_json::from_slice(&lenient.stdout).unwrap();
    assert_eq!(record["warnings"][0]["line"], 9, "{record}");

    let strict = asalee([Path::new("parse"), Path::new("--strict"), &path]);
    assert_eq!(code(&strict), 1);
    assert_eq!(text(&strict.stdout), "");
    let (_, want_err) = expected(&read_inputs(std::slice::from_ref(&path)), true);
    assert!(
        want_err.starts_with(&format!("{}:9:", path.display())),
        "{want_err}"
    );
    assert_eq!(text(&strict.stderr), want_err);

    // A seed without warnings parses in strict mode too.
    let seed = fixtures().join("seeds/002_3668855410b903a6.txt");
    assert_eq!(
        code(&asalee([Path::new("parse"), Path::new("--strict"), &seed])),
        0
    );
}

/// Every fixture of the project, as one list of inputs.
fn every_fixture() -> Vec<PathBuf> {
    ["seeds", "authored", "real", "variants"]
        .iter()
        .map(|d| fixtures().join(d))
        .filter(|d| d.is_dir())
        .flat_map(|d| sorted_files(&d))
        .collect()
}

fn jsonl_records(stdout: &[u8]) -> Vec<Value> {
    text(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON record per line"))
        .collect()
}

const COLUMNS: [&str; 33] = [
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

/// A JSON value as its CSV cell: null is empty, strings as they are.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The CSV cell a record's column must hold, read from the JSON record (docs/decisions.md, "Flat
/// tables"): dates of a list separated by a space, a list of parts as its JSON array, an empty
/// list as an empty cell.
fn expected_cell(record: &Value, column: &str) -> String {
    let items = |column: &str| record[column].as_array().expect("a list").clone();
    match column {
        "reassigned_on" | "renewed_on" => {
            items(column).iter().map(cell).collect::<Vec<_>>().join(" ")
        }
        "errata" | "other_fields" | "warnings" if items(column).is_empty() => String::new(),
        "errata" | "other_fields" | "warnings" => record[column].to_string(),
        _ => {
            for object in ["author", "question_published", "answer_published", "closed"] {
                if let Some(part) = column
                    .strip_prefix(object)
                    .and_then(|r| r.strip_prefix('_'))
                {
                    return cell(&record[object][part]);
                }
            }
            cell(&record[column])
        }
    }
}

#[test]
fn csv_reads_back_as_the_json_records() {
    let inputs = every_fixture();
    let jsonl = asalee(std::iter::once(PathBuf::from("parse")).chain(inputs.iter().cloned()));
    let csv_out = asalee(
        ["parse", "--format", "csv"]
            .iter()
            .map(PathBuf::from)
            .chain(inputs.iter().cloned()),
    );
    assert_eq!(code(&csv_out), code(&jsonl));
    assert_eq!(csv_out.stderr, jsonl.stderr);
    let records = jsonl_records(&jsonl.stdout);
    assert!(
        records.len() >= 6,
        "the seeds and the authored document at least"
    );

    let mut reader = csv::Reader::from_reader(&csv_out.stdout[..]);
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, COLUMNS);
    // Every field of the record has its column(s): nothing is dropped.
    for key in records[0].as_object().unwrap().keys() {
        assert!(
            header
                .iter()
                .any(|c| c == key || c.starts_with(&format!("{key}_"))),
            "no column for `{key}`"
        );
    }
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a CSV row")).collect();
    assert_eq!(rows.len(), records.len());
    let mut multi_line = 0;
    for (row, record) in rows.iter().zip(&records) {
        assert_eq!(row.len(), COLUMNS.len());
        for (column, value) in COLUMNS.iter().zip(row.iter()) {
            assert_eq!(
                value,
                expected_cell(record, column),
                "record {} column {column}",
                record["number"]
            );
        }
        multi_line += usize::from(row.iter().any(|v| v.contains('\n')));
    }
    assert!(
        multi_line > 0,
        "texts with several paragraphs are kept whole"
    );

    // With --source, a last column holds the input's path.
    let seed = fixtures().join("seeds/000_b712eef2958484e0.txt");
    let output = asalee([
        Path::new("parse"),
        Path::new("--format=csv"),
        Path::new("--source"),
        &seed,
    ]);
    let mut reader = csv::Reader::from_reader(&output.stdout[..]);
    assert_eq!(reader.headers().unwrap().iter().next_back(), Some("source"));
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(
        row.iter().next_back(),
        Some(seed.display().to_string().as_str())
    );

    // With --bom, a UTF-8 byte-order mark first; the rest is the same.
    let bom = asalee([
        Path::new("parse"),
        Path::new("--format=csv"),
        Path::new("--source"),
        Path::new("--bom"),
        &seed,
    ]);
    assert_eq!(bom.stdout[..3], [0xEF, 0xBB, 0xBF]);
    assert_eq!(bom.stdout[3..], output.stdout[..]);
}

#[test]
fn json_is_one_valid_array() {
    let inputs = every_fixture();
    let jsonl = asalee(std::iter::once(PathBuf::from("parse")).chain(inputs.iter().cloned()));
    let records = jsonl_records(&jsonl.stdout);
    for pretty in [false, true] {
        let mut args = vec![PathBuf::from("parse"), "--format".into(), "json".into()];
        if pretty {
            args.push("--pretty".into());
        }
        let output = asalee(args.into_iter().chain(inputs.iter().cloned()));
        assert_eq!(output.stderr, jsonl.stderr);
        let array: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
        assert_eq!(array.as_array().expect("an array"), &records);
    }
    // No record at all is an empty array.
    let bad = fixtures().join("real/senat-1980-qe-302705-text.txt");
    let output = asalee([
        Path::new("parse"),
        Path::new("--format"),
        Path::new("json"),
        &bad,
    ]);
    assert_eq!(text(&output.stdout), "[]\n");
    assert_eq!(code(&output), 1);
}

#[test]
fn pretty_and_source() {
    let seed = fixtures().join("seeds/001_d8e80435b845cd87.txt");
    let plain = jsonl_records(&asalee([Path::new("parse"), &seed]).stdout);
    let pretty = asalee([Path::new("parse"), Path::new("--pretty"), &seed]);
    assert!(text(&pretty.stdout).lines().count() > 20, "indented");
    assert_eq!(
        serde_json::from_slice::<Value>(&pretty.stdout).unwrap(),
        plain[0]
    );
    let sourced = jsonl_records(&asalee([Path::new("parse"), Path::new("--source"), &seed]).stdout);
    let mut want = plain[0].clone();
    want["source"] = Value::String(seed.display().to_string());
    assert_eq!(sourced[0], want);
}

/// Many files, several threads: the same output as one thread, in input order.
#[test]
fn jobs_do_not_change_the_output() {
    let dir = scratch("jobs");
    let sources = every_fixture();
    let mut files = Vec::new();
    for i in 0..120 {
        let source = &sources[(i * 7) % sources.len()];
        let path = dir.join(format!(
            "{:03}-{}",
            i,
            source.file_name().unwrap().to_str().unwrap()
        ));
        fs::copy(source, &path).unwrap();
        files.push(path);
    }
    let (want_out, want_err) = expected(&read_inputs(&files), false);
    for format in ["jsonl", "csv", "json"] {
        let run = |jobs: &str| {
            asalee([
                Path::new("parse"),
                Path::new("--format"),
                Path::new(format),
                Path::new("--jobs"),
                Path::new(jobs),
                &dir,
            ])
        };
        let one = run("1");
        let four = run("4");
        assert_eq!(text(&one.stdout), text(&four.stdout), "{format}");
        assert_eq!(text(&one.stderr), text(&four.stderr), "{format}");
        assert_eq!(code(&one), code(&four), "{format}");
        assert_eq!(text(&four.stderr), want_err, "{format}");
        if format == "jsonl" {
            assert_eq!(text(&four.stdout), want_out);
        }
    }
}

#[test]
fn help_and_version() {
    let help = asalee(["--help"]);
    assert_eq!(code(&help), 0);
    assert!(text(&help.stdout).contains("asalee parse page.html"));
    let help = asalee(["parse", "--help"]);
    assert_eq!(code(&help), 0);
    for needle in [
        "--format",
        "--strict",
        "--jobs",
        "asalee parse --format csv pages/ > questions.csv",
        "Exit status",
    ] {
        assert!(text(&help.stdout).contains(needle), "{needle}");
    }
    let version = asalee(["--version"]);
    assert_eq!(
        text(&version.stdout),
        format!("asalee {}\n", env!("CARGO_PKG_VERSION"))
    );
}

/// A large input is read through `parse_reader`, whose window is cut and started again many times:
/// the same records and messages as one pass, lines counted from the start of the input.
#[test]
fn large_inputs_in_windows_lose_nothing() {
    let dir = scratch("windows");
    let mut big = Vec::new();
    let sources = every_fixture();
    // Several megabytes: `parse_reader` cuts its window many times.
    for round in 0..12 {
        for (i, source) in sources.iter().enumerate() {
            if (i + round) % 3 != 2 {
                big.extend(fs::read(source).unwrap());
                big.push(b'\n');
            }
        }
    }
    let path = dir.join("export.txt");
    fs::write(&path, &big).unwrap();
    let (want_out, want_err) = expected(&read_inputs(std::slice::from_ref(&path)), false);
    let output = Command::new(env!("CARGO_BIN_EXE_asalee"))
        .args([Path::new("parse"), &path])
        .output()
        .unwrap();
    assert!(big.len() > 3_000_000, "several windows");
    assert_eq!(text(&output.stderr), want_err);
    assert_eq!(text(&output.stdout), want_out);
    assert_eq!(code(&output), i32::from(!want_err.is_empty()));
}
