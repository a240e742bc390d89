//! Small readers for the fixed phrases that `meta` and `locate` look for (`2021年2月19日`,
//! `（指2019年`, …), written out instead of regular expressions to keep the wasm small.
//!
//! A reader takes the text at a position and returns what it read with the text after it, or
//! `None`; [`find_all`] runs one over a whole text. Readers take no step back: each part reads
//! as much as it can and the next must follow, which is what the patterns they replace do on
//! these phrases (`[0-9]{1,2}` followed by `月` reads the same as "all digits, at most two").

/// `text` after any spaces and tabs (`[ \t]*`).
pub(crate) fn blanks(text: &str) -> &str {
    text.trim_start_matches([' ', '\t'])
}

/// Between `min` and `max` ASCII digits at the start of `text` (as many as there are, up to
/// `max`), as a number, and the text after them. `max` is at most 9.
pub(crate) fn digits(text: &str, min: usize, max: usize) -> Option<(u32, &str)> {
    let count = text
        .bytes()
        .take(max)
        .take_while(u8::is_ascii_digit)
        .count();
    if count < min {
        return None;
    }
    let value = text
        .bytes()
        .take(count)
        .fold(0, |n, b| n * 10 + u32::from(b - b'0'));
    Some((value, &text[count..]))
}

/// Skips from `from` eight bytes at a time while none of them is below 0x40 (which all ASCII
/// digits, spaces and most signs are): where to look for those bytes one by one. Chinese
/// text is all bytes from 0x80 up, so this passes over it quickly.
pub(crate) fn skip_to_low_bytes(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(eight) = bytes.get(i..i + 8) {
        let word = u64::from_le_bytes(eight.try_into().unwrap_or_default());
        // Sets a byte's top bit where it is below 0x40 (exact for "any byte is").
        if word.wrapping_sub(0x4040_4040_4040_4040) & !word & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        i += 8;
    }
    i
}

/// A year of this century in four ASCII digits (`20[0-9]{2}`), and the text after it.
pub(crate) fn year_20xx(text: &str) -> Option<(i32, &str)> {
    let (year, rest) = digits(text, 4, 4)?;
    (2000..=2099).contains(&year).then_some((year as i32, rest))
}

/// `20xx年` with spaces or tabs before the 年: the year and the text after the 年.
pub(crate) fn year_nian(text: &str) -> Option<(i32, &str)> {
    let (year, rest) = year_20xx(text)?;
    Some((year, blanks(rest).strip_prefix('年')?))
}

/// The first of `words` that `text` starts with, and the text after it.
pub(crate) fn one_of<'a>(text: &'a str, words: &[&str]) -> Option<&'a str> {
    words.iter().find_map(|w| text.strip_prefix(w))
}

/// The shortest run of at most `max_chars` characters, none of them in `stop`, that is
/// followed by one of `endings` (`[^stop]{0,max}?(?:ending|…)`): the run and the text after
/// the ending.
pub(crate) fn run_until<'a>(
    text: &'a str,
    max_chars: usize,
    stop: &[char],
    endings: &[&str],
) -> Option<(&'a str, &'a str)> {
    let mut chars = text.chars();
    for _ in 0..=max_chars {
        let rest = chars.as_str();
        if let Some(after) = one_of(rest, endings) {
            return Some((&text[..text.len() - rest.len()], after));
        }
        if stop.contains(&chars.next()?) {
            return None;
        }
    }
    None
}

/// Every match of `read` in `text`, left to right and not overlapping, as byte ranges with what
/// was read: `read` is tried at each character, and after a match the search goes on from its
/// end. `read` must read at least one character when it matches.
pub(crate) fn find_all<'a, T>(
    text: &'a str,
    mut read: impl FnMut(&'a str) -> Option<(T, &'a str)> + 'a,
) -> impl Iterator<Item = (usize, usize, T)> + 'a {
    let mut rest = text;
    std::iter::from_fn(move || loop {
        let start = text.len() - rest.len();
        if let Some((value, after)) = read(rest) {
            if after.len() < rest.len() {
                rest = after;
                return Some((start, text.len() - after.len(), value));
            }
        }
        let mut chars = rest.chars();
        chars.next()?;
        rest = chars.as_str();
    })
}

