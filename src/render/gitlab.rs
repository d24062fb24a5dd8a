//! GitLab Code Quality report: a JSON array of issues, shown in merge requests.

use std::io::{self, Write};

use serde::Serialize;

use super::positions;
use crate::diagnostic::FileResult;
use crate::diagnostic::Severity;
use crate::lang::Lang;
use crate::rules;

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

pub fn write(out: &mut dyn Write, results: &[FileResult], lang: Lang) -> io::Result<()> {
    let mut issues = Vec::new();
    let mut seen = std::collections::HashMap::new();
    for result in results {
        for d in &result.diagnostics {
            // Stable across runs and line moves: file, rule, node and message, and which of
            // several identical findings this is (two reasonless suppressions in one file).
            // The English message, so that a finding keeps its fingerprint in either language.
            let base = [result.source.name.as_str(), d.code, &d.path, d.message.en()];
            let occurrence: &mut usize = seen.entry(fingerprint(&base)).or_default();
            *occurrence += 1;
            let nth = occurrence.to_string();
            let (start, end) = positions(&result.source, d.primary.span);
            let name = rules::find(d.code).map_or("", |r| r.name);
            issues.push(Issue {
                description: format!("{} {}", d.code, d.message.get(lang)),
                check_name: name,
                fingerprint: fingerprint(&[base[0], base[1], base[2], base[3], &nth]),
                severity: match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                location: Location {
                    path: &result.source.name,
                    lines: Lines {
                        begin: start.line,
                        end: end.line,
                    },
                },
            });
        }
    }
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}

/// A 128-bit FNV-1a hash in hex: stable across platforms and versions.
fn fingerprint(parts: &[&str]) -> String {
    let mut hash: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    for part in parts {
        for byte in part.bytes().chain(std::iter::once(0)) {
            hash ^= u128::from(byte);
            hash = hash.wrapping_mul(0x0000_0000_0100_0000_0000_0000_0000_013b);
        }
    }
    format!("{hash:032x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_findings_get_distinct_fingerprints() {
        use crate::diagnostic::FileResult;
        use crate::diagnostic::Span;
        use crate::diagnostic::{Diagnostic, SourceFile};
        use crate::rules::suppression::SUPPRESSION_WITHOUT_REASON as RULE;
        let finding = |at| {
            Diagnostic::new(
                &RULE,
                Span::new(at, 1),
                crate::msg!(
                    "suppression without a reason",
                    "suppression without a reason"
                ),
            )
        };
        let result = FileResult {
            source: SourceFile::new("x.yaml", "a\nb\n".to_string()),
            diagnostics: vec![finding(0), finding(2)],
        };
        let mut out = Vec::new();
        write(&mut out, &[result], Lang::En).expect("render");
        let issues: serde_json::Value = serde_json::from_slice(&out).expect("json");
        assert_ne!(issues[0]["fingerprint"], issues[1]["fingerprint"]);
    }

    #[test]
    fn fingerprints_differ_by_part_boundaries() {
        assert_ne!(fingerprint(&["ab", "c"]), fingerprint(&["a", "bc"]));
        assert_eq!(fingerprint(&["x"]).len(), 32);
    }
}
