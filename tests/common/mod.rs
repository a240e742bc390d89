//! What the generator tests share (tests/layouts.rs, tests/run_together.rs): a seeded random
//! number generator, the templates' tables written out from CONTRACT.md, and a generator of
//! valid table sets of both templates.

// Each test crate compiles this module on its own and uses only part of it.
#![allow(dead_code)]

pub mod grid;
pub mod pdf_lines;
pub mod pdf_writer;
pub mod readback;

// --------------------------------------------------------------------------- randomness

/// xorshift64: deterministic on every platform and needs no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // splitmix64 scramble: neighbouring seeds start far apart, and xorshift never sees 0.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }

    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

// --------------------------------------------------------------------------- templates
//
// Written out here from CONTRACT.md rather than taken from `nianbao::model::template`, so that the
// tests check the contract and not the crate against itself.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tpl {
    Y2019,
    Y2021,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColKind {
    Count,
    /// 本年增/减: may be negative and may print a `+`.
    Signed,
    /// 万元, may have decimals.
    Amount,
}

use ColKind::{Amount, Count, Signed};

/// A column of 表二: key, printed header, kind.
pub type ActiveCol = (&'static str, &'static str, ColKind);

/// One 第二十条 block of 表二.
pub struct Block {
    /// The numeral of 第二十条第（…）项.
    pub item: &'static str,
    pub cols: &'static [ActiveCol],
    /// Row key and printed label.
    pub rows: &'static [(&'static str, &'static str)],
}

const DOCS_2019: &[ActiveCol] = &[
    ("new_made", "本年新制作数量", Count),
    ("new_published", "本年新公开数量", Count),
    ("total_published", "对外公开总数量", Count),
];
const ITEMS_2019: &[ActiveCol] = &[
    ("prev_items", "上一年项目数量", Count),
    ("change", "本年增/减", Signed),
    ("decisions", "处理决定数量", Count),
];

static ACTIVE_2019: [Block; 5] = [
    Block {
        item: "一",
        cols: DOCS_2019,
        rows: &[("regulations", "规章"), ("normative_docs", "规范性文件")],
    },
    Block {
        item: "五",
        cols: ITEMS_2019,
        rows: &[
            ("licensing", "行政许可"),
            ("other_services", "其他对外管理服务事项"),
        ],
    },
    Block {
        item: "六",
        cols: ITEMS_2019,
        rows: &[("penalty", "行政处罚"), ("coercion", "行政强制")],
    },
    Block {
        item: "八",
        cols: &[
            ("prev_items", "上一年项目数量", Count),
            ("change", "本年增/减", Signed),
        ],
        rows: &[("fees", "行政事业性收费")],
    },
    Block {
        item: "九",
        cols: &[
            ("items", "采购项目数量", Count),
            ("amount_wan_yuan", "采购总金额", Amount),
        ],
        rows: &[("procurement", "政府集中采购")],
    },
];

const DECISIONS_2021: &[ActiveCol] = &[("decisions", "本年处理决定数量", Count)];

static ACTIVE_2021: [Block; 4] = [
    Block {
        item: "一",
        cols: &[
            ("issued", "本年制发件数", Count),
            ("repealed", "本年废止件数", Count),
            ("in_force", "现行有效件数", Count),
        ],
        rows: &[
            ("regulations", "规章"),
            ("normative_docs", "行政规范性文件"),
        ],
    },
    Block {
        item: "五",
        cols: DECISIONS_2021,
        rows: &[("licensing", "行政许可")],
    },
    Block {
        item: "六",
        cols: DECISIONS_2021,
        rows: &[("penalty", "行政处罚"), ("coercion", "行政强制")],
    },
    Block {
        item: "八",
        cols: &[("amount_wan_yuan", "本年收费金额（单位：万元）", Amount)],
        rows: &[("fees", "行政事业性收费")],
    },
];

