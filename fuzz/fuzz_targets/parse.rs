//! `parse` on any text (invalid UTF-8 replaced), with the position and round-trip invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let r = asalee_core::parse(&text);
    let (decoded, _) = asalee_core::decode(text.as_bytes());
    asalee_fuzz::check_result(&decoded, &r);
    let strict = asalee_core::Options::new().strict(true).parse(&text);
    asalee_fuzz::check_result(&decoded, &strict);
});
