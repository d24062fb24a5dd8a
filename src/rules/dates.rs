//! Dates (`RP2xx`): dates that exist, deadlines and milestones inside the plan, measurements
//! in order, nothing that ends before it starts.

use std::cmp::Ordering;

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
        summary: crate::lang::Label {
            en: "A date that does not exist, such as 30 February.",
            nl: "Een datum die niet bestaat, zoals 30 februari.",
        },
        why: crate::lang::Label {
            en: "A deadline on a day that does not exist cannot be planned, compared or reported.",
            nl: "Een deadline op een dag die niet bestaat, is niet te plannen, te vergelijken of \
                 te rapporteren.",
        },
        bad: "deadline: 2022-02-30\n",
        good: "deadline: 2022-02-28\n",
        fix: super::FIX_NONE,
    },
    check: Some(impossible_dates),
    pruning: Pruning::Independent,
};

pub static DEADLINE_OUTSIDE_PERIOD: Rule = Rule {
    info: RuleInfo {
        code: "RP202",
        name: "deadline-outside-period",
        severity: Warning,
        summary: crate::lang::Label {
            en: "A goal's deadline before the plan period starts or after it ends.",
            nl: "De deadline van een doel ligt voor het begin of na het einde van de planperiode.",
        },
        why: crate::lang::Label {
            en: "Goals are the plan's promises for its period; a deadline outside it belongs in \
                 another plan, or the period is wrong.",
            nl: "Doelen zijn de beloften van het plan voor zijn planperiode; een deadline \
                 daarbuiten hoort in een ander plan, of de planperiode klopt niet.",
        },
        bad: "period: {start: 2022-01-01, end: 2023-12-31}\n...\n    deadline: 2025-06-30\n",
        good: "period: {start: 2022-01-01, end: 2023-12-31}\n...\n    deadline: 2023-06-30\n",
        fix: super::FIX_NONE,
    },
    check: Some(deadlines_outside_period),
    pruning: Pruning::Independent,
};

pub static SUBGOAL_AFTER_PARENT: Rule = Rule {
    info: RuleInfo {
        code: "RP203",
        name: "subgoal-after-parent",
        severity: Error,
        summary: crate::lang::Label {
            en: "A subgoal due after the goal it is part of.",
            nl: "Een subdoel met een deadline na die van het doel waar het bij hoort.",
        },
        why: crate::lang::Label {
            en: "A goal cannot be reached before its parts; the work agenda would be impossible.",
            nl: "Een doel kan niet worden bereikt vóór zijn onderdelen; de werkagenda zou \
                 onuitvoerbaar zijn.",
        },
        bad: "- id: ggz-1\n  deadline: 2022-06-30\n  goals:\n    - id: ggz-1a\n      deadline: 2022-09-30\n",
        good: "- id: ggz-1\n  deadline: 2022-12-31\n  goals:\n    - id: ggz-1a\n      deadline: 2022-09-30\n",
        fix: super::FIX_NONE,
    },
    check: Some(subgoals_after_parent),
    pruning: Pruning::Independent,
};

pub static MEASUREMENTS_OUT_OF_ORDER: Rule = Rule {
    info: RuleInfo {
        code: "RP204",
        name: "measurements-out-of-order",
        severity: Warning,
        summary: crate::lang::Label {
            en: "Measurements of a goal that are not in date order (or share a date).",
            nl: "Metingen van een doel die niet op volgorde van datum staan (of dezelfde datum \
                 hebben).",
        },
        why: crate::lang::Label {
            en: "The last measurement is read as the current value; out of order, the status and \
                 trajectory of the goal are computed from the wrong one.",
            nl: "De laatste meting geldt als de huidige waarde; in de verkeerde volgorde worden \
                 de status en het verloop van het doel uit de verkeerde meting berekend.",
        },
        bad: "measurements:\n  - {date: 2022-06-30, value: 8}\n  - {date: 2022-03-31, value: 5}\n",
        good: "measurements:\n  - {date: 2022-03-31, value: 5}\n  - {date: 2022-06-30, value: 8}\n",
        fix: super::FIX_NONE,
    },
    check: Some(measurements_out_of_order),
    pruning: Pruning::Independent,
};

