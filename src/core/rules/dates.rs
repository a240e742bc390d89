//! Dates: the report is published on time.

use crate::model::Date;
use crate::model::Rule;
use crate::model::{AgencyKind, Finding, KindBasis, Report};
use crate::reading::meta::agency::is_township;

/// `date.deadline`: 《政府信息公开条例》第五十条 — every administrative body publishes its report
/// by 31 Jan of the next year; 县级以上地方人民政府 publish the report of the government itself
/// by 31 Mar. The kind of agency is given (`--kind`) or read from the agency's name; when neither
/// tells, only a date after 31 Mar (late whatever the kind) is reported.
pub(crate) fn deadline(report: &Report) -> Vec<Finding> {
    let (Some(year), Some((published, line))) = (report.report_year, report.published) else {
        return Vec::new();
    };
    let Some(due_year) = year.checked_add(1) else {
        return Vec::new();
    };
    let january = Date {
        year: due_year,
        month: 1,
        day: 31,
    };
    let march = Date {
        year: due_year,
        month: 3,
        day: 31,
    };
    let agency = report.agency.as_deref().unwrap_or("");
    let message = match report.kind {
        Some((AgencyKind::Department, basis)) if published > january => {
            let basis = match basis {
                KindBasis::Given => "按 --kind 指定为部门".to_string(),
                KindBasis::AgencyName if is_township(agency) => {
                    format!("按机关名称“{agency}”推定为乡镇、街道，期限与部门相同")
                }
                KindBasis::AgencyName => format!("按机关名称“{agency}”推定为部门"),
            };
            format!(
                "发布日期{}晚于部门年报的公布期限{}（{basis}；如为本级人民政府年报，期限为3月31日）",
                published.chinese(),
                january.chinese()
            )
        }
        Some((AgencyKind::Government, basis)) if published > march => {
            let basis = match basis {
                KindBasis::Given => "按 --kind 指定为本级人民政府".to_string(),
                KindBasis::AgencyName => format!("按机关名称“{agency}”推定为本级人民政府"),
            };
            format!(
                "发布日期{}晚于本级人民政府年报的公布期限{}（{basis}）",
                published.chinese(),
                march.chinese()
            )
        }
        None if published > march => {
            let unknown = if agency.is_empty() {
                "未能判断机关类型".to_string()
            } else {
                format!("未能由机关名称“{agency}”判断机关类型")
            };
            format!(
                "发布日期{}晚于公布期限：本级人民政府年报应在{}前公布，部门年报应在{}前公布（{unknown}）",
                published.chinese(),
                march.chinese(),
                january.chinese()
            )
        }
        _ => return Vec::new(),
    };
    vec![Finding::new(Rule::DateDeadline, message).at_line(Some(line))]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Severity;
    use crate::model::Tables;
    use crate::rules::test_support::report;

    fn dated(agency: &str, kind: Option<(AgencyKind, KindBasis)>, date: (i32, u32, u32)) -> Report {
        let mut r = report(Tables::default());
        r.report_year = Some(2020);
        r.agency = Some(agency.to_string());
        r.kind = kind;
        r.published = Some((
            Date {
                year: date.0,
                month: date.1,
                day: date.2,
            },
            40,
        ));
        r
    }

    const DEPARTMENT: Option<(AgencyKind, KindBasis)> =
        Some((AgencyKind::Department, KindBasis::AgencyName));
    const GOVERNMENT: Option<(AgencyKind, KindBasis)> =
        Some((AgencyKind::Government, KindBasis::AgencyName));

    #[test]
    fn a_department_is_due_on_31_january() {
        assert_eq!(
            deadline(&dated("某某县财政局", DEPARTMENT, (2021, 1, 31))),
            []
        );
        let found = deadline(&dated("某某县财政局", DEPARTMENT, (2021, 2, 19)));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, Rule::DateDeadline);
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].line, Some(40));
        assert_eq!(
            found[0].message,
            "发布日期2021年2月19日晚于部门年报的公布期限2021年1月31日（按机关名称“某某县财政局”推定为部门；如为本级人民政府年报，期限为3月31日）"
        );
    }

    #[test]
    fn a_government_is_due_on_31_march() {
        assert_eq!(
            deadline(&dated("某某县人民政府", GOVERNMENT, (2021, 2, 19))),
            []
        );
        assert_eq!(
            deadline(&dated("某某县人民政府", GOVERNMENT, (2021, 3, 31))),
            []
        );
        let found = deadline(&dated("某某县人民政府", GOVERNMENT, (2021, 4, 1)));
        assert_eq!(
            found[0].message,
            "发布日期2021年4月1日晚于本级人民政府年报的公布期限2021年3月31日（按机关名称“某某县人民政府”推定为本级人民政府）"
        );
    }

    #[test]
    fn the_message_says_how_the_kind_was_determined() {
        let given = Some((AgencyKind::Department, KindBasis::Given));
        let found = deadline(&dated("某某县人民政府", given, (2021, 2, 1)));
        assert!(
            found[0].message.contains("按 --kind 指定为部门"),
            "{found:?}"
        );
        let found = deadline(&dated("某某镇人民政府", DEPARTMENT, (2021, 2, 1)));
        assert!(
            found[0]
                .message
                .contains("推定为乡镇、街道，期限与部门相同"),
            "{found:?}"
        );
    }

    #[test]
    fn an_unknown_kind_is_only_late_after_31_march() {
        assert_eq!(deadline(&dated("平潭综合实验区", None, (2021, 2, 8))), []);
        let found = deadline(&dated("平潭综合实验区", None, (2021, 4, 8)));
        assert_eq!(
            found[0].message,
            "发布日期2021年4月8日晚于公布期限：本级人民政府年报应在2021年3月31日前公布，部门年报应在2021年1月31日前公布（未能由机关名称“平潭综合实验区”判断机关类型）"
        );
    }

    #[test]
    fn nothing_without_a_year_or_a_date() {
        let mut r = dated("某某县财政局", DEPARTMENT, (2021, 5, 1));
        r.report_year = None;
        assert_eq!(deadline(&r), []);
        let mut r = dated("某某县财政局", DEPARTMENT, (2021, 5, 1));
        r.published = None;
        assert_eq!(deadline(&r), []);
        // An absurd year does not overflow.
        let mut r = dated("某某县财政局", DEPARTMENT, (2021, 5, 1));
        r.report_year = Some(i32::MAX);
        assert_eq!(deadline(&r), []);
    }
}
