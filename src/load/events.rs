//! YAML syntax on the parser's events: source text -> the spanned node tree, built straight
//! from granit-parser's event stream with no deserializer in between.
//!
//! This is regioplan's YAML loader. It reads what the YAML a plan may hold: mappings, lists,
//! plain, quoted and block scalars, anchors and aliases (an alias is a copy of its anchor's
//! node, at the alias), merge keys (`<<`), the core tags (`!!str`, `!!int`, `!!float`,
//! `!!bool`, `!!null`, `!`), one document. It reports what it cannot read as a
//! [`SyntaxError`] with the parser's position: syntax errors, a second document, an alias of
//! an anchor not defined above it or inside itself, a merge of something that is not a mapping,
//! a value that does not fit its tag, a number that is not finite, a list or mapping as a key,
//! and every one of the [`Limits`] (size, depth, aliases and alias expansion), counted as the
//! loader before it (serde-saphyr 2.1) counted them, so that a plan that was read before is
//! read the same now.
//!
//! Scalars resolve as YAML 1.2's core schema with strict booleans: `~`, `null`, `Null`, `NULL`
//! and the empty scalar are null; `true`/`True`/`TRUE` and `false`/`False`/`FALSE` are
//! booleans (`yes`, `no`, `on`, `off` stay strings); then integers (decimal without a leading
//! zero, `0x`, `0o`, `0b`, `_` between digits), signed when they start with `-`; then floats;
//! the rest are strings. Quoted and block scalars are strings.

use std::borrow::Cow;

use granit_parser::{Event, Parser, ScalarStyle, Tag};

use super::limits::Limits;
use super::yaml::{Breach, Parsed, SyntaxError};
use crate::diagnostic::Span;
use crate::tree::{TNode, TValue};

/// A mapping key read, waiting for its value.
enum Key {
    Name(String, Span),
    /// A merge key (`<<`): its value is merged into the mapping when the mapping ends.
    Merge,
}

/// A list or mapping being read. Its children wait on the builder's shared scratch stack (from
/// `start` on) and move into a vector of exactly their number when it ends: one allocation per
/// list or mapping, none of them grown by doubling or shrunk by a copy.
enum Frame {
    Seq {
        span: Span,
        start: usize,
        children_end: usize,
        anchor: usize,
        /// The value of a merge key: its items must be mappings.
        merged: bool,
    },
    Map {
        span: Span,
        start: usize,
        key: Option<Key>,
        children_end: usize,
        anchor: usize,
        /// The values of its merge keys, in order.
        merges: Vec<TNode>,
    },
}

impl Frame {
    fn anchor(&self) -> usize {
        match self {
            Frame::Seq { anchor, .. } | Frame::Map { anchor, .. } => *anchor,
        }
    }
}

/// How much of the limits the text has used: every event, a node for each scalar, list and
/// mapping, the bytes of the scalars and tags, the nesting, the aliases and anchors, the merge
/// keys and the values aliases repeat.
struct Budget {
    events: usize,
    max_events: usize,
    nodes: usize,
    max_nodes: usize,
    scalar_bytes: usize,
    max_scalar_bytes: usize,
    max_depth: usize,
    aliases: usize,
    anchors: usize,
    max_aliases: usize,
    merge_keys: usize,
    replayed: usize,
    max_replayed: usize,
    /// The events of the anchored nodes kept for aliases, counted as they are read: each event
    /// once for every anchored list or mapping open around it (an anchor inside an anchor is
    /// kept twice).
    kept: usize,
    /// The anchored lists and mappings open.
    open_anchors: usize,
}

/// At most this many events of anchored nodes are kept for their aliases: anchors nested in
/// anchors would otherwise keep a copy of the innermost node for every level.
const MAX_KEPT_EVENTS: usize = 1_000_000;
/// The parser's words for a merge key's value that is not a mapping or a list of them.
const MERGE_VALUE: &str = "YAML merge value must be mapping or sequence of mappings";
/// At most this many merge keys in one text.
const MAX_MERGE_KEYS: usize = 10_000;
/// An alias heuristic: this many aliases or more, to fewer than a tenth as many anchors, is a
/// text built to be expanded, not a plan.
const ALIAS_RATIO_MIN: usize = 100;
const ALIAS_RATIO: usize = 10;

impl Budget {
    fn new(limits: &Limits, len: usize) -> Self {
        let max_bytes = limits.max_file_bytes();
        Budget {
            events: 0,
            max_events: max_bytes,
            nodes: 0,
            // A node needs at least two bytes of text (`a\n`, `- `), so this bounds honest files.
            max_nodes: max_bytes / 2,
            scalar_bytes: 0,
            max_scalar_bytes: max_bytes,
            max_depth: limits.max_depth,
            aliases: 0,
            anchors: 0,
            max_aliases: limits.max_aliases,
            merge_keys: 0,
            replayed: 0,
            max_replayed: limits.expansion_budget(len),
            kept: 0,
            open_anchors: 0,
        }
    }

    fn event(&mut self) -> Result<(), Breach> {
        self.events = self.events.saturating_add(1);
        if self.events > self.max_events {
            return Err(Breach::Size);
        }
        Ok(())
    }

