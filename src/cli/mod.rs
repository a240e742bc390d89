//! The `nianbao` command line: `check` (the reports), `rules` and `rule ID` (the registry),
//! `completions` and `help`. The grammar and its Chinese help are in [`args`], clap's errors
//! in Chinese in [`messages`]; `docs/cli.md` is the user's reference.

use std::ffi::OsString;
use std::io::{Read, Write};
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

/// `eprintln!` and `eprint!` that never panic: a closed stderr (`2>&1 | head -1`) must not turn
/// an error message into a crash (exit 101).
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}
macro_rules! say_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stderr(), $($arg)*);
    }};
}

mod args;
mod batch;
mod messages;
mod rules;

use args::{CheckArgs, Cli, Command, Format, SummaryFormat};
use nianbao::input::docx;
use nianbao::native;
use nianbao::output::text::shown_name;
use nianbao::{check, output, Document, Options};

/// Last year's report (`--previous`), read once for all files.
fn read_previous(file: Option<&str>) -> Result<Option<Document>, String> {
    let Some(file) = file else { return Ok(None) };
    read_document(file)
        .map(Some)
        .map_err(|e| format!("--previous {e}"))
}

/// The input's bytes, up to one more than the largest file read (a .docx): that is enough to
/// refuse it. Text has its own, smaller limit (`read::decode`).
fn read_input(file: &str) -> Result<Vec<u8>, String> {
    let limit = docx::MAX_FILE_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    if file == "-" {
        std::io::stdin()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("无法读取标准输入：{e}"))?;
    } else {
        std::fs::File::open(file)
            .and_then(|f| f.take(limit).read_to_end(&mut bytes))
            .map_err(|e| format!("{}：无法读取文件：{e}", shown_name(file)))?;
    }
    Ok(bytes)
}

/// A file read as its kind says; the error names the file.
fn read_document(file: &str) -> Result<Document, String> {
    let bytes = read_input(file)?;
    native::open(file, &bytes).map_err(|e| format!("{}：{e}", shown_name(file)))
}

pub fn main() -> ExitCode {
    let arguments: Vec<OsString> = std::env::args_os().collect();
    let cli = match Cli::try_parse_from(&arguments) {
        Ok(cli) => cli,
        Err(error) => {
            // The help that follows an error is that of the command being parsed.
            let command = arguments.get(1).and_then(|a| a.to_str());
            return messages::exit(&error, || {
                args::help_of(command).or_else(|| args::help_of(None))
            });
        }
    };
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Rules(args) => rules::list(args.format),
        Command::Rule(args) => rules::show(&args.id),
        Command::Completions(args) => completions(args.shell),
        Command::Help(args) => help(args.command.as_deref()),
    }
}

/// `nianbao help [命令]`: on stdout with 0, like `--help`; an unknown command is an error.
fn help(command: Option<&str>) -> ExitCode {
    match args::help_of(command) {
        Some(help) => {
            let _ = write!(std::io::stdout(), "{help}");
            ExitCode::SUCCESS
        }
        None => {
            let unknown = command.unwrap_or_default();
            let help = args::help_of(None).unwrap_or_default();
            say_raw!("未知命令「{unknown}」\n{help}");
            ExitCode::from(2)
        }
    }
}

/// `nianbao completions SHELL`: the shell's completion script on stdout.
fn completions(shell: clap_complete::Shell) -> ExitCode {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "nianbao", &mut script);
    let mut stdout = std::io::stdout();
    if stdout
        .write_all(&script)
        .and_then(|_| stdout.flush())
        .is_ok()
    {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

/// `nianbao check`.
fn run_check(args: CheckArgs) -> ExitCode {
    let options = Options {
        year: args.year,
        kind: args.kind.map(Into::into),
    };
    let previous = match read_previous(args.previous.as_deref()) {
        Ok(previous) => previous,
        Err(message) => {
            say!("{message}");
            return ExitCode::from(2);
        }
    };
    let inputs = batch::inputs(&args.files);
    if args.summary == Some(SummaryFormat::Csv) {
        return batch::summary_csv(&inputs, &options, previous.as_ref());
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut any_error = false;
    let mut unreadable = false;
    for input in &inputs {
        let file = &input.file;
        let document = match input.document() {
            Ok(document) => document,
            Err(message) => {
                say!("{message}");
                unreadable = true;
                continue;
            }
        };
        let report = check(&document, previous.as_ref(), &options);
        let text = document.text;
        any_error |= report.summary().errors > 0;
        let written = match args.format.unwrap_or(Format::Text) {
            Format::Json => writeln!(out, "{}", output::json::to_string(Some(file), &report)),
            Format::Text => write!(out, "{}", output::text::render(file, &text, &report)),
        };
        if written.is_err() {
            // The reader went away (e.g. `| head`): stop quietly.
            return ExitCode::from(2);
        }
    }
    if unreadable {
        ExitCode::from(2)
    } else if any_error {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
