//! JSON output: one document with the files, their diagnostics and a summary.

use std::io::{self, Write};

use serde::Serialize;

use super::Summary;
use crate::diagnostic::FileResult;
use crate::diagnostic::{Applicability, Diagnostic, Position, Severity, SourceFile};
use crate::lang::Lang;
use crate::rules;

#[derive(Serialize)]
struct Document<'a> {
    version: &'static str,
    files: Vec<File<'a>>,
    /// YAML files found in a directory that are not a regioplan, left unchecked.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    skipped: &'a [String],
    summary: Summary,
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'a str,
    rule: &'a str,
    severity: Severity,
    message: &'a str,
    path: &'a str,
    start: Position,
    end: Position,
    label: &'a str,
    related: Vec<Related<'a>>,
    help: Option<&'a str>,
    replacement: Option<&'a str>,
    fixes: Vec<JsonFix<'a>>,
}

/// A fix: edits on the file's text, with byte offsets and positions.
#[derive(Serialize)]
struct JsonFix<'a> {
    message: &'a str,
    applicability: Applicability,
    suppression: bool,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    start: Position,
    end: Position,
    /// Byte offsets in the file's text (after a byte order mark), end exclusive.
    start_byte: usize,
    end_byte: usize,
    content: &'a str,
}

#[derive(Serialize)]
struct Related<'a> {
    start: Position,
    end: Position,
    message: &'a str,
}

use super::positions as range;

fn convert<'a>(source: &SourceFile, d: &'a Diagnostic, lang: Lang) -> JsonDiagnostic<'a> {
    let (start, end) = range(source, d.primary.span);
    JsonDiagnostic {
        code: d.code,
        rule: rules::find(d.code).map_or("", |r| r.name),
        severity: d.severity,
        message: d.message.get(lang),
        path: &d.path,
        start,
        end,
        label: d.primary.message.get(lang),
        related: d
            .secondary
            .iter()
            .map(|l| {
                let (start, end) = range(source, l.span);
                Related {
                    start,
                    end,
                    message: l.message.get(lang),
                }
            })
            .collect(),
        help: d.help.as_ref().map(|h| h.get(lang)),
        replacement: d.replacement_text(),
        fixes: d
            .fixes
            .iter()
            .map(|f| JsonFix {
                message: f.message.get(lang),
                applicability: f.applicability,
                suppression: f.suppression,
                edits: f
                    .edits
                    .iter()
                    .map(|e| JsonEdit {
                        start: source.position(e.span.start),
                        end: source.position(e.span.end()),
                        start_byte: e.span.start,
                        end_byte: e.span.end(),
                        content: &e.content,
                    })
                    .collect(),
            })
            .collect(),
    }
}

/// Writes the JSON document followed by a newline.
pub fn write(
    out: &mut dyn Write,
    results: &[FileResult],
    skipped: &[String],
    lang: Lang,
) -> io::Result<()> {
    let document = Document {
        version: env!("CARGO_PKG_VERSION"),
        files: results
            .iter()
            .map(|r| File {
                path: &r.source.name,
                diagnostics: r
                    .diagnostics
                    .iter()
                    .map(|d| convert(&r.source, d, lang))
                    .collect(),
            })
            .collect(),
        skipped,
        summary: Summary::of(results),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
