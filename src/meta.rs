//! Facts about the report as a whole: template, report year, agency, statistics period and
//! publication date.

use crate::locate::Section;
use crate::model::AgencyKind;
use crate::read::Source;
use crate::scan::{
    blanks, digits, find_all, find_all_starting, find_first, one_of, run_until, year_nian,
};
use crate::template::{Template, MARKERS_2019, MARKERS_2021, MARKERS_OLD};
use crate::tokens::han_only;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// `2021年2月19日`, as the reports write it.
    pub fn chinese(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Which template's marker phrases the text holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TemplateEvidence {
    pub markers_2019: usize,
    pub markers_2021: usize,
    pub old_form: bool,
}

impl TemplateEvidence {
    pub fn of(han: &str) -> TemplateEvidence {
        let count = |markers: &[&str]| markers.iter().filter(|m| han.contains(*m)).count();
        TemplateEvidence {
            markers_2019: count(MARKERS_2019),
            markers_2021: count(MARKERS_2021),
            old_form: count(MARKERS_OLD) == MARKERS_OLD.len(),
        }
    }

    /// The template the text follows; ties go to none.
    pub fn template(self) -> Option<Template> {
        use std::cmp::Ordering::*;
        match self.markers_2019.cmp(&self.markers_2021) {
            Greater => Some(Template::Y2019),
            Less => Some(Template::Y2021),
            Equal => None,
        }
    }

    /// Both templates' phrases in one report.
    pub fn mixed(self) -> bool {
        self.markers_2019 >= 2 && self.markers_2021 >= 2
    }
}

/// `2021年2月19日`, spaces or tabs allowed around each number (any four digits for the year):
/// year, month and day.
fn arabic_date(text: &str) -> Option<((u32, u32, u32), &str)> {
    let (year, rest) = digits(text, 4, 4)?;
    let rest = blanks(rest).strip_prefix('年')?;
    let (month, rest) = digits(blanks(rest), 1, 2)?;
    let rest = blanks(rest).strip_prefix('月')?;
    let (day, rest) = digits(blanks(rest), 1, 2)?;
    let rest = blanks(rest).strip_prefix('日')?;
    Some(((year, month, day), rest))
}

/// `二〇二一年二月十九日`: the year's four digits, and the month and day as written (`二`, `十九`).
fn chinese_date(text: &str) -> Option<((u32, &str, &str), &str)> {
    let mut chars = text.chars();
    let mut year = 0;
    for _ in 0..4 {
        year = year * 10 + chinese_digit(chars.next()?)?;
    }
    let rest = blanks(chars.as_str()).strip_prefix('年')?;
    let (month, rest) = chinese_numeral(blanks(rest), 2)?;
    let rest = blanks(rest).strip_prefix('月')?;
    let (day, rest) = chinese_numeral(blanks(rest), 3)?;
    let rest = blanks(rest).strip_prefix('日')?;
    Some(((year, month, day), rest))
}

/// One to `max` characters of `一`…`九` and `十` at the start of `text`, and the text after.
fn chinese_numeral(text: &str, max: usize) -> Option<(&str, &str)> {
    let len: usize = text
        .chars()
        .take(max)
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .map(char::len_utf8)
        .sum();
    (len > 0).then(|| text.split_at(len))
}

fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | '○' | 'O' | '0' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// 十七 → 17, 二十 → 20, 三十一 → 31, 九 → 9.
fn chinese_small_number(text: &str) -> Option<u32> {
    match text.split_once('十') {
        None => chinese_digit(text.chars().next()?).filter(|_| text.chars().count() == 1),
        Some((tens, ones)) => {
            let tens = if tens.is_empty() {
                1
            } else {
                chinese_digit(tens.chars().next()?)?
            };
            let ones = if ones.is_empty() {
                0
            } else {
                chinese_digit(ones.chars().next()?)?
            };
            Some(tens * 10 + ones)
        }
    }
}

