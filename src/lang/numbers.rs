//! Numbers as a reader of the report's language writes them, the same in every format: digits
//! grouped in thousands (`1,250,000`; `1.250.000` in Dutch), a decimal point (a comma in
//! Dutch), amounts in euro with cents only when there are any. A year is not a number here: a report's
//! year cell and a message's `Year` are written as their four digits.

use std::fmt::Write as _;

use super::Lang;

/// `€1,250,000` or `€ 1.250.000`; cents only when there are any (`€12.50`, `€ 12,50`).
#[must_use]
pub fn amount(cents: i64, lang: Lang) -> String {
    let (whole, rest) = (cents.unsigned_abs() / 100, cents.unsigned_abs() % 100);
    let mut digits = group(&whole.to_string(), lang);
    if rest != 0 {
        digits.push(decimal_mark(lang));
        let _ = write!(digits, "{rest:02}");
    }
    let sign = if cents < 0 { "-" } else { "" };
    match lang {
        Lang::En => format!("{sign}€{digits}"),
        Lang::Nl => format!("€ {sign}{digits}"),
    }
}

/// A number with at most `decimals` decimals (trailing zeros dropped), grouped in thousands.
#[must_use]
pub fn number(value: f64, decimals: usize, lang: Lang) -> String {
    let text = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let fraction = fraction.trim_end_matches('0');
    let negative = value < 0.0 && (whole != "0" || !fraction.is_empty());
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&group(whole, lang));
    if !fraction.is_empty() {
        out.push(decimal_mark(lang));
        out.push_str(fraction);
    }
    out
}

#[must_use]
pub fn decimal_mark(lang: Lang) -> char {
    match lang {
        Lang::En => '.',
        Lang::Nl => ',',
    }
}

/// Groups the digits of a whole number in thousands: `1,250,000` or `1.250.000`.
#[must_use]
pub fn group(digits: &str, lang: Lang) -> String {
    let separator = match lang {
        Lang::En => ',',
        Lang::Nl => '.',
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(digit);
    }
    out
}
