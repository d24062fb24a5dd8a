//! The layers point one way: no cycle between the top-level modules of `src/` (`plan`, `load`,
//! `rules`, `render`, ...). A cycle means none of its modules can be read, tested or changed
//! without the others.
//!
//! The graph is read from the source text, without compiling: in `src/<top>.rs` and every file
//! under `src/<top>/`, each `crate::<other>` path (in `use` lines and in code), each name in a
//! `use crate::{a, b::c}` group, and each `super::super::<other>` that climbs out of `<top>` is
//! an edge `<top> -> <other>`. Comments and everything from a file's first `#[cfg(test)]` on
//! (unit tests) are left out. Inline `mod name { ... }` blocks are not tracked, so a `super`
//! inside one is resolved as if it were at the file's top level.
//!
//! `cargo test --test layers -- --nocapture` prints the graph.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// `(from, to)` -> the `file:line` places that make the edge.
type Edges = BTreeMap<(String, String), Vec<String>>;

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The identifier at the start of `text`.
fn ident(text: &str) -> &str {
    let end = text.find(|c: char| !is_ident(c)).unwrap_or(text.len());
    &text[..end]
}

/// The text of `source` without `//` comments and without its unit tests.
fn code(source: &str) -> String {
    let source = source
        .find("#[cfg(test)]")
        .map_or(source, |cut| &source[..cut]);
    source
        .lines()
        .map(|line| line.find("//").map_or(line, |at| &line[..at]))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The names a `use crate::{...}` group starts with: `{a, b::{c, d}, e}` -> a, b, e.
fn group_names(group: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let (mut depth, mut start) = (0usize, 0usize);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                names.push(ident(group[start..i].trim()));
                start = i + 1;
            }
            _ => {}
        }
    }
    names.push(ident(group[start..].trim()));
    names.into_iter().filter(|n| !n.is_empty()).collect()
}

/// The top-level modules that `code` (of the file at `module_path`, e.g. `["load", "yaml"]`)
/// names, each with the line it is named on.
fn uses(code: &str, module_path: &[String]) -> Vec<(String, usize)> {
    let line_of = |at: usize| code[..at].matches('\n').count() + 1;
    let before = |at: usize| code[..at].chars().next_back();
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        if before(at).is_some_and(is_ident) {
            continue;
        }
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The group up to its closing brace.
            let mut depth = 1;
            let end = group
                .char_indices()
                .find(|&(_, c)| {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    depth == 0
                })
                .map_or(group.len(), |(i, _)| i);
            for name in group_names(&group[..end]) {
                found.push((name.to_string(), line_of(at)));
            }
        } else {
            found.push((ident(rest).to_string(), line_of(at)));
        }
    }
    for (at, _) in code.match_indices("super::") {
        if before(at).is_some_and(|c| is_ident(c) || c == ':') {
            continue; // inside a chain counted from its first `super`
        }
        let mut rest = &code[at..];
        let mut levels = 0;
        while let Some(next) = rest.strip_prefix("super::") {
            levels += 1;
            rest = next;
        }
        if levels == module_path.len() {
            found.push((ident(rest).to_string(), line_of(at)));
        }
    }
    found.retain(|(name, _)| !name.is_empty() && name != "self");
    found
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir)
        .expect("readable directory")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|x| x == "rs") {
            found.push(path);
        }
    }
}

/// The modules of `src` and the edges between them.
fn graph(src: &Path) -> (BTreeSet<String>, Edges) {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut modules = BTreeSet::new();
    let mut found = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(src).expect("under src");
        let mut module_path: Vec<String> = relative
            .with_extension("")
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if module_path.len() > 1 && module_path.last().is_some_and(|m| m == "mod") {
            module_path.pop();
        }
        let top = module_path[0].clone();
        modules.insert(top.clone());
        let source = std::fs::read_to_string(file).expect("UTF-8 source");
        for (other, line) in uses(&code(&source), &module_path) {
            let place = format!("src/{}:{line}", relative.display());
            found.push((top.clone(), other, place));
        }
    }
    let mut edges = Edges::new();
    for (from, to, place) in found {
        if from != to && modules.contains(&to) {
            edges.entry((from, to)).or_default().push(place);
        }
    }
    (modules, edges)
}

