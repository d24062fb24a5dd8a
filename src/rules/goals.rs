//! Goals (`RP30x`-`RP31x`): measurable, owned, dated, and a status that agrees with the data.

use super::{Context, Pruning, Rule, RuleInfo};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Severity::{Error, Warning};
use crate::judge::quality::{self, Part};
use crate::lang::{Label, Plain};
use crate::msg;
use crate::plan::domain::Named;
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

/// "at least", "at most" or "exactly": how a target in `direction` reads, in both languages.
fn bound(direction: Direction) -> Label {
    match direction {
        Direction::Increase => Label {
            en: "at least",
            nl: "minstens",
        },
        Direction::Decrease => Label {
            en: "at most",
            nl: "hoogstens",
        },
        Direction::Maintain => Label {
            en: "exactly",
            nl: "precies",
        },
    }
}

/// The words a reader is shown for an enum value of the plan (as `report::labels::word`, which
/// the rules, below the report, cannot use).
pub(super) fn word<T: Named>(value: T) -> Label {
    let (en, nl) = value.words();
    Label { en, nl }
}

/// RP304: goals without an indicator, or with an indicator without a target.
fn goals_not_measurable(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    each_goal_lacking(cx, Part::Target, |goal| {
        let id = Plain(&goal.id.value.0);
        match &goal.indicator {
            None => out.push(
                Diagnostic::new(
                    &GOAL_NOT_MEASURABLE,
                    goal.id.span,
                    msg!(
                        "goal `{id}` has no indicator",
                        "doel `{id}` heeft geen indicator",
                        id = id,
                    ),
                )
                .label(msg!("not measurable", "niet meetbaar"))
                .help(msg!(
                    "say how the goal is measured: add `indicator:` under the goal with `name`, \
                     `unit`, `baseline` (the value at the start), `target` (the value to reach) \
                     and `direction` (`increase` or `decrease`)",
                    "geef aan hoe het doel gemeten wordt: voeg onder het doel `indicator:` toe \
                     met `name`, `unit`, `baseline` (de nulmeting), `target` (de streefwaarde) \
                     en `direction` (`increase` of `decrease`)"
                )),
            ),
            Some(indicator) => out.push(
                Diagnostic::new(
                    &GOAL_NOT_MEASURABLE,
                    indicator.name.span,
                    msg!(
                        "the indicator of goal `{id}` has no target",
                        "de indicator van doel `{id}` heeft geen streefwaarde",
                        id = id,
                    ),
                )
                .label(msg!("no target", "geen streefwaarde"))
                .help(msg!(
                    "add `target:` to the indicator: the value the goal should reach",
                    "voeg `target:` toe aan de indicator: de waarde die het doel moet halen"
                )),
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
                msg!(
                    "goal `{id}` has no owner",
                    "doel `{id}` heeft geen eigenaar",
                    id = Plain(&goal.id.value.0),
                ),
            )
            .label(msg!("no owner", "geen eigenaar"))
            .help(msg!(
                "add `owner: <person id>` under the goal: the person who answers for it",
                "voeg onder het doel `owner: <id van een persoon>` toe: de persoon die ervoor \
                 verantwoordelijk is"
            )),
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
                msg!(
                    "goal `{id}` has no deadline",
                    "doel `{id}` heeft geen deadline",
                    id = Plain(&goal.id.value.0),
                ),
            )
            .label(msg!("no deadline", "geen deadline"))
            .help(msg!(
                "under the goal, add the date by which it should be reached, as \
                 year-month-day, for example `deadline: 2026-12-31`",
                "schrijf onder het doel de datum waarop het bereikt moet zijn, als \
                 jaar-maand-dag, bijvoorbeeld `deadline: 2026-12-31`"
            )),
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
            let achieved = word(Status::Achieved);
            out.push(
                Diagnostic::new(
                    &ACHIEVED_BUT_TARGET_MISSED,
                    goal.status.span,
                    msg!(
                        "goal `{id}` is marked {achieved}, but its last measurement ({value} \
                         {unit}) does not reach the target of {bound} {target} {unit}",
                        "doel `{id}` staat op {achieved}, maar de laatste meting ({value} {unit}) \
                         haalt de streefwaarde van {bound} {target} {unit} niet",
                        id = Plain(&goal.id.value.0),
                        achieved = achieved,
                        value = last.value.value,
                        unit = Plain(&indicator.unit.value),
                        bound = bound(indicator.direction.value),
                        target = target.value,
                    ),
                )
                .label(msg!(
                    "the status says {achieved}",
                    "de status zegt {achieved}",
                    achieved = achieved,
                ))
                .secondary(last.value.span, msg!("last measurement", "laatste meting"))
                .help(msg!(
                    "set `status: in_progress` or `status: at_risk`, or add the measurement that \
                     reached the target",
                    "zet `status: in_progress` of `status: at_risk`, of voeg de meting toe \
                     waarmee de streefwaarde is gehaald"
                )),
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
                    msg!(
                        "the baseline of goal `{id}` ({baseline} {unit}) already reaches its \
                         target ({bound} {target} {unit})",
                        "de nulmeting van doel `{id}` ({baseline} {unit}) haalt de streefwaarde \
                         ({bound} {target} {unit}) al",
                        id = Plain(&goal.id.value.0),
                        baseline = baseline.value,
                        unit = Plain(&indicator.unit.value),
                        bound = bound(direction),
                        target = target.value,
                    ),
                )
                .label(msg!("already at the target", "al op de streefwaarde"))
                .secondary(target.span, msg!("the target", "de streefwaarde"))
                .help(msg!(
                    "check whether `baseline` and `target` are swapped or `direction: {dir}` is \
                     wrong; to keep a value where it is, write `direction: maintain`",
                    "controleer of `baseline` en `target` verwisseld zijn of `direction: {dir}` \
                     niet klopt; wilt u een waarde behouden, schrijf dan `direction: maintain`",
                    dir = Plain(direction.name()),
                )),
            );
        }
    });
}

