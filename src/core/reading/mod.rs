//! Reading a report's structure from its text: the sections, the facts about the report
//! (template, year, agency, dates), the three tables and what the prose states about them.

pub(crate) mod meta;
pub(crate) mod outline;
pub(crate) mod prose;
pub(crate) mod sections;
pub(crate) mod tables;

use crate::input::Grid;
use crate::model::{Finding, KindBasis, Options, Report, Tables};
use crate::text::{tokens, Source};
use meta::template::{choose_template, TemplateEvidence};
use outline::Outline;

/// A report as read, before its rules run, and the problems met reading it.
pub(crate) struct Reading {
    pub(crate) report: Report,
    pub(crate) findings: Vec<Finding>,
}

/// Reads a report: its outline once, then each fact, table and statement from the part of
/// the outline it is in. Tables come from `grids` where a grid holds them (a grid whose ranges
/// do not fit the text, built for another text, is not read), else from the text.
pub(crate) fn read(source: &Source, grids: &[Grid], options: &Options) -> Reading {
    let grids: Vec<Grid> = grids
        .iter()
        .filter(|grid| grid.fits(&source.text))
        .cloned()
        .collect();
    let outline = Outline::read(source);
    let period = meta::dates::statistics_period(source);
    let report_year = options
        .year
        .or_else(|| outline.title.as_ref().map(|t| t.year))
        .or_else(|| period.map(|(start, _, _)| start.year));
    let mut findings = Vec::new();
    let TablesRead { template, tables } = read_tables(&outline, &grids, report_year, &mut findings);
    let agency = meta::agency::agency(&outline);
    let kind = match options.kind {
        Some(kind) => Some((kind, KindBasis::Given)),
        None => agency
            .as_deref()
            .and_then(meta::agency::agency_kind)
            .map(|kind| (kind, KindBasis::AgencyName)),
    };
    let own_level = agency.as_deref().and_then(meta::agency::own_level);
    // The prose is what lies outside the tables.
    let table_spans: Vec<(usize, usize)> =
        [&tables.active, &tables.requests, &tables.review_litigation]
            .into_iter()
            .flatten()
            .filter_map(|t| t.span())
            .collect();
    let report = Report {
        template,
        report_year,
        agency,
        period,
        published: meta::dates::publication_date(&outline.last_lines),
        kind,
        stated_years: meta::year::stated_years(&outline),
        section_bodies: outline.bodies(),
        statements: prose::statements::read(source, &table_spans, report_year, own_level),
        sections: outline.sections,
        tables,
        findings: Vec::new(),
        compared_agency: None,
        compared_year: None,
    };
    Reading { report, findings }
}

/// The template and the tables read in it.
struct TablesRead {
    template: Option<crate::model::Template>,
    tables: Tables,
}

/// The template, told by the tables' headers (from heading 二 to 五 when found), and the three
/// tables: from the grids where they hold them, else from the tokens of the text (only those
/// between 二 and 五 when all four headings are in order).
fn read_tables(
    outline: &Outline,
    grids: &[Grid],
    report_year: Option<i32>,
    findings: &mut Vec<Finding>,
) -> TablesRead {
    let source = outline.source;
    let tables_text = match outline.tables_part() {
        Some(part) => &source.text[part],
        None => &source.text[..],
    };
    let han = tokens::han_only(tables_text);
    let evidence = TemplateEvidence::of(&han);
    let template = choose_template(evidence, &han, report_year, findings);
    let Some(template) = template else {
        return TablesRead {
            template,
            tables: Tables::default(),
        };
    };
    let tokens = match outline.tables_in_order() {
        Some(part) => tokens::tokenize_between(source, part.start, part.end),
        None => tokens::tokenize(source),
    };
    let read = |forms, findings: &mut Vec<Finding>| {
        let from_grids = tables::grids::tables(source, grids, forms, findings);
        tables::tables(
            source,
            &tokens,
            &outline.sections,
            forms,
            from_grids,
            findings,
        )
    };
    let tables = tables::forms::read_in_forms(template, evidence, read, findings);
    TablesRead {
        template: Some(template),
        tables,
    }
}

#[cfg(test)]
mod golden;
