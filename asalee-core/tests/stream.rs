//! `parse_reader` yields what `parse_all_bytes` yields on the whole input, however the reads are
//! cut; a read error ends it cleanly; zip archives are read member by member.

mod common;

use std::io::{self, Read, Write};

use asalee_core::{ErrorKind, Options, ParseError, Question};
use serde_json::{json, Value};

/// A small deterministic generator (xorshift), so that every run tries the same cases.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A reader that hands out its bytes in reads of random sizes (from 1 byte), and optionally
/// fails once `fail_at` bytes were read.
struct Cuts<'a> {
    bytes: &'a [u8],
    rng: Rng,
    max: usize,
    fail_at: Option<usize>,
    read: usize,
}

impl Read for Cuts<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.fail_at.is_some_and(|at| self.read >= at) {
            return Err(io::Error::other("injected fault"));
        }
        if self.rng.below(7) == 0 {
            return Err(io::ErrorKind::Interrupted.into());
        }
        let mut n = 1 + self.rng.below(self.max);
        if let Some(at) = self.fail_at {
            n = n.min(at - self.read);
        }
        let n = n.min(buf.len()).min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        self.read += n;
        Ok(n)
    }
}

fn seen(r: &Result<Question, ParseError>) -> Value {
    match r {
        Ok(_) => common::result_json(r),
        Err(e) => json!([common::result_json(r), e.byte_offset()]),
    }
}

/// The first difference, shown short.
fn same(got: &[Value], want: &[Value], what: &str) {
    let short = |v: &Value| {
        let s = v.to_string();
        s.chars().take(400).collect::<String>()
    };
    for (i, (g, w)) in got.iter().zip(want).enumerate() {
        if g != w {
            let ctx: Vec<String> = want
                .iter()
                .map(|v| short(v).chars().take(90).collect())
                .collect();
            panic!(
                "{what}: document {i} of {}/{}\n got: {}\nwant: {}\nall wanted: {ctx:#?}",
                got.len(),
                want.len(),
                short(g),
                short(w)
            );
        }
    }
    assert_eq!(got.len(), want.len(), "{what}");
}

fn whole(bytes: &[u8], options: Options) -> Vec<Value> {
    options.parse_all_bytes(bytes).map(|r| seen(&r)).collect()
}

fn streamed(bytes: &[u8], options: Options, rng: &mut Rng, max: usize) -> Vec<Value> {
    let reader = Cuts {
        bytes,
        rng: Rng(rng.next() | 1),
        max,
        fail_at: None,
        read: 0,
    };
    options.parse_reader(reader).map(|r| seen(&r)).collect()
}

/// Whether a fixture is the AN's open data (JSON or XML): an input that starts with it is read
/// by the open-data reader to its end (docs/decisions.md), so it is not joined before others.
fn is_open_data(name: &str) -> bool {
    name.ends_with(".json") || name.ends_with(".xml")
}

/// Every document fixture's bytes, the open data left out (see [`is_open_data`]).
fn documents() -> Vec<(String, Vec<u8>)> {
    common::all_documents()
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .filter(|(name, _)| !is_open_data(name))
        .collect()
}

/// An open-data input alone (a question, a whole legislature, JSON or XML) streams to what the
/// whole input gives, however the reads are cut.
#[test]
fn open_data_streams_alone() {
    let mut rng = Rng(0x0DA7_A5EE);
    let mut checked = 0;
    for p in common::all_documents() {
        let name = p.file_name().unwrap().to_string_lossy().into_owned();
        if !is_open_data(&name) {
            continue;
        }
        let alone = std::fs::read(&p).unwrap();
        let records = whole(&alone, Options::new())
            .iter()
            .filter(|r| !r.is_array())
            .count();
        // Also after a line break and a byte-order mark (files joined), which the decoding
        // drops: the same questions, each read whole.
        for prefix in [&b""[..], b"\n\xEF\xBB\xBF", b" \n\xEF\xBB\xBF\n"] {
            let input = [prefix, &alone].concat();
            let want = whole(&input, Options::new());
            let got_records = want.iter().filter(|r| !r.is_array()).count();
            assert_eq!(got_records, records, "{name} after {prefix:?}");
            for max in [1, 7, 4096] {
                let got = streamed(&input, Options::new(), &mut rng, max);
                same(
                    &got,
                    &want,
                    &format!("{name} after {prefix:?} (reads up to {max} bytes)"),
                );
                assert_eq!(got.len(), want.len(), "{name}");
            }
        }
        checked += 1;
    }
    assert!(checked >= 5, "{checked} open-data fixtures");
}

