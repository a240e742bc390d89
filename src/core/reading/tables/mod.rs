//! Reading the three tables from the token stream.
//!
//! Each template row is recognised by its label once reduced to Han characters; the numbers
//! after a label, up to the next recognised label, are that row's cells. Gaps (empty fields,
//! empty lines) become blank cells only where a row has fewer numbers than columns, and then
//! the most likely gaps are chosen; where two choices are equally likely the reader is told.

pub(crate) mod grids;
pub(crate) mod split;

use crate::model::number::Number;
use crate::model::Rule;
use crate::model::Section;
use crate::model::{Cell, CellRef, CellSource, Finding, Table, Tables};
use crate::text::Source;
use std::sync::OnceLock;

use crate::model::template::{
    ColKind, RowSpec, TableSpec, Template, ACTIVE_2019, ACTIVE_2021, REQUESTS_2019, REQUESTS_2021,
    REQUEST_COLS, REVIEW_HEADER_WORDS, REVIEW_LITIGATION,
};
use crate::text::tokens::{push_han, GapKind, Kind, Token, Unit};

/// A label chunk: consecutive text tokens, reduced to Han characters.
#[derive(Clone, Debug)]
pub struct Label {
    pub han: String,
    /// Han characters in the whole chunk (`han` keeps only the tail of very long prose).
    pub han_len: usize,
    /// Lines of its first and last pieces (a label may wrap).
    pub line: usize,
    pub last_line: usize,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug)]
pub enum Seg {
    Label(Label),
    Value(Token),
    Gap(Token),
}

impl Seg {
    fn start(&self) -> usize {
        match self {
            Seg::Label(l) => l.start,
            Seg::Value(t) | Seg::Gap(t) => t.start,
        }
    }
}

/// Longest tail of a label kept for matching; rows' labels are far shorter.
const LABEL_TAIL_BYTES: usize = 600;
/// An unrecognised label this long is prose, not a wrapped fragment of a row label.
const PROSE_CHARS: usize = 8;

