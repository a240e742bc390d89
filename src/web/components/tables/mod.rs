//! Tables 二, 三 and 四 drawn in the shape of the national form (its merged headers). Every
//! cell shows the value read from the text; blank cells say 空; a cell a finding concerns
//! carries the finding's severity (colour and shape) and number, and its messages as a tooltip.

use std::collections::HashMap;

use yew::prelude::*;

use super::findings::severity_mark;
use crate::model::template::{Template, REVIEW_LITIGATION};
use crate::model::{CellRef, CellSource, Report, Severity, Table};
use crate::web::state::Checked;

/// For each cell, the findings (by index) that concern it.
type CellFindings = HashMap<(&'static str, &'static str, &'static str), Vec<usize>>;

fn cell_findings(report: &Report) -> CellFindings {
    let mut map: CellFindings = HashMap::new();
    for (index, finding) in report.findings.iter().enumerate() {
        for c in &finding.cells {
            map.entry((c.table, c.row, c.col)).or_default().push(index);
        }
    }
    map
}

struct Ctx<'a> {
    report: &'a Report,
    findings: CellFindings,
    highlighted: Option<usize>,
}

impl Ctx<'_> {
    /// One cell of a table, with its hooks (`data-table`, `data-row`, `data-col`,
    /// `data-severity`) and markers.
    fn cell(&self, table: Option<&Table>, at: CellRef, colspan: usize) -> Html {
        let cell = table.and_then(|t| t.cell(at.row, at.col));
        let (text, state) = match cell {
            None => ("缺".to_string(), "missing"),
            Some(c) => match (c.source, c.value) {
                (CellSource::Unreadable, _) => ("？".to_string(), "unreadable"),
                (CellSource::Reconstructed, Some(value)) => (value.to_string(), "reconstructed"),
                (_, Some(value)) => (value.to_string(), "value"),
                (_, None) => ("空".to_string(), "blank"),
            },
        };
        let indices = self
            .findings
            .get(&(at.table, at.row, at.col))
            .cloned()
            .unwrap_or_default();
        let severity: Option<Severity> = indices
            .iter()
            .map(|&i| self.report.findings[i].severity)
            .min();
        let highlighted = self.highlighted.is_some_and(|h| indices.contains(&h));
        let title = indices
            .iter()
            .map(|&i| format!("{}. {}", i + 1, self.report.findings[i].message))
            .collect::<Vec<_>>()
            .join("\n");
        let line = cell.map(|c| c.line.to_string());
        html! {
            <td class={classes!("cell", state, severity.map(|s| s.as_str()), highlighted.then_some("highlighted"))}
                colspan={(colspan > 1).then(|| colspan.to_string())}
                data-table={at.table} data-row={at.row} data-col={at.col}
                data-severity={severity.map(|s| s.as_str())}
                data-line={line}
                title={(!title.is_empty()).then_some(title)}>
                <span class="value">{ text }</span>
                if state == "reconstructed" {
                    <span class="reconstructed-mark" title="原文数字连在一起，按表内合计关系拆出">{ "拆" }</span>
                }
                { for indices.iter().map(|&i| {
                    let (shape, word) = severity_mark(self.report.findings[i].severity);
                    html! { <sup class="marker" aria-label={format!("{word}{}", i + 1)}>{ format!("{shape}{}", i + 1) }</sup> }
                }) }
            </td>
        }
    }
}

fn at(table: &'static str, row: &'static str, col: &'static str) -> CellRef {
    CellRef { table, row, col }
}

#[derive(Properties, PartialEq)]
pub struct TablesProps {
    pub checked: Checked,
    pub highlighted: Option<usize>,
}

#[function_component]
pub fn Tables(props: &TablesProps) -> Html {
    let report = &props.checked.report;
    let Some(template) = report.template else {
        return html! { <section class="tables"><p class="notice">{ "未识别出国家模板，无法绘制统计表。" }</p></section> };
    };
    let ctx = Ctx {
        report,
        findings: cell_findings(report),
        highlighted: props.highlighted,
    };
    html! {
        <section class="tables" aria-label="统计表">
            { active_table(&ctx, template) }
            { requests_table(&ctx, template) }
            { review_table(&ctx) }
        </section>
    }
}

fn missing(name: &str) -> Html {
    html! { <p class="notice table-missing">{ format!("未能读出{name}：该表中的数字没有核对。") }</p> }
}

