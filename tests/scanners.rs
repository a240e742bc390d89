//! What `meta` and `locate` read from text, pinned case by case: dates in Arabic and Chinese
//! numerals, the 统计期限, the title and its year, the agency, the years stated in the opening
//! lines and in table notes (`（指2019年…）`), section headings and where their titles end.
//!
//! These were read by regular expressions until the `regex` crate was dropped (for the size of
//! the wasm) in favour of hand-written scanners. The expected values below are what the regular
//! expressions read, recorded before the change: the scanners must read exactly the same, near
//! misses included. On a mismatch the test prints every case as it now reads, in the form of
//! the tables below.

use std::fmt::Write as _;
use std::path::Path;

use nianbao::locate;
use nianbao::meta;
use nianbao::read::Source;

/// Everything `meta` and `locate` read from `text`, one line per fact; absent facts are left
/// out. Bodies are given by number, length in bytes and first characters.
fn describe(text: &str) -> Vec<String> {
    let source = Source::new(text);
    let mut lines = Vec::new();
    let list = |found: &[(usize, usize, meta::Date)]| {
        found
            .iter()
            .map(|(start, end, date)| format!("{start}..{end} {date}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let dates = meta::dates(&source.text);
    if !dates.is_empty() {
        lines.push(format!("dates {}", list(&dates)));
    }
    let raw_dates = meta::dates(text);
    if raw_dates != dates {
        lines.push(format!("raw dates {}", list(&raw_dates)));
    }
    if let Some((start, end, line)) = meta::statistics_period(&source) {
        lines.push(format!("period {start}..{end} line {line}"));
    }
    if let Some((date, line)) = meta::publication_date(&source) {
        lines.push(format!("published {date} line {line}"));
    }
    let title = meta::title(&source);
    if let Some(t) = &title {
        lines.push(format!("title {} line {} at {}", t.year, t.line, t.year_at));
    }
    assert_eq!(
        meta::report_year(&source),
        title.as_ref().map(|t| (t.year, t.line))
    );
    if let Some(agency) = meta::agency(&source, title.as_ref()) {
        lines.push(format!("agency {agency:?}"));
    }
    let sections = locate::sections(&source);
    for s in &sections {
        lines.push(format!(
            "section {} printed {:?} line {} {}..{} {:?}",
            s.number, s.printed_number, s.line, s.start, s.end, s.title
        ));
    }
    let closing = meta::closing_start(&source);
    for (number, body) in locate::bodies(&source, &sections, closing) {
        let head: String = body.chars().take(12).collect();
        lines.push(format!("body {number} {} {head:?}", body.len()));
    }
    for s in meta::stated_years(&source, &sections, title.as_ref()) {
        lines.push(format!(
            "stated {} {:+} {:?} line {} {:?}",
            s.year, s.offset, s.place, s.line, s.quote
        ));
    }
    if let Some(closing) = closing {
        lines.push(format!("closing {closing}"));
    }
    lines
}

/// A case: how the listing names it, the text, and what it should read.
type Case<'a> = (String, String, &'a [&'a str]);

/// Compares every case and, on any mismatch, prints all of them as they now read, in the form
/// of the tables below.
fn compare(cases: &[Case]) {
    let mut wrong = Vec::new();
    let mut listing = String::new();
    for (label, input, want) in cases {
        let got = describe(input);
        if got != *want {
            wrong.push(format!("{label}\n  want {want:#?}\n  got  {got:#?}"));
        }
        let _ = writeln!(listing, "    ({label}, &{got:?}),");
    }
    assert!(
        wrong.is_empty(),
        "{} of {} cases differ:\n{}\n\nAll cases as they now read:\n{listing}",
        wrong.len(),
        cases.len(),
        wrong.join("\n")
    );
}

/// Cases written out: each named by its text.
fn written<'a>(cases: &[(&str, &'a [&'a str])]) -> Vec<Case<'a>> {
    cases
        .iter()
        .map(|&(input, want)| (format!("{input:?}"), input.to_string(), want))
        .collect()
}

// ------------------------------------------------------------------------------------ dates

const DATES: &[(&str, &[&str])] = &[
    ("", &[]),
    (
        "2021年2月19日",
        &[
            "dates 0..16 2021-02-19",
            "published 2021-02-19 line 1",
            "closing 0",
        ],
    ),
    (
        "2021 年 2 月 19 日",
        &[
            "dates 0..21 2021-02-19",
            "published 2021-02-19 line 1",
            "closing 0",
        ],
    ),
    (
        "2021\t年 \t2\t月\t 19  日",
        &[
            "dates 0..24 2021-02-19",
            "published 2021-02-19 line 1",
            "closing 0",
        ],
    ),
    ("发布日期：2021年02月09日。", &["dates 15..32 2021-02-09"]),
    ("12021年2月19日", &["dates 1..17 2021-02-19"]),
    ("20211年2月1日", &[]),
    ("2021年123月4日", &[]),
    ("2021年1月123日", &[]),
    ("2021年13月1日", &[]),
    ("2021年0月1日", &[]),
    ("2021年1月0日", &[]),
    (
        "1989年12月31日 1990年1月1日 2100年12月31日 2101年1月1日",
        &["dates 18..33 1990-01-01, 34..51 2100-12-31"],
    ),
    (
        "2021年2月30日",
        &[
            "dates 0..16 2021-02-30",
            "published 2021-02-30 line 1",
            "closing 0",
        ],
    ),
    ("2021年2月32日", &[]),
    ("2021-02-19", &[]),
    ("2021.2.19", &[]),
    ("2021/2/19", &[]),
    ("2021年2月19", &[]),
    ("2021年2月19号", &[]),
    ("21年2月19日", &[]),
    (
        "２０２１年２月１９日",
        &[
            "dates 0..16 2021-02-19",
            "raw dates ",
            "published 2021-02-19 line 1",
            "closing 0",
        ],
    ),
    (
        "2021年2月19日2022年3月4日",
        &["dates 0..16 2021-02-19, 16..31 2022-03-04"],
    ),
    ("2021年\n2月19日", &[]),
    ("2021年2月1日日", &["dates 0..15 2021-02-01"]),
    (
        "2021\u{3000}年\u{3000}2\u{3000}月\u{3000}19\u{3000}日",
        &[
            "dates 0..21 2021-02-19",
            "raw dates ",
            "published 2021-02-19 line 1",
            "closing 0",
        ],
    ),
    (
        "2021年 2月19 日",
        &[
            "dates 0..18 2021-02-19",
            "published 2021-02-19 line 1",
            "closing 0",
        ],
    ),
    (
        "2021 年2 月 19日",
        &[
            "dates 0..19 2021-02-19",
            "published 2021-02-19 line 1",
            "closing 0",
        ],
    ),
    ("2021年2 3月1日", &[]),
    ("年2月19日", &[]),
    ("2021年月19日", &[]),
    ("2021年2月日", &[]),
    (
        "二〇二一年二月十九日",
        &[
            "dates 0..30 2021-02-19",
            "published 2021-02-19 line 1",
            "closing 0",
        ],
    ),
    (
        "二〇二一年十二月三十一日",
        &[
            "dates 0..36 2021-12-31",
            "published 2021-12-31 line 1",
            "closing 0",
        ],
    ),
    (
        "二○二一年十月一日",
        &[
            "dates 0..27 2021-10-01",
            "published 2021-10-01 line 1",
            "closing 0",
        ],
    ),
    (
        "二零二一年一月一日",
        &[
            "dates 0..27 2021-01-01",
            "published 2021-01-01 line 1",
            "closing 0",
        ],
    ),
    (
        "二O二一年一月一日",
        &[
            "dates 0..25 2021-01-01",
            "published 2021-01-01 line 1",
            "closing 0",
        ],
    ),
    (
        "二0二一年一月一日",
        &[
            "dates 0..25 2021-01-01",
            "published 2021-01-01 line 1",
            "closing 0",
        ],
    ),
    (
        "二〇二一 年 二 月 十九 日",
        &[
            "dates 0..35 2021-02-19",
            "published 2021-02-19 line 1",
            "closing 0",
        ],
    ),
    (
        "二〇二一\t年二月十九日",
        &[
            "dates 0..31 2021-02-19",
            "published 2021-02-19 line 1",
            "closing 0",
        ],
    ),
    ("一二〇二一年二月十九日", &["dates 3..33 2021-02-19"]),
    ("二〇二一年十三月一日", &[]),
    ("二〇二一年二月三十二日", &[]),
    ("二〇二一年一二月一日", &[]),
    (
        "二〇二一年二月十九十日",
        &[
            "dates 0..33 2021-02-19",
            "published 2021-02-19 line 1",
            "closing 0",
        ],
    ),
    (
        "二〇二一年二月一十一日",
        &[
            "dates 0..33 2021-02-11",
            "published 2021-02-11 line 1",
            "closing 0",
        ],
    ),
    ("二〇二一年二十月一日", &[]),
    ("二〇二一年十月", &[]),
    ("〇〇〇〇年一月一日", &[]),
    ("0000年1月1日", &[]),
    ("二〇二一年二月一百日", &[]),
    (
        "二〇二一年二月二十日",
        &[
            "dates 0..30 2021-02-20",
            "published 2021-02-20 line 1",
            "closing 0",
        ],
    ),
    (
        "二〇二一年十月十日",
        &[
            "dates 0..27 2021-10-10",
            "published 2021-10-10 line 1",
            "closing 0",
        ],
    ),
    ("二〇二一年二月 十 九 日", &[]),
    ("2021年二月十九日", &[]),
    ("二〇二一年2月19日", &[]),
    ("二〇二年二月十九日", &[]),
    ("二〇二一年十十月一日", &[]),
    ("二〇二一年十月十十日", &[]),
    ("二〇二一年一十二月一日", &[]),
    ("二〇二一年二月三十一十日", &[]),
    (
        "一九九〇年一月一日",
        &[
            "dates 0..27 1990-01-01",
            "published 1990-01-01 line 1",
            "closing 0",
        ],
    ),
    ("一九八九年十二月三十一日", &[]),
    (
        "二一〇〇年十二月三十一日",
        &[
            "dates 0..36 2100-12-31",
            "published 2100-12-31 line 1",
            "closing 0",
        ],
    ),
    ("OOOO年一月一日", &[]),
    (
        "二〇二一年二月十九日二〇二二年三月四日",
        &["dates 0..30 2021-02-19, 30..57 2022-03-04"],
    ),
    (
        "二〇二一年二月十九日2021年2月19日",
        &["dates 0..30 2021-02-19, 30..46 2021-02-19"],
    ),
    (
        "自2024 年 1 月 1 日至二〇二四年十二月三十一日",
        &["dates 3..23 2024-01-01, 26..62 2024-12-31"],
    ),
    (
        "2021年1月1日至2021年12月31日，二〇二二年一月一日",
        &["dates 0..15 2021-01-01, 18..35 2021-12-31, 38..65 2022-01-01"],
    ),
    (
        "正文\n\n2021年2月19日\n",
        &[
            "dates 8..24 2021-02-19",
            "published 2021-02-19 line 3",
            "closing 8",
        ],
    ),
    (
        "正文\n**2021年2月19日**\n",
        &[
            "dates 9..25 2021-02-19",
            "published 2021-02-19 line 2",
            "closing 7",
        ],
    ),
    (
        "正文\n# 2021年2月19日",
        &[
            "dates 9..25 2021-02-19",
            "published 2021-02-19 line 2",
            "closing 7",
        ],
    ),
    ("正文\n2021年2月19日。\n", &["dates 7..23 2021-02-19"]),
    (
        "正文\n2021年2月19日 2021年2月20日\n",
        &["dates 7..23 2021-02-19, 24..40 2021-02-20"],
    ),
    (
        "正文\n| 2021年2月19日 |\n",
        &["dates 9..25 2021-02-19", "closing 7"],
    ),
    (
        "正文\n某某县财政局\n二〇二一年二月十九日\n",
        &[
            "dates 26..56 2021-02-19",
            "published 2021-02-19 line 3",
            "agency \"某某县财政局\"",
            "closing 7",
        ],
    ),
    (
        "正文\n某某县财政局\n2021年2月19日\n\n\n",
        &[
            "dates 26..42 2021-02-19",
            "published 2021-02-19 line 3",
            "agency \"某某县财政局\"",
            "closing 7",
        ],
    ),
    (
        "2021年2月19日\n1\n2\n3\n4\n5\n6\n7\n8\n",
        &["dates 0..16 2021-02-19"],
    ),
];

#[test]
fn dates_read_as_before() {
    compare(&written(DATES));
}

const PERIODS: &[(&str, &[&str])] = &[
    (
        "统计期限为2020年1月1日至2020年12月31日。",
        &[
            "dates 15..30 2020-01-01, 33..50 2020-12-31",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限自2020年1月1日起至2020年12月31日止。",
        &[
            "dates 15..30 2020-01-01, 36..53 2020-12-31",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限：2020年1月1日—2020年12月31日",
        &[
            "dates 15..30 2020-01-01, 33..50 2020-12-31",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限：2020年1月1日——2020年12月31日",
        &[
            "dates 15..30 2020-01-01, 36..53 2020-12-31",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限：2020年1月1日－2020年12月31日",
        &[
            "dates 15..30 2020-01-01, 31..48 2020-12-31",
            "raw dates 15..30 2020-01-01, 33..50 2020-12-31",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限：2020年1月1日-2020年12月31日",
        &[
            "dates 15..30 2020-01-01, 31..48 2020-12-31",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限：2020年1月1日--2020年12月31日",
        &[
            "dates 15..30 2020-01-01, 32..49 2020-12-31",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限：2020年1月1日~2020年12月31日",
        &[
            "dates 15..30 2020-01-01, 31..48 2020-12-31",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限：2020年1月1日～2020年12月31日",
        &[
            "dates 15..30 2020-01-01, 33..50 2020-12-31",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限：2020年1月1日到2020年12月31日",
        &[
            "dates 15..30 2020-01-01, 33..50 2020-12-31",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限：2020年1月1日 至 12月31日",
        &[
            "dates 15..30 2020-01-01",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限：2020年1月1日—－2020年12月31日",
        &[
            "dates 15..30 2020-01-01, 34..51 2020-12-31",
            "raw dates 15..30 2020-01-01, 36..53 2020-12-31",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限：2020年1月1日至至2020年12月31日",
        &[
            "dates 15..30 2020-01-01, 36..53 2020-12-31",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限为2020年1月至12月",
        &["period 2020-01-01..2020-12-31 line 1"],
    ),
    (
        "统计期限为2020年2月至2020年2月",
        &["period 2020-02-01..2020-02-29 line 1"],
    ),
    (
        "统计期限为2021年2月至2月",
        &["period 2021-02-01..2021-02-28 line 1"],
    ),
    (
        "统计期限为2000年2月至2月",
        &["period 2000-02-01..2000-02-29 line 1"],
    ),
    (
        "统计期限为2020年4月至4月",
        &["period 2020-04-01..2020-04-30 line 1"],
    ),
    (
        "统计期限为2020年1月至11月",
        &["period 2020-01-01..2020-11-30 line 1"],
    ),
    (
        "统计期限为2020 年 1 月 1 日 至 2020 年 12 月 31 日",
        &[
            "dates 15..35 2020-01-01, 40..62 2020-12-31",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限为2020\t年\t1\t月\t1\t日\t起\t至\t2020\t年\t12\t月\t31\t日",
        &[
            "dates 15..35 2020-01-01, 44..66 2020-12-31",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限为2020年度。",
        &["period 2020-01-01..2020-12-31 line 1"],
    ),
    (
        "统计期限为2020年全年。",
        &["period 2020-01-01..2020-12-31 line 1"],
    ),
    (
        "统计期限为 2020 年 度",
        &["period 2020-01-01..2020-12-31 line 1"],
    ),
    (
        "统计期限为2020年 全年",
        &["period 2020-01-01..2020-12-31 line 1"],
    ),
    (
        "统计期限为本年度即2020年度",
        &["period 2020-01-01..2020-12-31 line 1"],
    ),
    ("统计期限为自然年度也就是公历的2020年度", &[]),
    ("统计期限为一二三四五六七八2020年度", &[]),
    ("统计期限为一二三四五六七八九2020年度", &[]),
    ("统计期限为abcdefgh2020年度", &[]),
    ("统计期限为abcdefghi2020年度", &[]),
    ("统计期限为12 2020年度", &[]),
    ("统计期限\n2020年度", &[]),
    ("统计期限为\n2020年度", &[]),
    ("统计期限为2020年", &[]),
    (
        "统计期限为2020年度报告",
        &["period 2020-01-01..2020-12-31 line 1"],
    ),
    ("统计期限为2020年全", &[]),
    ("统计期限为1999年度", &[]),
    ("统计期限为2020年年度", &[]),
    (
        "统计期限为2020年 度全年",
        &["period 2020-01-01..2020-12-31 line 1"],
    ),
    ("统计期限为2020年13月至2020年12月", &[]),
    (
        "统计期限为2020年度，即2020年1月1日至12月31日",
        &[
            "dates 31..46 2020-01-01",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限为2020年1月1日至2021年3月31日",
        &[
            "dates 15..30 2020-01-01, 33..49 2021-03-31",
            "period 2020-01-01..2021-03-31 line 1",
        ],
    ),
    (
        "统计期限为2020年1月1日至2020年12月",
        &[
            "dates 15..30 2020-01-01",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限为2020年1月1日至2020年12月311日",
        &[
            "dates 15..30 2020-01-01",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    ("统计期限为2020年1月1号至12月31号", &[]),
    (
        "统计期限为2020年1月1日 起 至 2020年12月31日",
        &[
            "dates 15..30 2020-01-01, 39..56 2020-12-31",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限为2020年1月1日起到12月31日",
        &[
            "dates 15..30 2020-01-01",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限为2020年1月1日起起至12月31日",
        &["dates 15..30 2020-01-01"],
    ),
    (
        "统计期限为二〇二〇年一月一日至二〇二〇年十二月三十一日",
        &[
            "dates 15..42 2020-01-01, 45..81 2020-12-31",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    ("统计期限为2020年1月1日至今", &["dates 15..30 2020-01-01"]),
    (
        "统计期限为102020年1月至12月",
        &["period 2020-01-01..2020-12-31 line 1"],
    ),
    ("统计期限为2020年1月至2021年", &[]),
    ("统计期限为2020年1月至20月", &[]),
    (
        "统计期限为2020年6月1日至5月31日",
        &[
            "dates 15..30 2020-06-01",
            "period 2020-06-01..2020-05-31 line 1",
        ],
    ),
    (
        "统计期限为2020年1月1日至2020年2月30日",
        &[
            "dates 15..30 2020-01-01, 33..49 2020-02-30",
            "period 2020-01-01..2020-02-30 line 1",
        ],
    ),
    (
        "统计期限为2020年1月32日至2020年12月31日",
        &["dates 34..51 2020-12-31"],
    ),
    (
        "统计期限为2020年1月1日至2020年12月32日",
        &["dates 15..30 2020-01-01"],
    ),
    (
        "统计期限为2020年1月1日至2020年12月31日（2020年度）",
        &[
            "dates 15..30 2020-01-01, 33..50 2020-12-31",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限为2020年1月1日至20201年12月31日",
        &["dates 15..30 2020-01-01"],
    ),
    (
        "统计期限为2020年1月1日至2020 12月31日",
        &["dates 15..30 2020-01-01"],
    ),
    (
        "统计期限为2020年1月1日至2020年 12 月 31 日",
        &[
            "dates 15..30 2020-01-01, 33..54 2020-12-31",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限为20201年1月至12月，即2021年1月至12月",
        &["period 2021-01-01..2021-12-31 line 1"],
    ),
    (
        "统计期限为2020年1月至12月31",
        &["period 2020-01-01..2020-12-31 line 1"],
    ),
    ("统计期限为2020年123月至12月", &[]),
    (
        "统计期限为2020年1月1日至12月31日。统计期限为2021年度。",
        &[
            "dates 15..30 2020-01-01",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期间共收到申请5件。统计期限为2021年度",
        &["period 2021-01-01..2021-12-31 line 1"],
    ),
    (
        "统计时段为2021年1月至12月",
        &["period 2021-01-01..2021-12-31 line 1"],
    ),
    (
        "本报告统计期为2020年度",
        &["period 2020-01-01..2020-12-31 line 1"],
    ),
    (
        "统计时间从2020年1月到12月。",
        &["period 2020-01-01..2020-12-31 line 1"],
    ),
    (
        "统计时限：2020年度",
        &["period 2020-01-01..2020-12-31 line 1"],
    ),
    (
        "统计期限说明见下。\n本报告所列数据的统计期限自2021年1月1日起至2021年12月31日止。",
        &[
            "dates 67..82 2021-01-01, 88..105 2021-12-31",
            "period 2021-01-01..2021-12-31 line 1",
        ],
    ),
    ("统计期限", &[]),
    ("统计期间共收到申请5件", &[]),
    (
        "统计期限为２０２０年１月１日至２０２０年１２月３１日",
        &[
            "dates 15..30 2020-01-01, 33..50 2020-12-31",
            "raw dates ",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限为2020年1月1日至2020年12月31日\n统计期为2019年度",
        &[
            "dates 15..30 2020-01-01, 33..50 2020-12-31",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限2020年1月1日至2020年12月31日2021年1月1日",
        &[
            "dates 12..27 2020-01-01, 30..47 2020-12-31, 47..62 2021-01-01",
            "period 2020-01-01..2020-12-31 line 1",
        ],
    ),
    (
        "统计期限为2019年度2020年1月至12月",
        &["period 2020-01-01..2020-12-31 line 1"],
    ),
];

#[test]
fn periods_read_as_before() {
    compare(&written(PERIODS));
}

const TITLES: &[(&str, &[&str])] = &[
    (
        "2020年政府信息公开工作年度报告",
        &["title 2020 line 1 at 0", "stated 2020 +0 Title line 1 \"\""],
    ),
    (
        "某某县人民政府2020年政府信息公开工作年度报告",
        &[
            "title 2020 line 1 at 21",
            "agency \"某某县人民政府\"",
            "stated 2020 +0 Title line 1 \"\"",
        ],
    ),
    (
        "2020年某某县人民政府政府信息公开工作年度报告",
        &[
            "title 2020 line 1 at 0",
            "agency \"某某县人民政府\"",
            "stated 2020 +0 Title line 1 \"\"",
        ],
    ),
    (
        "现公布2020年资阳市人民政府办公室信息公开工作年度报告",
        &[
            "title 2020 line 1 at 9",
            "agency \"资阳市人民政府办公室\"",
            "stated 2020 +0 Title line 1 \"\"",
        ],
    ),
    (
        "2020 年 度 政府信息公开工作年度报告",
        &["title 2020 line 1 at 0", "stated 2020 +0 Title line 1 \"\""],
    ),
    ("2020年度报告", &[]),
    (
        "2020年年报",
        &["title 2020 line 1 at 0", "stated 2020 +0 Title line 1 \"\""],
    ),
    (
        "2020年度年报",
        &["title 2020 line 1 at 0", "stated 2020 +0 Title line 1 \"\""],
    ),
    (
        "2020年工作报告",
        &["title 2020 line 1 at 0", "stated 2020 +0 Title line 1 \"\""],
    ),
    (
        "2020年度工作报告",
        &["title 2020 line 1 at 0", "stated 2020 +0 Title line 1 \"\""],
    ),
    ("2020年政府信息公开\n工作年度报告", &[]),
    (
        "12020年政府信息公开工作年度报告",
        &["title 2020 line 1 at 1", "stated 2020 +0 Title line 1 \"\""],
    ),
    (
        "2019年工作总结 2020年政府信息公开工作年度报告",
        &["title 2019 line 1 at 0", "stated 2019 +0 Title line 1 \"\""],
    ),
    (
        "# 重庆市云阳县人民政府\n\n## 2020 年政府信息公开工作年度报告\n正文。",
        &[
            "title 2020 line 3 at 37",
            "agency \"重庆市云阳县人民政府\"",
            "stated 2020 +0 Title line 3 \"\"",
        ],
    ),
    (
        "平潭综合实验区2021年度政府信息公开工作年度报告",
        &[
            "title 2021 line 1 at 21",
            "agency \"平潭综合实验区\"",
            "stated 2021 +0 Title line 1 \"\"",
        ],
    ),
    (
        "…现公布 平潭综合实验区2021年度政府信息公开工作年度报告",
        &[
            "title 2021 line 1 at 34",
            "agency \"平潭综合实验区\"",
            "stated 2021 +0 Title line 1 \"\"",
        ],
    ),
    (
        "2020年度政府信息公开年报",
        &["title 2020 line 1 at 0", "stated 2020 +0 Title line 1 \"\""],
    ),
    (
        "2020年\t度政府信息公开工作年度报告",
        &["title 2020 line 1 at 0", "stated 2020 +0 Title line 1 \"\""],
    ),
    ("20201年政府信息公开工作年度报告", &[]),
    (
        "2020年度报告\n2021年政府信息公开工作年度报告",
        &[
            "title 2021 line 2 at 17",
            "stated 2021 +0 Title line 2 \"\"",
        ],
    ),
    (
        "沭阳县发展和改革局2023年政府信息公开年度报告",
        &[
            "title 2023 line 1 at 27",
            "agency \"沭阳县发展和改革局\"",
            "stated 2023 +0 Title line 1 \"\"",
        ],
    ),
    ("1999年政府信息公开工作年度报告", &[]),
    (
        "2020年度度政府信息公开工作年度报告",
        &["title 2020 line 1 at 0", "stated 2020 +0 Title line 1 \"\""],
    ),
    ("2020年政府信息公开工作情况报告", &[]),
    (
        "2020年度年度报告",
        &["title 2020 line 1 at 0", "stated 2020 +0 Title line 1 \"\""],
    ),
    (
        "2020年年度报告",
        &["title 2020 line 1 at 0", "stated 2020 +0 Title line 1 \"\""],
    ),
    (
        "重庆市大渡口区 2020年政府信息公开工作年度报告",
        &[
            "title 2020 line 1 at 22",
            "agency \"重庆市大渡口区\"",
            "stated 2020 +0 Title line 1 \"\"",
        ],
    ),
    (
        "2020年重庆市大渡口区政府信息公开工作年度报告\n正文",
        &[
            "title 2020 line 1 at 0",
            "agency \"重庆市大渡口区\"",
            "stated 2020 +0 Title line 1 \"\"",
        ],
    ),
    ("2020年 的 年 报", &[]),
    ("二〇二〇年政府信息公开工作年度报告", &[]),
];

#[test]
fn titles_read_as_before() {
    compare(&written(TITLES));
}

const OPENING: &[(&str, &[&str])] = &[
    ("某某县2020年政府信息公开工作年度报告\n现公布2020年度政府信息公开工作年度报告。\n一、总体情况\n正文", &["title 2020 line 1 at 9", "agency \"某某县\"", "section 1 printed None line 3 112..130 \"总体情况\"", "body 1 7 \"\\n正文\"", "stated 2020 +0 Title line 1 \"\"", "stated 2020 +0 Opening line 2 \"公布2020年度政府信息公开工作年度报告\""]),
    ("本报告涵盖2020年1月1日至12月31日期间的工作。", &["dates 15..30 2020-01-01", "stated 2020 +0 Opening line 1 \"涵盖2020年1月1日至12月31日期间的工作\""]),
    ("本报告涵盖 2020 年全县工作情况，其他", &["stated 2020 +0 Opening line 1 \"涵盖 2020 年全县工作情况\""]),
    ("涵盖\t2020\t年", &["stated 2020 +0 Opening line 1 \"涵盖\\t2020\\t年\""]),
    ("涵盖2020 年度", &["stated 2020 +0 Opening line 1 \"涵盖2020 年度\""]),
    ("涵盖20201年", &[]),
    ("涵盖 二〇二〇年", &[]),
    ("根据《关于做好2020年政府信息公开工作年度报告编制工作的通知》要求，现公布本年度报告。", &["title 2020 line 1 at 21", "stated 2020 +0 Title line 1 \"\""]),
    ("发布时间：2021-02-08 上一篇：某某县2019年度政府信息公开工作年度报告", &["title 2019 line 1 at 47", "agency \"某某县\"", "stated 2019 +0 Title line 1 \"\""]),
    ("现公布2019年度2020年度工作报告。", &["title 2019 line 1 at 9", "stated 2019 +0 Title line 1 \"\""]),
    ("现公布2020年度，政府信息公开工作年度报告", &["title 2020 line 1 at 9", "stated 2020 +0 Title line 1 \"\""]),
    ("现公布2020年度《政府信息公开工作年度报告》", &["title 2020 line 1 at 9", "stated 2020 +0 Title line 1 \"\""]),
    ("现将2020年政府信息公开情况报告如下", &["stated 2020 +0 Opening line 1 \"现将2020年政府信息公开情况报告\""]),
    ("现公布2020年年报。", &["title 2020 line 1 at 9", "stated 2020 +0 Title line 1 \"\""]),
    ("《本报告涵盖2020年》", &[]),
    ("涵盖2020年涵盖2021年", &["stated 2020 +0 Opening line 1 \"涵盖2020年涵盖2021年\"", "stated 2021 +0 Opening line 1 \"涵盖2021年\""]),
    ("现将我县2020年度政府信息公开工作情况报告如下：", &["stated 2020 +0 Opening line 1 \"现将我县2020年度政府信息公开工作情况报告\""]),
    ("本年度报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。", &["dates 48..63 2020-01-01, 69..86 2020-12-31", "period 2020-01-01..2020-12-31 line 1"]),
    ("现发布2020年度报告", &[]),
    ("公布时间：2021年2月1日 2020年度年报", &["dates 15..30 2021-02-01", "title 2021 line 1 at 15", "stated 2021 +0 Title line 1 \"\""]),
    ("现公布某某县某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某2020年度工作报告", &["title 2020 line 1 at 126", "stated 2020 +0 Title line 1 \"\""]),
    ("现公布某某县某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某2020年度工作报告", &["title 2020 line 1 at 120", "stated 2020 +0 Title line 1 \"\""]),
    ("本报告由某某县人民政府办公室编制。2020年政府信息公开工作年度报告如下。", &["title 2020 line 1 at 51", "stated 2020 +0 Title line 1 \"\""]),
    ("发布机构：2020年度工作报告", &["title 2020 line 1 at 15", "stated 2020 +0 Title line 1 \"\""]),
    ("本报告：2020年度工作报告", &["title 2020 line 1 at 12", "stated 2020 +0 Title line 1 \"\""]),
    ("现公布2020年度！政府信息公开工作年报", &["title 2020 line 1 at 9", "stated 2020 +0 Title line 1 \"\""]),
    ("现公布2020年度；年报", &["title 2020 line 1 at 9", "stated 2020 +0 Title line 1 \"\""]),
    ("现公布2020年度？年报", &["title 2020 line 1 at 9", "stated 2020 +0 Title line 1 \"\""]),
    ("现公布2020年度\n年报", &[]),
    ("现公布2020年度》年报", &["title 2020 line 1 at 9", "stated 2020 +0 Title line 1 \"\""]),
    ("现公布2020年度\u{3000}年报", &["title 2020 line 1 at 9", "stated 2020 +0 Title line 1 \"\""]),
    ("现公布2020年度\t年报", &["title 2020 line 1 at 9", "stated 2020 +0 Title line 1 \"\""]),
    ("现公布 2020 年 度 工作报告", &["title 2020 line 1 at 10", "stated 2020 +0 Title line 1 \"\""]),
    ("《现公布2020年度工作报告", &["title 2020 line 1 at 12", "stated 2020 +0 Title line 1 \"\""]),
    ("》现公布2020年度工作报告", &["title 2020 line 1 at 12", "stated 2020 +0 Title line 1 \"\""]),
    ("《通知》现公布2020年度工作报告", &["title 2020 line 1 at 21", "stated 2020 +0 Title line 1 \"\""]),
    ("本年度报告2020年度年报", &["title 2020 line 1 at 15", "stated 2020 +0 Title line 1 \"\""]),
    ("发布单位某某局2020年度年报", &["title 2020 line 1 at 21", "agency \"发布单位某某局\"", "stated 2020 +0 Title line 1 \"\""]),
    ("公布日期2020年度年报", &["title 2020 line 1 at 12", "stated 2020 +0 Title line 1 \"\""]),
    ("标题\n现公布2020年度工作报告。现公布2021年度工作报告。\n涵盖2022年", &["title 2020 line 2 at 16", "stated 2020 +0 Title line 2 \"\"", "stated 2021 +0 Opening line 2 \"公布2021年度工作报告\"", "stated 2022 +0 Opening line 3 \"涵盖2022年\""]),
    ("2020年政府信息公开工作年度报告\n2020年政府信息公开工作年度报告", &["title 2020 line 1 at 0", "stated 2020 +0 Title line 1 \"\""]),
    ("2020年政府信息公开工作年度报告\n现公布2019年度年报，本报告涵盖2020年\n一、总体情况\n现公布2018年度年报", &["title 2020 line 1 at 0", "section 1 printed None line 3 95..113 \"总体情况\"", "body 1 26 \"\\n现公布2018年度年报\"", "stated 2020 +0 Title line 1 \"\"", "stated 2019 +0 Opening line 2 \"公布2019年度年报\"", "stated 2020 +0 Opening line 2 \"涵盖2020年\""]),
];

#[test]
fn opening_lines_read_as_before() {
    compare(&written(OPENING));
}

const NOTES: &[(&str, &[&str])] = &[
    ("二、主动公开政府信息情况\n行政许可 上一年项目数量（指2019年事项数） 本年增/减（指2020年增加或减少的事项数）\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 154..196 \"存在的主要问题及改进情况\"", "body 2 118 \"\\n行政许可 上一年项目数\"", "body 5 5 \"\\n无\\n\"", "stated 2019 -1 TableNote line 2 \"行政许可 上一年项目数量（指2019年事项数）\"", "stated 2020 +0 TableNote line 2 \"本年增/减（指2020年增加或减少的事项数）\""]),
    ("二、主动公开政府信息情况\n信息内容 | 上一年项目数量(指2019年事项数) | 本年增/减(指2020年办件量) |\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 134..176 \"存在的主要问题及改进情况\"", "body 2 98 \"\\n信息内容 | 上一年项\"", "body 5 5 \"\\n无\\n\"", "stated 2019 -1 TableNote line 2 \"上一年项目数量(指2019年事项数)\"", "stated 2020 +0 TableNote line 2 \"本年增/减(指2020年办件量)\""]),
    ("二、主动公开政府信息情况\n上年项目数量（ 指 2019 年事项数）\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 84..126 \"存在的主要问题及改进情况\"", "body 2 48 \"\\n上年项目数量（ 指 2\"", "body 5 5 \"\\n无\\n\"", "stated 2019 -1 TableNote line 2 \"上年项目数量（ 指 2019 年事项数）\""]),
    ("二、主动公开政府信息情况\n下一年（指2021年计划）\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 69..111 \"存在的主要问题及改进情况\"", "body 2 33 \"\\n下一年（指2021年计\"", "body 5 5 \"\\n无\\n\"", "stated 2021 +1 TableNote line 2 \"下一年（指2021年计划）\""]),
    ("二、主动公开政府信息情况\n下年（指2021年计划）\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 66..108 \"存在的主要问题及改进情况\"", "body 2 30 \"\\n下年（指2021年计划\"", "body 5 5 \"\\n无\\n\"", "stated 2021 +1 TableNote line 2 \"下年（指2021年计划）\""]),
    ("二、主动公开政府信息情况\n（指2019 年\n事项数）\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 4 65..107 \"存在的主要问题及改进情况\"", "body 2 29 \"\\n（指2019 年\\n事项\"", "body 5 5 \"\\n无\\n\"", "stated 2019 +0 TableNote line 2 \"（指2019 年\""]),
    ("二、主动公开政府信息情况\n（指二〇一九年事项数）\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 71..113 \"存在的主要问题及改进情况\"", "body 2 35 \"\\n（指二〇一九年事项数）\"", "body 5 5 \"\\n无\\n\""]),
    ("二、主动公开政府信息情况\n（2019年事项数）\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 60..102 \"存在的主要问题及改进情况\"", "body 2 24 \"\\n（2019年事项数）\\n\"", "body 5 5 \"\\n无\\n\""]),
    ("二、主动公开政府信息情况\n（指201年）\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 53..95 \"存在的主要问题及改进情况\"", "body 2 17 \"\\n（指201年）\\n\"", "body 5 5 \"\\n无\\n\""]),
    ("二、主动公开政府信息情况\n（指12019年）\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 55..97 \"存在的主要问题及改进情况\"", "body 2 19 \"\\n（指12019年）\\n\"", "body 5 5 \"\\n无\\n\""]),
    ("二、主动公开政府信息情况\n（指20191年）\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 55..97 \"存在的主要问题及改进情况\"", "body 2 19 \"\\n（指20191年）\\n\"", "body 5 5 \"\\n无\\n\""]),
    ("二、主动公开政府信息情况\n（指2019\n年）\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 4 55..97 \"存在的主要问题及改进情况\"", "body 2 19 \"\\n（指2019\\n年）\\n\"", "body 5 5 \"\\n无\\n\""]),
    ("二、主动公开政府信息情况\n上一年项目数量（指2019年事项数\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 81..123 \"存在的主要问题及改进情况\"", "body 2 45 \"\\n上一年项目数量（指20\"", "body 5 5 \"\\n无\\n\"", "stated 2019 -1 TableNote line 2 \"上一年项目数量（指2019年事项数\""]),
    ("二、主动公开政府信息情况\n上一年项目数量（指2019年某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某）\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 189..231 \"存在的主要问题及改进情况\"", "body 2 153 \"\\n上一年项目数量（指20\"", "body 5 5 \"\\n无\\n\"", "stated 2019 -1 TableNote line 2 \"上一年项目数量（指2019年\""]),
    ("二、主动公开政府信息情况\n某某某某某某某某某某某某某某上一年项目数量（指2019年）\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 117..159 \"存在的主要问题及改进情况\"", "body 2 81 \"\\n某某某某某某某某某某某\"", "body 5 5 \"\\n无\\n\"", "stated 2019 -1 TableNote line 2 \"某某某某某上一年项目数量（指2019年）\""]),
    ("二、主动公开政府信息情况\n上一年\t项目数量（指2019年）\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 76..118 \"存在的主要问题及改进情况\"", "body 2 40 \"\\n上一年\\t项目数量（指2\"", "body 5 5 \"\\n无\\n\"", "stated 2019 +0 TableNote line 2 \"项目数量（指2019年）\""]),
    ("二、主动公开政府信息情况\n上一年|项目数量（指2019年）\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 76..118 \"存在的主要问题及改进情况\"", "body 2 40 \"\\n上一年|项目数量（指2\"", "body 5 5 \"\\n无\\n\"", "stated 2019 +0 TableNote line 2 \"项目数量（指2019年）\""]),
    ("二、主动公开政府信息情况\n(指2019年)(指2020年)\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 62..104 \"存在的主要问题及改进情况\"", "body 2 26 \"\\n(指2019年)(指2\"", "body 5 5 \"\\n无\\n\"", "stated 2019 +0 TableNote line 2 \"(指2019年)\"", "stated 2020 +0 TableNote line 2 \"(指2020年)\""]),
    ("二、主动公开政府信息情况\n（指（指2019年）\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 60..102 \"存在的主要问题及改进情况\"", "body 2 24 \"\\n（指（指2019年）\\n\"", "body 5 5 \"\\n无\\n\"", "stated 2019 +0 TableNote line 2 \"（指（指2019年）\""]),
    ("二、主动公开政府信息情况\n(\t指\t2019\t年)\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 53..95 \"存在的主要问题及改进情况\"", "body 2 17 \"\\n(\\t指\\t2019\\t年)\"", "body 5 5 \"\\n无\\n\"", "stated 2019 +0 TableNote line 2 \"(\\t指\\t2019\\t年)\""]),
    ("二、主动公开政府信息情况\n（指1999年）\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 54..96 \"存在的主要问题及改进情况\"", "body 2 18 \"\\n（指1999年）\\n\"", "body 5 5 \"\\n无\\n\""]),
    ("二、主动公开政府信息情况\n本年新增（指2020年）上一年\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 75..117 \"存在的主要问题及改进情况\"", "body 2 39 \"\\n本年新增（指2020年\"", "body 5 5 \"\\n无\\n\"", "stated 2020 +0 TableNote line 2 \"本年新增（指2020年）\""]),
    ("二、主动公开政府信息情况\n上一年）（指2019年）\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 66..108 \"存在的主要问题及改进情况\"", "body 2 30 \"\\n上一年）（指2019年\"", "body 5 5 \"\\n无\\n\"", "stated 2019 +0 TableNote line 2 \"（指2019年）\""]),
    ("二、主动公开政府信息情况\n行政许可\n上一年项目数量（指2019年事项数）\n本年增/减（指2020年）\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 5 127..169 \"存在的主要问题及改进情况\"", "body 2 91 \"\\n行政许可\\n上一年项目数\"", "body 5 5 \"\\n无\\n\"", "stated 2019 -1 TableNote line 3 \"上一年项目数量（指2019年事项数）\"", "stated 2020 +0 TableNote line 4 \"本年增/减（指2020年）\""]),
    ("二、主动公开政府信息情况\n上一年项目数量（指2019年事项数\n本年\n五、存在的主要问题及改进情况\n无\n", &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 4 88..130 \"存在的主要问题及改进情况\"", "body 2 52 \"\\n上一年项目数量（指20\"", "body 5 5 \"\\n无\\n\"", "stated 2019 -1 TableNote line 2 \"上一年项目数量（指2019年事项数\""]),
    ("五、存在的主要问题及改进情况\n无\n二、主动公开政府信息情况\n上一年（指2019年）\n", &["section 5 printed None line 1 0..42 \"存在的主要问题及改进情况\"", "section 2 printed None line 3 47..83 \"主动公开政府信息情况\"", "body 5 5 \"\\n无\\n\"", "body 2 27 \"\\n上一年（指2019年）\""]),
];

#[test]
fn table_notes_read_as_before() {
    compare(&written(NOTES));
}

const SECTIONS: &[(&str, &[&str])] = &[
    ("一、总体情况\n正文\n五、存在的主要问题及改进情况：暂无\n六、其他需要报告的事项\n无。\n某某局\n2021年1月5日", &["dates 129..144 2021-01-05", "published 2021-01-05 line 7", "agency \"某某局\"", "section 1 printed None line 1 0..18 \"总体情况\"", "section 5 printed None line 3 26..77 \"存在的主要问题及改进情况：暂无\"", "section 6 printed None line 4 78..111 \"其他需要报告的事项\"", "body 1 8 \"\\n正文\\n\"", "body 5 10 \"：暂无\\n\"", "body 6 8 \"\\n无。\\n\"", "closing 119"]),
    ("五、主要问题和整改措施：无", &["section 5 printed None line 1 0..39 \"主要问题和整改措施：无\"", "body 5 6 \"：无\""]),
    ("五、存在的主要问题、下一步工作打算：略", &["section 5 printed None line 1 0..57 \"存在的主要问题、下一步工作打算：略\"", "body 5 6 \"：略\""]),
    ("五、主要问题与改进工作方向：略", &["section 5 printed None line 1 0..45 \"主要问题与改进工作方向：略\"", "body 5 6 \"：略\""]),
    ("五、主要问题及改进工作：略", &["section 5 printed None line 1 0..39 \"主要问题及改进工作：略\"", "body 5 6 \"：略\""]),
    ("五、主要问题及其他：略", &["section 5 printed None line 1 0..33 \"主要问题及其他：略\"", "body 5 15 \"及其他：略\""]),
    ("五、存在的主要问题及改进措施\n略", &["section 5 printed None line 1 0..42 \"存在的主要问题及改进措施\"", "body 5 4 \"\\n略\""]),
    ("五、主要问题整改情况：略", &["section 5 printed None line 1 0..36 \"主要问题整改情况：略\"", "body 5 6 \"：略\""]),
    ("五、主要问题下一步计划：略", &["section 5 printed None line 1 0..39 \"主要问题下一步计划：略\"", "body 5 6 \"：略\""]),
    ("五、主要问题及下一步工作举措", &["section 5 printed None line 1 0..42 \"主要问题及下一步工作举措\"", "body 5 0 \"\""]),
    ("五、主要问题、改进", &["section 5 printed None line 1 0..27 \"主要问题、改进\"", "body 5 0 \"\""]),
    ("五、主要问题和改进情况情况", &["section 5 printed None line 1 0..39 \"主要问题和改进情况情况\"", "body 5 6 \"情况\""]),
    ("五、主要问题及工作计划", &["section 5 printed None line 1 0..33 \"主要问题及工作计划\"", "body 5 15 \"及工作计划\""]),
    ("五、主要问题及及改进", &["section 5 printed None line 1 0..30 \"主要问题及及改进\"", "body 5 12 \"及及改进\""]),
    ("五、主要问题改进工作工作", &["section 5 printed None line 1 0..36 \"主要问题改进工作工作\"", "body 5 6 \"工作\""]),
    ("五、主要问题及整改工作情况：", &["section 5 printed None line 1 0..42 \"主要问题及整改工作情况：\"", "body 5 3 \"：\""]),
    ("五、政府信息公开工作存在的主要问题及改进情况\n略", &["section 5 printed None line 1 0..66 \"政府信息公开工作存在的主要问题及改进情况\"", "body 5 4 \"\\n略\""]),
    ("五、存在的主要问题\n主要问题及改进情况", &["section 5 printed None line 1 0..27 \"存在的主要问题\"", "body 5 28 \"\\n主要问题及改进情况\""]),
    ("六、其他需要报告事项：无", &["section 6 printed None line 1 0..36 \"其他需要报告事项：无\"", "body 6 6 \"：无\""]),
    ("六、其他需要报告的情况：无", &["section 6 printed None line 1 0..39 \"其他需要报告的情况：无\"", "body 6 15 \"的情况：无\""]),
    ("六、其他需要报告的事项无", &["section 6 printed None line 1 0..36 \"其他需要报告的事项无\"", "body 6 3 \"无\""]),
    ("六、其他需要报告的事 项", &["section 6 printed None line 1 0..34 \"其他需要报告的事 项\"", "body 6 10 \"的事 项\""]),
    ("六、其他需要报告的的事项", &["section 6 printed None line 1 0..36 \"其他需要报告的的事项\"", "body 6 12 \"的的事项\""]),
    ("六、其他需要报告\n的事项", &["section 6 printed None line 1 0..24 \"其他需要报告\"", "body 6 10 \"\\n的事项\""]),
    ("一、总体情况好。五、存在的主要问题及下一步工作计划无。六、其他需要报告的事项无收费。", &["section 1 printed None line 1 0..126 \"总体情况好。五、存在的主要问题及下一步工作计划无。六、其他需要报告的事项无收费。\"", "section 5 printed None line 1 24..51 \"存在的主要问题及改进情况\"", "section 6 printed None line 1 81..105 \"其他需要报告的事项\"", "body 1 6 \"好。\"", "body 5 6 \"无。\"", "body 6 12 \"无收费。\""]),
    ("五、存在的主要问题及改进情况（本部分说明本机关在本年度政府信息公开工作中存在的主要问题以及下一步的改进措施和工作计划）无", &["section 5 printed None line 1 0..42 \"存在的主要问题及改进情况\"", "body 5 138 \"（本部分说明本机关在本年\""]),
    ("五、存在的主要问题及改进情况本年度我单位政府信息公开工作仍存在一些不足之处主要问题是公开的及时性还不够强", &["section 5 printed None line 1 0..42 \"存在的主要问题及改进情况\"", "body 5 114 \"本年度我单位政府信息公开\""]),
    ("六、其他需要报告的事项本年度本机关未收取任何信息处理费用也没有其他需要报告的事项需要在这里加以说明的", &["section 6 printed None line 1 0..33 \"其他需要报告的事项\"", "body 6 117 \"本年度本机关未收取任何信\""]),
    ("报告包括总体情况、主动公开政府信息情况等。一、总体情况2021年……二、主动公开政府信息情况 第二十条", &["section 1 printed None line 1 63..81 \"总体情况\"", "section 2 printed None line 1 94..112 \"主动公开政府信息情况\"", "body 1 13 \"2021年……\"", "body 2 13 \" 第二十条\""]),
    ("一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、主要问题\n六、其他需要报告的事项\n", &["section 1 printed None line 1 0..18 \"总体情况\"", "section 2 printed None line 2 19..55 \"主动公开政府信息情况\"", "section 3 printed None line 3 56..107 \"收到和处理政府信息公开申请情况\"", "section 4 printed None line 4 108..165 \"政府信息公开行政复议、行政诉讼情况\"", "section 5 printed None line 5 166..184 \"主要问题\"", "section 6 printed None line 6 185..218 \"其他需要报告的事项\"", "body 1 1 \"\\n\"", "body 2 1 \"\\n\"", "body 3 1 \"\\n\"", "body 4 1 \"\\n\"", "body 5 1 \"\\n\"", "body 6 1 \"\\n\""]),
    ("## **五、存在的主要问题及改进情况**\n略\n## 六、其他需要报告的事项 \n无", &["section 5 printed None line 1 0..49 \"存在的主要问题及改进情况\"", "section 6 printed None line 3 54..91 \"其他需要报告的事项\"", "body 5 7 \"**\\n略\\n\"", "body 6 5 \" \\n无\""]),
];

#[test]
fn section_titles_read_as_before() {
    compare(&written(SECTIONS));
}

const MISC: &[(&str, &[&str])] = &[
    (" ", &[]),
    ("年月日", &[]),
    ("年年年月月日日至至", &[]),
    ("2020", &[]),
    ("（指", &[]),
    ("涵盖", &[]),
    ("统计", &[]),
    ("20", &[]),
    ("2020年", &[]),
    ("二〇二〇年", &[]),
    ("2020年1月", &[]),
    ("2020年1月1", &[]),
    ("主要问题", &[]),
    ("其他需要报告", &[]),
    ("éé年é", &[]),
    ("😀2021年2月19日😀", &["dates 4..20 2021-02-19"]),
    (
        "😀统计期限为😀2020年度",
        &["period 2020-01-01..2020-12-31 line 1"],
    ),
    (
        "😀2020年😀年度报告",
        &["title 2020 line 1 at 4", "stated 2020 +0 Title line 1 \"\""],
    ),
];

#[test]
fn near_misses_read_as_before() {
    compare(&written(MISC));
}

// ------------------------------------------------------------------------------ long cases

/// Cases too long to write out, at the edges of the windows the readers look in: 30 characters
/// between a title's year and its 年度报告, the first 3000 bytes for the title, 200 bytes after
/// 统计期限, 36 bytes of label and 30 characters of note around `（指2019年）`.
fn long_inputs() -> Vec<String> {
    let han = |n: usize| "某".repeat(n);
    let ascii = |n: usize| "a".repeat(n);
    let mut inputs = Vec::new();
    for n in [29, 30, 31] {
        inputs.push(format!("2020年{}年度报告", han(n)));
        inputs.push(format!("2020年度{}年报", han(n)));
        inputs.push(format!("现公布2020年{}年度报告", han(n)));
        inputs.push(format!("现公布2020 年 度{}情况报告", han(n)));
    }
    inputs.push(format!(
        "{}\n2020年政府信息公开工作年度报告",
        "说明。".repeat(334)
    ));
    for n in [2970, 2975, 2980, 2985, 2990] {
        inputs.push(format!("{}2020年政府信息公开工作年度报告", ascii(n)));
        inputs.push(format!("{}现公布2020年度工作报告", ascii(n)));
    }
    for n in [
        48, 50, 52, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66,
    ] {
        inputs.push(format!("统计期限{}2020年1月1日至2020年12月31日", han(n)));
    }
    for n in [178, 180, 182, 184, 186, 188, 190] {
        inputs.push(format!("统计期限{}2020年1月至12月", ascii(n)));
    }
    for n in 25..=37 {
        inputs.push(format!(
            "二、主动公开政府信息情况\n上一年{}（指2019年）\n五、主要问题\n",
            ascii(n)
        ));
    }
    for n in [22, 23, 24, 25] {
        inputs.push(format!(
            "二、主动公开政府信息情况\n（指2019年{}）\n五、主要问题\n",
            han(n)
        ));
    }
    for n in [20, 25, 28, 30] {
        inputs.push(format!(
            "五、存在的主要问题及改进情况{}主要问题及改进情况",
            han(n)
        ));
        inputs.push(format!(
            "六、其他需要报告的事项{}其他需要报告的事项",
            han(n)
        ));
    }
    inputs
}

const LONG: &[&[&str]] = &[
    &["title 2020 line 1 at 0", "stated 2020 +0 Title line 1 \"\""], // 0
    &["title 2020 line 1 at 0", "stated 2020 +0 Title line 1 \"\""], // 1
    &["title 2020 line 1 at 9", "stated 2020 +0 Title line 1 \"\""], // 2
    &["stated 2020 +0 Opening line 1 \"…020 年 度某某某某某某某某某某某某某某某某某某某某某某某某某某某某某情况报告\""], // 3
    &["title 2020 line 1 at 0", "stated 2020 +0 Title line 1 \"\""], // 4
    &["title 2020 line 1 at 0", "stated 2020 +0 Title line 1 \"\""], // 5
    &["title 2020 line 1 at 9", "stated 2020 +0 Title line 1 \"\""], // 6
    &["stated 2020 +0 Opening line 1 \"…20 年 度某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某情况报告\""], // 7
    &[], // 8
    &[], // 9
    &[], // 10
    &[], // 11
    &[], // 12
    &[], // 13
    &[], // 14
    &[], // 15
    &[], // 16
    &[], // 17
    &[], // 18
    &[], // 19
    &[], // 20
    &[], // 21
    &[], // 22
    &["dates 156..171 2020-01-01, 174..191 2020-12-31", "period 2020-01-01..2020-12-31 line 1"], // 23
    &["dates 162..177 2020-01-01, 180..197 2020-12-31", "period 2020-01-01..2020-12-31 line 1"], // 24
    &["dates 168..183 2020-01-01, 186..203 2020-12-31", "period 2020-01-01..2020-12-31 line 1"], // 25
    &["dates 174..189 2020-01-01, 192..209 2020-12-31", "period 2020-01-01..2020-12-31 line 1"], // 26
    &["dates 177..192 2020-01-01, 195..212 2020-12-31", "period 2020-01-01..2020-12-31 line 1"], // 27
    &["dates 180..195 2020-01-01, 198..215 2020-12-31", "period 2020-01-01..2020-12-31 line 1"], // 28
    &["dates 183..198 2020-01-01, 201..218 2020-12-31"], // 29
    &["dates 186..201 2020-01-01, 204..221 2020-12-31"], // 30
    &["dates 189..204 2020-01-01, 207..224 2020-12-31"], // 31
    &["dates 192..207 2020-01-01, 210..227 2020-12-31"], // 32
    &["dates 195..210 2020-01-01, 213..230 2020-12-31"], // 33
    &["dates 198..213 2020-01-01, 216..233 2020-12-31"], // 34
    &["dates 201..216 2020-01-01, 219..236 2020-12-31"], // 35
    &["dates 204..219 2020-01-01, 222..239 2020-12-31"], // 36
    &["dates 207..222 2020-01-01, 225..242 2020-12-31"], // 37
    &["dates 210..225 2020-01-01, 228..245 2020-12-31"], // 38
    &["period 2020-01-01..2020-12-31 line 1"], // 39
    &["period 2020-01-01..2020-12-31 line 1"], // 40
    &[], // 41
    &[], // 42
    &[], // 43
    &[], // 44
    &[], // 45
    &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 88..106 \"主要问题\"", "body 2 52 \"\\n上一年aaaaaaaa\"", "body 5 1 \"\\n\"", "stated 2019 -1 TableNote line 2 \"上一年aaaaaaaaaaaaaaaaaaaaaaaaa（指2019年）\""], // 46
    &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 89..107 \"主要问题\"", "body 2 53 \"\\n上一年aaaaaaaa\"", "body 5 1 \"\\n\"", "stated 2019 -1 TableNote line 2 \"上一年aaaaaaaaaaaaaaaaaaaaaaaaaa（指2019年）\""], // 47
    &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 90..108 \"主要问题\"", "body 2 54 \"\\n上一年aaaaaaaa\"", "body 5 1 \"\\n\"", "stated 2019 -1 TableNote line 2 \"上一年aaaaaaaaaaaaaaaaaaaaaaaaaaa（指2019年）\""], // 48
    &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 91..109 \"主要问题\"", "body 2 55 \"\\n上一年aaaaaaaa\"", "body 5 1 \"\\n\"", "stated 2019 -1 TableNote line 2 \"上一年aaaaaaaaaaaaaaaaaaaaaaaaaaaa（指2019年）\""], // 49
    &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 92..110 \"主要问题\"", "body 2 56 \"\\n上一年aaaaaaaa\"", "body 5 1 \"\\n\"", "stated 2019 -1 TableNote line 2 \"上一年aaaaaaaaaaaaaaaaaaaaaaaaaaaaa（指2019年）\""], // 50
    &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 93..111 \"主要问题\"", "body 2 57 \"\\n上一年aaaaaaaa\"", "body 5 1 \"\\n\"", "stated 2019 +0 TableNote line 2 \"一年aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa（指2019年）\""], // 51
    &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 94..112 \"主要问题\"", "body 2 58 \"\\n上一年aaaaaaaa\"", "body 5 1 \"\\n\"", "stated 2019 +0 TableNote line 2 \"一年aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa（指2019年）\""], // 52
    &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 95..113 \"主要问题\"", "body 2 59 \"\\n上一年aaaaaaaa\"", "body 5 1 \"\\n\"", "stated 2019 +0 TableNote line 2 \"一年aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa（指2019年）\""], // 53
    &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 96..114 \"主要问题\"", "body 2 60 \"\\n上一年aaaaaaaa\"", "body 5 1 \"\\n\"", "stated 2019 +0 TableNote line 2 \"年aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa（指2019年）\""], // 54
    &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 97..115 \"主要问题\"", "body 2 61 \"\\n上一年aaaaaaaa\"", "body 5 1 \"\\n\"", "stated 2019 +0 TableNote line 2 \"年aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa（指2019年）\""], // 55
    &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 98..116 \"主要问题\"", "body 2 62 \"\\n上一年aaaaaaaa\"", "body 5 1 \"\\n\"", "stated 2019 +0 TableNote line 2 \"年aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa（指2019年）\""], // 56
    &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 99..117 \"主要问题\"", "body 2 63 \"\\n上一年aaaaaaaa\"", "body 5 1 \"\\n\"", "stated 2019 +0 TableNote line 2 \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa（指2019年）\""], // 57
    &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 100..118 \"主要问题\"", "body 2 64 \"\\n上一年aaaaaaaa\"", "body 5 1 \"\\n\"", "stated 2019 +0 TableNote line 2 \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa（指2019年）\""], // 58
    &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 120..138 \"主要问题\"", "body 2 84 \"\\n（指2019年某某某某\"", "body 5 1 \"\\n\"", "stated 2019 +0 TableNote line 2 \"（指2019年某某某某某某某某某某某某某某某某某某某某某某）\""], // 59
    &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 123..141 \"主要问题\"", "body 2 87 \"\\n（指2019年某某某某\"", "body 5 1 \"\\n\"", "stated 2019 +0 TableNote line 2 \"（指2019年\""], // 60
    &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 126..144 \"主要问题\"", "body 2 90 \"\\n（指2019年某某某某\"", "body 5 1 \"\\n\"", "stated 2019 +0 TableNote line 2 \"（指2019年\""], // 61
    &["section 2 printed None line 1 0..36 \"主动公开政府信息情况\"", "section 5 printed None line 3 129..147 \"主要问题\"", "body 2 93 \"\\n（指2019年某某某某\"", "body 5 1 \"\\n\"", "stated 2019 +0 TableNote line 2 \"（指2019年\""], // 62
    &["section 5 printed None line 1 0..42 \"存在的主要问题及改进情况\"", "body 5 87 \"某某某某某某某某某某某某\""], // 63
    &["section 6 printed None line 1 0..120 \"其他需要报告的事项某某某某某某某某某某某某某某某某某某某某其他需要报告的事项\"", "body 6 87 \"某某某某某某某某某某某某\""], // 64
    &["section 5 printed None line 1 0..42 \"存在的主要问题及改进情况\"", "body 5 102 \"某某某某某某某某某某某某\""], // 65
    &["section 6 printed None line 1 0..33 \"其他需要报告的事项\"", "body 6 102 \"某某某某某某某某某某某某\""], // 66
    &["section 5 printed None line 1 0..42 \"存在的主要问题及改进情况\"", "body 5 111 \"某某某某某某某某某某某某\""], // 67
    &["section 6 printed None line 1 0..33 \"其他需要报告的事项\"", "body 6 111 \"某某某某某某某某某某某某\""], // 68
    &["section 5 printed None line 1 0..42 \"存在的主要问题及改进情况\"", "body 5 117 \"某某某某某某某某某某某某\""], // 69
    &["section 6 printed None line 1 0..33 \"其他需要报告的事项\"", "body 6 117 \"某某某某某某某某某某某某\""], // 70
];

