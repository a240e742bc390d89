//! Reading a rendering back: the cells a generator printed, set against what the checker read,
//! and the tally each generator test prints per family.

use super::{ReqRow, ValidSet, REQ_COLS, REVIEW_COLS, REVIEW_GROUPS};
use serde_json::Value;

/// One cell as the generator printed it.
pub struct Printed {
    pub table: &'static str,
    pub row: &'static str,
    pub col: &'static str,
    pub value: f64,
}

/// The table keys of the JSON and the names people use for them.
pub const TABLE_NAMES: [(&str, &str); 3] = [
    ("active", "表二"),
    ("requests", "表三"),
    ("review_litigation", "表四"),
];

/// 表二's cells as printed.
pub fn active_cells(set: &ValidSet) -> Vec<Printed> {
    let mut cells = Vec::new();
    for ((block, row, _), values) in set.template.active_rows().iter().zip(&set.active) {
        for (col, &value) in block.cols.iter().zip(values) {
            let (table, col) = ("active", col.0);
            cells.push(Printed {
                table,
                row,
                col,
                value,
            });
        }
    }
    cells
}

/// 表三's cells as printed: `rows` are the rows in print order (the template's, or a mixed form).
pub fn request_cells(rows: &[&'static ReqRow], values: &[[i64; 7]]) -> Vec<Printed> {
    let mut cells = Vec::new();
    for (row, values) in rows.iter().zip(values) {
        for (&col, &value) in REQ_COLS.iter().zip(values) {
            let (table, row, value) = ("requests", row.key, value as f64);
            cells.push(Printed {
                table,
                row,
                col,
                value,
            });
        }
    }
    cells
}

/// 表四's cells as printed.
pub fn review_cells(set: &ValidSet) -> Vec<Printed> {
    let mut cells = Vec::new();
    for (&(row, _), values) in REVIEW_GROUPS.iter().zip(&set.review) {
        for (&col, &value) in REVIEW_COLS.iter().zip(values) {
            let (table, value) = ("review_litigation", value as f64);
            cells.push(Printed {
                table,
                row,
                col,
                value,
            });
        }
    }
    cells
}

/// Every cell of the three tables, as printed in the template's form.
pub fn all_cells(set: &ValidSet) -> Vec<Printed> {
    let mut cells = active_cells(set);
    cells.extend(request_cells(&set.template.request_rows(), &set.requests));
    cells.extend(review_cells(set));
    cells
}

/// What one check of a rendering gave, against what was printed.
pub struct ReadBack {
    pub report: nianbao::Report,
    pub json: Value,
    pub cells: usize,
    /// Cells read as another number: each described.
    pub wrong: Vec<String>,
    /// Cells left unread (null), as (table, row, col).
    pub declined: Vec<(&'static str, &'static str, &'static str)>,
    /// Arithmetic errors (`requests.*`, `review_litigation.*`, `active.*`, `value.negative`):
    /// on a valid table each one is a false accusation.
    pub false_errors: Vec<String>,
}

impl ReadBack {
    pub fn new(report: nianbao::Report, printed: &[Printed]) -> ReadBack {
        let json: Value =
            serde_json::from_str(&nianbao::output::json::to_string(None, &report)).unwrap();
        let mut wrong = Vec::new();
        let mut declined = Vec::new();
        for cell in printed {
            let (table, row, col, want) = (cell.table, cell.row, cell.col, cell.value);
            match json["tables"][table][row][col].as_f64() {
                Some(got) if (got - want).abs() < 1e-6 => {}
                Some(got) => wrong.push(format!("{table}.{row}.{col}: printed {want}, read {got}")),
                None => declined.push((table, row, col)),
            }
        }
        let false_errors = report
            .findings
            .iter()
            .filter(|f| f.severity == nianbao::Severity::Error && is_arithmetic(f.rule.id()))
            .map(|f| format!("{}: {}", f.rule.id(), f.message))
            .collect();
        ReadBack {
            report,
            json,
            cells: printed.len(),
            wrong,
            declined,
            false_errors,
        }
    }

    pub fn exact(&self) -> bool {
        self.wrong.is_empty() && self.declined.is_empty()
    }

    /// Whether a `structure.*` finding tells the reader about this row: it names a cell of the
    /// row, or names no cell and speaks of the whole table.
    pub fn told_about(&self, table: &str, row: &str) -> bool {
        let name = TABLE_NAMES
            .iter()
            .find(|t| t.0 == table)
            .map_or("", |t| t.1);
        self.report.findings.iter().any(|f| {
            let names_row = f.cells.iter().any(|c| c.table == table && c.row == row);
            let whole_table = f.cells.is_empty() && f.message.contains(name);
            f.rule.id().starts_with("structure.") && (names_row || whole_table)
        })
    }

    /// Declined rows that no finding tells the reader about.
    pub fn untold_declines(&self) -> Vec<String> {
        let mut rows: Vec<(&str, &str)> = Vec::new();
        for &(table, row, _) in &self.declined {
            if !rows.contains(&(table, row)) && !self.told_about(table, row) {
                rows.push((table, row));
            }
        }
        rows.iter()
            .map(|(table, row)| format!("{table}.{row}: null, and no structure.* finding about it"))
            .collect()
    }
}

fn is_arithmetic(rule: &str) -> bool {
    rule.starts_with("requests.")
        || rule.starts_with("review_litigation.")
        || rule.starts_with("active.")
        || rule == "value.negative"
}

/// How the renderings of one family were read.
#[derive(Default, Clone, Copy)]
pub struct Tally {
    pub renderings: usize,
    pub exact: usize,
    pub cells: usize,
    pub declined_cells: usize,
    pub wrong_cells: usize,
    pub false_errors: usize,
}

impl Tally {
    pub fn add(&mut self, read: &ReadBack) {
        self.renderings += 1;
        self.exact += usize::from(read.exact());
        self.cells += read.cells;
        self.declined_cells += read.declined.len();
        self.wrong_cells += read.wrong.len();
        self.false_errors += read.false_errors.len();
    }

    /// One line of the printed summary.
    pub fn line(&self, family: &str) -> String {
        format!(
            "  {family:<36} {:>5} renderings, {:5.1}% read exactly, {} of {} cells declined, {} wrong, {} false errors",
            self.renderings,
            100.0 * self.exact as f64 / self.renderings.max(1) as f64,
            self.declined_cells,
            self.cells,
            self.wrong_cells,
            self.false_errors
        )
    }
}

/// Prints each family's tally under `title`, then fails when fewer than `at_least` renderings
/// were checked or any rendering broke a promise (the first dozen are shown).
pub fn print_and_assert<'a>(
    title: &str,
    families: impl IntoIterator<Item = (&'a str, &'a Tally)>,
    failures: &[String],
    at_least: usize,
) {
    let mut summary = format!("{title}:\n");
    let mut total = 0;
    for (name, tally) in families {
        total += tally.renderings;
        summary.push_str(&tally.line(name));
        summary.push('\n');
    }
    eprintln!("{summary}");
    assert!(total >= at_least, "{total} renderings");
    let shown: Vec<&str> = failures.iter().take(12).map(String::as_str).collect();
    assert!(
        failures.is_empty(),
        "{} of {total} renderings broke a promise\n{}",
        failures.len(),
        shown.join("\n")
    );
}
