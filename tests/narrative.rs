//! `narrative.mismatch` over the shared fixtures: what the prose of each report states about
//! its tables is read (hand-checked lists below), true statements give no finding, the two
//! known false ones do, and every statement whose number is changed is caught.

use nianbao::model::{DocumentCount, Quantity, Statement};
use nianbao::{check_text, Options, Template};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/../shared/fixtures/{name}.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    nianbao::input::decode(&std::fs::read(path).expect("../shared/fixtures beside the repo"))
        .expect("fixture decodes")
}

/// Each fixture with the statements its prose makes about the tables, as `line: number+unit`
/// (read by hand from the text).
const STATED: &[(&str, &[&str])] = &[
    (
        "000_74598ba982fdb439",
        &[
            "51:21件",
            "51:2件",
            "51:7件",
            "51:2件",
            "51:11件",
            "51:2件",
            "51:1件",
            "55:14件",
            "57:187件",
        ],
    ),
    (
        "001_8442b5afd2c71afd",
        &["5:19件", "5:2件", "5:2件", "5:0件"],
    ),
    ("002_7d572d66493d8534", &["25:124件", "25:14起", "25:27起"]),
    ("003_2bb5014562e5e799", &["13:23件", "13:3件", "13:2件"]),
    ("004_886fdc6bb8f4cedf", &["27:12宗"]),
    ("平潭综合实验区_2021", &["2:70件", "2:69件", "2:1件"]),
    ("沭阳县发展和改革局_2023", &["9:26件"]),
    (
        "淮安市人民政府_2024",
        &[
            "18:1件",
            "30:3119件",
            "31:3050件",
            "31:34件",
            "31:103件",
            "32:351件",
            "33:72件",
            "33:64件",
            "33:178件",
            "34:37件",
            "34:46件",
            "34:25件",
            "35:5件",
            "35:9件",
            "35:7件",
        ],
    ),
];

fn shown(statements: &[Statement]) -> Vec<String> {
    statements
        .iter()
        .map(|s| format!("{}:{}{}", s.line, s.printed, s.unit))
        .collect()
}

fn mismatches(text: &str) -> Vec<(Option<usize>, String)> {
    check_text(text, &Options::default())
        .findings
        .into_iter()
        .filter(|f| f.rule.id() == "narrative.mismatch")
        .map(|f| (f.line, f.message))
        .collect()
}

#[test]
fn every_statement_of_the_fixtures_is_read() {
    for (name, stated) in STATED {
        let report = check_text(&fixture(name), &Options::default());
        assert_eq!(shown(&report.statements), *stated, "{name}");
    }
}

#[test]
fn only_the_two_false_statements_are_reported() {
    for (name, _) in STATED {
        let found = mismatches(&fixture(name));
        let expected: &[&str] = match *name {
            "002_7d572d66493d8534" => {
                &["文字说行政复议14起（“因政府信息公开引起的行政复议14起，被提起行政诉讼2…”），表四「行政复议」总计为空白"]
            }
            "003_2bb5014562e5e799" => {
                &["文字说收到申请23件（“2020年全区收到依申请公开申请共23件，其中土地征收领域…”），表三「一、本年新收」总计为22，「一+二」（含上年结转）为22"]
            }
            _ => &[],
        };
        let messages: Vec<&str> = found.iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(messages, expected, "{name}");
    }
    assert_eq!(mismatches(&fixture("002_7d572d66493d8534"))[0].0, Some(25));
    assert_eq!(mismatches(&fixture("003_2bb5014562e5e799"))[0].0, Some(13));
}

/// Replaces the number of one statement (its byte range in the normalised text; the
/// fixtures' digits are ASCII, so the range is the same in the original).
fn with_number(text: &str, statement: &Statement, number: &str) -> String {
    let source = nianbao::text::Source::new(text);
    assert_eq!(
        &source.text[statement.start..statement.end],
        statement.printed
    );
    format!(
        "{}{number}{}",
        &source.text[..statement.start],
        &source.text[statement.end..]
    )
}

/// Whether a finding's message is about this statement with this number: `文字说…23件（“`.
fn states(message: &str, statement: &Statement, number: &str) -> bool {
    let said = message.split("（“").next().unwrap_or("");
    let stated = format!("{number}{}", statement.unit);
    said.strip_suffix(&stated)
        .is_some_and(|before| !before.ends_with(|c: char| c.is_ascii_digit()))
}

