//! The six sections of both templates, and a section as found in a report.

/// The six sections' titles, in order.
pub const SECTION_TITLES: [&str; 6] = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Section {
    /// 1–6, from the heading's title.
    pub number: u8,
    /// The numeral the heading printed, if it differs from `number`.
    pub printed_number: Option<u8>,
    pub title: String,
    pub line: usize,
    /// Byte offsets of the heading itself.
    pub start: usize,
    pub end: usize,
}
