//! 表三 (收到和处理政府信息公开申请情况): row sums, column sums, the 勾稽关系, blanks.

use super::{abs, broken, cell_finding, cell_ref, row_sums, show, sum};
use crate::model::template::REQUEST_COLS;
use crate::model::Rule;
use crate::model::{CellRef, Finding, Report, Table};

fn table(report: &Report) -> Option<&Table> {
    report.tables.requests.as_ref()
}

/// `requests.row_sum`: a row's 总计 is the sum of its six applicant columns.
pub(crate) fn row_sum(report: &Report) -> Vec<Finding> {
    let Some(table) = table(report) else {
        return Vec::new();
    };
    row_sums(table, |row, parts, total, difference| {
        format!(
            "{}行：六类申请人之和={}，总计={}，相差{}",
            row.label,
            show(parts),
            show(total),
            abs(difference)
        )
    })
}

/// `requests.column_sum`: （七）总计 is the sum of the result rows （一）…（六）, per column.
pub(crate) fn column_sum(report: &Report) -> Vec<Finding> {
    let Some(table) = table(report) else {
        return Vec::new();
    };
    let Some(identity) = table.spec.column_sum() else {
        return Vec::new();
    };
    let result_rows = identity.parts.clone();
    let mut findings = Vec::new();
    for (c, col) in REQUEST_COLS.iter().enumerate() {
        let parts = sum(result_rows.clone().map(|r| table.cell_at(r, c)));
        let total = sum([table.cell_at(identity.total, c)]);
        let (Some(parts), Some(total)) = (parts, total) else {
            continue;
        };
        if let Some(difference) = broken(parts, total) {
            let mut cells = vec![cell_ref(
                table,
                table.spec.rows[identity.total].key,
                col.key,
            )];
            cells.extend(
                result_rows
                    .clone()
                    .map(|r| cell_ref(table, table.spec.rows[r].key, col.key)),
            );
            findings.push(cell_finding(
                identity.rule,
                format!(
                    "{}列：（一）至（六）各项之和={}，（七）总计={}，相差{}",
                    col.label,
                    show(parts),
                    show(total),
                    abs(difference)
                ),
                table,
                cells,
            ));
        }
    }
    findings
}

/// `requests.balance`: 一 + 二 = （七）总计 + 四, per column (the form's printed 勾稽关系).
pub(crate) fn balance(report: &Report) -> Vec<Finding> {
    let Some(table) = table(report) else {
        return Vec::new();
    };
    let Some(identity) = table.spec.balance() else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    for (c, col) in REQUEST_COLS.iter().enumerate() {
        let side = |rows: [usize; 2]| sum(rows.map(|row| table.cell_at(row, c)));
        let (Some(received), Some(handled)) = (side(identity.left), side(identity.right)) else {
            continue;
        };
        if let Some(difference) = broken(received, handled) {
            let rows = identity.left.into_iter().chain(identity.right);
            findings.push(cell_finding(
                identity.rule,
                format!(
                    "{}列：一+二={}，（七）总计+四={}，相差{}",
                    col.label,
                    show(received),
                    show(handled),
                    abs(difference)
                ),
                table,
                rows.map(|row| cell_ref(table, table.spec.rows[row].key, col.key))
                    .collect(),
            ));
        }
    }
    findings
}

/// `requests.blank`: blank cells, one finding per column.
pub(crate) fn blank(report: &Report) -> Vec<Finding> {
    let Some(table) = table(report) else {
        return Vec::new();
    };
    blanks_by_column(table, Rule::RequestsBlank)
}

