//! Human output: rustc-style snippets with the node underlined, and a summary line.

use std::io::{self, Write};
use std::time::Duration;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::{Summary, plural};
use crate::diagnostic::FileResult;
use crate::diagnostic::Span;
use crate::diagnostic::{Diagnostic, Severity, SourceFile};

/// Writes every diagnostic of every file, then the summary line (with the time, if given, and
/// the files skipped because they are not a regioplan).
pub fn write(
    out: &mut dyn Write,
    results: &[FileResult],
    skipped: &[String],
    color: bool,
    elapsed: Option<Duration>,
) -> io::Result<()> {
    write_diagnostics(out, results, color)?;
    writeln!(
        out,
        "{}",
        summary_line(&Summary::of(results), elapsed, skipped)
    )
}

/// Writes every diagnostic of every file, without a summary.
pub fn write_diagnostics(
    out: &mut dyn Write,
    results: &[FileResult],
    color: bool,
) -> io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for result in results {
        for diagnostic in &result.diagnostics {
            let report = report(&result.source, diagnostic);
            writeln!(out, "{}\n", renderer.render(&report))?;
        }
    }
    Ok(())
}

/// `Checked 3 files in 12 ms: 2 errors, 1 warning.` or `...: no problems found.`, followed by
/// `Skipped 1 file that is not a regioplan: .pre-commit-config.yaml.` when files were skipped.
#[must_use]
pub fn summary_line(summary: &Summary, elapsed: Option<Duration>, skipped: &[String]) -> String {
    let mut files = plural(summary.files, "file");
    if let Some(elapsed) = elapsed {
        files = format!("{files} in {} ms", elapsed.as_millis());
    }
    let checked = if summary.errors == 0 && summary.warnings == 0 {
        format!("Checked {files}: no problems found.")
    } else {
        format!(
            "Checked {files}: {}, {}.",
            plural(summary.errors, "error"),
            plural(summary.warnings, "warning")
        )
    };
    if skipped.is_empty() {
        checked
    } else {
        format!("{checked} {}", skipped_line(skipped))
    }
}

/// `Skipped 2 files that are not a regioplan: a.yaml, b.yml.`, naming at most five.
#[must_use]
pub fn skipped_line(skipped: &[String]) -> String {
    const SHOWN: usize = 5;
    let what = if skipped.len() == 1 {
        "1 file that is not a regioplan".to_string()
    } else {
        format!("{} files that are not a regioplan", skipped.len())
    };
    let names = skipped
        .iter()
        .take(SHOWN)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    let more = match skipped.len().checked_sub(SHOWN) {
        Some(rest) if rest > 0 => format!(" and {rest} more"),
        _ => String::new(),
    };
    format!("Skipped {what}: {names}{more}.")
}

fn report<'a>(source: &'a SourceFile, d: &'a Diagnostic) -> Vec<Group<'a>> {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let mut snippet = Snippet::source(source.text.as_str())
        .path(shown(&source.name, super::on_one_line))
        .line_start(1)
        .fold(true)
        .annotation(
            AnnotationKind::Primary
                .span(visible(source, d.primary.span))
                .label(d.primary.message.as_str()),
        );
    for label in &d.secondary {
        snippet = snippet.annotation(
            AnnotationKind::Context
                .span(visible(source, label.span))
                .label(label.message.as_str()),
        );
    }
    let mut group = level
        .primary_title(shown(&d.message, super::visible))
        .id(d.code)
        .element(snippet);
    if let Some(help) = &d.help {
        group = group.element(Level::HELP.message(shown(help, super::visible)));
    }
    vec![group]
}

/// `text` as it is, or made safe by `escape` when it holds a control character or a line break
/// (a file name or a plan's text in a message must not drive the terminal).
fn shown(text: &str, escape: fn(&str) -> String) -> std::borrow::Cow<'_, str> {
    if text
        .chars()
        .any(|c| c.is_control() || ('\u{200e}'..='\u{2069}').contains(&c))
    {
        std::borrow::Cow::Owned(escape(text))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A byte range to underline: on character boundaries, and at least the token at an empty span.
#[must_use]
pub fn visible(source: &SourceFile, span: Span) -> std::ops::Range<usize> {
    let text = source.text.as_str();
    let start = source.clamp(span.start);
    let mut end = source.clamp(span.end()).max(start);
    if end == start {
        end = text
            .get(start..)
            .and_then(|rest| {
                rest.find(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | ']' | '}'))
            })
            .map_or(text.len(), |i| start + i);
        if end == start {
            end = text
                .get(start..)
                .and_then(|r| r.chars().next())
                .map_or(start, |c| start + c.len_utf8());
        }
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_or_message_cannot_drive_the_terminal() {
        let result = FileResult {
            source: SourceFile::new("a\u{1b}[2J\nb.yaml", "trekker: x\n".into()),
            diagnostics: vec![Diagnostic::new(
                &crate::rules::references::UNKNOWN_PERSON,
                Span::new(9, 1),
                "unknown person `x\u{7}`",
            )],
        };
        let mut out = Vec::new();
        write_diagnostics(&mut out, &[result], false).expect("writes");
        let text = String::from_utf8(out).expect("UTF-8");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
        assert!(text.contains("a\\u{1b}[2J\\nb.yaml:1:10"), "{text}");
        assert!(text.contains("unknown person `x\\u{7}`"), "{text}");
    }

    #[test]
    fn an_empty_span_underlines_the_token_it_starts() {
        let source = SourceFile::new("x", "region:\n  name: x\n".to_string());
        assert_eq!(visible(&source, Span::new(10, 0)), 10..14);
        assert_eq!(visible(&source, Span::new(99, 0)), 18..18);
    }

    #[test]
    fn skipped_files_are_named_at_most_five() {
        let names: Vec<String> = (1..=7).map(|i| format!("f{i}.yaml")).collect();
        assert_eq!(
            skipped_line(&names[..1]),
            "Skipped 1 file that is not a regioplan: f1.yaml."
        );
        assert_eq!(
            skipped_line(&names),
            "Skipped 7 files that are not a regioplan: f1.yaml, f2.yaml, f3.yaml, f4.yaml, \
             f5.yaml and 2 more."
        );
    }

    #[test]
    fn summary_counts_use_singular_and_plural() {
        let s = Summary {
            files: 1,
            errors: 2,
            warnings: 1,
        };
        assert_eq!(
            summary_line(&s, None, &[]),
            "Checked 1 file: 2 errors, 1 warning."
        );
        let clean = Summary {
            files: 3,
            errors: 0,
            warnings: 0,
        };
        let took = Some(Duration::from_millis(12));
        assert_eq!(
            summary_line(&clean, took, &[]),
            "Checked 3 files in 12 ms: no problems found."
        );
    }
}
