//! `nianbao check [--format text|json] [--year YYYY] [--kind department|government] FILE...`

use std::io::{Read, Write};
use std::process::ExitCode;

use nianbao::document::Document;
use nianbao::files::FileKind;
use nianbao::{docx, output, AgencyKind, Options, Report};

const USAGE: &str =
    "用法：nianbao check [--format text|json] [--year YYYY] [--kind department|government] FILE...
  FILE 为 - 时读取标准输入。接受 UTF-8（可带 BOM）、带 BOM 的 UTF-16 与 GB18030/GBK 编码的文本，
  以及 Word 的 .docx 文件（按表格的合并单元格读取）。PDF 与旧版 .doc 请先复制文字或另存为 .docx。
  --format json  每个文件输出一行 JSON（JSON Lines）
  --year YYYY    指定报告年度（默认从标题读取）
  --kind         department（部门，次年1月31日前公布）或 government（本级人民政府，3月31日前）
退出码：0 无错误；1 至少一个错误；2 文件无法读取或参数有误";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

struct Args {
    format: Format,
    options: Options,
    files: Vec<String>,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    match args.next().as_deref() {
        Some("check") => {}
        Some("--help" | "-h" | "help") => return Err(String::new()),
        Some("--version" | "-V") => return Err(format!("nianbao {}", env!("CARGO_PKG_VERSION"))),
        Some(other) => return Err(format!("未知命令「{other}」\n{USAGE}")),
        None => return Err(USAGE.to_string()),
    }
    let mut parsed = Args {
        format: Format::Text,
        options: Options::default(),
        files: Vec::new(),
    };
    let mut only_files = false;
    while let Some(arg) = args.next() {
        if only_files || arg == "-" || !arg.starts_with('-') {
            parsed.files.push(arg);
            continue;
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) => (flag.to_string(), Some(value.to_string())),
            None => (arg.clone(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} 需要一个值\n{USAGE}"))
        };
        match flag.as_str() {
            "--" => only_files = true,
            "--help" | "-h" => return Err(String::new()),
            "--format" => {
                parsed.format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => return Err(format!("--format 只能是 text 或 json，收到「{other}」")),
                }
            }
            "--year" => {
                let text = value("--year")?;
                let year: i32 = text
                    .parse()
                    .ok()
                    .filter(|y| (2000..=2100).contains(y))
                    .ok_or_else(|| format!("--year 应为四位年份，收到「{text}」"))?;
                parsed.options.year = Some(year);
            }
            "--kind" => {
                parsed.options.kind = Some(match value("--kind")?.as_str() {
                    "department" => AgencyKind::Department,
                    "government" => AgencyKind::Government,
                    other => {
                        return Err(format!(
                            "--kind 只能是 department 或 government，收到「{other}」"
                        ))
                    }
                })
            }
            _ => return Err(format!("未知选项「{arg}」\n{USAGE}")),
        }
    }
    if parsed.files.is_empty() {
        return Err(format!("没有指定要检查的文件\n{USAGE}"));
    }
    Ok(parsed)
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
            .map_err(|e| format!("{file}：无法读取文件：{e}"))?;
    }
    Ok(bytes)
}

/// A file's content, read as its kind says.
enum Opened {
    Text(String),
    Document(Document),
}

impl Opened {
    fn text(&self) -> &str {
        match self {
            Opened::Text(text) => text,
            Opened::Document(document) => &document.text,
        }
    }

    fn check(&self, options: &Options) -> Report {
        match self {
            Opened::Text(text) => nianbao::check(text, options),
            Opened::Document(document) => nianbao::check_document(document, options),
        }
    }
}

/// Reads a file by its kind (first bytes, then name): the one place each input format joins.
fn open(file: &str, bytes: &[u8]) -> Result<Opened, String> {
    let opened = match nianbao::files::kind(file, bytes) {
        FileKind::Text => Opened::Text(nianbao::read::decode(bytes).map_err(|e| e.to_string())?),
        FileKind::Docx => Opened::Document(docx::read_docx(bytes).map_err(|e| e.to_string())?),
        FileKind::Pdf => return Err(docx::PDF_ADVICE.to_string()),
        FileKind::OldWord => return Err(docx::DOC_ADVICE.to_string()),
    };
    if opened.text().len() > nianbao::read::MAX_BYTES {
        return Err(nianbao::read::TOO_LARGE.to_string());
    }
    Ok(opened)
}

pub fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) if message.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) if message.starts_with("nianbao ") => {
            println!("{message}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut any_error = false;
    let mut unreadable = false;
    for file in &args.files {
        let opened = match read_input(file)
            .and_then(|bytes| open(file, &bytes).map_err(|e| format!("{file}：{e}")))
        {
            Ok(opened) => opened,
            Err(message) => {
                eprintln!("{message}");
                unreadable = true;
                continue;
            }
        };
        let report = opened.check(&args.options);
        let text = opened.text();
        any_error |= report.summary().errors > 0;
        let written = match args.format {
            Format::Json => writeln!(out, "{}", output::json::to_string(Some(file), &report)),
            Format::Text => write!(out, "{}", output::text::render(file, text, &report)),
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
