//! Dates and years as a report states them.

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// `2021年2月19日`, as the reports write it.
    pub fn chinese(&self) -> String {
        format!("{}年{}月{}日", self.year, self.month, self.day)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Where a report states its year besides the statistics period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum YearPlace {
    /// The title: `2020年政府信息公开工作年度报告`.
    Title,
    /// The opening lines: `现公布2020年度政府信息公开工作年度报告`, `涵盖2020年…`.
    Opening,
    /// A note in a table heading: `上一年项目数量（指2019年事项数）`.
    TableNote,
}

/// A year the report states in a structured place (not in its prose).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StatedYear {
    pub year: i32,
    /// What it should be relative to the report year: -1 for `上一年…（指2019年…）`, else 0.
    pub offset: i32,
    pub place: YearPlace,
    /// The words that state it (empty for the title).
    pub quote: String,
    pub line: usize,
}
