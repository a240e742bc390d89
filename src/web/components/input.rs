//! The paste area, with opening local files (picker or drag and drop; several at once start
//! a batch), 检查 and 清除.

use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

use yew::prelude::*;

use super::long_text::LongTextNote;
use crate::input::Document;
use crate::web::browser;
use crate::web::paste;
use crate::web::state::{start_of, Action, LONG_TEXT_BYTES, SHOWN_CHARS};
use wasm_bindgen::JsCast;

#[derive(Properties, PartialEq)]
pub struct InputProps {
    pub text: Rc<str>,
    pub notice: Option<String>,
    pub dispatch: Callback<Action>,
    /// The text is kept in localStorage, so 清除 also forgets it there.
    pub keep_text: bool,
    /// The text is long: the paste area shows only its start, read-only.
    pub start_only: bool,
}

/// Said when something is pasted into the start of a long text.
const PASTE_INTO_START: &str =
    "这里只显示了长文本的开头，不能在其中粘贴：请先「清除」，或「显示全文并编辑」后再粘贴。";

/// A local file read as its kind says (text, or a .docx with its tables' grids), or why it
/// cannot be read (without the file's name): a PDF or an old .doc gets plain advice.
pub async fn read_report_file(file: web_sys::File) -> Result<Document, String> {
    let name = file.name();
    let bytes = browser::read_file(file)
        .await
        .map_err(|_| "无法读取这个文件".to_string())?;
    crate::input::open(&name, &bytes, &browser::PLATFORM).map_err(|e| e.to_string())
}

/// Reads a chosen or dropped file locally and puts its text in the paste area.
fn open_file(file: web_sys::File, dispatch: Callback<Action>) {
    yew::platform::spawn_local(async move {
        let name = file.name();
        match read_report_file(file).await {
            Ok(document) => {
                dispatch.emit(if document.grids.is_empty() {
                    Action::PasteText(document.text)
                } else {
                    Action::SetDocument(document)
                });
                dispatch.emit(Action::Check);
            }
            Err(reason) => dispatch.emit(Action::Notice(Some(format!("{name}：{reason}")))),
        }
    });
}

/// One file opens in the paste area; several start a batch, in the order of their names
/// (as `nianbao check` orders a folder), read one after another.
fn open_files(files: web_sys::FileList, dispatch: Callback<Action>) {
    let mut files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    if files.len() <= 1 {
        if let Some(file) = files.pop() {
            open_file(file, dispatch);
        }
        return;
    }
    static BATCHES: AtomicU64 = AtomicU64::new(0);
    let id = BATCHES.fetch_add(1, Ordering::Relaxed) + 1;
    files.sort_by_key(|f| f.name());
    let names = files.iter().map(|f| f.name()).collect();
    dispatch.emit(Action::BatchStart { id, names });
    yew::platform::spawn_local(async move {
        for (index, file) in files.into_iter().enumerate() {
            let document = read_report_file(file).await;
            dispatch.emit(Action::BatchRead {
                id,
                index,
                document,
            });
        }
    });
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

/// A paste into the start shown of a long text is refused (it would lose the rest), and
/// `why` is said.
pub(super) fn refuse_paste(
    event: &web_sys::ClipboardEvent,
    dispatch: &Callback<Action>,
    why: &str,
) {
    event.prevent_default();
    dispatch.emit(Action::Notice(Some(why.to_string())));
}

/// A paste of a plain text over [`LONG_TEXT_BYTES`] is taken from the browser, which would
/// freeze the page laying it out: the text area's text with it in place of the selection,
/// for the state. A shorter one is left to the browser (`None`).
pub(super) fn take_long_paste(event: &web_sys::ClipboardEvent) -> Option<String> {
    let plain = event.clipboard_data()?.get_data("text/plain").ok()?;
    let area = event.target_dyn_into::<web_sys::HtmlTextAreaElement>()?;
    if plain.len() <= LONG_TEXT_BYTES {
        return None;
    }
    event.prevent_default();
    let (before, after) = around_selection(&area);
    let pasted = text_area_lines(plain);
    Some(format!("{before}{pasted}{after}"))
}

/// The text area's value before and after its selection (what a paste replaces).
fn around_selection(area: &web_sys::HtmlTextAreaElement) -> (String, String) {
    let value = area.value();
    let at = |units: Option<u32>| byte_offset(&value, units.unwrap_or(0) as usize);
    let start = at(area.selection_start().ok().flatten());
    let end = at(area.selection_end().ok().flatten()).max(start);
    (value[..start].to_string(), value[end..].to_string())
}

/// Line ends as a text area makes them on paste.
fn text_area_lines(text: String) -> String {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text
    }
}

/// A text compared by identity: a new one is looked at even when its content is the same (the
/// start of another long text, which a script may have written over).
#[derive(Clone)]
struct SameText(Rc<str>);

