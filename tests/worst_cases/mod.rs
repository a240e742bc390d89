//! Hostile inputs, shared by the tests that check what the checker makes of them
//! (`tests/robustness.rs`, `tests/crossyear.rs`, `tests/grids.rs`: the result is right, nothing
//! panics) and the benchmark that times them against their budgets
//! (`tests/benches/worst_cases.rs`, run by `.ci/bench`). No test asserts a wall-clock time: on a
//! shared machine that is a flake, so the times are the benchmark's.

#![allow(dead_code)]

use nianbao::input::{Document, DocumentBuilder, RowSpan};
use nianbao::text::Source;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures");

/// A shared fixture's text, decoded as the CLI does.
pub fn fixture(name: &str) -> String {
    let bytes = std::fs::read(format!("{FIXTURES}/{name}")).expect("a shared fixture");
    nianbao::input::decode(&bytes).unwrap()
}

/// Pastes of about 10 MB (4 MB for the one line): a report repeated, one line of table words
/// and digits without end, digits alone.
pub fn ten_megabyte_pastes() -> Vec<(&'static str, String)> {
    let report = fixture("000_74598ba982fdb439.txt");
    let repeated = report.repeat(10 * 1024 * 1024 / report.len() + 1);
    let one_line: String = "本年新收政府信息公开申请数量640020470总计1 2 3予以公开\t\t"
        .chars()
        .cycle()
        .take(4 * 1024 * 1024)
        .collect();
    let digits = "1234567890 ".repeat(1024 * 1024);
    vec![
        ("repeated report", repeated),
        ("one line", one_line),
        ("digits", digits),
    ]
}

/// Phrases that the readers of dates, periods, titles and stated years look for, repeated
/// over 5 MB (on one line, in one sentence, inside 《…): each reader must stay linear.
pub fn repeated_phrases() -> Vec<(&'static str, String)> {
    let fill = |phrase: &str| phrase.repeat(5 * 1024 * 1024 / phrase.len());
    let tables = |notes: String| format!("二、主动公开政府信息情况\n{notes}\n五、存在的主要问题\n");
    let opening = |lines: String| format!("{lines}\n一、总体情况\n");
    vec![
        ("dates", fill("2021年2月19日 二〇二一年二月十九日 ")),
        ("periods", fill("统计期限为2020年1月1日至")),
        ("titles", fill("2020年某某某某某某某某某某某某")),
        ("blanks", format!("（指{}", " ".repeat(5 * 1024 * 1024))),
        (
            "table notes on one line",
            tables(fill("上一年（指2019年）")),
        ),
        (
            "report years in one sentence",
            opening(fill("现公布2020年年报")),
        ),
        (
            "inside 《",
            opening(format!("《{}", fill("现公布2020年年报"))),
        ),
        ("涵盖 in one clause", opening(fill("涵盖2020年"))),
        (
            "涵盖 before spaces",
            opening(fill("涵盖2020年") + &" ".repeat(1024 * 1024) + "，"),
        ),
    ]
}

/// A real report (normalised, so that its cells' byte ranges index it) and "last year's"
/// made of it with section 一 repeated to about 3 MB: the bodies are compared by character
/// pairs, far over the exact measure's limit.
pub fn huge_last_year() -> (String, String) {
    let text = Source::new(&fixture("淮安市人民政府_2024.txt")).text;
    let current = nianbao::check_text(&text, &nianbao::Options::default());
    let one = current.sections.iter().find(|s| s.number == 1).unwrap();
    let two = current.sections.iter().find(|s| s.number == 2).unwrap();
    let body = &text[one.end..two.start];
    let huge = format!(
        "{}{}{}",
        &text[..one.end],
        body.repeat(3_000_000 / body.len()),
        &text[two.start..]
    );
    (text, huge)
}

/// One table of hostile size: a row of 250 text cells, 3,000 header rows 64 cells wide, a row
/// of 50,000 cells (too wide to be a grid: its rows become lines of text).
pub fn huge_grid() -> Document {
    let mut b = DocumentBuilder::new();
    b.begin_table();
    b.begin_row();
    for i in 0..250 {
        b.cell(
            if i % 2 == 0 { "其他" } else { "总计" },
            1,
            RowSpan::Rows(1),
        );
    }
    b.cell("5", 1, RowSpan::Rows(1));
    for i in 0..3_000 {
        b.begin_row();
        b.cell(&format!("表头{}", i % 97), 64, RowSpan::Rows(1));
    }
    b.begin_row();
    b.cell("行政复议", 1, RowSpan::Rows(1));
    b.cell("1", 1, RowSpan::Rows(1));
    b.begin_table();
    b.begin_row();
    for _ in 0..50_000 {
        b.cell("1", 1, RowSpan::Rows(1));
    }
    for _ in 0..3_000 {
        b.begin_row();
        b.cell("其他", 1, RowSpan::Rows(1));
    }
    b.finish()
}
