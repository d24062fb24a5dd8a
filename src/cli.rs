//! The command line: clap derive types, one `Args` struct per subcommand.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use crate::config::{FailOn, Format};

const EXIT_CODES: &str = "Exit codes:
  0  no findings at or above the failing severity (see --fail-on)
  1  findings at or above the failing severity; with `check --diff`, a file would change
  2  usage error, unreadable input, or an internal failure";

/// How `report`, `gaps` and `diff` decide which plans they read, in their `--help` (the policy
/// of `check::usable`).
macro_rules! load_policy {
    () => {
        "Which plans are read: a plan loads when no error remains after the whole check, with its \
inline suppressions and the settings of regioplan.toml applied; warnings never stop it. A plan \
named on the command line that does not load is an error (exit 2); a file found in a directory \
that does not load is skipped with a note on stderr. The configuration is the nearest \
regioplan.toml above the current directory (--config FILE names one, --no-config ignores \
them); a broken configuration is shown and ends the run with exit 2."
    };
}

const LOAD_POLICY: &str = load_policy!();

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
    /// Explain a rule, or list them all.
    Rule(RuleArgs),
    /// Print the effective configuration for a plan and where each setting came from.
    Config(ConfigArgs),
    /// Write a starter plan that passes `check`.
    Init(InitArgs),
    /// Show what changed between two versions of a plan, by id.
    ///
    /// Compares every part of the plan: the region and period, themes, goals (status, deadline,
    /// indicator, title, place), measurements, roles (trekker, board contact, workgroup, goal
    /// owner, shown by name and id), people, organisations, governance bodies, workgroups and
    /// who sits in them, building-block levels, contracts, modules and uptake, services,
    /// neighbourhoods, programmes and their figures, and funding lines. Each side is a file, or
    /// REV:PATH read from git (its size checked first) when no file has that name.
    ///
    /// Exit codes: 0 when the diff succeeds, whatever changed (it is a report, not a check);
    /// 2 when a side cannot be read or does not load as a plan.
    #[command(after_help = LOAD_POLICY)]
    Diff(DiffArgs),
    /// Report on plans, whole or for some themes, as a table, Markdown, JSON or CSV.
    ///
    /// Without a theme: the region with its key figures, members and governance bodies; the
    /// plan's period, horizon and ambition; the themes with trekker, workgroup, board contact
    /// and goals by status; building blocks, contracts, programmes, modules and funding; every
    /// goal; and the goals that are overdue, at risk or behind as of --as-of. With --theme:
    /// that theme's trekker, workgroup with organisations, board contact and goal tree with
    /// indicator, progress and trajectory. Several plans put a region column in every table.
    ///
    /// Without a PATH it reports on the plans `check` would take in the current directory.
    ///
    /// Exit codes: 0 when the report is written; 2 for an unknown theme, a named plan that
    /// does not load, an unreadable file or an output that cannot be written.
    #[command(after_help = REPORT_HELP)]
    Report(ReportArgs),
    /// Find the gaps in plans: against their own standard, reference frameworks, a
    /// financially level playing field, full uptake, and their peers.
    ///
    /// Without a PATH, the plans under the current directory; without --framework, the
    /// frameworks named in regioplan.toml (`frameworks = [...]`).
    ///
    /// Exit codes: 0 when the analysis succeeds (unless --fail-on-gaps); 1 with
    /// --fail-on-gaps when a gap at or above that severity exists; 2 when a framework file
    /// or the configuration is broken, a --theme names no theme, a named plan does not load,
    /// or no plan loads.
    #[command(after_help = LOAD_POLICY)]
    Gaps(GapsArgs),
    /// List the built-in reference frameworks, or print one as a starting point for your own.
    Frameworks(FrameworksArgs),
    /// Print the JSON Schema of the plan format.
    ///
    /// With `--lang nl` its descriptions (what an editor shows on hover) are in Dutch: the
    /// committed `schemas/regioplan.schema.nl.json`.
    Schema(SchemaArgs),
    /// Run the language server (LSP) on standard input and output, for editors.
    ///
    /// Editors start it themselves: the VS Code extension, or a generic LSP client configured
    /// to run `regioplan server` (see "In your editor" in the README). Findings are those of
    /// `regioplan check`, with the regioplan.toml found from each plan's folder.
    Server(ServerArgs),
    /// Print a shell completion script.
    Completions(CompletionsArgs),
    /// Print the man page (roff).
    Man,
}

