//! Effective settings for one plan: defaults, then `regioplan.toml`, then matching overrides,
//! then the command line; each setting remembers where it came from.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use chrono::NaiveDate;

use super::file::{Language, Level, LoadedConfig};
use crate::diagnostic::{Diagnostic, Severity};
use crate::load::limits::Limits;
use crate::rules;

/// Where a setting came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Default,
    /// A key of a configuration file, at a line.
    File {
        path: String,
        line: usize,
    },
    /// A command-line flag.
    CommandLine(&'static str),
    /// An environment variable (`LANG`, `GITHUB_ACTIONS=true`).
    Environment(&'static str),
}

impl Origin {
    /// Where the setting came from, as `regioplan config` shows it.
    #[must_use]
    pub fn message(&self) -> crate::lang::Message {
        use crate::lang::Plain;
        match self {
            Origin::Default => crate::msg!("default", "standaard"),
            Origin::File { path, line } => crate::msg!(
                "{path}:{line}",
                "{path}:{line}",
                path = Plain(path),
                line = Plain(line)
            ),
            Origin::CommandLine(flag) => crate::msg!(
                "command line ({flag})",
                "opdrachtregel ({flag})",
                flag = Plain(flag)
            ),
            Origin::Environment(variable) => crate::msg!(
                "environment ({variable})",
                "omgeving ({variable})",
                variable = Plain(variable)
            ),
        }
    }
}

/// The English text, for logs and tests; `regioplan config` shows [`Origin::message`].
impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message().en())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
/// How findings are written: one format for `check` in every place that names one.
pub enum Format {
    /// Source snippets with the node underlined.
    Human,
    /// `file:line:col: severity[CODE] message`, one per line, for problem matchers.
    Concise,
    /// One JSON document: files, diagnostics and a summary.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// GitLab Code Quality report.
    Gitlab,
    /// `JUnit` XML, one test suite per file.
    Junit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
/// From which severity on findings fail the run (exit code 1).
pub enum FailOn {
    Error,
    Warning,
    Never,
}

/// What the command line says; `None` and empty mean "not given".
#[derive(Debug, Clone, Default)]
pub struct SettingsInput {
    pub select: Vec<String>,
    pub ignore: Vec<String>,
    pub fail_on: Option<FailOn>,
    pub as_of: Option<NaiveDate>,
    pub format: Option<Format>,
    /// Today, for the default `as_of`.
    pub today: NaiveDate,
    /// Whether `GITHUB_ACTIONS=true` (GitHub annotations by default).
    pub github_actions: bool,
    /// `--limit KEY=VALUE` settings, in order (checked when the command line was parsed).
    pub limits: Vec<String>,
    /// `--lang`.
    pub language: Option<Language>,
    /// The language of the environment (`LC_ALL`, `LC_MESSAGES`, `LANG`) and the variable it
    /// came from, below `language` in regioplan.toml.
    pub env_language: Option<(Language, &'static str)>,
}

/// The settings that apply to one plan.
#[derive(Debug, Clone)]
pub struct Settings {
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
    /// Severity per code or prefix; the longest matching key wins.
    pub severity: BTreeMap<String, Level>,
    pub fail_on: FailOn,
    pub as_of: NaiveDate,
    pub format: Format,
    pub language: Language,
    pub frameworks: Vec<String>,
    /// The limits on what is read.
    pub limits: Limits,
    /// Where each setting came from, by setting name.
    pub origins: BTreeMap<&'static str, Origin>,
}

impl Settings {
    /// The settings without a configuration file or command-line options: every rule on,
    /// measurements checked against `today`.
    #[must_use]
    pub fn defaults(today: NaiveDate) -> Self {
        Self::resolve(
            None,
            None,
            &SettingsInput {
                today,
                ..SettingsInput::default()
            },
        )
    }

    /// Resolves the settings for `plan_path` from a configuration (if any) and the command line.
    #[must_use]
    pub fn resolve(
        config: Option<&LoadedConfig>,
        plan_path: Option<&Path>,
        input: &SettingsInput,
    ) -> Self {
        let mut s = Settings {
            select: None,
            ignore: Vec::new(),
            severity: BTreeMap::new(),
            fail_on: FailOn::Error,
            as_of: input.today,
            format: if input.github_actions {
                Format::Github
            } else {
                Format::Human
            },
            language: Language::En,
            frameworks: vec!["hechte-huisartsenzorg".to_string()],
            limits: Limits::default(),
            origins: BTreeMap::new(),
        };
        for name in [
            "select",
            "ignore",
            "severity",
            "fail-on",
            "as-of",
            "format",
            "language",
            "frameworks",
            "limits",
        ] {
            s.origins.insert(name, Origin::Default);
        }
        if input.github_actions {
            s.origins
                .insert("format", Origin::Environment("GITHUB_ACTIONS=true"));
        }
        if let Some((language, variable)) = input.env_language {
            s.language = language;
            s.origins.insert("language", Origin::Environment(variable));
        }
        if let Some(config) = config {
            s.apply_file(config, plan_path);
        }
        s.apply_command_line(input);
        s
    }

