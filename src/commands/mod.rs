//! Subcommands: arguments -> core -> renderer. One file per subcommand.

pub mod check;
pub mod completions;
pub mod config;
pub mod diff;
pub mod frameworks;
pub mod gaps;
pub mod init;
pub mod output;
pub mod report;
pub mod rule;
pub mod schema;

use std::io::Write;

use crate::cli::{Cli, Command, ReportFormat};
use crate::load::limits::{Limit, Limits};
use crate::load::read;
use crate::render;
use crate::report::Report;

/// The process exit codes, documented in the README and in `--help`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// No findings at or above the failing severity.
    Clean = 0,
    /// Findings at or above the failing severity.
    Findings = 1,
    /// Usage error, unreadable input or internal failure.
    Error = 2,
}

/// Runs a parsed command line, writing results to `out` and notes to `err`.
pub fn run(cli: &Cli, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitCode> {
    match &cli.command {
        Command::Check(args) => check::run(args, out, err),
        Command::Rule(args) => rule::run(args, out),
        Command::Config(args) => config::run(args, out),
        Command::Init(args) => init::run(args, out),
        Command::Diff(args) => diff::run(args, out),
        Command::Report(args) => report::run(args, out, err),
        Command::Gaps(args) => gaps::run(args, out, err),
        Command::Frameworks(args) => frameworks::run(args, out),
        Command::Schema => schema::run(out),
        Command::Completions(args) => completions::run_completions(args, out),
        Command::Man => completions::run_man(out),
    }
}

/// A plan without structural findings. Otherwise the first finding is the error, `{what} does
/// not load: LINE:COL: message`: a report or diff of half a plan would silently leave its
/// broken parts out. A limit's finding keeps its help (how to raise the limit).
fn sound_plan(what: &str, loaded: crate::load::Loaded) -> anyhow::Result<crate::plan::Plan> {
    if loaded.diagnostics.is_empty()
        && let Some(plan) = loaded.plan
    {
        return Ok(plan);
    }
    let Some(first) = loaded
        .diagnostics
        .iter()
        .min_by_key(|d| d.primary.span.start)
    else {
        anyhow::bail!("{what} does not load as a plan");
    };
    let at = loaded.source.position(first.primary.span.start);
    let more = match loaded.diagnostics.len() {
        0 | 1 => String::new(),
        n => format!(" (and {} more; `regioplan check` shows them)", n - 1),
    };
    let help = match &first.help {
        Some(help) if first.code == crate::rules::structure::LIMIT.code => {
            format!("; {}", render::on_one_line(help))
        }
        _ => String::new(),
    };
    // The finding may quote the plan: on one line, so it cannot forge a line of a CI log.
    anyhow::bail!(
        "{what} does not load: {}:{}: {}{more}{help}",
        at.line,
        at.column,
        render::on_one_line(&first.message)
    )
}

/// Reads a file a command needs whole (a side of a diff, a framework file, a configuration):
/// anything but a regular file within `max-file-size` is an error that says what it is.
fn read_needed(path: &std::path::Path, limits: &Limits) -> anyhow::Result<Vec<u8>> {
    read::read_file(path, limits.max_file_size).map_err(|e| too_large_error(e, limits))
}

/// A read error as a user sees it; a file above the limit says how to raise it.
pub(crate) fn too_large_error(error: read::ReadError, limits: &Limits) -> anyhow::Error {
    match error {
        read::ReadError::TooLarge { path, size, .. } => {
            let shown = size.map_or_else(String::new, |s| {
                format!(" ({})", crate::load::limits::format_size_rounded(s))
            });
            anyhow::anyhow!(
                "`{}`{shown} is larger than the limit `max-file-size` of {}; {}",
                path.display(),
                Limit::FileSize.value(limits),
                Limit::how_to_raise_size(limits, size)
            )
        }
        other => anyhow::Error::from(other),
    }
}

/// The width a table on standard output fits in: the terminal's, else `COLUMNS` (a pager, a CI
/// log or `watch` set it), else none: a file or a pipe without `COLUMNS` gets every line whole.
fn terminal_width(to_file: bool) -> Option<u16> {
    if to_file {
        return None;
    }
    // Standard output's own terminal: a pipe from a terminal (`| less`) is no terminal.
    terminal_size::terminal_size_of(std::io::stdout())
        .map(|(terminal_size::Width(w), _)| w)
        .or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
        .filter(|w| *w > 0)
}

/// Writes a report in the format the user chose; every command that writes a report uses it.
fn write_report(
    out: &mut dyn Write,
    report: &Report,
    format: ReportFormat,
    table: render::report::TableOptions,
) -> std::io::Result<()> {
    match format {
        ReportFormat::Table => render::report::table_with(out, report, table),
        ReportFormat::Markdown => render::report::markdown(out, report),
        ReportFormat::Json => render::report::json(out, report),
        ReportFormat::Html => render::html::html(out, report),
        ReportFormat::Csv => render::report::csv(out, report),
    }
}
