//! The example plans in `examples/`: one per rule in `examples/invalid/`, each triggering
//! exactly its own rule once, and the plans in `examples/valid/` (a minimal plan and one per
//! part of format 1.1) that pass.
//!
//! The real binary runs from the repository root on relative paths, with a fixed `--as-of`
//! date, no colour and no configuration file, so that the snapshots of its human and JSON
//! output (in `tests/snapshots/`) are stable; only the run time in the human summary line is
//! masked. Review changed snapshots with `cargo insta review`, or accept them with
//! `INSTA_UPDATE=always cargo test --test examples`.

use std::path::Path;
use std::process::{Command, Output};

use regioplan::diagnostic::Severity;
use regioplan::rules::{self, ALL};
use serde_json::Value;

/// Measurements in the examples are compared with this date, not with today.
const AS_OF: &str = "2026-11-22";

/// Rules without an example: RP019 reports a defect in regioplan and has no known input.
const WITHOUT_EXAMPLE: &[&str] = &["RP019"];

/// The first two lines of every example: the editor schema, then what is wrong.
const SCHEMA_LINE: &str = "# yaml-language-server: $schema=../../schemas/regioplan.schema.json";

const INVALID_DIR: &str = "examples/invalid";
const VALID_PLAN: &str = "examples/valid/minimal.yaml";

/// One file in `examples/invalid/`: its rule code and its path relative to the repository root.
struct Example {
    code: String,
    file_name: String,
    path: String,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The invalid examples, sorted by file name.
fn examples() -> Vec<Example> {
    let dir = root().join(INVALID_DIR);
    let mut out: Vec<Example> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| {
            Path::new(name)
                .extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case("yaml"))
        })
        .map(|file_name| Example {
            code: file_name.split('-').next().unwrap_or_default().to_string(),
            path: format!("{INVALID_DIR}/{file_name}"),
            file_name,
        })
        .collect();
    out.sort_by(|a, b| a.file_name.cmp(&b.file_name));
    assert!(!out.is_empty(), "no examples in {INVALID_DIR}");
    out
}

/// Runs `regioplan check --as-of AS_OF --no-config <args>` from the repository root.
fn check(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .current_dir(root())
        .env("NO_COLOR", "1")
        // GitHub Actions would otherwise change the default output format.
        .env_remove("GITHUB_ACTIONS")
        .args(["check", "--as-of", AS_OF, "--no-config"])
        .args(args)
        .output()
        .expect("the regioplan binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("the output is UTF-8")
}

/// Human output with the run time in the summary line (`Checked 1 file in 31 ms: ...`)
/// replaced by `<elapsed>`, the one part of it that changes from run to run.
fn without_timing(text: &str) -> String {
    text.lines()
        .map(|line| {
            if let Some(rest) = line.strip_prefix("Checked ")
                && let Some((files, after_in)) = rest.split_once(" in ")
                && let Some((millis, summary)) = after_in.split_once(" ms: ")
                && !millis.is_empty()
                && millis.bytes().all(|b| b.is_ascii_digit())
            {
                format!("Checked {files} in <elapsed> ms: {summary}\n")
            } else {
                format!("{line}\n")
            }
        })
        .collect()
}

/// The JSON report of one file: its diagnostics.
fn json_diagnostics(output: &Output) -> Result<Vec<Value>, String> {
    let report: Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("the JSON output does not parse: {e}"))?;
    let files = report["files"]
        .as_array()
        .ok_or("the JSON output has no `files` list")?;
    let [file] = files.as_slice() else {
        return Err(format!(
            "expected one file in the report, found {}",
            files.len()
        ));
    };
    file["diagnostics"]
        .as_array()
        .cloned()
        .ok_or_else(|| "the file has no `diagnostics` list".to_string())
}

