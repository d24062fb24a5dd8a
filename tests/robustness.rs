//! Robustness: deterministic mutations of the seed plans and the rule examples. Whatever the
//! input, `check` must not panic, every span must lie within the text, and every renderer must
//! write (the JSON ones valid JSON). No fuzzing crate: a tiny xorshift generator with a fixed
//! seed, so a failure is reproduced by its seed.
//!
//! Environment (see `scripts/fuzz.sh`):
//! - `REGIOPLAN_MUTATIONS`: the number of mutated inputs (default 3000);
//! - `REGIOPLAN_SEED`: the run's seed (default fixed);
//! - `REGIOPLAN_CASE_SEED`: check only the one input with this case seed (from a failure report).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::Duration;

use regioplan::analysis::diff::{self, Versions};
use regioplan::check::check_bytes;
use regioplan::config::Settings;
use regioplan::diagnostic::Span;
use regioplan::diagnostic::{FileResult, SourceFile};
use regioplan::lang::Lang;
use regioplan::load;
use regioplan::plan::Plan;
use regioplan::plan::catalogue::Catalogue;
use regioplan::render;

const DEFAULT_MUTATIONS: usize = 3000;
const DEFAULT_SEED: u64 = 0x5EED_2026_1122;
/// The stack the binary checks on (`main.rs`, `commands/check.rs`).
const BINARY_STACK_BYTES: usize = 64 * 1024 * 1024;
/// Inputs rendered together.
const BATCH: usize = 50;
/// Batches between progress lines.
const PROGRESS_BATCHES: usize = 200;
/// Stop collecting after this many failures; one is enough to act on.
const MAX_FAILURES: usize = 10;

/// xorshift64* (Vigna): small, fast and good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        // Xorshift must not start at zero; mix the seed so nearby seeds diverge at once.
        Rng(splitmix(seed) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n as u64).expect("fits")
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

fn splitmix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn env_number(name: &str) -> Option<u64> {
    let raw = std::env::var(name).ok()?;
    let raw = raw.trim().replace('_', "");
    let parsed = match raw.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => raw.parse(),
    };
    Some(parsed.unwrap_or_else(|_| panic!("{name}={raw} is not a number")))
}

/// The inputs mutations start from: the seed plans and every rule example.
fn corpus() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in ["plans", "examples/invalid", "examples/valid"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("corpus directory") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "yaml") {
                files.push(path);
            }
        }
    }
    files.sort();
    assert!(files.len() >= 40, "corpus too small: {}", files.len());
    files
        .into_iter()
        .map(|p| {
            let name = p.strip_prefix(root).unwrap_or(&p).display().to_string();
            (name, std::fs::read(&p).expect("read corpus file"))
        })
        .collect()
}

/// Single bytes that YAML or UTF-8 treat specially.
const BYTES: &[u8] = &[
    0x00, 0xFF, b':', b'-', b'[', b'{', b'&', b'*', b'!', b'#', b'\t', b'\r', b'\n', b' ', b']',
    b'}', b',', b'?', b'|', b'>', b'"', b'\'', b'%', b'@', b'`', b'\\', 0xC3, 0x80, 0x7F, 0x0B,
];

/// Short texts that YAML, UTF-8 or regioplan treat specially.
const SNIPPETS: &[&str] = &[
    "é",
    "😀",
    "\u{FEFF}",
    "\u{85}",
    "\u{2028}",
    "\u{200B}",
    "---\n",
    "...\n",
    "? ",
    "%YAML 1.2\n",
    "%TAG ! tag:x,2000:\n",
    "!!str ",
    "!!binary ",
    "!custom ",
    "|\n",
    ">-\n",
    "\"",
    "'",
    "~",
    "null",
    ".inf",
    ".nan",
    "2022-02-30",
    "0x1F",
    "0o17",
    "1_000",
    "800.000",
    "# regioplan: ignore[RP102] volgt\n",
    "# regioplan: ignore[RP1, rp999,]\n",
    "  # regioplan: ignore[",
    " # regioplan: ignore[RP304] é\n",
];

