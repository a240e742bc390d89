//! Reading a Word `.docx` file: the zip container's `word/document.xml` into a [`Document`],
//! tables as grids with their merged cells (`w:gridSpan`, `w:vMerge`, `w:gridBefore`, the
//! legacy `w:hMerge`).
//!
//! The body is first read into a small tree of paragraphs and tables, because whether a table
//! holds data or only lays out the page (a table inside one of its cells) is known only at its
//! end. Layout tables are flattened: their cells' paragraphs and tables follow one another.

use super::kind::{is_ole, is_zip};

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::Reader;
use std::fmt;

use crate::input::decode::MAX_BYTES;
use crate::input::document::{Document, DocumentBuilder, RowSpan};

mod numbering;
mod zip;

use numbering::{Numbering, NumberingRef};
use zip::{Archive, ZipError};

/// The largest `.docx` file read: 50 MB. Reports with pictures (seals, charts) are a few MB;
/// only `word/document.xml` is inflated.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;

/// The largest `word/document.xml` inflated: 64 MB. A long report's is 1–3 MB; a file that
/// inflates beyond this is refused (a zip bomb must not fill the memory).
pub const MAX_XML_BYTES: usize = 64 * 1024 * 1024;

/// The largest `word/numbering.xml` or `word/styles.xml` inflated: 8 MB (a report's are a few
/// hundred KB). A larger one is left out, as an unreadable one is: numbering is a nicety.
const MAX_SIDE_XML_BYTES: usize = 8 * 1024 * 1024;

/// What `word/document.xml` may hold, whatever its size in bytes: paragraphs, rows and cells
/// (a long report has a few thousand), XML elements (a few hundred thousand) and text (the
/// text limit of every input, [`crate::input::decode::MAX_BYTES`]). Reading stops when one
/// is passed: 98 KB of `<w:p/>` inflate to eleven million paragraphs.
pub const MAX_BLOCKS: usize = 200_000;
pub const MAX_XML_ELEMENTS: usize = 4_000_000;

/// Tables nested deeper than this are read as plain paragraphs of their cell (a hostile file
/// must not exhaust the stack).
const MAX_TABLE_DEPTH: usize = 16;

/// What the user is told about a PDF file.
pub const PDF_ADVICE: &str = "不能直接读取 PDF 文件：请在 PDF 阅读器中全选（Ctrl+A）并复制文字，粘贴到输入框（或存为 .txt 文件）再检查";

/// What the user is told about an old `.doc` file.
pub const DOC_ADVICE: &str = "这是旧版 .doc 文件，请在 Word/WPS 中另存为 .docx 或复制文字粘贴";

