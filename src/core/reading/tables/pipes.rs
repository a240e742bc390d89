//! 表三 copied from a PDF into Markdown: every row's numbers are a pipe row (`| 0 | 0 | … |`),
//! but a row's label is in that pipe row only for some rows; for the others it sits in loose
//! lines before or after, wrapped, or shuffled with its neighbours' labels.
//!
//! Only pipe rows are trusted: one whose label cells name a template row anchors that row; the
//! numbers-only pipe rows between two anchors go, in template order, to the template rows
//! between them, when there are as many of each. The table's sums must then hold (every such
//! row's 总计, and every column's （一）…（六） = （七） and 一 + 二 = （七） + 四): otherwise, or when
//! the counts differ, those rows are declined rather than guessed, and so are the anchors on
//! either side (a piece of a wrapped label may end with another row's name). Loose label lines
//! are never used, so a label printed before the wrong numbers cannot take them.

use super::cells::{place_cells, row_refs, rows_missing, show_cells, unreadable_cells, Columns};
use super::gaps::resolve;
use super::rows::match_row;
use super::segments::{segments, Label, Seg};
use super::settle::identities_hold;
use crate::model::number::Number;
use crate::model::template::TableSpec;
use crate::model::{Cell, Finding, Rule, Table};
use crate::text::tokens::{Kind, Token};
use crate::text::Source;

/// One pipe row of the table's part: the template row its label names, if any, and its
/// segments (label, values, gaps).
struct PipeRow {
    row: Option<usize>,
    label: Label,
    segs: Vec<Seg>,
}

/// Whether the tokens hold a pipe row of numbers only: the sign of this layout.
pub(super) fn has_numbers_only_pipe_row(source: &Source, tokens: &[Token]) -> bool {
    by_line(tokens).any(|line| {
        is_pipe_line(source, line[0].line)
            && line.iter().any(|t| matches!(t.kind, Kind::Num(..)))
            && !line.iter().any(|t| t.kind == Kind::Text)
    })
}

/// 表三 read from its pipe rows; `None` when no pipe row names a row of it.
pub(super) fn read_pipe_rows(
    source: &Source,
    tokens: &[Token],
    spec: &'static TableSpec,
    findings: &mut Vec<Finding>,
) -> Option<(Table, usize)> {
    let pipe_rows = pipe_rows(source, tokens, spec);
    let first_line = pipe_rows.iter().find(|r| r.row.is_some())?.label.line;
    let mut rows: Vec<Option<Vec<Cell>>> = vec![None; spec.rows.len()];
    let mut groups: Vec<Group> = Vec::new();
    let mut anchor_before: Option<usize> = None;
    let mut orphans: Vec<&PipeRow> = Vec::new();
    for pipe_row in pipe_rows.iter().map(Some).chain([None]) {
        let anchor = pipe_row.and_then(|r| r.row.map(|row| (row, r)));
        if pipe_row.is_some() && anchor.is_none() {
            orphans.extend(pipe_row);
            continue;
        }
        let from = anchor_before.map_or(0, |row| row + 1);
        let to = anchor.map_or(spec.rows.len(), |(row, _)| row);
        groups.push(Group {
            rows: from..to,
            orphans: std::mem::take(&mut orphans),
            anchors: [anchor_before, anchor.map(|(row, _)| row)],
        });
        if let Some((row, pipe_row)) = anchor {
            rows[row] = Some(place_row(source, spec, row, pipe_row, findings));
            anchor_before = Some(row);
        }
    }
    let mut missing = Vec::new();
    for group in &groups {
        group.place(source, spec, &mut rows, &mut missing, findings);
    }
    confirm_by_identities(spec, &mut rows, &groups, findings);
    if !missing.is_empty() {
        let missing: Vec<_> = missing.iter().map(|&row| &spec.rows[row]).collect();
        findings.push(rows_missing(spec, &missing, first_line));
    }
    let end = rows
        .iter()
        .flatten()
        .flatten()
        .map(|c| c.end)
        .max()
        .unwrap_or(0);
    let table = Table {
        spec,
        rows,
        line: first_line,
        splits: Vec::new(),
    };
    Some((table, end))
}

/// Template rows between two anchors (or the table's ends), and the numbers-only pipe rows
/// printed between them.
struct Group<'a> {
    rows: std::ops::Range<usize>,
    orphans: Vec<&'a PipeRow>,
    /// The anchored rows before and after it.
    anchors: [Option<usize>; 2],
}

