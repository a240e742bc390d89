//! Text as PDF extractors give it (tests/pdf_text.rs, tests/column_major.rs): lines with page
//! numbers dropped in between, numbers apart by one space or by `pdftotext -layout`'s wide gaps,
//! and 表二, 表四 and the report around the tables drawn as pypdf gives 淮安's.

use super::{print_value, Rng, ValidSet};

/// What the shared rendering reads of a test's variant.
pub trait PdfStyle {
    /// Page numbers now and then between any two lines.
    fn pages(&self) -> bool;
    /// `pdftotext -layout`: cells apart by many spaces.
    fn layout(&self) -> bool;
    /// All labels of a block, then a line of numbers per row.
    fn labels_apart(&self) -> bool;
}

/// The lines of a rendering, with page numbers dropped in between when the variant has them.
pub struct Lines<'a, V> {
    pub lines: Vec<String>,
    pub rng: &'a mut Rng,
    /// The variant being rendered: what the shared rendering reads of it is [`PdfStyle`].
    pub v: V,
    page: u32,
}

impl<V: PdfStyle> Lines<'_, V> {
    pub fn push(&mut self, line: String) {
        if self.v.pages() && self.rng.chance(8) {
            self.page_number();
        }
        self.lines.push(line);
    }

    pub fn page_number(&mut self) {
        self.page += 1;
        let n = self.page;
        let marker = match self.rng.below(3) {
            0 => format!("- {n} -"),
            1 => format!("— {n} —"),
            _ => format!("-{n}-"),
        };
        self.lines.push(marker);
    }

    /// Numbers as the extractor separates them.
    pub fn numbers(&mut self, values: &[String]) -> String {
        let mut line = String::new();
        for value in values {
            if !line.is_empty() {
                let width = if self.v.layout() {
                    self.rng.range(3, 9) as usize
                } else {
                    1
                };
                line.push_str(&" ".repeat(width));
            }
            line.push_str(value);
        }
        line
    }

    /// Space between a label and what follows it on its line.
    pub fn after_label(&mut self) -> String {
        " ".repeat(if self.v.layout() {
            self.rng.range(4, 20) as usize
        } else {
            1
        })
    }
}

/// `label` cut into lines of `width` characters.
pub fn wrap(label: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = label.chars().collect();
    chars.chunks(width).map(|c| c.iter().collect()).collect()
}

/// 表二: per block of 第二十条, its header, then each row's label and numbers (or all labels,
/// then all numbers, when the variant prints labels apart).
pub fn render_active<V: PdfStyle>(set: &ValidSet, out: &mut Lines<V>) {
    let mut cells = set.active.iter();
    for block in set.template.blocks() {
        out.push(format!("第二十条 第（{}）项", block.item));
        let headers: Vec<String> = block.cols.iter().map(|c| c.1.to_string()).collect();
        let header = out.numbers(&headers);
        out.push(format!("信息内容 {header}"));
        let mut numbers = Vec::new();
        for &(_, label) in block.rows {
            let values: Vec<String> = block
                .cols
                .iter()
                .zip(cells.next().expect("a row of cells per row of 表二"))
                .map(|(col, &v)| print_value(v, col.2))
                .collect();
            if out.v.labels_apart() {
                out.push(label.to_string());
                numbers.push(out.numbers(&values));
            } else {
                let gap = out.after_label();
                let line = format!("{label}{gap}{}", out.numbers(&values));
                out.push(line);
            }
        }
        numbers.into_iter().for_each(|n| out.push(n));
    }
}

/// 表三's header as pypdf gives 淮安's: header words cut and spaced.
pub const REQUEST_HEADER: [&str; 11] = [
    "申请人情况",
    "自然人",
    "法人或其他组织",
    "总计商 业 企",
    "业",
    "科研机",
    "构",
    "社 会 公 益",
    "组织",
    "法 律 服 务",
    "机构",
];

/// 表四's header as pypdf gives 淮安's.
pub const REVIEW_HEADER: &str = "行政复议 行政诉讼\n结 果\n维持\n结 果\n纠正\n其 他 结\n果\n尚 未\n审结\n总计\n未经复议直接起诉 复议后起诉\n结 果\n维持\n结 果\n纠正\n其 他\n结果\n尚 未\n审结\n总计\n结 果\n维持\n结 果\n纠正\n其 他\n结果\n尚 未 审\n结\n总计";

/// 表四: its header cut as pypdf cuts it, then the 15 numbers.
pub fn render_review<V: PdfStyle>(set: &ValidSet, out: &mut Lines<V>) {
    REVIEW_HEADER
        .lines()
        .for_each(|line| out.push(line.to_string()));
    let values: Vec<String> = set.review.iter().flatten().map(i64::to_string).collect();
    if out.v.layout() {
        let line = out.numbers(&values);
        out.push(line);
    } else {
        // pypdf: one line, or (another extractor) one line per group.
        let per_line = if out.rng.chance(50) { 15 } else { 5 };
        for chunk in values.chunks(per_line) {
            let line = out.numbers(chunk);
            out.push(line);
        }
    }
}

/// A whole report around the three tables, 表三 drawn by `requests` (what it returns is passed
/// back beside the text).
pub fn render_report<V: PdfStyle, R>(
    set: &ValidSet,
    v: V,
    rng: &mut Rng,
    requests: impl FnOnce(&ValidSet, &mut Lines<V>) -> R,
) -> (String, R) {
    let (agency, year) = (set.agency, set.year);
    let mut out = Lines {
        lines: vec!["- 1 -".to_string(), agency.to_string()],
        rng,
        v,
        page: 1,
    };
    out.push(format!("{year} 年政府信息公开工作年度报告"));
    out.push(format!("本报告由{agency}办公室根据《中华人民共和国政府"));
    out.push("信息公开条例》（以下简称《条例》）规定编".to_string());
    out.push(format!(
        "制。报告所列统计期限自 {year} 年 1 月 1 日至 {year} 年 12 月 31 日。"
    ));
    out.push("一、总体情况".to_string());
    out.push(format!("{year} 年，我市认真贯彻落实《条例》，扎实做好政府"));
    out.push("信息公开工作。".to_string());
    out.page_number();
    out.push("二、主动公开政府信息情况".to_string());
    render_active(set, &mut out);
    out.push("三、收到和处理政府信息公开申请情况".to_string());
    let drawn = requests(set, &mut out);
    out.push("四、政府信息公开行政复议、行政诉讼情况".to_string());
    render_review(set, &mut out);
    out.push("五、存在的主要问题及改进情况".to_string());
    out.push("政策解读的形式还不够丰富。下一步将增加图解解读。".to_string());
    out.page_number();
    out.push("六、其他需要报告的事项".to_string());
    out.push(format!("{year} 年，未收取信息处理费。"));
    out.push(agency.to_string());
    out.push(format!("{} 年 1 月 20 日", year + 1));
    (out.lines.join("\n"), drawn)
}
