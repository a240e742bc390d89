#![no_main]
//! Any bytes as an `.html` file: decoded by its charset, parsed by html5ever (bounded by what
//! it builds), laid out as text and grids, checked and written out.
//! `cargo +nightly fuzz run --fuzz-dir tests/fuzz html tests/fuzz/corpus/html -- -timeout=2`

use libfuzzer_sys::fuzz_target;
use nianbao::{check, native, output, Options};

fuzz_target!(|data: &[u8]| {
    if let Ok(document) = native::open("fuzz.html", data) {
        let report = check(&document, None, &Options::default());
        let _ = output::json::to_string(None, &report);
        let _ = output::text::render("fuzz.html", &document.text, &report);
    }
});
