//! Issue 17's "done when": under `--lang nl` the commands a policy officer runs say nothing in
//! English. Each command of the issue runs on a plan with mistakes (a wrong status, a Dutch
//! key, a duplicate key, an unknown trekker; tab indentation in a second file), and its
//! standard output and standard error together are scanned for tell-tale English words.
//!
//! What stays as written is left out of the scan: text between backticks (keys, codes,
//! values), the quoted plan lines of a finding (`44 |   titel: ...`, the plan's own words)
//! and of a `--diff`,
//! the YAML examples of the rule documentation (indented), words joined by `-`, `_`, `.` or
//! `/` (rule names, ids, paths), and the operating system's own error text.

use std::path::Path;
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// English words that give away an untranslated sentence (whole words, case ignored).
const TELL_TALE_ENGLISH: &[&str] = &[
    "the",
    "is not",
    "are",
    "should",
    "must",
    "which",
    "with",
    "does",
    "unknown",
    "missing",
    "expected",
    "found",
    "write",
    "than",
    "did you mean",
    "listed",
    "under",
    "cannot",
    "requirements",
    "behind",
    "overdue",
    "settings",
    "default",
    "command line",
    "limit",
    "prints",
];

/// The prose of `text` a reader reads as a sentence of ours.
fn prose(text: &str) -> String {
    let mut kept = Vec::new();
    let mut in_hunk = false;
    for line in text.lines() {
        // A hunk of a `--diff` runs from its `@@` line while lines start with ` `, `+`, `-`.
        in_hunk = line.starts_with("@@")
            || (in_hunk && [" ", "+", "-"].iter().any(|p| line.starts_with(p)));
        // A quoted plan line or marker line of a finding, an indented YAML example, or a
        // line of the plan in a `--diff`.
        let trimmed = line.trim_start();
        let diff_line = in_hunk || line.starts_with("+++") || line.starts_with("---");
        if diff_line
            || line.starts_with("    ")
            || trimmed.starts_with('|')
            || trimmed
                .split_once(" |")
                .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit()))
        {
            continue;
        }
        // The operating system's own words come last, after our sentence.
        let ours = line.split(" (os error").next().unwrap_or_default();
        let ours = ours.replace("No such file or directory", "");
        let outside: String = ours.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        let words: Vec<String> = outside
            .split_whitespace()
            .filter(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                !w.contains(['-', '_', '.', '/', '='])
            })
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        kept.push(format!(" {} ", words.join(" ")));
    }
    kept.join("\n")
}

fn english_in(text: &str) -> Vec<&'static str> {
    let prose = prose(text);
    TELL_TALE_ENGLISH
        .iter()
        .copied()
        .filter(|w| prose.contains(&format!(" {w} ")))
        .collect()
}

fn regioplan(dir: &Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_ACTIONS")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the regioplan binary runs");
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A directory with `plans/` holding the Amsterdam plan with mistakes, `tab/` the plan with a tab,
/// `a.yaml` and `b.yaml` two versions of the good plan, and `empty/`.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let good = std::fs::read_to_string(root().join("plans/amsterdam-aha.yaml")).expect("plan");
    let broken = good
        .replacen("    trekker: e.koster\n", "    trekker: e.kostr\n", 1)
        .replacen(
            "        status: achieved\n        deadline: 2021-12-31\n",
            "        status: klaar\n        deadline: 2021-12-31\n        status: achieved\n",
            1,
        )
        .replacen("  title: Regioplan", "  titel: Regioplan", 1);
    assert_ne!(broken, good);
    for sub in ["plans", "tab", "empty", "init"] {
        std::fs::create_dir(dir.path().join(sub)).expect("mkdir");
    }
    std::fs::write(dir.path().join("plans/aha.yaml"), &broken).expect("write");
    let tab = good.replacen("  local_name:", "\tlocal_name:", 1);
    std::fs::write(dir.path().join("tab/aha.yaml"), tab).expect("write");
    std::fs::write(dir.path().join("a.yaml"), &good).expect("write");
    let newer = good
        .replacen("    trekker: e.koster\n", "    trekker: p.smit\n", 1)
        .replacen(
            "        status: achieved\n        deadline: 2021-12-31\n",
            "        status: at_risk\n        deadline: 2022-06-30\n",
            1,
        );
    std::fs::write(dir.path().join("b.yaml"), newer).expect("write");
    dir
}

#[test]
fn the_commands_of_issue_17_say_nothing_in_english_under_lang_nl() {
    let dir = workspace();
    let d = dir.path();
    let runs: &[&[&str]] = &[
        &["check", "plans", "--lang", "nl"],
        &["check", "tab", "--lang", "nl"],
        &["check", "plans", "--lang", "nl", "--format", "concise"],
        &[
            "check",
            "plans",
            "--lang",
            "nl",
            "--fix",
            "--unsafe-fixes",
            "--diff",
        ],
        &["check", "missing.yaml", "--lang", "nl"],
        &["check", "empty", "--lang", "nl"],
        &["check", "plans", "--lang", "nl", "--limit", "max-size=1"],
        &["check", "plans", "--lang", "nl", "--limit", "max-depth=0"],
        &[
            "check",
            "plans",
            "--lang",
            "nl",
            "--limit",
            "max-file-size=10",
        ],
        &["check", "plans", "--lang", "nl", "--select", "RP1023"],
        &["rule", "RP102", "--lang", "nl"],
        &["rule", "RP407", "--lang", "nl"],
        &["gaps", "a.yaml", "--lang", "nl", "--as-of", "2022-01-01"],
        &["diff", "a.yaml", "b.yaml", "--lang", "nl"],
        &["diff", "missing.yaml", "b.yaml", "--lang", "nl"],
        &["frameworks", "--lang", "nl"],
        &["frameworks", "nope", "--lang", "nl"],
        &["config", "a.yaml", "--lang", "nl"],
    ];
    let mut problems = Vec::new();
    for args in runs {
        let text = regioplan(d, args);
        assert!(!text.trim().is_empty(), "{args:?} says nothing");
        let english = english_in(&text);
        if !english.is_empty() {
            problems.push(format!("{args:?}: {english:?}\n{text}"));
        }
    }
    let text = regioplan(&d.join("init"), &["init", "--lang", "nl"]);
    let english = english_in(&text);
    if !english.is_empty() {
        problems.push(format!("init: {english:?}\n{text}"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

#[test]
fn the_scan_finds_an_english_sentence_and_passes_what_stays_as_written() {
    assert_eq!(
        english_in("error: the configuration has problems"),
        vec!["the"]
    );
    assert!(english_in("fout[RP102]: onbekende persoon `the`").is_empty());
    assert!(english_in("516 |     trekker: the person with them").is_empty());
    assert!(english_in("RP102 unknown-person (fout)").is_empty());
    assert!(english_in("@@ -1 +1 @@\n   adopted_by: ab   # the board\n+x").is_empty());
    assert_eq!(english_in("@@ -1 +1 @@\n x\nthe end"), vec!["the"]);
    assert!(english_in("kan `x` niet lezen: No such file or directory (os error 2)").is_empty());
}
