//! A check once typing pauses.

use std::rc::Rc;
use std::time::Duration;

use yew::prelude::*;

use crate::web::state::Action;

/// Checking (and keeping the text in localStorage) waits this long after the last keystroke.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// Once `text` has not changed for [`DEBOUNCE`]: `on_pause` (given with the change), then
/// [`Action::Check`]. A change before then starts the wait again.
#[hook]
pub fn use_debounced_check<F>(text: Rc<str>, dispatch: Callback<Action>, on_pause: F)
where
    F: FnOnce() + 'static,
{
    let changes = use_mut_ref(|| 0u64);
    use_effect_with(text, move |_| {
        *changes.borrow_mut() += 1;
        let mine = *changes.borrow();
        yew::platform::spawn_local(async move {
            yew::platform::time::sleep(DEBOUNCE).await;
            if *changes.borrow() == mine {
                on_pause();
                dispatch.emit(Action::Check);
            }
        });
    });
}
