//! Goal quality: what makes a goal checkable. A goal is measurable (an indicator with a
//! baseline and a target), owned and dated (a deadline); those five parts are required, and
//! the rules (RP304-RP306), the gap analysis and framework requirements judge them here. Two
//! more parts make a goal easier to follow and are shown but not required: milestones (its
//! trajectory) and a monitoring cadence (its own, or the plan's `period.monitoring`).
//!
//! A stopped goal is not judged: it needs no owner, target or deadline any more.

use serde::Serialize;

use crate::plan::Plan;
use crate::plan::raw::{Goal, Status};

/// A part of a good goal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    Indicator,
    Baseline,
    Target,
    Owner,
    Deadline,
    Milestones,
    Monitoring,
}

impl Part {
    /// Every part, in the order a report lists them.
    pub const ALL: [Part; 7] = [
        Part::Indicator,
        Part::Baseline,
        Part::Target,
        Part::Owner,
        Part::Deadline,
        Part::Milestones,
        Part::Monitoring,
    ];

    /// Whether a goal without this part falls short of the plan's own standard.
    #[must_use]
    pub const fn is_required(self) -> bool {
        !matches!(self, Part::Milestones | Part::Monitoring)
    }

    /// Whether `goal` of `plan` has this part.
    #[must_use]
    pub fn present(self, goal: &Goal, plan: &Plan) -> bool {
        let indicator = goal.indicator.as_ref();
        match self {
            Part::Indicator => indicator.is_some(),
            Part::Baseline => indicator.is_some_and(|i| i.baseline.is_some()),
            Part::Target => indicator.is_some_and(|i| i.target.is_some()),
            Part::Owner => goal.owner.is_some(),
            Part::Deadline => goal.deadline.is_some(),
            Part::Milestones => !goal.milestones.is_empty(),
            Part::Monitoring => goal.monitoring.is_some() || plan.period.monitoring.is_some(),
        }
    }
}

/// Whether `goal` is judged at all: every goal but a stopped one.
#[must_use]
pub fn judged(goal: &Goal) -> bool {
    goal.status.value != Status::Stopped
}

/// The required parts `goal` lacks, in [`Part::ALL`] order; none for a stopped goal.
#[must_use]
pub fn missing(goal: &Goal, plan: &Plan) -> Vec<Part> {
    if !judged(goal) {
        return Vec::new();
    }
    Part::ALL
        .into_iter()
        .filter(|p| p.is_required() && !p.present(goal, plan))
        .collect()
}

/// The share of the required parts present, in percent.
#[must_use]
pub fn score(missing: &[Part]) -> f64 {
    let required = Part::ALL.iter().filter(|p| p.is_required()).count();
    100.0 * required.saturating_sub(missing.len()) as f64 / required as f64
}

/// Whether `goal` is measurable and dated: an indicator with a baseline and a target, and a
/// deadline (what framework requirements on measurable goals count).
#[must_use]
pub fn measurable(goal: &Goal, plan: &Plan) -> bool {
    [
        Part::Indicator,
        Part::Baseline,
        Part::Target,
        Part::Deadline,
    ]
    .into_iter()
    .all(|p| p.present(goal, plan))
}
