//! `regioplan diff OLD NEW`: what changed between two versions of a plan, by id.
//!
//! Each side is a file, or `REV:PATH` read with `git show` from the current directory when no
//! file of that name exists. A side that does not load as a plan is an error (exit 2); a
//! successful diff exits 0 whatever it finds, because it is a report, not a check.

use std::io::Write;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, bail};

use super::{ExitCode, write_report};
use crate::analysis::diff::{self, Versions};
use crate::cli::{DiffArgs, ReportFormat};
use crate::config;
use crate::load::limits::Limits;
use crate::plan::Plan;
use crate::render::report::TableOptions;

pub fn run(args: &DiffArgs, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    if args.format == ReportFormat::Csv {
        bail!(
            "a diff has no goal table to write as CSV; use --format json for a spreadsheet import"
        );
    }
    let limits = limits(args)?;
    let old = read_plan("old", &args.old, &limits)?;
    let new = read_plan("new", &args.new, &limits)?;
    let changes = diff::diff(&old, &new);
    let versions = Versions {
        old: &args.old,
        new: &args.new,
    };
    let table = TableOptions {
        width: super::terminal_width(false),
        ..TableOptions::default()
    };
    write_report(out, &diff::report(&changes, versions), args.format, table)?;
    Ok(ExitCode::Clean)
}

/// The limits: `[limits]` of the nearest regioplan.toml above the current directory, then
/// `--limit`.
fn limits(args: &DiffArgs) -> anyhow::Result<Limits> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let mut limits = Limits::default();
    if let Some(path) = config::find_config(&cwd) {
        match config::load_config(&path)? {
            Ok(c) => {
                // A wrong value is reported by `check`; the default stays.
                let _ = c.config.limits.apply(&mut limits);
            }
            Err(_) => bail!(
                "the configuration `{}` has problems; `regioplan check` shows them",
                path.display()
            ),
        }
    }
    limits
        .apply(&args.limits.limits)
        .map_err(|e| anyhow::anyhow!(e))?;
    Ok(limits)
}

/// Reads and loads one side; `side` (`old` or `new`) names it in errors.
fn read_plan(side: &str, spec: &str, limits: &Limits) -> anyhow::Result<Plan> {
    let bytes =
        read_side(spec, limits).with_context(|| format!("cannot read the {side} plan `{spec}`"))?;
    let loaded = crate::load::load_with(spec, &bytes, limits);
    super::sound_plan(&format!("the {side} plan `{spec}`"), loaded)
}

/// The bytes of a file, or of `REV:PATH` from git when no file is named `spec`.
fn read_side(spec: &str, limits: &Limits) -> anyhow::Result<Vec<u8>> {
    if Path::new(spec).symlink_metadata().is_err()
        && let Some((rev, path)) = git_spec(spec)
    {
        return git_show(rev, path);
    }
    super::read_needed(Path::new(spec), limits)
}

/// Splits `REV:PATH` when both parts are present.
fn git_spec(spec: &str) -> Option<(&str, &str)> {
    spec.split_once(':')
        .filter(|(rev, path)| !rev.is_empty() && !path.is_empty())
}

fn git_show(rev: &str, path: &str) -> anyhow::Result<Vec<u8>> {
    if rev.starts_with('-') {
        bail!("`{rev}` is not a git revision");
    }
    let object = format!("{rev}:{path}");
    let output = Command::new("git")
        .args(["show", "--no-textconv", &object])
        .output()
        .context("cannot run `git show`; is git installed?")?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        bail!("`git show` failed: {}", stderr.trim());
    }
    Ok(output.stdout)
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
