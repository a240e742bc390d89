//! Serde for the `&'static` parts of a report (the worker sends reports to the page): a table
//! by its template's spec, strings (rule ids, row and column keys) by interning.

use std::sync::{Mutex, OnceLock};

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::template::TableSpec;

/// A `&'static str` equal to `text`: the same one for the same text, so that memory grows
/// only with the number of distinct strings (rule ids and keys, a few hundred), not with each
/// report. A list searched in order: a `HashSet` of its own would cost the web build its own
/// copy of the hash table code.
pub(crate) fn intern(text: &str) -> &'static str {
    static SEEN: OnceLock<Mutex<Vec<&'static str>>> = OnceLock::new();
    let mut seen = SEEN
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(known) = seen.iter().find(|known| **known == text) {
        return known;
    }
    let leaked: &'static str = Box::leak(text.to_string().into_boxed_str());
    seen.push(leaked);
    leaked
}

pub(crate) fn str<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    let text = std::borrow::Cow::<str>::deserialize(d)?;
    Ok(intern(&text))
}

pub(crate) fn opt_str<'de, D: Deserializer<'de>>(d: D) -> Result<Option<&'static str>, D::Error> {
    let text = Option::<std::borrow::Cow<str>>::deserialize(d)?;
    Ok(text.map(|t| intern(&t)))
}

/// A table spec by its index in [`crate::model::template::SPECS`].
pub(crate) mod spec {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(
        spec: &&'static TableSpec,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        crate::model::template::SPECS
            .iter()
            .position(|known| std::ptr::eq(*known, *spec))
            .ok_or_else(|| serde::ser::Error::custom("unknown table spec"))?
            .serialize(s)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<&'static TableSpec, D::Error> {
        let index = usize::deserialize(d)?;
        crate::model::template::SPECS
            .get(index)
            .copied()
            .ok_or_else(|| serde::de::Error::custom("unknown table spec"))
    }
}