/// Groups tokens into labels, values and gaps. A gap ends a label: an empty field or line
/// after a row's label may be that row's blank cell, while a label wrapped over lines has no
/// gap inside.
pub fn segments(tokens: &[Token], text: &str) -> Vec<Seg> {
    let mut segs = Vec::with_capacity(tokens.len());
    let mut pending_gaps: Vec<Token> = Vec::new();
    let mut open: Option<Label> = None;
    for &token in tokens {
        match token.kind {
            Kind::Text => {
                let piece = &text[token.start..token.end];
                if !pending_gaps.is_empty() {
                    segs.extend(open.take().map(Seg::Label));
                    segs.extend(pending_gaps.drain(..).map(Seg::Gap));
                }
                match open.as_mut() {
                    Some(label) => {
                        label.han_len += push_han(piece, &mut label.han);
                        label.end = token.end;
                        label.last_line = token.line;
                        if label.han.len() > 2 * LABEL_TAIL_BYTES {
                            let cut = label.han.len() - tail(&label.han, LABEL_TAIL_BYTES).len();
                            label.han.drain(..cut);
                        }
                    }
                    None => {
                        let mut han = String::with_capacity(piece.len());
                        open = Some(Label {
                            han_len: push_han(piece, &mut han),
                            han,
                            line: token.line,
                            last_line: token.line,
                            start: token.start,
                            end: token.end,
                        });
                    }
                }
            }
            Kind::Gap(_) => pending_gaps.push(token),
            Kind::Num(..) | Kind::Blank => {
                segs.extend(open.take().map(Seg::Label));
                segs.extend(pending_gaps.drain(..).map(Seg::Gap));
                segs.push(Seg::Value(token));
            }
        }
    }
    segs.extend(open.take().map(Seg::Label));
    segs.extend(pending_gaps.drain(..).map(Seg::Gap));
    segs
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RowMatch {
    pub(crate) row: usize,
    /// Matched characters × 4 + quality (3 label ends with key, 2 contains it, 1 wrapped).
    pub(crate) score: usize,
    pub(crate) matched_chars: usize,
}

/// The last `bytes` of `text` at most, cut at a character boundary.
fn tail(text: &str, bytes: usize) -> &str {
    &text[text.ceil_char_boundary(text.len().saturating_sub(bytes))..]
}

/// Shortest start of a label that may end a wrapped line (`要求行政机关确认或重新出`).
const WRAPPED_MIN_CHARS: usize = 4;

/// Row labels indexed by the characters a label is matched on, so that matching a label
/// costs a few comparisons however long the report (pastes of many megabytes).
struct KeyIndex {
    /// (last character, (row, key)).
    by_last: Vec<(char, (usize, &'static str))>,
    /// (last character of a start, (row, that start, its length in characters)): the starts
    /// of at least [`WRAPPED_MIN_CHARS`] characters, shorter than the key, that a wrapped
    /// label may end with (`要求行政机关确认或重新出`).
    by_start_end: Vec<(char, (usize, &'static str, usize))>,
    /// (first character, (row, key)) for keys long enough to be found inside a label.
    by_first: Vec<(char, (usize, &'static str))>,
}

/// A key found inside a label must be this long (4 Han characters), to avoid chance hits.
const CONTAINED_MIN_BYTES: usize = 4 * 3;

impl KeyIndex {
    fn build(spec: &'static TableSpec) -> KeyIndex {
        let mut index = KeyIndex {
            by_last: Vec::new(),
            by_start_end: Vec::new(),
            by_first: Vec::new(),
        };
        for (row, spec_row) in spec.rows.iter().enumerate() {
            for &key in spec_row.keys {
                let chars: Vec<(usize, char)> = key.char_indices().collect();
                if let (Some(&(_, first)), Some(&(_, last))) = (chars.first(), chars.last()) {
                    index.by_last.push((last, (row, key)));
                    if key.len() >= CONTAINED_MIN_BYTES {
                        index.by_first.push((first, (row, key)));
                    }
                }
                for n in WRAPPED_MIN_CHARS..chars.len() {
                    let (at, c) = chars[n - 1];
                    index
                        .by_start_end
                        .push((c, (row, &key[..at + c.len_utf8()], n)));
                }
            }
        }
        index.by_last.sort_by_key(|e| e.0);
        index.by_start_end.sort_by_key(|e| e.0);
        index.by_first.sort_by_key(|e| e.0);
        index
    }

    fn of(spec: &'static TableSpec) -> &'static KeyIndex {
        static INDEXES: OnceLock<Vec<(usize, KeyIndex)>> = OnceLock::new();
        let indexes = INDEXES.get_or_init(|| {
            [
                &ACTIVE_2019,
                &ACTIVE_2021,
                &REQUESTS_2019,
                &REQUESTS_2021,
                &REVIEW_LITIGATION,
            ]
            .into_iter()
            .map(|spec| (spec as *const TableSpec as usize, KeyIndex::build(spec)))
            .collect()
        });
        let address = spec as *const TableSpec as usize;
        match indexes.iter().find(|(a, _)| *a == address) {
            Some((_, index)) => index,
            // Every spec is one of the five statics above; this arm is never taken.
            None => Box::leak(Box::new(KeyIndex::build(spec))),
        }
    }
}

/// The entries of a list sorted by character that have character `c`.
fn with_char<T>(entries: &[(char, T)], c: char) -> &[(char, T)] {
    let from = entries.partition_point(|e| e.0 < c);
    let to = entries.partition_point(|e| e.0 <= c);
    &entries[from..to]
}

/// Column headers of 表三, as they run together in a copied header row.
const REQUEST_HEADER_WORDS: &[&str] = &[
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "社会组织",
    "法律服务机构",
    "其他",
];

/// A row named by a word that is also a column header of 表三 (`其他`, `总计`), right after
/// another column header (`…法律服务机构其他`, a header repeated after a page break), is that
/// header, not the row. (`…其他` + `3.其他` is the header, then the row.)
fn header_word(han: &str, key: &str) -> bool {
    matches!(key, "其他" | "总计")
        && han.strip_suffix(key).is_some_and(|before| {
            REQUEST_HEADER_WORDS
                .iter()
                .any(|w| *w != key && before.ends_with(w))
        })
}

/// The best template row from `from` on that this label names: the longest match wins, a label
/// ending with a row's text being the usual case. A label may also wrap before its end (the
/// rest follows the numbers), or be followed by a note (`行政许可（件）`).
pub(crate) fn match_row(han: &str, spec: &'static TableSpec, from: usize) -> Option<RowMatch> {
    let index = KeyIndex::of(spec);
    let last = han.chars().next_back()?;
    let mut best: Option<RowMatch> = None;
    let offer = |best: &mut Option<RowMatch>, row: usize, chars: usize, quality: usize| {
        let candidate = RowMatch {
            row,
            score: chars * 4 + quality,
            matched_chars: chars,
        };
        let better =
            |b: RowMatch| candidate.score > b.score || (candidate.score == b.score && row < b.row);
        if best.is_none_or(better) {
            *best = Some(candidate);
        }
    };
    for &(_, (row, key)) in with_char(&index.by_last, last) {
        if row >= from && han.ends_with(key) && !header_word(han, key) {
            offer(&mut best, row, key.chars().count(), 3);
        }
    }
    for &(_, (row, start, chars)) in with_char(&index.by_start_end, last) {
        if row >= from && han.ends_with(start) {
            offer(&mut best, row, chars, 1);
        }
    }
    if best.is_some() {
        return best;
    }
    // Only when nothing ends the label: look inside its tail.
    let recent = tail(han, 120);
    for (at, c) in recent.char_indices() {
        for &(_, (row, key)) in with_char(&index.by_first, c) {
            if row >= from && recent[at..].starts_with(key) {
                offer(&mut best, row, key.chars().count(), 2);
            }
        }
    }
    best
}

/// The table rows found in `segs`: for each template row, its label and the segments after it.
struct RowRun<'a> {
    label: &'a Label,
    items: &'a [Seg],
}

fn find_rows<'a>(
    segs: &'a [Seg],
    spec: &'static TableSpec,
    min_first_chars: usize,
) -> Vec<Option<RowRun<'a>>> {
    let mut runs: Vec<Option<RowRun<'a>>> = (0..spec.rows.len()).map(|_| None).collect();
    let mut current: Option<(usize, &'a Label, usize)> = None;
    let close =
        |runs: &mut Vec<Option<RowRun<'a>>>, current: Option<(usize, &'a Label, usize)>, end| {
            if let Some((row, label, begin)) = current {
                runs[row] = Some(RowRun {
                    label,
                    items: &segs[begin..end],
                });
            }
        };
    // Values since the current row's label.
    let mut values = 0;
    for (index, seg) in segs.iter().enumerate() {
        let label = match seg {
            Seg::Label(label) => label,
            Seg::Value(_) => {
                values += 1;
                continue;
            }
            Seg::Gap(_) => continue,
        };
        let from = current.map_or(0, |(row, _, _)| row + 1);
        // Prose can only come before the table: once a few rows are read, no restart.
        let rows_read = runs.iter().flatten().count();
        if let Some((row, _, _)) = current.filter(|_| rows_read < 3) {
            if values < spec.rows[row].cols.len() && restarts_table(label, spec, from) {
                // The label of a row already passed, while the current row is still short:
                // what came before was prose ending in a row's name (`…发生行政复议3件`).
                runs.iter_mut().for_each(|run| *run = None);
                current = None;
            }
        }
        let from = current.map_or(0, |(row, _, _)| row + 1);
        let Some(found) = match_row(&label.han, spec, from) else {
            continue;
        };
        if current.is_none() && found.matched_chars < min_first_chars {
            continue;
        }
        close(&mut runs, current, index);
        current = Some((found.row, label, index + 1));
        values = 0;
    }
    close(&mut runs, current, segs.len());
    runs
}

/// Whether `label` ends with the label of a row before `from` (and names no row after it).
fn restarts_table(label: &Label, spec: &'static TableSpec, from: usize) -> bool {
    if match_row(&label.han, spec, from).is_some() {
        return false;
    }
    spec.rows[..from.min(spec.rows.len())].iter().any(|row| {
        row.keys
            .iter()
            .any(|key| key.len() >= 4 * 3 && label.han.ends_with(key))
    })
}

#[derive(Clone, Copy, Debug)]
enum Pick {
    Value(Token),
    Gap(Token),
}

#[derive(Debug, Default)]
struct Resolution {
    picks: Vec<Pick>,
    extras: Vec<Token>,
    /// More gaps could be blank cells than there are missing numbers.
    ambiguous: bool,
    /// Fewer numbers and gaps than columns.
    unreadable: bool,
}

/// Where a gap stands relative to the row's numbers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum GapPlace {
    /// Between two numbers of the row.
    Interior,
    /// Before the first or after the last number, on a line that holds numbers of the row.
    ValueLine,
    /// Elsewhere: after the label, or on a line of its own.
    Edge,
}

/// How likely a gap is to stand for a blank cell: lower is likelier.
fn gap_class(kind: GapKind, place: GapPlace) -> u8 {
    match (kind, place) {
        (GapKind::Field, GapPlace::Interior) => 1,
        (GapKind::EmptyLine, GapPlace::Interior) => 2,
        (GapKind::Field, GapPlace::ValueLine) => 3,
        (GapKind::Field | GapKind::EmptyLine, _) => 4,
        (GapKind::TrailingTab, GapPlace::Interior | GapPlace::ValueLine) => 5,
        (GapKind::TrailingTab, GapPlace::Edge) => 6,
        (GapKind::SeparatorLine, _) => 7,
    }
}

/// A table whose rows mostly carry an empty field right after the label (a merged label
/// cell, copied as two) has that field in every row: it is not a blank cell.
const ARTIFACT_CLASS: u8 = 8;

/// Whether a row's first item, on the label's line, is an empty field before the numbers.
fn gap_after_label(label: &Label, items: &[Seg]) -> Option<bool> {
    match items.first()? {
        Seg::Gap(t) if t.line == label.last_line && t.kind == Kind::Gap(GapKind::Field) => {
            Some(true)
        }
        Seg::Value(t) if t.line == label.last_line => Some(false),
        _ => None,
    }
}

/// Places a row's numbers and blanks into its `n` columns. With `artifact_line`, an empty
/// field right after the label on that line is the last choice for a blank.
fn resolve(items: &[Seg], n: usize, artifact_line: Option<usize>) -> Resolution {
    // Prose after a complete row ends it.
    let mut values_seen = 0;
    let end = items
        .iter()
        .position(|seg| match seg {
            Seg::Value(_) => {
                values_seen += 1;
                false
            }
            Seg::Label(label) => values_seen >= n && label.han_len >= PROSE_CHARS,
            Seg::Gap(_) => false,
        })
        .unwrap_or(items.len());
    let items = &items[..end];
    let values: Vec<(usize, Token)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, seg)| match seg {
            Seg::Value(t) => Some((i, *t)),
            _ => None,
        })
        .collect();
    if values.len() >= n {
        return Resolution {
            picks: values[..n].iter().map(|&(_, t)| Pick::Value(t)).collect(),
            extras: values[n..].iter().map(|&(_, t)| t).collect(),
            ..Resolution::default()
        };
    }
    let first_value = values.first().map(|v| v.0);
    let last_value = values.last().map(|v| v.0);
    let mut gaps: Vec<(u8, usize, Token)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, seg)| match seg {
            Seg::Gap(t) => {
                let Kind::Gap(kind) = t.kind else { return None };
                let place =
                    if first_value.is_some_and(|f| f < i) && last_value.is_some_and(|l| l > i) {
                        GapPlace::Interior
                    } else if values.iter().any(|(_, v)| v.line == t.line) {
                        GapPlace::ValueLine
                    } else {
                        GapPlace::Edge
                    };
                let artifact = i == 0 && kind == GapKind::Field && artifact_line == Some(t.line);
                let class = if artifact {
                    ARTIFACT_CLASS
                } else {
                    gap_class(kind, place)
                };
                Some((class, i, *t))
            }
            _ => None,
        })
        .collect();
    let need = n - values.len();
    if gaps.len() < need {
        return Resolution {
            picks: values.iter().map(|&(_, t)| Pick::Value(t)).collect(),
            unreadable: true,
            ..Resolution::default()
        };
    }
    gaps.sort_by_key(|&(class, pos, _)| (class, pos));
    let ambiguous = gaps.len() > need && need > 0 && gaps[need].0 == gaps[need - 1].0;
    let mut chosen: Vec<(usize, Pick)> = values.iter().map(|&(i, t)| (i, Pick::Value(t))).collect();
    chosen.extend(gaps[..need].iter().map(|&(_, i, t)| (i, Pick::Gap(t))));
    chosen.sort_by_key(|&(i, _)| i);
    Resolution {
        picks: chosen.into_iter().map(|(_, p)| p).collect(),
        ambiguous,
        ..Resolution::default()
    }
}

