//! The web app (Yew) and the JS API: thin layers over the checking core, built for wasm only.
//! One `State` with an `Action` reducer; one component per file, named by role.

mod api;
mod app;
mod batch;
mod browser;
mod export;
mod findings;
mod input;
mod long_text;
mod paste;
mod previous;
mod sections;
mod source_view;
mod state;
mod summary;
mod tables;
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
        Some("app") => app::AppProps {
            keep_text: true,
            offline_link: true,
            ..Default::default()
        },
        Some("embed") => app::AppProps::default(),
        _ => return,
    };
    yew::Renderer::<app::App>::with_root_and_props(body.into(), props).render();
}
