//! Above a report opened from the batch table: which one it is, and the way back.

use yew::prelude::*;

use super::batch_table::BatchProps;
use crate::web::state::Action;

#[function_component]
pub fn BatchBar(props: &BatchProps) -> Html {
    let batch = &props.batch;
    let Some(index) = batch.viewing else {
        return html! {};
    };
    let name = batch.files.get(index).map_or("", |f| f.name.as_str());
    let on_back = props.dispatch.reform(|_: MouseEvent| Action::BatchBack);
    html! {
        <nav class="batch-bar" aria-label="批量检查">
            <button type="button" id="batch-back" onclick={on_back}>{ "← 返回批量结果" }</button>
            <span class="batch-current">{ format!("第 {}/{} 份：{name}", index + 1, batch.files.len()) }</span>
        </nav>
    }
}
