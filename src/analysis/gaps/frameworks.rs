//! Against reference frameworks and the plan's own contract conditions: each requirement of
//! each framework, per plan, *met*, *partly met*, *not met* or *not shown*, with its evidence
//! and what is missing or what to add; and each contract condition as the plan marks it
//! (`met:`) beside the tool's reading, with a gap where they contradict each other.
//!
//! The questions a contract condition can ask too (key figures, mandates, other domains,
//! documents, result agreements, the plan's span) are answered by `judge::checks`, so `check`
//! (RP407) and `gaps` agree; the other kinds are read here from the plan. Nothing here
//! decides what a verdict means: see `judge::verdict`.

use super::{Gap, GapKind, PlanInput, Severity, gap_table, labels as l};
use crate::frameworks::{Ask, Framework, Requirement, ThemeRole};
use crate::judge::checks::{Check, ConditionReading, delivered};
use crate::judge::domains;
pub use crate::judge::verdict::Verdict;
use crate::judge::verdict::{Judgement, Said};
use crate::judge::{quality, roles};
use crate::lang::{Count, Noun, Plain};
use crate::msg;
use crate::plan::Plan;
use crate::plan::catalogue::Catalogue;
use crate::plan::domain::{Named, yaml_name};
use crate::plan::raw::{Goal, MandateBase, Maturity};
use crate::report::{Block, Cell, Column, Lang, Section, Table, Text, Tone};

/// One requirement for one plan: the judgement with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub region: String,
    pub requirement: String,
    /// The requirement's title in both languages.
    pub title: crate::lang::Message,
    pub verdict: Verdict,
    pub evidence: Said,
    pub missing: Said,
    /// The verdict rests on values the plan marks as illustrative.
    pub illustrative: bool,
}

/// One framework over all plans.
#[derive(Debug, Clone)]
pub struct FrameworkResult {
    pub id: String,
    /// The framework's title in both languages.
    pub title: crate::lang::Message,
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
            let j = judge(input.plan, &req.ask, catalogue);
            let fails_unshown = req.not_shown_fails.unwrap_or(framework.not_shown_fails);
            let severity = match j.verdict {
                Verdict::NotMet => Some(Severity::Error),
                Verdict::PartlyMet => Some(Severity::Warning),
                Verdict::NotShown if fails_unshown => Some(Severity::Error),
                Verdict::Met | Verdict::NotShown => None,
            };
            if let Some(severity) = severity {
                gaps.push(Gap {
                    region: input.region(),
                    severity,
                    location: Some(input.at(place(input.plan, req))),
                    kind: GapKind::Requirement {
                        framework: framework.id.clone(),
                        requirement: req.id.clone(),
                        title: req.titles(),
                        verdict: j.verdict,
                    },
                });
            }
            findings.push(Finding {
                region: input.region(),
                requirement: req.id.clone(),
                title: req.titles(),
                verdict: j.verdict,
                evidence: j.evidence,
                missing: j.missing,
                illustrative: j.illustrative,
            });
        }
    }
    FrameworkResult {
        id: framework.id.clone(),
        title: framework.titles(),
        source: framework.source.clone(),
        findings,
        gaps,
    }
}

/// The element a requirement's gap points at: the node that decides it where there is one,
/// else the region's name.
fn place(plan: &Plan, req: &Requirement) -> crate::diagnostic::Span {
    let fallback = plan.region.name.span;
    let kf = &plan.region.key_figures;
    match &req.ask {
        Ask::PlanSpan { .. } => plan.period.end.span,
        Ask::KeyFigure { figure, .. } => {
            use crate::judge::checks::Figure as F;
            match figure {
                F::ListedPatients => kf.listed_patients.as_ref().map(|v| v.span),
                F::Practices => kf.practices.as_ref().map(|v| v.span),
                F::PracticesJoined => kf.practices_joined.as_ref().map(|v| v.span),
                F::PracticesJoinedPct => kf.practices_joined_pct.as_ref().map(|v| v.span),
                F::Gps => kf.gps.as_ref().map(|v| v.span),
                F::Municipalities => None,
            }
            .unwrap_or(fallback)
        }
        Ask::Mandate { .. } => plan
            .region
            .mandates
            .first()
            .map_or(fallback, |m| m.share_pct.span),
        Ask::BuildingBlocks { blocks, level } => plan
            .building_blocks
            .iter()
            .find(|a| {
                (blocks.is_empty() || blocks.contains(&a.block.value.0)) && a.level.value < *level
            })
            .map_or(fallback, |a| a.level.span),
        Ask::ThemeRole { role } => plan
            .themes
            .iter()
            .find(|t| roles::lacks(t, *role))
            .map_or(fallback, |t| t.id.span),
        Ask::Monitoring {} => plan.period.start.span,
        _ => fallback,
    }
}

