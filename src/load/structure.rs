//! Structure: the spanned tree validated against the plan schema, every problem at once.
//!
//! The typed serde parse stops at the first problem, so the schema generated from the same
//! types is applied to the whole tree first (jsonschema crate); each error's JSON pointer is
//! mapped back to the key or value it is about. One problem gives one diagnostic: errors
//! inside a node that already has a type error are dropped.

use std::sync::{Once, OnceLock};

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{JsonType, ValidationError, Validator};
use serde_json::Value;

use crate::diagnostic::Span;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::plan::raw::{DATE_PATTERN, ID_PATTERN};
use crate::plan::schema::plan_schema;
use crate::rules::{did_you_mean, same_name, structure as r};
use crate::tree::{Lookup, TValue, Tree, escape_pointer, unescape_pointer};

/// A schema and its compiled validator.
pub struct Compiled {
    schema: Value,
    validator: Option<Validator>,
}

impl Compiled {
    /// Compiles a draft 2020-12 schema.
    #[must_use]
    pub fn new(schema: Value) -> Self {
        let validator = jsonschema::draft202012::new(&schema).ok();
        Self { schema, validator }
    }
}

static PLAN: OnceLock<Compiled> = OnceLock::new();

fn plan() -> &'static Compiled {
    PLAN.get_or_init(|| Compiled::new(plan_schema()))
}

/// Starts compiling the plan schema on a thread of its own, once per process, so that it
/// overlaps reading and parsing the first plan instead of following it: compiling takes about
/// as long as parsing a seed plan (docs/performance.md), a third of a one-plan `check`. The
/// first [`check`] waits for it; if no thread can be started, that check compiles it itself.
pub fn prepare() {
    static STARTED: Once = Once::new();
    STARTED.call_once(|| {
        if PLAN.get().is_none() {
            // The schema is compiled recursively; an unoptimised build needs more than the
            // default 2 MiB of stack.
            let started = std::thread::Builder::new()
                .name("plan schema".into())
                .stack_size(16 << 20)
                .spawn(|| {
                    plan();
                });
            drop(started);
        }
    });
}

/// Validates a plan tree; returns the structural diagnostics (empty when well-formed).
#[must_use]
pub fn check(tree: &Tree) -> Vec<Diagnostic> {
    check_against(tree, plan())
}

/// Validates a tree against a schema, mapping every error to the node it is about.
#[must_use]
pub fn check_against(tree: &Tree, compiled: &Compiled) -> Vec<Diagnostic> {
    let Some(validator) = &compiled.validator else {
        return vec![
            Diagnostic::new(
                &r::INTERNAL,
                Span::default(),
                "the built-in plan schema does not compile",
            )
            .help("this is a defect in regioplan; please report it"),
        ];
    };
    let mut errors: Vec<ValidationError<'_>> = validator.iter_errors(&tree.value).collect();
    // Parents before children, so that a type error on a node hides errors inside it.
    errors.sort_by(|a, b| a.instance_path().as_str().cmp(b.instance_path().as_str()));
    let misspelt: std::collections::HashSet<(String, String)> =
        misspelt_keys(&errors, &compiled.schema)
            .into_iter()
            .collect();
    // Nodes whose type is wrong, looked up by each ancestor of a pointer (not scanned per
    // error: thousands of wrong entries stay linear).
    let mut broken: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut out = Vec::new();
    // One lookup for all errors: a wide mapping is indexed once, not scanned per error.
    let mut lookup = Lookup::new(tree);
    for error in &errors {
        let pointer = error.instance_path().as_str().to_string();
        if ancestors(&pointer).any(|a| broken.contains(a)) {
            continue;
        }
        if matches!(
            error.kind(),
            ValidationErrorKind::Type { .. } | ValidationErrorKind::Constant { .. }
        ) {
            broken.insert(pointer.clone());
        }
        // A misspelt required key is one problem: the unknown key (read as the key it
        // resembles), not also the missing key.
        if let ValidationErrorKind::Required { property } = error.kind()
            && property
                .as_str()
                .is_some_and(|name| misspelt.contains(&(pointer.clone(), name.to_string())))
        {
            continue;
        }
        out.extend(translate(error, &pointer, &mut lookup, &compiled.schema));
    }
    out
}

