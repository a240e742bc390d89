//! PDF files read exactly: the fixtures' truth tables and random valid tables of both templates,
//! laid out as Word exports a report to PDF — Chinese text in an Identity-H font with a
//! ToUnicode map (or, as older tools write it, an unembedded STSong-Light in UniGB-UCS2-H or
//! GBK-EUC-H), labels wrapped in their cells, merged cells, ruling lines per cell, page
//! numbers, tables broken across pages (a merged cell split by the break) — read by the CLI's
//! reader (`nianbao::native::open`). Each grid must equal what was drawn, cell for cell, and the
//! checked tables the values written.

use serde_json::Value;

mod common;

use common::grid::{
    cells_read, check_json, fixture_prose, random_set, tables, template_of, wrong_cells, Cell,
    GridStyle, Table, Values,
};
use common::pdf_writer::{text_width, FontKind, PdfWriter, PAGE_WIDTH};
use common::Rng;

const LEFT: f64 = 60.0;
const TOP: f64 = 780.0;
const BOTTOM: f64 = 70.0;
/// Space between a cell's border and its text.
const PAD: f64 = 2.5;

/// How one file is laid out.
#[derive(Clone, Copy, Debug)]
struct Look {
    size: f64,
    /// The tables' width (points).
    width: f64,
    /// Labels start at the cell's left (else centred, as numbers always are).
    labels_left: bool,
    grid: GridStyle,
    font: FontKind,
    /// Borders drawn (else the tables are text positioned on the page, nothing more).
    ruled: bool,
}

impl Look {
    fn random(rng: &mut Rng) -> Look {
        Look {
            size: rng.pick(&[9.0, 10.0, 10.5]),
            width: 430.0 + rng.below(46) as f64,
            labels_left: rng.chance(50),
            grid: GridStyle {
                slash_blanks: rng.chance(50),
                grid_before: false,
                word_noise: rng.chance(50),
                full_width_stop: rng.chance(50),
            },
            font: rng.pick(&[
                FontKind::Identity,
                FontKind::Identity,
                FontKind::Identity,
                FontKind::Ucs2,
                FontKind::Gbk,
            ]),
            ruled: true,
        }
    }

    fn lead(&self) -> f64 {
        self.size * 1.3
    }
}

/// What the renderings covered, printed by each test.
#[derive(Debug, Default)]
struct Tally {
    files: usize,
    pages: usize,
    tables_broken_across_pages: usize,
    cells_split_by_a_break: usize,
    cells_compared: usize,
    /// Files in each font coding: Identity-H, UniGB-UCS2-H, GBK-EUC-H.
    fonts: [usize; 3],
}

// --------------------------------------------------------------------------- text flow

/// The pages being written and where the next line goes.
struct Flow {
    pdf: PdfWriter,
    /// Top of the free space on the page (y upwards).
    y: f64,
    look: Look,
}

impl Flow {
    fn new(look: Look) -> Flow {
        let mut flow = Flow {
            pdf: PdfWriter::new(look.font),
            y: TOP,
            look,
        };
        flow.new_page();
        flow
    }

    /// A new page, its number at the foot as `- n -`.
    fn new_page(&mut self) {
        self.pdf.new_page();
        let number = format!("- {} -", self.pdf.page_count());
        let x = (PAGE_WIDTH - text_width(&number, 9.0)) / 2.0;
        self.pdf.text(x, 40.0, 9.0, &number);
        self.y = TOP;
    }

    /// A paragraph wrapped to the text width, one PDF line per line.
    fn paragraph(&mut self, text: &str) {
        let size = self.look.size;
        for line in wrap(text.trim(), PAGE_WIDTH - 2.0 * LEFT, size) {
            if self.y - self.look.lead() < BOTTOM {
                self.new_page();
            }
            self.y -= self.look.lead();
            self.pdf.text(LEFT, self.y + 0.25 * size, size, &line);
        }
    }
}

