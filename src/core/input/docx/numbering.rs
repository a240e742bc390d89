//! Word's automatic numbering: a heading typed as 总体情况 with a list format shows as
//! 一、总体情况, and only `word/numbering.xml` (and `word/styles.xml`, for numbering that
//! comes with a paragraph style) says so. Without it the checker would miss the six sections.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::attribute;
use crate::text::numerals;

/// A level of a list (`w:lvl`).
struct Level {
    /// `w:ilvl`: 0 for the outermost.
    ilvl: u32,
    start: u32,
    format: String,
    /// `%1、`, `（%1）`, `%1.%2`: `%n` is level n's number.
    text: String,
}

/// A paragraph's numbering reference, from its own `w:numPr` or its style's.
#[derive(Clone, Default)]
pub(super) struct NumberingRef {
    pub num_id: Option<u32>,
    pub level: Option<u32>,
    pub style: Option<String>,
}

struct Style {
    id: String,
    based_on: Option<String>,
    num_id: Option<u32>,
    level: Option<u32>,
}

/// `w:abstractNum`: a list definition, its levels.
struct Abstract {
    id: u32,
    levels: Vec<Level>,
}

impl Abstract {
    fn level(&self, ilvl: usize) -> Option<&Level> {
        self.levels.iter().find(|l| l.ilvl as usize == ilvl)
    }
}

/// `w:num`: a list, its definition, and the levels whose start it overrides.
struct Num {
    id: u32,
    abstract_id: u32,
    /// `w:startOverride`s as (level, start).
    start_overrides: Vec<(u32, u32)>,
}

/// The levels of a list (`w:ilvl` 0–8).
const LEVELS: usize = 9;

/// A list's current number at each level (`None`: not started since its parent).
type Counter = [Option<u32>; LEVELS];

/// Longest `w:lvlText` kept, in characters: a label is a number and a mark or two, and each
/// numbered paragraph repeats it.
const MAX_LEVEL_TEXT: usize = 32;

/// The list definitions, indexed by their ids (the first of the same id counts, as Word
/// reads them), and the counters of the lists seen so far.
#[derive(Default)]
pub(super) struct Numbering {
    abstracts: Vec<Abstract>,
    nums: Vec<Num>,
    styles: Vec<Style>,
    abstract_index: HashMap<u32, usize>,
    num_index: HashMap<u32, usize>,
    style_index: HashMap<String, usize>,
    /// The counter of each list in `nums` (by index), once it is used.
    counters: Vec<Option<Counter>>,
}

fn number(e: &BytesStart) -> Option<u32> {
    attribute(e, "val")?.trim().parse().ok()
}

impl Numbering {
    /// Reads what it can of `numbering.xml` and `styles.xml`; a malformed part gives what was
    /// read before the fault (numbering is a nicety, never a reason to refuse a file).
    pub(super) fn read(numbering: Option<&str>, styles: Option<&str>) -> Numbering {
        let mut out = Numbering::default();
        if let Some(xml) = numbering {
            out.read_numbering(xml);
        }
        if let Some(xml) = styles {
            out.read_styles(xml);
        }
        for (i, list) in out.abstracts.iter().enumerate() {
            out.abstract_index.entry(list.id).or_insert(i);
        }
        for (i, num) in out.nums.iter().enumerate() {
            out.num_index.entry(num.id).or_insert(i);
        }
        for (i, style) in out.styles.iter().enumerate() {
            out.style_index.entry(style.id.clone()).or_insert(i);
        }
        out.counters = vec![None; out.nums.len()];
        out
    }

