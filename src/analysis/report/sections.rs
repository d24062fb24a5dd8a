//! The sections of a report, each built from the plans in one pass. A section without rows is
//! left out.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::goals::{self, Attention};
use super::{Ctx, Input, region_name};
use crate::judge::trajectory::{self, State};
use crate::plan::Plan;
use crate::plan::domain::Named;
use crate::plan::index::walk_goals;
use crate::plan::raw::{
    ConditionKind, DocumentKind, DocumentStatus, Domain, MandateBase, Maturity, Metric, Relation,
    SeatRole, Status, Strategic, Theme,
};
use crate::report::labels as l;
use crate::report::{
    Align, Block, Cell, Chart, ChartKind, Column, Label, Lang, Marker, Point, Section, Series,
    Table, Tone,
};

/// A table under construction: a region column first when the report covers several plans.
struct Tab {
    table: Table,
    region: bool,
}

impl Tab {
    fn new(ctx: &Ctx<'_>, region: bool, columns: &[(&str, Label, Align)]) -> Self {
        let mut cols = Vec::with_capacity(columns.len() + 1);
        if region {
            cols.push(Column::left("region", l::REGION.get(ctx.lang)));
        }
        for (id, label, align) in columns {
            cols.push(Column {
                id: (*id).to_string(),
                label: label.get(ctx.lang).to_string(),
                align: *align,
            });
        }
        Tab {
            table: Table::new(cols),
            region,
        }
    }

    fn push(&mut self, plan: &Plan, mut row: Vec<Cell>) {
        if self.region {
            row.insert(0, Cell::text(region_name(plan)));
        }
        self.table.push(row);
    }

    /// The table without the column `id` when no row has a value in it (the illustrative
    /// column of a plan that marks nothing as illustrative).
    fn without_empty(mut self, id: &str) -> Self {
        let table = &mut self.table;
        if let Some(i) = table.columns.iter().position(|c| c.id == id)
            && table
                .rows
                .iter()
                .all(|r| matches!(r.get(i), Some(Cell::Empty) | None))
        {
            table.columns.remove(i);
            for row in &mut table.rows {
                if i < row.len() {
                    row.remove(i);
                }
            }
        }
        self
    }

    fn section(self, id: &str, heading: Label, lang: Lang, out: &mut Vec<Section>) {
        if !self.table.rows.is_empty() {
            out.push(Section::table(id, heading.get(lang), self.table));
        }
    }
}

const L: Align = Align::Left;
const R: Align = Align::Right;

/// Lookups by id in one plan.
struct Names<'a> {
    people: HashMap<&'a str, &'a crate::plan::raw::Person>,
    orgs: HashMap<&'a str, &'a str>,
    bodies: HashMap<&'a str, &'a str>,
}

impl<'a> Names<'a> {
    fn new(plan: &'a Plan) -> Self {
        Names {
            people: plan
                .people
                .iter()
                .map(|p| (p.id.value.0.as_str(), p))
                .collect(),
            orgs: plan
                .organisations
                .iter()
                .map(|o| (o.id.value.0.as_str(), o.name.value.as_str()))
                .collect(),
            bodies: plan
                .governance
                .iter()
                .map(|b| (b.id.value.0.as_str(), b.name.value.as_str()))
                .collect(),
        }
    }

    /// A governance body's name, or the id when the plan does not list it.
    fn body_cell(&self, id: &crate::plan::raw::Id) -> Cell {
        Cell::text(self.bodies.get(id.0.as_str()).map_or(id.0.as_str(), |n| *n))
    }

    /// Organisations' names (ids for those the plan does not list), joined.
    fn orgs_cell(&self, ids: &[crate::plan::S<crate::plan::raw::Id>]) -> Cell {
        Cell::opt_text((!ids.is_empty()).then(|| {
            ids.iter()
                .map(|id| {
                    self.orgs
                        .get(id.value.0.as_str())
                        .copied()
                        .unwrap_or(&id.value.0)
                })
                .collect::<Vec<_>>()
                .join(", ")
        }))
    }

    /// A person's name, or the id when the plan does not list them.
    fn person(&self, id: Option<&crate::plan::raw::Id>) -> Cell {
        id.map_or(Cell::Empty, |id| {
            Cell::text(
                self.people
                    .get(id.0.as_str())
                    .map_or(id.0.as_str(), |p| p.name.value.as_str()),
            )
        })
    }

    fn org(&self, id: &str) -> &'a str {
        self.orgs.get(id).copied().unwrap_or("")
    }

    fn org_cell(&self, id: &crate::plan::raw::Id) -> Cell {
        match self.orgs.get(id.0.as_str()) {
            Some(name) => Cell::text(*name),
            None => Cell::text(id.0.clone()),
        }
    }
}

fn word(value: &str, label: Label, lang: Lang, tone: Tone) -> Cell {
    Cell::Status {
        value: value.to_string(),
        label: label.get(lang).to_string(),
        tone,
    }
}

/// An enum value of the plan as a cell: its plan word as the value, its words from the label
/// table as the text.
fn named_cell<T: Named>(value: T, lang: Lang, tone: Tone) -> Cell {
    word(value.name(), l::word(value), lang, tone)
}

/// An enum value of the plan in words.
fn words<T: Named>(value: T, lang: Lang) -> &'static str {
    l::word(value).get(lang)
}

pub(crate) fn status_cell(status: Status, lang: Lang) -> Cell {
    let tone = match status {
        Status::Planned | Status::InProgress | Status::Stopped => Tone::Neutral,
        Status::AtRisk => Tone::Warning,
        Status::Achieved => Tone::Good,
    };
    named_cell(status, lang, tone)
}

fn strategic_cell(strategic: Strategic, lang: Lang) -> Cell {
    let tone = match strategic {
        Strategic::Regional => Tone::Good,
        Strategic::LeftToMembers => Tone::Neutral,
        Strategic::Undecided => Tone::Warning,
    };
    named_cell(strategic, lang, tone)
}

fn maturity_cell(level: Maturity, lang: Lang) -> Cell {
    let tone = match level {
        Maturity::NotStarted => Tone::Bad,
        Maturity::Initiating => Tone::Warning,
        Maturity::Developing => Tone::Neutral,
        Maturity::Established | Maturity::Advanced => Tone::Good,
    };
    named_cell(level, lang, tone)
}

pub(super) fn track_cell(state: Option<State>, lang: Lang) -> Cell {
    match state {
        None => Cell::Empty,
        Some(State::Reached) => word("reached", l::TRACK_REACHED, lang, Tone::Good),
        Some(State::OnTrack) => word("on_track", l::TRACK_ON_TRACK, lang, Tone::Good),
        Some(State::Behind) => word("behind", l::TRACK_BEHIND, lang, Tone::Warning),
    }
}

