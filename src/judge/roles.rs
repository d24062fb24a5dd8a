//! The roles a theme lacks: every theme the region takes up (`strategic: regional`) needs a
//! trekker who answers for it, a workgroup that does the work, a contact in the dagelijks
//! bestuur who carries it into the board's decisions, and goals. Themes left to the members
//! or undecided need none of them.
//!
//! One enum, [`Role`], names them for the rules (RP301-RP303), the gap analysis and
//! framework requirements (`kind = "theme_role"`); one policy, [`Role::severity`], says how
//! serious each lack is.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::diagnostic::Severity;
use crate::plan::raw::{Strategic, Theme};

/// What a theme the region takes up needs: a trekker, a workgroup, a board contact, and
/// goals (at least one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Trekker,
    Workgroup,
    BoardContact,
    Goals,
}

impl Role {
    /// Every role, in the order a report lists them.
    pub const ALL: [Role; 4] = [
        Role::Trekker,
        Role::Workgroup,
        Role::BoardContact,
        Role::Goals,
    ];

    /// How serious a lack is. A missing trekker, workgroup or board contact is a warning: the
    /// theme's organisation is incomplete, but the plan still says what it will do, and the
    /// plan still loads for `report` and `gaps`. A theme the region takes up without any goal
    /// is an error: the plan promises nothing on it.
    #[must_use]
    pub const fn severity(self) -> Severity {
        match self {
            Role::Trekker | Role::Workgroup | Role::BoardContact => Severity::Warning,
            Role::Goals => Severity::Error,
        }
    }

    /// Whether `theme` has this role filled, whatever its `strategic` choice.
    #[must_use]
    pub fn filled(self, theme: &Theme) -> bool {
        match self {
            Role::Trekker => theme.trekker.is_some(),
            Role::Workgroup => theme.workgroup.is_some(),
            Role::BoardContact => theme.board_contact.is_some(),
            Role::Goals => !theme.goals.is_empty(),
        }
    }
}

/// Whether the region takes `theme` up, so that it needs every [`Role`].
#[must_use]
pub fn needs_roles(theme: &Theme) -> bool {
    theme.strategic.value == Strategic::Regional
}

/// The roles `theme` lacks, in [`Role::ALL`] order; none for a theme the region does not take
/// up.
pub fn lacking(theme: &Theme) -> impl Iterator<Item = Role> + '_ {
    Role::ALL
        .into_iter()
        .filter(move |role| needs_roles(theme) && !role.filled(theme))
}

/// Whether `theme` needs `role` and lacks it.
#[must_use]
pub fn lacks(theme: &Theme, role: Role) -> bool {
    needs_roles(theme) && !role.filled(theme)
}
