//! Reading `regioplan.toml`: TOML -> spanned tree -> schema check -> `ConfigFile`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde::Deserialize;
use serde_json::Value;
use toml::de::{DeTable, DeValue};

use super::settings::{FailOn, Format};
use crate::diagnostic::FileResult;
use crate::diagnostic::Span;
use crate::diagnostic::{self, Diagnostic, SourceFile};
use crate::lang::{Message, Plain};
use crate::load::structure::{Compiled, check_against};
use crate::msg;
use crate::rules::{self, structure as r, suppression};
use crate::tree::{TNode, TValue, Tree, escape_pointer, to_value};

/// The contents of a `regioplan.toml`.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "regioplan.toml")]
pub struct ConfigFile {
    /// Only report these rule codes or code prefixes, e.g. `["RP1", "RP201"]`.
    pub select: Option<Vec<String>>,
    /// Do not report these rule codes or code prefixes.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// The lowest severity that makes `check` fail: `error`, `warning` or `never`.
    pub fail_on: Option<FailOn>,
    /// The date measurements may not be later than (YYYY-MM-DD); default today.
    #[schemars(regex(pattern = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]
    pub as_of: Option<String>,
    /// The default output format of `check`.
    pub format: Option<Format>,
    /// The language of reports: `nl` or `en`.
    pub language: Option<Language>,
    /// The reference frameworks `gaps` uses by default.
    #[serde(default)]
    pub frameworks: Vec<String>,
    /// Severity per rule code or prefix: `error`, `warning` or `off`.
    #[serde(default)]
    pub severity: BTreeMap<String, Level>,
    /// Settings for plans whose path matches a glob.
    #[serde(default)]
    pub overrides: Vec<Override>,
    /// Files to leave out when a directory is checked: globs relative to the directory of
    /// `regioplan.toml`, e.g. `["plans/archief/**", "mkdocs.yml"]`. A file named on the command
    /// line is always checked.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// The limits on what is read; raise one when a real plan reaches it.
    #[serde(default)]
    pub limits: LimitsConfig,
}

/// `[limits]`: the limits on what is read, each with a default that fits every real plan.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LimitsConfig {
    /// The largest plan file read: bytes, or a size with a unit (`"16 MiB"`, `"500 KB"`).
    /// Default `"4 MiB"`.
    pub max_file_size: Option<Size>,
    /// The deepest nesting of mappings and lists. Default 64 (about thirty levels of subgoals).
    #[schemars(range(min = 1))]
    pub max_depth: Option<u32>,
    /// The most aliases (`*name`), and anchors (`&name`), in one file. Default 4096.
    #[schemars(range(min = 1))]
    pub max_aliases: Option<u32>,
    /// How many values aliases may repeat per byte of the file (plus 10,000). Default 4.
    #[schemars(range(min = 1))]
    pub alias_expansion: Option<u32>,
}

/// A size: bytes, or a number with a unit.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Size {
    Bytes(u64),
    Text(String),
}

impl schemars::JsonSchema for Size {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Size".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Bytes, or a number with a unit: B, KB, MB, GB (powers of 1000), KiB, MiB, GiB (powers of 1024).",
            "oneOf": [
                { "type": "integer", "minimum": 1 },
                { "type": "string", "pattern": "^\\s*[0-9]+\\s*([KkMmGg]([Ii]?[Bb])?|[Bb])?\\s*$" }
            ]
        })
    }
}

impl LimitsConfig {
    /// Applies the limits set here to `limits`; the first value that is not a limit, with its
    /// JSON pointer.
    ///
    /// # Errors
    /// The pointer of the wrong value and what is wrong with it.
    pub fn apply(&self, limits: &mut crate::load::limits::Limits) -> Result<(), (String, Message)> {
        use crate::load::limits::Limit;
        let mut set = |limit: Limit, value: String| {
            limit
                .set(limits, &value)
                .map_err(|e| (format!("/limits/{}", limit.key()), e))
        };
        match &self.max_file_size {
            Some(Size::Bytes(n)) => set(Limit::FileSize, n.to_string())?,
            Some(Size::Text(t)) => set(Limit::FileSize, t.clone())?,
            None => {}
        }
        for (limit, value) in [
            (Limit::Depth, self.max_depth),
            (Limit::Aliases, self.max_aliases),
            (Limit::AliasExpansion, self.alias_expansion),
        ] {
            if let Some(n) = value {
                set(limit, n.to_string())?;
            }
        }
        Ok(())
    }
}

