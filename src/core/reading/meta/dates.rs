//! Dates: the statistics period (`统计期限自2024年1月1日至2024年12月31日`) and the
//! publication date at the end.

use crate::model::Date;
use crate::reading::outline::Line;
use crate::text::numerals;
use crate::text::scan::{blanks, digits, find_all, find_first, one_of, year_nian};
use crate::text::sort;
use crate::text::Source;

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
        year = year * 10 + numerals::digit(chars.next()?)?;
    }
    let rest = blanks(chars.as_str()).strip_prefix('年')?;
    let (month, rest) = numerals::numeral_run(blanks(rest), 2)?;
    let rest = blanks(rest).strip_prefix('月')?;
    let (day, rest) = numerals::numeral_run(blanks(rest), 3)?;
    let rest = blanks(rest).strip_prefix('日')?;
    Some(((year, month, day), rest))
}

fn valid_date(year: i32, month: u32, day: u32) -> Option<Date> {
    ((1990..=2100).contains(&year) && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then_some(Date { year, month, day })
}

/// Every date in `text` written as `2024年1月17日` or `二〇二四年一月十七日`, with its byte range.
pub(crate) fn dates(text: &str) -> Vec<(usize, usize, Date)> {
    let mut out: Vec<(usize, usize, Date)> = find_all(text, arabic_date)
        .filter_map(|(start, end, (year, month, day))| {
            Some((start, end, valid_date(year as i32, month, day)?))
        })
        .collect();
    out.extend(
        find_all(text, chinese_date).filter_map(|(start, end, (year, month, day))| {
            let month = numerals::small_number(month)?;
            let day = numerals::small_number(day)?;
            Some((start, end, valid_date(year as i32, month, day)?))
        }),
    );
    sort::sort_by_key(&mut out, |d| d.0 as u128);
    out
}

/// The date `text` is, when it is exactly one date and nothing else. Reads from the start only:
/// the closing lines this is asked about can be long paragraphs.
pub(crate) fn whole_date(text: &str) -> Option<Date> {
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
        numerals::small_number(month)?,
        numerals::small_number(day)?,
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
pub(crate) fn statistics_period(source: &Source) -> Option<(Date, Date, usize)> {
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
pub(crate) fn publication_date(last_lines: &[Line]) -> Option<(Date, usize)> {
    last_lines.iter().find_map(|line| {
        let trimmed = line
            .text
            .trim()
            .trim_matches(|c: char| matches!(c, '*' | '#' | ' '));
        whole_date(trimmed).map(|date| (date, line.number))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::source::Source;

    #[test]
    fn reads_dates_in_both_numeral_systems() {
        let found = dates("自2024 年 1 月 1 日至二〇二四年十二月三十一日");
        let found: Vec<String> = found.iter().map(|d| d.2.to_string()).collect();
        assert_eq!(found, ["2024-01-01", "2024-12-31"]);
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
}
