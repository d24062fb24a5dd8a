//! One evaluation of a *check*: a key figure at least N, a mandate share of the huisartsen or
//! of the practices, N other domains, documents delivered, result agreements, the plan's span.
//!
//! A contract condition (`contracts[].conditions`, rule RP407 and the contract table of
//! `gaps`) and a framework requirement (`gaps`, `src/frameworks/`) that ask the same question
//! build the same [`Check`] and get the same [`Judgement`], so `check` and `gaps` cannot
//! disagree. The rules of judging:
//!
//! - A figure, a mandate, a document or an agreement the plan does not record is *not shown*,
//!   with the key to add; a recorded one that falls short is *not met*, with by how much.
//! - A mandate of the practices does not meet a requirement on the huisartsen (nor the other
//!   way round): *partly met* at best, saying so. The share of practices that *joined* is not
//!   a mandate.
//! - A document counts as delivered only when `adopted` or `published`; a `planned` or `draft`
//!   one is *not met*.
//! - Other domains are those of [`super::domains`].
//! - A judgement that rests on values the plan marks `illustrative` says so.
//!
//! Nothing here prints; texts are data in both languages.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::domains;
use super::verdict::{Judgement, Said, Verdict};
use crate::lang::{Count, Label, List, Noun, Plain};
use crate::msg;
use crate::plan::Plan;
use crate::plan::domain::{Named, yaml_name};
use crate::plan::raw::{
    Condition, ConditionKind, Contract, DocumentKind, DocumentStatus, MandateBase, Relation,
};

/// A key figure a check reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Figure {
    /// Listed patients (the key figure, or the sum over member organisations).
    ListedPatients,
    /// GP practices in the region.
    Practices,
    /// Practices that joined the organisation.
    PracticesJoined,
    /// Share of practices that joined, in percent.
    PracticesJoinedPct,
    /// Huisartsen in the region.
    Gps,
    /// Municipalities the region covers.
    Municipalities,
}

impl Figure {
    /// The key under `region.key_figures` (or `region.municipalities`).
    #[must_use]
    pub fn key(self) -> &'static str {
        match self {
            Figure::ListedPatients => "region.key_figures.listed_patients",
            Figure::Practices => "region.key_figures.practices",
            Figure::PracticesJoined => "region.key_figures.practices_joined",
            Figure::PracticesJoinedPct => "region.key_figures.practices_joined_pct",
            Figure::Gps => "region.key_figures.gps",
            Figure::Municipalities => "region.municipalities",
        }
    }

    /// What the figure counts, in English and Dutch, after its number.
    #[must_use]
    pub fn noun(self) -> (&'static str, &'static str) {
        match self {
            Figure::ListedPatients => ("listed patients", "ingeschreven patiënten"),
            Figure::Practices => ("practices", "praktijken"),
            Figure::PracticesJoined => ("practices joined", "aangesloten praktijken"),
            Figure::PracticesJoinedPct => (
                "% of the practices joined",
                "% van de praktijken aangesloten",
            ),
            Figure::Gps => ("huisartsen", "huisartsen"),
            Figure::Municipalities => ("municipalities", "gemeenten"),
        }
    }
}

/// One question asked of a plan.
#[derive(Debug, Clone)]
pub enum Check<'a> {
    /// The key figure is stated, and at least `at_least` when given.
    KeyFigure {
        figure: Figure,
        at_least: Option<f64>,
    },
    /// A mandate from at least `at_least` percent of `of`.
    Mandate { of: MandateBase, at_least: f64 },
    /// The parties involved bring at least `at_least` other domains.
    OtherDomains { at_least: f64 },
    /// A delivered (adopted or published) document of each kind.
    Documents { kinds: Vec<DocumentKind> },
    /// Result agreements: in this contract, or in every contract of the plan.
    ResultAgreements { contract: Option<&'a Contract> },
    /// The plan period spans at least `at_least` years.
    PlanSpan { at_least: f64 },
}

