//! The diff as a [`Report`]: one section per kind of change, one row per change, in English.
//!
//! Every format of `regioplan diff` renders this report. People are shown as `Name (id)`;
//! values keep their type (dates, counts, amounts), and a value that is not set is an empty
//! cell.

use serde::Serialize;

use super::{
    DateMove, FieldChange, GoalChange, GoalChangeKind, ItemChange, ItemChangeKind, ItemRef,
    MeasurementChange, MemberRef, MembershipChange, MembershipKind, ModuleChange, ModuleChangeKind,
    PeriodChange, PeriodField, PersonChange, PersonChangeKind, PlanDiff, Role, RoleChange,
    SeriesChange, ThemeChange, ThemeChangeKind, Value,
};
use crate::plan::domain::Named;
use crate::plan::raw::Status;
use crate::report::{Cell, Column, Meta, Report, Section, Table, Text, Tone};

/// The names of the two versions, as the user gave them.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Versions<'a> {
    pub old: &'a str,
    pub new: &'a str,
}

/// The report of a diff: the versions and the number of changes as meta, a lead that sums the
/// changes up, and the non-empty sections in a fixed order.
#[must_use]
pub fn report(diff: &PlanDiff, versions: Versions<'_>) -> Report {
    let mut report = Report::new("diff", "Plan changes");
    report.meta = vec![
        meta("old", "Old version", Cell::text(versions.old)),
        meta("new", "New version", Cell::text(versions.new)),
        meta("changes", "Changes", Cell::count(diff.len() as u64, None)),
    ];
    report.sections = sections(diff);
    let (opening, closing) = if diff.is_empty() {
        ("No changes by id between ", ".".to_string())
    } else {
        let summary = summary(diff.len(), &report.sections);
        ("Changes between ", format!(": {summary}."))
    };
    let lead = Text::default()
        .plain(opening)
        .code(versions.old)
        .plain(" and ")
        .code(versions.new)
        .plain(closing);
    report.lead = Some(lead);
    report
}

fn meta(id: &str, label: &str, value: Cell) -> Meta {
    Meta {
        id: id.to_string(),
        label: label.to_string(),
        value,
    }
}

/// `9 changes (themes 1, goals 3, roles 5)`.
fn summary(len: usize, sections: &[Section]) -> String {
    let counts: Vec<String> = sections
        .iter()
        .map(|s| format!("{} {}", s.heading.to_lowercase(), rows(s)))
        .collect();
    let noun = noun(len as u64, "change", "changes");
    format!("{len} {noun} ({})", counts.join(", "))
}

fn rows(section: &Section) -> usize {
    let tables = section.blocks.iter().filter_map(|b| match b {
        crate::report::Block::Table(t) => Some(t.rows.len()),
        _ => None,
    });
    tables.sum()
}

fn noun<'a>(count: u64, one: &'a str, many: &'a str) -> &'a str {
    if count == 1 { one } else { many }
}

/// Builds one section's rows with a diff at hand (for names).
struct Builder<'a> {
    diff: &'a PlanDiff,
    sections: Vec<Section>,
}

impl Builder<'_> {
    fn add<T>(
        &mut self,
        (id, heading): (&str, &str),
        columns: &[&str],
        items: &[T],
        row: impl Fn(&PlanDiff, &T) -> Vec<Cell>,
    ) {
        if items.is_empty() {
            return;
        }
        let ids = columns
            .iter()
            .map(|label| label.to_lowercase().replace(' ', "_"));
        let columns = ids.zip(columns).map(|(id, label)| Column::left(id, *label));
        let mut table = Table::new(columns.collect());
        for item in items {
            table.push(row(self.diff, item));
        }
        self.sections.push(Section::table(id, heading, table));
    }

    /// A section of [`ItemChange`]s: the item, the change, old and new.
    fn items(&mut self, (id, heading, item): (&str, &str, &str), items: &[ItemChange]) {
        self.add(
            (id, heading),
            &[item, "Change", "Old", "New"],
            items,
            item_row,
        );
    }
}

