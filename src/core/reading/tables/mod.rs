//! Reading the three tables from the token stream.
//!
//! Each template row is recognised by its label once reduced to Han characters; the numbers
//! after a label, up to the next recognised label, are that row's cells. Gaps (empty fields,
//! empty lines) become blank cells only where a row has fewer numbers than columns, and then
//! the most likely gaps are chosen; where two choices are equally likely the reader is told.

//!
//! The steps, one file each: [`segments`] (labels, values, gaps) → [`rows`] (which template row
//! a label names) → [`gaps`] (which gaps are blank cells) → [`cells`] (cells and the findings
//! about reading them, digits that ran together split by [`split`]) → [`settle`] (表三's
//! ambiguous splits decided by its column sums); [`review`] reads 表四's two layouts, and
//! [`grids`] reads tables from cell grids instead of tokens. [`pipes`] reads Markdown made from
//! a PDF, whose pipe rows of numbers are apart from their labels, when the steps above go wrong.

mod cells;
pub(crate) mod forms;
mod gaps;
pub(crate) mod grids;
mod join;
mod pipes;
mod review;
mod rows;
mod segments;
mod settle;
pub(crate) mod split;
mod transpose;
mod unnamed;

pub(crate) use forms::Forms;

use cells::{place_cells, row_misnamed, rows_missing, unreadable_cells, Columns, Placed};
use gaps::{gap_after_label, resolve};
use review::read_review;
use rows::{find_rows, match_row, RowRun, WRAPPED_MIN_CHARS};
use segments::{segments, Seg};
use settle::{settle_by_columns, Unsettled};

/// Whether an empty field right after the label is an artifact of the table (a merged label
/// cell copied as two) rather than a blank cell: most complete rows have one.
fn label_gaps_are_artifacts(spec: &TableSpec, runs: &[Option<RowRun>]) -> bool {
    let complete = |run: &&RowRun, row: &RowSpec| {
        run.items
            .iter()
            .filter(|s| matches!(s, Seg::Value(_)))
            .count()
            >= row.cols.len()
    };
    let (mut with_gap, mut without) = (0, 0);
    for (row, run) in spec.rows.iter().zip(runs) {
        if let Some(run) = run.as_ref().filter(|run| complete(run, row)) {
            match gap_after_label(run.label, run.items) {
                Some(true) => with_gap += 1,
                Some(false) => without += 1,
                None => {}
            }
        }
    }
    (with_gap >= 1 && without == 0) || (with_gap >= 2 && with_gap >= 2 * without)
}

use crate::model::number::MAX_CELL_VALUE;
use crate::model::template::{RowSpec, TableSpec};
use crate::model::{CellSource, Finding, Rule, Section, Splits, Table, Tables};
use crate::text::tokens::Token;
use crate::text::Source;
use std::ops::Range;

/// A table read row by row, and the byte offset where it ends.
fn read_rows(
    source: &Source,
    segs: &[Seg],
    spec: &'static TableSpec,
    min_first_chars: usize,
    findings: &mut Vec<Finding>,
) -> Option<(Table, usize)> {
    let runs = find_rows(segs, spec, min_first_chars);
    let first_line = runs.iter().flatten().map(|r| r.label.line).min()?;
    if spec.key == "requests" {
        if let Some(rows) = transpose::column_major(segs, spec, findings) {
            let end = rows.iter().flatten().flatten().map(|c| c.end).max()?;
            let line = first_line;
            return Some((
                Table {
                    spec,
                    rows,
                    line,
                    splits: Vec::new(),
                },
                end,
            ));
        }
    }
    let label_gaps_are_artifacts = label_gaps_are_artifacts(spec, &runs);
    let mut end = 0;
    let mut rows = Vec::with_capacity(spec.rows.len());
    let mut missing = Vec::new();
    // Rows whose run-together digits split more than one way: the table's columns may decide.
    let mut unsettled: Vec<Unsettled> = Vec::new();
    let mut splits = Vec::new();
    for (row, run) in spec.rows.iter().zip(&runs) {
        match run {
            Some(run) => {
                let artifact_line = label_gaps_are_artifacts.then_some(run.label.last_line);
                let resolution = resolve(run.items, row.cols.len(), artifact_line);
                let columns = Columns::Row(spec, row);
                let Placed {
                    cells,
                    readings,
                    runs,
                } = place_cells(source, columns, run.label, resolution, findings);
                if !runs.is_empty() {
                    splits.push(Splits {
                        row: rows.len(),
                        runs,
                    });
                }
                if !readings.is_empty() {
                    unsettled.push(Unsettled {
                        row: rows.len(),
                        readings,
                    });
                }
                end = end.max(cells.iter().map(|c| c.end).max().unwrap_or(run.label.end));
                rows.push(Some(cells));
            }
            None => {
                missing.push(row);
                rows.push(None);
            }
        }
    }
    if spec.key == "requests" && !unsettled.is_empty() {
        settle_by_columns(spec, &mut rows, &unsettled, findings);
    }
    // Rows the columns settled are read.
    splits.retain(|s: &Splits| {
        rows[s.row]
            .iter()
            .flatten()
            .all(|c| c.source == CellSource::Unreadable)
    });
    if !missing.is_empty() {
        findings.push(rows_missing(spec, &missing, first_line));
    }
    Some((
        Table {
            spec,
            rows,
            line: first_line,
            splits,
        },
        end,
    ))
}