fn cell_from(pick: Pick, kind: ColKind, amounts_in_yuan: bool) -> Cell {
    match pick {
        Pick::Value(token) => {
            let (value, source) = match token.kind {
                Kind::Num(value, unit) => {
                    let in_yuan = unit == Unit::Yuan || (unit == Unit::None && amounts_in_yuan);
                    let value = if kind == ColKind::Amount && in_yuan {
                        value.yuan_to_wan()
                    } else {
                        value
                    };
                    (Some(value), CellSource::Number)
                }
                _ => (None, CellSource::BlankMarker),
            };
            Cell {
                value,
                source,
                line: token.line,
                start: token.start,
                end: token.end,
            }
        }
        Pick::Gap(token) => Cell {
            value: None,
            source: CellSource::Gap,
            line: token.line,
            start: token.start,
            end: token.start,
        },
    }
}

pub(crate) fn unreadable_cells(n: usize, line: usize, at: usize) -> Vec<Cell> {
    (0..n)
        .map(|_| Cell {
            value: None,
            source: CellSource::Unreadable,
            line,
            start: at,
            end: at,
        })
        .collect()
}

/// `structure.row_missing`: the template rows of `spec` that were not found.
pub(crate) fn rows_missing(spec: &TableSpec, missing: &[&RowSpec], line: usize) -> Finding {
    let names: Vec<&str> = missing.iter().map(|r| r.label).collect();
    Finding::new(
        Rule::RowMissing,
        format!(
            "{}缺少{}行：{}。缺行的单元格无法核对",
            spec.name,
            missing.len(),
            names.join("；")
        ),
    )
    .with_cells(missing.iter().flat_map(|r| row_refs(spec, r)).collect())
    .at_line(Some(line))
}

