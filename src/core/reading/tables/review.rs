//! 表四, in either of its layouts: rows led by their group names, or the printed form's one
//! row of 15 numbers under the header.

use super::cells::{place_cells, Columns};
use super::gaps::resolve;
use super::read_rows;
use super::rows::find_rows;
use super::segments::{Label, Seg};
use crate::model::template::{REVIEW_HEADER_WORDS, REVIEW_LITIGATION};
use crate::model::{Finding, Table};
use crate::text::Source;

/// Halves of 表四's header cells: a PDF copy breaks `结果维持` over two lines, and the halves
/// come out line by line (`结果结果其他尚未` / `维持纠正结果审结`).
const BROKEN_HEADER_WORDS: &[&str] = &["结果", "维持", "纠正", "其他", "尚未", "审结"];

/// How much of a label is made of 表四's header words.
pub(super) fn is_review_header(han: &str) -> bool {
    if han.is_empty() {
        return false;
    }
    let mut rest = han;
    let mut other = 0;
    while let Some(c) = rest.chars().next() {
        let whole = REVIEW_HEADER_WORDS.iter().find(|w| rest.starts_with(*w));
        match whole.or_else(|| BROKEN_HEADER_WORDS.iter().find(|w| rest.starts_with(*w))) {
            Some(word) => rest = &rest[word.len()..],
            None => {
                other += 1;
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    let total = han.chars().count();
    other <= 2.max(total / 4) && other < total
}

/// 表四, in either of its layouts: three rows led by their group names
/// (`行政复议 0 0 3 0 3` / `未经复议直接起诉 …` / `复议后起诉 …`), or the printed form's one row
/// of 15 numbers under the header.
pub(super) fn read_review(
    source: &Source,
    segs: &[Seg],
    findings: &mut Vec<Finding>,
) -> Option<Table> {
    let spec = &REVIEW_LITIGATION;
    let runs = find_rows(segs, spec, 4);
    let rows_led_by_names = runs
        .iter()
        .flatten()
        .filter(|run| {
            matches!(
                run.items.iter().find(|s| !matches!(s, Seg::Gap(_))),
                Some(Seg::Value(_))
            )
        })
        .count();
    if rows_led_by_names >= 2 {
        let mut table = read_rows(source, segs, spec, 4, findings)?.0;
        super::decline_misnamed_rows(source, segs, 4, &mut table, findings);
        return Some(table);
    }
    read_review_row(source, segs, findings)
}

/// 表四 as printed: the header block, then 15 values (the numbers after its last header line).
pub(super) fn read_review_row(
    source: &Source,
    segs: &[Seg],
    findings: &mut Vec<Finding>,
) -> Option<Table> {
    let spec = &REVIEW_LITIGATION;
    let n = spec.rows.len() * spec.rows[0].cols.len();
    let mut header: Option<&Label> = None;
    let mut items: Vec<Seg> = Vec::new();
    let mut values = 0;
    let mut best: Option<(&Label, Vec<Seg>, usize)> = None;
    for seg in segs {
        match seg {
            Seg::Label(label) if label.han.is_empty() => {}
            Seg::Label(label) if is_review_header(&label.han) => {
                if values >= n {
                    break;
                }
                // Numbers before a header line were prose (`行政诉讼2件`), not cells.
                header = Some(label);
                items.clear();
                values = 0;
            }
            Seg::Label(_) if values >= n => break,
            Seg::Label(_) => {
                // Prose: keep the fullest attempt in case no better one follows.
                if let Some(h) = header.take() {
                    if best.as_ref().is_none_or(|b| values > b.2) {
                        best = Some((h, std::mem::take(&mut items), values));
                    }
                }
                items.clear();
                values = 0;
            }
            Seg::Value(_) if header.is_some() => {
                values += 1;
                items.push(seg.clone());
            }
            Seg::Gap(_) if header.is_some() => items.push(seg.clone()),
            _ => {}
        }
    }
    if let Some(h) = header {
        if best.as_ref().is_none_or(|b| values >= b.2) {
            best = Some((h, items, values));
        }
    }
    let (header, items, _) = best?;
    let resolution = resolve(&items, n, None);
    let cells = place_cells(source, Columns::ReviewFlat, header, resolution, findings).cells;
    let width = spec.rows[0].cols.len();
    Some(Table {
        spec,
        rows: cells.chunks(width).map(|c| Some(c.to_vec())).collect(),
        line: header.line,
        splits: Vec::new(),
    })
}
