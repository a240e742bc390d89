//! Pasting a copied table as HTML: the clipboard's `text/html` (from a browser, Word or WPS)
//! is parsed by the browser's own `DOMParser` and laid out by the rules of [`crate::input::dom`],
//! so the tables are read from their cells instead of from text whose cells ran together.

use std::rc::Rc;

use wasm_bindgen::JsCast;

use crate::input::dom::{self, Node};
use crate::input::{html, Document, Grid};
use crate::model::Report;

fn convert(node: &web_sys::Node, depth: usize) -> Option<Node> {
    match node.node_type() {
        web_sys::Node::TEXT_NODE => node.node_value().map(Node::Text),
        web_sys::Node::ELEMENT_NODE => {
            let element: &web_sys::Element = node.dyn_ref()?;
            let children = if depth >= dom::MAX_DEPTH {
                vec![Node::Text(node.text_content().unwrap_or_default())]
            } else {
                let list = node.child_nodes();
                (0..list.length())
                    .filter_map(|i| list.item(i))
                    .filter_map(|child| convert(&child, depth + 1))
                    .collect()
            };
            Some(Node::element(
                &element.local_name(),
                dom::span_attribute(element.get_attribute("colspan").as_deref()),
                dom::span_attribute(element.get_attribute("rowspan").as_deref()),
                children,
            ))
        }
        _ => None,
    }
}

/// The tree of a page's body, parsed by the browser (the web app's HTML parser).
pub fn parse_html(html: &str) -> Option<Node> {
    // An inert document: its scripts do not run and nothing is loaded.
    let parser = web_sys::DomParser::new().ok()?;
    let page = parser
        .parse_from_string(html, web_sys::SupportedType::TextHtml)
        .ok()?;
    convert(&page.body()?.into(), 0)
}

/// The document of a page's HTML, parsed by the browser.
pub fn document_of_html(page: &str) -> Option<Document> {
    html::document(page, &parse_html).ok()
}

/// The document of pasted HTML when it has a table; `None` otherwise (a plain paste).
pub fn document_from_html(html: &str) -> Option<Document> {
    if !html.to_ascii_lowercase().contains("<table") {
        return None;
    }
    document_of_html(html).filter(|document| !document.grids.is_empty())
}

/// `document` pasted between `before` and `after` (each then on lines of its own): the
/// whole text, and the grids moved to where the document stands in it.
pub fn insert(before: &str, document: Document, after: &str) -> (String, Vec<Grid>) {
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
    (text, grids)
}

/// How many of the report's tables were read from `grids` (their cells are grid cells).
pub fn tables_from_grids(report: &Report, grids: &[Grid]) -> usize {
    let ranges: std::collections::HashSet<(usize, usize)> = grids
        .iter()
        .flat_map(|g| g.cells.iter().map(|c| (c.start, c.end)))
        .collect();
    [
        &report.tables.active,
        &report.tables.requests,
        &report.tables.review_litigation,
    ]
    .into_iter()
    .flatten()
    .filter(|table| {
        let mut cells = table.cells().map(|(_, c)| c).peekable();
        cells.peek().is_some() && cells.all(|c| ranges.contains(&(c.start, c.end)))
    })
    .count()
}

/// The grids that come with a pasted text, kept while the text is exactly that.
#[derive(Clone)]
pub struct PastedGrids {
    pub text: Rc<str>,
    pub grids: Rc<Vec<Grid>>,
}
