//! The consistency rules. Each rule is a function from the report to its findings, with a
//! stable id; severity and message are set where the finding is made.

pub(crate) mod active;
pub(crate) mod crossyear;
pub(crate) mod dates;
pub(crate) mod narrative;
pub(crate) mod requests;
pub(crate) mod review_litigation;
pub(crate) mod sections;
pub(crate) mod structure;
pub(crate) mod value;

use crate::model::number::Number;
use crate::model::template::RowSpec;
use crate::model::{Cell, CellRef, CellSource, Finding, Report, Rule, Table};

/// Every rule, in the order their findings are listed.
pub(crate) fn run(report: &Report) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in [
        structure::template_mismatch,
        structure::period,
        structure::section_missing,
        structure::section_order,
        structure::table_missing,
        requests::row_sum,
        requests::column_sum,
        requests::balance,
        review_litigation::group_sum,
        value::negative,
        active::inconsistent,
        narrative::mismatch,
        requests::blank,
        review_litigation::blank,
        active::blank,
        sections::problems_empty,
        sections::fees_unstated,
        dates::deadline,
    ] {
        findings.extend(rule(report));
    }
    findings
}

/// The known part of a sum: blank cells are not 0, so they are counted, not added.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Sum {
    pub known: Number,
    pub blanks: usize,
}

/// Adds cells; `None` when a cell is missing or unreadable (nothing can be said then). Sums
/// past the range of i64 are added as decimals, never wrapped or skipped.
pub(crate) fn sum<'a>(cells: impl IntoIterator<Item = Option<&'a Cell>>) -> Option<Sum> {
    let mut total = Sum {
        known: Number::Int(0),
        blanks: 0,
    };
    for cell in cells {
        let cell = cell?;
        match (cell.source, cell.value) {
            (CellSource::Unreadable, _) => return None,
            // Past i64 (a hostile or garbled number), added as decimals: the check still runs.
            (_, Some(value)) => {
                total.known = total
                    .known
                    .checked_add(value)
                    .unwrap_or(Number::Dec(total.known.as_f64() + value.as_f64()));
            }
            (_, None) => total.blanks += 1,
        }
    }
    Some(total)
}

/// Whether `left` = `right` is broken, and by how much. With blanks on one side only, the
/// identity is broken when that side's known part already exceeds the other side.
pub(crate) fn broken(left: Sum, right: Sum) -> Option<Number> {
    let difference = Number::Dec(left.known.as_f64() - right.known.as_f64());
    let difference = match (left.known, right.known) {
        (Number::Int(a), Number::Int(b)) => a.checked_sub(b).map_or(difference, Number::Int),
        _ => difference,
    };
    match (left.blanks, right.blanks) {
        (0, 0) => (!left.known.approx_eq(right.known)).then_some(difference),
        (_, 0) => (difference.as_f64() > 1e-6).then_some(difference),
        (0, _) => (difference.as_f64() < -1e-6).then_some(difference),
        _ => None,
    }
}

/// A table's declared row sum ([`crate::model::template::RowSum`]) checked in every row read:
/// where it is broken, a finding of its rule about the row's cells, worded by `describe(row,
/// parts, total, difference)`.
pub(crate) fn row_sums(
    table: &Table,
    describe: impl Fn(&RowSpec, Sum, Sum, Number) -> String,
) -> Vec<Finding> {
    let Some(identity) = table.spec.row_sum() else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    for (row, cells) in table.spec.rows.iter().zip(&table.rows) {
        let Some(cells) = cells else { continue };
        let (Some(parts), Some(total)) = (
            sum(cells[identity.parts.clone()].iter().map(Some)),
            sum([cells.get(identity.total)]),
        ) else {
            continue;
        };
        if let Some(difference) = broken(parts, total) {
            let cells = row
                .cols
                .iter()
                .map(|c| cell_ref(table, row.key, c.key))
                .collect();
            findings.push(cell_finding(
                identity.rule,
                describe(row, parts, total, difference),
                table,
                cells,
            ));
        }
    }
    findings
}

/// `=5` or `=5（另有2格空白）`.
pub(crate) fn show(sum: Sum) -> String {
    if sum.blanks == 0 {
        format!("{}", sum.known)
    } else {
        format!("{}（另有{}格空白）", sum.known, sum.blanks)
    }
}

