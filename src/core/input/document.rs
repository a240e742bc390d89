//! A report read from a structured source (clipboard HTML, an `.html` file, a `.docx`): its
//! text, and its tables as cell grids whose cells point into that text.
//!
//! Every reader (the browser's DOM, the CLI's HTML parser, the .docx reader) feeds a
//! [`DocumentBuilder`]; the core then reads tables from the grids, so the rules don't care
//! where a grid came from. The text is what the page shows and what findings point into: prose
//! paragraphs one per line, each table row one line with its grid columns separated by tabs.

use crate::text::normalize;
use crate::text::sort;

/// How many rows a cell covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowSpan {
    /// HTML `rowspan` (1 for an ordinary cell; 0 is read as 1).
    Rows(usize),
    /// .docx `<w:vMerge/>` without `restart`: this cell continues the one above it.
    ContinueAbove,
}

/// One cell of a grid, at the top-left position it covers.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct GridCell {
    pub row: usize,
    pub col: usize,
    pub rowspan: usize,
    pub colspan: usize,
    /// Byte range of the cell's text in [`Document::text`] (empty for an empty cell).
    pub start: usize,
    pub end: usize,
}

/// A table as rows × grid columns. Positions covered by a merged cell hold no cell of their own.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Grid {
    pub rows: usize,
    pub cols: usize,
    /// In row-major order of their top-left positions.
    pub cells: Vec<GridCell>,
    /// Byte offset where each row's line starts in [`Document::text`].
    pub row_starts: Vec<usize>,
}

impl Grid {
    /// Whether every range of the grid lies in `text` on character boundaries, with one row
    /// start per row and cells inside the grid.
    pub fn fits(&self, text: &str) -> bool {
        let at = |offset: usize| text.is_char_boundary(offset);
        self.row_starts.len() == self.rows
            && self.row_starts.iter().all(|&s| at(s))
            && self.cells.iter().all(|c| {
                c.start <= c.end
                    && at(c.start)
                    && at(c.end)
                    && c.row < self.rows
                    && c.row + c.rowspan <= self.rows
                    && c.col + c.colspan <= self.cols
            })
    }

    /// The cell whose top-left position is `(row, col)`.
    pub fn cell_at(&self, row: usize, col: usize) -> Option<&GridCell> {
        self.cells.iter().find(|c| c.row == row && c.col == col)
    }

    /// The cell covering `(row, col)`, merged or not.
    pub fn covering(&self, row: usize, col: usize) -> Option<&GridCell> {
        self.cells.iter().find(|c| {
            (c.row..c.row + c.rowspan).contains(&row) && (c.col..c.col + c.colspan).contains(&col)
        })
    }
}

/// Normalised text plus the grids of its tables.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Document {
    pub text: String,
    pub grids: Vec<Grid>,
}

impl Document {
    /// A plain text (a paste, a `.txt` file): no grids.
    pub fn from_text(text: impl Into<String>) -> Document {
        Document {
            text: text.into(),
            grids: Vec::new(),
        }
    }

    /// The text of a cell.
    pub fn cell_text(&self, cell: &GridCell) -> &str {
        &self.text[cell.start..cell.end]
    }
}

/// Colspans and rowspans above this are read as this: no report table is that wide, and a
/// hostile `colspan=100000` must not make the text huge.
const MAX_SPAN: usize = 64;

enum Block {
    Paragraph(String),
    Table(Vec<Vec<PendingCell>>),
}

struct PendingCell {
    text: String,
    colspan: usize,
    rowspan: RowSpan,
    /// Grid columns skipped before this cell (.docx `w:gridBefore`).
    skip_before: usize,
}

/// Collects paragraphs and tables in document order; [`DocumentBuilder::finish`] lays them
/// out as text and grids.
#[derive(Default)]
pub struct DocumentBuilder {
    blocks: Vec<Block>,
    pending_skip: usize,
}