const GOAL_NOUN: Noun = Noun {
    en: ["goal", "goals"],
    nl: ["doel", "doelen"],
};

const REGIONAL_THEME_NOUN: Noun = Noun {
    en: ["regional theme", "regional themes"],
    nl: ["regionaal thema", "regionale thema's"],
};

/// Met when `value >= least`; partly met when above zero; else not met.
fn counted(value: f64, least: f64, evidence: Said, missing: Said) -> Judgement {
    if value >= least {
        Judgement::met(evidence)
    } else if value > 0.0 {
        Judgement::partly(evidence, missing)
    } else {
        Judgement::not_met(evidence, missing)
    }
}

/// Every goal and subgoal with whether it is illustrative.
fn goals(plan: &Plan) -> Vec<(&Goal, bool)> {
    let mut out = Vec::new();
    crate::plan::index::each_goal(plan, &mut |g, _| out.push((g, g.illustrative)));
    out
}

/// The judgement of one requirement on one plan.
#[must_use]
pub fn judge(plan: &Plan, ask: &Ask, catalogue: &Catalogue) -> Judgement {
    match ask {
        Ask::KeyFigure { figure, at_least } => Check::KeyFigure {
            figure: *figure,
            at_least: *at_least,
        }
        .judge(plan),
        Ask::Mandate { at_least, of } => Check::Mandate {
            of: of.unwrap_or(MandateBase::Gps),
            at_least: *at_least,
        }
        .judge(plan),
        Ask::PartnerDomains { at_least } => Check::OtherDomains {
            at_least: *at_least,
        }
        .judge(plan),
        Ask::Document { document } => Check::Documents {
            kinds: vec![*document],
        }
        .judge(plan),
        Ask::ResultAgreements {} => Check::ResultAgreements { contract: None }.judge(plan),
        Ask::PlanSpan { at_least } => Check::PlanSpan {
            at_least: *at_least,
        }
        .judge(plan),
        Ask::Parties { at_least } => parties(plan, *at_least),
        Ask::ThemeRole { role } => theme_role(plan, *role),
        Ask::BuildingBlocks { blocks, level } => building_blocks(plan, blocks, *level, catalogue),
        Ask::MeasurableGoals { at_least } => measurable_goals(plan, *at_least),
        Ask::Monitoring {} => monitoring(plan),
        Ask::ThemesWithGoals { at_least } => themes_with_goals(plan, *at_least),
        Ask::GoalMilestones { at_least } => goal_milestones(plan, *at_least),
        Ask::FundingLines { lines } => funding_lines(plan, lines),
    }
}

/// `parties`: the organisations that take part (`judge::domains`).
fn parties(plan: &Plan, least: f64) -> Judgement {
    let parties: Vec<_> = domains::parties(plan).collect();
    if parties.is_empty() {
        return Judgement::not_shown(Said::new(
            "the member and partner organisations under organisations (relation: member or partner)",
            "de leden en partners onder organisations (relation: member of partner)",
        ));
    }
    let names: Vec<&str> = parties.iter().map(|o| o.id.value.0.as_str()).collect();
    let count = parties.len();
    counted(
        count as f64,
        least,
        Said::from(msg!(
            "{n} involved: {names}",
            "{n} betrokken: {names}",
            n = Count(
                count,
                Noun {
                    en: ["party", "parties"],
                    nl: ["partij", "partijen"],
                }
            ),
            names = Plain(names.join(", "))
        )),
        Said::amount(
            least - count as f64,
            Noun {
                en: [
                    "more member or partner organisation",
                    "more member or partner organisations",
                ],
                nl: [
                    "lid- of partnerorganisatie meer",
                    "lid- of partnerorganisaties meer",
                ],
            },
        ),
    )
    .on_illustrative(parties.iter().all(|o| o.illustrative))
}

