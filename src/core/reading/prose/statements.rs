//! What the prose says about the tables: `收到申请23件`, `行政复议14起`, `1件结转下年度`.
//!
//! A statement is read only when its wording leaves no doubt which quantity it is about:
//! a known verb or term right before the number, an object that is a 政府信息公开 request,
//! and nothing that makes it a part (`其中当面申请`), a change (`同比增长`), an estimate
//! (`约`, `件以上`) or another year. Whatever is unsure is skipped: a false alarm costs more
//! than a missed one.

use crate::model::number::Number;
use crate::model::{DocumentCount, Quantity, Statement};
use crate::reading::meta::agency::AREA_LEVELS;
use crate::text::sort;
use crate::text::Source;

/// A character of prose with its byte offset in the text.
type Char = (char, usize);

/// Statements in `source`, outside the `skip` byte ranges (the tables).
pub(crate) fn read(
    source: &Source,
    skip: &[(usize, usize)],
    report_year: Option<i32>,
    own_level: Option<char>,
) -> Vec<Statement> {
    let text = &source.text;
    let mut out = Vec::new();
    let mut previous = (0, 0);
    let mut piece = Piece::default();
    // The whole area a paragraph has spoken of so far (`2024年，全市…`).
    let mut area: Option<Area> = None;
    sentences(text, skip, |start, end, states_a_count| {
        // Every statement needs a count, and 申请, 复议, 诉讼, 起诉, 规章 or 规范性文件 in its
        // sentence, or 申请 in the one before.
        let raw = &text[start..end];
        if starts_paragraph(text, start) {
            area = None;
        }
        if let Some(level) = area_named(raw) {
            area = Some(if Some(level) == own_level {
                Area::Own
            } else {
                Area::Other
            });
        }
        let previous_raw = &text[previous.0..previous.1];
        let worth_reading =
            states_a_count && (mentions(raw, KEY_WORDS) || mentions(previous_raw, &["申请"]));
        if worth_reading {
            let mut previous_mentions_request = previous_raw.contains("申请");
            let previous_on_disclosure = previous_raw.contains("信息公开");
            flatten(raw, start, &mut piece, |sentence| {
                let mentions_request = has(sentence.text, "申请");
                let context = Context {
                    report_year,
                    next_year: report_year.map(|y| format!("{}年", y + 1)),
                    area,
                    about_requests: mentions_request || previous_mentions_request,
                    about_disclosure: has(sentence.text, "信息公开")
                        || has(sentence.text, "依申请")
                        || (previous_on_disclosure && continues_with_cases(sentence.text)),
                };
                read_sentence(source, &sentence, &context, &mut out);
                previous_mentions_request = mentions_request;
            });
        }
        previous = (start, end);
    });
    out
}

/// A sentence that goes on from the one before with no subject of its own (`发生行政复议6件、
/// 行政诉讼7件。` after `…受理政府信息公开申请302件…。`): its cases are the disclosure's.
fn continues_with_cases(text: &str) -> bool {
    ["发生", "涉及", "引发", "产生"]
        .iter()
        .any(|verb| text.starts_with(verb))
}

const KEY_WORDS: &[&str] = &["申请", "复议", "诉讼", "起诉", "规章", "规范性文件"];

/// Whether a raw sentence names one of `words`. A line break may cut a word in two (PDF
/// text): then the first characters of the words are enough.
fn mentions(raw: &str, words: &[&str]) -> bool {
    let raw = raw.trim();
    if raw.contains('\n') {
        words
            .iter()
            .filter_map(|w| w.chars().next())
            .any(|c| raw.contains(c))
    } else {
        words.iter().any(|w| raw.contains(w))
    }
}

/// Longer "sentences" are not prose (a table or digits without punctuation): they are read
/// in pieces of this many characters, which also bounds the memory one takes.
const MAX_SENTENCE: usize = 2000;

/// Figures about a whole area (`全市收到申请N件`, `全县各级行政机关…`): the agency's own when it
/// is that area's government, else an area larger or other than its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Area {
    Own,
    Other,
}

/// The level of the whole area a sentence speaks of: `市` for `全市`.
fn area_named(raw: &str) -> Option<char> {
    raw.match_indices('全').find_map(|(at, _)| {
        raw[at + '全'.len_utf8()..]
            .chars()
            .next()
            .filter(|c| AREA_LEVELS.contains(*c))
    })
}

/// Whether the sentence at `start` opens a paragraph: it begins a line, or an item (`二是`,
/// `（三）`) in text whose lines were joined.
fn starts_paragraph(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end_matches([' ', '\t', '\r', '\u{3000}']);
    let after = text[start..].trim_start_matches([' ', '\t', '\r', '\n', '\u{3000}']);
    let mut chars = after.chars();
    let item = matches!(
        (chars.next(), chars.next()),
        (Some(n), Some('是')) if is_numeral(n)
    ) || opens_item(after);
    before.is_empty()
        || before.ends_with('\n')
        || text[start..]
            .trim_start_matches([' ', '\t', '\r'])
            .starts_with('\n')
        || item
}

struct Context {
    /// The whole area the sentence's paragraph speaks of, if any.
    area: Option<Area>,
    report_year: Option<i32>,
    /// `2021年` for a report on 2020.
    next_year: Option<String>,
    /// The sentence or the one before it speaks of 申请.
    about_requests: bool,
    /// The sentence speaks of 信息公开 (so its 行政复议 are about disclosure).
    about_disclosure: bool,
}

