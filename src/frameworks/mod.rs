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
use crate::diagnostic::{self, Diagnostic, FileResult, SourceFile, Span};
use crate::load::structure::Compiled;
use crate::plan::catalogue::Catalogue;
use crate::plan::raw::{FundingKind, Maturity, OrganisationKind};
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
    /// Where the requirements come from (a document, a policy, a vision).
    pub source: String,
    /// Free text: what the framework is for, what it leaves out.
    pub description: Option<String>,
    /// The requirements, in the order a report lists them.
    #[serde(rename = "requirement")]
    pub requirements: Vec<Requirement>,
}

/// One requirement: what it is, where it comes from, and the kind of check with its
/// parameters. Which parameters a kind reads is listed with the kind; the others must be
/// left out.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// The requirement's id, unique in the framework, e.g. `listed-patients`.
    #[schemars(regex(pattern = r"^[a-z0-9][a-z0-9._-]*$"))]
    pub id: String,
    /// What is required, in one line.
    pub title: String,
    /// Where this requirement comes from, e.g. a paragraph of the insurer's policy.
    pub source: Option<String>,
    /// The kind of check.
    pub kind: RequirementKind,
    /// `key_figure`: the figure to read.
    pub figure: Option<Figure>,
    /// The least value: a count, a share in percent (0-100) or a number of years, by kind.
    pub at_least: Option<f64>,
    /// `theme_role`: the role every regional theme must have filled.
    pub role: Option<ThemeRole>,
    /// `building_blocks`: the blocks to assess (ids from the catalogue); empty means all.
    #[serde(default)]
    pub blocks: Vec<String>,
    /// `building_blocks`: the least level each block must be assessed at.
    pub level: Option<Maturity>,
    /// `document`: the kind of plan document that must exist, e.g. `zorgaanbodplan`.
    pub document: Option<String>,
    /// `funding_lines`: the funding lines that must exist.
    #[serde(default)]
    pub lines: Vec<FundingKind>,
    /// `partner_domains`: the organisation kinds that count as another domain; empty means
    /// hospital, ggz, vvt, municipality and welfare.
    #[serde(default)]
    pub domains: Vec<OrganisationKind>,
}

/// The kinds of requirements. The analysis in `analysis::gaps::frameworks` interprets each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RequirementKind {
    /// A key figure of the region (`figure`) is stated, and at least `at_least` when given.
    KeyFigure,
    /// The mandate the region holds from its huisartsen is at least `at_least` percent.
    Mandate,
    /// Organisations of at least `at_least` other domains (`domains`) take part.
    PartnerDomains,
    /// At least `at_least` organisations other than the region itself are involved.
    Parties,
    /// Every regional theme has `role` filled.
    ThemeRole,
    /// Each of `blocks` is assessed at `level` or higher.
    BuildingBlocks,
    /// The plan period spans at least `at_least` years.
    PlanSpan,
    /// At least `at_least` percent of the goals are measurable (indicator with baseline and
    /// target, and a deadline).
    MeasurableGoals,
    /// The plan names a monitoring cadence and its goals carry measurements.
    Monitoring,
    /// At least `at_least` regional themes carry goals (the solutions the plan proposes).
    ThemesWithGoals,
    /// Goals carry milestones (a work agenda).
    GoalMilestones,
    /// A plan document of kind `document` exists.
    Document,
    /// The contracts carry concrete result agreements.
    ResultAgreements,
    /// Funding lines exist for each of `lines`.
    FundingLines,
}

/// A key figure a `key_figure` requirement reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Figure {
    /// Listed patients (the key figure, or the sum over member organisations).
    ListedPatients,
    /// GP practices in the region.
    Practices,
    /// Practices that joined the organisation.
    PracticesJoined,
    /// Share of practices that joined, in percent.
    PracticesJoinedPct,
    /// Huisartsen in the region.
    Gps,
    /// Municipalities the region covers.
    Municipalities,
}

/// A role a theme has filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ThemeRole {
    Trekker,
    Workgroup,
    BoardContact,
}

impl RequirementKind {
    /// The parameters a kind needs; a requirement without one of them is a finding.
    #[must_use]
    pub fn needs(self) -> &'static [&'static str] {
        match self {
            RequirementKind::KeyFigure => &["figure"],
            RequirementKind::Mandate
            | RequirementKind::PartnerDomains
            | RequirementKind::Parties
            | RequirementKind::PlanSpan
            | RequirementKind::MeasurableGoals
            | RequirementKind::ThemesWithGoals => &["at_least"],
            RequirementKind::ThemeRole => &["role"],
            RequirementKind::BuildingBlocks => &["level"],
            RequirementKind::Document => &["document"],
            RequirementKind::FundingLines => &["lines"],
            RequirementKind::Monitoring
            | RequirementKind::GoalMilestones
            | RequirementKind::ResultAgreements => &[],
        }
    }
}

