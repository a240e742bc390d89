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

// ------------------------------------------------------------------------------------ .docx

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

/// A `.docx` zip of `word/document.xml` and more parts.
fn docx(document: &str, more: &[(&str, &str)]) -> Vec<u8> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(false);
    for (name, content) in [("word/document.xml", document)]
        .into_iter()
        .chain(more.iter().copied())
    {
        zip.start_file(name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// CPU time used by this thread so far: a generous bound on it catches work that grows with
/// the square of the input, and does not depend on how busy the machine is (unlike the clock).
fn thread_cpu_time() -> std::time::Duration {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `now` is a valid timespec to write to; this clock exists on Linux and macOS.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(status, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID)");
    std::time::Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

/// A generous CPU bound: what is linear takes a fraction of a second natively (see
/// docs/performance.md); what was quadratic took minutes.
const GENEROUS_CPU: std::time::Duration = std::time::Duration::from_secs(30);

#[test]
fn list_numbering_is_looked_up_not_scanned() {
    // 40,000 list definitions and 150,000 numbered paragraphs, each from another list.
    let lists = 40_000;
    let mut numbering = format!("<w:numbering {W}>");
    for i in 0..lists {
        numbering += &format!("<w:abstractNum w:abstractNumId=\"{i}\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl></w:abstractNum>");
    }
    for i in 0..lists {
        numbering += &format!("<w:num w:numId=\"{i}\"><w:abstractNumId w:val=\"{i}\"/></w:num>");
    }
    numbering += "</w:numbering>";
    let mut body = format!("<w:document {W}><w:body>");
    for p in 0..150_000 {
        let list = (p * 7919) % lists;
        body += &format!("<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{list}\"/></w:numPr></w:pPr><w:r><w:t>情况</w:t></w:r></w:p>");
    }
    body += "</w:body></w:document>";
    let bytes = docx(&body, &[("word/numbering.xml", &numbering)]);
    let start = thread_cpu_time();
    let document = native::open("hostile.docx", &bytes).unwrap();
    assert!(thread_cpu_time() - start < GENEROUS_CPU);
    let lines: Vec<&str> = document.text.lines().collect();
    assert_eq!(lines.len(), 150_000);
    assert_eq!(lines[0], "一、情况");
    // Paragraph 40,000 is the second of list 0 (7919 and 40,000 have no common factor).
    assert_eq!(lines[40_000], "二、情况");
}

#[test]
fn empty_paragraphs_are_counted_as_parsed() {
    // 98 KB of `<w:p/>` inflates to 64 MB: eleven million paragraphs.
    let body = format!(
        "<w:document {W}><w:body>{}</w:body></w:document>",
        "<w:p/>".repeat(63 * 1024 * 1024 / 6)
    );
    let error = native::open("hostile.docx", &docx(&body, &[])).unwrap_err();
    assert!(error.to_string().contains("段落和单元格"), "{error}");
}

#[test]
fn three_large_parts_are_not_all_read() {
    let text = format!(
        "<w:document {W}><w:body><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:body></w:document>",
        "总".repeat(20 * 1024 * 1024)
    );
    let numbering = format!(
        "<w:numbering {W}>{}</w:numbering>",
        "<w:num w:numId=\"1\"/>".repeat(63 * 1024 * 1024 / 20)
    );
    let styles = format!(
        "<w:styles {W}>{}</w:styles>",
        "<w:style w:styleId=\"a\"/>".repeat(63 * 1024 * 1024 / 26)
    );
    let bytes = docx(
        &text,
        &[
            ("word/numbering.xml", &numbering),
            ("word/styles.xml", &styles),
        ],
    );
    let error = native::open("hostile.docx", &bytes).unwrap_err();
    assert!(error.to_string().contains("文字超过 5 MB"), "{error}");
    // Without the text, the oversized numbering and styles are left out, not read.
    let small = format!("<w:document {W}><w:body><w:p><w:r><w:t>一、总体情况</w:t></w:r></w:p></w:body></w:document>");
    let bytes = docx(
        &small,
        &[
            ("word/numbering.xml", &numbering),
            ("word/styles.xml", &styles),
        ],
    );
    assert_eq!(
        native::open("hostile.docx", &bytes).unwrap().text,
        "一、总体情况\n"
    );
}
