//! Themes (`RP30x`): every theme the region takes up has a trekker, a workgroup and a board
//! contact, as the seed regions require ("elk thema heeft een trekker, een werkgroep en een
//! aanspreekpunt binnen het dagelijks bestuur").

use super::{Context, Rule, RuleInfo};
use crate::diagnostic::Diagnostic;
use crate::diagnostic::Severity::Warning;
use crate::plan::raw::Strategic;

pub static THEME_WITHOUT_TREKKER: RuleInfo = RuleInfo {
    code: "RP301",
    name: "theme-without-trekker",
    severity: Warning,
    summary: "A theme the region takes up (`strategic: regional`) has no trekker.",
    why: "The trekker takes the lead on a theme; without one nobody answers for its goals. \
          Themes left to the members (`left_to_members`) or undecided need none.",
    bad: "- id: ggz\n  name: GGZ\n  strategic: regional\n  workgroup: wg-ggz\n  board_contact: f.francke\n",
    good: "- id: ggz\n  name: GGZ\n  strategic: regional\n  trekker: a.bakker\n  workgroup: wg-ggz\n  board_contact: f.francke\n",
};

pub static THEME_WITHOUT_WORKGROUP: RuleInfo = RuleInfo {
    code: "RP302",
    name: "theme-without-workgroup",
    severity: Warning,
    summary: "A theme the region takes up has no workgroup.",
    why: "The workgroup does the work of a theme; a theme without one has a lead but no hands.",
    bad: "- id: ggz\n  strategic: regional\n  trekker: a.bakker\n  board_contact: f.francke\n",
    good: "- id: ggz\n  strategic: regional\n  trekker: a.bakker\n  workgroup: wg-ggz\n  board_contact: f.francke\n",
};

pub static THEME_WITHOUT_BOARD_CONTACT: RuleInfo = RuleInfo {
    code: "RP303",
    name: "theme-without-board-contact",
    severity: Warning,
    summary: "A theme the region takes up has no contact in the dagelijks bestuur.",
    why: "The board contact (aanspreekpunt) carries the theme into the board's decisions.",
    bad: "- id: ggz\n  strategic: regional\n  trekker: a.bakker\n  workgroup: wg-ggz\n",
    good: "- id: ggz\n  strategic: regional\n  trekker: a.bakker\n  workgroup: wg-ggz\n  board_contact: f.francke\n",
};

/// The theme rules.
pub struct Themes;

impl Rule for Themes {
    fn infos(&self) -> &'static [&'static RuleInfo] {
        static INFOS: &[&RuleInfo] = &[
            &THEME_WITHOUT_TREKKER,
            &THEME_WITHOUT_WORKGROUP,
            &THEME_WITHOUT_BOARD_CONTACT,
        ];
        INFOS
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        for theme in cx
            .plan
            .themes
            .iter()
            .filter(|t| t.strategic.value == Strategic::Regional)
        {
            let id = &theme.id.value.0;
            let missing = [
                (
                    theme.trekker.is_none(),
                    &THEME_WITHOUT_TREKKER,
                    "trekker",
                    "trekker: <person id>",
                ),
                (
                    theme.workgroup.is_none(),
                    &THEME_WITHOUT_WORKGROUP,
                    "workgroup",
                    "workgroup: <workgroup id>",
                ),
                (
                    theme.board_contact.is_none(),
                    &THEME_WITHOUT_BOARD_CONTACT,
                    "board contact",
                    "board_contact: <person id>",
                ),
            ];
            for (absent, rule, role, key) in missing {
                if absent {
                    out.push(
                        Diagnostic::new(rule, theme.id.span, format!("theme `{id}` has no {role}"))
                            .label(format!("no {role}"))
                            .help(format!("add `{key}`, or set `strategic: left_to_members` if the region does not take the theme up")),
                    );
                }
            }
        }
    }
}
