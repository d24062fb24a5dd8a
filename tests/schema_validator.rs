//! The differential test of the schema check: regioplan's own validator over the node tree
//! (`load::validator`) and the jsonschema crate over the JSON value of the same tree must give
//! the same errors (instance pointer, schema path, kind and text) in the same order, for the
//! plan, framework and configuration schemas, on every example, seed plan and built-in
//! framework, the benchmark corpus, hostile and odd texts, and a few hundred mutated plans.

use std::path::Path;

use jsonschema::error::{TypeKind as JsTypeKind, ValidationErrorKind};
use proptest::prelude::*;
use regioplan::diagnostic::Span;
use regioplan::load::validator::{ErrorKind, Schema, SchemaError, TypeKind};
use regioplan::load::yaml::{build_tree, parse};
use regioplan::tree::{TNode, TValue, to_value};
use serde_json::Value;

#[allow(dead_code)]
#[path = "../benches/support/generate.rs"]
mod generate;

#[path = "support/files.rs"]
mod files;

use files::{has_extension, root, under};

/// Both validators of one schema.
struct Pair {
    name: &'static str,
    ours: Schema,
    theirs: jsonschema::Validator,
}

impl Pair {
    fn new(name: &'static str, schema: &Value) -> Self {
        Pair {
            name,
            ours: Schema::compile(schema).expect("our validator compiles the schema"),
            theirs: jsonschema::draft202012::new(schema).expect("jsonschema compiles the schema"),
        }
    }
}

/// Runs `f` on a thread with a stack of 16 MiB: jsonschema compiles the plan schema
/// recursively, and an unoptimised build needs more than a test thread's 2 MiB for it.
fn big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(16 << 20)
        .spawn(f)
        .expect("a thread")
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
}

fn plan() -> Pair {
    Pair::new("plan", &regioplan::plan::schema::plan_schema())
}

fn all_schemas() -> Vec<Pair> {
    vec![
        plan(),
        Pair::new("framework", &regioplan::frameworks::framework_schema()),
        Pair::new("configuration", &regioplan::config::file::config_schema()),
    ]
}

fn types(kind: &JsTypeKind) -> String {
    match kind {
        JsTypeKind::Single(t) => t.to_string(),
        JsTypeKind::Multiple(set) => set
            .iter()
            .map(|t| t.to_string())
            .collect::<Vec<_>>()
            .join("|"),
    }
}

fn our_kind(kind: &ErrorKind) -> String {
    match kind {
        ErrorKind::Type {
            kind: TypeKind::Single(t),
        } => format!("type {t}"),
        ErrorKind::Type {
            kind: TypeKind::Multiple(set),
        } => format!(
            "type {}",
            set.iter()
                .map(|t| t.to_string())
                .collect::<Vec<_>>()
                .join("|")
        ),
        ErrorKind::AdditionalProperties { unexpected } => {
            format!("additionalProperties {unexpected:?}")
        }
        ErrorKind::Required { property } => format!("required {property}"),
        ErrorKind::Enum { options } => format!("enum {options}"),
        ErrorKind::Constant { expected_value } => format!("const {expected_value}"),
        ErrorKind::Pattern { pattern } => format!("pattern {pattern}"),
        ErrorKind::Minimum { limit } => format!("minimum {limit}"),
        ErrorKind::Maximum { limit } => format!("maximum {limit}"),
        ErrorKind::ExclusiveMinimum { limit } => format!("exclusiveMinimum {limit}"),
        ErrorKind::ExclusiveMaximum { limit } => format!("exclusiveMaximum {limit}"),
        ErrorKind::MinItems { limit } => format!("minItems {limit}"),
        ErrorKind::MaxItems { limit } => format!("maxItems {limit}"),
        ErrorKind::MinLength { limit } => format!("minLength {limit}"),
        ErrorKind::MaxLength { limit } => format!("maxLength {limit}"),
        ErrorKind::OneOfNotValid => "oneOf none".into(),
        ErrorKind::OneOfMultipleValid => "oneOf several".into(),
        ErrorKind::AnyOf => "anyOf".into(),
        ErrorKind::FalseSchema => "false".into(),
    }
}

