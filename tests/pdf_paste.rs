//! Text copied out of a PDF reader: a PDF's fonts often map Kangxi radicals (⼀ U+2F00, ⼈,
//! ⾏, ⻓ …) to the glyphs of the ideographs they look like, so a copy holds the radicals.
//! Every fixture with its ideographs replaced by those radicals reads as the original.

use serde_json::Value;

/// Ideographs and the radicals a PDF copy gives for them.
const RADICALS: [(char, char); 24] = [
    ('一', '\u{2f00}'),
    ('二', '\u{2f06}'),
    ('人', '\u{2f08}'),
    ('入', '\u{2f0a}'),
    ('八', '\u{2f0b}'),
    ('力', '\u{2f12}'),
    ('十', '\u{2f17}'),
    ('大', '\u{2f24}'),
    ('子', '\u{2f26}'),
    ('小', '\u{2f29}'),
    ('工', '\u{2f2f}'),
    ('文', '\u{2f42}'),
    ('方', '\u{2f45}'),
    ('无', '\u{2f46}'),
    ('日', '\u{2f47}'),
    ('月', '\u{2f49}'),
    ('水', '\u{2f54}'),
    ('生', '\u{2f63}'),
    ('用', '\u{2f64}'),
    ('立', '\u{2f74}'),
    ('自', '\u{2f83}'),
    ('行', '\u{2f8f}'),
    ('长', '\u{2ed3}'),
    ('门', '\u{2ed4}'),
];

fn check_json(text: &str) -> Value {
    let report = nianbao::check_text(text, &nianbao::Options::default());
    serde_json::from_str(&nianbao::output::json::to_string(None, &report)).unwrap()
}

#[test]
fn fixtures_copied_with_kangxi_radicals_read_as_the_original() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/fixtures");
    let mut compared = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let text = nianbao::input::decode(&std::fs::read(&path).unwrap()).unwrap();
        let copied: String = text
            .chars()
            .map(|c| {
                RADICALS
                    .iter()
                    .find(|(i, _)| *i == c)
                    .map_or(c, |&(_, r)| r)
            })
            .collect();
        assert_ne!(copied, text);
        let (want, got) = (check_json(&text), check_json(&copied));
        for key in [
            "template",
            "report_year",
            "agency",
            "sections",
            "tables",
            "summary",
        ] {
            assert_eq!(got[key], want[key], "{path:?}: {key}");
        }
        compared += 1;
    }
    assert!(compared >= 8);
}
