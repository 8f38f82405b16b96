//! `cargo bench -p asalee-benches --bench opendata`: the open-data forms' throughput (MB/s and
//! questions/s) on a generated whole-legislature export, and, on the same bytes, serde_json's own
//! parse into a `Value` and quick-xml's own read of every event.

use std::sync::OnceLock;

use asalee_benches::opendata::{legislature, Form};
use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};

fn main() {
    divan::main();
}

/// A 20 MB export of each form, made once, and its number of questions.
fn export(form: Form) -> &'static (Vec<u8>, usize) {
    static JSON: OnceLock<(Vec<u8>, usize)> = OnceLock::new();
    static XML: OnceLock<(Vec<u8>, usize)> = OnceLock::new();
    let cell = if form == Form::Json { &JSON } else { &XML };
    cell.get_or_init(|| legislature(20_000_000, form))
}

fn counted<'a, 'b>(bencher: Bencher<'a, 'b>, form: Form) -> Bencher<'a, 'b> {
    let (bytes, n) = export(form);
    bencher
        .counter(BytesCount::new(bytes.len()))
        .counter(ItemsCount::new(*n))
}

/// `parse_all_bytes` of the JSON export: every question's record.
#[divan::bench(sample_count = 10)]
fn json_asalee(bencher: Bencher) {
    let (bytes, _) = export(Form::Json);
    counted(bencher, Form::Json).bench(|| asalee_core::parse_all_bytes(black_box(bytes)).count());
}

/// serde_json's parse of the same bytes into a `serde_json::Value` (the baseline).
#[divan::bench(sample_count = 10)]
fn json_serde_value(bencher: Bencher) {
    let (bytes, _) = export(Form::Json);
    counted(bencher, Form::Json)
        .bench(|| serde_json::from_slice::<serde_json::Value>(black_box(bytes)).is_ok());
}

/// `parse_all_bytes` of the XML export.
#[divan::bench(sample_count = 10)]
fn xml_asalee(bencher: Bencher) {
    let (bytes, _) = export(Form::Xml);
    counted(bencher, Form::Xml).bench(|| asalee_core::parse_all_bytes(black_box(bytes)).count());
}

/// quick-xml's read of every event of the same bytes (the baseline).
#[divan::bench(sample_count = 10)]
fn xml_quick_xml_events(bencher: Bencher) {
    let (bytes, _) = export(Form::Xml);
    counted(bencher, Form::Xml).bench(|| {
        let mut r = quick_xml::Reader::from_reader(black_box(&bytes[..]));
        let mut buf = Vec::new();
        let mut n = 0usize;
        loop {
            buf.clear();
            match r.read_event_into(&mut buf) {
                Ok(quick_xml::events::Event::Eof) | Err(_) => break n,
                Ok(_) => n += 1,
            }
        }
    });
}
