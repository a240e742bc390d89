//! HTML pages: decoded by the charset they declare, checked for hostile nesting, parsed by the
//! adapter's parser (html5ever in the CLI, the browser's `DOMParser` in the page) and laid out
//! by the one set of rules of [`super::dom`].

use super::decode::{decode_with, Encoding, ReadError, MAX_BYTES};
use super::document::Document;
use super::dom::{self, Node};

/// The charset a page declares in its first bytes (`<meta charset=gbk>`, `content="text/html;
/// charset=gb2312"`), lower-case.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let value: String = head[at..]
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    (!value.is_empty()).then_some(value)
}

/// A page's text: GB2312/GBK/GB18030 when it says so, else as [`super::decode::decode_with`]
/// reads any file (UTF-8, UTF-16 with BOM, or GB18030 when not UTF-8). `decoder` decodes the
/// encodings other than UTF-8 (see [`decode_with`]).
pub fn decode(
    bytes: &[u8],
    decoder: &dyn Fn(Encoding, &[u8]) -> Option<String>,
) -> Result<String, ReadError> {
    let says_gb = declared_charset(bytes)
        .is_some_and(|c| matches!(c.as_str(), "gbk" | "gb2312" | "gb18030" | "x-gbk" | "cp936"));
    if says_gb && bytes.len() <= MAX_BYTES && !bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        if let Some(text) = decoder(Encoding::Gb18030, bytes) {
            return Ok(text);
        }
    }
    decode_with(bytes, decoder)
}

/// Whether text looks like an HTML page rather than report text (for standard input).
pub fn looks_like_html(text: &str) -> bool {
    let start: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html")
}

/// Elements open inside each other at most: HTML parsers take time growing with the square
/// of the depth, and real pages nest a few dozen deep.
pub const MAX_NESTING: usize = 2000;

/// Elements a parser may build for a page: a real report page has a few thousand; a hostile
/// one (formatting elements reopened in every paragraph) would build millions. Parsers stop
/// when they have built this many.
pub const MAX_ELEMENTS: usize = 200_000;

/// Why a page cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlError {
    TooDeep,
    /// The parser built more than [`MAX_ELEMENTS`] elements.
    TooManyElements,
    /// The parser gave no tree.
    Unreadable,
}

impl std::fmt::Display for HtmlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            HtmlError::TooDeep => write!(
                f,
                "网页的元素嵌套超过 {MAX_NESTING} 层，不像年度报告的网页，未读取：请在浏览器中打开它，复制报告全文后粘贴到网页版中检查"
            ),
            HtmlError::TooManyElements => write!(
                f,
                "网页的元素超过 {MAX_ELEMENTS} 个，不像年度报告的网页，未读取：请在浏览器中打开它，复制报告全文后粘贴到网页版中检查"
            ),
            HtmlError::Unreadable => write!(
                f,
                "无法读取这个网页：请在浏览器中打开它，复制报告全文后粘贴到网页版中检查"
            ),
        }
    }
}

impl std::error::Error for HtmlError {}

/// Elements a parser closes without an end tag, and void ones: not counted as nesting.
fn closes_itself(name: &str) -> bool {
    is_void(name)
        || matches!(
            name,
            "p" | "li"
                | "td"
                | "th"
                | "tr"
                | "dt"
                | "dd"
                | "option"
                | "thead"
                | "tbody"
                | "tfoot"
                | "colgroup"
                | "caption"
        )
}

/// Void elements: never have an end tag or content, so `<br>` and `<br/>` alike nest nothing.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "br" | "img"
            | "hr"
            | "meta"
            | "link"
            | "input"
            | "col"
            | "area"
            | "base"
            | "embed"
            | "source"
            | "track"
            | "wbr"
            | "param"
    )
}

