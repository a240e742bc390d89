//! Tables read from cell grids (`nianbao::check_document`), in the many shapes that Word,
//! WPS and web pages give a report's tables: merged label columns and headers, flat labels,
//! labels split over two cells, repeated header rows, blank cells empty or marked, an extra
//! empty column, 表二 as one table or one per block, 表四 printed flat or as three rows.
//!
//! The tables come from the fixtures' truth files (with each fixture's own prose around
//! them) and from a seeded generator of valid tables of both templates. Every rendering must
//! give back every cell exactly, from the grid (the cell's range is its grid cell's), with
//! the rules the truth file expects. A failure prints the set, the seed and the layout.

use serde_json::{json, Value};

mod common;
mod worst_cases;

use common::{Cells, Draw, Rng, Scale, TableSet, Tpl, HEADINGS, REVIEW_GROUPS};
use nianbao::input::document::{Document, DocumentBuilder, RowSpan};

// --------------------------------------------------------------------------- table sets

impl TableSet {
    fn generated(seed: u64) -> TableSet {
        let mut rng = Rng::new(seed);
        let template = if rng.chance(50) {
            Tpl::Y2019
        } else {
            Tpl::Y2021
        };
        let draw = Draw {
            scales: &[3, 30, 300, 3000],
            no_requests: Some(10),
            other_results: None,
            review_scale: Scale::Fixed(20),
            agencies: &["云阳县人民政府", "沭阳县发展和改革局", "某某县交通运输局"],
        };
        let valid = common::generate(&mut rng, template, &draw);
        let mut set = TableSet::from_valid(format!("generated {seed}"), &valid);
        // Some sets leave cells blank: whole legal-person columns, or a few anywhere.
        match rng.below(6) {
            0 => set.requests.iter_mut().for_each(|r| r[1..6].fill(None)),
            1 => {
                let count = rng.range(1, 3);
                set.blank_random_cells(&mut rng, count);
            }
            _ => {}
        }
        set
    }

    fn blank_rules(&self) -> Vec<&'static str> {
        let mut rules = Vec::new();
        let has_blank = |cells: &Cells| cells.iter().flatten().any(Option::is_none);
        if has_blank(&self.active) {
            rules.push("active.blank");
        }
        if has_blank(&self.requests) {
            rules.push("requests.blank");
        }
        if has_blank(&self.review) {
            rules.push("review_litigation.blank");
        }
        // 上一年项目数量 + 本年增/减 below zero (the generator allows it).
        let negative_items =
            self.template
                .active_rows()
                .iter()
                .zip(&self.active)
                .any(|((block, _, _), cells)| {
                    block.cols.first().is_some_and(|c| c.0 == "prev_items")
                        && matches!((cells[0], cells[1]), (Some(a), Some(b)) if a + b < 0.0)
                });
        if negative_items {
            rules.push("active.inconsistent");
        }
        rules
    }
}

// --------------------------------------------------------------------------- a table's shape

/// A cell as HTML and the .docx reader give it: text, colspan, rowspan (0: continues the
/// cell above, as a .docx `vMerge` does).
#[derive(Clone, Debug)]
struct TCell {
    text: String,
    colspan: usize,
    rowspan: usize,
    header: bool,
}

fn td(text: &str) -> TCell {
    TCell {
        text: text.to_string(),
        colspan: 1,
        rowspan: 1,
        header: false,
    }
}

fn th(text: &str) -> TCell {
    TCell {
        header: true,
        ..td(text)
    }
}

fn span(mut cell: TCell, colspan: usize, rowspan: usize) -> TCell {
    cell.colspan = colspan;
    cell.rowspan = rowspan;
    cell
}

type TRows = Vec<Vec<TCell>>;

/// A report as blocks: paragraphs and tables.
#[derive(Clone, Debug)]
enum Block {
    Para(String),
    Table(TRows),
}

/// How one rendering prints its tables.
#[derive(Clone, Debug)]
struct Style {
    /// 0: merged label cells (三、本年度办理结果 and the groups span their rows); 1: one label
    /// cell per row; 2: the group and the label in two cells, the group repeated or empty.
    labels: usize,
    /// 0: no header; 1: one header row; 2: the template's merged header.
    header: usize,
    /// A data row after which 表三's header is repeated (a page break in Word).
    repeat_header_after: Option<usize>,
    /// An extra empty column: after the labels, or at the end.
    extra_column: Option<bool>,
    blank: &'static str,
    full_width: bool,
    thousands: bool,
    plus_sign: bool,
    /// 表二 as one table per 第二十条 block.
    active_split: bool,
    /// 表四 as the printed one row of 15 cells, or as three rows.
    review_flat: bool,
    /// Group cells continue with a .docx `vMerge` instead of a rowspan.
    vmerge: bool,
}

impl Style {
    fn random(rng: &mut Rng) -> Style {
        Style {
            labels: rng.below(3),
            header: rng.below(3),
            repeat_header_after: rng.chance(30).then(|| rng.range(3, 15) as usize),
            extra_column: rng.chance(25).then(|| rng.chance(50)),
            blank: rng.pick(&["", "", "/", "—", "-", "无"]),
            full_width: rng.chance(15),
            thousands: rng.chance(30),
            plus_sign: rng.chance(30),
            active_split: rng.chance(40),
            review_flat: rng.chance(50),
            vmerge: rng.chance(30),
        }
    }

