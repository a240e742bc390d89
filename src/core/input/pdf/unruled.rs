//! Tables drawn without ruling lines: rows and columns found from where the text stands.
//!
//! Without borders a line of text is not a row. A label wrapped in its cell stands on lines of
//! its own, a merged label's lines fall between other rows, and a blank cell leaves only a
//! wider gap. So a body of value lines takes its columns from where its numbers stand, a label
//! cell is the lines stacked in one place, and a row's label is the innermost cell beside its
//! numbers. Each body becomes a grid, a row per value line and a blank cell an empty cell, as
//! a ruled table does. A body this model does not fit is left as drawn, and the table reader
//! declines what it cannot place.

use super::{cell_text, is_number, is_page_number, join_runs, Cell, Line, Table, TextRun, SNAP};
use crate::text::sort;

/// A gap wider than this (in ems) between runs of a line parts two cells: a cell's own text
/// has no gap wider than a space.
const CELL_GAP: f64 = 0.45;

/// A body of more lines than this is left as drawn: no page of a report's table has so many,
/// and placing labels compares every line's cells with every other's.
const MAX_BODY_LINES: usize = 400;

/// Runs on one baseline, left to right.
pub(super) struct RunLine<'a> {
    pub y: f64,
    pub size: f64,
    pub runs: Vec<&'a TextRun>,
}

/// Runs of a line between two wide gaps: one cell's text on that line.
struct Chunk<'a> {
    runs: &'a [&'a TextRun],
    /// Its own baseline: runs of other cells a little higher or lower share its line.
    y: f64,
    x0: f64,
    x1: f64,
    text: String,
    value: bool,
}

impl Chunk<'_> {
    fn overlaps(&self, other: &Chunk) -> bool {
        self.x0 < other.x1 - SNAP && other.x0 < self.x1 - SNAP
    }
}

/// A one-row cell of a grid.
fn cell(row: usize, col: usize, colspan: usize, text: String) -> Cell {
    Cell {
        row,
        col,
        rowspan: 1,
        colspan,
        text,
    }
}

/// A line as drawn: its baseline and chunks.
struct Drawn<'a> {
    y: f64,
    size: f64,
    chunks: Vec<Chunk<'a>>,
    /// `- 1 -`: never a row, whatever its pieces look like.
    page_number: bool,
}

impl<'a> Drawn<'a> {
    fn new(line: &'a RunLine<'a>) -> Drawn<'a> {
        let mut chunks: Vec<Chunk> = Vec::new();
        let mut start = 0;
        for i in 1..=line.runs.len() {
            let wide = line.runs.get(i).is_some_and(|run| {
                let before = line.runs[i - 1];
                run.x - (before.x + before.width) > CELL_GAP * run.size
            });
            if i == line.runs.len() || wide {
                let runs = &line.runs[start..i];
                let text = join_runs(runs, " ");
                chunks.push(Chunk {
                    runs,
                    y: runs[0].y,
                    x0: runs[0].x,
                    x1: runs.iter().map(|r| r.x + r.width).fold(f64::MIN, f64::max),
                    value: is_number(&text),
                    text,
                });
                start = i;
            }
        }
        Drawn {
            y: line.y,
            size: line.size,
            chunks,
            page_number: is_page_number(&join_runs(&line.runs, "\t")),
        }
    }

    /// Where the line's trailing values begin (the chunks after its last label chunk).
    fn first_value(&self) -> usize {
        self.chunks
            .iter()
            .rposition(|c| !c.value)
            .map_or(0, |i| i + 1)
    }

    /// Numbers after a label, or several apart: a table's row.
    fn is_row(&self) -> bool {
        let values = self.values().len();
        !self.page_number && (values >= 2 || (values == 1 && !self.labels().is_empty()))
    }

    fn values(&self) -> &[Chunk<'a>] {
        &self.chunks[self.first_value()..]
    }

    fn labels(&self) -> &[Chunk<'a>] {
        &self.chunks[..self.first_value()]
    }

    /// The line as drawn: a gap over a character's width a tab.
    fn plain(&self) -> Piece {
        let runs: Vec<&TextRun> = self
            .chunks
            .iter()
            .flat_map(|c| c.runs.iter().copied())
            .collect();
        Piece::Line(Line {
            y: self.y,
            size: self.size,
            text: join_runs(&runs, "\t"),
        })
    }
}

