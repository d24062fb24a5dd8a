//! `JUnit` XML: one test suite per file, one failing test case per finding (or one passing
//! case for a clean file), for CI systems that show test reports.

use std::io::{self, Write};
use std::time::Duration;

use super::{Summary, positions};
use crate::diagnostic::FileResult;
use crate::diagnostic::Severity;
use crate::lang::Lang;
use crate::rules;

pub fn write(
    out: &mut dyn Write,
    results: &[FileResult],
    elapsed: Duration,
    lang: Lang,
) -> io::Result<()> {
    // Errors are failures; warnings are passing cases that carry their text, so a report of a
    // run that passes by default (`--fail-on error`) is not red.
    let summary = Summary::of(results);
    let tests: usize = results.iter().map(|r| r.diagnostics.len().max(1)).sum();
    let failures = summary.errors;
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="regioplan check" tests="{tests}" failures="{failures}" errors="0" time="{:.3}">"#,
        elapsed.as_secs_f64()
    )?;
    for result in results {
        let name = escape(&result.source.name);
        let cases = result.diagnostics.len().max(1);
        writeln!(
            out,
            r#"  <testsuite name="{name}" tests="{cases}" failures="{}" errors="0" skipped="0">"#,
            result.count(Severity::Error)
        )?;
        if result.diagnostics.is_empty() {
            writeln!(out, r#"    <testcase name="check" classname="{name}"/>"#)?;
        }
        for d in &result.diagnostics {
            let (start, _) = positions(&result.source, d.primary.span);
            let rule = rules::find(d.code).map_or("", |r| r.name);
            let kind = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            writeln!(
                out,
                r#"    <testcase name="{} {rule} at line {}, column {}" classname="{name}">"#,
                d.code, start.line, start.column
            )?;
            let body = format!(
                "{}:{}:{}: {kind}[{}] {}",
                result.source.name,
                start.line,
                start.column,
                d.code,
                super::with_help(d, lang)
            );
            if d.severity == Severity::Error {
                writeln!(
                    out,
                    r#"      <failure message="{}" type="{}">{}</failure>"#,
                    escape(d.message.get(lang)),
                    d.code,
                    escape(&body)
                )?;
            } else {
                writeln!(out, "      <system-out>{}</system-out>", escape(&body))?;
            }
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
    }
    writeln!(out, "</testsuites>")
}

/// Escapes text for XML content and attributes; replaces characters XML 1.0 cannot hold and the
/// C1 controls by `U+FFFD`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' | '\r' => out.push(' '),
            // What XML 1.0 cannot hold, and the C1 controls (an 8-bit CSI) it can but a terminal
            // showing the file would obey.
            c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escaping_covers_markup_and_control_characters() {
        assert_eq!(
            escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"
        );
        assert_eq!(escape("a\u{1}b\u{9b}2J"), "a\u{FFFD}b\u{FFFD}2J");
    }
}
