//! The page, one component per file. `App` holds the state and draws the rest: the paste area
//! (`Input`, with `LongTextNote`) and `Previous`, the `Summary`, and the results (`Tables`,
//! `SourceView`, `SectionOutline`, `FindingList`, `Export`); for a batch, `BatchTable` (of
//! `BatchRow`s) and `BatchBar`.

pub mod app;
mod batch_bar;
mod batch_row;
mod batch_table;
mod export;
pub mod findings;
pub mod input;
pub mod long_text;
pub mod previous;
mod sections;
mod source_view;
pub mod summary;
pub mod tables;
