//! Joining numbers that a line break cut apart (a web page whose spans became lines: `1` /
//! `62` for 162): the converse of [`super::split`]. A line break is not a separator to trust, so
//! adjacent numbers on consecutive lines may be one number; a row's own identities (its parts
//! add up to its total) decide which, and where more than one joining holds, the caller says so
//! instead of choosing.

use std::ops::Range;

use super::split::Sum;

/// A number of the row as read: its value, and its digits (with any sign) when it is a bare run
/// of digits alone on its line, that may join its neighbour.
#[derive(Clone, Copy, Debug)]
pub(super) struct Piece<'a> {
    pub(super) value: i64,
    /// `None` for a number that may not join: not a bare run of digits, or not alone on its
    /// line (a line of several cells ends with a separator, not with a cut).
    pub(super) digits: Option<&'a str>,
    pub(super) line: usize,
}

/// A number of a reading: the pieces it joins, and its value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Joined {
    pub(super) pieces: Range<usize>,
    pub(super) value: i64,
}

/// Longest number (digits) a join may make.
const MAX_NUMBER_DIGITS: usize = 12;

/// The ways to make exactly `n` numbers of `pieces`, in order, by joining runs of adjacent
/// pieces on consecutive lines, that satisfy every sum in `sums`. At most `limit` readings are
/// returned.
pub(super) fn join(pieces: &[Piece], n: usize, sums: &[Sum], limit: usize) -> Vec<Vec<Joined>> {
    if pieces.len() <= n || sums.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut reading = Vec::with_capacity(n);
    search(pieces, 0, n, sums, limit, &mut reading, &mut found);
    found
}

/// Whether any two neighbouring pieces may be one number cut by a line break.
pub(super) fn may_join(pieces: &[Piece]) -> bool {
    (1..pieces.len()).any(|i| joined(pieces, i - 1..i + 1).is_some())
}

/// The value of pieces `range` joined, if they may join: digit runs on consecutive lines.
fn joined(pieces: &[Piece], range: Range<usize>) -> Option<i64> {
    let parts = &pieces[range];
    if parts.len() == 1 {
        return Some(parts[0].value);
    }
    let mut digits = String::new();
    for (k, piece) in parts.iter().enumerate() {
        let text = piece.digits?;
        // Only the first piece may carry the sign (`+1` / `31` for +131).
        let signed = text.starts_with(['+', '-']);
        if k > 0 && (signed || piece.line != parts[k - 1].line + 1) {
            return None;
        }
        digits.push_str(text);
    }
    let unsigned = digits.trim_start_matches(['+', '-']);
    // A number never starts with 0 unless it is 0.
    if unsigned.len() > MAX_NUMBER_DIGITS || unsigned.starts_with('0') {
        return None;
    }
    digits.parse().ok()
}

fn search(
    pieces: &[Piece],
    at: usize,
    n: usize,
    sums: &[Sum],
    limit: usize,
    reading: &mut Vec<Joined>,
    found: &mut Vec<Vec<Joined>>,
) {
    if found.len() >= limit {
        return;
    }
    let numbers_left = n - reading.len();
    let pieces_left = pieces.len() - at;
    if numbers_left == 0 {
        if pieces_left == 0 && holds(reading, sums) {
            found.push(reading.clone());
        }
        return;
    }
    // Each number left takes at least one piece.
    for end in at + 1..=pieces.len() - (numbers_left - 1) {
        let Some(value) = joined(pieces, at..end) else {
            break;
        };
        reading.push(Joined {
            pieces: at..end,
            value,
        });
        search(pieces, end, n, sums, limit, reading, found);
        reading.pop();
    }
}

fn holds(reading: &[Joined], sums: &[Sum]) -> bool {
    sums.iter().all(|(parts, total)| {
        let sum: Option<i64> = reading[parts.clone()]
            .iter()
            .try_fold(0i64, |acc, number| acc.checked_add(number.value));
        sum == Some(reading[*total].value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces<'a>(numbers: &[(&'a str, usize)]) -> Vec<Piece<'a>> {
        numbers
            .iter()
            .map(|&(digits, line)| Piece {
                value: digits.parse().unwrap(),
                digits: Some(digits),
                line,
            })
            .collect()
    }

    #[test]
    fn a_total_cut_by_a_line_break_is_joined_by_the_row_sum() {
        // 160 0 0 2 0 0 | 1 / 62: the total 162 was cut after its first digit.
        let row = pieces(&[
            ("160", 1),
            ("0", 2),
            ("0", 3),
            ("2", 4),
            ("0", 5),
            ("0", 6),
            ("1", 7),
            ("62", 8),
        ]);
        let readings = join(&row, 7, &[(0..6, 6)], 8);
        assert_eq!(readings.len(), 1, "{readings:?}");
        assert_eq!(
            readings[0][6],
            Joined {
                pieces: 6..8,
                value: 162
            }
        );
    }

    #[test]
    fn numbers_on_one_line_or_starting_with_0_are_not_joined() {
        let same_line = pieces(&[("1", 1), ("1", 1), ("0", 1), ("11", 1)]);
        assert!(join(&same_line, 3, &[(0..2, 2)], 8).is_empty());
        // 0 / 5 | 5 would hold only as 05 = 5: a number does not start with 0.
        let leading_zero = pieces(&[("0", 1), ("5", 2), ("5", 3)]);
        assert!(join(&leading_zero, 2, &[(0..1, 1)], 8).is_empty());
    }

    #[test]
    fn several_joinings_that_hold_are_all_given() {
        // 1 / 1 / 2 into two numbers with part = total: 11 | 2 fails, 1 | 12 fails, so none;
        // 2 / 2 / 22 into two: 22 | 22 or 2 | 222: only the first holds.
        let row = pieces(&[("2", 1), ("2", 2), ("22", 3)]);
        let only = join(&row, 2, &[(0..1, 1)], 8);
        let ranges: Vec<Vec<Range<usize>>> = only
            .iter()
            .map(|r| r.iter().map(|j| j.pieces.clone()).collect())
            .collect();
        assert_eq!(ranges, vec![vec![0..2, 2..3]]);
        let row = pieces(&[("1", 1), ("1", 2), ("2", 3)]);
        assert!(join(&row, 2, &[(0..1, 1)], 8).is_empty());
        // Without a sum to decide, nothing is joined.
        assert!(join(&row, 2, &[], 8).is_empty());
    }
}
