//! Reading the three tables from cell grids (clipboard HTML, `.html` files, `.docx`).
//!
//! A grid row is a template row when its label cells (the text cells at its left, merged
//! vertically or split over several cells) name one, by the same matcher as the text reader
//! ([`super`]). Its value cells go to the template's columns by the header cells
//! above them (申请人情况 / 自然人 / … / 总计, 本年新制作数量 …), or, without a usable header,
//! in order. Each cell is read on its own, so numbers that would run together as text stay
//! apart. Rows, cells and headers that cannot be placed give findings: a grid is never read
//! by guessing.

use super::cells::{row_misnamed, row_refs, rows_missing, unreadable_cells};
use super::rows::{closest_row, match_row, RowMatch};
use crate::input::document::{Grid, GridCell};
use crate::model::number::Number;
use crate::model::template::{ColKind, RowSpec, TableSpec, REVIEW_LITIGATION};
use crate::model::Rule;
use crate::model::{Cell, CellSource, Finding, Table, Tables};
use crate::text::sort;
use crate::text::tokens::{self, han_only, Kind, Unit};
use crate::text::Source;

/// A label with more Han characters than this is prose (a layout table), not a row label.
const MAX_LABEL_CHARS: usize = 80;
/// A label spans at most this many cells (`三、本年度办理结果` / `（三）不予公开` / `1.属于国家秘密`).
const MAX_LABEL_CELLS: usize = 6;
/// Header texts kept over a grid column: the nearest ones above the data.
const MAX_HEADERS: usize = 8;

/// Rows a table needs in the grids before it is read from them (fewer: a small table of
/// something else that happens to name a row).
fn min_rows(spec: &TableSpec) -> usize {
    match spec.key {
        "requests" => 3,
        _ => 2,
    }
}

/// What a cell holds.
#[derive(Clone, Copy, Debug)]
enum Content {
    Empty,
    Number(Number, Unit),
    /// `/`, `-`, `—`, `无`.
    Marker,
    Text,
}

fn content(text: &str) -> Content {
    if text.trim().is_empty() {
        return Content::Empty;
    }
    let source = Source::new(text);
    match tokens::tokenize(&source).as_slice() {
        [token] => match token.kind {
            Kind::Num(value, unit) => Content::Number(value, unit),
            Kind::Blank => Content::Marker,
            _ => Content::Text,
        },
        _ => Content::Text,
    }
}

/// One grid with what its cells hold and which cells cover each row.
struct View<'a> {
    text: &'a str,
    grid: &'a Grid,
    contents: Vec<Content>,
    /// Per row, the indices of the cells covering it, left to right.
    covering: Vec<Vec<usize>>,
    /// Grid columns where some cell with content starts.
    used_cols: Vec<bool>,
}

/// A grid row: the text cells that may be its label, and its label once chosen.
struct RowCells {
    /// The text cells from the left (an empty cell before them is skipped), up to the first
    /// cell that is a number, a blank marker or empty.
    texts: Vec<usize>,
    /// The label's Han characters.
    han: String,
    /// Cells starting in this row right of the label.
    values: Vec<usize>,
}

