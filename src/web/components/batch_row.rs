//! One file's row of the batch table: a component of its own, so that a long batch redraws only
//! the row that changed.

use std::rc::Rc;

use yew::prelude::*;

use crate::web::state::{Action, BatchFile, FileStatus};

#[derive(Properties)]
pub struct BatchRowProps {
    pub index: usize,
    pub file: Rc<BatchFile>,
    pub dispatch: Callback<Action>,
}

/// A file that changed is a new one (see `Batch::files`).
impl PartialEq for BatchRowProps {
    fn eq(&self, other: &BatchRowProps) -> bool {
        self.index == other.index
            && Rc::ptr_eq(&self.file, &other.file)
            && self.dispatch == other.dispatch
    }
}

/// One file's row; a component of its own, so that a long batch redraws only the row that
/// changed.
#[function_component]
pub fn BatchRow(props: &BatchRowProps) -> Html {
    let index = props.index;
    let file = &props.file;
    let (class, fields, status) = match &file.status {
        FileStatus::Checked { row, .. } => {
            let class = if row.counts.is_some_and(|c| c.errors > 0) {
                "failed"
            } else {
                "passed"
            };
            (class, Some(row.fields()), "checked")
        }
        FileStatus::Unreadable(row) => ("unreadable", Some(row.fields()), "unreadable"),
        FileStatus::Reading | FileStatus::Read(_) => ("waiting", None, "waiting"),
    };
    let cell = |i: usize| fields.as_ref().map_or(String::new(), |f| f[i].clone());
    // A count in its severity's colour only when it is not 0.
    let count_class = |i: usize, severity: &'static str| {
        let zero = fields.as_ref().is_some_and(|f| f[i] == "0");
        classes!("number", "count", (!zero).then_some(severity))
    };
    let details = if status == "checked" {
        let dispatch = props.dispatch.clone();
        let open = Callback::from(move |_| dispatch.emit(Action::BatchOpen(index)));
        html! { <button type="button" class="secondary details" onclick={open}>{ "详情" }</button> }
    } else {
        html! {}
    };
    html! {
        <tr class={classes!("batch-row", class)} data-index={index.to_string()} data-status={status}
            data-errors={cell(4)} data-warnings={cell(5)} data-infos={cell(6)} data-template={cell(3)}>
            <td class="file">{ &file.name }</td>
            <td>{ cell(1) }</td>
            <td class="number">{ cell(2) }</td>
            <td class="number">{ cell(3) }</td>
            <td class={count_class(4, "error")}>{ cell(4) }</td>
            <td class={count_class(5, "warning")}>{ cell(5) }</td>
            <td class={count_class(6, "info")}>{ cell(6) }</td>
            <td class="note">{ if status == "waiting" { "正在检查…".to_string() } else { cell(7) } }</td>
            <td>{ details }</td>
        </tr>
    }
}
