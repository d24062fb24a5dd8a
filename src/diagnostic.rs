//! Findings are data: a `Diagnostic` names a rule, a severity, the node it is about (a span
//! and its JSON pointer) and what to do. Diagnostics are collected, sorted and handed to a
//! renderer; they never travel through `?`.
//!
//! A diagnostic carries its repairs as data too, as in ruff: zero or more [`Fix`]es, each a list
//! of non-overlapping [`Edit`]s on the checked text with an [`Applicability`] (safe: the meaning
//! is certain; unsafe: a guess). A check that knows the exact text the author meant says so with
//! [`Diagnostic::replacement`], which makes it a safe fix; a "did you mean" is an unsafe one.
//! [`apply_fixes`] applies fixes to a text, for `check --fix` (see the `fix` module) and editors.
//!
//! This is the leaf of the crate: spans, source files, rule metadata and findings depend on
//! nothing else of regioplan, so every other module can use them.

use serde::Serialize;

use crate::lang::Message;

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
    /// One line: what the rule checks, in both languages.
    pub summary: crate::lang::Label,
    /// Why it matters for a regioplan, in both languages.
    pub why: crate::lang::Label,
    /// A YAML fragment that triggers the rule (as users write it: keys stay English).
    pub bad: &'static str,
    /// The same fragment, fixed.
    pub good: &'static str,
    /// What `check --fix` writes for it: "Safe: ...", "Unsafe: ..." (applied with
    /// `--unsafe-fixes`), or "None: ..." and why not; in Dutch "Veilig: ...", "Onveilig: ...",
    /// "Geen: ...".
    pub fix: crate::lang::Label,
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
    pub message: Message,
}

/// One finding about one node of one file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The rule's stable code, e.g. `RP102`.
    pub code: &'static str,
    pub severity: Severity,
    /// Lower-case, names the thing; in both languages.
    pub message: Message,
    /// The node the finding is about.
    pub primary: Label,
    /// Related places ("first defined here").
    pub secondary: Vec<Label>,
    /// What to do about it.
    pub help: Option<Message>,
    /// JSON pointer of the node, e.g. `/themes/3/trekker`. Filled from the span when empty.
    pub path: String,
    /// Ways to repair (or suppress) the finding, most likely first; see [`Fix`].
    pub fixes: Vec<Fix>,
}

/// How certain a [`Fix`] is, as in ruff: `check --fix` applies safe fixes, `--unsafe-fixes`
/// the unsafe ones too. Ordered: `Unsafe < Safe`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// A guess that may change what the plan says: the closest key, id or value, a placeholder
    /// for a missing key, a suppression. A person should look at it.
    Unsafe,
    /// The meaning is certain: the plan says after the fix what its author wrote before it
    /// (quotes around a text, a Dutch thousands dot removed from a count, an exact replacement).
    Safe,
}

impl Applicability {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// One text edit: replace the bytes of `span` in the checked text with `content`. An empty
/// span inserts, an empty `content` deletes. Spans are on [`SourceFile::text`], which has the
/// same byte offsets as the file without its byte order mark.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Edit {
    pub span: Span,
    pub content: String,
}

impl Edit {
    #[must_use]
    pub fn replace(span: Span, content: impl Into<String>) -> Self {
        Self {
            span,
            content: content.into(),
        }
    }

    #[must_use]
    pub fn insert(at: usize, content: impl Into<String>) -> Self {
        Self::replace(Span::new(at, 0), content)
    }
}

/// A repair of one finding: edits that do not overlap, applied together or not at all.
/// Every byte outside the edits (comments, key order, quoting, line endings) stays.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Fix {
    /// What the fix does, for a summary or a quick fix: "replace with `800000`".
    pub message: Message,
    pub applicability: Applicability,
    /// Sorted by position, never overlapping.
    pub edits: Vec<Edit>,
    /// The fix hides the finding with `# regioplan: ignore[CODE]` rather than repairing it.
    pub suppression: bool,
}

impl Fix {
    /// A fix of one edit that replaces `span` with `content`.
    #[must_use]
    pub fn replace(applicability: Applicability, span: Span, content: impl Into<String>) -> Self {
        let content = content.into();
        let message = if content.is_empty() {
            crate::msg!("delete it", "verwijder het")
        } else {
            crate::msg!("replace with `{c}`", "vervang door `{c}`", c = content)
        };
        Self {
            message,
            applicability,
            edits: vec![Edit::replace(span, content)],
            suppression: false,
        }
    }

    /// Sets the message.
    #[must_use]
    pub fn message(mut self, message: impl Into<Message>) -> Self {
        self.message = message.into();
        self
    }

    /// The first and last byte the fix touches.
    #[must_use]
    pub fn range(&self) -> Option<(usize, usize)> {
        let start = self.edits.iter().map(|e| e.span.start).min()?;
        let end = self.edits.iter().map(|e| e.span.end()).max()?;
        Some((start, end))
    }

    /// Whether every edit is inside `text` and on character boundaries.
    #[must_use]
    pub fn applies_to(&self, text: &str) -> bool {
        self.edits.iter().all(|e| {
            e.span.end() <= text.len()
                && text.is_char_boundary(e.span.start)
                && text.is_char_boundary(e.span.end())
        })
    }

    fn overlaps(&self, other: &Fix) -> bool {
        self.edits.iter().any(|a| {
            other.edits.iter().any(|b| {
                a.span.start == b.span.start
                    || (a.span.start < b.span.end() && b.span.start < a.span.end())
            })
        })
    }
}

