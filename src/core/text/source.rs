//! The normalised text of a report with its line starts, for turning byte offsets into line
//! numbers.

use super::normalize::normalize;

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
