//! Reading the sound rest of a structurally broken plan, so the semantic rules can still check it.
//!
//! Each structural finding changes the tree as little as possible: a misspelt key is read as
//! the key it resembles, an unknown key is dropped, a wrong value is dropped; if the plan still
//! cannot be read (a required key is gone), the list item around the failure (the theme, goal,
//! person, ...) is left out, repeatedly, until it can. What was changed is remembered, so that
//! findings that would only follow from it are not reported: a reference to a removed theme, no
//! deciding body after a broken one was removed, or a theme "without trekker" whose `trekkr:`
//! was dropped. One problem, one diagnostic.

use std::borrow::Cow;
use std::collections::BTreeSet;

use super::de::from_node;
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::plan::Plan;
use crate::rules::{self, Pruning, structure};
use crate::tree::{Lookup, TNode, TValue, Tree};

/// What was left out or changed.
#[derive(Debug, Clone, Default)]
pub struct Pruned {
    /// Ids of removed items.
    pub ids: BTreeSet<String>,
    /// Top-level keys under which something was removed, e.g. `governance`.
    pub sections: BTreeSet<String>,
    /// Byte ranges of the list items (themes, goals, seats, ...) that held a structural finding.
    pub tainted: Vec<(usize, usize)>,
}

/// How many list items may be left out before giving up on the semantic checks.
const MAX_REMOVED_ITEMS: usize = 256;

/// The plan read from the tree without its broken parts, if anything readable remains, with
/// the findings of values the schema lets through but the plan's types do not (a count written
/// `800.000`, RP017) that were found on the way.
///
/// Each such value is left out on its own (the smallest node that holds it), so the rest of
/// its mapping stays; only when that is not enough (a required key is gone) is the list item
/// around it left out, repeatedly, until the plan can be read.
#[must_use]
pub fn readable_rest(
    tree: &Tree,
    findings: &[Diagnostic],
    text: &str,
) -> Option<(Plan, Pruned, Vec<Diagnostic>)> {
    let mut pruned = Pruned::default();
    let mut found = Vec::new();
    // The tree is copied only when something is to be left out or renamed: a sound plan is
    // read from the tree itself (a copy of a large plan's tree was the peak of its memory).
    let mut root = Cow::Borrowed(&tree.root);
    // One lookup for all findings: a wide mapping is indexed once, not scanned per finding.
    let mut lookup = Lookup::new(tree);
    // Later nodes first, so that earlier offsets stay where they are (they do anyway: nodes
    // are found by their start offset, which no removal changes).
    let mut ordered: Vec<(Option<usize>, &Diagnostic)> = findings
        .iter()
        .filter(|d| d.code != structure::DUPLICATE_KEY.code)
        .map(|d| (start_of(&mut lookup, &d.path), d))
        .collect();
    ordered.sort_by_key(|(start, _)| std::cmp::Reverse(*start));
    for (start, finding) in ordered {
        if let Some(item) = innermost_item(&mut lookup, &finding.path).and_then(|p| lookup.at(&p)) {
            pruned.tainted.push((item.span.start, item.end));
        }
        let Some(start) = start else {
            continue;
        };
        let renamed = finding.code == structure::UNKNOWN_KEY.code
            && finding
                .replacement_text()
                .is_some_and(|key| rename(root.to_mut(), start, key));
        if !renamed {
            remove(
                root.to_mut(),
                &mut lookup,
                start,
                &finding.path,
                &mut pruned,
            );
        }
    }
    // Nodes left out on their own; a second failure at one of them takes its list item.
    let mut removed_alone = BTreeSet::new();
    for _ in 0..MAX_REMOVED_ITEMS {
        match from_node::<Plan>(&root) {
            Ok(plan) => return Some((plan, pruned, found)),
            Err(error) => {
                let span = error.span?;
                let pointer = tree.pointer_at(span.start)?;
                let model = super::model_error(&error, text);
                if model.code != structure::INTERNAL.code
                    && !found.iter().any(|d: &Diagnostic| d.primary.span == span)
                {
                    found.push(model.path(pointer.clone()));
                }
                let alone = !pointer.is_empty()
                    && removed_alone.insert(pointer.clone())
                    && start_of(&mut lookup, &pointer).is_some_and(|start| {
                        remove(root.to_mut(), &mut lookup, start, &pointer, &mut pruned)
                    });
                if alone {
                    if let Some(item) =
                        innermost_item(&mut lookup, &pointer).and_then(|p| lookup.at(&p))
                    {
                        pruned.tainted.push((item.span.start, item.end));
                    }
                    continue;
                }
                let item = innermost_item(&mut lookup, &pointer)?;
                let start = start_of(&mut lookup, &item)?;
                if !remove(root.to_mut(), &mut lookup, start, &item, &mut pruned) {
                    return None;
                }
            }
        }
    }
    None
}

