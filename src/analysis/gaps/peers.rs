//! Peers: with several plans, a matrix of themes by region and of building blocks by region,
//! and for each region what most of its peers (more than half) cover that it does not.
//!
//! Themes match by id and, where ids differ, by name (case and punctuation ignored). A peer
//! covers a theme when the theme is on its regional agenda (regional or still undecided); a
//! region lacks it when its plan does not name it at all (leaving a theme to the members is a
//! recorded decision, an undecided theme a gap of its own). A region covers a building block
//! when a regional theme or one of its goals serves it. Counting is linear in the number of plans: the
//! coverage of every key is counted once, and a region's peers are all plans but itself.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Gap, GapKind, PlanInput, Severity, gap_table, labels as l};
use crate::plan::catalogue::Catalogue;
use crate::plan::domain::yaml_name;
use crate::plan::index::walk_goals;
use crate::plan::raw::{Maturity, Strategic};
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
    LeftToMembers,
    Undecided,
    Absent,
}

/// A building block in one region: served by a regional theme or goal, and the level the
/// region assesses itself at.
pub type BlockState = (bool, Option<Maturity>);

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
                    vec![ThemeState::Absent; n],
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
        let on_agenda = |s: &&ThemeState| matches!(s, ThemeState::Regional | ThemeState::Undecided);
        let total = states.iter().filter(on_agenda).count();
        for (i, s) in states.iter().enumerate() {
            if *s == ThemeState::Absent {
                push(i, Coverage::Theme, id, total);
            }
        }
    }
    for (id, per) in &out.blocks {
        let total = per.iter().filter(|(c, _)| *c).count();
        for (i, (covered, _)) in per.iter().enumerate() {
            if !covered {
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
                ThemeState::LeftToMembers => ("left_to_members", l::LEFT_TO_MEMBERS, Tone::Neutral),
                ThemeState::Undecided => ("undecided", l::UNDECIDED, Tone::Warning),
                ThemeState::Absent => ("absent", l::ABSENT, Tone::Bad),
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
            let tone = match (covered, level) {
                (true, Some(Maturity::Established | Maturity::Advanced)) => Tone::Good,
                (true, _) => Tone::Neutral,
                (
                    false,
                    Some(Maturity::Developing | Maturity::Established | Maturity::Advanced),
                ) => Tone::Warning,
                (false, _) => Tone::Bad,
            };
            let level_name = level.map_or_else(|| "-".to_string(), |m| yaml_name(&m));
            let label = if *covered {
                format!("{level_name} ✓")
            } else {
                level_name.clone()
            };
            Cell::Status {
                value: level_name,
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
