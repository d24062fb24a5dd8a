//! Peers: with several plans, a matrix of themes by region and of building blocks by region,
//! and for each region what most of its peers (more than half) cover that it does not.
//!
//! Peers are compared by coverage, not by names:
//! - A region covers a theme when a theme with that id or name (case and punctuation
//!   ignored) is on its regional agenda (regional or still undecided), or when a programme or
//!   module of it serves the theme: it lists the theme, or its id or name is (or contains) the
//!   theme's. Leaving a theme to the members is a recorded decision, an undecided theme a gap
//!   of its own. A plan that does not mention the theme at all is *unknown* there, not
//!   *absent*: the gap says the plan does not mention it.
//! - A region covers a building block when it assesses itself at `developing` or higher, or a
//!   regional theme or one of its goals serves it. A block assessed below that is not covered;
//!   one neither assessed nor served is *unknown*.
//!
//! Counting is linear in the number of plans: the coverage of every key is counted once, and a
//! region's peers are all plans but itself.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Gap, GapKind, PlanInput, Severity, gap_table, labels as l};
use crate::plan::catalogue::Catalogue;
use crate::plan::domain::Named;
use crate::plan::index::walk_goals;
use crate::plan::raw::{Maturity, Strategic};
use crate::report::labels::word;
use crate::report::{Block, Cell, Column, Lang, Section, Table, Tone};

/// What a peer gap is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    Theme,
    BuildingBlock,
}

/// A theme's state in one region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeState {
    Regional,
    /// No theme of that id or name, but a programme or module serves it.
    Served,
    LeftToMembers,
    Undecided,
    /// The plan does not mention it.
    Unknown,
}

impl ThemeState {
    /// Whether the region covers the theme.
    #[must_use]
    pub fn covers(self) -> bool {
        matches!(
            self,
            ThemeState::Regional | ThemeState::Served | ThemeState::Undecided
        )
    }
}

/// A building block in one region: served by a regional theme or goal, and the level the
/// region assesses itself at.
pub type BlockState = (bool, Option<Maturity>);

/// Whether a block state covers the block: served, or assessed at `developing` or higher.
#[must_use]
pub fn block_covered((served, level): BlockState) -> bool {
    served || level.is_some_and(|l| l >= Maturity::Developing)
}

/// The result of this part.
#[derive(Debug, Clone, Default)]
pub struct Peers {
    pub regions: Vec<String>,
    /// Theme key (first id seen), its name, and its state per region.
    pub themes: Vec<(String, String, Vec<ThemeState>)>,
    /// Block id, and per region: covered by a theme, assessed level.
    pub blocks: Vec<(String, Vec<BlockState>)>,
    pub gaps: Vec<Gap>,
}

