//! The JS API: `check(text, options)` returns the object of one line of
//! `nianbao check --format json`, without `file` (`CONTRACT.md`); `options.previous` is last
//! year's report, for the cross-year checks.

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::browser;
use super::components::app::{App, AppProps};
use crate::model::{AgencyKind, Options, Report};
use crate::Document;

#[derive(Default, Deserialize)]
struct JsOptions {
    year: Option<i32>,
    kind: Option<String>,
    previous: Option<String>,
}

/// What a call asks for: the core's options, and last year's report when given.
struct Asked {
    options: Options,
    previous: Option<Document>,
}

/// Reads `options` (`{year, kind, previous}`, or nothing).
fn asked(value: &JsValue) -> Result<Asked, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Asked {
            options: Options::default(),
            previous: None,
        });
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
    Ok(Asked {
        options: Options {
            year: js.year,
            kind,
        },
        previous: match js.previous {
            Some(previous) => {
                within_limit(&previous)?;
                Some(Document::from_text(previous))
            }
            None => None,
        },
    })
}

/// The report as the object of one line of `nianbao check --format json`, without `file`.
pub(crate) fn to_js(report: &Report) -> Result<JsValue, JsValue> {
    parsed(&to_json(report))
}

/// The report as one line of `nianbao check --format json`, without `file`.
pub(crate) fn to_json(report: &Report) -> String {
    crate::output::json::to_string(None, report)
}

/// The object of a JSON text. The browser's `JSON.parse` makes it faster than building it
/// value by value from the wasm (measured 1.5×, `.ci/bench`).
fn parsed(json: &str) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(json)
}

/// Refuses a text (or page, or last year's report) over the 5 MB limit of every input, with
/// the message the page and the CLI give: the JS API and the iframe check on the caller's
/// thread, which a huge text would freeze.
fn within_limit(text: &str) -> Result<(), JsValue> {
    if text.len() > crate::input::decode::MAX_BYTES {
        return Err(JsValue::from_str(crate::input::decode::TOO_LARGE));
    }
    Ok(())
}

/// Checks report text; `options` may be `{year, kind, previous}` or omitted. A text over 5 MB
/// is refused (an error with the reason).
#[wasm_bindgen]
pub fn check(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    within_limit(text)?;
    let asked = asked(&options)?;
    let report = crate::check(
        &Document::from_text(text),
        asked.previous.as_ref(),
        &asked.options,
    );
    to_js(&report)
}

/// Checks an HTML page (or clipboard HTML) with its tables read from their cells: the object
/// of `check`, plus `text`, the page's text that `line` and `span` point into.
#[wasm_bindgen(js_name = checkHtml)]
pub fn check_html(html: &str, options: JsValue) -> Result<JsValue, JsValue> {
    within_limit(html)?;
    let asked = asked(&options)?;
    let document =
        browser::document_of_html(html).ok_or_else(|| JsValue::from_str("无法解析这段 HTML"))?;
    let report = crate::check(&document, asked.previous.as_ref(), &asked.options);
    let value = to_js(&report)?;
    js_sys::Reflect::set(&value, &"text".into(), &JsValue::from_str(&document.text))?;
    Ok(value)
}

#[derive(Default, Deserialize)]
struct MountOptions {
    #[serde(default)]
    compact: bool,
    value: Option<String>,
}

/// What `mount`'s callback gets after each check (the web component's `nianbao-result`).
#[derive(serde::Serialize)]
struct CheckSummary<'a> {
    errors: usize,
    warnings: usize,
    infos: usize,
    template: Option<&'static str>,
    report_year: Option<i32>,
    agency: Option<&'a str>,
    verdict: &'static str,
}

/// Renders an independent app into `element` (which may be in a shadow root): `options` is
/// `{compact, value}`; `on_result(summary)` is called after every check. Nothing is stored.
#[wasm_bindgen]
pub fn mount(
    element: web_sys::Element,
    options: JsValue,
    on_result: Option<js_sys::Function>,
) -> Result<(), JsValue> {
    let options: MountOptions = if options.is_undefined() || options.is_null() {
        MountOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| JsValue::from_str(&format!("options 无效：{e}")))?
    };
    let on_checked = on_result.map(|function| {
        yew::Callback::from(move |report: std::rc::Rc<Report>| {
            let counts = report.summary();
            let summary = CheckSummary {
                errors: counts.errors,
                warnings: counts.warnings,
                infos: counts.infos,
                template: report.template.map(|t| t.id()),
                report_year: report.report_year,
                agency: report.agency.as_deref(),
                verdict: report.verdict().id(),
            };
            let value = serde_json::to_string(&summary).map_err(|_| JsValue::NULL);
            if let Ok(value) = value.and_then(|json| parsed(&json)) {
                let _ = function.call1(&JsValue::NULL, &value);
            }
        })
    });
    let props = AppProps {
        compact: options.compact,
        initial: options.value.map(yew::AttrValue::from),
        on_checked,
        ..Default::default()
    };
    yew::Renderer::<App>::with_root_and_props(element, props).render();
    Ok(())
}

/// `window.nianbao = { check, checkHtml, mount }`, for tests and host pages.
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
    let check_html = Closure::<dyn Fn(String, JsValue) -> Result<JsValue, JsValue>>::new(
        |html: String, options: JsValue| check_html(&html, options),
    );
    let _ = js_sys::Reflect::set(&api, &"checkHtml".into(), check_html.as_ref());
    check_html.forget();
    let mount = Closure::<
        dyn Fn(web_sys::Element, JsValue, Option<js_sys::Function>) -> Result<(), JsValue>,
    >::new(mount);
    let _ = js_sys::Reflect::set(&api, &"mount".into(), mount.as_ref());
    mount.forget();
    let _ = js_sys::Reflect::set(&window, &"nianbao".into(), &api);
}
