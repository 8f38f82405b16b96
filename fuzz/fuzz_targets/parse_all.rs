//! `parse_all` on any text (invalid UTF-8 replaced): at least one result, every error's line and
//! column inside the input, every record round-trips through `to_json` / `serde_json::from_str`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (decoded, _) = asalee_core::decode(text.as_bytes());
    let mut n = 0;
    for r in asalee_core::parse_all(&text) {
        asalee_fuzz::check_result(&decoded, &r);
        n += 1;
    }
    assert!(n >= 1, "parse_all yields at least one result");
    for r in asalee_core::Options::new().strict(true).parse_all(&text) {
        asalee_fuzz::check_result(&decoded, &r);
    }
});
