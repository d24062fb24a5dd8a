//! Fixing a file: apply the fixes its findings carry, check again, repeat a few rounds (as ruff
//! does), and keep the result only when it parses at least as well as the file did.
//!
//! Pure: bytes and settings in, bytes and findings out. Writing the file (atomically, keeping
//! its permissions) or showing a diff is for `commands::check`.

use crate::check::check_bytes;
use crate::config::Settings;
use crate::diagnostic::{Applicability, Diagnostic, FileResult, Fix, apply_fixes, compatible};
use crate::plan::catalogue::Catalogue;
use crate::rules::structure as r;

/// How many rounds of fixing and checking again: a fix can make another one possible (a text
/// that parses after quoting shows its misspelt key), and a fix that does not remove its finding
/// must not loop forever.
pub const MAX_ROUNDS: usize = 8;

/// One fix that was applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The code of the finding it fixed.
    pub code: &'static str,
    /// The line of the finding, 1-based, in the text before that round.
    pub line: usize,
    /// What the fix did.
    pub message: crate::lang::Message,
    pub applicability: Applicability,
    pub suppression: bool,
}

/// The outcome of fixing one file.
#[derive(Debug)]
pub struct Fixed {
    /// The fixed bytes; the original bytes when nothing was applied.
    pub bytes: Vec<u8>,
    /// The fixes applied, round by round.
    pub applied: Vec<Applied>,
    /// The check of `bytes`: what is left.
    pub result: FileResult,
    /// A round of fixes was left out because the file would have parsed worse after it.
    pub refused: bool,
}

impl Fixed {
    /// Whether the bytes differ from the file's.
    #[must_use]
    pub fn changed(&self) -> bool {
        !self.applied.is_empty()
    }
}

/// The fix of a finding that `check --fix` applies at `wanted`: its first fix that is at least
/// as certain. A finding with a repair and a suppression gets the repair; `--unsafe-fixes`
/// suppresses (with a placeholder reason that RP902 reports) only what nothing repairs.
#[must_use]
pub fn chosen(diagnostic: &Diagnostic, wanted: Applicability) -> Option<&Fix> {
    diagnostic.fixes.iter().find(|f| f.applicability >= wanted)
}

/// Fixes the bytes of one file named `name`, checked with `settings`, applying the fixes at
/// least as certain as `wanted`.
#[must_use]
pub fn fix_bytes(
    name: &str,
    bytes: &[u8],
    settings: &Settings,
    catalogue: &Catalogue,
    wanted: Applicability,
) -> Fixed {
    fix_with(bytes, wanted, |b| check_bytes(name, b, settings, catalogue))
}

/// [`fix_bytes`] with the check given: `check` checks the bytes of a version of the file.
fn fix_with(bytes: &[u8], wanted: Applicability, check: impl Fn(&[u8]) -> FileResult) -> Fixed {
    const BOM: &[u8] = b"\xEF\xBB\xBF";
    let first = check(bytes);
    // Spans are on the text after a byte order mark; a file that is not UTF-8 is not fixed.
    let (bom, body) = match bytes.strip_prefix(BOM) {
        Some(body) => (BOM, body),
        None => (&[][..], bytes),
    };
    let Ok(mut text) = std::str::from_utf8(body).map(str::to_string) else {
        return Fixed {
            bytes: bytes.to_vec(),
            applied: Vec::new(),
            result: first,
            refused: false,
        };
    };
    let mut result = first;
    let mut applied = Vec::new();
    let mut refused = false;
    for _ in 0..MAX_ROUNDS {
        let candidates: Vec<(&Diagnostic, &Fix)> = result
            .diagnostics
            .iter()
            .filter_map(|d| chosen(d, wanted).map(|f| (d, f)))
            .filter(|(_, f)| f.applies_to(&text))
            .collect();
        let taken = compatible(candidates.iter().map(|(_, f)| *f));
        if taken.is_empty() {
            break;
        }
        let next = apply_fixes(&text, taken.iter().copied());
        if next == text {
            break;
        }
        let mut with_bom = bom.to_vec();
        with_bom.extend_from_slice(next.as_bytes());
        let checked = check(&with_bom);
        if parse_level(&checked) < parse_level(&result) {
            refused = true;
            break;
        }
        applied.extend(
            candidates
                .iter()
                .filter(|(_, f)| taken.iter().any(|t| std::ptr::eq(*t, *f)))
                .map(|(d, f)| Applied {
                    code: d.code,
                    line: result.source.position(d.primary.span.start).line,
                    message: f.message.clone(),
                    applicability: f.applicability,
                    suppression: f.suppression,
                }),
        );
        text = next;
        result = checked;
    }
    let mut out = bom.to_vec();
    out.extend_from_slice(text.as_bytes());
    Fixed {
        bytes: if applied.is_empty() {
            bytes.to_vec()
        } else {
            out
        },
        applied,
        result,
        refused,
    }
}

