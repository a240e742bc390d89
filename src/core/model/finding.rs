//! Findings: what a rule says about a report, with its severity and the cells it concerns.

use super::statics;
use super::table::CellRef;
use super::Key;

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

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}