/// Why a `.docx` file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocxError {
    /// Not a zip file at all (and not one of the formats below).
    NotZip,
    /// An OLE compound file (`D0 CF 11 E0`): Word 97–2003 `.doc` (or `.wps`, `.xls`).
    OldDoc,
    /// An OLE compound file holding an `EncryptedPackage`: a password-protected `.docx`.
    Encrypted,
    /// A zip without `word/document.xml` (an `.xlsx`, a `.pptx`, any other zip).
    NoDocument,
    /// The zip is damaged, or compressed in a way other than deflate.
    Damaged(String),
    /// The file, or `word/document.xml` inflated, is larger than the limits.
    TooLarge,
    /// `word/document.xml` is not well-formed XML.
    BadXml(String),
    /// `word/document.xml` holds more than [`MAX_BLOCKS`] paragraphs and cells, more than
    /// [`MAX_XML_ELEMENTS`] elements, or more text than an input may have: what was passed.
    TooMuch(String),
    /// Nothing here reads a `.docx` (the web app reads them with a wasm of its own, loaded
    /// when one is opened: this is said only when that could not load).
    NotHere,
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxError::NotZip => write!(
                f,
                "这不是有效的 .docx 文件（.docx 是 zip 压缩包），请在 Word/WPS 中重新另存为 .docx，或复制文字粘贴"
            ),
            DocxError::OldDoc => write!(f, "{DOC_ADVICE}"),
            DocxError::NotHere => write!(
                f,
                "这里未能载入 .docx 的读取程序：请刷新网页后再试，或在 Word/WPS 中全选并复制文字，粘贴到输入框再检查"
            ),
            DocxError::Encrypted => write!(
                f,
                "这个 .docx 文件设有打开密码，无法读取：请在 Word/WPS 中取消密码后另存，或复制文字粘贴"
            ),
            DocxError::NoDocument => write!(
                f,
                "这个压缩包中没有 Word 正文（word/document.xml），不是 .docx 文件：请选择年报的 .docx 文件，或复制文字粘贴"
            ),
            DocxError::Damaged(detail) => write!(
                f,
                "这个 .docx 文件已损坏，无法解压（{detail}）：请在 Word/WPS 中打开后重新另存，或复制文字粘贴"
            ),
            DocxError::TooLarge => write!(
                f,
                "这个 .docx 文件过大（文件超过 {} MB 或正文解压后超过 {} MB），未读取：一份年度报告的正文通常只有几 MB 以内，请确认选对了文件，或复制文字粘贴",
                MAX_FILE_BYTES >> 20,
                MAX_XML_BYTES >> 20
            ),
            DocxError::TooMuch(what) => write!(
                f,
                "这个 .docx 文件的正文{what}，不像一份年度报告，未读取：请确认选对了文件，或在 Word/WPS 中打开后复制文字粘贴"
            ),
            DocxError::BadXml(detail) => write!(
                f,
                "这个 .docx 文件的正文（word/document.xml）不是有效的 XML，无法读取（{detail}）：请在 Word/WPS 中打开后重新另存，或复制文字粘贴"
            ),
        }
    }
}

impl std::error::Error for DocxError {}

/// Reads a `.docx` file into a [`Document`]. Never panics; any bytes give a document or an
/// error that says what to do.
pub fn read_docx(bytes: &[u8]) -> Result<Document, DocxError> {
    let parts = parts(bytes)?;
    let xml =
        utf8(&parts.document).ok_or_else(|| DocxError::BadXml("不是 UTF-8 编码".to_string()))?;
    let numbering = Numbering::read(
        parts.numbering.as_deref().and_then(utf8),
        parts.styles.as_deref().and_then(utf8),
    );
    let body = parse_body(xml, numbering)?;
    let mut builder = DocumentBuilder::new();
    emit(&body, &mut builder);
    Ok(builder.finish())
}

fn utf8(xml: &[u8]) -> Option<&str> {
    std::str::from_utf8(xml.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(xml)).ok()
}

/// The inflated parts read: the main document, and the list definitions and styles that say
/// how its paragraphs are numbered.
struct Parts {
    document: Vec<u8>,
    numbering: Option<Vec<u8>>,
    styles: Option<Vec<u8>>,
}

fn parts(bytes: &[u8]) -> Result<Parts, DocxError> {
    if is_ole(bytes) {
        return Err(if contains_utf16(bytes, "EncryptedPackage") {
            DocxError::Encrypted
        } else {
            DocxError::OldDoc
        });
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(DocxError::TooLarge);
    }
    let archive = Archive::new(bytes).map_err(|e| match e {
        ZipError::NotZip if is_zip(bytes) => DocxError::Damaged("找不到压缩包目录".to_string()),
        other => zip_error(other),
    })?;
    // The main part is word/document.xml in every writer seen; else _rels/.rels names it.
    let name = if archive.contains("word/document.xml") {
        "word/document.xml".to_string()
    } else {
        let rels = inflate(&archive, "_rels/.rels")?.ok_or(DocxError::NoDocument)?;
        main_part(&rels).ok_or(DocxError::NoDocument)?
    };
    let document = inflate(&archive, &name)?.ok_or(DocxError::NoDocument)?;
    // Beside the main part (word/numbering.xml, word/styles.xml); unreadable ones are left out.
    let folder = name.rsplit_once('/').map_or("", |(folder, _)| folder);
    let beside = |part: &str| {
        let path = if folder.is_empty() {
            part.to_string()
        } else {
            format!("{folder}/{part}")
        };
        archive.read(&path, MAX_SIDE_XML_BYTES).ok().flatten()
    };
    Ok(Parts {
        numbering: beside("numbering.xml"),
        styles: beside("styles.xml"),
        document,
    })
}

