//! End-to-end tests of `regioplan init`: the starter plan passes `check`, and nothing that
//! exists is ever overwritten.

use std::path::Path;
use std::process::{Command, Output};

fn regioplan(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_ACTIONS")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Asserts that `check` finds nothing in `path`.
fn assert_clean(dir: &Path, path: &str) {
    let output = regioplan(dir, &["check", "--no-config", path]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
    assert!(
        text(&output.stdout).contains("no problems found"),
        "{}",
        text(&output.stdout)
    );
}

#[test]
fn init_writes_a_plan_that_check_passes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = regioplan(dir.path(), &["init"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let stdout = text(&output.stdout);
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    assert!(stdout.contains("plans/regioplan.yaml"), "{stdout}");
    assert!(stdout.contains("regioplan check"), "{stdout}");

    let plan = std::fs::read_to_string(dir.path().join("plans/regioplan.yaml")).expect("written");
    // The editor finds the schema offline: init writes it beside the plans.
    assert!(
        plan.starts_with("# yaml-language-server: $schema=../schemas/regioplan.schema.json\n"),
        "{plan}"
    );
    let schema =
        std::fs::read_to_string(dir.path().join("schemas/regioplan.schema.json")).expect("schema");
    assert_eq!(
        schema,
        text(&regioplan(dir.path(), &["schema"]).stdout),
        "the written schema is `regioplan schema`"
    );
    assert!(plan.contains("name: \"Mijn regio\""), "{plan}");
    assert_eq!(plan.matches("level: not_started").count(), 6, "{plan}");
    assert_clean(dir.path(), "plans/regioplan.yaml");
}

#[test]
fn init_refuses_to_overwrite_and_leaves_the_file_alone() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("plan.yaml");
    std::fs::write(&path, "my own plan\n").expect("write");
    let output = regioplan(dir.path(), &["init", "plan.yaml"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert!(stderr.contains("plan.yaml"), "{stderr}");
    assert!(
        stderr.contains("choose another path or delete it"),
        "{stderr}"
    );
    assert!(output.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "my own plan\n"
    );
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(leftovers, ["plan.yaml"], "no temporary file is left behind");
}

#[test]
fn a_second_init_on_the_same_path_fails() {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = regioplan(dir.path(), &["init", "plan.yaml", "--region", "Eerste"]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let before = std::fs::read(dir.path().join("plan.yaml")).expect("read");
    let second = regioplan(dir.path(), &["init", "plan.yaml", "--region", "Tweede"]);
    assert_eq!(second.status.code(), Some(2));
    assert_eq!(
        std::fs::read(dir.path().join("plan.yaml")).expect("read"),
        before
    );
}

#[test]
fn a_region_name_with_yaml_syntax_still_yields_a_clean_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = r#"Regio: "Noord" # west \ oost"#;
    let output = regioplan(dir.path(), &["init", "plan.yaml", "--region", name]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_clean(dir.path(), "plan.yaml");
    let json = regioplan(dir.path(), &["check", "--format", "json", "plan.yaml"]);
    assert_eq!(json.status.code(), Some(0), "{}", text(&json.stdout));
    let plan = std::fs::read_to_string(dir.path().join("plan.yaml")).expect("read");
    assert!(
        plan.contains(r#"name: "Regio: \"Noord\" # west \\ oost""#),
        "{plan}"
    );
}

#[test]
fn init_creates_missing_parent_directories() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = regioplan(dir.path(), &["init", "regio/noord/plans/plan.yml"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(dir.path().join("regio/noord/plans/plan.yml").is_file());
    assert_clean(dir.path(), "regio/noord/plans/plan.yml");
}

#[test]
fn init_links_the_schema_of_the_repository_it_is_in() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("schemas")).expect("mkdir");
    std::fs::write(dir.path().join("schemas/regioplan.schema.json"), "{}").expect("write");
    let output = regioplan(dir.path(), &["init", "plans/noord/plan.yaml"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let plan = std::fs::read_to_string(dir.path().join("plans/noord/plan.yaml")).expect("written");
    assert!(
        plan.starts_with("# yaml-language-server: $schema=../../schemas/regioplan.schema.json\n"),
        "{plan}"
    );
    // The existing schema is left alone.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("schemas/regioplan.schema.json")).expect("read"),
        "{}"
    );
}

#[test]
fn init_links_and_writes_the_schema_the_user_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = regioplan(
        dir.path(),
        &[
            "init",
            "plans/plan.yaml",
            "--schema",
            "editor/regioplan.json",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let plan = std::fs::read_to_string(dir.path().join("plans/plan.yaml")).expect("written");
    assert!(
        plan.starts_with("# yaml-language-server: $schema=../editor/regioplan.json\n"),
        "{plan}"
    );
    assert!(dir.path().join("editor/regioplan.json").is_file());
    assert!(!dir.path().join("schemas").exists());
    assert_clean(dir.path(), "plans/plan.yaml");
}

#[test]
fn the_plan_repository_template_checks_clean_from_its_root() {
    let template = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/plan-repo");
    let output = regioplan(&template, &["check", "."]);
    let stdout = text(&output.stdout);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{stdout}{}",
        text(&output.stderr)
    );
    // The template's regioplan.toml says `language = "nl"`: the summary is in Dutch.
    assert!(stdout.contains("geen problemen gevonden"), "{stdout}");
    assert!(
        stdout.contains("1 bestand overgeslagen dat geen regioplan is: ./.pre-commit-config.yaml."),
        "{stdout}"
    );
    // Its modeline names the schema it ships (kept current by tests/schema.rs).
    let plan = std::fs::read_to_string(template.join("plans/regioplan.yaml")).expect("plan");
    assert!(
        plan.starts_with("# yaml-language-server: $schema=../schemas/regioplan.schema.json\n"),
        "{plan}"
    );
    assert!(template.join("schemas/regioplan.schema.json").is_file());
}

#[test]
fn the_plan_repository_template_is_clean_under_its_own_config() {
    let template = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/plan-repo");
    let output = regioplan(&template, &["check", "plans/"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
    let config = regioplan(&template, &["config", "plans/regioplan.yaml"]);
    assert_eq!(config.status.code(), Some(0), "{}", text(&config.stderr));
    assert!(
        text(&config.stdout).contains("regioplan.toml"),
        "{}",
        text(&config.stdout)
    );
}

/// `init --lang nl` links the plan to the schema with Dutch descriptions and writes that one.
#[test]
fn init_in_dutch_links_and_writes_the_dutch_schema() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = regioplan(dir.path(), &["init", "--lang", "nl"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let plan = std::fs::read_to_string(dir.path().join("plans/regioplan.yaml")).expect("written");
    assert!(
        plan.starts_with("# yaml-language-server: $schema=../schemas/regioplan.schema.nl.json\n"),
        "{plan}"
    );
    assert!(!dir.path().join("schemas/regioplan.schema.json").exists());
    let schema = std::fs::read_to_string(dir.path().join("schemas/regioplan.schema.nl.json"))
        .expect("the Dutch schema is written");
    assert_eq!(
        schema,
        text(&regioplan(dir.path(), &["schema", "--lang", "nl"]).stdout),
        "the written schema is `regioplan schema --lang nl`"
    );
    assert!(schema.contains("\"Thema's met hun doelen.\""), "{schema}");
    assert_clean(dir.path(), "plans/regioplan.yaml");
}