fn theme_role(plan: &Plan, role: ThemeRole) -> Judgement {
    let regional: Vec<_> = plan
        .themes
        .iter()
        .filter(|t| roles::needs_roles(t))
        .collect();
    let key = match role {
        ThemeRole::Trekker => "trekker",
        ThemeRole::Workgroup => "workgroup",
        ThemeRole::BoardContact => "board_contact",
        ThemeRole::Goals => "goals",
    };
    if regional.is_empty() {
        return Judgement::not_shown(Said::new(
            format!("regional themes (strategic: regional) with a `{key}`"),
            format!("regionale thema's (strategic: regional) met een `{key}`"),
        ));
    }
    let without: Vec<&str> = regional
        .iter()
        .filter(|t| !role.filled(t))
        .map(|t| t.id.value.0.as_str())
        .collect();
    let filled = regional.len() - without.len();
    counted(
        filled as f64,
        regional.len() as f64,
        Said::new(
            format!("{filled} of {} regional themes", regional.len()),
            format!("{filled} van {} regionale thema's", regional.len()),
        ),
        Said::new(
            format!("`{key}` on {}", without.join(", ")),
            format!("`{key}` bij {}", without.join(", ")),
        ),
    )
}

/// `building_blocks`: each block reached by its assessment, or by a delivered document the
/// catalogue names as its evidence (an adopted regioplan for the regiovisie).
fn building_blocks(
    plan: &Plan,
    blocks: &[String],
    level: Maturity,
    catalogue: &Catalogue,
) -> Judgement {
    let blocks: Vec<&str> = if blocks.is_empty() {
        catalogue.ids().collect()
    } else {
        blocks.iter().map(String::as_str).collect()
    };
    let documents = plan.plan.as_ref().map_or(&[][..], |p| &p.documents[..]);
    let (mut reached, mut below, mut unassessed) = (Vec::new(), Vec::new(), Vec::new());
    let mut illustrative = false;
    for block in &blocks {
        let assessment = plan
            .building_blocks
            .iter()
            .find(|a| a.block.value.0 == *block);
        let evidence_doc = catalogue
            .blocks
            .iter()
            .find(|b| b.id == *block)
            .and_then(|b| {
                documents
                    .iter()
                    .find(|d| b.documents.contains(&d.kind.value) && delivered(d.status.value))
            });
        // Each text in English and Dutch: the enum values in the reader's words.
        let assessed = assessment.map(|a| {
            let (en, nl) = a.level.value.words();
            (format!("{block}: {en}"), format!("{block}: {nl}"))
        });
        if let Some(doc) = evidence_doc {
            let (status_en, status_nl) = doc.status.value.words();
            let (kind_en, kind_nl) = doc.kind.value.words();
            let title = |kind: &'static str| doc.title.as_ref().map_or(kind, |t| t.value.as_str());
            let mut text = (
                format!("{block}: {} ({status_en})", title(kind_en)),
                format!("{block}: {} ({status_nl})", title(kind_nl)),
            );
            if let Some(a) = assessment {
                let (en, nl) = a.level.value.words();
                for (text, word) in [(&mut text.0, en), (&mut text.1, nl)] {
                    text.push_str(", ");
                    text.push_str(word);
                }
            }
            reached.push(text);
            continue;
        }
        match (assessment, assessed) {
            (Some(a), Some(text)) if a.level.value >= level => {
                illustrative |= a.illustrative;
                reached.push(text);
            }
            (Some(a), Some(text)) => {
                illustrative |= a.illustrative;
                below.push((text, a.level.value));
            }
            _ => unassessed.push((*block).to_string()),
        }
    }
    let mut evidence: Vec<(String, String)> = reached.clone();
    evidence.extend(below.iter().map(|(b, _)| b.clone()));
    let joined = |pick: fn(&(String, String)) -> &str| {
        evidence.iter().map(pick).collect::<Vec<_>>().join("; ")
    };
    let evidence = Said::new(joined(|t| &t.0), joined(|t| &t.1));
    let (mut en, mut nl) = (Vec::new(), Vec::new());
    if !below.is_empty() {
        let (level_en, level_nl) = level.words();
        let names_en: Vec<&str> = below.iter().map(|((b, _), _)| b.as_str()).collect();
        let names_nl: Vec<&str> = below.iter().map(|((_, b), _)| b.as_str()).collect();
        en.push(format!("{} below {level_en}", names_en.join(", ")));
        nl.push(format!("{} onder {level_nl}", names_nl.join(", ")));
    }
    if !unassessed.is_empty() {
        en.push(format!(
            "an assessment (building_blocks) of {}",
            unassessed.join(", ")
        ));
        nl.push(format!(
            "een beoordeling (building_blocks) van {}",
            unassessed.join(", ")
        ));
    }
    let missing = Said::new(en.join("; "), nl.join("; "));
    let judgement = if reached.len() == blocks.len() {
        Judgement::met(evidence)
    } else if reached.is_empty() && below.is_empty() {
        Judgement::not_shown(missing)
    } else if reached.is_empty()
        && unassessed.is_empty()
        && below.iter().all(|(_, m)| *m == Maturity::NotStarted)
    {
        Judgement::not_met(evidence, missing)
    } else {
        Judgement::partly(evidence, missing)
    };
    judgement.on_illustrative(illustrative)
}

