//! Against reference frameworks: each requirement of each framework, per plan, met, partly
//! met, not met, or cannot tell because the plan does not say.
//!
//! The kinds are interpreted here and nowhere else. Kinds whose data plan format 1 does not
//! hold (`mandate`, `document`, `result_agreements` on listed contracts, `goal_milestones`)
//! answer "cannot tell" and say which data would decide them.

use serde::Serialize;

use super::{Gap, GapKind, PlanInput, Severity, gap_table, labels as l, num};
use crate::frameworks::{Figure, Framework, Requirement, RequirementKind, ThemeRole};
use crate::judge::{quality, roles};
use crate::plan::Plan;
use crate::plan::catalogue::Catalogue;
use crate::plan::domain::yaml_name;
use crate::plan::index::each_goal;
use crate::plan::raw::{MandateBase, OrganisationKind, Relation};
use crate::report::{Block, Cell, Column, Lang, Section, Table, Text, Tone};

/// The answer to one requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Met,
    PartlyMet,
    NotMet,
    CannotTell,
}

/// One requirement for one plan: the verdict, what was found, what is missing. Evidence and
/// missing are in `(en, nl)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub region: String,
    pub requirement: String,
    pub title: String,
    pub verdict: Verdict,
    pub evidence: (String, String),
    pub missing: (String, String),
}

/// One framework over all plans.
#[derive(Debug, Clone)]
pub struct FrameworkResult {
    pub id: String,
    pub title: String,
    pub source: String,
    pub findings: Vec<Finding>,
    pub gaps: Vec<Gap>,
}

