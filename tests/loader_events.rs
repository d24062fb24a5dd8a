//! The differential test of regioplan's YAML loader (`load::events`, built straight from the
//! parser's events) against an independent reader: serde-saphyr's deserializer, the loader
//! regioplan had before (`tests/support/saphyr.rs`). On the YAML Test Suite, every example,
//! the seed plans, the benchmark corpus, scalars at the edges of their types and hostile and
//! odd texts (anchors, aliases, merge keys, tags, documents, limits), both must read the same
//! tree (values, spans, extents, repeated keys) or refuse alike (the same kind of finding, at
//! the same span, in the same words in both languages). The findings of `load` are made from
//! that result alone, so they agree too.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use regioplan::load::events;
use regioplan::load::limits::Limits;
use regioplan::load::yaml::{Parsed, build_tree};

#[path = "support/saphyr.rs"]
mod saphyr;

#[allow(dead_code)]
#[path = "../benches/support/generate.rs"]
mod generate;

#[path = "support/files.rs"]
mod files;

use files::{has_extension, root, under};

fn yaml_files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    under(dir, &|p| has_extension(p, &["yaml", "yml"]))
        .into_iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read(&p).ok()?)))
        .collect()
}

/// How a text went: read by both loaders into the same tree, or refused by both alike; and
/// where they differ.
#[derive(Default, Debug)]
struct Tally {
    built: usize,
    refused: usize,
    differ: Vec<String>,
}

/// Compares the two loaders on one file; records the file's name and the difference where
/// they differ.
fn agree(name: &str, bytes: &[u8], limits: &Limits, tally: &mut Tally) {
    // Where the new loader says it differently on purpose: serde-saphyr's advice for
    // programmers (`set ignore_binary_tag_for_string in Options`) is left out.
    if name.ends_with("565N/in.yaml") {
        return;
    }
    let mut differ = |what: String| tally.differ.push(format!("{name}: {what}"));
    if let Ok(text) = std::str::from_utf8(bytes) {
        match (
            events::parse(text, limits),
            saphyr::parse(text, limits).map(Parsed::new),
        ) {
            (Ok(new), Ok(old)) => {
                if new.root() == old.root() {
                    let (new, old) = (build_tree(new), build_tree(old));
                    if format!("{:?}", new.duplicate_keys) != format!("{:?}", old.duplicate_keys) {
                        differ("repeated keys".into());
                    }
                    tally.built += 1;
                } else {
                    differ(format!(
                        "trees\n  new {:?}\n  old {:?}",
                        new.root(),
                        old.root()
                    ));
                }
            }
            (Err(new), Err(old)) => {
                let (n, o) = (
                    format!("{:?} {:?} {:?}", new.kind, new.span, new.shown),
                    format!("{:?} {:?} {:?}", old.kind, old.span, old.shown),
                );
                if n == o {
                    tally.refused += 1;
                } else {
                    differ(format!("errors\n  new {n}\n  old {o}"));
                }
            }
            (Ok(_), Err(old)) => differ(format!("only the old refuses: {old:?}")),
            (Err(new), Ok(_)) => differ(format!("only the new refuses: {new:?}")),
        }
    }
}

/// Runs `agree` on each input, on a thread with the stack the binary's main thread has (deep
/// nesting in a debug build needs it).
fn run(corpus: &str, inputs: &[(String, Vec<u8>)]) -> Tally {
    let tally = std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn_scoped(scope, || {
                let limits = Limits::default();
                let mut tally = Tally::default();
                for (name, bytes) in inputs {
                    agree(name, bytes, &limits, &mut tally);
                }
                tally
            })
            .expect("thread")
            .join()
    });
    let tally = tally.unwrap_or_else(|e| std::panic::resume_unwind(e));
    eprintln!(
        "{corpus}: {} file(s), {} read alike, {} refused alike, {} differ",
        inputs.len(),
        tally.built,
        tally.refused,
        tally.differ.len()
    );
    for d in &tally.differ {
        eprintln!("DIFFER {d}");
    }
    assert!(
        tally.differ.is_empty(),
        "{corpus}: {} differ",
        tally.differ.len()
    );
    tally
}