/// Splits prose into sentences at 。！？, at empty lines, at lines that open a numbered item,
/// and around skipped ranges, giving each one's byte range and whether it states a count.
/// This runs over all the text, so it searches bytes rather than walking characters.
fn sentences(text: &str, skip: &[(usize, usize)], mut each: impl FnMut(usize, usize, bool)) {
    let mut skip = skip.to_vec();
    sort::sort_by_key(&mut skip, |&(start, end)| {
        sort::pair(start as u64, end as u64)
    });
    let mut from = 0;
    for (start, end) in skip.into_iter().chain([(text.len(), text.len())]) {
        if start > from {
            sentences_in(text, from, start, &mut each);
        }
        from = from.max(end);
    }
}

fn sentences_in(text: &str, from: usize, to: usize, each: &mut impl FnMut(usize, usize, bool)) {
    let bytes = text.as_bytes();
    let mut emit = |start: usize, end: usize| {
        if end > start {
            let sentence = &text[start..end];
            each(start, end, states_a_count(sentence));
        }
    };
    let mut start = from;
    let mut i = from;
    // Sentence ends start with one of these bytes: 。 is E3 80 82; ！ and ？ are EF BC 81/9F.
    while let Some(found) = memchr::memchr3(b'\n', 0xE3, 0xEF, &bytes[i..to]) {
        let at = i + found;
        let next = &bytes[at..to];
        if next.starts_with("。".as_bytes())
            || next.starts_with("！".as_bytes())
            || next.starts_with("？".as_bytes())
        {
            emit(start, at);
            start = at + 3;
            i = start;
            continue;
        }
        if bytes[at] != b'\n' {
            i = at + 1;
            continue;
        }
        // A line break ends a sentence before an empty line or a numbered item.
        let mut line = at + 1;
        while line < to && matches!(bytes[line], b' ' | b'\t' | b'\r') {
            line += 1;
        }
        let blank = line < to && bytes[line] == b'\n';
        if blank || (line < to && opens_item(&text[line..to])) {
            emit(start, at);
            start = line;
        }
        i = line;
    }
    emit(start, to);
}

/// Whether a digit stands right before a unit (`23件`, `23 件`, `95%`) in the sentence.
fn states_a_count(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            // Prose is mostly Chinese: pass over it by eight bytes where no digit can be.
            i = crate::text::scan::skip_to_low_bytes(bytes, i + 1);
            continue;
        }
        while i < bytes.len()
            && (bytes[i].is_ascii_digit() || matches!(bytes[i], b' ' | b'\t' | b'\r' | b'\n'))
        {
            i += 1;
        }
        // Digits and ASCII whitespace end on a character boundary.
        if sentence[i..].chars().next().is_some_and(is_unit) {
            return true;
        }
    }
    false
}

/// `str::contains` for the short texts of a clause, where setting up a searcher costs more
/// than finding one byte.
fn has(text: &str, word: &str) -> bool {
    word.is_empty() || find_all(text, word).next().is_some()
}

/// Where a non-empty `word` starts in `text`, first to last. Its third byte (for a Chinese
/// word, the last byte of its first character) is searched for: a lead byte would be found
/// in almost every character.
fn find_all<'a>(text: &'a str, word: &'a str) -> impl DoubleEndedIterator<Item = usize> + 'a {
    let (text, word) = (text.as_bytes(), word.as_bytes());
    let key = word.len().min(3).saturating_sub(1);
    // Where the key byte of a match that fits in the text can be.
    let window = match text.len().checked_sub(word.len()) {
        Some(last_start) if !word.is_empty() => &text[key..=last_start + key],
        _ => &[],
    };
    memchr::memchr_iter(word.get(key).copied().unwrap_or(0), window)
        .filter(move |&i| text[i..i + word.len()] == *word)
}

/// A sentence without its line breaks and spaces: its characters with their byte offsets in
/// the report, and the same characters as text, so that parts of it are read without copying.
struct Sentence<'a> {
    chars: &'a [Char],
    text: &'a str,
    /// The byte offset in `text` of each character, and of the end.
    text_at: &'a [usize],
}

impl Sentence<'_> {
    /// The text of characters `from..to`.
    fn text_of(&self, from: usize, to: usize) -> &str {
        &self.text[self.text_at[from]..self.text_at[to]]
    }
}

/// A sentence's characters, in pieces of at most [`MAX_SENTENCE`].
/// Line breaks inside a sentence (PDF wrapping) and whitespace are dropped, except that a
/// space between two digits is kept so numbers stay apart.
/// `piece` is reused from sentence to sentence.
fn flatten(sentence: &str, offset: usize, piece: &mut Piece, mut each: impl FnMut(Sentence)) {
    let mut pending_space = false;
    for (at, c) in sentence.char_indices() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space
            && c.is_ascii_digit()
            && piece.chars.last().is_some_and(|(p, _)| p.is_ascii_digit())
        {
            piece.push(' ', offset + at);
        }
        pending_space = false;
        piece.push(c, offset + at);
        if piece.chars.len() >= MAX_SENTENCE {
            piece.emit(&mut each);
        }
    }
    if !piece.chars.is_empty() {
        piece.emit(&mut each);
    }
}

/// What [`flatten`] has gathered of a [`Sentence`].
#[derive(Default)]
struct Piece {
    chars: Vec<Char>,
    text: String,
    text_at: Vec<usize>,
}

