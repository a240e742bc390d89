//! The agency that issues a report, and what kind of agency its name tells.

use super::dates::whole_date;
use crate::model::AgencyKind;
use crate::reading::outline::{Line, Outline};
use crate::text::tokens::han_only;

const AGENCY_ENDINGS: &[&str] = &[
    "政府",
    "办公室",
    "办公厅",
    "局",
    "委员会",
    "委",
    "厅",
    "院",
    "中心",
    "管委会",
    "实验区",
    "新区",
    "开发区",
    "办事处",
    "署",
    "馆",
    "所",
    "站",
    "处",
    "会",
    "区",
    "县",
    "市",
    "州",
    "旗",
    "镇",
    "乡",
    "街道",
];

fn looks_like_agency(text: &str) -> bool {
    let count = text.chars().count();
    (3..=30).contains(&count)
        && han_only(text).chars().count() == count
        && AGENCY_ENDINGS.iter().any(|e| text.ends_with(e))
}

fn clean_line(text: &str) -> &str {
    text.trim()
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, '#' | '*' | '|'))
}

/// The agency that issues the report: the signature above the closing date, else the title.
pub(crate) fn agency(outline: &Outline) -> Option<String> {
    let signature = outline
        .last_lines
        .iter()
        .take(SIGNATURE_LINES)
        .map(|line| clean_line(line.text))
        .find(|text| looks_like_agency(text));
    if let Some(signature) = signature {
        return Some(signature.to_string());
    }
    let title = outline.title.as_ref()?;
    // `沭阳县发展和改革局2023年…`, `…现公布 平潭综合实验区2021年度…`
    let before = title
        .before
        .trim_end()
        .rsplit(|c: char| !crate::text::tokens::is_han(c))
        .next()
        .unwrap_or("")
        .trim_start_matches("现公布");
    if looks_like_agency(before) {
        return Some(before.to_string());
    }
    // `现公布2020年资阳市人民政府办公室信息公开工作年度报告`
    let after = title
        .after
        .split("政府信息公开")
        .next()
        .and_then(|a| a.split("信息公开").next())
        .unwrap_or("")
        .trim();
    if looks_like_agency(after) {
        return Some(after.to_string());
    }
    // A title split over two lines: the agency on the line above.
    (1..title.line)
        .rev()
        .map(|line| clean_line(outline.source.line_text(line)))
        .find(|text| !text.is_empty())
        .filter(|text| looks_like_agency(text))
        .map(str::to_string)
}

/// Whether an agency name is that of a 乡, 镇 or 街道 (reports due 31 Jan, like departments).
pub(crate) fn is_township(name: &str) -> bool {
    let place = name
        .strip_suffix("人民政府")
        .or_else(|| name.strip_suffix("政府"))
        .unwrap_or(name);
    ["乡", "镇", "街道", "街道办事处"]
        .iter()
        .any(|e| place.ends_with(e))
}

/// Endings of names that are zones with a 管委会, which some places treat as a government and
/// others as a department: the name does not tell.
const ZONE_ENDINGS: &[&str] = &[
    "实验区",
    "试验区",
    "开发区",
    "高新区",
    "新区",
    "示范区",
    "园区",
    "保税区",
    "合作区",
    "管理区",
    "风景区",
    "景区",
];

/// Endings of names of departments and offices: reports due 31 Jan.
const DEPARTMENT_ENDINGS: &[&str] = &[
    "局",
    "委员会",
    "委",
    "办公室",
    "办公厅",
    "厅",
    "署",
    "办事处",
    "处",
];

/// Endings of the places whose 人民政府 is 县级以上.
const GOVERNMENT_LEVELS: &[&str] = &["省", "自治区", "市", "州", "盟", "县", "区", "旗"];

/// The kind of agency its name tells, or `None` when it does not: `某某县人民政府` and
/// `重庆市大渡口区` are a 县级以上 government (31 Mar); departments, offices (also
/// 人民政府办公室), 乡镇 and 街道 are due 31 Jan like departments; a 管委会 or a zone such as
/// 平潭综合实验区 could be either.
/// The level of the place an agency governs (`区` for 大渡口区人民政府, `县` for 沭阳县, `区` for
/// 平潭综合实验区): the agency is that place's government, and `全区` in its prose is its own
/// area. A department (财政局, 人民政府办公厅) governs no place: `None`.
pub(crate) fn own_level(name: &str) -> Option<char> {
    let place = name
        .strip_suffix("人民政府")
        .or_else(|| name.strip_suffix("政府"))
        .unwrap_or(name);
    place
        .chars()
        .next_back()
        .filter(|c| AREA_LEVELS.contains(*c))
}

