//! Exports made in the page: the findings as CSV (UTF-8 with BOM, so Excel opens it; each row
//! with the report's agency, year, verdict, the date and the version, see
//! `output::findings_csv`) and as the `CONTRACT.md` JSON, and a print view.

use yew::prelude::*;

use crate::output::findings_csv::{self, Checking};
use crate::web::browser;
use crate::web::state::Checked;

/// Checked today, by this build: what every exported row says.
pub fn checking_now(date: &str) -> Checking<'_> {
    Checking {
        date,
        version: env!("CARGO_PKG_VERSION"),
    }
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
            let today = browser::today();
            let csv = findings_csv::csv(&report, checking_now(&today));
            let _ = browser::download(
                &format!("{name}-检查结果.csv"),
                "text/csv;charset=utf-8",
                csv.as_bytes(),
            );
        })
    };
    let on_json = {
        let report = props.checked.report.clone();
        Callback::from(move |_| {
            // The JS API's object as text: the CLI's JSON without `file`.
            let json = crate::web::api::to_json(&report);
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
