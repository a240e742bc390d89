//! Above a report opened from the batch table: which one it is, the way back, and 上一份 /
//! 下一份 to go through the batch's reports without going back each time.

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
    // Files that could not be read have no report: 上一份 and 下一份 pass over them.
    let step = |target: Option<usize>, id: &'static str, label: &'static str| {
        let onclick = props
            .dispatch
            .reform(move |_: MouseEvent| Action::BatchOpen(target.unwrap_or(index)));
        html! {
            <button type="button" class="secondary" id={id} onclick={onclick} disabled={target.is_none()}>{ label }</button>
        }
    };
    html! {
        <nav class="batch-bar" aria-label="批量检查">
            <button type="button" id="batch-back" onclick={on_back}>{ "← 返回批量结果" }</button>
            { step(batch.checked_before(index), "batch-previous", "上一份") }
            <span class="batch-current">{ format!("第 {}/{} 份：{name}", index + 1, batch.files.len()) }</span>
            { step(batch.checked_after(index), "batch-next", "下一份") }
        </nav>
    }
}