pub(crate) fn row_refs(spec: &TableSpec, row: &RowSpec) -> Vec<CellRef> {
    row.cols
        .iter()
        .map(|c| CellRef {
            table: spec.key,
            row: row.key,
            col: c.key,
        })
        .collect()
}

fn show_tokens(source: &Source, tokens: &[Token]) -> String {
    tokens
        .iter()
        .map(|t| source.text[t.start..t.end].trim())
        .collect::<Vec<_>>()
        .join("、")
}

/// The columns a run of values fills: one template row, or 表四's single row of 15.
#[derive(Clone, Copy)]
enum Columns<'a> {
    Row(&'static TableSpec, &'a RowSpec),
    ReviewFlat,
}

impl Columns<'_> {
    fn rows(&self) -> Vec<(&'static TableSpec, &RowSpec)> {
        match *self {
            Columns::Row(spec, row) => vec![(spec, row)],
            Columns::ReviewFlat => REVIEW_LITIGATION
                .rows
                .iter()
                .map(|r| (&REVIEW_LITIGATION, r))
                .collect(),
        }
    }

    /// `表三「（一）予以公开」行`, `表四数据`.
    fn place(&self) -> String {
        match self {
            Columns::Row(spec, row) => format!("{}「{}」行", spec.name, row.label),
            Columns::ReviewFlat => format!("{}数据", REVIEW_LITIGATION.name),
        }
    }

    fn refs(&self) -> Vec<CellRef> {
        self.rows()
            .into_iter()
            .flat_map(|(spec, row)| row_refs(spec, row))
            .collect()
    }

    fn names(&self) -> Vec<String> {
        match self {
            Columns::Row(_, row) => row.cols.iter().map(|c| c.label.to_string()).collect(),
            Columns::ReviewFlat => REVIEW_LITIGATION
                .rows
                .iter()
                .flat_map(|r| {
                    r.cols
                        .iter()
                        .map(move |c| format!("{}·{}", r.label, c.label))
                })
                .collect(),
        }
    }

    fn kind(&self, index: usize) -> ColKind {
        match self {
            Columns::Row(_, row) => row.cols.get(index).map_or(ColKind::Count, |c| c.kind),
            Columns::ReviewFlat => ColKind::Count,
        }
    }

    /// The sums the columns obey: the table's row sum (六类申请人 = 总计; 维持+纠正+其他+尚未审结
    /// = 总计), once for each row the columns hold.
    fn sums(&self) -> Vec<split::Sum> {
        self.rows()
            .into_iter()
            .enumerate()
            .filter_map(|(i, (spec, row))| {
                let sum = spec.row_sum()?;
                let offset = i * row.cols.len();
                let parts = sum.parts.start + offset..sum.parts.end + offset;
                Some((parts, sum.total + offset))
            })
            .collect()
    }

    fn len(&self) -> usize {
        match self {
            Columns::Row(_, row) => row.cols.len(),
            Columns::ReviewFlat => REVIEW_LITIGATION.rows.iter().map(|r| r.cols.len()).sum(),
        }
    }
}