/// Rows still missing after the reading where numbers follow a label naming no row: read as
/// unreadable (`structure.unreadable_row`) rather than missing. `segs` and `min_first_chars`
/// are those the table was read with.
fn decline_misnamed_rows(
    source: &Source,
    segs: &[Seg],
    min_first_chars: usize,
    table: &mut Table,
    findings: &mut Vec<Finding>,
) {
    let spec = table.spec;
    if table.rows.iter().all(Option::is_some) {
        return;
    }
    let runs = find_rows(segs, spec, min_first_chars);
    let mut declined = false;
    for index in 0..spec.rows.len() {
        if table.rows[index].is_some() {
            continue;
        }
        let Some(label) = unnamed::unnamed_label_in_place(segs, &runs, index) else {
            continue;
        };
        let row = &spec.rows[index];
        let printed = &source.text[label.start..label.end];
        findings.push(row_misnamed(spec, row, printed, label.line));
        table.rows[index] = Some(unreadable_cells(row.cols.len(), label.line, label.start));
        declined = true;
    }
    if declined {
        pipes::restate_rows_missing(table, findings);
    }
}

/// The segments of the tokens in `start..end` (byte offsets).
fn in_region(tokens: &[Token], text: &str, start: usize, end: usize) -> Vec<Seg> {
    segments(tokens_in(tokens, start, end), text)
}

/// The tokens in `start..end` (byte offsets).
fn tokens_in(tokens: &[Token], start: usize, end: usize) -> &[Token] {
    // A heading run into its table (`三、收到和处理…情况（本列数据…`) shares a token with it.
    let from = tokens.partition_point(|t| t.end <= start);
    let to = tokens.partition_point(|t| t.start < end);
    &tokens[from..to.max(from)]
}

/// The three tables, located by section headings where present and by their own labels
/// otherwise. Tables in `given` (read from cell grids) are taken as they are, not read again.
pub(crate) fn tables(
    source: &Source,
    tokens: &[Token],
    sections: &[Section],
    forms: Forms,
    given: Tables,
    findings: &mut Vec<Finding>,
) -> Tables {
    let parts = Parts {
        sections,
        text_end: source.text.len(),
    };
    let segments_in = |part: Range<usize>| in_region(tokens, &source.text, part.start, part.end);

    // 表三 first: its long row labels anchor the other two when headings are missing.
    let requests_part = parts.after(3, &[4, 5, 6]);
    let requests = match given.requests {
        Some(table) => {
            let (start, end) = table
                .span()
                .unwrap_or((requests_part.end, requests_part.start));
            RequestsRead {
                table: Some((table, end)),
                anchor_at: start,
            }
        }
        None => {
            let part = tokens_in(tokens, requests_part.start, requests_part.end);
            read_requests(source, part, forms.requests, requests_part.end, findings)
        }
    };

    let mut active_part = parts.after(2, &[3, 4, 5, 6]);
    if requests.anchor_at > active_part.start {
        active_part.end = active_part.end.min(requests.anchor_at);
    }
    let active = given.active.or_else(|| {
        let part = tokens_in(tokens, active_part.start, active_part.end);
        read_active(source, part, forms.active, findings)
    });

    let review_start = match parts.heading(4) {
        Some(s) => s.end,
        None => requests.table.as_ref().map_or(0, |(_, end)| *end),
    };
    let review_end = parts.next_heading_after(review_start, &[5, 6]);
    let review_litigation = given
        .review_litigation
        .or_else(|| read_review(source, &segments_in(review_start..review_end), findings));

    // A second 表三 after the one read: never checked, so it must not pass unsaid.
    if let Some((first, end)) = &requests.table {
        let rest = tokens_in(tokens, *end, source.text.len());
        let mut ignored = Vec::new();
        let again = read_requests(source, rest, first.spec, source.text.len(), &mut ignored);
        if let Some((second, _)) = again.table {
            findings.extend(second_table(first, &second));
        }
    }

    let mut tables = Tables {
        active,
        requests: requests.table.map(|(table, _)| table),
        review_litigation,
    };
    for table in [
        tables.active.as_mut(),
        tables.requests.as_mut(),
        tables.review_litigation.as_mut(),
    ]
    .into_iter()
    .flatten()
    {
        out_of_range(source, table, findings);
    }
    tables
}

