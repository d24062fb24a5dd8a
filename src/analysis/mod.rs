//! Analyses of typed plans: pure functions from `Plan` to data that a renderer shows.
//!
//! Nothing here reads files, prints, reads the environment or exits; an analysis returns
//! serialisable data and leaves the wording and layout to `render`.

pub mod diff;
pub mod gaps;
pub mod report;
