//! `regioplan diff` as a table for a terminal or CI log, Markdown for a pull-request comment,
//! and JSON.
//!
//! The table and Markdown walk the same sections (a title, column headers and rows of plain
//! text) built once from the [`PlanDiff`]; they differ only in layout and escaping. JSON is the
//! `PlanDiff` itself with the names of the two versions.

use std::io::{self, Write};

use comfy_table::Table;
use comfy_table::presets::ASCII_FULL_CONDENSED;
use serde::Serialize;

use super::plural;
use crate::analysis::diff::{
    DateMove, GoalChange, GoalChangeKind, ItemRef, MeasurementChange, MembershipChange,
    MembershipKind, ModuleChange, ModuleChangeKind, PeriodChange, PeriodField, PersonChange,
    PersonChangeKind, PlanDiff, Role, RoleChange, SeriesChange, ThemeChange, ThemeChangeKind,
};

/// The names of the two versions, as the user gave them.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Versions<'a> {
    pub old: &'a str,
    pub new: &'a str,
}

/// One table of changes: a title, column headers and rows of plain text (empty: no value).
struct Section {
    title: &'static str,
    header: &'static [&'static str],
    rows: Vec<Vec<String>>,
}

/// ASCII tables, one per kind of change, readable in a terminal and in a CI log.
pub fn table(out: &mut dyn Write, diff: &PlanDiff, versions: Versions<'_>) -> io::Result<()> {
    if diff.is_empty() {
        return writeln!(out, "{}", no_changes(versions.old, versions.new));
    }
    writeln!(
        out,
        "Changes between {} and {}: {}.",
        versions.old,
        versions.new,
        summary(diff)
    )?;
    for section in sections(diff) {
        let mut table = Table::new();
        table
            .load_style(ASCII_FULL_CONDENSED)
            .force_no_tty()
            .set_header(section.header.to_vec());
        for row in section.rows {
            table.add_row(row.into_iter().map(|cell| or(cell, "-")));
        }
        writeln!(out, "\n{}\n{}", section.title, table.trim_fmt())?;
    }
    Ok(())
}

