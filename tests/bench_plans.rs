//! The synthetic plans of the benchmarks (`benches/support/generate.rs`, used by
//! `scripts/bench.sh` and `cargo bench`) are valid plans: a benchmark of `check` on plans full of
//! findings would measure the rendering of findings, not checking.

use regioplan::check::check_bytes;
use regioplan::config::Settings;
use regioplan::plan::catalogue::Catalogue;

// The corpus writers are exercised by `cargo bench --bench check -- generate DIR`.
#[allow(dead_code)]
#[path = "../benches/support/generate.rs"]
mod generate;

#[test]
fn generated_benchmark_plans_pass_check_without_findings() {
    let settings = Settings::defaults(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date"));
    let catalogue = Catalogue::built_in();
    for (goals, seed) in [(1, 1), (20, 3), (80, 4), (100, 1), (1_000, 1)] {
        let text = generate::plan(goals, seed);
        let result = check_bytes("generated.yaml", text.as_bytes(), &settings, &catalogue);
        let found: Vec<String> = result
            .diagnostics
            .iter()
            .map(|d| format!("{} {}", d.code, d.message.en()))
            .collect();
        assert!(
            found.is_empty(),
            "the generated plan of {goals} goals (seed {seed}) has findings: {found:#?}"
        );
    }
}
