//! Presenting a report: JSON (the `CONTRACT.md` object), text for people, and the one-line
//! summary of a batch (CSV); and the rules' documentation as Markdown.

pub mod findings_csv;
pub mod json;
pub mod rule_doc;
pub mod summary;
pub mod text;
