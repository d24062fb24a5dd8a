//! The parser floor: the same YAML parsed alone by the parser `regioplan` uses (granit-parser,
//! whose events the loader reads), as an event stream on one thread, counting the events.
//! Nothing is built, so no checker can be faster than this on one thread.
//!
//! - `cargo bench --bench floor`: in-process figures on the seed plans and generated plans.
//! - `cargo bench --bench floor -- FILE...` (or the built binary, as `scripts/bench.sh` runs it):
//!   reads and parses each file in turn and prints the number of events.

use std::path::Path;
use std::time::Instant;

use granit_parser::Parser;

// Only `plan` is used here; the corpus writers serve benches/check.rs.
#[allow(dead_code)]
#[path = "support/generate.rs"]
mod generate;

/// Parses `text` to the end (or to its first syntax error) and returns the number of events.
fn events(text: &str) -> usize {
    let mut count = 0;
    for event in Parser::new_from_str(text) {
        if event.is_err() {
            break;
        }
        count += 1;
    }
    count
}

fn time(name: &str, text: &str, rounds: u32) {
    let start = Instant::now();
    let mut count = 0;
    for _ in 0..rounds {
        count = std::hint::black_box(events(text));
    }
    let per_round = start.elapsed().as_secs_f64() / f64::from(rounds);
    println!(
        "floor, {name}: {} KiB, {count} events: {:.2} ms, {:.1} MiB/s",
        text.len() / 1024,
        per_round * 1e3,
        text.len() as f64 / per_round / 1024.0 / 1024.0
    );
}

fn main() {
    let files: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    if files.is_empty() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for plan in ["amsterdam-aha", "rijnmond-dokters", "amstelland-zorg"] {
            let text = std::fs::read_to_string(root.join(format!("plans/{plan}.yaml")))
                .expect("seed plan");
            time(plan, &text, 200);
        }
        for (goals, rounds) in [(100, 100), (1_000, 10), (5_000, 2)] {
            time(&format!("{goals} goals"), &generate::plan(goals, 1), rounds);
        }
        return;
    }
    let mut total = 0;
    for file in &files {
        match std::fs::read(file) {
            Ok(bytes) => total += events(&String::from_utf8_lossy(&bytes)),
            Err(e) => eprintln!("floor: {file}: {e}"),
        }
    }
    println!("{total} events in {} file(s)", files.len());
}
