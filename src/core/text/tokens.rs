//! The token stream: report text cut into label fragments, numbers, explicit blanks and gaps.
//!
//! Tables are read from this stream, not from lines, so that tabs, pipes, one cell per line,
//! runs of spaces and PDF line wraps all look alike. Separators matter only to tell a blank
//! cell (an empty field or empty line: a [`Kind::Gap`]) from no cell at all.

use crate::model::number::{self, Number};
use crate::text::Source;

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Unit {
    None,
    /// 万元
    Wan,
    /// 元
    Yuan,
    Percent,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum GapKind {
    /// An empty field between tabs or pipes.
    Field,
    /// An empty line.
    EmptyLine,
    /// The field after a line's last tab: a blank last cell, or only a stray tab.
    TrailingTab,
    /// A line of separators only (`||`, tabs): weakest evidence of a blank cell.
    SeparatorLine,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Kind {
    /// A run of label text (anything that is not a number or a blank marker).
    Text,
    Num(Number, Unit),
    /// A cell written as `/`, `-`, `—` or `无`: explicitly blank.
    Blank,
    Gap(GapKind),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Token {
    pub kind: Kind,
    /// Byte range in the normalised text.
    pub start: usize,
    pub end: usize,
    pub line: usize,
}

pub(crate) fn is_han(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}')
}

/// Han characters only: how labels are compared once spacing, numbering and punctuation
/// variants are gone.
pub(crate) fn han_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_han(text, &mut out);
    out
}

/// Appends the Han characters of `text` to `out`; returns how many.
pub(crate) fn push_han(text: &str, out: &mut String) -> usize {
    // This runs over every label and the tables' text, so it reads UTF-8 lead bytes rather
    // than decoding characters; runs of Han characters are copied at once.
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut at = 0;
    while at < bytes.len() {
        let start = at;
        while at + 1 < bytes.len() && is_han_3(bytes[at], bytes[at + 1]) {
            at += 3;
            count += 1;
        }
        if at > start {
            out.push_str(&text[start..at]);
            continue;
        }
        at += match bytes[at] {
            0x00..=0x7F => 1,
            0x80..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
    }
    count
}

/// [`is_han`] for a three-byte character, from its first two bytes: U+3400–U+4DBF is
/// E3 90…E4 B6, U+4E00–U+9FFF is E4 B8…E9, U+F900–U+FAFF is EF A4…EF AB.
fn is_han_3(lead: u8, second: u8) -> bool {
    match lead {
        0xE3 => second >= 0x90,
        0xE4 => second != 0xB7,
        0xE5..=0xE9 => true,
        0xEF => (0xA4..=0xAB).contains(&second),
        _ => false,
    }
}

/// Cuts the whole text into tokens.
pub(crate) fn tokenize(source: &Source) -> Vec<Token> {
    tokenize_between(source, 0, source.text.len())
}

/// The tokens of the whole lines that hold bytes `from..to`.
pub(crate) fn tokenize_between(source: &Source, from: usize, to: usize) -> Vec<Token> {
    let first = source.line_of(from);
    let last = source.line_of(to.saturating_sub(1).max(from));
    let mut tokens = Vec::with_capacity((to - from) / 8);
    let mut fields = Vec::new();
    for (line, start, text) in source.lines().skip(first - 1).take(last + 1 - first) {
        tokenize_line(text, start, line, &mut fields, &mut tokens);
    }
    tokens
}

/// Cuts a line into its fields between tabs and pipes (ASCII, so byte positions are character
/// boundaries), with their offsets. A leading pipe has no cell before it and a trailing pipe
/// none after it; a trailing tab may stand for a blank last cell: that empty field is
/// returned apart.
fn split_fields<'a>(text: &'a str, fields: &mut Vec<(usize, &'a str)>) -> Option<(usize, &'a str)> {
    fields.clear();
    let mut field_start = 0;
    for i in memchr::memchr2_iter(b'\t', b'|', text.as_bytes()) {
        fields.push((field_start, &text[field_start..i]));
        field_start = i + 1;
    }
    fields.push((field_start, &text[field_start..]));
    // `| a | b |`: the empty field before a leading pipe is not a cell.
    if text.trim_ascii_start().starts_with('|')
        && fields.len() > 1
        && fields[0].1.trim_ascii().is_empty()
    {
        fields.remove(0);
    }
    let ends_empty = fields.len() > 1
        && fields
            .last()
            .is_some_and(|(_, f)| f.trim_ascii().is_empty());
    if !ends_empty {
        return None;
    }
    let (offset, field) = fields.pop()?;
    text[..offset].ends_with('\t').then_some((offset, field))
}

fn tokenize_line<'a>(
    text: &'a str,
    base: usize,
    line: usize,
    fields: &mut Vec<(usize, &'a str)>,
    out: &mut Vec<Token>,
) {
    // Normalised text has no whitespace but ASCII: trimming looks at bytes.
    let trimmed = text.trim_ascii();
    let gap = |kind| Token {
        kind: Kind::Gap(kind),
        start: base,
        end: base + text.len(),
        line,
    };
    if trimmed.is_empty() {
        out.push(gap(if text.contains('\t') {
            GapKind::SeparatorLine
        } else {
            GapKind::EmptyLine
        }));
        return;
    }
    if is_page_marker(trimmed) || (trimmed.contains('|') && is_markdown_rule(trimmed)) {
        return;
    }
    if trimmed.chars().all(|c| c == '|' || c.is_whitespace()) {
        out.push(gap(GapKind::SeparatorLine));
        return;
    }

    let trailing_tab = split_fields(text, fields).map(|(offset, field)| Token {
        kind: Kind::Gap(GapKind::TrailingTab),
        start: base + offset,
        end: base + offset + field.len(),
        line,
    });
    let first = out.len();
    for &(offset, field) in fields.iter() {
        let budget = MAX_TOKENS_PER_LINE.saturating_sub(out.len() - first);
        if budget == 0 {
            // The rest of a line of too many tokens is one run of text (see MAX_TOKENS_PER_LINE).
            out.push(Token {
                kind: Kind::Text,
                start: base + offset,
                end: base + text.len(),
                line,
            });
            return;
        }
        if field.trim_ascii().is_empty() {
            out.push(Token {
                kind: Kind::Gap(GapKind::Field),
                start: base + offset,
                end: base + offset + field.len(),
                line,
            });
        } else {
            tokenize_field(field, base + offset, line, out, budget);
        }
    }
    out.extend(trailing_tab);
}

/// Tokens read from one line at most: a table row has a few dozen, a whole report pasted as
/// one line a few thousand. Past this (millions of numbers in one row) the rest of the line
/// is one run of text, so that what is read stays small; such a row is reported anyway (its
/// numbers are far more than its columns).
pub(crate) const MAX_TOKENS_PER_LINE: usize = 20_000;

/// `- 4 -`, `— 4 —`, `第 3 页 共 6 页`, `3/6`: page furniture that PDF copies put inside tables
/// and section bodies (`line` trimmed).
/// A line of several numbers (`— 5 0 1 —`, `0 5 / 1 6`) is table data, not a page number.
pub(crate) fn is_page_marker(line: &str) -> bool {
    if line.len() > 40 || !line.contains(['-', '—', '页', '/']) {
        return false;
    }
    let one_number = |s: &str| {
        let s = s.trim();
        !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
    };
    for dash in ['-', '—'] {
        if let Some(inner) = line.strip_prefix(dash).and_then(|s| s.strip_suffix(dash)) {
            return one_number(inner);
        }
    }
    if let Some((a, b)) = line.split_once('/') {
        return one_number(a) && one_number(b);
    }
    let compact: String = line
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '，' | ','))
        .collect();
    let mut rest = compact.as_str();
    let mut pages = 0;
    while let Some(after) = rest.strip_prefix('第').or_else(|| rest.strip_prefix('共')) {
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        match after[digits..].strip_prefix('页') {
            Some(tail) if digits > 0 => {
                rest = tail;
                pages += 1;
            }
            _ => return false,
        }
    }
    pages > 0 && rest.is_empty()
}

