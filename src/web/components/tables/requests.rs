//! 表三 in the form's shape: 申请人情况 over 自然人 / 法人或其他组织 (five kinds) / 总计, and
//! 三、本年度办理结果 spanning the result rows with their groups.

use yew::prelude::*;

use super::cells::{at, Cells};
use super::missing;
use crate::model::template::{RowSpec, TableSpec, Template};

/// A group of result rows under one heading (（三）…（六）), by the prefix of their keys.
struct Group {
    prefix: &'static str,
    title: &'static str,
}

const GROUPS: [Group; 4] = [
    Group {
        prefix: "denied.",
        title: "（三）不予公开",
    },
    Group {
        prefix: "unable.",
        title: "（四）无法提供",
    },
    Group {
        prefix: "ignored.",
        title: "（五）不予处理",
    },
    Group {
        prefix: "other.",
        title: "（六）其他处理",
    },
];

/// The text of a 表三 row's own label cell (its group is drawn separately).
fn item_label(key: &str, label: &'static str) -> &'static str {
    match key {
        "new" => "一、本年新收政府信息公开申请数量",
        "carried_over" => "二、上年结转政府信息公开申请数量",
        "partial" => "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "other.no_correction" => "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "other.no_fee" => {
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
        }
        "other.misc" => "3.其他",
        "carry_forward" => "四、结转下年度继续办理",
        _ if key.contains('.') => label.split_once('）').map_or(label, |(_, item)| item),
        _ => label,
    }
}

/// The column headers: 申请人情况 over 自然人, the five kinds of 法人或其他组织, and 总计.
fn head() -> Html {
    let social = "社会公益组织";
    html! {
        <thead>
            <tr>
                <th colspan="3" rowspan="3" class="note">{ "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" }</th>
                <th colspan="7">{ "申请人情况" }</th>
            </tr>
            <tr>
                <th rowspan="2" scope="col">{ "自然人" }</th>
                <th colspan="5">{ "法人或其他组织" }</th>
                <th rowspan="2" scope="col">{ "总计" }</th>
            </tr>
            <tr>
                <th scope="col">{ "商业企业" }</th><th scope="col">{ "科研机构" }</th>
                <th scope="col">{ social }</th><th scope="col">{ "法律服务机构" }</th><th scope="col">{ "其他" }</th>
            </tr>
        </thead>
    }
}

/// The label cells of a row: its own label, with the heading of its group on the group's first
/// row, and 三、本年度办理结果 on the first result row (spanning `results` rows).
fn row_heads(spec: &TableSpec, row: &RowSpec, results: usize) -> Html {
    let group = GROUPS.iter().find(|g| row.key.starts_with(g.prefix));
    let in_group = |g: &Group| {
        let prefix = g.prefix;
        spec.rows.iter().filter(move |r| r.key.starts_with(prefix))
    };
    let group_size = group.map_or(0, |g| in_group(g).count());
    let first_of_group =
        group.is_some_and(|g| in_group(g).next().is_some_and(|r| r.key == row.key));
    let label = item_label(row.key, row.label);
    match row.key {
        "new" | "carried_over" | "carry_forward" => {
            html! { <th colspan="3" scope="row">{ label }</th> }
        }
        "granted" => html! {
            <>
                <th rowspan={results.to_string()} class="results-group">{ "三、本年度办理结果" }</th>
                <th colspan="2" scope="row">{ "（一）予以公开" }</th>
            </>
        },
        "partial" | "total" | "other" => html! { <th colspan="2" scope="row">{ label }</th> },
        _ => html! {
            <>
                if first_of_group {
                    <th rowspan={group_size.to_string()}>{ group.map_or("", |g| g.title) }</th>
                }
                <th scope="row">{ label }</th>
            </>
        },
    }
}

pub(super) fn table(cells: &Cells, template: Template) -> Html {
    let table = cells.report().tables.requests.as_ref();
    // 表三 as read: its （六） may be of the other template's form.
    let spec = table.map_or(template.requests(), |t| t.spec);
    // （一）…（六） and （七）总计.
    let results = spec.column_sum().map_or(0, |sum| sum.parts.len()) + 1;
    html! {
        <div class="table-block">
            <h2>{ "表三　收到和处理政府信息公开申请情况" }</h2>
            if table.is_none() { { missing("表三") } }
            <table class="form requests">
                { head() }
                <tbody>
                    { for spec.rows.iter().map(|row| html! {
                        <tr data-row={row.key}>
                            { row_heads(spec, row, results) }
                            { for row.cols.iter().map(|c| cells.cell(table, at("requests", row.key, c.key), 1)) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
