//! `cargo bench -p asalee-benches --bench adversarial [NAME…]`: time per MB of every adversarial
//! generator at 1, 8 and 64 MB (1 MB = 10^6 bytes), through `parse_all_bytes` (every result
//! consumed) and `parse_bytes`, with the 64 MB / 1 MB ratio of the time per MB. The parser is
//! linear when the ratio stays near 1; issue 7 requires at most 1.5, and a larger ratio is
//! printed as `NON-LINEAR`.
//!
//! Each figure is the median of several rounds (15 at 1 MB, 5 at 8 MB, 3 at 64 MB) after one
//! untimed warm-up round at 1 MB. Names given on the command line keep only the generators whose
//! name contains one of them.

use std::time::{Duration, Instant};

use asalee_benches::{Adversary, ADVERSARIES};

/// The sizes, in MB, and the rounds at each.
const SIZES: [(usize, usize); 3] = [(1, 15), (8, 5), (64, 3)];

/// The ratio of the time per MB at 64 MB to that at 1 MB above which the parser is not linear.
const LIMIT: f64 = 1.5;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// The median time of `rounds` runs of `f`.
fn time(rounds: usize, mut f: impl FnMut() -> usize) -> Duration {
    let mut times = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        let start = Instant::now();
        std::hint::black_box(f());
        times.push(start.elapsed());
    }
    median(times)
}

fn parse_all(input: &[u8]) -> usize {
    asalee_core::parse_all_bytes(std::hint::black_box(input))
        .map(|r| r.is_ok() as usize + 1)
        .sum()
}

fn parse_one(input: &[u8]) -> usize {
    asalee_core::parse_bytes(std::hint::black_box(input)).is_ok() as usize
}

/// An entry point of the parser: its name and a function that runs it over an input.
type Entry = (&'static str, fn(&[u8]) -> usize);

/// Prints one line per entry point for one generator; returns whether every ratio is within the
/// limit.
fn measure(adversary: &Adversary) -> bool {
    let entries: [Entry; 2] = [("parse_all_bytes", parse_all), ("parse_bytes", parse_one)];
    let warm = (adversary.make)(1_000_000);
    for (_, f) in entries {
        f(&warm);
    }
    drop(warm);
    let mut per_mb = [[0.0f64; 3]; 2];
    let mut results = [0usize; 2];
    for (s, (mb, rounds)) in SIZES.into_iter().enumerate() {
        let input = (adversary.make)(mb * 1_000_000);
        for (e, (_, f)) in entries.iter().enumerate() {
            per_mb[e][s] = time(rounds, || f(&input)).as_secs_f64() * 1e3 / mb as f64;
            if s == 2 {
                results[e] = f(&input);
            }
        }
    }
    let mut linear = true;
    for (e, (entry, _)) in entries.iter().enumerate() {
        let [one, eight, sixty_four] = per_mb[e];
        let ratio = sixty_four / one;
        let flag = if ratio > LIMIT {
            linear = false;
            "  NON-LINEAR"
        } else {
            ""
        };
        println!(
            "{:<21} {:<16} {:>9.3} {:>9.3} {:>9.3} {:>7.2} {:>7.2}  ({} at 64 MB){flag}",
            adversary.name,
            entry,
            one,
            eight,
            sixty_four,
            eight / one,
            ratio,
            if *entry == "parse_bytes" {
                if results[e] == 1 {
                    "ok".to_owned()
                } else {
                    "error".to_owned()
                }
            } else {
                let r = results[e];
                format!("{} results", r / 2 + r % 2)
            },
        );
    }
    linear
}

fn main() {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    println!("time per MB (ms/MB, 1 MB = 10^6 bytes), median of rounds; ratios of the time per MB");
    println!(
        "{:<21} {:<16} {:>9} {:>9} {:>9} {:>7} {:>7}",
        "generator", "entry", "1 MB", "8 MB", "64 MB", "8/1", "64/1"
    );
    let mut all_linear = true;
    for adversary in ADVERSARIES {
        if filters.is_empty() || filters.iter().any(|f| adversary.name.contains(f.as_str())) {
            all_linear &= measure(adversary);
        }
    }
    if !all_linear {
        println!("some generator is not linear: time per MB at 64 MB over {LIMIT}x that at 1 MB");
    }
}
