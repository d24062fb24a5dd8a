//! `gaps` over many plans holds each plan's text and model, not its spanned tree: the memory of
//! a run over a directory grows by what the analysis needs per plan, not by the sum of trees.

use std::io::Write as _;

use clap::Parser as _;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// Runs `regioplan gaps` in this process.
fn gaps(args: &[&str]) {
    let cli = regioplan::cli::Cli::try_parse_from(
        ["regioplan", "gaps"].iter().chain(args.iter()).copied(),
    )
    .expect("the arguments parse");
    let (mut out, mut err) = (Vec::new(), Vec::new());
    regioplan::commands::run(&cli, &mut out, &mut err).expect("gaps runs");
    let _ = err.flush();
    assert!(!out.is_empty(), "{}", String::from_utf8_lossy(&err));
}

#[test]
fn gaps_over_many_plans_keeps_no_tree_per_plan() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let plan = include_str!("../plans/amsterdam-aha.yaml");
    let dir = tempfile::tempdir().expect("tempdir");
    let plans = 40;
    for i in 0..plans {
        std::fs::write(dir.path().join(format!("plan-{i:02}.yaml")), plan).expect("writes");
    }
    let one = dir.path().join("plan-00.yaml");
    let one = one.to_str().expect("a UTF-8 path");
    // Compile the schemas (kept for the process) before measuring.
    gaps(&[one, "--format", "json"]);
    let before = dhat::HeapStats::get();
    gaps(&[one, "--format", "json"]);
    let single = dhat::HeapStats::get().max_bytes - before.curr_bytes;
    let all = dir.path().to_str().expect("a UTF-8 path");
    let before = dhat::HeapStats::get();
    gaps(&[all, "--format", "json"]);
    let many = dhat::HeapStats::get().max_bytes - before.curr_bytes;
    let per_plan = (many - single) / (plans - 1);
    eprintln!(
        "peak heap: one plan {single} bytes, {plans} plans {many} bytes, {per_plan} bytes (x{:.1} its text) per further plan",
        per_plan as f64 / plan.len() as f64
    );
    assert!(
        per_plan < 8 * plan.len(),
        "each further plan of {} bytes adds {per_plan} bytes to the peak",
        plan.len()
    );
}
