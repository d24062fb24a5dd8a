//! The whole check of one file, as a user sees it: load (read, syntax, structure), the semantic
//! rules that the settings switch on, pruning of findings that only follow from a broken part,
//! inline suppressions, `select`/`ignore` and severities, a suppression offered as a fix of each
//! semantic finding, then a stable order. Pure: bytes and settings in, findings out;
//! `commands::check` only gathers files, calls this and renders.

use crate::config::Settings;
use crate::diagnostic::{self, FileResult};
use crate::load::{self, prune};
use crate::plan::catalogue::Catalogue;
use crate::plan::index::Index;
use crate::rules::{self, Context, suppression};

/// Checks the bytes of one file named `name` with the settings that apply to it.
///
/// The file is read under `settings.limits`. The parser recurses once per level of nesting; at
/// the default limit of 64 levels an unoptimised build needs about 3 MiB of stack (an optimised
/// one about 320 KiB), at the highest `max-depth` (500) about eight times as much. The
/// `regioplan` binary runs checks on 64 MiB threads; library callers on small threads should do
/// the same.
#[must_use]
pub fn check_bytes(
    name: &str,
    bytes: &[u8],
    settings: &Settings,
    catalogue: &Catalogue,
) -> FileResult {
    load::structure::prepare();
    check_loaded(
        load::load_with(name, bytes, &settings.limits),
        settings,
        catalogue,
    )
}

/// The result of a file larger than `max-file-size` (not read): its one finding, RP006.
#[must_use]
pub fn check_too_large(
    name: &str,
    size: Option<u64>,
    settings: &Settings,
    catalogue: &Catalogue,
) -> FileResult {
    check_loaded(
        load::too_large(name, size, &settings.limits),
        settings,
        catalogue,
    )
}

/// Checks a file found in a directory: `None` when it is YAML but not a regioplan (such a
/// file is skipped and named in the summary, see `load::Loaded::not_a_plan`).
#[must_use]
pub fn check_found(
    name: &str,
    bytes: &[u8],
    settings: &Settings,
    catalogue: &Catalogue,
) -> Option<FileResult> {
    load::structure::prepare();
    let loaded = load::load_with(name, bytes, &settings.limits);
    (!loaded.not_a_plan).then(|| check_loaded(loaded, settings, catalogue))
}

fn check_loaded(loaded: load::Loaded, settings: &Settings, catalogue: &Catalogue) -> FileResult {
    let enabled = |code: &str| settings.enabled(code);
    let mut found = loaded.diagnostics;
    if let (Some(plan), Some(tree)) = (&loaded.plan, &loaded.tree) {
        let index = Index::build(plan);
        let cx = Context::new(plan, &index, tree, catalogue, settings.as_of);
        let mut semantic = rules::run(&cx, enabled);
        semantic.retain(|d| !prune::consequential(d, &loaded.pruned, &loaded.source));
        load::fill_paths(&mut semantic, tree);
        found.extend(semantic);
    }
    diagnostic::sort(&mut found);
    let mut diagnostics = settings.apply(suppression::apply(&loaded.source, found, enabled));
    suppression::offer(&loaded.source, &mut diagnostics);
    diagnostic::sort(&mut diagnostics);
    FileResult {
        source: loaded.source,
        diagnostics,
    }
}
