//! The reducer, action by action, natively: what the page does with texts, checks, the
//! worker's reports and batches, without a browser.

use std::rc::Rc;

use super::*;
use crate::input::{Document, DocumentBuilder, RowSpan, MAX_BYTES, TOO_LARGE};
use crate::model::{Family, Report, Rule, Verdict};
use crate::output::summary::{csv, SummaryRow};

/// A fixture whose tables break: 4 errors, among them `requests.balance`.
const BROKEN: &str = include_str!("../../../../shared/fixtures/003_2bb5014562e5e799.txt");
/// A clean fixture: no error.
const CLEAN: &str = include_str!("../../../../shared/fixtures/000_74598ba982fdb439.txt");

fn report(text: &str) -> Box<Report> {
    Box::new(crate::check_text(text, &Default::default()))
}

fn text_document(text: &str) -> Document {
    Document::from_text(text)
}

/// `text` as a page with its tab-separated lines in HTML tables (as a paste from a web page
/// gives it): the text, and the grids of its tables.
fn table_document(text: &str) -> Document {
    let mut builder = DocumentBuilder::new();
    for line in text.lines() {
        if line.contains('\t') {
            builder.begin_row();
            for field in line.split('\t') {
                builder.cell(field, 1, RowSpan::Rows(1));
            }
        } else {
            builder.paragraph(line);
        }
    }
    builder.finish()
}

/// A state with `text` typed and checked on the page.
fn checked(text: &str) -> State {
    State::default()
        .reduce(Action::SetText(text.to_string()))
        .reduce(Action::Check)
}

fn long(text: &str) -> String {
    text.repeat(LONG_TEXT_BYTES / text.len() + 1)
}

#[test]
fn a_check_on_the_page_shows_the_report_at_once() {
    let state = checked(BROKEN);
    let checked = state.checked.as_ref().unwrap();
    assert_eq!(&*checked.text, BROKEN);
    assert_eq!(checked.report.summary(), report(BROKEN).summary());
    assert!(!checked.with_grids);
    assert_eq!(checked.tables_from_paste, 0);
    assert!(state.pending.is_none());
}

/// A paste over the 5 MB limit stays in the paste area unchecked, with a message.
#[test]
fn a_paste_over_the_limit_is_kept_and_not_checked() {
    let big = "收到申请23件。".repeat(MAX_BYTES / 20 + 1);
    assert!(big.len() > MAX_BYTES);
    for paste in [Action::SetText(big.clone()), Action::PasteText(big.clone())] {
        let state = checked(CLEAN).reduce(paste).reduce(Action::Check);
        assert_eq!(&*state.text, big.as_str());
        assert!(state.checked.is_none());
        assert_eq!(state.notice.as_deref(), Some(TOO_LARGE));
    }
    // Pasted (not typed): only its start is shown, and all of it on demand.
    let state = State::default()
        .reduce(Action::PasteText(big.clone()))
        .reduce(Action::Check);
    assert!(state.shows_start_only());
    let state = state.reduce(Action::ShowWholeText);
    assert!(!state.shows_start_only());
    assert_eq!(&*state.text, big.as_str());
}

#[test]
fn last_years_report_over_the_limit_is_said_so_and_nothing_is_checked() {
    let big = "收到申请23件。".repeat(MAX_BYTES / 20 + 1);
    let state = checked(BROKEN)
        .reduce(Action::SetPrevious(big))
        .reduce(Action::Check);
    assert!(state.checked.is_none());
    assert_eq!(state.notice, Some(format!("上年年报：{TOO_LARGE}")));
    // Removed: the text is checked again, and the notice goes with the change.
    let state = state.reduce(Action::SetPrevious(String::new()));
    assert!(state.notice.is_none());
    let state = state.reduce(Action::Check);
    assert!(state.checked.is_some());
}

#[test]
fn an_empty_text_has_no_report_and_nothing_selected() {
    let state = checked(BROKEN)
        .reduce(Action::Select(Some(1)))
        .reduce(Action::Hover(Some(2)))
        .reduce(Action::SetText(" \n\t".to_string()))
        .reduce(Action::Check);
    assert!(state.checked.is_none());
    assert_eq!((state.selected, state.hovered), (None, None));
    assert!(state.notice.is_none());
}

