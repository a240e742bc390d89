//! Presenting a report: JSON (the `CONTRACT.md` object) and text for people.

pub mod json;
pub mod text;
