//! The app: its state, the hooks that check and keep the text, and the page (the batch table,
//! or the one report with its paste areas, summary and results).

use std::rc::Rc;

use yew::prelude::*;

use super::batch_bar::BatchBar;
use super::batch_table::BatchTable;
use super::export::Export;
use super::findings::FindingList;
use super::input::Input;
use super::previous::{compared_note, Previous};
use super::sections::SectionOutline;
use super::source_view::SourceView;
use super::summary::Summary;
use super::tables::Tables;
use crate::model::Report;
use crate::web::browser;
use crate::web::hooks::{
    use_batch_checks, use_check_worker, use_debounced_check, use_initial_text, use_kept_text,
};
use crate::web::state::{Action, Checked, State};
use crate::web::worker;

/// The state as Yew's reducer hook holds it.
impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(State::reduce((*self).clone(), action))
    }
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Keep the text in localStorage and restore it on reload (the app's own page only).
    #[prop_or_default]
    pub keep_text: bool,
    /// Only the paste area, the summary and the findings (a widget in a portal).
    #[prop_or_default]
    pub compact: bool,
    /// Text to check at once.
    #[prop_or_default]
    pub initial: Option<AttrValue>,
    /// Called after every check.
    #[prop_or_default]
    pub on_checked: Option<Callback<Rc<Report>>>,
    /// Offer the one-file copy for offline use (the app's own page, not a saved copy).
    #[prop_or_default]
    pub offline_link: bool,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    // Checks run in a worker where the start-up script made one available.
    let worker_url = use_memo((), |_| worker::url());
    let state = use_reducer({
        let use_worker = worker_url.is_some();
        move || State::new(use_worker)
    });
    // One callback for the app's life: components given it are not redrawn for a new one.
    let dispatch = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |action: Action| dispatcher.dispatch(action))
        }))
        .clone()
    };
    let keep_text = props.keep_text;

    use_initial_text(props.initial.clone(), keep_text, dispatch.clone());
    // The text and last year's report are kept, and checked, once typing pauses.
    let kept = use_kept_text(keep_text, state.text.clone(), state.previous.clone());
    let on_pause = kept.clone();
    use_debounced_check(state.text.clone(), dispatch.clone(), move || {
        on_pause.keep_text()
    });
    use_debounced_check(state.previous.clone(), dispatch.clone(), move || {
        kept.keep_previous()
    });
    use_check_worker(
        (*worker_url).clone(),
        state.pending.clone(),
        dispatch.clone(),
    );
    let batch_worker_url = (*worker_url).clone().filter(|_| state.use_worker);
    use_batch_checks(state.batch.clone(), batch_worker_url, dispatch.clone());

    // Tell the host page.
    {
        let on_checked = props.on_checked.clone();
        use_effect_with(state.checked.clone(), move |checked| {
            if let (Some(on_checked), Some(checked)) = (on_checked, checked) {
                on_checked.emit(checked.report.clone());
            }
        });
    }

    let offline_link = props.offline_link && !browser::opened_from_file();
    let batch_table = state.batch.clone().filter(|b| b.viewing.is_none());
    html! {
        <div class={classes!("app", props.compact.then_some("compact"))}>
            if !props.compact {
                { masthead(offline_link) }
            }
            if let Some(batch) = batch_table {
                <BatchTable batch={batch} dispatch={dispatch.clone()} />
            } else {
                { single_report(&state, props, &dispatch) }
            }
        </div>
    }
}

/// The one report: pasted, opened, or opened from the batch table.
fn single_report(state: &State, props: &AppProps, dispatch: &Callback<Action>) -> Html {
    let checked = state.checked.clone();
    html! {
        <>
            if let Some(batch) = state.batch.clone() {
                <BatchBar batch={batch} dispatch={dispatch.clone()} />
            }
            <Input text={state.text.clone()} notice={state.notice.clone()} reading={state.reading.clone()} dispatch={dispatch.clone()} keep_text={props.keep_text}
                start_only={state.shows_start_only()} can_undo_clear={state.cleared.is_some()} />
            if !props.compact {
                <Previous text={state.previous.clone()} dispatch={dispatch.clone()}
                    compared_with={checked.as_ref().and_then(|c| compared_note(&c.report, &c.previous)).map(AttrValue::from)} />
            }
            <Summary checked={checked.clone()} checking={state.pending.is_some()} />
            if let (true, Some(checked)) = (props.compact, checked.clone()) {
                <FindingList checked={checked} selected={state.selected} dispatch={dispatch.clone()} />
            } else if let Some(checked) = checked {
                { results(&checked, state, dispatch) }
            }
        </>
    }
}

/// The page's title and what it promises, with the one-file copy for offline use when
/// `offline_link`.
fn masthead(offline_link: bool) -> Html {
    html! {
        <header class="masthead">
            <h1>{ "年报校验" }</h1>
            <p class="tagline">{ "检查政府信息公开工作年度报告的统计表是否自洽。文字只在本机处理，不会上传。" }</p>
            if offline_link {
                <p class="offline-copy">
                    <a href="nianbao-offline.html" download="年报校验-离线版.html">{ "下载离线版" }</a>
                    { "：一个网页文件，断网时双击即可使用，可用邮件或U盘传给同事。" }
                </p>
            }
        </header>
    }
}

/// A report in full. In the page's order (what a phone shows, top to bottom): the findings and
/// the exports, the tables, the sections, the source. On a wide screen the stylesheet puts the
/// tables on the left and the rest beside them, where the findings and the source each scroll
/// in their own box, so that a finding, its cells and its line are all on screen at once.
fn results(checked: &Checked, state: &State, dispatch: &Callback<Action>) -> Html {
    html! {
        <div class="results">
            <div class="results-side">
                <div class="results-list">
                    <FindingList checked={checked.clone()} selected={state.selected} dispatch={dispatch.clone()} />
                    <Export checked={checked.clone()} />
                    <SectionOutline checked={checked.clone()} />
                </div>
                <SourceView checked={checked.clone()} selected={state.selected} />
            </div>
            <div class="results-main">
                <Tables checked={checked.clone()} highlighted={state.highlighted()} />
            </div>
            { printed_with() }
        </div>
    }
}

/// Shown on paper only: when the report was checked, and with which version of the tool.
fn printed_with() -> Html {
    let today = js_sys::Date::new_0();
    html! {
        <p class="printed-with">
            { format!(
                "检查日期：{}年{}月{}日　检查工具：年报校验 {}",
                today.get_full_year(),
                today.get_month() + 1,
                today.get_date(),
                env!("CARGO_PKG_VERSION")
            ) }
        </p>
    }
}
