//! Inline suppressions (`RP9xx`): `# regioplan: ignore[RP102] reason`.
//!
//! A comment on a line of its own suppresses the listed codes on the next line; a comment at
//! the end of a line suppresses them on that line. A suppression must give a reason and must
//! suppress something, so that silenced findings stay visible in review.

use super::{Pruning, Rule, RuleInfo};
use crate::diagnostic::Severity::Warning;
use crate::diagnostic::Span;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, SourceFile};
use crate::lang::Plain;

pub static UNUSED_SUPPRESSION: Rule = Rule {
    info: RuleInfo {
        code: "RP901",
        name: "unused-suppression",
        severity: Warning,
        summary: crate::lang::Label {
            en: "A `# regioplan: ignore[...]` comment that suppresses nothing.",
            nl: "Een commentaar `# regioplan: ignore[...]` dat niets onderdrukt.",
        },
        why: crate::lang::Label {
            en: "A stale suppression hides the next real finding on that line; remove it once the \
                 problem is fixed.",
            nl: "Een verouderde onderdrukking verbergt de volgende echte melding op die regel; \
                 verwijder haar zodra het probleem is opgelost.",
        },
        bad: "# regioplan: ignore[RP102] trekker volgt na de ALV\ntrekker: f.francke   # f.francke exists\n",
        good: "trekker: f.francke\n",
        fix: crate::lang::Label {
            en: "Safe: the unused code removed, or the whole comment when it is the only code \
                 (with its line when the comment is on a line of its own). Unsafe while the plan \
                 has structure findings: part of it is not checked, so the suppression may be \
                 needed once they are fixed.",
            nl: "Veilig: de ongebruikte code verwijderd, of het hele commentaar als het de enige \
                 code is (met de regel erbij als het commentaar op een eigen regel staat). \
                 Onveilig zolang het plan structuurfouten heeft: een deel ervan is niet \
                 gecontroleerd, dus de onderdrukking is misschien nodig zodra die zijn opgelost.",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static SUPPRESSION_WITHOUT_REASON: Rule = Rule {
    info: RuleInfo {
        code: "RP902",
        name: "suppression-without-reason",
        severity: Warning,
        summary: crate::lang::Label {
            en: "A suppression that does not say why.",
            nl: "Een onderdrukking die niet zegt waarom.",
        },
        why: crate::lang::Label {
            en: "Reviewers and the next policy officer need to know why a finding is accepted.",
            nl: "Wie het plan beoordeelt, en de volgende beleidsmedewerker, moeten weten waarom \
                 een melding wordt geaccepteerd.",
        },
        bad: "# regioplan: ignore[RP304]\n- id: ggz-3\n",
        good: "# regioplan: ignore[RP304] indicator wordt in Q3 met de werkgroep bepaald\n- id: ggz-3\n",
        fix: crate::lang::Label {
            en: "None: the reason is for a person to write.",
            nl: "Geen: de reden schrijft een persoon.",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static UNKNOWN_RULE_CODE: Rule = Rule {
    info: RuleInfo {
        code: "RP903",
        name: "unknown-rule-code",
        severity: Warning,
        summary: crate::lang::Label {
            en: "A rule code in a suppression or in regioplan.toml that names no rule.",
            nl: "Een regelcode in een onderdrukking of in regioplan.toml die bij geen enkele \
                 regel hoort.",
        },
        why: crate::lang::Label {
            en: "A misspelt code suppresses or selects nothing, so the intended setting silently \
                 has no effect.",
            nl: "Een verkeerd gespelde code onderdrukt of selecteert niets, dus de bedoelde \
                 instelling heeft ongemerkt geen effect.",
        },
        bad: "# regioplan: ignore[RP1022] ...\n",
        good: "# regioplan: ignore[RP102] ...\n",
        fix: crate::lang::Label {
            en: "Unsafe: the rule code the given one resembles, when one is close.",
            nl: "Onveilig: de regelcode die op de opgegeven code lijkt, als er een dichtbij ligt.",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};

pub static MALFORMED_SUPPRESSION: Rule = Rule {
    info: RuleInfo {
        code: "RP904",
        name: "malformed-suppression",
        severity: Warning,
        summary: crate::lang::Label {
            en: "A `# regioplan` comment that is not a valid suppression.",
            nl: "Een commentaar `# regioplan` dat geen geldige onderdrukking is.",
        },
        why: crate::lang::Label {
            en: "A suppression with a typo (`ignor`, round brackets, no colon) silently \
                 suppresses nothing; the finding it was meant for stays and nobody knows why.",
            nl: "Een onderdrukking met een typefout (`ignor`, ronde haakjes, geen dubbele punt) \
                 onderdrukt ongemerkt niets; de melding waarvoor ze bedoeld was, blijft staan en \
                 niemand weet waarom.",
        },
        bad: "# regioplan: ignor[RP301] trekker volgt in maart\n",
        good: "# regioplan: ignore[RP301] trekker volgt in maart\n",
        fix: crate::lang::Label {
            en: "None: which suppression was meant is a guess.",
            nl: "Geen: welke onderdrukking bedoeld was, is een gok.",
        },
    },
    check: None,
    pruning: Pruning::Independent,
};

/// One suppression comment.
#[derive(Debug, Clone)]
struct Suppression {
    /// The line whose findings it suppresses (1-based).
    target_line: usize,
    /// The span of the comment, for findings about it.
    span: Span,
    /// Codes with their spans.
    codes: Vec<(String, Span)>,
    has_reason: bool,
    /// The reason is the placeholder a suppression fix writes.
    placeholder: bool,
    /// The reason written after the codes.
    reason: String,
    /// A `# regioplan...` comment that is not `# regioplan: ignore[CODES] reason`.
    malformed: bool,
}

const MARKER: &str = "regioplan: ignore[";

/// The reason a suppression fix writes; RP902 reports it until a person writes the real one.
pub const PLACEHOLDER_REASON: &str = "<reason>";

/// Offers a suppression of each semantic finding (`RP1xx`-`RP5xx`) as an unsafe fix of its
/// own: `# regioplan: ignore[CODE] <reason>` on a line above the finding's line, indented as it
/// is, with the line ending of that line; when the line above already holds a suppression, the
/// code is added to it. Findings about the file, its syntax and structure (`RP0xx`) are not
/// suppressed (the plan stays unreadable), nor findings about suppressions (`RP9xx`).
pub fn offer(source: &SourceFile, diagnostics: &mut [Diagnostic]) {
    for d in diagnostics
        .iter_mut()
        .filter(|d| !d.code.starts_with("RP0") && !d.code.starts_with("RP9"))
    {
        if let Some(fix) = suppression_fix(source, d.code, d.primary.span.start) {
            d.fixes.push(fix);
        }
    }
}

fn suppression_fix(source: &SourceFile, code: &str, at: usize) -> Option<Fix> {
    let text = source.text.as_str();
    let line_number = source.position(at).line;
    let start = source.line_start(line_number)?;
    let line = text.get(start..)?.split_inclusive('\n').next()?;
    let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
    let ending = if line.ends_with("\r\n") { "\r\n" } else { "\n" };
    let edit = match line_number
        .checked_sub(1)
        .and_then(|above| source.line_start(above))
        .and_then(|above| Some((above, text.get(above..start)?)))
    {
        // The line above suppresses other codes on this line: add this one.
        Some((above, previous)) if previous.trim_start().starts_with(&format!("# {MARKER}")) => {
            let close = previous.find(']')?;
            Edit::insert(above + close, format!(", {code}"))
        }
        _ => Edit::insert(
            start,
            format!("{indent}# {MARKER}{code}] {PLACEHOLDER_REASON}{ending}"),
        ),
    };
    Some(Fix {
        message: crate::msg!(
            "suppress {code} on this line, with a reason still to write",
            "onderdruk {code} op deze regel; de reden moet u nog schrijven",
            code = Plain(code),
        ),
        applicability: Applicability::Unsafe,
        edits: vec![edit],
        suppression: true,
    })
}

fn parse(source: &SourceFile) -> Vec<Suppression> {
    // Most plans have no `# regioplan` comment: one pass over the `#`s says so, without
    // splitting the text into lines.
    let text = &source.text;
    if !text.match_indices('#').any(|(i, _)| {
        text.get(i + 1..)
            .is_some_and(|c| c.trim_start().starts_with("regioplan"))
    }) {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut offset = 0;
    for (index, line) in source.text.split_inclusive('\n').enumerate() {
        let line_start = offset;
        offset += line.len();
        // The first `#` that starts a `regioplan` comment (a `#` inside a value is not one).
        let Some(hash) = line.match_indices('#').map(|(i, _)| i).find(|&i| {
            line.get(i + 1..)
                .is_some_and(|c| c.trim_start().starts_with("regioplan"))
        }) else {
            continue;
        };
        let comment = line.get(hash + 1..).unwrap_or_default();
        let comment_text = line.get(hash..).unwrap_or_default().trim_end();
        let parsed = comment
            .trim_start()
            .strip_prefix(MARKER)
            .and_then(|after| after.find(']').map(|close| (after, close)));
        let Some((after_hash, close)) = parsed else {
            // `# regioplan Huisartsen Amstelland` is prose; `# regioplan: ignor[...]` is a typo.
            let rest = comment
                .trim_start()
                .get("regioplan".len()..)
                .unwrap_or_default();
            let rest = rest.trim_start_matches([':', ' ']).to_lowercase();
            if !(rest.starts_with("ig") || rest.starts_with('[') || rest.contains("ignore")) {
                continue;
            }
            found.push(Suppression {
                target_line: index + 1,
                span: Span::new(line_start + hash, comment_text.len()),
                codes: Vec::new(),
                has_reason: true,
                placeholder: false,
                reason: String::new(),
                malformed: true,
            });
            continue;
        };
        let list = after_hash.get(..close).unwrap_or_default();
        let list_offset = line_start
            + (line.len() - comment.len())
            + (comment.len() - comment.trim_start().len())
            + MARKER.len();
        let mut codes = Vec::new();
        let mut at = 0;
        for part in list.split(',') {
            let trimmed = part.trim();
            let lead = part.len() - part.trim_start().len();
            if !trimmed.is_empty() {
                codes.push((
                    trimmed.to_uppercase(),
                    Span::new(list_offset + at + lead, trimmed.len()),
                ));
            }
            at += part.len() + 1;
        }
        let reason = after_hash.get(close + 1..).unwrap_or_default().trim();
        let own_line = line
            .get(..hash)
            .is_some_and(|before| before.trim().is_empty());
        let line_number = index + 1;
        found.push(Suppression {
            target_line: if own_line {
                line_number + 1
            } else {
                line_number
            },
            span: Span::new(line_start + hash, comment_text.len()),
            codes,
            has_reason: !reason.is_empty() && reason != PLACEHOLDER_REASON,
            placeholder: reason == PLACEHOLDER_REASON,
            reason: reason.to_string(),
            malformed: false,
        });
    }
    found
}

/// A finding the plan accepts: a suppression that gives a reason, the line it covers (1-based)
/// and its codes. `gaps` lists a gap of one of these codes on that line as accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acceptance {
    pub line: usize,
    pub codes: Vec<String>,
    pub reason: String,
}

/// The suppressions of a plan that give a reason; one without a reason accepts nothing
/// (RP902 reports it).
#[must_use]
pub fn acceptances(source: &SourceFile) -> Vec<Acceptance> {
    parse(source)
        .into_iter()
        .filter(|s| s.has_reason && !s.malformed)
        .map(|s| Acceptance {
            line: s.target_line,
            codes: s.codes.into_iter().map(|(code, _)| code).collect(),
            reason: s.reason,
        })
        .collect()
}

impl Acceptance {
    /// Whether the acceptance covers a finding of `code` on `line`.
    #[must_use]
    pub fn covers(&self, line: usize, code: &str) -> bool {
        self.line == line && self.codes.iter().any(|c| super::code_matches(code, c))
    }
}

/// Removes suppressed findings and adds findings about the suppressions themselves. A
/// suppression of rules that `enabled` switches off (and so did not run) is not "unused".
#[must_use]
pub fn apply(
    source: &SourceFile,
    diagnostics: Vec<Diagnostic>,
    enabled: impl Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    let suppressions = parse(source);
    if suppressions.is_empty() {
        return diagnostics;
    }
    let mut used: Vec<Vec<bool>> = suppressions
        .iter()
        .map(|s| vec![false; s.codes.len()])
        .collect();
    // Part of a plan with structural findings is not checked: a suppression that looks unused
    // may be needed once they are fixed, so removing it is then a guess.
    let removal = if diagnostics.iter().any(|d| d.code.starts_with("RP0")) {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let mut kept = Vec::new();
    for d in diagnostics {
        let line = source.position(d.primary.span.start).line;
        let mut suppressed = false;
        for (s, u) in suppressions.iter().zip(used.iter_mut()) {
            if s.target_line != line {
                continue;
            }
            for ((code, _), flag) in s.codes.iter().zip(u.iter_mut()) {
                if super::code_matches(d.code, code) {
                    *flag = true;
                    suppressed = true;
                }
            }
        }
        if !suppressed {
            kept.push(d);
        }
    }
    for (s, u) in suppressions.iter().zip(&used) {
        if s.malformed {
            kept.push(
                Diagnostic::new(
                    &MALFORMED_SUPPRESSION,
                    s.span,
                    crate::msg!(
                        "this `regioplan` comment is not a suppression regioplan understands, \
                         so it suppresses nothing",
                        "deze `regioplan`-opmerking is geen onderdrukking die regioplan begrijpt, \
                         dus onderdrukt ze niets",
                    ),
                )
                .label(crate::msg!(
                    "not `# regioplan: ignore[CODE] reason`",
                    "niet `# regioplan: ignore[CODE] reden`",
                ))
                .help(crate::msg!(
                    "write `# regioplan: ignore[RP301] reason`: `ignore`, the codes in square \
                     brackets, then why",
                    "schrijf `# regioplan: ignore[RP301] reden`: `ignore`, de codes tussen \
                     vierkante haken en dan waarom",
                )),
            );
            continue;
        }
        if s.placeholder {
            kept.push(
                Diagnostic::new(
                    &SUPPRESSION_WITHOUT_REASON,
                    s.span,
                    crate::msg!(
                        "suppression without a reason: `{placeholder}` is still there",
                        "onderdrukking zonder reden: `{placeholder}` staat er nog",
                        placeholder = Plain(PLACEHOLDER_REASON),
                    ),
                )
                .label(crate::msg!("no reason given", "geen reden gegeven"))
                .help(crate::msg!(
                    "write why the finding is accepted in place of `{placeholder}`: \
                     `# regioplan: ignore[RP304] indicator volgt in Q3`",
                    "schrijf in plaats van `{placeholder}` waarom de melding wordt geaccepteerd: \
                     `# regioplan: ignore[RP304] indicator volgt in Q3`",
                    placeholder = Plain(PLACEHOLDER_REASON),
                )),
            );
        } else if !s.has_reason {
            kept.push(
                Diagnostic::new(
                    &SUPPRESSION_WITHOUT_REASON,
                    s.span,
                    crate::msg!("suppression without a reason", "onderdrukking zonder reden"),
                )
                .label(crate::msg!("no reason given", "geen reden gegeven"))
                .help(crate::msg!(
                    "write why the finding is accepted after the brackets: \
                     `# regioplan: ignore[RP304] indicator volgt in Q3`",
                    "schrijf na de haken waarom de melding wordt geaccepteerd: \
                     `# regioplan: ignore[RP304] indicator volgt in Q3`",
                )),
            );
        }
        for ((code, span), flag) in s.codes.iter().zip(u) {
            if !super::matches_any_rule(code) {
                kept.push(unknown_code(code, *span));
            } else if !flag
                && super::ALL
                    .iter()
                    .any(|r| super::code_matches(r.code, code) && enabled(r.code))
            {
                kept.push(
                    Diagnostic::new(
                        &UNUSED_SUPPRESSION,
                        *span,
                        crate::msg!(
                            "`{code}` is suppressed here but not reported on line {line}",
                            "`{code}` wordt hier onderdrukt, maar op regel {line} niet gemeld",
                            code = Plain(code),
                            line = s.target_line,
                        ),
                    )
                    .label(crate::msg!("suppresses nothing", "onderdrukt niets"))
                    .help(crate::msg!(
                        "remove the suppression, or move it to the line above the finding",
                        "verwijder de onderdrukking, of zet ze op de regel boven de melding",
                    ))
                    .fix(remove_code(source, s, *span, removal)),
                );
            }
        }
    }
    kept
}

/// A safe fix for an unused code: remove it from the list, or the whole comment when it is the
/// only code (with its line when the comment is on a line of its own, with the spaces before
/// it when it ends a line).
fn remove_code(
    source: &SourceFile,
    s: &Suppression,
    code: Span,
    applicability: Applicability,
) -> Fix {
    let text = source.text.as_str();
    let position = s.codes.iter().position(|(_, c)| *c == code);
    let span = match (position, s.codes.len()) {
        (Some(i), n) if n > 1 => match (
            s.codes.get(i + 1),
            i.checked_sub(1).and_then(|p| s.codes.get(p)),
        ) {
            (Some((_, next)), _) => Span::new(code.start, next.start - code.start),
            (None, Some((_, previous))) => Span::new(previous.end(), code.end() - previous.end()),
            (None, None) => code,
        },
        _ => {
            let line_start = text
                .get(..s.span.start)
                .and_then(|h| h.rfind('\n'))
                .map_or(0, |i| i + 1);
            let before = text.get(line_start..s.span.start).unwrap_or_default();
            if before.trim().is_empty() {
                let line_end = text
                    .get(s.span.start..)
                    .and_then(|t| t.find('\n'))
                    .map_or(text.len(), |i| s.span.start + i + 1);
                Span::new(line_start, line_end - line_start)
            } else {
                let kept = before.trim_end_matches([' ', '\t']).len();
                Span::new(line_start + kept, s.span.end() - (line_start + kept))
            }
        }
    };
    Fix::replace(applicability, span, "").message(crate::msg!(
        "remove the unused suppression",
        "verwijder de ongebruikte onderdrukking",
    ))
}

/// A diagnostic for a rule code that names no rule.
#[must_use]
pub fn unknown_code(code: &str, span: Span) -> Diagnostic {
    let suggestion = super::did_you_mean(code, super::ALL.iter().map(|r| r.code));
    let help = match suggestion {
        Some(s) => crate::msg!(
            "did you mean `{s}`? `regioplan rule --all` lists every rule",
            "bedoelt u `{s}`? `regioplan rule --all` toont alle codes",
            s = Plain(s),
        ),
        None => crate::msg!(
            "`regioplan rule --all` lists every rule with its code",
            "`regioplan rule --all` toont alle codes en wat ze controleren",
        ),
    };
    Diagnostic::new(
        &UNKNOWN_RULE_CODE,
        span,
        crate::msg!(
            "`{code}` is not the code of a rule, nor the start of one",
            "`{code}` is geen code van regioplan en ook niet het begin van een code",
            code = Plain(code),
        ),
    )
    .label(crate::msg!(
        "no rule code starts like this",
        "geen code begint zo",
    ))
    .help(help)
    .guess(suggestion)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::references::UNKNOWN_PERSON;

    fn finding_on_line(source: &SourceFile, line: usize) -> Diagnostic {
        let start = source.line_start(line).expect("line exists");
        Diagnostic::new(
            &UNKNOWN_PERSON,
            Span::new(start + 4, 1),
            crate::msg!("unknown person", "onbekende persoon"),
        )
    }

    #[test]
    fn a_comment_line_suppresses_the_next_line_only() {
        let source = SourceFile::new(
            "x",
            "a: 1\n# regioplan: ignore[RP102] wordt benoemd\nb: x\nc: y\n".into(),
        );
        let kept = apply(
            &source,
            vec![finding_on_line(&source, 3), finding_on_line(&source, 4)],
            |_| true,
        );
        assert_eq!(kept.len(), 1);
        assert_eq!(source.position(kept[0].primary.span.start).line, 4);
    }

    #[test]
    fn a_trailing_comment_suppresses_its_own_line_by_prefix() {
        let source = SourceFile::new("x", "a: 1\nb: x  # regioplan: ignore[RP1] volgt\n".into());
        let kept = apply(&source, vec![finding_on_line(&source, 2)], |_| true);
        assert!(kept.is_empty(), "{kept:?}");
    }

    #[test]
    fn a_hash_inside_a_value_does_not_hide_the_suppression_and_typos_are_reported() {
        let source = SourceFile::new(
            "x",
            "a: 1\nb: \"GGZ #1\"  # regioplan: ignore[RP102] volgt\nc: 2  # regioplan: ignor[RP102] x\n".into(),
        );
        let kept = apply(
            &source,
            vec![finding_on_line(&source, 2), finding_on_line(&source, 3)],
            |_| true,
        );
        let codes: Vec<&str> = kept.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["RP102", "RP904"], "{kept:?}");
    }

    #[test]
    fn a_suppression_of_a_rule_that_is_switched_off_is_not_unused() {
        let source = SourceFile::new("x", "# regioplan: ignore[RP102] volgt\na: 1\n".into());
        assert!(apply(&source, vec![], |code| code != "RP102").is_empty());
        let kept = apply(&source, vec![], |_| true);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].code, "RP901");
    }

    #[test]
    fn a_suppression_fix_adds_a_comment_line_whose_placeholder_reason_is_reported() {
        let source = SourceFile::new("x", "a: 1\r\n  b: x\r\n".into());
        let mut found = vec![finding_on_line(&source, 2)];
        offer(&source, &mut found);
        let fix = found[0].fixes.last().expect("a suppression");
        assert!(fix.suppression && fix.applicability == Applicability::Unsafe);
        let fixed = crate::diagnostic::apply_fixes(&source.text, [fix]);
        assert_eq!(
            fixed,
            "a: 1\r\n  # regioplan: ignore[RP102] <reason>\r\n  b: x\r\n"
        );
        let fixed = SourceFile::new("x", fixed);
        let kept = apply(&fixed, vec![finding_on_line(&fixed, 3)], |_| true);
        let codes: Vec<&str> = kept.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["RP902"]);
        assert!(kept[0].message.en().contains("<reason>"));
    }

    #[test]
    fn unused_reasonless_and_unknown_suppressions_are_reported() {
        let source = SourceFile::new("x", "# regioplan: ignore[RP102, RP999]\na: 1\n".into());
        let kept = apply(&source, vec![], |_| true);
        let mut codes: Vec<&str> = kept.iter().map(|d| d.code).collect();
        codes.sort_unstable();
        assert_eq!(codes, ["RP901", "RP902", "RP903"]);
        let unknown = kept.iter().find(|d| d.code == "RP903").expect("RP903");
        assert_eq!(
            &source.text[unknown.primary.span.start..unknown.primary.span.end()],
            "RP999"
        );
    }
}
