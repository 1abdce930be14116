//! libFuzzer entry for [`parity::parity`]; the body is shared with `tests/parser_parity.rs`.
#![no_main]

#[path = "../../tests/support/reference_page.rs"]
mod reference_page;

#[path = "../parity.rs"]
mod parity;

libfuzzer_sys::fuzz_target!(|data: &[u8]| parity::parity(data));
