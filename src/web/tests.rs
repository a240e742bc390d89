//! Component tests in a real browser (wasm-bindgen-test under headless Chromium): what needs
//! a DOM, the browser's `DOMParser` or the worker's JS values. The reducer's own tests are
//! native (`state/tests.rs`).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::Callback;

use super::components::findings::{FindingList, FindingListProps};
use super::components::summary::{Summary, SummaryProps};
use super::components::tables::{Tables, TablesProps};
use super::state::{Action, Checked};
use crate::model::Rule;

wasm_bindgen_test_configure!(run_in_browser);

/// A fixture whose tables break: 4 errors, among them `requests.balance`.
const BROKEN: &str = include_str!("../../../shared/fixtures/003_2bb5014562e5e799.txt");

fn checked(text: &str) -> Checked {
    Checked {
        report: Rc::new(crate::check_text(text, &Default::default())),
        text: Rc::from(text),
        previous: Rc::from(""),
        with_grids: false,
        tables_from_paste: 0,
        grids_from_file: false,
    }
}

fn mount() -> web_sys::Element {
    let document = document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn text_area(root: &web_sys::Element, selector: &str) -> web_sys::HtmlTextAreaElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap()
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .unwrap()
}

/// A dispatch that records each action, as `describe` puts it.
fn recorder(
    describe: fn(Action) -> String,
) -> (Rc<std::cell::RefCell<Vec<String>>>, Callback<Action>) {
    let actions: Rc<std::cell::RefCell<Vec<String>>> = Rc::default();
    let record = actions.clone();
    let dispatch = Callback::from(move |action| record.borrow_mut().push(describe(action)));
    (actions, dispatch)
}

/// A paste event of `text` as text/plain, as the clipboard gives it; whether the app took it
/// from the browser (`preventDefault`).
fn paste_text(area: &web_sys::HtmlTextAreaElement, text: &str) -> bool {
    let data = web_sys::DataTransfer::new().unwrap();
    data.set_data("text/plain", text).unwrap();
    let init = web_sys::ClipboardEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_clipboard_data(Some(&data));
    let event = web_sys::ClipboardEvent::new_with_event_init_dict("paste", &init).unwrap();
    area.dispatch_event(&event).unwrap();
    event.default_prevented()
}

#[wasm_bindgen_test]
async fn summary_carries_the_counts_for_tests_and_portals() {
    let root = mount();
    let checked = checked(BROKEN);
    let counts = checked.report.summary();
    yew::Renderer::<Summary>::with_root_and_props(
        root.clone(),
        SummaryProps {
            checked: Some(checked),
            checking: false,
        },
    )
    .render();
    yew::scheduler::flush().await;
    let summary = root.query_selector("#summary").unwrap().unwrap();
    assert_eq!(
        summary.get_attribute("data-errors"),
        Some(counts.errors.to_string())
    );
    assert_eq!(
        summary.get_attribute("data-warnings"),
        Some(counts.warnings.to_string())
    );
    assert_eq!(
        summary.get_attribute("data-template").as_deref(),
        Some("2019")
    );
    assert!(summary.text_content().unwrap().contains("未通过"));
}

