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

mod common;

use common::pdf_lines::{render_report, wrap, Lines, PdfStyle, REQUEST_HEADER};
use common::readback::{all_cells, print_and_assert, ReadBack, Tally};
use common::{generate, Draw, Rng, Scale, Tpl, ValidSet};
use common::{REQ_COLS, RESULTS_GROUP};

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

/// 表三's labels, then its numbers column by column. Returns the cell left out, if any.
fn render_requests(set: &ValidSet, out: &mut Lines<Variant>) -> Option<(usize, usize)> {
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

fn render(set: &ValidSet, v: Variant, rng: &mut Rng) -> Rendered {
    render_report(set, v, rng, render_requests)
}

// --------------------------------------------------------------------------- checking

/// Checks one rendering: the broken promises (a wrong cell, a null nobody explains, a false
/// error, the wrong template). The cell left out, if any, must be read as blank.
fn check(
    set: &ValidSet,
    text: &str,
    left_out: Option<(usize, usize)>,
    tally: &mut Tally,
) -> Vec<String> {
    let report = nianbao::check_text(text, &nianbao::Options::default());
    let left_out = left_out.map(|(r, c)| (set.template.request_rows()[r].key, REQ_COLS[c]));
    let mut printed = all_cells(set);
    printed.retain(|cell| cell.table != "requests" || Some((cell.row, cell.col)) != left_out);
    let read = ReadBack::new(report, &printed);
    tally.add(&read);
    if std::env::var("COLUMN_MAJOR_SEED").is_ok() {
        for (table, row, col) in &read.declined {
            eprintln!("declined {table}.{row}.{col}");
        }
    }
    let mut problems = read.wrong.clone();
    if let Some((row, col)) = left_out {
        // Printed as nothing: blank, never 0 nor a neighbour's number.
        if let Some(got) = read.json["tables"]["requests"][row][col].as_f64() {
            problems.push(format!("requests.{row}.{col}: left out, read {got}"));
        }
    }
    problems.extend(read.untold_declines());
    problems.extend(read.false_errors.iter().map(|e| format!("error {e}")));
    if read.json["template"] != set.template.id() {
        problems.push(format!("template read as {}", read.json["template"]));
    }
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
    let families = VARIANTS.iter().map(|v| v.0).zip(&tallies);
    let at_least = if only.is_some() { 1 } else { 1000 };
    print_and_assert("表三 column by column", families, &failures, at_least);
}
