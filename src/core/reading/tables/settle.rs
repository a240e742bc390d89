//! Settling 表三's rows whose digits split more than one way by the table's column sums.

use super::cells::row_refs;
use crate::model::number::Number;
use crate::model::template::{TableSpec, REQUEST_COLS};
use crate::model::{Cell, Finding, Rule};

/// Picks, for 表三's rows whose digits split more than one way, the one combination of readings
/// under which every column adds up (（一）…（六） = （七）, 一+二 = （七）+四). Decides nothing when
/// none or several combinations hold.
pub(super) fn settle_by_columns(
    spec: &'static TableSpec,
    rows: &mut [Option<Vec<Cell>>],
    pending: &[(usize, Vec<Vec<Cell>>)],
    findings: &mut Vec<Finding>,
) {
    const MAX_PENDING: usize = 4;
    if pending.len() > MAX_PENDING {
        return;
    }
    let (Some(column_sum), Some(balance)) = (spec.column_sum(), spec.balance()) else {
        return;
    };
    let value = |rows: &[Option<Vec<Cell>>], row: usize, col: usize| -> Option<i64> {
        let cell = rows.get(row)?.as_ref()?.get(col)?;
        match cell.value? {
            Number::Int(v) => Some(v),
            Number::Dec(_) => None,
        }
    };
    // Each identity holds where all its cells are known (blank is not 0: unknown, not broken).
    let holds = |rows: &[Option<Vec<Cell>>]| {
        (0..REQUEST_COLS.len()).all(|c| {
            let sum: Option<i64> = column_sum.parts.clone().map(|r| value(rows, r, c)).sum();
            let columns_ok = match (sum, value(rows, column_sum.total, c)) {
                (Some(s), Some(t)) => s == t,
                _ => true,
            };
            let side = |pair: [usize; 2]| Some(value(rows, pair[0], c)? + value(rows, pair[1], c)?);
            let balance_ok = match (side(balance.left), side(balance.right)) {
                (Some(left), Some(right)) => left == right,
                _ => true,
            };
            columns_ok && balance_ok
        })
    };
    let combinations: usize = pending.iter().map(|(_, r)| r.len()).product();
    let mut trial = rows.to_vec();
    let mut valid = Vec::new();
    for mut code in 0..combinations {
        let mut choice = Vec::with_capacity(pending.len());
        for (row, readings) in pending {
            let pick = code % readings.len();
            code /= readings.len();
            trial[*row] = Some(readings[pick].clone());
            choice.push(pick);
        }
        if holds(&trial) {
            valid.push(choice);
        }
    }
    let [choice] = valid.as_slice() else { return };
    for ((row, readings), &pick) in pending.iter().zip(choice) {
        rows[*row] = Some(readings[pick].clone());
        let key = spec.rows[*row].key;
        findings.retain(|f| {
            !(f.rule == Rule::AmbiguousCells && f.cells.first().is_some_and(|c| c.row == key))
        });
        let values: Vec<String> = readings[pick]
            .iter()
            .filter_map(|c| c.value.map(|v| v.to_string()))
            .collect();
        findings.push(Finding::new(Rule::ReconstructedCells, format!(
                "{}「{}」行的数字连在一起，可拆法不止一种；只有拆为 {} 时各列合计与勾稽关系都成立，按此读取",
                spec.name,
                spec.rows[*row].label,
                values.join("、")
            )).with_cells(row_refs(spec, &spec.rows[*row])).at_line(readings[pick].first().map(|c| c.line)));
    }
}
