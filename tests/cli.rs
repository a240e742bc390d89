//! `nianbao check` as CONTRACT.md describes it: text and JSON Lines output, exit codes, `-` for
//! standard input, encodings.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures")
        .join(name)
}

const CLEAN: &str = "000_74598ba982fdb439.txt";
const BROKEN: &str = "003_2bb5014562e5e799.txt";

fn nianbao(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nianbao runs");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn json_lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).expect("each line is one JSON object"))
        .collect()
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("nianbao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn json_lines_in_the_order_given_with_exit_code_1_on_errors() {
    let clean = fixture(CLEAN);
    let broken = fixture(BROKEN);
    let out = nianbao(
        &[
            "check",
            "--format",
            "json",
            broken.to_str().unwrap(),
            clean.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["file"], broken.to_str().unwrap());
    assert_eq!(lines[1]["file"], clean.to_str().unwrap());
    assert_eq!(lines[0]["template"], "2019");
    assert_eq!(lines[0]["summary"]["errors"], 4);
    let finding = &lines[0]["findings"].as_array().unwrap()[1];
    for key in ["rule", "severity", "message", "cells", "line"] {
        assert!(finding.get(key).is_some(), "finding lacks {key}: {finding}");
    }
    assert_eq!(lines[1]["summary"]["errors"], 0);
    assert_eq!(lines[1]["tables"]["requests"]["new"]["total"], 21);
}

#[test]
fn clean_file_exits_0_and_text_names_the_verdict() {
    let out = nianbao(&["check", fixture(CLEAN).to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("通过"), "{text}");
    assert!(text.contains("0 个错误"), "{text}");
}

#[test]
fn text_output_quotes_the_source_line() {
    let out = nianbao(&["check", fixture(BROKEN).to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("requests.balance 第49行：自然人列：一+二=21，（七）总计+四=22，相差1"),
        "{text}"
    );
    assert!(
        text.contains("49 | 一、本年新收政府信息公开申请数量"),
        "{text}"
    );
}

#[test]
fn dash_reads_standard_input() {
    let bytes = std::fs::read(fixture(CLEAN)).unwrap();
    let out = nianbao(&["check", "--format=json", "-"], Some(&bytes));
    assert_eq!(out.status.code(), Some(0));
    let lines = json_lines(&out);
    assert_eq!(lines[0]["file"], "-");
    assert_eq!(lines[0]["agency"], "云阳县人民政府");
}

#[test]
fn gb18030_crlf_and_bom_inputs_give_the_same_tables() {
    let text = std::fs::read_to_string(fixture(CLEAN)).unwrap();
    let crlf = text.replace('\n', "\r\n");
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&crlf);
    assert!(!unmappable);
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(text.as_bytes());
    let gbk_path = temp_file("gbk.txt", &gbk);
    let bom_path = temp_file("bom.txt", &bom);
    let out = nianbao(
        &[
            "check",
            "--format",
            "json",
            fixture(CLEAN).to_str().unwrap(),
            gbk_path.to_str().unwrap(),
            bom_path.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines = json_lines(&out);
    assert_eq!(lines[1]["tables"], lines[0]["tables"]);
    assert_eq!(lines[2]["tables"], lines[0]["tables"]);
    assert_eq!(lines[1]["sections"], lines[0]["sections"]);
}

#[test]
fn unreadable_files_and_bad_arguments_exit_2_with_a_message() {
    let binary = temp_file("image.png", &[0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xFF]);
    let clean = fixture(CLEAN);
    let out = nianbao(
        &["check", binary.to_str().unwrap(), clean.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("image.png") && stderr.contains("不是文本"),
        "{stderr}"
    );
    // The readable file is still checked.
    assert!(String::from_utf8(out.stdout).unwrap().contains("通过"));

    for args in [
        vec!["check", "/no/such/file.txt"],
        vec!["check"],
        vec!["check", "--format", "xml", clean.to_str().unwrap()],
        vec!["check", "--year", "twenty", clean.to_str().unwrap()],
        vec!["check", "--kind", "city", clean.to_str().unwrap()],
        vec!["verify", clean.to_str().unwrap()],
        vec![],
    ] {
        let out = nianbao(&args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?} gave no message");
    }
}

#[test]
fn year_option_overrides_the_title() {
    let out = nianbao(
        &[
            "check",
            "--format",
            "json",
            "--year",
            "2022",
            "--kind",
            "government",
            fixture(CLEAN).to_str().unwrap(),
        ],
        None,
    );
    let lines = json_lines(&out);
    assert_eq!(lines[0]["report_year"], 2022);
    // A 2019-template report for 2022 is on the wrong template.
    let rules: Vec<&str> = lines[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert!(rules.contains(&"structure.template_mismatch"), "{rules:?}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_file_over_5_mb_is_refused_with_a_message_and_the_others_are_checked() {
    let report = std::fs::read_to_string(fixture(CLEAN)).unwrap();
    let big = report.repeat(6 * 1024 * 1024 / report.len() + 1);
    let path = temp_file("big.txt", big.as_bytes());
    let output = nianbao(
        &[
            "check",
            "--format",
            "json",
            path.to_str().unwrap(),
            fixture(CLEAN).to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("big.txt") && stderr.contains("5 MB"),
        "{stderr}"
    );
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 1);
    assert!(lines[0]["file"].as_str().unwrap().ends_with(CLEAN));
}

#[test]
fn docx_files_are_read_and_broken_pdf_and_doc_get_plain_advice() {
    let docx = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/libreoffice.docx");
    let out = nianbao(&["check", "--format", "json", docx.to_str().unwrap()], None);
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 1, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(lines[0]["template"], "2021");
    assert_eq!(lines[0]["tables"]["requests"]["new"]["total"], 70);

    // A zip renamed to .txt is still read as a .docx (its first bytes say so).
    let renamed = temp_file("renamed.txt", &std::fs::read(&docx).unwrap());
    let out = nianbao(
        &["check", "--format", "json", renamed.to_str().unwrap()],
        None,
    );
    assert_eq!(json_lines(&out)[0]["tables"], lines[0]["tables"]);

    let pdf = temp_file("report.pdf", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj");
    let doc = temp_file(
        "report.doc",
        &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0],
    );
    let broken = temp_file("broken.docx", b"PK\x03\x04 not really a zip");
    // A one-page PDF encrypted with a user password that the empty password does not open.
    let encrypted =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/corpus/pdf/encrypted.pdf");
    for (path, says) in [
        (&pdf, "PDF 阅读器打开它"),
        (&encrypted, "加了密"),
        (&doc, "另存为 .docx"),
        (&broken, "损坏"),
    ] {
        let out = nianbao(&["check", path.to_str().unwrap()], None);
        assert_eq!(out.status.code(), Some(2), "{path:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(stderr.contains(name) && stderr.contains(says), "{stderr}");
        assert!(out.stdout.is_empty());
    }
}
