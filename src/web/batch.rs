//! The batch view: one row per file opened at once (the columns of `nianbao check --summary
//! csv`, and 详情 to open a report), progress while checking, and the CSV export.

use std::rc::Rc;

use yew::prelude::*;

use super::browser;
use super::state::{Action, Batch, BatchFile, FileStatus};

#[derive(Properties)]
pub struct BatchProps {
    pub batch: Rc<Batch>,
    pub dispatch: Callback<Action>,
}

/// The same batch (every change makes a new one): no comparing of every file.
impl PartialEq for BatchProps {
    fn eq(&self, other: &BatchProps) -> bool {
        Rc::ptr_eq(&self.batch, &other.batch) && self.dispatch == other.dispatch
    }
}

#[function_component]
pub fn BatchTable(props: &BatchProps) -> Html {
    let batch = &props.batch;
    let total = batch.files.len();
    let done = batch.done();
    let finished = done == total;
    let failed = batch
        .files
        .iter()
        .filter(|f| matches!(&f.status, FileStatus::Checked(row, _) if row.counts.is_some_and(|c| c.errors > 0)))
        .count();
    let unreadable = batch
        .files
        .iter()
        .filter(|f| matches!(f.status, FileStatus::Unreadable(_)))
        .count();
    let progress = if finished {
        format!("已检查全部 {total} 份：{failed} 份未通过，{unreadable} 份无法读取")
    } else {
        format!("已检查 {done}/{total}")
    };
    let on_csv = {
        let batch = batch.clone();
        Callback::from(move |_| {
            let _ = browser::download(
                "年报批量检查汇总.csv",
                "text/csv;charset=utf-8",
                batch.csv().as_bytes(),
            );
        })
    };
    let on_close = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::BatchClose))
    };
    let rows = batch.files.iter().enumerate().map(|(index, file)| {
        html! { <BatchRow key={index} index={index} file={file.clone()} dispatch={props.dispatch.clone()} /> }
    });
    html! {
        <section id="batch" class="batch" aria-label="批量检查">
            <div class="batch-head">
                <h2>{ format!("批量检查 {total} 份报告") }</h2>
                <p id="batch-progress" data-done={done.to_string()} data-total={total.to_string()}
                    aria-live="polite" aria-busy={(!finished).to_string()}>{ progress }</p>
                <div class="batch-actions">
                    <button type="button" id="batch-export-csv" onclick={on_csv} disabled={!finished}>{ "导出汇总 CSV" }</button>
                    <button type="button" id="batch-close" class="secondary" onclick={on_close}>{ "返回单份检查" }</button>
                </div>
            </div>
            <div class="batch-scroll">
                <table class="batch-table">
                    <thead>
                        <tr>
                            <th scope="col">{ "文件" }</th><th scope="col">{ "机关" }</th><th scope="col">{ "年度" }</th>
                            <th scope="col">{ "模板" }</th><th scope="col">{ "错误" }</th><th scope="col">{ "警告" }</th>
                            <th scope="col">{ "提示" }</th><th scope="col">{ "说明" }</th><th scope="col">{ "详情" }</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </section>
    }
}

#[derive(Properties)]
struct BatchRowProps {
    index: usize,
    file: Rc<BatchFile>,
    dispatch: Callback<Action>,
}

/// A file that changed is a new one (see `Batch::files`).
impl PartialEq for BatchRowProps {
    fn eq(&self, other: &BatchRowProps) -> bool {
        self.index == other.index
            && Rc::ptr_eq(&self.file, &other.file)
            && self.dispatch == other.dispatch
    }
}

/// One file's row; a component of its own, so that a long batch redraws only the row that
/// changed.
#[function_component]
fn BatchRow(props: &BatchRowProps) -> Html {
    let index = props.index;
    let file = &props.file;
    let (class, fields, status) = match &file.status {
        FileStatus::Checked(row, _) => {
            let class = if row.counts.is_some_and(|c| c.errors > 0) {
                "failed"
            } else {
                "passed"
            };
            (class, Some(row.fields()), "checked")
        }
        FileStatus::Unreadable(row) => ("unreadable", Some(row.fields()), "unreadable"),
        FileStatus::Reading | FileStatus::Read(_) => ("waiting", None, "waiting"),
    };
    let cell = |i: usize| fields.as_ref().map_or(String::new(), |f| f[i].clone());
    // A count in its severity's colour only when it is not 0.
    let count_class = |i: usize, severity: &'static str| {
        let zero = fields.as_ref().is_some_and(|f| f[i] == "0");
        classes!("number", "count", (!zero).then_some(severity))
    };
    let details = if status == "checked" {
        let dispatch = props.dispatch.clone();
        let open = Callback::from(move |_| dispatch.emit(Action::BatchOpen(index)));
        html! { <button type="button" class="secondary details" onclick={open}>{ "详情" }</button> }
    } else {
        html! {}
    };
    html! {
        <tr class={classes!("batch-row", class)} data-index={index.to_string()} data-status={status}
            data-errors={cell(4)} data-warnings={cell(5)} data-infos={cell(6)} data-template={cell(3)}>
            <td class="file">{ &file.name }</td>
            <td>{ cell(1) }</td>
            <td class="number">{ cell(2) }</td>
            <td class="number">{ cell(3) }</td>
            <td class={count_class(4, "error")}>{ cell(4) }</td>
            <td class={count_class(5, "warning")}>{ cell(5) }</td>
            <td class={count_class(6, "info")}>{ cell(6) }</td>
            <td class="note">{ if status == "waiting" { "正在检查…".to_string() } else { cell(7) } }</td>
            <td>{ details }</td>
        </tr>
    }
}

/// Above a report opened from the batch: which one it is, and the way back.
#[function_component]
pub fn BatchBar(props: &BatchProps) -> Html {
    let batch = &props.batch;
    let Some(index) = batch.viewing else {
        return html! {};
    };
    let name = batch.files.get(index).map_or("", |f| f.name.as_str());
    let on_back = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_| dispatch.emit(Action::BatchBack))
    };
    html! {
        <nav class="batch-bar" aria-label="批量检查">
            <button type="button" id="batch-back" onclick={on_back}>{ "← 返回批量结果" }</button>
            <span class="batch-current">{ format!("第 {}/{} 份：{name}", index + 1, batch.files.len()) }</span>
        </nav>
    }
}
