//! 表四 (行政复议、行政诉讼情况): each group's 总计 and blanks.

use super::{abs, cell_finding, cell_ref, row_sums, show};
use crate::model::template::REVIEW_COLS;
use crate::model::Rule;
use crate::model::{Finding, Report};

/// `review_litigation.sum`: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, per group.
pub(crate) fn group_sum(report: &Report) -> Vec<Finding> {
    let Some(table) = report.tables.review_litigation.as_ref() else {
        return Vec::new();
    };
    row_sums(table, |row, parts, total, difference| {
        format!(
            "{}：维持+纠正+其他+尚未审结={}，总计={}，相差{}",
            row.label,
            show(parts),
            show(total),
            abs(difference)
        )
    })
}

/// `review_litigation.blank`: blank cells, one finding per group.
pub(crate) fn blank(report: &Report) -> Vec<Finding> {
    let Some(table) = report.tables.review_litigation.as_ref() else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    for spec in table.spec.rows {
        let blank_cols: Vec<_> = REVIEW_COLS
            .iter()
            .filter(|c| {
                table
                    .cell(spec.key, c.key)
                    .is_some_and(|cell| cell.is_blank())
            })
            .collect();
        if blank_cols.is_empty() {
            continue;
        }
        let names: Vec<&str> = blank_cols.iter().map(|c| c.label).collect();
        findings.push(cell_finding(
            Rule::ReviewLitigationBlank,
            format!(
                "表四「{}」有{}格空白（{}）：空白不等于0，没有发生请填0",
                spec.label,
                blank_cols.len(),
                names.join("、")
            ),
            table,
            blank_cols
                .iter()
                .map(|c| cell_ref(table, spec.key, c.key))
                .collect(),
        ));
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::REVIEW_LITIGATION;
    use crate::model::Tables;
    use crate::rules::test_support::{report, table};

    fn findings(rows: &[&[Option<i64>]]) -> Vec<(Rule, String)> {
        let report = report(Tables {
            review_litigation: Some(table(&REVIEW_LITIGATION, rows)),
            ..Tables::default()
        });
        group_sum(&report)
            .into_iter()
            .chain(blank(&report))
            .map(|f| (f.rule, f.message))
            .collect()
    }

    #[test]
    fn group_total_must_add_up() {
        let ok: &[Option<i64>] = &[Some(0), Some(0), Some(3), Some(0), Some(3)];
        let bad: &[Option<i64>] = &[Some(0), Some(0), Some(0), Some(0), Some(2)];
        assert_eq!(findings(&[ok, ok, ok]), []);
        assert_eq!(
            findings(&[ok, ok, bad]),
            [(
                Rule::ReviewLitigationSum,
                "行政诉讼·复议后起诉：维持+纠正+其他+尚未审结=0，总计=2，相差2".to_string()
            )]
        );
    }

    #[test]
    fn blank_group_is_a_warning_not_a_sum_error() {
        let ok: &[Option<i64>] = &[Some(1), Some(0), Some(0), Some(0), Some(1)];
        let blank_row: &[Option<i64>] = &[None; 5];
        let found = findings(&[blank_row, ok, ok]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, Rule::ReviewLitigationBlank);
        assert!(found[0].1.contains("5格空白"));
    }
}
