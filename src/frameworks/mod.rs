//! Reference frameworks: checklists a plan is held against, as data.
//!
//! A framework is a TOML file: an id, a title, a source and a list of requirements, each with
//! a kind from a fixed set (see [`RequirementKind`] and `docs/frameworks.md`) and the
//! parameters that kind reads. `analysis::gaps` interprets the kinds; no framework is special
//! in code. Three frameworks are built in (embedded with `include_str!`); a user's own file is
//! read like `regioplan.toml`: TOML -> spanned tree -> schema check, so an unknown key gets a
//! "did you mean" and every problem points at its line and column. Nothing here prints.

use std::sync::OnceLock;

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde::Deserialize;
use serde_json::Value;

use crate::config::file::read_toml;
use crate::diagnostic::{self, Diagnostic, FileResult, Severity, SourceFile, Span};
pub use crate::judge::checks::Figure;
use crate::lang::{Message, Plain};
use crate::load::structure::Compiled;
use crate::msg;
use crate::plan::catalogue::Catalogue;
use crate::plan::raw::{DocumentKind, FundingKind, MandateBase, Maturity};
use crate::rules::{did_you_mean, structure as r};
use crate::tree::Tree;

/// The built-in frameworks: id and TOML text.
pub const BUILT_IN: &[(&str, &str)] = &[
    (
        "hechte-huisartsenzorg",
        include_str!("hechte-huisartsenzorg.toml"),
    ),
    ("cz-oi", include_str!("cz-oi.toml")),
    ("iza-regioplan", include_str!("iza-regioplan.toml")),
];

/// A reference framework file.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "regioplan reference framework")]
pub struct Framework {
    /// The framework's id, e.g. `cz-oi`; `--framework` accepts it for a built-in one.
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9._-]*$"))]
    pub id: String,
    /// The title a report shows, e.g. `CZ: conditions for an O&I contract`.
    pub title: String,
    /// The title in Dutch, e.g. `CZ: voorwaarden voor een O&I-contract`. When left out, a
    /// Dutch report shows `title` (and `gaps` warns).
    pub title_nl: Option<String>,
    /// Where the requirements come from (a document, a policy, a vision).
    pub source: String,
    /// Free text: what the framework is for, what it leaves out.
    pub description: Option<String>,
    /// The description in Dutch. When left out, a Dutch report shows `description` (and
    /// `gaps` warns).
    pub description_nl: Option<String>,
    /// Whether a plan that shows nothing on a requirement (not shown) fails `--fail-on-gaps`,
    /// unless the requirement says otherwise. An insurer's conditions say `true`: what a plan
    /// does not show, the insurer cannot contract on.
    #[serde(default)]
    pub not_shown_fails: bool,
    /// The requirements, in the order a report lists them.
    #[serde(rename = "requirement")]
    pub requirements: Vec<Requirement>,
}

/// One requirement: what it is, where it comes from, and the check with its parameters.
/// The kind decides which parameters the requirement takes (see [`Ask`]); the schema is
/// generated from that enum, so a missing or foreign parameter is a located finding.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
pub struct Requirement {
    /// The requirement's id, unique in the framework, e.g. `listed-patients`.
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9._-]*$"))]
    pub id: String,
    /// What is required, in one line.
    pub title: String,
    /// What is required, in Dutch. When left out, a Dutch report shows `title` (and `gaps`
    /// warns).
    pub title_nl: Option<String>,
    /// Where this requirement comes from, e.g. a paragraph of the insurer's policy.
    pub source: Option<String>,
    /// Whether a plan that shows nothing on this requirement (not shown) fails
    /// `--fail-on-gaps`; the framework's `not_shown_fails` when left out.
    pub not_shown_fails: Option<bool>,
    /// The kind of check and its parameters.
    #[serde(flatten)]
    pub ask: Ask,
}