/// A row of 表三.
pub struct ReqRow {
    pub key: &'static str,
    /// The group label printed once, in a merged cell, before the group's first row. The
    /// merged cell in front of all result rows is not one of these: [`RESULTS_GROUP`].
    pub group: Option<&'static str>,
    pub label: &'static str,
}

const fn req(key: &'static str, group: Option<&'static str>, label: &'static str) -> ReqRow {
    ReqRow { key, group, label }
}

/// The merged cell in front of all result rows （一）…（七）, printed before 予以公开.
pub const RESULTS_GROUP: &str = "三、本年度办理结果";
const DENIED: Option<&str> = Some("（三）不予公开");
const UNABLE: Option<&str> = Some("（四）无法提供");
const IGNORED: Option<&str> = Some("（五）不予处理");
const OTHER: Option<&str> = Some("（六）其他处理");

static REQ_FIRST: [ReqRow; 20] = [
    req("new", None, "一、本年新收政府信息公开申请数量"),
    req("carried_over", None, "二、上年结转政府信息公开申请数量"),
    req("granted", None, "（一）予以公开"),
    req(
        "partial",
        None,
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    ),
    req("denied.state_secret", DENIED, "1.属于国家秘密"),
    req(
        "denied.law_prohibited",
        DENIED,
        "2.其他法律行政法规禁止公开",
    ),
    req("denied.safety_stability", DENIED, "3.危及“三安全一稳定”"),
    req("denied.third_party", DENIED, "4.保护第三方合法权益"),
    req("denied.internal", DENIED, "5.属于三类内部事务信息"),
    req("denied.process", DENIED, "6.属于四类过程性信息"),
    req("denied.enforcement_file", DENIED, "7.属于行政执法案卷"),
    req("denied.query", DENIED, "8.属于行政查询事项"),
    req("unable.not_held", UNABLE, "1.本机关不掌握相关政府信息"),
    req(
        "unable.needs_creation",
        UNABLE,
        "2.没有现成信息需要另行制作",
    ),
    req("unable.unclear", UNABLE, "3.补正后申请内容仍不明确"),
    req("ignored.complaint", IGNORED, "1.信访举报投诉类申请"),
    req("ignored.duplicate", IGNORED, "2.重复申请"),
    req("ignored.publication", IGNORED, "3.要求提供公开出版物"),
    req("ignored.excessive", IGNORED, "4.无正当理由大量反复申请"),
    req(
        "ignored.confirmation",
        IGNORED,
        "5.要求行政机关确认或重新出具已获取信息",
    ),
];
static REQ_OTHER_2019: [ReqRow; 1] = [req("other", None, "（六）其他处理")];
static REQ_OTHER_2021: [ReqRow; 3] = [
    req(
        "other.no_correction",
        OTHER,
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    req(
        "other.no_fee",
        OTHER,
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    req("other.misc", OTHER, "3.其他"),
];
static REQ_LAST: [ReqRow; 2] = [
    req("total", None, "（七）总计"),
    req("carry_forward", None, "四、结转下年度继续办理"),
];

pub const REQ_COLS: [&str; 7] = [
    "natural",
    "commercial",
    "research",
    "social",
    "legal",
    "other",
    "total",
];
/// Column index of 总计 in 表三 and 表四.
pub const REQ_TOTAL: usize = 6;
pub const REVIEW_TOTAL: usize = 4;

/// 表四's groups: key and printed name.
pub const REVIEW_GROUPS: [(&str, &str); 3] = [
    ("review", "行政复议"),
    ("litigation_direct", "未经复议直接起诉"),
    ("litigation_after_review", "复议后起诉"),
];
pub const REVIEW_COLS: [&str; 5] = ["upheld", "corrected", "other", "pending", "total"];

impl Tpl {
    pub fn id(self) -> &'static str {
        match self {
            Tpl::Y2019 => "2019",
            Tpl::Y2021 => "2021",
        }
    }

    pub fn blocks(self) -> &'static [Block] {
        match self {
            Tpl::Y2019 => &ACTIVE_2019,
            Tpl::Y2021 => &ACTIVE_2021,
        }
    }

    /// 表二's rows in order, each with its block, key and label.
    pub fn active_rows(self) -> Vec<(&'static Block, &'static str, &'static str)> {
        self.blocks()
            .iter()
            .flat_map(|b| b.rows.iter().map(move |&(key, label)| (b, key, label)))
            .collect()
    }

    pub fn request_rows(self) -> Vec<&'static ReqRow> {
        let other: &'static [ReqRow] = match self {
            Tpl::Y2019 => &REQ_OTHER_2019,
            Tpl::Y2021 => &REQ_OTHER_2021,
        };
        REQ_FIRST.iter().chain(other).chain(&REQ_LAST).collect()
    }
}