    fn apply_file(&mut self, config: &LoadedConfig, plan_path: Option<&Path>) {
        let at = |pointer: &str| Origin::File {
            path: config.path.display().to_string(),
            line: config.line_of(pointer).unwrap_or(1),
        };
        let c = &config.config;
        if let Some(select) = &c.select {
            self.select = Some(select.clone());
            self.origins.insert("select", at("/select"));
        }
        if !c.ignore.is_empty() {
            self.ignore.extend(c.ignore.iter().cloned());
            self.origins.insert("ignore", at("/ignore"));
        }
        if !c.severity.is_empty() {
            self.severity
                .extend(c.severity.iter().map(|(k, v)| (k.to_uppercase(), *v)));
            self.origins.insert("severity", at("/severity"));
        }
        if let Some(fail_on) = c.fail_on {
            self.fail_on = fail_on;
            self.origins.insert("fail-on", at("/fail-on"));
        }
        if let Some(date) = c
            .as_of
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        {
            self.as_of = date;
            self.origins.insert("as-of", at("/as-of"));
        }
        if let Some(format) = c.format {
            self.format = format;
            self.origins.insert("format", at("/format"));
        }
        if let Some(language) = c.language {
            self.language = language;
            self.origins.insert("language", at("/language"));
        }
        if !c.frameworks.is_empty() {
            self.frameworks.clone_from(&c.frameworks);
            self.origins.insert("frameworks", at("/frameworks"));
        }
        // A wrong value is reported when the file is read; here it is left at its default.
        if c.limits.apply(&mut self.limits).is_ok() && self.limits != Limits::default() {
            self.origins.insert("limits", at("/limits"));
        }
        let Some(plan_path) = plan_path else { return };
        let relative = relative_to(plan_path, config.dir());
        for i in config.globs.overrides(&relative) {
            let Some(o) = c.overrides.get(i) else {
                continue;
            };
            let base = format!("/overrides/{i}");
            if let Some(select) = &o.select {
                self.select = Some(select.clone());
                self.origins.insert("select", at(&format!("{base}/select")));
            }
            if !o.ignore.is_empty() {
                self.ignore.extend(o.ignore.iter().cloned());
                self.origins.insert("ignore", at(&format!("{base}/ignore")));
            }
            if !o.severity.is_empty() {
                self.severity
                    .extend(o.severity.iter().map(|(k, v)| (k.to_uppercase(), *v)));
                self.origins
                    .insert("severity", at(&format!("{base}/severity")));
            }
            if let Some(fail_on) = o.fail_on {
                self.fail_on = fail_on;
                self.origins
                    .insert("fail-on", at(&format!("{base}/fail-on")));
            }
        }
    }

    fn apply_command_line(&mut self, input: &SettingsInput) {
        if !input.select.is_empty() {
            self.select = Some(input.select.clone());
            self.origins
                .insert("select", Origin::CommandLine("--select"));
        }
        if !input.ignore.is_empty() {
            self.ignore.extend(input.ignore.iter().cloned());
            self.origins
                .insert("ignore", Origin::CommandLine("--ignore"));
        }
        if let Some(fail_on) = input.fail_on {
            self.fail_on = fail_on;
            self.origins
                .insert("fail-on", Origin::CommandLine("--fail-on"));
        }
        if let Some(as_of) = input.as_of {
            self.as_of = as_of;
            self.origins.insert("as-of", Origin::CommandLine("--as-of"));
        }
        if let Some(format) = input.format {
            self.format = format;
            self.origins
                .insert("format", Origin::CommandLine("--format"));
        }
        if let Some(language) = input.language {
            self.language = language;
            self.origins
                .insert("language", Origin::CommandLine("--lang"));
        }
        if !input.limits.is_empty() && self.limits.apply(&input.limits).is_ok() {
            self.origins
                .insert("limits", Origin::CommandLine("--limit"));
        }
    }

    /// Whether a code is reported at all (select, ignore, `off`).
    #[must_use]
    pub fn enabled(&self, code: &str) -> bool {
        let selected = self
            .select
            .as_ref()
            .is_none_or(|list| list.iter().any(|p| rules::code_matches(code, p)));
        let ignored = self.ignore.iter().any(|p| rules::code_matches(code, p));
        selected && !ignored && self.level(code) != Some(Level::Off)
    }

    /// The configured level of a code: the longest matching key.
    #[must_use]
    pub fn level(&self, code: &str) -> Option<Level> {
        self.severity
            .iter()
            .filter(|(prefix, _)| rules::code_matches(code, prefix))
            .max_by_key(|(prefix, _)| prefix.len())
            .map(|(_, level)| *level)
    }

    /// Drops disabled findings and applies configured severities.
    #[must_use]
    pub fn apply(&self, diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
        diagnostics
            .into_iter()
            .filter(|d| self.enabled(d.code))
            .map(|mut d| {
                match self.level(d.code) {
                    Some(Level::Error) => d.severity = Severity::Error,
                    Some(Level::Warning) => d.severity = Severity::Warning,
                    Some(Level::Off) | None => {}
                }
                d
            })
            .collect()
    }
}

/// `path` relative to `dir` when it lies inside it, else `path` as given.
pub(crate) fn relative_to(path: &Path, dir: &Path) -> std::path::PathBuf {
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (path_abs, dir_abs) = (absolute(path), absolute(dir));
    path_abs
        .strip_prefix(&dir_abs)
        .map_or_else(|_| path.to_path_buf(), Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Settings {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
        Settings::resolve(
            None,
            None,
            &SettingsInput {
                today,
                ..SettingsInput::default()
            },
        )
    }

    #[test]
    fn select_and_ignore_take_codes_and_prefixes() {
        let mut s = settings();
        assert!(s.enabled("RP102"));
        s.select = Some(vec!["RP1".into()]);
        assert!(s.enabled("RP102"));
        assert!(!s.enabled("RP201"));
        s.ignore = vec!["rp102".into()];
        assert!(!s.enabled("RP102"));
        assert!(s.enabled("RP103"));
    }

    #[test]
    fn the_longest_severity_prefix_wins() {
        let mut s = settings();
        s.severity.insert("RP3".into(), Level::Error);
        s.severity.insert("RP306".into(), Level::Off);
        assert_eq!(s.level("RP304"), Some(Level::Error));
        assert!(!s.enabled("RP306"));
    }
}
