//! 年报校验: reads a 政府信息公开工作年度报告 as pasted (web page, Word/WPS or PDF text), finds
//! its six sections and three tables in either national template, and checks every identity.
//!
//! The pipeline follows the data: [`read`] (bytes → normalised text) → [`tokens`] → [`locate`]
//! (sections) and [`meta`] (template, year, agency, dates) → [`extract`] (tables) → [`rules`]
//! → [`output`].

pub mod document;
pub mod docx;
pub mod dom;
pub mod extract;
pub mod files;
mod grids;
#[cfg(not(target_arch = "wasm32"))]
pub mod html;
pub mod locate;
pub mod meta;
pub mod model;
pub mod number;
pub mod output;
pub mod read;
pub mod rules;
mod scan;
pub mod split;
pub mod statements;
pub mod template;
pub mod tokens;
#[cfg(target_arch = "wasm32")]
pub mod web;

pub use document::Document;
pub use model::{AgencyKind, Finding, KindBasis, Options, Report, Severity, Summary};
pub use read::ReadError;
pub use template::Template;

use meta::TemplateEvidence;
use model::Tables;
use read::Source;

/// Checks report text. Never panics on any input.
pub fn check(text: &str, options: &Options) -> Report {
    check_all(text, &[], None, options)
}

/// Checks a report read from a structured source (clipboard HTML, an `.html` file, a
/// `.docx`): its tables are read from its cell grids where they are found there, and from its
/// text otherwise. Findings point into `document.text`.
pub fn check_document(document: &Document, options: &Options) -> Report {
    check_all(&document.text, &document.grids, None, options)
}

/// Checks report text and compares it with last year's report (`crossyear.*`, appended to
/// this year's findings and naming this year's cells). `options` are this year's; an empty
/// `previous` is a plain [`check`]. Never panics on any input.
pub fn check_with_previous(text: &str, previous: &str, options: &Options) -> Report {
    check_all(text, &[], Some((previous, &[])), options)
}

/// [`check_with_previous`] for reports read from structured sources ([`check_document`]).
pub fn check_document_with_previous(
    document: &Document,
    previous: &Document,
    options: &Options,
) -> Report {
    let previous = (previous.text.as_str(), previous.grids.as_slice());
    check_all(&document.text, &document.grids, Some(previous), options)
}

fn check_all(
    text: &str,
    grids: &[document::Grid],
    previous: Option<(&str, &[document::Grid])>,
    options: &Options,
) -> Report {
    let source = Source::new(text);
    let mut report = analyse(&source, grids, options);
    if let Some((previous, previous_grids)) = previous.filter(|(p, _)| !p.trim().is_empty()) {
        let last_year = analyse(&Source::new(previous), previous_grids, &Options::default());
        report
            .findings
            .extend(rules::crossyear::run(&report, &last_year));
    }
    point_into_text(&source, &mut report);
    report
}

/// Everything but turning the findings' byte ranges into UTF-16 units.
fn analyse(source: &Source, grids: &[document::Grid], options: &Options) -> Report {
    // A grid whose ranges do not fit the text (built for another text) is not read.
    let fits = |grid: &&document::Grid| grid.fits(&source.text);
    let grids: Vec<document::Grid> = grids.iter().filter(fits).cloned().collect();
    let sections = locate::sections(source);
    let period = meta::statistics_period(source);
    let title = meta::title(source);
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
    // `extract::tables`): the prose around them needs no tokens.
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
            let from_grids = grids::tables(source, &grids, template, &mut findings);
            extract::tables(
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
    let agency = meta::agency(source, title.as_ref());
    let kind = match options.kind {
        Some(kind) => Some((kind, KindBasis::Given)),
        None => agency
            .as_deref()
            .and_then(meta::agency_kind)
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
        published: meta::publication_date(source),
        kind,
        stated_years: meta::stated_years(source, &sections, title.as_ref()),
        section_bodies: locate::bodies(source, &sections, meta::closing_start(source)),
        sections,
        tables,
        statements,
        findings: Vec::new(),
    };
    let mut all = rules::run(&report);
    // Reading problems come right after the structure findings they explain.
    let split = all
        .iter()
        .position(|f| !f.rule.starts_with("structure."))
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

/// The template by its marker phrases; failing that, by the report year when the text has
/// 表三's rows (and the reader is told it was inferred).
fn choose_template(
    evidence: TemplateEvidence,
    han: &str,
    year: Option<i32>,
    findings: &mut Vec<Finding>,
) -> Option<Template> {
    if evidence.mixed() {
        findings.push(Finding {
            rule: "structure.template_mismatch",
            severity: Severity::Error,
            message: format!(
                "报告混用了两版模板：含2019年版表述{}处、2021年版表述{}处",
                evidence.markers_2019, evidence.markers_2021
            ),
            cells: Vec::new(),
            line: None,
            span: None,
        });
    }
    if let Some(template) = evidence.template() {
        return Some(template);
    }
    let has_requests_table = han.contains("本年新收政府信息公开申请数量");
    if has_requests_table && !evidence.old_form {
        let template = match year {
            Some(y) if y <= 2020 => Template::Y2019,
            _ => Template::Y2021,
        };
        findings.push(Finding {
            rule: "structure.template_inferred",
            severity: Severity::Info,
            message: format!(
                "表二中没有可辨认模板的表头，按报告年度推定为{}年版模板",
                template.id()
            ),
            cells: Vec::new(),
            line: None,
            span: None,
        });
        return Some(template);
    }
    findings.push(Finding {
        rule: "structure.unknown_template",
        severity: Severity::Error,
        message: if evidence.old_form {
            "这是2019年以前的旧版年报格式（指标名称/计量单位），不属于国家现行两版模板，表格未核对".to_string()
        } else {
            "找不到2019年版或2021年版模板的统计表，无法核对表格：请确认粘贴的是完整的政府信息公开工作年度报告".to_string()
        },
        cells: Vec::new(),
        line: None,
        span: None,
    });
    None
}

/// Checks a report read from a structured source (a `.docx` file, clipboard HTML).
///
/// Decodes bytes (UTF-8, UTF-16 with BOM, GB18030) and checks them.
pub fn check_bytes(bytes: &[u8], options: &Options) -> Result<Report, ReadError> {
    Ok(check(&read::decode(bytes)?, options))
}
