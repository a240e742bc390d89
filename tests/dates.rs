//! Issue 4 on real reports: `date.deadline` (agency kind from the name or from `--kind`),
//! `structure.period` across title, 统计期限 and opening lines, and the content of sections 五
//! and 六. Each case is a shared fixture with one thing changed.

use std::path::{Path, PathBuf};
use std::process::Command;

use nianbao::{AgencyKind, Options};

fn fixture_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/fixtures")
        .join(name)
}

fn fixture(prefix: &str) -> String {
    let dir = fixture_path("");
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("../shared/fixtures beside the repo")
        .map(|e| e.expect("readable dir entry").path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.starts_with(prefix) && name.ends_with(".txt")
        })
        .collect();
    entries.sort();
    let path = entries
        .first()
        .unwrap_or_else(|| panic!("no fixture {prefix}*"));
    nianbao::input::decode(&std::fs::read(path).unwrap()).expect("fixture decodes")
}

/// `text` with `from` replaced by `to`, exactly once.
fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "{from:?} should occur once");
    text.replacen(from, to, 1)
}

fn findings(text: &str, options: &Options, rule: &str) -> Vec<nianbao::Finding> {
    nianbao::check_text(text, options)
        .findings
        .into_iter()
        .filter(|f| f.rule.id() == rule)
        .collect()
}

/// 000 (云阳县人民政府, 2020 report) signed by `agency` on `date`.
fn signed(agency: &str, date: &str) -> String {
    let text = fixture("000_");
    let text = replace_once(&text, "\n云阳县人民政府\n", &format!("\n{agency}\n"));
    replace_once(&text, "2021年2月19日", date)
}

// ------------------------------------------------------------------------- date.deadline

#[test]
fn a_county_government_may_publish_in_february_a_department_may_not() {
    let options = Options::default();
    let government = signed("某某县人民政府", "2021年2月19日");
    assert_eq!(findings(&government, &options, "date.deadline"), []);

    let department = signed("某某县财政局", "2021年2月19日");
    let report = nianbao::check_text(&department, &options);
    assert_eq!(report.agency.as_deref(), Some("某某县财政局"));
    let late: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule.id() == "date.deadline")
        .collect();
    assert_eq!(late.len(), 1, "{:?}", report.findings);
    assert_eq!(late[0].severity, nianbao::Severity::Warning);
    assert_eq!(
        late[0].message,
        "发布日期2021年2月19日晚于部门年报的公布期限2021年1月31日（按机关名称“某某县财政局”推定为部门；如为本级人民政府年报，期限为3月31日）"
    );
    // On the date line.
    let line = late[0].line.unwrap();
    assert_eq!(department.lines().nth(line - 1), Some("2021年2月19日"));
}

#[test]
fn the_fixture_itself_is_on_time() {
    let text = fixture("000_");
    assert_eq!(findings(&text, &Options::default(), "date.deadline"), []);
}

#[test]
fn kind_option_overrides_the_name() {
    let department = Options {
        kind: Some(AgencyKind::Department),
        ..Options::default()
    };
    let government = Options {
        kind: Some(AgencyKind::Government),
        ..Options::default()
    };
    let text = signed("某某县人民政府", "2021年2月19日");
    let late = findings(&text, &department, "date.deadline");
    assert_eq!(late.len(), 1);
    assert!(late[0].message.contains("按 --kind 指定为部门"), "{late:?}");

    let text = signed("某某县财政局", "2021年2月19日");
    assert_eq!(findings(&text, &government, "date.deadline"), []);
    let text = signed("某某县财政局", "2021年4月1日");
    let late = findings(&text, &government, "date.deadline");
    assert_eq!(
        late[0].message,
        "发布日期2021年4月1日晚于本级人民政府年报的公布期限2021年3月31日（按 --kind 指定为本级人民政府）"
    );
}