/// A Markdown table's `|---|:---:|` line.
fn is_markdown_rule(line: &str) -> bool {
    line.contains("---")
        && line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

const BLANK_WORDS: &[&str] = &["/", "-", "—", "——", "–", "无", "空", "\\"];

/// Cuts a field into tokens, at most `budget` of them; the rest of a field with more is one
/// run of text.
fn tokenize_field(field: &str, base: usize, line: usize, out: &mut Vec<Token>, budget: usize) {
    let bytes = field.as_bytes();
    let first = out.len();
    let mut cut = FieldCutter {
        field,
        base,
        line,
        out,
        text_start: None,
    };
    let mut i = 0;
    // Normalised text has only ASCII whitespace, so scanning bytes is safe: every place we
    // stop at is an ASCII byte and so a character boundary.
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            cut.end_text(i);
            i += 1;
            continue;
        }
        if cut.out.len() - first >= budget {
            let from = cut.text_start.take().unwrap_or(i);
            cut.push(Kind::Text, from, field.len());
            return;
        }
        let at_word_start = cut.text_start.is_none();
        if let Some(word_end) = at_word_start.then(|| cut.blank_marker(i)).flatten() {
            cut.push(Kind::Blank, i, word_end);
            i = word_end;
            continue;
        }
        let signed = at_word_start
            && (b == b'+' || b == b'-')
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
        if b.is_ascii_digit() || signed {
            i = cut.number(i, signed);
            continue;
        }
        cut.text_start.get_or_insert(i);
        i = text_run_end(bytes, i + 1);
    }
    cut.end_text(field.len());
}

