//! Cross-year checks: this year's report against last year's (`crossyear.*`). The findings
//! belong to this year's report and name its cells; last year's values are quoted in the
//! messages. A blank cell on either side is not compared (blank is not 0).

use super::{cell_finding, cell_ref, line_finding, sum};
use crate::model::number::{self, Number};
use crate::model::template::REQUEST_COLS;
use crate::model::Rule;
use crate::model::{Cell, CellRef, CellSource, Finding, Report, Table};
use crate::text::sort;

/// Sections 一 and 五 are 雷同 when more than this share of their characters is the same.
const SAME_TEXT_SHARE: f64 = 0.9;
/// Bodies shorter than this (in letters, digits and Han characters) are not compared: a
/// two-word section 五 is `section.problems_empty`'s business.
const SAME_TEXT_MIN_CHARS: usize = 50;
/// The longest pair of bodies compared character by character (the longest common
/// subsequence takes their product in steps); longer ones are compared by character pairs.
const SAME_TEXT_MAX_STEPS: usize = 64_000_000;
/// A 表三 total is a jump when it grew or shrank more than this many times…
const JUMP_FACTOR: f64 = 5.0;
/// …from last year's, when last year's was at least this (below, 5× says little).
const JUMP_MIN_BASE: f64 = 5.0;

/// Every cross-year rule, in the order their findings are listed.
pub(crate) fn run(current: &Report, previous: &Report) -> Vec<Finding> {
    let mut findings = Vec::new();
    let consecutive = not_consecutive(current, previous, &mut findings);
    findings.extend(other_agency(current, previous));
    findings.extend(template_changed(current, previous));
    // The identities hold between one year and the next only.
    if consecutive {
        findings.extend(carry_over(current, previous));
        findings.extend(active_in_force(current, previous));
        findings.extend(active_projects(current, previous));
    }
    findings.extend(same_text(current, previous));
    findings.extend(jump(current, previous));
    findings
}

fn info(rule: Rule, message: String) -> Finding {
    line_finding(rule, message, None)
}

/// `crossyear.not_consecutive`: last year's report is not of the year before. Returns whether
/// the year-to-year identities apply (also when a year could not be read: then it says so).
pub(crate) fn not_consecutive(
    current: &Report,
    previous: &Report,
    findings: &mut Vec<Finding>,
) -> bool {
    let message = match (current.report_year, previous.report_year) {
        // Any year may come in through the options: no overflow.
        (Some(now), Some(last)) if last.checked_add(1) == Some(now) => return true,
        (Some(now), Some(last)) => {
            findings.push(info(
                Rule::NotConsecutive,
                format!(
                    "作为上年年报加入的是{last}年度的年报，本年报为{now}年度，应为{}年度：上年结转与表二不作跨年核对，只比较文字和表三的总数",
                    i64::from(now) - 1
                ),
            ));
            return false;
        }
        (None, Some(_)) => "未能读出本年报的年度".to_string(),
        (Some(_), None) => "未能读出上年年报的年度".to_string(),
        (None, None) => "未能读出两份年报的年度".to_string(),
    };
    findings.push(info(
        Rule::NotConsecutive,
        format!("{message}：按相邻两年核对，请确认加入的确实是上一年度的年报"),
    ));
    true
}

/// `crossyear.other_agency`: the two reports name different agencies.
pub(crate) fn other_agency(current: &Report, previous: &Report) -> Vec<Finding> {
    let (Some(now), Some(last)) = (&current.agency, &previous.agency) else {
        return Vec::new();
    };
    if crate::text::tokens::han_only(now) == crate::text::tokens::han_only(last) {
        return Vec::new();
    }
    vec![info(
        Rule::OtherAgency,
        format!(
            "上年年报的机关为「{last}」，本年报为「{now}」：如非同一机关（或机关更名），跨年核对的结果不适用"
        ),
    )]
}