fn valid_date(year: i32, month: u32, day: u32) -> Option<Date> {
    ((1990..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then_some(Date { year, month, day })
}

/// Every date in `text` written as `2024年1月17日` or `二〇二四年一月十七日`, with its byte range.
pub fn dates(text: &str) -> Vec<(usize, usize, Date)> {
    let mut out: Vec<(usize, usize, Date)> = find_all(text, arabic_date)
        .filter_map(|(start, end, (year, month, day))| {
            Some((start, end, valid_date(year as i32, month, day)?))
        })
        .collect();
    out.extend(
        find_all(text, chinese_date).filter_map(|(start, end, (year, month, day))| {
            let month = chinese_small_number(month)?;
            let day = chinese_small_number(day)?;
            Some((start, end, valid_date(year as i32, month, day)?))
        }),
    );
    out.sort_by_key(|d| d.0);
    out
}

/// The date `text` is, when it is exactly one date and nothing else. Reads from the start only:
/// the closing lines this is asked about can be long paragraphs.
fn whole_date(text: &str) -> Option<Date> {
    if let Some(((year, month, day), rest)) = arabic_date(text) {
        return rest
            .is_empty()
            .then(|| valid_date(year as i32, month, day))?;
    }
    let ((year, month, day), rest) = chinese_date(text)?;
    if !rest.is_empty() {
        return None;
    }
    valid_date(
        year as i32,
        chinese_small_number(month)?,
        chinese_small_number(day)?,
    )
}

/// A period as written: `2024年1月1日至2024年12月31日`, `2022年1月1日起至12月31日`,
/// `2020年1月—12月`. The days and the second year may be left out.
struct PeriodParts {
    start_year: i32,
    start_month: u32,
    start_day: Option<u32>,
    end_year: Option<i32>,
    end_month: u32,
    end_day: Option<u32>,
}

fn period_range(text: &str) -> Option<(PeriodParts, &str)> {
    let (start_year, rest) = year_nian(text)?;
    let (start_month, start_day, rest) = month_and_day(blanks(rest))?;
    let rest = blanks(rest);
    let rest = blanks(rest.strip_prefix('起').unwrap_or(rest));
    let rest = blanks(range_separator(rest)?);
    let (end_year, rest) = match year_nian(rest) {
        Some((year, after)) => (Some(year), blanks(after)),
        None => (None, rest),
    };
    let (end_month, end_day, rest) = month_and_day(rest)?;
    let parts = PeriodParts {
        start_year,
        start_month,
        start_day,
        end_year,
        end_month,
        end_day,
    };
    Some((parts, rest))
}

/// `12月` or `12 月 31 日`: the month, the day if written, and the text after them.
fn month_and_day(text: &str) -> Option<(u32, Option<u32>, &str)> {
    let (month, rest) = digits(text, 1, 2)?;
    let rest = blanks(blanks(rest).strip_prefix('月')?);
    let day =
        digits(rest, 1, 2).and_then(|(day, after)| Some((day, blanks(after).strip_prefix('日')?)));
    Some(match day {
        Some((day, after)) => (month, Some(day), after),
        None => (month, None, rest),
    })
}

/// `至`, `到`, a run of `—` or of `－`, `-`, `~` or `～`: the text after it.
fn range_separator(text: &str) -> Option<&str> {
    for dash in ['—', '－'] {
        let rest = text.trim_start_matches(dash);
        if rest.len() < text.len() {
            return Some(rest);
        }
    }
    text.strip_prefix(['至', '到', '-', '~', '～'])
}

/// `2020年度` or `2020年全年` at the start of `window`, after at most 8 other characters, none
/// of them a digit or a line end: the year.
fn whole_year(window: &str) -> Option<i32> {
    let (at, first) = window
        .char_indices()
        .take(9)
        .find(|&(_, c)| c.is_ascii_digit() || c == '\n')?;
    if first == '\n' {
        return None;
    }
    let (year, rest) = year_nian(&window[at..])?;
    one_of(blanks(rest), &["度", "全年"])?;
    Some(year)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The period stated right after a keyword: `2024年1月1日至2024年12月31日`,
/// `2022年1月1日至12月31日` (the year once), `2020年1月至12月`, `2020年度`, or two dates in
/// any numerals within the next sentence or so.
fn period_after(window: &str) -> Option<(Date, Date)> {
    if let Some((_, _, period)) = find_first(window, period_range) {
        let end_year = period.end_year.unwrap_or(period.start_year);
        let end_day = period
            .end_day
            .unwrap_or_else(|| days_in_month(end_year, period.end_month));
        if let (Some(start), Some(end)) = (
            valid_date(
                period.start_year,
                period.start_month,
                period.start_day.unwrap_or(1),
            ),
            valid_date(end_year, period.end_month, end_day),
        ) {
            return Some((start, end));
        }
    }
    if let Some(year) = whole_year(window) {
        return Some((valid_date(year, 1, 1)?, valid_date(year, 12, 31)?));
    }
    match dates(window)[..] {
        [(_, _, start), (_, _, end), ..] => Some((start, end)),
        _ => None,
    }
}

/// `统计期限自2024年1月1日至2024年12月31日`: the period after the first 统计期限 / 统计时限 /
/// 统计期间 / 统计期 / 统计时间 / 统计时段 that states one.
pub fn statistics_period(source: &Source) -> Option<(Date, Date, usize)> {
    let text = &source.text;
    for keyword in [
        "统计期限",
        "统计时限",
        "统计期间",
        "统计期",
        "统计时间",
        "统计时段",
    ] {
        for (at, _) in text.match_indices(keyword).take(20) {
            let after = at + keyword.len();
            let window_end = text.floor_char_boundary(after + 200);
            if let Some((start, end)) = period_after(&text[after..window_end]) {
                return Some((start, end, source.line_of(at)));
            }
        }
    }
    None
}

/// The date line at the end of the report: the last line that is only a date.
pub fn publication_date(source: &Source) -> Option<(Date, usize)> {
    source
        .lines()
        .rev()
        .filter(|(_, _, text)| !text.trim().is_empty())
        .take(8)
        .find_map(|(line, _, text)| {
            let trimmed = text
                .trim()
                .trim_matches(|c: char| matches!(c, '*' | '#' | ' '));
            whole_date(trimmed).map(|date| (date, line))
        })
}

/// `2020年度…年度报告`: a year, then at most 30 characters, none of them in `stop`, before the
/// nearest of `endings`: the year and those characters.
fn year_of_report<'a>(
    text: &'a str,
    stop: &[char],
    endings: &[&str],
) -> Option<((i32, &'a str), &'a str)> {
    let (year, rest) = year_nian(text)?;
    let rest = blanks(rest);
    let rest = rest.strip_prefix('度').unwrap_or(rest);
    let (between, after) = run_until(rest, 30, stop, endings)?;
    Some(((year, between), after))
}

/// The title: `[agency]2020年[agency]政府信息公开工作年度报告`, as the year, its line, and the
/// text before and after the year.
pub struct Title<'a> {
    pub year: i32,
    pub line: usize,
    /// Byte offset of the year.
    pub year_at: usize,
    before: &'a str,
    after: &'a str,
}

pub fn title(source: &Source) -> Option<Title<'_>> {
    let head_end = source.text.floor_char_boundary(3000);
    let head = &source.text[..head_end];
    let (year_at, _, (year, after)) = find_all_starting(head, b"2", |text| {
        year_of_report(text, &['\n'], &["年度报告", "年报", "工作报告"])
    })
    .next()?;
    let line = source.line_of(year_at);
    let (line_start, _) = source.line_range(line);
    Some(Title {
        year,
        line,
        year_at,
        before: &source.text[line_start..year_at],
        after,
    })
}

/// The report year from the title, e.g. `2020 年政府信息公开工作年度报告`.
pub fn report_year(source: &Source) -> Option<(i32, usize)> {
    title(source).map(|t| (t.year, t.line))
}

const AGENCY_ENDINGS: &[&str] = &[
    "政府",
    "办公室",
    "办公厅",
    "局",
    "委员会",
    "委",
    "厅",
    "院",
    "中心",
    "管委会",
    "实验区",
    "新区",
    "开发区",
    "办事处",
    "署",
    "馆",
    "所",
    "站",
    "处",
    "会",
    "区",
    "县",
    "市",
    "州",
    "旗",
    "镇",
    "乡",
    "街道",
];

fn looks_like_agency(text: &str) -> bool {
    let count = text.chars().count();
    (3..=30).contains(&count)
        && han_only(text).chars().count() == count
        && AGENCY_ENDINGS.iter().any(|e| text.ends_with(e))
}

fn clean_line(text: &str) -> &str {
    text.trim()
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '#' | '*' | '|'))
}

