//! The data every stage shares, and nothing that computes it: the national templates, a
//! report's tables cell by cell, its sections, dates and statements, and findings. The leaf of
//! the crate: it imports no other module of it.

pub mod date;
pub mod finding;
pub mod number;
pub mod report;
pub mod rule;
pub mod section;
pub mod statement;
pub(crate) mod statics;
pub mod table;
pub mod template;
pub mod verdict;
pub mod wire;

pub use date::{Date, StatedYear, YearPlace};
pub use finding::{Finding, Severity, Summary};
pub use number::Number;
pub use report::{AgencyKind, KindBasis, Options, Report};
pub use rule::{Family, Rule, RuleDoc};
pub use section::{Section, SECTION_TITLES};
pub use statement::{DocumentCount, Quantity, Statement};
pub use table::{Cell, CellRef, CellSource, Splits, Table, Tables};
pub use template::Template;
pub use verdict::{TableReading, Verdict};

/// A rule id, or a table, row or column key: `&'static str` under a name of its own, so that
/// serde does not try to borrow it from the input (it is interned: [`statics::str`]).
pub type Key = &'static str;
