//! Reports that mix the two templates in 表三's （六）, as 淮安市洪泽区人民政府's 2024 report
//! does: the 2021 表二 with the 2019 single row （六）其他处理, and the reverse, the 2019 表二 with
//! the 2021 items （六）1–3.
//!
//! Random valid table sets are given 表三's （六） in the other form (the three 2021 items summed
//! into one row, or the 2019 row split into three), rendered in a few layouts and checked: every
//! cell is read as printed, under the row keys of the form printed; the report is told the
//! forms are mixed (`structure.template_mismatch`) and nothing else is an error — no missing
//! rows, no sums broken. The share read exactly is printed per family:
//!
//! `cargo test --release --test mixed_template -- --nocapture` (more: `MIXED_SETS=<n>`).

use std::fmt::Write as _;

use nianbao::input::document::{Document, DocumentBuilder, RowSpan};

mod common;

use common::readback::{active_cells, request_cells, review_cells, ReadBack, Tally};
use common::REVIEW_GROUPS;
use common::{generate, Draw, ReqRow, Rng, Scale, Tpl, ValidSet};

const DRAW: Draw = Draw {
    scales: &[3, 30, 300, 3000],
    no_requests: Some(5),
    other_results: Some(50),
    review_scale: Scale::OneOf(&[3, 20]),
    agencies: &["淮安市洪泽区人民政府", "某某县财政局"],
};

/// A valid set whose 表三 is printed with the other template's （六）.
struct Mixed {
    set: ValidSet,
    rows: Vec<&'static ReqRow>,
    requests: Vec<[i64; 7]>,
}

/// `set`'s 表三 with its （六） in the other form: the 2021 items summed into one row, or the
/// 2019 row split at random into three. Every sum still holds.
fn mix(set: ValidSet, rng: &mut Rng) -> Mixed {
    let other = match set.template {
        Tpl::Y2019 => Tpl::Y2021,
        Tpl::Y2021 => Tpl::Y2019,
    };
    let own = set.template.request_rows();
    let is_other = |row: &ReqRow| row.key.starts_with("other");
    let mut sixth = [0; 7];
    let mut requests = Vec::new();
    for (row, cells) in own.iter().zip(&set.requests) {
        if is_other(row) {
            sixth.iter_mut().zip(cells).for_each(|(s, c)| *s += c);
        } else {
            requests.push(*cells);
        }
    }
    let rows = other.request_rows();
    let at = rows.iter().position(|r| is_other(r)).unwrap();
    let block = match other {
        Tpl::Y2019 => vec![sixth],
        Tpl::Y2021 => split(sixth, rng),
    };
    requests.splice(at..at, block);
    Mixed {
        set,
        rows,
        requests,
    }
}

/// One row cut into three, each applicant column at random; 总计 is each row's sum.
fn split(whole: [i64; 7], rng: &mut Rng) -> Vec<[i64; 7]> {
    let mut rows = vec![[0; 7]; 3];
    for (c, &all) in whole.iter().enumerate().take(6) {
        let first = rng.range(0, all);
        let second = rng.range(0, all - first);
        rows[0][c] = first;
        rows[1][c] = second;
        rows[2][c] = all - first - second;
    }
    for row in &mut rows {
        row[6] = row[..6].iter().sum();
    }
    rows
}

#[derive(Clone, Copy, Debug)]
enum Layout {
    /// One row a line, cells apart by tabs (a web page or Word copied).
    Tabs,
    /// One row a line, cells apart by spaces, group labels on lines of their own (a PDF).
    Spaces,
    /// One cell a line (a web page whose cells became lines).
    CellPerLine,
    /// 表三 as a cell grid (HTML, .docx), the rest as text.
    Grid,
}

fn line(label: &str, values: &[String], layout: Layout) -> String {
    let sep = match layout {
        Layout::Spaces => " ",
        Layout::CellPerLine => "\n",
        Layout::Tabs | Layout::Grid => "\t",
    };
    std::iter::once(label.to_string())
        .chain(values.iter().cloned())
        .collect::<Vec<_>>()
        .join(sep)
}

