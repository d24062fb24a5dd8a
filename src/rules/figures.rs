//! Key figures (`RP4xx`): counts that contradict each other.

use super::goals::word;
use super::{Context, Pruning, Rule, RuleInfo};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Severity::Error;
use crate::judge::checks::ConditionReading;
use crate::lang::{Decimals, Euros, Label, Message, Plain};
use crate::msg;
use crate::plan::S;
use crate::plan::domain::Named;
use crate::plan::raw::{Metric, Organisation, Relation};

pub static MEMBER_PRACTICES_EXCEED_REGION: Rule = Rule {
    info: RuleInfo {
        code: "RP401",
        name: "members-exceed-region",
        severity: Error,
        summary: crate::lang::Label {
            en: "The member organisations together have more practices (or patients) than the \
                 region.",
            nl: "De aangesloten organisaties hebben samen meer praktijken (of patiënten) dan de \
                 regio.",
        },
        why: crate::lang::Label {
            en: "Funding per listed patient and the financial level playing field are computed \
                 from these counts; figures that cannot both be true make every such figure \
                 wrong.",
            nl: "Financiering per ingeschreven patiënt en het financiële gelijke speelveld worden \
                 uit deze aantallen berekend; getallen die niet allebei waar kunnen zijn, maken \
                 elk van die uitkomsten onjuist.",
        },
        bad: "key_figures:\n  practices: 100\norganisations:\n  - {id: zg-a, relation: member, practices: 60, ...}\n  - {id: zg-b, relation: member, practices: 50, ...}\n",
        good: "key_figures:\n  practices: 110\norganisations:\n  - {id: zg-a, relation: member, practices: 60, ...}\n  - {id: zg-b, relation: member, practices: 50, ...}\n",
        fix: super::FIX_NONE,
    },
    check: Some(members_exceed_region),
    pruning: Pruning::Independent,
};

pub static UPTAKE_EXCEEDS_TOTAL: Rule = Rule {
    info: RuleInfo {
        code: "RP402",
        name: "uptake-exceeds-total",
        severity: Error,
        summary: crate::lang::Label {
            en: "More practices (or patients) contracted a module than the region has.",
            nl: "Meer praktijken (of patiënten) hebben een module gecontracteerd dan de regio \
                 heeft.",
        },
        why: crate::lang::Label {
            en: "Uptake is reported as a share of the region; above 100% it is a typo or an \
                 outdated total.",
            nl: "Deelname wordt gerapporteerd als aandeel van de regio; boven 100% is het een \
                 typefout of een verouderd totaal.",
        },
        bad: "key_figures:\n  practices: 260\nmodules:\n  - id: tbhz\n    uptake:\n      - {date: 2022-06-30, practices: 290}\n",
        good: "key_figures:\n  practices: 260\nmodules:\n  - id: tbhz\n    uptake:\n      - {date: 2022-06-30, practices: 190}\n",
        fix: super::FIX_NONE,
    },
    check: Some(uptake_exceeds_total),
    pruning: Pruning::Independent,
};

pub static SHARE_OUT_OF_RANGE: Rule = Rule {
    info: RuleInfo {
        code: "RP403",
        name: "share-out-of-range",
        severity: Error,
        summary: crate::lang::Label {
            en: "A percentage outside 0-100: the share of practices joined, or the baseline, \
                 target or a measurement of an indicator in `%`.",
            nl: "Een percentage buiten 0-100: het aandeel aangesloten praktijken, of de \
                 nulmeting, streefwaarde of een meting van een indicator in `%`.",
        },
        why: crate::lang::Label {
            en: "A share is a part of a whole; `practices_joined_pct: 0.95` (a fraction) or `195` \
                 is read as 0.95% or an impossible 195%, and a goal with a target of 120% can \
                 never be reached.",
            nl: "Een aandeel is een deel van een geheel; `practices_joined_pct: 0.95` (een breuk) \
                 of `195` wordt gelezen als 0,95% of een onmogelijke 195%, en een doel met een \
                 streefwaarde van 120% is nooit te bereiken.",
        },
        bad: "practices_joined_pct: 195\n",
        good: "practices_joined_pct: 95\n",
        fix: super::FIX_NONE,
    },
    check: Some(share_out_of_range),
    pruning: Pruning::Independent,
};

