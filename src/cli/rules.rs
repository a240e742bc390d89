//! `nianbao rules` (every rule in a table, or as JSON) and `nianbao rule ID` (one rule's doc),
//! both printed from the registry, `nianbao::model::Rule`.

use std::io::Write;
use std::process::ExitCode;

use nianbao::model::Rule;

use super::args::Format;

/// `nianbao rules`: one line per rule, in the registry's order.
pub fn list(format: Format) -> ExitCode {
    let text = match format {
        Format::Text => table(),
        Format::Json => json() + "\n",
    };
    print(&text)
}

/// `nianbao rule ID`: the rule's doc; an unknown id names the ids it may have meant (exit 2).
pub fn show(id: &str) -> ExitCode {
    match Rule::from_id(id) {
        Some(rule) => print(&nianbao::output::rule_doc::markdown(rule)),
        None => {
            say!("{}", unknown(id));
            ExitCode::from(2)
        }
    }
}

/// Writes to stdout; a reader that went away (`| head`) ends with 2, as `check` does.
fn print(text: &str) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|_| out.flush())
        .is_ok()
    {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

/// The aligned table: 规则, 级别, 类别, 说明.
pub fn table() -> String {
    let header = ["规则", "级别", "类别", "说明"];
    let rows: Vec<[&str; 4]> = Rule::ALL
        .iter()
        .map(|rule| {
            [
                rule.id(),
                rule.severity().chinese(),
                rule.family().chinese(),
                rule.title(),
            ]
        })
        .collect();
    let mut widths = [0; 3];
    for row in std::iter::once(&header).chain(&rows) {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(display_width(cell));
        }
    }
    let mut out = String::new();
    for row in std::iter::once(&header).chain(&rows) {
        for (cell, width) in row.iter().zip(widths) {
            out.push_str(cell);
            out.push_str(&" ".repeat(width - display_width(cell) + 2));
        }
        out.push_str(row[3]);
        out.push('\n');
    }
    out
}

/// One rule in `nianbao rules --format json`, its fields in this order.
#[derive(serde::Serialize)]
struct Entry {
    id: &'static str,
    /// `error`, `warning` or `info`, as in a finding.
    severity: &'static str,
    /// The family's Chinese name (the id's prefix is the family too).
    family: &'static str,
    title: &'static str,
    what: &'static str,
    why: &'static str,
    example: &'static str,
    fix: &'static str,
}

/// A JSON array, one object per rule: `id`, `severity`, `family`, `title` and the doc's
/// `what`, `why`, `example`, `fix`.
pub fn json() -> String {
    let rules: Vec<Entry> = Rule::ALL
        .iter()
        .map(|rule| {
            let doc = rule.doc();
            Entry {
                id: rule.id(),
                severity: rule.severity().as_str(),
                family: rule.family().chinese(),
                title: rule.title(),
                what: doc.what,
                why: doc.why,
                example: doc.example,
                fix: doc.fix,
            }
        })
        .collect();
    serde_json::to_string(&rules).expect("strings serialize")
}

/// No rule has this id: the ids it is closest to, and where to find them all.
pub fn unknown(id: &str) -> String {
    let close = close_ids(id);
    let mut message = format!("没有编号为「{id}」的规则。");
    if !close.is_empty() {
        message.push_str(&format!("相近的规则：{}。", close.join("、")));
    }
    message.push_str("全部规则见 nianbao rules");
    message
}

/// The ids that `id` may have meant, closest first (at most five): a few letters apart, or
/// sharing its family or its name after the dot.
fn close_ids(id: &str) -> Vec<&'static str> {
    let id = id.trim().to_lowercase();
    let (family, name) = id.split_once('.').unwrap_or((&id, &id));
    let mut scored: Vec<(usize, &'static str)> = Rule::ALL
        .iter()
        .filter_map(|rule| {
            let candidate = rule.id();
            let (their_family, their_name) = candidate.split_once('.')?;
            let distance = edit_distance(&id, candidate);
            let near = distance <= (candidate.chars().count() / 4).max(2)
                || (!name.is_empty() && their_name == name)
                || (id.len() >= 3 && candidate.contains(id.as_str()))
                || (family == their_family && distance <= candidate.chars().count() / 2);
            near.then_some((distance, candidate))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(5).map(|(_, id)| id).collect()
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let chars = |s: &str| s.chars().collect::<Vec<char>>();
    nianbao::text::distance::edit_distance(&chars(a), &chars(b))
}

/// Columns a terminal gives the text: two for Han characters and full-width forms, one for the
/// rest (the table's ids and headings need no more).
fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| match u32::from(c) {
            0x1100..=0x115F
            | 0x2E80..=0x303E
            | 0x3041..=0x33FF
            | 0x3400..=0x4DBF
            | 0x4E00..=0x9FFF
            | 0xA000..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6 => 2,
            _ => 1,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_every_rule_with_its_title_in_one_column() {
        let table = table();
        let lines: Vec<&str> = table.lines().collect();
        assert_eq!(lines.len(), Rule::ALL.len() + 1);
        let column = display_width(lines[0].split("说明").next().unwrap());
        for (line, rule) in lines[1..].iter().zip(Rule::ALL) {
            assert!(line.starts_with(rule.id()), "{line}");
            let before = line.strip_suffix(rule.title()).expect("title last");
            assert_eq!(display_width(before), column, "{line}");
        }
    }

    #[test]
    fn close_ids_catch_typos_and_a_missing_family() {
        assert_eq!(close_ids("requests.balanse")[0], "requests.balance");
        assert_eq!(close_ids("balance"), ["requests.balance"]);
        assert!(close_ids("requests").contains(&"requests.row_sum"));
        assert!(close_ids("zzzz").is_empty());
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "ab"), 2);
    }

    #[test]
    fn han_characters_are_two_columns_wide() {
        assert_eq!(display_width("表三"), 4);
        assert_eq!(display_width("a.b"), 3);
        assert_eq!(display_width("文字与表格"), 10);
    }
}
