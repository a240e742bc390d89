//! The app's one state and the actions that change it.

use std::rc::Rc;

use yew::Reducible;

use crate::document::Document;
use crate::model::{Options, Report};

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
    /// The structured document the text came from (an opened .docx), while the text is still
    /// its text: its tables are read from its grids.
    pub document: Option<Rc<Document>>,
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
            document: None,
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
    /// A document opened from a file: its text goes into the paste area.
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
            document: self.document.clone(),
        };
        match action {
            Action::SetText(text) => {
                if next.document.as_ref().is_some_and(|d| d.text != text) {
                    next.document = None;
                }
                next.text = Rc::from(text);
                next.notice = None;
            }
            Action::SetDocument(document) => {
                next.text = Rc::from(document.text.as_str());
                next.document = Some(Rc::new(document));
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
            // An opened document is checked here, from its grids (the worker gets text only).
            Action::Check
                if next
                    .document
                    .as_ref()
                    .is_some_and(|d| *d.text == *next.text) =>
            {
                let report = match &next.document {
                    Some(document) => crate::check_document(document, &Options::default()),
                    None => crate::check(&next.text, &Options::default()),
                };
                next.pending = None;
                next.show(report, next.text.clone());
            }
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
                    ..State::default()
                })
            }
            Action::Select(index) => next.selected = index,
            Action::Hover(index) => next.hovered = index,
            Action::Notice(message) => next.notice = message,
        }
        Rc::new(next)
    }
}

impl State {
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
