//! Ids and references (`RP1xx`): every id defined once, every reference resolves.

use super::{Context, Pruning, Rule, RuleInfo, did_you_mean, same_name};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Severity::{Error, Warning};
use crate::plan::S;
use crate::plan::index::{Kind, walk_goals};
use crate::plan::raw::{Id, Plan};

pub static DUPLICATE_ID: Rule = Rule {
    info: RuleInfo {
        code: "RP101",
        name: "duplicate-id",
        severity: Error,
        summary: crate::lang::Label {
            en: "Two things of the same kind share an id.",
            nl: "Twee dingen van dezelfde soort hebben hetzelfde id.",
        },
        why: crate::lang::Label {
            en: "References name things by id; with two `ggz` themes a trekker, a report or a \
                 diff cannot tell which one is meant.",
            nl: "Verwijzingen noemen dingen bij hun id; met twee thema's `ggz` kunnen een \
                 trekker, een rapport of een vergelijking niet zien welk thema bedoeld is.",
        },
        bad: "themes:\n  - id: ggz\n    ...\n  - id: ggz\n    ...\n",
        good: "themes:\n  - id: ggz\n    ...\n  - id: ggz-jeugd\n    ...\n",
        fix: crate::lang::Label {
            en: "None: which of the two should be renamed, and to what, is for a person to \
                 decide. Unsafe: a suppression, `# regioplan: ignore[CODE] <reason>` on a line \
                 above, whose placeholder reason RP902 reports until a person writes one.",
            nl: "Geen: welke van de twee een ander id krijgt, en welk, beslist een persoon. \
                 Onveilig: een onderdrukking, `# regioplan: ignore[CODE] <reason>` op de regel \
                 erboven; RP902 meldt die voorlopige reden tot iemand een echte reden schrijft.",
        },
    },
    check: Some(duplicate_ids),
    pruning: Pruning::Independent,
};

macro_rules! unknown {
    ($name:ident, $code:literal, $slug:literal, $a:literal $noun:literal, $nl:literal, $list:literal, $bad:literal, $good:literal) => {
        pub static $name: Rule = Rule {
            info: RuleInfo {
            code: $code,
            name: $slug,
            severity: Error,
            summary: crate::lang::Label {
                en: concat!(
                    "A reference to ",
                    $a,
                    " ",
                    $noun,
                    " id that is not defined under `",
                    $list,
                    "`."
                ),
                nl: concat!(
                    "Een verwijzing naar ",
                    $nl,
                    " met een id dat niet onder `",
                    $list,
                    "` staat."
                ),
            },
            why: crate::lang::Label {
                en: concat!(
                    "A reference that resolves to nothing leaves a hole in reports and gap analyses: \
                     the plan seems to name ",
                    $a,
                    " ",
                    $noun,
                    " that does not exist, usually because of a typo \
                     or a renamed id."
                ),
                nl: concat!(
                    "Een verwijzing die nergens naar leidt, laat een gat in rapporten en \
                     gap-analyses: het plan lijkt ",
                    $nl,
                    " te noemen, maar dat id is nergens gedefinieerd, meestal door een typefout \
                     of een hernoemd id."
                ),
            },
            bad: $bad,
            good: $good,
            fix: crate::lang::Label {
                en: "Safe: the id, when the reference is the name of a person or organisation (`trekker: Anna Bakker` becomes `a.bakker`). Unsafe: the closest id of that kind, when one is close. Unsafe: a suppression, `# regioplan: ignore[CODE] <reason>` on a line above, whose placeholder reason RP902 reports until a person writes one.",
                nl: "Veilig: het id, als de verwijzing de naam van een persoon of organisatie is (`trekker: Anna Bakker` wordt `a.bakker`). Onveilig: het id van die soort dat er het meest op lijkt, als er een dichtbij ligt. Onveilig: een onderdrukking, `# regioplan: ignore[CODE] <reason>` op de regel erboven; RP902 meldt die voorlopige reden tot iemand een echte reden schrijft.",
            },
            },
            check: Some(|cx, out| unknown_references(cx, &$name, out)),
            pruning: Pruning::Reference,
        };
    };
}

