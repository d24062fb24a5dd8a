//! The document tree both readers build: a plan's YAML (`load::yaml`) and `regioplan.toml`
//! (`config`). Every node keeps its span; the schema check reads the tree itself
//! (`load::validator`), and the tree answers where the node at a JSON pointer is, and which
//! node starts at an offset.
//!
//! It depends only on the diagnostics leaf (for spans); it knows neither YAML nor TOML.

use std::borrow::Cow;
use std::collections::HashMap;

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
            let key = unescape(segment);
            node = match &node.value {
                TValue::Seq(items) => items.get(key.parse::<usize>().ok()?)?,
                TValue::Map(entries) => &entries.iter().find(|(k, _, _)| *k == *key)?.2,
                _ => return None,
            };
        }
        Some(node)
    }

    /// Removes the node at a JSON pointer (a mapping entry or a list item); returns it.
    pub fn remove(&mut self, pointer: &str) -> Option<TNode> {
        let (parent, last) = pointer.rsplit_once('/')?;
        let last = unescape(last);
        let mut node = self;
        for segment in parent.split('/').skip(1) {
            let key = unescape(segment);
            node = match &mut node.value {
                TValue::Seq(items) => items.get_mut(key.parse::<usize>().ok()?)?,
                TValue::Map(entries) => &mut entries.iter_mut().find(|(k, _, _)| *k == *key)?.2,
                _ => return None,
            };
        }
        match &mut node.value {
            TValue::Seq(items) => {
                let i = last.parse::<usize>().ok().filter(|i| *i < items.len())?;
                Some(items.remove(i))
            }
            TValue::Map(entries) => {
                let i = entries.iter().position(|(k, _, _)| *k == *last)?;
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

/// A parsed document: the node tree the schema checks and the model is read from.
/// Spans are found by descending the tree (`spans`, `pointer_at`): no index of pointer strings
/// is kept, so memory stays proportional to the document even when its keys are long.
#[derive(Debug, Clone)]
pub struct Tree {
    pub root: TNode,
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
            root: TNode::null(),
            duplicate_keys: Vec::new(),
        }
    }

    /// Where the node at a JSON pointer is: its value's span, and its key's when it is a
    /// mapping entry.
    #[must_use]
    pub fn spans(&self, pointer: &str) -> Option<NodeSpans> {
        let mut node = &self.root;
        let mut key = None;
        for segment in pointer.split('/').skip(1) {
            let name = unescape(segment);
            (node, key) = match &node.value {
                TValue::Seq(items) => (items.get(name.parse::<usize>().ok()?)?, None),
                TValue::Map(entries) => {
                    let (_, k, n) = entries.iter().find(|(k, _, _)| *k == *name)?;
                    (n, Some(*k))
                }
                _ => return None,
            };
        }
        Some(NodeSpans {
            key,
            value: node.span,
        })
    }

    /// The JSON pointer of the outermost node whose value or key starts at `offset`, if any.
    #[must_use]
    pub fn pointer_at(&self, offset: usize) -> Option<String> {
        let mut pointer = String::new();
        pointer_at(&self.root, None, offset, &mut pointer).then_some(pointer)
    }
}

/// Mappings at least this wide get an index of their keys the first time a `Lookup` passes
/// through them; narrower ones are scanned.
const INDEXED_WIDTH: usize = 16;

/// Answers many pointer look-ups in one tree in time proportional to the pointers, not to the
/// width of the mappings they pass through: a wide mapping gets an index of its keys (key to
/// position, borrowing the tree's keys) the first time a look-up passes through it. Memory
/// stays proportional to the document: at most one index entry per mapping entry, and only
/// for mappings that were looked into.
#[derive(Debug)]
pub struct Lookup<'a> {
    tree: &'a Tree,
    indexes: HashMap<*const TNode, HashMap<&'a str, usize>>,
    /// How many mapping entries were read while scanning or indexing (the work done).
    entries_read: usize,
}

impl<'a> Lookup<'a> {
    #[must_use]
    pub fn new(tree: &'a Tree) -> Self {
        Lookup {
            tree,
            indexes: HashMap::new(),
            entries_read: 0,
        }
    }