#[test]
#[ignore = "needs ../shared/corpora/yaml-test-suite beside the clone; run by .ci/run"]
fn both_loaders_agree_on_the_yaml_test_suite() {
    let suite = std::env::var_os("REGIOPLAN_YAML_TEST_SUITE").map_or_else(
        || root().join("../shared/corpora/yaml-test-suite"),
        PathBuf::from,
    );
    let found = under(&suite, &|p| p.file_name().is_some_and(|n| n == "in.yaml"));
    assert!(
        !found.is_empty(),
        "no YAML Test Suite at {} (set REGIOPLAN_YAML_TEST_SUITE)",
        suite.display()
    );
    let inputs: Vec<(String, Vec<u8>)> = found
        .into_iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read(&p).ok()?)))
        .collect();
    let tally = run("YAML Test Suite", &inputs);
    assert!(tally.built > 50, "{tally:?}");
}

#[test]
fn both_loaders_agree_on_the_examples_and_the_seed_plans() {
    let examples = yaml_files(&root().join("examples"));
    assert!(examples.len() > 20);
    run("examples", &examples);
    let plans = yaml_files(&root().join("plans"));
    assert!(!plans.is_empty());
    let tally = run("plans", &plans);
    assert_eq!(tally.built, plans.len());
}

#[test]
fn both_loaders_agree_on_the_benchmark_corpus() {
    let seeds = yaml_files(&root().join("plans"));
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    // The corpus of benches/check.rs `generate`: copies of the seed plans with a comment, and
    // generated plans of 20 to 80 goals; then the size series up to the largest plan.
    for (i, (name, text)) in seeds.iter().enumerate() {
        let mut copy = format!("# Corpus copy {i} of {name}.\n").into_bytes();
        copy.extend_from_slice(text);
        inputs.push((format!("copy of {name}"), copy));
    }
    for seed in 1..40 {
        let goals = 20 + usize::try_from(seed * 7 % 61).unwrap_or(0);
        inputs.push((
            format!("generated {goals} goals, seed {seed}"),
            generate::plan(goals, seed).into_bytes(),
        ));
    }
    for goals in [100, 1_000, 5_000] {
        inputs.push((
            format!("{goals} goals"),
            generate::plan(goals, 1).into_bytes(),
        ));
    }
    let tally = run("benchmark corpus", &inputs);
    assert_eq!(tally.built, inputs.len());
}

/// Scalars at the edges of YAML's types: each as a value, as a key and in a flow list.
const SCALARS: &[&str] = &[
    "",
    "~",
    "null",
    "Null",
    "NULL",
    "nULL",
    "true",
    "True",
    "TRUE",
    "tRUE",
    "false",
    "yes",
    "no",
    "on",
    "off",
    "y",
    "n",
    "0",
    "00",
    "012",
    "-0",
    "+0",
    "-012",
    "+12",
    "12",
    "-12",
    "1_000",
    "1__000",
    "_1",
    "1_",
    "0x1F",
    "0X1f",
    "0x",
    "0o17",
    "0o8",
    "0b101",
    "0b2",
    "-0x1F",
    "+0x1F",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "-9223372036854775809",
    "12.5",
    "-12.5",
    "1.",
    ".5",
    "-.5",
    "+.5",
    "1e3",
    "1E3",
    "1e-3",
    "1.5e+3",
    "800.000",
    "2.500",
    "1e400",
    "-1e400",
    ".inf",
    "-.inf",
    "+.inf",
    ".Inf",
    ".nan",
    ".NaN",
    "inf",
    "nan",
    "infinity",
    "NaN",
    "1,5",
    "1 000",
    "2026-01-01",
    "2026-13",
    "12:30",
    "0.1.2",
    "€ 12",
    "v1.0",
    "1.0",
    "1e15",
    "99999999999999999999999",
    "0.30000000000000004",
];

#[test]
fn both_loaders_agree_on_scalars_at_the_edges_of_their_types() {
    let mut inputs = Vec::new();
    for s in SCALARS {
        inputs.push((
            format!("value {s:?}"),
            format!("a: {s}\nb: x\n").into_bytes(),
        ));
        inputs.push((format!("key {s:?}"), format!("{s}: v\nb: x\n").into_bytes()));
        inputs.push((format!("flow {s:?}"), format!("a: [{s}, x]\n").into_bytes()));
        inputs.push((
            format!("quoted {s:?}"),
            format!("a: \"{s}\"\n'{s}': 1\n").into_bytes(),
        ));
        inputs.push((
            format!("count {s:?}"),
            format!(
                "regioplan: 1\nregion:\n  id: r\n  name: R\n  practices: {s}\nperiod:\n  start: 2025\n  end: 2028\n"
            )
            .into_bytes(),
        ));
    }
    let tally = run("scalars", &inputs);
    assert!(tally.built > SCALARS.len(), "{tally:?}");
}

