//! End-to-end tests of `regioplan diff`: two files in every format, an unchanged plan, a side
//! that does not load, and `REV:PATH` read from a temporary git repository.

use std::path::Path;
use std::process::{Command, Output};

const OLD: &str = "regioplan: 1
region:
  name: Amsterdamse huisartsenalliantie
  municipalities: [Amsterdam]
  started: 2020-03-01
  governance_model: multidisciplinary
period:
  start: 2022-01-01
  end: 2025-12-31
people:
  - id: f.francke
    name: F. Francke
  - id: j.devries
    name: J. de Vries
  - id: m.el-amrani
    name: M. El Amrani
governance:
  - id: db
    name: Dagelijks bestuur
    kind: dagelijks_bestuur
    members:
      - person: f.francke
        role: chair
      - person: j.devries
themes:
  - id: ggz
    name: GGZ
    strategic: regional
    trekker: j.devries
    board_contact: f.francke
    goals:
      - id: ggz.poh
        title: POH-GGZ jeugd in elke praktijk
        owner: j.devries
        status: planned
        deadline: 2024-12-31
        indicator:
          name: praktijken met POH-GGZ jeugd
          unit: '%'
          target: 80
          direction: increase
        measurements:
          - date: 2023-01-01
            value: 40
      - id: ggz.wachttijd
        title: Wachttijd korter
        status: in_progress
";

/// `OLD` with a renamed theme, a new trekker, a status change, a moved deadline, a new
/// measurement, a title with a pipe, a removed and an added goal and a new board member.
fn new_plan() -> String {
    OLD.replace("name: GGZ\n", "name: Mentale gezondheid\n")
        .replace("trekker: j.devries", "trekker: m.el-amrani")
        .replace("status: planned", "status: at_risk")
        .replace("deadline: 2024-12-31", "deadline: 2025-06-30")
        .replace(
            "title: POH-GGZ jeugd in elke praktijk",
            "title: POH-GGZ | jeugd in elke praktijk",
        )
        .replace(
            "            value: 40\n",
            "            value: 40\n          - date: 2024-01-01\n            value: 58\n",
        )
        .replace(
            "      - id: ggz.wachttijd\n        title: Wachttijd korter\n        status: in_progress\n",
            "      - id: ggz.consultatie\n        title: Consultatie in de wijk\n        status: planned\n",
        )
        .replace(
            "      - person: j.devries\n",
            "      - person: j.devries\n      - person: m.el-amrani\n        role: secretary\n",
        )
}

fn regioplan(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A temporary directory with `old.yaml` and `new.yaml`.
fn two_versions() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("old.yaml"), OLD).expect("write old");
    std::fs::write(dir.path().join("new.yaml"), new_plan()).expect("write new");
    dir
}

