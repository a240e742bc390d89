//! The two national templates (国办公开办函〔2019〕60号 and 〔2021〕30号): their tables, rows,
//! columns, the label texts that identify each row, and the sums each table obeys. Keys are
//! those of `CONTRACT.md`.

use std::ops::Range;

use super::rule::Rule;

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Template {
    Y2019,
    Y2021,
}

impl Template {
    pub fn id(self) -> &'static str {
        match self {
            Template::Y2019 => "2019",
            Template::Y2021 => "2021",
        }
    }

    pub fn active(self) -> &'static TableSpec {
        match self {
            Template::Y2019 => &ACTIVE_2019,
            Template::Y2021 => &ACTIVE_2021,
        }
    }

    pub fn requests(self) -> &'static TableSpec {
        match self {
            Template::Y2019 => &REQUESTS_2019,
            Template::Y2021 => &REQUESTS_2021,
        }
    }

    /// The template's three tables: 表二, 表三 and 表四.
    pub fn tables(self) -> [&'static TableSpec; 3] {
        [self.active(), self.requests(), &REVIEW_LITIGATION]
    }

    /// The other of the two templates.
    pub fn other(self) -> Template {
        match self {
            Template::Y2019 => Template::Y2021,
            Template::Y2021 => Template::Y2019,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColKind {
    /// A count: never negative.
    Count,
    /// 本年增/减: may carry a sign.
    Signed,
    /// An amount in 万元; may have decimals and may be printed in 元.
    Amount,
}

#[derive(Debug)]
pub struct ColSpec {
    pub key: &'static str,
    pub label: &'static str,
    pub kind: ColKind,
}

#[derive(Debug)]
pub struct RowSpec {
    pub key: &'static str,
    /// Short Chinese label for messages.
    pub label: &'static str,
    /// The label as it may be printed, Han characters only (numbering, spaces and punctuation
    /// removed); the first is the official wording.
    pub keys: &'static [&'static str],
    pub cols: &'static [ColSpec],
}

#[derive(Debug)]
pub struct TableSpec {
    pub key: &'static str,
    /// 表二, 表三, 表四.
    pub name: &'static str,
    pub rows: &'static [RowSpec],
    /// The sums the table obeys.
    pub identities: &'static [Identity],
}

/// A sum a table obeys (its 勾稽关系), declared once here: the digit splitter cuts digits that
/// ran together by it, 表三's readings are settled by it, and the rule it names checks it.
#[derive(Debug)]
pub enum Identity {
    /// In every row, the `parts` columns (adjacent, in order) add up to the `total` column.
    RowSum {
        rule: Rule,
        parts: &'static [&'static str],
        total: &'static str,
    },
    /// In every column, the rows from `first` up to (not including) `total` add up to the
    /// `total` row.
    ColumnSum {
        rule: Rule,
        first: &'static str,
        total: &'static str,
    },
    /// In every column, the `left` rows add up to the `right` rows.
    Balance {
        rule: Rule,
        left: [&'static str; 2],
        right: [&'static str; 2],
    },
}

/// A [`Identity::RowSum`] by column index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowSum {
    pub rule: Rule,
    pub parts: Range<usize>,
    pub total: usize,
}

/// A [`Identity::ColumnSum`] by row index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ColumnSum {
    pub rule: Rule,
    pub parts: Range<usize>,
    pub total: usize,
}

/// A [`Identity::Balance`] by row index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Balance {
    pub rule: Rule,
    pub left: [usize; 2],
    pub right: [usize; 2],
}

impl TableSpec {
    pub fn row(&self, key: &str) -> Option<(usize, &'static RowSpec)> {
        self.rows.iter().enumerate().find(|(_, r)| r.key == key)
    }

