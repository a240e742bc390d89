//! Reading a PDF natively (the CLI, the tests): `lopdf` parses it and `pdf-extract` runs its
//! content streams, handing each glyph with its text matrix and each stroked or filled path
//! to [`Collector`], which keeps runs of text and the straight lines that may be table
//! borders. The core lays them out ([`nianbao_core::input::pdf::document`]).

use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use nianbao_core::input::pdf::{
    PdfContent, PdfError, Rule, TextRun, MAX_BYTES, MAX_GLYPHS, MAX_PAGES, MAX_RULES,
};
mod cid_fonts;

use pdf_extract::{ColorSpace, MediaBox, OutputDev, OutputError, Path, PathOp, Transform};

/// A PDF's runs of text and ruling lines.
pub fn read(bytes: &[u8]) -> Result<PdfContent, PdfError> {
    if bytes.len() > MAX_BYTES {
        return Err(PdfError::TooLarge);
    }
    // The reader may panic on a malformed file: that file is unreadable, not a crash.
    quiet_panics_here();
    QUIET.with(|q| q.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| read_unguarded(bytes)));
    QUIET.with(|q| q.set(false));
    result.unwrap_or(Err(PdfError::Unreadable))?.with_text()
}

fn read_unguarded(bytes: &[u8]) -> Result<PdfContent, PdfError> {
    let mut document = lopdf::Document::load_mem(bytes).map_err(|_| PdfError::Unreadable)?;
    if document.is_encrypted() && document.decrypt("").is_err() {
        return Err(PdfError::Encrypted);
    }
    if document.get_pages().len() > MAX_PAGES {
        return Err(PdfError::TooLarge);
    }
    cid_fonts::use_unicode_mappings(&mut document);
    let mut collector = Collector::default();
    match pdf_extract::output_doc(&document, &mut collector) {
        Ok(()) => Ok(collector.content),
        Err(_) if collector.too_large => Err(PdfError::TooLarge),
        Err(_) => Err(PdfError::Unreadable),
    }
}

thread_local! {
    /// Set while this thread reads a PDF: its panics are caught and not printed.
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

fn quiet_panics_here() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                default(info);
            }
        }));
    });
}

/// Receives the glyphs and paths of every page.
#[derive(Default)]
struct Collector {
    page: usize,
    content: PdfContent,
    glyphs: usize,
    too_large: bool,
}

impl Collector {
    fn count(&mut self, glyphs: usize) -> Result<(), OutputError> {
        self.glyphs += glyphs;
        if self.glyphs > MAX_GLYPHS || self.content.rules.len() > MAX_RULES {
            self.too_large = true;
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        Ok(())
    }

    /// A path's straight pieces as rules, in page space.
    fn path(&mut self, ctm: &Transform, path: &Path) -> Result<(), OutputError> {
        let at = |x: f64, y: f64| ctm.transform_point(euclid::point2(x, y));
        let mut from = None;
        for op in &path.ops {
            match *op {
                PathOp::MoveTo(x, y) => from = Some(at(x, y)),
                PathOp::LineTo(x, y) => {
                    let to = at(x, y);
                    if let Some(from) = from {
                        self.rule(from.x, from.y, to.x, to.y);
                    }
                    from = Some(to);
                }
                PathOp::Rect(x, y, w, h) => {
                    let (a, b) = (at(x, y), at(x + w, y + h));
                    self.rectangle(a.x, a.y, b.x, b.y);
                }
                PathOp::CurveTo(.., x, y) => from = Some(at(x, y)),
                PathOp::Close => {}
            }
        }
        self.count(0)
    }

    /// A thin rectangle is a line; a larger one (a cell drawn as a box) is its four edges.
    fn rectangle(&mut self, x0: f64, y0: f64, x1: f64, y1: f64) {
        let (w, h) = ((x1 - x0).abs(), (y1 - y0).abs());
        if h <= 2.0 {
            let y = (y0 + y1) / 2.0;
            self.rule(x0, y, x1, y);
        } else if w <= 2.0 {
            let x = (x0 + x1) / 2.0;
            self.rule(x, y0, x, y1);
        } else {
            self.rule(x0, y0, x1, y0);
            self.rule(x0, y1, x1, y1);
            self.rule(x0, y0, x0, y1);
            self.rule(x1, y0, x1, y1);
        }
    }

    fn rule(&mut self, x0: f64, y0: f64, x1: f64, y1: f64) {
        let page = self.page;
        self.content.rules.push(Rule {
            page,
            x0,
            y0,
            x1,
            y1,
        });
    }
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        page: u32,
        _: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.page = (page as usize).saturating_sub(1);
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    /// A glyph: appended to the last run when it follows it on the same baseline.
    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        self.count(1)?;
        let advance = (width * font_size + spacing) * trm.m11;
        let size = (font_size * trm.m22).abs();
        let (x, y) = (trm.m31, trm.m32);
        let page = self.page;
        if let Some(last) = self.content.runs.last_mut() {
            let end = last.x + last.width;
            let follows = last.page == page
                && (last.y - y).abs() < 0.3 * size
                && (x - end).abs() < 0.3 * size;
            if follows {
                last.text.push_str(text);
                last.width = x + advance - last.x;
                return Ok(());
            }
        }
        let text = text.to_string();
        self.content.runs.push(TextRun {
            page,
            x,
            y,
            width: advance,
            size,
            text,
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn stroke(
        &mut self,
        ctm: &Transform,
        _: &ColorSpace,
        _: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.path(ctm, path)
    }

    fn fill(
        &mut self,
        ctm: &Transform,
        _: &ColorSpace,
        _: &[f64],
        path: &Path,
    ) -> Result<(), OutputError> {
        self.path(ctm, path)
    }
}
