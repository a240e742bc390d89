//! The one entry point: a document (and last year's, if given) → a report with its findings.
//! The CLI, the web app and the JS API all call [`check`].

use crate::input::{Document, Grid};
use crate::model::{Family, Options, Report};
use crate::reading::{self, Reading};
use crate::rules;
use crate::text::sort;
use crate::text::Source;

/// [`check`] of a plain text (a paste, a `.txt` file): a document without grids.
pub fn check_text(text: &str, options: &Options) -> Report {
    check(&Document::from_text(text), None, options)
}

/// Checks a report: its tables are read from the document's cell grids where they are found
/// there, and from its text otherwise; findings point into `document.text`, with spans in UTF-16
/// code units. With `previous` (last year's report), the cross-year checks (`crossyear.*`)
/// are added, naming this year's cells. Never panics on any input.
pub fn check(document: &Document, previous: Option<&Document>, options: &Options) -> Report {
    let (text, grids) = (document.text.as_str(), document.grids.as_slice());
    let source = Source::new(text);
    let mut report = analyse(&source, grids, options);
    if let Some(previous) = previous.filter(|p| !p.text.trim().is_empty()) {
        let last_year = analyse(
            &Source::new(&previous.text),
            &previous.grids,
            &Options::default(),
        );
        report
            .findings
            .extend(rules::crossyear::run(&report, &last_year));
        report.compared_agency = last_year.agency;
        report.compared_year = last_year.report_year;
    }
    crate::model::finding::cap_per_rule(&mut report.findings);
    point_into_text(&source, &mut report);
    report
}

/// Everything but turning the findings' byte ranges into UTF-16 units: the report as read,
/// its rules' findings, and the reading problems right after the structure findings they
/// explain.
fn analyse(source: &Source, grids: &[Grid], options: &Options) -> Report {
    let Reading {
        mut report,
        findings: reading,
    } = reading::read(source, grids, options);
    let mut findings = rules::run(&report);
    let split = findings
        .iter()
        .position(|f| f.rule.family() != Family::Structure)
        .unwrap_or(findings.len());
    findings.splice(split..split, reading);
    report.findings = findings;
    report
}

/// Gives each finding about cells the range of its first cell that has one, and turns the
/// byte ranges into UTF-16 code units of the text (what JS strings count).
fn point_into_text(source: &Source, report: &mut Report) {
    let tables = &report.tables;
    for finding in &mut report.findings {
        if finding.span.is_none() {
            finding.span = finding.cells.iter().find_map(|at| {
                let cell = tables.cell(at)?;
                (cell.end > cell.start).then_some((cell.start, cell.end))
            });
        }
    }
    // One pass over the text, in the order of the offsets.
    let mut offsets: Vec<usize> = report
        .findings
        .iter()
        .filter_map(|f| f.span)
        .flat_map(|(start, end)| [start, end])
        .collect();
    sort::sort_by_key(&mut offsets, |&offset| offset as u128);
    offsets.dedup();
    let mut utf16 = Vec::with_capacity(offsets.len());
    let mut units = 0;
    let mut chars = source.text.char_indices().peekable();
    for &offset in &offsets {
        while let Some((_, c)) = chars.next_if(|&(at, _)| at < offset) {
            units += c.len_utf16();
        }
        utf16.push(units);
    }
    for finding in &mut report.findings {
        if let Some((start, end)) = finding.span {
            let find = |b: usize| offsets.binary_search(&b).map(|i| utf16[i]).unwrap_or(0);
            finding.span = Some((find(start), find(end)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_checked_with_last_years_names_the_report_it_was_compared_with() {
        let this_year = include_str!("../../tests/golden/rules/crossyear.carry_over.txt");
        let last_year = include_str!("../../tests/golden/rules/crossyear.carry_over.previous.txt");
        let options = Options::default();
        let alone = check_text(this_year, &options);
        assert_eq!((alone.compared_agency, alone.compared_year), (None, None));
        let previous = check_text(last_year, &options);
        let report = check(
            &Document::from_text(this_year),
            Some(&Document::from_text(last_year)),
            &options,
        );
        assert_eq!(report.compared_agency, previous.agency);
        assert_eq!(report.compared_year, previous.report_year);
        assert!(previous.agency.is_some() && previous.report_year.is_some());
    }
}
