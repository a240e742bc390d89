//! The prose around the tables.

pub(crate) mod statements;