/// `text` in lines no wider than `width`, broken between characters but not inside a run of
/// ASCII letters and digits (a number is never split) unless the run fills a whole line.
fn wrap(text: &str, width: f64, size: f64) -> Vec<String> {
    let mut lines = Vec::new();
    for part in text.split('\n') {
        let mut line: Vec<char> = Vec::new();
        for c in part.chars().map(|c| if c == '\t' { ' ' } else { c }) {
            let wide = text_width(&line.iter().collect::<String>(), size)
                + text_width(&c.to_string(), size);
            if wide > width && !line.is_empty() {
                let word = line
                    .iter()
                    .rev()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .count();
                let keep = if c.is_ascii_alphanumeric() && word < line.len() {
                    line.len() - word
                } else {
                    line.len()
                };
                let carried = line.split_off(keep);
                lines.push(line.into_iter().collect());
                line = carried;
            }
            line.push(c);
        }
        if !line.is_empty() {
            lines.push(line.into_iter().collect());
        }
    }
    lines
}

/// Lines of one cell joined as the reader joins them: no break, a space only between two
/// ASCII letters or digits.
fn joined(lines: &[String]) -> String {
    let mut text = String::new();
    for line in lines {
        if text.ends_with(|c: char| c.is_ascii_alphanumeric())
            && line.starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            text.push(' ');
        }
        text.push_str(line.trim());
    }
    text
}

// --------------------------------------------------------------------------- tables

/// Column widths as fractions of the table's width: label columns wider, values equal.
fn column_shares(table: &Table) -> Vec<f64> {
    match table.cols {
        4 => vec![0.40, 0.20, 0.20, 0.20],
        10 => {
            let mut shares = vec![0.06, 0.08, 0.22];
            shares.extend([0.64 / 7.0; 7]);
            shares
        }
        n => vec![1.0 / n as f64; n],
    }
}

/// Where each row of a drawn table went: its page and its top on it.
struct Placed {
    page: Vec<usize>,
    top: Vec<f64>,
    heights: Vec<f64>,
}

impl Placed {
    /// Rows `from..to` split where the pages break.
    fn fragments(&self, from: usize, to: usize) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        for row in from..to {
            match out.last_mut() {
                Some(last) if self.page[last.0] == self.page[row] => last.1 = row + 1,
                _ => out.push((row, row + 1)),
            }
        }
        out
    }
}

/// Draws `table` at the flow's position, breaking it across pages where a row does not fit;
/// returns the cells the reader should find.
fn draw_table(flow: &mut Flow, table: &Table, rng: &mut Rng, tally: &mut Tally) -> Vec<Cell> {
    let look = flow.look;
    let shares: Vec<f64> = column_shares(table)
        .iter()
        .map(|s| s * (0.9 + rng.below(21) as f64 / 100.0))
        .collect();
    let total: f64 = shares.iter().sum();
    let mut xs = vec![LEFT];
    for share in &shares {
        xs.push(xs.last().unwrap() + share / total * look.width);
    }
    let texts: Vec<Vec<String>> = table
        .cells
        .iter()
        .map(|c| {
            wrap(
                &c.text,
                xs[c.col + c.colspan] - xs[c.col] - 2.0 * PAD,
                look.size,
            )
        })
        .collect();
    let placed = place_rows(flow, table, &texts);
    let mut expected = Vec::new();
    for (cell, lines) in table.cells.iter().zip(&texts) {
        let on_rows = cell_lines(cell, lines, &placed, look);
        let fragments = placed.fragments(cell.row, cell.row + cell.rowspan);
        tally.cells_split_by_a_break += fragments.len() - 1;
        // Cut by a page break, a merged cell is drawn as a box on each page; the reader joins
        // them again, except a two-row cell cut in the middle: two one-row boxes look like two
        // rows (a header's 自然人 over the break), and the template's reader takes them so.
        let single_rows = fragments.iter().all(|(from, to)| to - from == 1);
        for &(from, to) in &fragments {
            if look.ruled {
                draw_box(flow, &placed, &xs, cell, from, to);
            }
            if single_rows && fragments.len() > 1 {
                let inside: Vec<String> = on_rows
                    .iter()
                    .filter(|(row, ..)| (from..to).contains(row))
                    .map(|(.., line)| line.clone())
                    .collect();
                expected.push(Cell {
                    row: from,
                    rowspan: 1,
                    text: joined(&inside),
                    ..cell.clone()
                });
            }
        }
        if !(single_rows && fragments.len() > 1) {
            let all: Vec<String> = on_rows.iter().map(|(.., line)| line.clone()).collect();
            expected.push(Cell {
                text: joined(&all),
                ..cell.clone()
            });
        }
        for (row, baseline, line) in on_rows {
            let width = xs[cell.col + cell.colspan] - xs[cell.col];
            let number = line
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | '/' | '-'));
            let x = if look.labels_left && !number {
                xs[cell.col] + PAD
            } else {
                xs[cell.col] + (width - text_width(&line, look.size)) / 2.0
            };
            flow.pdf
                .text_on(placed.page[row], x, baseline, look.size, &line);
        }
    }
    if placed.page[0] != placed.page[table.rows - 1] {
        tally.tables_broken_across_pages += 1;
    }
    expected.sort_by_key(|c| (c.row, c.col));
    expected
}