/// Where the node at a pointer starts in the original tree.
fn start_of(lookup: &mut Lookup<'_>, pointer: &str) -> Option<usize> {
    lookup.spans(pointer).map(|n| n.value.start)
}

/// Removes the outermost entry or item whose value starts at `start`; records what it was.
fn remove(
    root: &mut TNode,
    lookup: &mut Lookup<'_>,
    start: usize,
    pointer: &str,
    pruned: &mut Pruned,
) -> bool {
    let Some(taken) = take(root, start) else {
        return false;
    };
    // As written, before earlier changes to it (a dropped unknown key may hold its id).
    let removed = lookup.at(pointer).unwrap_or(&taken);
    match removed.id() {
        Some(id) => {
            pruned.ids.insert(id.to_string());
        }
        // Without a readable `id` (`di: wg-ggz`), any of its texts may be the id others use.
        None => {
            if let TValue::Map(entries) = &removed.value {
                for (_, _, value) in entries {
                    if let TValue::Str(text) = &value.value {
                        pruned.ids.insert(text.clone());
                    }
                }
            }
        }
    }
    if let Some(section) = pointer.split('/').nth(1) {
        pruned
            .sections
            .insert(crate::tree::unescape_pointer(section));
    }
    true
}

fn take(node: &mut TNode, start: usize) -> Option<TNode> {
    match &mut node.value {
        TValue::Seq(items) => {
            if let Some(i) = position_of_start(items, |n| n.span.start, start) {
                return Some(items.remove(i));
            }
            items
                .iter_mut()
                .filter(|n| n.span.start <= start && start <= n.end)
                .find_map(|n| take(n, start))
        }
        TValue::Map(entries) => {
            if let Some(i) = position_of_start(entries, |(_, _, n)| n.span.start, start) {
                return Some(entries.remove(i).2);
            }
            entries
                .iter_mut()
                .filter(|(_, _, n)| n.span.start <= start && start <= n.end)
                .find_map(|(_, _, n)| take(n, start))
        }
        _ => None,
    }
}

/// A child whose value starts at `start`. Children are in source order, so binary search finds
/// it; aliases and merge keys can break that order, so a miss is checked by a scan.
fn position_of_start<T>(
    children: &[T],
    start_of: impl Fn(&T) -> usize,
    start: usize,
) -> Option<usize> {
    let i = children.partition_point(|c| start_of(c) < start);
    if children.get(i).is_some_and(|c| start_of(c) == start) {
        return Some(i);
    }
    children.iter().position(|c| start_of(c) == start)
}

/// Renames the mapping entry whose value starts at `start` to `key`, unless the mapping already
/// has that key.
fn rename(node: &mut TNode, start: usize, key: &str) -> bool {
    let TValue::Map(entries) = &mut node.value else {
        return match &mut node.value {
            TValue::Seq(items) => items
                .iter_mut()
                .filter(|n| n.span.start <= start && start <= n.end)
                .any(|n| rename(n, start, key)),
            _ => false,
        };
    };
    if let Some(i) = entries.iter().position(|(_, _, n)| n.span.start == start) {
        if entries.iter().any(|(k, _, _)| k == key) {
            return false;
        }
        if let Some(entry) = entries.get_mut(i) {
            entry.0 = key.to_string();
            return true;
        }
    }
    entries
        .iter_mut()
        .filter(|(_, _, n)| n.span.start <= start && start <= n.end)
        .any(|(_, _, n)| rename(n, start, key))
}

/// The innermost list item (a theme, a goal, a seat, ...) around a node, if any.
fn innermost_item(lookup: &mut Lookup<'_>, pointer: &str) -> Option<String> {
    let mut prefix = String::new();
    let mut item = None;
    for segment in pointer.split('/').skip(1) {
        let parent_is_list = lookup
            .at(&prefix)
            .is_some_and(|n| matches!(n.value, TValue::Seq(_)));
        prefix.push('/');
        prefix.push_str(segment);
        if parent_is_list {
            item = Some(prefix.clone());
        }
    }
    item
}

/// Whether a semantic finding only follows from what was left out.
#[must_use]
pub fn consequential(finding: &Diagnostic, pruned: &Pruned, source: &SourceFile) -> bool {
    let Some(rule) = rules::find(finding.code) else {
        return false;
    };
    let at = finding.primary.span.start;
    match rule.pruning {
        Pruning::Independent => false,
        Pruning::Section(section) => pruned.sections.contains(section),
        Pruning::Absence => pruned
            .tainted
            .iter()
            .any(|(start, end)| (*start..=*end).contains(&at)),
        Pruning::Reference => {
            let span = finding.primary.span;
            let text = source.text.get(span.start..span.end()).unwrap_or_default();
            pruned
                .ids
                .contains(text.trim_matches(|c| c == '"' || c == '\''))
        }
    }
}
