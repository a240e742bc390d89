//! Reading a `.docx` on the page, where there is no worker to do it (src/web/file_opener.rs):
//! the start-up script (or nianbao.js, or the one-file copy) gives `window.NIANBAO_DOCX`, a
//! function that loads the `.docx` reader's own wasm (src/docx_reader) when it is first
//! called and resolves to the document's [`wire`] bytes, or rejects with why the file cannot be
//! read (in Chinese).

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::input::docx::DocxError;
use crate::input::Document;
use crate::model::wire;

/// A `.docx`'s document, or what the user is told about it (without the file's name).
pub async fn open(bytes: &[u8]) -> Result<Document, String> {
    let not_here = || DocxError::NotHere.to_string();
    let reader = web_sys::window()
        .and_then(|w| Reflect::get(&w, &"NIANBAO_DOCX".into()).ok())
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(not_here)?;
    let promise = reader
        .call1(&JsValue::NULL, &js_sys::Uint8Array::from(bytes))
        .map_err(|_| not_here())?;
    match JsFuture::from(js_sys::Promise::resolve(&promise)).await {
        Ok(read) => read
            .dyn_into::<js_sys::Uint8Array>()
            .ok()
            .and_then(|bytes| wire::from_bytes(&bytes.to_vec()))
            .ok_or_else(not_here),
        // The reader's reason, or (it did not load) that it is not here.
        Err(reason) => Err(reason.as_string().unwrap_or_else(not_here)),
    }
}
