//! clap's errors in Chinese, worded as the command line always worded them: a bad value is one
//! line (`--format 只能是 text 或 json，收到「xml」`); a wrong command, an unknown option, a missing
//! value or file, or two options that cannot go together are followed by the command's help.

use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};

/// Prints what clap stopped on and gives the exit code: help and version on stdout with 0;
/// everything else on stderr with 2. `help` is the help of the command being parsed.
pub fn exit(error: &clap::Error, help: impl FnOnce() -> Option<String>) -> ExitCode {
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            // A reader that went away (`| head`) is no reason to fail.
            let _ = error.print();
            ExitCode::SUCCESS
        }
        // `nianbao` alone: the help, on stderr.
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            ExitCode::from(2)
        }
        _ => {
            let Message { text, with_help } = message(error);
            match help().filter(|_| with_help) {
                // The help ends with its own line end.
                Some(help) => say_raw!("{text}\n{help}"),
                None => say!("{text}"),
            }
            ExitCode::from(2)
        }
    }
}

/// One error, in Chinese.
#[derive(Debug, PartialEq)]
pub struct Message {
    pub text: String,
    /// Whether the command's help follows (the error is about the command's shape, not a value).
    pub with_help: bool,
}

impl Message {
    fn alone(text: String) -> Message {
        Message {
            text,
            with_help: false,
        }
    }

    fn with_help(text: String) -> Message {
        Message {
            text,
            with_help: true,
        }
    }
}

pub fn message(error: &clap::Error) -> Message {
    let string = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        _ => String::new(),
    };
    let strings = |kind| match error.get(kind) {
        Some(ContextValue::Strings(s)) => s.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let arg = name_of(&string(ContextKind::InvalidArg));
    let value = string(ContextKind::InvalidValue);
    match error.kind() {
        ErrorKind::InvalidValue if value.is_empty() => {
            Message::with_help(format!("{arg} 需要一个值"))
        }
        ErrorKind::InvalidValue => Message::alone(format!(
            "{arg} 只能是 {}，收到「{value}」",
            either(&strings(ContextKind::ValidValue))
        )),
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(error)
                .map(ToString::to_string)
                .unwrap_or_else(|| "的值无效".to_string());
            Message::alone(format!("{arg} {why}，收到「{value}」"))
        }
        ErrorKind::UnknownArgument if arg.starts_with('-') => {
            Message::with_help(format!("未知选项「{arg}」"))
        }
        ErrorKind::UnknownArgument => Message::with_help(format!("多余的参数「{arg}」")),
        ErrorKind::InvalidSubcommand => Message::with_help(format!(
            "未知命令「{}」",
            string(ContextKind::InvalidSubcommand)
        )),
        ErrorKind::MissingSubcommand => Message::with_help("没有指定命令".to_string()),
        ErrorKind::MissingRequiredArgument => {
            let missing: Vec<String> = strings(ContextKind::InvalidArg)
                .iter()
                .map(|a| name_of(a))
                .collect();
            if missing.iter().any(|a| a == "FILE") {
                Message::with_help("没有指定要检查的文件".to_string())
            } else {
                Message::with_help(format!("缺少参数 {}", missing.join(" ")))
            }
        }
        ErrorKind::ArgumentConflict => {
            let mut both: Vec<String> = strings(ContextKind::PriorArg)
                .iter()
                .map(|a| name_of(a))
                .collect();
            both.push(arg);
            both.sort();
            if both == ["--format", "--summary"] {
                Message::with_help(
                    "--summary 与 --format 不能同用：汇总只有一种格式（CSV）；\
                     要每个问题的详情，请用 --format json"
                        .to_string(),
                )
            } else {
                Message::with_help(format!("{} 不能同用", both.join(" 与 ")))
            }
        }
        ErrorKind::InvalidUtf8 => Message::with_help("参数不是 UTF-8 编码的文字".to_string()),
        // Not reachable with this grammar: clap's own words, after a Chinese opening.
        _ => {
            let own = error.kind().as_str().unwrap_or("unknown error");
            Message::with_help(format!("参数有误（{own}）"))
        }
    }
}

/// `--format <text|json>` → `--format`; `<FILE>...` → `FILE`.
fn name_of(arg: &str) -> String {
    let name = arg.split(' ').next().unwrap_or(arg);
    name.trim_start_matches('<')
        .trim_end_matches("...")
        .trim_end_matches('>')
        .to_string()
}

/// `text 或 json`; `a、b 或 c`.
fn either(values: &[String]) -> String {
    match values {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} 或 {last}", rest.join("、")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::Cli;
    use clap::Parser;

    fn error_of(args: &[&str]) -> Message {
        let error = Cli::try_parse_from(std::iter::once("nianbao").chain(args.iter().copied()))
            .expect_err("refused");
        message(&error)
    }

    #[test]
    fn bad_values_are_worded_as_before_on_one_line() {
        for (args, says) in [
            (
                &["check", "--format", "xml", "a.txt"][..],
                "--format 只能是 text 或 json，收到「xml」",
            ),
            (
                &["check", "--summary=xlsx", "a.txt"],
                "--summary 只能是 csv，收到「xlsx」",
            ),
            (
                &["check", "--kind", "city", "a.txt"],
                "--kind 只能是 department 或 government，收到「city」",
            ),
            (
                &["check", "--year", "twenty", "a.txt"],
                "--year 应为四位年份，收到「twenty」",
            ),
            (
                &["check", "a.txt", "--year", "1999"],
                "--year 应为四位年份，收到「1999」",
            ),
            (
                &["rules", "--format", "csv"],
                "--format 只能是 text 或 json，收到「csv」",
            ),
            (
                &["completions", "tcsh"],
                "SHELL 只能是 bash、elvish、fish、powershell 或 zsh，收到「tcsh」",
            ),
        ] {
            assert_eq!(error_of(args), Message::alone(says.to_string()), "{args:?}");
        }
    }

    #[test]
    fn a_wrong_shape_is_followed_by_the_help() {
        for (args, says) in [
            (&["verify", "a.txt"][..], "未知命令「verify」"),
            (&["check", "--colour", "a.txt"], "未知选项「--colour」"),
            (&["check", "a.txt", "--year"], "--year 需要一个值"),
            (&["check", "--format", "json"], "没有指定要检查的文件"),
            (&["rule"], "缺少参数 ID"),
            (&["rule", "a", "b"], "多余的参数「b」"),
            (
                &["check", "--summary", "csv", "--format", "json", "a.txt"],
                "--summary 与 --format 不能同用：汇总只有一种格式（CSV）；要每个问题的详情，请用 --format json",
            ),
            (
                &["check", "--format", "text", "--summary", "csv", "a.txt"],
                "--summary 与 --format 不能同用：汇总只有一种格式（CSV）；要每个问题的详情，请用 --format json",
            ),
        ] {
            assert_eq!(error_of(args), Message::with_help(says.to_string()), "{args:?}");
        }
    }

    #[test]
    fn lists_read_as_chinese() {
        let list = |v: &[&str]| either(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(list(&["csv"]), "csv");
        assert_eq!(list(&["text", "json"]), "text 或 json");
        assert_eq!(list(&["a", "b", "c"]), "a、b 或 c");
    }
}
