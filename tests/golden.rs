//! Golden outputs: what `nianbao check --format json` and `--format text` print for every real
//! report in `../shared/fixtures` and `../shared/corpus`, and for the small case of each rule
//! (`tests/golden/rules/<id>.txt`, with `<id>.previous.txt` as last year's report for the
//! cross-year rules), kept under `tests/golden/` and compared byte for byte. After a reviewed
//! change, rewrite them all with
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

/// The report files of a folder, sorted by name (last year's reports of the rule cases are
/// not reports of their own).
fn reports(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{} beside the repo: {e}", dir.display()))
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| {
            Path::new(name)
                .extension()
                .is_some_and(|ext| REPORT_EXTENSIONS.contains(&ext.to_string_lossy().as_ref()))
                && !name.ends_with(".previous.txt")
        })
        .collect();
    names.sort();
    names
}

/// Last year's report for a case of `tests/golden/rules`, when it has one.
fn previous_of(dir: &Path, file: &str) -> Option<String> {
    let (stem, _) = file.rsplit_once('.')?;
    let previous = format!("{stem}.previous.txt");
    dir.join(&previous).exists().then_some(previous)
}

/// What the CLI prints for one file, run from its folder so that `file` is its bare name:
/// standard output, then standard error and the exit status when they say something.
fn run(dir: &Path, file: &str, format: &str) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_nianbao"));
    command.current_dir(dir).args(["check", "--format", format]);
    if let Some(previous) = previous_of(dir, file) {
        command.args(["--previous", &previous]);
    }
    let output = command.arg(file).output().expect("the nianbao binary runs");
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

/// Compares (or, with `UPDATE_GOLDEN=1`, writes) the outputs of every report of a shared
/// folder.
fn check_folder(folder: &str) {
    let names = reports(&shared(folder));
    assert!(names.len() >= 8, "{folder}: only {} reports", names.len());
    check_outputs(&shared(folder), &golden_dir(folder), &names);
}

/// Compares (or writes) the outputs of the reports `names` of `dir` with those in `golden`.
fn check_outputs(dir: &Path, golden: &Path, names: &[String]) {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    std::fs::create_dir_all(golden).unwrap();
    let mut stale = Vec::new();
    for name in names {
        for (format, suffix) in [("json", "json"), ("text", "text")] {
            let got = run(dir, name, format);
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
    // A golden output whose report is gone is stale too.
    for entry in std::fs::read_dir(golden).unwrap() {
        let file = entry.unwrap().file_name().to_string_lossy().into_owned();
        let Some(report) = file.strip_suffix(".json").or(file.strip_suffix(".text")) else {
            continue;
        };
        if !names.iter().any(|n| n == report) {
            let path = golden.join(&file);
            if update {
                std::fs::remove_file(&path).unwrap();
            } else {
                stale.push(format!("{}: no such report any more", path.display()));
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

#[test]
fn each_rule_has_a_small_case_that_triggers_it() {
    let dir = golden_dir("rules");
    let names = reports(&dir);
    let mut missed = Vec::new();
    for rule in nianbao::model::Rule::ALL {
        let Some(case) = names
            .iter()
            .find(|n| n.rsplit_once('.').map(|(s, _)| s) == Some(rule.id()))
        else {
            missed.push(format!("{}: no case in tests/golden/rules", rule.id()));
            continue;
        };
        let report: serde_json::Value = serde_json::from_str(&run(&dir, case, "json")).unwrap();
        let fired = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["rule"] == rule.id());
        if !fired {
            missed.push(format!("{case}: {} does not fire", rule.id()));
        }
    }
    let clean: serde_json::Value = serde_json::from_str(&run(&dir, "clean.txt", "json")).unwrap();
    assert_eq!(
        clean["findings"],
        serde_json::json!([]),
        "the clean case is clean"
    );
    assert!(missed.is_empty(), "{missed:#?}");
    check_outputs(&dir, &dir, &names);
}
