//! A theme's traffic light for the board: one colour that sums up its goals and the insurer
//! conditions that rest on them. The rule, in order:
//!
//! - **red** when a goal of the theme is past its deadline ([`trajectory::days_overdue`]), or a
//!   condition of a contract whose result agreements name a goal of the theme is *not met*;
//! - **amber** when a goal is behind its trajectory ([`trajectory::state`]) or marked at risk,
//!   or such a condition is *partly met* or *not shown*;
//! - **grey** (no goals) for a theme without goals: nothing is shown, so nothing is judged;
//! - **green** otherwise.
//!
//! A presenter never shows the colour alone: every light has a word and a symbol of its own
//! shape (for print in black and white and for colour-blind readers).

use chrono::NaiveDate;

use super::checks::ConditionReading;
use super::trajectory::{self, State};
use super::verdict::Verdict;
use crate::plan::Plan;
use crate::plan::index::walk_goals;
use crate::plan::raw::{Status, Theme};

/// A traffic light.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Light {
    /// The theme has no goals: there is nothing to judge, so no colour is claimed.
    NoGoals,
    Green,
    Amber,
    Red,
}

impl Light {
    /// The stable word for JSON and programs: `green`, `amber`, `red`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Light::NoGoals => "grey",
            Light::Green => "green",
            Light::Amber => "amber",
            Light::Red => "red",
        }
    }

    /// A symbol whose shape differs per light: a circle, a check, a triangle, a cross.
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            Light::NoGoals => "○",
            Light::Green => "✔",
            Light::Amber => "▲",
            Light::Red => "✖",
        }
    }
}

/// What a theme's light is made of: how many goals and conditions say what.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Signals {
    /// The theme's goals and subgoals.
    pub goals: usize,
    /// Goals past their deadline.
    pub overdue: usize,
    /// Goals behind their trajectory or marked at risk (an overdue goal may be behind too).
    pub behind: usize,
    /// Conditions on the theme's goals that are not met.
    pub not_met: usize,
    /// Conditions on the theme's goals that are partly met or not shown.
    pub unsure: usize,
}

/// The light for these signals (the rule at the top of this module).
#[must_use]
pub fn light(s: &Signals) -> Light {
    if s.overdue > 0 || s.not_met > 0 {
        Light::Red
    } else if s.behind > 0 || s.unsure > 0 {
        Light::Amber
    } else if s.goals == 0 {
        Light::NoGoals
    } else {
        Light::Green
    }
}

/// The verdict on a contract condition: the tool's reading, else the plan's own `met:` (for a
/// condition the tool cannot read), else not shown.
#[must_use]
pub fn condition_verdict(reading: &ConditionReading) -> Verdict {
    match (&reading.judged, reading.marked) {
        (Some(j), _) => j.verdict,
        (None, Some(true)) => Verdict::Met,
        (None, Some(false)) => Verdict::NotMet,
        (None, None) => Verdict::NotShown,
    }
}

/// The signals of `theme` in `plan` as of `as_of`.
#[must_use]
pub fn signals(plan: &Plan, theme: &Theme, as_of: NaiveDate) -> Signals {
    let start = plan.period.start.value.earliest();
    let mut s = Signals::default();
    let mut ids: Vec<&str> = Vec::new();
    walk_goals(&theme.goals, None, &mut |g, _| {
        ids.push(g.id.value.0.as_str());
        s.goals += 1;
        if trajectory::days_overdue(g, as_of).is_some() {
            s.overdue += 1;
        }
        if g.status.value == Status::AtRisk
            || trajectory::state(g, start, as_of) == Some(State::Behind)
        {
            s.behind += 1;
        }
    });
    for contract in &plan.contracts {
        let on_theme = contract
            .result_agreements
            .iter()
            .flat_map(|a| &a.goals)
            .any(|g| ids.contains(&g.value.0.as_str()));
        if !on_theme {
            continue;
        }
        for condition in &contract.conditions {
            match condition_verdict(&ConditionReading::of(plan, contract, condition)) {
                Verdict::NotMet => s.not_met += 1,
                Verdict::PartlyMet | Verdict::NotShown => s.unsure += 1,
                Verdict::Met => {}
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goals_with_nothing_late_or_behind_are_green() {
        let fine = Signals {
            goals: 3,
            ..Signals::default()
        };
        assert_eq!(light(&fine), Light::Green);
    }

    #[test]
    fn a_theme_without_goals_claims_no_colour() {
        assert_eq!(light(&Signals::default()), Light::NoGoals);
    }

    #[test]
    fn a_goal_behind_or_a_condition_not_shown_is_amber() {
        let behind = Signals {
            behind: 1,
            ..Signals::default()
        };
        assert_eq!(light(&behind), Light::Amber);
        let unsure = Signals {
            unsure: 2,
            ..Signals::default()
        };
        assert_eq!(light(&unsure), Light::Amber);
    }

    #[test]
    fn an_overdue_goal_or_an_unmet_condition_is_red_whatever_else() {
        let overdue = Signals {
            overdue: 1,
            behind: 3,
            ..Signals::default()
        };
        assert_eq!(light(&overdue), Light::Red);
        let not_met = Signals {
            not_met: 1,
            unsure: 1,
            ..Signals::default()
        };
        assert_eq!(light(&not_met), Light::Red);
    }

    #[test]
    fn every_light_has_its_own_symbol() {
        let symbols = [Light::NoGoals, Light::Green, Light::Amber, Light::Red].map(Light::symbol);
        let distinct: std::collections::BTreeSet<&str> = symbols.into_iter().collect();
        assert_eq!(distinct.len(), 4);
    }
}
