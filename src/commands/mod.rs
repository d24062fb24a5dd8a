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
/// broken parts out.
fn sound_plan(what: &str, name: &str, bytes: &[u8]) -> anyhow::Result<crate::plan::Plan> {
    let loaded = crate::load::load(name, bytes);
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
    // The finding may quote the plan: on one line, so it cannot forge a line of a CI log.
    anyhow::bail!(
        "{what} does not load: {}:{}: {}{more}",
        at.line,
        at.column,
        render::on_one_line(&first.message)
    )
}

/// Writes a report in the format the user chose; every command that writes a report uses it.
fn write_report(out: &mut dyn Write, report: &Report, format: ReportFormat) -> std::io::Result<()> {
    match format {
        ReportFormat::Table => render::report::table(out, report),
        ReportFormat::Markdown => render::report::markdown(out, report),
        ReportFormat::Json => render::report::json(out, report),
        ReportFormat::Html => render::html::html(out, report),
        ReportFormat::Csv => render::report::csv(out, report),
    }
}