/// The agency that issues the report: the signature above the closing date, else the title.
pub fn agency(source: &Source, title: Option<&Title>) -> Option<String> {
    let signature = source
        .lines()
        .rev()
        .filter(|(_, _, text)| !text.trim().is_empty())
        .take(4)
        .map(|(_, _, text)| clean_line(text))
        .find(|text| looks_like_agency(text));
    if let Some(signature) = signature {
        return Some(signature.to_string());
    }
    let title = title?;
    // `沭阳县发展和改革局2023年…`, `…现公布 平潭综合实验区2021年度…`
    let before = title
        .before
        .trim_end()
        .rsplit(|c: char| !crate::tokens::is_han(c))
        .next()
        .unwrap_or("")
        .trim_start_matches("现公布");
    if looks_like_agency(before) {
        return Some(before.to_string());
    }
    // `现公布2020年资阳市人民政府办公室信息公开工作年度报告`
    let after = title
        .after
        .split("政府信息公开")
        .next()
        .and_then(|a| a.split("信息公开").next())
        .unwrap_or("")
        .trim();
    if looks_like_agency(after) {
        return Some(after.to_string());
    }
    // A title split over two lines: the agency on the line above.
    (1..title.line)
        .rev()
        .map(|line| clean_line(source.line_text(line)))
        .find(|text| !text.is_empty())
        .filter(|text| looks_like_agency(text))
        .map(str::to_string)
}

