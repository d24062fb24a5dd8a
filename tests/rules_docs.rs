//! `regioplan rule` in the reader's language: the documentation of a rule in Dutch or English,
//! by `--lang`, regioplan.toml or the environment; codes, names and YAML examples the same.

use std::path::Path;
use std::process::Command;

use regioplan::lang::english_words_in;

/// Runs `regioplan rule` with `args` in `dir`, with the locale `lang_env`.
fn rule(dir: &Path, lang_env: &str, args: &[&str]) -> (Option<i32>, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang_env)
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .arg("rule")
        .args(args)
        .output()
        .expect("runs");
    (
        output.status.code(),
        String::from_utf8(output.stdout).expect("UTF-8"),
        String::from_utf8(output.stderr).expect("UTF-8"),
    )
}

fn empty_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary directory")
}

/// The page without its YAML examples (indented) and without code in backticks.
fn prose(page: &str) -> String {
    page.lines()
        .filter(|l| !l.starts_with("    "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn rule_in_dutch_prints_no_english_sentence() {
    let dir = empty_dir();
    let (code, out, err) = rule(dir.path(), "C", &["RP102", "--lang", "nl"]);
    assert_eq!(code, Some(0), "{err}");
    for dutch in [
        "RP102 unknown-person (fout)",
        "Een verwijzing naar een persoon",
        "Waarom:",
        "Afgekeurd:",
        "Goedgekeurd:",
        "Herstel: Veilig:",
        "onderdrukking",
    ] {
        assert!(out.contains(dutch), "`{dutch}` missing:\n{out}");
    }
    let text = prose(&out);
    assert!(english_words_in(&text).is_empty(), "{out}");
    for english in ["Why", "Fails", "Passes", "Fix:", "reference", "error)"] {
        assert!(!text.contains(english), "`{english}` in:\n{out}");
    }
    // The YAML example is as a user writes it, keys in English.
    assert!(out.contains("    trekker: j.de-vries"), "{out}");
}

#[test]
fn rule_speaks_english_by_default_and_the_environments_language_otherwise() {
    let dir = empty_dir();
    let (_, english, _) = rule(dir.path(), "C", &["RP102"]);
    assert!(
        english.contains("RP102 unknown-person (error)"),
        "{english}"
    );
    assert!(english.contains("Why: A reference that resolves to nothing"));
    let (_, dutch, _) = rule(dir.path(), "nl_NL.UTF-8", &["RP102"]);
    assert!(dutch.contains("Waarom: Een verwijzing"), "{dutch}");
    // The flag wins over the environment.
    let (_, flag, _) = rule(dir.path(), "nl_NL.UTF-8", &["RP102", "--lang", "en"]);
    assert_eq!(flag, english);
}

#[test]
fn rule_reads_the_language_of_regioplan_toml() {
    let dir = empty_dir();
    std::fs::write(dir.path().join("regioplan.toml"), "language = \"nl\"\n").expect("write");
    let (code, out, err) = rule(dir.path(), "C", &["RP301"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("Een thema dat de regio oppakt"), "{out}");
}

#[test]
fn every_rule_page_in_dutch_is_dutch_and_the_json_keeps_its_keys() {
    let dir = empty_dir();
    let (code, out, err) = rule(dir.path(), "C", &["--all", "--lang", "nl"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(english_words_in(&prose(&out)).is_empty(), "{out}");
    let (_, json, _) = rule(
        dir.path(),
        "C",
        &["RP102", "--format", "json", "--lang", "nl"],
    );
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(value[0]["code"], "RP102");
    assert_eq!(value[0]["severity"], "error");
    assert!(
        value[0]["summary"]
            .as_str()
            .is_some_and(|s| s.starts_with("Een verwijzing")),
        "{json}"
    );
}

#[test]
fn an_unknown_rule_is_named_in_dutch() {
    let dir = empty_dir();
    let (code, _, err) = rule(dir.path(), "C", &["unknown-persn", "--lang", "nl"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("onbekende regel `unknown-persn`; bedoelt u `unknown-person`?"),
        "{err}"
    );
}

#[test]
fn sarif_rule_metadata_is_in_the_runs_language() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sarif = |lang: &str| -> serde_json::Value {
        let output = Command::new(env!("CARGO_BIN_EXE_regioplan"))
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", "C")
            .current_dir(root)
            .args(["check", "--no-config", "--format", "sarif", "--lang", lang])
            .arg("examples/invalid/RP102-unknown-person.yaml")
            .output()
            .expect("runs");
        serde_json::from_slice(&output.stdout).expect("SARIF")
    };
    let rule = |run: &serde_json::Value, field: &str| -> String {
        let rules = run["runs"][0]["tool"]["driver"]["rules"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let found = rules.iter().find(|r| r["id"] == "RP102").cloned();
        found.map_or_else(String::new, |r| {
            r[field]["text"].as_str().unwrap_or_default().to_string()
        })
    };
    let nl = sarif("nl");
    assert!(
        rule(&nl, "shortDescription").starts_with("Een verwijzing naar een persoon"),
        "{}",
        rule(&nl, "shortDescription")
    );
    assert!(rule(&nl, "fullDescription").starts_with("Een verwijzing die nergens"));
    assert!(rule(&nl, "help").contains("Afgekeurd:"));
    assert!(english_words_in(&rule(&nl, "fullDescription")).is_empty());
    let en = sarif("en");
    assert!(rule(&en, "shortDescription").starts_with("A reference to a person"));
    assert!(rule(&en, "help").contains("Fails:"));
}
