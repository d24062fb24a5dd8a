//! A JSON Schema validator over the document tree (`crate::tree::TNode`), so that the schema
//! check needs no second copy of the document as a `serde_json::Value`.
//!
//! It knows the keywords of the schemas regioplan generates (plan, framework, configuration):
//! `type`, `const`, `enum`, `minimum`/`maximum` (and the exclusive ones), `minLength`/
//! `maxLength`, `minItems`/`maxItems`, `required`, `pattern`, `properties`,
//! `additionalProperties`, `items`, `allOf`, `anyOf`, `oneOf`, `if`/`then`/`else`, `$ref` to
//! the same document and boolean schemas. `format` is an annotation (draft 2020-12 without a
//! format-assertion vocabulary, as the jsonschema crate runs it by default); other annotations
//! (`description`, `default`, ...) are ignored. A schema with any other validation keyword
//! does not compile, rather than being checked halfway.
//!
//! A schema is compiled once into a table of nodes ( `$ref`s resolved to indices, patterns
//! compiled once). Errors are data: the instance pointer, the keyword's canonical location
//! in the schema (without `$ref` traversals, as jsonschema's `schema_path`), the node and a
//! kind; they come in the order the jsonschema crate (0.60) gives them, which the
//! differential test `tests/schema_validator.rs` holds it to.
//!
//! The tree is read as JSON: `Int`/`UInt` are integers, a `Float` is a number (an integer for
//! `type: integer` when its fraction is zero), a non-finite `Float` is the text Rust writes
//! for it (`NaN`, `inf`), and a mapping's members are visited in key order. It never prints.

use std::cmp::Ordering;
use std::collections::HashMap;
use std::fmt;
use std::fmt::Write as _;

use regex::Regex;
use serde_json::Value;

use crate::tree::{TNode, TValue, escape_pointer, to_value};

/// A JSON type, as the `type` keyword names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JsonType {
    Null,
    Boolean,
    Integer,
    Number,
    String,
    Array,
    Object,
}

impl JsonType {
    fn bit(self) -> u8 {
        match self {
            JsonType::Null => 1,
            JsonType::Boolean => 1 << 1,
            JsonType::Integer => 1 << 2,
            JsonType::Number => 1 << 3,
            JsonType::String => 1 << 4,
            JsonType::Array => 1 << 5,
            JsonType::Object => 1 << 6,
        }
    }

    const ALL: [JsonType; 7] = [
        JsonType::Null,
        JsonType::Boolean,
        JsonType::Integer,
        JsonType::Number,
        JsonType::String,
        JsonType::Array,
        JsonType::Object,
    ];

    fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "null" => JsonType::Null,
            "boolean" => JsonType::Boolean,
            "integer" => JsonType::Integer,
            "number" => JsonType::Number,
            "string" => JsonType::String,
            "array" => JsonType::Array,
            "object" => JsonType::Object,
            _ => return None,
        })
    }

    /// The keyword's name for the type.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            JsonType::Null => "null",
            JsonType::Boolean => "boolean",
            JsonType::Integer => "integer",
            JsonType::Number => "number",
            JsonType::String => "string",
            JsonType::Array => "array",
            JsonType::Object => "object",
        }
    }
}

impl fmt::Display for JsonType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A set of JSON types, iterated in a fixed order (null, boolean, integer, number, string,
/// array, object), as jsonschema's `JsonTypeSet`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TypeSet(u8);

impl TypeSet {
    /// The types in the set, in the fixed order.
    pub fn iter(self) -> impl Iterator<Item = JsonType> {
        JsonType::ALL
            .into_iter()
            .filter(move |t| self.0 & t.bit() != 0)
    }

    /// Whether the set holds `t`.
    #[must_use]
    pub fn contains(self, t: JsonType) -> bool {
        self.0 & t.bit() != 0
    }
}

/// What a `type` keyword expects: one type, or one of several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TypeKind {
    Single(JsonType),
    Multiple(TypeSet),
}

impl TypeKind {
    fn admits(self, node: &TNode) -> bool {
        match self {
            TypeKind::Single(t) => is_type(node, t),
            TypeKind::Multiple(set) => set.iter().any(|t| is_type(node, t)),
        }
    }
}

/// Why a node does not satisfy the schema: the keywords of the schemas regioplan uses, with
/// what jsonschema's error kinds of the same names hold.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorKind {
    /// `additionalProperties`: the keys no `properties` entry names, in key order.
    AdditionalProperties {
        unexpected: Vec<String>,
    },
    AnyOf,
    Constant {
        expected_value: Value,
    },
    Enum {
        options: Value,
    },
    ExclusiveMaximum {
        limit: Value,
    },
    ExclusiveMinimum {
        limit: Value,
    },
    FalseSchema,
    Maximum {
        limit: Value,
    },
    MaxItems {
        limit: u64,
    },
    MaxLength {
        limit: u64,
    },
    Minimum {
        limit: Value,
    },
    MinItems {
        limit: u64,
    },
    MinLength {
        limit: u64,
    },
    OneOfMultipleValid,
    OneOfNotValid,
    Pattern {
        pattern: String,
    },
    Required {
        property: String,
    },
    Type {
        kind: TypeKind,
    },
}

