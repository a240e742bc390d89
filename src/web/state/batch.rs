//! Several files checked one after another, in the order of their names: reading them, one
//! check at a time, their reports, and 详情 to open one in the single-report view.

use std::rc::Rc;

use super::{Checked, Request, State};
use crate::input::Document;
use crate::model::{Report, Verdict};
use crate::output::findings_csv::Checking;
use crate::output::summary::SummaryRow;

/// Several files checked one after another, in the order of their names.
#[derive(Clone, PartialEq)]
pub struct Batch {
    /// Tells this batch's reports from those of an earlier one.
    pub id: u64,
    /// Shared, so that a change to one file copies no other and redraws no other row.
    pub files: Vec<Rc<BatchFile>>,
    /// The file being checked; one at a time, so the page and the worker stay responsive.
    pub checking: Option<usize>,
    /// The file whose report is shown in the single-report view.
    pub viewing: Option<usize>,
}

#[derive(Clone, PartialEq)]
pub struct BatchFile {
    pub name: String,
    pub status: FileStatus,
}

#[derive(Clone, PartialEq)]
pub enum FileStatus {
    Reading,
    /// Read, waiting for its check.
    Read(Request),
    Checked {
        row: SummaryRow,
        checked: Checked,
    },
    Unreadable(SummaryRow),
}

/// The batch file to check now: which batch, which file, what it reads.
pub struct BatchJob {
    pub batch: u64,
    pub index: usize,
    pub request: Request,
}

impl FileStatus {
    /// The summary row, once the file is checked or known to be unreadable.
    pub fn row(&self) -> Option<&SummaryRow> {
        match self {
            FileStatus::Checked { row, .. } | FileStatus::Unreadable(row) => Some(row),
            FileStatus::Reading | FileStatus::Read(_) => None,
        }
    }

    /// Checked, with this verdict.
    pub fn has_verdict(&self, verdict: Verdict) -> bool {
        matches!(self, FileStatus::Checked { row, .. } if row.verdict == Some(verdict))
    }
}

impl Batch {
    /// The files `names`, in this order, all still being read.
    pub fn new(id: u64, names: Vec<String>) -> Batch {
        let files = names
            .into_iter()
            .map(|name| {
                Rc::new(BatchFile {
                    name,
                    status: FileStatus::Reading,
                })
            })
            .collect();
        Batch {
            id,
            files,
            checking: None,
            viewing: None,
        }
    }

    /// How many files are done (checked or unreadable).
    pub fn done(&self) -> usize {
        self.files
            .iter()
            .filter(|f| f.status.row().is_some())
            .count()
    }

    /// How many files were checked with this verdict.
    pub fn count(&self, verdict: Verdict) -> usize {
        self.files
            .iter()
            .filter(|f| f.status.has_verdict(verdict))
            .count()
    }

    /// How many files could not be read.
    pub fn unreadable(&self) -> usize {
        self.files
            .iter()
            .filter(|f| matches!(f.status, FileStatus::Unreadable(_)))
            .count()
    }

    /// The summary CSV of the whole batch (the same as `nianbao check --summary csv`).
    pub fn csv(&self) -> String {
        let rows: Vec<SummaryRow> = self
            .files
            .iter()
            .filter_map(|f| f.status.row().cloned())
            .collect();
        crate::output::summary::csv(&rows)
    }

    /// Every finding of every file done, each row led by the file's name (the batch's
    /// 「导出全部问题 CSV」, see `output::findings_csv`).
    pub fn findings_csv(&self, checking: Checking) -> String {
        let files = self.files.iter().filter_map(|f| {
            let report = match &f.status {
                FileStatus::Checked { checked, .. } => Ok(&*checked.report),
                FileStatus::Unreadable(row) => Err(row.note.as_str()),
                FileStatus::Reading | FileStatus::Read(_) => return None,
            };
            Some((f.name.as_str(), report))
        });
        crate::output::findings_csv::batch_csv(files, checking)
    }

