//! `parse_all` on any text inside the open data's envelopes (a JSON question, a whole
//! legislature in JSON and in XML), so that the fuzzer reaches the JSON scanner, the XML reader
//! and the field mapping: at least one result, every error's position inside the input, every
//! record round-trips.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for wrapped in [
        format!("{{\"question\": {text}"),
        format!("{{\"questionsEcrites\": {{\"question\": [{text}"),
        format!("<?xml version=\"1.0\"?>\n<questionsEcrites>\n<question>{text}"),
        format!("<QUESTION TYPE=\"QE\">{text}"),
    ] {
        let (decoded, _) = asalee_core::decode(wrapped.as_bytes());
        let mut n = 0;
        for r in asalee_core::parse_all(&wrapped) {
            asalee_fuzz::check_result(&decoded, &r);
            n += 1;
        }
        assert!(n >= 1, "parse_all yields at least one result");
    }
});
