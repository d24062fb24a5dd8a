//! Dates (`RP2xx`): dates that exist, deadlines inside the plan, measurements in order.

use chrono::{Datelike, NaiveDate};

use super::{Context, Pruning, Rule, RuleInfo};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Severity::{Error, Warning};
use crate::plan::S;
use crate::plan::index::{each_goal, walk_goals};
use crate::plan::raw::{Date, Plan};

pub static IMPOSSIBLE_DATE: Rule = Rule {
    info: RuleInfo {
        code: "RP201",
        name: "impossible-date",
        severity: Error,
        summary: "A date that does not exist, such as 30 February.",
        why: "A deadline on a day that does not exist cannot be planned, compared or reported.",
        bad: "deadline: 2022-02-30\n",
        good: "deadline: 2022-02-28\n",
    },
    check: Some(impossible_dates),
    pruning: Pruning::Independent,
};

pub static DEADLINE_OUTSIDE_PERIOD: Rule = Rule {
    info: RuleInfo {
        code: "RP202",
        name: "deadline-outside-period",
        severity: Warning,
        summary: "A goal's deadline before the plan period starts or after it ends.",
        why: "Goals are the plan's promises for its period; a deadline outside it belongs in \
              another plan, or the period is wrong.",
        bad: "period: {start: 2022-01-01, end: 2023-12-31}\n...\n    deadline: 2025-06-30\n",
        good: "period: {start: 2022-01-01, end: 2023-12-31}\n...\n    deadline: 2023-06-30\n",
    },
    check: Some(deadlines_outside_period),
    pruning: Pruning::Independent,
};

pub static SUBGOAL_AFTER_PARENT: Rule = Rule {
    info: RuleInfo {
        code: "RP203",
        name: "subgoal-after-parent",
        severity: Error,
        summary: "A subgoal due after the goal it is part of.",
        why: "A goal cannot be reached before its parts; the work agenda would be impossible.",
        bad: "- id: ggz-1\n  deadline: 2022-06-30\n  goals:\n    - id: ggz-1a\n      deadline: 2022-09-30\n",
        good: "- id: ggz-1\n  deadline: 2022-12-31\n  goals:\n    - id: ggz-1a\n      deadline: 2022-09-30\n",
    },
    check: Some(subgoals_after_parent),
    pruning: Pruning::Independent,
};

pub static MEASUREMENTS_OUT_OF_ORDER: Rule = Rule {
    info: RuleInfo {
        code: "RP204",
        name: "measurements-out-of-order",
        severity: Warning,
        summary: "Measurements of a goal that are not in date order (or share a date).",
        why: "The last measurement is read as the current value; out of order, the status and \
              trajectory of the goal are computed from the wrong one.",
        bad: "measurements:\n  - {date: 2022-06-30, value: 8}\n  - {date: 2022-03-31, value: 5}\n",
        good: "measurements:\n  - {date: 2022-03-31, value: 5}\n  - {date: 2022-06-30, value: 8}\n",
    },
    check: Some(measurements_out_of_order),
    pruning: Pruning::Independent,
};

pub static MEASUREMENT_AFTER_AS_OF: Rule = Rule {
    info: RuleInfo {
        code: "RP205",
        name: "measurement-in-the-future",
        severity: Error,
        summary: "A measurement dated after today (or after `--as-of`).",
        why: "A measurement records what was observed; one in the future is a typo in the year \
              or a target written in the wrong place.",
        bad: "measurements:\n  - {date: 2032-03-31, value: 5}\n",
        good: "measurements:\n  - {date: 2022-03-31, value: 5}\n",
    },
    check: Some(measurements_after_as_of),
    pruning: Pruning::Independent,
};

pub static END_BEFORE_START: Rule = Rule {
    info: RuleInfo {
        code: "RP206",
        name: "end-before-start",
        severity: Error,
        summary: "A period, contract or programme that ends before it starts.",
        why: "The plan period bounds every deadline, a contract's period decides which funding \
              applies; reversed dates make both meaningless.",
        bad: "period:\n  start: 2023-01-01\n  end: 2022-12-31\n",
        good: "period:\n  start: 2022-01-01\n  end: 2023-12-31\n",
    },
    check: Some(ends_before_starts),
    pruning: Pruning::Independent,
};

pub static OUTSIDE_PLAN_PERIOD: Rule = Rule {
    info: RuleInfo {
        code: "RP207",
        name: "outside-plan-period",
        severity: Warning,
        summary: "A contract that lies wholly outside the plan period, or a funding line for a \
                  year the plan does not cover.",
        why: "Funding per member and per listed patient, and the contracts behind the modules, are \
              read for the plan's years; a contract or a funding line of another period (often a \
              mistyped year) is counted where it does not belong.",
        bad: "period: {start: 2022-01-01, end: 2023-12-31}\nfunding:\n  - {payer: zk, recipient: rd, year: 2032, line: o_and_i, amount_eur: 620000}\n",
        good: "period: {start: 2022-01-01, end: 2023-12-31}\nfunding:\n  - {payer: zk, recipient: rd, year: 2023, line: o_and_i, amount_eur: 620000}\n",
    },
    check: Some(outside_plan_period),
    pruning: Pruning::Independent,
};