/// (mapping pointer, key) for every unknown key that resembles an allowed key.
fn misspelt_keys(errors: &[ValidationError<'_>], schema: &Value) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for error in errors {
        if let ValidationErrorKind::AdditionalProperties { unexpected } = error.kind() {
            let allowed = allowed_keys(schema, error.schema_path().as_str());
            for key in unexpected {
                if let Some(s) = did_you_mean(key, allowed.iter().map(String::as_str)) {
                    found.push((error.instance_path().as_str().to_string(), s.to_string()));
                }
            }
        }
    }
    found
}

/// A JSON pointer and each of its ancestors: `/a/b`, `/a` and the root (the empty pointer).
fn ancestors(pointer: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(pointer), |p| p.rfind('/').and_then(|i| p.get(..i)))
}

/// The node a schema error is about.
struct Node<'a> {
    pointer: &'a str,
    /// The span of its value, and of its key when it is a mapping entry.
    value_span: Span,
    key_span: Option<Span>,
    /// How a message names it: "theme `ggz`".
    what: String,
}

/// One schema error as the findings a plan author reads.
fn translate(
    error: &ValidationError<'_>,
    pointer: &str,
    lookup: &mut Lookup<'_>,
    schema: &Value,
) -> Vec<Diagnostic> {
    let tree = lookup.tree();
    let spans = lookup.spans(pointer);
    let at = Node {
        pointer,
        value_span: spans.map(|s| s.value).unwrap_or_default(),
        key_span: spans.and_then(|s| s.key),
        what: describe(pointer, tree),
    };
    let instance = error.instance();
    let schema_path = error.schema_path().as_str();
    let one = |d: Diagnostic| vec![d.path(pointer.to_string())];
    match error.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let allowed = allowed_keys(schema, schema_path);
            unexpected
                .iter()
                .map(|key| {
                    decimals_split_off(&at, key, lookup)
                        .unwrap_or_else(|| unknown_key(&at, key, &allowed, lookup))
                })
                .collect()
        }
        ValidationErrorKind::Required { property } => one(missing_key(
            &at,
            property.as_str().unwrap_or_default(),
            tree,
        )),
        ValidationErrorKind::Type { kind } => {
            let form = schema_at(schema, schema_path)
                .and_then(|s| s.get("pattern"))
                .and_then(Value::as_str);
            let numeric = match kind {
                TypeKind::Single(t) => matches!(t, JsonType::Number | JsonType::Integer),
                TypeKind::Multiple(set) => set
                    .iter()
                    .any(|t| matches!(t, JsonType::Number | JsonType::Integer)),
            };
            one(decimal_comma(&at, instance)
                .filter(|_| numeric)
                .unwrap_or_else(|| wrong_type(&at, instance, form, kind)))
        }
        ValidationErrorKind::Enum { options } => {
            let allowed: Vec<String> = options
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default();
            vec![invalid_value(
                instance,
                &allowed,
                &at.what,
                at.value_span,
                pointer,
            )]
        }
        ValidationErrorKind::OneOfNotValid { .. }
            if let Some(allowed) = one_of_constants(schema, schema_path) =>
        {
            vec![invalid_value(
                instance,
                &allowed,
                &at.what,
                at.value_span,
                pointer,
            )]
        }
        ValidationErrorKind::Constant { .. } if pointer == "/regioplan" => one(Diagnostic::new(
            &r::UNSUPPORTED_VERSION,
            at.value_span,
            format!(
                "unsupported plan format version `{}`",
                scalar_text(instance)
            ),
        )
        .label("this regioplan reads version 1")
        .help("write `regioplan: 1`")),
        ValidationErrorKind::Pattern { pattern } => one(wrong_form(&at, instance, pattern, tree)),
        // A key that another `kind` takes (see `plan::schema::discriminate`).
        ValidationErrorKind::FalseSchema => {
            let key = pointer
                .rsplit('/')
                .next()
                .map(unescape_pointer)
                .unwrap_or_default();
            one(Diagnostic::new(
                &r::UNKNOWN_KEY,
                at.key_span.unwrap_or(at.value_span),
                format!("`{key}` does not belong to this `kind`"),
            )
            .label("another kind takes this key")
            .help("remove it, or change `kind` to the one that takes it (docs/frameworks.md lists what each kind reads)"))
        }
        ValidationErrorKind::Minimum { limit }
        | ValidationErrorKind::ExclusiveMinimum { limit } => one(Diagnostic::new(
            &r::OUT_OF_RANGE,
            at.value_span,
            format!(
                "{} is {}, below the minimum {limit}",
                at.what,
                scalar_text(instance)
            ),
        )
        .label("too small")
        .help(format!(
            "a count, a year or an amount cannot be below {limit}"
        ))),
        ValidationErrorKind::Maximum { limit }
        | ValidationErrorKind::ExclusiveMaximum { limit } => one(Diagnostic::new(
            &r::OUT_OF_RANGE,
            at.value_span,
            format!(
                "{} is {}, above the maximum {limit}",
                at.what,
                scalar_text(instance)
            ),
        )
        .label("too large")),
        _ => one(Diagnostic::new(
            &r::WRONG_TYPE,
            at.value_span,
            format!("{} is not valid: {error}", at.what),
        )),
    }
}

