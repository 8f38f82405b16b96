//! `cargo bench -p asalee-benches --bench adversarial [NAME…]`: time per MB of every adversarial
//! generator at 1, 8 and 64 MB (1 MB = 10^6 bytes), through `parse_all_bytes` (every result
//! consumed) and `parse_bytes`, with the 8 MB / 1 MB and 64 MB / 1 MB ratios of the time per MB.
//! The parser is linear when the ratios stay near 1; issue 7 requires at most 1.5, and a larger
//! 64 / 1 ratio is printed as `NON-LINEAR`.
//!
//! Times are the CPU time of the measuring thread (the machines are shared with other builds),
//! median of up to 5 rounds, fewer where one round takes longer than the budget (so that a slow
//! generator costs minutes, not hours), after one untimed warm-up round at 1 MB. Every round
//! parses 64 MB: 64 copies of the 1 MB input (each in its own memory), 8 of the 8 MB one, or the
//! 64 MB one, so that every size streams its bytes from memory; a 1 MB input parsed again and again
//! would stay in the caches and flatter the small size (by up to 1.6 times for `endless-line`,
//! which parses at 2 GB/s from the cache). Names given on the command line keep only the
//! generators whose name contains one of them.
//!
//! The allocator keeps freed memory at every size (see [`keep_freed_memory`]), so that a 64 MB
//! round is not charged the kernel's mapping of fresh pages that a 1 MB round does not pay;
//! `--default-allocator` measures with glibc's defaults instead.

use std::time::Duration;

use asalee_benches::{median, thread_time, Adversary, ADVERSARIES};

/// The sizes, in MB, and the most rounds at each.
const SIZES: [(usize, usize); 3] = [(1, 5), (8, 5), (64, 5)];

/// The megabytes parsed in one round at every size.
const VOLUME_MB: usize = 64;

/// The CPU time one size of one entry point may take, past its first round.
const BUDGET: Duration = Duration::from_secs(6);

/// The ratio of the time per MB at 64 MB to that at 1 MB above which the parser is not linear.
const LIMIT: f64 = 1.5;

/// The median CPU time of up to `rounds` runs of `f`, fewer when they take longer than
/// [`BUDGET`], and what `f` returned.
fn time(rounds: usize, mut f: impl FnMut() -> usize) -> (Duration, usize) {
    let (result, first) = thread_time(|| std::hint::black_box(f()));
    let affordable = (BUDGET.as_secs_f64() / first.as_secs_f64().max(1e-6)) as usize;
    let mut times = vec![first];
    for _ in 1..rounds.min(affordable + 1) {
        times.push(thread_time(|| std::hint::black_box(f())).1);
    }
    (median(&times), result)
}

fn parse_all(input: &[u8]) -> usize {
    asalee_core::parse_all_bytes(std::hint::black_box(input))
        .map(|r| if r.is_ok() { 1 << 32 } else { 1 })
        .sum()
}

fn parse_one(input: &[u8]) -> usize {
    asalee_core::parse_bytes(std::hint::black_box(input)).is_ok() as usize
}

/// An entry point of the parser: its name and a function that runs it over an input.
type Entry = (&'static str, fn(&[u8]) -> usize);

/// What an entry point made of the 64 MB input.
fn outcome(entry: &str, result: usize) -> String {
    if entry == "parse_bytes" {
        if result == 1 { "a record" } else { "an error" }.to_owned()
    } else {
        format!("{} records, {} errors", result >> 32, result & 0xFFFF_FFFF)
    }
}

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
        // The same 64 MB at every size: 64 copies of a 1 MB input, 8 of an 8 MB one, one of
        // 64 MB, each in its own memory, so that a small input is not parsed again and again from
        // the cache while a large one streams from memory.
        let input = (adversary.make)(mb * 1_000_000);
        let inputs: Vec<Vec<u8>> = (0..VOLUME_MB / mb).map(|_| input.clone()).collect();
        drop(input);
        for (e, (_, f)) in entries.iter().enumerate() {
            let (median, result) = time(rounds, || {
                let mut result = 0;
                for input in &inputs {
                    result = f(input);
                }
                result
            });
            per_mb[e][s] = median.as_secs_f64() * 1e3 / VOLUME_MB as f64;
            results[e] = result;
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
            "{:<21} {:<16} {:>9.2} {:>9.2} {:>9.2} {:>6.2} {:>6.2}  {}{flag}",
            adversary.name,
            entry,
            one,
            eight,
            sixty_four,
            eight / one,
            ratio,
            outcome(entry, results[e]),
        );
    }
    linear
}

#[path = "../src/keep_freed_memory.rs"]
mod keep_freed_memory;
use keep_freed_memory::keep_freed_memory;

fn main() {
    if !std::env::args().any(|a| a == "--default-allocator") {
        keep_freed_memory();
    }
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    println!("CPU ms per MB (1 MB = 10^6 bytes), median of rounds; ratios of the time per MB");
    println!(
        "{:<21} {:<16} {:>9} {:>9} {:>9} {:>6} {:>6}  at 64 MB",
        "generator", "entry", "1 MB", "8 MB", "64 MB", "8/1", "64/1"
    );
    let mut all_linear = true;
    for adversary in ADVERSARIES {
        if filters.is_empty() || filters.iter().any(|f| adversary.name.contains(f.as_str())) {
            all_linear &= measure(adversary);
        }
    }
    if !all_linear {
        println!("NON-LINEAR: time per MB at 64 MB over {LIMIT} times that at 1 MB");
    }
}
