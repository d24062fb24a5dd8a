//! `regioplan check`: find plan files, resolve their settings, check them in parallel, render
//! the findings in a stable order, pick the exit code.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::ExitCode;
use super::said::Say;
use crate::check::{check_bytes, check_found, check_too_large};
use crate::cli::{CheckArgs, Color, FailOn, Format};
use crate::config::{self, LoadedConfig, Settings, SettingsInput};
use crate::diagnostic::{Applicability, FileResult, Severity};
use crate::fix::{Applied, chosen, fix_bytes};
use crate::lang::{Lang, Plain};
use crate::load::limits::Limits;
use crate::load::read;
use crate::plan::catalogue::Catalogue;
use crate::render;
use crate::{bail_said, msg, said};

/// Each worker thread's stack: the checks recurse over nested goals.
pub(crate) const WORKER_STACK_BYTES: usize = 64 * 1024 * 1024;

pub fn run(args: &CheckArgs, out: &mut dyn Write, err: &mut dyn Write) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    for (flag, codes) in [("--select", &args.select), ("--ignore", &args.ignore)] {
        if let Some(code) = codes.iter().find(|c| !crate::rules::matches_any_rule(c)) {
            let hint = crate::rules::did_you_mean(code, crate::rules::ALL.iter().map(|r| r.code))
                .map(|s| msg!("; did you mean `{s}`?", "; bedoelt u `{s}`?", s = s));
            bail_said!(
                "`{code}` in {flag} is not a rule code or prefix{hint} (`regioplan rule --all` lists them)",
                "`{code}` bij {flag} is geen code (of begin van een code) van een regel{hint} (`regioplan rule --all` geeft ze alle)",
                code = code,
                flag = flag,
                hint = hint
            );
        }
    }
    if args.unsafe_fixes && !args.fix && !args.diff {
        bail_said!(
            "--unsafe-fixes applies with --fix or --diff: add one of them",
            "--unsafe-fixes werkt samen met --fix of --diff: voeg een van beide toe"
        );
    }
    let fixing = (args.fix || args.diff).then_some(if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    });
    let mut inputs = collect(&args.paths)?;
    let configs = match Configs::load(args, &inputs, err)? {
        Ok(configs) => configs,
        Err(code) => return Ok(code),
    };
    // `exclude` leaves out files found in a directory, never a file named on the command line.
    inputs.retain(|i| match i {
        Input::Found(path) => !configs.for_input(i).is_some_and(|c| c.excludes(path)),
        Input::File(_) | Input::Stdin => true,
    });
    let input = settings_input(args)?;
    let run_settings = Settings::resolve(configs.for_run(), None, &input);
    let lang = Lang::from(run_settings.language);
    let jobs: Vec<Job<'_>> = inputs
        .iter()
        .map(|i| Job {
            input: i,
            settings: Settings::resolve(configs.for_input(i), i.path(), &input),
        })
        .collect();
    let catalogue = Catalogue::built_in();
    let outcomes = check_all(&jobs, &catalogue, fixing)?;
    let mut skipped = Vec::new();
    let mut results = Vec::new();
    let mut fail_on = Vec::new();
    let mut fixes = Vec::new();
    for (outcome, job) in outcomes.into_iter().zip(&jobs) {
        match outcome {
            Some(checked) => {
                results.push(checked.result);
                fail_on.push(job.settings.fail_on);
                // Beside `results`, one for one: a file too large to read has no fix.
                fixes.push((job.input, checked.fix));
            }
            None => skipped.push(job.input.name()),
        }
    }
    if results.is_empty() {
        if skipped.is_empty() {
            bail_said!(
                "no plan files to check: `exclude` in regioplan.toml leaves out every file found",
                "geen plannen om te controleren: `exclude` in regioplan.toml laat elk gevonden bestand weg"
            );
        }
        bail_said!(
            "no plan files found (a plan has `regioplan: 1` at the top). {skipped}",
            "geen plannen gevonden (een plan begint met `regioplan: 1`). {skipped}",
            skipped = render::human::skipped_line(&skipped, lang)
        );
    }
    if args.diff {
        return show_diff(&fixes, &results, args.unsafe_fixes, lang, out, err);
    }
    let mut findings_to_err = false;
    if args.fix {
        for (input, fix) in fixes.iter().filter_map(|(i, f)| Some((i, f.as_ref()?))) {
            match input.path() {
                None => {
                    out.write_all(&fix.after)?;
                    // The fixed plan is on standard output: the findings go to standard error.
                    findings_to_err = true;
                }
                Some(path) if fix.after != fix.before => {
                    super::output::replace_plan(path, &fix.after)?;
                }
                Some(_) => {}
            }
        }
    }
    let elapsed = started.elapsed();
    let format = run_settings.format;
    let color = format == Format::Human && args.output_file.is_none() && use_color(args.color);
    let shown = Shown {
        skipped: &skipped,
        color,
        elapsed,
        lang,
    };
    match &args.output_file {
        Some(path) => {
            let mut buffer = Vec::new();
            render_to(&mut buffer, format, &results, &shown)?;
            let read: Vec<PathBuf> = inputs
                .iter()
                .filter_map(|i| i.path().map(Path::to_path_buf))
                .collect();
            super::output::write_output(path, &buffer, &read)?;
        }
        None if findings_to_err => render_to(err, format, &results, &shown)?,
        None => render_to(out, format, &results, &shown)?,
    }
    if args.fix {
        render::fixes::summary(
            err,
            &fixed_files(&fixes, &results),
            false,
            args.unsafe_fixes,
            lang,
        )?;
    }
    let failing = results
        .iter()
        .zip(fail_on)
        .any(|(r, fail_on)| fails(r, fail_on));
    Ok(if failing {
        ExitCode::Findings
    } else {
        ExitCode::Clean
    })
}

