//! A rule's documentation as Markdown, from the registry ([`Rule::doc`]): the pages of
//! `docs/rules/` (kept current by `tests/rule_docs.rs`), what `nianbao rule ID` prints, and the
//! web app's rule help (`www/rule-help.txt`).

use std::fmt::Write as _;

use crate::model::{Rule, Severity};

/// `错误（error）`.
fn severity(severity: Severity) -> String {
    format!("{}（{}）", severity.chinese(), severity.as_str())
}

/// The page of one rule: its title, id, severity and family, then what it checks, why, an
/// example that fails and how to fix it.
pub fn markdown(rule: Rule) -> String {
    let doc = rule.doc();
    let mut page = String::new();
    let _ = writeln!(page, "# `{}` {}\n", rule.id(), rule.title());
    let _ = writeln!(
        page,
        "- 严重程度：{}\n- 类别：{}（`{}.*`）",
        severity(rule.severity()),
        rule.family().chinese(),
        rule.family().prefix()
    );
    for (heading, text) in [
        ("检查什么", doc.what),
        ("为什么", doc.why),
        ("出错的例子", doc.example),
        ("怎么改", doc.fix),
    ] {
        let _ = write!(page, "\n## {heading}\n\n{text}\n");
    }
    page
}

/// The index of `docs/rules/`: every rule by family, with its severity and title.
pub fn index() -> String {
    let mut page = String::from(
        "# 规则\n\n每条规则一页：查什么、为什么、出错的例子、怎么改。编号不会改变（见 \
         [../contract.md](../contract.md)）。命令行：`nianbao rules` 列出全部规则，\
         `nianbao rule 编号` 显示一条规则的说明。\n",
    );
    let mut family = None;
    for &rule in Rule::ALL {
        if family != Some(rule.family()) {
            family = Some(rule.family());
            let _ = write!(
                page,
                "\n## {}（`{}.*`）\n\n| 规则 | 严重程度 | 查什么 |\n|---|---|---|\n",
                rule.family().chinese(),
                rule.family().prefix()
            );
        }
        let _ = writeln!(
            page,
            "| [`{id}`]({id}.md) | {} | {} |",
            severity(rule.severity()),
            rule.title(),
            id = rule.id()
        );
    }
    page
}

/// Every rule's title and help, one rule a line: id, title, what it checks, why, an example,
/// how to fix it, separated by tabs (the registry's texts have no tab or line break);
/// `www/rule-help.txt`, kept current by `tests/rule_docs.rs`. The build puts it into the web
/// app's pages (`www/hooks/post_build.py`), and the page reads a rule's line by its id, so the
/// help is there offline and in the one-file copy without making the wasm bigger.
pub fn help_lines() -> String {
    let mut lines = String::from(
        "# 由 src/core/model/rule.rs 生成：改动请改那里，再运行 UPDATE_GOLDEN=1 cargo test --test rule_docs\n",
    );
    for &rule in Rule::ALL {
        let doc = rule.doc();
        let fields = [
            rule.id(),
            rule.title(),
            doc.what,
            doc.why,
            doc.example,
            doc.fix,
        ];
        lines.push_str(&fields.join("\t"));
        lines.push('\n');
    }
    lines
}