fn day(date: &S<Date>) -> Option<NaiveDate> {
    date.value.day()
}

/// RP201: dates that are not days of the calendar.
fn impossible_dates(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (date, role) in all_dates(cx.plan) {
        if let Date::Impossible(text) = &date.value {
            out.push(
                Diagnostic::new(
                    &IMPOSSIBLE_DATE,
                    date.span,
                    format!("`{text}` as {role} is not a day of the calendar"),
                )
                .label("no such day")
                .help("check the day and the month (YYYY-MM-DD)"),
            );
        }
    }
}

/// RP206: the plan period, contracts and programmes that end before they start.
fn ends_before_starts(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    let ranges = [(
        &plan.period.start,
        Some(&plan.period.end),
        "the plan period".to_string(),
    )]
    .into_iter()
    .chain(plan.contracts.iter().map(|c| {
        (
            &c.start,
            Some(&c.end),
            format!("contract `{}`", c.id.value.0),
        )
    }))
    .chain(plan.programmes.iter().map(|p| {
        (
            &p.start,
            p.end.as_ref(),
            format!("programme `{}`", p.id.value.0),
        )
    }));
    for (start, end, what) in ranges {
        if let (Some(s), Some(end)) = (day(start), end)
            && let Some(e) = day(end)
            && e < s
        {
            out.push(
                Diagnostic::new(
                    &END_BEFORE_START,
                    end.span,
                    format!("{what} ends on {e}, before it starts on {s}"),
                )
                .label("end before start")
                .secondary(start.span, "starts here")
                .help("swap the dates or correct the year"),
            );
        }
    }
}

/// The first and last day of the plan period, when both exist and are in order.
fn plan_period(plan: &Plan) -> Option<(NaiveDate, NaiveDate)> {
    let (start, end) = (day(&plan.period.start)?, day(&plan.period.end)?);
    (start <= end).then_some((start, end))
}

/// RP207: contracts that lie wholly outside the plan period, and funding lines for a year the
/// plan does not cover.
fn outside_plan_period(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    let Some((start, end)) = plan_period(plan) else {
        return;
    };
    let runs = format!("the plan runs from {start} to {end}");
    for contract in &plan.contracts {
        let (Some(from), Some(to)) = (day(&contract.start), day(&contract.end)) else {
            continue;
        };
        if from <= to && (to < start || from > end) {
            out.push(
                Diagnostic::new(
                    &OUTSIDE_PLAN_PERIOD,
                    contract.start.span,
                    format!(
                        "contract `{}` runs from {from} to {to}, wholly outside the plan period",
                        contract.id.value.0
                    ),
                )
                .label("outside the plan period")
                .secondary(plan.period.start.span, runs.clone())
                .help("correct the contract's dates or the plan period, or move the contract to the plan it belongs to"),
            );
        }
    }
    let years = i64::from(start.year())..=i64::from(end.year());
    for line in &plan.funding {
        if i64::try_from(line.year.value).is_ok_and(|y| !years.contains(&y)) {
            out.push(
                Diagnostic::new(
                    &OUTSIDE_PLAN_PERIOD,
                    line.year.span,
                    format!(
                        "a funding line from `{}` to `{}` is for {}, outside the plan period",
                        line.payer.value.0, line.recipient.value.0, line.year.value
                    ),
                )
                .label("outside the plan period")
                .secondary(plan.period.start.span, runs.clone())
                .help("correct the year or the plan period; funding of other years belongs in the plan for those years"),
            );
        }
    }
}

/// RP202: deadlines before the plan period starts or after it ends.
fn deadlines_outside_period(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    let Some((start, end)) = plan_period(plan) else {
        return;
    };
    each_goal(plan, &mut |goal, _| {
        let Some(deadline) = &goal.deadline else {
            return;
        };
        let Some(d) = day(deadline) else { return };
        if d < start || d > end {
            let side = if d < start {
                "before the plan starts"
            } else {
                "after the plan ends"
            };
            out.push(
                Diagnostic::new(
                    &DEADLINE_OUTSIDE_PERIOD,
                    deadline.span,
                    format!("deadline {d} of goal `{}` is {side}", goal.id.value.0),
                )
                .label("outside the plan period")
                .secondary(
                    plan.period.start.span,
                    format!("the plan runs from {start} to {end}"),
                )
                .help("move the deadline into the period, or extend the period"),
            );
        }
    });
}

