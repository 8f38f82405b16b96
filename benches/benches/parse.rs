//! `cargo bench -p asalee-benches --bench parse`: the parser's throughput against the physical
//! limit, in one run on the same bytes.
//!
//! - `layout`: `parse` of one representative document per layout (MB/s and documents/s);
//! - `rendering`: `parse` of the same an-dyn question as a saved page, Markdown (pandoc,
//!   html2text) and text (lynx, w3m);
//! - `matrix`: `parse` of every fixture page as one converter of the rendering matrix renders
//!   it (`tests/renderings/`), per converter;
//! - `jo_issue_300_pages`: `parse_all` over a whole 300-page JO issue;
//! - `mixed_10mb`: the 10 MB mixed corpus ([`asalee_benches::mixed`]) through `parse_all`
//!   and `parse_all_bytes`, and, on the same bytes, the baselines: a `memchr` newline count and a
//!   one-pass whitespace fold into a `String`. Every bench of the group counts the corpus's bytes
//!   and documents, so the ratios read straight off the throughput lines.

use std::sync::OnceLock;

use asalee_benches::{fixture, layout_of_name, representative, Corpus};
use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};

fn main() {
    divan::main();
}

/// `parse` of one representative document per layout.
#[divan::bench(args = ["an-fiche", "an-legacy", "an-dyn", "an-current", "plain", "senat"], sample_count = 200)]
fn layout(bencher: Bencher, name: &str) {
    let layout = layout_of_name(name).unwrap_or(asalee_core::Layout::Plain);
    let text = asalee_core::decode(representative(layout).bytes)
        .0
        .into_owned();
    bencher
        .counter(BytesCount::of_str(&text))
        .counter(ItemsCount::new(1usize))
        .bench(|| asalee_core::parse(black_box(&text)));
}

/// `parse` of the an-dyn written question 200 in each rendering.
#[divan::bench(args = ["html", "pandoc.md", "html2text.md", "lynx.txt", "w3m.txt"], sample_count = 200)]
fn rendering(bencher: Bencher, rendering: &str) {
    let name = if rendering == "html" {
        "real/an-dyn-l16-qe-200.html".to_owned()
    } else {
        format!("variants/an-dyn-l16-qe-200.{rendering}")
    };
    let bytes = fixture(&name).map_or(&b""[..], |f| f.bytes);
    let text = asalee_core::decode(bytes).0.into_owned();
    bencher
        .counter(BytesCount::of_str(&text))
        .counter(ItemsCount::new(1usize))
        .bench(|| asalee_core::parse(black_box(&text)));
}

/// `parse` of every fixture page's rendering by one converter of the rendering matrix (as
/// rendered by `make renderings`; without it the bench has nothing to count and says so).
#[divan::bench(args = asalee_benches::CONVERTERS, sample_count = 50)]
fn matrix(bencher: Bencher, converter: &str) {
    let docs = asalee_benches::matrix_renderings(converter);
    if docs.is_empty() {
        eprintln!("matrix/{converter}: no renderings (run `make renderings` first)");
    }
    bencher
        .counter(BytesCount::new(docs.iter().map(String::len).sum::<usize>()))
        .counter(ItemsCount::new(docs.len()))
        .bench(|| {
            for d in &docs {
                let _ = black_box(asalee_core::parse(black_box(d)));
            }
        });
}

/// The 10 MB mixed corpus, made once.
fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| asalee_benches::mixed_corpus(10_000_000))
}

/// The counters of every bench of the mixed corpus: its bytes and its documents.
fn counted<'a, 'b>(bencher: Bencher<'a, 'b>) -> Bencher<'a, 'b> {
    let c = corpus();
    bencher
        .counter(BytesCount::of_str(&c.text))
        .counter(ItemsCount::new(c.documents))
}

/// The 10 MB mixed corpus: the parser and the baselines on the same bytes.
#[divan::bench_group(sample_count = 15, sample_size = 1)]
mod mixed_10mb {
    use super::*;

    /// `parse_all` over the whole corpus, every result consumed.
    #[divan::bench]
    fn parse_all(bencher: Bencher) {
        let text = &corpus().text;
        counted(bencher).bench(|| {
            asalee_core::parse_all(black_box(text))
                .map(|r| r.is_ok() as usize)
                .sum::<usize>()
        });
    }

    /// `parse_all_bytes` over the same bytes (encoding detection and UTF-8 check included).
    #[divan::bench]
    fn parse_all_bytes(bencher: Bencher) {
        let bytes = corpus().text.as_bytes();
        counted(bencher).bench(|| {
            asalee_core::parse_all_bytes(black_box(bytes))
                .map(|r| r.is_ok() as usize)
                .sum::<usize>()
        });
    }

    /// Baseline: a `memchr` count of the newlines.
    #[divan::bench(sample_count = 100)]
    fn baseline_memchr_newlines(bencher: Bencher) {
        let bytes = corpus().text.as_bytes();
        counted(bencher).bench(|| asalee_benches::count_newlines(black_box(bytes)));
    }

    /// Baseline: one pass folding whitespace runs into a new `String`.
    #[divan::bench(sample_count = 50)]
    fn baseline_fold_whitespace(bencher: Bencher) {
        let text = &corpus().text;
        counted(bencher).bench(|| asalee_benches::fold_whitespace(black_box(text)));
    }
}

/// A whole 300-page Journal officiel issue ([`asalee_benches::jo_issue`]), made once.
fn jo_issue() -> &'static Corpus {
    static ISSUE: OnceLock<Corpus> = OnceLock::new();
    ISSUE.get_or_init(|| asalee_benches::jo_issue(300))
}

/// `parse_all` over a whole 300-page JO issue, every block a document (compare its MB/s with the
/// mixed corpus's).
#[divan::bench(sample_count = 15, sample_size = 1)]
fn jo_issue_300_pages(bencher: Bencher) {
    let issue = jo_issue();
    bencher
        .counter(BytesCount::of_str(&issue.text))
        .counter(ItemsCount::new(issue.documents))
        .bench(|| {
            asalee_core::parse_all(black_box(&issue.text))
                .map(|r| r.is_ok() as usize)
                .sum::<usize>()
        });
}
