//! `regioplan init`: write a starter plan that passes `check`.
//!
//! The plan is a YAML template with a few values filled in (the region's name, dates from
//! today, the building blocks of the catalogue). The file is written next to its final place
//! and moved there without replacing anything, so an existing plan is never overwritten.

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use chrono::{Datelike, NaiveDate};

use super::ExitCode;
use crate::cli::InitArgs;
use crate::plan::catalogue::Catalogue;
#[cfg(test)]
use crate::plan::schema::SCHEMA_ID;
use crate::plan::schema::plan_schema_text;

/// The region name when `--region` is not given.
const DEFAULT_REGION: &str = "Mijn regio";

/// Where a repository keeps the plan schema, relative to its root.
const REPO_SCHEMA: &str = "schemas/regioplan.schema.json";

pub fn run(args: &InitArgs, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let path = &args.path;
    let region = args.region.as_deref().unwrap_or(DEFAULT_REGION);
    if region.trim().is_empty() {
        anyhow::bail!("the region name is empty; give one with --region NAME");
    }
    if path.is_dir() {
        anyhow::bail!(
            "`{}` is a directory; give the plan's file name, e.g. `{}`",
            path.display(),
            path.join("regioplan.yaml").display()
        );
    }
    if path.symlink_metadata().is_ok() {
        return Err(already_exists(path));
    }
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create the directory `{}`", dir.display()))?;
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let (schema, new_schema) = match &args.schema {
        Some(named) => named_schema(dir, &cwd.join(named))?,
        None => schema_reference(dir, &cwd)?,
    };
    let today = chrono::Local::now().date_naive();
    let text = starter_plan(region, today, &schema, &Catalogue::built_in());
    // All or nothing: both files are written in full beside their places first; the schema is
    // moved into place, then the plan, and a plan that cannot be moved takes the new schema
    // back out with it.
    let plan = prepare(dir, &text)?;
    let schema_file = match &new_schema {
        Some(schema_path) => {
            if schema_path.symlink_metadata().is_ok() && !schema_path.exists() {
                anyhow::bail!(
                    "`{}` is a symbolic link that leads nowhere; name the schema file itself, or delete the link first",
                    schema_path.display()
                );
            }
            let schema_dir = schema_path.parent().unwrap_or(Path::new("."));
            std::fs::create_dir_all(schema_dir).with_context(|| {
                format!("cannot create the directory `{}`", schema_dir.display())
            })?;
            Some((schema_path, prepare(schema_dir, &plan_schema_text())?))
        }
        None => None,
    };
    let mut also = String::new();
    let mut written_schema = None;
    if let Some((schema_path, file)) = schema_file {
        match persist_new(file, schema_path) {
            Ok(()) => {
                also = format!(
                    " and the format's schema for editors to {}",
                    schema_path
                        .strip_prefix(&cwd)
                        .unwrap_or(schema_path)
                        .display()
                );
                written_schema = Some(schema_path);
            }
            // Written by someone else meanwhile: theirs is used.
            Err(_) if schema_path.exists() => {}
            Err(e) => return Err(e),
        }
    }
    if let Err(e) = persist_new(plan, path) {
        if let Some(schema_path) = written_schema {
            let _ = std::fs::remove_file(schema_path);
        }
        return Err(e);
    }
    writeln!(
        out,
        "Wrote a starter plan to {shown}{also}; next, edit it and run: regioplan check {shown}",
        shown = shell_quote(&path.display().to_string()),
    )?;
    Ok(ExitCode::Clean)
}

fn already_exists(path: &Path) -> anyhow::Error {
    anyhow::anyhow!(
        "`{}` already exists; choose another path or delete it first",
        path.display()
    )
}

/// Writes `text` in full to a temporary file in `dir` (removed again when it is dropped).
fn prepare(dir: &Path, text: &str) -> anyhow::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".regioplan-init").suffix(".tmp");
    #[cfg(unix)]
    {
        // A plan is an ordinary file, not a private 0600 temporary one; the umask applies.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut file = builder
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a file in `{}`", dir.display()))?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.as_file().sync_all())
        .with_context(|| format!("cannot write `{}`", file.path().display()))?;
    Ok(file)
}

