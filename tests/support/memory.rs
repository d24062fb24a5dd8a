//! Peak heap of checking one file, for the memory tests (each its own test binary with the
//! `dhat` allocator, so that nothing else runs in the process while it measures).

use regioplan::check::check_bytes;
use regioplan::config::Settings;
use regioplan::plan::catalogue::Catalogue;

/// The most heap that checking `bytes` holds at any moment, beyond what was held before
/// (the input itself, the compiled schema). Call inside a `dhat` testing profiler.
pub fn peak_of_check(bytes: &[u8]) -> usize {
    let settings = Settings::defaults(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date"));
    let catalogue = Catalogue::built_in();
    // Compile the schema (kept for the process) before measuring.
    drop(check_bytes(
        "warm-up.yaml",
        b"regioplan: 1\n",
        &settings,
        &catalogue,
    ));
    let before = dhat::HeapStats::get();
    let result = check_bytes("plan.yaml", bytes, &settings, &catalogue);
    let after = dhat::HeapStats::get();
    drop(result);
    assert!(
        after.max_bytes > before.max_bytes,
        "the check peaked below the warm-up ({} bytes): measure a larger input",
        before.max_bytes
    );
    after.max_bytes - before.curr_bytes
}

/// A plan with `themes` themes of ten goals each, every goal measurable and owned (as the
/// benchmark's generator writes them).
#[must_use]
#[allow(
    dead_code,
    reason = "not every test binary that includes this module generates plans"
)]
pub fn synthetic(themes: usize) -> String {
    use std::fmt::Write as _;
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
