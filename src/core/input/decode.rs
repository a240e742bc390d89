//! Bytes → text: UTF-8 (with or without BOM), UTF-16 with BOM or GB18030, never replacing a
//! byte silently, and refusing binary files and inputs over [`MAX_BYTES`].

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
    /// UTF-32 (a BOM `FF FE 00 00` or `00 00 FE FF`): not read as UTF-16 full of NULs.
    Utf32,
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
            ReadError::Utf32 => write!(
                f,
                "这是 UTF-32 编码的文本，不支持：请用记事本等编辑器另存为 UTF-8 编码后再检查"
            ),
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
    decode_with(bytes, &native_decoder)
}

/// The encodings other than UTF-8 by `encoding_rs`: the native decoder for [`decode_with`].
/// (The web app passes the browser's own and keeps `encoding_rs`'s tables out of the wasm.)
pub fn native_decoder(encoding: Encoding, bytes: &[u8]) -> Option<String> {
    let encoding = match encoding {
        Encoding::Utf16Le => encoding_rs::UTF_16LE,
        Encoding::Utf16Be => encoding_rs::UTF_16BE,
        Encoding::Gb18030 => encoding_rs::GB18030,
    };
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
}

/// [`decode`] with the decoder for non-UTF-8 encodings given (the browser's own, in the web
/// app, keeps encoding_rs's tables out of the wasm). `decoder` gets the bytes after any BOM
/// and returns `None` for bytes that are not valid in that encoding.
pub fn decode_with(
    bytes: &[u8],
    decoder: &dyn Fn(Encoding, &[u8]) -> Option<String>,
) -> Result<String, ReadError> {
    if bytes.len() > MAX_BYTES {
        return Err(ReadError::TooLarge);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return std::str::from_utf8(rest)
            .map(str::to_owned)
            .map_err(|_| ReadError::UnknownEncoding);
    }
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) || bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(ReadError::Utf32);
    }
    for (bom, encoding) in [
        (&[0xFF, 0xFE][..], Encoding::Utf16Le),
        (&[0xFE, 0xFF][..], Encoding::Utf16Be),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let text = decoder(encoding, rest).ok_or(ReadError::UnknownEncoding)?;
            if text.contains('\0') || looks_binary(&text) {
                return Err(ReadError::Binary);
            }
            return Ok(text);
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
}
