//! YAML syntax: source text -> a spanned tree.
//!
//! The tree keeps every mapping entry (duplicates included, so all of them can be reported),
//! the span of every key and value, and converts to `serde_json::Value` for the structural
//! pass.

use std::collections::BTreeMap;
use std::fmt;
use std::fmt::Write as _;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use serde_saphyr::{Budget, DuplicateKeyPolicy, Options, Spanned};

use super::limits::{Limit, Limits};
use crate::diagnostic::Span;
use crate::tree::{DuplicateKey, TNode, TValue, Tree, escape_pointer};

/// The parser options for a text of `len` bytes: strict booleans (`yes`/`no`/`on`/`off` stay
/// strings), duplicate keys passed through to the tree (reported by regioplan with both
/// positions), and a budget from the limits, so that no input within them can exhaust memory
/// or the stack. Alias expansion is bounded relative to the text: aliases may repeat at most
/// [`Limits::expansion_budget`] parts.
pub(crate) fn options(limits: &Limits, len: usize) -> Options {
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

/// A YAML node with spans.
#[derive(Debug, Clone)]
pub enum Node {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Node>>),
    Map(Vec<(Spanned<Key>, Spanned<Node>)>),
}

/// A mapping key, as text.
#[derive(Debug, Clone)]
pub struct Key(pub String);

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

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NodeVisitor;
        impl<'de> Visitor<'de> for NodeVisitor {
            type Value = Node;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any YAML node")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Node, E> {
                Ok(Node::Str(v.to_string()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Node, E> {
                Ok(Node::Str(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node, E> {
                Ok(Node::Int(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node, E> {
                Ok(Node::UInt(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node, E> {
                Ok(Node::Float(v))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node, E> {
                Ok(Node::Bool(v))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Node, E> {
                Ok(Node::Null)
            }
            fn visit_none<E: de::Error>(self) -> Result<Node, E> {
                Ok(Node::Null)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
                Node::deserialize(d)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Node::Seq(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
                let mut entries = Vec::new();
                while let Some(key) = map.next_key()? {
                    let value = map.next_value()?;
                    entries.push((key, value));
                }
                Ok(Node::Map(entries))
            }
        }
        deserializer.deserialize_any(NodeVisitor)
    }
}

/// Builds the document tree from a parsed root node, consuming it: every text moves into the
/// node tree (the JSON value gets the one copy it needs), and each parsed list is freed as soon
/// as it has been read.
#[must_use]
pub fn build_tree(root: Spanned<Node>) -> Tree {
    let mut tree = Tree::empty();
    let mut pointer = String::new();
    let (value, node) = walk(&mut tree, root, &mut pointer);
    tree.value = value;
    tree.root = node;
    tree
}

/// Converts one node. `pointer` is the node's JSON pointer, built in place (it is only read to
/// name the mapping of a duplicate key), so no node owns a copy of its path.
fn walk(tree: &mut Tree, node: Spanned<Node>, pointer: &mut String) -> (Value, TNode) {
    let span = span_of(&node.referenced);
    let scalar = |value: Value, t: TValue| {
        (
            value,
            TNode {
                span,
                end: span.end(),
                value: t,
            },
        )
    };
    match node.value {
        Node::Null => scalar(Value::Null, TValue::Null),
        Node::Bool(b) => scalar(Value::Bool(b), TValue::Bool(b)),
        Node::Int(i) => scalar(Value::from(i), TValue::Int(i)),
        Node::UInt(u) => scalar(Value::from(u), TValue::UInt(u)),
        Node::Float(f) => scalar(
            serde_json::Number::from_f64(f)
                .map_or_else(|| Value::String(f.to_string()), Value::Number),
            TValue::Float(f),
        ),
        Node::Str(s) => scalar(Value::String(s.clone()), TValue::Str(s)),
        Node::Seq(items) => {
            let mut values = Vec::with_capacity(items.len());
            let mut nodes = Vec::with_capacity(items.len());
            let len = pointer.len();
            for (i, item) in items.into_iter().enumerate() {
                let _ = write!(pointer, "/{i}");
                let (v, n) = walk(tree, item, pointer);
                pointer.truncate(len);
                values.push(v);
                nodes.push(n);
            }
            let end = extent_end(span, nodes.iter().map(|n| n.end));
            (
                Value::Array(values),
                TNode {
                    span,
                    end,
                    value: TValue::Seq(nodes),
                },
            )
        }
        Node::Map(entries) => {
            let mut nodes: Vec<(String, Span, TNode)> = Vec::with_capacity(entries.len());
            let mut map = serde_json::Map::new();
            let len = pointer.len();
            // Where this mapping's repeated keys are in `duplicate_keys`.
            let mut repeated: Vec<usize> = Vec::new();
            for (k, v) in entries {
                let key_span = span_of(&k.referenced);
                let key = k.value.0;
                if map.contains_key(&key) {
                    // The first span is filled in below, once the mapping is read.
                    repeated.push(tree.duplicate_keys.len());
                    tree.duplicate_keys.push(DuplicateKey {
                        pointer: pointer.clone(),
                        key,
                        first: Span::default(),
                        repeated: key_span,
                    });
                    continue;
                }
                pointer.push('/');
                pointer.push_str(&escape_pointer(&key));
                let (value, child_node) = walk(tree, v, pointer);
                pointer.truncate(len);
                map.insert(key.clone(), value);
                nodes.push((key, key_span, child_node));
            }
            if !repeated.is_empty() {
                let first: BTreeMap<&str, Span> =
                    nodes.iter().map(|(k, s, _)| (k.as_str(), *s)).collect();
                for i in repeated {
                    if let Some(dup) = tree.duplicate_keys.get_mut(i) {
                        dup.first = first.get(dup.key.as_str()).copied().unwrap_or_default();
                    }
                }
            }
            let end = extent_end(span, nodes.iter().map(|(_, _, n)| n.end));
            (
                Value::Object(map),
                TNode {
                    span,
                    end,
                    value: TValue::Map(nodes),
                },
            )
        }
    }
}

/// Where a node and everything inside it ends: the furthest of its own end and its children's.
fn extent_end(span: Span, children: impl Iterator<Item = usize>) -> usize {
    children.fold(span.end(), usize::max)
}

/// The span of a parsed node's location.
pub(crate) fn span_of(location: &serde_saphyr::Location) -> Span {
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

/// How parsing failed.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub message: String,
    pub span: Span,
}

/// The kinds of YAML failures, each its own rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    Syntax,
    /// A tab where YAML needs spaces.
    Tab,
    MultipleDocuments,
    /// One of the [`Limits`] was reached.
    Limit(Limit),
}

/// Parses YAML text into a spanned node under the default limits.
pub fn parse(text: &str) -> Result<Spanned<Node>, SyntaxError> {
    parse_with(text, &Limits::default())
}

/// Parses YAML text into a spanned node under `limits`.
pub fn parse_with(text: &str, limits: &Limits) -> Result<Spanned<Node>, SyntaxError> {
    let options = options(limits, text.len());
    serde_saphyr::from_str_with_options::<Spanned<Node>>(text, options).map_err(|e| {
        let span = e
            .location()
            .map(|l| error_span(&l, text))
            .unwrap_or_default();
        let (kind, message) = match innermost(&e) {
            serde_saphyr::Error::MultipleDocuments { .. } => (
                SyntaxErrorKind::MultipleDocuments,
                "a second YAML document starts here".to_string(),
            ),
            serde_saphyr::Error::Budget { breach, .. } => budget_message(breach, limits),
            serde_saphyr::Error::AliasReplayLimitExceeded { .. }
            | serde_saphyr::Error::AliasExpansionLimitExceeded { .. }
            | serde_saphyr::Error::AliasReplayStackDepthExceeded { .. } => (
                SyntaxErrorKind::Limit(Limit::AliasExpansion),
                expansion_message(limits, text.len()),
            ),
            inner => {
                let message = clean_message(&inner.without_snippet().to_string());
                // The parser's own guard against deep flow nesting (`[[[[...`).
                if message.contains("found a tab") || message.contains("tabs") {
                    // The parser stops at the token before the tab; point at the tab itself.
                    let tab = tab_near(text, span);
                    return SyntaxError {
                        kind: SyntaxErrorKind::Tab,
                        message: "a tab is used where YAML needs spaces".to_string(),
                        span: tab,
                    };
                }
                if message.contains("recursion limit") {
                    (SyntaxErrorKind::Limit(Limit::Depth), depth_message(limits))
                } else {
                    (SyntaxErrorKind::Syntax, message)
                }
            }
        };
        let span = if kind == SyntaxErrorKind::MultipleDocuments {
            separator_before(text, span)
        } else {
            span
        };
        SyntaxError {
            kind,
            message,
            span,
        }
    })
}

/// The first tab at or after the start of the line of `at`, within three lines.
fn tab_near(text: &str, at: Span) -> Span {
    let start = text
        .get(..at.start.min(text.len()))
        .and_then(|h| h.rfind('\n'))
        .map_or(0, |i| i + 1);
    let window: String = text
        .get(start..)
        .unwrap_or_default()
        .split_inclusive('\n')
        .take(3)
        .collect();
    window.find('\t').map_or(at, |i| Span::new(start + i, 1))
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

fn budget_message(
    breach: &serde_saphyr::budget::BudgetBreach,
    limits: &Limits,
) -> (SyntaxErrorKind, String) {
    use serde_saphyr::budget::BudgetBreach as B;
    match breach {
        B::Depth { .. } => (SyntaxErrorKind::Limit(Limit::Depth), depth_message(limits)),
        B::Aliases { .. } | B::Anchors { .. } => (
            SyntaxErrorKind::Limit(Limit::Aliases),
            format!(
                "the plan uses more than {} aliases or anchors (the limit `max-aliases`)",
                limits.max_aliases
            ),
        ),
        B::Documents { .. } => (
            SyntaxErrorKind::MultipleDocuments,
            "the file holds more than one YAML document".to_string(),
        ),
        _ => (
            SyntaxErrorKind::Limit(Limit::FileSize),
            format!(
                "the plan holds more values than a file of {} can (the limit `max-file-size`)",
                Limit::FileSize.value(limits)
            ),
        ),
    }
}

fn depth_message(limits: &Limits) -> String {
    format!(
        "the plan nests deeper than {} levels (the limit `max-depth`)",
        limits.max_depth
    )
}

fn expansion_message(limits: &Limits, len: usize) -> String {
    format!(
        "aliases repeat more than {} values, {} per byte of this file plus {} (the limit \
         `alias-expansion`; an alias bomb?)",
        limits.expansion_budget(len),
        limits.alias_expansion,
        super::limits::EXPANSION_ALLOWANCE
    )
}

/// Where a second document starts: the `---` line before `at`, if there is one.
fn separator_before(text: &str, at: Span) -> Span {
    let head = text.get(..at.start.min(text.len())).unwrap_or_default();
    head.match_indices("---")
        .filter(|(i, _)| *i == 0 || head.as_bytes().get(i - 1) == Some(&b'\n'))
        .last()
        .map_or(at, |(i, _)| Span::new(i, 3))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tree_records_key_and_value_spans_by_pointer() {
        let text = "themes:\n  - id: ggz\n";
        let tree = build_tree(parse(text).expect("parses"));
        let id = tree.spans("/themes/0/id").expect("node");
        // "themes:\n" is 8 bytes and "  - " 4 more: the key starts at 12, the value at 16.
        assert_eq!(id.key.map(|k| k.start), Some(12));
        assert_eq!(id.value.start, 16);
        assert_eq!(tree.pointer_at(16).as_deref(), Some("/themes/0/id"));
    }

    #[test]
    fn duplicate_keys_are_kept_with_both_positions() {
        let tree = build_tree(parse("a: 1\nb: 2\na: 3\n").expect("parses"));
        assert_eq!(tree.duplicate_keys.len(), 1);
        assert_eq!(tree.duplicate_keys[0].first.start, 0);
        assert_eq!(tree.duplicate_keys[0].repeated.start, 10);
        assert_eq!(tree.value["a"], 1);
    }

    #[test]
    fn strict_booleans_keep_yes_a_string() {
        let tree = build_tree(parse("a: yes\nb: true\n").expect("parses"));
        assert_eq!(tree.value["a"], "yes");
        assert_eq!(tree.value["b"], true);
    }

    #[test]
    fn messages_lose_their_positions() {
        assert_eq!(
            clean_message("error: line 2 column 2: illegal placement of ':' indicator"),
            "illegal placement of ':' indicator"
        );
        assert_eq!(
            clean_message("mapping values are not allowed in this context at line 33, column 19"),
            "mapping values are not allowed in this context"
        );
    }

    #[test]
    fn an_alias_bomb_is_a_limit_not_a_syntax_error() {
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..8 {
            let p = i - 1;
            let aliases = vec![format!("*a{p}"); 10].join(", ");
            bomb = format!("{bomb}a{i}: &a{i} [{aliases}]\n");
        }
        let error = parse(&bomb).expect_err("refused");
        assert!(
            matches!(error.kind, SyntaxErrorKind::Limit(_)),
            "{}",
            error.message
        );
    }

    #[test]
    fn a_second_document_is_reported_at_its_separator() {
        let text = "a: 1\n---\nb: 2\n";
        let error = parse(text).expect_err("refused");
        assert_eq!(error.kind, SyntaxErrorKind::MultipleDocuments);
        assert_eq!(error.span, Span::new(5, 3));
    }
}
