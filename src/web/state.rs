//! The app's one state and the actions that change it.

use std::rc::Rc;

use yew::Reducible;

use super::paste::{self, PastedGrids};
use crate::document::{Document, Grid};
use crate::model::{Options, Report};

/// A checked report and the text it was made from, shared by the components; equal when it
/// is the same check.
#[derive(Clone)]
pub struct Checked {
    pub report: Rc<Report>,
    pub text: Rc<str>,
    /// Checked with the cell grids of a pasted table (clipboard HTML).
    pub with_grids: bool,
    /// How many tables were read from those cells.
    pub tables_from_paste: usize,
}

impl PartialEq for Checked {
    fn eq(&self, other: &Checked) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
    }
}

/// The cell grids of a pasted text, shared between the state and the checks.
pub type SharedGrids = Rc<Vec<Grid>>;

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
    /// The check the worker is running: its number and text (with the text's pasted grids).
    /// Its result is taken only while it is still this one (a late result for an older text
    /// is dropped).
    pub pending: Option<(u64, Rc<str>, Option<SharedGrids>)>,
    /// The cell grids of the last paste of HTML tables, while the text is still that paste.
    pub grids: Option<PastedGrids>,
    /// The number of the last check sent to the worker.
    pub serial: u64,
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
            grids: None,
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
    /// HTML with tables pasted into the text at the selection: the text before and after it.
    PasteDocument {
        before: String,
        document: Document,
        after: String,
    },
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
            grids: self.grids.clone(),
        };
        // The grids belong to exactly the pasted text: an edit leaves the text alone.
        let grids = |state: &State| {
            state
                .grids
                .as_ref()
                .filter(|g| g.text == state.text)
                .map(|g| g.grids.clone())
        };
        match action {
            Action::SetText(text) => {
                next.text = Rc::from(text);
                next.notice = None;
                if next.grids.as_ref().is_some_and(|g| g.text != next.text) {
                    next.grids = None;
                }
            }
            Action::PasteDocument {
                before,
                document,
                after,
            } => {
                let (text, grids) = paste::insert(&before, document, &after);
                next.text = Rc::from(text);
                next.notice = None;
                next.grids = Some(PastedGrids {
                    text: next.text.clone(),
                    grids: Rc::new(grids),
                });
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
            Action::Check
                if next.checked.as_ref().is_some_and(|c| {
                    c.text == next.text && c.with_grids == grids(&next).is_some()
                }) =>
            {
                next.pending = None;
            }
            // Being checked already.
            Action::Check
                if next.pending.as_ref().is_some_and(|(_, t, g)| {
                    *t == next.text && g.is_some() == grids(&next).is_some()
                }) => {}
            Action::Check if next.use_worker => {
                next.serial += 1;
                next.pending = Some((next.serial, next.text.clone(), grids(&next)));
            }
            Action::Check => {
                let grids = grids(&next);
                let report = check(&next.text, grids.as_deref());
                next.show(report, next.text.clone(), grids.as_deref());
            }
            Action::Checked { serial, report } => match next.pending.take() {
                Some((pending, text, grids)) if pending == serial => {
                    next.show(*report, text, grids.as_deref())
                }
                other => next.pending = other,
            },
            Action::WorkerFailed => {
                next.use_worker = false;
                if let Some((_, text, grids)) = next.pending.take() {
                    let report = check(&text, grids.as_deref());
                    next.show(report, text, grids.as_deref());
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

/// Checks the text, with the cell grids of its pasted tables when it has them.
pub fn check(text: &str, grids: Option<&Vec<Grid>>) -> Report {
    match grids {
        Some(grids) => crate::check_document(
            &Document {
                text: text.to_string(),
                grids: grids.clone(),
            },
            &Options::default(),
        ),
        None => crate::check(text, &Options::default()),
    }
}

impl State {
    fn show(&mut self, report: Report, text: Rc<str>, grids: Option<&Vec<Grid>>) {
        let tables_from_paste = grids.map_or(0, |g| paste::tables_from_grids(&report, g));
        self.checked = Some(Checked {
            report: Rc::new(report),
            text,
            with_grids: grids.is_some(),
            tables_from_paste,
        });
        self.selected = None;
        self.hovered = None;
    }

    /// The finding whose cells are highlighted: the hovered one, else the selected one.
    pub fn highlighted(&self) -> Option<usize> {
        self.hovered.or(self.selected)
    }
}
