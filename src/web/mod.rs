//! The web app (Yew) and the JS API: thin layers over the checking core.
//!
//! - `state/`: the app's one `State` and the `Action` reducer; plain Rust, built on every
//!   target and tested natively (`cargo test`);
//! - `components/`: one component per file, `App` at the top; `hooks/`: what the components
//!   share (the debounced check, the text areas, what is kept in localStorage, the workers);
//! - `api.rs`: the JS API (`window.nianbao`, `nianbao.js`); `worker.rs`: checking in a Web
//!   Worker; `browser.rs`: the browser's services, and what it brings to opening a file;
//!   `paste.rs`: pasted tables and long pastes; `page_data.rs`: the sample and the rules' help,
//!   which the build puts into the page; `pdf.rs`: PDFs, read by pdf.js and laid out by a
//!   second wasm, both loaded on demand.
//!
//! All but `state/` is built for wasm only.

pub mod state;

#[cfg(target_arch = "wasm32")]
mod api;
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod components;
#[cfg(target_arch = "wasm32")]
mod docx;
#[cfg(target_arch = "wasm32")]
mod file_opener;
#[cfg(target_arch = "wasm32")]
mod hooks;
#[cfg(target_arch = "wasm32")]
mod page_data;
#[cfg(target_arch = "wasm32")]
mod paste;
#[cfg(target_arch = "wasm32")]
mod pdf;
#[cfg(all(test, target_arch = "wasm32"))]
mod tests;
#[cfg(target_arch = "wasm32")]
mod worker;

#[cfg(target_arch = "wasm32")]
pub use api::{check, check_html, mount};

/// Publishes `window.nianbao` and starts the app in `<body>` on the app's own pages:
/// `<body data-nianbao="app">` (the text is kept in localStorage) or `"embed"` (the iframe
/// widget; nothing kept). A host page that loads the module gets only the API.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use components::app::{App, AppProps};

    api::publish();
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let props = match body.get_attribute("data-nianbao").as_deref() {
        Some("app") => {
            // 下载离线版 is hidden while offline; the one-file copy (see
            // www/hooks/post_build.py) does not offer itself again.
            browser::mark_offline();
            AppProps {
                keep_text: true,
                offline_link: !body.has_attribute("data-one-file"),
                ..Default::default()
            }
        }
        Some("embed") => AppProps::default(),
        _ => return,
    };
    yew::Renderer::<App>::with_root_and_props(body.into(), props).render();
}