/// The debounced check after a paste that was checked at once: the same report, not a second
/// one (the host page is told once).
#[test]
fn the_text_just_checked_is_not_checked_again() {
    let state = checked(BROKEN);
    let first = state.checked.clone().unwrap();
    let state = state.reduce(Action::Select(Some(0))).reduce(Action::Check);
    assert!(Rc::ptr_eq(&state.checked.unwrap().report, &first.report));
    assert_eq!(state.selected, Some(0), "the selection stays");
}

#[test]
fn a_new_report_clears_the_selection_and_the_hovered_finding() {
    let state = checked(BROKEN)
        .reduce(Action::Select(Some(1)))
        .reduce(Action::Hover(Some(2)));
    assert_eq!(
        state.highlighted(),
        Some(2),
        "the hovered one over the selected one"
    );
    let state = state.reduce(Action::Hover(None));
    assert_eq!(state.highlighted(), Some(1));
    let state = state
        .reduce(Action::SetText(format!("{BROKEN}\n")))
        .reduce(Action::Check);
    assert_eq!(state.highlighted(), None);
}

#[test]
fn a_notice_goes_when_the_text_or_last_years_report_changes() {
    let notice = || Action::Notice(Some("无法读取这个文件".to_string()));
    let state = State::default().reduce(notice());
    assert_eq!(state.notice.as_deref(), Some("无法读取这个文件"));
    for change in [
        Action::SetText("一".to_string()),
        Action::PasteText("一".to_string()),
        Action::SetPrevious("上年".to_string()),
        Action::SetDocument(text_document("一")),
        Action::Clear,
    ] {
        assert!(State::default()
            .reduce(notice())
            .reduce(change)
            .notice
            .is_none());
    }
    assert!(state.reduce(Action::Notice(None)).notice.is_none());
}

/// A long text from a paste, a file or the last visit is shown by its start (and checked
/// whole) until the user asks for all of it; typing in the whole text keeps it whole; a new
/// long paste or file shows the start again; a short text is always shown whole.
#[test]
fn a_long_text_is_shown_by_its_start_until_the_user_asks_for_all_of_it() {
    let long = long(CLEAN);
    assert!(is_long(&long));
    let state = State::default().reduce(Action::PasteText(long.clone()));
    assert!(state.shows_start_only());
    let state = state.reduce(Action::Check);
    let checked = state.checked.clone().unwrap();
    assert_eq!(&*checked.text, long.as_str(), "the whole text is checked");
    assert_eq!(checked.report.summary(), report(&long).summary());
    let state = state.reduce(Action::ShowWholeText);
    assert!(!state.shows_start_only());
    assert!(
        state.checked.is_some(),
        "showing it does not change the text"
    );
    let state = state.reduce(Action::SetText(format!("{long}。")));
    assert!(
        !state.shows_start_only(),
        "typing keeps the whole text shown"
    );
    let state = state.reduce(Action::PasteText(long.clone()));
    assert!(state.shows_start_only());
    // A .docx (its grids kept) goes the same way.
    let state = state
        .reduce(Action::ShowWholeText)
        .reduce(Action::SetDocument(text_document(&long)));
    assert!(state.shows_start_only());
    assert!(state.grids.is_some());
    // Short texts are shown whole, however they come; a text typed past the limit stays whole.
    let state = state.reduce(Action::PasteText(CLEAN.to_string()));
    assert!(!state.shows_start_only());
    let state = state.reduce(Action::SetText(long.clone()));
    assert!(!state.shows_start_only());
    let state = state
        .reduce(Action::PasteText(long.clone()))
        .reduce(Action::Clear);
    assert!(state.text.is_empty() && !state.shows_start_only());
    let state = state.reduce(Action::PasteText(long.clone()));
    assert!(state.shows_start_only(), "清除 forgets 显示全文");
}

