//! Goals (`RP30x`-`RP31x`): measurable, owned, dated, and a status that agrees with the data.

use super::{Context, Pruning, Rule, RuleInfo};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Severity::{Error, Warning};
use crate::judge::quality::{self, Part};
use crate::plan::domain::yaml_name;
use crate::plan::index::each_goal;
use crate::plan::raw::{Direction, Goal, Status};

pub static GOAL_NOT_MEASURABLE: Rule = Rule {
    info: RuleInfo {
        code: "RP304",
        name: "goal-not-measurable",
        severity: Warning,
        summary: crate::lang::Label {
            en: "A goal without an indicator, or with an indicator without a target.",
            nl: "Een doel zonder indicator, of met een indicator zonder streefwaarde.",
        },
        why: crate::lang::Label {
            en: "The NZa asks regioplannen for measurable goals; without an indicator and a \
                 target nobody can tell whether the goal was reached.",
            nl: "De NZa vraagt regioplannen om meetbare doelen; zonder indicator en streefwaarde \
                 kan niemand zeggen of het doel is bereikt.",
        },
        bad: "- id: ggz-1\n  title: Betere toegang tot de GGZ\n  status: in_progress\n",
        good: "- id: ggz-1\n  title: Betere toegang tot de GGZ\n  status: in_progress\n  indicator:\n    name: wachttijd basis-GGZ\n    unit: weken\n    baseline: 12\n    target: 6\n    direction: decrease\n",
        fix: super::FIX_NONE,
    },
    check: Some(goals_not_measurable),
    pruning: Pruning::Absence,
};

pub static GOAL_WITHOUT_OWNER: Rule = Rule {
    info: RuleInfo {
        code: "RP305",
        name: "goal-without-owner",
        severity: Warning,
        summary: crate::lang::Label {
            en: "A goal without an owner.",
            nl: "Een doel zonder eigenaar.",
        },
        why: crate::lang::Label {
            en: "Explicit task assignment is one of the NZa's criteria; a goal without an owner \
                 is nobody's work.",
            nl: "Een duidelijke taakverdeling is een van de criteria van de NZa; een doel zonder \
                 eigenaar is niemands werk.",
        },
        bad: "- id: ggz-1\n  title: ...\n  status: planned\n",
        good: "- id: ggz-1\n  title: ...\n  owner: a.bakker\n  status: planned\n",
        fix: super::FIX_NONE,
    },
    check: Some(goals_without_owner),
    pruning: Pruning::Absence,
};

pub static GOAL_WITHOUT_DEADLINE: Rule = Rule {
    info: RuleInfo {
        code: "RP306",
        name: "goal-without-deadline",
        severity: Warning,
        summary: crate::lang::Label {
            en: "A goal without a deadline.",
            nl: "Een doel zonder deadline.",
        },
        why: crate::lang::Label {
            en: "A work agenda with milestones needs dates; a goal without one is never overdue \
                 and never on time.",
            nl: "Een werkagenda met mijlpalen heeft datums nodig; een doel zonder deadline is \
                 nooit verlopen en nooit op tijd.",
        },
        bad: "- id: ggz-1\n  title: ...\n  status: planned\n",
        good: "- id: ggz-1\n  title: ...\n  status: planned\n  deadline: 2022-12-31\n",
        fix: super::FIX_NONE,
    },
    check: Some(goals_without_deadline),
    pruning: Pruning::Absence,
};

pub static ACHIEVED_BUT_TARGET_MISSED: Rule = Rule {
    info: RuleInfo {
        code: "RP307",
        name: "achieved-but-target-missed",
        severity: Error,
        summary: crate::lang::Label {
            en: "A goal marked `achieved` whose last measurement misses its target.",
            nl: "Een doel met status `achieved` waarvan de laatste meting de streefwaarde niet \
                 haalt.",
        },
        why: crate::lang::Label {
            en: "Boards and insurers read the status; a status that the plan's own measurements \
                 contradict undermines the whole report.",
            nl: "Besturen en zorgverzekeraars lezen de status; een status die door de eigen \
                 metingen van het plan wordt tegengesproken, ondermijnt het hele rapport.",
        },
        bad: "status: achieved\nindicator: {name: praktijken, unit: praktijken, target: 12, direction: increase}\nmeasurements:\n  - {date: 2022-06-30, value: 8}\n",
        good: "status: in_progress\nindicator: {name: praktijken, unit: praktijken, target: 12, direction: increase}\nmeasurements:\n  - {date: 2022-06-30, value: 8}\n",
        fix: super::FIX_NONE,
    },
    check: Some(achieved_but_target_missed),
    pruning: Pruning::Independent,
};

