//! Change any one cell of 表三 or 表四 of a clean fixture by ±1: at least one error finding
//! must point at that cell's row or column. Every cell is covered.

mod common;

use nianbao::model::{CellRef, CellSource, Table};
use nianbao::text::Source;
use nianbao::{Options, Severity};

/// The clean fixtures whose cells are printed apart (平潭's run together: tests/run_together.rs).
fn clean_fixtures() -> Vec<(String, String)> {
    let found: Vec<_> = common::clean_fixtures()
        .into_iter()
        .filter(|(name, _)| !name.contains("平潭"))
        .collect();
    assert!(
        found.len() >= 4,
        "expected the clean fixtures, found {}",
        found.len()
    );
    found
}

/// The cells of 表三 and 表四 with where they stand in the (normalised) text.
fn number_cells(table: &Table) -> Vec<(CellRef, i64, usize, usize)> {
    table
        .cells()
        .filter(|(_, cell)| cell.source == CellSource::Number)
        .map(|(r, cell)| {
            let value = cell.value.map(|v| v.as_f64() as i64).unwrap();
            (r, value, cell.start, cell.end)
        })
        .collect()
}

#[test]
fn every_single_cell_change_is_caught_on_its_row_or_column() {
    let mut checked = 0;
    let mut missed = Vec::new();
    for (name, raw) in clean_fixtures() {
        let text = Source::new(&raw).text;
        let report = nianbao::check_text(&text, &Options::default());
        assert_eq!(report.summary().errors, 0, "{name} is clean");
        let tables = [&report.tables.requests, &report.tables.review_litigation];
        for table in tables.into_iter().map(|t| t.as_ref().expect("table read")) {
            let cells = number_cells(table);
            assert_eq!(
                cells.len(),
                table.spec.rows.len() * table.spec.rows[0].cols.len()
            );
            for (cell, value, start, end) in cells {
                for delta in [1, -1] {
                    let changed = format!("{}{}{}", &text[..start], value + delta, &text[end..]);
                    let after = nianbao::check_text(&changed, &Options::default());
                    let got = match cell.table {
                        "requests" => after.tables.requests.as_ref(),
                        _ => after.tables.review_litigation.as_ref(),
                    }
                    .and_then(|t| t.value(cell.row, cell.col))
                    .map(|v| v.as_f64() as i64);
                    assert_eq!(got, Some(value + delta), "{name}: {cell:?} not re-read");
                    checked += 1;
                    let caught = after.findings.iter().any(|f| {
                        f.severity == Severity::Error
                            && f.cells.iter().any(|c| {
                                c.table == cell.table && (c.row == cell.row || c.col == cell.col)
                            })
                    });
                    if !caught {
                        missed.push(format!("{name}: {cell:?} {value}→{}", value + delta));
                    }
                }
            }
        }
    }
    assert!(checked > 1000, "only {checked} changes checked");
    assert!(
        missed.is_empty(),
        "missed {} of {checked}:\n{}",
        missed.len(),
        missed.join("\n")
    );
}
