//! The text and last year's report, as typed, pasted or opened; 清除.

use std::rc::Rc;

use super::{insert, Cleared, PastedGrids, State};
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
        let document = insert(before, document, after);
        self.set_text_with_grids(document.text, document.grids, false);
    }

    /// [`Action::SetDocument`](super::Action::SetDocument): a file opened; its tables are read
    /// from its grids while the text stays this one. A long one is shown by its start.
    pub(super) fn set_document(&mut self, document: Document) {
        self.set_text_with_grids(document.text, document.grids, true);
    }

    /// [`Action::SetPrevious`](super::Action::SetPrevious): last year's report (empty: none).
    pub(super) fn set_previous(&mut self, text: String) {
        self.previous = Rc::from(text);
        self.notice = None;
        self.cleared = None;
    }

    /// [`Action::Clear`](super::Action::Clear): everything goes but the batch, the worker and
    /// the count of checks sent to it; the text and last year's report are kept aside for
    /// 撤销 (clearing nothing keeps what an earlier 清除 took).
    pub(super) fn clear(&mut self) {
        let cleared = if self.text.is_empty() && self.previous.is_empty() {
            self.cleared.take()
        } else {
            Some(Cleared {
                text: self.text.clone(),
                previous: self.previous.clone(),
                grids: self.grids.take(),
                whole_text_shown: self.whole_text_shown,
            })
        };
        *self = State {
            use_worker: self.use_worker,
            serial: self.serial,
            batch: self.batch.take(),
            cleared,
            ..State::default()
        };
    }

    /// [`Action::UndoClear`](super::Action::UndoClear): the text and last year's report as
    /// they were, with the grids of their paste; checked again like any new text.
    pub(super) fn undo_clear(&mut self) {
        let Some(cleared) = self.cleared.take() else {
            return;
        };
        self.text = cleared.text;
        self.previous = cleared.previous;
        self.grids = cleared.grids;
        self.whole_text_shown = cleared.whole_text_shown;
        self.notice = None;
    }

    /// A new text: the grids of a paste stay only while it is still that paste.
    fn replace_text(&mut self, text: String) {
        self.text = Rc::from(text);
        self.notice = None;
        self.cleared = None;
        if self.grids.as_ref().is_some_and(|g| g.text != self.text) {
            self.grids = None;
        }
    }

    fn set_text_with_grids(&mut self, text: String, grids: Vec<Grid>, from_file: bool) {
        self.text = Rc::from(text);
        self.notice = None;
        self.cleared = None;
        self.whole_text_shown = false;
        self.grids = Some(PastedGrids {
            text: self.text.clone(),
            grids: Rc::new(grids),
            from_file,
        });
    }
}