#[test]
fn kind_option_through_the_command_line() {
    let text = signed("某某县人民政府", "2021年2月19日");
    let dir = std::env::temp_dir().join(format!("nianbao-dates-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("report.txt");
    std::fs::write(&file, text).unwrap();
    let rules = |kind: Option<&str>| -> Vec<String> {
        let mut args = vec!["check", "--format", "json"];
        if let Some(kind) = kind {
            args.extend(["--kind", kind]);
        }
        args.push(file.to_str().unwrap());
        let out = Command::new(env!("CARGO_BIN_EXE_nianbao"))
            .args(&args)
            .output()
            .expect("nianbao runs");
        let json: serde_json::Value =
            serde_json::from_slice(out.stdout.split(|&b| b == b'\n').next().unwrap()).unwrap();
        json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f["rule"].as_str().map(str::to_string))
            .collect()
    };
    assert!(!rules(None).contains(&"date.deadline".to_string()));
    assert!(!rules(Some("government")).contains(&"date.deadline".to_string()));
    assert!(rules(Some("department")).contains(&"date.deadline".to_string()));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_name_that_does_not_tell_is_only_late_after_march() {
    let options = Options::default();
    for agency in ["平潭综合实验区", "某某经济开发区管委会"] {
        let text = signed(agency, "2021年2月19日");
        assert_eq!(findings(&text, &options, "date.deadline"), [], "{agency}");
        let text = signed(agency, "2021年4月8日");
        let late = findings(&text, &options, "date.deadline");
        assert_eq!(late.len(), 1, "{agency}");
        assert!(
            late[0]
                .message
                .contains(&format!("未能由机关名称“{agency}”判断机关类型")),
            "{late:?}"
        );
    }
}

#[test]
fn offices_townships_and_districts_by_name() {
    let options = Options::default();
    for agency in [
        "某某县人民政府办公室",
        "某某镇人民政府",
        "某某街道办事处",
        "某某市教育局",
    ] {
        let text = signed(agency, "2021年2月1日");
        assert_eq!(
            findings(&text, &options, "date.deadline").len(),
            1,
            "{agency}"
        );
    }
    for agency in ["重庆市大渡口区人民政府", "淮安市人民政府", "某某旗人民政府"]
    {
        let text = signed(agency, "2021年3月31日");
        assert_eq!(findings(&text, &options, "date.deadline"), [], "{agency}");
    }
}

// ------------------------------------------------------------------------- structure.period

#[test]
fn title_and_statistics_period_disagree() {
    let text = fixture("000_");
    let text = replace_once(
        &text,
        "统计期限自 2020 年 1 月 1 日起至 2020 年 12 月 31 日止",
        "统计期限自 2019 年 1 月 1 日起至 2019 年 12 月 31 日止",
    );
    let found = findings(&text, &Options::default(), "structure.period");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].message,
        "统计期限为2019年1月1日至2019年12月31日，2020年度报告应为2020年1月1日至2020年12月31日"
    );
    assert_eq!(found[0].line, Some(7));
}

#[test]
fn statistics_period_in_other_words() {
    let base = fixture("000_");
    let stated = "本年度报告中所列数据的统计期限自 2020 年 1 月 1 日起至 2020 年 12 月 31 日止。";
    for (words, fires) in [
        ("本报告所列数据的统计期限为2020年1月1日至12月31日。", false),
        ("本报告所列数据统计时间为2020年1月至12月。", false),
        ("本报告所列数据统计期限为2020年度。", false),
        ("本报告所列数据的统计期限为2019年1月1日至12月31日。", true),
        ("本报告所列数据统计时段为2019年度。", true),
        ("本报告所列数据的统计期限为2020年1月1日至6月30日。", true),
    ] {
        let text = replace_once(&base, stated, words);
        let found = findings(&text, &Options::default(), "structure.period");
        assert_eq!(found.len(), usize::from(fires), "{words}: {found:?}");
    }
}

#[test]
fn opening_lines_that_name_another_year() {
    let text = fixture("004_");
    let text = replace_once(
        &text,
        "现公布云浮市人民政府办公室 2020 年政府信息公开工作年度报告",
        "现公布云浮市人民政府办公室 2019 年政府信息公开工作年度报告",
    );
    let found = findings(&text, &Options::default(), "structure.period");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].message,
        "报告开头“公布云浮市人民政府办公室 2019 年政府信息公开工作年度报告”中的年度为2019年，与标题中的2020年不一致"
    );
    assert_eq!(found[0].line, Some(5));
}

