//! The diff as a [`Report`]: one section per kind of change, one row per change, in English
//! or Dutch. Section and column ids, and the codes of statuses, stay the same in both.
//!
//! Every format of `regioplan diff` renders this report. People are shown as `Name (id)`;
//! values keep their type (dates, counts, amounts), and a value that is not set is an empty
//! cell.

use serde::Serialize;

use super::BodyRef;
use super::{
    DateMove, FieldChange, GoalChange, GoalChangeKind, ItemChange, ItemChangeKind, ItemRef,
    MeasurementChange, MemberRef, MembershipChange, MembershipKind, ModuleChange, ModuleChangeKind,
    PeriodChange, PeriodField, PersonChange, PersonChangeKind, PlanDiff, Role, RoleChange,
    SeriesChange, ThemeChange, ThemeChangeKind, Value,
};
use crate::lang::{Label, Lang};
use crate::plan::domain::Named;
use crate::plan::raw::Status;
use crate::report::{Cell, Column, Meta, Report, Section, Table, Text, Tone};

/// A word in both languages.
const fn w(en: &'static str, nl: &'static str) -> Label {
    Label { en, nl }
}

const CHANGE: Label = w("Change", "Wijziging");
const OLD: Label = w("Old", "Oud");
const NEW: Label = w("New", "Nieuw");
const ADDED: Label = w("added", "toegevoegd");
const REMOVED: Label = w("removed", "verwijderd");
const RENAMED: Label = w("renamed", "hernoemd");
const CORRECTED: Label = w("corrected", "gecorrigeerd");

/// The names of the two versions, as the user gave them.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Versions<'a> {
    pub old: &'a str,
    pub new: &'a str,
}

/// The report of a diff: the versions and the number of changes as meta, a lead that sums the
/// changes up, and the non-empty sections in a fixed order.
#[must_use]
pub fn report(diff: &PlanDiff, versions: Versions<'_>, lang: Lang) -> Report {
    let mut report = Report::new(
        "diff",
        w("Plan changes", "Wijzigingen in het plan").get(lang),
    );
    report.lang = lang;
    report.meta = vec![
        meta(
            "old",
            w("Old version", "Oude versie").get(lang),
            Cell::text(versions.old),
        ),
        meta(
            "new",
            w("New version", "Nieuwe versie").get(lang),
            Cell::text(versions.new),
        ),
        meta(
            "changes",
            w("Changes", "Wijzigingen").get(lang),
            Cell::count(diff.len() as u64, None),
        ),
    ];
    report.sections = sections(diff, lang);
    let (opening, closing) = if diff.is_empty() {
        (
            w(
                "No changes by id between ",
                "Geen wijzigingen op id tussen ",
            )
            .get(lang),
            ".".to_string(),
        )
    } else {
        let summary = summary(diff.len(), &report.sections, lang);
        (
            w("Changes between ", "Wijzigingen tussen ").get(lang),
            format!(": {summary}."),
        )
    };
    let lead = Text::default()
        .plain(opening)
        .code(versions.old)
        .plain(w(" and ", " en ").get(lang))
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
fn summary(len: usize, sections: &[Section], lang: Lang) -> String {
    let counts: Vec<String> = sections
        .iter()
        .map(|s| format!("{} {}", s.heading.to_lowercase(), rows(s)))
        .collect();
    let changes = crate::lang::Count(
        len,
        crate::lang::Noun {
            en: ["change", "changes"],
            nl: ["wijziging", "wijzigingen"],
        },
    );
    crate::msg!(
        "{changes} ({counts})",
        "{changes} ({counts})",
        changes = changes,
        counts = crate::lang::Plain(counts.join(", "))
    )
    .get(lang)
    .to_string()
}

fn rows(section: &Section) -> usize {
    let tables = section.blocks.iter().filter_map(|b| match b {
        crate::report::Block::Table(t) => Some(t.rows.len()),
        _ => None,
    });
    tables.sum()
}

/// Builds one section's rows with a diff at hand (for names).
struct Builder<'a> {
    diff: &'a PlanDiff,
    lang: Lang,
    sections: Vec<Section>,
}