/// The levels of place whose whole (`全市`, `全县`…) prose may speak of.
pub(crate) const AREA_LEVELS: &str = "省市县区州旗盟镇乡";

pub(crate) fn agency_kind(name: &str) -> Option<AgencyKind> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    if is_township(name) {
        return Some(AgencyKind::Department);
    }
    if name.ends_with("管委会") || name.ends_with("管理委员会") {
        return None;
    }
    let level = |place: &str| GOVERNMENT_LEVELS.iter().any(|e| place.ends_with(e));
    if let Some(place) = name
        .strip_suffix("人民政府")
        .or_else(|| name.strip_suffix("政府"))
    {
        return (place.chars().count() >= 2 && level(place)).then_some(AgencyKind::Government);
    }
    if DEPARTMENT_ENDINGS.iter().any(|e| name.ends_with(e)) {
        return Some(AgencyKind::Department);
    }
    if ZONE_ENDINGS.iter().any(|e| name.ends_with(e)) {
        return None;
    }
    // A place name alone (`重庆市大渡口区 2020年…年度报告`) is the report of its government.
    (name.chars().count() >= 2 && level(name)).then_some(AgencyKind::Government)
}

/// The last lines a signature may stand on (the date may be below it).
const SIGNATURE_LINES: usize = 4;

/// Where the closing signature and date begin: the trailing lines that are only a date or
/// only an agency name (at most four). `None` when the text does not end so.
pub(crate) fn closing_start(last_lines: &[Line]) -> Option<usize> {
    let mut start = None;
    for line in last_lines.iter().take(SIGNATURE_LINES) {
        let cleaned = clean_line(line.text);
        let only_date = whole_date(cleaned).is_some();
        if only_date || looks_like_agency(cleaned) {
            start = Some(line.start);
        } else {
            break;
        }
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Source;

    #[test]
    fn agency_from_a_title_split_over_two_lines() {
        let source =
            Source::new("# 重庆市云阳县人民政府\n\n## 2020 年政府信息公开工作年度报告\n正文。");
        assert_eq!(
            agency(&Outline::read(&source)).as_deref(),
            Some("重庆市云阳县人民政府")
        );
    }

    #[test]
    fn agency_kind_from_the_name() {
        use AgencyKind::*;
        for (name, kind) in [
            ("某某县人民政府", Some(Government)),
            ("淮安市人民政府", Some(Government)),
            ("重庆市大渡口区人民政府", Some(Government)),
            ("内蒙古自治区人民政府", Some(Government)),
            ("某某旗人民政府", Some(Government)),
            ("某某自治州人民政府", Some(Government)),
            ("上海市浦东新区人民政府", Some(Government)),
            ("云阳县政府", Some(Government)),
            ("重庆市大渡口区", Some(Government)),
            ("某某镇人民政府", Some(Department)),
            ("某某乡人民政府", Some(Department)),
            ("某某街道办事处", Some(Department)),
            ("资阳市人民政府办公室", Some(Department)),
            ("某某省人民政府办公厅", Some(Department)),
            ("某某县财政局", Some(Department)),
            ("沭阳县发展和改革局", Some(Department)),
            ("某某市卫生健康委员会", Some(Department)),
            ("某某省教育厅", Some(Department)),
            ("平潭综合实验区", None),
            ("某某经济技术开发区管委会", None),
            ("某某高新区管理委员会", None),
            ("某某市公共资源交易中心", None),
            ("人民政府", None),
            ("", None),
        ] {
            assert_eq!(agency_kind(name), kind, "{name}");
        }
    }

    #[test]
    fn closing_signature_and_date() {
        let source = Source::new("六、其他需要报告的事项\n无。\n\n某某县财政局\n2021年1月5日\n");
        assert_eq!(Outline::read(&source).closing, source.text.find("某某县"));
        let source = Source::new("六、其他需要报告的事项\n无收费。 附件下载");
        assert_eq!(Outline::read(&source).closing, None);
    }
}