    fn number(&self, value: Option<f64>, signed: bool) -> String {
        let Some(v) = value else {
            return self.blank.to_string();
        };
        let mut text = if v.fract() == 0.0 {
            let digits = (v.abs() as i64).to_string();
            let grouped = if self.thousands && digits.len() > 3 {
                let mut out = String::new();
                for (i, c) in digits.chars().enumerate() {
                    if i > 0 && (digits.len() - i).is_multiple_of(3) {
                        out.push(',');
                    }
                    out.push(c);
                }
                out
            } else {
                digits
            };
            let sign = if v < 0.0 {
                "-"
            } else if signed && self.plus_sign && v > 0.0 {
                "+"
            } else {
                ""
            };
            format!("{sign}{grouped}")
        } else {
            format!("{v}")
        };
        if self.full_width {
            text = text
                .chars()
                .map(|c| match c {
                    '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap(),
                    '.' => '．',
                    '+' => '＋',
                    _ => c,
                })
                .collect();
        }
        text
    }
}

/// Adds the extra empty column to every row of a table of `label_width` label columns.
fn with_extra_column(rows: TRows, style: &Style, label_width: usize) -> TRows {
    let Some(after_labels) = style.extra_column else {
        return rows;
    };
    let mut out = Vec::new();
    // Grid columns covered in each row by rowspans from above, to find where a column starts.
    let mut covered: Vec<Vec<usize>> = vec![Vec::new(); rows.len()];
    for (r, row) in rows.into_iter().enumerate() {
        let mut col = 0;
        let mut cells = Vec::new();
        let mut inserted = false;
        for cell in row {
            while covered[r].contains(&col) {
                col += 1;
            }
            if after_labels && !inserted && col >= label_width {
                cells.push(td(""));
                inserted = true;
            }
            for below in covered.iter_mut().skip(r + 1).take(cell.rowspan.max(1) - 1) {
                below.extend(col..col + cell.colspan);
            }
            col += cell.colspan;
            cells.push(cell);
        }
        if !inserted {
            cells.push(td(""));
        }
        out.push(cells);
    }
    out
}

fn requests_header(style: &Style, label_width: usize) -> TRows {
    let names = [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ];
    match style.header {
        0 => Vec::new(),
        1 => {
            let mut row = vec![span(th("项目"), label_width, 1)];
            row.extend(names.iter().map(|n| th(n)));
            vec![row]
        }
        _ => vec![
            vec![
                span(
                    th("本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和"),
                    label_width,
                    3,
                ),
                span(th("申请人情况"), 7, 1),
            ],
            vec![
                span(th("自然人"), 1, 2),
                span(th("法人或其他组织"), 5, 1),
                span(th("总计"), 1, 2),
            ],
            names[1..6].iter().map(|n| th(n)).collect(),
        ],
    }
}

/// 表三 in `style`.
fn requests_table(set: &TableSet, style: &Style) -> TRows {
    let rows = set.template.request_rows();
    let label_width = [3, 1, 2][style.labels];
    let mut out = requests_header(style, label_width);
    let results: Vec<usize> = (0..rows.len())
        .filter(|&i| !matches!(rows[i].key, "new" | "carried_over" | "carry_forward"))
        .collect();
    for (i, row) in rows.iter().enumerate() {
        let mut cells = Vec::new();
        let first_of_group = row.group.is_some() && (i == 0 || rows[i - 1].group != row.group);
        let group_len = rows
            .iter()
            .filter(|r| r.group.is_some() && r.group == row.group)
            .count();
        match style.labels {
            0 => {
                if !results.contains(&i) {
                    cells.push(span(td(row.label), 3, 1));
                } else {
                    if i == results[0] {
                        cells.push(span(td(common::RESULTS_GROUP), 1, results.len()));
                    } else if style.vmerge {
                        cells.push(span(td(""), 1, 0));
                    }
                    match row.group {
                        Some(group) if first_of_group => {
                            cells.push(span(td(group), 1, group_len));
                            cells.push(td(row.label));
                        }
                        Some(_) => {
                            if style.vmerge {
                                cells.push(span(td(""), 1, 0));
                            }
                            cells.push(td(row.label));
                        }
                        None => cells.push(span(td(row.label), 2, 1)),
                    }
                }
            }
            1 => {
                let label = match row.group {
                    Some(group) if first_of_group || i % 2 == 0 => format!("{group}{}", row.label),
                    _ => row.label.to_string(),
                };
                cells.push(td(&label));
            }
            _ => match row.group {
                Some(group) => {
                    cells.push(td(if first_of_group || i % 3 == 0 {
                        group
                    } else {
                        ""
                    }));
                    cells.push(td(row.label));
                }
                None => cells.push(span(td(row.label), 2, 1)),
            },
        }
        for value in &set.requests[i] {
            cells.push(td(&style.number(*value, false)));
        }
        out.push(cells);
        // Not inside merged label cells: a header row there would cut them.
        if style.repeat_header_after == Some(i) && style.labels != 0 {
            let header = requests_header(style, label_width);
            if header.is_empty() {
                out.extend(requests_header(
                    &Style {
                        header: 1,
                        ..style.clone()
                    },
                    label_width,
                ));
            } else {
                out.extend(header);
            }
        }
    }
    // The vMerge form needs the rowspan cells to be one row tall, continued below.
    let out = if style.vmerge { to_vmerge(out) } else { out };
    with_extra_column(out, style, label_width)
}