fn their_kind(kind: &ValidationErrorKind) -> String {
    match kind {
        ValidationErrorKind::Type { kind } => format!("type {}", types(kind)),
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            format!("additionalProperties {unexpected:?}")
        }
        ValidationErrorKind::Required { property } => {
            format!("required {}", property.as_str().unwrap_or_default())
        }
        ValidationErrorKind::Enum { options } => format!("enum {options}"),
        ValidationErrorKind::Constant { expected_value } => format!("const {expected_value}"),
        ValidationErrorKind::Pattern { pattern } => format!("pattern {pattern}"),
        ValidationErrorKind::Minimum { limit } => format!("minimum {limit}"),
        ValidationErrorKind::Maximum { limit } => format!("maximum {limit}"),
        ValidationErrorKind::ExclusiveMinimum { limit } => format!("exclusiveMinimum {limit}"),
        ValidationErrorKind::ExclusiveMaximum { limit } => format!("exclusiveMaximum {limit}"),
        ValidationErrorKind::MinItems { limit } => format!("minItems {limit}"),
        ValidationErrorKind::MaxItems { limit } => format!("maxItems {limit}"),
        ValidationErrorKind::MinLength { limit } => format!("minLength {limit}"),
        ValidationErrorKind::MaxLength { limit } => format!("maxLength {limit}"),
        ValidationErrorKind::OneOfNotValid { .. } => "oneOf none".into(),
        ValidationErrorKind::OneOfMultipleValid { .. } => "oneOf several".into(),
        ValidationErrorKind::AnyOf { .. } => "anyOf".into(),
        ValidationErrorKind::FalseSchema => "false".into(),
        other => format!("unexpected kind {other:?}"),
    }
}

/// (instance pointer, schema path, kind, text) of each error.
type Row = (String, String, String, String);

fn ours(pair: &Pair, node: &TNode) -> Vec<Row> {
    pair.ours
        .errors(node)
        .iter()
        .map(|e: &SchemaError<'_>| {
            (
                e.instance_path.clone(),
                e.schema_path.clone(),
                our_kind(&e.kind),
                e.to_string(),
            )
        })
        .collect()
}

fn theirs(pair: &Pair, value: &Value) -> Vec<Row> {
    pair.theirs
        .iter_errors(value)
        .map(|e| {
            (
                e.instance_path().as_str().to_string(),
                e.schema_path().as_str().to_string(),
                their_kind(e.kind()),
                e.to_string(),
            )
        })
        .collect()
}

/// Panics with the input's name where the two validators differ; the number of errors.
fn agree(pair: &Pair, name: &str, node: &TNode) -> usize {
    let value = to_value(node);
    let (ours, theirs) = (ours(pair, node), theirs(pair, &value));
    assert_eq!(
        ours, theirs,
        "{name} against the {} schema: the validators differ",
        pair.name
    );
    assert_eq!(
        pair.ours.is_valid(node),
        pair.theirs.is_valid(&value),
        "{name}: validity differs"
    );
    ours.len()
}

/// The tree of a YAML text as the loader builds it (repeated keys removed), if it parses.
fn yaml_tree(text: &str) -> Option<TNode> {
    Some(build_tree(parse(text).ok()?).root)
}

fn yaml_inputs(dir: &Path) -> Vec<(String, String)> {
    under(dir, &|p| has_extension(p, &["yaml", "yml"]))
        .into_iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read_to_string(&p).ok()?)))
        .collect()
}

#[test]
fn both_validators_agree_on_the_examples_seed_plans_and_frameworks() {
    big_stack(both_validators_agree_on_the_examples_seed_plans_and_frameworks_body);
}

fn both_validators_agree_on_the_examples_seed_plans_and_frameworks_body() {
    let schemas = all_schemas();
    let mut errors = 0;
    let mut inputs = yaml_inputs(&root().join("examples"));
    inputs.extend(yaml_inputs(&root().join("plans")));
    assert!(inputs.len() > 50, "{}", inputs.len());
    for (name, text) in &inputs {
        if let Some(tree) = yaml_tree(text) {
            for pair in &schemas {
                errors += agree(pair, name, &tree);
            }
        }
    }
    let mut tomls = Vec::new();
    for dir in ["examples", "src", "tests"] {
        tomls.extend(under(&root().join(dir), &|p| has_extension(p, &["toml"])));
    }
    assert!(tomls.len() >= 4, "{tomls:?}");
    for path in &tomls {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let (tree, found) = regioplan::config::file::parse(&text);
        if found.is_empty() {
            for pair in &schemas {
                errors += agree(pair, &path.display().to_string(), &tree.root);
            }
        }
    }
    // The invalid examples give the validators something to disagree about.
    assert!(errors > 100, "{errors}");
}

#[test]
fn both_validators_agree_on_the_benchmark_corpus() {
    big_stack(both_validators_agree_on_the_benchmark_corpus_body);
}

