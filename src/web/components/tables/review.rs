//! 表四: 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉), each 维持/纠正/其他/尚未审结/总计.

use yew::prelude::*;

use super::cells::{at, Cells};
use super::missing;
use crate::model::template::REVIEW_LITIGATION;

pub(super) fn table(cells: &Cells) -> Html {
    let table = cells.report().tables.review_litigation.as_ref();
    let spec = &REVIEW_LITIGATION;
    let cols = spec.rows[0].cols;
    html! {
        <div class="table-block">
            <h2>{ "表四　政府信息公开行政复议、行政诉讼情况" }</h2>
            if table.is_none() { { missing("表四") } }
            <table class="form review">
                <thead>
                    <tr>
                        <th colspan="5">{ "行政复议" }</th>
                        <th colspan="10">{ "行政诉讼" }</th>
                    </tr>
                    <tr>
                        { for cols.iter().map(|c| html! { <th rowspan="2" scope="col">{ c.label }</th> }) }
                        <th colspan="5">{ "未经复议直接起诉" }</th>
                        <th colspan="5">{ "复议后起诉" }</th>
                    </tr>
                    <tr>
                        { for (0..2).flat_map(|_| cols.iter()).map(|c| html! { <th scope="col">{ c.label }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    <tr>
                        { for spec.rows.iter().flat_map(|row| row.cols.iter().map(move |c| (row, c))).map(|(row, c)| {
                            cells.cell(table, at("review_litigation", row.key, c.key), 1)
                        }) }
                    </tr>
                </tbody>
            </table>
        </div>
    }
}