/// Settings for some paths.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Override {
    /// Globs relative to the directory of `regioplan.toml`, e.g. `plans/drafts/**`.
    pub paths: Vec<String>,
    pub select: Option<Vec<String>>,
    #[serde(default)]
    pub ignore: Vec<String>,
    pub fail_on: Option<FailOn>,
    #[serde(default)]
    pub severity: BTreeMap<String, Level>,
}

/// A rule's configured level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Off,
}

/// Report language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Nl,
    En,
}

impl Language {
    /// The language of a locale such as `LANG`'s value: `nl_NL.UTF-8`, `nl_BE`, `nl` are
    /// Dutch; `C`, `POSIX` and an empty value say nothing; anything else is English.
    #[must_use]
    pub fn of_locale(locale: &str) -> Option<Self> {
        let name = locale.split(['.', '@']).next().unwrap_or_default();
        if name.is_empty() || name == "C" || name == "POSIX" {
            return None;
        }
        let language = name.split(['_', '-']).next().unwrap_or_default();
        Some(if language.eq_ignore_ascii_case("nl") {
            Language::Nl
        } else {
            Language::En
        })
    }
}

impl From<Language> for crate::lang::Lang {
    fn from(language: Language) -> Self {
        match language {
            Language::Nl => crate::lang::Lang::Nl,
            Language::En => crate::lang::Lang::En,
        }
    }
}

impl schemars::JsonSchema for FailOn {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FailOn".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "enum": ["error", "warning", "never"] })
    }
}

impl schemars::JsonSchema for Format {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Format".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "enum": ["human", "concise", "json", "sarif", "github", "gitlab", "junit"]
        })
    }
}

/// The JSON Schema of `regioplan.toml`.
#[must_use]
pub fn config_schema() -> Value {
    let schema = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<ConfigFile>();
    let mut value = schema.to_value();
    crate::plan::schema::forbid_null(&mut value);
    value
}

fn compiled() -> &'static Compiled {
    static COMPILED: OnceLock<Compiled> = OnceLock::new();
    COMPILED.get_or_init(|| Compiled::new(config_schema()))
}

/// A configuration file that was read: its text, spans and settings, or its problems.
#[derive(Debug)]
pub struct LoadedConfig {
    pub path: PathBuf,
    pub source: SourceFile,
    pub tree: Tree,
    pub config: ConfigFile,
    /// Findings that do not stop the run (a rule code that names no rule), shown on stderr.
    pub warnings: Vec<Diagnostic>,
    /// The `exclude` and `[[overrides]]` globs, compiled once when the file is read.
    pub globs: Globs,
}

/// The globs of a configuration, compiled once when it is read (not once per plan): one set
/// for `exclude`, one for the paths of every `[[overrides]]` entry. A glob that does not
/// compile is reported when the file is read; here it is left out.
#[derive(Debug, Clone, Default)]
pub struct Globs {
    exclude: globset::GlobSet,
    overrides: globset::GlobSet,
    /// For each glob in `overrides`, the index of its `[[overrides]]` entry.
    owner: Vec<usize>,
}

impl Globs {
    fn new(config: &ConfigFile) -> Self {
        let mut exclude = globset::GlobSetBuilder::new();
        for glob in &config.exclude {
            if let Ok(g) = globset::Glob::new(glob) {
                exclude.add(g);
            }
        }
        let mut overrides = globset::GlobSetBuilder::new();
        let mut owner = Vec::new();
        for (i, o) in config.overrides.iter().enumerate() {
            for glob in &o.paths {
                if let Ok(g) = globset::Glob::new(glob) {
                    overrides.add(g);
                    owner.push(i);
                }
            }
        }
        Self {
            exclude: exclude.build().unwrap_or_default(),
            overrides: overrides.build().unwrap_or_default(),
            owner,
        }
    }

