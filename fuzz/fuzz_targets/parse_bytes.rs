//! `parse_bytes` and `parse_all_bytes` on any bytes (UTF-8 or Windows-1252), strict and lenient,
//! with every invariant of `asalee_fuzz::check_bytes`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    asalee_fuzz::check_bytes(data);
});
