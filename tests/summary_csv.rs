//! `nianbao check --summary csv DIR_OR_FILES…`: one CSV line per file, agreeing with
//! `--format json` for each file; folders walked in name order; files that cannot be read
//! keep their row; quoting that Excel and any CSV reader read back exactly.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures")
}

fn fixture_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 8, "the shared fixtures are there");
    names
}

fn nianbao(args: &[&str], cwd: Option<&Path>, stdin: &[u8]) -> Output {
    use std::io::Write;
    let mut command = Command::new(env!("CARGO_BIN_EXE_nianbao"));
    command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if let Some(cwd) = cwd {
        command.current_dir(cwd);
    }
    let mut child = command.spawn().expect("nianbao runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

/// A fresh folder for one test.
fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nianbao-summary-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Reads CSV as RFC 4180 does (quoted fields may hold commas, doubled quotes and line ends);
/// every record must end with CRLF.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a UTF-8 BOM for Excel");
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "records end with CRLF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => {
                assert!(c != '\n' && c != '"', "a bare {c:?} outside quotes");
                field.push(c);
            }
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record ends with CRLF"
    );
    records
}

const HEADER: [&str; 8] = [
    "文件", "机关", "年度", "模板", "错误", "警告", "提示", "说明",
];

fn rows_of(output: &Output) -> Vec<Vec<String>> {
    let records = parse_csv(std::str::from_utf8(&output.stdout).unwrap());
    assert_eq!(records[0], HEADER);
    for record in &records {
        assert_eq!(record.len(), 8, "{record:?}");
    }
    records[1..].to_vec()
}

/// What `--format json` says about one file.
fn json_of(path: &Path) -> serde_json::Value {
    let out = nianbao(
        &["check", "--format", "json", path.to_str().unwrap()],
        None,
        b"",
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The row `--summary csv` must print for a file, built from its JSON.
fn expected_row(file: &str, json: &serde_json::Value) -> Vec<String> {
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let errors = json["summary"]["errors"].as_u64().unwrap();
    vec![
        file.to_string(),
        text(&json["agency"]),
        text(&json["report_year"]),
        text(&json["template"]),
        errors.to_string(),
        json["summary"]["warnings"].to_string(),
        json["summary"]["infos"].to_string(),
        match json["verdict"].as_str().unwrap() {
            "passed" if errors == 0 => "通过",
            "unsure" if errors == 0 => "未能可靠读取",
            "failed" if errors > 0 => "未通过",
            other => panic!("verdict {other} with {errors} errors"),
        }
        .to_string(),
    ]
}

#[test]
fn the_fixtures_folder_gives_one_row_per_report_with_the_counts_of_format_json() {
    let dir = fixtures_dir();
    let out = nianbao(
        &["check", "--summary", "csv", dir.to_str().unwrap()],
        None,
        b"",
    );
    let rows = rows_of(&out);
    let names = fixture_names();
    assert_eq!(rows.len(), names.len());
    let mut any_error = false;
    for (row, name) in rows.iter().zip(&names) {
        let path = dir.join(name);
        let json = json_of(&path);
        any_error |= json["summary"]["errors"].as_u64().unwrap() > 0;
        assert_eq!(*row, expected_row(path.to_str().unwrap(), &json), "{name}");
    }
    assert!(any_error, "a fixture has errors (003)");
    assert_eq!(out.status.code(), Some(1));
    // The truth files beside the reports are skipped, and stderr says so.
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("不是 .txt、.html、.htm、.docx 的文件"),
        "{stderr}"
    );
    // The same files named one by one, by their names: the same rows, in the order given.
    let mut reversed: Vec<&str> = names.iter().map(String::as_str).rev().collect();
    reversed.insert(0, "--summary=csv");
    reversed.insert(0, "check");
    let by_name = rows_of(&nianbao(&reversed, Some(&dir), b""));
    for (row, name) in by_name.iter().rev().zip(&names) {
        assert_eq!(row[0], *name);
    }
    let strip = |rows: &[Vec<String>]| -> Vec<Vec<String>> {
        rows.iter().map(|r| r[1..].to_vec()).collect()
    };
    let mut by_name = strip(&by_name);
    by_name.reverse();
    assert_eq!(by_name, strip(&rows));
}

#[test]
fn nested_folders_are_walked_in_name_order_and_other_files_are_named_on_stderr() {
    let dir = temp_dir("nested");
    let report = std::fs::read(fixtures_dir().join(&fixture_names()[3])).unwrap();
    for path in [
        "b.txt",
        "a/2.txt",
        "a/10.TXT",
        "a/deeper/x.txt",
        "c/readme.md",
        "c/report.htm",
        "a.txt",
    ] {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &report).unwrap();
    }
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    let out = nianbao(&["check", "--summary", "csv", "."], Some(&dir), b"");
    let files: Vec<String> = rows_of(&out).into_iter().map(|r| r[0].clone()).collect();
    assert_eq!(
        files,
        [
            "./a/10.TXT",
            "./a/2.txt",
            "./a/deeper/x.txt",
            "./a.txt",
            "./b.txt",
            "./c/report.htm"
        ]
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("1 个不是 .txt、.html、.htm、.docx 的文件") && stderr.contains("readme.md"),
        "{stderr}"
    );
    // The checked files' rows say what the report says; 003 has errors.
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_file_that_cannot_be_read_keeps_its_row_with_the_reason_and_exit_code_2() {
    let dir = temp_dir("unreadable");
    std::fs::write(dir.join("1-binary.txt"), b"\x00\x01\x02PK\x03\x04").unwrap();
    std::fs::copy(
        fixtures_dir().join(&fixture_names()[0]),
        dir.join("2-clean.txt"),
    )
    .unwrap();
    let out = nianbao(
        &["check", "--summary", "csv", ".", "missing.txt"],
        Some(&dir),
        b"",
    );
    assert_eq!(out.status.code(), Some(2));
    let rows = rows_of(&out);
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0][0], "./1-binary.txt");
    assert_eq!(rows[0][1..7], ["", "", "", "", "", ""], "unknown, not 0");
    assert!(rows[0][7].contains("不是文本文件"), "{:?}", rows[0]);
    assert_eq!(rows[1][7], "通过");
    assert_eq!(rows[2][0], "missing.txt");
    assert!(rows[2][7].starts_with("无法读取文件"), "{:?}", rows[2]);
    // And stderr names both files.
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("./1-binary.txt：这不是文本文件"),
        "{stderr}"
    );
    assert!(stderr.contains("missing.txt：无法读取文件"), "{stderr}");
    // A folder with nothing to check is a row too, never silence.
    std::fs::create_dir_all(dir.join("empty/inner")).unwrap();
    let out = nianbao(&["check", "--summary", "csv", "empty"], Some(&dir), b"");
    assert_eq!(out.status.code(), Some(2));
    let rows = rows_of(&out);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][0], "empty");
    assert!(rows[0][7].contains("没有可检查的文件"), "{:?}", rows[0]);
}