impl<'a> View<'a> {
    fn new(text: &'a str, grid: &'a Grid) -> View<'a> {
        let contents: Vec<Content> = grid
            .cells
            .iter()
            .map(|c| content(cell_text(text, c)))
            .collect();
        let mut covering = vec![Vec::new(); grid.rows];
        for (index, cell) in grid.cells.iter().enumerate() {
            for row in covering.iter_mut().skip(cell.row).take(cell.rowspan) {
                row.push(index);
            }
        }
        for row in &mut covering {
            sort::sort_by_key(row, |&i| grid.cells[i].col as u128);
        }
        let mut used_cols = vec![false; grid.cols];
        for (cell, content) in grid.cells.iter().zip(&contents) {
            if !matches!(content, Content::Empty) {
                if let Some(used) = used_cols.get_mut(cell.col) {
                    *used = true;
                }
            }
        }
        View {
            text,
            grid,
            contents,
            covering,
            used_cols,
        }
    }

    fn cell(&self, index: usize) -> &GridCell {
        &self.grid.cells[index]
    }

    fn cell_text(&self, index: usize) -> &str {
        cell_text(self.text, self.cell(index))
    }

    /// The row's text cells from the left, with all of them taken as the label.
    fn row(&self, row: usize) -> RowCells {
        let mut texts = Vec::new();
        for &i in &self.covering[row] {
            match self.contents[i] {
                Content::Text => texts.push(i),
                Content::Empty if texts.is_empty() => {}
                _ => break,
            }
        }
        let all = texts.len();
        let mut cells = RowCells {
            texts,
            han: String::new(),
            values: Vec::new(),
        };
        self.take_label(row, &mut cells, all);
        cells
    }

    /// Takes the first `n` text cells as the row's label (a longer label is prose, no label).
    fn take_label(&self, row: usize, cells: &mut RowCells, n: usize) {
        cells.han = cells.texts[..n]
            .iter()
            .map(|&i| han_only(self.cell_text(i)))
            .collect();
        if cells.han.chars().count() > MAX_LABEL_CHARS {
            cells.han.clear();
        }
        let label_end = cells.texts[..n]
            .last()
            .map_or(0, |&i| self.cell(i).col + self.cell(i).colspan);
        cells.values = self.covering[row]
            .iter()
            .copied()
            .filter(|&i| self.cell(i).row == row && self.cell(i).col >= label_end)
            .collect();
    }

    /// Whether the cells after a label are a row's values, not more header text: some number
    /// or blank marker, or else enough empty cells for its `n` columns and no text.
    fn looks_like_values(&self, cells: &[usize], n: usize) -> bool {
        self.has_value(cells)
            || (cells.len() >= n
                && cells
                    .iter()
                    .all(|&i| matches!(self.contents[i], Content::Empty)))
    }

    fn has_value(&self, cells: &[usize]) -> bool {
        cells
            .iter()
            .any(|&i| matches!(self.contents[i], Content::Number(..) | Content::Marker))
    }

    fn line(&self, source: &Source, row: usize) -> usize {
        source.line_of(self.grid.row_starts[row])
    }
}

fn cell_text<'t>(text: &'t str, cell: &GridCell) -> &'t str {
    text.get(cell.start..cell.end).unwrap_or("")
}

/// Whether a header cell (Han characters) names the column printed as `label`.
fn names_column(header: &str, label: &str) -> bool {
    let header = header.replace("单位", "");
    let label = han_only(label).replace("单位", "");
    let core = label.strip_suffix("万元").unwrap_or(&label);
    let aliases: &[&str] = match core {
        "社会公益组织" => &["社会组织"],
        "总计" => &["合计"],
        _ => &[],
    };
    header == core
        || aliases.contains(&header.as_str())
        || header
            .strip_prefix(core)
            .is_some_and(|rest| matches!(rest, "万元" | "元" | "件" | "个" | "项" | "数"))
}

/// 表四's group names as its printed form heads its 15 columns.
const REVIEW_GROUP_NAMES: [&str; 3] = ["行政复议", "未经复议直接起诉", "复议后起诉"];

/// One table as it is being read from the grids.
struct Builder {
    spec: &'static TableSpec,
    rows: Vec<Option<Vec<Cell>>>,
    last: Option<usize>,
    line: Option<usize>,
    /// Rows read, and findings about them (kept only if the table is taken from the grids).
    found: usize,
    findings: Vec<Finding>,
}

impl Builder {
    fn new(spec: &'static TableSpec) -> Builder {
        Builder {
            spec,
            rows: vec![None; spec.rows.len()],
            last: None,
            line: None,
            found: 0,
            findings: Vec::new(),
        }
    }

    fn from(&self) -> usize {
        self.last.map_or(0, |r| r + 1)
    }

    fn put(&mut self, row: usize, cells: Vec<Cell>, line: usize) {
        self.rows[row] = Some(cells);
        self.last = Some(row);
        self.line = Some(self.line.map_or(line, |l| l.min(line)));
        self.found += 1;
    }
}

/// The header text over each grid column, since the last data row.
struct Headers {
    cols: Vec<Vec<String>>,
    after_data: bool,
}