/// RP009: `{value: 12,5}`, which YAML reads as `value: 12` and a key `5`: the key is the
/// decimals of the number right before it, split off by a decimal comma.
fn decimals_split_off(at: &Node<'_>, key: &str, lookup: &mut Lookup<'_>) -> Option<Diagnostic> {
    if key.is_empty() || !key.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let map = lookup.at(at.pointer)?;
    let TValue::Map(entries) = &map.value else {
        return None;
    };
    let i = lookup.position(map, key)?;
    let (number_key, _, number) = entries.get(i.checked_sub(1)?)?;
    let key_span = entries.get(i)?.1;
    let whole = match number.value {
        TValue::Int(n) => n.to_string(),
        TValue::UInt(n) => n.to_string(),
        _ => return None,
    };
    // Nothing but the comma between the number and the key.
    if number.span.end() + 1 != key_span.start {
        return None;
    }
    let meant = format!("{whole}.{key}");
    Some(
        Diagnostic::new(
            &r::DECIMAL_COMMA,
            Span::new(number.span.start, key_span.end() - number.span.start),
            format!("`{whole},{key}` is read as {whole} and a stray key `{key}`: YAML numbers take a decimal point"),
        )
        .label(format!("read as {whole}"))
        .help(format!("write `{meant}`"))
        .replacement(Some(&meant))
        .path(format!("{}/{}", at.pointer, escape_pointer(number_key))),
    )
}

/// RP009: a number written as a text with a decimal comma (`12,5`).
fn decimal_comma(at: &Node<'_>, instance: &Value) -> Option<Diagnostic> {
    let Value::String(text) = instance else {
        return None;
    };
    let (whole, decimals) = text.trim().split_once(',')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let whole_digits = whole.strip_prefix('-').unwrap_or(whole);
    if !digits(whole_digits) || !digits(decimals) {
        return None;
    }
    let meant = format!("{whole}.{decimals}");
    Some(
        Diagnostic::new(
            &r::DECIMAL_COMMA,
            at.value_span,
            format!(
                "`{}` in {} is a text, not a number: YAML numbers take a decimal point",
                text.trim(),
                at.what
            ),
        )
        .label("decimal comma")
        .help(format!("write `{meant}`"))
        .replacement(Some(&meant))
        .path(at.pointer.to_string()),
    )
}

/// RP010: a key the schema does not allow here, with "did you mean" or the allowed keys.
fn unknown_key(
    at: &Node<'_>,
    key: &str,
    allowed: &[String],
    lookup: &mut Lookup<'_>,
) -> Diagnostic {
    let child = format!("{}/{}", at.pointer, escape_pointer(key));
    let span = lookup
        .spans(&child)
        .and_then(|s| s.key)
        .unwrap_or(at.value_span);
    let found = Diagnostic::new(
        &r::UNKNOWN_KEY,
        span,
        format!("unknown key `{key}` in {}", at.what),
    )
    .label("not a known key here")
    .path(child);
    match did_you_mean(key, allowed.iter().map(String::as_str)) {
        Some(s) => found.did_you_mean(s),
        None => found.help(format!("allowed keys here: {}", list(allowed))),
    }
}