pub static BASELINE_PAST_TARGET: Rule = Rule {
    info: RuleInfo {
        code: "RP308",
        name: "baseline-past-target",
        severity: Warning,
        summary: crate::lang::Label {
            en: "A goal whose baseline already reaches its target in the goal's direction.",
            nl: "Een doel waarvan de nulmeting de streefwaarde al haalt in de richting van het \
                 doel.",
        },
        why: crate::lang::Label {
            en: "A goal that is reached before work starts promises nothing; usually the baseline \
                 and the target are swapped, the direction is wrong, or a figure lost its \
                 thousands.",
            nl: "Een doel dat al is bereikt voordat het werk begint, belooft niets; meestal zijn \
                 nulmeting en streefwaarde verwisseld, is de richting verkeerd, of is een getal \
                 zijn duizendtallen kwijt.",
        },
        bad: "indicator:\n  unit: weken\n  baseline: 4\n  target: 6\n  direction: decrease\n",
        good: "indicator:\n  unit: weken\n  baseline: 12\n  target: 6\n  direction: decrease\n",
        fix: super::FIX_NONE,
    },
    check: Some(baselines_past_target),
    pruning: Pruning::Independent,
};

pub static MILESTONE_AWAY_FROM_TARGET: Rule = Rule {
    info: RuleInfo {
        code: "RP309",
        name: "milestone-away-from-target",
        severity: Warning,
        summary: crate::lang::Label {
            en: "A milestone whose target lies further from the goal's target than the baseline \
                 or the milestone before it.",
            nl: "Een mijlpaal waarvan de streefwaarde verder van de streefwaarde van het doel \
                 ligt dan de nulmeting of de mijlpaal ervoor.",
        },
        why: crate::lang::Label {
            en: "Milestones are the trajectory a goal is monitored against: each step should \
                 bring the indicator closer to its target. A step back is usually a swapped \
                 figure or a milestone in the wrong order, and every report would then call the \
                 goal on track while it is going the wrong way.",
            nl: "Mijlpalen zijn het traject waarlangs een doel wordt gevolgd: elke stap hoort de \
                 indicator dichter bij de streefwaarde te brengen. Een stap terug is meestal een \
                 verwisseld getal of een mijlpaal in de verkeerde volgorde, en elk rapport zou \
                 het doel dan op koers noemen terwijl het de verkeerde kant op gaat.",
        },
        bad: "indicator: {name: wachttijd, unit: weken, baseline: 12, target: 6, direction: decrease}\nmilestones:\n  - {date: 2022-12-31, target: 9}\n  - {date: 2023-06-30, target: 10}\n",
        good: "indicator: {name: wachttijd, unit: weken, baseline: 12, target: 6, direction: decrease}\nmilestones:\n  - {date: 2022-12-31, target: 10}\n  - {date: 2023-06-30, target: 9}\n",
        fix: super::FIX_NONE,
    },
    check: Some(milestones_away_from_target),
    pruning: Pruning::Independent,
};

/// Calls `f` with every goal that is judged (not stopped: a stopped goal needs no owner or
/// target).
fn each_active_goal<'a>(cx: &Context<'a>, mut f: impl FnMut(&'a Goal)) {
    each_goal(cx.plan, &mut |goal, _| {
        if quality::judged(goal) {
            f(goal);
        }
    });
}

/// Calls `f` with every judged goal that lacks `part` (`judge::quality`).
fn each_goal_lacking<'a>(cx: &Context<'a>, part: Part, mut f: impl FnMut(&'a Goal)) {
    each_active_goal(cx, |goal| {
        if !part.present(goal, cx.plan) {
            f(goal);
        }
    });
}