    /// The keys of the rows this table has and `other` has not (表三: the （六） rows of each
    /// form).
    pub fn own_rows<'a>(&'a self, other: &'a TableSpec) -> impl Iterator<Item = &'static str> + 'a {
        self.rows
            .iter()
            .map(|r| r.key)
            .filter(|key| other.row(key).is_none())
    }

    fn row_index(&self, key: &str) -> Option<usize> {
        self.row(key).map(|(i, _)| i)
    }

    /// The row sum the table obeys (表三: 六类申请人 = 总计; 表四: 维持+纠正+其他+尚未审结 =
    /// 总计), by column index.
    pub fn row_sum(&self) -> Option<RowSum> {
        self.identities.iter().find_map(|identity| {
            let Identity::RowSum { rule, parts, total } = identity else {
                return None;
            };
            let cols = self.rows.first()?.cols;
            let col = |key: &str| cols.iter().position(|c| c.key == key);
            let first = col(parts.first()?)?;
            Some(RowSum {
                rule: *rule,
                parts: first..first + parts.len(),
                total: col(total)?,
            })
        })
    }

    /// The column sum the table obeys (表三: （一）…（六） = （七）总计), by row index.
    pub fn column_sum(&self) -> Option<ColumnSum> {
        self.identities.iter().find_map(|identity| {
            let Identity::ColumnSum { rule, first, total } = identity else {
                return None;
            };
            let total = self.row_index(total)?;
            Some(ColumnSum {
                rule: *rule,
                parts: self.row_index(first)?..total,
                total,
            })
        })
    }

    /// The balance the table obeys (表三: 一 + 二 = （七） + 四), by row index.
    pub fn balance(&self) -> Option<Balance> {
        self.identities.iter().find_map(|identity| {
            let Identity::Balance { rule, left, right } = identity else {
                return None;
            };
            let rows = |keys: [&str; 2]| Some([self.row_index(keys[0])?, self.row_index(keys[1])?]);
            Some(Balance {
                rule: *rule,
                left: rows(*left)?,
                right: rows(*right)?,
            })
        })
    }
}

/// A cell named as people read it, from the template's own labels: `requests.granted.natural`
/// is 「表三（一）予以公开·自然人」, `review_litigation.review.total` is 「表四 行政复议·总计」.
/// `template`'s tables are looked in first, then the other template's (a 2021 report may print
/// 表三's （六） as the 2019 form does); `None` for a cell neither template has.
pub fn cell_name(template: Template, table: &str, row: &str, col: &str) -> Option<String> {
    [template, template.other()].iter().find_map(|t| {
        let spec = t.tables().into_iter().find(|s| s.key == table)?;
        let (_, row) = spec.row(row)?;
        let col = row.cols.iter().find(|c| c.key == col)?;
        // 「表三（一）」 reads as one word; 「表三 一、」 and 「表二 规章」 need the space.
        let gap = if row.label.starts_with('（') {
            ""
        } else {
            " "
        };
        Some(format!("{}{gap}{}·{}", spec.name, row.label, col.label))
    })
}

const fn col(key: &'static str, label: &'static str, kind: ColKind) -> ColSpec {
    ColSpec { key, label, kind }
}

use ColKind::{Amount, Count, Signed};

const ACTIVE_DOCS_2019: &[ColSpec] = &[
    col("new_made", "本年新制作数量", Count),
    col("new_published", "本年新公开数量", Count),
    col("total_published", "对外公开总数量", Count),
];
const ACTIVE_ITEMS_2019: &[ColSpec] = &[
    col("prev_items", "上一年项目数量", Count),
    col("change", "本年增/减", Signed),
    col("decisions", "处理决定数量", Count),
];
const ACTIVE_FEES_2019: &[ColSpec] = &[
    col("prev_items", "上一年项目数量", Count),
    col("change", "本年增/减", Signed),
];
const ACTIVE_PROCUREMENT_2019: &[ColSpec] = &[
    col("items", "采购项目数量", Count),
    col("amount_wan_yuan", "采购总金额（万元）", Amount),
];

const fn row(
    key: &'static str,
    label: &'static str,
    keys: &'static [&'static str],
    cols: &'static [ColSpec],
) -> RowSpec {
    RowSpec {
        key,
        label,
        keys,
        cols,
    }
}

pub static ACTIVE_2019: TableSpec = TableSpec {
    key: "active",
    name: "表二",
    identities: &[],
    rows: &[
        row("regulations", "规章", &["规章"], ACTIVE_DOCS_2019),
        row(
            "normative_docs",
            "规范性文件",
            &["规范性文件", "行政规范性文件"],
            ACTIVE_DOCS_2019,
        ),
        row("licensing", "行政许可", &["行政许可"], ACTIVE_ITEMS_2019),
        row(
            "other_services",
            "其他对外管理服务事项",
            &["其他对外管理服务事项"],
            ACTIVE_ITEMS_2019,
        ),
        row("penalty", "行政处罚", &["行政处罚"], ACTIVE_ITEMS_2019),
        row("coercion", "行政强制", &["行政强制"], ACTIVE_ITEMS_2019),
        row(
            "fees",
            "行政事业性收费",
            &["行政事业性收费"],
            ACTIVE_FEES_2019,
        ),
        row(
            "procurement",
            "政府集中采购",
            &["政府集中采购"],
            ACTIVE_PROCUREMENT_2019,
        ),
    ],
};