/// Values of the wrong type or shape, and dates at the edges.
const VALUES: &[&str] = &[
    "[]",
    "{}",
    "~",
    "\"\"",
    "[x, [y, {z: 1}]]",
    "{id: x, name: y}",
    "true",
    "-1",
    "9999-12-31",
    "0000-01-01",
    "2022-02-29",
    "2024-02-29",
    "2022-13-01",
    "+10000-01-01",
    "2022-01-01T00:00:00Z",
    "!!binary aGk=",
    "!!timestamp 2022-01-01",
    "!!int 1",
    "!!map {}",
    "? [a]",
    "|-\n  multi\n  line",
];

const NUMBERS: &[&str] = &[
    "-1",
    "1e308",
    "-1e308",
    "1e309",
    "99999999999999999999",
    "18446744073709551616",
    "-9223372036854775809",
    "0",
    "-0",
    "0.5",
    "1e-400",
    ".inf",
    "-.inf",
    ".nan",
    "0x7FFFFFFFFFFFFFFF",
];

/// One edit; `describe` says what it did, for the failure report.
fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>, corpus: &[(String, Vec<u8>)], describe: &mut String) {
    let lines = line_ranges(bytes);
    let line = |rng: &mut Rng| lines[rng.below(lines.len())].clone();
    match rng.below(15) {
        0 => {
            let l = line(rng);
            let _ = write!(describe, "delete line at byte {}; ", l.start);
            bytes.drain(l);
        }
        1 => {
            let l = line(rng);
            let copy = bytes[l.clone()].to_vec();
            let _ = write!(describe, "duplicate line at byte {}; ", l.start);
            splice(bytes, l.start, l.start, &ensure_newline(copy));
        }
        2 => {
            let (a, b) = (line(rng), line(rng));
            let (a, b) = if a.start <= b.start { (a, b) } else { (b, a) };
            if a.start != b.start {
                let _ = write!(
                    describe,
                    "swap lines at bytes {} and {}; ",
                    a.start, b.start
                );
                let first = ensure_newline(bytes[a.clone()].to_vec());
                let second = ensure_newline(bytes[b.clone()].to_vec());
                splice(bytes, b.start, b.end, &first);
                splice(bytes, a.start, a.end, &second);
            }
        }
        3 => {
            let at = rng.below(bytes.len() + 1);
            let _ = write!(describe, "truncate at byte {at}; ");
            bytes.truncate(at);
        }
        4 => {
            let at = rng.below(bytes.len() + 1);
            let byte = *rng.pick(BYTES);
            let _ = write!(describe, "insert byte 0x{byte:02X} at {at}; ");
            bytes.insert(at, byte);
        }
        5 => {
            let at = rng.below(bytes.len() + 1);
            let snippet = *rng.pick(SNIPPETS);
            let _ = write!(describe, "insert {snippet:?} at {at}; ");
            splice(bytes, at, at, snippet.as_bytes());
        }
        6 => {
            let l = line(rng);
            let indent = bytes[l.clone()].iter().take_while(|&&b| b == b' ').count();
            let new: Vec<u8> = match rng.below(4) {
                0 => vec![b' '; indent + 1 + rng.below(4)],
                1 => vec![b' '; indent.saturating_sub(1 + rng.below(4))],
                2 => vec![b'\t'; 1 + rng.below(2)],
                _ => vec![b' '; rng.below(40)],
            };
            let _ = write!(
                describe,
                "reindent line at byte {} from {indent} to {:?}; ",
                l.start,
                String::from_utf8_lossy(&new)
            );
            splice(bytes, l.start, l.start + indent, &new);
        }
        7 => {
            if let Some(value) = value_range(rng, bytes, &lines) {
                let long = long_string(rng);
                let _ = write!(
                    describe,
                    "replace value at {} by a {}-byte string; ",
                    value.start,
                    long.len()
                );
                splice(bytes, value.start, value.end, long.as_bytes());
            }
        }
        8 => {
            if let Some(number) = number_range(rng, bytes) {
                let new = *rng.pick(NUMBERS);
                let _ = write!(describe, "replace number at {} by {new}; ", number.start);
                splice(bytes, number.start, number.end, new.as_bytes());
            }
        }
        9 => {
            let l = line(rng);
            let indent = bytes[l.clone()].iter().take_while(|&&b| b == b' ').count();
            let merge = format!(
                "{}<<: *{}\n",
                " ".repeat(indent),
                rng.pick(&["x", "a", "b"])
            );
            let _ = write!(describe, "insert {merge:?} at {}; ", l.start);
            splice(bytes, l.start, l.start, merge.as_bytes());
        }
        10 => {
            // An anchor on one value and an alias (or a merge of it) somewhere else.
            let name = *rng.pick(&["a", "b", "x"]);
            if let Some(value) = value_range(rng, bytes, &lines) {
                let anchor = format!("&{name} ");
                let _ = write!(describe, "anchor &{name} at {}; ", value.start);
                splice(bytes, value.start, value.start, anchor.as_bytes());
            }
            let lines = line_ranges(bytes);
            if let Some(value) = value_range(rng, bytes, &lines) {
                let alias = if rng.chance(4) {
                    format!("[*{name}, *{name}]")
                } else {
                    format!("*{name}")
                };
                let _ = write!(describe, "alias {alias} at {}; ", value.start);
                splice(bytes, value.start, value.end, alias.as_bytes());
            }
        }
        11 => {
            // A key line at the end of a mapping or a block anchored and aliased as a whole.
            let l = line(rng);
            let indent = bytes[l.clone()].iter().take_while(|&&b| b == b' ').count();
            let text = format!(
                "{}k{}: &m {{a: 1, b: [*m]}}\n",
                " ".repeat(indent),
                rng.below(100)
            );
            let _ = write!(describe, "insert {text:?} at {}; ", l.start);
            splice(bytes, l.start, l.start, text.as_bytes());
        }
        12 => {
            if let Some(value) = value_range(rng, bytes, &lines) {
                let new = *rng.pick(VALUES);
                let _ = write!(describe, "replace value at {} by {new:?}; ", value.start);
                splice(bytes, value.start, value.end, new.as_bytes());
            }
        }
        13 => {
            // A line of another file: a key or an item where it does not belong.
            let (donor, text) = rng.pick(corpus);
            let lines_there = line_ranges(text);
            let there = lines_there[rng.below(lines_there.len())].clone();
            let at = line(rng).start;
            let _ = write!(
                describe,
                "insert line at byte {} of {donor} at {at}; ",
                there.start
            );
            splice(bytes, at, at, &ensure_newline(text[there].to_vec()));
        }
        _ => {
            // Flip one byte to a random one.
            if !bytes.is_empty() {
                let at = rng.below(bytes.len());
                let byte = u8::try_from(rng.below(256)).expect("byte");
                let _ = write!(describe, "set byte {at} to 0x{byte:02X}; ");
                bytes[at] = byte;
            }
        }
    }
}