#[test]
fn both_loaders_agree_on_hostile_and_odd_texts() {
    let nested = |levels: usize| -> String {
        let mut text = String::new();
        for i in 0..levels {
            text.push_str(&" ".repeat(i));
            text.push('k');
            text.push_str(&i.to_string());
            text.push_str(":\n");
        }
        text
    };
    let deep_block = nested(80);
    let deep_flow = format!("a: {}{}\n", "[".repeat(70), "]".repeat(70));
    let near_limit_block = nested(62);
    let texts: Vec<String> = vec![
        String::new(),
        "\n\n# only a comment\n".into(),
        "---\n".into(),
        "--- \n...\n".into(),
        "a: 1\n...\n".into(),
        "a: 1\n---\nb: 2\n".into(),
        "a: 1\nb: 2\na: 3\nb: 4\na: 5\n".into(),
        "a:\n  x: 1\n  x: 2\nb: [1, 2]\n".into(),
        "a: |\n  line\n  line\nb: >-\n  folded\n  text\n".into(),
        "a: 'it''s'\nb: \"tab\\tnewline\\n\\u00e9\"\n".into(),
        "a: {b: 1, c: [x, {d: e}]}\n".into(),
        "a: {b, c: }\n".into(),
        "? a\n: 1\n".into(),
        "? [a, b]\n: 1\n".into(),
        "a: &x {b: 1}\nc: *x\n".into(),
        "base: &b {x: 1}\nd:\n  <<: *b\n  y: 2\n".into(),
        "a: !!str 12\nb: !custom x\n".into(),
        "a:\tb\n".into(),
        "a: b: c\n".into(),
        "a: [1, 2\n".into(),
        "a: \"unclosed\n".into(),
        "- a\n- b\n".into(),
        "plain text\n".into(),
        "12\n".into(),
        "\u{feff}a: 1\n".into(),
        "é: ü\nnaïve: 'x'\n".into(),
        "a: 1 # comment\n# comment\nb: 2\n".into(),
        "a:\n- 1\n- 2\n".into(),
        "a:\n  - b: 1\n    c: 2\n  - d\n".into(),
        "a: .nan\n".into(),
        "a: 1e999\n".into(),
        // Merge keys: lists of sources, nulls, order, nesting, quoted and tagged keys.
        "a: &a {x: 1, y: 2}\nb: &b {y: 3, z: 4}\nc:\n  <<: [*a, *b]\n  x: 0\n".into(),
        "a: &a {x: 1}\nc:\n  x: 0\n  <<: *a\n  <<: {w: 2, x: 3}\n".into(),
        "a: &a {x: 1, <<: {q: 9}}\nc:\n  <<: *a\n".into(),
        "c:\n  <<: ~\n  x: 1\nd:\n  <<: []\ne:\n  <<: [~]\nf:\n  <<: {}\n".into(),
        "c:\n  <<: 1\n".into(),
        "c:\n  <<: [1]\n".into(),
        "c:\n  <<: [[a]]\n".into(),
        "c:\n  '<<': {a: 1}\n".into(),
        "c:\n  !!merge <<: {a: 1}\n".into(),
        "c:\n  <<: {a: 1}\n  <<: {a: 2, b: 3}\n".into(),
        "- &a {x: 1}\n- <<: *a\n  y: 2\n- *a\n".into(),
        // Aliases: of scalars, keys and mappings, unknown, recursive, nested.
        "a: &k key\n*k : 2\n".into(),
        "&k a: 1\nb: *k\n".into(),
        "a: *x\n".into(),
        "a: &a [1, *a]\n".into(),
        "a: &a [1, 2]\nb: &b [*a, *a]\nc: [*b, *b]\n".into(),
        "a: &a 1\na2: &a 2\nb: *a\n".into(),
        "a: &a {b: &c [1]}\nd: *c\ne: *a\n".into(),
        "a: &a\nb: *a\n".into(),
        // Tags.
        "a: !!int \"12\"\nb: !!int x\n".into(),
        "a: !!int 0x1F\nb: !!int -3\n".into(),
        "a: !!bool yes\n".into(),
        "a: !!bool True\n".into(),
        "a: !!float 1\nb: !!float x\n".into(),
        "a: !!float .inf\n".into(),
        "a: !!null x\n".into(),
        "a: !!str\nb: !!str ~\nc: ! 12\n".into(),
        "a: !!seq [1]\nb: !!map {c: 1}\nc: !!seq {d: 1}\n".into(),
        "a: !local 12\nb: !int 12\nc: !str 12\nd: !!timestamp 2026-01-01\n".into(),
        "a: !<tag:yaml.org,2002:str> 12\n".into(),
        "a: !!seq 12\n".into(),
        "a: !!map 12\n".into(),
        "a: !!int [1]\n".into(),
        "a: !!str {b: 1}\n".into(),
        "a: !!merge 12\nb: !!merge [1]\n".into(),
        "a: !!timestamp [1]\n".into(),
        "a: !!binary aGVsbG8=\n".into(),
        "a: !e!x 1\n".into(),
        "%TAG !e! tag:yaml.org,2002:\n---\na: !e!int 12\n".into(),
        "!!int 12: a\n!!str 13: b\n".into(),
        // Documents.
        "a: 1\n---\nb: [\n".into(),
        "a: 1\n---\nb: 2\n---\nc: 3\n".into(),
        "---\n---\n".into(),
        "a: 1\n--- *x\n".into(),
        format!("a: &a x\nb: [{}]\n", vec!["*a"; 150].join(", ")),
        format!("b: [{}]\n", vec!["*a"; 150].join(", ")),
        // A wide mapping merged into a wide mapping.
        {
            let keys = |from: usize| {
                let mut text = String::new();
                for i in from..from + 20_000 {
                    let _ = writeln!(text, "  k{i}: {i}");
                }
                text
            };
            format!("base: &b\n{}d:\n  <<: *b\n{}", keys(0), keys(10_000))
        },
        // Anchors nested in anchors: each level keeps a copy of what it holds.
        format!(
            "a: {}[{}]{}\n",
            "&n [".repeat(5),
            vec!["x"; 250_001].join(", "),
            "]".repeat(5)
        ),
        format!("{}: 1\n", "k".repeat(1100)),
        format!("a: {}\n", "x".repeat(100_000)),
        deep_block,
        deep_flow,
        near_limit_block,
    ];
    let inputs: Vec<(String, Vec<u8>)> = texts
        .into_iter()
        .enumerate()
        .map(|(i, t)| (format!("odd text {i}"), t.into_bytes()))
        .collect();
    let mut bytes = inputs;
    bytes.push(("latin-1".into(), b"a: caf\xe9\n".to_vec()));
    bytes.push((
        "utf-16".into(),
        b"\xff\xfea\x00:\x00 \x001\x00\n\x00".to_vec(),
    ));
    run("hostile", &bytes);
}

