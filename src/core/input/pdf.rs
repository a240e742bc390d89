//! A PDF as its reader gives it — positioned runs of text and the ruling lines drawn on each
//! page — laid out as a [`Document`]: prose one line per baseline, and each ruled table as a
//! grid of cells, so that the tables are read like a .docx's and the rules never know where a
//! grid came from.
//!
//! Reading the PDF itself is the adapter's (the CLI uses `pdf-extract`); everything here is
//! geometry. A table is a connected set of ruling lines: its columns are the x of its vertical
//! lines, its rows the y of its horizontal ones, and a missing line between two positions
//! merges them into one cell. A table that ends a page and one that starts the next with the
//! same columns are one table; page numbers (`-3-`, `— 4 —`) are dropped.

use std::fmt;

use super::document::{Document, DocumentBuilder, RowSpan};
use crate::text::sort;

mod unruled;

/// A run of text on one baseline, in PDF user space (points, y upwards).
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    pub page: usize,
    /// Left end of the run, and its baseline.
    pub x: f64,
    pub y: f64,
    pub width: f64,
    /// Font size as drawn (the height of a line of it).
    pub size: f64,
    pub text: String,
}

impl TextRun {
    /// The middle of the run's glyphs (a little above the baseline): what places it in a cell.
    fn middle(&self) -> (f64, f64) {
        (self.x + self.width / 2.0, self.y + self.size * 0.3)
    }
}

/// A straight ruling line segment (a table border), in the same space.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rule {
    pub page: usize,
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

/// What an adapter read from a PDF.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PdfContent {
    pub runs: Vec<TextRun>,
    pub rules: Vec<Rule>,
}

impl PdfContent {
    /// The content, or [`PdfError::NoText`] when no run has any text (a scan, or text with no
    /// Unicode mapping): what every adapter's reader says of such a file.
    pub fn with_text(self) -> Result<Self, PdfError> {
        if self.runs.iter().all(|r| r.text.trim().is_empty()) {
            return Err(PdfError::NoText);
        }
        Ok(self)
    }
}

/// Why a PDF could not be read; its `Display` is what the user is told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PdfError {
    /// This adapter cannot read PDFs (yet).
    NotHere,
    /// Not a PDF its reader could parse.
    Unreadable,
    /// Encrypted: the text cannot be read without the password.
    Encrypted,
    /// No text layer (a scan), or its text has no Unicode mapping.
    NoText,
    /// More pages, objects or text than any report has.
    TooLarge,
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            PdfError::NotHere => super::docx::PDF_ADVICE,
            PdfError::Unreadable => "这个 PDF 文件读不出来（文件可能已损坏）。请用 PDF 阅读器打开它，全选复制文字后粘贴检查，或改用报告的 Word 文件或网页。",
            PdfError::Encrypted => "这个 PDF 文件加了密，读不出文字。请用 PDF 阅读器打开它，全选复制文字后粘贴检查，或改用报告的 Word 文件或网页。",
            PdfError::NoText => "这个 PDF 文件里没有可读的文字（可能是扫描件或图片）。请改用报告的 Word 文件或网页，或把原文的文字粘贴进来检查。",
            PdfError::TooLarge => "这个 PDF 文件太大（页数或内容远超一份年度报告），没有读取。请只保留年度报告本身。",
        })
    }
}

impl std::error::Error for PdfError {}

/// Bytes, pages, glyphs and ruling lines no report comes near: over them a PDF is refused
/// ([`PdfError::TooLarge`]), not read slowly. Every adapter's reader keeps them.
pub const MAX_BYTES: usize = 50 << 20;
pub const MAX_PAGES: usize = 300;
pub const MAX_GLYPHS: usize = 1_000_000;
pub const MAX_RULES: usize = 200_000;

/// Coordinates closer than this (points) are the same line or the same edge.
const SNAP: f64 = 2.0;

