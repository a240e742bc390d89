//! The page: input, summary, sections, findings, annotated tables and the source view.

use std::time::Duration;

use yew::prelude::*;

use super::browser;
use super::export::Export;
use super::findings::FindingList;
use super::input::Input;
use super::sections::SectionOutline;
use super::source_view::SourceView;
use super::state::{Action, State};
use super::summary::Summary;
use super::tables::Tables;

/// Checking waits this long after the last keystroke.
const DEBOUNCE: Duration = Duration::from_millis(300);

#[function_component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    let generation = use_mut_ref(|| 0u64);

    // A reload restores the last text.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            if let Some(text) = browser::load_text().filter(|t| !t.is_empty()) {
                dispatcher.dispatch(Action::SetText(text));
                dispatcher.dispatch(Action::Check);
            }
        });
    }

    // Each change of the text: keep it, and check it once typing pauses.
    {
        let dispatcher = state.dispatcher();
        let generation = generation.clone();
        use_effect_with(state.text.clone(), move |text| {
            let text = text.clone();
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            yew::platform::spawn_local(async move {
                yew::platform::time::sleep(DEBOUNCE).await;
                if *generation.borrow() == mine {
                    if text.is_empty() {
                        browser::forget_text();
                    } else {
                        browser::save_text(&text);
                    }
                    dispatcher.dispatch(Action::Check);
                }
            });
        });
    }

    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };
    let checked = state.checked.clone();
    html! {
        <div class="app">
            <header class="masthead">
                <h1>{ "年报校验" }</h1>
                <p class="tagline">{ "检查政府信息公开工作年度报告的统计表是否自洽。文字只在本机处理，不会上传。" }</p>
            </header>
            <Input text={state.text.clone()} notice={state.notice.clone()} dispatch={dispatch.clone()} />
            <Summary checked={checked.clone()} />
            if let Some(checked) = checked {
                <div class="results">
                    <div class="results-main">
                        <Tables checked={checked.clone()} highlighted={state.highlighted()} />
                        <SourceView checked={checked.clone()} selected={state.selected} />
                    </div>
                    <aside class="results-side">
                        <SectionOutline checked={checked.clone()} />
                        <FindingList checked={checked.clone()} selected={state.selected} dispatch={dispatch.clone()} />
                        <Export checked={checked} />
                    </aside>
                </div>
            }
        </div>
    }
}
