//! Finding the six sections of a report by their headings.

use crate::model::{Section, SECTION_TITLES};
use crate::text::distance::edit_distance;
use crate::text::numerals::numeral;

use crate::text::scan::{find_first, one_of};
use crate::text::sort;
use crate::text::tokens::{han_only, is_han};
use crate::text::Source;

/// How each section's heading may begin once reduced to Han characters.
const TITLE_STARTS: [&[&str]; 6] = [
    &["总体情况"],
    &["主动公开"],
    &["收到和处理", "依申请公开"],
    &[
        "政府信息公开行政复议",
        "行政复议",
        "因政府信息公开申请行政复议",
    ],
    &[
        "存在的主要问题",
        "政府信息公开工作存在的主要问题",
        "主要问题",
    ],
    &["其他需要报告"],
];

/// The first heading found for each section, in text order.
pub(crate) fn sections(source: &Source) -> Vec<Section> {
    let mut found: Vec<Section> = Vec::new();
    let mut lines = source.lines().peekable();
    while let Some((line, start, text)) = lines.next() {
        let next = lines.peek().copied();
        let section = heading_at_line_start(text, start, line)
            .or_else(|| heading_split_after_numeral((line, start, text), next));
        if let Some(section) = section {
            if !found.iter().any(|s| s.number == section.number) {
                found.push(section);
            }
        }
    }
    if found.len() < 6 {
        find_run_in_headings(source, &mut found);
    }
    sort::sort_by_key(&mut found, |s| s.start as u128);
    found
}

/// A heading whose numeral stands on a line of its own, its title on the next (a web page's
/// spans copied as lines: `一、` / `总体情况`): read as one heading over both lines.
fn heading_split_after_numeral(
    (line, start, text): (usize, usize, &str),
    next: Option<(usize, usize, &str)>,
) -> Option<Section> {
    let numeral_only = text.trim().trim_end_matches(['、', '.', '．', '，', ',']);
    if numeral_only.chars().count() != 1 || !(1..=6u8).any(|n| numeral_only.starts_with(numeral(n)))
    {
        return None;
    }
    let (_, next_start, next_text) = next.filter(|l| !l.2.trim().is_empty())?;
    let joined = format!("{}{next_text}", text.trim_end());
    let section = heading_at_line_start(&joined, start, line)?;
    // Offsets past the first line's text fall in the next line.
    let first = text.trim_end().len();
    let end = match section.end - start {
        at if at > first => next_start + (at - first),
        _ => next_start + next_text.len(),
    };
    Some(Section { end, ..section })
}

fn heading_at_line_start(text: &str, base: usize, line: usize) -> Option<Section> {
    let stripped = text.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '#' | '*' | '>' | '|' | '【' | '[')
    });
    let mut chars = stripped.chars();
    let printed_numeral = chars.next()?;
    let printed = (1..=6u8).find(|&n| numeral(n) == printed_numeral)?;
    let rest = chars.as_str();
    let after_sep = rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '、' | '.' | '，' | ',' | '：' | ':')
    });
    if after_sep.len() == rest.len() && !rest.starts_with(is_han) {
        return None;
    }
    let han = han_only(&after_sep[..after_sep.floor_char_boundary(120)]);
    let index = TITLE_STARTS
        .iter()
        .position(|starts| starts.iter().any(|s| han.starts_with(s)))
        .or_else(|| misspelt_title(&han, printed).map(|(index, _)| index))?;
    let number = index as u8 + 1;
    let title: String = after_sep
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '|' | '】' | ']'))
        .chars()
        .take(40)
        .collect();
    // A heading line that runs on into its table (`三、收到和处理政府信息公开申请情况（本列…`)
    // ends with its title, not with the line.
    let runs_on = after_sep.chars().count() > 40;
    let (title, end) = if runs_on {
        let title_end = std::iter::once(SECTION_TITLES[index])
            .chain(TITLE_STARTS[index].iter().copied())
            .find_map(|t| after_sep.find(t).map(|at| at + t.len()))
            .unwrap_or(0);
        let offset = text.len() - after_sep.len();
        (SECTION_TITLES[index].to_string(), base + offset + title_end)
    } else {
        (title, base + text.len())
    };
    Some(Section {
        number,
        printed_number: (printed != number).then_some(printed),
        title,
        line,
        start: base,
        end,
    })
}

/// A title with a typo (`政府信息公开行政法复议、行政诉讼情况`): the section the printed numeral
/// names, when its full title is one edit per eight characters away from the start of `han`
/// and no other title is as close; with how many characters of `han` the title takes. Only the
/// section's own numeral is trusted here: a misspelt title under another numeral is too weak a
/// sign.
fn misspelt_title(han: &str, printed: u8) -> Option<(usize, usize)> {
    let index = usize::from(printed) - 1;
    let title = han_only(SECTION_TITLES[index]);
    let title: Vec<char> = title.chars().collect();
    let start: Vec<char> = han.chars().take(title.len() + 1).collect();
    // The start of `han` as long as the title, give or take one character.
    let (distance, taken) = (title.len().saturating_sub(1)..=start.len())
        .map(|n| (edit_distance(&start[..n.min(start.len())], &title), n))
        .min()?;
    (distance >= 1 && distance <= (title.len() / 8).max(1)).then_some((index, taken))
}

