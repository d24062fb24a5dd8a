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
pub mod said;
pub mod schema;
pub mod server;

use std::io::Write;

use self::said::Say;
use chrono::NaiveDate;

use self::check::{Input, load_input, on_all_cores};
use crate::check::{self as checking, Usable};
use crate::cli::{Cli, Command, ConfigChoice, LimitArgs, ReportFormat};
use crate::config::{LoadedConfig, Settings, SettingsInput, find_config, load_config};
use crate::diagnostic::FileResult;
use crate::load::limits::{Limit, Limits};
use crate::load::read;
use crate::plan::Plan;
use crate::plan::catalogue::Catalogue;
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
        Command::Diff(args) => diff::run(args, out, err),
        Command::Report(args) => report::run(args, out, err),
        Command::Gaps(args) => gaps::run(args, out, err),
        Command::Frameworks(args) => frameworks::run(args, out),
        Command::Schema(args) => schema::run(args, out),
        Command::Server(args) => server::run(args, out, err),
        Command::Completions(args) => completions::run_completions(args, out),
        Command::Man => completions::run_man(out),
    }
}

/// The configuration of a `report`, `gaps` or `diff` run: the file given with `--config`,
/// none with `--no-config`, else the nearest `regioplan.toml` above the current directory. Its
/// warnings are shown on `err`; a broken one is shown there and ends the run with exit 2, as
/// in `check`.
pub(crate) fn run_config(
    choice: &ConfigChoice,
    lang: crate::lang::Lang,
    err: &mut dyn Write,
) -> anyhow::Result<Result<Option<LoadedConfig>, ExitCode>> {
    let path = if choice.no_config {
        None
    } else if let Some(path) = &choice.config {
        Some(path.clone())
    } else {
        let cwd = std::env::current_dir().say(|| {
            crate::msg!(
                "cannot read the current directory",
                "kan de huidige map niet lezen"
            )
        })?;
        find_config(&cwd)
    };
    let Some(path) = path else {
        return Ok(Ok(None));
    };
    match load_config(&path)? {
        Ok(c) => {
            if !c.warnings.is_empty() {
                let shown = FileResult {
                    source: c.source.clone(),
                    diagnostics: c.warnings.clone(),
                };
                render::human::write_diagnostics(err, &[shown], false, lang)?;
            }
            Ok(Ok(Some(c)))
        }
        Err(result) => {
            render::human::write_diagnostics(err, &[result], false, lang)?;
            writeln!(err, "{}", config_problems(lang))?;
            Ok(Err(ExitCode::Error))
        }
    }
}

/// What the command line of `report`, `gaps` or `diff` says about the settings.
///
/// # Errors
/// A `--limit` that is not a limit or not a value of it.
pub(crate) fn settings_input(
    as_of: Option<NaiveDate>,
    limits: &LimitArgs,
) -> anyhow::Result<SettingsInput> {
    Ok(SettingsInput {
        as_of,
        today: chrono::Local::now().date_naive(),
        limits: checked_limits(limits)?,
        env_language: environment_language(),
        ..SettingsInput::default()
    })
}

/// The `--limit KEY=VALUE` arguments, each a limit with a value it takes.
///
/// # Errors
/// The first that is not, in our words (shown in the run's language).
pub(crate) fn checked_limits(limits: &LimitArgs) -> anyhow::Result<Vec<String>> {
    for setting in &limits.limits {
        if let Err(message) = Limits::default().apply(std::slice::from_ref(setting)) {
            crate::bail_said!(
                "invalid `--limit {setting}`: {message}",
                "ongeldige `--limit {setting}`: {message}",
                setting = setting,
                message = message
            );
        }
    }
    Ok(limits.limits.clone())
}

/// The language to speak before the configuration is read (its own findings): `--lang`,
/// else the environment's, else English.
pub(crate) fn early_language(flag: Option<crate::cli::ReportLang>) -> crate::lang::Lang {
    flag.map(crate::config::file::Language::from)
        .or_else(|| environment_language().map(|(l, _)| l))
        .map_or(crate::lang::Lang::En, Into::into)
}

/// The language of a command that reads no plan's settings (init, and errors): `flag`, else
/// `language` in the nearest regioplan.toml above `dir` (when it reads), else the
/// environment's, else English.
pub(crate) fn configured_language(
    flag: Option<crate::cli::ReportLang>,
    dir: &std::path::Path,
) -> crate::lang::Lang {
    if let Some(flag) = flag {
        return crate::config::file::Language::from(flag).into();
    }
    find_config(dir)
        .and_then(|path| load_config(&path).ok()?.ok())
        .and_then(|c| c.config.language)
        .or_else(|| environment_language().map(|(l, _)| l))
        .map_or(crate::lang::Lang::En, Into::into)
}

