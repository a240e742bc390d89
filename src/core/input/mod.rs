//! Bytes → [`Document`]: a report's text, and its tables as cell grids where the source has
//! them. Text files are decoded ([`decode`]); `.docx` files are unzipped and read
//! ([`docx`]); HTML pages are laid out by one set of rules ([`dom`]) from whichever parser the
//! adapter has (the CLI's html5ever, the browser's `DOMParser`). [`open`] tells the formats
//! apart by their first bytes.

pub mod decode;
pub mod document;
pub mod docx;
pub mod dom;
pub mod html;
pub mod kind;
pub mod open;
pub mod pdf;

pub use decode::{decode, ReadError, MAX_BYTES, TOO_LARGE};
pub use document::{Document, DocumentBuilder, Grid, GridCell, RowSpan};
pub use kind::FileKind;
pub use open::open;
