//! The native side of `bench/bench.mjs`: `parse_all_bytes` over a file, best of N rounds, twice:
//! records only, and records turned into their JSON text (as the CLI does; the wasm side's
//! counterpart is building the JS objects).
//!
//! `cargo run --release -p asalee-wasm --example native-throughput -- FILE [ROUNDS]`
//! prints one JSON line: `{"bytes":…,"documents":…,"parse_mb_per_s":…,"parse_json_mb_per_s":…}`.

use std::time::Instant;

fn best_of(rounds: usize, mut run: impl FnMut() -> usize) -> (f64, usize) {
    let mut best = f64::INFINITY;
    let mut documents = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        documents = std::hint::black_box(run());
        best = best.min(start.elapsed().as_secs_f64());
    }
    (best, documents)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: native-throughput FILE [ROUNDS]");
    let rounds: usize = args
        .next()
        .map_or(10, |n| n.parse().expect("ROUNDS is a number"));
    let bytes = std::fs::read(&path).expect("cannot read the input");

    let (parse, documents) = best_of(rounds, || {
        let mut count = 0;
        for result in asalee_core::parse_all_bytes(&bytes) {
            std::hint::black_box(&result);
            count += 1;
        }
        count
    });
    let (parse_json, _) = best_of(rounds, || {
        let mut count = 0;
        for result in asalee_core::parse_all_bytes(&bytes) {
            count += 1;
            if let Ok(question) = result {
                std::hint::black_box(question.to_json());
            }
        }
        count
    });
    let mb = bytes.len() as f64 / 1e6;
    println!(
        r#"{{"bytes":{},"documents":{documents},"parse_mb_per_s":{:.2},"parse_json_mb_per_s":{:.2}}}"#,
        bytes.len(),
        mb / parse,
        mb / parse_json
    );
}