pub static MUNICIPALITY_PATIENTS_EXCEED_TOTAL: Rule = Rule {
    info: RuleInfo {
        code: "RP404",
        name: "municipalities-exceed-total",
        severity: Error,
        summary: crate::lang::Label {
            en: "Listed patients per municipality add up to more than the region's total.",
            nl: "De ingeschreven patiënten per gemeente tellen op tot meer dan het totaal van de \
                 regio.",
        },
        why: crate::lang::Label {
            en: "The parts of a total cannot be larger than the total (Rijnmond: about 650,000 of \
                 the 800,000 listed patients live in Rotterdam).",
            nl: "De delen van een totaal kunnen niet groter zijn dan het totaal (Rijnmond: \
                 ongeveer 650.000 van de 800.000 ingeschreven patiënten wonen in Rotterdam).",
        },
        bad: "listed_patients: 800000\nlisted_patients_by_municipality:\n  - {municipality: Rotterdam, listed_patients: 850000}\n",
        good: "listed_patients: 800000\nlisted_patients_by_municipality:\n  - {municipality: Rotterdam, listed_patients: 650000}\n",
        fix: super::FIX_NONE,
    },
    check: Some(municipalities_exceed_total),
    pruning: Pruning::Independent,
};

pub static FUNDED_EXCEEDS_SUBMITTED: Rule = Rule {
    info: RuleInfo {
        code: "RP405",
        name: "funded-exceeds-submitted",
        severity: Error,
        summary: crate::lang::Label {
            en: "A programme funds more plans than were submitted on the same date.",
            nl: "Een programma financiert meer plannen dan er op dezelfde datum zijn ingediend.",
        },
        why: crate::lang::Label {
            en: "Of twenty submitted plans, eight were funded: funded plans are a part of the \
                 submitted ones.",
            nl: "Van twintig ingediende plannen werden er acht gefinancierd: gefinancierde \
                 plannen zijn een deel van de ingediende.",
        },
        bad: "figures:\n  - {date: 2021-06-01, metric: plans_submitted, value: 8}\n  - {date: 2021-06-01, metric: plans_funded, value: 20}\n",
        good: "figures:\n  - {date: 2021-06-01, metric: plans_submitted, value: 20}\n  - {date: 2021-06-01, metric: plans_funded, value: 8}\n",
        fix: super::FIX_NONE,
    },
    check: Some(funded_exceeds_submitted),
    pruning: Pruning::Independent,
};

pub static JOINED_SHARE_CONTRADICTS_COUNTS: Rule = Rule {
    info: RuleInfo {
        code: "RP406",
        name: "joined-share-contradicts-counts",
        severity: Error,
        summary: crate::lang::Label {
            en: "The share of practices joined does not match the joined and total practice \
                 counts.",
            nl: "Het aandeel aangesloten praktijken past niet bij het aantal aangesloten \
                 praktijken en het totaal.",
        },
        why: crate::lang::Label {
            en: "Insurers ask for the mandate of the region (CZ: at least 85% of the huisartsen); \
                 when the share and the counts disagree, nobody knows which one to believe.",
            nl: "Zorgverzekeraars vragen naar het mandaat van de regio (CZ: ten minste 85% van de \
                 huisartsen); als het aandeel en de aantallen elkaar tegenspreken, weet niemand \
                 wat klopt.",
        },
        bad: "practices: 274\npractices_joined: 260\npractices_joined_pct: 85\n",
        good: "practices: 274\npractices_joined: 260\npractices_joined_pct: 95\n",
        fix: super::FIX_NONE,
    },
    check: Some(joined_share_contradicts_counts),
    pruning: Pruning::Independent,
};