/// Row heights from the lines their cells hold (a merged cell's lines grow its last row),
/// and each row's page and top: a row that does not fit goes to a new page.
fn place_rows(flow: &mut Flow, table: &Table, texts: &[Vec<String>]) -> Placed {
    let look = flow.look;
    let need = |lines: &[String]| lines.len().max(1) as f64 * look.lead() + 2.0 * PAD;
    let mut heights = vec![look.size * 1.8; table.rows];
    for (cell, lines) in table.cells.iter().zip(texts) {
        if cell.rowspan == 1 {
            heights[cell.row] = heights[cell.row].max(need(lines));
        }
    }
    for (cell, lines) in table.cells.iter().zip(texts) {
        let rows = cell.row..cell.row + cell.rowspan;
        let have: f64 = heights[rows.clone()].iter().sum();
        if need(lines) > have {
            heights[rows.end - 1] += need(lines) - have;
        }
    }
    let mut placed = Placed {
        page: Vec::new(),
        top: Vec::new(),
        heights,
    };
    for row in 0..table.rows {
        if flow.y - placed.heights[row] < BOTTOM && flow.y < TOP {
            flow.new_page();
        }
        placed.page.push(flow.pdf.page_count() - 1);
        placed.top.push(flow.y);
        flow.y -= placed.heights[row];
    }
    flow.y -= look.lead();
    placed
}

/// A cell's lines centred in it, as (row, baseline on that row's page, text): the cell is laid
/// out as if unbroken and each line goes to the row its middle falls in.
fn cell_lines(
    cell: &Cell,
    lines: &[String],
    placed: &Placed,
    look: Look,
) -> Vec<(usize, f64, String)> {
    let rows = cell.row..cell.row + cell.rowspan;
    let offset = |row: usize| -> f64 { placed.heights[cell.row..row].iter().sum() };
    let height = offset(rows.end);
    let start = (height - lines.len() as f64 * look.lead()) / 2.0;
    lines
        .iter()
        .enumerate()
        .map(|(k, line)| {
            let baseline = start + k as f64 * look.lead() + 0.75 * look.lead();
            let middle = baseline - 0.3 * look.size;
            let row = rows
                .clone()
                .rfind(|&r| offset(r) <= middle)
                .unwrap_or(cell.row);
            (
                row,
                placed.top[row] - (baseline - offset(row)),
                line.clone(),
            )
        })
        .collect()
}

/// The four borders of rows `from..to` of `cell`, on their page.
fn draw_box(flow: &mut Flow, placed: &Placed, xs: &[f64], cell: &Cell, from: usize, to: usize) {
    let page = placed.page[from];
    let top = placed.top[from];
    let bottom = top - placed.heights[from..to].iter().sum::<f64>();
    let (left, right) = (xs[cell.col], xs[cell.col + cell.colspan]);
    flow.pdf.line_on(page, left, top, right, top);
    flow.pdf.line_on(page, left, bottom, right, bottom);
    flow.pdf.line_on(page, left, top, left, bottom);
    flow.pdf.line_on(page, right, top, right, bottom);
}

// --------------------------------------------------------------------------- a report

