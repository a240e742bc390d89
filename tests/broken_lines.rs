//! Text broken at arbitrary points: a web page whose inline spans became lines, shaped like the
//! corpus's 三明市人民政府 reports — one cell per line, a heading's numeral on a line of its
//! own (`一、` / `总体情况`), an item number apart from its label (`1.` / `属于国家秘密`), a section
//! title with a typo (`政府信息公开行政法复议…`), and now and then a number cut in two (`1` / `62`
//! for 162).
//!
//! Random valid table sets of both templates are rendered that way and checked. Every cell is
//! then either the value printed, or null because the checker declined and said so; a number
//! other than the one printed is never acceptable, nor an arithmetic error on tables that add
//! up. The share read exactly is printed per family:
//!
//! `cargo test --release --test broken_lines -- --nocapture` (more: `BROKEN_LINES_SETS=<n>`).

use std::fmt::Write as _;

mod common;

use common::print_value;

use common::readback::{all_cells, ReadBack, Tally};
use common::RESULTS_GROUP;
use common::{generate, Draw, Rng, Scale, Tpl, ValidSet};

const DRAW: Draw = Draw {
    scales: &[3, 30, 30, 300, 300, 3000],
    no_requests: Some(5),
    other_results: Some(35),
    review_scale: Scale::OneOf(&[3, 20, 100]),
    agencies: &["三明市人民政府", "某某县财政局", "某某区人民政府"],
};

/// How a rendering breaks its text.
#[derive(Clone, Copy, Debug)]
struct Breaks {
    /// Chance in percent that a number of two digits or more is cut in two lines.
    numbers: usize,
    /// The numerals of the section headings stand on lines of their own.
    headings: bool,
    /// The item numbers of 表三's labels stand on lines of their own (`1.` / `属于国家秘密`).
    items: bool,
    /// Each section title has a typo: a character added, dropped or changed.
    typos: bool,
}

/// The lines a value prints on: one, or two when a whole number of two digits or more is cut.
fn value_lines(text: &str, breaks: &Breaks, rng: &mut Rng, out: &mut Vec<String>) {
    let digits = text.trim_start_matches(['+', '-']);
    if digits.len() >= 2 && digits.bytes().all(|b| b.is_ascii_digit()) && rng.chance(breaks.numbers)
    {
        let sign = text.len() - digits.len();
        let cut = sign + 1 + rng.below(digits.len() - 1);
        out.push(text[..cut].to_string());
        out.push(text[cut..].to_string());
    } else {
        out.push(text.to_string());
    }
}

fn heading(numeral: &str, title: &str, breaks: &Breaks, rng: &mut Rng, out: &mut Vec<String>) {
    let mut chars: Vec<char> = title.chars().collect();
    if breaks.typos {
        let at = rng.below(chars.len());
        match rng.below(3) {
            0 => chars.insert(at, '法'),
            1 if chars.len() > 4 => {
                chars.remove(at);
            }
            _ => chars[at] = '某',
        }
    }
    let title: String = chars.into_iter().collect();
    if breaks.headings {
        out.push(format!("{numeral}、"));
        out.push(title.to_string());
    } else {
        out.push(format!("{numeral}、{title}"));
    }
}