impl Builder<'_> {
    fn add<T>(
        &mut self,
        (id, heading): (&str, Label),
        columns: &[Label],
        items: &[T],
        row: impl Fn(&PlanDiff, &T, Lang) -> Vec<Cell>,
    ) {
        if items.is_empty() {
            return;
        }
        let lang = self.lang;
        // Column ids come from the English words, so they are the same in both languages.
        let columns = columns
            .iter()
            .map(|label| Column::left(label.en.to_lowercase().replace(' ', "_"), label.get(lang)));
        let mut table = Table::new(columns.collect());
        for item in items {
            table.push(row(self.diff, item, lang));
        }
        self.sections
            .push(Section::table(id, heading.get(lang), table));
    }

    /// A section of [`ItemChange`]s: the item, the change, old and new.
    fn items(&mut self, (id, heading, item): (&str, Label, Label), items: &[ItemChange]) {
        self.add((id, heading), &[item, CHANGE, OLD, NEW], items, item_row);
    }
}

/// The non-empty sections, in a fixed order.
fn sections(diff: &PlanDiff, lang: Lang) -> Vec<Section> {
    let mut b = Builder {
        diff,
        lang,
        sections: Vec::new(),
    };
    let goal = w("Goal", "Doel");
    let date = w("Date", "Datum");
    b.items(
        ("plan", w("Plan", "Plan"), w("Part", "Onderdeel")),
        &diff.plan,
    );
    b.add(
        ("period", w("Period", "Planperiode")),
        &[date, CHANGE, OLD, NEW],
        &diff.period,
        period_row,
    );
    b.items(
        ("region", w("Region", "Regio"), w("Part", "Onderdeel")),
        &diff.region,
    );
    b.add(
        ("themes", w("Themes", "Thema's")),
        &[w("Theme", "Thema"), CHANGE, OLD, NEW],
        &diff.themes,
        theme_row,
    );
    b.add(
        ("goals", w("Goals", "Doelen")),
        &[goal, w("Theme", "Thema"), CHANGE, OLD, NEW],
        &diff.goals,
        goal_row,
    );
    b.add(
        ("roles", w("Roles", "Rollen")),
        &[
            w("Theme or goal", "Thema of doel"),
            w("Role", "Rol"),
            OLD,
            NEW,
        ],
        &diff.roles,
        role_row,
    );
    b.add(
        ("measurements", w("Measurements", "Metingen")),
        &[goal, date, CHANGE, OLD, NEW],
        &diff.measurements,
        measurement_row,
    );
    b.add(
        ("people", w("People", "Personen")),
        &[w("Person", "Persoon"), CHANGE, OLD, NEW],
        &diff.people,
        person_row,
    );
    b.items(
        (
            "organisations",
            w("Organisations", "Organisaties"),
            w("Organisation", "Organisatie"),
        ),
        &diff.organisations,
    );
    b.items(
        (
            "bodies",
            w("Governance and workgroups", "Bestuur en werkgroepen"),
            w("Body", "Orgaan"),
        ),
        &diff.bodies,
    );
    b.add(
        ("memberships", w("Memberships", "Lidmaatschappen")),
        &[w("Body", "Orgaan"), w("Member", "Lid"), CHANGE, OLD, NEW],
        &diff.memberships,
        membership_row,
    );
    b.items(
        (
            "building_blocks",
            w("Building blocks", "Bouwstenen"),
            w("Building block", "Bouwsteen"),
        ),
        &diff.building_blocks,
    );
    b.items(
        (
            "contracts",
            w("Contracts", "Contracten"),
            w("Contract", "Contract"),
        ),
        &diff.contracts,
    );
    b.add(
        ("modules", w("Modules", "Modules")),
        &[w("Module", "Module"), CHANGE, OLD, NEW],
        &diff.modules,
        module_row,
    );
    b.items(
        (
            "services",
            w("Services", "Diensten"),
            w("Service", "Dienst"),
        ),
        &diff.services,
    );
    b.items(
        (
            "neighbourhoods",
            w("Neighbourhoods", "Wijken"),
            w("Neighbourhood", "Wijk"),
        ),
        &diff.neighbourhoods,
    );
    b.items(
        (
            "programmes",
            w("Programmes", "Programma's"),
            w("Programme", "Programma"),
        ),
        &diff.programmes,
    );
    b.items(
        (
            "funding",
            w("Funding", "Financiering"),
            w("Funding line", "Financieringsregel"),
        ),
        &diff.funding,
    );
    b.items(
        (
            "priorities",
            w("Priorities", "Prioriteiten"),
            w("Year", "Jaar"),
        ),
        &diff.priorities,
    );
    b.items(
        (
            "partnerships",
            w("Partnerships", "Samenwerkingsverbanden"),
            w("Partnership", "Samenwerkingsverband"),
        ),
        &diff.partnerships,
    );
    b.items(
        ("sources", w("Sources", "Bronnen"), w("Source", "Bron")),
        &diff.sources,
    );
    b.sections
}

