//! The findings of the date, theme, goal, key-figure and governance rules (`RP2xx`-`RP5xx`)
//! read in Dutch: for the example of each such rule in `examples/invalid/`, the message, every
//! label and the help of each of its findings have a Dutch text, and that text is not the
//! English one (what the transitional `From<String> for Message` would give).

use std::path::Path;

use regioplan::check::check_bytes;
use regioplan::config::Settings;
use regioplan::lang::{Lang, Message};
use regioplan::plan::catalogue::Catalogue;
use regioplan::rules::ALL;

/// Measurements in the examples are compared with this date (as in tests/examples.rs).
fn settings() -> Settings {
    Settings::defaults(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date"))
}

/// The rules whose messages this test covers: dates, themes, goals, key figures, governance.
fn covered(code: &str) -> bool {
    ["RP2", "RP3", "RP4", "RP5"]
        .iter()
        .any(|prefix| code.starts_with(prefix))
}

/// What is wrong with one text of a finding, if anything.
fn problem(what: &str, text: &Message) -> Option<String> {
    let (en, nl) = (text.get(Lang::En), text.get(Lang::Nl));
    if nl.trim().is_empty() {
        Some(format!("{what}: no Dutch text (English: {en:?})"))
    } else if en == nl {
        Some(format!("{what}: the Dutch text is the English one: {en:?}"))
    } else if [" the ", " and ", " has ", " with ", " not "]
        .iter()
        .any(|word| format!(" {nl} ").contains(word))
    {
        Some(format!("{what}: English words in the Dutch text: {nl:?}"))
    } else {
        None
    }
}

#[test]
fn every_finding_of_the_date_goal_figure_and_governance_rules_reads_in_dutch() {
    // The checks recurse over nested goals; an unoptimised build needs more than a test
    // thread's 2 MiB.
    std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(check_examples)
        .expect("a thread")
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e));
}

fn check_examples() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/invalid");
    let catalogue = Catalogue::built_in();
    let mut problems = Vec::new();
    let mut checked = 0;
    for rule in ALL.iter().filter(|r| covered(r.code)) {
        let file = dir.join(format!("{}-{}.yaml", rule.code, rule.name));
        let bytes =
            std::fs::read(&file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
        let result = check_bytes(&file.to_string_lossy(), &bytes, &settings(), &catalogue);
        let findings: Vec<_> = result
            .diagnostics
            .iter()
            .filter(|d| d.code == rule.code)
            .collect();
        if findings.is_empty() {
            problems.push(format!("{}: its example has no finding", rule.code));
        }
        for d in findings {
            checked += 1;
            let code = d.code;
            problems.extend(problem(&format!("{code} message"), &d.message));
            problems.extend(problem(&format!("{code} label"), &d.primary.message));
            for label in &d.secondary {
                problems.extend(problem(&format!("{code} secondary label"), &label.message));
            }
            match &d.help {
                Some(help) => problems.extend(problem(&format!("{code} help"), help)),
                None => problems.push(format!("{code}: no help")),
            }
        }
    }
    // 8 date rules, 9 theme and goal rules, 8 key-figure rules and 2 governance rules.
    assert!(checked >= 27, "only {checked} findings checked");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
