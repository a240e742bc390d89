//! Hostile inputs (issue 16): each is built here, and each must end in a clear finding or a
//! clear message, with work bounded by what is really built. Only outcomes are asserted (the
//! sizes of what was built, the messages), never a time: `.ci/bench` and docs/performance.md
//! measure the time and memory of the same inputs with the release CLI.

use nianbao::input::html::{HtmlError, MAX_ELEMENTS};
use nianbao::input::open::OpenError;
use nianbao::native;

fn open_html(page: &str) -> Result<nianbao::input::Document, OpenError> {
    native::open("hostile.html", page.as_bytes())
}

// ------------------------------------------------------------------------------------- HTML

#[test]
fn self_closed_divs_are_nesting() {
    // 100,000 × `<div/>` (600 KB): a parser opens a div for each.
    let page = format!("<html><body>{}总计</body></html>", "<div/>".repeat(100_000));
    assert_eq!(open_html(&page), Err(OpenError::Html(HtmlError::TooDeep)));
}

#[test]
fn stray_end_tags_close_nothing() {
    let page = format!(
        "<html><body>{}总计</body></html>",
        "<div></q>".repeat(100_000)
    );
    assert_eq!(open_html(&page), Err(OpenError::Html(HtmlError::TooDeep)));
}

#[test]
fn reopened_formatting_elements_are_counted_as_built() {
    // 1,900 `<b>` closed by `</p>`: each later paragraph reopens all of them (36 KB → millions
    // of elements).
    let bold: String = (0..1900).map(|i| format!("<b class=c{i}>")).collect();
    let page = format!(
        "<html><body><p>{bold}</p>{}</body></html>",
        "<p>x</p>".repeat(3800)
    );
    let error = open_html(&page).unwrap_err();
    assert_eq!(error, OpenError::Html(HtmlError::TooManyElements));
    assert!(error.to_string().contains(&MAX_ELEMENTS.to_string()));
}

#[test]
fn a_staircase_of_spans_builds_no_huge_grid() {
    // Four cells a row, colspan=64 rowspan=64: 565 KB that would be a 16,384 × 4,096 grid.
    let row = format!("<tr>{}</tr>", "<td colspan=64 rowspan=64>1</td>".repeat(4));
    let page = format!(
        "<html><body><table>{}</table></body></html>",
        row.repeat(4096)
    );
    let document = open_html(&page).expect("read as lines");
    assert!(document.grids.is_empty());
    assert!(document.text.len() < page.len());
    let report = nianbao::check(&document, None, &nianbao::Options::default());
    assert!(!report.findings.is_empty());
}
