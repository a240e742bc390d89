//! What can happen to the state: the user's edits, checks and the reports they bring, the batch.

use crate::input::Document;
use crate::model::Report;

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
    /// 检查 (clicked, after a paste or a file, or once typing pauses): check the text now, in
    /// the worker or here.
    Check,
    /// The worker's report on the check numbered `serial`.
    WorkerReport {
        serial: u64,
        report: Box<Report>,
    },
    /// The worker cannot be used: check here from now on (and the pending text at once).
    WorkerFailed,
    /// 清除: the text, last year's report and the report go; a batch stays.
    Clear,
    /// 撤销 after 清除: the text and last year's report come back, to be checked again.
    UndoClear,
    Select(Option<usize>),
    Hover(Option<usize>),
    Notice(Option<String>),
    /// A file is being read (its name), or no longer.
    Reading(Option<String>),
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
    /// The report on a batch file.
    BatchReport {
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