/// Rows （一）…（六） of 表三, summed into （七）总计.
pub fn is_result_row(key: &str) -> bool {
    !matches!(key, "new" | "carried_over" | "total" | "carry_forward")
}

// --------------------------------------------------------------------------- valid table sets

/// The three tables of one report, in template order, every cell filled and every identity
/// holding.
#[derive(Clone, Debug)]
pub struct ValidSet {
    pub template: Tpl,
    pub year: i32,
    pub agency: &'static str,
    pub active: Vec<Vec<f64>>,
    pub requests: Vec<[i64; 7]>,
    pub review: [[i64; 5]; 3],
}

impl ValidSet {
    pub fn request(&self, key: &str, col: usize) -> i64 {
        let index = self
            .template
            .request_rows()
            .iter()
            .position(|r| r.key == key)
            .expect("a row of 表三");
        self.requests[index][col]
    }

    /// Every identity of the contract holds and no count is negative.
    pub fn is_valid(&self) -> bool {
        let rows = self.template.request_rows();
        let rows_add_up = self
            .requests
            .iter()
            .all(|r| r[..REQ_TOTAL].iter().sum::<i64>() == r[REQ_TOTAL])
            && self
                .review
                .iter()
                .all(|r| r[..REVIEW_TOTAL].iter().sum::<i64>() == r[REVIEW_TOTAL]);
        let columns_add_up = (0..REQ_COLS.len()).all(|c| {
            let results: i64 = rows
                .iter()
                .zip(&self.requests)
                .filter(|(r, _)| is_result_row(r.key))
                .map(|(_, cells)| cells[c])
                .sum();
            let get = |key| self.request(key, c);
            results == get("total")
                && get("new") + get("carried_over") == get("total") + get("carry_forward")
        });
        let not_negative = self.requests.iter().flatten().all(|&v| v >= 0)
            && self.review.iter().flatten().all(|&v| v >= 0)
            && self.template.active_rows().iter().zip(&self.active).all(
                |((block, _, _), cells)| {
                    block
                        .cols
                        .iter()
                        .zip(cells)
                        .all(|(col, &v)| col.2 == Signed || v >= 0.0)
                },
            );
        rows_add_up && columns_add_up && not_negative
    }
}

/// The six section headings as the template prints them.
pub const HEADINGS: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

// --------------------------------------------------------------------------- table sets

pub type Cells = Vec<Vec<Option<f64>>>;

/// The three tables of one report, in template order; `None` is a blank cell.
#[derive(Clone, Debug)]
pub struct TableSet {
    pub name: String,
    pub template: Tpl,
    pub year: i32,
    pub agency: String,
    pub active: Cells,
    pub requests: Cells,
    pub review: Cells,
}

