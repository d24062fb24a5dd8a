//! The findings about references and ids (`RP1xx`) and about suppressions (`RP9xx`) speak
//! Dutch under `--lang nl`: for the example of each of these rules in `examples/invalid/`, the
//! message, the labels, the help and every fix's message are there in Dutch, are not the
//! English text, and have no tell-tale English word outside backticks.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const AS_OF: &str = "2026-11-22";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The examples of the rules `RP1xx` and `RP9xx`, relative to the repository root.
fn examples() -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(root().join("examples/invalid"))
        .expect("examples/invalid")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| {
            (n.starts_with("RP1") || n.starts_with("RP9"))
                && Path::new(n)
                    .extension()
                    .is_some_and(|ext| ext.eq_ignore_ascii_case("yaml"))
        })
        .map(|n| format!("examples/invalid/{n}"))
        .collect();
    out.sort();
    out
}

fn check(lang: &str, path: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_ACTIONS")
        .current_dir(root())
        .args(["check", "--as-of", AS_OF, "--no-config", "--format", "json"])
        .args(["--lang", lang, path])
        .output()
        .expect("the regioplan binary runs")
}

/// The diagnostics of the one file checked.
fn diagnostics(output: &Output) -> Vec<Value> {
    let report: Value = serde_json::from_slice(&output.stdout).expect("a JSON report");
    report["files"][0]["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// English words that give away an untranslated text; checked as whole words outside
/// backticks, so that Dutch words containing them (`thema`, `datum`) and codes do not count.
const TELL_TALE_ENGLISH: &[&str] = &[
    "the",
    "are",
    "not",
    "is not",
    "should",
    "must",
    "which",
    "with",
    "does",
    "goal",
    "theme",
    "unknown",
    "missing",
    "expected",
    "found",
    "line",
    "suppress",
    "suppression",
    "write",
    "than",
    "before",
    "after",
    "did",
    "you",
    "mean",
    "listed",
    "under",
    "here",
    "name",
];

/// What is wrong with the Dutch text of `what` beside its English one, if anything.
fn untranslated(what: &str, en: &str, nl: &str) -> Option<String> {
    if en.trim().is_empty() || nl.trim().is_empty() {
        return Some(format!("{what}: empty (en {en:?}, nl {nl:?})"));
    }
    if en == nl {
        return Some(format!("{what}: the Dutch text is the English one: {nl}"));
    }
    let prose: String = nl.split('`').step_by(2).collect::<Vec<_>>().join(" ");
    let words: Vec<String> = prose
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(str::to_lowercase)
        .collect();
    TELL_TALE_ENGLISH
        .iter()
        .find(|w| words.iter().any(|x| x == *w))
        .map(|w| format!("{what}: the Dutch text has the English word `{w}`: {nl}"))
}

#[test]
fn reference_and_suppression_findings_speak_dutch() {
    let examples = examples();
    // RP101-RP113 and RP901-RP904.
    assert_eq!(examples.len(), 17, "{examples:?}");
    let mut problems = Vec::new();
    for path in &examples {
        let en = diagnostics(&check("en", path));
        let nl = diagnostics(&check("nl", path));
        if en.is_empty() || en.len() != nl.len() {
            problems.push(format!(
                "{path}: {} findings in English, {} in Dutch",
                en.len(),
                nl.len()
            ));
            continue;
        }
        for (e, n) in en.iter().zip(&nl) {
            let code = e["code"].as_str().unwrap_or("?");
            let mut texts: Vec<(String, Value, Value)> = ["message", "label", "help"]
                .iter()
                .map(|field| (field.to_string(), e[*field].clone(), n[*field].clone()))
                .collect();
            let related = |d: &Value| d["related"].as_array().cloned().unwrap_or_default();
            for (i, (re, rn)) in related(e).iter().zip(related(n).iter()).enumerate() {
                texts.push((
                    format!("related {i}"),
                    re["message"].clone(),
                    rn["message"].clone(),
                ));
            }
            let fixes = |d: &Value| d["fixes"].as_array().cloned().unwrap_or_default();
            for (i, (fe, fnl)) in fixes(e).iter().zip(fixes(n).iter()).enumerate() {
                texts.push((
                    format!("fix {i}"),
                    fe["message"].clone(),
                    fnl["message"].clone(),
                ));
            }
            for (field, te, tn) in texts {
                let what = format!("{path} {code} {field}");
                match (te.as_str(), tn.as_str()) {
                    (Some(te), Some(tn)) => problems.extend(untranslated(&what, te, tn)),
                    // Every one of these findings has a message, a label and a help.
                    _ if ["message", "label", "help"].contains(&field.as_str()) => {
                        problems.push(format!("{what}: missing"));
                    }
                    _ => {}
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
