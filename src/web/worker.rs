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

use super::state::{self, Request};
use crate::input::Grid;
use crate::model::{wire, Report};

/// What the worker sends back.
pub enum Reply {
    /// The report on the text sent with `serial`.
    Report { serial: u64, report: Box<Report> },
    /// The worker cannot be used (it failed to start, or sent something unreadable).
    Failed,
}

/// In the worker (whose script calls it `check_in_worker`): the report on `text`, with the
/// cell grids of its pasted tables when `grids` (their [`wire`] bytes) is not `undefined`, and
/// against last year's `previous` when that is not empty; the whole [`Report`] as [`wire`]
/// bytes, for `postMessage`.
#[wasm_bindgen(js_name = check_in_worker)]
pub fn report_in_worker(
    text: &str,
    grids: Option<Vec<u8>>,
    previous: &str,
) -> Result<Vec<u8>, JsValue> {
    let grids: Option<Vec<Grid>> = match grids {
        None => None,
        Some(bytes) => Some(wire::from_bytes(&bytes).ok_or("unreadable grids")?),
    };
    let report = state::report(text, grids.as_deref(), previous);
    Ok(wire::to_bytes(&report)?)
}

/// A checking worker running `url` (worker-<hash>.js), given the page's compiled wasm module
/// (`window.NIANBAO_MODULE`) in its first message, so that it does not compile it again.
pub fn start(url: &str) -> Result<web_sys::Worker, JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let module = js_sys::Reflect::get(&window, &"NIANBAO_MODULE".into())?;
    if !module.is_instance_of::<js_sys::WebAssembly::Module>() {
        return Err("no compiled module for the worker".into());
    }
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(url, &options)?;
    let message = js_sys::Object::new();
    js_sys::Reflect::set(&message, &"module".into(), &module)?;
    worker.post_message(&message)?;
    Ok(worker)
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
        let worker = start(url)?;
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
            let grids = js_sys::Uint8Array::from(&wire::to_bytes(&**grids)?[..]);
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
        .and_then(|report| report.dyn_into::<js_sys::Uint8Array>().ok())
        .and_then(|bytes| wire::from_bytes(&bytes.to_vec()));
    Some(match report {
        Some(report) => Reply::Report {
            serial,
            report: Box::new(report),
        },
        None => Reply::Failed,
    })
}