/// One way in which a node does not satisfy the schema.
#[derive(Debug, Clone)]
pub struct SchemaError<'t> {
    /// The JSON pointer of the node.
    pub instance_path: String,
    /// The canonical JSON pointer of the failing keyword in the schema (no `$ref` traversals).
    pub schema_path: String,
    /// The node.
    pub instance: &'t TNode,
    pub kind: ErrorKind,
}

/// The text jsonschema's `ValidationError` shows for the same error.
impl fmt::Display for SchemaError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let instance = || to_value(self.instance);
        match &self.kind {
            ErrorKind::AdditionalProperties { unexpected } => {
                f.write_str("Additional properties are not allowed (")?;
                for (i, key) in unexpected.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "'{key}'")?;
                }
                f.write_str(if unexpected.len() == 1 {
                    " was unexpected)"
                } else {
                    " were unexpected)"
                })
            }
            ErrorKind::AnyOf => write!(
                f,
                "{} is not valid under any of the schemas listed in the 'anyOf' keyword",
                instance()
            ),
            ErrorKind::OneOfNotValid => write!(
                f,
                "{} is not valid under any of the schemas listed in the 'oneOf' keyword",
                instance()
            ),
            ErrorKind::OneOfMultipleValid => write!(
                f,
                "{} is valid under more than one of the schemas listed in the 'oneOf' keyword",
                instance()
            ),
            ErrorKind::Constant { expected_value } => write!(f, "{expected_value} was expected"),
            ErrorKind::Enum { options } => {
                write!(f, "{} is not one of ", instance())?;
                let array = options.as_array().map_or(&[][..], Vec::as_slice);
                let total = array.len();
                if total <= 3 {
                    for (i, option) in array.iter().enumerate() {
                        if i == 0 {
                            write!(f, "{option}")?;
                        } else if i + 1 == total {
                            write!(f, " or {option}")?;
                        } else {
                            write!(f, ", {option}")?;
                        }
                    }
                } else {
                    for (i, option) in array.iter().take(2).enumerate() {
                        if i == 0 {
                            write!(f, "{option}")?;
                        } else {
                            write!(f, ", {option}")?;
                        }
                    }
                    write!(f, " or {} other candidates", total - 2)?;
                }
                Ok(())
            }
            ErrorKind::ExclusiveMaximum { limit } => write!(
                f,
                "{} is greater than or equal to the maximum of {limit}",
                instance()
            ),
            ErrorKind::ExclusiveMinimum { limit } => write!(
                f,
                "{} is less than or equal to the minimum of {limit}",
                instance()
            ),
            ErrorKind::FalseSchema => write!(f, "False schema does not allow {}", instance()),
            ErrorKind::Maximum { limit } => {
                write!(f, "{} is greater than the maximum of {limit}", instance())
            }
            ErrorKind::Minimum { limit } => {
                write!(f, "{} is less than the minimum of {limit}", instance())
            }
            ErrorKind::MaxLength { limit } => write!(
                f,
                "{} is longer than {limit} character{}",
                instance(),
                if *limit == 1 { "" } else { "s" }
            ),
            ErrorKind::MinLength { limit } => write!(
                f,
                "{} is shorter than {limit} character{}",
                instance(),
                if *limit == 1 { "" } else { "s" }
            ),
            ErrorKind::MaxItems { limit } => write!(
                f,
                "{} has more than {limit} item{}",
                instance(),
                if *limit == 1 { "" } else { "s" }
            ),
            ErrorKind::MinItems { limit } => write!(
                f,
                "{} has less than {limit} item{}",
                instance(),
                if *limit == 1 { "" } else { "s" }
            ),
            ErrorKind::Pattern { pattern } => {
                write!(f, r#"{} does not match "{pattern}""#, instance())
            }
            ErrorKind::Required { property } => {
                write!(
                    f,
                    "{} is a required property",
                    Value::from(property.as_str())
                )
            }
            ErrorKind::Type {
                kind: TypeKind::Single(t),
            } => write!(f, r#"{} is not of type "{t}""#, instance()),
            ErrorKind::Type {
                kind: TypeKind::Multiple(set),
            } => {
                write!(f, "{} is not of types ", instance())?;
                for (i, t) in set.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "\"{t}\"")?;
                }
                Ok(())
            }
        }
    }
}