/// Turns the rowspan of label cells that are continued by `rowspan: 0` cells into 1.
fn to_vmerge(rows: TRows) -> TRows {
    rows.into_iter()
        .map(|row| {
            row.into_iter()
                .map(|mut c| {
                    if c.rowspan > 1 && !c.header {
                        c.rowspan = 1;
                    }
                    c
                })
                .collect()
        })
        .collect()
}

/// 表二: one table, or one per 第二十条 block.
fn active_tables(set: &TableSet, style: &Style) -> Vec<TRows> {
    let mut tables: Vec<TRows> = Vec::new();
    let mut current: TRows = Vec::new();
    let mut index = 0;
    for block in set.template.blocks() {
        if style.active_split && !current.is_empty() {
            tables.push(std::mem::take(&mut current));
        }
        if style.header > 0 {
            current.push(vec![span(
                th(&format!("第二十条第（{}）项", block.item)),
                4,
                1,
            )]);
            let mut head = vec![th("信息内容")];
            for (j, col) in block.cols.iter().enumerate() {
                let last = j + 1 == block.cols.len();
                head.push(span(
                    th(col.1),
                    if last { 4 - block.cols.len() } else { 1 },
                    1,
                ));
            }
            current.push(head);
        }
        for (_, label) in block.rows {
            let mut row = vec![td(label)];
            for (j, col) in block.cols.iter().enumerate() {
                let last = j + 1 == block.cols.len();
                let text = style.number(set.active[index][j], col.2 == common::ColKind::Signed);
                row.push(span(
                    td(&text),
                    if last { 4 - block.cols.len() } else { 1 },
                    1,
                ));
            }
            current.push(row);
            index += 1;
        }
    }
    tables.push(current);
    tables
        .into_iter()
        .map(|t| with_extra_column(t, style, 1))
        .collect()
}

/// 表四: the printed form (one row of 15 under a three-row header) or three rows.
fn review_table(set: &TableSet, style: &Style) -> TRows {
    let heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut out = Vec::new();
    if style.review_flat {
        out.push(vec![
            span(th("行政复议"), 5, 2),
            span(th("行政诉讼"), 10, 1),
        ]);
        out.push(vec![
            span(th("未经复议直接起诉"), 5, 1),
            span(th("复议后起诉"), 5, 1),
        ]);
        out.push((0..15).map(|j| th(heads[j % 5])).collect());
        out.push(
            set.review
                .iter()
                .flatten()
                .map(|v| td(&style.number(*v, false)))
                .collect(),
        );
        return with_extra_column(out, style, 0);
    }
    let label_width = if style.labels == 0 { 2 } else { 1 };
    if style.header > 0 {
        let mut head = vec![span(th(""), label_width, 1)];
        head.extend(heads.iter().map(|h| th(h)));
        out.push(head);
    }
    for (g, (_, name)) in REVIEW_GROUPS.iter().enumerate() {
        let mut row = Vec::new();
        match (style.labels, g) {
            (0, 0) => row.push(span(td(name), 2, 1)),
            (0, 1) => {
                row.push(span(td("行政诉讼"), 1, 2));
                row.push(td(name));
            }
            (0, _) => row.push(td(name)),
            _ => row.push(td(name)),
        }
        row.extend(set.review[g].iter().map(|v| td(&style.number(*v, false))));
        out.push(row);
    }
    with_extra_column(out, style, label_width)
}

// --------------------------------------------------------------------------- documents

/// A whole report around `set`'s tables in `style`: from a fixture's own text (its table
/// lines replaced by the tables), or a short made-up report.
fn report_blocks(set: &TableSet, style: &Style, fixture_text: Option<&str>) -> Vec<Block> {
    let mut tables: Vec<Vec<TRows>> = vec![
        active_tables(set, style),
        vec![requests_table(set, style)],
        vec![review_table(set, style)],
    ];
    let mut blocks = Vec::new();
    match fixture_text {
        Some(text) => {
            // The fixture's tables, by the lines the text reader found them on.
            let report = nianbao::check_text(text, &nianbao::Options::default());
            let ranges: Vec<(usize, usize)> = ["active", "requests", "review_litigation"]
                .iter()
                .map(|key| {
                    let table = report.tables.get(key).expect("the fixture's table");
                    let lines = table.rows.iter().flatten().flatten().map(|c| c.line);
                    (table.line, lines.max().unwrap_or(table.line))
                })
                .collect();
            for (n, line) in text.lines().enumerate() {
                let n = n + 1;
                match ranges.iter().position(|&(a, b)| (a..=b).contains(&n)) {
                    Some(t) if ranges[t].0 == n => {
                        blocks.extend(std::mem::take(&mut tables[t]).into_iter().map(Block::Table))
                    }
                    Some(_) => {}
                    None => blocks.push(Block::Para(line.to_string())),
                }
            }
        }
        None => {
            let (agency, year) = (&set.agency, set.year);
            blocks.push(Block::Para(format!(
                "{agency}{year}年政府信息公开工作年度报告"
            )));
            blocks.push(Block::Para(format!(
                "本报告根据《中华人民共和国政府信息公开条例》编制。报告所列统计期限自{year}年1月1日至{year}年12月31日。"
            )));
            for (i, heading) in HEADINGS.iter().enumerate() {
                blocks.push(Block::Para(heading.to_string()));
                match i {
                    0 => blocks.push(Block::Para("本年度，本机关认真贯彻落实《条例》。".into())),
                    1..=3 => blocks.extend(
                        std::mem::take(&mut tables[i - 1])
                            .into_iter()
                            .map(Block::Table),
                    ),
                    4 => blocks.push(Block::Para(
                        "一是政策解读形式较为单一；二是答复规范化水平有待提升。下一步将加强培训。"
                            .into(),
                    )),
                    _ => blocks.push(Block::Para(format!("{year}年，本机关未收取信息处理费。"))),
                }
            }
            blocks.push(Block::Para(agency.to_string()));
            blocks.push(Block::Para(format!("{}年1月15日", year + 1)));
        }
    }
    blocks
}

