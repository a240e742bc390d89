//! Tables whose cells ran together: a report copied from a web page as text, the whole report
//! on one line and every table cell concatenated with no separator at all
//! (`一、本年新收政府信息公开申请数量640020470二、上年结转…`), shaped like the shared fixture
//! 平潭综合实验区_2021.txt.
//!
//! Random valid table sets of both templates are rendered that way and checked. Every cell of
//! 表二, 表三 and 表四 is then either the value printed, or null because the checker declined
//! (unreadable, or several readings) and said so in a `structure.*` finding about that row. A
//! number other than the one printed is never acceptable, nor an arithmetic error on tables
//! that add up. The share of tables recovered exactly is printed, per template and split by
//! whether the headings of sections 二–四 run straight into their tables or are followed by a
//! space (as in 平潭 `四、政府信息公开行政复议、行政诉讼情况 行政复议…`):
//!
//! `cargo test --test run_together -- --nocapture` (more sets: `RUN_TOGETHER_SETS=<n per
//! template>`; one rendering: `RUN_TOGETHER_SEED=<seed>` prints its text and checks only it).

use std::fmt::Write as _;

use serde_json::Value;

// --------------------------------------------------------------------------- randomness

/// xorshift64: deterministic on every platform and needs no dependency.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        // splitmix64 scramble: neighbouring seeds start far apart, and xorshift never sees 0.
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        Rng((z ^ (z >> 31)) | 1)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

// --------------------------------------------------------------------------- templates
//
// Written out here from CONTRACT.md rather than taken from `nianbao::template`, so that the
// test checks the contract and not the crate against itself.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tpl {
    Y2019,
    Y2021,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ColKind {
    Count,
    /// 本年增/减: may be negative and may print a `+`.
    Signed,
    /// 万元, may have decimals.
    Amount,
}

use ColKind::{Amount, Count, Signed};

/// A column of 表二: key, printed header, kind.
type ActiveCol = (&'static str, &'static str, ColKind);

/// One 第二十条 block of 表二.
struct Block {
    /// The numeral of 第二十条第（…）项.
    item: &'static str,
    cols: &'static [ActiveCol],
    /// Row key and printed label.
    rows: &'static [(&'static str, &'static str)],
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

/// A row of 表三: key, the group label printed once before the group's first row, label.
type ReqRow = (&'static str, Option<&'static str>, &'static str);

const DENIED: Option<&str> = Some("（三）不予公开");
const UNABLE: Option<&str> = Some("（四）无法提供");
const IGNORED: Option<&str> = Some("（五）不予处理");
const OTHER: Option<&str> = Some("（六）其他处理");

static REQ_FIRST: [ReqRow; 20] = [
    ("new", None, "一、本年新收政府信息公开申请数量"),
    ("carried_over", None, "二、上年结转政府信息公开申请数量"),
    ("granted", Some("三、本年度办理结果"), "（一）予以公开"),
    (
        "partial",
        None,
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    ),
    ("denied.state_secret", DENIED, "1.属于国家秘密"),
    (
        "denied.law_prohibited",
        DENIED,
        "2.其他法律行政法规禁止公开",
    ),
    ("denied.safety_stability", DENIED, "3.危及“三安全一稳定”"),
    ("denied.third_party", DENIED, "4.保护第三方合法权益"),
    ("denied.internal", DENIED, "5.属于三类内部事务信息"),
    ("denied.process", DENIED, "6.属于四类过程性信息"),
    ("denied.enforcement_file", DENIED, "7.属于行政执法案卷"),
    ("denied.query", DENIED, "8.属于行政查询事项"),
    ("unable.not_held", UNABLE, "1.本机关不掌握相关政府信息"),
    (
        "unable.needs_creation",
        UNABLE,
        "2.没有现成信息需要另行制作",
    ),
    ("unable.unclear", UNABLE, "3.补正后申请内容仍不明确"),
    ("ignored.complaint", IGNORED, "1.信访举报投诉类申请"),
    ("ignored.duplicate", IGNORED, "2.重复申请"),
    ("ignored.publication", IGNORED, "3.要求提供公开出版物"),
    ("ignored.excessive", IGNORED, "4.无正当理由大量反复申请"),
    (
        "ignored.confirmation",
        IGNORED,
        "5.要求行政机关确认或重新出具已获取信息",
    ),
];
static REQ_OTHER_2019: [ReqRow; 1] = [("other", None, "（六）其他处理")];
static REQ_OTHER_2021: [ReqRow; 3] = [
    (
        "other.no_correction",
        OTHER,
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    (
        "other.no_fee",
        OTHER,
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    ("other.misc", OTHER, "3.其他"),
];
static REQ_LAST: [ReqRow; 2] = [
    ("total", None, "（七）总计"),
    ("carry_forward", None, "四、结转下年度继续办理"),
];

const REQ_COLS: [&str; 7] = [
    "natural",
    "commercial",
    "research",
    "social",
    "legal",
    "other",
    "total",
];
/// Column index of 总计 in 表三 and 表四.
const REQ_TOTAL: usize = 6;
const REVIEW_TOTAL: usize = 4;

const REVIEW_GROUPS: [&str; 3] = ["review", "litigation_direct", "litigation_after_review"];
const REVIEW_COLS: [&str; 5] = ["upheld", "corrected", "other", "pending", "total"];
/// 表四's header as a copied web page runs its three header rows together.
const REVIEW_HEADER: &str = "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计";

impl Tpl {
    fn id(self) -> &'static str {
        match self {
            Tpl::Y2019 => "2019",
            Tpl::Y2021 => "2021",
        }
    }

    fn blocks(self) -> &'static [Block] {
        match self {
            Tpl::Y2019 => &ACTIVE_2019,
            Tpl::Y2021 => &ACTIVE_2021,
        }
    }

    /// 表二's rows in order, each with its block.
    fn active_rows(self) -> Vec<(&'static Block, &'static str)> {
        self.blocks()
            .iter()
            .flat_map(|b| b.rows.iter().map(move |&(key, _)| (b, key)))
            .collect()
    }

    fn request_rows(self) -> Vec<&'static ReqRow> {
        let other: &'static [ReqRow] = match self {
            Tpl::Y2019 => &REQ_OTHER_2019,
            Tpl::Y2021 => &REQ_OTHER_2021,
        };
        REQ_FIRST.iter().chain(other).chain(&REQ_LAST).collect()
    }
}

