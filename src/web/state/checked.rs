//! A report and the text it was made from, as the components show it.

use std::rc::Rc;

use super::{tables_from_grids, Request};
use crate::model::Report;

/// A checked report and the text it was made from, shared by the components; equal when it
/// is the same check.
#[derive(Clone)]
pub struct Checked {
    pub report: Rc<Report>,
    pub text: Rc<str>,
    /// Last year's report it was compared with (empty: none).
    pub previous: Rc<str>,
    /// Checked with the cell grids of a pasted table (clipboard HTML).
    pub with_grids: bool,
    /// How many tables were read from those cells.
    pub tables_from_paste: usize,
    /// Those cells were a file's (.docx), not a paste's.
    pub grids_from_file: bool,
}

impl Checked {
    pub fn new(report: Report, request: Request) -> Checked {
        let grids = request.grids.as_deref();
        let tables_from_paste = grids.map_or(0, |g| tables_from_grids(&report, g));
        Checked {
            report: Rc::new(report),
            with_grids: grids.is_some(),
            tables_from_paste,
            grids_from_file: request.grids_from_file,
            text: request.text,
            previous: request.previous,
        }
    }
}

impl PartialEq for Checked {
    fn eq(&self, other: &Checked) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
    }
}
