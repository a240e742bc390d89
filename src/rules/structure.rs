//! Structure: the template, the six sections and the three tables are there and in order.

use crate::locate::SECTION_TITLES;
use crate::model::{Finding, Report, Severity};
use crate::template::Template;

fn finding(
    rule: &'static str,
    severity: Severity,
    message: String,
    line: Option<usize>,
) -> Finding {
    Finding {
        rule,
        severity,
        message,
        cells: Vec::new(),
        line,
    }
}

/// `structure.section_missing`: each of the six sections has a heading.
pub fn section_missing(report: &Report) -> Vec<Finding> {
    (1..=6u8)
        .filter(|n| !report.sections.iter().any(|s| s.number == *n))
        .map(|n| {
            finding(
                "structure.section_missing",
                Severity::Error,
                format!(
                    "缺少第{}部分「{}、{}」（按模板，年报应有六个部分）",
                    NUMERALS[n as usize - 1],
                    NUMERALS[n as usize - 1],
                    SECTION_TITLES[n as usize - 1]
                ),
                None,
            )
        })
        .collect()
}

const NUMERALS: [&str; 6] = ["一", "二", "三", "四", "五", "六"];

/// `structure.section_order`: sections appear in order and carry their own numerals.
pub fn section_order(report: &Report) -> Vec<Finding> {
    let mut findings = Vec::new();
    for section in &report.sections {
        if let Some(printed) = section.printed_number {
            findings.push(finding(
                "structure.section_order",
                Severity::Warning,
                format!(
                    "「{}」应为第{}部分，却编号为「{}、」",
                    section.title,
                    NUMERALS[section.number as usize - 1],
                    NUMERALS[printed as usize - 1]
                ),
                Some(section.line),
            ));
        }
    }
    for pair in report.sections.windows(2) {
        if pair[1].number < pair[0].number {
            findings.push(finding(
                "structure.section_order",
                Severity::Warning,
                format!(
                    "第{}部分「{}」出现在第{}部分「{}」之后，顺序与模板不符",
                    NUMERALS[pair[1].number as usize - 1],
                    pair[1].title,
                    NUMERALS[pair[0].number as usize - 1],
                    pair[0].title
                ),
                Some(pair[1].line),
            ));
        }
    }
    findings
}

/// `structure.table_missing`: tables 二, 三 and 四 were found (when the template is known).
pub fn table_missing(report: &Report) -> Vec<Finding> {
    if report.template.is_none() {
        return Vec::new();
    }
    let section_line = |n: u8| {
        report
            .sections
            .iter()
            .find(|s| s.number == n)
            .map(|s| s.line)
    };
    let tables = [
        (
            report.tables.active.is_none(),
            "表二（主动公开政府信息情况）",
            2,
        ),
        (
            report.tables.requests.is_none(),
            "表三（收到和处理政府信息公开申请情况）",
            3,
        ),
        (
            report.tables.review_litigation.is_none(),
            "表四（政府信息公开行政复议、行政诉讼情况）",
            4,
        ),
    ];
    tables
        .into_iter()
        .filter(|(missing, _, _)| *missing)
        .map(|(_, name, section)| {
            finding(
                "structure.table_missing",
                Severity::Error,
                format!("找不到{name}：未能读出该表，表中数字未经核对"),
                section_line(section),
            )
        })
        .collect()
}

/// `structure.template_mismatch`: the 2019 form for a 2021-or-later report, the 2021 form for an
/// earlier one, or phrases of both forms mixed.
pub fn template_mismatch(report: &Report) -> Vec<Finding> {
    let (Some(template), Some(year)) = (report.template, report.report_year) else {
        return Vec::new();
    };
    let message = match template {
        Template::Y2019 if year >= 2021 => format!(
            "{year}年度报告应使用2021年版模板（国办公开办函〔2021〕30号），却使用了2019年版模板"
        ),
        Template::Y2021 if year <= 2020 => format!(
            "{year}年度报告应使用2019年版模板（国办公开办函〔2019〕60号），却使用了2021年版模板"
        ),
        _ => return Vec::new(),
    };
    vec![finding(
        "structure.template_mismatch",
        Severity::Error,
        message,
        None,
    )]
}
