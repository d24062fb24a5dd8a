//! Against the plan's own standard: every regional theme has a trekker, a workgroup, a board
//! contact and goals; every goal is measurable, owned and dated; goals are not overdue and not
//! behind their trajectory; every regional theme has something due in the plan period; no
//! theme is left undecided.
//!
//! The trajectory of a goal is the straight line from its baseline (at the baseline date, or
//! the plan's start) to its target at its deadline. Milestones (plan format 1.1) will replace
//! the line where a goal has them: [`expected_at`] is the one place to wire them in.

use chrono::NaiveDate;

use super::{Gap, GapKind, PlanInput, Quality, Severity, ThemeGap, gap_table, labels as l};
use crate::plan::index::walk_goals;
use crate::plan::raw::{Goal, Status, Strategic};
use crate::report::{Block, Cell, Column, Lang, Section, Table, Tone};

/// How far (share of the way) a goal may trail its line before it is behind.
pub const BEHIND_MARGIN: f64 = 0.01;

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
    pub missing: Vec<Quality>,
    /// Share of the five parts present, in percent.
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
    /// When the target is reached at the pace so far; `None` when it is not moving toward it.
    pub projected: Option<NaiveDate>,
    pub behind: bool,
}

/// The expected value at `date` on the straight line from `(start, baseline)` to
/// `(deadline, target)`, the share of the way expected (0 to 1), and the projected date of
/// reaching the target at the pace from the baseline to `(date, value)`.
#[must_use]
pub fn expected_at(
    (start, baseline): (NaiveDate, f64),
    (deadline, target): (NaiveDate, f64),
    (date, value): (NaiveDate, f64),
) -> Option<(f64, f64, Option<NaiveDate>)> {
    let span = (deadline - start).num_days();
    if span <= 0 || (target - baseline).abs() < f64::EPSILON {
        return None;
    }
    let elapsed = (date - start).num_days();
    let share = (elapsed as f64 / span as f64).clamp(0.0, 1.0);
    let expected = baseline + (target - baseline) * share;
    let progress = (value - baseline) / (target - baseline);
    let projected = (progress > 0.0 && elapsed > 0).then(|| {
        #[allow(
            clippy::cast_possible_truncation,
            reason = "days within a few centuries"
        )]
        let days = (elapsed as f64 / progress).round() as i64;
        start + chrono::Duration::days(days)
    });
    Some((expected, share, projected))
}

