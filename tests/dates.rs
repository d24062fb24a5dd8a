//! RP201 on a plan with impossible dates in several places, through the library's `check`.

use regioplan::check::check_bytes;
use regioplan::config::Settings;
use regioplan::plan::catalogue::Catalogue;

/// RP201 reads every date of a plan, wherever it is, and names it: each impossible date is
/// reported once, with what it is.
#[test]
fn an_impossible_date_is_reported_wherever_it_is() {
    let settings = Settings::defaults(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date"));
    let catalogue = Catalogue::built_in();
    let example = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples/invalid/RP201-impossible-date.yaml"),
    )
    .expect("the example");
    let text = example
        .replace("started: 2014-01-01", "started: 2014-02-31")
        .replace(
            "        deadline: 2023-02-30\n",
            "        deadline: 2023-02-30\n        measurements:\n          - {date: 2022-13, value: 7}\n          - {date: 2023-01-15, value: 6}\n        milestones:\n          - {date: 2022-04-31, target: 8}\n",
        );
    let result = check_bytes("dates.yaml", text.as_bytes(), &settings, &catalogue);
    let mut found: Vec<String> = result
        .diagnostics
        .iter()
        .filter(|d| d.code == "RP201")
        .map(|d| d.message.en().to_string())
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            "`2014-02-31` as the region's start is not a day of the calendar",
            "`2022-04-31` as milestone date of goal `ggz-1` is not a day of the calendar",
            "`2022-13` as measurement date of goal `ggz-1` is not a month of the calendar",
            "`2023-02-30` as deadline of goal `ggz-1` is not a day of the calendar",
        ],
        "{:#?}",
        result.diagnostics
    );
}
