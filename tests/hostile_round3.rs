//! Hostile input, round 3 (issue 21), one test or more per class: nothing the command reads is
//! overwritten by `-o`; no overflow, `NaN` or infinity reaches an output and every JSON report
//! validates against its schema (also for extreme figures, a property test); the cost of an
//! output follows what it shows, not the length of a line; nothing from a plan or a
//! configuration is smuggled into Markdown, HTML, CSV or the terminal; `init` writes all or
//! nothing and a failed write is an error, never a panic; the CI templates are wired as their
//! comments say.
//!
//! Rounds 1 and 2 (not repeated here) are in `tests/hostile.rs` and `tests/hostile_output.rs`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use proptest::prelude::*;

const MINIMAL: &str = include_str!("../examples/valid/minimal.yaml");

/// A plan with members, funding and a measured goal: what `gaps` compares.
const FUNDED: &str = "regioplan: 1
region:
  name: Testregio
  municipalities: [Test]
  started: 2022-01-01
  governance_model: monodisciplinary
  key_figures:
    practices: 50
    practices_joined: 40
    listed_patients: 90000
period:
  start: 2022-01-01
  end: 2023-12-31
organisations:
  - {id: self, name: Regio, kind: regional_organisation, relation: self}
  - {id: a, name: A, kind: zorggroep, relation: member, listed_patients: PATIENTS_A}
  - {id: b, name: B, kind: zorggroep, relation: member, listed_patients: 60000}
  - {id: zk, name: ZK, kind: insurer, relation: insurer}
people:
  - {id: p, name: P}
governance:
  - {id: ab, name: Algemeen bestuur, kind: algemeen_bestuur}
themes:
  - id: ggz
    name: GGZ
    strategic: regional
    trekker: p
    goals:
      - id: g1
        title: Wachttijd
        owner: p
        status: in_progress
        deadline: 2023-01-01
        indicator: {name: wachttijd, unit: weken, baseline: BASELINE, baseline_date: 2022-01-01, target: TARGET, direction: decrease}
        measurements:
          - {date: 2022-07-02, value: MEASURED}
funding:
  - {payer: zk, recipient: a, year: 2023, line: o_and_i, amount_eur: AMOUNT_A}
  - {payer: zk, recipient: b, year: 2023, line: o_and_i, amount_eur: 480000}
";

fn funded(
    patients_a: &str,
    amount_a: &str,
    baseline: &str,
    target: &str,
    measured: &str,
) -> String {
    FUNDED
        .replace("PATIENTS_A", patients_a)
        .replace("AMOUNT_A", amount_a)
        .replace("BASELINE", baseline)
        .replace("TARGET", target)
        .replace("MEASURED", measured)
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn finish(output: &Output) -> Run {
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    finish(&output)
}

/// Runs a shell command line with `$REGIOPLAN` set to the binary (for umask and redirections).
#[cfg(unix)]
fn shell_in(dir: &Path, script: &str) -> Run {
    let output = Command::new("sh")
        .arg("-c")
        .arg(script)
        .current_dir(dir)
        .env("REGIOPLAN", env!("CARGO_BIN_EXE_regioplan"))
        .env("NO_COLOR", "1")
        .output()
        .expect("sh runs");
    finish(&output)
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(&path, text).expect("write");
    path
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn report_validator() -> jsonschema::Validator {
    let text =
        std::fs::read_to_string(root().join("schemas/report.schema.json")).expect("the schema");
    let schema: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    jsonschema::validator_for(&schema).expect("a valid schema")
}

fn schema_errors(validator: &jsonschema::Validator, json: &str) -> Vec<String> {
    match serde_json::from_str::<serde_json::Value>(json) {
        Ok(value) => validator
            .iter_errors(&value)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect(),
        Err(e) => vec![format!("not JSON: {e}")],
    }
}

/// Whether `text` shows a number that is none: the word `inf`, `NaN` or `infinity`.
fn non_number(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|w| w == "inf" || w == "NaN" || w.eq_ignore_ascii_case("infinity"))
}

// --- Files in use overwritten -------------------------------------------------------------

#[test]
fn output_never_replaces_the_configuration_or_a_framework_file_it_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = write(dir.path(), "regioplan.toml", "fail-on = \"error\"\n");
    write(dir.path(), "plan.yaml", MINIMAL);
    let framework_text = regioplan::frameworks::built_in_text("cz-oi").expect("built in");
    let framework = write(dir.path(), "kader.toml", framework_text);

    let run = run_in(dir.path(), &["report", "plan.yaml", "-o", "regioplan.toml"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("this command reads it"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&config).expect("reads"),
        "fail-on = \"error\"\n"
    );

    let run = run_in(
        dir.path(),
        &[
            "gaps",
            "plan.yaml",
            "--framework",
            "kader.toml",
            "-o",
            "kader.toml",
        ],
    );
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("this command reads it"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&framework).expect("reads"),
        framework_text
    );

    let run = run_in(
        dir.path(),
        &["check", "plan.yaml", "-o", "./regioplan.toml"],
    );
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(&config).expect("reads"),
        "fail-on = \"error\"\n"
    );
}

