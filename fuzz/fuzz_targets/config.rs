//! Arbitrary bytes as a `regioplan.toml`: the TOML reader, the schema, rule-code and limit
//! checks, and, for a configuration that reads, the settings it resolves to for plans at a few
//! paths (overrides and excludes are globs matched against them). Nothing may panic and every
//! span of a finding lies within the text.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use regioplan::config::{self, Settings, SettingsInput};
use regioplan::render;

fuzz_target!(|bytes: &[u8]| {
    let path = Path::new("repo/regioplan.toml");
    let loaded = match config::file::from_bytes(path, bytes.to_vec()) {
        Ok(loaded) => loaded,
        Err(result) => {
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
            let mut out = Vec::new();
            render::human::write_diagnostics(&mut out, &[result], false).expect("human");
            return;
        }
    };
    let input = SettingsInput {
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default(),
        ..SettingsInput::default()
    };
    for plan in ["repo/plans/a.yaml", "repo/plans/archief/b.yaml", "elders/c.yaml"] {
        let plan = Path::new(plan);
        let settings = Settings::resolve(Some(&loaded), Some(plan), &input);
        let _ = settings.enabled("RP101");
        let _ = settings.level("RP2");
        let _ = loaded.excludes(plan);
    }
});