    fn read_numbering(&mut self, xml: &str) {
        let mut reader = Reader::from_str(xml);
        let mut reading = ListReading::default();
        while let Ok(event) = reader.read_event() {
            match event {
                Event::Start(e) => self.list_element(&e, false, &mut reading),
                Event::Empty(e) => self.list_element(&e, true, &mut reading),
                Event::End(e) => match e.local_name().as_ref() {
                    "lvl" => {
                        // Only the first of each level is ever looked up: at most nine kept.
                        if let (Some(level), Some(list)) =
                            (reading.level.take(), self.abstracts.last_mut())
                        {
                            if (level.ilvl as usize) < LEVELS
                                && list.level(level.ilvl as usize).is_none()
                            {
                                list.levels.push(level);
                            }
                        }
                    }
                    "lvlOverride" => reading.override_level = None,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
    }

    /// An element of `numbering.xml`: a list definition and its levels, or a list and its
    /// start overrides.
    fn list_element(&mut self, e: &BytesStart, empty: bool, reading: &mut ListReading) {
        let value = || attribute(e, "val").unwrap_or_default();
        match e.local_name().as_ref() {
            "abstractNum" => {
                let id = attribute(e, "abstractNumId").and_then(|v| v.parse().ok());
                self.abstracts.push(Abstract {
                    id: id.unwrap_or(u32::MAX),
                    levels: Vec::new(),
                });
            }
            // A level inside a w:lvlOverride replaces the abstract's: not read.
            "lvl" if !empty && reading.override_level.is_none() => {
                let ilvl = attribute(e, "ilvl").and_then(|v| v.parse().ok());
                reading.level = Some(Level {
                    ilvl: ilvl.unwrap_or(0),
                    start: 1,
                    format: "decimal".to_string(),
                    text: String::new(),
                });
            }
            "start" => {
                if let (Some(level), Some(n)) = (reading.level.as_mut(), number(e)) {
                    level.start = n;
                }
            }
            "numFmt" => {
                if let Some(level) = reading.level.as_mut() {
                    level.format = value();
                }
            }
            "lvlText" => {
                if let Some(level) = reading.level.as_mut() {
                    level.text = value().chars().take(MAX_LEVEL_TEXT).collect();
                }
            }
            "num" => {
                let id = attribute(e, "numId").and_then(|v| v.parse().ok());
                self.nums.push(Num {
                    id: id.unwrap_or(u32::MAX),
                    abstract_id: u32::MAX,
                    start_overrides: Vec::new(),
                });
            }
            "abstractNumId" => {
                if let (Some(num), Some(id)) = (self.nums.last_mut(), number(e)) {
                    num.abstract_id = id;
                }
            }
            "lvlOverride" if !empty => {
                reading.override_level = attribute(e, "ilvl").and_then(|v| v.parse().ok());
            }
            "startOverride" => {
                if let (Some(num), Some(ilvl), Some(n)) =
                    (self.nums.last_mut(), reading.override_level, number(e))
                {
                    if (ilvl as usize) < LEVELS && num.start_overrides.iter().all(|o| o.0 != ilvl) {
                        num.start_overrides.push((ilvl, n));
                    }
                }
            }
            _ => {}
        }
    }

    fn read_styles(&mut self, xml: &str) {
        let mut reader = Reader::from_str(xml);
        while let Ok(event) = reader.read_event() {
            let e = match event {
                Event::Start(e) | Event::Empty(e) => e,
                Event::Eof => break,
                _ => continue,
            };
            match e.local_name().as_ref() {
                "style" => self.styles.push(Style {
                    id: attribute(&e, "styleId").unwrap_or_default(),
                    based_on: None,
                    num_id: None,
                    level: None,
                }),
                "basedOn" => {
                    if let Some(style) = self.styles.last_mut() {
                        style.based_on = attribute(&e, "val");
                    }
                }
                "numId" => {
                    if let Some(style) = self.styles.last_mut() {
                        style.num_id = number(&e);
                    }
                }
                "ilvl" => {
                    if let Some(style) = self.styles.last_mut() {
                        style.level = number(&e);
                    }
                }
                _ => {}
            }
        }
    }

    /// The number Word shows before this paragraph (`一、`, `（三）`, `1.`), advancing its
    /// list; empty for a paragraph without numbering or with a bullet.
    pub(super) fn label(&mut self, reference: &NumberingRef) -> String {
        let Some((num_id, level)) = self.list_of(reference) else {
            return String::new();
        };
        let Some(&at) = self.num_index.get(&num_id) else {
            return String::new();
        };
        let num = &self.nums[at];
        let Some(list) = self
            .abstract_index
            .get(&num.abstract_id)
            .map(|&i| &self.abstracts[i])
        else {
            return String::new();
        };
        let starts: [u32; LEVELS] = std::array::from_fn(|ilvl| {
            num.start_overrides
                .iter()
                .find(|o| o.0 as usize == ilvl)
                .map(|o| o.1)
                .or_else(|| list.level(ilvl).map(|l| l.start))
                .unwrap_or(1)
        });
        let Some(this) = list.level(level) else {
            return String::new();
        };
        let counters = advance(&mut self.counters[at], level, &starts);
        if matches!(this.format.as_str(), "bullet" | "none") {
            return String::new();
        }
        let mut label = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(n @ 1..=9)) => {
                    chars.next();
                    let i = n as usize - 1;
                    let format = list.level(i).map_or("decimal", |l| l.format.as_str());
                    let value = counters[i].unwrap_or(starts[i]);
                    label.push_str(&format_number(value, format));
                }
                _ => label.push(c),
            }
        }
        // Word puts a tab after the number; after 、 or ） nothing more is needed.
        if !label.is_empty() && !label.ends_with(['、', '．', '.', '）', ')', '：', ':']) {
            label.push(' ');
        }
        label
    }

