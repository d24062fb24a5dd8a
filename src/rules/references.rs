//! Ids and references (`RP1xx`): every id defined once, every reference resolves.

use super::{Context, Pruning, Rule, RuleInfo, did_you_mean, same_name};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Severity::{Error, Warning};
use crate::lang::{Label, List, Message, Plain};
use crate::msg;
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
    /// What the reference is, e.g. "trekker of theme `ggz`", in both languages.
    pub role: Message,
}

/// The words for one kind of thing in both languages: the noun, its plural and the noun with
/// "unknown" (Dutch adjectives take an `-e` before a de-word only: `onbekende persoon`,
/// `onbekend thema`).
/// The words for a kind of thing an id names, in both languages.
pub(crate) struct Words {
    pub one: Label,
    pub many: Label,
    pub unknown: Label,
}

const fn label(en: &'static str, nl: &'static str) -> Label {
    Label { en, nl }
}

pub(crate) fn words(kind: Kind) -> Words {
    let (one, many, unknown) = match kind {
        Kind::Person => (
            label("person", "persoon"),
            label("people", "personen"),
            label("unknown person", "onbekende persoon"),
        ),
        Kind::Organisation => (
            label("organisation", "organisatie"),
            label("organisations", "organisaties"),
            label("unknown organisation", "onbekende organisatie"),
        ),
        Kind::GovernanceBody => (
            label("governance body", "bestuursorgaan"),
            label("governance bodies", "bestuursorganen"),
            label("unknown governance body", "onbekend bestuursorgaan"),
        ),
        Kind::Workgroup => (
            label("workgroup", "werkgroep"),
            label("workgroups", "werkgroepen"),
            label("unknown workgroup", "onbekende werkgroep"),
        ),
        Kind::Theme => (
            label("theme", "thema"),
            label("themes", "thema's"),
            label("unknown theme", "onbekend thema"),
        ),
        Kind::Goal => (
            label("goal", "doel"),
            label("goals", "doelen"),
            label("unknown goal", "onbekend doel"),
        ),
        Kind::Contract => (
            label("contract", "contract"),
            label("contracts", "contracten"),
            label("unknown contract", "onbekend contract"),
        ),
        Kind::Module => (
            label("module", "module"),
            label("modules", "modules"),
            label("unknown module", "onbekende module"),
        ),
        Kind::Service => (
            label("service", "dienst"),
            label("services", "diensten"),
            label("unknown service", "onbekende dienst"),
        ),
        Kind::Neighbourhood => (
            label("neighbourhood", "wijk"),
            label("neighbourhoods", "wijken"),
            label("unknown neighbourhood", "onbekende wijk"),
        ),
        Kind::Programme => (
            label("programme", "programma"),
            label("programmes", "programma's"),
            label("unknown programme", "onbekend programma"),
        ),
        Kind::Partnership => (
            label("partnership", "samenwerkingsverband"),
            label("partnerships", "samenwerkingsverbanden"),
            label("unknown partnership", "onbekend samenwerkingsverband"),
        ),
    };
    Words { one, many, unknown }
}