/// Documents joined as people join them: with or without a line break, a BOM between, CRLF in
/// one only.
fn join(rng: &mut Rng, docs: &[(String, Vec<u8>)], count: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for _ in 0..count {
        let (_, doc) = &docs[rng.below(docs.len())];
        match rng.below(4) {
            0 => out.extend_from_slice(b"\xEF\xBB\xBF"),
            1 if !out.is_empty() && !out.ends_with(b"\n") => out.push(b'\n'),
            _ => {}
        }
        if rng.below(5) == 0 {
            let mut crlf = Vec::with_capacity(doc.len() * 11 / 10);
            for &b in doc {
                if b == b'\n' {
                    crlf.push(b'\r');
                }
                crlf.push(b);
            }
            out.extend_from_slice(&crlf);
        } else {
            out.extend_from_slice(doc);
        }
    }
    out
}

#[test]
fn reads_of_any_size_give_what_the_whole_input_gives() {
    let docs = documents();
    let mut rng = Rng(0x5EED_0FA5_A1EE);
    for case in 0..120 {
        let count = 1 + rng.below(4);
        let input = join(&mut rng, &docs, count);
        let options = Options::new().strict(case % 5 == 4);
        let max = [1, 3, 100, 5000, 70_000][case % 5];
        let want = whole(&input, options);
        let got = streamed(&input, options, &mut rng, max);
        same(
            &got,
            &want,
            &format!("case {case} (reads up to {max} bytes)"),
        );
    }
}

/// Inputs of several megabytes: the window is cut and started again many times.
#[test]
fn large_inputs_in_windows() {
    let docs = documents();
    let mut rng = Rng(0xB16_F11E);
    for case in 0..3 {
        let input = join(&mut rng, &docs, 400);
        assert!(input.len() > 3_000_000, "{}", input.len());
        let want = whole(&input, Options::new());
        let got = streamed(&input, Options::new(), &mut rng, 100_000);
        same(&got, &want, &format!("case {case}"));
    }
    // Text documents only, and a flood of documents without a number.
    let text: Vec<_> = docs
        .iter()
        .filter(|(n, _)| n.ends_with(".txt") || n.ends_with(".md"))
        .cloned()
        .collect();
    let input = join(&mut rng, &text, 600);
    assert_eq!(
        streamed(&input, Options::new(), &mut rng, 65_536),
        whole(&input, Options::new())
    );
    let flood = "Question N° :\nTexte de la question\n".repeat(60_000);
    let got = streamed(flood.as_bytes(), Options::new(), &mut rng, 65_536);
    assert_eq!(got.len(), 60_000);
    assert_eq!(got, whole(flood.as_bytes(), Options::new()));
}

#[test]
fn inputs_without_documents() {
    let mut rng = Rng(7);
    for input in [
        &b""[..],
        b"\n\n",
        b"Bonjour\n",
        b"\xEF\xBB\xBF",
        b"\xEF\xBB",
        b"Sommaire\n\nRubrique : x\n",
    ] {
        for max in [1, 2, 50] {
            assert_eq!(
                streamed(input, Options::new(), &mut rng, max),
                whole(input, Options::new()),
                "{input:?}"
            );
        }
    }
    let long = "Sommaire sans question\n".repeat(400_000);
    assert_eq!(
        streamed(long.as_bytes(), Options::new(), &mut rng, 65_536),
        whole(long.as_bytes(), Options::new())
    );
}

