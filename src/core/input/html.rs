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

/// Why a page cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlError {
    TooDeep,
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
    matches!(
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
            | "br"
            | "img"
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
/// in one pass over the page.
fn nesting_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
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
            if !closes_itself(&name) {
                depth = depth.saturating_sub(1);
            }
        } else if matches!(name.as_str(), "script" | "style" | "textarea" | "title") {
            // Raw text: no tags inside.
            i = find(i, &format!("</{name}")).unwrap_or(bytes.len());
        } else if !closes_itself(&name) && bytes[close - 1] != b'/' {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// Lays out an HTML page as text and grids, with the tree `parse` makes of it (`None`: the
/// parser could not read it).
pub fn document(html: &str, parse: &dyn Fn(&str) -> Option<Node>) -> Result<Document, HtmlError> {
    if nesting_depth(html) > MAX_NESTING {
        return Err(HtmlError::TooDeep);
    }
    let root = parse(html).ok_or(HtmlError::Unreadable)?;
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
        let never = |_: &str| -> Option<Node> { unreachable!("a page too deep is not parsed") };
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
}
