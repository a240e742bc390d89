//! The app's one state and the actions that change it.

use std::rc::Rc;

use yew::Reducible;

use super::paste::{self, PastedGrids};
use crate::input::{Document, Grid};
use crate::model::{Options, Report};
use crate::output::summary::SummaryRow;

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
}

impl Checked {
    pub fn new(report: Report, request: Request) -> Checked {
        let grids = request.grids.as_deref();
        let tables_from_paste = grids.map_or(0, |g| paste::tables_from_grids(&report, g));
        Checked {
            report: Rc::new(report),
            with_grids: grids.is_some(),
            tables_from_paste,
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

/// A text longer than this is shown in the paste area only by its start (`long_text.rs`), unless
/// the user asks for all of it: Chromium takes about 1.5 ms per KB to lay out a text area on
/// paste and about 1 ms per KB on every key typed (measured on 2 cores: 256 KB ~0.45 s and
/// ~0.27 s, 4.9 MB ~4 s each), while a report is 10–50 KB.
pub const LONG_TEXT_BYTES: usize = 256 * 1024;

/// The cell grids of a pasted text, shared between the state and the checks.
pub type SharedGrids = Rc<Vec<Grid>>;

#[derive(Clone)]
pub struct State {
    pub text: Rc<str>,
    /// Last year's report, for the cross-year checks (empty: none).
    pub previous: Rc<str>,
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
    /// The check the worker is running: its number and what it reads. Its result is taken
    /// only while it is still this one (a late result for an older text is dropped).
    pub pending: Option<(u64, Request)>,
    /// The cell grids of the last paste of HTML tables, while the text is still that paste.
    pub grids: Option<PastedGrids>,
    /// The number of the last check sent to the worker.
    pub serial: u64,
    /// Several files opened at once: the batch table, or one of its reports in detail.
    pub batch: Option<Rc<Batch>>,
    /// The paste area holds all of a long text, not only its start: asked for (「显示全文并编辑」),
    /// or the text was edited there.
    pub whole_text_shown: bool,
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
    Read(Request),
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

    /// Picks the next file read to check, if none is being checked.
    fn next_check(&mut self) {
        if self.checking.is_none() {
            self.checking = self
                .files
                .iter()
                .position(|f| matches!(f.status, FileStatus::Read(_)));
        }
    }

    /// What the file being checked reads.
    pub fn checking_request(&self) -> Option<(usize, Request)> {
        let index = self.checking?;
        match &self.files.get(index)?.status {
            FileStatus::Read(request) => Some((index, request.clone())),
            _ => None,
        }
    }
}

impl Default for State {
    fn default() -> State {
        State {
            text: Rc::from(""),
            previous: Rc::from(""),
            checked: None,
            selected: None,
            hovered: None,
            notice: None,
            use_worker: false,
            pending: None,
            serial: 0,
            grids: None,
            batch: None,
            whole_text_shown: false,
        }
    }
}

impl State {
    /// Whether the paste area shows only the start of the text (it is over [`LONG_TEXT_BYTES`]
    /// and the user has not asked to see all of it). Checks, findings and exports still have
    /// the whole text.
    pub fn shows_start_only(&self) -> bool {
        self.text.len() > LONG_TEXT_BYTES && !self.whole_text_shown
    }

    /// The state of an app that checks in a worker (or not).
    pub fn new(use_worker: bool) -> State {
        State {
            use_worker,
            ..State::default()
        }
    }
}

pub enum Action {
    /// The text as edited in the paste area, which holds all of it (a long text stays there in
    /// full: the browser has laid it out already).
    SetText(String),
    /// A text that comes from elsewhere: a long paste kept out of the text area, a file, the
    /// text kept from last time. A long one is shown by its start.
    PasteText(String),
    /// 「显示全文并编辑」: put all of a long text in the paste area.
    ShowWholeText,
    /// Last year's report (empty: none).
    SetPrevious(String),
    /// HTML with tables pasted into the text at the selection: the text before and after it.
    PasteDocument {
        before: String,
        document: Document,
        after: String,
    },
    /// A document opened from a file (.docx): its text goes into the paste area, and its
    /// tables are read from its grids while the text is unchanged.
    SetDocument(Document),
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
        document: Result<Document, String>,
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
        let mut next = (*self).clone();
        let request = next.request();
        match action {
            Action::SetText(text) => {
                next.set_text(text);
                next.whole_text_shown = true;
            }
            Action::PasteText(text) => {
                next.set_text(text);
                next.whole_text_shown = false;
            }
            Action::ShowWholeText => next.whole_text_shown = true,
            Action::PasteDocument {
                before,
                document,
                after,
            } => {
                let (text, grids) = paste::insert(&before, document, &after);
                next.set_text_with_grids(text, grids);
            }
            Action::SetPrevious(text) => {
                next.previous = Rc::from(text);
                next.notice = None;
            }
            Action::SetDocument(document) => {
                next.set_text_with_grids(document.text, document.grids);
            }
            // Over the limit: the text stays where it is, unchecked, and the user is told.
            Action::Check
                if next.text.len() > crate::input::MAX_BYTES
                    || next.previous.len() > crate::input::MAX_BYTES =>
            {
                next.checked = None;
                next.pending = None;
                next.selected = None;
                next.hovered = None;
                next.notice = Some(if next.text.len() > crate::input::MAX_BYTES {
                    crate::input::TOO_LARGE.to_string()
                } else {
                    format!("上年年报：{}", crate::input::TOO_LARGE)
                });
            }
            Action::Check if next.text.trim().is_empty() => {
                next.checked = None;
                next.pending = None;
                next.selected = None;
                next.hovered = None;
            }
            // The text that was just checked (the debounced check after a paste that was
            // checked at once): the same result, so no second report and no second event.
            Action::Check if next.checked.as_ref().is_some_and(|c| request.is_for(c)) => {
                next.pending = None;
            }
            // Being checked already.
            Action::Check if next.pending.as_ref().is_some_and(|(_, p)| p.same(&request)) => {}
            Action::Check if next.use_worker => {
                next.serial += 1;
                next.pending = Some((next.serial, request));
            }
            Action::Check => {
                let report = request.check();
                next.show(report, request);
            }
            Action::Checked { serial, report } => match next.pending.take() {
                Some((pending, request)) if pending == serial => next.show(*report, request),
                other => next.pending = other,
            },
            Action::WorkerFailed => {
                next.use_worker = false;
                if let Some((_, request)) = next.pending.take() {
                    let report = request.check();
                    next.show(report, request);
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
            Action::BatchRead {
                id,
                index,
                document,
            } => {
                if let Some(batch) = next.batch_mut(id) {
                    if let Some(file) = batch.files.get_mut(index).map(Rc::make_mut) {
                        file.status = match document {
                            Ok(document) => FileStatus::Read(Request::of(document)),
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
                        if let FileStatus::Read(request) = &file.status {
                            let row = SummaryRow::checked(&file.name, &report);
                            let checked = Checked::new(*report, request.clone());
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
                    next.whole_text_shown = false;
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

/// What one check reads: the text, the cell grids of its pasted tables, last year's report.
#[derive(Clone, PartialEq)]
pub struct Request {
    pub text: Rc<str>,
    pub grids: Option<SharedGrids>,
    /// Empty: none.
    pub previous: Rc<str>,
}

impl Request {
    /// A document read from a file, on its own (no last year's report).
    pub fn of(document: Document) -> Request {
        Request {
            text: Rc::from(document.text),
            grids: (!document.grids.is_empty()).then(|| Rc::new(document.grids)),
            previous: Rc::from(""),
        }
    }

    fn same(&self, other: &Request) -> bool {
        self.text == other.text
            && self.previous == other.previous
            && self.grids.is_some() == other.grids.is_some()
    }

    /// Whether `checked` is the result of this request.
    fn is_for(&self, checked: &Checked) -> bool {
        self.text == checked.text
            && self.previous == checked.previous
            && self.grids.is_some() == checked.with_grids
    }

    pub fn check(&self) -> Report {
        check(&self.text, self.grids.as_deref(), &self.previous)
    }
}

/// Checks the text, with the cell grids of its pasted tables when it has them, against last
/// year's report when `previous` is not empty.
pub fn check(text: &str, grids: Option<&Vec<Grid>>, previous: &str) -> Report {
    let document = Document {
        text: text.to_string(),
        grids: grids.cloned().unwrap_or_default(),
    };
    let previous = Document::from_text(previous);
    crate::check(&document, Some(&previous), &Options::default())
}

impl State {
    /// What a check now would read. The grids belong to exactly the pasted text: after an
    /// edit the text is read alone.
    fn request(&self) -> Request {
        let grids = self.grids.as_ref().filter(|g| g.text == self.text);
        Request {
            text: self.text.clone(),
            grids: grids.map(|g| g.grids.clone()),
            previous: self.previous.clone(),
        }
    }

    /// A text from a document with tables (pasted HTML, a .docx): its tables are read from
    /// `grids` while the text stays this one. A long one is shown by its start.
    fn set_text_with_grids(&mut self, text: String, grids: Vec<Grid>) {
        self.text = Rc::from(text);
        self.notice = None;
        self.whole_text_shown = false;
        self.grids = Some(PastedGrids {
            text: self.text.clone(),
            grids: Rc::new(grids),
        });
    }

    /// A new text: the grids of a paste stay only while it is still that paste.
    fn set_text(&mut self, text: String) {
        self.text = Rc::from(text);
        self.notice = None;
        if self.grids.as_ref().is_some_and(|g| g.text != self.text) {
            self.grids = None;
        }
    }

    /// The batch `id`, to change, if it is still the current one.
    fn batch_mut(&mut self, id: u64) -> Option<&mut Batch> {
        self.batch.as_mut().filter(|b| b.id == id).map(Rc::make_mut)
    }

    fn show(&mut self, report: Report, request: Request) {
        self.checked = Some(Checked::new(report, request));
        self.selected = None;
        self.hovered = None;
    }
    /// The finding whose cells are highlighted: the hovered one, else the selected one.
    pub fn highlighted(&self) -> Option<usize> {
        self.hovered.or(self.selected)
    }
}
