//! Uptake and coverage: per module the share of the organisation's practices and of the
//! region's listed patients that contracted it, over time; the practices in no module (at
//! most: the joined practices minus the largest module's latest uptake, since plans do not
//! list practices one by one); neighbourhoods without a wijkmanager or collaboration;
//! programme reach against the target of the goal it serves; practices not joined.

use super::{Gap, GapKind, PlanInput, Severity, gap_table, labels as l};
use crate::plan::index::each_goal;
use crate::plan::raw::{Goal, Plan};
use crate::report::{Block, Cell, Chart, ChartKind, Column, Lang, Point, Section, Series, Table};

/// Uptake of one module at one date.
#[derive(Debug, Clone, PartialEq)]
pub struct ModuleUptake {
    pub region: String,
    pub module: String,
    pub date: chrono::NaiveDate,
    pub practices: u64,
    pub practice_share: Option<f64>,
    pub patients: Option<u64>,
    pub patient_share: Option<f64>,
}

/// Coverage of one region.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionCoverage {
    pub region: String,
    pub practices: Option<u64>,
    pub joined: Option<u64>,
    pub not_joined_pct: Option<f64>,
    pub in_no_module_at_most: Option<u64>,
}

/// A programme's reach against its goal's target.
#[derive(Debug, Clone, PartialEq)]
pub struct Reach {
    pub region: String,
    pub programme: String,
    pub goal: String,
    pub value: f64,
    pub target: f64,
}

/// The result of this part.
#[derive(Debug, Clone, Default)]
pub struct Uptake {
    pub modules: Vec<ModuleUptake>,
    pub regions: Vec<RegionCoverage>,
    pub uncovered: Vec<(String, String)>,
    pub reach: Vec<Reach>,
    pub gaps: Vec<Gap>,
}

/// The practices of the organisation: joined practices, else the region's.
fn base_practices(plan: &Plan) -> Option<u64> {
    let kf = &plan.region.key_figures;
    kf.practices_joined
        .as_ref()
        .or(kf.practices.as_ref())
        .map(|p| p.value)
        .filter(|p| *p > 0)
}

/// The share of practices not joined, in percent: from the counts, else from the share.
#[must_use]
pub fn not_joined_pct(plan: &Plan) -> Option<f64> {
    let kf = &plan.region.key_figures;
    match (
        &kf.practices,
        &kf.practices_joined,
        &kf.practices_joined_pct,
    ) {
        (_, _, Some(pct)) => Some(100.0 - pct.value),
        (Some(all), Some(joined), None) if all.value > 0 => {
            Some(100.0 * (all.value.saturating_sub(joined.value)) as f64 / all.value as f64)
        }
        _ => None,
    }
}