    /// The list and level of a paragraph: its own, or its style's through at most a few
    /// `w:basedOn` steps.
    fn list_of(&self, reference: &NumberingRef) -> Option<(u32, usize)> {
        let (mut num_id, mut level) = (reference.num_id, reference.level);
        let mut style = reference.style.clone();
        for _ in 0..8 {
            if num_id.is_some() {
                break;
            }
            let Some(found) = style
                .as_deref()
                .and_then(|id| self.style_index.get(id))
                .map(|&i| &self.styles[i])
            else {
                break;
            };
            num_id = found.num_id;
            level = level.or(found.level);
            style = found.based_on.clone();
        }
        Some((num_id?, level.unwrap_or(0).min(8) as usize))
    }
}

/// Where `numbering.xml` is being read: the level open, and the level a `w:lvlOverride` is
/// about.
#[derive(Default)]
struct ListReading {
    level: Option<Level>,
    override_level: Option<u32>,
}

/// Counts a paragraph at `level` of a list (its counter): its number goes up (or starts), the deeper
/// levels start again. The list's numbers after it.
fn advance(counter: &mut Option<Counter>, level: usize, starts: &[u32; LEVELS]) -> Counter {
    let values = counter.get_or_insert([None; LEVELS]);
    values[level] = Some(match values[level] {
        Some(n) => n.saturating_add(1),
        None => starts[level],
    });
    for deeper in &mut values[level + 1..] {
        *deeper = None;
    }
    *values
}

/// A list number in one of Word's formats (`w:numFmt`).
fn format_number(n: u32, format: &str) -> String {
    let enclosed = |first: u32, last: u32| {
        (1..=last - first + 1)
            .contains(&n)
            .then(|| char::from_u32(first + n - 1))
            .flatten()
            .map(String::from)
    };
    let formatted = match format {
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "chineseLegalSimplified" => numerals::write_small(n),
        "ideographDigital" | "taiwaneseDigital" => Some(
            n.to_string()
                .chars()
                .map(|d| numerals::DIGITS[d.to_digit(10).unwrap_or(0) as usize])
                .collect(),
        ),
        "ideographTraditional" => "甲乙丙丁戊己庚辛壬癸"
            .chars()
            .nth(n.wrapping_sub(1) as usize)
            .map(String::from),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => enclosed(0x2460, 0x2473),
        "decimalEnclosedParen" => enclosed(0x2474, 0x2487),
        "decimalEnclosedFullstop" => enclosed(0x2488, 0x249B),
        "upperLetter" | "lowerLetter" if (1..=26).contains(&n) => {
            let base = if format == "upperLetter" { b'A' } else { b'a' };
            Some(char::from(base + (n - 1) as u8).to_string())
        }
        "decimalZero" if n < 10 => Some(format!("0{n}")),
        _ => None,
    };
    formatted.unwrap_or_else(|| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_counting() {
        let f = |n| format_number(n, "chineseCounting");
        assert_eq!(
            [f(1), f(6), f(10), f(11), f(20), f(35), f(100)],
            ["一", "六", "十", "十一", "二十", "三十五", "100"]
        );
        assert_eq!(format_number(3, "ideographTraditional"), "丙");
        assert_eq!(format_number(2, "decimalEnclosedCircle"), "②");
        assert_eq!(format_number(0, "decimalEnclosedCircle"), "0");
        assert_eq!(format_number(105, "ideographDigital"), "一〇五");
    }
}