/// Where a report states its year besides the statistics period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum YearPlace {
    /// The title: `2020年政府信息公开工作年度报告`.
    Title,
    /// The opening lines: `现公布2020年度政府信息公开工作年度报告`, `涵盖2020年…`.
    Opening,
    /// A note in a table heading: `上一年项目数量（指2019年事项数）`.
    TableNote,
}

/// A year the report states in a structured place (not in its prose).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StatedYear {
    pub year: i32,
    /// What it should be relative to the report year: -1 for `上一年…（指2019年…）`, else 0.
    pub offset: i32,
    pub place: YearPlace,
    /// The words that state it (empty for the title).
    pub quote: String,
    pub line: usize,
}

/// A year in the opening lines that may say which report this is: `2020年度…年度报告` (within
/// one clause: not across `，。；！？`, a line end or `《》`), or `涵盖2020年`.
struct OpeningYear {
    year: i32,
    /// Bytes from the start of the phrase to the year.
    year_offset: usize,
    /// `涵盖2020年`.
    covers: bool,
}

fn opening_year(text: &str) -> Option<(OpeningYear, &str)> {
    if let Some(rest) = text.strip_prefix("涵盖") {
        let rest = blanks(rest);
        let (year, after) = year_nian(rest)?;
        let year_offset = text.len() - rest.len();
        return Some((
            OpeningYear {
                year,
                year_offset,
                covers: true,
            },
            after,
        ));
    }
    let stop = ['，', '。', '；', '！', '？', '\n', '《', '》'];
    let endings = ["年度报告", "年报", "情况报告", "工作报告"];
    let ((year, _), after) = year_of_report(text, &stop, &endings)?;
    Some((
        OpeningYear {
            year,
            year_offset: 0,
            covers: false,
        },
        after,
    ))
}

/// Where `(` and `（` are in `text`. A table note starts with one; this runs over all the
/// tables, so it searches bytes: `(`, and 0x88, the last byte of `（` (EF BC 88).
fn open_parens(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'(', 0x88, bytes).filter_map(move |i| match bytes[i] {
        b'(' => Some(i),
        _ => (i >= 2 && bytes[i - 2..i] == [0xEF, 0xBC]).then(|| i - 2),
    })
}

/// `（指2019年` or `(指 2019 年`, as in table headings: the year.
fn table_note(text: &str) -> Option<(i32, &str)> {
    let rest = text.strip_prefix(['（', '('])?;
    let rest = blanks(blanks(rest).strip_prefix('指')?);
    year_nian(rest)
}

/// Words before a year that make a sentence of the opening lines say which report this is.
const OPENING_CUES: &[&str] = &["公布", "发布", "现将", "本报告", "本年度报告", "涵盖"];

/// Where the cue nearest before a year starts in `before` (the sentence up to the year): a cue
/// at most 40 characters back, with no `：` between (page chrome such as `发布时间：…` is not
/// one).
fn opening_cue(before: &str) -> Option<usize> {
    // Only the last 40 characters can hold one: a long sentence is not searched whole.
    let near_start = before.char_indices().rev().nth(39).map_or(0, |(at, _)| at);
    let near = &before[near_start..];
    let cue = OPENING_CUES
        .iter()
        .flat_map(|cue| near.match_indices(cue))
        .filter(|(at, cue)| {
            let after = &near[at + cue.len()..];
            !["时间", "日期", "机构", "单位"]
                .iter()
                .any(|w| after.starts_with(w))
        })
        .map(|(at, _)| near_start + at)
        .max()?;
    (!before[cue..].contains(['：', ':'])).then_some(cue)
}

