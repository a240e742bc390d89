//! The web app (Yew) and the JS API: thin layers over the checking core, built for wasm only.
//! One `State` with an `Action` reducer (`state.rs`); one component per file (`components/`).

mod api;
mod browser;
mod components;
mod paste;
mod state;
#[cfg(test)]
mod tests;
mod worker;

pub use api::{check, check_html, mount};

/// Publishes `window.nianbao` and starts the app in `<body>` on the app's own pages:
/// `<body data-nianbao="app">` (the text is kept in localStorage) or `"embed"` (the iframe
/// widget; nothing kept). A host page that loads the module gets only the API.
pub fn start() {
    api::publish();
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let props = match body.get_attribute("data-nianbao").as_deref() {
        Some("app") => components::app::AppProps {
            keep_text: true,
            offline_link: true,
            ..Default::default()
        },
        Some("embed") => components::app::AppProps::default(),
        _ => return,
    };
    yew::Renderer::<components::app::App>::with_root_and_props(body.into(), props).render();
}
