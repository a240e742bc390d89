//! The text and last year's report kept in localStorage (the app's own page), so that a reload
//! loses nothing.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::input::MAX_BYTES;
use crate::web::browser;

/// The text and last year's report as changed since they were last kept.
#[derive(Default)]
struct Unsaved {
    text: Option<Rc<str>>,
    previous: Option<Rc<str>>,
}

impl Unsaved {
    fn keep_text(&mut self) {
        match self.text.take() {
            Some(text) if text.is_empty() => browser::forget_text(),
            Some(text) => {
                browser::save_text(&text);
            }
            None => {}
        }
    }

    fn keep_previous(&mut self) {
        if let Some(previous) = self.previous.take() {
            browser::save_previous(&previous);
        }
    }

    fn keep(&mut self) {
        self.keep_text();
        self.keep_previous();
    }
}

/// What is still to be kept; cheap to clone.
#[derive(Clone)]
pub struct KeptText(Rc<RefCell<Unsaved>>);

impl KeptText {
    /// Keeps the text now, if it changed (typing paused).
    pub fn keep_text(&self) {
        self.0.borrow_mut().keep_text();
    }

    /// Keeps last year's report now, if it changed.
    pub fn keep_previous(&self) {
        self.0.borrow_mut().keep_previous();
    }
}

/// When `keep`: each change of `text` and `previous` is noted, and kept when the caller says
/// (once typing pauses) or at once when the page is hidden or left (a reload right after a
/// paste or a check keeps what was there). A text over the size limit is not kept (nor one it
/// replaced).
#[hook]
pub fn use_kept_text(keep: bool, text: Rc<str>, previous: Rc<str>) -> KeptText {
    let unsaved = use_mut_ref(Unsaved::default);
    {
        let unsaved = unsaved.clone();
        use_effect_with((), move |_| {
            let listeners =
                keep.then(|| browser::on_page_hidden(move || unsaved.borrow_mut().keep()));
            move || drop(listeners)
        });
    }
    {
        let unsaved = unsaved.clone();
        use_effect_with(text, move |text| {
            if keep {
                unsaved.borrow_mut().text = (text.len() <= MAX_BYTES).then(|| text.clone());
            }
        });
    }
    {
        let unsaved = unsaved.clone();
        use_effect_with(previous, move |previous| {
            if keep {
                unsaved.borrow_mut().previous =
                    (previous.len() <= MAX_BYTES).then(|| previous.clone());
            }
        });
    }
    KeptText(unsaved)
}
