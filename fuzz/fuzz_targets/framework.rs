//! Arbitrary bytes as a reference framework file (`gaps --framework FILE`): the TOML reader, the
//! schema and parameter checks, and, for a framework that reads cleanly, the gaps analysis of
//! the seed plans against it with every renderer of its report. Nothing may panic, every span of
//! a finding lies within the text, and the JSON report validates against the report schema (no
//! `null` where a number belongs: `NaN` or infinity).
#![no_main]

use libfuzzer_sys::fuzz_target;
use regioplan::analysis::gaps::{self, PlanInput};
use regioplan::frameworks;
use regioplan::load;
use regioplan::plan::catalogue::Catalogue;
use regioplan::render;
use regioplan::report::Lang;

/// The report schema, compiled once.
fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    VALIDATOR.get_or_init(|| {
        let schema: serde_json::Value =
            serde_json::from_str(&regioplan::report::schema_text()).expect("the schema parses");
        jsonschema::validator_for(&schema).expect("a valid schema")
    })
}

const PLANS: [&str; 3] = [
    include_str!("../../plans/amsterdam-aha.yaml"),
    include_str!("../../plans/amstelland-zorg.yaml"),
    include_str!("../../plans/rijnmond-dokters.yaml"),
];

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let framework = match frameworks::from_toml("fuzz.toml", text) {
        Ok(framework) => framework,
        Err(result) => {
            for d in &result.diagnostics {
                let span = d.primary.span;
                let end = span.start.checked_add(span.len);
                assert!(
                    end.is_some_and(|end| end <= text.len()
                        && text.is_char_boundary(span.start)
                        && text.is_char_boundary(end)),
                    "span {span:?} outside a text of {} bytes or inside a character: {}",
                    text.len(),
                    d.message
                );
            }
            let mut out = Vec::new();
            render::human::write_diagnostics(&mut out, &[result], false).expect("human");
            return;
        }
    };
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
    let catalogue = Catalogue::built_in();
    let loaded: Vec<_> = PLANS
        .iter()
        .map(|text| load::load("plan.yaml", text.as_bytes()))
        .collect();
    let plans: Vec<_> = loaded
        .iter()
        .filter_map(|l| {
            l.plan.as_ref().map(|plan| PlanInput {
                source: &l.source,
                plan,
            })
        })
        .collect();
    let analysis = gaps::analyse(
        &plans,
        std::slice::from_ref(&framework),
        &catalogue,
        &gaps::Options {
            as_of,
            themes: Vec::new(),
        },
    );
    for lang in [Lang::En, Lang::Nl] {
        let model = gaps::report(&analysis, &catalogue, lang);
        let mut out = Vec::new();
        render::report::table(&mut out, &model).expect("gaps table");
        render::report::markdown(&mut out, &model).expect("gaps markdown");
        render::report::csv(&mut out, &model).expect("gaps csv");
        render::html::html(&mut out, &model).expect("gaps html");
        let mut json = Vec::new();
        render::report::json(&mut json, &model).expect("gaps json");
        let value: serde_json::Value = serde_json::from_slice(&json).expect("the JSON parses");
        let errors: Vec<String> = validator()
            .iter_errors(&value)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "the JSON report breaks its schema: {errors:?}");
    }
});
