//! Markdown made from a PDF, shaped like the corpus's 上海市人民政府办公厅_2025 and
//! 上海市科学技术委员会_2024: 表三's numbers are pipe rows (`| 0 | 0 | … |`), but only some rows
//! carry their label (`| （三）不 | 4.保护第三方合法权益 | 0 | … |`); the others are numbers only,
//! their labels in loose lines before or after them, wrapped, or shuffled with their
//! neighbours'. `## 表三：…` headings repeat between rows, `|---|` rules and page numbers
//! (`— 5 —`) come between them, the header's column names are broken, 表四 is one pipe row of 15
//! numbers under a broken header, and section 五's heading is sometimes lost.
//!
//! Random valid table sets of both templates are rendered that way and checked: every cell is
//! the value printed, or null with a `structure.*` finding about its row; no error at all. The
//! share read exactly is printed per variant:
//!
//! `cargo test --release --test markdown_pdf -- --nocapture` (more: `MARKDOWN_PDF_SETS=<n>`;
//! one rendering: `MARKDOWN_PDF_SEED=<seed>` prints its text and problems).

use std::fmt::Write as _;

mod common;

use common::readback::{request_cells, review_cells, Printed, ReadBack, Tally};
use common::{generate, Draw, Rng, Scale, Tpl, ValidSet};

const DRAW: Draw = Draw {
    scales: &[3, 30, 30, 300, 3000],
    no_requests: Some(5),
    other_results: Some(35),
    review_scale: Scale::OneOf(&[3, 20, 100]),
    agencies: &[
        "上海市人民政府办公厅",
        "上海市科学技术委员会",
        "某某区人民政府",
    ],
};

/// How a rendering lays out 表三 and what it loses.
#[derive(Clone, Copy, Debug)]
struct Layout {
    /// Chance in percent that a row's numbers are a pipe row without its label.
    numbers_only: usize,
    /// Where the label of a numbers-only row goes.
    labels: Loose,
    /// Chance in percent that a numbers-only row keeps a piece from inside its label in a cell
    /// (`| 行政机关不再处理其政府信息公 | 40 | … |`), the rest in loose lines.
    fragments: usize,
    /// （七）总计 and 四 may be numbers-only rows too (一 and 二 open the table: their labels are
    /// always in their rows, as in every copy seen).
    any_row: bool,
    /// `## 表三` headings, `|---|` rules and page numbers between rows.
    furniture: bool,
    /// Chance in percent that section 五's heading is lost.
    no_problems_heading: usize,
}

#[derive(Clone, Copy, Debug)]
enum Loose {
    Before,
    After,
    /// Held back and printed, shuffled, before a later row.
    Shuffled,
    /// Any of these, row by row.
    Mixed,
}

/// A label cut at random points over one to three lines.
fn wrapped(label: &str, rng: &mut Rng, out: &mut Vec<String>) {
    let chars: Vec<char> = label.chars().collect();
    let mut at = 0;
    for _ in 0..rng.below(3) {
        if chars.len() - at < 4 {
            break;
        }
        let cut = at + 2 + rng.below(chars.len() - at - 3);
        out.push(chars[at..cut].iter().collect());
        at = cut;
    }
    out.push(chars[at..].iter().collect());
}

fn pipe_row(cells: &[String]) -> String {
    format!("| {} |", cells.join(" | "))
}

fn rule_line(n: usize) -> String {
    format!("|{}", "---|".repeat(n))
}

/// A labelled pipe row: the group's first or second half in a cell of its own now and then
/// (`| （三）不 | 4.保护… |`), a trailing empty cell now and then.
fn labelled_row(group: Option<&str>, label: &str, values: &[String], rng: &mut Rng) -> String {
    let mut cells = Vec::new();
    if let Some(group) = group.filter(|_| rng.chance(50)) {
        let chars: Vec<char> = group.chars().collect();
        let cut = chars.len() / 2;
        let half = if rng.chance(50) {
            &chars[..cut]
        } else {
            &chars[cut..]
        };
        cells.push(half.iter().collect());
    }
    cells.push(label.to_string());
    cells.extend(values.iter().cloned());
    if rng.chance(30) {
        cells.push(" ".to_string());
    }
    pipe_row(&cells)
}

/// A row's numbers without its label, or with a piece from inside it.
fn numbers_row(label: &str, values: &[String], layout: &Layout, rng: &mut Rng) -> String {
    let chars: Vec<char> = label.chars().collect();
    if chars.len() < 6 || !rng.chance(layout.fragments) {
        return pipe_row(values);
    }
    let from = 1 + rng.below(chars.len() / 2);
    let to = from + 2 + rng.below(chars.len() - from - 3);
    let mut cells = vec![chars[from..to].iter().collect::<String>()];
    cells.extend(values.iter().cloned());
    pipe_row(&cells)
}