/// A text in both languages: the Dutch one, or the English one where there is none.
fn both(en: &str, nl: Option<&String>) -> Message {
    Message::new(en.to_string(), nl.map_or(en, String::as_str).to_string())
}

impl Framework {
    /// The title in both languages (English where no Dutch is given).
    #[must_use]
    pub fn titles(&self) -> Message {
        both(&self.title, self.title_nl.as_ref())
    }

    /// The description in both languages, when there is one.
    #[must_use]
    pub fn descriptions(&self) -> Option<Message> {
        self.description
            .as_deref()
            .map(|en| both(en, self.description_nl.as_ref()))
    }
}

impl Requirement {
    /// The title in both languages (English where no Dutch is given).
    #[must_use]
    pub fn titles(&self) -> Message {
        both(&self.title, self.title_nl.as_ref())
    }
}

/// The kinds of requirements, each with the parameters it takes. `analysis::gaps::frameworks`
/// presents them; `judge::checks` answers those a contract condition can ask too.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Ask {
    /// A key figure of the region (`figure`) is stated, and at least `at_least` when given.
    KeyFigure {
        /// The figure to read.
        figure: Figure,
        /// The least value.
        #[schemars(range(min = 0))]
        at_least: Option<f64>,
    },
    /// A mandate from at least `at_least` percent of `of` (the huisartsen when left out).
    Mandate {
        /// The least share, in percent (0-100).
        #[schemars(range(min = 0, max = 100))]
        at_least: f64,
        /// Whose mandate: `gps` (the huisartsen) or `practices`.
        of: Option<MandateBase>,
    },
    /// The parties involved bring at least `at_least` other domains (hospital, GGZ, GGD, VVT,
    /// welzijn, sociaal domein, gemeente; by the organisations' `domain:` or kind).
    PartnerDomains {
        /// The least number of other domains.
        #[schemars(range(min = 0))]
        at_least: f64,
    },
    /// At least `at_least` parties are involved: members and partners, not umbrella bodies,
    /// regulators or outside organisations.
    Parties {
        /// The least number of parties.
        #[schemars(range(min = 0))]
        at_least: f64,
    },
    /// Every regional theme has `role` filled.
    ThemeRole {
        /// The role.
        role: ThemeRole,
    },
    /// Each of `blocks` is assessed at `level` or higher.
    BuildingBlocks {
        /// The blocks to assess (ids from the catalogue); empty means all.
        #[serde(default)]
        blocks: Vec<String>,
        /// The least level.
        level: Maturity,
    },
    /// The plan period spans at least `at_least` years.
    PlanSpan {
        /// The least number of years.
        #[schemars(range(min = 0))]
        at_least: f64,
    },
    /// At least `at_least` percent of the goals are measurable (indicator with baseline and
    /// target, and a deadline).
    MeasurableGoals {
        /// The least share, in percent (0-100).
        #[schemars(range(min = 0, max = 100))]
        at_least: f64,
    },
    /// The plan names a monitoring cadence and its goals carry measurements.
    Monitoring {},
    /// At least `at_least` regional themes carry goals (the solutions the plan proposes).
    ThemesWithGoals {
        /// The least number of themes.
        #[schemars(range(min = 0))]
        at_least: f64,
    },
    /// Goals carry milestones (a work agenda): every goal, or at least `at_least` percent.
    GoalMilestones {
        /// The least share of goals with milestones, in percent (0-100); all when left out.
        #[schemars(range(min = 0, max = 100))]
        at_least: Option<f64>,
    },
    /// An adopted or published plan document of kind `document` exists.
    Document {
        /// The kind of document.
        document: DocumentKind,
    },
    /// The contracts carry concrete result agreements.
    ResultAgreements {},
    /// Funding lines exist for each of `lines`.
    FundingLines {
        /// The funding lines.
        #[schemars(length(min = 1))]
        lines: Vec<FundingKind>,
    },
}