/// [`find_all`] for a `read` that matches only at characters whose first byte is one of
/// `first` (one to three bytes): the places to try are searched for as bytes, which is much
/// faster on long texts than trying every character.
pub(crate) fn find_all_starting<'a, T>(
    text: &'a str,
    first: &[u8],
    mut read: impl FnMut(&'a str) -> Option<(T, &'a str)> + 'a,
) -> impl Iterator<Item = (usize, usize, T)> + 'a {
    let [a, b, c] = match *first {
        [a] => [a; 3],
        [a, b] => [a, b, b],
        [a, b, c] => [a, b, c],
        _ => [0; 3],
    };
    // Matches do not overlap: the next is looked for after the end of the last.
    let mut from = 0;
    memchr::memchr3_iter(a, b, c, text.as_bytes()).filter_map(move |at| {
        if at < from || !text.is_char_boundary(at) {
            return None;
        }
        let (value, after) = read(&text[at..])?;
        let end = text.len() - after.len();
        (end > at).then(|| {
            from = end;
            (at, end, value)
        })
    })
}

/// The first match of `read` in `text` (see [`find_all`]).
pub(crate) fn find_first<'a, T>(
    text: &'a str,
    read: impl FnMut(&'a str) -> Option<(T, &'a str)> + 'a,
) -> Option<(usize, usize, T)> {
    find_all(text, read).next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finding_from_first_bytes_finds_what_trying_everywhere_finds() {
        let read = |text: &'static str| {
            let rest = text
                .strip_prefix("2a")
                .or_else(|| text.strip_prefix("涵a"))?;
            Some(((), rest.strip_prefix('a').unwrap_or(rest)))
        };
        for text in ["2aa2a涵aa", "x2a2aa", "2a2a2a", "涵涵a", "", "222"] {
            let everywhere: Vec<_> = find_all(text, read).map(|(s, e, _)| (s, e)).collect();
            let from_bytes: Vec<_> = find_all_starting(text, &[b'2', "涵".as_bytes()[0]], read)
                .map(|(s, e, _)| (s, e))
                .collect();
            assert_eq!(from_bytes, everywhere, "{text}");
        }
    }

    #[test]
    fn skipping_stops_before_any_low_byte() {
        let text = "政府信息公开申请".repeat(4);
        for low in ["", "0", " ", "?", "\n"] {
            for at in (0..=text.len()).step_by(3) {
                let with = format!("{}{low}{}", &text[..at], &text[at..]);
                let bytes = with.as_bytes();
                let first_low = bytes.iter().position(|&b| b < 0x40).unwrap_or(bytes.len());
                for from in 0..=first_low {
                    let to = skip_to_low_bytes(bytes, from);
                    assert!(to >= from && to <= first_low, "{with:?} {from}");
                    assert!(
                        to + 8 > bytes.len() || to + 8 > first_low,
                        "{with:?} {from}"
                    );
                }
            }
        }
    }

    #[test]
    fn digits_read_at_most_max() {
        assert_eq!(digits("2021年", 4, 4), Some((2021, "年")));
        assert_eq!(digits("20211年", 4, 4), Some((2021, "1年")));
        assert_eq!(digits("202年", 4, 4), None);
        assert_eq!(digits("7月", 1, 2), Some((7, "月")));
        assert_eq!(digits("月", 1, 2), None);
        assert_eq!(digits("", 1, 2), None);
    }

    #[test]
    fn years_of_this_century() {
        assert_eq!(year_nian("2020 \t年度"), Some((2020, "度")));
        assert_eq!(year_nian("1999年"), None);
        assert_eq!(year_nian("2020\n年"), None);
    }

    #[test]
    fn shortest_run_before_an_ending() {
        let endings = &["年度报告", "年报"];
        assert_eq!(
            run_until("某县年报年度报告", 30, &['\n'], endings),
            Some(("某县", "年度报告"))
        );
        assert_eq!(run_until("年报", 0, &['\n'], endings), Some(("", "")));
        assert_eq!(run_until("一二三年报", 2, &['\n'], endings), None);
        assert_eq!(
            run_until("一二三年报", 3, &['\n'], endings),
            Some(("一二三", ""))
        );
        assert_eq!(run_until("一\n年报", 30, &['\n'], endings), None);
        assert_eq!(run_until("", 30, &['\n'], endings), None);
    }

    #[test]
    fn matches_do_not_overlap() {
        fn read(text: &str) -> Option<((), &str)> {
            Some(((), text.strip_prefix("aa")?))
        }
        let found: Vec<(usize, usize)> = find_all("aaaxaa", read).map(|(s, e, _)| (s, e)).collect();
        assert_eq!(found, [(0, 2), (4, 6)]);
        assert_eq!(
            find_first("一aa", read).map(|(s, e, _)| (s, e)),
            Some((3, 5))
        );
        assert!(find_first("", read).is_none());
    }
}
