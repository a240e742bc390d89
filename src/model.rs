//! What a check produces: the report's facts, its three tables cell by cell, and findings.

use crate::locate::Section;
use crate::meta::{Date, StatedYear};
use crate::number::Number;
use crate::statements::Statement;
use crate::template::{TableSpec, Template};

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

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
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

/// A rule id, or a table, row or column key: `&'static str` under a name of its own, so that
/// serde does not try to borrow it from the input (it is interned: [`statics::str`]).
pub type Key = &'static str;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct CellRef {
    #[serde(deserialize_with = "statics::str")]
    pub table: Key,
    #[serde(deserialize_with = "statics::str")]
    pub row: Key,
    #[serde(deserialize_with = "statics::str")]
    pub col: Key,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Finding {
    #[serde(deserialize_with = "statics::str")]
    pub rule: Key,
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AgencyKind {
    /// A department: report due 31 Jan of the next year.
    Department,
    /// 本级人民政府: report due 31 Mar.
    Government,
}

/// How the kind of agency was determined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
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

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
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

/// Serde for the `&'static` parts of a report (the worker sends reports to the page): a table
/// by its template's spec, strings (rule ids, row and column keys) by interning.
pub(crate) mod statics {
    use std::collections::HashSet;
    use std::sync::{Mutex, OnceLock};

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::template::TableSpec;

    /// A `&'static str` equal to `text`: the same one for the same text, so that memory grows
    /// only with the number of distinct strings (rule ids and keys), not with each report.
    pub fn intern(text: &str) -> &'static str {
        static SEEN: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
        let mut seen = SEEN
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(known) = seen.get(text) {
            return known;
        }
        let leaked: &'static str = Box::leak(text.to_string().into_boxed_str());
        seen.insert(leaked);
        leaked
    }

    pub fn str<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        Ok(intern(&text))
    }

    pub fn opt_str<'de, D: Deserializer<'de>>(d: D) -> Result<Option<&'static str>, D::Error> {
        let text = Option::<std::borrow::Cow<str>>::deserialize(d)?;
        Ok(text.map(|t| intern(&t)))
    }

    /// A table spec by its index in [`crate::template::SPECS`].
    pub mod spec {
        use super::*;

        pub fn serialize<S: Serializer>(
            spec: &&'static TableSpec,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            crate::template::SPECS
                .iter()
                .position(|known| std::ptr::eq(*known, *spec))
                .ok_or_else(|| serde::ser::Error::custom("unknown table spec"))?
                .serialize(s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<&'static TableSpec, D::Error> {
            let index = usize::deserialize(d)?;
            crate::template::SPECS
                .get(index)
                .copied()
                .ok_or_else(|| serde::de::Error::custom("unknown table spec"))
        }
    }
}