/// Readings of a run-together row searched at most; more means "too many to settle".
const MAX_READINGS: usize = 8;

/// Turns picks into cells, with findings about how they were read: a row that cannot be
/// placed, numbers left over, blanks that allow two readings.
fn place_cells(
    source: &Source,
    columns: Columns,
    label: &Label,
    resolution: Resolution,
    findings: &mut Vec<Finding>,
    readings_out: &mut Vec<Vec<Cell>>,
) -> Vec<Cell> {
    let n = columns.len();
    if resolution.unreadable {
        let read: Vec<Token> = resolution
            .picks
            .iter()
            .filter_map(|p| match p {
                Pick::Value(t) => Some(*t),
                Pick::Gap(_) => None,
            })
            .collect();
        let shown = show_tokens(source, &read);
        let runs: Vec<&str> = read
            .iter()
            .map(|t| match t.kind {
                Kind::Num(_, Unit::None) => &source.text[t.start..t.end],
                _ => "",
            })
            .collect();
        let readings = split::split(&runs, n, &columns.sums(), MAX_READINGS);
        let to_cells = |reading: &[split::Part]| -> Vec<Cell> {
            reading
                .iter()
                .map(|part| {
                    let token = read[part.run];
                    Cell {
                        value: Some(Number::Int(part.value)),
                        source: CellSource::Reconstructed,
                        line: token.line,
                        start: token.start + part.start,
                        end: token.start + part.end,
                    }
                })
                .collect()
        };
        match readings.as_slice() {
            [only] => {
                let values: Vec<String> = only.iter().map(|p| p.value.to_string()).collect();
                findings.push(
                    Finding::new(
                        Rule::ReconstructedCells,
                        format!(
                            "{}的数字连在一起（{shown}），按表内合计关系只有一种拆法：{}",
                            columns.place(),
                            values.join("、")
                        ),
                    )
                    .with_cells(columns.refs())
                    .at_line(read.first().map(|t| t.line)),
                );
                return to_cells(only);
            }
            [_, _, ..] => {
                // Only a complete list of readings may be settled by the columns: with the
                // search cut short, the right reading may be one not listed.
                if readings.len() < MAX_READINGS {
                    *readings_out = readings.iter().map(|r| to_cells(r)).collect();
                }
                let shown_readings: Vec<String> = readings
                    .iter()
                    .take(2)
                    .map(|r| {
                        r.iter()
                            .map(|p| p.value.to_string())
                            .collect::<Vec<_>>()
                            .join("、")
                    })
                    .collect();
                findings.push(Finding::new(Rule::AmbiguousCells, format!(
                        "{}的数字连在一起（{shown}），有不止一种拆法（如「{}」），无法确定，未参与核对",
                        columns.place(),
                        shown_readings.join("」或「")
                    )).with_cells(columns.refs()).at_line(read.first().map(|t| t.line)));
                return unreadable_cells(n, label.line, label.end);
            }
            [] => {}
        }
        let what = if read.is_empty() {
            "没有读到数字".to_string()
        } else {
            format!("只读到{}个数（{shown}）", read.len())
        };
        findings.push(Finding::new(Rule::UnreadableRow, format!(
                "{}应有{n}个单元格，{what}，也没有足够的空位表示空白，无法确定各数所在的列，未参与核对",
                columns.place()
            )).with_cells(columns.refs()).at_line(Some(read.first().map_or(label.line, |t| t.line))));
        return unreadable_cells(n, label.line, label.end);
    }
    let amounts_in_yuan = label.han.contains("单位元");
    let cells: Vec<Cell> = resolution
        .picks
        .iter()
        .enumerate()
        .map(|(i, &pick)| cell_from(pick, columns.kind(i), amounts_in_yuan))
        .collect();
    if let Some(first) = resolution.extras.first() {
        findings.push(
            Finding::new(
                Rule::ExtraCells,
                format!(
                    "{}应有{n}个单元格，多出{}个数（{}），未计入表格，请核对是否错列",
                    columns.place(),
                    resolution.extras.len(),
                    show_tokens(source, &resolution.extras)
                ),
            )
            .at_line(Some(first.line)),
        );
    }
    if resolution.ambiguous {
        let blank = |i: &usize| cells[*i].is_blank();
        let all_names = columns.names();
        let all_refs = columns.refs();
        let names: Vec<&str> = (0..n)
            .filter(blank)
            .map(|i| all_names[i].as_str())
            .collect();
        findings.push(
            Finding::new(
                Rule::AmbiguousCells,
                format!(
                    "{}的空白位置多于空单元格，无法确定哪一格为空；暂按「{}」为空读取，请核对",
                    columns.place(),
                    names.join("、")
                ),
            )
            .with_cells((0..n).filter(blank).map(|i| all_refs[i]).collect())
            .at_line(Some(label.line)),
        );
    }
    cells
}