/// `crossyear.template_changed`: the two reports use different templates. 2020 → 2021 is the
/// national switch; 表三's rows shared by both are still compared by key.
pub(crate) fn template_changed(current: &Report, previous: &Report) -> Vec<Finding> {
    let (Some(now), Some(last)) = (current.template, previous.template) else {
        return Vec::new();
    };
    if now == last {
        return Vec::new();
    }
    let switch = matches!(
        (previous.report_year, current.report_year),
        (Some(2020), Some(2021))
    );
    vec![info(
        Rule::TemplateChanged,
        format!(
            "上年年报按{}年版模板，本年报按{}年版模板{}：表二两版的项目不同，不作跨年核对；表三按两版共有的行核对",
            last.id(),
            now.id(),
            if switch { "（2021年度起启用新模板）" } else { "" }
        ),
    )]
}

/// `crossyear.not_compared`: a check that found nothing it could compare, and why.
fn not_compared(check: &str, why: &str) -> Finding {
    info(Rule::NotCompared, format!("{check}未作跨年核对：{why}"))
}

/// A cell's number; `None` for a blank, unreadable or missing cell.
fn number(cell: Option<&Cell>) -> Option<Number> {
    let cell = cell?;
    if cell.source == CellSource::Unreadable {
        return None;
    }
    cell.value
}

/// −n; `None` when it overflows (−i64::MIN).
fn negate(number: Number) -> Option<Number> {
    match number {
        Number::Int(i) => i.checked_neg().map(Number::Int),
        Number::Dec(d) => Some(Number::Dec(-d)),
    }
}

/// |a − b|; `None` when it overflows.
fn difference(a: Number, b: Number) -> Option<Number> {
    let d = a.checked_add(negate(b)?)?;
    if d.is_negative() {
        negate(d)
    } else {
        Some(d)
    }
}

/// `crossyear.carry_over`: 表三 二、上年结转 equals last year's 四、结转下年度继续办理, per
/// column (the rows are the same in both templates).
pub(crate) fn carry_over(current: &Report, previous: &Report) -> Vec<Finding> {
    let Some(now) = current.tables.requests.as_ref() else {
        return Vec::new();
    };
    let Some(last) = previous.tables.requests.as_ref() else {
        return vec![not_compared("二、上年结转", "上年年报中未能读出表三")];
    };
    let mut findings = Vec::new();
    let mut compared = 0;
    for col in REQUEST_COLS {
        let (Some(carried), Some(forward)) = (
            number(now.cell("carried_over", col.key)),
            number(last.cell("carry_forward", col.key)),
        ) else {
            continue;
        };
        compared += 1;
        if carried.approx_eq(forward) {
            continue;
        }
        let by = difference(carried, forward).map_or(String::new(), |d| format!("，相差{d}"));
        findings.push(cell_finding(
            Rule::CarryOver,
            format!(
                "{}列：二、上年结转={carried}，上年年报的四、结转下年度继续办理={forward}，两者应相等{by}",
                col.label
            ),
            now,
            vec![cell_ref(now, "carried_over", col.key)],
        ));
    }
    if compared == 0 {
        findings.push(not_compared(
            "二、上年结转",
            "本年的上年结转或上年年报的结转下年度继续办理各列都是空白或未能读出（空白不等于0）",
        ));
    }
    findings
}

/// 表二's rows of documents: 规章 and 规范性文件.
const DOC_ROWS: [&str; 2] = ["regulations", "normative_docs"];

fn row_label(table: &Table, row: &str) -> &'static str {
    table.spec.row(row).map_or("", |(_, spec)| spec.label)
}

