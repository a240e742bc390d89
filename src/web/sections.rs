//! The six sections: found (with their line) or missing.

use yew::prelude::*;

use super::state::Checked;
use crate::locate::SECTION_TITLES;

#[derive(Properties, PartialEq)]
pub struct SectionOutlineProps {
    pub checked: Checked,
}

const NUMERALS: [&str; 6] = ["一", "二", "三", "四", "五", "六"];

#[function_component]
pub fn SectionOutline(props: &SectionOutlineProps) -> Html {
    let sections = &props.checked.report.sections;
    html! {
        <section class="sections" aria-labelledby="sections-title">
            <h2 id="sections-title">{ "六个部分" }</h2>
            <ol>
                { for (1..=6u8).map(|n| {
                    let found = sections.iter().find(|s| s.number == n);
                    let title = format!("{}、{}", NUMERALS[n as usize - 1], SECTION_TITLES[n as usize - 1]);
                    match found {
                        Some(s) => html! {
                            <li class="found"><span aria-hidden="true">{ "✔ " }</span>{ title }
                                <span class="line">{ format!("第{}行", s.line) }</span></li>
                        },
                        None => html! {
                            <li class="missing"><span aria-hidden="true">{ "✖ " }</span>{ title }
                                <span class="line">{ "缺失" }</span></li>
                        },
                    }
                }) }
            </ol>
        </section>
    }
}