impl DocumentBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// A line of prose. Line breaks inside it are kept; empty lines are dropped.
    pub fn paragraph(&mut self, text: &str) {
        for line in text.split('\n') {
            let line = line.trim_matches(|c: char| c.is_whitespace());
            if !line.is_empty() {
                self.blocks.push(Block::Paragraph(line.to_string()));
            }
        }
    }

    /// Starts a table; rows and cells until the next [`paragraph`](Self::paragraph) or
    /// `begin_table` belong to it.
    pub fn begin_table(&mut self) {
        self.blocks.push(Block::Table(Vec::new()));
    }

    /// Starts a row of the current table (starting a table first if there is none).
    pub fn begin_row(&mut self) {
        self.pending_skip = 0;
        match self.blocks.last_mut() {
            Some(Block::Table(rows)) => rows.push(Vec::new()),
            _ => self.blocks.push(Block::Table(vec![Vec::new()])),
        }
    }

    /// Leaves `columns` grid columns empty before the next cell of this row (.docx `w:gridBefore`).
    pub fn skip_columns(&mut self, columns: usize) {
        self.pending_skip += columns.min(MAX_SPAN);
    }

    /// A cell of the current row. Its text's line breaks and tabs become spaces.
    pub fn cell(&mut self, text: &str, colspan: usize, rowspan: RowSpan) {
        if !matches!(self.blocks.last(), Some(Block::Table(rows)) if !rows.is_empty()) {
            self.begin_row();
        }
        let text: String = text
            .trim_matches(|c: char| c.is_whitespace())
            .chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect();
        let skip_before = std::mem::take(&mut self.pending_skip);
        if let Some(Block::Table(rows)) = self.blocks.last_mut() {
            if let Some(row) = rows.last_mut() {
                row.push(PendingCell {
                    text,
                    colspan: colspan.clamp(1, MAX_SPAN),
                    rowspan,
                    skip_before,
                });
            }
        }
    }

    /// Lays out the text and the grids. Tables without cells are dropped.
    pub fn finish(self) -> Document {
        let mut document = Document::default();
        for block in self.blocks {
            match block {
                Block::Paragraph(text) => {
                    document.text.push_str(&normalize(&text));
                    document.text.push('\n');
                }
                Block::Table(rows) if too_large(&rows) => as_lines(&rows, &mut document.text),
                Block::Table(rows) => {
                    if rows.iter().any(|r| !r.is_empty()) {
                        match place_spans(&rows) {
                            Some(placed) => {
                                let grid = write_grid(placed, &mut document.text);
                                document.grids.push(grid);
                            }
                            None => as_lines(&rows, &mut document.text),
                        }
                    }
                }
            }
        }
        document
    }
}

/// Grid columns and positions (rows × columns) a table may have: every row's line has a tab
/// per column, so a hostile page (one row of 50,000 cells over thousands of rows) would make
/// the text huge. No report table comes near these.
const MAX_COLUMNS: usize = 256;
const MAX_POSITIONS: usize = 1 << 20;

/// Whether a table is too wide, or too wide for its length, to lay out as a grid (an upper
/// bound of its width: each row's colspans and skipped columns).
fn too_large(rows: &[Vec<PendingCell>]) -> bool {
    let width = rows
        .iter()
        .map(|r| r.iter().map(|c| c.colspan + c.skip_before).sum::<usize>())
        .max()
        .unwrap_or(0);
    width > MAX_COLUMNS || width.saturating_mul(rows.len()) > MAX_POSITIONS
}

/// A table too large for a grid: each row a line of its cells, unpadded.
fn as_lines(rows: &[Vec<PendingCell>], text: &mut String) {
    for row in rows.iter().filter(|r| !r.is_empty()) {
        let cells: Vec<String> = row.iter().map(|c| normalize(&c.text)).collect();
        text.push_str(&cells.join("\t"));
        text.push('\n');
    }
}

/// The cells of a table placed on its grid: each with its row, column and spans, and its text.
struct Placed {
    cells: Vec<(GridCell, String)>,
    rows: usize,
    cols: usize,
}

