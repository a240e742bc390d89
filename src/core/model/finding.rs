//! Findings: what a rule says about a report, with its severity and the cells it concerns.

use super::rule::Rule;
use super::table::CellRef;

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

/// What a rule says about a report. Made by [`Finding::new`], which takes the severity from
/// the rule's registry entry.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Finding {
    pub rule: Rule,
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

impl Finding {
    /// A finding of `rule`, with the rule's severity, about no cell and no line yet.
    pub fn new(rule: Rule, message: String) -> Finding {
        Finding {
            rule,
            severity: rule.severity(),
            message,
            cells: Vec::new(),
            line: None,
            span: None,
        }
    }

    /// The cells the finding is about.
    pub fn with_cells(mut self, cells: Vec<CellRef>) -> Finding {
        self.cells = cells;
        self
    }

    /// The line it is on (1-based), if known.
    pub fn at_line(mut self, line: Option<usize>) -> Finding {
        self.line = line;
        self
    }

    /// The byte range of the text it points to (a stated number, say).
    pub fn with_span(mut self, span: Option<(usize, usize)>) -> Finding {
        self.span = span;
        self
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}