/// A line of a page, or a table drawn without rules with its top.
pub(super) enum Piece {
    Line(Line),
    Table(f64, Table),
}

/// A page's loose lines, top to bottom, with the bodies of tables drawn without rules made
/// grids.
pub(super) fn lay_out<'a>(lines: &'a [RunLine<'a>]) -> Vec<Piece> {
    let drawn: Vec<Drawn> = lines.iter().map(Drawn::new).collect();
    let mut out = Vec::new();
    let mut next = 0;
    while next < drawn.len() {
        let seed = (next..drawn.len()).find(|&i| drawn[i].is_row());
        let (from, to) = seed.map_or((drawn.len(), drawn.len()), |seed| {
            body_around(&drawn, next, seed)
        });
        lay_out_between(&drawn[next..from], &mut out);
        match Body::new(&drawn[from..to]).and_then(|body| body.table()) {
            Some((top, table)) => out.push(Piece::Table(top, table)),
            None => out.extend(drawn[from..to].iter().map(Drawn::plain)),
        }
        next = to;
    }
    out
}

/// Lines outside the bodies: as drawn, except a header over rows that are all blank.
fn lay_out_between(drawn: &[Drawn], out: &mut Vec<Piece>) {
    let mut next = 0;
    while next < drawn.len() {
        match blank_rows(&drawn[next..]) {
            Some((rows, top, table)) => {
                out.push(Piece::Table(top, table));
                next += rows;
            }
            None => {
                out.push(drawn[next].plain());
                next += 1;
            }
        }
    }
}

/// A header line (a label's heading, then the columns' headings) over label lines with no
/// numbers: a table whose cells are all blank, as a grid of the header and the labels. Returns
/// how many lines it took.
fn blank_rows(drawn: &[Drawn]) -> Option<(usize, f64, Table)> {
    let header = drawn.first()?;
    let chunks = &header.chunks;
    if chunks.len() < 2 || !header.values().is_empty() || chunks[1].x0 <= chunks[0].x1 {
        return None;
    }
    let cut = chunks[1].x0 - SNAP;
    let mut end = 1;
    // A label stands under the label's heading, alone on its line.
    let label = |line: &Drawn| {
        line.values().is_empty()
            && line.chunks.len() == 1
            && line.chunks[0].x1 < cut
            && line.chunks[0].overlaps(&chunks[0])
    };
    while end < drawn.len().min(MAX_BODY_LINES)
        && label(&drawn[end])
        && drawn[end - 1].y - drawn[end].y <= 2.5 * drawn[end].size
    {
        end += 1;
    }
    if end == 1 {
        return None;
    }
    let columns: Vec<(f64, f64)> = chunks[1..].iter().map(|c| (c.x0, c.x1)).collect();
    let body = Body {
        lines: &drawn[1..end],
        columns,
    };
    let mut cells: Vec<Cell> = chunks
        .iter()
        .enumerate()
        .map(|(col, chunk)| cell(0, col, 1, cell_text(chunk.runs)))
        .collect();
    let stacks = body.stacks();
    for (k, stack) in stacks.iter().enumerate() {
        cells.push(cell(k + 1, 0, 1, body.stack_text(stack)));
        cells.extend((1..chunks.len()).map(|col| cell(k + 1, col, 1, String::new())));
    }
    let table = body.grid(1, stacks.len() + 1, cells);
    Some((end, header.y + header.size, table))
}

