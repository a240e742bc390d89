//! The human summary of `nianbao check`: a line per file, then each finding with the source
//! line it points to.

use std::fmt::Write;

use crate::model::verdict::TABLES;
use crate::model::{Finding, Report};
use crate::text::Source;

/// Longest excerpt of a source line shown under a finding, in characters.
const EXCERPT_CHARS: usize = 60;

/// Where the finding's first cell stands in the text, if it was read from the text.
fn first_cell_offset(report: &Report, finding: &Finding) -> Option<usize> {
    Some(report.tables.cell(finding.cells.first()?)?.start)
}

/// The line, or on a long line (a report pasted as one line) the part around `at`. Looks only
/// at the characters around `at`, never counts the whole line: a one-line report of 5 MB with
/// thousands of findings must not be read once per finding.
fn excerpt(source: &Source, line: usize, at: Option<usize>) -> String {
    let (start, end) = source.line_range(line);
    let text = &source.text[start..end];
    let long = text.char_indices().nth(EXCERPT_CHARS).is_some();
    // Byte offset in `text` where the excerpt starts: EXCERPT_CHARS / 3 characters before `at`.
    let from = match at.filter(|&a| a >= start && a <= end && text.is_char_boundary(a - start)) {
        Some(at) if long => text[..at - start]
            .char_indices()
            .rev()
            .nth(EXCERPT_CHARS / 3 - 1)
            .map_or(0, |(i, _)| i),
        _ => 0,
    };
    let mut rest = text[from..].chars();
    let mut shown: String = rest.by_ref().take(EXCERPT_CHARS).collect();
    if from > 0 {
        shown.insert(0, '…');
    }
    if rest.next().is_some() {
        shown.push('…');
    }
    shown.replace('\t', " ⇥ ").trim().to_string()
}

/// Which tables could not be read reliably, and what to do; `None` when all were.
pub fn unsure_tables(report: &Report) -> Option<String> {
    let names: Vec<String> = report
        .table_readings()
        .iter()
        .zip(TABLES)
        .filter(|((_, reading), _)| reading.is_unsure())
        .map(|((_, reading), (_, name))| format!("{name}{}", reading.chinese()))
        .collect();
    (!names.is_empty()).then(|| {
        format!(
            "{}，读不准的单元格未参与核对。请粘贴带表格结构的内容（从网页或 Word 复制表格，或打开 .docx、.html 文件）后再检查，或对照原表核对下面指出的行。",
            names.join("，")
        )
    })
}

/// A file name as it may be shown on a terminal: control characters (escape sequences that
/// would recolour or rewrite the screen, line breaks that would fake a line) written as
/// `\u{1b}`.
pub fn shown_name(name: &str) -> std::borrow::Cow<'_, str> {
    if !name.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(name);
    }
    let mut shown = String::with_capacity(name.len() + 8);
    for c in name.chars() {
        if c.is_control() {
            let _ = write!(shown, "\\u{{{:x}}}", u32::from(c));
        } else {
            shown.push(c);
        }
    }
    std::borrow::Cow::Owned(shown)
}

pub fn render(file: &str, text: &str, report: &Report) -> String {
    let file = shown_name(file);
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
    let verdict = report.verdict().chinese();
    let _ = writeln!(
        out,
        "{file}：{verdict}（{template}，{year}，{agency}）— {} 个错误，{} 个警告，{} 个提示",
        summary.errors, summary.warnings, summary.infos
    );
    if let Some(unsure) = unsure_tables(report) {
        let _ = writeln!(out, "  {unsure}");
    }
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
