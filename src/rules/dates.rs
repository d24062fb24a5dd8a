//! Dates (`RP2xx`): dates that exist, deadlines and milestones inside the plan, measurements
//! in order, nothing that ends before it starts.

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};

use super::{Context, Pruning, Rule, RuleInfo};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Severity::{Error, Warning};
use crate::lang::{Arg, Label, Message, Plain};
use crate::msg;
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
    for (date, role) in impossible_dates_in(cx.plan) {
        if let Date::Impossible(text) = &date.value {
            // `2022-13` names a month that does not exist, `2022-02-30` a day.
            let unit = if text.matches('-').count() == 1 {
                Label {
                    en: "month",
                    nl: "maand",
                }
            } else {
                Label {
                    en: "day",
                    nl: "dag",
                }
            };
            out.push(
                Diagnostic::new(
                    &IMPOSSIBLE_DATE,
                    date.span,
                    msg!(
                        "`{text}` as {role} is not a {unit} of the calendar",
                        "`{text}` als {role} is geen bestaande {unit}",
                        text = Plain(text),
                        role = role,
                        unit = unit,
                    ),
                )
                .label(msg!(
                    "no such {unit}",
                    "deze {unit} bestaat niet",
                    unit = unit
                ))
                .help(msg!(
                    "check the day and the month: write year-month-day (`2022-02-28`), or \
                     year-month for a whole month (`2022-02`)",
                    "controleer de dag en de maand: schrijf jaar-maand-dag (`2022-02-28`), of \
                     jaar-maand voor een hele maand (`2022-02`)"
                )),
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
        msg!("the plan period", "de planperiode"),
    )]
    .into_iter()
    .chain(plan.contracts.iter().map(|c| {
        (
            &c.start,
            Some(&c.end),
            msg!(
                "contract `{id}`",
                "contract `{id}`",
                id = Plain(&c.id.value.0)
            ),
        )
    }))
    .chain(plan.programmes.iter().map(|p| {
        (
            &p.start,
            p.end.as_ref(),
            msg!(
                "programme `{id}`",
                "programma `{id}`",
                id = Plain(&p.id.value.0)
            ),
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
            out.push(
                Diagnostic::new(
                    &END_BEFORE_START,
                    end.span,
                    msg!(
                        "{what} ends on {end}, before it starts on {start}",
                        "{what} eindigt op {end}, vóór de begindatum {start}",
                        what = what,
                        end = Plain(&end.value),
                        start = Plain(&start.value),
                    ),
                )
                .label(msg!("end before start", "einde vóór begin"))
                .secondary(start.span, msg!("starts here", "begint hier"))
                .help(msg!(
                    "swap the dates, or correct the year",
                    "verwissel de datums, of corrigeer het jaar"
                )),
            );
        }
    }
}

/// A start and an end, either of which may be left out, and what they are of.
type Term<'a> = (Option<&'a S<Date>>, Option<&'a S<Date>>, Message);

/// The 1.1 terms that can end before they start: an organisation's membership (`joined`,
/// `left`), a person's roles and the seats in governance bodies (`since`, `until`).
fn terms(plan: &Plan) -> Vec<Term<'_>> {
    let memberships = plan.organisations.iter().map(|o| {
        (
            o.joined.as_ref(),
            o.left.as_ref(),
            msg!(
                "the membership of organisation `{id}`",
                "het lidmaatschap van organisatie `{id}`",
                id = Plain(&o.id.value.0)
            ),
        )
    });
    let roles = plan.people.iter().flat_map(|p| {
        p.roles.iter().map(move |r| {
            (
                r.since.as_ref(),
                r.until.as_ref(),
                msg!(
                    "role `{role}` of person `{id}`",
                    "rol `{role}` van persoon `{id}`",
                    role = Plain(&r.role.value),
                    id = Plain(&p.id.value.0),
                ),
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
            .map_or_else(Message::default, |id| {
                msg!(" of `{id}`", " van `{id}`", id = Plain(&id.value.0))
            });
            (
                m.since.as_ref(),
                m.until.as_ref(),
                msg!(
                    "the seat{holder} in `{body}`",
                    "de zetel{holder} in `{body}`",
                    holder = holder,
                    body = Plain(&b.id.value.0),
                ),
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

/// "the plan runs from .. to ..", for the secondary label on the plan period.
fn plan_runs(start: impl Arg, end: impl Arg) -> Message {
    msg!(
        "the plan runs from {start} to {end}",
        "het plan loopt van {start} tot en met {end}",
        start = start,
        end = end,
    )
}

const OUTSIDE_PERIOD: Label = Label {
    en: "outside the plan period",
    nl: "buiten de planperiode",
};

const BEFORE_START: Label = Label {
    en: "before the plan starts",
    nl: "vóór de start van het plan",
};

const AFTER_END: Label = Label {
    en: "after the plan ends",
    nl: "na het einde van het plan",
};

/// RP207: contracts that lie wholly outside the plan period, and funding lines for a year the
/// plan does not cover.
fn outside_plan_period(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    let Some((start, end)) = plan_period(plan) else {
        return;
    };
    let runs = plan_runs(start, end);
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
                    msg!(
                        "contract `{id}` runs from {from} to {to}, wholly outside the plan period",
                        "contract `{id}` loopt van {from} tot en met {to}, helemaal buiten de \
                         planperiode",
                        id = Plain(&contract.id.value.0),
                        from = from,
                        to = to,
                    ),
                )
                .label(OUTSIDE_PERIOD)
                .secondary(plan.period.start.span, runs.clone())
                .help(msg!(
                    "correct the contract's dates or the plan period, or move the contract to \
                     the plan it belongs to",
                    "corrigeer de datums van het contract of de planperiode, of zet het contract \
                     in het plan waar het bij hoort"
                )),
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
                    msg!(
                        "a funding line from `{payer}` to `{recipient}` is for {year}, outside \
                         the plan period",
                        "een financieringsregel van `{payer}` aan `{recipient}` is voor {year}, \
                         buiten de planperiode",
                        payer = Plain(&line.payer.value.0),
                        recipient = Plain(&line.recipient.value.0),
                        // A year as written, of any size: never grouped.
                        year = Plain(line.year.value),
                    ),
                )
                .label(OUTSIDE_PERIOD)
                .secondary(plan.period.start.span, runs.clone())
                .help(msg!(
                    "correct the year or the plan period; funding of other years belongs in the \
                     plan for those years",
                    "corrigeer het jaar of de planperiode; financiering van andere jaren hoort \
                     in het plan voor die jaren"
                )),
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
            let side = if before { BEFORE_START } else { AFTER_END };
            out.push(
                Diagnostic::new(
                    &DEADLINE_OUTSIDE_PERIOD,
                    deadline.span,
                    msg!(
                        "deadline {d} of goal `{id}` is {side}",
                        "deadline {d} van doel `{id}` ligt {side}",
                        d = Plain(d),
                        id = Plain(&goal.id.value.0),
                        side = side,
                    ),
                )
                .label(OUTSIDE_PERIOD)
                .secondary(plan.period.start.span, plan_runs(Plain(start), Plain(end)))
                .help(msg!(
                    "move the deadline into the plan period, or extend the period under \
                     `period:`",
                    "zet de deadline binnen de planperiode, of verleng de planperiode onder \
                     `period:`"
                )),
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
        let id = Plain(&goal.id.value.0);
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
                    msg!(
                        "milestone {m} of goal `{id}` is after the goal's deadline {deadline}",
                        "mijlpaal {m} van doel `{id}` ligt na de deadline van het doel \
                         ({deadline})",
                        m = Plain(m),
                        id = id,
                        deadline = Plain(&deadline.value),
                    ),
                )
                .label(msg!("after the deadline", "na de deadline"))
                .secondary(
                    deadline.span,
                    msg!("the goal's deadline", "de deadline van het doel"),
                )
                .help(msg!(
                    "correct the milestone's year, or move the goal's deadline",
                    "corrigeer het jaar van de mijlpaal, of verschuif de deadline van het doel"
                ))
            } else if let Some((first, last)) = period
                && (m.is_before_day(first) || m.is_after_day(last))
            {
                let side = if m.is_before_day(first) {
                    BEFORE_START
                } else {
                    AFTER_END
                };
                Diagnostic::new(
                    &MILESTONE_OUTSIDE_GOAL,
                    milestone.date.span,
                    msg!(
                        "milestone {m} of goal `{id}` is {side}",
                        "mijlpaal {m} van doel `{id}` ligt {side}",
                        m = Plain(m),
                        id = id,
                        side = side,
                    ),
                )
                .label(OUTSIDE_PERIOD)
                .secondary(plan.period.start.span, plan_runs(Plain(start), Plain(end)))
                .help(msg!(
                    "move the milestone into the plan period, or extend the period under \
                     `period:`",
                    "zet de mijlpaal binnen de planperiode, of verleng de planperiode onder \
                     `period:`"
                ))
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
            let parent_id = Plain(&parent.id.value.0);
            out.push(
                Diagnostic::new(
                    &SUBGOAL_AFTER_PARENT,
                    deadline.span,
                    msg!(
                        "subgoal `{id}` is due {d}, after its goal `{parent}` ({p})",
                        "subdoel `{id}` heeft deadline {d}, later dan zijn doel `{parent}` ({p})",
                        id = Plain(&goal.id.value.0),
                        d = Plain(&deadline.value),
                        parent = parent_id,
                        p = Plain(&parent_deadline.value),
                    ),
                )
                .label(msg!(
                    "later than the deadline of the goal it is part of",
                    "later dan de deadline van het doel waar het onder valt"
                ))
                .secondary(
                    parent_deadline.span,
                    msg!(
                        "the deadline of goal `{parent}`",
                        "de deadline van doel `{parent}`",
                        parent = parent_id,
                    ),
                )
                .help(msg!(
                    "bring the subgoal's deadline forward, or move the goal's deadline",
                    "vervroeg de deadline van het subdoel, of verschuif de deadline van het doel"
                )),
            );
        }
    });
}

/// RP205: measurements dated after the as-of date.
fn measurements_after_as_of(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    each_goal(cx.plan, &mut |goal, _| {
        for m in &goal.measurements {
            if m.date.value.is_after_day(cx.as_of) {
                out.push(
                    Diagnostic::new(
                        &MEASUREMENT_AFTER_AS_OF,
                        m.date.span,
                        msg!(
                            "a measurement of goal `{id}` is dated {d}, after the date of the \
                             check ({as_of})",
                            "een meting van doel `{id}` heeft datum {d}, na de peildatum \
                             ({as_of})",
                            id = Plain(&goal.id.value.0),
                            d = Plain(&m.date.value),
                            as_of = cx.as_of,
                        ),
                    )
                    .label(msg!("in the future", "in de toekomst"))
                    .help(msg!(
                        "a measurement records what was already observed, so check the year; a \
                         value still to be reached belongs in `target` or `milestones` (the date \
                         of the check is today unless `--as-of` or `as-of` in regioplan.toml \
                         sets another)",
                        "een meting legt vast wat al is waargenomen, dus controleer het jaar; een \
                         waarde die nog gehaald moet worden hoort bij `target` of `milestones` \
                         (de peildatum is vandaag, tenzij `--as-of` of `as-of` in regioplan.toml \
                         een andere datum geeft)"
                    )),
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
                        Label {
                            en: "on the same day as",
                            nl: "op dezelfde dag als",
                        }
                    } else {
                        Label {
                            en: "on the same date as",
                            nl: "op dezelfde datum als",
                        }
                    })
                } else if d.certain_cmp(&p_date.value) == Some(Ordering::Less) {
                    Some(Label {
                        en: "before",
                        nl: "vóór",
                    })
                } else {
                    None
                }
            });
            if let (Some(relation), Some(p_date)) = (relation, previous) {
                out.push(
                    Diagnostic::new(
                        &MEASUREMENTS_OUT_OF_ORDER,
                        m.date.span,
                        msg!(
                            "measurement of goal `{id}` dated {d} comes {relation} the one above \
                             it ({p})",
                            "de meting van doel `{id}` op {d} valt {relation} de meting erboven \
                             ({p})",
                            id = Plain(&goal.id.value.0),
                            d = Plain(d),
                            relation = relation,
                            p = Plain(&p_date.value),
                        ),
                    )
                    .label(msg!("out of order", "niet op volgorde"))
                    .secondary(p_date.span, msg!("previous measurement", "vorige meting"))
                    .help(msg!(
                        "list the measurements oldest first, one per date",
                        "zet de metingen op volgorde, de oudste eerst, één per datum"
                    )),
                );
            }
            previous = Some(&m.date);
        }
    });
}