/// The lines `from..to` of the body that holds the value line `seed`: label lines above it,
/// then value lines and label lines until a line reaches into the values' columns.
fn body_around(drawn: &[Drawn], not_before: usize, seed: usize) -> (usize, usize) {
    let right_end = |chunks: &[Chunk]| chunks.iter().map(|c| c.x1).fold(f64::MIN, f64::max);
    let left_end = |chunks: &[Chunk]| chunks.iter().map(|c| c.x0).fold(f64::MAX, f64::min);
    let mut values_from = left_end(drawn[seed].values());
    let mut labels_to = right_end(drawn[seed].labels());
    let label_only = |d: &Drawn, values_from: f64| {
        !d.page_number && d.values().is_empty() && right_end(&d.chunks) < values_from - SNAP
    };
    // A label line above the body is the body's when it is a line's height from it (the
    // first row's label wrapped above its numbers); below, every label line is (a blank row
    // looks like a heading: as a grid row without numbers, a heading is read as one).
    let near = |a: &Drawn, b: &Drawn| a.y - b.y <= 1.5 * a.size.max(b.size);
    let mut from = seed;
    while from > not_before
        && label_only(&drawn[from - 1], values_from)
        && near(&drawn[from - 1], &drawn[from])
    {
        from -= 1;
    }
    let mut to = seed + 1;
    while to < drawn.len() {
        let line = &drawn[to];
        let (values, labels) = (line.values(), line.labels());
        let row = !line.page_number
            && !values.is_empty()
            && left_end(values) > labels_to + SNAP
            && right_end(labels) < values_from - SNAP;
        if !(row || label_only(line, values_from)) {
            break;
        }
        values_from = values_from.min(left_end(values));
        labels_to = labels_to.max(right_end(labels));
        to += 1;
    }
    (from, to)
}

/// A row of a body's grid: where it stands, its label stacks, and whether a value line is its.
struct GridRow {
    y: f64,
    labels: Vec<usize>,
    has_values: bool,
}

/// A table body: value lines and the label lines among them.
struct Body<'a> {
    lines: &'a [Drawn<'a>],
    /// Each value column's extent, left to right.
    columns: Vec<(f64, f64)>,
}

/// Label chunks stacked on consecutive lines in one place: one cell's text.
struct Stack {
    /// (line, chunk) pairs, top to bottom.
    parts: Vec<(usize, usize)>,
    top: f64,
    bottom: f64,
    x0: f64,
    /// The right end of its widest line: the innermost label beside a row ends furthest right.
    x1: f64,
}

