//! What changed between two versions of a plan, matched by id.
//!
//! [`diff`] compares every part of a plan: the plan block and its documents (by kind and year),
//! the region with its key figures, mandates and partial municipalities, the period,
//! organisations, people and their roles, governance bodies and workgroups and who sits in them
//! for which term, themes, goals (at any depth) with their indicators, measurements, milestones
//! (by date) and monitoring, the people in roles, building-block levels, contracts with their
//! conditions (by kind) and result agreements (by title), modules and their uptake, services,
//! neighbourhoods, programmes and their figures, funding lines (matched by payer, recipient,
//! year, line, title and programme), priorities (by year), partnerships and sources (by title). It returns the changes as data; [`report`] turns them into a report.
//! Within each list the changes follow the order of the new plan, then come the items that were
//! removed, in the order of the old plan. When an id occurs twice, the first occurrence counts.
//!
//! Roles and measurements are compared only for themes and goals present in both versions: an
//! added goal with an owner and measurements is one change, "added". Pure: no I/O, no printing.

mod parts;
mod report;

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde::Serialize;

use crate::plan::domain::Named as _;
use crate::plan::raw::{
    BodyMember, Date, Goal, GovernanceBody, Id, Indicator, Module, Person, SeatRole, Status, Theme,
    Workgroup,
};
use crate::plan::{Plan, S};

pub use parts::{FieldChange, ItemChange, ItemChangeKind, Value};
pub use report::{Versions, report};

/// Every change between two versions of a plan, grouped by what changed.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct PlanDiff {
    /// The plan block: title, local name, adoption and documents (item `plan`).
    pub plan: Vec<ItemChange>,
    pub period: Vec<PeriodChange>,
    pub themes: Vec<ThemeChange>,
    pub goals: Vec<GoalChange>,
    pub roles: Vec<RoleChange>,
    pub measurements: Vec<MeasurementChange>,
    pub people: Vec<PersonChange>,
    pub memberships: Vec<MembershipChange>,
    pub modules: Vec<ModuleChange>,
    /// The region's name, governance model, key figures and so on (item `region`).
    pub region: Vec<ItemChange>,
    pub organisations: Vec<ItemChange>,
    /// Governance bodies and workgroups themselves (their seats are in `memberships`).
    pub bodies: Vec<ItemChange>,
    /// Levels on the building blocks, by block id.
    pub building_blocks: Vec<ItemChange>,
    pub contracts: Vec<ItemChange>,
    pub services: Vec<ItemChange>,
    pub neighbourhoods: Vec<ItemChange>,
    /// Programmes and their figures.
    pub programmes: Vec<ItemChange>,
    /// Funding lines, keyed `payer → recipient year line[ title][ programme]`.
    pub funding: Vec<ItemChange>,
    /// Priorities (speerpunten), by year.
    pub priorities: Vec<ItemChange>,
    pub partnerships: Vec<ItemChange>,
    /// Sources, by title.
    pub sources: Vec<ItemChange>,
    /// The names of the people in either version (the new name when both have one), so that
    /// a report can show a person as `Name (id)`.
    #[serde(skip)]
    pub names: BTreeMap<String, String>,
}

impl PlanDiff {
    /// The number of changes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.plan.len()
            + self.period.len()
            + self.themes.len()
            + self.goals.len()
            + self.roles.len()
            + self.measurements.len()
            + self.people.len()
            + self.memberships.len()
            + self.modules.len()
            + self.region.len()
            + self.organisations.len()
            + self.bodies.len()
            + self.building_blocks.len()
            + self.contracts.len()
            + self.services.len()
            + self.neighbourhoods.len()
            + self.programmes.len()
            + self.funding.len()
            + self.priorities.len()
            + self.partnerships.len()
            + self.sources.len()
    }

    /// A person as `Name (id)`, or the id when neither version names them.
    #[must_use]
    pub fn person(&self, id: &str) -> String {
        match self.names.get(id) {
            Some(name) => format!("{name} ({id})"),
            None => id.to_string(),
        }
    }

    /// True when nothing changed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A value before and after.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit<T> {
    pub old: T,
    pub new: T,
}

/// A date that was set, cleared or moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateMove {
    pub old: Option<String>,
    pub new: Option<String>,
    /// Days the date moved (positive: later), when both dates are valid.
    pub days: Option<i64>,
}

/// A change to the plan period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodChange {
    pub field: PeriodField,
    #[serde(flatten)]
    pub moved: DateMove,
}

/// The dates of the plan period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PeriodField {
    Start,
    End,
    /// The date of the point on the horizon.
    Horizon,
}

/// A change to a theme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeChange {
    pub theme: String,
    #[serde(flatten)]
    pub change: ThemeChangeKind,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum ThemeChangeKind {
    Added {
        name: String,
    },
    Removed {
        name: String,
    },
    /// Same id, other name.
    Renamed(Edit<String>),
    /// Taken up regionally, left to members or undecided.
    Strategic(Edit<String>),
    /// Another field of the theme, e.g. `building_blocks` or `extra_attention`.
    Changed(FieldChange),
}

