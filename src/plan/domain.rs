//! What the plan's values mean, shared by rules, analyses and reports: whether a value reaches
//! a target, how far an indicator has come from its baseline, which body decides, a goal's
//! latest measurement, and the word a plan uses for an enum value. Pure functions on `raw`.

use serde::Serialize;

use super::raw::{BodyKind, Direction, Goal, GovernanceBody, Indicator, Measurement};

impl Direction {
    /// Whether `value` reaches `target` in this direction.
    #[must_use]
    pub fn reaches(self, value: f64, target: f64) -> bool {
        match self {
            Direction::Increase => value >= target,
            Direction::Decrease => value <= target,
            Direction::Maintain => (value - target).abs() <= f64::EPSILON * target.abs().max(1.0),
        }
    }

    /// "at least", "at most" or "exactly": how a target in this direction reads.
    #[must_use]
    pub fn bound(self) -> &'static str {
        match self {
            Direction::Increase => "at least",
            Direction::Decrease => "at most",
            Direction::Maintain => "exactly",
        }
    }
}

impl Indicator {
    /// The share of the way from the baseline to the target that `value` has come: 0 at the
    /// baseline, 1 at the target, above 1 past it, below 0 when it moved away. `None` without a
    /// baseline or a target. When baseline and target are equal, 1 if `value` reaches the
    /// target, else 0.
    #[must_use]
    pub fn progress(&self, value: f64) -> Option<f64> {
        let baseline = self.baseline.as_ref()?.value;
        let target = self.target.as_ref()?.value;
        let way = target - baseline;
        if way.abs() <= f64::EPSILON * target.abs().max(1.0) {
            return Some(if self.direction.value.reaches(value, target) {
                1.0
            } else {
                0.0
            });
        }
        Some((value - baseline) / way)
    }
}

impl Goal {
    /// The most recent measurement with a real date (the last one listed when dates tie or
    /// are impossible).
    #[must_use]
    pub fn latest_measurement(&self) -> Option<&Measurement> {
        self.measurements
            .iter()
            .enumerate()
            .max_by_key(|(i, m)| (m.date.value.day(), *i))
            .map(|(_, m)| m)
    }

    /// Whether the latest measurement reaches the indicator's target; `None` when the goal has
    /// no indicator, no target or no measurement.
    #[must_use]
    pub fn is_reached(&self) -> Option<bool> {
        let indicator = self.indicator.as_ref()?;
        let target = indicator.target.as_ref()?.value;
        let latest = self.latest_measurement()?;
        Some(
            indicator
                .direction
                .value
                .reaches(latest.value.value, target),
        )
    }
}

impl GovernanceBody {
    /// Whether the body takes formal decisions: an algemeen bestuur or bestuur unless
    /// `takes_decisions: false`, any other body only with `takes_decisions: true`.
    #[must_use]
    pub fn takes_decisions(&self) -> bool {
        self.takes_decisions.as_ref().map_or_else(
            || {
                matches!(
                    self.kind.value,
                    BodyKind::AlgemeenBestuur | BodyKind::Bestuur
                )
            },
            |explicit| explicit.value,
        )
    }
}

/// The word a plan uses for an enum value, e.g. `in_progress` for `Status::InProgress`.
#[must_use]
pub fn yaml_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Span;
    use crate::plan::raw::{FundingKind, Relation, Status};
    use crate::plan::spanned::S;

    fn s<T>(value: T) -> S<T> {
        S::new(value, Span::default())
    }

    fn indicator(baseline: f64, target: f64, direction: Direction) -> Indicator {
        Indicator {
            name: s("n".to_string()),
            unit: s("u".to_string()),
            baseline: Some(s(baseline)),
            baseline_date: None,
            target: Some(s(target)),
            direction: s(direction),
        }
    }

    #[test]
    fn reaching_a_target_depends_on_the_direction() {
        assert!(Direction::Increase.reaches(12.0, 12.0));
        assert!(!Direction::Increase.reaches(11.0, 12.0));
        assert!(Direction::Decrease.reaches(5.0, 6.0));
        assert!(!Direction::Decrease.reaches(7.0, 6.0));
        assert!(Direction::Maintain.reaches(95.0, 95.0));
        assert!(!Direction::Maintain.reaches(94.0, 95.0));
    }

    #[test]
    fn progress_is_the_share_of_the_way_from_baseline_to_target() {
        // Waiting time from 12 to 6 weeks, now 9: half way (12 - 9) / (12 - 6) = 0.5.
        let wait = indicator(12.0, 6.0, Direction::Decrease);
        assert_eq!(wait.progress(9.0), Some(0.5));
        assert_eq!(wait.progress(12.0), Some(0.0));
        assert_eq!(wait.progress(3.0), Some(1.5));
        // Moved away: 15 weeks is (15 - 12) / (6 - 12) = -0.5.
        assert_eq!(wait.progress(15.0), Some(-0.5));
        // Practices from 4 to 12, now 8: (8 - 4) / (12 - 4) = 0.5.
        assert_eq!(
            indicator(4.0, 12.0, Direction::Increase).progress(8.0),
            Some(0.5)
        );
        let keep = indicator(95.0, 95.0, Direction::Maintain);
        assert_eq!(keep.progress(95.0), Some(1.0));
        assert_eq!(keep.progress(90.0), Some(0.0));
        let no_baseline = Indicator {
            baseline: None,
            ..indicator(0.0, 1.0, Direction::Increase)
        };
        assert_eq!(no_baseline.progress(1.0), None);
    }

    #[test]
    fn enum_values_are_named_as_a_plan_writes_them() {
        assert_eq!(yaml_name(&Status::InProgress), "in_progress");
        assert_eq!(yaml_name(&Relation::Itself), "self");
        assert_eq!(yaml_name(&FundingKind::Segment2), "segment_2");
        let read: Status = serde_json::from_value(serde_json::json!("at_risk")).expect("reads");
        assert_eq!(yaml_name(&read), "at_risk");
    }
}