/// Why a schema does not compile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    /// Where in the schema (a JSON pointer).
    pub location: String,
    pub reason: String,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at `{}`", self.reason, self.location)
    }
}

impl std::error::Error for CompileError {}

/// A compiled schema.
#[derive(Debug)]
pub struct Schema {
    nodes: Vec<SchemaNode>,
}

#[derive(Debug)]
enum SchemaNode {
    /// A placeholder while its keywords compile (a `$ref` cycle points at it).
    Pending,
    /// `true` (or `{}`), or `false` at its location.
    Bool(bool, String),
    Keywords(Box<Keywords>),
}

#[derive(Debug)]
enum Additional {
    /// Absent or `true`.
    Any,
    False,
    Schema(usize),
}

#[derive(Debug)]
struct Keywords {
    /// The schema object's canonical location.
    location: String,
    types: Option<TypeKind>,
    constant: Option<Value>,
    enumeration: Option<Value>,
    minimum: Option<Value>,
    maximum: Option<Value>,
    exclusive_minimum: Option<Value>,
    exclusive_maximum: Option<Value>,
    min_length: Option<u64>,
    max_length: Option<u64>,
    min_items: Option<u64>,
    max_items: Option<u64>,
    required: Vec<String>,
    /// jsonschema checks a single `required` key with `properties` and
    /// `additionalProperties: false` in one pass, reporting it after the unexpected keys.
    required_after_properties: bool,
    pattern: Option<(String, Regex)>,
    /// Sorted by name.
    properties: Vec<(String, usize)>,
    additional: Additional,
    items: Option<usize>,
    all_of: Vec<usize>,
    any_of: Option<Vec<usize>>,
    one_of: Option<Vec<usize>>,
    condition: Option<(usize, Option<usize>, Option<usize>)>,
    reference: Option<usize>,
}

/// Keywords that take no part in validation here.
const ANNOTATIONS: &[&str] = &[
    "$schema",
    "$id",
    "$defs",
    "definitions",
    "$comment",
    "$anchor",
    "title",
    "description",
    "default",
    "examples",
    "deprecated",
    "readOnly",
    "writeOnly",
    "format",
    "then",
    "else",
];

/// Validation keywords jsonschema knows and this validator does not: a schema using one does
/// not compile.
const UNSUPPORTED: &[&str] = &[
    "not",
    "patternProperties",
    "propertyNames",
    "prefixItems",
    "additionalItems",
    "contains",
    "minContains",
    "maxContains",
    "uniqueItems",
    "multipleOf",
    "minProperties",
    "maxProperties",
    "dependentRequired",
    "dependentSchemas",
    "dependencies",
    "unevaluatedItems",
    "unevaluatedProperties",
    "$dynamicRef",
    "$dynamicAnchor",
    "$recursiveRef",
    "$recursiveAnchor",
    "contentSchema",
    "contentEncoding",
    "contentMediaType",
    "$vocabulary",
];

struct Compiler<'v> {
    root: &'v Value,
    nodes: Vec<SchemaNode>,
    at: HashMap<String, usize>,
}

impl Schema {
    /// Compiles a draft 2020-12 schema whose `$ref`s point into itself (`#/...`).
    pub fn compile(schema: &Value) -> Result<Schema, CompileError> {
        let mut compiler = Compiler {
            root: schema,
            nodes: Vec::new(),
            at: HashMap::new(),
        };
        compiler.node(schema, String::new())?;
        Ok(Schema {
            nodes: compiler.nodes,
        })
    }

    /// Every error of `root` against the schema, in jsonschema's order.
    #[must_use]
    pub fn errors<'t>(&self, root: &'t TNode) -> Vec<SchemaError<'t>> {
        let mut run = Run {
            schema: self,
            path: Vec::new(),
            errors: Vec::new(),
            check: false,
        };
        run.node(0, root);
        run.errors
    }

    /// Whether `root` satisfies the schema.
    #[must_use]
    pub fn is_valid(&self, root: &TNode) -> bool {
        self.valid(0, root)
    }

    fn valid(&self, index: usize, node: &TNode) -> bool {
        let mut run = Run {
            schema: self,
            path: Vec::new(),
            errors: Vec::new(),
            check: true,
        };
        run.node(index, node)
    }
}

fn fail(location: &str, reason: impl Into<String>) -> CompileError {
    CompileError {
        location: location.to_string(),
        reason: reason.into(),
    }
}