    /// How many globs were compiled.
    #[must_use]
    pub fn len(&self) -> usize {
        self.exclude.len() + self.overrides.len()
    }

    /// Whether no glob was compiled.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether `exclude` matches `relative` (a path relative to the configuration's directory).
    #[must_use]
    pub fn excludes(&self, relative: &Path) -> bool {
        self.exclude.is_match(relative)
    }

    /// The indices of the `[[overrides]]` entries whose paths match `relative`, in order.
    #[must_use]
    pub fn overrides(&self, relative: &Path) -> Vec<usize> {
        let mut matched: Vec<usize> = self
            .overrides
            .matches(relative)
            .into_iter()
            .filter_map(|g| self.owner.get(g).copied())
            .collect();
        matched.sort_unstable();
        matched.dedup();
        matched
    }
}

impl LoadedConfig {
    /// The 1-based line of the node at a JSON pointer, for "where did this come from".
    #[must_use]
    pub fn line_of(&self, pointer: &str) -> Option<usize> {
        let node = self.tree.spans(pointer)?;
        let at = node.key.unwrap_or(node.value).start;
        Some(self.source.position(at).line)
    }

    /// The directory the file is in; override globs are relative to it.
    #[must_use]
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    /// Whether `exclude` leaves `path` out of a directory check.
    #[must_use]
    pub fn excludes(&self, path: &Path) -> bool {
        let relative = super::settings::relative_to(path, self.dir());
        self.globs.excludes(&relative)
    }
}