/// A read error mid-stream: every document read whole before it comes out, then one error of
/// kind `io` that says so, then nothing.
#[test]
fn a_read_error_loses_no_document_read_whole() {
    let docs = documents();
    let mut rng = Rng(99);
    let input = join(&mut rng, &docs, 30);
    let want = whole(&input, Options::new());
    for fail_at in [0, 1, input.len() / 3, input.len() / 2, input.len() - 1] {
        let reader = Cuts {
            bytes: &input,
            rng: Rng(5),
            max: 4096,
            fail_at: Some(fail_at),
            read: 0,
        };
        let got: Vec<Result<Question, ParseError>> = asalee_core::parse_reader(reader).collect();
        let (last, before) = got.split_last().unwrap();
        let e = last.as_ref().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Io);
        assert!(e.message().contains("injected fault"), "{e}");
        assert!(before
            .iter()
            .all(|r| !matches!(r, Err(e) if e.kind() == ErrorKind::Io)));
        let before: Vec<Value> = before.iter().map(seen).collect();
        assert_eq!(before[..], want[..before.len()], "failing at {fail_at}");
        // The documents that lie wholly before the fault are all there.
        let whole_before = asalee_core::parse_all_bytes(&input)
            .scan((), |_, r| Some(r))
            .count();
        assert!(before.len() <= whole_before);
        if fail_at > input.len() / 2 {
            assert!(
                before.len() >= 2,
                "{} documents before {fail_at}",
                before.len()
            );
        }
    }
}

fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(io::Cursor::new(Vec::new()));
    for (i, (name, bytes)) in members.iter().enumerate() {
        let method = if i % 2 == 0 {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

#[test]
fn zip_archives_member_by_member() {
    let docs = documents();
    let seed = &docs.iter().find(|(n, _)| n.starts_with("000_")).unwrap().1;
    let page = &docs
        .iter()
        .find(|(n, _)| n == "an-legacy-l14-qe-3200.html")
        .unwrap()
        .1;
    let archive = zip_of(&[
        ("questions/000.txt", seed),
        ("questions/3200.html", page),
        ("images/logo.png", b"\x89PNG"),
        ("questions/bonjour.txt", b"Bonjour\n"),
    ]);
    let mut rng = Rng(3);
    for max in [1, 4096] {
        let reader = Cuts {
            bytes: &archive,
            rng: Rng(rng.next() | 1),
            max,
            fail_at: None,
            read: 0,
        };
        let mut it = asalee_core::parse_reader(reader);
        let mut got = Vec::new();
        while let Some(r) = it.next() {
            got.push((it.member().map(str::to_owned), r));
        }
        assert_eq!(got.len(), 3, "the image is not a document");
        assert_eq!(got[0].0.as_deref(), Some("questions/000.txt"));
        assert_eq!(
            seen(&got[0].1),
            seen(&asalee_core::parse_bytes(seed)),
            "a member parses as its own input"
        );
        assert_eq!(got[1].1.as_ref().unwrap().number, 3200);
        let e = got[2].1.as_ref().unwrap_err();
        assert_eq!(e.member(), Some("questions/bonjour.txt"));
        assert_eq!((e.line(), e.column()), (1, 1));
        assert!(e
            .to_string()
            .starts_with("questions/bonjour.txt: not a question"));
    }
    // A truncated archive: the members read whole, then an error.
    let cut = &archive[..archive.len() * 2 / 3];
    let got: Vec<_> = asalee_core::parse_reader(cut).collect();
    assert!(got.first().is_some_and(|r| r.is_ok()));
    assert!(got.last().is_some_and(|r| r.is_err()));
}

/// JSON and XML open data go to the open-data reader (for now: the whole input, parsed as
/// `parse_all_bytes` does).
#[test]
fn open_data_is_handed_over_whole() {
    for input in [
        &b"{\"question\": {}}"[..],
        b"\xEF\xBB\xBF  [1, 2]",
        b"<?xml version=\"1.0\"?>\n<questionsEcrites/>",
    ] {
        let got: Vec<_> = asalee_core::parse_reader(input).map(|r| seen(&r)).collect();
        assert_eq!(got, whole(input, Options::new()));
    }
}