fn build(blocks: &[Block]) -> Document {
    let mut b = DocumentBuilder::new();
    for block in blocks {
        match block {
            Block::Para(text) => b.paragraph(text),
            Block::Table(rows) => {
                b.begin_table();
                for row in rows {
                    b.begin_row();
                    for cell in row {
                        let rowspan = match cell.rowspan {
                            0 => RowSpan::ContinueAbove,
                            n => RowSpan::Rows(n),
                        };
                        b.cell(&cell.text, cell.colspan, rowspan);
                    }
                }
            }
        }
    }
    b.finish()
}

// --------------------------------------------------------------------------- checking

fn differences(expected: &Value, actual: &Value) -> Vec<String> {
    let mut diffs = Vec::new();
    for table in ["active", "requests", "review_litigation"] {
        for (row, cols) in expected[table].as_object().into_iter().flatten() {
            for (col, exp) in cols.as_object().into_iter().flatten() {
                let act = &actual[table][row][col];
                let same = match (exp.as_f64(), act.as_f64()) {
                    (Some(e), Some(a)) => (e - a).abs() < 1e-6,
                    (None, None) => exp.is_null() && act.is_null(),
                    _ => false,
                };
                if !same {
                    diffs.push(format!("{table}.{row}.{col}: expected {exp}, got {act}"));
                }
            }
        }
    }
    diffs
}

/// Problems with the check of `document`: cells not as in `set`, cells not read from a grid
/// cell, error and warning rules other than `expected`.
fn problems(set: &TableSet, document: &Document, expected: &[&str]) -> Vec<String> {
    let report = nianbao::check(document, None, &nianbao::Options::default());
    let json: Value =
        serde_json::from_str(&nianbao::output::json::to_string(None, &report)).unwrap();
    let mut problems = differences(&set.to_json(), &json["tables"]);
    let grid_ranges: Vec<(usize, usize)> = document
        .grids
        .iter()
        .flat_map(|g| g.cells.iter().map(|c| (c.start, c.end)))
        .collect();
    for key in ["active", "requests", "review_litigation"] {
        let Some(table) = report.tables.get(key) else {
            continue;
        };
        for (at, cell) in table.cells() {
            if !grid_ranges.contains(&(cell.start, cell.end)) {
                problems.push(format!(
                    "{key}.{}.{}: not read from a grid cell",
                    at.row, at.col
                ));
            }
        }
    }
    let mut rules: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] != "info")
        .filter_map(|f| f["rule"].as_str())
        .collect();
    rules.sort();
    rules.dedup();
    let mut expected = expected.to_vec();
    expected.sort();
    if rules != expected {
        let findings: Vec<String> = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| format!("{} {}", f["rule"], f["message"]))
            .collect();
        problems.push(format!(
            "rules {rules:?}, expected {expected:?}: {findings:#?}"
        ));
    }
    problems
}

/// Failures printed in full.
const SHOWN: usize = 6;

/// Renderings per table set.
const STYLES: u64 = 24;

#[test]
fn fixture_tables_read_from_grids_in_every_shape() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for (i, (name, truth, text)) in common::fixtures().iter().enumerate() {
        // The whole report is one line whose cells ran together, and its 表二 is not in the
        // truth: its tables are tested in `cells_that_run_together_as_text_are_read_apart`.
        if name.starts_with("平潭") {
            continue;
        }
        let set = TableSet::from_truth(name, truth);
        assert_eq!(set.to_json(), truth["tables"], "{name}: keys");
        let expected: Vec<&str> = truth["expected_rules"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        for s in 0..STYLES {
            let seed = i as u64 * 1000 + s;
            let style = Style::random(&mut Rng::new(seed));
            let document = build(&report_blocks(&set, &style, Some(text)));
            let found = problems(&set, &document, &expected);
            checked += 1;
            if !found.is_empty() {
                failures.push(format!(
                    "{name} seed {seed} {style:?}:\n  {}",
                    found.join("\n  ")
                ));
            }
        }
    }
    assert_no_failures(&failures, checked, " renderings");
}

/// Fails listing the first [`SHOWN`] of `failures`, out of `checked` (`things` names them).
fn assert_no_failures(failures: &[String], checked: usize, things: &str) {
    assert!(
        failures.is_empty(),
        "{} of {checked}{things} wrong:\n{}",
        failures.len(),
        failures
            .iter()
            .take(SHOWN)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    );
}

#[test]
fn generated_tables_read_from_grids_in_every_shape() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for set_seed in 1..=40u64 {
        let set = TableSet::generated(set_seed);
        let expected = set.blank_rules();
        for s in 0..STYLES / 2 {
            let seed = set_seed * 100 + s;
            let style = Style::random(&mut Rng::new(seed));
            let document = build(&report_blocks(&set, &style, None));
            let found = problems(&set, &document, &expected);
            checked += 1;
            if !found.is_empty() {
                failures.push(format!(
                    "{} seed {seed} {style:?}:\n  {}",
                    set.name,
                    found.join("\n  ")
                ));
            }
        }
    }
    assert_no_failures(&failures, checked, " renderings");
}

