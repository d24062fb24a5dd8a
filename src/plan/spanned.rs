//! Values that remember where they were written.
//!
//! `S<T>` pairs a value with its span so that every id, reference, date and number in
//! the typed plan carries the byte range of its YAML node. Rules use it to point at the exact
//! node; the JSON Schema of `S<T>` is the schema of `T`, so the generated schema is unchanged.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer};

pub use crate::diagnostic::Span;

/// The name of the newtype request by which the node-tree deserializer (`load::de`) hands a
/// value over with its start and length.
pub const SPANNED: &str = "$regioplan::spanned";

/// A value with the span of the YAML node it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct S<T> {
    pub value: T,
    pub span: Span,
}

impl<T> S<T> {
    #[must_use]
    pub fn new(value: T, span: Span) -> Self {
        Self { value, span }
    }
}

impl<T> std::ops::Deref for S<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

/// `S<T>` is read from regioplan's node tree (`load::de`), which answers the newtype request
/// `SPANNED` with the node's start, length and value.
impl<'de, T: Deserialize<'de>> Deserialize<'de> for S<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Parts<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Parts<T> {
            type Value = S<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a value with its position")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<S<T>, A::Error> {
                use serde::de::Error;
                let start = seq
                    .next_element()?
                    .ok_or_else(|| A::Error::custom("no start"))?;
                let len = seq
                    .next_element()?
                    .ok_or_else(|| A::Error::custom("no length"))?;
                let value = seq
                    .next_element()?
                    .ok_or_else(|| A::Error::custom("no value"))?;
                Ok(S {
                    value,
                    span: Span { start, len },
                })
            }
        }
        deserializer.deserialize_newtype_struct(SPANNED, Parts(std::marker::PhantomData))
    }
}

impl<T: JsonSchema> JsonSchema for S<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }
    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}