unknown!(
    UNKNOWN_PERSON,
    "RP102",
    "unknown-person",
    "a" "person",
    "een persoon",
    "people",
    "people:\n  - id: j.devries\n    name: Jan de Vries\nthemes:\n  - id: ggz\n    trekker: j.de-vries\n",
    "people:\n  - id: j.devries\n    name: Jan de Vries\nthemes:\n  - id: ggz\n    trekker: j.devries\n"
);
unknown!(
    UNKNOWN_ORGANISATION,
    "RP103",
    "unknown-organisation",
    "an" "organisation",
    "een organisatie",
    "organisations",
    "funding:\n  - payer: zilverenkruis\n",
    "organisations:\n  - id: zilveren-kruis\n    ...\nfunding:\n  - payer: zilveren-kruis\n"
);
unknown!(
    UNKNOWN_THEME,
    "RP104",
    "unknown-theme",
    "a" "theme",
    "een thema",
    "themes",
    "modules:\n  - id: ouderen\n    themes: [ouderen-zorg]\n",
    "modules:\n  - id: ouderen\n    themes: [ouderenzorg]\n"
);
unknown!(
    UNKNOWN_GOAL,
    "RP105",
    "unknown-goal",
    "a" "goal",
    "een doel",
    "themes[].goals",
    "programmes:\n  - id: kbz\n    goals: [ggz-9]\n",
    "programmes:\n  - id: kbz\n    goals: [ggz-1]\n"
);
unknown!(
    UNKNOWN_MODULE,
    "RP107",
    "unknown-module",
    "a" "module",
    "een module",
    "modules",
    "neighbourhoods:\n  - id: delfshaven\n    modules: [wijkmanagment]\n",
    "neighbourhoods:\n  - id: delfshaven\n    modules: [wijkmanagement]\n"
);
unknown!(
    UNKNOWN_NEIGHBOURHOOD,
    "RP108",
    "unknown-neighbourhood",
    "a" "neighbourhood",
    "een wijk",
    "neighbourhoods",
    "governance:\n  - id: deelnemersraad\n    members:\n      - neighbourhood: wsv-uithorn\n",
    "governance:\n  - id: deelnemersraad\n    members:\n      - neighbourhood: wsv-uithoorn\n"
);
unknown!(
    UNKNOWN_WORKGROUP,
    "RP109",
    "unknown-workgroup",
    "a" "workgroup",
    "een werkgroep",
    "workgroups",
    "themes:\n  - id: ggz\n    workgroup: wg-gzz\n",
    "themes:\n  - id: ggz\n    workgroup: wg-ggz\n"
);
unknown!(
    UNKNOWN_CONTRACT,
    "RP110",
    "unknown-contract",
    "a" "contract",
    "een contract",
    "contracts",
    "modules:\n  - id: tbhz\n    contract: zk-2022\n",
    "modules:\n  - id: tbhz\n    contract: zk-2022-2023\n"
);
unknown!(
    UNKNOWN_PROGRAMME,
    "RP111",
    "unknown-programme",
    "a" "programme",
    "een programma",
    "programmes",
    "funding:\n  - programme: krachtige-basis-zorg\n",
    "funding:\n  - programme: krachtige-basiszorg\n"
);

pub static UNKNOWN_BUILDING_BLOCK: Rule = Rule {
    info: RuleInfo {
        code: "RP106",
        name: "unknown-building-block",
        severity: Error,
        summary: crate::lang::Label {
            en: "A building block id that is not in the catalogue of Hechte Huisartsenzorg.",
            nl: "Een id van een bouwsteen dat niet in de catalogus van Hechte Huisartsenzorg \
                 staat.",
        },
        why: crate::lang::Label {
            en: "The gap analysis against the six bouwstenen counts themes, goals and assessments \
                 per block; an unknown id is counted nowhere.",
            nl: "De gap-analyse tegen de zes bouwstenen telt thema's, doelen en beoordelingen per \
                 bouwsteen; een onbekend id telt nergens mee.",
        },
        bad: "themes:\n  - id: ict\n    building_blocks: [it-beleid]\n",
        good: "themes:\n  - id: ict\n    building_blocks: [informatiebeleid]\n",
        fix: crate::lang::Label {
            en: "Unsafe: the building block of the catalogue the given id resembles, when one is \
                 close. Unsafe: a suppression, `# regioplan: ignore[CODE] <reason>` on a line \
                 above, whose placeholder reason RP902 reports until a person writes one.",
            nl: "Onveilig: de bouwsteen uit de catalogus die op het opgegeven id lijkt, als er \
                 een dichtbij ligt. Onveilig: een onderdrukking, `# regioplan: ignore[CODE] \
                 <reason>` op de regel erboven; RP902 meldt die voorlopige reden tot iemand een \
                 echte reden schrijft.",
        },
    },
    check: Some(unknown_building_blocks),
    pruning: Pruning::Reference,
};