impl Group<'_> {
    /// Whether its rows were given its numbers rows, one each in order.
    fn reconstructed(&self) -> bool {
        !self.rows.is_empty() && self.rows.len() == self.orphans.len()
    }

    fn place(
        &self,
        source: &Source,
        spec: &'static TableSpec,
        rows: &mut [Option<Vec<Cell>>],
        missing: &mut Vec<usize>,
        findings: &mut Vec<Finding>,
    ) {
        if self.rows.is_empty() && self.orphans.is_empty() {
            return;
        }
        if self.rows.is_empty() || self.orphans.is_empty() {
            // A row with no numbers, or numbers with no row: at the table's ends, a row left out
            // or numbers after it; between anchors, one of them may be named wrongly.
            match self.anchors {
                [Some(before), Some(after)] => {
                    let around = before..after + 1;
                    self.decline_rows(spec, around, rows, findings, "数字行与标签对不上");
                }
                _ if self.orphans.is_empty() => missing.extend(self.rows.clone()),
                _ => findings.push(numbers_left_over(
                    source,
                    spec,
                    &self.orphans,
                    self.orphans[0],
                )),
            }
            return;
        }
        if self.reconstructed() {
            let mut placed = Vec::with_capacity(self.orphans.len());
            for (row, orphan) in self.rows.clone().zip(&self.orphans) {
                // The messages of an orphan row belong to the group's own finding.
                match place_row(source, spec, row, orphan, &mut Vec::new()) {
                    cells if cells.iter().all(|c| c.value.is_some()) => placed.push(cells),
                    _ => break,
                }
            }
            if placed.len() == self.rows.len() {
                for (row, cells) in self.rows.clone().zip(placed) {
                    rows[row] = Some(cells);
                }
                return;
            }
        }
        let around = self.anchors[0].map_or(self.rows.start, |r| r)
            ..self.anchors[1].map_or(self.rows.end, |r| r + 1);
        self.decline_rows(
            spec,
            around,
            rows,
            findings,
            "数字行与标签分开排列，数目对不上",
        );
    }

    /// Leaves the group's rows unread, with a warning naming them.
    fn decline(
        &self,
        spec: &'static TableSpec,
        rows: &mut [Option<Vec<Cell>>],
        findings: &mut Vec<Finding>,
        why: &str,
    ) {
        self.decline_rows(spec, self.rows.clone(), rows, findings, why);
    }

    /// Leaves rows `declined` unread, with a warning naming them.
    fn decline_rows(
        &self,
        spec: &'static TableSpec,
        declined: std::ops::Range<usize>,
        rows: &mut [Option<Vec<Cell>>],
        findings: &mut Vec<Finding>,
        why: &str,
    ) {
        let first = rows
            .iter()
            .skip(declined.start)
            .flatten()
            .flatten()
            .next()
            .map(|c| (c.line, c.start));
        let (line, at) = self
            .orphans
            .first()
            .map(|o| (o.label.line, o.label.start))
            .or(first)
            .unwrap_or((0, 0));
        for row in declined.clone() {
            rows[row] = Some(unreadable_cells(spec.rows[row].cols.len(), line, at));
        }
        findings.push(
            Finding::new(
                Rule::AmbiguousCells,
                format!(
                    "{}{}：{}，无法可靠地确定各行的数字，未读取",
                    spec.name,
                    row_names(spec, declined.clone()),
                    why
                ),
            )
            .with_cells(
                declined
                    .flat_map(|r| row_refs(spec, &spec.rows[r]))
                    .collect(),
            )
            .at_line(Some(line)),
        );
    }
}

/// Keeps the reconstructed groups only if the table's sums hold with them; says so of each.
fn confirm_by_identities(
    spec: &'static TableSpec,
    rows: &mut [Option<Vec<Cell>>],
    groups: &[Group],
    findings: &mut Vec<Finding>,
) {
    let reconstructed: Vec<&Group> = groups.iter().filter(|g| g.reconstructed()).collect();
    let placed = |rows: &[Option<Vec<Cell>>], g: &Group| {
        g.rows.clone().all(|r| {
            rows[r]
                .as_ref()
                .is_some_and(|c| c.iter().all(|c| c.value.is_some()))
        })
    };
    let columns_hold = match (spec.column_sum(), spec.balance()) {
        (Some(column_sum), Some(balance)) => identities_hold(rows, &column_sum, &balance),
        _ => false,
    };
    for group in reconstructed {
        if !placed(rows, group) {
            continue;
        }
        let rows_hold = group
            .rows
            .clone()
            .all(|r| row_sum_holds(spec, rows[r].as_deref()));
        if !(columns_hold && rows_hold) {
            group.decline(
                spec,
                rows,
                findings,
                "数字行与标签分开排列，按模板顺序对应后表内合计不成立",
            );
            continue;
        }
        let line = group.orphans[0].label.line;
        let shown: Vec<String> = group
            .rows
            .clone()
            .map(|r| {
                format!(
                    "「{}」{}",
                    spec.rows[r].label,
                    show_cells(rows[r].as_deref().unwrap_or(&[]))
                )
            })
            .collect();
        findings.push(
            Finding::new(
                Rule::ReconstructedCells,
                format!(
                    "{}这几行的数字行没有标签，按模板顺序读作{}；各行总计、各列合计与勾稽关系都成立",
                    spec.name,
                    shown.join("，")
                ),
            )
            .with_cells(group.rows.clone().flat_map(|r| row_refs(spec, &spec.rows[r])).collect())
            .at_line(Some(line)),
        );
    }
}

