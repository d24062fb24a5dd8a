//! The trajectory of a goal: where its indicator should be at a date, whether the goal is
//! behind, and when it would reach its target at the pace so far. `report`, `gaps` and the
//! rules present this one judgement.
//!
//! - The trajectory starts at the baseline on the baseline date (its first day), or on the
//!   plan's start when the baseline has no date; it runs through each milestone with a target
//!   that lies strictly between the start and the deadline, and ends at the target on the
//!   deadline. Without a deadline it ends at the last milestone. A milestone or deadline
//!   written as a year or month is due by its last day.
//! - It is read at the latest measurement on or before the as-of date (a measurement dated
//!   later was not known then), at that measurement's last day.
//! - A goal is behind when the measured share of the way from baseline to target trails the
//!   expected share by more than [`BEHIND_MARGIN`], so that rounding is not a gap. An achieved
//!   goal, or one whose measurement reaches its target, has reached it; a stopped goal has no
//!   trajectory.
//! - The projected date extends the pace from the start to the measurement; it is computed
//!   with checked arithmetic, and where there is no pace or the date lies beyond the calendar
//!   the answer is [`Projection::NotComputable`] with the reason.

use chrono::{Days, NaiveDate};

use crate::plan::raw::{Goal, Measurement, Status};

/// How far (share of the way) a goal may trail its trajectory before it is behind: one
/// percentage point.
pub const BEHIND_MARGIN: f64 = 0.01;

/// Where a goal stands against its trajectory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Achieved, or the measurement reaches the target.
    Reached,
    /// At least as far as the trajectory expects, within the margin.
    OnTrack,
    /// Further behind than the margin allows.
    Behind,
}

/// When the goal reaches its target at the pace so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Projection {
    /// On this day.
    On(NaiveDate),
    /// No date can be given, for this reason.
    NotComputable(NoProjection),
}

/// Why no projected date can be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoProjection {
    /// The indicator has not moved toward the target since the baseline.
    NotMoving,
    /// The measurement is not later than the start, so there is no pace yet.
    NoTimeElapsed,
    /// At this pace the target lies beyond any date the calendar can hold.
    BeyondCalendar,
}

/// A goal's latest known measurement against its trajectory.
#[derive(Debug, Clone, Copy)]
pub struct Trajectory<'a> {
    /// The measurement read.
    pub measurement: &'a Measurement,
    /// The day it is read at (its last day).
    pub date: NaiveDate,
    pub measured: f64,
    pub baseline: f64,
    pub target: f64,
    /// The value the trajectory expects at `date`.
    pub expected: f64,
    /// Share of the way from baseline to target measured (0 at the baseline, 1 at the target).
    pub progress: f64,
    /// Share of the way expected at `date`.
    pub expected_progress: f64,
    pub projection: Projection,
    pub state: State,
}

/// The trajectory of `goal` as of `as_of`; `plan_start` is the start when the baseline has no
/// date. `None` for a stopped goal, or without a baseline, a target, a start, a measurement
/// on or before `as_of`, or a deadline or milestone to run to. An achieved goal without those
/// has no trajectory either; [`state`] still calls it reached.
#[must_use]
pub fn trajectory(
    goal: &Goal,
    plan_start: Option<NaiveDate>,
    as_of: NaiveDate,
) -> Option<Trajectory<'_>> {
    if goal.status.value == Status::Stopped {
        return None;
    }
    let indicator = goal.indicator.as_ref()?;
    let baseline = indicator.baseline.as_ref()?.value;
    let target = indicator.target.as_ref()?.value;
    let start = match &indicator.baseline_date {
        Some(d) => d.value.earliest()?,
        None => plan_start?,
    };
    let measurement = latest_known(goal, as_of)?;
    let date = measurement.date.value.latest()?;
    let measured = measurement.value.value;
    let deadline = goal.deadline.as_ref().and_then(|d| d.value.latest());
    let mut points: Vec<(NaiveDate, f64)> = goal
        .milestones
        .iter()
        .filter_map(|m| Some((m.date.value.latest()?, m.target.as_ref()?.value)))
        .filter(|(d, _)| *d > start && deadline.is_none_or(|end| *d < end))
        .collect();
    points.sort_by_key(|(d, _)| *d);
    points.insert(0, (start, baseline));
    if let Some(end) = deadline.filter(|end| *end > start) {
        points.push((end, target));
    }
    if points.len() < 2 {
        return None;
    }
    let expected = on_line(&points, date);
    let reached = goal.status.value == Status::Achieved
        || indicator.direction.value.reaches(measured, target);
    let way = target - baseline;
    let flat = way.abs() <= f64::EPSILON * target.abs().max(1.0);
    let (progress, expected_progress) = if flat {
        (if reached { 1.0 } else { 0.0 }, 1.0)
    } else {
        ((measured - baseline) / way, (expected - baseline) / way)
    };
    let state = if reached {
        State::Reached
    } else if progress + BEHIND_MARGIN < expected_progress {
        State::Behind
    } else {
        State::OnTrack
    };
    Some(Trajectory {
        measurement,
        date,
        measured,
        baseline,
        target,
        expected,
        progress,
        expected_progress,
        projection: project(start, date, progress),
        state,
    })
}

