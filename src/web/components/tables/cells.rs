//! One cell of a drawn table, with its hooks (`data-table`, `data-row`, `data-col`,
//! `data-severity`, `data-line`) and the marks of the findings that concern it.

use yew::prelude::*;

use super::super::findings::{severity_mark, SeverityMark};
use crate::model::{CellRef, CellSource, Report, Severity, Table};

/// What the cells of a report's tables are drawn with: for each cell, the findings (by index)
/// that concern it, and the finding highlighted.
pub(super) struct Cells<'a> {
    report: &'a Report,
    /// (cell, finding index), in the order of the findings.
    findings: Vec<(CellRef, usize)>,
    highlighted: Option<usize>,
}

/// The cell at `table`, `row`, `col`.
pub(super) fn at(table: &'static str, row: &'static str, col: &'static str) -> CellRef {
    CellRef { table, row, col }
}

impl<'a> Cells<'a> {
    pub(super) fn new(report: &'a Report, highlighted: Option<usize>) -> Cells<'a> {
        // A list, not a map: a few hundred entries at most, and no hash table in the wasm.
        let findings = report
            .findings
            .iter()
            .enumerate()
            .flat_map(|(index, finding)| finding.cells.iter().map(move |cell| (*cell, index)))
            .collect();
        Cells {
            report,
            findings,
            highlighted,
        }
    }

    pub(super) fn report(&self) -> &'a Report {
        self.report
    }

    /// One cell of `table` (`None`: the table was not read), `colspan` grid columns wide.
    pub(super) fn cell(&self, table: Option<&Table>, at: CellRef, colspan: usize) -> Html {
        let cell = table.and_then(|t| t.cell(at.row, at.col));
        let (text, state) = match cell {
            None => ("缺".to_string(), "missing"),
            Some(c) => match (c.source, c.value) {
                (CellSource::Unreadable, _) => ("？".to_string(), "unreadable"),
                (CellSource::Reconstructed, Some(value)) => (value.to_string(), "reconstructed"),
                (_, Some(value)) => (value.to_string(), "value"),
                (_, None) => ("空".to_string(), "blank"),
            },
        };
        let indices: Vec<usize> = self
            .findings
            .iter()
            .filter(|(cell, _)| *cell == at)
            .map(|&(_, index)| index)
            .collect();
        let severity: Option<Severity> = indices
            .iter()
            .map(|&i| self.report.findings[i].severity)
            .min();
        let highlighted = self.highlighted.is_some_and(|h| indices.contains(&h));
        let title = indices
            .iter()
            .map(|&i| format!("{}. {}", i + 1, self.report.findings[i].message))
            .collect::<Vec<_>>()
            .join("\n");
        let line = cell.map(|c| c.line.to_string());
        html! {
            <td class={classes!("cell", state, severity.map(|s| s.as_str()), highlighted.then_some("highlighted"))}
                colspan={(colspan > 1).then(|| colspan.to_string())}
                data-table={at.table} data-row={at.row} data-col={at.col}
                data-severity={severity.map(|s| s.as_str())}
                data-line={line}
                title={(!title.is_empty()).then_some(title)}>
                <span class="value">{ text }</span>
                if state == "reconstructed" {
                    <span class="reconstructed-mark" title="原文数字连在一起，按表内合计关系拆出">{ "拆" }</span>
                }
                { for indices.iter().map(|&i| {
                    let SeverityMark { shape, word } = severity_mark(self.report.findings[i].severity);
                    html! { <sup class="marker" aria-label={format!("{word}{}", i + 1)}>{ format!("{shape}{}", i + 1) }</sup> }
                }) }
            </td>
        }
    }
}
