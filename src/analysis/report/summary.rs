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
            walk_goals(&theme.goals, None, &mut |g, _| {
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
        Light::NoGoals => (l::LIGHT_NO_GOALS, Tone::Neutral),
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

    blocks.push(Block::Text(
        Text::default().plain(l::SUMMARY_THEMES.get(lang)),
    ));
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
                Cell::count(t.signals.goals as u64, None),
                Cell::count(t.signals.overdue as u64, None),
                Cell::count(t.signals.behind as u64, None),
            ],
        ));
    }
    blocks.push(Block::Table(themes));

    blocks.push(Block::Text(
        Text::default().plain(l::SUMMARY_GOALS.get(lang)),
    ));
    if s.goals.is_empty() {
        blocks.push(Block::Text(
            Text::default().plain(l::SUMMARY_NO_GOALS.get(lang)),
        ));
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
                    g.overdue
                        .map_or(Cell::Empty, |d| Cell::count(d, Some(l::DAYS.get(lang)))),
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
        blocks.push(Block::Text(
            Text::default().plain(l::SUMMARY_FUNDING.get(lang)),
        ));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::gaps::{self, GapKind};
    use crate::analysis::report::{Options, report};
    use crate::diagnostic::SourceFile;
    use crate::judge::lights::light;
    use crate::report::Report;

    const AMSTERDAM: &str = include_str!("../../../plans/amsterdam-aha.yaml");

    fn plan() -> crate::plan::Plan {
        let loaded = crate::load::load("a.yaml", AMSTERDAM.as_bytes());
        loaded.plan.expect("plan")
    }

    /// Mid-period, so that some goals are behind and some overdue.
    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2022, 9, 1).expect("date")
    }

    fn build(plan: &crate::plan::Plan, lang: Lang) -> Report {
        let inputs = [Input {
            file: "a.yaml",
            plan,
        }];
        let options = Options {
            themes: Vec::new(),
            as_of: day(),
            lang,
        };
        report(&inputs, &options).expect("report")
    }

    fn tables<'r>(r: &'r Report, id: &str) -> Vec<&'r Table> {
        r.sections
            .iter()
            .filter(|s| s.id == id)
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .collect()
    }

    fn col(t: &Table, id: &str) -> usize {
        t.columns.iter().position(|c| c.id == id).expect(id)
    }

    fn text(cell: &Cell) -> String {
        match cell {
            Cell::Text { value } | Cell::Link { text: value, .. } | Cell::Status { value, .. } => {
                value.clone()
            }
            other => format!("{other:?}"),
        }
    }

    /// The summary's table whose first column has this id.
    fn summary_table<'r>(r: &'r Report, first: &str, with: &str) -> &'r Table {
        tables(r, "summary")
            .into_iter()
            .find(|t| {
                t.columns.first().is_some_and(|c| c.id == first)
                    && t.columns.iter().any(|c| c.id == with)
            })
            .expect(with)
    }

    #[test]
    fn the_summary_comes_first_and_links_to_sections_that_exist() {
        let p = plan();
        let r = build(&p, Lang::En);
        assert_eq!(r.sections[0].id, "summary");
        let ids: Vec<&str> = r.sections.iter().map(|s| s.id.as_str()).collect();
        let mut links = 0;
        for t in tables(&r, "summary") {
            for cell in t.rows.iter().flatten() {
                if let Cell::Link { section, .. } = cell {
                    assert!(ids.contains(&section.as_str()), "{section}");
                    links += 1;
                }
            }
        }
        assert!(links >= p.themes.len(), "every theme links: {links}");
    }

    #[test]
    fn the_behind_goals_agree_with_the_goals_section_and_with_gaps() {
        let p = plan();
        let r = build(&p, Lang::En);
        let goals = summary_table(&r, "theme", "days_overdue");
        let (g, track, overdue) = (
            col(goals, "goal"),
            col(goals, "on_track"),
            col(goals, "days_overdue"),
        );
        let mut summary_behind: Vec<String> = goals
            .rows
            .iter()
            .filter(|row| text(&row[track]) == "behind")
            .map(|row| text(&row[g]))
            .collect();
        let mut summary_overdue: Vec<String> = goals
            .rows
            .iter()
            .filter(|row| row[overdue] != Cell::Empty)
            .map(|row| text(&row[g]))
            .collect();
        // The goals section: its measures table says `behind` in the on-track column.
        let measures = tables(&r, "goals")[1];
        let (mg, mt) = (col(measures, "goal"), col(measures, "on_track"));
        let mut section_behind: Vec<String> = measures
            .rows
            .iter()
            .filter(|row| text(&row[mt]) == "behind")
            .map(|row| text(&row[mg]))
            .collect();
        // gaps: GoalBehind and GoalOverdue.
        let source = SourceFile::new("a.yaml", AMSTERDAM.to_string());
        let inputs = [gaps::PlanInput {
            source: &source,
            plan: &p,
        }];
        let options = gaps::Options {
            as_of: day(),
            themes: Vec::new(),
        };
        let analysis = gaps::analyse(
            &inputs,
            &[],
            &crate::plan::catalogue::Catalogue::built_in(),
            &options,
        );
        let mut gaps_behind = Vec::new();
        let mut gaps_overdue = Vec::new();
        for gap in analysis.gaps() {
            match &gap.kind {
                GapKind::GoalBehind { goal, .. } => gaps_behind.push(goal.clone()),
                GapKind::GoalOverdue { goal, .. } => gaps_overdue.push(goal.clone()),
                _ => {}
            }
        }
        for list in [
            &mut summary_behind,
            &mut summary_overdue,
            &mut section_behind,
            &mut gaps_behind,
            &mut gaps_overdue,
        ] {
            list.sort();
        }
        assert!(
            !summary_behind.is_empty(),
            "the seed plan has goals behind in 2022"
        );
        assert_eq!(summary_behind, section_behind);
        assert_eq!(summary_behind, gaps_behind);
        assert_eq!(summary_overdue, gaps_overdue);
    }

    #[test]
    fn each_theme_light_follows_from_its_goals_by_the_rule() {
        let p = plan();
        let r = build(&p, Lang::Nl);
        let t = summary_table(&r, "theme", "light");
        assert_eq!(t.rows.len(), p.themes.len());
        let start = p.period.start.value.earliest();
        for (theme, row) in p.themes.iter().zip(&t.rows) {
            assert_eq!(text(&row[col(t, "theme")]), theme.name.value);
            // Derived here from the trajectory judgement, theme by theme.
            let mut s = Signals::default();
            walk_goals(&theme.goals, None, &mut |g, _| {
                s.goals += 1;
                if trajectory::days_overdue(g, day()).is_some() {
                    s.overdue += 1;
                }
                if g.status.value == crate::plan::raw::Status::AtRisk
                    || trajectory::state(g, start, day()) == Some(State::Behind)
                {
                    s.behind += 1;
                }
            });
            assert_eq!(s, lights::signals(&p, theme, day()), "{}", theme.id.value.0);
            let Cell::Status { value, label, tone } = &row[col(t, "light")] else {
                panic!("a status")
            };
            let expected = light(&s);
            assert_eq!(value, expected.name());
            // Never the colour alone: a symbol and a Dutch word. A theme without goals claims
            // no colour: it is "geen doelen", in a neutral tone.
            assert!(label.starts_with(expected.symbol()), "{label}");
            assert!(
                ["groen", "oranje", "rood", "geen doelen"]
                    .iter()
                    .any(|w| label.ends_with(w)),
                "{label}"
            );
            assert_eq!(*tone == Tone::Neutral, s.goals == 0, "{label}");
        }
        let names: Vec<&str> = t
            .rows
            .iter()
            .map(|r| match &r[col(t, "light")] {
                Cell::Status { value, .. } => value.as_str(),
                _ => "",
            })
            .collect();
        assert!(
            names.contains(&"red") || names.contains(&"amber"),
            "{names:?}"
        );
    }

    #[test]
    fn the_funding_spread_adds_up_to_the_funding_section() {
        let p = plan();
        let r = build(&p, Lang::En);
        let spread = summary_table(&r, "line", "share");
        let amount = |t: &Table, c: usize| -> i64 {
            t.rows
                .iter()
                .map(|row| match row[c] {
                    Cell::Amount { cents } => cents,
                    _ => 0,
                })
                .sum()
        };
        let funding = tables(&r, "funding")[0];
        let a = amount(spread, col(spread, "amount"));
        let b = amount(funding, col(funding, "amount"));
        // One cent of rounding per line at most.
        let lines = i64::try_from(spread.rows.len()).expect("a few lines");
        assert!((a - b).abs() <= lines, "{a} against {b}");
        let shares: f64 = spread
            .rows
            .iter()
            .map(|row| match row[col(spread, "share")] {
                Cell::Percent { value } => value,
                _ => 0.0,
            })
            .sum();
        assert!((shares - 100.0).abs() < 1e-6, "{shares}");
    }
}
