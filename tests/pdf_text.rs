//! Text extracted from a PDF, as different extractors give it, shaped like the shared fixture
//! 淮安市人民政府_2024.txt (pypdf): numbers space-separated after their labels, labels wrapped
//! over lines, the merged cell 「三、本年度办理结果」 printed one character per line, group
//! labels cut in two (`（三）不` / `予公开`), page numbers inside the tables. Each variant
//! changes one thing: labels apart from their numbers (all labels of a block, then the rows
//! of numbers), the vertical 结果 spread over the rows, labels wrapped around their numbers,
//! more page numbers (`- 3 -`, `— 4 —`), `pdftotext -layout` spacing (wide gaps, labels
//! wrapped into the next line's left column), labels with a typo.
//!
//! Random valid table sets of both templates are rendered each way and checked. Every cell is
//! then either the value printed, or null with a `structure.*` finding about its row; a number
//! other than the one printed is never acceptable, nor an arithmetic error on tables that add
//! up. The share of renderings read exactly is printed per variant:
//!
//! `cargo test --release --test pdf_text -- --nocapture` (more: `PDF_TEXT_SETS=<n per template
//! and variant>`; one rendering: `PDF_TEXT_SEED=<seed>` prints its text and checks only it).

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

/// What one extractor does differently from pypdf on 淮安.
#[derive(Clone, Copy, Debug, Default)]
struct Variant {
    /// All labels of a block (a 第二十条 block, a run of 表三's rows), then a line of numbers
    /// per row.
    labels_apart: bool,
    /// The characters of 「三、本年度办理结果」 between or in front of the result rows.
    spread: bool,
    /// The numbers of a wrapped label on any of its lines, the rest of the label after them.
    wrap_around: bool,
    /// Page numbers now and then between any two lines of a table.
    pages: bool,
    /// `pdftotext -layout`: cells apart by many spaces, group labels in the left column.
    layout: bool,
    /// Now and then a character of a long row label dropped or changed.
    typos: bool,
}