impl Piece {
    fn push(&mut self, c: char, at: usize) {
        self.text_at.push(self.text.len());
        self.text.push(c);
        self.chars.push((c, at));
    }

    fn emit(&mut self, each: &mut impl FnMut(Sentence)) {
        self.text_at.push(self.text.len());
        each(Sentence {
            chars: &self.chars,
            text: &self.text,
            text_at: &self.text_at,
        });
        self.chars.clear();
        self.text.clear();
        self.text_at.clear();
    }
}

/// `一、` `（三）` `2.` `3、` at the start of a line: a new item, so a new sentence.
fn opens_item(line: &str) -> bool {
    let mut chars = line.chars();
    let first = chars.next();
    let second = chars.next();
    match (first, second) {
        (Some('（' | '('), Some(n)) => is_numeral(n) || n.is_ascii_digit(),
        (Some(n), Some('、')) => is_numeral(n) || n.is_ascii_digit(),
        (Some(n), Some('.' | '．')) => n.is_ascii_digit(),
        _ => false,
    }
}

fn is_numeral(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

fn is_unit(c: char) -> bool {
    matches!(c, '件' | '宗' | '起' | '个' | '%')
}

/// Clause separators: a statement's words and its number stand in one clause.
fn separates_clauses(chars: &[Char], i: usize) -> bool {
    match chars[i].0 {
        '，' | '；' | ';' | '、' | '（' | '）' | '(' | ')' | '【' | '】' => true,
        // `11,064` groups thousands; any other ASCII comma separates.
        ',' => {
            let digit = |j: usize| chars.get(j).is_some_and(|(c, _)| c.is_ascii_digit());
            !(i > 0 && digit(i - 1) && (1..=3).all(|k| digit(i + k)) && !digit(i + 4))
        }
        _ => false,
    }
}

fn read_sentence(source: &Source, whole: &Sentence, context: &Context, out: &mut Vec<Statement>) {
    let sentence = whole.chars;
    // Most sentences state no count at all.
    if !sentence
        .windows(2)
        .any(|w| w[0].0.is_ascii_digit() && is_unit(w[1].0))
    {
        return;
    }
    let clauses = split_clauses(sentence);
    let topic_year = clauses.first().and_then(|&(_, c)| leading_year(c));
    if let (Some(topic), Some(year)) = (topic_year, context.report_year) {
        if topic != year {
            return;
        }
    }
    let mut earlier = Earlier::default();
    for (clause_start, clause) in clauses {
        let clause = Clause {
            whole,
            start: clause_start,
            chars: clause,
        };
        read_clause(source, &clause, context, &mut earlier, out);
    }
}

/// What earlier clauses of a sentence were about: results follow their case kind, and
/// `办结N件` follows `收到N件`.
#[derive(Default)]
struct Earlier {
    /// `Some(true)` after litigation, `Some(false)` after review.
    case_kind: Option<bool>,
    after_request_count: bool,
}

impl Earlier {
    fn note(&mut self, quantity: Quantity) {
        match quantity {
            Quantity::Review => self.case_kind = Some(false),
            Quantity::Litigation | Quantity::LitigationDirect | Quantity::LitigationAfterReview => {
                self.case_kind = Some(true)
            }
            Quantity::Received { .. } | Quantity::Handled => self.after_request_count = true,
            _ => {}
        }
    }
}

/// A clause of a sentence: its characters, from character `start` of the sentence on.
struct Clause<'a> {
    whole: &'a Sentence<'a>,
    start: usize,
    chars: &'a [Char],
}

impl Clause<'_> {
    /// The text of the clause's characters `from..to`.
    fn text(&self, from: usize, to: usize) -> &str {
        self.whole.text_of(self.start + from, self.start + to)
    }
}

/// The statements of one clause: each number with its words before and after.
fn read_clause(
    source: &Source,
    clause: &Clause,
    context: &Context,
    earlier: &mut Earlier,
    out: &mut Vec<Statement>,
) {
    let chars = clause.chars;
    let numbers = numbers_in(chars);
    if !numbers
        .iter()
        .any(|n| may_be_stated(clause.text(0, n.start), n.unit))
    {
        return;
    }
    // Checked once a number is found to be stated: most never are.
    let mut blocked: Option<bool> = None;
    let mut head_start = 0;
    // The first number's words may start in the clause before (`予以公开、部分公开208件`).
    let joined_head = result_before(clause)
        .map(|result| format!("{result}、{}", clause.text(0, numbers[0].start)));
    for (k, number) in numbers.iter().enumerate() {
        let head = match &joined_head {
            Some(joined) if k == 0 => joined.as_str(),
            _ => clause.text(head_start, number.start),
        };
        let tail_end = numbers.get(k + 1).map_or(chars.len(), |n| n.start);
        let tail = clause.text(number.end, tail_end);
        head_start = number.end;
        if is_estimate(head, tail) {
            continue;
        }
        let found = classify(
            head,
            tail,
            number.unit,
            context,
            earlier.case_kind,
            earlier.after_request_count,
        );
        let Some(quantity) = found else {
            continue;
        };
        let blocked = *blocked.get_or_insert_with(|| {
            blocked_clause(clause.text(0, chars.len()), context.report_year)
        });
        if blocked {
            continue;
        }
        // Another area's figures are not the agency's tables; its own area's documents are
        // every department's, more than 表二 counts.
        let area_wide = match context.area {
            Some(Area::Other) => true,
            Some(Area::Own) => matches!(quantity, Quantity::Documents { .. }),
            None => false,
        };
        if area_wide {
            continue;
        }
        earlier.note(quantity);
        let start = chars[number.start].1;
        // The number's digits: the unit is the last character of the match.
        let last = chars[number.end - 2];
        let end = last.1 + last.0.len_utf8();
        out.push(Statement {
            quantity,
            value: number.value,
            printed: number.printed.clone(),
            unit: number.unit,
            line: source.line_of(start),
            start,
            end,
            quote: quote(clause.whole, start),
        });
    }
}

