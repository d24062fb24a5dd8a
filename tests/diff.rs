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
    takes_decisions: true
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
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env_remove("COLUMNS")
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
        "Changes between `old.yaml` and `new.yaml`: 9 changes (themes 1, goals 5, roles 1, \
         measurements 1, memberships 1).",
        "### Themes",
        "| Theme | Change | Old | New |",
        "| --- | --- | --- | --- |",
        "| ggz | renamed | GGZ | Mentale gezondheid |",
        "| ggz.poh | ggz | renamed | POH-GGZ jeugd in elke praktijk | POH-GGZ \\| jeugd in elke \
         praktijk |",
        "| ggz.poh | ggz | status | planned | at risk |",
        "| ggz.poh | ggz | deadline moved +181 days | 2024-12-31 | 2025-06-30 |",
        "| ggz.consultatie | ggz | added | — | Consultatie in de wijk |",
        "| ggz.wachttijd | ggz | removed | Wachttijd korter | — |",
        "| theme ggz | trekker | J. de Vries (j.devries) | M. El Amrani (m.el-amrani) |",
        "| ggz.poh | 2024-01-01 | added | — | 58 % |",
        "| db | M. El Amrani (m.el-amrani) | joined | — | secretary |",
    ] {
        assert!(lines.contains(&expected), "missing `{expected}` in\n{text}");
    }
}

#[test]
fn html_is_one_page_with_the_changes_and_no_script() {
    let dir = two_versions();
    let output = regioplan(
        dir.path(),
        &["diff", "old.yaml", "new.yaml", "--format", "html"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("<!DOCTYPE html><html lang=\"en\">"),
        "{text}"
    );
    assert!(text.contains("<h1>Plan changes</h1>"), "{text}");
    assert!(text.contains("<td>Mentale gezondheid</td>"), "{text}");
    assert!(text.contains("Content-Security-Policy"));
    assert!(!text.contains("<script"));
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
        "M. El Amrani (m.el-amrani)",
        "Wachttijd korter",
    ] {
        assert!(text.contains(expected), "missing `{expected}` in\n{text}");
    }
}

