//! The findings list as the page draws it: by family, then one group per rule and table, so
//! that twenty-five reconstructed rows or five blank columns make one card with a count, not
//! twenty-five cards. Rows reconstructed from digits that are all zeros are counted, not
//! listed. A bounded number of cards is drawn at first, so that a huge report does not freeze
//! the page; the rest wait behind 「显示其余 N 条」.

use crate::model::{Finding, Report, Rule, Verdict};

/// The families of the list, in order.
pub const FAMILIES: [&str; 7] = [
    "结构",
    "表三",
    "表四",
    "表二",
    "文字与表格",
    "日期",
    "跨年核对",
];

/// Most findings of one group drawn before 「显示其余 N 条」.
pub const SHOWN_PER_GROUP: usize = 50;
/// Most findings drawn in the whole list before 「显示其余 N 条」.
pub const SHOWN_IN_ALL: usize = 200;

/// The findings of one rule about one table (or about no table).
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub rule: Rule,
    /// The table of the findings' first cells; `None` for findings without cells.
    pub table: Option<&'static str>,
    /// The findings listed one by one, by their index in the report, in the report's order.
    pub listed: Vec<usize>,
    /// Rows read from run-together digits that are all zeros: counted, not listed.
    pub zero_rows: usize,
    /// How many of `listed` are drawn before 「显示其余 N 条」.
    pub shown: usize,
}

impl Group {
    /// All its findings, listed or not.
    pub fn count(&self) -> usize {
        self.listed.len() + self.zero_rows
    }

    /// Its findings not drawn until 「显示其余 N 条」 is chosen.
    pub fn hidden(&self) -> usize {
        self.listed.len() - self.shown
    }
}

/// The groups of one family, in the order of their first findings.
#[derive(Clone, Debug, PartialEq)]
pub struct FamilyGroups {
    pub name: &'static str,
    pub groups: Vec<Group>,
}

impl FamilyGroups {
    /// How many findings the family has.
    pub fn count(&self) -> usize {
        self.groups.iter().map(Group::count).sum()
    }
}

/// A reconstructed row whose every cell is 0: run-together zeros split by the identities,
/// nothing a reader needs to look at one by one.
fn is_zero_row(report: &Report, finding: &Finding) -> bool {
    finding.rule == Rule::ReconstructedCells
        && !finding.cells.is_empty()
        && finding.cells.iter().all(|at| {
            report
                .tables
                .cell(at)
                .and_then(|cell| cell.value)
                .is_some_and(|value| value.as_f64() == 0.0)
        })
}

/// The groups of the report's findings in one family, each with every finding of its rule
/// and table, in the order they come in the report.
fn groups_of(report: &Report, name: &str) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for (index, finding) in report.findings.iter().enumerate() {
        // Families listed under one name (文字与表格) form one list.
        if finding.listed_family().chinese() != name {
            continue;
        }
        let table = finding.cells.first().map(|at| at.table);
        let at = match groups
            .iter()
            .position(|g| g.rule == finding.rule && g.table == table)
        {
            Some(at) => at,
            None => {
                groups.push(Group {
                    rule: finding.rule,
                    table,
                    listed: Vec::new(),
                    zero_rows: 0,
                    shown: 0,
                });
                groups.len() - 1
            }
        };
        if is_zero_row(report, finding) {
            groups[at].zero_rows += 1;
        } else {
            groups[at].listed.push(index);
        }
    }
    groups
}

