//! YAML syntax on the parser's events: source text -> the spanned node tree, built straight
//! from granit-parser's event stream (the parser serde-saphyr drives), with no serde visitor in
//! between.
//!
//! This builder reads the plain YAML a plan is written in: mappings with scalar keys, lists,
//! plain, quoted and block scalars, one document. Whatever it is not sure to read exactly as
//! the serde-saphyr loader in `load::yaml` does, it does not read at all: on a syntax error, a
//! tag, an anchor or alias, a merge key (`<<`), a mapping or list as a key, a second document,
//! a number that is not finite, or a text that comes near one of the [`Limits`], [`parse`]
//! answers `None` and the caller parses the text again with `load::yaml`, which produces the
//! findings (every error position and message, the limits, alias budgets and merge keys) as
//! before. So a valid plan is read once, by the parser alone, and every other text gives the
//! same findings it always did.
//!
//! Scalars resolve as serde-saphyr resolves an untyped plain scalar under the options in
//! `load::yaml::options` (strict booleans): `~`, `null`, `Null`, `NULL` and the empty scalar are
//! null; `true`/`True`/`TRUE` and `false`/`False`/`FALSE` are booleans (`yes`, `no`, `on`, `off`
//! stay strings); then integers (decimal without a leading zero, `0x`, `0o`, `0b`, `_` between
//! digits), signed when they start with `-`; then floats; the rest are strings. Quoted and block
//! scalars are strings. The functions below follow serde-saphyr 2.1's `parse_scalars` line by
//! line; the differential test in `tests/loader_events.rs` holds them to it.
//!
//! It must not report anything itself: it builds a tree or declines.

use std::borrow::Cow;

use granit_parser::{Event, Parser, ScalarStyle};

use super::limits::Limits;
use super::yaml::Parsed;
use crate::diagnostic::Span;
use crate::tree::{TNode, TValue};

/// A list or mapping being read. Its children wait on the builder's shared scratch stack (from
/// `start` on) and move into a vector of exactly their number when it ends: one allocation per
/// list or mapping, none of them grown by doubling or shrunk by a copy.
enum Frame {
    Seq {
        span: Span,
        start: usize,
        children_end: usize,
    },
    Map {
        span: Span,
        start: usize,
        /// The key read, waiting for its value.
        key: Option<(String, Span)>,
        children_end: usize,
    },
}

/// How much of the budget in `load::yaml::options` the text has used, counted as serde-saphyr's
/// budget counts (every event; a node for each scalar, list and mapping; the bytes of the
/// scalars). The builder declines one short of each limit, so that a text at a limit gets the
/// old loader's finding.
struct Budget {
    events: usize,
    max_events: usize,
    nodes: usize,
    max_nodes: usize,
    scalar_bytes: usize,
    max_scalar_bytes: usize,
    max_depth: usize,
}

impl Budget {
    fn new(limits: &Limits) -> Self {
        let max_bytes = limits.max_file_bytes();
        Budget {
            events: 0,
            max_events: max_bytes,
            nodes: 0,
            max_nodes: max_bytes / 2,
            scalar_bytes: 0,
            max_scalar_bytes: max_bytes,
            // Two levels below the limit: serde-saphyr counts its own levels (the root, a
            // mapping's value) in ways that differ by one; near the limit the old loader decides.
            max_depth: limits.max_depth.saturating_sub(2),
        }
    }

    /// Counts one event; `false` when the text comes near a limit.
    fn event(&mut self) -> bool {
        self.events += 1;
        self.events < self.max_events
    }

    fn node(&mut self, scalar_len: usize) -> bool {
        self.nodes += 1;
        self.scalar_bytes = self.scalar_bytes.saturating_add(scalar_len);
        self.nodes < self.max_nodes && self.scalar_bytes < self.max_scalar_bytes
    }
}

