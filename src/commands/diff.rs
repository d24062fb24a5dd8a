//! `regioplan diff OLD NEW`: what changed between two versions of a plan, by id.
//!
//! Each side is a file, or `REV:PATH` read from git (`git cat-file`, size first) in the current
//! directory when no file of that name exists. Each side loads by the one policy of `report`,
//! `gaps` and `diff` (`commands::load_plan`); a side that does not load as a plan is an error (exit 2); a
//! successful diff exits 0 whatever it finds, because it is a report, not a check.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use super::said::Say;
use super::{ExitCode, write_report};
use crate::analysis::diff::{self, Versions};
use crate::cli::{DiffArgs, ReportFormat};
use crate::config::{LoadedConfig, Settings, SettingsInput};
use crate::load::limits::Limits;
use crate::msg;
use crate::plan::Plan;
use crate::render::report::TableOptions;

pub fn run(args: &DiffArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitCode> {
    if args.format == ReportFormat::Csv {
        crate::bail_said!(
            "a diff has no goal table to write as CSV; use --format json for a spreadsheet import",
            "een diff heeft geen doelentabel om als CSV te schrijven; gebruik --format json om in \
             een spreadsheet in te lezen"
        );
    }
    super::refuse_binary_on_terminal(args.format, args.output_file.as_deref())?;
    let config = match super::run_config(&args.config, super::early_language(args.lang), err)? {
        Ok(config) => config,
        Err(code) => return Ok(code),
    };
    let input = super::settings_input(None, &args.limits)?;
    // The language as `check` and `gaps` choose it: --lang, else regioplan.toml, else the
    // environment, else English.
    let lang: crate::lang::Lang = match args.lang {
        Some(flag) => crate::config::file::Language::from(flag).into(),
        None => Settings::resolve(config.as_ref(), None, &input)
            .language
            .into(),
    };
    let old = read_plan(Side::Old, &args.old, config.as_ref(), &input)?;
    let new = read_plan(Side::New, &args.new, config.as_ref(), &input)?;
    let changes = diff::diff(&old, &new);
    let versions = Versions {
        old: &args.old,
        new: &args.new,
    };
    let report = diff::report(&changes, versions, lang);
    let table = TableOptions {
        width: super::terminal_width(args.output_file.is_some()),
        ..TableOptions::default()
    };
    match &args.output_file {
        Some(path) => {
            let mut buffer = Vec::new();
            write_report(&mut buffer, &report, args.format, table)?;
            let read: Vec<PathBuf> = [&args.old, &args.new]
                .into_iter()
                .map(PathBuf::from)
                .filter(|p| p.is_file())
                .collect();
            super::output::write_output(path, &buffer, &read)?;
        }
        None => write_report(out, &report, args.format, table)?,
    }
    Ok(ExitCode::Clean)
}

/// The old or the new version of a diff.
#[derive(Debug, Clone, Copy)]
enum Side {
    Old,
    New,
}

impl Side {
    /// "the old plan `x`", "het oude plan `x`".
    fn named(self, spec: &str) -> crate::lang::Message {
        match self {
            Side::Old => msg!("the old plan `{s}`", "het oude plan `{s}`", s = spec),
            Side::New => msg!("the new plan `{s}`", "het nieuwe plan `{s}`", s = spec),
        }
    }
}

/// Reads and loads one side with the settings for its path; `side` names it in errors.
fn read_plan(
    side: Side,
    spec: &str,
    config: Option<&LoadedConfig>,
    input: &SettingsInput,
) -> anyhow::Result<Plan> {
    let path = Path::new(spec);
    let settings = Settings::resolve(config, path.is_file().then_some(path), input);
    let what = side.named(spec);
    let bytes = read_side(spec, &settings.limits)
        .say(|| msg!("cannot read {what}", "kan {what} niet lezen", what = what))?;
    super::load_plan(&what, spec, &bytes, &settings)
}

/// The bytes of a file, or of `REV:PATH` from git when no file is named `spec`.
fn read_side(spec: &str, limits: &Limits) -> anyhow::Result<Vec<u8>> {
    if Path::new(spec).symlink_metadata().is_err()
        && let Some((rev, path)) = git_spec(spec)
    {
        return git_show(rev, path, limits);
    }
    super::read_needed(Path::new(spec), limits)
}

/// Splits `REV:PATH` when both parts are present.
fn git_spec(spec: &str) -> Option<(&str, &str)> {
    spec.split_once(':')
        .filter(|(rev, path)| !rev.is_empty() && !path.is_empty())
}

/// The blob `REV:PATH`: its size is asked first (`git cat-file -s`), so a blob above the limit
/// is refused before a byte of it is read, and reading stops one byte past the limit anyway.
fn git_show(rev: &str, path: &str, limits: &Limits) -> anyhow::Result<Vec<u8>> {
    use std::io::Read as _;
    if rev.starts_with('-') {
        crate::bail_said!(
            "`{rev}` is not a git revision",
            "`{rev}` is geen git-revisie",
            rev = rev
        );
    }
    let object = format!("{rev}:{path}");
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .stdin(std::process::Stdio::null())
            .output()
            .say(|| {
                msg!(
                    "cannot run `git`; is git installed?",
                    "kan `git` niet starten; is git geïnstalleerd?"
                )
            })
    };
    let failed = |output: &std::process::Output| {
        let stderr = String::from_utf8_lossy(&output.stderr);
        crate::said!(
            "`git cat-file` failed: {reason}",
            "`git cat-file` is mislukt: {reason}",
            reason = stderr.trim()
        )
    };
    let sized = git(&["cat-file", "-s", &object])?;
    if !sized.status.success() {
        return Err(failed(&sized));
    }
    let size = String::from_utf8_lossy(&sized.stdout)
        .trim()
        .parse::<u64>()
        .ok();
    let too_large = |size| {
        super::too_large_error(
            crate::load::read::ReadError::TooLarge {
                path: object.clone().into(),
                size,
                limit: limits.max_file_size,
            },
            limits,
        )
    };
    if size.is_some_and(|s| s > limits.max_file_size) {
        return Err(too_large(size));
    }
    let mut child = Command::new("git")
        .args(["cat-file", "blob", &object])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .say(|| {
            msg!(
                "cannot run `git`; is git installed?",
                "kan `git` niet starten; is git geïnstalleerd?"
            )
        })?;
    let mut bytes = Vec::new();
    if let Some(stdout) = child.stdout.take() {
        stdout
            .take(limits.max_file_size.saturating_add(1))
            .read_to_end(&mut bytes)
            .say(|| {
                msg!(
                    "cannot read from `git cat-file`",
                    "kan niet lezen uit `git cat-file`"
                )
            })?;
    }
    if bytes.len() as u64 > limits.max_file_size {
        // The revision moved on to a larger blob meanwhile.
        let _ = child.kill();
        let _ = child.wait();
        return Err(too_large(None));
    }
    let output = child.wait_with_output().say(|| {
        msg!(
            "cannot run `git cat-file`",
            "kan `git cat-file` niet uitvoeren"
        )
    })?;
    if !output.status.success() {
        return Err(failed(&output));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rev_and_path_split_at_the_first_colon() {
        assert_eq!(
            git_spec("HEAD~1:plans/x.yaml"),
            Some(("HEAD~1", "plans/x.yaml"))
        );
        assert_eq!(git_spec("plans/x.yaml"), None);
        assert_eq!(git_spec(":x.yaml"), None);
        assert_eq!(git_spec("HEAD:"), None);
    }
}