impl<'v> Compiler<'v> {
    /// Compiles the schema `value` at `location` (once per location).
    fn node(&mut self, value: &'v Value, location: String) -> Result<usize, CompileError> {
        if let Some(&i) = self.at.get(&location) {
            return Ok(i);
        }
        let index = self.nodes.len();
        self.nodes.push(SchemaNode::Pending);
        self.at.insert(location.clone(), index);
        let node = match value {
            Value::Bool(b) => SchemaNode::Bool(*b, location),
            Value::Object(map) if map.is_empty() => SchemaNode::Bool(true, location),
            Value::Object(_) => SchemaNode::Keywords(Box::new(self.keywords(value, &location)?)),
            _ => return Err(fail(&location, "a schema is an object or a boolean")),
        };
        if let Some(slot) = self.nodes.get_mut(index) {
            *slot = node;
        }
        Ok(index)
    }

    fn child(
        &mut self,
        value: &'v Value,
        location: &str,
        segment: &str,
    ) -> Result<usize, CompileError> {
        self.node(value, format!("{location}/{}", escape_pointer(segment)))
    }

    fn list(
        &mut self,
        value: &'v Value,
        location: &str,
        keyword: &str,
    ) -> Result<Vec<usize>, CompileError> {
        let Value::Array(items) = value else {
            return Err(fail(location, format!("`{keyword}` takes a list")));
        };
        let base = format!("{location}/{keyword}");
        items
            .iter()
            .enumerate()
            .map(|(i, item)| self.node(item, format!("{base}/{i}")))
            .collect()
    }

    fn keywords(&mut self, value: &'v Value, location: &str) -> Result<Keywords, CompileError> {
        let Value::Object(map) = value else {
            return Err(fail(location, "a schema is an object or a boolean"));
        };
        let count = |v: &Value, k: &str| {
            v.as_u64()
                .ok_or_else(|| fail(location, format!("`{k}` takes a whole number")))
        };
        let number = |v: &Value, k: &str| {
            if v.is_number() {
                Ok(v.clone())
            } else {
                Err(fail(location, format!("`{k}` takes a number")))
            }
        };
        let mut k = Keywords {
            location: location.to_string(),
            types: None,
            constant: None,
            enumeration: None,
            minimum: None,
            maximum: None,
            exclusive_minimum: None,
            exclusive_maximum: None,
            min_length: None,
            max_length: None,
            min_items: None,
            max_items: None,
            required: Vec::new(),
            required_after_properties: false,
            pattern: None,
            properties: Vec::new(),
            additional: Additional::Any,
            items: None,
            all_of: Vec::new(),
            any_of: None,
            one_of: None,
            condition: None,
            reference: None,
        };
        for (keyword, v) in map {
            match keyword.as_str() {
                "type" => k.types = Some(types(v).ok_or_else(|| fail(location, "bad `type`"))?),
                "const" => k.constant = Some(v.clone()),
                "enum" => {
                    if !v.is_array() {
                        return Err(fail(location, "`enum` takes a list"));
                    }
                    k.enumeration = Some(v.clone());
                }
                "minimum" => k.minimum = Some(number(v, keyword)?),
                "maximum" => k.maximum = Some(number(v, keyword)?),
                "exclusiveMinimum" => k.exclusive_minimum = Some(number(v, keyword)?),
                "exclusiveMaximum" => k.exclusive_maximum = Some(number(v, keyword)?),
                "minLength" => k.min_length = Some(count(v, keyword)?),
                "maxLength" => k.max_length = Some(count(v, keyword)?),
                "minItems" => k.min_items = Some(count(v, keyword)?),
                "maxItems" => k.max_items = Some(count(v, keyword)?),
                "required" => {
                    let Value::Array(names) = v else {
                        return Err(fail(location, "`required` takes a list"));
                    };
                    for name in names {
                        let Value::String(name) = name else {
                            return Err(fail(location, "`required` takes texts"));
                        };
                        k.required.push(name.clone());
                    }
                }
                "pattern" => {
                    let Value::String(p) = v else {
                        return Err(fail(location, "`pattern` takes a text"));
                    };
                    let regex = ecma_regex(p)
                        .ok_or_else(|| fail(location, format!("pattern `{p}` is not supported")))?;
                    k.pattern = Some((p.clone(), regex));
                }
                "properties" => {
                    let Value::Object(props) = v else {
                        return Err(fail(location, "`properties` takes a mapping"));
                    };
                    let base = format!("{location}/properties");
                    for (name, sub) in props {
                        let i = self.child(sub, &base, name)?;
                        k.properties.push((name.clone(), i));
                    }
                    k.properties.sort_by(|a, b| a.0.cmp(&b.0));
                }
                "additionalProperties" => {
                    k.additional = match v {
                        Value::Bool(true) => Additional::Any,
                        Value::Bool(false) => Additional::False,
                        _ => Additional::Schema(self.child(v, location, keyword)?),
                    };
                }
                "items" => k.items = Some(self.child(v, location, keyword)?),
                "allOf" => k.all_of = self.list(v, location, keyword)?,
                "anyOf" => k.any_of = Some(self.list(v, location, keyword)?),
                "oneOf" => k.one_of = Some(self.list(v, location, keyword)?),
                "if" => {
                    let condition = self.child(v, location, "if")?;
                    let then = match map.get("then") {
                        Some(t) => Some(self.child(t, location, "then")?),
                        None => None,
                    };
                    let otherwise = match map.get("else") {
                        Some(e) => Some(self.child(e, location, "else")?),
                        None => None,
                    };
                    if then.is_some() || otherwise.is_some() {
                        k.condition = Some((condition, then, otherwise));
                    }
                }
                "$ref" => {
                    let target = v
                        .as_str()
                        .and_then(|t| t.strip_prefix('#'))
                        .ok_or_else(|| fail(location, "only `#...` references are supported"))?;
                    let resolved = self.root.pointer(target).ok_or_else(|| {
                        fail(location, format!("`{target}` is not in the schema"))
                    })?;
                    k.reference = Some(self.node(resolved, target.to_string())?);
                }
                other if UNSUPPORTED.contains(&other) => {
                    return Err(fail(location, format!("`{other}` is not supported")));
                }
                // Annotations, and unknown keywords (which jsonschema treats as annotations).
                _ => {}
            }
        }
        let _ = ANNOTATIONS;
        k.required_after_properties = k.required.len() == 1
            && matches!(k.additional, Additional::False)
            && map.contains_key("properties");
        Ok(k)
    }
}

