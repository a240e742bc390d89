//! The long-text rule: a text longer than [`LONG_TEXT_BYTES`] is shown in a paste area only by
//! its start, read-only, unless the user asks for all of it; checks, findings, exports and what
//! is kept always have the whole text.

use super::State;

/// A text longer than this is shown in the paste area only by its start, unless the user asks
/// for all of it: Chromium takes about 1.5 ms per KB to lay out a text area on paste and about
/// 1 ms per KB on every key typed (measured on 2 cores: 256 KB ~0.45 s and ~0.27 s, 4.9 MB ~4 s
/// each), while a report is 10–50 KB.
pub const LONG_TEXT_BYTES: usize = 256 * 1024;

/// Characters of a long text shown in the paste area: about 60 KB of Chinese, which the
/// browser lays out in about 0.1 s.
pub const SHOWN_CHARS: usize = 20_000;

/// Whether `text` is long: over [`LONG_TEXT_BYTES`].
pub fn is_long(text: &str) -> bool {
    text.len() > LONG_TEXT_BYTES
}

/// The start of `text` that is shown: its first [`SHOWN_CHARS`] characters.
pub fn start_of(text: &str) -> &str {
    let end = text
        .char_indices()
        .nth(SHOWN_CHARS)
        .map_or(text.len(), |(at, _)| at);
    &text[..end]
}

/// A size in MB of 1024 × 1024 bytes, as the 5 MB limit counts them.
pub fn megabytes(bytes: usize) -> String {
    format!(
        "{} MB",
        crate::model::number::fixed(bytes as f64 / (1024.0 * 1024.0), 1)
    )
}

impl State {
    /// Whether the paste area shows only the start of the text (it is long and the user has
    /// not asked to see all of it). Checks, findings and exports still have the whole text.
    pub fn shows_start_only(&self) -> bool {
        is_long(&self.text) && !self.whole_text_shown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_is_counted_in_characters_not_bytes() {
        let text = "年".repeat(SHOWN_CHARS + 5);
        assert_eq!(start_of(&text).chars().count(), SHOWN_CHARS);
        assert_eq!(start_of(&text).len(), SHOWN_CHARS * "年".len());
        assert_eq!(start_of("短文"), "短文");
    }

    #[test]
    fn a_text_is_long_only_past_the_limit() {
        assert!(!is_long(&"a".repeat(LONG_TEXT_BYTES)));
        assert!(is_long(&"a".repeat(LONG_TEXT_BYTES + 1)));
    }

    #[test]
    fn sizes_are_said_in_megabytes_of_1024_kb() {
        assert_eq!(megabytes(LONG_TEXT_BYTES + 1), "0.3 MB");
        assert_eq!(megabytes(5 * 1024 * 1024), "5.0 MB");
    }
}
