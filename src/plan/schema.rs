//! The JSON Schema of the plan format, generated from the types in `plan::raw`.
//!
//! The committed `schemas/regioplan.schema.json` is this output; a test fails when it is stale.
//! The structural pass in `load` validates against the same value, so the schema and the typed
//! model cannot drift apart.
//!
//! `schemas/regioplan.schema.nl.json` is the same schema with its descriptions (what an editor
//! shows on hover and completion) in Dutch, from `descriptions.nl.toml`, keyed by the JSON
//! Pointer of each English description. Editors know no per-language descriptions in one
//! schema, so the Dutch one is a file of its own.

use std::collections::BTreeMap;

use schemars::generate::SchemaSettings;
use serde_json::Value;

use super::raw::Plan;
use crate::lang::Lang;

/// The `$id` of the published schema.
pub const SCHEMA_ID: &str = "https://regioplan.example/schemas/regioplan.schema.json";

/// The `$id` of the published schema with Dutch descriptions.
pub const SCHEMA_ID_NL: &str = "https://regioplan.example/schemas/regioplan.schema.nl.json";

/// The Dutch descriptions, embedded: see the head of the file.
const DESCRIPTIONS_NL: &str = include_str!("descriptions.nl.toml");

/// One translated description: the English text it was made from, and the Dutch.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Translation {
    en: String,
    nl: String,
}

/// The Dutch descriptions by JSON Pointer; empty when the embedded file does not parse (a test
/// keeps it parsing).
fn dutch_descriptions() -> BTreeMap<String, Translation> {
    toml::from_str(DESCRIPTIONS_NL).unwrap_or_default()
}

/// The file name of the schema in `lang`, as committed under `schemas/`.
#[must_use]
pub fn schema_file_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "regioplan.schema.json",
        Lang::Nl => "regioplan.schema.nl.json",
    }
}

/// Every `description` and `markdownDescription` text in `value`, by its JSON Pointer.
fn descriptions(value: &Value) -> Vec<(String, String)> {
    fn walk(value: &Value, pointer: &str, found: &mut Vec<(String, String)>) {
        let escape = |key: &str| key.replace('~', "~0").replace('/', "~1");
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    let at = format!("{pointer}/{}", escape(key));
                    match child {
                        Value::String(text)
                            if key == "description" || key == "markdownDescription" =>
                        {
                            found.push((at, text.clone()));
                        }
                        _ => walk(child, &at, found),
                    }
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(child, &format!("{pointer}/{i}"), found);
                }
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    walk(value, "", &mut found);
    found
}

/// The plan schema with its descriptions in `lang`. A description without a Dutch text, or
/// whose Dutch was made from another English text (both of which a test forbids), stays
/// English.
#[must_use]
pub fn plan_schema_in(lang: Lang) -> Value {
    let mut value = plan_schema();
    if lang == Lang::En {
        return value;
    }
    let dutch = dutch_descriptions();
    for (pointer, english) in descriptions(&value.clone()) {
        let Some(t) = dutch.get(&pointer).filter(|t| t.en == english) else {
            continue;
        };
        if let Some(slot) = value.pointer_mut(&pointer) {
            *slot = Value::String(t.nl.clone());
        }
    }
    if let Value::Object(map) = &mut value {
        map.insert("$id".into(), Value::String(SCHEMA_ID_NL.into()));
    }
    value
}

/// [`plan_schema_in`] as pretty-printed JSON with a trailing newline, as committed.
#[must_use]
pub fn plan_schema_text_in(lang: Lang) -> String {
    let mut text = serde_json::to_string_pretty(&plan_schema_in(lang)).unwrap_or_default();
    text.push('\n');
    text
}

/// The plan schema as JSON.
#[must_use]
pub fn plan_schema() -> Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let schema = generator.into_root_schema_for::<Plan>();
    let mut value = schema.to_value();
    forbid_null(&mut value);
    if let Value::Object(map) = &mut value {
        map.insert("$id".into(), Value::String(SCHEMA_ID.into()));
    }
    value
}