/// `structure.second_table` when `second`, a 表三 read after `first` (the one checked), has
/// most of its rows and differs from `first` in some cell.
fn second_table(first: &Table, second: &Table) -> Option<Finding> {
    let spec = first.spec;
    let with_numbers = |rows: &[Option<Vec<crate::model::Cell>>]| {
        rows.iter()
            .flatten()
            .filter(|cells| cells.iter().any(|c| c.value.is_some()))
            .count()
    };
    if with_numbers(&second.rows) * 2 < spec.rows.len() {
        return None;
    }
    let mut differences = Vec::new();
    for (row, (a, b)) in spec.rows.iter().zip(first.rows.iter().zip(&second.rows)) {
        let (Some(a), Some(b)) = (a, b) else { continue };
        for ((col, x), y) in row.cols.iter().zip(a).zip(b) {
            let same = match (x.value, y.value) {
                (Some(x), Some(y)) => x.approx_eq(y),
                (x, y) => x.is_none() && y.is_none(),
            };
            if !same {
                differences.push((row, col, x, y));
            }
        }
    }
    let &(row, col, x, y) = differences.first()?;
    let shown =
        |cell: &crate::model::Cell| cell.value.map_or("空白".to_string(), |v| v.to_string());
    let message = format!(
        "报告中有两张{}：核对的是第{}行起的一张，第{}行起的另一张未经核对，且有{}格与核对的那张不同（如「{}」行「{}」格，核对的为{}，另一张为{}）。请删去多余的一张，或确认哪一张是正确的",
        spec.name,
        first.line,
        second.line,
        differences.len(),
        row.label,
        col.label,
        shown(x),
        shown(y)
    );
    let cell = crate::model::CellRef {
        table: spec.key,
        row: row.key,
        col: col.key,
    };
    Some(
        Finding::new(Rule::SecondTable, message)
            .with_cells(vec![cell])
            .at_line(Some(y.line)),
    )
}

/// Cells holding a number larger than any table can ([`MAX_CELL_VALUE`]): unreadable, with a
/// finding, never checked as they are (their sums would overflow or mean nothing).
fn out_of_range(source: &Source, table: &mut Table, findings: &mut Vec<Finding>) {
    let spec = table.spec;
    for (row, read) in spec.rows.iter().zip(table.rows.iter_mut()) {
        for (col, cell) in read.iter_mut().flatten().enumerate() {
            let Some(value) = cell.value else { continue };
            if value.as_f64().abs() <= MAX_CELL_VALUE {
                continue;
            }
            let written = source.text.get(cell.start..cell.end).unwrap_or_default();
            let column = row.cols.get(col).map_or("", |c| c.label);
            findings.push(
                Finding::new(
                    Rule::UnreadableCell,
                    format!(
                        "{}「{}」行「{}」格写的是「{}」，超出可核对的范围（大于 10 的 15 次方），未参与核对",
                        spec.name, row.label, column, written
                    ),
                )
                .with_cells(cells::row_refs(spec, row).into_iter().skip(col).take(1).collect())
                .at_line(Some(cell.line)),
            );
            cell.value = None;
            cell.source = CellSource::Unreadable;
        }
    }
}

