//! Subcommands: arguments -> core -> renderer. One file per subcommand.

pub mod check;
pub mod schema;

use std::io::Write;

use crate::cli::{Cli, Command};

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
        Command::Schema => schema::run(out),
    }
}
