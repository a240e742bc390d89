//! Facts about the report as a whole: its template, year, agency, statistics period and
//! publication date.

pub(crate) mod agency;
pub(crate) mod dates;
pub(crate) mod template;
pub(crate) mod year;

#[cfg(test)]
mod tests {
    use super::agency::agency;
    use super::dates::{publication_date, statistics_period};
    use super::year::title;
    use crate::reading::outline::Outline;
    use crate::text::source::Source;

    #[test]
    fn finds_period_publication_year_and_agency() {
        let source = Source::new(
            "沭阳县发展和改革局2023年政府信息公开年度报告\n报告所列统计期限自 2023 年 1 月 1 日至 2023 年 12 月 31 日。\n正文\n沭阳县发展和改革局\n2024年1月17日\n",
        );
        let outline = Outline::read(&source);
        assert_eq!(title(&source).map(|t| (t.year, t.line)), Some((2023, 1)));
        let (start, end, line) = statistics_period(&source).unwrap();
        assert_eq!(
            (start.to_string(), end.to_string(), line),
            ("2023-01-01".into(), "2023-12-31".into(), 2)
        );
        assert_eq!(
            publication_date(&outline.last_lines).map(|(d, l)| (d.to_string(), l)),
            Some(("2024-01-17".into(), 5))
        );
        assert_eq!(agency(&outline).as_deref(), Some("沭阳县发展和改革局"));
    }
}