impl Headers {
    /// Adds a header row (a new header block after data rows replaces the old one).
    fn add(&mut self, view: &View, row: usize) {
        if std::mem::take(&mut self.after_data) {
            self.cols.iter_mut().for_each(Vec::clear);
        }
        for &i in &view.covering[row] {
            let cell = view.cell(i);
            let han = han_only(view.cell_text(i));
            if han.is_empty() {
                continue;
            }
            for names in self.cols.iter_mut().skip(cell.col).take(cell.colspan) {
                if !names.contains(&han) {
                    if names.len() >= MAX_HEADERS {
                        names.remove(0);
                    }
                    names.push(han.clone());
                }
            }
        }
    }

    /// The one template column (of `labels`) the header names over `cell`, if exactly one.
    fn column(&self, cell: &GridCell, labels: &[&str]) -> Option<usize> {
        let mut found = None;
        for names in self.cols.iter().skip(cell.col).take(cell.colspan) {
            for (j, label) in labels.iter().enumerate() {
                if names.iter().any(|n| names_column(n, label)) {
                    if found.is_some_and(|f| f != j) {
                        return None;
                    }
                    found = Some(j);
                }
            }
        }
        found
    }

    /// 表四's group over `cell`, by its printed name.
    fn group(&self, cell: &GridCell) -> Option<usize> {
        let mut found = None;
        for names in self.cols.iter().skip(cell.col).take(cell.colspan) {
            for (g, group) in REVIEW_GROUP_NAMES.iter().enumerate() {
                if names.iter().any(|n| n == group) {
                    if found.is_some_and(|f| f != g) {
                        return None;
                    }
                    found = Some(g);
                }
            }
        }
        found
    }

    /// Whether the header says amounts are in 元 over `cell`.
    fn in_yuan(&self, cell: &GridCell) -> bool {
        self.cols
            .iter()
            .skip(cell.col)
            .take(cell.colspan)
            .flatten()
            .any(|n| n.ends_with('元') && !n.ends_with("万元"))
    }
}

/// Places a row's value cells in `labels.len()` columns: by the header when it names each
/// column over exactly one cell (other cells being empty), or in order when the count fits
/// (leaving out cells of columns empty in the whole grid). `None` when neither is certain or
/// the two disagree.
fn place(view: &View, headers: &Headers, values: &[usize], labels: &[&str]) -> Option<Vec<usize>> {
    let n = labels.len();
    let mut by_header: Vec<Option<usize>> = vec![None; n];
    let mut header_ok = true;
    for &i in values {
        match headers.column(view.cell(i), labels) {
            Some(j) if by_header[j].is_none() => by_header[j] = Some(i),
            None if matches!(view.contents[i], Content::Empty) => {}
            _ => header_ok = false,
        }
    }
    let by_header: Option<Vec<usize>> = header_ok
        .then(|| by_header.iter().copied().collect())
        .flatten();
    let in_order = in_order(view, values, n);
    match (by_header, in_order) {
        // The header and the order disagree: neither is certain.
        (Some(header), Some(order)) if header != order => None,
        (header, order) => header.or(order),
    }
}

/// A row's value cells in order, when their count fits: all of them, or those in columns
/// that hold something somewhere in the grid, or those not empty.
fn in_order(view: &View, values: &[usize], n: usize) -> Option<Vec<usize>> {
    if values.len() == n {
        return Some(values.to_vec());
    }
    let in_used_cols: Vec<usize> = values
        .iter()
        .copied()
        .filter(|&i| view.used_cols.get(view.cell(i).col) == Some(&true))
        .collect();
    if in_used_cols.len() == n {
        return Some(in_used_cols);
    }
    let filled: Vec<usize> = values
        .iter()
        .copied()
        .filter(|&i| !matches!(view.contents[i], Content::Empty))
        .collect();
    (filled.len() == n).then_some(filled)
}

/// Where a cell is read for messages: `表三「（一）予以公开」行「自然人」`.
fn place_name(spec: &TableSpec, row: &RowSpec, col: usize) -> String {
    let col = row.cols.get(col).map_or("", |c| c.label);
    format!("{}「{}」行「{}」", spec.name, row.label, col)
}

