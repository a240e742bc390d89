//! Bounded property tests (proptest): for arbitrary text, arbitrary bytes and fixtures with
//! random edits, checking never panics, the JSON is valid and says what the report says,
//! every finding's line and span lie inside the text, and 表三's cells are numbers or blank.
//! `PROPTEST_CASES` raises the number of cases (default 64 per property).

mod common;

use proptest::prelude::*;

use nianbao::{check_text, output, Options, Report};

fn fixture(name: &str) -> String {
    let path = format!("{}/../shared/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    nianbao::input::decode(&std::fs::read(path).unwrap()).unwrap()
}

fn fixtures() -> Vec<String> {
    let dir = format!("{}/../shared/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    names.iter().map(|n| fixture(n)).collect()
}

/// What must hold for any report of any text.
fn sound(text: &str, report: &Report) -> Result<(), TestCaseError> {
    let lines = text.split('\n').count();
    let units = text.encode_utf16().count();
    for finding in &report.findings {
        if let Some(line) = finding.line {
            prop_assert!(
                (1..=lines).contains(&line),
                "{} on line {line} of {lines}",
                finding.rule.id()
            );
        }
        if let Some((start, end)) = finding.span {
            prop_assert!(
                start <= end && end <= units,
                "{} span {start}..{end}",
                finding.rule.id()
            );
        }
        prop_assert!(!finding.message.is_empty());
    }
    let json: serde_json::Value =
        serde_json::from_str(&output::json::to_string(Some("t.txt"), report)).unwrap();
    let summary = report.summary();
    prop_assert_eq!(
        json["summary"]["errors"].as_u64(),
        Some(summary.errors as u64)
    );
    prop_assert_eq!(
        json["findings"].as_array().map(|f| f.len()),
        Some(report.findings.len())
    );
    let _ = output::text::render("t.txt", text, report);
    Ok(())
}

/// Text made of what reports are made of: labels, digits, separators, line breaks.
fn reportish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "一、",
        "二、",
        "三、",
        "四、",
        "五、",
        "六、",
        "（一）",
        "（七）总计",
        "\t",
        "\n",
        " ",
        "|",
        "0",
        "1",
        "7",
        "23",
        "640020470",
        "，",
        "。",
        "件",
        "收到申请",
        "予以公开",
        "本年新收政府信息公开申请数量",
        "上年结转政府信息公开申请数量",
        "结转下年度继续办理",
        "行政复议",
        "行政诉讼",
        "结果维持",
        "总计",
        "/",
        "—",
        "无",
        "2020年",
        "1月31日",
        "第二十条第（一）项",
        "本年制发件数",
        "现行有效件数",
        "行政规范性文件",
        "😀",
        "\r\n",
        "３",
        "－5",
        "1,234",
        "12.5%",
    ]);
    prop::collection::vec(pieces, 0..300).prop_map(|v| v.concat())
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(64),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text(text in any::<String>()) {
        sound(&text, &check_text(&text, &Options::default()))?;
    }

    #[test]
    fn any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(report) = common::check_bytes(&bytes, &Options::default()) {
            let text = nianbao::input::decode(&bytes).unwrap();
            sound(&text, &report)?;
        }
    }

    #[test]
    fn report_like_text(text in reportish()) {
        sound(&text, &check_text(&text, &Options::default()))?;
    }

    #[test]
    fn fixtures_with_random_edits(
        which in 0usize..8,
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..4, reportish()), 1..6),
    ) {
        let all = fixtures();
        let mut text = all[which % all.len()].clone();
        for (at, action, piece) in edits {
            let mut cut = at.index(text.len() + 1);
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            match action {
                0 => text.insert_str(cut, &piece),
                1 => {
                    let mut end = (cut + piece.len()).min(text.len());
                    while !text.is_char_boundary(end) {
                        end -= 1;
                    }
                    text.replace_range(cut..end, "");
                }
                2 => text.replace_range(cut.., ""),
                _ => text = format!("{}{}", &text[cut..], &text[..cut]),
            }
        }
        sound(&text, &check_text(&text, &Options::default()))?;
    }
}
