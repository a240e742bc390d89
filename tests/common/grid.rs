//! The three tables as grids of merged cells, filled from a valid set or a truth file: what
//! the .docx and PDF generators (tests/docx.rs, tests/pdf_files.rs) write and compare with.

use serde_json::{Map, Value};

use super::{Draw, Rng, Scale, Tpl, ValidSet, REQ_COLS, RESULTS_GROUP, REVIEW_COLS, REVIEW_GROUPS};

/// What the table builders read of a file's variant.
#[derive(Clone, Copy, Debug, Default)]
pub struct GridStyle {
    /// A blank cell holds `/` (else nothing).
    pub slash_blanks: bool,
    /// The merged 三、本年度办理结果 column left out (`absent`) instead of merged.
    pub grid_before: bool,
    /// Header cells written as two lines (商业 / 企业).
    pub word_noise: bool,
    /// `1．` with the full-width stop, as Word's template prints it.
    pub full_width_stop: bool,
}

// --------------------------------------------------------------------------- a grid model

/// A cell as written: its top-left position, spans and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub row: usize,
    pub col: usize,
    pub rowspan: usize,
    pub colspan: usize,
    pub text: String,
}

/// A table as rows × columns; `absent` positions are left out by `w:gridBefore`.
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub cols: usize,
    pub rows: usize,
    pub cells: Vec<Cell>,
    pub absent: Vec<(usize, usize)>,
}

impl Table {
    pub fn new(cols: usize) -> Table {
        Table {
            cols,
            ..Table::default()
        }
    }

    /// Adds a row of `(colspan, rowspan, text)` cells at the first free positions.
    pub fn row(&mut self, cells: &[(usize, usize, &str)]) {
        let row = self.rows;
        self.rows += 1;
        let mut col = 0;
        for &(colspan, rowspan, text) in cells {
            while self.covered(row, col) {
                col += 1;
            }
            self.cells.push(Cell {
                row,
                col,
                rowspan,
                colspan,
                text: text.to_string(),
            });
            col += colspan;
        }
        assert!(col <= self.cols, "row {row} is too wide: {cells:?}");
    }

    fn covered(&self, row: usize, col: usize) -> bool {
        self.absent.contains(&(row, col))
            || self.cells.iter().any(|c| {
                (c.row..c.row + c.rowspan).contains(&row)
                    && (c.col..c.col + c.colspan).contains(&col)
            })
    }
}

// --------------------------------------------------------------------------- the values

/// The cells of the three tables, by the contract's keys; `None` is a blank cell.
pub struct Values {
    pub template: Tpl,
    pub tables: Map<String, Value>,
}

impl Values {
    fn get(&self, table: &str, row: &str, col: &str) -> Option<f64> {
        self.tables.get(table)?.get(row)?.get(col)?.as_f64()
    }
}

pub fn from_valid_set(set: &super::ValidSet, rng: &mut Rng) -> Values {
    let mut tables = Map::new();
    let blank = |rng: &mut Rng, v: f64| (!rng.chance(3)).then_some(v);
    let mut active = Map::new();
    for ((block, key, _), cells) in set.template.active_rows().iter().zip(&set.active) {
        let mut row = Map::new();
        for (col, v) in block.cols.iter().zip(cells) {
            row.insert(col.0.to_string(), blank(rng, *v).into());
        }
        active.insert(key.to_string(), row.into());
    }
    tables.insert("active".into(), active.into());
    let mut requests = Map::new();
    for (row, cells) in set.template.request_rows().iter().zip(&set.requests) {
        let mut out = Map::new();
        for (col, v) in REQ_COLS.iter().zip(cells) {
            out.insert(col.to_string(), blank(rng, *v as f64).into());
        }
        requests.insert(row.key.to_string(), out.into());
    }
    tables.insert("requests".into(), requests.into());
    let mut review = Map::new();
    for ((group, _), cells) in REVIEW_GROUPS.iter().zip(&set.review) {
        let mut out = Map::new();
        for (col, v) in REVIEW_COLS.iter().zip(cells) {
            out.insert(col.to_string(), blank(rng, *v as f64).into());
        }
        review.insert(group.to_string(), out.into());
    }
    tables.insert("review_litigation".into(), review.into());
    Values {
        template: set.template,
        tables,
    }
}

