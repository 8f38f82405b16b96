//! Two documents mode: two inputs joined by a random separator, checked against parsing each
//! alone (both records come out), and `parse_reader` in small blocks against `parse_all_bytes`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    asalee_fuzz::check_two(data);
});
