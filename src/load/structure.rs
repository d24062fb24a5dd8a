//! Structure: the spanned tree validated against the plan schema, every problem at once.
//!
//! The typed serde parse stops at the first problem, so the schema generated from the same
//! types is applied to the whole tree first (`load::validator`, over the node tree itself, so
//! the plan is not copied for it); each error's JSON pointer is mapped back to the key or value
//! it is about. One problem gives one diagnostic: errors
//! inside a node that already has a type error are dropped.

use std::sync::{Once, OnceLock};

use serde_json::Value;

use super::dutch;
use super::validator::{ErrorKind, JsonType, Schema, SchemaError, TypeKind};
use crate::diagnostic::Span;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix};
use crate::lang::{Message, Plain};
use crate::msg;
use crate::plan::raw::{DATE_PATTERN, ID_PATTERN};
use crate::plan::schema::committed_plan_schema;
use crate::rules::{did_you_mean, same_name, structure as r};
use crate::tree::{Lookup, TNode, TValue, Tree, escape_pointer, to_value, unescape_pointer};

/// A schema and its compiled validator.
pub struct Compiled {
    schema: Value,
    validator: Option<Schema>,
}

impl Compiled {
    /// Compiles a draft 2020-12 schema.
    #[must_use]
    pub fn new(schema: Value) -> Self {
        let validator = Schema::compile(&schema).ok();
        Self { schema, validator }
    }
}

static PLAN: OnceLock<Compiled> = OnceLock::new();

fn plan() -> &'static Compiled {
    PLAN.get_or_init(|| Compiled::new(committed_plan_schema()))
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
                msg!(
                    "the built-in plan schema does not compile",
                    "het ingebouwde planschema compileert niet"
                ),
            )
            .help(msg!(
                "this is a defect in regioplan; please report it",
                "dit is een fout in regioplan; meld het alstublieft"
            )),
        ];
    };
    let mut errors = validator.errors(&tree.root);
    // Parents before children, so that a type error on a node hides errors inside it.
    errors.sort_by(|a, b| a.instance_path.cmp(&b.instance_path));
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
        let pointer = error.instance_path.clone();
        if ancestors(&pointer).any(|a| broken.contains(a)) {
            continue;
        }
        if matches!(
            error.kind,
            ErrorKind::Type { .. } | ErrorKind::Constant { .. }
        ) {
            broken.insert(pointer.clone());
        }
        // A misspelt required key is one problem: the unknown key (read as the key it
        // resembles), not also the missing key.
        if let ErrorKind::Required { property } = &error.kind
            && misspelt.contains(&(pointer.clone(), property.clone()))
        {
            continue;
        }
        out.extend(translate(error, &pointer, &mut lookup, &compiled.schema));
    }
    out
}

