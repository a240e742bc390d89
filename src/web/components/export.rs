//! Exports made in the page: the findings as CSV (UTF-8 with BOM, so Excel opens it) and as
//! the `CONTRACT.md` JSON, and a print view.

use yew::prelude::*;

use super::findings::family;
use crate::model::Report;
use crate::output::summary::csv_line;
use crate::web::browser;
use crate::web::state::Checked;

/// Every finding as one CSV row: number, family, severity, rule, line, cells, message.
pub fn findings_csv(report: &Report) -> String {
    let mut out = String::from("\u{feff}序号,类别,级别,规则,行,单元格,说明\r\n");
    for (index, f) in report.findings.iter().enumerate() {
        let cells: Vec<String> = f
            .cells
            .iter()
            .map(|c| format!("{}.{}.{}", c.table, c.row, c.col))
            .collect();
        let row = [
            (index + 1).to_string(),
            family(f).to_string(),
            f.severity.chinese().to_string(),
            f.rule.id().to_string(),
            f.line.map_or(String::new(), |l| l.to_string()),
            cells.join(" "),
            f.message.clone(),
        ];
        out.push_str(&csv_line(&row));
    }
    out
}

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub checked: Checked,
}

#[function_component]
pub fn Export(props: &ExportProps) -> Html {
    let name = props
        .checked
        .report
        .agency
        .clone()
        .unwrap_or_else(|| "年报".to_string());
    let on_csv = {
        let report = props.checked.report.clone();
        let name = name.clone();
        Callback::from(move |_| {
            let _ = browser::download(
                &format!("{name}-检查结果.csv"),
                "text/csv;charset=utf-8",
                findings_csv(&report).as_bytes(),
            );
        })
    };
    let on_json = {
        let report = props.checked.report.clone();
        Callback::from(move |_| {
            let json = crate::output::json::to_string(None, &report);
            let _ = browser::download(
                &format!("{name}-检查结果.json"),
                "application/json",
                json.as_bytes(),
            );
        })
    };
    html! {
        <section class="export" aria-label="导出">
            <button type="button" id="export-csv" onclick={on_csv}>{ "导出 CSV" }</button>
            <button type="button" id="export-json" onclick={on_json}>{ "导出 JSON" }</button>
            <button type="button" id="print" onclick={Callback::from(|_| browser::print())}>{ "打印" }</button>
        </section>
    }
}
