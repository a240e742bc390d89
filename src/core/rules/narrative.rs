//! `narrative.mismatch`: a number the text states about the tables disagrees with them.
//!
//! A statement may fit several readings of the tables (`收到申请N件` is 一, or 一+二 when the
//! writer counts carried-over requests too). It is a mismatch only when it fits none.

use crate::model::number;
use crate::model::template::{TableSpec, Template};
use crate::model::Rule;
use crate::model::{CellRef, Finding, Number, Report, Table};
use crate::model::{DocumentCount, Key, Quantity, Statement};
use crate::rules::{self, sum, Sum};

/// One way to read a statement off the tables: the cells it adds up, and how to name it.
struct Reading {
    name: String,
    table: &'static str,
    cells: Vec<(&'static str, &'static str)>,
}

pub(crate) fn mismatch(report: &Report) -> Vec<Finding> {
    report
        .statements
        .iter()
        .filter_map(|statement| check(report, statement))
        .collect()
}

fn check(report: &Report, statement: &Statement) -> Option<Finding> {
    let template = report.template?;
    if statement.quantity == Quantity::GrantedRate {
        return check_rate(report, statement);
    }
    let readings = readings(statement.quantity, template, report)?;
    let mut values = Vec::new();
    for reading in &readings {
        let table = report.tables.get(reading.table)?;
        let value = match sum(reading.cells.iter().map(|(row, col)| table.cell(row, col))) {
            Some(total) if total.blanks == 0 && total.known.approx_eq(statement.value) => {
                return None;
            }
            Some(total) => Value::Sum(total),
            // Unreadable cells: only digits that ran together can still tell, by every split.
            None => match some_split_gives(table, reading, statement.value)? {
                true => return None,
                false => Value::NoSplit(table.splits(reading.cells[0].0)?.runs.join("")),
            },
        };
        values.push(value);
    }
    // A stated 0 against blank cells: the blank rule already says what is wrong.
    let all_zero = values
        .iter()
        .all(|v| matches!(v, Value::Sum(sum) if sum.known.as_f64() == 0.0));
    if statement.value.as_f64() == 0.0 && all_zero {
        return None;
    }
    let found: Vec<String> = readings
        .iter()
        .zip(&values)
        .map(|(reading, value)| match value {
            Value::Sum(sum) => format!("{}{}", reading.name, show(*sum)),
            Value::NoSplit(digits) => format!(
                "{}所在一行的数字连在一起（{digits}），无论怎样拆分都不是{}",
                reading.name, statement.value
            ),
        })
        .collect();
    Some(finding(report, statement, &readings, found.join("，")))
}

/// What a reading of the tables came to.
enum Value {
    Sum(Sum),
    /// A cell of a row whose digits ran together (`77132470`) that no split makes the number
    /// stated: the row's numbers as printed.
    NoSplit(String),
}

/// Whether the statement may be right about a reading of one cell in a row whose digits ran
/// together: `Some(false)` when no split of the row gives that cell the number stated,
/// `None` when the reading is not such a cell (or the number not a whole one).
fn some_split_gives(table: &Table, reading: &Reading, stated: Number) -> Option<bool> {
    let [(row, col)] = reading.cells[..] else {
        return None;
    };
    let Number::Int(stated) = stated else {
        return None;
    };
    let splits = table.splits(row)?;
    let (_, spec) = table.spec.row(row)?;
    let col = spec.cols.iter().position(|c| c.key == col)?;
    Some(may_split_to(
        &splits.runs,
        spec.cols.len(),
        col,
        &stated.to_string(),
    ))
}

/// Whether the digits of `runs` split into `n` numbers (none with a leading zero), each run
/// into one or more, with number `col` printed as `value`. The row's sums are not asked: a
/// number no split at all can give is wrong whichever split the sums would choose.
fn may_split_to(runs: &[String], n: usize, col: usize, value: &str) -> bool {
    // reach[j]: the runs so far split into j numbers.
    let mut reach = vec![false; n + 1];
    reach[0] = true;
    for run in runs {
        let mut next = vec![false; n + 1];
        for first in (0..=n).filter(|&j| reach[j]) {
            for count in pieces(run, n - first, col.checked_sub(first), value) {
                next[first + count] = true;
            }
        }
        reach = next;
    }
    reach[n]
}

