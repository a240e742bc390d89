//! Splitting digits that ran together when a table lost its separators (a web page copied as
//! text: `640020470` for 64, 0, 0, 2, 0, 4, 70). A row's own identities (its parts add up to
//! its total) decide between the possible splits; where more than one holds, the caller says
//! so instead of choosing.

use std::ops::Range;

/// `sum(parts) == total` over column indices of a row.
pub(crate) type Sum = (Range<usize>, usize);

/// One number cut out of a run: the run's index, the byte range within the run, the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Part {
    pub run: usize,
    pub start: usize,
    pub end: usize,
    pub value: i64,
}

/// Longest digit string searched, over all runs of a row: beyond it the search is not tried.
const MAX_DIGITS: usize = 48;
/// Longest single number (digits) a cell may hold.
const MAX_NUMBER_DIGITS: usize = 12;

/// The ways to cut `runs` (each all ASCII digits) into exactly `n` numbers, in order, that
/// satisfy every sum in `sums`. A number never starts with 0 unless it is 0. At most `limit`
/// solutions are returned.
pub(crate) fn split(runs: &[&str], n: usize, sums: &[Sum], limit: usize) -> Vec<Vec<Part>> {
    let digits: usize = runs.iter().map(|r| r.len()).sum();
    let all_digits = runs
        .iter()
        .all(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_digit()));
    if !all_digits || digits > MAX_DIGITS || digits < n || runs.len() > n {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut parts = Vec::with_capacity(n);
    search(runs, 0, 0, n, sums, limit, &mut parts, &mut found);
    found
}

#[allow(clippy::too_many_arguments)]
fn search(
    runs: &[&str],
    run: usize,
    at: usize,
    n: usize,
    sums: &[Sum],
    limit: usize,
    parts: &mut Vec<Part>,
    found: &mut Vec<Vec<Part>>,
) {
    if found.len() >= limit {
        return;
    }
    if run == runs.len() {
        if parts.len() == n && holds(parts, sums) {
            found.push(parts.clone());
        }
        return;
    }
    let text = runs[run].as_bytes();
    if at == text.len() {
        search(runs, run + 1, 0, n, sums, limit, parts, found);
        return;
    }
    // Each later run needs at least one number, each digit left at most one.
    let later_runs = runs.len() - run - 1;
    if parts.len() + 1 + later_runs > n {
        return;
    }
    // Each number still to place needs a digit of its own.
    let digits_left = text.len() - at + runs[run + 1..].iter().map(|r| r.len()).sum::<usize>();
    let numbers_left = n - parts.len();
    if digits_left < numbers_left {
        return;
    }
    let longest = if text[at] == b'0' {
        1
    } else {
        MAX_NUMBER_DIGITS
            .min(text.len() - at)
            .min(digits_left + 1 - numbers_left)
    };
    for len in 1..=longest {
        let end = at + len;
        let value = runs[run][at..end].parse::<i64>().unwrap_or(i64::MAX);
        parts.push(Part {
            run,
            start: at,
            end,
            value,
        });
        if !broken_early(parts, sums) {
            search(runs, run, end, n, sums, limit, parts, found);
        }
        parts.pop();
    }
}

/// A sum whose columns are all placed already and does not add up.
fn broken_early(parts: &[Part], sums: &[Sum]) -> bool {
    sums.iter().any(|(range, total)| {
        *total < parts.len() && range.end <= parts.len() && !adds_up(parts, range, *total)
    })
}

fn holds(parts: &[Part], sums: &[Sum]) -> bool {
    sums.iter()
        .all(|(range, total)| adds_up(parts, range, *total))
}

fn adds_up(parts: &[Part], range: &Range<usize>, total: usize) -> bool {
    let sum: i64 = parts[range.clone()].iter().map(|p| p.value).sum();
    sum == parts[total].value
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(solution: &[Part]) -> Vec<i64> {
        solution.iter().map(|p| p.value).collect()
    }

    #[test]
    fn splits_a_row_by_its_total() {
        let found = split(&["640020470"], 7, &[(0..6, 6)], 4);
        assert_eq!(found.len(), 1);
        assert_eq!(values(&found[0]), [64, 0, 0, 2, 0, 4, 70]);
        let found = split(&["500000", "5"], 7, &[(0..6, 6)], 4);
        assert_eq!(values(&found[0]), [5, 0, 0, 0, 0, 0, 5]);
    }

    #[test]
    fn splits_table_four_by_its_three_groups() {
        let sums = [(0..4, 4), (5..9, 9), (10..14, 14)];
        let found = split(&["10203120001200000"], 15, &sums, 4);
        assert_eq!(found.len(), 1);
        assert_eq!(
            values(&found[0]),
            [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]
        );
    }

    #[test]
    fn reports_every_reading_that_holds() {
        // 1,1,0,0,0,0,2 and 11,… both cannot be told apart from "1100002"? Only one holds.
        assert_eq!(split(&["1100002"], 7, &[(0..6, 6)], 4).len(), 1);
        // Without an identity, "1234" into 3 numbers has three readings.
        assert_eq!(split(&["1234"], 3, &[], 10).len(), 3);
        // No reading: the parts cannot add up.
        assert!(split(&["9999999"], 7, &[(0..6, 6)], 4).is_empty());
        // Leading zeros are not numbers; too long runs are not searched.
        assert_eq!(values(&split(&["000"], 3, &[], 4)[0]), [0, 0, 0]);
        assert!(split(&["1".repeat(60).as_str()], 7, &[(0..6, 6)], 4).is_empty());
    }
}
