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

mod common;

use common::ColKind::{self, Signed};
use common::{generate, Draw, Rng, Scale, Tpl, ValidSet};
use common::{REQ_COLS, REQ_TOTAL, RESULTS_GROUP, REVIEW_COLS, REVIEW_GROUPS};

// --------------------------------------------------------------------------- table sets

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

/// Most agencies get a handful of requests, a few cities thousands; small departments often
/// report a table of zeros; most result rows are empty in most reports.
const DRAW: Draw = Draw {
    scales: &[3, 3, 30, 30, 30, 300, 300, 3000],
    no_requests: Some(8),
    other_results: Some(35),
    review_scale: Scale::OneOf(&[3, 20, 20, 100]),
    agencies: &AGENCIES,
};

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

fn render_active(set: &ValidSet, style: &Style, rng: &mut Rng) -> String {
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

fn render_requests(set: &ValidSet, style: &Style, rng: &mut Rng) -> String {
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
    for (row, cells) in set.template.request_rows().iter().zip(&set.requests) {
        if row.key == "granted" {
            line.push(RESULTS_GROUP);
        }
        if row.group.is_some() && row.group != previous_group {
            line.push(row.group.unwrap_or_default());
        }
        previous_group = row.group;
        line.push(row.label);
        for &v in cells {
            line.push(&v.to_string());
        }
    }
    line.text
}

/// 表四's header as a copied web page runs its three header rows together.
const REVIEW_HEADER: &str = "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计";

fn render_review(set: &ValidSet, style: &Style, rng: &mut Rng) -> String {
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
fn render(set: &ValidSet, seed: u64) -> (Rendered, Style) {
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

fn expected(set: &ValidSet) -> [Expected; 3] {
    let active = set
        .template
        .active_rows()
        .iter()
        .zip(&set.active)
        .map(|((block, key, _), cells)| {
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
            (row.key, cols.collect())
        })
        .collect();
    let review = REVIEW_GROUPS
        .iter()
        .zip(&set.review)
        .map(|(&(key, _), cells)| {
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

fn check(set: &ValidSet, rendered: &Rendered) -> Outcome {
    let report = nianbao::check_text(&rendered.text, &nianbao::Options::default());
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
        let set = generate(&mut Rng::new(seed), template, &DRAW);
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
