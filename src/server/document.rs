//! One open document: its text as the editor has it, its findings from the last check, and the
//! plan loaded from it for the editor features (loaded when first asked for).

use std::cell::OnceCell;
use std::time::Instant;

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, DiagnosticTag,
    DocumentDiagnosticReport, DocumentDiagnosticReportResult, FullDocumentDiagnosticReport,
    Location, NumberOrString, PublishDiagnosticsParams, RelatedFullDocumentDiagnosticReport, Url,
};

use super::text::{Encoding, LineIndex};
use crate::check;
use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Severity};
use crate::lang::Lang;
use crate::load::limits::Limits;
use crate::load::{self, Loaded};
use crate::plan::catalogue::Catalogue;

/// Where a rule's documentation is published; the anchor is its code in lower case.
pub const RULE_DOCS: &str = "https://github.com/regioplan/regioplan/blob/main/docs/rules.md";

/// The link to a rule's documentation.
#[must_use]
pub fn rule_link(code: &str) -> String {
    format!("{RULE_DOCS}#{}", code.to_ascii_lowercase())
}

/// An open document.
#[derive(Debug)]
pub struct Document {
    pub uri: Url,
    pub version: i32,
    pub text: String,
    pub lines: LineIndex,
    /// When the text changed without being checked since.
    pub changed_at: Option<Instant>,
    /// The findings of the last check, in `check`'s order.
    pub findings: Vec<Diagnostic>,
    /// The version the findings are of.
    checked_version: Option<i32>,
    /// The limits of the last check's settings, which the editor features read under too.
    limits: Limits,
    /// The language of the last check's settings, the findings' and hovers' language.
    pub lang: Lang,
    loaded: OnceCell<Loaded>,
}

impl Document {
    #[must_use]
    pub fn new(uri: Url, version: i32, text: String) -> Self {
        Self {
            uri,
            version,
            lines: LineIndex::new(&text),
            text,
            changed_at: Some(Instant::now()),
            findings: Vec::new(),
            checked_version: None,
            limits: Limits::default(),
            lang: Lang::En,
            loaded: OnceCell::new(),
        }
    }

    pub fn change(&mut self, version: i32, text: String) {
        self.version = version;
        self.lines = LineIndex::new(&text);
        self.text = text;
        self.loaded = OnceCell::new();
        self.changed_at = Some(Instant::now());
    }

    #[must_use]
    pub fn needs_check(&self) -> bool {
        self.changed_at.is_some()
    }

    /// The name findings and the loader know the document by.
    #[must_use]
    pub fn name(&self) -> String {
        self.uri
            .to_file_path()
            .map_or_else(|()| self.uri.to_string(), |p| p.display().to_string())
    }

    /// Runs `regioplan check`'s check of the text with `settings`. A YAML file that is not a
    /// regioplan (no top-level `regioplan:` key) gets no findings, as in a directory check: an
    /// editor may hand the server every YAML file. One the user declared a plan (`named`, a
    /// pattern of the `files` initialization option) is checked as a file named on the
    /// command line is.
    pub fn check(&mut self, settings: &Settings, catalogue: &Catalogue, named: bool) {
        let (name, bytes) = (self.name(), self.text.as_bytes());
        self.findings = if named {
            check::check_bytes(&name, bytes, settings, catalogue).diagnostics
        } else {
            check::check_found(&name, bytes, settings, catalogue)
                .map(|r| r.diagnostics)
                .unwrap_or_default()
        };
        if self.limits != settings.limits {
            self.limits = settings.limits;
            self.loaded = OnceCell::new();
        }
        self.lang = settings.language.into();
        self.checked_version = Some(self.version);
        self.changed_at = None;
    }

    /// The plan as the loader reads it (tree and typed plan, when they load), for the editor
    /// features, under the same limits as the check.
    pub fn loaded(&self) -> &Loaded {
        self.loaded
            .get_or_init(|| load::load_with(&self.name(), self.text.as_bytes(), &self.limits))
    }

    /// The findings as LSP diagnostics.
    #[must_use]
    pub fn lsp_findings(&self, encoding: Encoding) -> Vec<lsp_types::Diagnostic> {
        self.findings
            .iter()
            .map(|d| to_lsp(d, &self.uri, &self.text, &self.lines, (encoding, self.lang)))
            .collect()
    }

    #[must_use]
    pub fn publish(&self, encoding: Encoding) -> PublishDiagnosticsParams {
        PublishDiagnosticsParams {
            uri: self.uri.clone(),
            diagnostics: self.lsp_findings(encoding),
            version: self.checked_version,
        }
    }

    #[must_use]
    pub fn pull_report(&self, encoding: Encoding) -> DocumentDiagnosticReportResult {
        DocumentDiagnosticReportResult::Report(DocumentDiagnosticReport::Full(
            RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: None,
                    items: self.lsp_findings(encoding),
                },
            },
        ))
    }
}

/// The findings of a file that is not an open document (a `regioplan.toml`), or none.
#[must_use]
pub fn publish_file(
    uri: Url,
    text: &str,
    diagnostics: &[Diagnostic],
    encoding: Encoding,
    lang: Lang,
) -> PublishDiagnosticsParams {
    let lines = LineIndex::new(text);
    PublishDiagnosticsParams {
        diagnostics: diagnostics
            .iter()
            .map(|d| to_lsp(d, &uri, text, &lines, (encoding, lang)))
            .collect(),
        uri,
        version: None,
    }
}

/// One finding as an LSP diagnostic: the code with a link to its rule, the severity, the
/// secondary labels as related information, and "unnecessary" for a suppression that
/// suppresses nothing (editors fade it out).
fn to_lsp(
    d: &Diagnostic,
    uri: &Url,
    text: &str,
    lines: &LineIndex,
    (encoding, lang): (Encoding, Lang),
) -> lsp_types::Diagnostic {
    let related: Vec<DiagnosticRelatedInformation> = d
        .secondary
        .iter()
        .map(|label| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), lines.range(text, label.span, encoding)),
            message: label.message.get(lang).to_string(),
        })
        .collect();
    let tags = (d.code == crate::rules::suppression::UNUSED_SUPPRESSION.info.code)
        .then(|| vec![DiagnosticTag::UNNECESSARY]);
    let href = Url::parse(&rule_link(d.code)).ok();
    lsp_types::Diagnostic {
        range: lines.range(text, d.primary.span, encoding),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.to_string())),
        code_description: href.map(|href| CodeDescription { href }),
        source: Some("regioplan".into()),
        message: d.message.get(lang).to_string(),
        related_information: (!related.is_empty()).then_some(related),
        tags,
        data: None,
    }
}
