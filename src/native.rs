//! What the native platform brings to the core for opening files (the CLI, the tests): GB18030
//! and UTF-16 by `encoding_rs`, and HTML pages by html5ever (through `scraper`), as browsers
//! parse them, turned into the core's [`Node`] tree; PDFs by `pdf-extract` ([`pdf`]). The web app
//! brings the browser's own.

use nianbao_core::input::decode::native_decoder;
use nianbao_core::input::dom::{self, Node};
use nianbao_core::input::open::{self, OpenError, Platform};
use nianbao_core::input::{html, Document};
use scraper::{ElementRef, Html};

pub mod pdf;

/// The native platform.
pub const PLATFORM: Platform = Platform {
    decoder: &native_decoder,
    parse_html: &parse_html,
    read_pdf: &pdf::read,
};

/// Opens a file's bytes as its kind says ([`open::open`]) on the native platform.
pub fn open(name: &str, bytes: &[u8]) -> Result<Document, OpenError> {
    open::open(name, bytes, &PLATFORM)
}

/// An HTML page's text and grids, read by html5ever.
pub fn html_document(page: &str) -> Result<Document, html::HtmlError> {
    html::document(page, &parse_html)
}

/// The tree of an HTML page.
pub fn parse_html(html: &str) -> Option<Node> {
    let page = Html::parse_document(html);
    Some(convert(page.root_element(), 0))
}

fn convert(element: ElementRef, depth: usize) -> Node {
    let value = element.value();
    let children = if depth >= dom::MAX_DEPTH {
        vec![Node::Text(element.text().collect())]
    } else {
        element
            .children()
            .filter_map(|child| match ElementRef::wrap(child) {
                Some(e) => Some(convert(e, depth + 1)),
                None => child.value().as_text().map(|t| Node::Text(t.to_string())),
            })
            .collect()
    };
    Node::element(
        value.name(),
        dom::span_attribute(value.attr("colspan")),
        dom::span_attribute(value.attr("rowspan")),
        children,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use nianbao_core::input::html::{document, HtmlError, MAX_NESTING};

    #[test]
    fn tables_with_spans_and_hidden_text() {
        let doc = document(
            "<body><style>p{}</style><table><thead><tr><th colspan=2>申请人情况</th></tr></thead>\
             <tbody><tr><td rowspan=2>一</td><td>1</td></tr><tr><td>2</td></tr></tbody></table>\
             <script>alert(1)</script><p>完</p></body>",
            &parse_html,
        )
        .unwrap();
        assert_eq!(doc.text, "申请人情况\t\n一\t1\n\t2\n完\n");
        assert_eq!(doc.grids[0].cells[1].rowspan, 2);
    }

    #[test]
    fn deep_nesting_keeps_its_text_or_is_refused() {
        let deep = |n: usize| format!("{}深处{}", "<div>".repeat(n), "</div>".repeat(n));
        assert!(document(&deep(MAX_NESTING), &parse_html)
            .unwrap()
            .text
            .contains("深处"));
        assert_eq!(
            document(&deep(MAX_NESTING + 1), &parse_html),
            Err(HtmlError::TooDeep)
        );
        let flat = format!(
            "{}<!-- <div> --><script>if (a<b) {{ '<div>' }}</script>",
            "<p>段<li>项<td>1".repeat(5000)
        );
        assert!(document(&flat, &parse_html).unwrap().text.contains("段"));
    }

    #[test]
    fn a_gbk_page_reads_as_its_text() {
        let page = "<html><head><meta charset=\"gbk\"></head><body><p>总计</p></body></html>";
        let (bytes, _, _) = encoding_rs::GB18030.encode(page);
        let text = html::decode(&bytes, &native_decoder).unwrap();
        assert_eq!(document(&text, &parse_html).unwrap().text, "总计\n");
    }
}