/// `--diff`: the diff of every file that would change, on `out`, and what would be fixed, on
/// `err`; exit 1 when a file would change.
fn show_diff(
    fixes: &[(&Input, Option<FileFix>)],
    results: &[FileResult],
    unsafe_fixes: bool,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<ExitCode> {
    for ((_, fix), result) in fixes.iter().zip(results) {
        if let Some(fix) = fix {
            render::fixes::diff(out, &result.source.name, &fix.before, &fix.after)?;
        }
    }
    render::fixes::summary(err, &fixed_files(fixes, results), true, unsafe_fixes, lang)?;
    Ok(
        if fixes
            .iter()
            .flat_map(|(_, f)| f)
            .any(|f| f.before != f.after)
        {
            ExitCode::Findings
        } else {
            ExitCode::Clean
        },
    )
}

fn fixed_files<'a>(
    fixes: &'a [(&Input, Option<FileFix>)],
    results: &'a [FileResult],
) -> Vec<render::fixes::FixedFile<'a>> {
    fixes
        .iter()
        .zip(results)
        .filter_map(|((_, fix), result)| Some((fix.as_ref()?, result)))
        .map(|(fix, result)| render::fixes::FixedFile {
            name: &result.source.name,
            applied: &fix.applied,
            result,
            refused: fix.refused,
        })
        .collect()
}

/// What a run writes, beside the results: the files skipped, colour, the time taken and the
/// language.
struct Shown<'a> {
    skipped: &'a [String],
    color: bool,
    elapsed: Duration,
    lang: Lang,
}

fn render_to(
    out: &mut dyn Write,
    format: Format,
    results: &[FileResult],
    shown: &Shown<'_>,
) -> std::io::Result<()> {
    let Shown {
        skipped,
        color,
        elapsed,
        lang,
    } = *shown;
    match format {
        Format::Human => render::human::write(out, results, skipped, color, Some(elapsed), lang),
        Format::Concise => render::concise::write(out, results, skipped, lang),
        Format::Json => render::json::write(out, results, skipped, lang),
        Format::Sarif => render::sarif::write(out, results, lang),
        Format::Github => render::github::write(out, results, skipped, lang),
        Format::Gitlab => render::gitlab::write(out, results, lang),
        Format::Junit => render::junit::write(out, results, elapsed, lang),
    }
}