/// `document` with the tabs between cells taken out, as a copy of a web page's text gives
/// them (`<td>1</td><td>2</td>` is `12`): the grids still point at each cell.
fn run_together(document: &Document) -> Document {
    let mut text = String::with_capacity(document.text.len());
    // tabs_before[i]: tabs in the text before byte i.
    let mut tabs_before = Vec::with_capacity(document.text.len() + 1);
    let mut tabs = 0;
    for c in document.text.chars() {
        for _ in 0..c.len_utf8() {
            tabs_before.push(tabs);
        }
        if c == '\t' {
            tabs += 1;
        } else {
            text.push(c);
        }
    }
    tabs_before.push(tabs);
    let at = |offset: usize| offset - tabs_before[offset];
    let mut grids = document.grids.clone();
    for grid in &mut grids {
        for cell in &mut grid.cells {
            (cell.start, cell.end) = (at(cell.start), at(cell.end));
        }
        for start in &mut grid.row_starts {
            *start = at(*start);
        }
    }
    Document { text, grids }
}

#[test]
fn cells_that_run_together_as_text_are_read_apart() {
    let mut sets: Vec<(TableSet, Vec<&str>)> = (1..=12)
        .map(|seed| {
            let set = TableSet::generated(seed);
            let rules = set.blank_rules();
            (set, rules)
        })
        .collect();
    let fixtures = common::fixtures();
    for (name, truth, _) in &fixtures {
        let mut set = TableSet::from_truth(name, truth);
        // 平潭's truth has no 表二 (its text does not decide it): one of a generated set.
        if truth["tables"]["active"].is_null() {
            let mut seed = 1;
            let other = loop {
                let other = TableSet::generated(seed);
                if other.template == set.template && other.blank_rules().is_empty() {
                    break other;
                }
                seed += 1;
            };
            set.active = other.active;
        }
        // The rules about the tables; the prose here is made up.
        let mut rules = set.blank_rules();
        for rule in truth["expected_rules"].as_array().unwrap() {
            let rule = rule.as_str().unwrap();
            if !rule.starts_with("narrative.") && !rules.contains(&rule) {
                rules.push(rule);
            }
        }
        sets.push((set, rules));
    }
    let (mut checked, mut text_exact) = (0, 0);
    let mut failures = Vec::new();
    for (i, (set, rules)) in sets.iter().enumerate() {
        for s in 0..4 {
            let seed = 7000 + i as u64 * 10 + s;
            let mut style = Style::random(&mut Rng::new(seed));
            // No empty cells: they are what keeps numbers apart in text.
            if style.blank.is_empty() {
                style.blank = "—";
            }
            style.extra_column = None;
            let document = run_together(&build(&report_blocks(set, &style, None)));
            assert!(!document.text.contains('\t'));
            let found = problems(set, &document, rules);
            if !found.is_empty() {
                failures.push(format!(
                    "{} seed {seed}:\n  {}",
                    set.name,
                    found.join("\n  ")
                ));
            }
            let text = nianbao::check_text(&document.text, &nianbao::Options::default());
            let json: Value =
                serde_json::from_str(&nianbao::output::json::to_string(None, &text)).unwrap();
            if differences(&set.to_json(), &json["tables"]).is_empty() {
                text_exact += 1;
            }
            checked += 1;
        }
    }
    assert_no_failures(&failures, checked, "");
    // The same text without its grids reads most of them wrong: the grids made the difference.
    assert!(
        text_exact * 4 < checked,
        "{text_exact} of {checked} read right as text too"
    );
}

/// The rules of a check of `document`, and its `tables` as JSON.
fn rules_and_tables(document: &Document) -> (Vec<String>, Value) {
    let report = nianbao::check(document, None, &nianbao::Options::default());
    let json: Value =
        serde_json::from_str(&nianbao::output::json::to_string(None, &report)).unwrap();
    let rules = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect();
    (rules, json["tables"].clone())
}

#[test]
fn layout_grids_leave_the_text_reading_alone() {
    for (name, _, text) in common::fixtures() {
        let mut b = DocumentBuilder::new();
        // A page's frame: site navigation and the notice's facts, with numbers in them.
        b.begin_table();
        b.begin_row();
        b.cell("索引号：11500235MB1529624U/2021-00012", 1, RowSpan::Rows(1));
        b.cell("发布日期：2021年1月20日", 1, RowSpan::Rows(1));
        b.begin_row();
        b.cell("首页 > 政务公开 > 政府信息公开年报 > 本文共6个部分和3张统计表，各表的格与正文对应，详见正文各部分的统计表和说明文字，如有疑问请致电本机关办公室", 2, RowSpan::Rows(1));
        b.cell("12", 1, RowSpan::Rows(1));
        for line in text.lines() {
            b.paragraph(line);
        }
        let document = b.finish();
        let (rules, tables) = rules_and_tables(&document);
        // The grid reads as no table: the text reader reads the same text alike.
        let plain = nianbao::check_text(&document.text, &nianbao::Options::default());
        let plain_json: Value =
            serde_json::from_str(&nianbao::output::json::to_string(None, &plain)).unwrap();
        assert_eq!(tables, plain_json["tables"], "{name}");
        let plain_rules: Vec<&str> = plain.findings.iter().map(|f| f.rule.id()).collect();
        assert_eq!(rules, plain_rules, "{name}");
    }
}

