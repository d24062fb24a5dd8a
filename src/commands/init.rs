//! `regioplan init`: write a starter plan that passes `check`.
//!
//! The plan is a YAML template with a few values filled in (the region's name, dates from
//! today, the building blocks of the catalogue). The file is written next to its final place
//! and moved there without replacing anything, so an existing plan is never overwritten.

use std::fmt::Write as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::said::Say;
use crate::lang::{Lang, Plain};
use crate::{bail_said, msg, said};
use chrono::{Datelike, NaiveDate};

use super::ExitCode;
use crate::cli::InitArgs;
use crate::plan::catalogue::Catalogue;
#[cfg(test)]
use crate::plan::schema::SCHEMA_ID;
use crate::plan::schema::{plan_schema_text_in, schema_file_name};

/// The region name when `--region` is not given.
const DEFAULT_REGION: &str = "Mijn regio";

/// Where a repository keeps the (English) plan schema, relative to its root.
#[cfg(test)]
const REPO_SCHEMA: &str = "schemas/regioplan.schema.json";

/// Where a repository keeps the plan schema with descriptions in `lang`, relative to its root:
/// `schemas/regioplan.schema.json`, or `schemas/regioplan.schema.nl.json` for Dutch.
fn repo_schema(lang: Lang) -> String {
    format!("schemas/{}", schema_file_name(lang))
}

