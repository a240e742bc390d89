//! Golden outputs: what `nianbao check --format json` and `--format text` print for every real
//! report in `../shared/fixtures` and `../shared/corpus`, kept under `tests/golden/` and
//! compared byte for byte. After a reviewed change, rewrite them all with
//!
//!     UPDATE_GOLDEN=1 cargo test --test golden
//!
//! and read the diff (`git diff tests/golden`) before committing it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Report files the CLI reads, by extension.
const REPORT_EXTENSIONS: &[&str] = &["txt", "html", "htm", "docx", "pdf"];

fn shared(folder: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(folder)
}

fn golden_dir(folder: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(folder)
}

/// The report files of a shared folder, sorted by name.
fn reports(folder: &str) -> Vec<String> {
    let dir = shared(folder);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{} beside the repo: {e}", dir.display()))
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| {
            Path::new(name)
                .extension()
                .is_some_and(|ext| REPORT_EXTENSIONS.contains(&ext.to_string_lossy().as_ref()))
        })
        .collect();
    names.sort();
    names
}

/// What the CLI prints for one file, run from its folder so that `file` is its bare name:
/// standard output, then standard error and the exit status when they say something.
fn run(dir: &Path, file: &str, format: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .current_dir(dir)
        .args(["check", "--format", format, file])
        .output()
        .expect("the nianbao binary runs");
    let mut shown = String::from_utf8(output.stdout).expect("stdout is UTF-8");
    if format == "json" {
        return shown;
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    if !stderr.is_empty() {
        shown.push_str("--- stderr\n");
        shown.push_str(&stderr);
    }
    shown.push_str(&format!(
        "--- exit {}\n",
        output.status.code().unwrap_or(-1)
    ));
    shown
}

/// The first line where two outputs differ, for the failure message.
fn first_difference(want: &str, got: &str) -> String {
    let line = want
        .lines()
        .zip(got.lines())
        .position(|(a, b)| a != b)
        .unwrap_or_else(|| want.lines().count().min(got.lines().count()));
    let at = |text: &str| {
        text.lines()
            .nth(line)
            .unwrap_or("(end)")
            .chars()
            .take(300)
            .collect::<String>()
    };
    format!(
        "line {}:\n  want: {}\n  got:  {}",
        line + 1,
        at(want),
        at(got)
    )
}

/// Compares (or, with `UPDATE_GOLDEN=1`, writes) the outputs of every report of `folder`.
fn check_folder(folder: &str) {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let dir = shared(folder);
    let golden = golden_dir(folder);
    std::fs::create_dir_all(&golden).unwrap();
    let names = reports(folder);
    assert!(names.len() >= 8, "{folder}: only {} reports", names.len());
    let mut stale = Vec::new();
    for name in &names {
        for (format, suffix) in [("json", "json"), ("text", "text")] {
            let got = run(&dir, name, format);
            let path = golden.join(format!("{name}.{suffix}"));
            if update {
                std::fs::write(&path, &got).unwrap();
                continue;
            }
            match std::fs::read_to_string(&path) {
                Ok(want) if want == got => {}
                Ok(want) => stale.push(format!(
                    "{}: {}",
                    path.display(),
                    first_difference(&want, &got)
                )),
                Err(_) => stale.push(format!("{}: missing", path.display())),
            }
        }
    }
    // A golden file whose report is gone is stale too.
    for entry in std::fs::read_dir(&golden).unwrap() {
        let file = entry.unwrap().file_name().to_string_lossy().into_owned();
        let report = file
            .rsplit_once('.')
            .map_or(file.as_str(), |(stem, _)| stem);
        if !names.iter().any(|n| n == report) {
            if update {
                std::fs::remove_file(golden.join(&file)).unwrap();
            } else {
                stale.push(format!("{folder}/{file}: no such report any more"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "{} golden outputs differ (after a reviewed change: UPDATE_GOLDEN=1 cargo test --test golden):\n{}",
        stale.len(),
        stale.join("\n")
    );
}

#[test]
fn fixtures_print_their_golden_outputs() {
    check_folder("fixtures");
}

#[test]
fn corpus_prints_its_golden_outputs() {
    check_folder("corpus");
}