/// Picks, for 表三's rows whose digits split more than one way, the one combination of readings
/// under which every column adds up (（一）…（六） = （七）, 一+二 = （七）+四). Decides nothing when
/// none or several combinations hold.
fn settle_by_columns(
    spec: &'static TableSpec,
    rows: &mut [Option<Vec<Cell>>],
    pending: &[(usize, Vec<Vec<Cell>>)],
    findings: &mut Vec<Finding>,
) {
    const MAX_PENDING: usize = 4;
    if pending.len() > MAX_PENDING {
        return;
    }
    let (Some(column_sum), Some(balance)) = (spec.column_sum(), spec.balance()) else {
        return;
    };
    let value = |rows: &[Option<Vec<Cell>>], row: usize, col: usize| -> Option<i64> {
        let cell = rows.get(row)?.as_ref()?.get(col)?;
        match cell.value? {
            Number::Int(v) => Some(v),
            Number::Dec(_) => None,
        }
    };
    // Each identity holds where all its cells are known (blank is not 0: unknown, not broken).
    let holds = |rows: &[Option<Vec<Cell>>]| {
        (0..REQUEST_COLS.len()).all(|c| {
            let sum: Option<i64> = column_sum.parts.clone().map(|r| value(rows, r, c)).sum();
            let columns_ok = match (sum, value(rows, column_sum.total, c)) {
                (Some(s), Some(t)) => s == t,
                _ => true,
            };
            let side = |pair: [usize; 2]| Some(value(rows, pair[0], c)? + value(rows, pair[1], c)?);
            let balance_ok = match (side(balance.left), side(balance.right)) {
                (Some(left), Some(right)) => left == right,
                _ => true,
            };
            columns_ok && balance_ok
        })
    };
    let combinations: usize = pending.iter().map(|(_, r)| r.len()).product();
    let mut trial = rows.to_vec();
    let mut valid = Vec::new();
    for mut code in 0..combinations {
        let mut choice = Vec::with_capacity(pending.len());
        for (row, readings) in pending {
            let pick = code % readings.len();
            code /= readings.len();
            trial[*row] = Some(readings[pick].clone());
            choice.push(pick);
        }
        if holds(&trial) {
            valid.push(choice);
        }
    }
    let [choice] = valid.as_slice() else { return };
    for ((row, readings), &pick) in pending.iter().zip(choice) {
        rows[*row] = Some(readings[pick].clone());
        let key = spec.rows[*row].key;
        findings.retain(|f| {
            !(f.rule == Rule::AmbiguousCells && f.cells.first().is_some_and(|c| c.row == key))
        });
        let values: Vec<String> = readings[pick]
            .iter()
            .filter_map(|c| c.value.map(|v| v.to_string()))
            .collect();
        findings.push(Finding::new(Rule::ReconstructedCells, format!(
                "{}「{}」行的数字连在一起，可拆法不止一种；只有拆为 {} 时各列合计与勾稽关系都成立，按此读取",
                spec.name,
                spec.rows[*row].label,
                values.join("、")
            )).with_cells(row_refs(spec, &spec.rows[*row])).at_line(readings[pick].first().map(|c| c.line)));
    }
}

/// A table read row by row, and the byte offset where it ends.
fn read_rows(
    source: &Source,
    segs: &[Seg],
    spec: &'static TableSpec,
    min_first_chars: usize,
    findings: &mut Vec<Finding>,
) -> Option<(Table, usize)> {
    let runs = find_rows(segs, spec, min_first_chars);
    let first_line = runs.iter().flatten().map(|r| r.label.line).min()?;
    let complete = |run: &&RowRun, row: &RowSpec| {
        run.items
            .iter()
            .filter(|s| matches!(s, Seg::Value(_)))
            .count()
            >= row.cols.len()
    };
    let (mut with_gap, mut without) = (0, 0);
    for (row, run) in spec.rows.iter().zip(&runs) {
        if let Some(run) = run.as_ref().filter(|run| complete(run, row)) {
            match gap_after_label(run.label, run.items) {
                Some(true) => with_gap += 1,
                Some(false) => without += 1,
                None => {}
            }
        }
    }
    let label_gaps_are_artifacts =
        (with_gap >= 1 && without == 0) || (with_gap >= 2 && with_gap >= 2 * without);
    let mut end = 0;
    let mut rows = Vec::with_capacity(spec.rows.len());
    let mut missing = Vec::new();
    // Rows whose run-together digits split more than one way: the table's columns may decide.
    let mut pending: Vec<(usize, Vec<Vec<Cell>>)> = Vec::new();
    for (row, run) in spec.rows.iter().zip(&runs) {
        match run {
            Some(run) => {
                let artifact_line = label_gaps_are_artifacts.then_some(run.label.last_line);
                let resolution = resolve(run.items, row.cols.len(), artifact_line);
                let columns = Columns::Row(spec, row);
                let mut readings = Vec::new();
                let cells = place_cells(
                    source,
                    columns,
                    run.label,
                    resolution,
                    findings,
                    &mut readings,
                );
                if !readings.is_empty() {
                    pending.push((rows.len(), readings));
                }
                end = end.max(cells.iter().map(|c| c.end).max().unwrap_or(run.label.end));
                rows.push(Some(cells));
            }
            None => {
                missing.push(row);
                rows.push(None);
            }
        }
    }
    if spec.key == "requests" && !pending.is_empty() {
        settle_by_columns(spec, &mut rows, &pending, findings);
    }
    if !missing.is_empty() {
        findings.push(rows_missing(spec, &missing, first_line));
    }
    Some((
        Table {
            spec,
            rows,
            line: first_line,
        },
        end,
    ))
}