/// Where each table is looked for, by the section headings found.
struct Parts<'a> {
    sections: &'a [Section],
    text_end: usize,
}

impl Parts<'_> {
    fn heading(&self, number: u8) -> Option<&Section> {
        self.sections.iter().find(|s| s.number == number)
    }

    /// The first of the headings `numbers` after byte `from`, or the end of the text.
    fn next_heading_after(&self, from: usize, numbers: &[u8]) -> usize {
        numbers
            .iter()
            .filter_map(|&n| self.heading(n))
            .map(|s| s.start)
            .filter(|&s| s > from)
            .min()
            .unwrap_or(self.text_end)
    }

    /// From the end of heading `number` (the start of the text without it) to the next of
    /// the headings `next`.
    fn after(&self, number: u8, next: &[u8]) -> Range<usize> {
        let start = self.heading(number).map_or(0, |s| s.end);
        start..self.next_heading_after(start, next)
    }
}

/// 表三 as read from the text, with where it ends, and where its first row (一 or 二) begins:
/// that anchors 表二 before it and 表四 after it.
struct RequestsRead {
    table: Option<(Table, usize)>,
    anchor_at: usize,
}

/// 表三 from the tokens of its part, from its first row (`一、本年新收…` or `二、上年结转…`)
/// on; what comes before is prose. `part_end` anchors the others when no row is found.
fn read_requests(
    source: &Source,
    tokens: &[Token],
    spec: &'static TableSpec,
    part_end: usize,
    findings: &mut Vec<Finding>,
) -> RequestsRead {
    let segs = &segments(tokens, &source.text);
    let anchor = segs
        .iter()
        .position(|seg| match seg {
            Seg::Label(label) => match_row(&label.han, spec, 0)
                .is_some_and(|m| m.row <= 1 && m.matched_chars >= WRAPPED_MIN_CHARS),
            _ => false,
        })
        .unwrap_or(0);
    // 一、本年新收… with a typo, right before 二、上年结转…: the table begins there.
    // Only a label right before the anchor can be that row: the edit distance is costly.
    let window = anchor.saturating_sub(1 + spec.rows[0].cols.len());
    let first_with_typo = segs[window..anchor].iter().rposition(|seg| match seg {
        Seg::Label(label) => rows::closest_row(&label.han, spec, 0).is_some_and(|m| m.row == 0),
        _ => false,
    });
    let anchor = first_with_typo.map_or(anchor, |at| window + at);
    let anchor_at = segs.get(anchor).map_or(part_end, Seg::start);
    let mut read_findings = Vec::new();
    let mut table = read_rows(source, &segs[anchor..], spec, 4, &mut read_findings);
    let table_tokens = &tokens[tokens.partition_point(|t| t.start < anchor_at)..];
    if pipes::has_numbers_only_pipe_row(source, table_tokens) {
        let mut pipe_findings = Vec::new();
        let by_pipes = pipes::read_pipe_rows(source, table_tokens, spec, &mut pipe_findings);
        // The ordinary reading went wrong somewhere (rows missing or overfull): the pipe rows
        // are read instead, declining what they cannot place.
        if let Some(by_pipes) = by_pipes.filter(|_| went_wrong(&table, &read_findings)) {
            table = Some(by_pipes);
            read_findings = pipe_findings;
        }
    }
    if let Some((table, _)) = table.as_mut() {
        decline_misnamed_rows(source, &segs[anchor..], 4, table, &mut read_findings);
    }
    findings.append(&mut read_findings);
    RequestsRead { table, anchor_at }
}

/// Whether a reading of 表三 missed rows, left numbers over or could not place a row.
fn went_wrong(table: &Option<(Table, usize)>, findings: &[Finding]) -> bool {
    use crate::model::Rule;
    table.is_none()
        || findings.iter().any(|f| {
            matches!(
                f.rule,
                Rule::RowMissing | Rule::ExtraCells | Rule::UnreadableRow
            )
        })
}

