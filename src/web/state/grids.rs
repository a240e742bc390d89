//! The cell grids of a pasted table (clipboard HTML from a browser, Word or WPS, parsed by the
//! browser in `web/paste.rs`): moved to where the paste stands in the text, kept while the
//! text is that paste, and counted in the report.

use crate::text::sort;
use std::rc::Rc;

use crate::input::{Document, Grid};
use crate::model::Report;

/// The grids that come with a pasted text, kept while the text is exactly that.
#[derive(Clone)]
pub struct PastedGrids {
    pub text: Rc<str>,
    pub grids: Rc<Vec<Grid>>,
    /// From a file opened (.docx), not a paste: the page says which.
    pub from_file: bool,
}

/// `document` pasted between `before` and `after` (each then on lines of its own): the
/// whole text, and the grids moved to where the document stands in it.
pub fn insert(before: &str, document: Document, after: &str) -> Document {
    let mut text = String::with_capacity(before.len() + document.text.len() + after.len() + 2);
    text.push_str(before);
    if !before.is_empty() && !before.ends_with('\n') {
        text.push('\n');
    }
    // Offsets count in the normalised text; a line end before the document keeps the two
    // parts from normalising differently where they meet.
    let shift = crate::text::normalize(&text).len();
    text.push_str(&document.text);
    if !after.is_empty() && !after.starts_with('\n') && !document.text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(after);
    let mut grids = document.grids;
    for grid in &mut grids {
        for cell in &mut grid.cells {
            cell.start += shift;
            cell.end += shift;
        }
        for start in &mut grid.row_starts {
            *start += shift;
        }
    }
    Document { text, grids }
}

/// How many of the report's tables were read from `grids` (their cells are grid cells).
pub fn tables_from_grids(report: &Report, grids: &[Grid]) -> usize {
    let mut cells: Vec<u128> = grids
        .iter()
        .flat_map(|g| {
            g.cells
                .iter()
                .map(|c| sort::pair(c.start as u64, c.end as u64))
        })
        .collect();
    sort::sort_by_key(&mut cells, |&c| c);
    [
        &report.tables.active,
        &report.tables.requests,
        &report.tables.review_litigation,
    ]
    .into_iter()
    .flatten()
    .filter(|table| {
        let mut table_cells = table.cells().map(|(_, c)| c).peekable();
        table_cells.peek().is_some()
            && table_cells.all(|c| {
                cells
                    .binary_search(&sort::pair(c.start as u64, c.end as u64))
                    .is_ok()
            })
    })
    .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{DocumentBuilder, RowSpan};

    /// A pasted table of one row, `（一）予以公开` with 3 and 4.
    fn table() -> Document {
        let mut builder = DocumentBuilder::new();
        for field in ["（一）予以公开", "3", "4"] {
            builder.cell(field, 1, RowSpan::Rows(1));
        }
        builder.finish()
    }

    /// The text of each cell, in the normalised text the offsets count in.
    fn cells(document: &Document) -> Vec<String> {
        let normalised = crate::text::normalize(&document.text);
        document.grids[0]
            .cells
            .iter()
            .map(|c| normalised[c.start..c.end].to_string())
            .collect()
    }

    #[test]
    fn a_paste_stands_on_lines_of_its_own_with_its_cells_moved_along() {
        let pasted = insert("前言", table(), "后记");
        assert_eq!(pasted.text, "前言\n（一）予以公开\t3\t4\n后记");
        assert_eq!(cells(&pasted), ["（一）予以公开", "3", "4"]);
        let row_start = pasted.grids[0].row_starts[0];
        assert_eq!(row_start, "前言\n".len());
        assert!(pasted.grids[0].fits(&crate::text::normalize(&pasted.text)));
    }

    #[test]
    fn a_paste_at_the_start_or_between_lines_adds_no_line() {
        let alone = insert("", table(), "");
        assert_eq!(alone, table());
        let between = insert("前言\n", table(), "\n后记");
        assert_eq!(between.text, "前言\n（一）予以公开\t3\t4\n\n后记");
        assert_eq!(cells(&between), ["（一）予以公开", "3", "4"]);
    }

    /// Full-width digits before the paste are shorter once normalised: the cells count there.
    #[test]
    fn cells_are_moved_by_the_normalised_length_of_the_text_before() {
        let pasted = insert("２０２４年", table(), "");
        assert_eq!(cells(&pasted), ["（一）予以公开", "3", "4"]);
    }

    #[test]
    fn only_tables_read_wholly_from_cells_count() {
        let text = include_str!("../../../../shared/fixtures/003_2bb5014562e5e799.txt");
        let report = crate::check_text(text, &Default::default());
        assert_eq!(tables_from_grids(&report, &[]), 0);
        assert_eq!(tables_from_grids(&report, &table().grids), 0);
    }
}