/// The byte ranges of the lines, each with its `\n`; never empty.
fn line_ranges(bytes: &[u8]) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            ranges.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < bytes.len() || ranges.is_empty() {
        ranges.push(start..bytes.len());
    }
    ranges
}

fn ensure_newline(mut line: Vec<u8>) -> Vec<u8> {
    if line.last() != Some(&b'\n') {
        line.push(b'\n');
    }
    line
}

fn splice(bytes: &mut Vec<u8>, start: usize, end: usize, with: &[u8]) {
    bytes.splice(start..end, with.iter().copied());
}

/// The value after `key: ` on a random line that has one (up to the line end).
fn value_range(
    rng: &mut Rng,
    bytes: &[u8],
    lines: &[std::ops::Range<usize>],
) -> Option<std::ops::Range<usize>> {
    for _ in 0..20 {
        let l = lines[rng.below(lines.len())].clone();
        let line = &bytes[l.clone()];
        let Some(colon) = line.windows(2).position(|w| w == b": ") else {
            continue;
        };
        let end = line
            .iter()
            .rposition(|&b| b != b'\n' && b != b'\r')
            .map_or(0, |i| i + 1);
        if colon + 2 < end {
            return Some(l.start + colon + 2..l.start + end);
        }
    }
    None
}

/// A run of digits (with a `.`) somewhere in the text.
fn number_range(rng: &mut Rng, bytes: &[u8]) -> Option<std::ops::Range<usize>> {
    let starts: Vec<usize> = (0..bytes.len())
        .filter(|&i| bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit()))
        .collect();
    if starts.is_empty() {
        return None;
    }
    let start = *rng.pick(&starts);
    let len = bytes[start..]
        .iter()
        .take_while(|b| b.is_ascii_digit() || **b == b'.')
        .count();
    Some(start..start + len)
}