#[test]
fn every_rule_has_exactly_one_example_and_every_example_a_rule() {
    let examples = examples();
    let mut problems = Vec::new();
    for rule in ALL {
        let expected = format!("{}-{}.yaml", rule.code, rule.name);
        let found: Vec<&str> = examples
            .iter()
            .filter(|e| e.code == rule.code)
            .map(|e| e.file_name.as_str())
            .collect();
        if WITHOUT_EXAMPLE.contains(&rule.code) {
            if !found.is_empty() {
                problems.push(format!(
                    "{} has no known input but has {found:?}",
                    rule.code
                ));
            }
        } else if found != [expected.as_str()] {
            problems.push(format!(
                "{}: expected {expected}, found {found:?}",
                rule.code
            ));
        }
    }
    for example in &examples {
        if rules::find(&example.code).is_none_or(|r| r.code != example.code) {
            problems.push(format!("{}: no rule {}", example.file_name, example.code));
        }
        let bytes = std::fs::read(root().join(&example.path)).expect("read example");
        // The comment lines are ASCII even in the Latin-1 example.
        let mut lines = bytes.split(|&b| b == b'\n');
        if lines.next() != Some(SCHEMA_LINE.as_bytes()) {
            problems.push(format!(
                "{}: first line is not `{SCHEMA_LINE}`",
                example.file_name
            ));
        }
        if !lines
            .next()
            .is_some_and(|l| l.starts_with(b"# ") && l.len() > 2)
        {
            problems.push(format!(
                "{}: second line is not a comment saying what is wrong",
                example.file_name
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Checks exit codes and the JSON report of one example; `Err` describes what is wrong.
fn check_example(example: &Example) -> Result<(), String> {
    let rule = rules::find(&example.code).ok_or("not a rule code")?;
    let output = check(&["--format", "json", &example.path]);
    let diagnostics = json_diagnostics(&output)?;
    let codes: Vec<&str> = diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("?"))
        .collect();
    if codes != [rule.code] {
        return Err(format!(
            "expected exactly one {}, found {codes:?}",
            rule.code
        ));
    }
    let d = &diagnostics[0];
    if d["rule"] != rule.name {
        return Err(format!("rule name {} instead of {}", d["rule"], rule.name));
    }
    let severity = rule.severity.as_str();
    if d["severity"] != severity {
        return Err(format!("severity {} instead of {severity}", d["severity"]));
    }
    let exit = |output: &Output| output.status.code();
    match rule.severity {
        Severity::Error => {
            if exit(&output) != Some(1) {
                return Err(format!(
                    "an error must exit with 1, got {:?}",
                    exit(&output)
                ));
            }
        }
        Severity::Warning => {
            if exit(&output) != Some(0) {
                return Err(format!(
                    "a warning must exit with 0 by default, got {:?}",
                    exit(&output)
                ));
            }
            let strict = check(&["--format", "json", "--fail-on", "warning", &example.path]);
            if exit(&strict) != Some(1) {
                return Err(format!(
                    "a warning must exit with 1 under --fail-on warning, got {:?}",
                    exit(&strict)
                ));
            }
        }
    }
    Ok(())
}

#[test]
fn each_example_reports_exactly_its_own_rule_once() {
    let problems: Vec<String> = examples()
        .iter()
        .filter_map(|e| {
            check_example(e)
                .err()
                .map(|p| format!("{}: {p}", e.file_name))
        })
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn example_output_matches_the_snapshots() {
    for example in examples() {
        let code = &example.code;
        // An example that reports the wrong findings fails the test above; a snapshot of that
        // output would only record the mistake.
        if let Err(problem) = check_example(&example) {
            eprintln!("not snapshotting {}: {problem}", example.file_name);
            continue;
        }
        let human = check(&["--format", "human", &example.path]);
        insta::assert_snapshot!(format!("{code}-human"), without_timing(&stdout(&human)));
        let json = check(&["--format", "json", &example.path]);
        insta::assert_snapshot!(format!("{code}-json"), stdout(&json));
    }
}

#[test]
fn the_minimal_valid_plan_has_no_findings() {
    let human = check(&["--format", "human", "--fail-on", "warning", VALID_PLAN]);
    assert_eq!(human.status.code(), Some(0), "{}", stdout(&human));
    assert_eq!(
        without_timing(&stdout(&human)),
        "Checked 1 file in <elapsed> ms: no problems found.\n"
    );
    let json = check(&["--format", "json", "--fail-on", "warning", VALID_PLAN]);
    assert_eq!(json.status.code(), Some(0));
    let diagnostics = json_diagnostics(&json).expect("a JSON report");
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    let bytes = std::fs::read(root().join(VALID_PLAN)).expect("read the valid plan");
    assert!(bytes.starts_with(SCHEMA_LINE.as_bytes()));
}

/// Every plan in `examples/valid/`, the minimal one and one per part of format 1.1, passes
/// without findings and names the schema on its first line.
#[test]
fn every_valid_example_has_no_findings() {
    let dir = root().join("examples/valid");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("examples/valid")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            Path::new(n)
                .extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case("yaml"))
        })
        .collect();
    names.sort();
    assert!(names.len() > 1, "{names:?}");
    for name in names {
        let path = format!("examples/valid/{name}");
        let output = check(&["--format", "human", "--fail-on", "warning", &path]);
        assert_eq!(output.status.code(), Some(0), "{path}: {}", stdout(&output));
        let text = std::fs::read_to_string(root().join(&path)).expect("read");
        assert!(text.starts_with(SCHEMA_LINE), "{path}");
    }
}

/// The typed model reads the format 1.1 parts of the seed plans and the valid examples, and
/// the meaning helpers in `plan::domain` answer from them.
#[test]
fn the_typed_model_reads_the_format_1_1_parts() {
    use regioplan::plan::raw::{ConditionKind, Date, Domain, MandateBase};
    let read = |path: &str| {
        let bytes = std::fs::read(root().join(path)).expect("read");
        regioplan::load::load(path, &bytes)
            .plan
            .unwrap_or_else(|| panic!("{path}: no plan"))
    };

    let aha = read("plans/amsterdam-aha.yaml");
    assert_eq!(aha.region.started.value, Date::Year(2020));
    // "All 500 huisartsen convinced of a regional network organisation" is not a mandate.
    assert_eq!(aha.mandate_share(MandateBase::Gps), None);
    assert!(aha.building_blocks.iter().all(|b| b.illustrative));
    assert_eq!(aha.priorities[0].year.value, 2021);
    assert!(regioplan::judge::domains::other_domains(&aha).contains(&Domain::SocialDomain));

    let rijnmond = read("plans/rijnmond-dokters.yaml");
    assert_eq!(rijnmond.region.started.value, Date::Month(2022, 1));
    // 95% of the practices joined: a key figure, not a mandate.
    assert_eq!(rijnmond.mandate_share(MandateBase::Practices), None);
    assert_eq!(rijnmond.mandate_share(MandateBase::Gps), None);
    assert_eq!(
        rijnmond
            .region
            .key_figures
            .practices_joined_pct
            .as_ref()
            .map(|p| p.value),
        Some(95.0)
    );
    assert!(rijnmond.region.legal_form.is_none());
    let merged = rijnmond
        .organisations
        .iter()
        .find(|o| o.merged_into.is_some())
        .expect("the 14 zorggroepen");
    assert_eq!(merged.count.as_ref().map(|c| c.value), Some(14));

    let amstelland = read("plans/amstelland-zorg.yaml");
    // The seed gives no end to the meerjarenplan: the period is illustrative.
    assert!(amstelland.period.illustrative);
    assert_eq!(
        amstelland.region.partial_municipalities[0]
            .municipality
            .value,
        "Ouder-Amstel"
    );
    assert_eq!(
        regioplan::judge::domains::other_domains(&amstelland),
        [
            Domain::Hospital,
            Domain::Vvt,
            Domain::Welfare,
            Domain::Municipality
        ]
    );
    let director = &amstelland.people[0];
    assert_eq!(
        director.since.as_ref().map(|d| &d.value),
        Some(&Date::Month(2020, 8))
    );
    assert_eq!(director.roles.len(), 1);

    let contract = &read("examples/valid/contract-conditions.yaml").contracts[0];
    assert_eq!(contract.conditions.len(), 6);
    assert!(
        contract
            .conditions
            .iter()
            .all(|c| c.missing_parameters().is_empty())
    );
    assert_eq!(
        contract.conditions[1].kind.value,
        ConditionKind::MinMandateShare
    );
    assert_eq!(contract.result_agreements[0].goals[0].value.0, "ggz-1");
}

/// Words that are the same in Dutch and English, so a Dutch text made only of them and of
/// codes, ids and values may equal the English one (none yet: every message has a sentence).
const SAME_IN_BOTH: &[&str] = &[];

/// English words that give away an untranslated Dutch text. Each is checked as a whole word
/// outside backticks, so that Dutch words containing them (`thema`, `datum`) and codes do not
/// count.
const TELL_TALE_ENGLISH: &[&str] = &[
    "the",
    "and",
    "has",
    "are",
    "not",
    "should",
    "must",
    "which",
    "with",
    "does",
    "goal",
    "theme",
    "unknown",
    "missing",
    "expected",
    "found",
    "line",
    "suppress",
    "suppression",
    "write",
    "than",
    "before",
    "after",
    "did",
    "you",
    "mean",
    "listed",
    "under",
    "here",
    "name",
];

/// What is wrong with a Dutch text beside its English one, if anything.
fn untranslated(what: &str, en: &str, nl: &str) -> Option<String> {
    if nl.trim().is_empty() {
        return Some(format!("{what}: the Dutch text is empty"));
    }
    if en == nl && !SAME_IN_BOTH.contains(&nl) {
        return Some(format!("{what}: the Dutch text is the English one: {nl}"));
    }
    // Code, ids and values in backticks are the same in both languages.
    let prose: String = nl.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    let words: Vec<String> = prose
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(str::to_lowercase)
        .collect();
    TELL_TALE_ENGLISH
        .iter()
        .find(|w| words.iter().any(|x| x == *w))
        .map(|w| format!("{what}: the Dutch text has the English word `{w}`: {nl}"))
}

#[test]
fn every_example_speaks_dutch_with_lang_nl() {
    let mut problems = Vec::new();
    for example in examples() {
        let json = |lang: &str| {
            let output = check(&["--format", "json", "--lang", lang, &example.path]);
            json_diagnostics(&output)
        };
        let (Ok(en), Ok(nl)) = (json("en"), json("nl")) else {
            problems.push(format!("{}: no JSON report", example.file_name));
            continue;
        };
        if en.is_empty() || en.len() != nl.len() {
            problems.push(format!(
                "{}: {} findings in English, {} in Dutch",
                example.file_name,
                en.len(),
                nl.len()
            ));
            continue;
        }
        for (e, n) in en.iter().zip(&nl) {
            let code = e["code"].as_str().unwrap_or("?");
            // Every finding has a message and a help; a label where it marks a place.
            for field in ["message", "label", "help"] {
                let what = format!("{} {code} {field}", example.file_name);
                match (e[field].as_str(), n[field].as_str()) {
                    (Some(te), Some(tn)) => problems.extend(untranslated(&what, te, tn)),
                    (None, None) if field == "label" => {}
                    _ => problems.push(format!("{what}: missing in a language")),
                }
            }
            let list = |d: &Value, key: &str| d[key].as_array().cloned().unwrap_or_default();
            for key in ["related", "fixes"] {
                for (i, (re, rn)) in list(e, key).iter().zip(&list(n, key)).enumerate() {
                    if let (Some(te), Some(tn)) = (re["message"].as_str(), rn["message"].as_str()) {
                        let what = format!("{} {code} {key} {i}", example.file_name);
                        problems.extend(untranslated(&what, te, tn));
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Dutch human output with the run time (`1 bestand gecontroleerd in 31 ms: ...`) masked.
fn without_timing_nl(text: &str) -> String {
    text.lines()
        .map(|line| match line.split_once(" gecontroleerd in ") {
            Some((files, rest)) => match rest.split_once(" ms: ") {
                Some((millis, summary)) if millis.bytes().all(|b| b.is_ascii_digit()) => {
                    format!("{files} gecontroleerd in <elapsed> ms: {summary}\n")
                }
                _ => format!("{line}\n"),
            },
            None => format!("{line}\n"),
        })
        .collect()
}

#[test]
fn dutch_example_output_matches_the_snapshots() {
    for example in examples() {
        if check_example(&example).is_err() {
            continue;
        }
        let human = check(&["--format", "human", "--lang", "nl", &example.path]);
        insta::assert_snapshot!(
            format!("{}-human-nl", example.code),
            without_timing_nl(&stdout(&human))
        );
    }
}
