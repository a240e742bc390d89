//! Opening a file: its kind by its first bytes and name, then read as that kind says. The one
//! place each input format joins, for the CLI and the web app alike; each adapter brings what
//! its platform does best (a decoder for GB18030 and UTF-16, an HTML parser).

use std::fmt;

use super::decode::{decode_with, Encoding, ReadError, MAX_BYTES, TOO_LARGE};
use super::document::Document;
use super::docx::{DocxError, DOC_ADVICE};
use super::dom::Node;
use super::html::{self, HtmlError};
use super::kind::{kind, FileKind};
use super::pdf::{self, PdfContent, PdfError};

/// What reading a file needs from the adapter's platform.
pub struct Platform<'a> {
    /// Decodes the encodings other than UTF-8 ([`super::decode::native_decoder`] natively).
    pub decoder: &'a dyn Fn(Encoding, &[u8]) -> Option<String>,
    /// Parses an HTML page into a tree, or says why it could not (see [`html::document`]).
    pub parse_html: &'a dyn Fn(&str) -> Result<Node, HtmlError>,
    /// Reads a PDF's positioned text and ruling lines ([`pdf::document`] lays them out).
    pub read_pdf: &'a dyn Fn(&[u8]) -> Result<PdfContent, PdfError>,
    /// Reads a `.docx` ([`super::docx::read_docx`] natively; the web app's page loads it on
    /// demand, so that its wasm does not carry the unzipping and the XML reader).
    pub read_docx: &'a dyn Fn(&[u8]) -> Result<Document, DocxError>,
}

/// Why a file could not be opened; its `Display` is what the user is told (in Chinese,
/// without the file's name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    Read(ReadError),
    Docx(DocxError),
    Html(HtmlError),
    /// A PDF that could not be read here.
    Pdf(PdfError),
    /// An old `.doc`, `.wps` or RTF: to be saved as `.docx` first.
    OldWord,
    /// The text read is over [`MAX_BYTES`].
    TooLarge,
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::Read(e) => e.fmt(f),
            OpenError::Docx(e) => e.fmt(f),
            OpenError::Html(e) => e.fmt(f),
            OpenError::Pdf(e) => e.fmt(f),
            OpenError::OldWord => f.write_str(DOC_ADVICE),
            OpenError::TooLarge => f.write_str(TOO_LARGE),
        }
    }
}

impl std::error::Error for OpenError {}

/// Reads a file by its kind. `.html`/`.htm` files, and a page given on standard input
/// (`name` `-`), are read with their tables' cell grids.
pub fn open(name: &str, bytes: &[u8], platform: &Platform) -> Result<Document, OpenError> {
    let document = match kind(name, bytes) {
        FileKind::Text => {
            let lower = name.to_ascii_lowercase();
            if lower.ends_with(".html") || lower.ends_with(".htm") {
                let page = html::decode(bytes, platform.decoder).map_err(OpenError::Read)?;
                html::document(&page, platform.parse_html).map_err(OpenError::Html)?
            } else {
                let text = decode_with(bytes, platform.decoder).map_err(OpenError::Read)?;
                if name == "-" && html::looks_like_html(&text) {
                    html::document(&text, platform.parse_html).map_err(OpenError::Html)?
                } else {
                    Document::from_text(text)
                }
            }
        }
        FileKind::Docx => (platform.read_docx)(bytes).map_err(OpenError::Docx)?,
        FileKind::Pdf => pdf::document(&(platform.read_pdf)(bytes).map_err(OpenError::Pdf)?),
        FileKind::OldWord => return Err(OpenError::OldWord),
    };
    if document.text.len() > MAX_BYTES {
        return Err(OpenError::TooLarge);
    }
    Ok(document)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::decode::native_decoder;

    fn no_html(_: &str) -> Result<Node, HtmlError> {
        Err(HtmlError::Unreadable)
    }

    const NATIVE: Platform = Platform {
        decoder: &native_decoder,
        parse_html: &no_html,
        read_pdf: &|_| Err(PdfError::NotHere),
        read_docx: &crate::input::docx::read_docx,
    };

    #[test]
    fn each_kind_is_read_its_own_way() {
        let text = open("年报.txt", "一、总体情况".as_bytes(), &NATIVE).unwrap();
        assert_eq!(text.text, "一、总体情况");
        assert!(text.grids.is_empty());
        assert_eq!(
            open("年报.pdf", b"%PDF-1.7", &NATIVE),
            Err(OpenError::Pdf(PdfError::NotHere))
        );
        assert_eq!(open("年报.doc", b"x", &NATIVE), Err(OpenError::OldWord));
        // An HTML page goes to the parser; a text that only looks like one does too on stdin.
        let page = b"<html><body>x</body></html>";
        assert_eq!(
            open("a.html", page, &NATIVE),
            Err(OpenError::Html(HtmlError::Unreadable))
        );
        assert_eq!(
            open("-", page, &NATIVE),
            Err(OpenError::Html(HtmlError::Unreadable))
        );
        assert!(open("a.txt", page, &NATIVE).is_ok());
    }
}