/// The document of a PDF's content: its pages top to bottom, prose lines and tables in the
/// order they stand on the page.
pub fn document(content: &PdfContent) -> Document {
    let last_page = content.runs.iter().map(|r| r.page).max().unwrap_or(0);
    let mut blocks: Vec<Block> = Vec::new();
    for page in 0..=last_page {
        let runs: Vec<&TextRun> = content.runs.iter().filter(|r| r.page == page).collect();
        let rules: Vec<&Rule> = content.rules.iter().filter(|r| r.page == page).collect();
        for block in page_blocks(&runs, &rules) {
            push_joining_tables(&mut blocks, block);
        }
    }
    let mut builder = DocumentBuilder::new();
    for block in blocks {
        match block.kind {
            BlockKind::Line(text) => builder.paragraph(&text),
            BlockKind::Table(table) => emit_table(&mut builder, &table),
        }
    }
    builder.finish()
}

// --------------------------------------------------------------------------- a page's blocks

struct Block {
    /// The block's top (y upwards, so larger is higher).
    top: f64,
    kind: BlockKind,
}

enum BlockKind {
    Line(String),
    Table(Table),
}

/// A ruled table: column edges left to right, row edges top to bottom, and its cells.
struct Table {
    xs: Vec<f64>,
    rows: usize,
    cells: Vec<Cell>,
}

/// A cell: the grid positions it covers and its text.
struct Cell {
    row: usize,
    col: usize,
    rowspan: usize,
    colspan: usize,
    text: String,
}

/// A page's prose lines and tables, top to bottom; page numbers are left out.
fn page_blocks(runs: &[&TextRun], rules: &[&Rule]) -> Vec<Block> {
    let frames = ruled_frames(rules);
    let mut in_frame: Vec<Vec<&TextRun>> = vec![Vec::new(); frames.len()];
    let mut loose = Vec::new();
    for &run in runs {
        let (cx, cy) = run.middle();
        match frames.iter().position(|f| f.contains(cx, cy)) {
            Some(i) => in_frame[i].push(run),
            None => loose.push(run),
        }
    }
    let mut blocks: Vec<Block> = unruled::lay_out(&run_lines(&loose))
        .into_iter()
        .filter_map(|piece| match piece {
            unruled::Piece::Line(line) if is_page_number(&line.text) => None,
            unruled::Piece::Line(line) => Some(Block {
                top: line.y + line.size,
                kind: BlockKind::Line(line.text),
            }),
            unruled::Piece::Table(top, table) => Some(Block {
                top,
                kind: BlockKind::Table(table),
            }),
        })
        .collect();
    for (frame, runs) in frames.iter().zip(&in_frame) {
        blocks.push(Block {
            top: frame.ys[0],
            kind: BlockKind::Table(frame.table(runs)),
        });
    }
    sort::sort_by_key(&mut blocks, |b| u128::from(sort::float_descending(b.top)));
    blocks
}

/// Appends a block, joining a table to the one before it when nothing but a page break stands
/// between them and their outer edges are the same.
fn push_joining_tables(blocks: &mut Vec<Block>, block: Block) {
    if let (
        Some(Block {
            kind: BlockKind::Table(before),
            ..
        }),
        BlockKind::Table(next),
    ) = (blocks.last_mut(), &block.kind)
    {
        if same_outline(&before.xs, &next.xs) {
            let BlockKind::Table(next) = block.kind else {
                return;
            };
            before.append(next);
            return;
        }
    }
    blocks.push(block);
}

