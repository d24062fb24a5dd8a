//! Subcommands: arguments -> core -> renderer. One file per subcommand.

pub mod check;
pub mod completions;
pub mod config;
pub mod diff;
pub mod frameworks;
pub mod gaps;
pub mod init;
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
        Command::Gaps(args) => gaps::run(args, out, err),
        Command::Frameworks(args) => frameworks::run(args, out),
        Command::Schema => schema::run(out),
        Command::Completions(args) => completions::run_completions(args, out),
        Command::Man => completions::run_man(out),
    }
}

/// Writes a report in the format the user chose; every command that writes a report uses it.
fn write_report(out: &mut dyn Write, report: &Report, format: ReportFormat) -> std::io::Result<()> {
    match format {
        ReportFormat::Table => render::report::table(out, report),
        ReportFormat::Markdown => render::report::markdown(out, report),
        ReportFormat::Json => render::report::json(out, report),
    }
}