fn period_row(_: &PlanDiff, c: &PeriodChange, lang: Lang) -> Vec<Cell> {
    let field = match c.field {
        PeriodField::Start => "start",
        PeriodField::End => "end",
        PeriodField::Horizon => "horizon",
    };
    let m = &c.moved;
    vec![
        Cell::text(field),
        Cell::text(moved(m, lang)),
        date(m.old.as_deref()),
        date(m.new.as_deref()),
    ]
}

/// `moved +181 days`, `set` or `cleared`.
fn moved(date: &DateMove, lang: Lang) -> String {
    match (&date.old, &date.new, date.days) {
        (Some(_), Some(_), Some(days)) => {
            let sign = if days < 0 { "-" } else { "+" };
            crate::msg!(
                "moved {sign}{days}",
                "verschoven {sign}{days}",
                sign = sign,
                days = crate::lang::Count(
                    usize::try_from(days.unsigned_abs()).unwrap_or(usize::MAX),
                    crate::lang::Noun {
                        en: ["day", "days"],
                        nl: ["dag", "dagen"],
                    }
                )
            )
            .get(lang)
            .to_string()
        }
        (None, Some(_), _) => w("set", "ingevuld").get(lang).to_string(),
        (Some(_), None, _) => w("cleared", "leeggemaakt").get(lang).to_string(),
        _ => w("changed", "gewijzigd").get(lang).to_string(),
    }
}

/// `theme ggz`, `thema ggz`; `goal g1`, `doel g1`.
fn item_ref(item: &ItemRef, lang: Lang) -> String {
    match item {
        ItemRef::Theme(id) => format!("{} {id}", w("theme", "thema").get(lang)),
        ItemRef::Goal(id) => format!("{} {id}", w("goal", "doel").get(lang)),
    }
}

fn theme_row(diff: &PlanDiff, c: &ThemeChange, lang: Lang) -> Vec<Cell> {
    let word = |l: Label| l.get(lang).to_string();
    let (change, old, new) = match &c.change {
        ThemeChangeKind::Added { name } => (word(ADDED), Cell::Empty, Cell::text(name)),
        ThemeChangeKind::Removed { name } => (word(REMOVED), Cell::text(name), Cell::Empty),
        ThemeChangeKind::Renamed(e) => (word(RENAMED), Cell::text(&e.old), Cell::text(&e.new)),
        ThemeChangeKind::Strategic(e) => {
            ("strategic".into(), Cell::text(&e.old), Cell::text(&e.new))
        }
        ThemeChangeKind::Changed(c) => field_change(diff, c, lang),
    };
    vec![Cell::text(&c.theme), Cell::text(change), old, new]
}

