//! The committed JSON Schema is the one generated from the Rust types, and it agrees with
//! `regioplan check` on the plans and the structural examples.
//! Run with `UPDATE_SCHEMA=1 cargo test --test schema` to rewrite it after changing the types.

/// The schema, and its copy in the plan repository template (which its plan's modeline names).
#[test]
fn committed_schema_is_up_to_date() {
    let generated = regioplan::plan::schema::plan_schema_text();
    for file in [
        "schemas/regioplan.schema.json",
        "examples/plan-repo/schemas/regioplan.schema.json",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &generated).expect("write schema");
        }
        let committed = std::fs::read_to_string(&path).expect("the schema file exists");
        assert!(
            committed == generated,
            "{file} is stale: run `UPDATE_SCHEMA=1 cargo test --test schema`"
        );
    }
}

/// The schema with Dutch descriptions, next to the English one, and its copy in the plan
/// repository template (whose regioplan.toml says `language = "nl"`).
#[test]
fn committed_dutch_schema_is_up_to_date() {
    let generated = regioplan::plan::schema::plan_schema_text_in(regioplan::lang::Lang::Nl);
    for file in [
        "schemas/regioplan.schema.nl.json",
        "examples/plan-repo/schemas/regioplan.schema.nl.json",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(&path, &generated).expect("write schema");
        }
        let committed = std::fs::read_to_string(&path).expect("the Dutch schema file exists");
        assert!(
            committed == generated,
            "{file} is stale: run `UPDATE_SCHEMA=1 cargo test --test schema`"
        );
    }
}

/// `schema --lang nl` prints the Dutch schema; without `--lang` the environment's language
/// chooses, as for every other command.
#[test]
fn the_schema_command_speaks_the_chosen_language() {
    let run = |args: &[&str], lang: &str| -> serde_json::Value {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_regioplan"))
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(args)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        serde_json::from_slice(&output.stdout).expect("valid JSON")
    };
    let dutch = regioplan::plan::schema::plan_schema_in(regioplan::lang::Lang::Nl);
    let english = regioplan::plan::schema::plan_schema();
    assert_eq!(run(&["schema", "--lang", "nl"], "C"), dutch);
    assert_eq!(run(&["schema", "--lang", "en"], "nl_NL.UTF-8"), english);
    assert_eq!(run(&["schema"], "nl_NL.UTF-8"), dutch);
    assert_eq!(
        dutch["properties"]["themes"]["description"],
        "Thema's met hun doelen."
    );
}

#[test]
fn the_schema_command_prints_the_committed_schema() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .arg("schema")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let printed: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(
        printed["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(printed, regioplan::plan::schema::plan_schema());
}

/// docs/rules.md is `regioplan rule --all --format markdown --lang en`, docs/regels.md the
/// same with `--lang nl`. Run with `UPDATE_DOCS=1 cargo test --test schema` to rewrite both
/// after changing a rule.
#[test]
fn rules_reference_is_up_to_date() {
    for (lang, file) in [("en", "docs/rules.md"), ("nl", "docs/regels.md")] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_regioplan"))
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C")
            .args(["rule", "--all", "--format", "markdown", "--lang", lang])
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(0));
        let generated = String::from_utf8(output.stdout).expect("UTF-8");
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(&path, &generated).expect("write the rules reference");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{file} is stale: run `UPDATE_DOCS=1 cargo test --test schema`"
        );
        for rule in regioplan::rules::ALL {
            assert!(
                generated.contains(&format!("## {}", rule.code)),
                "{} undocumented in {file}",
                rule.code
            );
            assert!(
                generated.contains(rule.summary.get(match lang {
                    "nl" => regioplan::lang::Lang::Nl,
                    _ => regioplan::lang::Lang::En,
                })),
                "{} without its summary in {file}",
                rule.code
            );
        }
    }
}

