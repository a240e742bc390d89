//! Cross-year checks on pairs made from the shared fixtures: for a fixture (this year), last
//! year's report is written by editing a real report's text (the same fixture, or one of the
//! other template) cell by cell, so that every year-to-year identity holds: its 结转下年度
//! is this year's 上年结转, its 现行有效件数 and 上一年项目数量 lead to this year's, its years
//! are one less, its agency is this year's, and its sections 一 and 五 say something else.
//! Then one thing at a time is broken.

use nianbao::model::Number;
use nianbao::model::{CellSource, Table};
use nianbao::text::Source;
use nianbao::{Finding, Options, Report, Severity};

mod common;
mod worst_cases;
use common::REQ_COLS;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/fixtures");

/// Last year's sections 一 and 五: written for these tests, unlike any fixture's.
const LAST_YEAR_ONE: &str = "\n本年度，本机关按照上级部署，推进政务公开标准化规范化建设：修订主动公开目录，开展政策解读，优化依申请公开的受理、审核与答复流程，并对政府网站与政务新媒体开展季度检查，发现问题及时整改。\n";
const LAST_YEAR_FIVE: &str = "\n存在的问题：一是部分栏目更新不够及时；二是解读形式较为单一。改进措施：加强对工作人员的业务培训，建立信息发布前的交叉审核制度，提高解读材料的可读性。\n";

/// A fixture's text, normalised (so that the cells' byte ranges index it).
fn fixture(name: &str) -> String {
    let bytes = std::fs::read(format!("{FIXTURES}/{name}.txt")).expect("a shared fixture");
    Source::new(&nianbao::input::decode(&bytes).unwrap()).text
}

/// The fixtures whose cells are printed apart (平潭's run together, so they cannot be
/// edited one by one), with their expected rules as the truth files list them.
fn fixtures() -> Vec<String> {
    let names: Vec<String> = common::fixtures()
        .into_iter()
        .map(|(name, _, _)| name)
        .filter(|name| !name.contains("平潭"))
        .collect();
    assert!(names.len() >= 7, "the shared fixtures: {names:?}");
    names
}

fn check(text: &str) -> Report {
    nianbao::check_text(text, &Options::default())
}

fn int(table: &Table, row: &str, col: &str) -> Option<i64> {
    match table.cell(row, col)?.value? {
        Number::Int(i) => Some(i),
        Number::Dec(_) => None,
    }
}

/// Byte-range replacements, applied from the end so that earlier ranges stay valid.
#[derive(Default)]
struct Edits(Vec<(usize, usize, String)>);

impl Edits {
    /// Writes `value` over a cell printed as a number.
    fn cell(&mut self, table: &Table, row: &str, col: &str, value: i64) {
        let cell = table.cell(row, col).expect("a cell of the template");
        assert_eq!(cell.source, CellSource::Number, "{row}/{col} printed apart");
        self.0.push((cell.start, cell.end, value.to_string()));
    }

    fn apply(mut self, text: &str) -> String {
        self.0
            .sort_by_key(|&(start, _, _)| std::cmp::Reverse(start));
        let mut text = text.to_string();
        for (start, end, with) in self.0 {
            text.replace_range(start..end, &with);
        }
        text
    }
}

/// Every year 2010–2035 written before 年 moved by `by` (the title, 统计期限, the opening
/// sentence, the date line, 上一年项目数量（指2019年事项数）).
fn shift_years(text: &str, by: i32) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(|c: char| c.is_ascii_digit()) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let (number, after) = rest.split_at(digits);
        let is_year = digits == 4
            && after
                .trim_start_matches([' ', '\u{3000}'])
                .starts_with('年')
            && (2010..=2035).contains(&number.parse::<i32>().unwrap());
        if is_year {
            out.push_str(&(number.parse::<i32>().unwrap() + by).to_string());
        } else {
            out.push_str(number);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Last year's report for `current`, written by editing `base` (a report's normalised text).
