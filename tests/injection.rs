//! Error injection: take a valid report, break one thing, and see whether the checker says so.
//!
//! Reports: generated valid table sets of both templates (tests/common), written as a tab copy
//! with a narrative paragraph that states their numbers, plus the clean shared fixtures.
//! Injections into 表三 and 表四: one cell ±1, ±10, left blank, or two cells of one table
//! swapped (except two results of one 表四 group, which leave a valid table). Caught means a finding names the cell's row or column: an error for a changed
//! value, the blank warning for a blank. Into the narrative: one stated number +1 or +10;
//! caught means `narrative.mismatch` on that sentence's line. The recall figures are printed
//! (`cargo test --release --test injection -- --nocapture`); cells must be caught every time.
//! `INJECTION_SETS` sets how many generated reports (default 40).

mod common;

use common::{
    clean_fixtures, Draw, Rng, Scale, Tpl, ValidSet, REQ_COLS, REVIEW_COLS, REVIEW_GROUPS,
};
use nianbao::model::{CellRef, Finding};
use nianbao::{Options, Severity};

const DRAW: Draw = Draw {
    scales: &[3, 20, 200, 3000],
    no_requests: Some(10),
    other_results: Some(25),
    review_scale: Scale::OneOf(&[3, 30]),
    agencies: &["某某县人民政府", "某某市财政局", "某某区人民政府办公室"],
};

/// A cell value as the renderer writes it: `None` is a blank.
type Grid = Vec<Vec<Option<i64>>>;

struct Report {
    template: Tpl,
    year: i32,
    agency: &'static str,
    active: Vec<Vec<f64>>,
    requests: Grid,
    review: Grid,
}

impl Report {
    fn from(set: &ValidSet) -> Report {
        Report {
            template: set.template,
            year: set.year,
            agency: set.agency,
            active: set.active.clone(),
            requests: set
                .requests
                .iter()
                .map(|r| r.iter().map(|&v| Some(v)).collect())
                .collect(),
            review: set
                .review
                .iter()
                .map(|r| r.iter().map(|&v| Some(v)).collect())
                .collect(),
        }
    }

    fn request(&self, key: &str) -> i64 {
        let index = self
            .template
            .request_rows()
            .iter()
            .position(|r| r.key == key)
            .unwrap();
        self.requests[index][6].unwrap_or(0)
    }

    /// The sentences a clerk writes about the tables, with the numbers they state.
    fn narrative(&self) -> Vec<String> {
        let granted = self.request("granted");
        let partial = self.request("partial");
        let review = self.review[0][4].unwrap_or(0);
        let litigation = self.review[1][4].unwrap_or(0) + self.review[2][4].unwrap_or(0);
        vec![
            format!(
                "{}年，本机关共收到政府信息公开申请{}件，上年结转{}件，办结{}件，{}件结转下年度继续办理。",
                self.year,
                self.request("new"),
                self.request("carried_over"),
                self.request("total"),
                self.request("carry_forward"),
            ),
            format!("其中，予以公开{granted}件，部分公开{partial}件。"),
            format!("因政府信息公开引起的行政复议{review}件，行政诉讼{litigation}件。"),
        ]
    }

