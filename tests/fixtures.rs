//! Every shared fixture extracts exactly as its hand-checked truth file says and gives its
//! expected rules; a clean report gives no error, and no fixture a date, section or narrative
//! finding its truth does not list.

mod common;

use serde_json::Value;

/// Rules about dates, section content and the prose: none may fire on a fixture unless its
/// truth file lists it.
const UNEXPECTED_UNLESS_LISTED: &[&str] = &["date.", "section.", "structure.period", "narrative."];

fn check_json(text: &str) -> Value {
    let report = nianbao::check_text(text, &nianbao::Options::default());
    serde_json::from_str(&nianbao::output::json::to_string(None, &report)).unwrap()
}

fn same_number(a: &Value, b: &Value) -> bool {
    match (a.as_f64(), b.as_f64()) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-6,
        _ => a.is_null() && b.is_null(),
    }
}

#[test]
fn every_fixture_extracts_every_cell() {
    let mut wrong = Vec::new();
    let mut compared = 0;
    for (name, truth, text) in common::fixtures() {
        let got = check_json(&text);
        assert_eq!(got["template"], truth["template"], "{name}: template");
        let ignored: Vec<Value> = truth["ignore_cells"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for table in ["requests", "review_litigation", "active"] {
            let Some(rows) = truth["tables"][table].as_object() else {
                continue;
            };
            for (row, cols) in rows {
                for (col, want) in cols.as_object().unwrap() {
                    if ignored.contains(&serde_json::json!([table, row, col])) {
                        continue;
                    }
                    compared += 1;
                    let found = &got["tables"][table][row][col];
                    if !same_number(found, want) {
                        wrong.push(format!(
                            "{name}: {table}.{row}.{col} want {want} got {found}"
                        ));
                    }
                }
            }
        }
    }
    assert!(compared > 1000, "compared only {compared} cells");
    assert!(
        wrong.is_empty(),
        "{} wrong cells:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

#[test]
fn every_fixture_gives_its_expected_rules_and_clean_ones_no_error() {
    let mut problems = Vec::new();
    for (name, truth, text) in common::fixtures() {
        let got = check_json(&text);
        let findings = got["findings"].as_array().unwrap();
        let rules: Vec<&str> = findings.iter().filter_map(|f| f["rule"].as_str()).collect();
        let expected = truth["expected_rules"].as_array().unwrap();
        for rule in expected.iter().filter_map(Value::as_str) {
            if !rules.contains(&rule) {
                problems.push(format!("{name}: expected {rule}, got {rules:?}"));
            }
        }
        if expected.is_empty() {
            for f in findings.iter().filter(|f| f["severity"] == "error") {
                problems.push(format!("{name}: clean report gave error {f}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn date_section_and_narrative_rules_fire_only_where_expected() {
    let mut problems = Vec::new();
    for (name, truth, text) in common::fixtures() {
        let got = check_json(&text);
        let expected = truth["expected_rules"].as_array().unwrap();
        for f in got["findings"].as_array().unwrap() {
            let rule = f["rule"].as_str().unwrap_or("");
            if UNEXPECTED_UNLESS_LISTED.iter().any(|p| rule.starts_with(p))
                && !expected.iter().any(|e| e == rule)
            {
                problems.push(format!("{name}: unexpected {f}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn fixture_metadata() {
    for (name, truth, text) in common::fixtures() {
        let got = check_json(&text);
        assert_eq!(
            got["report_year"], truth["report_year"],
            "{name}: report year"
        );
        let sections = got["sections"].as_array().unwrap();
        let numbers: Vec<u64> = sections
            .iter()
            .filter_map(|s| s["number"].as_u64())
            .collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5, 6], "{name}: sections");
        // The title may name the place without 人民政府 (`重庆市大渡口区`).
        let agency = got["agency"]
            .as_str()
            .unwrap_or_else(|| panic!("{name}: no agency"));
        let truth_agency = truth["agency"].as_str().unwrap();
        assert!(
            truth_agency.starts_with(agency),
            "{name}: agency {agency} vs {truth_agency}"
        );
    }
}

/// The UTF-16 range a finding gives (for JS) holds the number it is about: a cell's value or
/// the count a sentence states. A character outside the BMP before it counts two units.
#[test]
fn finding_spans_point_at_their_numbers_in_utf16() {
    let mut pointed = 0;
    for (name, _, text) in common::fixtures() {
        for prefix in ["", "😀"] {
            let text = format!("{prefix}{text}");
            let units: Vec<u16> = text.encode_utf16().collect();
            let report = nianbao::check_text(&text, &nianbao::Options::default());
            for finding in &report.findings {
                let Some((start, end)) = finding.span else {
                    continue;
                };
                let slice = String::from_utf16(&units[start..end]).unwrap();
                let normal = nianbao::text::normalize(&slice).replace(',', "");
                assert!(
                    nianbao::model::number::parse(&normal).is_some(),
                    "{name}: {} points at {slice:?}",
                    finding.rule.id()
                );
                pointed += 1;
            }
        }
    }
    // 003's four arithmetic findings and its narrative one, 002's narrative one, twice.
    assert!(pointed >= 12, "{pointed}");
}
