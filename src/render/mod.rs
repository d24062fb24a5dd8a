//! Renderers: the only code that writes bytes a user sees. Each walks the same check results
//! and writes to a `&mut dyn Write`, so tests can render into a `Vec<u8>`.

pub mod human;
pub mod json;
pub mod rules;

use crate::check::FileResult;
use crate::diagnostic::Severity;

/// Totals over a run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
}

impl Summary {
    #[must_use]
    pub fn of(results: &[FileResult]) -> Self {
        Self {
            files: results.len(),
            errors: results.iter().map(|r| r.count(Severity::Error)).sum(),
            warnings: results.iter().map(|r| r.count(Severity::Warning)).sum(),
        }
    }
}

/// A noun with its count: `1 error`, `2 errors`.
#[must_use]
pub fn plural(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("{count} {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
