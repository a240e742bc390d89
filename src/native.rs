//! What the native platform brings to the core for opening files (the CLI, the tests): GB18030
//! and UTF-16 by `encoding_rs`, and HTML pages by html5ever (through `scraper`), as browsers
//! parse them, turned into the core's [`Node`] tree; PDFs by `pdf-extract` ([`pdf`]). The web app
//! brings the browser's own.

use nianbao_core::input::decode::native_decoder;
use nianbao_core::input::dom::{self, Node};
use nianbao_core::input::open::{self, OpenError, Platform};
use nianbao_core::input::{html, Document};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{ElementRef, Html, HtmlTreeSink};

/// An element of the tree scraper builds.
type NodeId = <HtmlTreeSink as TreeSink>::Handle;

pub mod pdf;

/// The native platform.
pub const PLATFORM: Platform = Platform {
    decoder: &native_decoder,
    parse_html: &parse_html,
    read_pdf: &pdf::read,
    read_docx: &nianbao_core::input::docx::read_docx,
};

/// Opens a file's bytes as its kind says ([`open::open`]) on the native platform.
pub fn open(name: &str, bytes: &[u8]) -> Result<Document, OpenError> {
    open::open(name, bytes, &PLATFORM)
}

/// An HTML page's text and grids, read by html5ever.
pub fn html_document(page: &str) -> Result<Document, html::HtmlError> {
    html::document(page, &parse_html)
}

/// The tree of an HTML page, parsed by html5ever a kilobyte at a time: a page that has built
/// more than [`html::MAX_ELEMENTS`] elements, or elements nested more than
/// [`html::MAX_NESTING`] deep, is refused then (what the parser has really built, whatever
/// tags the page uses to get there).
pub fn parse_html(page: &str) -> Result<Node, html::HtmlError> {
    let built = Rc::new(Built::default());
    let mut parser = html5ever::driver::parse_document(
        Counting {
            inner: HtmlTreeSink::new(Html::new_document()),
            built: Rc::clone(&built),
        },
        Default::default(),
    );
    let mut rest = page;
    while !rest.is_empty() {
        let mut end = rest.len().min(1024);
        while !rest.is_char_boundary(end) {
            end += 1;
        }
        parser.process(StrTendril::from_slice(&rest[..end]));
        rest = &rest[end..];
        built.check()?;
    }
    let page = parser.finish();
    built.check()?;
    Ok(convert(page.root_element(), 0))
}

/// Levels a parser adds to what a page writes (`html`, `body`, a table's `tbody`, …).
const ADDED_LEVELS: usize = 16;

/// What the parser has built so far.
#[derive(Default)]
struct Built {
    elements: Cell<usize>,
    deepest: Cell<usize>,
    /// Each element's depth below the document.
    depth: RefCell<HashMap<NodeId, usize>>,
}

impl Built {
    fn check(&self) -> Result<(), html::HtmlError> {
        if self.elements.get() > html::MAX_ELEMENTS {
            Err(html::HtmlError::TooManyElements)
        } else if self.deepest.get() > html::MAX_NESTING + ADDED_LEVELS {
            Err(html::HtmlError::TooDeep)
        } else {
            Ok(())
        }
    }

    /// `child` is put under `parent`.
    fn placed(&self, parent: &NodeId, child: &NodeOrText<NodeId>) {
        if let NodeOrText::AppendNode(child) = child {
            let mut depth = self.depth.borrow_mut();
            let below = depth.get(parent).copied().unwrap_or(0) + 1;
            depth.insert(*child, below);
            self.deepest.set(self.deepest.get().max(below));
        }
    }
}

/// scraper's tree builder, counting the elements it builds and how deep they sit.
struct Counting {
    inner: HtmlTreeSink,
    built: Rc<Built>,
}

impl TreeSink for Counting {
    type Handle = NodeId;
    type Output = Html;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Html {
        self.inner.finish()
    }
    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg)
    }
    fn get_document(&self) -> NodeId {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Self::ElemName<'a> {
        self.inner.elem_name(target)
    }
    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        self.built.elements.set(self.built.elements.get() + 1);
        self.inner.create_element(name, attrs, flags)
    }
    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.built.placed(parent, &child);
        self.inner.append(parent, child)
    }
    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        self.built.placed(element, &child);
        self.inner
            .append_based_on_parent_node(element, prev_element, child)
    }
    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id)
    }
    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        self.inner.get_template_contents(target)
    }
    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        self.inner.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        self.inner.append_before_sibling(sibling, new_node)
    }
    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs)
    }
    fn remove_from_parent(&self, target: &NodeId) {
        self.inner.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        self.inner.reparent_children(node, new_parent)
    }
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
    fn what_the_parser_builds_is_bounded_whatever_the_guard_guesses() {
        // Past the guard of html::document: the parser itself stops.
        let deep = format!("{}深处", "<div/>".repeat(MAX_NESTING + 100));
        assert_eq!(parse_html(&deep), Err(HtmlError::TooDeep));
        let reopened = format!(
            "<p>{}</p>{}",
            (0..1900)
                .map(|i| format!("<b class=c{i}>"))
                .collect::<String>(),
            "<p>x</p>".repeat(3800)
        );
        assert_eq!(parse_html(&reopened), Err(HtmlError::TooManyElements));
        assert_eq!(
            document(&reopened, &parse_html),
            Err(HtmlError::TooManyElements)
        );
    }

    #[test]
    fn a_gbk_page_reads_as_its_text() {
        let page = "<html><head><meta charset=\"gbk\"></head><body><p>总计</p></body></html>";
        let (bytes, _, _) = encoding_rs::GB18030.encode(page);
        let text = html::decode(&bytes, &native_decoder).unwrap();
        assert_eq!(document(&text, &parse_html).unwrap().text, "总计\n");
    }
}
