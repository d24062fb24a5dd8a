//! Throughput of `check` on the seed plans and on a large synthetic plan.
//! Run with `cargo bench --bench check` (a plain timing loop; no statistics crate needed for
//! figures this stable). Not part of `cargo test`.

use std::fmt::Write as _;
use std::time::Instant;

use regioplan::check::check_bytes;
use regioplan::config::Settings;
use regioplan::plan::catalogue::Catalogue;

fn time(name: &str, inputs: &[(String, Vec<u8>)], rounds: u32) {
    let settings = Settings::defaults(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date"));
    let catalogue = Catalogue::built_in();
    let bytes: usize = inputs.iter().map(|(_, b)| b.len()).sum();
    // Warm up (schema compilation happens once per process).
    for (n, b) in inputs {
        std::hint::black_box(check_bytes(n, b, &settings, &catalogue));
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

/// A plan with `themes` themes of ten goals each, every goal measurable and owned.
fn synthetic(themes: usize) -> String {
    let mut text = String::from(
        "regioplan: 1\nregion:\n  name: Synthetisch\n  municipalities: [A]\n  started: 2020-01-01\n  governance_model: monodisciplinary\nperiod:\n  start: 2021-01-01\n  end: 2025-12-31\npeople:\n  - id: p\n    name: P\ngovernance:\n  - id: ab\n    name: AB\n    kind: algemeen_bestuur\nworkgroups:\n  - id: wg\n    name: WG\nthemes:\n",
    );
    for t in 0..themes {
        let _ = write!(
            text,
            "  - id: t{t}\n    name: Thema {t}\n    strategic: regional\n    trekker: p\n    workgroup: wg\n    board_contact: p\n    goals:\n"
        );
        for g in 0..10 {
            let _ = write!(
                text,
                "      - id: t{t}-g{g}\n        title: Doel {g}\n        owner: p\n        status: in_progress\n        deadline: 2024-12-31\n        indicator: {{name: n, unit: u, baseline: 1, target: 10, direction: increase}}\n        measurements:\n          - {{date: 2022-01-01, value: 2}}\n          - {{date: 2023-01-01, value: 5}}\n"
            );
        }
    }
    text
}

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let plans: Vec<(String, Vec<u8>)> = ["amsterdam-aha", "rijnmond-dokters", "amstelland-zorg"]
        .iter()
        .map(|p| {
            let path = root.join(format!("plans/{p}.yaml"));
            (p.to_string(), std::fs::read(path).expect("plan"))
        })
        .collect();
    time("seed plans", &plans, 200);
    let large = synthetic(300);
    time(
        "synthetic, 300 themes x 10 goals",
        &[("large".into(), large.into_bytes())],
        5,
    );
}
