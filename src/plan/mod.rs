//! The domain model: the plan format as written (`raw`), with spans (`spanned`), what its
//! values mean (`domain`: targets, progress, deciding bodies, enum names), its JSON
//! Schema (`schema`), the built-in building-block catalogue (`catalogue`) and lookups over a
//! parsed plan (`index`). Nothing here reads files or prints.

pub mod catalogue;
pub mod domain;
pub mod index;
pub mod raw;
pub mod schema;
pub mod spanned;

pub use raw::Plan;
pub use spanned::{S, Span};
