//! Which national template a report follows, by the phrases only one of them prints.

use crate::model::template::{MARKERS_2019, MARKERS_2021, MARKERS_OLD};
use crate::model::Rule;
use crate::model::{Finding, Template};

/// Which template's marker phrases the text holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct TemplateEvidence {
    pub markers_2019: usize,
    pub markers_2021: usize,
    pub old_form: bool,
}

impl TemplateEvidence {
    pub(crate) fn of(han: &str) -> TemplateEvidence {
        let count = |markers: &[&str]| markers.iter().filter(|m| han.contains(*m)).count();
        TemplateEvidence {
            markers_2019: count(MARKERS_2019),
            markers_2021: count(MARKERS_2021),
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

    /// Both templates' phrases in one report.
    pub(crate) fn mixed(self) -> bool {
        self.markers_2019 >= 2 && self.markers_2021 >= 2
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
        let template = match year {
            Some(y) if y <= 2020 => Template::Y2019,
            _ => Template::Y2021,
        };
        findings.push(Finding::new(
            Rule::TemplateInferred,
            format!(
                "表二中没有可辨认模板的表头，按报告年度推定为{}年版模板",
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
    }
}
