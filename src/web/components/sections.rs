//! The six sections: found (with their line) or missing.

use yew::prelude::*;

use crate::text::numerals::section_heading;
use crate::web::state::Checked;

#[derive(Properties, PartialEq)]
pub struct SectionOutlineProps {
    pub checked: Checked,
}

#[function_component]
pub fn SectionOutline(props: &SectionOutlineProps) -> Html {
    let sections = &props.checked.report.sections;
    html! {
        <section class="sections" aria-labelledby="sections-title">
            <h2 id="sections-title">{ "六个部分" }</h2>
            <ol>
                { for (1..=6u8).map(|n| {
                    let found = sections.iter().find(|s| s.number == n);
                    let title = section_heading(n);
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
