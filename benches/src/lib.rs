//! # asalee-benches
//!
//! What the benchmarks of `asalee-core` run on, deterministic on every machine:
//!
//! - [`mixed`]: a corpus of any size made from the project's fixtures (every layout and
//!   rendering: saved HTML pages, Markdown, text), each document with its own question number and
//!   varied text, every one still a valid document of its layout ([`Generator`] for one at a time,
//!   or one layout);
//! - [`jo_issue`]: a Journal officiel issue of any number of pages (layout `jo`), made from the
//!   written AN issue of `fixtures/jo`;
//! - [`ADVERSARIES`]: the hostile inputs of issue 7 (repeated labels, `<` runs, nested tags, one
//!   endless line, numberless `Question N° :`, binary junk, 100,000 renewal dates), each
//!   `fn(size_bytes) -> Vec<u8>`;
//! - [`opendata::legislature`]: a whole-legislature open-data export (JSON or XML) of any size,
//!   made from the project's open-data questions, each with its own number;
//! - [`count_newlines`] and [`fold_whitespace`]: the physical-limit baselines, run on the same
//!   bytes as the parser.
//!
//! The benches are in `benches/` (`cargo bench -p asalee-benches`), the binary `gen` writes the
//! corpora to files for the command line and the other runtimes, and `parse-file` parses a file
//! for `valgrind --tool=callgrind`. See the README for the method and the figures.
//!
//! ```
//! let corpus = asalee_benches::mixed(100_000);
//! let parsed = asalee_core::parse_all(&corpus).filter(|r| r.is_ok()).count();
//! assert!(parsed >= 3);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod adversarial;
mod baseline;
mod corpus;
mod fixtures;
mod jo;
pub mod opendata;
mod rng;
mod timing;

pub use crate::adversarial::{adversary, Adversary, ADVERSARIES};
pub use crate::baseline::{count_newlines, fold_whitespace};
pub use crate::corpus::{mixed, mixed_corpus, variability, Corpus, Document, Generator, SEED};
pub use crate::fixtures::{
    fixture, layout_name, layout_of_name, matrix_renderings, representative, Fixture, Rendering,
    CONVERTERS, FIXTURES, LAYOUTS,
};
pub use crate::jo::jo_issue;
pub use crate::rng::Rng;
pub use crate::timing::{median, thread_time};

/// Parses a size such as `300M`, `10MB`, `64MiB`, `512k` or `1000` (bytes): K, M and G are
/// powers of 1,000; Ki, Mi and Gi powers of 1,024.
///
/// ```
/// assert_eq!(asalee_benches::parse_size("10M"), Some(10_000_000));
/// assert_eq!(asalee_benches::parse_size("64MiB"), Some(64 << 20));
/// assert_eq!(asalee_benches::parse_size("x"), None);
/// ```
pub fn parse_size(s: &str) -> Option<usize> {
    let s = s.trim();
    let digits = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let n: usize = s[..digits].parse().ok()?;
    let unit = s[digits..].trim().trim_end_matches(['B', 'b']);
    let factor: usize = match unit.to_ascii_lowercase().as_str() {
        "" => 1,
        "k" => 1_000,
        "m" => 1_000_000,
        "g" => 1_000_000_000,
        "ki" => 1 << 10,
        "mi" => 1 << 20,
        "gi" => 1 << 30,
        _ => return None,
    };
    n.checked_mul(factor)
}