/// Headings run into the text (a whole report pasted as one line): `二、主动公开政府信息情况`.
fn find_run_in_headings(source: &Source, found: &mut Vec<Section>) {
    for (index, title) in SECTION_TITLES.iter().enumerate() {
        let number = index as u8 + 1;
        if found.iter().any(|s| s.number == number) {
            continue;
        }
        let short = TITLE_STARTS[index][0];
        let mut search_from = 0;
        while let Some(pos) = source.text[search_from..].find(short) {
            let at = search_from + pos;
            search_from = at + short.len();
            let before = &source.text[..at];
            let Some(stripped) = before.strip_suffix('、') else {
                continue;
            };
            if !stripped.ends_with(numeral(number)) {
                continue;
            }
            let start = at - '、'.len_utf8() - numeral(number).len_utf8();
            let line = source.line_of(start);
            found.push(Section {
                number,
                printed_number: None,
                title: (*title).to_string(),
                line,
                start,
                end: at + short.len(),
            });
            break;
        }
        if !found.iter().any(|s| s.number == number) {
            found.extend(find_misspelt_run_in(source, index));
        }
    }
}

/// A run-in heading of section `index` whose title has a typo (`四、政府信息公开行政法复议…`).
fn find_misspelt_run_in(source: &Source, index: usize) -> Option<Section> {
    let number = index as u8 + 1;
    let marker = format!("{}、", numeral(number));
    source.text.match_indices(&marker).find_map(|(start, _)| {
        let at = start + marker.len();
        let after = &source.text[at..source.text.floor_char_boundary(at + 120)];
        let (_, taken) = misspelt_title(&han_only(after), number)?;
        // The title ends after the Han characters it took.
        let mut han_seen = 0;
        let title_end = after
            .char_indices()
            .find(|&(_, c)| {
                han_seen += usize::from(is_han(c));
                han_seen > taken
            })
            .map_or(after.len(), |(i, _)| i);
        Some(Section {
            number,
            printed_number: None,
            title: SECTION_TITLES[index].to_string(),
            line: source.line_of(start),
            start,
            end: at + title_end,
        })
    })
}

/// The title of section 五 at the start of `text`: `主要问题`, optionally followed by
/// `及改进情况`, `和整改措施`, `、下一步工作计划` and the like. What follows it.
fn problems_title(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("主要问题")?;
    let linked = rest.strip_prefix(['及', '和', '与', '、']).unwrap_or(rest);
    let Some(after) = one_of(linked, &["改进", "整改", "下一步"]) else {
        return Some(rest);
    };
    let after = after.strip_prefix("工作").unwrap_or(after);
    let nouns = ["情况", "措施", "方向", "举措", "计划", "打算"];
    Some(one_of(after, &nouns).unwrap_or(after))
}

/// The title of section 六 at the start of `text`: `其他需要报告的事项`, `其他需要报告事项` or
/// `其他需要报告`. What follows it.
fn other_matters_title(text: &str) -> Option<&str> {
    let rest = text.strip_prefix("其他需要报告")?;
    Some(one_of(rest, &["的事项", "事项"]).unwrap_or(rest))
}

/// Where the title of a heading ends: `五、存在的主要问题及改进情况：无` has its body `：无`
/// on the heading's own line. Falls back to the end of the heading.
pub(crate) fn title_end(text: &str, section: &Section) -> usize {
    let window_end = text.floor_char_boundary(section.end.max(section.start) + 90);
    let window = &text[section.start..window_end];
    let index = usize::from(section.number.clamp(1, 6)) - 1;
    let title = |read: fn(&str) -> Option<&str>| {
        find_first(window, |text| Some(((), read(text)?))).map(|(at, end, ())| (at, end))
    };
    let found = match section.number {
        5 => title(problems_title),
        6 => title(other_matters_title),
        _ => std::iter::once(SECTION_TITLES[index])
            .chain(TITLE_STARTS[index].iter().copied())
            .find_map(|t| window.find(t).map(|at| (at, at + t.len()))),
    };
    match found {
        Some((at, end)) if section.start + at < section.end => section.start + end,
        _ => section.end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<(u8, usize)> {
        sections(&Source::new(text))
            .iter()
            .map(|s| (s.number, s.line))
            .collect()
    }

    #[test]
    fn finds_headings_in_markdown_and_plain_text() {
        let text = "# 标题\n### 一、总体情况\n正文\n## 二、主动公开政府信息情况\n一、本年新收政府信息公开申请数量\t1\n三、收到和处理政府信息公开申请情况\n四、结转下年度继续办理\n#### 四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及整改措施\n## **六、其他需要报告的事项**\n";
        assert_eq!(
            numbers(text),
            [(1, 2), (2, 4), (3, 6), (4, 8), (5, 9), (6, 10)]
        );
    }

    #[test]
    fn subsections_are_not_sections() {
        assert_eq!(
            numbers("（一）主动公开政府信息情况\n一、总体情况"),
            [(1, 2)]
        );
    }

    #[test]
    fn misnumbered_heading_keeps_its_printed_numeral() {
        let found = sections(&Source::new("三、主动公开政府信息情况"));
        assert_eq!(found[0].number, 2);
        assert_eq!(found[0].printed_number, Some(3));
    }

    #[test]
    fn run_in_headings_of_a_one_line_report() {
        let text = "报告包括总体情况、主动公开政府信息情况等。一、总体情况2021年……二、主动公开政府信息情况 第二十条";
        assert_eq!(numbers(text), [(1, 1), (2, 1)]);
    }
}
