//! The sample of 「用示例年报试一试」 (`www/sample.txt`, built into the web app) shows exactly the
//! errors planted in it, and nothing else, so that it never drifts silently. It is the shared
//! fixture `004_886fdc6bb8f4cedf.txt` (云浮市人民政府办公室, 2020, a clean report) with three
//! edits: 表二「规范性文件」本年新公开数量 left blank (18 → empty), 表三「（二）部分公开」自然人
//! 3 → 4 (so the row and the 自然人 column no longer add up), 表四 行政复议 总计 0 → 1.

use nianbao::model::{Rule, Severity, Verdict};

const SAMPLE: &str = include_str!("../www/sample.txt");
const ORIGINAL: &str = include_str!("../../shared/fixtures/004_886fdc6bb8f4cedf.txt");

#[test]
fn the_sample_shows_the_planted_findings_and_only_them() {
    let report = nianbao::check_text(SAMPLE, &nianbao::Options::default());
    let found: Vec<(Rule, Severity, Option<usize>, &str)> = report
        .findings
        .iter()
        .map(|f| (f.rule, f.severity, f.line, f.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (
                Rule::RequestsRowSum,
                Severity::Error,
                Some(59),
                "（二）部分公开行：六类申请人之和=4，总计=3，相差1"
            ),
            (
                Rule::RequestsColumnSum,
                Severity::Error,
                Some(79),
                "自然人列：（一）至（六）各项之和=12，（七）总计=11，相差1"
            ),
            (
                Rule::ReviewLitigationSum,
                Severity::Error,
                Some(87),
                "行政复议：维持+纠正+其他+尚未审结=0，总计=1，相差1"
            ),
            (
                Rule::ActiveBlank,
                Severity::Warning,
                Some(34),
                "表二「规范性文件」本年新公开数量为空：空白不等于0，没有发生请填0"
            ),
        ]
    );
    assert_eq!(report.verdict(), Verdict::Failed);
    assert_eq!(report.agency.as_deref(), Some("云浮市人民政府办公室"));
}

#[test]
fn the_sample_differs_from_its_clean_report_by_the_three_planted_lines() {
    let clean = nianbao::check_text(ORIGINAL, &nianbao::Options::default());
    assert!(clean.findings.is_empty(), "{:?}", clean.findings);
    let changed: Vec<usize> = SAMPLE
        .lines()
        .zip(ORIGINAL.lines())
        .enumerate()
        .filter(|(_, (sample, original))| sample != original)
        .map(|(index, _)| index + 1)
        .collect();
    assert_eq!(changed, [34, 59, 87]);
    assert_eq!(SAMPLE.lines().count(), ORIGINAL.lines().count());
}
