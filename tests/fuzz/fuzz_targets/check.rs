#![no_main]
//! Any bytes: decoded as a file would be, and as text pasted into the page; both checked and
//! written out as JSON and text.

use libfuzzer_sys::fuzz_target;
use nianbao::{check_text, input, output, Options};

fuzz_target!(|data: &[u8]| {
    let options = Options::default();
    if let Ok(text) = input::decode(data) {
        let report = check_text(&text, &options);
        let _ = output::json::to_string(Some("fuzz.txt"), &report);
    }
    let text = String::from_utf8_lossy(data);
    let report = check_text(&text, &options);
    let _ = output::json::to_string(None, &report);
    let _ = output::text::render("fuzz.txt", &text, &report);
});
