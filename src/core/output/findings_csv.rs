//! Every finding of a report as one CSV row, with the report's facts on each row (agency, year,
//! template, verdict, the date of the check and the tool's version), so that a row copied out
//! of the file still says what it is about. A report with no finding still gives one row: the
//! file says that it passed. The web app's 「导出 CSV」; its batch 「导出全部问题 CSV」 has the
//! same columns after the file's name.

use super::summary::csv_line;
use crate::model::template::cell_name;
use crate::model::{CellRef, Finding, Report, Template};

/// The columns, in order: the report's facts, then the finding's.
pub const COLUMNS: [&str; 14] = [
    "机关",
    "年度",
    "模板",
    "结论",
    "检查日期",
    "工具版本",
    "序号",
    "类别",
    "级别",
    "规则",
    "规则名称",
    "行",
    "单元格",
    "说明",
];

/// When and with what a report was checked: written on every row.
#[derive(Clone, Copy, Debug)]
pub struct Checking<'a> {
    /// The day of the check, `YYYY-MM-DD`.
    pub date: &'a str,
    /// The version of nianbao that checked it.
    pub version: &'a str,
}

/// What the row of a report with no finding says.
pub const NO_FINDING: &str = "未发现问题";

/// The rows of `report`: one per finding, or one saying there is none.
pub fn rows(report: &Report, checking: Checking) -> Vec<[String; 14]> {
    let facts = report_facts(report, checking);
    let with_facts = |finding: [String; 8]| {
        let mut row: [String; 14] = Default::default();
        row[..6].clone_from_slice(&facts);
        row[6..].clone_from_slice(&finding);
        row
    };
    if report.findings.is_empty() {
        let mut none: [String; 8] = Default::default();
        none[7] = NO_FINDING.to_string();
        return vec![with_facts(none)];
    }
    report
        .findings
        .iter()
        .enumerate()
        .map(|(index, finding)| with_facts(finding_fields(index + 1, finding, report.template)))
        .collect()
}

/// A whole CSV: BOM, header and the rows of `report`.
pub fn csv(report: &Report, checking: Checking) -> String {
    let mut out = format!("\u{feff}{}", csv_line(&COLUMNS));
    for row in rows(report, checking) {
        out.push_str(&csv_line(&row));
    }
    out
}

/// One file of a batch: its report, or why it could not be read.
pub type BatchFile<'a> = (&'a str, Result<&'a Report, &'a str>);

/// A whole CSV for a batch: 文件 and then [`COLUMNS`]; a file that could not be read has one
/// row with its reason under 说明.
pub fn batch_csv<'a>(files: impl IntoIterator<Item = BatchFile<'a>>, checking: Checking) -> String {
    let mut header = vec!["文件"];
    header.extend(COLUMNS);
    let mut out = format!("\u{feff}{}", csv_line(&header));
    for (file, report) in files {
        let file_rows = match report {
            Ok(report) => rows(report, checking),
            Err(reason) => {
                let mut row: [String; 14] = Default::default();
                row[13] = reason.to_string();
                vec![row]
            }
        };
        for row in file_rows {
            let mut line = vec![file.to_string()];
            line.extend(row);
            out.push_str(&csv_line(&line));
        }
    }
    out
}

/// 机关, 年度, 模板, 结论, 检查日期, 工具版本.
fn report_facts(report: &Report, checking: Checking) -> [String; 6] {
    [
        report.agency.clone().unwrap_or_default(),
        report.report_year.map_or(String::new(), |y| y.to_string()),
        report.template.map_or("", |t| t.id()).to_string(),
        report.verdict().chinese().to_string(),
        checking.date.to_string(),
        checking.version.to_string(),
    ]
}

/// 序号, 类别, 级别, 规则, 规则名称, 行, 单元格, 说明.
fn finding_fields(number: usize, finding: &Finding, template: Option<Template>) -> [String; 8] {
    let cells: Vec<String> = finding
        .cells
        .iter()
        .map(|cell| readable_cell(cell, template))
        .collect();
    [
        number.to_string(),
        finding.listed_family().chinese().to_string(),
        finding.severity.chinese().to_string(),
        finding.rule.id().to_string(),
        finding.rule.title().to_string(),
        finding.line.map_or(String::new(), |l| l.to_string()),
        // 「；」: the names themselves hold 「、」 (一、本年新收).
        cells.join("；"),
        finding.message.clone(),
    ]
}