/// A report as a PDF: the prose around the tables wrapped to the page, the three tables
/// after their headings. Returns the file and the cells of each table as drawn.
fn report_pdf(
    before: &str,
    after: &str,
    tables: &[Table; 3],
    look: Look,
    rng: &mut Rng,
    tally: &mut Tally,
) -> (Vec<u8>, Vec<Vec<Cell>>) {
    let mut flow = Flow::new(look);
    let headings = [
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
    ];
    for line in before.lines() {
        flow.paragraph(line.trim_start_matches('#'));
    }
    let mut drawn = Vec::new();
    for (heading, table) in headings.iter().zip(tables) {
        flow.paragraph(heading);
        drawn.push(draw_table(&mut flow, table, rng, tally));
    }
    for line in after.lines() {
        flow.paragraph(line.trim_start_matches('#'));
    }
    tally.files += 1;
    tally.fonts[look.font as usize] += 1;
    tally.pages += flow.pdf.page_count();
    (flow.pdf.finish(), drawn)
}

/// The grids read from `pdf` against the cells drawn; what differs.
fn compare_grids(
    doc: &nianbao::Document,
    drawn: &[Vec<Cell>],
    what: &str,
    tally: &mut Tally,
) -> Vec<String> {
    if doc.grids.len() != drawn.len() {
        return vec![format!(
            "{what}: {} grids, drew {}",
            doc.grids.len(),
            drawn.len()
        )];
    }
    let mut problems = Vec::new();
    for (i, (grid, want)) in doc.grids.iter().zip(drawn).enumerate() {
        let got = cells_read(doc, grid);
        let want: Vec<Cell> = want
            .iter()
            .map(|c| Cell {
                text: nianbao::text::normalize(&c.text),
                ..c.clone()
            })
            .collect();
        if got != want {
            let first = got.iter().zip(&want).find(|(g, w)| g != w);
            problems.push(format!(
                "{what}: grid {i}: {} cells read, {} drawn; first difference {first:?}",
                got.len(),
                want.len()
            ));
        }
        tally.cells_compared += want.len();
    }
    problems
}

fn read(pdf: &[u8], what: &str) -> nianbao::Document {
    if let Ok(dir) = std::env::var("PDF_KEEP") {
        let name = what.split(' ').take(2).collect::<Vec<_>>().join("_");
        std::fs::write(format!("{dir}/{name}.pdf"), pdf).unwrap();
    }
    nianbao::native::open("report.pdf", pdf).unwrap_or_else(|e| panic!("{what}: {e}"))
}

// --------------------------------------------------------------------------- tests

#[test]
fn fixture_tables_exported_as_pdf_read_back_exactly_and_check_like_their_truth() {
    let mut tally = Tally::default();
    let mut problems = Vec::new();
    for (name, truth, text) in common::fixtures() {
        let values = Values {
            template: template_of(&truth),
            tables: truth["tables"].as_object().unwrap().clone(),
        };
        let mut rng = Rng::new(name.len() as u64);
        for round in 0..3 {
            let look = Look::random(&mut rng);
            let what = format!("{name} round {round} {look:?}");
            let (before, after) = fixture_prose(&text);
            let before = before
                .trim_end()
                .trim_end_matches("二、主动公开政府信息情况");
            let written = tables(&values, look.grid);
            let (pdf, drawn) = report_pdf(before, &after, &written, look, &mut rng, &mut tally);
            let doc = read(&pdf, &what);
            problems.extend(compare_grids(&doc, &drawn, &what, &mut tally));
            let got = check_json(&doc);
            if got["template"] != truth["template"] {
                problems.push(format!("{what}: template {}", got["template"]));
            }
            problems.extend(wrong_cells(&got, &values.tables, &what));
            let rules: Vec<&str> = got["findings"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|f| f["rule"].as_str())
                .collect();
            let expected = truth["expected_rules"].as_array().unwrap();
            for rule in expected.iter().filter_map(Value::as_str) {
                if !rules.contains(&rule) {
                    problems.push(format!("{what}: expected {rule}, got {rules:?}"));
                }
            }
        }
    }
    println!("fixture tables as PDF: {tally:?}");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(tally.tables_broken_across_pages > 10, "{tally:?}");
}