fn previous_for(current: &Report, base: &str) -> String {
    let last = check(base);
    let mut edits = Edits::default();

    // 表三: 四 = this year's 二, and 一 so that last year's 一 + 二 = （七） + 四 still holds.
    let (now, then) = (
        current.tables.requests.as_ref().unwrap(),
        last.tables.requests.as_ref().unwrap(),
    );
    for col in REQ_COLS {
        let (Some(carried), Some(total), Some(before)) = (
            int(now, "carried_over", col),
            int(then, "total", col),
            int(then, "carried_over", col),
        ) else {
            continue;
        };
        let new = total + carried - before;
        assert!(new >= 0, "{col}: a valid 一 for last year");
        edits.cell(then, "carry_forward", col, carried);
        edits.cell(then, "new", col, new);
    }

    // 表二, 2021 template: last year's 现行有效 = this year's − 制发 + 废止.
    let (now, then) = (
        current.tables.active.as_ref().unwrap(),
        last.tables.active.as_ref().unwrap(),
    );
    for row in ["regulations", "normative_docs"] {
        if let (Some(in_force), Some(issued), Some(repealed), Some(_)) = (
            int(now, row, "in_force"),
            int(now, row, "issued"),
            int(now, row, "repealed"),
            int(then, row, "in_force"),
        ) {
            edits.cell(then, row, "in_force", in_force - issued + repealed);
        }
    }
    // 2019 template: last year's 上一年项目数量 + its 本年增/减 = this year's 上一年项目数量.
    for row in ["licensing", "other_services", "penalty", "coercion", "fees"] {
        if let (Some(items), Some(change), Some(_)) = (
            int(now, row, "prev_items"),
            int(then, row, "change"),
            int(then, row, "prev_items"),
        ) {
            edits.cell(then, row, "prev_items", items - change);
        }
    }

    // Sections 一 and 五 say something else: from the end of the heading to the next one.
    for (number, body) in [(1, LAST_YEAR_ONE), (5, LAST_YEAR_FIVE)] {
        let heading = |n: u8| last.sections.iter().find(|s| s.number == n).unwrap();
        edits
            .0
            .push((heading(number).end, heading(number + 1).start, body.into()));
    }

    let mut text = shift_years(
        &edits.apply(base),
        current.report_year.unwrap() - 1 - last.report_year.unwrap(),
    );
    if let (Some(now), Some(then)) = (&current.agency, &last.agency) {
        text = text.replace(then.as_str(), now);
    }
    text
}

fn crossyear(findings: &[Finding]) -> Vec<&Finding> {
    findings
        .iter()
        .filter(|f| f.rule.id().starts_with("crossyear."))
        .collect()
}

fn rules(findings: &[&Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.rule.id()).collect()
}

#[test]
fn a_matching_pair_gives_no_crossyear_finding_and_leaves_the_fixtures_own_findings() {
    for name in fixtures() {
        let text = fixture(&name);
        let alone = check(&text);
        let previous = previous_for(&alone, &text);

        // Last year's report reads as intended.
        let last = check(&previous);
        assert_eq!(last.report_year, alone.report_year.map(|y| y - 1), "{name}");
        assert_eq!(last.agency, alone.agency, "{name}");
        assert_eq!(last.template, alone.template, "{name}");
        let (now, then) = (
            alone.tables.requests.as_ref().unwrap(),
            last.tables.requests.as_ref().unwrap(),
        );
        for col in ["natural", "total"] {
            assert_eq!(
                now.value("carried_over", col),
                then.value("carry_forward", col),
                "{name} {col}"
            );
        }

        let paired = common::check_pair(&text, &previous, &Options::default());
        assert_eq!(rules(&crossyear(&paired.findings)), [""; 0], "{name}");
        // The fixture's own findings are unchanged, spans and all.
        assert_eq!(paired.findings, alone.findings, "{name}");
    }
}