/// Where a goal hangs, or what a role is held for: a theme or a goal, by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemRef {
    Theme(String),
    Goal(String),
}

impl fmt::Display for ItemRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ItemRef::Theme(id) => write!(f, "theme {id}"),
            ItemRef::Goal(id) => write!(f, "goal {id}"),
        }
    }
}

/// A change to a goal or subgoal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GoalChange {
    pub goal: String,
    /// The theme the goal is in (in the old plan for a removed goal).
    pub theme: String,
    #[serde(flatten)]
    pub change: GoalChangeKind,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum GoalChangeKind {
    Added {
        title: String,
        parent: ItemRef,
    },
    Removed {
        title: String,
        parent: ItemRef,
    },
    /// Same id, other title.
    Renamed(Edit<String>),
    /// Another theme or parent goal.
    Moved(Edit<ItemRef>),
    Status(Edit<Status>),
    Deadline(DateMove),
    /// The indicator's target.
    Target(Edit<Option<f64>>),
    /// The indicator's unit.
    Unit(Edit<Option<String>>),
    /// The indicator's direction.
    Direction(Edit<Option<String>>),
    /// The indicator's name: what is measured.
    Indicator(Edit<Option<String>>),
    /// The indicator's value at the start.
    Baseline(Edit<Option<f64>>),
    /// When the baseline was measured.
    BaselineDate(DateMove),
    /// The building blocks the goal serves (ids).
    BuildingBlocks(Edit<Vec<String>>),
    /// Another description.
    Description(Edit<Option<String>>),
    /// Another field: `monitoring`, or a milestone (`milestones 2023-06 target`).
    Changed(FieldChange),
}

/// A role that passed to someone else, was filled or was left empty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoleChange {
    pub item: ItemRef,
    pub role: Role,
    /// Person ids (a workgroup id for [`Role::Workgroup`]).
    #[serde(flatten)]
    pub holder: Edit<Option<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The trekker of a theme.
    Trekker,
    /// The aanspreekpunt of a theme in the dagelijks bestuur.
    BoardContact,
    /// The workgroup that carries a theme.
    Workgroup,
    /// The owner of a goal.
    Owner,
}

/// A dated value that was added, corrected or removed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesChange<T> {
    pub date: String,
    pub old: Option<T>,
    pub new: Option<T>,
}

/// A measurement of a goal's indicator that was added, corrected or removed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeasurementChange {
    pub goal: String,
    #[serde(flatten)]
    pub change: SeriesChange<f64>,
    /// The indicator's unit in the new plan.
    pub unit: Option<String>,
}

/// A person added, removed or renamed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonChange {
    pub person: String,
    #[serde(flatten)]
    pub change: PersonChangeKind,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum PersonChangeKind {
    Added {
        name: String,
    },
    Removed {
        name: String,
    },
    Renamed(Edit<String>),
    /// Another field of the person, e.g. `role` or `organisation`.
    Changed(FieldChange),
}

/// A governance body or a workgroup, by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyRef {
    Governance(String),
    Workgroup(String),
}

impl fmt::Display for BodyRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BodyRef::Governance(id) => write!(f, "{id}"),
            BodyRef::Workgroup(id) => write!(f, "workgroup {id}"),
        }
    }
}

/// Who holds a seat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberRef {
    Person(String),
    Organisation(String),
    Neighbourhood(String),
}

impl fmt::Display for MemberRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MemberRef::Person(id) => write!(f, "{id}"),
            MemberRef::Organisation(id) => write!(f, "organisation {id}"),
            MemberRef::Neighbourhood(id) => write!(f, "neighbourhood {id}"),
        }
    }
}

/// A seat in a governance body or workgroup taken, given up or given another role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MembershipChange {
    pub body: BodyRef,
    pub member: MemberRef,
    #[serde(flatten)]
    pub change: MembershipKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum MembershipKind {
    Joined {
        role: Option<String>,
    },
    Left {
        role: Option<String>,
    },
    Role(Edit<Option<String>>),
    /// Since when the seat is held.
    Since(Edit<Option<String>>),
    /// Until when the seat is held.
    Until(Edit<Option<String>>),
}

/// A module added, removed, renamed, or with other uptake.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ModuleChange {
    pub module: String,
    #[serde(flatten)]
    pub change: ModuleChangeKind,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum ModuleChangeKind {
    Added {
        name: String,
    },
    Removed {
        name: String,
    },
    Renamed(Edit<String>),
    /// Practices that contracted the module at a date.
    Uptake(SeriesChange<u64>),
    /// Listed patients of those practices at a date.
    UptakePatients(SeriesChange<u64>),
    /// Another field of the module, e.g. `contract` or `themes`.
    Changed(FieldChange),
}

