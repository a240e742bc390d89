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

mod common;

use common::pdf_lines::REQUEST_HEADER;
use common::pdf_lines::{render_report, wrap, Lines, PdfStyle};
use common::readback::{all_cells, print_and_assert, ReadBack, Tally};
use common::RESULTS_GROUP;
use common::{generate, Draw, Rng, Scale, Tpl, ValidSet};

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

impl PdfStyle for Variant {
    fn pages(&self) -> bool {
        self.pages
    }
    fn layout(&self) -> bool {
        self.layout
    }
    fn labels_apart(&self) -> bool {
        self.labels_apart
    }
}

// --------------------------------------------------------------------------- rendering

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
fn row_lines(out: &mut Lines<Variant>, left: &mut Vec<String>, label: &str, values: &[String]) {
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

fn render_requests(set: &ValidSet, out: &mut Lines<Variant>) {
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

fn render(set: &ValidSet, v: Variant, rng: &mut Rng) -> String {
    render_report(set, v, rng, render_requests).0
}

// --------------------------------------------------------------------------- checking

/// Checks one rendering: the broken promises (a wrong cell, a null nobody explains, a false
/// error, the wrong template).
fn check(set: &ValidSet, text: &str, tally: &mut Tally) -> Vec<String> {
    let report = nianbao::check_text(text, &nianbao::Options::default());
    let read = ReadBack::new(report, &all_cells(set));
    tally.add(&read);
    if std::env::var("PDF_TEXT_SEED").is_ok() {
        for (table, row, col) in &read.declined {
            eprintln!("declined {table}.{row}.{col}");
        }
    }
    let mut problems = read.wrong.clone();
    problems.extend(read.untold_declines());
    problems.extend(read.false_errors.iter().map(|e| format!("error {e}")));
    if read.json["template"] != set.template.id() {
        problems.push(format!("template read as {}", read.json["template"]));
    }
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
    let families = VARIANTS.iter().map(|v| v.0).zip(&tallies);
    let at_least = if only.is_some() { 1 } else { 1000 };
    print_and_assert("PDF-extracted text", families, &failures, at_least);
}