fn long_string(rng: &mut Rng) -> String {
    let len = match rng.below(4) {
        0 => 200 + rng.below(300),
        1 => 2_000 + rng.below(8_000),
        2 => 70_000,
        _ => 1 + rng.below(100),
    };
    let unit = *rng.pick(&["x", "é", "ab ", "😀", "\\n", "a: b"]);
    let quote = rng.below(3);
    let body = unit.repeat(len / unit.len() + 1);
    match quote {
        0 => format!("\"{}\"", body.replace('\\', "\\\\")),
        1 => format!("'{body}'"),
        _ => body,
    }
}

/// A mutated input and how it was made.
struct Case {
    seed: u64,
    base: String,
    mutations: String,
    bytes: Vec<u8>,
    /// Whether to also diff the input against the plan it was made from, as `regioplan diff`.
    diff: bool,
}

fn make_case(seed: u64, corpus: &[(String, Vec<u8>)]) -> Case {
    let mut rng = Rng::new(seed);
    let (base, original) = rng.pick(corpus);
    let mut bytes = original.clone();
    let mut mutations = String::new();
    let count = if rng.chance(8) {
        4 + rng.below(6)
    } else {
        1 + rng.below(3)
    };
    for _ in 0..count {
        mutate(&mut rng, &mut bytes, corpus, &mut mutations);
    }
    Case {
        seed,
        base: base.clone(),
        mutations,
        bytes,
        diff: rng.chance(4),
    }
}

/// The settings of a run without configuration, on the day the corpus was written.
fn settings() -> Settings {
    Settings::defaults(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date"))
}

/// The message of a caught panic.
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".to_string())
}

/// Runs `f`, turning a panic into an error.
fn guarded<T>(what: &str, f: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(f))
        .map_err(|p| format!("{what} panicked: {}", panic_message(&*p)))
}

/// What is wrong with a span, if anything.
fn bad_span(source: &SourceFile, span: Span) -> Option<String> {
    let len = source.text.len();
    let Some(end) = span.start.checked_add(span.len) else {
        return Some(format!("{span:?} overflows"));
    };
    if span.start > len || end > len {
        return Some(format!("{span:?} lies outside the text of {len} bytes"));
    }
    if !source.text.is_char_boundary(span.start) || !source.text.is_char_boundary(end) {
        return Some(format!("{span:?} splits a character"));
    }
    None
}

/// Checks one input and the spans of its findings; returns the result or what broke.
fn verify_check(
    case: &Case,
    catalogue: &Catalogue,
    settings: &Settings,
    plans: &Plans,
) -> Result<FileResult, String> {
    let name = format!("mutated-0x{:x}/{}", case.seed, case.base);
    let result = guarded("check", || {
        check_bytes(&name, &case.bytes, settings, catalogue)
    })?;
    for d in &result.diagnostics {
        let labels = std::iter::once(&d.primary).chain(&d.secondary);
        for (i, label) in labels.enumerate() {
            if let Some(problem) = bad_span(&result.source, label.span) {
                let which = if i == 0 { "primary" } else { "secondary" };
                return Err(format!(
                    "{} ({}): {which} span {problem}",
                    d.code,
                    d.message.en()
                ));
            }
        }
        let (start, end) = render::positions(&result.source, d.primary.span);
        if start > end {
            return Err(format!("{}: start {start:?} after end {end:?}", d.code));
        }
    }
    if case.diff
        && let Some(old) = plans.get(&case.base)
    {
        verify_diff(old, &case.bytes)?;
    }
    Ok(result)
}

/// The plans the corpus files load as, by name.
type Plans = HashMap<String, Plan>;