    fn render(&self, narrative: &[String]) -> String {
        let cell = |v: Option<i64>| v.map_or(String::new(), |v| v.to_string());
        let mut out = vec![
            format!("{}{}年政府信息公开工作年度报告", self.agency, self.year),
            "一、总体情况".to_string(),
            "本机关认真贯彻《中华人民共和国政府信息公开条例》，扎实推进政务公开工作。".to_string(),
        ];
        out.extend(narrative.iter().cloned());
        out.push("二、主动公开政府信息情况".to_string());
        let mut active = self.active.iter();
        for block in self.template.blocks() {
            let mut header = vec![format!("第二十条第（{}）项", block.item), String::new()];
            header.extend(block.cols.iter().map(|c| c.1.to_string()));
            out.push(header.join("\t"));
            for &(_, label) in block.rows {
                let values = active.next().unwrap();
                let mut row = vec![label.to_string()];
                row.extend(values.iter().map(|v| {
                    if v.fract() == 0.0 {
                        format!("{v:.0}")
                    } else {
                        format!("{v:.2}")
                    }
                }));
                out.push(row.join("\t"));
            }
        }
        out.push("三、收到和处理政府信息公开申请情况".to_string());
        out.push(
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况"
                .to_string(),
        );
        out.push("\t自然人\t法人或其他组织\t\t\t\t\t总计".to_string());
        out.push("\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他".to_string());
        for (row, cells) in self.template.request_rows().iter().zip(&self.requests) {
            let label = match row.group {
                Some(group) => format!("{group}\t{}", row.label),
                None => row.label.to_string(),
            };
            let values: Vec<String> = cells.iter().map(|&v| cell(v)).collect();
            out.push(format!("{label}\t{}", values.join("\t")));
        }
        out.push("四、政府信息公开行政复议、行政诉讼情况".to_string());
        out.push("行政复议\t\t\t\t\t行政诉讼".to_string());
        out.push(
            "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉"
                .to_string(),
        );
        out.push(["结果维持\t结果纠正\t其他结果\t尚未审结\t总计"; 2].join("\t"));
        let values: Vec<String> = self.review.iter().flatten().map(|&v| cell(v)).collect();
        out.push(values.join("\t"));
        out.push("五、存在的主要问题及改进情况".to_string());
        out.push("公开内容还不够全面，下一步将加强培训。".to_string());
        out.push("六、其他需要报告的事项".to_string());
        out.push("本年度未收取信息处理费。".to_string());
        out.push(self.agency.to_string());
        out.push(format!("{}年1月20日", self.year + 1));
        out.join("\n")
    }
}

/// Where a cell of the grid is in CONTRACT's keys.
fn cell_ref(template: Tpl, table: &'static str, row: usize, col: usize) -> CellRef {
    match table {
        "requests" => CellRef {
            table,
            row: template.request_rows()[row].key,
            col: REQ_COLS[col],
        },
        _ => CellRef {
            table,
            row: REVIEW_GROUPS[row].0,
            col: REVIEW_COLS[col],
        },
    }
}

fn names(finding: &Finding, cell: &CellRef) -> bool {
    finding
        .cells
        .iter()
        .any(|c| c.table == cell.table && (c.row == cell.row || c.col == cell.col))
}

#[derive(Default)]
struct Tally {
    tried: usize,
    caught: usize,
    missed: Vec<String>,
}

impl Tally {
    fn count(&mut self, caught: bool, what: impl FnOnce() -> String) {
        self.tried += 1;
        if caught {
            self.caught += 1;
        } else if self.missed.len() < 20 {
            self.missed.push(what());
        }
    }

    fn recall(&self) -> String {
        format!(
            "{}/{} ({:.1}%)",
            self.caught,
            self.tried,
            100.0 * self.caught as f64 / self.tried.max(1) as f64
        )
    }
}

#[derive(Clone, Copy, Debug)]
enum Injection {
    Add(i64),
    Blank,
    Swap,
}

fn check(text: &str) -> nianbao::Report {
    nianbao::check_text(text, &Options::default())
}

fn grid<'a>(report: &'a mut Report, table: &str) -> &'a mut Grid {
    match table {
        "requests" => &mut report.requests,
        _ => &mut report.review,
    }
}

const INJECTIONS: [Injection; 6] = [
    Injection::Add(1),
    Injection::Add(-1),
    Injection::Add(10),
    Injection::Add(-10),
    Injection::Blank,
    Injection::Swap,
];

/// Two results of one 表四 group exchanged leave a valid table (表四 has no column sums):
/// nothing can tell, so such swaps are not injected.
fn undetectable_swap(a: &CellRef, b: &CellRef) -> bool {
    a.table == "review_litigation" && a.row == b.row && a.col != "total" && b.col != "total"
}

