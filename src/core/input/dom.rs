//! How an HTML page becomes a [`Document`]: the one set of rules for the CLI's HTML parser
//! (`crate::html`) and the browser's `DOMParser` (the app's paste), which both turn their
//! tree into a [`Node`] tree and call [`document`].
//!
//! - Block elements (`p`, `div`, `h1`–`h6`, `li`, `tr` and cells outside a table grid, …) end a
//!   paragraph; `br` ends a line; other elements are inline; whitespace collapses as a
//!   browser shows it (kept in `pre`).
//! - `script`, `style`, `head` and the like are not text.
//! - Only an innermost table (one with no table inside) is a grid, with its `colspan` and
//!   `rowspan`; a table holding tables is page layout, read as paragraphs around its inner
//!   tables. A cell's paragraphs are joined with spaces.

use crate::input::document::{Document, DocumentBuilder, RowSpan};

/// An HTML tree, as much of it as the rules need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Node {
    Element {
        /// Lower-case local name (`td`, `p`).
        name: String,
        colspan: usize,
        rowspan: usize,
        /// A `table` somewhere below (so this table, if it is one, is layout).
        contains_table: bool,
        children: Vec<Node>,
    },
    Text(String),
}

/// Elements nested deeper than this keep only their text: a hostile page nested a million
/// deep must not overflow the stack.
pub const MAX_DEPTH: usize = 160;

impl Node {
    /// An element; `contains_table` is worked out from `children`.
    pub fn element(name: &str, colspan: usize, rowspan: usize, children: Vec<Node>) -> Node {
        let contains_table = children.iter().any(|c| match c {
            Node::Element {
                name,
                contains_table,
                ..
            } => name == "table" || *contains_table,
            Node::Text(_) => false,
        });
        Node::Element {
            name: name.to_ascii_lowercase(),
            colspan,
            rowspan,
            contains_table,
            children,
        }
    }

    fn name(&self) -> &str {
        match self {
            Node::Element { name, .. } => name,
            Node::Text(_) => "",
        }
    }

    fn children(&self) -> &[Node] {
        match self {
            Node::Element { children, .. } => children,
            Node::Text(_) => &[],
        }
    }
}

/// A `colspan` or `rowspan` attribute: missing or unreadable is 1.
pub fn span_attribute(value: Option<&str>) -> usize {
    value
        .and_then(|v| v.trim().parse::<usize>().ok())
        .unwrap_or(1)
}

/// Elements whose content is not text.
fn is_hidden(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "svg"
            | "math"
            | "object"
            | "iframe"
            | "select"
            | "button"
    )
}

/// Elements that start and end a paragraph.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "html"
            | "body"
            | "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "ul"
            | "table"
            | "caption"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
    )
}

/// Text with its paragraphs: lines collected until a block ends them.
#[derive(Default)]
struct Lines {
    lines: Vec<String>,
    current: String,
}

impl Lines {
    fn push_text(&mut self, text: &str, pre: bool) {
        if pre {
            self.current.push_str(text);
            return;
        }
        // Runs of ASCII whitespace are one space, as the page shows them.
        for c in text.chars() {
            if c.is_ascii_whitespace() {
                if !self.current.is_empty() && !self.current.ends_with(' ') {
                    self.current.push(' ');
                }
            } else {
                self.current.push(c);
            }
        }
    }

    fn end_line(&mut self) {
        let line = std::mem::take(&mut self.current);
        if !line.trim().is_empty() {
            self.lines.push(line);
        }
    }
}

/// The text of `node` (a table cell, or anything nested too deep): paragraphs as lines.
fn collect_text(node: &Node, lines: &mut Lines, pre: bool) {
    match node {
        Node::Text(text) => lines.push_text(text, pre),
        Node::Element { name, children, .. } => {
            if is_hidden(name) {
                return;
            }
            if name == "br" {
                lines.end_line();
                return;
            }
            let block = is_block(name);
            if block {
                lines.end_line();
            }
            let pre = pre || name == "pre";
            for child in children {
                collect_text(child, lines, pre);
            }
            if block {
                lines.end_line();
            }
        }
    }
}

