//! The app's one state and the actions that change it.

use std::rc::Rc;

use yew::Reducible;

use crate::model::{Options, Report};
use crate::output::summary::SummaryRow;

/// A checked report and the text it was made from, shared by the components; equal when it
/// is the same check.
#[derive(Clone)]
pub struct Checked {
    pub report: Rc<Report>,
    pub text: Rc<str>,
}

impl PartialEq for Checked {
    fn eq(&self, other: &Checked) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
    }
}

pub struct State {
    pub text: Rc<str>,
    /// The last check.
    pub checked: Option<Checked>,
    /// The finding the user selected (clicked or focused), by index.
    pub selected: Option<usize>,
    /// The finding under the pointer, by index.
    pub hovered: Option<usize>,
    /// A message about input that could not be read (binary file, unknown encoding).
    pub notice: Option<String>,
    /// Checks run in the worker (`super::worker`); else on this thread, in the reducer.
    pub use_worker: bool,
    /// The check the worker is running: its number and text. Its result is taken only while
    /// it is still this one (a late result for an older text is dropped).
    pub pending: Option<(u64, Rc<str>)>,
    /// The number of the last check sent to the worker.
    pub serial: u64,
    /// Several files opened at once: the batch table, or one of its reports in detail.
    pub batch: Option<Rc<Batch>>,
}

/// Several files checked one after another, in the order of their names.
#[derive(Clone, PartialEq)]
pub struct Batch {
    /// Tells this batch's results from those of an earlier one.
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
    Read(Rc<str>),
    Checked(SummaryRow, Checked),
    Unreadable(SummaryRow),
}

impl FileStatus {
    /// The summary row, once the file is checked or known to be unreadable.
    pub fn row(&self) -> Option<&SummaryRow> {
        match self {
            FileStatus::Checked(row, _) | FileStatus::Unreadable(row) => Some(row),
            FileStatus::Reading | FileStatus::Read(_) => None,
        }
    }
}