fn goal_row(diff: &PlanDiff, c: &GoalChange, lang: Lang) -> Vec<Cell> {
    let text = |t: &str| Cell::text(t);
    let word = |l: Label| l.get(lang).to_string();
    let (change, old, new) = match &c.change {
        GoalChangeKind::Added { title, parent } => {
            (placed(ADDED, parent, lang), Cell::Empty, text(title))
        }
        GoalChangeKind::Removed { title, parent } => {
            (placed(REMOVED, parent, lang), text(title), Cell::Empty)
        }
        GoalChangeKind::Renamed(e) => (word(RENAMED), text(&e.old), text(&e.new)),
        GoalChangeKind::Moved(e) => (
            word(w("moved", "verplaatst")),
            text(&item_ref(&e.old, lang)),
            text(&item_ref(&e.new, lang)),
        ),
        GoalChangeKind::Status(e) => ("status".into(), status(e.old, lang), status(e.new, lang)),
        GoalChangeKind::Deadline(m) => (
            format!("deadline {}", moved(m, lang)),
            date(m.old.as_deref()),
            date(m.new.as_deref()),
        ),
        GoalChangeKind::BaselineDate(m) => (
            format!(
                "{} {}",
                word(w("baseline date", "datum nulmeting")),
                moved(m, lang)
            ),
            date(m.old.as_deref()),
            date(m.new.as_deref()),
        ),
        GoalChangeKind::Target(e) => (
            word(w("target", "streefwaarde")),
            number(e.old),
            number(e.new),
        ),
        GoalChangeKind::Baseline(e) => (
            word(w("baseline", "nulmeting")),
            number(e.old),
            number(e.new),
        ),
        GoalChangeKind::Unit(e) => (
            word(w("unit", "eenheid")),
            Cell::opt_text(e.old.as_deref()),
            Cell::opt_text(e.new.as_deref()),
        ),
        GoalChangeKind::Direction(e) => (
            word(w("direction", "richting")),
            Cell::opt_text(e.old.as_deref()),
            Cell::opt_text(e.new.as_deref()),
        ),
        GoalChangeKind::Indicator(e) => (
            "indicator".into(),
            Cell::opt_text(e.old.as_deref()),
            Cell::opt_text(e.new.as_deref()),
        ),
        GoalChangeKind::BuildingBlocks(e) => (
            word(w("building blocks", "bouwstenen")),
            list(&e.old),
            list(&e.new),
        ),
        GoalChangeKind::Description(e) => (
            word(w("description", "beschrijving")),
            Cell::opt_text(e.old.as_deref()),
            Cell::opt_text(e.new.as_deref()),
        ),
        GoalChangeKind::Changed(c) => field_change(diff, c, lang),
    };
    vec![text(&c.goal), text(&c.theme), Cell::text(change), old, new]
}

/// A goal's status in the reader's words, with a tone for formats that colour; the value
/// stays the plan's code.
fn status(value: Status, lang: Lang) -> Cell {
    let tone = match value {
        Status::AtRisk => Tone::Warning,
        Status::Achieved => Tone::Good,
        Status::Planned | Status::InProgress | Status::Stopped => Tone::Neutral,
    };
    let (en, nl) = value.words();
    Cell::Status {
        value: value.name().to_string(),
        label: w(en, nl).get(lang).to_string(),
        tone,
    }
}

/// `added`, or `added under goal x` for a subgoal (the theme has its own column).
fn placed(change: Label, parent: &ItemRef, lang: Lang) -> String {
    match parent {
        ItemRef::Theme(_) => change.get(lang).to_string(),
        ItemRef::Goal(_) => format!(
            "{} {} {}",
            change.get(lang),
            w("under", "onder").get(lang),
            item_ref(parent, lang)
        ),
    }
}