#[cfg(unix)]
#[test]
fn output_refuses_another_name_of_an_input_a_hard_link() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = write(dir.path(), "plan.yaml", MINIMAL);
    std::fs::hard_link(&plan, dir.path().join("same.md")).expect("links");
    let run = run_in(dir.path(), &["report", "plan.yaml", "-o", "same.md"]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(
        run.stderr.contains("this command reads it"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(&plan).expect("reads"), MINIMAL);
}

#[cfg(unix)]
#[test]
fn output_keeps_a_replaced_files_permissions_and_gives_a_new_one_the_umasks() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "plan.yaml", MINIMAL);
    let run = shell_in(
        dir.path(),
        "umask 027 && \"$REGIOPLAN\" report plan.yaml -o new.md",
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let mode = |name: &str| {
        std::fs::metadata(dir.path().join(name))
            .expect("written")
            .permissions()
            .mode()
            & 0o777
    };
    assert_eq!(mode("new.md"), 0o640, "a new file gets 0666 less the umask");

    let old = write(dir.path(), "old.md", "old report\n");
    std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o664)).expect("chmod");
    let run = shell_in(
        dir.path(),
        "umask 077 && \"$REGIOPLAN\" report plan.yaml -o old.md",
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        mode("old.md"),
        0o664,
        "a replaced file keeps its permissions"
    );
    assert_ne!(
        std::fs::read_to_string(&old).expect("reads"),
        "old report\n"
    );
}

// --- Overflow and non-numbers ---------------------------------------------------------------

#[test]
fn a_member_funded_with_nothing_gets_no_infinite_ratio_and_valid_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "plan.yaml",
        &funded("30000", "0", "10", "6", "9"),
    );
    let validator = report_validator();
    let run = run_in(dir.path(), &["gaps", "plan.yaml", "--format", "json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let errors = schema_errors(&validator, &run.stdout);
    assert!(errors.is_empty(), "{errors:#?}");
    for format in ["table", "markdown", "json", "html"] {
        let run = run_in(dir.path(), &["gaps", "plan.yaml", "--format", format]);
        assert!(!non_number(&run.stdout), "{format}: {}", run.stdout);
    }
    let run = run_in(dir.path(), &["gaps", "plan.yaml", "--format", "table"]);
    assert!(run.stdout.contains("not computable"), "{}", run.stdout);
}

#[test]
fn an_indicator_from_minus_to_plus_1e308_reports_not_computable_not_nan() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "plan.yaml",
        &funded("30000", "1e308", "-1e308", "1e308", "1e308"),
    );
    let validator = report_validator();
    for command in ["report", "gaps"] {
        let run = run_in(dir.path(), &[command, "plan.yaml", "--format", "json"]);
        assert_eq!(run.code, Some(0), "{command}: {}", run.stderr);
        let errors = schema_errors(&validator, &run.stdout);
        assert!(errors.is_empty(), "{command}: {errors:#?}");
        for format in ["table", "markdown", "csv"] {
            if command == "gaps" && format == "csv" {
                continue;
            }
            let run = run_in(dir.path(), &[command, "plan.yaml", "--format", format]);
            assert!(
                !non_number(&run.stdout),
                "{command} {format}: {}",
                run.stdout
            );
        }
    }
}