    /// The tree looked into.
    #[must_use]
    pub fn tree(&self) -> &'a Tree {
        self.tree
    }

    /// The node at a JSON pointer, as `TNode::at`.
    pub fn at(&mut self, pointer: &str) -> Option<&'a TNode> {
        self.entry(pointer).map(|(_, node)| node)
    }

    /// Where the node at a JSON pointer is, as `Tree::spans`.
    pub fn spans(&mut self, pointer: &str) -> Option<NodeSpans> {
        self.entry(pointer).map(|(key, node)| NodeSpans {
            key,
            value: node.span,
        })
    }

    /// The position of `key` among a mapping's entries (the first, if repeated).
    pub fn position(&mut self, map: &'a TNode, key: &str) -> Option<usize> {
        let TValue::Map(entries) = &map.value else {
            return None;
        };
        if entries.len() < INDEXED_WIDTH {
            let found = entries.iter().position(|(k, _, _)| k == key);
            self.entries_read += found.map_or(entries.len(), |i| i + 1);
            return found;
        }
        let read = &mut self.entries_read;
        let index = self
            .indexes
            .entry(std::ptr::from_ref(map))
            .or_insert_with(|| {
                *read += entries.len();
                let mut index = HashMap::with_capacity(entries.len());
                for (i, (k, _, _)) in entries.iter().enumerate() {
                    index.entry(k.as_str()).or_insert(i);
                }
                index
            });
        index.get(key).copied()
    }

    /// The node at a pointer with its key's span when it is a mapping entry.
    fn entry(&mut self, pointer: &str) -> Option<(Option<Span>, &'a TNode)> {
        let mut node = &self.tree.root;
        let mut key = None;
        for segment in pointer.split('/').skip(1) {
            let name = unescape(segment);
            (node, key) = match &node.value {
                TValue::Seq(items) => (items.get(name.parse::<usize>().ok()?)?, None),
                TValue::Map(entries) => {
                    let (_, k, n) = entries.get(self.position(node, &name)?)?;
                    (n, Some(*k))
                }
                _ => return None,
            };
        }
        Some((key, node))
    }
}

/// Whether a child (an entry with its key, or an item) may hold a node starting at `offset`.
fn extent_holds(key: Option<Span>, node: &TNode, offset: usize) -> bool {
    let start = key.map_or(node.span.start, |k| k.start.min(node.span.start));
    // Inclusive: an empty value (`{a: 1, b}`) starts where its extent ends.
    (start..=node.end).contains(&offset)
}

/// Finds the node of `pointer_at` below `node` (whose pointer `pointer` holds), pre-order:
/// a node before its children, children in source order. Only children whose extent holds
/// the offset are entered; the one found by binary search (children are in source order) is
/// tried first, the others only when it does not hold the node (aliases and merge keys can
/// place a node's text before its siblings').
fn pointer_at(node: &TNode, key: Option<Span>, offset: usize, pointer: &mut String) -> bool {
    if key.is_some_and(|k| k.start == offset) || node.span.start == offset {
        return true;
    }
    match &node.value {
        TValue::Seq(items) => {
            let guess = items
                .partition_point(|c| c.span.start <= offset)
                .saturating_sub(1);
            let mut try_item = |i: usize| {
                items.get(i).is_some_and(|child| {
                    extent_holds(None, child, offset)
                        && descend(child, None, offset, pointer, &i.to_string())
                })
            };
            try_item(guess) || (0..items.len()).filter(|i| *i != guess).any(try_item)
        }
        TValue::Map(entries) => {
            let guess = entries
                .partition_point(|(_, k, _)| k.start <= offset)
                .saturating_sub(1);
            let mut try_entry = |i: usize| {
                entries.get(i).is_some_and(|(name, k, child)| {
                    extent_holds(Some(*k), child, offset)
                        && descend(child, Some(*k), offset, pointer, &escape_pointer(name))
                })
            };
            try_entry(guess) || (0..entries.len()).filter(|i| *i != guess).any(try_entry)
        }
        _ => false,
    }
}

/// `pointer_at` in a child named `segment`; on failure `pointer` is as it was.
fn descend(
    child: &TNode,
    key: Option<Span>,
    offset: usize,
    pointer: &mut String,
    segment: &str,
) -> bool {
    let len = pointer.len();
    pointer.push('/');
    pointer.push_str(segment);
    if pointer_at(child, key, offset, pointer) {
        return true;
    }
    pointer.truncate(len);
    false
}