/// Places each cell at the first free column of its row after those it skips, a cell that
/// continues a vertical merge growing the cell above instead. `None` when the grid really
/// built grows wider than [`MAX_COLUMNS`] or covers more than [`MAX_POSITIONS`] (rowspans
/// push the cells of the rows below to the right: a "staircase" of spans is far wider than
/// its rows' colspans add up to).
fn place_spans(rows: &[Vec<PendingCell>]) -> Option<Placed> {
    let rows: Vec<&Vec<PendingCell>> = rows.iter().filter(|r| !r.is_empty()).collect();
    let row_count = rows.len();
    let mut positions = 0usize;
    // occupied[row][col]: the index of the cell covering it.
    let mut occupied: Vec<Vec<Option<usize>>> = vec![Vec::new(); row_count];
    let mut cells: Vec<(GridCell, String)> = Vec::new();
    for (r, row) in rows.into_iter().enumerate() {
        let mut col = 0;
        for pending in row {
            col += pending.skip_before;
            while occupied[r].get(col).copied().flatten().is_some() {
                col += 1;
            }
            let span = pending.colspan;
            if col + span > MAX_COLUMNS {
                return None;
            }
            let continued = match pending.rowspan {
                RowSpan::ContinueAbove if r > 0 => occupied[r - 1].get(col).copied().flatten(),
                _ => None,
            };
            let index = match continued {
                Some(above) => {
                    cells[above].0.rowspan += 1;
                    above
                }
                None => {
                    let rowspan = match pending.rowspan {
                        RowSpan::Rows(n) => n.clamp(1, (row_count - r).min(MAX_SPAN)),
                        RowSpan::ContinueAbove => 1,
                    };
                    let cell = GridCell {
                        row: r,
                        col,
                        rowspan,
                        colspan: span,
                        start: 0,
                        end: 0,
                    };
                    cells.push((cell, pending.text.clone()));
                    cells.len() - 1
                }
            };
            let rowspan = if continued.is_some() {
                1
            } else {
                cells[index].0.rowspan
            };
            for covered in &mut occupied[r..r + rowspan] {
                if covered.len() < col + span {
                    positions += col + span - covered.len();
                    if positions > MAX_POSITIONS {
                        return None;
                    }
                    covered.resize(col + span, None);
                }
                for slot in &mut covered[col..col + span] {
                    *slot = Some(index);
                }
            }
            col += span;
        }
    }
    let cols = occupied.iter().map(Vec::len).max().unwrap_or(0);
    if cols.saturating_mul(row_count) > MAX_POSITIONS {
        return None;
    }
    Some(Placed {
        cols,
        cells,
        rows: row_count,
    })
}

