//! 「文本较长」: the note over a paste area that shows only the start of a long text (the
//! whole text is still what is checked, kept and exported), with 「显示全文并编辑」.

use yew::prelude::*;

use crate::web::state::Action;

/// Characters of a long text shown in the paste area: about 60 KB of Chinese, which the
/// browser lays out in about 0.1 s.
pub const SHOWN_CHARS: usize = 20_000;

/// The start of `text` that is shown: its first [`SHOWN_CHARS`] characters.
pub fn start_of(text: &str) -> &str {
    let end = text
        .char_indices()
        .nth(SHOWN_CHARS)
        .map_or(text.len(), |(at, _)| at);
    &text[..end]
}

/// A size in MB of 1024 × 1024 bytes, as the 5 MB limit counts them.
pub fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

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