#[test]
fn a_broken_column_of_last_years_carry_forward_is_named() {
    let mut broken = 0;
    for name in fixtures() {
        let text = fixture(&name);
        let current = check(&text);
        let previous = previous_for(&current, &text);
        let last = check(&previous);
        let then = last.tables.requests.as_ref().unwrap();
        for (col, label) in [
            ("natural", "自然人"),
            ("commercial", "商业企业"),
            ("research", "科研机构"),
            ("social", "社会公益组织"),
            ("legal", "法律服务机构"),
            ("other", "其他"),
            ("total", "总计"),
        ] {
            let Some(value) = int(then, "carry_forward", col) else {
                continue;
            };
            let mut edits = Edits::default();
            edits.cell(then, "carry_forward", col, value + 1);
            let paired = common::check_pair(&text, &edits.apply(&previous), &Options::default());
            let found = crossyear(&paired.findings);
            assert_eq!(rules(&found), ["crossyear.carry_over"], "{name} {col}");
            let finding = found[0];
            assert_eq!(finding.severity, Severity::Warning);
            assert_eq!(finding.cells.len(), 1);
            assert_eq!(
                (
                    finding.cells[0].table,
                    finding.cells[0].row,
                    finding.cells[0].col
                ),
                ("requests", "carried_over", col)
            );
            assert!(
                finding.message.starts_with(&format!(
                    "{label}列：二、上年结转={value}，上年年报的四、结转下年度继续办理={}",
                    value + 1
                )),
                "{name}: {}",
                finding.message
            );
            // It points at this year's cell, in UTF-16 units of this year's text.
            let cell = current.tables.requests.as_ref().unwrap();
            let cell = cell.cell("carried_over", col).unwrap();
            assert_eq!(finding.line, Some(cell.line));
            let (start, end) = finding.span.unwrap();
            let units: Vec<u16> = text.encode_utf16().collect();
            assert_eq!(
                String::from_utf16(&units[start..end]).unwrap(),
                text[cell.start..cell.end]
            );
            broken += 1;
        }
    }
    assert!(broken >= 40, "only {broken} columns broken");
}

#[test]
fn last_years_in_force_and_project_counts_are_carried() {
    let mut checked = 0;
    for name in fixtures() {
        let text = fixture(&name);
        let current = check(&text);
        let previous = previous_for(&current, &text);
        let last = check(&previous);
        let then = last.tables.active.as_ref().unwrap();
        let (row, col, rule) = match current.template.unwrap().id() {
            "2021" => ("normative_docs", "in_force", "crossyear.active_in_force"),
            _ => ("licensing", "prev_items", "crossyear.active_projects"),
        };
        let value = int(then, row, col).unwrap();
        let mut edits = Edits::default();
        edits.cell(then, row, col, value + 3);
        let paired = common::check_pair(&text, &edits.apply(&previous), &Options::default());
        let found = crossyear(&paired.findings);
        assert_eq!(rules(&found), [rule], "{name}");
        assert_eq!(found[0].cells[0].row, row, "{name}");
        assert!(found[0].message.contains("相差3"), "{}", found[0].message);
        checked += 1;
    }
    assert_eq!(checked, fixtures().len());
}

#[test]
fn last_years_text_copied_is_same_text() {
    for name in ["淮安市人民政府_2024", "000_74598ba982fdb439"] {
        let text = fixture(name);
        let current = check(&text);
        // Last year's report with this year's sections 一 and 五 (years moved back).
        let previous = shift_years(&text, -1);
        let paired = common::check_pair(&text, &previous, &Options::default());
        let found = crossyear(&paired.findings);
        let same: Vec<_> = found
            .iter()
            .filter(|f| f.rule.id() == "crossyear.same_text")
            .collect();
        assert_eq!(same.len(), 2, "{name}: {found:?}");
        assert!(same[0]
            .message
            .starts_with("第一部分「总体情况」与上年年报的同一部分"));
        assert!(same[1].message.starts_with("第五部分"));
        let heading = |n| {
            current
                .sections
                .iter()
                .find(|s| s.number == n)
                .unwrap()
                .line
        };
        assert_eq!(same[0].line, Some(heading(1)));
        assert_eq!(same[1].line, Some(heading(5)));
    }
}

