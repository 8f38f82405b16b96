//! Every seed and authored document reproduces its exact record (values and field order), through
//! every entry point: `parse`, `parse_bytes`, `parse_all`, and bytes in Windows-1252.

mod common;

use common::{files, fixtures, keys, record_json};
use serde_json::Value;

fn expected(path: &std::path::Path) -> Value {
    let stem = path.file_stem().unwrap().to_str().unwrap();
    let text =
        std::fs::read_to_string(fixtures().join("expected").join(format!("{stem}.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn documents() -> Vec<std::path::PathBuf> {
    let mut docs = files("seeds");
    docs.extend(files("authored"));
    assert_eq!(docs.len(), 7, "five seeds and two authored documents");
    docs
}

#[test]
fn parse_gives_the_expected_records() {
    for path in documents() {
        let text = std::fs::read_to_string(&path).unwrap();
        let got = record_json(&asalee_core::parse(&text).unwrap());
        let want = expected(&path);
        assert_eq!(got, want, "{}", path.display());
        assert_eq!(keys(&got), keys(&want), "field order of {}", path.display());
    }
}

#[test]
fn parse_bytes_and_parse_all_agree() {
    for path in documents() {
        let bytes = std::fs::read(&path).unwrap();
        let want = expected(&path);
        assert_eq!(
            record_json(&asalee_core::parse_bytes(&bytes).unwrap()),
            want
        );
        let all: Vec<_> = asalee_core::parse_all_bytes(&bytes).collect();
        assert_eq!(all.len(), 1, "{}", path.display());
        assert_eq!(record_json(all[0].as_ref().unwrap()), want);
    }
}

#[test]
fn windows_1252_crlf_and_bom_give_the_same_records() {
    for path in documents() {
        let text = std::fs::read_to_string(&path).unwrap();
        let want = expected(&path);
        // Windows-1252 (every character of the seeds exists there), CRLF line ends.
        let (cp1252, _, lossy) = encoding_rs_like::encode(&text.replace('\n', "\r\n"));
        assert!(!lossy, "{} fits in Windows-1252", path.display());
        assert_eq!(
            record_json(&asalee_core::parse_bytes(&cp1252).unwrap()),
            want,
            "cp1252 {}",
            path.display()
        );
        // UTF-8 with a byte-order mark.
        let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        assert_eq!(
            record_json(&asalee_core::parse_bytes(&bom).unwrap()),
            want,
            "BOM {}",
            path.display()
        );
    }
}

/// Encodes text in Windows-1252 (the test's own small encoder: the library only decodes).
mod encoding_rs_like {
    pub(crate) fn encode(text: &str) -> (Vec<u8>, (), bool) {
        let mut lossy = false;
        let mut out = Vec::with_capacity(text.len());
        for c in text.chars() {
            let b = match c as u32 {
                0..=0x7F | 0xA0..=0xFF => c as u32 as u8,
                _ => match c {
                    '€' => 0x80,
                    '‚' => 0x82,
                    '„' => 0x84,
                    '…' => 0x85,
                    '‘' => 0x91,
                    '’' => 0x92,
                    '“' => 0x93,
                    '”' => 0x94,
                    '–' => 0x96,
                    '—' => 0x97,
                    'œ' => 0x9C,
                    'Œ' => 0x8C,
                    'Ÿ' => 0x9F,
                    _ => {
                        lossy = true;
                        b'?'
                    }
                },
            };
            out.push(b);
        }
        (out, (), lossy)
    }
}
