//! `docs/rules/` holds one page per rule id, generated from the registry
//! (`src/core/model/rule.rs`), and an index. A page that is stale, missing or left over from a
//! rule that no longer exists fails the test; `UPDATE_GOLDEN=1 cargo test --test rule_docs`
//! rewrites them.

use std::path::{Path, PathBuf};

use nianbao::model::Rule;
use nianbao::output::rule_doc;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules")
}

/// A rule's page: its doc from the registry, and a link to its small case in
/// `tests/golden/rules` (a report that triggers it, with what the CLI prints for it).
fn page(rule: Rule) -> String {
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/rules");
    let mut page = rule_doc::markdown(rule);
    let case = ["txt", "html"]
        .iter()
        .map(|ext| format!("{}.{ext}", rule.id()))
        .find(|name| cases.join(name).exists());
    if let Some(case) = case {
        let previous = format!("{}.previous.txt", rule.id());
        let with_previous = if cases.join(&previous).exists() {
            format!("，上年年报 [`{previous}`](../../tests/golden/rules/{previous})")
        } else {
            String::new()
        };
        page.push_str(&format!(
            "\n可以运行的小例子：[`{case}`](../../tests/golden/rules/{case}){with_previous}；\
             命令行的输出见同一目录下的 `{case}.text` 和 `{case}.json`。\n"
        ));
    }
    page.push_str(
        "\n<!-- 由 src/core/model/rule.rs 生成：改动请改那里，再运行 UPDATE_GOLDEN=1 cargo test --test rule_docs -->\n",
    );
    page
}

#[test]
fn every_rule_has_its_current_page() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let dir = dir();
    std::fs::create_dir_all(&dir).unwrap();
    let mut pages: Vec<(String, String)> = Rule::ALL
        .iter()
        .map(|rule| (format!("{}.md", rule.id()), page(*rule)))
        .collect();
    pages.push(("README.md".to_string(), rule_doc::index()));
    let mut stale = Vec::new();
    for (name, page) in &pages {
        let path = dir.join(name);
        if update {
            std::fs::write(&path, page).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(page.as_str()) {
            stale.push(name.clone());
        }
    }
    for entry in std::fs::read_dir(&dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !pages.iter().any(|(page, _)| *page == name) {
            if update {
                std::fs::remove_file(dir.join(&name)).unwrap();
            } else {
                stale.push(format!("{name} (no such rule)"));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "docs/rules is not current (UPDATE_GOLDEN=1 cargo test --test rule_docs rewrites it): {stale:?}"
    );
}

#[test]
fn the_index_links_every_page_and_the_pages_name_their_rule() {
    let index = rule_doc::index();
    for rule in Rule::ALL {
        assert!(index.contains(&format!("]({}.md)", rule.id())), "{rule}");
        let page = rule_doc::markdown(*rule);
        assert!(page.starts_with(&format!("# `{}`", rule.id())));
        assert!(page.contains(rule.doc().fix));
    }
}

#[test]
fn the_contract_lists_every_rule() {
    let contract =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/contract.md"))
            .unwrap();
    for rule in Rule::ALL {
        assert!(
            contract.contains(&format!(
                "| `{}` | {} |",
                rule.id(),
                rule.severity().as_str()
            )),
            "docs/contract.md does not list {} as {}",
            rule.id(),
            rule.severity().as_str()
        );
    }
}

/// The web app's rule help (`www/rule-help.txt`, put into its pages by the build) is the
/// registry's: one line per rule, with its id, title and four parts.
#[test]
fn the_web_apps_rule_help_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/rule-help.txt");
    let help = rule_doc::help_lines();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &help).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(&path).ok().as_deref(),
        Some(help.as_str()),
        "www/rule-help.txt is not current (UPDATE_GOLDEN=1 cargo test --test rule_docs rewrites it)"
    );
    let lines: Vec<&str> = help.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(lines.len(), Rule::ALL.len());
    for (line, rule) in lines.iter().zip(Rule::ALL) {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            fields,
            [
                rule.id(),
                rule.title(),
                rule.doc().what,
                rule.doc().why,
                rule.doc().example,
                rule.doc().fix
            ]
        );
    }
    // The page holds it in a script element: it must not end that element.
    assert!(!help.to_lowercase().contains("</script") && !help.contains("<!--"));
}