/// The result a clause is joined to by `、` (`予以公开、部分公开208件`): the clause before it
/// when that ends with a result's name and no number.
fn result_before(clause: &Clause) -> Option<&'static str> {
    let at = clause.start.checked_sub(1)?;
    if clause.whole.chars[at].0 != '、' {
        return None;
    }
    let before = clause.whole.text_of(0, at);
    CATEGORIES
        .iter()
        .map(|(word, _)| *word)
        .find(|word| before.ends_with(word))
}

/// The clauses of a sentence, each with the index of its first character.
fn split_clauses(sentence: &[Char]) -> Vec<(usize, &[Char])> {
    let mut out = Vec::new();
    let mut from = 0;
    for i in 0..sentence.len() {
        if separates_clauses(sentence, i) {
            if i > from {
                out.push((from, &sentence[from..i]));
            }
            from = i + 1;
        }
    }
    if from < sentence.len() {
        out.push((from, &sentence[from..]));
    }
    out
}

/// `2020年` opening a sentence (`2020年，全县…`): the year the sentence is about.
fn leading_year(clause: &[Char]) -> Option<i32> {
    let digits: String = clause
        .iter()
        .take_while(|(c, _)| c.is_ascii_digit())
        .map(|(c, _)| c)
        .collect();
    let next = clause.get(digits.len()).map(|(c, _)| *c);
    (digits.len() == 4 && next == Some('年'))
        .then(|| digits.parse().ok())
        .flatten()
}

/// Clauses about a change, a cumulative count or another year.
fn blocked_clause(text: &str, report_year: Option<i32>) -> bool {
    const CHANGE: &[&str] = &[
        "同比",
        "环比",
        "较上年",
        "较去年",
        "比上年",
        "比去年",
        "相比",
        "增长",
        "增加",
        "减少",
        "下降",
        "上升",
        "提高",
        "降低",
        "累计",
        "历年",
        "以来",
        "月",
        "季度",
        "半年",
    ];
    if CHANGE.iter().any(|w| has(text, w)) {
        return true;
    }
    // Last year's figure, unless it is what was carried over from it.
    let last_year = ["去年", "上年", "上一年"].iter().any(|w| has(text, w));
    if last_year && !["结转", "转入"].iter().any(|w| has(text, w)) {
        return true;
    }
    let Some(year) = report_year else {
        return false;
    };
    // Any other year named in the clause, except the next one for what is carried there.
    let next_year_carry = has(text, "结转") || has(text, "顺延") || has(text, "转入");
    years_in(text)
        .into_iter()
        .any(|y| y != year && !(y == year + 1 && next_year_carry))
}

fn years_in(text: &str) -> Vec<i32> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for i in 0..chars.len() {
        let starts = i == 0 || !chars[i - 1].is_ascii_digit();
        if starts
            && i + 4 < chars.len()
            && chars[i..i + 4].iter().all(|c| c.is_ascii_digit())
            && chars[i + 4] == '年'
        {
            let year: String = chars[i..i + 4].iter().collect();
            out.extend(year.parse::<i32>().ok());
        }
    }
    out
}

struct NumberAt {
    /// Char indices in the clause of the number and its unit; `end` is after the unit.
    start: usize,
    end: usize,
    value: Number,
    printed: String,
    unit: char,
}

/// Numbers directly followed by a unit: `23件`, `3,119件`, `95.5%`.
fn numbers_in(clause: &[Char]) -> Vec<NumberAt> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < clause.len() {
        // `1 2件` is not a number: the space kept between digits marks text that was cut.
        let after_digits =
            |j: usize| j >= 2 && clause[j - 1].0 == ' ' && clause[j - 2].0.is_ascii_digit();
        if !clause[i].0.is_ascii_digit()
            || (i > 0 && is_number_char(clause[i - 1].0))
            || after_digits(i)
        {
            i += 1;
            continue;
        }
        let start = i;
        while i < clause.len() && is_number_char(clause[i].0) {
            i += 1;
        }
        let Some(unit) = clause.get(i).map(|(c, _)| *c).filter(|&u| is_unit(u)) else {
            continue;
        };
        let mut text = String::with_capacity(i - start);
        text.extend(
            clause[start..i]
                .iter()
                .map(|(c, _)| *c)
                .filter(|c| *c != ','),
        );
        if let Some(value) = crate::model::number::parse(&text) {
            // Counts are whole; only a percentage has decimals.
            if unit == '%' || matches!(value, Number::Int(_)) {
                out.push(NumberAt {
                    start,
                    end: i + 1,
                    value,
                    printed: text,
                    unit,
                });
            }
        }
    }
    out
}

