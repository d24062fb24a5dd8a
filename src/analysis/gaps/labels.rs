//! Every word the gap report shows, in English and Dutch, and the wording of each gap.

use super::frameworks::Verdict;
use super::peers::Coverage;
use super::{GapKind, NoProjection, Part, Projection, Role, num};
pub use crate::report::Label;
use crate::report::Lang;
use crate::report::labels::word;

pub use crate::report::labels::gaps::*;

fn pick(lang: Lang, en: String, nl: String) -> String {
    match lang {
        Lang::En => en,
        Lang::Nl => nl,
    }
}

fn quality(q: Part, lang: Lang) -> &'static str {
    match q {
        Part::Indicator => INDICATOR,
        Part::Baseline => BASELINE,
        Part::Target => TARGET,
        Part::Owner => OWNER,
        Part::Deadline => DEADLINE,
        Part::Milestones => MILESTONES,
        Part::Monitoring => MONITORING,
    }
    .get(lang)
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
    let date = |d: &chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    match kind {
        GapKind::ThemeWithoutRole { theme, role } => {
            let (en, nl, sen, snl) = match role {
                Role::Trekker => (
                    "no trekker",
                    "geen trekker",
                    "name a trekker (`trekker:`)",
                    "wijs een trekker aan (`trekker:`)",
                ),
                Role::Workgroup => (
                    "no workgroup",
                    "geen werkgroep",
                    "give the theme a workgroup (`workgroup:`)",
                    "geef het thema een werkgroep (`workgroup:`)",
                ),
                Role::BoardContact => (
                    "no board contact",
                    "geen aanspreekpunt in het bestuur",
                    "name a board contact (`board_contact:`)",
                    "wijs een aanspreekpunt in het dagelijks bestuur aan (`board_contact:`)",
                ),
                Role::Goals => (
                    "no goals",
                    "geen doelen",
                    "add at least one measurable goal",
                    "voeg minstens één meetbaar doel toe",
                ),
            };
            (
                pick(
                    lang,
                    format!("theme `{theme}` has {en}"),
                    format!("thema `{theme}` heeft {nl}"),
                ),
                pick(lang, sen.into(), snl.into()),
            )
        }
        GapKind::GoalQuality { goal, missing } => {
            let parts: Vec<&str> = missing.iter().map(|q| quality(*q, lang)).collect();
            (
                pick(
                    lang,
                    format!("goal `{goal}` lacks: {}", parts.join(", ")),
                    format!("doel `{goal}` mist: {}", parts.join(", ")),
                ),
                pick(
                    lang,
                    "make the goal measurable, owned and dated".into(),
                    "maak het doel meetbaar, belegd en gedateerd".into(),
                ),
            )
        }
        GapKind::GoalOverdue {
            goal,
            deadline,
            days,
        } => (
            pick(
                lang,
                format!("goal `{goal}` was due {} ({days} days ago)", date(deadline)),
                format!(
                    "doel `{goal}` moest af op {} ({days} dagen geleden)",
                    date(deadline)
                ),
            ),
            pick(
                lang,
                "set the status (achieved, stopped) or a new deadline".into(),
                "zet de status (achieved, stopped) of een nieuwe deadline".into(),
            ),
        ),
        GapKind::GoalBehind {
            goal,
            date: at,
            measured,
            expected,
            projected,
        } => {
            let when_en = match projected {
                Projection::On(d) => format!("target reached {}", date(d)),
                other @ Projection::NotComputable(_) => projection(*other, Lang::En),
            };
            let when_nl = match projected {
                Projection::On(d) => format!("streefwaarde bereikt {}", date(d)),
                other @ Projection::NotComputable(_) => projection(*other, Lang::Nl),
            };
            (
                pick(
                    lang,
                    format!(
                        "goal `{goal}` measured {} on {}, expected {}; {when_en}",
                        num(*measured),
                        date(at),
                        num(*expected)
                    ),
                    format!(
                        "doel `{goal}` gemeten {} op {}, verwacht {}; {when_nl}",
                        num(*measured),
                        date(at),
                        num(*expected)
                    ),
                ),
                pick(
                    lang,
                    "discuss the goal in the workgroup; adjust the approach or the target".into(),
                    "bespreek het doel in de werkgroep; pas aanpak of streefwaarde aan".into(),
                ),
            )
        }
        GapKind::NothingDue { theme } => (
            pick(
                lang,
                format!("regional theme `{theme}` has nothing due inside the plan period"),
                format!("regionaal thema `{theme}` heeft niets dat binnen de planperiode af moet"),
            ),
            pick(
                lang,
                "give a goal a deadline inside the plan period".into(),
                "geef een doel een deadline binnen de planperiode".into(),
            ),
        ),
        GapKind::Undecided { theme } => (
            pick(
                lang,
                format!("theme `{theme}` is undecided"),
                format!("over thema `{theme}` is nog niet besloten"),
            ),
            pick(
                lang,
                "decide: take it up regionally or leave it to the members".into(),
                "besluit: regionaal oppakken of bij de leden laten".into(),
            ),
        ),
        GapKind::Requirement {
            framework,
            requirement,
            title,
            verdict,
        } => {
            let v = match verdict {
                Verdict::Met => MET,
                Verdict::PartlyMet => PARTLY_MET,
                Verdict::NotMet => NOT_MET,
                Verdict::NotShown => NOT_SHOWN,
            }
            .get(lang);
            (
                format!("{framework}/{requirement}: {title} ({v})"),
                pick(
                    lang,
                    format!("see the section of framework `{framework}` for what is missing"),
                    format!("zie de sectie van kader `{framework}` voor wat ontbreekt"),
                ),
            )
        }
        GapKind::ConditionContradicted {
            contract,
            condition,
            marked,
            verdict,
        } => {
            let v = match verdict {
                Verdict::Met => MET,
                Verdict::PartlyMet => PARTLY_MET,
                Verdict::NotMet => NOT_MET,
                Verdict::NotShown => NOT_SHOWN,
            }
            .get(lang);
            let (said_en, said_nl) = if *marked {
                ("met: true", "met: true")
            } else {
                ("met: false", "met: false")
            };
            (
                pick(lang, format!("condition `{condition}` of contract `{contract}` is marked `{said_en}`, but the plan's own figures read {v}"),
                    format!("voorwaarde `{condition}` van contract `{contract}` staat op `{said_nl}`, maar de cijfers van het plan geven: {v}")),
                pick(lang, "correct `met:` or the figures it is measured by (see the contract conditions)".into(), "pas `met:` aan of de cijfers waaraan het gemeten wordt (zie de contractvoorwaarden)".into()),
            )
        }
        // The least-funded member gets nothing (or less): no ratio to state.
        GapKind::UnequalFunding { year, line, ratio } if !ratio.is_finite() => {
            let line = word(*line).get(lang);
            (
            pick(lang, format!("{line} {year}: a member gets € 0 or less per listed patient while others are funded (the ratio is not computable)"),
                format!("{line} {year}: een lid krijgt € 0 of minder per ingeschreven patiënt terwijl anderen geld krijgen (de verhouding is niet te berekenen)")),
            pick(lang, "agree a path to equal funding per listed patient (see the cost to the median)".into(), "spreek een pad naar gelijke financiering per patiënt af (zie de kosten naar de mediaan)".into()),
        )
        }
        GapKind::UnequalFunding { year, line, ratio } => {
            let line = word(*line).get(lang);
            (
            pick(lang, format!("{line} {year}: the best-funded member gets {}x the least-funded per listed patient", num((ratio * 100.0).round() / 100.0)),
                format!("{line} {year}: het best gefinancierde lid krijgt {}x het minst gefinancierde per ingeschreven patiënt", num((ratio * 100.0).round() / 100.0))),
            pick(lang, "agree a path to equal funding per listed patient (see the cost to the median)".into(), "spreek een pad naar gelijke financiering per patiënt af (zie de kosten naar de mediaan)".into()),
        )
        }
        GapKind::MemberWithoutPatients { member } => (
            pick(
                lang,
                format!("member `{member}` is funded but has no listed patients"),
                format!("lid `{member}` krijgt geld maar heeft geen patiëntaantal"),
            ),
            pick(
                lang,
                "add `listed_patients` (more than 0) to the organisation".into(),
                "voeg `listed_patients` (meer dan 0) toe aan de organisatie".into(),
            ),
        ),
        GapKind::PracticesNotJoined { practices, pct } => {
            let count = practices.map(|p| format!(" ({p})")).unwrap_or_default();
            (
                pick(
                    lang,
                    format!(
                        "{}% of the region's practices{count} have not joined",
                        num((pct * 10.0).round() / 10.0)
                    ),
                    format!(
                        "{}% van de praktijken in de regio{count} is niet aangesloten",
                        num((pct * 10.0).round() / 10.0)
                    ),
                ),
                pick(
                    lang,
                    "find out why and what would make them join".into(),
                    "zoek uit waarom en wat aansluiten aantrekkelijk maakt".into(),
                ),
            )
        }
        GapKind::NeighbourhoodUncovered { neighbourhood } => (
            pick(
                lang,
                format!("neighbourhood `{neighbourhood}` has no wijkmanager and no collaboration"),
                format!(
                    "wijk `{neighbourhood}` heeft geen wijkmanager en geen samenwerkingsverband"
                ),
            ),
            pick(
                lang,
                "assign a wijkmanager or record the collaboration".into(),
                "wijs een wijkmanager aan of leg het samenwerkingsverband vast".into(),
            ),
        ),
        GapKind::ReachBelowTarget {
            programme,
            goal,
            value,
            target,
        } => (
            pick(
                lang,
                format!(
                    "programme `{programme}` at {} of {} (goal `{goal}`)",
                    num(*value),
                    num(*target)
                ),
                format!(
                    "programma `{programme}` op {} van {} (doel `{goal}`)",
                    num(*value),
                    num(*target)
                ),
            ),
            pick(
                lang,
                "plan the next step of the programme's growth".into(),
                "plan de volgende stap in de groei van het programma".into(),
            ),
        ),
        GapKind::PeerCoverage {
            what,
            name,
            peers,
            of,
        } => {
            let (en, nl, here_en, here_nl) = match what {
                Coverage::Theme => (
                    "theme",
                    "thema",
                    "this plan does not mention it",
                    "dit plan noemt het niet",
                ),
                Coverage::BuildingBlock => (
                    "building block",
                    "bouwsteen",
                    "this plan neither assesses it at developing or higher nor serves it with a regional theme or goal",
                    "dit plan beoordeelt het niet als developing of hoger en geen regionaal thema of doel draagt eraan bij",
                ),
            };
            (
                pick(
                    lang,
                    format!("{en} `{name}` is covered by {peers} of {of} peers; {here_en}"),
                    format!(
                        "{nl} `{name}` wordt door {peers} van {of} andere regio's opgepakt; {here_nl}"
                    ),
                ),
                pick(
                    lang,
                    format!("consider taking up `{name}` or record why not"),
                    format!("overweeg `{name}` op te pakken of leg vast waarom niet"),
                ),
            )
        }
    }
}
