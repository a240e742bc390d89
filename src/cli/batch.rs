//! Many reports at once: folders are walked for report files, and `--summary csv` prints one
//! CSV line per file (checked on a few threads, printed in the order of the inputs), with
//! progress on stderr for long batches.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use nianbao::output::summary::{self, SummaryRow};
use nianbao::output::text::shown_name;
use nianbao::Document;
use nianbao::Options;

/// The endings (lower case, without the dot) of the files checked inside a folder. Files
/// named on the command line are checked whatever their ending.
pub const FOLDER_EXTENSIONS: &[&str] = &["txt", "html", "htm", "docx"];

/// Whether a file found in a folder is a report to check.
pub fn checked_in_folder(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(stem, ending)| {
        !stem.is_empty()
            && FOLDER_EXTENSIONS
                .iter()
                .any(|e| ending.eq_ignore_ascii_case(e))
    })
}

/// One file to check: a path as given or found in a folder, or a folder that gave nothing to
/// check (which is reported, never dropped).
pub struct Input {
    pub file: String,
    /// Why this cannot be checked, without the file's name.
    problem: Option<String>,
}

impl Input {
    fn file(file: String) -> Input {
        Input {
            file,
            problem: None,
        }
    }

    /// The file read as its kind says; the error names the file.
    pub fn document(&self) -> Result<Document, String> {
        match &self.problem {
            Some(problem) => Err(format!("{}：{problem}", shown_name(&self.file))),
            None => super::read_document(&self.file),
        }
    }
}

/// The files to check, in order: each argument as given, except that a folder becomes the
/// report files inside it and its subfolders, sorted by name. Other files found in folders
/// are skipped, and stderr says how many.
pub fn inputs(args: &[String]) -> Vec<Input> {
    let mut inputs = Vec::new();
    let mut skipped = Vec::new();
    let mut special = Vec::new();
    for arg in args {
        if arg != "-" && Path::new(arg).is_dir() {
            let before = inputs.len();
            walk(Path::new(arg), &mut inputs, &mut skipped, &mut special);
            if inputs.len() == before {
                inputs.push(Input {
                    file: arg.clone(),
                    problem: Some(format!(
                        "文件夹中没有可检查的文件（{}）",
                        endings_in_words()
                    )),
                });
            }
        } else {
            inputs.push(Input::file(arg.clone()));
        }
    }
    if !special.is_empty() {
        let examples: Vec<String> = special
            .iter()
            .take(3)
            .map(|name| shown_name(name).into_owned())
            .collect();
        say!(
            "已跳过文件夹中 {} 个不是普通文件的项目（管道、设备、套接字等，如 {}）",
            special.len(),
            examples.join("、")
        );
    }
    if !skipped.is_empty() {
        let examples: Vec<String> = skipped
            .iter()
            .take(3)
            .map(|name| shown_name(name).into_owned())
            .collect();
        say!(
            "已跳过文件夹中 {} 个不是 {} 的文件（如 {}）",
            skipped.len(),
            endings_in_words(),
            examples.join("、")
        );
    }
    inputs
}

fn endings_in_words() -> String {
    FOLDER_EXTENSIONS
        .iter()
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>()
        .join("、")
}

/// Adds the report files under `dir`, sorted by name at each level; a folder that cannot be
/// listed becomes an input that says so. What is neither a folder nor a regular file (a named
/// pipe, which would wait for a writer forever; a device; a socket) goes to `special`.
fn walk(dir: &Path, inputs: &mut Vec<Input>, skipped: &mut Vec<String>, special: &mut Vec<String>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) => {
            inputs.push(Input {
                file: dir.to_string_lossy().into_owned(),
                problem: Some(format!("无法读取文件夹：{error}")),
            });
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|entry| entry.file_name());
    for entry in entries {
        let path = entry.path();
        let shown = path.to_string_lossy().into_owned();
        // Symbolic links are followed to files, not into folders (no loops).
        let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
        if path.is_dir() {
            if is_link {
                skipped.push(shown);
            } else {
                walk(&path, inputs, skipped, special);
            }
            continue;
        }
        if !std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
            special.push(shown);
            continue;
        }
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            // Opening it by a lossy name would fail with a misleading message.
            if checked_in_folder(&entry.file_name().to_string_lossy()) {
                inputs.push(Input {
                    file: shown,
                    problem: Some("文件名不是 UTF-8 编码，无法打开：请改名后再检查".to_string()),
                });
            } else {
                skipped.push(shown);
            }
            continue;
        };
        if checked_in_folder(&name) {
            inputs.push(Input::file(shown));
        } else {
            skipped.push(shown);
        }
    }
}

/// The summary line of one input; a reading problem is the row's note.
fn summarize(input: &Input, options: &Options, previous: Option<&Document>) -> SummaryRow {
    let document = match input.document() {
        Ok(document) => document,
        Err(message) => {
            let reason = message
                .strip_prefix(&format!("{}：", input.file))
                .unwrap_or(&message);
            return SummaryRow::unreadable(&input.file, reason);
        }
    };
    // One report that trips a bug must not cost the rest of the batch.
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        nianbao::check(&document, previous, options)
    })) {
        Ok(report) => SummaryRow::checked(&input.file, &report),
        Err(_) => {
            SummaryRow::unreadable(&input.file, "检查这个文件时程序出错（请把文件发给开发者）")
        }
    }
}

