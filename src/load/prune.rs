//! Pruning a structurally broken tree so the semantic rules can still check the sound rest.
//!
//! Each structural finding removes the smallest thing that makes the plan readable: an unknown
//! key is dropped, and any other problem removes the list item it lies in (the theme, goal,
//! person, ... that is broken), or the key itself outside lists. What was removed is remembered,
//! so that findings that would only follow from the removal are not reported: a reference to a
//! removed theme, no deciding body after a broken one was removed, or a theme "without trekker"
//! whose `trekkr:` was misspelt. One problem, one diagnostic.

use std::collections::BTreeSet;

use super::yaml::{TNode, Tree, unescape_pointer};
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::rules::{governance, references, structure};

/// What pruning removed.
#[derive(Debug, Clone, Default)]
pub struct Pruned {
    /// Ids of removed items.
    pub ids: BTreeSet<String>,
    /// Top-level keys under which something was removed, e.g. `governance`.
    pub sections: BTreeSet<String>,
    /// Byte ranges of the list items (themes, goals, seats, ...) that held a structural
    /// finding; a misspelt key there makes the real key look absent.
    pub tainted: Vec<(usize, usize)>,
}

/// Rules that report something absent: after a misspelt key they would report the typo again.
const ABSENCE: [&str; 7] = [
    "RP112", "RP301", "RP302", "RP303", "RP304", "RP305", "RP306",
];

/// The tree without the parts the structural findings are about.
#[must_use]
pub fn prune(tree: &Tree, findings: &[Diagnostic]) -> (TNode, Pruned) {
    let mut pruned = Pruned::default();
    let mut targets: Vec<String> = Vec::new();
    for finding in findings
        .iter()
        .filter(|d| d.code != structure::DUPLICATE_KEY.code)
    {
        let item = innermost_item(tree, &finding.path);
        if let Some(node) = item.as_deref().and_then(|p| tree.root.at(p)) {
            pruned.tainted.push((node.span.start, node.end));
        }
        targets.push(if finding.code == structure::UNKNOWN_KEY.code {
            finding.path.clone()
        } else {
            item.unwrap_or_else(|| finding.path.clone())
        });
    }
    targets.sort();
    targets.dedup();
    // Keep only the outermost of nested targets.
    let outermost: Vec<&String> = targets
        .iter()
        .filter(|t| {
            !targets.iter().any(|o| {
                o != *t && t.starts_with(o.as_str()) && t.as_bytes().get(o.len()) == Some(&b'/')
            })
        })
        .collect();
    // Remove later nodes first, so that list indices of earlier ones stay valid.
    let mut ordered: Vec<(usize, &String)> = outermost
        .into_iter()
        .map(|t| (tree.nodes.get(t.as_str()).map_or(0, |n| n.value.start), t))
        .collect();
    ordered.sort_by_key(|(start, _)| std::cmp::Reverse(*start));
    let mut root = tree.root.clone();
    for (_, pointer) in ordered {
        if let Some(removed) = root.remove(pointer) {
            if let Some(id) = removed.id() {
                pruned.ids.insert(id.to_string());
            }
            if let Some(section) = pointer.split('/').nth(1) {
                pruned.sections.insert(unescape_pointer(section));
            }
        }
    }
    (root, pruned)
}

/// The innermost list item (a theme, a goal, a seat, ...) around a node, if any.
fn innermost_item(tree: &Tree, pointer: &str) -> Option<String> {
    let mut prefix = String::new();
    let mut item = None;
    for segment in pointer.split('/').skip(1) {
        let parent_is_list = tree
            .value
            .pointer(&prefix)
            .is_some_and(serde_json::Value::is_array);
        prefix.push('/');
        prefix.push_str(segment);
        if parent_is_list {
            item = Some(prefix.clone());
        }
    }
    item
}

/// Drops semantic findings that only follow from pruning.
#[must_use]
pub fn consequential(finding: &Diagnostic, pruned: &Pruned, source: &SourceFile) -> bool {
    if finding.code == governance::NO_DECIDING_BODY.code {
        return pruned.sections.contains("governance");
    }
    let at = finding.primary.span.start;
    if ABSENCE.contains(&finding.code)
        && pruned
            .tainted
            .iter()
            .any(|(start, end)| (*start..=*end).contains(&at))
    {
        return true;
    }
    let is_reference = references::UNKNOWN_CODES.contains(&finding.code);
    if !is_reference {
        return false;
    }
    let span = finding.primary.span;
    let text = source.text.get(span.start..span.end()).unwrap_or_default();
    pruned
        .ids
        .contains(text.trim_matches(|c| c == '"' || c == '\''))
}
