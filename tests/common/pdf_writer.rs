//! A small PDF writer for the generator tests: text in one Type0 font and straight ruling
//! lines, on A4 pages. The font is written as Word and WPS export Chinese (Identity-H, a
//! ToUnicode map and widths: full-width characters 1 em wide, ASCII half), or as older tools
//! and iText write it, unembedded `STSong-Light` in a predefined CMap (`UniGB-UCS2-H`,
//! `GBK-EUC-H`) with no ToUnicode map. No font program is embedded: the readers need only the
//! text's mapping and the widths.

use std::collections::BTreeMap;
use std::fmt::Write as _;

pub const PAGE_WIDTH: f64 = 595.0;
pub const PAGE_HEIGHT: f64 = 842.0;

/// What is drawn on one page.
#[derive(Default)]
pub struct Page {
    content: String,
}

/// Pages being written, and the characters their text uses (each gets a glyph id).
#[derive(Default)]
pub struct PdfWriter {
    pages: Vec<Page>,
    glyphs: BTreeMap<char, u16>,
    font: FontKind,
}

/// How the text's characters are coded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FontKind {
    /// Glyph ids in first-use order, a ToUnicode map.
    #[default]
    Identity,
    /// `STSong-Light` in `UniGB-UCS2-H`: each character its UTF-16 unit.
    Ucs2,
    /// `STSong-Light` in `GBK-EUC-H`: each character its GBK bytes.
    Gbk,
}

/// The advance of `c` in ems.
pub fn em(c: char) -> f64 {
    if c.is_ascii() {
        0.5
    } else {
        1.0
    }
}

/// The width of `text` at `size` points.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(em).sum::<f64>() * size
}

impl PdfWriter {
    pub fn new(font: FontKind) -> PdfWriter {
        PdfWriter {
            font,
            ..PdfWriter::default()
        }
    }

    /// Starts a new page; what is drawn next goes on it.
    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    fn last_page(&mut self) -> usize {
        if self.pages.is_empty() {
            self.new_page();
        }
        self.pages.len() - 1
    }

    /// `text` on the last page, its baseline starting at (`x`, `y`), y upwards from the page's
    /// bottom.
    pub fn text(&mut self, x: f64, y: f64, size: f64, text: &str) {
        let page = self.last_page();
        self.text_on(page, x, y, size, text);
    }

    /// `text` on page `page` (from 0).
    pub fn text_on(&mut self, page: usize, x: f64, y: f64, size: f64, text: &str) {
        let mut hex = String::new();
        for c in text.chars() {
            match self.font {
                FontKind::Identity => {
                    let next = self.glyphs.len() as u16 + 1;
                    let id = *self.glyphs.entry(c).or_insert(next);
                    write!(hex, "{id:04X}").unwrap();
                }
                FontKind::Ucs2 => write!(hex, "{:04X}", c as u32).unwrap(),
                FontKind::Gbk => {
                    let mut utf8 = [0; 4];
                    let (bytes, ..) = encoding_rs::GBK.encode(c.encode_utf8(&mut utf8));
                    bytes.iter().for_each(|b| write!(hex, "{b:02X}").unwrap());
                }
            }
        }
        writeln!(
            self.pages[page].content,
            "BT /F1 {size:.2} Tf 1 0 0 1 {x:.2} {y:.2} Tm <{hex}> Tj ET"
        )
        .unwrap();
    }

    /// A straight line on page `page` from (`x0`, `y0`) to (`x1`, `y1`).
    pub fn line_on(&mut self, page: usize, x0: f64, y0: f64, x1: f64, y1: f64) {
        writeln!(
            self.pages[page].content,
            "0.5 w {x0:.2} {y0:.2} m {x1:.2} {y1:.2} l S"
        )
        .unwrap();
    }

    /// Objects 3 to 6: the font, its CID font, its descriptor and its ToUnicode map (an
    /// empty dictionary for a predefined CMap, which has none).
    fn font_objects(&self) -> Vec<Vec<u8>> {
        let encoding = match self.font {
            FontKind::Identity => {
                let mut by_id: Vec<(u16, char)> =
                    self.glyphs.iter().map(|(c, id)| (*id, *c)).collect();
                by_id.sort();
                let widths: String = by_id
                    .iter()
                    .map(|(_, c)| format!("{} ", (em(*c) * 1000.0) as u32))
                    .collect();
                return vec![
                    b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>".to_vec(),
                    format!("<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 /W [1 [{widths}]] /CIDToGIDMap /Identity >>").into_bytes(),
                    b"<< /Type /FontDescriptor /FontName /SimSun /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 700 /StemV 80 >>".to_vec(),
                    stream(&to_unicode(&by_id)),
                ];
            }
            FontKind::Ucs2 => "UniGB-UCS2-H",
            FontKind::Gbk => "GBK-EUC-H",
        };
        // Adobe-GB1 gives ASCII CIDs 1 to 95 (UniGB-UCS2-H) or 814 to 908 (GBK-EUC-H): half
        // an em, as the layout takes them.
        vec![
            format!("<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /{encoding} /DescendantFonts [4 0 R] >>").into_bytes(),
            b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R /DW 1000 /W [1 95 500 814 908 500] >>".to_vec(),
            b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>".to_vec(),
            b"<< >>".to_vec(),
        ]
    }

    /// The file.
    pub fn finish(self) -> Vec<u8> {
        let mut objects: Vec<Vec<u8>> = Vec::new();
        // 1 catalog, 2 pages, 3 font, 4 CID font, 5 descriptor, 6 ToUnicode, then a page and
        // its content per page.
        let kids: String = (0..self.pages.len())
            .map(|i| format!("{} 0 R ", 7 + 2 * i))
            .collect();
        objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
        objects.push(
            format!(
                "<< /Type /Pages /Kids [{kids}] /Count {} >>",
                self.pages.len()
            )
            .into_bytes(),
        );
        objects.extend(self.font_objects());
        for (i, page) in self.pages.iter().enumerate() {
            objects.push(
                format!(
                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                    8 + 2 * i
                )
                .into_bytes(),
            );
            objects.push(stream(&page.content));
        }
        let mut file = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(file.len());
            file.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            file.extend_from_slice(body);
            file.extend_from_slice(b"\nendobj\n");
        }
        let xref = file.len();
        let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
        for offset in offsets {
            writeln!(table, "{offset:010} 00000 n ").unwrap();
        }
        write!(
            table,
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .unwrap();
        file.extend_from_slice(table.as_bytes());
        file
    }
}

fn stream(content: &str) -> Vec<u8> {
    format!(
        "<< /Length {} >>\nstream\n{content}\nendstream",
        content.len() + 1
    )
    .into_bytes()
}

/// The ToUnicode CMap: each glyph id to its character, in blocks of at most 100.
fn to_unicode(by_id: &[(u16, char)]) -> String {
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for block in by_id.chunks(100) {
        writeln!(cmap, "{} beginbfchar", block.len()).unwrap();
        for (id, c) in block {
            let mut utf16 = [0u16; 2];
            let units: String = c
                .encode_utf16(&mut utf16)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            writeln!(cmap, "<{id:04X}> <{units}>").unwrap();
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend");
    cmap
}
