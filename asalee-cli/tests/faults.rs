//! What users feed the command and what goes wrong around it: joined pages, folders as browsers
//! save them, zip archives, and faults (a full disk, a closed pipe, Ctrl-C, a file gone, a read
//! error, names that are not UTF-8, link loops). Real files, `/dev/full`, real pipes.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

fn fixture(name: &str) -> Vec<u8> {
    fs::read(fixtures().join(name)).unwrap()
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("asalee-faults")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn asalee(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_asalee"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn run(args: &[&str]) -> Output {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    asalee(&args)
}

fn text(b: &[u8]) -> &str {
    std::str::from_utf8(b).unwrap()
}

fn numbers(stdout: &[u8]) -> Vec<u64> {
    text(stdout)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a whole JSON line");
            v["number"].as_u64().unwrap()
        })
        .collect()
}

/// Issue 19's first case: the first page ends with `</html>` and no line break.
#[test]
fn joined_pages_give_every_record() {
    let mut joined = fixture("real/an-legacy-l14-qe-3200.html");
    assert!(!joined.ends_with(b"\n"));
    joined.extend(fixture("real/an-fiche-l11-qe-450.html"));
    let mut child = Command::new(env!("CARGO_BIN_EXE_asalee"))
        .args(["parse", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&joined).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(numbers(&output.stdout), [3200, 450]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    // The second's encoding (ISO-8859-1) is its own.
    let mut mixed = fixture("seeds/002_3668855410b903a6.txt");
    mixed.extend(fixture("real/an-fiche-l08-qosd-176-retiree.html"));
    mixed.extend(fixture("seeds/003_70cf9cf3550011d2.txt"));
    let dir = scratch("mixed");
    fs::write(dir.join("mixed.txt"), &mixed).unwrap();
    let output = run(&["parse", dir.join("mixed.txt").to_str().unwrap()]);
    assert_eq!(numbers(&output.stdout).len(), 3, "{}", text(&output.stderr));
    assert!(!text(&output.stdout).contains('\u{FFFD}'));
    assert!(text(&output.stdout).contains("decoded as windows-1252"));
}

/// "Page, complete" as a browser saves it: the page's record, one summary line, exit 0.
#[test]
fn a_folder_saved_by_a_browser() {
    let dir = scratch("browser");
    fs::write(
        dir.join("page.html"),
        fixture("real/an-dyn-l16-qe-200.html"),
    )
    .unwrap();
    fs::create_dir(dir.join("page_files")).unwrap();
    for (name, bytes) in [
        ("app.js", &b"var x = 1;"[..]),
        ("style.css", b"body { color: red }"),
        ("logo.png", b"\x89PNG\r\n\x1a\n\0\0"),
        ("frame.html", b"<html><body>menu</body></html>"),
    ] {
        fs::write(dir.join("page_files").join(name), bytes).unwrap();
    }
    fs::write(dir.join(".DS_Store"), b"\0\0\0\x01Bud1").unwrap();
    fs::write(dir.join("photo.JPG"), b"\xFF\xD8\xFF").unwrap();
    let output = run(&["parse", dir.to_str().unwrap()]);
    assert_eq!(numbers(&output.stdout), [200]);
    assert_eq!(
        text(&output.stderr),
        "asalee: skipped 6 files that are not documents (4 in `_files/` folders, 1 .DS_Store, 1 .jpg; --all-files reads them)\n"
    );
    assert_eq!(output.status.code(), Some(0));
}

#[test]
fn nothing_to_read_says_so_and_exits_1() {
    let dir = scratch("empty");
    let output = run(&["parse", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert!(text(&output.stderr).contains("no document to read in"));
    fs::write(dir.join("a.png"), b"\x89PNG").unwrap();
    let output = run(&["parse", dir.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with("asalee: skipped 1 file that is not a document (1 .png;"),
        "{stderr}"
    );
}

fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in members {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn zip_archives_name_their_members() {
    let dir = scratch("zip");
    let archive = zip_of(&[
        ("q/002.txt", &fixture("seeds/002_3668855410b903a6.txt")),
        ("q/bad.txt", b"\n\nBonjour\n"),
        ("q/3200.html", &fixture("real/an-legacy-l14-qe-3200.html")),
    ]);
    let path = dir.join("questions.zip");
    fs::write(&path, &archive).unwrap();
    let output = run(&["parse", "--source", path.to_str().unwrap()]);
    assert_eq!(numbers(&output.stdout), [2621, 3200]);
    let shown = path.display();
    assert!(text(&output.stdout).contains(&format!("\"source\":\"{shown}!q/002.txt\"")));
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with(&format!("{shown}!q/bad.txt:3:1: not a question document")),
        "{stderr}"
    );
    assert_eq!(output.status.code(), Some(1));
    // Members are parsed side by side with --jobs, and come out in the archive's order.
    let two = run(&["parse", "--jobs", "2", "--source", path.to_str().unwrap()]);
    assert_eq!(text(&two.stdout), text(&output.stdout));
    assert_eq!(text(&two.stderr), stderr);

    // A truncated archive: a read error in the middle of the file, after the members read whole.
    fs::write(&path, &archive[..archive.len() - archive.len() / 4]).unwrap();
    let output = run(&["parse", path.to_str().unwrap()]);
    assert_eq!(numbers(&output.stdout)[0], 2621);
    let stderr = text(&output.stderr);
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with(&format!("asalee: cannot read {shown}"))),
        "{stderr}"
    );
    assert_eq!(output.status.code(), Some(2));
}

/// A large export, for the faults that need a run that lasts.
fn big_export(dir: &Path) -> PathBuf {
    let mut big = Vec::new();
    let seeds: Vec<Vec<u8>> = [
        "000_b712eef2958484e0.txt",
        "002_3668855410b903a6.txt",
        "004_d0c8ec2a7774ac5f.txt",
    ]
    .iter()
    .map(|n| fixture(&format!("seeds/{n}")))
    .collect();
    while big.len() < 8_000_000 {
        for s in &seeds {
            big.extend_from_slice(s);
            big.push(b'\n');
        }
    }
    let path = dir.join("big.txt");
    fs::write(&path, big).unwrap();
    path
}

#[test]
fn a_full_disk_exits_2_with_a_message() {
    let dir = scratch("full");
    let path = big_export(&dir);
    let output = Command::new(env!("CARGO_BIN_EXE_asalee"))
        .args([Path::new("parse"), &path])
        .stdout(
            fs::OpenOptions::new()
                .write(true)
                .open("/dev/full")
                .unwrap(),
        )
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        text(&output.stderr).starts_with("asalee: cannot write the output: "),
        "{}",
        text(&output.stderr)
    );
}

#[test]
fn a_closed_pipe_exits_quietly() {
    let dir = scratch("pipe");
    let path = big_export(&dir);
    let mut child = Command::new(env!("CARGO_BIN_EXE_asalee"))
        .args([Path::new("parse"), &path])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // (The reader is dropped: `| head -1`.)
    let output = child.wait_with_output().unwrap();
    assert!(first.ends_with("}\n"));
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(text(&output.stderr), "");
}

#[test]
fn ctrl_c_leaves_whole_records() {
    let dir = scratch("sigint");
    let path = big_export(&dir);
    let mut child = Command::new(env!("CARGO_BIN_EXE_asalee"))
        .args([Path::new("parse"), &path])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    // Some output first (the run is then under way, blocked on the full pipe).
    let mut out = vec![0; 100_000];
    stdout.read_exact(&mut out).unwrap();
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    stdout.read_to_end(&mut out).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("interrupted"));
    assert!(out.ends_with(b"\n"), "only whole lines");
    let lines = numbers(&out);
    assert!(lines.len() > 10);
    assert!(
        out.len() < fs::metadata(&path).unwrap().len() as usize * 3,
        "stopped early"
    );
}

/// A file listed, then gone before its turn: its message, exit 2, the others parsed.
#[test]
fn a_file_that_disappears() {
    let dir = scratch("gone");
    let fifo = dir.join("a-fifo.txt");
    assert!(Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    let later = dir.join("b-later.txt");
    fs::write(&later, fixture("seeds/001_d8e80435b845cd87.txt")).unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_asalee"))
        .args([
            Path::new("parse"),
            Path::new("--jobs"),
            Path::new("1"),
            &fifo,
            &later,
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // While the command reads the FIFO, the later file goes.
    let mut writer = fs::OpenOptions::new().write(true).open(&fifo).unwrap();
    fs::remove_file(&later).unwrap();
    writer
        .write_all(&fixture("seeds/000_b712eef2958484e0.txt"))
        .unwrap();
    drop(writer);
    let output = child.wait_with_output().unwrap();
    assert_eq!(numbers(&output.stdout).len(), 1);
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with(&format!("asalee: cannot read {}: ", later.display())),
        "{stderr}"
    );
    assert_eq!(output.status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn names_that_are_not_utf8_and_link_loops() {
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch("names");
    let name = std::ffi::OsStr::from_bytes(b"caf\xE9.txt");
    fs::write(dir.join(name), b"Bonjour\n").unwrap();
    fs::write(
        dir.join("good.txt"),
        fixture("seeds/001_d8e80435b845cd87.txt"),
    )
    .unwrap();
    // A folder that links back to its parent is read once.
    std::os::unix::fs::symlink(&dir, dir.join("again")).unwrap();
    let output = asalee(&[std::ffi::OsStr::new("parse"), dir.as_os_str()]);
    assert_eq!(numbers(&output.stdout).len(), 1);
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains("caf\u{FFFD}.txt:1:1: not a question document"),
        "{stderr}"
    );
    assert_eq!(output.status.code(), Some(1));
    // A link to itself cannot be read: said, exit 2.
    std::os::unix::fs::symlink(dir.join("loop"), dir.join("loop")).unwrap();
    let output = asalee(&[std::ffi::OsStr::new("parse"), dir.as_os_str()]);
    let stderr = text(&output.stderr);
    assert!(
        stderr.contains(&format!(
            "asalee: cannot read {}: ",
            dir.join("loop").display()
        )),
        "{stderr}"
    );
    assert_eq!(output.status.code(), Some(2));
}

/// On a terminal (here `script`'s), a last line sums up the run; `--quiet` silences it.
#[test]
fn the_summary_line_on_a_terminal() {
    if Command::new("script").arg("--version").output().is_err() {
        return;
    }
    let seed = fixtures().join("seeds/000_b712eef2958484e0.txt");
    let command = format!("{} parse {}", env!("CARGO_BIN_EXE_asalee"), seed.display());
    let output = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(shown.contains("1 record, 0 errors, "), "{shown}");
    let output = Command::new("script")
        .args(["-qec", &format!("{command} --quiet"), "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&output.stdout).contains("1 record"));
}