pub fn number(v: Option<f64>, style: GridStyle) -> String {
    match v {
        None if style.slash_blanks => "/".to_string(),
        None => String::new(),
        Some(v) if v.fract() == 0.0 => format!("{}", v as i64),
        Some(v) => format!("{v}"),
    }
}

// --------------------------------------------------------------------------- the three tables

/// 表二 in four grid columns, block by block as the template prints it.
pub fn active_table(values: &Values, style: GridStyle) -> Table {
    let mut t = Table::new(4);
    let v = |row: &str, col: &str| number(values.get("active", row, col), style);
    for block in values.template.blocks() {
        let heading = format!("第二十条第（{}）项", block.item);
        t.row(&[(4, 1, &heading)]);
        let mut header: Vec<(usize, usize, &str)> = vec![(1, 1, "信息内容")];
        let last = block.cols.len() - 1;
        for (i, col) in block.cols.iter().enumerate() {
            header.push((if i == last { 4 - 1 - last } else { 1 }, 1, col.1));
        }
        t.row(&header);
        for &(key, label) in block.rows {
            let texts: Vec<String> = block.cols.iter().map(|c| v(key, c.0)).collect();
            let mut row: Vec<(usize, usize, &str)> = vec![(1, 1, label)];
            for (i, text) in texts.iter().enumerate() {
                row.push((if i == last { 4 - 1 - last } else { 1 }, 1, text));
            }
            t.row(&row);
        }
    }
    t
}

/// 表三 in ten grid columns: three label columns (merged as the template merges them) and the
/// seven applicant columns under a three-row header.
pub fn requests_table(values: &Values, style: GridStyle) -> Table {
    let mut t = Table::new(10);
    let stop = |label: &str| {
        if style.full_width_stop {
            label.replacen('.', "．", 1)
        } else {
            label.to_string()
        }
    };
    let rows = values.template.request_rows();
    t.row(&[
        (
            3,
            3,
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        ),
        (7, 1, "申请人情况"),
    ]);
    t.row(&[(1, 2, "自然人"), (5, 1, "法人或其他组织"), (1, 2, "总计")]);
    let commercial = if style.word_noise {
        "商业\n企业"
    } else {
        "商业企业"
    };
    t.row(&[
        (1, 1, commercial),
        (1, 1, "科研机构"),
        (1, 1, "社会公益组织"),
        (1, 1, "法律服务机构"),
        (1, 1, "其他"),
    ]);
    let results = rows.iter().filter(|r| super::is_result_row(r.key)).count() + 1;
    let mut results_seen = 0;
    for (i, row) in rows.iter().enumerate() {
        let texts: Vec<String> = REQ_COLS
            .iter()
            .map(|c| number(values.get("requests", row.key, c), style))
            .collect();
        let mut cells: Vec<(usize, usize, String)> = Vec::new();
        if super::is_result_row(row.key) || row.key == "total" {
            if results_seen == 0 {
                let span = if style.grid_before { 1 } else { results };
                cells.push((1, span, RESULTS_GROUP.to_string()));
            } else if style.grid_before {
                t.absent.push((t.rows, 0));
            }
            results_seen += 1;
            match row.group {
                Some(group) => {
                    let first = i == 0 || rows[i - 1].group != Some(group);
                    if first {
                        let size = rows.iter().filter(|r| r.group == Some(group)).count();
                        cells.push((1, size, group.to_string()));
                    }
                    cells.push((1, 1, stop(row.label)));
                }
                None => cells.push((2, 1, row.label.to_string())),
            }
        } else {
            cells.push((3, 1, row.label.to_string()));
        }
        cells.extend(texts.into_iter().map(|text| (1, 1, text)));
        let cells: Vec<(usize, usize, &str)> =
            cells.iter().map(|(c, r, s)| (*c, *r, s.as_str())).collect();
        t.row(&cells);
    }
    t
}

