//! Facts about the report as a whole: template, report year, agency, statistics period and
//! publication date.

use std::sync::OnceLock;

use regex::Regex;

use crate::read::Source;
use crate::template::{Template, MARKERS_2019, MARKERS_2021, MARKERS_OLD};
use crate::tokens::han_only;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
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

/// `统计期限自2024年1月1日至2024年12月31日`: the two dates after 统计期限 / 统计期 / 统计时限.
pub fn statistics_period(source: &Source) -> Option<(Date, Date, usize)> {
    let text = &source.text;
    for keyword in ["统计期限", "统计时限", "统计期间", "统计期", "统计时间"] {
        let Some(at) = text.find(keyword) else {
            continue;
        };
        let window_end = text.floor_char_boundary(at + 200);
        let found = dates(&text[at..window_end]);
        if let [(_, _, start), (_, _, end), ..] = found[..] {
            return Some((start, end, source.line_of(at)));
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
    fn template_evidence() {
        let e = TemplateEvidence::of(&han_only("本年制发件数 本年废止件数 现行有效件数"));
        assert_eq!(e.template(), Some(Template::Y2021));
        assert!(!e.mixed());
        assert_eq!(TemplateEvidence::of("").template(), None);
    }
}
