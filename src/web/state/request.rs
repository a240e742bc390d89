//! What one check reads, and the one function through which the web app runs the core on it,
//! on the page or in the worker.

use std::rc::Rc;

use super::Checked;
use crate::input::{Document, Grid};
use crate::model::{Options, Report};

/// The cell grids of a pasted text, shared between the state and the checks.
pub type SharedGrids = Rc<Vec<Grid>>;

/// What one check reads: the text, the cell grids of its pasted tables, last year's report.
#[derive(Clone, PartialEq)]
pub struct Request {
    pub text: Rc<str>,
    pub grids: Option<SharedGrids>,
    /// The grids are those of a file opened (.docx), not of a paste.
    pub grids_from_file: bool,
    /// Empty: none.
    pub previous: Rc<str>,
}

/// A check sent to the worker: its number, and what it reads.
#[derive(Clone, PartialEq)]
pub struct Job {
    pub serial: u64,
    pub request: Request,
}

impl Request {
    /// A document read from a file, on its own (no last year's report).
    pub fn of(document: Document) -> Request {
        Request {
            text: Rc::from(document.text),
            grids: (!document.grids.is_empty()).then(|| Rc::new(document.grids)),
            grids_from_file: true,
            previous: Rc::from(""),
        }
    }

    /// Whether `other` reads the same as this one: the same texts, both with grids or both
    /// without (grids come only with the paste they belong to).
    pub(super) fn reads_the_same(&self, other: &Request) -> bool {
        self.text == other.text
            && self.previous == other.previous
            && self.grids.is_some() == other.grids.is_some()
    }

    /// Whether `checked` is the report on this request.
    pub(super) fn is_for(&self, checked: &Checked) -> bool {
        self.text == checked.text
            && self.previous == checked.previous
            && self.grids.is_some() == checked.with_grids
    }

    /// The core's report on what this request reads.
    pub fn report(&self) -> Report {
        report(
            &self.text,
            self.grids.as_deref().map(Vec::as_slice),
            &self.previous,
        )
    }
}

/// The core's report on `text`, with the cell grids of its pasted tables when it has them,
/// against last year's report when `previous` is not empty.
pub fn report(text: &str, grids: Option<&[Grid]>, previous: &str) -> Report {
    let document = Document {
        text: text.to_string(),
        grids: grids.map(<[Grid]>::to_vec).unwrap_or_default(),
    };
    let previous = Document::from_text(previous);
    crate::check(&document, Some(&previous), &Options::default())
}
