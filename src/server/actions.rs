//! Code actions: the fixes of the findings under the cursor as quick fixes (the fixes are data
//! on each finding, see `diagnostic::Fix`; the safe one first and preferred), "fix all safe"
//! on the whole document (`source.fixAll`: the fixes `check --fix` applies), and accepting a
//! finding with a reason, which writes the suppression `# regioplan: ignore[CODE] <reason>`
//! above its line (syntax: `rules::suppression`) and selects the reason so that the user types
//! over it.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Command, Position, Range,
    ShowDocumentParams, TextEdit, WorkspaceEdit,
};

use super::SELECT_COMMAND;
use super::document::Document;
use super::text::Encoding;
use crate::config::Settings;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Span};
use crate::fix;
use crate::plan::catalogue::Catalogue;
use crate::rules::suppression::PLACEHOLDER_REASON;

#[must_use]
pub fn code_actions(
    doc: &Document,
    params: &CodeActionParams,
    encoding: Encoding,
    settings: &Settings,
    catalogue: &Catalogue,
) -> Vec<CodeActionOrCommand> {
    let start = doc.lines.offset(&doc.text, params.range.start, encoding);
    let end = doc.lines.offset(&doc.text, params.range.end, encoding);
    let touches = |d: &&Diagnostic| d.primary.span.start <= end && start <= d.primary.span.end();
    let wants = |kind: &CodeActionKind| {
        params
            .context
            .only
            .as_ref()
            .is_none_or(|only| only.iter().any(|k| kind.as_str().starts_with(k.as_str())))
    };
    let mut actions = Vec::new();
    if wants(&CodeActionKind::QUICKFIX) {
        for d in doc.findings.iter().filter(touches) {
            let lsp = lsp_of(doc, d, encoding);
            let fixes = d.fixes.iter().filter(|f| f.applies_to(&doc.text));
            for (i, fix) in fixes.enumerate() {
                actions.push(CodeActionOrCommand::CodeAction(if fix.suppression {
                    accept(doc, d, fix, lsp.clone(), encoding)
                } else {
                    CodeAction {
                        title: sentence(fix.message.get(doc.lang)),
                        kind: Some(CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![lsp.clone()]),
                        edit: Some(edit_of(doc, text_edits(doc, &fix.edits, encoding))),
                        is_preferred: Some(i == 0 && fix.applicability == Applicability::Safe),
                        ..CodeAction::default()
                    }
                }));
            }
        }
    }
    // Only when asked for by kind (the editor's "Source Action" menu, fix on save): it checks
    // the document again, too much for every move of the cursor.
    let asked = |kind: &CodeActionKind| {
        params
            .context
            .only
            .as_ref()
            .is_some_and(|only| only.iter().any(|k| kind.as_str().starts_with(k.as_str())))
    };
    if asked(&CodeActionKind::SOURCE_FIX_ALL)
        && let Some(all) = fix_all_safe(doc, settings, catalogue, encoding)
    {
        actions.push(CodeActionOrCommand::CodeAction(all));
    }
    actions
}

/// "Fix all safe": what `check --fix` writes (`fix::fix_bytes` with the safe fixes, round
/// after round, kept only when the plan parses at least as well), as one edit of the document.
fn fix_all_safe(
    doc: &Document,
    settings: &Settings,
    catalogue: &Catalogue,
    encoding: Encoding,
) -> Option<CodeAction> {
    let any_safe = doc
        .findings
        .iter()
        .any(|d| fix::chosen(d, Applicability::Safe).is_some());
    if !any_safe {
        return None;
    }
    let fixed = fix::fix_bytes(
        &doc.name(),
        doc.text.as_bytes(),
        settings,
        catalogue,
        Applicability::Safe,
    );
    if !fixed.changed() {
        return None;
    }
    let text = String::from_utf8(fixed.bytes).ok()?;
    let whole = doc
        .lines
        .range(&doc.text, Span::new(0, doc.text.len()), encoding);
    Some(CodeAction {
        title: match fixed.applied.len() {
            1 => crate::msg!(
                "Fix the safe problem (1 fix)",
                "Herstel het veilig te herstellen probleem (1 herstelactie)"
            ),
            n => crate::msg!(
                "Fix all safe problems ({n} fixes)",
                "Herstel alle veilig te herstellen problemen ({n} herstelacties)",
                n = n
            ),
        }
        .get(doc.lang)
        .to_string(),
        kind: Some(CodeActionKind::SOURCE_FIX_ALL),
        edit: Some(edit_of(doc, vec![TextEdit::new(whole, text)])),
        ..CodeAction::default()
    })
}

fn text_edits(doc: &Document, edits: &[Edit], encoding: Encoding) -> Vec<TextEdit> {
    edits
        .iter()
        .map(|e| {
            TextEdit::new(
                doc.lines.range(&doc.text, e.span, encoding),
                e.content.clone(),
            )
        })
        .collect()
}

/// "replace with `x`" as a title: "Replace with `x`".
fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Apply the fix".to_string(),
    }
}

fn lsp_of(doc: &Document, d: &Diagnostic, encoding: Encoding) -> lsp_types::Diagnostic {
    doc.lsp_findings(encoding)
        .into_iter()
        .find(|l| {
            l.range == doc.lines.range(&doc.text, d.primary.span, encoding)
                && l.message == d.message.get(doc.lang)
        })
        .unwrap_or_default()
}

fn edit_of(doc: &Document, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit::new(HashMap::from([(doc.uri.clone(), edits)]))
}

/// "Accept with a reason": the finding's suppression fix (`rules::suppression::offer`: a
/// `# regioplan: ignore[CODE] <reason>` line above the finding's, or the code added to the
/// suppression already there), then the placeholder reason selected so that the user types
/// over it (left as it is, RP902 reports it).
fn accept(
    doc: &Document,
    d: &Diagnostic,
    fix: &Fix,
    diagnostic: lsp_types::Diagnostic,
    encoding: Encoding,
) -> CodeAction {
    let select = fix.edits.iter().find_map(|e| {
        let before = e.content.get(..e.content.find(PLACEHOLDER_REASON)?)?;
        // The edit inserts a line at a line start: after it, the reason is on that line.
        let line = doc.lines.position(&doc.text, e.span.start, encoding).line;
        let units = |t: &str| match encoding {
            Encoding::Utf8 => t.len(),
            Encoding::Utf16 => t.encode_utf16().count(),
        };
        let column = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        let start = units(before);
        Some(Range::new(
            Position::new(line, column(start)),
            Position::new(line, column(start + units(PLACEHOLDER_REASON))),
        ))
    });
    let command = select.map(|selection| Command {
        title: "Select the reason".into(),
        command: SELECT_COMMAND.into(),
        arguments: serde_json::to_value(ShowDocumentParams {
            uri: doc.uri.clone(),
            external: None,
            take_focus: Some(true),
            selection: Some(selection),
        })
        .ok()
        .map(|v| vec![v]),
    });
    CodeAction {
        title: format!("Accept {} with a reason (suppress it on this line)", d.code),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic]),
        edit: Some(edit_of(doc, text_edits(doc, &fix.edits, encoding))),
        command,
        ..CodeAction::default()
    }
}