#[test]
fn a_fivefold_jump_in_new_requests_is_noted() {
    let text = fixture("淮安市人民政府_2024");
    let current = check(&text);
    let previous = previous_for(&current, &text);
    let last = check(&previous);
    let now = int(current.tables.requests.as_ref().unwrap(), "new", "total").unwrap();
    let mut edits = Edits::default();
    edits.cell(
        last.tables.requests.as_ref().unwrap(),
        "new",
        "total",
        now / 6,
    );
    let paired = common::check_pair(&text, &edits.apply(&previous), &Options::default());
    let found = crossyear(&paired.findings);
    assert_eq!(rules(&found), ["crossyear.jump"]);
    assert_eq!(found[0].severity, Severity::Info);
    assert_eq!(
        found[0].message,
        format!(
            "表三「一、本年新收」总计：本年{now}件，上年{}件，是上年的6.0倍：变化超过5倍，请核对是否填错（上年不足5件的不比较）",
            now / 6
        )
    );
    assert_eq!(found[0].cells[0].row, "new");
    assert_eq!(found[0].cells[0].col, "total");
}

#[test]
fn a_2020_report_on_the_2019_template_before_a_2021_report() {
    // This year: 淮安's 2024 report as if for 2021; last year: 云阳's 2020 report (2019
    // template), made to match and renamed.
    let text = shift_years(&fixture("淮安市人民政府_2024"), -3);
    let current = check(&text);
    assert_eq!(current.report_year, Some(2021));
    let previous = previous_for(&current, &fixture("000_74598ba982fdb439"));
    let last = check(&previous);
    assert_eq!(last.template.map(|t| t.id()), Some("2019"));
    assert_eq!(last.report_year, Some(2020));
    assert_eq!(last.agency, current.agency);

    // 云阳 gets far fewer requests than 淮安: jumps of 表三's totals are real, and noted.
    let not_jumps = |findings: &[Finding]| -> Vec<&'static str> {
        crossyear(findings)
            .into_iter()
            .filter(|f| f.rule.id() != "crossyear.jump")
            .map(|f| f.rule.id())
            .collect()
    };
    let paired = common::check_pair(&text, &previous, &Options::default());
    let found = crossyear(&paired.findings);
    assert_eq!(not_jumps(&paired.findings), ["crossyear.template_changed"]);
    assert!(found.iter().any(|f| f.rule.id() == "crossyear.jump"
        && f.message
            .starts_with("表三「一、本年新收」总计：本年3119件")));
    assert_eq!(found[0].severity, Severity::Info);
    assert!(found[0].message.contains("2021年度起启用新模板"));

    let then = last.tables.requests.as_ref().unwrap();
    let mut edits = Edits::default();
    edits.cell(then, "carry_forward", "natural", 35);
    let paired = common::check_pair(&text, &edits.apply(&previous), &Options::default());
    assert_eq!(
        not_jumps(&paired.findings),
        ["crossyear.template_changed", "crossyear.carry_over"]
    );
    let found = crossyear(&paired.findings);
    assert!(found[1]
        .message
        .starts_with("自然人列：二、上年结转=34，上年年报的四、结转下年度继续办理=35"));
}

#[test]
fn another_year_or_agency_is_said() {
    let text = fixture("淮安市人民政府_2024");
    let current = check(&text);
    let previous = previous_for(&current, &text);

    // Two years back: the identities are not checked (this one would be broken).
    let last = check(&previous);
    let mut edits = Edits::default();
    edits.cell(
        last.tables.requests.as_ref().unwrap(),
        "carry_forward",
        "natural",
        1,
    );
    let older = shift_years(&edits.apply(&previous), -1);
    let paired = common::check_pair(&text, &older, &Options::default());
    let found = crossyear(&paired.findings);
    assert_eq!(rules(&found), ["crossyear.not_consecutive"]);
    assert!(
        found[0].message.contains("2022年度"),
        "{}",
        found[0].message
    );

    // Another agency: said, and the checks still run.
    let other = previous.replace("淮安市人民政府", "宿迁市人民政府");
    let paired = common::check_pair(&text, &other, &Options::default());
    let found = crossyear(&paired.findings);
    assert_eq!(rules(&found), ["crossyear.other_agency"]);
    assert!(found[0].message.contains("宿迁市人民政府"));

    // Not a report: said once, nothing else compared.
    let paired = common::check_pair(&text, "这不是年报", &Options::default());
    let found = crossyear(&paired.findings);
    assert_eq!(
        rules(&found),
        ["crossyear.not_consecutive", "crossyear.not_compared"]
    );
    // An empty previous report is no previous report.
    let paired = common::check_pair(&text, " \n", &Options::default());
    assert_eq!(paired.findings, current.findings);
}

