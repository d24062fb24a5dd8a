//! Renderers: the only code that writes bytes a user sees. Each walks the same check results,
//! or (in [`report`]) the same report model, and writes to a `&mut dyn Write`, so tests can
//! render into a `Vec<u8>`.

pub mod concise;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod report;
pub mod rules;
pub mod sarif;

use crate::diagnostic::FileResult;
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

/// The start and end (line, column) of a diagnostic's primary span, as shown to users.
#[must_use]
pub fn positions(
    source: &crate::diagnostic::SourceFile,
    span: crate::diagnostic::Span,
) -> (crate::diagnostic::Position, crate::diagnostic::Position) {
    let range = human::visible(source, span);
    (source.position(range.start), source.position(range.end))
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