impl Table {
    /// Appends the part of this table on the next page. Their column edges are united (a part
    /// whose rows all merge two columns lacks the edge between them). A merged label cell cut
    /// by the page break is drawn as two boxes, one ending this part and one starting the
    /// next: they are one cell again ([`continues`]).
    fn append(&mut self, mut next: Table) {
        let xs = edges(self.xs.iter().chain(&next.xs).copied(), false);
        self.align_to(&xs);
        next.align_to(&xs);
        let offset = self.rows;
        self.rows += next.rows;
        // An empty cell below a header over values is a blank value, not the rest of a label.
        let header_over_values = !self
            .cells
            .iter()
            .any(|a| a.row + a.rowspan == offset && is_number(&a.text))
            && next.cells.iter().any(|b| b.row == 0 && is_number(&b.text));
        for cell in next.cells {
            let above = (cell.row == 0)
                .then(|| {
                    self.cells.iter_mut().find(|a| {
                        a.row + a.rowspan == offset
                            && a.col == cell.col
                            && a.colspan == cell.colspan
                    })
                })
                .flatten()
                .filter(|above| continues(above, &cell, header_over_values));
            match above {
                Some(above) => {
                    above.rowspan += cell.rowspan;
                    above.text.push_str(&cell.text);
                }
                None => self.cells.push(Cell {
                    row: cell.row + offset,
                    ..cell
                }),
            }
        }
        sort::sort_by_key(&mut self.cells, |c| sort::pair(c.row as u64, c.col as u64));
    }

    /// Column positions counted on `xs`, edges this table's and more.
    fn align_to(&mut self, xs: &[f64]) {
        let at = |x: f64| xs.iter().position(|&e| (e - x).abs() <= SNAP).unwrap_or(0);
        for cell in &mut self.cells {
            let (left, right) = (at(self.xs[cell.col]), at(self.xs[cell.col + cell.colspan]));
            cell.col = left;
            cell.colspan = right.saturating_sub(left).max(1);
        }
        self.xs = xs.to_vec();
    }
}

/// Whether `below`, first on a page, continues `above`, last on the page before: one of them
/// spans rows (a merged label) and either one is empty (the label's text stands on one page)
/// or `below` is the rest of a wrapped label, not a value or a new label (`（四）`, `三、`,
/// `2.`).
fn continues(above: &Cell, below: &Cell, header_over_values: bool) -> bool {
    let merged = above.rowspan > 1 || below.rowspan > 1;
    let empty =
        above.text.trim().is_empty() || (below.text.trim().is_empty() && !header_over_values);
    let rest_of_label =
        !(below.text.trim().is_empty() || starts_label(&below.text) || is_number(&below.text));
    merged && (empty || rest_of_label)
}

/// `（四）…`, `(4)…`, `三、…`, `2.…`: text that begins a label of its own.
fn starts_label(text: &str) -> bool {
    let text = text.trim_start();
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let mut chars = text.chars();
    match chars.next() {
        Some('（' | '(') => true,
        Some(c) if numeral(c) => {
            let rest: String = chars.skip_while(|&c| numeral(c)).take(1).collect();
            matches!(rest.as_str(), "、" | "." | "．" | "，")
        }
        _ => false,
    }
}

/// `12`, `3.5`, `1,024`, `/`: a value cell's text.
fn is_number(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | '-' | '%'))
}

/// Whether two tables have the same outer edges: one table, when a page break is all that
/// stands between them.
fn same_outline(a: &[f64], b: &[f64]) -> bool {
    let close = |x: f64, y: f64| (x - y).abs() <= SNAP;
    match (a.first(), a.last(), b.first(), b.last()) {
        (Some(&a0), Some(&a1), Some(&b0), Some(&b1)) => close(a0, b0) && close(a1, b1),
        _ => false,
    }
}

fn emit_table(builder: &mut DocumentBuilder, table: &Table) {
    builder.begin_table();
    let mut cells = table.cells.iter().peekable();
    for row in 0..table.rows {
        builder.begin_row();
        while let Some(cell) = cells.next_if(|c| c.row == row) {
            builder.cell(&cell.text, cell.colspan, RowSpan::Rows(cell.rowspan));
        }
    }
}

