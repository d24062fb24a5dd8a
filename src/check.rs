//! The check pipeline for one file: load (read, syntax, structure), then the semantic rules,
//! then sorting. Pure: bytes in, diagnostics out.

use chrono::NaiveDate;

use crate::diagnostic::{self, Diagnostic, Severity, SourceFile};
use crate::load;
use crate::plan::catalogue::Catalogue;
use crate::plan::index::Index;
use crate::rules::{self, Context};

/// Settings for a check run.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// Measurements may not be later than this date.
    pub as_of: NaiveDate,
    pub catalogue: Catalogue,
}

/// The outcome for one file.
#[derive(Debug)]
pub struct FileResult {
    pub source: SourceFile,
    pub diagnostics: Vec<Diagnostic>,
}

impl FileResult {
    #[must_use]
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Checks the bytes of one file.
///
/// The parser recurses once per level of nesting; at the limit of 64 levels an unoptimised build
/// needs about 3 MiB of stack (an optimised one about 320 KiB). The `regioplan` binary runs checks
/// on 64 MiB threads; library callers on small threads should do the same.
#[must_use]
pub fn check_bytes(name: &str, bytes: &[u8], options: &CheckOptions) -> FileResult {
    let loaded = load::load(name, bytes);
    let mut diagnostics = loaded.diagnostics;
    if let (Some(plan), Some(tree)) = (&loaded.plan, &loaded.tree) {
        let index = Index::build(plan);
        let cx = Context {
            plan,
            index: &index,
            tree,
            catalogue: &options.catalogue,
            as_of: options.as_of,
        };
        let mut found = rules::run(&cx);
        found.retain(|d| !load::prune::consequential(d, &loaded.pruned, &loaded.source));
        load::fill_paths(&mut found, tree);
        diagnostics.extend(found);
    }
    diagnostic::sort(&mut diagnostics);
    FileResult {
        source: loaded.source,
        diagnostics,
    }
}