/// What ends a sentence of the opening lines.
const SENTENCE_ENDS: [char; 5] = ['。', '！', '？', '；', '\n'];

/// What ends the clause that `涵盖2020年` opens.
const CLAUSE_ENDS: [char; 4] = ['，', '。', '；', '\n'];

/// `s` cut to at most `n` characters, from the end when `from_end`.
fn at_most(s: &str, n: usize, from_end: bool) -> String {
    if from_end {
        match s.char_indices().rev().nth(n) {
            Some((at, c)) => format!("…{}", &s[at + c.len_utf8()..]),
            None => s.to_string(),
        }
    } else {
        match s.char_indices().nth(n) {
            Some((at, _)) => format!("{}…", &s[..at]),
            None => s.to_string(),
        }
    }
}

/// The years a report states for itself: in the title, in the sentence of its opening lines
/// that says which report it is (`现公布…2020年…年度报告`, never inside 《》, which names a
/// notice), and in table headings (`（指2019年事项数）`). Years in the prose of the sections
/// (plans, comparisons) are not statements of the report year and are left out.
pub fn stated_years(
    source: &Source,
    sections: &[Section],
    title: Option<&Title>,
) -> Vec<StatedYear> {
    let text = &source.text;
    let mut found = Vec::new();
    if let Some(title) = title {
        found.push(StatedYear {
            year: title.year,
            offset: 0,
            place: YearPlace::Title,
            quote: String::new(),
            line: title.line,
        });
    }
    let opening_end = sections
        .iter()
        .map(|s| s.start)
        .min()
        .unwrap_or_else(|| text.floor_char_boundary(3000));
    let opening = &text[..opening_end];
    // The text is followed left to right once, however many years a long sentence holds: where
    // the sentence of the current year starts, whether it is inside 《》 there, and the clause
    // of the last `涵盖` (where it ends, and where its text ends before trailing spaces).
    let mut scanned = 0;
    let mut sentence_start = 0;
    let mut in_book_title = false;
    let mut clause: Option<(usize, usize)> = None;
    // A year read starts with `2` (`20xx`) or `涵` (`涵盖`).
    let years = find_all_starting(opening, &[b'2', "涵".as_bytes()[0]], opening_year);
    for (start, end, found_year) in years {
        let passed = &opening[scanned..start];
        let mut from = scanned;
        if let Some(at) = passed.rfind(SENTENCE_ENDS) {
            sentence_start = scanned + at + passed[at..].chars().next().map_or(1, char::len_utf8);
            from = sentence_start;
            in_book_title = false;
        }
        // `《关于做好2020年政府信息公开工作年度报告…的通知》` names a notice: the last of 《 and 》
        // in the sentence so far is 《.
        if let Some(at) = opening[from..start].rfind(['《', '》']) {
            in_book_title = opening[from + at..].starts_with('《');
        }
        scanned = start;
        let year_at = start + found_year.year_offset;
        if title.is_some_and(|t| t.year_at == year_at) {
            continue;
        }
        let before = &opening[sentence_start..start];
        // `涵盖2020年` is its own cue.
        let covers = found_year.covers;
        let cue = if covers {
            Some(before.len())
        } else {
            opening_cue(before)
        };
        let (Some(cue), false) = (cue, in_book_title) else {
            continue;
        };
        let quote = if covers {
            // `涵盖2020年…工作情况`: the clause it opens.
            let (_, trimmed_end) = match clause {
                Some(known) if known.0 >= start => known,
                _ => {
                    let rest = &opening[start..];
                    let end = start + rest.find(CLAUSE_ENDS).unwrap_or(rest.len());
                    let known = (end, start + opening[start..end].trim_end().len());
                    clause = Some(known);
                    known
                }
            };
            at_most(opening[start..trimmed_end].trim(), 30, false)
        } else {
            // `现公布…2020年…年度报告`: from the words that say so.
            let quote_start = start - (before.len() - cue);
            at_most(opening[quote_start..end].trim(), 40, true)
        };
        found.push(StatedYear {
            year: found_year.year,
            offset: 0,
            place: YearPlace::Opening,
            quote,
            line: source.line_of(year_at),
        });
    }
    let heading = |n: u8| sections.iter().find(|s| s.number == n).map(|s| s.start);
    if let (Some(start), Some(end)) = (heading(2), heading(5)) {
        if start < end {
            let region = &text[start..end];
            let notes = open_parens(region).filter_map(|at| {
                let (year, after) = table_note(&region[at..])?;
                Some((at, region.len() - after.len(), year))
            });
            for (note_start, note_match_end, year) in notes {
                let at = start + note_start;
                // The column label before the note, back to the previous cell or note, within
                // 36 bytes and the line.
                let label = &text[text.floor_char_boundary(at.saturating_sub(36))..at];
                let label = label.rfind('\n').map_or(label, |n| &label[n + 1..]);
                let label = label.rfind(['）', ')', '|', '\t']).map_or(label, |cut| {
                    &label[cut + label[cut..].chars().next().map_or(1, char::len_utf8)..]
                });
                let offset = if label.contains("上一年") || label.contains("上年") {
                    -1
                } else if label.contains("下一年") || label.contains("下年") {
                    1
                } else {
                    0
                };
                let note_end = text[at..]
                    .char_indices()
                    .take(30)
                    .find(|&(_, c)| matches!(c, '）' | ')' | '\n'))
                    .map_or(start + note_match_end, |(i, c)| {
                        at + i + if c == '\n' { 0 } else { c.len_utf8() }
                    });
                found.push(StatedYear {
                    year,
                    offset,
                    place: YearPlace::TableNote,
                    quote: format!("{}{}", label.trim_start(), &text[at..note_end]),
                    line: source.line_of(at),
                });
            }
        }
    }
    found
}

