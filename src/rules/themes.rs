//! Themes (`RP30x`): every theme the region takes up has a trekker, a workgroup and a board
//! contact, as the seed regions require ("elk thema heeft een trekker, een werkgroep en een
//! aanspreekpunt binnen het dagelijks bestuur").

use super::{Context, Pruning, Rule, RuleInfo};
use crate::diagnostic::Diagnostic;
use crate::judge::roles::{self, Role};
use crate::lang::{Label, Plain};
use crate::msg;

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
        Role::Trekker => (
            &THEME_WITHOUT_TREKKER,
            Label {
                en: "trekker",
                nl: "trekker",
            },
            msg!(
                "`trekker: <person id>`, the person who leads the theme",
                "`trekker: <id van een persoon>`, de persoon die het thema leidt"
            ),
        ),
        Role::Workgroup => (
            &THEME_WITHOUT_WORKGROUP,
            Label {
                en: "workgroup",
                nl: "werkgroep",
            },
            msg!(
                "`workgroup: <workgroup id>`, the workgroup that does the work",
                "`workgroup: <id van een werkgroep>`, de werkgroep die het werk doet"
            ),
        ),
        Role::BoardContact => (
            &THEME_WITHOUT_BOARD_CONTACT,
            Label {
                en: "board contact",
                nl: "aanspreekpunt in het dagelijks bestuur",
            },
            msg!(
                "`board_contact: <person id>`, the member of the dagelijks bestuur who speaks for \
                 the theme",
                "`board_contact: <id van een persoon>`, het lid van het dagelijks bestuur dat \
                 aanspreekpunt is voor het thema"
            ),
        ),
        // A theme without goals is a gap (`regioplan gaps`), not a rule.
        Role::Goals => return,
    };
    for theme in &cx.plan.themes {
        if roles::lacks(theme, role) {
            out.push(
                Diagnostic::new(
                    which,
                    theme.id.span,
                    msg!(
                        "theme `{id}` has no {noun}",
                        "thema `{id}` heeft geen {noun}",
                        id = Plain(&theme.id.value.0),
                        noun = noun,
                    ),
                )
                .label(msg!("no {noun}", "geen {noun}", noun = noun))
                .help(msg!(
                    "under the theme, add {key}; if the region leaves the theme to its members, \
                     write `strategic: left_to_members` instead",
                    "schrijf onder het thema {key}; laat de regio het thema aan de leden over, \
                     schrijf dan `strategic: left_to_members`",
                    key = key,
                )),
            );
        }
    }
}