fn role_row(diff: &PlanDiff, c: &RoleChange, lang: Lang) -> Vec<Cell> {
    let role = match c.role {
        Role::Trekker => w("trekker", "trekker"),
        Role::BoardContact => w("board contact", "aanspreekpunt in het bestuur"),
        Role::Workgroup => w("workgroup", "werkgroep"),
        Role::Owner => w("owner", "eigenaar"),
    };
    let holder = |id: Option<&str>| match (c.role, id) {
        (_, None) => Cell::Empty,
        (Role::Workgroup, Some(id)) => Cell::text(id),
        (_, Some(id)) => Cell::text(diff.person(id)),
    };
    vec![
        Cell::text(item_ref(&c.item, lang)),
        Cell::text(role.get(lang)),
        holder(c.holder.old.as_deref()),
        holder(c.holder.new.as_deref()),
    ]
}

fn measurement_row(_: &PlanDiff, c: &MeasurementChange, lang: Lang) -> Vec<Cell> {
    let value = |v: Option<f64>| v.map_or(Cell::Empty, |v| Cell::number(v, c.unit.as_deref()));
    let SeriesChange { date: on, old, new } = &c.change;
    vec![
        Cell::text(&c.goal),
        date(Some(on)),
        Cell::text(series_change(*old, *new).get(lang)),
        value(*old),
        value(*new),
    ]
}

/// `added`, `corrected` or `removed` for a dated value.
fn series_change<T>(old: Option<T>, new: Option<T>) -> Label {
    match (old, new) {
        (None, _) => ADDED,
        (Some(_), Some(_)) => CORRECTED,
        (Some(_), None) => REMOVED,
    }
}

fn person_row(diff: &PlanDiff, c: &PersonChange, lang: Lang) -> Vec<Cell> {
    let word = |l: Label| l.get(lang).to_string();
    let (change, old, new) = match &c.change {
        PersonChangeKind::Added { name } => (word(ADDED), Cell::Empty, Cell::text(name)),
        PersonChangeKind::Removed { name } => (word(REMOVED), Cell::text(name), Cell::Empty),
        PersonChangeKind::Renamed(e) => (word(RENAMED), Cell::text(&e.old), Cell::text(&e.new)),
        PersonChangeKind::Changed(c) => field_change(diff, c, lang),
    };
    vec![Cell::text(&c.person), Cell::text(change), old, new]
}

fn membership_row(diff: &PlanDiff, c: &MembershipChange, lang: Lang) -> Vec<Cell> {
    let (change, old, new) = match &c.change {
        MembershipKind::Joined { role } => (
            w("joined", "toegetreden"),
            Cell::Empty,
            Cell::opt_text(role.clone()),
        ),
        MembershipKind::Left { role } => (
            w("left", "vertrokken"),
            Cell::opt_text(role.clone()),
            Cell::Empty,
        ),
        MembershipKind::Role(e) => (
            w("role", "rol"),
            Cell::opt_text(e.old.clone()),
            Cell::opt_text(e.new.clone()),
        ),
        MembershipKind::Since(e) => (
            w("since", "sinds"),
            date(e.old.as_deref()),
            date(e.new.as_deref()),
        ),
        MembershipKind::Until(e) => (
            w("until", "tot"),
            date(e.old.as_deref()),
            date(e.new.as_deref()),
        ),
    };
    let member = match &c.member {
        MemberRef::Person(id) => diff.person(id),
        MemberRef::Organisation(id) => {
            format!("{} {id}", w("organisation", "organisatie").get(lang))
        }
        MemberRef::Neighbourhood(id) => format!("{} {id}", w("neighbourhood", "wijk").get(lang)),
    };
    let body = match &c.body {
        BodyRef::Governance(id) => id.clone(),
        BodyRef::Workgroup(id) => format!("{} {id}", w("workgroup", "werkgroep").get(lang)),
    };
    vec![
        Cell::text(body),
        Cell::text(member),
        Cell::text(change.get(lang)),
        old,
        new,
    ]
}

