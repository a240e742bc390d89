//! The forms the tables are read in: the template's, except that 表三 may keep the other
//! template's （六） — a 2021 report with the 2019 row （六）其他处理, or a 2019 report with the
//! 2021 items （六）1–3. Such a 表三 is read, and its sums checked, in its own form, and the
//! reader is told the forms are mixed (`structure.template_mismatch`), not that rows are missing.

use crate::model::template::{TableSpec, Template};
use crate::model::{Finding, Rule, Severity, Tables};
use crate::reading::meta::template::TemplateEvidence;

#[derive(Clone, Copy, Debug)]
pub(crate) struct Forms {
    pub(crate) active: &'static TableSpec,
    pub(crate) requests: &'static TableSpec,
}

impl Forms {
    pub(crate) fn of(template: Template) -> Forms {
        Forms {
            active: template.active(),
            requests: template.requests(),
        }
    }
}

/// The tables in the template's forms; when the text shows 表三's （六） in the other
/// template's form, also with 表三 in that form, which is taken when it reads that （六） and
/// the tables meet fewer problems read that way (or, for the 2021 items, no more).
pub(crate) fn read_in_forms(
    template: Template,
    evidence: TemplateEvidence,
    read: impl Fn(Forms, &mut Vec<Finding>) -> Tables,
    findings: &mut Vec<Finding>,
) -> Tables {
    let forms = Forms::of(template);
    let other = template.other();
    if evidence.requests_form() != Some(other) {
        return read(forms, findings);
    }
    let mut own_findings = Vec::new();
    let own = read(forms, &mut own_findings);
    let mut mixed_findings = Vec::new();
    let mixed = read(
        Forms {
            requests: other.requests(),
            ..forms
        },
        &mut mixed_findings,
    );
    // Fewer problems: a 2021 （六） whose items are worded otherwise would read as one row
    // （六）其他处理 with too many numbers, and stays in the template's form. The 2021 items
    // printed are that form even when the 2019 form reads them without a problem (its
    // （六）其他处理 takes the first item's numbers and the others pass unseen), so there a tie
    // goes to the 2021 form.
    let (mixed_count, own_count) = (problems(&mixed_findings), problems(&own_findings));
    let better = mixed_count < own_count || (other == Template::Y2021 && mixed_count == own_count);
    if better && has_own_rows(&mixed, other.requests(), template.requests()) {
        findings.push(mixed_form(template, evidence.template().is_none(), &mixed));
        findings.extend(mixed_findings);
        mixed
    } else {
        findings.extend(own_findings);
        own
    }
}

/// The findings that say the tables were not read as printed: notes (digits split by the
/// sums, say) do not count.
fn problems(findings: &[Finding]) -> usize {
    findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .count()
}

/// Whether 表三 was read in `spec` and has every row that `spec` has and `other` has not.
fn has_own_rows(tables: &Tables, spec: &'static TableSpec, other: &TableSpec) -> bool {
    tables.requests.as_ref().is_some_and(|table| {
        std::ptr::eq(table.spec, spec) && spec.own_rows(other).all(|key| table.row(key).is_some())
    })
}

/// `structure.template_mismatch` for a 表三 whose （六） is of the other template's form, on
/// the line of that （六）; `inferred` when no header told the template (the year did).
fn mixed_form(template: Template, inferred: bool, tables: &Tables) -> Finding {
    let other = template.other();
    let line = tables.requests.as_ref().and_then(|table| {
        let key = other.requests().own_rows(template.requests()).next()?;
        table.row(key)?.first().map(|cell| cell.line)
    });
    let used = if inferred {
        format!("按报告年度应使用{}年版模板", template.id())
    } else {
        format!("报告按{}年版模板填写", template.id())
    };
    let message = match template {
        Template::Y2021 => format!(
            "{used}，表三的「（六）其他处理」却只有一行，是2019年版模板的写法；\
            2021年版分为「1.申请人无正当理由逾期不补正」「2.申请人逾期未按收费通知要求缴纳费用」「3.其他」三项。\
            表三按2019年版的行读取和核对"
        ),
        Template::Y2019 => format!(
            "{used}，表三的「（六）其他处理」却分为\
            「1.申请人无正当理由逾期不补正」「2.申请人逾期未按收费通知要求缴纳费用」「3.其他」三项，是2021年版模板的写法；\
            2019年版只有一行「（六）其他处理」。表三按2021年版的行读取和核对"
        ),
    };
    Finding::new(Rule::TemplateMismatch, message).at_line(line)
}