/// The byte span of a parser span (the character offsets if the input had no byte offsets),
/// as `load::yaml::span_of` reads serde-saphyr's location of the same event.
fn span_of(span: &granit_parser::Span) -> Span {
    match (span.start.byte_offset(), span.end.byte_offset()) {
        (Some(start), Some(end)) => Span {
            start,
            len: end.saturating_sub(start),
        },
        _ => Span {
            start: span.start.index(),
            len: span.len(),
        },
    }
}

/// Parses YAML text into a spanned node under `limits`, or `None` when the text is not plain
/// YAML this builder reads exactly as `load::yaml::parse_with` does (see the module comment).
#[must_use]
pub fn parse(text: &str, limits: &Limits) -> Option<Parsed> {
    let mut budget = Budget::new(limits);
    let options = granit_parser::options! {
        flow_nesting_limit: limits.max_depth,
        block_nesting_limit: granit_parser::Options::default()
            .block_nesting_limit
            .max(limits.max_depth.saturating_add(1)),
        emit_comments: false,
    };
    let mut stack: Vec<Frame> = Vec::new();
    let mut items: Vec<TNode> = Vec::new();
    let mut entries: Vec<(String, Span, TNode)> = Vec::new();
    let mut root: Option<TNode> = None;
    let mut documents = 0usize;
    for item in Parser::new_from_str_with_options(text, options) {
        let (event, span) = item.ok()?;
        if !budget.event() {
            return None;
        }
        let node = match event {
            Event::StreamStart | Event::DocumentEnd => continue,
            Event::StreamEnd => break,
            Event::DocumentStart(..) => {
                documents += 1;
                if documents > 1 {
                    return None;
                }
                continue;
            }
            Event::Scalar(value, style, anchor, tag) => {
                if anchor != 0 || tag.is_some() || !budget.node(value.len()) {
                    return None;
                }
                let span = span_of(&span);
                if let Some(Frame::Map {
                    key: key @ None, ..
                }) = stack.last_mut()
                {
                    let text = key_text(&value, style)?;
                    if text == "<<" {
                        return None;
                    }
                    *key = Some((text, span));
                    continue;
                }
                TNode {
                    span,
                    end: span.end(),
                    value: resolve(value, style)?,
                }
            }
            Event::SequenceStart(_, anchor, ref tag) | Event::MappingStart(_, anchor, ref tag) => {
                if anchor != 0 || tag.is_some() || !budget.node(0) {
                    return None;
                }
                // A list or mapping as a key.
                if let Some(Frame::Map { key: None, .. }) = stack.last() {
                    return None;
                }
                if stack.len() + 1 > budget.max_depth {
                    return None;
                }
                let span = span_of(&span);
                stack.push(if matches!(event, Event::MappingStart(..)) {
                    Frame::Map {
                        span,
                        start: entries.len(),
                        key: None,
                        children_end: 0,
                    }
                } else {
                    Frame::Seq {
                        span,
                        start: items.len(),
                        children_end: 0,
                    }
                });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => match stack.pop()? {
                Frame::Seq {
                    span,
                    start,
                    children_end,
                } => TNode {
                    span,
                    end: children_end.max(span.end()),
                    value: TValue::Seq(items.drain(start.min(items.len())..).collect()),
                },
                Frame::Map {
                    span,
                    start,
                    key,
                    children_end,
                } => {
                    if key.is_some() {
                        return None;
                    }
                    TNode {
                        span,
                        end: children_end.max(span.end()),
                        value: TValue::Map(entries.drain(start.min(entries.len())..).collect()),
                    }
                }
            },
            // Anchors, aliases (and anything a later parser adds): the old loader reads them.
            _ => return None,
        };
        match stack.last_mut() {
            None if root.is_none() => root = Some(node),
            None => return None,
            Some(Frame::Seq { children_end, .. }) => {
                *children_end = (*children_end).max(node.end);
                items.push(node);
            }
            Some(Frame::Map {
                key, children_end, ..
            }) => {
                let (name, key_span) = key.take()?;
                *children_end = (*children_end).max(node.end);
                entries.push((name, key_span, node));
            }
        }
    }
    if !stack.is_empty() {
        return None;
    }
    root.map(Parsed::new)
}

/// A key's text, as serde-saphyr hands a key to `load::yaml`'s key visitor: a resolved
/// scalar written back as text (`1` for `1.0`, `null` for `~`).
fn key_text(value: &str, style: ScalarStyle) -> Option<String> {
    Some(match resolve(Cow::Borrowed(value), style)? {
        TValue::Null => "null".to_string(),
        TValue::Bool(b) => b.to_string(),
        TValue::Int(i) => i.to_string(),
        TValue::UInt(u) => u.to_string(),
        TValue::Float(f) => f.to_string(),
        TValue::Str(s) => s,
        TValue::Seq(_) | TValue::Map(_) => return None,
    })
}

/// The value of an untagged scalar; `None` for a number that is not finite (`.inf`, `1e999`),
/// which the old loader refuses with its own finding.
fn resolve(value: Cow<'_, str>, style: ScalarStyle) -> Option<TValue> {
    if !matches!(style, ScalarStyle::Plain) {
        return Some(TValue::Str(value.into_owned()));
    }
    if matches!(value.as_ref(), "" | "~" | "null" | "Null" | "NULL") {
        return Some(TValue::Null);
    }
    let t = yaml_trim(&value);
    match t {
        "true" | "True" | "TRUE" => return Some(TValue::Bool(true)),
        "false" | "False" | "FALSE" => return Some(TValue::Bool(false)),
        _ => {}
    }
    // Only text that starts like a number can be one: this skips the number parsers for
    // ordinary words (the common case) without changing any result.
    let first = t.as_bytes().first().copied().unwrap_or(b' ');
    if first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.') {
        if t.starts_with('-') {
            if let Some(v) = parse_int_signed(t) {
                return Some(TValue::Int(v));
            }
        } else if let Some(v) = parse_int_unsigned(t) {
            return Some(TValue::UInt(v));
        }
        if let Some(v) = parse_float(t) {
            return v.is_finite().then_some(TValue::Float(v));
        }
    }
    Some(TValue::Str(value.into_owned()))
}

