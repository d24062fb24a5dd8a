//! Themes (`RP30x`): every theme the region takes up has a trekker, a workgroup and a board
//! contact, as the seed regions require ("elk thema heeft een trekker, een werkgroep en een
//! aanspreekpunt binnen het dagelijks bestuur").

use super::{Context, Pruning, Rule, RuleInfo};
use crate::diagnostic::Diagnostic;
use crate::judge::roles::{self, Role};

pub static THEME_WITHOUT_TREKKER: Rule = Rule {
    info: RuleInfo {
        code: "RP301",
        name: "theme-without-trekker",
        severity: Role::Trekker.severity(),
        summary: crate::lang::Label {
            en: "A theme the region takes up (`strategic: regional`) has no trekker.",
            nl: "Een thema dat de regio oppakt (`strategic: regional`), heeft geen trekker.",
        },
        why: crate::lang::Label {
            en: "The trekker takes the lead on a theme; without one nobody answers for its goals. \
                 Themes left to the members (`left_to_members`) or undecided need none.",
            nl: "De trekker neemt de leiding over een thema; zonder trekker staat niemand in voor \
                 de doelen. Thema's die aan de leden zijn gelaten (`left_to_members`) of waarover \
                 nog niet is besloten, hebben er geen nodig.",
        },
        bad: "- id: ggz\n  name: GGZ\n  strategic: regional\n  workgroup: wg-ggz\n  board_contact: f.francke\n",
        good: "- id: ggz\n  name: GGZ\n  strategic: regional\n  trekker: a.bakker\n  workgroup: wg-ggz\n  board_contact: f.francke\n",
        fix: super::FIX_NONE,
    },
    check: Some(|cx, out| missing_role(cx, Role::Trekker, out)),
    pruning: Pruning::Absence,
};

pub static THEME_WITHOUT_WORKGROUP: Rule = Rule {
    info: RuleInfo {
        code: "RP302",
        name: "theme-without-workgroup",
        severity: Role::Workgroup.severity(),
        summary: crate::lang::Label {
            en: "A theme the region takes up has no workgroup.",
            nl: "Een thema dat de regio oppakt, heeft geen werkgroep.",
        },
        why: crate::lang::Label {
            en: "The workgroup does the work of a theme; a theme without one has a lead but no \
                 hands.",
            nl: "De werkgroep doet het werk van een thema; een thema zonder werkgroep heeft een \
                 leider, maar geen handen.",
        },
        bad: "- id: ggz\n  strategic: regional\n  trekker: a.bakker\n  board_contact: f.francke\n",
        good: "- id: ggz\n  strategic: regional\n  trekker: a.bakker\n  workgroup: wg-ggz\n  board_contact: f.francke\n",
        fix: super::FIX_NONE,
    },
    check: Some(|cx, out| missing_role(cx, Role::Workgroup, out)),
    pruning: Pruning::Absence,
};

pub static THEME_WITHOUT_BOARD_CONTACT: Rule = Rule {
    info: RuleInfo {
        code: "RP303",
        name: "theme-without-board-contact",
        severity: Role::BoardContact.severity(),
        summary: crate::lang::Label {
            en: "A theme the region takes up has no contact in the dagelijks bestuur.",
            nl: "Een thema dat de regio oppakt, heeft geen aanspreekpunt in het dagelijks \
                 bestuur.",
        },
        why: crate::lang::Label {
            en: "The board contact (aanspreekpunt) carries the theme into the board's decisions.",
            nl: "Het aanspreekpunt in het bestuur brengt het thema in bij de besluiten van het \
                 bestuur.",
        },
        bad: "- id: ggz\n  strategic: regional\n  trekker: a.bakker\n  workgroup: wg-ggz\n",
        good: "- id: ggz\n  strategic: regional\n  trekker: a.bakker\n  workgroup: wg-ggz\n  board_contact: f.francke\n",
        fix: super::FIX_NONE,
    },
    check: Some(|cx, out| missing_role(cx, Role::BoardContact, out)),
    pruning: Pruning::Absence,
};

/// RP301-RP303: themes the region takes up without the given role.
fn missing_role(cx: &Context<'_>, role: Role, out: &mut Vec<Diagnostic>) {
    let (which, noun, key) = match role {
        Role::Trekker => (&THEME_WITHOUT_TREKKER, "trekker", "trekker: <person id>"),
        Role::Workgroup => (
            &THEME_WITHOUT_WORKGROUP,
            "workgroup",
            "workgroup: <workgroup id>",
        ),
        Role::BoardContact => (
            &THEME_WITHOUT_BOARD_CONTACT,
            "board contact",
            "board_contact: <person id>",
        ),
        // A theme without goals is a gap (`regioplan gaps`), not a rule.
        Role::Goals => return,
    };
    for theme in &cx.plan.themes {
        if roles::lacks(theme, role) {
            out.push(
                Diagnostic::new(which, theme.id.span, format!("theme `{}` has no {noun}", theme.id.value.0))
                    .label(format!("no {noun}"))
                    .help(format!("add `{key}`, or set `strategic: left_to_members` if the region does not take the theme up")),
            );
        }
    }
}
