//! What the build puts into the app's pages for the app to read (`www/hooks/post_build.py`):
//! the sample report of 「用示例年报试一试」 (`www/sample.txt`) and every rule's Chinese title
//! and help (`www/rule-help.txt`, generated from the registry). Kept in the page, not in the
//! wasm, so that they cost the wasm nothing; they are in index.html, embed.html and the
//! one-file copy. A page without them (a portal's `<nianbao-checker>`) gets `None`: no sample
//! button, and the rule by its id only.

use std::rc::Rc;

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

/// The sample report, when the page has it.
pub fn sample() -> Option<String> {
    text_of("nianbao-sample")
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
