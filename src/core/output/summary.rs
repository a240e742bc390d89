//! One line per report for a batch of files: the CSV of `nianbao check --summary csv` and of
//! the web app's batch view. UTF-8 with a BOM and Chinese headers, so that Excel opens it as
//! it is; fields quoted as RFC 4180 says; rows end with CRLF.

use crate::model::{Report, Summary, Verdict};

/// The columns, in order: file, agency, report year, template, the three counts, and a note
/// (通过 / 未通过 / 未能可靠读取, or why the file could not be read).
pub const COLUMNS: [&str; 8] = [
    "文件", "机关", "年度", "模板", "错误", "警告", "提示", "说明",
];

/// What the batch table says about one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SummaryRow {
    /// The file as the user named it (a path on the command line, a file name in the app).
    pub file: String,
    pub agency: Option<String>,
    pub report_year: Option<i32>,
    pub template: Option<&'static str>,
    /// `None` when the file could not be read: its counts are unknown, not 0.
    pub counts: Option<Summary>,
    /// `None` when the file could not be read.
    pub verdict: Option<Verdict>,
    /// 通过, 未通过 or 未能可靠读取 for a checked report; the reason for a file that could not
    /// be read.
    pub note: String,
}

impl SummaryRow {
    pub fn checked(file: &str, report: &Report) -> SummaryRow {
        let counts = report.summary();
        SummaryRow {
            file: file.to_string(),
            agency: report.agency.clone(),
            report_year: report.report_year,
            template: report.template.map(|t| t.id()),
            counts: Some(counts),
            verdict: Some(report.verdict()),
            note: report.verdict().chinese().to_string(),
        }
    }

    pub fn unreadable(file: &str, reason: &str) -> SummaryRow {
        SummaryRow {
            file: file.to_string(),
            agency: None,
            report_year: None,
            template: None,
            counts: None,
            verdict: None,
            note: reason.to_string(),
        }
    }

    /// The eight fields, as text; unknown values are empty.
    pub fn fields(&self) -> [String; 8] {
        let count = |pick: fn(&Summary) -> usize| {
            self.counts
                .as_ref()
                .map_or(String::new(), |c| pick(c).to_string())
        };
        [
            self.file.clone(),
            self.agency.clone().unwrap_or_default(),
            self.report_year.map_or(String::new(), |y| y.to_string()),
            self.template.unwrap_or_default().to_string(),
            count(|c| c.errors),
            count(|c| c.warnings),
            count(|c| c.infos),
            self.note.clone(),
        ]
    }

    /// The row as one CSV line, CRLF included.
    pub fn csv_line(&self) -> String {
        csv_line(&self.fields())
    }
}

/// The BOM and the header line: what a summary CSV starts with.
pub fn csv_header() -> String {
    format!("\u{feff}{}", csv_line(&COLUMNS))
}

/// A whole summary CSV: header and one line per row.
pub fn csv(rows: &[SummaryRow]) -> String {
    let mut out = csv_header();
    for row in rows {
        out.push_str(&row.csv_line());
    }
    out
}

/// One CSV line of `fields`, CRLF included.
pub fn csv_line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut line = fields
        .iter()
        .map(|f| csv_field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// A field quoted when it holds a comma, a quote or a line end (quotes doubled). A field that
/// a spreadsheet would take for a formula (starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return: a file named `=1+1.txt`, an agency pasted from a hostile page) gets a
/// leading `'`, as OWASP advises, so that it opens as text; a lone `-` and a negative number
/// (`-3`, `-1.5`: a change from last year) stay as they are, numbers a spreadsheet can add up.
pub fn csv_field(text: &str) -> String {
    let formula = text.starts_with(['=', '+', '-', '@', '\t', '\r'])
        && text != "-"
        && !is_negative_number(text);
    let text = if formula {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// `-3`, `-1.5`: a minus and digits with at most one point between them.
fn is_negative_number(text: &str) -> bool {
    let Some(number) = text.strip_prefix('-') else {
        return false;
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, "0"));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    digits(whole) && digits(fraction)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_commas_quotes_and_line_ends_are_quoted() {
        assert_eq!(csv_field("某县财政局"), "某县财政局");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("说\"明\""), "\"说\"\"明\"\"\"");
        assert_eq!(csv_field("两\n行"), "\"两\n行\"");
        assert_eq!(csv_field("回车\r"), "\"回车\r\"");
        assert_eq!(csv_field(""), "");
    }

    #[test]
    fn fields_a_spreadsheet_would_run_as_formulas_open_as_text() {
        assert_eq!(csv_field("=1+1.txt"), "'=1+1.txt");
        assert_eq!(csv_field("+86"), "'+86");
        assert_eq!(csv_field("-3+1"), "'-3+1");
        assert_eq!(csv_field("-1e3"), "'-1e3");
        assert_eq!(csv_field("-3."), "'-3.");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("\tx"), "'\tx");
        assert_eq!(csv_field("\rx"), "\"'\rx\"");
        assert_eq!(
            csv_field("=HYPERLINK(\"a\",\"b\")"),
            "\"'=HYPERLINK(\"\"a\"\",\"\"b\"\")\""
        );
        // The mark for "no value", a negative number, and such characters anywhere but first
        // stay as they are.
        assert_eq!(csv_field("-"), "-");
        assert_eq!(csv_field("-3"), "-3");
        assert_eq!(csv_field("-1.5"), "-1.5");
        assert_eq!(csv_field("a=b-c"), "a=b-c");
        assert_eq!(csv_field("某县 -1"), "某县 -1");
    }

    #[test]
    fn a_file_named_like_a_formula_is_written_as_text_in_its_row() {
        let row = SummaryRow::unreadable("=1+1.txt", "这不是文本文件");
        assert_eq!(row.csv_line(), "'=1+1.txt,,,,,,,这不是文本文件\r\n");
    }

    #[test]
    fn an_unreadable_file_has_blank_counts_and_its_reason() {
        let row = SummaryRow::unreadable("坏,文件.txt", "这不是文本文件");
        assert_eq!(row.csv_line(), "\"坏,文件.txt\",,,,,,,这不是文本文件\r\n");
    }

    #[test]
    fn a_checked_report_gives_its_agency_year_template_and_counts() {
        let text = include_str!("../../../../shared/fixtures/003_2bb5014562e5e799.txt");
        let report = crate::check_text(text, &Default::default());
        let row = SummaryRow::checked("003.txt", &report);
        let counts = report.summary();
        assert!(counts.errors > 0);
        assert_eq!(
            row.csv_line(),
            format!(
                "003.txt,{},{},{},{},{},{},未通过\r\n",
                report.agency.as_deref().unwrap(),
                report.report_year.unwrap(),
                report.template.unwrap().id(),
                counts.errors,
                counts.warnings,
                counts.infos
            )
        );
    }

    #[test]
    fn the_header_starts_with_a_bom_and_names_the_columns_in_chinese() {
        let csv = csv(&[SummaryRow::unreadable("a.txt", "无法读取")]);
        assert_eq!(
            csv,
            "\u{feff}文件,机关,年度,模板,错误,警告,提示,说明\r\na.txt,,,,,,,无法读取\r\n"
        );
    }
}
