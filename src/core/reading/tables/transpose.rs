//! 表三 printed column by column: some PDF extractors give every row label, then every
//! 自然人 value top to bottom, then every 商业企业 value, … then every 总计 value.

use super::rows::rows_of_label;
use super::segments::Seg;
use crate::model::number::Number;
use crate::model::template::TableSpec;
use crate::model::{Cell, CellSource, Finding, Rule};
use crate::text::tokens::{Kind, Token};

/// The rows of 表三 read column by column, when one label holds every row's label, exactly a
/// number per cell follows it, and the table's sums hold when read down the columns (and do
/// not when read across, unless both readings are the same). `None` otherwise: the rows are
/// then read as usual, and declined.
pub(super) fn column_major(
    segs: &[Seg],
    spec: &'static TableSpec,
    findings: &mut Vec<Finding>,
) -> Option<Vec<Option<Vec<Cell>>>> {
    let (n, cols) = (spec.rows.len(), spec.rows.first()?.cols.len());
    let at = segs.iter().rposition(|seg| match seg {
        Seg::Label(label) => rows_of_label(&label.han, spec, 0)
            .is_some_and(|(found, before)| found.row + 1 == n && before.len() + 1 == n),
        _ => false,
    })?;
    let mut tokens: Vec<(Token, i64)> = Vec::with_capacity(n * cols);
    for seg in &segs[at + 1..] {
        match seg {
            Seg::Label(_) => break,
            Seg::Value(t) => match t.kind {
                Kind::Num(Number::Int(v), _) => tokens.push((*t, v)),
                _ => return None,
            },
            Seg::Gap(_) => {}
        }
    }
    if tokens.len() != n * cols {
        return None;
    }
    // The cell of row r, column c is token c × n + r read down, r × cols + c read across.
    let down: Vec<(Token, i64)> = (0..n * cols)
        .map(|i| tokens[i % cols * n + i / cols])
        .collect();
    let same = down.iter().zip(&tokens).all(|(d, a)| d.1 == a.1);
    if !holds(spec, &down) || (!same && holds(spec, &tokens)) {
        return None;
    }
    if !same {
        findings.push(
            Finding::new(
                Rule::ReconstructedCells,
                "表三的数字按列排列；按列读取时各行、各列合计与勾稽关系都成立，按此读取"
                    .to_string(),
            )
            .at_line(Some(tokens[0].0.line)),
        );
    }
    let cell = |&(token, v): &(Token, i64)| Cell {
        value: Some(Number::Int(v)),
        source: CellSource::Number,
        line: token.line,
        start: token.start,
        end: token.end,
    };
    Some(
        down.chunks(cols)
            .map(|row| Some(row.iter().map(cell).collect()))
            .collect(),
    )
}

/// Whether every row sum, column sum and the balance of `spec` hold for `cells` (row by row).
fn holds(spec: &TableSpec, cells: &[(Token, i64)]) -> bool {
    let cols = spec.rows[0].cols.len();
    let v = |r: usize, c: usize| cells[r * cols + c].1;
    let rows_ok = spec.row_sum().is_none_or(|s| {
        (0..spec.rows.len()).all(|r| s.parts.clone().map(|c| v(r, c)).sum::<i64>() == v(r, s.total))
    });
    let columns_ok = spec.column_sum().is_none_or(|s| {
        (0..cols).all(|c| s.parts.clone().map(|r| v(r, c)).sum::<i64>() == v(s.total, c))
    });
    let balance_ok = spec.balance().is_none_or(|b| {
        (0..cols).all(|c| v(b.left[0], c) + v(b.left[1], c) == v(b.right[0], c) + v(b.right[1], c))
    });
    rows_ok && columns_ok && balance_ok
}