/// The key-figure rules.
pub static CONDITION_MET_CONTRADICTED: Rule = Rule {
    info: RuleInfo {
        code: "RP407",
        name: "condition-met-contradicted",
        severity: Error,
        summary: crate::lang::Label {
            en: "A contract condition marked `met: true` that the plan's own figures contradict.",
            nl: "Een voorwaarde van een contract met `met: true` die de eigen cijfers van het \
                 plan tegenspreken.",
        },
        why: crate::lang::Label {
            en: "An insurer reads `met: true` as the region's word; when the plan's key figures, \
                 mandates, partner domains, documents or result agreements say otherwise, the \
                 region claims a condition it does not meet (CZ asks at least 100,000 listed \
                 patients, a mandate from 85% of the huisartsen, a zorgaanbodplan and a \
                 begroting, result agreements and two other domains). Conditions the plan records \
                 nothing on are not shown rather than contradicted; `gaps` lists both readings.",
            nl: "Een zorgverzekeraar leest `met: true` als het woord van de regio; als de \
                 kerncijfers, mandaten, partnerdomeinen, documenten of resultaatafspraken van het \
                 plan iets anders zeggen, claimt de regio een voorwaarde waaraan zij niet voldoet \
                 (CZ vraagt ten minste 100.000 ingeschreven patiënten, een mandaat van 85% van de \
                 huisartsen, een zorgaanbodplan en een begroting, resultaatafspraken en twee \
                 andere domeinen). Voorwaarden waarover het plan niets vastlegt, zijn niet \
                 aangetoond in plaats van tegengesproken; `gaps` toont beide lezingen.",
        },
        bad: "key_figures: {listed_patients: 80000}\n...\nconditions:\n  - {kind: min_listed_patients, min: 100000, met: true}\n",
        good: "key_figures: {listed_patients: 80000}\n...\nconditions:\n  - {kind: min_listed_patients, min: 100000, met: false}\n",
        fix: super::FIX_NONE,
    },
    check: Some(conditions_met_contradicted),
    pruning: Pruning::Independent,
};

pub static YEARLY_AMOUNT_CONTRADICTS_TOTAL: Rule = Rule {
    info: RuleInfo {
        code: "RP408",
        name: "yearly-amount-contradicts-total",
        severity: Error,
        summary: crate::lang::Label {
            en: "A contract's `yearly_amount_eur` times its years differs from its `amount_eur`.",
            nl: "Het `yearly_amount_eur` van een contract maal het aantal jaren verschilt van het \
                 `amount_eur`.",
        },
        why: crate::lang::Label {
            en: "The report shows a contract's amount per year and over its years; an insurer's \
                 buyer and the board compare both with the budget. When the two amounts a plan \
                 writes disagree over the contract's years (from the first month of `start` to \
                 the last month of `end`), one of them is wrong and every sum built on it too. A \
                 euro per year is allowed for rounding.",
            nl: "Het rapport toont het bedrag van een contract per jaar en over de hele looptijd; \
                 de inkoper van een zorgverzekeraar en het bestuur vergelijken beide met de \
                 begroting. Als de twee bedragen in het plan over de jaren van het contract (van \
                 de eerste maand van `start` tot de laatste maand van `end`) niet overeenkomen, \
                 is een van beide fout, en elke som die erop steunt ook. Een verschil van een \
                 euro per jaar is toegestaan, voor afronding.",
        },
        bad: "contracts:\n  - id: oi-2024-2026\n    start: 2024-01-01\n    end: 2026-12-31\n    amount_eur: 1250000\n    yearly_amount_eur: 1250000\n    ...\n",
        good: "contracts:\n  - id: oi-2024-2026\n    start: 2024-01-01\n    end: 2026-12-31\n    amount_eur: 3750000\n    yearly_amount_eur: 1250000\n    ...\n",
        fix: super::FIX_NONE,
    },
    check: Some(yearly_amount_contradicts_total),
    pruning: Pruning::Independent,
};

