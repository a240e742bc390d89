//! The report year as the report states it: in its title, in the opening lines that say
//! which report this is, and in table notes (`（指2019年事项数）`).

use std::ops::Range;

use crate::model::{StatedYear, YearPlace};
use crate::reading::outline::Outline;
use crate::text::scan::{blanks, find_all_starting, run_until, year_nian};
use crate::text::Source;

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
pub(crate) struct Title<'a> {
    pub year: i32,
    pub line: usize,
    /// Byte offset of the year.
    pub year_at: usize,
    pub(crate) before: &'a str,
    pub(crate) after: &'a str,
}

pub(crate) fn title(source: &Source) -> Option<Title<'_>> {
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
pub(crate) fn stated_years(outline: &Outline) -> Vec<StatedYear> {
    let mut found = Vec::new();
    if let Some(title) = &outline.title {
        found.push(StatedYear {
            year: title.year,
            offset: 0,
            place: YearPlace::Title,
            quote: String::new(),
            line: title.line,
        });
    }
    opening_years(outline, &mut found);
    if let Some(tables) = outline.tables_part() {
        table_note_years(outline.source, tables, &mut found);
    }
    found
}

/// The years of the sentences of the opening lines that say which report this is:
/// `现公布…2020年…年度报告`, `涵盖2020年…`, never inside 《》 (which names a notice).
fn opening_years(outline: &Outline, found: &mut Vec<StatedYear>) {
    let (source, title) = (outline.source, outline.title.as_ref());
    let opening = outline.opening();
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
}

/// The years of table notes between headings 二 and 五: `上一年项目数量（指2019年事项数）`
/// states the year before the report year.
fn table_note_years(source: &Source, tables: Range<usize>, found: &mut Vec<StatedYear>) {
    let text = &source.text;
    let start = tables.start;
    let region = &text[tables];
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::source::Source;

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
    fn years_stated_in_the_opening_lines_and_table_headings() {
        let text = "某某县2020年政府信息公开工作年度报告\n发布时间：2021-02-08 上一篇：某某县2019年度政府信息公开工作年度报告\n根据《关于做好2021年政府信息公开工作年度报告编制工作的通知》要求，现公布某某县2019年度政府信息公开工作年度报告。本报告涵盖2020年全县政府信息公开工作情况。\n一、总体情况\n2021年将继续公布2019年度年报整改情况。\n二、主动公开政府信息情况\n行政许可 上一年项目数量（指2019年事项数） 本年增/减（指2020年增加或减少的事项数）\n信息内容 | 上一年项目数量(指2019年事项数) | 本年增/减(指2020年办件量) |\n五、存在的主要问题及改进情况\n无\n";
        let source = Source::new(text);
        let found = stated_years(&Outline::read(&source));
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
}
