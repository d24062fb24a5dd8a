//! What a report says about one goal: progress from baseline to target, whether it is on its
//! trajectory, days to or past its deadline, and whether it needs attention.

use chrono::NaiveDate;

use crate::plan::raw::{Goal, Status};

/// Where a goal stands against the straight line from its baseline to its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Track {
    /// The latest measurement reaches the target (or the goal is achieved).
    Reached,
    /// At least as far as the straight line says it should be by the latest measurement.
    OnTrack,
    /// Less far than the straight line says.
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

/// The goal against its trajectory: a straight line from 0% at the baseline date to 100% at
/// the deadline, read at the date of the latest measurement. `None` when a date, the baseline,
/// the target or a measurement is missing, or the goal was stopped.
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
    let start = indicator.baseline_date.as_ref()?.value.day()?;
    let end = goal.deadline.as_ref()?.value.day()?;
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

/// Days from `as_of` to the deadline (negative when it has passed); `None` without a real
/// deadline or for a goal that is achieved or stopped, whose deadline no longer counts.
#[must_use]
pub fn days_to_deadline(goal: &Goal, as_of: NaiveDate) -> Option<i64> {
    if matches!(goal.status.value, Status::Achieved | Status::Stopped) {
        return None;
    }
    let deadline = goal.deadline.as_ref()?.value.day()?;
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
    use crate::plan::raw::{Date, Direction, Id, Indicator, Measurement};

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
