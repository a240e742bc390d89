//! Structure: the template, the six sections and the three tables are there and in order.

use super::line_finding;
use crate::model::template::Template;
use crate::model::Rule;
use crate::model::YearPlace;
use crate::model::{Finding, Report};
use crate::text::numerals::{numeral, section_heading};

/// `structure.section_missing`: each of the six sections has a heading. Not said of a text
/// that follows neither template (the pre-2019 form has sections of its own):
/// `structure.unknown_template` says what there is to say. Nor of section 五 when its
/// subsections (`（一）主要问题`, `（二）改进情况`) follow section 四: the heading was lost (a PDF
/// copy drops it with the table above), not the section.
pub(crate) fn section_missing(report: &Report) -> Vec<Finding> {
    if report.template.is_none() {
        return Vec::new();
    }
    (1..=6u8)
        .filter(|n| !report.sections.iter().any(|s| s.number == *n))
        .filter(|&n| n != 5 || !problems_without_heading(report))
        .map(|n| {
            line_finding(
                Rule::SectionMissing,
                format!(
                    "缺少第{}部分「{}」（按模板，年报应有六个部分）",
                    numeral(n),
                    section_heading(n)
                ),
                None,
            )
        })
        .collect()
}

/// Whether section 四's text goes on with subsections about problems and their improvement,
/// the content of section 五 under no heading of its own.
fn problems_without_heading(report: &Report) -> bool {
    let Some(body) = report.section_body(4) else {
        return false;
    };
    body.lines().any(|line| {
        let line = line.trim();
        let subsection = ["（一）", "（二）", "(一)", "(二)"]
            .iter()
            .any(|p| line.starts_with(p));
        subsection
            && line.chars().count() <= 40
            && ["主要问题", "存在问题", "改进情况"]
                .iter()
                .any(|w| line.contains(w))
    })
}

/// `structure.section_order`: sections appear in order and carry their own numerals.
pub(crate) fn section_order(report: &Report) -> Vec<Finding> {
    if report.template.is_none() {
        return Vec::new();
    }
    let mut findings = Vec::new();
    for section in &report.sections {
        if let Some(printed) = section.printed_number {
            findings.push(line_finding(
                Rule::SectionOrder,
                format!(
                    "「{}」应为第{}部分，却编号为「{}、」",
                    section.title,
                    numeral(section.number),
                    numeral(printed)
                ),
                Some(section.line),
            ));
        }
    }
    for pair in report.sections.windows(2) {
        if pair[1].number < pair[0].number {
            findings.push(line_finding(
                Rule::SectionOrder,
                format!(
                    "第{}部分「{}」出现在第{}部分「{}」之后，顺序与模板不符",
                    numeral(pair[1].number),
                    pair[1].title,
                    numeral(pair[0].number),
                    pair[0].title
                ),
                Some(pair[1].line),
            ));
        }
    }
    findings
}

/// `structure.table_missing`: tables 二, 三 and 四 were found (when the template is known).
pub(crate) fn table_missing(report: &Report) -> Vec<Finding> {
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
            line_finding(
                Rule::TableMissing,
                format!("找不到{name}：未能读出该表，表中数字未经核对"),
                section_line(section),
            )
        })
        .collect()
}

/// `structure.template_mismatch`: the 2019 form for a 2021-or-later report, the 2021 form for an
/// earlier one, or phrases of both forms mixed.
pub(crate) fn template_mismatch(report: &Report) -> Vec<Finding> {
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
    vec![line_finding(Rule::TemplateMismatch, message, None)]
}