/// Blank cells of a table, grouped by column: `商业企业列有25格空白`.
pub(super) fn blanks_by_column(table: &Table, rule: Rule) -> Vec<Finding> {
    let mut findings = Vec::new();
    let cols = table.spec.rows.first().map_or(&[][..], |r| r.cols);
    let rows_found = table.rows.iter().flatten().count();
    for (c, col) in cols.iter().enumerate() {
        let blank_rows: Vec<(&str, &'static str)> = table
            .spec
            .rows
            .iter()
            .enumerate()
            .filter(|&(r, _)| table.cell_at(r, c).is_some_and(|cell| cell.is_blank()))
            .map(|(_, row)| (row.label, row.key))
            .collect();
        if blank_rows.is_empty() {
            continue;
        }
        let labels: Vec<&str> = blank_rows.iter().take(3).map(|(l, _)| *l).collect();
        let where_ = if blank_rows.len() == rows_found {
            "整列".to_string()
        } else if blank_rows.len() > 3 {
            format!("{}等", labels.join("、"))
        } else {
            labels.join("、")
        };
        let cells: Vec<CellRef> = blank_rows
            .iter()
            .map(|&(_, row)| cell_ref(table, row, col.key))
            .collect();
        findings.push(cell_finding(
            rule,
            format!(
                "{}{}列有{}格空白（{}）：空白不等于0，没有发生请填0",
                table.spec.name,
                col.label,
                blank_rows.len(),
                where_
            ),
            table,
            cells,
        ));
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::REQUESTS_2019;
    use crate::model::Tables;
    use crate::rules::test_support::{report, set, table as make};

    /// A balanced 2019 表三: 2 new natural, 1 carried, 2 granted, 1 carried forward.
    fn clean() -> Table {
        let zero: &[Option<i64>] = &[Some(0); 7];
        let mut rows: Vec<&[Option<i64>]> = vec![zero; REQUESTS_2019.rows.len()];
        let new: &[Option<i64>] = &[
            Some(2),
            Some(0),
            Some(0),
            Some(0),
            Some(0),
            Some(0),
            Some(2),
        ];
        let one: &[Option<i64>] = &[
            Some(1),
            Some(0),
            Some(0),
            Some(0),
            Some(0),
            Some(0),
            Some(1),
        ];
        rows[0] = new;
        rows[1] = one;
        rows[2] = new;
        let total = REQUESTS_2019.row("total").unwrap().0;
        rows[total] = new;
        rows[total + 1] = one;
        make(&REQUESTS_2019, &rows)
    }

    fn rules_of(table: Table) -> Vec<(Rule, String)> {
        let report = report(Tables {
            requests: Some(table),
            ..Tables::default()
        });
        [row_sum, column_sum, balance, blank]
            .iter()
            .flat_map(|rule| rule(&report))
            .map(|f| (f.rule, f.message))
            .collect()
    }

    #[test]
    fn clean_table_has_no_findings() {
        assert_eq!(rules_of(clean()), []);
    }

    #[test]
    fn row_sum_names_expected_and_found() {
        let mut table = clean();
        set(&mut table, "granted", "legal", Some(1));
        let found = rules_of(table);
        assert!(found.contains(&(
            Rule::RequestsRowSum,
            "（一）予以公开行：六类申请人之和=3，总计=2，相差1".to_string()
        )));
        assert!(found.iter().any(|f| f.0 == Rule::RequestsColumnSum));
    }

    #[test]
    fn balance_message() {
        let mut table = clean();
        set(&mut table, "carry_forward", "natural", Some(2));
        set(&mut table, "carry_forward", "total", Some(2));
        let found = rules_of(table);
        assert!(found.contains(&(
            Rule::RequestsBalance,
            "自然人列：一+二=3，（七）总计+四=4，相差1".to_string()
        )));
        assert!(!found.iter().any(|f| f.0 == Rule::RequestsRowSum));
    }

    #[test]
    fn blanks_are_reported_and_do_not_fake_sums() {
        let mut table = clean();
        set(&mut table, "granted", "commercial", None);
        let found = rules_of(table);
        assert_eq!(
            found,
            [(
                Rule::RequestsBlank,
                "表三商业企业列有1格空白（（一）予以公开）：空白不等于0，没有发生请填0".to_string()
            )]
        );
    }

    #[test]
    fn known_part_exceeding_the_total_is_an_error_even_with_blanks() {
        let mut table = clean();
        set(&mut table, "granted", "commercial", None);
        set(&mut table, "granted", "natural", Some(3));
        let found = rules_of(table);
        assert!(found.iter().any(|f| f.0 == Rule::RequestsRowSum
            && f.1 == "（一）予以公开行：六类申请人之和=3（另有1格空白），总计=2，相差1"));
    }
}
