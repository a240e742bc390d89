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
                let text = fixed(*d, 6);
                write!(f, "{}", text.trim_end_matches('0').trim_end_matches('.'))
            }
        }
    }
}

/// `value` with `decimals` digits after the point, rounded: what `format!("{value:.2}")` gives
/// for the numbers a report holds, by integer arithmetic, because float formatting with a
/// precision costs the web build about 5 KB. Very large values get fewer decimals.
pub fn fixed(value: f64, decimals: u32) -> String {
    if !value.is_finite() {
        return "—".to_string();
    }
    const LIMIT: f64 = 9.0e18;
    let mut decimals = decimals;
    while decimals > 0 && value.abs() * 10f64.powi(decimals as i32) >= LIMIT {
        decimals -= 1;
    }
    let scaled = (value.abs() * 10f64.powi(decimals as i32)).round();
    let sign = if value < 0.0 && scaled > 0.0 { "-" } else { "" };
    if scaled >= LIMIT {
        return format!("{sign}{}", scaled as u128);
    }
    let scaled = scaled as u64;
    let unit = 10u64.pow(decimals);
    let (whole, part) = (scaled / unit, scaled % unit);
    if decimals == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{part:0width$}", width = decimals as usize)
    }
}

/// Parses the digits of a number (sign, thousands separators and decimals already delimited
/// by the tokenizer). Returns `None` for a malformed or out-of-range number.
/// The largest count or amount a report's table can hold: larger ones are out of range (a
/// garbled or hostile cell), read but not checked (`structure.unreadable_cell`).
pub const MAX_CELL_VALUE: f64 = 1e15;

/// [`parse`], but a whole number too long for i64 is a decimal of its size rather than
/// nothing: a table cell of 30 digits is a number out of range, not text (which would leave
/// the cell blank or shift the row).
pub fn parse_any_size(text: &str) -> Option<Number> {
    parse(text).or_else(|| {
        let digits = text.trim_start_matches(['+', '-']).replace(',', "");
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let value: f64 = digits.parse().ok()?;
        Some(Number::Dec(if text.starts_with('-') {
            -value
        } else {
            value
        }))
    })
}

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
    fn fixed_matches_float_formatting() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            // xorshift: values of every size a report holds, some negative.
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let value = (x % 10_000_000_000) as f64 / 10f64.powi((x % 7) as i32)
                * if x.is_multiple_of(5) { -1.0 } else { 1.0 };
            for decimals in 0..=6 {
                let want = format!("{value:.prec$}", prec = decimals as usize);
                let got = fixed(value, decimals);
                // Rounding halves may differ in the last digit (the float is not exact).
                let close = (got.parse::<f64>().unwrap() - want.parse::<f64>().unwrap()).abs()
                    <= 1.01 * 10f64.powi(-(decimals as i32));
                assert!(
                    got == want || close,
                    "{value} to {decimals}: {got} vs {want}"
                );
                assert_eq!(
                    got.len(),
                    want.len(),
                    "{value} to {decimals}: {got} vs {want}"
                );
            }
        }
        assert_eq!(fixed(0.5, 0), "1");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(f64::NAN, 2), "—");
    }

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