fn yearly_amount_contradicts_total(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for contract in &cx.plan.contracts {
        let (Some(implied), Some(yearly), Some(total), Some(years)) = (
            contract.yearly_total_mismatch(),
            contract.yearly_amount_eur.as_ref(),
            contract.amount_eur.as_ref(),
            contract.years(),
        ) else {
            continue;
        };
        out.push(
            Diagnostic::new(
                &YEARLY_AMOUNT_CONTRADICTS_TOTAL,
                total.span,
                msg!(
                    "contract `{id}` is {yearly} a year for {years} years, which makes {implied}, \
                     not the {total} of `amount_eur`",
                    "contract `{id}` is {yearly} per jaar gedurende {years} jaar, samen \
                     {implied}, niet de {total} van `amount_eur`",
                    id = Plain(&contract.id.value.0),
                    yearly = euros(yearly.value),
                    years = years,
                    implied = euros(implied),
                    total = euros(total.value),
                ),
            )
            .label(msg!(
                "not the yearly amount times the years",
                "niet het jaarbedrag maal het aantal jaren"
            ))
            .secondary(yearly.span, msg!("the yearly amount", "het jaarbedrag"))
            .help(msg!(
                "correct `amount_eur` (the total) or `yearly_amount_eur` (per year), or write \
                 only one of them: regioplan works out the other",
                "corrigeer `amount_eur` (het totaal) of `yearly_amount_eur` (per jaar), of \
                 schrijf er maar één: regioplan berekent het andere"
            )),
        );
    }
}

/// An amount in euros, as the reader writes it (`€1,250,000`; `€ 1.250.000`).
fn euros(amount: f64) -> Message {
    let cents = (amount * 100.0).round();
    if cents.is_finite() && cents.abs() < 1e15 {
        #[allow(
            clippy::cast_possible_truncation,
            reason = "rounded and well inside the range of i64 just above"
        )]
        let cents = cents as i64;
        msg!("{a}", "{a}", a = Euros(cents))
    } else {
        msg!("€{a}", "€ {a}", a = amount)
    }
}

const REGION_TOTAL: Label = Label {
    en: "the region's total",
    nl: "het totaal van de regio",
};

const PRACTICES: Label = Label {
    en: "practices",
    nl: "praktijken",
};

const LISTED_PATIENTS: Label = Label {
    en: "listed patients",
    nl: "ingeschreven patiënten",
};

fn members(plan: &crate::plan::Plan) -> impl Iterator<Item = &Organisation> {
    plan.organisations
        .iter()
        .filter(|o| o.relation.value == Relation::Member)
}

/// RP401: members with more practices, patients or GPs together than the region, or more
/// practices joined than the region has.
fn members_exceed_region(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    let kf = &plan.region.key_figures;
    let sums: [(_, Vec<&S<u64>>, _); 3] = [
        (
            kf.practices.as_ref(),
            members(plan).filter_map(|o| o.practices.as_ref()).collect(),
            PRACTICES,
        ),
        (
            kf.listed_patients.as_ref(),
            members(plan)
                .filter_map(|o| o.listed_patients.as_ref())
                .collect(),
            LISTED_PATIENTS,
        ),
        (
            kf.gps.as_ref(),
            members(plan).filter_map(|o| o.gps.as_ref()).collect(),
            Label {
                en: "GPs",
                nl: "huisartsen",
            },
        ),
    ];
    for (total, parts, noun) in sums {
        let Some(total) = total else { continue };
        let sum: u64 = parts.iter().map(|p| p.value).fold(0, u64::saturating_add);
        if sum > total.value
            && let Some(last) = parts.last()
        {
            out.push(
                Diagnostic::new(
                    &MEMBER_PRACTICES_EXCEED_REGION,
                    last.span,
                    msg!(
                        "the members have {sum} {noun} together, more than the {total} of the \
                         whole region",
                        "de leden hebben samen {sum} {noun}, meer dan de {total} van de hele regio",
                        sum = sum,
                        noun = noun,
                        total = total.value,
                    ),
                )
                .label(msg!(
                    "here the sum passes the region's total",
                    "hier komt de som boven het totaal van de regio"
                ))
                .secondary(total.span, REGION_TOTAL)
                .help(msg!(
                    "correct the members' counts (under `organisations:`) or the region's figure \
                     (under `key_figures:`)",
                    "corrigeer de aantallen van de leden (onder `organisations:`) of het kengetal \
                     van de regio (onder `key_figures:`)"
                )),
            );
        }
    }
    if let (Some(joined), Some(total)) = (&kf.practices_joined, &kf.practices)
        && joined.value > total.value
    {
        out.push(
            Diagnostic::new(
                &MEMBER_PRACTICES_EXCEED_REGION,
                joined.span,
                msg!(
                    "{joined} practices have joined, more than the {total} the region has",
                    "er zijn {joined} praktijken aangesloten, meer dan de {total} die de regio \
                     heeft",
                    joined = joined.value,
                    total = total.value,
                ),
            )
            .label(msg!("more than the total", "meer dan het totaal"))
            .secondary(total.span, REGION_TOTAL)
            .help(msg!(
                "correct `practices_joined` or `practices`",
                "corrigeer `practices_joined` of `practices`"
            )),
        );
    }
}