/// serde-saphyr's `yaml_trim`.
fn yaml_trim(s: &str) -> &str {
    s.trim_matches([' ', '\t', '\r', '\n'])
}

/// serde-saphyr's `radix_and_digits` without legacy octal numbers.
fn radix_and_digits(rest: &str) -> (u32, &str) {
    if let Some(r) = rest.strip_prefix("0x").or_else(|| rest.strip_prefix("0X")) {
        (16, r)
    } else if let Some(r) = rest.strip_prefix("0o").or_else(|| rest.strip_prefix("0O")) {
        (8, r)
    } else if let Some(r) = rest.strip_prefix("0b").or_else(|| rest.strip_prefix("0B")) {
        (2, r)
    } else {
        (10, rest)
    }
}

/// serde-saphyr's `parse_digits_u128` (decimal digits too): digits of `radix` with single
/// underscores between them.
fn parse_digits(digits: &str, radix: u32) -> Option<u128> {
    let mut val: u128 = 0;
    let mut saw = false;
    let mut previous: Option<u8> = None;
    let mut bytes = digits.bytes().peekable();
    while let Some(b) = bytes.next() {
        if b == b'_' {
            let prev_ok = previous.is_some_and(|p| p != b'_');
            let next_ok = bytes.peek().is_some_and(|n| *n != b'_');
            if !prev_ok || !next_ok {
                return None;
            }
        } else {
            let d = char::from(b).to_digit(16)?;
            if d >= radix {
                return None;
            }
            val = val.checked_mul(u128::from(radix))?;
            val = val.checked_add(u128::from(d))?;
            saw = true;
        }
        previous = Some(b);
    }
    saw.then_some(val)
}

/// serde-saphyr's `parse_int_unsigned::<u64>` (a trimmed text not starting with `-`).
fn parse_int_unsigned(t: &str) -> Option<u64> {
    let rest = t.strip_prefix('+').unwrap_or(t);
    let (radix, digits) = radix_and_digits(rest);
    if radix == 10 && digits.starts_with('0') && digits != "0" {
        return None;
    }
    u64::try_from(parse_digits(digits, radix)?).ok()
}