/// One member of the archive, inflated up to [`MAX_XML_BYTES`]; `None` when it is absent.
fn inflate(archive: &Archive, name: &str) -> Result<Option<Vec<u8>>, DocxError> {
    archive.read(name, MAX_XML_BYTES).map_err(zip_error)
}

fn zip_error(error: ZipError) -> DocxError {
    match error {
        ZipError::NotZip => DocxError::NotZip,
        ZipError::Damaged(why) => DocxError::Damaged(why.to_string()),
        ZipError::Unsupported => DocxError::Damaged("使用了不支持的压缩方式或加密".to_string()),
        ZipError::TooLarge => DocxError::TooLarge,
    }
}

/// The target of the `officeDocument` relationship in `_rels/.rels`, as an archive path.
fn main_part(rels: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(rels).ok()?;
    let mut reader = Reader::from_str(text);
    loop {
        match reader.read_event().ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let kind = attribute(&e, "Type")?;
                if kind.ends_with("/officeDocument") {
                    let target = attribute(&e, "Target")?;
                    return Some(target.trim_start_matches('/').to_string());
                }
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

fn contains_utf16(bytes: &[u8], needle: &str) -> bool {
    let needle: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(needle.len()).any(|w| w == needle)
}

// --------------------------------------------------------------------------- the body tree

enum Block {
    Paragraph(String),
    Table(Vec<Row>),
}

#[derive(Default)]
struct Row {
    grid_before: usize,
    cells: Vec<Cell>,
}

struct Cell {
    colspan: usize,
    /// `w:vMerge` without `restart`: continues the cell above.
    continues_above: bool,
    /// Legacy `w:hMerge` without `restart`: continues the cell to the left.
    continues_left: bool,
    blocks: Vec<Block>,
}

/// Where the reader is: the open tables, rows and cells of the tree being built.
struct Builder {
    /// The body's blocks, then each open cell's.
    containers: Vec<Vec<Block>>,
    /// Each open table's rows, and how many containers were open when it began.
    tables: Vec<(Vec<Row>, usize)>,
    /// Open `w:tbl`, `w:tr` and `w:tc` elements beyond [`MAX_TABLE_DEPTH`], read as paragraphs.
    ignored_depth: usize,
    /// Open paragraphs (a text box's paragraphs sit inside a paragraph), with their numbering.
    paragraphs: Vec<(String, NumberingRef)>,
}

impl Builder {
    fn push_block(&mut self, block: Block) {
        if let Some(container) = self.containers.last_mut() {
            container.push(block);
        }
    }

    fn text(&mut self, text: &str) {
        match self.paragraphs.last_mut() {
            Some((paragraph, _)) => paragraph.push_str(text),
            // Text outside any paragraph (a malformed file) is kept as one.
            None => self.push_block(Block::Paragraph(text.to_string())),
        }
    }

    fn cell_mut(&mut self) -> Option<&mut Cell> {
        self.tables.last_mut()?.0.last_mut()?.cells.last_mut()
    }

    fn row_mut(&mut self) -> Option<&mut Row> {
        self.tables.last_mut()?.0.last_mut()
    }
}

/// Elements whose content is not the document's visible text: deleted and moved-away
/// revisions, field codes, the copy of a text box kept for old readers, and the former
/// properties a tracked change keeps (an old `w:gridSpan` or numbering).
fn skipped(local: &str) -> bool {
    matches!(
        local,
        "Fallback" | "moveFrom" | "del" | "instrText" | "delText"
    ) || local.ends_with("PrChange")
        || matches!(local, "tblGridChange" | "numberingChange")
}

fn parse_body(xml: &str, numbering: Numbering) -> Result<Vec<Block>, DocxError> {
    let mut reader = Reader::from_str(xml);
    let mut body = Body {
        b: Builder {
            containers: vec![Vec::new()],
            tables: Vec::new(),
            ignored_depth: 0,
            paragraphs: Vec::new(),
        },
        numbering,
        in_text: false,
        skip_depth: 0,
        run_depth: 0,
    };
    let (mut elements, mut blocks, mut text) = (0usize, 0usize, 0usize);
    loop {
        let event = reader.read_event().map_err(|e| {
            DocxError::BadXml(format!("第 {} 字节附近：{e}", reader.error_position()))
        })?;
        let reading_text = body.in_text && body.skip_depth == 0;
        if let Event::Start(e) | Event::Empty(e) = &event {
            elements += 1;
            blocks += usize::from(matches!(e.local_name().as_ref(), "p" | "tr" | "tc"));
            if elements > MAX_XML_ELEMENTS {
                let what = format!("有超过 {MAX_XML_ELEMENTS} 个 XML 元素");
                return Err(DocxError::TooMuch(what));
            }
            if blocks > MAX_BLOCKS {
                let what = format!("有超过 {MAX_BLOCKS} 个段落和单元格");
                return Err(DocxError::TooMuch(what));
            }
        }
        text += match &event {
            Event::Text(t) if reading_text => t.len(),
            Event::CData(t) if reading_text => t.len(),
            _ => 0,
        };
        if text > MAX_BYTES {
            let what = format!("文字超过 {} MB", MAX_BYTES >> 20);
            return Err(DocxError::TooMuch(what));
        }
        match event {
            Event::Start(e) => body.start(&e),
            Event::Empty(e) => body.empty(&e),
            Event::End(e) => body.end(e.local_name().as_ref()),
            Event::Text(t) if reading_text => body.b.text(&t.xml10_content()),
            Event::CData(t) if reading_text => body.b.text(&t.xml10_content()),
            Event::GeneralRef(r) if reading_text => {
                body.b.text(entity(&r)?.encode_utf8(&mut [0; 4]));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(body.finish())
}

/// The body being read: the blocks built so far, and where the reader is in the XML.
struct Body {
    b: Builder,
    numbering: Numbering,
    /// Inside a `w:t` of a run: its text is the document's.
    in_text: bool,
    /// Depth inside an element whose content is skipped (deletions, fallbacks, field codes).
    skip_depth: usize,
    /// Depth inside runs (`w:r`).
    run_depth: usize,
}

impl Body {
    fn start(&mut self, e: &BytesStart) {
        let name = e.local_name();
        let local = name.as_ref();
        if self.skip_depth > 0 || skipped(local) {
            self.skip_depth += 1;
            return;
        }
        match local {
            "p" => self.b.paragraphs.push(Default::default()),
            "r" => self.run_depth += 1,
            "t" => self.in_text = self.run_depth > 0,
            "tbl" => open_table(&mut self.b),
            "tr" => open_row(&mut self.b),
            "tc" => open_cell(&mut self.b),
            _ => cell_property(&mut self.b, local, e),
        }
    }

    /// An element without content: a tab or break in a run, an empty paragraph or cell, a
    /// paragraph's numbering, a cell's merge.
    fn empty(&mut self, e: &BytesStart) {
        let name = e.local_name();
        let local = name.as_ref();
        if self.skip_depth > 0 {
            return;
        }
        let in_run = self.run_depth > 0;
        match local {
            "tab" | "ptab" if in_run => self.b.text("\t"),
            "br" | "cr" if in_run => self.b.text("\n"),
            "noBreakHyphen" if in_run => self.b.text("-"),
            // An empty paragraph is still a paragraph break.
            "p" => self.b.push_block(Block::Paragraph(String::new())),
            "numId" | "ilvl" | "pStyle" if !in_run => {
                if let Some((_, reference)) = self.b.paragraphs.last_mut() {
                    let value = attribute(e, "val");
                    match local {
                        "numId" => reference.num_id = value.and_then(|v| v.parse().ok()),
                        "ilvl" => reference.level = value.and_then(|v| v.parse().ok()),
                        _ => reference.style = value,
                    }
                }
            }
            "tc" => {
                open_cell(&mut self.b);
                close_cell(&mut self.b);
            }
            _ => cell_property(&mut self.b, local, e),
        }
    }

    fn end(&mut self, local: &str) {
        if self.skip_depth > 0 {
            self.skip_depth -= 1;
            return;
        }
        match local {
            "p" => {
                if let Some((text, reference)) = self.b.paragraphs.pop() {
                    let label = self.numbering.label(&reference);
                    self.b.push_block(Block::Paragraph(label + &text));
                }
            }
            "r" => self.run_depth = self.run_depth.saturating_sub(1),
            "t" => self.in_text = false,
            "tbl" => close_table(&mut self.b),
            "tr" if self.b.ignored_depth > 0 => self.b.ignored_depth -= 1,
            "tc" => close_cell(&mut self.b),
            _ => {}
        }
    }

    /// The blocks, with what a truncated file left open closed, so that no text is lost.
    fn finish(mut self) -> Vec<Block> {
        let b = &mut self.b;
        while !b.tables.is_empty() {
            while b.containers.len() > b.tables.last().map_or(1, |t| t.1) {
                close_cell(b);
            }
            close_table(b);
        }
        while let Some((text, _)) = b.paragraphs.pop() {
            b.push_block(Block::Paragraph(text));
        }
        b.containers.swap_remove(0)
    }
}

/// A character or the five XML entities: `&#x4E00;`, `&amp;`; any other is an error.
fn entity(reference: &BytesRef) -> Result<char, DocxError> {
    let resolved = match reference.resolve_char_ref() {
        Ok(Some(c)) => Some(c),
        _ => match reference.as_ref() {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => None,
        },
    };
    resolved.ok_or_else(|| DocxError::BadXml(format!("未知的实体 &{};", &**reference)))
}

fn open_table(b: &mut Builder) {
    if b.ignored_depth > 0 || b.tables.len() >= MAX_TABLE_DEPTH {
        b.ignored_depth += 1;
        return;
    }
    // A table inside a paragraph (a text box's) ends that paragraph's part before it.
    b.tables.push((Vec::new(), b.containers.len()));
}

fn close_table(b: &mut Builder) {
    if b.ignored_depth > 0 {
        b.ignored_depth -= 1;
        return;
    }
    let Some((rows, containers)) = b.tables.pop() else {
        return;
    };
    // Cells left open inside this table (a malformed file) close with it.
    while b.containers.len() > containers {
        let blocks = b.containers.pop().unwrap_or_default();
        if let Some(parent) = b.containers.last_mut() {
            parent.extend(blocks);
        }
    }
    b.push_block(Block::Table(rows));
}

fn open_row(b: &mut Builder) {
    if b.ignored_depth > 0 {
        b.ignored_depth += 1;
        return;
    }
    if let Some((rows, _)) = b.tables.last_mut() {
        rows.push(Row::default());
    }
}

fn open_cell(b: &mut Builder) {
    if b.ignored_depth > 0 {
        b.ignored_depth += 1;
        return;
    }
    let Some(row) = b.row_mut() else {
        return;
    };
    row.cells.push(Cell {
        colspan: 1,
        continues_above: false,
        continues_left: false,
        blocks: Vec::new(),
    });
    b.containers.push(Vec::new());
}

fn close_cell(b: &mut Builder) {
    if b.ignored_depth > 0 {
        b.ignored_depth -= 1;
        return;
    }
    let Some(&(_, base)) = b.tables.last() else {
        return;
    };
    if b.containers.len() <= base {
        return;
    }
    let blocks = b.containers.pop().unwrap_or_default();
    if let Some(cell) = b.cell_mut() {
        cell.blocks.extend(blocks);
    }
}

/// `w:gridBefore`, `w:gridSpan`, `w:vMerge`, `w:hMerge`, wherever they occur (in `w:trPr` and
/// `w:tcPr`): each applies to the innermost open row or cell.
fn cell_property(b: &mut Builder, local: &str, e: &BytesStart) {
    if b.ignored_depth > 0 || b.tables.is_empty() {
        return;
    }
    let number = || {
        attribute(e, "val")
            .and_then(|v| v.trim().parse::<usize>().ok())
            .unwrap_or(1)
    };
    let continues = || attribute(e, "val").is_none_or(|v| v != "restart");
    match local {
        "gridBefore" => {
            let n = number();
            if let Some(row) = b.row_mut() {
                // Before the row's first cell only; a stray one inside a cell is ignored.
                if row.cells.is_empty() {
                    row.grid_before = n;
                }
            }
        }
        "gridSpan" => {
            let n = number();
            if let Some(cell) = b.cell_mut() {
                cell.colspan = n.max(1);
            }
        }
        "vMerge" => {
            let continues = continues();
            if let Some(cell) = b.cell_mut() {
                cell.continues_above = continues;
            }
        }
        "hMerge" => {
            let continues = continues();
            if let Some(cell) = b.cell_mut() {
                cell.continues_left = continues;
            }
        }
        _ => {}
    }
}

/// The value of an attribute by its local name (`w:val` → `val`).
fn attribute(e: &BytesStart, local: &str) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| a.value.into_owned())
}

// --------------------------------------------------------------------------- laying out

/// Feeds the tree to the builder: data tables as tables, layout tables flattened.
fn emit(blocks: &[Block], builder: &mut DocumentBuilder) {
    for block in blocks {
        match block {
            Block::Paragraph(text) => builder.paragraph(text),
            Block::Table(rows) if is_layout(rows) => {
                for cell in rows.iter().flat_map(|r| &r.cells) {
                    emit(&cell.blocks, builder);
                }
            }
            Block::Table(rows) => {
                builder.begin_table();
                for row in rows {
                    emit_row(row, builder);
                }
            }
        }
    }
}

/// A table that holds a table, or has only one cell, frames the page rather than data.
fn is_layout(rows: &[Row]) -> bool {
    let mut cells = rows.iter().flat_map(|r| &r.cells);
    let single = cells.clone().nth(1).is_none();
    single
        || cells
            .by_ref()
            .flat_map(|c| &c.blocks)
            .any(|b| matches!(b, Block::Table(_)))
}

fn emit_row(row: &Row, builder: &mut DocumentBuilder) {
    builder.begin_row();
    if row.grid_before > 0 {
        builder.skip_columns(row.grid_before);
    }
    // Legacy horizontal merges: a continuing cell widens the one before it.
    let mut cells: Vec<(usize, bool, String)> = Vec::with_capacity(row.cells.len());
    for cell in &row.cells {
        match cells.last_mut() {
            Some(last) if cell.continues_left => last.0 += cell.colspan,
            _ => cells.push((cell.colspan, cell.continues_above, cell_text(&cell.blocks))),
        }
    }
    for (colspan, continues_above, text) in cells {
        let rowspan = if continues_above {
            RowSpan::ContinueAbove
        } else {
            RowSpan::Rows(1)
        };
        builder.cell(&text, colspan, rowspan);
    }
}

/// A cell's paragraphs joined by line breaks (the builder makes them spaces).
fn cell_text(blocks: &[Block]) -> String {
    let mut text = String::new();
    for block in blocks {
        if let Block::Paragraph(p) = block {
            if !p.trim().is_empty() {
                if !text.is_empty() {
                    text.push('\n');
                }
                text.push_str(p);
            }
        }
    }
    text
}
