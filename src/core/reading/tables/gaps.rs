//! Placing a row's numbers and blanks in its columns: which gaps (empty fields, empty lines)
//! stand for blank cells when a row has fewer numbers than columns.

use super::segments::{Label, Seg, PROSE_CHARS};
use crate::text::sort;
use crate::text::tokens::{GapKind, Kind, Token};

#[derive(Clone, Copy, Debug)]
pub(super) enum Pick {
    Value(Token),
    Gap(Token),
}

#[derive(Debug, Default)]
pub(super) struct Resolution {
    pub(super) picks: Vec<Pick>,
    pub(super) extras: Vec<Token>,
    /// More gaps could be blank cells than there are missing numbers.
    pub(super) ambiguous: bool,
    /// Fewer numbers and gaps than columns.
    pub(super) unreadable: bool,
}

/// Where a gap stands relative to the row's numbers.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum GapPlace {
    /// Between two numbers of the row.
    Interior,
    /// Before the first or after the last number, on a line that holds numbers of the row.
    ValueLine,
    /// Elsewhere: after the label, or on a line of its own.
    Edge,
}

/// How likely a gap is to stand for a blank cell: lower is likelier.
pub(super) fn gap_class(kind: GapKind, place: GapPlace) -> u8 {
    match (kind, place) {
        (GapKind::Field, GapPlace::Interior) => 1,
        (GapKind::EmptyLine, GapPlace::Interior) => 2,
        (GapKind::Field, GapPlace::ValueLine) => 3,
        (GapKind::Field | GapKind::EmptyLine, _) => 4,
        (GapKind::TrailingTab, GapPlace::Interior | GapPlace::ValueLine) => 5,
        (GapKind::TrailingTab, GapPlace::Edge) => 6,
        (GapKind::SeparatorLine, _) => 7,
    }
}

/// A table whose rows mostly carry an empty field right after the label (a merged label
/// cell, copied as two) has that field in every row: it is not a blank cell.
pub(super) const ARTIFACT_CLASS: u8 = 8;

/// Whether a row's first item, on the label's line, is an empty field before the numbers.
pub(super) fn gap_after_label(label: &Label, items: &[Seg]) -> Option<bool> {
    match items.first()? {
        Seg::Gap(t) if t.line == label.last_line && t.kind == Kind::Gap(GapKind::Field) => {
            Some(true)
        }
        Seg::Value(t) if t.line == label.last_line => Some(false),
        _ => None,
    }
}

/// Places a row's numbers and blanks into its `n` columns. With `artifact_line`, an empty
/// field right after the label on that line is the last choice for a blank.
pub(super) fn resolve(items: &[Seg], n: usize, artifact_line: Option<usize>) -> Resolution {
    let items = &items[..row_end(items, n)];
    let values: Vec<(usize, Token)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, seg)| match seg {
            Seg::Value(t) => Some((i, *t)),
            _ => None,
        })
        .collect();
    if values.len() >= n {
        return Resolution {
            picks: values[..n].iter().map(|&(_, t)| Pick::Value(t)).collect(),
            extras: values[n..].iter().map(|&(_, t)| t).collect(),
            ..Resolution::default()
        };
    }
    let mut gaps = ranked_gaps(items, &values, artifact_line);
    let need = n - values.len();
    if gaps.len() < need {
        return Resolution {
            picks: values.iter().map(|&(_, t)| Pick::Value(t)).collect(),
            unreadable: true,
            ..Resolution::default()
        };
    }
    sort::sort_by_key(&mut gaps, |gap| {
        sort::pair(u64::from(gap.class), gap.at as u64)
    });
    let ambiguous = gaps.len() > need && need > 0 && gaps[need].class == gaps[need - 1].class;
    let mut chosen: Vec<(usize, Pick)> = values.iter().map(|&(i, t)| (i, Pick::Value(t))).collect();
    chosen.extend(
        gaps[..need]
            .iter()
            .map(|gap| (gap.at, Pick::Gap(gap.token))),
    );
    sort::sort_by_key(&mut chosen, |&(i, _)| i as u128);
    Resolution {
        picks: chosen.into_iter().map(|(_, p)| p).collect(),
        ambiguous,
        ..Resolution::default()
    }
}

/// Where a row's items end: prose after a complete row ends it.
fn row_end(items: &[Seg], n: usize) -> usize {
    let mut values_seen = 0;
    items
        .iter()
        .position(|seg| match seg {
            Seg::Value(_) => {
                values_seen += 1;
                false
            }
            Seg::Label(label) => values_seen >= n && label.han_len >= PROSE_CHARS,
            Seg::Gap(_) => false,
        })
        .unwrap_or(items.len())
}

/// A gap that may stand for a blank cell, and how likely it is to.
struct RankedGap {
    /// Lower is likelier ([`gap_class`], or [`ARTIFACT_CLASS`]).
    class: u8,
    /// Its index among the row's items.
    at: usize,
    token: Token,
}

/// The row's gaps, each ranked by its kind and where it stands relative to the row's values.
fn ranked_gaps(
    items: &[Seg],
    values: &[(usize, Token)],
    artifact_line: Option<usize>,
) -> Vec<RankedGap> {
    let first_value = values.first().map(|v| v.0);
    let last_value = values.last().map(|v| v.0);
    items
        .iter()
        .enumerate()
        .filter_map(|(i, seg)| {
            let Seg::Gap(t) = seg else { return None };
            let Kind::Gap(kind) = t.kind else { return None };
            let place = if first_value.is_some_and(|f| f < i) && last_value.is_some_and(|l| l > i) {
                GapPlace::Interior
            } else if values.iter().any(|(_, v)| v.line == t.line) {
                GapPlace::ValueLine
            } else {
                GapPlace::Edge
            };
            let artifact = i == 0 && kind == GapKind::Field && artifact_line == Some(t.line);
            let class = if artifact {
                ARTIFACT_CLASS
            } else {
                gap_class(kind, place)
            };
            Some(RankedGap {
                class,
                at: i,
                token: *t,
            })
        })
        .collect()
}
