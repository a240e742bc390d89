//! 表三 as some PDF extractors give it: column by column. After the row labels come every
//! 自然人 value top to bottom, then every 商业企业 value, … then every 总计 value. Where the
//! count of numbers fits the template and the table's sums hold read down the columns, the
//! checker reads it so (and says so in a `structure.reconstructed_cells` info); otherwise it
//! declines. 表二 and 表四 print as in 淮安市人民政府_2024.txt (pypdf).
//!
//! Random valid table sets of both templates are rendered so and checked: every cell is the
//! value printed, or null with a `structure.*` finding about its row, never another number,
//! and no arithmetic error. The share read exactly is printed per variant:
//!
//! `cargo test --release --test column_major -- --nocapture` (more: `COLUMN_MAJOR_SETS=<n per
//! template and variant>`; one rendering: `COLUMN_MAJOR_SEED=<seed>`).

use std::fmt::Write as _;

mod common;

use common::print_value;

use common::{generate, Draw, Rng, Scale, Tpl, ValidSet};
use common::{REQ_COLS, RESULTS_GROUP, REVIEW_COLS, REVIEW_GROUPS};

const DRAW: Draw = Draw {
    scales: &[3, 30, 30, 300, 300, 3000],
    no_requests: Some(5),
    other_results: Some(35),
    review_scale: Scale::OneOf(&[3, 20, 100]),
    agencies: &["淮安市人民政府", "某某县财政局", "某某区人民政府"],
};

/// How the columns print.
#[derive(Clone, Copy, Debug, Default)]
struct Variant {
    /// One number per line, or a column per line.
    per_line: bool,
    /// Labels wrapped, page numbers between lines.
    wrapped: bool,
    /// One number left out (a blank cell printed as nothing): the count no longer fits.
    one_left_out: bool,
    /// What the shared rendering of 表二 and 表四 looks at (pdf_text.rs's variants).
    pages: bool,
    layout: bool,
    labels_apart: bool,
}

const VARIANTS: [(&str, Variant); 4] = {
    let base = Variant {
        per_line: true,
        wrapped: false,
        one_left_out: false,
        pages: false,
        layout: false,
        labels_apart: false,
    };
    [
        ("a number per line", base),
        (
            "a column per line",
            Variant {
                per_line: false,
                ..base
            },
        ),
        (
            "labels wrapped, page numbers",
            Variant {
                wrapped: true,
                pages: true,
                ..base
            },
        ),
        (
            "one number left out",
            Variant {
                one_left_out: true,
                ..base
            },
        ),
    ]
};

// --------------------------------------------------------------------------- rendering

/// The lines of a rendering, with page numbers dropped in between when the variant has them.
struct Lines<'a> {
    lines: Vec<String>,
    rng: &'a mut Rng,
    v: Variant,
    page: u32,
}

impl Lines<'_> {
    fn push(&mut self, line: String) {
        if self.v.pages && self.rng.chance(8) {
            self.page_number();
        }
        self.lines.push(line);
    }

    fn page_number(&mut self) {
        self.page += 1;
        let n = self.page;
        let marker = match self.rng.below(3) {
            0 => format!("- {n} -"),
            1 => format!("— {n} —"),
            _ => format!("-{n}-"),
        };
        self.lines.push(marker);
    }

    /// Numbers as the extractor separates them.
    fn numbers(&mut self, values: &[String]) -> String {
        let mut line = String::new();
        for value in values {
            if !line.is_empty() {
                let width = if self.v.layout {
                    self.rng.range(3, 9) as usize
                } else {
                    1
                };
                line.push_str(&" ".repeat(width));
            }
            line.push_str(value);
        }
        line
    }

    /// Space between a label and what follows it on its line.
    fn after_label(&mut self) -> String {
        " ".repeat(if self.v.layout {
            self.rng.range(4, 20) as usize
        } else {
            1
        })
    }
}

/// `label` cut into lines of `width` characters.
fn wrap(label: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = label.chars().collect();
    chars.chunks(width).map(|c| c.iter().collect()).collect()
}

