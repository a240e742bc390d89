//! The batch view: one row per file opened at once (the columns of `nianbao check --summary
//! csv`, and 详情 to open a report), progress while checking, and the CSV exports (the summary,
//! and every finding of every file).

use std::rc::Rc;

use yew::prelude::*;

use super::batch_row::BatchRow;
use super::export::checking_now;
use crate::model::Verdict;
use crate::web::browser;
use crate::web::state::{Action, Batch};

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

/// What the line over the table says: how far the batch is, and at the end how it went.
fn progress(batch: &Batch) -> String {
    let total = batch.files.len();
    let done = batch.done();
    if done == total {
        let failed = batch.count(Verdict::Failed);
        let unsure = match batch.count(Verdict::Unsure) {
            0 => String::new(),
            n => format!("{n} 份未能可靠读取，"),
        };
        let unreadable = batch.unreadable();
        format!("已检查全部 {total} 份：{failed} 份未通过，{unsure}{unreadable} 份无法读取")
    } else {
        format!("已检查 {done}/{total}")
    }
}

/// 导出全部问题 CSV: every finding of every file, with the columns of the single report's
/// 导出 CSV after the file's name.
fn download_findings_csv(batch: &Batch) {
    let today = browser::today();
    let _ = browser::download(
        "年报批量检查全部问题.csv",
        "text/csv;charset=utf-8",
        batch.findings_csv(checking_now(&today)).as_bytes(),
    );
}

/// 导出汇总 CSV: the batch's summary, as `nianbao check --summary csv` writes it.
fn download_csv(batch: &Batch) {
    let _ = browser::download(
        "年报批量检查汇总.csv",
        "text/csv;charset=utf-8",
        batch.csv().as_bytes(),
    );
}

#[function_component]
pub fn BatchTable(props: &BatchProps) -> Html {
    let batch = &props.batch;
    let total = batch.files.len();
    let done = batch.done();
    let finished = done == total;
    let on_csv = {
        let batch = batch.clone();
        Callback::from(move |_| download_csv(&batch))
    };
    let on_findings_csv = {
        let batch = batch.clone();
        Callback::from(move |_| download_findings_csv(&batch))
    };
    let on_close = props.dispatch.reform(|_: MouseEvent| Action::BatchClose);
    let rows = batch.files.iter().enumerate().map(|(index, file)| {
        html! { <BatchRow key={index} index={index} file={file.clone()} dispatch={props.dispatch.clone()} /> }
    });
    html! {
        <section id="batch" class="batch" aria-label="批量检查">
            <div class="batch-head">
                <h2>{ format!("批量检查 {total} 份报告") }</h2>
                <p id="batch-progress" data-done={done.to_string()} data-total={total.to_string()}
                    aria-live="polite" aria-busy={(!finished).to_string()}>{ progress(batch) }</p>
                <div class="batch-actions">
                    <button type="button" id="batch-export-csv" onclick={on_csv} disabled={!finished}>{ "导出汇总 CSV" }</button>
                    <button type="button" id="batch-export-findings" class="secondary" onclick={on_findings_csv} disabled={!finished}>{ "导出全部问题 CSV" }</button>
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
