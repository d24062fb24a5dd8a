//! Renderers: the only code that writes bytes a user sees. Each walks the same check results,
//! or (in [`report`]) the same report model, and writes to a `&mut dyn Write`, so tests can
//! render into a `Vec<u8>`.

pub mod concise;
pub mod docx;
pub mod fixes;
pub mod github;
pub mod gitlab;
pub mod html;
pub mod human;
pub mod json;
pub mod junit;
pub mod numbers;
pub mod report;
pub mod rules;
pub mod sarif;

use crate::diagnostic::{Diagnostic, FileResult, Severity};
use crate::lang::Lang;

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

/// Text from a plan made safe for a terminal: control characters (C0 but the line break, DEL,
/// C1) and the bidirectional overrides that reorder what a reader sees are shown as `\u{..}`,
/// so that no escape sequence from a plan reaches the terminal.
#[must_use]
pub fn visible(text: &str) -> String {
    use std::fmt::Write as _;
    let hostile = |c: char| c != '\n' && hostile(c);
    if !text.contains(hostile) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if hostile(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// A character that no output shows as itself: a control character (C0, DEL, C1) or a
/// bidirectional control that reorders what a reader sees (marks, embeddings, overrides,
/// isolates).
#[must_use]
pub fn hostile(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// [`visible`] on one line: line breaks from a plan or a file name are shown as `\n`, so a
/// line-based consumer (a problem matcher, an editor) never sees a forged second finding.
#[must_use]
pub fn on_one_line(text: &str) -> String {
    visible(text).replace('\n', "\\n")
}

/// The word before a finding's help: `help` in English, `tip` in Dutch.
#[must_use]
pub fn help_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "help",
        Lang::Nl => "tip",
    }
}

/// A finding's message in `lang` with its help on a second line (`help: ...`), for formats
/// that carry one text per finding (SARIF, GitHub annotations, JUnit).
#[must_use]
pub fn with_help(d: &Diagnostic, lang: Lang) -> String {
    let mut text = d.message.get(lang).to_string();
    if let Some(help) = &d.help {
        text.push('\n');
        text.push_str(help_word(lang));
        text.push_str(": ");
        text.push_str(help.get(lang));
    }
    text
}