/// The non-empty sections, in a fixed order.
fn sections(diff: &PlanDiff) -> Vec<Section> {
    let mut b = Builder {
        diff,
        sections: Vec::new(),
    };
    b.items(("plan", "Plan", "Part"), &diff.plan);
    b.add(
        ("period", "Period"),
        &["Date", "Change", "Old", "New"],
        &diff.period,
        period_row,
    );
    b.items(("region", "Region", "Part"), &diff.region);
    b.add(
        ("themes", "Themes"),
        &["Theme", "Change", "Old", "New"],
        &diff.themes,
        theme_row,
    );
    b.add(
        ("goals", "Goals"),
        &["Goal", "Theme", "Change", "Old", "New"],
        &diff.goals,
        goal_row,
    );
    b.add(
        ("roles", "Roles"),
        &["Theme or goal", "Role", "Old", "New"],
        &diff.roles,
        role_row,
    );
    b.add(
        ("measurements", "Measurements"),
        &["Goal", "Date", "Change", "Old", "New"],
        &diff.measurements,
        measurement_row,
    );
    b.add(
        ("people", "People"),
        &["Person", "Change", "Old", "New"],
        &diff.people,
        person_row,
    );
    b.items(
        ("organisations", "Organisations", "Organisation"),
        &diff.organisations,
    );
    b.items(
        ("bodies", "Governance and workgroups", "Body"),
        &diff.bodies,
    );
    b.add(
        ("memberships", "Memberships"),
        &["Body", "Member", "Change", "Old", "New"],
        &diff.memberships,
        membership_row,
    );
    b.items(
        ("building_blocks", "Building blocks", "Building block"),
        &diff.building_blocks,
    );
    b.items(("contracts", "Contracts", "Contract"), &diff.contracts);
    b.add(
        ("modules", "Modules"),
        &["Module", "Change", "Old", "New"],
        &diff.modules,
        module_row,
    );
    b.items(("services", "Services", "Service"), &diff.services);
    b.items(
        ("neighbourhoods", "Neighbourhoods", "Neighbourhood"),
        &diff.neighbourhoods,
    );
    b.items(("programmes", "Programmes", "Programme"), &diff.programmes);
    b.items(("funding", "Funding", "Funding line"), &diff.funding);
    b.items(("priorities", "Priorities", "Year"), &diff.priorities);
    b.items(
        ("partnerships", "Partnerships", "Partnership"),
        &diff.partnerships,
    );
    b.items(("sources", "Sources", "Source"), &diff.sources);
    b.sections
}

fn period_row(_: &PlanDiff, c: &PeriodChange) -> Vec<Cell> {
    let field = match c.field {
        PeriodField::Start => "start",
        PeriodField::End => "end",
        PeriodField::Horizon => "horizon",
    };
    let m = &c.moved;
    vec![
        Cell::text(field),
        Cell::text(moved(m)),
        date(m.old.as_deref()),
        date(m.new.as_deref()),
    ]
}

/// `moved +181 days`, `set` or `cleared`.
fn moved(date: &DateMove) -> String {
    match (&date.old, &date.new, date.days) {
        (Some(_), Some(_), Some(days)) => {
            format!(
                "moved {days:+} {}",
                noun(days.unsigned_abs(), "day", "days")
            )
        }
        (None, Some(_), _) => "set".to_string(),
        (Some(_), None, _) => "cleared".to_string(),
        _ => "changed".to_string(),
    }
}

fn theme_row(diff: &PlanDiff, c: &ThemeChange) -> Vec<Cell> {
    let (change, old, new) = match &c.change {
        ThemeChangeKind::Added { name } => ("added".into(), Cell::Empty, Cell::text(name)),
        ThemeChangeKind::Removed { name } => ("removed".into(), Cell::text(name), Cell::Empty),
        ThemeChangeKind::Renamed(e) => ("renamed".into(), Cell::text(&e.old), Cell::text(&e.new)),
        ThemeChangeKind::Strategic(e) => {
            ("strategic".into(), Cell::text(&e.old), Cell::text(&e.new))
        }
        ThemeChangeKind::Changed(c) => field_change(diff, c),
    };
    vec![Cell::text(&c.theme), Cell::text(change), old, new]
}