fn settings_input(args: &CheckArgs) -> anyhow::Result<SettingsInput> {
    Ok(SettingsInput {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        fail_on: args.fail_on,
        as_of: args.as_of,
        format: args.format,
        today: chrono::Local::now().date_naive(),
        github_actions: std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true"),
        limits: super::checked_limits(&args.limits)?,
        language: args.lang.map(Into::into),
        env_language: super::environment_language(),
    })
}

fn fails(result: &FileResult, fail_on: FailOn) -> bool {
    let threshold = match fail_on {
        FailOn::Error => Severity::Error,
        FailOn::Warning => Severity::Warning,
        FailOn::Never => return false,
    };
    result.diagnostics.iter().any(|d| d.severity >= threshold)
}

/// One file to check with its settings.
struct Job<'a> {
    input: &'a Input,
    settings: Settings,
}

/// The findings of one file and, with `--fix` or `--diff`, what fixing it did.
struct Checked {
    result: FileResult,
    fix: Option<FileFix>,
}

/// One file before and after its fixes.
struct FileFix {
    before: Vec<u8>,
    after: Vec<u8>,
    applied: Vec<Applied>,
    refused: bool,
}

/// Checks (and, at `fixing`, fixes) every job on all cores; results come back in input order,
/// `None` for a file found in a directory that is not a regioplan.
fn check_all(
    jobs: &[Job<'_>],
    catalogue: &Catalogue,
    fixing: Option<Applicability>,
) -> anyhow::Result<Vec<Option<Checked>>> {
    on_all_cores(jobs, |job| check_one(job, catalogue, fixing))
}

/// Runs `f` on every item on all cores (threads with a large stack: loading and checking
/// recurse over nested goals); the results come back in item order, the first error wins.
pub(crate) fn on_all_cores<T: Sync, R: Send>(
    items: &[T],
    f: impl Fn(&T) -> anyhow::Result<R> + Sync,
) -> anyhow::Result<Vec<R>> {
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(items.len())
        .max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, anyhow::Result<R>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                std::thread::Builder::new()
                    .stack_size(WORKER_STACK_BYTES)
                    .spawn_scoped(scope, || {
                        let mut mine = Vec::new();
                        loop {
                            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            let Some(item) = items.get(i) else { break };
                            mine.push((i, f(item)));
                        }
                        mine
                    })
            })
            .collect();
        let mut all = Vec::new();
        for handle in handles {
            match handle {
                Ok(h) => match h.join() {
                    Ok(mine) => all.extend(mine),
                    Err(_) => all.push((usize::MAX, Err(worker_failed()))),
                },
                Err(e) => all.push((
                    usize::MAX,
                    Err(e)
                        .say(|| msg!("cannot start a worker thread", "kan geen werkdraad starten")),
                )),
            }
        }
        all
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

fn check_one(
    job: &Job<'_>,
    catalogue: &Catalogue,
    fixing: Option<Applicability>,
) -> anyhow::Result<Option<Checked>> {
    let (name, bytes) = match read(job.input, &job.settings.limits)? {
        (name, Bytes::Read(bytes)) => (name, bytes),
        (name, Bytes::TooLarge(size)) => {
            let result = check_too_large(&name, size, &job.settings, catalogue);
            return Ok(Some(Checked { result, fix: None }));
        }
    };
    let check = |bytes: std::borrow::Cow<'_, [u8]>| match job.input {
        Input::Found(_) => check_found(&name, bytes, &job.settings, catalogue),
        Input::File(_) | Input::Stdin => Some(check_bytes(&name, bytes, &job.settings, catalogue)),
    };
    let Some(wanted) = fixing else {
        // Without fixes the bytes are not needed after the check: they become the plan's text
        // (no second copy of the file in memory).
        return Ok(check(bytes.into()).map(|result| Checked { result, fix: None }));
    };
    let Some(result) = check((&bytes).into()) else {
        return Ok(None);
    };
    // Nothing to fix: the first check stands (most files, most runs).
    if !result
        .diagnostics
        .iter()
        .any(|d| chosen(d, wanted).is_some())
    {
        let fix = FileFix {
            after: bytes.clone(),
            before: bytes,
            applied: Vec::new(),
            refused: false,
        };
        return Ok(Some(Checked {
            result,
            fix: Some(fix),
        }));
    }
    let fixed = fix_bytes(&name, &bytes, &job.settings, catalogue, wanted);
    Ok(Some(Checked {
        result: fixed.result,
        fix: Some(FileFix {
            before: bytes,
            after: fixed.bytes,
            applied: fixed.applied,
            refused: fixed.refused,
        }),
    }))
}

