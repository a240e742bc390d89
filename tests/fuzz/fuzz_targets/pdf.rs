#![no_main]
//! Any bytes as a PDF file: an error or a document, which is then checked and written out.
//! Seed it with real files: `cargo +nightly fuzz run --fuzz-dir tests/fuzz pdf ../shared/corpus`.

use libfuzzer_sys::fuzz_target;
use nianbao::{check, native, output, Options};

fuzz_target!(|data: &[u8]| {
    if let Ok(document) = native::open("fuzz.pdf", data) {
        let report = check(&document, None, &Options::default());
        let _ = output::json::to_string(None, &report);
        let _ = output::text::render("fuzz.pdf", &document.text, &report);
    }
});
