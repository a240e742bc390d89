//! The text the app starts with.

use yew::prelude::*;

use crate::web::browser;
use crate::web::state::Action;

/// At start: the given text (`initial`), or else, when the text is kept (`keep`, the app's own
/// page), the text and last year's report kept from last time; the text is checked at once.
#[hook]
pub fn use_initial_text(initial: Option<AttrValue>, keep: bool, dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        let text = match initial {
            Some(text) => Some(text.to_string()),
            None if keep => browser::load_text(),
            None => None,
        };
        if let Some(previous) = keep.then(browser::load_previous).flatten() {
            dispatch.emit(Action::SetPrevious(previous));
        }
        if let Some(text) = text.filter(|t| !t.is_empty()) {
            dispatch.emit(Action::PasteText(text));
            dispatch.emit(Action::Check);
        }
    });
}