/// Loads every corpus file that is a plan (on the binary's stack: some are nested deep).
fn base_plans(corpus: &[(String, Vec<u8>)]) -> Plans {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(BINARY_STACK_BYTES)
            .spawn_scoped(scope, || {
                corpus
                    .iter()
                    .filter_map(|(name, bytes)| Some((name.clone(), load::load(name, bytes).plan?)))
                    .collect()
            })
            .expect("spawn")
            .join()
            .expect("the corpus loads")
    })
}

/// `regioplan diff` both ways between a plan and a mutated input, when that loads as a plan.
fn verify_diff(old: &Plan, bytes: &[u8]) -> Result<(), String> {
    let Some(new) = guarded("load", || load::load("new.yaml", bytes).plan)? else {
        return Ok(());
    };
    for (a, b) in [(old, &new), (&new, old)] {
        let changes = guarded("diff", || diff::diff(a, b))?;
        let versions = Versions {
            old: "old.yaml",
            new: "new.yaml",
        };
        let report = guarded("diff report", || {
            diff::report(&changes, versions, regioplan::lang::Lang::En)
        })?;
        for (format, write) in [
            ("table", render::report::table as ReportRenderer),
            ("markdown", render::report::markdown),
            ("json", render::report::json),
        ] {
            let mut out = Vec::new();
            guarded(format, || write(&mut out, &report))?
                .map_err(|e| format!("the diff {format} renderer failed: {e}"))?;
            if format == "json"
                && let Err(e) = serde_json::from_slice::<serde_json::Value>(&out)
            {
                return Err(format!("the diff json output is not JSON: {e}"));
            }
        }
    }
    Ok(())
}

type ReportRenderer =
    fn(&mut dyn std::io::Write, &regioplan::report::Report) -> std::io::Result<()>;

type Renderer = fn(&mut Vec<u8>, &[FileResult], Lang) -> std::io::Result<()>;

const RENDERERS: [(&str, Renderer); 7] = [
    ("human", |o, r, l| {
        render::human::write(o, r, &[], false, None, l)
    }),
    ("json", |o, r, l| render::json::write(o, r, &[], l)),
    ("sarif", |o, r, l| render::sarif::write(o, r, l)),
    ("junit", |o, r, l| {
        render::junit::write(o, r, Duration::from_millis(1), l)
    }),
    ("gitlab", |o, r, l| render::gitlab::write(o, r, l)),
    ("github", |o, r, l| render::github::write(o, r, &[], l)),
    ("concise", |o, r, l| render::concise::write(o, r, &[], l)),
];

/// Renders results in every format and both languages; returns what broke. The JSON formats
/// must parse.
fn verify_render(results: &[FileResult]) -> Result<(), String> {
    for (format, write) in RENDERERS {
        for lang in Lang::ALL {
            let mut out = Vec::new();
            guarded(format, || write(&mut out, results, lang))?
                .map_err(|e| format!("the {format} renderer failed: {e}"))?;
            if matches!(format, "json" | "sarif" | "gitlab")
                && let Err(e) = serde_json::from_slice::<serde_json::Value>(&out)
            {
                return Err(format!("the {format} output is not JSON: {e}"));
            }
        }
    }
    Ok(())
}

/// Checks a batch of inputs, each on its own thread with the binary's stack, then renders
/// the results together (the fixed cost of a report, such as SARIF's rule list, is paid once
/// per batch); a batch that fails to render is rendered input by input to find the culprit.
fn verify_batch(
    cases: &[Case],
    catalogue: &Catalogue,
    settings: &Settings,
    plans: &Plans,
) -> Vec<(usize, String)> {
    let mut failures = Vec::new();
    let mut checked = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        // A stack overflow aborts instead of unwinding; the thread's name then still tells
        // which input it was.
        let outcome = std::thread::scope(|one| {
            std::thread::Builder::new()
                .name(format!("case-seed-0x{:x}", case.seed))
                .stack_size(BINARY_STACK_BYTES)
                .spawn_scoped(one, || verify_check(case, catalogue, settings, plans))
                .expect("spawn")
                .join()
                .unwrap_or_else(|p| Err(format!("panicked: {}", panic_message(&*p))))
        });
        match outcome {
            Ok(result) => checked.push((i, result)),
            Err(problem) => failures.push((i, problem)),
        }
    }
    let (indices, results): (Vec<usize>, Vec<FileResult>) = checked.into_iter().unzip();
    if verify_render(&results).is_err() {
        for (i, result) in indices.into_iter().zip(results) {
            if let Err(problem) = verify_render(std::slice::from_ref(&result)) {
                failures.push((i, problem));
            }
        }
    }
    failures
}

