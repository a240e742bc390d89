//! The app's one state and the actions that change it. Plain Rust with no browser in it: it
//! builds and is tested natively (`cargo test`), and Yew holds it in the app's reducer hook
//! (`components/app.rs`).
//!
//! [`State::reduce`] sends each [`Action`] to the method of its concern: `text.rs` (the text and
//! last year's report, typed, pasted or opened), `checking.rs` (a check now, on the page or in
//! the worker, and its report), `batch.rs` (several files checked one after another). What
//! they share: `request.rs` (what a check reads, and the one function that runs the core on it),
//! `checked.rs` (a report and the text it was made from), `grids.rs` (the cells of a pasted
//! table), `groups.rs` (the findings list: grouped by rule and table, drawn in bounded numbers), `long_text.rs` (how much of a long text the paste area shows).

mod action;
mod batch;
mod checked;
mod checking;
mod grids;
mod groups;
mod long_text;
mod request;
mod text;

use std::rc::Rc;

pub use action::Action;
pub use batch::{Batch, BatchFile, BatchJob, FileStatus};
pub use checked::{Checked, SpanOnLine};
pub use grids::{insert, tables_from_grids, PastedGrids};
pub use groups::{
    grouped, verdict_words, FamilyGroups, Group, FAMILIES, SHOWN_IN_ALL, SHOWN_PER_GROUP,
};
pub use long_text::{is_long, megabytes, start_of, LONG_TEXT_BYTES, SHOWN_CHARS};
pub use request::{report, Job, Request, SharedGrids};

#[derive(Clone)]
pub struct State {
    pub text: Rc<str>,
    /// Last year's report, for the cross-year checks (empty: none).
    pub previous: Rc<str>,
    /// The last report, with what it was made from.
    pub checked: Option<Checked>,
    /// The finding the user selected (clicked or focused), by index.
    pub selected: Option<usize>,
    /// The finding under the pointer, by index.
    pub hovered: Option<usize>,
    /// A message about input that could not be read (binary file, unknown encoding).
    pub notice: Option<String>,
    /// The file being read into the paste area, named while it is read (a PDF takes a second).
    pub reading: Option<String>,
    /// Checks run in the worker (`web/worker.rs`); else on this thread, in the reducer.
    pub use_worker: bool,
    /// The check the worker is running. Its report is taken only while it is still this one (a
    /// late report for an older text is dropped).
    pub pending: Option<Job>,
    /// The cell grids of the last paste of HTML tables, while the text is still that paste.
    pub grids: Option<PastedGrids>,
    /// The number of the last check sent to the worker.
    pub serial: u64,
    /// Several files opened at once: the batch table, or one of its reports in detail.
    pub batch: Option<Rc<Batch>>,
    /// The paste area holds all of a long text, not only its start: asked for (「显示全文并编辑」),
    /// or the text was edited there.
    pub whole_text_shown: bool,
    /// What the last 清除 took away, until 撤销 brings it back or a new text replaces it.
    pub cleared: Option<Cleared>,
}

/// The text and last year's report as they were before 清除.
#[derive(Clone)]
pub struct Cleared {
    pub text: Rc<str>,
    pub previous: Rc<str>,
    grids: Option<PastedGrids>,
    whole_text_shown: bool,
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
            reading: None,
            use_worker: false,
            pending: None,
            serial: 0,
            grids: None,
            batch: None,
            whole_text_shown: false,
            cleared: None,
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

    /// The state after `action`.
    pub fn reduce(mut self, action: Action) -> State {
        match action {
            Action::SetText(text) => self.set_text(text),
            Action::PasteText(text) => self.paste_text(text),
            Action::ShowWholeText => self.whole_text_shown = true,
            Action::PasteDocument {
                before,
                document,
                after,
            } => self.paste_document(&before, document, &after),
            Action::SetDocument(document) => self.set_document(document),
            Action::SetPrevious(text) => self.set_previous(text),
            Action::Clear => self.clear(),
            Action::UndoClear => self.undo_clear(),
            Action::Check => self.start_check(),
            Action::WorkerReport { serial, report } => self.take_worker_report(serial, *report),
            Action::WorkerFailed => self.worker_failed(),
            Action::BatchStart { id, names } => self.batch = Some(Rc::new(Batch::new(id, names))),
            Action::BatchRead {
                id,
                index,
                document,
            } => self.batch_read(id, index, document),
            Action::BatchReport { id, index, report } => self.batch_report(id, index, *report),
            Action::BatchOpen(index) => self.batch_open(index),
            Action::BatchBack => self.batch_back(),
            Action::BatchClose => self.batch = None,
            Action::Select(index) => self.selected = index,
            Action::Hover(index) => self.hovered = index,
            Action::Notice(message) => self.notice = message,
            Action::Reading(name) => self.reading = name,
        }
        self
    }

    /// The finding whose cells are highlighted: the hovered one, else the selected one.
    pub fn highlighted(&self) -> Option<usize> {
        self.hovered.or(self.selected)
    }
}

#[cfg(test)]
mod tests;