/// Whether an agency name is that of a 乡, 镇 or 街道 (reports due 31 Jan, like departments).
pub fn is_township(name: &str) -> bool {
    let place = name
        .strip_suffix("人民政府")
        .or_else(|| name.strip_suffix("政府"))
        .unwrap_or(name);
    ["乡", "镇", "街道", "街道办事处"]
        .iter()
        .any(|e| place.ends_with(e))
}

/// Endings of names that are zones with a 管委会, which some places treat as a government and
/// others as a department: the name does not tell.
const ZONE_ENDINGS: &[&str] = &[
    "实验区",
    "试验区",
    "开发区",
    "高新区",
    "新区",
    "示范区",
    "园区",
    "保税区",
    "合作区",
    "管理区",
    "风景区",
    "景区",
];

/// Endings of names of departments and offices: reports due 31 Jan.
const DEPARTMENT_ENDINGS: &[&str] = &[
    "局",
    "委员会",
    "委",
    "办公室",
    "办公厅",
    "厅",
    "署",
    "办事处",
    "处",
];

/// Endings of the places whose 人民政府 is 县级以上.
const GOVERNMENT_LEVELS: &[&str] = &["省", "自治区", "市", "州", "盟", "县", "区", "旗"];

/// The kind of agency its name tells, or `None` when it does not: `某某县人民政府` and
/// `重庆市大渡口区` are a 县级以上 government (31 Mar); departments, offices (also
/// 人民政府办公室), 乡镇 and 街道 are due 31 Jan like departments; a 管委会 or a zone such as
/// 平潭综合实验区 could be either.
pub fn agency_kind(name: &str) -> Option<AgencyKind> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    if is_township(name) {
        return Some(AgencyKind::Department);
    }
    if name.ends_with("管委会") || name.ends_with("管理委员会") {
        return None;
    }
    let level = |place: &str| GOVERNMENT_LEVELS.iter().any(|e| place.ends_with(e));
    if let Some(place) = name
        .strip_suffix("人民政府")
        .or_else(|| name.strip_suffix("政府"))
    {
        return (place.chars().count() >= 2 && level(place)).then_some(AgencyKind::Government);
    }
    if DEPARTMENT_ENDINGS.iter().any(|e| name.ends_with(e)) {
        return Some(AgencyKind::Department);
    }
    if ZONE_ENDINGS.iter().any(|e| name.ends_with(e)) {
        return None;
    }
    // A place name alone (`重庆市大渡口区 2020年…年度报告`) is the report of its government.
    (name.chars().count() >= 2 && level(name)).then_some(AgencyKind::Government)
}