/// The language of the environment, as POSIX orders its variables: the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set and not empty; `nl_*` is Dutch, any other language
/// English, `C` and `POSIX` say nothing.
pub(crate) fn environment_language() -> Option<(crate::config::file::Language, &'static str)> {
    for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        match std::env::var(variable) {
            Ok(value) if !value.is_empty() => {
                return crate::config::file::Language::of_locale(&value).map(|l| (l, variable));
            }
            _ => {}
        }
    }
    None
}

/// The plans of a `report` or `gaps` run, each loaded by the one policy of [`crate::check::usable`]
/// with the settings for its path, on all cores. Whether a plan loads does not depend on the
/// date a report is made for: the check runs as `check` would (the configuration's `as-of`,
/// else today), so that `--as-of` in the past does not refuse a plan for its later
/// measurements. A plan named on the command line that does
/// not load is an error; a file found in a directory that does not load, or that `exclude`
/// leaves out, is skipped and named in the second list.
pub(crate) fn load_plans(
    inputs: &[Input],
    config: Option<&LoadedConfig>,
    input: &SettingsInput,
) -> anyhow::Result<(Vec<Usable>, Vec<String>)> {
    enum Outcome {
        Loads(Box<Usable>),
        Skipped(String),
        Fails(FileResult),
    }
    let catalogue = Catalogue::built_in();
    let input = &for_loading(input);
    let outcomes = on_all_cores(inputs, |i| {
        let found = matches!(i, Input::Found(_));
        if let Input::Found(path) = i
            && config.is_some_and(|c| c.excludes(path))
        {
            return Ok(None);
        }
        let settings = Settings::resolve(config, i.path(), input);
        let loaded = load_input(i, &settings.limits)?;
        if found && loaded.not_a_plan {
            return Ok(Some(Outcome::Skipped(loaded.source.name)));
        }
        Ok(Some(
            match checking::usable(loaded, &settings, &catalogue) {
                Ok(plan) => Outcome::Loads(Box::new(plan)),
                Err(result) if found => Outcome::Skipped(result.source.name),
                Err(result) => Outcome::Fails(result),
            },
        ))
    })?;
    let mut plans = Vec::new();
    let mut skipped = Vec::new();
    for outcome in outcomes.into_iter().flatten() {
        match outcome {
            Outcome::Loads(plan) => plans.push(*plan),
            Outcome::Skipped(name) => skipped.push(name),
            Outcome::Fails(result) => {
                let what = crate::msg!("`{f}`", "`{f}`", f = result.source.name);
                return Err(not_loading(&what, &result));
            }
        }
    }
    Ok((plans, skipped))
}

/// The command line as `check` would read it for deciding whether a plan loads: without the
/// report's `--as-of`.
pub(crate) fn for_loading(input: &SettingsInput) -> SettingsInput {
    SettingsInput {
        as_of: None,
        ..input.clone()
    }
}

/// `error: the configuration has problems; ...`, after its findings.
pub(crate) fn config_problems(lang: crate::lang::Lang) -> String {
    format!(
        "{}: {}",
        render::human::severity_word(crate::diagnostic::Severity::Error, lang),
        crate::msg!(
            "the configuration has problems; fix them or pass --no-config",
            "de configuratie heeft problemen; los ze op of geef --no-config mee"
        )
        .get(lang)
    )
}

/// Loads one side of a diff from its bytes by the one policy of [`crate::check::usable`].
pub(crate) fn load_plan(
    what: &crate::lang::Message,
    name: &str,
    bytes: &[u8],
    settings: &Settings,
) -> anyhow::Result<Plan> {
    let loaded = crate::load::load_with(name, bytes, &settings.limits);
    checking::usable(loaded, settings, &Catalogue::built_in())
        .map(|u| u.plan)
        .map_err(|result| not_loading(what, &result))
}