/// Which tally an injection counts in: ±1, ±10, blank, swap.
fn kind(injection: Injection) -> usize {
    match injection {
        Injection::Add(1 | -1) => 0,
        Injection::Add(_) => 1,
        Injection::Blank => 2,
        Injection::Swap => 3,
    }
}

/// Whether the findings say what is wrong: an error on the cell's (or the swapped cell's) row
/// or column; for a blank, also the blank warning on it.
fn caught(
    findings: &[Finding],
    injection: Injection,
    at: &CellRef,
    also: Option<&CellRef>,
) -> bool {
    findings.iter().any(|f| {
        let about = names(f, at) || also.is_some_and(|o| names(f, o));
        let blank_warning =
            matches!(injection, Injection::Blank) && f.rule.id().ends_with(".blank");
        about && (f.severity == Severity::Error || blank_warning)
    })
}

/// Injections into random cells of one generated report's 表三 and 表四.
fn inject_cells(report: &mut Report, rng: &mut Rng, name: &str, tallies: &mut [Tally; 4]) {
    let narrative = report.narrative();
    for (table, cols) in [("requests", 7), ("review_litigation", 5)] {
        let rows = grid(report, table).len();
        for _ in 0..12 {
            let (row, col) = (rng.below(rows), rng.below(cols));
            let at = cell_ref(report.template, table, row, col);
            for injection in INJECTIONS {
                let original = grid(report, table).clone();
                let template = report.template;
                let cells = grid(report, table);
                let value = cells[row][col].unwrap();
                let mut also = None;
                match injection {
                    Injection::Add(d) => cells[row][col] = Some(value + d),
                    Injection::Blank => cells[row][col] = None,
                    Injection::Swap => {
                        let (r2, c2) = (rng.below(rows), rng.below(cols));
                        let other = cells[r2][c2].unwrap();
                        if other == value
                            || undetectable_swap(&at, &cell_ref(template, table, r2, c2))
                        {
                            continue;
                        }
                        cells[row][col] = Some(other);
                        cells[r2][c2] = Some(value);
                        also = Some(cell_ref(template, table, r2, c2));
                    }
                }
                let after = check(&report.render(&narrative));
                tallies[kind(injection)].count(
                    caught(&after.findings, injection, &at, also.as_ref()),
                    || format!("{name}: {injection:?} at {at:?}"),
                );
                *grid(report, table) = original;
            }
        }
    }
}

/// The same injections into every number cell of 表三 and 表四 of a clean fixture, made in
/// its text: the number replaced, `/` for a blank, two numbers exchanged.
fn inject_fixture(name: &str, raw: &str, rng: &mut Rng, tallies: &mut [Tally; 4]) {
    let text = nianbao::text::Source::new(raw).text;
    let report = check(&text);
    let mut cells = Vec::new();
    for table in [&report.tables.requests, &report.tables.review_litigation] {
        for (at, cell) in table.as_ref().expect("table read").cells() {
            if cell.source == nianbao::model::CellSource::Number {
                cells.push((
                    at,
                    cell.value.unwrap().as_f64() as i64,
                    cell.start,
                    cell.end,
                ));
            }
        }
    }
    for &(at, value, start, end) in &cells {
        for injection in INJECTIONS {
            let mut also = None;
            let changed = match injection {
                Injection::Add(d) => format!("{}{}{}", &text[..start], value + d, &text[end..]),
                Injection::Blank => format!("{}/{}", &text[..start], &text[end..]),
                Injection::Swap => {
                    let same_table: Vec<_> = cells
                        .iter()
                        .filter(|c| c.0.table == at.table && c.1 != value)
                        .filter(|c| !undetectable_swap(&at, &c.0))
                        .collect();
                    if same_table.is_empty() {
                        continue;
                    }
                    let &(other, other_value, s2, e2) = same_table[rng.below(same_table.len())];
                    also = Some(other);
                    let (first, second) = if s2 < start {
                        ((s2, e2, value), (start, end, other_value))
                    } else {
                        ((start, end, other_value), (s2, e2, value))
                    };
                    format!(
                        "{}{}{}{}{}",
                        &text[..first.0],
                        first.2,
                        &text[first.1..second.0],
                        second.2,
                        &text[second.1..]
                    )
                }
            };
            let after = check(&changed);
            tallies[kind(injection)].count(
                caught(&after.findings, injection, &at, also.as_ref()),
                || format!("{name}: {injection:?} at {at:?}"),
            );
        }
    }
}