#[wasm_bindgen_test]
async fn cells_of_a_finding_carry_its_severity_and_number() {
    let root = mount();
    let checked = checked(BROKEN);
    let balance = checked
        .report
        .findings
        .iter()
        .position(|f| f.rule == Rule::RequestsBalance)
        .unwrap();
    yew::Renderer::<Tables>::with_root_and_props(
        root.clone(),
        TablesProps {
            checked,
            highlighted: Some(balance),
        },
    )
    .render();
    yew::scheduler::flush().await;
    let cell = root
        .query_selector(r#"td[data-table="requests"][data-row="new"][data-col="natural"]"#)
        .unwrap()
        .unwrap();
    assert_eq!(
        cell.get_attribute("data-severity").as_deref(),
        Some("error")
    );
    assert!(cell.class_list().contains("highlighted"));
    assert!(cell
        .text_content()
        .unwrap()
        .contains(&format!("{}", balance + 1)));
    let highlighted = root.query_selector_all("td.highlighted").unwrap().length();
    assert_eq!(highlighted, 4, "一, 二, （七） and 四 of the 自然人 column");
}

#[wasm_bindgen_test]
async fn clicking_a_finding_selects_it() {
    let root = mount();
    let report = checked(BROKEN);
    // 003: five arithmetic and reading findings, and the narrative one (23件 against 22).
    assert_eq!(report.report.findings.len(), 6);
    let selected = Rc::new(std::cell::RefCell::new(None));
    let dispatch = {
        let selected = selected.clone();
        Callback::from(move |action: Action| {
            if let Action::Select(index) = action {
                *selected.borrow_mut() = index;
            }
        })
    };
    yew::Renderer::<FindingList>::with_root_and_props(
        root.clone(),
        FindingListProps {
            checked: report,
            selected: None,
            dispatch,
        },
    )
    .render();
    yew::scheduler::flush().await;
    let findings = root.query_selector_all(".finding").unwrap();
    assert_eq!(findings.length(), 6, "one entry per finding");
    let second = root
        .query_selector(r#".finding[data-index="1"] button"#)
        .unwrap()
        .unwrap()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap();
    second.click();
    yew::scheduler::flush().await;
    assert_eq!(*selected.borrow(), Some(1));
}

/// A clean fixture: no error.
const CLEAN: &str = include_str!("../../../shared/fixtures/000_74598ba982fdb439.txt");

/// Two checkers mounted on one page, one of them in a shadow root and compact: each checks
/// its own text, shows its own summary and calls its own callback.
#[wasm_bindgen_test]
async fn mounted_checkers_keep_their_own_state() {
    use std::cell::RefCell;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsValue;

    let first = mount();
    let host = mount();
    let shadow = host
        .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
        .unwrap();
    let second = document().create_element("div").unwrap();
    shadow.append_child(&second).unwrap();

    let results: Rc<RefCell<Vec<(u8, f64)>>> = Rc::default();
    let callback = |which: u8| {
        let results = results.clone();
        Closure::<dyn Fn(JsValue)>::new(move |summary: JsValue| {
            let errors = js_sys::Reflect::get(&summary, &"errors".into()).unwrap();
            results.borrow_mut().push((which, errors.as_f64().unwrap()));
        })
    };
    let (on_first, on_second) = (callback(1), callback(2));
    let options = |text: &str, compact: bool| {
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"value".into(), &text.into()).unwrap();
        js_sys::Reflect::set(&options, &"compact".into(), &compact.into()).unwrap();
        JsValue::from(options)
    };
    super::mount(
        first.clone(),
        options(BROKEN, false),
        Some(
            on_first
                .as_ref()
                .unchecked_ref::<js_sys::Function>()
                .clone(),
        ),
    )
    .unwrap();
    super::mount(
        second.clone(),
        options(CLEAN, true),
        Some(
            on_second
                .as_ref()
                .unchecked_ref::<js_sys::Function>()
                .clone(),
        ),
    )
    .unwrap();
    // Each checks its text at once: wait for both reports, however long they take...
    while results.borrow().len() < 2 {
        yew::platform::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    // ...then past their debounced checks of the same texts, which must add no second report:
    // their timers were set before the reports came, so a timer of the same delay set now
    // fires after them (timers run in the order they are due).
    yew::platform::time::sleep(super::hooks::DEBOUNCE).await;
    yew::scheduler::flush().await;

    let broken = crate::check_text(BROKEN, &Default::default()).summary();
    let errors = |root: &web_sys::Element| {
        root.query_selector("#summary")
            .unwrap()
            .unwrap()
            .get_attribute("data-errors")
            .unwrap()
    };
    assert_eq!(errors(&first), broken.errors.to_string());
    assert_eq!(errors(&second), "0");
    // The compact one shows findings but no tables or source.
    assert!(first.query_selector("td[data-table]").unwrap().is_some());
    assert!(second.query_selector("td[data-table]").unwrap().is_none());
    assert!(second.query_selector(".source").unwrap().is_none());
    let results = results.borrow();
    assert!(results.contains(&(1, broken.errors as f64)), "{results:?}");
    assert!(results.contains(&(2, 0.0)), "{results:?}");
    assert!(!results.contains(&(2, broken.errors as f64)), "{results:?}");
    // One check per text: the debounced check of the same text adds no second report.
    assert_eq!(results.len(), 2, "{results:?}");
}

/// A paste event with a long text/plain into the paste area: the browser does not get it;
/// the text, in place of the selection, goes to the state. A short one the browser pastes as
/// ever. The start of a long text is shown read only, with the note and 「显示全文并编辑」.
#[wasm_bindgen_test]
async fn the_paste_area_takes_long_pastes_and_shows_the_start() {
    use super::components::input::{Input, InputProps};
    use super::state::{start_of, LONG_TEXT_BYTES, SHOWN_CHARS};

    let long = CLEAN.repeat(LONG_TEXT_BYTES / CLEAN.len() + 1);
    let (actions, dispatch) = recorder(|action| match action {
        Action::PasteText(text) => format!("PasteText {}", text.len()),
        Action::SetText(text) => format!("SetText {}", text.len()),
        Action::ShowWholeText => "ShowWholeText".to_string(),
        Action::Check => "Check".to_string(),
        Action::Notice(Some(notice)) => format!("Notice {notice}"),
        _ => "other".to_string(),
    });
    let props = |text: &str, start_only: bool| InputProps {
        text: Rc::from(text),
        notice: None,
        reading: None,
        dispatch: dispatch.clone(),
        keep_text: false,
        start_only,
        can_undo_clear: false,
    };
    let area = |root: &web_sys::Element| text_area(root, "#report-input");

    let root = mount();
    let mut app =
        yew::Renderer::<Input>::with_root_and_props(root.clone(), props("前言。后记。", false))
            .render();
    yew::scheduler::flush().await;
    let input = area(&root);
    assert!(!input.read_only());
    assert!(root.query_selector("#long-text-note").unwrap().is_none());
    assert!(
        !paste_text(&input, "小段文字"),
        "a short paste is the browser's"
    );
    assert!(actions.borrow().is_empty());
    // "前言。|后记。": the long text goes between (offsets count UTF-16 units).
    input.set_selection_range(3, 3).unwrap();
    assert!(paste_text(&input, &long));
    let expected = "前言。".len() + long.len() + "后记。".len();
    assert_eq!(
        *actions.borrow(),
        [format!("PasteText {expected}"), "Check".to_string()]
    );
    actions.borrow_mut().clear();

    app.update(props(&long, true));
    yew::scheduler::flush().await;
    let input = area(&root);
    assert!(input.read_only());
    assert_eq!(input.value(), start_of(&long));
    assert_eq!(input.value().chars().count(), SHOWN_CHARS);
    let note = root.query_selector("#long-text-note").unwrap().unwrap();
    assert!(note
        .text_content()
        .unwrap()
        .starts_with("文本较长（0.3 MB），为保持页面流畅，这里只显示开头部分；检查的是全文。"));
    // Pasting into the start shown would lose the rest: refused, with a word why.
    assert!(paste_text(&input, "小段文字"));
    assert!(actions.borrow()[0].starts_with("Notice 这里只显示了长文本的开头"));
    actions.borrow_mut().clear();
    root.query_selector("#show-whole-text")
        .unwrap()
        .unwrap()
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    assert_eq!(*actions.borrow(), ["ShowWholeText".to_string()]);

    // All of it: the same text area, editable, holding the whole text.
    app.update(props(&long, false));
    yew::scheduler::flush().await;
    let input = area(&root);
    assert!(!input.read_only());
    assert_eq!(input.value(), long);
    assert!(root.query_selector("#long-text-note").unwrap().is_none());
    // A script writing a text (the iframe's bridge) is a paste: a long one is folded again.
    actions.borrow_mut().clear();
    input.set_value(CLEAN);
    let input_event = |area: &web_sys::HtmlTextAreaElement| {
        let event = web_sys::Event::new("input").unwrap();
        area.dispatch_event(&event).unwrap();
    };
    input_event(&input);
    assert_eq!(*actions.borrow(), [format!("PasteText {}", CLEAN.len())]);
    // Also into the start shown, with a start like the one shown: the area shows the new start.
    app.update(props(&long, true));
    yew::scheduler::flush().await;
    let other = format!("{long}。");
    input.set_value(&other);
    input_event(&input);
    app.update(props(&other, true));
    yew::scheduler::flush().await;
    assert_eq!(input.value(), start_of(&other));
}

/// The 上年年报 area takes a long paste as the main one does (the text, in place of the
/// selection, goes to the state), and shows a long report of last year by its start, read
/// only, with a note; pasting into that start is refused with a word why.
#[wasm_bindgen_test]
async fn the_previous_area_shows_a_long_report_by_its_start() {
    use super::components::previous::{Previous, PreviousProps};
    use super::state::{start_of, LONG_TEXT_BYTES};

    let long = CLEAN.repeat(LONG_TEXT_BYTES / CLEAN.len() + 1);
    let (actions, dispatch) = recorder(|action| match action {
        Action::SetPrevious(text) => format!("SetPrevious {}", text.len()),
        Action::Check => "Check".to_string(),
        Action::Notice(Some(notice)) => format!("Notice {notice}"),
        _ => "other".to_string(),
    });
    let props = |text: &str| PreviousProps {
        text: Rc::from(text),
        compared_with: None,
        dispatch: dispatch.clone(),
    };
    let area = |root: &web_sys::Element| text_area(root, "#previous-input");

    let root = mount();
    let mut app =
        yew::Renderer::<Previous>::with_root_and_props(root.clone(), props("上年。")).render();
    yew::scheduler::flush().await;
    let input = area(&root);
    assert!(!input.read_only());
    assert!(
        !paste_text(&input, "小段文字"),
        "a short paste is the browser's"
    );
    assert!(actions.borrow().is_empty());
    input.set_selection_range(3, 3).unwrap();
    assert!(paste_text(&input, &long));
    let expected = "上年。".len() + long.len();
    assert_eq!(
        *actions.borrow(),
        [format!("SetPrevious {expected}"), "Check".to_string()]
    );
    actions.borrow_mut().clear();

    app.update(props(&long));
    yew::scheduler::flush().await;
    let input = area(&root);
    assert!(input.read_only());
    assert_eq!(input.value(), start_of(&long));
    let note = root
        .query_selector("#previous-long-text-note")
        .unwrap()
        .unwrap();
    assert!(note
        .text_content()
        .unwrap()
        .starts_with("上年年报较长（0.3 MB），为保持页面流畅，这里只显示开头部分"));
    assert!(paste_text(&input, "小段文字"));
    assert!(actions.borrow()[0].starts_with("Notice 这里只显示了上年年报的开头"));

    // Removed or replaced by a short one: the whole text again, editable.
    app.update(props("上年。"));
    yew::scheduler::flush().await;
    let input = area(&root);
    assert!(!input.read_only());
    assert_eq!(input.value(), "上年。");
    assert!(root
        .query_selector("#previous-long-text-note")
        .unwrap()
        .is_none());
}

/// What the worker sends (`check_in_worker`, a JS value) reads back as the same report, big
/// integers included.
#[wasm_bindgen_test]
fn a_report_from_the_worker_reads_back_as_the_report() {
    let huge = BROKEN.replacen("23", "98765432109876543", 1);
    for text in [BROKEN, huge.as_str()] {
        let bytes = super::worker::report_in_worker(text, None, "").unwrap();
        let report: crate::Report = crate::model::wire::from_bytes(&bytes).unwrap();
        let direct = crate::check_text(text, &Default::default());
        assert_eq!(
            crate::output::json::to_string(None, &report),
            crate::output::json::to_string(None, &direct)
        );
    }
}

/// The worker compares with last year's report when it is sent one.
#[wasm_bindgen_test]
fn the_worker_checks_against_last_years_report() {
    let bytes = super::worker::report_in_worker(BROKEN, None, BROKEN).unwrap();
    let report: crate::Report = crate::model::wire::from_bytes(&bytes).unwrap();
    assert_eq!(
        crate::output::json::to_string(None, &report),
        crate::output::json::to_string(
            None,
            &crate::check(
                &crate::Document::from_text(BROKEN),
                Some(&crate::Document::from_text(BROKEN)),
                &Default::default()
            )
        )
    );
    assert!(report.findings.iter().any(|f| f.rule == Rule::SameText));
}

/// Clipboard HTML with tables: the browser's DOMParser and the walker rules give the grids,
/// whose cells stay apart; the reducer keeps them only while the text is that paste.
#[wasm_bindgen_test]
fn pasted_html_tables_become_grids_until_the_text_is_edited() {
    let html = "<html><body><!--StartFragment--><p>三、收到和处理政府信息公开申请情况</p>\
        <table><tr><td rowspan=2>（三）不予公开</td><td><p>1.属于</p><p>国家秘密</p></td><td>1</td><td>2</td></tr>\
        <tr><td>2.其他法律行政法规禁止公开</td><td>&nbsp;</td><td>3</td></tr></table>\
        <script>document.title = 'x'</script><!--EndFragment--></body></html>";
    let document = super::paste::document_from_html(html).unwrap();
    assert_eq!(
        document.text,
        "三、收到和处理政府信息公开申请情况\n（三）不予公开\t1.属于 国家秘密\t1\t2\n\t2.其他法律行政法规禁止公开\t\t3\n"
    );
    assert_eq!(document.grids.len(), 1);
    assert_eq!(document.grids[0].cells[0].rowspan, 2);
    assert!(super::paste::document_from_html("<p>没有表格</p>").is_none());

    let state = super::state::State::new(false)
        .reduce(Action::SetText("标题".to_string()))
        .reduce(Action::PasteDocument {
            before: "标题".to_string(),
            document,
            after: String::new(),
        });
    assert!(state.text.starts_with("标题\n三、"));
    let grids = state.grids.as_ref().unwrap();
    let cell = &grids.grids[0].cells[2];
    assert_eq!(
        &crate::text::normalize(&state.text)[cell.start..cell.end],
        "1"
    );
    let edited = format!("{}。", state.text);
    let state = state.reduce(Action::SetText(edited));
    assert!(state.grids.is_none());
}

/// The worker checks with the grids it is sent: the same report as a check on the page with
/// them, which differs from the text alone (a cell `约10` is unreadable as a cell, while the
/// text reader takes its number).
#[wasm_bindgen_test]
fn the_worker_checks_with_the_pasted_grids() {
    let mut html = String::from("<html><body>");
    let mut in_table = false;
    for line in BROKEN.lines() {
        let is_row = line.contains('\t');
        if is_row && !in_table {
            html.push_str("<table>");
        }
        if !is_row && in_table {
            html.push_str("</table>");
        }
        in_table = is_row;
        if is_row {
            html.push_str("<tr>");
            for field in line.split('\t') {
                let field = if field.trim() == "10" { "约10" } else { field };
                html.push_str(&format!("<td>{field}</td>"));
            }
            html.push_str("</tr>");
        } else {
            html.push_str(&format!("<p>{line}</p>"));
        }
    }
    let document = super::paste::document_from_html(&html).unwrap();
    let grids = document.grids.clone();
    let bytes = super::worker::report_in_worker(
        &document.text,
        Some(crate::model::wire::to_bytes(&grids).unwrap()),
        "",
    )
    .unwrap();
    let from_worker: crate::Report = crate::model::wire::from_bytes(&bytes).unwrap();
    let json = |r: &crate::Report| crate::output::json::to_string(None, r);
    let with_grids = super::state::report(&document.text, Some(&grids), "");
    assert_eq!(json(&from_worker), json(&with_grids));
    assert!(with_grids
        .findings
        .iter()
        .any(|f| f.rule == Rule::UnreadableCell));
    assert_ne!(
        json(&with_grids),
        json(&crate::check_text(&document.text, &Default::default()))
    );
}