/// `-3-`, `— 4 —`, `第 5 页`: a page number standing alone on its line. A bare number is kept:
/// it may be a table's value.
fn is_page_number(line: &str) -> bool {
    let line = line.trim();
    let dashes = |c: char| c.is_whitespace() || matches!(c, '-' | '—' | '–' | '－');
    let (core, decorated) =
        if let Some(inner) = line.strip_prefix('第').and_then(|l| l.strip_suffix('页')) {
            (inner.trim(), true)
        } else {
            let core = line.trim_matches(dashes);
            (
                core,
                core.len() < line.len() && line.starts_with(dashes) && line.ends_with(dashes),
            )
        };
    decorated && !core.is_empty() && core.len() <= 4 && core.bytes().all(|b| b.is_ascii_digit())
}

// --------------------------------------------------------------------------- lines of text

/// A line of text: its runs on one baseline, joined left to right.
struct Line {
    y: f64,
    size: f64,
    text: String,
}

/// Runs grouped by baseline, top to bottom; within a line, a wide gap becomes a tab (cells of
/// a table drawn without rules) and a narrow one a space.
fn lines(runs: &[&TextRun]) -> Vec<Line> {
    run_lines(runs)
        .into_iter()
        .map(|line| Line {
            y: line.y,
            size: line.size,
            text: join_runs(&line.runs, "\t"),
        })
        .collect()
}

/// Runs grouped by baseline, top to bottom, each line's runs left to right.
fn run_lines<'a>(runs: &[&'a TextRun]) -> Vec<unruled::RunLine<'a>> {
    let mut sorted = runs.to_vec();
    sort::sort_by_key(&mut sorted, |r| {
        sort::pair(sort::float_descending(r.y), sort::float(r.x))
    });
    let mut groups: Vec<Vec<&TextRun>> = Vec::new();
    for run in sorted {
        match groups.last_mut() {
            Some(group) if (group[0].y - run.y).abs() < 0.4 * group[0].size.max(run.size) => {
                group.push(run)
            }
            _ => groups.push(vec![run]),
        }
    }
    groups
        .into_iter()
        .map(|mut group| {
            sort::sort_by_key(&mut group, |r| u128::from(sort::float(r.x)));
            unruled::RunLine {
                y: group[0].y,
                size: group.iter().map(|r| r.size).fold(0.0, f64::max),
                runs: group,
            }
        })
        .collect()
}

/// Runs of one line, left to right: a gap over a character's width becomes `wide`, a smaller
/// one over a quarter of it a space.
fn join_runs(runs: &[&TextRun], wide: &str) -> String {
    let mut text = String::new();
    let mut end: Option<f64> = None;
    for run in runs {
        if let Some(end) = end {
            let gap = run.x - end;
            if gap > run.size {
                text.push_str(wide);
            } else if gap > 0.25 * run.size {
                text.push(' ');
            }
        }
        text.push_str(&run.text);
        end = Some(run.x + run.width);
    }
    text
}

// --------------------------------------------------------------------------- ruled tables

/// A table's frame: the edges of its grid and the ruling lines that draw them.
struct Frame {
    /// Column edges, left to right.
    xs: Vec<f64>,
    /// Row edges, top to bottom.
    ys: Vec<f64>,
    horizontal: Vec<Segment>,
    vertical: Vec<Segment>,
}

/// A horizontal (at `at`, from `from` to `to` in x) or vertical (at x `at`, over y) segment.
#[derive(Clone, Copy, Debug)]
struct Segment {
    at: f64,
    from: f64,
    to: f64,
}

impl Segment {
    fn covers(&self, at: f64, along: f64) -> bool {
        (self.at - at).abs() <= SNAP && self.from - SNAP <= along && along <= self.to + SNAP
    }
}