/// Saves a failing input where a person can pick it up and describes the failure.
fn report(case: &Case, run_seed: u64, problem: &str) -> String {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("robustness");
    let file = dir.join(format!("case-{:016x}.yaml", case.seed));
    let saved = std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(&file, &case.bytes))
        .map_or_else(
            |e| format!("(not saved: {e})"),
            |()| file.display().to_string(),
        );
    let mut text = format!(
        "{problem}\n  run seed REGIOPLAN_SEED=0x{run_seed:x}; reproduce with \
         REGIOPLAN_CASE_SEED=0x{:x}\n  from {}: {}\n  input saved to {saved}",
        case.seed, case.base, case.mutations
    );
    if case.bytes.len() <= 2_000 {
        let _ = write!(
            text,
            "\n  input: {:?}",
            String::from_utf8_lossy(&case.bytes)
        );
    }
    text
}

#[test]
fn mutated_plans_never_crash_and_every_span_lies_within_the_text() {
    let corpus = corpus();
    let plans = base_plans(&corpus);
    let run_seed = env_number("REGIOPLAN_SEED").unwrap_or(DEFAULT_SEED);
    let seeds: Vec<u64> = if let Some(seed) = env_number("REGIOPLAN_CASE_SEED") {
        vec![seed]
    } else {
        let count = env_number("REGIOPLAN_MUTATIONS")
            .map_or(DEFAULT_MUTATIONS, |n| usize::try_from(n).expect("count"));
        let mut rng = Rng::new(run_seed);
        (0..count).map(|_| rng.next()).collect()
    };
    let settings = settings();
    let catalogue = Catalogue::built_in();
    let workers = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(seeds.len())
        .max(1);
    let failures: Vec<String> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|w| {
                let (corpus, seeds, catalogue, settings, plans) =
                    (&corpus, &seeds, &catalogue, &settings, &plans);
                scope.spawn(move || {
                    let mut failures = Vec::new();
                    let mine: Vec<u64> = seeds.iter().skip(w).step_by(workers).copied().collect();
                    for (n, chunk) in mine.chunks(BATCH).enumerate() {
                        let cases: Vec<Case> =
                            chunk.iter().map(|&seed| make_case(seed, corpus)).collect();
                        for (i, problem) in verify_batch(&cases, catalogue, settings, plans) {
                            failures.push(report(&cases[i], run_seed, &problem));
                        }
                        if failures.len() >= MAX_FAILURES {
                            break;
                        }
                        // Progress for long runs (shown with `--nocapture`, as fuzz.sh does).
                        if w == 0 && (n + 1) % PROGRESS_BATCHES == 0 {
                            eprintln!(
                                "robustness: {} of {} inputs checked",
                                (n + 1) * BATCH * workers,
                                seeds.len()
                            );
                        }
                    }
                    failures
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("worker"))
            .collect()
    });
    assert!(
        failures.is_empty(),
        "{} of {} mutated inputs failed:\n\n{}",
        failures.len(),
        seeds.len(),
        failures.join("\n\n")
    );
}

/// A valid plan whose first theme has goals nested `depth` deep.
fn nested_plan(depth: usize) -> String {
    let minimal = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/valid/minimal.yaml"),
    )
    .expect("minimal plan");
    let (head, _) = minimal.split_once("    goals:\n").expect("a goals list");
    let mut plan = format!("{head}    goals:\n");
    for level in 1..=depth {
        let pad = " ".repeat(4 + 4 * (level - 1));
        let _ = write!(
            plan,
            "{pad}  - id: g-{level}\n\
             {pad}    title: Doel op niveau {level}\n\
             {pad}    owner: a.bakker\n\
             {pad}    status: in_progress\n\
             {pad}    deadline: 2023-12-31\n\
             {pad}    indicator:\n\
             {pad}      name: wachttijd\n\
             {pad}      unit: weken\n\
             {pad}      target: 6\n\
             {pad}      direction: decrease\n"
        );
        if level < depth {
            let _ = writeln!(plan, "{pad}    goals:");
        }
    }
    plan
}

