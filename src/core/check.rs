//! The one entry point: a document (and last year's, if given) → a report with its findings.
//! The CLI, the web app and the JS API all call [`check`].

use crate::input::{Document, Grid};
use crate::model::{Family, KindBasis, Options, Report, Tables};
use crate::reading::meta::template::{choose_template, TemplateEvidence};
use crate::reading::{meta, prose::statements, sections, tables};
use crate::rules;
use crate::text::tokens;
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
    }
    point_into_text(&source, &mut report);
    report
}

/// Everything but turning the findings' byte ranges into UTF-16 units.
fn analyse(source: &Source, grids: &[Grid], options: &Options) -> Report {
    // A grid whose ranges do not fit the text (built for another text) is not read.
    let fits = |grid: &&Grid| grid.fits(&source.text);
    let grids: Vec<Grid> = grids.iter().filter(fits).cloned().collect();
    let sections = sections::sections(source);
    let period = meta::dates::statistics_period(source);
    let title = meta::year::title(source);
    let report_year = options
        .year
        .or_else(|| title.as_ref().map(|t| t.year))
        .or_else(|| period.map(|(start, _, _)| start.year));
    // The template shows in the tables' headers: from section 二 to section 五 when found.
    let heading = |n: u8| sections.iter().find(|s| s.number == n).map(|s| s.start);
    let tables_text = match (heading(2), heading(5)) {
        (Some(start), Some(end)) if start < end => &source.text[start..end],
        _ => &source.text[..],
    };
    let han = tokens::han_only(tables_text);
    let evidence = TemplateEvidence::of(&han);

    let mut findings = Vec::new();
    let template = choose_template(evidence, &han, report_year, &mut findings);
    // With headings 二 to 五 in order, every table lies between 二 and 五 (see
    // `tables::tables`): the prose around them needs no tokens.
    let ordered = [2, 3, 4, 5].map(heading);
    let tokens = match ordered {
        [Some(two), Some(three), Some(four), Some(five)]
            if two < three && three < four && four < five =>
        {
            tokens::tokenize_between(source, two, five)
        }
        _ => tokens::tokenize(source),
    };
    let tables = match template {
        Some(template) => {
            let from_grids = tables::grids::tables(source, &grids, template, &mut findings);
            tables::tables(
                source,
                &tokens,
                &sections,
                template,
                from_grids,
                &mut findings,
            )
        }
        None => Tables::default(),
    };
    let agency = meta::agency::agency(source, title.as_ref());
    let kind = match options.kind {
        Some(kind) => Some((kind, KindBasis::Given)),
        None => agency
            .as_deref()
            .and_then(meta::agency::agency_kind)
            .map(|kind| (kind, KindBasis::AgencyName)),
    };
    // The prose is what lies outside the tables.
    let table_spans: Vec<(usize, usize)> =
        [&tables.active, &tables.requests, &tables.review_litigation]
            .into_iter()
            .flatten()
            .filter_map(|t| t.span())
            .collect();
    let statements = statements::read(source, &table_spans, report_year);
    let mut report = Report {
        template,
        report_year,
        agency,
        period,
        published: meta::dates::publication_date(source),
        kind,
        stated_years: meta::year::stated_years(source, &sections, title.as_ref()),
        section_bodies: sections::bodies(source, &sections, meta::agency::closing_start(source)),
        sections,
        tables,
        statements,
        findings: Vec::new(),
    };
    let mut all = rules::run(&report);
    // Reading problems come right after the structure findings they explain.
    let split = all
        .iter()
        .position(|f| f.rule.family() != Family::Structure)
        .unwrap_or(all.len());
    all.splice(split..split, findings);
    report.findings = all;
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
    offsets.sort_unstable();
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
