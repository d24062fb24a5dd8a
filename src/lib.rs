//! regioplan: validate, report on and analyse the regioplannen of Dutch regional GP
//! organisations.
//!
//! Data flows one way:
//! `bytes -> load (text, YAML tree, structure) -> plan::Plan -> rules -> Diagnostic -> render`,
//! and `plan::Plan -> analysis -> report::Report -> render`.
//!
//! - [`plan`]: the plan format (types with spans), its JSON Schema and the building blocks.
//! - [`load`]: bytes to a typed plan, reporting encoding, syntax and structure problems.
//! - [`rules`]: the registry of rules and the semantic checks.
//! - [`check`]: the pipeline for one file.
//! - [`analysis`]: pure functions from typed plans to data, e.g. the diff of two versions, and
//!   the reports built from them.
//! - [`report`]: the format-neutral report model (sections, tables, typed cells).
//! - [`render`]: the only place that turns findings into bytes a user sees.
//! - [`cli`] and [`commands`]: arguments, files and exit codes.
//!
//! The core (`plan`, `load`, `rules`, `check`, `analysis`, `report`) never prints, never reads the environment and
//! never exits the process.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod check;
pub mod cli;
pub mod commands;
pub mod config;
pub mod diagnostic;
pub mod load;
pub mod plan;
pub mod render;
pub mod report;
pub mod rules;

pub use commands::{ExitCode, run};
