//! Numbers as reports print them: `11,064`, `+5`, `-84`, `24,697.67`, `405223.75 元`.

use std::fmt;

/// A cell value. Integers stay integers so that sums are exact and JSON prints `5`, not `5.0`.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Number {
    Int(i64),
    Dec(f64),
}

impl Number {
    pub fn as_f64(self) -> f64 {
        match self {
            Number::Int(i) => i as f64,
            Number::Dec(d) => d,
        }
    }

    pub fn is_negative(self) -> bool {
        self.as_f64() < 0.0
    }

    /// 元 → 万元.
    pub fn yuan_to_wan(self) -> Number {
        match self {
            Number::Int(i) if i % 10_000 == 0 => Number::Int(i / 10_000),
            other => Number::Dec(other.as_f64() / 10_000.0),
        }
    }

    pub fn checked_add(self, other: Number) -> Option<Number> {
        match (self, other) {
            (Number::Int(a), Number::Int(b)) => a.checked_add(b).map(Number::Int),
            (a, b) => Some(Number::Dec(a.as_f64() + b.as_f64())),
        }
    }

    pub fn approx_eq(self, other: Number) -> bool {
        match (self, other) {
            (Number::Int(a), Number::Int(b)) => a == b,
            (a, b) => (a.as_f64() - b.as_f64()).abs() < 1e-6,
        }
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::Int(i) => write!(f, "{i}"),
            Number::Dec(d) => {
                let text = format!("{d:.6}");
                write!(f, "{}", text.trim_end_matches('0').trim_end_matches('.'))
            }
        }
    }
}

/// Parses the digits of a number (sign, thousands separators and decimals already delimited
/// by the tokenizer). Returns `None` for a malformed or out-of-range number.
pub fn parse(text: &str) -> Option<Number> {
    let (negative, body) = match text.as_bytes().first()? {
        b'+' => (false, &text[1..]),
        b'-' => (true, &text[1..]),
        _ => (false, text),
    };
    if body.is_empty() || body.starts_with('.') || body.ends_with('.') {
        return None;
    }
    if body.contains('.') {
        let value: f64 = if body.contains(',') {
            body.replace(',', "").parse().ok()?
        } else {
            body.parse().ok()?
        };
        return Some(Number::Dec(if negative { -value } else { value }));
    }
    let mut value: i64 = 0;
    for b in body.bytes() {
        match b {
            b'0'..=b'9' => {
                value = value.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
            }
            b',' => {}
            _ => return None,
        }
    }
    Some(Number::Int(if negative { -value } else { value }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_printed_numbers() {
        assert_eq!(parse("11,064"), Some(Number::Int(11064)));
        assert_eq!(parse("+5"), Some(Number::Int(5)));
        assert_eq!(parse("-84"), Some(Number::Int(-84)));
        assert_eq!(parse("24,697.67"), Some(Number::Dec(24697.67)));
        assert_eq!(parse("99999999999999999999"), None);
        assert_eq!(parse("-"), None);
    }

    #[test]
    fn converts_yuan_to_wan() {
        assert!(Number::Dec(405223.75)
            .yuan_to_wan()
            .approx_eq(Number::Dec(40.522375)));
        assert_eq!(Number::Int(30000).yuan_to_wan(), Number::Int(3));
    }

    #[test]
    fn displays_without_trailing_zeros() {
        assert_eq!(Number::Dec(40.522375).to_string(), "40.522375");
        assert_eq!(Number::Dec(6350.5).to_string(), "6350.5");
        assert_eq!(Number::Int(-3).to_string(), "-3");
    }
}