fn measurable_goals(plan: &Plan, least: f64) -> Judgement {
    let all = goals(plan);
    if all.is_empty() {
        return Judgement::not_shown(Said::new(
            "goals with an indicator, baseline, target and deadline",
            "doelen met indicator, nulmeting, streefwaarde en deadline",
        ));
    }
    let measurable: Vec<_> = all
        .iter()
        .filter(|(g, _)| quality::measurable(g, plan))
        .collect();
    let (n, total) = (measurable.len(), all.len());
    let share = 100.0 * n as f64 / total as f64;
    counted(
        share,
        least,
        Said::from(msg!(
            "{n} of {total} goals measurable ({share}%)",
            "{n} van {total} doelen meetbaar ({share}%)",
            n = n,
            total = total,
            share = share.round()
        )),
        Said::from(msg!(
            "indicator, baseline, target and deadline on {goals}",
            "indicator, nulmeting, streefwaarde en deadline bij {goals}",
            goals = Count(total - n, GOAL_NOUN)
        )),
    )
    .on_illustrative(measurable.iter().any(|(_, i)| *i))
}

fn monitoring(plan: &Plan) -> Judgement {
    let cadence = plan.period.monitoring.as_ref().map(|c| c.value.words());
    let all = goals(plan);
    let measured: Vec<_> = all
        .iter()
        .filter(|(g, _)| !g.measurements.is_empty())
        .collect();
    let add_cadence = Said::new(
        "a monitoring cadence (period.monitoring)",
        "een monitoringsfrequentie (period.monitoring)",
    );
    let add_measurements = Said::new(
        "measurements on the goals (goals[].measurements)",
        "metingen bij de doelen (goals[].measurements)",
    );
    let mut en = vec![format!(
        "{} of {} goals measured",
        measured.len(),
        all.len()
    )];
    let mut nl = vec![format!(
        "{} van {} doelen gemeten",
        measured.len(),
        all.len()
    )];
    if let Some((c_en, c_nl)) = cadence {
        en.push(format!("cadence {c_en}"));
        nl.push(format!("frequentie {c_nl}"));
    }
    let evidence = Said::new(en.join(", "), nl.join(", "));
    match (cadence.is_some(), measured.is_empty()) {
        (true, false) => Judgement::met(evidence),
        (false, true) => Judgement::not_shown(Said::new(
            format!("{}; {}", add_cadence.en, add_measurements.en),
            format!("{}; {}", add_cadence.nl, add_measurements.nl),
        )),
        (false, false) => Judgement::partly(evidence, add_cadence),
        (true, true) => Judgement::partly(evidence, add_measurements),
    }
    .on_illustrative(!measured.is_empty() && measured.iter().all(|(_, i)| *i))
}

