//! Pastes into a paste area. A copied table (the clipboard's `text/html` from a browser, Word
//! or WPS) is parsed by the browser (`browser::parse_html`) and read from its cells instead of
//! from text whose cells ran together. A long plain text is taken from the browser, which
//! would freeze the page laying it out; a paste into the start shown of a long text is refused.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::browser;
use super::state::{is_long, Action};
use crate::input::Document;

/// A paste area's `onpaste`: `paste(event, start_only, dispatch)` for each clipboard paste.
pub fn on_paste(
    dispatch: &Callback<Action>,
    start_only: bool,
    paste: fn(&web_sys::ClipboardEvent, bool, &Callback<Action>),
) -> Callback<Event> {
    let dispatch = dispatch.clone();
    Callback::from(move |event: Event| {
        if let Some(event) = event.dyn_ref::<web_sys::ClipboardEvent>() {
            paste(event, start_only, &dispatch);
        }
    })
}

/// The document of pasted HTML when it has a table; `None` otherwise (a plain paste).
pub fn document_from_html(html: &str) -> Option<Document> {
    if !html.to_ascii_lowercase().contains("<table") {
        return None;
    }
    browser::document_of_html(html).filter(|document| !document.grids.is_empty())
}

/// A paste into the start shown of a long text is refused (it would lose the rest), and
/// `why` is said.
pub fn refuse_paste(event: &web_sys::ClipboardEvent, dispatch: &Callback<Action>, why: &str) {
    event.prevent_default();
    dispatch.emit(Action::Notice(Some(why.to_string())));
}

/// A paste of a long plain text is taken from the browser, which would freeze the page laying
/// it out: the text area's text with it in place of the selection, for the state. A shorter
/// one is left to the browser (`None`).
pub fn take_long_paste(event: &web_sys::ClipboardEvent) -> Option<String> {
    let plain = event.clipboard_data()?.get_data("text/plain").ok()?;
    let area = event.target_dyn_into::<web_sys::HtmlTextAreaElement>()?;
    if !is_long(&plain) {
        return None;
    }
    event.prevent_default();
    let Selection { before, after } = around_selection(&area);
    let pasted = text_area_lines(plain);
    Some(format!("{before}{pasted}{after}"))
}

/// A text area's value around its selection: what a paste keeps.
pub struct Selection {
    pub before: String,
    pub after: String,
}

/// The text area's value before and after its selection (what a paste replaces).
pub fn around_selection(area: &web_sys::HtmlTextAreaElement) -> Selection {
    let value = area.value();
    let at = |units: Option<u32>| byte_offset(&value, units.unwrap_or(0) as usize);
    let start = at(area.selection_start().ok().flatten());
    let end = at(area.selection_end().ok().flatten()).max(start);
    Selection {
        before: value[..start].to_string(),
        after: value[end..].to_string(),
    }
}

/// The byte offset of a position counted in UTF-16 code units (a text area's selection).
fn byte_offset(text: &str, units: usize) -> usize {
    let mut counted = 0;
    for (at, c) in text.char_indices() {
        if counted >= units {
            return at;
        }
        counted += c.len_utf16();
    }
    text.len()
}

/// Line ends as a text area makes them on paste.
fn text_area_lines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}
