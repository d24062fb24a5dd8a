//! Arbitrary bytes as a plan: the loader, the whole `check` pipeline and every findings renderer,
//! then, for a plan that loads without findings (as `report` and `gaps` take it), the report and
//! gaps models and their renderers. Nothing may panic, and every span must lie within the text.
#![no_main]

use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use regioplan::analysis::gaps::{self, PlanInput};
use regioplan::analysis::report;
use regioplan::check::check_bytes;
use regioplan::config::Settings;
use regioplan::frameworks;
use regioplan::load;
use regioplan::plan::catalogue::Catalogue;
use regioplan::render;
use regioplan::report::Lang;

fuzz_target!(|bytes: &[u8]| {
    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default();
    let settings = Settings::defaults(as_of);
    let catalogue = Catalogue::built_in();

    let result = check_bytes("fuzz.yaml", bytes, &settings, &catalogue);
    let text = &result.source.text;
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
    let results = std::slice::from_ref(&result);
    let mut out = Vec::new();
    render::human::write(&mut out, results, &[], false, None).expect("human");
    render::human::write(&mut out, results, &[], true, None).expect("human, colour");
    render::json::write(&mut out, results, &[]).expect("json");
    render::sarif::write(&mut out, results).expect("sarif");
    render::junit::write(&mut out, results, Duration::from_millis(1)).expect("junit");
    render::gitlab::write(&mut out, results).expect("gitlab");
    render::github::write(&mut out, results, &[]).expect("github");
    render::concise::write(&mut out, results, &[]).expect("concise");

    let loaded = load::load("fuzz.yaml", bytes);
    let Some(plan) = loaded.plan.as_ref().filter(|_| loaded.diagnostics.is_empty()) else {
        return;
    };
    for lang in [Lang::En, Lang::Nl] {
        let options = report::Options {
            themes: Vec::new(),
            as_of,
            lang,
        };
        let inputs = [report::Input {
            file: "fuzz.yaml",
            plan,
        }];
        if let Ok(model) = report::report(&inputs, &options) {
            render::report::table(&mut out, &model).expect("report table");
            render::report::markdown(&mut out, &model).expect("report markdown");
            render::report::json(&mut out, &model).expect("report json");
        }
        let framework_list: Vec<_> = ["cz-oi", "hechte-huisartsenzorg", "iza-regioplan"]
            .iter()
            .filter_map(|id| frameworks::built_in(id))
            .collect();
        let plans = [PlanInput {
            source: &loaded.source,
            plan,
        }];
        let analysis = gaps::analyse(
            &plans,
            &framework_list,
            &catalogue,
            &gaps::Options {
                as_of,
                themes: Vec::new(),
            },
        );
        let model = gaps::report(&analysis, &catalogue, lang);
        render::report::table(&mut out, &model).expect("gaps table");
        render::report::markdown(&mut out, &model).expect("gaps markdown");
        render::report::json(&mut out, &model).expect("gaps json");
    }
});