/// RP102-RP111 (but RP106): the references of one kind that resolve to nothing.
fn unknown_references(cx: &Context<'_>, rule: &Rule, out: &mut Vec<Diagnostic>) {
    let references = cx.references.get_or_init(|| references(cx.plan));
    for r in references {
        if rule_for(r.kind).code != rule.code || cx.index.get(r.kind, &r.id.value.0).is_some() {
            continue;
        }
        let w = words(r.kind);
        let given = Plain(&r.id.value.0);
        let list = Plain(r.kind.list_key());
        if let Some(id) = id_named(cx.plan, r.kind, &r.id.value.0) {
            out.push(
                Diagnostic::new(
                    rule,
                    r.id.span,
                    msg!(
                        "{unknown} `{given}` as {role}: this is the name of `{id}`, not its id",
                        "{unknown} `{given}` als {role}: dit is de naam van `{id}`, niet de id",
                        unknown = w.unknown,
                        given = given,
                        role = r.role,
                        id = Plain(id),
                    ),
                )
                .label(msg!("a name, not an id", "een naam, geen id"))
                .help(msg!(
                    "write the id `{id}` here, not the name",
                    "schrijf hier de id `{id}`, niet de naam",
                    id = Plain(id),
                ))
                .replacement(Some(id)),
            );
            continue;
        }
        let suggestion = did_you_mean(&r.id.value.0, cx.index.ids(r.kind));
        let help = match suggestion {
            Some(s) => msg!(
                "did you mean `{s}`? The {many} are listed under `{list}:`",
                "bedoelt u `{s}`? De {many} staan onder `{list}:`",
                s = Plain(s),
                many = w.many,
                list = list,
            ),
            None => msg!(
                "add a {one} with this id under `{list}:`, or correct the id",
                "voeg onder `{list}:` een {one} met deze id toe, of verbeter de id",
                one = w.one,
                list = list,
            ),
        };
        out.push(
            Diagnostic::new(
                rule,
                r.id.span,
                msg!(
                    "{unknown} `{given}` as {role}",
                    "{unknown} `{given}` als {role}",
                    unknown = w.unknown,
                    given = given,
                    role = r.role,
                ),
            )
            .label(msg!(
                "no {one} has this id",
                "geen {one} heeft deze id",
                one = w.one,
            ))
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
                    msg!(
                        "building block `{b}` is assessed twice",
                        "bouwsteen `{b}` is twee keer beoordeeld",
                        b = Plain(&again.block.value.0),
                    ),
                )
                .label(msg!("assessed again here", "hier opnieuw beoordeeld"))
                .secondary(
                    first.span,
                    msg!("first assessed here", "hier voor het eerst beoordeeld"),
                )
                .help(msg!(
                    "keep one assessment per building block: the level that holds now",
                    "houd per bouwsteen één beoordeling over: het niveau dat nu geldt",
                )),
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
                        msg!(
                            "a seat in `{body}` names nobody",
                            "een zetel in `{body}` noemt niemand",
                            body = Plain(&body.id.value.0),
                        ),
                    )
                    .label(msg!(
                        "no person, organisation or neighbourhood",
                        "geen persoon, organisatie of wijk",
                    ))
                    .help(msg!(
                        "say who holds the seat: add `person:`, `organisation:` or \
                         `neighbourhood:` with an id",
                        "zeg wie de zetel bezet: voeg `person:`, `organisation:` of \
                         `neighbourhood:` met een id toe",
                    )),
                );
            }
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
            let w = words(def.kind);
            out.push(
                Diagnostic::new(
                    &DUPLICATE_ID,
                    def.span,
                    msg!(
                        "the id `{id}` is used for more than one {one}",
                        "de id `{id}` is voor meer dan één {one} gebruikt",
                        id = Plain(def.id),
                        one = w.one,
                    ),
                )
                .label(msg!("used again here", "hier opnieuw gebruikt"))
                .secondary(
                    first,
                    msg!("first used here", "hier voor het eerst gebruikt"),
                )
                .help(msg!(
                    "give these {many} different ids, so that a reference can say which one \
                     is meant",
                    "geef deze {many} verschillende id's, zodat een verwijzing kan zeggen welke \
                     bedoeld is",
                    many = w.many,
                )),
            );
        }
    }
}

/// RP106: building blocks that are not in the catalogue.
fn unknown_building_blocks(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let mut refs: Vec<(&S<Id>, Message)> = Vec::new();
    for t in &cx.plan.themes {
        refs.extend(t.building_blocks.iter().map(|b| {
            (
                b,
                msg!(
                    "building block of theme `{t}`",
                    "bouwsteen van thema `{t}`",
                    t = Plain(&t.id.value.0),
                ),
            )
        }));
        walk_goals(&t.goals, None, &mut |g, _| {
            refs.extend(g.building_blocks.iter().map(|b| {
                (
                    b,
                    msg!(
                        "building block of goal `{g}`",
                        "bouwsteen van doel `{g}`",
                        g = Plain(&g.id.value.0),
                    ),
                )
            }));
        });
    }
    refs.extend(cx.plan.building_blocks.iter().map(|a| {
        (
            &a.block,
            msg!("assessed building block", "beoordeelde bouwsteen"),
        )
    }));
    for (id, role) in refs {
        if cx.catalogue.ids().any(|c| c == id.value.0) {
            continue;
        }
        let found = Diagnostic::new(
            &UNKNOWN_BUILDING_BLOCK,
            id.span,
            msg!(
                "unknown building block `{b}` as {role}",
                "onbekende bouwsteen `{b}` als {role}",
                b = Plain(&id.value.0),
                role = role,
            ),
        )
        .label(msg!("not in the catalogue", "staat niet in de catalogus"));
        out.push(match did_you_mean(&id.value.0, cx.catalogue.ids()) {
            Some(s) => found.did_you_mean(s),
            None => found.help(msg!(
                "write one of the building blocks of the catalogue: {ids}",
                "schrijf een van de bouwstenen uit de catalogus: {ids}",
                ids = List(cx.catalogue.ids().map(|i| format!("`{i}`")).collect()),
            )),
        });
    }
}