const ACTIVE_DOCS_2021: &[ColSpec] = &[
    col("issued", "本年制发件数", Count),
    col("repealed", "本年废止件数", Count),
    col("in_force", "现行有效件数", Count),
];
const ACTIVE_DECISIONS_2021: &[ColSpec] = &[col("decisions", "本年处理决定数量", Count)];

pub static ACTIVE_2021: TableSpec = TableSpec {
    key: "active",
    name: "表二",
    identities: &[],
    rows: &[
        row("regulations", "规章", &["规章"], ACTIVE_DOCS_2021),
        row(
            "normative_docs",
            "行政规范性文件",
            &["行政规范性文件", "规范性文件"],
            ACTIVE_DOCS_2021,
        ),
        row(
            "licensing",
            "行政许可",
            &["行政许可"],
            ACTIVE_DECISIONS_2021,
        ),
        row("penalty", "行政处罚", &["行政处罚"], ACTIVE_DECISIONS_2021),
        row("coercion", "行政强制", &["行政强制"], ACTIVE_DECISIONS_2021),
        row(
            "fees",
            "行政事业性收费",
            &["行政事业性收费"],
            &[col("amount_wan_yuan", "本年收费金额（万元）", Amount)],
        ),
    ],
};

pub const REQUEST_COLS: &[ColSpec] = &[
    col("natural", "自然人", Count),
    col("commercial", "商业企业", Count),
    col("research", "科研机构", Count),
    col("social", "社会公益组织", Count),
    col("legal", "法律服务机构", Count),
    col("other", "其他", Count),
    col("total", "总计", Count),
];

/// 表三's sums: the six applicant columns add up to 总计 in every row; （一）…（六） add up to
/// （七）总计 in every column; and the form's printed 勾稽关系, 一 + 二 = （七） + 四.
const REQUEST_IDENTITIES: &[Identity] = &[
    Identity::RowSum {
        rule: Rule::RequestsRowSum,
        parts: &[
            "natural",
            "commercial",
            "research",
            "social",
            "legal",
            "other",
        ],
        total: "total",
    },
    Identity::ColumnSum {
        rule: Rule::RequestsColumnSum,
        first: "granted",
        total: "total",
    },
    Identity::Balance {
        rule: Rule::RequestsBalance,
        left: ["new", "carried_over"],
        right: ["total", "carry_forward"],
    },
];

macro_rules! request_rows {
    ($($other:expr),*) => {
        &[
            row("new", "一、本年新收", &["本年新收政府信息公开申请数量"], REQUEST_COLS),
            row("carried_over", "二、上年结转", &["上年结转政府信息公开申请数量"], REQUEST_COLS),
            row("granted", "（一）予以公开", &["予以公开"], REQUEST_COLS),
            row(
                "partial",
                "（二）部分公开",
                &["部分公开区分处理的只计这一情形不计其他情形", "部分公开"],
                REQUEST_COLS,
            ),
            row("denied.state_secret", "（三）1.属于国家秘密", &["属于国家秘密"], REQUEST_COLS),
            row(
                "denied.law_prohibited",
                "（三）2.其他法律行政法规禁止公开",
                &["其他法律行政法规禁止公开"],
                REQUEST_COLS,
            ),
            row(
                "denied.safety_stability",
                "（三）3.危及“三安全一稳定”",
                &["危及三安全一稳定"],
                REQUEST_COLS,
            ),
            row(
                "denied.third_party",
                "（三）4.保护第三方合法权益",
                &["保护第三方合法权益"],
                REQUEST_COLS,
            ),
            row(
                "denied.internal",
                "（三）5.属于三类内部事务信息",
                &["属于三类内部事务信息"],
                REQUEST_COLS,
            ),
            row(
                "denied.process",
                "（三）6.属于四类过程性信息",
                &["属于四类过程性信息"],
                REQUEST_COLS,
            ),
            row(
                "denied.enforcement_file",
                "（三）7.属于行政执法案卷",
                &["属于行政执法案卷"],
                REQUEST_COLS,
            ),
            row("denied.query", "（三）8.属于行政查询事项", &["属于行政查询事项"], REQUEST_COLS),
            row(
                "unable.not_held",
                "（四）1.本机关不掌握相关政府信息",
                &["本机关不掌握相关政府信息"],
                REQUEST_COLS,
            ),
            row(
                "unable.needs_creation",
                "（四）2.没有现成信息需要另行制作",
                &["没有现成信息需要另行制作"],
                REQUEST_COLS,
            ),
            row(
                "unable.unclear",
                "（四）3.补正后申请内容仍不明确",
                &["补正后申请内容仍不明确"],
                REQUEST_COLS,
            ),
            row(
                "ignored.complaint",
                "（五）1.信访举报投诉类申请",
                &["信访举报投诉类申请"],
                REQUEST_COLS,
            ),
            row("ignored.duplicate", "（五）2.重复申请", &["重复申请"], REQUEST_COLS),
            row(
                "ignored.publication",
                "（五）3.要求提供公开出版物",
                &["要求提供公开出版物"],
                REQUEST_COLS,
            ),
            row(
                "ignored.excessive",
                "（五）4.无正当理由大量反复申请",
                &["无正当理由大量反复申请"],
                REQUEST_COLS,
            ),
            row(
                "ignored.confirmation",
                "（五）5.要求行政机关确认或重新出具已获取信息",
                &["要求行政机关确认或重新出具已获取信息"],
                REQUEST_COLS,
            ),
            $($other,)*
            row("total", "（七）总计", &["总计"], REQUEST_COLS),
            row("carry_forward", "四、结转下年度继续办理", &["结转下年度继续办理"], REQUEST_COLS),
        ]
    };
}

