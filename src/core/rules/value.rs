//! `value.negative`: counts in 表三 and 表四 cannot be negative.

use super::cell_finding;
use crate::model::Rule;
use crate::model::{Finding, Report};

pub(crate) fn negative(report: &Report) -> Vec<Finding> {
    let tables = [&report.tables.requests, &report.tables.review_litigation];
    let mut findings = Vec::new();
    for table in tables.into_iter().flatten() {
        for (cell_ref, cell) in table.cells() {
            let Some(value) = cell.value.filter(|v| v.is_negative()) else {
                continue;
            };
            let (_, row) = table.spec.row(cell_ref.row).expect("row of its own table");
            let col = row
                .cols
                .iter()
                .find(|c| c.key == cell_ref.col)
                .expect("col of its row");
            findings.push(cell_finding(
                Rule::ValueNegative,
                format!(
                    "{}「{}」{}为{}：件数不能为负",
                    table.spec.name, row.label, col.label, value
                ),
                table,
                vec![cell_ref],
            ));
        }
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::REVIEW_LITIGATION;
    use crate::model::Tables;
    use crate::rules::test_support::{report, table};

    #[test]
    fn negative_count_is_an_error() {
        let ok: &[Option<i64>] = &[Some(0); 5];
        let bad: &[Option<i64>] = &[Some(-1), Some(0), Some(0), Some(0), Some(-1)];
        let report = report(Tables {
            review_litigation: Some(table(&REVIEW_LITIGATION, &[ok, bad, ok])),
            ..Tables::default()
        });
        let found = negative(&report);
        assert_eq!(found.len(), 2);
        assert_eq!(
            found[0].message,
            "表四「行政诉讼·未经复议直接起诉」结果维持为-1：件数不能为负"
        );
    }
}
