//! Settling 表三's rows whose digits split more than one way by the table's column sums.

use super::cells::{row_refs, show_cells};
use crate::model::number::Number;
use crate::model::template::{Balance, ColumnSum, TableSpec, REQUEST_COLS};
use crate::model::{Cell, Finding, Rule};

/// A row whose digits ran together and split more than one way: its index and every reading.
pub(super) struct Unsettled {
    pub(super) row: usize,
    pub(super) readings: Vec<Vec<Cell>>,
}

/// Rows left unsettled at most: each adds a factor of readings to try.
const MAX_UNSETTLED: usize = 4;

/// Picks, for 表三's rows whose digits split more than one way, the one combination of readings
/// under which every column adds up (（一）…（六） = （七）, 一+二 = （七）+四). Decides nothing when
/// none or several combinations hold.
pub(super) fn settle_by_columns(
    spec: &'static TableSpec,
    rows: &mut [Option<Vec<Cell>>],
    unsettled: &[Unsettled],
    findings: &mut Vec<Finding>,
) {
    if unsettled.len() > MAX_UNSETTLED {
        return;
    }
    let (Some(column_sum), Some(balance)) = (spec.column_sum(), spec.balance()) else {
        return;
    };
    let combinations: usize = unsettled.iter().map(|u| u.readings.len()).product();
    let mut trial = rows.to_vec();
    let mut valid = Vec::new();
    for mut code in 0..combinations {
        let mut choice = Vec::with_capacity(unsettled.len());
        for row in unsettled {
            let pick = code % row.readings.len();
            code /= row.readings.len();
            trial[row.row] = Some(row.readings[pick].clone());
            choice.push(pick);
        }
        if identities_hold(&trial, &column_sum, &balance) {
            valid.push(choice);
        }
    }
    let [choice] = valid.as_slice() else { return };
    for (row, &pick) in unsettled.iter().zip(choice) {
        let reading = &row.readings[pick];
        rows[row.row] = Some(reading.clone());
        let spec_row = &spec.rows[row.row];
        findings.retain(|f| {
            !(f.rule == Rule::AmbiguousCells
                && f.cells.first().is_some_and(|c| c.row == spec_row.key))
        });
        findings.push(
            Finding::new(
                Rule::ReconstructedCells,
                format!(
                    "{}「{}」行的数字连在一起，可拆法不止一种；只有拆为 {} 时各列合计与勾稽关系都成立，按此读取",
                    spec.name,
                    spec_row.label,
                    show_cells(reading)
                ),
            )
            .with_cells(row_refs(spec, spec_row))
            .at_line(reading.first().map(|c| c.line)),
        );
    }
}

/// Whether the column sum and the balance hold in every column, where all their cells are known
/// (blank is not 0: unknown, not broken).
pub(super) fn identities_hold(
    rows: &[Option<Vec<Cell>>],
    column_sum: &ColumnSum,
    balance: &Balance,
) -> bool {
    let value = |row: usize, col: usize| -> Option<i64> {
        let cell = rows.get(row)?.as_ref()?.get(col)?;
        match cell.value? {
            Number::Int(v) => Some(v),
            Number::Dec(_) => None,
        }
    };
    (0..REQUEST_COLS.len()).all(|c| {
        let sum: Option<i64> = column_sum.parts.clone().map(|r| value(r, c)).sum();
        let columns_ok = match (sum, value(column_sum.total, c)) {
            (Some(s), Some(t)) => s == t,
            _ => true,
        };
        let side = |pair: [usize; 2]| Some(value(pair[0], c)? + value(pair[1], c)?);
        let balance_ok = match (side(balance.left), side(balance.right)) {
            (Some(left), Some(right)) => left == right,
            _ => true,
        };
        columns_ok && balance_ok
    })
}