/// RP011: a required key that is absent, shown at the first line of the mapping that lacks it.
fn missing_key(at: &Node<'_>, name: &str, tree: &Tree) -> Diagnostic {
    let (span, label) = match tree.value.pointer(at.pointer) {
        Some(Value::Object(map)) if !map.is_empty() => {
            (at.value_span, format!("this mapping has no `{name}`"))
        }
        _ => (
            at.key_span.unwrap_or(at.value_span),
            format!("`{name}` is required here"),
        ),
    };
    let found = Diagnostic::new(
        &r::MISSING_KEY,
        span,
        format!("missing required key `{name}` in {}", at.what),
    )
    .label(label)
    .help(format!("add `{name}:` to {}", at.what));
    // The key, without a value, after the mapping's last entry; `placeholder_lines` puts it on
    // a line of its own, indented as the mapping's keys.
    let last_end = match tree.root.at(at.pointer).map(|n| &n.value) {
        Some(TValue::Map(entries)) => entries.iter().map(|(_, _, v)| v.end).max(),
        _ => None,
    };
    match last_end {
        Some(end) if span == at.value_span => found.fix(Fix {
            message: format!("add `{name}:` with its value still to write").into(),
            applicability: Applicability::Unsafe,
            edits: vec![Edit::insert(end, format!("{name}:"))],
            suppression: false,
        }),
        _ => found,
    }
}

/// Puts the key each missing-key fix adds on a line of its own after the mapping's last entry
/// (after any comment on that line), indented as the mapping's first key, with the file's line
/// ending; a mapping written in braces gets no fix.
pub fn placeholder_lines(diagnostics: &mut [Diagnostic], text: &str) {
    let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
    for d in diagnostics
        .iter_mut()
        .filter(|d| d.code == r::MISSING_KEY.code)
    {
        let start = d.primary.span.start;
        let line_start = text
            .get(..start)
            .and_then(|h| h.rfind('\n'))
            .map_or(0, |i| i + 1);
        let indent: String = text
            .get(line_start..start)
            .unwrap_or_default()
            .chars()
            .map(|c| if c == '\t' { '\t' } else { ' ' })
            .collect();
        let flow = text.get(start..).is_some_and(|t| t.starts_with('{'));
        d.fixes.retain_mut(|fix| {
            let [edit] = fix.edits.as_mut_slice() else {
                return true;
            };
            if flow {
                return false;
            }
            // The end of the line the last entry ends on.
            let mut at = edit.span.start.min(text.len());
            if text.get(..at).is_some_and(|h| h.ends_with('\n')) {
                at -= 1;
            }
            let Some(rest) = text.get(at..) else {
                return false;
            };
            let line_end = at + rest.find('\n').unwrap_or(rest.len());
            let line_end = if text.get(..line_end).is_some_and(|h| h.ends_with('\r')) {
                line_end - 1
            } else {
                line_end
            };
            edit.span = Span::new(line_end, 0);
            edit.content = format!("{eol}{indent}{}", edit.content);
            true
        });
    }
}

/// RP012: a value of the wrong type. A date or an id is a text of a given form: say which.
fn wrong_type(at: &Node<'_>, instance: &Value, form: Option<&str>, kind: &TypeKind) -> Diagnostic {
    let expected = match (form, kind) {
        (Some(DATE_PATTERN), _) => "a date (YYYY-MM-DD, YYYY-MM or YYYY)".to_string(),
        (Some(ID_PATTERN), _) => "an id".to_string(),
        (_, TypeKind::Single(t)) => type_name(*t).to_string(),
        (_, TypeKind::Multiple(set)) => {
            let names: Vec<&str> = set.iter().map(type_name).collect();
            names.join(" or ")
        }
    };
    let (help, meant) = type_help(instance, &expected);
    Diagnostic::new(
        &r::WRONG_TYPE,
        at.value_span,
        format!(
            "{} must be {expected}, found {}",
            at.what,
            value_kind(instance)
        ),
    )
    .label(format!("expected {expected}"))
    .help(help)
    .replacement(meant.as_deref())
}