#[test]
fn names_with_commas_quotes_and_line_ends_are_quoted_and_read_back_exactly() {
    let dir = temp_dir("quoting");
    let report = std::fs::read(fixtures_dir().join(&fixture_names()[0])).unwrap();
    let names = ["a,b.txt", "say \"hi\".txt", "two\nlines.txt", "plain.txt"];
    for name in names {
        std::fs::write(dir.join(name), &report).unwrap();
    }
    let out = nianbao(&["check", "--summary", "csv", "."], Some(&dir), b"");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(stdout.contains("\"./a,b.txt\","), "{stdout}");
    assert!(stdout.contains("\"./say \"\"hi\"\".txt\","), "{stdout}");
    assert!(stdout.contains("\"./two\nlines.txt\","), "{stdout}");
    let mut expected: Vec<String> = names.iter().map(|n| format!("./{n}")).collect();
    expected.sort();
    let files: Vec<String> = rows_of(&out).into_iter().map(|r| r[0].clone()).collect();
    assert_eq!(files, expected);
}

#[test]
fn a_file_named_like_a_formula_opens_as_text_in_a_spreadsheet() {
    let dir = temp_dir("formula");
    let report = std::fs::read(fixtures_dir().join(&fixture_names()[0])).unwrap();
    std::fs::write(dir.join("=1+1.txt"), &report).unwrap();
    let out = nianbao(&["check", "--summary", "csv", "=1+1.txt"], Some(&dir), b"");
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(stdout.contains("\r\n'=1+1.txt,"), "{stdout}");
    assert_eq!(rows_of(&out)[0][0], "'=1+1.txt");
}

#[test]
fn standard_input_is_a_row_named_dash() {
    let report = std::fs::read(fixtures_dir().join(&fixture_names()[3])).unwrap();
    let out = nianbao(&["check", "--summary", "csv", "-"], None, &report);
    let rows = rows_of(&out);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0][0], "-");
    assert_eq!(rows[0][7], "未通过");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn summary_with_format_or_an_unknown_summary_is_refused() {
    let file = fixtures_dir().join(&fixture_names()[0]);
    let file = file.to_str().unwrap();
    for args in [
        ["check", "--summary", "csv", "--format", "json", file],
        ["check", "--format", "text", "--summary", "csv", file],
        ["check", "--summary", "xlsx", "--year", "2020", file],
    ] {
        let out = nianbao(&args, None, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
        assert!(String::from_utf8(out.stderr).unwrap().contains("--summary"));
    }
}

#[test]
fn a_long_batch_from_a_pipe_prints_a_progress_line_every_100_files_in_order() {
    let dir = temp_dir("long");
    let names = fixture_names();
    let total = 250;
    let mut expected = Vec::new();
    for i in 0..total {
        let source = fixtures_dir().join(&names[i % names.len()]);
        let name = format!("{i:03}.txt");
        std::fs::copy(&source, dir.join(&name)).unwrap();
        expected.push((format!("./{name}"), names[i % names.len()].clone()));
    }
    let out = nianbao(&["check", "--summary", "csv", "."], Some(&dir), b"");
    let rows = rows_of(&out);
    assert_eq!(rows.len(), total);
    // In order, whatever thread checked each file: each row has its own report's agency.
    let single = rows_of(&nianbao(
        &["check", "--summary", "csv", "."],
        Some(&fixtures_dir()),
        b"",
    ));
    for (row, (file, source)) in rows.iter().zip(&expected) {
        assert_eq!(row[0], *file);
        let original = single
            .iter()
            .find(|r| r[0] == format!("./{source}"))
            .unwrap();
        assert_eq!(row[1..], original[1..], "{file} is a copy of {source}");
    }
    let stderr = String::from_utf8(out.stderr).unwrap();
    let progress: Vec<&str> = stderr.lines().filter(|l| l.starts_with("已检查")).collect();
    assert_eq!(
        progress,
        ["已检查 100/250", "已检查 200/250", "已检查 250/250"]
    );
    // A short batch from a pipe says nothing on stderr.
    let short = nianbao(
        &["check", "--summary", "csv", "000.txt", "001.txt"],
        Some(&dir),
        b"",
    );
    assert!(short.stderr.is_empty(), "{:?}", short.stderr);
    assert_eq!(rows_of(&short).len(), 2);
}