impl TableSet {
    /// The tables of a truth file. A table the truth leaves out (null: the text does not
    /// decide it) is all blank; a table given must give every cell.
    pub fn from_truth(name: &str, truth: &serde_json::Value) -> TableSet {
        let template = match truth["template"].as_str() {
            Some("2019") => Tpl::Y2019,
            Some("2021") => Tpl::Y2021,
            other => panic!("{name}: template {other:?}"),
        };
        let tables = &truth["tables"];
        let cell = |table: &str, row: &str, col: &str| -> Option<f64> {
            if tables[table].is_null() {
                return None;
            }
            let value = tables[table]
                .get(row)
                .and_then(|r| r.get(col))
                .unwrap_or_else(|| panic!("{name}: no cell {table}.{row}.{col}"));
            if value.is_null() {
                None
            } else {
                Some(value.as_f64().expect("a number or null"))
            }
        };
        TableSet {
            name: format!("fixture {name}"),
            template,
            year: truth["report_year"].as_i64().expect("report_year") as i32,
            agency: truth["agency"]
                .as_str()
                .unwrap_or("某县人民政府")
                .to_string(),
            active: template
                .active_rows()
                .iter()
                .map(|(block, key, _)| {
                    block
                        .cols
                        .iter()
                        .map(|c| cell("active", key, c.0))
                        .collect()
                })
                .collect(),
            requests: template
                .request_rows()
                .iter()
                .map(|row| {
                    REQ_COLS
                        .iter()
                        .map(|c| cell("requests", row.key, c))
                        .collect()
                })
                .collect(),
            review: REVIEW_GROUPS
                .iter()
                .map(|(key, _)| {
                    REVIEW_COLS
                        .iter()
                        .map(|c| cell("review_litigation", key, c))
                        .collect()
                })
                .collect(),
        }
    }

    /// The `tables` object of the contract.
    pub fn to_json(&self) -> serde_json::Value {
        fn num(v: Option<f64>) -> serde_json::Value {
            match v {
                Some(v) if v.fract() == 0.0 => serde_json::json!(v as i64),
                Some(v) => serde_json::json!(v),
                None => serde_json::Value::Null,
            }
        }
        let mut active = serde_json::Map::new();
        for ((block, key, _), cells) in self.template.active_rows().iter().zip(&self.active) {
            let row: serde_json::Map<String, serde_json::Value> = block
                .cols
                .iter()
                .zip(cells)
                .map(|(c, &v)| (c.0.to_string(), num(v)))
                .collect();
            active.insert(key.to_string(), serde_json::Value::Object(row));
        }
        let mut requests = serde_json::Map::new();
        for (row, cells) in self.template.request_rows().iter().zip(&self.requests) {
            let cols = REQ_COLS
                .iter()
                .zip(cells)
                .map(|(c, &v)| (c.to_string(), num(v)));
            requests.insert(
                row.key.to_string(),
                serde_json::Value::Object(cols.collect()),
            );
        }
        let mut review = serde_json::Map::new();
        for ((key, _), cells) in REVIEW_GROUPS.iter().zip(&self.review) {
            let cols = REVIEW_COLS
                .iter()
                .zip(cells)
                .map(|(c, &v)| (c.to_string(), num(v)));
            review.insert(key.to_string(), serde_json::Value::Object(cols.collect()));
        }
        serde_json::json!({"active": active, "requests": requests, "review_litigation": review})
    }

    /// Blanks `count` cells, anywhere in the three tables.
    pub fn blank_random_cells(&mut self, rng: &mut Rng, count: i64) {
        for _ in 0..count {
            let table = match rng.below(3) {
                0 => &mut self.active,
                1 => &mut self.requests,
                _ => &mut self.review,
            };
            let row = rng.below(table.len());
            let col = rng.below(table[row].len());
            table[row][col] = None;
        }
    }

    /// A valid set as a table set, every cell filled.
    pub fn from_valid(name: String, valid: &ValidSet) -> TableSet {
        let to_cells = |rows: Vec<Vec<i64>>| -> Cells {
            rows.into_iter()
                .map(|r| r.into_iter().map(|v| Some(v as f64)).collect())
                .collect()
        };
        TableSet {
            name,
            template: valid.template,
            year: valid.year,
            agency: valid.agency.to_string(),
            active: valid
                .active
                .iter()
                .map(|r| r.iter().map(|&v| Some(v)).collect())
                .collect(),
            requests: to_cells(valid.requests.iter().map(|r| r.to_vec()).collect()),
            review: to_cells(valid.review.iter().map(|r| r.to_vec()).collect()),
        }
    }
}