/// Where the closing signature and date begin: the trailing lines that are only a date or
/// only an agency name (at most four). `None` when the text does not end so.
pub fn closing_start(source: &Source) -> Option<usize> {
    let mut start = None;
    for (_, line_start, text) in source
        .lines()
        .rev()
        .filter(|(_, _, text)| !text.trim().is_empty())
        .take(4)
    {
        let cleaned = clean_line(text);
        let only_date = whole_date(cleaned).is_some();
        if only_date || looks_like_agency(cleaned) {
            start = Some(line_start);
        } else {
            break;
        }
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dates_in_both_numeral_systems() {
        let found = dates("自2024 年 1 月 1 日至二〇二四年十二月三十一日");
        let found: Vec<String> = found.iter().map(|d| d.2.to_string()).collect();
        assert_eq!(found, ["2024-01-01", "2024-12-31"]);
    }

    #[test]
    fn finds_period_publication_year_and_agency() {
        let source = Source::new(
            "沭阳县发展和改革局2023年政府信息公开年度报告\n报告所列统计期限自 2023 年 1 月 1 日至 2023 年 12 月 31 日。\n正文\n沭阳县发展和改革局\n2024年1月17日\n",
        );
        assert_eq!(report_year(&source), Some((2023, 1)));
        let (start, end, line) = statistics_period(&source).unwrap();
        assert_eq!(
            (start.to_string(), end.to_string(), line),
            ("2023-01-01".into(), "2023-12-31".into(), 2)
        );
        assert_eq!(
            publication_date(&source).map(|(d, l)| (d.to_string(), l)),
            Some(("2024-01-17".into(), 5))
        );
        assert_eq!(
            agency(&source, title(&source).as_ref()).as_deref(),
            Some("沭阳县发展和改革局")
        );
    }

    #[test]
    fn title_year_and_the_text_around_it() {
        let parts = |text: &str| {
            let source = Source::new(text);
            title(&source).map(|t| (t.year, t.year_at, t.before.to_string(), t.after.to_string()))
        };
        let some = |year, at, before: &str, after: &str| {
            Some((year, at, before.to_string(), after.to_string()))
        };
        assert_eq!(
            parts("现公布2020年资阳市人民政府办公室信息公开工作年度报告"),
            some(2020, 9, "现公布", "资阳市人民政府办公室信息公开工作")
        );
        assert_eq!(
            parts("某某县人民政府 2020 年 度 政府信息公开工作年度报告"),
            some(2020, 22, "某某县人民政府 ", " 政府信息公开工作")
        );
        assert_eq!(
            parts("2020年\t度度政府信息公开年报"),
            some(2020, 0, "", "度政府信息公开")
        );
        // The first year followed by 年度报告 within 30 characters on its line.
        assert_eq!(
            parts("正文\n2019年工作总结 2020年政府信息公开工作年度报告"),
            some(2019, 7, "", "工作总结 2020年政府信息公开工作")
        );
        assert_eq!(parts("2020年年报"), some(2020, 0, "", ""));
        assert_eq!(
            parts("2020年度报告\n12021年工作报告"),
            some(2021, 18, "1", "")
        );
        assert_eq!(parts("2020年度报告"), None);
    }

    #[test]
    fn agency_from_a_title_split_over_two_lines() {
        let source =
            Source::new("# 重庆市云阳县人民政府\n\n## 2020 年政府信息公开工作年度报告\n正文。");
        assert_eq!(
            agency(&source, title(&source).as_ref()).as_deref(),
            Some("重庆市云阳县人民政府")
        );
    }

    #[test]
    fn period_written_in_other_ways() {
        let period = |text: &str| {
            statistics_period(&Source::new(text)).map(|(s, e, _)| (s.to_string(), e.to_string()))
        };
        let year = |y: &str| Some((format!("{y}-01-01"), format!("{y}-12-31")));
        assert_eq!(period("统计期限为2022年1月1日至12月31日。"), year("2022"));
        assert_eq!(period("数据统计时间从2020年1月到12月。"), year("2020"));
        assert_eq!(
            period("统计期限：2020年1月1日—2020年12月31日"),
            year("2020")
        );
        assert_eq!(period("所列数据统计期限为2019年度。"), year("2019"));
        assert_eq!(
            period("统计时段为二〇二〇年一月一日至二〇二〇年十二月三十一日"),
            year("2020")
        );
        assert_eq!(
            period("统计期限为2020年1月1日至6月30日"),
            Some(("2020-01-01".into(), "2020-06-30".into()))
        );
        // The first 统计期 without dates does not hide a later one.
        assert_eq!(
            period(
                "统计期限说明见下。\n本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。"
            ),
            year("2021")
        );
        assert_eq!(period("统计期限"), None);
        assert_eq!(period("统计期间共收到申请5件"), None);
    }

    #[test]
    fn years_stated_in_the_opening_lines_and_table_headings() {
        let text = "某某县2020年政府信息公开工作年度报告\n发布时间：2021-02-08 上一篇：某某县2019年度政府信息公开工作年度报告\n根据《关于做好2021年政府信息公开工作年度报告编制工作的通知》要求，现公布某某县2019年度政府信息公开工作年度报告。本报告涵盖2020年全县政府信息公开工作情况。\n一、总体情况\n2021年将继续公布2019年度年报整改情况。\n二、主动公开政府信息情况\n行政许可 上一年项目数量（指2019年事项数） 本年增/减（指2020年增加或减少的事项数）\n信息内容 | 上一年项目数量(指2019年事项数) | 本年增/减(指2020年办件量) |\n五、存在的主要问题及改进情况\n无\n";
        let source = Source::new(text);
        let sections = crate::locate::sections(&source);
        let found = stated_years(&source, &sections, title(&source).as_ref());
        let found: Vec<(i32, i32, YearPlace, &str, usize)> = found
            .iter()
            .map(|s| (s.year, s.offset, s.place, s.quote.as_str(), s.line))
            .collect();
        assert_eq!(
            found,
            [
                (2020, 0, YearPlace::Title, "", 1),
                (
                    2019,
                    0,
                    YearPlace::Opening,
                    "公布某某县2019年度政府信息公开工作年度报告",
                    3
                ),
                (
                    2020,
                    0,
                    YearPlace::Opening,
                    "涵盖2020年全县政府信息公开工作情况",
                    3
                ),
                (
                    2019,
                    -1,
                    YearPlace::TableNote,
                    "行政许可 上一年项目数量（指2019年事项数）",
                    7
                ),
                (
                    2020,
                    0,
                    YearPlace::TableNote,
                    "本年增/减（指2020年增加或减少的事项数）",
                    7
                ),
                (
                    2019,
                    -1,
                    YearPlace::TableNote,
                    "上一年项目数量(指2019年事项数)",
                    8
                ),
                (
                    2020,
                    0,
                    YearPlace::TableNote,
                    "本年增/减(指2020年办件量)",
                    8
                ),
            ]
        );
    }

    #[test]
    fn agency_kind_from_the_name() {
        use AgencyKind::*;
        for (name, kind) in [
            ("某某县人民政府", Some(Government)),
            ("淮安市人民政府", Some(Government)),
            ("重庆市大渡口区人民政府", Some(Government)),
            ("内蒙古自治区人民政府", Some(Government)),
            ("某某旗人民政府", Some(Government)),
            ("某某自治州人民政府", Some(Government)),
            ("上海市浦东新区人民政府", Some(Government)),
            ("云阳县政府", Some(Government)),
            ("重庆市大渡口区", Some(Government)),
            ("某某镇人民政府", Some(Department)),
            ("某某乡人民政府", Some(Department)),
            ("某某街道办事处", Some(Department)),
            ("资阳市人民政府办公室", Some(Department)),
            ("某某省人民政府办公厅", Some(Department)),
            ("某某县财政局", Some(Department)),
            ("沭阳县发展和改革局", Some(Department)),
            ("某某市卫生健康委员会", Some(Department)),
            ("某某省教育厅", Some(Department)),
            ("平潭综合实验区", None),
            ("某某经济技术开发区管委会", None),
            ("某某高新区管理委员会", None),
            ("某某市公共资源交易中心", None),
            ("人民政府", None),
            ("", None),
        ] {
            assert_eq!(agency_kind(name), kind, "{name}");
        }
    }

    #[test]
    fn closing_signature_and_date() {
        let source = Source::new("六、其他需要报告的事项\n无。\n\n某某县财政局\n2021年1月5日\n");
        assert_eq!(closing_start(&source), source.text.find("某某县"));
        let source = Source::new("六、其他需要报告的事项\n无收费。 附件下载");
        assert_eq!(closing_start(&source), None);
    }

    #[test]
    fn template_evidence() {
        let e = TemplateEvidence::of(&han_only("本年制发件数 本年废止件数 现行有效件数"));
        assert_eq!(e.template(), Some(Template::Y2021));
        assert!(!e.mixed());
        assert_eq!(TemplateEvidence::of("").template(), None);
    }
}
