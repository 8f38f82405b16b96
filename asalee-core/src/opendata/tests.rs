//! The streaming entry point: the same records as the text path, from readers that give a few
//! bytes at a time, and memory bounded by the largest question, not the input.

use std::io::Read;

use super::read;
use crate::{parse_all_bytes, Options};

fn fixture(rel: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures")
        .join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A reader that gives at most `n` bytes per read.
struct Trickle<'a>(&'a [u8], usize);

impl Read for Trickle<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = self.0.len().min(self.1).min(out.len());
        out[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

fn as_text(
    results: impl Iterator<Item = Result<crate::Question, crate::ParseError>>,
) -> Vec<String> {
    results
        .map(|r| match r {
            Ok(q) => q.to_json(),
            Err(e) => format!("{e:?}"),
        })
        .collect()
}

#[test]
fn a_stream_gives_what_the_text_gives() {
    for rel in [
        "variants/an-opendata-l16-legislature.json",
        "variants/an-opendata-l16-legislature.xml",
        "variants/an-opendata-l15-qosd-withdrawn.json",
        "authored/an-opendata-l15-qe-answered.json",
        "real/an-opendata-l16-qg-1.json",
        "real/an-xml-l14-qe-47351.xml",
    ] {
        let bytes = fixture(rel);
        let want = as_text(parse_all_bytes(&bytes));
        for step in [1, 7, 4096, usize::MAX] {
            let got = as_text(read(Trickle(&bytes, step), Options::new()));
            assert_eq!(got, want, "{rel}, {step} bytes at a time");
        }
    }
}

#[test]
fn errors_in_a_stream_and_what_is_not_open_data() {
    let cut = b"{\"question\": {\n  \"uid\": \"QANR5L15Q";
    let e = read(&cut[..], Options::new()).next().unwrap().unwrap_err();
    assert_eq!((e.line(), e.column()), (2, 20));
    let e = read(&b"Question \xC3\xA9crite n\xC2\xB0 1\n"[..], Options::new())
        .next()
        .unwrap()
        .unwrap_err();
    assert_eq!(e.kind(), crate::ErrorKind::NotAQuestion);
    assert_eq!(read(&b""[..], Options::new()).count(), 1);
    // A byte-order mark is skipped.
    let bom = [
        b"\xEF\xBB\xBF".as_slice(),
        &fixture("authored/an-opendata-l15-qe-answered.json"),
    ]
    .concat();
    assert!(read(&bom[..], Options::new()).next().unwrap().is_ok());
}

/// A whole legislature of `n` questions (the authored one, numbered 1 to n), JSON or XML.
fn legislature(n: usize, xml: bool) -> Vec<u8> {
    let one = String::from_utf8(fixture("authored/an-opendata-l15-qe-answered.json")).unwrap();
    let inner = one
        .trim()
        .strip_prefix("{\n \"question\":")
        .unwrap()
        .strip_suffix('}')
        .unwrap();
    let mut out = Vec::new();
    if xml {
        out.extend_from_slice(b"<?xml version=\"1.0\"?>\n<questionsEcrites>\n");
        for i in 1..=n {
            out.extend_from_slice(format!("<question><uid>QANR5L15QE{i}</uid><identifiant><numero>{i}</numero><legislature>15</legislature></identifiant><type>QE</type><textesQuestion><texteQuestion><texte>M. Jean Door demande {}.</texte></texteQuestion></textesQuestion></question>\n", "x".repeat(i % 500)).as_bytes());
        }
        out.extend_from_slice(b"</questionsEcrites>\n");
    } else {
        out.extend_from_slice(b"{\"questionsEcrites\": {\"question\": [\n");
        for i in 1..=n {
            if i > 1 {
                out.extend_from_slice(b",\n");
            }
            out.extend_from_slice(inner.replace("21874", &i.to_string()).as_bytes());
        }
        out.extend_from_slice(b"]}}\n");
    }
    out
}

#[test]
fn memory_is_bounded_by_the_largest_question() {
    for xml in [false, true] {
        let input = legislature(5_000, xml);
        assert!(input.len() > 1 << 20, "{} bytes", input.len());
        let mut docs = read(&input[..], Options::new());
        let mut n = 0;
        let mut most = 0;
        while let Some(r) = docs.next() {
            let q = r.unwrap();
            n += 1;
            assert_eq!(q.number, n);
            most = most.max(docs_buffered(&docs));
        }
        assert_eq!(n, 5_000);
        assert!(
            most < 1 << 18,
            "xml {xml}: {most} bytes held for a {} bytes input",
            input.len()
        );
    }
}

fn docs_buffered<R: Read>(docs: &super::Documents<R>) -> usize {
    docs.buffered()
}

/// A Markdown rendering that starts with a link (html2text, pandoc) or lynx's dump, which
/// starts with a link's number (`[1]Accueil`), is not JSON; a list of questions is, whatever its
/// white space.
#[test]
fn a_markdown_link_first_is_no_json() {
    use super::{json_start, sniff, Sniff};
    let md = b"[Accueil](/) [Questions](/dyn/17/questions)\n\n# ASSEMBL\xC3\x89E NATIONALE\n";
    assert!(!json_start(md));
    assert_eq!(sniff(md), Sniff::Other);
    assert!(!crate::stream::is_open_data(md));
    assert_eq!(sniff(b"   [1]Accueil [2]Questions"), Sniff::Other);
    assert!(!crate::stream::is_open_data(b"   [1]Accueil"));
    assert!(crate::stream::is_open_data(b"[ {"));
    for json in [
        &b"[{\"question\": {}}]"[..],
        b"[\n  {",
        b"[]",
        b"[",
        b"{\"question\"",
    ] {
        assert!(json_start(json), "{}", String::from_utf8_lossy(json));
        assert_eq!(sniff(json), Sniff::Json);
    }
}