/// With a worker, a check is sent to it (numbered) and its report is shown when it comes;
/// a late report for an older text is dropped; the same text is not sent twice.
#[test]
fn the_workers_report_on_the_pending_check_is_shown_and_a_late_one_is_dropped() {
    let state = State::new(true)
        .reduce(Action::SetText("一、总体情况".to_string()))
        .reduce(Action::Check);
    assert!(state.checked.is_none());
    let first = state.pending.as_ref().unwrap().serial;
    let state = state
        .reduce(Action::SetText(BROKEN.to_string()))
        .reduce(Action::Check);
    let second = state.pending.as_ref().unwrap().serial;
    assert_ne!(first, second);
    // The same text again: still the one check.
    let state = state.reduce(Action::Check);
    assert_eq!(state.pending.as_ref().unwrap().serial, second);
    // The older check's report comes late: dropped.
    let state = state.reduce(Action::WorkerReport {
        serial: first,
        report: report("一、总体情况"),
    });
    assert!(state.checked.is_none());
    assert_eq!(
        state.pending.as_ref().unwrap().serial,
        second,
        "still waited for"
    );
    let state = state.reduce(Action::WorkerReport {
        serial: second,
        report: report(BROKEN),
    });
    assert!(state.pending.is_none());
    assert_eq!(&*state.checked.as_ref().unwrap().text, BROKEN);
    assert_eq!(state.checked.as_ref().unwrap().report.summary().errors, 4);
    // A worker that fails: the text waiting is checked here, and later ones too.
    let state = state
        .reduce(Action::SetText(format!("{BROKEN}\n")))
        .reduce(Action::Check)
        .reduce(Action::WorkerFailed);
    assert!(state.pending.is_none() && !state.use_worker);
    assert_eq!(
        &*state.checked.as_ref().unwrap().text,
        format!("{BROKEN}\n")
    );
    let state = state
        .reduce(Action::SetText(CLEAN.to_string()))
        .reduce(Action::Check);
    assert!(state.pending.is_none());
    assert_eq!(&*state.checked.as_ref().unwrap().text, CLEAN);
}

#[test]
fn a_worker_that_fails_with_nothing_pending_is_only_given_up() {
    let state = State::new(true).reduce(Action::WorkerFailed);
    assert!(!state.use_worker);
    assert!(state.checked.is_none() && state.pending.is_none());
}

/// 清除 forgets the text, last year's report and the report; the batch stays, and so does
/// the worker with its count, so that a report for a check sent before is still told apart.
#[test]
fn clearing_keeps_the_batch_and_the_worker() {
    let state = State::new(true)
        .reduce(Action::BatchStart {
            id: 3,
            names: vec!["a.txt".to_string(), "b.txt".to_string()],
        })
        .reduce(Action::SetText(BROKEN.to_string()))
        .reduce(Action::SetPrevious("上年".to_string()))
        .reduce(Action::Check);
    let serial = state.serial;
    let state = state.reduce(Action::Clear);
    assert!(state.text.is_empty() && state.previous.is_empty());
    assert!(state.checked.is_none() && state.pending.is_none() && state.grids.is_none());
    assert!(state.use_worker);
    assert_eq!(state.serial, serial);
    assert_eq!(state.batch.as_ref().unwrap().id, 3);
    let state = state
        .reduce(Action::SetText(CLEAN.to_string()))
        .reduce(Action::Check);
    assert!(state.pending.as_ref().unwrap().serial > serial);
}

/// 撤销 after 清除 brings back the text, last year's report and the grids of the paste, to be
/// checked again; a new text or another 清除 of nothing changes what can be brought back.
#[test]
fn undoing_a_clear_brings_back_the_text_and_last_years_report() {
    let pasted = table_document(CLEAN);
    let text = pasted.text.clone();
    let state = State::default()
        .reduce(Action::SetDocument(pasted))
        .reduce(Action::SetPrevious("上年".to_string()))
        .reduce(Action::Check);
    assert_eq!(state.checked.as_ref().unwrap().tables_from_paste, 3);
    let state = state.reduce(Action::Clear);
    assert!(state.text.is_empty() && state.checked.is_none());
    assert!(state.cleared.is_some());
    // 清除 again with nothing there keeps what the first one took.
    let state = state.reduce(Action::Clear).reduce(Action::UndoClear);
    assert_eq!(&*state.text, text.as_str());
    assert_eq!(&*state.previous, "上年");
    assert!(state.cleared.is_none());
    let state = state.reduce(Action::Check);
    let checked = state.checked.as_ref().unwrap();
    assert_eq!(&*checked.text, text.as_str());
    assert_eq!(checked.tables_from_paste, 3, "read from the grids again");
    assert!(checked.grids_from_file, "of the file opened");
    // A new text after 清除: nothing to bring back any more.
    let state = state
        .reduce(Action::Clear)
        .reduce(Action::SetText("新".to_string()));
    assert!(state.cleared.is_none());
    let state = state.reduce(Action::UndoClear);
    assert_eq!(&*state.text, "新");
}

