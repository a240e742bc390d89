#![no_main]
//! Any bytes as a .docx file: an error or a document, which is then checked and written out.
//! Seed it with real files: `cargo +nightly fuzz run --fuzz-dir tests/fuzz docx tests/data`.

use libfuzzer_sys::fuzz_target;
use nianbao::{check, input::docx::read_docx, output, Options};

fuzz_target!(|data: &[u8]| {
    if let Ok(document) = read_docx(data) {
        let report = check(&document, None, &Options::default());
        let _ = output::json::to_string(None, &report);
        let _ = output::text::render("fuzz.docx", &document.text, &report);
    }
});