const VARIANTS: [(&str, Variant); 8] = {
    let base = Variant {
        labels_apart: false,
        spread: false,
        wrap_around: false,
        pages: false,
        layout: false,
        typos: false,
    };
    [
        ("pypdf as 淮安", base),
        (
            "labels apart from numbers",
            Variant {
                labels_apart: true,
                ..base
            },
        ),
        (
            "结果 spread over rows",
            Variant {
                spread: true,
                ..base
            },
        ),
        (
            "labels around numbers",
            Variant {
                wrap_around: true,
                ..base
            },
        ),
        (
            "page numbers in tables",
            Variant {
                pages: true,
                ..base
            },
        ),
        (
            "pdftotext -layout",
            Variant {
                layout: true,
                ..base
            },
        ),
        (
            "labels with typos",
            Variant {
                typos: true,
                ..base
            },
        ),
        (
            "layout, spread, pages, typos",
            Variant {
                layout: true,
                spread: true,
                pages: true,
                typos: true,
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

/// A row label with, now and then, one Han character of its text (not its numbering) dropped
/// or changed.
fn typo(label: &str, rng: &mut Rng) -> String {
    let mut chars: Vec<char> = label.chars().collect();
    let han: Vec<usize> = (0..chars.len())
        .filter(|&i| ('\u{4e00}'..='\u{9fff}').contains(&chars[i]))
        .collect();
    if han.len() < 6 || !rng.chance(30) {
        return label.to_string();
    }
    let at = han[1 + rng.below(han.len() - 1)];
    if rng.chance(50) {
        chars.remove(at);
    } else {
        chars[at] = rng.pick(&['止', '某', '的']);
    }
    chars.into_iter().collect()
}

/// One row: its label (maybe wrapped, maybe after a left-column piece) and its numbers.
/// Returns the label's lines without numbers when the variant puts labels apart.
fn row_lines(out: &mut Lines, left: &mut Vec<String>, label: &str, values: &[String]) {
    let label = if out.v.typos {
        typo(label, out.rng)
    } else {
        label.to_string()
    };
    let width = out.rng.range(12, 19) as usize;
    let mut pieces = wrap(&label, width);
    // A piece of the left column in front of the row's first line; the rest in front of the
    // next rows' (淮安's `（四）无 1.本机关…` / `法提供 2.没有…`).
    if !left.is_empty() {
        let l = left.remove(0);
        let gap = out.after_label();
        pieces[0] = format!("{l}{gap}{}", pieces[0]);
    }
    let numbers = out.numbers(values);
    let at = if out.v.wrap_around || (out.v.layout && out.rng.chance(50)) {
        out.rng.below(pieces.len())
    } else if pieces.len() >= 3 && out.rng.chance(50) {
        // 淮安's （六） rows: the numbers on a line of their own after the label.
        pieces.push(numbers.clone());
        pieces.len()
    } else {
        pieces.len() - 1
    };
    for (i, piece) in pieces.into_iter().enumerate() {
        if i == at {
            let gap = out.after_label();
            out.push(format!("{piece}{gap}{numbers}"));
        } else {
            out.push(piece);
        }
    }
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

fn render_requests(set: &ValidSet, out: &mut Lines) {
    out.push("（本列数据的勾稽关系为：第一项加第二项之和，".to_string());
    out.push("等于第三项加第四项之和）".to_string());
    REQUEST_HEADER.iter().for_each(|h| out.push(h.to_string()));
    out.push("其他".to_string());
    // The characters of 三、本年度办理结果, as pypdf reads a vertical merged cell.
    let mut vertical: Vec<String> = vec!["三、".to_string()];
    vertical.extend(RESULTS_GROUP.chars().skip(2).map(String::from));
    let rows = set.template.request_rows();
    // Labels apart: the rows in runs of 3 to 8, each run's labels then its numbers.
    let mut pending: Vec<String> = Vec::new();
    let mut run_left = 0;
    let mut group = None;
    let mut left: Vec<String> = Vec::new();
    for (row, cells) in rows.iter().zip(&set.requests) {
        let values: Vec<String> = cells.iter().map(i64::to_string).collect();
        if row.key == "granted" && !out.v.spread {
            vertical.drain(..).for_each(|c| out.push(c));
        }
        if out.v.spread && common::is_result_row(row.key) && !vertical.is_empty() {
            let c = vertical.remove(0);
            if out.rng.chance(50) || out.v.labels_apart {
                out.push(c);
            } else {
                left.insert(0, c);
            }
        }
        if row.group.is_some() && row.group != group {
            let name = row.group.unwrap_or_default();
            let cut = 4 + out.rng.below(2);
            let pieces = wrap(name, cut);
            if out.v.layout || (!out.v.labels_apart && out.rng.chance(50)) {
                // In the left column of the group's first rows (淮安's （四）无 / 法提供).
                if left.is_empty() {
                    left.extend(pieces);
                } else {
                    // A spread character already there: the group label after it.
                    let first = format!("{} {}", left.remove(0), pieces[0]);
                    left.push(first);
                    left.extend(pieces.into_iter().skip(1));
                }
            } else {
                left.drain(..).for_each(|l| out.push(l));
                pieces.into_iter().for_each(|p| out.push(p));
            }
        }
        group = row.group;
        if !out.v.labels_apart {
            let label = row.label;
            if left.len() > 1 && row.group.is_none() {
                // A spread character before a row outside any group: its own line.
                left.drain(..).for_each(|l| out.push(l));
            }
            row_lines(out, &mut left, label, &values);
            continue;
        }
        if run_left == 0 {
            pending.drain(..).for_each(|n| out.push(n));
            run_left = out.rng.range(3, 8) as usize;
        }
        let label = if out.v.typos {
            typo(row.label, out.rng)
        } else {
            row.label.to_string()
        };
        let width = out.rng.range(12, 19) as usize;
        wrap(&label, width).into_iter().for_each(|p| out.push(p));
        pending.push(out.numbers(&values));
        run_left -= 1;
    }
    pending.into_iter().for_each(|n| out.push(n));
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

fn render(set: &ValidSet, v: Variant, rng: &mut Rng) -> String {
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
    render_requests(set, &mut out);
    out.push("四、政府信息公开行政复议、行政诉讼情况".to_string());
    render_review(set, &mut out);
    out.push("五、存在的主要问题及改进情况".to_string());
    out.push("政策解读的形式还不够丰富。下一步将增加图解解读。".to_string());
    out.page_number();
    out.push("六、其他需要报告的事项".to_string());
    out.push(format!("{year} 年，未收取信息处理费。"));
    out.push(agency.to_string());
    out.push(format!("{} 年 1 月 20 日", year + 1));
    out.lines.join("\n")
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
fn check(set: &ValidSet, text: &str, tally: &mut Tally) -> Vec<String> {
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
    for (t, row, col, want) in expected(set) {
        let table = TABLE_NAMES[t].0;
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
                if std::env::var("PDF_TEXT_SEED").is_ok() {
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
fn rendering(seed: u64) -> (usize, ValidSet, String) {
    let variant = (seed % VARIANTS.len() as u64) as usize;
    let template = [Tpl::Y2019, Tpl::Y2021][(seed / VARIANTS.len() as u64 % 2) as usize];
    let mut rng = Rng::new(seed);
    let set = generate(&mut rng, template, &DRAW);
    let text = render(&set, VARIANTS[variant].1, &mut rng);
    (variant, set, text)
}

#[test]
fn pdf_extracted_tables_are_read_exactly_or_declined() {
    let sets: u64 = std::env::var("PDF_TEXT_SETS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(70);
    let only: Option<u64> = std::env::var("PDF_TEXT_SEED")
        .ok()
        .and_then(|s| s.parse().ok());
    let seeds: Vec<u64> = match only {
        Some(seed) => vec![seed],
        None => (0..sets * 2 * VARIANTS.len() as u64).collect(),
    };
    let mut tallies: Vec<Tally> = VARIANTS.iter().map(|_| Tally::default()).collect();
    let mut failures = Vec::new();
    for seed in seeds {
        let (variant, set, text) = rendering(seed);
        if only.is_some() {
            eprintln!("seed {seed} ({}):\n{text}\n", VARIANTS[variant].0);
        }
        let problems = check(&set, &text, &mut tallies[variant]);
        if !problems.is_empty() {
            failures.push(format!(
                "seed {seed} ({}, {}): PDF_TEXT_SEED={seed}\n   {}",
                VARIANTS[variant].0,
                set.template.id(),
                problems.join("\n   ")
            ));
        }
    }
    let mut summary = String::from("PDF-extracted text, renderings read exactly:\n");
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