/// Rows （一）…（六） of 表三, summed into （七）总计.
fn is_result_row(key: &str) -> bool {
    !matches!(key, "new" | "carried_over" | "total" | "carry_forward")
}

// --------------------------------------------------------------------------- table sets

/// The three tables of one report, in template order, every cell filled and every identity
/// holding.
#[derive(Clone, Debug)]
struct TableSet {
    template: Tpl,
    year: i32,
    agency: &'static str,
    active: Vec<Vec<f64>>,
    requests: Vec<[i64; 7]>,
    review: [[i64; 5]; 3],
}

impl TableSet {
    fn request(&self, key: &str, col: usize) -> i64 {
        let index = self
            .template
            .request_rows()
            .iter()
            .position(|r| r.0 == key)
            .expect("a row of 表三");
        self.requests[index][col]
    }

    /// Every identity of the contract holds and no count is negative.
    fn is_valid(&self) -> bool {
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
                .filter(|(r, _)| is_result_row(r.0))
                .map(|(_, cells)| cells[c])
                .sum();
            let get = |key| self.request(key, c);
            results == get("total")
                && get("new") + get("carried_over") == get("total") + get("carry_forward")
        });
        let not_negative =
            self.requests.iter().flatten().all(|&v| v >= 0)
                && self.review.iter().flatten().all(|&v| v >= 0)
                && self.template.active_rows().iter().zip(&self.active).all(
                    |((block, _), cells)| {
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

const AGENCIES: [&str; 8] = [
    "平潭综合实验区",
    "云阳县人民政府",
    "沭阳县发展和改革局",
    "资阳市教育局",
    "东城区人民政府办公室",
    "淮安市人民政府",
    "某某县交通运输局",
    "西湖区人民政府",
];

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

/// A valid table set of `template`, no cell blank.
fn generate(seed: u64, template: Tpl) -> TableSet {
    let mut rng = Rng::new(seed);
    let year = match template {
        Tpl::Y2019 => rng.range(2019, 2020),
        Tpl::Y2021 => rng.range(2021, 2024),
    } as i32;
    // Most agencies get a handful of requests; a few cities get thousands.
    let scale = rng.pick(&[3, 3, 30, 30, 30, 300, 300, 3000]);
    // Small departments often report a table of zeros.
    let no_requests = rng.chance(8);

    // 表三: results first, then 总计, then 一/二/四 so that 一 + 二 = 总计 + 四.
    let rows = template.request_rows();
    let mut requests = vec![[0i64; 7]; rows.len()];
    let index = |key: &str| rows.iter().position(|r| r.0 == key).expect("row");
    let mut totals = [0i64; 6];
    if !no_requests {
        for (row, cells) in rows.iter().zip(requests.iter_mut()) {
            if !is_result_row(row.0) {
                continue;
            }
            // Most result rows are empty in most reports.
            let used = matches!(row.0, "granted" | "partial" | "unable.not_held") || rng.chance(35);
            if !used {
                continue;
            }
            for (c, cell) in cells.iter_mut().take(REQ_TOTAL).enumerate() {
                // Natural persons file most requests; the other columns are mostly zero.
                *cell = if c == 0 || rng.chance(20) {
                    count(&mut rng, scale)
                } else {
                    0
                };
                totals[c] += *cell;
            }
        }
        for (c, &total) in totals.iter().enumerate() {
            let carried_over = count(&mut rng, 1 + scale / 10);
            let carry_forward = count(&mut rng, 1 + scale / 10);
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

    let review_scale = rng.pick(&[3, 20, 20, 100]);
    let mut review = [[0i64; 5]; 3];
    for cells in &mut review {
        for cell in cells.iter_mut().take(REVIEW_TOTAL) {
            *cell = if rng.chance(40) {
                count(&mut rng, review_scale)
            } else {
                0
            };
        }
        cells[REVIEW_TOTAL] = cells[..REVIEW_TOTAL].iter().sum();
    }

    let active = template
        .active_rows()
        .iter()
        .map(|(block, _)| active_row(&mut rng, template, block, scale))
        .collect();

    let set = TableSet {
        template,
        year,
        agency: rng.pick(&AGENCIES),
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

// --------------------------------------------------------------------------- rendering

/// How one copy prints: as 平潭, whose headings and cells mostly run together but where a
/// web page left a few stray spaces (`二、主动公开政府信息情况 第二十条…`, `规章 000`,
/// `500000 5`, `1000001 四、`).
#[derive(Clone, Copy, Debug)]
struct Style {
    /// A space after the headings of sections 二, 三 and 四 (before their tables), or none.
    spaced_headings: bool,
    /// Chance in percent of a space at a boundary between cells, labels and header words.
    stray_spaces: usize,
    /// `+5` in 本年增/减.
    plus_sign: bool,
    /// 社会组织 for 社会公益组织.
    short_social: bool,
    /// 规范性文件 for 行政规范性文件 (2021).
    short_normative: bool,
}

/// A rendered report and, per table, the text of that table (a repro smaller than the report).
struct Rendered {
    text: String,
    tables: [String; 3],
}

fn print_value(value: f64, kind: ColKind, style: &Style) -> String {
    // Round away float noise before printing the shortest form.
    let value = (value * 1e6).round() / 1e6;
    let mut text = if value.fract() == 0.0 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    };
    if kind == Signed && value > 0.0 && style.plus_sign {
        text.insert(0, '+');
    }
    text
}

/// Appends pieces with no separator, or now and then one space.
struct Line<'a> {
    text: String,
    rng: &'a mut Rng,
    stray_spaces: usize,
}

impl Line<'_> {
    fn push(&mut self, piece: &str) {
        if !self.text.is_empty() && self.rng.chance(self.stray_spaces) {
            self.text.push(' ');
        }
        self.text.push_str(piece);
    }
}

fn render_active(set: &TableSet, style: &Style, rng: &mut Rng) -> String {
    let mut line = Line {
        text: String::new(),
        rng,
        stray_spaces: style.stray_spaces,
    };
    let mut cells = set.active.iter();
    for block in set.template.blocks() {
        line.push(&format!("第二十条第（{}）项", block.item));
        line.push("信息内容");
        for col in block.cols {
            line.push(col.1);
        }
        for &(_, label) in block.rows {
            let label = if label == "行政规范性文件" && style.short_normative {
                "规范性文件"
            } else {
                label
            };
            line.push(label);
            let values = cells.next().expect("a row of cells per row of 表二");
            for (col, &v) in block.cols.iter().zip(values) {
                line.push(&print_value(v, col.2, style));
            }
        }
    }
    line.text
}

fn render_requests(set: &TableSet, style: &Style, rng: &mut Rng) -> String {
    let mut line = Line {
        text: String::new(),
        rng,
        stray_spaces: style.stray_spaces,
    };
    line.push("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    for header in [
        "申请人情况",
        "自然人",
        "法人或其他组织",
        "总计",
        "商业企业",
        "科研机构",
        if style.short_social {
            "社会组织"
        } else {
            "社会公益组织"
        },
        "法律服务机构",
        "其他",
    ] {
        line.push(header);
    }
    let mut previous_group = None;
    for (&&(_, group, label), cells) in set.template.request_rows().iter().zip(&set.requests) {
        if group.is_some() && group != previous_group {
            line.push(group.unwrap_or_default());
        }
        previous_group = group;
        line.push(label);
        for &v in cells {
            line.push(&v.to_string());
        }
    }
    line.text
}

fn render_review(set: &TableSet, style: &Style, rng: &mut Rng) -> String {
    let mut line = Line {
        text: String::new(),
        rng,
        stray_spaces: style.stray_spaces,
    };
    line.push(REVIEW_HEADER);
    for &v in set.review.iter().flatten() {
        line.push(&v.to_string());
    }
    line.text
}

/// The whole report on one line, as 平潭综合实验区_2021.txt: page chrome, preface, six
/// sections whose headings run into their text, tables with every cell run together.
fn render(set: &TableSet, seed: u64) -> (Rendered, Style) {
    let mut rng = Rng::new(seed ^ 0x5EED_0F7E);
    let style = Style {
        spaced_headings: rng.chance(50),
        stray_spaces: if rng.chance(40) {
            rng.pick(&[3, 6, 10])
        } else {
            0
        },
        plus_sign: rng.chance(50),
        short_social: rng.chance(30),
        short_normative: rng.chance(40),
    };
    let (agency, year) = (set.agency, set.year);
    let tables = [
        render_active(set, &style, &mut rng),
        render_requests(set, &style, &mut rng),
        render_review(set, &style, &mut rng),
    ];
    let before = |rng: &mut Rng| if rng.chance(50) { " " } else { "" };
    let after = if style.spaced_headings { " " } else { "" };
    let new = set.request("new", REQ_TOTAL);
    let done = set.request("total", REQ_TOTAL);
    let forward = set.request("carry_forward", REQ_TOTAL);
    let mut text = String::new();
    let _ = write!(
        text,
        "当前位置： 首页政务公开政府信息公开政府信息公开年报 {agency}{year}年度政府信息公开工作年度报告 来源：{agency} 时间：{}-01-{:02} 16:34 微信 微博 QQ空间 全真版 文字版 文件下载 相关链接： --> ",
        year + 1,
        rng.range(5, 28)
    );
    let _ = write!(
        text,
        "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）等文件要求，我单位编制完成了本报告。本报告包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、因政府信息公开申请行政复议、提起行政诉讼的情况、政府信息公开工作存在的主要问题及改进情况和其他需要报告的事项等六个部分。本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。如对本报告有任何疑问，请与{agency}政府信息公开工作领导小组办公室联系。联系地址：北厝金井湾片区管委会大楼主楼14层；邮编：350400；电话/传真：0591-23165370。"
    );
    let _ = write!(
        text,
        "一、总体情况{year}年，{agency}坚持以人民为中心深化政务公开。（一）主动公开方面。全年主动公开政府信息{}条，通过微信公众号发布{}批次农产品抽检情况。（二）依申请公开方面。本年度共收到{new}件申请，及时依法依规办结{done}件，{forward}件结转下年度继续办理。（三）政府信息管理方面。落实政府信息发布审核制度。（四）平台载体建设方面。先后关停未进行规范管理的政务新媒体{}个。（五）监督保障方面。组织{}次季度政务公开检查。",
        rng.range(10, 6000),
        rng.range(10, 30000),
        rng.range(0, 9),
        rng.range(1, 4)
    );
    let _ = write!(
        text,
        "二、主动公开政府信息情况{after}{}{}三、收到和处理政府信息公开申请情况{after}{}{}四、政府信息公开行政复议、行政诉讼情况{after}{}{}",
        tables[0],
        before(&mut rng),
        tables[1],
        before(&mut rng),
        tables[2],
        before(&mut rng),
    );
    let _ = write!(
        text,
        "五、存在的主要问题及改进情况（一）存在的主要问题:政策解读形式不够丰富。（二）改进措施：一是丰富政策解读形式。二是加强重点政务信息管理。三是拓宽公开载体和渠道。六、其他需要报告的事项{year}年，无收取信息处理费情况。 附件下载"
    );
    (Rendered { text, tables }, style)
}

// --------------------------------------------------------------------------- checking

const TABLE_NAMES: [(&str, &str); 3] = [
    ("active", "表二"),
    ("requests", "表三"),
    ("review_litigation", "表四"),
];

#[derive(Clone, Copy, Debug, PartialEq)]
enum Verdict {
    Correct,
    /// The checker declined: unreadable or ambiguous.
    Null,
    Wrong(f64),
}

fn verdict(want: f64, got: &Value) -> Verdict {
    match got.as_f64() {
        Some(g) if (g - want).abs() < 1e-6 => Verdict::Correct,
        Some(g) => Verdict::Wrong(g),
        None => Verdict::Null,
    }
}

/// Expected cells of one table: (row key, [(col key, value)]).
type Expected = Vec<(&'static str, Vec<(&'static str, f64)>)>;

fn expected(set: &TableSet) -> [Expected; 3] {
    let active = set
        .template
        .active_rows()
        .iter()
        .zip(&set.active)
        .map(|((block, key), cells)| {
            let cols = block.cols.iter().zip(cells).map(|(c, &v)| (c.0, v));
            (*key, cols.collect())
        })
        .collect();
    let requests = set
        .template
        .request_rows()
        .iter()
        .zip(&set.requests)
        .map(|(row, cells)| {
            let cols = REQ_COLS.iter().zip(cells).map(|(&c, &v)| (c, v as f64));
            (row.0, cols.collect())
        })
        .collect();
    let review = REVIEW_GROUPS
        .iter()
        .zip(&set.review)
        .map(|(&key, cells)| {
            let cols = REVIEW_COLS.iter().zip(cells).map(|(&c, &v)| (c, v as f64));
            (key, cols.collect())
        })
        .collect();
    [active, requests, review]
}

/// What one report's check gave.
#[derive(Default)]
struct Outcome {
    /// Per table (表二, 表三, 表四): every cell read back exactly.
    exact: [bool; 3],
    /// Per table: cells correct, null.
    correct: [usize; 3],
    null: [usize; 3],
    /// Cells read as another number: table key, row key, "table.row.col: expected …, got …".
    wrong: Vec<(&'static str, &'static str, String)>,
    /// Per table: how many cells were wrong.
    wrong_count: [usize; 3],
    /// `structure.*` findings about 表二, 表三 or 表四: (rule, table name).
    structural: Vec<(String, &'static str)>,
    /// Rows with null cells: "table.row".
    null_rows: Vec<String>,
    /// Other broken promises: a null row no finding explains, an arithmetic error, ….
    problems: Vec<String>,
}

fn check(set: &TableSet, rendered: &Rendered) -> Outcome {
    let report = nianbao::check(&rendered.text, &nianbao::Options::default());
    let json: Value = serde_json::from_str(&nianbao::output::json::to_string(None, &report))
        .expect("the checker's JSON parses");
    let mut outcome = Outcome::default();
    if json["template"] != set.template.id() {
        outcome.problems.push(format!(
            "template: expected {}, got {}",
            set.template.id(),
            json["template"]
        ));
    }
    let findings = json["findings"].as_array().cloned().unwrap_or_default();
    let explained = |table: &str, name: &str, row: &str| {
        findings.iter().any(|f| {
            let structural = f["rule"]
                .as_str()
                .is_some_and(|r| r.starts_with("structure."));
            let cells = f["cells"].as_array().map_or(&[][..], Vec::as_slice);
            let names_row = cells.iter().any(|c| c["table"] == table && c["row"] == row);
            let table_level =
                cells.is_empty() && f["message"].as_str().is_some_and(|m| m.contains(name));
            structural && (names_row || table_level)
        })
    };
    for (t, rows) in expected(set).iter().enumerate() {
        let (table, name) = TABLE_NAMES[t];
        let mut exact = true;
        for (row, cols) in rows {
            let mut row_null = false;
            for &(col, want) in cols {
                match verdict(want, &json["tables"][table][row][col]) {
                    Verdict::Correct => outcome.correct[t] += 1,
                    Verdict::Null => {
                        outcome.null[t] += 1;
                        row_null = true;
                        exact = false;
                    }
                    Verdict::Wrong(got) => {
                        exact = false;
                        outcome.wrong_count[t] += 1;
                        let text = format!("{table}.{row}.{col}: expected {want}, got {got}");
                        outcome.wrong.push((table, row, text));
                    }
                }
            }
            if row_null {
                outcome.null_rows.push(format!("{table}.{row}"));
            }
            if row_null && !explained(table, name, row) {
                outcome.problems.push(format!(
                    "{table}.{row}: null cells and no structure.* finding about the row"
                ));
            }
        }
        outcome.exact[t] = exact;
    }
    for f in &findings {
        let rule = f["rule"].as_str().unwrap_or("");
        if rule.starts_with("structure.") {
            let about = |table: &str| {
                f["cells"]
                    .as_array()
                    .is_some_and(|cells| cells.iter().any(|c| c["table"] == table))
            };
            let message = f["message"].as_str().unwrap_or("");
            for (table, name) in TABLE_NAMES {
                let pair = (rule.to_string(), name);
                if (about(table) || message.contains(name)) && !outcome.structural.contains(&pair) {
                    outcome.structural.push(pair);
                }
            }
        }
        let arithmetic = rule.starts_with("requests.") || rule.starts_with("review_litigation.");
        if arithmetic && f["severity"] == "error" {
            outcome
                .problems
                .push(format!("error finding {rule}: {}", f["message"]));
        }
    }
    outcome
}

// --------------------------------------------------------------------------- the test

/// Table sets per template in the default run.
const DEFAULT_SETS: u64 = 500;

/// Recovery counts of one group of reports.
#[derive(Default)]
struct Tally {
    reports: usize,
    exact: [usize; 3],
    /// 表三 and 表四 both exact.
    exact_34: usize,
    /// All three tables exact.
    exact_all: usize,
    cells: [usize; 3],
    correct: [usize; 3],
}

impl Tally {
    fn add(&mut self, outcome: &Outcome) {
        self.reports += 1;
        for t in 0..3 {
            self.exact[t] += usize::from(outcome.exact[t]);
            self.correct[t] += outcome.correct[t];
            self.cells[t] += outcome.correct[t] + outcome.null[t] + outcome.wrong_count[t];
        }
        self.exact_34 += usize::from(outcome.exact[1] && outcome.exact[2]);
        self.exact_all += usize::from(outcome.exact.iter().all(|&e| e));
    }

    fn merge(&mut self, other: &Tally) {
        self.reports += other.reports;
        self.exact_34 += other.exact_34;
        self.exact_all += other.exact_all;
        for t in 0..3 {
            self.exact[t] += other.exact[t];
            self.cells[t] += other.cells[t];
            self.correct[t] += other.correct[t];
        }
    }

    fn line(&self, name: &str) -> String {
        let share = |n: usize, of: usize| 100.0 * n as f64 / of.max(1) as f64;
        format!(
            "{name:<20} {:>6} reports | tables exact: 表二 {:5.1}%  表三 {:5.1}%  表四 {:5.1}%  表三+四 {:5.1}%  whole report {:5.1}% | cells read: 表二 {:5.1}%  表三 {:5.1}%  表四 {:5.1}%",
            self.reports,
            share(self.exact[0], self.reports),
            share(self.exact[1], self.reports),
            share(self.exact[2], self.reports),
            share(self.exact_34, self.reports),
            share(self.exact_all, self.reports),
            share(self.correct[0], self.cells[0]),
            share(self.correct[1], self.cells[1]),
            share(self.correct[2], self.cells[2]),
        )
    }
}

/// A report that broke a promise: its seed, template, tables as
/// printed, and what went wrong.
struct Failure {
    seed: u64,
    template: Tpl,
    tables: [String; 3],
    lines: Vec<String>,
}

impl Failure {
    fn describe(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "\n== seed {} ({}): RUN_TOGETHER_SEED={} cargo test --test run_together -- --nocapture",
            self.seed,
            self.template.id(),
            self.seed
        );
        for line in self.lines.iter().take(20) {
            let _ = writeln!(out, "   {line}");
        }
        // The tables concerned, as printed.
        for (t, (table, name)) in TABLE_NAMES.iter().enumerate() {
            let prefix = format!("{table}.");
            if self.lines.iter().any(|w| w.contains(&prefix)) {
                let _ = writeln!(out, "   {name}: {}", self.tables[t]);
            }
        }
    }
}

#[test]
fn run_together_cells_are_read_exactly_or_declined() {
    let sets = std::env::var("RUN_TOGETHER_SETS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(DEFAULT_SETS);
    let only: Option<u64> = std::env::var("RUN_TOGETHER_SEED")
        .ok()
        .and_then(|s| s.parse().ok());
    let started = std::time::Instant::now();
    // [template][headings run into tables, spaced headings]
    let mut tallies: [[Tally; 2]; 2] = Default::default();
    let mut failures = Vec::new();
    // Reports with each structure.* finding, per table.
    let mut structural: Vec<((String, &str), usize)> = Vec::new();
    // Seeds: 2019 sets are odd, 2021 sets even, so each seed names one rendering.
    let seeds: Vec<u64> = match only {
        Some(seed) => vec![seed],
        None => (1..=2 * sets).collect(),
    };
    for seed in seeds {
        let t = usize::from(seed % 2 == 0);
        let template = [Tpl::Y2019, Tpl::Y2021][t];
        let set = generate(seed, template);
        let (rendered, style) = render(&set, seed);
        let outcome = check(&set, &rendered);
        if only.is_some() {
            eprintln!(
                "seed {seed} ({style:?}):\n{}\n\nrows with null cells: {:?}\n",
                rendered.text, outcome.null_rows
            );
        }
        tallies[t][usize::from(style.spaced_headings)].add(&outcome);
        for pair in &outcome.structural {
            match structural.iter_mut().find(|(p, _)| p == pair) {
                Some((_, n)) => *n += 1,
                None => structural.push((pair.clone(), 1)),
            }
        }
        let failure = |lines: Vec<String>| Failure {
            seed,
            template,
            tables: rendered.tables.clone(),
            lines,
        };
        if !outcome.wrong.is_empty() || !outcome.problems.is_empty() {
            let wrong = outcome.wrong.iter().map(|w| format!("WRONG {}", w.2));
            failures.push(failure(wrong.chain(outcome.problems).collect()));
        }
    }

    let mut summary = String::from(
        "run-together reports (one line, cells concatenated), tables recovered exactly:\n",
    );
    let mut all = Tally::default();
    for (t, name) in ["2019", "2021"].iter().enumerate() {
        let mut both = Tally::default();
        for (s, spaces) in ["headings run on", "spaced headings"].iter().enumerate() {
            let tally = &tallies[t][s];
            let _ = writeln!(summary, "  {}", tally.line(&format!("{name} {spaces}")));
            both.merge(tally);
        }
        let _ = writeln!(summary, "  {}", both.line(&format!("{name} all")));
        all.merge(&both);
    }
    let _ = writeln!(summary, "  {}", all.line("both templates"));
    structural.sort_by(|a, b| (a.0 .1, &a.0 .0).cmp(&(b.0 .1, &b.0 .0)));
    let counts: Vec<String> = structural
        .iter()
        .map(|((rule, name), n)| format!("{name} {rule} {n}"))
        .collect();
    let _ = writeln!(
        summary,
        "  reports with each finding: {}",
        counts.join(", ")
    );
    let _ = write!(summary, "  {:.1?}", started.elapsed());
    eprintln!("{summary}");

    if failures.is_empty() {
        return;
    }
    let mut message = format!(
        "{} of {} run-together reports read wrong\n",
        failures.len(),
        all.reports
    );
    for failure in &failures {
        failure.describe(&mut message);
    }
    panic!("{message}");
}