/// Whether a row's six applicant columns add up to its 总计.
fn row_sum_holds(spec: &TableSpec, cells: Option<&[Cell]>) -> bool {
    let (Some(sum), Some(cells)) = (spec.row_sum(), cells) else {
        return false;
    };
    let int = |i: usize| match cells.get(i)?.value? {
        Number::Int(v) => Some(v),
        Number::Dec(_) => None,
    };
    let parts: Option<i64> = sum.parts.clone().map(int).sum();
    parts.is_some() && parts == int(sum.total)
}

/// `「（五）5.…」「（六）1.…」行`.
fn row_names(spec: &TableSpec, rows: std::ops::Range<usize>) -> String {
    let names: Vec<String> = rows
        .map(|r| format!("「{}」", spec.rows[r].label))
        .collect();
    format!("{}行", names.concat())
}

/// `structure.extra_cells` for numbers rows where no template row is left for them.
fn numbers_left_over(
    source: &Source,
    spec: &TableSpec,
    orphans: &[&PipeRow],
    first: &PipeRow,
) -> Finding {
    let values: Vec<Token> = orphans
        .iter()
        .flat_map(|o| o.segs.iter())
        .filter_map(|s| match s {
            Seg::Value(t) => Some(*t),
            _ => None,
        })
        .collect();
    Finding::new(
        Rule::ExtraCells,
        format!(
            "{}有{}个没有标签的数字行（{}），模板中没有留给它们的行，未计入表格，请核对",
            spec.name,
            orphans.len(),
            super::cells::show_tokens(source, &values)
        ),
    )
    .at_line(Some(first.label.line))
}

/// Rows the ordinary reading missed that a pipe row of the part names by its label (表二's rows
/// printed as a pipe table after its other rows, 规章 after 行政事业性收费): read when each column
/// gets a number, declined when not (a column lost in the copy: `| 规章 | 22 | 235 |`).
pub(super) fn missing_rows_from_pipe_rows(
    source: &Source,
    tokens: &[Token],
    table: &mut Table,
    findings: &mut Vec<Finding>,
) {
    let spec = table.spec;
    if table.rows.iter().all(Option::is_some) {
        return;
    }
    for pipe_row in pipe_rows_naming(source, tokens, spec, |row| table.rows[row].is_none()) {
        let Some(row) = pipe_row.row.filter(|&row| table.rows[row].is_none()) else {
            continue;
        };
        let cells = place_row(source, spec, row, &pipe_row, &mut Vec::new());
        if cells.iter().all(|c| c.value.is_some()) {
            table.rows[row] = Some(cells);
            continue;
        }
        let (line, at) = (pipe_row.label.line, pipe_row.label.start);
        table.rows[row] = Some(unreadable_cells(spec.rows[row].cols.len(), line, at));
        findings.push(
            Finding::new(
                Rule::AmbiguousCells,
                format!(
                    "{}{}：数字比列少，无法确定各数所在的列，未读取",
                    spec.name,
                    row_names(spec, row..row + 1)
                ),
            )
            .with_cells(row_refs(spec, &spec.rows[row]))
            .at_line(Some(line)),
        );
    }
    restate_rows_missing(table, findings);
}

/// `structure.row_missing` of the table said again, without the rows found since.
pub(super) fn restate_rows_missing(table: &Table, findings: &mut Vec<Finding>) {
    let spec = table.spec;
    let said = findings.iter().position(|f| {
        f.rule == Rule::RowMissing && f.cells.first().is_some_and(|c| c.table == spec.key)
    });
    let Some(at) = said else { return };
    let line = findings[at].line.unwrap_or(table.line);
    findings.remove(at);
    let missing: Vec<_> = spec
        .rows
        .iter()
        .zip(&table.rows)
        .filter(|(_, cells)| cells.is_none())
        .map(|(row, _)| row)
        .collect();
    if !missing.is_empty() {
        findings.push(rows_missing(spec, &missing, line));
    }
}

