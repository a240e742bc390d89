//! Tables 二, 三 and 四 drawn in the shape of the national form (its merged headers), one file
//! each. Every cell (`cells.rs`) shows the value read from the text; blank cells say 空; a cell a
//! finding concerns carries the finding's severity (colour and shape) and number, and its
//! messages as a tooltip.

mod active;
mod cells;
mod requests;
mod review;

use yew::prelude::*;

use crate::web::state::Checked;
use cells::Cells;

#[derive(Properties, PartialEq)]
pub struct TablesProps {
    pub checked: Checked,
    pub highlighted: Option<usize>,
}

#[function_component]
pub fn Tables(props: &TablesProps) -> Html {
    let report = &props.checked.report;
    let Some(template) = report.template else {
        return html! { <section class="tables"><p class="notice">{ "未识别出国家模板，无法绘制统计表。" }</p></section> };
    };
    let cells = Cells::new(report, props.highlighted);
    html! {
        <section class="tables" aria-label="统计表">
            { active::table(&cells, template) }
            { requests::table(&cells, template) }
            { review::table(&cells) }
        </section>
    }
}

/// Said over a table that was not read.
fn missing(name: &str) -> Html {
    html! { <p class="notice table-missing">{ format!("未能读出{name}：该表中的数字没有核对。") }</p> }
}
