//! The command line: clap derive types, one `Args` struct per subcommand.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "Exit codes:
  0  no findings at or above the failing severity (see --fail-on)
  1  findings at or above the failing severity
  2  usage error, unreadable input, or an internal failure";

/// Validate, report on and analyse regioplannen of Dutch regional GP organisations.
#[derive(Debug, Parser)]
#[command(name = "regioplan", version, about, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check plan files: YAML syntax, structure and the semantic rules.
    #[command(after_help = EXIT_CODES)]
    Check(CheckArgs),
    /// Print the JSON Schema of the plan format.
    Schema,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Plan files or directories (searched recursively for *.yaml and *.yml); `-` reads
    /// standard input.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// The date measurements may not be later than (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", default_value_t = today(), value_parser = parse_date)]
    pub as_of: chrono::NaiveDate,

    /// The lowest severity that makes `check` exit with 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,

    /// When to colour human output (`auto`: on a terminal, unless NO_COLOR is set).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Source snippets with the node underlined.
    Human,
    /// One JSON document: files, diagnostics and a summary.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| format!("`{text}` is not a date in the form YYYY-MM-DD ({e})"))
}
