//! The `nianbao` binary: the command line natively, the web app when built for wasm by Trunk.

#[cfg(not(target_arch = "wasm32"))]
mod cli;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {
    nianbao::web::start();
}