impl PartialEq for SameText {
    fn eq(&self, other: &SameText) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// A text area holding `text`, not controlled (re-setting a long value on every key is slow
/// and moves the caret): it is written only when the text changes from elsewhere.
#[hook]
pub fn use_text_area(text: Rc<str>) -> NodeRef {
    let area = use_node_ref();
    {
        let area = area.clone();
        use_effect_with(SameText(text), move |SameText(text)| {
            if let Some(area) = area.cast::<web_sys::HtmlTextAreaElement>() {
                if area.value() != **text {
                    area.set_value(text);
                }
            }
        });
    }
    area
}

#[function_component]
pub fn Input(props: &InputProps) -> Html {
    let start_only = props.start_only;
    // What the text area holds: the text, or the start of a long one.
    let shown = use_memo(
        (SameText(props.text.clone()), start_only),
        |(SameText(text), start_only)| {
            if *start_only {
                Rc::from(start_of(text))
            } else {
                text.clone()
            }
        },
    );
    let area = use_text_area((*shown).clone());
    let dragging = use_state(|| false);

    let on_input = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(area) = event.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                // A script (the iframe's bridge) writes whole texts, also into the start shown:
                // like a paste. The user's own edits keep a long text whole in the area.
                dispatch.emit(if start_only || !event.is_trusted() {
                    Action::PasteText(area.value())
                } else {
                    Action::SetText(area.value())
                });
            }
        })
    };
    // A paste with tables in its HTML (a web page, Word, WPS): read from the cells. A long
    // plain text goes to the state, not into the text area: laying it out would freeze the
    // page for seconds.
    let on_paste = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: Event| {
            let Some(event) = event.dyn_ref::<web_sys::ClipboardEvent>() else {
                return;
            };
            if start_only {
                refuse_paste(event, &dispatch, PASTE_INTO_START);
                return;
            }
            let Some(data) = event.clipboard_data() else {
                return;
            };
            let Some(area) = event.target_dyn_into::<web_sys::HtmlTextAreaElement>() else {
                return;
            };
            let html = data.get_data("text/html").unwrap_or_default();
            if let Some(document) = paste::document_from_html(&html) {
                event.prevent_default();
                let (before, after) = around_selection(&area);
                dispatch.emit(Action::PasteDocument {
                    before,
                    document,
                    after,
                });
                dispatch.emit(Action::Check);
                return;
            }
            if let Some(text) = take_long_paste(event) {
                dispatch.emit(Action::PasteText(text));
                dispatch.emit(Action::Check);
            }
        })
    };
    let on_check = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::Check))
    };
    let on_clear = {
        let dispatch = props.dispatch.clone();
        let keep_text = props.keep_text;
        Callback::from(move |_| {
            if keep_text {
                browser::forget_text();
            }
            dispatch.emit(Action::Clear);
        })
    };
    let on_file = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: Event| {
            let input: Option<web_sys::HtmlInputElement> = event.target_dyn_into();
            if let Some(input) = input {
                if let Some(files) = input.files() {
                    open_files(files, dispatch.clone());
                }
                input.set_value("");
            }
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dispatch = props.dispatch.clone();
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            if let Some(files) = event.data_transfer().and_then(|data| data.files()) {
                open_files(files, dispatch.clone());
            }
        })
    };
    html! {
        <section class={classes!("input", (*dragging).then_some("dragging"))}
            ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
            <label for="report-input" class="input-label">
                { "粘贴年报全文（从网页、Word/WPS 或 PDF 复制均可），或打开 .txt、.docx 文件、把文件拖到这里；一次打开多个文件则逐个检查并列出汇总表" }
            </label>
            if start_only {
                <LongTextNote bytes={props.text.len()} dispatch={props.dispatch.clone()} />
            }
            <textarea id="report-input" ref={area} oninput={on_input} onpaste={on_paste} spellcheck="false"
                readonly={start_only} aria-describedby={start_only.then_some("long-text-note")}
                placeholder="在此粘贴政府信息公开工作年度报告……" rows="12" />
            <div class="input-actions">
                <button type="button" onclick={on_check}>{ "检查" }</button>
                <input id="file-input" type="file" accept=".txt,text/plain,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" multiple=true class="visually-hidden" onchange={on_file} />
                <label class="button" for="file-input">{ "打开文件…" }</label>
                <button type="button" class="secondary" onclick={on_clear}>{ "清除" }</button>
                <span class="input-size">{
                    if start_only {
                        format!("共 {} 字，上面显示开头 {} 字", props.text.chars().count(), SHOWN_CHARS)
                    } else {
                        format!("{} 字", props.text.chars().count())
                    }
                }</span>
            </div>
            if let Some(notice) = &props.notice {
                <p class="notice" role="alert">{ notice }</p>
            }
        </section>
    }
}