/// 表二 from the tokens of its part, from its first header (`第二十条…`, `信息内容`) on; rows
/// missed there may be pipe rows printed apart (see [`pipes::missing_rows_from_pipe_rows`]).
fn read_active(
    source: &Source,
    tokens: &[Token],
    spec: &'static TableSpec,
    findings: &mut Vec<Finding>,
) -> Option<Table> {
    let segs = segments(tokens, &source.text);
    let anchor = segs
        .iter()
        .position(|seg| {
            matches!(seg, Seg::Label(l) if l.han.contains("第二十条") || l.han.contains("信息内容"))
        })
        .unwrap_or(0);
    let mut table = read_rows(source, &segs[anchor..], spec, 2, findings)?.0;
    pipes::missing_rows_from_pipe_rows(source, tokens, &mut table, findings);
    decline_misnamed_rows(source, &segs[anchor..], 2, &mut table, findings);
    Some(table)
}

#[cfg(test)]
mod tests {
    use super::gaps::Pick;
    use super::*;
    use crate::model::number::Number;
    use crate::model::template::Template;
    use crate::model::Rule;
    use crate::text::tokens::tokenize;

    fn read(text: &str, template: Template) -> (Tables, Vec<Finding>) {
        let source = Source::new(text);
        let tokens = tokenize(&source);
        let sections = crate::reading::sections::sections(&source);
        let mut findings = Vec::new();
        let tables = tables(
            &source,
            &tokens,
            &sections,
            Forms::of(template),
            Tables::default(),
            &mut findings,
        );
        (tables, findings)
    }

    fn row_values(table: &Table, row: &str) -> Vec<Option<f64>> {
        table
            .row(row)
            .unwrap()
            .iter()
            .map(|c| c.value.map(Number::as_f64))
            .collect()
    }

    #[test]
    fn matches_wrapped_and_decorated_labels() {
        let spec = Template::Y2019.requests();
        let key = |han: &str, from| match_row(han, spec, from).map(|m| spec.rows[m.row].key);
        assert_eq!(key("三本年度办理结果一予以公开", 0), Some("granted"));
        assert_eq!(
            key("五不予处理要求行政机关确认或重新出", 3),
            Some("ignored.confirmation")
        );
        assert_eq!(
            key("其他法律行政法规禁止公开", 3),
            Some("denied.law_prohibited")
        );
        assert_eq!(key("六其他", 5), Some("other"));
        assert_eq!(key("具已获取信息", 20), None);
        // A repeated column header is not the row it names; the row right after it is.
        assert_eq!(key("商业企业科研机构社会公益组织法律服务机构其他", 2), None);
        assert_eq!(key("自然人法人或其他组织总计", 2), None);
        assert_eq!(key("法律服务机构其他六其他处理", 2), Some("other"));
        assert_eq!(
            key("云阳县人民政府年政府信息公开工作年度报告七总计", 2),
            Some("total")
        );
        assert_eq!(key("益", 8), None);
    }

    #[test]
    fn reads_blank_cells_from_gaps() {
        let resolution = |text: &str, n| {
            let source = Source::new(text);
            let segs = segments(&tokenize(&source), &source.text);
            let r = resolve(&segs, n, None);
            let shown: Vec<String> = r
                .picks
                .iter()
                .map(|p| match p {
                    Pick::Value(t) => source.text[t.start..t.end].to_string(),
                    Pick::Gap(_) => "_".to_string(),
                })
                .collect();
            (shown.join(","), r.ambiguous, r.unreadable)
        };
        assert_eq!(resolution("\t\t4\t6", 4), ("_,_,4,6".into(), false, false));
        assert_eq!(
            resolution("26\n\n\n\n\n\n26", 7),
            ("26,_,_,_,_,_,26".into(), false, false)
        );
        assert_eq!(resolution("1\t\t3\t", 4), ("1,_,3,_".into(), false, false));
        assert!(resolution("1 3", 4).2);
    }

    #[test]
    fn review_table_with_leading_blank_group() {
        let text = "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t\t\t\t\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n\t\t\t\t\t4\t6\t2\t2\t14\t5\t1\t5\t2\t13\n五、存在的主要问题及改进情况\n";
        let (tables, findings) = read(text, Template::Y2019);
        let table = tables.review_litigation.unwrap();
        assert_eq!(row_values(&table, "review"), [None; 5]);
        assert_eq!(
            row_values(&table, "litigation_after_review"),
            [Some(5.0), Some(1.0), Some(5.0), Some(2.0), Some(13.0)]
        );
        assert!(findings.is_empty(), "{findings:?}");
    }