    fn node(&mut self, bytes: usize, anchor: usize) -> Result<(), Breach> {
        self.nodes = self.nodes.saturating_add(1);
        self.scalar_bytes = self.scalar_bytes.saturating_add(bytes);
        if self.nodes > self.max_nodes || self.scalar_bytes > self.max_scalar_bytes {
            return Err(Breach::Size);
        }
        if anchor != 0 {
            self.anchors = self.anchors.saturating_add(1);
            if self.anchors > self.max_aliases {
                return Err(Breach::Aliases);
            }
        }
        Ok(())
    }

    fn alias(&mut self) -> Result<(), Breach> {
        self.event()?;
        self.aliases = self.aliases.saturating_add(1);
        if self.aliases > self.max_aliases {
            return Err(Breach::Aliases);
        }
        Ok(())
    }

    /// Counts `events` read inside the open anchored nodes (and `own` more for an anchored node
    /// itself).
    fn kept(&mut self, events: usize, own: usize) -> Result<(), Breach> {
        let copies = self.open_anchors.saturating_add(own);
        if copies != 0 {
            self.kept = self.kept.saturating_add(events.saturating_mul(copies));
            if self.kept > MAX_KEPT_EVENTS {
                return Err(Breach::Size);
            }
        }
        Ok(())
    }

    fn merge_key(&mut self) -> Result<(), Breach> {
        self.merge_keys = self.merge_keys.saturating_add(1);
        if self.merge_keys > MAX_MERGE_KEYS {
            return Err(Breach::Size);
        }
        Ok(())
    }

    /// The check at the end of the text: many aliases to few anchors.
    fn finish(&self) -> Result<(), Breach> {
        if self.aliases >= ALIAS_RATIO_MIN
            && (self.anchors == 0 || self.aliases > ALIAS_RATIO.saturating_mul(self.anchors))
        {
            return Err(Breach::Size);
        }
        Ok(())
    }
}

/// The byte span of a parser span (the character offsets if the input had no byte offsets).
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

/// The byte offset of the `chars`-th character of `text` (the parser's errors carry character
/// offsets), or its end.
fn byte_of(text: &str, chars: usize) -> usize {
    text.char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| i)
}

/// What a tag asks of a scalar.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Want {
    /// No tag, or one regioplan does not know: the value as written.
    Any,
    Str,
    Null,
    Bool,
    Int,
    Float,
    /// `!!binary`: base64 data, which a plan has no use for.
    Binary,
    /// `!!timestamp`.
    Stamp,
    /// `!!merge`, `!!value`: a scalar, read as written.
    Scalar,
    Seq,
    Map,
}

impl Want {
    /// What `tag` asks for (`Any` without a tag, the common case, decided inline).
    #[inline]
    fn of(tag: Option<&Tag>) -> Want {
        match tag {
            None => Want::Any,
            Some(tag) => Want::of_tag(tag),
        }
    }

    #[cold]
    fn of_tag(tag: &Tag) -> Want {
        match tag.core_suffix() {
            Some("str") => return Want::Str,
            Some("null") => return Want::Null,
            Some("bool") => return Want::Bool,
            Some("int") => return Want::Int,
            Some("float") => return Want::Float,
            Some("seq") => return Want::Seq,
            Some("map") => return Want::Map,
            Some(_) => return Want::Any,
            None => {}
        }
        match tag.suffix_in_namespace("tag:yaml.org,2002:").as_deref() {
            Some("merge" | "value") => return Want::Scalar,
            Some("timestamp") => return Want::Stamp,
            _ => {}
        }
        match tag.suffix_in_namespace("!").as_deref() {
            // The non-specific tag `!` makes a scalar a string.
            Some("" | "!") => Want::Str,
            Some("!binary") => Want::Binary,
            Some("!timestamp") => Want::Stamp,
            _ if tag
                .suffix_in_namespace("tag:yaml.org,2002:")
                .is_some_and(|s| s == "binary") =>
            {
                Want::Binary
            }
            _ => Want::Any,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Want::Any | Want::Str => "string",
            Want::Null => "null",
            Want::Bool => "boolean (strict mode expects true/false)",
            Want::Int => "integer",
            Want::Float => "floating point",
            Want::Binary => "binary",
            Want::Stamp => "timestamp",
            Want::Scalar => "scalar",
            Want::Seq => "sequence",
            Want::Map => "mapping",
        }
    }
}

/// Whether a key scalar is a merge key: a plain, untagged `<<`, or one tagged `!!merge`.
fn is_merge_key(value: &str, style: ScalarStyle, tag: Option<&Tag>) -> bool {
    value == "<<"
        && match tag {
            None => matches!(style, ScalarStyle::Plain),
            Some(tag) => tag
                .suffix_in_namespace("tag:yaml.org,2002:")
                .is_some_and(|s| s == "merge"),
        }
}

