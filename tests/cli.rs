//! End-to-end tests of `regioplan check` on bad input: every case gets a clear message with
//! the documented exit code, never a panic.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn regioplan(args: &[&str]) -> Output {
    run_with_stdin(args, None)
}

fn run_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    if let Some(input) = stdin {
        // regioplan stops reading past `max-file-size`: the rest may meet a closed pipe.
        let _ = child.stdin.take().expect("stdin").write_all(input);
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().expect("the binary finishes")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write fixture");
    path.display().to_string()
}

/// Checks one file with these bytes: exit 1 and `needle` in the output.
fn assert_finding(name: &str, bytes: &[u8], needle: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), name, bytes);
    let output = regioplan(&["check", &file]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(stdout(&output).contains(needle), "{}", stdout(&output));
}

const MINIMAL: &str = "regioplan: 1
region:
  name: Testregio
  municipalities: [Amstelveen]
  started: 2020-03-01
  governance_model: multidisciplinary
period:
  start: 2021-01-01
  end: 2024-12-31
governance:
  - id: bestuur
    name: Bestuur
    kind: bestuur
";

#[test]
fn the_seed_plans_pass() {
    let output = regioplan(&["check", "plans/"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("Checked 3 files in ") && text.ends_with(" ms: no problems found.\n"),
        "{text}"
    );
}

#[test]
fn a_minimal_plan_passes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), "plan.yaml", MINIMAL.as_bytes());
    let output = regioplan(&["check", &file]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn malformed_yaml_is_a_finding_with_a_position() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(
        dir.path(),
        "bad.yaml",
        b"regioplan: 1\nregion: [unclosed\nperiod: x\n",
    );
    let output = regioplan(&["check", &file]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("error[RP002]"), "{text}");
    // At the `[` that is not closed, not at the next line where the parser gave up.
    assert!(text.contains("bad.yaml:2:9"), "{text}");
    assert!(text.contains("is not closed"), "{text}");
}

#[test]
fn wrong_types_are_all_reported_in_one_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = MINIMAL
        .replace("name: Testregio", "name: [Testregio]")
        // A whole year (`2021`) is a date since format 1.1; a decimal is not.
        .replace("start: 2021-01-01", "start: 2021.5");
    let file = write(dir.path(), "types.yaml", plan.as_bytes());
    let output = regioplan(&["check", "--format", "json", &file]);
    assert_eq!(output.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let diagnostics = json["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics");
    let codes: Vec<&str> = diagnostics
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert_eq!(codes, ["RP012", "RP012"], "{json:#}");
    assert_eq!(diagnostics[0]["path"], "/region/name");
    assert_eq!(diagnostics[0]["start"]["line"], 3);
    assert_eq!(diagnostics[1]["path"], "/period/start");
    assert_eq!(
        diagnostics[1]["message"],
        "`period.start` must be a date (YYYY-MM-DD, YYYY-MM or YYYY), found a decimal number"
    );
    assert_eq!(diagnostics[1]["start"]["line"], 8);
}

#[test]
fn an_empty_file_is_a_finding() {
    assert_finding("empty.yaml", b"", "error[RP004]: the file holds no plan");
}

#[test]
fn a_binary_file_is_a_finding_not_a_crash() {
    assert_finding(
        "image.yaml",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        "error[RP001]",
    );
}

#[test]
fn a_file_with_a_nul_byte_is_reported_as_binary() {
    assert_finding("nul.yaml", b"regioplan: 1\n\0\n", "looks binary");
}