/// GitHub-flavoured Markdown for a pull-request comment: a heading, a summary line and one
/// table per kind of change.
pub fn markdown(out: &mut dyn Write, diff: &PlanDiff, versions: Versions<'_>) -> io::Result<()> {
    writeln!(out, "## Plan changes\n")?;
    let (old, new) = (code(versions.old), code(versions.new));
    if diff.is_empty() {
        return writeln!(out, "{}", no_changes(&old, &new));
    }
    writeln!(out, "{old} → {new}: {}.", summary(diff))?;
    for section in sections(diff) {
        writeln!(out, "\n### {}\n", section.title)?;
        writeln!(out, "| {} |", section.header.join(" | "))?;
        writeln!(out, "|{}", " --- |".repeat(section.header.len()))?;
        for row in section.rows {
            let cells: Vec<String> = row.into_iter().map(|c| escape_cell(&or(c, "—"))).collect();
            writeln!(out, "| {} |", cells.join(" | "))?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct JsonDiff<'a> {
    old: &'a str,
    new: &'a str,
    changes: usize,
    #[serde(flatten)]
    diff: &'a PlanDiff,
}

/// The diff as one pretty-printed JSON object: `old`, `new`, `changes` (the count) and one
/// array per kind of change.
pub fn json(out: &mut dyn Write, diff: &PlanDiff, versions: Versions<'_>) -> io::Result<()> {
    let document = JsonDiff {
        old: versions.old,
        new: versions.new,
        changes: diff.len(),
        diff,
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

fn no_changes(old: &str, new: &str) -> String {
    format!("No changes by id between {old} and {new}.")
}

/// `9 changes (themes 1, goals 3, roles 5)`.
fn summary(diff: &PlanDiff) -> String {
    let counts: Vec<String> = sections(diff)
        .iter()
        .map(|s| format!("{} {}", s.title.to_lowercase(), s.rows.len()))
        .collect();
    format!("{} ({})", plural(diff.len(), "change"), counts.join(", "))
}

/// The non-empty sections, in a fixed order.
fn sections(diff: &PlanDiff) -> Vec<Section> {
    let all = [
        section(
            "Period",
            &["Date", "Change", "Old", "New"],
            &diff.period,
            period_row,
        ),
        section(
            "Themes",
            &["Theme", "Change", "Old", "New"],
            &diff.themes,
            theme_row,
        ),
        section(
            "Goals",
            &["Goal", "Theme", "Change", "Old", "New"],
            &diff.goals,
            goal_row,
        ),
        section(
            "Roles",
            &["Theme or goal", "Role", "Old", "New"],
            &diff.roles,
            role_row,
        ),
        section(
            "Measurements",
            &["Goal", "Date", "Change", "Old", "New"],
            &diff.measurements,
            measurement_row,
        ),
        section(
            "People",
            &["Person", "Change", "Old", "New"],
            &diff.people,
            person_row,
        ),
        section(
            "Memberships",
            &["Body", "Member", "Change", "Old", "New"],
            &diff.memberships,
            membership_row,
        ),
        section(
            "Modules",
            &["Module", "Change", "Old", "New"],
            &diff.modules,
            module_row,
        ),
    ];
    all.into_iter().filter(|s| !s.rows.is_empty()).collect()
}

fn section<T>(
    title: &'static str,
    header: &'static [&'static str],
    items: &[T],
    row: fn(&T) -> Vec<String>,
) -> Section {
    Section {
        title,
        header,
        rows: items.iter().map(row).collect(),
    }
}

fn period_row(c: &PeriodChange) -> Vec<String> {
    let field = match c.field {
        PeriodField::Start => "start",
        PeriodField::End => "end",
        PeriodField::Horizon => "horizon",
    };
    let m = &c.moved;
    vec![
        field.to_string(),
        moved(m),
        text(m.old.as_deref()),
        text(m.new.as_deref()),
    ]
}

/// `moved +181 days`, `set` or `cleared`.
fn moved(date: &DateMove) -> String {
    match (&date.old, &date.new, date.days) {
        (Some(_), Some(_), Some(days)) => format!("moved {days:+} {}", day_noun(days)),
        (None, Some(_), _) => "set".to_string(),
        (Some(_), None, _) => "cleared".to_string(),
        _ => "changed".to_string(),
    }
}

fn day_noun(days: i64) -> &'static str {
    if days.abs() == 1 { "day" } else { "days" }
}

fn theme_row(c: &ThemeChange) -> Vec<String> {
    let (change, old, new) = match &c.change {
        ThemeChangeKind::Added { name } => ("added", String::new(), name.clone()),
        ThemeChangeKind::Removed { name } => ("removed", name.clone(), String::new()),
        ThemeChangeKind::Renamed(e) => ("renamed", e.old.clone(), e.new.clone()),
        ThemeChangeKind::Strategic(e) => ("strategic", e.old.clone(), e.new.clone()),
    };
    vec![c.theme.clone(), change.to_string(), old, new]
}

fn goal_row(c: &GoalChange) -> Vec<String> {
    let (change, old, new) = match &c.change {
        GoalChangeKind::Added { title, parent } => {
            (placed("added", parent), String::new(), title.clone())
        }
        GoalChangeKind::Removed { title, parent } => {
            (placed("removed", parent), title.clone(), String::new())
        }
        GoalChangeKind::Renamed(e) => ("renamed".into(), e.old.clone(), e.new.clone()),
        GoalChangeKind::Moved(e) => ("moved".into(), e.old.to_string(), e.new.to_string()),
        GoalChangeKind::Status(e) => ("status".into(), e.old.clone(), e.new.clone()),
        GoalChangeKind::Deadline(m) => (
            format!("deadline {}", moved(m)),
            text(m.old.as_deref()),
            text(m.new.as_deref()),
        ),
        GoalChangeKind::Target(e) => ("target".into(), number(e.old), number(e.new)),
        GoalChangeKind::Unit(e) => (
            "unit".into(),
            text(e.old.as_deref()),
            text(e.new.as_deref()),
        ),
        GoalChangeKind::Direction(e) => (
            "direction".into(),
            text(e.old.as_deref()),
            text(e.new.as_deref()),
        ),
    };
    vec![c.goal.clone(), c.theme.clone(), change, old, new]
}

/// `added`, or `added under goal x` for a subgoal (the theme has its own column).
fn placed(change: &str, parent: &ItemRef) -> String {
    match parent {
        ItemRef::Theme(_) => change.to_string(),
        ItemRef::Goal(_) => format!("{change} under {parent}"),
    }
}

fn role_row(c: &RoleChange) -> Vec<String> {
    let role = match c.role {
        Role::Trekker => "trekker",
        Role::BoardContact => "board contact",
        Role::Workgroup => "workgroup",
        Role::Owner => "owner",
    };
    vec![
        c.item.to_string(),
        role.to_string(),
        text(c.holder.old.as_deref()),
        text(c.holder.new.as_deref()),
    ]
}

fn measurement_row(c: &MeasurementChange) -> Vec<String> {
    let with_unit = |value: Option<f64>| match (value, &c.unit) {
        (Some(v), Some(unit)) => format!("{v} {unit}"),
        (value, _) => number(value),
    };
    let SeriesChange { date, old, new } = &c.change;
    vec![
        c.goal.clone(),
        date.clone(),
        series_change(*old, *new).to_string(),
        with_unit(*old),
        with_unit(*new),
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

fn person_row(c: &PersonChange) -> Vec<String> {
    let (change, old, new) = match &c.change {
        PersonChangeKind::Added { name } => ("added", String::new(), name.clone()),
        PersonChangeKind::Removed { name } => ("removed", name.clone(), String::new()),
        PersonChangeKind::Renamed(e) => ("renamed", e.old.clone(), e.new.clone()),
    };
    vec![c.person.clone(), change.to_string(), old, new]
}

fn membership_row(c: &MembershipChange) -> Vec<String> {
    let (change, old, new) = match &c.change {
        MembershipKind::Joined { role } => ("joined", String::new(), text(role.as_deref())),
        MembershipKind::Left { role } => ("left", text(role.as_deref()), String::new()),
        MembershipKind::Role(e) => ("role", text(e.old.as_deref()), text(e.new.as_deref())),
    };
    vec![
        c.body.to_string(),
        c.member.to_string(),
        change.to_string(),
        old,
        new,
    ]
}

fn module_row(c: &ModuleChange) -> Vec<String> {
    let (change, old, new) = match &c.change {
        ModuleChangeKind::Added { name } => ("added".into(), String::new(), name.clone()),
        ModuleChangeKind::Removed { name } => ("removed".into(), name.clone(), String::new()),
        ModuleChangeKind::Renamed(e) => ("renamed".into(), e.old.clone(), e.new.clone()),
        ModuleChangeKind::Uptake(SeriesChange { date, old, new }) => {
            let practices =
                |n: Option<u64>| n.map(|n| plural_u64(n, "practice")).unwrap_or_default();
            (
                format!("uptake {date} {}", series_change(*old, *new)),
                practices(*old),
                practices(*new),
            )
        }
    };
    vec![c.module.clone(), change, old, new]
}

fn plural_u64(count: u64, noun: &str) -> String {
    if count == 1 {
        format!("{count} {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

fn text(value: Option<&str>) -> String {
    value.unwrap_or_default().to_string()
}

fn number(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The cell, or `placeholder` when it is empty.
fn or(cell: String, placeholder: &str) -> String {
    if cell.is_empty() {
        placeholder.to_string()
    } else {
        cell
    }
}

/// Escapes a Markdown table cell: `|` would end the cell and a newline the row.
fn escape_cell(cell: &str) -> String {
    cell.replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace(['\n', '\r'], "<br>")
}

/// Inline code for a file name or revision, or escaped text when it holds a backtick.
fn code(name: &str) -> String {
    if name.contains('`') {
        escape_cell(name)
    } else {
        format!("`{name}`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_escape_pipes_and_newlines() {
        assert_eq!(escape_cell("a | b\nc\r\nd"), "a \\| b<br>c<br>d");
    }

    #[test]
    fn an_empty_diff_says_so() {
        let versions = Versions {
            old: "a.yaml",
            new: "b.yaml",
        };
        let mut out = Vec::new();
        table(&mut out, &PlanDiff::default(), versions).expect("render");
        assert_eq!(
            String::from_utf8_lossy(&out),
            "No changes by id between a.yaml and b.yaml.\n"
        );
    }
}