#[test]
fn random_valid_tables_exported_as_pdf_read_back_exactly() {
    let sets: u64 = std::env::var("PDF_SETS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let mut tally = Tally::default();
    let mut problems = Vec::new();
    for seed in 0..sets {
        let (mut rng, set, values) = random_set(seed);
        let template = values.template;
        let look = Look::random(&mut rng);
        let what = format!("seed {seed} {look:?}");
        let (year, agency) = (set.year, set.agency);
        let before = format!(
            "{agency}{year}年政府信息公开工作年度报告\n本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。\n一、总体情况\n{year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，推进决策、执行、管理、服务、结果公开。"
        );
        let after = format!(
            "五、存在的主要问题及改进情况\n一是政策解读形式较为单一。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n{agency}\n{}年1月10日",
            year + 1
        );
        let written = tables(&values, look.grid);
        let (pdf, drawn) = report_pdf(&before, &after, &written, look, &mut rng, &mut tally);
        let doc = read(&pdf, &what);
        problems.extend(compare_grids(&doc, &drawn, &what, &mut tally));
        let got = check_json(&doc);
        if got["template"] != template.id() {
            problems.push(format!("{what}: template {}", got["template"]));
        }
        problems.extend(wrong_cells(&got, &values.tables, &what));
    }
    println!("random tables as PDF: {tally:?}");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert!(tally.cells_split_by_a_break > 0, "{tally:?}");
}

/// `STSong-Light` in `UniGB-UCS2-H`, not embedded and without a ToUnicode map (the fuzz seed
/// `ruled_table.pdf`, as iText writes Chinese): the CLI reads its text and its table, as the
/// page does with pdf.js's CMaps.
#[test]
fn an_unembedded_chinese_font_in_a_predefined_cmap_is_read() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz/corpus/pdf/ruled_table.pdf");
    let doc = read(&std::fs::read(path).unwrap(), "ruled_table.pdf");
    assert!(doc.text.starts_with("一、总体情况\n"), "{:?}", doc.text);
    let grid = &doc.grids[0];
    let cells: Vec<&str> = grid.cells.iter().map(|c| doc.cell_text(c)).collect();
    assert_eq!(cells, ["总计", "12", "自然人", "7", "", ""]);
}

/// Tables drawn without borders: positioned text only. The reader has no grid to go by; what
/// it reads must be right, and what it cannot read is declined, never an error on a valid
/// report. The same random sets as the ruled test, drawn without rules (`UNRULED_SETS`,
/// default 200).
#[test]
fn unruled_tables_are_read_right_or_declined() {
    let sets: u64 = std::env::var("UNRULED_SETS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let mut tally = Tally::default();
    let (mut exact, mut declined, mut wrong) = (0, 0, Vec::new());
    for seed in 0..sets {
        let (mut rng, set, values) = random_set(seed);
        let look = Look {
            ruled: false,
            ..Look::random(&mut rng)
        };
        let what = format!("seed {seed} {look:?}");
        let before = format!(
            "{}{}年政府信息公开工作年度报告\n一、总体情况\n本机关认真贯彻落实条例。",
            set.agency, set.year
        );
        let after = "五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。";
        let written = tables(&values, look.grid);
        let (pdf, _) = report_pdf(&before, after, &written, look, &mut rng, &mut tally);
        let got = check_json(&read(&pdf, &what));
        let misread: Vec<String> = wrong_cells(&got, &values.tables, &what)
            .into_iter()
            .filter(|w| !w.ends_with("got null"))
            .collect();
        let errors: Vec<String> = got["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] == "error")
            .map(|f| format!("{what}: {}", f["rule"]))
            .collect();
        if wrong_cells(&got, &values.tables, &what).is_empty() {
            exact += 1;
        } else {
            declined += 1;
        }
        wrong.extend(misread);
        wrong.extend(errors);
    }
    println!("unruled tables: {exact} read exactly, {declined} declined in part; {tally:?}");
    assert!(
        wrong.is_empty(),
        "{} wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}