/// The fixes of `fixes` that can be applied together, in the order given: a fix that overlaps
/// one taken before it (or whose edits overlap each other) is left out for a later round.
#[must_use]
pub fn compatible<'a>(fixes: impl IntoIterator<Item = &'a Fix>) -> Vec<&'a Fix> {
    let mut taken: Vec<&Fix> = Vec::new();
    for fix in fixes {
        let inner = fix.edits.iter().enumerate().any(|(i, a)| {
            fix.edits.iter().skip(i + 1).any(|b| {
                a.span.start == b.span.start
                    || (a.span.start < b.span.end() && b.span.start < a.span.end())
            })
        });
        if !inner && !fix.edits.is_empty() && !taken.iter().any(|t| t.overlaps(fix)) {
            taken.push(fix);
        }
    }
    taken
}

/// `text` with the edits of `fixes` applied: the [`compatible`] ones, in the order given.
/// An edit whose span is outside `text` or not on character boundaries leaves its whole fix
/// out. Every byte outside the applied edits stays as it was.
#[must_use]
pub fn apply_fixes<'a>(text: &str, fixes: impl IntoIterator<Item = &'a Fix>) -> String {
    let mut edits: Vec<&Edit> = compatible(fixes.into_iter().filter(|f| f.applies_to(text)))
        .into_iter()
        .flat_map(|f| &f.edits)
        .collect();
    edits.sort_by_key(|e| e.span.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for edit in edits {
        out.push_str(text.get(at..edit.span.start).unwrap_or_default());
        out.push_str(&edit.content);
        at = edit.span.end();
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

impl Diagnostic {
    /// A diagnostic with the rule's default severity and no label text.
    #[must_use]
    pub fn new(rule: &RuleInfo, span: Span, message: impl Into<Message>) -> Self {
        Self {
            code: rule.code,
            severity: rule.severity,
            message: message.into(),
            primary: Label {
                span,
                message: Message::default(),
            },
            secondary: Vec::new(),
            help: None,
            path: String::new(),
            fixes: Vec::new(),
        }
    }

    /// Records the exact replacement for the primary span's text (without touching the help):
    /// what the author meant, with certainty. It becomes a safe fix. Every rule and loader
    /// check that knows the exact text to write says so here.
    #[must_use]
    pub fn replacement(mut self, replacement: Option<&str>) -> Self {
        if let Some(content) = replacement {
            self.fixes.push(Fix::replace(
                Applicability::Safe,
                self.primary.span,
                content,
            ));
        }
        self
    }

    /// Records a likely replacement for the primary span's text that is a guess (the closest
    /// id, key or value): an unsafe fix. Does not touch the help.
    #[must_use]
    pub fn guess(mut self, replacement: Option<&str>) -> Self {
        if let Some(content) = replacement {
            self.fixes.push(Fix::replace(
                Applicability::Unsafe,
                self.primary.span,
                content,
            ));
        }
        self
    }

    /// Suggests a close replacement for the primary span's text, says so in the help, and
    /// offers it as an unsafe fix.
    #[must_use]
    pub fn did_you_mean(mut self, replacement: &str) -> Self {
        self.help = Some(crate::msg!(
            "did you mean `{r}`?",
            "bedoelt u `{r}`?",
            r = replacement
        ));
        self.guess(Some(replacement))
    }

    /// Adds a fix.
    #[must_use]
    pub fn fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }

    /// The first fix that repairs the finding (not a suppression), if any.
    #[must_use]
    pub fn repair(&self) -> Option<&Fix> {
        self.fixes.iter().find(|f| !f.suppression)
    }

    /// The replacement of the primary span's text that the first fix makes, if it is one edit
    /// of exactly that span ("did you mean" or an exact replacement).
    #[must_use]
    pub fn replacement_text(&self) -> Option<&str> {
        match self.repair()?.edits.as_slice() {
            [edit] if edit.span == self.primary.span => Some(&edit.content),
            _ => None,
        }
    }

    #[must_use]
    pub fn label(mut self, message: impl Into<Message>) -> Self {
        self.primary.message = message.into();
        self
    }

    #[must_use]
    pub fn secondary(mut self, span: Span, message: impl Into<Message>) -> Self {
        self.secondary.push(Label {
            span,
            message: message.into(),
        });
        self
    }

    #[must_use]
    pub fn help(mut self, help: impl Into<Message>) -> Self {
        self.help = Some(help.into());
        self
    }

    #[must_use]
    pub fn help_opt(mut self, help: Option<impl Into<Message>>) -> Self {
        self.help = help.map(Into::into);
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
        // `match_indices` of a `char` searches with `memchr`, several bytes at a time.
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
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

    fn fix(start: usize, len: usize, content: &str) -> Fix {
        Fix::replace(Applicability::Safe, Span::new(start, len), content)
    }

    #[test]
    fn applying_fixes_changes_only_their_edits() {
        let text = "a: 800.000\r\nb: x # c\r\n";
        let fixes = [fix(3, 7, "800000"), fix(15, 0, "\"")];
        assert_eq!(apply_fixes(text, &fixes), "a: 800000\r\nb: \"x # c\r\n");
        assert_eq!(apply_fixes(text, &[]), text);
    }

    #[test]
    fn overlapping_fixes_keep_the_first_and_bad_spans_are_left_out() {
        let text = "trekker: jan";
        let fixes = [fix(9, 3, "j.jansen"), fix(10, 1, "x"), fix(9, 0, "\"")];
        assert_eq!(compatible(&fixes).len(), 1);
        assert_eq!(apply_fixes(text, &fixes), "trekker: j.jansen");
        assert_eq!(apply_fixes(text, &[fix(9, 30, "x")]), text);
        assert_eq!(apply_fixes("é", &[fix(1, 0, "x")]), "é");
    }

    #[test]
    fn offsets_inside_a_character_move_back_to_its_start() {
        let file = SourceFile::new("x", "é".to_string());
        assert_eq!(file.clamp(1), 0);
    }
}
