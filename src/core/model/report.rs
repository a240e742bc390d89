//! What a check produces: the report's facts, its three tables and its findings.

use super::date::{Date, StatedYear};
use super::finding::{Finding, Severity, Summary};
use super::section::Section;
use super::statement::Statement;
use super::table::Tables;
use super::template::Template;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum AgencyKind {
    /// A department: report due 31 Jan of the next year.
    Department,
    /// 本级人民政府: report due 31 Mar.
    Government,
}

/// How the kind of agency was determined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum KindBasis {
    /// Given by the user (`--kind`, or `kind` in the JS options).
    Given,
    /// Guessed from the agency's name ([`crate::reading::meta::agency::agency_kind`]).
    AgencyName,
}

#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Overrides the report year read from the title.
    pub year: Option<i32>,
    /// Overrides the guess from the agency name.
    pub kind: Option<AgencyKind>,
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct Report {
    pub template: Option<Template>,
    pub report_year: Option<i32>,
    pub agency: Option<String>,
    /// 统计期限, with the line it is stated on.
    pub period: Option<(Date, Date, usize)>,
    /// The date line at the end.
    pub published: Option<(Date, usize)>,
    /// Department or 本级人民政府, and how that was determined; `None` when unknown.
    pub kind: Option<(AgencyKind, KindBasis)>,
    /// The report year as stated in the title, the opening lines and table headings.
    pub stated_years: Vec<StatedYear>,
    pub sections: Vec<Section>,
    /// Each section's text after its title, up to the next heading (the last one up to the
    /// closing signature and date), by section number.
    pub section_bodies: Vec<(u8, String)>,
    pub tables: Tables,
    /// Numbers the prose states about the tables.
    pub statements: Vec<Statement>,
    pub findings: Vec<Finding>,
    /// The agency and the year of last year's report as read from it, when the report was
    /// compared with one (the cross-year checks), so that a reader is told which one. Two plain
    /// fields, not a struct: the worker sends reports through serde, and each type costs wasm.
    #[serde(default)]
    pub compared_agency: Option<String>,
    #[serde(default)]
    pub compared_year: Option<i32>,
}

impl Report {
    /// The text of section `number` after its title; `None` when the section was not found.
    pub fn section_body(&self, number: u8) -> Option<&str> {
        self.section_bodies
            .iter()
            .find(|(n, _)| *n == number)
            .map(|(_, text)| text.as_str())
    }

    pub fn summary(&self) -> Summary {
        let mut summary = Summary::default();
        for finding in &self.findings {
            match finding.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Info => summary.infos += 1,
            }
        }
        summary
    }
}
