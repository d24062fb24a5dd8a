//! In-process figures of `check`, `report` and `gaps` model building, and the synthetic plans
//! for `scripts/bench.sh`. Not part of `cargo test`.
//!
//! - `cargo bench --bench check`: times `check_bytes` on the seed plans and on generated plans of
//!   100, 1,000 and 5,000 goals (the largest under the 4 MiB file limit), one thread, schema compiled once (a plain timing loop: the
//!   figures are stable to a few percent, which is what the targets need, and the process-level
//!   comparison lives in `scripts/bench.sh`).
//! - `cargo bench --bench check -- generate DIR`: writes the size series
//!   (`DIR/goals-{100,1000,5000,10000,100000}.yaml`) and the 1,000-plan corpus (`DIR/corpus/`).

use std::path::Path;
use std::time::Instant;

use regioplan::check::check_bytes;
use regioplan::config::Settings;
use regioplan::plan::catalogue::Catalogue;

#[path = "support/generate.rs"]
mod generate;

fn time(name: &str, inputs: &[(String, Vec<u8>)], rounds: u32) {
    let settings = Settings::defaults(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date"));
    let catalogue = Catalogue::built_in();
    let bytes: usize = inputs.iter().map(|(_, b)| b.len()).sum();
    // Warm up (schema compilation happens once per process).
    for (n, b) in inputs {
        let result = check_bytes(n, b, &settings, &catalogue);
        assert!(
            result.diagnostics.is_empty(),
            "{n} is not a clean plan: {:?}",
            result.diagnostics.first()
        );
    }
    let start = Instant::now();
    for _ in 0..rounds {
        for (n, b) in inputs {
            std::hint::black_box(check_bytes(n, b, &settings, &catalogue));
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    let per_round = elapsed / f64::from(rounds);
    println!(
        "{name}: {} file(s), {} KiB: {:.2} ms per round, {:.1} MiB/s",
        inputs.len(),
        bytes / 1024,
        per_round * 1e3,
        bytes as f64 / per_round / 1024.0 / 1024.0
    );
}

fn seed_plans(root: &Path) -> Vec<(String, String)> {
    ["amsterdam-aha", "rijnmond-dokters", "amstelland-zorg"]
        .iter()
        .map(|p| {
            let path = root.join(format!("plans/{p}.yaml"));
            (
                (*p).to_string(),
                std::fs::read_to_string(path).expect("plan"),
            )
        })
        .collect()
}

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [command, dir, ..] = args.as_slice()
        && command == "generate"
    {
        let dir = Path::new(dir);
        generate::write_series(dir).expect("write the size series");
        generate::write_corpus(&dir.join("corpus"), &seed_plans(root), 1_000)
            .expect("write the corpus");
        println!("generated {}", dir.display());
        return;
    }
    let plans: Vec<(String, Vec<u8>)> = seed_plans(root)
        .into_iter()
        .map(|(n, t)| (n, t.into_bytes()))
        .collect();
    time("seed plans", &plans, 200);
    for (goals, rounds) in [(100, 100), (1_000, 10), (5_000, 2)] {
        time(
            &format!("synthetic, {goals} goals"),
            &[("synthetic".into(), generate::plan(goals, 1).into_bytes())],
            rounds,
        );
    }
}
