//! The summary on page one of a report: the region and its period, each theme's traffic light,
//! the goals overdue or behind, the insurer conditions not met or not shown, and how the
//! funding is spread over the funding lines. Every item links to the section that tells the
//! whole story.
//!
//! Nothing is judged here a second time: overdue and behind come from
//! [`crate::judge::trajectory`], the lights from [`crate::judge::lights`], the conditions from
//! [`crate::judge::checks::ConditionReading`] — the same functions the goals section, the
//! contracts section and `gaps` use. [`Summary`] is that data; [`section`] presents it.

use chrono::NaiveDate;

use super::{Ctx, Input, region_name};
use crate::analysis::gaps::frameworks::verdict_cell;
use crate::judge::checks::ConditionReading;
use crate::judge::lights::{self, Light, Signals};
use crate::judge::trajectory::{self, State};
use crate::judge::verdict::Verdict;
use crate::plan::index::walk_goals;
use crate::plan::raw::{FundingKind, Theme};
use crate::report::labels as l;
use crate::report::{Align, Block, Cell, Column, Label, Lang, Section, Table, Text, Tone};

/// One theme and its light.
#[derive(Debug, Clone)]
pub struct ThemeLight<'a> {
    pub input: Input<'a>,
    pub theme: &'a Theme,
    pub goals: usize,
    pub signals: Signals,
    pub light: Light,
}

/// A goal past its deadline, behind its trajectory, or both.
#[derive(Debug, Clone)]
pub struct GoalFlag<'a> {
    pub input: Input<'a>,
    pub theme: &'a Theme,
    pub goal: &'a crate::plan::raw::Goal,
    /// Days past the deadline, when overdue.
    pub overdue: Option<u64>,
    /// Behind its trajectory.
    pub behind: bool,
}

/// A contract condition that is not met (or only partly) or not shown.
#[derive(Debug, Clone)]
pub struct ConditionFlag<'a> {
    pub input: Input<'a>,
    pub contract: &'a crate::plan::raw::Contract,
    pub condition: &'a crate::plan::raw::Condition,
    pub verdict: Verdict,
    pub illustrative: bool,
}

/// The total of one funding line over all years, per plan.
#[derive(Debug, Clone)]
pub struct FundingShare<'a> {
    pub input: Input<'a>,
    pub line: FundingKind,
    pub amount: f64,
    /// Share of the plan's total funding, 0 to 100; `None` when the total is zero.
    pub share: Option<f64>,
}

/// What the summary says.
#[derive(Debug, Clone, Default)]
pub struct Summary<'a> {
    pub themes: Vec<ThemeLight<'a>>,
    pub goals: Vec<GoalFlag<'a>>,
    pub conditions: Vec<ConditionFlag<'a>>,
    /// How many contract conditions the plans have at all.
    pub conditions_total: usize,
    pub funding: Vec<FundingShare<'a>>,
}

