//! The hostile inputs of `tests/worst_cases` (10 MB pastes, phrases repeated over megabytes,
//! a 3 MB last year's report, a grid of hostile size), each checked and timed against its
//! budget. Run with `cargo bench --bench worst_cases` (`.ci/bench` does); exits 1 when a budget
//! is missed. The tests check what the checker makes of the same inputs, never how long it
//! takes.
//!
//! Time is the thread's CPU time (the check runs on one thread), so the figure holds on a
//! shared machine; the wall-clock time is printed beside it. Each input is checked three
//! times and the fastest run counts.

mod cpu_clock;
use cpu_clock::thread_cpu_time;

use std::time::{Duration, Instant};

#[path = "../worst_cases/mod.rs"]
mod worst_cases;

/// What a check of this input may take, in CPU time. The inputs are 3–10 MB: each reader is
/// linear, so they take well under a second in release (a quadratic reader would take minutes).
const BUDGET: Duration = Duration::from_secs(2);

fn main() {
    let options = nianbao::Options::default();
    let mut rows: Vec<(String, usize, Duration, Duration)> = Vec::new();
    let mut time = |name: &str, bytes: usize, run: &mut dyn FnMut()| {
        let (mut cpu, mut wall) = (Duration::MAX, Duration::MAX);
        for _ in 0..3 {
            let (started, at) = (thread_cpu_time(), Instant::now());
            run();
            cpu = cpu.min(thread_cpu_time() - started);
            wall = wall.min(at.elapsed());
        }
        rows.push((name.to_string(), bytes, cpu, wall));
    };
    for (name, text) in worst_cases::ten_megabyte_pastes() {
        time(&format!("paste: {name}"), text.len(), &mut || {
            std::hint::black_box(nianbao::check_text(&text, &options));
        });
    }
    for (name, text) in worst_cases::repeated_phrases() {
        time(&format!("phrases: {name}"), text.len(), &mut || {
            std::hint::black_box(nianbao::check_text(&text, &options));
        });
    }
    let (text, huge) = worst_cases::huge_last_year();
    let (text, huge) = (
        nianbao::Document::from_text(&text),
        nianbao::Document::from_text(&huge),
    );
    time(
        "last year with section 一 of 3 MB",
        text.text.len() + huge.text.len(),
        &mut || {
            std::hint::black_box(nianbao::check(&text, Some(&huge), &options));
        },
    );
    let grid = worst_cases::huge_grid();
    time(
        "grid: 250 label cells, 3,000 header rows, 50,000 cells",
        grid.text.len(),
        &mut || {
            std::hint::black_box(nianbao::check(&grid, None, &options));
        },
    );

    println!(
        "{:<56} {:>8} {:>10} {:>10} {:>8}",
        "worst case", "MB", "CPU ms", "wall ms", "budget"
    );
    let mut missed = 0;
    for (name, bytes, cpu, wall) in &rows {
        let pass = *cpu <= BUDGET;
        missed += usize::from(!pass);
        println!(
            "{name:<56} {:>8.1} {:>10.0} {:>10.0} {:>6} ms {}",
            *bytes as f64 / 1e6,
            cpu.as_secs_f64() * 1e3,
            wall.as_secs_f64() * 1e3,
            BUDGET.as_millis(),
            if pass { "✓" } else { "✗ over budget" }
        );
    }
    if missed > 0 {
        println!("{missed} worst case(s) over the budget of {BUDGET:?} CPU time");
        std::process::exit(1);
    }
}