pub(crate) fn abs(number: Number) -> Number {
    match number {
        Number::Int(i) => Number::Int(i.abs()),
        Number::Dec(d) => Number::Dec(d.abs()),
    }
}

/// A finding about the text, not about cells: on a line, or on none.
pub(crate) fn line_finding(rule: Rule, message: String, line: Option<usize>) -> Finding {
    Finding::new(rule, message).at_line(line)
}

/// A finding about cells, placed on the line of its first cell.
pub(crate) fn cell_finding(
    rule: Rule,
    message: String,
    table: &Table,
    cells: Vec<CellRef>,
) -> Finding {
    let line = cells
        .iter()
        .find_map(|c| table.cell(c.row, c.col))
        .map(|c| c.line)
        .or(Some(table.line));
    Finding::new(rule, message).with_cells(cells).at_line(line)
}

pub(crate) fn cell_ref(table: &Table, row: &'static str, col: &'static str) -> CellRef {
    CellRef {
        table: table.spec.key,
        row,
        col,
    }
}

#[cfg(test)]
pub(crate) mod test_support {
    use crate::model::number::Number;
    use crate::model::template::TableSpec;
    use crate::model::{Cell, CellSource, Table};

    /// A table from values: `Some(n)` a number, `None` a blank.
    pub(crate) fn table(spec: &'static TableSpec, rows: &[&[Option<i64>]]) -> Table {
        Table {
            spec,
            rows: rows
                .iter()
                .enumerate()
                .map(|(r, values)| {
                    Some(
                        values
                            .iter()
                            .map(|v| Cell {
                                value: v.map(Number::Int),
                                source: if v.is_some() {
                                    CellSource::Number
                                } else {
                                    CellSource::Gap
                                },
                                line: r + 1,
                                start: 0,
                                end: 0,
                            })
                            .collect(),
                    )
                })
                .collect(),
            line: 1,
            splits: Vec::new(),
        }
    }

    pub(crate) fn set(table: &mut Table, row: &str, col: &str, value: Option<i64>) {
        let (r, spec) = table.spec.row(row).unwrap();
        let c = spec.cols.iter().position(|c| c.key == col).unwrap();
        let cell = &mut table.rows[r].as_mut().unwrap()[c];
        cell.value = value.map(Number::Int);
        cell.source = if value.is_some() {
            CellSource::Number
        } else {
            CellSource::Gap
        };
    }

    pub(crate) fn report(tables: crate::model::Tables) -> crate::model::Report {
        crate::model::Report {
            template: Some(crate::model::template::Template::Y2019),
            report_year: Some(2020),
            agency: None,
            period: None,
            published: None,
            kind: None,
            stated_years: Vec::new(),
            sections: Vec::new(),
            section_bodies: Vec::new(),
            tables,
            statements: Vec::new(),
            findings: Vec::new(),
            compared_agency: None,
            compared_year: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(known: i64, blanks: usize) -> Sum {
        Sum {
            known: Number::Int(known),
            blanks,
        }
    }

    #[test]
    fn sums_and_differences_past_i64_are_not_wrapped_or_skipped() {
        // i64::MAX − (−2) wrapped to 「相差2」 before... (hostile numbers, issue 16)
        let difference = broken(s(i64::MAX, 0), s(-2, 0)).unwrap();
        assert!(difference.as_f64() > 9.2e18, "{difference}");
        // ... and a sum past i64 skipped the row.
        let cell = |v: i64| Cell {
            value: Some(Number::Int(v)),
            source: CellSource::Number,
            line: 1,
            start: 0,
            end: 0,
        };
        let cells = [cell(i64::MAX), cell(i64::MAX)];
        let total = sum(cells.iter().map(Some)).expect("a sum, not a skipped row");
        assert!(total.known.as_f64() > 1.8e19);
    }

    #[test]
    fn blanks_only_break_an_identity_when_the_known_part_already_exceeds() {
        assert_eq!(broken(s(5, 0), s(5, 0)), None);
        assert_eq!(broken(s(5, 0), s(6, 0)), Some(Number::Int(-1)));
        assert_eq!(broken(s(5, 2), s(6, 0)), None);
        assert_eq!(broken(s(7, 2), s(6, 0)), Some(Number::Int(1)));
        assert_eq!(broken(s(6, 0), s(7, 1)), Some(Number::Int(-1)));
        assert_eq!(broken(s(9, 1), s(1, 1)), None);
    }
}