fn module_row(diff: &PlanDiff, c: &ModuleChange, lang: Lang) -> Vec<Cell> {
    let word = |l: Label| l.get(lang).to_string();
    let uptake = w("uptake", "deelname").get(lang);
    let (change, old, new) = match &c.change {
        ModuleChangeKind::Added { name } => (word(ADDED), Cell::Empty, Cell::text(name)),
        ModuleChangeKind::Removed { name } => (word(REMOVED), Cell::text(name), Cell::Empty),
        ModuleChangeKind::Renamed(e) => (word(RENAMED), Cell::text(&e.old), Cell::text(&e.new)),
        ModuleChangeKind::Uptake(s) => dated(
            &format!("{uptake} {}", s.date),
            s,
            Some(crate::lang::Noun {
                en: ["practice", "practices"],
                nl: ["praktijk", "praktijken"],
            }),
            lang,
        ),
        ModuleChangeKind::UptakePatients(s) => dated(
            &format!("{uptake} {}", s.date),
            s,
            Some(crate::lang::Noun {
                en: ["listed patient", "listed patients"],
                nl: ["ingeschreven patiënt", "ingeschreven patiënten"],
            }),
            lang,
        ),
        ModuleChangeKind::Changed(c) => field_change(diff, c, lang),
    };
    vec![Cell::text(&c.module), Cell::text(change), old, new]
}

fn item_row(diff: &PlanDiff, c: &ItemChange, lang: Lang) -> Vec<Cell> {
    let value = |v: &Value| value(diff, v, lang);
    let word = |l: Label| l.get(lang).to_string();
    let (change, old, new) = match &c.change {
        ItemChangeKind::Added { value: v } => (word(ADDED), Cell::Empty, value(v)),
        ItemChangeKind::Removed { value: v } => (word(REMOVED), value(v), Cell::Empty),
        ItemChangeKind::Changed(c) => field_change(diff, c, lang),
        ItemChangeKind::Figure { metric, figure } => {
            dated(&format!("{metric} {}", figure.date), figure, None, lang)
        }
    };
    vec![Cell::text(&c.item), Cell::text(change), old, new]
}

/// A dated count added, corrected or removed: `uptake 2023-01-01 added`, with counts of
/// `unit` (none when `None`).
fn dated(
    what: &str,
    s: &SeriesChange<u64>,
    unit: Option<crate::lang::Noun>,
    lang: Lang,
) -> (String, Cell, Cell) {
    let count = |n: Option<u64>| {
        let unit = unit.map(|noun| {
            let [one, many] = match lang {
                Lang::En => noun.en,
                Lang::Nl => noun.nl,
            };
            if n == Some(1) { one } else { many }
        });
        n.map_or(Cell::Empty, |n| Cell::count(n, unit))
    };
    (
        format!("{what} {}", series_change(s.old, s.new).get(lang)),
        count(s.old),
        count(s.new),
    )
}

fn field_change(diff: &PlanDiff, c: &FieldChange, lang: Lang) -> (String, Cell, Cell) {
    // In Dutch the key as the plan writes it: English words would be no help.
    let field = match lang {
        Lang::En => field_words(&c.field),
        Lang::Nl => c.field.clone(),
    };
    (field, value(diff, &c.old, lang), value(diff, &c.new, lang))
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
fn value(diff: &PlanDiff, value: &Value, lang: Lang) -> Cell {
    match value {
        Value::None => Cell::Empty,
        Value::Text(t) => Cell::text(t),
        Value::Count(n) => Cell::count(*n, None),
        Value::Number(n) => Cell::number(*n, None),
        Value::Percent(p) => Cell::Percent { value: *p },
        Value::Euro(e) => Cell::euro(*e),
        Value::Date(d) => Cell::date(d),
        Value::Flag(f) => Cell::text(if *f { w("yes", "ja") } else { w("no", "nee") }.get(lang)),
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
        let report = report(&PlanDiff::default(), VERSIONS, Lang::En);
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
        let report = report(&diff, VERSIONS, Lang::En);
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
