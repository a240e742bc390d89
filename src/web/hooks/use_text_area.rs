//! A paste area that holds a text, or only the start of a long one.

use std::rc::Rc;

use yew::prelude::*;

use crate::web::state::start_of;

/// A text compared by identity: a new one is looked at even when its content is the same (the
/// start of another long text, which a script may have written over).
#[derive(Clone)]
struct SameText(Rc<str>);

impl PartialEq for SameText {
    fn eq(&self, other: &SameText) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A text area (given the returned ref) holding `text`, or its start when `start_only`. It is
/// not controlled (re-setting a long value on every key is slow and moves the caret): it is
/// written only when the text changes from elsewhere.
#[hook]
pub fn use_text_area(text: Rc<str>, start_only: bool) -> NodeRef {
    let shown = use_memo(
        (SameText(text), start_only),
        |(SameText(text), start_only)| {
            if *start_only {
                Rc::from(start_of(text))
            } else {
                text.clone()
            }
        },
    );
    let area = use_node_ref();
    {
        let area = area.clone();
        use_effect_with(SameText((*shown).clone()), move |SameText(text)| {
            if let Some(area) = area.cast::<web_sys::HtmlTextAreaElement>() {
                if area.value() != **text {
                    area.set_value(text);
                }
            }
        });
    }
    area
}