impl<'a> Check<'a> {
    /// The check a contract condition asks; `None` for `other` and for a condition without
    /// the parameter it needs (rule RP406 reports that).
    #[must_use]
    pub fn of_condition(contract: &'a Contract, condition: &Condition) -> Option<Check<'a>> {
        let min = condition.min.as_ref().map(|m| m.value);
        Some(match condition.kind.value {
            ConditionKind::MinListedPatients => Check::KeyFigure {
                figure: Figure::ListedPatients,
                at_least: Some(min?),
            },
            ConditionKind::MinMandateShare => Check::Mandate {
                of: condition.of.as_ref().map_or(MandateBase::Gps, |o| o.value),
                at_least: min?,
            },
            ConditionKind::OtherDomains => Check::OtherDomains { at_least: min? },
            ConditionKind::Documents if condition.documents.is_empty() => return None,
            ConditionKind::Documents => Check::Documents {
                kinds: condition.documents.iter().map(|d| d.value).collect(),
            },
            ConditionKind::ResultAgreements => Check::ResultAgreements {
                contract: Some(contract),
            },
            ConditionKind::Other => return None,
        })
    }

    /// The judgement of the check on `plan`.
    #[must_use]
    pub fn judge(&self, plan: &Plan) -> Judgement {
        match self {
            Check::KeyFigure { figure, at_least } => key_figure(plan, *figure, *at_least),
            Check::Mandate { of, at_least } => mandate(plan, *of, *at_least),
            Check::OtherDomains { at_least } => other_domains(plan, *at_least),
            Check::Documents { kinds } => documents(plan, kinds),
            Check::ResultAgreements { contract } => result_agreements(plan, *contract),
            Check::PlanSpan { at_least } => plan_span(plan, *at_least),
        }
    }
}

fn key_figure(plan: &Plan, figure: Figure, at_least: Option<f64>) -> Judgement {
    let kf = &plan.region.key_figures;
    let key = figure.key();
    let (en, nl) = figure.noun();
    let stated = |v: Option<f64>| {
        v.map(|v| {
            (
                v,
                Said::from(msg!(
                    "{v} {noun} (`{key}`)",
                    "{v} {noun} (`{key}`)",
                    v = v,
                    noun = Label { en, nl },
                    key = Plain(key)
                )),
            )
        })
    };
    let read = match figure {
        Figure::ListedPatients => {
            if let Some(v) = &kf.listed_patients {
                stated(Some(v.value as f64)).map(|(v, e)| (v, e, kf.illustrative))
            } else {
                let counted: Vec<_> = plan
                    .organisations
                    .iter()
                    .filter(|o| o.relation.value == Relation::Member)
                    .filter_map(|o| o.listed_patients.as_ref().map(|p| (p.value, o)))
                    .collect();
                let sum: u64 = counted.iter().map(|(p, _)| *p).fold(0, u64::saturating_add);
                (sum > 0).then(|| {
                    (
                        sum as f64,
                        Said::from(msg!(
                            "{sum} listed patients (sum over the member organisations)",
                            "{sum} ingeschreven patiënten (som over de leden)",
                            sum = sum
                        )),
                        counted.iter().any(|(_, o)| o.illustrative),
                    )
                })
            }
        }
        Figure::Practices => stated(kf.practices.as_ref().map(|v| v.value as f64))
            .map(|(v, e)| (v, e, kf.illustrative)),
        Figure::PracticesJoined => stated(kf.practices_joined.as_ref().map(|v| v.value as f64))
            .map(|(v, e)| (v, e, kf.illustrative)),
        Figure::PracticesJoinedPct => stated(kf.practices_joined_pct.as_ref().map(|v| v.value))
            .map(|(v, e)| (v, e, kf.illustrative)),
        Figure::Gps => {
            stated(kf.gps.as_ref().map(|v| v.value as f64)).map(|(v, e)| (v, e, kf.illustrative))
        }
        Figure::Municipalities => (!plan.region.municipalities.is_empty())
            .then_some(plan.region.municipalities.len() as f64)
            .and_then(|n| stated(Some(n)))
            .map(|(v, e)| (v, e, false)),
    };
    let Some((value, evidence, illustrative)) = read else {
        return Judgement::not_shown(Said::same(format!("`{key}`")));
    };
    match at_least {
        Some(least) if value < least => Judgement::not_met(
            evidence,
            Said::from(msg!(
                "{short} short of {least}",
                "{short} te weinig voor {least}",
                short = least - value,
                least = least
            )),
        ),
        _ => Judgement::met(evidence),
    }
    .on_illustrative(illustrative)
}

fn whom(of: MandateBase) -> (&'static str, &'static str) {
    match of {
        MandateBase::Gps => ("the huisartsen", "de huisartsen"),
        MandateBase::Practices => ("the practices", "de praktijken"),
    }
}

fn mandate(plan: &Plan, of: MandateBase, least: f64) -> Judgement {
    let (asked_en, asked_nl) = whom(of);
    let to_add = Said::new(
        format!(
            "the share of {asked_en} that mandated the region (region.mandates, of: {})",
            yaml_name(&of)
        ),
        format!(
            "het aandeel van {asked_nl} dat de regio mandateert (region.mandates, of: {})",
            yaml_name(&of)
        ),
    );
    if let Some(share) = plan.mandate_share(of) {
        let evidence = Said::from(msg!(
            "a mandate from {share}% of {asked}",
            "een mandaat van {share}% van {asked}",
            share = share,
            asked = Label {
                en: asked_en,
                nl: asked_nl
            }
        ));
        return if share >= least {
            Judgement::met(evidence)
        } else {
            Judgement::not_met(
                evidence,
                Said::amount(
                    least - share,
                    Noun {
                        en: ["more percentage point", "more percentage points"],
                        nl: ["procentpunt meer", "procentpunt meer"],
                    },
                ),
            )
        };
    }
    let other = match of {
        MandateBase::Gps => MandateBase::Practices,
        MandateBase::Practices => MandateBase::Gps,
    };
    if let Some(share) = plan.mandate_share(other) {
        let (other_en, other_nl) = whom(other);
        let evidence = Said::from(msg!(
            "a mandate from {share}% of {other}, not of {asked}",
            "een mandaat van {share}% van {other}, niet van {asked}",
            share = share,
            other = Label {
                en: other_en,
                nl: other_nl
            },
            asked = Label {
                en: asked_en,
                nl: asked_nl
            }
        ));
        return if share >= least {
            Judgement::partly(evidence, to_add)
        } else {
            Judgement::not_met(evidence, to_add)
        };
    }
    let joined = plan
        .region
        .key_figures
        .practices_joined_pct
        .as_ref()
        .map_or_else(Said::default, |p| {
            Said::from(msg!(
                "{pct}% of the practices joined, which is not a mandate",
                "{pct}% van de praktijken aangesloten, wat geen mandaat is",
                pct = p.value
            ))
        });
    Judgement::not_shown(to_add).with_evidence(&joined)
}

fn other_domains(plan: &Plan, least: f64) -> Judgement {
    let found = domains::other_domains(plan);
    let names: Vec<Label> = found
        .iter()
        .map(|d| {
            let (en, nl) = d.words();
            Label { en, nl }
        })
        .collect();
    let count = found.len() as f64;
    let factual = {
        let mut d: Vec<_> = domains::parties(plan)
            .filter(|o| !o.illustrative)
            .filter_map(domains::domain)
            .filter(|d| domains::is_other_domain(*d))
            .collect();
        d.sort_unstable();
        d.dedup();
        d
    };
    // The verdict rests on illustrative organisations when it would differ without them.
    let illustrative = (factual.len() as f64 >= least) != (count >= least);
    if found.is_empty() {
        return Judgement::not_shown(Said::new(
            "partner organisations of other domains (hospital, GGZ, GGD, VVT, welzijn, sociaal domein, gemeente) under organisations, relation: partner",
            "partnerorganisaties uit andere domeinen (ziekenhuis, GGZ, GGD, VVT, welzijn, sociaal domein, gemeente) onder organisations, relation: partner",
        ));
    }
    let evidence = Said::from(msg!(
        "{n}: {names}",
        "{n}: {names}",
        n = Count(
            found.len(),
            Noun {
                en: ["other domain", "other domains"],
                nl: ["ander domein", "andere domeinen"],
            }
        ),
        names = List(names)
    ));
    if count >= least {
        Judgement::met(evidence)
    } else {
        let short = Said::amount(
            least - count,
            Noun {
                en: ["more domain", "more domains"],
                nl: ["domein meer", "domeinen meer"],
            },
        );
        Judgement::not_met(
            evidence,
            Said::from(msg!(
                "{short} among the partners (a `domain:` or kind of hospital, GGZ, GGD, VVT, welzijn, sociaal domein, gemeente)",
                "{short} onder de partners (een `domain:` of soort ziekenhuis, GGZ, GGD, VVT, welzijn, sociaal domein, gemeente)",
                short = crate::lang::Message::new(short.en, short.nl)
            )),
        )
    }
    .on_illustrative(illustrative)
}

/// Whether a document of this status is delivered.
#[must_use]
pub fn delivered(status: DocumentStatus) -> bool {
    matches!(status, DocumentStatus::Adopted | DocumentStatus::Published)
}

fn documents(plan: &Plan, kinds: &[DocumentKind]) -> Judgement {
    let listed = plan.plan.as_ref().map_or(&[][..], |p| &p.documents[..]);
    let (mut done, mut short, mut absent) = (Vec::new(), Vec::new(), Vec::new());
    for kind in kinds {
        let name = yaml_name(kind);
        let of_kind: Vec<_> = listed.iter().filter(|d| d.kind.value == *kind).collect();
        let describe = |d: &&crate::plan::raw::PlanDocument| {
            let title = d
                .title
                .as_ref()
                .map_or_else(|| name.clone(), |t| t.value.clone());
            let year = d
                .year
                .as_ref()
                .map(|y| format!(" {}", y.value))
                .unwrap_or_default();
            let (en, nl) = d.status.value.words();
            (
                format!("{title}{year} ({en})"),
                format!("{title}{year} ({nl})"),
            )
        };
        if let Some(d) = of_kind.iter().find(|d| delivered(d.status.value)) {
            done.push(describe(d));
        } else if let Some(d) = of_kind.first() {
            let text = describe(d);
            short.push((name, text));
        } else {
            absent.push(name);
        }
    }
    let mut evidence: Vec<(String, String)> = done.clone();
    evidence.extend(short.iter().map(|(_, d)| d.clone()));
    let joined = |pick: fn(&(String, String)) -> &str| {
        evidence.iter().map(pick).collect::<Vec<_>>().join("; ")
    };
    let evidence = Said::new(joined(|t| &t.0), joined(|t| &t.1));
    let mut missing = Vec::new();
    if !short.is_empty() {
        let names = List(short.iter().map(|(n, _)| Plain(n)).collect());
        missing.push(msg!(
            "{names} adopted or published (status: adopted)",
            "{names} vastgesteld of gepubliceerd (status: adopted)",
            names = names
        ));
    }
    if !absent.is_empty() {
        missing.push(msg!(
            "a document of kind {kinds} in plan.documents",
            "een document van soort {kinds} in plan.documents",
            kinds = List(absent.iter().map(Plain).collect())
        ));
    }
    let missing = Said::new(
        missing
            .iter()
            .map(crate::lang::Message::en)
            .collect::<Vec<_>>()
            .join("; "),
        missing
            .iter()
            .map(crate::lang::Message::nl)
            .collect::<Vec<_>>()
            .join("; "),
    );
    if short.is_empty() && absent.is_empty() {
        Judgement::met(evidence)
    } else if done.is_empty() && short.is_empty() {
        Judgement::not_shown(missing)
    } else if done.is_empty() {
        Judgement::not_met(evidence, missing)
    } else {
        Judgement::partly(evidence, missing)
    }
}

fn result_agreements(plan: &Plan, contract: Option<&Contract>) -> Judgement {
    let contracts: Vec<&Contract> = match contract {
        Some(c) => vec![c],
        None => plan.contracts.iter().collect(),
    };
    let to_add = Said::new(
        "result agreements under `contracts[].result_agreements`",
        "resultaatafspraken onder `contracts[].result_agreements`",
    );
    let (with, without): (Vec<&Contract>, Vec<&Contract>) = contracts
        .iter()
        .partition(|c| !c.result_agreements.is_empty());
    if with.is_empty() {
        return Judgement::not_shown(to_add);
    }
    let count: usize = with.iter().map(|c| c.result_agreements.len()).sum();
    let evidence = Said::from(msg!(
        "{count} in {with} of {all}",
        "{count} in {with} van {all}",
        count = Count(
            count,
            Noun {
                en: ["result agreement", "result agreements"],
                nl: ["resultaatafspraak", "resultaatafspraken"],
            }
        ),
        with = with.len(),
        all = Count(
            contracts.len(),
            Noun {
                en: ["contract", "contracts"],
                nl: ["contract", "contracten"],
            }
        )
    ));
    // A contract's `illustrative` is about its amount, not its agreements.
    if without.is_empty() {
        Judgement::met(evidence)
    } else {
        let ids: Vec<&str> = without.iter().map(|c| c.id.value.0.as_str()).collect();
        Judgement::partly(
            evidence,
            Said::new(
                format!("result agreements in {}", ids.join(", ")),
                format!("resultaatafspraken in {}", ids.join(", ")),
            ),
        )
    }
}

fn plan_span(plan: &Plan, least: f64) -> Judgement {
    let period = &plan.period;
    let (Some(start), Some(end)) = (period.start.value.earliest(), period.end.value.latest())
    else {
        return Judgement::not_shown(Said::same("period.start, period.end"));
    };
    let years = ((end - start).num_days() + 1) as f64 / 365.25;
    let years = (years * 10.0).round() / 10.0;
    let evidence = Said::from(msg!(
        "{start} to {end}: {years} years",
        "{start} tot {end}: {years} jaar",
        start = Plain(&period.start.value),
        end = Plain(&period.end.value),
        years = years
    ));
    if years >= least {
        Judgement::met(evidence)
    } else {
        Judgement::not_met(
            evidence,
            Said::amount(
                least - years,
                Noun {
                    en: ["more year", "more years"],
                    nl: ["jaar meer", "jaar meer"],
                },
            ),
        )
    }
    .on_illustrative(period.illustrative)
}

/// A contract condition as the plan marks it and as the tool reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct ConditionReading {
    /// The plan's own `met:`, when written.
    pub marked: Option<bool>,
    /// The tool's judgement; `None` for a condition it cannot read (`other`).
    pub judged: Option<Judgement>,
}

impl ConditionReading {
    /// Reads a condition of a contract.
    #[must_use]
    pub fn of(plan: &Plan, contract: &Contract, condition: &Condition) -> ConditionReading {
        ConditionReading {
            marked: condition.met.as_ref().map(|m| m.value),
            judged: Check::of_condition(contract, condition).map(|c| c.judge(plan)),
        }
    }

    /// Whether the plan's `met:` and the tool's reading contradict each other: marked met
    /// where the plan's own records fall short (not met or partly met), or marked not met
    /// where they show it met. A condition the plan shows nothing on contradicts nothing.
    #[must_use]
    pub fn contradicts(&self) -> bool {
        let Some(j) = &self.judged else { return false };
        match self.marked {
            Some(true) => matches!(j.verdict, Verdict::NotMet | Verdict::PartlyMet),
            Some(false) => j.verdict == Verdict::Met,
            None => false,
        }
    }
}
