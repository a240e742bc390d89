//! Reading a PDF in the page. The start-up script gives `window.NIANBAO_PDF`, a function that
//! imports the PDF reader (www/pdf/reader.js, with pdf.js and the layout wasm of
//! src/pdf_layout) only when it is first called, so nothing of it loads before a PDF is opened.
//! The reader gives the same runs of text and ruling lines as the CLI's (`src/native/pdf.rs`),
//! the layout wasm lays them out with the core as the CLI does, and this receives the
//! document. The one-file copy and host pages have no reader: they say so.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::input::pdf::{self, PdfError};
use crate::input::{Document, MAX_BYTES, TOO_LARGE};

/// Said where there is no PDF reader (the one-file copy, the widget on a host page).
const NO_READER: &str = "这里不能读取 PDF 文件（单文件版和嵌入其他网站的检查器不带 PDF 读取程序）：请在完整的网页版中打开，或在 PDF 阅读器中全选（Ctrl+A）并复制文字，粘贴到输入框再检查";

/// A PDF's document, or what the user is told about it (without the file's name).
pub async fn open(bytes: &[u8]) -> Result<Document, String> {
    if bytes.len() > pdf::MAX_BYTES {
        return Err(PdfError::TooLarge.to_string());
    }
    let reader = web_sys::window()
        .and_then(|w| Reflect::get(&w, &"NIANBAO_PDF".into()).ok())
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or(NO_READER)?;
    let document = read(&reader, bytes).await.map_err(|e| e.to_string())?;
    if document.text.len() > MAX_BYTES {
        return Err(TOO_LARGE.to_string());
    }
    Ok(document)
}

/// The document the reader and the layout wasm give.
async fn read(reader: &Function, bytes: &[u8]) -> Result<Document, PdfError> {
    let promise = reader
        .call1(&JsValue::NULL, &js_sys::Uint8Array::from(bytes))
        .map_err(|e| failure(&e))?;
    let read = JsFuture::from(js_sys::Promise::resolve(&promise))
        .await
        .map_err(|e| failure(&e))?;
    let bytes = read
        .dyn_into::<js_sys::Uint8Array>()
        .map_err(|_| PdfError::Unreadable)?;
    crate::model::wire::from_bytes(&bytes.to_vec()).ok_or(PdfError::Unreadable)
}

/// The reader's failure: its `kind` names a [`PdfError`]; anything else (the module could not
/// load, pdf.js threw) is an unreadable file.
fn failure(error: &JsValue) -> PdfError {
    let kind = Reflect::get(error, &"kind".into())
        .ok()
        .and_then(|k| k.as_string());
    match kind.as_deref() {
        Some("Encrypted") => PdfError::Encrypted,
        Some("TooLarge") => PdfError::TooLarge,
        Some("NoText") => PdfError::NoText,
        _ => PdfError::Unreadable,
    }
}
