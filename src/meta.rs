//! Facts about the report as a whole: template, report year, agency, statistics period and
//! publication date.

use std::sync::OnceLock;

use regex::Regex;

use crate::locate::Section;
use crate::model::AgencyKind;
use crate::read::Source;
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

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("static pattern"))
}

fn arabic_date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    regex(
        &RE,
        r"([0-9]{4})[ \t]*年[ \t]*([0-9]{1,2})[ \t]*月[ \t]*([0-9]{1,2})[ \t]*日",
    )
}

fn chinese_date_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    regex(
        &RE,
        r"([〇零○O0一二三四五六七八九]{4})[ \t]*年[ \t]*([一二三四五六七八九十]{1,2})[ \t]*月[ \t]*([一二三四五六七八九十]{1,3})[ \t]*日",
    )
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
    let mut out: Vec<(usize, usize, Date)> = arabic_date_re()
        .captures_iter(text)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let date = valid_date(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
            Some((whole.start(), whole.end(), date))
        })
        .collect();
    out.extend(chinese_date_re().captures_iter(text).filter_map(|c| {
        let whole = c.get(0)?;
        let year = c[1]
            .chars()
            .try_fold(0u32, |acc, ch| Some(acc * 10 + chinese_digit(ch)?))?;
        let date = valid_date(
            year as i32,
            chinese_small_number(&c[2])?,
            chinese_small_number(&c[3])?,
        )?;
        Some((whole.start(), whole.end(), date))
    }));
    out.sort_by_key(|d| d.0);
    out
}

fn period_range_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    regex(
        &RE,
        r"(20[0-9]{2})[ \t]*年[ \t]*([0-9]{1,2})[ \t]*月[ \t]*(?:([0-9]{1,2})[ \t]*日)?[ \t]*起?[ \t]*(?:至|到|—+|－+|-|~|～)[ \t]*(?:(20[0-9]{2})[ \t]*年[ \t]*)?([0-9]{1,2})[ \t]*月[ \t]*(?:([0-9]{1,2})[ \t]*日)?",
    )
}

fn period_year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    regex(&RE, r"^[^0-9\n]{0,8}?(20[0-9]{2})[ \t]*年[ \t]*(?:度|全年)")
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
    if let Some(c) = period_range_re().captures(window) {
        let start_year: i32 = c[1].parse().ok()?;
        let end_year: i32 = c
            .get(4)
            .map_or(Some(start_year), |y| y.as_str().parse().ok())?;
        let start_month: u32 = c[2].parse().ok()?;
        let end_month: u32 = c[5].parse().ok()?;
        let start_day = c.get(3).map_or(Some(1), |d| d.as_str().parse().ok())?;
        let end_day = c
            .get(6)
            .map_or(Some(days_in_month(end_year, end_month)), |d| {
                d.as_str().parse().ok()
            })?;
        if let (Some(start), Some(end)) = (
            valid_date(start_year, start_month, start_day),
            valid_date(end_year, end_month, end_day),
        ) {
            return Some((start, end));
        }
    }
    if let Some(c) = period_year_re().captures(window) {
        let year: i32 = c[1].parse().ok()?;
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
            match dates(trimmed)[..] {
                [(0, end, date)] if end == trimmed.len() => Some((date, line)),
                _ => None,
            }
        })
}

fn title_year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    regex(
        &RE,
        r"(20[0-9]{2})[ \t]*年[ \t]*度?([^\n]{0,30}?)(年度报告|年报|工作报告)",
    )
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
    let caps = title_year_re().captures(head)?;
    let year_at = caps.get(1)?.start();
    let line = source.line_of(year_at);
    let (line_start, _) = source.line_range(line);
    Some(Title {
        year: caps[1].parse().ok()?,
        line,
        year_at,
        before: &source.text[line_start..year_at],
        after: caps.get(2)?.as_str(),
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

fn opening_year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    regex(
        &RE,
        r"(20[0-9]{2})[ \t]*年[ \t]*度?[^，。；！？\n《》]{0,30}?(?:年度报告|年报|情况报告|工作报告)|涵盖[ \t]*(20[0-9]{2})[ \t]*年",
    )
}

fn table_note_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    regex(&RE, r"[（(][ \t]*指[ \t]*(20[0-9]{2})[ \t]*年")
}