/// The committed schema file, as an editor or another validator reads it: every plan in
/// `plans/` and `examples/valid/` passes it, and every structural example (RP010-RP016 in
/// `examples/invalid/`) fails it, as `regioplan check` says. `scripts/schema-agreement.sh`
/// checks the same with check-jsonschema (Python) in `.ci/run`.
#[test]
fn the_committed_schema_accepts_the_plans_and_rejects_the_structural_examples() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value = serde_json::from_slice(
        &std::fs::read(root.join("schemas/regioplan.schema.json")).expect("schema file"),
    )
    .expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let yaml_files = |dir: &str, prefix: &str| -> Vec<std::path::PathBuf> {
        let mut found: Vec<_> = std::fs::read_dir(root.join(dir))
            .expect("directory")
            .flatten()
            .map(|e| e.path())
            .filter(|p| {
                p.extension().is_some_and(|x| x == "yaml")
                    && p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
            })
            .collect();
        found.sort();
        found
    };
    let instance = |path: &std::path::Path| -> serde_json::Value {
        let text = std::fs::read_to_string(path).expect("UTF-8 plan");
        serde_saphyr::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not YAML: {e}", path.display()))
    };

    let valid: Vec<_> = [yaml_files("plans", ""), yaml_files("examples/valid", "")].concat();
    assert!(valid.len() >= 4, "{valid:?}");
    for path in &valid {
        let errors: Vec<String> = validator
            .iter_errors(&instance(path))
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }

    let structural: Vec<_> = (0..=6)
        .flat_map(|n| yaml_files("examples/invalid", &format!("RP01{n}-")))
        .collect();
    assert_eq!(structural.len(), 7, "{structural:?}");
    for path in &structural {
        assert!(
            !validator.is_valid(&instance(path)),
            "the schema accepts {}, which regioplan rejects",
            path.display()
        );
    }
}

/// Mistakes in the parts added in format 1.1: the committed schema rejects each one, and
/// `regioplan check` reports it with the structural code it reports for the parts of 1.0.
#[test]
fn the_schema_and_the_check_agree_on_mistakes_in_the_format_1_1_parts() {
    const HEAD: &str = "regioplan: 1\nregion:\n  name: X\n  municipalities: [A]\n  \
                        governance_model: monodisciplinary\n";
    const PERIOD: &str = "period:\n  start: 2022-01-01\n  end: 2023-12-31\n";
    let contract = |condition: &str| {
        format!(
            "{HEAD}  started: 2020\n{PERIOD}contracts:\n  - id: c\n    insurer: cz\n    \
             start: 2022\n    end: 2023\n    segments: []\n    conditions:\n      - {condition}\n"
        )
    };
    let cases: Vec<(String, &str)> = vec![
        (format!("{HEAD}  started: 2020-3\n{PERIOD}"), "RP014"),
        (format!("{HEAD}  started: 20200\n{PERIOD}"), "RP015"),
        (format!("{HEAD}  started: 2020.5\n{PERIOD}"), "RP012"),
        (
            format!(
                "{HEAD}  started: 2020\n  mandates:\n    - {{share_pct: 85, of: gps}}\n{PERIOD}"
            ),
            "RP011",
        ),
        (
            format!(
                "{HEAD}  started: 2020\n  mandates:\n    - {{share_pct: 85, of: huisartsen, purpose: x}}\n{PERIOD}"
            ),
            "RP013",
        ),
        (
            format!("{HEAD}  started: 2020\n{PERIOD}plan:\n  titel: Regioplan\n"),
            "RP010",
        ),
        (
            format!(
                "{HEAD}  started: 2020\n  mandates:\n    - {{share_pct: 850, of: gps, purpose: x}}\n{PERIOD}"
            ),
            "RP015",
        ),
        (contract("{kind: min_listed_patients}"), "RP011"),
        (contract("{kind: documents}"), "RP011"),
        (contract("{kind: other}"), "RP011"),
        (contract("{kind: other_domain, min: 2}"), "RP013"),
        (
            format!(
                "{HEAD}  started: 2020\n{PERIOD}organisations:\n  - {{id: g, name: G, kind: ggd, relation: partner, domain: gezondheid}}\n"
            ),
            "RP013",
        ),
    ];
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value = serde_json::from_slice(
        &std::fs::read(root.join("schemas/regioplan.schema.json")).expect("schema file"),
    )
    .expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let dir = tempfile::tempdir().expect("tempdir");
    for (text, code) in cases {
        let instance: serde_json::Value = serde_saphyr::from_str(&text).expect("YAML");
        assert!(
            !validator.is_valid(&instance),
            "the schema accepts:\n{text}"
        );
        let file = dir.path().join("plan.yaml");
        std::fs::write(&file, &text).expect("write");
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_regioplan"))
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C")
            .args(["check", "--no-config", "--format", "concise"])
            .arg(&file)
            .output()
            .expect("runs");
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert_eq!(output.status.code(), Some(1), "{text}\n{stdout}");
        assert!(
            stdout.contains(&format!("[{code}]")),
            "expected {code}:\n{text}\n{stdout}"
        );
    }
}
