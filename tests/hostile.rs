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

// ----------------------------------------------------------------------------------- output

fn shared_fixture(name: &str) -> String {
    let path = format!("{}/../shared/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    nianbao::input::decode(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn many_numbers_in_one_row_make_a_short_message() {
    // `1 ` × 2.6 million in the row 本年新收: one message of 5.2 MB before.
    let text = format!(
        "二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n本年新收政府信息公开申请数量 {}\n",
        "1 ".repeat(2_600_000)
    );
    let report = nianbao::check_text(&text, &nianbao::Options::default());
    let extra = report
        .findings
        .iter()
        .find(|f| f.rule.id() == "structure.extra_cells")
        .expect("the row's extra numbers are reported");
    assert!(extra.message.contains("未列出"), "{}", extra.message);
    for finding in &report.findings {
        let chars = finding.message.chars().count();
        assert!(
            chars <= nianbao::model::finding::MAX_MESSAGE_CHARS + 80,
            "{chars}"
        );
    }
    let json = nianbao::output::json::to_string(Some("a.txt"), &report);
    assert!(json.len() < 64 * 1024, "{}", json.len());
}

#[test]
fn a_report_on_one_line_lists_a_bounded_number_of_findings() {
    // A report with its line ends made tabs, repeated to 5 MB on one line: hundreds of
    // findings, each quoting the part of the one line around it.
    let report = shared_fixture("003_2bb5014562e5e799.txt").replace('\n', "\t") + "\t";
    let text = report.repeat(5_000_000 / report.len());
    let checked = nianbao::check_text(&text, &nianbao::Options::default());
    let max = nianbao::model::finding::MAX_PER_RULE;
    let mut per_rule = std::collections::HashMap::new();
    for finding in &checked.findings {
        *per_rule.entry(finding.rule).or_insert(0) += 1;
    }
    assert!(per_rule.values().all(|&n| n <= max), "{per_rule:?}");
    assert!(checked
        .findings
        .iter()
        .any(|f| f.message.contains("个未列出")));
    let start = thread_cpu_time();
    let out = nianbao::output::text::render("a.txt", &text, &checked);
    assert!(thread_cpu_time() - start < GENEROUS_CPU);
    // Each finding two short lines: the excerpt is 60 characters of the line, not the line.
    assert!(
        out.len() < checked.findings.len() * 1200 + 4096,
        "{}",
        out.len()
    );
    assert!(out.lines().all(|l| l.chars().count() < 600));
}

// ---------------------------------------------------------------------------- wrong, silently

#[test]
fn utf32_is_refused_not_read_as_utf16() {
    let mut bytes = vec![0xFF, 0xFE, 0, 0];
    for c in "本年新收政府信息公开申请数量 1\n".chars() {
        bytes.extend((c as u32).to_le_bytes());
    }
    let error = nianbao::input::decode(&bytes).unwrap_err();
    assert_eq!(error, nianbao::ReadError::Utf32);
    assert!(error.to_string().contains("UTF-32"));
    let mut big_endian = vec![0, 0, 0xFE, 0xFF];
    big_endian.extend("一".chars().flat_map(|c| (c as u32).to_be_bytes()));
    assert_eq!(
        nianbao::input::decode(&big_endian),
        Err(nianbao::ReadError::Utf32)
    );
}

/// A shared fixture's table line `一、…本年新收…` with its first number replaced by `number`.
fn with_first_cell(number: &str) -> String {
    shared_fixture("000_74598ba982fdb439.txt").replacen(
        "本年新收政府信息公开申请数量\t17\t4\t",
        &format!("本年新收政府信息公开申请数量\t{number}\t4\t"),
        1,
    )
}

#[test]
fn a_number_out_of_range_is_an_unreadable_cell_never_blank_or_dropped() {
    for number in ["123456789012345678901234567890", "9223372036854775808"] {
        let text = with_first_cell(number);
        assert_ne!(text, shared_fixture("000_74598ba982fdb439.txt"));
        let report = nianbao::check_text(&text, &nianbao::Options::default());
        let ids: Vec<&str> = report.findings.iter().map(|f| f.rule.id()).collect();
        // Only the cell: the row does not shift (no balance or sum errors in other columns).
        assert_eq!(ids, ["structure.unreadable_cell"], "{number}");
        assert!(report.findings[0].message.contains(number));
        let requests = report.tables.requests.as_ref().unwrap();
        let cell = requests.cell("new", "natural").unwrap();
        assert_eq!(cell.source, nianbao::model::CellSource::Unreadable);
        assert_eq!(
            requests.value("new", "commercial"),
            Some(nianbao::model::Number::Int(4))
        );
    }
    // From a cell grid too: the report as a page, its tab-separated lines as table rows.
    let mut page = String::from("<html><body>");
    let mut in_table = false;
    for line in with_first_cell("123456789012345678901234567890").lines() {
        let row = line.contains('\t');
        if row != in_table {
            page += if row { "<table>" } else { "</table>" };
            in_table = row;
        }
        if row {
            let cells: String = line.split('\t').map(|c| format!("<td>{c}</td>")).collect();
            page += &format!("<tr>{cells}</tr>");
        } else {
            page += &format!("<p>{line}</p>");
        }
    }
    let document = native::open("a.html", page.as_bytes()).unwrap();
    assert!(!document.grids.is_empty());
    let report = nianbao::check(&document, None, &nianbao::Options::default());
    let ids: Vec<&str> = report.findings.iter().map(|f| f.rule.id()).collect();
    assert!(ids.contains(&"structure.unreadable_cell"), "{ids:?}");
}

#[test]
fn a_second_requests_table_that_differs_is_a_finding() {
    let text = shared_fixture("000_74598ba982fdb439.txt");
    let start = text.find("一、\t本年新收").unwrap();
    let end = start + text[start..].find("四、结转下年度继续办理").unwrap();
    let end = end + text[end..].find('\n').unwrap() + 1;
    let table = &text[start..end];
    let changed = table.replacen("\t17\t4\t", "\t18\t4\t", 1);
    let twice = |second: &str| format!("{}{second}{}", &text[..end], &text[end..]);
    let report = nianbao::check_text(&twice(&changed), &nianbao::Options::default());
    let second: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule.id() == "structure.second_table")
        .collect();
    assert_eq!(second.len(), 1, "{:?}", report.findings);
    assert!(second[0].message.contains("核对的为17，另一张为18"));
    assert_ne!(report.verdict(), nianbao::model::Verdict::Passed);
    // The same table twice is harmless: nothing differs.
    let report = nianbao::check_text(&twice(table), &nianbao::Options::default());
    assert!(report
        .findings
        .iter()
        .all(|f| f.rule.id() != "structure.second_table"));
}