/// Every reference in a plan, with what it is.
#[must_use]
#[allow(clippy::too_many_lines)] // one entry per kind of reference in the plan format
pub fn references<'a>(plan: &'a Plan) -> Vec<Ref<'a>> {
    let mut out: Vec<Ref<'a>> = Vec::new();
    let mut push = |kind: Kind, id: &'a S<Id>, role: Message| out.push(Ref { kind, id, role });
    let region = &plan.region;
    if let Some(id) = &region.organisation {
        push(
            Kind::Organisation,
            id,
            msg!(
                "the organisation of the region",
                "de organisatie van de regio"
            ),
        );
    }
    if let Some(id) = &region.preferred_insurer {
        push(
            Kind::Organisation,
            id,
            msg!(
                "preferred insurer of the region",
                "voorkeurszorgverzekeraar van de regio"
            ),
        );
    }
    if let Some(info) = &plan.plan
        && let Some(id) = &info.adopted_by
    {
        push(
            Kind::GovernanceBody,
            id,
            msg!(
                "body that adopted the plan",
                "orgaan dat het plan heeft vastgesteld"
            ),
        );
    }
    for m in &region.mandates {
        if let Some(id) = &m.given_by {
            push(
                Kind::GovernanceBody,
                id,
                msg!("body that gave a mandate", "orgaan dat een mandaat gaf"),
            );
        }
    }
    for o in &plan.organisations {
        if let Some(id) = &o.merged_into {
            push(
                Kind::Organisation,
                id,
                msg!(
                    "organisation that `{o}` merged into",
                    "organisatie waarin `{o}` is opgegaan",
                    o = Plain(&o.id.value.0),
                ),
            );
        }
    }
    for p in &plan.priorities {
        // A year as written, never grouped (`Year` takes an `i32`; this one is any `u64`).
        let year = Plain(p.year.value);
        for id in &p.themes {
            push(
                Kind::Theme,
                id,
                msg!(
                    "speerpunt theme of {year}",
                    "speerpuntthema van {year}",
                    year = year
                ),
            );
        }
        for id in &p.goals {
            push(
                Kind::Goal,
                id,
                msg!(
                    "speerpunt goal of {year}",
                    "speerpuntdoel van {year}",
                    year = year
                ),
            );
        }
    }
    for p in &plan.partnerships {
        let partnership = Plain(&p.id.value.0);
        for id in &p.members {
            push(
                Kind::Organisation,
                id,
                msg!(
                    "member of partnership `{p}`",
                    "lid van samenwerkingsverband `{p}`",
                    p = partnership
                ),
            );
        }
        for id in &p.themes {
            push(
                Kind::Theme,
                id,
                msg!(
                    "theme of partnership `{p}`",
                    "thema van samenwerkingsverband `{p}`",
                    p = partnership
                ),
            );
        }
    }
    if let Some(ambition) = &plan.period.ambition {
        for id in &ambition.partners {
            push(
                Kind::Organisation,
                id,
                msg!("partner in the ambition", "partner in de ambitie"),
            );
        }
    }
    for p in &plan.people {
        let person = Plain(&p.id.value.0);
        if let Some(id) = &p.organisation {
            push(
                Kind::Organisation,
                id,
                msg!(
                    "organisation of person `{p}`",
                    "organisatie van persoon `{p}`",
                    p = person
                ),
            );
        }
        for r in &p.roles {
            if let Some(id) = &r.organisation {
                push(
                    Kind::Organisation,
                    id,
                    msg!(
                        "organisation of a role of person `{p}`",
                        "organisatie van een rol van persoon `{p}`",
                        p = person
                    ),
                );
            }
            if let Some(id) = &r.body {
                push(
                    Kind::GovernanceBody,
                    id,
                    msg!(
                        "body of a role of person `{p}`",
                        "orgaan van een rol van persoon `{p}`",
                        p = person
                    ),
                );
            }
        }
    }
    for b in &plan.governance {
        let body = Plain(&b.id.value.0);
        if let Some(id) = &b.programme {
            push(
                Kind::Programme,
                id,
                msg!(
                    "programme of governance body `{b}`",
                    "programma van bestuursorgaan `{b}`",
                    b = body
                ),
            );
        }
        for m in &b.members {
            let member = || {
                msg!(
                    "member of governance body `{b}`",
                    "lid van bestuursorgaan `{b}`",
                    b = body
                )
            };
            if let Some(id) = &m.person {
                push(Kind::Person, id, member());
            }
            if let Some(id) = &m.organisation {
                push(Kind::Organisation, id, member());
            }
            if let Some(id) = &m.neighbourhood {
                push(Kind::Neighbourhood, id, member());
            }
        }
    }
    for w in &plan.workgroups {
        for id in &w.members {
            push(
                Kind::Person,
                id,
                msg!(
                    "member of workgroup `{w}`",
                    "lid van werkgroep `{w}`",
                    w = Plain(&w.id.value.0)
                ),
            );
        }
    }
    for t in &plan.themes {
        let theme = Plain(&t.id.value.0);
        if let Some(id) = &t.trekker {
            push(
                Kind::Person,
                id,
                msg!(
                    "trekker of theme `{t}`",
                    "trekker van thema `{t}`",
                    t = theme
                ),
            );
        }
        if let Some(id) = &t.workgroup {
            push(
                Kind::Workgroup,
                id,
                msg!(
                    "workgroup of theme `{t}`",
                    "werkgroep van thema `{t}`",
                    t = theme
                ),
            );
        }
        if let Some(id) = &t.board_contact {
            push(
                Kind::Person,
                id,
                msg!(
                    "board contact of theme `{t}`",
                    "bestuurlijk aanspreekpunt van thema `{t}`",
                    t = theme
                ),
            );
        }
        for id in &t.requested_by {
            push(
                Kind::Organisation,
                id,
                msg!(
                    "requester of theme `{t}`",
                    "aanvrager van thema `{t}`",
                    t = theme
                ),
            );
        }
        walk_goals(&t.goals, None, &mut |g, _| {
            if let Some(id) = &g.owner {
                push(
                    Kind::Person,
                    id,
                    msg!(
                        "owner of goal `{g}`",
                        "eigenaar van doel `{g}`",
                        g = Plain(&g.id.value.0)
                    ),
                );
            }
        });
    }
    for c in &plan.contracts {
        let contract = Plain(&c.id.value.0);
        push(
            Kind::Organisation,
            &c.insurer,
            msg!(
                "insurer of contract `{c}`",
                "zorgverzekeraar van contract `{c}`",
                c = contract
            ),
        );
        for id in &c.co_insurers {
            push(
                Kind::Organisation,
                id,
                msg!(
                    "co-insurer of contract `{c}`",
                    "medeverzekeraar van contract `{c}`",
                    c = contract
                ),
            );
        }
        for r in &c.result_agreements {
            for id in &r.goals {
                push(
                    Kind::Goal,
                    id,
                    msg!(
                        "goal of a result agreement of contract `{c}`",
                        "doel van een resultaatafspraak in contract `{c}`",
                        c = contract
                    ),
                );
            }
        }
    }
    for m in &plan.modules {
        let module = Plain(&m.id.value.0);
        if let Some(id) = &m.contract {
            push(
                Kind::Contract,
                id,
                msg!(
                    "contract of module `{m}`",
                    "contract van module `{m}`",
                    m = module
                ),
            );
        }
        for id in &m.themes {
            push(
                Kind::Theme,
                id,
                msg!(
                    "theme of module `{m}`",
                    "thema van module `{m}`",
                    m = module
                ),
            );
        }
    }
    for s in &plan.services {
        for id in &s.themes {
            push(
                Kind::Theme,
                id,
                msg!(
                    "theme of service `{s}`",
                    "thema van dienst `{s}`",
                    s = Plain(&s.id.value.0)
                ),
            );
        }
    }
    for n in &plan.neighbourhoods {
        let neighbourhood = Plain(&n.id.value.0);
        if let Some(id) = &n.manager {
            push(
                Kind::Person,
                id,
                msg!(
                    "wijkmanager of neighbourhood `{n}`",
                    "wijkmanager van wijk `{n}`",
                    n = neighbourhood
                ),
            );
        }
        for id in &n.modules {
            push(
                Kind::Module,
                id,
                msg!(
                    "module in neighbourhood `{n}`",
                    "module in wijk `{n}`",
                    n = neighbourhood
                ),
            );
        }
    }
    for p in &plan.programmes {
        let programme = Plain(&p.id.value.0);
        for id in &p.partners {
            push(
                Kind::Organisation,
                id,
                msg!(
                    "partner of programme `{p}`",
                    "partner van programma `{p}`",
                    p = programme
                ),
            );
        }
        for id in &p.themes {
            push(
                Kind::Theme,
                id,
                msg!(
                    "theme of programme `{p}`",
                    "thema van programma `{p}`",
                    p = programme
                ),
            );
        }
        for id in &p.goals {
            push(
                Kind::Goal,
                id,
                msg!(
                    "goal of programme `{p}`",
                    "doel van programma `{p}`",
                    p = programme
                ),
            );
        }
    }
    for f in &plan.funding {
        push(
            Kind::Organisation,
            &f.payer,
            msg!(
                "payer of a funding line",
                "betaler van een financieringspost"
            ),
        );
        push(
            Kind::Organisation,
            &f.recipient,
            msg!(
                "recipient of a funding line",
                "ontvanger van een financieringspost"
            ),
        );
        if let Some(id) = &f.programme {
            push(
                Kind::Programme,
                id,
                msg!(
                    "programme of a funding line",
                    "programma van een financieringspost"
                ),
            );
        }
    }
    out
}