#[test]
fn both_loaders_agree_under_tight_limits() {
    let mut limits = Limits::default();
    limits
        .apply(&["max-depth=4".to_string(), "max-aliases=2".to_string()])
        .expect("limits");
    let mut tally = Tally::default();
    for text in [
        "a:\n  b:\n    c: 1\n",
        "a:\n  b:\n    c:\n      d:\n        e: 1\n",
        "a: [[[[[1]]]]]\n",
        "a: &x 1\nb: *x\nc: *x\nd: *x\n",
        // Within the depth where it is anchored, too deep where its alias stands.
        "a: &x [[1]]\nb: [[*x]]\n",
    ] {
        agree(text, text.as_bytes(), &limits, &mut tally);
    }
    assert!(tally.differ.is_empty(), "{:#?}", tally.differ);
    assert_eq!(tally.built + tally.refused, 5, "{tally:?}");
    assert!(tally.refused >= 3, "{tally:?}");
}

/// Random YAML made of what the loader reads beside plain mappings: anchors on any value,
/// aliases to them (and to anchors not defined), merge keys of aliases, mappings and lists,
/// tagged scalars and keys, in flow and block style.
struct RandomYaml {
    state: u64,
    anchors: usize,
}

impl RandomYaml {
    fn below(&mut self, n: usize) -> usize {
        self.state = self
            .state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from(self.state >> 33).unwrap_or(0) % n.max(1)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn alias(&mut self) -> String {
        // Now and then an anchor not defined (yet).
        format!("*a{}", self.below(self.anchors + 1))
    }

    fn scalar(&mut self) -> String {
        self.pick(&[
            "1",
            "x",
            "~",
            "\"q\"",
            "'s'",
            "!!str 1",
            "!!int 2",
            "!!int x",
            "!!float 1",
            "yes",
            "true",
            "!!bool no",
            "!!null",
            "! 3",
            "!local v",
            "-2",
            "0x1F",
            ".5",
            "",
            "[]",
            "{}",
        ])
        .to_string()
    }

    fn key(&mut self) -> String {
        self.pick(&["a", "b", "c", "<<", "'<<'", "1", "~", "!!str k", "d"])
            .to_string()
    }

    /// A merge key's value: an alias, a mapping of plain scalars, a list of those, or a
    /// scalar (refused). What a merge's value holds is not random: serde-saphyr read it only
    /// at the end of the mapping, and only for the keys the mapping does not give itself, so
    /// of several errors it reported another first (regioplan reports the first in the text).
    fn merged(&mut self) -> String {
        match self.below(5) {
            0 | 1 if self.anchors > 0 => self.alias(),
            0 | 1 => "{a: 1}".into(),
            2 => {
                let entries: Vec<String> = (0..self.below(3))
                    .map(|_| {
                        format!(
                            "{}: {}",
                            self.pick(&["a", "b", "c", "d"]),
                            self.pick(&["1", "x", "~"])
                        )
                    })
                    .collect();
                format!("{{{}}}", entries.join(", "))
            }
            3 => {
                let items: Vec<String> = (0..self.below(3))
                    .map(|_| {
                        if self.anchors > 0 {
                            self.alias()
                        } else {
                            "{b: 2}".into()
                        }
                    })
                    .collect();
                format!("[{}]", items.join(", "))
            }
            _ => self.pick(&["x", "~", "[x]"]).to_string(),
        }
    }

    /// A flow value nested at most `depth` deep.
    fn flow(&mut self, depth: usize) -> String {
        let anchor = if self.below(4) == 0 {
            self.anchors += 1;
            format!("&a{} ", self.anchors)
        } else {
            String::new()
        };
        let body = match if depth == 0 {
            self.below(2)
        } else {
            self.below(5)
        } {
            1 if self.anchors > 0 => return self.alias(),
            0 | 1 => self.scalar(),
            2 => {
                let items: Vec<String> = (0..self.below(4)).map(|_| self.flow(depth - 1)).collect();
                format!("[{}]", items.join(", "))
            }
            _ => {
                let entries: Vec<String> = (0..self.below(4))
                    .map(|_| {
                        let key = self.key();
                        let value = if key == "<<" {
                            self.merged()
                        } else {
                            self.flow(depth - 1)
                        };
                        format!("{key}: {value}")
                    })
                    .collect();
                format!("{{{}}}", entries.join(", "))
            }
        };
        format!("{anchor}{body}")
    }

    /// A block mapping at `indent`, its values flow values or block mappings.
    fn block(&mut self, indent: usize, depth: usize, out: &mut String) {
        for _ in 0..=self.below(4) {
            let key = self.key();
            out.push_str(&" ".repeat(indent));
            if key == "<<" {
                let value = self.merged();
                let _ = writeln!(out, "{key}: {value}");
            } else if depth > 0 && self.below(3) == 0 {
                let _ = writeln!(out, "{key}:");
                self.block(indent + 2, depth - 1, out);
            } else {
                let value = self.flow(2);
                let _ = writeln!(out, "{key}: {value}");
            }
        }
    }
}

#[test]
fn both_loaders_agree_on_random_anchors_aliases_merges_and_tags() {
    let mut inputs = Vec::new();
    for seed in 0..3_000u64 {
        let mut r = RandomYaml {
            state: seed.wrapping_mul(0x9E37_79B9_7F4A_7C15),
            anchors: 0,
        };
        let mut text = String::new();
        r.block(0, 2, &mut text);
        inputs.push((format!("random {seed}:\n{text}"), text.into_bytes()));
    }
    let tally = run("random", &inputs);
    // Both outcomes are exercised: texts read alike and texts refused alike.
    assert!(tally.built > 300 && tally.refused > 300, "{tally:?}");
}
