//! What the `asalee` command's tests share: running it, the fixtures, the expected output.
#![allow(dead_code)] // each test file uses its own part

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use asalee_core::Options;
use serde_json::Value;

pub(crate) fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures")
}

pub(crate) fn asalee<I, S>(args: I) -> Output
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

pub(crate) fn asalee_with_stdin(args: &[&str], input: Vec<u8>) -> Output {
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

pub(crate) fn text(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes).expect("UTF-8 output")
}

pub(crate) fn code(output: &Output) -> i32 {
    output.status.code().expect("exit status")
}

/// A fresh folder for one test.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("asalee-cli")
        .join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

pub(crate) fn sorted_files(dir: &Path) -> Vec<PathBuf> {
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
pub(crate) fn expected(inputs: &[(String, Vec<u8>)], strict: bool) -> (String, String) {
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

pub(crate) fn read_inputs(paths: &[PathBuf]) -> Vec<(String, Vec<u8>)> {
    paths
        .iter()
        .map(|p| (p.display().to_string(), fs::read(p).expect("fixture")))
        .collect()
}

/// Removes the white space outside strings from a JSON text (keeping field order).
pub(crate) fn minify(json: &str) -> String {
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

/// Every fixture of the project, as one list of inputs.
pub(crate) fn every_fixture() -> Vec<PathBuf> {
    ["seeds", "authored", "real", "variants"]
        .iter()
        .map(|d| fixtures().join(d))
        .filter(|d| d.is_dir())
        .flat_map(|d| sorted_files(&d))
        .collect()
}

pub(crate) fn jsonl_records(stdout: &[u8]) -> Vec<Value> {
    text(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON record per line"))
        .collect()
}