fn render_active(set: &ValidSet, out: &mut Lines) {
    let mut cells = set.active.iter();
    for block in set.template.blocks() {
        out.push(format!("第二十条 第（{}）项", block.item));
        let headers: Vec<String> = block.cols.iter().map(|c| c.1.to_string()).collect();
        let header = out.numbers(&headers);
        out.push(format!("信息内容 {header}"));
        let mut numbers = Vec::new();
        for &(_, label) in block.rows {
            let values: Vec<String> = block
                .cols
                .iter()
                .zip(cells.next().expect("a row of cells per row of 表二"))
                .map(|(col, &v)| print_value(v, col.2))
                .collect();
            if out.v.labels_apart {
                out.push(label.to_string());
                numbers.push(out.numbers(&values));
            } else {
                let gap = out.after_label();
                let line = format!("{label}{gap}{}", out.numbers(&values));
                out.push(line);
            }
        }
        numbers.into_iter().for_each(|n| out.push(n));
    }
}

/// 表三's header as pypdf gives 淮安's: header words cut and spaced.
const REQUEST_HEADER: [&str; 11] = [
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "总计商 业 企",
    "业",
    "科研机",
    "构",
    "社 会 公 益",
    "组织",
    "法 律 服 务",
    "机构",
];

/// 表三's labels, then its numbers column by column. Returns the cell left out, if any.
fn render_requests(set: &ValidSet, out: &mut Lines) -> Option<(usize, usize)> {
    out.push("（本列数据的勾稽关系为：第一项加第二项之和，".to_string());
    out.push("等于第三项加第四项之和）".to_string());
    REQUEST_HEADER.iter().for_each(|h| out.push(h.to_string()));
    out.push("其他".to_string());
    let rows = set.template.request_rows();
    let mut group = None;
    for row in &rows {
        if row.key == "granted" {
            out.push("三、".to_string());
            RESULTS_GROUP
                .chars()
                .skip(2)
                .for_each(|c| out.push(c.to_string()));
        }
        if row.group.is_some() && row.group != group {
            wrap(row.group.unwrap_or_default(), 4)
                .into_iter()
                .for_each(|p| out.push(p));
        }
        group = row.group;
        let width = if out.v.wrapped {
            out.rng.range(8, 14) as usize
        } else {
            100
        };
        wrap(row.label, width).into_iter().for_each(|p| out.push(p));
    }
    let left_out = out
        .v
        .one_left_out
        .then(|| (out.rng.below(rows.len()), out.rng.below(REQ_COLS.len())));
    for c in 0..REQ_COLS.len() {
        let column: Vec<String> = (0..rows.len())
            .filter(|&r| left_out != Some((r, c)))
            .map(|r| set.requests[r][c].to_string())
            .collect();
        if out.v.per_line {
            column.into_iter().for_each(|v| out.push(v));
        } else {
            let line = out.numbers(&column);
            out.push(line);
        }
    }
    left_out
}

/// 表四's header as pypdf gives 淮安's.
const REVIEW_HEADER: &str = "行政复议 行政诉讼\n结 果\n维持\n结 果\n纠正\n其 他 结\n果\n尚 未\n审结\n总计\n未经复议直接起诉 复议后起诉\n结 果\n维持\n结 果\n纠正\n其 他\n结果\n尚 未\n审结\n总计\n结 果\n维持\n结 果\n纠正\n其 他\n结果\n尚 未 审\n结\n总计";

fn render_review(set: &ValidSet, out: &mut Lines) {
    REVIEW_HEADER
        .lines()
        .for_each(|line| out.push(line.to_string()));
    let values: Vec<String> = set.review.iter().flatten().map(i64::to_string).collect();
    if out.v.layout {
        let line = out.numbers(&values);
        out.push(line);
    } else {
        // pypdf: one line, or (another extractor) one line per group.
        let per_line = if out.rng.chance(50) { 15 } else { 5 };
        for chunk in values.chunks(per_line) {
            let line = out.numbers(chunk);
            out.push(line);
        }
    }
}