/// A role a theme has filled: the one enum of `judge::roles`.
pub use crate::judge::roles::Role as ThemeRole;

/// The JSON Schema of a framework file.
#[must_use]
pub fn framework_schema() -> Value {
    let schema = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<Framework>();
    let mut value = schema.to_value();
    crate::plan::schema::forbid_null(&mut value);
    crate::plan::schema::discriminate(&mut value);
    value
}

/// The schema as the text committed in `schemas/framework.schema.json`.
#[must_use]
pub fn framework_schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&framework_schema()).unwrap_or_default();
    text.push('\n');
    text
}

fn compiled() -> &'static Compiled {
    static COMPILED: OnceLock<Compiled> = OnceLock::new();
    COMPILED.get_or_init(|| Compiled::new(framework_schema()))
}

/// Reads a framework from TOML text: the framework, or the file's diagnostics.
pub fn from_toml(name: &str, text: &str) -> Result<Framework, FileResult> {
    from_user_toml(name, text).map(|(framework, _)| framework)
}

/// Reads a user's framework from TOML text: the framework with the warnings it leaves (a
/// title or description without its Dutch text, shown in English in a Dutch report), or
/// the file's diagnostics when it has errors.
pub fn from_user_toml(
    name: &str,
    text: &str,
) -> Result<(Framework, Option<FileResult>), FileResult> {
    let source = SourceFile::new(name, text.to_string());
    let (tree, framework, mut diagnostics) =
        read_toml::<Framework>(&source.text, compiled(), "framework");
    if let Some(framework) = &framework {
        diagnostics.extend(check_parameters(framework, &tree));
    }
    crate::load::fill_paths(&mut diagnostics, &tree);
    diagnostic::sort(&mut diagnostics);
    match framework {
        Some(framework) if diagnostics.is_empty() => {
            let mut warnings = untranslated(&framework, &tree);
            crate::load::fill_paths(&mut warnings, &tree);
            diagnostic::sort(&mut warnings);
            let warnings = (!warnings.is_empty()).then_some(FileResult {
                source,
                diagnostics: warnings,
            });
            Ok((framework, warnings))
        }
        _ => Err(FileResult {
            source,
            diagnostics,
        }),
    }
}

/// A warning for each title or description without its Dutch text (`title_nl`,
/// `description_nl`): a Dutch report shows the English text there.
fn untranslated(framework: &Framework, tree: &Tree) -> Vec<Diagnostic> {
    let warn = |pointer: &str, key: &'static str| {
        let span = tree.spans(pointer).map_or(Span::default(), |n| n.value);
        let mut d = Diagnostic::new(
            &r::MISSING_KEY,
            span,
            msg!(
                "no Dutch text `{key}` beside this text; a Dutch report shows it in English",
                "geen Nederlandse tekst `{key}` naast deze tekst; een Nederlands rapport toont hem in het Engels",
                key = Plain(key)
            ),
        )
        .label(msg!("no `{key}`", "geen `{key}`", key = Plain(key)))
        .help(msg!(
            "add `{key} = \"...\"` with the text in Dutch",
            "voeg `{key} = \"...\"` toe met de tekst in het Nederlands",
            key = Plain(key)
        ));
        d.severity = Severity::Warning;
        d
    };
    let mut found = Vec::new();
    if framework.title_nl.is_none() {
        found.push(warn("/title", "title_nl"));
    }
    if framework.description.is_some() && framework.description_nl.is_none() {
        found.push(warn("/description", "description_nl"));
    }
    for (i, req) in framework.requirements.iter().enumerate() {
        if req.title_nl.is_none() {
            found.push(warn(&format!("/requirement/{i}/title"), "title_nl"));
        }
    }
    found
}