/// The value of a scalar with what its tag asks; `Err` with the parser's words when it does
/// not fit.
fn scalar(value: Cow<'_, str>, style: ScalarStyle, tag: Option<&Tag>) -> Result<TValue, String> {
    let want = Want::of(tag);
    let plain = matches!(style, ScalarStyle::Plain);
    let invalid = || format!("invalid {}", want.name());
    match want {
        Want::Str => Ok(TValue::Str(value.into_owned())),
        Want::Binary => {
            let data = base64(&value).ok_or_else(|| "invalid !!binary base64".to_string())?;
            String::from_utf8(data).map(TValue::Str).map_err(|_| {
                "!!binary scalar is not valid UTF-8 so cannot be stored into string".into()
            })
        }
        Want::Stamp => Err("cannot deserialize tagged scalar into string".into()),
        Want::Seq | Want::Map => Err(unsupported(tag)),
        Want::Null => Ok(TValue::Null),
        Want::Bool => match yaml_trim(&value) {
            "true" | "True" | "TRUE" => Ok(TValue::Bool(true)),
            "false" | "False" | "FALSE" => Ok(TValue::Bool(false)),
            _ => Err(invalid()),
        },
        Want::Int => {
            let t = yaml_trim(&value);
            if t.starts_with('-') {
                parse_int_signed(t)
                    .map(TValue::Int)
                    .ok_or_else(|| "invalid i64".to_string())
            } else {
                parse_int_unsigned(t)
                    .map(TValue::UInt)
                    .ok_or_else(|| "invalid u64".to_string())
            }
        }
        Want::Float => match parse_float(yaml_trim(&value)) {
            Some(v) if v.is_finite() => Ok(TValue::Float(v)),
            Some(_) => Err(non_finite(&value)),
            None => Err(invalid()),
        },
        Want::Scalar | Want::Any if !plain => Ok(TValue::Str(value.into_owned())),
        Want::Scalar | Want::Any => resolve(value),
    }
}

/// The bytes of a `!!binary` scalar: base64, with whitespace allowed anywhere; `None` when it
/// is not base64.
fn base64(text: &str) -> Option<Vec<u8>> {
    let sextet = |b: u8| -> Option<u32> {
        Some(u32::from(match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        }))
    };
    let clean: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    if !clean.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(clean.len() / 4 * 3);
    let chunks = clean.len() / 4;
    for (i, chunk) in clean.chunks_exact(4).enumerate() {
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && i + 1 != chunks) {
            return None;
        }
        let mut n = 0u32;
        for &c in chunk.get(..4 - pad)? {
            n = (n << 6) | sextet(c)?;
        }
        n <<= 6 * u32::try_from(pad).ok()?;
        let bytes = n.to_be_bytes();
        out.extend_from_slice(bytes.get(1..4 - pad)?);
    }
    Some(out)
}

/// A tag on a node of another kind (`!!seq` on a mapping, `!!int` on a list).
fn unsupported(tag: Option<&Tag>) -> String {
    format!(
        "unsupported tag `{}`",
        tag.map(Tag::original).unwrap_or_default()
    )
}

fn non_finite(written: &str) -> String {
    format!("non-finite float `{written}` rejected by the configured policy")
}

/// A key's text: its resolved scalar written back as text (`1` for `1.0`, `null` for `~`);
/// `None` for a list or mapping.
fn key_text(value: TValue) -> Option<String> {
    Some(match value {
        TValue::Null => "null".to_string(),
        TValue::Bool(b) => b.to_string(),
        TValue::Int(i) => i.to_string(),
        TValue::UInt(u) => u.to_string(),
        TValue::Float(f) => f.to_string(),
        TValue::Str(s) => s,
        TValue::Seq(_) | TValue::Map(_) => return None,
    })
}

/// Whether a scalar reads as null: plain and untagged `~`, `null` or nothing, or `!!null`.
fn is_null(value: &str, style: ScalarStyle, tag: Option<&Tag>) -> bool {
    match Want::of(tag) {
        Want::Null => true,
        Want::Any | Want::Scalar => {
            matches!(style, ScalarStyle::Plain)
                && matches!(value, "" | "~" | "null" | "Null" | "NULL")
        }
        _ => false,
    }
}

/// The value of an untagged plain scalar; `Err` for a number that is not finite (`.inf`,
/// `1e999`).
fn resolve(value: Cow<'_, str>) -> Result<TValue, String> {
    if matches!(value.as_ref(), "" | "~" | "null" | "Null" | "NULL") {
        return Ok(TValue::Null);
    }
    let t = yaml_trim(&value);
    match t {
        "true" | "True" | "TRUE" => return Ok(TValue::Bool(true)),
        "false" | "False" | "FALSE" => return Ok(TValue::Bool(false)),
        _ => {}
    }
    // Only text that starts like a number can be one: this skips the number parsers for
    // ordinary words (the common case) without changing any result.
    let first = t.as_bytes().first().copied().unwrap_or(b' ');
    if first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.') {
        if t.starts_with('-') {
            if let Some(v) = parse_int_signed(t) {
                return Ok(TValue::Int(v));
            }
        } else if let Some(v) = parse_int_unsigned(t) {
            return Ok(TValue::UInt(v));
        }
        if let Some(v) = parse_float(t) {
            return if v.is_finite() {
                Ok(TValue::Float(v))
            } else {
                Err(non_finite(&value))
            };
        }
    }
    Ok(TValue::Str(value.into_owned()))
}