#[test]
fn every_changed_statement_is_caught() {
    let mut changed = 0;
    for (name, _) in STATED {
        let text = fixture(name);
        let report = check_text(&text, &Options::default());
        let before = mismatches(&text);
        for statement in &report.statements {
            // The 2019 form has no 现行有效 column: such statements are read, not compared.
            let in_force = Quantity::Documents {
                row: "normative_docs",
                count: DocumentCount::InForce,
            };
            if report.template == Some(Template::Y2019) && statement.quantity == in_force {
                continue;
            }
            let value: i64 = statement.printed.parse().unwrap();
            let was_flagged = before.iter().any(|(line, message)| {
                *line == Some(statement.line) && states(message, statement, &statement.printed)
            });
            for new in [value + 1, value + 10] {
                let altered = with_number(&text, statement, &new.to_string());
                let found = mismatches(&altered);
                assert_eq!(
                    found.len(),
                    before.len() + usize::from(!was_flagged),
                    "{name} line {}: {} → {new}: {found:?}",
                    statement.line,
                    statement.printed
                );
                assert!(
                    found
                        .iter()
                        .any(|(line, message)| *line == Some(statement.line)
                            && states(message, statement, &new.to_string())),
                    "{name}: {found:?}"
                );
                changed += 1;
            }
        }
    }
    // All but 000's 现行有效规范性文件187件.
    let stated: usize = STATED.iter().map(|(_, s)| s.len()).sum();
    assert_eq!(changed, 2 * (stated - 1));
}

#[test]
fn the_granted_rate_is_checked_against_the_table() {
    // 004: 予以公开 3 of 12 requests handled.
    let text = fixture("004_886fdc6bb8f4cedf");
    let said = |rate: &str| {
        let altered = text.replace(
            "共办理政府信息公开申请 12 宗",
            &format!("共办理政府信息公开申请 12 宗，予以公开率为{rate}"),
        );
        assert_ne!(altered, text);
        mismatches(&altered)
    };
    assert_eq!(said("25%"), []);
    assert_eq!(said("25.0%"), []);
    let found = said("30%");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].1.starts_with("文字说予以公开率30%"), "{found:?}");
    assert!(
        found[0].1.contains("予以公开3÷（七）总计12=25.0%"),
        "{found:?}"
    );
}

/// The small clean report of `tests/golden/rules`, its 表四 given 2 + 1 lawsuits, with `said`
/// as a paragraph of section 一 and `signed` as the agency.
fn clean_saying(said: &str, signed: &str) -> String {
    let path = format!(
        "{}/tests/golden/rules/clean.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let clean = std::fs::read_to_string(path).unwrap();
    let review = "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0";
    assert!(clean.contains(review) && clean.contains("一、总体情况\n"));
    clean
        .replace(review, "1\t0\t0\t0\t1\t2\t0\t0\t0\t2\t1\t0\t0\t0\t1")
        .replace("一、总体情况\n", &format!("一、总体情况\n{said}\n"))
        .replace("某某县财政局", signed)
}

/// Each phrase family: the true number gives no finding, a false one does.
#[test]
fn phrase_families_are_compared_as_they_count() {
    let cases: &[(&str, &str, &str)] = &[
        // 予以公开 4 and 部分公开 1, counted together.
        (
            "收到政府信息公开申请6件。其中，予以公开及部分公开{}件。",
            "5",
            "4",
        ),
        (
            "收到政府信息公开申请6件。其中，予以公开、部分公开{}件。",
            "5",
            "1",
        ),
        // 依申请公开事项 are the requests: （七）总计 6.
        ("依法按时办结依申请公开事项{}件。", "6", "7"),
        // 行政诉讼 without a kind: both kinds, 2 + 1.
        (
            "本机关共收到政府信息公开申请6件。发生行政复议1件、行政诉讼{}件。",
            "3",
            "2",
        ),
    ];
    for (sentence, right, wrong) in cases {
        let said = |n: &str| clean_saying(&sentence.replace("{}", n), "某某县财政局");
        assert_eq!(mismatches(&said(right)), [], "{sentence} {right}");
        let found = mismatches(&said(wrong));
        assert_eq!(found.len(), 1, "{sentence} {wrong}: {found:?}");
    }
}

#[test]
fn figures_about_a_whole_area_are_the_agencys_only_when_it_governs_that_area() {
    let said = "2023年，全县共收到政府信息公开申请60件。";
    // A department's table is not the county's.
    assert_eq!(mismatches(&clean_saying(said, "某某县财政局")), []);
    // The county's government speaks of its own area.
    assert_eq!(mismatches(&clean_saying(said, "某某县人民政府")).len(), 1);
    // An area's documents are every department's, never its government's 表二.
    let documents = "2023年，全县发布规范性文件150件。集中公开现行有效规范性文件2763件。";
    assert_eq!(mismatches(&clean_saying(documents, "某某县人民政府")), []);
}

#[test]
fn a_number_no_split_of_digits_run_together_gives_is_caught() {
    // 表二's 行政规范性文件 printed as 2115: 2|1|15, 2|11|5 or 21|1|5.
    let run_together = |said: &str| {
        let text = clean_saying(said, "某某县财政局");
        assert!(text.contains("行政规范性文件\t2\t1\t5"));
        text.replace("行政规范性文件\t2\t1\t5", "行政规范性文件\t2115")
    };
    for possible in ["15", "5"] {
        let said = format!("本年度现行有效规范性文件{possible}件。");
        assert_eq!(mismatches(&run_together(&said)), [], "{said}");
    }
    let found = mismatches(&run_together("本年度现行有效规范性文件7件。"));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].1.contains("无论怎样拆分都不是7"), "{found:?}");
}