/// 表二: the groups of 第二十条 with their own column headers.
fn active_table(ctx: &Ctx, template: Template) -> Html {
    let table = ctx.report.tables.active.as_ref();
    let spec = template.active();
    let groups: &[(&str, &[&str])] = match template {
        Template::Y2019 => &[
            ("第二十条第（一）项", &["regulations", "normative_docs"]),
            ("第二十条第（五）项", &["licensing", "other_services"]),
            ("第二十条第（六）项", &["penalty", "coercion"]),
            ("第二十条第（八）项", &["fees"]),
            ("第二十条第（九）项", &["procurement"]),
        ],
        Template::Y2021 => &[
            ("第二十条第（一）项", &["regulations", "normative_docs"]),
            ("第二十条第（五）项", &["licensing"]),
            ("第二十条第（六）项", &["penalty", "coercion"]),
            ("第二十条第（八）项", &["fees"]),
        ],
    };
    let width = 3;
    html! {
        <div class="table-block">
            <h2>{ "表二　主动公开政府信息情况" }</h2>
            if table.is_none() { { missing("表二") } }
            <table class="form active">
                { for groups.iter().map(|(title, rows)| {
                    let first = spec.row(rows[0]).map(|(_, r)| r);
                    let cols = first.map_or(&[][..], |r| r.cols);
                    let span = |n: usize| if n == cols.len() { width / n.max(1) } else { 1 };
                    html! {
                        <tbody>
                            <tr><th colspan={(width + 1).to_string()} class="group">{ *title }</th></tr>
                            <tr>
                                <th scope="col">{ "信息内容" }</th>
                                { for cols.iter().enumerate().map(|(i, c)| {
                                    let colspan = if i + 1 == cols.len() { width - (cols.len() - 1) * span(cols.len()) } else { span(cols.len()) };
                                    html! { <th scope="col" colspan={colspan.to_string()}>{ c.label }</th> }
                                }) }
                            </tr>
                            { for rows.iter().filter_map(|key| spec.row(key)).map(|(_, row)| html! {
                                <tr>
                                    <th scope="row">{ row.label }</th>
                                    { for row.cols.iter().enumerate().map(|(i, c)| {
                                        let colspan = if i + 1 == row.cols.len() { width - (row.cols.len() - 1) * span(row.cols.len()) } else { span(row.cols.len()) };
                                        ctx.cell(table, at("active", row.key, c.key), colspan)
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

/// 表三 in the form's shape: 申请人情况 over 自然人 / 法人或其他组织 (five kinds) / 总计, and
/// 三、本年度办理结果 spanning the result rows with their groups.
fn requests_table(ctx: &Ctx, template: Template) -> Html {
    let table = ctx.report.tables.requests.as_ref();
    let spec = template.requests();
    // （一）…（六） and （七）总计.
    let results = spec.column_sum().map_or(0, |sum| sum.parts.len()) + 1;
    let groups = [
        ("denied.", "（三）不予公开"),
        ("unable.", "（四）无法提供"),
        ("ignored.", "（五）不予处理"),
        ("other.", "（六）其他处理"),
    ];
    let social = "社会公益组织";
    html! {
        <div class="table-block">
            <h2>{ "表三　收到和处理政府信息公开申请情况" }</h2>
            if table.is_none() { { missing("表三") } }
            <table class="form requests">
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
                <tbody>
                    { for spec.rows.iter().map(|row| {
                        let group = groups.iter().find(|(prefix, _)| row.key.starts_with(prefix));
                        let group_size = group.map_or(0, |(prefix, _)| spec.rows.iter().filter(|r| r.key.starts_with(prefix)).count());
                        let first_of_group = group.is_some_and(|(prefix, _)| {
                            spec.rows.iter().find(|r| r.key.starts_with(prefix)).is_some_and(|r| r.key == row.key)
                        });
                        let label = item_label(row.key, row.label);
                        let heads = match row.key {
                            "new" | "carried_over" | "carry_forward" => html! { <th colspan="3" scope="row">{ label }</th> },
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
                                        <th rowspan={group_size.to_string()}>{ group.map_or("", |g| g.1) }</th>
                                    }
                                    <th scope="row">{ label }</th>
                                </>
                            },
                        };
                        html! {
                            <tr data-row={row.key}>
                                { heads }
                                { for row.cols.iter().map(|c| ctx.cell(table, at("requests", row.key, c.key), 1)) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// 表四: 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉), each 维持/纠正/其他/尚未审结/总计.
fn review_table(ctx: &Ctx) -> Html {
    let table = ctx.report.tables.review_litigation.as_ref();
    let spec = &REVIEW_LITIGATION;
    let cols = spec.rows[0].cols;
    html! {
        <div class="table-block">
            <h2>{ "表四　政府信息公开行政复议、行政诉讼情况" }</h2>
            if table.is_none() { { missing("表四") } }
            <table class="form review">
                <thead>
                    <tr>
                        <th colspan="5">{ "行政复议" }</th>
                        <th colspan="10">{ "行政诉讼" }</th>
                    </tr>
                    <tr>
                        { for cols.iter().map(|c| html! { <th rowspan="2" scope="col">{ c.label }</th> }) }
                        <th colspan="5">{ "未经复议直接起诉" }</th>
                        <th colspan="5">{ "复议后起诉" }</th>
                    </tr>
                    <tr>
                        { for (0..2).flat_map(|_| cols.iter()).map(|c| html! { <th scope="col">{ c.label }</th> }) }
                    </tr>
                </thead>
                <tbody>
                    <tr>
                        { for spec.rows.iter().flat_map(|row| row.cols.iter().map(move |c| (row, c))).map(|(row, c)| {
                            ctx.cell(table, at("review_litigation", row.key, c.key), 1)
                        }) }
                    </tr>
                </tbody>
            </table>
        </div>
    }
}
