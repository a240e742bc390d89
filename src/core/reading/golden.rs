//! What the reading stage finds, pinned input by input in `tests/golden/reading/*.txt`: dates in
//! Arabic and Chinese numerals, the 统计期限, the title and its year, the agency, the years stated
//! in the opening lines and in table notes (`（指2019年…）`), section headings, their bodies and
//! the closing lines. Near misses are there too: each reader must read them exactly as before
//! (these readers replaced regular expressions, for the size of the wasm).
//!
//! Each file holds inputs (a JSON string, or `@ name` for an input made here: long ones, the
//! shared reports) each followed by its facts, indented. `UPDATE_GOLDEN=1` rewrites the facts.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use super::meta::{agency, dates, year};
use super::outline::Outline;
use crate::model::Date;
use crate::text::Source;

/// Everything the reading stage finds in `text`, one line per fact; absent facts are left
/// out. Bodies are given by number, length in bytes and first characters.
fn describe(text: &str) -> Vec<String> {
    let source = Source::new(text);
    let mut lines = Vec::new();
    let list = |found: &[(usize, usize, Date)]| {
        found
            .iter()
            .map(|(start, end, date)| format!("{start}..{end} {date}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let found = dates::dates(&source.text);
    if !found.is_empty() {
        lines.push(format!("dates {}", list(&found)));
    }
    let raw_dates = dates::dates(text);
    if raw_dates != found {
        lines.push(format!("raw dates {}", list(&raw_dates)));
    }
    if let Some((start, end, line)) = dates::statistics_period(&source) {
        lines.push(format!("period {start}..{end} line {line}"));
    }
    let outline = Outline::read(&source);
    if let Some((date, line)) = dates::publication_date(&outline.last_lines) {
        lines.push(format!("published {date} line {line}"));
    }
    if let Some(t) = &outline.title {
        lines.push(format!("title {} line {} at {}", t.year, t.line, t.year_at));
    }
    if let Some(agency) = agency::agency(&outline) {
        lines.push(format!("agency {agency:?}"));
    }
    for s in &outline.sections {
        lines.push(format!(
            "section {} printed {:?} line {} {}..{} {:?}",
            s.number, s.printed_number, s.line, s.start, s.end, s.title
        ));
    }
    for (number, body) in outline.bodies() {
        let head: String = body.chars().take(12).collect();
        lines.push(format!("body {number} {} {head:?}", body.len()));
    }
    for s in year::stated_years(&outline) {
        lines.push(format!(
            "stated {} {:+} {:?} line {} {:?}",
            s.year, s.offset, s.place, s.line, s.quote
        ));
    }
    if let Some(closing) = outline.closing {
        lines.push(format!("closing {closing}"));
    }
    lines
}

/// Inputs too long to write out, at the edges of the windows the readers look in: 30
/// characters between a title's year and its 年度报告, the first 3000 bytes for the title, 200
/// bytes after 统计期限, 36 bytes of label and 30 characters of note around `（指2019年）`.
fn long_inputs() -> Vec<String> {
    let han = |n: usize| "某".repeat(n);
    let ascii = |n: usize| "a".repeat(n);
    let mut inputs = Vec::new();
    for n in [29, 30, 31] {
        inputs.push(format!("2020年{}年度报告", han(n)));
        inputs.push(format!("2020年度{}年报", han(n)));
        inputs.push(format!("现公布2020年{}年度报告", han(n)));
        inputs.push(format!("现公布2020 年 度{}情况报告", han(n)));
    }
    inputs.push(format!(
        "{}\n2020年政府信息公开工作年度报告",
        "说明。".repeat(334)
    ));
    for n in [2970, 2975, 2980, 2985, 2990] {
        inputs.push(format!("{}2020年政府信息公开工作年度报告", ascii(n)));
        inputs.push(format!("{}现公布2020年度工作报告", ascii(n)));
    }
    for n in [
        48, 50, 52, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66,
    ] {
        inputs.push(format!("统计期限{}2020年1月1日至2020年12月31日", han(n)));
    }
    for n in [178, 180, 182, 184, 186, 188, 190] {
        inputs.push(format!("统计期限{}2020年1月至12月", ascii(n)));
    }
    for n in 25..=37 {
        inputs.push(format!(
            "二、主动公开政府信息情况\n上一年{}（指2019年）\n五、主要问题\n",
            ascii(n)
        ));
    }
    for n in [22, 23, 24, 25] {
        inputs.push(format!(
            "二、主动公开政府信息情况\n（指2019年{}）\n五、主要问题\n",
            han(n)
        ));
    }
    for n in [20, 25, 28, 30] {
        inputs.push(format!(
            "五、存在的主要问题及改进情况{}主要问题及改进情况",
            han(n)
        ));
        inputs.push(format!(
            "六、其他需要报告的事项{}其他需要报告的事项",
            han(n)
        ));
    }
    inputs
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The `.txt` reports of a shared folder (`fixtures`, `corpus`), by name.
fn shared_reports(folder: &str) -> Vec<String> {
    let dir = workspace().join("../shared").join(folder);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{} beside the repo: {e}", dir.display()))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .map(|n| format!("{folder}/{n}"))
        .collect();
    names.sort();
    names
}

/// The text an `@ name` input stands for.
fn named_input(name: &str) -> String {
    if let Some(index) = name.strip_prefix("long ") {
        let index: usize = index.parse().expect("long N");
        return long_inputs().swap_remove(index);
    }
    let bytes = std::fs::read(workspace().join("../shared").join(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    crate::input::decode(&bytes).expect("a shared report decodes")
}

/// The inputs of a golden file, as their lines (`"json"` or `@ name`) and texts.
fn inputs_of(golden: &str) -> Vec<(String, String)> {
    golden
        .lines()
        .filter(|line| line.starts_with('"') || line.starts_with('@'))
        .map(|line| {
            let text = match line.strip_prefix("@ ") {
                Some(name) => named_input(name),
                None => serde_json::from_str(line).expect("an input is a JSON string"),
            };
            (line.to_string(), text)
        })
        .collect()
}

/// A golden file's text: its header, then each input with its facts.
fn render(header: &str, inputs: &[(String, String)]) -> String {
    let mut out = header.to_string();
    for (line, text) in inputs {
        let _ = writeln!(out, "\n{line}");
        for fact in describe(text) {
            let _ = writeln!(out, "  {fact}");
        }
    }
    out
}

/// The inputs a generated file should hold now (`None`: the file's own inputs are the list).
fn generated(file: &str) -> Option<Vec<String>> {
    match file {
        "long.txt" => Some(
            (0..long_inputs().len())
                .map(|i| format!("@ long {i}"))
                .collect(),
        ),
        "fixtures.txt" | "corpus.txt" => Some(
            shared_reports(file.trim_end_matches(".txt"))
                .into_iter()
                .map(|name| format!("@ {name}"))
                .collect(),
        ),
        _ => None,
    }
}

#[test]
fn reading_finds_its_golden_facts() {
    let dir = workspace().join("tests/golden/reading");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 9, "{files:?}");
    let mut stale = Vec::new();
    for file in &files {
        let path = dir.join(file);
        let golden = std::fs::read_to_string(&path).unwrap();
        let header: String = golden
            .lines()
            .take_while(|line| line.starts_with('#'))
            .map(|line| format!("{line}\n"))
            .collect();
        let mut inputs = inputs_of(&golden);
        if let Some(lines) = generated(file) {
            let listed: Vec<&String> = inputs.iter().map(|(line, _)| line).collect();
            if listed != lines.iter().collect::<Vec<_>>() {
                assert!(
                    update,
                    "{file}: the generated inputs changed; UPDATE_GOLDEN=1 to list them"
                );
                inputs = lines
                    .into_iter()
                    .map(|line| {
                        let text = named_input(&line[2..]);
                        (line, text)
                    })
                    .collect();
            }
        }
        let now = render(&header, &inputs);
        if update {
            std::fs::write(&path, now).unwrap();
        } else if now != golden {
            let line = golden
                .lines()
                .zip(now.lines())
                .position(|(a, b)| a != b)
                .unwrap_or_else(|| golden.lines().count().min(now.lines().count()));
            stale.push(format!(
                "{file} line {}: want {:?}, got {:?}",
                line + 1,
                golden.lines().nth(line).unwrap_or(""),
                now.lines().nth(line).unwrap_or("")
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "the reading stage finds other facts (after a reviewed change: UPDATE_GOLDEN=1):\n{}",
        stale.join("\n")
    );
}