/// `crossyear.active_in_force` (2021 template): 现行有效件数 = last year's 现行有效件数 +
/// 本年制发件数 − 本年废止件数, for 规章 and 规范性文件.
pub(crate) fn active_in_force(current: &Report, previous: &Report) -> Vec<Finding> {
    // Both on the 2021 template: the columns exist on both sides.
    let Some((now, last)) = active_tables(current, previous, "in_force") else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    let mut compared = 0;
    for row in DOC_ROWS {
        let value = |table: &Table, col| number(table.cell(row, col));
        let (Some(in_force), Some(issued), Some(repealed), Some(before)) = (
            value(now, "in_force"),
            value(now, "issued"),
            value(now, "repealed"),
            value(last, "in_force"),
        ) else {
            continue;
        };
        compared += 1;
        let Some(expected) = before
            .checked_add(issued)
            .zip(negate(repealed))
            .and_then(|(n, minus)| n.checked_add(minus))
        else {
            continue;
        };
        if expected.approx_eq(in_force) {
            continue;
        }
        let by = difference(in_force, expected).map_or(String::new(), |d| format!("，相差{d}"));
        let key = now.spec.row(row).map_or("", |(_, spec)| spec.key);
        findings.push(cell_finding(
            Rule::ActiveInForce,
            format!(
                "表二「{}」现行有效件数={in_force}，应为上年年报的现行有效件数{before}＋本年制发件数{issued}－本年废止件数{repealed}={expected}{by}",
                row_label(now, row)
            ),
            now,
            vec![
                cell_ref(now, key, "in_force"),
                cell_ref(now, key, "issued"),
                cell_ref(now, key, "repealed"),
            ],
        ));
    }
    if compared == 0 {
        findings.push(not_compared(
            "表二现行有效件数",
            "规章与规范性文件的现行有效件数、制发件数、废止件数在本年或上年为空白或未能读出（空白不等于0）",
        ));
    }
    findings
}

/// This year's and last year's 表二, when both templates have the column `col`.
fn active_tables<'a>(
    current: &'a Report,
    previous: &'a Report,
    col: &str,
) -> Option<(&'a Table, &'a Table)> {
    let now = current.tables.active.as_ref()?;
    let last = previous.tables.active.as_ref()?;
    (has_col(now, col) && has_col(last, col)).then_some((now, last))
}

/// Whether the table's template has this column in any row.
fn has_col(table: &Table, col: &str) -> bool {
    table
        .spec
        .rows
        .iter()
        .any(|row| row.cols.iter().any(|c| c.key == col))
}

/// `crossyear.active_projects` (2019 template): 上一年项目数量 = last year's 上一年项目数量 +
/// last year's 本年增/减. The column 上一年项目数量 holds the count at the end of the year
/// before the report year (2020 reports print 上一年项目数量（指2019年事项数）), and 本年增/减
/// the change during the report year: so last year's count plus last year's change is the
/// count at the end of last year, which is this year's 上一年项目数量.
pub(crate) fn active_projects(current: &Report, previous: &Report) -> Vec<Finding> {
    let Some((now, last)) = active_tables(current, previous, "prev_items") else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    let mut compared = 0;
    for row in now.spec.rows {
        if !row.cols.iter().any(|c| c.key == "prev_items") {
            continue;
        }
        let (Some(items), Some(before), Some(change)) = (
            number(now.cell(row.key, "prev_items")),
            number(last.cell(row.key, "prev_items")),
            number(last.cell(row.key, "change")),
        ) else {
            continue;
        };
        compared += 1;
        let Some(expected) = before.checked_add(change) else {
            continue;
        };
        if expected.approx_eq(items) {
            continue;
        }
        let by = difference(items, expected).map_or(String::new(), |d| format!("，相差{d}"));
        findings.push(cell_finding(
            Rule::ActiveProjects,
            format!(
                "表二「{}」上一年项目数量={items}，应为上年年报的上一年项目数量{before}与本年增/减{change}之和={expected}{by}",
                row.label
            ),
            now,
            vec![cell_ref(now, row.key, "prev_items")],
        ));
    }
    if compared == 0 {
        findings.push(not_compared(
            "表二上一年项目数量",
            "本年的上一年项目数量或上年年报的上一年项目数量、本年增/减都是空白或未能读出（空白不等于0）",
        ));
    }
    findings
}