fn goal_row(diff: &PlanDiff, c: &GoalChange) -> Vec<Cell> {
    let text = |t: &str| Cell::text(t);
    let (change, old, new) = match &c.change {
        GoalChangeKind::Added { title, parent } => {
            (placed("added", parent), Cell::Empty, text(title))
        }
        GoalChangeKind::Removed { title, parent } => {
            (placed("removed", parent), text(title), Cell::Empty)
        }
        GoalChangeKind::Renamed(e) => ("renamed".into(), text(&e.old), text(&e.new)),
        GoalChangeKind::Moved(e) => (
            "moved".into(),
            text(&e.old.to_string()),
            text(&e.new.to_string()),
        ),
        GoalChangeKind::Status(e) => ("status".into(), status(e.old), status(e.new)),
        GoalChangeKind::Deadline(m) => (
            format!("deadline {}", moved(m)),
            date(m.old.as_deref()),
            date(m.new.as_deref()),
        ),
        GoalChangeKind::BaselineDate(m) => (
            format!("baseline date {}", moved(m)),
            date(m.old.as_deref()),
            date(m.new.as_deref()),
        ),
        GoalChangeKind::Target(e) => ("target".into(), number(e.old), number(e.new)),
        GoalChangeKind::Baseline(e) => ("baseline".into(), number(e.old), number(e.new)),
        GoalChangeKind::Unit(e) => (
            "unit".into(),
            Cell::opt_text(e.old.as_deref()),
            Cell::opt_text(e.new.as_deref()),
        ),
        GoalChangeKind::Direction(e) => (
            "direction".into(),
            Cell::opt_text(e.old.as_deref()),
            Cell::opt_text(e.new.as_deref()),
        ),
        GoalChangeKind::Indicator(e) => (
            "indicator".into(),
            Cell::opt_text(e.old.as_deref()),
            Cell::opt_text(e.new.as_deref()),
        ),
        GoalChangeKind::BuildingBlocks(e) => ("building blocks".into(), list(&e.old), list(&e.new)),
        GoalChangeKind::Description(e) => (
            "description".into(),
            Cell::opt_text(e.old.as_deref()),
            Cell::opt_text(e.new.as_deref()),
        ),
        GoalChangeKind::Changed(c) => field_change(diff, c),
    };
    vec![text(&c.goal), text(&c.theme), Cell::text(change), old, new]
}

/// A goal's status in words, with a tone for formats that colour; the diff speaks English.
fn status(value: Status) -> Cell {
    let tone = match value {
        Status::AtRisk => Tone::Warning,
        Status::Achieved => Tone::Good,
        Status::Planned | Status::InProgress | Status::Stopped => Tone::Neutral,
    };
    Cell::Status {
        value: value.name().to_string(),
        label: value.words().0.to_string(),
        tone,
    }
}

/// `added`, or `added under goal x` for a subgoal (the theme has its own column).
fn placed(change: &str, parent: &ItemRef) -> String {
    match parent {
        ItemRef::Theme(_) => change.to_string(),
        ItemRef::Goal(_) => format!("{change} under {parent}"),
    }
}

fn role_row(diff: &PlanDiff, c: &RoleChange) -> Vec<Cell> {
    let role = match c.role {
        Role::Trekker => "trekker",
        Role::BoardContact => "board contact",
        Role::Workgroup => "workgroup",
        Role::Owner => "owner",
    };
    let holder = |id: Option<&str>| match (c.role, id) {
        (_, None) => Cell::Empty,
        (Role::Workgroup, Some(id)) => Cell::text(id),
        (_, Some(id)) => Cell::text(diff.person(id)),
    };
    vec![
        Cell::text(c.item.to_string()),
        Cell::text(role),
        holder(c.holder.old.as_deref()),
        holder(c.holder.new.as_deref()),
    ]
}

