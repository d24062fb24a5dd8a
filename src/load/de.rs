//! Reading the typed plan from the node tree (a serde `Deserializer` over `TNode`).
//!
//! The YAML is parsed once; the structural pass and the typed model both work on that tree, and
//! `S<T>` gets its span from the node it is read from. Because the tree can be pruned of nodes
//! with structural errors, the semantic rules still run on the sound rest of a broken plan.

use std::fmt;

use serde::de::value::StrDeserializer;
use serde::de::{
    self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor,
};

use crate::diagnostic::Span;
use crate::tree::{TNode, TValue};

use crate::plan::spanned::SPANNED;

/// A failure to read the model, with the node it is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Error {
    pub message: String,
    pub span: Option<Span>,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error {
            message: msg.to_string(),
            span: None,
        }
    }
}

impl Error {
    fn at(mut self, span: Span) -> Self {
        self.span.get_or_insert(span);
        self
    }
}

/// Reads a `T` from a node.
pub fn from_node<'de, T: de::Deserialize<'de>>(node: &'de TNode) -> Result<T, Error> {
    T::deserialize(NodeDe(node)).map_err(|e| e.at(node.span))
}

#[derive(Clone, Copy)]
struct NodeDe<'de>(&'de TNode);

impl<'de> Deserializer<'de> for NodeDe<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let node = self.0;
        let result = match &node.value {
            TValue::Null => visitor.visit_unit(),
            TValue::Bool(b) => visitor.visit_bool(*b),
            TValue::Int(i) => visitor.visit_i64(*i),
            TValue::UInt(u) => visitor.visit_u64(*u),
            TValue::Float(f) => visitor.visit_f64(*f),
            TValue::Str(s) => visitor.visit_borrowed_str(s),
            TValue::Seq(items) => visitor.visit_seq(Items {
                items: items.iter(),
            }),
            TValue::Map(entries) => visitor.visit_map(Entries {
                entries: entries.iter(),
                value: None,
            }),
        };
        result.map_err(|e| e.at(node.span))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.value {
            TValue::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        if name == SPANNED {
            visitor.visit_seq(SpanParts {
                node: self.0,
                next: 0,
            })
        } else {
            visitor.visit_newtype_struct(self)
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match &self.0.value {
            TValue::Str(s) => {
                let variant: StrDeserializer<'_, Error> = s.as_str().into_deserializer();
                visitor.visit_enum(variant).map_err(|e| e.at(self.0.span))
            }
            _ => self.deserialize_any(visitor),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

struct Items<'de> {
    items: std::slice::Iter<'de, TNode>,
}

impl<'de> SeqAccess<'de> for Items<'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        match self.items.next() {
            Some(node) => seed
                .deserialize(NodeDe(node))
                .map(Some)
                .map_err(|e| e.at(node.span)),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Entries<'de> {
    entries: std::slice::Iter<'de, (String, Span, TNode)>,
    value: Option<&'de TNode>,
}

impl<'de> MapAccess<'de> for Entries<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.entries.next() {
            Some((key, key_span, node)) => {
                self.value = Some(node);
                let key: StrDeserializer<'_, Error> = key.as_str().into_deserializer();
                seed.deserialize(key).map(Some).map_err(|e| e.at(*key_span))
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let node = self
            .value
            .take()
            .ok_or_else(|| <Error as de::Error>::custom("a mapping value was read twice"))?;
        seed.deserialize(NodeDe(node)).map_err(|e| e.at(node.span))
    }
}

/// The three parts `S<T>` reads: start, length, value.
struct SpanParts<'de> {
    node: &'de TNode,
    next: u8,
}

impl<'de> SeqAccess<'de> for SpanParts<'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.next += 1;
        let span = self.node.span;
        match self.next {
            1 => seed.deserialize(span.start.into_deserializer()).map(Some),
            2 => seed.deserialize(span.len.into_deserializer()).map(Some),
            3 => seed.deserialize(NodeDe(self.node)).map(Some),
            _ => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml::{build_tree, parse};
    use crate::plan::S;
    use crate::tree::Tree;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Sample {
        name: S<String>,
        count: Option<S<u64>>,
        #[serde(default)]
        items: Vec<S<f64>>,
    }

    fn tree(text: &str) -> Tree {
        build_tree(parse(text).expect("parses"))
    }

    #[test]
    fn spans_come_from_the_nodes() {
        let t = tree("name: GGZ\ncount: 3\nitems: [1, 2.5]\n");
        let s: Sample = from_node(&t.root).expect("reads");
        assert_eq!(
            (s.name.value.as_str(), s.name.span),
            ("GGZ", Span::new(6, 3))
        );
        assert_eq!(s.count.map(|c| (c.value, c.span.start)), Some((3, 17)));
        assert_eq!(
            s.items.iter().map(|i| i.value).collect::<Vec<_>>(),
            [1.0, 2.5]
        );
    }

    #[test]
    fn errors_carry_the_position_of_the_offending_node() {
        let t = tree("name: GGZ\ncount: 3.5\n");
        let error = from_node::<Sample>(&t.root).expect_err("a decimal is not a count");
        assert_eq!(error.span, Some(Span::new(17, 3)), "{error}");
        let t = tree("name: GGZ\ncont: 3\n");
        let error = from_node::<Sample>(&t.root).expect_err("unknown field");
        assert_eq!(error.span, Some(Span::new(10, 4)), "{error}");
    }
}