/// The pipe rows whose own label names one of the rows `wanted`, in any order.
fn pipe_rows_naming(
    source: &Source,
    tokens: &[Token],
    spec: &'static TableSpec,
    wanted: impl Fn(usize) -> bool,
) -> Vec<PipeRow> {
    let mut found: Vec<PipeRow> = Vec::new();
    for line in by_line(tokens).filter(|line| is_numbers_pipe_line(source, line)) {
        let segs = segments(line, &source.text);
        let label = line_label(line[0], &segs);
        let row = anchor_row(&label.han, spec, 0).filter(|&row| wanted(row));
        if row.is_some() && !found.iter().any(|f| f.row == row) {
            found.push(PipeRow { row, label, segs });
        }
    }
    found
}

/// A pipe row's cells in template row `row`.
fn place_row(
    source: &Source,
    spec: &'static TableSpec,
    row: usize,
    pipe_row: &PipeRow,
    findings: &mut Vec<Finding>,
) -> Vec<Cell> {
    let row_spec = &spec.rows[row];
    let items: Vec<Seg> = pipe_row
        .segs
        .iter()
        .filter(|s| !matches!(s, Seg::Label(_)))
        .cloned()
        .collect();
    let resolution = resolve(&items, row_spec.cols.len(), None);
    let columns = Columns::Row(spec, row_spec);
    place_cells(source, columns, &pipe_row.label, resolution, findings).cells
}

/// The pipe rows holding numbers, in text order, each with the template row its own label
/// cells name (rows named out of order are numbers rows like the unlabelled ones).
fn pipe_rows(source: &Source, tokens: &[Token], spec: &'static TableSpec) -> Vec<PipeRow> {
    let mut next = 0;
    let mut found = Vec::new();
    for line in by_line(tokens) {
        if !is_pipe_line(source, line[0].line)
            || !line.iter().any(|t| matches!(t.kind, Kind::Num(..)))
        {
            continue;
        }
        let segs = segments(line, &source.text);
        let label = line_label(line[0], &segs);
        // Only a label ending with a row's whole name anchors: a piece of a wrapped label may
        // begin like another row's (`属于行政` of `属于行政查询事项` and `属于行政执法案卷`).
        let row = (!label.han.is_empty())
            .then(|| match_row(&label.han, spec, next))
            .flatten()
            .filter(|m| m.score % 4 == 3 && names_only_its_row(&label.han, m.matched_chars))
            .map(|m| m.row);
        if let Some(row) = row {
            next = row + 1;
        }
        found.push(PipeRow { row, label, segs });
    }
    found
}

/// The row from `from` on that a pipe row's label cells name. Only a label ending with a row's
/// whole name anchors: a piece of a wrapped label may begin like another row's (`属于行政` of
/// `属于行政查询事项` and `属于行政执法案卷`).
fn anchor_row(han: &str, spec: &'static TableSpec, from: usize) -> Option<usize> {
    if han.is_empty() {
        return None;
    }
    match_row(han, spec, from)
        .filter(|m| m.score % 4 == 3 && names_only_its_row(han, m.matched_chars))
        .map(|m| m.row)
}

/// Characters that may stand before a short row name (`其他`, `总计`) in its own row: its group
/// and numerals (`（六）其他处理 | 3.其他`, `（七）总计`). Before them anything else is a piece of a
/// longer label (`…不计其他` of `…不计其他情形`).
const SHORT_NAME_PREFIX: &str = "一二三四五六七其他处理";

/// Whether a pipe row's label `han`, ending with a row name of `key_chars` characters, names
/// that row rather than ending a piece of another row's label with a short word.
fn names_only_its_row(han: &str, key_chars: usize) -> bool {
    let before = han.chars().count() - key_chars;
    key_chars >= 4
        || han
            .chars()
            .take(before)
            .all(|c| SHORT_NAME_PREFIX.contains(c))
}

/// The label cells of one line as one label (empty for a numbers-only row).
fn line_label(first: Token, segs: &[Seg]) -> Label {
    let mut label = Label {
        han: String::new(),
        han_len: 0,
        line: first.line,
        last_line: first.line,
        start: first.start,
        end: first.start,
    };
    for seg in segs {
        if let Seg::Label(l) = seg {
            label.han.push_str(&l.han);
            label.han_len += l.han_len;
            label.end = l.end;
        }
    }
    label
}

fn is_pipe_line(source: &Source, line: usize) -> bool {
    source.line_text(line).trim_ascii_start().starts_with('|')
}

/// A pipe row with numbers (the tokens of one line).
fn is_numbers_pipe_line(source: &Source, line: &[Token]) -> bool {
    is_pipe_line(source, line[0].line) && line.iter().any(|t| matches!(t.kind, Kind::Num(..)))
}

/// The tokens line by line.
fn by_line(tokens: &[Token]) -> impl Iterator<Item = &[Token]> {
    tokens.chunk_by(|a, b| a.line == b.line)
}