/// How far a file gets: 0 it does not parse, 1 it parses but its structure is broken, 2 its
/// structure is sound.
fn parse_level(result: &FileResult) -> u8 {
    let code_in = |codes: &[&str]| result.diagnostics.iter().any(|d| codes.contains(&d.code));
    if code_in(&[
        r::NOT_UTF8.code,
        r::SYNTAX.code,
        r::EMPTY.code,
        r::MULTIPLE_DOCUMENTS.code,
        r::LIMIT.code,
        r::NOT_A_PLAN.code,
    ]) {
        0
    } else if result.diagnostics.iter().any(|d| d.code.starts_with("RP0")) {
        1
    } else {
        2
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Edit, Span};
    use crate::rules::references::UNKNOWN_PERSON;

    fn fix(applicability: Applicability, suppression: bool) -> Fix {
        Fix {
            message: crate::lang::Message::default(),
            applicability,
            edits: vec![Edit::insert(0, "x")],
            suppression,
        }
    }

    #[test]
    fn a_fix_that_would_make_the_file_parse_worse_is_not_applied() {
        use crate::diagnostic::SourceFile;
        use crate::rules::structure::SYNTAX;
        // A fake check: the plan as written has one finding whose fix breaks the YAML.
        let check = |bytes: &[u8]| {
            let text = String::from_utf8_lossy(bytes).into_owned();
            let diagnostics = if text.starts_with('[') {
                vec![Diagnostic::new(
                    &SYNTAX,
                    Span::new(0, 1),
                    crate::msg!("not closed", "niet gesloten"),
                )]
            } else {
                let breaks = Fix::replace(Applicability::Safe, Span::new(0, 0), "[");
                vec![
                    Diagnostic::new(
                        &UNKNOWN_PERSON,
                        Span::new(0, 1),
                        crate::msg!("unknown person", "onbekende persoon"),
                    )
                    .fix(breaks),
                ]
            };
            FileResult {
                source: SourceFile::new("x.yaml", text),
                diagnostics,
            }
        };
        let fixed = fix_with(b"a: 1\n", Applicability::Safe, check);
        assert!(fixed.refused);
        assert!(!fixed.changed());
        assert_eq!(fixed.bytes, b"a: 1\n");
        assert_eq!(fixed.result.diagnostics[0].code, "RP102");
    }

    #[test]
    fn the_repair_is_chosen_before_the_suppression_and_safe_mode_takes_no_guess() {
        let d = Diagnostic::new(
            &UNKNOWN_PERSON,
            Span::new(0, 1),
            crate::msg!("unknown person", "onbekende persoon"),
        )
        .fix(fix(Applicability::Unsafe, false))
        .fix(fix(Applicability::Unsafe, true));
        assert_eq!(chosen(&d, Applicability::Safe), None);
        assert!(chosen(&d, Applicability::Unsafe).is_some_and(|f| !f.suppression));
        let safe = Diagnostic::new(
            &UNKNOWN_PERSON,
            Span::new(0, 1),
            crate::msg!("unknown person", "onbekende persoon"),
        )
        .fix(fix(Applicability::Safe, false));
        assert!(chosen(&safe, Applicability::Safe).is_some());
    }
}