/// A quick first look: `26个领域` and `回复率100%` are common and never about the tables.
/// `head` is the clause before the number.
fn may_be_stated(head: &str, unit: char) -> bool {
    let words: &[&str] = match unit {
        '%' => &["予以公开率"],
        '个' => &["申请", "复议", "诉讼", "规范性文件", "规章"],
        _ => return true,
    };
    words.iter().any(|w| has(head, w))
}

fn is_number_char(c: char) -> bool {
    c.is_ascii_digit() || c == '.' || c == ','
}

fn is_estimate(head: &str, tail: &str) -> bool {
    ["约", "近", "超过", "超", "逾", "大约", "将近"]
        .iter()
        .any(|w| head.ends_with(w))
        || ["左右", "以上", "以下", "以内", "次"]
            .iter()
            .any(|w| tail.starts_with(w))
}

/// Words that make a request count a part or something else than 政府信息公开 requests.
const NOT_THE_WHOLE: &[&str] = &[
    "其中",
    "当面",
    "网上",
    "网络",
    "在线",
    "信函",
    "传真",
    "邮件",
    "邮寄",
    "电话",
    "自然人",
    "法人",
    "企业",
    "组织",
    "领域",
    "涉及",
    "来信",
    "信件",
    "留言",
    "咨询",
    "投诉",
    "举报",
    "建议",
    "提案",
    "问政",
    "热线",
    "信访",
    "事项",
    "诉求",
    "工单",
    "短信",
    "许可",
    "审批",
    "政务服务",
    "办件",
    "复议",
    "诉讼",
    "主动",
];

/// Filler between a term and its number: `予以公开的申请共7件`.
const FILLER: &[&str] = &[
    "政府信息公开申请",
    "信息公开申请",
    "申请件数",
    "申请数量",
    "申请",
    "件数",
    "数量",
    "共计",
    "合计",
    "总计",
    "总数",
    "共",
    "计",
    "的",
    "为",
    "是",
    "达",
    "有",
    "了",
];

fn strip_filler(head: &str) -> &str {
    let mut head = head;
    'again: loop {
        for filler in FILLER {
            if let Some(rest) = head.strip_suffix(filler) {
                head = rest;
                continue 'again;
            }
        }
        return head;
    }
}

fn classify(
    head: &str,
    tail: &str,
    unit: char,
    context: &Context,
    case_kind: Option<bool>,
    after_request_count: bool,
) -> Option<Quantity> {
    let term = strip_filler(head);
    if unit == '%' {
        return (term.ends_with("予以公开率") && context.about_requests)
            .then_some(Quantity::GrantedRate);
    }
    let tail_start = &tail[..tail.char_indices().nth(10).map_or(tail.len(), |(i, _)| i)];
    if carries_forward(head, tail_start, context.next_year.as_deref()) {
        return context.about_requests.then_some(Quantity::CarryForward);
    }
    if [
        "上年结转",
        "上年度结转",
        "上一年度结转",
        "结转上年",
        "结转上一年",
        "上年度转入",
    ]
    .iter()
    .any(|w| has(head, w) || has(tail_start, w))
    {
        let names_requests = has(head, "申请") || has(tail, "申请");
        return (context.about_requests || names_requests).then_some(Quantity::CarriedOver);
    }
    if let Some(quantity) = case_statement(head, term, context, case_kind) {
        return Some(quantity);
    }
    if let Some(quantity) = documents(head, term) {
        return Some(quantity);
    }
    if let Some(joined) = joined_outcome(term) {
        return joined.filter(|_| context.about_requests);
    }
    if let Some(quantity) = outcome(head, term) {
        return (context.about_requests && !has(head, "主动")).then_some(quantity);
    }
    request_count(head, tail_start, after_request_count)
}

fn carries_forward(head: &str, tail: &str, next_year: Option<&str>) -> bool {
    let mentions_next = |s: &str| {
        has(s, "下年") || has(s, "下一年") || has(s, "次年") || next_year.is_some_and(|y| has(s, y))
    };
    let moved = |s: &str| {
        ["结转", "转入", "顺延", "延续", "转至", "转到", "延期"]
            .iter()
            .any(|w| has(s, w))
    };
    (mentions_next(head) && moved(head)) || (mentions_next(tail) && moved(tail))
}

/// 表四: review and litigation counts, and their results.
fn case_statement(
    head: &str,
    term: &str,
    context: &Context,
    case_kind: Option<bool>,
) -> Option<Quantity> {
    const RESULTS: &[(&str, &str)] = &[
        ("维持", "upheld"),
        ("纠正", "corrected"),
        ("其他结果", "other"),
        ("尚未审结", "pending"),
        ("未审结", "pending"),
    ];
    let review = has(head, "行政复议");
    let litigation = ["行政诉讼", "起诉", "应诉"].iter().any(|w| has(head, w));
    if let Some((_, col)) = RESULTS.iter().find(|(w, _)| term.ends_with(w)) {
        let litigation = match (review, litigation) {
            (true, false) => false,
            (false, true) => true,
            (false, false) => case_kind?,
            (true, true) => return None,
        };
        return Some(Quantity::CaseResult { litigation, col });
    }
    if !(review || litigation) || !context.about_disclosure {
        return None;
    }
    // The count must belong to the case word, not to something said after it.
    let about_cases = ["行政复议", "行政诉讼", "起诉", "应诉", "案件", "案", "申请"]
        .iter()
        .any(|w| term.ends_with(w));
    if !about_cases {
        return None;
    }
    Some(if has(head, "复议后") {
        Quantity::LitigationAfterReview
    } else if has(head, "直接起诉") || has(head, "未经复议") {
        Quantity::LitigationDirect
    } else if review && litigation {
        Quantity::ReviewAndLitigation
    } else if litigation {
        Quantity::Litigation
    } else {
        Quantity::Review
    })
}