/// Cuts one field into tokens: the text run open so far, and the tokens made.
struct FieldCutter<'a> {
    field: &'a str,
    /// The field's byte offset in the text, and its line.
    base: usize,
    line: usize,
    out: &'a mut Vec<Token>,
    /// Where the current run of text began, if one is open.
    text_start: Option<usize>,
}

impl FieldCutter<'_> {
    fn push(&mut self, kind: Kind, start: usize, end: usize) {
        self.out.push(Token {
            kind,
            start: self.base + start,
            end: self.base + end,
            line: self.line,
        });
    }

    /// Ends the open run of text at `end`.
    fn end_text(&mut self, end: usize) {
        if let Some(start) = self.text_start.take() {
            if end > start {
                self.push(Kind::Text, start, end);
            }
        }
    }

    /// A blank marker standing alone at `i` (`/`, `-`, `—`, `无`…): where it ends. Markers start
    /// with `/`, `-`, `\` or a non-ASCII character.
    fn blank_marker(&self, i: usize) -> Option<usize> {
        let bytes = self.field.as_bytes();
        if !matches!(bytes[i], b'/' | b'-' | b'\\' | 0x80..) {
            return None;
        }
        let word_end = bytes[i..]
            .iter()
            .take(8)
            .position(u8::is_ascii_whitespace)
            .map_or((i + 8).min(bytes.len()), |w| i + w);
        let word = self.field.get(i..word_end).unwrap_or("");
        let whole_word = word_end == bytes.len() || bytes[word_end].is_ascii_whitespace();
        (whole_word
            && BLANK_WORDS.contains(&word)
            && !spaced_label_goes_on(self.field, word, word_end))
        .then_some(word_end)
    }

    /// The digits at `i` (after a sign when `signed`): a value, a value run into a marker, or
    /// part of the text. Where to go on.
    fn number(&mut self, i: usize, signed: bool) -> usize {
        let field = self.field;
        let end = number_end(field.as_bytes(), if signed { i + 1 } else { i });
        match classify_number(field, i, end) {
            NumberRole::Value => {
                self.end_text(i);
                let (unit, token_end) = unit_after(field, end);
                match number::parse_any_size(&field[i..end]) {
                    // Out of range (30 digits) is a number all the same: its cell says so.
                    Some(value) => self.push(Kind::Num(value, unit), i, token_end),
                    None => {
                        self.text_start.get_or_insert(i);
                    }
                }
                token_end
            }
            NumberRole::ValueThenMarker(split) => {
                self.end_text(i);
                if let Some(value) = number::parse_any_size(&field[i..split]) {
                    self.push(Kind::Num(value, Unit::None), i, split);
                }
                self.text_start = Some(split);
                end
            }
            NumberRole::Text => {
                self.text_start.get_or_insert(i);
                end
            }
        }
    }
}

/// Where the run of label text going on at `from` ends: at whitespace, a digit or the end.
fn text_run_end(bytes: &[u8], from: usize) -> usize {
    // All the bytes that end a run are below 0x40.
    let i = crate::text::scan::skip_to_low_bytes(bytes, from);
    i + bytes[i..]
        .iter()
        .position(|&b| ENDS_TEXT[b as usize])
        .unwrap_or(bytes.len() - i)
}

/// The bytes that end a run of label text: ASCII whitespace and digits.
const ENDS_TEXT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = byte.is_ascii_whitespace() || byte.is_ascii_digit();
        b += 1;
    }
    table
};

/// `（ 四 ） 无 法 提 供`: a lone `无` followed by more spaced-out label text is a letter of
/// that label, not a blank cell.
fn spaced_label_goes_on(field: &str, word: &str, word_end: usize) -> bool {
    if !matches!(word, "无" | "空") {
        return false;
    }
    let next = field[word_end..].trim_start();
    let next_word = next.split(char::is_whitespace).next().unwrap_or("");
    next.chars().next().is_some_and(is_han) && !BLANK_WORDS.contains(&next_word)
}