/// Last year's report is compared when given: the cross-year findings join this year's, a
/// changed previous report checks the same text again, and the worker is sent both texts.
#[test]
fn last_years_report_is_checked_with_this_years() {
    let crossyear = |state: &State| -> Vec<Rule> {
        let report = &state.checked.as_ref().unwrap().report;
        report
            .findings
            .iter()
            .map(|f| f.rule)
            .filter(|rule| rule.family() == Family::CrossYear)
            .collect()
    };
    let state = checked(BROKEN);
    assert_eq!(crossyear(&state), []);
    // The same report as last year's: another year is needed, and the text is the same.
    let state = state
        .reduce(Action::SetPrevious(BROKEN.to_string()))
        .reduce(Action::Check);
    let rules = crossyear(&state);
    assert!(rules.contains(&Rule::NotConsecutive), "{rules:?}");
    assert!(rules.contains(&Rule::SameText), "{rules:?}");
    assert_eq!(&*state.checked.as_ref().unwrap().previous, BROKEN);
    let state = state
        .reduce(Action::SetPrevious(String::new()))
        .reduce(Action::Check);
    assert_eq!(crossyear(&state), []);

    let state = State::new(true)
        .reduce(Action::SetText(BROKEN.to_string()))
        .reduce(Action::SetPrevious("上年".to_string()))
        .reduce(Action::Check);
    let request = &state.pending.as_ref().unwrap().request;
    assert_eq!((&*request.text, &*request.previous), (BROKEN, "上年"));
}

/// The grids of a paste (or of a .docx) are read while the text is that paste: the report
/// says how many tables came from them; after an edit the text is read alone.
#[test]
fn pasted_grids_are_read_until_the_text_is_edited() {
    let document = table_document(BROKEN);
    assert!(!document.grids.is_empty());
    let text = document.text.clone();
    let state = State::default()
        .reduce(Action::SetText("标题".to_string()))
        .reduce(Action::PasteDocument {
            before: "标题".to_string(),
            document,
            after: String::new(),
        });
    assert!(state.text.starts_with("标题\n"));
    assert!(state.text.ends_with(&text));
    let state = state.reduce(Action::Check);
    let checked = state.checked.clone().unwrap();
    assert!(checked.with_grids && !checked.grids_from_file);
    assert_eq!(checked.tables_from_paste, 3, "表二, 表三 and 表四");
    // Typed over with the same text: still the paste.
    let same = state.text.to_string();
    let state = state.reduce(Action::SetText(same));
    assert!(state.grids.is_some());
    let state = state.reduce(Action::Check);
    assert!(Rc::ptr_eq(
        &state.checked.as_ref().unwrap().report,
        &checked.report
    ));
    // Edited: the grids go, and the text is checked alone.
    let edited = format!("{}。", state.text);
    let state = state.reduce(Action::SetText(edited)).reduce(Action::Check);
    assert!(state.grids.is_none());
    let checked = state.checked.unwrap();
    assert!(!checked.with_grids);
    assert_eq!(checked.tables_from_paste, 0);
}

/// The worker is sent the grids of the paste, and the same text with and without them are two
/// different checks.
#[test]
fn the_worker_is_sent_the_grids_of_the_paste() {
    let document = table_document(BROKEN);
    let text = document.text.clone();
    let state = State::new(true)
        .reduce(Action::SetDocument(document))
        .reduce(Action::Check);
    let job = state.pending.clone().unwrap();
    assert!(job.request.grids.is_some());
    let state = state
        .reduce(Action::SetText(format!("{text}。")))
        .reduce(Action::SetText(text))
        .reduce(Action::Check);
    let again = state.pending.as_ref().unwrap();
    assert!(again.request.grids.is_none(), "edited: no longer the paste");
    assert_ne!(again.serial, job.serial);
}

