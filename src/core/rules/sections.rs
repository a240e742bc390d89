//! What sections 五 and 六 say.

use super::line_finding;
use crate::model::template::Template;
use crate::model::Rule;
use crate::model::{Finding, Report};
use crate::text::tokens::is_page_marker;

fn heading_line(report: &Report, number: u8) -> Option<usize> {
    report
        .sections
        .iter()
        .find(|s| s.number == number)
        .map(|s| s.line)
}

/// The first letters, digits and Han characters of a body, skipping whitespace, punctuation
/// and page numbers: three are enough to tell 无 from a real text.
fn content(body: &str) -> String {
    body.lines()
        .filter(|line| !is_page_marker(line.trim()))
        .flat_map(str::chars)
        .filter(|c| c.is_alphanumeric())
        .take(3)
        .collect()
}

/// `section.problems_empty`: section 五 (存在的主要问题及改进情况) says nothing, or only 无.
pub(crate) fn problems_empty(report: &Report) -> Vec<Finding> {
    let Some(body) = report.section_body(5) else {
        return Vec::new();
    };
    let said = content(body);
    let message = match said.as_str() {
        "" => "第五部分「存在的主要问题及改进情况」没有内容：应写明政府信息公开工作存在的主要问题和改进情况".to_string(),
        "无" | "暂无" | "没有" => format!(
            "第五部分「存在的主要问题及改进情况」只写了“{said}”：应写明政府信息公开工作存在的主要问题和改进情况"
        ),
        _ => return Vec::new(),
    };
    vec![line_finding(
        Rule::SectionProblemsEmpty,
        message,
        heading_line(report, 5),
    )]
}

/// `section.fees_unstated`: a report on the 2021 template whose section 六 (其他需要报告的事项)
/// says nothing about 信息处理费 (the 2021 template asks for the fees charged under
/// 《政府信息公开信息处理费管理办法》, none included).
pub(crate) fn fees_unstated(report: &Report) -> Vec<Finding> {
    if report.template != Some(Template::Y2021) {
        return Vec::new();
    }
    let Some(body) = report.section_body(6) else {
        return Vec::new();
    };
    let han = crate::text::tokens::han_only(body);
    if ["信息处理费", "处理费", "收费"]
        .iter()
        .any(|word| han.contains(word))
    {
        return Vec::new();
    }
    vec![line_finding(
        Rule::SectionFeesUnstated,
        "第六部分「其他需要报告的事项」未提及信息处理费：2021年版模板要求报告按《政府信息公开信息处理费管理办法》收取信息处理费的情况，未收取的也宜写明".to_string(),
        heading_line(report, 6),
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;
    use crate::model::Severity;
    use crate::model::Tables;
    use crate::rules::test_support::report;

    fn with_body(number: u8, body: &str) -> Report {
        let mut r = report(Tables::default());
        r.template = Some(Template::Y2021);
        r.sections = vec![Section {
            number,
            printed_number: None,
            title: String::new(),
            line: 7,
            start: 0,
            end: 0,
        }];
        r.section_bodies = vec![(number, body.to_string())];
        r
    }

    #[test]
    fn problems_that_say_nothing_or_only_none() {
        for body in ["", "\n\n", "无。", "\n  暂无\n", "（没有）", "无\n- 6 -\n"] {
            let found = problems_empty(&with_body(5, body));
            assert_eq!(found.len(), 1, "{body:?}");
            assert_eq!(found[0].rule, Rule::SectionProblemsEmpty);
            assert_eq!(found[0].severity, Severity::Warning);
            assert_eq!(found[0].line, Some(7));
        }
        assert_eq!(
            problems_empty(&with_body(5, "无。"))[0].message,
            "第五部分「存在的主要问题及改进情况」只写了“无”：应写明政府信息公开工作存在的主要问题和改进情况"
        );
        assert!(problems_empty(&with_body(5, ""))[0]
            .message
            .contains("没有内容"));
    }

    #[test]
    fn problems_that_are_stated_pass() {
        for body in [
            "一是政策解读形式不够丰富。",
            "无重大问题，但政策解读仍需加强。",
            "2021年",
        ] {
            assert_eq!(problems_empty(&with_body(5, body)), [], "{body:?}");
        }
        // No section 五: structure.section_missing says so.
        assert_eq!(problems_empty(&report(Tables::default())), []);
    }

    #[test]
    fn fees_must_be_mentioned_in_section_six_of_the_2021_template() {
        let found = fees_unstated(&with_body(6, "无。"));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, Rule::SectionFeesUnstated);
        assert_eq!(found[0].severity, Severity::Info);
        assert_eq!(found[0].line, Some(7));
        for body in [
            "2021年，无收取信息处理费情况。",
            "本年度未收取处理费。",
            "政府信息公开未发生收费情况。",
            "全年收取政府信息公开信息处理\n费 3940 元。",
        ] {
            assert_eq!(fees_unstated(&with_body(6, body)), [], "{body:?}");
        }
        let mut old = with_body(6, "无。");
        old.template = Some(Template::Y2019);
        assert_eq!(fees_unstated(&old), []);
        // No section 六: structure.section_missing says so.
        let mut missing = report(Tables::default());
        missing.template = Some(Template::Y2021);
        assert_eq!(fees_unstated(&missing), []);
    }

    #[test]
    fn page_numbers_are_not_content() {
        assert!(is_page_marker("- 6 -"));
        assert!(is_page_marker("第 12 页"));
        assert!(is_page_marker("—3—"));
        assert!(!is_page_marker("2021"));
        assert!(!is_page_marker("-"));
        assert!(!is_page_marker("无"));
    }
}