/// The nearest `regioplan.toml` in `start` (a file's directory or a directory) or above it.
#[must_use]
pub fn find_config(start: &Path) -> Option<PathBuf> {
    let start = std::path::absolute(start).ok()?;
    let mut dir = if start.is_dir() {
        Some(start.as_path())
    } else {
        start.parent()
    };
    while let Some(d) = dir {
        let candidate = d.join(super::FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}

/// Reads and validates a configuration file. `Err` carries the file's diagnostics (as a
/// `FileResult` a renderer can show); an I/O failure is an `anyhow` error.
pub fn load_config(path: &Path) -> anyhow::Result<Result<LoadedConfig, FileResult>> {
    // The configuration is read under the default limits: it cannot raise its own.
    let limits = crate::load::limits::Limits::default();
    let bytes = crate::load::read::read_file(path, limits.max_file_size).map_err(|e| match e {
        crate::load::read::ReadError::TooLarge { .. } => {
            anyhow::Error::new(crate::lang::Failure(msg!(
                "`{path}` is larger than {limit}: a regioplan.toml is a few lines; check that the \
                 right file is named",
                "`{path}` is groter dan {limit}: een regioplan.toml telt maar een paar regels; \
                 kijk of u het goede bestand noemt",
                path = crate::lang::Plain(path.display()),
                limit = crate::load::limits::format_size(limits.max_file_size)
            )))
        }
        other => anyhow::Error::from(other),
    })?;
    Ok(from_bytes(path, bytes))
}

/// Validates the bytes of a configuration file read from `path` (which names it in messages and
/// anchors its globs): the configuration, or the file's diagnostics.
pub fn from_bytes(path: &Path, bytes: Vec<u8>) -> Result<LoadedConfig, FileResult> {
    let name = path.display().to_string();
    let Ok(text) = String::from_utf8(bytes) else {
        let source = SourceFile::new(name, String::new());
        let d = Diagnostic::new(
            &r::NOT_UTF8,
            Span::default(),
            msg!(
                "the configuration file is not UTF-8 text",
                "het configuratiebestand is geen UTF-8-tekst"
            ),
        )
        .help(msg!(
            "save the file as UTF-8 in your editor",
            "sla het bestand in uw editor op als UTF-8"
        ));
        return Err(FileResult {
            source,
            diagnostics: vec![d],
        });
    };
    let source = SourceFile::new(name, text);
    let (tree, config, mut diagnostics) =
        read_toml::<ConfigFile>(&source.text, compiled(), "configuration");
    if let Some(config) = &config {
        diagnostics.extend(check_codes(config, &tree));
    }
    crate::load::fill_paths(&mut diagnostics, &tree);
    diagnostic::sort(&mut diagnostics);
    let fatal = diagnostics
        .iter()
        .any(|d| d.severity == crate::diagnostic::Severity::Error);
    match config {
        Some(config) if !fatal => Ok(LoadedConfig {
            path: path.to_path_buf(),
            source,
            tree,
            globs: Globs::new(&config),
            config,
            warnings: diagnostics,
        }),
        _ => Err(FileResult {
            source,
            diagnostics,
        }),
    }
}

/// Reads TOML text against a schema: the spanned tree, the value when the syntax and the
/// structure are sound, and the diagnostics (without JSON pointers and unsorted, so that the
/// caller can add its own checks first). `what` names the file in a message.
#[must_use]
pub fn read_toml<T: serde::de::DeserializeOwned>(
    text: &str,
    schema: &Compiled,
    what: &str,
) -> (Tree, Option<T>, Vec<Diagnostic>) {
    let (tree, mut diagnostics) = parse(text);
    if diagnostics.is_empty() {
        diagnostics = check_against(&tree, schema);
    }
    let value = if diagnostics.is_empty() {
        match serde_json::from_value::<T>(to_value(&tree.root)) {
            Ok(value) => Some(value),
            Err(e) => {
                let file = match what {
                    "configuration" => msg!("configuration file", "configuratiebestand"),
                    "framework" => msg!("framework", "referentiekader"),
                    other => msg!("{w}", "{w}", w = Plain(other)),
                };
                diagnostics.push(
                    Diagnostic::new(
                        &r::INTERNAL,
                        Span::default(),
                        msg!(
                            "regioplan could not read this {file}, although it follows the \
                             format ({e})",
                            "regioplan kon dit {file} niet lezen, hoewel het de vorm volgt ({e})",
                            file = file,
                            e = Plain(&e),
                        ),
                    )
                    .help(msg!(
                        "this is a defect in regioplan; please report it with the file",
                        "dit is een fout in regioplan; meld die alstublieft, met het bestand erbij"
                    )),
                );
                None
            }
        }
    } else {
        None
    };
    (tree, value, diagnostics)
}

/// Parses TOML into a spanned tree; a syntax error is a diagnostic. Reference framework files
/// are read the same way.
#[must_use]
pub fn parse(text: &str) -> (Tree, Vec<Diagnostic>) {
    let mut tree = Tree::empty();
    match DeTable::parse(text) {
        Ok(table) => {
            let span = table.span();
            tree.root = table_node(table.get_ref(), Span::new(span.start, 0));
            (tree, Vec::new())
        }
        Err(error) => {
            let span = error
                .span()
                .map_or(Span::default(), |s| Span::new(s.start, s.len()));
            // The parser's own words, in English, in parentheses after ours.
            let parser = Plain(error.message().trim().to_string());
            let d = Diagnostic::new(
                &r::SYNTAX,
                span,
                msg!(
                    "this is not valid TOML ({parser})",
                    "dit is geen geldige TOML (de lezer meldt: {parser})",
                    parser = parser,
                ),
            )
            .label(msg!("here", "hier"))
            .help(msg!(
                "correct the TOML at this position or just before it; a missing quote, `=` or \
                 `]` is the usual cause",
                "verbeter de TOML op deze plek of vlak ervoor; meestal ontbreekt een \
                 aanhalingsteken, `=` of `]`"
            ));
            (tree, vec![d])
        }
    }
}

/// A table as a node with spans.
fn table_node(table: &DeTable<'_>, span: Span) -> TNode {
    let mut entries = Vec::with_capacity(table.len());
    for (key, value) in table {
        let key_range = key.span();
        entries.push((
            key.get_ref().to_string(),
            Span::new(key_range.start, key_range.len()),
            toml_node(value),
        ));
    }
    // TOML tables may be written in any order: the extent spans all of them.
    let end = entries
        .iter()
        .map(|(_, _, n)| n.end)
        .fold(span.end(), usize::max);
    TNode {
        span,
        end,
        value: TValue::Map(entries),
    }
}

/// A TOML value as a node. An integer beyond 64 bits or a float that is not finite stays the
/// text it was written as (JSON has no such number); a date-time is its text.
fn toml_node(value: &toml::Spanned<DeValue<'_>>) -> TNode {
    let range = value.span();
    let span = Span::new(range.start, range.len());
    let scalar = |value: TValue| TNode {
        span,
        end: span.end(),
        value,
    };
    match value.get_ref() {
        DeValue::String(s) => scalar(TValue::Str(s.to_string())),
        DeValue::Integer(i) => {
            let digits = i.as_str().replace('_', "");
            scalar(
                i64::from_str_radix(
                    digits
                        .trim_start_matches("0x")
                        .trim_start_matches("0o")
                        .trim_start_matches("0b"),
                    i.radix(),
                )
                .map_or_else(|_| TValue::Str(i.as_str().to_string()), TValue::Int),
            )
        }
        DeValue::Float(f) => scalar(
            f.as_str()
                .replace('_', "")
                .parse::<f64>()
                .ok()
                .filter(|f| f.is_finite())
                .map_or_else(|| TValue::Str(f.as_str().to_string()), TValue::Float),
        ),
        DeValue::Boolean(b) => scalar(TValue::Bool(*b)),
        DeValue::Datetime(d) => scalar(TValue::Str(d.to_string())),
        DeValue::Array(items) => {
            let nodes: Vec<TNode> = items.iter().map(toml_node).collect();
            let end = nodes.iter().map(|n| n.end).fold(span.end(), usize::max);
            TNode {
                span,
                end,
                value: TValue::Seq(nodes),
            }
        }
        DeValue::Table(table) => table_node(table, span),
    }
}

/// Every code or prefix in the configuration names a rule.
fn check_codes(config: &ConfigFile, tree: &Tree) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    let lists = |prefix: &str,
                 select: Option<&Vec<String>>,
                 ignore: &[String],
                 severity: &BTreeMap<String, Level>| {
        let mut items: Vec<(String, String)> = Vec::new();
        for (i, c) in select.into_iter().flatten().enumerate() {
            items.push((format!("{prefix}/select/{i}"), c.clone()));
        }
        for (i, c) in ignore.iter().enumerate() {
            items.push((format!("{prefix}/ignore/{i}"), c.clone()));
        }
        for c in severity.keys() {
            items.push((
                format!("{prefix}/severity/{}", escape_pointer(c)),
                c.clone(),
            ));
        }
        items
    };
    let mut items = lists("", config.select.as_ref(), &config.ignore, &config.severity);
    let mut globs: Vec<(String, &String)> = config
        .exclude
        .iter()
        .enumerate()
        .map(|(j, glob)| (format!("/exclude/{j}"), glob))
        .collect();
    for (i, o) in config.overrides.iter().enumerate() {
        items.extend(lists(
            &format!("/overrides/{i}"),
            o.select.as_ref(),
            &o.ignore,
            &o.severity,
        ));
        globs.extend(
            o.paths
                .iter()
                .enumerate()
                .map(|(j, glob)| (format!("/overrides/{i}/paths/{j}"), glob)),
        );
    }
    for (pointer, glob) in globs {
        if let Err(e) = globset::Glob::new(glob) {
            let span = tree.spans(&pointer).map_or(Span::default(), |n| n.value);
            found.push(
                Diagnostic::new(
                    &r::INVALID_FORMAT,
                    span,
                    msg!(
                        "`{glob}` is not a valid file pattern ({why})",
                        "`{glob}` is geen geldig bestandspatroon ({why})",
                        glob = Plain(glob),
                        why = Plain(e.kind()),
                    ),
                )
                .label(msg!("not a file pattern", "geen bestandspatroon"))
                .help(msg!(
                    "write a pattern such as `plans/**/*.yaml`",
                    "schrijf een patroon zoals `plans/**/*.yaml`"
                ))
                .path(pointer),
            );
        }
    }
    if let Err((pointer, message)) = config
        .limits
        .apply(&mut crate::load::limits::Limits::default())
    {
        let span = tree.spans(&pointer).map_or(Span::default(), |n| n.value);
        found.push(
            Diagnostic::new(&r::INVALID_VALUE, span, message)
                .label(msg!("not a valid limit", "geen geldige limiet"))
                .path(pointer),
        );
    }
    if let Some(date) = &config.as_of
        && chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_err()
    {
        let span = tree.spans("/as-of").map_or(Span::default(), |n| n.value);
        found.push(
            Diagnostic::new(
                &crate::rules::dates::IMPOSSIBLE_DATE,
                span,
                msg!(
                    "`{date}` as `as-of` is not a day of the calendar",
                    "`{date}` als `as-of` is geen bestaande dag",
                    date = Plain(date),
                ),
            )
            .label(msg!("no such day", "deze dag bestaat niet"))
            .help(msg!(
                "check the day and the month: YYYY-MM-DD, such as `2026-03-31`",
                "controleer de dag en de maand: JJJJ-MM-DD, zoals `2026-03-31`"
            ))
            .path("/as-of"),
        );
    }
    for (pointer, code) in items {
        if !rules::matches_any_rule(&code) {
            let node = tree.spans(&pointer);
            // Severity keys are codes; point at the key, elsewhere at the value.
            let span = node.map_or(Span::default(), |n| {
                n.key
                    .filter(|_| pointer.contains("/severity/"))
                    .unwrap_or(n.value)
            });
            found.push(suppression::unknown_code(&code, span).path(pointer));
        }
    }
    found
}

#[cfg(test)]
mod language_tests {
    use super::Language;

    #[test]
    fn a_dutch_locale_is_dutch_and_c_says_nothing() {
        for (locale, language) in [
            ("nl_NL.UTF-8", Some(Language::Nl)),
            ("nl_BE", Some(Language::Nl)),
            ("nl", Some(Language::Nl)),
            ("NL_nl@euro", Some(Language::Nl)),
            ("en_GB.UTF-8", Some(Language::En)),
            ("de_DE", Some(Language::En)),
            ("C.UTF-8", None),
            ("POSIX", None),
            ("", None),
        ] {
            assert_eq!(Language::of_locale(locale), language, "{locale}");
        }
    }
}

#[cfg(test)]
mod message_tests {
    use std::path::Path;

    use crate::diagnostic::Diagnostic;

    fn findings(text: &[u8]) -> Vec<Diagnostic> {
        match super::from_bytes(Path::new("regioplan.toml"), text.to_vec()) {
            Ok(loaded) => loaded.warnings,
            Err(result) => result.diagnostics,
        }
    }

    fn assert_dutch(what: &str, en: &str, nl: &str) {
        assert!(!en.is_empty() && !nl.is_empty(), "{what}: {en:?} / {nl:?}");
        assert_ne!(en, nl, "{what}: the Dutch text is the English one");
    }

    #[test]
    fn configuration_problems_are_told_in_dutch_too() {
        for (text, code) in [
            (&b"\xff\xfe\x00"[..], "RP001"),
            (b"[limits\n", "RP002"),
            (b"exclude = [\"plans/[\"]\n", "RP014"),
            (b"as-of = \"2026-02-30\"\n", "RP201"),
            (b"ignore = [\"RP1022\"]\n", "RP903"),
            (b"[limits]\nmax-depth = 100000\n", "RP013"),
        ] {
            let found = findings(text);
            let d = found
                .iter()
                .find(|d| d.code == code)
                .unwrap_or_else(|| panic!("{code}: {found:?}"));
            // The message about a limit is the loader's (`load::limits`); its label is ours.
            if code != "RP013" {
                assert_dutch(code, d.message.en(), d.message.nl());
            }
            if code != "RP001" {
                assert_dutch(code, d.primary.message.en(), d.primary.message.nl());
            }
            if let Some(help) = &d.help {
                assert_dutch(code, help.en(), help.nl());
            }
        }
    }
}