/// The configuration files in play: the one given with `--config`, or the nearest one above
/// each plan (and above the current directory, for run-wide settings such as the format).
struct Configs {
    given: Option<LoadedConfig>,
    found: HashMap<PathBuf, LoadedConfig>,
    by_input: HashMap<Input, PathBuf>,
    for_cwd: Option<PathBuf>,
    disabled: bool,
}

impl Configs {
    /// Loads every configuration needed. A broken configuration is shown on `err` with its
    /// diagnostics and ends the run with exit code 2.
    fn load(
        args: &CheckArgs,
        inputs: &[Input],
        err: &mut dyn Write,
    ) -> anyhow::Result<Result<Self, ExitCode>> {
        let lang = super::early_language(args.lang);
        let mut configs = Configs {
            given: None,
            found: HashMap::new(),
            by_input: HashMap::new(),
            for_cwd: None,
            disabled: args.no_config,
        };
        let mut broken = Vec::new();
        if let Some(path) = &args.config {
            match config::load_config(path)? {
                Ok(c) => configs.given = Some(c),
                Err(result) => broken.push(result),
            }
        } else if !args.no_config {
            let cwd = std::env::current_dir().say(|| {
                msg!(
                    "cannot read the current directory",
                    "kan de huidige map niet lezen"
                )
            })?;
            let mut wanted: Vec<(Option<Input>, PathBuf)> = inputs
                .iter()
                .filter_map(|i| {
                    i.path()
                        .and_then(|p| config::find_config(p).map(|c| (Some(i.clone()), c)))
                })
                .collect();
            if let Some(c) = config::find_config(&cwd) {
                wanted.push((None, c));
            }
            for (input, path) in wanted {
                if !configs.found.contains_key(&path)
                    && !broken
                        .iter()
                        .any(|b: &FileResult| Path::new(&b.source.name) == path)
                {
                    match config::load_config(&path)? {
                        Ok(c) => {
                            configs.found.insert(path.clone(), c);
                        }
                        Err(result) => broken.push(result),
                    }
                }
                match input {
                    Some(i) => {
                        configs.by_input.insert(i, path);
                    }
                    None => configs.for_cwd = Some(path),
                }
            }
        }
        if broken.is_empty() {
            for c in configs.given.iter().chain(configs.found.values()) {
                if !c.warnings.is_empty() {
                    let shown = FileResult {
                        source: c.source.clone(),
                        diagnostics: c.warnings.clone(),
                    };
                    render::human::write_diagnostics(err, &[shown], false, lang)?;
                }
            }
            return Ok(Ok(configs));
        }
        render::human::write_diagnostics(err, &broken, false, lang)?;
        writeln!(err, "{}", super::config_problems(lang))?;
        Ok(Err(ExitCode::Error))
    }

    fn for_input(&self, input: &Input) -> Option<&LoadedConfig> {
        if self.disabled {
            return None;
        }
        self.given
            .as_ref()
            .or_else(|| self.by_input.get(input).and_then(|p| self.found.get(p)))
            .or_else(|| self.for_run())
    }

    fn for_run(&self) -> Option<&LoadedConfig> {
        if self.disabled {
            return None;
        }
        self.given
            .as_ref()
            .or_else(|| self.for_cwd.as_ref().and_then(|p| self.found.get(p)))
    }
}

/// Colour on a terminal unless `NO_COLOR` is set (<https://no-color.org>), or as asked.
pub(crate) fn use_color(color: Color) -> bool {
    match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    }
}

/// One thing to check: standard input, a file named on the command line, or a file found in a
/// directory (skipped when it is not a regioplan, left out when `exclude` matches it).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum Input {
    Stdin,
    File(PathBuf),
    Found(PathBuf),
}

impl Input {
    pub(crate) fn path(&self) -> Option<&Path> {
        match self {
            Input::Stdin => None,
            Input::File(p) | Input::Found(p) => Some(p),
        }
    }