/// (mapping pointer, key) for every unknown key that resembles an allowed key.
fn misspelt_keys(errors: &[SchemaError<'_>], schema: &Value) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for error in errors {
        if let ErrorKind::AdditionalProperties { unexpected } = &error.kind {
            let allowed = allowed_keys(schema, &error.schema_path);
            for key in unexpected {
                if let Some(s) = dutch::key(key, &allowed)
                    .or_else(|| did_you_mean(key, allowed.iter().map(String::as_str)))
                {
                    found.push((error.instance_path.clone(), s.to_string()));
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
    /// How a message names it: "theme `ggz`", "thema `ggz`".
    what: Message,
}

/// One schema error as the findings a plan author reads.
fn translate(
    error: &SchemaError<'_>,
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
    let instance = error.instance;
    let schema_path = error.schema_path.as_str();
    let one = |d: Diagnostic| vec![d.path(pointer.to_string())];
    match &error.kind {
        ErrorKind::AdditionalProperties { unexpected } => {
            let allowed = allowed_keys(schema, schema_path);
            unexpected
                .iter()
                .map(|key| {
                    decimals_split_off(&at, key, lookup)
                        .unwrap_or_else(|| unknown_key(&at, key, &allowed, lookup))
                })
                .collect()
        }
        ErrorKind::Required { property } => one(missing_key(&at, property, tree)),
        ErrorKind::Type { kind } => {
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
                .unwrap_or_else(|| wrong_type(&at, instance, form, *kind)))
        }
        ErrorKind::Enum { options } => {
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
        ErrorKind::OneOfNotValid if let Some(allowed) = one_of_constants(schema, schema_path) => {
            vec![invalid_value(
                instance,
                &allowed,
                &at.what,
                at.value_span,
                pointer,
            )]
        }
        ErrorKind::Constant { .. } if pointer == "/regioplan" => one(Diagnostic::new(
            &r::UNSUPPORTED_VERSION,
            at.value_span,
            msg!(
                "unsupported plan format version `{v}`",
                "onbekende versie `{v}` van het planformaat",
                v = scalar_text(instance)
            ),
        )
        .label(msg!(
            "this regioplan reads version 1",
            "deze regioplan leest versie 1"
        ))
        .help(msg!("write `regioplan: 1`", "schrijf `regioplan: 1`"))),
        ErrorKind::Pattern { pattern } => one(wrong_form(&at, instance, pattern, tree)),
        // A key that another `kind` takes (see `plan::schema::discriminate`).
        ErrorKind::FalseSchema => {
            let key = pointer
                .rsplit('/')
                .next()
                .map(unescape_pointer)
                .unwrap_or_default();
            one(Diagnostic::new(
                &r::UNKNOWN_KEY,
                at.key_span.unwrap_or(at.value_span),
                msg!(
                    "`{key}` does not belong to this `kind`",
                    "`{key}` hoort niet bij deze `kind`",
                    key = key
                ),
            )
            .label(msg!("another kind takes this key", "een andere `kind` heeft dit veld"))
            .help(msg!(
                "remove it, or change `kind` to the one that takes it (docs/frameworks.md lists what each kind reads)",
                "verwijder het, of kies de `kind` die dit veld heeft (docs/frameworks.md noemt de velden van elke `kind`)"
            )))
        }
        ErrorKind::Minimum { limit } | ErrorKind::ExclusiveMinimum { limit } => {
            one(Diagnostic::new(
                &r::OUT_OF_RANGE,
                at.value_span,
                msg!(
                    "{what} is {v}, below the minimum {limit}",
                    "{what} is {v}, lager dan het minimum {limit}",
                    what = at.what,
                    v = scalar_text(instance),
                    limit = Plain(limit)
                ),
            )
            .label(msg!("too small", "te klein"))
            .help(msg!(
                "a count, a year or an amount cannot be below {limit}",
                "een aantal, een jaar of een bedrag kan niet lager zijn dan {limit}",
                limit = Plain(limit)
            )))
        }
        ErrorKind::Maximum { limit } | ErrorKind::ExclusiveMaximum { limit } => {
            one(Diagnostic::new(
                &r::OUT_OF_RANGE,
                at.value_span,
                msg!(
                    "{what} is {v}, above the maximum {limit}",
                    "{what} is {v}, hoger dan het maximum {limit}",
                    what = at.what,
                    v = scalar_text(instance),
                    limit = Plain(limit)
                ),
            )
            .label(msg!("too large", "te groot")))
        }
        _ => one(Diagnostic::new(
            &r::WRONG_TYPE,
            at.value_span,
            msg!(
                "{what} is not valid: {error}",
                "{what} is niet geldig: {error}",
                what = at.what,
                error = Plain(error)
            ),
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
            msg!(
                "`{whole},{key}` is read as {whole} and a stray key `{key}`: YAML numbers take a decimal point",
                "`{whole},{key}` wordt gelezen als {whole} en een los veld `{key}`: getallen in YAML hebben een decimale punt",
                whole = Plain(&whole),
                key = key
            ),
        )
        .label(msg!("read as {whole}", "gelezen als {whole}", whole = Plain(&whole)))
        .help(msg!("write `{meant}`", "schrijf `{meant}`", meant = meant))
        .replacement(Some(&meant))
        .path(format!("{}/{}", at.pointer, escape_pointer(number_key))),
    )
}

/// RP009: a number written as a text with a decimal comma (`12,5`).
fn decimal_comma(at: &Node<'_>, instance: &TNode) -> Option<Diagnostic> {
    let TValue::Str(text) = &instance.value else {
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
            msg!(
                "`{text}` in {what} is a text, not a number: YAML numbers take a decimal point",
                "`{text}` in {what} is een tekst, geen getal: getallen in YAML hebben een decimale punt",
                text = text.trim(),
                what = at.what
            ),
        )
        .label(msg!("decimal comma", "decimale komma"))
        .help(msg!("write `{meant}`", "schrijf `{meant}`", meant = meant))
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
        msg!(
            "unknown key `{key}` in {what}",
            "onbekend veld `{key}` in {what}",
            key = key,
            what = at.what
        ),
    )
    .label(msg!("not a known key here", "hier geen bekend veld"))
    .path(child);
    if let Some(meant) = dutch::key(key, allowed) {
        return found
            .label(msg!("a Dutch word", "een Nederlands woord"))
            .help(msg!(
                "the plan format writes its keys in English: write `{meant}`",
                "het planformaat schrijft zijn velden in het Engels: schrijf `{meant}`",
                meant = meant
            ))
            .replacement(Some(meant));
    }
    match did_you_mean(key, allowed.iter().map(String::as_str)) {
        Some(s) => found.did_you_mean(s),
        None => found.help(msg!(
            "allowed keys here: {keys}",
            "velden die hier kunnen: {keys}",
            keys = list(allowed)
        )),
    }
}

/// RP011: a required key that is absent, shown at the first line of the mapping that lacks it.
fn missing_key(at: &Node<'_>, name: &str, tree: &Tree) -> Diagnostic {
    let (span, label) = match tree.root.at(at.pointer).map(|n| &n.value) {
        Some(TValue::Map(entries)) if !entries.is_empty() => (
            at.value_span,
            msg!(
                "this mapping has no `{name}`",
                "hier ontbreekt `{name}`",
                name = name
            ),
        ),
        _ => (
            at.key_span.unwrap_or(at.value_span),
            msg!(
                "`{name}` is required here",
                "`{name}` is hier verplicht",
                name = name
            ),
        ),
    };
    let found = Diagnostic::new(
        &r::MISSING_KEY,
        span,
        msg!(
            "missing required key `{name}` in {what}",
            "verplicht veld `{name}` ontbreekt in {what}",
            name = name,
            what = at.what
        ),
    )
    .label(label)
    .help(msg!(
        "add `{name}:` to {what}",
        "voeg `{name}:` toe aan {what}",
        name = name,
        what = at.what
    ));
    // The key, without a value, after the mapping's last entry; `placeholder_lines` puts it on
    // a line of its own, indented as the mapping's keys.
    let last_end = match tree.root.at(at.pointer).map(|n| &n.value) {
        Some(TValue::Map(entries)) => entries.iter().map(|(_, _, v)| v.end).max(),
        _ => None,
    };
    match last_end {
        Some(end) if span == at.value_span => found.fix(Fix {
            message: msg!(
                "add `{name}:` with its value still to write",
                "voeg `{name}:` toe; de waarde vult u nog in",
                name = name
            ),
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
fn wrong_type(at: &Node<'_>, instance: &TNode, form: Option<&str>, kind: TypeKind) -> Diagnostic {
    let expected = match (form, kind) {
        (Some(DATE_PATTERN), _) => msg!(
            "a date (YYYY-MM-DD, YYYY-MM or YYYY)",
            "een datum (JJJJ-MM-DD, JJJJ-MM of JJJJ)"
        ),
        (Some(ID_PATTERN), _) => msg!("an id", "een id"),
        (_, TypeKind::Single(t)) => type_name(t).into(),
        (_, TypeKind::Multiple(set)) => {
            let names: Vec<Message> = set.iter().map(|t| type_name(t).into()).collect();
            let (en, nl): (Vec<&str>, Vec<&str>) = names.iter().map(|m| (m.en(), m.nl())).unzip();
            Message::new(en.join(" or "), nl.join(" of "))
        }
    };
    let boolean = match kind {
        TypeKind::Single(t) => t == JsonType::Boolean,
        TypeKind::Multiple(set) => set.iter().any(|t| t == JsonType::Boolean),
    };
    if boolean
        && let TValue::Str(text) = &instance.value
        && let Some(meant) = dutch::boolean(text)
    {
        return Diagnostic::new(
            &r::WRONG_TYPE,
            at.value_span,
            msg!(
                "{what} must be true or false, found the text `{text}`",
                "{what} moet true of false zijn, maar is de tekst `{text}`",
                what = at.what,
                text = text.trim()
            ),
        )
        .label(msg!("a Dutch yes or no", "een Nederlands ja of nee"))
        .help(msg!(
            "the plan format writes yes and no as `true` and `false`: write `{meant}`",
            "het planformaat schrijft ja en nee als `true` en `false`: schrijf `{meant}`",
            meant = meant
        ))
        .replacement(Some(meant));
    }
    let numeric = expected.en().contains("number");
    let (help, meant) = type_help(instance, &expected, numeric);
    Diagnostic::new(
        &r::WRONG_TYPE,
        at.value_span,
        msg!(
            "{what} must be {expected}, found {found}",
            "{what} moet {expected} zijn, maar is {found}",
            what = at.what,
            expected = expected,
            found = value_kind(instance)
        ),
    )
    .label(msg!(
        "expected {expected}",
        "verwacht: {expected}",
        expected = expected
    ))
    .help(help)
    .replacement(meant.as_deref())
}

/// RP014: a text that does not have the form of a date or an id.
fn wrong_form(at: &Node<'_>, instance: &TNode, pattern: &str, tree: &Tree) -> Diagnostic {
    let given = scalar_text(instance);
    let what = &at.what;
    if pattern == DATE_PATTERN
        && let Some(meant) = dutch::date(&given)
    {
        return Diagnostic::new(
            &r::INVALID_FORMAT,
            at.value_span,
            msg!(
                "`{given}` in {what} is a date written day first",
                "`{given}` in {what} is een datum met de dag voorop",
                given = given.trim(),
                what = what
            ),
        )
        .label(msg!("day first", "dag voorop"))
        .help(msg!(
            "the plan format writes dates year-month-day: write `{meant}`",
            "het planformaat schrijft datums als jaar-maand-dag: schrijf `{meant}`",
            meant = meant
        ))
        .replacement(Some(&meant))
        .path(at.pointer.to_string());
    }
    let (message, help) = if pattern == DATE_PATTERN {
        (
            msg!(
                "`{given}` in {what} is not a date in the form YYYY-MM-DD",
                "`{given}` in {what} is geen datum in de vorm JJJJ-MM-DD",
                given = given,
                what = what
            ),
            Some(msg!(
                "write dates as year-month-day, e.g. `2022-12-31`, or as `2022-12` or `2022` \
                 when only the month or year is known",
                "schrijf datums als jaar-maand-dag, bijvoorbeeld `2022-12-31`, of als `2022-12` \
                 of `2022` als alleen de maand of het jaar bekend is"
            )),
        )
    } else if pattern == ID_PATTERN
        && let Some(id) = id_named(&given, tree)
    {
        return Diagnostic::new(
            &r::INVALID_FORMAT,
            at.value_span,
            msg!(
                "`{given}` in {what} is a name, not an id",
                "`{given}` in {what} is een naam, geen id",
                given = given,
                what = what
            ),
        )
        .label(msg!("a name", "een naam"))
        .help(msg!(
            "write the id `{id}`, not the name",
            "schrijf de id `{id}`, niet de naam",
            id = id
        ))
        .replacement(Some(&id))
        .path(at.pointer.to_string());
    } else if pattern == ID_PATTERN {
        let suggestion = slug(&given);
        (
            msg!(
                "`{given}` in {what} is not a valid id",
                "`{given}` in {what} is geen geldige id",
                given = given,
                what = what
            ),
            Some(msg!(
                "ids use lower-case letters, digits, `.`, `_` and `-`, e.g. `{suggestion}`",
                "een id bestaat uit kleine letters, cijfers, `.`, `_` en `-`, bijvoorbeeld `{suggestion}`",
                suggestion = suggestion
            )),
        )
    } else {
        (
            msg!(
                "`{given}` in {what} does not match `{pattern}`",
                "`{given}` in {what} past niet bij `{pattern}`",
                given = given,
                what = what,
                pattern = pattern
            ),
            None,
        )
    };
    Diagnostic::new(&r::INVALID_FORMAT, at.value_span, message)
        .label(msg!("wrong form", "verkeerde vorm"))
        .help_opt(help)
}

/// The id of the person or organisation whose name is `name` (ignoring case and accents).
fn id_named(name: &str, tree: &Tree) -> Option<String> {
    ["/people", "/organisations"]
        .iter()
        .filter_map(|list| match &tree.root.at(list)?.value {
            TValue::Seq(items) => Some(items),
            _ => None,
        })
        .flatten()
        .find(|item| {
            item.at("/name")
                .is_some_and(|n| matches!(&n.value, TValue::Str(text) if same_name(text, name)))
        })
        .and_then(TNode::id)
        .map(String::from)
}

/// A value that is not one of the allowed values, with "did you mean" or the list.
fn invalid_value(
    instance: &TNode,
    allowed: &[String],
    what: &Message,
    span: Span,
    pointer: &str,
) -> Diagnostic {
    let given = scalar_text(instance);
    let found = Diagnostic::new(
        &r::INVALID_VALUE,
        span,
        msg!(
            "invalid value `{given}` for {what}",
            "ongeldige waarde `{given}` voor {what}",
            given = given,
            what = what
        ),
    )
    .label(msg!("not an allowed value", "geen toegestane waarde"))
    .path(pointer.to_string());
    if let Some(meant) = dutch::enum_word(&given, allowed) {
        return found
            .label(msg!(
                "the words a report shows",
                "de woorden die een rapport toont"
            ))
            .help(msg!(
                "the plan writes this value as `{meant}`",
                "het plan schrijft deze waarde als `{meant}`",
                meant = meant
            ))
            .replacement(Some(meant));
    }
    match did_you_mean(&given, allowed.iter().map(String::as_str)) {
        Some(s) => found.did_you_mean(s),
        None => found.help(msg!(
            "allowed values: {values}",
            "toegestane waarden: {values}",
            values = list(allowed)
        )),
    }
}

/// Names a node for a message: "theme `ggz`", "`trekker` of theme `ggz`", "`region`"; in
/// Dutch "thema `ggz`", "`trekker` van thema `ggz`".
fn describe(pointer: &str, tree: &Tree) -> Message {
    if pointer.is_empty() {
        return msg!("the top level", "het hoogste niveau");
    }
    let segments: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|s| s.replace("~1", "/").replace("~0", "~"))
        .collect();
    let id_at = |p: &str| tree.root.at(p).and_then(TNode::id).map(String::from);
    let kind_of = |segs: &[String]| {
        segs.iter()
            .rev()
            .find(|s| s.parse::<usize>().is_err())
            .map_or_else(|| msg!("item", "onderdeel"), |s| singular(s))
    };
    if let Some(id) = id_at(pointer) {
        return msg!(
            "{kind} `{id}`",
            "{kind} `{id}`",
            kind = kind_of(&segments),
            id = id
        );
    }
    let last = segments.last().cloned().unwrap_or_default();
    let name = if last.parse::<usize>().is_ok() {
        let parent = segments.iter().rev().nth(1).cloned().unwrap_or_default();
        msg!(
            "an item of `{parent}`",
            "een onderdeel van `{parent}`",
            parent = parent
        )
    } else {
        msg!("`{last}`", "`{last}`", last = last)
    };
    for end in (1..segments.len()).rev() {
        let head = segments.get(..end).unwrap_or_default();
        let prefix = head.iter().fold(String::new(), |mut acc, s| {
            acc.push('/');
            acc.push_str(&escape_pointer(s));
            acc
        });
        if let Some(id) = id_at(&prefix) {
            return msg!(
                "{name} of {kind} `{id}`",
                "{name} van {kind} `{id}`",
                name = name,
                kind = kind_of(head),
                id = id
            );
        }
    }
    if segments.len() > 1 {
        let dotted = dotted(&segments);
        return msg!("`{d}`", "`{d}`", d = dotted);
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

/// What one item of a list is called, in both languages; a list the table does not know is
/// named by its key.
fn singular(list: &str) -> Message {
    let (en, nl) = match list {
        "themes" => ("theme", "thema"),
        "goals" => ("goal", "doel"),
        "people" => ("person", "persoon"),
        "organisations" => ("organisation", "organisatie"),
        "governance" => ("governance body", "bestuursorgaan"),
        "workgroups" => ("workgroup", "werkgroep"),
        "contracts" => ("contract", "contract"),
        "modules" => ("module", "module"),
        "services" => ("service", "dienst"),
        "neighbourhoods" => ("neighbourhood", "wijk"),
        "programmes" => ("programme", "programma"),
        "milestones" => ("milestone", "mijlpaal"),
        "measurements" => ("measurement", "meting"),
        other => return msg!("{other}", "{other}", other = Plain(other)),
    };
    Message::from(crate::lang::Label { en, nl })
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
fn type_help(instance: &TNode, expected: &Message, numeric: bool) -> (Message, Option<String>) {
    match &instance.value {
        TValue::Null => (
            msg!(
                "write a value after the colon",
                "schrijf een waarde na de dubbele punt"
            ),
            None,
        ),
        TValue::Seq(_) if *expected == Message::from(type_name(JsonType::Object)) => (
            msg!(
                "write the keys indented under it, without `- ` or `[...]`",
                "schrijf de velden ingesprongen eronder, zonder `- ` of `[...]`"
            ),
            None,
        ),
        TValue::Str(text) if numeric && text.trim().parse::<f64>().is_ok_and(f64::is_finite) => {
            let meant = text.trim().to_string();
            (
                msg!(
                    "remove the quotes: `{meant}`",
                    "haal de aanhalingstekens weg: `{meant}`",
                    meant = meant
                ),
                Some(meant),
            )
        }
        TValue::Str(text)
            if numeric
                && text.trim().split('.').count() > 2
                && text.trim().replace('.', "").parse::<u64>().is_ok() =>
        {
            let meant = text.trim().replace('.', "");
            (
                msg!(
                    "write the number without thousands separators: `{meant}`",
                    "schrijf het getal zonder scheidingstekens voor duizendtallen: `{meant}`",
                    meant = meant
                ),
                Some(meant),
            )
        }
        _ => (
            msg!(
                "write {expected} here",
                "schrijf hier {expected}",
                expected = expected
            ),
            None,
        ),
    }
}

fn type_name(t: JsonType) -> crate::lang::Label {
    let (en, nl) = match t {
        JsonType::Array => ("a list", "een lijst"),
        JsonType::Boolean => ("true or false", "true of false"),
        JsonType::Integer => ("a whole number", "een geheel getal"),
        JsonType::Null => ("nothing (null)", "niets (null)"),
        JsonType::Number => ("a number", "een getal"),
        JsonType::Object => ("a mapping", "een lijst van velden"),
        JsonType::String => ("a text", "een tekst"),
    };
    crate::lang::Label { en, nl }
}

/// What a node is, as the schema reads it: a non-finite float (`.nan`) is a text.
fn value_kind(node: &TNode) -> crate::lang::Label {
    let (en, nl) = match &node.value {
        TValue::Null => ("nothing (null)", "niets (null)"),
        TValue::Bool(_) => ("true or false", "true of false"),
        TValue::Float(f) if f.is_finite() => ("a decimal number", "een decimaal getal"),
        TValue::Int(_) | TValue::UInt(_) => ("a whole number", "een geheel getal"),
        TValue::Str(_) | TValue::Float(_) => ("a text", "een tekst"),
        TValue::Seq(_) => ("a list", "een lijst"),
        TValue::Map(_) => ("a mapping", "een lijst van velden"),
    };
    crate::lang::Label { en, nl }
}

/// A node's text in a message: a text as written, anything else as JSON.
fn scalar_text(node: &TNode) -> String {
    match &node.value {
        TValue::Str(s) => s.clone(),
        _ => to_value(node).to_string(),
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