/// End of the number starting at `i` (after any sign): digits, `,ddd` groups, one decimal part.
fn number_end(bytes: &[u8], mut i: usize) -> usize {
    let digit = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_digit);
    while digit(i) {
        i += 1;
    }
    while bytes.get(i) == Some(&b',')
        && digit(i + 1)
        && digit(i + 2)
        && digit(i + 3)
        && !digit(i + 4)
    {
        i += 4;
    }
    if bytes.get(i) == Some(&b'.') && digit(i + 1) {
        i += 1;
        while digit(i) {
            i += 1;
        }
    }
    i
}

enum NumberRole {
    Value,
    /// Digits whose last digit numbers the following label (`2200003252.没有…`): the value
    /// ends at the given byte.
    ValueThenMarker(usize),
    /// Part of a label: list numbering (`1.`, `2、`), `第20条`, dates, document numbers.
    Text,
}

fn classify_number(field: &str, start: usize, end: usize) -> NumberRole {
    let before = field[..start].chars().next_back();
    let after = field[end..].chars().next();
    let plain_digits = field[start..end].bytes().all(|b| b.is_ascii_digit());
    if matches!(after, Some('.' | '、' | ')' | '）')) && plain_digits {
        let rest = field[end..].chars().skip(1).find(|c| !c.is_whitespace());
        // `1.属于国家秘密`, or a lone `1.` ending the field: its label went on to the next line.
        let numbers_a_label = match rest {
            Some(c) => is_han(c) || matches!(c, '“' | '"' | '「'),
            None => end - start == 1,
        };
        if numbers_a_label {
            return if end - start > 1 {
                NumberRole::ValueThenMarker(end - 1)
            } else {
                NumberRole::Text
            };
        }
    }
    if matches!(before, Some('第' | '〔' | '[' | '(' | '（' | '【')) {
        return NumberRole::Text;
    }
    if is_placeholder_header(field, start, end) {
        return NumberRole::Text;
    }
    if matches!(
        after,
        Some('年' | '月' | '日' | '号' | '条' | '项' | '款' | '页' | '〕' | ']' | '期' | '时')
    ) {
        return NumberRole::Text;
    }
    NumberRole::Value
}

/// A header cell that numbers a column instead of naming it (`数据1` … `数据6`, `列3`), as
/// Markdown made from a PDF or by OCR has: never data.
fn is_placeholder_header(field: &str, start: usize, end: usize) -> bool {
    let word = field[..start].trim_ascii();
    field[end..].trim_ascii().is_empty()
        && field[start..end].bytes().all(|b| b.is_ascii_digit())
        && ["数据", "列"].iter().any(|w| {
            word.strip_suffix(w)
                .is_some_and(|rest| rest.is_empty() || rest.ends_with(' '))
        })
}