/// How a test draws its table sets. The tests draw differently, and each seed must keep
/// giving the tables it gave, so whatever a test does not draw costs no draw.
pub struct Draw {
    /// 表三's scale, one of these: how many requests an agency gets.
    pub scales: &'static [i64],
    /// Chance in percent that 表三 is all zeros, as small departments report it; `None`:
    /// never (nothing drawn).
    pub no_requests: Option<usize>,
    /// Chance in percent that a result row other than 予以公开, 部分公开 and 本机关不掌握 has
    /// any requests; `None`: every result row may (nothing drawn).
    pub other_results: Option<usize>,
    /// 表四's scale.
    pub review_scale: Scale,
    /// The agency is one of these.
    pub agencies: &'static [&'static str],
}

pub enum Scale {
    /// This one (nothing drawn).
    Fixed(i64),
    /// One of these.
    OneOf(&'static [i64]),
}

/// A count as agencies report them: mostly zero or small, sometimes up to `scale`.
fn count(rng: &mut Rng, scale: i64) -> i64 {
    match rng.below(10) {
        0..=3 => 0,
        4..=7 => rng.range(1, 9.min(scale.max(1))),
        _ => rng.range(0, scale),
    }
}

/// An amount in 万元 with up to two decimals.
fn amount(rng: &mut Rng) -> f64 {
    match rng.below(4) {
        0 => 0.0,
        1 => rng.range(0, 5_000) as f64,
        _ => rng.range(0, 10_000_000) as f64 / 100.0,
    }
}

/// A valid table set of `template`, no cell blank, drawn from `rng` as `draw` says.
pub fn generate(rng: &mut Rng, template: Tpl, draw: &Draw) -> ValidSet {
    let year = match template {
        Tpl::Y2019 => rng.range(2019, 2020),
        Tpl::Y2021 => rng.range(2021, 2024),
    } as i32;
    let scale = rng.pick(draw.scales);
    let no_requests = draw.no_requests.is_some_and(|p| rng.chance(p));

    // 表三: results first, then 总计, then 一/二/四 so that 一 + 二 = 总计 + 四.
    let rows = template.request_rows();
    let mut requests = vec![[0i64; 7]; rows.len()];
    let index = |key: &str| rows.iter().position(|r| r.key == key).expect("row");
    let mut totals = [0i64; 6];
    if !no_requests {
        for (row, cells) in rows.iter().zip(requests.iter_mut()) {
            if !is_result_row(row.key) {
                continue;
            }
            // Most result rows are empty in most reports.
            let used = matches!(row.key, "granted" | "partial" | "unable.not_held")
                || draw.other_results.is_none_or(|p| rng.chance(p));
            if !used {
                continue;
            }
            for (c, cell) in cells.iter_mut().take(REQ_TOTAL).enumerate() {
                // Natural persons file most requests; the other columns are mostly zero.
                *cell = if c == 0 || rng.chance(20) {
                    count(rng, scale)
                } else {
                    0
                };
                totals[c] += *cell;
            }
        }
        for (c, &total) in totals.iter().enumerate() {
            let carried_over = count(rng, 1 + scale / 10);
            let carry_forward = count(rng, 1 + scale / 10);
            let carried_over = carried_over.min(total + carry_forward);
            requests[index("total")][c] = total;
            requests[index("carried_over")][c] = carried_over;
            requests[index("carry_forward")][c] = carry_forward;
            requests[index("new")][c] = total + carry_forward - carried_over;
        }
    }
    for cells in &mut requests {
        cells[REQ_TOTAL] = cells[..REQ_TOTAL].iter().sum();
    }

    let review_scale = match draw.review_scale {
        Scale::Fixed(scale) => scale,
        Scale::OneOf(scales) => rng.pick(scales),
    };
    let mut review = [[0i64; 5]; 3];
    for cells in &mut review {
        for cell in cells.iter_mut().take(REVIEW_TOTAL) {
            *cell = if rng.chance(40) {
                count(rng, review_scale)
            } else {
                0
            };
        }
        cells[REVIEW_TOTAL] = cells[..REVIEW_TOTAL].iter().sum();
    }

    let active = template
        .active_rows()
        .iter()
        .map(|(block, _, _)| active_row(rng, template, block, scale))
        .collect();

    let set = ValidSet {
        template,
        year,
        agency: rng.pick(draw.agencies),
        active,
        requests,
        review,
    };
    assert!(set.is_valid(), "generator made an invalid set: {set:?}");
    set
}

fn active_row(rng: &mut Rng, template: Tpl, block: &Block, scale: i64) -> Vec<f64> {
    match (template, block.cols[0].0) {
        (Tpl::Y2019, "new_made") => {
            let total = rng.range(0, 20 * scale);
            let published = rng.range(0, total.min(5 * scale));
            vec![
                (published + rng.range(0, 3)) as f64,
                published as f64,
                total as f64,
            ]
        }
        (Tpl::Y2021, "issued") => {
            let in_force = rng.range(0, 20 * scale);
            vec![
                rng.range(0, in_force.min(5 * scale)) as f64,
                rng.range(0, 10) as f64,
                in_force as f64,
            ]
        }
        _ => block
            .cols
            .iter()
            .map(|col| match col.2 {
                Count => count(rng, 100 * scale) as f64,
                Signed => rng.range(-50, 200) as f64,
                Amount => amount(rng),
            })
            .collect(),
    }
}

// --------------------------------------------------------------------------- fixtures

/// The shared fixtures as (name, truth, decoded text), sorted by name.
pub fn fixtures() -> Vec<(String, serde_json::Value, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("../shared/fixtures beside the repo") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let Some(stem) = name.strip_suffix(".truth.json") else {
            continue;
        };
        let truth: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let bytes = std::fs::read(dir.join(format!("{stem}.txt"))).unwrap();
        let text = nianbao::input::decode(&bytes).expect("fixture decodes");
        found.push((stem.to_string(), truth, text));
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(
        found.len() >= 8,
        "expected the shared fixtures, found {}",
        found.len()
    );
    found
}

/// The shared fixtures whose truth files expect no finding, as (name, decoded text), sorted.
pub fn clean_fixtures() -> Vec<(String, String)> {
    fixtures()
        .into_iter()
        .filter(|(_, truth, _)| {
            truth["expected_rules"]
                .as_array()
                .is_some_and(|r| r.is_empty())
        })
        .map(|(name, _, text)| (name, text))
        .collect()
}

/// Checks `text` against last year's report `previous` (the cross-year checks).
pub fn check_pair(text: &str, previous: &str, options: &nianbao::Options) -> nianbao::Report {
    let document = nianbao::Document::from_text(text);
    nianbao::check(
        &document,
        Some(&nianbao::Document::from_text(previous)),
        options,
    )
}

/// Decodes bytes as a file is read and checks them.
pub fn check_bytes(
    bytes: &[u8],
    options: &nianbao::Options,
) -> Result<nianbao::Report, nianbao::ReadError> {
    Ok(nianbao::check_text(
        &nianbao::input::decode(bytes)?,
        options,
    ))
}

/// A value as a report prints it: whole numbers without a point, a `+` on a positive change.
#[allow(dead_code)]
pub fn print_value(value: f64, kind: ColKind) -> String {
    let value = (value * 1e6).round() / 1e6;
    let text = if value.fract() == 0.0 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    };
    match kind {
        ColKind::Signed if value > 0.0 => format!("+{text}"),
        _ => text,
    }
}