/// The groups of two or more modules that reach each other: the cycles.
fn cycles(modules: &BTreeSet<String>, edges: &Edges) -> Vec<BTreeSet<String>> {
    let reach = |start: &String| -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut todo = vec![start.clone()];
        while let Some(m) = todo.pop() {
            for (_, to) in edges.keys().filter(|(from, _)| *from == m) {
                if seen.insert(to.clone()) {
                    todo.push(to.clone());
                }
            }
        }
        seen
    };
    let reaches: BTreeMap<&String, BTreeSet<String>> =
        modules.iter().map(|m| (m, reach(m))).collect();
    let mut groups: Vec<BTreeSet<String>> = Vec::new();
    for m in modules {
        if !reaches[m].contains(m) || groups.iter().any(|g| g.contains(m)) {
            continue;
        }
        let group = modules
            .iter()
            .filter(|o| *o == m || (reaches[m].contains(*o) && reaches[*o].contains(m)))
            .cloned()
            .collect();
        groups.push(group);
    }
    groups
}

/// The graph as `layers.py` prints it, then each cycle with the lines that close it.
fn describe(modules: &BTreeSet<String>, edges: &Edges, cycles: &[BTreeSet<String>]) -> String {
    let mut text = String::from("Top-level modules and what each uses:\n");
    for m in modules {
        let uses: Vec<&str> = edges
            .keys()
            .filter(|(from, _)| from == m)
            .map(|(_, to)| to.as_str())
            .collect();
        if uses.is_empty() && (m == "lib" || m == "main") {
            continue;
        }
        let uses = if uses.is_empty() {
            "(nothing)".to_string()
        } else {
            uses.join(", ")
        };
        let _ = writeln!(text, "  {m:<12} -> {uses}");
    }
    for cycle in cycles {
        let names: Vec<&str> = cycle.iter().map(String::as_str).collect();
        let _ = writeln!(text, "\nCycle: {}", names.join(" <-> "));
        for ((from, to), places) in edges {
            if cycle.contains(from) && cycle.contains(to) {
                let _ = writeln!(text, "  {from} uses {to}: {}", places.join(", "));
            }
        }
    }
    text
}

#[test]
fn the_top_level_modules_of_src_form_no_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let (modules, edges) = graph(&src);
    assert!(modules.len() >= 8, "{modules:?}");
    let cycles = cycles(&modules, &edges);
    let text = describe(&modules, &edges, &cycles);
    eprintln!("{text}"); // `cargo test --test layers -- --nocapture` shows the graph
    assert!(
        cycles.is_empty(),
        "the layers of src/ are tangled; a lower module may not use one above it.\n{text}"
    );
}

/// The guard above can only pass honestly if it sees every way of naming another module.
#[test]
fn every_way_of_naming_another_module_is_an_edge() {
    let source = "\
//! Uses crate::commented_out in a comment, which is no edge.
use crate::plan::Plan;
use crate::{diagnostic::Diagnostic, rules::{self, Rule}};
use super::sibling;
use super::super::render::Renderer;
pub(crate) fn f() { crate::load::read(); }
#[cfg(test)]
mod tests { use crate::testing; }
";
    let names: Vec<(String, usize)> = uses(&code(source), &["check".into(), "inner".into()]);
    let names: Vec<(&str, usize)> = names.iter().map(|(n, l)| (n.as_str(), *l)).collect();
    assert_eq!(
        names,
        [
            ("plan", 2),
            ("diagnostic", 3),
            ("rules", 3),
            ("load", 6),
            ("render", 5),
        ]
    );
}

#[test]
fn a_cycle_is_found_with_the_lines_that_close_it() {
    let modules: BTreeSet<String> = ["plan", "load", "rules", "render"].map(String::from).into();
    let mut edges = Edges::new();
    for (from, to) in [
        ("render", "rules"),
        ("rules", "plan"),
        ("plan", "load"),
        ("load", "rules"),
    ] {
        edges.insert((from.into(), to.into()), vec![format!("src/{from}.rs:1")]);
    }
    let found = cycles(&modules, &edges);
    assert_eq!(
        found,
        [BTreeSet::from(["load", "plan", "rules"].map(String::from))]
    );
    let text = describe(&modules, &edges, &found);
    assert!(text.contains("Cycle: load <-> plan <-> rules"), "{text}");
    assert!(text.contains("plan uses load: src/plan.rs:1"), "{text}");
    assert!(!text.contains("render uses"), "{text}");

    edges.remove(&("plan".into(), "load".into()));
    assert!(cycles(&modules, &edges).is_empty());
}
