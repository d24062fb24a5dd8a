//! Concise output: `file:line:col: severity[CODE] message`, one finding per line, for problem
//! matchers and editors, then the summary line.

use std::io::{self, Write};

use super::{Summary, positions};
use crate::diagnostic::FileResult;
use crate::lang::Lang;

pub fn write(
    out: &mut dyn Write,
    results: &[FileResult],
    skipped: &[String],
    lang: Lang,
) -> io::Result<()> {
    for result in results {
        for d in &result.diagnostics {
            let (start, _) = positions(&result.source, d.primary.span);
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                super::on_one_line(&result.source.name),
                start.line,
                start.column,
                d.severity.as_str(),
                d.code,
                super::on_one_line(d.message.get(lang))
            )?;
        }
    }
    writeln!(
        out,
        "{}",
        super::human::summary_line(&Summary::of(results), None, skipped, lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Diagnostic, SourceFile, Span};
    use crate::rules::references::UNKNOWN_PERSON;

    #[test]
    fn a_plan_cannot_forge_a_line_or_drive_the_terminal() {
        let result = FileResult {
            source: SourceFile::new("a\nb.yaml", "trekker: x\n".into()),
            diagnostics: vec![Diagnostic::new(
                &UNKNOWN_PERSON,
                Span::new(9, 1),
                crate::msg!(
                    "unknown person `x\n::error file=y::forged\u{1b}[2J`",
                    "unknown person `x\n::error file=y::forged\u{1b}[2J`"
                ),
            )],
        };
        let mut out = Vec::new();
        write(&mut out, &[result], &[], Lang::En).expect("writes");
        let text = String::from_utf8(out).expect("UTF-8");
        let first = text.lines().next().expect("a line");
        assert_eq!(
            first,
            "a\\nb.yaml:1:10: error[RP102] unknown person `x\\n::error file=y::forged\\u{1b}[2J`"
        );
        assert_eq!(
            text.lines().count(),
            2,
            "one finding and the summary: {text}"
        );
    }
}
