//! A report and the text it was made from, as the components show it.

use std::ops::Range;
use std::rc::Rc;

use super::{tables_from_grids, Request};
use crate::model::Report;

/// A checked report and the text it was made from, shared by the components; equal when it
/// is the same check.
#[derive(Clone)]
pub struct Checked {
    pub report: Rc<Report>,
    pub text: Rc<str>,
    /// Last year's report it was compared with (empty: none).
    pub previous: Rc<str>,
    /// Checked with the cell grids of a pasted table (clipboard HTML).
    pub with_grids: bool,
    /// How many tables were read from those cells.
    pub tables_from_paste: usize,
    /// Those cells were a file's (.docx), not a paste's.
    pub grids_from_file: bool,
}

impl Checked {
    pub fn new(report: Report, request: Request) -> Checked {
        let grids = request.grids.as_deref();
        let tables_from_paste = grids.map_or(0, |g| tables_from_grids(&report, g));
        Checked {
            report: Rc::new(report),
            with_grids: grids.is_some(),
            tables_from_paste,
            grids_from_file: request.grids_from_file,
            text: request.text,
            previous: request.previous,
        }
    }
}

/// Where a span of the text is: its line (from 1) and its bytes within that line.
#[derive(Debug, PartialEq)]
pub struct SpanOnLine {
    pub line: usize,
    pub bytes: Range<usize>,
}

impl Checked {
    /// Where finding `index` points in the text (the number of its first cell, or the number a
    /// sentence states), when that is within one line. Spans count UTF-16 units, as JS does.
    pub fn span_on_line(&self, index: usize) -> Option<SpanOnLine> {
        let (start, end) = self.report.findings.get(index)?.span?;
        span_on_line(&self.text, start, end)
    }
}

/// The line and in-line bytes of the UTF-16 units `start..end` of `text`; `None` for an empty
/// span, one past the text, or one that crosses a line break.
fn span_on_line(text: &str, start: usize, end: usize) -> Option<SpanOnLine> {
    if end <= start {
        return None;
    }
    let (mut units, mut line, mut line_start) = (0, 1, 0);
    let mut start_byte = None;
    for (at, c) in text.char_indices() {
        if units == start {
            start_byte = Some(at);
        }
        if units == end {
            let first = start_byte?;
            return Some(SpanOnLine {
                line,
                bytes: first - line_start..at - line_start,
            });
        }
        if c == '\n' {
            if start_byte.is_some() {
                return None;
            }
            line += 1;
            line_start = at + 1;
        }
        units += c.len_utf16();
    }
    // A span that ends with the text.
    (units == end).then_some(())?;
    let first = start_byte?;
    Some(SpanOnLine {
        line,
        bytes: first - line_start..text.len() - line_start,
    })
}

impl PartialEq for Checked {
    fn eq(&self, other: &Checked) -> bool {
        Rc::ptr_eq(&self.report, &other.report)
    }
}

#[cfg(test)]
mod tests {
    use super::{span_on_line, SpanOnLine};

    fn on_line(line: usize, bytes: std::ops::Range<usize>) -> Option<SpanOnLine> {
        Some(SpanOnLine { line, bytes })
    }

    #[test]
    fn a_span_is_found_on_its_line_in_bytes_of_that_line() {
        let text = "一、总体情况\n自然人 12 3\n";
        // "12" is UTF-16 units 11..13 (7 for the first line and its break, 4 for "自然人 ").
        assert_eq!(span_on_line(text, 11, 13), on_line(2, 10..12));
        assert_eq!(&text.split('\n').nth(1).unwrap()[10..12], "12");
    }

    #[test]
    fn characters_outside_the_basic_plane_count_two_units_as_in_js() {
        let text = "𠀀 7";
        assert_eq!(span_on_line(text, 3, 4), on_line(1, 5..6));
    }

    #[test]
    fn a_span_at_the_end_of_the_text_is_found() {
        assert_eq!(span_on_line("合计 40", 3, 5), on_line(1, 7..9));
    }

    #[test]
    fn a_span_across_a_line_break_or_past_the_text_or_empty_is_none() {
        assert_eq!(span_on_line("12\n34", 1, 4), None);
        assert_eq!(span_on_line("12", 1, 9), None);
        assert_eq!(span_on_line("12", 1, 1), None);
    }
}
