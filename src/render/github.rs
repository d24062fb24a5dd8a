//! GitHub Actions workflow commands: one `::error` or `::warning` annotation per finding, shown
//! on the line of the pull request's diff.

use std::io::{self, Write};

use super::{Summary, positions};
use crate::diagnostic::FileResult;
use crate::diagnostic::Severity;
use crate::lang::Lang;
use crate::rules;

pub fn write(
    out: &mut dyn Write,
    results: &[FileResult],
    skipped: &[String],
    lang: Lang,
) -> io::Result<()> {
    for result in results {
        for d in &result.diagnostics {
            let (start, end) = positions(&result.source, d.primary.span);
            let level = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let name = rules::find(d.code).map_or("", |r| r.name);
            let message = super::with_help(d, lang);
            writeln!(
                out,
                "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                property(&result.source.name),
                start.line,
                start.column,
                end.line,
                end.column,
                property(&format!("{} {name}", d.code)),
                data(&message)
            )?;
        }
    }
    writeln!(
        out,
        "{}",
        super::human::summary_line(&Summary::of(results), None, skipped, lang)
    )
}

/// Escapes a workflow command's message, GitHub's way (`%`, `\r` and `\n` percent-encoded, so
/// that a plan cannot end the command and start another, such as `::add-mask::`), after showing
/// control characters as visible escapes (a workflow log shows terminal colours and more).
fn data(text: &str) -> String {
    super::visible(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_escape_what_github_would_misread() {
        assert_eq!(data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
