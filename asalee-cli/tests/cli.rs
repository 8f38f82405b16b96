//! The `asalee` command as users run it: records, messages and exit status, the output formats,
//! folders, standard input, strict mode and parallel runs.
//!
//! Expected records and messages come from the project's fixtures (`../fixtures`) and from
//! `asalee_core` itself, so that these tests check the command, not the parser's current output.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use serde_json::Value;

use common::*;

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
