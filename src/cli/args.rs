//! The command line's grammar, declared with clap: the commands, their flags and their Chinese
//! help. clap's English words (the `Usage:`/`Options:` headings, the help and version flags'
//! help, the `help` command) are replaced here; its errors are put in Chinese by
//! [`super::messages`].

use clap::builder::{PossibleValue, TypedValueParser};
use clap::{ArgAction, Args, CommandFactory, Parser, Subcommand, ValueEnum, ValueHint};

use nianbao::AgencyKind;

/// The `check` command's usage line, as it always read (a macro, to be joined by `concat!`).
macro_rules! check_usage {
    () => {
        "nianbao check [--format text|json | --summary csv] [--year YYYY] \
         [--kind department|government] [--previous 上年年报] FILE..."
    };
}

// `nianbao --help` (and `nianbao` alone, on stderr).
const MAIN_HELP: &str = "\
{about}

用法：{usage}

命令：
{subcommands}

选项：
{options}

检查文件的详细说明（编码、文件类型、各选项）：nianbao check --help
退出码：0 无错误；1 至少一个错误；2 文件无法读取或参数有误";

const MAIN_USAGE: &str = concat!(
    check_usage!(),
    "
      nianbao rules [--format text|json]
      nianbao rule ID
      nianbao completions bash|zsh|fish|powershell|elvish
      nianbao help [命令]"
);

const CHECK_HELP: &str = "\
用法：{usage}

{about}
  FILE 为 - 时读取标准输入；为文件夹时检查其中（含子文件夹）所有 .txt、.html、.htm、.docx 文件，按文件名排序。
  接受 UTF-8（可带 BOM）、带 BOM 的 UTF-16 与 GB18030/GBK 编码的文本，
  .html/.htm 文件（按其中表格的单元格读取统计表，按网页声明的字符集解码），
  以及 Word 的 .docx 文件（按表格的合并单元格读取）。PDF 与旧版 .doc 请先复制文字或另存为 .docx。

参数：
{positionals}

选项：
{options}

退出码：0 无错误；1 至少一个错误；2 文件无法读取或参数有误";

const RULES_HELP: &str = "\
用法：{usage}

{about}：每条规则的编号、级别（错误、警告、提示）、类别和一句话说明。

选项：
{options}";

const RULE_HELP: &str = "\
用法：{usage}

{about}：检查什么、为什么、出错的例子、怎么改。全部规则的编号见 nianbao rules。

参数：
{positionals}

选项：
{options}";

const COMPLETIONS_HELP: &str = "\
用法：{usage}

{about}。例如：
  bash        nianbao completions bash > ~/.local/share/bash-completion/completions/nianbao
  zsh         nianbao completions zsh > ~/.zfunc/_nianbao   （~/.zfunc 须在 fpath 中）
  fish        nianbao completions fish > ~/.config/fish/completions/nianbao.fish
  PowerShell  nianbao completions powershell >> $PROFILE

参数：
{positionals}

选项：
{options}";

const HELP_HELP: &str = "\
用法：{usage}

{about}

参数：
{positionals}

选项：
{options}";

#[derive(Parser, Debug)]
#[command(
    name = "nianbao",
    version,
    about = "年报校验：检查政府信息公开工作年度报告的统计表与文字",
    override_usage = MAIN_USAGE,
    help_template = MAIN_HELP,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    arg_required_else_help = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    // Help in Chinese: clap's own flag says "Print help". Global, so every command has it.
    #[arg(short = 'h', long = "help", action = ArgAction::Help, global = true, help = "显示帮助")]
    help: Option<bool>,
    #[arg(short = 'V', long = "version", action = ArgAction::Version, help = "显示版本")]
    version: Option<bool>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    #[command(
        about = "检查年报（文本、网页、.docx 文件或文件夹），列出发现的问题",
        override_usage = check_usage!(),
        help_template = CHECK_HELP
    )]
    Check(CheckArgs),
    #[command(
        about = "列出全部检查规则",
        override_usage = "nianbao rules [--format text|json]",
        help_template = RULES_HELP
    )]
    Rules(RulesArgs),
    #[command(
        about = "显示一条规则的说明",
        override_usage = "nianbao rule ID",
        help_template = RULE_HELP
    )]
    Rule(RuleArgs),
    #[command(
        about = "输出命令行补全脚本",
        override_usage = "nianbao completions bash|zsh|fish|powershell|elvish",
        help_template = COMPLETIONS_HELP
    )]
    Completions(CompletionsArgs),
    #[command(
        about = "显示帮助，或某个命令的帮助",
        override_usage = "nianbao help [命令]",
        help_template = HELP_HELP
    )]
    Help(HelpArgs),
}