#[test]
fn injected_errors_are_caught() {
    let sets: u64 = std::env::var("INJECTION_SETS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(40);
    let mut cells: [Tally; 4] = Default::default();
    let mut narrative = Tally::default();
    let mut false_alarms = Vec::new();
    for seed in 0..sets {
        let mut rng = Rng::new(seed);
        let template = if seed % 2 == 0 {
            Tpl::Y2019
        } else {
            Tpl::Y2021
        };
        let set = common::generate(&mut rng, template, &DRAW);
        let mut report = Report::from(&set);
        let stated = report.narrative();
        let text = report.render(&stated);
        let clean = check(&text);
        // The rendering reads back, and a valid report with true sentences is clean.
        assert_eq!(
            clean.summary().errors,
            0,
            "seed {seed}:\n{text}\n{:?}",
            clean.findings
        );
        let wrong: Vec<_> = clean
            .findings
            .iter()
            .filter(|f| f.rule.id() == "narrative.mismatch")
            .collect();
        if !wrong.is_empty() {
            false_alarms.push(format!("seed {seed}: {wrong:?}"));
        }
        inject_cells(&mut report, &mut rng, &format!("seed {seed}"), &mut cells);

        // One stated number changed at a time.
        for (s, sentence) in stated.iter().enumerate() {
            let numbers: Vec<(usize, usize)> = digit_runs(sentence)
                .into_iter()
                .filter(|&(start, end)| !(end - start == 4 && sentence[end..].starts_with('年')))
                .collect();
            for (start, end) in numbers {
                for delta in [1, 10] {
                    let value: i64 = sentence[start..end].parse().unwrap();
                    let mut changed = stated.clone();
                    changed[s] = format!(
                        "{}{}{}",
                        &sentence[..start],
                        value + delta,
                        &sentence[end..]
                    );
                    let after = check(&report.render(&changed));
                    let line = 4 + s;
                    let caught = after
                        .findings
                        .iter()
                        .any(|f| f.rule.id() == "narrative.mismatch" && f.line == Some(line));
                    narrative.count(caught, || {
                        format!("seed {seed}: {} → {}", sentence, changed[s])
                    });
                }
            }
        }
    }
    let mut rng = Rng::new(sets);
    let fixtures = clean_fixtures();
    for (name, raw) in &fixtures {
        assert_eq!(check(raw).summary().errors, 0, "{name} is clean");
        inject_fixture(name, raw, &mut rng, &mut cells);
    }
    let kinds = ["±1", "±10", "blank", "swap"];
    println!(
        "error injection over {sets} generated reports (both templates) and {} clean fixtures:",
        fixtures.len()
    );
    for (kind, tally) in kinds.iter().zip(&cells) {
        println!("  表三/表四 cell {kind:>5}: caught {}", tally.recall());
    }
    println!("  narrative number +1/+10: caught {}", narrative.recall());
    println!(
        "  narrative false alarms on true sentences: {}",
        false_alarms.len()
    );
    for tally in &cells {
        assert!(
            tally.missed.is_empty(),
            "missed:\n{}",
            tally.missed.join("\n")
        );
    }
    assert!(false_alarms.is_empty(), "{}", false_alarms.join("\n"));
    // Some changes make another reading fit (收到 N+1 = 一+二 when one request was carried over).
    assert!(
        narrative.caught * 10 >= narrative.tried * 9,
        "narrative recall {}: {}",
        narrative.recall(),
        narrative.missed.join("\n")
    );
}

fn digit_runs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}
