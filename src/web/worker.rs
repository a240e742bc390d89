//! Checking in a Web Worker, so that the page stays responsive however long the text.
//!
//! The start-up script (`www/hooks/post_build.py`) writes `worker-<hash>.js`, which loads this
//! same wasm and answers `{serial, text, grids?, previous}` with `{serial, report}` (from
//! [`report_in_worker`], exported to it as `check_in_worker`; `grids` are the cell grids of
//! pasted tables, `previous` is last year's report, empty for none), and sets
//! `window.NIANBAO_WORKER` to its URL. Where that is not set (the one-file copy from
//! file://, host pages using `nianbao.js`) or the worker fails, the app checks on the page.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::browser;
use super::state::{self, Request};
use crate::input::Grid;
use crate::model::Report;

/// What the worker sends back.
pub enum Reply {
    /// The report on the text sent with `serial`.
    Report { serial: u64, report: Box<Report> },
    /// The worker cannot be used (it failed to start, or sent something unreadable).
    Failed,
}

/// In the worker (whose script calls it `check_in_worker`): the report on `text`, with the
/// cell grids of its pasted tables when `grids` is not `undefined`, and against last year's
/// `previous` when that is not empty; the whole [`Report`], as a JS value for `postMessage`.
#[wasm_bindgen(js_name = check_in_worker)]
pub fn report_in_worker(text: &str, grids: JsValue, previous: &str) -> Result<JsValue, JsValue> {
    let grids: Option<Vec<Grid>> = if grids.is_undefined() || grids.is_null() {
        None
    } else {
        Some(serde_wasm_bindgen::from_value(grids).map_err(|e| JsValue::from_str(&e.to_string()))?)
    };
    let report = state::report(text, grids.as_deref(), previous);
    // Integers as BigInt: a cell may hold more than 2^53.
    let serializer =
        serde_wasm_bindgen::Serializer::new().serialize_large_number_types_as_bigints(true);
    serde::Serialize::serialize(&report, &serializer).map_err(|e| JsValue::from_str(&e.to_string()))
}

/// The worker script's URL, when the start-up script gave one.
pub fn url() -> Option<String> {
    let window = web_sys::window()?;
    let value = js_sys::Reflect::get(&window, &"NIANBAO_WORKER".into()).ok()?;
    value.as_string().filter(|url| !url.is_empty())
}

/// A worker for one app; terminated with it.
pub struct CheckWorker {
    worker: web_sys::Worker,
    /// The serial of the last text sent: older reports are not even read.
    latest: Rc<Cell<u64>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl CheckWorker {
    /// A worker that hands each reply for the latest text sent to `on_reply`.
    pub fn new(url: &str, on_reply: impl Fn(Reply) + 'static) -> Result<CheckWorker, JsValue> {
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options(url, &options)?;
        let latest = Rc::new(Cell::new(0));
        let on_reply = Rc::new(on_reply);
        let on_message = {
            let on_reply = on_reply.clone();
            let latest = latest.clone();
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                if let Some(reply) = read_reply(&event.data(), latest.get()) {
                    on_reply(reply);
                }
            })
        };
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_event: web_sys::Event| {
            on_reply(Reply::Failed);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(CheckWorker {
            worker,
            latest,
            _on_message: on_message,
            _on_error: on_error,
        })
    }

    pub fn post(&self, serial: u64, request: &Request) -> Result<(), JsValue> {
        let message = js_sys::Object::new();
        js_sys::Reflect::set(
            &message,
            &"serial".into(),
            &JsValue::from_f64(serial as f64),
        )?;
        js_sys::Reflect::set(&message, &"text".into(), &JsValue::from_str(&request.text))?;
        js_sys::Reflect::set(
            &message,
            &"previous".into(),
            &JsValue::from_str(&request.previous),
        )?;
        if let Some(grids) = &request.grids {
            let grids = serde_wasm_bindgen::to_value(&**grids)
                .map_err(|e| JsValue::from_str(&e.to_string()))?;
            js_sys::Reflect::set(&message, &"grids".into(), &grids)?;
        }
        self.latest.set(serial);
        self.worker.post_message(&message)
    }
}

impl Drop for CheckWorker {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// `{serial, report}`: the report; `None` for a report on an older text than `latest` (left
/// unread); [`Reply::Failed`] for anything else (`{error}` from the worker, or a report this
/// build cannot read).
fn read_reply(data: &JsValue, latest: u64) -> Option<Reply> {
    let serial = js_sys::Reflect::get(data, &"serial".into())
        .ok()
        .and_then(|serial| serial.as_f64());
    let Some(serial) = serial.map(|serial| serial as u64) else {
        return Some(Reply::Failed);
    };
    if serial < latest {
        return None;
    }
    let report = js_sys::Reflect::get(data, &"report".into())
        .ok()
        .filter(|report| !report.is_undefined())
        .and_then(|report| serde_wasm_bindgen::from_value(report).ok());
    Some(match report {
        Some(report) => Reply::Report {
            serial,
            report: Box::new(report),
        },
        None => Reply::Failed,
    })
}

/// In the worker (whose script calls it `open_in_worker`): a `.docx` opened off the page's
/// thread; its [`crate::input::Document`] as a JS value, or why it cannot be read (a string, in Chinese).
#[wasm_bindgen(js_name = open_in_worker)]
pub fn document_in_worker(name: &str, bytes: &[u8]) -> Result<JsValue, JsValue> {
    match crate::input::open(name, bytes, &browser::PLATFORM) {
        Ok(document) => {
            serde_wasm_bindgen::to_value(&document).map_err(|e| JsValue::from_str(&e.to_string()))
        }
        Err(reason) => Ok(JsValue::from_str(&reason.to_string())),
    }
}