fn types(value: &Value) -> Option<TypeKind> {
    match value {
        Value::String(name) => JsonType::parse(name).map(TypeKind::Single),
        Value::Array(names) if names.len() == 1 => {
            JsonType::parse(names.first()?.as_str()?).map(TypeKind::Single)
        }
        Value::Array(names) => {
            let mut set = 0;
            for name in names {
                set |= JsonType::parse(name.as_str()?)?.bit();
            }
            Some(TypeKind::Multiple(TypeSet(set)))
        }
        _ => None,
    }
}

/// ECMA 262's `\s`: its white space (tab, VT, FF, space, every `Zs`, BOM) and line
/// terminators, as the items of a character class.
const ECMA_SPACE: &str =
    r"\t-\r \x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}\x{feff}";

/// An ECMA 262 pattern as a `regex`, for the subset where the two agree once the class
/// escapes are spelt out as ECMA reads them (`\d` and `\w` ASCII, `\s` as above); `None` for
/// anything else (look-around, flags, back-references, `.`, `\b`, other escapes).
fn ecma_regex(pattern: &str) -> Option<Regex> {
    let mut out = String::with_capacity(pattern.len());
    let mut in_class = false;
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let e = chars.next()?;
                let spelt = match (e, in_class) {
                    ('d', false) => "[0-9]".to_string(),
                    ('D', false) => "[^0-9]".to_string(),
                    ('w', false) => "[A-Za-z0-9_]".to_string(),
                    ('W', false) => "[^A-Za-z0-9_]".to_string(),
                    ('s', false) => format!("[{ECMA_SPACE}]"),
                    ('S', false) => format!("[^{ECMA_SPACE}]"),
                    ('d', true) => "0-9".to_string(),
                    ('w', true) => "A-Za-z0-9_".to_string(),
                    ('s', true) => ECMA_SPACE.to_string(),
                    ('n' | 't' | 'r', _) => format!("\\{e}"),
                    (p, _) if p.is_ascii_punctuation() => format!("\\{p}"),
                    _ => return None,
                };
                out.push_str(&spelt);
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            // Nested classes and set operations are `regex` syntax only.
            '[' | '&' | '~' if in_class => {
                out.push('\\');
                out.push(c);
            }
            '.' if !in_class => return None,
            '(' if !in_class && chars.clone().next() == Some('?') => return None,
            _ => out.push(c),
        }
    }
    Regex::new(&out).ok()
}

/// A segment of the instance path being validated.
#[derive(Debug, Clone, Copy)]
enum Segment<'t> {
    Key(&'t str),
    Index(usize),
}

struct Run<'s, 't> {
    schema: &'s Schema,
    path: Vec<Segment<'t>>,
    errors: Vec<SchemaError<'t>>,
    /// Only whether the node is valid: stop at the first error and record none.
    check: bool,
}

/// The JSON type of a node (numbers are `Number`, a non-finite `Float` is a text).
fn json_type(node: &TNode) -> JsonType {
    match &node.value {
        TValue::Null => JsonType::Null,
        TValue::Bool(_) => JsonType::Boolean,
        TValue::Int(_) | TValue::UInt(_) => JsonType::Number,
        TValue::Float(f) if f.is_finite() => JsonType::Number,
        TValue::Float(_) | TValue::Str(_) => JsonType::String,
        TValue::Seq(_) => JsonType::Array,
        TValue::Map(_) => JsonType::Object,
    }
}