struct Walker {
    builder: DocumentBuilder,
    lines: Lines,
}

impl Walker {
    fn flush(&mut self) {
        self.lines.end_line();
        for line in self.lines.lines.drain(..) {
            self.builder.paragraph(&line);
        }
    }

    fn walk(&mut self, node: &Node, pre: bool) {
        let Node::Element {
            name,
            contains_table,
            children,
            ..
        } = node
        else {
            if let Node::Text(text) = node {
                self.lines.push_text(text, pre);
            }
            return;
        };
        if is_hidden(name) {
            return;
        }
        match name.as_str() {
            "br" => self.lines.end_line(),
            "table" if !contains_table => {
                self.flush();
                self.table(node);
            }
            _ => {
                let block = is_block(name);
                if block {
                    self.lines.end_line();
                }
                let pre = pre || name == "pre";
                for child in children {
                    self.walk(child, pre);
                }
                if block {
                    self.lines.end_line();
                }
            }
        }
    }

    /// An innermost table: its caption as a paragraph, its rows as a grid.
    fn table(&mut self, table: &Node) {
        for caption in table.children().iter().filter(|c| c.name() == "caption") {
            collect_text(caption, &mut self.lines, false);
        }
        self.flush();
        self.builder.begin_table();
        let sections = table
            .children()
            .iter()
            .flat_map(|c| match c.name() {
                "thead" | "tbody" | "tfoot" => c.children(),
                _ => std::slice::from_ref(c),
            })
            .filter(|row| row.name() == "tr");
        for row in sections {
            self.builder.begin_row();
            for cell in row.children() {
                let Node::Element {
                    name,
                    colspan,
                    rowspan,
                    ..
                } = cell
                else {
                    continue;
                };
                if name != "td" && name != "th" {
                    continue;
                }
                let mut lines = Lines::default();
                collect_text(cell, &mut lines, false);
                lines.end_line();
                self.builder
                    .cell(&lines.lines.join(" "), *colspan, RowSpan::Rows(*rowspan));
            }
        }
    }
}

/// Lays out an HTML tree (its root, usually `<html>` or `<body>`) as text and grids.
pub fn document(root: &Node) -> Document {
    let mut walker = Walker {
        builder: DocumentBuilder::new(),
        lines: Lines::default(),
    };
    walker.walk(root, false);
    walker.flush();
    walker.builder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn el(name: &str, children: Vec<Node>) -> Node {
        Node::element(name, 1, 1, children)
    }

    fn text(t: &str) -> Node {
        Node::Text(t.to_string())
    }

    #[test]
    fn innermost_tables_are_grids_and_layout_tables_paragraphs() {
        let inner = el(
            "table",
            vec![el(
                "tbody",
                vec![el(
                    "tr",
                    vec![
                        el(
                            "td",
                            vec![
                                el("p", vec![text("（三）不予")]),
                                el("p", vec![text("公开")]),
                            ],
                        ),
                        Node::element("td", 2, 1, vec![text("1")]),
                        el("td", vec![text("2")]),
                    ],
                )],
            )],
        );
        let layout = el(
            "table",
            vec![el(
                "tr",
                vec![
                    el(
                        "td",
                        vec![text("导航"), el("script", vec![text("var x = 1;")])],
                    ),
                    el("td", vec![el("h1", vec![text("  年度\n 报告 ")]), inner]),
                ],
            )],
        );
        let doc = document(&el(
            "body",
            vec![
                layout,
                el("p", vec![text("五、"), el("br", vec![]), text("无")]),
            ],
        ));
        assert_eq!(
            doc.text,
            "导航\n年度 报告\n（三）不予 公开\t1\t\t2\n五、\n无\n"
        );
        assert_eq!(doc.grids.len(), 1);
        assert_eq!(doc.grids[0].cols, 4);
        assert_eq!(doc.cell_text(&doc.grids[0].cells[1]), "1");
        assert_eq!(doc.grids[0].cells[1].colspan, 2);
    }
}