/// The cell a grid cell gives for a column of `kind`; an unreadable one with a finding.
#[allow(clippy::too_many_arguments)]
fn read_cell(
    view: &View,
    index: usize,
    spec: &'static TableSpec,
    row: &RowSpec,
    col: usize,
    in_yuan: bool,
    line: usize,
    findings: &mut Vec<Finding>,
) -> Cell {
    let grid_cell = view.cell(index);
    let kind = row.cols.get(col).map_or(ColKind::Count, |c| c.kind);
    let (value, source) = match view.contents[index] {
        Content::Number(value, unit) => {
            let yuan = unit == Unit::Yuan || (unit == Unit::None && in_yuan);
            let value = if kind == ColKind::Amount && yuan {
                value.yuan_to_wan()
            } else {
                value
            };
            (Some(value), CellSource::Number)
        }
        Content::Marker => (None, CellSource::BlankMarker),
        Content::Empty => (None, CellSource::Gap),
        Content::Text => {
            findings.push(
                Finding::new(
                    Rule::UnreadableCell,
                    format!(
                        "{}格写的是「{}」，不是一个数，也不是空白，未参与核对",
                        place_name(spec, row, col),
                        view.cell_text(index)
                    ),
                )
                .with_cells(row_refs(spec, row).into_iter().skip(col).take(1).collect())
                .at_line(Some(line)),
            );
            (None, CellSource::Unreadable)
        }
    };
    Cell {
        value,
        source,
        line,
        start: grid_cell.start,
        end: grid_cell.end,
    }
}

/// The texts of cells, for messages: `1、2、（空）`.
fn show(view: &View, cells: &[usize]) -> String {
    cells
        .iter()
        .map(|&i| match view.cell_text(i) {
            "" => "（空）",
            text => text,
        })
        .collect::<Vec<_>>()
        .join("、")
}

/// Reads one template row from its grid row.
fn read_row(
    view: &View,
    headers: &Headers,
    source: &Source,
    grid_row: usize,
    cells: &RowCells,
    builder: &mut Builder,
    row_index: usize,
) {
    let spec = builder.spec;
    let row = &spec.rows[row_index];
    let line = view.line(source, grid_row);
    let labels: Vec<&str> = row.cols.iter().map(|c| c.label).collect();
    let read = match place(view, headers, &cells.values, &labels) {
        Some(placed) => placed
            .iter()
            .enumerate()
            .map(|(col, &i)| {
                let in_yuan = cells.han.contains("单位元") || headers.in_yuan(view.cell(i));
                read_cell(
                    view,
                    i,
                    spec,
                    row,
                    col,
                    in_yuan,
                    line,
                    &mut builder.findings,
                )
            })
            .collect(),
        None => {
            builder.findings.push(Finding::new(Rule::UnreadableRow, format!(
                    "{}「{}」行应有{}个单元格，表格中这一行有{}个（{}），表头也不能确定各格所在的列，未参与核对",
                    spec.name,
                    row.label,
                    labels.len(),
                    cells.values.len(),
                    show(view, &cells.values)
                )).with_cells(row_refs(spec, row)).at_line(Some(line)));
            unreadable_cells(labels.len(), line, view.grid.row_starts[grid_row])
        }
    };
    builder.put(row_index, read, line);
}

/// 表四 as printed: one row of 15 cells under the group and column headers.
fn read_review_flat(
    view: &View,
    headers: &Headers,
    source: &Source,
    grid_row: usize,
    values: &[usize],
    builder: &mut Builder,
) -> bool {
    let spec = &REVIEW_LITIGATION;
    let labels: Vec<&str> = spec.rows[0].cols.iter().map(|c| c.label).collect();
    let width = labels.len();
    let mut placed: Vec<Option<usize>> = vec![None; spec.rows.len() * width];
    for &i in values {
        let cell = view.cell(i);
        match (headers.group(cell), headers.column(cell, &labels)) {
            (Some(g), Some(j)) if placed[g * width + j].is_none() => {
                placed[g * width + j] = Some(i)
            }
            _ if matches!(view.contents[i], Content::Empty) => {}
            _ => return false,
        }
    }
    let Some(placed) = placed.into_iter().collect::<Option<Vec<usize>>>() else {
        return false;
    };
    let line = view.line(source, grid_row);
    for (g, row) in spec.rows.iter().enumerate() {
        let cells = (0..width)
            .map(|j| {
                let i = placed[g * width + j];
                read_cell(view, i, spec, row, j, false, line, &mut builder.findings)
            })
            .collect();
        builder.put(g, cells, line);
    }
    true
}