    #[test]
    fn labels_apart_from_their_numbers_take_a_line_each() {
        let text = "二、主动公开政府信息情况\n第二十条 第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n规章\n行政规范性文件\n1 0 11\n8 26 66\n三、收到和处理政府信息公开申请情况\n";
        let (tables, findings) = read(text, Template::Y2021);
        let table = tables.active.unwrap();
        assert_eq!(
            row_values(&table, "regulations"),
            [Some(1.0), Some(0.0), Some(11.0)]
        );
        assert_eq!(
            row_values(&table, "normative_docs"),
            [Some(8.0), Some(26.0), Some(66.0)]
        );
        // Lines that are not a row's worth each: nobody's numbers.
        let text = text.replace("1 0 11\n8 26 66", "1 0 11 8\n26 66");
        let (tables, findings_apart) = read(&text, Template::Y2021);
        assert_eq!(
            row_values(&tables.active.unwrap(), "regulations"),
            [None; 3]
        );
        assert!(findings_apart
            .iter()
            .any(|f| f.rule == crate::model::Rule::UnreadableRow));
        let rule = |f: &Finding| f.rule;
        assert_eq!(
            findings.iter().map(rule).collect::<Vec<_>>(),
            [crate::model::Rule::RowMissing]
        );
    }

    #[test]
    fn a_label_with_a_typo_is_its_closest_row_when_that_is_clear() {
        let spec = Template::Y2021.requests();
        let key = |han: &str| rows::closest_row(han, spec, 0).map(|m| spec.rows[m.row].key);
        assert_eq!(key("其他法律行政止公开"), Some("denied.law_prohibited"));
        assert_eq!(key("补正后申请内容不明确"), Some("unable.unclear"));
        assert_eq!(key("属于某类某某信息"), None);
        assert_eq!(key("某某某某某某某某"), None);

        assert_eq!(key("其他本年新收政府信息公开请数量"), Some("new"));
    }

    #[test]
    fn narrative_before_the_table_is_not_a_row() {
        let text = "三、收到和处理政府信息公开申请情况\n本年度予以公开7件。\n申请人情况\n一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1\n二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0\n（一）予以公开 1 0 0 0 0 0 1\n";
        let (tables, _) = read(text, Template::Y2019);
        let table = tables.requests.unwrap();
        assert_eq!(table.value("granted", "natural"), Some(Number::Int(1)));
        assert_eq!(table.value("new", "total"), Some(Number::Int(1)));
    }

    const ACTIVE_2021_LOOSE: &str = "二、主动公开政府信息情况\n第二十条第（五）项\n行政许可 0\n第二十条第（六）项\n行政处罚 0\n行政强制 0\n第二十条第（八）项\n行政事业性收费 0\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n";

    #[test]
    fn active_rows_printed_as_pipe_rows_after_the_others_are_read_or_declined() {
        let text = format!("{ACTIVE_2021_LOOSE}| 规章 | 22 | 1 | 235 |\n| 行政规范性文件 | 34 | 189 |\n三、收到和处理政府信息公开申请情况\n");
        let (tables, findings) = read(&text, Template::Y2021);
        let table = tables.active.unwrap();
        assert_eq!(
            row_values(&table, "regulations"),
            [Some(22.0), Some(1.0), Some(235.0)]
        );
        assert_eq!(row_values(&table, "normative_docs"), [None; 3]);
        let rules: Vec<Rule> = findings.iter().map(|f| f.rule).collect();
        assert_eq!(rules, [Rule::AmbiguousCells], "{findings:?}");
    }

