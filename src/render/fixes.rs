//! What `check --fix` and `check --diff` show: the unified diff of a fixed file, and the
//! summary of what was fixed and what is left.

use std::io::{self, Write};

use super::on_one_line;
use crate::diagnostic::{Applicability, FileResult};
use crate::fix::Applied;
use crate::lang::{Count, Lang, Noun};
use crate::msg;

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
    lang: Lang,
) -> io::Result<()> {
    const FINDING: Noun = Noun {
        en: ["finding", "findings"],
        nl: ["bevinding", "bevindingen"],
    };
    for file in files {
        let name = on_one_line(file.name);
        if !file.applied.is_empty() {
            let n = Count(file.applied.len(), FINDING);
            let line = if would {
                msg!(
                    "Would fix {n} in {name}:",
                    "Zou {n} herstellen in {name}:",
                    n = n,
                    name = name
                )
            } else {
                msg!(
                    "Fixed {n} in {name}:",
                    "{n} hersteld in {name}:",
                    n = n,
                    name = name
                )
            };
            writeln!(out, "{}", line.get(lang))?;
            for a in file.applied {
                let how = if a.applicability == Applicability::Safe {
                    msg!("safe", "veilig")
                } else {
                    msg!("unsafe", "onveilig")
                };
                let line = msg!(
                    "  {code} on line {line}: {what} ({how})",
                    "  {code} op regel {line}: {what} ({how})",
                    code = a.code,
                    line = a.line,
                    what = on_one_line(a.message.get(lang)),
                    how = how
                );
                writeln!(out, "{}", line.get(lang))?;
            }
        }
        if file.refused {
            let line = msg!(
                "Some fixes for {name} were left out: the file would not have read as well after them.",
                "Enkele herstelacties voor {name} zijn weggelaten: het bestand zou daarna slechter te lezen zijn.",
                name = name
            );
            writeln!(out, "{}", line.get(lang))?;
        }
        let left = &file.result.diagnostics;
        if left.is_empty() {
            if !file.applied.is_empty() {
                let line = msg!(
                    "{name} has no findings left.",
                    "{name} heeft geen bevindingen meer.",
                    name = name
                );
                writeln!(out, "{}", line.get(lang))?;
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
        let note = (!unsafe_fixes && with_unsafe > 0).then(|| {
            if with_unsafe == 1 {
                msg!(
                    " (1 has an unsafe fix: check the diff of `--diff --unsafe-fixes`, then rerun with `--fix --unsafe-fixes`)",
                    " (voor 1 is er een onveilige herstelactie: bekijk de wijzigingen met `--diff --unsafe-fixes` en herhaal dan met `--fix --unsafe-fixes`)"
                )
            } else {
                msg!(
                    " ({n} have an unsafe fix: check the diff of `--diff --unsafe-fixes`, then rerun with `--fix --unsafe-fixes`)",
                    " (voor {n} is er een onveilige herstelactie: bekijk de wijzigingen met `--diff --unsafe-fixes` en herhaal dan met `--fix --unsafe-fixes`)",
                    n = with_unsafe
                )
            }
        });
        let line = msg!(
            "{n} left in {name}{note}.",
            "{n} over in {name}{note}.",
            n = Count(left.len(), FINDING),
            name = name,
            note = note
        );
        writeln!(out, "{}", line.get(lang))?;
    }
    Ok(())
}