/// A batch checks its files one at a time in the order read, keeps an unreadable file's row,
/// ignores a report for an earlier batch, opens a report for 详情 and goes back; its CSV is
/// the one `nianbao check --summary csv` prints.
#[test]
fn a_batch_checks_one_file_at_a_time_and_opens_each_report() {
    let names = vec![
        "a.txt".to_string(),
        "b.txt".to_string(),
        "c.txt".to_string(),
    ];
    let state = State::new(true).reduce(Action::BatchStart { id: 7, names });
    let batch = |state: &State| state.batch.clone().unwrap();
    assert_eq!(batch(&state).done(), 0);
    assert_eq!(batch(&state).checking, None);
    assert!(batch(&state).job().is_none());
    // b is read first: it is checked first; a, read meanwhile, waits for it.
    let state = state
        .reduce(Action::BatchRead {
            id: 7,
            index: 1,
            document: Ok(text_document(BROKEN)),
        })
        .reduce(Action::BatchRead {
            id: 7,
            index: 0,
            document: Ok(text_document(CLEAN)),
        })
        .reduce(Action::BatchRead {
            id: 7,
            index: 2,
            document: Err("这不是文本文件".to_string()),
        });
    assert_eq!(batch(&state).checking, Some(1));
    assert_eq!(batch(&state).done(), 1);
    let job = batch(&state).job().unwrap();
    assert_eq!((job.batch, job.index, &*job.request.text), (7, 1, BROKEN));
    // A report for an earlier batch, or for a file not being checked, changes nothing.
    let state = state
        .reduce(Action::BatchReport {
            id: 6,
            index: 1,
            report: report(CLEAN),
        })
        .reduce(Action::BatchReport {
            id: 7,
            index: 0,
            report: report(CLEAN),
        });
    assert_eq!(batch(&state).done(), 1);
    let state = state.reduce(Action::BatchReport {
        id: 7,
        index: 1,
        report: report(BROKEN),
    });
    assert_eq!(batch(&state).checking, Some(0));
    let state = state.reduce(Action::BatchReport {
        id: 7,
        index: 0,
        report: report(CLEAN),
    });
    assert_eq!(batch(&state).checking, None);
    assert!(batch(&state).job().is_none());
    assert_eq!(batch(&state).done(), 3);
    assert_eq!(
        (
            batch(&state).count(Verdict::Failed),
            batch(&state).unreadable()
        ),
        (1, 1)
    );
    let expected = csv(&[
        SummaryRow::checked("a.txt", &report(CLEAN)),
        SummaryRow::checked("b.txt", &report(BROKEN)),
        SummaryRow::unreadable("c.txt", "这不是文本文件"),
    ]);
    assert_eq!(batch(&state).csv(), expected);
    // 详情 of b: its text and report in the single-report view, without a new check.
    let state = state.reduce(Action::BatchOpen(1));
    assert_eq!(&*state.text, BROKEN);
    assert_eq!(state.checked.as_ref().unwrap().report.summary().errors, 4);
    assert!(state.pending.is_none());
    assert_eq!(batch(&state).viewing, Some(1));
    let state = state.reduce(Action::Check);
    assert!(state.pending.is_none(), "the text shown is the one checked");
    // The unreadable file has no report to open.
    let state = state.reduce(Action::BatchOpen(2));
    assert_eq!(batch(&state).viewing, Some(1));
    assert!(matches!(
        batch(&state).files[2].status,
        FileStatus::Unreadable(_)
    ));
    let state = state.reduce(Action::BatchBack);
    assert_eq!(batch(&state).viewing, None);
    let state = state.reduce(Action::BatchClose);
    assert!(state.batch.is_none());
}

/// 上一份 and 下一份 go to the nearest checked file, passing over those that could not be read
/// or are not checked yet; the batch's findings CSV has each file's rows.
#[test]
fn a_batch_report_steps_to_the_previous_and_next_checked_file() {
    let names = ["a.txt", "b.txt", "c.txt", "d.txt"]
        .map(String::from)
        .to_vec();
    let mut state = State::new(false).reduce(Action::BatchStart { id: 2, names });
    for (index, document) in [
        Ok(text_document(CLEAN)),
        Err("这不是文本文件".to_string()),
        Ok(text_document(BROKEN)),
        Ok(text_document(CLEAN)),
    ]
    .into_iter()
    .enumerate()
    {
        state = state.reduce(Action::BatchRead {
            id: 2,
            index,
            document,
        });
        if let Some(job) = state.batch.as_ref().unwrap().job() {
            let report = Box::new(job.request.report());
            state = state.reduce(Action::BatchReport {
                id: 2,
                index: job.index,
                report,
            });
        }
    }
    let batch = state.batch.clone().unwrap();
    assert_eq!(batch.done(), 4);
    assert_eq!(
        (batch.checked_before(0), batch.checked_after(0)),
        (None, Some(2))
    );
    assert_eq!(
        (batch.checked_before(2), batch.checked_after(2)),
        (Some(0), Some(3))
    );
    assert_eq!(
        (batch.checked_before(3), batch.checked_after(3)),
        (Some(2), None)
    );
    let state = state.reduce(Action::BatchOpen(2));
    assert_eq!(&*state.text, BROKEN);
    let next = state.batch.as_ref().unwrap().checked_after(2).unwrap();
    let state = state.reduce(Action::BatchOpen(next));
    assert_eq!(state.batch.as_ref().unwrap().viewing, Some(3));
    assert_eq!(&*state.text, CLEAN);

    let checking = crate::output::findings_csv::Checking {
        date: "2026-12-05",
        version: "0.1.0",
    };
    let csv = batch.findings_csv(checking);
    let files: Vec<&str> = csv
        .split("\r\n")
        .skip(1)
        .filter_map(|line| line.split(',').next())
        .filter(|file| !file.is_empty())
        .collect();
    let broken = report(BROKEN).findings.len();
    let mut expected = vec!["a.txt", "b.txt"];
    expected.extend(std::iter::repeat_n("c.txt", broken));
    expected.push("d.txt");
    assert_eq!(files, expected);
}

