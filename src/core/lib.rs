//! 年报校验's core: reads a 政府信息公开工作年度报告 as people have it (text pasted from a web page,
//! Word/WPS or a PDF; the web page or the .docx itself), finds its six sections and the three
//! tables of either national template, and checks every identity and consistency rule.
//!
//! The folders follow the data, and a folder imports only those before it in this list:
//!
//! - [`model`]: the templates and what a check produces (tables, findings…); imports nothing;
//! - [`text`]: normalised text, its lines, tokens, numbers, numerals and phrase scanners;
//! - [`input`]: bytes → [`Document`] (text, and tables as cell grids): encodings, .docx, HTML;
//! - `reading`: the report's outline, facts (template, year, agency, dates), tables and prose;
//! - [`rules`]: the rule registry and the rules, report → findings;
//! - [`output`]: JSON, text and the CSV summary.
//!
//! [`check`] is the one entry point; the CLI and the web app are adapters over it.

#![warn(unreachable_pub)]

pub mod input;
pub mod model;
pub mod output;
pub(crate) mod reading;
pub(crate) mod rules;
pub mod text;

mod check;

pub use check::{check, check_text};
pub use input::document::Document;
pub use input::ReadError;
pub use model::{AgencyKind, Finding, KindBasis, Options, Report, Severity, Summary, Template};