#[test]
fn a_member_with_zero_listed_patients_is_named_not_dropped() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "plan.yaml",
        &funded("0", "120000", "10", "6", "9"),
    );
    let run = run_in(dir.path(), &["gaps", "plan.yaml"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stdout
            .contains("member `a` is funded but has no listed patients"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_framework_threshold_below_zero_is_refused_at_its_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "plan.yaml", MINIMAL);
    write(
        dir.path(),
        "kader.toml",
        "id = \"kader\"\ntitle = \"Kader\"\nsource = \"s\"\n\n[[requirement]]\nid = \"mandaat\"\ntitle = \"Mandaat\"\nkind = \"mandate\"\nat_least = -85\n",
    );
    let run = run_in(
        dir.path(),
        &["gaps", "plan.yaml", "--framework", "kader.toml"],
    );
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("kader.toml:9:"), "{}", run.stderr);
    assert!(run.stderr.contains("below 0"), "{}", run.stderr);
    write(
        dir.path(),
        "kader.toml",
        "id = \"kader\"\ntitle = \"Kader\"\nsource = \"s\"\n\n[[requirement]]\nid = \"mandaat\"\ntitle = \"Mandaat\"\nkind = \"mandate\"\nat_least = 185\n",
    );
    let run = run_in(
        dir.path(),
        &["gaps", "plan.yaml", "--framework", "kader.toml"],
    );
    assert_eq!(run.code, Some(2), "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("above the maximum 100"),
        "{}",
        run.stderr
    );
}

/// An extreme figure: zero, tiny, huge, negative, or the largest numbers a plan can hold.
fn extreme() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "0",
        "1",
        "-1",
        "0.5",
        "1e-308",
        "-1e-308",
        "1e15",
        "-1e15",
        "1e308",
        "-1e308",
        "1.7976931348623157e308",
        "-1.7976931348623157e308",
        "9007199254740993",
    ])
}

fn count() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "0",
        "1",
        "2",
        "60000",
        "4294967295",
        "18446744073709551615",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, .. ProptestConfig::default() })]

    /// Whatever the figures, the JSON of `report` and `gaps` validates against the report
    /// schema: no `null`, `NaN` or infinity where a number belongs.
    ///
    /// The measurement stays at the baseline, moves away from the target, or a millionth of
    /// the way toward it: a goal that crawls toward an extreme target gets a projected date
    /// beyond the calendar, which must read "not computable", never a panic or a non-number.
    #[test]
    fn the_json_reports_validate_against_the_schema_for_extreme_figures(
        patients in count(),
        amount in extreme(),
        baseline in extreme(),
        target in extreme(),
        step in 0u8..3,
    ) {
        let (b, t): (f64, f64) = (baseline.parse().unwrap_or(0.0), target.parse().unwrap_or(0.0));
        let measured = match step {
            0 => baseline.to_string(),
            1 => format!("{:e}", 2.0 * b - t),
            _ => format!("{:e}", b + (t - b) * 1e-6),
        };
        let text = funded(patients, amount, baseline, target, &measured);
        let loaded = regioplan::load::load("plan.yaml", text.as_bytes());
        // A figure the format refuses (a negative amount) is a finding, not a report.
        let Some(plan) = loaded.plan.as_ref().filter(|_| loaded.diagnostics.iter()
            .all(|d| d.severity < regioplan::diagnostic::Severity::Error)) else {
            return Ok(());
        };
        let validator = report_validator();
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
        let catalogue = regioplan::plan::catalogue::Catalogue::built_in();
        for lang in [regioplan::report::Lang::En, regioplan::report::Lang::Nl] {
            let options = regioplan::analysis::report::Options { themes: Vec::new(), as_of, lang };
            let inputs = [regioplan::analysis::report::Input { file: "plan.yaml", plan }];
            let model = regioplan::analysis::report::report(&inputs, &options).expect("a report");
            let mut json = Vec::new();
            regioplan::render::report::json(&mut json, &model).expect("renders");
            let json = String::from_utf8(json).expect("UTF-8");
            let errors = schema_errors(&validator, &json);
            prop_assert!(errors.is_empty(), "report: {errors:#?}\n{text}");

            let frameworks: Vec<_> = ["cz-oi", "hechte-huisartsenzorg", "iza-regioplan"]
                .iter()
                .filter_map(|id| regioplan::frameworks::built_in(id))
                .collect();
            let plans = [regioplan::analysis::gaps::PlanInput { source: &loaded.source, plan }];
            let analysis = regioplan::analysis::gaps::analyse(
                &plans,
                &frameworks,
                &catalogue,
                &regioplan::analysis::gaps::Options { as_of, themes: Vec::new() },
            );
            let model = regioplan::analysis::gaps::report(&analysis, &catalogue, lang);
            let mut json = Vec::new();
            regioplan::render::report::json(&mut json, &model).expect("renders");
            let json = String::from_utf8(json).expect("UTF-8");
            let errors = schema_errors(&validator, &json);
            prop_assert!(errors.is_empty(), "gaps: {errors:#?}\n{text}");
        }
    }
}