/// 表三 in one grid without a header: `rows` replace the values of the rows named.
fn requests_grid(changes: &[(&str, Vec<&str>)]) -> Document {
    let set = TableSet::generated(3);
    let mut b = DocumentBuilder::new();
    b.paragraph("三、收到和处理政府信息公开申请情况");
    b.begin_table();
    for (row, values) in set.template.request_rows().iter().zip(&set.requests) {
        b.begin_row();
        b.cell(row.label, 1, RowSpan::Rows(1));
        match changes.iter().find(|(key, _)| *key == row.key) {
            Some((_, cells)) => cells.iter().for_each(|c| b.cell(c, 1, RowSpan::Rows(1))),
            None => values
                .iter()
                .for_each(|v| b.cell(&format!("{}", v.unwrap()), 1, RowSpan::Rows(1))),
        }
    }
    b.paragraph("四、政府信息公开行政复议、行政诉讼情况");
    b.finish()
}

#[test]
fn grid_rows_and_cells_that_cannot_be_read_give_findings() {
    // A row one cell short, with no header to say which: not placed by guessing.
    let document = requests_grid(&[("granted", vec!["1", "0", "0", "0", "0", "1"])]);
    let (rules, tables) = rules_and_tables(&document);
    assert!(
        rules.contains(&"structure.unreadable_row".to_string()),
        "{rules:?}"
    );
    assert!(tables["requests"]["granted"]["natural"].is_null());
    // A cell that is not a number: that cell, by name.
    let document = requests_grid(&[("partial", vec!["约5", "0", "0", "0", "0", "0", "5"])]);
    let report = nianbao::check(&document, None, &nianbao::Options::default());
    let finding = report
        .findings
        .iter()
        .find(|f| f.rule.id() == "structure.unreadable_cell")
        .expect("a finding about the cell");
    assert!(finding.message.contains("约5"), "{}", finding.message);
    assert_eq!(finding.cells[0].row, "partial");
    assert_eq!(finding.cells[0].col, "natural");
    let table = report.tables.requests.as_ref().unwrap();
    assert_eq!(
        table.value("partial", "total"),
        Some(nianbao::model::Number::Int(5))
    );
    // A row whose cells are text and one number, among 表三's: its numbers are not dropped
    // silently. (Its 2019 （六） tells the template now: the row is said to be unreadable,
    // where the 2021 reading this test once got said its （六） rows were missing.)
    let document = requests_grid(&[("denied.query", vec!["合计", "3"])]);
    let (rules, tables) = rules_and_tables(&document);
    assert!(
        rules
            .iter()
            .any(|r| r == "structure.unreadable_row" || r == "structure.row_missing"),
        "{rules:?}"
    );
    assert!(tables["requests"]["denied.query"]["total"].is_null());
}

#[test]
fn a_grid_row_under_a_name_no_row_has_declines_the_row_not_found() {
    // 「（三）4.保护第三方合法权益」 misnamed (a PDF without borders ran a group into it): the
    // row is not reported missing, as its numbers stand in the table; it is declined.
    let set = TableSet::generated(3);
    let table = |garbled: bool| {
        let mut b = DocumentBuilder::new();
        b.paragraph("三、收到和处理政府信息公开申请情况");
        b.begin_table();
        for (row, values) in set.template.request_rows().iter().zip(&set.requests) {
            if row.key == "denied.third_party" && !garbled {
                continue;
            }
            b.begin_row();
            let label = match row.key {
                "denied.third_party" => "保护第不予公开三方",
                _ => row.label,
            };
            b.cell(label, 1, RowSpan::Rows(1));
            for v in values {
                b.cell(&format!("{}", v.unwrap()), 1, RowSpan::Rows(1));
            }
        }
        b.paragraph("四、政府信息公开行政复议、行政诉讼情况");
        b.finish()
    };
    let (rules, tables) = rules_and_tables(&table(true));
    assert!(
        !rules.contains(&"structure.row_missing".to_string()),
        "{rules:?}"
    );
    assert!(
        rules.contains(&"structure.unreadable_row".to_string()),
        "{rules:?}"
    );
    assert!(tables["requests"]["denied.third_party"]["total"].is_null());
    // Without that row, it is missing.
    let (rules, _) = rules_and_tables(&table(false));
    assert!(
        rules.contains(&"structure.row_missing".to_string()),
        "{rules:?}"
    );
}

// --------------------------------------------------------------------------- HTML pages