    #[test]
    fn a_row_whose_label_is_garbled_is_declined_not_missing() {
        // As a PDF drawn without borders can give it: a group's name run into the row's.
        let mut text = String::from("三、收到和处理政府信息公开申请情况\n");
        for row in Template::Y2019.requests().rows {
            let label = match row.key {
                "denied.third_party" => "（三） 4.保护第三方合法权不予公 益开",
                _ => row.keys[0],
            };
            text.push_str(&format!("{label}\t0\t0\t0\t0\t0\t0\t0\n"));
        }
        text.push_str("四、政府信息公开行政复议、行政诉讼情况\n");
        let (tables, findings) = read(&text, Template::Y2019);
        let table = tables.requests.unwrap();
        assert_eq!(row_values(&table, "denied.third_party"), [None; 7]);
        assert_eq!(
            table.value("denied.internal", "total"),
            Some(Number::Int(0))
        );
        let rules: Vec<Rule> = findings.iter().map(|f| f.rule).collect();
        assert_eq!(rules, [Rule::UnreadableRow], "{findings:?}");
        assert!(
            findings[0].message.contains("保护第三方合法权不予公"),
            "{findings:?}"
        );
        // With no numbers where the row should be, the row is missing.
        let without = text.replace(
            "（三） 4.保护第三方合法权不予公 益开\t0\t0\t0\t0\t0\t0\t0\n",
            "",
        );
        let (_, findings) = read(&without, Template::Y2019);
        let rules: Vec<Rule> = findings.iter().map(|f| f.rule).collect();
        assert_eq!(rules, [Rule::RowMissing], "{findings:?}");
    }

    /// 表三 of the 2019 template with rows `numbers_only` printed as numbers-only pipe rows.
    fn requests_with_numbers_only_rows(numbers_only: &[&str], extra: &str) -> String {
        let mut text = String::from("三、收到和处理政府信息公开申请情况\n");
        for row in Template::Y2019.requests().rows {
            let values = if matches!(row.key, "granted" | "total" | "carried_over") {
                "| 1 | 0 | 0 | 0 | 0 | 0 | 1 |"
            } else if row.key == "new" || row.key == "carry_forward" {
                "| 2 | 0 | 0 | 0 | 0 | 0 | 2 |"
            } else {
                "| 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
            };
            if numbers_only.contains(&row.key) {
                text.push_str(&format!("{values}\n"));
            } else {
                text.push_str(&format!("| {} {values}\n", row.keys[0]));
            }
            if row.key == "ignored.duplicate" {
                text.push_str(extra);
            }
        }
        text + "四、政府信息公开行政复议、行政诉讼情况\n"
    }

    #[test]
    fn numbers_only_rows_between_anchors_are_placed_in_template_order() {
        let text = requests_with_numbers_only_rows(&["granted", "partial"], "");
        let (tables, findings) = read(&text, Template::Y2019);
        let table = tables.requests.unwrap();
        assert_eq!(table.value("granted", "total"), Some(Number::Int(1)));
        assert_eq!(table.value("partial", "total"), Some(Number::Int(0)));
        let rules: Vec<Rule> = findings.iter().map(|f| f.rule).collect();
        assert_eq!(rules, [Rule::ReconstructedCells], "{findings:?}");
    }

    #[test]
    fn numbers_rows_that_do_not_fit_their_anchors_are_declined() {
        // A numbers row between two anchored rows with no row between them: either anchor may
        // be named wrongly, so both are declined; the rows elsewhere are still read.
        let extra = "| 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n";
        let text = requests_with_numbers_only_rows(&["granted", "partial"], extra);
        let (tables, findings) = read(&text, Template::Y2019);
        let table = tables.requests.unwrap();
        assert_eq!(table.value("granted", "total"), Some(Number::Int(1)));
        assert_eq!(table.value("ignored.duplicate", "total"), None);
        assert_eq!(table.value("ignored.publication", "total"), None);
        let rules: Vec<Rule> = findings.iter().map(|f| f.rule).collect();
        assert_eq!(rules, [Rule::AmbiguousCells, Rule::ReconstructedCells]);
        // Two numbers rows for one row: that row and the anchors around it are declined.
        let text = requests_with_numbers_only_rows(&["ignored.publication"], extra);
        let (tables, findings) = read(&text, Template::Y2019);
        let table = tables.requests.unwrap();
        assert_eq!(table.value("ignored.publication", "total"), None);
        let rules: Vec<Rule> = findings.iter().map(|f| f.rule).collect();
        assert_eq!(rules, [Rule::AmbiguousCells], "{findings:?}");
    }
}