/// RP309: milestones whose target steps back, away from the goal's target: below the baseline
/// or the previous milestone for a goal that increases, above it for one that decreases.
fn milestones_away_from_target(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    const BASELINE: Label = Label {
        en: "the baseline",
        nl: "de nulmeting",
    };
    const MILESTONE_BEFORE: Label = Label {
        en: "the milestone before it",
        nl: "de mijlpaal ervoor",
    };
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
            .map(|b| (b.value, b.span, BASELINE));
        for (_, milestone, target) in milestones {
            if let Some((before, span, what)) = previous
                && !direction.reaches(target.value, before)
            {
                out.push(
                    Diagnostic::new(
                        &MILESTONE_AWAY_FROM_TARGET,
                        target.span,
                        msg!(
                            "the milestone of goal `{id}` on {date} ({value} {unit}) is further \
                             from the target than {what} ({before} {unit})",
                            "de mijlpaal van doel `{id}` op {date} ({value} {unit}) ligt verder \
                             van de streefwaarde af dan {what} ({before} {unit})",
                            id = Plain(&goal.id.value.0),
                            date = Plain(&milestone.date.value),
                            value = target.value,
                            unit = Plain(&indicator.unit.value),
                            what = what,
                            before = before,
                        ),
                    )
                    .label(msg!(
                        "a step away from the target",
                        "een stap weg van de streefwaarde"
                    ))
                    .secondary(span, what)
                    .help(msg!(
                        "with `direction: {dir}` each milestone should come closer to the target \
                         than the one before it; check the figures and the dates",
                        "met `direction: {dir}` hoort elke mijlpaal dichter bij de streefwaarde te \
                         liggen dan de vorige; controleer de waarden en de datums",
                        dir = Plain(direction.name()),
                    )),
                );
            }
            previous = Some((target.value, target.span, MILESTONE_BEFORE));
        }
    });
}
