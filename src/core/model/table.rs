//! A report's three tables as read: each cell with its value (blank is never 0), where it came
//! from and where it stands in the text.

use super::number::Number;
use super::statics;
use super::template::TableSpec;
use super::Key;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
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

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Table {
    #[serde(with = "statics::spec")]
    pub spec: &'static TableSpec,
    /// One entry per template row: `None` when the row was not found.
    pub rows: Vec<Option<Vec<Cell>>>,
    pub line: usize,
    /// The rows whose digits ran together and split more than one way, none chosen.
    #[serde(default)]
    pub splits: Vec<Splits>,
}

/// A row whose digits ran together (`77132470`) and split more than one way that the table's
/// sums do not decide: its cells are unreadable, and these are its numbers as printed. A
/// statement in the prose that no split gives is wrong whichever split is right.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Splits {
    /// The row's index in the template.
    pub row: usize,
    /// The numbers printed in the row, digits only, some of them several cells run together.
    pub runs: Vec<String>,
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

    /// The splits of row `key`, if its digits ran together and split more than one way.
    pub fn splits(&self, key: &str) -> Option<&Splits> {
        let (index, _) = self.spec.row(key)?;
        self.splits.iter().find(|s| s.row == index)
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

#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Tables {
    pub active: Option<Table>,
    pub requests: Option<Table>,
    pub review_litigation: Option<Table>,
}

impl Tables {
    /// A table by its key (`active`, `requests`, `review_litigation`), if it was read.
    pub fn get(&self, key: &str) -> Option<&Table> {
        match key {
            "active" => self.active.as_ref(),
            "requests" => self.requests.as_ref(),
            "review_litigation" => self.review_litigation.as_ref(),
            _ => None,
        }
    }

    /// The cell a finding names.
    pub fn cell(&self, at: &CellRef) -> Option<&Cell> {
        self.get(at.table)?.cell(at.row, at.col)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct CellRef {
    #[serde(deserialize_with = "statics::str")]
    pub table: Key,
    #[serde(deserialize_with = "statics::str")]
    pub row: Key,
    #[serde(deserialize_with = "statics::str")]
    pub col: Key,
}
