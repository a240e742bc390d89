//! 「上年年报（可选）」: a collapsible second paste area (or file) for last year's report, which
//! the cross-year checks (`crossyear.*`) compare this year's report with.

use std::rc::Rc;

use yew::prelude::*;

use super::input::{read_report_file, use_text_area};
use super::state::Action;

#[derive(Properties, PartialEq)]
pub struct PreviousProps {
    pub text: Rc<str>,
    pub dispatch: Callback<Action>,
}

/// Reads a chosen file locally (as the main paste area does) and makes it last year's report.
fn open_file(file: web_sys::File, dispatch: Callback<Action>) {
    yew::platform::spawn_local(async move {
        let name = file.name();
        match read_report_file(file).await {
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

#[function_component]
pub fn Previous(props: &PreviousProps) -> Html {
    let area = use_text_area(props.text.clone());

    let on_input = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(area) = event.target_dyn_into::<web_sys::HtmlTextAreaElement>() {
                dispatch.emit(Action::SetPrevious(area.value()));
            }
        })
    };
    let on_file = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |event: Event| {
            let input: Option<web_sys::HtmlInputElement> = event.target_dyn_into();
            if let Some(input) = input {
                if let Some(file) = input.files().and_then(|files| files.get(0)) {
                    open_file(file, dispatch.clone());
                }
                input.set_value("");
            }
        })
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
            <textarea id="previous-input" ref={area} oninput={on_input} spellcheck="false"
                placeholder="在此粘贴上一年度的年度报告……" rows="6" />
            <div class="input-actions">
                <input id="previous-file-input" type="file" accept=".txt,text/plain,.docx" class="visually-hidden" onchange={on_file} />
                <label class="button" for="previous-file-input">{ "打开上年年报…" }</label>
                <button type="button" class="secondary" onclick={on_clear}>{ "移除上年年报" }</button>
            </div>
        </details>
    }
}