/// The JSON Schema of a framework file.
#[must_use]
pub fn framework_schema() -> Value {
    let schema = SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<Framework>();
    let mut value = schema.to_value();
    crate::plan::schema::forbid_null(&mut value);
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
    let source = SourceFile::new(name, text.to_string());
    let (tree, framework, mut diagnostics) =
        read_toml::<Framework>(&source.text, compiled(), "framework");
    if let Some(framework) = &framework {
        diagnostics.extend(check_parameters(framework, &tree));
    }
    crate::load::fill_paths(&mut diagnostics, &tree);
    diagnostic::sort(&mut diagnostics);
    match framework {
        Some(framework) if diagnostics.is_empty() => Ok(framework),
        _ => Err(FileResult {
            source,
            diagnostics,
        }),
    }
}

/// Every kind has the parameters it needs, ids are unique, blocks are in the catalogue.
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
        if let Some(problem) = req.at_least.and_then(|v| at_least_problem(req.kind, v)) {
            found.push(
                Diagnostic::new(
                    &r::OUT_OF_RANGE,
                    span_of(&format!("{base}/at_least"), false),
                    format!("`at_least = {}` of requirement `{}` {problem}", req.at_least.unwrap_or_default(), req.id),
                )
                .label("out of range")
                .help("write the least value the requirement asks for: a count or a number of years from 0, a share in percent from 0 to 100"),
            );
        }
        if !seen.insert(req.id.as_str()) {
            found.push(
                Diagnostic::new(
                    &r::INVALID_VALUE,
                    span_of(&format!("{base}/id"), false),
                    format!("requirement id `{}` is used twice", req.id),
                )
                .label("duplicate id")
                .help("give every requirement its own id"),
            );
        }
        for need in req.kind.needs() {
            let present = match *need {
                "figure" => req.figure.is_some(),
                "at_least" => req.at_least.is_some(),
                "role" => req.role.is_some(),
                "level" => req.level.is_some(),
                "document" => req.document.is_some(),
                "lines" => !req.lines.is_empty(),
                _ => true,
            };
            if !present {
                found.push(
                    Diagnostic::new(
                        &r::MISSING_KEY,
                        span_of(&format!("{base}/kind"), false),
                        format!(
                            "requirement `{}` of this kind needs `{need}`",
                            req.id
                        ),
                    )
                    .label(format!("needs `{need}`"))
                    .help(format!(
                        "add `{need} = ...` to this requirement (docs/frameworks.md lists what each kind reads)"
                    )),
                );
            }
        }
        for (j, block) in req.blocks.iter().enumerate() {
            if !catalogue.ids().any(|id| id == block) {
                let hint = did_you_mean(block, catalogue.ids())
                    .map(|s| format!("did you mean `{s}`? "))
                    .unwrap_or_default();
                let known: Vec<&str> = catalogue.ids().collect();
                found.push(
                    Diagnostic::new(
                        &r::INVALID_VALUE,
                        span_of(&format!("{base}/blocks/{j}"), false),
                        format!("`{block}` is not a building block"),
                    )
                    .label("unknown building block")
                    .help(format!("{hint}the blocks are {}", known.join(", "))),
                );
            }
        }
    }
    found
}

/// What is wrong with `at_least = value` for a requirement of `kind`, if anything: a least
/// value below 0 would be met by every plan, a share above 100 percent by none.
fn at_least_problem(kind: RequirementKind, value: f64) -> Option<&'static str> {
    let percent = matches!(
        kind,
        RequirementKind::Mandate | RequirementKind::MeasurableGoals
    );
    if !value.is_finite() {
        Some("is not a number")
    } else if value < 0.0 {
        Some("is below 0, so every plan would meet it")
    } else if percent && value > 100.0 {
        Some("is a share above 100 percent, which no plan can meet")
    } else {
        None
    }
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
    fn an_unknown_key_is_located_with_a_suggestion() {
        let text = "id = \"x\"\ntitle = \"X\"\nsource = \"s\"\n\n[[requirement]]\nid = \"a\"\ntitle = \"A\"\nkind = \"plan_span\"\nat_leest = 3\n";
        let err = from_toml("x.toml", text).expect_err("bad key");
        let d = &err.diagnostics[0];
        assert_eq!(d.code, r::UNKNOWN_KEY.code);
        assert_eq!(err.source.position(d.primary.span.start).line, 9);
        assert!(
            d.help.as_deref().unwrap_or_default().contains("at_least"),
            "{d:?}"
        );
    }

    #[test]
    fn a_kind_without_its_parameter_is_a_finding() {
        let text = "id = \"x\"\ntitle = \"X\"\nsource = \"s\"\n\n[[requirement]]\nid = \"a\"\ntitle = \"A\"\nkind = \"key_figure\"\n";
        let err = from_toml("x.toml", text).expect_err("missing figure");
        assert!(err.diagnostics[0].message.contains("needs `figure`"));
        assert_eq!(
            err.source
                .position(err.diagnostics[0].primary.span.start)
                .line,
            8
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
