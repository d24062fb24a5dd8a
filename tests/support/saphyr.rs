//! The loader before `load::events`, kept as the tests' independent reader: serde-saphyr 2.1's
//! deserializer, read into the same spanned node tree (`tests/loader_events.rs` holds the
//! loader to it, tree for tree and finding for finding). Its failures are said with the
//! loader's own words (`SyntaxError::from_parser`, `limit`, `second_document`), so that the two
//! compare by what a plan author reads.

use std::fmt;

use regioplan::diagnostic::Span;
use regioplan::load::limits::Limits;
use regioplan::load::yaml::{Breach, SyntaxError};
use regioplan::tree::{TNode, TValue};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Budget, DuplicateKeyPolicy, Options, Spanned};

/// The parser options for a text of `len` bytes: strict booleans (`yes`/`no`/`on`/`off` stay
/// strings), duplicate keys passed through to the tree (reported by regioplan with both
/// positions), and a budget from the limits, so that no input within them can exhaust memory
/// or the stack. Alias expansion is bounded relative to the text: aliases may repeat at most
/// [`Limits::expansion_budget`] parts.
fn options(limits: &Limits, len: usize) -> Options {
    let max_bytes = limits.max_file_bytes();
    let mut budget = Budget::default();
    budget.max_depth = limits.max_depth;
    budget.flow_nesting_limit = limits.max_depth;
    budget.max_total_scalar_bytes = max_bytes;
    // A node needs at least two bytes of text (`a\n`, `- `), so this bounds honest files.
    budget.max_nodes = max_bytes / 2;
    budget.max_events = max_bytes;
    budget.max_documents = 2;
    budget.max_aliases = limits.max_aliases;
    budget.max_anchors = limits.max_aliases;
    let mut options = Options::default();
    options.strict_booleans = true;
    options.duplicate_keys = DuplicateKeyPolicy::PassThrough;
    options.budget = Some(budget);
    options.alias_limits.max_total_replayed_events = limits.expansion_budget(len);
    options.alias_limits.max_replay_stack_depth = limits.max_depth;
    options.with_snippet = false;
    options
}

/// A node as the parser's visitor reads it, before its own span is known: the `Spanned`
/// wrapper around it gives the span, and `into_node` makes the `TNode`. Nodes are built
/// straight from the parser's events, with no intermediate tree.
#[derive(Debug)]
struct Partial {
    value: TValue,
    /// The furthest end of its children's extents.
    children_end: usize,
}

impl Partial {
    fn scalar(value: TValue) -> Self {
        Partial {
            value,
            children_end: 0,
        }
    }
}

fn into_node(spanned: Spanned<Partial>) -> TNode {
    let span = span_of(&spanned.referenced);
    TNode {
        span,
        end: spanned.value.children_end.max(span.end()),
        value: spanned.value.value,
    }
}

