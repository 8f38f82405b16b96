//! Parses a file with `asalee_core::parse_all_bytes` and reports the time, for profilers
//! (`valgrind --tool=callgrind target/release/parse-file corpus.txt`) and for the 10 MB / 300 MB
//! comparison.
//!
//! ```text
//! parse-file FILE [ROUNDS]     ROUNDS (default 1) passes over the file, then their median
//! ```
//!
//! Prints, per round, the documents parsed and failed and the time; then the median MB/s
//! (1 MB = 10^6 bytes) and documents/s.

use std::process::ExitCode;
use std::time::{Duration, Instant};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: parse-file FILE [ROUNDS]");
        return ExitCode::from(2);
    };
    let rounds: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(1).max(1);
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut times: Vec<Duration> = Vec::with_capacity(rounds);
    let mut documents = 0;
    for round in 1..=rounds {
        let start = Instant::now();
        let (mut ok, mut failed) = (0usize, 0usize);
        for result in asalee_core::parse_all_bytes(std::hint::black_box(&bytes)) {
            match result {
                Ok(_) => ok += 1,
                Err(_) => failed += 1,
            }
        }
        let time = start.elapsed();
        println!(
            "round {round}: {ok} documents, {failed} failed, {:.3} s",
            time.as_secs_f64()
        );
        documents = ok + failed;
        times.push(time);
    }
    times.sort();
    let median = times[times.len() / 2].as_secs_f64();
    println!(
        "{path}: {} bytes, {documents} documents, median {:.3} s: {:.1} MB/s, {:.0} documents/s",
        bytes.len(),
        median,
        bytes.len() as f64 / median / 1e6,
        documents as f64 / median
    );
    ExitCode::SUCCESS
}