fn measurement_row(_: &PlanDiff, c: &MeasurementChange) -> Vec<Cell> {
    let value = |v: Option<f64>| v.map_or(Cell::Empty, |v| Cell::number(v, c.unit.as_deref()));
    let SeriesChange { date: on, old, new } = &c.change;
    vec![
        Cell::text(&c.goal),
        date(Some(on)),
        Cell::text(series_change(*old, *new)),
        value(*old),
        value(*new),
    ]
}

/// `added`, `corrected` or `removed` for a dated value.
fn series_change<T>(old: Option<T>, new: Option<T>) -> &'static str {
    match (old, new) {
        (None, _) => "added",
        (Some(_), Some(_)) => "corrected",
        (Some(_), None) => "removed",
    }
}

fn person_row(diff: &PlanDiff, c: &PersonChange) -> Vec<Cell> {
    let (change, old, new) = match &c.change {
        PersonChangeKind::Added { name } => ("added".into(), Cell::Empty, Cell::text(name)),
        PersonChangeKind::Removed { name } => ("removed".into(), Cell::text(name), Cell::Empty),
        PersonChangeKind::Renamed(e) => ("renamed".into(), Cell::text(&e.old), Cell::text(&e.new)),
        PersonChangeKind::Changed(c) => field_change(diff, c),
    };
    vec![Cell::text(&c.person), Cell::text(change), old, new]
}

fn membership_row(diff: &PlanDiff, c: &MembershipChange) -> Vec<Cell> {
    let (change, old, new) = match &c.change {
        MembershipKind::Joined { role } => ("joined", Cell::Empty, Cell::opt_text(role.clone())),
        MembershipKind::Left { role } => ("left", Cell::opt_text(role.clone()), Cell::Empty),
        MembershipKind::Role(e) => (
            "role",
            Cell::opt_text(e.old.clone()),
            Cell::opt_text(e.new.clone()),
        ),
        MembershipKind::Since(e) => ("since", date(e.old.as_deref()), date(e.new.as_deref())),
        MembershipKind::Until(e) => ("until", date(e.old.as_deref()), date(e.new.as_deref())),
    };
    let member = match &c.member {
        MemberRef::Person(id) => diff.person(id),
        other => other.to_string(),
    };
    vec![
        Cell::text(c.body.to_string()),
        Cell::text(member),
        Cell::text(change),
        old,
        new,
    ]
}

fn module_row(diff: &PlanDiff, c: &ModuleChange) -> Vec<Cell> {
    let (change, old, new) = match &c.change {
        ModuleChangeKind::Added { name } => ("added".into(), Cell::Empty, Cell::text(name)),
        ModuleChangeKind::Removed { name } => ("removed".into(), Cell::text(name), Cell::Empty),
        ModuleChangeKind::Renamed(e) => ("renamed".into(), Cell::text(&e.old), Cell::text(&e.new)),
        ModuleChangeKind::Uptake(s) => dated(&format!("uptake {}", s.date), s, "practice"),
        ModuleChangeKind::UptakePatients(s) => {
            dated(&format!("uptake {}", s.date), s, "listed patient")
        }
        ModuleChangeKind::Changed(c) => field_change(diff, c),
    };
    vec![Cell::text(&c.module), Cell::text(change), old, new]
}

fn item_row(diff: &PlanDiff, c: &ItemChange) -> Vec<Cell> {
    let value = |v: &Value| value(diff, v);
    let (change, old, new) = match &c.change {
        ItemChangeKind::Added { value: v } => ("added".into(), Cell::Empty, value(v)),
        ItemChangeKind::Removed { value: v } => ("removed".into(), value(v), Cell::Empty),
        ItemChangeKind::Changed(c) => field_change(diff, c),
        ItemChangeKind::Figure { metric, figure } => {
            dated(&format!("{metric} {}", figure.date), figure, "")
        }
    };
    vec![Cell::text(&c.item), Cell::text(change), old, new]
}

