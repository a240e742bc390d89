//! The human summary of `nianbao check`: a line per file, then each finding with the source
//! line it points to.

use std::fmt::Write;

use crate::model::{Finding, Report};
use crate::text::Source;

/// Longest excerpt of a source line shown under a finding, in characters.
const EXCERPT_CHARS: usize = 60;

/// Where the finding's first cell stands in the text, if it was read from the text.
fn first_cell_offset(report: &Report, finding: &Finding) -> Option<usize> {
    Some(report.tables.cell(finding.cells.first()?)?.start)
}

/// The line, or on a long line (a report pasted as one line) the part around `at`.
fn excerpt(source: &Source, line: usize, at: Option<usize>) -> String {
    let (start, end) = source.line_range(line);
    let text = &source.text[start..end];
    let chars = text.chars().count();
    let from = match at.filter(|&a| a >= start && a <= end) {
        Some(at) if chars > EXCERPT_CHARS => {
            let before = text[..at - start].chars().count();
            before.saturating_sub(EXCERPT_CHARS / 3)
        }
        _ => 0,
    };
    let mut shown: String = text.chars().skip(from).take(EXCERPT_CHARS).collect();
    if from > 0 {
        shown.insert(0, '…');
    }
    if from + EXCERPT_CHARS < chars {
        shown.push('…');
    }
    shown.replace('\t', " ⇥ ").trim().to_string()
}

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
            let at = first_cell_offset(report, finding);
            let _ = writeln!(out, "      {line:>5} | {}", excerpt(&source, line, at));
        }
    }
    out
}
