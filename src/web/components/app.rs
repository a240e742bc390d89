//! The page: input, summary, sections, findings, annotated tables and the source view.

use std::rc::Rc;
use std::time::Duration;

use yew::prelude::*;

use super::batch_bar::BatchBar;
use super::batch_table::BatchTable;
use super::export::Export;
use super::findings::FindingList;
use super::input::Input;
use super::previous::Previous;
use super::sections::SectionOutline;
use super::source_view::SourceView;
use super::summary::Summary;
use super::tables::Tables;
use crate::model::Report;
use crate::web::browser;
use crate::web::state::{Action, BatchJob, State};
use crate::web::worker::{self, CheckWorker};

/// Checking (and keeping the text in localStorage) waits this long after the last keystroke.
pub const DEBOUNCE: Duration = Duration::from_millis(300);

/// The text and last year's report as changed since they were last kept in localStorage
/// (the app's own page only).
#[derive(Default)]
struct Unsaved {
    text: Option<Rc<str>>,
    previous: Option<Rc<str>>,
}

impl Unsaved {
    fn keep_text(&mut self) {
        match self.text.take() {
            Some(text) if text.is_empty() => browser::forget_text(),
            Some(text) => {
                browser::save_text(&text);
            }
            None => {}
        }
    }

    fn keep_previous(&mut self) {
        if let Some(previous) = self.previous.take() {
            browser::save_previous(&previous);
        }
    }