pub static EMPTY_SEAT: Rule = Rule {
    info: RuleInfo {
        code: "RP112",
        name: "empty-seat",
        severity: Warning,
        summary: crate::lang::Label {
            en: "A member of a governance body that names no person, organisation or \
                 neighbourhood.",
            nl: "Een lid van een bestuursorgaan dat geen persoon, organisatie of wijk noemt.",
        },
        why: crate::lang::Label {
            en: "A seat that names nobody says nothing about who decides; boards and insurers \
                 read the composition of the governance bodies.",
            nl: "Een zetel die niemand noemt, zegt niets over wie beslist; besturen en \
                 zorgverzekeraars lezen de samenstelling van de bestuursorganen.",
        },
        bad: "members:\n  - role: chair\n",
        good: "members:\n  - person: f.francke\n    role: chair\n",
        fix: crate::lang::Label {
            en: "None: who takes the seat is for the region to decide. Unsafe: a suppression, `# \
                 regioplan: ignore[CODE] <reason>` on a line above, whose placeholder reason \
                 RP902 reports until a person writes one.",
            nl: "Geen: wie de zetel inneemt, beslist de regio. Onveilig: een onderdrukking, `# \
                 regioplan: ignore[CODE] <reason>` op de regel erboven; RP902 meldt die \
                 voorlopige reden tot iemand een echte reden schrijft.",
        },
    },
    check: Some(empty_seats),
    pruning: Pruning::Absence,
};

pub static BUILDING_BLOCK_ASSESSED_TWICE: Rule = Rule {
    info: RuleInfo {
        code: "RP113",
        name: "building-block-assessed-twice",
        severity: Error,
        summary: crate::lang::Label {
            en: "A building block assessed twice under `building_blocks:`.",
            nl: "Een bouwsteen die twee keer is beoordeeld onder `building_blocks:`.",
        },
        why: crate::lang::Label {
            en: "The gap analysis against the bouwstenen of Hechte Huisartsenzorg reads one level \
                 per block; with two assessments (often one outdated) nobody knows where the \
                 region stands.",
            nl: "De gap-analyse tegen de bouwstenen van Hechte Huisartsenzorg leest één niveau \
                 per bouwsteen; met twee beoordelingen (vaak één verouderde) weet niemand waar de \
                 regio staat.",
        },
        bad: "building_blocks:\n  - {block: arbeidsmarkt, level: initiating}\n  - {block: arbeidsmarkt, level: developing}\n",
        good: "building_blocks:\n  - {block: arbeidsmarkt, level: developing}\n",
        fix: crate::lang::Label {
            en: "None: which assessment is current is for a person to decide. Unsafe: a \
                 suppression, `# regioplan: ignore[CODE] <reason>` on a line above, whose \
                 placeholder reason RP902 reports until a person writes one.",
            nl: "Geen: welke beoordeling actueel is, beslist een persoon. Onveilig: een \
                 onderdrukking, `# regioplan: ignore[CODE] <reason>` op de regel erboven; RP902 \
                 meldt die voorlopige reden tot iemand een echte reden schrijft.",
        },
    },
    check: Some(building_blocks_assessed_twice),
    pruning: Pruning::Independent,
};

/// A reference from one place in a plan to an id.
pub struct Ref<'a> {
    pub kind: Kind,
    pub id: &'a S<Id>,
    /// What the reference is, e.g. "trekker of theme `ggz`".
    pub role: String,
}

