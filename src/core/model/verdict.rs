//! What a check concludes, and how surely each table was read.
//!
//! A report with no error is 通过 only when every table was read with certainty. When part of a
//! table could not be read (its cells were left out of the checks), the honest answer is
//! 未能可靠读取: the checker declines rather than passing or accusing the report.

use super::finding::Finding;
use super::report::Report;
use super::rule::Rule;
use super::table::Table;

/// The three verdicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// No error, and every table read with certainty.
    Passed,
    /// At least one error.
    Failed,
    /// No error, but part of a table could not be read reliably: not checked.
    Unsure,
}

impl Verdict {
    /// The stable id in the JSON: `passed`, `failed`, `unsure`.
    pub fn id(self) -> &'static str {
        match self {
            Verdict::Passed => "passed",
            Verdict::Failed => "failed",
            Verdict::Unsure => "unsure",
        }
    }

    pub fn chinese(self) -> &'static str {
        match self {
            Verdict::Passed => "通过",
            Verdict::Failed => "未通过",
            Verdict::Unsure => "未能可靠读取",
        }
    }
}

/// How surely one table was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TableReading {
    /// Every cell read as printed.
    Read,
    /// Read whole, some cells by the table's own identities (numbers run together or cut by a
    /// line break, with one reading only).
    Reconstructed,
    /// Some rows could not be read reliably; their cells were left out of the checks.
    Partial,
    /// Found, but not one number could be read.
    Unreadable,
    /// Not found.
    Missing,
}

impl TableReading {
    /// The stable id in the JSON.
    pub fn id(self) -> &'static str {
        match self {
            TableReading::Read => "read",
            TableReading::Reconstructed => "reconstructed",
            TableReading::Partial => "partial",
            TableReading::Unreadable => "unreadable",
            TableReading::Missing => "missing",
        }
    }

    pub fn chinese(self) -> &'static str {
        match self {
            TableReading::Read => "已读取",
            TableReading::Reconstructed => "已按表内合计关系还原",
            TableReading::Partial => "部分未能可靠读取",
            TableReading::Unreadable => "未能读取",
            TableReading::Missing => "未找到",
        }
    }

    /// Whether some cells of the table are unknown to the checks.
    pub fn is_unsure(self) -> bool {
        matches!(self, TableReading::Partial | TableReading::Unreadable)
    }
}

/// The three tables' keys with their names, in the report's order.
pub const TABLES: [(&str, &str); 3] = [
    ("active", "表二"),
    ("requests", "表三"),
    ("review_litigation", "表四"),
];

/// Rules whose cells were not read with certainty and were left out of the checks.
fn leaves_cells_out(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::UnreadableRow | Rule::AmbiguousCells | Rule::ExtraCells
    )
}

fn names_table(finding: &Finding, key: &str) -> bool {
    finding.cells.iter().any(|cell| cell.table == key)
}

fn reading_of(table: Option<&Table>, key: &str, findings: &[Finding]) -> TableReading {
    let Some(table) = table else {
        return TableReading::Missing;
    };
    let any_number = table
        .rows
        .iter()
        .flatten()
        .flatten()
        .any(|c| c.value.is_some());
    if !any_number && table.rows.iter().flatten().flatten().any(|c| !c.is_blank()) {
        return TableReading::Unreadable;
    }
    let about =
        |pick: fn(Rule) -> bool| findings.iter().any(|f| pick(f.rule) && names_table(f, key));
    if about(leaves_cells_out) {
        TableReading::Partial
    } else if about(|rule| rule == Rule::ReconstructedCells) {
        TableReading::Reconstructed
    } else {
        TableReading::Read
    }
}

impl Report {
    /// How surely each table was read, by key, in the order of [`TABLES`].
    pub fn table_readings(&self) -> [(&'static str, TableReading); 3] {
        TABLES.map(|(key, _)| {
            let reading = reading_of(self.tables.get(key), key, &self.findings);
            (key, reading)
        })
    }

    pub fn verdict(&self) -> Verdict {
        if self.summary().errors > 0 {
            Verdict::Failed
        } else if self.table_readings().iter().any(|(_, r)| r.is_unsure()) {
            Verdict::Unsure
        } else {
            Verdict::Passed
        }
    }
}