#[test]
fn long_cases_read_as_before() {
    let inputs = long_inputs();
    let count = inputs.len();
    let cases: Vec<Case> = inputs
        .into_iter()
        .enumerate()
        .map(|(i, input)| {
            (
                format!("/* {i} */ \"\""),
                input,
                LONG.get(i).copied().unwrap_or(&[]),
            )
        })
        .collect();
    compare(&cases);
    assert_eq!(count, LONG.len(), "one expectation per input");
}

// ------------------------------------------------------------------------------ the fixtures

const FIXTURES: &[(&str, &[&str])] = &[
    ("000_74598ba982fdb439.txt", &["dates 836..856 2020-01-01, 863..885 2020-12-31, 11038..11059 2020-02-28, 18102..18118 2021-02-19", "period 2020-01-01..2020-12-31 line 7", "published 2021-02-19 line 158", "title 2020 line 5 at 39", "agency \"云阳县人民政府\"", "section 1 printed None line 9 893..915 \"总体情况\"", "section 2 printed None line 81 13816..13855 \"主动公开政府信息情况\"", "section 3 printed None line 103 14557..14612 \"收到和处理政府信息公开申请情况\"", "section 4 printed None line 133 16120..16182 \"政府信息公开行政复议、行政诉讼情况\"", "section 5 printed None line 140 16517..16564 \"存在的主要问题及改进情况\"", "section 6 printed None line 152 17881..17921 \"其他需要报告的事项\"", "body 1 12901 \"\\n\\n2020 年，云阳县\"", "body 2 702 \"\\n\\n第二十条第（一）项\\t\"", "body 3 1508 \"\\n\\n（本列数据的勾稽关系\"", "body 4 335 \"\\n\\n行政复议\\t\\t\\t\\t\\t行\"", "body 5 1317 \"\\n\\n##### (一) \"", "body 6 160 \"**\\n\\n本报告的电子版可\"", "stated 2020 +0 Title line 5 \"\"", "closing 18079"]),
    ("001_8442b5afd2c71afd.txt", &["dates 6..22 2019-05-15, 488..503 2020-01-01, 506..523 2020-12-31, 1606..1623 2020-09-30", "period 2020-01-01..2020-12-31 line 1", "title 2020 line 1 at 124", "agency \"资阳市人民政府办公室\"", "section 1 printed None line 2 769..787 \"总体情况\"", "section 2 printed None line 9 5565..5601 \"主动公开政府信息情况\"", "section 3 printed None line 80 6374..6425 \"收到和处理政府信息公开申请情况\"", "section 4 printed None line 305 8318..8375 \"政府信息公开行政复议、行政诉讼情况\"", "section 5 printed None line 343 8748..8790 \"存在的主要问题及改进情况\"", "section 6 printed None line 346 9729..9762 \"其他需要报告的事项\"", "body 1 4778 \"\\n2020年,在市委、市\"", "body 2 773 \"\\n第二十条第(一)项 |\"", "body 3 1893 \"\\n(本列数据的勾稽关系为\"", "body 4 373 \"\\n行政复议 |\\n行政诉讼\"", "body 5 939 \"\\n(一)存在的主要问题。\"", "body 6 7 \"\\n无。\"", "stated 2020 +0 Title line 1 \"\""]),
    ("002_7d572d66493d8534.txt", &["dates 594..614 2020-01-01, 618..640 2020-12-31, 4271..4288 2020-12-22", "period 2020-01-01..2020-12-31 line 7", "title 2020 line 5 at 25", "agency \"宜阳县人民政府\"", "section 1 printed None line 9 645..663 \"总体情况\"", "section 2 printed None line 41 7189..7225 \"主动公开政府信息情况\"", "section 3 printed None line 63 7934..7985 \"收到和处理政府信息公开申请情况\"", "section 4 printed None line 96 9495..9552 \"政府信息公开行政复议、行政诉讼情况\"", "section 5 printed None line 103 9891..9933 \"存在的主要问题及改进情况\"", "section 6 printed None line 111 11027..11060 \"其他需要报告的事项\"", "body 1 6526 \"\\n\\n2020 年，宜阳县\"", "body 2 709 \"\\n\\n第二十条第（一）项\\t\"", "body 3 1510 \"\\n\\n(本列数据的勾稽关系\"", "body 4 339 \"\\n\\n行政复议\\t\\t\\t\\t\\t行\"", "body 5 1094 \"\\n\\n存在的主要问题：一是\"", "body 6 5 \"\\n\\n无\"", "stated 2020 +0 Title line 5 \"\""]),
    ("003_2bb5014562e5e799.txt", &["dates 7513..7528 2020-01-01, 7534..7551 2020-12-31", "period 2020-01-01..2020-12-31 line 91", "title 2020 line 3 at 24", "agency \"重庆市大渡口区\"", "section 1 printed None line 5 69..87 \"总体情况\"", "section 2 printed None line 23 3191..3227 \"主动公开政府信息情况\"", "section 3 printed None line 44 3929..3980 \"收到和处理政府信息公开申请情况\"", "section 4 printed None line 74 5471..5528 \"政府信息公开行政复议、行政诉讼情况\"", "section 5 printed None line 81 5836..5878 \"存在的主要问题及改进情况\"", "section 6 printed None line 89 7067..7100 \"其他需要报告的事项\"", "body 1 3104 \"\\n\\n2020年，大渡口区\"", "body 2 702 \"\\n\\n第二十条第（一）项\\t\"", "body 3 1491 \"\\n\\n(本列数据的勾稽关系\"", "body 4 308 \"\\n\\n行政复议\\t\\t\\t\\t\\t行\"", "body 5 1189 \"\\n\\n2020年，大渡口区\"", "body 6 729 \"\\n\\n根据《中华人民共和国\"", "stated 2020 +0 Title line 3 \"\""]),
    ("004_886fdc6bb8f4cedf.txt", &["dates 2687..2704 2020-12-28, 5814..5836 2020-12-31", "title 2020 line 3 at 33", "agency \"云浮市人民政府办公室\"", "section 1 printed None line 7 613..631 \"总体情况\"", "section 2 printed None line 29 6069..6105 \"主动公开政府信息情况\"", "section 3 printed None line 51 6772..6823 \"收到和处理政府信息公开申请情况\"", "section 4 printed None line 82 8323..8380 \"政府信息公开行政复议、行政诉讼情况\"", "section 5 printed None line 89 8716..8758 \"存在的主要问题及改进情况\"", "section 6 printed None line 97 10824..10857 \"其他需要报告的事项\"", "body 1 5438 \"\\n\\n2020 年以来，云\"", "body 2 667 \"\\n\\n第二十条第（一）项\\t\"", "body 3 1500 \"\\n\\n(本列数据的勾稽关系\"", "body 4 336 \"\\n\\n行政复议\\t\\t\\t\\t\\t行\"", "body 5 2066 \"\\n\\n存在的主要问题：一是\"", "body 6 8 \"\\n\\n无。\"", "stated 2020 +0 Title line 3 \"\"", "stated 2020 +0 Opening line 5 \"公布云浮市人民政府办公室 2020 年政府信息公开工作年度报告\"", "stated 2020 +0 Opening line 5 \"涵盖 2020 年云浮市人民政府办公室政府信息公开工作情况\""]),
    ("平潭综合实验区_2021.txt", &["dates 1329..1344 2021-01-01, 1350..1367 2021-12-31", "period 2021-01-01..2021-12-31 line 2", "title 2021 line 1 at 233", "agency \"平潭综合实验区\"", "section 1 printed None line 2 1776..1794 \"总体情况\"", "section 2 printed None line 2 6345..6363 \"主动公开政府信息情况\"", "section 3 printed None line 2 6798..6819 \"收到和处理政府信息公开申请情况\"", "section 4 printed None line 2 8330..8366 \"政府信息公开行政复议、行政诉讼情况\"", "section 5 printed None line 2 8630..8657 \"存在的主要问题及改进情况\"", "section 6 printed None line 2 9561..9585 \"其他需要报告的事项\"", "body 1 4551 \"2021年，我区以习近平\"", "body 2 417 \" 第二十条第（一）项信息\"", "body 3 1481 \"（本列数据的勾稽关系为：\"", "body 4 243 \" 行政复议行政诉讼结果维\"", "body 5 889 \"（一）存在的主要问题:政\"", "body 6 57 \"2021年，无收取信息处\"", "stated 2021 +0 Title line 1 \"\""]),
    ("沭阳县发展和改革局_2023.txt", &["dates 1006..1021 2023-01-01, 1024..1041 2023-12-31, 6851..6867 2024-01-17", "period 2023-01-01..2023-12-31 line 3", "published 2024-01-17 line 310", "title 2023 line 1 at 243", "agency \"沭阳县发展和改革局\"", "section 1 printed None line 4 1301..1319 \"总体情况\"", "section 2 printed None line 16 3486..3522 \"主动公开政府信息情况\"", "section 3 printed None line 48 3940..3991 \"收到和处理政府信息公开申请情况\"", "section 4 printed None line 268 5562..5619 \"政府信息公开行政复议、行政诉讼情况\"", "section 5 printed None line 304 5895..5937 \"存在的主要问题及整改措施\"", "section 6 printed None line 307 6712..6745 \"其他需要报告的事项\"", "body 1 2167 \"\\n 2023年，县发展和\"", "body 2 418 \"\\n第二十条第（一）项\\n信\"", "body 3 1571 \"\\n\\n（本列数据的勾稽关系\"", "body 4 276 \"\\n行政复议\\n行政诉讼\\n结\"", "body 5 775 \"\\n（一）存在的主要问题。\"", "body 6 78 \"\\n2023年度，县发展和\"", "stated 2023 +0 Title line 1 \"\"", "stated 2023 +0 Opening line 3 \"公布沭阳县发展和改革局2023年度政府信息公开年度报告\"", "closing 6823"]),
    ("淮安市人民政府_2024.txt", &["dates 749..769 2024-01-01, 773..795 2024-12-31", "period 2024-01-01..2024-12-31 line 7", "title 2024 line 1 at 138", "agency \"淮安市人民政府\"", "section 1 printed None line 11 992..1010 \"总体情况\"", "section 2 printed None line 62 4852..4888 \"主动公开政府信息情况\"", "section 3 printed None line 78 5344..5395 \"收到和处理政府信息公开申请情况\"", "section 4 printed None line 141 7182..7239 \"政府信息公开行政复议、行政诉讼情况\"", "section 5 printed None line 172 7551..7593 \"存在的主要问题及改进情况\"", "section 6 printed None line 185 8475..8508 \"其他需要报告的事项\"", "body 1 3842 \"\\n2024 年，我市坚持\"", "body 2 456 \"\\n第二十条 第（一）项\\n\"", "body 3 1787 \"\\n（本列数据的勾稽关系为\"", "body 4 312 \"\\n行政复议 行政诉讼\\n结\"", "body 5 882 \"\\n对照上级新要求和公众新\"", "body 6 145 \"\\n2024 年，市政府严\"", "stated 2024 +0 Title line 1 \"\""]),
];

#[test]
fn fixtures_read_as_before() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("../shared/fixtures beside the repo")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let texts: Vec<(String, String)> = names
        .iter()
        .map(|n| {
            let bytes = std::fs::read(dir.join(n)).unwrap();
            (n.clone(), nianbao::read::decode(&bytes).unwrap())
        })
        .collect();
    let cases: Vec<Case> = texts
        .iter()
        .map(|(name, text)| {
            let want = FIXTURES
                .iter()
                .find(|(n, _)| n == name)
                .map_or(&[][..], |(_, w)| *w);
            (format!("{name:?}"), text.clone(), want)
        })
        .collect();
    compare(&cases);
}
