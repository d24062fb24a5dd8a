//! `regioplan.toml`: rule selection, severities, defaults and per-path overrides.
//!
//! The file is found by walking up from each plan's directory (or given with `--config`). It is
//! read with the toml crate into a spanned tree and validated against a schema generated from
//! `ConfigFile`, so unknown keys get the same precise "did you mean" diagnostics as plans. The
//! result of resolving a file, the command line and the defaults for one plan is a `Settings`.

pub mod file;
pub mod settings;

pub use file::{ConfigFile, LoadedConfig, find_config, load_config};
pub use settings::{FailOn, Format, Origin, Settings, SettingsInput};

/// The name of the configuration file.
pub const FILE_NAME: &str = "regioplan.toml";
