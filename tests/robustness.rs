//! Any input gives a clear finding or error, never a panic or a hang: empty text, garbage,
//! binary bytes, a report without tables, a 10 MB paste, phrases repeated over megabytes, and
//! randomly mutated reports. How long the hostile ones take is measured by
//! `tests/benches/worst_cases.rs` (`.ci/bench`), not asserted here: a test that passes alone and
//! fails on a loaded machine is a defect.

mod common;

use nianbao::{check_text, Options, ReadError, Report, Severity};

mod worst_cases;
use worst_cases::fixture;

fn rules(report: &Report) -> Vec<&'static str> {
    report.findings.iter().map(|f| f.rule.id()).collect()
}

#[test]
fn empty_text_says_what_is_missing_once() {
    // No template, so nothing about sections or tables beyond that: one finding that says to
    // paste the whole report.
    let report = check_text("", &Options::default());
    assert_eq!(rules(&report), ["structure.unknown_template"]);
    assert!(report.findings[0]
        .message
        .contains("完整的政府信息公开工作年度报告"));
    assert!(report.tables.requests.is_none());
}

#[test]
fn garbage_is_not_a_report() {
    for text in [
        "hello world 1 2 3 4 5 6 7",
        "🙂🙃 \u{200b}\u{feff} ١٢٣ ｜｜ ＋－ \t\t\t\n\n\n",
        "一、二、三、四、五、六、",
        "- 4 -\n第 3 页 共 6 页\n|---|---|\n||||\n",
        "总计 1 2 3 总计 4 5 6 予以公开 7 8 9",
    ] {
        let report = check_text(text, &Options::default());
        assert!(
            report
                .findings
                .iter()
                .any(|f| f.severity == Severity::Error),
            "{text:?} gave no error: {:?}",
            rules(&report)
        );
    }
}

#[test]
fn binary_bytes_are_refused_with_a_message() {
    let png = [
        0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D,
    ];
    let err = common::check_bytes(&png, &Options::default()).unwrap_err();
    assert_eq!(err, ReadError::Binary);
    assert!(err.to_string().contains("不是文本"));
    let invalid: Vec<u8> = (0..=255u8).cycle().take(4096).filter(|&b| b != 0).collect();
    assert!(common::check_bytes(&invalid, &Options::default()).is_err());
}

#[test]
fn report_without_tables_says_so() {
    let text = "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本年度共收到申请26件。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n无。";
    let report = check_text(text, &Options::default());
    let found = rules(&report);
    assert!(found.contains(&"structure.unknown_template"), "{found:?}");
    assert!(!found.contains(&"structure.section_missing"), "{found:?}");
}

#[test]
fn template_without_tables_gives_table_missing() {
    let text = "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n";
    let report = check_text(text, &Options::default());
    let missing = rules(&report)
        .iter()
        .filter(|r| **r == "structure.table_missing")
        .count();
    assert_eq!(missing, 3, "{:?}", rules(&report));
}

#[test]
fn ten_megabyte_pastes_finish() {
    for (name, text) in worst_cases::ten_megabyte_pastes() {
        let result = check_text(&text, &Options::default());
        eprintln!(
            "{name}: {} MB, {} findings",
            text.len() >> 20,
            result.findings.len()
        );
        assert!(
            !result.findings.is_empty() || result.tables.requests.is_some(),
            "{name}"
        );
    }
}

#[test]
fn phrases_repeated_over_megabytes_finish() {
    // Each reader of dates, periods and stated years runs in time linear in the text, however
    // many matches one line or sentence holds (timed by the worst_cases bench).
    for (name, text) in worst_cases::repeated_phrases() {
        let result = check_text(&text, &Options::default());
        eprintln!(
            "{name}: {} MB, {} stated years",
            text.len() >> 20,
            result.stated_years.len()
        );
        assert!(
            result.findings.iter().all(|f| !f.message.is_empty()),
            "{name}"
        );
    }
}

/// xorshift64: deterministic mutations without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "\t",
    "\n",
    "\n\n",
    "|",
    " ",
    "0",
    "7",
    "-",
    "+",
    "/",
    "—",
    "无",
    "1.",
    "2、",
    "（三）",
    "总计",
    "其他",
    "予以公开",
    "四、结转下年度继续办理",
    "一、总体情况",
    "行政复议",
    "结果维持",
    "二、主动公开政府信息情况",
    "第二十条第（一）项",
    "万元",
    "元",
    "%",
    "11,064",
    "99999999999999999999",
    "\u{feff}",
    "\r",
    "２０２０年",
    "二〇二一年一月三十一日",
];

#[test]
fn mutated_reports_never_panic() {
    let originals = [
        fixture("000_74598ba982fdb439.txt"),
        fixture("001_8442b5afd2c71afd.txt"),
        fixture("淮安市人民政府_2024.txt"),
        fixture("平潭综合实验区_2021.txt"),
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..400 {
        let mut chars: Vec<char> = originals[round % originals.len()].chars().collect();
        for _ in 0..1 + rng.below(12) {
            let at = rng.below(chars.len() + 1);
            match rng.below(4) {
                0 => {
                    let len = rng.below(200).min(chars.len() - at.min(chars.len()));
                    chars.drain(at..at + len);
                }
                1 => {
                    let len = rng.below(300).min(chars.len().saturating_sub(at));
                    let copy: Vec<char> = chars[at..at + len].to_vec();
                    let to = rng.below(chars.len() + 1);
                    chars.splice(to..to, copy);
                }
                _ => {
                    let piece = PIECES[rng.below(PIECES.len())];
                    chars.splice(at..at, piece.chars());
                }
            }
        }
        let text: String = chars.into_iter().collect();
        let report = check_text(&text, &Options::default());
        let json = nianbao::output::json::to_string(Some("x"), &report);
        assert!(
            serde_json::from_str::<serde_json::Value>(&json).is_ok(),
            "round {round}"
        );
    }
}
