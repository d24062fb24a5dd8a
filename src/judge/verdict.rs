//! What a judgement of a requirement or condition says: *met*, *partly met*, *not met* or *not
//! shown*, with the evidence it rests on and what is missing or what to add.
//!
//! The difference between *not met* and *not shown* is the one an insurer signs on: *not met*
//! means the plan records something that falls short (two years where three are asked, 84%
//! where 85%, a draft where an adopted document); *not shown* (niet aangetoond) means the plan
//! records nothing on it, and the judgement says what to add. A judgement built here cannot be
//! *not met* without evidence, nor *not shown* without what to add.
//!
//! Texts are data in both languages ([`Said`]); a presenter picks one. Nothing here prints.

use serde::Serialize;

/// The answer to one requirement or condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The plan shows it is met.
    Met,
    /// The plan shows part of it (some blocks, a mandate of practices where huisartsen are
    /// asked).
    PartlyMet,
    /// The plan records something that falls short.
    NotMet,
    /// The plan records nothing on it (niet aangetoond).
    NotShown,
}

impl Verdict {
    /// The word a plan, JSON and `--fail-on-gaps` use: `met`, `partly_met`, `not_met`,
    /// `not_shown`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::PartlyMet => "partly_met",
            Verdict::NotMet => "not_met",
            Verdict::NotShown => "not_shown",
        }
    }
}

impl From<crate::lang::Message> for Said {
    fn from(message: crate::lang::Message) -> Self {
        Said {
            en: message.en().to_string(),
            nl: message.nl().to_string(),
        }
    }
}

/// A text in English and Dutch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Said {
    pub en: String,
    pub nl: String,
}

impl Said {
    /// A text in both languages.
    #[must_use]
    pub fn new(en: impl Into<String>, nl: impl Into<String>) -> Said {
        Said {
            en: en.into(),
            nl: nl.into(),
        }
    }

    /// A text that reads the same in both languages (ids, figures, keys).
    #[must_use]
    pub fn same(text: impl Into<String>) -> Said {
        let text = text.into();
        Said {
            en: text.clone(),
            nl: text,
        }
    }

    /// A sentence with a number that is not whole: `noun`'s singular for exactly one, else
    /// its plural, the number written as a reader of each language writes it.
    #[must_use]
    pub fn amount(n: f64, noun: crate::lang::Noun) -> Said {
        let [one_en, many_en] = noun.en;
        let [one_nl, many_nl] = noun.nl;
        let single = (n - 1.0).abs() < 1e-9;
        let noun = crate::lang::Label {
            en: if single { one_en } else { many_en },
            nl: if single { one_nl } else { many_nl },
        };
        Said::from(crate::msg!("{n} {noun}", "{n} {noun}", n = n, noun = noun))
    }

    /// Whether there is no text.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.en.is_empty() && self.nl.is_empty()
    }
}

/// One judgement: the verdict, what the plan records, and what is missing (for *partly met*
/// and *not met*) or what to add (for *not shown*). `illustrative` is set when the evidence
/// rests on values the plan marks as illustrative.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub verdict: Verdict,
    pub evidence: Said,
    pub missing: Said,
    pub illustrative: bool,
}

impl Judgement {
    /// Met, on this evidence.
    #[must_use]
    pub fn met(evidence: Said) -> Judgement {
        Judgement {
            verdict: Verdict::Met,
            evidence,
            missing: Said::default(),
            illustrative: false,
        }
    }

    /// Partly met: what the plan shows and what is missing.
    #[must_use]
    pub fn partly(evidence: Said, missing: Said) -> Judgement {
        Judgement {
            verdict: Verdict::PartlyMet,
            evidence,
            missing,
            illustrative: false,
        }
    }

    /// Not met: what the plan records that falls short, and by how much. Without evidence
    /// the plan shows nothing, so the judgement is *not shown* instead, with `missing` as what
    /// to add.
    #[must_use]
    pub fn not_met(evidence: Said, missing: Said) -> Judgement {
        if evidence.is_empty() {
            return Judgement::not_shown(missing);
        }
        Judgement {
            verdict: Verdict::NotMet,
            evidence,
            missing,
            illustrative: false,
        }
    }

    /// Not shown: the plan records nothing on it; `to_add` says what to write.
    #[must_use]
    pub fn not_shown(to_add: Said) -> Judgement {
        Judgement {
            verdict: Verdict::NotShown,
            evidence: Said::default(),
            missing: to_add,
            illustrative: false,
        }
    }

    /// The same judgement, marked as resting on illustrative values when `yes`.
    #[must_use]
    pub fn on_illustrative(mut self, yes: bool) -> Judgement {
        self.illustrative |= yes && self.verdict != Verdict::NotShown;
        self
    }

    /// The same judgement with `more` added to its evidence.
    #[must_use]
    pub fn with_evidence(mut self, more: &Said) -> Judgement {
        for (text, add) in [
            (&mut self.evidence.en, &more.en),
            (&mut self.evidence.nl, &more.nl),
        ] {
            if !add.is_empty() {
                if !text.is_empty() {
                    text.push_str("; ");
                }
                text.push_str(add);
            }
        }
        self
    }
}

/// A number as a report writes it: whole numbers without decimals, others with at most two.
#[must_use]
pub fn num(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 {
        format!("{value:.0}")
    } else {
        let text = format!("{value:.2}");
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_met_without_evidence_is_not_shown_with_what_to_add() {
        let j = Judgement::not_met(Said::default(), Said::same("region.mandates"));
        assert_eq!(j.verdict, Verdict::NotShown);
        assert_eq!(j.missing.en, "region.mandates");
        let j = Judgement::not_met(Said::same("84%"), Said::same("1 point"));
        assert_eq!(j.verdict, Verdict::NotMet);
    }

    #[test]
    fn nothing_shown_rests_on_no_illustrative_value() {
        let j = Judgement::not_shown(Said::same("x")).on_illustrative(true);
        assert!(!j.illustrative);
        assert!(
            Judgement::met(Said::same("y"))
                .on_illustrative(true)
                .illustrative
        );
    }
}
