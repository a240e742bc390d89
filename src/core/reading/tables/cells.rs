//! Turning a row's picks into cells, with the findings about how they were read: digits that
//! ran together split by the table's own sums, numbers left over, blanks that allow two
//! readings, rows that cannot be placed.

use super::gaps::{Pick, Resolution};
use super::join;
use super::segments::Label;
use super::split;
use crate::model::number::Number;
use crate::model::template::{ColKind, RowSpec, TableSpec, REVIEW_LITIGATION};
use crate::model::{Cell, CellRef, CellSource, Finding, Rule};
use crate::text::tokens::{Kind, Token, Unit};
use crate::text::Source;

pub(super) fn cell_from(pick: Pick, kind: ColKind, amounts_in_yuan: bool) -> Cell {
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

/// `structure.unreadable_row` for a template row not found where numbers stand under a name
/// that no row has (`label`, as printed): likely this row, misnamed, so declined rather than
/// missing.
pub(crate) fn row_misnamed(spec: &TableSpec, row: &RowSpec, label: &str, line: usize) -> Finding {
    let printed: String = label.trim().chars().take(40).collect();
    let printed = if printed.is_empty() {
        "（空）".to_string()
    } else {
        printed
    };
    Finding::new(
        Rule::UnreadableRow,
        format!(
            "{}「{}」行没有找到；它该在的位置上有一行数字，行名读作「{printed}」，无法确定是不是这一行，未参与核对",
            spec.name, row.label
        ),
    )
    .with_cells(row_refs(spec, row))
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

pub(super) fn show_tokens(source: &Source, tokens: &[Token]) -> String {
    tokens
        .iter()
        .map(|t| source.text[t.start..t.end].trim())
        .collect::<Vec<_>>()
        .join("、")
}

/// The columns a run of values fills: one template row, or 表四's single row of 15.
#[derive(Clone, Copy)]
pub(super) enum Columns<'a> {
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
pub(super) const MAX_READINGS: usize = 8;

/// A row's cells, and, when its digits ran together and split more than one way, every
/// reading of them (for [`super::settle`] to decide by the table's columns).
pub(super) struct Placed {
    pub(super) cells: Vec<Cell>,
    pub(super) readings: Vec<Vec<Cell>>,
    /// Digits that ran together and split more than one way: the numbers as printed (empty
    /// when the row was read, or has a number that is not plain digits).
    pub(super) runs: Vec<String>,
}

/// Turns picks into cells, with findings about how they were read: a row that cannot be
/// placed, digits that ran together, numbers left over, blanks that allow two readings.
pub(super) fn place_cells(
    source: &Source,
    columns: Columns,
    label: &Label,
    resolution: Resolution,
    findings: &mut Vec<Finding>,
) -> Placed {
    // The numbers read, in order: those placed, then those left over.
    let read: Vec<Token> = resolution
        .picks
        .iter()
        .filter_map(|p| match p {
            Pick::Value(t) => Some(*t),
            Pick::Gap(_) => None,
        })
        .chain(resolution.extras.iter().copied())
        .collect();
    if resolution.unreadable {
        return place_run_together(source, columns, label, &read, findings);
    }
    if !resolution.extras.is_empty() {
        if let Some(placed) = place_broken_numbers(source, columns, &read, findings) {
            return placed;
        }
    }
    Placed {
        cells: place_picks(source, columns, label, &resolution, findings),
        readings: Vec::new(),
        runs: Vec::new(),
    }
}

/// A row with more numbers than columns, some of which a line break may have cut apart (`1` /
/// `62` for 162): joined where the row's sums hold for exactly one joining, else declined.
/// `None` when no two numbers may be one (all on one line, say): the numbers left over are then
/// reported as they are.
fn place_broken_numbers(
    source: &Source,
    columns: Columns,
    read: &[Token],
    findings: &mut Vec<Finding>,
) -> Option<Placed> {
    // Amounts with decimals take no part in sums (表二 has none) and never join.
    let mut all_whole = true;
    let pieces: Vec<join::Piece> = read
        .iter()
        .map(|t| {
            let value = match t.kind {
                Kind::Num(Number::Int(value), _) => value,
                Kind::Num(Number::Dec(_), _) => {
                    all_whole = false;
                    0
                }
                _ => 0,
            };
            let text = &source.text[t.start..t.end];
            let unsigned = text.trim_start_matches(['+', '-']);
            let alone = source.line_text(t.line).trim() == text;
            let bare = matches!(t.kind, Kind::Num(Number::Int(_), Unit::None))
                && alone
                && unsigned.len() + 1 >= text.len()
                && unsigned.bytes().all(|b| b.is_ascii_digit());
            join::Piece {
                value,
                digits: bare.then_some(text),
                line: t.line,
            }
        })
        .collect();
    if !join::may_join(&pieces) {
        return None;
    }
    let sums = if all_whole {
        columns.sums()
    } else {
        Vec::new()
    };
    let readings = join::join(&pieces, columns.len(), &sums, MAX_READINGS);
    let cells_of = |reading: &[join::Joined]| -> Vec<Cell> {
        reading
            .iter()
            .map(|number| {
                let range = &number.pieces;
                let (first, last) = (read[range.start], read[range.end - 1]);
                Cell {
                    value: Some(Number::Int(number.value)),
                    source: if range.len() == 1 {
                        CellSource::Number
                    } else {
                        CellSource::Reconstructed
                    },
                    line: first.line,
                    start: first.start,
                    end: last.end,
                }
            })
            .collect()
    };
    let shown = show_tokens(source, read);
    let place = columns.place();
    match readings.as_slice() {
        // More numbers than columns, and some may be one number cut by a line break: which
        // cells they are cannot be known.
        [] => {
            findings.push(
                Finding::new(
                    Rule::AmbiguousCells,
                    format!(
                        "{place}应有{}个单元格，读到{}个数（{shown}），可能有数字被换行断开，无法确定各数所在的列，未参与核对",
                        columns.len(),
                        read.len()
                    ),
                )
                .with_cells(columns.refs())
                .at_line(read.first().map(|t| t.line)),
            );
            let first = read.first()?;
            Some(Placed {
                cells: unreadable_cells(columns.len(), first.line, first.start),
                readings: Vec::new(),
                runs: Vec::new(),
            })
        }
        [only] => {
            let cells = cells_of(only);
            findings.push(
                Finding::new(
                    Rule::ReconstructedCells,
                    format!(
                        "{place}有数字被换行断开（{shown}），按表内合计关系只有一种接法：{}",
                        show_cells(&cells)
                    ),
                )
                .with_cells(columns.refs())
                .at_line(read.first().map(|t| t.line)),
            );
            Some(Placed {
                cells,
                readings: Vec::new(),
                runs: Vec::new(),
            })
        }
        [_, _, ..] => {
            findings.push(
                Finding::new(
                    Rule::AmbiguousCells,
                    format!(
                        "{place}有数字被换行断开（{shown}），有不止一种接法，无法确定，未参与核对"
                    ),
                )
                .with_cells(columns.refs())
                .at_line(read.first().map(|t| t.line)),
            );
            let first = read.first()?;
            let complete = readings.len() < MAX_READINGS;
            Some(Placed {
                cells: unreadable_cells(columns.len(), first.line, first.start),
                readings: if complete {
                    readings.iter().map(|r| cells_of(r)).collect()
                } else {
                    Vec::new()
                },
                runs: Vec::new(),
            })
        }
    }
}

/// A row with fewer numbers than columns and no gaps to stand for the rest: digits that ran
/// together (`640020470`), split by the table's own sums when they allow it.
fn place_run_together(
    source: &Source,
    columns: Columns,
    label: &Label,
    read: &[Token],
    findings: &mut Vec<Finding>,
) -> Placed {
    let n = columns.len();
    let shown = show_tokens(source, read);
    let runs: Vec<&str> = read
        .iter()
        .map(|t| match t.kind {
            Kind::Num(_, Unit::None) => &source.text[t.start..t.end],
            _ => "",
        })
        .collect();
    let readings = split::split(&runs, n, &columns.sums(), MAX_READINGS);
    let line = read.first().map(|t| t.line);
    let place = columns.place();
    let unreadable = || unreadable_cells(n, label.line, label.end);
    let (finding, placed) = match readings.as_slice() {
        [only] => {
            let cells = reading_cells(read, only);
            let finding = Finding::new(
                Rule::ReconstructedCells,
                format!(
                    "{place}的数字连在一起（{shown}），按表内合计关系只有一种拆法：{}",
                    show_cells(&cells)
                ),
            );
            let placed = Placed {
                cells,
                readings: Vec::new(),
                runs: Vec::new(),
            };
            (finding, placed)
        }
        [_, _, ..] => {
            let shown_readings: Vec<String> = readings
                .iter()
                .take(2)
                .map(|r| show_cells(&reading_cells(read, r)))
                .collect();
            // Only a complete list of readings may be settled by the columns: with the
            // search cut short, the right reading may be one not listed.
            let complete = readings.len() < MAX_READINGS;
            (
                Finding::new(
                    Rule::AmbiguousCells,
                    format!(
                        "{place}的数字连在一起（{shown}），有不止一种拆法（如「{}」），无法确定，未参与核对",
                        shown_readings.join("」或「")
                    ),
                ),
                Placed {
                    cells: unreadable(),
                    readings: if complete {
                        readings.iter().map(|r| reading_cells(read, r)).collect()
                    } else {
                        Vec::new()
                    },
                    runs: plain_runs(&runs),
                },
            )
        }
        [] => {
            let what = if read.is_empty() {
                "没有读到数字".to_string()
            } else {
                format!("只读到{}个数（{shown}）", read.len())
            };
            let finding = Finding::new(
                Rule::UnreadableRow,
                format!(
                    "{place}应有{n}个单元格，{what}，也没有足够的空位表示空白，无法确定各数所在的列，未参与核对"
                ),
            );
            let placed = Placed {
                cells: unreadable(),
                readings: Vec::new(),
                runs: Vec::new(),
            };
            (finding, placed)
        }
    };
    // A row with no numbers at all is on its label's line.
    let line = line.or((readings.is_empty()).then_some(label.line));
    findings.push(finding.with_cells(columns.refs()).at_line(line));
    placed
}

/// The numbers of a row as printed, when all are plain digits: else none.
fn plain_runs(runs: &[&str]) -> Vec<String> {
    let plain = |run: &&str| !run.is_empty() && run.bytes().all(|b| b.is_ascii_digit());
    if runs.iter().all(plain) {
        runs.iter().map(|run| run.to_string()).collect()
    } else {
        Vec::new()
    }
}

/// The cells of one reading of digits that ran together.
fn reading_cells(read: &[Token], reading: &[split::Part]) -> Vec<Cell> {
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
}

/// `64、0、0、2`: the values of cells (blank ones left out).
pub(super) fn show_cells(cells: &[Cell]) -> String {
    let values: Vec<String> = cells
        .iter()
        .filter_map(|c| c.value.map(|v| v.to_string()))
        .collect();
    values.join("、")
}

/// A row whose numbers and blanks were placed: its cells, and findings for numbers left over
/// and for blanks that could stand in more than one place.
fn place_picks(
    source: &Source,
    columns: Columns,
    label: &Label,
    resolution: &Resolution,
    findings: &mut Vec<Finding>,
) -> Vec<Cell> {
    let n = columns.len();
    let amounts_in_yuan = label.han.contains("单位元");
    let cells: Vec<Cell> = resolution
        .picks
        .iter()
        .enumerate()
        .map(|(i, &pick)| cell_from(pick, columns.kind(i), amounts_in_yuan))
        .collect();
    if let Some(first) = resolution.extras.first() {
        // A line cut short at MAX_TOKENS_PER_LINE has more numbers than were read.
        let extras = resolution.extras.len();
        let extras = if extras + n + 1 >= crate::text::tokens::MAX_TOKENS_PER_LINE {
            format!("至少{extras}")
        } else {
            extras.to_string()
        };
        findings.push(
            Finding::new(
                Rule::ExtraCells,
                format!(
                    "{}应有{n}个单元格，多出{}个数（{}），未计入表格，请核对是否错列",
                    columns.place(),
                    extras,
                    show_tokens(source, &resolution.extras)
                ),
            )
            .with_cells(columns.refs())
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
