//! What a check produces: the report's facts, its three tables cell by cell, and findings.

use crate::locate::Section;
use crate::meta::{Date, StatedYear};
use crate::number::Number;
use crate::statements::Statement;
use crate::template::{TableSpec, Template};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CellSource {
    /// A number printed in the text.
    Number,
    /// Explicitly blank: `/`, `-`, `—`, `无`.
    BlankMarker,
    /// Blank: an empty field or empty line where the cell stands.
    Gap,
    /// Cut out of digits that ran together, by the table's own sums (`640020470`).
    Reconstructed,
    /// The text did not let us read this cell (a row too short to place its numbers).
    Unreadable,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// `None` for a blank (or unreadable) cell; never silently 0.
    pub value: Option<Number>,
    pub source: CellSource,
    pub line: usize,
    /// Byte range in the normalised text (empty for an unreadable cell).
    pub start: usize,
    pub end: usize,
}

impl Cell {
    pub fn is_blank(&self) -> bool {
        matches!(self.source, CellSource::BlankMarker | CellSource::Gap)
    }
}

#[derive(Clone, Debug)]
pub struct Table {
    pub spec: &'static TableSpec,
    /// One entry per template row: `None` when the row was not found.
    pub rows: Vec<Option<Vec<Cell>>>,
    pub line: usize,
}

impl Table {
    /// The byte range from the first cell to the last (empty tables: `None`).
    pub fn span(&self) -> Option<(usize, usize)> {
        let cells = self
            .rows
            .iter()
            .flatten()
            .flatten()
            .filter(|c| c.end > c.start);
        let start = cells.clone().map(|c| c.start).min()?;
        let end = cells.map(|c| c.end).max()?;
        Some((start, end))
    }

    pub fn row(&self, key: &str) -> Option<&[Cell]> {
        let (index, _) = self.spec.row(key)?;
        self.rows[index].as_deref()
    }

    pub fn cell(&self, row: &str, col: &str) -> Option<&Cell> {
        let (index, spec) = self.spec.row(row)?;
        let col_index = spec.cols.iter().position(|c| c.key == col)?;
        self.rows[index].as_ref()?.get(col_index)
    }

    pub fn cell_at(&self, row: usize, col: usize) -> Option<&Cell> {
        self.rows.get(row)?.as_ref()?.get(col)
    }

    pub fn value(&self, row: &str, col: &str) -> Option<Number> {
        self.cell(row, col)?.value
    }

    /// Cells with their row and column keys, in template order.
    pub fn cells(&self) -> impl Iterator<Item = (CellRef, &Cell)> {
        self.spec
            .rows
            .iter()
            .zip(&self.rows)
            .filter_map(|(spec, row)| Some((spec, row.as_ref()?)))
            .flat_map(move |(spec, cells)| {
                spec.cols.iter().zip(cells).map(move |(col, cell)| {
                    (
                        CellRef {
                            table: self.spec.key,
                            row: spec.key,
                            col: col.key,
                        },
                        cell,
                    )
                })
            })
    }
}

#[derive(Clone, Debug, Default)]
pub struct Tables {
    pub active: Option<Table>,
    pub requests: Option<Table>,
    pub review_litigation: Option<Table>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn chinese(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CellRef {
    pub table: &'static str,
    pub row: &'static str,
    pub col: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub rule: &'static str,
    pub severity: Severity,
    pub message: String,
    pub cells: Vec<CellRef>,
    /// 1-based line of the finding or its first cell.
    pub line: Option<usize>,
    /// Where in the text the finding points (its first cell, or the number a sentence
    /// states): a byte range while rules run, turned by [`crate::check`] into UTF-16 code
    /// units of the checked text, so that JS can highlight `text.slice(start, end)`.
    pub span: Option<(usize, usize)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgencyKind {
    /// A department: report due 31 Jan of the next year.
    Department,
    /// 本级人民政府: report due 31 Mar.
    Government,
}

/// How the kind of agency was determined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KindBasis {
    /// Given by the user (`--kind`, or `kind` in the JS options).
    Given,
    /// Guessed from the agency's name ([`crate::meta::agency_kind`]).
    AgencyName,
}

#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Overrides the report year read from the title.
    pub year: Option<i32>,
    /// Overrides the guess from the agency name.
    pub kind: Option<AgencyKind>,
}

#[derive(Clone, Debug)]
pub struct Report {
    pub template: Option<Template>,
    pub report_year: Option<i32>,
    pub agency: Option<String>,
    /// 统计期限, with the line it is stated on.
    pub period: Option<(Date, Date, usize)>,
    /// The date line at the end.
    pub published: Option<(Date, usize)>,
    /// Department or 本级人民政府, and how that was determined; `None` when unknown.
    pub kind: Option<(AgencyKind, KindBasis)>,
    /// The report year as stated in the title, the opening lines and table headings.
    pub stated_years: Vec<StatedYear>,
    pub sections: Vec<Section>,
    /// Each section's text after its title, up to the next heading (the last one up to the
    /// closing signature and date), by section number.
    pub section_bodies: Vec<(u8, String)>,
    pub tables: Tables,
    /// Numbers the prose states about the tables.
    pub statements: Vec<Statement>,
    pub findings: Vec<Finding>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Report {
    /// The text of section `number` after its title; `None` when the section was not found.
    pub fn section_body(&self, number: u8) -> Option<&str> {
        self.section_bodies
            .iter()
            .find(|(n, _)| *n == number)
            .map(|(_, text)| text.as_str())
    }

    pub fn summary(&self) -> Summary {
        let mut summary = Summary::default();
        for finding in &self.findings {
            match finding.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        summary
    }
}
