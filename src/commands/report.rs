//! `regioplan report [PATH ...]`: plans -> `analysis::report` -> a renderer.
//!
//! Finds the files the way `check` does (the current directory by default). A plan named on
//! the command line that does not load is an error (exit 2); a file found in a directory that
//! does not load as a plan (a CI template, a broken example) is skipped with a note on
//! `err`, so that `regioplan report --theme ggz` works in a repository that holds more than
//! plans. The language and as-of date come from the flags, else the nearest `regioplan.toml`
//! above the current directory, else English and today.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow, bail};

use super::ExitCode;
use super::check::{Input, WORKER_STACK_BYTES, collect, load_input, use_color};
use crate::analysis::report::{self, Options};
use crate::cli::{ReportArgs, ReportFormat, ReportLang};
use crate::config::file::Language;
use crate::config::{self, Settings, SettingsInput};
use crate::load::limits::Limits;
use crate::plan::Plan;
use crate::render;
use crate::report::{Lang, Report};

pub fn run(
    args: &ReportArgs,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let inputs = collect(&args.paths)?;
    let settings = settings(args)?;
    let limits = settings.limits;
    let lang = match (args.lang, settings.language) {
        (Some(ReportLang::Nl), _) | (None, Language::Nl) => Lang::Nl,
        (Some(ReportLang::En), _) | (None, Language::En) => Lang::En,
    };
    let options = Options {
        themes: args.themes.clone(),
        as_of: settings.as_of,
        lang,
    };
    let named: Vec<&Path> = args.paths.iter().map(PathBuf::as_path).collect();
    // Loading and the report recurse over nested goals: run them on a big stack, as check does.
    let (report, skipped) = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(WORKER_STACK_BYTES)
            .spawn_scoped(scope, || build(&inputs, &named, &options, &limits))
            .context("cannot start a worker thread")?
            .join()
            .map_err(|_| anyhow!("the report failed"))?
    })?;
    if !skipped.is_empty() {
        writeln!(
            err,
            "note: skipped {} file{} that do{} not load as a plan (`regioplan check` shows why): {}",
            skipped.len(),
            if skipped.len() == 1 { "" } else { "s" },
            if skipped.len() == 1 { "es" } else { "" },
            skipped.join(", ")
        )?;
    }
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

/// Loads the plans and builds the report; the names of skipped files come back with it.
fn build(
    inputs: &[Input],
    named: &[&Path],
    options: &Options,
    limits: &Limits,
) -> anyhow::Result<(Report, Vec<String>)> {
    let mut plans: Vec<(String, Plan)> = Vec::new();
    let mut skipped = Vec::new();
    for input in inputs {
        let loaded = load_input(input, limits)?;
        let name = loaded.source.name.clone();
        let explicit = input.path().is_none_or(|p| named.contains(&p));
        match super::sound_plan(&format!("`{name}`"), loaded) {
            Ok(plan) => plans.push((name, plan)),
            Err(e) if explicit => return Err(e),
            Err(_) => skipped.push(name),
        }
    }
    if plans.is_empty() {
        bail!("no plan loads among the files found; `regioplan check` shows why");
    }
    let views: Vec<report::Input<'_>> = plans
        .iter()
        .map(|(file, plan)| report::Input { file, plan })
        .collect();
    let report = report::report(&views, options).map_err(|e| anyhow!("{e}"))?;
    Ok((report, skipped))
}

/// The settings of the run: the nearest `regioplan.toml` above the current directory and the
/// flags. A broken configuration is an error.
fn settings(args: &ReportArgs) -> anyhow::Result<Settings> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let loaded = match config::find_config(&cwd) {
        Some(path) => match config::load_config(&path)? {
            Ok(c) => Some(c),
            Err(_) => bail!(
                "the configuration `{}` has problems; `regioplan check` shows them",
                path.display()
            ),
        },
        None => None,
    };
    let input = SettingsInput {
        as_of: args.as_of,
        today: chrono::Local::now().date_naive(),
        limits: args.limits.limits.clone(),
        ..SettingsInput::default()
    };
    Ok(Settings::resolve(loaded.as_ref(), None, &input))
}
