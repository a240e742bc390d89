//! The web app (Yew) and the JS API: thin layers over the checking core, built for wasm only.
//! One `State` with an `Action` reducer; one component per file, named by role.

mod api;
mod app;
mod browser;
mod export;
mod findings;
mod input;
mod sections;
mod source_view;
mod state;
mod summary;
mod tables;
#[cfg(test)]
mod tests;

pub use api::check;

/// Starts the app in `<body>` and publishes `window.nianbao.check`.
pub fn start() {
    api::publish();
    yew::Renderer::<app::App>::new().render();
}