    /// The nearest checked file before `index` (上一份 in the detail view): unreadable and
    /// unchecked files are passed over, there is nothing to show of them.
    pub fn checked_before(&self, index: usize) -> Option<usize> {
        (0..index.min(self.files.len()))
            .rev()
            .find(|&i| self.checked(i).is_some())
    }

    /// The nearest checked file after `index` (下一份).
    pub fn checked_after(&self, index: usize) -> Option<usize> {
        (index + 1..self.files.len()).find(|&i| self.checked(i).is_some())
    }

    /// The file to check now, and what it reads.
    pub fn job(&self) -> Option<BatchJob> {
        let index = self.checking?;
        match &self.files.get(index)?.status {
            FileStatus::Read(request) => Some(BatchJob {
                batch: self.id,
                index,
                request: request.clone(),
            }),
            _ => None,
        }
    }

    /// Picks the next file read to check, if none is being checked.
    fn pick_next(&mut self) {
        if self.checking.is_none() {
            self.checking = self
                .files
                .iter()
                .position(|f| matches!(f.status, FileStatus::Read(_)));
        }
    }

    /// The report on the file being checked; then the next file.
    fn take_report(&mut self, index: usize, report: Report) {
        if self.checking != Some(index) {
            return;
        }
        let file = Rc::make_mut(&mut self.files[index]);
        if let FileStatus::Read(request) = &file.status {
            let row = SummaryRow::checked(&file.name, &report);
            let checked = Checked::new(report, request.clone());
            file.status = FileStatus::Checked { row, checked };
        }
        self.checking = None;
        self.pick_next();
    }

    /// The report of a checked file.
    fn checked(&self, index: usize) -> Option<Checked> {
        match &self.files.get(index)?.status {
            FileStatus::Checked { checked, .. } => Some(checked.clone()),
            _ => None,
        }
    }
}

impl State {
    /// [`Action::BatchRead`](super::Action::BatchRead): the file waits for its check, or has
    /// its row as unreadable.
    pub(super) fn batch_read(&mut self, id: u64, index: usize, document: Result<Document, String>) {
        let Some(batch) = self.batch_mut(id) else {
            return;
        };
        if let Some(file) = batch.files.get_mut(index).map(Rc::make_mut) {
            file.status = match document {
                Ok(document) => FileStatus::Read(Request::of(document)),
                Err(reason) => FileStatus::Unreadable(SummaryRow::unreadable(&file.name, &reason)),
            };
        }
        batch.pick_next();
    }

    /// [`Action::BatchReport`](super::Action::BatchReport): taken if it is on the file being
    /// checked in the current batch.
    pub(super) fn batch_report(&mut self, id: u64, index: usize, report: Report) {
        if let Some(batch) = self.batch_mut(id) {
            batch.take_report(index, report);
        }
    }

    /// [`Action::BatchOpen`](super::Action::BatchOpen): the file's text and report in the
    /// single-report view, without a new check.
    pub(super) fn batch_open(&mut self, index: usize) {
        let Some(checked) = self.batch.as_ref().and_then(|b| b.checked(index)) else {
            return;
        };
        self.text = checked.text.clone();
        self.whole_text_shown = false;
        self.checked = Some(checked);
        self.pending = None;
        self.selected = None;
        self.hovered = None;
        self.notice = None;
        self.cleared = None;
        if let Some(batch) = self.batch.as_mut() {
            Rc::make_mut(batch).viewing = Some(index);
        }
    }

    /// [`Action::BatchBack`](super::Action::BatchBack).
    pub(super) fn batch_back(&mut self) {
        if let Some(batch) = self.batch.as_mut() {
            Rc::make_mut(batch).viewing = None;
        }
    }

    /// The batch `id`, to change, if it is still the current one.
    fn batch_mut(&mut self, id: u64) -> Option<&mut Batch> {
        self.batch.as_mut().filter(|b| b.id == id).map(Rc::make_mut)
    }
}