/// RP304: goals without an indicator, or with an indicator without a target.
fn goals_not_measurable(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    each_goal_lacking(cx, Part::Target, |goal| {
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
            Some(indicator) => out.push(
                Diagnostic::new(
                    &GOAL_NOT_MEASURABLE,
                    indicator.name.span,
                    format!("the indicator of goal `{id}` has no target"),
                )
                .label("no target")
                .help("add `target:` to the indicator"),
            ),
        }
    });
}

/// RP305: goals without an owner.
fn goals_without_owner(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    each_goal_lacking(cx, Part::Owner, |goal| {
        out.push(
            Diagnostic::new(
                &GOAL_WITHOUT_OWNER,
                goal.id.span,
                format!("goal `{}` has no owner", goal.id.value.0),
            )
            .label("no owner")
            .help("add `owner: <person id>`"),
        );
    });
}

/// RP306: goals without a deadline.
fn goals_without_deadline(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    each_goal_lacking(cx, Part::Deadline, |goal| {
        out.push(
            Diagnostic::new(
                &GOAL_WITHOUT_DEADLINE,
                goal.id.span,
                format!("goal `{}` has no deadline", goal.id.value.0),
            )
            .label("no deadline")
            .help("add `deadline: YYYY-MM-DD`"),
        );
    });
}

/// RP307: goals marked achieved whose last measurement misses the target.
fn achieved_but_target_missed(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    each_active_goal(cx, |goal| {
        if goal.status.value == Status::Achieved
            && goal.is_reached() == Some(false)
            && let Some(indicator) = &goal.indicator
            && let Some(target) = &indicator.target
            && let Some(last) = goal.latest_measurement()
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
                        indicator.direction.value.bound(),
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

/// RP308: goals whose baseline already reaches the target in the goal's direction.
fn baselines_past_target(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    each_active_goal(cx, |goal| {
        let Some(indicator) = &goal.indicator else {
            return;
        };
        let (Some(baseline), Some(target)) = (&indicator.baseline, &indicator.target) else {
            return;
        };
        let direction = indicator.direction.value;
        if direction != Direction::Maintain && direction.reaches(baseline.value, target.value) {
            out.push(
                Diagnostic::new(
                    &BASELINE_PAST_TARGET,
                    baseline.span,
                    format!(
                        "the baseline of goal `{}` ({} {unit}) already reaches its target ({} {} {unit})",
                        goal.id.value.0,
                        baseline.value,
                        direction.bound(),
                        target.value,
                        unit = indicator.unit.value,
                    ),
                )
                .label("already at the target")
                .secondary(target.span, "the target")
                .help(format!(
                    "check the baseline, the target and `direction: {}`; a goal to keep a value where it is has `direction: maintain`",
                    yaml_name(&direction)
                )),
            );
        }
    });
}

/// RP309: milestones whose target steps back, away from the goal's target: below the baseline
/// or the previous milestone for a goal that increases, above it for one that decreases.
fn milestones_away_from_target(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    each_active_goal(cx, |goal| {
        let Some(indicator) = &goal.indicator else {
            return;
        };
        let direction = indicator.direction.value;
        if direction == Direction::Maintain {
            return;
        }
        let mut milestones: Vec<_> = goal
            .milestones
            .iter()
            .filter_map(|m| Some((m.date.value.sort_key()?, m, m.target.as_ref()?)))
            .collect();
        milestones.sort_by_key(|(key, _, _)| *key);
        let mut previous = indicator
            .baseline
            .as_ref()
            .map(|b| (b.value, b.span, "the baseline"));
        for (_, milestone, target) in milestones {
            if let Some((before, span, what)) = previous
                && !direction.reaches(target.value, before)
            {
                out.push(
                    Diagnostic::new(
                        &MILESTONE_AWAY_FROM_TARGET,
                        target.span,
                        format!(
                            "the milestone of goal `{}` on {} ({} {unit}) moves away from the target: {what} is {before} {unit}",
                            goal.id.value.0,
                            milestone.date.value,
                            target.value,
                            unit = indicator.unit.value,
                        ),
                    )
                    .label("a step away from the target")
                    .secondary(span, what)
                    .help(format!(
                        "with `direction: {}` each milestone should come closer to the target; check the figures and the dates",
                        yaml_name(&direction)
                    )),
                );
            }
            previous = Some((target.value, target.span, "the milestone before it"));
        }
    });
}