/// How a page writes its HTML.
#[derive(Clone, Copy, Debug)]
enum Page {
    /// A portal's page: `<th>` headers in `<thead>`, data in `<tbody>`, the report inside a
    /// layout table beside the site's navigation, GBK with `<meta charset>`.
    Portal,
    /// Word's clipboard HTML: `<p class=MsoNormal>` in every cell, `<span>`s, `&nbsp;`,
    /// conditional comments, `<o:p>`.
    Word,
    /// Bare `<table>`/`<tr>`/`<td>`, whitespace and line breaks inside cells.
    Plain,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn html_cell(cell: &TCell, page: Page) -> String {
    let tag = match page {
        Page::Portal if cell.header => "th",
        _ => "td",
    };
    let mut attrs = String::new();
    if cell.colspan != 1 {
        attrs.push_str(&format!(" colspan=\"{}\"", cell.colspan));
    }
    if cell.rowspan > 1 {
        attrs.push_str(&format!(" rowspan={}", cell.rowspan));
    }
    let text = escape(&cell.text);
    let inner = match page {
        Page::Word if text.is_empty() => {
            "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>".to_string()
        }
        Page::Word => {
            // Long labels as two paragraphs, as Word wraps them.
            let chars: Vec<char> = text.chars().collect();
            if chars.len() > 12 && !text.contains('&') {
                let (a, b) = chars.split_at(chars.len() / 2);
                format!(
                    "<p class=MsoNormal align=center><span style='font-family:仿宋'>{}</span></p>\n<p class=MsoNormal><span>{}<o:p></o:p></span></p>",
                    a.iter().collect::<String>(),
                    b.iter().collect::<String>()
                )
            } else {
                format!("<p class=MsoNormal align=center><span lang=EN-US style='font-size:10.5pt'>{text}<o:p></o:p></span></p>")
            }
        }
        Page::Plain => format!("\n      {text}\n    "),
        Page::Portal => text,
    };
    format!("<{tag}{attrs}>{inner}</{tag}>")
}

fn html_table(rows: &TRows, page: Page) -> String {
    let mut out = String::from("<table border=1 cellspacing=0>\n");
    let header_rows = rows
        .iter()
        .take_while(|r| r.iter().all(|c| c.header))
        .count();
    for (i, row) in rows.iter().enumerate() {
        if matches!(page, Page::Portal) && i == 0 && header_rows > 0 {
            out.push_str("<thead>\n");
        }
        if matches!(page, Page::Portal) && i == header_rows {
            if header_rows > 0 {
                out.push_str("</thead>\n");
            }
            out.push_str("<tbody>\n");
        }
        out.push_str("  <tr>");
        for cell in row {
            out.push_str(&html_cell(cell, page));
        }
        out.push_str("</tr>\n");
    }
    if matches!(page, Page::Portal) {
        out.push_str("</tbody>\n");
    }
    out.push_str("</table>\n");
    out
}

/// A report as an HTML page's bytes.
fn html_page(blocks: &[Block], page: Page) -> Vec<u8> {
    let mut body = String::new();
    for block in blocks {
        match block {
            Block::Para(text) => match page {
                Page::Word => body.push_str(&format!(
                    "<p class=MsoNormal style='text-indent:32.0pt'><![if !supportLists]><span>{}</span><![endif]><o:p></o:p></p>\n",
                    escape(text)
                )),
                Page::Plain => body.push_str(&format!("{}<br>\n", escape(text))),
                Page::Portal => body.push_str(&format!("<p>{}</p>\n", escape(text))),
            },
            Block::Table(rows) => body.push_str(&html_table(rows, page)),
        }
    }
    match page {
        Page::Portal => {
            let html = format!(
                "<!DOCTYPE html>\n<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"><title>年报</title>\
                 <style>td {{ border: 1px solid }}</style><script>var nav = '<table><tr><td>9</td></tr></table>';</script></head>\n\
                 <body><table width=1000><tr><td class=nav><ul><li>首页</li><li>政务公开</li></ul></td>\n<td class=content>\n{body}</td></tr>\
                 <tr><td colspan=2>主办单位：某某人民政府办公室 电话：0517-83605210</td></tr></table></body></html>"
            );
            encoding_rs::GB18030.encode(&html).0.into_owned()
        }
        Page::Word => format!(
            "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><meta charset=utf-8><style><!-- p.MsoNormal {{margin:0}} --></style></head>\
             <body lang=ZH-CN><!--StartFragment-->{body}<!--EndFragment--></body></html>"
        )
        .into_bytes(),
        Page::Plain => format!("<html><body>\n{body}</body></html>").into_bytes(),
    }
}

fn read_page(bytes: &[u8]) -> Document {
    nianbao::native::open("page.html", bytes).expect("the page parses")
}

#[test]
fn html_pages_read_like_their_grids() {
    let mut failures = Vec::new();
    let mut checked = 0;
    let pages = [Page::Portal, Page::Word, Page::Plain];
    let fixtures = common::fixtures();
    let mut cases: Vec<(TableSet, Option<&str>, Vec<&str>)> = Vec::new();
    for (name, truth, text) in &fixtures {
        if name.starts_with("平潭") {
            continue;
        }
        let expected = truth["expected_rules"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .collect();
        cases.push((TableSet::from_truth(name, truth), Some(text), expected));
    }
    for seed in 1..=12 {
        let set = TableSet::generated(500 + seed);
        let rules = set.blank_rules();
        cases.push((set, None, rules));
    }
    for (i, (set, text, expected)) in cases.iter().enumerate() {
        for (p, &page) in pages.iter().enumerate() {
            let seed = 9000 + i as u64 * 10 + p as u64;
            let style = Style::random(&mut Rng::new(seed));
            let bytes = html_page(&report_blocks(set, &style, *text), page);
            let document = read_page(&bytes);
            let found = problems(set, &document, expected);
            checked += 1;
            if !found.is_empty() {
                failures.push(format!(
                    "{} {page:?} seed {seed} {style:?}:\n  {}",
                    set.name,
                    found.join("\n  ")
                ));
            }
        }
    }
    assert_no_failures(&failures, checked, " pages");
}

/// `nianbao check page.html`: a GBK portal page, read by its cells, in JSON Lines and text.
#[test]
fn the_command_line_reads_html_files() {
    let (name, truth, text) = common::fixtures().into_iter().next().unwrap();
    let set = TableSet::from_truth(&name, &truth);
    let style = Style::random(&mut Rng::new(11));
    let page = html_page(&report_blocks(&set, &style, Some(&text)), Page::Portal);
    let dir = std::env::temp_dir().join(format!("nianbao-grids-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("年报.HTM");
    std::fs::write(&path, &page).unwrap();
    let run = |format: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_nianbao"))
            .args(["check", "--format", format])
            .arg(&path)
            .output()
            .unwrap()
    };
    let json = run("json");
    assert_eq!(
        json.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&json.stderr)
    );
    let line: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(
        differences(&truth["tables"], &line["tables"]).is_empty(),
        "{line}"
    );
    assert_eq!(line["findings"], json!([]));
    let text_output = String::from_utf8(run("text").stdout).unwrap();
    assert!(text_output.contains("通过"), "{text_output}");
    // Too deeply nested to be a report: refused with a reason, the other files still checked.
    let deep = dir.join("deep.html");
    std::fs::write(&deep, "<div>".repeat(50_000)).unwrap();
    let both = std::process::Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check", "--format", "json"])
        .arg(&deep)
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(both.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&both.stderr).contains("嵌套"));
    assert_eq!(String::from_utf8_lossy(&both.stdout).lines().count(), 1);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// Grids of any shape and content, and grids that do not fit their text: never a panic.
#[test]
fn any_grid_is_read_without_panic() {
    let words = [
        "",
        "",
        "0",
        "12",
        "1,234",
        "+5",
        "-3",
        "/",
        "—",
        "无",
        "约5",
        "1 2",
        "一、本年新收政府信息公开申请数量",
        "（三）不予公开",
        "1.属于国家秘密",
        "总计",
        "其他",
        "自然人",
        "行政复议",
        "复议后起诉",
        "规章",
        "结果维持",
        "申请人情况",
        "😀",
        "第二十条第（五）项",
        "本年制发件数",
    ];
    for seed in 0..300u64 {
        let mut rng = Rng::new(seed);
        let mut b = DocumentBuilder::new();
        b.paragraph("三、收到和处理政府信息公开申请情况");
        for _ in 0..rng.range(1, 3) {
            b.begin_table();
            for _ in 0..rng.range(1, 30) {
                b.begin_row();
                for _ in 0..rng.range(0, 10) {
                    let rowspan = match rng.below(8) {
                        0 => RowSpan::ContinueAbove,
                        1 => RowSpan::Rows(rng.range(0, 40) as usize),
                        _ => RowSpan::Rows(1),
                    };
                    b.cell(rng.pick(&words), rng.range(0, 4) as usize, rowspan);
                }
            }
            b.paragraph("四、政府信息公开行政复议、行政诉讼情况");
        }
        let mut document = b.finish();
        let _ = nianbao::check(&document, None, &nianbao::Options::default());
        // Built for another text: ranges past its end or inside a character.
        document.text = document.text.chars().rev().take(40).collect();
        let options = nianbao::Options::default();
        let json = |r: &nianbao::Report| nianbao::output::json::to_string(None, r);
        // Such grids are not read: the text alone is.
        assert_eq!(
            json(&nianbao::check(&document, None, &options)),
            json(&nianbao::check_text(&document.text, &options))
        );
    }
}

/// A Word table copied as text and pasted into a web editor: each tab-separated line became a
/// row of its own cells, merged cells gone, so rows have their values in different columns
/// (`⇥（三）不予公开⇥1. 属于国家秘密⇥0…` beside `⇥3. 危及…⇥0…`), header rows with empty cells.
#[test]
fn tables_made_of_tab_lines_read_exactly() {
    let mut tested = 0;
    for (name, truth, text) in common::fixtures() {
        if text.lines().filter(|l| l.contains('\t')).count() < 20 {
            continue;
        }
        let mut b = DocumentBuilder::new();
        let mut in_table = false;
        for line in text.lines() {
            if line.contains('\t') {
                if !in_table {
                    b.begin_table();
                }
                b.begin_row();
                for field in line.split('\t') {
                    b.cell(field, 1, RowSpan::Rows(1));
                }
            } else {
                b.paragraph(line);
            }
            in_table = line.contains('\t');
        }
        let document = b.finish();
        let (rules, tables) = rules_and_tables(&document);
        let wrong = differences(&truth["tables"], &tables);
        assert!(wrong.is_empty(), "{name}: {wrong:?}");
        for rule in truth["expected_rules"].as_array().unwrap() {
            assert!(
                rules.iter().any(|r| r == rule),
                "{name}: {rule} not in {rules:?}"
            );
        }
        tested += 1;
    }
    assert!(tested >= 4, "{tested} fixtures with tab tables");
}

/// Hostile sizes are read (in linear time: timed by the worst_cases bench, not here): a row of
/// 250 text cells, 3,000 header rows; a table too wide to be a grid (its rows become lines of
/// text).
#[test]
fn huge_grids_are_read() {
    let document = worst_cases::huge_grid();
    assert_eq!(document.grids.len(), 1);
    assert!(document.text.len() < 2_000_000, "{}", document.text.len());
    let report = nianbao::check(&document, None, &nianbao::Options::default());
    assert!(report.tables.requests.is_none());
}
