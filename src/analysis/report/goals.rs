//! What a report says about one goal: progress from baseline to target, its next milestone,
//! days to or past its deadline, and whether it needs attention. Whether it is on its
//! trajectory is the judgement of [`crate::judge::trajectory`], presented here.

use chrono::NaiveDate;

use crate::judge::trajectory::{self, State};
use crate::plan::raw::{Goal, Milestone, Status};

/// Progress in percent of the way from the baseline to the target at the latest measurement
/// on or before `as_of`; `None` without an indicator, a baseline, a target or such a
/// measurement.
#[must_use]
pub fn progress(goal: &Goal, as_of: NaiveDate) -> Option<f64> {
    let indicator = goal.indicator.as_ref()?;
    let latest = trajectory::latest_known(goal, as_of)?;
    indicator
        .progress(latest.value.value)
        .map(|share| share * 100.0)
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

/// Whether the goal needs attention as of `as_of`, and why; `plan_start` is where a
/// trajectory starts when the baseline has no date (see [`trajectory`]).
#[must_use]
pub fn attention(
    goal: &Goal,
    plan_start: Option<NaiveDate>,
    as_of: NaiveDate,
) -> Option<Attention> {
    if trajectory::days_overdue(goal, as_of).is_some() {
        Some(Attention::Overdue)
    } else if goal.status.value == Status::AtRisk {
        Some(Attention::AtRisk)
    } else if trajectory::state(goal, plan_start, as_of) == Some(State::Behind) {
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
            illustrative: false,
        }
    }

    #[test]
    fn progress_is_a_percentage_of_the_way() {
        assert_eq!(
            progress(
                &goal(Status::InProgress, "2021-01-01", 8.0),
                day("2021-01-01")
            ),
            Some(50.0)
        );
        // Not yet measured on the day before.
        assert_eq!(
            progress(
                &goal(Status::InProgress, "2021-01-01", 8.0),
                day("2020-12-31")
            ),
            None
        );
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
        assert_eq!(
            attention(&g, None, day("2022-01-31")),
            Some(Attention::Overdue)
        );
        assert_eq!(attention(&g, None, day("2021-06-30")), None);
        let done = goal(Status::Achieved, "2021-01-01", 6.0);
        assert_eq!(days_to_deadline(&done, day("2022-01-31")), None);
        assert_eq!(attention(&done, None, day("2022-01-31")), None);
    }
}