fn is_type(node: &TNode, t: JsonType) -> bool {
    match t {
        JsonType::Integer => match node.value {
            TValue::Int(_) | TValue::UInt(_) => true,
            TValue::Float(f) => f.is_finite() && f.fract() == 0.0,
            _ => false,
        },
        other => json_type(node) == other,
    }
}

/// A number read exactly where it is whole.
#[derive(Clone, Copy)]
enum Num {
    Whole(i128),
    Real(f64),
}

fn node_number(node: &TNode) -> Option<Num> {
    match node.value {
        TValue::Int(i) => Some(Num::Whole(i128::from(i))),
        TValue::UInt(u) => Some(Num::Whole(i128::from(u))),
        TValue::Float(f) if f.is_finite() => Some(Num::Real(f)),
        _ => None,
    }
}

fn value_number(value: &Value) -> Option<Num> {
    let Value::Number(n) = value else {
        return None;
    };
    if let Some(u) = n.as_u64() {
        Some(Num::Whole(i128::from(u)))
    } else if let Some(i) = n.as_i64() {
        Some(Num::Whole(i128::from(i)))
    } else {
        n.as_f64().map(Num::Real)
    }
}

#[allow(clippy::cast_precision_loss)]
fn compare(a: Num, b: Num) -> Option<Ordering> {
    match (a, b) {
        (Num::Whole(x), Num::Whole(y)) => Some(x.cmp(&y)),
        (Num::Whole(x), Num::Real(y)) => Some(real_whole(y, x).reverse()),
        (Num::Real(x), Num::Whole(y)) => Some(real_whole(x, y)),
        (Num::Real(x), Num::Real(y)) => x.partial_cmp(&y),
    }
}

/// A float against a whole number, exactly.
#[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
fn real_whole(x: f64, y: i128) -> Ordering {
    let floor = x.floor();
    // Beyond this every f64 outside i128 compares by sign alone.
    if floor >= 1.7e38 {
        return Ordering::Greater;
    }
    if floor <= -1.7e38 {
        return Ordering::Less;
    }
    let whole = floor as i128;
    match whole.cmp(&y) {
        Ordering::Equal if x > floor => Ordering::Greater,
        other => other,
    }
}

/// JSON equality of a node and a value (numbers by value), as jsonschema's `const`/`enum`.
fn equals(node: &TNode, value: &Value) -> bool {
    match (&node.value, value) {
        (TValue::Null, Value::Null) => true,
        (TValue::Bool(a), Value::Bool(b)) => a == b,
        (TValue::Str(a), Value::String(b)) => a == b,
        (TValue::Float(f), Value::String(b)) if !f.is_finite() => f.to_string() == *b,
        (TValue::Seq(items), Value::Array(values)) => {
            items.len() == values.len() && items.iter().zip(values).all(|(i, v)| equals(i, v))
        }
        (TValue::Map(entries), Value::Object(map)) => {
            entries.len() == map.len()
                && entries
                    .iter()
                    .all(|(k, _, n)| map.get(k).is_some_and(|v| equals(n, v)))
        }
        (_, Value::Number(_)) => match (node_number(node), value_number(value)) {
            (Some(a), Some(b)) => compare(a, b) == Some(Ordering::Equal),
            _ => false,
        },
        _ => false,
    }
}

/// The text of a string node (a non-finite float reads as its text).
fn text_of(node: &TNode) -> Option<std::borrow::Cow<'_, str>> {
    match &node.value {
        TValue::Str(s) => Some(std::borrow::Cow::Borrowed(s)),
        TValue::Float(f) if !f.is_finite() => Some(std::borrow::Cow::Owned(f.to_string())),
        _ => None,
    }
}

/// A mapping's entries in key order (as a JSON object with sorted keys iterates).
fn sorted_entries(entries: &[(String, crate::diagnostic::Span, TNode)]) -> Vec<(&str, &TNode)> {
    let mut out: Vec<(&str, &TNode)> = entries.iter().map(|(k, _, n)| (k.as_str(), n)).collect();
    if !out.is_sorted_by(|a, b| a.0 <= b.0) {
        out.sort_by(|a, b| a.0.cmp(b.0));
    }
    out
}