#[derive(Debug, Args)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "command-line flags: each bool is one switch the user passes"
)]
pub struct CheckArgs {
    /// Plan files or directories (searched recursively for *.yaml and *.yml); `-` reads
    /// standard input.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Output format [default: human, or github when `GITHUB_ACTIONS=true`].
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// The language of the findings and the summary, in every format [default: `language`
    /// in regioplan.toml, else the environment's (`LC_ALL`, `LC_MESSAGES`, `LANG`: nl_* is
    /// Dutch), else en].
    #[arg(long, value_enum)]
    pub lang: Option<ReportLang>,

    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output_file: Option<PathBuf>,

    /// The date measurements may not be later than (YYYY-MM-DD) [default: today].
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<chrono::NaiveDate>,

    /// The lowest severity that makes `check` exit with 1 [default: error].
    #[arg(long, value_enum)]
    pub fail_on: Option<FailOn>,

    /// Only report these rule codes or code prefixes (e.g. `RP1,RP201`).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub select: Vec<String>,

    /// Do not report these rule codes or code prefixes.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub ignore: Vec<String>,

    /// Use this configuration file instead of the nearest regioplan.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Ignore every regioplan.toml.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,

    /// When to colour human output (`auto`: on a terminal, unless `NO_COLOR` is set).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,

    /// Apply the safe fixes (quotes around a text, a Dutch thousands dot removed from a count,
    /// ...) to the files, check them again and report what is left. With `-` the fixed plan
    /// goes to standard output and the findings to standard error.
    #[arg(long)]
    pub fix: bool,

    /// With --fix or --diff: apply the unsafe fixes too (guesses such as the closest key or id,
    /// a placeholder for a missing key, a suppression). Read the diff first.
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print the fixes as a unified diff and write nothing; exit 1 when a file would change.
    #[arg(long)]
    pub diff: bool,

    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Args)]
pub struct RuleArgs {
    /// The rule code, e.g. RP102.
    #[arg(required_unless_present = "all")]
    pub code: Option<String>,

    /// All rules.
    #[arg(long, conflicts_with = "code")]
    pub all: bool,

    /// Output format.
    #[arg(long, value_enum, default_value_t = RuleFormat::Text)]
    pub format: RuleFormat,

    /// The language of the documentation [default: `language` in regioplan.toml, else the
    /// environment's, else en]. Codes, names and the YAML examples are the same in both.
    #[arg(long, value_enum)]
    pub lang: Option<ReportLang>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RuleFormat {
    Text,
    Markdown,
    Json,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// The plan (or directory) whose settings to show.
    #[arg(default_value = ".")]
    pub path: PathBuf,

    /// Use this configuration file instead of the nearest regioplan.toml.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// The language of the findings about the configuration [default: the environment's,
    /// else en].
    #[arg(long, value_enum)]
    pub lang: Option<ReportLang>,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The language of the schema's descriptions [default: `language` in regioplan.toml, else
    /// the environment's, else en].
    #[arg(long, value_enum)]
    pub lang: Option<ReportLang>,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the plan.
    #[arg(default_value = "plans/regioplan.yaml")]
    pub path: PathBuf,

    /// The region's name.
    #[arg(long, value_name = "NAME")]
    pub region: Option<String>,

    /// The plan format's JSON Schema that the plan's first line links to, for editors; written
    /// there when the file does not exist. Default: `schemas/regioplan.schema.json` at the
    /// repository's root (the nearest directory above with `.git` or `regioplan.toml`, else the
    /// current directory), or the one already above the plan.
    #[arg(long, value_name = "PATH")]
    pub schema: Option<PathBuf>,

    /// The language of the starter plan's texts and comments, and of the messages [default:
    /// `language` in regioplan.toml, else the environment's, else en].
    #[arg(long, value_enum)]
    pub lang: Option<ReportLang>,
}

const REPORT_HELP: &str = concat!(
    load_policy!(),
    "

Examples:
  regioplan report --theme ggz
  regioplan report plans/amsterdam-aha.yaml --format markdown --lang nl -o rapport.md
  regioplan report plans/ --theme ggz --format csv -o ggz.csv
  regioplan report plans/amsterdam-aha.yaml --format docx --lang nl -o rapport.docx"
);

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Plan files or directories (searched recursively for *.yaml and *.yml), as for `check`.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Report on this theme only (its id or name, any case); repeat for more themes.
    #[arg(long = "theme", value_name = "ID")]
    pub themes: Vec<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,

    /// Write the report to FILE (atomically) instead of standard output. Refuses an input
    /// plan, a symbolic link and anything that is not a regular file.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output_file: Option<PathBuf>,

    /// The language of the labels [default: `language` in regioplan.toml, else en].
    #[arg(long, value_enum)]
    pub lang: Option<ReportLang>,

    /// The date deadlines are counted from (YYYY-MM-DD) [default: `as-of` in regioplan.toml,
    /// else today].
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<chrono::NaiveDate>,