fn both_validators_agree_on_the_benchmark_corpus_body() {
    let pair = plan();
    for seed in 1..40 {
        let goals = 20 + usize::try_from(seed * 7 % 61).unwrap_or(0);
        let text = generate::plan(goals, seed);
        let tree = yaml_tree(&text).expect("a generated plan parses");
        agree(
            &pair,
            &format!("generated {goals} goals, seed {seed}"),
            &tree,
        );
    }
    for goals in [100, 1_000, 5_000] {
        let tree = yaml_tree(&generate::plan(goals, 1)).expect("a generated plan parses");
        agree(&pair, &format!("{goals} goals"), &tree);
    }
}

/// Scalars at the edges of YAML's and JSON's types, as a count, a share, a date, an id and
/// a version.
const SCALARS: &[&str] = &[
    "",
    "~",
    "true",
    "no",
    "0",
    "-0",
    "12",
    "-12",
    "012",
    "0x1F",
    "18446744073709551615",
    "18446744073709551616",
    "-9223372036854775808",
    "-9223372036854775809",
    "12.5",
    "-12.5",
    "800.0",
    "800.000",
    "1e3",
    "1e-3",
    "1e400",
    "-1e400",
    ".inf",
    "-.inf",
    ".nan",
    "1,5",
    "1 000",
    "1.000.000",
    "'12'",
    "2026-01-01",
    "2026-13",
    "31-12-2026",
    "2026",
    "\"2026\"",
    "GGZ Thema",
    "ggz",
    "[]",
    "{}",
    "[1, 2]",
    "{a: 1}",
    "0.30000000000000004",
    "1e15",
    "99999999999999999999999",
    "'inf'",
    "'NaN'",
];

#[test]
fn both_validators_agree_on_scalars_hostile_and_odd_texts() {
    big_stack(both_validators_agree_on_scalars_hostile_and_odd_texts_body);
}

fn both_validators_agree_on_scalars_hostile_and_odd_texts_body() {
    let schemas = all_schemas();
    let mut texts: Vec<String> = Vec::new();
    for s in SCALARS {
        texts.push(format!(
            "regioplan: {s}\nregion:\n  id: {s}\n  name: R\n  practices: {s}\n  \
             listed_patients: {s}\nperiod:\n  start: {s}\n  end: 2028\n"
        ));
        texts.push(format!(
            "a: {s}\nselect: [{s}]\nlimits: {{max-depth: {s}}}\n"
        ));
        texts.push(format!("{s}\n"));
    }
    texts.extend(
        [
            "",
            "- a\n- b\n",
            "a: 1\nb: 2\na: 3\n",
            "regioplan: 1\nregioplan: 2\n",
            "a: {b, c: }\n",
            "? [a, b]\n: 1\n",
            "base: &b {x: 1}\nd:\n  <<: *b\n  y: 2\n",
            "a: !!str 12\n",
            "é: ü\nnaïve: 'x'\n",
            "regioplan: 1\nthemes: {a: 1}\npeople: [1, null, {id: X Y}]\n",
            "regioplan: 1\nthemes:\n  - id: t\n    goals: [{id: g, kind: nope}]\n",
        ]
        .map(String::from),
    );
    texts.push(format!("{}: 1\n", "k".repeat(1100)));
    for (i, text) in texts.iter().enumerate() {
        if let Some(tree) = yaml_tree(text) {
            for pair in &schemas {
                agree(pair, &format!("odd text {i}: {text:?}"), &tree);
            }
        }
    }
}

/// The seed plans' trees, to mutate.
fn seeds() -> Vec<TNode> {
    yaml_inputs(&root().join("plans"))
        .iter()
        .filter_map(|(_, text)| yaml_tree(text))
        .collect()
}

/// How many nodes a tree has.
fn size(node: &TNode) -> usize {
    1 + match &node.value {
        TValue::Seq(items) => items.iter().map(size).sum(),
        TValue::Map(entries) => entries.iter().map(|(_, _, n)| size(n)).sum(),
        _ => 0,
    }
}

/// The `n`-th node in pre-order.
fn nth(node: &mut TNode, n: usize) -> Option<&mut TNode> {
    if n == 0 {
        return Some(node);
    }
    let mut n = n - 1;
    let children: Vec<&mut TNode> = match &mut node.value {
        TValue::Seq(items) => items.iter_mut().collect(),
        TValue::Map(entries) => entries.iter_mut().map(|(_, _, c)| c).collect(),
        _ => return None,
    };
    for child in children {
        let s = size(child);
        if n < s {
            return nth(child, n);
        }
        n -= s;
    }
    None
}

/// How many mappings a tree has.
fn maps(node: &TNode) -> usize {
    match &node.value {
        TValue::Seq(items) => items.iter().map(maps).sum(),
        TValue::Map(entries) => 1 + entries.iter().map(|(_, _, n)| maps(n)).sum::<usize>(),
        _ => 0,
    }
}

