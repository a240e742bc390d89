//! Reading a report's structure from its text: the sections, the facts about the report
//! (template, year, agency, dates), the three tables and what the prose states about them.

pub(crate) mod meta;
pub(crate) mod prose;
pub(crate) mod sections;
pub(crate) mod tables;

#[cfg(test)]
mod golden;