/// What an alias of a node repeats: the events it is read from (a scalar one, a list or
/// mapping its start, its end and its children's), its nodes, the bytes of its scalars, and how
/// deep it nests (a scalar 0).
#[derive(Clone, Copy, Default)]
struct Weight {
    events: usize,
    nodes: usize,
    bytes: usize,
    depth: usize,
}

impl Weight {
    fn of(node: &TNode) -> Weight {
        let scalar = |bytes| Weight {
            events: 1,
            nodes: 1,
            bytes,
            depth: 0,
        };
        let container = |children: &mut dyn Iterator<Item = Weight>| {
            children.fold(
                Weight {
                    events: 2,
                    nodes: 1,
                    bytes: 0,
                    depth: 1,
                },
                |w, c| Weight {
                    events: w.events.saturating_add(c.events),
                    nodes: w.nodes.saturating_add(c.nodes),
                    bytes: w.bytes.saturating_add(c.bytes),
                    depth: w.depth.max(c.depth.saturating_add(1)),
                },
            )
        };
        match &node.value {
            TValue::Seq(items) => container(&mut items.iter().map(Weight::of)),
            // A key is one more scalar.
            TValue::Map(entries) => container(&mut entries.iter().map(|(k, _, v)| {
                let w = Weight::of(v);
                Weight {
                    events: w.events.saturating_add(1),
                    nodes: w.nodes.saturating_add(1),
                    bytes: w.bytes.saturating_add(k.len()),
                    depth: w.depth,
                }
            })),
            TValue::Str(s) => scalar(s.len()),
            _ => scalar(8),
        }
    }
}

/// Sets every span in `node` to `span`: an alias's copy of its anchor's node stands at the
/// alias. With `text`, for a merged value, what came from an alias (a node at a `*`) stays at
/// its alias.
fn respan(node: &mut TNode, span: Span, text: Option<&str>) {
    if text.is_some_and(|t| t.as_bytes().get(node.span.start) == Some(&b'*')) {
        return;
    }
    node.span = span;
    node.end = span.end();
    match &mut node.value {
        TValue::Seq(items) => items.iter_mut().for_each(|n| respan(n, span, text)),
        TValue::Map(entries) => entries.iter_mut().for_each(|(_, key_span, n)| {
            *key_span = span;
            respan(n, span, text);
        }),
        _ => {}
    }
}

/// Whether a merge key's value can be merged: a mapping, a list of mappings (nulls in it
/// merge nothing) or null; else where the parser stops (at a scalar itself, inside a list).
fn mergeable(source: &TNode) -> Result<(), Span> {
    match &source.value {
        TValue::Map(_) | TValue::Null => Ok(()),
        TValue::Seq(items) => items.iter().try_for_each(mergeable_item),
        _ => Err(source.span),
    }
}

/// Whether an item of a merge key's list can be merged: a mapping or null.
fn mergeable_item(item: &TNode) -> Result<(), Span> {
    match &item.value {
        TValue::Map(_) | TValue::Null => Ok(()),
        // A list in the list: the parser stops at the first scalar in it, however deep
        // (nulls and mappings merge nothing there).
        TValue::Seq(inner) => inner.iter().try_for_each(|n| match &n.value {
            TValue::Map(_) | TValue::Null => Ok(()),
            TValue::Seq(_) => mergeable_item(n),
            _ => Err(n.span),
        }),
        _ => Err(item.span),
    }
}

/// Merges the values of a mapping's merge keys (each `mergeable`) into its entries: the
/// mapping's own entries first, then each merged mapping's entries in order whose key is not
/// there yet.
fn merge(entries: &mut Vec<(String, Span, TNode)>, merges: Vec<TNode>, text: &str) {
    // The keys there (a set: a mapping merged into a wide mapping is not read once per key).
    let mut seen: std::collections::HashSet<String> =
        entries.iter().map(|(k, _, _)| k.clone()).collect();
    for source in merges {
        let maps: Vec<TNode> = match source.value {
            TValue::Seq(items) => items,
            _ => vec![source],
        };
        for map in maps {
            // Merged entries stand where the mapping they come from starts.
            let at = map.span;
            let TValue::Map(from) = map.value else {
                continue;
            };
            for (key, _, mut value) in from {
                if seen.insert(key.clone()) {
                    respan(&mut value, at, Some(text));
                    entries.push((key, at, value));
                }
            }
        }
    }
}

/// The builder's state: the open lists and mappings, their children waiting on the scratch
/// stacks, the anchored nodes (by the parser's anchor number) and the budget.
struct Builder<'t> {
    text: &'t str,
    budget: Budget,
    stack: Vec<Frame>,
    items: Vec<TNode>,
    entries: Vec<(String, Span, TNode)>,
    anchors: Vec<Option<TNode>>,
}

/// Why reading stopped: a syntax error (the parser's words and position) or a limit.
enum Stop {
    Syntax(String, Span),
    Limit(Breach, Span),
    SecondDocument(Span),
}

