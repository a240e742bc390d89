//! Extraction + check throughput over the shared fixtures, in MB/s on one core.
//! Run with `cargo bench`; prints one line per fixture and the total.

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
                let text = nianbao::read::decode(&std::fs::read(&path).unwrap()).unwrap();
                (name, text)
            })
        })
        .collect();
    fixtures.sort();
    let options = nianbao::Options::default();
    let mut total_bytes = 0usize;
    let mut total_time = Duration::ZERO;
    println!(
        "{:<40} {:>9} {:>10} {:>9}",
        "fixture", "bytes", "µs/check", "MB/s"
    );
    for (name, text) in &fixtures {
        // Warm up, then run for at least 300 ms.
        std::hint::black_box(nianbao::check(text, &options));
        let started = Instant::now();
        let mut runs = 0u32;
        while started.elapsed() < Duration::from_millis(300) {
            std::hint::black_box(nianbao::check(std::hint::black_box(text), &options));
            runs += 1;
        }
        let took = started.elapsed();
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
}
