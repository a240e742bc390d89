//! The few browser services the app uses: local storage, page-hidden events, downloads,
//! reading local files, scrolling, printing; and what the browser brings to opening a file
//! ([`PLATFORM`]: its `TextDecoder` and `DOMParser`). Nothing here touches the network.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::input::decode::Encoding;
use crate::input::docx::DocxError;
use crate::input::dom::{self, Node};
use crate::input::html::{self, HtmlError};
use crate::input::open::Platform;
use crate::input::pdf::PdfError;
use crate::input::Document;
use crate::web::file_opener;

const STORAGE_KEY: &str = "nianbao.text";
/// Last year's report, for the cross-year checks.
const PREVIOUS_KEY: &str = "nianbao.previous";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load_text() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok().flatten()
}

/// Keeps the text so that a reload loses nothing. A text too large for the browser's quota is
/// simply not kept (the page says nothing is lost only while it is open).
pub fn save_text(text: &str) -> bool {
    storage().is_some_and(|s| s.set_item(STORAGE_KEY, text).is_ok())
}

/// Forgets the text and last year's report.
pub fn forget_text() {
    if let Some(s) = storage() {
        let _ = s.remove_item(STORAGE_KEY);
        let _ = s.remove_item(PREVIOUS_KEY);
    }
}

pub fn load_previous() -> Option<String> {
    storage()?.get_item(PREVIOUS_KEY).ok().flatten()
}

/// Keeps last year's report (empty: forgets it), as [`save_text`] does the text.
pub fn save_previous(text: &str) -> bool {
    storage().is_some_and(|s| {
        if text.is_empty() {
            s.remove_item(PREVIOUS_KEY).is_ok()
        } else {
            s.set_item(PREVIOUS_KEY, text).is_ok()
        }
    })
}

/// Calls `on_hidden` when the page is hidden or left (`visibilitychange`, `pagehide`: a
/// reload, a closed tab, another page), for as long as the returned listeners live.
pub fn on_page_hidden(on_hidden: impl Fn() + 'static) -> Option<PageListeners> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let callback = Closure::<dyn Fn()>::new(on_hidden);
    let function: &js_sys::Function = callback.as_ref().unchecked_ref();
    window
        .add_event_listener_with_callback("pagehide", function)
        .ok()?;
    let _ = document.add_event_listener_with_callback("visibilitychange", function);
    Some(PageListeners {
        window,
        document,
        callback,
    })
}

/// The listeners of [`on_page_hidden`], removed when dropped.
pub struct PageListeners {
    window: web_sys::Window,
    document: web_sys::Document,
    callback: Closure<dyn Fn()>,
}

impl Drop for PageListeners {
    fn drop(&mut self) {
        let function: &js_sys::Function = self.callback.as_ref().unchecked_ref();
        let _ = self
            .window
            .remove_event_listener_with_callback("pagehide", function);
        let _ = self
            .document
            .remove_event_listener_with_callback("visibilitychange", function);
    }
}

/// Today in the browser's time zone, `YYYY-MM-DD`: the date an export says it was checked.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// `navigator.onLine`: false when the browser knows it has no network (true if it cannot tell).
pub fn is_online() -> bool {
    let online = web_sys::window().and_then(|w| {
        let navigator = js_sys::Reflect::get(&w, &JsValue::from_str("navigator")).ok()?;
        js_sys::Reflect::get(&navigator, &JsValue::from_str("onLine")).ok()
    });
    online.and_then(|o| o.as_bool()).unwrap_or(true)
}

/// Keeps the class `offline` on `<html>` while the browser has no network, for the page's
/// whole life: the style sheet hides what needs the network (下载离线版). A class, not app
/// state: no hook, no redraw, and less wasm.
pub fn mark_offline() {
    let update = || {
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element());
        if let Some(root) = root {
            let _ = root.class_list().toggle_with_force("offline", !is_online());
        }
    };
    update();
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::<dyn Fn()>::new(update);
    for event in ["online", "offline"] {
        let _ = window.add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
    }
    callback.forget();
}

