//! Chinese numerals as reports print them: section numbers (`三、`), dates (`二〇二一年二月十九日`)
//! and Word's list numbers. The one table of them in the crate.

use crate::model::SECTION_TITLES;

/// The digits 〇 to 九, indexed by their value.
pub const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// The numeral of `1..=9` (the six section numbers among them): `3` → `三`.
pub fn numeral(n: u8) -> char {
    DIGITS[usize::from(n.clamp(1, 9))]
}

/// `三、收到和处理政府信息公开申请情况`: the heading of section `number` (1–6) as the templates
/// print it.
pub fn section_heading(number: u8) -> String {
    let title = SECTION_TITLES[usize::from(number.clamp(1, 6)) - 1];
    format!("{}、{title}", numeral(number))
}

/// `一`…`九` and `十`: the characters of a small number.
pub fn is_numeral(c: char) -> bool {
    matches!(c, '十') || DIGITS[1..].contains(&c)
}

/// The value of a digit, with the zeros that dates use (`〇`, `零`, `○`, and the letter or
/// digit that typists put for it).
pub fn digit(c: char) -> Option<u32> {
    if matches!(c, '零' | '○' | 'O' | '0') {
        return Some(0);
    }
    DIGITS.iter().position(|&d| d == c).map(|v| v as u32)
}

/// One to `max` characters of `一`…`九` and `十` at the start of `text`, and the text after.
pub fn numeral_run(text: &str, max: usize) -> Option<(&str, &str)> {
    let len: usize = text
        .chars()
        .take(max)
        .take_while(|&c| is_numeral(c))
        .map(char::len_utf8)
        .sum();
    (len > 0).then(|| text.split_at(len))
}

/// 十七 → 17, 二十 → 20, 三十一 → 31, 九 → 9.
pub fn small_number(text: &str) -> Option<u32> {
    match text.split_once('十') {
        None => digit(text.chars().next()?).filter(|_| text.chars().count() == 1),
        Some((tens, ones)) => {
            let tens = if tens.is_empty() {
                1
            } else {
                digit(tens.chars().next()?)?
            };
            let ones = if ones.is_empty() {
                0
            } else {
                digit(ones.chars().next()?)?
            };
            Some(tens * 10 + ones)
        }
    }
}

/// 1–99 as counted in Chinese: 9 → 九, 10 → 十, 17 → 十七, 20 → 二十; `None` outside.
pub fn write_small(n: u32) -> Option<String> {
    match n {
        1..=9 => Some(DIGITS[n as usize].to_string()),
        10..=99 => {
            let (tens, ones) = (n / 10, n % 10);
            let mut s = String::new();
            if tens > 1 {
                s.push(DIGITS[tens as usize]);
            }
            s.push('十');
            if ones > 0 {
                s.push(DIGITS[ones as usize]);
            }
            Some(s)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_numbers_read_and_write_back() {
        for n in 1..=99 {
            let written = write_small(n).unwrap();
            assert_eq!(small_number(&written), Some(n), "{written}");
        }
        assert_eq!(write_small(0), None);
        assert_eq!(write_small(100), None);
        assert_eq!(small_number("三十一"), Some(31));
        assert_eq!(small_number("九"), Some(9));
    }

    #[test]
    fn zeros_in_dates() {
        for zero in ['〇', '零', '○', 'O', '0'] {
            assert_eq!(digit(zero), Some(0));
        }
        assert_eq!(digit('十'), None);
        assert_eq!(numeral(6), '六');
        assert_eq!(numeral_run("十二月", 3), Some(("十二", "月")));
    }
}