/// The state of a goal as of `as_of`: reached when achieved, else that of its trajectory;
/// `None` when it has no trajectory and is not achieved.
#[must_use]
pub fn state(goal: &Goal, plan_start: Option<NaiveDate>, as_of: NaiveDate) -> Option<State> {
    match trajectory(goal, plan_start, as_of) {
        Some(t) => Some(t.state),
        None => (goal.status.value == Status::Achieved).then_some(State::Reached),
    }
}

/// The latest measurement on or before `as_of` (by its first day), the last one listed when
/// dates tie.
#[must_use]
pub fn latest_known(goal: &Goal, as_of: NaiveDate) -> Option<&Measurement> {
    goal.measurements
        .iter()
        .enumerate()
        .filter(|(_, m)| m.date.value.earliest().is_some_and(|d| d <= as_of))
        .max_by_key(|(i, m)| (m.date.value.sort_key(), *i))
        .map(|(_, m)| m)
}

/// Days a goal is past its deadline on `as_of`; `None` when it is not overdue, has no real
/// deadline, or is achieved or stopped (its deadline no longer counts).
#[must_use]
pub fn days_overdue(goal: &Goal, as_of: NaiveDate) -> Option<u64> {
    if matches!(goal.status.value, Status::Achieved | Status::Stopped) {
        return None;
    }
    let deadline = goal.deadline.as_ref()?.value.latest()?;
    let days = (as_of - deadline).num_days();
    u64::try_from(days).ok().filter(|d| *d > 0)
}