/// RP014: a text that does not have the form of a date or an id.
fn wrong_form(at: &Node<'_>, instance: &Value, pattern: &str, tree: &Tree) -> Diagnostic {
    let given = scalar_text(instance);
    let what = &at.what;
    let (message, help) = if pattern == DATE_PATTERN {
        (
            format!("`{given}` in {what} is not a date in the form YYYY-MM-DD"),
            Some(
                "write dates as year-month-day, e.g. `2022-12-31`, or as `2022-12` or `2022` \
                 when only the month or year is known"
                    .to_string(),
            ),
        )
    } else if pattern == ID_PATTERN
        && let Some(id) = id_named(&given, tree)
    {
        return Diagnostic::new(
            &r::INVALID_FORMAT,
            at.value_span,
            format!("`{given}` in {what} is a name, not an id"),
        )
        .label("a name")
        .help(format!("write the id `{id}`, not the name"))
        .replacement(Some(&id))
        .path(at.pointer.to_string());
    } else if pattern == ID_PATTERN {
        let suggestion = slug(&given);
        (
            format!("`{given}` in {what} is not a valid id"),
            Some(format!(
                "ids use lower-case letters, digits, `.`, `_` and `-`, e.g. `{suggestion}`"
            )),
        )
    } else {
        (
            format!("`{given}` in {what} does not match `{pattern}`"),
            None,
        )
    };
    Diagnostic::new(&r::INVALID_FORMAT, at.value_span, message)
        .label("wrong form")
        .help_opt(help)
}

/// The id of the person or organisation whose name is `name` (ignoring case and accents).
fn id_named(name: &str, tree: &Tree) -> Option<String> {
    ["/people", "/organisations"]
        .iter()
        .filter_map(|list| tree.value.pointer(list)?.as_array())
        .flatten()
        .find(|item| {
            item.get("name")
                .and_then(Value::as_str)
                .is_some_and(|n| same_name(n, name))
        })
        .and_then(|item| item.get("id")?.as_str())
        .map(String::from)
}

/// A value that is not one of the allowed values, with "did you mean" or the list.
fn invalid_value(
    instance: &Value,
    allowed: &[String],
    what: &str,
    span: Span,
    pointer: &str,
) -> Diagnostic {
    let given = scalar_text(instance);
    let found = Diagnostic::new(
        &r::INVALID_VALUE,
        span,
        format!("invalid value `{given}` for {what}"),
    )
    .label("not an allowed value")
    .path(pointer.to_string());
    match did_you_mean(&given, allowed.iter().map(String::as_str)) {
        Some(s) => found.did_you_mean(s),
        None => found.help(format!("allowed values: {}", list(allowed))),
    }
}

/// Names a node for a message: "theme `ggz`", "`trekker` of theme `ggz`", "`region`".
fn describe(pointer: &str, tree: &Tree) -> String {
    if pointer.is_empty() {
        return "the top level".to_string();
    }
    let segments: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect();
    let id_at = |p: &str| {
        tree.value
            .pointer(p)
            .and_then(|v| v.get("id"))
            .and_then(Value::as_str)
            .map(String::from)
    };
    let kind_of = |segs: &[String]| {
        segs.iter()
            .rev()
            .find(|s| s.parse::<usize>().is_err())
            .map_or("item", |s| singular(s))
            .to_string()
    };
    if let Some(id) = id_at(pointer) {
        return format!("{} `{id}`", kind_of(&segments));
    }
    let last = segments.last().cloned().unwrap_or_default();
    let name = if last.parse::<usize>().is_ok() {
        let parent = segments.iter().rev().nth(1).cloned().unwrap_or_default();
        format!("an item of `{parent}`")
    } else {
        format!("`{last}`")
    };
    for end in (1..segments.len()).rev() {
        let head = segments.get(..end).unwrap_or_default();
        let prefix = head.iter().fold(String::new(), |mut acc, s| {
            acc.push('/');
            acc.push_str(&escape_pointer(s));
            acc
        });
        if let Some(id) = id_at(&prefix) {
            return format!("{name} of {} `{id}`", kind_of(head));
        }
    }
    if segments.len() > 1 {
        return format!("`{}`", dotted(&segments));
    }
    name
}

/// `region.key_figures.practices`, `themes[2].name`.
fn dotted(segments: &[String]) -> String {
    let mut out = String::new();
    for s in segments {
        if s.parse::<usize>().is_ok() {
            out.push('[');
            out.push_str(s);
            out.push(']');
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(s);
        }
    }
    out
}

fn singular(list: &str) -> &str {
    match list {
        "themes" => "theme",
        "goals" => "goal",
        "people" => "person",
        "organisations" => "organisation",
        "governance" => "governance body",
        "workgroups" => "workgroup",
        "contracts" => "contract",
        "modules" => "module",
        "services" => "service",
        "neighbourhoods" => "neighbourhood",
        "programmes" => "programme",
        other => other,
    }
}

