//! 表二 (主动公开政府信息情况): blanks and values that cannot be right.

use super::{cell_finding, cell_ref};
use crate::model::template::{ColKind, Template};
use crate::model::Rule;
use crate::model::{CellRef, Finding, Number, Report, Table};

fn table(report: &Report) -> Option<&Table> {
    report.tables.active.as_ref()
}

/// `active.blank`: blank cells of 表二, one finding per row.
pub(crate) fn blank(report: &Report) -> Vec<Finding> {
    let Some(table) = table(report) else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    for row in table.spec.rows {
        let blank_cols: Vec<_> = row
            .cols
            .iter()
            .filter(|c| {
                table
                    .cell(row.key, c.key)
                    .is_some_and(|cell| cell.is_blank())
            })
            .collect();
        if blank_cols.is_empty() {
            continue;
        }
        let names: Vec<&str> = blank_cols.iter().map(|c| c.label).collect();
        findings.push(cell_finding(
            Rule::ActiveBlank,
            format!(
                "表二「{}」{}为空：空白不等于0，没有发生请填0",
                row.label,
                names.join("、")
            ),
            table,
            blank_cols
                .iter()
                .map(|c| cell_ref(table, row.key, c.key))
                .collect(),
        ));
    }
    findings
}

/// `active.inconsistent`: a negative count; 2019: 本年新公开 > 对外公开总数量, or 上一年项目数量
/// + 本年增/减 below zero; 2021: 本年制发 > 现行有效.
pub(crate) fn inconsistent(report: &Report) -> Vec<Finding> {
    let Some(table) = table(report) else {
        return Vec::new();
    };
    let mut findings = negative_counts(table);
    findings.extend(match report.template {
        Some(Template::Y2019) => inconsistent_2019(table),
        Some(Template::Y2021) => inconsistent_2021(table),
        None => Vec::new(),
    });
    findings
}

fn warning(table: &Table, message: String, cells: Vec<CellRef>) -> Finding {
    cell_finding(Rule::ActiveInconsistent, message, table, cells)
}

/// Two values of a row, when both are known.
fn pair(table: &Table, row: &str, a: &str, b: &str) -> Option<(Number, Number)> {
    Some((table.value(row, a)?, table.value(row, b)?))
}

/// A count that is negative (本年增/减 may be).
fn negative_counts(table: &Table) -> Vec<Finding> {
    let mut findings = Vec::new();
    for row in table.spec.rows {
        for col in row.cols.iter().filter(|c| c.kind != ColKind::Signed) {
            if let Some(value) = table.value(row.key, col.key).filter(|v| v.is_negative()) {
                findings.push(warning(
                    table,
                    format!("表二「{}」{}为{}：不能为负数", row.label, col.label, value),
                    vec![cell_ref(table, row.key, col.key)],
                ));
            }
        }
    }
    findings
}

/// 2019's form: 本年新公开数量 ≤ 对外公开总数量; 上一年项目数量 + 本年增/减 ≥ 0.
fn inconsistent_2019(table: &Table) -> Vec<Finding> {
    let mut findings = Vec::new();
    for row in ["regulations", "normative_docs"] {
        if let Some((published, total)) = pair(table, row, "new_published", "total_published") {
            if published.as_f64() > total.as_f64() {
                let label = table.spec.row(row).map_or(row, |(_, r)| r.label);
                findings.push(warning(
                    table,
                    format!(
                        "表二「{label}」本年新公开数量={published}，大于对外公开总数量={total}"
                    ),
                    vec![
                        cell_ref(table, row_key(table, row), "new_published"),
                        cell_ref(table, row_key(table, row), "total_published"),
                    ],
                ));
            }
        }
    }
    for row in table.spec.rows {
        if let Some((prev, change)) = pair(table, row.key, "prev_items", "change") {
            if prev.as_f64() + change.as_f64() < 0.0 {
                findings.push(warning(
                    table,
                    format!(
                        "表二「{}」上一年项目数量={prev}，本年增/减={change}，相加为负",
                        row.label
                    ),
                    vec![
                        cell_ref(table, row.key, "prev_items"),
                        cell_ref(table, row.key, "change"),
                    ],
                ));
            }
        }
    }
    findings
}

/// 2021's form: 本年制发件数 ≤ 现行有效件数, unless all of a year's documents were repealed.
fn inconsistent_2021(table: &Table) -> Vec<Finding> {
    let mut findings = Vec::new();
    for row in ["regulations", "normative_docs"] {
        if let Some((issued, in_force)) = pair(table, row, "issued", "in_force") {
            if issued.as_f64() > in_force.as_f64() {
                let label = table.spec.row(row).map_or(row, |(_, r)| r.label);
                findings.push(warning(
                    table,
                    format!(
                        "表二「{label}」本年制发件数={issued}，大于现行有效件数={in_force}：本年制发的文件当年全部废止的情况少见，请核对"
                    ),
                    vec![
                        cell_ref(table, row_key(table, row), "issued"),
                        cell_ref(table, row_key(table, row), "in_force"),
                    ],
                ));
            }
        }
    }
    findings
}

/// The `'static` key of a row named by a borrowed string.
fn row_key(table: &Table, row: &str) -> &'static str {
    table.spec.row(row).map_or("", |(_, r)| r.key)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::ACTIVE_2019;
    use crate::model::Tables;
    use crate::rules::test_support::{report, table as make};

    fn findings(rows: &[&[Option<i64>]]) -> Vec<(Rule, String)> {
        let report = report(Tables {
            active: Some(make(&ACTIVE_2019, rows)),
            ..Tables::default()
        });
        inconsistent(&report)
            .into_iter()
            .chain(blank(&report))
            .map(|f| (f.rule, f.message))
            .collect()
    }

    #[test]
    fn checks_2019_active_table() {
        let docs: &[Option<i64>] = &[Some(0), Some(0), Some(0)];
        let items: &[Option<i64>] = &[Some(10), Some(-2), Some(5)];
        let fees: &[Option<i64>] = &[Some(3), Some(0)];
        let clean = [docs, docs, items, items, items, items, fees, fees];
        assert_eq!(findings(&clean), []);

        let wrong_docs: &[Option<i64>] = &[Some(5), Some(9), Some(8)];
        let shrinking: &[Option<i64>] = &[Some(1), Some(-2), Some(5)];
        let blank_fee: &[Option<i64>] = &[Some(3), None];
        let found = findings(&[
            docs, wrong_docs, shrinking, items, items, items, blank_fee, fees,
        ]);
        let rules: Vec<Rule> = found.iter().map(|f| f.0).collect();
        assert_eq!(
            rules,
            [
                Rule::ActiveInconsistent,
                Rule::ActiveInconsistent,
                Rule::ActiveBlank
            ]
        );
        assert_eq!(
            found[0].1,
            "表二「规范性文件」本年新公开数量=9，大于对外公开总数量=8"
        );
        assert_eq!(
            found[2].1,
            "表二「行政事业性收费」本年增/减为空：空白不等于0，没有发生请填0"
        );
    }
}