/// Moves a prepared file to `path` unless something is there by then.
fn persist_new(file: tempfile::NamedTempFile, path: &Path) -> anyhow::Result<()> {
    file.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            already_exists(path)
        } else {
            anyhow::Error::new(e.error).context(format!("cannot write `{}`", path.display()))
        }
    })?;
    Ok(())
}

/// The `$schema` for the editor, a path relative to the plan's directory `dir` that an editor
/// resolves offline: the repository's own `schemas/regioplan.schema.json` when a directory
/// above holds one; otherwise that file at the repository's root, which the caller writes (the
/// second value). The root is the nearest directory above with `.git` or `regioplan.toml`,
/// else the current directory `cwd` when the plan is inside it, else the plan's directory.
fn schema_reference(dir: &Path, cwd: &Path) -> anyhow::Result<(String, Option<PathBuf>)> {
    let dir = dir
        .canonicalize()
        .with_context(|| format!("cannot read the directory `{}`", dir.display()))?;
    let relative = |depth: usize| format!("{}{REPO_SCHEMA}", "../".repeat(depth));
    if let Some((depth, _)) = dir
        .ancestors()
        .enumerate()
        .find(|(_, ancestor)| ancestor.join(REPO_SCHEMA).is_file())
    {
        return Ok((relative(depth), None));
    }
    let cwd = cwd.canonicalize().unwrap_or_else(|_| cwd.to_path_buf());
    let (depth, root) = dir
        .ancestors()
        .enumerate()
        .find(|(_, a)| a.join(".git").exists() || a.join(crate::config::FILE_NAME).is_file())
        .or_else(|| {
            dir.ancestors()
                .enumerate()
                .find(|(_, a)| *a == cwd.as_path())
        })
        .unwrap_or((0, dir.as_path()));
    Ok((relative(depth), Some(root.join(REPO_SCHEMA))))
}

/// The `$schema` for a schema file the user named: its path relative to the plan's directory,
/// and the file to write when it does not exist yet.
fn named_schema(dir: &Path, schema: &Path) -> anyhow::Result<(String, Option<PathBuf>)> {
    let schema_dir = match schema.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(schema_dir)
        .with_context(|| format!("cannot create the directory `{}`", schema_dir.display()))?;
    let canonical = |p: &Path| {
        p.canonicalize()
            .with_context(|| format!("cannot read the directory `{}`", p.display()))
    };
    let file_name = schema
        .file_name()
        .with_context(|| format!("`{}` is not a file name", schema.display()))?;
    let from = canonical(dir)?;
    let to = canonical(schema_dir)?.join(file_name);
    let write = (!to.exists()).then(|| to.clone());
    Ok((relative_path(&from, &to), write))
}