pub static MEASUREMENT_AFTER_AS_OF: Rule = Rule {
    info: RuleInfo {
        code: "RP205",
        name: "measurement-in-the-future",
        severity: Error,
        summary: crate::lang::Label {
            en: "A measurement dated after today (or after `--as-of`).",
            nl: "Een meting met een datum na vandaag (of na `--as-of`).",
        },
        why: crate::lang::Label {
            en: "A measurement records what was observed; one in the future is a typo in the year \
                 or a target written in the wrong place.",
            nl: "Een meting legt vast wat er is waargenomen; een meting in de toekomst is een \
                 typefout in het jaar of een streefwaarde op de verkeerde plek.",
        },
        bad: "measurements:\n  - {date: 2032-03-31, value: 5}\n",
        good: "measurements:\n  - {date: 2022-03-31, value: 5}\n",
        fix: super::FIX_NONE,
    },
    check: Some(measurements_after_as_of),
    pruning: Pruning::Independent,
};

pub static END_BEFORE_START: Rule = Rule {
    info: RuleInfo {
        code: "RP206",
        name: "end-before-start",
        severity: Error,
        summary: crate::lang::Label {
            en: "A period, contract, programme, membership, role or seat that ends before it \
                 starts.",
            nl: "Een planperiode, contract, programma, lidmaatschap, rol of zetel die eindigt \
                 voordat die begint.",
        },
        why: crate::lang::Label {
            en: "The plan period bounds every deadline, a contract's period decides which funding \
                 applies, and an organisation's `joined` and `left` or a person's `since` and \
                 `until` say who took part when; reversed dates make them meaningless.",
            nl: "De planperiode begrenst elke deadline, de periode van een contract bepaalt welke \
                 financiering geldt, en `joined` en `left` van een organisatie of `since` en \
                 `until` van een persoon zeggen wie wanneer meedeed; omgekeerde datums maken ze \
                 betekenisloos.",
        },
        bad: "period:\n  start: 2023-01-01\n  end: 2022-12-31\n",
        good: "period:\n  start: 2022-01-01\n  end: 2023-12-31\n",
        fix: super::FIX_NONE,
    },
    check: Some(ends_before_starts),
    pruning: Pruning::Independent,
};

pub static OUTSIDE_PLAN_PERIOD: Rule = Rule {
    info: RuleInfo {
        code: "RP207",
        name: "outside-plan-period",
        severity: Warning,
        summary: crate::lang::Label {
            en: "A contract that lies wholly outside the plan period, or a funding line for a \
                 year the plan does not cover.",
            nl: "Een contract dat helemaal buiten de planperiode valt, of een regel financiering \
                 voor een jaar dat het plan niet beslaat.",
        },
        why: crate::lang::Label {
            en: "Funding per member and per listed patient, and the contracts behind the modules, \
                 are read for the plan's years; a contract or a funding line of another period \
                 (often a mistyped year) is counted where it does not belong.",
            nl: "Financiering per lid en per ingeschreven patiënt, en de contracten achter de \
                 modules, worden gelezen voor de jaren van het plan; een contract of \
                 financieringsregel uit een andere periode (vaak een verkeerd getypt jaar) telt \
                 mee waar die niet hoort.",
        },
        bad: "period: {start: 2022-01-01, end: 2023-12-31}\nfunding:\n  - {payer: zk, recipient: rd, year: 2032, line: o_and_i, amount_eur: 620000}\n",
        good: "period: {start: 2022-01-01, end: 2023-12-31}\nfunding:\n  - {payer: zk, recipient: rd, year: 2023, line: o_and_i, amount_eur: 620000}\n",
        fix: super::FIX_NONE,
    },
    check: Some(outside_plan_period),
    pruning: Pruning::Independent,
};

pub static MILESTONE_OUTSIDE_GOAL: Rule = Rule {
    info: RuleInfo {
        code: "RP208",
        name: "milestone-outside-goal",
        severity: Warning,
        summary: crate::lang::Label {
            en: "A goal's milestone after the goal's deadline, or before the plan period starts \
                 or after it ends.",
            nl: "Een mijlpaal van een doel na de deadline van het doel, of voor het begin of na \
                 het einde van de planperiode.",
        },
        why: crate::lang::Label {
            en: "Milestones are the steps of a goal's trajectory within the plan; one after the \
                 deadline cannot lead to it, and one outside the plan period is not monitored by \
                 this plan. Usually the year is mistyped.",
            nl: "Mijlpalen zijn de stappen van het traject van een doel binnen het plan; een \
                 mijlpaal na de deadline kan er niet naartoe leiden, en een mijlpaal buiten de \
                 planperiode volgt dit plan niet. Meestal is het jaar verkeerd getypt.",
        },
        bad: "period: {start: 2022-01-01, end: 2023-12-31}\n...\n    deadline: 2023-12-31\n    milestones:\n      - {date: 2024-06, target: 8}\n",
        good: "period: {start: 2022-01-01, end: 2023-12-31}\n...\n    deadline: 2023-12-31\n    milestones:\n      - {date: 2023-06, target: 8}\n",
        fix: super::FIX_NONE,
    },
    check: Some(milestones_outside_goal),
    pruning: Pruning::Independent,
};