fn render(set: &ValidSet, v: Variant, rng: &mut Rng) -> Rendered {
    let (agency, year) = (set.agency, set.year);
    let mut out = Lines {
        lines: vec!["- 1 -".to_string(), agency.to_string()],
        rng,
        v,
        page: 1,
    };
    out.push(format!("{year} 年政府信息公开工作年度报告"));
    out.push(format!("本报告由{agency}办公室根据《中华人民共和国政府"));
    out.push("信息公开条例》（以下简称《条例》）规定编".to_string());
    out.push(format!(
        "制。报告所列统计期限自 {year} 年 1 月 1 日至 {year} 年 12 月 31 日。"
    ));
    out.push("一、总体情况".to_string());
    out.push(format!("{year} 年，我市认真贯彻落实《条例》，扎实做好政府"));
    out.push("信息公开工作。".to_string());
    out.page_number();
    out.push("二、主动公开政府信息情况".to_string());
    render_active(set, &mut out);
    out.push("三、收到和处理政府信息公开申请情况".to_string());
    let left_out = render_requests(set, &mut out);
    out.push("四、政府信息公开行政复议、行政诉讼情况".to_string());
    render_review(set, &mut out);
    out.push("五、存在的主要问题及改进情况".to_string());
    out.push("政策解读的形式还不够丰富。下一步将增加图解解读。".to_string());
    out.page_number();
    out.push("六、其他需要报告的事项".to_string());
    out.push(format!("{year} 年，未收取信息处理费。"));
    out.push(agency.to_string());
    out.push(format!("{} 年 1 月 20 日", year + 1));
    (out.lines.join("\n"), left_out)
}

// --------------------------------------------------------------------------- checking

const TABLE_NAMES: [(&str, &str); 3] = [
    ("active", "表二"),
    ("requests", "表三"),
    ("review_litigation", "表四"),
];

/// Expected cells: (table, row, col, value).
fn expected(set: &ValidSet) -> Vec<(usize, &'static str, &'static str, f64)> {
    let mut cells = Vec::new();
    for ((block, key, _), values) in set.template.active_rows().iter().zip(&set.active) {
        for (col, &value) in block.cols.iter().zip(values) {
            cells.push((0, *key, col.0, value));
        }
    }
    for (row, values) in set.template.request_rows().iter().zip(&set.requests) {
        for (&col, &value) in REQ_COLS.iter().zip(values) {
            cells.push((1, row.key, col, value as f64));
        }
    }
    for (&(key, _), values) in REVIEW_GROUPS.iter().zip(&set.review) {
        for (&col, &value) in REVIEW_COLS.iter().zip(values) {
            cells.push((2, key, col, value as f64));
        }
    }
    cells
}

/// How the renderings of one variant were read.
#[derive(Default)]
struct Tally {
    renderings: usize,
    exact: usize,
    cells: usize,
    declined: usize,
}

