//! regioplan.toml, severity control and inline suppressions, end to end.

use std::path::Path;
use std::process::{Command, Output};

fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_ACTIONS")
        .output()
        .expect("runs")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A plan with one warning (RP301: theme without trekker) and one error (RP102).
const PLAN: &str = "regioplan: 1
region:
  name: Testregio
  municipalities: [Amstelveen]
  started: 2020-03-01
  governance_model: multidisciplinary
period:
  start: 2021-01-01
  end: 2024-12-31
people:
  - id: a.bakker
    name: Anna Bakker
governance:
  - id: ab
    name: Algemeen bestuur
    kind: algemeen_bestuur
workgroups:
  - id: wg
    name: Werkgroep
themes:
  - id: ggz
    name: GGZ
    strategic: regional
    workgroup: wg
    board_contact: a.bakkr
";

fn repo(config: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("plans/concepten")).expect("mkdir");
    std::fs::write(dir.path().join("plans/plan.yaml"), PLAN).expect("write");
    std::fs::write(dir.path().join("plans/concepten/plan.yaml"), PLAN).expect("write");
    if let Some(config) = config {
        std::fs::write(dir.path().join("regioplan.toml"), config).expect("write");
    }
    dir
}

fn codes(o: &Output) -> Vec<String> {
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    json["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().cloned().unwrap_or_default())
        .map(|d| {
            format!(
                "{}:{}",
                d["code"].as_str().unwrap_or_default(),
                d["severity"].as_str().unwrap_or_default()
            )
        })
        .collect()
}

#[test]
fn without_configuration_both_findings_are_reported() {
    let dir = repo(None);
    let o = run_in(
        dir.path(),
        &["check", "--format", "json", "plans/plan.yaml"],
    );
    assert_eq!(codes(&o), ["RP301:warning", "RP102:error"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn the_configuration_is_found_from_a_subdirectory_and_applies_severities_and_overrides() {
    let dir = repo(Some(
        "fail-on = \"warning\"\n[severity]\nRP102 = \"warning\"\n\n[[overrides]]\npaths = [\"plans/concepten/**\"]\nignore = [\"RP3\"]\n",
    ));
    let plans = dir.path().join("plans");
    let o = run_in(
        &plans,
        &[
            "check",
            "--format",
            "json",
            "plan.yaml",
            "concepten/plan.yaml",
        ],
    );
    assert_eq!(
        codes(&o),
        ["RP301:warning", "RP102:warning", "RP102:warning"]
    );
    assert_eq!(o.status.code(), Some(1), "fail-on = warning");
}

#[test]
fn command_line_flags_win_over_the_file() {
    let dir = repo(Some("fail-on = \"warning\"\nignore = [\"RP102\"]\n"));
    let o = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--fail-on",
            "error",
            "--select",
            "RP3",
            "plans/plan.yaml",
        ],
    );
    assert_eq!(codes(&o), ["RP301:warning"]);
    assert_eq!(o.status.code(), Some(0));
    let ignored = run_in(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--format",
            "json",
            "plans/plan.yaml",
        ],
    );
    assert_eq!(codes(&ignored).len(), 2, "--no-config ignores the file");
}

#[test]
fn a_misspelt_configuration_key_gets_a_precise_suggestion_and_exit_2() {
    let dir = repo(Some("fail-on = \"error\"\nignor = [\"RP3\"]\n"));
    let o = run_in(dir.path(), &["check", "plans/"]);
    assert_eq!(o.status.code(), Some(2));
    let text = err(&o);
    assert!(text.contains("error[RP010]: unknown key `ignor`"), "{text}");
    assert!(text.contains("regioplan.toml:2:1"), "{text}");
    assert!(text.contains("did you mean `ignore`?"), "{text}");
}

#[test]
fn an_unknown_rule_code_in_the_configuration_is_a_warning_and_the_check_goes_on() {
    let dir = repo(Some("ignore = [\"RP1022\"]\n"));
    let o = run_in(dir.path(), &["check", "plans/"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "the plans' own RP102 still fails the run"
    );
    assert!(out(&o).contains("error[RP102]"), "{}", out(&o));
    assert!(err(&o).contains("warning[RP903]"), "{}", err(&o));
    assert!(
        err(&o).contains("`RP1022` is not the code of a rule, nor the start of one"),
        "{}",
        err(&o)
    );
    assert!(err(&o).contains("did you mean `RP102`?"), "{}", err(&o));
}

#[test]
fn config_shows_each_setting_with_its_origin() {
    let dir = repo(Some(
        "# settings\nfail-on = \"warning\"\n\n[[overrides]]\npaths = [\"plans/concepten/**\"]\nignore = [\"RP3\"]\n",
    ));
    let o = run_in(dir.path(), &["config", "plans/concepten/plan.yaml"]);
    assert_eq!(o.status.code(), Some(0));
    let text = out(&o);
    let line = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        line("fail-on").contains("warning") && line("fail-on").ends_with("regioplan.toml:2"),
        "{text}"
    );
    assert!(
        line("ignore").contains("\"RP3\"") && line("ignore").ends_with("regioplan.toml:6"),
        "{text}"
    );
    assert!(line("as-of").ends_with("# default"), "{text}");
}

#[test]
fn suppressions_silence_a_finding_and_report_their_own_problems() {
    let dir = repo(None);
    let plan = PLAN
        .replace(
            "  - id: ggz\n",
            "    # regioplan: ignore[RP301] trekker wordt in maart benoemd\n  - id: ggz\n",
        )
        .replace(
            "board_contact: a.bakkr",
            "board_contact: a.bakkr  # regioplan: ignore[RP102]",
        );
    std::fs::write(dir.path().join("plans/plan.yaml"), plan).expect("write");
    let o = run_in(
        dir.path(),
        &["check", "--format", "json", "plans/plan.yaml"],
    );
    assert_eq!(
        codes(&o),
        ["RP902:warning"],
        "the RP102 suppression has no reason"
    );
    assert_eq!(o.status.code(), Some(0));

    let unused = PLAN.replace(
        "    name: GGZ\n",
        "    name: GGZ  # regioplan: ignore[RP304] komt later\n",
    );
    std::fs::write(dir.path().join("plans/plan.yaml"), unused).expect("write");
    let o = run_in(
        dir.path(),
        &["check", "--format", "json", "plans/plan.yaml"],
    );
    assert!(
        codes(&o).contains(&"RP901:warning".to_string()),
        "{:?}",
        codes(&o)
    );
}

#[test]
fn completions_and_man_page_are_generated() {
    let dir = repo(None);
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let o = run_in(dir.path(), &["completions", shell]);
        assert_eq!(o.status.code(), Some(0), "{shell}");
        assert!(
            out(&o).contains("fail-on"),
            "{shell} completion lacks the check flags"
        );
    }
    let man = run_in(dir.path(), &["man"]);
    assert!(
        out(&man).starts_with(".ie"),
        "{}",
        &out(&man)[..40.min(out(&man).len())]
    );
    assert!(out(&man).contains(".TH regioplan"));
}