#[test]
fn markdown_lists_each_change_in_a_table() {
    let dir = two_versions();
    let output = regioplan(
        dir.path(),
        &["diff", "old.yaml", "new.yaml", "--format", "markdown"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    for expected in [
        "## Plan changes",
        "`old.yaml` → `new.yaml`: 9 changes (themes 1, goals 5, roles 1, measurements 1, \
         memberships 1).",
        "### Themes",
        "| Theme | Change | Old | New |",
        "| --- | --- | --- | --- |",
        "| ggz | renamed | GGZ | Mentale gezondheid |",
        "| ggz.poh | ggz | renamed | POH-GGZ jeugd in elke praktijk | POH-GGZ \\| jeugd in elke \
         praktijk |",
        "| ggz.poh | ggz | status | planned | at_risk |",
        "| ggz.poh | ggz | deadline moved +181 days | 2024-12-31 | 2025-06-30 |",
        "| ggz.consultatie | ggz | added | — | Consultatie in de wijk |",
        "| ggz.wachttijd | ggz | removed | Wachttijd korter | — |",
        "| theme ggz | trekker | j.devries | m.el-amrani |",
        "| ggz.poh | 2024-01-01 | added | — | 58 % |",
        "| db | m.el-amrani | joined | — | secretary |",
    ] {
        assert!(lines.contains(&expected), "missing `{expected}` in\n{text}");
    }
}

#[test]
fn the_table_names_the_changes() {
    let dir = two_versions();
    let output = regioplan(dir.path(), &["diff", "old.yaml", "new.yaml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("Changes between old.yaml and new.yaml: 9 changes (themes 1,"),
        "{text}"
    );
    for expected in [
        "deadline moved +181 days",
        "Mentale gezondheid",
        "m.el-amrani",
        "Wachttijd korter",
    ] {
        assert!(text.contains(expected), "missing `{expected}` in\n{text}");
    }
}

#[test]
fn json_is_the_diff_as_data() {
    let dir = two_versions();
    let output = regioplan(
        dir.path(),
        &["diff", "old.yaml", "new.yaml", "--format", "json"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(json["old"], "old.yaml");
    assert_eq!(json["changes"], 9);
    assert_eq!(json["themes"][0]["change"], "renamed");
    assert_eq!(json["roles"][0]["role"], "trekker");
    assert_eq!(json["roles"][0]["new"], "m.el-amrani");
    let deadline = json["goals"]
        .as_array()
        .expect("goals")
        .iter()
        .find(|g| g["change"] == "deadline")
        .expect("a deadline change");
    assert_eq!(deadline["days"], 181);
    assert_eq!(json["measurements"][0]["new"], 58.0);
}

#[test]
fn an_unchanged_plan_says_so_and_exits_0() {
    let dir = two_versions();
    let output = regioplan(dir.path(), &["diff", "old.yaml", "old.yaml"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        "No changes by id between old.yaml and old.yaml.\n"
    );
}

#[test]
fn a_side_that_does_not_load_is_an_error_with_a_position() {
    let dir = two_versions();
    std::fs::write(dir.path().join("bad.yaml"), "regioplan: 1\nregion: [open\n").expect("write");
    let output = regioplan(dir.path(), &["diff", "old.yaml", "bad.yaml"]);
    assert_eq!(output.status.code(), Some(2));
    let text = stderr(&output);
    assert!(
        text.contains("the new plan `bad.yaml` does not load: 2:"),
        "{text}"
    );
}

#[test]
fn a_side_with_a_structural_finding_is_refused_not_diffed_without_its_broken_part() {
    let dir = two_versions();
    let misspelt = OLD.replace("    trekker: j.devries\n", "    trekkr: j.devries\n");
    assert_ne!(misspelt, OLD);
    std::fs::write(dir.path().join("typo.yaml"), misspelt).expect("write");
    let output = regioplan(dir.path(), &["diff", "old.yaml", "typo.yaml"]);
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert!(
        stderr(&output).contains("unknown key `trekkr`"),
        "{}",
        stderr(&output)
    );
}

fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .args(["-c", "user.email=test@example.org", "-c", "user.name=Test"])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
    assert!(output.status.success(), "git {args:?}: {}", stderr(&output));
}

#[test]
fn a_rev_and_path_is_read_with_git_show() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).expect("mkdir");
    std::fs::write(plans.join("aha.yaml"), OLD).expect("write");
    git(dir.path(), &["init", "--quiet"]);
    git(dir.path(), &["add", "plans/aha.yaml"]);
    git(dir.path(), &["commit", "--quiet", "-m", "plan"]);
    std::fs::write(plans.join("aha.yaml"), new_plan()).expect("write");

    let output = regioplan(
        dir.path(),
        &[
            "diff",
            "HEAD:plans/aha.yaml",
            "plans/aha.yaml",
            "--format",
            "markdown",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("`HEAD:plans/aha.yaml` → `plans/aha.yaml`: 9 changes"),
        "{text}"
    );
    assert!(
        text.contains("| theme ggz | trekker | j.devries | m.el-amrani |"),
        "{text}"
    );

    let missing = regioplan(
        dir.path(),
        &["diff", "HEAD:plans/gone.yaml", "plans/aha.yaml"],
    );
    assert_eq!(missing.status.code(), Some(2));
    let text = stderr(&missing);
    assert!(
        text.contains("cannot read the old plan `HEAD:plans/gone.yaml`"),
        "{text}"
    );
    assert!(text.contains("plans/gone.yaml"), "{text}");
}