/// Writes a placed table into `text`, a row per line and its columns separated by tabs, and
/// gives each cell its byte range there.
fn write_grid(placed: Placed, text: &mut String) -> Grid {
    let Placed {
        cells,
        rows: row_count,
        cols,
    } = placed;
    let mut grid = Grid {
        rows: row_count,
        cols,
        cells: Vec::with_capacity(cells.len()),
        row_starts: Vec::with_capacity(row_count),
    };
    let mut by_position: Vec<usize> = (0..cells.len()).collect();
    sort::sort_by_key(&mut by_position, |&i| {
        sort::pair(cells[i].0.row as u64, cells[i].0.col as u64)
    });
    let mut next = by_position.into_iter().peekable();
    for r in 0..row_count {
        grid.row_starts.push(text.len());
        for c in 0..cols {
            if c > 0 {
                text.push('\t');
            }
            if let Some(&i) = next.peek() {
                let (cell, content) = &cells[i];
                if cell.row == r && cell.col == c {
                    let start = text.len();
                    text.push_str(&normalize(content));
                    let mut cell = cell.clone();
                    cell.start = start;
                    cell.end = text.len();
                    grid.cells.push(cell);
                    next.next();
                }
            }
        }
        text.push('\n');
    }
    grid
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(doc: &Document, grid: usize) -> Vec<(usize, usize, usize, usize, String)> {
        doc.grids[grid]
            .cells
            .iter()
            .map(|c| {
                let t = doc.cell_text(c).to_string();
                (c.row, c.col, c.rowspan, c.colspan, t)
            })
            .collect()
    }

    #[test]
    fn html_rowspan_and_colspan() {
        let mut b = DocumentBuilder::new();
        b.paragraph("三、收到和处理政府信息公开申请情况");
        b.begin_table();
        b.begin_row();
        b.cell("本列数据的勾稽关系", 3, RowSpan::Rows(2));
        b.cell("申请人情况", 2, RowSpan::Rows(1));
        b.begin_row();
        b.cell("自然人", 1, RowSpan::Rows(1));
        b.cell("总计", 1, RowSpan::Rows(1));
        b.begin_row();
        b.cell("一、本年新收", 3, RowSpan::Rows(1));
        b.cell("１２", 1, RowSpan::Rows(1));
        b.cell("", 1, RowSpan::Rows(1));
        let doc = b.finish();
        assert_eq!(doc.grids.len(), 1);
        let grid = &doc.grids[0];
        assert_eq!((grid.rows, grid.cols), (3, 5));
        assert_eq!(
            texts(&doc, 0),
            [
                (0, 0, 2, 3, "本列数据的勾稽关系".into()),
                (0, 3, 1, 2, "申请人情况".into()),
                (1, 3, 1, 1, "自然人".into()),
                (1, 4, 1, 1, "总计".into()),
                (2, 0, 1, 3, "一、本年新收".into()),
                (2, 3, 1, 1, "12".into()),
                (2, 4, 1, 1, "".into()),
            ]
        );
        assert_eq!(
            doc.text,
            "三、收到和处理政府信息公开申请情况\n本列数据的勾稽关系\t\t\t申请人情况\t\n\t\t\t自然人\t总计\n一、本年新收\t\t\t12\t\n"
        );
        assert_eq!(grid.covering(1, 1).map(|c| c.row), Some(0));
        // The text is already normalised, so offsets survive the checker's own normalising.
        assert_eq!(normalize(&doc.text), doc.text);
    }

    #[test]
    fn docx_vertical_merge_and_grid_before() {
        let mut b = DocumentBuilder::new();
        b.begin_table();
        b.begin_row();
        b.cell("（三）不予公开", 1, RowSpan::Rows(1));
        b.cell("1．属于国家秘密", 1, RowSpan::Rows(1));
        b.cell("0", 1, RowSpan::Rows(1));
        b.begin_row();
        b.cell("", 1, RowSpan::ContinueAbove);
        b.cell("2．其他法律行政法规禁止公开", 1, RowSpan::Rows(1));
        b.cell("1", 1, RowSpan::Rows(1));
        b.begin_row();
        b.skip_columns(2);
        b.cell("3", 1, RowSpan::Rows(1));
        let doc = b.finish();
        let cells = texts(&doc, 0);
        assert_eq!(cells[0], (0, 0, 2, 1, "（三）不予公开".into()));
        assert_eq!(cells[3], (1, 1, 1, 1, "2.其他法律行政法规禁止公开".into()));
        assert_eq!(cells.last().unwrap(), &(2, 2, 1, 1, "3".into()));
        assert_eq!(doc.grids[0].cols, 3);
    }

    #[test]
    fn tables_too_wide_are_lines_not_grids() {
        let mut b = DocumentBuilder::new();
        b.begin_row();
        for _ in 0..=MAX_COLUMNS {
            b.cell("1", 1, RowSpan::Rows(1));
        }
        b.begin_row();
        b.cell("其他", 1, RowSpan::Rows(1));
        let doc = b.finish();
        assert!(doc.grids.is_empty());
        assert_eq!(doc.text.len(), 2 * (MAX_COLUMNS + 1) + "其他\n".len());
    }

    #[test]
    fn a_staircase_of_spans_is_lines_not_a_huge_grid() {
        // Four cells a row, each 64 wide and 64 high: the rows' colspans add up to 256, but
        // the rowspans push each row's cells right of the ones above.
        let mut builder = DocumentBuilder::new();
        builder.begin_table();
        for _ in 0..4096 {
            builder.begin_row();
            for _ in 0..4 {
                builder.cell("1", 64, RowSpan::Rows(64));
            }
        }
        let doc = builder.finish();
        assert!(doc.grids.is_empty());
        assert_eq!(doc.text, "1\t1\t1\t1\n".repeat(4096));
    }

    #[test]
    fn hostile_spans_stay_small() {
        let mut b = DocumentBuilder::new();
        b.cell("x", 100_000, RowSpan::Rows(100_000));
        b.begin_row();
        b.cell("y", 0, RowSpan::Rows(0));
        let doc = b.finish();
        assert_eq!(doc.grids[0].cols, MAX_SPAN + 1);
        assert!(doc.text.len() < 200);
    }
}