/// The frames of the tables drawn by these rules: each connected set of horizontal and
/// vertical lines that makes at least one cell.
fn ruled_frames(rules: &[&Rule]) -> Vec<Frame> {
    let (horizontal, vertical) = segments(rules);
    let n = horizontal.len();
    let mut sets = DisjointSets::new(n + vertical.len());
    for (i, h) in horizontal.iter().enumerate() {
        for (j, v) in vertical.iter().enumerate() {
            if h.covers(h.at, v.at) && v.covers(v.at, h.at) {
                sets.join(i, n + j);
            }
        }
    }
    let mut frames = Vec::new();
    for members in sets.groups() {
        let hs: Vec<Segment> = members
            .iter()
            .filter(|&&m| m < n)
            .map(|&m| horizontal[m])
            .collect();
        let vs: Vec<Segment> = members
            .iter()
            .filter(|&&m| m >= n)
            .map(|&m| vertical[m - n])
            .collect();
        let xs = edges(vs.iter().map(|s| s.at), false);
        let ys = edges(hs.iter().map(|s| s.at), true);
        if xs.len() >= 2 && ys.len() >= 2 {
            frames.push(Frame {
                xs,
                ys,
                horizontal: hs,
                vertical: vs,
            });
        }
    }
    frames
}

/// The rules as horizontal and vertical segments (slanted ones and dots are not borders).
fn segments(rules: &[&Rule]) -> (Vec<Segment>, Vec<Segment>) {
    let mut horizontal = Vec::new();
    let mut vertical = Vec::new();
    for r in rules {
        let (dx, dy) = ((r.x1 - r.x0).abs(), (r.y1 - r.y0).abs());
        if dy <= 1.0 && dx > SNAP {
            horizontal.push(Segment {
                at: (r.y0 + r.y1) / 2.0,
                from: r.x0.min(r.x1),
                to: r.x0.max(r.x1),
            });
        } else if dx <= 1.0 && dy > SNAP {
            vertical.push(Segment {
                at: (r.x0 + r.x1) / 2.0,
                from: r.y0.min(r.y1),
                to: r.y0.max(r.y1),
            });
        }
    }
    (horizontal, vertical)
}

/// Distinct coordinates (those within [`SNAP`] of each other are one), ascending or, for rows
/// top to bottom, descending.
fn edges(values: impl Iterator<Item = f64>, descending: bool) -> Vec<f64> {
    let mut all: Vec<f64> = values.collect();
    sort::sort_by_key(&mut all, |&v| u128::from(sort::float(v)));
    let mut distinct: Vec<f64> = Vec::new();
    for value in all {
        if distinct.last().is_none_or(|&last| value - last > SNAP) {
            distinct.push(value);
        }
    }
    if descending {
        distinct.reverse();
    }
    distinct
}

impl Frame {
    fn contains(&self, x: f64, y: f64) -> bool {
        let (left, right) = (self.xs[0], self.xs[self.xs.len() - 1]);
        let (top, bottom) = (self.ys[0], self.ys[self.ys.len() - 1]);
        left <= x && x <= right && bottom <= y && y <= top
    }

    /// Whether the border between columns `col` and `col + 1` is drawn in row `row`.
    fn wall(&self, row: usize, col: usize) -> bool {
        let mid = (self.ys[row] + self.ys[row + 1]) / 2.0;
        self.vertical
            .iter()
            .any(|s| s.covers(self.xs[col + 1], mid))
    }

    /// Whether the border between rows `row` and `row + 1` is drawn in column `col`.
    fn floor(&self, row: usize, col: usize) -> bool {
        let mid = (self.xs[col] + self.xs[col + 1]) / 2.0;
        self.horizontal
            .iter()
            .any(|s| s.covers(self.ys[row + 1], mid))
    }

