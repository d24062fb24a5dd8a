//! `regioplan check`: find plan files, check each, render the findings, pick the exit code.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::ExitCode;
use crate::check::{CheckOptions, FileResult, check_bytes};
use crate::cli::{CheckArgs, Color, FailOn, Format};
use crate::diagnostic::Severity;
use crate::plan::catalogue::Catalogue;
use crate::render;

pub fn run(
    args: &CheckArgs,
    out: &mut dyn Write,
    _err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    let inputs = collect(&args.paths)?;
    let options = CheckOptions {
        as_of: args
            .as_of
            .unwrap_or_else(|| chrono::Local::now().date_naive()),
        catalogue: Catalogue::built_in(),
    };
    let mut results = Vec::with_capacity(inputs.len());
    for input in &inputs {
        let (name, bytes) = read(input)?;
        results.push(check_bytes(&name, &bytes, &options));
    }
    match args.format.unwrap_or(Format::Human) {
        Format::Json => render::json::write(out, &results)?,
        _ => render::human::write(out, &results, use_color(args.color))?,
    }
    Ok(exit_code(&results, args.fail_on.unwrap_or(FailOn::Error)))
}

fn exit_code(results: &[FileResult], fail_on: FailOn) -> ExitCode {
    let threshold = match fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Never => return ExitCode::Clean,
    };
    let failing = results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity >= threshold);
    if failing {
        ExitCode::Findings
    } else {
        ExitCode::Clean
    }
}

/// Colour on a terminal unless NO_COLOR is set (https://no-color.org), or as asked.
fn use_color(color: Color) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// One thing to check: a file or standard input.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Input {
    Stdin,
    File(PathBuf),
}

/// Expands the arguments into files: named files as given, directories searched recursively
/// for `*.yaml` and `*.yml` (hidden directories skipped), in a stable order.
fn collect(paths: &[PathBuf]) -> anyhow::Result<Vec<Input>> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            if !inputs.contains(&Input::Stdin) {
                inputs.push(Input::Stdin);
            }
            continue;
        }
        let meta =
            std::fs::metadata(path).with_context(|| format!("cannot read `{}`", path.display()))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(path, &mut found)?;
            if found.is_empty() {
                bail!(
                    "no plan files (*.yaml, *.yml) found in `{}`",
                    path.display()
                );
            }
            found.sort();
            inputs.extend(found.into_iter().map(Input::File));
        } else {
            inputs.push(Input::File(path.clone()));
        }
    }
    let mut seen = std::collections::HashSet::new();
    inputs.retain(|i| seen.insert(i.clone()));
    Ok(inputs)
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("cannot read directory `{}`", dir.display()))?;
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot read directory `{}`", dir.display()))?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        let file_type = entry
            .file_type()
            .with_context(|| format!("cannot read `{}`", path.display()))?;
        if file_type.is_dir() {
            if !hidden {
                walk(&path, found)?;
            }
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml" | "yml")
        ) {
            found.push(path);
        }
    }
    Ok(())
}

fn read(input: &Input) -> anyhow::Result<(String, Vec<u8>)> {
    match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .read_to_end(&mut bytes)
                .context("cannot read standard input")?;
            Ok(("<stdin>".to_string(), bytes))
        }
        Input::File(path) => {
            let bytes =
                std::fs::read(path).with_context(|| format!("cannot read `{}`", path.display()))?;
            Ok((path.display().to_string(), bytes))
        }
    }
}