fn themes_with_goals(plan: &Plan, least: f64) -> Judgement {
    let regional: Vec<_> = plan
        .themes
        .iter()
        .filter(|t| roles::needs_roles(t))
        .collect();
    if regional.is_empty() {
        return Judgement::not_shown(Said::new(
            "regional themes (strategic: regional) with goals",
            "regionale thema's (strategic: regional) met doelen",
        ));
    }
    let with: Vec<&str> = regional
        .iter()
        .filter(|t| ThemeRole::Goals.filled(t))
        .map(|t| t.id.value.0.as_str())
        .collect();
    let evidence = if with.is_empty() {
        Said::from(msg!(
            "{themes}, none with goals",
            "{themes}, geen met doelen",
            themes = Count(regional.len(), REGIONAL_THEME_NOUN)
        ))
    } else {
        Said::same(with.join(", "))
    };
    counted(
        with.len() as f64,
        least,
        evidence,
        Said::amount(
            least - with.len() as f64,
            Noun {
                en: [
                    "more regional theme with goals",
                    "more regional themes with goals",
                ],
                nl: [
                    "regionaal thema met doelen meer",
                    "regionale thema's met doelen meer",
                ],
            },
        ),
    )
}

/// `goal_milestones`: the share of goals with at least one milestone (all of them, or at least
/// `at_least` percent). A plan whose goals carry no milestone at all shows no work agenda.
fn goal_milestones(plan: &Plan, at_least_pct: Option<f64>) -> Judgement {
    let all = goals(plan);
    let with: Vec<_> = all
        .iter()
        .filter(|(g, _)| !g.milestones.is_empty())
        .collect();
    if with.is_empty() {
        return Judgement::not_shown(Said::new(
            "a work agenda: dated milestones on the goals (goals[].milestones)",
            "een werkagenda: gedateerde mijlpalen bij de doelen (goals[].milestones)",
        ));
    }
    let (n, total) = (with.len(), all.len());
    let share = 100.0 * n as f64 / total as f64;
    let least = at_least_pct.unwrap_or(100.0);
    counted(
        share,
        least,
        Said::new(
            format!("{n} of {total} goals have milestones"),
            format!("{n} van {total} doelen hebben mijlpalen"),
        ),
        Said::from(msg!(
            "milestones on {goals} more",
            "mijlpalen bij nog {goals}",
            goals = Count(total - n, GOAL_NOUN)
        )),
    )
    .on_illustrative(with.iter().any(|(_, i)| *i))
}

fn funding_lines(plan: &Plan, lines: &[crate::plan::raw::FundingKind]) -> Judgement {
    let (present, absent): (Vec<_>, Vec<_>) = lines
        .iter()
        .partition(|line| plan.funding.iter().any(|f| f.line.value == **line));
    let names = |lines: &[&crate::plan::raw::FundingKind], nl: bool| {
        lines
            .iter()
            .map(|l| if nl { l.words().1 } else { l.words().0 })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let missing = Said::new(
        format!("funding lines (funding) for {}", names(&absent, false)),
        format!(
            "financieringslijnen (funding) voor {}",
            names(&absent, true)
        ),
    );
    let evidence = Said::new(names(&present, false), names(&present, true));
    if absent.is_empty() {
        Judgement::met(evidence)
    } else if present.is_empty() {
        Judgement::not_shown(missing)
    } else {
        Judgement::partly(evidence, missing)
    }
    .on_illustrative(plan.funding.iter().all(|f| f.illustrative))
}

/// One contract condition, as the plan marks it and as the tool reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct ConditionRow {
    pub region: String,
    pub contract: String,
    pub condition: String,
    pub reading: ConditionReading,
}

/// Every contract condition of every plan, with a gap for each contradiction.
#[derive(Debug, Clone, Default)]
pub struct Conditions {
    pub rows: Vec<ConditionRow>,
    pub gaps: Vec<Gap>,
}

/// Reads the contract conditions of every plan.
#[must_use]
pub fn conditions(plans: &[PlanInput<'_>]) -> Conditions {
    let mut out = Conditions::default();
    for input in plans {
        for contract in &input.plan.contracts {
            for condition in &contract.conditions {
                let reading = ConditionReading::of(input.plan, contract, condition);
                let name = yaml_name(&condition.kind.value);
                if reading.contradicts() {
                    let span = condition
                        .met
                        .as_ref()
                        .map_or(condition.kind.span, |m| m.span);
                    out.gaps.push(Gap {
                        region: input.region(),
                        severity: Severity::Error,
                        location: Some(input.at(span)),
                        kind: GapKind::ConditionContradicted {
                            contract: contract.id.value.0.clone(),
                            condition: name.clone(),
                            marked: reading.marked.unwrap_or_default(),
                            verdict: reading
                                .judged
                                .as_ref()
                                .map_or(Verdict::NotShown, |j| j.verdict),
                        },
                    });
                }
                out.rows.push(ConditionRow {
                    region: input.region(),
                    contract: contract.id.value.0.clone(),
                    condition: name,
                    reading,
                });
            }
        }
    }
    out
}

fn pick(said: &Said, lang: Lang) -> String {
    match lang {
        Lang::En => said.en.clone(),
        Lang::Nl => said.nl.clone(),
    }
}

fn text(s: String) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::text(s)
    }
}