/// How well a run of text cells names a row; compared field by field, best last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct LabelRank {
    /// The label ends with the row's name.
    ends_with_name: bool,
    /// How many cells the label takes.
    cells: usize,
    /// The match's score ([`RowMatch::score`]).
    score: usize,
    /// The row is in the table of the row above.
    same_table: bool,
}

/// The row a grid row's label names: in which of the three tables, and how well.
struct LabelMatch {
    rank: LabelRank,
    table: usize,
    row: RowMatch,
}

/// The label of a grid row: the longest run of its text cells that ends with a row's name (a
/// value cell holding text, `约5`, is not label), else the longest that names one. Leaves
/// `cells` split at that label.
fn best_label(
    view: &View,
    grid_row: usize,
    cells: &mut RowCells,
    builders: &[Builder; 3],
    current: Option<usize>,
) -> Option<LabelMatch> {
    let mut matched: Option<LabelMatch> = None;
    for label_cells in (1..=cells.texts.len().min(MAX_LABEL_CELLS)).rev() {
        view.take_label(grid_row, cells, label_cells);
        if cells.han.is_empty() || cells.values.is_empty() {
            continue;
        }
        for (table, builder) in builders.iter().enumerate() {
            let Some(found) = match_row(&cells.han, builder.spec, builder.from()) else {
                continue;
            };
            let n = builder.spec.rows[found.row].cols.len();
            if !view.looks_like_values(&cells.values, n) {
                continue;
            }
            let rank = LabelRank {
                ends_with_name: found.score % 4 == 3,
                cells: label_cells,
                score: found.score,
                same_table: Some(table) == current,
            };
            if matched.as_ref().is_none_or(|best| rank > best.rank) {
                matched = Some(LabelMatch {
                    rank,
                    table,
                    row: found,
                });
            }
        }
    }
    if matched.is_none() {
        matched =
            current.and_then(|table| closest_label(view, grid_row, cells, &builders[table], table));
    }
    let label_cells = matched.as_ref().map_or(cells.texts.len(), |m| m.rank.cells);
    view.take_label(grid_row, cells, label_cells);
    matched
}

/// A label with a typo (`2.其他法律行政止公开`, as one PDF prints it): the row of the table being
/// read whose name it is closest to, when that is clear ([`closest_row`]).
fn closest_label(
    view: &View,
    grid_row: usize,
    cells: &mut RowCells,
    builder: &Builder,
    table: usize,
) -> Option<LabelMatch> {
    for label_cells in (1..=cells.texts.len().min(MAX_LABEL_CELLS)).rev() {
        view.take_label(grid_row, cells, label_cells);
        if cells.han.is_empty() || cells.values.is_empty() {
            continue;
        }
        let Some(found) = closest_row(&cells.han, builder.spec, builder.from()) else {
            continue;
        };
        if view.looks_like_values(&cells.values, builder.spec.rows[found.row].cols.len()) {
            let rank = LabelRank {
                ends_with_name: false,
                cells: label_cells,
                score: found.score,
                same_table: true,
            };
            return Some(LabelMatch {
                rank,
                table,
                row: found,
            });
        }
    }
    None
}

/// `structure.extra_cells` for a grid row with values that no template row names.
fn stray_row(view: &View, source: &Source, grid_row: usize, cells: &RowCells) -> Stray {
    let label = match view.covering[grid_row].first() {
        Some(&i) if !cells.han.is_empty() => view.cell_text(i).to_string(),
        _ => String::new(),
    };
    let line = view.line(source, grid_row);
    let finding = Finding::new(
        Rule::ExtraCells,
        format!(
            "表格中的一行（{}{}）不是模板中的行，其中的数未计入表格，请核对",
            if label.is_empty() {
                String::new()
            } else {
                format!("「{label}」：")
            },
            show(view, &cells.values)
        ),
    )
    .at_line(Some(line));
    Stray {
        table: usize::MAX,
        finding,
        label,
        line,
        at: view.grid.row_starts[grid_row],
    }
}

