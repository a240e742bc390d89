//! The pasted text with line numbers; the lines findings point at are marked, and the selected
//! finding's number is marked within its line. Selecting a finding scrolls this pane, not the
//! page. Long reports stay fast: only a window of lines around the selected finding is drawn.

use std::ops::Range;

use yew::prelude::*;

use super::findings::severity_mark;
use crate::model::{Report, Severity};
use crate::text::sort;
use crate::web::browser;
use crate::web::state::Checked;

/// Lines drawn at once.
const WINDOW: usize = 400;

#[derive(Properties, PartialEq)]
pub struct SourceViewProps {
    pub checked: Checked,
    pub selected: Option<usize>,
}

/// The findings that point at a line: their numbers, and the most severe of them.
struct LineMarks {
    severity: Severity,
    findings: Vec<usize>,
}

/// The lines findings point at, by line number (a sorted list: no map code in the wasm).
fn marked_lines(report: &Report) -> Vec<(usize, LineMarks)> {
    let mut pointed: Vec<(usize, usize)> = report
        .findings
        .iter()
        .enumerate()
        .filter_map(|(index, finding)| Some((finding.line?, index)))
        .collect();
    sort::sort_by_key(&mut pointed, |&(line, _)| line as u128);
    let mut marked: Vec<(usize, LineMarks)> = Vec::new();
    for (line, index) in pointed {
        let severity = report.findings[index].severity;
        match marked.last_mut() {
            Some((last, marks)) if *last == line => {
                marks.severity = marks.severity.min(severity);
                marks.findings.push(index);
            }
            _ => marked.push((
                line,
                LineMarks {
                    severity,
                    findings: vec![index],
                },
            )),
        }
    }
    marked
}

/// The marks of line `n`, if findings point at it.
fn marks_of(marked: &[(usize, LineMarks)], n: usize) -> Option<&LineMarks> {
    let at = marked.binary_search_by_key(&n, |&(line, _)| line).ok()?;
    Some(&marked[at].1)
}

/// The first and last lines drawn (from 1): [`WINDOW`] lines around `centre`, within `total`.
struct Window {
    first: usize,
    last: usize,
}

impl Window {
    fn around(centre: usize, total: usize) -> Window {
        let first = centre
            .saturating_sub(WINDOW / 2)
            .max(1)
            .min(total.saturating_sub(WINDOW).max(1));
        Window {
            first,
            last: (first + WINDOW - 1).min(total),
        }
    }
}

/// Scrolls the list to the line `target` once it is drawn (to the number marked in it, if
/// any), inside the list's own box: the window does not move, so the finding clicked stays
/// under the pointer (moving it would also put another finding there, highlighting its cells).
/// Looked up within `list`, not the document: the app may live in a shadow root.
#[hook]
fn use_scroll_to_line(list: NodeRef, target: Option<usize>) {
    use_effect_with(target, move |target| {
        let Some(list) = list.cast::<web_sys::Element>() else {
            return;
        };
        let found = |selector: String| list.query_selector(&selector).ok().flatten();
        let shown = target.and_then(|line| {
            found(format!("#line-{line} mark")).or_else(|| found(format!("#line-{line}")))
        });
        if let Some(shown) = shown {
            browser::scroll_within(&list, &shown);
        }
    });
}

/// A line's text, with `number` (bytes of the line) in a `<mark>`.
fn line_text(text: &str, number: Option<&Range<usize>>) -> Html {
    let parts = number.and_then(|n| {
        Some((
            text.get(..n.start)?,
            text.get(n.clone())?,
            text.get(n.end..)?,
        ))
    });
    let (before, number, after) =
        parts.unwrap_or((if text.is_empty() { " " } else { text }, "", ""));
    html! {
        <span class="line-text">
            { before }
            if !number.is_empty() { <mark class="number">{ number }</mark> }
            { after }
        </span>
    }
}

/// Line `n` of the text, with the marks of the findings that point at it; `number`: the bytes
/// of the selected finding's number in it.
fn line(
    n: usize,
    text: &str,
    marks: Option<&LineMarks>,
    current: bool,
    number: Option<&Range<usize>>,
    report: &Report,
) -> Html {
    let text = text.trim_end_matches('\r');
    html! {
        <li id={format!("line-{n}")}
            class={classes!(marks.map(|m| m.severity.as_str()), current.then_some("current"), marks.is_some().then_some("marked"))}>
            <span class="line-number" aria-hidden="true">{ n }</span>
            { line_text(text, number) }
            if let Some(marks) = marks {
                <span class="line-marks">
                    { for marks.findings.iter().map(|i| {
                        let mark = severity_mark(report.findings[*i].severity);
                        html! { <span class="marker" title={mark.word}>{ format!("{}{}", mark.shape, i + 1) }</span> }
                    }) }
                    <span class="visually-hidden">{ severity_mark(marks.severity).word }</span>
                </span>
            }
        </li>
    }
}

#[function_component]
pub fn SourceView(props: &SourceViewProps) -> Html {
    let report = &props.checked.report;
    let target = props
        .selected
        .and_then(|i| report.findings.get(i))
        .and_then(|f| f.line);
    let list = use_node_ref();
    use_scroll_to_line(list.clone(), target);

    // The selected finding's number, marked within its line (else the line alone is marked).
    let number = props.selected.and_then(|i| props.checked.span_on_line(i));
    let number_on = |n: usize| number.as_ref().filter(|s| s.line == n).map(|s| &s.bytes);
    let marked = marked_lines(report);
    let lines: Vec<&str> = props.checked.text.split('\n').collect();
    let total = lines.len();
    let Window { first, last } = Window::around(target.unwrap_or(1), total);
    html! {
        <section class="source" aria-labelledby="source-title">
            <h2 id="source-title">{ "原文" }</h2>
            if first > 1 || last < total {
                <p class="window-note">{ format!("显示第{first}–{last}行，共{total}行；选择问题可跳到对应行。") }</p>
            }
            <ol class="source-lines" ref={list} start={first.to_string()}>
                { for (first..=last).map(|n| line(n, lines[n - 1], marks_of(&marked, n), target == Some(n), number_on(n), report)) }
            </ol>
        </section>
    }
}
