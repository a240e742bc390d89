//! The fuzz corpus replayed (issue 16): every input kept in `tests/fuzz/corpus/<target>/` —
//! the seeds, the hostile inputs found by hand and what fuzzing found — runs through the same
//! path as its cargo-fuzz target (`tests/fuzz/fuzz_targets/`), on stable, in the ordinary test
//! run. It must end in a report or an error, never a panic. The corpus is kept small; the
//! longer runs with `-timeout=2` are described in docs/performance.md.

use std::path::{Path, PathBuf};

use nianbao::{check, check_text, input, native, output, Options};

fn corpus(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz/corpus")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{} is empty", dir.display());
    files
}

/// As `fuzz_targets/check.rs`: decoded as a file and as a paste, checked, written out.
fn check_target(data: &[u8]) {
    let options = Options::default();
    if let Ok(text) = input::decode(data) {
        let report = check_text(&text, &options);
        let _ = output::json::to_string(Some("fuzz.txt"), &report);
    }
    let text = String::from_utf8_lossy(data);
    let report = check_text(&text, &options);
    let _ = output::json::to_string(None, &report);
    let _ = output::text::render("fuzz.txt", &text, &report);
}

/// As `fuzz_targets/html.rs` and `docx.rs`: opened as that kind of file, checked, written out.
fn open_target(name: &str, data: &[u8]) {
    if let Ok(document) = native::open(name, data) {
        let report = check(&document, None, &Options::default());
        let _ = output::json::to_string(None, &report);
        let _ = output::text::render(name, &document.text, &report);
    }
}

#[test]
fn the_text_corpus_replays() {
    for file in corpus("check") {
        check_target(&std::fs::read(&file).unwrap());
    }
}

#[test]
fn the_html_corpus_replays() {
    for file in corpus("html") {
        open_target("fuzz.html", &std::fs::read(&file).unwrap());
    }
}

/// The PDF seeds (tests/fuzz/corpus/pdf): a blank page, a small ruled table, an encrypted,
/// a truncated and a self-referencing file, a wrong cross-reference offset. Each is refused
/// with a reason or read, never a panic or a hang.
#[test]
fn the_pdf_corpus_replays() {
    for file in corpus("pdf") {
        open_target("fuzz.pdf", &std::fs::read(&file).unwrap());
    }
}

#[test]
fn the_docx_corpus_replays() {
    for file in corpus("docx") {
        open_target("fuzz.docx", &std::fs::read(&file).unwrap());
    }
}
