//! Replays, on stable Rust, every regression input of `fixtures/regressions/` and (when it is
//! present) the fuzz corpus of `fuzz/corpus/*/`, through `parse_bytes`, `parse_all_bytes`,
//! `parse` (lossy UTF-8) and strict mode: no panic, every error's line and column inside the input
//! and equal to its byte offset's, every warning's line inside the input, every record
//! round-trips through `to_json`. The checks are the fuzz targets' own (`fuzz/src/lib.rs`).

#[allow(dead_code, unreachable_pub, missing_docs)]
#[path = "../../fuzz/src/lib.rs"]
mod checks;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// At most this many corpus files are replayed, for at most this long.
const CORPUS_FILES: usize = 2_000;
const CORPUS_TIME: Duration = Duration::from_secs(20);

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The files of a folder, sorted (none when it does not exist).
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    out.sort();
    out
}

/// Every check on one input; returns how long it took.
fn replay(path: &Path) -> Duration {
    let data = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    replay_data(path, &data)
}

/// [`replay`] of an input already read.
fn replay_data(path: &Path, data: &[u8]) -> Duration {
    let start = Instant::now();
    let outcome = std::panic::catch_unwind(|| {
        checks::check_bytes(data);
        checks::check_str(&String::from_utf8_lossy(data));
        checks::check_two(data);
    });
    if let Err(e) = outcome {
        let msg = e
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| e.downcast_ref::<&str>().copied())
            .unwrap_or("(no message)");
        panic!("{}: {msg}", path.display());
    }
    start.elapsed()
}

/// Regression inputs whose bug is not fixed yet: `regression_inputs` skips them and
/// `open_regressions` (ignored) replays them. Remove a file from here once its bug is fixed.
const OPEN: &[&str] = &[];

fn regression_files() -> Vec<PathBuf> {
    files_in(&root().join("fixtures/regressions"))
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect()
}

fn is_open(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| OPEN.contains(&n))
}

/// The two documents mode on the seeds joined in pairs, by every separator.
#[test]
fn two_documents_from_the_seeds() {
    let seeds = files_in(&root().join("fixtures/seeds"));
    for a in &seeds {
        for b in &seeds {
            let (a, b) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
            for sep in 0..6u8 {
                let mut data = vec![sep, (a.len() >> 8) as u8, a.len() as u8];
                data.extend_from_slice(&a);
                data.extend_from_slice(&b);
                if a.len() < 1 << 16 {
                    checks::check_two(&data);
                }
            }
        }
    }
}

#[test]
fn regression_inputs() {
    let files: Vec<_> = regression_files()
        .into_iter()
        .filter(|p| {
            let open = is_open(p);
            if open {
                eprintln!("skipped (open bug, see open_regressions): {}", p.display());
            }
            !open
        })
        .collect();
    for path in &files {
        let took = replay(path);
        // Generous (a debug-assertions build on a shared machine): a hang or a quadratic path
        // takes far longer on these inputs.
        assert!(
            took < Duration::from_secs(5),
            "{}: took {took:?}",
            path.display()
        );
    }
    eprintln!("replayed {} regression inputs", files.len());
}

/// The regression inputs of bugs not fixed yet (see `OPEN`).
#[test]
#[ignore = "replays the inputs of open bugs listed in OPEN"]
fn open_regressions() {
    for path in regression_files().iter().filter(|p| is_open(p)) {
        replay(path);
    }
}

#[test]
fn fuzz_corpus() {
    let corpus = root().join("fuzz/corpus");
    let targets = files_in_dirs(&corpus);
    if targets.is_empty() {
        eprintln!(
            "skipped: no fuzz corpus at {} (run fuzz/seed-corpus.sh or cargo +nightly fuzz run)",
            corpus.display()
        );
        return;
    }
    // Interleave the targets' folders so that a capped replay still sees each of them.
    let mut queues: Vec<std::vec::IntoIter<PathBuf>> =
        targets.iter().map(|d| files_in(d).into_iter()).collect();
    let start = Instant::now();
    let mut seen = std::collections::HashSet::new();
    let mut n = 0;
    'outer: loop {
        let mut any = false;
        for q in &mut queues {
            let Some(path) = q.next() else { continue };
            any = true;
            // The same input is often in several targets' folders (libFuzzer names it by its hash).
            if !seen.insert(path.file_name().map(|n| n.to_owned())) {
                continue;
            }
            // `fuzz/seed-corpus.sh` copies the regression inputs in, open ones included.
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name
                .strip_prefix("regressions-")
                .is_some_and(|n| OPEN.contains(&n))
            {
                continue;
            }
            // A fuzzer running meanwhile removes the inputs it reduces: those are passed over.
            let data = match std::fs::read(&path) {
                Ok(data) => data,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => panic!("{}: {e}", path.display()),
            };
            replay_data(&path, &data);
            n += 1;
            if n >= CORPUS_FILES || start.elapsed() > CORPUS_TIME {
                break 'outer;
            }
        }
        if !any {
            break;
        }
    }
    eprintln!(
        "replayed {n} corpus inputs from {} folders in {:?}",
        targets.len(),
        start.elapsed()
    );
}

/// The sub-folders of `dir`, sorted.
fn files_in_dirs(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}
