//! `nianbao check [--format text|json] [--year YYYY] [--kind department|government]
//! [--previous LAST.txt] FILE...`

use std::io::{Read, Write};
use std::process::ExitCode;

mod batch;

use nianbao::input::docx;
use nianbao::native;
use nianbao::{check, output, AgencyKind, Document, Options};

const USAGE: &str =
    "用法：nianbao check [--format text|json | --summary csv] [--year YYYY] [--kind department|government] [--previous 上年年报] FILE...
  FILE 为 - 时读取标准输入；为文件夹时检查其中（含子文件夹）所有 .txt、.html、.htm、.docx 文件，按文件名排序。
  接受 UTF-8（可带 BOM）、带 BOM 的 UTF-16 与 GB18030/GBK 编码的文本，
  .html/.htm 文件（按其中表格的单元格读取统计表，按网页声明的字符集解码），
  以及 Word 的 .docx 文件（按表格的合并单元格读取）。PDF 与旧版 .doc 请先复制文字或另存为 .docx。
  --format json  每个文件输出一行 JSON（JSON Lines）
  --summary csv  每个文件输出一行汇总 CSV（带 BOM，Excel 可直接打开）：
                 文件,机关,年度,模板,错误,警告,提示,说明；无法读取的文件也有一行，说明写原因。
                 不能与 --format 同用（要每个问题的详情，请用 --format json）。
                 检查多个文件时在 stderr 显示进度（终端中原地更新；否则每 100 个文件一行）
  --year YYYY    指定报告年度（默认从标题读取）
  --kind         department（部门，次年1月31日前公布）或 government（本级人民政府，3月31日前）
  --previous F   上年年报：与它作跨年核对（上年结转、表二、内容雷同、表三总数的大幅变化）
退出码：0 无错误；1 至少一个错误；2 文件无法读取或参数有误";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

/// `--summary`: one line per file instead of its findings.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SummaryFormat {
    Csv,
}

struct Args {
    format: Format,
    /// Set when `--format` was given: it cannot go with `--summary`.
    format_given: bool,
    summary: Option<SummaryFormat>,
    options: Options,
    /// Last year's report, compared with each file.
    previous: Option<String>,
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
        format_given: false,
        summary: None,
        options: Options::default(),
        previous: None,
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
                parsed.format_given = true;
                parsed.format = match value("--format")?.as_str() {
                    "text" => Format::Text,
                    "json" => Format::Json,
                    other => return Err(format!("--format 只能是 text 或 json，收到「{other}」")),
                }
            }
            "--summary" => {
                parsed.summary = match value("--summary")?.as_str() {
                    "csv" => Some(SummaryFormat::Csv),
                    other => return Err(format!("--summary 只能是 csv，收到「{other}」")),
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
            "--previous" => parsed.previous = Some(value("--previous")?),
            _ => return Err(format!("未知选项「{arg}」\n{USAGE}")),
        }
    }
    if parsed.files.is_empty() {
        return Err(format!("没有指定要检查的文件\n{USAGE}"));
    }
    if parsed.summary.is_some() && parsed.format_given {
        return Err(format!(
            "--summary 与 --format 不能同用：汇总只有一种格式（CSV）；要每个问题的详情，请用 --format json\n{USAGE}"
        ));
    }
    Ok(parsed)
}

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
            .map_err(|e| format!("{file}：无法读取文件：{e}"))?;
    }
    Ok(bytes)
}

/// A file read as its kind says; the error names the file.
fn read_document(file: &str) -> Result<Document, String> {
    let bytes = read_input(file)?;
    native::open(file, &bytes).map_err(|e| format!("{file}：{e}"))
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
    let previous = match read_previous(args.previous.as_deref()) {
        Ok(previous) => previous,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let inputs = batch::inputs(&args.files);
    if args.summary == Some(SummaryFormat::Csv) {
        return batch::summary_csv(&inputs, &args.options, previous.as_ref());
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
                eprintln!("{message}");
                unreadable = true;
                continue;
            }
        };
        let report = check(&document, previous.as_ref(), &args.options);
        let text = document.text;
        any_error |= report.summary().errors > 0;
        let written = match args.format {
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