/// The report's findings by family (families without findings left out), grouped by rule
/// and table, with how many of each group are drawn at first: at most [`SHOWN_PER_GROUP`] in
/// a group and [`SHOWN_IN_ALL`] in all, in the list's order (the number of groups is bounded
/// by the rules and tables). The groups in `expanded` (by their rule and table) are drawn
/// whole.
pub fn grouped(report: &Report, expanded: &[(Rule, Option<&'static str>)]) -> Vec<FamilyGroups> {
    let mut budget = SHOWN_IN_ALL;
    let mut families = Vec::new();
    for name in FAMILIES {
        let mut groups = groups_of(report, name);
        if groups.is_empty() {
            continue;
        }
        for group in &mut groups {
            // A finding alone is drawn whatever the budget: its card is its group's.
            group.shown = if group.count() == 1 || expanded.contains(&(group.rule, group.table)) {
                group.listed.len()
            } else {
                group.listed.len().min(SHOWN_PER_GROUP).min(budget)
            };
            budget = budget.saturating_sub(group.shown);
        }
        families.push(FamilyGroups { name, groups });
    }
    families
}

/// The verdict in words, with the warnings a passing report still has: 「通过（2 个警告）」.
pub fn verdict_words(report: &Report) -> String {
    let verdict = report.verdict();
    let warnings = report.summary().warnings;
    if verdict == Verdict::Passed && warnings > 0 {
        format!("{}（{warnings} 个警告）", verdict.chinese())
    } else {
        verdict.chinese().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Verdict;

    /// Run together: the table cells of the whole report on one line, 27 rows reconstructed.
    const RUN_TOGETHER: &str = include_str!("../../../../shared/corpus/平潭综合实验区_2023.txt");
    /// Passes, with five blank legal-person columns of 表三 (`requests.blank`).
    const BLANK_COLUMNS: &str =
        include_str!("../../../../shared/fixtures/沭阳县发展和改革局_2023.txt");
    /// Fails: two row sums, a column, the balance, 表四 and the prose.
    const BROKEN: &str = include_str!("../../../../shared/fixtures/003_2bb5014562e5e799.txt");
    /// No finding at all.
    const CLEAN: &str = include_str!("../../../../shared/fixtures/000_74598ba982fdb439.txt");

    fn report(text: &str) -> Report {
        crate::check_text(text, &Default::default())
    }

    fn group(families: &[FamilyGroups], rule: Rule) -> &Group {
        let mut groups = families.iter().flat_map(|f| &f.groups);
        groups.find(|g| g.rule == rule).unwrap()
    }

    /// Every finding of the report is in exactly one group, listed or counted as a zero row.
    fn assert_every_finding_once(report: &Report, families: &[FamilyGroups]) {
        let groups = || families.iter().flat_map(|f| &f.groups);
        let mut listed: Vec<usize> = groups().flat_map(|g| g.listed.clone()).collect();
        listed.sort_unstable();
        listed.dedup();
        let zero_rows: usize = groups().map(|g| g.zero_rows).sum();
        assert_eq!(listed.len() + zero_rows, report.findings.len());
    }

    #[test]
    fn run_together_reconstructions_make_one_card_per_table_and_zero_rows_are_only_counted() {
        let report = report(RUN_TOGETHER);
        let families = grouped(&report, &[]);
        let reconstructed: Vec<&Group> = families
            .iter()
            .flat_map(|f| &f.groups)
            .filter(|g| g.rule == Rule::ReconstructedCells)
            .collect();
        let findings = report
            .findings
            .iter()
            .filter(|f| f.rule == Rule::ReconstructedCells);
        assert_eq!(findings.clone().count(), 27);
        let tables: std::collections::BTreeSet<_> = findings.map(|f| f.cells[0].table).collect();
        assert_eq!(reconstructed.len(), tables.len(), "one group per table");
        let requests = reconstructed
            .iter()
            .find(|g| g.table == Some("requests"))
            .unwrap();
        // 表三 of this report has 13 rows of 0、0、0、0、0、0、0.
        assert_eq!(requests.zero_rows, 13);
        for &index in reconstructed.iter().flat_map(|g| &g.listed) {
            assert!(!report.findings[index]
                .message
                .ends_with("0、0、0、0、0、0、0"));
        }
        assert_every_finding_once(&report, &families);
    }

    #[test]
    fn five_blank_columns_make_one_card_of_five() {
        let report = report(BLANK_COLUMNS);
        let families = grouped(&report, &[]);
        let blank = group(&families, Rule::RequestsBlank);
        assert_eq!(blank.count(), 5);
        assert_eq!(blank.shown, 5);
        assert_eq!(families.len(), 1);
        assert_eq!(families[0].name, "表三");
        assert_eq!(families[0].groups.len(), 1);
    }

    #[test]
    fn findings_keep_their_family_and_report_order() {
        let report = report(BROKEN);
        let families = grouped(&report, &[]);
        let names: Vec<&str> = families.iter().map(|f| f.name).collect();
        assert_eq!(names, ["结构", "表三", "表四", "文字与表格"]);
        let row_sums = group(&families, Rule::RequestsRowSum);
        assert_eq!(row_sums.count(), 2);
        assert!(row_sums.listed.windows(2).all(|w| w[0] < w[1]));
        assert_every_finding_once(&report, &families);
    }

    /// `report` with `count` more findings of `rule`.
    fn with_findings(mut report: Report, rule: Rule, count: usize) -> Report {
        let more = (0..count).map(|i| Finding::new(rule, format!("第{i}处")));
        report.findings.extend(more);
        report
    }

    #[test]
    fn a_huge_group_draws_fifty_until_the_rest_is_asked_for() {
        let report = with_findings(report(CLEAN), Rule::NarrativeMismatch, 300);
        let mismatch = group(&grouped(&report, &[]), Rule::NarrativeMismatch).clone();
        assert_eq!((mismatch.count(), mismatch.shown), (300, SHOWN_PER_GROUP));
        assert_eq!(mismatch.hidden(), 300 - SHOWN_PER_GROUP);
        let all = grouped(&report, &[(Rule::NarrativeMismatch, None)]);
        assert_eq!(group(&all, Rule::NarrativeMismatch).shown, 300);
    }

    #[test]
    fn the_whole_list_draws_at_most_two_hundred() {
        let mut report = report(CLEAN);
        let rules = [
            Rule::NarrativeMismatch,
            Rule::SectionFeesUnstated,
            Rule::DateDeadline,
            Rule::SameText,
            Rule::Jump,
        ];
        for rule in rules {
            report = with_findings(report, rule, 60);
        }
        let families = grouped(&report, &[]);
        let shown: usize = families
            .iter()
            .flat_map(|f| &f.groups)
            .map(|g| g.shown)
            .sum();
        assert_eq!(shown, SHOWN_IN_ALL);
        // The first groups in the list's order take the budget: 50 each, then what is left.
        let shown: Vec<usize> = families
            .iter()
            .flat_map(|f| &f.groups)
            .map(|g| g.shown)
            .collect();
        assert_eq!(shown, [50, 50, 50, 50, 0]);
    }

    #[test]
    fn a_pass_with_warnings_says_how_many() {
        let passed = report(BLANK_COLUMNS);
        assert_eq!(passed.verdict(), Verdict::Passed);
        assert_eq!(verdict_words(&passed), "通过（5 个警告）");
        assert_eq!(verdict_words(&report(CLEAN)), "通过");
        assert_eq!(verdict_words(&report(BROKEN)), "未通过");
    }
}
