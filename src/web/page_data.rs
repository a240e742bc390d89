//! What the build puts into the app's pages for the app to read (`www/hooks/post_build.py`):
//! the sample report of 「用示例年报试一试」 (`www/sample.txt`) and every rule's Chinese title
//! and help (`www/rule-help.txt`, generated from the registry). Kept in the page, not in the
//! wasm, so that they cost the wasm nothing; they are in index.html, embed.html and the
//! one-file copy; index.html and embed.html leave the sample out and get it on demand (the
//! start-up script's `window.NIANBAO_SAMPLE` imports sample-<hash>.js), which saves its bytes
//! in every first load. A page without them (a portal's `<nianbao-checker>`) gets `None`: no
//! sample button, and the rule by its id only.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::model::Rule;

/// A rule's title and its help, as the page holds them.
pub struct RuleHelp {
    pub title: String,
    /// What it checks, why, an example that fails, how to fix it.
    pub parts: Vec<String>,
}

thread_local! {
    /// The page's `www/rule-help.txt`, read once: the list is drawn again on every hover.
    static HELP: Option<Rc<str>> = text_of("nianbao-rule-help").map(Rc::from);
}

/// The text of the page's script element `id` (type text/plain: data, never run).
fn text_of(id: &str) -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id(id)?
        .text_content()
}

/// Whether the page has the sample report, in it or on demand.
pub fn has_sample() -> bool {
    let element = || {
        web_sys::window()?
            .document()?
            .get_element_by_id("nianbao-sample")
    };
    element().is_some() || sample_loader().is_some()
}

/// The start-up script's function that imports the sample report.
fn sample_loader() -> Option<js_sys::Function> {
    let window = web_sys::window()?;
    let loader = js_sys::Reflect::get(&window, &"NIANBAO_SAMPLE".into()).ok()?;
    loader.dyn_into().ok()
}

/// The sample report, when the page has it (in it, or imported on demand).
pub async fn sample() -> Option<String> {
    if let Some(text) = text_of("nianbao-sample") {
        return Some(text);
    }
    let promise = sample_loader()?.call0(&JsValue::NULL).ok()?;
    let text = JsFuture::from(js_sys::Promise::resolve(&promise))
        .await
        .ok()?;
    text.as_string()
}

/// The rule's title and help, when the page has them: its line of `www/rule-help.txt` (id,
/// title, then the four parts, separated by tabs).
pub fn rule_help(rule: Rule) -> Option<RuleHelp> {
    let help = HELP.with(Clone::clone)?;
    let prefix = format!("{}\t", rule.id());
    let line = help.lines().find_map(|line| line.strip_prefix(&prefix))?;
    let mut fields = line.split('\t').map(str::to_string);
    Some(RuleHelp {
        title: fields.next()?,
        parts: fields.collect(),
    })
}