impl Batch {
    /// How many files are done (checked or unreadable).
    pub fn done(&self) -> usize {
        self.files
            .iter()
            .filter(|f| f.status.row().is_some())
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

    /// The text to check now, if nothing is being checked.
    fn next_check(&mut self) {
        if self.checking.is_none() {
            self.checking = self
                .files
                .iter()
                .position(|f| matches!(f.status, FileStatus::Read(_)));
        }
    }

    /// The text of the file being checked.
    pub fn checking_text(&self) -> Option<(usize, Rc<str>)> {
        let index = self.checking?;
        match &self.files.get(index)?.status {
            FileStatus::Read(text) => Some((index, text.clone())),
            _ => None,
        }
    }
}

impl Default for State {
    fn default() -> State {
        State {
            text: Rc::from(""),
            checked: None,
            selected: None,
            hovered: None,
            notice: None,
            use_worker: false,
            pending: None,
            serial: 0,
            batch: None,
        }
    }
}

impl State {
    /// The state of an app that checks in a worker (or not).
    pub fn new(use_worker: bool) -> State {
        State {
            use_worker,
            ..State::default()
        }
    }
}

pub enum Action {
    SetText(String),
    Check,
    /// The worker's report for check number `serial`.
    Checked {
        serial: u64,
        report: Box<Report>,
    },
    /// The worker cannot be used: check here from now on (and the pending text at once).
    WorkerFailed,
    Clear,
    Select(Option<usize>),
    Hover(Option<usize>),
    Notice(Option<String>),
    /// Files opened at once (named in their order): the batch view, replacing any before.
    BatchStart {
        id: u64,
        names: Vec<String>,
    },
    /// A batch file read: its text, or why it could not be read.
    BatchRead {
        id: u64,
        index: usize,
        text: Result<String, String>,
    },
    /// A batch file's report.
    BatchChecked {
        id: u64,
        index: usize,
        report: Box<Report>,
    },
    /// 详情: the batch file's report in the single-report view.
    BatchOpen(usize),
    /// Back from a report to the batch table.
    BatchBack,
    /// Leave the batch for the single-report view.
    BatchClose,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = State {
            text: self.text.clone(),
            checked: self.checked.clone(),
            selected: self.selected,
            hovered: self.hovered,
            notice: self.notice.clone(),
            use_worker: self.use_worker,
            pending: self.pending.clone(),
            serial: self.serial,
            batch: self.batch.clone(),
        };
        match action {
            Action::SetText(text) => {
                next.text = Rc::from(text);
                next.notice = None;
            }
            // Over the limit: the text stays where it is, unchecked, and the user is told.
            Action::Check if next.text.len() > crate::read::MAX_BYTES => {
                next.checked = None;
                next.pending = None;
                next.selected = None;
                next.hovered = None;
                next.notice = Some(crate::read::TOO_LARGE.to_string());
            }
            Action::Check if next.text.trim().is_empty() => {
                next.checked = None;
                next.pending = None;
                next.selected = None;
                next.hovered = None;
            }
            // The text that was just checked (the debounced check after a paste that was
            // checked at once): the same result, so no second report and no second event.
            Action::Check if next.checked.as_ref().is_some_and(|c| c.text == next.text) => {
                next.pending = None;
            }
            // Being checked already.
            Action::Check if next.pending.as_ref().is_some_and(|(_, t)| *t == next.text) => {}
            Action::Check if next.use_worker => {
                next.serial += 1;
                next.pending = Some((next.serial, next.text.clone()));
            }
            Action::Check => {
                let report = crate::check(&next.text, &Options::default());
                next.show(report, next.text.clone());
            }
            Action::Checked { serial, report } => match next.pending.take() {
                Some((pending, text)) if pending == serial => next.show(*report, text),
                other => next.pending = other,
            },
            Action::WorkerFailed => {
                next.use_worker = false;
                if let Some((_, text)) = next.pending.take() {
                    let report = crate::check(&text, &Options::default());
                    next.show(report, text);
                }
            }
            Action::Clear => {
                return Rc::new(State {
                    use_worker: next.use_worker,
                    serial: next.serial,
                    batch: next.batch,
                    ..State::default()
                })
            }
            Action::BatchStart { id, names } => {
                next.batch = Some(Rc::new(Batch {
                    id,
                    files: names
                        .into_iter()
                        .map(|name| {
                            Rc::new(BatchFile {
                                name,
                                status: FileStatus::Reading,
                            })
                        })
                        .collect(),
                    checking: None,
                    viewing: None,
                }));
            }
            Action::BatchRead { id, index, text } => {
                if let Some(batch) = next.batch_mut(id) {
                    if let Some(file) = batch.files.get_mut(index).map(Rc::make_mut) {
                        file.status = match text {
                            Ok(text) => FileStatus::Read(Rc::from(text)),
                            Err(reason) => {
                                FileStatus::Unreadable(SummaryRow::unreadable(&file.name, &reason))
                            }
                        };
                    }
                    batch.next_check();
                }
            }
            Action::BatchChecked { id, index, report } => {
                if let Some(batch) = next.batch_mut(id) {
                    if batch.checking == Some(index) {
                        let file = Rc::make_mut(&mut batch.files[index]);
                        if let FileStatus::Read(text) = &file.status {
                            let row = SummaryRow::checked(&file.name, &report);
                            let checked = Checked {
                                report: Rc::new(*report),
                                text: text.clone(),
                            };
                            file.status = FileStatus::Checked(row, checked);
                        }
                        batch.checking = None;
                        batch.next_check();
                    }
                }
            }
            Action::BatchOpen(index) => {
                let opened = next
                    .batch
                    .as_ref()
                    .and_then(|b| match &b.files.get(index)?.status {
                        FileStatus::Checked(_, checked) => Some(checked.clone()),
                        _ => None,
                    });
                if let Some(checked) = opened {
                    next.text = checked.text.clone();
                    next.checked = Some(checked);
                    next.pending = None;
                    next.selected = None;
                    next.hovered = None;
                    next.notice = None;
                    if let Some(batch) = next.batch.as_mut() {
                        Rc::make_mut(batch).viewing = Some(index);
                    }
                }
            }
            Action::BatchBack => {
                if let Some(batch) = next.batch.as_mut() {
                    Rc::make_mut(batch).viewing = None;
                }
            }
            Action::BatchClose => next.batch = None,
            Action::Select(index) => next.selected = index,
            Action::Hover(index) => next.hovered = index,
            Action::Notice(message) => next.notice = message,
        }
        Rc::new(next)
    }
}

impl State {
    /// The batch `id`, to change, if it is still the current one.
    fn batch_mut(&mut self, id: u64) -> Option<&mut Batch> {
        self.batch.as_mut().filter(|b| b.id == id).map(Rc::make_mut)
    }

    fn show(&mut self, report: Report, text: Rc<str>) {
        self.checked = Some(Checked {
            report: Rc::new(report),
            text,
        });
        self.selected = None;
        self.hovered = None;
    }

    /// The finding whose cells are highlighted: the hovered one, else the selected one.
    pub fn highlighted(&self) -> Option<usize> {
        self.hovered.or(self.selected)
    }
}