#[test]
fn a_missing_path_is_an_error_with_exit_code_2() {
    let output = regioplan(&["check", "no/such/plan.yaml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("cannot read `no/such/plan.yaml`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_directory_without_plans_is_an_error_with_exit_code_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "notes.txt", b"not a plan");
    let output = regioplan(&["check", &dir.path().display().to_string()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no plan files"),
        "{}",
        stderr(&output)
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_error_with_exit_code_2() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), "locked.yaml", MINIMAL.as_bytes());
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&file).is_ok() {
        // Running as root: permissions do not stop reading. A directory in place of a file
        // is unreadable as a file for everyone.
        let sub = dir.path().join("dir.yaml");
        std::fs::create_dir(&sub).expect("mkdir");
        let output = regioplan(&["check", &sub.join("x.yaml").display().to_string()]);
        assert_eq!(output.status.code(), Some(2));
        return;
    }
    let output = regioplan(&["check", &file]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("cannot read"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let output = run_with_stdin(&["check", "-"], Some(b"regioplan: 1\nregio: x\n"));
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("<stdin>:2:1"), "{text}");
    assert!(text.contains("unknown key `regio`"), "{text}");
    assert!(text.contains("write `region`"), "{text}");
}

#[test]
fn deep_nesting_is_refused_without_a_stack_overflow() {
    let deep = format!(
        "regioplan: 1\nx: {}{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let output = run_with_stdin(&["check", "-"], Some(deep.as_bytes()));
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("error[RP006]"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn an_alias_bomb_is_refused() {
    let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..30 {
        let prev = i - 1;
        let aliases = vec![format!("*a{prev}"); 10].join(", ");
        bomb = format!("{bomb}a{i}: &a{i} [{aliases}]\n");
    }
    let output = run_with_stdin(&["check", "-"], Some(bomb.as_bytes()));
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("error[RP006]"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn an_oversized_file_is_refused() {
    let big = format!("regioplan: 1\n# {}\n", "x".repeat(5 * 1024 * 1024));
    let output = run_with_stdin(&["check", "-"], Some(big.as_bytes()));
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("more than the limit `max-file-size` of 4 MiB"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn an_unknown_format_is_a_usage_error() {
    let output = regioplan(&["check", "--format", "xml", "plans/"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn fail_on_controls_the_exit_code_for_warnings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = format!("{MINIMAL}themes:\n  - id: ggz\n    name: GGZ\n    strategic: regional\n");
    let file = write(dir.path(), "warn.yaml", plan.as_bytes());
    let by_default = regioplan(&["check", &file]);
    assert_eq!(by_default.status.code(), Some(0), "{}", stdout(&by_default));
    assert!(
        stdout(&by_default).contains("warning[RP301]"),
        "{}",
        stdout(&by_default)
    );
    let strict = regioplan(&["check", "--fail-on", "warning", &file]);
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn check_never_writes_to_the_plan_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let original = format!("{MINIMAL}bad: [\n");
    let file = write(dir.path(), "plan.yaml", original.as_bytes());
    let _ = regioplan(&["check", &file]);
    let _ = regioplan(&["check", "--format", "json", &file]);
    assert_eq!(std::fs::read_to_string(&file).expect("read back"), original);
}

#[test]
fn semantic_rules_still_check_the_sound_rest_of_a_broken_plan_without_cascades() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = format!(
        "{MINIMAL}people:
  - id: a.bakker
    name: Anna Bakker
workgroups:
  - id: wg
    name: Werkgroep
themes:
  - id: ggz
    name: GGZ
    strategic: regional
    trekkr: a.bakker
    workgroup: wg
    board_contact: a.bakker
    goals:
      - id: ggz-1
        title: [not, a, title]
        owner: a.bakker
        status: planned
        deadline: 2022-12-31
        indicator: {{name: n, unit: u, target: 1, direction: increase}}
  - id: ouderen
    name: Ouderenzorg
    strategic: regional
    trekker: b.jansen
    workgroup: wg
    board_contact: a.bakker
programmes:
  - id: kbz
    name: Krachtige Basiszorg
    kind: pilot
    start: 2021-01-01
    themes: [ggz]
    goals: [ggz-1]
"
    );
    let file = write(dir.path(), "plan.yaml", plan.as_bytes());
    let output = regioplan(&["check", "--format", "json", &file]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let found: Vec<String> = json["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            format!(
                "{}@{}",
                d["code"].as_str().unwrap_or_default(),
                d["start"]["line"]
            )
        })
        .collect();
    // The typo (RP010), the wrong type (RP012) and the unrelated unknown trekker (RP102) are all
    // reported; no "theme without trekker" for the typo and no "unknown goal" for the broken goal.
    assert_eq!(found, ["RP010@24", "RP012@29", "RP102@37"], "{json:#}");
}

#[test]
fn a_misspelt_required_key_is_one_finding_and_the_item_is_still_checked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = MINIMAL.replace("kind: bestuur", "kind: bestuurr")
        + "people:\n  - id: a.bakker\n    name: Anna Bakker\nworkgroups:\n  - di: wg\n    name: Werkgroep\nthemes:\n  - id: ggz\n    name: GGZ\n    strategc: regional\n    trekker: a.bakkr\n    workgroup: wg\n    board_contact: a.bakker\n";
    let file = write(dir.path(), "plan.yaml", plan.as_bytes());
    let output = regioplan(&["check", "--format", "json", &file]);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let found: Vec<(String, String)> = json["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["replacement"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    // The enum typo (documented variants), `di` for `id` and `strategc` for `strategic` are read
    // as what they resemble: no "missing key", no "unknown workgroup `wg`", and the theme's
    // unknown trekker is still found.
    let expected = [
        ("RP013", "bestuur"),
        ("RP010", "id"),
        ("RP010", "strategic"),
        ("RP102", "a.bakker"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(c, r)| ((*c).to_string(), (*r).to_string()))
        .collect();
    assert_eq!(found, expected, "{json:#}");
}

#[test]
fn a_tab_is_reported_where_it_is_with_what_to_do() {
    let output = run_with_stdin(
        &["check", "-"],
        Some(b"regioplan: 1\nregion:\n  name: X\n\tmunicipalities: [A]\n"),
    );
    let text = stdout(&output);
    assert!(
        text.contains("error[RP002]: a tab is used where YAML needs spaces"),
        "{text}"
    );
    assert!(text.contains("<stdin>:4:1"), "{text}");
    assert!(text.contains("replace the tab with spaces"), "{text}");
}

#[test]
fn a_rule_code_typo_on_the_command_line_is_a_usage_error_not_a_silent_pass() {
    for flag in ["--select", "--ignore"] {
        let output = regioplan(&["check", flag, "RP3O", "plans/"]);
        assert_eq!(output.status.code(), Some(2), "{flag}");
        assert!(stderr(&output).contains("`RP3O` in"), "{}", stderr(&output));
    }
}

const PRE_COMMIT: &[u8] =
    b"repos:\n  - repo: https://github.com/OWNER/regioplan\n    rev: v0.1.0\n    hooks:\n      - id: regioplan-check\n";

#[test]
fn a_directory_with_a_plan_and_a_pre_commit_config_checks_clean() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/valid/minimal.yaml"),
        dir.path().join("plan.yaml"),
    )
    .expect("copy");
    write(dir.path(), ".pre-commit-config.yaml", PRE_COMMIT);
    // A broken YAML file that is not a plan (a template) is skipped too.
    write(
        dir.path(),
        "chart.yaml",
        b"name: {{ .Values.name }\nkind: [\n",
    );
    let root = dir.path().display().to_string();
    for (format, needle) in [
        ("human", "Skipped 2 files that are not a regioplan: "),
        ("concise", "Skipped 2 files that are not a regioplan: "),
        ("github", "Skipped 2 files that are not a regioplan: "),
        ("json", "\"skipped\": ["),
    ] {
        let output = regioplan(&["check", "--as-of", "2026-11-22", "--format", format, &root]);
        let text = stdout(&output);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{format}: {text}{}",
            stderr(&output)
        );
        assert!(text.contains(needle), "{format}: {text}");
        assert!(text.contains(".pre-commit-config.yaml"), "{format}: {text}");
        assert!(text.contains("chart.yaml"), "{format}: {text}");
        assert!(!text.contains("RP0"), "{format}: {text}");
    }
    for format in ["sarif", "junit", "gitlab"] {
        let output = regioplan(&["check", "--as-of", "2026-11-22", "--format", format, &root]);
        assert_eq!(
            output.status.code(),
            Some(0),
            "{format}: {}",
            stdout(&output)
        );
    }
}

#[test]
fn a_yaml_file_named_on_the_command_line_that_is_not_a_plan_is_one_finding() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = write(dir.path(), ".pre-commit-config.yaml", PRE_COMMIT);
    let output = regioplan(&["check", "--format", "concise", &file]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert_eq!(text.matches("[RP").count(), 1, "{text}");
    assert!(
        text.contains(
            ".pre-commit-config.yaml:1:1: error[RP007] this YAML file is not a regioplan"
        ),
        "{text}"
    );
}

#[test]
fn a_broken_plan_in_a_directory_is_still_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(
        dir.path(),
        "plan.yaml",
        b"regioplan: 1\nregion: [unclosed\n",
    );
    let output = regioplan(&["check", &dir.path().display().to_string()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains("error[RP002]"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_directory_of_yaml_files_that_are_not_plans_is_an_error_naming_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), ".pre-commit-config.yaml", PRE_COMMIT);
    let output = regioplan(&["check", &dir.path().display().to_string()]);
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert!(text.contains("no plan files found"), "{text}");
    assert!(
        text.contains("Skipped 1 file that is not a regioplan: ")
            && text.contains(".pre-commit-config.yaml"),
        "{text}"
    );
}

#[test]
fn every_typical_yaml_mistake_is_reported_on_its_own_line_in_one_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut plan = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/valid/minimal.yaml"),
    )
    .expect("read");
    plan.push_str(
        "notes:\n  - title: GGZ: wachttijden\n  - place: 's-Hertogenbosch\n  - share: > 50%\n",
    );
    let file = write(dir.path(), "plan.yaml", plan.as_bytes());
    let output = regioplan(&["check", "--format", "concise", &file]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let lines = plan.lines().count();
    for (line, what) in [
        (lines - 2, "a colon inside a text"),
        (lines - 1, "starts with `'`"),
        (lines, "cannot start with `>`"),
    ] {
        assert!(
            text.lines()
                .any(|l| l.contains(&format!("plan.yaml:{line}:")) && l.contains(what)),
            "line {line}, {what}: {text}"
        );
    }
    assert_eq!(text.matches("[RP002]").count(), 3, "{text}");
}

/// `regioplan check ... | head -c 100`: the reader closes the pipe early; the run ends quietly
/// with the exit code the findings call for (1), not 0.
#[test]
fn a_closed_pipe_keeps_the_exit_code_of_the_findings() {
    use std::io::Read;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .args([
            "check",
            "--as-of",
            "2026-11-22",
            "--format",
            "sarif",
            "plans/",
            "examples/invalid/",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    let mut stdout = child.stdout.take().expect("stdout");
    // More than a pipe holds (the SARIF is over 100 KB), so the writer meets the closed end.
    let mut first = [0u8; 100];
    stdout
        .read_exact(&mut first)
        .expect("the start of the report");
    drop(stdout);
    let output = child.wait_with_output().expect("ends");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