    /// When to colour the table (`auto`: on a terminal, unless `NO_COLOR` is set).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,

    #[command(flatten)]
    pub config: ConfigChoice,

    #[command(flatten)]
    pub limits: LimitArgs,
}

/// The language of a report, of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportLang {
    En,
    Nl,
}

impl From<ReportLang> for crate::config::file::Language {
    fn from(lang: ReportLang) -> Self {
        match lang {
            ReportLang::En => crate::config::file::Language::En,
            ReportLang::Nl => crate::config::file::Language::Nl,
        }
    }
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The old version: a file, or REV:PATH to read it from git (e.g. HEAD~1:plans/x.yaml).
    pub old: String,

    /// The new version: a file, or REV:PATH.
    pub new: String,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,

    /// Write the diff to FILE (atomically) instead of standard output. Refuses an input plan,
    /// a symbolic link and anything that is not a regular file.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output_file: Option<PathBuf>,

    /// The diff's language [default: `language` of regioplan.toml, else the environment
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`), else en].
    #[arg(long, value_enum)]
    pub lang: Option<ReportLang>,

    #[command(flatten)]
    pub config: ConfigChoice,

    #[command(flatten)]
    pub limits: LimitArgs,
}

#[derive(Debug, Args)]
pub struct GapsArgs {
    /// Plan files or directories (searched recursively for *.yaml and *.yml).
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// A reference framework: a built-in name (`regioplan frameworks` lists them) or a TOML
    /// file. Repeatable [default: the `frameworks` of regioplan.toml].
    #[arg(long = "framework", value_name = "NAME|FILE")]
    pub frameworks: Vec<String>,

    /// Only these themes in the own-standard section (their id or name, any case); repeat for
    /// more themes.
    #[arg(long = "theme", value_name = "ID")]
    pub themes: Vec<String>,

    /// The date overdue and behind are judged on (YYYY-MM-DD) [default: `as-of` in
    /// regioplan.toml, else today].
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<chrono::NaiveDate>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Table)]
    pub format: ReportFormat,

    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output_file: Option<PathBuf>,

    /// The report's language [default: `language` of regioplan.toml, else en].
    #[arg(long, value_enum)]
    pub lang: Option<ReportLang>,

    /// Exit with 1 when a gap at or above this severity exists.
    #[arg(long, value_enum, value_name = "SEVERITY")]
    pub fail_on_gaps: Option<GapSeverity>,

    #[command(flatten)]
    pub config: ConfigChoice,

    #[command(flatten)]
    pub limits: LimitArgs,
}

/// The severity from which gaps fail the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GapSeverity {
    Error,
    Warning,
}

#[derive(Debug, Args)]
pub struct FrameworksArgs {
    /// Print this built-in framework's TOML (a starting point for your own).
    pub name: Option<String>,

    /// The language of the list [default: `language` in regioplan.toml, else the
    /// environment's, else en]. The TOML a NAME prints holds both languages.
    #[arg(long, value_enum)]
    pub lang: Option<ReportLang>,
}

/// The output formats of a report (`diff`, `report`, `gaps`): one enum for all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Table,
    Markdown,
    Json,
    /// One self-contained HTML file with charts, for a browser or to print on A4.
    Html,
    /// The goal table, one row per goal (`report` only).
    Csv,
    /// A Word document (.docx) for board papers: headings, tables whose header row repeats on
    /// every page, charts as their data tables. Binary: write it with -o FILE.
    Docx,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// `--config FILE` and `--no-config`, shared by `report`, `gaps` and `diff`.
#[derive(Debug, Clone, Default, Args)]
pub struct ConfigChoice {
    /// Use this configuration file instead of the nearest regioplan.toml above the current
    /// directory.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Ignore every regioplan.toml.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
}

/// `--limit KEY=VALUE`, shared by the commands that read plans.
#[derive(Debug, Clone, Default, Args)]
pub struct LimitArgs {
    /// Set a limit on what is read, as under `[limits]` in regioplan.toml: `max-file-size`
    /// (default 4MiB), `max-depth` (64), `max-aliases` (4096), `alias-expansion` (4).
    /// Repeatable, e.g. `--limit max-file-size=16MiB`.
    /// Checked by the command (`commands::checked_limits`), in the run's language.
    #[arg(long = "limit", value_name = "KEY=VALUE")]
    pub limits: Vec<String>,
}

/// Parses a YYYY-MM-DD date argument.
pub fn parse_date(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|e| format!("`{text}` is not a date in the form YYYY-MM-DD ({e})"))
}

/// `regioplan server`.
#[derive(Debug, Args)]
pub struct ServerArgs {
    /// Talk over standard input and output (the only way; accepted because editors add it).
    #[arg(long)]
    pub stdio: bool,
}
