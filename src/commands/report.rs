//! `regioplan report [PATH ...]`: plans -> `analysis::report` -> a renderer.
//!
//! Finds the files the way `check` does (the current directory by default) and loads them by
//! the one policy of `report`, `gaps` and `diff` (`commands::load_plans`): a plan named on
//! the command line that does not load is an error (exit 2); a file found in a directory that
//! does not load as a plan (a CI template, a broken example) is skipped with a note on
//! `err`, so that `regioplan report --theme ggz` works in a repository that holds more than
//! plans. The language and as-of date come from the flags, else the configuration, else
//! English and today.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::said::Say;

use super::ExitCode;
use super::check::{WORKER_STACK_BYTES, collect, use_color};
use crate::analysis::report::{self, Options};
use crate::cli::{ReportArgs, ReportFormat, ReportLang};
use crate::config::Settings;
use crate::config::file::Language;
use crate::render;
use crate::report::{Lang, Report};

pub fn run(
    args: &ReportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    super::refuse_binary_on_terminal(args.format, args.output_file.as_deref())?;
    let inputs = collect(&args.paths)?;
    let config = match super::run_config(&args.config, super::early_language(args.lang), err)? {
        Ok(config) => config,
        Err(code) => return Ok(code),
    };
    let input = super::settings_input(args.as_of, &args.limits)?;
    let settings = Settings::resolve(config.as_ref(), None, &input);
    let lang = match (args.lang, settings.language) {
        (Some(ReportLang::Nl), _) | (None, Language::Nl) => Lang::Nl,
        (Some(ReportLang::En), _) | (None, Language::En) => Lang::En,
    };
    let options = Options {
        themes: args.themes.clone(),
        as_of: settings.as_of,
        lang,
    };
    let (plans, skipped) = super::load_plans(&inputs, config.as_ref(), &input)?;
    super::note_skipped(err, &skipped, lang)?;
    if plans.is_empty() {
        crate::bail_said!(
            "no plan loads among the files found; `regioplan check` shows why",
            "geen van de gevonden bestanden laadt als plan; `regioplan check` toont waarom"
        );
    }
    // The report recurses over nested goals: run it on a big stack, as check does.
    let report = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(WORKER_STACK_BYTES)
            .spawn_scoped(scope, || {
                let views: Vec<report::Input<'_>> = plans
                    .iter()
                    .map(|p| report::Input {
                        file: &p.source.name,
                        plan: &p.plan,
                    })
                    .collect();
                report::report(&views, &options)
                    .map_err(|e| anyhow::Error::new(crate::lang::Failure(e.message())))
            })
            .say(|| {
                crate::msg!(
                    "cannot start a worker thread",
                    "kan geen werkdraad starten"
                )
            })?
            .join()
            .map_err(|_| {
                crate::said!(
                    "the report failed; please report it with the plans that caused it",
                    "de rapportage is mislukt; meld dat alstublieft, met de plannen die het veroorzaakten"
                )
            })?
    })?;
    let table = render::report::TableOptions {
        color: args.output_file.is_none() && use_color(args.color),
        width: super::terminal_width(args.output_file.is_some()),
        title: true,
    };
    match &args.output_file {
        Some(path) => {
            let mut buffer = Vec::new();
            write(&mut buffer, &report, args.format, table)?;
            let read: Vec<PathBuf> = inputs
                .iter()
                .filter_map(|i| i.path().map(Path::to_path_buf))
                .collect();
            super::output::write_output(path, &buffer, &read)?;
        }
        None => write(out, &report, args.format, table)?,
    }
    Ok(ExitCode::Clean)
}

fn write(
    out: &mut dyn Write,
    report: &Report,
    format: ReportFormat,
    table: render::report::TableOptions,
) -> std::io::Result<()> {
    super::write_report(out, report, format, table)
}