/// The deepest nesting of start tags without their end tags, roughly as a parser sees it,
/// in one pass over the page. As in a parser, `/>` closes only void elements and elements
/// inside `svg` or `math` (`<div/>` opens a `div`), and an end tag closes only an element that
/// is open (a stray `</q>` closes nothing).
fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut deepest, mut i) = (0usize, 0usize);
    // The open elements, and how many of them are `svg` or `math`.
    let mut open: Vec<String> = Vec::new();
    let mut open_count: std::collections::HashMap<String, usize> = Default::default();
    let mut foreign = 0usize;
    let find = |from: usize, what: &str| {
        html.get(from..)
            .and_then(|rest| rest.find(what))
            .map(|at| from + at)
    };
    while let Some(at) = memchr::memchr(b'<', &bytes[i..]).map(|at| i + at) {
        if html[at..].starts_with("<!--") {
            i = find(at + 4, "-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        let end_tag = bytes.get(at + 1) == Some(&b'/');
        let name_start = at + 1 + usize::from(end_tag);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let Some(close) = memchr::memchr(b'>', &bytes[name_start..]).map(|c| name_start + c) else {
            break;
        };
        i = close + 1;
        if name_len == 0 {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        if end_tag {
            if closes_itself(&name) {
                continue;
            }
            // Only an open element is closed, with those opened inside it.
            if open_count.get(&name).copied().unwrap_or(0) == 0 {
                continue;
            }
            if let Some(at) = open.iter().rposition(|n| *n == name) {
                for closed in open.drain(at..) {
                    if let Some(n) = open_count.get_mut(&closed) {
                        *n -= 1;
                    }
                    if closed == "svg" || closed == "math" {
                        foreign -= 1;
                    }
                }
            }
        } else if matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            // Raw text: no tags inside.
            i = find(i, &format!("</{name}")).unwrap_or(bytes.len());
        } else if is_void(&name) || (bytes[close - 1] == b'/' && foreign > 0) {
            // Closes itself.
        } else if !closes_itself(&name) {
            if name == "svg" || name == "math" {
                if bytes[close - 1] == b'/' {
                    continue;
                }
                foreign += 1;
            }
            *open_count.entry(name.clone()).or_default() += 1;
            open.push(name);
            deepest = deepest.max(open.len());
            if deepest > MAX_NESTING {
                break;
            }
        }
    }
    deepest
}

/// Lays out an HTML page as text and grids, with the tree `parse` makes of it (or why it
/// could not: no tree, or more than [`MAX_ELEMENTS`] elements or [`MAX_NESTING`] levels built).
pub fn document(
    html: &str,
    parse: &dyn Fn(&str) -> Result<Node, HtmlError>,
) -> Result<Document, HtmlError> {
    if nesting_depth(html) > MAX_NESTING {
        return Err(HtmlError::TooDeep);
    }
    let root = parse(html)?;
    Ok(dom::document(&root))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_declared_charset() {
        let page = "<html><head><meta charset=\"gbk\"></head><body><p>总计</p></body></html>";
        let (bytes, _, _) = encoding_rs::GB18030.encode(page);
        assert_eq!(declared_charset(&bytes).as_deref(), Some("gbk"));
        assert_eq!(
            decode(&bytes, &crate::input::decode::native_decoder).unwrap(),
            page
        );
    }

    #[test]
    fn nesting_counts_open_elements_only() {
        let deep = |n: usize| format!("{}深处{}", "<div>".repeat(n), "</div>".repeat(n));
        assert_eq!(nesting_depth(&deep(MAX_NESTING)), MAX_NESTING);
        let never =
            |_: &str| -> Result<Node, HtmlError> { unreachable!("a page too deep is not parsed") };
        assert_eq!(
            document(&deep(MAX_NESTING + 1), &never),
            Err(HtmlError::TooDeep)
        );
        // Tags a parser closes itself, comments and scripts do not count.
        let flat = format!(
            "{}<!-- <div> --><script>if (a<b) {{ '<div>' }}</script>",
            "<p>段<li>项<td>1".repeat(5000)
        );
        assert_eq!(nesting_depth(&flat), 0);
    }

    #[test]
    fn self_closed_and_stray_end_tags_do_not_hide_nesting() {
        // `<div/>` opens a div (only void and svg elements close themselves) ...
        let self_closed = "<div/>".repeat(MAX_NESTING + 1);
        assert_eq!(nesting_depth(&self_closed), MAX_NESTING + 1);
        // ... and an end tag closes only what is open.
        let stray = "<div></q>".repeat(MAX_NESTING + 1);
        assert_eq!(nesting_depth(&stray), MAX_NESTING + 1);
        let svg = format!("<svg>{}</svg>", "<path d=1/>".repeat(5000));
        assert_eq!(nesting_depth(&svg), 1);
        assert_eq!(nesting_depth(&"<br/><img/><div></div>".repeat(5000)), 1);
    }
}