impl<'a> Body<'a> {
    /// The body's value columns, where its numbers stand; `None` when two numbers of one line
    /// fall in one column.
    fn new(lines: &'a [Drawn<'a>]) -> Option<Body<'a>> {
        if lines.len() > MAX_BODY_LINES {
            return None;
        }
        let mut values: Vec<&Chunk> = lines.iter().flat_map(|l| l.values()).collect();
        sort::sort_by_key(&mut values, |c| u128::from(sort::float(c.x0)));
        let mut columns: Vec<(f64, f64)> = Vec::new();
        for chunk in values {
            match columns.last_mut() {
                Some(column) if chunk.x0 < column.1 - SNAP => column.1 = column.1.max(chunk.x1),
                _ => columns.push((chunk.x0, chunk.x1)),
            }
        }
        let body = Body { lines, columns };
        let distinct = lines.iter().all(|line| {
            let mut seen: Vec<usize> = line.values().iter().map(|c| body.column(c)).collect();
            seen.dedup();
            seen.len() == line.values().len()
        });
        distinct.then_some(body)
    }

    fn column(&self, chunk: &Chunk) -> usize {
        self.columns
            .iter()
            .position(|&(x0, x1)| chunk.x0 >= x0 - SNAP && chunk.x1 <= x1 + SNAP)
            .unwrap_or(usize::MAX)
    }

    /// The body as a grid: a row per value line, its label cells (the innermost beside its
    /// numbers, and the merged ones that begin above it) then one cell per value column, a
    /// blank cell empty. `None` when a row's label is not clear, or the body has no labels.
    fn table(&self) -> Option<(f64, Table)> {
        let stacks = self.stacks();
        if stacks.is_empty() {
            return None;
        }
        let rows: Vec<usize> = (0..self.lines.len())
            .filter(|&i| !self.lines[i].values().is_empty())
            .collect();
        let owner = self.owners(&stacks, &rows)?;
        let grid_rows = self.grid_rows(&stacks, &rows, &owner);
        let label_cols = grid_rows
            .iter()
            .map(|r| r.labels.len())
            .max()
            .unwrap_or(1)
            .max(1);
        let mut cells = Vec::new();
        let mut row_lines = rows.iter();
        for (row, grid_row) in grid_rows.iter().enumerate() {
            let mut col = 0;
            for (k, &s) in grid_row.labels.iter().enumerate() {
                let last = k + 1 == grid_row.labels.len();
                let colspan = if last { label_cols - col } else { 1 };
                cells.push(cell(row, col, colspan, self.stack_text(&stacks[s])));
                col += colspan;
            }
            if grid_row.labels.is_empty() {
                cells.push(cell(row, 0, label_cols, String::new()));
            }
            let values = grid_row
                .has_values
                .then(|| row_lines.next())
                .flatten()
                .map(|&line| self.row_values(&self.lines[line]));
            let values = values.unwrap_or_else(|| vec![String::new(); self.columns.len()]);
            for (c, text) in values.into_iter().enumerate() {
                cells.push(cell(row, label_cols + c, 1, text));
            }
        }
        let top = stacks
            .iter()
            .map(|s| s.top)
            .chain(rows.iter().map(|&row| self.lines[row].y))
            .fold(f64::MIN, f64::max);
        Some((
            top + self.lines[0].size,
            self.grid(label_cols, grid_rows.len(), cells),
        ))
    }

    /// For each stack, the row (index into `rows`) it is the label of: the innermost stack
    /// beside the row's numbers. `None` when a row has none, or one stack is two rows'.
    fn owners(&self, stacks: &[Stack], rows: &[usize]) -> Option<Vec<Option<usize>>> {
        let mut owner: Vec<Option<usize>> = vec![None; stacks.len()];
        for (r, &row) in rows.iter().enumerate() {
            let y = self.lines[row].values()[0].y;
            let beside = (0..stacks.len())
                .filter(|&s| stacks[s].top + SNAP >= y && y >= stacks[s].bottom - SNAP)
                .max_by(|&a, &b| stacks[a].x1.total_cmp(&stacks[b].x1))?;
            if owner[beside].replace(r).is_some() {
                return None;
            }
        }
        Some(owner)
    }

    /// The grid's rows top to bottom, each with its label stacks left to right. A stack of no
    /// single row is a merged label when the next row's label stands right of it, and goes
    /// with that row; else it is a row of blank cells.
    fn grid_rows(&self, stacks: &[Stack], rows: &[usize], owner: &[Option<usize>]) -> Vec<GridRow> {
        let mut grid_rows: Vec<GridRow> = rows
            .iter()
            .map(|&row| GridRow {
                y: self.lines[row].values()[0].y,
                labels: Vec::new(),
                has_values: true,
            })
            .collect();
        for (s, stack) in stacks.iter().enumerate() {
            if let Some(r) = owner[s] {
                grid_rows[r].labels.push(s);
                continue;
            }
            let below = rows
                .iter()
                .position(|&row| self.lines[row].values()[0].y <= stack.top + SNAP);
            let merged = below.is_some_and(|r| {
                let inner = owner.iter().position(|&o| o == Some(r));
                inner.is_some_and(|i| stacks[i].x0 >= stack.x1 - SNAP)
            });
            match below {
                Some(r) if merged => grid_rows[r].labels.push(s),
                _ => grid_rows.push(GridRow {
                    y: stack.top,
                    labels: vec![s],
                    has_values: false,
                }),
            }
        }
        sort::sort_by_key(&mut grid_rows, |r| u128::from(sort::float_descending(r.y)));
        for row in &mut grid_rows {
            sort::sort_by_key(&mut row.labels, |&s| u128::from(sort::float(stacks[s].x1)));
        }
        grid_rows
    }

    /// The grid's column edges: the label columns share the space left of the values, whose
    /// edges fall midway between their columns.
    fn grid(&self, label_cols: usize, rows: usize, cells: Vec<Cell>) -> Table {
        let left = self
            .lines
            .iter()
            .flat_map(|l| &l.chunks)
            .map(|c| c.x0)
            .fold(f64::MAX, f64::min);
        let values_from = self.columns[0].0 - SNAP;
        let mut xs: Vec<f64> = (0..label_cols)
            .map(|k| left + (values_from - left) * k as f64 / label_cols as f64)
            .collect();
        xs.push(values_from);
        for pair in self.columns.windows(2) {
            xs.push((pair[0].1 + pair[1].0) / 2.0);
        }
        xs.push(self.columns[self.columns.len() - 1].1 + SNAP);
        Table { xs, rows, cells }
    }

    /// A value line's fields, one per column: a blank cell is an empty field.
    fn row_values(&self, line: &Drawn) -> Vec<String> {
        let mut fields = vec![String::new(); self.columns.len()];
        for chunk in line.values() {
            fields[self.column(chunk)] = chunk.text.clone();
        }
        fields
    }

    fn stack_text(&self, stack: &Stack) -> String {
        let runs: Vec<&TextRun> = stack
            .parts
            .iter()
            .flat_map(|&(l, c)| self.lines[l].chunks[c].runs.iter().copied())
            .collect();
        cell_text(&runs)
    }

    /// The label chunks stacked into cells: a chunk joins the stack whose last chunk is on
    /// the line just above (a line's height apart, not a cell's) and overlaps it.
    fn stacks(&self) -> Vec<Stack> {
        let mut stacks: Vec<Stack> = Vec::new();
        for (l, line) in self.lines.iter().enumerate() {
            let mut taken = Vec::new();
            for (c, chunk) in line.labels().iter().enumerate() {
                let joins = (0..stacks.len()).find(|&s| {
                    let (last_line, last_chunk) = *stacks[s].parts.last().unwrap();
                    let above = &self.lines[last_line];
                    let above = &above.chunks[last_chunk];
                    last_line < l
                        && !taken.contains(&s)
                        && above.y - chunk.y <= 1.5 * line.size
                        && above.overlaps(chunk)
                });
                match joins {
                    Some(s) => {
                        let stack = &mut stacks[s];
                        stack.parts.push((l, c));
                        stack.bottom = chunk.y;
                        stack.x0 = stack.x0.min(chunk.x0);
                        stack.x1 = stack.x1.max(chunk.x1);
                        taken.push(s);
                    }
                    None => {
                        taken.push(stacks.len());
                        stacks.push(Stack {
                            parts: vec![(l, c)],
                            top: chunk.y,
                            bottom: chunk.y,
                            x0: chunk.x0,
                            x1: chunk.x1,
                        });
                    }
                }
            }
        }
        stacks
    }
}

