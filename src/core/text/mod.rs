//! The report's text once it is read: normalised one character to one character, with its
//! lines ([`source::Source`]), cut into tokens for the tables, and the small scanners that read
//! numbers, numerals and fixed phrases (instead of regular expressions, to keep the wasm small).

pub mod distance;
pub mod normalize;
pub mod numerals;
pub(crate) mod scan;
pub mod sort;
pub mod source;
pub(crate) mod tokens;

pub use normalize::normalize;
pub use source::Source;
