//! The committed JSON Schema is the one generated from the Rust types.
//! Run with `UPDATE_SCHEMA=1 cargo test --test schema` to rewrite it after changing the types.

#[test]
fn committed_schema_is_up_to_date() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/regioplan.schema.json");
    let generated = regioplan::plan::schema::plan_schema_text();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write schema");
    }
    let committed = std::fs::read_to_string(&path).expect("schemas/regioplan.schema.json exists");
    assert!(
        committed == generated,
        "schemas/regioplan.schema.json is stale: run `UPDATE_SCHEMA=1 cargo test --test schema`"
    );
}

#[test]
fn the_schema_command_prints_the_committed_schema() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_regioplan"))
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

/// docs/rules.md is `regioplan rule --all --format markdown`.
/// Run with `UPDATE_DOCS=1 cargo test --test schema` to rewrite it after changing a rule.
#[test]
fn rules_reference_is_up_to_date() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules.md");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .args(["rule", "--all", "--format", "markdown"])
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(0));
    let generated = String::from_utf8(output.stdout).expect("UTF-8");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).expect("write docs/rules.md");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/rules.md is stale: run `UPDATE_DOCS=1 cargo test --test schema`"
    );
    for rule in regioplan::rules::ALL {
        assert!(
            generated.contains(&format!("## {}", rule.code)),
            "{} undocumented",
            rule.code
        );
    }
}
