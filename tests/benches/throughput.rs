//! Extraction + check throughput over the shared fixtures, in MB/s on one core.
//! Run with `cargo bench`; prints one line per fixture and the total.
//!
//! Time is the thread's CPU time (the check runs on one thread), so the figure holds on a
//! shared machine where other work takes turns on the cores; the wall-clock figure is printed
//! beside it.

mod cpu_clock;
use cpu_clock::thread_cpu_time;

use std::path::Path;
use std::time::{Duration, Instant};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
    let mut fixtures: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("../shared/fixtures beside the repo")
        .filter_map(|e| {
            let path = e.ok()?.path();
            let name = path.file_name()?.to_str()?.to_string();
            name.ends_with(".txt").then(|| {
                let text = nianbao::input::decode(&std::fs::read(&path).unwrap()).unwrap();
                (name, text)
            })
        })
        .collect();
    fixtures.sort();
    let options = nianbao::Options::default();
    let mut total_bytes = 0usize;
    let mut total_time = Duration::ZERO;
    let mut total_wall = Duration::ZERO;
    println!(
        "{:<40} {:>9} {:>10} {:>9}",
        "fixture", "bytes", "µs/check", "MB/s"
    );
    for (name, text) in &fixtures {
        // Warm up, then run for at least 300 ms of CPU time.
        std::hint::black_box(nianbao::check_text(text, &options));
        let started = thread_cpu_time();
        let wall = Instant::now();
        let mut runs = 0u32;
        while thread_cpu_time() - started < Duration::from_millis(300) {
            std::hint::black_box(nianbao::check_text(std::hint::black_box(text), &options));
            runs += 1;
        }
        let took = thread_cpu_time() - started;
        total_wall += wall.elapsed() / runs;
        let per_check = took / runs;
        let mb_s = text.len() as f64 * runs as f64 / took.as_secs_f64() / 1e6;
        println!(
            "{name:<40} {:>9} {:>10.1} {mb_s:>9.1}",
            text.len(),
            per_check.as_secs_f64() * 1e6
        );
        total_bytes += text.len();
        total_time += per_check;
    }
    println!(
        "all fixtures: {total_bytes} bytes in {:.1} µs per pass = {:.1} MB/s",
        total_time.as_secs_f64() * 1e6,
        total_bytes as f64 / total_time.as_secs_f64() / 1e6
    );
    println!(
        "(wall clock: {:.1} µs per pass, {:.1} MB/s; slower than CPU time when the cores are shared)",
        total_wall.as_secs_f64() * 1e6,
        total_bytes as f64 / total_wall.as_secs_f64() / 1e6
    );
}