/// A theme name for matching: lower case letters and digits only.
#[must_use]
pub fn normalise(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Runs this part over every plan.
#[must_use]
pub fn analyse(plans: &[PlanInput<'_>], catalogue: &Catalogue) -> Peers {
    let n = plans.len();
    let mut out = Peers {
        regions: plans.iter().map(PlanInput::region).collect(),
        ..Peers::default()
    };
    let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_name: BTreeMap<String, usize> = BTreeMap::new();
    for (i, input) in plans.iter().enumerate() {
        for t in &input.plan.themes {
            let id = t.id.value.0.clone();
            let name = normalise(&t.name.value);
            let row = if let Some(&row) = by_id.get(&id).or_else(|| by_name.get(&name)) {
                row
            } else {
                out.themes.push((
                    id.clone(),
                    t.name.value.clone(),
                    vec![ThemeState::Unknown; n],
                ));
                out.themes.len() - 1
            };
            by_id.entry(id).or_insert(row);
            by_name.entry(name).or_insert(row);
            let state = match t.strategic.value {
                Strategic::Regional => ThemeState::Regional,
                Strategic::LeftToMembers => ThemeState::LeftToMembers,
                Strategic::Undecided => ThemeState::Undecided,
            };
            let cell = &mut out.themes[row].2[i];
            if *cell != ThemeState::Regional {
                *cell = state;
            }
        }
    }
    // Programmes and modules that serve a theme a region does not name.
    for (i, input) in plans.iter().enumerate() {
        let serving: Vec<(Vec<&str>, String, String)> = input
            .plan
            .programmes
            .iter()
            .map(|p| (&p.themes, &p.id.value.0, &p.name.value))
            .chain(
                input
                    .plan
                    .modules
                    .iter()
                    .map(|m| (&m.themes, &m.id.value.0, &m.name.value)),
            )
            .map(|(themes, id, name)| {
                (
                    themes.iter().map(|t| t.value.0.as_str()).collect(),
                    normalise(id),
                    normalise(name),
                )
            })
            .collect();
        if serving.is_empty() {
            continue;
        }
        for (id, name, states) in &mut out.themes {
            let Some(state) = states.get_mut(i) else {
                continue;
            };
            if *state != ThemeState::Unknown {
                continue;
            }
            let (key, name) = (normalise(id), normalise(name));
            let serves = serving.iter().any(|(themes, sid, sname)| {
                themes.contains(&id.as_str())
                    || [&key, &name].iter().any(|k| {
                        !k.is_empty() && (sid == *k || sname == *k || sname.contains(k.as_str()))
                    })
            });
            if serves {
                *state = ThemeState::Served;
            }
        }
    }
    for block in catalogue.ids() {
        let per: Vec<(bool, Option<Maturity>)> = plans
            .iter()
            .map(|input| {
                let mut covered = false;
                for t in input
                    .plan
                    .themes
                    .iter()
                    .filter(|t| t.strategic.value == Strategic::Regional)
                {
                    covered |= t.building_blocks.iter().any(|b| b.value.0 == block);
                    walk_goals(&t.goals, None, &mut |g, _| {
                        covered |= g.building_blocks.iter().any(|b| b.value.0 == block);
                    });
                }
                let level = input
                    .plan
                    .building_blocks
                    .iter()
                    .find(|a| a.block.value.0 == block)
                    .map(|a| a.level.value);
                (covered, level)
            })
            .collect();
        out.blocks.push((block.to_string(), per));
    }
    let peers = n - 1;
    let mut push = |i: usize, what: Coverage, name: &str, count: usize| {
        if peers > 0 && count * 2 > peers {
            let input = &plans[i];
            out.gaps.push(Gap {
                region: input.region(),
                severity: Severity::Warning,
                location: Some(input.at(input.plan.region.name.span)),
                kind: GapKind::PeerCoverage {
                    what,
                    name: name.to_string(),
                    peers: count,
                    of: peers,
                },
            });
        }
    };
    for (id, _, states) in &out.themes {
        let total = states.iter().filter(|s| s.covers()).count();
        for (i, s) in states.iter().enumerate() {
            if *s == ThemeState::Unknown {
                push(i, Coverage::Theme, id, total);
            }
        }
    }
    for (id, per) in &out.blocks {
        let total = per.iter().filter(|b| block_covered(**b)).count();
        for (i, b) in per.iter().enumerate() {
            if !block_covered(*b) {
                push(i, Coverage::BuildingBlock, id, total);
            }
        }
    }
    out
}

/// The sections of this part: two heat-map tables and the gaps.
#[must_use]
pub fn sections(p: &Peers, catalogue: &Catalogue, lang: Lang) -> Vec<Section> {
    let columns = |first: l::Label| {
        let mut c = vec![Column::left("row", first.get(lang))];
        c.extend(
            p.regions
                .iter()
                .enumerate()
                .map(|(i, r)| Column::left(format!("region_{i}"), r.clone())),
        );
        c
    };
    let mut themes = Table::new(columns(l::THEME));
    for (id, name, states) in &p.themes {
        let mut row = vec![Cell::text(format!("{name} ({id})"))];
        row.extend(states.iter().map(|s| {
            let (value, label, tone) = match s {
                ThemeState::Regional => ("regional", l::REGIONAL, Tone::Good),
                ThemeState::Served => ("served", l::SERVED, Tone::Good),
                ThemeState::LeftToMembers => ("left_to_members", l::LEFT_TO_MEMBERS, Tone::Neutral),
                ThemeState::Undecided => ("undecided", l::UNDECIDED, Tone::Warning),
                ThemeState::Unknown => ("unknown", l::NOT_MENTIONED, Tone::Neutral),
            };
            Cell::Status {
                value: value.into(),
                label: label.get(lang).into(),
                tone,
            }
        }));
        themes.push(row);
    }
    let mut blocks = Table::new(columns(l::BUILDING_BLOCK));
    for (id, per) in &p.blocks {
        let name = catalogue
            .blocks
            .iter()
            .find(|b| b.id == *id)
            .map_or(id.clone(), |b| b.name.clone());
        let mut row = vec![Cell::text(name)];
        row.extend(per.iter().map(|(covered, level)| {
            let tone = match (block_covered((*covered, *level)), level) {
                (true, Some(Maturity::Established | Maturity::Advanced)) => Tone::Good,
                (false, Some(_)) => Tone::Bad,
                (true, _) | (false, None) => Tone::Neutral,
            };
            let (value, words) = level.map_or(("-", "-"), |m| (m.name(), word(m).get(lang)));
            let label = if *covered {
                format!("{words} ✓")
            } else {
                words.to_string()
            };
            Cell::Status {
                value: value.to_string(),
                label,
                tone,
            }
        }));
        blocks.push(row);
    }
    let mut out = vec![Block::Table(themes), Block::Table(blocks)];
    if !p.gaps.is_empty() {
        out.push(Block::Table(gap_table(&p.gaps, lang)));
    }
    vec![super::section("peers", l::PEERS, lang, out)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_without_case_or_punctuation() {
        assert_eq!(
            normalise("Samenwerking 1e-2e-3e lijn"),
            "samenwerking1e2e3elijn"
        );
        assert_eq!(normalise("GGZ"), normalise("ggz"));
    }
}