/// How much of a label is made of 表四's header words.
fn is_review_header(han: &str) -> bool {
    if han.is_empty() {
        return false;
    }
    let mut rest = han;
    let mut other = 0;
    while let Some(c) = rest.chars().next() {
        match REVIEW_HEADER_WORDS.iter().find(|w| rest.starts_with(*w)) {
            Some(word) => rest = &rest[word.len()..],
            None => {
                other += 1;
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    let total = han.chars().count();
    other <= 2.max(total / 4) && other < total
}

/// 表四, in either of its layouts: three rows led by their group names
/// (`行政复议 0 0 3 0 3` / `未经复议直接起诉 …` / `复议后起诉 …`), or the printed form's one row
/// of 15 numbers under the header.
fn read_review(source: &Source, segs: &[Seg], findings: &mut Vec<Finding>) -> Option<Table> {
    let spec = &REVIEW_LITIGATION;
    let runs = find_rows(segs, spec, 4);
    let rows_led_by_names = runs
        .iter()
        .flatten()
        .filter(|run| {
            matches!(
                run.items.iter().find(|s| !matches!(s, Seg::Gap(_))),
                Some(Seg::Value(_))
            )
        })
        .count();
    if rows_led_by_names >= 2 {
        return read_rows(source, segs, spec, 4, findings).map(|(table, _)| table);
    }
    read_review_row(source, segs, findings)
}

/// 表四 as printed: the header block, then 15 values (the numbers after its last header line).
fn read_review_row(source: &Source, segs: &[Seg], findings: &mut Vec<Finding>) -> Option<Table> {
    let spec = &REVIEW_LITIGATION;
    let n = spec.rows.len() * spec.rows[0].cols.len();
    let mut header: Option<&Label> = None;
    let mut items: Vec<Seg> = Vec::new();
    let mut values = 0;
    let mut best: Option<(&Label, Vec<Seg>, usize)> = None;
    for seg in segs {
        match seg {
            Seg::Label(label) if label.han.is_empty() => {}
            Seg::Label(label) if is_review_header(&label.han) => {
                if values >= n {
                    break;
                }
                // Numbers before a header line were prose (`行政诉讼2件`), not cells.
                header = Some(label);
                items.clear();
                values = 0;
            }
            Seg::Label(_) if values >= n => break,
            Seg::Label(_) => {
                // Prose: keep the fullest attempt in case no better one follows.
                if let Some(h) = header.take() {
                    if best.as_ref().is_none_or(|b| values > b.2) {
                        best = Some((h, std::mem::take(&mut items), values));
                    }
                }
                items.clear();
                values = 0;
            }
            Seg::Value(_) if header.is_some() => {
                values += 1;
                items.push(seg.clone());
            }
            Seg::Gap(_) if header.is_some() => items.push(seg.clone()),
            _ => {}
        }
    }
    if let Some(h) = header {
        if best.as_ref().is_none_or(|b| values >= b.2) {
            best = Some((h, items, values));
        }
    }
    let (header, items, _) = best?;
    let resolution = resolve(&items, n, None);
    let cells = place_cells(
        source,
        Columns::ReviewFlat,
        header,
        resolution,
        findings,
        &mut Vec::new(),
    );
    let width = spec.rows[0].cols.len();
    Some(Table {
        spec,
        rows: cells.chunks(width).map(|c| Some(c.to_vec())).collect(),
        line: header.line,
    })
}

/// The segments of the tokens in `start..end` (byte offsets).
fn in_region(tokens: &[Token], text: &str, start: usize, end: usize) -> Vec<Seg> {
    // A heading run into its table (`三、收到和处理…情况（本列数据…`) shares a token with it.
    let from = tokens.partition_point(|t| t.end <= start);
    let to = tokens.partition_point(|t| t.start < end);
    segments(&tokens[from..to.max(from)], text)
}

/// The three tables, located by section headings where present and by their own labels
/// otherwise. Tables in `given` (read from cell grids) are taken as they are, not read again.
pub fn tables(
    source: &Source,
    tokens: &[Token],
    sections: &[Section],
    template: Template,
    given: Tables,
    findings: &mut Vec<Finding>,
) -> Tables {
    let doc_end = source.text.len();
    let heading = |n: u8| sections.iter().find(|s| s.number == n);
    let next_heading_after = |from: usize, numbers: &[u8]| {
        numbers
            .iter()
            .filter_map(|&n| heading(n))
            .map(|s| s.start)
            .filter(|&s| s > from)
            .min()
    };

    // 表三 first: its long row labels anchor the other two when headings are missing.
    let requests_spec = template.requests();
    let requests_start = heading(3).map_or(0, |s| s.end);
    let requests_end = next_heading_after(requests_start, &[4, 5, 6]).unwrap_or(doc_end);
    let (requests, requests_anchor_at) = match given.requests {
        Some(table) => {
            let (start, end) = table.span().unwrap_or((requests_end, requests_start));
            (Some((table, end)), start)
        }
        None => {
            let requests_segs = in_region(tokens, &source.text, requests_start, requests_end);
            let anchor = requests_segs
                .iter()
                .position(|seg| match seg {
                    Seg::Label(label) => match_row(&label.han, requests_spec, 0)
                        .is_some_and(|m| m.row <= 1 && m.matched_chars >= WRAPPED_MIN_CHARS),
                    _ => false,
                })
                .unwrap_or(0);
            let requests = read_rows(source, &requests_segs[anchor..], requests_spec, 4, findings);
            // Each table's segments go once read: a paste of many megabytes has three regions.
            (
                requests,
                requests_segs.get(anchor).map_or(requests_end, Seg::start),
            )
        }
    };

    let active_start = heading(2).map_or(0, |s| s.end);
    let active_end = next_heading_after(active_start, &[3, 4, 5, 6])
        .unwrap_or(doc_end)
        .min(if requests_anchor_at > active_start {
            requests_anchor_at
        } else {
            doc_end
        });
    let active = given.active.or_else(|| {
        let active_segs = in_region(tokens, &source.text, active_start, active_end);
        let active_anchor = active_segs
            .iter()
            .position(|seg| matches!(seg, Seg::Label(l) if l.han.contains("第二十条") || l.han.contains("信息内容")))
            .unwrap_or(0);
        read_rows(
            source,
            &active_segs[active_anchor..],
            template.active(),
            2,
            findings,
        )
        .map(|(table, _)| table)
    });

    let review_start = match heading(4) {
        Some(s) => s.end,
        None => requests.as_ref().map_or(0, |(_, end)| *end),
    };
    let review_end = next_heading_after(review_start, &[5, 6]).unwrap_or(doc_end);
    let review_litigation = given.review_litigation.or_else(|| {
        let review_segs = in_region(tokens, &source.text, review_start, review_end);
        read_review(source, &review_segs, findings)
    });

    Tables {
        active,
        requests: requests.map(|(table, _)| table),
        review_litigation,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::number::Number;
    use crate::text::tokens::tokenize;

    fn read(text: &str, template: Template) -> (Tables, Vec<Finding>) {
        let source = Source::new(text);
        let tokens = tokenize(&source);
        let sections = crate::reading::sections::sections(&source);
        let mut findings = Vec::new();
        let tables = tables(
            &source,
            &tokens,
            &sections,
            template,
            Tables::default(),
            &mut findings,
        );
        (tables, findings)
    }

    fn row_values(table: &Table, row: &str) -> Vec<Option<f64>> {
        table
            .row(row)
            .unwrap()
            .iter()
            .map(|c| c.value.map(Number::as_f64))
            .collect()
    }

    #[test]
    fn matches_wrapped_and_decorated_labels() {
        let spec = Template::Y2019.requests();
        let key = |han: &str, from| match_row(han, spec, from).map(|m| spec.rows[m.row].key);
        assert_eq!(key("三本年度办理结果一予以公开", 0), Some("granted"));
        assert_eq!(
            key("五不予处理要求行政机关确认或重新出", 3),
            Some("ignored.confirmation")
        );
        assert_eq!(
            key("其他法律行政法规禁止公开", 3),
            Some("denied.law_prohibited")
        );
        assert_eq!(key("六其他", 5), Some("other"));
        assert_eq!(key("具已获取信息", 20), None);
        // A repeated column header is not the row it names; the row right after it is.
        assert_eq!(key("商业企业科研机构社会公益组织法律服务机构其他", 2), None);
        assert_eq!(key("自然人法人或其他组织总计", 2), None);
        assert_eq!(key("法律服务机构其他六其他处理", 2), Some("other"));
        assert_eq!(
            key("云阳县人民政府年政府信息公开工作年度报告七总计", 2),
            Some("total")
        );
        assert_eq!(key("益", 8), None);
    }

    #[test]
    fn reads_blank_cells_from_gaps() {
        let resolution = |text: &str, n| {
            let source = Source::new(text);
            let segs = segments(&tokenize(&source), &source.text);
            let r = resolve(&segs, n, None);
            let shown: Vec<String> = r
                .picks
                .iter()
                .map(|p| match p {
                    Pick::Value(t) => source.text[t.start..t.end].to_string(),
                    Pick::Gap(_) => "_".to_string(),
                })
                .collect();
            (shown.join(","), r.ambiguous, r.unreadable)
        };
        assert_eq!(resolution("\t\t4\t6", 4), ("_,_,4,6".into(), false, false));
        assert_eq!(
            resolution("26\n\n\n\n\n\n26", 7),
            ("26,_,_,_,_,_,26".into(), false, false)
        );
        assert_eq!(resolution("1\t\t3\t", 4), ("1,_,3,_".into(), false, false));
        assert!(resolution("1 3", 4).2);
    }

    #[test]
    fn review_table_with_leading_blank_group() {
        let text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t\t\t\t\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n\t\t\t\t\t4\t6\t2\t2\t14\t5\t1\t5\t2\t13\n五、存在的主要问题及改进情况\n";
        let (tables, findings) = read(text, Template::Y2019);
        let table = tables.review_litigation.unwrap();
        assert_eq!(row_values(&table, "review"), [None; 5]);
        assert_eq!(
            row_values(&table, "litigation_after_review"),
            [Some(5.0), Some(1.0), Some(5.0), Some(2.0), Some(13.0)]
        );
        assert!(findings.is_empty(), "{findings:?}");
    }

    #[test]
    fn narrative_before_the_table_is_not_a_row() {
        let text = "三、收到和处理政府信息公开申请情况\n本年度予以公开7件。\n申请人情况\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n（一）予以公开 1 0 0 0 0 0 1\n";
        let (tables, _) = read(text, Template::Y2019);
        let table = tables.requests.unwrap();
        assert_eq!(table.value("granted", "natural"), Some(Number::Int(1)));
        assert_eq!(table.value("new", "total"), Some(Number::Int(1)));
    }
}