/// Evaluates a framework against every plan.
#[must_use]
pub fn evaluate(
    plans: &[PlanInput<'_>],
    framework: &Framework,
    catalogue: &Catalogue,
) -> FrameworkResult {
    let mut findings = Vec::new();
    let mut gaps = Vec::new();
    for input in plans {
        for req in &framework.requirements {
            let (verdict, evidence, missing) = judge(input, req, catalogue);
            let finding = Finding {
                region: input.region(),
                requirement: req.id.clone(),
                title: req.title.clone(),
                verdict,
                evidence,
                missing,
            };
            let severity = match verdict {
                Verdict::NotMet => Some(Severity::Error),
                Verdict::PartlyMet => Some(Severity::Warning),
                Verdict::Met | Verdict::CannotTell => None,
            };
            if let Some(severity) = severity {
                gaps.push(Gap {
                    region: input.region(),
                    severity,
                    location: Some(input.at(place(input.plan, req))),
                    kind: GapKind::Requirement {
                        framework: framework.id.clone(),
                        requirement: req.id.clone(),
                        title: req.title.clone(),
                        verdict,
                    },
                });
            }
            findings.push(finding);
        }
    }
    FrameworkResult {
        id: framework.id.clone(),
        title: framework.title.clone(),
        source: framework.source.clone(),
        findings,
        gaps,
    }
}

/// The element a requirement's gap points at: the node that decides it where there is one,
/// else the region's name.
fn place(plan: &crate::plan::Plan, req: &Requirement) -> crate::diagnostic::Span {
    let fallback = plan.region.name.span;
    let kf = &plan.region.key_figures;
    match req.kind {
        RequirementKind::PlanSpan => plan.period.end.span,
        RequirementKind::KeyFigure => match req.figure {
            Some(Figure::ListedPatients) => kf.listed_patients.as_ref().map(|v| v.span),
            Some(Figure::Practices) => kf.practices.as_ref().map(|v| v.span),
            Some(Figure::PracticesJoined) => kf.practices_joined.as_ref().map(|v| v.span),
            Some(Figure::PracticesJoinedPct) => kf.practices_joined_pct.as_ref().map(|v| v.span),
            Some(Figure::Gps) => kf.gps.as_ref().map(|v| v.span),
            Some(Figure::Municipalities) | None => None,
        }
        .unwrap_or(fallback),
        RequirementKind::BuildingBlocks => plan
            .building_blocks
            .iter()
            .find(|a| {
                (req.blocks.is_empty() || req.blocks.contains(&a.block.value.0))
                    && req.level.is_some_and(|level| a.level.value < level)
            })
            .map_or(fallback, |a| a.level.span),
        RequirementKind::ThemeRole => plan
            .themes
            .iter()
            .find(|t| roles::lacks(t, req.role.unwrap_or(ThemeRole::Trekker)))
            .map_or(fallback, |t| t.id.span),
        RequirementKind::Monitoring => plan.period.start.span,
        _ => fallback,
    }
}

type Judged = (Verdict, (String, String), (String, String));

fn both(text: impl Into<String>) -> (String, String) {
    let text = text.into();
    (text.clone(), text)
}

fn say(en: String, nl: String) -> (String, String) {
    (en, nl)
}

fn none() -> (String, String) {
    (String::new(), String::new())
}

/// Met when `value >= least`; partly met when above zero; else not met.
fn at_least(value: f64, least: f64) -> Verdict {
    if value >= least {
        Verdict::Met
    } else if value > 0.0 {
        Verdict::PartlyMet
    } else {
        Verdict::NotMet
    }
}

fn judge(input: &PlanInput<'_>, req: &Requirement, catalogue: &Catalogue) -> Judged {
    let plan = input.plan;
    let least = req.at_least.unwrap_or(0.0);
    match req.kind {
        RequirementKind::KeyFigure => key_figure(input, req),
        RequirementKind::Mandate => mandate(plan, least),
        RequirementKind::PartnerDomains if req.domains.is_empty() => other_domains(plan, least),
        RequirementKind::PartnerDomains => {
            let domains: &[OrganisationKind] = if req.domains.is_empty() {
                &[
                    OrganisationKind::Hospital,
                    OrganisationKind::Ggz,
                    OrganisationKind::Vvt,
                    OrganisationKind::Municipality,
                    OrganisationKind::Welfare,
                ]
            } else {
                &req.domains
            };
            let mut found: Vec<String> = plan
                .organisations
                .iter()
                .filter(|o| {
                    matches!(o.relation.value, Relation::Partner | Relation::Member)
                        && domains.contains(&o.kind.value)
                })
                .map(|o| yaml_name(&o.kind.value))
                .collect();
            found.sort();
            found.dedup();
            let verdict = at_least(found.len() as f64, least);
            let missing = if verdict == Verdict::Met {
                none()
            } else {
                let absent: Vec<String> = domains
                    .iter()
                    .map(yaml_name)
                    .filter(|d| !found.contains(d))
                    .collect();
                let short = num((least - found.len() as f64).max(0.0));
                say(
                    format!("{short} more domain(s), e.g. {}", absent.join(", ")),
                    format!("nog {short} domein(en), bijv. {}", absent.join(", ")),
                )
            };
            (verdict, both(found.join(", ")), missing)
        }
        RequirementKind::Parties => {
            let count = plan
                .organisations
                .iter()
                .filter(|o| {
                    o.relation.value != Relation::Itself
                        && o.relation.value != Relation::FormerMember
                })
                .count();
            let verdict = at_least(count as f64, least);
            (
                verdict,
                say(
                    format!("{count} organisation(s) involved"),
                    format!("{count} organisatie(s) betrokken"),
                ),
                if verdict == Verdict::Met {
                    none()
                } else {
                    say(
                        format!("at least {} organisations", num(least)),
                        format!("minstens {} organisaties", num(least)),
                    )
                },
            )
        }
        RequirementKind::ThemeRole => {
            let role = req.role.unwrap_or(ThemeRole::Trekker);
            let regional: Vec<_> = plan
                .themes
                .iter()
                .filter(|t| roles::needs_roles(t))
                .collect();
            let without: Vec<String> = regional
                .iter()
                .filter(|t| roles::lacks(t, role))
                .map(|t| t.id.value.0.clone())
                .collect();
            let filled = regional.len() - without.len();
            let verdict = if regional.is_empty() {
                Verdict::NotMet
            } else if without.is_empty() {
                Verdict::Met
            } else if filled > 0 {
                Verdict::PartlyMet
            } else {
                Verdict::NotMet
            };
            (
                verdict,
                say(
                    format!("{filled} of {} regional themes", regional.len()),
                    format!("{filled} van {} regionale thema's", regional.len()),
                ),
                if without.is_empty() {
                    none()
                } else {
                    both(without.join(", "))
                },
            )
        }
        RequirementKind::BuildingBlocks => {
            let level = req.level.unwrap_or(crate::plan::raw::Maturity::Developing);
            let blocks: Vec<&str> = if req.blocks.is_empty() {
                catalogue.ids().collect()
            } else {
                req.blocks.iter().map(String::as_str).collect()
            };
            let mut reached = Vec::new();
            let mut below = Vec::new();
            let mut unassessed = Vec::new();
            for block in &blocks {
                match plan
                    .building_blocks
                    .iter()
                    .find(|a| a.block.value.0 == *block)
                {
                    Some(a) if a.level.value >= level => {
                        reached.push(format!("{block}: {}", yaml_name(&a.level.value)));
                    }
                    Some(a) => below.push(format!("{block}: {}", yaml_name(&a.level.value))),
                    None => unassessed.push((*block).to_string()),
                }
            }
            let verdict = if reached.len() == blocks.len() {
                Verdict::Met
            } else if unassessed.len() == blocks.len() {
                Verdict::CannotTell
            } else if reached.is_empty() && below.iter().all(|b| b.ends_with("not_started")) {
                Verdict::NotMet
            } else {
                Verdict::PartlyMet
            };
            let evidence: Vec<String> = reached.iter().chain(&below).cloned().collect();
            let mut missing_en = Vec::new();
            let mut missing_nl = Vec::new();
            if !below.is_empty() {
                missing_en.push(format!("{} below {}", below.join(", "), yaml_name(&level)));
                missing_nl.push(format!("{} onder {}", below.join(", "), yaml_name(&level)));
            }
            if !unassessed.is_empty() {
                missing_en.push(format!("no assessment of {}", unassessed.join(", ")));
                missing_nl.push(format!("geen beoordeling van {}", unassessed.join(", ")));
            }
            (
                verdict,
                both(evidence.join("; ")),
                say(missing_en.join("; "), missing_nl.join("; ")),
            )
        }
        RequirementKind::PlanSpan => {
            let (Some(start), Some(end)) = (
                plan.period.start.value.earliest(),
                plan.period.end.value.latest(),
            ) else {
                return (
                    Verdict::CannotTell,
                    none(),
                    both("period.start, period.end"),
                );
            };
            let years = ((end - start).num_days() + 1) as f64 / 365.25;
            let years = (years * 10.0).round() / 10.0;
            let verdict = if years >= least {
                Verdict::Met
            } else {
                Verdict::NotMet
            };
            (
                verdict,
                say(
                    format!(
                        "{} to {}: {} years",
                        plan.period.start.value,
                        plan.period.end.value,
                        num(years)
                    ),
                    format!(
                        "{} tot {}: {} jaar",
                        plan.period.start.value,
                        plan.period.end.value,
                        num(years)
                    ),
                ),
                if verdict == Verdict::Met {
                    none()
                } else {
                    say(
                        format!("{} more year(s)", num(least - years)),
                        format!("nog {} jaar", num(least - years)),
                    )
                },
            )
        }
        RequirementKind::MeasurableGoals => {
            let (mut all, mut measurable) = (0usize, 0usize);
            each_goal(plan, &mut |g, _| {
                all += 1;
                if quality::measurable(g, plan) {
                    measurable += 1;
                }
            });
            if all == 0 {
                return (
                    Verdict::NotMet,
                    none(),
                    say("goals".into(), "doelen".into()),
                );
            }
            let share = 100.0 * measurable as f64 / all as f64;
            let verdict = at_least(share, least);
            (
                verdict,
                say(
                    format!(
                        "{measurable} of {all} goals measurable ({}%)",
                        num(share.round())
                    ),
                    format!(
                        "{measurable} van {all} doelen meetbaar ({}%)",
                        num(share.round())
                    ),
                ),
                if verdict == Verdict::Met {
                    none()
                } else {
                    say(
                        format!(
                            "indicator, baseline, target and deadline on {} goal(s)",
                            all - measurable
                        ),
                        format!(
                            "indicator, nulmeting, streefwaarde en deadline bij {} doel(en)",
                            all - measurable
                        ),
                    )
                },
            )
        }
        RequirementKind::Monitoring => {
            let cadence = plan.period.monitoring.as_ref().map(|c| yaml_name(&c.value));
            let (mut all, mut measured) = (0usize, 0usize);
            each_goal(plan, &mut |g, _| {
                all += 1;
                if !g.measurements.is_empty() {
                    measured += 1;
                }
            });
            let verdict = match (cadence.is_some(), measured > 0) {
                (true, true) => Verdict::Met,
                (false, false) => Verdict::NotMet,
                _ => Verdict::PartlyMet,
            };
            let mut en = vec![format!("{measured} of {all} goals measured")];
            let mut nl = vec![format!("{measured} van {all} doelen gemeten")];
            if let Some(c) = &cadence {
                en.push(format!("cadence {c}"));
                nl.push(format!("frequentie {c}"));
            }
            let missing = if cadence.is_none() {
                say(
                    "a monitoring cadence (period.monitoring)".into(),
                    "een monitoringsfrequentie (period.monitoring)".into(),
                )
            } else if measured == 0 {
                say("measurements".into(), "metingen".into())
            } else {
                none()
            };
            (verdict, say(en.join(", "), nl.join(", ")), missing)
        }
        RequirementKind::ThemesWithGoals => {
            let with: Vec<String> = plan
                .themes
                .iter()
                .filter(|t| roles::needs_roles(t) && ThemeRole::Goals.filled(t))
                .map(|t| t.id.value.0.clone())
                .collect();
            let verdict = at_least(with.len() as f64, least);
            (
                verdict,
                both(with.join(", ")),
                if verdict == Verdict::Met {
                    none()
                } else {
                    say(
                        format!("at least {} themes with goals", num(least)),
                        format!("minstens {} thema's met doelen", num(least)),
                    )
                },
            )
        }
        RequirementKind::GoalMilestones => goal_milestones(plan, req.at_least),
        RequirementKind::Document => document(plan, req.document.as_deref().unwrap_or_default()),
        RequirementKind::ResultAgreements => result_agreements(plan),
        RequirementKind::FundingLines => {
            let present: Vec<String> = req
                .lines
                .iter()
                .filter(|line| plan.funding.iter().any(|f| f.line.value == **line))
                .map(yaml_name)
                .collect();
            let absent: Vec<String> = req
                .lines
                .iter()
                .map(yaml_name)
                .filter(|n| !present.contains(n))
                .collect();
            let verdict = if absent.is_empty() {
                Verdict::Met
            } else if present.is_empty() {
                Verdict::NotMet
            } else {
                Verdict::PartlyMet
            };
            (verdict, both(present.join(", ")), both(absent.join(", ")))
        }
    }
}

fn key_figure(input: &PlanInput<'_>, req: &Requirement) -> Judged {
    let plan = input.plan;
    let kf = &plan.region.key_figures;
    let figure = req.figure.unwrap_or(Figure::ListedPatients);
    let name = match figure {
        Figure::ListedPatients => "listed_patients",
        Figure::Practices => "practices",
        Figure::PracticesJoined => "practices_joined",
        Figure::PracticesJoinedPct => "practices_joined_pct",
        Figure::Gps => "gps",
        Figure::Municipalities => "municipalities",
    };
    let members = || {
        plan.organisations
            .iter()
            .filter(|o| o.relation.value == Relation::Member)
    };
    let (value, how): (Option<f64>, (String, String)) = match figure {
        Figure::ListedPatients => {
            if let Some(v) = &kf.listed_patients {
                (
                    Some(v.value as f64),
                    both(format!("key_figures.listed_patients = {}", v.value)),
                )
            } else {
                let sum: u64 = members()
                    .filter_map(|o| o.listed_patients.as_ref().map(|p| p.value))
                    .sum();
                if sum > 0 {
                    (
                        Some(sum as f64),
                        say(
                            format!("{sum} (sum over member organisations)"),
                            format!("{sum} (som over de leden)"),
                        ),
                    )
                } else {
                    (None, none())
                }
            }
        }
        Figure::Practices => (kf.practices.as_ref().map(|v| v.value as f64), none()),
        Figure::PracticesJoined => (kf.practices_joined.as_ref().map(|v| v.value as f64), none()),
        Figure::PracticesJoinedPct => (kf.practices_joined_pct.as_ref().map(|v| v.value), none()),
        Figure::Gps => (kf.gps.as_ref().map(|v| v.value as f64), none()),
        Figure::Municipalities => (Some(plan.region.municipalities.len() as f64), none()),
    };
    let Some(value) = value else {
        // A figure that is only to be stated is missing; one that must reach a value is
        // unknown.
        let verdict = if req.at_least.is_some() {
            Verdict::CannotTell
        } else {
            Verdict::NotMet
        };
        return (verdict, none(), both(format!("region.key_figures.{name}")));
    };
    let evidence = if how.0.is_empty() {
        both(format!("{name} = {}", num(value)))
    } else {
        how
    };
    match req.at_least {
        None => (Verdict::Met, evidence, none()),
        Some(least) if value >= least => (Verdict::Met, evidence, none()),
        Some(least) => (
            Verdict::NotMet,
            evidence,
            say(
                format!("{} short of {}", num(least - value), num(least)),
                format!("{} te weinig voor {}", num(least - value), num(least)),
            ),
        ),
    }
}

/// One section per framework.
#[must_use]
pub fn sections(results: &[FrameworkResult], lang: Lang) -> Vec<Section> {
    results
        .iter()
        .map(|r| {
            let mut table = Table::new(vec![
                Column::left("region", l::REGION.get(lang)),
                Column::left("requirement", l::REQUIREMENT.get(lang)),
                Column::left("title", l::TITLE_COLUMN.get(lang)),
                Column::left("verdict", l::VERDICT.get(lang)),
                Column::left("evidence", l::EVIDENCE.get(lang)),
                Column::left("missing", l::MISSING.get(lang)),
            ]);
            for f in &r.findings {
                let pick = |pair: &(String, String)| match lang {
                    Lang::En => pair.0.clone(),
                    Lang::Nl => pair.1.clone(),
                };
                let text = |s: String| {
                    if s.is_empty() {
                        Cell::Empty
                    } else {
                        Cell::text(s)
                    }
                };
                table.push(vec![
                    Cell::text(f.region.clone()),
                    Cell::text(f.requirement.clone()),
                    Cell::text(f.title.clone()),
                    verdict_cell(f.verdict, lang),
                    text(pick(&f.evidence)),
                    text(pick(&f.missing)),
                ]);
            }
            let intro = Text::default()
                .code(r.id.clone())
                .plain(format!(": {} ({})", r.title, r.source));
            let mut blocks = vec![Block::Text(intro), Block::Table(table)];
            if !r.gaps.is_empty() {
                blocks.push(Block::Table(gap_table(&r.gaps, lang)));
            }
            Section {
                id: format!("framework-{}", r.id),
                heading: format!("{}: {}", l::FRAMEWORK.get(lang), r.id),
                blocks,
            }
        })
        .collect()
}

/// A verdict as a coloured status.
#[must_use]
pub fn verdict_cell(verdict: Verdict, lang: Lang) -> Cell {
    let (label, tone) = match verdict {
        Verdict::Met => (l::MET, Tone::Good),
        Verdict::PartlyMet => (l::PARTLY_MET, Tone::Warning),
        Verdict::NotMet => (l::NOT_MET, Tone::Bad),
        Verdict::CannotTell => (l::CANNOT_TELL, Tone::Neutral),
    };
    Cell::Status {
        value: yaml_name(&verdict),
        label: label.get(lang).to_string(),
        tone,
    }
}
/// `mandate`: the largest share of the GPs (else of the practices) that mandated the region.
fn mandate(plan: &Plan, least: f64) -> Judged {
    let found = [MandateBase::Gps, MandateBase::Practices]
        .into_iter()
        .find_map(|of| Some((of, plan.mandate_share(of)?)));
    let Some((of, share)) = found else {
        let evidence = plan
            .region
            .key_figures
            .practices_joined_pct
            .as_ref()
            .map_or_else(none, |p| {
                say(
                    format!("{}% of practices joined (not the mandate)", num(p.value)),
                    format!(
                        "{}% van de praktijken aangesloten (niet het mandaat)",
                        num(p.value)
                    ),
                )
            });
        return (
            Verdict::CannotTell,
            evidence,
            say(
                "the share of huisartsen that mandated the region (region.mandates)".into(),
                "het aandeel huisartsen dat de regio mandateert (region.mandates)".into(),
            ),
        );
    };
    let (whom_en, whom_nl) = match of {
        MandateBase::Gps => ("the huisartsen", "de huisartsen"),
        MandateBase::Practices => ("the practices", "de praktijken"),
    };
    let verdict = if share >= least {
        Verdict::Met
    } else {
        Verdict::NotMet
    };
    (
        verdict,
        say(
            format!("a mandate from {}% of {whom_en}", num(share)),
            format!("een mandaat van {}% van {whom_nl}", num(share)),
        ),
        if verdict == Verdict::Met {
            none()
        } else {
            say(
                format!("{} more percentage points", num(least - share)),
                format!("nog {} procentpunt", num(least - share)),
            )
        },
    )
}

/// `partner_domains` without named kinds: the other domains (hospital, GGZ, GGD, VVT, welzijn,
/// sociaal domein, gemeente) of the plan's organisations, by their domain or kind.
fn other_domains(plan: &Plan, least: f64) -> Judged {
    let found: Vec<String> = plan.other_domains().iter().map(yaml_name).collect();
    let verdict = at_least(found.len() as f64, least);
    let missing = if verdict == Verdict::Met {
        none()
    } else {
        let short = num((least - found.len() as f64).max(0.0));
        say(
            format!("{short} more domain(s) beside GP care and insurance"),
            format!("nog {short} domein(en) naast huisartsenzorg en verzekeraar"),
        )
    };
    (verdict, both(found.join(", ")), missing)
}

/// `goal_milestones`: the share of goals with at least one milestone (all of them, or at least
/// `at_least` percent).
fn goal_milestones(plan: &Plan, at_least_pct: Option<f64>) -> Judged {
    let (mut all, mut with) = (0usize, 0usize);
    each_goal(plan, &mut |g, _| {
        all += 1;
        with += usize::from(!g.milestones.is_empty());
    });
    let share = if all == 0 {
        0.0
    } else {
        100.0 * with as f64 / all as f64
    };
    let verdict = match at_least_pct {
        Some(least) => at_least(share, least),
        None if all > 0 && with == all => Verdict::Met,
        None if with > 0 => Verdict::PartlyMet,
        None => Verdict::NotMet,
    };
    (
        verdict,
        say(
            format!("{with} of {all} goals have milestones"),
            format!("{with} van {all} doelen hebben mijlpalen"),
        ),
        if verdict == Verdict::Met {
            none()
        } else {
            say(
                format!("milestones for {} goal(s)", all - with),
                format!("mijlpalen bij {} doel(en)", all - with),
            )
        },
    )
}

/// `document`: a document of the kind among `plan.documents`. A plan that lists no `plan:`
/// block says nothing about its documents.
fn document(plan: &Plan, kind: &str) -> Judged {
    let Some(info) = &plan.plan else {
        return (
            Verdict::CannotTell,
            none(),
            say(
                format!("a plan document of kind `{kind}` (plan.documents)"),
                format!("een plandocument van soort `{kind}` (plan.documents)"),
            ),
        );
    };
    let found: Vec<String> = info
        .documents
        .iter()
        .filter(|d| yaml_name(&d.kind.value) == kind)
        .map(|d| {
            let title = d
                .title
                .as_ref()
                .map_or_else(|| kind.to_string(), |t| t.value.clone());
            let year = d
                .year
                .as_ref()
                .map(|y| format!(" {}", y.value))
                .unwrap_or_default();
            format!("{title}{year} ({})", yaml_name(&d.status.value))
        })
        .collect();
    if found.is_empty() {
        (
            Verdict::NotMet,
            none(),
            say(
                format!("a document of kind `{kind}` in plan.documents"),
                format!("een document van soort `{kind}` in plan.documents"),
            ),
        )
    } else {
        (Verdict::Met, both(found.join("; ")), none())
    }
}

/// `result_agreements`: every contract carries result agreements.
fn result_agreements(plan: &Plan) -> Judged {
    if plan.contracts.is_empty() {
        return (
            Verdict::NotMet,
            say(
                "no contract with an insurer in the plan".into(),
                "geen contract met een verzekeraar in het plan".into(),
            ),
            say(
                "a contract with result agreements".into(),
                "een contract met resultaatafspraken".into(),
            ),
        );
    }
    let (with, without): (Vec<_>, Vec<_>) = plan
        .contracts
        .iter()
        .partition(|c| !c.result_agreements.is_empty());
    let verdict = if without.is_empty() {
        Verdict::Met
    } else if with.is_empty() {
        Verdict::NotMet
    } else {
        Verdict::PartlyMet
    };
    let count: usize = with.iter().map(|c| c.result_agreements.len()).sum();
    (
        verdict,
        say(
            format!(
                "{count} result agreement(s) in {} of {} contract(s)",
                with.len(),
                plan.contracts.len()
            ),
            format!(
                "{count} resultaatafspraak/-afspraken in {} van {} contract(en)",
                with.len(),
                plan.contracts.len()
            ),
        ),
        if without.is_empty() {
            none()
        } else {
            both(
                without
                    .iter()
                    .map(|c| c.id.value.0.clone())
                    .collect::<Vec<_>>()
                    .join(", "),
            )
        },
    )
}
