//! 「文本较长」: the note over a paste area that shows only the start of a long text (the
//! whole text is still what is checked, kept and exported), with 「显示全文并编辑」.

use yew::prelude::*;

use crate::web::state::{megabytes, Action};

#[derive(Properties, PartialEq)]
pub struct LongTextNoteProps {
    /// The whole text's size.
    pub bytes: usize,
    pub dispatch: Callback<Action>,
}

#[function_component]
pub fn LongTextNote(props: &LongTextNoteProps) -> Html {
    let on_show = props.dispatch.reform(|_: MouseEvent| Action::ShowWholeText);
    html! {
        <p class="long-text" id="long-text-note">
            { format!("文本较长（{}），为保持页面流畅，这里只显示开头部分；检查的是全文。", megabytes(props.bytes)) }
            <button type="button" id="show-whole-text" class="secondary" onclick={on_show}
                title="把全文放进输入框以便修改；文本这么长，页面会明显变慢">{ "显示全文并编辑" }</button>
        </p>
    }
}