/// 详情 shows the file's report as the one report: the selection, the hovered finding and a
/// notice about another text go, and a long text is shown by its start.
#[test]
fn opening_a_batch_report_starts_a_fresh_view_of_it() {
    let long = long(BROKEN);
    let state = State::new(true)
        .reduce(Action::BatchStart {
            id: 1,
            names: vec!["long.txt".to_string()],
        })
        .reduce(Action::BatchRead {
            id: 1,
            index: 0,
            document: Ok(text_document(&long)),
        })
        .reduce(Action::BatchReport {
            id: 1,
            index: 0,
            report: report(&long),
        })
        .reduce(Action::SetText("别的".to_string()))
        .reduce(Action::ShowWholeText)
        .reduce(Action::Check)
        .reduce(Action::Select(Some(0)))
        .reduce(Action::Hover(Some(0)))
        .reduce(Action::Notice(Some("别的".to_string())));
    assert!(state.pending.is_some());
    let state = state.reduce(Action::BatchOpen(0));
    assert_eq!(&*state.text, long.as_str());
    assert!(state.shows_start_only());
    assert!(state.pending.is_none());
    assert_eq!(
        (state.selected, state.hovered, state.notice),
        (None, None, None)
    );
}

/// Files opened again start a new batch: the reports and reads for the old one are dropped.
#[test]
fn a_new_batch_replaces_the_old_one() {
    let names = || vec!["a.txt".to_string(), "b.txt".to_string()];
    let state = State::new(true)
        .reduce(Action::BatchStart {
            id: 1,
            names: names(),
        })
        .reduce(Action::BatchRead {
            id: 1,
            index: 0,
            document: Ok(text_document(CLEAN)),
        })
        .reduce(Action::BatchStart {
            id: 2,
            names: names(),
        })
        .reduce(Action::BatchRead {
            id: 1,
            index: 1,
            document: Ok(text_document(CLEAN)),
        })
        .reduce(Action::BatchReport {
            id: 1,
            index: 0,
            report: report(CLEAN),
        });
    let batch = state.batch.unwrap();
    assert_eq!(batch.id, 2);
    assert_eq!(batch.done(), 0);
    assert!(batch
        .files
        .iter()
        .all(|f| matches!(f.status, FileStatus::Reading)));
}

/// A read file's grids (a .docx) go with it to its check.
#[test]
fn a_batch_file_is_checked_with_its_grids() {
    let state = State::new(true)
        .reduce(Action::BatchStart {
            id: 1,
            names: vec!["a.docx".to_string()],
        })
        .reduce(Action::BatchRead {
            id: 1,
            index: 0,
            document: Ok(table_document(BROKEN)),
        });
    let job = state.batch.as_ref().unwrap().job().unwrap();
    assert!(job.request.grids.is_some());
    assert!(job.request.previous.is_empty());
    let report = Box::new(job.request.report());
    let state = state.reduce(Action::BatchReport {
        id: 1,
        index: 0,
        report,
    });
    let FileStatus::Checked { row, checked } = &state.batch.as_ref().unwrap().files[0].status
    else {
        panic!("not checked");
    };
    assert!(checked.with_grids && checked.grids_from_file);
    assert_eq!(checked.tables_from_paste, 3);
    assert_eq!(row.counts.unwrap().errors, checked.report.summary().errors);
    assert!(state.batch.unwrap().files[0]
        .status
        .has_verdict(Verdict::Failed));
}

#[test]
fn a_file_being_read_is_named_until_it_has_been_read() {
    let state = State::default().reduce(Action::Reading(Some("年报.pdf".to_string())));
    assert_eq!(state.reading.as_deref(), Some("年报.pdf"));
    assert_eq!(state.text.as_ref(), "", "reading changes nothing else");
    assert!(state.reduce(Action::Reading(None)).reading.is_none());
}