pub fn run(args: &InitArgs, out: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let path = &args.path;
    let region = args.region.as_deref().unwrap_or(DEFAULT_REGION);
    if region.trim().is_empty() {
        bail_said!(
            "the region name is empty; give one with --region NAME",
            "de naam van de regio is leeg; geef er een met --region NAAM"
        );
    }
    if path.is_dir() {
        bail_said!(
            "`{p}` is a directory; give the plan's file name, e.g. `{e}`",
            "`{p}` is een map; geef de bestandsnaam van het plan, bijvoorbeeld `{e}`",
            p = Plain(path.display()),
            e = Plain(path.join("regioplan.yaml").display())
        );
    }
    if path.symlink_metadata().is_ok() {
        return Err(already_exists(path));
    }
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).say(|| cannot_create(dir))?;
    let cwd = std::env::current_dir().say(|| {
        msg!(
            "cannot read the current directory",
            "kan de huidige map niet lezen"
        )
    })?;
    let lang = super::configured_language(args.lang, dir);
    let (schema, new_schema) = match &args.schema {
        Some(named) => named_schema(dir, &cwd.join(named))?,
        None => schema_reference(dir, &cwd, lang)?,
    };
    let today = chrono::Local::now().date_naive();
    let text = starter_plan(region, today, &schema, &Catalogue::built_in(), lang);
    // All or nothing: both files are written in full beside their places first; the schema is
    // moved into place, then the plan, and a plan that cannot be moved takes the new schema
    // back out with it.
    let plan = prepare(dir, &text)?;
    let schema_file = match &new_schema {
        Some(schema_path) => {
            if schema_path.symlink_metadata().is_ok() && !schema_path.exists() {
                bail_said!(
                    "`{p}` is a symbolic link that leads nowhere; name the schema file itself, or delete the link first",
                    "`{p}` is een symbolische koppeling die nergens heen wijst; noem het schemabestand zelf, of verwijder eerst de koppeling",
                    p = Plain(schema_path.display())
                );
            }
            let schema_dir = schema_path.parent().unwrap_or(Path::new("."));
            std::fs::create_dir_all(schema_dir).say(|| cannot_create(schema_dir))?;
            Some((
                schema_path,
                prepare(schema_dir, &plan_schema_text_in(lang))?,
            ))
        }
        None => None,
    };
    let mut also = None;
    let mut written_schema = None;
    if let Some((schema_path, file)) = schema_file {
        match persist_new(file, schema_path) {
            Ok(()) => {
                let shown = Plain(
                    schema_path
                        .strip_prefix(&cwd)
                        .unwrap_or(schema_path)
                        .display(),
                );
                also = Some(msg!(
                    " and the format's schema for editors to {s}",
                    " en het schema van het formaat, voor editors, naar {s}",
                    s = shown
                ));
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
    let wrote = msg!(
        "Wrote a starter plan to {shown}{also}; next, edit it and run: regioplan check {shown}",
        "Een start-plan geschreven naar {shown}{also}; pas het nu aan en voer uit: regioplan check {shown}",
        shown = shell_quote(&path.display().to_string()),
        also = also
    );
    writeln!(out, "{}", wrote.get(lang))?;
    Ok(ExitCode::Clean)
}

fn already_exists(path: &Path) -> anyhow::Error {
    said!(
        "`{p}` already exists; choose another path or delete it first",
        "`{p}` bestaat al; kies een andere plek of verwijder het eerst",
        p = Plain(path.display())
    )
}

fn cannot_create(dir: &Path) -> crate::lang::Message {
    msg!(
        "cannot create the directory `{d}`",
        "kan de map `{d}` niet aanmaken",
        d = Plain(dir.display())
    )
}

fn cannot_read_directory(dir: &Path) -> crate::lang::Message {
    msg!(
        "cannot read the directory `{d}`",
        "kan de map `{d}` niet lezen",
        d = Plain(dir.display())
    )
}

fn cannot_write(path: &Path) -> crate::lang::Message {
    msg!(
        "cannot write `{p}`",
        "kan `{p}` niet schrijven",
        p = Plain(path.display())
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
    let mut file = builder.tempfile_in(dir).say(|| {
        msg!(
            "cannot create a file in `{d}`",
            "kan geen bestand aanmaken in `{d}`",
            d = Plain(dir.display())
        )
    })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.as_file().sync_all())
        .say(|| cannot_write(file.path()))?;
    Ok(file)
}

/// Moves a prepared file to `path` unless something is there by then.
fn persist_new(file: tempfile::NamedTempFile, path: &Path) -> anyhow::Result<()> {
    file.persist_noclobber(path).map_err(|e| {
        if e.error.kind() == std::io::ErrorKind::AlreadyExists {
            already_exists(path)
        } else {
            match Err::<(), _>(e.error).say(|| cannot_write(path)) {
                Err(error) => error,
                Ok(()) => already_exists(path),
            }
        }
    })?;
    Ok(())
}

/// The `$schema` for the editor, a path relative to the plan's directory `dir` that an editor
/// resolves offline: the repository's own `schemas/regioplan.schema.json` (in Dutch
/// `schemas/regioplan.schema.nl.json`, whose descriptions are Dutch) when a directory above
/// holds one; otherwise that file at the repository's root, which the caller writes (the
/// second value). The root is the nearest directory above with `.git` or `regioplan.toml`,
/// else the current directory `cwd` when the plan is inside it, else the plan's directory.
fn schema_reference(
    dir: &Path,
    cwd: &Path,
    lang: Lang,
) -> anyhow::Result<(String, Option<PathBuf>)> {
    let dir = dir.canonicalize().say(|| cannot_read_directory(dir))?;
    let schema = repo_schema(lang);
    let relative = |depth: usize| format!("{}{schema}", "../".repeat(depth));
    if let Some((depth, _)) = dir
        .ancestors()
        .enumerate()
        .find(|(_, ancestor)| ancestor.join(&schema).is_file())
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
    Ok((relative(depth), Some(root.join(&schema))))
}

/// The `$schema` for a schema file the user named: its path relative to the plan's directory,
/// and the file to write when it does not exist yet.
fn named_schema(dir: &Path, schema: &Path) -> anyhow::Result<(String, Option<PathBuf>)> {
    let schema_dir = match schema.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(schema_dir).say(|| cannot_create(schema_dir))?;
    let canonical = |p: &Path| p.canonicalize().say(|| cannot_read_directory(p));
    let file_name = schema.file_name().ok_or_else(|| {
        said!(
            "`{s}` is not a file name",
            "`{s}` is geen bestandsnaam",
            s = Plain(schema.display())
        )
    })?;
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

/// The comments of the starter plan, in both languages; the plan's keys and values are the
/// format's and the same in both.
mod comments {
    use crate::lang::Label;

    macro_rules! comments {
        ($($name:ident = $en:literal, $nl:literal;)*) => {
            $(pub const $name: Label = Label { en: $en, nl: $nl };)*
        };
    }

    comments! {
        INTRO = "# A starter regioplan (plan format v1). Replace the examples (Voorbeeldgemeente, the person
# voorbeeld.persoon, the GGZ theme and its goal) with your region's own, then run
# `regioplan check` on this file. `regioplan schema` prints the format, `regioplan rule --all`
# the checks.",
            "# Een start-regioplan (planformaat v1). Vervang de voorbeelden (Voorbeeldgemeente, de
# persoon voorbeeld.persoon, het thema GGZ en zijn doel) door die van uw regio en voer dan
# `regioplan check` uit op dit bestand. `regioplan schema` toont het formaat, `regioplan rule
# --all --lang nl` de controles.";
        PLAN = "# The plan itself and its documents (zorgaanbodplan, begroting, speerpuntenrapportage, ...).",
            "# Het plan zelf en zijn documenten (zorgaanbodplan, begroting, speerpuntenrapportage, ...).";
        STARTED = "# or only the year (2020) or month (2020-03) when the day is not known",
            "# of alleen het jaar (2020) of de maand (2020-03) als de dag niet bekend is";
        MODEL = "# or multidisciplinary", "# of multidisciplinary";
        MANDATE = "# The mandate insurers ask for (CZ: at least 85% of the huisartsen), e.g.:",
            "# Het mandaat waar zorgverzekeraars om vragen (CZ: minstens 85% van de huisartsen), bijvoorbeeld:";
        MANDATE_OF = "# or practices", "# of practices (praktijken)";
        PERIOD = "# An IZA regioplan spans three years.", "# Een IZA-regioplan beslaat drie jaar.";
        THEMES = "# Each theme has a trekker, a workgroup and an aanspreekpunt in the dagelijks bestuur, and
    # measurable goals: an owner, a deadline and an indicator with baseline and target.",
            "# Elk thema heeft een trekker, een werkgroep en een aanspreekpunt in het dagelijks bestuur,
    # en meetbare doelen: een eigenaar, een einddatum en een indicator met nulmeting en streefwaarde.";
        MILESTONES = "# The trajectory: dated intermediate targets and milestones of the werkagenda.",
            "# Het traject: tussendoelen met een datum en de mijlpalen van de werkagenda.";
        PRIORITIES = "# Speerpunten: the themes and goals that are the focus of a year.",
            "# Speerpunten: de thema's en doelen waar een jaar de nadruk op ligt.";
        CONTRACTS = "# Contracts with insurers, with their conditions and result agreements, e.g.:",
            "# Contracten met zorgverzekeraars, met hun voorwaarden en resultaatafspraken, bijvoorbeeld:";
        INSURER = "<organisation id>", "<id van de organisatie>";
        BLOCKS = "# How far the region is on each building block (bouwsteen) of Hechte Huisartsenzorg:
    # not_started, initiating, developing, established or advanced.",
            "# Hoe ver de regio is met elke bouwsteen van Hechte Huisartsenzorg: not_started (niet
# gestart), initiating (initiërend), developing (in ontwikkeling), established (gevestigd) of
# advanced (gevorderd).";
    }
}

/// The starter plan: valid, clean, and a template to fill in, its comments in `lang`.
#[must_use]
pub fn starter_plan(
    region: &str,
    today: NaiveDate,
    schema: &str,
    catalogue: &Catalogue,
    lang: Lang,
) -> String {
    use comments as c;
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
    let t = |label: crate::lang::Label| label.get(lang);
    format!(
        "# yaml-language-server: $schema={schema}
{intro}
regioplan: 1

{plan}
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
  started: {start} {started}
  governance_model: monodisciplinary {model}
  {mandate}
  # mandates:
  #   - share_pct: 90
  #     of: gps {mandate_of}
  #     given_by: ab
  #     purpose: regionale contractering

{period}
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

{themes}
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
        {milestones}
        milestones:
          - date: {next}-06
            target: 9
            description: Consultatie met de GGZ-aanbieders geregeld

{priorities}
priorities:
  - year: {year}
    goals: [ggz-wachttijd]

{contracts}
# contracts:
#   - id: oi-{year}
#     insurer: {insurer}
#     start: {start}
#     end: {end}
#     segments: [{{segment: o_and_i, scope: full}}]
#     basis: [regioplan]
#     conditions:
#       - {{kind: min_mandate_share, min: 85, of: gps, met: true}}
#       - {{kind: other_domains, min: 2}}
#     result_agreements:
#       - {{title: Kortere wachttijd basis-GGZ, goals: [ggz-wachttijd]}}

{blocks_comment}
building_blocks:{blocks}
",
        intro = t(c::INTRO),
        plan = t(c::PLAN),
        started = t(c::STARTED),
        model = t(c::MODEL),
        mandate = t(c::MANDATE),
        mandate_of = t(c::MANDATE_OF),
        period = t(c::PERIOD),
        themes = t(c::THEMES),
        milestones = t(c::MILESTONES),
        priorities = t(c::PRIORITIES),
        contracts = t(c::CONTRACTS),
        insurer = t(c::INSURER),
        blocks_comment = t(c::BLOCKS),
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
    fn the_dutch_starter_plan_has_the_same_plan_and_dutch_comments() {
        let today = date(2026, 6, 1);
        let [en, nl] =
            Lang::ALL.map(|l| starter_plan("R", today, SCHEMA_ID, &Catalogue::built_in(), l));
        let without_comments = |text: &str| {
            text.lines()
                .filter(|l| !l.trim_start().starts_with('#'))
                .map(|l| l.split(" #").next().unwrap_or(l))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert_eq!(without_comments(&en), without_comments(&nl));
        let comments = |text: &str| {
            text.lines()
                .filter_map(|l| l.split_once('#').map(|(_, c)| c.to_string()))
                .collect::<Vec<_>>()
                .join("\n")
        };
        let dutch = comments(&nl);
        for english in [" the ", " and ", " with ", " each ", " or only ", " e.g."] {
            assert!(
                !dutch.contains(english),
                "{english:?} in the Dutch comments:\n{dutch}"
            );
        }
        assert!(dutch.contains("Een start-regioplan"), "{dutch}");
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
                for lang in Lang::ALL {
                    let text = starter_plan(name, today, SCHEMA_ID, &Catalogue::built_in(), lang);
                    assert_eq!(
                        findings(&text, today),
                        Vec::<String>::new(),
                        "{name}\n{text}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_region_name_round_trips() {
        let name = "a: b # c \"d\" \\ e\nf\u{85}";
        let text = starter_plan(
            name,
            date(2026, 6, 1),
            SCHEMA_ID,
            &Catalogue::built_in(),
            Lang::En,
        );
        let plan = crate::load::load("plan.yaml", text.as_bytes())
            .plan
            .expect("the plan loads");
        assert_eq!(plan.region.name.value, name);
    }

    #[test]
    fn the_period_spans_three_calendar_years() {
        let text = starter_plan(
            "R",
            date(2026, 11, 22),
            SCHEMA_ID,
            &Catalogue::built_in(),
            Lang::En,
        );
        assert!(
            text.contains("  start: 2026-01-01\n  end: 2028-12-31\n"),
            "{text}"
        );
        assert!(text.contains("deadline: 2027-12-31\n"), "{text}");
    }

    #[test]
    fn every_catalogue_block_is_listed() {
        let catalogue = Catalogue::built_in();
        let text = starter_plan("R", date(2026, 1, 1), SCHEMA_ID, &catalogue, Lang::En);
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
            schema_reference(&nested, &root, Lang::En).expect("reference"),
            (
                "../../schemas/regioplan.schema.json".to_string(),
                Some(root.join(REPO_SCHEMA))
            )
        );
        let elsewhere = tempfile::tempdir().expect("tempdir");
        assert_eq!(
            schema_reference(&nested, elsewhere.path(), Lang::En).expect("reference"),
            (REPO_SCHEMA.to_string(), Some(nested.join(REPO_SCHEMA)))
        );
        // A repository root (regioplan.toml or .git) wins over the current directory.
        std::fs::write(root.join("plans/regioplan.toml"), "").expect("write");
        assert_eq!(
            schema_reference(&nested, &root, Lang::En)
                .expect("reference")
                .0,
            "../schemas/regioplan.schema.json"
        );
        // An existing schema above is linked, not written again.
        std::fs::create_dir_all(root.join("schemas")).expect("mkdir");
        std::fs::write(root.join(REPO_SCHEMA), "{}").expect("write");
        assert_eq!(
            schema_reference(&nested, elsewhere.path(), Lang::En).expect("reference"),
            ("../../schemas/regioplan.schema.json".to_string(), None)
        );
        assert_eq!(
            schema_reference(&root, &root, Lang::En).expect("reference"),
            (REPO_SCHEMA.to_string(), None)
        );
    }

    #[test]
    fn the_dutch_plan_links_the_dutch_schema() {
        let root = tempfile::tempdir().expect("tempdir");
        let root = root.path().canonicalize().expect("canonical");
        std::fs::create_dir_all(root.join(".git")).expect("mkdir");
        let plans = root.join("plans");
        std::fs::create_dir_all(&plans).expect("mkdir");
        assert_eq!(
            schema_reference(&plans, &root, Lang::Nl).expect("reference"),
            (
                "../schemas/regioplan.schema.nl.json".to_string(),
                Some(root.join("schemas/regioplan.schema.nl.json"))
            )
        );
        // An English schema above does not stand in for the Dutch one.
        std::fs::create_dir_all(root.join("schemas")).expect("mkdir");
        std::fs::write(root.join(REPO_SCHEMA), "{}").expect("write");
        assert_eq!(
            schema_reference(&plans, &root, Lang::Nl)
                .expect("reference")
                .1,
            Some(root.join("schemas/regioplan.schema.nl.json"))
        );
        assert_eq!(
            schema_reference(&plans, &root, Lang::En).expect("reference"),
            ("../schemas/regioplan.schema.json".to_string(), None)
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