/// The plan schema as committed in `schemas/regioplan.schema.json`, embedded in the binary, so
/// that `check` reads it instead of generating it at start (a test holds the file to
/// [`plan_schema`]; should it ever not parse, the schema is generated).
#[must_use]
pub fn committed_plan_schema() -> Value {
    serde_json::from_str(COMMITTED).unwrap_or_else(|_| plan_schema())
}

const COMMITTED: &str = include_str!("../../schemas/regioplan.schema.json");

/// The schema as pretty-printed JSON with a trailing newline, as committed.
#[must_use]
pub fn plan_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&plan_schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// Rewrites a struct with an internally tagged enum flattened into it (`#[serde(flatten)]` of a
/// `#[serde(tag = "kind")]` enum), which schemars writes as a `oneOf` of one object per kind,
/// into one object: every key of every kind in `properties`, `kind` as an enum, no other key
/// (`additionalProperties: false`), and per kind an `if kind is K then` with that kind's
/// required keys and `false` for the keys of other kinds. A validator then reports a missing
/// parameter as a missing key and a foreign one at its own key, instead of "not valid under
/// any of the schemas". The required keys still come from the types.
pub fn discriminate(value: &mut Value) {
    let Value::Object(map) = value else {
        if let Value::Array(items) = value {
            items.iter_mut().for_each(discriminate);
        }
        return;
    };
    for child in map.values_mut() {
        discriminate(child);
    }
    let Some(Value::Array(alternatives)) = map.get("oneOf") else {
        return;
    };
    let kind_of = |a: &Value| {
        a.pointer("/properties/kind/const")
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    if alternatives.is_empty() || !alternatives.iter().all(|a| kind_of(a).is_some()) {
        return;
    }
    let alternatives = alternatives.clone();
    map.remove("oneOf");
    let mut kinds = Vec::new();
    let mut all_keys: Vec<String> = Vec::new();
    for a in &alternatives {
        if let Some(props) = a.get("properties").and_then(Value::as_object) {
            for key in props.keys().filter(|k| *k != "kind") {
                if !all_keys.contains(key) {
                    all_keys.push(key.clone());
                }
            }
        }
    }
    let mut branches = Vec::new();
    let mut descriptions = Vec::new();
    for a in &alternatives {
        let Some(kind) = kind_of(a) else { continue };
        let props = a
            .get("properties")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let mut then_props = serde_json::Map::new();
        for key in &all_keys {
            then_props.insert(
                key.clone(),
                props.get(key).cloned().unwrap_or(Value::Bool(false)),
            );
        }
        let required: Vec<Value> = a
            .get("required")
            .and_then(Value::as_array)
            .map(|r| {
                r.iter()
                    .filter(|k| k.as_str() != Some("kind"))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        if let Some(d) = a.get("description").and_then(Value::as_str) {
            descriptions.push(format!("`{kind}`: {d}"));
        }
        branches.push(serde_json::json!({
            "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
            "then": {"properties": then_props, "required": required},
        }));
        kinds.push(Value::String(kind));
    }
    let properties = map
        .entry("properties")
        .or_insert_with(|| Value::Object(serde_json::Map::new()));
    if let Value::Object(properties) = properties {
        properties.insert(
            "kind".into(),
            serde_json::json!({
                "description": format!("The kind of check; each takes its own keys.\n{}", descriptions.join("\n")),
                "enum": kinds,
            }),
        );
        for key in &all_keys {
            properties.entry(key.clone()).or_insert(Value::Bool(true));
        }
    }
    if let Some(Value::Array(required)) = map.get_mut("required") {
        required.push(Value::String("kind".into()));
    }
    map.insert("additionalProperties".into(), Value::Bool(false));
    map.insert("allOf".into(), Value::Array(branches));
}

/// Optional keys are written out or left away; `null` is never a value. schemars makes an
/// `Option<T>` nullable, so drop the null alternative: `anyOf: [X, {type: null}]` becomes `X`
/// and `type: [T, "null"]` becomes `type: T`. A stray `key:` with no value is then reported
/// as a wrong type instead of silently meaning "absent".
pub fn forbid_null(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            let any_of = map.get("anyOf").and_then(Value::as_array).cloned();
            if let Some(alternatives) = any_of {
                let rest: Vec<Value> = alternatives
                    .into_iter()
                    .filter(|a| a.get("type").and_then(Value::as_str) != Some("null"))
                    .collect();
                if rest.len() == 1 {
                    map.remove("anyOf");
                    if let Some(Value::Object(inner)) = rest.into_iter().next() {
                        for (k, v) in inner {
                            map.entry(k).or_insert(v);
                        }
                    }
                }
            }
            if map.get("default").is_some_and(Value::is_null) {
                map.remove("default");
            }
            for child in map.values_mut() {
                forbid_null(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(forbid_null),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `check` compiles the embedded file, so it must parse and be the generated schema.
    #[test]
    fn the_embedded_schema_is_the_generated_one() {
        let embedded: Value = serde_json::from_str(COMMITTED).expect("the committed schema parses");
        assert!(
            embedded == plan_schema(),
            "schemas/regioplan.schema.json is stale: run `UPDATE_SCHEMA=1 cargo test --test schema`"
        );
    }

    #[test]
    fn every_english_description_has_a_dutch_one_and_every_dutch_one_a_field() {
        let parsed: Result<BTreeMap<String, Translation>, _> = toml::from_str(DESCRIPTIONS_NL);
        let dutch = match parsed {
            Ok(d) => d,
            Err(e) => panic!("descriptions.nl.toml does not parse: {e}"),
        };
        let english = descriptions(&plan_schema());
        assert!(english.len() > 300, "{}", english.len());
        let mut problems = Vec::new();
        for (pointer, en) in &english {
            match dutch.get(pointer) {
                None => problems.push(format!(
                    "missing; add:\n[{pointer:?}]\nen = {en:?}\nnl = \"...\""
                )),
                Some(t) if t.en != *en => problems.push(format!(
                    "{pointer}: the English changed; translate it again:\nen = {en:?}\nwas {:?}",
                    t.en
                )),
                Some(t) if t.nl.trim().is_empty() => {
                    problems.push(format!("{pointer}: the Dutch is empty"));
                }
                Some(t) if t.nl.trim() == en.trim() => {
                    problems.push(format!("{pointer}: the Dutch is the English"));
                }
                Some(_) => {}
            }
        }
        for pointer in dutch.keys() {
            if !english.iter().any(|(p, _)| p == pointer) {
                problems.push(format!("{pointer}: no such description; remove it"));
            }
        }
        assert!(
            problems.is_empty(),
            "src/plan/descriptions.nl.toml:\n{}",
            problems.join("\n\n")
        );
    }

    #[test]
    fn the_dutch_schema_differs_from_the_english_only_in_descriptions_and_id() {
        let en = plan_schema();
        let mut nl = plan_schema_in(Lang::Nl);
        assert_eq!(nl["$id"], SCHEMA_ID_NL);
        assert_eq!(
            nl.pointer("/properties/themes/description")
                .and_then(Value::as_str),
            Some("Thema's met hun doelen.")
        );
        let english = descriptions(&en);
        let translated = descriptions(&nl);
        assert_eq!(english.len(), translated.len());
        for ((p, e), (q, n)) in english.iter().zip(&translated) {
            assert_eq!(p, q);
            assert_ne!(e, n, "{p} is English in the Dutch schema");
        }
        for (pointer, text) in english {
            if let Some(slot) = nl.pointer_mut(&pointer) {
                *slot = Value::String(text);
            }
        }
        nl["$id"] = Value::String(SCHEMA_ID.into());
        assert_eq!(nl, en);
        assert_eq!(plan_schema_in(Lang::En), en);
    }
}
