//! The document tree both readers build: a plan's YAML (`load::yaml`) and `regioplan.toml`
//! (`config`). Every node keeps its span; a JSON value of the whole document feeds the schema
//! check, and an index maps JSON pointers to spans and back.
//!
//! It depends only on the diagnostics leaf (for spans); it knows neither YAML nor TOML.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::diagnostic::Span;

/// Where a node is: the span of its key (for mapping values) and of its value.
#[derive(Debug, Clone, Copy)]
pub struct NodeSpans {
    pub key: Option<Span>,
    pub value: Span,
}

/// A node of the document with its span and the end of its extent (its last descendant), as
/// the typed model is read from it (see `load::de`).
#[derive(Debug, Clone, PartialEq)]
pub struct TNode {
    pub span: Span,
    /// The byte offset where the node and everything inside it ends.
    pub end: usize,
    pub value: TValue,
}

/// The value of a `TNode`.
#[derive(Debug, Clone, PartialEq)]
pub enum TValue {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    Seq(Vec<TNode>),
    /// Entries with the key's text and span; duplicate keys keep the first.
    Map(Vec<(String, Span, TNode)>),
}

impl TNode {
    pub(crate) fn null() -> Self {
        TNode {
            span: Span::default(),
            end: 0,
            value: TValue::Null,
        }
    }

    /// The node at a JSON pointer.
    #[must_use]
    pub fn at(&self, pointer: &str) -> Option<&TNode> {
        let mut node = self;
        for segment in pointer.split('/').skip(1) {
            let key = unescape_pointer(segment);
            node = match &node.value {
                TValue::Seq(items) => items.get(key.parse::<usize>().ok()?)?,
                TValue::Map(entries) => &entries.iter().find(|(k, _, _)| *k == key)?.2,
                _ => return None,
            };
        }
        Some(node)
    }

    /// Removes the node at a JSON pointer (a mapping entry or a list item); returns it.
    pub fn remove(&mut self, pointer: &str) -> Option<TNode> {
        let (parent, last) = pointer.rsplit_once('/')?;
        let last = unescape_pointer(last);
        let mut node = self;
        for segment in parent.split('/').skip(1) {
            let key = unescape_pointer(segment);
            node = match &mut node.value {
                TValue::Seq(items) => items.get_mut(key.parse::<usize>().ok()?)?,
                TValue::Map(entries) => &mut entries.iter_mut().find(|(k, _, _)| *k == key)?.2,
                _ => return None,
            };
        }
        match &mut node.value {
            TValue::Seq(items) => {
                let i = last.parse::<usize>().ok().filter(|i| *i < items.len())?;
                Some(items.remove(i))
            }
            TValue::Map(entries) => {
                let i = entries.iter().position(|(k, _, _)| *k == last)?;
                Some(entries.remove(i).2)
            }
            _ => None,
        }
    }

    /// The `id` of a mapping node, if it has one.
    #[must_use]
    pub fn id(&self) -> Option<&str> {
        match &self.at("/id")?.value {
            TValue::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// A parsed document: the JSON value the schema sees, the node tree the model is read from,
/// and the spans of its nodes by JSON pointer.
#[derive(Debug, Clone)]
pub struct Tree {
    pub value: Value,
    pub root: TNode,
    /// JSON pointer -> spans.
    pub nodes: BTreeMap<String, NodeSpans>,
    /// Byte offset of a node's value (or key) -> JSON pointer.
    pub by_offset: BTreeMap<usize, String>,
    /// Repeated keys: (pointer of the mapping, key, first span, repeated span).
    pub duplicate_keys: Vec<DuplicateKey>,
}

/// A key that occurs twice in one mapping.
#[derive(Debug, Clone)]
pub struct DuplicateKey {
    pub pointer: String,
    pub key: String,
    pub first: Span,
    pub repeated: Span,
}

impl Tree {
    /// Starts an empty tree; the YAML and TOML readers fill it.
    #[must_use]
    pub fn empty() -> Self {
        Tree {
            value: Value::Null,
            root: TNode::null(),
            nodes: BTreeMap::new(),
            by_offset: BTreeMap::new(),
            duplicate_keys: Vec::new(),
        }
    }

    /// Records where the node at `pointer` is.
    pub fn record(&mut self, pointer: &str, key: Option<Span>, value: Span) {
        self.nodes
            .insert(pointer.to_string(), NodeSpans { key, value });
        if let Some(key) = key {
            self.by_offset
                .entry(key.start)
                .or_insert_with(|| pointer.to_string());
        }
        self.by_offset
            .entry(value.start)
            .or_insert_with(|| pointer.to_string());
    }

    /// The JSON pointer of the innermost node that starts at `offset`, if any.
    #[must_use]
    pub fn pointer_at(&self, offset: usize) -> Option<&str> {
        self.by_offset.get(&offset).map(String::as_str)
    }
}

/// Reverses `escape_pointer`.
#[must_use]
pub fn unescape_pointer(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// Escapes a key for a JSON pointer (RFC 6901).
#[must_use]
pub fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}
