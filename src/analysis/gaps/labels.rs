//! Every word the gap report shows, in English and Dutch, and the wording of each gap.

use super::frameworks::Verdict;
use super::peers::Coverage;
use super::{GapKind, NoProjection, Part, Projection, Role};
use crate::lang::{Decimals, Message, Plain};
use crate::msg;
pub use crate::report::Label;
use crate::report::Lang;
use crate::report::labels::word;

pub use crate::report::labels::gaps::*;

fn quality(q: Part) -> Label {
    match q {
        Part::Indicator => INDICATOR,
        Part::Baseline => BASELINE,
        Part::Target => TARGET,
        Part::Owner => OWNER,
        Part::Deadline => DEADLINE,
        Part::Milestones => MILESTONES,
        Part::Monitoring => MONITORING,
    }
}

/// When a goal reaches its target at the pace so far, as a user reads it.
#[must_use]
pub fn projection(p: Projection, lang: Lang) -> String {
    match p {
        Projection::On(d) => d.format("%Y-%m-%d").to_string(),
        Projection::NotComputable(NoProjection::NotMoving) => NOT_AT_THIS_PACE.get(lang).into(),
        Projection::NotComputable(NoProjection::NoTimeElapsed) => NO_PACE_YET.get(lang).into(),
        Projection::NotComputable(NoProjection::BeyondCalendar) => BEYOND_CALENDAR.get(lang).into(),
    }
}

/// What a gap is and what to do about it, in `lang`.
#[must_use]
pub fn describe(kind: &GapKind, lang: Lang) -> (String, String) {
    let (what, suggestion) = sentences(kind);
    (what.get(lang).to_string(), suggestion.get(lang).to_string())
}

fn verdict_word(verdict: Verdict) -> Label {
    match verdict {
        Verdict::Met => MET,
        Verdict::PartlyMet => PARTLY_MET,
        Verdict::NotMet => NOT_MET,
        Verdict::NotShown => NOT_SHOWN,
    }
}

