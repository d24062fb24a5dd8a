//! Concise output: `file:line:col: severity[CODE] message`, one finding per line, for problem
//! matchers and editors, then the summary line.

use std::io::{self, Write};

use super::{Summary, positions};
use crate::diagnostic::FileResult;

pub fn write(out: &mut dyn Write, results: &[FileResult], skipped: &[String]) -> io::Result<()> {
    for result in results {
        for d in &result.diagnostics {
            let (start, _) = positions(&result.source, d.primary.span);
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                result.source.name,
                start.line,
                start.column,
                d.severity.as_str(),
                d.code,
                d.message
            )?;
        }
    }
    writeln!(
        out,
        "{}",
        super::human::summary_line(&Summary::of(results), None, skipped)
    )
}