/// RP403: a share of practices joined outside 0-100%, and indicators in percent outside it.
fn share_out_of_range(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    indicator_shares_out_of_range(cx, out);
    if let Some(share) = &cx.plan.region.key_figures.practices_joined_pct
        && !(0.0..=100.0).contains(&share.value)
    {
        out.push(
            Diagnostic::new(
                &SHARE_OUT_OF_RANGE,
                share.span,
                msg!(
                    "the share of practices joined is {share}%, outside 0-100%",
                    "het aandeel aangesloten praktijken is {share}%, buiten 0-100%",
                    share = share.value,
                ),
            )
            .label(msg!("not a percentage", "geen percentage"))
            .help(msg!(
                "write the share as a percentage between 0 and 100, for example `95` for 95%",
                "schrijf het aandeel als percentage tussen 0 en 100, bijvoorbeeld `95` voor 95%"
            )),
        );
    }
}

/// Whether an indicator's unit is a percentage.
fn is_percent(unit: &str) -> bool {
    let unit = unit.trim().to_lowercase();
    matches!(unit.as_str(), "%" | "procent" | "percent" | "pct")
}

/// RP403: the baseline, target and measurements of indicators in percent outside 0-100%.
fn indicator_shares_out_of_range(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    crate::plan::index::each_goal(cx.plan, &mut |goal, _| {
        let Some(indicator) = goal
            .indicator
            .as_ref()
            .filter(|i| is_percent(&i.unit.value))
        else {
            return;
        };
        // Each figure is tested before its description is made: nearly all are in range.
        let outside = |v: &&S<f64>| !(0.0..=100.0).contains(&v.value);
        let baseline = indicator.baseline.as_ref().filter(outside);
        let target = indicator.target.as_ref().filter(outside);
        let figures = baseline
            .map(|v| (v, msg!("baseline", "nulmeting")))
            .into_iter()
            .chain(target.map(|v| (v, msg!("target", "streefwaarde"))))
            .chain(
                goal.measurements
                    .iter()
                    .filter(|m| outside(&&m.value))
                    .map(|m| {
                        (
                            &m.value,
                            msg!(
                                "measurement of {date}",
                                "meting van {date}",
                                date = Plain(&m.date.value),
                            ),
                        )
                    }),
            );
        for (value, what) in figures {
            out.push(
                Diagnostic::new(
                    &SHARE_OUT_OF_RANGE,
                    value.span,
                    msg!(
                        "the {what} of goal `{id}` is {value}%, outside 0-100%",
                        "de {what} van doel `{id}` is {value}%, buiten 0-100%",
                        what = what,
                        id = Plain(&goal.id.value.0),
                        value = value.value,
                    ),
                )
                .label(msg!("not a percentage", "geen percentage"))
                .secondary(
                    indicator.unit.span,
                    msg!("the unit is a percentage", "de eenheid is een percentage"),
                )
                .help(msg!(
                    "write a share between 0 and 100; for a change in percentage points, \
                         write `unit: procentpunt`",
                    "schrijf een aandeel tussen 0 en 100; gaat het om een verandering in \
                         procentpunten, schrijf dan `unit: procentpunt`"
                )),
            );
        }
    });
}

