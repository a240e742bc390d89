//! One file's row of the batch table: a component of its own, so that a long batch redraws only
//! the row that changed.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::Verdict;
use crate::output::summary::SummaryRow;
use crate::web::state::{Action, BatchFile, FileStatus};

/// The columns of a summary row ([`SummaryRow::fields`]) that the table shows after the file.
const AGENCY: usize = 1;
const YEAR: usize = 2;
const TEMPLATE: usize = 3;
const ERRORS: usize = 4;
const WARNINGS: usize = 5;
const INFOS: usize = 6;
const NOTE: usize = 7;

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

/// The row's `data-status`.
fn data_status(status: &FileStatus) -> &'static str {
    match status {
        FileStatus::Checked { .. } => "checked",
        FileStatus::Unreadable(_) => "unreadable",
        FileStatus::Reading | FileStatus::Read(_) => "waiting",
    }
}

/// The row's class: passed, failed or unsure once checked.
fn row_class(status: &FileStatus) -> &'static str {
    match status {
        FileStatus::Checked { .. } if status.has_verdict(Verdict::Failed) => "failed",
        FileStatus::Checked { .. } if status.has_verdict(Verdict::Unsure) => "unsure",
        FileStatus::Checked { .. } => "passed",
        other => data_status(other),
    }
}

#[function_component]
pub fn BatchRow(props: &BatchRowProps) -> Html {
    let index = props.index;
    let file = &props.file;
    let status = data_status(&file.status);
    let fields = file.status.row().map(SummaryRow::fields);
    let cell = |i: usize| fields.as_ref().map_or(String::new(), |f| f[i].clone());
    // A count in its severity's colour only when it is not 0.
    let count_class = |i: usize, severity: &'static str| {
        let zero = fields.as_ref().is_some_and(|f| f[i] == "0");
        classes!("number", "count", (!zero).then_some(severity))
    };
    let details = if status == "checked" {
        let open = props
            .dispatch
            .reform(move |_: MouseEvent| Action::BatchOpen(index));
        html! { <button type="button" class="secondary details" onclick={open}>{ "详情" }</button> }
    } else {
        html! {}
    };
    html! {
        <tr class={classes!("batch-row", row_class(&file.status))} data-index={index.to_string()} data-status={status}
            data-errors={cell(ERRORS)} data-warnings={cell(WARNINGS)} data-infos={cell(INFOS)} data-template={cell(TEMPLATE)}>
            <td class="file">{ &file.name }</td>
            <td>{ cell(AGENCY) }</td>
            <td class="number">{ cell(YEAR) }</td>
            <td class="number">{ cell(TEMPLATE) }</td>
            <td class={count_class(ERRORS, "error")}>{ cell(ERRORS) }</td>
            <td class={count_class(WARNINGS, "warning")}>{ cell(WARNINGS) }</td>
            <td class={count_class(INFOS, "info")}>{ cell(INFOS) }</td>
            <td class="note">{ if status == "waiting" { "正在检查…".to_string() } else { cell(NOTE) } }</td>
            <td>{ details }</td>
        </tr>
    }
}