    /// The table: positions joined where no border is drawn, each cell holding the runs whose
    /// middle lies in it.
    fn table(&self, runs: &[&TextRun]) -> Table {
        let (rows, cols) = (self.ys.len() - 1, self.xs.len() - 1);
        let mut sets = DisjointSets::new(rows * cols);
        for row in 0..rows {
            for col in 0..cols {
                if col + 1 < cols && !self.wall(row, col) {
                    sets.join(row * cols + col, row * cols + col + 1);
                }
                if row + 1 < rows && !self.floor(row, col) {
                    sets.join(row * cols + col, (row + 1) * cols + col);
                }
            }
        }
        let mut cells: Vec<Cell> = sets
            .groups()
            .into_iter()
            .map(|members| {
                let rows_of = members.iter().map(|m| m / cols);
                let cols_of = members.iter().map(|m| m % cols);
                let (top, bottom) = (
                    rows_of.clone().min().unwrap_or(0),
                    rows_of.max().unwrap_or(0),
                );
                let (left, right) = (
                    cols_of.clone().min().unwrap_or(0),
                    cols_of.max().unwrap_or(0),
                );
                let inside: Vec<&TextRun> = runs
                    .iter()
                    .copied()
                    .filter(|r| {
                        let (cx, cy) = r.middle();
                        self.xs[left] <= cx
                            && cx <= self.xs[right + 1]
                            && self.ys[bottom + 1] <= cy
                            && cy <= self.ys[top]
                    })
                    .collect();
                Cell {
                    row: top,
                    col: left,
                    rowspan: bottom - top + 1,
                    colspan: right - left + 1,
                    text: cell_text(&inside),
                }
            })
            .collect();
        sort::sort_by_key(&mut cells, |c| sort::pair(c.row as u64, c.col as u64));
        Table {
            xs: self.xs.clone(),
            rows,
            cells,
        }
    }
}

/// A cell's text: its lines top to bottom, joined without a break (a label wrapped in its
/// cell is one label), with a space only between two ASCII letters or digits.
fn cell_text(runs: &[&TextRun]) -> String {
    let mut text = String::new();
    for line in lines(runs) {
        let joins_words = text.ends_with(|c: char| c.is_ascii_alphanumeric())
            && line.text.starts_with(|c: char| c.is_ascii_alphanumeric());
        if joins_words {
            text.push(' ');
        }
        text.push_str(&line.text.replace('\t', " "));
    }
    text
}

/// Union–find over `0..n`, for the positions of a cell and the lines of a frame.
struct DisjointSets(Vec<usize>);

impl DisjointSets {
    fn new(n: usize) -> Self {
        DisjointSets((0..n).collect())
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        self.0[a.max(b)] = a.min(b);
    }

