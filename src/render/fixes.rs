//! What `check --fix` and `check --diff` show: the unified diff of a fixed file, and the
//! summary of what was fixed and what is left.

use std::io::{self, Write};

use super::{on_one_line, plural};
use crate::diagnostic::{Applicability, FileResult};
use crate::fix::Applied;

/// The unified diff (three lines of context) from `before` to `after` of the file `name`;
/// nothing when they are the same.
pub fn diff(out: &mut dyn Write, name: &str, before: &[u8], after: &[u8]) -> io::Result<()> {
    if before == after {
        return Ok(());
    }
    let before = String::from_utf8_lossy(before);
    let after = String::from_utf8_lossy(after);
    let name = on_one_line(name);
    writeln!(out, "--- {name}\n+++ {name}")?;
    let diff = similar::TextDiff::from_lines(before.as_ref(), after.as_ref());
    for hunk in diff.unified_diff().context_radius(3).iter_hunks() {
        writeln!(out, "{}", hunk.header())?;
        for change in hunk.iter_changes() {
            let sign = match change.tag() {
                similar::ChangeTag::Equal => ' ',
                similar::ChangeTag::Delete => '-',
                similar::ChangeTag::Insert => '+',
            };
            let line = change.value();
            write!(out, "{sign}{}", visible_line(line))?;
            if !line.ends_with('\n') {
                writeln!(out, "\n\\ No newline at end of file")?;
            }
        }
    }
    Ok(())
}

/// A line of a plan for the terminal: control characters shown as `\u{..}`, its line ending
/// kept (a `\r` of a Windows line ending is not shown).
fn visible_line(line: &str) -> String {
    let (body, ending) = match line.strip_suffix("\r\n") {
        Some(body) => (body, "\n"),
        None => match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        },
    };
    format!("{}{ending}", super::visible(body))
}

/// One file that was fixed (or would be, with `--diff`).
pub struct FixedFile<'a> {
    pub name: &'a str,
    pub applied: &'a [Applied],
    /// What is left after the fixes.
    pub result: &'a FileResult,
    /// Fixes were left out because the file would have parsed worse.
    pub refused: bool,
}

/// For each file: the fixes applied (or that would be, `would`), what is left, and whether
/// more could be fixed with `--unsafe-fixes`.
pub fn summary(
    out: &mut dyn Write,
    files: &[FixedFile<'_>],
    would: bool,
    unsafe_fixes: bool,
) -> io::Result<()> {
    let verb = if would { "Would fix" } else { "Fixed" };
    for file in files {
        let name = on_one_line(file.name);
        if !file.applied.is_empty() {
            writeln!(
                out,
                "{verb} {} in {name}:",
                plural(file.applied.len(), "finding")
            )?;
            for a in file.applied {
                let how = if a.applicability == Applicability::Safe {
                    "safe"
                } else {
                    "unsafe"
                };
                writeln!(
                    out,
                    "  {} on line {}: {} ({how})",
                    a.code,
                    a.line,
                    on_one_line(&a.message)
                )?;
            }
        }
        if file.refused {
            writeln!(
                out,
                "Some fixes for {name} were left out: the file would not have read as well after them."
            )?;
        }
        let left = &file.result.diagnostics;
        if left.is_empty() {
            if !file.applied.is_empty() {
                writeln!(out, "{name} has no findings left.")?;
            }
            continue;
        }
        let with_unsafe = left
            .iter()
            .filter(|d| {
                d.repair()
                    .is_some_and(|f| f.applicability == Applicability::Unsafe)
            })
            .count();
        let note = if !unsafe_fixes && with_unsafe > 0 {
            format!(
                " ({} an unsafe fix: check the diff of `--diff --unsafe-fixes`, then rerun with `--fix --unsafe-fixes`)",
                if with_unsafe == 1 {
                    "1 has".to_string()
                } else {
                    format!("{with_unsafe} have")
                }
            )
        } else {
            String::new()
        };
        writeln!(
            out,
            "{} left in {name}{note}.",
            plural(left.len(), "finding")
        )?;
    }
    Ok(())
}