impl Builder<'_> {
    fn depth_ok(&self) -> Result<(), Breach> {
        if self.stack.len() >= self.budget.max_depth {
            return Err(Breach::Depth);
        }
        Ok(())
    }

    fn open(
        &mut self,
        is_map: bool,
        anchor: usize,
        tag: Option<&Tag>,
        span: Span,
    ) -> Result<(), Stop> {
        let tag_len = tag.map_or(0, tag_len);
        let fits = match Want::of(tag) {
            Want::Any => true,
            Want::Seq => !is_map,
            Want::Map => is_map,
            _ => false,
        };
        if !fits {
            return Err(Stop::Syntax(unsupported(tag), span));
        }
        self.budget
            .node(tag_len, anchor)
            .and_then(|()| self.depth_ok())
            .and_then(|()| self.budget.kept(1, usize::from(anchor != 0)))
            .map_err(|b| Stop::Limit(b, span))?;
        if anchor != 0 {
            self.budget.open_anchors += 1;
        }
        if let Some(Frame::Map { key: None, .. }) = self.stack.last() {
            return Err(Stop::Syntax(
                format!(
                    "invalid type: {}, expected a scalar mapping key",
                    if is_map { "map" } else { "sequence" }
                ),
                span,
            ));
        }
        let merged = matches!(
            self.stack.last(),
            Some(Frame::Map {
                key: Some(Key::Merge),
                ..
            })
        );
        let frame = if is_map {
            Frame::Map {
                span,
                start: self.entries.len(),
                key: None,
                children_end: 0,
                anchor,
                merges: Vec::new(),
            }
        } else {
            Frame::Seq {
                span,
                start: self.items.len(),
                children_end: 0,
                anchor,
                merged,
            }
        };
        self.stack.push(frame);
        Ok(())
    }

    fn close(&mut self, span: Span) -> Result<(TNode, usize), Stop> {
        let Some(frame) = self.stack.pop() else {
            return Err(Stop::Syntax(
                "unbalanced end of a list or mapping".into(),
                span,
            ));
        };
        let anchor = frame.anchor();
        self.budget.kept(1, 0).map_err(|b| Stop::Limit(b, span))?;
        if anchor != 0 {
            self.budget.open_anchors = self.budget.open_anchors.saturating_sub(1);
        }
        let node = match frame {
            Frame::Seq {
                span,
                start,
                children_end,
                ..
            } => TNode {
                span,
                end: children_end.max(span.end()),
                value: TValue::Seq(self.items.drain(start.min(self.items.len())..).collect()),
            },
            Frame::Map {
                span,
                start,
                children_end,
                merges,
                ..
            } => {
                let mut entries: Vec<_> = self
                    .entries
                    .drain(start.min(self.entries.len())..)
                    .collect();
                let mut end = children_end;
                if !merges.is_empty() {
                    merge(&mut entries, merges, self.text);
                    end = entries.iter().fold(end, |end, (_, _, v)| end.max(v.end));
                }
                TNode {
                    span,
                    end: end.max(span.end()),
                    value: TValue::Map(entries),
                }
            }
        };
        Ok((node, anchor))
    }

    /// Keeps a copy of an anchored node for its aliases (most nodes have no anchor).
    #[inline]
    fn keep(&mut self, anchor: usize, node: &TNode) {
        if anchor != 0 {
            self.keep_copy(anchor, node);
        }
    }

    #[cold]
    fn keep_copy(&mut self, anchor: usize, node: &TNode) {
        if self.anchors.len() <= anchor {
            self.anchors.resize_with(anchor.saturating_add(1), || None);
        }
        if let Some(slot) = self.anchors.get_mut(anchor) {
            *slot = Some(node.clone());
        }
    }

    /// The node an alias stands for: a copy of its anchor's, at the alias.
    fn alias(&mut self, anchor: usize, span: Span) -> Result<TNode, Stop> {
        self.budget.alias().map_err(|b| Stop::Limit(b, span))?;
        if self.stack.iter().any(|f| f.anchor() == anchor) {
            return Err(Stop::Syntax(
                "recursive references require weak recursion types".into(),
                span,
            ));
        }
        let Some(Some(node)) = self.anchors.get(anchor) else {
            return Err(Stop::Syntax("alias references unknown anchor".into(), span));
        };
        // An alias merged is checked as its anchor's node, where the parser replays it from.
        let merged = match self.stack.last() {
            Some(Frame::Map {
                key: Some(Key::Merge),
                ..
            }) => mergeable(node),
            Some(Frame::Seq { merged: true, .. }) => mergeable_item(node),
            _ => Ok(()),
        };
        merged.map_err(|at| Stop::Syntax(MERGE_VALUE.into(), at))?;
        let Weight {
            events,
            nodes,
            bytes,
            depth,
        } = Weight::of(node);
        let budget = &mut self.budget;
        budget.replayed = budget.replayed.saturating_add(events);
        if budget.replayed > budget.max_replayed {
            return Err(Stop::Limit(Breach::Expansion, node.span));
        }
        budget.events = budget.events.saturating_add(events);
        budget.nodes = budget.nodes.saturating_add(nodes);
        budget.scalar_bytes = budget.scalar_bytes.saturating_add(bytes);
        if budget.events > budget.max_events
            || budget.nodes > budget.max_nodes
            || budget.scalar_bytes > budget.max_scalar_bytes
        {
            return Err(Stop::Limit(Breach::Size, span));
        }
        if depth.saturating_add(self.stack.len()) > self.budget.max_depth {
            return Err(Stop::Limit(Breach::Depth, span));
        }
        self.budget
            .kept(events, 0)
            .map_err(|b| Stop::Limit(b, span))?;
        let mut copy = node.clone();
        respan(&mut copy, span, None);
        Ok(copy)
    }

    /// Puts a finished node where it belongs: the root, a list's next item or a mapping's
    /// value (or the value of a merge key).
    fn place(&mut self, node: TNode, root: &mut Option<TNode>) -> Result<(), Stop> {
        match self.stack.last_mut() {
            None if root.is_none() => *root = Some(node),
            None => return Err(Stop::Syntax("a second root node".into(), node.span)),
            Some(Frame::Seq { children_end, .. }) => {
                *children_end = (*children_end).max(node.end);
                self.items.push(node);
            }
            Some(Frame::Map {
                key,
                children_end,
                merges,
                ..
            }) => {
                match key.take() {
                    Some(Key::Name(name, key_span)) => {
                        *children_end = (*children_end).max(node.end);
                        self.entries.push((name, key_span, node));
                    }
                    // What a merge key's value brings counts where it is merged.
                    Some(Key::Merge) => {
                        mergeable(&node).map_err(|at| Stop::Syntax(MERGE_VALUE.into(), at))?;
                        merges.push(node);
                    }
                    None => {
                        return Err(Stop::Syntax(
                            "invalid type: a value where a key is expected".into(),
                            node.span,
                        ));
                    }
                }
            }
        }
        Ok(())
    }
}