/// Runs this part over every plan.
#[must_use]
pub fn analyse(plans: &[PlanInput<'_>]) -> Uptake {
    let mut out = Uptake::default();
    for input in plans {
        let plan = input.plan;
        let region = input.region();
        let base = base_practices(plan);
        let patients = plan
            .region
            .key_figures
            .listed_patients
            .as_ref()
            .map(|p| p.value);
        let mut largest: Option<u64> = None;
        for m in &plan.modules {
            for u in &m.uptake {
                let Some(date) = u.date.value.latest() else {
                    continue;
                };
                let lp = u.listed_patients.as_ref().map(|p| p.value);
                out.modules.push(ModuleUptake {
                    region: region.clone(),
                    module: m.id.value.0.clone(),
                    date,
                    practices: u.practices.value,
                    practice_share: base.map(|b| 100.0 * u.practices.value as f64 / b as f64),
                    patients: lp,
                    patient_share: lp
                        .zip(patients)
                        .filter(|(_, all)| *all > 0)
                        .map(|(p, all)| 100.0 * p as f64 / all as f64),
                });
            }
            if let Some(latest) = m.uptake.iter().max_by_key(|u| u.date.value.day()) {
                largest = Some(largest.unwrap_or(0).max(latest.practices.value));
            }
        }
        let kf = &plan.region.key_figures;
        let pct = not_joined_pct(plan);
        out.regions.push(RegionCoverage {
            region: region.clone(),
            practices: kf.practices.as_ref().map(|p| p.value),
            joined: kf.practices_joined.as_ref().map(|p| p.value),
            not_joined_pct: pct,
            in_no_module_at_most: base.zip(largest).map(|(b, l)| b.saturating_sub(l)),
        });
        if let Some(pct) = pct.filter(|p| *p > 0.0) {
            let practices = kf
                .practices
                .as_ref()
                .zip(kf.practices_joined.as_ref())
                .map(|(a, j)| a.value.saturating_sub(j.value));
            let span = kf
                .practices_joined_pct
                .as_ref()
                .map(|p| p.span)
                .or(kf.practices_joined.as_ref().map(|p| p.span));
            out.gaps.push(Gap {
                region: region.clone(),
                severity: Severity::Warning,
                location: span.map(|s| input.at(s)),
                kind: GapKind::PracticesNotJoined { practices, pct },
            });
        }
        for n in &plan.neighbourhoods {
            if n.manager.is_none() && n.collaboration.is_none() {
                out.uncovered.push((region.clone(), n.id.value.0.clone()));
                out.gaps.push(Gap {
                    region: region.clone(),
                    severity: Severity::Warning,
                    location: Some(input.at(n.id.span)),
                    kind: GapKind::NeighbourhoodUncovered {
                        neighbourhood: n.id.value.0.clone(),
                    },
                });
            }
        }
        for p in &plan.programmes {
            for goal_id in &p.goals {
                let mut found: Option<&Goal> = None;
                each_goal(plan, &mut |g, _| {
                    if g.id.value == goal_id.value {
                        found = Some(g);
                    }
                });
                let Some(g) = found else { continue };
                let (Some(target), Some(latest)) = (
                    g.indicator.as_ref().and_then(|i| i.target.as_ref()),
                    g.latest_measurement(),
                ) else {
                    continue;
                };
                let reached = g.is_reached().unwrap_or(false);
                out.reach.push(Reach {
                    region: region.clone(),
                    programme: p.id.value.0.clone(),
                    goal: g.id.value.0.clone(),
                    value: latest.value.value,
                    target: target.value,
                });
                if !reached {
                    out.gaps.push(Gap {
                        region: region.clone(),
                        severity: Severity::Warning,
                        location: Some(input.at(p.id.span)),
                        kind: GapKind::ReachBelowTarget {
                            programme: p.id.value.0.clone(),
                            goal: g.id.value.0.clone(),
                            value: latest.value.value,
                            target: target.value,
                        },
                    });
                }
            }
        }
    }
    out
}

/// The section of this part.
#[must_use]
pub fn sections(u: &Uptake, lang: Lang) -> Vec<Section> {
    let pct = |v: Option<f64>| {
        v.map_or(Cell::Empty, |value| Cell::Percent {
            value: (value * 10.0).round() / 10.0,
        })
    };
    let mut regions = Table::new(vec![
        Column::left("region", l::REGION.get(lang)),
        Column::right("practices", l::PRACTICES.get(lang)),
        Column::right("joined", l::JOINED.get(lang)),
        Column::right("not_joined", l::NOT_JOINED.get(lang)),
        Column::right("in_no_module", l::IN_NO_MODULE.get(lang)),
    ]);
    for r in &u.regions {
        regions.push(vec![
            Cell::text(r.region.clone()),
            r.practices.map_or(Cell::Empty, |v| Cell::count(v, None)),
            r.joined.map_or(Cell::Empty, |v| Cell::count(v, None)),
            pct(r.not_joined_pct),
            r.in_no_module_at_most
                .map_or(Cell::Empty, |v| Cell::text(format!("≤ {v}"))),
        ]);
    }
    let mut modules = Table::new(vec![
        Column::left("region", l::REGION.get(lang)),
        Column::left("module", l::MODULE.get(lang)),
        Column::left("date", l::DATE.get(lang)),
        Column::right("practices", l::PRACTICES.get(lang)),
        Column::right("practice_share", l::PRACTICE_SHARE.get(lang)),
        Column::right("patients", l::PATIENTS.get(lang)),
        Column::right("patient_share", l::PATIENT_SHARE.get(lang)),
    ]);
    let mut series: Vec<Series> = Vec::new();
    for m in &u.modules {
        modules.push(vec![
            Cell::text(m.region.clone()),
            Cell::text(m.module.clone()),
            Cell::Date { value: m.date },
            Cell::count(m.practices, None),
            pct(m.practice_share),
            m.patients.map_or(Cell::Empty, |v| Cell::count(v, None)),
            pct(m.patient_share),
        ]);
        let label = format!("{} {}", m.region, m.module);
        let point = Point {
            x: Cell::Date { value: m.date },
            y: m.practice_share.map_or(Cell::Empty, |v| Cell::Percent {
                value: (v * 10.0).round() / 10.0,
            }),
        };
        match series.iter_mut().find(|s| s.label == label) {
            Some(s) => s.points.push(point),
            None => series.push(Series {
                label,
                points: vec![point],
            }),
        }
    }
    let mut reach = Table::new(vec![
        Column::left("region", l::REGION.get(lang)),
        Column::left("programme", l::PROGRAMME.get(lang)),
        Column::left("goal", l::GOAL.get(lang)),
        Column::right("value", l::MEASURED.get(lang)),
        Column::right("target", l::TARGET.get(lang)),
    ]);
    for r in &u.reach {
        reach.push(vec![
            Cell::text(r.region.clone()),
            Cell::text(r.programme.clone()),
            Cell::text(r.goal.clone()),
            Cell::number(r.value, None),
            Cell::number(r.target, None),
        ]);
    }
    let mut blocks = vec![Block::Table(regions), Block::Table(modules)];
    if !series.is_empty() {
        blocks.push(Block::Chart(Chart {
            kind: ChartKind::Line,
            title: l::UPTAKE_CHART.get(lang).to_string(),
            x_label: l::DATE.get(lang).to_string(),
            y_label: l::PRACTICE_SHARE.get(lang).to_string(),
            series,
            marker: None,
        }));
    }
    blocks.push(Block::Table(reach));
    if !u.gaps.is_empty() {
        blocks.push(Block::Table(gap_table(&u.gaps, lang)));
    }
    vec![super::section("uptake", l::UPTAKE, lang, blocks)]
}