    fn keep(&mut self) {
        self.keep_text();
        self.keep_previous();
    }
}

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
    let check_worker = use_mut_ref(|| None::<CheckWorker>);
    // A batch's files go to a worker of their own, one at a time.
    let batch_worker = use_mut_ref(|| None::<(u64, CheckWorker)>);
    let generation = use_mut_ref(|| 0u64);
    let previous_generation = use_mut_ref(|| 0u64);
    let keep_text = props.keep_text;

    // The given text, or else (on the app's page) the last text, is checked at once.
    {
        let dispatcher = state.dispatcher();
        let initial = props.initial.clone();
        use_effect_with((), move |_| {
            let text = match initial {
                Some(text) => Some(text.to_string()),
                None if keep_text => browser::load_text(),
                None => None,
            };
            if let Some(previous) = keep_text.then(browser::load_previous).flatten() {
                dispatcher.dispatch(Action::SetPrevious(previous));
            }
            if let Some(text) = text.filter(|t| !t.is_empty()) {
                dispatcher.dispatch(Action::PasteText(text));
                dispatcher.dispatch(Action::Check);
            }
        });
    }

    // The text and last year's report are kept once typing pauses, and at once when the page
    // is left (a reload right after a paste or a check keeps what was there).
    let unsaved = use_mut_ref(Unsaved::default);
    {
        let unsaved = unsaved.clone();
        use_effect_with((), move |_| {
            let listeners =
                keep_text.then(|| browser::on_page_hidden(move || unsaved.borrow_mut().keep()));
            move || drop(listeners)
        });
    }

    // Each change of the text: keep it, and check it once typing pauses.
    {
        let dispatcher = state.dispatcher();
        let generation = generation.clone();
        let unsaved = unsaved.clone();
        use_effect_with(state.text.clone(), move |text| {
            if keep_text {
                // A text over the limit is not kept (nor one it replaced).
                unsaved.borrow_mut().text =
                    (text.len() <= crate::input::MAX_BYTES).then(|| text.clone());
            }
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            yew::platform::spawn_local(async move {
                yew::platform::time::sleep(DEBOUNCE).await;
                if *generation.borrow() == mine {
                    unsaved.borrow_mut().keep_text();
                    dispatcher.dispatch(Action::Check);
                }
            });
        });
    }

    // Each change of last year's report: keep it, and check again once typing pauses.
    {
        let dispatcher = state.dispatcher();
        let generation = previous_generation;
        use_effect_with(state.previous.clone(), move |previous| {
            if keep_text {
                unsaved.borrow_mut().previous =
                    (previous.len() <= crate::input::MAX_BYTES).then(|| previous.clone());
            }
            *generation.borrow_mut() += 1;
            let mine = *generation.borrow();
            yew::platform::spawn_local(async move {
                yew::platform::time::sleep(DEBOUNCE).await;
                if *generation.borrow() == mine {
                    unsaved.borrow_mut().keep_previous();
                    dispatcher.dispatch(Action::Check);
                }
            });
        });
    }

    // A check for the worker: send it the text.
    {
        let dispatcher = state.dispatcher();
        let pending = state.pending.clone();
        let serial = pending.as_ref().map(|job| job.serial);
        let url = (*worker_url).clone();
        // Started at once (it loads and compiles the wasm while the user pastes).
        use_effect_with(serial, move |_| {
            let Some(url) = url else { return };
            let mut slot = check_worker.borrow_mut();
            if slot.is_none() {
                let replies = dispatcher.clone();
                *slot = CheckWorker::new(&url, move |reply| {
                    replies.dispatch(match reply {
                        worker::Reply::Report(serial, report) => {
                            Action::WorkerReport { serial, report }
                        }
                        worker::Reply::Failed => Action::WorkerFailed,
                    })
                })
                .ok();
            }
            let sent = match (&*slot, pending) {
                (Some(worker), Some(job)) => worker.post(job.serial, &job.request).is_ok(),
                (Some(_), None) => true,
                (None, _) => false,
            };
            if !sent {
                *slot = None;
                dispatcher.dispatch(Action::WorkerFailed);
            }
        });
    }

    // The batch file to check: in the batch's worker, else on the page once the browser has
    // drawn the progress so far.
    {
        let dispatcher = state.dispatcher();
        let batch = state.batch.clone();
        let checking = batch.as_ref().and_then(|b| b.job());
        let finished = batch.as_ref().is_none_or(|b| b.done() == b.files.len());
        let key = checking.as_ref().map(|job| (job.batch, job.index));
        let url = (*worker_url).clone().filter(|_| state.use_worker);
        use_effect_with((key, url.is_some()), move |_| {
            let mut slot = batch_worker.borrow_mut();
            if finished {
                *slot = None;
            }
            let Some(BatchJob {
                batch: id,
                index,
                request,
            }) = checking
            else {
                return;
            };
            if let Some(url) = url {
                if slot.as_ref().map(|(of, _)| *of) != Some(id) {
                    let replies = dispatcher.clone();
                    *slot = CheckWorker::new(&url, move |reply| {
                        replies.dispatch(match reply {
                            worker::Reply::Report(serial, report) => Action::BatchReport {
                                id,
                                index: serial as usize,
                                report,
                            },
                            worker::Reply::Failed => Action::WorkerFailed,
                        })
                    })
                    .ok()
                    .map(|worker| (id, worker));
                }
                let sent = slot
                    .as_ref()
                    .is_some_and(|(_, worker)| worker.post(index as u64, &request).is_ok());
                if !sent {
                    *slot = None;
                    dispatcher.dispatch(Action::WorkerFailed);
                }
                return;
            }
            yew::platform::spawn_local(async move {
                yew::platform::time::sleep(Duration::ZERO).await;
                let report = request.report();
                dispatcher.dispatch(Action::BatchReport {
                    id,
                    index,
                    report: Box::new(report),
                });
            });
        });
    }

    // Tell the host page.
    {
        let on_checked = props.on_checked.clone();
        use_effect_with(state.checked.clone(), move |checked| {
            if let (Some(on_checked), Some(checked)) = (on_checked, checked) {
                on_checked.emit(checked.report.clone());
            }
        });
    }

    // One callback for the app's life: components given it are not redrawn for a new one.
    let dispatch = {
        let dispatcher = state.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |action: Action| dispatcher.dispatch(action))
        }))
        .clone()
    };
    let checked = state.checked.clone();
    let offline_link = props.offline_link && !browser::opened_from_file();
    let batch_table = state.batch.clone().filter(|b| b.viewing.is_none());
    // The one report: pasted, opened, or opened from the batch table.
    let single = html! {
        <>
            if let Some(batch) = state.batch.clone() {
                <BatchBar batch={batch} dispatch={dispatch.clone()} />
            }
            <Input text={state.text.clone()} notice={state.notice.clone()} dispatch={dispatch.clone()} keep_text={keep_text}
                start_only={state.shows_start_only()} />
            if !props.compact {
                <Previous text={state.previous.clone()} dispatch={dispatch.clone()} />
            }
            <Summary checked={checked.clone()} checking={state.pending.is_some()} />
            if let (true, Some(checked)) = (props.compact, checked.clone()) {
                <FindingList checked={checked} selected={state.selected} dispatch={dispatch.clone()} />
            } else if let Some(checked) = checked {
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
        </>
    };
    html! {
        <div class={classes!("app", props.compact.then_some("compact"))}>
            if !props.compact {
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
            if let Some(batch) = batch_table {
                <BatchTable batch={batch} dispatch={dispatch.clone()} />
            } else {
                { single }
            }
        </div>
    }
}