/// A mapping key, as text.
#[derive(Debug, Clone)]
struct Key(String);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a scalar mapping key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key, E> {
                Ok(Key(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Key, E> {
                Ok(Key(v.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Key, E> {
                Ok(Key("null".to_string()))
            }
            fn visit_none<E: de::Error>(self) -> Result<Key, E> {
                Ok(Key("null".to_string()))
            }
        }
        deserializer.deserialize_any(KeyVisitor)
    }
}

impl<'de> Deserialize<'de> for Partial {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NodeVisitor;
        impl<'de> Visitor<'de> for NodeVisitor {
            type Value = Partial;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any YAML node")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Partial, E> {
                Ok(Partial::scalar(TValue::Str(v.to_string())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Partial, E> {
                Ok(Partial::scalar(TValue::Str(v)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Partial, E> {
                Ok(Partial::scalar(TValue::Int(v)))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Partial, E> {
                Ok(Partial::scalar(TValue::UInt(v)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Partial, E> {
                Ok(Partial::scalar(TValue::Float(v)))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Partial, E> {
                Ok(Partial::scalar(TValue::Bool(v)))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Partial, E> {
                Ok(Partial::scalar(TValue::Null))
            }
            fn visit_none<E: de::Error>(self) -> Result<Partial, E> {
                Ok(Partial::scalar(TValue::Null))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Partial, D::Error> {
                Partial::deserialize(d)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Partial, A::Error> {
                let mut items = Vec::new();
                let mut children_end = 0;
                while let Some(item) = seq.next_element::<Spanned<Partial>>()? {
                    let item = into_node(item);
                    children_end = children_end.max(item.end);
                    items.push(item);
                }
                items.shrink_to_fit();
                Ok(Partial {
                    value: TValue::Seq(items),
                    children_end,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Partial, A::Error> {
                let mut entries = Vec::new();
                let mut children_end = 0;
                while let Some(key) = map.next_key::<Spanned<Key>>()? {
                    let value = into_node(map.next_value::<Spanned<Partial>>()?);
                    children_end = children_end.max(value.end);
                    entries.push((key.value.0, span_of(&key.referenced), value));
                }
                entries.shrink_to_fit();
                Ok(Partial {
                    value: TValue::Map(entries),
                    children_end,
                })
            }
        }
        deserializer.deserialize_any(NodeVisitor)
    }
}

/// The span of a parsed node's location.
fn span_of(location: &serde_saphyr::Location) -> Span {
    let span = location.span();
    let start = span.byte_offset().unwrap_or_else(|| span.offset());
    let len = span.byte_len().unwrap_or_else(|| span.len());
    Span {
        start: usize::try_from(start).unwrap_or(usize::MAX),
        len: usize::try_from(len).unwrap_or(0),
    }
}

/// The span of an error's location in `text`. The YAML scanner's errors carry character
/// offsets only; read as byte offsets, they point too early after any non-ASCII character.
fn error_span(location: &serde_saphyr::Location, text: &str) -> Span {
    let span = location.span();
    if span.byte_offset().is_some() {
        return span_of(location);
    }
    // The byte offset of the `chars`-th character of `s`, or its end.
    let byte_of = |s: &str, chars: u64| {
        usize::try_from(chars)
            .ok()
            .and_then(|n| s.char_indices().nth(n))
            .map_or(s.len(), |(i, _)| i)
    };
    let start = byte_of(text, span.offset());
    let len = byte_of(text.get(start..).unwrap_or_default(), span.len());
    Span { start, len }
}

/// Parses YAML text into a spanned node under `limits` through serde-saphyr.
pub fn parse(text: &str, limits: &Limits) -> Result<TNode, SyntaxError> {
    let options = options(limits, text.len());
    let parsed = serde_saphyr::from_str_with_options::<Spanned<Partial>>(text, options);
    parsed.map(into_node).map_err(|e| {
        let span = e
            .location()
            .map(|l| error_span(&l, text))
            .unwrap_or_default();
        match innermost(&e) {
            serde_saphyr::Error::MultipleDocuments { .. } => {
                SyntaxError::second_document(span, text)
            }
            serde_saphyr::Error::Budget { breach, .. } => {
                use serde_saphyr::budget::BudgetBreach as B;
                let breach = match breach {
                    B::Depth { .. } => Breach::Depth,
                    B::Aliases { .. } | B::Anchors { .. } => Breach::Aliases,
                    _ => Breach::Size,
                };
                SyntaxError::limit(breach, span, text, limits)
            }
            serde_saphyr::Error::AliasReplayLimitExceeded { .. }
            | serde_saphyr::Error::AliasExpansionLimitExceeded { .. }
            | serde_saphyr::Error::AliasReplayStackDepthExceeded { .. } => {
                SyntaxError::limit(Breach::Expansion, span, text, limits)
            }
            inner => SyntaxError::from_parser(
                &clean_message(&inner.without_snippet().to_string()),
                span,
                text,
                limits,
            ),
        }
    })
}

/// The error inside alias and snippet wrappers.
fn innermost(error: &serde_saphyr::Error) -> &serde_saphyr::Error {
    let mut error = error;
    while let serde_saphyr::Error::AliasError { error: inner, .. }
    | serde_saphyr::Error::WithSnippet { error: inner, .. } = error
    {
        error = inner;
    }
    error
}

/// serde-saphyr's messages carry positions (`line N column M: `, ` at line N, column M`,
/// `(defined at ...)`) that the snippet already shows, and advice for programmers; keep the
/// part a plan author can act on.
fn clean_message(raw: &str) -> String {
    let mut message = raw.trim();
    message = message.strip_prefix("error: ").unwrap_or(message);
    if let Some(rest) = message.strip_prefix("line ")
        && let Some((position, after)) = rest.split_once(": ")
        && position.contains("column")
    {
        message = after;
    }
    let mut message = message.lines().next().unwrap_or(message).to_string();
    for cut in [
        " at line ",
        " (defined at ",
        " (used at ",
        "; use from_str_multiple",
        ", set DuplicateKeyPolicy",
    ] {
        if let Some(i) = message.find(cut) {
            message.truncate(i);
        }
    }
    message.trim().to_string()
}
