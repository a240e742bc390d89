//! Which national template a report follows, by the phrases only one of them prints.

use crate::model::template::{
    MARKERS_2019, MARKERS_2021, MARKERS_OLD, OTHER_HANDLING, REQUESTS_MARKERS_2021,
};
use crate::model::Rule;
use crate::model::{Finding, Template};

/// Which template's marker phrases the text holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct TemplateEvidence {
    pub markers_2019: usize,
    pub markers_2021: usize,
    /// Of `markers_2021`, those of 表三's （六）1 and 2.
    pub requests_2021: usize,
    /// Whether the text has 表三's （六）其他处理 (both forms print it).
    pub other_handling: bool,
    pub old_form: bool,
}

impl TemplateEvidence {
    pub(crate) fn of(han: &str) -> TemplateEvidence {
        let count = |markers: &[&str]| markers.iter().filter(|m| han.contains(*m)).count();
        TemplateEvidence {
            markers_2019: count(MARKERS_2019),
            markers_2021: count(MARKERS_2021),
            requests_2021: count(&REQUESTS_MARKERS_2021),
            other_handling: han.contains(OTHER_HANDLING),
            old_form: count(MARKERS_OLD) == MARKERS_OLD.len(),
        }
    }

    /// The template the text follows; ties go to none.
    pub(crate) fn template(self) -> Option<Template> {
        use std::cmp::Ordering::*;
        match self.markers_2019.cmp(&self.markers_2021) {
            Greater => Some(Template::Y2019),
            Less => Some(Template::Y2021),
            Equal => None,
        }
    }

    /// Both templates' phrases of 表二 in one report. (表三's （六） of the other form is read
    /// in that form: [`TemplateEvidence::requests_form`].)
    pub(crate) fn mixed(self) -> bool {
        self.markers_2019 >= 2 && self.markers_2021 - self.requests_2021 >= 2
    }

    /// The form 表三's （六） seems to take: 2021 when its items 1–2 are printed, 2019 when only
    /// （六）其他处理 is; `None` when neither shows.
    pub(crate) fn requests_form(self) -> Option<Template> {
        if self.requests_2021 > 0 {
            Some(Template::Y2021)
        } else if self.other_handling {
            Some(Template::Y2019)
        } else {
            None
        }
    }
}

/// The template by its marker phrases; failing that, by the report year when the text has
/// 表三's rows (and the reader is told it was inferred).
pub(crate) fn choose_template(
    evidence: TemplateEvidence,
    han: &str,
    year: Option<i32>,
    findings: &mut Vec<Finding>,
) -> Option<Template> {
    if evidence.mixed() {
        findings.push(Finding::new(
            Rule::TemplateMismatch,
            format!(
                "报告混用了两版模板：含2019年版表述{}处、2021年版表述{}处",
                evidence.markers_2019, evidence.markers_2021
            ),
        ));
    }
    let has_requests_table = han.contains("本年新收政府信息公开申请数量");
    // The pre-2019 form may name 政府集中采购 in its prose: without 表三 it is that form.
    let old_form = evidence.old_form && !has_requests_table;
    if let Some(template) = evidence.template().filter(|_| !old_form) {
        return Some(template);
    }
    if has_requests_table && !evidence.old_form {
        // The year says which template is due; without it, 表三's （六） shows which is used.
        let (template, by) = match (year, evidence.requests_form()) {
            (Some(y), _) if y <= 2020 => (Template::Y2019, "报告年度"),
            (Some(_), _) => (Template::Y2021, "报告年度"),
            (None, Some(form)) => (form, "表三「（六）其他处理」的写法"),
            (None, None) => (Template::Y2021, "报告年度"),
        };
        findings.push(Finding::new(
            Rule::TemplateInferred,
            format!(
                "表二中没有可辨认模板的表头，按{by}推定为{}年版模板",
                template.id()
            ),
        ));
        return Some(template);
    }
    findings.push(Finding::new(Rule::UnknownTemplate, if evidence.old_form {
            "这是2019年以前的旧版年报格式（指标名称/计量单位），不属于国家现行两版模板，表格未核对".to_string()
        } else {
            "找不到2019年版或2021年版模板的统计表，无法核对表格：请确认粘贴的是完整的政府信息公开工作年度报告".to_string()
        }));
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens::han_only;

    #[test]
    fn template_evidence() {
        let e = TemplateEvidence::of(&han_only("本年制发件数 本年废止件数 现行有效件数"));
        assert_eq!(e.template(), Some(Template::Y2021));
        assert!(!e.mixed());
        assert_eq!(TemplateEvidence::of("").template(), None);
        assert_eq!(e.requests_form(), None);
        // 2021 表二 with the 2019 （六）: the template is 2021, 表三 is of the 2019 form.
        let e = TemplateEvidence::of(&han_only(
            "本年制发件数 本年废止件数 现行有效件数 （六）其他处理 0 0 0 0 0 0 0",
        ));
        assert_eq!(e.template(), Some(Template::Y2021));
        assert_eq!(e.requests_form(), Some(Template::Y2019));
        // 2019 表二 with the 2021 （六） is not a mix of 表二's phrases.
        let e = TemplateEvidence::of(&han_only(
            "本年新制作数量 本年新公开数量 对外公开总数量 上一年项目数量 （六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ));
        assert_eq!(e.template(), Some(Template::Y2019));
        assert!(!e.mixed());
        assert_eq!(e.requests_form(), Some(Template::Y2021));
    }

    #[test]
    fn without_headers_or_year_the_sixth_row_tells_the_template() {
        let han = han_only("一、本年新收政府信息公开申请数量 3 （六）其他处理 0");
        let evidence = TemplateEvidence::of(&han);
        let mut findings = Vec::new();
        let chosen =
            |year, findings: &mut Vec<Finding>| choose_template(evidence, &han, year, findings);
        assert_eq!(chosen(None, &mut findings), Some(Template::Y2019));
        assert!(findings[0]
            .message
            .contains("按表三「（六）其他处理」的写法推定"));
        // The year, when known, says which template is due.
        assert_eq!(chosen(Some(2023), &mut findings), Some(Template::Y2021));
    }
}