/// The numbers of pieces, up to `most`, that `run` splits into, piece `fixed` (if any) being
/// `value`.
fn pieces(run: &str, most: usize, fixed: Option<usize>, value: &str) -> Vec<usize> {
    // at[p][t]: run[..p] splits into t pieces.
    let mut at = vec![vec![false; most + 1]; run.len() + 1];
    at[0][0] = true;
    for p in 0..run.len() {
        for t in 0..most {
            if !at[p][t] {
                continue;
            }
            for q in p + 1..=run.len() {
                let piece = &run[p..q];
                if piece.len() > 1 && piece.starts_with('0') {
                    break;
                }
                if fixed != Some(t) || piece == value {
                    at[q][t + 1] = true;
                }
            }
        }
    }
    (1..=most).filter(|&t| at[run.len()][t]).collect()
}

fn show(value: Sum) -> String {
    if value.blanks > 0 && value.known.as_f64() == 0.0 {
        "为空白".to_string()
    } else {
        format!("为{}", rules::show(value))
    }
}

fn finding(report: &Report, statement: &Statement, readings: &[Reading], found: String) -> Finding {
    let mut cells: Vec<CellRef> = Vec::new();
    for reading in readings {
        for &(row, col) in &reading.cells {
            let cell = CellRef {
                table: reading.table,
                row,
                col,
            };
            if !cells.contains(&cell) && report.tables.get(reading.table).is_some() {
                cells.push(cell);
            }
        }
    }
    let table_name = readings
        .first()
        .and_then(|r| report.tables.get(r.table))
        .map_or("表中", |t| t.spec.name);
    Finding::new(
        Rule::NarrativeMismatch,
        format!(
            "文字说{}{}{}（“{}”），{}{}",
            describe(statement.quantity),
            statement.value,
            statement.unit,
            statement.quote,
            table_name,
            found
        ),
    )
    .with_cells(cells)
    .at_line(Some(statement.line))
    .with_span(Some((statement.start, statement.end)))
}

/// What the statement counts, in the words of the message.
fn describe(quantity: Quantity) -> &'static str {
    match quantity {
        Quantity::Received { .. } => "收到申请",
        Quantity::Handled => "办理申请",
        Quantity::Answered => "办结（答复）申请",
        Quantity::CarriedOver => "上年结转申请",
        Quantity::CarryForward => "结转下年度的申请",
        Quantity::Outcome { category, .. } => match category {
            "granted" => "予以公开",
            "partial" => "部分公开",
            "denied" => "不予公开",
            "unable" => "无法提供",
            "ignored" => "不予处理",
            _ => "其他处理",
        },
        Quantity::GrantedAndPartial => "予以公开及部分公开",
        Quantity::Review => "行政复议",
        Quantity::Litigation => "行政诉讼",
        Quantity::LitigationDirect => "未经复议直接起诉的行政诉讼",
        Quantity::LitigationAfterReview => "复议后起诉的行政诉讼",
        Quantity::ReviewAndLitigation => "行政复议和行政诉讼",
        Quantity::CaseResult { litigation, col } => match (litigation, col) {
            (false, "upheld") => "行政复议结果维持",
            (false, "corrected") => "行政复议结果纠正",
            (false, "other") => "行政复议其他结果",
            (false, _) => "行政复议尚未审结",
            (true, "upheld") => "行政诉讼结果维持",
            (true, "corrected") => "行政诉讼结果纠正",
            (true, "other") => "行政诉讼其他结果",
            (true, _) => "行政诉讼尚未审结",
        },
        Quantity::Documents { row, count } => match (row, count) {
            ("regulations", DocumentCount::Issued) => "制发规章",
            ("regulations", DocumentCount::Repealed) => "废止规章",
            ("regulations", DocumentCount::InForce) => "现行有效规章",
            (_, DocumentCount::Issued) => "制发规范性文件",
            (_, DocumentCount::Repealed) => "废止规范性文件",
            (_, DocumentCount::InForce) => "现行有效规范性文件",
        },
        Quantity::GrantedRate => "予以公开率",
    }
}

