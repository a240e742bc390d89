//! The core's `.docx` reader ([`read_docx`]) for the page, as a wasm of its own: the page's
//! checking worker (or the page, where there is none) imports it when a `.docx` is opened, and
//! the page's wasm (src/web/docx.rs, src/web/file_opener.rs) receives the document. Kept out of
//! the page's wasm because every byte there is loaded by everyone, and this only by those who
//! open a `.docx`.

use nianbao_core::input::docx::read_docx;
use nianbao_core::input::open::OpenError;
use nianbao_core::input::MAX_BYTES;
use nianbao_core::model::wire;
use wasm_bindgen::prelude::*;

/// The document of a `.docx` as the bytes of [`wire`] that the page's wasm reads, or why it
/// cannot be read: what the user is told, in Chinese (as `nianbao check` says it).
#[wasm_bindgen(js_name = openDocx)]
pub fn open_docx(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    document_bytes(bytes).map_err(|reason| JsValue::from_str(&reason))
}

/// [`open_docx`] without JS: the bytes, or the reason.
pub fn document_bytes(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let document = read_docx(bytes).map_err(|e| OpenError::Docx(e).to_string())?;
    if document.text.len() > MAX_BYTES {
        return Err(OpenError::TooLarge.to_string());
    }
    wire::to_bytes(&document)
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_core::Document;

    #[test]
    fn a_docx_comes_back_as_its_document_and_anything_else_as_the_reason() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/data/libreoffice.docx"
        );
        let bytes = std::fs::read(path).expect("tests/data/libreoffice.docx");
        let document = read_docx(&bytes).unwrap();
        let sent: Document = wire::from_bytes(&document_bytes(&bytes).unwrap()).unwrap();
        assert_eq!(sent, document);
        assert!(document.text.contains("总体情况"));
        let reason = document_bytes(b"not a zip").unwrap_err();
        assert!(reason.contains(".docx"), "{reason}");
    }
}