/// The `n`-th mapping in pre-order.
fn nth_map(node: &mut TNode, n: usize) -> Option<&mut TNode> {
    let mut n = n;
    if matches!(node.value, TValue::Map(_)) {
        if n == 0 {
            return Some(node);
        }
        n -= 1;
    }
    let children: Vec<&mut TNode> = match &mut node.value {
        TValue::Seq(items) => items.iter_mut().collect(),
        TValue::Map(entries) => entries.iter_mut().map(|(_, _, c)| c).collect(),
        _ => return None,
    };
    for child in children {
        let s = maps(child);
        if n < s {
            return nth_map(child, n);
        }
        n -= s;
    }
    None
}

/// Several problems in one mapping: a key removed, and an unknown key added or another
/// value's type broken (so that the order of one node's errors is tested).
fn break_mapping(tree: &mut TNode, at: usize, how: u8, pick: usize) {
    let Some(node) = nth_map(tree, at % maps(tree).max(1)) else {
        return;
    };
    let TValue::Map(entries) = &mut node.value else {
        return;
    };
    if !entries.is_empty() {
        entries.remove(pick % entries.len());
    }
    if how.is_multiple_of(2) {
        entries.push(("unknown".into(), Span::default(), leaf(TValue::Int(1))));
    }
    if how.is_multiple_of(3)
        && let Some((_, _, child)) = entries.first_mut()
    {
        child.value = TValue::Seq(Vec::new());
    }
}

fn leaf(value: TValue) -> TNode {
    TNode {
        span: Span::default(),
        end: 0,
        value,
    }
}

/// One mutation of the node `at` (pre-order index), of kind `how`, with `pick` choosing
/// within it.
fn mutate(tree: &mut TNode, at: usize, how: u8, pick: usize) {
    let Some(node) = nth(tree, at % size(tree)) else {
        return;
    };
    let replacement = |node: &TNode| -> TValue {
        match how % 12 {
            0 => TValue::Null,
            1 => TValue::Bool(pick.is_multiple_of(2)),
            2 => TValue::Int(i64::try_from(pick % 2000).unwrap_or(0) - 1000),
            3 => TValue::Float(match node.value {
                TValue::Int(i) => i as f64 + 0.5,
                TValue::UInt(u) => u as f64,
                _ => 12.5,
            }),
            4 => TValue::Str(match &node.value {
                TValue::Int(i) => i.to_string(),
                TValue::Str(s) => format!("{s} X"),
                _ => "12,5".to_string(),
            }),
            5 => TValue::Seq(vec![node.clone()]),
            6 => TValue::Map(vec![("id".into(), Span::default(), node.clone())]),
            7 => TValue::Float(800.0),
            8 => {
                TValue::Str(["2026-13-01", "31-12-2026", "in_progress", "ggz", ""][pick % 5].into())
            }
            9 => TValue::Float(f64::NAN),
            _ => node.value.clone(),
        }
    };
    match &mut node.value {
        TValue::Map(entries) if how % 12 >= 10 => {
            if how.is_multiple_of(2) && !entries.is_empty() {
                entries.remove(pick % entries.len());
            } else {
                let key = ["unknown", "trekker", "naam", "5", "id", "kind"][pick % 6];
                if !entries.iter().any(|(k, _, _)| k == key) {
                    entries.push((key.into(), Span::default(), leaf(TValue::Str("x".into()))));
                }
            }
        }
        TValue::Seq(items) if how % 12 >= 10 => {
            if how.is_multiple_of(2) && !items.is_empty() {
                items.remove(pick % items.len());
            } else {
                items.push(leaf(TValue::Int(1)));
            }
        }
        _ => {
            let value = replacement(node);
            node.value = value;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn both_validators_agree_on_mutated_plans(
        which in any::<usize>(),
        mutations in proptest::collection::vec((any::<usize>(), any::<u8>(), any::<usize>()), 1..4),
    ) {
        static STATE: std::sync::OnceLock<(Vec<TNode>, Pair)> = std::sync::OnceLock::new();
        let (seeds, pair) = STATE.get_or_init(|| big_stack(|| (seeds(), plan())));
        {
            let Some(mut tree) = seeds.get(which % seeds.len().max(1)).cloned() else {
                return Ok(());
            };
            for (at, how, pick) in &mutations {
                if how % 4 == 0 {
                    break_mapping(&mut tree, *at, *how / 4, *pick);
                } else {
                    mutate(&mut tree, *at, *how / 4, *pick);
                }
            }
            agree(pair, &format!("mutations {mutations:?} of seed {which}"), &tree);
        }
    }
}
