//! How far apart two words are: for titles with a typo, and for ids a user mistyped.

/// Levenshtein distance between two runs of characters: the fewest characters added, dropped
/// or changed to make one the other.
pub fn edit_distance(a: &[char], b: &[char]) -> usize {
    // Every ending of `a` up to all of it: the last is `a` itself.
    suffix_distances(a, b, a.len())[a.len()]
}

/// The distance between `key` and each ending of `text` up to `longest` characters: entry `j`
/// is `edit_distance` of `key` and `text`'s last `j` characters. One table for every length,
/// where asking `edit_distance` for each would fill one table per length.
pub fn suffix_distances(text: &[char], key: &[char], longest: usize) -> Vec<usize> {
    let ending = &text[text.len() - longest.min(text.len())..];
    // Both read from the end: row `j` is then the last `j` characters of the text.
    let mut row: Vec<usize> = (0..=ending.len()).collect();
    for (i, ck) in key.iter().rev().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, ct) in ending.iter().rev().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if ck == ct {
                diagonal
            } else {
                1 + diagonal.min(above).min(row[j])
            };
            diagonal = above;
        }
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn counts_additions_drops_and_changes() {
        assert_eq!(edit_distance(&chars("kitten"), &chars("sitting")), 3);
        assert_eq!(edit_distance(&chars(""), &chars("ab")), 2);
        assert_eq!(edit_distance(&chars("行政法复议"), &chars("行政复议")), 1);
    }

    #[test]
    fn every_ending_at_once_equals_one_distance_per_ending() {
        let text = chars("本年新收政府信息公开申请数量其他");
        for key in [
            "申请数量",
            "政府信息公开申请数量",
            "新收政府信",
            "",
            "公开申请数量其他他",
        ] {
            let key = chars(key);
            let all = suffix_distances(&text, &key, 12);
            assert_eq!(all.len(), 13);
            for (j, d) in all.iter().enumerate() {
                assert_eq!(*d, edit_distance(&text[text.len() - j..], &key), "{j}");
            }
        }
        assert_eq!(
            suffix_distances(&chars("ab"), &chars("b"), 9),
            vec![1, 0, 1]
        );
    }
}