// --- Cost that grows faster than the input --------------------------------------------------

/// The minimal plan on one line (flow style), with `goals` as the goals of its theme.
fn one_line_plan(goals: &str) -> String {
    format!(
        "{{regioplan: 1, region: {{name: Huisartsen Amstelland, municipalities: [Amstelveen], started: 2014-01-01, governance_model: monodisciplinary}}, period: {{start: 2022-01-01, end: 2023-12-31}}, people: [{{id: a.bakker, name: Anna Bakker}}], governance: [{{id: ab, name: Algemeen bestuur, kind: algemeen_bestuur}}], workgroups: [{{id: wg, name: WG}}], themes: [{{id: ggz, name: GGZ, strategic: regional, trekker: a.bakker, workgroup: wg, board_contact: a.bakker, goals: [{goals}]}}]}}\n"
    )
}

#[test]
fn duplicate_ids_on_one_long_line_cost_their_own_span_in_the_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let duplicates = 2_000;
    let goals: Vec<String> = (0..duplicates)
        .map(|_| "{id: g, title: Doel, owner: a.bakker, status: planned}".to_string())
        .collect();
    let plan = one_line_plan(&goals.join(", "));
    write(dir.path(), "plan.yaml", &plan);
    let run = run_in(dir.path(), &["check", "plan.yaml", "--select", "RP101"]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let findings = run.stdout.matches("error[RP101]").count();
    assert_eq!(findings, duplicates - 1);
    // Each finding quotes the parts of the line around its two marks (a few hundred bytes),
    // not the line (80 KB): 1,999 findings quoting the line would be 160 MB.
    let per_finding = run.stdout.len() / findings;
    assert!(
        per_finding < 2_000,
        "{per_finding} bytes per finding for a line of {} bytes",
        plan.len()
    );
}

/// A guard: before the fix the output was small too (annotate-snippets cuts a long line around
/// two marks that are close), but each finding handed the whole line to it (see the unit test
/// `a_finding_on_one_long_line_hands_only_the_parts_around_its_marks` in `render::human`).
#[test]
fn measurements_on_one_date_on_one_long_line_cost_their_own_span() {
    let dir = tempfile::tempdir().expect("tempdir");
    let measurements: Vec<String> = (0..3_000)
        .map(|_| "{date: 2022-06-30, value: 8}".to_string())
        .collect();
    let goal = format!(
        "{{id: g, title: Doel, owner: a.bakker, status: in_progress, deadline: 2023-12-31, indicator: {{name: n, unit: u, baseline: 10, target: 6, direction: decrease}}, measurements: [{}]}}",
        measurements.join(", ")
    );
    let plan = one_line_plan(&goal);
    write(dir.path(), "plan.yaml", &plan);
    let run = run_in(
        dir.path(),
        &[
            "check",
            "plan.yaml",
            "--as-of",
            "2024-01-01",
            "--select",
            "RP204",
        ],
    );
    // RP204 is a warning: exit 0 under the default fail-on.
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let findings = run.stdout.matches("[RP204]").count();
    assert_eq!(findings, 2_999);
    let per_finding = run.stdout.len() / findings;
    assert!(
        per_finding < 2_000,
        "{per_finding} bytes per finding for a line of {} bytes",
        plan.len()
    );
}