/// RP406: a share of practices joined that the joined and total counts contradict. Counts that
/// are impossible themselves (RP401) or a share outside 0-100% (RP403) are reported there.
fn joined_share_contradicts_counts(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let kf = &cx.plan.region.key_figures;
    let (Some(joined), Some(total), Some(share)) = (
        &kf.practices_joined,
        &kf.practices,
        &kf.practices_joined_pct,
    ) else {
        return;
    };
    if joined.value > total.value || total.value == 0 || !(0.0..=100.0).contains(&share.value) {
        return;
    }
    let computed = joined.value as f64 * 100.0 / total.value as f64;
    if (computed - share.value).abs() > 1.0 {
        out.push(
            Diagnostic::new(
                &JOINED_SHARE_CONTRADICTS_COUNTS,
                share.span,
                msg!(
                    "the share of practices joined is {share}%, but {joined} of {total} \
                     practices is {computed}%",
                    "het aandeel aangesloten praktijken is {share}%, maar {joined} van de \
                     {total} praktijken is {computed}%",
                    share = share.value,
                    joined = joined.value,
                    total = total.value,
                    computed = Decimals(computed, 1),
                ),
            )
            .label(msg!(
                "does not match the counts",
                "klopt niet met de aantallen"
            ))
            .secondary(
                joined.span,
                msg!("practices joined", "aangesloten praktijken"),
            )
            .help(msg!(
                "correct `practices_joined_pct` or one of the counts (`practices_joined`, \
                 `practices`)",
                "corrigeer `practices_joined_pct` of een van de aantallen (`practices_joined`, \
                 `practices`)"
            )),
        );
    }
}

/// RP404: listed patients per municipality that add up to more than the region's total.
fn municipalities_exceed_total(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let kf = &cx.plan.region.key_figures;
    let Some(total) = &kf.listed_patients else {
        return;
    };
    let parts = &kf.listed_patients_by_municipality;
    let sum: u64 = parts
        .iter()
        .map(|p| p.listed_patients.value)
        .fold(0, u64::saturating_add);
    if sum > total.value
        && let Some(last) = parts.last()
    {
        out.push(
            Diagnostic::new(
                &MUNICIPALITY_PATIENTS_EXCEED_TOTAL,
                last.listed_patients.span,
                msg!(
                    "the listed patients per municipality add up to {sum}, more than the {total} \
                     of the whole region",
                    "de ingeschreven patiënten per gemeente zijn samen {sum}, meer dan de {total} \
                     van de hele regio",
                    sum = sum,
                    total = total.value,
                ),
            )
            .label(msg!(
                "here the sum passes the total",
                "hier komt de som boven het totaal"
            ))
            .secondary(total.span, REGION_TOTAL)
            .help(msg!(
                "correct the figures per municipality (`listed_patients_by_municipality`) or the \
                 region's total (`listed_patients`)",
                "corrigeer de aantallen per gemeente (`listed_patients_by_municipality`) of het \
                 totaal van de regio (`listed_patients`)"
            )),
        );
    }
}

/// RP402: module uptake above the region's practices or listed patients.
fn uptake_exceeds_total(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let kf = &cx.plan.region.key_figures;
    let practices = kf.practices_joined.as_ref().or(kf.practices.as_ref());
    for module in &cx.plan.modules {
        for uptake in &module.uptake {
            let checks = [
                (Some(&uptake.practices), practices, PRACTICES),
                (
                    uptake.listed_patients.as_ref(),
                    kf.listed_patients.as_ref(),
                    LISTED_PATIENTS,
                ),
            ];
            for (part, total, noun) in checks {
                if let (Some(part), Some(total)) = (part, total)
                    && part.value > total.value
                {
                    out.push(
                        Diagnostic::new(
                            &UPTAKE_EXCEEDS_TOTAL,
                            part.span,
                            msg!(
                                "module `{id}` has {part} {noun} on {date}, more than the {total} \
                                 of the whole region",
                                "module `{id}` heeft {part} {noun} op {date}, meer dan de \
                                 {total} van de hele regio",
                                id = Plain(&module.id.value.0),
                                part = part.value,
                                noun = noun,
                                date = Plain(&uptake.date.value),
                                total = total.value,
                            ),
                        )
                        .label(msg!(
                            "above the region's total",
                            "boven het totaal van de regio"
                        ))
                        .secondary(total.span, REGION_TOTAL)
                        .help(msg!(
                            "correct the module's figure under `uptake:` or the region's figure \
                             under `key_figures:`",
                            "corrigeer het aantal van de module onder `uptake:` of het kengetal \
                             van de regio onder `key_figures:`"
                        )),
                    );
                }
            }
        }
    }
}