/// `structure.period`: the statistics period is 1 Jan – 31 Dec of the report year, and the
/// years the report states for itself (title, opening lines, table headings) are that year.
/// Years in the prose (plans for next year, comparisons with last year) are not looked at.
pub(crate) fn period(report: &Report) -> Vec<Finding> {
    let mut findings = Vec::new();
    if let Some((start, end, line)) = report.period {
        let year = report.report_year.unwrap_or(start.year);
        let whole_year = (start.year, start.month, start.day) == (year, 1, 1)
            && (end.year, end.month, end.day) == (year, 12, 31);
        if !whole_year {
            findings.push(line_finding(
                Rule::Period,
                format!(
                    "统计期限为{}至{}，{year}年度报告应为{year}年1月1日至{year}年12月31日",
                    start.chinese(),
                    end.chinese(),
                ),
                Some(line),
            ));
        }
    }
    let Some(year) = report.report_year else {
        return findings;
    };
    let title = report
        .stated_years
        .iter()
        .find(|s| s.place == YearPlace::Title);
    let against = match title {
        Some(t) if t.year == year => format!("与标题中的{year}年不一致"),
        _ => format!("与报告年度{year}年不一致"),
    };
    for stated in &report.stated_years {
        let expected = year.saturating_add(stated.offset);
        if stated.year == expected {
            continue;
        }
        let message = match stated.place {
            YearPlace::Title => format!(
                "标题中的年度为{}年，与指定的报告年度{year}年不一致",
                stated.year
            ),
            YearPlace::Opening => format!(
                "报告开头“{}”中的年度为{}年，{against}",
                stated.quote, stated.year
            ),
            YearPlace::TableNote => format!(
                "表头“{}”所指年度为{}年，{year}年度报告应为{expected}年",
                stated.quote, stated.year
            ),
        };
        findings.push(line_finding(Rule::Period, message, Some(stated.line)));
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;
    use crate::model::Tables;
    use crate::rules::test_support::report;

    fn date(year: i32, month: u32, day: u32) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn period_must_be_the_report_year() {
        let mut r = report(Tables::default());
        r.period = Some((date(2020, 1, 1), date(2020, 12, 31), 3));
        assert_eq!(period(&r), []);
        r.report_year = Some(2021);
        let found = period(&r);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "统计期限为2020年1月1日至2020年12月31日，2021年度报告应为2021年1月1日至2021年12月31日"
        );
        assert_eq!(found[0].line, Some(3));
    }

    #[test]
    fn stated_years_must_be_the_report_year() {
        use crate::model::{StatedYear, YearPlace};
        let stated = |year, offset, place, quote: &str, line| StatedYear {
            year,
            offset,
            place,
            quote: quote.to_string(),
            line,
        };
        let mut r = report(Tables::default());
        r.stated_years = vec![
            stated(2020, 0, YearPlace::Title, "", 1),
            stated(2020, 0, YearPlace::Opening, "现公布2020年度报告", 2),
            stated(
                2019,
                -1,
                YearPlace::TableNote,
                "上一年项目数量（指2019年事项数）",
                30,
            ),
        ];
        assert_eq!(period(&r), []);

        r.stated_years[1] = stated(2019, 0, YearPlace::Opening, "现公布2019年度报告", 2);
        r.stated_years[2] = stated(
            2020,
            -1,
            YearPlace::TableNote,
            "上一年项目数量（指2020年",
            30,
        );
        let messages: Vec<(String, Option<usize>)> = period(&r)
            .into_iter()
            .map(|f| (f.message, f.line))
            .collect();
        assert_eq!(
            messages,
            [
                (
                    "报告开头“现公布2019年度报告”中的年度为2019年，与标题中的2020年不一致"
                        .to_string(),
                    Some(2)
                ),
                (
                    "表头“上一年项目数量（指2020年”所指年度为2020年，2020年度报告应为2019年"
                        .to_string(),
                    Some(30)
                ),
            ]
        );

        // A year given on the command line that differs from the title.
        r.report_year = Some(2021);
        r.stated_years.truncate(1);
        assert_eq!(
            period(&r)[0].message,
            "标题中的年度为2020年，与指定的报告年度2021年不一致"
        );
    }

    #[test]
    fn wrong_template_for_the_year() {
        let mut r = report(Tables::default());
        assert_eq!(template_mismatch(&r), []);
        r.report_year = Some(2022);
        assert_eq!(template_mismatch(&r)[0].rule, Rule::TemplateMismatch);
    }

    #[test]
    fn missing_and_misnumbered_sections() {
        use crate::model::Section;
        let section = |number, printed, line| Section {
            number,
            printed_number: printed,
            title: String::new(),
            line,
            start: line,
            end: line,
        };
        let mut r = report(Tables::default());
        r.sections = vec![
            section(1, None, 1),
            section(3, Some(2), 5),
            section(2, None, 9),
        ];
        let missing: Vec<String> = section_missing(&r).into_iter().map(|f| f.message).collect();
        assert_eq!(missing.len(), 3);
        assert!(missing[0].contains("四、政府信息公开行政复议、行政诉讼情况"));
        let order = section_order(&r);
        assert_eq!(order.len(), 2);
        assert_eq!(order[0].line, Some(5));
        assert_eq!(order[1].line, Some(9));
    }

    #[test]
    fn problems_under_section_four_without_their_heading_are_not_missing() {
        use crate::model::Section;
        let mut r = report(Tables::default());
        r.sections = (1..=6u8)
            .filter(|&n| n != 5)
            .map(|n| Section {
                number: n,
                printed_number: None,
                title: String::new(),
                line: n as usize,
                start: n as usize,
                end: n as usize,
            })
            .collect();
        let body = "| 1 | 0 | 0 |\n\n（一）主要问题\n网站栏目需调整。\n（二）改进情况\n已调整。";
        r.section_bodies = vec![(4, body.to_string())];
        assert_eq!(section_missing(&r), []);
        r.section_bodies = vec![(4, "| 1 | 0 | 0 |\n本年无复议。".to_string())];
        assert_eq!(section_missing(&r).len(), 1);
    }
}
