//! Code actions on the findings under the cursor: the replacement a finding suggests ("did you
//! mean"), and accepting a finding with a reason, which writes the suppression
//! `# regioplan: ignore[CODE] <reason>` above its line (syntax: `rules::suppression`) and
//! selects the reason so that the user types over it.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, Command, Position, Range,
    ShowDocumentParams, TextEdit, WorkspaceEdit,
};

use super::SELECT_COMMAND;
use super::document::Document;
use super::text::Encoding;
use crate::config::file::Language;
use crate::diagnostic::Diagnostic;

/// The placeholder reason, selected after the suppression is written.
fn placeholder(language: Language) -> &'static str {
    match language {
        Language::Nl => "reden",
        Language::En => "reason",
    }
}

#[must_use]
pub fn code_actions(
    doc: &Document,
    params: &CodeActionParams,
    encoding: Encoding,
    language: Language,
) -> Vec<CodeActionOrCommand> {
    let start = doc.lines.offset(&doc.text, params.range.start, encoding);
    let end = doc.lines.offset(&doc.text, params.range.end, encoding);
    let touches = |d: &&Diagnostic| d.primary.span.start <= end && start <= d.primary.span.end();
    let mut actions = Vec::new();
    let mut accepted = Vec::new();
    for d in doc.findings.iter().filter(touches) {
        let lsp = lsp_of(doc, d, encoding);
        if let Some(replacement) = &d.replacement {
            let edit = TextEdit::new(
                doc.lines.range(&doc.text, d.primary.span, encoding),
                replacement.clone(),
            );
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: format!("Replace with `{replacement}`"),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![lsp.clone()]),
                edit: Some(edit_of(doc, vec![edit])),
                is_preferred: Some(true),
                ..CodeAction::default()
            }));
        }
        let line = doc
            .lines
            .position(&doc.text, d.primary.span.start, encoding)
            .line;
        let suppressible = !d.code.starts_with("RP9");
        if suppressible && !accepted.contains(&(line, d.code)) {
            accepted.push((line, d.code));
            actions.push(CodeActionOrCommand::CodeAction(accept(
                doc, d, lsp, encoding, language,
            )));
        }
    }
    actions
}

fn lsp_of(doc: &Document, d: &Diagnostic, encoding: Encoding) -> lsp_types::Diagnostic {
    doc.lsp_findings(encoding)
        .into_iter()
        .find(|l| {
            l.range == doc.lines.range(&doc.text, d.primary.span, encoding)
                && l.message == d.message
        })
        .unwrap_or_default()
}

fn edit_of(doc: &Document, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit::new(HashMap::from([(doc.uri.clone(), edits)]))
}

/// "Accept with a reason": a suppression comment of its own line above the finding's line, or
/// the code added to the suppression comment already there.
fn accept(
    doc: &Document,
    d: &Diagnostic,
    diagnostic: lsp_types::Diagnostic,
    encoding: Encoding,
    language: Language,
) -> CodeAction {
    let text = &doc.text;
    let at = d.primary.span.start.min(text.len());
    let line_start = text
        .get(..at)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line = text.get(line_start..).unwrap_or_default();
    let indent = line
        .get(..line.len() - line.trim_start_matches([' ', '\t']).len())
        .unwrap_or_default();
    let title = format!("Accept {} with a reason (suppress it on this line)", d.code);
    // A suppression comment already on the line above: add the code to its list.
    let above_start = line_start
        .checked_sub(1)
        .and_then(|end| text.get(..end))
        .map(|t| t.rfind('\n').map_or(0, |i| i + 1));
    if let Some(above_start) = above_start
        && let Some(above) = text.get(above_start..line_start.saturating_sub(1))
        && above.trim_start().starts_with("# regioplan: ignore[")
        && let Some(close) = above.find(']')
    {
        let insert_at = above_start + close;
        let position = doc.lines.position(text, insert_at, encoding);
        let edit = TextEdit::new(Range::new(position, position), format!(", {}", d.code));
        return CodeAction {
            title,
            kind: Some(CodeActionKind::QUICKFIX),
            diagnostics: Some(vec![diagnostic]),
            edit: Some(edit_of(doc, vec![edit])),
            ..CodeAction::default()
        };
    }
    let reason = placeholder(language);
    let prefix = format!("{indent}# regioplan: ignore[{}] ", d.code);
    let position = doc.lines.position(text, line_start, encoding);
    let edit = TextEdit::new(
        Range::new(position, position),
        format!("{prefix}{reason}\n"),
    );
    // After the edit the comment is line `position.line`; the reason follows the prefix (ASCII
    // only, so its length is the same in every encoding).
    let column = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let selection = Range::new(
        Position::new(position.line, column(prefix.len())),
        Position::new(position.line, column(prefix.len() + reason.len())),
    );
    let show = ShowDocumentParams {
        uri: doc.uri.clone(),
        external: None,
        take_focus: Some(true),
        selection: Some(selection),
    };
    CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic]),
        edit: Some(edit_of(doc, vec![edit])),
        command: Some(Command {
            title: "Select the reason".into(),
            command: SELECT_COMMAND.into(),
            arguments: serde_json::to_value(show).ok().map(|v| vec![v]),
        }),
        ..CodeAction::default()
    }
}
