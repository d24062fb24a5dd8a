//! Governance (`RP5xx`): someone takes the decisions.

use super::{Context, Pruning, Rule, RuleInfo};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Severity::{Error, Warning};
use crate::diagnostic::Span;
use crate::lang::Plain;
use crate::msg;
use crate::plan::raw::{BodyKind, GovernanceBody};

pub static NO_DECIDING_BODY: Rule = Rule {
    info: RuleInfo {
        code: "RP501",
        name: "no-deciding-body",
        severity: Error,
        summary: crate::lang::Label {
            en: "No governance body takes formal decisions.",
            nl: "Geen bestuursorgaan neemt formele besluiten.",
        },
        why: crate::lang::Label {
            en: "A regional organisation contracts and speaks for all practices; insurers (CZ \
                 asks for a mandate) and members need to know which body decides. An algemeen \
                 bestuur or bestuur decides unless `takes_decisions: false`; other bodies only \
                 with `takes_decisions: true`.",
            nl: "Een regionale organisatie contracteert en spreekt voor alle praktijken; \
                 zorgverzekeraars (CZ vraagt om een mandaat) en leden moeten weten welk orgaan \
                 beslist. Een algemeen bestuur of bestuur beslist, tenzij `takes_decisions: \
                 false`; andere organen alleen met `takes_decisions: true`.",
        },
        bad: "governance:\n  - id: db\n    name: Dagelijks bestuur\n    kind: dagelijks_bestuur\n",
        good: "governance:\n  - id: ab\n    name: Algemeen bestuur\n    kind: algemeen_bestuur\n  - id: db\n    name: Dagelijks bestuur\n    kind: dagelijks_bestuur\n",
        fix: super::FIX_NONE,
    },
    check: Some(no_deciding_body),
    pruning: Pruning::Section("governance"),
};

pub static BOARD_CONTACT_WITHOUT_SEAT: Rule = Rule {
    info: RuleInfo {
        code: "RP502",
        name: "board-contact-without-seat",
        severity: Warning,
        summary: crate::lang::Label {
            en: "A theme's board contact who has no seat in the dagelijks bestuur.",
            nl: "Het aanspreekpunt van een thema heeft geen zetel in het dagelijks bestuur.",
        },
        why: crate::lang::Label {
            en: "Each theme has an aanspreekpunt in the dagelijks bestuur: the person who carries \
                 the theme in the board. A contact outside it (often someone who left the board) \
                 leaves the theme without a voice there. Checked only when the plan lists the \
                 members of a dagelijks bestuur.",
            nl: "Elk thema heeft een aanspreekpunt in het dagelijks bestuur: de persoon die het \
                 thema in het bestuur vertegenwoordigt. Een aanspreekpunt daarbuiten (vaak iemand \
                 die uit het bestuur is vertrokken) laat het thema daar zonder stem. Alleen \
                 gecontroleerd als het plan de leden van een dagelijks bestuur noemt.",
        },
        bad: "governance:\n  - id: db\n    kind: dagelijks_bestuur\n    members: [{person: f.francke}]\nthemes:\n  - id: ggz\n    board_contact: a.bakker\n",
        good: "governance:\n  - id: db\n    kind: dagelijks_bestuur\n    members: [{person: f.francke}]\nthemes:\n  - id: ggz\n    board_contact: f.francke\n",
        fix: super::FIX_NONE,
    },
    check: Some(board_contacts_without_seat),
    pruning: Pruning::Section("governance"),
};

/// RP502: board contacts of themes who sit in no dagelijks bestuur, when the plan lists one
/// with people in it.
fn board_contacts_without_seat(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let boards: Vec<&GovernanceBody> = cx
        .plan
        .governance
        .iter()
        .filter(|b| b.kind.value == BodyKind::DagelijksBestuur)
        .collect();
    let seated: std::collections::HashSet<&str> = boards
        .iter()
        .flat_map(|b| &b.members)
        .filter_map(|m| m.person.as_ref())
        .map(|p| p.value.0.as_str())
        .collect();
    let Some(board) = boards.first() else { return };
    if seated.is_empty() {
        return;
    }
    for theme in &cx.plan.themes {
        let Some(contact) = &theme.board_contact else {
            continue;
        };
        if cx
            .index
            .get(crate::plan::index::Kind::Person, &contact.value.0)
            .is_none()
            || seated.contains(&contact.value.0.as_str())
        {
            continue;
        }
        out.push(
            Diagnostic::new(
                &BOARD_CONTACT_WITHOUT_SEAT,
                contact.span,
                msg!(
                    "`{person}`, board contact of theme `{theme}`, has no seat in the dagelijks \
                     bestuur",
                    "`{person}`, aanspreekpunt van thema `{theme}`, heeft geen zetel in het \
                     dagelijks bestuur",
                    person = Plain(&contact.value.0),
                    theme = Plain(&theme.id.value.0),
                ),
            )
            .label(msg!(
                "not in the dagelijks bestuur",
                "niet in het dagelijks bestuur"
            ))
            .secondary(
                board.id.span,
                msg!("the dagelijks bestuur", "het dagelijks bestuur"),
            )
            .help(msg!(
                "write a member of `{board}` as `board_contact`, or add `{person}` to the \
                 `members` of `{board}`",
                "schrijf bij `board_contact` een lid van `{board}`, of voeg `{person}` toe aan \
                 de `members` van `{board}`",
                board = Plain(&board.id.value.0),
                person = Plain(&contact.value.0),
            )),
        );
    }
}

/// Whether a body takes formal decisions: explicit, or by its kind.
/// RP501: no governance body takes formal decisions.
fn no_deciding_body(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    if cx
        .plan
        .governance
        .iter()
        .any(GovernanceBody::takes_decisions)
    {
        return;
    }
    let at = cx
        .tree
        .spans("/governance")
        .map_or(Span::default(), |n| n.key.unwrap_or(n.value));
    let message = if cx.plan.governance.is_empty() {
        msg!(
            "the plan lists no governance bodies",
            "het plan noemt geen bestuursorganen"
        )
    } else {
        msg!(
            "no governance body takes formal decisions",
            "geen enkel bestuursorgaan neemt formele besluiten"
        )
    };
    out.push(
        Diagnostic::new(&NO_DECIDING_BODY, at, message)
            .label(msg!("no deciding body", "geen besluitvormend orgaan"))
            .help(msg!(
                "add the body that decides under `governance:`, for example the algemeen \
                 bestuur (`kind: algemeen_bestuur`), or write `takes_decisions: true` on the body \
                 that decides",
                "voeg onder `governance:` het orgaan toe dat besluit, bijvoorbeeld het algemeen \
                 bestuur (`kind: algemeen_bestuur`), of schrijf `takes_decisions: true` bij het \
                 orgaan dat besluit"
            )),
    );
}