/// Words before a year that make a sentence of the opening lines say which report this is.
const OPENING_CUES: &[&str] = &["公布", "发布", "现将", "本报告", "本年度报告", "涵盖"];

/// Where the cue nearest before a year starts in `before` (the sentence up to the year): a cue
/// at most 40 characters back, with no `：` between (page chrome such as `发布时间：…` is not
/// one).
fn opening_cue(before: &str) -> Option<usize> {
    let cue = OPENING_CUES
        .iter()
        .flat_map(|cue| before.match_indices(cue))
        .filter(|(at, cue)| {
            let after = &before[at + cue.len()..];
            !["时间", "日期", "机构", "单位"]
                .iter()
                .any(|w| after.starts_with(w))
        })
        .map(|(at, _)| at)
        .max()?;
    let between = &before[cue..];
    (between.chars().count() <= 40 && !between.contains(['：', ':'])).then_some(cue)
}

/// Text from `from` back to the start of its sentence.
fn sentence_before(text: &str, from: usize) -> &str {
    let start = text[..from]
        .rfind(['。', '！', '？', '；', '\n'])
        .map_or(0, |at| {
            at + text[at..].chars().next().map_or(1, char::len_utf8)
        });
    &text[start..from]
}

/// `s` cut to at most `n` characters, from the end when `from_end`.
fn at_most(s: &str, n: usize, from_end: bool) -> String {
    let count = s.chars().count();
    if count <= n {
        s.to_string()
    } else if from_end {
        format!("…{}", s.chars().skip(count - n).collect::<String>())
    } else {
        format!("{}…", s.chars().take(n).collect::<String>())
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
    for c in opening_year_re().captures_iter(opening) {
        let (Some(whole), Some(year)) = (c.get(0), c.get(1).or_else(|| c.get(2))) else {
            continue;
        };
        if title.is_some_and(|t| t.year_at == year.start()) {
            continue;
        }
        let before = sentence_before(opening, whole.start());
        // `《关于做好2020年政府信息公开工作年度报告…的通知》` names a notice.
        let in_book_title = match (before.rfind('《'), before.rfind('》')) {
            (Some(open), Some(close)) => open > close,
            (Some(_), None) => true,
            _ => false,
        };
        // `涵盖2020年` is its own cue.
        let covers = c.get(2).is_some();
        let cue = if covers {
            Some(before.len())
        } else {
            opening_cue(before)
        };
        let (Some(cue), false) = (cue, in_book_title) else {
            continue;
        };
        let Ok(year_value) = year.as_str().parse() else {
            continue;
        };
        let quote = if covers {
            // `涵盖2020年…工作情况`: the clause it opens.
            let rest = &opening[whole.start()..];
            let clause_end = rest.find(['，', '。', '；', '\n']).unwrap_or(rest.len());
            at_most(rest[..clause_end].trim(), 30, false)
        } else {
            // `现公布…2020年…年度报告`: from the words that say so.
            let quote_start = whole.start() - (before.len() - cue);
            at_most(opening[quote_start..whole.end()].trim(), 40, true)
        };
        found.push(StatedYear {
            year: year_value,
            offset: 0,
            place: YearPlace::Opening,
            quote,
            line: source.line_of(year.start()),
        });
    }
    let heading = |n: u8| sections.iter().find(|s| s.number == n).map(|s| s.start);
    if let (Some(start), Some(end)) = (heading(2), heading(5)) {
        if start < end {
            for c in table_note_re().captures_iter(&text[start..end]) {
                let (Some(whole), Some(year)) = (c.get(0), c.get(1)) else {
                    continue;
                };
                let at = start + whole.start();
                let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
                // The column label before the note, back to the previous cell or note.
                let label = &text[text
                    .floor_char_boundary(at.saturating_sub(36))
                    .max(line_start)..at];
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
                    .map_or(start + whole.end(), |(i, c)| {
                        at + i + if c == '\n' { 0 } else { c.len_utf8() }
                    });
                let Ok(year_value) = year.as_str().parse() else {
                    continue;
                };
                found.push(StatedYear {
                    year: year_value,
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
        let only_date = matches!(dates(cleaned)[..], [(0, end, _)] if end == cleaned.len());
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