/// The stack of a test thread (Rust's default for spawned threads); see the test below.
#[cfg(not(debug_assertions))]
const TEST_STACK_BYTES: usize = 2 * 1024 * 1024;

/// Checks `text` on a thread with a stack of `stack` bytes; the codes found.
fn codes_on_stack(text: String, stack: usize) -> Vec<&'static str> {
    std::thread::Builder::new()
        .name(format!("stack-{}-kib", stack / 1024))
        .stack_size(stack)
        .spawn(move || {
            let result = check_bytes(
                "nested.yaml",
                text.as_bytes(),
                &settings(),
                &Catalogue::built_in(),
            );
            result.diagnostics.iter().map(|d| d.code).collect()
        })
        .expect("spawn")
        .join()
        .expect("no panic")
}

/// Inputs at and past the nesting limit of 64 levels. A goal level costs two (the `goals`
/// list and the goal), so goals nest about thirty deep.
fn deep_inputs() -> Vec<(String, bool)> {
    vec![
        (nested_plan(30), true),
        (nested_plan(31), false),
        (nested_plan(40), false),
        (format!("a: {}{}", "[".repeat(63), "]".repeat(63)), true),
        (format!("a: {}", "[".repeat(100_000)), false),
        (format!("a: {}", "{a: ".repeat(100_000)), false),
        ("- ".repeat(10_000), false),
    ]
}

fn assert_deep_inputs_load(stack: usize) {
    for (text, within) in deep_inputs() {
        let head: String = text.chars().take(40).collect();
        let plan = text.starts_with("# yaml-language-server");
        let codes = codes_on_stack(text, stack);
        if within {
            assert!(
                !codes.iter().any(|c| matches!(*c, "RP002" | "RP006")),
                "{head:?}... is within the limit: {codes:?}"
            );
            if plan {
                assert!(codes.is_empty(), "the nested plan is valid: {codes:?}");
            }
        } else {
            assert!(codes.contains(&"RP006"), "{head:?}...: {codes:?}");
        }
    }
}

/// Library users check on their own threads. A debug build overflows the 2 MiB stack of a test
/// thread on plans within the limit: parsing takes about 38 KiB per level (2.5 MiB for 64
/// levels) in serde-saphyr, against about 5 KiB in a release build. The binary checks on a
/// 64 MiB stack, so `regioplan` itself is not affected. Run with `cargo test --release`.
/// It is left out of debug builds rather than ignored: `--include-ignored` (as in `.ci/run`)
/// would run it, and the stack overflow aborts the whole test binary.
#[test]
#[cfg(not(debug_assertions))]
fn goals_nested_thirty_deep_load_on_a_default_test_stack() {
    assert_deep_inputs_load(TEST_STACK_BYTES);
}

#[test]
fn goals_nested_thirty_deep_load_and_deeper_is_a_limit_finding() {
    assert_deep_inputs_load(BINARY_STACK_BYTES);
}

/// Regression: the YAML scanner reports its errors in characters, and they were read as bytes,
/// so after any non-ASCII text a syntax error pointed too early, up to inside a character.
#[test]
fn a_syntax_error_after_non_ascii_text_points_at_its_byte() {
    for text in ["naam: é\nb: [\n", "naam: \"😀😀😀😀😀😀\"\nb: [\n"] {
        let result = check_bytes(
            "x.yaml",
            text.as_bytes(),
            &settings(),
            &Catalogue::built_in(),
        );
        let d = result
            .diagnostics
            .iter()
            .find(|d| d.code == "RP002")
            .expect("a syntax error");
        assert_eq!(d.primary.span.start, text.find('[').expect("["), "{text:?}");
        let at = result.source.position(d.primary.span.start);
        assert_eq!((at.line, at.column), (2, 4), "{text:?}");
    }
}