fn render_requests(set: &ValidSet, layout: &Layout, rng: &mut Rng, out: &mut Vec<String>) {
    out.push("三、收到和处理政府信息公开申请情况".to_string());
    for line in [
        "申请人情况",
        "法人或其他组织",
        "（本列数据的勾稽关系为：第一项加第二项之和，",
    ] {
        out.push(line.to_string());
    }
    for line in ["社会法律", "公益服务其他", "企业机构", "组织机构"] {
        out.push(line.to_string());
    }
    out.push("## 表三：收到和处理政府信息公开申请情况".to_string());
    out.push("| 等于第三项加第四项之和） | 自然人 | 商业 | 科研 | 总计 |".to_string());
    out.push(rule_line(5));
    let rows = set.template.request_rows();
    let last = rows.len() - 1;
    let mut held: Vec<String> = Vec::new();
    let mut page = 3;
    for (i, (row, cells)) in rows.iter().zip(&set.requests).enumerate() {
        let values: Vec<String> = cells.iter().map(|v| v.to_string()).collect();
        let anchor_row = i <= 1 || (!layout.any_row && i >= last - 1);
        if layout.furniture && rng.chance(15) {
            out.push(String::new());
            out.push("## 表三：收到和处理政府信息公开申请情况".to_string());
        }
        if layout.furniture && rng.chance(8) {
            out.push(format!("— {page} —"));
            page += 1;
        }
        if anchor_row || !rng.chance(layout.numbers_only) {
            if rng.chance(50) && !held.is_empty() {
                out.append(&mut held);
            }
            out.push(labelled_row(row.group, row.label, &values, rng));
        } else {
            let mut label_lines = Vec::new();
            if let Some(group) = row.group.filter(|_| rng.chance(40)) {
                wrapped(group, rng, &mut label_lines);
            }
            wrapped(row.label, rng, &mut label_lines);
            let place = match layout.labels {
                Loose::Mixed => [Loose::Before, Loose::After, Loose::Shuffled][rng.below(3)],
                place => place,
            };
            match place {
                Loose::Before => {
                    out.push(String::new());
                    out.extend(label_lines);
                    out.push(numbers_row(row.label, &values, layout, rng));
                }
                Loose::After => {
                    out.push(numbers_row(row.label, &values, layout, rng));
                    out.push(String::new());
                    out.extend(label_lines);
                }
                _ => {
                    held.extend(label_lines);
                    let (a, b) = (rng.below(held.len()), rng.below(held.len()));
                    held.swap(a, b);
                    out.push(numbers_row(row.label, &values, layout, rng));
                }
            }
        }
        if layout.furniture && rng.chance(40) {
            out.push(rule_line(values.len()));
        }
    }
    out.append(&mut held);
}

fn render_review(set: &ValidSet, out: &mut Vec<String>) {
    out.push("四、政府信息公开行政复议、行政诉讼情况".to_string());
    for line in [
        "行政复议行政诉讼",
        "未经复议直接起诉复议后起诉",
        "结果结果其他尚未",
        "总计结果结果其他尚未结果结果其他尚未",
        "维持纠正结果审结维持纠正结果审结",
        "注：行政复议、行政诉讼数量含上年度结转数量。",
        "| 维持 | 纠正 | 结果 | 审结 | 总计 | 总计 |",
    ] {
        out.push(line.to_string());
    }
    out.push(rule_line(6));
    let values: Vec<String> = set.review.iter().flatten().map(|v| v.to_string()).collect();
    out.push(pipe_row(&values));
    out.push(rule_line(15));
    out.push(String::new());
}

fn render(set: &ValidSet, layout: &Layout, rng: &mut Rng) -> String {
    let (agency, year) = (set.agency, set.year);
    let mut out = vec![
        "正文".to_string(),
        format!("{year}年{agency}政府信息公开工作年度报告"),
        format!("本年度报告中所列数据统计期限为{year}年1月1日至12月31日。"),
        String::new(),
        "一、总体情况".to_string(),
        format!("{year}年，本机关扎实推进政务公开工作。"),
        "— 1 —".to_string(),
        String::new(),
        "二、主动公开政府信息情况".to_string(),
    ];
    for block in set.template.blocks() {
        out.push(format!("第二十条第（{}）项", block.item));
        out.push("信息内容".to_string());
        out.extend(block.cols.iter().map(|c| c.1.to_string()));
        for &(key, label) in block.rows {
            let index = set
                .template
                .active_rows()
                .iter()
                .position(|(_, k, _)| *k == key)
                .unwrap();
            out.push(label.to_string());
            out.extend(set.active[index].iter().map(|v| format!("{v}")));
        }
    }
    out.push("— 2 —".to_string());
    out.push(String::new());
    render_requests(set, layout, rng, &mut out);
    out.push(String::new());
    render_review(set, &mut out);
    if !rng.chance(layout.no_problems_heading) {
        out.push("五、存在的主要问题及改进情况".to_string());
    }
    out.push(format!("（一）{}年工作中存在问题的改进情况", year - 1));
    out.push(format!(
        "针对{}年工作中存在的主要问题，采取了3项改进措施。",
        year - 1
    ));
    out.push(format!("（二）{year}年工作中存在的主要问题"));
    out.push("政策解读的形式还不够丰富。".to_string());
    out.push(String::new());
    out.push("六、其他需要报告的事项".to_string());
    out.push(format!("{year}年度本机关未收取信息公开处理费。"));
    out.push("— 7 —".to_string());
    out.join("\n")
}