/// Offers `bytes` as a file download, generated in the page.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// The bytes of a file the user chose or dropped, read locally.
async fn read_file(file: web_sys::File) -> Result<Vec<u8>, JsValue> {
    let buffer = JsFuture::from(file.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A local file read as its kind says (text, a .docx or a PDF with its tables' grids), or why
/// it cannot be read (without the file's name): an old .doc gets plain advice. A .docx is
/// opened in a worker where there is one, and a PDF by pdf.js, so that the page does not freeze.
pub async fn open_file(file: web_sys::File) -> Result<Document, String> {
    let name = file.name();
    let bytes = read_file(file)
        .await
        .map_err(|_| "无法读取这个文件".to_string())?;
    // A PDF is read by pdf.js, asynchronously (the platform's read_pdf is synchronous).
    if crate::input::kind::kind(&name, &bytes) == crate::input::kind::FileKind::Pdf {
        return super::pdf::open(&bytes).await;
    }
    // A .docx by the reader's own wasm: in the worker, or on the page where there is none.
    if file_opener::opens_off_page(&name, &bytes) {
        if let Some(opened) = file_opener::open_off_page(&name, &bytes).await {
            return opened;
        }
        return super::docx::open(&bytes).await;
    }
    crate::input::open(&name, &bytes, &PLATFORM).map_err(|e| e.to_string())
}

/// A file input's `onchange`: its files go to `on_files`, and it is emptied, so that the same
/// file can be chosen again.
pub fn on_files_chosen(
    on_files: yew::Callback<web_sys::FileList>,
) -> yew::Callback<web_sys::Event> {
    yew::Callback::from(move |event: web_sys::Event| {
        let input = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok());
        if let Some(input) = input {
            if let Some(files) = input.files() {
                on_files.emit(files);
            }
            input.set_value("");
        }
    })
}

/// What the browser brings to opening a file: its own decoders for UTF-16 and GB18030/GBK
/// (keeping encoding_rs's tables out of the wasm keeps the page small) and its `DOMParser`.
/// PDFs are read asynchronously by pdf.js ([`super::pdf`]), so not through `read_pdf`.
pub const PLATFORM: Platform = Platform {
    decoder: &decode_encoding,
    parse_html: &parse_html,
    read_pdf: &|_| Err(PdfError::NotHere),
    read_docx: &|_| Err(DocxError::NotHere),
};

/// The browser's `TextDecoder` for the encodings other than UTF-8; `None` for bytes that are
/// not valid in that encoding.
fn decode_encoding(encoding: Encoding, bytes: &[u8]) -> Option<String> {
    let label = match encoding {
        Encoding::Utf16Le => "utf-16le",
        Encoding::Utf16Be => "utf-16be",
        Encoding::Gb18030 => "gb18030",
    };
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    let decoder = web_sys::TextDecoder::new_with_label_and_options(label, &options).ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

/// The tree of a page's body, parsed by the browser (the web app's HTML parser); more than
/// [`html::MAX_ELEMENTS`] elements are not converted.
fn parse_html(page: &str) -> Result<Node, HtmlError> {
    // An inert document: its scripts do not run and nothing is loaded.
    let parser = web_sys::DomParser::new().map_err(|_| HtmlError::Unreadable)?;
    let page = parser
        .parse_from_string(page, web_sys::SupportedType::TextHtml)
        .map_err(|_| HtmlError::Unreadable)?;
    let body = page.body().ok_or(HtmlError::Unreadable)?;
    let mut elements = 0;
    let root = convert(&body.into(), 0, &mut elements);
    if elements > html::MAX_ELEMENTS {
        return Err(HtmlError::TooManyElements);
    }
    root.ok_or(HtmlError::Unreadable)
}

/// The document of a page's HTML, parsed by the browser.
pub fn document_of_html(page: &str) -> Option<Document> {
    html::document(page, &parse_html).ok()
}

/// A node of the browser's tree as the core's layout rules take it; below [`dom::MAX_DEPTH`]
/// an element keeps only its text. Counts the elements converted in `elements`, and stops
/// past [`html::MAX_ELEMENTS`].
fn convert(node: &web_sys::Node, depth: usize, elements: &mut usize) -> Option<Node> {
    match node.node_type() {
        web_sys::Node::TEXT_NODE => node.node_value().map(Node::Text),
        web_sys::Node::ELEMENT_NODE => {
            *elements += 1;
            if *elements > html::MAX_ELEMENTS {
                return None;
            }
            let element: &web_sys::Element = node.dyn_ref()?;
            let children = if depth >= dom::MAX_DEPTH {
                vec![Node::Text(node.text_content().unwrap_or_default())]
            } else {
                let list = node.child_nodes();
                (0..list.length())
                    .filter_map(|i| list.item(i))
                    .filter_map(|child| convert(&child, depth + 1, elements))
                    .collect()
            };
            Some(Node::element(
                &element.local_name(),
                dom::span_attribute(element.get_attribute("colspan").as_deref()),
                dom::span_attribute(element.get_attribute("rowspan").as_deref()),
                children,
            ))
        }
        _ => None,
    }
}

/// Scrolls the scroll box `list` so that `item` (any element inside it) is in its middle. The window stays where it is
/// (`scrollIntoView` would move it too, taking what the user clicked off the screen). `list`
/// must be positioned, so that it is the offset parent of its items.
pub fn scroll_within(list: &web_sys::Element, item: &web_sys::Element) {
    let (Some(list), Some(item)) = (
        list.dyn_ref::<web_sys::HtmlElement>(),
        item.dyn_ref::<web_sys::HtmlElement>(),
    ) else {
        return;
    };
    // An item taller than the box (a whole table on one line) shows its start.
    let room = (list.client_height() - item.offset_height()).max(0);
    list.set_scroll_top((item.offset_top() - room / 2).max(0));
}

/// A saved copy opened from disk: there is no server to offer files from.
pub fn opened_from_file() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:")
}

pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