fn requests(name: &str, rows: &[&'static str]) -> Reading {
    Reading {
        name: name.to_string(),
        table: "requests",
        cells: rows.iter().map(|row| (*row, "total")).collect(),
    }
}

fn cases(name: &str, rows: &[&'static str], col: &'static str) -> Reading {
    Reading {
        name: name.to_string(),
        table: "review_litigation",
        cells: rows.iter().map(|row| (*row, col)).collect(),
    }
}

/// The readings of a statement; `None` when the tables cannot say (a table is missing).
fn readings(quantity: Quantity, template: Template, report: &Report) -> Option<Vec<Reading>> {
    const NEW: &str = "「一、本年新收」总计";
    const NEW_AND_CARRIED: &str = "「一+二」（含上年结转）";
    const HANDLED: &str = "「（七）总计」";
    let both_groups = ["litigation_direct", "litigation_after_review"];
    Some(match quantity {
        Quantity::Received { also_handled } => {
            let mut readings = vec![
                requests(NEW, &["new"]),
                requests(NEW_AND_CARRIED, &["new", "carried_over"]),
            ];
            if also_handled {
                readings.push(requests(HANDLED, &["total"]));
            }
            readings
        }
        Quantity::Handled => vec![
            requests(NEW, &["new"]),
            requests(NEW_AND_CARRIED, &["new", "carried_over"]),
            requests(HANDLED, &["total"]),
        ],
        Quantity::Answered => vec![requests(HANDLED, &["total"])],
        Quantity::CarriedOver => vec![requests("「二、上年结转」总计", &["carried_over"])],
        Quantity::CarryForward => {
            vec![requests(
                "「四、结转下年度继续办理」总计",
                &["carry_forward"],
            )]
        }
        Quantity::Outcome { category, reason } => {
            // 表三 as read: its （六） may be of the other template's form.
            let spec = report
                .tables
                .requests
                .as_ref()
                .map_or(template.requests(), |t| t.spec);
            outcome_readings(spec, category, reason)
        }
        Quantity::GrantedAndPartial => vec![requests(
            "「（一）予以公开」与「（二）部分公开」总计之和",
            &["granted", "partial"],
        )],
        Quantity::Review => vec![cases("「行政复议」总计", &["review"], "total")],
        // 行政诉讼 without a kind counts both kinds: a sentence that means only one names it.
        Quantity::Litigation => vec![cases("行政诉讼两栏总计之和", &both_groups, "total")],
        Quantity::LitigationDirect => {
            vec![cases(
                "「未经复议直接起诉」总计",
                &["litigation_direct"],
                "total",
            )]
        }
        Quantity::LitigationAfterReview => {
            vec![cases(
                "「复议后起诉」总计",
                &["litigation_after_review"],
                "total",
            )]
        }
        Quantity::ReviewAndLitigation => vec![cases(
            "行政复议与行政诉讼总计之和",
            &["review", "litigation_direct", "litigation_after_review"],
            "total",
        )],
        Quantity::CaseResult { litigation, col } => case_result_readings(litigation, col),
        Quantity::Documents { row, count } => document_readings(report, template, row, count)?,
        Quantity::GrantedRate => return None,
    })
}

/// `予以公开N件` and the other results: the category's rows summed, and the row of the reason
/// the sentence names (`因本机关不掌握…无法提供`), if any.
fn outcome_readings(spec: &'static TableSpec, category: Key, reason: Option<Key>) -> Vec<Reading> {
    let rows: Vec<&'static str> = spec
        .rows
        .iter()
        .map(|r| r.key)
        .filter(|key| {
            *key == category
                || key
                    .strip_prefix(category)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
        .collect();
    let label = |key: &str| spec.row(key).map_or("", |(_, r)| r.label);
    let name = if rows.len() == 1 {
        format!("「{}」总计", label(rows[0]))
    } else {
        let first = label(rows[0]);
        let group = first.split_once('）').map_or(first, |(g, _)| g);
        format!("「{group}）」各项总计之和")
    };
    let mut readings = vec![requests(&name, &rows)];
    if let Some(reason) = reason.filter(|_| rows.len() > 1) {
        readings.push(requests(&format!("「{}」总计", label(reason)), &[reason]));
    }
    readings
}

/// `其中结果维持N件` after a review or litigation statement: that column of 表四.
fn case_result_readings(litigation: bool, col: Key) -> Vec<Reading> {
    let label = crate::model::template::REVIEW_COLS
        .iter()
        .find(|c| c.key == col)
        .map_or("", |c| c.label);
    if litigation {
        let both_groups = ["litigation_direct", "litigation_after_review"];
        vec![
            cases(&format!("行政诉讼两栏「{label}」之和"), &both_groups, col),
            cases(
                &format!("「未经复议直接起诉」的「{label}」"),
                &["litigation_direct"],
                col,
            ),
        ]
    } else {
        vec![cases(
            &format!("「行政复议」的「{label}」"),
            &["review"],
            col,
        )]
    }
}

/// `制发/现行有效/废止 规范性文件(规章) N件`: the column of 表二 that counts it (2019's form
/// counts only 制发); `None` when 表二 is missing or does not count it.
fn document_readings(
    report: &Report,
    template: Template,
    row: Key,
    count: DocumentCount,
) -> Option<Vec<Reading>> {
    let table = report.tables.active.as_ref()?;
    let (_, spec) = table.spec.row(row)?;
    let cols: &[&str] = match (template, count) {
        (Template::Y2019, DocumentCount::Issued) => &["new_made", "new_published"],
        // 2019's form counts neither: 对外公开总数量 includes repealed documents.
        (Template::Y2019, _) => return None,
        (Template::Y2021, DocumentCount::Issued) => &["issued"],
        (Template::Y2021, DocumentCount::Repealed) => &["repealed"],
        (Template::Y2021, DocumentCount::InForce) => &["in_force"],
    };
    Some(
        cols.iter()
            .filter_map(|key| spec.cols.iter().find(|c| c.key == *key))
            .map(|col| Reading {
                name: format!("「{}」的「{}」", spec.label, col.label),
                table: "active",
                cells: vec![(row, col.key)],
            })
            .collect(),
    )
}

/// `予以公开率x%`: 予以公开 over the requests handled, or over those received.
fn check_rate(report: &Report, statement: &Statement) -> Option<Finding> {
    let table = report.tables.requests.as_ref()?;
    let value = |rows: &[&str]| -> Option<f64> {
        let total = sum(rows.iter().map(|row| table.cell(row, "total")))?;
        (total.blanks == 0).then(|| total.known.as_f64())
    };
    let granted = value(&["granted"])?;
    let stated = statement.value.as_f64();
    let decimals = statement
        .printed
        .split_once('.')
        .map_or(0, |(_, d)| d.len());
    // Rounded or cut to the decimals shown.
    let tolerance = 10f64.powi(-(decimals as i32)) + 1e-9;
    let denominators = [
        ("（七）总计", &["total"][..]),
        ("一、本年新收", &["new"][..]),
        ("一+二", &["new", "carried_over"][..]),
    ];
    let mut shown = Vec::new();
    for (name, rows) in denominators {
        let Some(denominator) = value(rows).filter(|d| *d > 0.0) else {
            continue;
        };
        let rate = granted / denominator * 100.0;
        if (rate - stated).abs() <= tolerance {
            return None;
        }
        shown.push(format!(
            "予以公开{}÷{name}{}={}%",
            Number::Dec(granted),
            Number::Dec(denominator),
            number::fixed(rate, 1)
        ));
    }
    if shown.is_empty() {
        return None;
    }
    let readings = [requests("", &["granted", "total"])];
    Some(finding(
        report,
        statement,
        &readings,
        format!("中{}", shown.join("，")),
    ))
}