/// Summarizes every input on a few threads and hands the rows to `emit` in input order;
/// stops early when `emit` returns false.
fn summarize_in_order(
    inputs: &[Input],
    options: &Options,
    previous: Option<&Document>,
    mut emit: impl FnMut(SummaryRow) -> bool,
) {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
        .min(inputs.len());
    if threads <= 1 {
        for input in inputs {
            if !emit(summarize(input, options, previous)) {
                return;
            }
        }
        return;
    }
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(input) = inputs.get(index) else {
                    break;
                };
                // The receiver is gone when output stopped: stop too.
                if sender
                    .send((index, summarize(input, options, previous)))
                    .is_err()
                {
                    break;
                }
            });
        }
        drop(sender);
        let mut waiting: Vec<Option<SummaryRow>> = vec![None; inputs.len()];
        let mut printed = 0;
        for (index, row) in receiver.iter() {
            waiting[index] = Some(row);
            while let Some(row) = waiting.get_mut(printed).and_then(Option::take) {
                printed += 1;
                if !emit(row) {
                    // Let the threads finish the file in hand and stop.
                    next.store(inputs.len(), Ordering::Relaxed);
                    return;
                }
            }
        }
    });
}

/// `--summary csv`: the header, then one line per input. Exit code 2 if a file could not be
/// read, else 1 if a report has errors, else 0.
pub fn summary_csv(inputs: &[Input], options: &Options, previous: Option<&Document>) -> ExitCode {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut progress = Progress::new(inputs.len());
    let mut failed = 0usize;
    let mut unreadable = 0usize;
    let mut written = out.write_all(summary::csv_header().as_bytes()).is_ok();
    summarize_in_order(inputs, options, previous, |row| {
        match &row.counts {
            None => {
                unreadable += 1;
                progress.note(&format!("{}：{}", shown_name(&row.file), row.note));
            }
            Some(counts) if counts.errors > 0 => failed += 1,
            Some(_) => {}
        }
        written = written && out.write_all(row.csv_line().as_bytes()).is_ok();
        progress.step();
        written
    });
    written = written && out.flush().is_ok();
    progress.finish(failed, unreadable);
    if !written || unreadable > 0 {
        // A reader that went away (`| head`) also ends here.
        ExitCode::from(2)
    } else if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Without a terminal on stderr, a progress line every this many files (so a short batch
/// prints nothing).
const LINE_EVERY: usize = 100;
/// On a terminal, the count is redrawn at most this often.
const REDRAW: Duration = Duration::from_millis(100);

#[derive(PartialEq)]
enum ProgressStyle {
    /// `已检查 120/800`, redrawn in place: stderr is a terminal and the rows go elsewhere.
    InPlace,
    /// A line every [`LINE_EVERY`] files: stderr is a file or a pipe.
    Lines,
    /// The rows themselves show progress: stdout and stderr are the same terminal.
    Off,
}

struct Progress {
    style: ProgressStyle,
    total: usize,
    done: usize,
    drawn: Option<Instant>,
}

impl Progress {
    fn new(total: usize) -> Progress {
        let style = match (
            std::io::stderr().is_terminal(),
            std::io::stdout().is_terminal(),
        ) {
            (true, false) => ProgressStyle::InPlace,
            (true, true) => ProgressStyle::Off,
            (false, _) => ProgressStyle::Lines,
        };
        Progress {
            style,
            total,
            done: 0,
            drawn: None,
        }
    }

    fn step(&mut self) {
        self.done += 1;
        match self.style {
            ProgressStyle::InPlace => {
                let due = self.drawn.is_none_or(|at| at.elapsed() >= REDRAW);
                if due || self.done == self.total {
                    say_raw!("\r已检查 {}/{}", self.done, self.total);
                    self.drawn = Some(Instant::now());
                }
            }
            ProgressStyle::Lines => {
                if self.total >= LINE_EVERY
                    && (self.done.is_multiple_of(LINE_EVERY) || self.done == self.total)
                {
                    say!("已检查 {}/{}", self.done, self.total);
                }
            }
            ProgressStyle::Off => {}
        }
    }

    /// A message on its own line, above the count.
    fn note(&mut self, message: &str) {
        if self.style == ProgressStyle::InPlace && self.drawn.is_some() {
            say_raw!("\r\x1b[K");
            self.drawn = None;
        }
        say!("{message}");
    }

    fn finish(&mut self, failed: usize, unreadable: usize) {
        if self.style == ProgressStyle::InPlace {
            say!(
                "\r\x1b[K已检查 {} 个文件：{} 个未通过，{} 个无法读取",
                self.total,
                failed,
                unreadable
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_hold_reports_by_their_ending_in_any_case() {
        assert!(checked_in_folder("2020年报.txt"));
        assert!(checked_in_folder("A.TXT"));
        assert!(!checked_in_folder("年报.pdf"));
        assert!(!checked_in_folder("txt"));
        assert!(!checked_in_folder(".txt"));
        assert!(!checked_in_folder("年报.txt.bak"));
    }
}