pub static REQUESTS_2019: TableSpec = TableSpec {
    key: "requests",
    name: "表三",
    identities: REQUEST_IDENTITIES,
    rows: request_rows!(row(
        "other",
        "（六）其他处理",
        &["其他处理", "其他"],
        REQUEST_COLS
    )),
};

pub static REQUESTS_2021: TableSpec = TableSpec {
    key: "requests",
    name: "表三",
    identities: REQUEST_IDENTITIES,
    rows: request_rows!(
        row(
            "other.no_correction",
            "（六）1.逾期不补正",
            &["申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请"],
            REQUEST_COLS
        ),
        row(
            "other.no_fee",
            "（六）2.逾期未缴费",
            &["申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请"],
            REQUEST_COLS
        ),
        row("other.misc", "（六）3.其他", &["其他"], REQUEST_COLS)
    ),
};

pub const REVIEW_COLS: &[ColSpec] = &[
    col("upheld", "结果维持", Count),
    col("corrected", "结果纠正", Count),
    col("other", "其他结果", Count),
    col("pending", "尚未审结", Count),
    col("total", "总计", Count),
];

/// Every table spec, for sending a table by its index (the worker, `model::statics`).
pub static SPECS: [&TableSpec; 5] = [
    &ACTIVE_2019,
    &ACTIVE_2021,
    &REQUESTS_2019,
    &REQUESTS_2021,
    &REVIEW_LITIGATION,
];

pub static REVIEW_LITIGATION: TableSpec = TableSpec {
    key: "review_litigation",
    name: "表四",
    identities: &[Identity::RowSum {
        rule: Rule::ReviewLitigationSum,
        parts: &["upheld", "corrected", "other", "pending"],
        total: "total",
    }],
    rows: &[
        row("review", "行政复议", &["行政复议"], REVIEW_COLS),
        row(
            "litigation_direct",
            "行政诉讼·未经复议直接起诉",
            &["未经复议直接起诉"],
            REVIEW_COLS,
        ),
        row(
            "litigation_after_review",
            "行政诉讼·复议后起诉",
            &["复议后起诉"],
            REVIEW_COLS,
        ),
    ],
};

/// Words of 表四's header block: a text chunk made only of these is header, not prose.
pub const REVIEW_HEADER_WORDS: &[&str] = &[
    "行政复议",
    "行政诉讼",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "总计",
    "未经复议直接起诉",
    "复议后起诉",
    "合计",
];

/// Phrases found only in one template (Han characters only).
pub const MARKERS_2019: &[&str] = &[
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增减",
    "政府集中采购",
    "采购项目数量",
];
pub const MARKERS_2021: &[&str] = &[
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年处理决定数量",
    "本年收费金额",
    REQUESTS_MARKERS_2021[0],
    REQUESTS_MARKERS_2021[1],
];

/// The phrases of 表三's （六）1 and 2 in the 2021 form (also in [`MARKERS_2021`]): the 2019
/// form has one row （六）其他处理 instead.
pub const REQUESTS_MARKERS_2021: [&str; 2] =
    ["申请人无正当理由逾期不补正", "逾期未按收费通知要求缴纳费用"];

/// The label of 表三's （六） in both forms (Han only).
pub const OTHER_HANDLING: &str = "其他处理";

