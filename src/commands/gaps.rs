//! `regioplan gaps [PATH ...]`: load the plans (in parallel), resolve the frameworks, run the
//! gap analysis and write the report.
//!
//! The plans load by the one policy of `report`, `gaps` and `diff` (`commands::load_plans`):
//! a named plan that does not load is an error, a file found in a directory that does not
//! load is skipped with a note on stderr (`check` shows why). `--theme` is read as in
//! `report` (id or name, any case; an unknown theme is an error with the closest
//! suggestion). A broken framework file or configuration is shown with its located
//! diagnostics and ends the run with exit code 2.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::check::collect;
use super::{ExitCode, write_report};
use crate::analysis::gaps::{self, Options, PlanInput, Severity};
use crate::analysis::report::select_themes;
use crate::cli::{GapSeverity, GapsArgs, ReportLang};
use crate::config::Settings;
use crate::frameworks::{self, Framework};
use crate::load::limits::Limits;
use crate::plan::catalogue::Catalogue;
use crate::render;
use crate::render::report::TableOptions;
use crate::report::Lang;

pub fn run(args: &GapsArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitCode> {
    if args.format == crate::cli::ReportFormat::Csv {
        crate::bail_said!(
            "the gap analysis has no goal table to write as CSV; use --format json for a spreadsheet import, or `regioplan report --format csv` for the goals",
            "de gapanalyse heeft geen doelentabel om als CSV te schrijven; gebruik --format json om in een spreadsheet in te lezen, of `regioplan report --format csv` voor de doelen"
        );
    }
    super::refuse_binary_on_terminal(args.format, args.output_file.as_deref())?;
    let loaded_config =
        match super::run_config(&args.config, super::early_language(args.lang), err)? {
            Ok(config) => config,
            Err(code) => return Ok(code),
        };
    let input = super::settings_input(args.as_of, &args.limits)?;
    let settings = Settings::resolve(loaded_config.as_ref(), None, &input);
    let lang = match args.lang {
        Some(ReportLang::Nl) => Lang::Nl,
        Some(ReportLang::En) => Lang::En,
        None => settings.language.into(),
    };
    let (names, base): (Vec<String>, Option<PathBuf>) = if args.frameworks.is_empty() {
        (
            settings.frameworks.clone(),
            loaded_config.as_ref().map(|c| c.dir().to_path_buf()),
        )
    } else {
        (args.frameworks.clone(), None)
    };
    let mut list = Vec::new();
    for name in &names {
        match resolve_framework(name, base.as_deref(), &settings.limits)? {
            Ok((f, warnings)) => {
                // A text without its Dutch version is shown in English: say so where a
                // Dutch report will show it.
                if let Some(warnings) = warnings.filter(|_| lang == Lang::Nl) {
                    render::human::write_diagnostics(err, &[warnings], false, lang)?;
                }
                list.push(f);
            }
            Err(result) => {
                render::human::write_diagnostics(
                    err,
                    &[result],
                    false,
                    super::early_language(args.lang),
                )?;
                let problems = crate::msg!(
                    "the framework `{name}` has problems; fix them and run again",
                    "het raamwerk `{name}` heeft problemen; los ze op en probeer het opnieuw",
                    name = name
                );
                writeln!(
                    err,
                    "{}: {}",
                    render::human::severity_word(crate::diagnostic::Severity::Error, lang),
                    problems.get(lang)
                )?;
                return Ok(ExitCode::Error);
            }
        }
    }
    let inputs = collect(&args.paths)?;
    let (loaded, skipped) = super::load_plans(&inputs, loaded_config.as_ref(), &input)?;
    super::note_skipped(err, &skipped, lang)?;
    if loaded.is_empty() {
        crate::bail_said!(
            "no plan loads; `regioplan check` shows why",
            "geen enkel plan laadt; `regioplan check` toont waarom"
        );
    }
    let plans: Vec<PlanInput<'_>> = loaded
        .iter()
        .map(|l| PlanInput {
            source: &l.source,
            plan: &l.plan,
        })
        .collect();
    let all: Vec<&crate::plan::Plan> = loaded.iter().map(|l| &l.plan).collect();
    let themes = select_themes(&all, &args.themes)
        .map_err(|e| anyhow::Error::new(crate::lang::Failure(e.message())))?;
    let catalogue = Catalogue::built_in();
    let options = Options {
        as_of: settings.as_of,
        themes,
    };
    let analysis = gaps::analyse(&plans, &list, &catalogue, &options);
    let report = gaps::report(&analysis, &catalogue, lang);
    let table = TableOptions {
        width: super::terminal_width(args.output_file.is_some()),
        ..TableOptions::default()
    };
    match &args.output_file {
        Some(path) => {
            let mut buffer = Vec::new();
            write_report(&mut buffer, &report, args.format, table)?;
            let read: Vec<PathBuf> = inputs
                .iter()
                .filter_map(|i| i.path().map(Path::to_path_buf))
                .collect();
            super::output::write_output(path, &buffer, &read)?;
        }
        None => write_report(out, &report, args.format, table)?,
    }
    let threshold = args.fail_on_gaps.map(|s| match s {
        GapSeverity::Error => Severity::Error,
        GapSeverity::Warning => Severity::Warning,
    });
    Ok(match (threshold, analysis.worst()) {
        (Some(t), Some(worst)) if worst >= t => ExitCode::Findings,
        _ => ExitCode::Clean,
    })
}

/// A built-in framework by name, or a framework file (relative to `base` when given).
fn resolve_framework(
    name: &str,
    base: Option<&Path>,
    limits: &Limits,
) -> anyhow::Result<
    Result<(Framework, Option<crate::diagnostic::FileResult>), crate::diagnostic::FileResult>,
> {
    if let Some(f) = frameworks::built_in(name) {
        return Ok(Ok((f, None)));
    }
    let path = match base {
        Some(dir) if Path::new(name).is_relative() => dir.join(name),
        _ => PathBuf::from(name),
    };
    if path.symlink_metadata().is_err() {
        let hint = frameworks::closest_built_in(name)
            .map(|s| crate::msg!("; did you mean `{s}`?", "; bedoelt u `{s}`?", s = s));
        crate::bail_said!(
            "`{name}` is neither a built-in framework nor a file{hint} (`regioplan frameworks` lists the built-in ones)",
            "`{name}` is geen ingebouwd raamwerk en geen bestand{hint} (`regioplan frameworks` geeft de ingebouwde)",
            name = name,
            hint = hint
        );
    }
    let bytes = super::read_needed(&path, limits)?;
    let text = String::from_utf8_lossy(&bytes);
    Ok(frameworks::from_user_toml(
        &path.display().to_string(),
        &text,
    ))
}
