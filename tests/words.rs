//! Words, not codes (issue 18, item 3): no report a reader gets shows an enum value as the plan
//! writes it (`in_progress`, `algemene_ledenvergadering`, `social_domain`). Every report of
//! the three seed plans (whole and per theme), every gap analysis with the built-in
//! frameworks and diffs of the seed plans are scanned in both languages, as a table and as
//! Markdown, for a snake-case word outside a code span.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The seed plans and a theme of each.
const PLANS: [(&str, &str); 3] = [
    ("amsterdam-aha", "ggz"),
    ("rijnmond-dokters", "ouderenzorg"),
    ("amstelland-zorg", "ggz"),
];

const FRAMEWORKS: [&str; 3] = ["iza-regioplan", "hechte-huisartsenzorg", "cz-oi"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The standard output of a run of the binary; the exit code may be 1 (gaps found).
fn run(dir: &Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// The snake-case words of `text` outside Markdown code spans (`` `...` ``); Markdown's
/// escaped underscore (`\_`) counts as one.
fn snake_case_words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.replace("\\_", "_").lines() {
        for (i, part) in line.split('`').enumerate() {
            if i % 2 == 1 {
                continue; // inside a code span
            }
            for word in part.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
                let pieces: Vec<&str> = word.split('_').collect();
                if pieces.len() > 1
                    && pieces
                        .iter()
                        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase()))
                {
                    found.push(format!("{word} in: {}", line.trim()));
                }
            }
        }
    }
    found
}

/// Every report, gap analysis and diff a reader of the seed plans can get, as table and
/// Markdown, in English and Dutch, with what produced it.
fn every_report() -> Vec<(String, String)> {
    let root = root();
    let mut out = Vec::new();
    for format in ["table", "markdown"] {
        for lang in ["en", "nl"] {
            let base = ["--format", format, "--lang", lang, "--as-of", "2024-01-15"];
            for (plan, theme) in PLANS {
                let path = format!("plans/{plan}.yaml");
                let mut args = vec!["report", path.as_str()];
                args.extend(base);
                out.push((args.join(" "), run(&root, &args)));
                args.extend(["--theme", theme]);
                out.push((args.join(" "), run(&root, &args)));
                for framework in FRAMEWORKS {
                    let mut args = vec!["gaps", path.as_str(), "--framework", framework];
                    args.extend(base);
                    out.push((args.join(" "), run(&root, &args)));
                }
            }
        }
        for (old, new) in [
            ("plans/amsterdam-aha.yaml", "plans/rijnmond-dokters.yaml"),
            ("plans/rijnmond-dokters.yaml", "plans/amstelland-zorg.yaml"),
        ] {
            let args = ["diff", old, new, "--format", format];
            out.push((args.join(" "), run(&root, &args)));
        }
        let dir = tempfile::tempdir().expect("a temporary directory");
        for (plan, _) in PLANS {
            let text = std::fs::read_to_string(root.join(format!("plans/{plan}.yaml")))
                .expect("the seed plan reads");
            let changed = modified(&text);
            assert_ne!(changed, text, "{plan}: the copy differs");
            std::fs::write(dir.path().join("old.yaml"), &text).expect("writes");
            std::fs::write(dir.path().join("new.yaml"), changed).expect("writes");
            let args = ["diff", "old.yaml", "new.yaml", "--format", format];
            out.push((
                format!("{plan}: {}", args.join(" ")),
                run(dir.path(), &args),
            ));
        }
    }
    out
}

/// The plan with enum values changed, so that a diff shows old and new values.
fn modified(text: &str) -> String {
    let swaps = [
        ("status: in_progress", "status: at_risk"),
        ("status: planned", "status: in_progress"),
        ("level: not_started", "level: developing"),
        ("level: developing", "level: not_started"),
        ("strategic: left_to_members", "strategic: undecided"),
        ("strategic: regional", "strategic: left_to_members"),
        ("kind: algemene_ledenvergadering", "kind: algemeen_bestuur"),
        ("kind: algemeen_bestuur", "kind: raad_van_toezicht"),
        ("domain: social_domain", "domain: gp_care"),
        ("domain: gp_care", "domain: social_domain"),
        ("line: segment_1", "line: segment_3"),
        ("line: segment_2", "line: o_and_i"),
        ("monitoring: quarterly", "monitoring: half_yearly"),
        ("direction: increase", "direction: maintain"),
    ];
    let mut text = text.to_string();
    for (from, to) in swaps {
        text = text.replacen(from, to, 1);
    }
    text
}

#[test]
fn no_report_shows_an_enum_value_as_the_plan_writes_it() {
    let mut leaks = Vec::new();
    let reports = every_report();
    for (what, text) in &reports {
        assert!(!text.trim().is_empty(), "{what}: empty");
        for word in snake_case_words(text) {
            leaks.push(format!("{what}: {word}"));
        }
    }
    assert!(
        leaks.is_empty(),
        "{} codes:\n{}",
        leaks.len(),
        leaks.join("\n")
    );
}

#[test]
fn the_scan_finds_snake_case_outside_code_spans_only() {
    let found =
        snake_case_words("a in_progress b `at_risk` c 2024_01 d Not_started e x_ f key\\_figures");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("in_progress"));
    assert!(found[1].starts_with("key_figures"));
}
