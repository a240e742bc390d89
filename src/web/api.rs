//! The JS API: `check(text, options)` returns the object of one line of
//! `nianbao check --format json`, without `file` (`CONTRACT.md`).

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::model::{AgencyKind, Options};
use crate::output::json::JsonReport;

#[derive(Default, Deserialize)]
struct JsOptions {
    year: Option<i32>,
    kind: Option<String>,
}

fn options_from(value: &JsValue) -> Result<Options, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Options::default());
    }
    let js: JsOptions = serde_wasm_bindgen::from_value(value.clone())
        .map_err(|e| JsValue::from_str(&format!("options 无效：{e}")))?;
    let kind = match js.kind.as_deref() {
        None => None,
        Some("department") => Some(AgencyKind::Department),
        Some("government") => Some(AgencyKind::Government),
        Some(other) => {
            return Err(JsValue::from_str(&format!(
                "options.kind 只能是 department 或 government，收到「{other}」"
            )))
        }
    };
    Ok(Options {
        year: js.year,
        kind,
    })
}

/// Checks report text; `options` may be `{year, kind}` or omitted.
#[wasm_bindgen]
pub fn check(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    let report = crate::check(text, &options_from(&options)?);
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(
        &JsonReport {
            file: None,
            report: &report,
        },
        &serializer,
    )
    .map_err(|e| JsValue::from_str(&e.to_string()))
}

/// `window.nianbao = { check }`, for tests and host pages.
pub fn publish() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let api = js_sys::Object::new();
    let check = Closure::<dyn Fn(String, JsValue) -> Result<JsValue, JsValue>>::new(
        |text: String, options: JsValue| check(&text, options),
    );
    let _ = js_sys::Reflect::set(&api, &"check".into(), check.as_ref());
    check.forget();
    let _ = js_sys::Reflect::set(&window, &"nianbao".into(), &api);
}
