//! The findings, grouped by family; selecting one highlights its cells and shows its line.

use yew::prelude::*;

use crate::model::{Family, Finding, Severity};
use crate::web::state::{Action, Checked};

/// The families of the list, in order.
const FAMILIES: [&str; 7] = [
    "结构",
    "表三",
    "表四",
    "表二",
    "文字与表格",
    "日期",
    "跨年核对",
];

/// Which family a finding belongs to: by its rule, or by its cells for `value.*`.
pub fn family(finding: &Finding) -> &'static str {
    match (
        finding.rule.family(),
        finding.cells.first().map(|c| c.table),
    ) {
        (Family::Value, Some("requests")) => Family::Requests.chinese(),
        (Family::Value, Some("review_litigation")) => Family::ReviewLitigation.chinese(),
        (Family::Value, _) => Family::Structure.chinese(),
        (family, _) => family.chinese(),
    }
}

/// A severity shown by a shape and in words, never by colour alone.
pub struct SeverityMark {
    pub shape: &'static str,
    pub word: &'static str,
}

pub fn severity_mark(severity: Severity) -> SeverityMark {
    let (shape, word) = match severity {
        Severity::Error => ("✖", "错误"),
        Severity::Warning => ("▲", "警告"),
        Severity::Info => ("ℹ", "提示"),
    };
    SeverityMark { shape, word }
}

#[derive(Properties, PartialEq)]
pub struct FindingListProps {
    pub checked: Checked,
    pub selected: Option<usize>,
    pub dispatch: Callback<Action>,
}

/// One finding of the list, numbered from 1; a button that selects it (or, selected, lets it
/// go) and highlights its cells while it is under the pointer or focused.
fn item(index: usize, finding: &Finding, selected: bool, dispatch: &Callback<Action>) -> Html {
    let SeverityMark { shape, word } = severity_mark(finding.severity);
    let on_click = dispatch
        .reform(move |_: MouseEvent| Action::Select(if selected { None } else { Some(index) }));
    let on_enter = dispatch.reform(move |_: MouseEvent| Action::Hover(Some(index)));
    let on_leave = dispatch.reform(|_: MouseEvent| Action::Hover(None));
    let on_focus = dispatch.reform(move |_: FocusEvent| Action::Hover(Some(index)));
    let on_blur = dispatch.reform(|_: FocusEvent| Action::Hover(None));
    html! {
        <li class={classes!("finding", finding.severity.as_str(), selected.then_some("selected"))}
            data-rule={finding.rule.id()} data-severity={finding.severity.as_str()} data-index={index.to_string()}>
            <button type="button" aria-pressed={selected.to_string()} onclick={on_click}
                onmouseenter={on_enter} onmouseleave={on_leave}
                onfocus={on_focus} onblur={on_blur}>
                <span class="finding-number">{ index + 1 }</span>
                <span class="severity"><span aria-hidden="true">{ shape }</span>{ word }</span>
                <span class="message">{ &finding.message }</span>
                if let Some(line) = finding.line {
                    <span class="line">{ format!("第{line}行") }</span>
                }
                <code class="rule">{ finding.rule.id() }</code>
            </button>
        </li>
    }
}

#[function_component]
pub fn FindingList(props: &FindingListProps) -> Html {
    let findings = &props.checked.report.findings;
    if findings.is_empty() {
        return html! {
            <section class="findings" aria-labelledby="findings-title">
                <h2 id="findings-title">{ "发现的问题" }</h2>
                <p class="none">{ "没有发现问题。" }</p>
            </section>
        };
    }
    let family_of = |name: &str| {
        let members: Vec<(usize, &Finding)> = findings
            .iter()
            .enumerate()
            .filter(|(_, f)| family(f) == name)
            .collect();
        (!members.is_empty()).then(|| html! {
            <div class="family">
                <h3>{ format!("{name}（{}）", members.len()) }</h3>
                <ul>{ for members.into_iter().map(|(i, f)| item(i, f, props.selected == Some(i), &props.dispatch)) }</ul>
            </div>
        })
    };
    html! {
        <section class="findings" aria-labelledby="findings-title">
            <h2 id="findings-title">{ format!("发现的问题（{}）", findings.len()) }</h2>
            { for FAMILIES.iter().filter_map(|name| family_of(name)) }
        </section>
    }
}