fn render(set: &ValidSet, breaks: &Breaks, rng: &mut Rng) -> String {
    let (agency, year) = (set.agency, set.year);
    let mut out = vec![
        format!("{agency}{year}年政府信息公开工作年度报告"),
        format!("本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。"),
    ];
    heading("一", "总体情况", breaks, rng, &mut out);
    out.push(format!(
        "{year}年，我市认真贯彻落实《条例》，扎实做好政府信息公开工作。"
    ));
    heading("二", "主动公开政府信息情况", breaks, rng, &mut out);
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
            for (col, &value) in block.cols.iter().zip(&set.active[index]) {
                value_lines(&print_value(value, col.2), breaks, rng, &mut out);
            }
        }
    }
    heading(
        "三",
        "收到和处理政府信息公开申请情况",
        breaks,
        rng,
        &mut out,
    );
    out.push("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）".to_string());
    for word in [
        "申请人情况",
        "自然人",
        "法人或其他组织",
        "总计",
        "商业企业",
        "科研机构",
    ] {
        out.push(word.to_string());
    }
    for word in ["社会公益组织", "法律服务机构", "其他"] {
        out.push(word.to_string());
    }
    let mut group = None;
    for (row, cells) in set.template.request_rows().iter().zip(&set.requests) {
        if row.key == "granted" {
            out.push(RESULTS_GROUP.to_string());
        }
        if row.group.is_some() && row.group != group {
            out.push(row.group.unwrap_or_default().to_string());
        }
        group = row.group;
        match row.label.split_once('.').filter(|_| breaks.items) {
            Some((item, label)) => {
                out.push(format!("{item}."));
                out.push(label.to_string());
            }
            None => out.push(row.label.to_string()),
        }
        for &value in cells {
            value_lines(&value.to_string(), breaks, rng, &mut out);
        }
    }
    heading(
        "四",
        "政府信息公开行政复议、行政诉讼情况",
        breaks,
        rng,
        &mut out,
    );
    for word in ["行政复议", "行政诉讼"] {
        out.push(word.to_string());
    }
    for word in [
        "结果维持",
        "结果纠正",
        "其他结果",
        "尚未审结",
        "总计",
        "未经复议直接起诉",
        "复议后起诉",
    ] {
        out.push(word.to_string());
    }
    for _ in 0..2 {
        for word in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] {
            out.push(word.to_string());
        }
    }
    for cells in &set.review {
        for &value in cells {
            value_lines(&value.to_string(), breaks, rng, &mut out);
        }
    }
    heading("五", "存在的主要问题及改进情况", breaks, rng, &mut out);
    out.push("政策解读的形式还不够丰富。下一步将增加图解解读。".to_string());
    heading("六", "其他需要报告的事项", breaks, rng, &mut out);
    out.push(format!("{year}年，未收取信息处理费。"));
    out.push(agency.to_string());
    out.push(format!("{}年1月20日", year + 1));
    out.join("\n")
}

/// Checks one rendering; a problem (a wrong cell, a false error, a missing section) is returned
/// with what to look at.
fn check(set: &ValidSet, text: &str, tally: &mut Tally) -> Vec<String> {
    let report = nianbao::check_text(text, &nianbao::Options::default());
    let read = ReadBack::new(report, &all_cells(set));
    tally.add(&read);
    let mut problems = read.wrong.clone();
    problems.extend(read.false_errors.iter().cloned());
    for finding in &read.report.findings {
        if finding.rule.id() == "structure.section_missing" {
            problems.push(format!("{}: {}", finding.rule.id(), finding.message));
        }
    }
    problems
}

fn sets_per_template() -> u64 {
    std::env::var("BROKEN_LINES_SETS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(500)
}

#[test]
fn text_broken_at_arbitrary_points_is_read_exactly_or_declined() {
    let families: [(&str, Breaks); 5] = [
        (
            "headings on two lines",
            Breaks {
                numbers: 0,
                headings: true,
                items: false,
                typos: false,
            },
        ),
        (
            "item numbers apart from their labels",
            Breaks {
                numbers: 0,
                headings: false,
                items: true,
                typos: false,
            },
        ),
        (
            "some numbers cut in two",
            Breaks {
                numbers: 5,
                headings: false,
                items: false,
                typos: false,
            },
        ),
        (
            "section titles with a typo",
            Breaks {
                numbers: 0,
                headings: false,
                items: false,
                typos: true,
            },
        ),
        (
            "all of these, numbers cut often",
            Breaks {
                numbers: 20,
                headings: true,
                items: true,
                typos: true,
            },
        ),
    ];
    let mut summary = String::new();
    let mut failures = Vec::new();
    let mut renderings = 0;
    for (name, breaks) in families {
        let mut tally = Tally::default();
        for template in [Tpl::Y2019, Tpl::Y2021] {
            for seed in 0..sets_per_template() {
                let mut rng = Rng::new(seed * 7919 + template as u64);
                let set = generate(&mut rng, template, &DRAW);
                let text = render(&set, &breaks, &mut rng);
                let problems = check(&set, &text, &mut tally);
                if !problems.is_empty() && failures.len() < 5 {
                    failures.push(format!(
                        "{name}, {template:?} seed {seed}: {}",
                        problems.join("; ")
                    ));
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
