//! A report survives the bytes the web app's worker sends it to the page in (`model::wire`): for
//! every fixture, and for the fixtures with their numbers changed, to bytes and back gives a
//! report whose JSON output is the same, byte for byte. So does the document of every real file
//! (text, web page, PDF), which a worker or the PDF layout's wasm sends the same way.

use std::path::Path;

use nianbao::model::wire;
use nianbao::{check_text, output, Document, Options, Report};

fn round_trip(name: &str, text: &str) {
    let report = check_text(text, &Options::default());
    let encoded = wire::to_bytes(&report).expect("to bytes");
    let decoded: Report = wire::from_bytes(&encoded).expect("from bytes");
    assert_eq!(
        output::json::to_string(None, &decoded),
        output::json::to_string(None, &report),
        "{name}"
    );
    // The tables' specs come back as the very same statics.
    for (a, b) in [
        (&report.tables.active, &decoded.tables.active),
        (&report.tables.requests, &decoded.tables.requests),
        (
            &report.tables.review_litigation,
            &decoded.tables.review_litigation,
        ),
    ] {
        assert_eq!(a.is_some(), b.is_some(), "{name}");
        if let (Some(a), Some(b)) = (a, b) {
            assert!(std::ptr::eq(a.spec, b.spec), "{name}");
            assert_eq!(a.rows, b.rows, "{name}");
        }
    }
    assert_eq!(report.statements, decoded.statements, "{name}");
    assert_eq!(report.sections, decoded.sections, "{name}");
    assert_eq!(report.section_bodies, decoded.section_bodies, "{name}");
}

#[test]
fn every_fixture_survives_serialization() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).expect("../shared/fixtures beside the repo") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).expect("UTF-8 fixture");
            let name = path.display().to_string();
            round_trip(&name, &text);
            // Changed numbers make other findings (and decimals, signs, blanks).
            let changed = text
                .replacen('1', "7", 3)
                .replacen('2', "-", 2)
                .replacen('3', "3.5", 2);
            round_trip(&format!("{name} (changed)"), &changed);
            seen += 1;
        }
    }
    assert!(seen >= 8, "only {seen} fixtures");
}

#[test]
fn every_real_files_document_survives_the_bytes() {
    let mut seen = 0;
    for folder in ["../shared/fixtures", "../shared/corpus"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
        for entry in std::fs::read_dir(&dir).expect("../shared beside the repo") {
            let path = entry.expect("entry").path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if !name.ends_with(".txt") && !name.ends_with(".html") && !name.ends_with(".pdf") {
                continue;
            }
            let bytes = std::fs::read(&path).expect("read");
            let Ok(document) = nianbao::native::open(&name, &bytes) else {
                continue;
            };
            let decoded: Document = wire::from_bytes(&wire::to_bytes(&document).unwrap()).unwrap();
            assert_eq!(decoded, document, "{name}");
            seen += 1;
        }
    }
    assert!(seen >= 30, "only {seen} files");
}