/// The section of contract conditions, when a plan lists any.
#[must_use]
pub fn condition_sections(conditions: &Conditions, lang: Lang) -> Vec<Section> {
    if conditions.rows.is_empty() {
        return Vec::new();
    }
    let mut table = Table::new(vec![
        Column::left("region", l::REGION.get(lang)),
        Column::left("contract", l::CONTRACT.get(lang)),
        Column::left("condition", l::CONDITION.get(lang)),
        Column::left("marked", l::MARKED.get(lang)),
        Column::left("verdict", l::VERDICT.get(lang)),
        Column::left("evidence", l::EVIDENCE.get(lang)),
        Column::left("missing", l::MISSING.get(lang)),
    ]);
    for row in &conditions.rows {
        let marked = match row.reading.marked {
            Some(true) => Cell::Status {
                value: "yes".into(),
                label: l::MET.get(lang).into(),
                tone: Tone::Good,
            },
            Some(false) => Cell::Status {
                value: "no".into(),
                label: l::NOT_MET.get(lang).into(),
                tone: Tone::Bad,
            },
            None => Cell::Empty,
        };
        let (verdict, evidence, missing) = match &row.reading.judged {
            Some(j) => (
                verdict_cell(j.verdict, j.illustrative, lang),
                text(pick(&j.evidence, lang)),
                text(pick(&j.missing, lang)),
            ),
            None => (Cell::text(l::NOT_READ.get(lang)), Cell::Empty, Cell::Empty),
        };
        table.push(vec![
            Cell::text(row.region.clone()),
            Cell::text(row.contract.clone()),
            Cell::text(row.condition.clone()),
            marked,
            verdict,
            evidence,
            missing,
        ]);
    }
    let mut blocks = vec![Block::Table(table)];
    if !conditions.gaps.is_empty() {
        blocks.push(Block::Table(gap_table(&conditions.gaps, lang)));
    }
    vec![Section {
        id: "contract-conditions".into(),
        heading: l::CONDITIONS_SECTION.get(lang).into(),
        blocks,
    }]
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
                table.push(vec![
                    Cell::text(f.region.clone()),
                    Cell::text(f.requirement.clone()),
                    Cell::text(f.title.get(lang)),
                    verdict_cell(f.verdict, f.illustrative, lang),
                    text(pick(&f.evidence, lang)),
                    text(pick(&f.missing, lang)),
                ]);
            }
            let intro = Text::default().code(r.id.clone()).plain(format!(
                ": {} ({})",
                r.title.get(lang),
                r.source
            ));
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