#[test]
fn a_git_blob_above_the_limit_is_refused_by_its_size_before_it_is_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let git = |args: &[&str]| {
        let status = Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .status();
        status.is_ok_and(|s| s.success())
    };
    if !git(&["init", "--quiet"]) {
        eprintln!("git is not installed; skipped");
        return;
    }
    // 1 MiB plan committed; the limit set to 64 KiB on the command line.
    let big = format!("{MINIMAL}# {}\n", "x".repeat(1 << 20));
    write(dir.path(), "big.yaml", &big);
    assert!(git(&["add", "big.yaml"]) && git(&["commit", "--quiet", "-m", "big"]));
    write(dir.path(), "small.yaml", MINIMAL);
    let run = run_in(
        dir.path(),
        &[
            "diff",
            "HEAD:big.yaml",
            "small.yaml",
            "--limit",
            "max-file-size=64KiB",
        ],
    );
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    // The message of the read limit, with the blob's size from `git cat-file -s`: the blob was
    // measured, not read (a blob that was read would be refused by the loader, RP006).
    assert!(
        run.stderr
            .contains("`HEAD:big.yaml` (1 MiB) is larger than the limit `max-file-size`"),
        "{}",
        run.stderr
    );
    let run = run_in(dir.path(), &["diff", "HEAD:big.yaml", "small.yaml"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
}

// --- Smuggled into an output ----------------------------------------------------------------

/// Text as a YAML double-quoted scalar: every character that is not printable ASCII as an
/// escape, so the plan file holds the hostile characters exactly.
fn yaml_quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ' '..='~' => out.push(c),
            _ => {
                use std::fmt::Write as _;
                let _ = write!(out, "\\U{:08x}", u32::from(c));
            }
        }
    }
    out.push('"');
    out
}

/// The minimal plan with a hostile region name and goal title.
fn hostile_plan(region: &str, title: &str) -> String {
    MINIMAL
        .replace(
            "name: Huisartsen Amstelland",
            &format!("name: {}", yaml_quoted(region)),
        )
        .replace(
            "title: Betere toegang tot de GGZ",
            &format!("title: {}", yaml_quoted(title)),
        )
}

#[test]
fn markdown_neutralises_character_references_autolinks_headings_and_bidi() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "plan.yaml",
        &hostile_plan(
            "# Kop",
            "&#64;name &commat;team https://evil.example www.evil.example #123 owner/repo#7 a\u{202e}b",
        ),
    );
    let run = run_in(dir.path(), &["report", "plan.yaml", "--format", "markdown"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let md = &run.stdout;
    for raw in [
        "&#64;name",
        "&commat;team",
        "https://evil",
        "www.evil",
        " #123",
        "repo#7",
        "\u{202e}",
    ] {
        assert!(!md.contains(raw), "`{raw}` passed into the Markdown:\n{md}");
    }
    // Shown as written: `&#64;name` and `#123` as text, not as a mention or a link.
    assert!(md.contains("&amp;\\#&#8203;64;name"), "{md}");
    assert!(md.contains("\\#&#8203;123"), "{md}");
    assert!(
        !md.lines()
            .any(|l| l.starts_with("# ") || l.starts_with("#K")),
        "{md}"
    );
    assert!(md.contains("\\u{202e}"), "{md}");
}

#[test]
fn html_shows_control_and_bidi_characters_as_visible_escapes() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "plan.yaml",
        &hostile_plan("Regio\u{1b}[2J", "a\u{9b}31m b\u{202e}c \u{2066}d"),
    );
    let run = run_in(dir.path(), &["report", "plan.yaml", "--format", "html"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let html = &run.stdout;
    for c in ['\u{1b}', '\u{9b}', '\u{202e}', '\u{2066}'] {
        assert!(!html.contains(c), "{c:?} passed into the HTML");
    }
    assert!(
        html.contains("\\u{1b}[2J") && html.contains("\\u{202e}"),
        "{html}"
    );
}

#[test]
fn regioplan_config_shows_configuration_text_as_visible_escapes() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "regioplan.toml",
        "ignore = [\"RP1\\u001b[2J\"]\n\n[severity]\n\"RP2\\u001b]0;pwned\\u0007\\n::error::x\" = \"warning\"\n",
    );
    let run = run_in(dir.path(), &["config"]);
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(!all.contains('\u{1b}') && !all.contains('\u{7}'), "{all:?}");
    assert!(!all.lines().any(|l| l.starts_with("::error::")), "{all}");
}

