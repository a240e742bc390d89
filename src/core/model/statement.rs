//! What the prose states about the tables: a number, the quantity it is about, and where.

use super::number::Number;
use super::Key;

/// The quantity a statement is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Quantity {
    /// `收到/受理/新收…申请N件`; `also_handled` when the verb is `收到和办理`.
    Received {
        also_handled: bool,
    },
    /// `办理…申请N件`: new, new plus carried over, or handled.
    Handled,
    /// `办结/答复N件`.
    Answered,
    /// `上年结转N件`.
    CarriedOver,
    /// `N件结转下年度`.
    CarryForward,
    /// `予以公开N件` and the other results of 表三: the category, and a reason row if the
    /// sentence names one (`因本机关不掌握…无法提供`).
    Outcome {
        #[serde(deserialize_with = "crate::model::statics::str")]
        category: Key,
        #[serde(deserialize_with = "crate::model::statics::opt_str")]
        reason: Option<Key>,
    },
    /// `予以公开及部分公开N件`: the two results together.
    GrantedAndPartial,
    /// `行政复议N件`.
    Review,
    /// `行政诉讼N件`, not saying which kind.
    Litigation,
    LitigationDirect,
    LitigationAfterReview,
    /// `行政复议及行政诉讼案件N件`.
    ReviewAndLitigation,
    /// `其中结果维持N件` after a review or litigation statement: the 表四 column.
    CaseResult {
        litigation: bool,
        #[serde(deserialize_with = "crate::model::statics::str")]
        col: Key,
    },
    /// `制发/现行有效/废止 规范性文件(规章) N件`: the 表二 row and what is counted.
    Documents {
        #[serde(deserialize_with = "crate::model::statics::str")]
        row: Key,
        count: DocumentCount,
    },
    /// `予以公开率x%`.
    GrantedRate,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DocumentCount {
    Issued,
    Repealed,
    InForce,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Statement {
    pub quantity: Quantity,
    pub value: Number,
    /// The number as printed (without thousands commas): `37.50`.
    pub printed: String,
    /// `件`, `宗`, `起`, `个` or `%`.
    pub unit: char,
    pub line: usize,
    /// Byte range of the number in the normalised text.
    pub start: usize,
    pub end: usize,
    /// The sentence around the number, whitespace removed, for the message.
    pub quote: String,
}
