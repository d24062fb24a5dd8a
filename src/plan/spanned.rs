//! Values that remember where they were written.
//!
//! `S<T>` wraps serde-saphyr's `Spanned<T>` so that every id, reference, date and number in
//! the typed plan carries the byte range of its YAML node. Rules use it to point at the exact
//! node; the JSON Schema of `S<T>` is the schema of `T`, so the generated schema is unchanged.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::{Deserialize, Deserializer};
use serde_saphyr::Spanned;

/// A byte range in a source file. `len` may be 0 for positions (a mapping's start).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub len: usize,
}

impl Span {
    #[must_use]
    pub fn new(start: usize, len: usize) -> Self {
        Self { start, len }
    }

    #[must_use]
    pub fn end(&self) -> usize {
        self.start + self.len
    }

    pub(crate) fn from_location(location: &serde_saphyr::Location) -> Self {
        let span = location.span();
        let start = span.byte_offset().unwrap_or_else(|| span.offset());
        let len = span.byte_len().unwrap_or_else(|| span.len());
        Self {
            start: usize::try_from(start).unwrap_or(usize::MAX),
            len: usize::try_from(len).unwrap_or(0),
        }
    }
}

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

impl<'de, T: Deserialize<'de>> Deserialize<'de> for S<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<T>::deserialize(deserializer)?;
        Ok(S {
            span: Span::from_location(&spanned.referenced),
            value: spanned.value,
        })
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
