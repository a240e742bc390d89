//! Opening files off the page's thread: a `.docx` can take seconds to unzip and lay out, so
//! it is sent to a checking worker of its own (the same script as [`super::worker`], kept for
//! the page's life), which answers with its [`Document`] or why it cannot be read. Where there
//! is no worker (the one-file copy, host pages) or it fails, the file is opened on the page.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::worker::url;
use crate::input::kind::kind;
use crate::input::{Document, FileKind};

/// Whether a file is opened in the worker: a `.docx` can take seconds to unzip and lay out.
/// HTML needs the page's `DOMParser` (workers have none), and text decodes quickly.
pub fn opens_off_page(name: &str, bytes: &[u8]) -> bool {
    kind(name, bytes) == FileKind::Docx
}

/// Opens a file in a worker kept for the page's life; `None` where there is no worker or it
/// failed (the caller then opens the file on the page).
pub async fn open_off_page(name: &str, bytes: &[u8]) -> Option<Result<Document, String>> {
    let (serial, reply) = FileOpener::with(|opener| opener.send(name, bytes))??;
    let data = JsFuture::from(reply).await.ok()?;
    FileOpener::with(|opener| opener.pending.borrow_mut().retain(|(s, _)| *s != serial));
    if let Ok(reason) = js_sys::Reflect::get(&data, &"reason".into()) {
        if let Some(reason) = reason.as_string() {
            return Some(Err(reason));
        }
    }
    let document = js_sys::Reflect::get(&data, &"document".into()).ok()?;
    let bytes = document.dyn_into::<js_sys::Uint8Array>().ok()?.to_vec();
    crate::model::wire::from_bytes(&bytes).map(Ok)
}

thread_local! {
    static OPENER: RefCell<Opener> = const { RefCell::new(Opener::NotStarted) };
}

enum Opener {
    NotStarted,
    Running(FileOpener),
    /// There is no worker script, or the worker failed: files open on the page.
    Unavailable,
}

/// The worker that opens files, and the replies it owes, by serial.
struct FileOpener {
    worker: web_sys::Worker,
    next_serial: Cell<u64>,
    pending: Rc<RefCell<Vec<(u64, js_sys::Function)>>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl FileOpener {
    /// `f` on the running opener, started on first use; `None` where there is none.
    fn with<T>(f: impl FnOnce(&FileOpener) -> T) -> Option<T> {
        OPENER.with(|opener| {
            let mut opener = opener.borrow_mut();
            if matches!(*opener, Opener::NotStarted) {
                *opener = match url().and_then(|url| FileOpener::start(&url).ok()) {
                    Some(started) => Opener::Running(started),
                    None => Opener::Unavailable,
                };
            }
            match &*opener {
                Opener::Running(running) => Some(f(running)),
                _ => None,
            }
        })
    }

    fn start(url: &str) -> Result<FileOpener, JsValue> {
        let worker = super::worker::start(url)?;
        let pending: Rc<RefCell<Vec<(u64, js_sys::Function)>>> = Rc::default();
        let on_message = {
            let pending = pending.clone();
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let data = event.data();
                let serial = js_sys::Reflect::get(&data, &"serial".into())
                    .ok()
                    .and_then(|serial| serial.as_f64());
                let resolve = serial.and_then(|serial| {
                    let pending = pending.borrow();
                    let found = pending.iter().find(|(s, _)| *s == serial as u64);
                    found.map(|(_, resolve)| resolve.clone())
                });
                if let Some(resolve) = resolve {
                    let _ = resolve.call1(&JsValue::NULL, &data);
                }
            })
        };
        // A failed worker answers every file with nothing (opened on the page instead), and
        // is not used again.
        let on_error = {
            let pending = pending.clone();
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_event: web_sys::Event| {
                for (_, resolve) in pending.borrow().iter() {
                    let _ = resolve.call1(&JsValue::NULL, &JsValue::UNDEFINED);
                }
                yew::platform::spawn_local(async {
                    OPENER.with(|opener| *opener.borrow_mut() = Opener::Unavailable);
                });
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(FileOpener {
            worker,
            next_serial: Cell::new(0),
            pending,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    /// Sends a file to open; its serial and the promise of the worker's reply.
    fn send(&self, name: &str, bytes: &[u8]) -> Option<(u64, js_sys::Promise)> {
        let serial = self.next_serial.get() + 1;
        self.next_serial.set(serial);
        let mut resolver = None;
        let reply = js_sys::Promise::new(&mut |resolve, _reject| resolver = Some(resolve));
        self.pending.borrow_mut().push((serial, resolver?));
        let open = js_sys::Object::new();
        js_sys::Reflect::set(&open, &"name".into(), &JsValue::from_str(name)).ok()?;
        js_sys::Reflect::set(&open, &"bytes".into(), &js_sys::Uint8Array::from(bytes)).ok()?;
        let message = js_sys::Object::new();
        js_sys::Reflect::set(
            &message,
            &"serial".into(),
            &JsValue::from_f64(serial as f64),
        )
        .ok()?;
        js_sys::Reflect::set(&message, &"open".into(), &open).ok()?;
        if self.worker.post_message(&message).is_err() {
            self.pending.borrow_mut().retain(|(s, _)| *s != serial);
            return None;
        }
        Some((serial, reply))
    }
}

impl Drop for FileOpener {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}