/// serde-saphyr's `parse_int_signed::<i64>` for a trimmed text starting with `-`.
fn parse_int_signed(t: &str) -> Option<i64> {
    let rest = t.strip_prefix('-')?;
    let (radix, digits) = radix_and_digits(rest);
    if radix == 10 && digits.starts_with('0') && digits != "0" {
        return None;
    }
    let magnitude = i128::try_from(parse_digits(digits, radix)?).ok()?;
    i64::try_from(magnitude.checked_neg()?).ok()
}

/// serde-saphyr's `try_parse_float_incl_overflow`: the YAML spellings of infinity and NaN, a
/// finite number as Rust reads it, or a number-shaped text too large for `f64` (infinite).
fn parse_float(t: &str) -> Option<f64> {
    let (negative, unsigned) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    match unsigned {
        ".nan" | ".NaN" | ".NAN" => return Some(f64::NAN),
        ".inf" | ".Inf" | ".INF" if negative => return Some(f64::NEG_INFINITY),
        ".inf" | ".Inf" | ".INF" => return Some(f64::INFINITY),
        _ => {}
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Some(v),
        Ok(v) if v.is_infinite() && unsigned.as_bytes().first().is_some_and(u8::is_ascii_digit) => {
            Some(v)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str) -> Option<TValue> {
        resolve(Cow::Borrowed(text), ScalarStyle::Plain)
    }

    #[test]
    fn scalars_resolve_as_serde_saphyr_resolves_them() {
        assert_eq!(value("yes"), Some(TValue::Str("yes".into())));
        assert_eq!(value("off"), Some(TValue::Str("off".into())));
        assert_eq!(value("True"), Some(TValue::Bool(true)));
        assert_eq!(value("~"), Some(TValue::Null));
        assert_eq!(value(""), Some(TValue::Null));
        assert_eq!(value("12"), Some(TValue::UInt(12)));
        assert_eq!(value("+12"), Some(TValue::UInt(12)));
        assert_eq!(value("1_000"), Some(TValue::UInt(1000)));
        assert_eq!(value("1__000"), Some(TValue::Str("1__000".into())));
        assert_eq!(value("0x1F"), Some(TValue::UInt(31)));
        assert_eq!(value("-3"), Some(TValue::Int(-3)));
        assert_eq!(value("012"), Some(TValue::Float(12.0)));
        assert_eq!(value("12.5"), Some(TValue::Float(12.5)));
        assert_eq!(value("800.000"), Some(TValue::Float(800.0)));
        assert_eq!(value("inf"), Some(TValue::Str("inf".into())));
        assert_eq!(value(".inf"), None);
        assert_eq!(value("1e999"), None);
        assert_eq!(value("2026-01-01"), Some(TValue::Str("2026-01-01".into())));
        assert_eq!(
            resolve(Cow::Borrowed("12"), ScalarStyle::DoubleQuoted),
            Some(TValue::Str("12".into()))
        );
    }

    #[test]
    fn keys_are_written_back_as_text() {
        assert_eq!(key_text("1.0", ScalarStyle::Plain).as_deref(), Some("1"));
        assert_eq!(key_text("~", ScalarStyle::Plain).as_deref(), Some("null"));
        assert_eq!(
            key_text("title", ScalarStyle::Plain).as_deref(),
            Some("title")
        );
    }

    #[test]
    fn what_it_does_not_read_it_leaves_to_the_old_loader() {
        let limits = Limits::default();
        for text in [
            "a: &x 1\nb: *x\n",
            "a: !!str 1\n",
            "<<: {a: 1}\n",
            "? [a]\n: 1\n",
            "a: 1\n---\nb: 2\n",
            "a: [1\n",
            "a: .nan\n",
            "",
        ] {
            assert!(parse(text, &limits).is_none(), "{text:?}");
        }
        assert!(parse("a: 1\nb: [x, y]\n", &limits).is_some());
    }
}
