//! The model as bytes, handed between the app's wasm instances: the page and its workers (a
//! report, a document, pasted grids), and the PDF layout's wasm (a document). postcard: a
//! compact serde format read in order, without field names, so its reader in the wasm is a
//! fraction of a self-describing one's (the JS objects of serde-wasm-bindgen cost about 50 KB
//! of deserialising code), and a report crosses `postMessage` as one byte array.

use serde::de::DeserializeOwned;
use serde::Serialize;

/// `value` as bytes for [`from_bytes`]; the reason when it cannot be written (never for the
/// model's types, whose round trip is tested on every real report).
pub fn to_bytes<T: Serialize + ?Sized>(value: &T) -> Result<Vec<u8>, String> {
    postcard::to_allocvec(value).map_err(|e| e.to_string())
}

/// What [`to_bytes`] wrote; `None` for bytes that are not a `T` of this build.
pub fn from_bytes<T: DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    postcard::from_bytes(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Finding, Rule};

    #[test]
    fn a_finding_comes_back_as_it_went() {
        let finding = Finding::new(Rule::ALL[0], "表二「规章」本年制发件数为空白".to_string());
        let bytes = to_bytes(&finding).unwrap();
        let back: Finding = from_bytes(&bytes).unwrap();
        assert_eq!(to_bytes(&back).unwrap(), bytes);
        assert!(from_bytes::<Finding>(&bytes[..bytes.len() / 2]).is_none());
    }
}
