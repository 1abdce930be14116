//! libFuzzer entry for [`bodies::literals`]; the body is shared with `tests/fuzz_seeds.rs`.
#![no_main]

#[path = "../bodies.rs"]
mod bodies;

libfuzzer_sys::fuzz_target!(|data: &[u8]| bodies::literals(data));
