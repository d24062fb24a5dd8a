//! The language server's re-check after a one-character change, in process: what the server
//! does once the typing pauses (`server::DEBOUNCE`): take the new text, run the check of
//! `regioplan check`, turn the findings into LSP diagnostics. Not part of `cargo test`.
//!
//! `cargo bench --bench server`: for each seed plan, the fastest, the median and the slowest of
//! 200 re-checks, each after one character of the first `name:` changed (alternately added and
//! removed, so that every round checks a text it has not just checked). On a shared machine the
//! fastest is the figure of the work itself; the median and the slowest include waiting for a
//! core.

use std::time::{Duration, Instant};

use lsp_types::Url;
use regioplan::config::Settings;
use regioplan::plan::catalogue::Catalogue;
use regioplan::server::{Document, Encoding};

const ROUNDS: usize = 200;

fn main() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let settings = Settings::defaults(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date"));
    let catalogue = Catalogue::built_in();
    for name in ["amsterdam-aha", "rijnmond-dokters", "amstelland-zorg"] {
        let path = root.join(format!("plans/{name}.yaml"));
        let text = std::fs::read_to_string(&path).expect("seed plan");
        let uri = Url::from_file_path(&path).expect("absolute path");
        // The change: one character more or less at the end of the first `name:` value.
        let at = text.find("name: ").expect("a name") + "name: ".len();
        let at = at + text[at..].find('\n').expect("a line end");
        let changed = format!("{}x{}", &text[..at], &text[at..]);
        let mut doc = Document::new(uri, 1, text.clone());
        doc.check(&settings, &catalogue, false);
        assert!(doc.findings.is_empty(), "{name} is not a clean plan");
        let mut times = Vec::with_capacity(ROUNDS);
        for round in 0..ROUNDS {
            let next = if round % 2 == 0 { &changed } else { &text };
            let version = i32::try_from(round).unwrap_or(i32::MAX) + 2;
            let start = Instant::now();
            doc.change(version, next.clone());
            doc.check(&settings, &catalogue, false);
            std::hint::black_box(doc.publish(Encoding::Utf16));
            times.push(start.elapsed());
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "{name}: {} KiB, re-check after a one-character change: fastest {:.2} ms, median {:.2} ms, slowest {:.2} ms ({ROUNDS} rounds)",
            text.len() / 1024,
            ms(times[0]),
            ms(times[ROUNDS / 2]),
            ms(times[ROUNDS - 1]),
        );
    }
}