/// What a gap is and what to do about it, in both languages.
#[must_use]
pub fn sentences(kind: &GapKind) -> (Message, Message) {
    match kind {
        GapKind::ThemeWithoutRole { theme, role } => {
            let theme = Plain(theme);
            match role {
                Role::Trekker => (
                    msg!(
                        "theme `{t}` has no trekker",
                        "thema `{t}` heeft geen trekker",
                        t = theme
                    ),
                    msg!(
                        "name a trekker (`trekker:`)",
                        "wijs een trekker aan (`trekker:`)"
                    ),
                ),
                Role::Workgroup => (
                    msg!(
                        "theme `{t}` has no workgroup",
                        "thema `{t}` heeft geen werkgroep",
                        t = theme
                    ),
                    msg!(
                        "give the theme a workgroup (`workgroup:`)",
                        "geef het thema een werkgroep (`workgroup:`)"
                    ),
                ),
                Role::BoardContact => (
                    msg!(
                        "theme `{t}` has no board contact",
                        "thema `{t}` heeft geen aanspreekpunt in het bestuur",
                        t = theme
                    ),
                    msg!(
                        "name a board contact (`board_contact:`)",
                        "wijs een aanspreekpunt in het dagelijks bestuur aan (`board_contact:`)"
                    ),
                ),
                Role::Goals => (
                    msg!(
                        "theme `{t}` has no goals",
                        "thema `{t}` heeft geen doelen",
                        t = theme
                    ),
                    msg!(
                        "add at least one measurable goal",
                        "voeg minstens één meetbaar doel toe"
                    ),
                ),
            }
        }
        GapKind::GoalQuality { goal, missing } => {
            let parts: Vec<Label> = missing.iter().map(|q| quality(*q)).collect();
            (
                msg!(
                    "goal `{g}` lacks: {parts}",
                    "doel `{g}` mist: {parts}",
                    g = Plain(goal),
                    parts = crate::lang::List(parts)
                ),
                msg!(
                    "make the goal measurable, owned and dated",
                    "maak het doel meetbaar, belegd en gedateerd"
                ),
            )
        }
        GapKind::GoalOverdue {
            goal,
            deadline,
            days,
        } => (
            msg!(
                "goal `{g}` was due {d} ({days} days ago)",
                "doel `{g}` moest af op {d} ({days} dagen geleden)",
                g = Plain(goal),
                d = *deadline,
                days = *days
            ),
            msg!(
                "set the status (achieved, stopped) or a new deadline",
                "zet de status (achieved, stopped) of een nieuwe deadline"
            ),
        ),
        GapKind::GoalBehind {
            goal,
            date: at,
            measured,
            expected,
            projected,
        } => {
            let when = match projected {
                Projection::On(d) => {
                    msg!("target reached {d}", "streefwaarde bereikt {d}", d = *d)
                }
                Projection::NotComputable(NoProjection::NotMoving) => NOT_AT_THIS_PACE.into(),
                Projection::NotComputable(NoProjection::NoTimeElapsed) => NO_PACE_YET.into(),
                Projection::NotComputable(NoProjection::BeyondCalendar) => BEYOND_CALENDAR.into(),
            };
            (
                msg!(
                    "goal `{g}` measured {m} on {at}, expected {e}; {when}",
                    "doel `{g}` gemeten {m} op {at}, verwacht {e}; {when}",
                    g = Plain(goal),
                    m = *measured,
                    at = *at,
                    e = *expected,
                    when = when
                ),
                msg!(
                    "discuss the goal in the workgroup; adjust the approach or the target",
                    "bespreek het doel in de werkgroep; pas aanpak of streefwaarde aan"
                ),
            )
        }
        GapKind::NothingDue { theme } => (
            msg!(
                "regional theme `{t}` has nothing due inside the plan period",
                "regionaal thema `{t}` heeft niets dat binnen de planperiode af moet",
                t = Plain(theme)
            ),
            msg!(
                "give a goal a deadline inside the plan period",
                "geef een doel een deadline binnen de planperiode"
            ),
        ),
        GapKind::Undecided { theme } => (
            msg!(
                "theme `{t}` is undecided",
                "over thema `{t}` is nog niet besloten",
                t = Plain(theme)
            ),
            msg!(
                "decide: take it up regionally or leave it to the members",
                "besluit: regionaal oppakken of bij de leden laten"
            ),
        ),
        GapKind::Requirement {
            framework,
            requirement,
            title,
            verdict,
        } => (
            msg!(
                "{f}/{r}: {title} ({v})",
                "{f}/{r}: {title} ({v})",
                f = Plain(framework),
                r = Plain(requirement),
                title = title,
                v = verdict_word(*verdict)
            ),
            msg!(
                "see the section of framework `{f}` for what is missing",
                "zie de sectie van kader `{f}` voor wat ontbreekt",
                f = Plain(framework)
            ),
        ),
        GapKind::ConditionContradicted {
            contract,
            condition,
            marked,
            verdict,
        } => (
            msg!(
                "condition `{c}` of contract `{k}` is marked `met: {m}`, but the plan's own figures read {v}",
                "voorwaarde `{c}` van contract `{k}` staat op `met: {m}`, maar de cijfers van het plan geven: {v}",
                c = Plain(condition),
                k = Plain(contract),
                m = Plain(marked),
                v = verdict_word(*verdict)
            ),
            msg!(
                "correct `met:` or the figures it is measured by (see the contract conditions)",
                "pas `met:` aan of de cijfers waaraan het gemeten wordt (zie de contractvoorwaarden)"
            ),
        ),
        // The least-funded member gets nothing (or less): no ratio to state.
        GapKind::UnequalFunding { year, line, ratio } if !ratio.is_finite() => (
            msg!(
                "{line} {year}: a member gets € 0 or less per listed patient while others are funded (the ratio is not computable)",
                "{line} {year}: een lid krijgt € 0 of minder per ingeschreven patiënt terwijl anderen geld krijgen (de verhouding is niet te berekenen)",
                line = word(*line),
                year = Plain(year)
            ),
            msg!(
                "agree a path to equal funding per listed patient (see the cost to the median)",
                "spreek een pad naar gelijke financiering per patiënt af (zie de kosten naar de mediaan)"
            ),
        ),
        GapKind::UnequalFunding { year, line, ratio } => (
            msg!(
                "{line} {year}: the best-funded member gets {r} times as much per listed patient as the least-funded",
                "{line} {year}: het best gefinancierde lid krijgt per ingeschreven patiënt {r} keer zoveel als het minst gefinancierde",
                line = word(*line),
                year = Plain(year),
                // Rounded half away from zero, as the funding table rounds.
                r = Decimals((ratio * 100.0).round() / 100.0, 2)
            ),
            msg!(
                "agree a path to equal funding per listed patient (see the cost to the median)",
                "spreek een pad naar gelijke financiering per patiënt af (zie de kosten naar de mediaan)"
            ),
        ),
        GapKind::MemberWithoutPatients { member } => (
            msg!(
                "member `{m}` is funded but has no listed patients",
                "lid `{m}` krijgt geld maar heeft geen patiëntaantal",
                m = Plain(member)
            ),
            msg!(
                "add `listed_patients` (more than 0) to the organisation",
                "voeg `listed_patients` (meer dan 0) toe aan de organisatie"
            ),
        ),
        GapKind::PracticesNotJoined { practices, pct } => {
            let pct = Decimals(*pct, 1);
            let what = match practices {
                Some(n) => msg!(
                    "{pct}% of the region's practices ({n}) have not joined",
                    "{pct}% van de praktijken in de regio ({n}) is niet aangesloten",
                    pct = pct,
                    n = *n
                ),
                None => msg!(
                    "{pct}% of the region's practices have not joined",
                    "{pct}% van de praktijken in de regio is niet aangesloten",
                    pct = pct
                ),
            };
            (
                what,
                msg!(
                    "find out why and what would make them join",
                    "zoek uit waarom en wat aansluiten aantrekkelijk maakt"
                ),
            )
        }
        GapKind::NeighbourhoodUncovered { neighbourhood } => (
            msg!(
                "neighbourhood `{n}` has no wijkmanager and no collaboration",
                "wijk `{n}` heeft geen wijkmanager en geen samenwerkingsverband",
                n = Plain(neighbourhood)
            ),
            msg!(
                "assign a wijkmanager or record the collaboration",
                "wijs een wijkmanager aan of leg het samenwerkingsverband vast"
            ),
        ),
        GapKind::ReachBelowTarget {
            programme,
            goal,
            value,
            target,
        } => (
            msg!(
                "programme `{p}` at {v} of {t} (goal `{g}`)",
                "programma `{p}` op {v} van {t} (doel `{g}`)",
                p = Plain(programme),
                v = *value,
                t = *target,
                g = Plain(goal)
            ),
            msg!(
                "plan the next step of the programme's growth",
                "plan de volgende stap in de groei van het programma"
            ),
        ),
        GapKind::PeerCoverage {
            what,
            name,
            peers,
            of,
        } => {
            let what = match what {
                Coverage::Theme => msg!(
                    "theme `{n}` is covered by {p} of {of} peers; this plan does not mention it",
                    "thema `{n}` wordt door {p} van {of} andere regio's opgepakt; dit plan noemt het niet",
                    n = Plain(name),
                    p = *peers,
                    of = *of
                ),
                Coverage::BuildingBlock => msg!(
                    "building block `{n}` is covered by {p} of {of} peers; this plan neither assesses it at {level} or higher nor serves it with a regional theme or goal",
                    "bouwsteen `{n}` wordt door {p} van {of} andere regio's opgepakt; dit plan beoordeelt het niet als {level} of hoger en geen regionaal thema of doel draagt eraan bij",
                    n = Plain(name),
                    p = *peers,
                    of = *of,
                    level = word(crate::plan::raw::Maturity::Developing)
                ),
            };
            (
                what,
                msg!(
                    "consider taking up `{n}` or record why not",
                    "overweeg `{n}` op te pakken of leg vast waarom niet",
                    n = Plain(name)
                ),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::raw::FundingKind;
    use chrono::NaiveDate;

    fn every_kind() -> Vec<GapKind> {
        let day = NaiveDate::from_ymd_opt(2024, 6, 30).unwrap_or_default();
        vec![
            GapKind::ThemeWithoutRole {
                theme: "ggz".into(),
                role: Role::Trekker,
            },
            GapKind::GoalQuality {
                goal: "g1".into(),
                missing: vec![Part::Baseline, Part::Owner],
            },
            GapKind::GoalOverdue {
                goal: "g1".into(),
                deadline: day,
                days: 12_000,
            },
            GapKind::GoalBehind {
                goal: "g1".into(),
                date: day,
                measured: 1_121.4,
                expected: 7.61,
                projected: Projection::On(day),
            },
            GapKind::NothingDue {
                theme: "ggz".into(),
            },
            GapKind::Undecided {
                theme: "ggz".into(),
            },
            GapKind::Requirement {
                framework: "cz-oi".into(),
                requirement: "mandate".into(),
                title: msg!("A mandate", "Een mandaat"),
                verdict: Verdict::NotMet,
            },
            GapKind::ConditionContradicted {
                contract: "c".into(),
                condition: "mandate".into(),
                marked: true,
                verdict: Verdict::NotMet,
            },
            GapKind::UnequalFunding {
                year: 2024,
                line: FundingKind::OAndI,
                ratio: 2.126,
            },
            GapKind::UnequalFunding {
                year: 2024,
                line: FundingKind::OAndI,
                ratio: f64::INFINITY,
            },
            GapKind::MemberWithoutPatients { member: "a".into() },
            GapKind::PracticesNotJoined {
                practices: Some(14),
                pct: 5.26,
            },
            GapKind::NeighbourhoodUncovered {
                neighbourhood: "w1".into(),
            },
            GapKind::ReachBelowTarget {
                programme: "p".into(),
                goal: "g1".into(),
                value: 12_500.5,
                target: 20_000.0,
            },
            GapKind::PeerCoverage {
                what: Coverage::BuildingBlock,
                name: "arbeidsmarkt".into(),
                peers: 2,
                of: 2,
            },
        ]
    }

    #[test]
    fn every_gap_kind_reads_in_both_languages_and_differently() {
        for kind in every_kind() {
            let label = kind.label();
            assert!(!label.en.is_empty() && !label.nl.is_empty(), "{kind:?}");
            assert_ne!(label.en, label.nl, "{kind:?}: the kind's words");
            assert_ne!(label.en, kind.id(), "{kind:?}: words, not the code");
            let (what, suggestion) = sentences(&kind);
            for m in [&what, &suggestion] {
                assert!(!m.en().is_empty() && !m.nl().is_empty(), "{kind:?}");
                assert_ne!(m.en(), m.nl(), "{kind:?}: {m:?}");
            }
        }
    }

    #[test]
    fn numbers_in_gap_sentences_are_written_as_each_language_writes_them() {
        let kinds = every_kind();
        let text = |i: usize, lang: Lang| describe(&kinds[i], lang).0;
        assert!(
            text(2, Lang::Nl).contains("12.000 dagen"),
            "{}",
            text(2, Lang::Nl)
        );
        assert!(
            text(2, Lang::En).contains("12,000 days"),
            "{}",
            text(2, Lang::En)
        );
        assert!(
            text(3, Lang::Nl).contains("gemeten 1.121,4"),
            "{}",
            text(3, Lang::Nl)
        );
        assert!(
            text(3, Lang::Nl).contains("verwacht 7,61"),
            "{}",
            text(3, Lang::Nl)
        );
        assert!(
            text(8, Lang::Nl).contains("2,13 keer"),
            "{}",
            text(8, Lang::Nl)
        );
        assert!(
            text(8, Lang::En).contains("2.13 times"),
            "{}",
            text(8, Lang::En)
        );
        assert!(
            text(11, Lang::Nl).starts_with("5,3%"),
            "{}",
            text(11, Lang::Nl)
        );
        assert!(
            text(13, Lang::Nl).contains("12.500,5 van 20.000"),
            "{}",
            text(13, Lang::Nl)
        );
        assert!(
            text(14, Lang::Nl).contains("in ontwikkeling"),
            "{}",
            text(14, Lang::Nl)
        );
        assert!(
            text(6, Lang::Nl).contains("Een mandaat (niet voldaan)"),
            "{}",
            text(6, Lang::Nl)
        );
    }
}
