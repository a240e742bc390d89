//! A template row not found where numbers follow a label that names no row. The row is most
//! likely there with its label misread (cut short, run into a neighbour's, as a PDF drawn
//! without borders gives it), so it is declined as unreadable rather than reported missing.

use super::rows::RowRun;
use super::segments::{Label, Seg};

/// A label naming no row with numbers after it, between the rows found around `row`.
pub(super) fn unnamed_label_in_place<'a>(
    segs: &'a [Seg],
    runs: &[Option<RowRun>],
    row: usize,
) -> Option<&'a Label> {
    let after = runs[..row].iter().rev().flatten().next();
    let before = runs[row + 1..].iter().flatten().next();
    let from = after.map_or(0, |run| run.label.end);
    let to = before.map_or(usize::MAX, |run| run.label.start);
    let named = |label: &Label| runs.iter().flatten().any(|r| r.label.start == label.start);
    segs.iter().enumerate().find_map(|(i, seg)| match seg {
        Seg::Label(label) if label.start >= from && label.start < to && !named(label) => {
            let next = segs[i + 1..].iter().find(|s| !matches!(s, Seg::Gap(_)));
            matches!(next, Some(Seg::Value(_))).then_some(label)
        }
        _ => None,
    })
}
