//! The summary bar: the verdict (通过, with the warnings it still has: 通过（2 个警告）; 未通过; or
//! 未能可靠读取 when part of a table could not be read reliably, with what to do), template, year, agency, period, and the counts.

use yew::prelude::*;

use crate::model::Verdict;
use crate::output::text::unsure_tables;
use crate::web::state::{verdict_words, Checked};

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub checked: Option<Checked>,
    /// A check is running (in the worker): its counts are not known yet.
    #[prop_or_default]
    pub checking: bool,
}

#[function_component]
pub fn Summary(props: &SummaryProps) -> Html {
    if props.checking {
        return html! {
            <section id="summary" class="summary checking" data-errors="" data-warnings="" data-infos="" data-template="" aria-live="polite" aria-busy="true">
                <p>{ "正在检查…" }</p>
            </section>
        };
    }
    let Some(checked) = &props.checked else {
        return html! {
            <section id="summary" class="summary empty" data-errors="" data-warnings="" data-infos="" data-template="" aria-live="polite">
                <p>{ "粘贴报告后会自动检查。" }</p>
            </section>
        };
    };
    let report = &checked.report;
    let counts = report.summary();
    let verdict = report.verdict();
    let (class, mark) = match verdict {
        Verdict::Passed => ("passed", "✔ "),
        Verdict::Failed => ("failed", "✖ "),
        Verdict::Unsure => ("unsure", "？ "),
    };
    let template = report.template.map_or("未识别", |t| t.id());
    let period = report
        .period
        .map(|(start, end, _)| format!("{start} 至 {end}"));
    html! {
        <section id="summary" class={classes!("summary", class)}
            data-errors={counts.errors.to_string()} data-warnings={counts.warnings.to_string()}
            data-infos={counts.infos.to_string()} data-template={report.template.map_or("", |t| t.id())}
            data-verdict={verdict.id()} aria-live="polite">
            <p class="verdict">
                <span aria-hidden="true">{ mark }</span>{ verdict_words(report) }
            </p>
            if let Some(unsure) = unsure_tables(report) {
                <p class="unsure-note">{ unsure }</p>
            }
            <dl class="facts">
                <div><dt>{ "模板" }</dt><dd>{ if report.template.is_some() { format!("{template} 格式") } else { template.to_string() } }</dd></div>
                <div><dt>{ "年度" }</dt><dd>{ report.report_year.map_or("不详".to_string(), |y| format!("{y} 年")) }</dd></div>
                <div><dt>{ "机关" }</dt><dd>{ report.agency.clone().unwrap_or_else(|| "不详".to_string()) }</dd></div>
                <div><dt>{ "统计期限" }</dt><dd>{ period.unwrap_or_else(|| "未写明".to_string()) }</dd></div>
            </dl>
            if checked.tables_from_paste > 0 {
                <p class="source-note" data-tables-from-paste={checked.tables_from_paste.to_string()}>
                    { if checked.grids_from_file { "表格按打开的文件中的表格读取" } else { "表格按粘贴的表格结构读取" } }
                </p>
            }
            <p class="counts">
                <span class="count error">{ format!("错误 {}", counts.errors) }</span>
                <span class="count warning">{ format!("警告 {}", counts.warnings) }</span>
                <span class="count info">{ format!("提示 {}", counts.infos) }</span>
            </p>
        </section>
    }
}
