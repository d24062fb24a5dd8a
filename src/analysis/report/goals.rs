//! What a report says about one goal: progress from baseline to target, whether it is on its
//! trajectory, its next milestone, days to or past its deadline, and whether it needs
//! attention.

use chrono::NaiveDate;

use crate::plan::raw::{Direction, Goal, Milestone, Status};

/// Where a goal stands against its trajectory: through its milestones when it has milestones
/// with targets, else the straight line from its baseline to its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Track {
    /// The latest measurement reaches the target (or the goal is achieved).
    Reached,
    /// At least as far as the trajectory says it should be by the latest measurement.
    OnTrack,
    /// Less far than the trajectory says.
    Behind,
}

/// Progress in percent of the way from the baseline to the target at the latest measurement;
/// `None` without an indicator, a baseline, a target or a measurement.
#[must_use]
pub fn progress(goal: &Goal) -> Option<f64> {
    let indicator = goal.indicator.as_ref()?;
    let latest = goal.latest_measurement()?;
    indicator
        .progress(latest.value.value)
        .map(|share| share * 100.0)
}

/// The goal against its trajectory, read at the date of the latest measurement. With
/// milestones that have targets, the trajectory runs through them (see [`expected_value`]) and
/// the latest value must reach the value expected there; else it is a straight line from 0% at
/// the baseline date to 100% at the deadline. `None` when a date, the baseline, the target or a
/// measurement is missing, or the goal was stopped.
#[must_use]
pub fn track(goal: &Goal) -> Option<Track> {
    match goal.status.value {
        Status::Achieved => return Some(Track::Reached),
        Status::Stopped => return None,
        _ => {}
    }
    if goal.is_reached() == Some(true) {
        return Some(Track::Reached);
    }
    let indicator = goal.indicator.as_ref()?;
    if goal.milestones.iter().any(|m| m.target.is_some()) {
        let latest = goal.latest_measurement()?;
        let expected = expected_value(goal, latest.date.value.day()?)?;
        let value = latest.value.value;
        let slack = 1e-9 * expected.abs().max(1.0);
        let ahead = match indicator.direction.value {
            Direction::Increase => value + slack >= expected,
            Direction::Decrease => value - slack <= expected,
            Direction::Maintain => (value - expected).abs() <= slack,
        };
        return Some(if ahead { Track::OnTrack } else { Track::Behind });
    }
    let start = indicator.baseline_date.as_ref()?.value.earliest()?;
    let end = goal.deadline.as_ref()?.value.latest()?;
    let latest = goal.latest_measurement()?;
    let measured = latest.date.value.day()?;
    let share = indicator.progress(latest.value.value)?;
    let span = (end - start).num_days();
    let expected = if span <= 0 {
        1.0
    } else {
        ((measured - start).num_days() as f64 / span as f64).clamp(0.0, 1.0)
    };
    Some(if share + 1e-9 >= expected {
        Track::OnTrack
    } else {
        Track::Behind
    })
}

/// The value the goal's indicator should have on `day` by its milestones: linear between the
/// baseline at the baseline date, each milestone's target at the milestone's date and the
/// target at the deadline, in date order; the baseline before the baseline date and the last
/// value after the last date. A milestone or deadline written as a year or month is due by its
/// last day. `None` without a baseline, a baseline date that is a day, or a milestone with a
/// target.
#[must_use]
pub fn expected_value(goal: &Goal, day: NaiveDate) -> Option<f64> {
    let indicator = goal.indicator.as_ref()?;
    let start = indicator.baseline_date.as_ref()?.value.earliest()?;
    let mut points: Vec<(NaiveDate, f64)> = vec![(start, indicator.baseline.as_ref()?.value)];
    let before = points.len();
    points.extend(
        goal.milestones
            .iter()
            .filter_map(|m| Some((m.date.value.latest()?, m.target.as_ref()?.value))),
    );
    if points.len() == before {
        return None;
    }
    if let (Some(deadline), Some(target)) = (&goal.deadline, &indicator.target)
        && let Some(end) = deadline.value.latest()
    {
        points.push((end, target.value));
    }
    // Stable: a milestone on the deadline comes before the final target.
    points.sort_by_key(|(date, _)| *date);
    let (first, last) = (points[0], points[points.len() - 1]);
    if day <= first.0 {
        return Some(first.1);
    }
    if day >= last.0 {
        return Some(last.1);
    }
    let (i, _) = points
        .iter()
        .enumerate()
        .rev()
        .find(|(_, (date, _))| *date <= day)?;
    let ((d0, v0), (d1, v1)) = (points[i], points[i + 1]);
    let span = (d1 - d0).num_days();
    if span <= 0 {
        return Some(v1);
    }
    Some(v0 + (v1 - v0) * (day - d0).num_days() as f64 / span as f64)
}

