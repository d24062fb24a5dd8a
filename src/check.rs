//! The whole check of one file, as a user sees it: load (read, syntax, structure), the semantic
//! rules that the settings switch on, pruning of findings that only follow from a broken part,
//! inline suppressions, `select`/`ignore` and severities, a suppression offered as a fix of each
//! semantic finding, then a stable order. Pure: bytes and settings in, findings out;
//! `commands::check` only gathers files, calls this and renders.
//! [`usable`] is the one decision whether a plan loads for `report`, `gaps` and `diff`.

use crate::config::Settings;
use crate::config::file::Level;
use crate::diagnostic::{self, FileResult};
use crate::load::{self, prune};
use crate::plan::catalogue::Catalogue;
use crate::plan::index::Index;
use crate::rules::{self, Context, suppression};

/// Checks the bytes of one file named `name` with the settings that apply to it. Given the
/// bytes by value (a `Vec<u8>`), the plan's text is made of them without a copy.
///
/// The file is read under `settings.limits`. The parser recurses once per level of nesting; at
/// the default limit of 64 levels an unoptimised build needs about 3 MiB of stack (an optimised
/// one about 320 KiB), at the highest `max-depth` (500) about eight times as much. The
/// `regioplan` binary runs checks on 64 MiB threads; library callers on small threads should do
/// the same.
#[must_use]
pub fn check_bytes<'a>(
    name: &str,
    bytes: impl Into<std::borrow::Cow<'a, [u8]>>,
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
pub fn check_found<'a>(
    name: &str,
    bytes: impl Into<std::borrow::Cow<'a, [u8]>>,
    settings: &Settings,
    catalogue: &Catalogue,
) -> Option<FileResult> {
    load::structure::prepare();
    let loaded = load::load_with(name, bytes, &settings.limits);
    (!loaded.not_a_plan).then(|| check_loaded(loaded, settings, catalogue))
}

fn check_loaded(
    mut loaded: load::Loaded,
    settings: &Settings,
    catalogue: &Catalogue,
) -> FileResult {
    let diagnostics = findings(&mut loaded, settings, catalogue, &|code| {
        settings.enabled(code)
    });
    FileResult {
        source: loaded.source,
        diagnostics,
    }
}

/// A plan that loads for `report`, `gaps` and `diff`.
#[derive(Debug)]
pub struct Usable {
    pub source: diagnostic::SourceFile,
    pub plan: crate::plan::Plan,
}

/// The one policy of `report`, `gaps` and `diff`: a plan loads when no error remains after the
/// whole check, with its inline suppressions and the settings (`select`, `ignore`,
/// severities) applied; warnings never stop it. Otherwise the check's result, whose errors
/// say why.
///
/// Only the rules whose findings are errors under the settings run (a warning cannot stop a
/// plan), unless a finding about a suppression can be an error: then every rule runs, so that
/// a suppression of a warning is not taken for unused.
///
/// # Errors
/// The file's errors (and its structural findings) when an error remains or the file is not
/// a plan.
pub fn usable(
    mut loaded: load::Loaded,
    settings: &Settings,
    catalogue: &Catalogue,
) -> Result<Usable, FileResult> {
    let can_fail: Vec<&str> = rules::ALL
        .iter()
        .filter(|r| can_be_error(settings, r.code, r.severity))
        .map(|r| r.code)
        .collect();
    let all = can_fail.iter().any(|code| code.starts_with("RP9"));
    let diagnostics = findings(&mut loaded, settings, catalogue, &|code| {
        if all {
            settings.enabled(code)
        } else {
            can_fail.contains(&code)
        }
    });
    let failed = diagnostics
        .iter()
        .any(|d| d.severity == diagnostic::Severity::Error);
    match loaded.plan {
        Some(plan) if !failed => Ok(Usable {
            source: loaded.source,
            plan,
        }),
        _ => Err(FileResult {
            source: loaded.source,
            diagnostics,
        }),
    }
}

/// Whether a finding of the rule `code` (of default `severity`) is an error under
/// `settings`: the rule is on, and its severity after the settings is error.
fn can_be_error(settings: &Settings, code: &str, severity: diagnostic::Severity) -> bool {
    settings.enabled(code)
        && match settings.level(code) {
            Some(Level::Error) => true,
            Some(Level::Warning | Level::Off) => false,
            None => severity == diagnostic::Severity::Error,
        }
}

/// Every finding of a loaded file as the user sees it, sorted, from the rules `enabled` lets
/// run.
fn findings(
    loaded: &mut load::Loaded,
    settings: &Settings,
    catalogue: &Catalogue,
    enabled: &dyn Fn(&str) -> bool,
) -> Vec<diagnostic::Diagnostic> {
    let mut found = std::mem::take(&mut loaded.diagnostics);
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
    diagnostics
}
