//! Robustness: every input of the YAML Test Suite gets a clear answer (a syntax error or plan
//! findings, with a position) and never a crash or a hang. None of them is a regioplan.
//!
//! The suite's data is not in this repository: it is read from `../shared/corpora/yaml-test-suite`
//! beside the clone (or from `REGIOPLAN_YAML_TEST_SUITE`), a cut-down copy of the `data` branch of
//! github.com/yaml/yaml-test-suite with one `in.yaml` per test and an `error` file beside each
//! invalid one. `.ci/run` runs it.
//!
//! `report` and `gaps` get the same inputs through the binary: each answers within a bounded
//! time, never panics, and exits 0, 1 or 2.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

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

/// Every `in.yaml` of the suite, sorted.
fn corpus_inputs() -> Vec<PathBuf> {
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
    files
}

/// The longest a command may take on one input: generous for a loaded CI machine; every input
/// takes milliseconds.
const BOUND: Duration = Duration::from_secs(20);

/// Runs `regioplan ARGS FILE` and returns its exit code, or why it is not an answer: killed
/// after [`BOUND`], ended by a signal, or a panic.
fn answer(args: &[&str], file: &Path) -> Result<i32, String> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .args(args)
        .arg(file)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run: {e}"))?;
    // Read what it says on a thread, so that a long message cannot fill the pipe and stall it.
    let mut pipe = child.stderr.take().ok_or("no stderr")?;
    let said = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = pipe.read_to_string(&mut text);
        text
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if started.elapsed() > BOUND {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("no answer within {BOUND:?}"));
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let stderr = said.join().unwrap_or_default();
    match status.code() {
        Some(code @ 0..=2) if !stderr.contains("panicked") => Ok(code),
        Some(code) => Err(format!("exit code {code}: {stderr}")),
        None => Err(format!("ended by a signal: {stderr}")),
    }
}

/// `report` and `gaps` answer every input of the suite (most are not plans: exit 2 with a
/// located error), within a bounded time, without a panic.
#[test]
#[ignore = "needs ../shared/corpora/yaml-test-suite beside the clone; run by .ci/run"]
fn report_and_gaps_answer_every_yaml_test_suite_input() {
    let files = corpus_inputs();
    let mut failures = Vec::new();
    let mut codes = std::collections::BTreeMap::new();
    for file in &files {
        for args in [
            &["report", "--as-of", "2026-11-22"][..],
            &["gaps", "--as-of", "2026-11-22"][..],
        ] {
            match answer(args, file) {
                Ok(code) => *codes.entry((args[0], code)).or_insert(0) += 1,
                Err(why) => failures.push(format!("{} {}: {why}", args[0], file.display())),
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    // Every input got an answer from both commands.
    assert_eq!(codes.values().sum::<usize>(), 2 * files.len(), "{codes:?}");
}

#[test]
#[ignore = "needs ../shared/corpora/yaml-test-suite beside the clone; run by .ci/run"]
fn every_yaml_test_suite_input_gets_findings_and_never_a_crash() {
    let files = corpus_inputs();
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