fn print(value: f64) -> String {
    let value = (value * 1e6).round() / 1e6;
    if value.fract() == 0.0 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// The lines before 表三: title, period, 一 and 表二.
fn head(set: &ValidSet, layout: Layout) -> Vec<String> {
    let (agency, year) = (set.agency, set.year);
    let mut out = vec![
        format!("{agency}{year}年政府信息公开工作年度报告"),
        format!("本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"),
        "一、总体情况".to_string(),
        format!("{year}年，我们认真贯彻落实《条例》，扎实做好政府信息公开工作。"),
        "二、主动公开政府信息情况".to_string(),
    ];
    let rows = set.template.active_rows();
    for block in set.template.blocks() {
        out.push(format!("第二十条第（{}）项", block.item));
        let headers: Vec<String> = block.cols.iter().map(|c| c.1.to_string()).collect();
        out.push(line("信息内容", &headers, layout));
        for &(key, label) in block.rows {
            let index = rows.iter().position(|(_, k, _)| *k == key).unwrap();
            let values: Vec<String> = block
                .cols
                .iter()
                .zip(&set.active[index])
                .map(|(col, &v)| match col.2 {
                    common::ColKind::Signed if v > 0.0 => format!("+{}", print(v)),
                    _ => print(v),
                })
                .collect();
            out.push(line(label, &values, layout));
        }
    }
    out.push("三、收到和处理政府信息公开申请情况".to_string());
    out
}

const HEADER: [&str; 7] = [
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
];

/// 表三 as lines of text.
fn requests_text(mixed: &Mixed, layout: Layout) -> Vec<String> {
    let mut out = vec![
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）".to_string(),
        line("申请人情况", &HEADER.map(String::from), layout),
    ];
    let mut group = None;
    for (row, cells) in mixed.rows.iter().zip(&mixed.requests) {
        let values: Vec<String> = cells.iter().map(i64::to_string).collect();
        if row.group.is_some() && row.group != group {
            match layout {
                Layout::Spaces => out.push(row.group.unwrap_or_default().to_string()),
                _ => {
                    // The group label in front of its first item (a merged cell copied).
                    let label = format!("{}{}", row.group.unwrap_or_default(), row.label);
                    out.push(line(&label, &values, layout));
                    group = row.group;
                    continue;
                }
            }
        }
        group = row.group;
        out.push(line(row.label, &values, layout));
    }
    out
}

/// 表四 and the rest of the report.
fn tail(set: &ValidSet, layout: Layout) -> Vec<String> {
    let year = set.year;
    let mut out = vec!["四、政府信息公开行政复议、行政诉讼情况".to_string()];
    let header = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    out.push(line("行政复议", &header.map(String::from), layout));
    for (&(_, name), cells) in REVIEW_GROUPS.iter().zip(&set.review) {
        let values: Vec<String> = cells.iter().map(i64::to_string).collect();
        out.push(line(name, &values, layout));
    }
    out.extend([
        "五、存在的主要问题及改进情况".to_string(),
        "政策解读的形式还不够丰富。下一步将增加图解解读。".to_string(),
        "六、其他需要报告的事项".to_string(),
        format!("{year}年，未收取信息处理费。"),
        set.agency.to_string(),
        format!("{}年1月20日", year + 1),
    ]);
    out
}

fn render(mixed: &Mixed, layout: Layout) -> Document {
    let set = &mixed.set;
    if !matches!(layout, Layout::Grid) {
        let mut out = head(set, layout);
        out.extend(requests_text(mixed, layout));
        out.extend(tail(set, layout));
        return Document::from_text(out.join("\n"));
    }
    let mut b = DocumentBuilder::new();
    for text in head(set, Layout::Tabs) {
        b.paragraph(&text);
    }
    b.begin_table();
    b.begin_row();
    b.cell("申请人情况", 1, RowSpan::Rows(1));
    for word in HEADER {
        b.cell(word, 1, RowSpan::Rows(1));
    }
    for (row, cells) in mixed.rows.iter().zip(&mixed.requests) {
        b.begin_row();
        b.cell(row.label, 1, RowSpan::Rows(1));
        for value in cells {
            b.cell(&value.to_string(), 1, RowSpan::Rows(1));
        }
    }
    for text in tail(set, Layout::Tabs) {
        b.paragraph(&text);
    }
    b.finish()
}

/// Checks one rendering; its problems are returned: a cell not read as printed, the wrong
/// template, no `structure.template_mismatch`, or any other error.
fn check(mixed: &Mixed, document: &Document, tally: &mut Tally) -> Vec<String> {
    let report = nianbao::check(document, None, &nianbao::Options::default());
    let mut printed = active_cells(&mixed.set);
    printed.extend(request_cells(&mixed.rows, &mixed.requests));
    printed.extend(review_cells(&mixed.set));
    let read = ReadBack::new(report, &printed);
    tally.add(&read);
    let mut problems = read.wrong.clone();
    for (table, row, col) in &read.declined {
        problems.push(format!("{table}.{row}.{col}: not read"));
    }
    if read.json["template"] != mixed.set.template.id() {
        problems.push(format!("template {}", read.json["template"]));
    }
    let mut told = false;
    for finding in &read.report.findings {
        let id = finding.rule.id();
        if id == "structure.template_mismatch" {
            told = true;
        } else if finding.severity == nianbao::Severity::Error {
            problems.push(format!("{id}: {}", finding.message));
        }
    }
    if !told {
        problems.push("no structure.template_mismatch".to_string());
    }
    problems
}

fn sets() -> u64 {
    std::env::var("MIXED_SETS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300)
}

#[test]
fn a_table_three_in_the_other_form_is_read_in_its_form_and_told() {
    let families: [(&str, Tpl); 2] = [
        ("2021 report, 2019 （六）其他处理", Tpl::Y2021),
        ("2019 report, 2021 （六）1–3", Tpl::Y2019),
    ];
    let layouts = [
        Layout::Tabs,
        Layout::Spaces,
        Layout::CellPerLine,
        Layout::Grid,
    ];
    let mut summary = String::new();
    let mut failures = Vec::new();
    let mut renderings = 0;
    for (name, template) in families {
        for layout in layouts {
            let mut tally = Tally::default();
            for seed in 0..sets() {
                let mut rng = Rng::new(seed * 6271 + template as u64 * 31 + layout as u64);
                let mixed = mix(generate(&mut rng, template, &DRAW), &mut rng);
                let document = render(&mixed, layout);
                let problems = check(&mixed, &document, &mut tally);
                if !problems.is_empty() && failures.len() < 5 {
                    failures.push(format!(
                        "{name}, {layout:?}, seed {seed}: {}",
                        problems.join("; ")
                    ));
                }
            }
            renderings += tally.renderings;
            let family = format!("{name}, {layout:?}");
            let _ = writeln!(summary, "{}", tally.line(&family));
        }
    }
    println!("{summary}");
    assert!(renderings >= 1000, "{renderings} renderings");
    assert!(failures.is_empty(), "{summary}\n{}", failures.join("\n"));
}
