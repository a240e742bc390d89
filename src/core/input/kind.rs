//! What kind of file the user opened: by its first bytes, then by its name ([`super::open`]
//! reads it as its kind says).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Text in one of the encodings `read::decode` accepts.
    Text,
    /// A Word `.docx` (a zip), or an OLE file that may be an encrypted one.
    Docx,
    /// A PDF: its text must be copied out of a PDF reader.
    Pdf,
    /// Word 97–2003 `.doc`, WPS `.wps` or RTF: to be saved as `.docx` first.
    OldWord,
}

pub fn kind(name: &str, bytes: &[u8]) -> FileKind {
    let extension = name
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if is_zip(bytes) || is_ole(bytes) {
        // read_docx tells a .doc and an encrypted .docx apart.
        FileKind::Docx
    } else if is_pdf(bytes) || extension == "pdf" {
        FileKind::Pdf
    } else if bytes.starts_with(b"{\\rtf") || matches!(extension.as_str(), "doc" | "wps" | "rtf") {
        FileKind::OldWord
    } else if extension == "docx" {
        // Not a zip: read_docx says the file is not a valid .docx.
        FileKind::Docx
    } else {
        FileKind::Text
    }
}

/// The magic bytes of a zip file's first local header.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The magic bytes of an OLE compound file: `.doc`, `.xls`, `.wps`, an encrypted `.docx`.
pub fn is_ole(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// The magic bytes of a PDF file (some writers put a few bytes before them).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_bytes_then_name() {
        assert_eq!(kind("a.txt", b"PK\x03\x04rest"), FileKind::Docx);
        assert_eq!(
            kind("a", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"),
            FileKind::Docx
        );
        assert_eq!(kind("a.txt", b"%PDF-1.7\n"), FileKind::Pdf);
        assert_eq!(kind("报告.PDF", b"garbage"), FileKind::Pdf);
        assert_eq!(kind("a.doc", b"<html>"), FileKind::OldWord);
        assert_eq!(kind("a.txt", b"{\\rtf1\\ansi"), FileKind::OldWord);
        assert_eq!(kind("a.docx", b"plain text"), FileKind::Docx);
        assert_eq!(kind("a.txt", "一、总体情况".as_bytes()), FileKind::Text);
        assert_eq!(kind("-", b""), FileKind::Text);
    }
}