    /// The sets, each in ascending order, ordered by their smallest member.
    fn groups(&mut self) -> Vec<Vec<usize>> {
        let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); self.0.len()];
        for i in 0..self.0.len() {
            let root = self.root(i);
            by_root[root].push(i);
        }
        by_root.into_iter().filter(|g| !g.is_empty()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(page: usize, x: f64, y: f64, text: &str) -> TextRun {
        let width = 10.0 * text.chars().count() as f64;
        TextRun {
            page,
            x,
            y,
            width,
            size: 10.0,
            text: text.to_string(),
        }
    }

    fn line(page: usize, x0: f64, y0: f64, x1: f64, y1: f64) -> Rule {
        Rule {
            page,
            x0,
            y0,
            x1,
            y1,
        }
    }

    /// A grid of `rows` × `cols` cells of 100 × 20 points, top edge at `top`, every border drawn
    /// except the vertical ones listed in `open` as (row, column edge).
    fn grid(page: usize, top: f64, rows: usize, cols: usize, open: &[(usize, usize)]) -> Vec<Rule> {
        let mut rules = Vec::new();
        for r in 0..=rows {
            let y = top - 20.0 * r as f64;
            rules.push(line(page, 0.0, y, 100.0 * cols as f64, y));
        }
        for c in 0..=cols {
            for r in 0..rows {
                if !open.contains(&(r, c)) {
                    let x = 100.0 * c as f64;
                    rules.push(line(
                        page,
                        x,
                        top - 20.0 * r as f64,
                        x,
                        top - 20.0 * (r + 1) as f64,
                    ));
                }
            }
        }
        rules
    }

    #[test]
    fn prose_lines_and_a_ruled_table_in_page_order() {
        let mut content = PdfContent::default();
        content
            .runs
            .push(run(0, 0.0, 300.0, "二、主动公开政府信息情况"));
        content.rules = grid(0, 250.0, 2, 3, &[]);
        content.runs.push(run(0, 5.0, 235.0, "信息内容"));
        content.runs.push(run(0, 105.0, 235.0, "本年制发件数"));
        content.runs.push(run(0, 205.0, 235.0, "现行有效件数"));
        content.runs.push(run(0, 5.0, 215.0, "规章"));
        content.runs.push(run(0, 105.0, 215.0, "0"));
        content.runs.push(run(0, 205.0, 215.0, "12"));
        content
            .runs
            .push(run(0, 0.0, 100.0, "三、收到和处理政府信息公开申请情况"));
        content.runs.push(run(0, 280.0, 20.0, "- 2 -"));
        let document = document(&content);
        assert_eq!(
            document.text,
            "二、主动公开政府信息情况\n信息内容\t本年制发件数\t现行有效件数\n规章\t0\t12\n三、收到和处理政府信息公开申请情况\n"
        );
        assert_eq!(document.grids.len(), 1);
        assert_eq!((document.grids[0].rows, document.grids[0].cols), (2, 3));
    }

    #[test]
    fn a_missing_border_merges_cells_and_a_wrapped_label_is_one() {
        // Row 0's border between columns 0 and 1 is not drawn: one cell over two columns.
        let mut content = PdfContent {
            rules: grid(0, 100.0, 2, 3, &[(0, 1)]),
            ..PdfContent::default()
        };
        content.runs.push(run(0, 5.0, 92.0, "法人或"));
        content.runs.push(run(0, 5.0, 84.0, "其他组织"));
        content.runs.push(run(0, 205.0, 85.0, "总计"));
        content.runs.push(run(0, 5.0, 65.0, "1"));
        content.runs.push(run(0, 105.0, 65.0, "2"));
        content.runs.push(run(0, 205.0, 65.0, "3"));
        let document = document(&content);
        let grid = &document.grids[0];
        let first = grid.cell_at(0, 0).unwrap();
        assert_eq!(
            (first.colspan, document.cell_text(first)),
            (2, "法人或其他组织")
        );
        assert_eq!(document.text, "法人或其他组织\t\t总计\n1\t2\t3\n");
    }

    #[test]
    fn a_table_continued_on_the_next_page_is_one_table() {
        let mut content = PdfContent {
            rules: grid(0, 100.0, 1, 2, &[]),
            ..PdfContent::default()
        };
        content.rules.extend(grid(1, 700.0, 1, 2, &[]));
        content.runs.push(run(0, 5.0, 85.0, "（一）予以公开"));
        content.runs.push(run(0, 105.0, 85.0, "5"));
        content.runs.push(run(0, 280.0, 20.0, "-3-"));
        content.runs.push(run(1, 5.0, 685.0, "（二）部分公开"));
        content.runs.push(run(1, 105.0, 685.0, "6"));
        let document = document(&content);
        assert_eq!(document.grids.len(), 1);
        assert_eq!(document.text, "（一）予以公开\t5\n（二）部分公开\t6\n");
    }

    /// The four borders of a cell at (`row`, `col`) spanning `rows` × `cols` in a grid of
    /// 100 × 20 point positions whose top edge is at `top`.
    fn cell_box(
        page: usize,
        top: f64,
        (row, col): (usize, usize),
        (rows, cols): (usize, usize),
    ) -> Vec<Rule> {
        let (x0, x1) = (100.0 * col as f64, 100.0 * (col + cols) as f64);
        let (y0, y1) = (top - 20.0 * row as f64, top - 20.0 * (row + rows) as f64);
        vec![
            line(page, x0, y0, x1, y0),
            line(page, x0, y1, x1, y1),
            line(page, x0, y0, x0, y1),
            line(page, x1, y0, x1, y1),
        ]
    }

    /// The cells of the document's one grid as (row, col, rowspan, colspan, text).
    fn cells(document: &Document) -> Vec<(usize, usize, usize, usize, String)> {
        assert_eq!(document.grids.len(), 1, "{:?}", document.text);
        let grid = &document.grids[0];
        grid.cells
            .iter()
            .map(|c| {
                (
                    c.row,
                    c.col,
                    c.rowspan,
                    c.colspan,
                    document.cell_text(c).to_string(),
                )
            })
            .collect()
    }

    /// Two columns: on page 0 a box over two rows in column 0 beside two one-row boxes, on
    /// page 1 one row of two boxes.
    fn label_over_a_page_break() -> PdfContent {
        let mut rules = cell_box(0, 100.0, (0, 0), (2, 1));
        rules.extend(cell_box(0, 100.0, (0, 1), (1, 1)));
        rules.extend(cell_box(0, 100.0, (1, 1), (1, 1)));
        rules.extend(cell_box(1, 700.0, (0, 0), (1, 1)));
        rules.extend(cell_box(1, 700.0, (0, 1), (1, 1)));
        PdfContent {
            rules,
            ..PdfContent::default()
        }
    }

    #[test]
    fn a_merged_label_cut_by_a_page_break_is_one_cell() {
        // Page 0: the label's empty box over two rows of values; page 1: its text in the box
        // over the third row.
        let mut content = label_over_a_page_break();
        content.runs.push(run(0, 105.0, 85.0, "1"));
        content.runs.push(run(0, 105.0, 65.0, "2"));
        content.runs.push(run(1, 5.0, 685.0, "（三）不予公开"));
        content.runs.push(run(1, 105.0, 685.0, "3"));
        let got = cells(&document(&content));
        assert_eq!(got[0], (0, 0, 3, 1, "（三）不予公开".to_string()));
        assert_eq!(got.len(), 4);
    }

    #[test]
    fn a_blank_value_under_a_header_on_the_next_page_stays_a_cell() {
        // Page 0: 结果维持 over two header rows; page 1: the values, the first one blank.
        let mut content = label_over_a_page_break();
        content.runs.push(run(0, 5.0, 75.0, "结果维持"));
        content.runs.push(run(0, 105.0, 85.0, "行政诉讼"));
        content.runs.push(run(0, 105.0, 65.0, "总计"));
        content.runs.push(run(1, 105.0, 685.0, "5"));
        let got = cells(&document(&content));
        assert_eq!(got[0], (0, 0, 2, 1, "结果维持".to_string()));
        assert!(got.contains(&(2, 0, 1, 1, String::new())), "{got:?}");
    }

    #[test]
    fn a_part_with_merged_columns_joins_the_table_before_it() {
        // Page 1's row merges columns 1 and 2, so its frame lacks their edge.
        let mut content = PdfContent {
            rules: grid(0, 100.0, 1, 3, &[]),
            ..PdfContent::default()
        };
        content.rules.extend(cell_box(1, 700.0, (0, 0), (1, 1)));
        content.rules.extend(cell_box(1, 700.0, (0, 1), (1, 2)));
        content.runs.push(run(0, 5.0, 85.0, "甲"));
        content.runs.push(run(0, 105.0, 85.0, "1"));
        content.runs.push(run(0, 205.0, 85.0, "2"));
        content.runs.push(run(1, 5.0, 685.0, "乙"));
        content.runs.push(run(1, 150.0, 685.0, "3"));
        let got = cells(&document(&content));
        assert_eq!(got.len(), 5, "{got:?}");
        assert_eq!(got[4], (1, 1, 1, 2, "3".to_string()));
    }

    #[test]
    fn unruled_columns_become_tabs() {
        let runs = [
            run(0, 0.0, 50.0, "规章"),
            run(0, 100.0, 50.0, "0"),
            run(0, 113.0, 50.0, "5"),
        ];
        let refs: Vec<&TextRun> = runs.iter().collect();
        let lines = lines(&refs);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "规章\t0 5");
    }

    #[test]
    fn page_numbers() {
        for number in ["-3-", "— 4 —", "- 12 -", "第 5 页", "第5页"] {
            assert!(is_page_number(number), "{number}");
        }
        for text in ["7", "2024", "一、总体情况", "-12345-", "-", "-3", "第五页"] {
            assert!(!is_page_number(text), "{text}");
        }
    }
}