impl<'t> Run<'_, 't> {
    fn pointer(&self) -> String {
        let mut out = String::new();
        for segment in &self.path {
            match segment {
                Segment::Key(k) => {
                    out.push('/');
                    out.push_str(&escape_pointer(k));
                }
                Segment::Index(i) => {
                    let _ = write!(out, "/{i}");
                }
            }
        }
        out
    }

    fn push(&mut self, instance: &'t TNode, schema_path: String, kind: ErrorKind) {
        let instance_path = self.pointer();
        self.errors.push(SchemaError {
            instance_path,
            schema_path,
            instance,
            kind,
        });
    }

    fn below(&mut self, segment: Segment<'t>, index: usize, node: &'t TNode) -> bool {
        self.path.push(segment);
        let valid = self.node(index, node);
        self.path.pop();
        valid
    }

    /// Validates `node` against schema node `index`; whether it is valid.
    fn node(&mut self, index: usize, node: &'t TNode) -> bool {
        let schema = self.schema;
        match schema.nodes.get(index) {
            Some(SchemaNode::Keywords(k)) => self.keywords(k, node),
            Some(SchemaNode::Bool(false, location)) => {
                if !self.check {
                    self.push(node, location.clone(), ErrorKind::FalseSchema);
                }
                false
            }
            _ => true,
        }
    }

    fn keywords(&mut self, k: &Keywords, node: &'t TNode) -> bool {
        let mut valid = true;
        // One failed keyword: record it (or stop, when only checking).
        macro_rules! failed {
            ($keyword:expr, $kind:expr) => {{
                if self.check {
                    return false;
                }
                self.push(node, format!("{}/{}", k.location, $keyword), $kind);
                valid = false;
            }};
        }
        if let Some(types) = k.types
            && !types.admits(node)
        {
            failed!("type", ErrorKind::Type { kind: types });
        }
        if let Some(expected) = &k.constant
            && !equals(node, expected)
        {
            failed!(
                "const",
                ErrorKind::Constant {
                    expected_value: expected.clone()
                }
            );
        }
        if let Some(options) = &k.enumeration
            && !options
                .as_array()
                .is_some_and(|o| o.iter().any(|v| equals(node, v)))
        {
            failed!(
                "enum",
                ErrorKind::Enum {
                    options: options.clone()
                }
            );
        }
        if let Some(n) = node_number(node) {
            let beyond = |limit: &Option<Value>, bad: &dyn Fn(Ordering) -> bool| {
                limit
                    .as_ref()
                    .and_then(value_number)
                    .and_then(|l| compare(n, l))
                    .is_some_and(bad)
            };
            if beyond(&k.minimum, &|o| o == Ordering::Less) {
                let limit = k.minimum.clone().unwrap_or_default();
                failed!("minimum", ErrorKind::Minimum { limit });
            }
            if beyond(&k.maximum, &|o| o == Ordering::Greater) {
                let limit = k.maximum.clone().unwrap_or_default();
                failed!("maximum", ErrorKind::Maximum { limit });
            }
            if beyond(&k.exclusive_minimum, &|o| o != Ordering::Greater) {
                let limit = k.exclusive_minimum.clone().unwrap_or_default();
                failed!("exclusiveMinimum", ErrorKind::ExclusiveMinimum { limit });
            }
            if beyond(&k.exclusive_maximum, &|o| o != Ordering::Less) {
                let limit = k.exclusive_maximum.clone().unwrap_or_default();
                failed!("exclusiveMaximum", ErrorKind::ExclusiveMaximum { limit });
            }
        }
        let text = text_of(node);
        if let Some(text) = &text {
            let length = text.chars().count() as u64;
            if let Some(limit) = k.min_length
                && length < limit
            {
                failed!("minLength", ErrorKind::MinLength { limit });
            }
            if let Some(limit) = k.max_length
                && length > limit
            {
                failed!("maxLength", ErrorKind::MaxLength { limit });
            }
        }
        if let TValue::Seq(items) = &node.value {
            let len = items.len() as u64;
            if let Some(limit) = k.min_items
                && len < limit
            {
                failed!("minItems", ErrorKind::MinItems { limit });
            }
            if let Some(limit) = k.max_items
                && len > limit
            {
                failed!("maxItems", ErrorKind::MaxItems { limit });
            }
        }
        let entries = match &node.value {
            TValue::Map(entries) => Some(entries),
            _ => None,
        };
        if let Some(entries) = entries
            && !k.required_after_properties
        {
            for name in &k.required {
                if !entries.iter().any(|(key, _, _)| key == name) {
                    failed!(
                        "required",
                        ErrorKind::Required {
                            property: name.clone()
                        }
                    );
                }
            }
        }
        if let (Some((pattern, regex)), Some(text)) = (&k.pattern, &text)
            && !regex.is_match(text)
        {
            failed!(
                "pattern",
                ErrorKind::Pattern {
                    pattern: pattern.clone()
                }
            );
        }
        if let Some(entries) = entries
            && (!k.properties.is_empty()
                || !matches!(k.additional, Additional::Any)
                || k.required_after_properties)
        {
            let mut unexpected = Vec::new();
            for (key, child) in sorted_entries(entries) {
                let known = k
                    .properties
                    .binary_search_by(|(name, _)| name.as_str().cmp(key))
                    .ok()
                    .and_then(|i| k.properties.get(i));
                let target = match (known, &k.additional) {
                    (Some((_, i)), _) | (None, Additional::Schema(i)) => Some(*i),
                    (None, Additional::False) => {
                        if self.check {
                            return false;
                        }
                        unexpected.push(key.to_string());
                        None
                    }
                    (None, Additional::Any) => None,
                };
                if let Some(i) = target
                    && !self.below(Segment::Key(key), i, child)
                {
                    if self.check {
                        return false;
                    }
                    valid = false;
                }
            }
            if !unexpected.is_empty() {
                failed!(
                    "additionalProperties",
                    ErrorKind::AdditionalProperties { unexpected }
                );
            }
            if k.required_after_properties {
                // Found only as one of `properties` (jsonschema's fused check).
                for name in &k.required {
                    let named = k.properties.binary_search_by(|(p, _)| p.cmp(name)).is_ok();
                    if !named || !entries.iter().any(|(key, _, _)| key == name) {
                        failed!(
                            "required",
                            ErrorKind::Required {
                                property: name.clone()
                            }
                        );
                    }
                }
            }
        }
        if let (Some(i), TValue::Seq(items)) = (k.items, &node.value) {
            for (n, item) in items.iter().enumerate() {
                if !self.below(Segment::Index(n), i, item) {
                    if self.check {
                        return false;
                    }
                    valid = false;
                }
            }
        }
        for &i in &k.all_of {
            if !self.node(i, node) {
                if self.check {
                    return false;
                }
                valid = false;
            }
        }
        if let Some(alternatives) = &k.any_of
            && !alternatives.iter().any(|&i| self.schema.valid(i, node))
        {
            failed!("anyOf", ErrorKind::AnyOf);
        }
        if let Some(alternatives) = &k.one_of {
            let mut passing = alternatives.iter().filter(|&&i| self.schema.valid(i, node));
            match (passing.next(), passing.next()) {
                (None, _) => failed!("oneOf", ErrorKind::OneOfNotValid),
                (Some(_), Some(_)) => failed!("oneOf", ErrorKind::OneOfMultipleValid),
                (Some(_), None) => {}
            }
        }
        if let Some((condition, then, otherwise)) = k.condition {
            let branch = if self.schema.valid(condition, node) {
                then
            } else {
                otherwise
            };
            if let Some(i) = branch
                && !self.node(i, node)
            {
                if self.check {
                    return false;
                }
                valid = false;
            }
        }
        if let Some(i) = k.reference
            && !self.node(i, node)
        {
            if self.check {
                return false;
            }
            valid = false;
        }
        valid
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schemas_regioplan_generates_compile() {
        for schema in [
            crate::plan::schema::plan_schema(),
            crate::config::file::config_schema(),
            crate::frameworks::framework_schema(),
        ] {
            assert!(
                Schema::compile(&schema).is_ok(),
                "{:?}",
                Schema::compile(&schema).err()
            );
        }
    }

    #[test]
    fn a_schema_with_an_unknown_validation_keyword_does_not_compile() {
        let schema = serde_json::json!({"properties": {"a": {"uniqueItems": true}}});
        let error = Schema::compile(&schema).err();
        assert_eq!(error.map(|e| e.location), Some("/properties/a".to_string()));
    }

    #[test]
    fn patterns_read_class_escapes_as_ecma_does() {
        let size = ecma_regex(r"^\s*[0-9]+\s*([KkMmGg]([Ii]?[Bb])?|[Bb])?\s*$").expect("compiles");
        assert!(size.is_match(" 12 MiB\u{feff}"));
        // U+0085 is white space to Unicode, not to ECMA.
        assert!(!size.is_match("12\u{85}"));
        let digits = ecma_regex(r"^\d+$").expect("compiles");
        assert!(!digits.is_match("١٢"));
        assert!(ecma_regex("^a.b$").is_none());
        assert!(ecma_regex("^(?=a)").is_none());
    }

    #[test]
    fn whole_floats_are_integers_and_numbers_compare_by_value() {
        let node = |value| TNode {
            span: crate::diagnostic::Span::default(),
            end: 0,
            value,
        };
        let schema = Schema::compile(&serde_json::json!({"type": "integer", "minimum": 1}))
            .expect("compiles");
        assert!(schema.is_valid(&node(TValue::Float(800.0))));
        assert!(!schema.is_valid(&node(TValue::Float(0.5))));
        assert!(!schema.is_valid(&node(TValue::Int(0))));
        assert!(schema.is_valid(&node(TValue::UInt(u64::MAX))));
        let half = node(TValue::Float(0.5));
        let errors = schema.errors(&half);
        let kinds: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            kinds,
            [
                r#"0.5 is not of type "integer""#,
                "0.5 is less than the minimum of 1"
            ]
        );
    }
}
