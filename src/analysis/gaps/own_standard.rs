//! Against the plan's own standard: every regional theme has a trekker, a workgroup, a board
//! contact and goals; every goal is measurable, owned and dated; goals are not overdue and not
//! behind their trajectory; every regional theme has something due in the plan period; no
//! theme is left undecided.
//!
//! Each judgement comes from `judge`: the roles a theme lacks (`judge::roles`), goal quality
//! (`judge::quality`) and the trajectory of a goal (`judge::trajectory`); this part only
//! gathers and presents them.

use chrono::NaiveDate;

use super::{Gap, GapKind, Part, PlanInput, Projection, Severity, gap_table, labels as l};
use crate::judge::trajectory::{self, State};
use crate::judge::{quality, roles};
use crate::plan::Plan;
use crate::plan::index::walk_goals;
use crate::plan::raw::{Goal, Strategic};
use crate::report::{Block, Cell, Column, Lang, Section, Table, Tone};

/// The result of this part.
#[derive(Debug, Clone, Default)]
pub struct OwnStandard {
    pub gaps: Vec<Gap>,
    pub goals: Vec<GoalRow>,
    pub themes: Vec<ThemeScore>,
    pub trajectories: Vec<Trajectory>,
}

/// The quality of one goal.
#[derive(Debug, Clone, PartialEq)]
pub struct GoalRow {
    pub region: String,
    pub theme: String,
    pub goal: String,
    /// The required parts the goal lacks.
    pub missing: Vec<Part>,
    /// Every part the goal has, required or not.
    pub present: Vec<Part>,
    /// Share of the required parts present, in percent.
    pub score: f64,
}

/// The average goal score of a theme.
#[derive(Debug, Clone, PartialEq)]
pub struct ThemeScore {
    pub region: String,
    pub theme: String,
    pub goals: usize,
    pub score: f64,
}

/// A goal's latest measurement against its trajectory.
#[derive(Debug, Clone, PartialEq)]
pub struct Trajectory {
    pub region: String,
    pub goal: String,
    pub date: NaiveDate,
    pub measured: f64,
    pub expected: f64,
    pub target: f64,
    /// Progress of the measured value, percent of the way from baseline to target.
    pub progress: f64,
    /// Progress expected at the date, percent.
    pub expected_progress: f64,
    /// When the target is reached at the pace so far.
    pub projected: Projection,
    /// Reached, on track or behind (`judge::trajectory`).
    pub state: State,
}