/// Every date in a plan that is not a day of the calendar, with what it is. Each date is tested
/// before its description is made: a plan of thousands of goals has tens of thousands of dates,
/// and nearly all of them are sound.
fn impossible_dates_in(plan: &Plan) -> Vec<(&S<Date>, Message)> {
    let mut dates: Vec<(&S<Date>, Message)> = vec![
        (
            &plan.region.started,
            msg!("the region's start", "de startdatum van de regio"),
        ),
        (
            &plan.period.start,
            msg!("the start of the plan", "de start van het plan"),
        ),
        (
            &plan.period.end,
            msg!("the end of the plan", "het einde van het plan"),
        ),
    ];
    dates.retain(|(d, _)| impossible(d));
    let kf = &plan.region.key_figures;
    dates.extend(kf.as_of.iter().filter(|d| impossible(d)).map(|d| {
        (
            d,
            msg!("the date of the key figures", "de datum van de kengetallen"),
        )
    }));
    dates.extend(
        plan.region
            .history
            .iter()
            .filter(|h| impossible(&h.date))
            .map(|h| {
                (
                    &h.date,
                    msg!("a history date", "een datum in de geschiedenis"),
                )
            }),
    );
    if let Some(h) = &plan.period.horizon
        && impossible(&h.date)
    {
        dates.push((&h.date, msg!("the horizon date", "de horizondatum")));
    }
    dates.extend(
        plan.region
            .mandates
            .iter()
            .filter_map(|m| m.date.as_ref())
            .filter(|d| impossible(d))
            .map(|d| (d, msg!("the date of a mandate", "de datum van een mandaat"))),
    );
    if let Some(info) = &plan.plan {
        dates.extend(info.adopted.iter().filter(|d| impossible(d)).map(|d| {
            (
                d,
                msg!(
                    "the plan's adoption date",
                    "de datum waarop het plan is vastgesteld"
                ),
            )
        }));
        dates.extend(
            info.documents
                .iter()
                .filter_map(|d| d.date.as_ref())
                .filter(|d| impossible(d))
                .map(|d| {
                    (
                        d,
                        msg!(
                            "the date of a plan document",
                            "de datum van een plandocument"
                        ),
                    )
                }),
        );
    }
    for o in &plan.organisations {
        let id = Plain(&o.id.value.0);
        dates.extend(o.joined.iter().filter(|d| impossible(d)).map(|d| {
            (
                d,
                msg!(
                    "joining date of organisation `{id}`",
                    "de datum van toetreden van organisatie `{id}`",
                    id = id,
                ),
            )
        }));
        dates.extend(o.left.iter().filter(|d| impossible(d)).map(|d| {
            (
                d,
                msg!(
                    "leaving date of organisation `{id}`",
                    "de datum van vertrek van organisatie `{id}`",
                    id = id,
                ),
            )
        }));
    }
    for p in &plan.people {
        let id = Plain(&p.id.value.0);
        dates.extend(p.since.iter().filter(|d| impossible(d)).map(|d| {
            (
                d,
                msg!(
                    "start date of person `{id}`",
                    "de startdatum van persoon `{id}`",
                    id = id,
                ),
            )
        }));
        for r in &p.roles {
            dates.extend(
                r.since
                    .iter()
                    .chain(&r.until)
                    .filter(|d| impossible(d))
                    .map(|d| {
                        (
                            d,
                            msg!(
                                "a role date of person `{id}`",
                                "een datum van een rol van persoon `{id}`",
                                id = id,
                            ),
                        )
                    }),
            );
        }
    }
    for b in &plan.governance {
        let id = Plain(&b.id.value.0);
        for m in &b.members {
            dates.extend(
                m.since
                    .iter()
                    .chain(&m.until)
                    .filter(|d| impossible(d))
                    .map(|d| {
                        (
                            d,
                            msg!(
                                "a seat date in `{id}`",
                                "een datum van een zetel in `{id}`",
                                id = id,
                            ),
                        )
                    }),
            );
        }
    }
    for p in &plan.partnerships {
        dates.extend(p.since.iter().filter(|d| impossible(d)).map(|d| {
            (
                d,
                msg!(
                    "start of partnership `{id}`",
                    "de start van samenwerkingsverband `{id}`",
                    id = Plain(&p.id.value.0),
                ),
            )
        }));
    }
    for t in &plan.themes {
        walk_goals(&t.goals, None, &mut |g, _| {
            let id = Plain(&g.id.value.0);
            dates.extend(g.deadline.iter().filter(|d| impossible(d)).map(|d| {
                (
                    d,
                    msg!(
                        "deadline of goal `{id}`",
                        "deadline van doel `{id}`",
                        id = id
                    ),
                )
            }));
            if let Some(i) = &g.indicator {
                dates.extend(i.baseline_date.iter().filter(|d| impossible(d)).map(|d| {
                    (
                        d,
                        msg!(
                            "baseline date of goal `{id}`",
                            "datum van de nulmeting van doel `{id}`",
                            id = id,
                        ),
                    )
                }));
            }
            dates.extend(
                g.measurements
                    .iter()
                    .filter(|m| impossible(&m.date))
                    .map(|m| {
                        (
                            &m.date,
                            msg!(
                                "measurement date of goal `{id}`",
                                "datum van een meting van doel `{id}`",
                                id = id,
                            ),
                        )
                    }),
            );
            dates.extend(
                g.milestones
                    .iter()
                    .filter(|m| impossible(&m.date))
                    .map(|m| {
                        (
                            &m.date,
                            msg!(
                                "milestone date of goal `{id}`",
                                "datum van een mijlpaal van doel `{id}`",
                                id = id,
                            ),
                        )
                    }),
            );
        });
    }
    for c in &plan.contracts {
        let id = Plain(&c.id.value.0);
        if impossible(&c.start) {
            dates.push((
                &c.start,
                msg!(
                    "start of contract `{id}`",
                    "de start van contract `{id}`",
                    id = id
                ),
            ));
        }
        if impossible(&c.end) {
            dates.push((
                &c.end,
                msg!(
                    "end of contract `{id}`",
                    "het einde van contract `{id}`",
                    id = id
                ),
            ));
        }
        dates.extend(c.result_agreements.iter().filter_map(|r| {
            r.deadline.as_ref().filter(|d| impossible(d)).map(|d| {
                (
                    d,
                    msg!(
                        "deadline of a result agreement of `{id}`",
                        "de deadline van een resultaatafspraak van `{id}`",
                        id = id,
                    ),
                )
            })
        }));
    }
    for m in &plan.modules {
        dates.extend(m.uptake.iter().filter(|u| impossible(&u.date)).map(|u| {
            (
                &u.date,
                msg!(
                    "uptake date of module `{id}`",
                    "een datum van de deelname aan module `{id}`",
                    id = Plain(&m.id.value.0),
                ),
            )
        }));
    }
    for n in &plan.neighbourhoods {
        let id = Plain(&n.id.value.0);
        dates.extend(n.managed_since.iter().filter(|d| impossible(d)).map(|d| {
            (
                d,
                msg!(
                    "wijkmanager start in `{id}`",
                    "de start van de wijkmanager in `{id}`",
                    id = id,
                ),
            )
        }));
        if let Some(c) = &n.collaboration {
            dates.extend(c.since.iter().filter(|d| impossible(d)).map(|d| {
                (
                    d,
                    msg!(
                        "collaboration start in `{id}`",
                        "de start van de samenwerking in `{id}`",
                        id = id,
                    ),
                )
            }));
        }
    }
    for p in &plan.programmes {
        let id = Plain(&p.id.value.0);
        if impossible(&p.start) {
            dates.push((
                &p.start,
                msg!(
                    "start of programme `{id}`",
                    "de start van programma `{id}`",
                    id = id
                ),
            ));
        }
        dates.extend(p.end.iter().filter(|d| impossible(d)).map(|d| {
            (
                d,
                msg!(
                    "end of programme `{id}`",
                    "het einde van programma `{id}`",
                    id = id,
                ),
            )
        }));
        dates.extend(p.figures.iter().filter(|f| impossible(&f.date)).map(|f| {
            (
                &f.date,
                msg!(
                    "figure date of programme `{id}`",
                    "de datum van een cijfer van programma `{id}`",
                    id = id,
                ),
            )
        }));
    }
    dates.extend(
        plan.sources
            .iter()
            .filter_map(|s| s.date.as_ref())
            .filter(|d| impossible(d))
            .map(|d| (d, msg!("a source's date", "de datum van een bron"))),
    );
    dates
}

fn impossible(date: &S<Date>) -> bool {
    matches!(date.value, Date::Impossible(_))
}
