//! Findings: what a rule says about a report, with its severity and the cells it concerns.

use super::rule::{Family, Rule};
use super::table::CellRef;

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn chinese(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }
}

/// What a rule says about a report. Made by [`Finding::new`], which takes the severity from
/// the rule's registry entry.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub message: String,
    pub cells: Vec<CellRef>,
    /// 1-based line of the finding or its first cell.
    pub line: Option<usize>,
    /// Where in the text the finding points (its first cell, or the number a sentence
    /// states): a byte range while rules run, turned by [`crate::check`] into UTF-16 code
    /// units of the checked text, so that JS can highlight `text.slice(start, end)`.
    pub span: Option<(usize, usize)>,
}

/// Longest message, in characters.
pub const MAX_MESSAGE_CHARS: usize = 400;

/// `message`, or its first [`MAX_MESSAGE_CHARS`] characters and how many more there were.
fn shortened(message: String) -> String {
    match message.char_indices().nth(MAX_MESSAGE_CHARS) {
        None => message,
        Some((cut, _)) => {
            let rest = message[cut..].chars().count();
            format!("{}……（后面还有 {rest} 个字未列出）", &message[..cut])
        }
    }
}

/// Findings listed of one rule at most: the rest are counted in the last one listed.
pub const MAX_PER_RULE: usize = 100;

/// Keeps at most [`MAX_PER_RULE`] findings of each rule; the last one kept of a rule with more
/// says how many more there were.
pub fn cap_per_rule(findings: &mut Vec<Finding>) {
    // (rule, findings of it): a few dozen rules at most.
    let mut counts: Vec<(Rule, usize)> = Vec::new();
    for finding in findings.iter() {
        match counts.iter_mut().find(|(rule, _)| *rule == finding.rule) {
            Some((_, n)) => *n += 1,
            None => counts.push((finding.rule, 1)),
        }
    }
    if counts.iter().all(|&(_, n)| n <= MAX_PER_RULE) {
        return;
    }
    let mut seen: Vec<(Rule, usize)> = counts.iter().map(|&(rule, _)| (rule, 0)).collect();
    findings.retain_mut(|finding| {
        let at = counts.iter().position(|(rule, _)| *rule == finding.rule);
        let (Some(at), total) = (at, at.map_or(0, |at| counts[at].1)) else {
            return true;
        };
        seen[at].1 += 1;
        if seen[at].1 == MAX_PER_RULE && total > MAX_PER_RULE {
            finding.message += &format!(
                "（同类问题共 {total} 个，另有 {} 个未列出）",
                total - MAX_PER_RULE
            );
        }
        seen[at].1 <= MAX_PER_RULE
    });
}

impl Finding {
    /// A finding of `rule`, with the rule's severity, about no cell and no line yet. A message
    /// longer than [`MAX_MESSAGE_CHARS`] (a row of millions of numbers listed) is cut there,
    /// saying how much was left out.
    pub fn new(rule: Rule, message: String) -> Finding {
        Finding {
            rule,
            severity: rule.severity(),
            message: shortened(message),
            cells: Vec::new(),
            line: None,
            span: None,
        }
    }

    /// The cells the finding is about.
    pub fn with_cells(mut self, cells: Vec<CellRef>) -> Finding {
        self.cells = cells;
        self
    }

    /// The line it is on (1-based), if known.
    pub fn at_line(mut self, line: Option<usize>) -> Finding {
        self.line = line;
        self
    }

    /// The family it is listed under: its rule's, except that a `value.*` finding goes with
    /// the table its first cell is in (a negative number in 表三 is 表三's problem).
    pub fn listed_family(&self) -> Family {
        match (self.rule.family(), self.cells.first().map(|c| c.table)) {
            (Family::Value, Some("requests")) => Family::Requests,
            (Family::Value, Some("review_litigation")) => Family::ReviewLitigation,
            (Family::Value, _) => Family::Structure,
            (family, _) => family,
        }
    }

    /// The byte range of the text it points to (a stated number, say).
    pub fn with_span(mut self, span: Option<(usize, usize)>) -> Finding {
        self.span = span;
        self
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}