/// RP203: subgoals due after the goal they are part of.
fn subgoals_after_parent(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    each_goal(cx.plan, &mut |goal, parent| {
        if let Some(deadline) = &goal.deadline
            && let Some(d) = day(deadline)
            && let Some(parent) = parent
            && let Some(parent_deadline) = &parent.deadline
            && let Some(p) = day(parent_deadline)
            && d > p
        {
            out.push(
                Diagnostic::new(
                    &SUBGOAL_AFTER_PARENT,
                    deadline.span,
                    format!(
                        "subgoal `{}` is due {d}, after its goal `{}` ({p})",
                        goal.id.value.0, parent.id.value.0
                    ),
                )
                .label("later than the parent's deadline")
                .secondary(parent_deadline.span, "the parent's deadline")
                .help("bring the subgoal forward or move the goal's deadline"),
            );
        }
    });
}

/// RP205: measurements dated after the as-of date.
fn measurements_after_as_of(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    each_goal(cx.plan, &mut |goal, _| {
        for m in &goal.measurements {
            if let Some(d) = day(&m.date)
                && d > cx.as_of
            {
                out.push(
                    Diagnostic::new(&MEASUREMENT_AFTER_AS_OF, m.date.span, format!("measurement of goal `{}` is dated {d}, after the as-of date {}", goal.id.value.0, cx.as_of))
                        .label("in the future")
                        .help("a measurement records what was observed; check the year (the as-of date is today unless `--as-of` or `as-of` in regioplan.toml sets it)"),
                );
            }
        }
    });
}

/// RP204: measurements not in date order, or two on one day.
fn measurements_out_of_order(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    each_goal(cx.plan, &mut |goal, _| {
        let mut previous: Option<(NaiveDate, &S<Date>)> = None;
        for m in &goal.measurements {
            let Some(d) = day(&m.date) else { continue };
            if let Some((p, p_date)) = previous
                && d <= p
            {
                let relation = if d == p {
                    "on the same day as"
                } else {
                    "before"
                };
                out.push(
                    Diagnostic::new(&MEASUREMENTS_OUT_OF_ORDER, m.date.span, format!("measurement of goal `{}` dated {d} comes {relation} the one above it ({p})", goal.id.value.0))
                        .label("out of order")
                        .secondary(p_date.span, "previous measurement")
                        .help("list measurements oldest first, one per date"),
                );
            }
            previous = Some((d, &m.date));
        }
    });
}

/// Every date in a plan with what it is.
fn all_dates(plan: &Plan) -> Vec<(&S<Date>, String)> {
    let mut dates: Vec<(&S<Date>, String)> = vec![
        (&plan.region.started, "the region's start".into()),
        (&plan.period.start, "the start of the plan".into()),
        (&plan.period.end, "the end of the plan".into()),
    ];
    let kf = &plan.region.key_figures;
    dates.extend(
        kf.as_of
            .iter()
            .map(|d| (d, "the date of the key figures".into())),
    );
    dates.extend(
        plan.region
            .history
            .iter()
            .map(|h| (&h.date, "a history date".into())),
    );
    if let Some(h) = &plan.period.horizon {
        dates.push((&h.date, "the horizon date".into()));
    }
    for p in &plan.people {
        dates.extend(
            p.since
                .iter()
                .map(|d| (d, format!("start date of person `{}`", p.id.value.0))),
        );
    }
    for t in &plan.themes {
        walk_goals(&t.goals, None, &mut |g, _| {
            let id = &g.id.value.0;
            dates.extend(
                g.deadline
                    .iter()
                    .map(|d| (d, format!("deadline of goal `{id}`"))),
            );
            if let Some(i) = &g.indicator {
                dates.extend(
                    i.baseline_date
                        .iter()
                        .map(|d| (d, format!("baseline date of goal `{id}`"))),
                );
            }
            dates.extend(
                g.measurements
                    .iter()
                    .map(|m| (&m.date, format!("measurement date of goal `{id}`"))),
            );
        });
    }
    for c in &plan.contracts {
        dates.push((&c.start, format!("start of contract `{}`", c.id.value.0)));
        dates.push((&c.end, format!("end of contract `{}`", c.id.value.0)));
    }
    for m in &plan.modules {
        dates.extend(
            m.uptake
                .iter()
                .map(|u| (&u.date, format!("uptake date of module `{}`", m.id.value.0))),
        );
    }
    for n in &plan.neighbourhoods {
        dates.extend(
            n.managed_since
                .iter()
                .map(|d| (d, format!("wijkmanager start in `{}`", n.id.value.0))),
        );
        if let Some(c) = &n.collaboration {
            dates.extend(
                c.since
                    .iter()
                    .map(|d| (d, format!("collaboration start in `{}`", n.id.value.0))),
            );
        }
    }
    for p in &plan.programmes {
        dates.push((&p.start, format!("start of programme `{}`", p.id.value.0)));
        dates.extend(
            p.end
                .iter()
                .map(|d| (d, format!("end of programme `{}`", p.id.value.0))),
        );
        dates.extend(p.figures.iter().map(|f| {
            (
                &f.date,
                format!("figure date of programme `{}`", p.id.value.0),
            )
        }));
    }
    dates.extend(
        plan.sources
            .iter()
            .filter_map(|s| s.date.as_ref())
            .map(|d| (d, "a source's date".into())),
    );
    dates
}
