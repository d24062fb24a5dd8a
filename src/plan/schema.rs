//! The JSON Schema of the plan format, generated from the types in `plan::raw`.
//!
//! The committed `schemas/regioplan.schema.json` is this output; a test fails when it is stale.
//! The structural pass in `load` validates against the same value, so the schema and the typed
//! model cannot drift apart.

use schemars::generate::SchemaSettings;
use serde_json::Value;

use super::raw::Plan;

/// The `$id` of the published schema.
pub const SCHEMA_ID: &str = "https://regioplan.example/schemas/regioplan.schema.json";

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

/// The schema as pretty-printed JSON with a trailing newline, as committed.
#[must_use]
pub fn plan_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&plan_schema()).unwrap_or_default();
    text.push('\n');
    text
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