/// Ids are unique and blocks are in the catalogue (the schema checks each kind's parameters).
fn check_parameters(framework: &Framework, tree: &Tree) -> Vec<Diagnostic> {
    let span_of = |pointer: &str, key: bool| {
        tree.spans(pointer).map_or(Span::default(), |n| {
            if key {
                n.key.unwrap_or(n.value)
            } else {
                n.value
            }
        })
    };
    let catalogue = Catalogue::built_in();
    let mut found = Vec::new();
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for (i, req) in framework.requirements.iter().enumerate() {
        let base = format!("/requirement/{i}");
        if !seen.insert(req.id.as_str()) {
            found.push(
                Diagnostic::new(
                    &r::INVALID_VALUE,
                    span_of(&format!("{base}/id"), false),
                    crate::msg!(
                        "requirement id `{id}` is used twice",
                        "de id `{id}` van een eis komt twee keer voor",
                        id = req.id
                    ),
                )
                .label(crate::msg!("duplicate id", "dubbele id"))
                .help(crate::msg!(
                    "give every requirement its own id",
                    "geef elke eis een eigen id"
                )),
            );
        }
        let blocks = match &req.ask {
            Ask::BuildingBlocks { blocks, .. } => &blocks[..],
            _ => &[],
        };
        for (j, block) in blocks.iter().enumerate() {
            if !catalogue.ids().any(|id| id == block) {
                let hint = did_you_mean(block, catalogue.ids())
                    .map(|s| crate::msg!("did you mean `{s}`? ", "bedoelt u `{s}`? ", s = s));
                let known =
                    crate::lang::List(catalogue.ids().map(|id| format!("`{id}`")).collect());
                found.push(
                    Diagnostic::new(
                        &r::INVALID_VALUE,
                        span_of(&format!("{base}/blocks/{j}"), false),
                        crate::msg!(
                            "`{block}` is not a building block",
                            "`{block}` is geen bouwsteen",
                            block = block
                        ),
                    )
                    .label(crate::msg!("unknown building block", "onbekende bouwsteen"))
                    .help(crate::msg!(
                        "{hint}the blocks are {known}",
                        "{hint}de bouwstenen zijn {known}",
                        hint = hint,
                        known = known
                    )),
                );
            }
        }
    }
    found
}

/// A built-in framework by id.
#[must_use]
pub fn built_in(id: &str) -> Option<Framework> {
    BUILT_IN
        .iter()
        .find(|(name, _)| *name == id)
        .and_then(|(name, text)| from_toml(name, text).ok())
}

/// The TOML text of a built-in framework.
#[must_use]
pub fn built_in_text(id: &str) -> Option<&'static str> {
    BUILT_IN
        .iter()
        .find(|(name, _)| *name == id)
        .map(|(_, text)| *text)
}