/// RP102-RP111 (but RP106): the references of one kind that resolve to nothing.
fn unknown_references(cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let references = cx.references.get_or_init(|| references(cx.plan));
    for r in references {
        if rule_for(r.kind).code != rule.code || cx.index.get(r.kind, &r.id.value.0).is_some() {
            continue;
        }
        if let Some(id) = id_named(cx.plan, r.kind, &r.id.value.0) {
            out.push(
                Diagnostic::new(
                    rule,
                    r.id.span,
                    format!(
                        "unknown {} `{}` as {}: this is the name of `{id}`",
                        r.kind.noun(),
                        r.id.value.0,
                        r.role
                    ),
                )
                .label("a name, not an id")
                .help(format!("write the id `{id}`, not the name"))
                .replacement(Some(id)),
            );
            continue;
        }
        let suggestion = did_you_mean(&r.id.value.0, cx.index.ids(r.kind));
        let help = match suggestion {
            Some(s) => format!(
                "did you mean `{s}`? {} are listed under `{}:`",
                plural(r.kind),
                r.kind.list_key()
            ),
            None => format!("add it under `{}:` or correct the id", r.kind.list_key()),
        };
        out.push(
            Diagnostic::new(
                rule,
                r.id.span,
                format!("unknown {} `{}` as {}", r.kind.noun(), r.id.value.0, r.role),
            )
            .label(format!("no {} with this id", r.kind.noun()))
            .help(help)
            .guess(suggestion),
        );
    }
}

/// The id of the person or organisation named `name` (ignoring case and accents), for a
/// reference written as a name: `trekker: ayse` where `a.yilmaz` is called `Ayse`.
fn id_named<'a>(plan: &'a Plan, kind: Kind, name: &str) -> Option<&'a str> {
    let named =
        |id: &'a S<Id>, n: &S<String>| same_name(&n.value, name).then_some(id.value.0.as_str());
    match kind {
        Kind::Person => plan.people.iter().find_map(|p| named(&p.id, &p.name)),
        Kind::Organisation => plan
            .organisations
            .iter()
            .find_map(|o| named(&o.id, &o.name)),
        _ => None,
    }
}

/// RP113: building blocks with more than one assessment.
fn building_blocks_assessed_twice(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    // The first assessment of each block, by id: one pass, not a scan of the ones before.
    let mut first_of: std::collections::HashMap<&str, &S<Id>> = std::collections::HashMap::new();
    for again in &cx.plan.building_blocks {
        if let Some(first) = first_of.get(again.block.value.0.as_str()) {
            out.push(
                Diagnostic::new(
                    &BUILDING_BLOCK_ASSESSED_TWICE,
                    again.block.span,
                    format!("building block `{}` is assessed twice", again.block.value.0),
                )
                .label("assessed again here")
                .secondary(first.span, "first assessed here")
                .help("keep one assessment per building block, with the level that holds now"),
            );
        } else {
            first_of.insert(&again.block.value.0, &again.block);
        }
    }
}

/// RP112: seats of governance bodies that name nobody.
fn empty_seats(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for body in &cx.plan.governance {
        for member in &body.members {
            if member.person.is_none()
                && member.organisation.is_none()
                && member.neighbourhood.is_none()
            {
                let span = member.role.as_ref().map_or(body.id.span, |r| r.span);
                out.push(
                    Diagnostic::new(
                        &EMPTY_SEAT,
                        span,
                        format!("a seat in `{}` names nobody", body.id.value.0),
                    )
                    .label("no person, organisation or neighbourhood")
                    .help("add `person:`, `organisation:` or `neighbourhood:` to the seat"),
                );
            }
        }
    }
}

fn plural(kind: Kind) -> String {
    match kind {
        Kind::Person => "People".to_string(),
        Kind::GovernanceBody => "Governance bodies".to_string(),
        other => {
            let noun = other.noun();
            let mut s = noun[..1].to_uppercase() + &noun[1..];
            s.push('s');
            s
        }
    }
}

fn rule_for(kind: Kind) -> &'static Rule {
    match kind {
        Kind::Person => &UNKNOWN_PERSON,
        // A governance body is an organ of an organisation: an unknown body (the adopter of the
        // plan, the body that gave a mandate, a role's body) is reported with the organisations.
        // Nothing refers to services or partnerships by id.
        Kind::Organisation | Kind::GovernanceBody | Kind::Service | Kind::Partnership => {
            &UNKNOWN_ORGANISATION
        }
        Kind::Theme => &UNKNOWN_THEME,
        Kind::Goal => &UNKNOWN_GOAL,
        Kind::Module => &UNKNOWN_MODULE,
        Kind::Neighbourhood => &UNKNOWN_NEIGHBOURHOOD,
        Kind::Workgroup => &UNKNOWN_WORKGROUP,
        Kind::Contract => &UNKNOWN_CONTRACT,
        Kind::Programme => &UNKNOWN_PROGRAMME,
    }
}

