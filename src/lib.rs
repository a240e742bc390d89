//! 年报校验 · nianbao: the checking core (`nianbao-core`, in `src/core/`, re-exported here) and
//! its two adapters: the `nianbao` command line (`src/cli/`, native, with [`native`] for what
//! the native platform brings to opening files) and the web app with its JS API (`src/web/`,
//! wasm; its state and reducer, `web::state`, build and are tested on every target).

pub use nianbao_core::*;

#[cfg(not(target_arch = "wasm32"))]
pub mod native;

pub mod web;