/// The first milestone due on or after `as_of` (a year or month counts until its last day),
/// by date, then as listed.
#[must_use]
pub fn next_milestone(goal: &Goal, as_of: NaiveDate) -> Option<&Milestone> {
    goal.milestones
        .iter()
        .enumerate()
        .filter(|(_, m)| m.date.value.latest().is_some_and(|last| last >= as_of))
        .min_by_key(|(i, m)| (m.date.value.sort_key(), *i))
        .map(|(_, m)| m)
}

/// Days from `as_of` to the deadline (negative when it has passed); `None` without a real
/// deadline or for a goal that is achieved or stopped, whose deadline no longer counts.
#[must_use]
pub fn days_to_deadline(goal: &Goal, as_of: NaiveDate) -> Option<i64> {
    if matches!(goal.status.value, Status::Achieved | Status::Stopped) {
        return None;
    }
    let deadline = goal.deadline.as_ref()?.value.latest()?;
    Some((deadline - as_of).num_days())
}

/// Why a goal needs attention as of a date: past its deadline, marked at risk, or behind its
/// trajectory (in that order; the first that applies).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attention {
    Overdue,
    AtRisk,
    Behind,
}

/// Whether the goal needs attention as of `as_of`, and why.
#[must_use]
pub fn attention(goal: &Goal, as_of: NaiveDate) -> Option<Attention> {
    if days_to_deadline(goal, as_of).is_some_and(|days| days < 0) {
        Some(Attention::Overdue)
    } else if goal.status.value == Status::AtRisk {
        Some(Attention::AtRisk)
    } else if track(goal) == Some(Track::Behind) {
        Some(Attention::Behind)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Span;
    use crate::plan::S;
    use crate::plan::raw::{Date, Id, Indicator, Measurement};

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

    #[test]
    fn progress_is_a_percentage_of_the_way() {
        assert_eq!(
            progress(&goal(Status::InProgress, "2021-01-01", 8.0)),
            Some(50.0)
        );
    }

    #[test]
    fn the_trajectory_is_a_straight_line_to_the_deadline() {
        // Just before half-way in time (365 of 731 days), half-way in value: on track.
        assert_eq!(
            track(&goal(Status::InProgress, "2020-12-31", 8.0)),
            Some(Track::OnTrack)
        );
        // Just past half-way in time (366 of 731 days), half-way in value: behind.
        assert_eq!(
            track(&goal(Status::InProgress, "2021-01-01", 8.0)),
            Some(Track::Behind)
        );
        // Half-way in time, a quarter of the way in value: behind.
        assert_eq!(
            track(&goal(Status::InProgress, "2021-01-01", 9.0)),
            Some(Track::Behind)
        );
        assert_eq!(
            track(&goal(Status::InProgress, "2021-01-01", 5.0)),
            Some(Track::Reached)
        );
        assert_eq!(track(&goal(Status::Stopped, "2021-01-01", 9.0)), None);
    }

    fn milestone(date: &str, target: Option<f64>) -> Milestone {
        Milestone {
            date: s(Date::parse(date)),
            target: target.map(s),
            description: None,
        }
    }

    /// The waiting-time goal with a milestone of 9 weeks by the end of 2020 and one without a
    /// target in June 2021.
    fn with_milestones(measured: &str, value: f64) -> Goal {
        let mut g = goal(Status::InProgress, measured, value);
        g.milestones = vec![milestone("2021-06", None), milestone("2020", Some(9.0))];
        g
    }

    #[test]
    fn the_expected_value_runs_through_the_milestones() {
        // Points: 10 on 2020-01-01 (baseline), 9 on 2020-12-31 (milestone `2020`, due by its
        // last day), 6 on 2022-01-01 (target at the deadline).
        let g = with_milestones("2021-07-02", 7.5);
        let at = |d: &str| expected_value(&g, day(d)).expect("expected");
        // 2020-07-01 is 182 days into the 365 from 2020-01-01 to 2020-12-31 (2020 is a leap
        // year): 10 + (9 - 10) * 182 / 365 = 9.50137 (to 5 places).
        assert!((at("2020-07-01") - (10.0 - 182.0 / 365.0)).abs() < 1e-12);
        assert!((at("2020-07-01") - 9.50137).abs() < 1e-5);
        // 2021-07-02 is 183 days into the 366 from 2020-12-31 to 2022-01-01:
        // 9 + (6 - 9) * 183 / 366 = 9 - 1.5 = 7.5.
        assert!((at("2021-07-02") - 7.5).abs() < 1e-12);
        // On the points themselves, before the baseline and after the deadline.
        assert!((at("2020-12-31") - 9.0).abs() < 1e-12);
        assert!((at("2019-06-01") - 10.0).abs() < 1e-12);
        assert!((at("2023-01-01") - 6.0).abs() < 1e-12);
        // Without a milestone that has a target there is no milestone trajectory.
        let mut plain = goal(Status::InProgress, "2021-07-02", 7.5);
        plain.milestones = vec![milestone("2021-06", None)];
        assert_eq!(expected_value(&plain, day("2021-07-02")), None);
    }

    #[test]
    fn with_milestones_the_track_follows_them() {
        // Expected 7.5 on 2021-07-02 (above): 7.5 weeks is on track, 7.6 is behind.
        assert_eq!(
            track(&with_milestones("2021-07-02", 7.5)),
            Some(Track::OnTrack)
        );
        assert_eq!(
            track(&with_milestones("2021-07-02", 7.6)),
            Some(Track::Behind)
        );
        // The straight line expects 548 of 731 days: 10 - 4 * 548 / 731 = 7.0014 weeks, so
        // 7.5 is behind without the milestones.
        assert_eq!(
            track(&goal(Status::InProgress, "2021-07-02", 7.5)),
            Some(Track::Behind)
        );
    }

    #[test]
    fn the_next_milestone_is_the_first_due_on_or_after_the_date() {
        let g = with_milestones("2021-07-02", 7.5);
        let next = |d: &str| next_milestone(&g, day(d)).map(|m| m.date.value.to_string());
        // `2020` is due until 2020-12-31.
        assert_eq!(next("2020-03-01").as_deref(), Some("2020"));
        assert_eq!(next("2020-12-31").as_deref(), Some("2020"));
        assert_eq!(next("2021-01-01").as_deref(), Some("2021-06"));
        assert_eq!(next("2021-07-01"), None);
    }

    #[test]
    fn days_count_to_the_deadline_and_past_it() {
        let g = goal(Status::InProgress, "2020-12-31", 8.0);
        assert_eq!(days_to_deadline(&g, day("2021-12-22")), Some(10));
        assert_eq!(days_to_deadline(&g, day("2022-01-31")), Some(-30));
        assert_eq!(attention(&g, day("2022-01-31")), Some(Attention::Overdue));
        assert_eq!(attention(&g, day("2021-06-30")), None);
        let done = goal(Status::Achieved, "2021-01-01", 6.0);
        assert_eq!(days_to_deadline(&done, day("2022-01-31")), None);
        assert_eq!(attention(&done, day("2022-01-31")), None);
    }
}
