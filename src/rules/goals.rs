//! Goals (`RP30x`-`RP31x`): measurable, owned, dated, and a status that agrees with the data.

use super::{Context, Rule, RuleInfo};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Severity::{Error, Warning};
use crate::plan::index::each_goal;
use crate::plan::raw::{Direction, Goal, Status};

pub static GOAL_NOT_MEASURABLE: Rule = Rule {
    info: RuleInfo {
        code: "RP304",
        name: "goal-not-measurable",
        severity: Warning,
        summary: "A goal without an indicator, or with an indicator without a target.",
        why: "The NZa asks regioplannen for measurable goals; without an indicator and a target \
              nobody can tell whether the goal was reached.",
        bad: "- id: ggz-1\n  title: Betere toegang tot de GGZ\n  status: in_progress\n",
        good: "- id: ggz-1\n  title: Betere toegang tot de GGZ\n  status: in_progress\n  indicator:\n    name: wachttijd basis-GGZ\n    unit: weken\n    baseline: 12\n    target: 6\n    direction: decrease\n",
    },
    check: Some(goals_not_measurable),
};

pub static GOAL_WITHOUT_OWNER: Rule = Rule {
    info: RuleInfo {
        code: "RP305",
        name: "goal-without-owner",
        severity: Warning,
        summary: "A goal without an owner.",
        why: "Explicit task assignment is one of the NZa's criteria; a goal without an owner is \
              nobody's work.",
        bad: "- id: ggz-1\n  title: ...\n  status: planned\n",
        good: "- id: ggz-1\n  title: ...\n  owner: a.bakker\n  status: planned\n",
    },
    check: Some(goals_without_owner),
};

pub static GOAL_WITHOUT_DEADLINE: Rule = Rule {
    info: RuleInfo {
        code: "RP306",
        name: "goal-without-deadline",
        severity: Warning,
        summary: "A goal without a deadline.",
        why: "A work agenda with milestones needs dates; a goal without one is never overdue and \
              never on time.",
        bad: "- id: ggz-1\n  title: ...\n  status: planned\n",
        good: "- id: ggz-1\n  title: ...\n  status: planned\n  deadline: 2022-12-31\n",
    },
    check: Some(goals_without_deadline),
};

pub static ACHIEVED_BUT_TARGET_MISSED: Rule = Rule {
    info: RuleInfo {
        code: "RP307",
        name: "achieved-but-target-missed",
        severity: Error,
        summary: "A goal marked `achieved` whose last measurement misses its target.",
        why: "Boards and insurers read the status; a status that the plan's own measurements \
              contradict undermines the whole report.",
        bad: "status: achieved\nindicator: {name: praktijken, unit: praktijken, target: 12, direction: increase}\nmeasurements:\n  - {date: 2022-06-30, value: 8}\n",
        good: "status: in_progress\nindicator: {name: praktijken, unit: praktijken, target: 12, direction: increase}\nmeasurements:\n  - {date: 2022-06-30, value: 8}\n",
    },
    check: Some(achieved_but_target_missed),
};

/// The goal rules.
#[must_use]
pub fn reaches(direction: Direction, value: f64, target: f64) -> bool {
    match direction {
        Direction::Increase => value >= target,
        Direction::Decrease => value <= target,
        Direction::Maintain => (value - target).abs() <= f64::EPSILON * target.abs().max(1.0),
    }
}

/// Calls `f` with every goal that is not stopped: a stopped goal needs no owner or target.
fn each_active_goal<'a>(cx: &Context<'a>, mut f: impl FnMut(&'a Goal)) {
    each_goal(cx.plan, &mut |goal, _| {
        if goal.status.value != Status::Stopped {
            f(goal);
        }
    });
}

/// RP304: goals without an indicator, or with an indicator without a target.
fn goals_not_measurable(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    each_active_goal(cx, |goal| {
        let id = &goal.id.value.0;
        match &goal.indicator {
            None => out.push(
                Diagnostic::new(
                    &GOAL_NOT_MEASURABLE,
                    goal.id.span,
                    format!("goal `{id}` has no indicator"),
                )
                .label("not measurable")
                .help("add `indicator:` with `name`, `unit`, `baseline`, `target` and `direction`"),
            ),
            Some(indicator) if indicator.target.is_none() => out.push(
                Diagnostic::new(
                    &GOAL_NOT_MEASURABLE,
                    indicator.name.span,
                    format!("the indicator of goal `{id}` has no target"),
                )
                .label("no target")
                .help("add `target:` to the indicator"),
            ),
            Some(_) => {}
        }
    });
}

/// RP305: goals without an owner.
fn goals_without_owner(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    each_active_goal(cx, |goal| {
        if goal.owner.is_none() {
            out.push(
                Diagnostic::new(
                    &GOAL_WITHOUT_OWNER,
                    goal.id.span,
                    format!("goal `{}` has no owner", goal.id.value.0),
                )
                .label("no owner")
                .help("add `owner: <person id>`"),
            );
        }
    });
}

/// RP306: goals without a deadline.
fn goals_without_deadline(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    each_active_goal(cx, |goal| {
        if goal.deadline.is_none() {
            out.push(
                Diagnostic::new(
                    &GOAL_WITHOUT_DEADLINE,
                    goal.id.span,
                    format!("goal `{}` has no deadline", goal.id.value.0),
                )
                .label("no deadline")
                .help("add `deadline: YYYY-MM-DD`"),
            );
        }
    });
}

/// RP307: goals marked achieved whose last measurement misses the target.
fn achieved_but_target_missed(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    each_active_goal(cx, |goal| {
        if goal.status.value == Status::Achieved
            && let Some(indicator) = &goal.indicator
            && let Some(target) = &indicator.target
            && let Some(last) = goal.measurements.last()
            && !reaches(indicator.direction.value, last.value.value, target.value)
        {
            out.push(
                Diagnostic::new(
                    &ACHIEVED_BUT_TARGET_MISSED,
                    goal.status.span,
                    format!(
                        "goal `{}` is marked achieved, but its last measurement ({} {unit}) misses the target ({} {unit}, {})",
                        goal.id.value.0,
                        last.value.value,
                        target.value,
                        match indicator.direction.value {
                            Direction::Increase => "at least",
                            Direction::Decrease => "at most",
                            Direction::Maintain => "exactly",
                        },
                        unit = indicator.unit.value,
                    ),
                )
                .label("status says achieved")
                .secondary(last.value.span, "last measurement")
                .help("set the status to `in_progress` or `at_risk`, or add the measurement that reached the target"),
            );
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reaching_a_target_depends_on_the_direction() {
        assert!(reaches(Direction::Increase, 12.0, 12.0));
        assert!(!reaches(Direction::Increase, 11.0, 12.0));
        assert!(reaches(Direction::Decrease, 5.0, 6.0));
        assert!(!reaches(Direction::Decrease, 7.0, 6.0));
        assert!(reaches(Direction::Maintain, 95.0, 95.0));
        assert!(!reaches(Direction::Maintain, 94.0, 95.0));
    }
}