/// What changed from `old` to `new`, by id.
#[must_use]
pub fn diff(old: &Plan, new: &Plan) -> PlanDiff {
    let old_goals = goals_of(old);
    let new_goals = goals_of(new);
    PlanDiff {
        plan: parts::plan_block(old, new),
        period: period(old, new),
        themes: themes(&old.themes, &new.themes),
        goals: goals(&old_goals, &new_goals),
        roles: roles(&old.themes, &new.themes, &old_goals, &new_goals),
        measurements: measurements(&old_goals, &new_goals),
        people: people(&old.people, &new.people),
        memberships: memberships(old, new),
        modules: modules(&old.modules, &new.modules),
        region: parts::region(old, new),
        organisations: parts::compare_parts(&old.organisations, &new.organisations),
        bodies: parts::bodies(old, new),
        building_blocks: parts::compare_parts(&old.building_blocks, &new.building_blocks),
        contracts: parts::compare_parts(&old.contracts, &new.contracts),
        services: parts::compare_parts(&old.services, &new.services),
        neighbourhoods: parts::compare_parts(&old.neighbourhoods, &new.neighbourhoods),
        programmes: parts::compare_parts(&old.programmes, &new.programmes),
        funding: parts::funding(old, new),
        priorities: parts::priorities(old, new),
        partnerships: parts::compare_parts(&old.partnerships, &new.partnerships),
        sources: parts::compare_parts(&old.sources, &new.sources),
        names: names(old, new),
    }
}

/// Person ids to names, from both versions; the new name wins.
fn names(old: &Plan, new: &Plan) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for person in old.people.iter().chain(&new.people) {
        names.insert(key(&person.id).to_string(), person.name.value.clone());
    }
    names
}

fn period<'a>(old: &'a Plan, new: &'a Plan) -> Vec<PeriodChange> {
    let horizon = |plan: &'a Plan| plan.period.horizon.as_ref().map(|h| &h.date);
    let dates = [
        (
            PeriodField::Start,
            Some(&old.period.start),
            Some(&new.period.start),
        ),
        (
            PeriodField::End,
            Some(&old.period.end),
            Some(&new.period.end),
        ),
        (PeriodField::Horizon, horizon(old), horizon(new)),
    ];
    dates
        .into_iter()
        .filter_map(|(field, o, n)| date_move(o, n).map(|moved| PeriodChange { field, moved }))
        .collect()
}

fn themes(old: &[Theme], new: &[Theme]) -> Vec<ThemeChange> {
    let change = |theme: &Theme, change| ThemeChange {
        theme: key(&theme.id).to_string(),
        change,
    };
    let kinds = named_kinds!(ThemeChangeKind);
    compare_named(old, new, change, &kinds, parts::theme_fields, |o, n| {
        let strategic = |t: &Theme| t.strategic.value.words().0;
        edit(strategic(o), strategic(n))
            .map(ThemeChangeKind::Strategic)
            .into_iter()
            .collect()
    })
}

/// The change kinds of an item with a name and fields: a theme, a person, a module.
struct Kinds<K> {
    added: fn(String) -> K,
    removed: fn(String) -> K,
    renamed: fn(Edit<String>) -> K,
    changed: fn(FieldChange) -> K,
}

/// The [`Kinds`] of a change enum with `Added`, `Removed`, `Renamed` and `Changed` variants.
macro_rules! named_kinds {
    ($kind:ident) => {
        Kinds {
            added: |name| $kind::Added { name },
            removed: |name| $kind::Removed { name },
            renamed: $kind::Renamed,
            changed: $kind::Changed,
        }
    };
}
use named_kinds;

/// Something with an id and a name.
trait Named: Keyed {
    fn name(&self) -> &str;
}

/// [`compare`] for named items: added and removed items carry their name; an item in both
/// versions is renamed, then changed in what `more` finds, then in `fields`.
fn compare_named<'a, T: Named, K, C>(
    old: &'a [T],
    new: &'a [T],
    change: impl Fn(&T, K) -> C,
    kinds: &Kinds<K>,
    fields: fn(&T) -> parts::Fields,
    more: impl Fn(&'a T, &'a T) -> Vec<K>,
) -> Vec<C> {
    compare(
        old,
        new,
        |n| vec![change(n, (kinds.added)(n.name().to_string()))],
        |o| vec![change(o, (kinds.removed)(o.name().to_string()))],
        |o, n| {
            let renamed = edit(o.name(), n.name()).map(kinds.renamed);
            let changed = parts::changed_fields(fields(o), fields(n)).map(kinds.changed);
            renamed
                .into_iter()
                .chain(more(o, n))
                .chain(changed)
                .map(|kind| change(n, kind))
                .collect()
        },
    )
}

/// A goal with where it hangs.
struct GoalAt<'a> {
    goal: &'a Goal,
    theme: &'a str,
    parent: ItemRef,
}

/// All goals and subgoals of a plan, depth first in file order.
fn goals_of(plan: &Plan) -> Vec<GoalAt<'_>> {
    let mut out = Vec::new();
    for theme in &plan.themes {
        let id = key(&theme.id);
        collect_goals(&theme.goals, id, &ItemRef::Theme(id.to_string()), &mut out);
    }
    out
}