/// The tables that the grids give, with findings about reading them. A table the grids do
/// not give is `None`, for the text reader.
pub(crate) fn tables(
    source: &Source,
    grids: &[Grid],
    forms: super::Forms,
    findings: &mut Vec<Finding>,
) -> Tables {
    let mut builders = [
        Builder::new(forms.active),
        Builder::new(forms.requests),
        Builder::new(&REVIEW_LITIGATION),
    ];
    // Rows with values that no template row names, per table they stand in: (table, finding).
    let mut strays: Vec<Stray> = Vec::new();
    for grid in grids {
        let view = View::new(&source.text, grid);
        let mut headers = Headers {
            cols: vec![Vec::new(); grid.cols],
            after_data: false,
        };
        let mut current: Option<usize> = None;
        for grid_row in 0..grid.rows {
            let mut cells = view.row(grid_row);
            if let Some(found) = best_label(&view, grid_row, &mut cells, &builders, current) {
                let builder = &mut builders[found.table];
                read_row(
                    &view,
                    &headers,
                    source,
                    grid_row,
                    &cells,
                    builder,
                    found.row.row,
                );
                current = Some(found.table);
                headers.after_data = true;
                continue;
            }
            let all: Vec<usize> = view.covering[grid_row]
                .iter()
                .copied()
                .filter(|&i| view.cell(i).row == grid_row)
                .collect();
            if !view.has_value(&all) {
                headers.add(&view, grid_row);
                continue;
            }
            headers.after_data = true;
            if builders[2].found == 0
                && cells.han.is_empty()
                && read_review_flat(&view, &headers, source, grid_row, &all, &mut builders[2])
            {
                current = Some(2);
                continue;
            }
            strays.push(Stray {
                table: current.unwrap_or(usize::MAX),
                ..stray_row(&view, source, grid_row, &cells)
            });
        }
    }
    finish(builders, strays, findings)
}

/// A grid row with values that no template row names, in the table it stands in.
struct Stray {
    table: usize,
    finding: Finding,
    /// Its label as printed.
    label: String,
    line: usize,
    /// Where the row starts in the text.
    at: usize,
}

/// The tables whose grids gave enough rows, their findings, and the strays of those tables.
fn finish(builders: [Builder; 3], strays: Vec<Stray>, findings: &mut Vec<Finding>) -> Tables {
    let taken = builders
        .each_ref()
        .map(|builder| builder.found >= min_rows(builder.spec).min(builder.spec.rows.len()));
    let mut out: [Option<Table>; 3] = [None, None, None];
    for (k, mut builder) in builders.into_iter().enumerate() {
        if !taken[k] {
            continue;
        }
        let spec = builder.spec;
        findings.extend(std::mem::take(&mut builder.findings));
        let stray = strays.iter().find(|s| s.table == k);
        let mut missing: Vec<&RowSpec> = Vec::new();
        for (spec_row, row) in spec.rows.iter().zip(builder.rows.iter_mut()) {
            if row.is_some() {
                continue;
            }
            match stray {
                // A row with numbers under a name no row has: likely this row, misnamed.
                Some(stray) => {
                    *row = Some(unreadable_cells(spec_row.cols.len(), stray.line, stray.at));
                    findings.push(row_misnamed(spec, spec_row, &stray.label, stray.line));
                }
                None => missing.push(spec_row),
            }
        }
        let line = builder.line.unwrap_or(1);
        if !missing.is_empty() {
            findings.push(rows_missing(spec, &missing, line));
        }
        out[k] = Some(Table {
            spec,
            rows: builder.rows,
            line,
            splits: Vec::new(),
        });
    }
    findings.extend(
        strays
            .into_iter()
            .filter(|s| taken.get(s.table) == Some(&true))
            .map(|s| s.finding),
    );
    let [active, requests, review_litigation] = out;
    Tables {
        active,
        requests,
        review_litigation,
    }
}