/// RP405: programmes that fund more plans than were submitted on the same date.
fn funded_exceeds_submitted(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for programme in &cx.plan.programmes {
        // The first count of submitted plans per date, looked up by date (not a scan per
        // funded count: thousands of figures on one date stay linear).
        let mut submitted_on = std::collections::HashMap::new();
        for f in &programme.figures {
            if f.metric.value == Metric::PlansSubmitted {
                submitted_on.entry(f.date.value.to_string()).or_insert(f);
            }
        }
        for funded in programme
            .figures
            .iter()
            .filter(|f| f.metric.value == Metric::PlansFunded)
        {
            let submitted = submitted_on
                .get(&funded.date.value.to_string())
                .filter(|f| f.date.value == funded.date.value);
            if let Some(submitted) = submitted
                && funded.value.value > submitted.value.value
            {
                out.push(
                    Diagnostic::new(
                        &FUNDED_EXCEEDS_SUBMITTED,
                        funded.value.span,
                        msg!(
                            "programme `{id}` funds {funded} plans on {date}, more than the \
                             {submitted} submitted",
                            "programma `{id}` financiert {funded} plannen op {date}, meer dan de \
                             {submitted} ingediende",
                            id = Plain(&programme.id.value.0),
                            funded = funded.value.value,
                            date = Plain(&funded.date.value),
                            submitted = submitted.value.value,
                        ),
                    )
                    .label(msg!("more than submitted", "meer dan ingediend"))
                    .secondary(submitted.value.span, word(Metric::PlansSubmitted))
                    .help(msg!(
                        "the funded plans are part of the submitted plans; check both figures",
                        "de gefinancierde plannen zijn een deel van de ingediende plannen; \
                         controleer beide aantallen"
                    )),
                );
            }
        }
    }
}

/// RP407: conditions marked as met that the plan's own records contradict, judged by
/// `judge::checks` as `gaps` judges them. A condition the plan records nothing on (no listed
/// patients, no mandate, no such document) is not shown, not contradicted.
fn conditions_met_contradicted(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let plan = cx.plan;
    for contract in &plan.contracts {
        for condition in &contract.conditions {
            let Some(met) = condition.met.as_ref().filter(|m| m.value) else {
                continue;
            };
            let reading = ConditionReading::of(plan, contract, condition);
            let Some(judged) = reading.judged.as_ref().filter(|_| reading.contradicts()) else {
                continue;
            };
            let evidence = Message::new(judged.evidence.en.clone(), judged.evidence.nl.clone());
            let short = if judged.missing.en.is_empty() {
                Message::default()
            } else {
                let missing = Message::new(judged.missing.en.clone(), judged.missing.nl.clone());
                msg!(": {m}", ": {m}", m = missing)
            };
            out.push(
                Diagnostic::new(
                    &CONDITION_MET_CONTRADICTED,
                    met.span,
                    msg!(
                        "condition `{kind}` of contract `{id}` says `met: true`, but the plan \
                         shows {evidence}{short}",
                        "voorwaarde `{kind}` van contract `{id}` staat op `met: true` (voldaan), \
                         maar het plan toont {evidence}{short}",
                        kind = Plain(condition.kind.value.name()),
                        id = Plain(&contract.id.value.0),
                        evidence = evidence,
                        short = short,
                    ),
                )
                .label(msg!(
                    "the plan's figures say otherwise",
                    "de cijfers in het plan zeggen iets anders"
                ))
                .secondary(condition.kind.span, msg!("the condition", "de voorwaarde"))
                .help(msg!(
                    "write `met: false`, or correct the figures the condition is measured by",
                    "schrijf `met: false`, of corrigeer de cijfers waaraan de voorwaarde wordt \
                     gemeten"
                )),
            );
        }
    }
}
