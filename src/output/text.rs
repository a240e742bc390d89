//! The human summary of `nianbao check`: a line per file, then each finding with the source
//! line it points to.

use std::fmt::Write;

use crate::model::Report;
use crate::read::Source;

/// Longest excerpt of a source line shown under a finding, in characters.
const EXCERPT_CHARS: usize = 60;

pub fn render(file: &str, text: &str, report: &Report) -> String {
    let source = Source::new(text);
    let summary = report.summary();
    let mut out = String::new();
    let template = report.template.map_or("未识别模板".to_string(), |t| {
        format!("{}年版模板", t.id())
    });
    let year = report
        .report_year
        .map_or("年度不详".to_string(), |y| format!("{y}年度"));
    let agency = report.agency.as_deref().unwrap_or("机关不详");
    let verdict = if summary.errors == 0 {
        "通过"
    } else {
        "未通过"
    };
    let _ = writeln!(
        out,
        "{file}：{verdict}（{template}，{year}，{agency}）— {} 个错误，{} 个警告，{} 个提示",
        summary.errors, summary.warnings, summary.infos
    );
    for finding in &report.findings {
        let place = finding
            .line
            .map_or(String::new(), |line| format!(" 第{line}行"));
        let _ = writeln!(
            out,
            "  [{}] {}{}：{}",
            finding.severity.chinese(),
            finding.rule,
            place,
            finding.message
        );
        if let Some(line) = finding.line.filter(|&l| l >= 1 && l <= source.line_count()) {
            let excerpt: String = source
                .line_text(line)
                .replace('\t', " ⇥ ")
                .trim()
                .chars()
                .take(EXCERPT_CHARS)
                .collect();
            let _ = writeln!(out, "      {line:>5} | {excerpt}");
        }
    }
    out
}