/// Document kinds in words, joined; `None` for none.
fn documents_text(kinds: &[crate::plan::S<DocumentKind>], lang: Lang) -> Option<String> {
    (!kinds.is_empty()).then(|| {
        kinds
            .iter()
            .map(|k| words(k.value, lang))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

fn document_status_cell(status: DocumentStatus, lang: Lang) -> Cell {
    let tone = match status {
        DocumentStatus::Planned => Tone::Neutral,
        DocumentStatus::Draft => Tone::Warning,
        DocumentStatus::Adopted | DocumentStatus::Published => Tone::Good,
    };
    named_cell(status, lang, tone)
}

fn domain_cell(domain: Option<Domain>, lang: Lang) -> Cell {
    domain.map_or(Cell::Empty, |d| named_cell(d, lang, Tone::Neutral))
}

fn yes_no(value: bool, lang: Lang) -> Cell {
    Cell::text(if value { l::YES } else { l::NO }.get(lang))
}

/// "yes" in the illustrative column for a value the plan marks as made up; empty otherwise, so
/// the column shows only where it matters.
fn illustrative_cell(illustrative: bool, lang: Lang) -> Cell {
    if illustrative {
        yes_no(true, lang)
    } else {
        Cell::Empty
    }
}

fn opt_count(value: Option<&crate::plan::S<u64>>) -> Cell {
    value.map_or(Cell::Empty, |v| Cell::count(v.value, None))
}

pub(super) fn date_cell(date: &crate::plan::raw::Date) -> Cell {
    match date.day() {
        Some(value) => Cell::Date { value },
        None => Cell::text(date.to_string()),
    }
}

/// The whole-plan report.
pub(crate) fn whole(ctx: &Ctx<'_>) -> Vec<Section> {
    let mut out = Vec::new();
    region(ctx, &mut out);
    members(ctx, &mut out);
    governance(ctx, &mut out);
    plan_period(ctx, &mut out);
    let all: Vec<(Input<'_>, Vec<&Theme>)> = ctx
        .inputs
        .iter()
        .map(|i| (*i, i.plan.themes.iter().collect()))
        .collect();
    themes_table(ctx, &all, &mut out, true);
    building_blocks(ctx, &mut out);
    contracts(ctx, &mut out);
    programmes(ctx, &mut out);
    modules(ctx, &mut out);
    funding(ctx, &mut out);
    goal_table(ctx, &all, &mut out);
    trends(ctx, &all, &mut out);
    milestones(ctx, &all, &mut out);
    attention(ctx, &all, &mut out);
    with_summary(ctx, &all, true, out)
}

/// The sections with the summary first, its items linked to the sections that follow.
fn with_summary(
    ctx: &Ctx<'_>,
    picked: &[(Input<'_>, Vec<&Theme>)],
    whole: bool,
    mut out: Vec<Section>,
) -> Vec<Section> {
    let data = super::summary::summary(picked, ctx.as_of, whole);
    let ids: Vec<&str> = out.iter().map(|s| s.id.as_str()).collect();
    let first = super::summary::section(ctx, &data, &ids);
    out.insert(0, first);
    out
}

/// The report on some themes, matched by id in every plan.
pub(crate) fn themes(ctx: &Ctx<'_>, ids: &[String]) -> Vec<Section> {
    let mut out = Vec::new();
    // Theme by theme, region by region: a theme stands side by side across regions.
    let mut picked: Vec<(Input<'_>, Vec<&Theme>)> = Vec::new();
    for id in ids {
        for input in ctx.inputs {
            if let Some(theme) = input.plan.themes.iter().find(|t| &t.id.value.0 == id) {
                picked.push((*input, vec![theme]));
            }
        }
    }
    themes_table(ctx, &picked, &mut out, false);
    workgroups(ctx, &picked, &mut out);
    goal_table(ctx, &picked, &mut out);
    trends(ctx, &picked, &mut out);
    milestones(ctx, &picked, &mut out);
    attention(ctx, &picked, &mut out);
    with_summary(ctx, &picked, false, out)
}

fn region(ctx: &Ctx<'_>, out: &mut Vec<Section>) {
    let lang = ctx.lang;
    let mut t = Tab::new(
        ctx,
        false,
        &[
            ("region", l::REGION, L),
            ("short_name", l::SHORT_NAME, L),
            ("municipalities", l::MUNICIPALITIES, L),
            ("started", l::STARTED, L),
            ("governance_model", l::GOVERNANCE_MODEL, L),
            ("gps", l::GPS, R),
            ("practices", l::PRACTICES, R),
            ("listed_patients", l::LISTED_PATIENTS, R),
            ("practices_joined", l::PRACTICES_JOINED, R),
            ("figures_as_of", l::FIGURES_AS_OF, L),
            ("illustrative", l::ILLUSTRATIVE, L),
        ],
    );
    for input in ctx.inputs {
        let r = &input.plan.region;
        let k = &r.key_figures;
        let joined = k.practices_joined_pct.as_ref().map_or_else(
            || opt_count(k.practices_joined.as_ref()),
            |p| Cell::Percent { value: p.value },
        );
        let model = l::word(r.governance_model.value);
        t.push(
            input.plan,
            vec![
                Cell::text(r.name.value.clone()),
                Cell::opt_text(r.short_name.as_ref().map(|s| s.value.clone())),
                Cell::text(
                    r.municipalities
                        .iter()
                        .map(|m| m.value.as_str())
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                date_cell(&r.started.value),
                Cell::text(model.get(lang)),
                opt_count(k.gps.as_ref()),
                opt_count(k.practices.as_ref()),
                opt_count(k.listed_patients.as_ref()),
                joined,
                k.as_of
                    .as_ref()
                    .map_or(Cell::Empty, |d| date_cell(&d.value)),
                illustrative_cell(k.illustrative, lang),
            ],
        );
    }
    let mut mandates = Tab::new(
        ctx,
        ctx.multi,
        &[
            ("mandate_share", l::MANDATE_SHARE, R),
            ("of", l::MANDATE_OF, L),
            ("given_by", l::GIVEN_BY, L),
            ("date", l::DATE, L),
            ("purpose", l::PURPOSE, L),
        ],
    );
    for input in ctx.inputs {
        let names = Names::new(input.plan);
        for m in &input.plan.region.mandates {
            mandates.push(
                input.plan,
                vec![
                    Cell::Percent {
                        value: m.share_pct.value,
                    },
                    named_cell(m.of.value, lang, Tone::Neutral),
                    m.given_by
                        .as_ref()
                        .map_or(Cell::Empty, |b| names.body_cell(&b.value)),
                    m.date.as_ref().map_or(Cell::Empty, |d| date_cell(&d.value)),
                    Cell::text(m.purpose.value.clone()),
                ],
            );
        }
    }
    if t.table.rows.is_empty() {
        return;
    }
    let t = t.without_empty("illustrative");
    let mut section = Section::table("region", l::REGION_SECTION.get(lang), t.table);
    if !mandates.table.rows.is_empty() {
        section.blocks.push(Block::Table(mandates.table));
    }
    out.push(section);
}

fn members(ctx: &Ctx<'_>, out: &mut Vec<Section>) {
    let mut t = Tab::new(
        ctx,
        ctx.multi,
        &[
            ("organisation", l::ORGANISATION, L),
            ("kind", l::KIND, L),
            ("domain", l::DOMAIN, L),
            ("gps", l::GPS, R),
            ("practices", l::PRACTICES, R),
            ("listed_patients", l::LISTED_PATIENTS, R),
            ("illustrative", l::ILLUSTRATIVE, L),
        ],
    );
    for input in ctx.inputs {
        for o in &input.plan.organisations {
            if o.relation.value != Relation::Member {
                continue;
            }
            t.push(
                input.plan,
                vec![
                    Cell::text(o.name.value.clone()),
                    Cell::text(words(o.kind.value, ctx.lang)),
                    domain_cell(crate::judge::domains::domain(o), ctx.lang),
                    opt_count(o.gps.as_ref()),
                    opt_count(o.practices.as_ref()),
                    opt_count(o.listed_patients.as_ref()),
                    illustrative_cell(o.illustrative, ctx.lang),
                ],
            );
        }
    }
    t.without_empty("illustrative")
        .section("members", l::MEMBERS_SECTION, ctx.lang, out);
}

fn governance(ctx: &Ctx<'_>, out: &mut Vec<Section>) {
    let mut t = Tab::new(
        ctx,
        ctx.multi,
        &[
            ("body", l::BODY, L),
            ("kind", l::KIND, L),
            ("takes_decisions", l::TAKES_DECISIONS, L),
            ("seats", l::SEATS, R),
            ("chair", l::CHAIR, L),
        ],
    );
    for input in ctx.inputs {
        let names = Names::new(input.plan);
        for body in &input.plan.governance {
            let chair = body
                .members
                .iter()
                .find(|m| m.role.as_ref().is_some_and(|r| r.value == SeatRole::Chair))
                .map_or(Cell::Empty, |m| {
                    if let Some(p) = &m.person {
                        names.person(Some(&p.value))
                    } else if let Some(o) = &m.organisation {
                        names.org_cell(&o.value)
                    } else {
                        Cell::Empty
                    }
                });
            t.push(
                input.plan,
                vec![
                    Cell::text(body.name.value.clone()),
                    Cell::text(words(body.kind.value, ctx.lang)),
                    yes_no(body.takes_decisions(), ctx.lang),
                    Cell::count(body.members.len() as u64, None),
                    chair,
                ],
            );
        }
    }
    t.section("governance", l::GOVERNANCE_SECTION, ctx.lang, out);
}

fn plan_period(ctx: &Ctx<'_>, out: &mut Vec<Section>) {
    let mut t = Tab::new(
        ctx,
        ctx.multi,
        &[
            ("title", l::TITLE, L),
            ("local_name", l::LOCAL_NAME, L),
            ("adopted", l::ADOPTED, L),
            ("adopted_by", l::ADOPTED_BY, L),
            ("start", l::PERIOD_START, L),
            ("end", l::PERIOD_END, L),
            ("horizon_date", l::HORIZON_DATE, L),
            ("horizon", l::HORIZON, L),
            ("ambition", l::AMBITION, L),
            ("monitoring", l::MONITORING, L),
        ],
    );
    let mut documents = Tab::new(
        ctx,
        ctx.multi,
        &[
            ("document", l::DOCUMENT, L),
            ("title", l::TITLE, L),
            ("year", l::YEAR, R),
            ("status", l::STATUS, L),
        ],
    );
    for input in ctx.inputs {
        let names = Names::new(input.plan);
        let info = input.plan.plan.as_ref();
        let p = &input.plan.period;
        t.push(
            input.plan,
            vec![
                Cell::opt_text(info.and_then(|i| i.title.as_ref()).map(|t| t.value.clone())),
                Cell::opt_text(
                    info.and_then(|i| i.local_name.as_ref())
                        .map(|n| n.value.clone()),
                ),
                info.and_then(|i| i.adopted.as_ref())
                    .map_or(Cell::Empty, |d| date_cell(&d.value)),
                info.and_then(|i| i.adopted_by.as_ref())
                    .map_or(Cell::Empty, |b| names.body_cell(&b.value)),
                date_cell(&p.start.value),
                date_cell(&p.end.value),
                p.horizon
                    .as_ref()
                    .map_or(Cell::Empty, |h| date_cell(&h.date.value)),
                Cell::opt_text(p.horizon.as_ref().map(|h| h.description.value.clone())),
                Cell::opt_text(p.ambition.as_ref().map(|a| {
                    format!("{} ({}): {}", a.name.value, a.year.value, a.statement.value)
                })),
                Cell::opt_text(p.monitoring.as_ref().map(|m| words(m.value, ctx.lang))),
            ],
        );
        for d in info.map_or(&[][..], |i| i.documents.as_slice()) {
            documents.push(
                input.plan,
                vec![
                    Cell::text(words(d.kind.value, ctx.lang)),
                    Cell::opt_text(d.title.as_ref().map(|t| t.value.clone())),
                    d.year.as_ref().map_or(Cell::Empty, |y| Cell::year(y.value)),
                    document_status_cell(d.status.value, ctx.lang),
                ],
            );
        }
    }
    if t.table.rows.is_empty() {
        return;
    }
    let mut section = Section::table("plan", l::PLAN_SECTION.get(ctx.lang), t.table);
    if !documents.table.rows.is_empty() {
        section.blocks.push(Block::Table(documents.table));
    }
    out.push(section);
}

/// Goals of a theme by status, all depths.
fn status_counts(theme: &Theme) -> [u64; 5] {
    let mut counts = [0; 5];
    walk_goals(&theme.goals, None, &mut |g, _| {
        if let Some(i) = Status::ALL.iter().position(|s| *s == g.status.value) {
            counts[i] += 1;
        }
    });
    counts
}

/// The mean progress of a theme's goals that have one, each counted between 0% and 100%.
fn theme_progress(theme: &Theme, as_of: NaiveDate) -> Option<f64> {
    let (mut sum, mut n) = (0.0, 0u32);
    walk_goals(&theme.goals, None, &mut |g, _| {
        if let Some(p) = goals::progress(g, as_of) {
            sum += p.clamp(0.0, 100.0);
            n += 1;
        }
    });
    (n > 0).then(|| sum / f64::from(n))
}

fn themes_table(
    ctx: &Ctx<'_>,
    picked: &[(Input<'_>, Vec<&Theme>)],
    out: &mut Vec<Section>,
    whole: bool,
) {
    let lang = ctx.lang;
    let mut columns = vec![
        ("theme", l::THEME, L),
        ("trekker", l::TREKKER, L),
        if whole {
            ("workgroup_size", l::WORKGROUP_SIZE, R)
        } else {
            ("workgroup", l::WORKGROUP, L)
        },
        ("board_contact", l::BOARD_CONTACT, L),
        ("strategic", l::STRATEGIC, L),
        ("building_blocks", l::BUILDING_BLOCKS, L),
    ];
    if !whole {
        columns.push(("extra_attention", l::EXTRA_ATTENTION, L));
        columns.push(("rationale", l::RATIONALE, L));
    }
    columns.push(("goals", l::GOALS, R));
    if whole {
        for status in Status::ALL {
            columns.push((status.name(), l::word(*status), R));
        }
    }
    columns.push(("progress", l::PROGRESS, R));
    let mut t = Tab::new(ctx, ctx.multi, &columns);
    let mut series: Vec<Series> = Status::ALL
        .iter()
        .map(|status| Series {
            label: words(*status, lang).to_string(),
            points: Vec::new(),
        })
        .collect();
    for (input, themes) in picked {
        let names = Names::new(input.plan);
        for theme in themes {
            let workgroup = theme
                .workgroup
                .as_ref()
                .and_then(|w| input.plan.workgroups.iter().find(|g| g.id.value == w.value));
            let mut row = vec![
                Cell::text(theme.name.value.clone()),
                names.person(theme.trekker.as_ref().map(|p| &p.value)),
                if whole {
                    workgroup.map_or(Cell::Empty, |w| Cell::count(w.members.len() as u64, None))
                } else {
                    match (workgroup, &theme.workgroup) {
                        (Some(w), _) => Cell::text(w.name.value.clone()),
                        (None, Some(id)) => Cell::text(id.value.0.clone()),
                        (None, None) => Cell::Empty,
                    }
                },
                names.person(theme.board_contact.as_ref().map(|p| &p.value)),
                strategic_cell(theme.strategic.value, lang),
                Cell::opt_text(block_names(ctx, &theme.building_blocks)),
            ];
            if !whole {
                row.push(Cell::opt_text((!theme.extra_attention.is_empty()).then(
                    || {
                        theme
                            .extra_attention
                            .iter()
                            .map(|y| y.value.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                )));
                row.push(Cell::opt_text(
                    theme.rationale.as_ref().map(|r| r.value.clone()),
                ));
            }
            let counts = status_counts(theme);
            row.push(Cell::count(counts.iter().sum(), None));
            for (i, count) in counts.iter().enumerate() {
                if whole {
                    row.push(Cell::count(*count, None));
                }
                let x = if ctx.multi {
                    format!("{} ({})", theme.name.value, region_name(input.plan))
                } else {
                    theme.name.value.clone()
                };
                series[i].points.push(Point {
                    x: Cell::text(x),
                    y: Cell::count(*count, None),
                });
            }
            row.push(
                theme_progress(theme, ctx.as_of)
                    .map_or(Cell::Empty, |value| Cell::Progress { value }),
            );
            t.push(input.plan, row);
        }
    }
    if t.table.rows.is_empty() {
        return;
    }
    let mut section = Section::table("themes", l::THEMES_SECTION.get(lang), t.table);
    if whole {
        section.blocks.push(Block::Chart(Chart {
            kind: ChartKind::StackedBar,
            title: l::GOALS_BY_STATUS_CHART.get(lang).to_string(),
            x_label: l::THEME.get(lang).to_string(),
            y_label: l::GOALS.get(lang).to_string(),
            series,
            marker: None,
        }));
    }
    out.push(section);
}

/// Building-block names from the catalogue (the id when the catalogue does not have it).
fn block_names(ctx: &Ctx<'_>, ids: &[crate::plan::S<crate::plan::raw::Id>]) -> Option<String> {
    (!ids.is_empty()).then(|| {
        ids.iter()
            .map(|id| block_name(ctx, &id.value.0))
            .collect::<Vec<_>>()
            .join(", ")
    })
}

fn block_name<'a>(ctx: &'a Ctx<'_>, id: &'a str) -> &'a str {
    ctx.catalogue
        .blocks
        .iter()
        .find(|b| b.id == id)
        .map_or(id, |b| b.name.as_str())
}

fn building_blocks(ctx: &Ctx<'_>, out: &mut Vec<Section>) {
    let mut t = Tab::new(
        ctx,
        ctx.multi,
        &[
            ("building_block", l::BUILDING_BLOCK, L),
            ("level", l::LEVEL, L),
            ("themes", l::SERVED_BY, L),
            ("note", l::NOTE, L),
            ("illustrative", l::ILLUSTRATIVE, L),
        ],
    );
    for input in ctx.inputs {
        for a in &input.plan.building_blocks {
            let block = &a.block.value.0;
            let serving: Vec<&str> = input
                .plan
                .themes
                .iter()
                .filter(|t| t.building_blocks.iter().any(|b| &b.value.0 == block))
                .map(|t| t.name.value.as_str())
                .collect();
            t.push(
                input.plan,
                vec![
                    Cell::text(block_name(ctx, block)),
                    maturity_cell(a.level.value, ctx.lang),
                    Cell::opt_text((!serving.is_empty()).then(|| serving.join(", "))),
                    Cell::opt_text(a.note.as_ref().map(|n| n.value.clone())),
                    illustrative_cell(a.illustrative, ctx.lang),
                ],
            );
        }
    }
    t.without_empty("illustrative").section(
        "building_blocks",
        l::BUILDING_BLOCKS_SECTION,
        ctx.lang,
        out,
    );
}

fn contracts(ctx: &Ctx<'_>, out: &mut Vec<Section>) {
    let lang = ctx.lang;
    let mut t = Tab::new(
        ctx,
        ctx.multi,
        &[
            ("contract", l::CONTRACT, L),
            ("insurer", l::INSURER, L),
            ("co_insurers", l::CO_INSURERS, L),
            ("start", l::PERIOD_START, L),
            ("end", l::PERIOD_END, L),
            ("segments", l::SEGMENTS, L),
            ("yearly_amount", l::AMOUNT_PER_YEAR, R),
            ("amount", l::AMOUNT_OVER_YEARS, R),
            ("basis", l::BASIS, L),
        ],
    );
    let mut conditions = Tab::new(
        ctx,
        ctx.multi,
        &[
            ("contract", l::CONTRACT, L),
            ("condition", l::CONDITION, L),
            ("threshold", l::THRESHOLD, R),
            ("met", l::MET, L),
            ("reading", l::READING, L),
            ("description", l::DESCRIPTION, L),
        ],
    );
    let mut agreements = Tab::new(
        ctx,
        ctx.multi,
        &[
            ("contract", l::CONTRACT, L),
            ("result_agreement", l::RESULT_AGREEMENT, L),
            ("goals", l::GOALS, L),
            ("deadline", l::DEADLINE, L),
        ],
    );
    for input in ctx.inputs {
        let names = Names::new(input.plan);
        for c in &input.plan.contracts {
            let amounts = c.amounts();
            let segments: Vec<String> = c
                .segments
                .iter()
                .map(|s| {
                    format!(
                        "{} ({})",
                        words(s.segment.value, lang),
                        words(s.scope.value, lang)
                    )
                })
                .collect();
            t.push(
                input.plan,
                vec![
                    Cell::text(c.id.value.0.clone()),
                    names.org_cell(&c.insurer.value),
                    names.orgs_cell(&c.co_insurers),
                    date_cell(&c.start.value),
                    date_cell(&c.end.value),
                    Cell::text(segments.join(", ")),
                    amounts.map_or(Cell::Empty, |a| Cell::euro(a.yearly)),
                    amounts.map_or(Cell::Empty, |a| Cell::euro(a.total)),
                    Cell::opt_text(documents_text(&c.basis, lang)),
                ],
            );
            for cond in &c.conditions {
                conditions.push(
                    input.plan,
                    vec![
                        Cell::text(c.id.value.0.clone()),
                        condition_kind_cell(cond.kind.value, lang),
                        threshold_cell(cond, lang),
                        match cond.met.as_ref().map(|m| m.value) {
                            Some(true) => word("yes", l::YES, lang, Tone::Good),
                            Some(false) => word("no", l::NO, lang, Tone::Bad),
                            None => word("unknown", l::UNKNOWN, lang, Tone::Neutral),
                        },
                        // The tool's reading of the plan's own figures, beside its `met:`.
                        crate::judge::checks::ConditionReading::of(input.plan, c, cond)
                            .judged
                            .map_or(Cell::Empty, |j| {
                                crate::analysis::gaps::frameworks::verdict_cell(
                                    j.verdict,
                                    j.illustrative,
                                    lang,
                                )
                            }),
                        Cell::opt_text(cond.description.as_ref().map(|d| d.value.clone())),
                    ],
                );
            }
            for a in &c.result_agreements {
                agreements.push(
                    input.plan,
                    vec![
                        Cell::text(c.id.value.0.clone()),
                        Cell::text(a.title.value.clone()),
                        Cell::opt_text((!a.goals.is_empty()).then(|| {
                            a.goals
                                .iter()
                                .map(|g| g.value.0.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        })),
                        a.deadline
                            .as_ref()
                            .map_or(Cell::Empty, |d| date_cell(&d.value)),
                    ],
                );
            }
        }
    }
    if t.table.rows.is_empty() {
        return;
    }
    let mut section = Section::table("contracts", l::CONTRACTS_SECTION.get(lang), t.table);
    for extra in [conditions, agreements] {
        if !extra.table.rows.is_empty() {
            section.blocks.push(Block::Table(extra.table));
        }
    }
    out.push(section);
}

pub(super) fn condition_kind_cell(kind: ConditionKind, lang: Lang) -> Cell {
    named_cell(kind, lang, Tone::Neutral)
}

/// What a condition asks at least: listed patients, a mandate share of GPs or practices, a
/// number of other domains, or the documents asked for.
fn threshold_cell(cond: &crate::plan::raw::Condition, lang: Lang) -> Cell {
    let min = cond.min.as_ref().map(|m| m.value);
    let with = |unit: Label| min.map_or(Cell::Empty, |v| Cell::number(v, Some(unit.get(lang))));
    match cond.kind.value {
        ConditionKind::MinListedPatients => with(l::UNIT_PATIENTS),
        ConditionKind::MinMandateShare => with(
            match cond.of.as_ref().map_or(MandateBase::Gps, |o| o.value) {
                MandateBase::Gps => l::PCT_OF_GPS,
                MandateBase::Practices => l::PCT_OF_PRACTICES,
            },
        ),
        ConditionKind::OtherDomains => with(l::UNIT_DOMAINS),
        ConditionKind::Documents => Cell::opt_text(documents_text(&cond.documents, lang)),
        ConditionKind::ResultAgreements | ConditionKind::Other => Cell::Empty,
    }
}

fn programmes(ctx: &Ctx<'_>, out: &mut Vec<Section>) {
    let lang = ctx.lang;
    let metrics = [
        (Metric::Practices, "practices", l::PRACTICES),
        (
            Metric::PlansSubmitted,
            "plans_submitted",
            l::PLANS_SUBMITTED,
        ),
        (Metric::PlansFunded, "plans_funded", l::PLANS_FUNDED),
        (
            Metric::ResidentsReached,
            "residents_reached",
            l::RESIDENTS_REACHED,
        ),
        (
            Metric::PatientsReached,
            "patients_reached",
            l::PATIENTS_REACHED,
        ),
    ];
    let mut columns = vec![
        ("programme", l::PROGRAMME, L),
        ("kind", l::KIND, L),
        ("start", l::PERIOD_START, L),
        ("end", l::PERIOD_END, L),
    ];
    columns.extend(metrics.iter().map(|(_, id, label)| (*id, *label, R)));
    columns.push(("learning_network", l::LEARNING_NETWORK, L));
    let mut t = Tab::new(ctx, ctx.multi, &columns);
    for input in ctx.inputs {
        for p in &input.plan.programmes {
            let mut row = vec![
                Cell::text(p.name.value.clone()),
                Cell::text(words(p.kind.value, lang)),
                date_cell(&p.start.value),
                p.end.as_ref().map_or(Cell::Empty, |d| date_cell(&d.value)),
            ];
            for (metric, _, _) in &metrics {
                // The latest figure of each metric: its reach now.
                let latest = p
                    .figures
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| f.metric.value == *metric)
                    .max_by_key(|(i, f)| (f.date.value.sort_key(), *i))
                    .map(|(_, f)| f.value.value);
                row.push(latest.map_or(Cell::Empty, |v| Cell::count(v, None)));
            }
            row.push(yes_no(p.learning_network, lang));
            t.push(input.plan, row);
        }
    }
    t.section("programmes", l::PROGRAMMES_SECTION, lang, out);
}

fn modules(ctx: &Ctx<'_>, out: &mut Vec<Section>) {
    let lang = ctx.lang;
    let mut t = Tab::new(
        ctx,
        ctx.multi,
        &[
            ("module", l::MODULE, L),
            ("contract", l::CONTRACT, L),
            ("counted", l::UPTAKE_DATE, L),
            ("practices", l::PRACTICES, R),
            ("share_of_practices", l::SHARE_OF_PRACTICES, R),
            ("listed_patients", l::LISTED_PATIENTS, R),
            ("share_of_patients", l::SHARE_OF_PATIENTS, R),
        ],
    );
    let mut series = Vec::new();
    for input in ctx.inputs {
        let figures = &input.plan.region.key_figures;
        let share = |part: u64, whole: Option<&crate::plan::S<u64>>| match whole {
            Some(w) if w.value > 0 => Cell::Percent {
                value: (part as f64 * 1000.0 / w.value as f64).round() / 10.0,
            },
            _ => Cell::Empty,
        };
        for m in &input.plan.modules {
            let latest = m
                .uptake
                .iter()
                .enumerate()
                .max_by_key(|(i, u)| (u.date.value.sort_key(), *i))
                .map(|(_, u)| u);
            let mut row = vec![
                Cell::text(m.name.value.clone()),
                Cell::opt_text(m.contract.as_ref().map(|c| c.value.0.clone())),
            ];
            match latest {
                Some(u) => row.extend([
                    date_cell(&u.date.value),
                    Cell::count(u.practices.value, None),
                    share(u.practices.value, figures.practices.as_ref()),
                    opt_count(u.listed_patients.as_ref()),
                    u.listed_patients.as_ref().map_or(Cell::Empty, |p| {
                        share(p.value, figures.listed_patients.as_ref())
                    }),
                ]),
                None => row.extend([
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                    Cell::Empty,
                ]),
            }
            t.push(input.plan, row);
            if !m.uptake.is_empty() {
                let label = if ctx.multi {
                    format!("{} ({})", m.name.value, region_name(input.plan))
                } else {
                    m.name.value.clone()
                };
                series.push(Series {
                    label,
                    points: m
                        .uptake
                        .iter()
                        .map(|u| Point {
                            x: date_cell(&u.date.value),
                            y: Cell::count(u.practices.value, None),
                        })
                        .collect(),
                });
            }
        }
    }
    if t.table.rows.is_empty() {
        return;
    }
    let mut section = Section::table("modules", l::MODULES_SECTION.get(lang), t.table);
    if !series.is_empty() {
        section.blocks.push(Block::Chart(Chart {
            kind: ChartKind::Line,
            title: l::MODULES_SECTION.get(lang).to_string(),
            x_label: l::UPTAKE_DATE.get(lang).to_string(),
            y_label: l::PRACTICES.get(lang).to_string(),
            series,
            marker: Some(Marker {
                x: Cell::Date { value: ctx.as_of },
                label: l::AS_OF.get(lang).to_string(),
            }),
        }));
    }
    out.push(section);
}

fn funding(ctx: &Ctx<'_>, out: &mut Vec<Section>) {
    let lang = ctx.lang;
    let mut lines = Tab::new(
        ctx,
        ctx.multi,
        &[
            ("year", l::YEAR, R),
            ("line", l::LINE, L),
            ("payer", l::PAYER, L),
            ("recipient", l::RECIPIENT, L),
            ("title", l::TITLE, L),
            ("amount", l::AMOUNT, R),
            ("illustrative", l::ILLUSTRATIVE, L),
        ],
    );
    let mut per_member = Tab::new(
        ctx,
        ctx.multi,
        &[
            ("member", l::MEMBER, L),
            ("year", l::YEAR, R),
            ("amount", l::AMOUNT, R),
            ("listed_patients", l::LISTED_PATIENTS, R),
            ("per_listed_patient", l::PER_LISTED_PATIENT, R),
        ],
    );
    for input in ctx.inputs {
        let names = Names::new(input.plan);
        let mut totals: Vec<(&str, u64, f64)> = Vec::new();
        for f in &input.plan.funding {
            lines.push(
                input.plan,
                vec![
                    Cell::year(f.year.value),
                    Cell::text(words(f.line.value, lang)),
                    names.org_cell(&f.payer.value),
                    names.org_cell(&f.recipient.value),
                    Cell::opt_text(f.title.as_ref().map(|t| t.value.clone())),
                    Cell::euro(f.amount_eur.value),
                    illustrative_cell(f.illustrative, lang),
                ],
            );
            let recipient = f.recipient.value.0.as_str();
            match totals
                .iter_mut()
                .find(|(r, y, _)| *r == recipient && *y == f.year.value)
            {
                Some(entry) => entry.2 += f.amount_eur.value,
                None => totals.push((recipient, f.year.value, f.amount_eur.value)),
            }
        }
        let order = |id: &str| {
            input
                .plan
                .organisations
                .iter()
                .position(|o| o.id.value.0 == id)
        };
        totals.sort_by_key(|(recipient, year, _)| (*year, order(recipient)));
        for (recipient, year, amount) in totals {
            let Some(org) = input
                .plan
                .organisations
                .iter()
                .find(|o| o.id.value.0 == recipient && o.relation.value == Relation::Member)
            else {
                continue;
            };
            let patients = org.listed_patients.as_ref().map(|p| p.value);
            per_member.push(
                input.plan,
                vec![
                    Cell::text(names.org(recipient)),
                    Cell::year(year),
                    Cell::euro(amount),
                    patients.map_or(Cell::Empty, |p| Cell::count(p, None)),
                    patients
                        .filter(|p| *p > 0)
                        .map_or(Cell::Empty, |p| Cell::euro(amount / p as f64)),
                ],
            );
        }
    }
    lines.section("funding", l::FUNDING_SECTION, lang, out);
    per_member.section(
        "funding_per_member",
        l::FUNDING_PER_MEMBER_SECTION,
        lang,
        out,
    );
}

fn workgroups(ctx: &Ctx<'_>, picked: &[(Input<'_>, Vec<&Theme>)], out: &mut Vec<Section>) {
    let mut t = Tab::new(
        ctx,
        ctx.multi,
        &[
            ("theme", l::THEME, L),
            ("workgroup", l::WORKGROUP, L),
            ("person", l::PERSON, L),
            ("organisation", l::ORGANISATION, L),
            ("role", l::ROLE, L),
        ],
    );
    for (input, themes) in picked {
        let names = Names::new(input.plan);
        for theme in themes {
            let Some(wg) = theme
                .workgroup
                .as_ref()
                .and_then(|w| input.plan.workgroups.iter().find(|g| g.id.value == w.value))
            else {
                continue;
            };
            for member in &wg.members {
                let person = names.people.get(member.value.0.as_str());
                let role = person.and_then(|p| {
                    p.profession
                        .as_ref()
                        .or(p.role.as_ref())
                        .map(|r| r.value.clone())
                });
                t.push(
                    input.plan,
                    vec![
                        Cell::text(theme.name.value.clone()),
                        Cell::text(wg.name.value.clone()),
                        names.person(Some(&member.value)),
                        person
                            .and_then(|p| p.organisation.as_ref())
                            .map_or(Cell::Empty, |o| names.org_cell(&o.value)),
                        Cell::opt_text(role),
                    ],
                );
            }
        }
    }
    t.section("workgroup", l::WORKGROUP_SECTION, ctx.lang, out);
}

/// Every goal of the picked themes, depth first, with region and theme in every row: a table of
/// who and when, and beside it a table of how it is measured, one row per goal in both (a
/// terminal cannot show all of it in one table; CSV joins the two row by row).
fn goal_table(ctx: &Ctx<'_>, picked: &[(Input<'_>, Vec<&Theme>)], out: &mut Vec<Section>) {
    let lang = ctx.lang;
    let mut goals_t = Tab::new(
        ctx,
        true,
        &[
            ("theme", l::THEME, L),
            ("goal", l::GOAL, L),
            ("parent", l::PARENT, L),
            ("title", l::TITLE, L),
            ("owner", l::OWNER, L),
            ("status", l::STATUS, L),
            ("deadline", l::DEADLINE, L),
            ("days_to_deadline", l::DAYS_TO_DEADLINE, R),
            ("illustrative", l::ILLUSTRATIVE, L),
        ],
    );
    let mut measures = Tab::new(
        ctx,
        true,
        &[
            ("goal", l::GOAL, L),
            ("indicator", l::INDICATOR, L),
            ("unit", l::UNIT, L),
            ("direction", l::DIRECTION, L),
            ("baseline", l::BASELINE, R),
            ("latest", l::LATEST, R),
            ("measured", l::MEASURED, L),
            ("next_milestone", l::NEXT_MILESTONE, L),
            ("milestone_target", l::MILESTONE_TARGET, R),
            ("target", l::TARGET, R),
            ("progress", l::PROGRESS, R),
            ("on_track", l::ON_TRACK, L),
        ],
    );
    for (input, themes) in picked {
        let names = Names::new(input.plan);
        let start = input.plan.period.start.value.earliest();
        for theme in themes {
            walk_goals(&theme.goals, None, &mut |g, parent| {
                let ind = g.indicator.as_ref();
                let latest = trajectory::latest_known(g, ctx.as_of);
                let next = goals::next_milestone(g, ctx.as_of);
                let num = |v: Option<f64>| v.map_or(Cell::Empty, |v| Cell::number(v, None));
                goals_t.push(
                    input.plan,
                    vec![
                        Cell::text(theme.name.value.clone()),
                        Cell::text(g.id.value.0.clone()),
                        Cell::opt_text(parent.map(|p| p.id.value.0.clone())),
                        Cell::text(g.title.value.clone()),
                        names.person(g.owner.as_ref().map(|o| &o.value)),
                        status_cell(g.status.value, lang),
                        g.deadline
                            .as_ref()
                            .map_or(Cell::Empty, |d| date_cell(&d.value)),
                        goals::days_to_deadline(g, ctx.as_of).map_or(Cell::Empty, |d| {
                            Cell::number(d as f64, Some(l::DAYS.get(lang)))
                        }),
                        illustrative_cell(g.illustrative, lang),
                    ],
                );
                measures.push(
                    input.plan,
                    vec![
                        Cell::text(g.id.value.0.clone()),
                        Cell::opt_text(ind.map(|i| i.name.value.clone())),
                        Cell::opt_text(ind.map(|i| i.unit.value.clone())),
                        ind.map_or(Cell::Empty, |i| Cell::text(words(i.direction.value, lang))),
                        num(ind.and_then(|i| i.baseline.as_ref()).map(|b| b.value)),
                        num(latest.map(|m| m.value.value)),
                        latest.map_or(Cell::Empty, |m| date_cell(&m.date.value)),
                        next.map_or(Cell::Empty, |m| date_cell(&m.date.value)),
                        num(next.and_then(|m| m.target.as_ref()).map(|t| t.value)),
                        num(ind.and_then(|i| i.target.as_ref()).map(|t| t.value)),
                        goals::progress(g, ctx.as_of)
                            .map_or(Cell::Empty, |value| Cell::Progress { value }),
                        track_cell(trajectory::state(g, start, ctx.as_of), lang),
                    ],
                );
            });
        }
    }
    if goals_t.table.rows.is_empty() {
        return;
    }
    let goals_t = goals_t.without_empty("illustrative");
    let mut section = Section::table("goals", l::GOALS_SECTION.get(lang), goals_t.table);
    section.blocks.push(Block::Table(measures.table));
    out.push(section);
}

/// Whether a goal gets a trend chart: two or more measurements with a date.
pub(crate) fn has_trend(goal: &crate::plan::raw::Goal) -> bool {
    goal.measurements
        .iter()
        .filter(|m| m.date.value.latest().is_some())
        .count()
        >= 2
}

/// A small line chart per goal with two or more measurements: the measurements from the
/// baseline, beside the planned course through the milestones with a target to the target at
/// the deadline (the course [`trajectory`] reads). Dates of a year or month sit on their last
/// day, as the trajectory reads them.
fn trends(ctx: &Ctx<'_>, picked: &[(Input<'_>, Vec<&Theme>)], out: &mut Vec<Section>) {
    let lang = ctx.lang;
    let mut blocks = vec![Block::Text(
        crate::report::Text::default().plain(l::TRENDS_LEAD.get(lang)),
    )];
    for (input, themes) in picked {
        let plan_start = input.plan.period.start.value.earliest();
        for theme in themes {
            walk_goals(&theme.goals, None, &mut |g, _| {
                if !has_trend(g) {
                    return;
                }
                let ind = g.indicator.as_ref();
                let start = ind
                    .and_then(|i| i.baseline_date.as_ref())
                    .and_then(|d| d.value.earliest())
                    .or(plan_start);
                let baseline = ind
                    .and_then(|i| i.baseline.as_ref())
                    .map(|b| b.value)
                    .zip(start);
                let point = |date: NaiveDate, value: f64| Point {
                    x: Cell::Date { value: date },
                    y: Cell::number(value, None),
                };
                let mut measured: Vec<Point> = Vec::new();
                if let Some((value, date)) = baseline {
                    measured.push(point(date, value));
                }
                for m in &g.measurements {
                    if let Some(date) = m.date.value.latest() {
                        measured.push(point(date, m.value.value));
                    }
                }
                let mut planned: Vec<(NaiveDate, f64)> = baseline
                    .map(|(value, date)| (date, value))
                    .into_iter()
                    .collect();
                let mut milestones: Vec<(NaiveDate, f64)> = g
                    .milestones
                    .iter()
                    .filter_map(|m| Some((m.date.value.latest()?, m.target.as_ref()?.value)))
                    .collect();
                milestones.sort_by_key(|(d, _)| *d);
                planned.extend(milestones);
                if let (Some(deadline), Some(target)) = (
                    g.deadline.as_ref().and_then(|d| d.value.latest()),
                    ind.and_then(|i| i.target.as_ref()),
                ) {
                    planned.push((deadline, target.value));
                }
                let mut series = vec![Series {
                    label: l::TREND_MEASURED.get(lang).to_string(),
                    points: measured,
                }];
                if planned.len() >= 2 {
                    series.push(Series {
                        label: l::TREND_PLANNED.get(lang).to_string(),
                        points: planned.into_iter().map(|(d, v)| point(d, v)).collect(),
                    });
                }
                let region = if ctx.multi {
                    format!(" ({})", region_name(input.plan))
                } else {
                    String::new()
                };
                blocks.push(Block::Chart(Chart {
                    kind: ChartKind::Trend,
                    title: format!("{}: {}{region}", g.id.value.0, g.title.value),
                    x_label: l::DATE.get(lang).to_string(),
                    y_label: ind.map_or_else(
                        || l::INDICATOR.get(lang).to_string(),
                        |i| i.unit.value.clone(),
                    ),
                    series,
                    marker: None,
                }));
            });
        }
    }
    if blocks.len() > 1 {
        out.push(Section {
            id: "trends".to_string(),
            heading: l::TRENDS_SECTION.get(lang).to_string(),
            blocks,
        });
    }
}

/// Every milestone of the picked goals, in goal order and by date within a goal.
fn milestones(ctx: &Ctx<'_>, picked: &[(Input<'_>, Vec<&Theme>)], out: &mut Vec<Section>) {
    let mut t = Tab::new(
        ctx,
        ctx.multi,
        &[
            ("theme", l::THEME, L),
            ("goal", l::GOAL, L),
            ("date", l::DATE, L),
            ("target", l::MILESTONE_TARGET, R),
            ("unit", l::UNIT, L),
            ("description", l::DESCRIPTION, L),
        ],
    );
    for (input, themes) in picked {
        for theme in themes {
            walk_goals(&theme.goals, None, &mut |g, _| {
                let mut sorted: Vec<_> = g.milestones.iter().enumerate().collect();
                sorted.sort_by_key(|(i, m)| (m.date.value.sort_key(), *i));
                for (_, m) in sorted {
                    t.push(
                        input.plan,
                        vec![
                            Cell::text(theme.name.value.clone()),
                            Cell::text(g.id.value.0.clone()),
                            date_cell(&m.date.value),
                            m.target
                                .as_ref()
                                .map_or(Cell::Empty, |v| Cell::number(v.value, None)),
                            Cell::opt_text(
                                m.target
                                    .as_ref()
                                    .and(g.indicator.as_ref())
                                    .map(|i| i.unit.value.clone()),
                            ),
                            Cell::opt_text(m.description.as_ref().map(|d| d.value.clone())),
                        ],
                    );
                }
            });
        }
    }
    t.section("milestones", l::MILESTONES_SECTION, ctx.lang, out);
}

/// Goals past their deadline, at risk or behind their trajectory, as of the report's date.
fn attention(ctx: &Ctx<'_>, picked: &[(Input<'_>, Vec<&Theme>)], out: &mut Vec<Section>) {
    let lang = ctx.lang;
    let mut t = Tab::new(
        ctx,
        ctx.multi,
        &[
            ("theme", l::THEME, L),
            ("goal", l::GOAL, L),
            ("title", l::TITLE, L),
            ("owner", l::OWNER, L),
            ("status", l::STATUS, L),
            ("deadline", l::DEADLINE, L),
            ("days_to_deadline", l::DAYS_TO_DEADLINE, R),
            ("why", l::WHY, L),
        ],
    );
    for (input, themes) in picked {
        let names = Names::new(input.plan);
        let start = input.plan.period.start.value.earliest();
        for theme in themes {
            walk_goals(&theme.goals, None, &mut |g, _| {
                let Some(why) = goals::attention(g, start, ctx.as_of) else {
                    return;
                };
                let (value, label, tone) = match why {
                    Attention::Overdue => ("overdue", l::WHY_OVERDUE, Tone::Bad),
                    Attention::AtRisk => ("at_risk", l::WHY_AT_RISK, Tone::Warning),
                    Attention::Behind => ("behind", l::WHY_BEHIND, Tone::Warning),
                };
                t.push(
                    input.plan,
                    vec![
                        Cell::text(theme.name.value.clone()),
                        Cell::text(g.id.value.0.clone()),
                        Cell::text(g.title.value.clone()),
                        names.person(g.owner.as_ref().map(|o| &o.value)),
                        status_cell(g.status.value, lang),
                        g.deadline
                            .as_ref()
                            .map_or(Cell::Empty, |d| date_cell(&d.value)),
                        goals::days_to_deadline(g, ctx.as_of).map_or(Cell::Empty, |d| {
                            Cell::number(d as f64, Some(l::DAYS.get(lang)))
                        }),
                        word(value, label, lang, tone),
                    ],
                );
            });
        }
    }
    t.section("attention", l::ATTENTION_SECTION, lang, out);
}