#[test]
fn json_is_the_report_model_with_typed_cells() {
    let dir = two_versions();
    let output = regioplan(
        dir.path(),
        &["diff", "old.yaml", "new.yaml", "--format", "json"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(json["kind"], "diff");
    assert_eq!(json["meta"][0]["value"]["value"], "old.yaml");
    assert_eq!(json["meta"][2]["value"]["value"], 9);
    let rows = |id: &str| -> Vec<serde_json::Value> {
        let sections = json["sections"].as_array().expect("sections");
        let section = sections.iter().find(|s| s["id"] == id).expect(id);
        section["blocks"][0]["rows"]
            .as_array()
            .expect("rows")
            .clone()
    };
    assert_eq!(rows("themes")[0][1]["value"], "renamed");
    assert_eq!(rows("roles")[0][1]["value"], "trekker");
    assert_eq!(rows("roles")[0][3]["value"], "M. El Amrani (m.el-amrani)");
    let goals = rows("goals");
    let deadline = goals
        .iter()
        .find(|g| g[2]["value"] == "deadline moved +181 days")
        .expect("a deadline change");
    assert_eq!(
        deadline[4],
        serde_json::json!({"type": "date", "value": "2025-06-30"})
    );
    let status = goals
        .iter()
        .find(|g| g[2]["value"] == "status")
        .expect("status");
    assert_eq!(status[4]["tone"], "warning");
    assert_eq!(
        rows("measurements")[0][4],
        serde_json::json!({"type": "number", "value": 58.0, "unit": "%"})
    );
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
        text.contains("Changes between `HEAD:plans/aha.yaml` and `plans/aha.yaml`: 9 changes"),
        "{text}"
    );
    assert!(
        text.contains(
            "| theme ggz | trekker | J. de Vries (j.devries) | M. El Amrani (m.el-amrani) |"
        ),
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

/// `OLD` with every part the first tests leave out: organisations, a contract, building-block
/// levels, a service, a neighbourhood, a programme with figures, a funding line, an indicator
/// baseline, and the parts of format 1.1: the plan block, mandates, partial municipalities,
/// people's roles, seat terms, milestones, contract conditions and result agreements,
/// priorities and partnerships.
fn rich() -> String {
    OLD.replace(
        "          target: 80\n",
        "          baseline: 35\n          baseline_date: 2022-01-01\n          target: 80\n",
    )
    .replace(
        "            value: 40\n",
        "            value: 40\n        monitoring: quarterly\n        milestones:\n          \
         - date: 2023-06\n            target: 60\n",
    )
    .replace(
        "  municipalities: [Amsterdam]\n",
        "  municipalities: [Amsterdam, Ouder-Amstel]\n  partial_municipalities:\n    \
         - municipality: Ouder-Amstel\n      places: [Duivendrecht]\n  mandates:\n    \
         - share_pct: 80\n      of: gps\n      purpose: contractering\n",
    )
    .replace(
        "    name: F. Francke\n",
        "    name: F. Francke\n    roles:\n      - role: bestuurslid\n        body: db\n        \
         since: 2020\n",
    )
    .replace(
        "        role: chair\n",
        "        role: chair\n        since: 2022-01\n",
    ) + "plan:
  title: Regioplan AhA 2022-2025
  documents:
    - {kind: begroting, year: 2022, status: adopted}
priorities:
  - year: 2022
    themes: [ggz]
partnerships:
  - id: avg
    name: Amsterdam Vitaal & Gezond
    kind: alliance
    members: [aha, zk]
organisations:
  - id: aha
    name: Amsterdamse huisartsenalliantie
    kind: regional_organisation
    relation: self
  - id: zg-west
    name: Zorggroep West
    kind: zorggroep
    relation: member
    practices: 40
  - id: zk
    name: Zilveren Kruis
    kind: insurer
    relation: insurer
building_blocks:
  - block: regiovisie
    level: developing
contracts:
  - id: zk-2022
    insurer: zk
    start: 2022-01-01
    end: 2023-12-31
    segments:
      - segment: segment_2
        scope: full
    amount_eur: 500000
    conditions:
      - kind: min_mandate_share
        min: 85
        met: false
    result_agreements:
      - title: POH-GGZ jeugd in elke praktijk
        goals: [ggz.poh]
services:
  - id: ict-scan
    name: ICT-praktijkscan
neighbourhoods:
  - id: west
    name: Nieuw-West
    manager: j.devries
programmes:
  - id: kbz
    name: Krachtige Basiszorg
    kind: pilot
    start: 2019-01-01
    figures:
      - date: 2019-01-01
        metric: practices
        value: 4
funding:
  - payer: zk
    recipient: aha
    year: 2022
    line: o_and_i
    title: regiomanagement
    amount_eur: 250000
modules:
  - id: ouderen
    name: Kwetsbare ouderen
    uptake:
      - date: 2022-01-01
        practices: 10
        listed_patients: 25000
sources:
  - title: Huisartsen bundelen krachten
    publisher: Skipr
"
}

/// The Markdown diff of `rich()` and `rich()` with `from` replaced by `to`.
fn markdown_of_change(from: &str, to: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let changed = rich().replacen(from, to, 1);
    assert_ne!(changed, rich(), "`{from}` is not in the plan");
    std::fs::write(dir.path().join("old.yaml"), rich()).expect("write old");
    std::fs::write(dir.path().join("new.yaml"), changed).expect("write new");
    let output = regioplan(
        dir.path(),
        &["diff", "old.yaml", "new.yaml", "--format", "markdown"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    stdout(&output)
}

/// Asserts that changing `from` to `to` shows `row` in the Markdown diff.
fn assert_change_shown(from: &str, to: &str, row: &str) {
    let text = markdown_of_change(from, to);
    assert!(
        text.lines().any(|line| line == row),
        "missing `{row}` in\n{text}"
    );
}

#[test]
fn a_rich_plan_against_itself_has_no_changes() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("rich.yaml"), rich()).expect("write");
    let output = regioplan(dir.path(), &["diff", "rich.yaml", "rich.yaml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "No changes by id between rich.yaml and rich.yaml.\n"
    );
}

#[test]
fn a_changed_funding_amount_is_shown() {
    assert_change_shown(
        "amount_eur: 250000",
        "amount_eur: 275000.5",
        "| zk → aha 2022 O&amp;I regiomanagement | amount in euro | €250,000 | €275,000.50 |",
    );
}

#[test]
fn an_added_funding_line_is_shown_with_its_amount() {
    assert_change_shown(
        "    year: 2022\n",
        "    year: 2023\n",
        "| zk → aha 2023 O&amp;I regiomanagement | added | — | €250,000 |",
    );
}

#[test]
fn a_changed_contract_is_shown() {
    assert_change_shown(
        "        scope: full",
        "        scope: partial",
        "| zk-2022 | segments | segment 2 full | segment 2 partial |",
    );
    assert_change_shown(
        "    end: 2023-12-31\n    segments",
        "    end: 2024-12-31\n    segments",
        "| zk-2022 | end | 2023-12-31 | 2024-12-31 |",
    );
}

#[test]
fn a_changed_building_block_level_is_shown() {
    assert_change_shown(
        "level: developing",
        "level: established",
        "| regiovisie | level | developing | established |",
    );
}

#[test]
fn a_changed_organisation_is_shown() {
    assert_change_shown(
        "    relation: member\n    practices: 40",
        "    relation: former_member\n    practices: 40",
        "| zg-west | relation | member | former member |",
    );
    assert_change_shown(
        "practices: 40",
        "practices: 42",
        "| zg-west | practices | 40 | 42 |",
    );
}

#[test]
fn an_added_organisation_is_shown() {
    assert_change_shown(
        "  - id: zk\n    name: Zilveren Kruis\n",
        "  - id: cz\n    name: CZ\n    kind: insurer\n    relation: insurer\n  \
         - id: zk\n    name: Zilveren Kruis\n",
        "| cz | added | — | CZ |",
    );
}

#[test]
fn a_changed_service_is_shown() {
    assert_change_shown(
        "name: ICT-praktijkscan",
        "name: ICT-scan",
        "| ict-scan | name | ICT-praktijkscan | ICT-scan |",
    );
}

#[test]
fn a_neighbourhood_manager_is_shown_by_name() {
    assert_change_shown(
        "    manager: j.devries",
        "    manager: m.el-amrani",
        "| west | manager | J. de Vries (j.devries) | M. El Amrani (m.el-amrani) |",
    );
}

#[test]
fn a_changed_programme_figure_is_shown() {
    assert_change_shown(
        "        value: 4\n",
        "        value: 4\n      - date: 2020-01-01\n        metric: practices\n        value: 12\n",
        "| kbz | practices 2020-01-01 added | — | 12 |",
    );
    assert_change_shown(
        "kind: pilot",
        "kind: programme",
        "| kbz | kind | pilot | programme |",
    );
}

#[test]
fn a_changed_indicator_baseline_is_shown() {
    assert_change_shown(
        "baseline: 35",
        "baseline: 30",
        "| ggz.poh | ggz | baseline | 35 | 30 |",
    );
    assert_change_shown(
        "baseline_date: 2022-01-01",
        "baseline_date: 2022-03-01",
        "| ggz.poh | ggz | baseline date moved +59 days | 2022-01-01 | 2022-03-01 |",
    );
}

#[test]
fn a_changed_region_key_figure_is_shown() {
    assert_change_shown(
        "  governance_model: multidisciplinary\n",
        "  governance_model: multidisciplinary\n  key_figures:\n    gps: 500\n",
        "| region | key figures.gps | — | 500 |",
    );
}

#[test]
fn a_changed_person_field_and_governance_body_are_shown() {
    assert_change_shown(
        "    name: F. Francke\n",
        "    name: F. Francke\n    role: directeur\n",
        "| f.francke | role | — | directeur |",
    );
    assert_change_shown(
        "    name: Dagelijks bestuur\n",
        "    name: DB\n",
        "| db | name | Dagelijks bestuur | DB |",
    );
}

#[test]
fn plan_text_cannot_inject_markdown_into_a_comment() {
    let text = markdown_of_change(
        "name: ICT-praktijkscan",
        "name: \"<b>x</b> [link](https://e.org) @team\"",
    );
    assert!(
        text.contains(
            "| ict-scan | name | ICT-praktijkscan | &lt;b&gt;x&lt;/b&gt; \\[link\\](https&#8203;://e.org) \
             @&#8203;team |"
        ),
        "{text}"
    );
}

#[test]
fn a_changed_source_is_shown() {
    assert_change_shown(
        "publisher: Skipr",
        "publisher: Medisch Contact",
        "| Huisartsen bundelen krachten | publisher | Skipr | Medisch Contact |",
    );
}

#[test]
fn changed_module_uptake_patients_are_shown() {
    assert_change_shown(
        "listed_patients: 25000",
        "listed_patients: 26000",
        "| ouderen | uptake 2022-01-01 corrected | 25,000 listed patients | 26,000 listed patients |",
    );
}

#[test]
fn a_changed_mandate_share_is_shown() {
    assert_change_shown(
        "share_pct: 80",
        "share_pct: 86",
        "| region | mandates GPs contractering share in % | 80% | 86% |",
    );
    assert_change_shown(
        "places: [Duivendrecht]",
        "places: [Duivendrecht, Ouderkerk aan de Amstel]",
        "| region | partial municipalities Ouder-Amstel places | Duivendrecht | Duivendrecht, \
         Ouderkerk aan de Amstel |",
    );
}

#[test]
fn a_changed_milestone_target_is_shown() {
    assert_change_shown(
        "target: 60",
        "target: 65",
        "| ggz.poh | ggz | milestones 2023-06 target | 60 | 65 |",
    );
    assert_change_shown(
        "monitoring: quarterly",
        "monitoring: yearly",
        "| ggz.poh | ggz | monitoring | quarterly | yearly |",
    );
}

#[test]
fn a_changed_contract_condition_is_shown() {
    // The plan's mandate (80%) is below the condition's 85%: marked met, the new side loads
    // only because the plan accepts the finding with a reason.
    assert_change_shown(
        "met: false",
        "met: true # regioplan: ignore[RP407] de verzekeraar telt de praktijken mee",
        "| zk-2022 | conditions minimum mandate met | no | yes |",
    );
    assert_change_shown(
        "amount_eur: 500000",
        "amount_eur: 550000",
        "| zk-2022 | amount in euro | €500,000 | €550,000 |",
    );
}

#[test]
fn an_added_result_agreement_is_shown() {
    assert_change_shown(
        "        goals: [ggz.poh]\n",
        "        goals: [ggz.poh]\n      - title: Consultatie GGZ in de wijk\n        \
         deadline: 2024-12-31\n",
        "| zk-2022 | result agreements Consultatie GGZ in de wijk | — | 2024-12-31 |",
    );
}

#[test]
fn an_added_plan_document_is_shown() {
    assert_change_shown(
        "status: adopted}\n",
        "status: adopted}\n    - {kind: zorgaanbodplan, year: 2023, status: planned}\n",
        "| plan | documents care offer plan 2023 | — | planned |",
    );
    assert_change_shown(
        "title: Regioplan AhA 2022-2025",
        "title: Meerjarenplan AhA 2022-2025",
        "| plan | title | Regioplan AhA 2022-2025 | Meerjarenplan AhA 2022-2025 |",
    );
}

#[test]
fn an_added_partnership_member_is_shown() {
    assert_change_shown(
        "members: [aha, zk]",
        "members: [aha, zk, zg-west]",
        "| avg | members | aha, zk | aha, zk, zg-west |",
    );
    assert_change_shown(
        "    themes: [ggz]\npartnerships",
        "    themes: [ggz]\n  - year: 2023\n    goals: [ggz.poh]\npartnerships",
        "| 2023 | added | — | ggz.poh |",
    );
}

#[test]
fn an_organisation_leaving_is_shown() {
    assert_change_shown(
        "    practices: 40\n",
        "    practices: 40\n    left: 2024-06\n",
        "| zg-west | left | — | 2024-06 |",
    );
}

#[test]
fn changed_role_and_seat_terms_are_shown() {
    assert_change_shown(
        "        since: 2020\n",
        "        since: 2020\n        until: 2023-12\n",
        "| f.francke | roles bestuurslid db until | — | 2023-12 |",
    );
    assert_change_shown(
        "        since: 2022-01\n",
        "        since: 2021-09\n",
        "| db | F. Francke (f.francke) | since | 2022-01 | 2021-09 |",
    );
}

/// Tell-tale English words of a diff: none may appear in a Dutch one (ids, codes and the
/// plan's own texts excepted, which these words are not part of).
const ENGLISH: &[&str] = &[
    "Plan changes",
    "Changes between",
    "Old version",
    "New version",
    "Change |",
    "| Old",
    "| New",
    "added",
    "removed",
    "renamed",
    "moved",
    "joined",
    "Theme or goal",
    "Goals",
    "People",
    "Measurements",
    "board contact",
    "at risk",
    " days",
];

#[test]
fn diff_lang_nl_speaks_dutch_from_heading_to_change_words() {
    let dir = two_versions();
    let output = regioplan(
        dir.path(),
        &[
            "diff", "old.yaml", "new.yaml", "--lang", "nl", "--format", "markdown",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    for word in ENGLISH {
        assert!(
            !text.contains(word),
            "English `{word}` in the Dutch diff:\n{text}"
        );
    }
    for word in [
        "Wijzigingen in het plan",
        "Wijzigingen tussen",
        "Wijziging",
        "Thema of doel",
        "toegevoegd",
        "verwijderd",
        "hernoemd",
        "verschoven +181 dagen",
        "| gepland | risico |",
    ] {
        assert!(
            text.contains(word),
            "no `{word}` in the Dutch diff:\n{text}"
        );
    }
    // The same diff in English, by default: the flag, not the plan, picks the language.
    let english = stdout(&regioplan(
        dir.path(),
        &["diff", "old.yaml", "new.yaml", "--format", "markdown"],
    ));
    assert!(english.contains("Plan changes"), "{english}");
    assert!(english.contains("moved +181 days"), "{english}");
}

#[test]
fn diff_takes_its_language_from_regioplan_toml_below_the_flag() {
    let dir = two_versions();
    std::fs::write(dir.path().join("regioplan.toml"), "language = \"nl\"\n").expect("toml");
    let dutch = stdout(&regioplan(dir.path(), &["diff", "old.yaml", "new.yaml"]));
    assert!(dutch.contains("Wijzigingen tussen"), "{dutch}");
    let english = stdout(&regioplan(
        dir.path(),
        &["diff", "old.yaml", "new.yaml", "--lang", "en"],
    ));
    assert!(english.contains("Changes between"), "{english}");
    // JSON keeps its machine fields: the section ids and status codes are the same.
    let json = stdout(&regioplan(
        dir.path(),
        &["diff", "old.yaml", "new.yaml", "--format", "json"],
    ));
    assert!(json.contains("\"at_risk\""), "{json}");
    assert!(json.contains("\"goals\""), "{json}");
}