/// A verdict as a coloured status; one that rests on illustrative values says so ("met, on
/// illustrative figures").
#[must_use]
pub fn verdict_cell(verdict: Verdict, illustrative: bool, lang: Lang) -> Cell {
    let (label, tone) = match verdict {
        Verdict::Met => (l::MET, Tone::Good),
        Verdict::PartlyMet => (l::PARTLY_MET, Tone::Warning),
        Verdict::NotMet => (l::NOT_MET, Tone::Bad),
        Verdict::NotShown => (l::NOT_SHOWN, Tone::Neutral),
    };
    let label = if illustrative {
        format!("{}, {}", label.get(lang), l::ON_ILLUSTRATIVE.get(lang))
    } else {
        label.get(lang).to_string()
    };
    Cell::Status {
        value: verdict.name().to_string(),
        label,
        tone,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(text: &str) -> Plan {
        crate::load::load("t.yaml", text.as_bytes())
            .plan
            .expect("the plan loads")
    }

    const BASE: &str = "regioplan: 1\nregion:\n  name: R\n  municipalities: [A]\n  started: 2020\n  governance_model: monodisciplinary\nperiod:\n  start: 2022-01-01\n  end: 2023-12-31\n";

    #[test]
    fn silence_is_not_shown_and_a_shortfall_is_not_met() {
        let catalogue = Catalogue::built_in();
        let silent = plan(BASE);
        for ask in [
            Ask::Mandate {
                at_least: 85.0,
                of: None,
            },
            Ask::Document {
                document: crate::plan::raw::DocumentKind::Zorgaanbodplan,
            },
            Ask::ResultAgreements {},
            Ask::GoalMilestones { at_least: None },
            Ask::ThemeRole {
                role: ThemeRole::Trekker,
            },
            Ask::KeyFigure {
                figure: crate::judge::checks::Figure::ListedPatients,
                at_least: None,
            },
        ] {
            let j = judge(&silent, &ask, &catalogue);
            assert_eq!(j.verdict, Verdict::NotShown, "{ask:?}");
            assert!(!j.missing.en.is_empty(), "{ask:?}: says what to add");
        }
        let span = judge(&silent, &Ask::PlanSpan { at_least: 3.0 }, &catalogue);
        assert_eq!(span.verdict, Verdict::NotMet);
        assert!(span.evidence.en.contains("2 years"), "{span:?}");
    }

    #[test]
    fn a_draft_zorgaanbodplan_is_not_delivered() {
        let catalogue = Catalogue::built_in();
        let ask = Ask::Document {
            document: crate::plan::raw::DocumentKind::Zorgaanbodplan,
        };
        let draft = plan(&format!(
            "{BASE}plan:\n  documents:\n    - {{kind: zorgaanbodplan, status: draft}}\n"
        ));
        let j = judge(&draft, &ask, &catalogue);
        assert_eq!(j.verdict, Verdict::NotMet);
        assert!(j.evidence.en.contains("draft"), "{j:?}");
        let adopted = plan(&format!(
            "{BASE}plan:\n  documents:\n    - {{kind: zorgaanbodplan, status: adopted}}\n"
        ));
        assert_eq!(judge(&adopted, &ask, &catalogue).verdict, Verdict::Met);
    }

    #[test]
    fn a_mandate_of_practices_only_partly_meets_one_of_huisartsen() {
        let catalogue = Catalogue::built_in();
        let p = plan(&BASE.replace(
            "  governance_model: monodisciplinary\n",
            "  governance_model: monodisciplinary\n  mandates:\n    - {share_pct: 95, of: practices, purpose: contractering}\n",
        ));
        let j = judge(
            &p,
            &Ask::Mandate {
                at_least: 85.0,
                of: None,
            },
            &catalogue,
        );
        assert_eq!(j.verdict, Verdict::PartlyMet);
        assert!(j.evidence.en.contains("not of the huisartsen"), "{j:?}");
    }

    #[test]
    fn an_adopted_regioplan_is_evidence_for_the_regiovisie() {
        let catalogue = Catalogue::built_in();
        let p = plan(&format!(
            "{BASE}plan:\n  documents:\n    - {{kind: regioplan, title: Regioplan 2022, status: adopted}}\n"
        ));
        let j = judge(
            &p,
            &Ask::BuildingBlocks {
                blocks: vec!["regiovisie".into()],
                level: Maturity::Developing,
            },
            &catalogue,
        );
        assert_eq!(j.verdict, Verdict::Met);
        assert!(j.evidence.en.contains("Regioplan 2022 (adopted)"), "{j:?}");
    }

    #[test]
    fn an_illustrative_assessment_is_marked_on_the_verdict() {
        let catalogue = Catalogue::built_in();
        let p = plan(&format!(
            "{BASE}building_blocks:\n  - {{block: arbeidsmarkt, level: developing, illustrative: true}}\n"
        ));
        let j = judge(
            &p,
            &Ask::BuildingBlocks {
                blocks: vec!["arbeidsmarkt".into()],
                level: Maturity::Developing,
            },
            &catalogue,
        );
        assert_eq!((j.verdict, j.illustrative), (Verdict::Met, true));
        let Cell::Status { label, .. } = verdict_cell(j.verdict, j.illustrative, Lang::Nl) else {
            panic!("a status");
        };
        assert_eq!(label, "voldaan, op illustratieve cijfers");
    }
}