/// Runs this part over every plan.
#[must_use]
pub fn analyse(plans: &[PlanInput<'_>], options: &super::Options) -> OwnStandard {
    let mut out = OwnStandard::default();
    for input in plans {
        let plan = input.plan;
        let region = input.region();
        let (start, end) = (
            plan.period.start.value.earliest(),
            plan.period.end.value.latest(),
        );
        for theme in &plan.themes {
            let id = theme.id.value.0.clone();
            if !options.themes.is_empty() && !options.themes.contains(&id) {
                continue;
            }
            let at = Some(input.at(theme.id.span));
            let mut gap = |severity, kind| {
                out.gaps.push(Gap {
                    region: region.clone(),
                    severity,
                    location: at.clone(),
                    kind,
                });
            };
            match theme.strategic.value {
                Strategic::Undecided => {
                    gap(Severity::Warning, GapKind::Undecided { theme: id.clone() });
                }
                Strategic::LeftToMembers => {}
                Strategic::Regional => {
                    for role in roles::lacking(theme) {
                        gap(
                            role.severity().into(),
                            GapKind::ThemeWithoutRole {
                                theme: id.clone(),
                                role,
                            },
                        );
                    }
                    let mut due_inside = false;
                    walk_goals(&theme.goals, None, &mut |g: &Goal, _| {
                        let d = g.deadline.as_ref().and_then(|d| d.value.latest());
                        if let (Some(d), Some(s), Some(e)) = (d, start, end)
                            && d >= s
                            && d <= e
                        {
                            due_inside = true;
                        }
                    });
                    if !theme.goals.is_empty() && !due_inside {
                        gap(Severity::Warning, GapKind::NothingDue { theme: id.clone() });
                    }
                }
            }
            let mut scores = Vec::new();
            walk_goals(&theme.goals, None, &mut |g: &Goal, _| {
                goal_dates(input, &region, g, options.as_of, start, &mut out);
                if !quality::judged(g) {
                    return;
                }
                let row = goal_row(&region, &id, g, plan);
                scores.push(row.score);
                if !row.missing.is_empty() {
                    out.gaps.push(Gap {
                        region: region.clone(),
                        severity: Severity::Warning,
                        location: Some(input.at(g.id.span)),
                        kind: GapKind::GoalQuality {
                            goal: row.goal.clone(),
                            missing: row.missing.clone(),
                        },
                    });
                }
                out.goals.push(row);
            });
            if !scores.is_empty() {
                out.themes.push(ThemeScore {
                    region: region.clone(),
                    theme: id.clone(),
                    goals: scores.len(),
                    score: scores.iter().sum::<f64>() / scores.len() as f64,
                });
            }
        }
    }
    out
}

fn goal_row(region: &str, theme: &str, g: &Goal, plan: &Plan) -> GoalRow {
    let missing = quality::missing(g, plan);
    GoalRow {
        region: region.to_string(),
        theme: theme.to_string(),
        goal: g.id.value.0.clone(),
        score: quality::score(&missing),
        present: Part::ALL
            .into_iter()
            .filter(|p| p.present(g, plan))
            .collect(),
        missing,
    }
}

/// Overdue and behind, for one goal.
fn goal_dates(
    input: &PlanInput<'_>,
    region: &str,
    g: &Goal,
    as_of: NaiveDate,
    plan_start: Option<NaiveDate>,
    out: &mut OwnStandard,
) {
    if let Some(days) = trajectory::days_overdue(g, as_of)
        && let Some(deadline) = g.deadline.as_ref().and_then(|d| d.value.latest())
    {
        out.gaps.push(Gap {
            region: region.to_string(),
            severity: Severity::Error,
            location: Some(input.at(g.deadline.as_ref().map_or(g.id.span, |d| d.span))),
            kind: GapKind::GoalOverdue {
                goal: g.id.value.0.clone(),
                deadline,
                days: i64::try_from(days).unwrap_or(i64::MAX),
            },
        });
    }
    let Some(t) = trajectory::trajectory(g, plan_start, as_of) else {
        return;
    };
    out.trajectories.push(Trajectory {
        region: region.to_string(),
        goal: g.id.value.0.clone(),
        date: t.date,
        measured: t.measured,
        expected: t.expected,
        target: t.target,
        progress: t.progress * 100.0,
        expected_progress: t.expected_progress * 100.0,
        projected: t.projection,
        state: t.state,
    });
    if t.state == State::Behind {
        out.gaps.push(Gap {
            region: region.to_string(),
            severity: Severity::Warning,
            location: Some(input.at(t.measurement.value.span)),
            kind: GapKind::GoalBehind {
                goal: g.id.value.0.clone(),
                date: t.date,
                measured: t.measured,
                expected: t.expected,
                projected: t.projection,
            },
        });
    }
}

/// The sections of this part.
#[must_use]
pub fn sections(own: &OwnStandard, lang: Lang) -> Vec<Section> {
    let mut blocks = vec![Block::Table(gap_table(&own.gaps, lang))];
    let mut scores = Table::new(vec![
        Column::left("region", l::REGION.get(lang)),
        Column::left("theme", l::THEME.get(lang)),
        Column::right("goals", l::GOALS.get(lang)),
        Column::right("score", l::SCORE.get(lang)),
    ]);
    for t in &own.themes {
        scores.push(vec![
            Cell::text(t.region.clone()),
            Cell::text(t.theme.clone()),
            Cell::count(t.goals as u64, None),
            Cell::Progress { value: t.score },
        ]);
    }
    blocks.push(Block::Table(scores));
    let mark = |ok: bool| {
        if ok {
            Cell::Status {
                value: "yes".into(),
                label: "✓".into(),
                tone: Tone::Good,
            }
        } else {
            Cell::Status {
                value: "no".into(),
                label: "✗".into(),
                tone: Tone::Bad,
            }
        }
    };
    let mut goals = Table::new(vec![
        Column::left("region", l::REGION.get(lang)),
        Column::left("goal", l::GOAL.get(lang)),
        Column::left("indicator", l::INDICATOR.get(lang)),
        Column::left("baseline", l::BASELINE.get(lang)),
        Column::left("target", l::TARGET.get(lang)),
        Column::left("owner", l::OWNER.get(lang)),
        Column::left("deadline", l::DEADLINE.get(lang)),
        Column::left("milestones", l::MILESTONES.get(lang)),
        Column::left("monitoring", l::MONITORING.get(lang)),
        Column::right("score", l::SCORE.get(lang)),
    ]);
    for g in &own.goals {
        let mut row = vec![Cell::text(g.region.clone()), Cell::text(g.goal.clone())];
        row.extend(Part::ALL.map(|p| mark(g.present.contains(&p))));
        row.push(Cell::Progress { value: g.score });
        goals.push(row);
    }
    blocks.push(Block::Table(goals));
    let mut traj = Table::new(vec![
        Column::left("region", l::REGION.get(lang)),
        Column::left("goal", l::GOAL.get(lang)),
        Column::left("date", l::MEASURED_ON.get(lang)),
        Column::right("measured", l::MEASURED.get(lang)),
        Column::right("expected", l::EXPECTED.get(lang)),
        Column::right("target", l::TARGET.get(lang)),
        Column::right("progress", l::PROGRESS.get(lang)),
        Column::right("expected_progress", l::EXPECTED_PROGRESS.get(lang)),
        Column::left("projected", l::PROJECTED.get(lang)),
        Column::left("status", l::STATUS.get(lang)),
    ]);
    for t in &own.trajectories {
        let (value, label, tone) = match t.state {
            State::Reached => ("reached", l::REACHED, Tone::Good),
            State::OnTrack => ("on_track", l::ON_TRACK, Tone::Good),
            State::Behind => ("behind", l::BEHIND, Tone::Warning),
        };
        let status = Cell::Status {
            value: value.into(),
            label: label.get(lang).into(),
            tone,
        };
        traj.push(vec![
            Cell::text(t.region.clone()),
            Cell::text(t.goal.clone()),
            Cell::Date { value: t.date },
            Cell::number(t.measured, None),
            Cell::number((t.expected * 100.0).round() / 100.0, None),
            Cell::number(t.target, None),
            Cell::Progress { value: t.progress },
            Cell::Progress {
                value: t.expected_progress,
            },
            match t.projected {
                Projection::On(value) => Cell::Date { value },
                other @ Projection::NotComputable(_) => Cell::text(l::projection(other, lang)),
            },
            status,
        ]);
    }
    blocks.push(Block::Table(traj));
    vec![super::section(
        "own-standard",
        l::OWN_STANDARD,
        lang,
        blocks,
    )]
}