/// Phrases of the pre-2019 report form (概述 / 统计表 / 指标名称 / 计量单位).
pub const MARKERS_OLD: &[&str] = &["指标名称", "计量单位"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_identity_resolves_to_the_rows_and_columns_it_names() {
        for spec in SPECS {
            for identity in spec.identities {
                match identity {
                    Identity::RowSum { parts, total, .. } => {
                        let sum = spec.row_sum().unwrap();
                        for row in spec.rows {
                            let keys: Vec<&str> =
                                row.cols[sum.parts.clone()].iter().map(|c| c.key).collect();
                            assert_eq!(keys, *parts, "{}: parts are adjacent, in order", spec.name);
                            assert_eq!(row.cols[sum.total].key, *total);
                        }
                    }
                    Identity::ColumnSum { first, total, .. } => {
                        let sum = spec.column_sum().unwrap();
                        assert_eq!(spec.rows[sum.parts.start].key, *first);
                        assert_eq!(spec.rows[sum.total].key, *total);
                    }
                    Identity::Balance { left, right, .. } => {
                        let balance = spec.balance().unwrap();
                        let keys = |rows: [usize; 2]| rows.map(|r| spec.rows[r].key);
                        assert_eq!((keys(balance.left), keys(balance.right)), (*left, *right));
                    }
                }
            }
        }
        // （一）…（六）: 19 result rows in the 2019 form, 21 in the 2021 form.
        assert_eq!(REQUESTS_2019.column_sum().unwrap().parts.len(), 19);
        assert_eq!(REQUESTS_2021.column_sum().unwrap().parts.len(), 21);
        assert_eq!(REVIEW_LITIGATION.row_sum().unwrap().parts, 0..4);
        assert!(ACTIVE_2021.row_sum().is_none());
        let own = |a: &TableSpec, b: &TableSpec| a.own_rows(b).collect::<Vec<_>>();
        assert_eq!(own(&REQUESTS_2019, &REQUESTS_2021), ["other"]);
        assert_eq!(
            own(&REQUESTS_2021, &REQUESTS_2019),
            ["other.no_correction", "other.no_fee", "other.misc"]
        );
    }

    #[test]
    fn every_cell_of_both_templates_has_a_unique_readable_name() {
        for template in [Template::Y2019, Template::Y2021] {
            let mut names = std::collections::HashSet::new();
            for spec in template.tables() {
                for row in spec.rows {
                    for col in row.cols {
                        let name = cell_name(template, spec.key, row.key, col.key).unwrap();
                        assert!(name.starts_with(spec.name), "{name}");
                        assert!(
                            name.contains(row.label) && name.ends_with(col.label),
                            "{name}"
                        );
                        // Read by people: Chinese labels, no internal key left in it.
                        assert!(!name.chars().any(|c| c.is_ascii_alphabetic()), "{name}");
                        assert!(names.insert(name.clone()), "{name} twice in {template:?}");
                    }
                }
            }
            let cells: usize = template
                .tables()
                .iter()
                .flat_map(|s| s.rows)
                .map(|r| r.cols.len())
                .sum();
            assert_eq!(names.len(), cells);
        }
    }

    #[test]
    fn cells_are_named_as_the_form_prints_them() {
        let name = |t, table, row, col| cell_name(t, table, row, col).unwrap();
        assert_eq!(
            name(Template::Y2021, "requests", "granted", "natural"),
            "表三（一）予以公开·自然人"
        );
        assert_eq!(
            name(Template::Y2019, "requests", "new", "total"),
            "表三 一、本年新收·总计"
        );
        assert_eq!(
            name(Template::Y2019, "active", "regulations", "new_made"),
            "表二 规章·本年新制作数量"
        );
        assert_eq!(
            name(Template::Y2021, "review_litigation", "review", "upheld"),
            "表四 行政复议·结果维持"
        );
    }

    #[test]
    fn a_row_of_the_other_form_is_named_from_that_form() {
        // A 2021 report printing 表三's （六） as the 2019 form does.
        assert_eq!(
            cell_name(Template::Y2021, "requests", "other", "social").unwrap(),
            "表三（六）其他处理·社会公益组织"
        );
        assert_eq!(
            cell_name(Template::Y2019, "active", "fees", "amount_wan_yuan").unwrap(),
            "表二 行政事业性收费·本年收费金额（万元）"
        );
        assert_eq!(
            cell_name(Template::Y2019, "requests", "granted", "nobody"),
            None
        );
        assert_eq!(
            cell_name(Template::Y2019, "tables", "granted", "natural"),
            None
        );
    }
}