/// The JSON value of a node, as the schema reads it: a non-finite float is its text, and a
/// repeated key keeps its first value. For the cold paths (an error's text, a small
/// configuration) and the differential test; the schema check itself reads the tree.
#[must_use]
pub fn to_value(node: &TNode) -> Value {
    match &node.value {
        TValue::Null => Value::Null,
        TValue::Bool(b) => Value::Bool(*b),
        TValue::Int(i) => Value::from(*i),
        TValue::UInt(u) => Value::from(*u),
        TValue::Float(f) => serde_json::Number::from_f64(*f)
            .map_or_else(|| Value::String(f.to_string()), Value::Number),
        TValue::Str(s) => Value::String(s.clone()),
        TValue::Seq(items) => Value::Array(items.iter().map(to_value).collect()),
        TValue::Map(entries) => {
            let mut map = serde_json::Map::new();
            for (key, _, child) in entries {
                if !map.contains_key(key.as_str()) {
                    map.insert(key.clone(), to_value(child));
                }
            }
            Value::Object(map)
        }
    }
}

/// Reverses `escape_pointer`.
#[must_use]
pub fn unescape_pointer(segment: &str) -> String {
    unescape(segment).into_owned()
}

/// Reverses `escape_pointer`, without a copy when there is nothing to unescape (nearly every
/// key): a lookup by pointer allocates nothing.
fn unescape(segment: &str) -> Cow<'_, str> {
    if segment.contains('~') {
        Cow::Owned(segment.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(segment)
    }
}

/// Escapes a key for a JSON pointer (RFC 6901).
#[must_use]
pub fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Appends `/` and the escaped key to a JSON pointer, without an intermediate string.
pub fn push_segment(pointer: &mut String, key: &str) {
    pointer.push('/');
    if key.contains(['~', '/']) {
        pointer.push_str(&escape_pointer(key));
    } else {
        pointer.push_str(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(start: usize) -> TNode {
        TNode {
            span: Span::new(start, 1),
            end: start + 1,
            value: TValue::Str("x".to_string()),
        }
    }

    /// A tree with a wide top-level mapping (keys `k0`...), a key with `/` and `~`, and a list.
    fn wide_tree(width: usize) -> Tree {
        let mut entries: Vec<(String, Span, TNode)> = (0..width)
            .map(|i| (format!("k{i}"), Span::new(10 * i, 2), scalar(10 * i + 4)))
            .collect();
        let at = 10 * width;
        entries.push(("a/b~c".to_string(), Span::new(at, 5), scalar(at + 7)));
        let list = TNode {
            span: Span::new(at + 10, 1),
            end: at + 30,
            value: TValue::Seq(vec![scalar(at + 12), scalar(at + 20)]),
        };
        entries.push(("list".to_string(), Span::new(at + 9, 4), list));
        let mut tree = Tree::empty();
        tree.root = TNode {
            span: Span::new(0, 1),
            end: at + 30,
            value: TValue::Map(entries),
        };
        tree
    }

    #[test]
    fn a_lookup_finds_what_the_tree_finds() {
        for width in [3, 40] {
            let tree = wide_tree(width);
            let mut lookup = Lookup::new(&tree);
            let mut pointers: Vec<String> = (0..width).map(|i| format!("/k{i}")).collect();
            pointers.extend(
                [
                    "", "/a~1b~0c", "/list", "/list/0", "/list/1", "/list/2", "/list/x",
                ]
                .map(String::from),
            );
            pointers.extend(["/missing", "/k0/deeper", "/a/b~c", "/list/0/x"].map(String::from));
            for pointer in &pointers {
                let expected = tree.spans(pointer).map(|s| (s.key, s.value));
                let found = lookup.spans(pointer).map(|s| (s.key, s.value));
                assert_eq!(found, expected, "{pointer} in a mapping of {width}");
                assert_eq!(lookup.at(pointer), tree.root.at(pointer), "{pointer}");
            }
        }
    }

    #[test]
    fn looking_up_every_key_of_a_wide_mapping_reads_each_entry_once() {
        // Scanning per look-up would read about width * width / 2 entries: 50 million here.
        let width = 10_000;
        let tree = wide_tree(width);
        let mut lookup = Lookup::new(&tree);
        for i in (0..width).rev() {
            assert!(lookup.spans(&format!("/k{i}")).is_some());
        }
        assert_eq!(lookup.entries_read, width + 2);
    }
}