/// RP101: ids defined twice.
fn duplicate_ids(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for def in &cx.index.defs {
        let Some(first) = cx.index.get(def.kind, def.id) else {
            continue;
        };
        if first != def.span {
            out.push(
                Diagnostic::new(
                    &DUPLICATE_ID,
                    def.span,
                    format!("duplicate {} id `{}`", def.kind.noun(), def.id),
                )
                .label("defined again here")
                .secondary(first, "first defined here")
                .help(format!("give each {} its own id", def.kind.noun())),
            );
        }
    }
}

/// RP106: building blocks that are not in the catalogue.
fn unknown_building_blocks(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mut refs: Vec<(&S<Id>, String)> = Vec::new();
    for t in &cx.plan.themes {
        refs.extend(
            t.building_blocks
                .iter()
                .map(|b| (b, format!("building block of theme `{}`", t.id.value.0))),
        );
        walk_goals(&t.goals, None, &mut |g, _| {
            refs.extend(
                g.building_blocks
                    .iter()
                    .map(|b| (b, format!("building block of goal `{}`", g.id.value.0))),
            );
        });
    }
    refs.extend(
        cx.plan
            .building_blocks
            .iter()
            .map(|a| (&a.block, "assessed building block".to_string())),
    );
    for (id, role) in refs {
        if cx.catalogue.ids().any(|c| c == id.value.0) {
            continue;
        }
        let found = Diagnostic::new(
            &UNKNOWN_BUILDING_BLOCK,
            id.span,
            format!("unknown building block `{}` as {role}", id.value.0),
        )
        .label("not in the catalogue");
        out.push(match did_you_mean(&id.value.0, cx.catalogue.ids()) {
            Some(s) => found.did_you_mean(s),
            None => found.help(format!(
                "the building blocks are: {}",
                cx.catalogue
                    .ids()
                    .map(|i| format!("`{i}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        });
    }
}

/// Every reference in a plan, with what it is.
#[must_use]
pub fn references<'a>(plan: &'a Plan) -> Vec<Ref<'a>> {
    let mut out: Vec<Ref<'a>> = Vec::new();
    let mut push = |kind: Kind, id: &'a S<Id>, role: String| out.push(Ref { kind, id, role });
    let region = &plan.region;
    if let Some(id) = &region.organisation {
        push(Kind::Organisation, id, "the region's organisation".into());
    }
    if let Some(id) = &region.preferred_insurer {
        push(
            Kind::Organisation,
            id,
            "preferred insurer of the region".into(),
        );
    }
    if let Some(info) = &plan.plan
        && let Some(id) = &info.adopted_by
    {
        push(
            Kind::GovernanceBody,
            id,
            "body that adopted the plan".into(),
        );
    }
    for m in &region.mandates {
        if let Some(id) = &m.given_by {
            push(Kind::GovernanceBody, id, "body that gave a mandate".into());
        }
    }
    for o in &plan.organisations {
        if let Some(id) = &o.merged_into {
            push(
                Kind::Organisation,
                id,
                format!("organisation `{}` merged into", o.id.value.0),
            );
        }
    }
    for p in &plan.priorities {
        let year = p.year.value;
        for id in &p.themes {
            push(Kind::Theme, id, format!("speerpunt theme of {year}"));
        }
        for id in &p.goals {
            push(Kind::Goal, id, format!("speerpunt goal of {year}"));
        }
    }
    for p in &plan.partnerships {
        let partnership = &p.id.value.0;
        for id in &p.members {
            push(
                Kind::Organisation,
                id,
                format!("member of partnership `{partnership}`"),
            );
        }
        for id in &p.themes {
            push(
                Kind::Theme,
                id,
                format!("theme of partnership `{partnership}`"),
            );
        }
    }
    if let Some(ambition) = &plan.period.ambition {
        for id in &ambition.partners {
            push(Kind::Organisation, id, "partner in the ambition".into());
        }
    }
    for p in &plan.people {
        if let Some(id) = &p.organisation {
            push(
                Kind::Organisation,
                id,
                format!("organisation of person `{}`", p.id.value.0),
            );
        }
        for r in &p.roles {
            if let Some(id) = &r.organisation {
                push(
                    Kind::Organisation,
                    id,
                    format!("organisation of a role of person `{}`", p.id.value.0),
                );
            }
            if let Some(id) = &r.body {
                push(
                    Kind::GovernanceBody,
                    id,
                    format!("body of a role of person `{}`", p.id.value.0),
                );
            }
        }
    }
    for b in &plan.governance {
        let body = &b.id.value.0;
        if let Some(id) = &b.programme {
            push(Kind::Programme, id, format!("programme of `{body}`"));
        }
        for m in &b.members {
            if let Some(id) = &m.person {
                push(Kind::Person, id, format!("member of `{body}`"));
            }
            if let Some(id) = &m.organisation {
                push(Kind::Organisation, id, format!("member of `{body}`"));
            }
            if let Some(id) = &m.neighbourhood {
                push(Kind::Neighbourhood, id, format!("member of `{body}`"));
            }
        }
    }
    for w in &plan.workgroups {
        for id in &w.members {
            push(
                Kind::Person,
                id,
                format!("member of workgroup `{}`", w.id.value.0),
            );
        }
    }
    for t in &plan.themes {
        let theme = &t.id.value.0;
        if let Some(id) = &t.trekker {
            push(Kind::Person, id, format!("trekker of theme `{theme}`"));
        }
        if let Some(id) = &t.workgroup {
            push(Kind::Workgroup, id, format!("workgroup of theme `{theme}`"));
        }
        if let Some(id) = &t.board_contact {
            push(
                Kind::Person,
                id,
                format!("board contact of theme `{theme}`"),
            );
        }
        for id in &t.requested_by {
            push(
                Kind::Organisation,
                id,
                format!("requester of theme `{theme}`"),
            );
        }
        walk_goals(&t.goals, None, &mut |g, _| {
            if let Some(id) = &g.owner {
                push(
                    Kind::Person,
                    id,
                    format!("owner of goal `{}`", g.id.value.0),
                );
            }
        });
    }
    for c in &plan.contracts {
        let contract = &c.id.value.0;
        push(
            Kind::Organisation,
            &c.insurer,
            format!("insurer of contract `{contract}`"),
        );
        for id in &c.co_insurers {
            push(
                Kind::Organisation,
                id,
                format!("co-insurer of contract `{contract}`"),
            );
        }
        for r in &c.result_agreements {
            for id in &r.goals {
                push(
                    Kind::Goal,
                    id,
                    format!("goal of a result agreement of contract `{contract}`"),
                );
            }
        }
    }
    for m in &plan.modules {
        if let Some(id) = &m.contract {
            push(
                Kind::Contract,
                id,
                format!("contract of module `{}`", m.id.value.0),
            );
        }
        for id in &m.themes {
            push(
                Kind::Theme,
                id,
                format!("theme of module `{}`", m.id.value.0),
            );
        }
    }
    for s in &plan.services {
        for id in &s.themes {
            push(
                Kind::Theme,
                id,
                format!("theme of service `{}`", s.id.value.0),
            );
        }
    }
    for n in &plan.neighbourhoods {
        if let Some(id) = &n.manager {
            push(
                Kind::Person,
                id,
                format!("wijkmanager of neighbourhood `{}`", n.id.value.0),
            );
        }
        for id in &n.modules {
            push(
                Kind::Module,
                id,
                format!("module in neighbourhood `{}`", n.id.value.0),
            );
        }
    }
    for p in &plan.programmes {
        let programme = &p.id.value.0;
        for id in &p.partners {
            push(
                Kind::Organisation,
                id,
                format!("partner of programme `{programme}`"),
            );
        }
        for id in &p.themes {
            push(Kind::Theme, id, format!("theme of programme `{programme}`"));
        }
        for id in &p.goals {
            push(Kind::Goal, id, format!("goal of programme `{programme}`"));
        }
    }
    for f in &plan.funding {
        push(
            Kind::Organisation,
            &f.payer,
            "payer of a funding line".into(),
        );
        push(
            Kind::Organisation,
            &f.recipient,
            "recipient of a funding line".into(),
        );
        if let Some(id) = &f.programme {
            push(Kind::Programme, id, "programme of a funding line".into());
        }
    }
    out
}
