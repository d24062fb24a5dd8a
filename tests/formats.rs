//! Every output format of `check`, on the seed plans and the rule examples: SARIF against the
//! official SARIF 2.1.0 schema (`tests/fixtures/`), JUnit against the Jenkins JUnit XSD, and a
//! reviewed snapshot of each format on one example.
//!
//! Plain `cargo test` validates the SARIF with the `jsonschema` crate. The independent
//! validators (check-jsonschema and xmlschema, from `scripts/install-test-tools.sh`) run in the
//! ignored tests, which `.ci/run` includes with `target/ci-venv/bin` first on `PATH`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn regioplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env_remove("COLUMNS")
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_ACTIONS")
        .output()
        .expect("the binary runs")
}

fn text(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Writes a format's report on the seed plans and every rule example to a temporary file.
fn report(format: &str, dir: &Path) -> PathBuf {
    let file = dir.join(format!("report.{format}"));
    let output = regioplan(&[
        "check",
        "--as-of",
        "2026-11-22",
        "--format",
        format,
        "--output-file",
        &file.display().to_string(),
        "plans/",
        "examples/invalid/",
    ]);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stdout.is_empty(),
        "--output-file must leave stdout empty"
    );
    file
}

fn tool_missing(what: &str) -> ! {
    panic!(
        "{what} is missing: run `bash scripts/install-test-tools.sh` once, then \
         `PATH=\"$PWD/target/ci-venv/bin:$PATH\" cargo test -- --include-ignored` (or `bash .ci/run`)"
    );
}

fn sarif_schema_path() -> PathBuf {
    root().join("tests/fixtures/sarif-schema-2.1.0.json")
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sarif = report("sarif", dir.path());
    let schema: serde_json::Value = serde_json::from_slice(
        &std::fs::read(sarif_schema_path()).expect("the SARIF schema is in tests/fixtures"),
    )
    .expect("schema");
    let log: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&sarif).expect("report")).expect("SARIF is JSON");

    // The jsonschema crate, with the schema's own draft (4).
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    // Every rule is described and every result points at a rule and a region.
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert_eq!(rules.len(), regioplan::rules::ALL.len());
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert!(results.len() >= 40, "{} results", results.len());
    for r in results {
        let index = usize::try_from(r["ruleIndex"].as_u64().expect("ruleIndex")).expect("index");
        assert_eq!(rules[index]["id"], r["ruleId"]);
        assert!(
            r["locations"][0]["physicalLocation"]["region"]["startLine"]
                .as_u64()
                .is_some()
        );
    }
}

/// The schema file and the validator are not the ones that wrote the SARIF: a broken log
/// must be refused, or the test above proves nothing.
#[test]
fn the_sarif_schema_refuses_a_broken_log() {
    let schema: serde_json::Value = serde_json::from_slice(
        &std::fs::read(sarif_schema_path()).expect("the SARIF schema is in tests/fixtures"),
    )
    .expect("schema");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let broken = serde_json::json!({
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "regioplan"}},
                  "results": [{"message": {"text": "x"}, "level": "fatal"}]}]
    });
    assert!(!validator.is_valid(&broken), "level `fatal` is not SARIF");
}

/// The same SARIF through check-jsonschema (Python), independent of the Rust validator.
#[test]
#[ignore = "needs check-jsonschema; run by .ci/run"]
fn sarif_validates_with_check_jsonschema() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sarif = report("sarif", dir.path());
    let status = Command::new("check-jsonschema")
        .arg("--schemafile")
        .arg(sarif_schema_path())
        .arg(&sarif)
        .output()
        .unwrap_or_else(|_| tool_missing("check-jsonschema"));
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stdout)
    );
}

#[test]
#[ignore = "needs xmlschema (Python) and target/test-tools/jenkins-junit.xsd; run by .ci/run"]
fn junit_validates_against_the_jenkins_xsd() {
    let dir = tempfile::tempdir().expect("tempdir");
    let xml = report("junit", dir.path());
    let xsd = root().join("target/test-tools/jenkins-junit.xsd");
    if !xsd.exists() {
        tool_missing("target/test-tools/jenkins-junit.xsd");
    }
    let output = Command::new("python3")
        .arg("-c")
        .arg("import sys, xmlschema; xmlschema.validate(sys.argv[1], sys.argv[2])")
        .arg(&xml)
        .arg(&xsd)
        .output()
        .expect("python3 runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    if stderr.contains("No module named 'xmlschema'") {
        tool_missing("the Python package xmlschema");
    }
    assert!(output.status.success(), "{stderr}");
}

#[test]
fn github_is_the_default_format_under_github_actions() {
    let output = Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .args([
            "check",
            "--as-of",
            "2026-11-22",
            "examples/invalid/RP102-unknown-person.yaml",
        ])
        .current_dir(root())
        .env("GITHUB_ACTIONS", "true")
        .output()
        .expect("runs");
    assert!(
        text(&output).starts_with("::error file=examples/invalid/RP102-unknown-person.yaml,line="),
        "{}",
        text(&output)
    );
}

#[test]
fn output_file_is_written_whole_and_replaces_an_old_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("out.json");
    std::fs::write(&file, "old").expect("write");
    let output = regioplan(&[
        "check",
        "--format",
        "json",
        "--output-file",
        &file.display().to_string(),
        "plans/",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).expect("read")).expect("json");
    assert_eq!(json["summary"]["files"], 3);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .flatten()
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary files left behind");
}

#[test]
fn output_file_in_a_missing_directory_is_an_error() {
    let output = regioplan(&[
        "check",
        "--output-file",
        "/nonexistent-dir/x.json",
        "plans/",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot write"));
}

/// One example with a secondary label and a help line, in every format.
#[test]
fn every_format_snapshot() {
    let example = "examples/invalid/RP101-duplicate-id.yaml";
    for format in [
        "human", "concise", "json", "sarif", "github", "gitlab", "junit",
    ] {
        let output = regioplan(&[
            "check",
            "--as-of",
            "2026-11-22",
            "--format",
            format,
            example,
        ]);
        assert_eq!(output.status.code(), Some(1), "{format}");
        let mut shown = text(&output);
        if format == "human" {
            shown = strip_timing(&shown);
        }
        if format == "junit" {
            shown = shown.replace(&time_attribute(&shown), "time=\"0.000\"");
        }
        insta::assert_snapshot!(format!("format-{format}"), shown);
    }
}

fn strip_timing(text: &str) -> String {
    text.lines()
        .map(|l| match (l.find(" in "), l.find(" ms:")) {
            (Some(a), Some(b)) if l.starts_with("Checked ") && a < b => {
                format!("{}{}", &l[..a], &l[b + 3..])
            }
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

fn time_attribute(xml: &str) -> String {
    let start = xml.find("time=\"").expect("time attribute");
    let end = xml[start + 6..].find('"').expect("closing quote") + start + 7;
    xml[start..end].to_string()
}
