//! 表二: the groups of 第二十条 with their own column headers.

use yew::prelude::*;

use super::cells::{at, Cells};
use super::missing;
use crate::model::template::Template;

/// A group of 表二: the item of 第二十条 it reports on, and its rows.
struct Group {
    title: &'static str,
    rows: &'static [&'static str],
}

const fn group(title: &'static str, rows: &'static [&'static str]) -> Group {
    Group { title, rows }
}

const Y2019: [Group; 5] = [
    group("第二十条第（一）项", &["regulations", "normative_docs"]),
    group("第二十条第（五）项", &["licensing", "other_services"]),
    group("第二十条第（六）项", &["penalty", "coercion"]),
    group("第二十条第（八）项", &["fees"]),
    group("第二十条第（九）项", &["procurement"]),
];

const Y2021: [Group; 4] = [
    group("第二十条第（一）项", &["regulations", "normative_docs"]),
    group("第二十条第（五）项", &["licensing"]),
    group("第二十条第（六）项", &["penalty", "coercion"]),
    group("第二十条第（八）项", &["fees"]),
];

/// The value columns every group spreads its own columns over.
const WIDTH: usize = 3;

/// How many of the [`WIDTH`] columns the `i`th of a row's `n` columns spans, in a group whose
/// first row has `group_cols`: an even share in a row of the group's columns (else one each),
/// the last taking what is left.
fn colspan(i: usize, n: usize, group_cols: usize) -> usize {
    let span = if n == group_cols { WIDTH / n.max(1) } else { 1 };
    if i + 1 == n {
        WIDTH - (n - 1) * span
    } else {
        span
    }
}

pub(super) fn table(cells: &Cells, template: Template) -> Html {
    let table = cells.report().tables.active.as_ref();
    let spec = template.active();
    let groups: &[Group] = match template {
        Template::Y2019 => &Y2019,
        Template::Y2021 => &Y2021,
    };
    html! {
        <div class="table-block">
            <h2>{ "表二　主动公开政府信息情况" }</h2>
            if table.is_none() { { missing("表二") } }
            <table class="form active">
                { for groups.iter().map(|group| {
                    let first = spec.row(group.rows[0]).map(|(_, r)| r);
                    let cols = first.map_or(&[][..], |r| r.cols);
                    html! {
                        <tbody>
                            <tr><th colspan={(WIDTH + 1).to_string()} class="group">{ group.title }</th></tr>
                            <tr>
                                <th scope="col">{ "信息内容" }</th>
                                { for cols.iter().enumerate().map(|(i, c)| {
                                    html! { <th scope="col" colspan={colspan(i, cols.len(), cols.len()).to_string()}>{ c.label }</th> }
                                }) }
                            </tr>
                            { for group.rows.iter().filter_map(|key| spec.row(key)).map(|(_, row)| html! {
                                <tr>
                                    <th scope="row">{ row.label }</th>
                                    { for row.cols.iter().enumerate().map(|(i, c)| {
                                        cells.cell(table, at("active", row.key, c.key), colspan(i, row.cols.len(), cols.len()))
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    }
                }) }
            </table>
        </div>
    }
}