/// 表四 in fifteen grid columns under its three-row header, values in one row.
pub fn review_table(values: &Values, style: GridStyle) -> Table {
    let mut t = Table::new(15);
    t.row(&[(5, 1, "行政复议"), (10, 1, "行政诉讼")]);
    let heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut row: Vec<(usize, usize, &str)> = heads.iter().map(|h| (1, 2, *h)).collect();
    row.push((5, 1, "未经复议直接起诉"));
    row.push((5, 1, "复议后起诉"));
    t.row(&row);
    let both: Vec<(usize, usize, &str)> = heads.iter().chain(&heads).map(|h| (1, 1, *h)).collect();
    t.row(&both);
    let texts: Vec<String> = REVIEW_GROUPS
        .iter()
        .flat_map(|(g, _)| {
            REVIEW_COLS
                .iter()
                .map(move |c| number(values.get("review_litigation", g, c), style))
        })
        .collect();
    let cells: Vec<(usize, usize, &str)> = texts.iter().map(|s| (1, 1, s.as_str())).collect();
    t.row(&cells);
    t
}

// --------------------------------------------------------------------------- around the tables

/// A fixture's text split around its tables: what comes before 二、主动公开政府信息情况, and
/// from 五、存在的主要问题 on.
pub fn fixture_prose(text: &str) -> (String, String) {
    let start = text.find("二、主动公开政府信息情况").expect("section 二");
    let end = start
        + text[start..]
            .find("五、存在的主要问题")
            .expect("section 五");
    // The heading's line prefix (`## `) stays with the prose before it.
    (text[..start].to_string(), text[end..].to_string())
}

pub fn tables(values: &Values, style: GridStyle) -> [Table; 3] {
    [
        active_table(values, style),
        requests_table(values, style),
        review_table(values, style),
    ]
}

/// Cells of `got` that differ from `want` (numbers equal within 1e-6, blanks as null).
pub fn wrong_cells(got: &Value, want: &Map<String, Value>, what: &str) -> Vec<String> {
    let mut wrong = Vec::new();
    for (table, rows) in want {
        for (row, cols) in rows.as_object().unwrap() {
            for (col, want) in cols.as_object().unwrap() {
                let found = &got["tables"][table][row][col];
                let same = match (found.as_f64(), want.as_f64()) {
                    (Some(a), Some(b)) => (a - b).abs() < 1e-6,
                    _ => found.is_null() && want.is_null(),
                };
                if !same {
                    wrong.push(format!(
                        "{what}: {table}.{row}.{col} want {want} got {found}"
                    ));
                }
            }
        }
    }
    wrong
}

pub fn template_of(truth: &Value) -> Tpl {
    match truth["template"].as_str() {
        Some("2019") => Tpl::Y2019,
        _ => Tpl::Y2021,
    }
}

pub const AGENCIES: [&str; 4] = [
    "某某县人民政府",
    "某某市财政局",
    "某某区人民政府办公室",
    "某某镇人民政府",
];

// --------------------------------------------------------------------------- shared by the tests

/// The random valid set of `seed` (2019 template on even seeds, 2021 on odd; 3% of cells
/// blank) and its generator, left where the set's drawing ended for the file's variant.
pub fn random_set(seed: u64) -> (Rng, ValidSet, Values) {
    let draw = Draw {
        scales: &[5, 50, 500, 5000],
        no_requests: Some(10),
        other_results: Some(20),
        review_scale: Scale::OneOf(&[2, 20]),
        agencies: &AGENCIES,
    };
    let mut rng = Rng::new(seed);
    let template = if seed.is_multiple_of(2) {
        Tpl::Y2019
    } else {
        Tpl::Y2021
    };
    let set = super::generate(&mut rng, template, &draw);
    let values = from_valid_set(&set, &mut rng);
    (rng, set, values)
}

/// The grid's cells as read, with their text.
pub fn cells_read(doc: &nianbao::Document, grid: &nianbao::input::document::Grid) -> Vec<Cell> {
    grid.cells
        .iter()
        .map(|c| Cell {
            row: c.row,
            col: c.col,
            rowspan: c.rowspan,
            colspan: c.colspan,
            text: doc.cell_text(c).to_string(),
        })
        .collect()
}

/// The report's JSON, as `nianbao check --format json` gives it.
pub fn check_json(doc: &nianbao::Document) -> Value {
    let report = nianbao::check(doc, None, &nianbao::Options::default());
    serde_json::from_str(&nianbao::output::json::to_string(None, &report)).unwrap()
}
