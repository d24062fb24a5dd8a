//! Robustness: every input of the YAML Test Suite gets a clear answer (a syntax error or plan
//! findings, with a position) and never a crash or a hang. None of them is a regioplan.
//!
//! The suite's data is not in this repository: it is read from `../shared/corpora/yaml-test-suite`
//! beside the clone (or from `REGIOPLAN_YAML_TEST_SUITE`), a cut-down copy of the `data` branch of
//! github.com/yaml/yaml-test-suite with one `in.yaml` per test and an `error` file beside each
//! invalid one. `.ci/run` runs it.

use std::path::{Path, PathBuf};

use regioplan::check::check_bytes;
use regioplan::config::Settings;
use regioplan::plan::catalogue::Catalogue;

fn inputs(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            inputs(&path, found);
        } else if path.file_name().is_some_and(|n| n == "in.yaml") {
            found.push(path);
        }
    }
}

#[test]
#[ignore = "needs ../shared/corpora/yaml-test-suite beside the clone; run by .ci/run"]
fn every_yaml_test_suite_input_gets_findings_and_never_a_crash() {
    let corpus = std::env::var_os("REGIOPLAN_YAML_TEST_SUITE").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/yaml-test-suite"),
        PathBuf::from,
    );
    assert!(
        corpus.is_dir(),
        "the YAML Test Suite is expected at {}",
        corpus.display()
    );
    let mut files = Vec::new();
    inputs(&corpus, &mut files);
    files.sort();
    assert!(files.len() >= 400, "found only {} inputs", files.len());
    let settings = Settings::defaults(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date"));
    let catalogue = Catalogue::built_in();
    let mut invalid_accepted = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).expect("read");
        let result = check_bytes(&file.display().to_string(), &bytes, &settings, &catalogue);
        // None of these is a plan, so every one must be reported, each with a real position.
        assert!(
            !result.diagnostics.is_empty(),
            "{} passed as a plan",
            file.display()
        );
        for d in &result.diagnostics {
            assert!(
                d.primary.span.start <= result.source.text.len(),
                "{}: span past the end",
                file.display()
            );
        }
        let must_fail = file.parent().is_some_and(|d| d.join("error").exists());
        let syntax = result
            .diagnostics
            .iter()
            .any(|d| matches!(d.code, "RP002" | "RP003" | "RP005"));
        // serde-saphyr deliberately accepts 9C9N (flow sequence lines indented less than the
        // key), as PyYAML and ruamel.yaml do; its README says so. regioplan inherits that.
        let relaxed = file.components().any(|c| c.as_os_str() == "9C9N");
        if must_fail && !syntax && !relaxed {
            invalid_accepted.push(file.display().to_string());
        }
    }
    assert!(
        invalid_accepted.is_empty(),
        "invalid YAML accepted: {invalid_accepted:#?}"
    );
}
