//! regioplan: validate, report on and analyse the regioplannen of Dutch regional GP
//! organisations.
//!
//! Data flows one way:
//! `bytes -> load (text, YAML tree, structure) -> plan::Plan -> rules -> Diagnostic -> render`,
//! and `plan::Plan -> analysis -> report::Report -> render`.
//!
//! The layers, bottom up (a module uses only those above it in this list):
//! - [`diagnostic`]: the leaf. Spans, source files, rule metadata, findings.
//! - [`lang`]: the leaf beside it. The two languages: labels, messages with typed arguments
//!   ([`msg!`]) and numbers as each language writes them.
//! - [`tree`]: the spanned document tree both readers build (YAML plans, the TOML config).
//! - [`plan`]: the plan format (types with spans), what its values mean, its JSON Schema, the
//!   building blocks and lookups.
//! - [`judge`]: the domain's judgements (goal trajectories, missing roles, goal quality, checks
//!   and their verdicts), computed once for rules, reports, gaps and diffs.
//! - [`rules`]: the registry: every rule with its documentation and its check.
//! - [`load`]: bytes to a typed plan, reporting encoding, syntax and structure problems.
//! - [`config`]: `regioplan.toml` and the settings that apply to one plan.
//! - [`check`]: the whole check of one file as a user sees it.
//! - [`fix`]: `check --fix`: the findings' fixes applied, round by round, to a file's bytes.
//! - [`frameworks`]: reference frameworks (checklists as TOML data), built in or a user's file,
//!   read with the same located diagnostics as `regioplan.toml`.
//! - [`report`]: the format-neutral report model (sections, tables, typed cells); depends on
//!   nothing of ours.
//! - [`analysis`]: pure functions from typed plans to data and the reports built from them,
//!   the diff of two versions, the plan and theme report (`analysis::report`) and the gap
//!   analysis (`analysis::gaps`).
//! - [`render`]: the only place that turns findings and reports into bytes a user sees.
//! - [`server`]: the language server for editors, on the same check as `regioplan check`.
//! - [`cli`] and [`commands`]: arguments, files and exit codes.
//!
//! The core (everything but `render`, `cli` and `commands`) never prints, never reads the
//! environment and never exits the process. `tests/layers.rs` fails when a cycle comes back.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod check;
pub mod cli;
pub mod commands;
pub mod config;
pub mod diagnostic;
pub mod fix;
pub mod frameworks;
pub mod judge;
pub mod lang;
pub mod load;
pub mod plan;
pub mod render;
pub mod report;
pub mod rules;
pub mod server;
pub mod tree;

pub use commands::{ExitCode, run};