// -------------------------------------------------------------------------------------- CLI

fn nianbao_cli(args: &[&std::ffi::OsStr]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("nianbao runs")
}

fn temp_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("nianbao-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn a_file_name_not_in_utf8_is_an_error_not_a_panic() {
    use std::os::unix::ffi::OsStrExt;
    let name = std::ffi::OsStr::from_bytes(b"\xff\xfe.txt");
    let output = nianbao_cli(&["check".as_ref(), name]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("不是 UTF-8"));
}

#[test]
fn a_closed_stderr_is_not_a_crash() {
    use std::os::fd::{FromRawFd, OwnedFd};
    use std::os::unix::ffi::OsStrExt;
    let mut fds = [0; 2];
    // SAFETY: pipe writes two new descriptors into `fds`; the read end is closed at once, the
    // write end owned by `OwnedFd` and given to the child as its stderr.
    let write_end = unsafe {
        assert_eq!(libc::pipe(fds.as_mut_ptr()), 0);
        libc::close(fds[0]);
        OwnedFd::from_raw_fd(fds[1])
    };
    // `nianbao check <not UTF-8> 2>&1 | head -1`: the error message meets a closed pipe.
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_nianbao"))
        .args(["check".as_ref(), std::ffi::OsStr::from_bytes(b"\xff.txt")])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::from(write_end))
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2));
}

#[test]
fn a_named_pipe_in_a_folder_is_skipped_with_a_note() {
    let dir = temp_dir("fifo");
    std::fs::write(
        dir.join("a.txt"),
        shared_fixture("000_74598ba982fdb439.txt"),
    )
    .unwrap();
    let fifo = dir.join("b.txt");
    let path = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
    // SAFETY: a valid C string path; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(path.as_ptr(), 0o600) }, 0);
    // Without the fix this waits for a writer forever: the test harness would hang.
    let output = nianbao_cli(&["check".as_ref(), dir.as_os_str()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stdout.contains("a.txt：通过"), "{stdout}");
    assert!(stderr.contains("不是普通文件"), "{stderr}");
    assert_eq!(output.status.code(), Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn file_names_with_terminal_escapes_are_shown_escaped() {
    let dir = temp_dir("escapes");
    let name = dir.join("\u{1b}[2J\u{1b}]0;title\u{7}report.txt");
    std::fs::write(&name, shared_fixture("000_74598ba982fdb439.txt")).unwrap();
    let missing = dir.join("\u{1b}[31mmissing.txt");
    let output = nianbao_cli(&["check".as_ref(), name.as_os_str(), missing.as_os_str()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stdout.contains('\u{1b}') && !stderr.contains('\u{1b}'));
    assert!(
        stdout.contains("\\u{1b}[2J\\u{1b}]0;title\\u{7}report.txt：通过"),
        "{stdout}"
    );
    assert!(
        stderr.contains("\\u{1b}[31mmissing.txt：无法读取文件"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
