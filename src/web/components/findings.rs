//! The findings, by family, then grouped by rule and table (`state/groups.rs`): a rule that
//! fires once is one card; one that fires many times on one table is one card with a count,
//! whose findings open beneath it. Every card names its rule in Chinese, with the id small
//! beside it, and opens the rule's help in place (from the registry, put into the page by the
//! build: there offline and in the one-file copy). Selecting a finding highlights its cells
//! and shows its line.

use yew::prelude::*;

use crate::model::{Finding, Rule, Severity};
use crate::web::page_data;
use crate::web::state::{grouped, Action, Checked, Group};

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

/// A group, by its rule and table, as 「显示其余 N 条」 remembers it.
type GroupKey = (Rule, Option<&'static str>);

/// The rule's Chinese title, with its id small beside it (the id alone on a page without
/// the help).
fn rule_name(rule: Rule) -> Html {
    html! {
        <span class="rule-name">
            if let Some(help) = page_data::rule_help(rule) {
                <span class="rule-title">{ help.title }</span>
            }
            <code class="rule">{ rule.id() }</code>
        </span>
    }
}

/// The four parts of a rule's help, in the order of `www/rule-help.txt`.
const HELP_PARTS: [&str; 4] = ["检查什么", "为什么", "出错的例子", "怎么改"];

/// The rule's help, opened in place: what it checks, why, an example, how to fix it. It is
/// the registry's (`www/rule-help.txt`, generated and put into the page by the build).
fn rule_help(rule: Rule) -> Html {
    let Some(help) = page_data::rule_help(rule) else {
        return Html::default();
    };
    html! {
        <details class="rule-help" data-rule={rule.id()}>
            <summary>{ "这条规则查什么、怎么改" }</summary>
            <dl>
                { for HELP_PARTS.iter().zip(help.parts).map(|(heading, text)| html! {
                    <><dt>{ *heading }</dt><dd>{ text }</dd></>
                }) }
            </dl>
        </details>
    }
}

/// One finding, numbered from 1; a button that selects it (or, selected, lets it go) and
/// highlights its cells while it is under the pointer or focused. Alone it names its rule;
/// in a group the group does.
fn item(
    index: usize,
    finding: &Finding,
    alone: bool,
    selected: Option<usize>,
    dispatch: &Callback<Action>,
) -> Html {
    let SeverityMark { shape, word } = severity_mark(finding.severity);
    let selected = selected == Some(index);
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
                if alone {
                    { rule_name(finding.rule) }
                }
                <span class="message">{ &finding.message }</span>
                if let Some(line) = finding.line {
                    <span class="line">{ format!("第{line}行") }</span>
                }
            </button>
            if alone {
                { rule_help(finding.rule) }
            }
        </li>
    }
}

/// What a group holds besides the findings it lists: the zero rows it only counts, and the
/// findings not drawn yet.
fn group_tail(group: &Group, on_show_rest: Callback<MouseEvent>) -> Html {
    html! {
        <>
            if group.zero_rows > 0 {
                <p class="zero-rows">
                    { format!("另有 {} 行全为 0，按表内合计拆开，不逐条列出。", group.zero_rows) }
                </p>
            }
            if group.hidden() > 0 {
                <button type="button" class="secondary show-rest" onclick={on_show_rest}>
                    { format!("显示其余 {} 条", group.hidden()) }
                </button>
            }
        </>
    }
}

/// Groups this small are open at first: closing them saves no room worth a click.
const OPEN_UP_TO: usize = 3;

/// A rule that fires more than once on one table: one card with the count; its findings
/// open beneath it (already open when it is small, or the selected finding is one of them).
fn group_card(group: &Group, props: &FindingListProps, on_show_rest: Callback<MouseEvent>) -> Html {
    let findings = &props.checked.report.findings;
    let severity = group.rule.severity();
    let SeverityMark { shape, word } = severity_mark(severity);
    let open =
        group.count() <= OPEN_UP_TO || props.selected.is_some_and(|i| group.listed.contains(&i));
    html! {
        <li class={classes!("finding-group", severity.as_str())} data-rule={group.rule.id()}
            data-count={group.count().to_string()} data-zero-rows={group.zero_rows.to_string()}>
            <details class="group-findings" {open}>
                <summary>
                    <span class="severity"><span aria-hidden="true">{ shape }</span>{ word }</span>
                    { rule_name(group.rule) }
                    <span class="group-count">{ format!("共 {} 处", group.count()) }</span>
                </summary>
                <ul>
                    { for group.listed[..group.shown].iter().map(|&i| item(i, &findings[i], false, props.selected, &props.dispatch)) }
                </ul>
                { group_tail(group, on_show_rest) }
            </details>
            { rule_help(group.rule) }
        </li>
    }
}

#[function_component]
pub fn FindingList(props: &FindingListProps) -> Html {
    let expanded = use_state(Vec::<GroupKey>::new);
    let findings = &props.checked.report.findings;
    if findings.is_empty() {
        return html! {
            <section class="findings" aria-labelledby="findings-title">
                <h2 id="findings-title">{ "发现的问题" }</h2>
                <p class="none">{ "没有发现问题。" }</p>
            </section>
        };
    }
    let card = |group: &Group| {
        if group.count() == 1 && group.shown == 1 {
            let index = group.listed[0];
            return item(
                index,
                &findings[index],
                true,
                props.selected,
                &props.dispatch,
            );
        }
        let key = (group.rule, group.table);
        let expanded = expanded.clone();
        let on_show_rest = Callback::from(move |_: MouseEvent| {
            let mut keys = (*expanded).clone();
            keys.push(key);
            expanded.set(keys);
        });
        group_card(group, props, on_show_rest)
    };
    html! {
        <section class="findings" aria-labelledby="findings-title">
            <h2 id="findings-title">{ format!("发现的问题（{}）", findings.len()) }</h2>
            { for grouped(&props.checked.report, &expanded).iter().map(|family| html! {
                <div class="family">
                    <h3>{ format!("{}（{}）", family.name, family.count()) }</h3>
                    <ul>{ for family.groups.iter().map(card) }</ul>
                </div>
            }) }
        </section>
    }
}