/// RP201: dates that are not days of the calendar.
fn impossible_dates(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for (date, role) in all_dates(cx.plan) {
        if let Date::Impossible(text) = &date.value {
            // `2022-13` names a month that does not exist, `2022-02-30` a day.
            let unit = if text.matches('-').count() == 1 {
                "month"
            } else {
                "day"
            };
            out.push(
                Diagnostic::new(
                    &IMPOSSIBLE_DATE,
                    date.span,
                    format!("`{text}` as {role} is not a {unit} of the calendar"),
                )
                .label(format!("no such {unit}"))
                .help("check the day and the month (YYYY-MM-DD, or YYYY-MM for a month)"),
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
    }))
    .map(|(start, end, what)| (Some(start), end, what))
    .chain(terms(plan));
    for (start, end, what) in ranges {
        let Some(start) = start else { continue };
        // A year or month ends before another only when its last day is before the other's
        // first: `start: 2022-06, end: 2022` is not reversed.
        if let Some(end) = end
            && end.value.certain_cmp(&start.value) == Some(Ordering::Less)
        {
            let (s, e) = (&start.value, &end.value);
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

/// A start and an end, either of which may be left out, and what they are of.
type Term<'a> = (Option<&'a S<Date>>, Option<&'a S<Date>>, String);

/// The 1.1 terms that can end before they start: an organisation's membership (`joined`,
/// `left`), a person's roles and the seats in governance bodies (`since`, `until`).
fn terms(plan: &Plan) -> Vec<Term<'_>> {
    let memberships = plan.organisations.iter().map(|o| {
        (
            o.joined.as_ref(),
            o.left.as_ref(),
            format!("the membership of organisation `{}`", o.id.value.0),
        )
    });
    let roles = plan.people.iter().flat_map(|p| {
        p.roles.iter().map(move |r| {
            (
                r.since.as_ref(),
                r.until.as_ref(),
                format!("role `{}` of person `{}`", r.role.value, p.id.value.0),
            )
        })
    });
    let seats = plan.governance.iter().flat_map(|b| {
        b.members.iter().map(move |m| {
            let holder = (m
                .person
                .iter()
                .chain(&m.organisation)
                .chain(&m.neighbourhood))
            .next()
            .map_or_else(String::new, |id| format!(" of `{}`", id.value.0));
            (
                m.since.as_ref(),
                m.until.as_ref(),
                format!("the seat{holder} in `{}`", b.id.value.0),
            )
        })
    });
    memberships.chain(roles).chain(seats).collect()
}

/// The first and last day of the plan period, when both exist and are in order.
fn plan_period(plan: &Plan) -> Option<(NaiveDate, NaiveDate)> {
    let first = plan.period.start.value.earliest()?;
    let last = plan.period.end.value.latest()?;
    (first <= last).then_some((first, last))
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
        let (Some(from), Some(to)) = (contract.start.value.earliest(), contract.end.value.latest())
        else {
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
    let Some((first, last)) = plan_period(plan) else {
        return;
    };
    let (start, end) = (&plan.period.start.value, &plan.period.end.value);
    each_goal(plan, &mut |goal, _| {
        let Some(deadline) = &goal.deadline else {
            return;
        };
        let d = &deadline.value;
        // Only when every day the deadline can mean lies outside: `2022` is inside a period
        // that ends on 2022-12-31, and also inside one that ends on 2022-06-30.
        let before = d.is_before_day(first);
        if before || d.is_after_day(last) {
            let side = if before {
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

/// RP208: milestones after their goal's deadline, or outside the plan period.
fn milestones_outside_goal(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    let period = plan_period(plan);
    let (start, end) = (&plan.period.start.value, &plan.period.end.value);
    each_goal(plan, &mut |goal, _| {
        let id = &goal.id.value.0;
        for milestone in &goal.milestones {
            let m = &milestone.date.value;
            // Only when every day the milestone and the deadline can mean are apart: a
            // milestone in `2023` is not after a deadline of 2023-06-30.
            let after_deadline = goal
                .deadline
                .as_ref()
                .filter(|deadline| m.certain_cmp(&deadline.value) == Some(Ordering::Greater));
            let diagnostic = if let Some(deadline) = after_deadline {
                Diagnostic::new(
                    &MILESTONE_OUTSIDE_GOAL,
                    milestone.date.span,
                    format!(
                        "milestone {m} of goal `{id}` is after the goal's deadline {}",
                        deadline.value
                    ),
                )
                .label("after the deadline")
                .secondary(deadline.span, "the goal's deadline")
                .help("correct the milestone's year, or move the goal's deadline")
            } else if let Some((first, last)) = period
                && (m.is_before_day(first) || m.is_after_day(last))
            {
                let side = if m.is_before_day(first) {
                    "before the plan starts"
                } else {
                    "after the plan ends"
                };
                Diagnostic::new(
                    &MILESTONE_OUTSIDE_GOAL,
                    milestone.date.span,
                    format!("milestone {m} of goal `{id}` is {side}"),
                )
                .label("outside the plan period")
                .secondary(
                    plan.period.start.span,
                    format!("the plan runs from {start} to {end}"),
                )
                .help("move the milestone into the period, or extend the period")
            } else {
                continue;
            };
            out.push(diagnostic);
        }
    });
}

/// RP203: subgoals due after the goal they are part of.
fn subgoals_after_parent(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    each_goal(cx.plan, &mut |goal, parent| {
        if let Some(deadline) = &goal.deadline
            && let Some(parent) = parent
            && let Some(parent_deadline) = &parent.deadline
            && deadline.value.certain_cmp(&parent_deadline.value) == Some(Ordering::Greater)
        {
            let (d, p) = (&deadline.value, &parent_deadline.value);
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
            if m.date.value.is_after_day(cx.as_of) {
                let d = &m.date.value;
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
        let mut previous: Option<&S<Date>> = None;
        for m in &goal.measurements {
            let d = &m.date.value;
            if matches!(d, Date::Impossible(_)) {
                continue;
            }
            // Out of order only when certainly earlier; the same date written twice is a tie.
            // `2022` after `2022-03-31` overlaps it and is not reported.
            let relation = previous.and_then(|p_date| {
                if *d == p_date.value {
                    Some(if d.day().is_some() {
                        "on the same day as"
                    } else {
                        "on the same date as"
                    })
                } else if d.certain_cmp(&p_date.value) == Some(Ordering::Less) {
                    Some("before")
                } else {
                    None
                }
            });
            if let (Some(relation), Some(p_date)) = (relation, previous) {
                let p = &p_date.value;
                out.push(
                    Diagnostic::new(&MEASUREMENTS_OUT_OF_ORDER, m.date.span, format!("measurement of goal `{}` dated {d} comes {relation} the one above it ({p})", goal.id.value.0))
                        .label("out of order")
                        .secondary(p_date.span, "previous measurement")
                        .help("list measurements oldest first, one per date"),
                );
            }
            previous = Some(&m.date);
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
    dates.extend(
        plan.region
            .mandates
            .iter()
            .filter_map(|m| m.date.as_ref())
            .map(|d| (d, "the date of a mandate".into())),
    );
    if let Some(info) = &plan.plan {
        dates.extend(
            info.adopted
                .iter()
                .map(|d| (d, "the plan's adoption date".into())),
        );
        dates.extend(
            info.documents
                .iter()
                .filter_map(|d| d.date.as_ref())
                .map(|d| (d, "the date of a plan document".into())),
        );
    }
    for o in &plan.organisations {
        let id = &o.id.value.0;
        dates.extend(
            o.joined
                .iter()
                .map(|d| (d, format!("joining date of organisation `{id}`"))),
        );
        dates.extend(
            o.left
                .iter()
                .map(|d| (d, format!("leaving date of organisation `{id}`"))),
        );
    }
    for p in &plan.people {
        dates.extend(
            p.since
                .iter()
                .map(|d| (d, format!("start date of person `{}`", p.id.value.0))),
        );
        for r in &p.roles {
            dates.extend(
                r.since
                    .iter()
                    .chain(&r.until)
                    .map(|d| (d, format!("a role date of person `{}`", p.id.value.0))),
            );
        }
    }
    for b in &plan.governance {
        for m in &b.members {
            dates.extend(
                m.since
                    .iter()
                    .chain(&m.until)
                    .map(|d| (d, format!("a seat date in `{}`", b.id.value.0))),
            );
        }
    }
    for p in &plan.partnerships {
        dates.extend(
            p.since
                .iter()
                .map(|d| (d, format!("start of partnership `{}`", p.id.value.0))),
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
            dates.extend(
                g.milestones
                    .iter()
                    .map(|m| (&m.date, format!("milestone date of goal `{id}`"))),
            );
        });
    }
    for c in &plan.contracts {
        dates.push((&c.start, format!("start of contract `{}`", c.id.value.0)));
        dates.push((&c.end, format!("end of contract `{}`", c.id.value.0)));
        dates.extend(c.result_agreements.iter().filter_map(|r| {
            r.deadline.as_ref().map(|d| {
                (
                    d,
                    format!("deadline of a result agreement of `{}`", c.id.value.0),
                )
            })
        }));
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
