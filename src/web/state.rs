//! The app's one state and the actions that change it.

use std::rc::Rc;

use yew::Reducible;

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
}

impl Default for State {
    fn default() -> State {
        State {
            text: Rc::from(""),
            checked: None,
            selected: None,
            hovered: None,
            notice: None,
        }
    }
}

pub enum Action {
    SetText(String),
    Check,
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
        };
        match action {
            Action::SetText(text) => {
                next.text = Rc::from(text);
                next.notice = None;
            }
            // Over the limit: the text stays where it is, unchecked, and the user is told.
            Action::Check if next.text.len() > crate::read::MAX_BYTES => {
                next.checked = None;
                next.selected = None;
                next.hovered = None;
                next.notice = Some(crate::read::TOO_LARGE.to_string());
            }
            Action::Check if next.text.trim().is_empty() => {
                next.checked = None;
                next.selected = None;
                next.hovered = None;
            }
            // The text that was just checked (the debounced check after a paste that was
            // checked at once): the same result, so no second report and no second event.
            Action::Check if next.checked.as_ref().is_some_and(|c| c.text == next.text) => {}
            Action::Check => {
                let report = crate::check(&next.text, &Options::default());
                next.checked = Some(Checked {
                    report: Rc::new(report),
                    text: next.text.clone(),
                });
                next.selected = None;
                next.hovered = None;
            }
            Action::Clear => return Rc::new(State::default()),
            Action::Select(index) => next.selected = index,
            Action::Hover(index) => next.hovered = index,
            Action::Notice(message) => next.notice = message,
        }
        Rc::new(next)
    }
}

impl State {
    /// The finding whose cells are highlighted: the hovered one, else the selected one.
    pub fn highlighted(&self) -> Option<usize> {
        self.hovered.or(self.selected)
    }
}