#[test]
fn many_files_come_out_in_a_stable_sorted_order() {
    let dir = repo(None);
    for i in 0..12 {
        std::fs::write(dir.path().join(format!("plans/p{i:02}.yaml")), PLAN).expect("write");
    }
    let first = run_in(dir.path(), &["check", "--format", "json", "plans/"]);
    let json: serde_json::Value = serde_json::from_slice(&first.stdout).expect("json");
    let names: Vec<&str> = json["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted);
    assert_eq!(names.len(), 14);
    let second = run_in(dir.path(), &["check", "--format", "json", "plans/"]);
    assert_eq!(first.stdout, second.stdout);
}

#[test]
fn exclude_leaves_files_out_of_a_directory_check_but_not_when_named() {
    let dir = repo(Some("exclude = [\"plans/concepten/**\"]\n"));
    let o = run_in(dir.path(), &["check", "--format", "json", "."]);
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let files: Vec<&str> = json["files"]
        .as_array()
        .expect("files")
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert_eq!(files, ["./plans/plan.yaml"], "{}", out(&o));
    // Named on the command line, an excluded file is checked.
    let named = run_in(
        dir.path(),
        &["check", "--format", "json", "plans/concepten/plan.yaml"],
    );
    assert_eq!(codes(&named).len(), 2, "{}", out(&named));
    // Excluding everything leaves nothing to check: an error, not a silent pass.
    let dir = repo(Some("exclude = [\"plans/**\"]\n"));
    let o = run_in(dir.path(), &["check", "plans/"]);
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(err(&o).contains("`exclude`"), "{}", err(&o));
}

#[test]
fn an_invalid_exclude_glob_is_reported_at_its_position() {
    let dir = repo(Some("exclude = [\"plans/[\"]\n"));
    let o = run_in(dir.path(), &["check", "plans/"]);
    assert_eq!(o.status.code(), Some(2));
    let text = err(&o);
    assert!(text.contains("is not a valid file pattern"), "{text}");
    assert!(text.contains("regioplan.toml:1:12"), "{text}");
}
