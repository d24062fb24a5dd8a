//! Findings are data: a `Diagnostic` names a rule, a severity, the node it is about (a span
//! and its JSON pointer) and what to do. Diagnostics are collected, sorted and handed to a
//! renderer; they never travel through `?`.
//!
//! This is the leaf of the crate: spans, source files, rule metadata and findings depend on
//! nothing else of regioplan, so every other module can use them.

use serde::Serialize;

/// A byte range in a source file. `len` may be 0 for positions (a mapping's start).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub len: usize,
}

impl Span {
    #[must_use]
    pub fn new(start: usize, len: usize) -> Self {
        Self { start, len }
    }

    #[must_use]
    pub fn end(&self) -> usize {
        self.start + self.len
    }
}

/// What a finding's code means: the documentation and default severity of one rule. The
/// registry in `rules` pairs each with the check that reports it.
#[derive(Debug)]
pub struct RuleInfo {
    /// Stable code, e.g. `RP102`.
    pub code: &'static str,
    /// Kebab-case name, e.g. `unknown-person`.
    pub name: &'static str,
    pub severity: Severity,
    /// One line: what the rule checks.
    pub summary: &'static str,
    /// Why it matters for a regioplan.
    pub why: &'static str,
    /// A YAML fragment that triggers the rule.
    pub bad: &'static str,
    /// The same fragment, fixed.
    pub good: &'static str,
}

/// How bad a finding is. Ordered: `Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A span with a message, shown under the source line.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

/// One finding about one node of one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The rule's stable code, e.g. `RP102`.
    pub code: &'static str,
    pub severity: Severity,
    /// Lower-case, names the thing.
    pub message: String,
    /// The node the finding is about.
    pub primary: Label,
    /// Related places ("first defined here").
    pub secondary: Vec<Label>,
    /// What to do about it.
    pub help: Option<String>,
    /// JSON pointer of the node, e.g. `/themes/3/trekker`. Filled from the span when empty.
    pub path: String,
    /// A likely replacement for the text of the primary span ("did you mean"), for editors
    /// and tools; also what the structural pruning reads a misspelt key as.
    pub replacement: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with the rule's default severity and no label text.
    #[must_use]
    pub fn new(rule: &RuleInfo, span: Span, message: impl Into<String>) -> Self {
        Self {
            code: rule.code,
            severity: rule.severity,
            message: message.into(),
            primary: Label {
                span,
                message: String::new(),
            },
            secondary: Vec::new(),
            help: None,
            path: String::new(),
            replacement: None,
        }
    }

    /// Records a likely replacement for the primary span's text (without touching the help).
    #[must_use]
    pub fn replacement(mut self, replacement: Option<&str>) -> Self {
        self.replacement = replacement.map(String::from);
        self
    }

    /// Suggests a replacement for the primary span's text, and says so in the help.
    #[must_use]
    pub fn did_you_mean(mut self, replacement: &str) -> Self {
        self.help = Some(format!("did you mean `{replacement}`?"));
        self.replacement = Some(replacement.to_string());
        self
    }

    #[must_use]
    pub fn label(mut self, message: impl Into<String>) -> Self {
        self.primary.message = message.into();
        self
    }

    #[must_use]
    pub fn secondary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.secondary.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    #[must_use]
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    #[must_use]
    pub fn help_opt(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    #[must_use]
    pub fn path(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }
}

/// The text of a checked file, with a line index for positions.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it (or `<stdin>`).
    pub name: String,
    /// The text; invalid UTF-8 is replaced so that snippets can still be shown.
    pub text: String,
    line_starts: Vec<usize>,
}

/// A 1-based line and column (column counted in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl SourceFile {
    #[must_use]
    pub fn new(name: impl Into<String>, text: String) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(
            text.bytes()
                .enumerate()
                .filter(|&(_, b)| b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Self {
            name: name.into(),
            text,
            line_starts,
        }
    }

    /// The line and column of a byte offset (clamped to the text).
    #[must_use]
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.clamp(offset);
        let line_index = self
            .line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let line_start = self.line_starts.get(line_index).copied().unwrap_or(0);
        let column = self
            .text
            .get(line_start..offset)
            .map_or(offset - line_start, |s| s.chars().count());
        Position {
            line: line_index + 1,
            column: column + 1,
        }
    }

    /// A byte offset clamped to the text and moved back to a character boundary.
    #[must_use]
    pub fn clamp(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while offset > 0 && !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// The byte offset where a 1-based line starts, if the line exists.
    #[must_use]
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line.checked_sub(1)?).copied()
    }
}

/// One checked file with its findings, as a renderer shows them.
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

/// Sorts diagnostics by position, then code, and drops exact duplicates.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| {
        (a.primary.span.start, a.code, &a.message).cmp(&(b.primary.span.start, b.code, &b.message))
    });
    diagnostics.dedup_by(|a, b| {
        a.code == b.code && a.primary.span == b.primary.span && a.message == b.message
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters_from_one() {
        let file = SourceFile::new("x", "a: 1\nnaam: é x\n".to_string());
        assert_eq!(file.position(0), Position { line: 1, column: 1 });
        assert_eq!(file.position(5), Position { line: 2, column: 1 });
        // `x` comes after a two-byte `é`: byte 14, character column 9.
        assert_eq!(file.position(14), Position { line: 2, column: 9 });
        assert_eq!(file.position(1000), Position { line: 3, column: 1 });
    }

    #[test]
    fn offsets_inside_a_character_move_back_to_its_start() {
        let file = SourceFile::new("x", "é".to_string());
        assert_eq!(file.clamp(1), 0);
    }
}