/// The length of a tag as written, counted with the scalars' bytes.
fn tag_len(tag: &Tag) -> usize {
    tag.handle().len().saturating_add(tag.suffix().len())
}

/// Parses YAML text into a spanned node under `limits`.
///
/// # Errors
/// What the text does not let it read (see the module comment), with its position.
pub fn parse(text: &str, limits: &Limits) -> Result<Parsed, SyntaxError> {
    read(text, limits).map_err(|stop| match stop {
        Stop::Syntax(message, span) => SyntaxError::from_parser(&message, span, text, limits),
        Stop::Limit(breach, span) => SyntaxError::limit(breach, span, text, limits),
        Stop::SecondDocument(span) => SyntaxError::second_document(span, text),
    })
}

fn read(text: &str, limits: &Limits) -> Result<Parsed, Stop> {
    let options = granit_parser::options! {
        flow_nesting_limit: limits.max_depth,
        block_nesting_limit: granit_parser::Options::default()
            .block_nesting_limit
            .max(limits.max_depth.saturating_add(1)),
        emit_comments: false,
    };
    let mut b = Builder {
        text,
        budget: Budget::new(limits, text.len()),
        stack: Vec::new(),
        items: Vec::new(),
        entries: Vec::new(),
        anchors: Vec::new(),
    };
    let mut root: Option<TNode> = None;
    let mut documents = 0usize;
    let mut last = Span::default();
    for item in Parser::new_from_str_with_options(text, options) {
        let (event, span) = match item {
            Ok(item) => item,
            Err(e) => {
                let mark = e.marker();
                let start = byte_of(b.text, mark.index());
                let len = byte_of(b.text.get(start..).unwrap_or_default(), 1);
                return Err(Stop::Syntax(e.info(), Span { start, len }));
            }
        };
        let span = span_of(&span);
        last = span;
        let content = matches!(
            event,
            Event::Scalar(..)
                | Event::SequenceStart(..)
                | Event::MappingStart(..)
                | Event::Alias(_)
        );
        if content && documents > 1 {
            return Err(Stop::SecondDocument(span));
        }
        if !matches!(event, Event::Alias(_)) {
            b.budget
                .event()
                .map_err(|breach| Stop::Limit(breach, span))?;
        }
        let node = match event {
            Event::StreamStart | Event::DocumentEnd => continue,
            Event::StreamEnd => break,
            Event::DocumentStart(..) => {
                documents += 1;
                continue;
            }
            Event::Scalar(value, style, anchor, tag) => {
                let tag = tag.as_deref();
                b.budget
                    .node(value.len().saturating_add(tag.map_or(0, tag_len)), anchor)
                    .and_then(|()| b.budget.kept(1, usize::from(anchor != 0)))
                    .map_err(|breach| Stop::Limit(breach, span))?;
                if let Some(Frame::Map {
                    key: key @ None, ..
                }) = b.stack.last_mut()
                {
                    if is_merge_key(&value, style, tag) {
                        *key = Some(Key::Merge);
                        b.budget
                            .merge_key()
                            .map_err(|breach| Stop::Limit(breach, span))?;
                    } else {
                        let value = scalar(value, style, tag).map_err(|m| Stop::Syntax(m, span))?;
                        let node = (anchor != 0).then(|| TNode {
                            span,
                            end: span.end(),
                            value: value.clone(),
                        });
                        let name = key_text(value).unwrap_or_default();
                        *key = Some(Key::Name(name, span));
                        if let Some(node) = node {
                            b.keep(anchor, &node);
                        }
                    }
                    continue;
                }
                // A scalar merged (`<<: x`, `<<: [x]`) is refused as it is read, before its tag.
                if matches!(
                    b.stack.last(),
                    Some(
                        Frame::Map {
                            key: Some(Key::Merge),
                            ..
                        } | Frame::Seq { merged: true, .. }
                    )
                ) && !is_null(&value, style, tag)
                {
                    return Err(Stop::Syntax(MERGE_VALUE.into(), span));
                }
                let node = TNode {
                    span,
                    end: span.end(),
                    value: scalar(value, style, tag).map_err(|m| Stop::Syntax(m, span))?,
                };
                b.keep(anchor, &node);
                node
            }
            Event::SequenceStart(_, anchor, tag) => {
                b.open(false, anchor, tag.as_deref(), span)?;
                continue;
            }
            Event::MappingStart(_, anchor, tag) => {
                b.open(true, anchor, tag.as_deref(), span)?;
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (node, anchor) = b.close(span)?;
                b.keep(anchor, &node);
                node
            }
            Event::Alias(anchor) => {
                let node = b.alias(anchor, span)?;
                if let Some(Frame::Map {
                    key: key @ None, ..
                }) = b.stack.last_mut()
                {
                    // An alias as a key: its scalar's text.
                    let Some(name) = key_text(node.value) else {
                        return Err(Stop::Syntax(
                            "invalid type: map, expected a scalar mapping key".into(),
                            span,
                        ));
                    };
                    *key = Some(Key::Name(name, span));
                    continue;
                }
                node
            }
            _ => {
                return Err(Stop::Syntax(
                    "unsupported event from the parser".into(),
                    span,
                ));
            }
        };
        b.place(node, &mut root)?;
    }
    if !b.stack.is_empty() {
        return Err(Stop::Syntax(
            "the file ends inside a list or mapping (EOF)".into(),
            last,
        ));
    }
    b.budget
        .finish()
        .map_err(|breach| Stop::Limit(breach, last))?;
    Ok(Parsed::new(root.unwrap_or(TNode {
        span: last,
        end: last.end(),
        value: TValue::Null,
    })))
}

