//! Pasting a copied table as HTML: the clipboard's `text/html` (from a browser, Word or WPS)
//! is parsed by the browser's own `DOMParser` and laid out by the rules of [`crate::input::dom`],
//! so the tables are read from their cells instead of from text whose cells ran together.

use wasm_bindgen::JsCast;

use crate::input::dom::{self, Node};
use crate::input::{html, Document};

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
