//! The core's PDF layout ([`pdf::document`]) for the page, as a wasm of its own: pdf.js gives
//! runs of text and ruling lines (www/pdf/reader.js), this lays them out as the CLI does, and
//! the page's wasm (src/web/pdf.rs) receives the document. Kept out of the page's wasm because
//! every byte there is loaded by everyone, and the layout only by those who open a PDF.

use nianbao_core::input::pdf::{self, PdfContent, PdfError, Rule, TextRun};
use nianbao_core::model::wire;
use wasm_bindgen::prelude::*;

/// Pages, glyphs and ruling lines over which the reader refuses a PDF, as the CLI does.
#[wasm_bindgen]
pub fn limits() -> Vec<f64> {
    [pdf::MAX_PAGES, pdf::MAX_GLYPHS, pdf::MAX_RULES]
        .map(|n| n as f64)
        .to_vec()
}

/// The document of a PDF from its runs (`texts`, and `runs`: page, x, y, width, size for each
/// text) and ruling lines (`rules`: page, x0, y0, x1, y1 for each), as the bytes of
/// [`wire`] that the page's wasm reads; or the name of a [`PdfError`] (`NoText` when there is
/// no text at all: a scan; `Unreadable` when the reader's arrays do not fit together).
#[wasm_bindgen(js_name = layOut)]
pub fn lay_out(texts: Vec<String>, runs: &[f64], rules: &[f64]) -> Result<Vec<u8>, JsValue> {
    let content = content(texts, runs, rules)
        .and_then(PdfContent::with_text)
        .map_err(error_name)?;
    wire::to_bytes(&pdf::document(&content)).map_err(|_| error_name(PdfError::Unreadable))
}

/// The name src/web/pdf.rs maps back to a [`PdfError`].
fn error_name(error: PdfError) -> JsValue {
    JsValue::from_str(match error {
        PdfError::NoText => "NoText",
        PdfError::TooLarge => "TooLarge",
        PdfError::Encrypted => "Encrypted",
        PdfError::NotHere | PdfError::Unreadable => "Unreadable",
    })
}

/// The reader's flat arrays as the core's content.
pub fn content(texts: Vec<String>, runs: &[f64], rules: &[f64]) -> Result<PdfContent, PdfError> {
    if runs.len() != texts.len() * 5 || !rules.len().is_multiple_of(5) {
        return Err(PdfError::Unreadable);
    }
    let runs = runs
        .chunks_exact(5)
        .zip(texts)
        .map(|(n, text)| TextRun {
            page: n[0] as usize,
            x: n[1],
            y: n[2],
            width: n[3],
            size: n[4],
            text,
        })
        .collect();
    let rules = rules
        .chunks_exact(5)
        .map(|n| Rule {
            page: n[0] as usize,
            x0: n[1],
            y0: n[2],
            x1: n[3],
            y1: n[4],
        })
        .collect();
    Ok(PdfContent { runs, rules })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_arrays_become_runs_and_rules() {
        let content = content(
            vec!["一、总体情况".into(), "12".into()],
            &[0.0, 72.0, 700.0, 80.0, 12.0, 1.0, 300.0, 500.0, 10.0, 10.5],
            &[1.0, 50.0, 600.0, 550.0, 600.0],
        )
        .unwrap();
        assert_eq!(content.runs.len(), 2);
        assert_eq!(content.runs[1].page, 1);
        assert_eq!(content.runs[1].text, "12");
        assert_eq!(content.runs[1].size, 10.5);
        assert_eq!(content.rules.len(), 1);
        assert_eq!(content.rules[0].x1, 550.0);
    }

    #[test]
    fn arrays_that_do_not_fit_together_are_unreadable() {
        assert_eq!(
            content(vec!["a".into()], &[0.0; 4], &[]),
            Err(PdfError::Unreadable)
        );
        assert_eq!(content(vec![], &[], &[0.0; 6]), Err(PdfError::Unreadable));
    }
}