/// A scalar without the spaces, tabs and line breaks around it.
fn yaml_trim(s: &str) -> &str {
    s.trim_matches([' ', '\t', '\r', '\n'])
}

/// The base of a number (`0x`, `0o`, `0b` or ten; no legacy octal) and its digits.
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

/// The digits of `radix` with single underscores between them.
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

/// An unsigned integer (a trimmed text not starting with `-`).
fn parse_int_unsigned(t: &str) -> Option<u64> {
    let rest = t.strip_prefix('+').unwrap_or(t);
    let (radix, digits) = radix_and_digits(rest);
    if radix == 10 && digits.starts_with('0') && digits != "0" {
        return None;
    }
    u64::try_from(parse_digits(digits, radix)?).ok()
}

/// A signed integer, for a trimmed text starting with `-`.
fn parse_int_signed(t: &str) -> Option<i64> {
    let rest = t.strip_prefix('-')?;
    let (radix, digits) = radix_and_digits(rest);
    if radix == 10 && digits.starts_with('0') && digits != "0" {
        return None;
    }
    let magnitude = i128::try_from(parse_digits(digits, radix)?).ok()?;
    i64::try_from(magnitude.checked_neg()?).ok()
}

/// A float: the YAML spellings of infinity and NaN, a
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

    fn value(text: &str) -> Result<TValue, String> {
        resolve(Cow::Borrowed(text))
    }

    fn root(text: &str) -> TNode {
        match parse(text, &Limits::default()) {
            Ok(parsed) => parsed.root().clone(),
            Err(e) => panic!("{text:?}: {e:?}"),
        }
    }

    fn error(text: &str) -> SyntaxError {
        match parse(text, &Limits::default()) {
            Ok(parsed) => panic!("{text:?} read as {:?}", parsed.root()),
            Err(e) => e,
        }
    }

    fn entries(node: &TNode) -> Vec<(&str, &TValue)> {
        match &node.value {
            TValue::Map(entries) => entries
                .iter()
                .map(|(k, _, v)| (k.as_str(), &v.value))
                .collect(),
            _ => Vec::new(),
        }
    }

    fn get<'n>(node: &'n TNode, key: &str) -> &'n TNode {
        match &node.value {
            TValue::Map(entries) => entries
                .iter()
                .find(|(k, _, _)| k == key)
                .map_or_else(|| panic!("no {key}"), |(_, _, v)| v),
            _ => panic!("not a mapping"),
        }
    }

    #[test]
    fn scalars_resolve_by_the_core_schema_with_strict_booleans() {
        assert_eq!(value("yes"), Ok(TValue::Str("yes".into())));
        assert_eq!(value("off"), Ok(TValue::Str("off".into())));
        assert_eq!(value("True"), Ok(TValue::Bool(true)));
        assert_eq!(value("~"), Ok(TValue::Null));
        assert_eq!(value(""), Ok(TValue::Null));
        assert_eq!(value("12"), Ok(TValue::UInt(12)));
        assert_eq!(value("+12"), Ok(TValue::UInt(12)));
        assert_eq!(value("1_000"), Ok(TValue::UInt(1000)));
        assert_eq!(value("1__000"), Ok(TValue::Str("1__000".into())));
        assert_eq!(value("0x1F"), Ok(TValue::UInt(31)));
        assert_eq!(value("-3"), Ok(TValue::Int(-3)));
        assert_eq!(value("012"), Ok(TValue::Float(12.0)));
        assert_eq!(value("12.5"), Ok(TValue::Float(12.5)));
        assert_eq!(value("800.000"), Ok(TValue::Float(800.0)));
        assert_eq!(value("inf"), Ok(TValue::Str("inf".into())));
        assert!(value(".inf").is_err());
        assert!(value("1e999").is_err());
        assert_eq!(value("2026-01-01"), Ok(TValue::Str("2026-01-01".into())));
        assert_eq!(
            root("a: \"12\"\n").value,
            TValue::Map(vec![(
                "a".into(),
                Span::new(0, 1),
                TNode {
                    span: Span::new(3, 4),
                    end: 7,
                    value: TValue::Str("12".into())
                }
            )])
        );
    }

    #[test]
    fn keys_are_written_back_as_text() {
        let node = root("1.0: a\n~: b\ntitle: c\n");
        let keys: Vec<&str> = entries(&node).into_iter().map(|(k, _)| k).collect();
        assert_eq!(keys, ["1", "null", "title"]);
    }

    #[test]
    fn an_alias_is_a_copy_of_its_anchor_at_the_alias() {
        let text = "a: &x {b: 1}\nc: *x\n";
        let node = root(text);
        let c = get(&node, "c");
        assert_eq!(entries(c), [("b", &TValue::UInt(1))]);
        let at = Span::new(text.find("*x").unwrap_or_default(), 2);
        assert_eq!(c.span, at);
        assert_eq!(get(c, "b").span, at);
        assert!(error("a: *y\n").message.contains("unknown anchor"));
        assert!(error("a: &a [1, *a]\n").message.contains("recursive"));
    }

    #[test]
    fn merge_keys_add_what_the_mapping_does_not_say_itself() {
        let node = root("base: &b {x: 1, y: 2}\nd:\n  y: 3\n  <<: *b\n");
        assert_eq!(
            entries(get(&node, "d")),
            [("y", &TValue::UInt(3)), ("x", &TValue::UInt(1))]
        );
        let node = root("d:\n  <<: [{x: 1}, {x: 2, z: 3}]\n");
        assert_eq!(
            entries(get(&node, "d")),
            [("x", &TValue::UInt(1)), ("z", &TValue::UInt(3))]
        );
        // A quoted `<<` is an ordinary key.
        assert_eq!(entries(&root("'<<': 1\n")), [("<<", &TValue::UInt(1))]);
        assert!(error("d:\n  <<: 1\n").message.contains("merge value"));
    }

    #[test]
    fn tags_say_what_a_scalar_is() {
        let node =
            root("a: !!str 12\nb: !!int \"12\"\nc: ! 12\nd: !!float 1\ne: !!binary aGVsbG8=\n");
        assert_eq!(
            entries(&node),
            [
                ("a", &TValue::Str("12".into())),
                ("b", &TValue::UInt(12)),
                ("c", &TValue::Str("12".into())),
                ("d", &TValue::Float(1.0)),
                ("e", &TValue::Str("hello".into())),
            ]
        );
        assert_eq!(error("a: !!int x\n").message, "invalid u64");
        assert!(error("a: !!seq {b: 1}\n").message.contains("`!!seq`"));
    }

    #[test]
    fn a_second_document_and_the_limits_are_findings() {
        let e = error("a: 1\n---\nb: 2\n");
        assert_eq!(
            e.kind,
            super::super::yaml::SyntaxErrorKind::MultipleDocuments
        );
        assert_eq!(e.span, Span::new(5, 3));
        let limits = Limits {
            max_depth: 3,
            ..Limits::default()
        };
        let e = parse("a:\n b:\n  c:\n   d: 1\n", &limits).err();
        assert!(matches!(
            e.map(|e| e.kind),
            Some(super::super::yaml::SyntaxErrorKind::Limit(
                super::super::limits::Limit::Depth
            ))
        ));
    }

    #[test]
    fn base64_is_read_as_yaml_writes_it() {
        assert_eq!(base64("aGVsbG8=").as_deref(), Some(&b"hello"[..]));
        assert_eq!(base64("aGVs\n bG8h").as_deref(), Some(&b"hello!"[..]));
        assert_eq!(base64("aGVsbG8"), None);
        assert_eq!(base64("a=GV"), None);
    }
}