/// The unit after a number (`万元`, `元`, `%`, or a count word), and where the token ends.
fn unit_after(field: &str, end: usize) -> (Unit, usize) {
    let rest = &field[end..];
    if rest.starts_with('%') {
        return (Unit::Percent, end + 1);
    }
    let trimmed = rest.trim_start_matches(' ');
    if trimmed.as_bytes().first().is_none_or(|&b| b < 0x80) {
        return (Unit::None, end);
    }
    let skipped = rest.len() - trimmed.len();
    for (word, unit) in [("万元", Unit::Wan), ("元", Unit::Yuan)] {
        if trimmed.starts_with(word) {
            return (unit, end + skipped + word.len());
        }
    }
    for word in ["件", "个", "宗", "起", "项", "人次"] {
        if let Some(tail) = rest.strip_prefix(word) {
            if tail.chars().next().is_none_or(|c| !is_han(c)) {
                return (Unit::None, end + word.len());
            }
        }
    }
    (Unit::None, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<String> {
        let source = Source::new(text);
        tokenize(&source)
            .iter()
            .map(|t| match t.kind {
                Kind::Text => format!("T:{}", &source.text[t.start..t.end]),
                Kind::Num(n, Unit::None) => format!("N:{n}"),
                Kind::Num(n, unit) => format!("N:{n}{unit:?}"),
                Kind::Blank => "B".to_string(),
                Kind::Gap(GapKind::Field) => "_".to_string(),
                Kind::Gap(GapKind::EmptyLine) => "¶".to_string(),
                Kind::Gap(GapKind::SeparatorLine) => "|".to_string(),
                Kind::Gap(GapKind::TrailingTab) => "~".to_string(),
            })
            .collect()
    }

    #[test]
    fn tab_rows_keep_blank_fields() {
        assert_eq!(
            kinds("\t\t4\t6\t\n规章\t0\t\t0\t"),
            ["_", "_", "N:4", "N:6", "~", "T:规章", "N:0", "_", "N:0", "~"]
        );
    }

    #[test]
    fn list_numbers_belong_to_labels() {
        assert_eq!(kinds("2.其他法律 0 1"), ["T:2.其他法律", "N:0", "N:1"]);
        assert_eq!(
            kinds("1. 属于国家秘密\t5"),
            ["T:1.", "T:属于国家秘密", "N:5"]
        );
        assert_eq!(kinds("3、其他 108"), ["T:3、其他", "N:108"]);
        assert_eq!(kinds("2200003252.没有"), ["N:220000325", "T:2.没有"]);
    }

    #[test]
    fn numbers_with_signs_separators_and_units() {
        assert_eq!(
            kinds("行政许可\t226\t+24\t11,064\t-84"),
            ["T:行政许可", "N:226", "N:24", "N:11064", "N:-84"]
        );
        assert_eq!(kinds("采购 405223.75 元"), ["T:采购", "N:405223.75Yuan"]);
        assert_eq!(kinds("22093 万元\t"), ["N:22093Wan", "~"]);
        assert_eq!(kinds("比例 98.5%"), ["T:比例", "N:98.5Percent"]);
    }

    #[test]
    fn dates_and_article_numbers_are_text() {
        assert_eq!(kinds("第20条第(1)项"), ["T:第20条第(1)项"]);
        assert_eq!(kinds("2020年"), ["T:2020年"]);
    }

    #[test]
    fn placeholder_headers_are_text() {
        assert_eq!(kinds("数据1"), ["T:数据1"]);
        assert_eq!(kinds("列 3"), ["T:列", "T:3"]);
        // A label run into its numbers stays numbers.
        assert_eq!(kinds("予以公开7"), ["T:予以公开", "N:7"]);
    }

    #[test]
    fn explicit_blanks_and_separator_lines() {
        assert_eq!(kinds("规章 / — 0"), ["T:规章", "B", "B", "N:0"]);
        assert_eq!(kinds("规章 无 0"), ["T:规章", "B", "N:0"]);
        assert_eq!(
            kinds("（ 四 ） 无 法 提 供"),
            ["T:（", "T:四", "T:）", "T:无", "T:法", "T:提", "T:供"]
        );
        assert_eq!(kinds("17 |\n||\n\n- 4 -\n|---|---|"), ["N:17", "|", "¶"]);
        assert_eq!(kinds("| 规章 | 0 |  |"), ["T:规章", "N:0", "_"]);
    }

    #[test]
    fn han_only_keeps_exactly_the_han_characters() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("a{c}中{c}");
            let expected: String = text.chars().filter(|&c| is_han(c)).collect();
            assert_eq!(han_only(&text), expected, "{c:?}");
            assert_eq!(
                push_han(&text, &mut String::new()),
                expected.chars().count()
            );
        }
    }

    #[test]
    fn a_text_run_ends_at_the_first_space_or_digit() {
        let naive = |bytes: &[u8], from: usize| {
            (from..bytes.len())
                .find(|&i| bytes[i].is_ascii_whitespace() || bytes[i].is_ascii_digit())
                .unwrap_or(bytes.len())
        };
        let label = "其他行政管理事务（含行政许可）".repeat(3);
        for stop in ["", " ", "7", "\t", "(", "A", "，", "0"] {
            for at in (0..label.len()).step_by(3) {
                let text = format!("{}{stop}{}", &label[..at], &label[at..]);
                for from in 0..text.len().min(40) {
                    assert_eq!(
                        text_run_end(text.as_bytes(), from),
                        naive(text.as_bytes(), from)
                    );
                }
            }
        }
    }

    #[test]
    fn page_markers() {
        assert!(is_page_marker("- 4 -"));
        assert!(is_page_marker("第 3 页 共 6 页"));
        assert!(is_page_marker("3/6"));
        assert!(!is_page_marker("-84"));
        assert!(!is_page_marker("第二十条"));
        assert!(!is_page_marker("— 5 0 1 —"));
        assert!(!is_page_marker("0 5 / 1 6"));
        assert!(is_page_marker("3 / 6"));
    }
}