fn collect_goals<'a>(
    goals: &'a [Goal],
    theme: &'a str,
    parent: &ItemRef,
    out: &mut Vec<GoalAt<'a>>,
) {
    for goal in goals {
        out.push(GoalAt {
            goal,
            theme,
            parent: parent.clone(),
        });
        let this = ItemRef::Goal(key(&goal.id).to_string());
        collect_goals(&goal.goals, theme, &this, out);
    }
}

fn goals(old: &[GoalAt<'_>], new: &[GoalAt<'_>]) -> Vec<GoalChange> {
    let change = |at: &GoalAt<'_>, change| GoalChange {
        goal: at.key().to_string(),
        theme: at.theme.to_string(),
        change,
    };
    compare(
        old,
        new,
        |at| {
            let (title, parent) = (at.goal.title.value.clone(), at.parent.clone());
            vec![change(at, GoalChangeKind::Added { title, parent })]
        },
        |at| {
            let (title, parent) = (at.goal.title.value.clone(), at.parent.clone());
            vec![change(at, GoalChangeKind::Removed { title, parent })]
        },
        |o, n| {
            goal_changes(o, n)
                .into_iter()
                .map(|kind| change(n, kind))
                .collect()
        },
    )
}

fn goal_changes(old: &GoalAt<'_>, new: &GoalAt<'_>) -> Vec<GoalChangeKind> {
    let (o, n) = (old.goal, new.goal);
    let mut changes: Vec<GoalChangeKind> = [
        edit(o.title.as_str(), n.title.as_str()).map(GoalChangeKind::Renamed),
        edit(&old.parent, &new.parent).map(GoalChangeKind::Moved),
        edit(&o.status.value, &n.status.value).map(GoalChangeKind::Status),
        date_move(o.deadline.as_ref(), n.deadline.as_ref()).map(GoalChangeKind::Deadline),
    ]
    .into_iter()
    .flatten()
    .collect();
    changes.extend(indicator_changes(
        o.indicator.as_ref(),
        n.indicator.as_ref(),
    ));
    let blocks = |g: &Goal| -> Vec<String> {
        g.building_blocks
            .iter()
            .map(|b| key(b).to_string())
            .collect()
    };
    let description = |g: &Goal| g.description.as_ref().map(|d| d.value.clone());
    changes.extend(
        [
            edit(&blocks(o), &blocks(n)).map(GoalChangeKind::BuildingBlocks),
            edit(&description(o), &description(n)).map(GoalChangeKind::Description),
        ]
        .into_iter()
        .flatten(),
    );
    changes.extend(
        parts::goal_fields(o, n)
            .into_iter()
            .map(GoalChangeKind::Changed),
    );
    changes
}