/// `to` relative to the directory `from` (both absolute), with `/` between the parts.
fn relative_path(from: &Path, to: &Path) -> String {
    let from: Vec<_> = from.components().collect();
    let to: Vec<_> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); from.len() - common];
    parts.extend(
        to[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// The starter plan: valid, clean, and a template to fill in.
#[must_use]
pub fn starter_plan(region: &str, today: NaiveDate, schema: &str, catalogue: &Catalogue) -> String {
    let year = today.year();
    let start = format!("{year}-01-01");
    let deadline = format!("{}-12-31", year + 1);
    let end = format!("{}-12-31", year + 2);
    let (next, last) = (year + 1, year + 2);
    let name = yaml_quote(region);
    let mut blocks = String::new();
    for id in catalogue.ids() {
        let _ = write!(blocks, "\n  - block: {id}\n    level: not_started");
    }
    format!(
        "# yaml-language-server: $schema={schema}
# A starter regioplan (plan format v1). Replace the examples (Voorbeeldgemeente, the person
# voorbeeld.persoon, the GGZ theme and its goal) with your region's own, then run
# `regioplan check` on this file. `regioplan schema` prints the format, `regioplan rule --all`
# the checks.
regioplan: 1

# The plan itself and its documents (zorgaanbodplan, begroting, speerpuntenrapportage, ...).
plan:
  title: Regioplan {year}-{last}
  local_name: regioplan
  adopted_by: ab
  documents:
    - kind: werkagenda
      year: {year}
      status: planned

region:
  name: {name}
  municipalities: [Voorbeeldgemeente]
  started: {start} # or only the year (2020) or month (2020-03) when the day is not known
  governance_model: monodisciplinary # or multidisciplinary
  # The mandate insurers ask for (CZ: at least 85% of the huisartsen), e.g.:
  # mandates:
  #   - share_pct: 90
  #     of: gps # or practices
  #     given_by: ab
  #     purpose: regionale contractering

# An IZA regioplan spans three years.
period:
  start: {start}
  end: {end}
  monitoring: quarterly

people:
  - id: voorbeeld.persoon
    name: Voorbeeld Persoon
    role: bestuurder
    profession: huisarts

governance:
  - id: ab
    name: Algemeen bestuur
    kind: algemeen_bestuur
  - id: db
    name: Dagelijks bestuur
    kind: dagelijks_bestuur
    members:
      - person: voorbeeld.persoon
        role: chair

workgroups:
  - id: wg-ggz
    name: Werkgroep GGZ
    members: [voorbeeld.persoon]

# Each theme has a trekker, a workgroup and an aanspreekpunt in the dagelijks bestuur, and
# measurable goals: an owner, a deadline and an indicator with baseline and target.
themes:
  - id: ggz
    name: GGZ
    strategic: regional
    trekker: voorbeeld.persoon
    workgroup: wg-ggz
    board_contact: voorbeeld.persoon
    goals:
      - id: ggz-wachttijd
        title: Kortere wachttijd voor de basis-GGZ
        owner: voorbeeld.persoon
        status: planned
        deadline: {deadline}
        indicator:
          name: gemiddelde wachttijd basis-GGZ
          unit: weken
          baseline: 12
          target: 6
          direction: decrease
        # The trajectory: dated intermediate targets and milestones of the werkagenda.
        milestones:
          - date: {next}-06
            target: 9
            description: Consultatie met de GGZ-aanbieders geregeld

# Speerpunten: the themes and goals that are the focus of a year.
priorities:
  - year: {year}
    goals: [ggz-wachttijd]

# Contracts with insurers, with their conditions and result agreements, e.g.:
# contracts:
#   - id: oi-{year}
#     insurer: <organisation id>
#     start: {start}
#     end: {end}
#     segments: [{{segment: o_and_i, scope: full}}]
#     basis: [regioplan]
#     conditions:
#       - {{kind: min_mandate_share, min: 85, of: gps, met: true}}
#       - {{kind: other_domains, min: 2}}
#     result_agreements:
#       - {{title: Kortere wachttijd basis-GGZ, goals: [ggz-wachttijd]}}

# How far the region is on each building block (bouwsteen) of Hechte Huisartsenzorg:
# not_started, initiating, developing, established or advanced.
building_blocks:{blocks}
"
    )
}

/// A YAML double-quoted scalar holding `text` exactly.
fn yaml_quote(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for c in text.chars() {
        match c {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                let _ = write!(quoted, "\\u{:04x}", u32::from(c));
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// `text` as one shell word, quoted only when it needs to be.
fn shell_quote(text: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "/._-+:=@,".contains(c);
    if !text.is_empty() && text.chars().all(plain) {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check_bytes;
    use crate::config::Settings;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn findings(text: &str, today: NaiveDate) -> Vec<String> {
        check_bytes(
            "plan.yaml",
            text.as_bytes(),
            &Settings::defaults(today),
            &Catalogue::built_in(),
        )
        .diagnostics
        .iter()
        .map(|d| format!("{}: {}", d.code, d.message.en()))
        .collect()
    }

    #[test]
    fn the_starter_plan_is_clean_for_awkward_names_and_dates() {
        let names = [
            "Mijn regio",
            "Regio: Noord # oost",
            "\"quoted\" and 'single' \\ back",
            "- leading dash",
            "tab\there, newline\nthere, bell\u{7}, nel\u{85}, ls\u{2028}",
            "Coöperatie Huisartsen Zuid-Holland Noord",
            "null",
            "{ [ & * ! | > % @ `",
        ];
        for name in names {
            for today in [date(2024, 2, 29), date(2026, 12, 31), date(2027, 1, 1)] {
                let text = starter_plan(name, today, SCHEMA_ID, &Catalogue::built_in());
                assert_eq!(
                    findings(&text, today),
                    Vec::<String>::new(),
                    "{name}\n{text}"
                );
            }
        }
    }

    #[test]
    fn the_region_name_round_trips() {
        let name = "a: b # c \"d\" \\ e\nf\u{85}";
        let text = starter_plan(name, date(2026, 6, 1), SCHEMA_ID, &Catalogue::built_in());
        let plan = crate::load::load("plan.yaml", text.as_bytes())
            .plan
            .expect("the plan loads");
        assert_eq!(plan.region.name.value, name);
    }

    #[test]
    fn the_period_spans_three_calendar_years() {
        let text = starter_plan("R", date(2026, 11, 22), SCHEMA_ID, &Catalogue::built_in());
        assert!(
            text.contains("  start: 2026-01-01\n  end: 2028-12-31\n"),
            "{text}"
        );
        assert!(text.contains("deadline: 2027-12-31\n"), "{text}");
    }

    #[test]
    fn every_catalogue_block_is_listed() {
        let catalogue = Catalogue::built_in();
        let text = starter_plan("R", date(2026, 1, 1), SCHEMA_ID, &catalogue);
        for id in catalogue.ids() {
            assert!(
                text.contains(&format!("- block: {id}\n    level: not_started")),
                "{id}"
            );
        }
    }

    #[test]
    fn the_schema_is_found_relative_to_the_repository() {
        let root = tempfile::tempdir().expect("tempdir");
        let root = root.path().canonicalize().expect("canonical");
        let nested = root.join("plans/noord");
        std::fs::create_dir_all(&nested).expect("mkdir");
        // No schema yet: it goes to the current directory's `schemas/`, or the plan's own.
        assert_eq!(
            schema_reference(&nested, &root).expect("reference"),
            (
                "../../schemas/regioplan.schema.json".to_string(),
                Some(root.join(REPO_SCHEMA))
            )
        );
        let elsewhere = tempfile::tempdir().expect("tempdir");
        assert_eq!(
            schema_reference(&nested, elsewhere.path()).expect("reference"),
            (REPO_SCHEMA.to_string(), Some(nested.join(REPO_SCHEMA)))
        );
        // A repository root (regioplan.toml or .git) wins over the current directory.
        std::fs::write(root.join("plans/regioplan.toml"), "").expect("write");
        assert_eq!(
            schema_reference(&nested, &root).expect("reference").0,
            "../schemas/regioplan.schema.json"
        );
        // An existing schema above is linked, not written again.
        std::fs::create_dir_all(root.join("schemas")).expect("mkdir");
        std::fs::write(root.join(REPO_SCHEMA), "{}").expect("write");
        assert_eq!(
            schema_reference(&nested, elsewhere.path()).expect("reference"),
            ("../../schemas/regioplan.schema.json".to_string(), None)
        );
        assert_eq!(
            schema_reference(&root, &root).expect("reference"),
            (REPO_SCHEMA.to_string(), None)
        );
    }

    #[test]
    fn a_named_schema_is_linked_relative_to_the_plan() {
        assert_eq!(
            relative_path(
                Path::new("/r/plans/noord"),
                Path::new("/r/editor/plan.json")
            ),
            "../../editor/plan.json"
        );
        assert_eq!(
            relative_path(Path::new("/r"), Path::new("/r/plan.json")),
            "plan.json"
        );
        let root = tempfile::tempdir().expect("tempdir");
        let root = root.path().canonicalize().expect("canonical");
        let (link, write) = named_schema(&root, &root.join("tools/schema.json")).expect("named");
        assert_eq!(link, "tools/schema.json");
        assert_eq!(write, Some(root.join("tools/schema.json")));
    }

    #[test]
    fn shell_quote_leaves_plain_paths_alone() {
        assert_eq!(shell_quote("plans/regioplan.yaml"), "plans/regioplan.yaml");
        assert_eq!(
            shell_quote("my plans/it's.yaml"),
            "'my plans/it'\\''s.yaml'"
        );
    }
}
