//! SARIF 2.1.0: the rules with their help, and one result per finding with its region, for
//! GitHub code scanning and other SARIF viewers. Built with the typed model of serde-sarif.

use std::fmt::Write as _;
use std::io::{self, Write};

use serde_sarif::sarif::{
    ArtifactChange, ArtifactContent, ArtifactLocation, Fix as SarifFix, Location, Message,
    MultiformatMessageString, PhysicalLocation, PropertyBag, Region, Replacement,
    ReportingConfiguration, ReportingDescriptor, Result as SarifResult, ResultLevel, Run, Sarif,
    Tool, ToolComponent,
};

use super::positions;
use crate::diagnostic::FileResult;
use crate::diagnostic::Span;
use crate::diagnostic::{Diagnostic, Fix, Severity, SourceFile};
use crate::lang::Lang;
use crate::rules::{ALL, RuleInfo};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn write(out: &mut dyn Write, results: &[FileResult], lang: Lang) -> io::Result<()> {
    let rules: Vec<ReportingDescriptor> = ALL.iter().map(|r| descriptor(r, lang)).collect();
    let driver = ToolComponent::builder()
        .name("regioplan")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .information_uri("https://github.com/regioplan/regioplan")
        .rules(rules)
        .build();
    let found: Vec<SarifResult> = results
        .iter()
        .flat_map(|r| {
            r.diagnostics
                .iter()
                .map(move |d| result(&r.source, d, lang))
        })
        .collect();
    let run = Run::builder()
        .tool(Tool::builder().driver(driver).build())
        .results(found)
        .build();
    let sarif = Sarif::builder()
        .schema(SCHEMA)
        .version(serde_json::Value::String("2.1.0".into()))
        .runs(vec![run])
        .build();
    serde_json::to_writer_pretty(&mut *out, &sarif)?;
    writeln!(out)
}

fn text(s: impl Into<String>) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(s.into()).build()
}

/// A rule's metadata in the run's language; the examples are YAML, the same in both.
fn descriptor(rule: &RuleInfo, lang: Lang) -> ReportingDescriptor {
    use super::rules::{labels, squash};
    let why = squash(rule.why.get(lang));
    let fix = squash(rule.fix.get(lang));
    let (fails, passes, fix_word) = (
        labels::FAILS.get(lang),
        labels::PASSES.get(lang),
        labels::FIX.get(lang),
    );
    let help_text = format!(
        "{why}\n\n{fails}:\n{}\n{passes}:\n{}\n{fix_word}: {fix}",
        rule.bad, rule.good
    );
    let help_markdown = format!(
        "{why}\n\n{fails}:\n\n```yaml\n{}\n```\n\n{passes}:\n\n```yaml\n{}\n```\n\n{fix_word}: {fix}",
        rule.bad.trim_end(),
        rule.good.trim_end()
    );
    ReportingDescriptor::builder()
        .id(rule.code)
        .name(rule.name)
        .short_description(text(rule.summary.get(lang)))
        .full_description(text(why))
        .help(
            MultiformatMessageString::builder()
                .text(help_text)
                .markdown(help_markdown)
                .build(),
        )
        .default_configuration(
            ReportingConfiguration::builder()
                .level(serde_json::Value::String(level_name(rule.severity).into()))
                .build(),
        )
        .build()
}

fn level_name(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

fn location(source: &SourceFile, span: Span, message: &str) -> Location {
    let (start, end) = positions(source, span);
    let region = Region::builder()
        .start_line(to_i64(start.line))
        .start_column(to_i64(start.column))
        .end_line(to_i64(end.line))
        .end_column(to_i64(end.column))
        .build();
    let physical = PhysicalLocation::builder()
        .artifact_location(ArtifactLocation::builder().uri(uri(&source.name)).build())
        .region(region)
        .build();
    let mut location = Location::builder().physical_location(physical).build();
    if !message.is_empty() {
        location.message = Some(Message::builder().text(message).build());
    }
    location
}

fn result(source: &SourceFile, d: &Diagnostic, lang: Lang) -> SarifResult {
    let message = super::with_help(d, lang);
    let index = ALL.iter().position(|r| r.code == d.code).map(to_i64);
    let mut result = SarifResult::builder()
        .rule_id(d.code)
        .level(match d.severity {
            Severity::Error => ResultLevel::Error,
            Severity::Warning => ResultLevel::Warning,
        })
        .message(Message::builder().text(message).build())
        .locations(vec![location(
            source,
            d.primary.span,
            d.primary.message.get(lang),
        )])
        .build();
    result.rule_index = index;
    if !d.secondary.is_empty() {
        result.related_locations = Some(
            d.secondary
                .iter()
                .map(|l| location(source, l.span, l.message.get(lang)))
                .collect(),
        );
    }
    if !d.fixes.is_empty() {
        result.fixes = Some(d.fixes.iter().map(|f| fix(source, f, lang)).collect());
    }
    result
}

/// A fix as SARIF's `artifactChanges` with `replacements`: each edit's region (lines and
/// columns as in the results, and byte offsets) and its new text. The applicability (`safe`
/// or `unsafe`) and whether it suppresses are in the fix's properties.
fn fix(source: &SourceFile, f: &Fix, lang: Lang) -> SarifFix {
    let replacements: Vec<Replacement> = f
        .edits
        .iter()
        .map(|e| {
            let (start, end) = (source.position(e.span.start), source.position(e.span.end()));
            let region = Region::builder()
                .start_line(to_i64(start.line))
                .start_column(to_i64(start.column))
                .end_line(to_i64(end.line))
                .end_column(to_i64(end.column))
                .byte_offset(to_i64(e.span.start))
                .byte_length(to_i64(e.span.len))
                .build();
            Replacement::builder()
                .deleted_region(region)
                .inserted_content(ArtifactContent::builder().text(e.content.clone()).build())
                .build()
        })
        .collect();
    let change = ArtifactChange::builder()
        .artifact_location(ArtifactLocation::builder().uri(uri(&source.name)).build())
        .replacements(replacements)
        .build();
    let mut properties = std::collections::BTreeMap::new();
    properties.insert(
        "applicability".to_string(),
        serde_json::Value::String(f.applicability.as_str().into()),
    );
    properties.insert(
        "suppression".to_string(),
        serde_json::Value::Bool(f.suppression),
    );
    SarifFix::builder()
        .description(Message::builder().text(f.message.get(lang)).build())
        .artifact_changes(vec![change])
        .properties(
            PropertyBag::builder()
                .additional_properties(properties)
                .build(),
        )
        .build()
}

/// A URI for a path as given: relative paths stay relative (to the repository root, where CI
/// runs), absolute ones become `file://` URIs; everything outside RFC 3986's unreserved
/// characters and `/` is percent-encoded. Standard input is `stdin`.
fn uri(path: &str) -> String {
    if path == "<stdin>" {
        return "stdin".to_string();
    }
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::with_capacity(path.len());
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::uri;

    #[test]
    fn paths_become_valid_uris() {
        assert_eq!(uri("plans/amsterdam-aha.yaml"), "plans/amsterdam-aha.yaml");
        assert_eq!(
            uri("./dir #1/plan 50%.yaml"),
            "dir%20%231/plan%2050%25.yaml"
        );
        assert_eq!(uri("/tmp/é.yaml"), "file:///tmp/%C3%A9.yaml");
        assert_eq!(uri("<stdin>"), "stdin");
    }
}
