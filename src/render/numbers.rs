//! Numbers as a reader of the report's language writes them: the one implementation lives in
//! [`crate::lang::numbers`], where messages use it too.

pub use crate::lang::numbers::*;