#[test]
fn years_in_prose_and_in_notice_names_do_not_count() {
    // 003 says what it will do in 2021; 平潭 cites the province's notice on 2021 reports.
    for prefix in ["003_", "平潭", "沭阳"] {
        let text = fixture(prefix);
        assert_eq!(
            findings(&text, &Options::default(), "structure.period"),
            [],
            "{prefix}"
        );
    }
    let text = fixture("000_");
    let text = replace_once(
        &text,
        "2020 年，云阳县人民政府坚持",
        "与2019年相比，2021年将继续公布2019年度政府信息公开工作年度报告中的整改情况。2020 年，云阳县人民政府坚持",
    );
    assert_eq!(findings(&text, &Options::default(), "structure.period"), []);
}

#[test]
fn year_option_against_the_title() {
    let options = Options {
        year: Some(2021),
        ..Options::default()
    };
    let found = findings(&fixture("000_"), &options, "structure.period");
    let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
    assert!(
        messages.contains(&"标题中的年度为2020年，与指定的报告年度2021年不一致"),
        "{messages:?}"
    );
}

// ------------------------------------------------------------------------- sections

#[test]
fn section_five_that_says_only_none() {
    let text = fixture("沭阳");
    let start = text.find("五、存在的主要问题及整改措施").unwrap();
    let end = text.find("六、其他需要报告的事项").unwrap();
    let empty = format!(
        "{}五、存在的主要问题及整改措施\n无。\n{}",
        &text[..start],
        &text[end..]
    );
    let found = findings(&empty, &Options::default(), "section.problems_empty");
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].message,
        "第五部分「存在的主要问题及改进情况」只写了“无”：应写明政府信息公开工作存在的主要问题和改进情况"
    );
    let on_heading = format!(
        "{}五、存在的主要问题及整改措施：暂无\n{}",
        &text[..start],
        &text[end..]
    );
    assert_eq!(
        findings(&on_heading, &Options::default(), "section.problems_empty").len(),
        1
    );
    let stated = format!(
        "{}五、存在的主要问题及整改措施：网民留言回复效率有待提高。\n{}",
        &text[..start],
        &text[end..]
    );
    assert_eq!(
        findings(&stated, &Options::default(), "section.problems_empty"),
        []
    );
}

#[test]
fn section_six_without_fees_on_the_2021_template() {
    let text = fixture("沭阳");
    let silent = replace_once(
        &text,
        "2023年度，县发展和改革局政府信息公开未发生收费情况。",
        "无。",
    );
    let found = findings(&silent, &Options::default(), "section.fees_unstated");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].severity, nianbao::Severity::Info);
    // The signature and date after section 六 are not content and do not count as such.
    let signed_only = replace_once(
        &text,
        "2023年度，县发展和改革局政府信息公开未发生收费情况。\n",
        "",
    );
    assert_eq!(
        findings(&signed_only, &Options::default(), "section.fees_unstated").len(),
        1
    );
    // A 2019-template report is not asked about fees in section 六.
    assert_eq!(
        findings(
            &fixture("001_"),
            &Options::default(),
            "section.fees_unstated"
        ),
        []
    );
}

#[test]
fn sections_of_a_one_line_report() {
    let text = fixture("平潭");
    let start = text.find("五、存在的主要问题及改进情况（一）").unwrap();
    let end = text.find("六、其他需要报告的事项").unwrap();
    let text = format!(
        "{}五、存在的主要问题及改进情况暂无。{}",
        &text[..start],
        &text[end..]
    );
    let text = replace_once(
        &text,
        "六、其他需要报告的事项2021年，无收取信息处理费情况。",
        "六、其他需要报告的事项无。",
    );
    let options = Options::default();
    assert_eq!(findings(&text, &options, "section.problems_empty").len(), 1);
    assert_eq!(findings(&text, &options, "section.fees_unstated").len(), 1);
}
