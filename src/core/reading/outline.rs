//! The report's outline, read once: its title, the six section headings, and the parts they
//! mark out — the opening lines before the first section, the tables from 二 to 五, each
//! section's body, and the closing signature and date. Each reader (the facts in `meta`, the
//! tables, the prose) takes the part it needs instead of scanning the whole text again.

use std::ops::Range;

use super::meta::agency::closing_start;
use super::meta::year::{title, Title};
use super::sections::{sections, title_end};
use crate::model::Section;
use crate::text::Source;

/// The last non-empty lines kept: the publication date is looked for in 8, the signature in 4.
const LAST_LINES: usize = 8;

/// How far the opening lines run when no section heading ends them.
const OPENING_BYTES: usize = 3000;

/// A line of the text: its 1-based number, its byte start and its text (no line end).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line<'a> {
    pub(crate) number: usize,
    pub(crate) start: usize,
    pub(crate) text: &'a str,
}

pub(crate) struct Outline<'a> {
    pub(crate) source: &'a Source,
    pub(crate) title: Option<Title<'a>>,
    /// The first heading found for each section, in text order.
    pub(crate) sections: Vec<Section>,
    /// The last non-empty lines, the last first.
    pub(crate) last_lines: Vec<Line<'a>>,
    /// Where the closing signature and date begin (`None`: the text does not end so).
    pub(crate) closing: Option<usize>,
}

impl<'a> Outline<'a> {
    pub(crate) fn read(source: &'a Source) -> Outline<'a> {
        let last_lines: Vec<Line> = source
            .lines()
            .rev()
            .filter(|(_, _, text)| !text.trim().is_empty())
            .take(LAST_LINES)
            .map(|(number, start, text)| Line {
                number,
                start,
                text,
            })
            .collect();
        Outline {
            source,
            title: title(source),
            sections: sections(source),
            closing: closing_start(&last_lines),
            last_lines,
        }
    }

    /// Where heading `number` (1–6) starts, if it was found.
    pub(crate) fn heading(&self, number: u8) -> Option<usize> {
        self.sections
            .iter()
            .find(|s| s.number == number)
            .map(|s| s.start)
    }

    /// The opening lines: the text before the first section heading, or its first 3000 bytes
    /// when there is none.
    pub(crate) fn opening(&self) -> &'a str {
        let text = &self.source.text;
        let end = self
            .sections
            .iter()
            .map(|s| s.start)
            .min()
            .unwrap_or_else(|| text.floor_char_boundary(OPENING_BYTES));
        &text[..end]
    }

    /// From heading 二 to heading 五, when both are there in that order: the tables, their
    /// headers and notes.
    pub(crate) fn tables_part(&self) -> Option<Range<usize>> {
        match (self.heading(2), self.heading(5)) {
            (Some(start), Some(end)) if start < end => Some(start..end),
            _ => None,
        }
    }

    /// [`Self::tables_part`] when headings 二, 三, 四 and 五 are all there in order: then every
    /// table lies inside it, and the prose around needs no tokens.
    pub(crate) fn tables_in_order(&self) -> Option<Range<usize>> {
        match [2, 3, 4, 5].map(|n| self.heading(n)) {
            [Some(two), Some(three), Some(four), Some(five)]
                if two < three && three < four && four < five =>
            {
                Some(two..five)
            }
            _ => None,
        }
    }

    /// Each section's text after its title, up to the next heading (the last one up to the
    /// closing signature and date), by section number.
    pub(crate) fn bodies(&self) -> Vec<(u8, String)> {
        let text = &self.source.text;
        self.sections
            .iter()
            .enumerate()
            .map(|(i, section)| {
                let start = title_end(text, section).min(text.len());
                let mut end = self
                    .sections
                    .get(i + 1)
                    .map_or(text.len(), |next| next.start);
                if let Some(closing) = self.closing.filter(|&c| c >= start) {
                    end = end.min(closing);
                }
                let body = text.get(start..end.max(start)).unwrap_or("");
                (section.number, body.to_string())
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_bodies_start_after_the_title_and_end_before_the_signature() {
        let text = "一、总体情况\n正文\n五、存在的主要问题及改进情况：暂无\n六、其他需要报告的事项\n无。\n某某局\n2021年1月5日";
        let source = Source::new(text);
        let outline = Outline::read(&source);
        assert_eq!(outline.closing, source.text.find("某某局"));
        assert_eq!(
            outline.bodies(),
            [
                (1, "\n正文\n".to_string()),
                (5, "：暂无\n".to_string()),
                (6, "\n无。\n".to_string())
            ]
        );
        // One line: the run-in title is left out whole.
        let source = Source::new(
            "一、总体情况好。五、存在的主要问题及下一步工作计划无。六、其他需要报告的事项无收费。",
        );
        let outline = Outline::read(&source);
        assert_eq!(outline.closing, None);
        let found = outline.bodies();
        assert_eq!(found[1], (5, "无。".to_string()));
        assert_eq!(found[2], (6, "无收费。".to_string()));
    }
}
