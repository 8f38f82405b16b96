//! The layout `jo`: any text after the lines that make an input a JO issue (a section heading and
//! a block), and the same text with its lines read as one of two columns side by side; through
//! `parse_all`, lenient and strict: every error's line and column inside the input, every record
//! round-trips through `to_json`.
#![no_main]

use libfuzzer_sys::fuzz_target;

const HEAD: &str = "4. Questions écrites\nAGRICULTURE\n91350. – 1er décembre 2015. – M. Jean Dupont attire l’attention\n";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // As it is, and as the right column of a two-column page (`pdftotext -layout`).
    let columns: String = text
        .lines()
        .map(|l| format!("gauche du texte de la colonne qui est longue     {l}\n"))
        .collect();
    for input in [format!("{HEAD}{text}"), format!("{HEAD}{columns}")] {
        let (decoded, _) = asalee_core::decode(input.as_bytes());
        let mut n = 0;
        for r in asalee_core::parse_all(&input) {
            asalee_fuzz::check_result(&decoded, &r);
            n += 1;
        }
        assert!(n >= 1, "parse_all yields at least one result");
        for r in asalee_core::Options::new().strict(true).parse_all(&input) {
            asalee_fuzz::check_result(&decoded, &r);
        }
    }
});
