//! Reading input: bytes → text, and the one-to-one character normalisation that every later
//! stage relies on. Because each input character maps to exactly one output character, a
//! character index in the normalised text is a character index in what the user pasted.

use std::fmt;

/// Why bytes could not be turned into report text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// The bytes contain NUL or many control characters: a binary file, not text.
    Binary,
    /// Neither UTF-8 (with or without BOM), UTF-16 with BOM, nor GB18030/GBK.
    UnknownEncoding,
    /// More than [`MAX_BYTES`].
    TooLarge,
}

/// The largest input checked: 5 MB. A report is tens of KB; anything near this is the wrong
/// file or many reports at once, and checking it would keep a clerk's browser busy.
pub const MAX_BYTES: usize = 5 * 1024 * 1024;

/// What the user is told when the input is over [`MAX_BYTES`].
pub const TOO_LARGE: &str = "内容超过 5 MB 的上限，未检查：一份年度报告通常只有几十 KB，请确认选对了文件，或分成几份分别检查";

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Binary => write!(f, "这不是文本文件（含有二进制字节），请粘贴或选择报告的文字内容"),
            ReadError::TooLarge => write!(f, "{TOO_LARGE}"),
            ReadError::UnknownEncoding => write!(
                f,
                "无法识别文件编码：只接受 UTF-8（可带 BOM）、带 BOM 的 UTF-16 或 GB18030/GBK 编码的文本"
            ),
        }
    }
}

impl std::error::Error for ReadError {}

/// The encodings besides UTF-8 that report text comes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf16Le,
    Utf16Be,
    /// A superset of GBK and GB2312.
    Gb18030,
}

/// Decodes a file's bytes: UTF-8 with or without BOM, UTF-16 with BOM, or GB18030. Never
/// replaces bytes silently: undecodable input is an error.
pub fn decode(bytes: &[u8]) -> Result<String, ReadError> {
    decode_with(bytes, |encoding, bytes| {
        let encoding = match encoding {
            Encoding::Utf16Le => encoding_rs::UTF_16LE,
            Encoding::Utf16Be => encoding_rs::UTF_16BE,
            Encoding::Gb18030 => encoding_rs::GB18030,
        };
        encoding
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|text| text.into_owned())
    })
}

/// [`decode`] with the decoder for non-UTF-8 encodings given (the browser's own, in the web
/// app, keeps encoding_rs's tables out of the wasm). `decoder` gets the bytes after any BOM
/// and returns `None` for bytes that are not valid in that encoding.
pub fn decode_with(
    bytes: &[u8],
    decoder: impl Fn(Encoding, &[u8]) -> Option<String>,
) -> Result<String, ReadError> {
    if bytes.len() > MAX_BYTES {
        return Err(ReadError::TooLarge);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return std::str::from_utf8(rest)
            .map(str::to_owned)
            .map_err(|_| ReadError::UnknownEncoding);
    }
    for (bom, encoding) in [
        (&[0xFF, 0xFE][..], Encoding::Utf16Le),
        (&[0xFE, 0xFF][..], Encoding::Utf16Be),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            return decoder(encoding, rest).ok_or(ReadError::UnknownEncoding);
        }
    }
    if bytes.contains(&0) {
        return Err(ReadError::Binary);
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => decoder(Encoding::Gb18030, bytes).ok_or(ReadError::UnknownEncoding)?,
    };
    if looks_binary(&text) {
        return Err(ReadError::Binary);
    }
    Ok(text)
}

/// More than 1% control characters (other than tab and line ends) means this is not prose.
fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    for c in text.chars().take(1 << 20) {
        total += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
            control += 1;
        }
    }
    control * 100 > total
}

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

/// The normalised text with its line starts, for turning byte offsets into line numbers.
pub struct Source {
    pub text: String,
    line_starts: Vec<usize>,
}

impl Source {
    pub fn new(raw: &str) -> Source {
        let text = normalize(raw);
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        Source { text, line_starts }
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 1-based line holding byte offset `at`.
    pub fn line_of(&self, at: usize) -> usize {
        self.line_starts.partition_point(|&start| start <= at)
    }

    /// Byte range of 1-based line `line`, without its line end.
    pub fn line_range(&self, line: usize) -> (usize, usize) {
        let start = self.line_starts[line - 1];
        let end = self
            .line_starts
            .get(line)
            .map_or(self.text.len(), |&next| next - 1);
        (start, end)
    }

    pub fn line_text(&self, line: usize) -> &str {
        let (start, end) = self.line_range(line);
        &self.text[start..end]
    }

    /// Lines with their 1-based numbers and byte starts.
    pub fn lines(&self) -> impl DoubleEndedIterator<Item = (usize, usize, &str)> {
        (1..=self.line_count()).map(move |n| {
            let (start, end) = self.line_range(n);
            (n, start, &self.text[start..end])
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_with_and_without_bom() {
        assert_eq!(decode("规章\t0".as_bytes()).unwrap(), "规章\t0");
        let mut with_bom = vec![0xEF, 0xBB, 0xBF];
        with_bom.extend_from_slice("总计".as_bytes());
        assert_eq!(decode(&with_bom).unwrap(), "总计");
    }

    #[test]
    fn decodes_gb18030() {
        let (bytes, _, _) = encoding_rs::GB18030.encode("一、总体情况\r\n规章 0");
        assert_eq!(decode(&bytes).unwrap(), "一、总体情况\r\n规章 0");
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "总计 5".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(&bytes).unwrap(), "总计 5");
    }

    #[test]
    fn rejects_binary() {
        assert_eq!(
            decode(&[0x89, b'P', b'N', b'G', 0, 0, 1]),
            Err(ReadError::Binary)
        );
        let controls: Vec<u8> = (0..200)
            .map(|i| if i % 3 == 0 { 1 } else { b'a' })
            .collect();
        assert_eq!(decode(&controls), Err(ReadError::Binary));
    }

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

    #[test]
    fn maps_offsets_to_lines() {
        let source = Source::new("a\nbb\n\nc");
        assert_eq!(source.line_count(), 4);
        assert_eq!(source.line_of(0), 1);
        assert_eq!(source.line_of(2), 2);
        assert_eq!(source.line_of(5), 3);
        assert_eq!(source.line_text(2), "bb");
        assert_eq!(source.line_text(3), "");
        assert_eq!(source.line_text(4), "c");
    }
}