/// A dated count added, corrected or removed: `uptake 2023-01-01 added`, with counts of
/// `unit` (none when empty).
fn dated(what: &str, s: &SeriesChange<u64>, unit: &str) -> (String, Cell, Cell) {
    let count = |n: Option<u64>| {
        let unit = (!unit.is_empty()).then(|| {
            let many = format!("{unit}s");
            noun(n.unwrap_or_default(), unit, &many).to_string()
        });
        n.map_or(Cell::Empty, |n| Cell::count(n, unit.as_deref()))
    };
    (
        format!("{what} {}", series_change(s.old, s.new)),
        count(s.old),
        count(s.new),
    )
}

fn field_change(diff: &PlanDiff, c: &FieldChange) -> (String, Cell, Cell) {
    (
        field_words(&c.field),
        value(diff, &c.old),
        value(diff, &c.new),
    )
}

/// A key of the plan format in words: `key_figures.listed_patients` is "key figures.listed
/// patients", `amount_eur` "amount in euro" (dots kept: ids such as `j.devries` carry them too).
fn field_words(field: &str) -> String {
    field
        .replace("_eur", " in euro")
        .replace("_pct", " in %")
        .replace('_', " ")
}

/// A typed value as a cell; a person by name when the diff knows it.
fn value(diff: &PlanDiff, value: &Value) -> Cell {
    match value {
        Value::None => Cell::Empty,
        Value::Text(t) => Cell::text(t),
        Value::Count(n) => Cell::count(*n, None),
        Value::Number(n) => Cell::number(*n, None),
        Value::Percent(p) => Cell::Percent { value: *p },
        Value::Euro(e) => Cell::euro(*e),
        Value::Date(d) => Cell::date(d),
        Value::Flag(f) => Cell::text(if *f { "yes" } else { "no" }),
        Value::Person(id) => Cell::text(diff.person(id)),
        Value::List(items) => list(items),
    }
}

fn list(items: &[String]) -> Cell {
    if items.is_empty() {
        Cell::Empty
    } else {
        Cell::text(items.join(", "))
    }
}

fn date(value: Option<&str>) -> Cell {
    value.map_or(Cell::Empty, Cell::date)
}

fn number(value: Option<f64>) -> Cell {
    value.map_or(Cell::Empty, |v| Cell::number(v, None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Span;

    const VERSIONS: Versions<'static> = Versions {
        old: "a.yaml",
        new: "b.yaml",
    };

    fn lead_text(report: &Report) -> String {
        let spans = &report.lead.as_ref().expect("a lead").spans;
        spans
            .iter()
            .map(|s| match s {
                Span::Plain { text } => text.clone(),
                Span::Code { text } => format!("`{text}`"),
            })
            .collect()
    }

    #[test]
    fn an_empty_diff_says_so_and_has_no_sections() {
        let report = report(&PlanDiff::default(), VERSIONS);
        assert!(report.sections.is_empty());
        assert_eq!(
            lead_text(&report),
            "No changes by id between `a.yaml` and `b.yaml`."
        );
    }

    #[test]
    fn the_lead_counts_changes_per_section_and_people_have_names() {
        let mut diff = PlanDiff::default();
        diff.names.insert("j.devries".into(), "J. de Vries".into());
        diff.roles.push(RoleChange {
            item: ItemRef::Theme("ggz".into()),
            role: Role::Trekker,
            holder: super::super::Edit {
                old: None,
                new: Some("j.devries".into()),
            },
        });
        diff.funding.push(ItemChange {
            item: "zk → aha 2022 o_and_i".into(),
            change: ItemChangeKind::Added {
                value: Value::Euro(1000.0),
            },
        });
        let report = report(&diff, VERSIONS);
        assert_eq!(
            lead_text(&report),
            "Changes between `a.yaml` and `b.yaml`: 2 changes (roles 1, funding 1)."
        );
        let crate::report::Block::Table(roles) = &report.sections[0].blocks[0] else {
            panic!("a table");
        };
        assert_eq!(roles.rows[0][3], Cell::text("J. de Vries (j.devries)"));
        let crate::report::Block::Table(funding) = &report.sections[1].blocks[0] else {
            panic!("a table");
        };
        assert_eq!(funding.rows[0][3], Cell::Amount { cents: 100_000 });
    }
}
