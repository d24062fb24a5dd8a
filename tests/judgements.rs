//! One judgement, several presenters (issue 16): `report`, `gaps` and the rules present the
//! judgements of `regioplan::judge` and must say the same thing. Each test runs the binary on
//! the seed plans (or a small plan) and compares what the presenters show.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const SEEDS: [&str; 3] = [
    "plans/amstelland-zorg.yaml",
    "plans/amsterdam-aha.yaml",
    "plans/rijnmond-dokters.yaml",
];

fn bin_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs")
}

fn bin(args: &[&str]) -> Output {
    bin_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn json(args: &[&str]) -> Value {
    let out = bin(args);
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

/// Every row of every table of a JSON report, as column id -> cell.
fn rows(report: &Value) -> Vec<serde_json::Map<String, Value>> {
    let mut all = Vec::new();
    for section in report["sections"].as_array().into_iter().flatten() {
        for block in section["blocks"].as_array().into_iter().flatten() {
            let Some(columns) = block["columns"].as_array() else {
                continue;
            };
            let ids: Vec<String> = columns
                .iter()
                .map(|c| c["id"].as_str().unwrap_or_default().to_string())
                .collect();
            for row in block["rows"].as_array().into_iter().flatten() {
                let cells = row.as_array().cloned().unwrap_or_default();
                all.push(ids.iter().cloned().zip(cells).collect());
            }
        }
    }
    all
}

fn value<'a>(row: &'a serde_json::Map<String, Value>, column: &str) -> Option<&'a str> {
    row.get(column).and_then(|c| c["value"].as_str())
}

/// The goal id quoted first in a gap's text (`goal `x` ...`).
fn quoted(text: &str) -> String {
    text.split('`').nth(1).unwrap_or_default().to_string()
}

/// The goals `report` calls behind (its goal table) and those `gaps` calls behind (its
/// goal-behind gaps).
fn behind(plan: &str, as_of: &str) -> (BTreeSet<String>, BTreeSet<String>) {
    let report = json(&["report", plan, "--as-of", as_of, "--format", "json"]);
    let by_report = rows(&report)
        .iter()
        .filter(|r| value(r, "on_track") == Some("behind"))
        .filter_map(|r| value(r, "goal").map(str::to_string))
        .collect();
    let gaps = json(&["gaps", plan, "--as-of", as_of, "--format", "json"]);
    let by_gaps = rows(&gaps)
        .iter()
        .filter(|r| value(r, "kind") == Some("goal-behind"))
        .filter_map(|r| value(r, "what").map(quoted))
        .collect();
    (by_report, by_gaps)
}

#[test]
fn report_and_gaps_call_the_same_goals_behind_on_the_seed_plans() {
    let mut seen = 0;
    for plan in SEEDS {
        for as_of in [
            "2021-07-01",
            "2022-07-01",
            "2023-07-01",
            "2024-07-01",
            "2025-07-01",
        ] {
            let (by_report, by_gaps) = behind(plan, as_of);
            assert_eq!(by_report, by_gaps, "{plan} as of {as_of}");
            seen += by_report.len();
        }
    }
    // Not a comparison of two empty sets: the seed plans have goals behind.
    assert!(seen > 20, "{seen}");
}

#[test]
fn rijnmond_cz_1_is_within_the_margin_for_report_and_gaps() {
    // 7 of 14 practices (0.500 of the way) where 0.5007 was expected on 2023-01-01: within
    // one percentage point, so on track in both (report called it behind, gaps did not).
    let (by_report, by_gaps) = behind("plans/rijnmond-dokters.yaml", "2023-07-01");
    assert!(!by_report.contains("cz-1"), "{by_report:?}");
    assert!(!by_gaps.contains("cz-1"), "{by_gaps:?}");
}

const SMALL: &str = "regioplan: 1
region:
  name: Testregio
  municipalities: [Testdorp]
  started: 2014-01-01
  governance_model: monodisciplinary
period:
  start: 2022-01-01
  end: 2025-12-31
people:
  - id: a.bakker
    name: Anna Bakker
governance:
  - id: ab
    name: Algemeen bestuur
    kind: algemeen_bestuur
themes:
  - id: ggz
    name: GGZ
    strategic: regional
    trekker: a.bakker
    goals:
      - id: g1
        title: Meer praktijken
        owner: a.bakker
        status: in_progress
        deadline: 2025-12-31
        indicator:
          name: praktijken
          unit: praktijken
          baseline: 0
          baseline_date: 2022-01-01
          target: 2000000
          direction: increase
        measurements:
          - date: 2022-06-30
            value: 1
      - id: g2
        title: Zonder meer
        status: planned
  - id: preventie
    name: Preventie
    strategic: regional
";

fn small_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("plan.yaml"), SMALL).expect("writes");
    dir
}

#[test]
fn a_goal_far_from_its_target_does_not_make_gaps_panic() {
    // 1 of 2,000,000 after 180 days: at this pace about a million years. `gaps` panicked on
    // the date, and one such plan in a directory made `gaps dir/` fail for every plan.
    let dir = small_dir();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(SEEDS[1]),
        dir.path().join("aha.yaml"),
    )
    .expect("copies");
    let out = bin_in(
        dir.path(),
        &["gaps", ".", "--as-of", "2022-07-01", "--no-config"],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("not computable: at this pace further away than any calendar date"),
        "{stdout}"
    );
    assert!(stdout.contains("AhA"), "the other plan is analysed too");
}