/// The summary of the picked themes of each plan as of `as_of`; conditions and funding only
/// when `whole` (a theme report has no contracts or funding sections to point to).
#[must_use]
pub fn summary<'a>(
    picked: &[(Input<'a>, Vec<&'a Theme>)],
    as_of: NaiveDate,
    whole: bool,
) -> Summary<'a> {
    let mut out = Summary::default();
    for (input, themes) in picked {
        let plan = input.plan;
        let start = plan.period.start.value.earliest();
        for theme in themes {
            let signals = lights::signals(plan, theme, as_of);
            let mut goals = 0;
            walk_goals(&theme.goals, None, &mut |g, _| {
                goals += 1;
                let overdue = trajectory::days_overdue(g, as_of);
                let behind = trajectory::state(g, start, as_of) == Some(State::Behind);
                if overdue.is_some() || behind {
                    out.goals.push(GoalFlag {
                        input: *input,
                        theme,
                        goal: g,
                        overdue,
                        behind,
                    });
                }
            });
            out.themes.push(ThemeLight {
                input: *input,
                theme,
                goals,
                signals,
                light: lights::light(&signals),
            });
        }
    }
    if !whole {
        return out;
    }
    let mut seen: Vec<*const crate::plan::Plan> = Vec::new();
    for (input, _) in picked {
        let plan = input.plan;
        if seen.contains(&std::ptr::from_ref(plan)) {
            continue;
        }
        seen.push(std::ptr::from_ref(plan));
        for contract in &plan.contracts {
            for condition in &contract.conditions {
                out.conditions_total += 1;
                let reading = ConditionReading::of(plan, contract, condition);
                let verdict = lights::condition_verdict(&reading);
                if verdict != Verdict::Met {
                    out.conditions.push(ConditionFlag {
                        input: *input,
                        contract,
                        condition,
                        verdict,
                        illustrative: reading.judged.as_ref().is_some_and(|j| j.illustrative),
                    });
                }
            }
        }
        let mut lines: Vec<(FundingKind, f64)> = Vec::new();
        for f in &plan.funding {
            match lines.iter_mut().find(|(k, _)| *k == f.line.value) {
                Some(entry) => entry.1 += f.amount_eur.value,
                None => lines.push((f.line.value, f.amount_eur.value)),
            }
        }
        let total: f64 = lines.iter().map(|(_, a)| a).sum();
        for (line, amount) in lines {
            out.funding.push(FundingShare {
                input: *input,
                line,
                amount,
                share: (total.abs() > f64::EPSILON).then(|| amount / total * 100.0),
            });
        }
    }
    out
}

/// The light as a cell: its symbol and word, and a tone a renderer may colour.
#[must_use]
pub fn light_cell(light: Light, lang: Lang) -> Cell {
    let (word, tone) = match light {
        Light::Green => (l::LIGHT_GREEN, Tone::Good),
        Light::Amber => (l::LIGHT_AMBER, Tone::Warning),
        Light::Red => (l::LIGHT_RED, Tone::Bad),
    };
    Cell::Status {
        value: light.name().to_string(),
        label: format!("{} {}", light.symbol(), word.get(lang)),
        tone,
    }
}

/// A link to `section` when the report has it, else the text alone.
fn link(text: impl Into<String>, section: &str, ids: &[&str]) -> Cell {
    if ids.contains(&section) {
        Cell::link(text, section)
    } else {
        Cell::text(text)
    }
}

fn columns(ctx: &Ctx<'_>, region: bool, cols: &[(&str, Label, Align)]) -> Table {
    let mut out = Vec::new();
    if region {
        out.push(Column::left("region", l::REGION.get(ctx.lang)));
    }
    for (id, label, align) in cols {
        out.push(Column {
            id: (*id).to_string(),
            label: label.get(ctx.lang).to_string(),
            align: *align,
        });
    }
    Table::new(out)
}

fn row(ctx: &Ctx<'_>, input: &Input<'_>, mut cells: Vec<Cell>) -> Vec<Cell> {
    if ctx.multi {
        cells.insert(0, Cell::text(region_name(input.plan)));
    }
    cells
}