/// The schema object that holds the failing keyword at `keyword_path` (an error's schema path,
/// which may pass through `$ref`s), with a `$ref` there resolved.
fn schema_at<'a>(schema: &'a Value, keyword_path: &str) -> Option<&'a Value> {
    let resolve = |v: &'a Value| {
        v.get("$ref")
            .and_then(Value::as_str)
            .and_then(|t| t.strip_prefix('#'))
            .and_then(|p| schema.pointer(p))
    };
    let segments: Vec<String> = keyword_path
        .split('/')
        .skip(1)
        .map(unescape_pointer)
        .collect();
    let mut current = schema;
    for segment in segments.iter().take(segments.len().saturating_sub(1)) {
        current = if segment == "$ref" {
            resolve(current)?
        } else {
            match current {
                Value::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
                _ => current.get(segment.as_str())?,
            }
        };
    }
    Some(resolve(current).unwrap_or(current))
}

/// The keys allowed by the object schema whose `additionalProperties` failed.
fn allowed_keys(schema: &Value, keyword_path: &str) -> Vec<String> {
    schema_at(schema, keyword_path)
        .and_then(|s| s.get("properties"))
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

/// The values of a `oneOf` whose alternatives are all constants or string enums: what schemars
/// makes of an enum whose variants have doc comments.
fn one_of_constants(schema: &Value, keyword_path: &str) -> Option<Vec<String>> {
    let alternatives = schema_at(schema, keyword_path)?.get("oneOf")?.as_array()?;
    let mut values = Vec::new();
    for alternative in alternatives {
        if let Some(c) = alternative.get("const").and_then(Value::as_str) {
            values.push(c.to_string());
        } else {
            for v in alternative.get("enum")?.as_array()? {
                values.push(v.as_str()?.to_string());
            }
        }
    }
    Some(values)
}

/// What to write instead, with the Dutch habits spelled out: `12,5` and `"12"` for numbers;
/// with the exact text to write when the expected type says what was meant.
fn type_help(instance: &Value, expected: &str) -> (String, Option<String>) {
    let numeric = expected.contains("number");
    match instance {
        Value::Null => ("write a value after the colon".to_string(), None),
        Value::Array(_) if expected == "a mapping" => (
            "write the keys indented under it, without `- ` or `[...]`".to_string(),
            None,
        ),
        Value::String(text) if numeric && text.trim().parse::<f64>().is_ok_and(f64::is_finite) => {
            let meant = text.trim().to_string();
            (format!("remove the quotes: `{meant}`"), Some(meant))
        }
        Value::String(text)
            if numeric
                && text.trim().split('.').count() > 2
                && text.trim().replace('.', "").parse::<u64>().is_ok() =>
        {
            let meant = text.trim().replace('.', "");
            (
                format!("write the number without thousands separators: `{meant}`"),
                Some(meant),
            )
        }
        _ => (format!("write {expected} here"), None),
    }
}

fn type_name(t: JsonType) -> &'static str {
    match t {
        JsonType::Array => "a list",
        JsonType::Boolean => "true or false",
        JsonType::Integer => "a whole number",
        JsonType::Null => "nothing (null)",
        JsonType::Number => "a number",
        JsonType::Object => "a mapping",
        JsonType::String => "a text",
    }
}

fn value_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing (null)",
        Value::Bool(_) => "true or false",
        Value::Number(n) if n.is_f64() => "a decimal number",
        Value::Number(_) => "a whole number",
        Value::String(_) => "a text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a mapping",
    }
}

fn scalar_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn list(items: &[String]) -> String {
    items
        .iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A suggested id for a text: lower-case, spaces and other characters as `-`.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "my-id".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_make_valid_ids() {
        assert_eq!(slug("GGZ Thema"), "ggz-thema");
        assert_eq!(slug("  "), "my-id");
    }

    #[test]
    fn the_ancestors_of_a_pointer_are_the_node_and_those_above_it() {
        let all: Vec<&str> = ancestors("/themes/0/id").collect();
        assert_eq!(all, ["/themes/0/id", "/themes/0", "/themes", ""]);
        assert!(!ancestors("/themes/01").any(|a| a == "/themes/0"));
    }
}
