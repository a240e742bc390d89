//! Finding a table's rows: which template row a label names ([`match_row`]), and the run of
//! segments after each row's label.

use std::sync::OnceLock;

use super::segments::{tail, Label, Seg};
use crate::model::template::{
    RowSpec, TableSpec, ACTIVE_2019, ACTIVE_2021, REQUESTS_2019, REQUESTS_2021, REVIEW_LITIGATION,
};
use crate::text::distance::suffix_distances;
use crate::text::sort;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct RowMatch {
    pub(crate) row: usize,
    /// Matched characters × 4 + quality (3 label ends with key, 2 contains it, 1 wrapped).
    pub(crate) score: usize,
    pub(crate) matched_chars: usize,
}

/// Shortest start of a label that may end a wrapped line (`要求行政机关确认或重新出`).
pub(super) const WRAPPED_MIN_CHARS: usize = 4;

/// Row labels indexed by the characters a label is matched on, so that matching a label
/// costs a few comparisons however long the report (pastes of many megabytes).
pub(super) struct KeyIndex {
    /// (last character, (row, key)).
    by_last: Vec<(char, (usize, &'static str))>,
    /// (last character of a start, (row, that start, its length in characters)): the starts
    /// of at least [`WRAPPED_MIN_CHARS`] characters, shorter than the key, that a wrapped
    /// label may end with (`要求行政机关确认或重新出`).
    by_start_end: Vec<(char, (usize, &'static str, usize))>,
    /// (first character, (row, key)) for keys long enough to be found inside a label.
    by_first: Vec<(char, (usize, &'static str))>,
    /// (row, its key's characters) for the keys a label with a typo may name ([`closest_row`]),
    /// in row order.
    typo_keys: Vec<(usize, Vec<char>)>,
}

/// A key found inside a label must be this long (4 Han characters), to avoid chance hits.
pub(super) const CONTAINED_MIN_BYTES: usize = 4 * 3;

impl KeyIndex {
    fn build(spec: &'static TableSpec) -> KeyIndex {
        let mut index = KeyIndex {
            by_last: Vec::new(),
            by_start_end: Vec::new(),
            by_first: Vec::new(),
            typo_keys: Vec::new(),
        };
        for (row, spec_row) in spec.rows.iter().enumerate() {
            for &key in spec_row.keys {
                if key.len() >= TYPO_KEY_BYTES {
                    index.typo_keys.push((row, key.chars().collect()));
                }
                let chars: Vec<(usize, char)> = key.char_indices().collect();
                if let (Some(&(_, first)), Some(&(_, last))) = (chars.first(), chars.last()) {
                    index.by_last.push((last, (row, key)));
                    if key.len() >= CONTAINED_MIN_BYTES {
                        index.by_first.push((first, (row, key)));
                    }
                }
                for n in WRAPPED_MIN_CHARS..chars.len() {
                    let (at, c) = chars[n - 1];
                    index
                        .by_start_end
                        .push((c, (row, &key[..at + c.len_utf8()], n)));
                }
            }
        }
        sort::sort_by_key(&mut index.by_last, |e| u128::from(e.0));
        sort::sort_by_key(&mut index.by_start_end, |e| u128::from(e.0));
        sort::sort_by_key(&mut index.by_first, |e| u128::from(e.0));
        index
    }

    fn of(spec: &'static TableSpec) -> &'static KeyIndex {
        static INDEXES: OnceLock<Vec<(usize, KeyIndex)>> = OnceLock::new();
        let indexes = INDEXES.get_or_init(|| {
            [
                &ACTIVE_2019,
                &ACTIVE_2021,
                &REQUESTS_2019,
                &REQUESTS_2021,
                &REVIEW_LITIGATION,
            ]
            .into_iter()
            .map(|spec| (spec as *const TableSpec as usize, KeyIndex::build(spec)))
            .collect()
        });
        let address = spec as *const TableSpec as usize;
        match indexes.iter().find(|(a, _)| *a == address) {
            Some((_, index)) => index,
            // Every spec is one of the five statics above; this arm is never taken.
            None => Box::leak(Box::new(KeyIndex::build(spec))),
        }
    }
}

/// The entries of a list sorted by character that have character `c`.
pub(super) fn with_char<T>(entries: &[(char, T)], c: char) -> &[(char, T)] {
    let from = entries.partition_point(|e| e.0 < c);
    let to = entries.partition_point(|e| e.0 <= c);
    &entries[from..to]
}

/// Column headers of 表三, as they run together in a copied header row.
pub(super) const REQUEST_HEADER_WORDS: &[&str] = &[
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "社会组织",
    "法律服务机构",
    "其他",
];

/// A row named by a word that is also a column header of 表三 (`其他`, `总计`), right after
/// another column header (`…法律服务机构其他`, a header repeated after a page break), is that
/// header, not the row. (`…其他` + `3.其他` is the header, then the row.)
pub(super) fn header_word(han: &str, key: &str) -> bool {
    matches!(key, "其他" | "总计")
        && han.strip_suffix(key).is_some_and(|before| {
            REQUEST_HEADER_WORDS
                .iter()
                .any(|w| *w != key && before.ends_with(w))
        })
}

/// Keeps the better of `best` and a match of `row` over `chars` characters of that quality.
fn offer(best: &mut Option<RowMatch>, row: usize, chars: usize, quality: usize) {
    let candidate = RowMatch {
        row,
        score: chars * 4 + quality,
        matched_chars: chars,
    };
    let better =
        |b: RowMatch| candidate.score > b.score || (candidate.score == b.score && row < b.row);
    if best.is_none_or(better) {
        *best = Some(candidate);
    }
}

/// A row from `from` on whose key ends the label (quality 3) or whose start does (1).
fn match_row_ending(han: &str, spec: &'static TableSpec, from: usize) -> Option<RowMatch> {
    let index = KeyIndex::of(spec);
    let last = han.chars().next_back()?;
    let mut best: Option<RowMatch> = None;
    for &(_, (row, key)) in with_char(&index.by_last, last) {
        if row >= from && han.ends_with(key) && !header_word(han, key) {
            offer(&mut best, row, key.chars().count(), 3);
        }
    }
    for &(_, (row, start, chars)) in with_char(&index.by_start_end, last) {
        if row >= from && han.ends_with(start) {
            offer(&mut best, row, chars, 1);
        }
    }
    best
}

/// The best template row from `from` on that this label names: the longest match wins, a label
/// ending with a row's text being the usual case. A label may also wrap before its end (the
/// rest follows the numbers), or be followed by a note (`行政许可（件）`): then a key inside the
/// label's tail (quality 2).
pub(crate) fn match_row(han: &str, spec: &'static TableSpec, from: usize) -> Option<RowMatch> {
    if let Some(found) = match_row_ending(han, spec, from) {
        return Some(found);
    }
    let index = KeyIndex::of(spec);
    let mut best: Option<RowMatch> = None;
    // Only when nothing ends the label: look inside its tail.
    let recent = tail(han, 120);
    for (at, c) in recent.char_indices() {
        for &(_, (row, key)) in with_char(&index.by_first, c) {
            if row >= from && recent[at..].starts_with(key) {
                offer(&mut best, row, key.chars().count(), 2);
            }
        }
    }
    best
}

/// The table rows found in `segs`: for each template row, its label and the segments after it.
pub(super) struct RowRun<'a> {
    pub(super) label: &'a Label,
    pub(super) items: &'a [Seg],
}

pub(super) fn find_rows<'a>(
    segs: &'a [Seg],
    spec: &'static TableSpec,
    min_first_chars: usize,
) -> Vec<Option<RowRun<'a>>> {
    let mut runs: Vec<Option<RowRun<'a>>> = (0..spec.rows.len()).map(|_| None).collect();
    // The current row, its label, where its segments begin, and the rows whose labels came
    // in the same label before it (labels apart from their numbers).
    let mut current: Option<(usize, &'a Label, usize, Vec<usize>)> = None;
    // Values since the current row's label.
    let mut values = 0;
    for (index, seg) in segs.iter().enumerate() {
        let label = match seg {
            Seg::Label(label) => label,
            Seg::Value(_) => {
                values += 1;
                continue;
            }
            Seg::Gap(_) => continue,
        };
        let from = current.as_ref().map_or(0, |c| c.0 + 1);
        // Prose can only come before the table: once a few rows are read, no restart.
        let rows_read = runs.iter().flatten().count();
        if let Some(row) = current.as_ref().map(|c| c.0).filter(|_| rows_read < 3) {
            if values < spec.rows[row].cols.len() && restarts_table(label, spec, from) {
                // The label of a row already passed, while the current row is still short:
                // what came before was prose ending in a row's name (`…发生行政复议3件`).
                runs.iter_mut().for_each(|run| *run = None);
                current = None;
            }
        }
        let from = current.as_ref().map_or(0, |c| c.0 + 1);
        let typo = || {
            let numbers_follow = matches!(segs.get(index + 1), Some(Seg::Value(_)));
            // The first label may hold the header too (`…其他一、本年新收…请数量`).
            let short = label.han_len <= TYPO_LABEL_CHARS || index == 0;
            (numbers_follow && short)
                .then(|| closest_row(&label.han, spec, from))
                .flatten()
        };
        // A label ending with a two-character key (`…不计其他`) may be a longer row's with a
        // typo (`（二）部分开（区分处理的，只计这一情形，不计其他`): the closer row wins.
        // Nor is it that key when its last four characters are inside another row's key.
        let last4 = tail(&label.han, 4 * 3);
        let inside = |m: &RowMatch| {
            let other = |(r, row): (usize, &RowSpec)| {
                r != m.row && row.keys.iter().any(|k| k.contains(last4))
            };
            m.matched_chars <= 2 && last4.len() == 4 * 3 && spec.rows.iter().enumerate().any(other)
        };
        let exact = rows_of_label(&label.han, spec, from).filter(|(m, _)| !inside(m));
        let weak = exact.as_ref().is_none_or(|(m, _)| m.matched_chars <= 2);
        let typo = weak.then(typo).flatten().map(|m| (m, Vec::new()));
        let Some((found, before)) = typo.or(exact) else {
            continue;
        };
        if current.is_none() && found.matched_chars < min_first_chars {
            continue;
        }
        close(&mut runs, current.take(), &segs[..index], spec);
        current = Some((found.row, label, index + 1, before));
        values = 0;
    }
    close(&mut runs, current, segs, spec);
    runs
}

/// Ends the current row at the end of `segs`. Rows whose labels all came before the numbers
/// take a line of numbers each, when every line holds exactly a row's columns; otherwise the
/// numbers are the last row's when they are one row's worth, and nobody's when not.
fn close<'a>(
    runs: &mut [Option<RowRun<'a>>],
    current: Option<(usize, &'a Label, usize, Vec<usize>)>,
    segs: &'a [Seg],
    spec: &'static TableSpec,
) {
    let Some((row, label, begin, mut stack)) = current else {
        return;
    };
    let items = &segs[begin..];
    stack.push(row);
    if stack.len() > 1 {
        let lines = value_lines(items);
        let fits = lines.len() == stack.len()
            && lines.iter().zip(&stack).all(|(line, &r)| {
                let n = line.iter().filter(|s| matches!(s, Seg::Value(_))).count();
                n == spec.rows[r].cols.len()
            });
        if fits {
            for (line, r) in lines.into_iter().zip(stack) {
                runs[r] = Some(RowRun { label, items: line });
            }
            return;
        }
        let values = items.iter().filter(|s| matches!(s, Seg::Value(_))).count();
        if values != spec.rows[row].cols.len() {
            // Not one row's numbers, nor a line per row: whose numbers are whose is unknown,
            // so every row named is read with none (each declined as unreadable).
            for r in stack {
                runs[r] = Some(RowRun {
                    label,
                    items: &items[..0],
                });
            }
            return;
        }
    }
    runs[row] = Some(RowRun { label, items });
}

/// `items` cut where a value starts a new line.
fn value_lines(items: &[Seg]) -> Vec<&[Seg]> {
    let mut lines = Vec::new();
    let (mut begin, mut line) = (0, None);
    for (i, seg) in items.iter().enumerate() {
        if let Seg::Value(t) = seg {
            if line.is_some_and(|l| l != t.line) {
                lines.push(&items[begin..i]);
                begin = i;
            }
            line = Some(t.line);
        }
    }
    if line.is_some() {
        lines.push(&items[begin..]);
    }
    lines
}

/// The row a label names, and the rows from `from` before it whose keys it also holds, in
/// order: a block's labels printed together, its numbers after them. Such a block may end
/// with a group's name (`…属于行政查询事项（四）无法提供`, 8 characters at most).
pub(super) fn rows_of_label(
    han: &str,
    spec: &'static TableSpec,
    from: usize,
) -> Option<(RowMatch, Vec<usize>)> {
    let found = match_row(han, spec, from);
    // Labels hold Han characters only, three bytes each.
    for end in (han.len().saturating_sub(8 * 3)..=han.len())
        .rev()
        .step_by(3)
    {
        // Right at the end: the row's key (quality 3) or its start (1); before a group's name,
        // a key of 3 characters or more (not `其他`, which `（六）其他处理` holds).
        let whole = end == han.len();
        let quality = |m: &RowMatch| match m.score % 4 {
            3 => whole || m.matched_chars >= 3,
            q => whole && q == 1,
        };
        // Keys inside the label (quality 2) never count here.
        let Some(last) = match_row_ending(&han[..end], spec, from).filter(quality) else {
            continue;
        };
        let mut rest = &han[..end - last.matched_chars * 3];
        let mut rows = Vec::new();
        for row in (from..last.row).rev() {
            let at = spec.rows[row]
                .keys
                .iter()
                .filter_map(|k| rfind_short(rest, k))
                .max();
            if let Some(at) = at {
                rows.push(row);
                rest = &rest[..at];
            }
        }
        rows.reverse();
        if whole || !rows.is_empty() {
            return Some((last, rows));
        }
        break;
    }
    found.map(|m| (m, Vec::new()))
}

/// Longest label, in Han characters, that may be a row's with a typo: longer ones are prose.
const TYPO_LABEL_CHARS: usize = 40;

/// The row whose key a label ends with but for a character dropped, added or changed in every
/// four (`其他法律行政止公开`). Only keys of 6 characters or more, and only when no other row
/// comes within one more edit.
pub(super) fn closest_row(han: &str, spec: &'static TableSpec, from: usize) -> Option<RowMatch> {
    let keys = &KeyIndex::of(spec).typo_keys;
    let label: Vec<char> = han.chars().collect();
    // A key whose distance is surely over the most any key may have, and one more (so that
    // it is neither the closest nor within one edit of it), is not measured: each of its
    // characters absent from the label's end costs an edit.
    let most = keys
        .iter()
        .map(|(_, key)| slack(key.len()))
        .max()
        .unwrap_or(0)
        + 1;
    let longest = keys
        .iter()
        .map(|(_, key)| key.len() + slack(key.len()))
        .max()
        .unwrap_or(0);
    let present = char_bits(&label[label.len().saturating_sub(longest)..]);
    // The closest row (distance, row, key length) and the distance of the next closest.
    let (mut best, mut second) = ((usize::MAX, 0, 0), usize::MAX);
    let mut keys = keys.iter().skip_while(|(row, _)| *row < from).peekable();
    while let Some(row) = keys.peek().map(|(row, _)| *row) {
        let mut closest = (usize::MAX, row, 0);
        while let Some((_, key)) = keys.next_if(|(r, _)| *r == row) {
            let absent = key.iter().filter(|c| present & char_bit(**c) == 0).count();
            if absent > most {
                continue;
            }
            // The label's end, as long as the key give or take the typos allowed.
            let ending = suffix_distances(&label, key, key.len() + slack(key.len()));
            for n in key.len().saturating_sub(slack(key.len()))..=key.len() + slack(key.len()) {
                let d = ending[n.min(ending.len() - 1)];
                closest = closest.min((d, row, key.len()));
            }
        }
        if closest.0 < best.0 {
            (best, second) = (closest, best.0);
        } else {
            second = second.min(closest.0);
        }
    }
    let (d, row, chars) = best;
    (d >= 1 && d <= slack(chars) && second > d + 1).then_some(RowMatch {
        row,
        score: chars * 4,
        matched_chars: chars,
    })
}

/// Keys a label with a typo may name are this long or longer (6 Han characters).
const TYPO_KEY_BYTES: usize = 6 * 3;

/// The typos allowed in a key of `chars` characters: one in every four, at least one.
fn slack(chars: usize) -> usize {
    (chars / 4).max(1)
}

/// One of 64 bits for a character: which characters a text may hold, at a glance.
fn char_bit(c: char) -> u64 {
    1 << (c as u32 % 64)
}

fn char_bits(chars: &[char]) -> u64 {
    chars.iter().fold(0, |bits, &c| bits | char_bit(c))
}

/// `hay.rfind(needle)` for a label's few dozen bytes: the standard search first studies the
/// needle, which costs more than scanning so short a text. Byte positions of a UTF-8 needle
/// always fall on character boundaries.
fn rfind_short(hay: &str, needle: &str) -> Option<usize> {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// Whether `label` ends with the label of a row before `from` (and names no row after it).
pub(super) fn restarts_table(label: &Label, spec: &'static TableSpec, from: usize) -> bool {
    if match_row(&label.han, spec, from).is_some() {
        return false;
    }
    spec.rows[..from.min(spec.rows.len())].iter().any(|row| {
        row.keys
            .iter()
            .any(|key| key.len() >= 4 * 3 && label.han.ends_with(key))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::template::{ACTIVE_2021, REQUESTS_2019, REQUESTS_2021, REVIEW_LITIGATION};
    use crate::text::distance::edit_distance;

    /// [`closest_row`] as first written: every key, every length of the label's end.
    fn closest_row_measuring_all(
        han: &str,
        spec: &'static TableSpec,
        from: usize,
    ) -> Option<RowMatch> {
        let label: Vec<char> = han.chars().collect();
        let (mut best, mut second) = ((usize::MAX, 0, 0), usize::MAX);
        for (row, spec_row) in spec.rows.iter().enumerate().skip(from) {
            let mut closest = (usize::MAX, row, 0);
            for key in spec_row.keys.iter().filter(|k| k.len() >= 6 * 3) {
                let key: Vec<char> = key.chars().collect();
                let slack = (key.len() / 4).max(1);
                for n in key.len().saturating_sub(slack)..=key.len() + slack {
                    let d = edit_distance(&label[label.len().saturating_sub(n)..], &key);
                    closest = closest.min((d, row, key.len()));
                }
            }
            if closest.0 < best.0 {
                (best, second) = (closest, best.0);
            } else {
                second = second.min(closest.0);
            }
        }
        let (d, row, chars) = best;
        (d >= 1 && d <= (chars / 4).max(1) && second > d + 1).then_some(RowMatch {
            row,
            score: chars * 4,
            matched_chars: chars,
        })
    }

    #[test]
    fn the_closest_row_is_what_measuring_every_key_gives() {
        let mut seed = 7u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n.max(1)
        };
        let noise: Vec<char> = "的政府信息公开申请数量其他处理不予本年新收结转一二三（）"
            .chars()
            .collect();
        let mut found = 0;
        for spec in [
            &ACTIVE_2021,
            &REQUESTS_2019,
            &REQUESTS_2021,
            &REVIEW_LITIGATION,
        ] {
            for row in spec.rows.iter() {
                for key in row.keys {
                    for _ in 0..40 {
                        let mut label: Vec<char> = key.chars().collect();
                        for _ in 0..next(4) {
                            let at = next(label.len() + 1);
                            match next(3) {
                                0 if at < label.len() => drop(label.remove(at)),
                                1 => label.insert(at, noise[next(noise.len())]),
                                _ if at < label.len() => label[at] = noise[next(noise.len())],
                                _ => {}
                            }
                        }
                        let prose: String =
                            (0..next(6)).map(|_| noise[next(noise.len())]).collect();
                        let han = prose + &label.into_iter().collect::<String>();
                        let from = next(spec.rows.len());
                        let expected = closest_row_measuring_all(&han, spec, from);
                        found += usize::from(expected.is_some());
                        assert_eq!(closest_row(&han, spec, from), expected, "{han} from {from}");
                    }
                }
            }
        }
        assert!(found > 100, "only {found} labels with a typo found");
    }

    #[test]
    fn the_short_search_finds_what_rfind_finds() {
        let hay = "其他一、本年新收政府信息公开申请数量二、上年结转政府信息公开申请数量";
        for needle in [
            "申请数量",
            "二、",
            "其他",
            "量",
            "",
            "不存在",
            "本年新收政府信息公开申请数量二、上年结转政府信息公开申请数量的",
        ] {
            assert_eq!(rfind_short(hay, needle), hay.rfind(needle), "{needle}");
        }
    }
}