/// 表二: `制发规范性文件14件`, `现行有效规范性文件187件`, `新增公开规章1件`.
fn documents(head: &str, term: &str) -> Option<Quantity> {
    let row = if term.ends_with("规范性文件") {
        "normative_docs"
    } else if term.ends_with("规章") {
        "regulations"
    } else {
        return None;
    };
    // The verb belongs to this noun: look only at the words just before it.
    let near = &head[head.char_indices().rev().nth(15).map_or(0, |(i, _)| i)..];
    let count = if has(near, "现行有效") {
        DocumentCount::InForce
    } else if has(near, "废止") {
        DocumentCount::Repealed
    } else if ["制发", "印发", "制定", "出台", "发布", "新增", "制作"]
        .iter()
        .any(|w| has(near, w))
    {
        DocumentCount::Issued
    } else {
        return None;
    };
    Some(Quantity::Documents { row, count })
}

/// 表三's results as the prose names them.
const CATEGORIES: &[(&str, &str)] = &[
    ("予以公开", "granted"),
    ("部分公开", "partial"),
    ("不予公开", "denied"),
    ("无法提供", "unable"),
    ("不予处理", "ignored"),
    ("其他处理", "other"),
];

/// Two results counted together (`予以公开及部分公开208件`): 予以公开 and 部分公开 are
/// compared with their sum; `Some(None)` for another pair, which is declined rather than
/// compared with its second result alone.
fn joined_outcome(term: &str) -> Option<Option<Quantity>> {
    let (word, second) = CATEGORIES.iter().find(|(w, _)| term.ends_with(w))?;
    let before =
        term[..term.len() - word.len()].strip_suffix(&['及', '和', '与', '、', '或'][..])?;
    let (_, first) = CATEGORIES.iter().find(|(w, _)| before.ends_with(w))?;
    Some(((*first, *second) == ("granted", "partial")).then_some(Quantity::GrantedAndPartial))
}

/// 表三's results: the category named right before the number, and the reason row the clause
/// names, if any.
fn outcome(head: &str, term: &str) -> Option<Quantity> {
    const REASONS: &[(&str, &str)] = &[
        ("国家秘密", "denied.state_secret"),
        ("禁止公开", "denied.law_prohibited"),
        ("三安全一稳定", "denied.safety_stability"),
        ("第三方", "denied.third_party"),
        ("内部事务", "denied.internal"),
        ("过程性", "denied.process"),
        ("执法案卷", "denied.enforcement_file"),
        ("行政查询", "denied.query"),
        ("不掌握", "unable.not_held"),
        ("现成", "unable.needs_creation"),
        ("另行制作", "unable.needs_creation"),
        ("不明确", "unable.unclear"),
        ("信访", "ignored.complaint"),
        ("举报", "ignored.complaint"),
        ("投诉", "ignored.complaint"),
        ("重复申请", "ignored.duplicate"),
        ("出版物", "ignored.publication"),
        ("大量反复", "ignored.excessive"),
        ("重新出具", "ignored.confirmation"),
        ("不补正", "other.no_correction"),
        ("缴纳", "other.no_fee"),
        ("缴费", "other.no_fee"),
    ];
    let (_, category) = CATEGORIES.iter().find(|(w, _)| term.ends_with(w))?;
    let reason = REASONS
        .iter()
        .find(|(w, row)| has(head, w) && row.starts_with(category))
        .map(|(_, row)| *row);
    Some(Quantity::Outcome { category, reason })
}

/// `收到/受理…申请N件`, `共办理…申请N件`, `办结N件`.
fn request_count(head: &str, tail: &str, after_request_count: bool) -> Option<Quantity> {
    const RECEIVED: &[&str] = &["收到", "受理", "新收", "接收", "接到", "收悉"];
    const ANSWERED: &[&str] = &["办结", "答复", "回复", "办理完毕", "处理完毕", "完成办理"];
    let last = |words: &[&str]| {
        words
            .iter()
            .filter_map(|w| find_all(head, w).next_back())
            .max()
    };
    let handled = find_all(head, "办理")
        .find(|&i| !head[i..].starts_with("办理完毕") && !head[..i].ends_with("完成"));
    let received = last(RECEIVED);
    let answered = last(ANSWERED);
    let verb_at = [received, answered, handled].into_iter().flatten().min()?;
    let object = &head[verb_at..];
    // A part (`其中…收到`), another channel or another kind of request. `依申请公开事项` are
    // the requests themselves, not 事项 of another kind.
    let other_words = head.replace("依申请公开事项", "依申请公开");
    if NOT_THE_WHOLE.iter().any(|w| has(&other_words, w)) {
        return None;
    }
    let names_requests = has(object, "申请") || tail.starts_with("申请") || {
        tail.starts_with("政府信息公开申请") || tail.starts_with("依申请")
    };
    // The last verb decides: `收到…申请3119件` and then `答复3050件`.
    let answered_last = match (received, answered) {
        (_, None) => false,
        (None, Some(_)) => true,
        (Some(r), Some(a)) => a > r,
    };
    if answered_last {
        (names_requests || after_request_count).then_some(Quantity::Answered)
    } else if received.is_some() {
        names_requests.then_some(Quantity::Received {
            also_handled: handled.is_some(),
        })
    } else {
        names_requests.then_some(Quantity::Handled)
    }
}

