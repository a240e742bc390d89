//! The command line around `check`: `rules`, `rule ID`, `completions`, the help and clap's
//! refusals, in Chinese and with exit code 2.

use std::process::{Command, Output};

use nianbao::model::Rule;

fn nianbao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .output()
        .expect("nianbao runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn has_han(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn rules_lists_every_rule_once_with_its_severity_family_and_title() {
    let out = nianbao(&["rules"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        Rule::ALL.len() + 1,
        "a heading and one line per rule"
    );
    assert!(lines[0].starts_with("规则"), "{}", lines[0]);
    for rule in Rule::ALL {
        let mine: Vec<&&str> = lines
            .iter()
            .filter(|line| line.split_whitespace().next() == Some(rule.id()))
            .collect();
        assert_eq!(mine.len(), 1, "{} in\n{text}", rule.id());
        let columns: Vec<&str> = mine[0].split_whitespace().collect();
        assert_eq!(columns[1], rule.severity().chinese(), "{}", mine[0]);
        assert_eq!(columns[2], rule.family().chinese(), "{}", mine[0]);
        assert!(mine[0].ends_with(rule.title()), "{}", mine[0]);
    }
}

#[test]
fn rules_as_json_is_an_array_of_every_rule_in_order() {
    let out = nianbao(&["rules", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let rules: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rules.len(), Rule::ALL.len());
    for (json, rule) in rules.iter().zip(Rule::ALL) {
        let doc = rule.doc();
        assert_eq!(json["id"], rule.id());
        assert_eq!(json["severity"], rule.severity().as_str());
        assert_eq!(json["family"], rule.family().chinese());
        assert_eq!(json["title"], rule.title());
        assert_eq!(json["what"], doc.what);
        assert_eq!(json["why"], doc.why);
        assert_eq!(json["example"], doc.example);
        assert_eq!(json["fix"], doc.fix);
    }
}

#[test]
fn rule_prints_the_doc_of_requests_balance() {
    let out = nianbao(&["rule", "requests.balance"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let rule = Rule::from_id("requests.balance").unwrap();
    let doc = rule.doc();
    assert!(text.starts_with("# `requests.balance` "), "{text}");
    for part in [
        rule.title(),
        "严重程度：错误（error）",
        "类别：表三",
        "检查什么",
        "为什么",
        "出错的例子",
        "怎么改",
        doc.what,
        doc.why,
        doc.example,
        doc.fix,
    ] {
        assert!(text.contains(part), "{part} missing from\n{text}");
    }
    // The sections come in this order.
    let at = |s: &str| text.find(s).unwrap();
    assert!(
        at("检查什么") < at("为什么")
            && at("为什么") < at("出错的例子")
            && at("出错的例子") < at("怎么改")
    );
}

#[test]
fn every_rule_has_its_doc() {
    for rule in Rule::ALL {
        let out = nianbao(&["rule", rule.id()]);
        assert_eq!(out.status.code(), Some(0), "{rule}");
        assert!(stdout(&out).contains(rule.doc().fix), "{rule}");
    }
}

#[test]
fn an_unknown_rule_exits_2_and_names_the_close_ids() {
    let out = nianbao(&["rule", "requests.balanse"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let message = stderr(&out);
    assert!(message.contains("requests.balanse"), "{message}");
    assert!(message.contains("requests.balance"), "{message}");
    assert!(message.contains("nianbao rules"), "{message}");

    let out = nianbao(&["rule", "balance"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("requests.balance"));

    let out = nianbao(&["rule", "nothing.like_it"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(has_han(&stderr(&out)));

    let out = nianbao(&["rule"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("缺少参数 ID"), "{}", stderr(&out));
}

#[test]
fn completions_for_each_shell_know_the_commands() {
    let out = nianbao(&["completions", "bash"]);
    assert_eq!(out.status.code(), Some(0));
    let script = stdout(&out);
    for word in [
        "check",
        "rules",
        "rule",
        "completions",
        "--format",
        "--summary",
    ] {
        assert!(script.contains(word), "bash completion lacks {word}");
    }
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let out = nianbao(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = stdout(&out);
        assert!(script.contains("check"), "{shell}");
        // The help of the flags, in Chinese, is in the shells that show it.
        if shell != "bash" {
            assert!(script.contains("显示帮助"), "{shell}");
        }
    }
    // zsh offers the rule ids after `rule`.
    let zsh = stdout(&nianbao(&["completions", "zsh"]));
    assert!(zsh.contains("requests.balance"));
}

#[test]
fn bad_values_exit_2_with_a_chinese_message() {
    let file = "no-need-to-exist.txt";
    for (args, says) in [
        (
            vec!["check", "--format", "xml", file],
            "--format 只能是 text 或 json，收到「xml」",
        ),
        (
            vec!["check", "--year", "twenty", file],
            "--year 应为四位年份，收到「twenty」",
        ),
        (
            vec!["check", "--year=1999", file],
            "--year 应为四位年份，收到「1999」",
        ),
        (
            vec!["check", "--kind", "city", file],
            "--kind 只能是 department 或 government，收到「city」",
        ),
        (
            vec!["check", "--summary", "xlsx", file],
            "--summary 只能是 csv，收到「xlsx」",
        ),
        (
            vec!["rules", "--format", "csv"],
            "--format 只能是 text 或 json，收到「csv」",
        ),
        (vec!["check", "--colour", file], "未知选项「--colour」"),
        (vec!["check", file, "--year"], "--year 需要一个值"),
        (
            vec!["check", "--kind", "government"],
            "没有指定要检查的文件",
        ),
        (vec!["verify", file], "未知命令「verify」"),
        (vec!["help", "verify"], "未知命令「verify」"),
        (
            vec!["check", "--summary", "csv", "--format", "json", file],
            "--summary 与 --format 不能同用",
        ),
    ] {
        let out = nianbao(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let message = stderr(&out);
        let first = message.lines().next().unwrap_or_default();
        assert!(first.starts_with(says), "{args:?}: {message}");
        assert!(!message.contains("error:"), "clap's English: {message}");
    }
    let out = nianbao(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(has_han(&stderr(&out)), "{}", stderr(&out));
}

const CHECK_FLAGS: [&str; 6] = [
    "--format",
    "--summary",
    "--year",
    "--kind",
    "--previous",
    "--help",
];

#[test]
fn help_exits_0_and_names_every_command_and_flag() {
    for args in [&["--help"][..], &["-h"], &["help"]] {
        let out = nianbao(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let help = stdout(&out);
        for word in CHECK_FLAGS.iter().chain(&[
            "--version",
            "check",
            "rules",
            "rule",
            "completions",
            "退出码",
        ]) {
            assert!(help.contains(word), "{args:?} lacks {word}:\n{help}");
        }
    }
    // `nianbao` alone prints the same help, on stderr, with 2.
    let out = nianbao(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert_eq!(stderr(&out), stdout(&nianbao(&["--help"])));

    let out = nianbao(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        format!("nianbao {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn check_help_says_all_it_always_said() {
    let help = stdout(&nianbao(&["check", "--help"]));
    for said in CHECK_FLAGS.iter().chain(&[
        "-h",
        // the usage line, as it always read
        "用法：nianbao check [--format text|json | --summary csv] [--year YYYY] \
         [--kind department|government] [--previous 上年年报] FILE...",
        // standard input, folders and the file kinds
        "FILE 为 - 时读取标准输入",
        ".txt、.html、.htm、.docx",
        "GB18030/GBK",
        "UTF-16",
        "PDF 与旧版 .doc",
        // each flag's values
        "text",
        "json",
        "JSON Lines",
        "文件,机关,年度,模板,错误,警告,提示,说明",
        "department",
        "government",
        "YYYY",
        "跨年核对",
        "--",
        "退出码：0 无错误；1 至少一个错误；2 文件无法读取或参数有误",
    ]) {
        assert!(help.contains(said), "check --help lacks {said}:\n{help}");
    }
    for same in [
        &["check", "-h"][..],
        &["help", "check"],
        &["check", "x.txt", "--help"],
    ] {
        let out = nianbao(same);
        assert_eq!(out.status.code(), Some(0), "{same:?}");
        assert_eq!(stdout(&out), help, "{same:?}");
    }
    for command in ["rules", "rule", "completions"] {
        let out = nianbao(&[command, "--help"]);
        assert_eq!(out.status.code(), Some(0), "{command}");
        let help = stdout(&out);
        assert!(
            help.starts_with(&format!("用法：nianbao {command}")),
            "{help}"
        );
        assert!(
            !help.contains("Usage") && !help.contains("Options"),
            "{help}"
        );
    }
}
