//! The JSON object of `CONTRACT.md`, keys in a stable, readable order.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::model::number::Number;
use crate::model::{Cell, CellRef, Finding, Report, Table};

/// A report as one JSON object; `file` is left out when `None` (the JS API).
pub struct JsonReport<'a> {
    pub file: Option<&'a str>,
    pub report: &'a Report,
}

pub fn to_string(file: Option<&str>, report: &Report) -> String {
    serde_json::to_string(&JsonReport { file, report })
        .unwrap_or_else(|e| format!("{{\"error\":{}}}", serde_json::Value::String(e.to_string())))
}

impl Serialize for JsonReport<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.report;
        let mut map = s.serialize_map(None)?;
        if let Some(file) = self.file {
            map.serialize_entry("file", file)?;
        }
        map.serialize_entry("template", &r.template.map(|t| t.id()))?;
        map.serialize_entry("report_year", &r.report_year)?;
        map.serialize_entry("agency", &r.agency)?;
        map.serialize_entry(
            "period",
            &r.period.map(|(start, end, line)| {
                serde_json::json!({"start": start.to_string(), "end": end.to_string(), "line": line})
            }),
        )?;
        map.serialize_entry(
            "published",
            &r.published
                .map(|(date, line)| serde_json::json!({"date": date.to_string(), "line": line})),
        )?;
        let sections: Vec<_> = r
            .sections
            .iter()
            .map(|s| serde_json::json!({"number": s.number, "title": s.title, "line": s.line}))
            .collect();
        map.serialize_entry("sections", &sections)?;
        map.serialize_entry("tables", &Tables(r))?;
        map.serialize_entry("reading", &Readings(r))?;
        map.serialize_entry("findings", &Findings(&r.findings))?;
        let summary = r.summary();
        map.serialize_entry(
            "summary",
            &serde_json::json!({"errors": summary.errors, "warnings": summary.warnings, "infos": summary.infos}),
        )?;
        map.serialize_entry("verdict", r.verdict().id())?;
        map.end()
    }
}

struct Tables<'a>(&'a Report);

impl Serialize for Tables<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let tables = &self.0.tables;
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry("active", &tables.active.as_ref().map(TableJson))?;
        map.serialize_entry("requests", &tables.requests.as_ref().map(TableJson))?;
        map.serialize_entry(
            "review_litigation",
            &tables.review_litigation.as_ref().map(TableJson),
        )?;
        map.end()
    }
}

/// How surely each table was read, by table key.
struct Readings<'a>(&'a Report);

impl Serialize for Readings<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(3))?;
        for (key, reading) in self.0.table_readings() {
            map.serialize_entry(key, reading.id())?;
        }
        map.end()
    }
}

struct TableJson<'a>(&'a Table);

impl Serialize for TableJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let table = self.0;
        let mut map = s.serialize_map(Some(table.rows.len()))?;
        for (spec, cells) in table.spec.rows.iter().zip(&table.rows) {
            map.serialize_entry(spec.key, &RowJson(spec.cols, cells.as_deref()))?;
        }
        map.end()
    }
}

struct RowJson<'a>(&'a [crate::model::template::ColSpec], Option<&'a [Cell]>);

impl Serialize for RowJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (i, col) in self.0.iter().enumerate() {
            let value = self.1.and_then(|cells| cells.get(i)).and_then(|c| c.value);
            map.serialize_entry(col.key, &value.map(NumberJson))?;
        }
        map.end()
    }
}

struct NumberJson(Number);

impl Serialize for NumberJson {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Number::Int(i) => s.serialize_i64(i),
            Number::Dec(d) if d.is_finite() => s.serialize_f64(d),
            Number::Dec(_) => s.serialize_none(),
        }
    }
}

struct Findings<'a>(&'a [Finding]);

impl Serialize for Findings<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for f in self.0 {
            seq.serialize_element(&FindingJson(f))?;
        }
        seq.end()
    }
}

struct FindingJson<'a>(&'a Finding);

impl Serialize for FindingJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let f = self.0;
        let mut map = s.serialize_map(Some(6))?;
        map.serialize_entry("rule", f.rule.id())?;
        map.serialize_entry("severity", f.severity.as_str())?;
        map.serialize_entry("message", &f.message)?;
        let cells: Vec<_> = f.cells.iter().map(CellRefJson).collect();
        map.serialize_entry("cells", &cells)?;
        map.serialize_entry("line", &f.line)?;
        // UTF-16 code units: `text.slice(start, end)` in JS.
        map.serialize_entry(
            "span",
            &f.span
                .map(|(start, end)| serde_json::json!({"start": start, "end": end})),
        )?;
        map.end()
    }
}

struct CellRefJson<'a>(&'a CellRef);

impl Serialize for CellRefJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry("table", self.0.table)?;
        map.serialize_entry("row", self.0.row)?;
        map.serialize_entry("col", self.0.col)?;
        map.end()
    }
}