#[cfg(test)]
mod tests {
    use super::super::{document, PdfContent, TextRun};

    /// A run of `text` in 10-point type, one em per character.
    fn run(x: f64, y: f64, text: &str) -> TextRun {
        TextRun {
            page: 0,
            x,
            y,
            width: 10.0 * text.chars().count() as f64,
            size: 10.0,
            text: text.to_string(),
        }
    }

    /// The grids' rows as their cells' texts joined by `|`.
    fn grid_rows(runs: Vec<TextRun>) -> Vec<String> {
        let doc = document(&PdfContent {
            runs,
            rules: Vec::new(),
        });
        let mut rows = Vec::new();
        for grid in &doc.grids {
            for row in 0..grid.rows {
                let cells: Vec<&str> = grid
                    .cells
                    .iter()
                    .filter(|c| c.row == row)
                    .map(|c| doc.cell_text(c))
                    .collect();
                rows.push(cells.join("|"));
            }
        }
        rows
    }

    #[test]
    fn a_wrapped_label_is_its_row_and_a_blank_cell_an_empty_one() {
        let rows = grid_rows(vec![
            run(0.0, 104.0, "规章"),
            run(200.0, 104.0, "12"),
            run(240.0, 104.0, "3"),
            run(280.0, 104.0, "15"),
            // Wrapped over two lines, its numbers between them; the middle cell blank.
            run(0.0, 86.0, "规范性"),
            run(200.0, 80.0, "7"),
            run(280.0, 80.0, "7"),
            run(0.0, 74.0, "文件"),
        ]);
        assert_eq!(rows, ["规章|12|3|15", "规范性文件|7||7"]);
    }

