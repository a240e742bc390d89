//! The text and last year's report, as typed, pasted or opened; 清除.

use std::rc::Rc;

use super::{insert, PastedGrids, State};
use crate::input::{Document, Grid};

impl State {
    /// [`Action::SetText`](super::Action::SetText): typed in the paste area, which holds all
    /// of it from now on.
    pub(super) fn set_text(&mut self, text: String) {
        self.replace_text(text);
        self.whole_text_shown = true;
    }

    /// [`Action::PasteText`](super::Action::PasteText): from elsewhere; a long one is shown by
    /// its start.
    pub(super) fn paste_text(&mut self, text: String) {
        self.replace_text(text);
        self.whole_text_shown = false;
    }

    /// [`Action::PasteDocument`](super::Action::PasteDocument): HTML with tables pasted
    /// between `before` and `after`.
    pub(super) fn paste_document(&mut self, before: &str, document: Document, after: &str) {
        self.set_document(insert(before, document, after));
    }

    /// [`Action::SetDocument`](super::Action::SetDocument), and a pasted document: its tables
    /// are read from its grids while the text stays this one. A long one is shown by its start.
    pub(super) fn set_document(&mut self, document: Document) {
        self.set_text_with_grids(document.text, document.grids);
    }

    /// [`Action::SetPrevious`](super::Action::SetPrevious): last year's report (empty: none).
    pub(super) fn set_previous(&mut self, text: String) {
        self.previous = Rc::from(text);
        self.notice = None;
    }

    /// [`Action::Clear`](super::Action::Clear): everything goes but the batch, the worker and
    /// the count of checks sent to it.
    pub(super) fn clear(&mut self) {
        *self = State {
            use_worker: self.use_worker,
            serial: self.serial,
            batch: self.batch.take(),
            ..State::default()
        };
    }

    /// A new text: the grids of a paste stay only while it is still that paste.
    fn replace_text(&mut self, text: String) {
        self.text = Rc::from(text);
        self.notice = None;
        if self.grids.as_ref().is_some_and(|g| g.text != self.text) {
            self.grids = None;
        }
    }

    fn set_text_with_grids(&mut self, text: String, grids: Vec<Grid>) {
        self.text = Rc::from(text);
        self.notice = None;
        self.whole_text_shown = false;
        self.grids = Some(PastedGrids {
            text: self.text.clone(),
            grids: Rc::new(grids),
        });
    }
}
