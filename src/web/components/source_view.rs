//! The pasted text with line numbers; the lines findings point at are marked. Long reports
//! stay fast: only a window of lines around the selected finding is drawn.

use std::collections::BTreeMap;

use yew::prelude::*;

use super::findings::severity_mark;
use crate::model::Severity;
use crate::web::browser;
use crate::web::state::Checked;

/// Lines drawn at once.
const WINDOW: usize = 400;

#[derive(Properties, PartialEq)]
pub struct SourceViewProps {
    pub checked: Checked,
    pub selected: Option<usize>,
}

#[function_component]
pub fn SourceView(props: &SourceViewProps) -> Html {
    let report = &props.checked.report;
    let target = props
        .selected
        .and_then(|i| report.findings.get(i))
        .and_then(|f| f.line);

    // Show the selected finding's line once it is drawn. Looked up within the list, not the
    // document: the app may live in a shadow root.
    let list = use_node_ref();
    {
        let list = list.clone();
        use_effect_with(target, move |target| {
            let line = target.and_then(|line| {
                let list = list.cast::<web_sys::Element>()?;
                list.query_selector(&format!("#line-{line}")).ok().flatten()
            });
            if let Some(line) = line {
                browser::scroll_into_view(&line);
            }
        });
    }

    // Lines findings point at, with their most severe finding and the findings' numbers.
    let mut marked: BTreeMap<usize, (Severity, Vec<usize>)> = BTreeMap::new();
    for (index, finding) in report.findings.iter().enumerate() {
        if let Some(line) = finding.line {
            let entry = marked.entry(line).or_insert((finding.severity, Vec::new()));
            entry.0 = entry.0.min(finding.severity);
            entry.1.push(index);
        }
    }
    let lines: Vec<&str> = props.checked.text.split('\n').collect();
    let total = lines.len();
    let centre = target.unwrap_or(1);
    let first = centre
        .saturating_sub(WINDOW / 2)
        .max(1)
        .min(total.saturating_sub(WINDOW).max(1));
    let last = (first + WINDOW - 1).min(total);
    html! {
        <section class="source" aria-labelledby="source-title">
            <h2 id="source-title">{ "原文" }</h2>
            if first > 1 || last < total {
                <p class="window-note">{ format!("显示第{first}–{last}行，共{total}行；选择问题可跳到对应行。") }</p>
            }
            <ol class="source-lines" ref={list} start={first.to_string()}>
                { for (first..=last).map(|n| {
                    let text = lines[n - 1].trim_end_matches('\r');
                    let mark = marked.get(&n);
                    let current = target == Some(n);
                    html! {
                        <li id={format!("line-{n}")}
                            class={classes!(mark.map(|(s, _)| s.as_str()), current.then_some("current"), mark.is_some().then_some("marked"))}>
                            <span class="line-number" aria-hidden="true">{ n }</span>
                            <span class="line-text">{ if text.is_empty() { " " } else { text } }</span>
                            if let Some((severity, numbers)) = mark {
                                <span class="line-marks">
                                    { for numbers.iter().map(|i| {
                                        let (shape, word) = severity_mark(report.findings[*i].severity);
                                        html! { <span class="marker" title={word}>{ format!("{shape}{}", i + 1) }</span> }
                                    }) }
                                    <span class="visually-hidden">{ severity_mark(*severity).1 }</span>
                                </span>
                            }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