#[test]
fn the_command_line_takes_last_years_report_with_previous() {
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_nianbao"))
            .args(args)
            .output()
            .expect("nianbao runs")
    };
    let this_year = format!("{FIXTURES}/000_74598ba982fdb439.txt");
    let text = fixture("000_74598ba982fdb439");
    let previous = previous_for(&check(&text), &text);
    let mut edits = Edits::default();
    let last = check(&previous);
    edits.cell(
        last.tables.requests.as_ref().unwrap(),
        "carry_forward",
        "total",
        7,
    );
    let dir = std::env::temp_dir().join(format!("nianbao-crossyear-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let last_year = dir.join("2019.txt");
    std::fs::write(&last_year, edits.apply(&previous)).unwrap();

    let alone = run(&["check", "--format", "json", &this_year]);
    let paired = run(&[
        "check",
        "--format",
        "json",
        "--previous",
        last_year.to_str().unwrap(),
        &this_year,
    ]);
    // Warnings only: the exit code stays 0, and the JSON has the same shape.
    assert_eq!(paired.status.code(), Some(0));
    let json = |out: &std::process::Output| -> serde_json::Value {
        serde_json::from_slice(&out.stdout).expect("one JSON line")
    };
    let (alone, paired_json) = (json(&alone), json(&paired));
    let keys = |v: &serde_json::Value| v.as_object().unwrap().keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(&alone), keys(&paired_json));
    let findings = paired_json["findings"].as_array().unwrap();
    let crossyear: Vec<_> = findings
        .iter()
        .filter(|f| f["rule"].as_str().unwrap().starts_with("crossyear."))
        .collect();
    assert_eq!(crossyear.len(), 1, "{crossyear:?}");
    assert_eq!(crossyear[0]["rule"], "crossyear.carry_over");
    assert_eq!(crossyear[0]["severity"], "warning");
    assert_eq!(
        crossyear[0]["cells"],
        serde_json::json!([{"table": "requests", "row": "carried_over", "col": "total"}])
    );
    assert_eq!(
        paired_json["summary"]["warnings"],
        alone["summary"]["warnings"].as_u64().unwrap() + 1
    );

    // The text output lists it too.
    let text_out = run(&[
        "check",
        "--previous",
        last_year.to_str().unwrap(),
        &this_year,
    ]);
    let shown = String::from_utf8(text_out.stdout).unwrap();
    assert!(shown.contains("[警告] crossyear.carry_over"), "{shown}");

    // A previous report that cannot be read: exit 2, said on stderr, nothing checked.
    let missing = dir.join("missing.txt");
    let out = run(&["check", "--previous", missing.to_str().unwrap(), &this_year]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("--previous ") && stderr.contains("无法读取文件"),
        "{stderr}"
    );
    let out = run(&["check", &this_year, "--previous"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("--previous 需要一个值"));
}

#[test]
fn huge_or_garbage_last_year_reports_neither_hang_nor_panic() {
    // Section 一 repeated to about 3 MB: compared by character pairs (timed by the
    // worst_cases bench, not here); this year's own findings stay as they are.
    let (text, huge) = worst_cases::huge_last_year();
    let current = check(&text);
    let paired = common::check_pair(&text, &huge, &Options::default());
    assert!(paired.findings.iter().all(|f| !f.message.is_empty()));
    let ours = paired
        .findings
        .iter()
        .filter(|f| !f.rule.id().starts_with("crossyear."))
        .count();
    assert_eq!(ours, current.findings.len(), "with the huge last year");
    // Garbage: control characters, lone digits, half a table.
    let half = &text[..text.len() / 2];
    for garbage in [
        "\u{0}\u{1}\u{7f}",
        "1 2 3 4 5 6 7",
        half,
        "四、结转下年度继续办理",
    ] {
        let paired = common::check_pair(&text, garbage, &Options::default());
        let ours: Vec<_> = paired
            .findings
            .iter()
            .filter(|f| !f.rule.id().starts_with("crossyear."))
            .collect();
        assert_eq!(ours.len(), current.findings.len(), "{garbage:?}");
    }
}
