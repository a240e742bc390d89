//! The one-to-one character normalisation that every later stage relies on. Because each
//! input character maps to exactly one output character, a character index in the normalised
//! text is a character index in what the user pasted.

/// Maps each character to its canonical form, one character to one character: full-width
/// digits and signs to ASCII, odd spaces to a plain space, a lone CR to LF.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // Unchanged characters are copied as runs; only mapped ones are pushed one by one.
    let mut run_start = 0;
    let bytes = text.as_bytes();
    let mut at = 0;
    // Most characters cannot change: the bytes that start one that may are searched for
    // (each byte on its own, which is much faster than stepping from character to character).
    while let Some(found) = bytes[at..].iter().position(|&b| MAY_CHANGE[b as usize]) {
        at += found;
        // E3 and EF lead CJK punctuation and the full-width forms; of those only U+3000 (a
        // space) and EF BB–BD (U+FEC0–U+FF7F: U+FEFF, the full-width digits and signs) change.
        let stays = match bytes[at] {
            0xE3 => bytes[at + 1..at + 3] != [0x80, 0x80],
            0xEF => !matches!(bytes[at + 1], 0xBB..=0xBD),
            _ => false,
        };
        if stays {
            at += 3;
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            break;
        };
        let next = at + c.len_utf8();
        if let Some(mapped) = canonical(c, &text[..at], &text[next..]) {
            out.push_str(&text[run_start..at]);
            out.push(mapped);
            run_start = next;
        }
        at = next;
    }
    out.push_str(&text[run_start..]);
    out
}

/// The bytes that start a character [`canonical`] may change: ASCII controls but tab and LF,
/// and the lead bytes of U+0080–U+3FFF and U+F000–U+FFFF. The others (printable ASCII,
/// U+4000–U+EFFF with the Han, four-byte characters) and continuation bytes never do.
const MAY_CHANGE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = match b as u8 {
            b'\t' | b'\n' => false,
            0x00..=0x1F | 0x7F | 0xC0..=0xE3 | 0xEF => true,
            _ => false,
        };
        b += 1;
    }
    table
};

/// What `c`, between `before` and `after`, becomes when it changes.
fn canonical(c: char, before: &str, after: &str) -> Option<char> {
    Some(match c {
        '\t' | '\n' => return None,
        // Text copied from a PDF often has radicals (⼀ U+2F00) for the ideographs they
        // look like (一): a PDF's font maps both glyphs alike.
        '\u{2f00}'..='\u{2fd5}' => KANGXI.chars().nth(c as usize - 0x2f00)?,
        '\u{2e80}'..='\u{2ef3}' => RADICALS.iter().find(|(r, _)| *r == c)?.1,
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '＋' => '+',
        '－' | '−' => '-',
        '．' => '.',
        // `1，234`: a full-width comma inside a number groups thousands.
        '，' if groups_thousands(before, after) => ',',
        '／' => '/',
        '％' => '%',
        '｜' => '|',
        '\r' if !after.starts_with('\n') => '\n',
        '\r' => ' ',
        '\u{feff}' | '\u{200b}' => ' ',
        c if c.is_control() => ' ',
        // Only ASCII whitespace is left, which the tokenizer scans as bytes.
        c if c.is_whitespace() && !c.is_ascii() => ' ',
        _ => return None,
    })
}

/// The ideographs of the 214 Kangxi radicals U+2F00–U+2FD5, in order (their NFKC forms).
const KANGXI: &str = "一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈戶手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾見角言谷豆豕豸貝赤走足身車辛辰辵邑酉釆里金長門阜隶隹雨靑非面革韋韭音頁風飛食首香馬骨高髟鬥鬯鬲鬼魚鳥鹵鹿麥麻黃黍黑黹黽鼎鼓鼠鼻齊齒龍龜龠";

/// CJK radicals (U+2E80–U+2EF3) that are whole simplified characters, with those characters.
const RADICALS: [(char, char); 19] = [
    ('\u{2e9f}', '母'),
    ('\u{2ec5}', '见'),
    ('\u{2ec9}', '贝'),
    ('\u{2ecb}', '车'),
    ('\u{2ed3}', '长'),
    ('\u{2ed4}', '门'),
    ('\u{2ed9}', '韦'),
    ('\u{2eda}', '页'),
    ('\u{2edb}', '风'),
    ('\u{2edc}', '飞'),
    ('\u{2ee2}', '马'),
    ('\u{2ee5}', '鱼'),
    ('\u{2ee6}', '鸟'),
    ('\u{2ee7}', '卤'),
    ('\u{2eea}', '黾'),
    ('\u{2eec}', '齐'),
    ('\u{2eee}', '齿'),
    ('\u{2ef0}', '龙'),
    ('\u{2ef3}', '龟'),
];

/// Whether a comma between `before` and `after` separates thousands: a digit before it, and
/// exactly three digits after it.
fn groups_thousands(before: &str, after: &str) -> bool {
    let is_digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
    let digit_before = before.chars().next_back().is_some_and(is_digit);
    let mut next = after.chars();
    digit_before
        && next.by_ref().take(3).filter(|&c| is_digit(c)).count() == 3
        && !next.next().is_some_and(is_digit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_one_char_to_one_char() {
        let raw = "１２，０６４\u{3000}＋５\r\n－８４\r（一）";
        let norm = normalize(raw);
        assert_eq!(norm, "12,064 +5 \n-84\n（一）");
        assert_eq!(
            normalize("申请23，其中5件，1，2345"),
            "申请23，其中5件，1，2345"
        );
        assert_eq!(norm.chars().count(), raw.chars().count());
    }

    #[test]
    fn every_character_stays_one_character() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("1{c}234");
            let norm = normalize(&text);
            assert_eq!(norm.chars().count(), 5, "{c:?}");
            let read_as_bytes = ('\u{3001}'..='\u{9fff}').contains(&c)
                || ('\u{f000}'..='\u{febf}').contains(&c)
                || ('\u{ff80}'..='\u{ffff}').contains(&c);
            if read_as_bytes || c.is_alphabetic() {
                assert_eq!(norm, text, "{c:?}");
            }
        }
    }

    #[test]
    fn skipping_bytes_changes_nothing_that_would_change() {
        // Every character, between others, as `canonical` alone would map it.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let text = format!("1{c}中{c}，");
            let expected: String = text
                .char_indices()
                .map(|(at, x)| {
                    let next = at + x.len_utf8();
                    canonical(x, &text[..at], &text[next..]).unwrap_or(x)
                })
                .collect();
            assert_eq!(normalize(&text), expected, "{c:?}");
        }
    }
}