#[test]
fn csv_neutralises_a_formula_after_leading_nul_whitespace_or_line_breaks() {
    for (title, hostile) in [
        ("\u{0}=HYPERLINK(\"http://x\")", "\u{0}=HYPERLINK"),
        (" =cmd|' /C calc'!A0", " =cmd"),
        ("\n=1+1", "\n=1+1"),
        ("\r\n+2", "\r\n+2"),
    ] {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "plan.yaml", &hostile_plan("Regio", title));
        let run = run_in(dir.path(), &["report", "plan.yaml", "--format", "csv"]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        assert!(
            run.stdout.contains(&format!("'{hostile}")),
            "{title:?} not neutralised:\n{}",
            run.stdout
        );
    }
}

// --- Half-done work -------------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn init_onto_a_dangling_schema_link_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::os::unix::fs::symlink(
        dir.path().join("nowhere.json"),
        dir.path().join("schema.json"),
    )
    .expect("links");
    let run = run_in(
        dir.path(),
        &["init", "plans/regioplan.yaml", "--schema", "schema.json"],
    );
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("leads nowhere"), "{}", run.stderr);
    assert!(
        !dir.path().join("plans/regioplan.yaml").exists(),
        "the plan was written although the schema could not be"
    );
    let left: Vec<_> = std::fs::read_dir(dir.path().join("plans"))
        .map(|d| d.filter_map(Result::ok).map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "{left:?}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error_with_exit_2_never_a_panic() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "plan.yaml", MINIMAL);
    for command in [
        "completions bash",
        "man",
        "check plan.yaml",
        "report plan.yaml",
        "gaps plan.yaml",
        "schema",
        "rule RP101",
        "config",
        "frameworks",
    ] {
        let run = shell_in(dir.path(), &format!("\"$REGIOPLAN\" {command} > /dev/full"));
        assert_eq!(run.code, Some(2), "{command}: {}", run.stderr);
        assert!(
            !run.stderr.contains("panicked"),
            "{command}: {}",
            run.stderr
        );
        assert!(run.stderr.contains("error"), "{command}: {}", run.stderr);
    }
}

// --- CI templates ---------------------------------------------------------------------------

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).expect("reads")
}

#[test]
fn the_github_templates_check_first_upload_sarif_always_and_update_one_comment() {
    let action = read("action.yml");
    let check = action.find("- name: Check plans").expect("a check step");
    let upload = action.find("- name: Upload SARIF").expect("an upload step");
    assert!(check < upload, "the SARIF upload comes before the check");
    let upload_step = &action[upload..];
    assert!(
        upload_step.contains("if: always() && steps.sarif.outcome == 'success'"),
        "{upload_step}"
    );
    for workflow in [
        "examples/ci/github-actions.yml",
        "examples/plan-repo/.github/workflows/regioplan.yml",
    ] {
        let text = read(workflow);
        assert!(
            text.contains("<!-- regioplan-diff -->"),
            "{workflow}: no marker"
        );
        assert!(
            text.contains("--method PATCH \"repos/$REPO/issues/comments/$existing\""),
            "{workflow}: the marked comment is not updated in place"
        );
        assert!(
            text.contains("vars.REGIOPLAN_CODE_SCANNING != 'false'"),
            "{workflow}: no switch for repositories without code scanning"
        );
    }
}

#[test]
fn the_gitlab_template_runs_one_merge_request_pipeline_with_its_reports() {
    let text = read("examples/ci/gitlab-ci.yml");
    let workflow = text.find("\nworkflow:\n").expect("workflow rules");
    let rules = &text[workflow..];
    assert!(rules.contains("$CI_PIPELINE_SOURCE == \"merge_request_event\""));
    assert!(rules.contains("$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS"));
    assert!(text.contains("codequality: gl-code-quality-report.json"));
    assert!(text.contains("junit: regioplan-junit.xml"));
}

#[test]
fn the_template_pre_commit_configuration_needs_no_pypi_release() {
    let text = read("examples/plan-repo/.pre-commit-config.yaml");
    let active: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(!active.contains("regioplan=="), "{active}");
    assert!(active.contains("language: system"), "{active}");
}