/// Up to 24 characters before the number and 12 after, within the sentence.
fn quote(sentence: &Sentence, at: usize) -> String {
    let chars = sentence.chars;
    let i = chars.iter().position(|&(_, b)| b >= at).unwrap_or(0);
    let from = i.saturating_sub(24);
    let to = (i + 12).min(chars.len());
    let before = if from > 0 { "…" } else { "" };
    let after = if to < chars.len() { "…" } else { "" };
    format!("{before}{}{after}", sentence.text_of(from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_text(text: &str) -> Vec<(Quantity, String)> {
        read_as(text, None)
    }

    /// As the government of a place of level `own_level` (`市`) reads it.
    fn read_as(text: &str, own_level: Option<char>) -> Vec<(Quantity, String)> {
        let source = Source::new(text);
        read(&source, &[], Some(2020), own_level)
            .into_iter()
            .map(|s| (s.quantity, format!("{}{}", s.value, s.unit)))
            .collect()
    }

    fn q(quantity: Quantity, value: &str) -> (Quantity, String) {
        (quantity, value.to_string())
    }

    #[test]
    fn a_sentence_on_requests_and_their_results() {
        let found = read_text(
            "2020年，云阳县各级行政机关受理符合法定条件要求的政府信息公开申请21件，结转上年度政府信息公开申请2件，回复率为100%。其中，予以公开7件，部分公开2件，因本机关不掌握相关政府信息等原因无法提供11件，因重复申请等原因不予处理2件，另有1件结转至下年度继续办理。",
        );
        assert_eq!(
            found,
            [
                q(
                    Quantity::Received {
                        also_handled: false
                    },
                    "21件"
                ),
                q(Quantity::CarriedOver, "2件"),
                q(
                    Quantity::Outcome {
                        category: "granted",
                        reason: None
                    },
                    "7件"
                ),
                q(
                    Quantity::Outcome {
                        category: "partial",
                        reason: None
                    },
                    "2件"
                ),
                q(
                    Quantity::Outcome {
                        category: "unable",
                        reason: Some("unable.not_held")
                    },
                    "11件"
                ),
                q(
                    Quantity::Outcome {
                        category: "ignored",
                        reason: Some("ignored.duplicate")
                    },
                    "2件"
                ),
                q(Quantity::CarryForward, "1件"),
            ]
        );
    }

    #[test]
    fn pdf_wrapped_lines_and_results_of_cases() {
        let text = "2020 年，全市共受理政府信息公开申请 3,119 件，答\n复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度\n答复）。政府信息公开行政复议 351\n件，其中结果维持 72 件，尚\n未审结 37 件；政府信息公开行政诉讼 46 件，其中结果维持 25\n件。";
        assert_eq!(
            read_as(text, Some('市')),
            [
                q(
                    Quantity::Received {
                        also_handled: false
                    },
                    "3119件"
                ),
                q(Quantity::Answered, "3050件"),
                q(Quantity::CarriedOver, "34件"),
                q(Quantity::CarryForward, "103件"),
                q(Quantity::Review, "351件"),
                q(
                    Quantity::CaseResult {
                        litigation: false,
                        col: "upheld"
                    },
                    "72件"
                ),
                q(
                    Quantity::CaseResult {
                        litigation: false,
                        col: "pending"
                    },
                    "37件"
                ),
                q(Quantity::Litigation, "46件"),
                q(
                    Quantity::CaseResult {
                        litigation: true,
                        col: "upheld"
                    },
                    "25件"
                ),
            ]
        );
    }

    #[test]
    fn kinds_of_cases() {
        assert_eq!(
            read_text("因政府信息公开引起的行政复议 14 起，被提起行政诉讼 27 起。"),
            [q(Quantity::Review, "14起"), q(Quantity::Litigation, "27起")]
        );
        assert_eq!(
            read_text(
                "涉及政府信息公开行政复议3件，均作出行政复议决定，复议后行政诉讼2件，全部应诉。"
            ),
            [
                q(Quantity::Review, "3件"),
                q(Quantity::LitigationAfterReview, "2件")
            ]
        );
        assert_eq!(
            read_text("2020年,市政府办公室共收到和办理依申请公开19件,行政复议及行政诉讼案件0件。"),
            [
                q(Quantity::Received { also_handled: true }, "19件"),
                q(Quantity::ReviewAndLitigation, "0件")
            ]
        );
        // Not about disclosure: the government's review work in general.
        assert_eq!(read_text("全年办理行政复议案件120件。"), []);
    }

    #[test]
    fn documents_and_rates() {
        assert_eq!(
            read_text("2020年度新增并发布规范性文件14件，公开我县现行有效规范性文件 187 件。"),
            [
                q(
                    Quantity::Documents {
                        row: "normative_docs",
                        count: DocumentCount::Issued
                    },
                    "14件"
                ),
                q(
                    Quantity::Documents {
                        row: "normative_docs",
                        count: DocumentCount::InForce
                    },
                    "187件"
                ),
            ]
        );
        assert_eq!(
            read_text("办理政府信息公开申请40件，予以公开率为37.5%。"),
            [
                q(Quantity::Handled, "40件"),
                q(Quantity::GrantedRate, "37.5%")
            ]
        );
    }

    #[test]
    fn what_is_not_a_statement_about_the_tables() {
        assert_eq!(
            read_text("共收到政府信息公开申请23件，同比增长5件。"),
            [q(
                Quantity::Received {
                    also_handled: false
                },
                "23件"
            )]
        );
        assert_eq!(
            read_as(
                "全县共收到申请100件，其中县政府办公室收到申请30件。",
                Some('县')
            ),
            [q(
                Quantity::Received {
                    also_handled: false
                },
                "100件"
            )]
        );
        for text in [
            // Other objects, parts, changes, estimates, other years.
            "全区政府系统公开信箱受理群众来信561件，办结548件。",
            "2020年全区收到依申请公开申请，其中土地征收领域申请数13件。",
            "收到当面申请5件。",
            "全年受理网络问政182件。",
            "共收到申请约30件。",
            "2019年共收到政府信息公开申请18件。",
            "“我有话对省长说”留言 18 宗。",
            "办理人大代表建议12件。",
            "清理规范性文件20件。",
            "上年度共收到政府信息公开申请18件。",
            "1至6月共收到政府信息公开申请9件。",
        ] {
            assert_eq!(read_text(text), [], "{text}");
        }
    }

    #[test]
    fn words_are_found_where_str_finds_them() {
        let texts = [
            "",
            "申",
            "收到申请23件，申请申请",
            "2021年结转2021年",
            "a%b%%",
            "申请",
        ];
        let words = ["申请", "申请申请", "2021年", "%", "%%", "a", "请23", "件，"];
        for text in texts {
            for word in words {
                let expected: Vec<usize> = (0..=text.len())
                    .filter(|&i| text.get(i..).is_some_and(|rest| rest.starts_with(word)))
                    .collect();
                assert_eq!(
                    find_all(text, word).collect::<Vec<_>>(),
                    expected,
                    "{text} {word}"
                );
                assert_eq!(has(text, word), text.contains(word), "{text} {word}");
            }
        }
    }

    #[test]
    fn tables_and_numbered_items_are_kept_apart() {
        let text = "本年度共收到申请\n一、本年新收政府信息公开申请数量 21 件";
        let source = Source::new(text);
        let table_start = text.find("一、").unwrap();
        assert_eq!(
            read(&source, &[(table_start, text.len())], Some(2020), None),
            []
        );
        // Digits separated by spaces are separate numbers.
        assert_eq!(read_text("收到申请 1 2 件"), []);
    }

    #[test]
    fn two_results_counted_together() {
        let together = [q(Quantity::GrantedAndPartial, "208件")];
        for text in [
            "收到申请300件。其中，予以公开及部分公开208件。",
            "收到申请300件。其中，予以公开和部分公开208件。",
            "收到申请300件。其中，予以公开、部分公开208件。",
        ] {
            assert_eq!(read_text(text)[1..], together, "{text}");
        }
        // Another pair is not compared with its second result alone.
        assert_eq!(
            read_text("收到申请300件。其中，不予公开及无法提供20件。").len(),
            1
        );
        // Results listed one by one stay apart.
        let apart = read_text("收到申请300件。其中，予以公开5件、部分公开3件。");
        assert_eq!(
            apart[2].0,
            Quantity::Outcome {
                category: "partial",
                reason: None
            }
        );
    }

    #[test]
    fn requests_named_as_matters_and_cases_after_a_sentence_on_requests() {
        assert_eq!(
            read_text("完善依申请公开事项接收、办理等流程，依法按时办结依申请公开事项403件。"),
            [q(Quantity::Answered, "403件")]
        );
        // Other 事项 are not requests.
        assert_eq!(read_text("依法按时办结政务服务事项403件。"), []);
        // A sentence with no subject of its own goes on from one on 信息公开 requests.
        assert_eq!(
            read_text("共受理政府信息公开申请302件。发生行政复议6件、行政诉讼7件。")[1..],
            [q(Quantity::Review, "6件"), q(Quantity::Litigation, "7件")]
        );
        assert_eq!(
            read_text("共受理政府信息公开申请302件。全年办理行政复议案件120件。").len(),
            1
        );
    }

    #[test]
    fn figures_about_a_whole_area() {
        let received = |n: &str| {
            q(
                Quantity::Received {
                    also_handled: false,
                },
                n,
            )
        };
        let text = "2020年，全市收到政府信息公开申请357件。";
        // The city's government: its own area, compared.
        assert_eq!(read_as(text, Some('市')), [received("357件")]);
        // A department, or a district in the city: not its tables.
        assert_eq!(read_as(text, None), []);
        assert_eq!(read_as(text, Some('区')), []);
        // An area's documents are every department's: never 表二's, here or later in the
        // paragraph.
        let documents = "2020年，全市发布规范性文件150份。集中公开现行有效规范性文件2763件。";
        assert_eq!(read_as(documents, Some('市')), []);
        // A new paragraph or item speaks for the agency again.
        let later = "2020年，全市发布规范性文件150份。\n二是现行有效规范性文件27件。";
        assert_eq!(read_as(later, Some('市')).len(), 1);
        let item = "2020年，全市发布规范性文件150份。二是现行有效规范性文件27件。";
        assert_eq!(read_as(item, Some('市')).len(), 1);
    }
}
