//! The globs of a `regioplan.toml` (`exclude` and every `[[overrides]]` path) are compiled once,
//! when the configuration is read, not again for every plan: 70,000 overrides made `check` of
//! 50-100 plans take minutes when each plan compiled them anew. Counted in heap allocations, not
//! timed: resolving the settings of one more plan must cost a small fraction of compiling.

use std::fmt::Write as _;
use std::path::Path;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

#[test]
fn the_globs_of_a_configuration_are_compiled_once_not_per_plan() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let overrides = 2_000;
    let mut text = String::from("exclude = [\"plans/archief/**\", \"**/concept-*.yaml\"]\n");
    for i in 0..overrides {
        let _ = write!(
            text,
            "\n[[overrides]]\npaths = [\"plans/regio-{i}/**/*.yaml\"]\nignore = [\"RP3\"]\n"
        );
    }
    let before = dhat::HeapStats::get().total_blocks;
    let config =
        regioplan::config::file::from_bytes(Path::new("/regio/regioplan.toml"), text.into_bytes())
            .unwrap_or_else(|_| panic!("the configuration reads"));
    let reading = dhat::HeapStats::get().total_blocks - before;

    let input = regioplan::config::SettingsInput::default();
    let plans = 50;
    let before = dhat::HeapStats::get().total_blocks;
    let mut ignored = 0;
    for i in 0..plans {
        let path = format!("/regio/plans/regio-{i}/plan.yaml");
        let settings =
            regioplan::config::Settings::resolve(Some(&config), Some(Path::new(&path)), &input);
        ignored += usize::from(!settings.ignore.is_empty());
        assert!(!config.excludes(Path::new(&path)));
    }
    let resolving = dhat::HeapStats::get().total_blocks - before;
    // Every plan path falls under its own override: the globs are really consulted.
    assert_eq!(ignored, plans);
    assert!(config.excludes(Path::new("/regio/plans/archief/2020.yaml")));
    let per_plan = resolving / plans as u64;
    eprintln!(
        "reading {overrides} overrides: {reading} allocations; resolving one plan: {per_plan}"
    );
    assert!(
        per_plan * 100 < reading,
        "resolving one plan's settings made {per_plan} allocations, reading the configuration \
         (compiling its globs) {reading}: the globs are compiled again per plan"
    );
}
