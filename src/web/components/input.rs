//! The paste area, with opening local files (picker or drag and drop; several at once start
//! a batch), 检查 and 清除 (with 撤销).

use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

use yew::prelude::*;

use super::long_text::LongTextNote;
use crate::web::hooks::{use_file_drop, use_text_area};
use crate::web::paste::{self, Selection};
use crate::web::state::{Action, SHOWN_CHARS};
use crate::web::{browser, page_data};

#[derive(Properties, PartialEq)]
pub struct InputProps {
    pub text: Rc<str>,
    pub notice: Option<String>,
    /// The file being read, named under the paste area.
    #[prop_or_default]
    pub reading: Option<String>,
    pub dispatch: Callback<Action>,
    /// The text is kept in localStorage, so 清除 also forgets it there.
    pub keep_text: bool,
    /// The text is long: the paste area shows only its start, read-only.
    pub start_only: bool,
    /// 清除 took a text that 撤销 can bring back.
    #[prop_or_default]
    pub can_undo_clear: bool,
}

/// Said when something is pasted into the start of a long text.
const PASTE_INTO_START: &str =
    "这里只显示了长文本的开头，不能在其中粘贴：请先「清除」，或「显示全文并编辑」后再粘贴。";

/// Reads a chosen or dropped file locally and puts its text in the paste area, naming the file
/// meanwhile (a PDF takes a second or more).
fn open_file(file: web_sys::File, dispatch: Callback<Action>) {
    yew::platform::spawn_local(async move {
        let name = file.name();
        dispatch.emit(Action::Reading(Some(name.clone())));
        let opened = browser::open_file(file).await;
        dispatch.emit(Action::Reading(None));
        match opened {
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
            let document = browser::open_file(file).await;
            dispatch.emit(Action::BatchRead {
                id,
                index,
                document,
            });
        }
    });
}

/// A paste into the paste area. With tables in its HTML (a web page, Word, WPS): read from
/// the cells. A long plain text goes to the state, not into the text area: laying it out
/// would freeze the page for seconds. Into the start shown of a long text: refused.
fn paste(event: &web_sys::ClipboardEvent, start_only: bool, dispatch: &Callback<Action>) {
    if start_only {
        paste::refuse_paste(event, dispatch, PASTE_INTO_START);
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
        let Selection { before, after } = paste::around_selection(&area);
        dispatch.emit(Action::PasteDocument {
            before,
            document,
            after,
        });
        dispatch.emit(Action::Check);
    } else if let Some(text) = paste::take_long_paste(event) {
        dispatch.emit(Action::PasteText(text));
        dispatch.emit(Action::Check);
    }
}

/// What is typed, or written by a script, in the paste area.
fn on_input(dispatch: &Callback<Action>, start_only: bool) -> Callback<InputEvent> {
    let dispatch = dispatch.clone();
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
}

/// 清除: the text goes, also from localStorage when it is kept there.
fn on_clear(dispatch: &Callback<Action>, keep_text: bool) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| {
        if keep_text {
            browser::forget_text();
        }
        dispatch.emit(Action::Clear);
    })
}

/// 撤销 after 清除: the text and last year's report come back and are checked; the kept copy
/// follows once typing would pause, as for any new text.
fn on_undo_clear(dispatch: &Callback<Action>) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| {
        dispatch.emit(Action::UndoClear);
        dispatch.emit(Action::Check);
    })
}

/// 「用示例年报试一试」: the sample (a published report with errors planted, `www/sample.txt`,
/// which the build puts into the page or beside it) goes into the empty paste area, and is
/// checked at once.
fn on_sample(dispatch: &Callback<Action>) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| {
        let dispatch = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(sample) = page_data::sample().await {
                dispatch.emit(Action::PasteText(sample));
                dispatch.emit(Action::Check);
            }
        });
    })
}

/// The size under the paste area.
fn size(text: &str, start_only: bool) -> String {
    if start_only {
        format!(
            "共 {} 字，上面显示开头 {} 字",
            text.chars().count(),
            SHOWN_CHARS
        )
    } else {
        format!("{} 字", text.chars().count())
    }
}

#[function_component]
pub fn Input(props: &InputProps) -> Html {
    let start_only = props.start_only;
    let area = use_text_area(props.text.clone(), start_only);
    let open = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |files: web_sys::FileList| open_files(files, dispatch.clone()))
    };
    let drop = use_file_drop(open.clone());
    let on_input = on_input(&props.dispatch, start_only);
    let on_paste = paste::on_paste(&props.dispatch, start_only, paste);
    let on_check = props.dispatch.reform(|_: MouseEvent| Action::Check);
    let on_clear = on_clear(&props.dispatch, props.keep_text);
    // Only on an empty area, so that the sample never replaces the user's text.
    let sample =
        (props.text.is_empty() && page_data::has_sample()).then(|| on_sample(&props.dispatch));
    let on_file = browser::on_files_chosen(open);
    html! {
        <section class={classes!("input", drop.dragging.then_some("dragging"))}
            ondragover={drop.on_drag_over} ondragleave={drop.on_drag_leave} ondrop={drop.on_drop}>
            <label for="report-input" class="input-label">
                { "粘贴年报全文（从网页、Word/WPS 或 PDF 复制均可），或打开 .txt、.docx、.pdf 文件、把文件拖到这里；一次打开多个文件则逐个检查并列出汇总表" }
            </label>
            if start_only {
                <LongTextNote bytes={props.text.len()} dispatch={props.dispatch.clone()} />
            }
            <textarea id="report-input" ref={area} oninput={on_input} onpaste={on_paste} spellcheck="false"
                readonly={start_only} aria-describedby={start_only.then_some("long-text-note")}
                placeholder="在此粘贴政府信息公开工作年度报告……" rows="12" />
            <div class="input-actions">
                <button type="button" onclick={on_check}>{ "检查" }</button>
                <input id="file-input" type="file" accept=".txt,text/plain,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.pdf,application/pdf" multiple=true class="visually-hidden" onchange={on_file} />
                <label class="button" for="file-input">{ "打开文件…" }</label>
                <button type="button" class="secondary" onclick={on_clear}>{ "清除" }</button>
                if let Some(on_sample) = sample {
                    <button type="button" class="secondary sample" onclick={on_sample}>{ "用示例年报试一试" }</button>
                }
                <span class="input-size">{ size(&props.text, start_only) }</span>
            </div>
            if props.can_undo_clear {
                <p class="cleared" id="cleared" role="status">
                    { "已清除" }
                    <button type="button" id="undo-clear" class="secondary" onclick={on_undo_clear(&props.dispatch)}>{ "撤销" }</button>
                </p>
            }
            if let Some(name) = &props.reading {
                <p class="reading" id="reading" role="status">{ format!("正在读取 {name}……") }</p>
            }
            if let Some(notice) = &props.notice {
                <p class="notice" role="alert">{ notice }</p>
            }
        </section>
    }
}