/// 表三's and 表四's cells as printed (表二 is printed the plain way, one value a line).
fn printed_cells(set: &ValidSet) -> Vec<Printed> {
    let mut cells = request_cells(&set.template.request_rows(), &set.requests);
    cells.extend(review_cells(set));
    cells
}

/// Checks one rendering; a problem (a wrong cell, an unexplained null, any error) is returned.
fn check(set: &ValidSet, text: &str, tally: &mut Tally) -> Vec<String> {
    let report = nianbao::check_text(text, &nianbao::Options::default());
    let read = ReadBack::new(report, &printed_cells(set));
    tally.add(&read);
    let mut problems = read.wrong.clone();
    problems.extend(read.untold_declines());
    for finding in &read.report.findings {
        if finding.severity == nianbao::Severity::Error {
            problems.push(format!("{}: {}", finding.rule.id(), finding.message));
        }
    }
    problems
}

fn sets_per_template() -> u64 {
    std::env::var("MARKDOWN_PDF_SETS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(120)
}

const VARIANTS: [(&str, Layout); 5] = [
    (
        "labels in their pipe rows, groups in cells of their own",
        Layout {
            numbers_only: 0,
            labels: Loose::Before,
            fragments: 0,
            any_row: false,
            furniture: true,
            no_problems_heading: 0,
        },
    ),
    (
        "numbers-only rows, labels before them",
        Layout {
            numbers_only: 50,
            labels: Loose::Before,
            fragments: 0,
            any_row: false,
            furniture: false,
            no_problems_heading: 0,
        },
    ),
    (
        "numbers-only rows, labels after them",
        Layout {
            numbers_only: 50,
            labels: Loose::After,
            fragments: 0,
            any_row: false,
            furniture: false,
            no_problems_heading: 0,
        },
    ),
    (
        "numbers-only rows, labels shuffled and held back",
        Layout {
            numbers_only: 60,
            labels: Loose::Shuffled,
            fragments: 0,
            any_row: false,
            furniture: false,
            no_problems_heading: 0,
        },
    ),
    (
        "all of these, headings and page numbers, 五's heading lost half the time",
        Layout {
            numbers_only: 60,
            labels: Loose::Mixed,
            fragments: 30,
            any_row: true,
            furniture: true,
            no_problems_heading: 50,
        },
    ),
];

/// A seed names its variant (last digit) and template (the digit before: 1 for 2021).
fn seed_of(variant: usize, template: Tpl, n: u64) -> u64 {
    let template = u64::from(matches!(template, Tpl::Y2021));
    n * 100 + template * 10 + variant as u64
}

fn rendering(seed: u64) -> (ValidSet, String) {
    let variant = (seed % 10) as usize % VARIANTS.len();
    let template = if (seed / 10) % 10 == 1 {
        Tpl::Y2021
    } else {
        Tpl::Y2019
    };
    let mut rng = Rng::new(seed);
    let set = generate(&mut rng, template, &DRAW);
    let text = render(&set, &VARIANTS[variant].1, &mut rng);
    (set, text)
}

#[test]
fn markdown_from_a_pdf_is_read_exactly_or_declined() {
    if let Some(seed) = std::env::var("MARKDOWN_PDF_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        let (set, text) = rendering(seed);
        println!("{text}");
        let problems = check(&set, &text, &mut Tally::default());
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        return;
    }
    let mut summary = String::new();
    let mut failures = Vec::new();
    let mut renderings = 0;
    for (variant, (name, _)) in VARIANTS.iter().enumerate() {
        let mut tally = Tally::default();
        for template in [Tpl::Y2019, Tpl::Y2021] {
            for n in 0..sets_per_template() {
                let seed = seed_of(variant, template, n);
                let (set, text) = rendering(seed);
                let problems = check(&set, &text, &mut tally);
                let wrong = problems.iter().any(|p| p.contains("printed"));
                if !problems.is_empty() && (failures.len() < 5 || wrong && failures.len() < 8) {
                    failures.push(format!("{name}, seed {seed}: {}", problems.join("; ")));
                }
            }
        }
        renderings += tally.renderings;
        let _ = writeln!(summary, "{}", tally.line(name));
    }
    println!("{summary}");
    assert!(renderings >= 1000, "{renderings} renderings");
    assert!(failures.is_empty(), "{summary}\n{}", failures.join("\n"));
}
