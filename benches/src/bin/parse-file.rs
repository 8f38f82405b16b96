//! Parses a file with `asalee_core::parse_all_bytes` and reports the time, for profilers
//! (`valgrind --tool=callgrind target/release/parse-file corpus.txt`) and for the 10 MB / 300 MB
//! comparison.
//!
//! ```text
//! parse-file FILE [ROUNDS] [--baselines] [--default-allocator] [--reader]
//! ```
//!
//! With `--reader`, the file is read by `asalee_core::parse_reader` (a block at a time, as the
//! command line does) instead of being read whole and parsed by `parse_all_bytes`.
//!
//! Makes ROUNDS (default 1) passes over the file and prints, per round, the documents parsed and
//! failed, the wall time and the thread's CPU time; then the median CPU time as MB/s
//! (1 MB = 10^6 bytes) and documents/s. With `--baselines`, also times the `memchr` newline count
//! and the whitespace fold on the same bytes and prints the parser's speed as a fraction of theirs.
//! Like the adversarial bench, it makes glibc keep freed memory at every size (see
//! `keep_freed_memory`; `--default-allocator` measures without): otherwise a file over 32 MB
//! with a CRLF, whose decoded copy glibc maps and unmaps every round, pays page faults at every
//! round that a 10 MB file pays only at its first.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use asalee_benches::{count_newlines, fold_whitespace, median, thread_time};

#[path = "../keep_freed_memory.rs"]
mod keep_freed_memory;

fn mb_per_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / time.as_secs_f64().max(1e-9) / 1e6
}

/// The median CPU time of `rounds` runs of `f`.
fn timed(rounds: usize, mut f: impl FnMut() -> usize) -> Duration {
    let times: Vec<Duration> = (0..rounds)
        .map(|_| thread_time(|| std::hint::black_box(f())).1)
        .collect();
    median(&times)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if !args.iter().any(|a| a == "--default-allocator") {
        keep_freed_memory::keep_freed_memory();
    }
    let baselines = args.iter().any(|a| a == "--baselines");
    let reader = args.iter().any(|a| a == "--reader");
    let args: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: parse-file FILE [ROUNDS] [--baselines] [--default-allocator]");
        return ExitCode::from(2);
    };
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(1).max(1);
    let size = std::fs::metadata(path).map_or(0, |m| m.len() as usize);
    let bytes = match if reader {
        Ok(Vec::new())
    } else {
        std::fs::read(path)
    } {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut cpu: Vec<Duration> = Vec::with_capacity(rounds);
    let mut documents = 0;
    for round in 1..=rounds {
        let wall = Instant::now();
        let ((ok, failed), time) = thread_time(|| {
            let (mut ok, mut failed) = (0usize, 0usize);
            let mut count = |result: Result<_, _>| match result {
                Ok(_) => ok += 1,
                Err(_) => failed += 1,
            };
            if reader {
                match std::fs::File::open(path) {
                    Ok(file) => asalee_core::parse_reader(file).for_each(&mut count),
                    Err(e) => eprintln!("{path}: {e}"),
                }
            } else {
                asalee_core::parse_all_bytes(std::hint::black_box(&bytes)).for_each(&mut count);
            }
            (ok, failed)
        });
        let wall = wall.elapsed();
        println!(
            "round {round}: {ok} documents, {failed} failed, wall {:.5} s, cpu {:.5} s",
            wall.as_secs_f64(),
            time.as_secs_f64()
        );
        documents = ok + failed;
        cpu.push(time);
    }
    let parse = median(&cpu);
    println!(
        "{path}: {} bytes, {documents} documents, median cpu {:.3} s: {:.1} MB/s, {:.0} documents/s",
        size,
        parse.as_secs_f64(),
        mb_per_s(size, parse),
        documents as f64 / parse.as_secs_f64().max(1e-9)
    );
    if baselines {
        let newlines = timed(rounds.max(5) * 10, || count_newlines(&bytes));
        println!(
            "baseline memchr newline count: {:.1} MB/s (parse_all_bytes at {:.2} % of it)",
            mb_per_s(bytes.len(), newlines),
            100.0 * newlines.as_secs_f64() / parse.as_secs_f64()
        );
        match std::str::from_utf8(&bytes) {
            Ok(text) => {
                let fold = timed(rounds.max(5), || fold_whitespace(text).len());
                println!(
                    "baseline whitespace fold: {:.1} MB/s (parse_all_bytes at {:.1} % of it)",
                    mb_per_s(bytes.len(), fold),
                    100.0 * fold.as_secs_f64() / parse.as_secs_f64()
                );
            }
            Err(_) => println!("baseline whitespace fold: skipped, the file is not UTF-8"),
        }
    }
    ExitCode::SUCCESS
}