/// Letters, digits and Han characters: what is said, without the layout (line breaks,
/// spaces and punctuation differ between a PDF and a web page of the same text).
fn content_chars(body: &str) -> Vec<char> {
    body.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The length of the longest common subsequence, in one row of `b.len() + 1` counts.
fn common_subsequence(a: &[char], b: &[char]) -> usize {
    let mut row = vec![0u32; b.len() + 1];
    for &x in a {
        let mut diagonal = 0;
        for (j, &y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()] as usize
}

/// How many adjacent pairs of characters the two texts share (as multisets).
fn common_pairs(a: &[char], b: &[char]) -> usize {
    let pairs = |text: &[char]| {
        let mut pairs: Vec<(char, char)> = text.windows(2).map(|w| (w[0], w[1])).collect();
        sort::sort_by_key(&mut pairs, |&(a, b)| sort::pair(u64::from(a), u64::from(b)));
        pairs
    };
    let (a, b) = (pairs(a), pairs(b));
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// The share of the two texts that is the same: twice the common part over both lengths.
/// Character by character in order (longest common subsequence); texts too long for that
/// (see [`SAME_TEXT_MAX_STEPS`]) by adjacent pairs of characters.
pub(crate) fn similarity(a: &[char], b: &[char]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    if a.len().saturating_mul(b.len()) <= SAME_TEXT_MAX_STEPS {
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        2.0 * common_subsequence(long, short) as f64 / (a.len() + b.len()) as f64
    } else {
        let pairs = a.len() + b.len() - 2;
        2.0 * common_pairs(a, b) as f64 / pairs.max(1) as f64
    }
}

/// `crossyear.same_text`: sections 一 (总体情况) and 五 (存在的主要问题及改进情况) nearly the
/// same as last year's (内容雷同).
pub(crate) fn same_text(current: &Report, previous: &Report) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (number, title) in [(1, "总体情况"), (5, "存在的主要问题及改进情况")] {
        let (Some(now), Some(last)) = (current.section_body(number), previous.section_body(number))
        else {
            continue;
        };
        let (now, last) = (content_chars(now), content_chars(last));
        if now.len() < SAME_TEXT_MIN_CHARS || last.len() < SAME_TEXT_MIN_CHARS {
            continue;
        }
        let share = similarity(&now, &last);
        if share <= SAME_TEXT_SHARE {
            continue;
        }
        let numeral = if number == 1 { "一" } else { "五" };
        let line = current
            .sections
            .iter()
            .find(|s| s.number == number)
            .map(|s| s.line);
        findings.push(line_finding(
            Rule::SameText,
            format!(
                "第{numeral}部分「{title}」与上年年报的同一部分{}%相同（本年{}字，上年{}字，不计标点与空白）：内容雷同，应按本年度的情况撰写",
                (share * 100.0).floor(),
                now.len(),
                last.len()
            ),
            line,
        ));
    }
    findings
}

/// Which rows of 表三 make a total, by row key.
type RowPicker = fn(&str) -> bool;

/// 表三's totals compared year on year: 一、本年新收 and each kind of result, by their 总计
/// column; a kind is the sum of its rows, so 2019's （六）其他处理 meets 2021's three rows.
const JUMP_TOTALS: [(&str, RowPicker); 8] = [
    ("一、本年新收", |key| key == "new"),
    ("（一）予以公开", |key| key == "granted"),
    ("（二）部分公开", |key| key == "partial"),
    ("（三）不予公开", |key| key.starts_with("denied.")),
    ("（四）无法提供", |key| key.starts_with("unable.")),
    ("（五）不予处理", |key| key.starts_with("ignored.")),
    ("（六）其他处理", |key| {
        key == "other" || key.starts_with("other.")
    }),
    ("（七）总计", |key| key == "total"),
];

/// The 总计 column of the rows `of` picks, with their cells; `None` when a row is missing or
/// a cell blank or unreadable.
fn total_of(table: &Table, of: RowPicker) -> Option<(Number, Vec<CellRef>)> {
    let rows: Vec<_> = table.spec.rows.iter().filter(|r| of(r.key)).collect();
    let total = sum(rows.iter().map(|r| table.cell(r.key, "total")))?;
    if rows.is_empty() || total.blanks > 0 {
        return None;
    }
    let cells = rows
        .iter()
        .map(|r| cell_ref(table, r.key, "total"))
        .collect();
    Some((total.known, cells))
}

/// `crossyear.jump` (info): a total of 表三 more than five times last year's, or less than a
/// fifth of it. Last year's totals under five are not compared.
pub(crate) fn jump(current: &Report, previous: &Report) -> Vec<Finding> {
    let (Some(now), Some(last)) = (
        current.tables.requests.as_ref(),
        previous.tables.requests.as_ref(),
    ) else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    for (label, of) in JUMP_TOTALS {
        let (Some((this_year, cells)), Some((last_year, _))) =
            (total_of(now, of), total_of(last, of))
        else {
            continue;
        };
        let (this, before) = (this_year.as_f64(), last_year.as_f64());
        if before < JUMP_MIN_BASE {
            continue;
        }
        let change = if this > JUMP_FACTOR * before {
            format!("是上年的{}倍", number::fixed(this / before, 1))
        } else if this * JUMP_FACTOR < before {
            format!(
                "不到上年的五分之一（{}%）",
                number::fixed(100.0 * this / before, 0)
            )
        } else {
            continue;
        };
        findings.push(cell_finding(
            Rule::Jump,
            format!(
                "表三「{label}」总计：本年{this_year}件，上年{last_year}件，{change}：变化超过5倍，请核对是否填错（上年不足5件的不比较）"
            ),
            now,
            cells,
        ));
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::{
        Template, ACTIVE_2019, ACTIVE_2021, REQUESTS_2019, REQUESTS_2021,
    };
    use crate::model::Section;
    use crate::model::Severity;
    use crate::model::Tables;
    use crate::rules::test_support::{report, set, table};

    /// 表三 with every cell 0.
    fn requests(spec: &'static crate::model::template::TableSpec) -> Table {
        let zeros = vec![Some(0); 7];
        let rows: Vec<&[Option<i64>]> = spec.rows.iter().map(|_| zeros.as_slice()).collect();
        table(spec, &rows)
    }

    fn pair(now: Tables, last: Tables) -> (Report, Report) {
        let mut current = report(now);
        let mut previous = report(last);
        current.report_year = Some(2021);
        current.template = Some(Template::Y2021);
        previous.report_year = Some(2020);
        (current, previous)
    }

    /// Reports with only 表三.
    fn requests_pair(now: Table, last: Table) -> (Report, Report) {
        let requests = |table| Tables {
            requests: Some(table),
            ..Tables::default()
        };
        pair(requests(now), requests(last))
    }

    fn rules(findings: &[Finding]) -> Vec<Rule> {
        findings.iter().map(|f| f.rule).collect()
    }

    #[test]
    fn carry_over_compares_each_column_and_skips_blanks() {
        let mut now = requests(&REQUESTS_2021);
        let mut last = requests(&REQUESTS_2019);
        set(&mut now, "carried_over", "natural", Some(3));
        set(&mut last, "carry_forward", "natural", Some(3));
        set(&mut now, "carried_over", "legal", Some(2));
        set(&mut last, "carry_forward", "legal", Some(1));
        // Blank on one side: not compared.
        set(&mut now, "carried_over", "other", None);
        set(&mut last, "carry_forward", "other", Some(9));
        let (current, previous) = requests_pair(now, last);
        let found = carry_over(&current, &previous);
        assert_eq!(rules(&found), [Rule::CarryOver]);
        assert_eq!(
            found[0].message,
            "法律服务机构列：二、上年结转=2，上年年报的四、结转下年度继续办理=1，两者应相等，相差1"
        );
        assert_eq!(found[0].cells[0].row, "carried_over");
        assert_eq!(found[0].cells[0].col, "legal");
        assert_eq!(found[0].severity, Severity::Warning);
    }

    #[test]
    fn carry_over_says_when_nothing_could_be_compared() {
        let mut now = requests(&REQUESTS_2021);
        for col in REQUEST_COLS {
            set(&mut now, "carried_over", col.key, None);
        }
        let (current, previous) = requests_pair(now.clone(), requests(&REQUESTS_2021));
        assert_eq!(rules(&carry_over(&current, &previous)), [Rule::NotCompared]);
        let (current, previous) = pair(
            Tables {
                requests: Some(now),
                ..Tables::default()
            },
            Tables::default(),
        );
        let found = carry_over(&current, &previous);
        assert_eq!(rules(&found), [Rule::NotCompared]);
        assert!(found[0].message.contains("上年年报中未能读出表三"));
    }

    fn docs_2021(regulations: [i64; 3], normative: [i64; 3]) -> Table {
        let r = regulations.map(Some);
        let n = normative.map(Some);
        let one = [Some(0)];
        table(&ACTIVE_2021, &[&r, &n, &one, &one, &one, &one])
    }

    #[test]
    fn in_force_is_last_years_plus_issued_minus_repealed() {
        // 规章: 10 + 1 − 0 = 11 holds; 规范性文件: 84 + 8 − 26 = 66, printed 67.
        let (current, previous) = pair(
            Tables {
                active: Some(docs_2021([1, 0, 11], [8, 26, 67])),
                ..Tables::default()
            },
            Tables {
                active: Some(docs_2021([2, 1, 10], [5, 0, 84])),
                ..Tables::default()
            },
        );
        let found = active_in_force(&current, &previous);
        assert_eq!(rules(&found), [Rule::ActiveInForce]);
        assert_eq!(
            found[0].message,
            "表二「行政规范性文件」现行有效件数=67，应为上年年报的现行有效件数84＋本年制发件数8－本年废止件数26=66，相差1"
        );
        assert_eq!(found[0].cells[0].row, "normative_docs");
        assert_eq!(found[0].cells[0].col, "in_force");
        // The 2019 template has no 现行有效件数: nothing to compare, nothing said.
        let (current, previous) = pair(
            Tables {
                active: Some(docs_2021([1, 0, 11], [8, 26, 67])),
                ..Tables::default()
            },
            Tables {
                active: Some(items_2019(&[(10, 2); 5])),
                ..Tables::default()
            },
        );
        assert_eq!(active_in_force(&current, &previous), []);
    }

    /// 表二 of 2019 with (上一年项目数量, 本年增/减) for its five rows of items.
    fn items_2019(items: &[(i64, i64); 5]) -> Table {
        let docs = [Some(0); 3];
        let rows: Vec<Vec<Option<i64>>> = items
            .iter()
            .enumerate()
            .map(|(i, &(prev, change))| {
                if i == 4 {
                    vec![Some(prev), Some(change)]
                } else {
                    vec![Some(prev), Some(change), Some(0)]
                }
            })
            .collect();
        let procurement = [Some(0); 2];
        let mut all: Vec<&[Option<i64>]> = vec![&docs, &docs];
        all.extend(rows.iter().map(Vec::as_slice));
        all.push(&procurement);
        table(&ACTIVE_2019, &all)
    }

    #[test]
    fn project_counts_carry_last_years_count_and_change() {
        let last = items_2019(&[(120, -3), (10, 0), (50, 5), (7, 1), (3, 0)]);
        let good = items_2019(&[(117, 4), (10, 1), (55, 0), (8, 0), (3, 0)]);
        let mut bad = good.clone();
        set(&mut bad, "penalty", "prev_items", Some(50));
        let both = |now: Table| {
            let (mut current, previous) = pair(
                Tables {
                    active: Some(now),
                    ..Tables::default()
                },
                Tables {
                    active: Some(last.clone()),
                    ..Tables::default()
                },
            );
            current.template = Some(Template::Y2019);
            active_projects(&current, &previous)
        };
        assert_eq!(both(good), []);
        let found = both(bad);
        assert_eq!(rules(&found), [Rule::ActiveProjects]);
        assert_eq!(
            found[0].message,
            "表二「行政处罚」上一年项目数量=50，应为上年年报的上一年项目数量50与本年增/减5之和=55，相差5"
        );
    }

    fn with_sections(bodies: &[(u8, &str)]) -> Report {
        let mut r = report(Tables::default());
        r.sections = bodies
            .iter()
            .map(|&(number, _)| Section {
                number,
                printed_number: None,
                title: String::new(),
                line: number as usize * 10,
                start: 0,
                end: 0,
            })
            .collect();
        r.section_bodies = bodies.iter().map(|&(n, b)| (n, b.to_string())).collect();
        r
    }

    const BODY: &str = "2021年，我县坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》，围绕县委县政府中心工作，全面推进决策、执行、管理、服务、结果公开，主动公开政府信息3120条，及时回应社会关切。";

    #[test]
    fn the_same_text_as_last_year_is_reported_and_a_new_text_is_not() {
        let changed_year = BODY.replace("2021", "2020").replace("3120", "2890");
        let current = with_sections(&[(1, BODY), (5, BODY)]);
        let previous = with_sections(&[(1, &changed_year), (5, "暂无")]);
        let found = same_text(&current, &previous);
        assert_eq!(rules(&found), [Rule::SameText]);
        assert_eq!(found[0].line, Some(10));
        assert!(
            found[0]
                .message
                .starts_with("第一部分「总体情况」与上年年报的同一部分9"),
            "{}",
            found[0].message
        );
        let rewritten = "2020年，全县政务公开工作以提升透明度为目标，重点抓好政策解读和回应关切，全年召开新闻发布会12场，更新政府网站栏目信息2100条，办理依申请公开事项45件，均在法定期限内答复。";
        let previous = with_sections(&[(1, rewritten), (5, rewritten)]);
        assert_eq!(same_text(&current, &previous), []);
    }

    #[test]
    fn extreme_values_do_not_overflow() {
        let big = Number::Int(i64::MAX);
        let small = Number::Int(i64::MIN);
        assert_eq!(difference(big, small), None);
        assert_eq!(difference(small, Number::Int(0)), None);
        assert_eq!(
            difference(Number::Int(2), Number::Int(5)),
            Some(Number::Int(3))
        );
        let mut now = requests(&REQUESTS_2021);
        let mut last = requests(&REQUESTS_2021);
        set(&mut now, "carried_over", "natural", Some(i64::MIN));
        set(&mut last, "carry_forward", "natural", Some(i64::MAX));
        let (current, previous) = pair(
            Tables {
                requests: Some(now),
                active: Some(docs_2021([i64::MAX, i64::MIN, 0], [0, 0, 0])),
                ..Tables::default()
            },
            Tables {
                requests: Some(last),
                active: Some(docs_2021([0, 0, i64::MAX], [0, 0, 0])),
                ..Tables::default()
            },
        );
        let found = run(&current, &previous);
        assert!(found.iter().any(|f| f.rule == Rule::CarryOver));
        assert!(found.iter().all(|f| !f.message.contains("相差")));
    }

    #[test]
    fn similarity_is_the_shared_share_of_characters() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(similarity(&chars("abcd"), &chars("abcd")), 1.0);
        assert_eq!(similarity(&chars("abcd"), &chars("abxd")), 0.75);
        assert_eq!(similarity(&chars("abcd"), &chars("wxyz")), 0.0);
        // Order matters: the same characters reversed are mostly not the same text.
        assert!(similarity(&chars("abcdefgh"), &chars("hgfedcba")) < 0.3);
        // Pairs agree with the exact measure on identical and disjoint texts.
        assert_eq!(common_pairs(&chars("abcab"), &chars("abcab")), 4);
        assert_eq!(common_pairs(&chars("abc"), &chars("xyz")), 0);
    }

    #[test]
    fn long_bodies_are_compared_by_pairs() {
        // 200 000 characters each: far over the exact measure's limit (its time is the
        // worst_cases bench's, not a test's).
        let text: Vec<char> = "政府信息公开工作年度报告"
            .chars()
            .cycle()
            .take(200_000)
            .collect();
        assert!(similarity(&text, &text) > 0.99);
    }

    fn with_totals(
        spec: &'static crate::model::template::TableSpec,
        totals: &[(&str, i64)],
    ) -> Table {
        let mut t = requests(spec);
        for &(row, value) in totals {
            set(&mut t, row, "total", Some(value));
        }
        t
    }

    #[test]
    fn jumps_over_five_times_are_noted_from_five_up() {
        let now = with_totals(
            &REQUESTS_2021,
            &[
                ("new", 80),
                ("granted", 31),
                ("partial", 4),
                ("other.misc", 3),
                ("other.no_fee", 1),
                ("total", 2),
            ],
        );
        let last = with_totals(
            &REQUESTS_2019,
            &[
                ("new", 12),
                ("granted", 6),
                ("partial", 4),
                ("other", 21),
                ("total", 40),
            ],
        );
        let (current, previous) = requests_pair(now, last);
        let found = jump(&current, &previous);
        let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "表三「一、本年新收」总计：本年80件，上年12件，是上年的6.7倍：变化超过5倍，请核对是否填错（上年不足5件的不比较）",
                "表三「（一）予以公开」总计：本年31件，上年6件，是上年的5.2倍：变化超过5倍，请核对是否填错（上年不足5件的不比较）",
                "表三「（六）其他处理」总计：本年4件，上年21件，不到上年的五分之一（19%）：变化超过5倍，请核对是否填错（上年不足5件的不比较）",
                "表三「（七）总计」总计：本年2件，上年40件，不到上年的五分之一（5%）：变化超过5倍，请核对是否填错（上年不足5件的不比较）",
            ]
        );
        assert!(found.iter().all(|f| f.severity == Severity::Info));
        // （六） of 2021 is its three rows.
        assert_eq!(found[2].cells.len(), 3);
    }

    #[test]
    fn years_agencies_and_templates_are_compared_first() {
        let mut current = report(Tables::default());
        let mut previous = report(Tables::default());
        current.report_year = Some(2022);
        previous.report_year = Some(2020);
        current.agency = Some("某某县人民政府".into());
        previous.agency = Some("某某县财政局".into());
        current.template = Some(Template::Y2021);
        let found = run(&current, &previous);
        assert_eq!(
            rules(&found),
            [
                Rule::NotConsecutive,
                Rule::OtherAgency,
                Rule::TemplateChanged
            ]
        );
        assert!(
            found[0].message.contains("2020年度"),
            "{}",
            found[0].message
        );
        assert!(!found[2].message.contains("2021年度起启用新模板"));
        // Years given through the options may be anything.
        current.report_year = Some(i32::MIN);
        previous.report_year = Some(i32::MAX);
        assert_eq!(
            rules(&run(&current, &previous)),
            [
                Rule::NotConsecutive,
                Rule::OtherAgency,
                Rule::TemplateChanged
            ]
        );
        current.report_year = Some(2022);
        previous.report_year = Some(2021);
        previous.agency = current.agency.clone();
        previous.template = current.template;
        assert_eq!(run(&current, &previous), []);
    }
}