/// The summary as the first section of a report, its items linked to the sections in `ids`.
pub(crate) fn section(ctx: &Ctx<'_>, s: &Summary<'_>, ids: &[&str]) -> Section {
    let lang = ctx.lang;
    let (left, right) = (Align::Left, Align::Right);
    let mut blocks = Vec::new();

    let mut overview = columns(
        ctx,
        false,
        &[
            ("region", l::REGION, left),
            ("start", l::PERIOD_START, left),
            ("end", l::PERIOD_END, left),
        ],
    );
    for input in ctx.inputs {
        let p = &input.plan.period;
        overview.push(vec![
            link(input.plan.region.name.value.clone(), "region", ids),
            super::sections::date_cell(&p.start.value),
            super::sections::date_cell(&p.end.value),
        ]);
    }
    blocks.push(Block::Table(overview));

    blocks.push(Block::Text(Text::default().plain(l::SUMMARY_THEMES.get(lang))));
    let mut themes = columns(
        ctx,
        ctx.multi,
        &[
            ("theme", l::THEME, left),
            ("light", l::LIGHT, left),
            ("goals", l::GOALS, right),
            ("overdue", l::OVERDUE_GOALS, right),
            ("behind", l::BEHIND_GOALS, right),
        ],
    );
    for t in &s.themes {
        themes.push(row(
            ctx,
            &t.input,
            vec![
                link(t.theme.name.value.clone(), "themes", ids),
                light_cell(t.light, lang),
                Cell::count(t.goals as u64, None),
                Cell::count(t.signals.overdue as u64, None),
                Cell::count(t.signals.behind as u64, None),
            ],
        ));
    }
    blocks.push(Block::Table(themes));

    blocks.push(Block::Text(Text::default().plain(l::SUMMARY_GOALS.get(lang))));
    if s.goals.is_empty() {
        blocks.push(Block::Text(Text::default().plain(l::SUMMARY_NO_GOALS.get(lang))));
    } else {
        let mut goals = columns(
            ctx,
            ctx.multi,
            &[
                ("theme", l::THEME, left),
                ("goal", l::GOAL, left),
                ("title", l::TITLE, left),
                ("deadline", l::DEADLINE, left),
                ("days_overdue", l::DAYS_OVERDUE, right),
                ("on_track", l::ON_TRACK, left),
            ],
        );
        for g in &s.goals {
            goals.push(row(
                ctx,
                &g.input,
                vec![
                    Cell::text(g.theme.name.value.clone()),
                    link(g.goal.id.value.0.clone(), "goals", ids),
                    Cell::text(g.goal.title.value.clone()),
                    g.goal
                        .deadline
                        .as_ref()
                        .map_or(Cell::Empty, |d| super::sections::date_cell(&d.value)),
                    g.overdue.map_or(Cell::Empty, |d| {
                        Cell::count(d, Some(l::DAYS.get(lang)))
                    }),
                    if g.behind {
                        super::sections::track_cell(Some(State::Behind), lang)
                    } else {
                        Cell::Empty
                    },
                ],
            ));
        }
        blocks.push(Block::Table(goals));
    }

    if s.conditions_total > 0 {
        blocks.push(Block::Text(
            Text::default().plain(l::SUMMARY_CONDITIONS.get(lang)),
        ));
        if s.conditions.is_empty() {
            blocks.push(Block::Text(
                Text::default().plain(l::SUMMARY_NO_CONDITIONS.get(lang)),
            ));
        } else {
            let mut conditions = columns(
                ctx,
                ctx.multi,
                &[
                    ("contract", l::CONTRACT, left),
                    ("condition", l::CONDITION, left),
                    ("verdict", l::gaps::VERDICT, left),
                ],
            );
            for c in &s.conditions {
                conditions.push(row(
                    ctx,
                    &c.input,
                    vec![
                        link(c.contract.id.value.0.clone(), "contracts", ids),
                        super::sections::condition_kind_cell(c.condition.kind.value, lang),
                        verdict_cell(c.verdict, c.illustrative, lang),
                    ],
                ));
            }
            blocks.push(Block::Table(conditions));
        }
    }

    if !s.funding.is_empty() {
        blocks.push(Block::Text(Text::default().plain(l::SUMMARY_FUNDING.get(lang))));
        let mut funding = columns(
            ctx,
            ctx.multi,
            &[
                ("line", l::LINE, left),
                ("amount", l::AMOUNT, right),
                ("share", l::SHARE_OF_TOTAL, right),
            ],
        );
        for f in &s.funding {
            funding.push(row(
                ctx,
                &f.input,
                vec![
                    link(l::word(f.line).get(lang), "funding", ids),
                    Cell::euro(f.amount),
                    f.share.map_or(Cell::Empty, |value| Cell::Percent { value }),
                ],
            ));
        }
        blocks.push(Block::Table(funding));
    }

    Section {
        id: "summary".to_string(),
        heading: l::SUMMARY_SECTION.get(lang).to_string(),
        blocks,
    }
}