/// The value on the line through `points` (sorted by date, at least one) at `date`, held at
/// the first and the last point outside them.
fn on_line(points: &[(NaiveDate, f64)], date: NaiveDate) -> f64 {
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

/// The day the target is reached when `progress` (share of the way) came in the days from
/// `start` to `date`, at the same pace.
fn project(start: NaiveDate, date: NaiveDate, progress: f64) -> Projection {
    use NoProjection::{BeyondCalendar, NoTimeElapsed, NotMoving};
    let elapsed = (date - start).num_days();
    if elapsed <= 0 {
        return Projection::NotComputable(NoTimeElapsed);
    }
    if progress.is_nan() || progress <= 0.0 {
        return Projection::NotComputable(NotMoving);
    }
    let days = (elapsed as f64 / progress).round();
    // Beyond u32 days (11 million years) no calendar date exists; chrono's end comes sooner
    // and `checked_add_days` says so.
    if !days.is_finite() || days > f64::from(u32::MAX) {
        return Projection::NotComputable(BeyondCalendar);
    }
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "finite, positive and at most u32::MAX, checked above"
    )]
    let days = days as u64;
    start
        .checked_add_days(Days::new(days))
        .map_or(Projection::NotComputable(BeyondCalendar), Projection::On)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Span;
    use crate::plan::S;
    use crate::plan::raw::{Date, Direction, Id, Indicator, Milestone};

    fn s<T>(value: T) -> S<T> {
        S::new(value, Span::default())
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("date")
    }

    /// Waiting time from 10 weeks (2020-01-01) to 6 weeks by 2022-01-01.
    fn goal(status: Status, measured: &str, value: f64) -> Goal {
        Goal {
            id: s(Id("g".into())),
            title: s("t".into()),
            owner: None,
            status: s(status),
            deadline: Some(s(Date::parse("2022-01-01"))),
            indicator: Some(Indicator {
                name: s("wachttijd".into()),
                unit: s("weken".into()),
                baseline: Some(s(10.0)),
                baseline_date: Some(s(Date::parse("2020-01-01"))),
                target: Some(s(6.0)),
                direction: s(Direction::Decrease),
            }),
            measurements: vec![Measurement {
                date: s(Date::parse(measured)),
                value: s(value),
                note: None,
            }],
            building_blocks: Vec::new(),
            goals: Vec::new(),
            description: None,
            milestones: Vec::new(),
            monitoring: None,
            illustrative: false,
        }
    }

    fn milestone(date: &str, target: Option<f64>) -> Milestone {
        Milestone {
            date: s(Date::parse(date)),
            target: target.map(s),
            description: None,
        }
    }

    const LATER: &str = "2030-01-01";

    fn state_of(g: &Goal) -> Option<State> {
        state(g, None, day(LATER))
    }

    #[test]
    fn the_trajectory_is_a_straight_line_to_the_deadline_with_a_margin() {
        // 548 of 731 days: expected share 0.7497. Measured 7.04 weeks is 0.74 of the way:
        // within one percentage point, on track; 7.1 weeks (0.725) is behind.
        let on = goal(Status::InProgress, "2021-07-02", 7.04);
        assert_eq!(state_of(&on), Some(State::OnTrack));
        let t = trajectory(&on, None, day(LATER)).expect("a trajectory");
        assert!((t.expected_progress - 548.0 / 731.0).abs() < 1e-12);
        assert!((t.expected - (10.0 - 4.0 * 548.0 / 731.0)).abs() < 1e-12);
        assert_eq!(
            state_of(&goal(Status::InProgress, "2021-07-02", 7.1)),
            Some(State::Behind)
        );
        assert_eq!(
            state_of(&goal(Status::InProgress, "2021-01-01", 5.0)),
            Some(State::Reached)
        );
        assert_eq!(state_of(&goal(Status::Stopped, "2021-01-01", 9.0)), None);
        assert_eq!(
            state_of(&goal(Status::Achieved, "2021-01-01", 9.0)),
            Some(State::Reached)
        );
    }

    #[test]
    fn the_trajectory_runs_through_the_milestones() {
        // Points: 10 on 2020-01-01, 9 on 2020-12-31 (milestone `2020`, due by its last day),
        // 6 on 2022-01-01. A milestone without a target, or after the deadline, is no point.
        let mut g = goal(Status::InProgress, "2021-07-02", 7.5);
        g.milestones = vec![
            milestone("2021-06", None),
            milestone("2020", Some(9.0)),
            milestone("2023", Some(1.0)),
        ];
        // 183 of the 366 days from 2020-12-31 to 2022-01-01: 9 - 3 * 183 / 366 = 7.5.
        let t = trajectory(&g, None, day(LATER)).expect("a trajectory");
        assert!((t.expected - 7.5).abs() < 1e-12);
        assert_eq!(t.state, State::OnTrack);
        // The straight line expects 7.0 there, so 7.5 would be behind without the milestone.
        g.milestones.clear();
        assert_eq!(state_of(&g), Some(State::Behind));
    }

    #[test]
    fn without_a_baseline_date_the_plan_start_is_the_start() {
        let mut g = goal(Status::InProgress, "2021-07-02", 7.04);
        if let Some(i) = g.indicator.as_mut() {
            i.baseline_date = None;
        }
        assert_eq!(state(&g, None, day(LATER)), None);
        assert_eq!(
            state(&g, Some(day("2020-01-01")), day(LATER)),
            Some(State::OnTrack)
        );
    }

    #[test]
    fn a_measurement_after_the_as_of_date_is_not_yet_known() {
        let mut g = goal(Status::InProgress, "2021-07-02", 7.04);
        g.measurements.insert(
            0,
            Measurement {
                date: s(Date::parse("2020-07-01")),
                value: s(10.0),
                note: None,
            },
        );
        // On 2021-01-01 only the first (no progress after half a year) is known: behind.
        assert_eq!(state(&g, None, day("2021-01-01")), Some(State::Behind));
        assert_eq!(state(&g, None, day("2021-07-02")), Some(State::OnTrack));
        assert_eq!(state(&g, None, day("2020-01-01")), None);
    }

    #[test]
    fn the_projection_follows_the_pace_so_far() {
        // A quarter of the way (9 weeks) in 366 days: the whole way in 1464 days.
        let g = goal(Status::InProgress, "2021-01-01", 9.0);
        let t = trajectory(&g, None, day(LATER)).expect("a trajectory");
        assert_eq!(t.projection, Projection::On(day("2024-01-04")));
        let still = goal(Status::InProgress, "2021-01-01", 10.0);
        let t = trajectory(&still, None, day(LATER)).expect("a trajectory");
        assert_eq!(
            t.projection,
            Projection::NotComputable(NoProjection::NotMoving)
        );
        let at_start = goal(Status::InProgress, "2020-01-01", 9.0);
        let t = trajectory(&at_start, None, day(LATER)).expect("a trajectory");
        assert_eq!(
            t.projection,
            Projection::NotComputable(NoProjection::NoTimeElapsed)
        );
    }

    #[test]
    fn a_goal_far_from_its_target_gets_no_date_instead_of_a_panic() {
        // 1 of 2,000,000 after 180 days: 360 million days at this pace, past chrono's end.
        let mut g = goal(Status::InProgress, "2020-06-29", 1.0);
        if let Some(i) = g.indicator.as_mut() {
            i.baseline = Some(s(0.0));
            i.target = Some(s(2_000_000.0));
            i.direction = s(Direction::Increase);
        }
        let t = trajectory(&g, None, day(LATER)).expect("a trajectory");
        assert_eq!(
            t.projection,
            Projection::NotComputable(NoProjection::BeyondCalendar)
        );
        assert_eq!(t.state, State::Behind);
        // And the smallest step that still moves: no overflow either.
        if let Some(m) = g.measurements.first_mut() {
            m.value = s(f64::MIN_POSITIVE);
        }
        let t = trajectory(&g, None, day(LATER)).expect("a trajectory");
        assert_eq!(
            t.projection,
            Projection::NotComputable(NoProjection::BeyondCalendar)
        );
    }

    #[test]
    fn overdue_counts_days_past_the_deadline_of_open_goals() {
        let g = goal(Status::InProgress, "2020-12-31", 8.0);
        assert_eq!(days_overdue(&g, day("2022-01-31")), Some(30));
        assert_eq!(days_overdue(&g, day("2022-01-01")), None);
        let done = goal(Status::Achieved, "2021-01-01", 6.0);
        assert_eq!(days_overdue(&done, day("2022-01-31")), None);
    }
}