/// The cell as the form names it; its key when the template is not known.
fn readable_cell(cell: &CellRef, template: Option<Template>) -> String {
    template
        .and_then(|t| cell_name(t, cell.table, cell.row, cell.col))
        .unwrap_or_else(|| format!("{}.{}.{}", cell.table, cell.row, cell.col))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHECKING: Checking = Checking {
        date: "2026-12-05",
        version: "9.9.9",
    };

    /// A shared fixture with errors in 表三.
    fn failing() -> Report {
        let text = include_str!("../../../../shared/fixtures/003_2bb5014562e5e799.txt");
        crate::check_text(text, &Default::default())
    }

    #[test]
    fn a_report_with_no_finding_gives_one_row_that_says_it_passed() {
        let text = include_str!("../../../tests/golden/rules/clean.txt");
        let report = crate::check_text(text, &Default::default());
        assert!(report.findings.is_empty());
        let rows = rows(&report, CHECKING);
        assert_eq!(rows.len(), 1);
        let row = &rows[0];
        assert_eq!(row[0], report.agency.clone().unwrap());
        assert_eq!(row[1], report.report_year.unwrap().to_string());
        assert_eq!(row[2], report.template.unwrap().id());
        assert_eq!(&row[3..6], ["通过", "2026-12-05", "9.9.9"]);
        assert_eq!(row[6], "");
        assert_eq!(row[13], NO_FINDING);
    }

    #[test]
    fn every_finding_row_names_its_cells_as_the_form_does() {
        let report = failing();
        let rows = rows(&report, CHECKING);
        assert_eq!(rows.len(), report.findings.len());
        assert!(rows.iter().all(|r| r[3] == "未通过"));
        let with_cells: Vec<&[String; 14]> = rows.iter().filter(|r| !r[12].is_empty()).collect();
        assert!(!with_cells.is_empty());
        for row in with_cells {
            assert!(row[12].starts_with('表'), "{}", row[12]);
            assert!(
                !row[12].chars().any(|c| c.is_ascii_alphabetic()),
                "{}",
                row[12]
            );
        }
        assert_eq!(rows[0][6], "1");
        assert_eq!(rows[0][10], report.findings[0].rule.title());
    }

    #[test]
    fn a_batch_csv_leads_every_row_with_its_file() {
        let clean = crate::check_text(
            include_str!("../../../tests/golden/rules/clean.txt"),
            &Default::default(),
        );
        let failing = failing();
        let files = [
            ("clean.txt", Ok(&clean)),
            ("=1+1.txt", Ok(&failing)),
            ("坏.txt", Err("这不是文本文件")),
        ];
        let csv = batch_csv(files, CHECKING);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert!(lines[0].starts_with("\u{feff}文件,机关,年度,"));
        assert_eq!(lines.len(), 1 + 1 + failing.findings.len() + 1 + 1);
        assert!(lines[1].starts_with("clean.txt,") && lines[1].ends_with(NO_FINDING));
        assert!(lines[2..2 + failing.findings.len()]
            .iter()
            .all(|l| l.starts_with("'=1+1.txt,")));
        assert_eq!(lines[lines.len() - 2], "坏.txt,,,,,,,,,,,,,,这不是文本文件");
    }

    #[test]
    fn the_csv_has_a_bom_the_header_and_crlf_rows() {
        let text = include_str!("../../../tests/golden/rules/clean.txt");
        let report = crate::check_text(text, &Default::default());
        let csv = csv(&report, CHECKING);
        let mut lines = csv.split("\r\n");
        assert_eq!(
            lines.next().unwrap(),
            "\u{feff}机关,年度,模板,结论,检查日期,工具版本,序号,类别,级别,规则,规则名称,行,单元格,说明"
        );
        assert!(lines
            .next()
            .unwrap()
            .ends_with(",通过,2026-12-05,9.9.9,,,,,,,,未发现问题"));
        assert_eq!(lines.next(), Some(""));
    }
}
