//! 「上年年报（可选）」: a collapsible second paste area (or file) for last year's report, which
//! the cross-year checks (`crossyear.*`) compare this year's report with.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::Report;
use crate::web::browser;
use crate::web::hooks::use_text_area;
use crate::web::paste;
use crate::web::state::{is_long, megabytes, Action};

#[derive(Properties, PartialEq)]
pub struct PreviousProps {
    pub text: Rc<str>,
    /// What the shown report says of last year's it was compared with (`None`: not compared).
    #[prop_or_default]
    pub compared_with: Option<AttrValue>,
    pub dispatch: Callback<Action>,
}

/// Which report of last year `report` was compared with: its agency and year, so that a
/// report of another agency or year put there by mistake is seen at once. `None` when it was
/// checked alone.
pub fn compared_note(report: &Report, previous: &str) -> Option<String> {
    if previous.trim().is_empty() {
        return None;
    }
    let agency = report.compared_agency.as_deref().unwrap_or("机关不详");
    let year = report
        .compared_year
        .map_or("年度不详".to_string(), |y| format!("{y} 年度"));
    Some(format!("已与上年年报核对：{agency}，{year}"))
}

/// Said when something is pasted into the start of a long report of last year.
const PASTE_INTO_START: &str =
    "这里只显示了上年年报的开头，不能在其中粘贴：请先「移除上年年报」再粘贴。";

/// Reads a chosen file locally (as the main paste area does) and makes it last year's report.
fn open_file(file: web_sys::File, dispatch: Callback<Action>) {
    yew::platform::spawn_local(async move {
        let name = file.name();
        match browser::open_file(file).await {
            Ok(document) => {
                dispatch.emit(Action::SetPrevious(document.text));
                dispatch.emit(Action::Check);
            }
            Err(reason) => {
                dispatch.emit(Action::Notice(Some(format!("上年年报 {name}：{reason}"))))
            }
        }
    });
}

/// A paste into last year's area: a long plain text goes to the state, as in the main paste
/// area; into the start shown of a long report: refused.
fn paste(event: &web_sys::ClipboardEvent, start_only: bool, dispatch: &Callback<Action>) {
    if start_only {
        paste::refuse_paste(event, dispatch, PASTE_INTO_START);
    } else if let Some(text) = paste::take_long_paste(event) {
        dispatch.emit(Action::SetPrevious(text));
        dispatch.emit(Action::Check);
    }
}

#[function_component]
pub fn Previous(props: &PreviousProps) -> Html {
    // A long report of last year is shown by its start, read only, as the main paste area
    // does: laying out megabytes in a text area freezes the page.
    let start_only = is_long(&props.text);
    let area = use_text_area(props.text.clone(), start_only);

    let on_input = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(area) = event.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                dispatch.emit(Action::SetPrevious(area.value()));
            }
        })
    };
    let on_paste = paste::on_paste(&props.dispatch, start_only, paste);
    let on_file = {
        let dispatch = props.dispatch.clone();
        browser::on_files_chosen(Callback::from(move |files: web_sys::FileList| {
            if let Some(file) = files.get(0) {
                open_file(file, dispatch.clone());
            }
        }))
    };
    let on_clear = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| {
            dispatch.emit(Action::SetPrevious(String::new()));
            dispatch.emit(Action::Check);
        })
    };
    let chars = props.text.chars().count();
    html! {
        <details class="previous" open={chars > 0}>
            <summary>
                { "上年年报（可选）" }
                if chars > 0 {
                    <span class="previous-size">{ format!("已加入 {chars} 字") }</span>
                }
            </summary>
            <label for="previous-input" class="input-label">
                { "粘贴或打开同一机关上一年度的年报，与之核对：上年结转是否等于上年的结转下年度、现行有效件数与项目数量是否接续、总体情况与存在的问题是否与上年雷同、表三总数是否大幅变化" }
            </label>
            if let Some(note) = props.compared_with.clone().filter(|_| chars > 0) {
                <p class="previous-compared" id="previous-compared">{ note }</p>
            }
            if start_only {
                <p class="long-text" id="previous-long-text-note">
                    { format!("上年年报较长（{}），为保持页面流畅，这里只显示开头部分；核对用的是全文。", megabytes(props.text.len())) }
                </p>
            }
            <textarea id="previous-input" ref={area} oninput={on_input} onpaste={on_paste} spellcheck="false"
                readonly={start_only} aria-describedby={start_only.then_some("previous-long-text-note")}
                placeholder="在此粘贴上一年度的年度报告……" rows="6" />
            <div class="input-actions">
                <input id="previous-file-input" type="file" accept=".txt,text/plain,.docx,.pdf" class="visually-hidden" onchange={on_file} />
                <label class="button" for="previous-file-input">{ "打开上年年报…" }</label>
                <button type="button" class="secondary" onclick={on_clear}>{ "移除上年年报" }</button>
            </div>
        </details>
    }
}