/// The value on the line through `points` (sorted by date) at `date`, held at the first and the
/// last point outside them.
#[must_use]
pub fn on_trajectory(points: &[(NaiveDate, f64)], date: NaiveDate) -> f64 {
    let Some(&(first_date, first)) = points.first() else {
        return 0.0;
    };
    if date <= first_date {
        return first;
    }
    for pair in points.windows(2) {
        let [(d0, v0), (d1, v1)] = pair else { continue };
        if date <= *d1 {
            let span = (*d1 - *d0).num_days();
            if span <= 0 {
                return *v1;
            }
            let share = (date - *d0).num_days() as f64 / span as f64;
            return v0 + (v1 - v0) * share;
        }
    }
    points.last().map_or(first, |(_, v)| *v)
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
                    let roles = [
                        (theme.trekker.is_none(), ThemeGap::Trekker, Severity::Error),
                        (
                            theme.workgroup.is_none(),
                            ThemeGap::Workgroup,
                            Severity::Warning,
                        ),
                        (
                            theme.board_contact.is_none(),
                            ThemeGap::BoardContact,
                            Severity::Warning,
                        ),
                        (theme.goals.is_empty(), ThemeGap::Goals, Severity::Error),
                    ];
                    for (missing, role, severity) in roles {
                        if missing {
                            gap(
                                severity,
                                GapKind::ThemeWithoutRole {
                                    theme: id.clone(),
                                    role,
                                },
                            );
                        }
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
                let row = goal_row(&region, &id, g);
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
                goal_dates(input, &region, g, options.as_of, start, &mut out);
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

fn goal_row(region: &str, theme: &str, g: &Goal) -> GoalRow {
    let indicator = g.indicator.as_ref();
    let checks = [
        (indicator.is_some(), Quality::Indicator),
        (
            indicator.is_some_and(|i| i.baseline.is_some()),
            Quality::Baseline,
        ),
        (
            indicator.is_some_and(|i| i.target.is_some()),
            Quality::Target,
        ),
        (g.owner.is_some(), Quality::Owner),
        (g.deadline.is_some(), Quality::Deadline),
    ];
    let missing: Vec<Quality> = checks
        .iter()
        .filter(|(present, _)| !present)
        .map(|(_, q)| *q)
        .collect();
    let score = 100.0 * (checks.len() - missing.len()) as f64 / checks.len() as f64;
    GoalRow {
        region: region.to_string(),
        theme: theme.to_string(),
        goal: g.id.value.0.clone(),
        missing,
        score,
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
    let done = matches!(g.status.value, Status::Achieved | Status::Stopped);
    let deadline = g.deadline.as_ref().and_then(|d| d.value.latest());
    if let Some(deadline) = deadline
        && deadline < as_of
        && !done
    {
        out.gaps.push(Gap {
            region: region.to_string(),
            severity: Severity::Error,
            location: Some(input.at(g.deadline.as_ref().map_or(g.id.span, |d| d.span))),
            kind: GapKind::GoalOverdue {
                goal: g.id.value.0.clone(),
                deadline,
                days: (as_of - deadline).num_days(),
            },
        });
    }
    let Some(indicator) = &g.indicator else {
        return;
    };
    let (Some(baseline), Some(target), Some(deadline)) = (
        indicator.baseline.as_ref().map(|b| b.value),
        indicator.target.as_ref().map(|t| t.value),
        deadline,
    ) else {
        return;
    };
    let start = indicator
        .baseline_date
        .as_ref()
        .and_then(|d| d.value.earliest())
        .or(plan_start);
    let latest = g.latest_measurement();
    let (Some(start), Some(latest)) = (start, latest) else {
        return;
    };
    let Some(date) = latest.date.value.latest() else {
        return;
    };
    let measured = latest.value.value;
    let Some((straight, straight_share, projected)) =
        expected_at((start, baseline), (deadline, target), (date, measured))
    else {
        return;
    };
    // With milestones the trajectory runs through them; else it is the straight line.
    let mut points: Vec<(NaiveDate, f64)> = g
        .milestones
        .iter()
        .filter_map(|m| Some((m.date.value.latest()?, m.target.as_ref()?.value)))
        .filter(|(d, _)| *d > start && *d < deadline)
        .collect();
    let (expected, share) = if points.is_empty() {
        (straight, straight_share)
    } else {
        points.push((start, baseline));
        points.push((deadline, target));
        points.sort_by_key(|(d, _)| *d);
        let expected = on_trajectory(&points, date);
        (expected, (expected - baseline) / (target - baseline))
    };
    let progress = (measured - baseline) / (target - baseline);
    let reached = indicator.direction.value.reaches(measured, target);
    // Behind by more than one percentage point of the way, so rounding is not a gap.
    let behind = !done && !reached && progress + BEHIND_MARGIN < share;
    out.trajectories.push(Trajectory {
        region: region.to_string(),
        goal: g.id.value.0.clone(),
        date,
        measured,
        expected,
        target,
        progress: progress * 100.0,
        expected_progress: share * 100.0,
        projected,
        behind,
    });
    if behind {
        out.gaps.push(Gap {
            region: region.to_string(),
            severity: Severity::Warning,
            location: Some(input.at(latest.value.span)),
            kind: GapKind::GoalBehind {
                goal: g.id.value.0.clone(),
                date,
                measured,
                expected,
                projected,
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
        Column::right("score", l::SCORE.get(lang)),
    ]);
    for g in &own.goals {
        let has = |q: Quality| mark(!g.missing.contains(&q));
        goals.push(vec![
            Cell::text(g.region.clone()),
            Cell::text(g.goal.clone()),
            has(Quality::Indicator),
            has(Quality::Baseline),
            has(Quality::Target),
            has(Quality::Owner),
            has(Quality::Deadline),
            Cell::text(l::NOT_IN_FORMAT.get(lang)),
            Cell::Progress { value: g.score },
        ]);
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
        let status = if t.behind {
            Cell::Status {
                value: "behind".into(),
                label: l::BEHIND.get(lang).into(),
                tone: Tone::Warning,
            }
        } else {
            Cell::Status {
                value: "on_track".into(),
                label: l::ON_TRACK.get(lang).into(),
                tone: Tone::Good,
            }
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
            t.projected
                .map_or(Cell::text(l::NOT_AT_THIS_PACE.get(lang)), |d| Cell::Date {
                    value: d,
                }),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn a_trajectory_runs_through_the_milestones() {
        // Waiting time 12 weeks on 2022-01-01, milestone 10 on 2022-12-31 (364 days later),
        // target 6 on 2023-12-31 (365 days after the milestone).
        let points = [
            (d(2022, 1, 1), 12.0),
            (d(2022, 12, 31), 10.0),
            (d(2023, 12, 31), 6.0),
        ];
        // Half way to the milestone (182 of 364 days): 12 - 2 * 182 / 364 = 11.
        assert!((on_trajectory(&points, d(2022, 7, 2)) - 11.0).abs() < 1e-9);
        // 73 of 365 days after the milestone: 10 - 4 * 73 / 365 = 9.2.
        assert!((on_trajectory(&points, d(2023, 3, 14)) - 9.2).abs() < 1e-9);
        // Before the start and after the deadline the line is held.
        assert!((on_trajectory(&points, d(2021, 6, 1)) - 12.0).abs() < 1e-9);
        assert!((on_trajectory(&points, d(2024, 6, 1)) - 6.0).abs() < 1e-9);
    }

    #[test]
    fn the_straight_line_gives_the_expected_value_and_the_projection() {
        // Baseline 0 on 2022-01-01, target 100 on 2023-01-01 (365 days). Measured 25 on
        // 2022-07-02 (182 days): expected 100 * 182 / 365 = 49.86..., share 0.4986.
        // Pace: 25 in 182 days, so 100 after 182 / 0.25 = 728 days: 2023-12-30.
        let (expected, share, projected) = expected_at(
            (d(2022, 1, 1), 0.0),
            (d(2023, 1, 1), 100.0),
            (d(2022, 7, 2), 25.0),
        )
        .expect("a line");
        assert!((expected - 49.863).abs() < 0.001, "{expected}");
        assert!((share - 0.49863).abs() < 0.0001);
        assert_eq!(projected, Some(d(2023, 12, 30)));
    }

    #[test]
    fn a_decreasing_indicator_and_no_movement() {
        // Waiting time 10 -> 6 weeks from 2020-06-30 to 2022-12-31 (914 days); measured 10
        // on 2020-12-31 (184 days): no progress, so no projected date; expected
        // 10 - 4 * 184 / 914 = 9.1947...
        let (expected, _, projected) = expected_at(
            (d(2020, 6, 30), 10.0),
            (d(2022, 12, 31), 6.0),
            (d(2020, 12, 31), 10.0),
        )
        .expect("a line");
        assert!((expected - 9.1947).abs() < 0.001, "{expected}");
        assert_eq!(projected, None);
    }

    #[test]
    fn no_line_without_a_way_or_a_span() {
        assert!(
            expected_at(
                (d(2022, 1, 1), 5.0),
                (d(2023, 1, 1), 5.0),
                (d(2022, 6, 1), 5.0)
            )
            .is_none()
        );
        assert!(
            expected_at(
                (d(2022, 1, 1), 0.0),
                (d(2022, 1, 1), 5.0),
                (d(2022, 6, 1), 5.0)
            )
            .is_none()
        );
    }
}