#[test]
fn the_rule_the_report_and_the_gap_agree_on_missing_roles() {
    // preventie has no trekker, workgroup or board contact, and no goals; ggz has no
    // workgroup and no board contact.
    let dir = small_dir();
    let check = bin_in(dir.path(), &["check", "plan.yaml", "--format", "json"]);
    let findings: Value = serde_json::from_slice(&check.stdout).expect("json");
    let mut by_rule = BTreeSet::new();
    for d in findings["files"][0]["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
    {
        let role = match d["code"].as_str() {
            Some("RP301") => "trekker",
            Some("RP302") => "workgroup",
            Some("RP303") => "board_contact",
            _ => continue,
        };
        let message = d["message"].as_str().unwrap_or_default();
        by_rule.insert((quoted(message), role.to_string()));
    }
    let gaps = json(&[
        "gaps",
        &dir.path().join("plan.yaml").display().to_string(),
        "--no-config",
        "--as-of",
        "2022-07-01",
        "--format",
        "json",
    ]);
    let mut by_gap = BTreeSet::new();
    for r in rows(&gaps) {
        if value(&r, "kind") != Some("theme-without-role") {
            continue;
        }
        let what = value(&r, "what").unwrap_or_default();
        let role = ["no trekker", "no workgroup", "no board contact", "no goals"]
            .into_iter()
            .zip(["trekker", "workgroup", "board_contact", "goals"])
            .find(|(text, _)| what.ends_with(text))
            .map(|(_, role)| role)
            .expect("a role");
        // The same severity as the rule for the three roles; goals are gaps only.
        let severity = value(&r, "severity").unwrap_or_default();
        if role == "goals" {
            assert_eq!(severity, "error");
            continue;
        }
        assert_eq!(severity, "warning", "{what}");
        by_gap.insert((quoted(what), role.to_string()));
    }
    let expected: BTreeSet<(String, String)> = [
        ("ggz", "workgroup"),
        ("ggz", "board_contact"),
        ("preventie", "trekker"),
        ("preventie", "workgroup"),
        ("preventie", "board_contact"),
    ]
    .into_iter()
    .map(|(t, r)| (t.to_string(), r.to_string()))
    .collect();
    assert_eq!(by_rule, expected);
    assert_eq!(by_gap, expected);
    // The report shows the same themes without a trekker.
    let report = json(&[
        "report",
        &dir.path().join("plan.yaml").display().to_string(),
        "--no-config",
        "--format",
        "json",
    ]);
    let without_trekker: BTreeSet<String> = rows(&report)
        .iter()
        .filter(|r| r.contains_key("trekker") && r["trekker"]["type"] == "empty")
        .filter_map(|r| value(r, "theme").map(str::to_lowercase))
        .collect();
    assert_eq!(without_trekker, BTreeSet::from(["preventie".to_string()]));
}

#[test]
fn the_rule_and_the_gap_agree_on_goal_quality() {
    // g2 has no indicator, baseline, target, owner or deadline: RP304, RP305 and RP306 in
    // check, and one goal-quality gap listing the five parts; g1 lacks none.
    let dir = small_dir();
    let check = bin_in(dir.path(), &["check", "plan.yaml", "--format", "json"]);
    let findings: Value = serde_json::from_slice(&check.stdout).expect("json");
    let codes: BTreeSet<(String, String)> = findings["files"][0]["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| matches!(d["code"].as_str(), Some("RP304" | "RP305" | "RP306")))
        .map(|d| {
            (
                quoted(d["message"].as_str().unwrap_or_default()),
                d["code"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let expected: BTreeSet<(String, String)> = ["RP304", "RP305", "RP306"]
        .into_iter()
        .map(|c| ("g2".to_string(), c.to_string()))
        .collect();
    assert_eq!(codes, expected);
    let gaps = json(&[
        "gaps",
        &dir.path().join("plan.yaml").display().to_string(),
        "--no-config",
        "--format",
        "json",
    ]);
    let quality: Vec<String> = rows(&gaps)
        .iter()
        .filter(|r| value(r, "kind") == Some("goal-quality"))
        .filter_map(|r| value(r, "what").map(str::to_string))
        .collect();
    assert_eq!(
        quality,
        ["goal `g2` lacks: Indicator, Baseline, Target, Owner and Deadline"]
    );
    // The goal table shows milestones and monitoring as the plan has them, not "not in plan
    // format 1".
    let table = rows(&gaps);
    let g1 = table
        .iter()
        .find(|r| value(r, "goal") == Some("g1") && r.contains_key("milestones"))
        .expect("g1 in the goal table");
    assert_eq!(value(g1, "milestones"), Some("no"));
    assert_eq!(value(g1, "monitoring"), Some("no"));
    assert_eq!(value(g1, "indicator"), Some("yes"));
}

#[test]
fn aha_goal_with_milestones_shows_them_in_the_goal_table() {
    let gaps = json(&["gaps", SEEDS[1], "--no-config", "--format", "json"]);
    let with: Vec<String> = rows(&gaps)
        .iter()
        .filter(|r| value(r, "milestones") == Some("yes"))
        .filter_map(|r| value(r, "goal").map(str::to_string))
        .collect();
    assert!(!with.is_empty(), "AhA has a goal with milestones");
}