fn indicator_changes(old: Option<&Indicator>, new: Option<&Indicator>) -> Vec<GoalChangeKind> {
    let target = |i: Option<&Indicator>| i.and_then(|i| i.target.as_ref()).map(|t| t.value);
    let unit = |i: Option<&Indicator>| i.map(|i| i.unit.value.clone());
    let direction = |i: Option<&Indicator>| i.map(|i| i.direction.value.words().0.to_string());
    let name = |i: Option<&Indicator>| i.map(|i| i.name.value.clone());
    let baseline = |i: Option<&Indicator>| i.and_then(|i| i.baseline.as_ref()).map(|b| b.value);
    [
        edit(&name(old), &name(new)).map(GoalChangeKind::Indicator),
        edit(&baseline(old), &baseline(new)).map(GoalChangeKind::Baseline),
        date_move(
            old.and_then(|i| i.baseline_date.as_ref()),
            new.and_then(|i| i.baseline_date.as_ref()),
        )
        .map(GoalChangeKind::BaselineDate),
        edit(&target(old), &target(new)).map(GoalChangeKind::Target),
        edit(&unit(old), &unit(new)).map(GoalChangeKind::Unit),
        edit(&direction(old), &direction(new)).map(GoalChangeKind::Direction),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn roles(
    old_themes: &[Theme],
    new_themes: &[Theme],
    old_goals: &[GoalAt<'_>],
    new_goals: &[GoalAt<'_>],
) -> Vec<RoleChange> {
    let mut out = compare(old_themes, new_themes, none, none, |o, n| {
        let item = ItemRef::Theme(key(&n.id).to_string());
        [
            role_change(&item, Role::Trekker, o.trekker.as_ref(), n.trekker.as_ref()),
            role_change(
                &item,
                Role::BoardContact,
                o.board_contact.as_ref(),
                n.board_contact.as_ref(),
            ),
            role_change(
                &item,
                Role::Workgroup,
                o.workgroup.as_ref(),
                n.workgroup.as_ref(),
            ),
        ]
        .into_iter()
        .flatten()
        .collect()
    });
    out.extend(compare(old_goals, new_goals, none, none, |o, n| {
        let item = ItemRef::Goal(n.key().to_string());
        let (old, new) = (o.goal.owner.as_ref(), n.goal.owner.as_ref());
        role_change(&item, Role::Owner, old, new)
            .into_iter()
            .collect()
    }));
    out
}

fn role_change(
    item: &ItemRef,
    role: Role,
    old: Option<&S<Id>>,
    new: Option<&S<Id>>,
) -> Option<RoleChange> {
    let holder = |id: Option<&S<Id>>| id.map(|id| key(id).to_string());
    edit(&holder(old), &holder(new)).map(|holder| RoleChange {
        item: item.clone(),
        role,
        holder,
    })
}

fn measurements(old: &[GoalAt<'_>], new: &[GoalAt<'_>]) -> Vec<MeasurementChange> {
    compare(old, new, none, none, |o, n| {
        let points = |at: &GoalAt<'_>| -> Vec<Point<f64>> {
            let m = &at.goal.measurements;
            m.iter()
                .map(|m| Point::new(&m.date, m.value.value))
                .collect()
        };
        let unit = n.goal.indicator.as_ref().map(|i| i.unit.value.clone());
        series(&points(o), &points(n))
            .into_iter()
            .map(|change| MeasurementChange {
                goal: n.key().to_string(),
                change,
                unit: unit.clone(),
            })
            .collect()
    })
}

fn people(old: &[Person], new: &[Person]) -> Vec<PersonChange> {
    let change = |person: &Person, change| PersonChange {
        person: key(&person.id).to_string(),
        change,
    };
    let kinds = named_kinds!(PersonChangeKind);
    compare_named(old, new, change, &kinds, parts::person_fields, |o, n| {
        let roles = parts::person_roles(o, n).into_iter();
        roles.map(PersonChangeKind::Changed).collect()
    })
}

/// A governance body or workgroup with its seats, keyed across both kinds.
struct Body {
    id: BodyRef,
    key: String,
    seats: Vec<Seat>,
}

struct Seat {
    member: MemberRef,
    key: String,
    role: Option<String>,
    since: Option<String>,
    until: Option<String>,
}

impl Seat {
    fn new(member: MemberRef, role: Option<String>) -> Self {
        let key = member.to_string();
        Self {
            member,
            key,
            role,
            since: None,
            until: None,
        }
    }

    fn of(member: &BodyMember) -> Option<Self> {
        let id = |id: &S<Id>| key(id).to_string();
        let who = (member.person.as_ref().map(|p| MemberRef::Person(id(p))))
            .or_else(|| {
                member
                    .organisation
                    .as_ref()
                    .map(|o| MemberRef::Organisation(id(o)))
            })
            .or_else(|| {
                member
                    .neighbourhood
                    .as_ref()
                    .map(|n| MemberRef::Neighbourhood(id(n)))
            })?;
        let role = member
            .role
            .as_ref()
            .map(|r| seat_role_name(r.value).to_string());
        let date = |d: Option<&S<Date>>| d.map(|d| d.value.to_string());
        Some(Self {
            since: date(member.since.as_ref()),
            until: date(member.until.as_ref()),
            ..Self::new(who, role)
        })
    }
}

fn bodies_of(plan: &Plan) -> Vec<Body> {
    let governance = plan.governance.iter().map(|b: &GovernanceBody| {
        let id = key(&b.id).to_string();
        Body {
            key: format!("governance/{id}"),
            id: BodyRef::Governance(id),
            seats: b.members.iter().filter_map(Seat::of).collect(),
        }
    });
    let workgroups = plan.workgroups.iter().map(|w: &Workgroup| {
        let id = key(&w.id).to_string();
        let seats = w.members.iter();
        Body {
            key: format!("workgroup/{id}"),
            id: BodyRef::Workgroup(id),
            seats: seats
                .map(|p| Seat::new(MemberRef::Person(key(p).to_string()), None))
                .collect(),
        }
    });
    governance.chain(workgroups).collect()
}

fn memberships(old: &Plan, new: &Plan) -> Vec<MembershipChange> {
    let no_seats: &[Seat] = &[];
    compare(
        &bodies_of(old),
        &bodies_of(new),
        |n| seat_changes(&n.id, no_seats, &n.seats),
        |o| seat_changes(&o.id, &o.seats, no_seats),
        |o, n| seat_changes(&n.id, &o.seats, &n.seats),
    )
}

fn seat_changes(body: &BodyRef, old: &[Seat], new: &[Seat]) -> Vec<MembershipChange> {
    let change = |seat: &Seat, change| MembershipChange {
        body: body.clone(),
        member: seat.member.clone(),
        change,
    };
    compare(
        old,
        new,
        |s| {
            let role = s.role.clone();
            vec![change(s, MembershipKind::Joined { role })]
        },
        |s| {
            let role = s.role.clone();
            vec![change(s, MembershipKind::Left { role })]
        },
        |o, n| {
            let role = edit(&o.role, &n.role).map(MembershipKind::Role);
            let since = edit(&o.since, &n.since).map(MembershipKind::Since);
            let until = edit(&o.until, &n.until).map(MembershipKind::Until);
            [role, since, until]
                .into_iter()
                .flatten()
                .map(|kind| change(n, kind))
                .collect()
        },
    )
}

fn modules(old: &[Module], new: &[Module]) -> Vec<ModuleChange> {
    let change = |module: &Module, change| ModuleChange {
        module: key(&module.id).to_string(),
        change,
    };
    let kinds = named_kinds!(ModuleChangeKind);
    compare_named(old, new, change, &kinds, parts::module_fields, |o, n| {
        let practices = |m: &Module| -> Vec<Point<u64>> {
            let u = m.uptake.iter();
            u.map(|u| Point::new(&u.date, u.practices.value)).collect()
        };
        let patients = |m: &Module| -> Vec<Point<u64>> {
            let u = m.uptake.iter();
            u.filter_map(|u| Some(Point::new(&u.date, u.listed_patients.as_ref()?.value)))
                .collect()
        };
        let practices = series(&practices(o), &practices(n)).into_iter();
        let patients = series(&patients(o), &patients(n)).into_iter();
        practices
            .map(ModuleChangeKind::Uptake)
            .chain(patients.map(ModuleChangeKind::UptakePatients))
            .collect()
    })
}

/// A dated value: a measurement or an uptake figure.
pub(crate) struct Point<T> {
    date: String,
    value: T,
}

impl<T> Point<T> {
    pub(crate) fn new(date: &S<Date>, value: T) -> Self {
        Self {
            date: date.value.to_string(),
            value,
        }
    }
}

/// Dated values matched by date.
pub(crate) fn series<T: PartialEq + Copy>(
    old: &[Point<T>],
    new: &[Point<T>],
) -> Vec<SeriesChange<T>> {
    let change = |date: &str, old, new| SeriesChange {
        date: date.to_string(),
        old,
        new,
    };
    compare(
        old,
        new,
        |p| vec![change(&p.date, None, Some(p.value))],
        |p| vec![change(&p.date, Some(p.value), None)],
        |o, n| {
            edit(&o.value, &n.value)
                .map(|e| change(&n.date, Some(e.old), Some(e.new)))
                .into_iter()
                .collect()
        },
    )
}

/// Something with an id to match on.
pub(crate) trait Keyed {
    fn key(&self) -> &str;
}

impl Keyed for Theme {
    fn key(&self) -> &str {
        key(&self.id)
    }
}

impl Keyed for GoalAt<'_> {
    fn key(&self) -> &str {
        key(&self.goal.id)
    }
}

impl Keyed for Person {
    fn key(&self) -> &str {
        key(&self.id)
    }
}

impl Keyed for Module {
    fn key(&self) -> &str {
        key(&self.id)
    }
}

impl Named for Theme {
    fn name(&self) -> &str {
        &self.name.value
    }
}

impl Named for Person {
    fn name(&self) -> &str {
        &self.name.value
    }
}

impl Named for Module {
    fn name(&self) -> &str {
        &self.name.value
    }
}

impl Keyed for Body {
    fn key(&self) -> &str {
        &self.key
    }
}

impl Keyed for Seat {
    fn key(&self) -> &str {
        &self.key
    }
}

impl<T> Keyed for Point<T> {
    fn key(&self) -> &str {
        &self.date
    }
}

fn key(id: &S<Id>) -> &str {
    &id.value.0
}

/// Matches `old` and `new` by key and collects the changes: those of items in `new` in its
/// order (`added` or `both`), then those of items only in `old` (`removed`). Later items with a
/// key already seen are ignored.
pub(crate) fn compare<'a, T: Keyed, K>(
    old: &'a [T],
    new: &'a [T],
    added: impl Fn(&'a T) -> Vec<K>,
    removed: impl Fn(&'a T) -> Vec<K>,
    both: impl Fn(&'a T, &'a T) -> Vec<K>,
) -> Vec<K> {
    let old_index = first_by_key(old);
    let new_index = first_by_key(new);
    let mut out = Vec::new();
    for item in firsts(new, &new_index) {
        match old_index.get(item.key()) {
            Some(before) => out.extend(both(before, item)),
            None => out.extend(added(item)),
        }
    }
    for item in firsts(old, &old_index) {
        if !new_index.contains_key(item.key()) {
            out.extend(removed(item));
        }
    }
    out
}

fn first_by_key<T: Keyed>(items: &[T]) -> HashMap<&str, &T> {
    let mut index = HashMap::new();
    for item in items {
        index.entry(item.key()).or_insert(item);
    }
    index
}

/// The items that are the first with their key, in order.
fn firsts<'a, T: Keyed>(
    items: &'a [T],
    index: &HashMap<&str, &'a T>,
) -> impl Iterator<Item = &'a T> {
    items.iter().filter(|item| {
        index
            .get(item.key())
            .is_some_and(|first| std::ptr::eq(*first, *item))
    })
}

/// For `compare` when only items in both versions matter.
fn none<T, K>(_: &T) -> Vec<K> {
    Vec::new()
}

/// `Some` when the values differ.
fn edit<T: PartialEq + ToOwned + ?Sized>(old: &T, new: &T) -> Option<Edit<T::Owned>> {
    (old != new).then(|| Edit {
        old: old.to_owned(),
        new: new.to_owned(),
    })
}

fn date_move(old: Option<&S<Date>>, new: Option<&S<Date>>) -> Option<DateMove> {
    let (old, new) = (old.map(|d| &d.value), new.map(|d| &d.value));
    if old == new {
        return None;
    }
    // Days from `old` to `new`, when both are known to the day.
    let days = old
        .and_then(Date::day)
        .zip(new.and_then(Date::day))
        .map(|(o, n)| (n - o).num_days());
    Some(DateMove {
        old: old.map(Date::to_string),
        new: new.map(Date::to_string),
        days,
    })
}

fn seat_role_name(role: SeatRole) -> &'static str {
    match role {
        SeatRole::Chair => "chair",
        SeatRole::ViceChair => "vice_chair",
        SeatRole::Secretary => "secretary",
        SeatRole::Treasurer => "treasurer",
        SeatRole::Member => "member",
        SeatRole::Advisor => "advisor",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "regioplan: 1
region:
  name: Testregio
  municipalities: [Amstelveen]
  started: 2020-03-01
  governance_model: multidisciplinary
period:
  start: 2021-01-01
  end: 2024-12-31
people:
  - id: a.jansen
    name: A. Jansen
  - id: b.bakker
    name: B. Bakker
  - id: c.smit
    name: C. Smit
governance:
  - id: db
    name: Dagelijks bestuur
    kind: dagelijks_bestuur
    members:
      - person: a.jansen
        role: chair
      - person: c.smit
themes:
  - id: ggz
    name: GGZ
    strategic: regional
    trekker: a.jansen
    goals:
      - id: ggz.poh
        title: POH-GGZ in elke praktijk
        owner: a.jansen
        status: planned
        deadline: 2024-12-31
        indicator:
          name: praktijken met POH-GGZ
          unit: '%'
          target: 80
          direction: increase
        measurements:
          - date: 2022-01-01
            value: 40
      - id: ggz.oud
        title: Oud doel
        status: in_progress
modules:
  - id: ouderen
    name: Ouderenzorg
    uptake:
      - date: 2022-01-01
        practices: 10
";

    /// `OLD` with one of each change the tests look for.
    fn new_text() -> String {
        OLD.replace("end: 2024-12-31", "end: 2025-12-31")
            .replace("name: GGZ", "name: Mentale gezondheid")
            .replace("trekker: a.jansen", "trekker: b.bakker")
            .replace("status: planned", "status: in_progress")
            .replace("deadline: 2024-12-31", "deadline: 2025-06-30")
            .replace("target: 80", "target: 90")
            .replace(
                "            value: 40\n",
                "            value: 40\n          - date: 2023-01-01\n            value: 55\n        \
                 goals:\n          - id: ggz.poh.wijk\n            title: Per wijk\n            \
                 status: planned\n",
            )
            .replace(
                "      - id: ggz.oud\n        title: Oud doel\n        status: in_progress\n",
                "",
            )
            .replace(
                "  - id: c.smit\n    name: C. Smit\n",
                "  - id: d.visser\n    name: D. Visser\n",
            )
            .replace(
                "      - person: c.smit\n",
                "      - person: d.visser\n        role: secretary\n",
            )
            .replace(
                "        practices: 10\n",
                "        practices: 10\n      - date: 2023-01-01\n        practices: 14\n",
            )
    }

    fn plan(text: &str) -> Plan {
        crate::load::load("test.yaml", text.as_bytes())
            .plan
            .expect("test plan parses")
    }

    fn changes() -> PlanDiff {
        diff(&plan(OLD), &plan(&new_text()))
    }

    fn edit_of<T>(old: T, new: T) -> Edit<T> {
        Edit { old, new }
    }

    #[test]
    fn the_same_plan_has_no_changes() {
        assert!(diff(&plan(OLD), &plan(OLD)).is_empty());
    }

    #[test]
    fn a_renamed_theme_is_found_by_id() {
        assert_eq!(
            changes().themes,
            [ThemeChange {
                theme: "ggz".into(),
                change: ThemeChangeKind::Renamed(edit_of(
                    "GGZ".into(),
                    "Mentale gezondheid".into()
                )),
            }]
        );
    }

    #[test]
    fn a_status_change_is_found() {
        let goals = changes().goals;
        let status = GoalChangeKind::Status(edit_of(Status::Planned, Status::InProgress));
        assert!(
            goals
                .iter()
                .any(|g| g.goal == "ggz.poh" && g.change == status),
            "{goals:#?}"
        );
    }

    #[test]
    fn a_moved_deadline_counts_its_days() {
        let goals = changes().goals;
        let moved = GoalChangeKind::Deadline(DateMove {
            old: Some("2024-12-31".into()),
            new: Some("2025-06-30".into()),
            days: Some(181),
        });
        assert!(goals.iter().any(|g| g.change == moved), "{goals:#?}");
        assert_eq!(changes().period[0].field, PeriodField::End);
        assert_eq!(changes().period[0].moved.days, Some(365));
    }

    #[test]
    fn a_changed_target_is_found() {
        let goals = changes().goals;
        let target = GoalChangeKind::Target(edit_of(Some(80.0), Some(90.0)));
        assert!(goals.iter().any(|g| g.change == target), "{goals:#?}");
    }

    #[test]
    fn a_new_trekker_is_a_role_change() {
        assert_eq!(
            changes().roles,
            [RoleChange {
                item: ItemRef::Theme("ggz".into()),
                role: Role::Trekker,
                holder: edit_of(Some("a.jansen".into()), Some("b.bakker".into())),
            }]
        );
    }

    #[test]
    fn a_new_measurement_has_its_date_and_value() {
        assert_eq!(
            changes().measurements,
            [MeasurementChange {
                goal: "ggz.poh".into(),
                change: SeriesChange {
                    date: "2023-01-01".into(),
                    old: None,
                    new: Some(55.0),
                },
                unit: Some("%".into()),
            }]
        );
    }

    #[test]
    fn added_goals_come_in_file_order_before_removed_ones() {
        let goals = changes().goals;
        let added_or_removed: Vec<(&str, &GoalChangeKind)> = goals
            .iter()
            .filter(|g| {
                matches!(
                    g.change,
                    GoalChangeKind::Added { .. } | GoalChangeKind::Removed { .. }
                )
            })
            .map(|g| (g.goal.as_str(), &g.change))
            .collect();
        assert_eq!(
            added_or_removed,
            [
                (
                    "ggz.poh.wijk",
                    &GoalChangeKind::Added {
                        title: "Per wijk".into(),
                        parent: ItemRef::Goal("ggz.poh".into()),
                    }
                ),
                (
                    "ggz.oud",
                    &GoalChangeKind::Removed {
                        title: "Oud doel".into(),
                        parent: ItemRef::Theme("ggz".into()),
                    }
                ),
            ]
        );
    }

    #[test]
    fn a_goal_moved_to_another_parent_is_moved_not_added() {
        let new = OLD.replace(
            "      - id: ggz.oud\n        title: Oud doel\n        status: in_progress\n",
            "        goals:\n          - id: ggz.oud\n            title: Oud doel\n            \
             status: in_progress\n",
        );
        let goals = diff(&plan(OLD), &plan(&new)).goals;
        assert_eq!(
            goals,
            [GoalChange {
                goal: "ggz.oud".into(),
                theme: "ggz".into(),
                change: GoalChangeKind::Moved(edit_of(
                    ItemRef::Theme("ggz".into()),
                    ItemRef::Goal("ggz.poh".into())
                )),
            }]
        );
    }

    #[test]
    fn people_and_seats_added_and_removed() {
        let d = changes();
        let people: Vec<(&str, &PersonChangeKind)> = d
            .people
            .iter()
            .map(|p| (p.person.as_str(), &p.change))
            .collect();
        assert_eq!(
            people,
            [
                (
                    "d.visser",
                    &PersonChangeKind::Added {
                        name: "D. Visser".into()
                    }
                ),
                (
                    "c.smit",
                    &PersonChangeKind::Removed {
                        name: "C. Smit".into()
                    }
                ),
            ]
        );
        let seats: Vec<String> = d
            .memberships
            .iter()
            .map(|m| format!("{} {} {:?}", m.body, m.member, m.change))
            .collect();
        assert_eq!(
            seats,
            [
                "db d.visser Joined { role: Some(\"secretary\") }",
                "db c.smit Left { role: None }",
            ]
        );
    }

    #[test]
    fn new_uptake_is_a_module_change() {
        assert_eq!(
            changes().modules,
            [ModuleChange {
                module: "ouderen".into(),
                change: ModuleChangeKind::Uptake(SeriesChange {
                    date: "2023-01-01".into(),
                    old: None,
                    new: Some(14),
                }),
            }]
        );
    }

    #[test]
    fn the_diff_serialises_with_a_change_tag() {
        let json = serde_json::to_value(changes()).expect("serialises");
        assert_eq!(json["themes"][0]["change"], "renamed");
        assert_eq!(json["themes"][0]["old"], "GGZ");
        assert_eq!(json["roles"][0]["item"]["theme"], "ggz");
        assert_eq!(json["period"][0]["days"], 365);
    }

    #[test]
    fn duplicate_ids_count_once() {
        let twice = OLD.replace(
            "  - id: c.smit\n    name: C. Smit\n",
            "  - id: c.smit\n    name: C. Smit\n  - id: c.smit\n    name: Other\n",
        );
        assert!(diff(&plan(&twice), &plan(&twice)).is_empty());
        assert!(diff(&plan(OLD), &plan(&twice)).is_empty());
    }
}