    /// The name shown for the input.
    fn name(&self) -> String {
        self.path()
            .map_or_else(|| "<stdin>".to_string(), |p| p.display().to_string())
    }
}

/// Expands the arguments into files: named files as given, directories searched recursively
/// for `*.yaml` and `*.yml` (hidden directories skipped), in a stable order.
pub(crate) fn collect(paths: &[PathBuf]) -> anyhow::Result<Vec<Input>> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(meta) => Some(meta),
            // A broken symbolic link: reading it says what is wrong with it.
            Err(_) if path.symlink_metadata().is_ok() => None,
            Err(e) => {
                return Err(e).say(|| {
                    msg!(
                        "cannot read `{p}`",
                        "kan `{p}` niet lezen",
                        p = Plain(path.display())
                    )
                });
            }
        };
        if meta.is_some_and(|m| m.is_dir()) {
            let mut found = Vec::new();
            walk(path, &mut found)?;
            if found.is_empty() {
                bail_said!(
                    "no plan files (*.yaml, *.yml) found in `{p}`",
                    "geen plannen (*.yaml, *.yml) gevonden in `{p}`",
                    p = Plain(path.display())
                );
            }
            found.sort();
            inputs.extend(found.into_iter().map(Input::Found));
        } else {
            inputs.push(Input::File(path.clone()));
        }
    }
    // Each file once; a file both named and found counts as named.
    let named: std::collections::HashSet<PathBuf> = inputs
        .iter()
        .filter_map(|i| match i {
            Input::File(p) => Some(p.clone()),
            _ => None,
        })
        .collect();
    let mut seen = std::collections::HashSet::new();
    inputs.retain(|i| match i {
        Input::Found(p) if named.contains(p) => false,
        _ => seen.insert(i.clone()),
    });
    Ok(inputs)
}

fn worker_failed() -> anyhow::Error {
    said!(
        "a worker thread failed; please report it",
        "een werkdraad is vastgelopen; meld het alstublieft"
    )
}

fn cannot_read_directory(dir: &Path) -> crate::lang::Message {
    msg!(
        "cannot read directory `{d}`",
        "kan de map `{d}` niet lezen",
        d = Plain(dir.display())
    )
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let entries = std::fs::read_dir(dir).say(|| cannot_read_directory(dir))?;
    for entry in entries {
        let entry = entry.say(|| cannot_read_directory(dir))?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        let file_type = entry.file_type().say(|| {
            msg!(
                "cannot read `{p}`",
                "kan `{p}` niet lezen",
                p = Plain(path.display())
            )
        })?;
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

/// The bytes of one input, or, past `max-file-size`, its size when known.
pub(crate) enum Bytes {
    Read(Vec<u8>),
    TooLarge(Option<u64>),
}

/// Reads one input under the limits: only a regular file (or a link to one) is read, and no
/// more than `max-file-size` bytes; anything else is an error naming what the path is.
pub(crate) fn read(input: &Input, limits: &Limits) -> anyhow::Result<(String, Bytes)> {
    let name = input.name();
    let result = match input {
        Input::Stdin => read::read_stdin(limits.max_file_size),
        Input::File(path) | Input::Found(path) => read::read_file(path, limits.max_file_size),
    };
    match result {
        Ok(bytes) => Ok((name, Bytes::Read(bytes))),
        Err(read::ReadError::TooLarge { size, .. }) => Ok((name, Bytes::TooLarge(size))),
        Err(e) if matches!(input, Input::Stdin) => Err(e).say(|| {
            msg!(
                "cannot read standard input",
                "kan de standaardinvoer niet lezen"
            )
        }),
        Err(e) => Err(e.into()),
    }
}

/// Reads and loads one input under the limits (a file past `max-file-size` loads as its one
/// finding).
pub(crate) fn load_input(input: &Input, limits: &Limits) -> anyhow::Result<crate::load::Loaded> {
    Ok(match read(input, limits)? {
        (name, Bytes::Read(bytes)) => crate::load::load_with(&name, bytes, limits),
        (name, Bytes::TooLarge(size)) => crate::load::too_large(&name, size, limits),
    })
}
