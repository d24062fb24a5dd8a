//! Themes (`RP30x`): every theme the region takes up has a trekker, a workgroup and a board
//! contact, as the seed regions require ("elk thema heeft een trekker, een werkgroep en een
//! aanspreekpunt binnen het dagelijks bestuur").

use super::{Context, Pruning, Rule, RuleInfo};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Severity::Warning;
use crate::plan::raw::Strategic;

pub static THEME_WITHOUT_TREKKER: Rule = Rule {
    info: RuleInfo {
        code: "RP301",
        name: "theme-without-trekker",
        severity: Warning,
        summary: "A theme the region takes up (`strategic: regional`) has no trekker.",
        why: "The trekker takes the lead on a theme; without one nobody answers for its goals. \
              Themes left to the members (`left_to_members`) or undecided need none.",
        bad: "- id: ggz\n  name: GGZ\n  strategic: regional\n  workgroup: wg-ggz\n  board_contact: f.francke\n",
        good: "- id: ggz\n  name: GGZ\n  strategic: regional\n  trekker: a.bakker\n  workgroup: wg-ggz\n  board_contact: f.francke\n",
        fix: "None: the plan says too little or contradicts itself, and only a person knows what is right. Unsafe: a suppression, `# regioplan: ignore[CODE] <reason>` on a line above, whose placeholder reason RP902 reports until a person writes one.",
    },
    check: Some(|cx, out| missing_role(cx, Role::Trekker, out)),
    pruning: Pruning::Absence,
};

pub static THEME_WITHOUT_WORKGROUP: Rule = Rule {
    info: RuleInfo {
        code: "RP302",
        name: "theme-without-workgroup",
        severity: Warning,
        summary: "A theme the region takes up has no workgroup.",
        why: "The workgroup does the work of a theme; a theme without one has a lead but no hands.",
        bad: "- id: ggz\n  strategic: regional\n  trekker: a.bakker\n  board_contact: f.francke\n",
        good: "- id: ggz\n  strategic: regional\n  trekker: a.bakker\n  workgroup: wg-ggz\n  board_contact: f.francke\n",
        fix: "None: the plan says too little or contradicts itself, and only a person knows what is right. Unsafe: a suppression, `# regioplan: ignore[CODE] <reason>` on a line above, whose placeholder reason RP902 reports until a person writes one.",
    },
    check: Some(|cx, out| missing_role(cx, Role::Workgroup, out)),
    pruning: Pruning::Absence,
};

pub static THEME_WITHOUT_BOARD_CONTACT: Rule = Rule {
    info: RuleInfo {
        code: "RP303",
        name: "theme-without-board-contact",
        severity: Warning,
        summary: "A theme the region takes up has no contact in the dagelijks bestuur.",
        why: "The board contact (aanspreekpunt) carries the theme into the board's decisions.",
        bad: "- id: ggz\n  strategic: regional\n  trekker: a.bakker\n  workgroup: wg-ggz\n",
        good: "- id: ggz\n  strategic: regional\n  trekker: a.bakker\n  workgroup: wg-ggz\n  board_contact: f.francke\n",
        fix: "None: the plan says too little or contradicts itself, and only a person knows what is right. Unsafe: a suppression, `# regioplan: ignore[CODE] <reason>` on a line above, whose placeholder reason RP902 reports until a person writes one.",
    },
    check: Some(|cx, out| missing_role(cx, Role::BoardContact, out)),
    pruning: Pruning::Absence,
};

/// The theme rules.
/// The roles every theme the region takes up needs.
#[derive(Clone, Copy)]
enum Role {
    Trekker,
    Workgroup,
    BoardContact,
}

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
    };
    for theme in cx
        .plan
        .themes
        .iter()
        .filter(|t| t.strategic.value == Strategic::Regional)
    {
        let absent = match role {
            Role::Trekker => theme.trekker.is_none(),
            Role::Workgroup => theme.workgroup.is_none(),
            Role::BoardContact => theme.board_contact.is_none(),
        };
        if absent {
            out.push(
                Diagnostic::new(which, theme.id.span, format!("theme `{}` has no {noun}", theme.id.value.0))
                    .label(format!("no {noun}"))
                    .help(format!("add `{key}`, or set `strategic: left_to_members` if the region does not take the theme up")),
            );
        }
    }
}