/// The closest built-in id to a misspelt one.
#[must_use]
pub fn closest_built_in(id: &str) -> Option<&'static str> {
    did_you_mean(id, BUILT_IN.iter().map(|(name, _)| *name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_framework_reads_cleanly() {
        for (id, text) in BUILT_IN {
            let framework =
                from_toml(id, text).unwrap_or_else(|e| panic!("{id}: {:?}", e.diagnostics));
            assert_eq!(framework.id, *id);
            assert!(!framework.requirements.is_empty());
        }
    }

    #[test]
    fn every_built_in_framework_has_its_texts_in_dutch() {
        for (id, text) in BUILT_IN {
            let (framework, warnings) =
                from_user_toml(id, text).unwrap_or_else(|e| panic!("{id}: {:?}", e.diagnostics));
            assert!(warnings.is_none(), "{id}: {warnings:?}");
            for req in &framework.requirements {
                let titles = req.titles();
                assert_ne!(titles.en(), titles.nl(), "{id}/{}: a Dutch title", req.id);
            }
        }
    }

    #[test]
    fn a_title_without_dutch_falls_back_to_english_with_a_located_warning() {
        let text = "id = \"x\"\ntitle = \"X\"\ntitle_nl = \"IX\"\nsource = \"s\"\n\n[[requirement]]\nid = \"a\"\ntitle = \"A\"\nkind = \"plan_span\"\nat_least = 3\n";
        let (framework, warnings) = from_user_toml("x.toml", text).expect("reads");
        assert_eq!(framework.titles().nl(), "IX");
        assert_eq!(
            framework.requirements[0].titles().nl(),
            "A",
            "English as fallback"
        );
        let warnings = warnings.expect("a warning");
        let d = &warnings.diagnostics[0];
        assert_eq!(warnings.diagnostics.len(), 1);
        assert_eq!(d.severity, Severity::Warning);
        assert_eq!(warnings.source.position(d.primary.span.start).line, 8);
        assert!(d.message.nl().contains("title_nl"), "{d:?}");
    }

    #[test]
    fn an_unknown_key_is_located_with_a_suggestion() {
        let text = "id = \"x\"\ntitle = \"X\"\nsource = \"s\"\n\n[[requirement]]\nid = \"a\"\ntitle = \"A\"\nkind = \"plan_span\"\nat_leest = 3\n";
        let err = from_toml("x.toml", text).expect_err("bad key");
        let d = &err.diagnostics[0];
        assert_eq!(d.code, r::UNKNOWN_KEY.code);
        assert_eq!(err.source.position(d.primary.span.start).line, 9);
        assert!(
            d.help
                .as_ref()
                .map(crate::lang::Message::en)
                .unwrap_or_default()
                .contains("at_least"),
            "{d:?}"
        );
    }

    #[test]
    fn a_kind_without_its_parameter_is_a_finding() {
        let text = "id = \"x\"\ntitle = \"X\"\nsource = \"s\"\n\n[[requirement]]\nid = \"a\"\ntitle = \"A\"\nkind = \"key_figure\"\n";
        let err = from_toml("x.toml", text).expect_err("missing figure");
        assert!(
            err.diagnostics[0]
                .message
                .en()
                .contains("missing required key `figure`"),
            "{:?}",
            err.diagnostics
        );
        assert_eq!(
            err.source
                .position(err.diagnostics[0].primary.span.start)
                .line,
            5,
            "the requirement's table, which lacks the key"
        );
    }

    #[test]
    fn a_misspelt_document_kind_a_negative_threshold_and_a_foreign_key_are_located() {
        let text = "id = \"x\"\ntitle = \"X\"\nsource = \"s\"\n\n[[requirement]]\nid = \"a\"\ntitle = \"A\"\nkind = \"document\"\ndocument = \"zorgaanbodplna\"\n\n[[requirement]]\nid = \"b\"\ntitle = \"B\"\nkind = \"plan_span\"\nat_least = -3\nfigure = \"gps\"\n";
        let err = from_toml("x.toml", text).expect_err("three problems");
        let found: Vec<(usize, &str)> = err
            .diagnostics
            .iter()
            .map(|d| (err.source.position(d.primary.span.start).line, d.code))
            .collect();
        assert_eq!(
            found,
            [
                (9, r::INVALID_VALUE.code),
                (15, r::OUT_OF_RANGE.code),
                (16, r::UNKNOWN_KEY.code)
            ],
            "{:?}",
            err.diagnostics
        );
        assert!(
            err.diagnostics[0]
                .help
                .as_ref()
                .map(crate::lang::Message::en)
                .unwrap_or_default()
                .contains("zorgaanbodplan")
        );
    }

    #[test]
    fn a_wrong_kind_and_invalid_toml_are_findings_not_crashes() {
        let text = "id = \"x\"\ntitle = \"X\"\nsource = \"s\"\n[[requirement]]\nid = \"a\"\ntitle = \"A\"\nkind = \"plan_spam\"\n";
        assert!(from_toml("x.toml", text).is_err());
        assert!(from_toml("x.toml", "id = ").is_err());
        assert!(from_toml("x.toml", "").is_err());
    }
}