#[derive(Args, Debug)]
// As the command line always did: a flag given twice keeps its last value, and an option takes
// the next argument as its value even when it starts with '-' (`--previous -` reads last
// year's report from standard input; `--format --year` is refused as a format).
#[command(args_override_self = true)]
pub struct CheckArgs {
    #[arg(
        long,
        allow_hyphen_values = true,
        value_enum,
        value_name = "text|json",
        hide_possible_values = true,
        help = "text（默认）：可读的摘要，引用出问题的原文行；\n\
                json：每个文件输出一行 JSON（JSON Lines）"
    )]
    pub format: Option<Format>,

    #[arg(
        long,
        allow_hyphen_values = true,
        value_enum,
        value_name = "csv",
        hide_possible_values = true,
        conflicts_with = "format",
        help = "每个文件输出一行汇总 CSV（带 BOM，Excel 可直接打开）：\n\
                文件,机关,年度,模板,错误,警告,提示,说明；无法读取的文件也有一行，说明写原因。\n\
                不能与 --format 同用（要每个问题的详情，请用 --format json）。\n\
                检查多个文件时在 stderr 显示进度（终端中原地更新；否则每 100 个文件一行）"
    )]
    pub summary: Option<SummaryFormat>,

    #[arg(
        long,
        allow_hyphen_values = true,
        value_name = "YYYY",
        value_parser = parse_year,
        help = "指定报告年度（2000–2100，默认从标题读取）"
    )]
    pub year: Option<i32>,

    #[arg(
        long,
        allow_hyphen_values = true,
        value_enum,
        value_name = "KIND",
        hide_possible_values = true,
        help = "department（部门，次年1月31日前公布）或 government（本级人民政府，3月31日前）"
    )]
    pub kind: Option<Kind>,

    #[arg(
        long,
        allow_hyphen_values = true,
        value_name = "FILE",
        value_hint = ValueHint::FilePath,
        help = "上年年报：与它作跨年核对（上年结转、表二、内容雷同、表三总数的大幅变化）"
    )]
    pub previous: Option<String>,

    #[arg(
        value_name = "FILE",
        required = true,
        value_hint = ValueHint::AnyPath,
        // One line: the zsh completion script keeps a positional's help as it is.
        help = "要检查的文件或文件夹，可以有多个；- 为标准输入；-- 之后的参数都当作文件"
    )]
    pub files: Vec<String>,
}

#[derive(Args, Debug)]
pub struct RulesArgs {
    #[arg(
        long,
        allow_hyphen_values = true,
        value_enum,
        value_name = "text|json",
        hide_possible_values = true,
        default_value = "text",
        hide_default_value = true,
        help = "text（默认）：对齐的表格；json：一个 JSON 数组，每条规则一个对象，含说明"
    )]
    pub format: Format,
}

#[derive(Args, Debug)]
pub struct RuleArgs {
    #[arg(
        value_name = "ID",
        value_parser = Hinted(rule_ids()),
        hide_possible_values = true,
        help = "规则编号，如 requests.balance"
    )]
    pub id: String,
}

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    #[arg(
        value_enum,
        value_name = "SHELL",
        hide_possible_values = true,
        help = "bash、zsh、fish、powershell 或 elvish"
    )]
    pub shell: clap_complete::Shell,
}

#[derive(Args, Debug)]
pub struct HelpArgs {
    #[arg(
        value_name = "命令",
        value_parser = Hinted(&["check", "rules", "rule", "completions", "help"]),
        hide_possible_values = true,
        help = "要显示帮助的命令，如 check"
    )]
    pub command: Option<String>,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    #[value(help = "可读的文字")]
    Text,
    #[value(help = "JSON")]
    Json,
}

/// `--summary`: one line per file instead of its findings.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SummaryFormat {
    #[value(help = "每个文件一行汇总 CSV")]
    Csv,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    #[value(help = "部门：次年1月31日前公布")]
    Department,
    #[value(help = "本级人民政府：次年3月31日前公布")]
    Government,
}

impl From<Kind> for AgencyKind {
    fn from(kind: Kind) -> AgencyKind {
        match kind {
            Kind::Department => AgencyKind::Department,
            Kind::Government => AgencyKind::Government,
        }
    }
}

/// Any value, with these as the ones that shell completion offers: `rule` takes an unknown id
/// and answers with the ids close to it, which clap's refusal could not do.
#[derive(Clone)]
struct Hinted(&'static [&'static str]);

impl TypedValueParser for Hinted {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.0.iter().map(PossibleValue::new)))
    }
}

/// Every rule's id, for completion.
fn rule_ids() -> &'static [&'static str] {
    static IDS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    IDS.get_or_init(|| nianbao::model::Rule::ALL.iter().map(|r| r.id()).collect())
}

/// The help of a command (`check`, …), or of `nianbao` itself, ending with a line end; `None`
/// for a command that does not exist.
pub fn help_of(command: Option<&str>) -> Option<String> {
    let mut cli = Cli::command();
    // Gives each command its full name (`nianbao check`) and the global --help.
    cli.build();
    let command = match command {
        None => &mut cli,
        Some(name) => cli.find_subcommand_mut(name)?,
    };
    Some(command.render_help().to_string())
}

/// `--year`: a year from 2000 to 2100. The error is completed by [`super::messages`] into
/// `--year 应为四位年份，收到「…」`.
fn parse_year(text: &str) -> Result<i32, String> {
    text.parse()
        .ok()
        .filter(|year| (2000..=2100).contains(year))
        .ok_or_else(|| "应为四位年份".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grammar_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn years_from_2000_to_2100() {
        assert_eq!(parse_year("2020"), Ok(2020));
        assert!(parse_year("1999").is_err());
        assert!(parse_year("2101").is_err());
        assert!(parse_year("twenty").is_err());
    }
}