    #[test]
    fn a_merged_label_goes_with_the_row_below_its_top_and_a_lone_label_is_a_blank_row() {
        let rows = grid_rows(vec![
            run(0.0, 100.0, "（三）不予公开"),
            run(80.0, 100.0, "1.属于国家秘密"),
            run(240.0, 100.0, "0"),
            run(280.0, 100.0, "0"),
            run(80.0, 80.0, "2.其他法律"),
            run(240.0, 80.0, "1"),
            run(280.0, 80.0, "1"),
            // All its cells blank: no numbers beside it.
            run(80.0, 60.0, "3.危及"),
            run(80.0, 40.0, "4.保护"),
            run(240.0, 40.0, "2"),
            run(280.0, 40.0, "2"),
        ]);
        assert_eq!(
            rows,
            [
                "（三）不予公开|1.属于国家秘密|0|0",
                "2.其他法律|1|1",
                "3.危及||",
                "4.保护|2|2"
            ]
        );
    }

    #[test]
    fn a_header_over_labels_without_numbers_is_a_table_of_blank_cells() {
        let rows = grid_rows(vec![
            run(0.0, 100.0, "第二十条第（八）项"),
            run(0.0, 80.0, "信息内容"),
            run(200.0, 80.0, "本年收费金额"),
            run(0.0, 60.0, "行政事业性收费"),
            run(0.0, 30.0, "三、收到和处理政府信息公开申请情况"),
        ]);
        assert_eq!(rows, ["信息内容|本年收费金额", "行政事业性收费|"]);
    }

    #[test]
    fn a_page_number_in_pieces_under_a_table_is_not_a_row() {
        // pdf.js gives `- 1 -` as three pieces, which look like three values.
        let rows = grid_rows(vec![
            run(0.0, 100.0, "规章"),
            run(200.0, 100.0, "12"),
            run(240.0, 100.0, "3"),
            run(220.0, 40.0, "-"),
            run(232.0, 40.0, "1"),
            run(244.0, 40.0, "-"),
        ]);
        assert_eq!(rows, ["规章|12|3"]);
    }

    #[test]
    fn a_body_longer_than_any_page_is_left_as_drawn() {
        let mut runs = Vec::new();
        for k in 0..50_000 {
            let y = 1.0e6 - 20.0 * k as f64;
            runs.push(run(0.0, y, "行"));
            runs.push(run(200.0, y, "1"));
            runs.push(run(240.0, y, "2"));
        }
        let doc = document(&PdfContent {
            runs,
            rules: Vec::new(),
        });
        assert!(doc.grids.is_empty());
        assert_eq!(doc.text.lines().count(), 50_000);
        assert!(doc.text.starts_with("行\t1\t2\n"), "{:?}", &doc.text[..20]);
    }

    #[test]
    fn two_numbers_in_one_column_leave_the_lines_as_drawn() {
        let runs = vec![
            run(0.0, 100.0, "规章"),
            run(200.0, 100.0, "12"),
            run(240.0, 100.0, "3"),
            // 40 wide: over both columns above.
            run(195.0, 80.0, "12345"),
            run(0.0, 80.0, "文件"),
            run(270.0, 80.0, "4"),
        ];
        assert!(grid_rows(runs.clone()).is_empty());
        let doc = document(&PdfContent {
            runs,
            rules: Vec::new(),
        });
        assert_eq!(doc.text, "规章\t12\t3\n文件\t12345\t4\n");
    }
}