/// Why a plan does not load: its first error, `{what} does not load: LINE:COL: message`. A
/// limit's finding keeps its help (how to raise the limit).
fn not_loading(what: &crate::lang::Message, result: &FileResult) -> anyhow::Error {
    let errors: Vec<_> = result
        .diagnostics
        .iter()
        .filter(|d| d.severity == crate::diagnostic::Severity::Error)
        .collect();
    let Some(first) = errors.iter().min_by_key(|d| d.primary.span.start) else {
        return crate::said!(
            "{what} does not load as a plan",
            "{what} laadt niet als plan",
            what = what
        );
    };
    let at = result.source.position(first.primary.span.start);
    let more = match errors.len() {
        0 | 1 => None,
        n => Some(crate::msg!(
            " (and {n} more errors; `regioplan check` shows them)",
            " (en nog {n} fouten; `regioplan check` toont ze)",
            n = n - 1
        )),
    };
    // The finding may quote the plan: on one line, so it cannot forge a line of a CI log.
    let one_line = |m: &crate::lang::Message| m.clone().map(|_, text| render::on_one_line(&text));
    let help = match &first.help {
        Some(help) if first.code == crate::rules::structure::LIMIT.code => {
            Some(one_line(help).map(|_, text| format!("; {text}")))
        }
        _ => None,
    };
    crate::said!(
        "{what} does not load: {line}:{column}: {message}{more}{help}",
        "{what} laadt niet: {line}:{column}: {message}{more}{help}",
        what = what,
        line = at.line,
        column = at.column,
        message = one_line(&first.message),
        more = more,
        help = help
    )
}

/// The note on stderr that names the files skipped because they do not load as a plan.
pub(crate) fn note_skipped(
    err: &mut dyn Write,
    skipped: &[String],
    lang: crate::lang::Lang,
) -> std::io::Result<()> {
    if skipped.is_empty() {
        return Ok(());
    }
    let more = skipped.len().saturating_sub(5);
    let mut names = skipped
        .iter()
        .take(5)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if more > 0 {
        let rest = crate::msg!(" and {more} more", " en nog {more}", more = more);
        names.push_str(rest.get(lang));
    }
    let note = if skipped.len() == 1 {
        crate::msg!(
            "note: skipped 1 file that does not load as a plan (`regioplan check` shows why): {names}",
            "let op: 1 bestand overgeslagen dat niet laadt als plan (`regioplan check` toont waarom): {names}",
            names = names
        )
    } else {
        crate::msg!(
            "note: skipped {n} files that do not load as a plan (`regioplan check` shows why): {names}",
            "let op: {n} bestanden overgeslagen die niet laden als plan (`regioplan check` toont waarom): {names}",
            n = skipped.len(),
            names = names
        )
    };
    writeln!(err, "{}", note.get(lang))
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
            let shown = size.map(|s| {
                crate::msg!(
                    " ({n})",
                    " ({n})",
                    n = crate::load::limits::format_size_rounded(s)
                )
            });
            crate::said!(
                "`{path}`{shown} is larger than the limit `max-file-size` of {limit}; {raise}",
                "`{path}`{shown} is groter dan de grens `max-file-size` van {limit}; {raise}",
                path = crate::lang::Plain(path.display()),
                shown = shown,
                limit = Limit::FileSize.value(limits),
                raise = Limit::how_to_raise_size(limits, size)
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

/// A Word document is a binary file: written to a terminal it shows as garbage (and may upset
/// the terminal). Without `-o`, `--format docx` is refused when standard output is a
/// terminal; a pipe or a redirect (`> rapport.docx`) is fine.
pub(crate) fn refuse_binary_on_terminal(
    format: ReportFormat,
    output_file: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    use std::io::IsTerminal as _;
    if binary_on_terminal(
        format,
        output_file.is_some(),
        std::io::stdout().is_terminal(),
    ) {
        crate::bail_said!(
            "a Word document cannot be shown in the terminal; save it as a file with `-o`, e.g. `-o rapport.docx`, and open that file in Word or LibreOffice",
            "een Word-document kan niet in de terminal worden getoond; sla het op als bestand met `-o`, bijvoorbeeld `-o rapport.docx`, en open dat bestand in Word of LibreOffice"
        );
    }
    Ok(())
}

fn binary_on_terminal(format: ReportFormat, to_file: bool, terminal: bool) -> bool {
    format == ReportFormat::Docx && !to_file && terminal
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
        ReportFormat::Docx => render::docx::docx(out, report),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_word_document_goes_to_a_file_or_a_pipe_never_to_a_terminal() {
        assert!(binary_on_terminal(ReportFormat::Docx, false, true));
        assert!(!binary_on_terminal(ReportFormat::Docx, true, true));
        assert!(!binary_on_terminal(ReportFormat::Docx, false, false));
        assert!(!binary_on_terminal(ReportFormat::Html, false, true));
    }
}