/// Checks one rendering: whether it was read exactly, and the broken promises.
fn check(
    set: &ValidSet,
    text: &str,
    left_out: Option<(usize, usize)>,
    tally: &mut Tally,
) -> Vec<String> {
    let report = nianbao::check_text(text, &nianbao::Options::default());
    let json: serde_json::Value =
        serde_json::from_str(&nianbao::output::json::to_string(None, &report)).unwrap();
    let findings = json["findings"].as_array().cloned().unwrap_or_default();
    let explained = |t: usize, row: &str| {
        let (table, name) = TABLE_NAMES[t];
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
    let mut problems = Vec::new();
    let mut unexplained = Vec::new();
    let mut exact = true;
    let left_out = left_out.map(|(r, c)| (set.template.request_rows()[r].key, REQ_COLS[c]));
    for (t, row, col, want) in expected(set) {
        let table = TABLE_NAMES[t].0;
        if t == 1 && left_out == Some((row, col)) {
            // Printed as nothing: blank, never 0 nor a neighbour's number.
            if let Some(got) = json["tables"][table][row][col].as_f64() {
                problems.push(format!("WRONG {table}.{row}.{col}: left out, read {got}"));
            }
            tally.cells += 1;
            tally.declined += 1;
            exact = false;
            continue;
        }
        tally.cells += 1;
        match json["tables"][table][row][col].as_f64() {
            Some(got) if (got - want).abs() < 1e-6 => {}
            Some(got) => {
                exact = false;
                problems.push(format!(
                    "WRONG {table}.{row}.{col}: printed {want}, read {got}"
                ));
            }
            None => {
                exact = false;
                tally.declined += 1;
                if std::env::var("COLUMN_MAJOR_SEED").is_ok() {
                    eprintln!("declined {table}.{row}.{col}");
                }
                if !explained(t, row) && !unexplained.contains(&(table, row)) {
                    unexplained.push((table, row));
                }
            }
        }
    }
    for (table, row) in unexplained {
        problems.push(format!(
            "{table}.{row}: null, no structure.* finding about it"
        ));
    }
    for f in &findings {
        let rule = f["rule"].as_str().unwrap_or("");
        let arithmetic = rule.starts_with("requests.")
            || rule.starts_with("review_litigation.")
            || rule == "value.negative";
        if arithmetic && f["severity"] == "error" {
            problems.push(format!("error {rule}: {}", f["message"]));
        }
    }
    if json["template"] != set.template.id() {
        problems.push(format!("template read as {}", json["template"]));
    }
    tally.renderings += 1;
    tally.exact += usize::from(exact);
    problems
}

/// One seed names one rendering: its variant, template and tables.
/// A rendering's text, and the cell of 表三 left out of it (row, column), if any.
type Rendered = (String, Option<(usize, usize)>);

fn rendering(seed: u64) -> (usize, ValidSet, Rendered) {
    let variant = (seed % VARIANTS.len() as u64) as usize;
    let template = [Tpl::Y2019, Tpl::Y2021][(seed / VARIANTS.len() as u64 % 2) as usize];
    let mut rng = Rng::new(seed);
    let set = generate(&mut rng, template, &DRAW);
    let text = render(&set, VARIANTS[variant].1, &mut rng);
    (variant, set, text)
}

#[test]
fn column_major_tables_are_read_exactly_or_declined() {
    let sets: u64 = std::env::var("COLUMN_MAJOR_SETS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(130);
    let only: Option<u64> = std::env::var("COLUMN_MAJOR_SEED")
        .ok()
        .and_then(|s| s.parse().ok());
    let seeds: Vec<u64> = match only {
        Some(seed) => vec![seed],
        None => (0..sets * 2 * VARIANTS.len() as u64).collect(),
    };
    let mut tallies: Vec<Tally> = VARIANTS.iter().map(|_| Tally::default()).collect();
    let mut failures = Vec::new();
    for seed in seeds {
        let (variant, set, (text, left_out)) = rendering(seed);
        if only.is_some() {
            eprintln!("seed {seed} ({}):\n{text}\n", VARIANTS[variant].0);
        }
        let problems = check(&set, &text, left_out, &mut tallies[variant]);
        if !problems.is_empty() {
            failures.push(format!(
                "seed {seed} ({}, {}): COLUMN_MAJOR_SEED={seed}\n   {}",
                VARIANTS[variant].0,
                set.template.id(),
                problems.join("\n   ")
            ));
        }
    }
    let mut summary = String::from("表三 column by column, renderings read exactly:\n");
    let mut total = 0;
    for ((name, _), tally) in VARIANTS.iter().zip(&tallies) {
        total += tally.renderings;
        let _ = writeln!(
            summary,
            "  {name:<30} {:>5} renderings, {:5.1}% exact, {} of {} cells declined",
            tally.renderings,
            100.0 * tally.exact as f64 / tally.renderings.max(1) as f64,
            tally.declined,
            tally.cells
        );
    }
    eprintln!("{summary}");
    assert!(only.is_some() || total >= 1000, "{total} renderings");
    let shown: Vec<&String> = failures.iter().take(12).collect();
    assert!(
        failures.is_empty(),
        "{} of {total} renderings broke a promise\n{}",
        failures.len(),
        shown
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}
