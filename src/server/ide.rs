//! The editor features that read the plan: hover, completion, definition, references, rename
//! and the outline. Ids and their references come from the same lookups the rules use
//! (`plan::index::Index` and `rules::references::references`); the meaning of keys and values
//! from the plan schema, which is generated from the documented format types.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionResponse, CompletionTextEdit, DocumentSymbol,
    DocumentSymbolResponse, Documentation, GotoDefinitionResponse, Hover, HoverContents, Location,
    MarkupContent, MarkupKind, Position, PrepareRenameResponse, SymbolKind, TextEdit,
    WorkspaceEdit,
};
use serde_json::Value;

use super::document::{Document, rule_link};
use super::text::Encoding;
use super::yaml_path::{self, Step};
use crate::diagnostic::Span;
use crate::plan::catalogue::Catalogue;
use crate::plan::index::{Index, Kind};
use crate::plan::raw::Plan;
use crate::rules::references::references;
use crate::tree::{TNode, TValue, Tree};

/// The plan schema with its descriptions in `lang`, generated once per language.
fn schema(lang: crate::lang::Lang) -> &'static Value {
    static EN: OnceLock<Value> = OnceLock::new();
    static NL: OnceLock<Value> = OnceLock::new();
    let cell = match lang {
        crate::lang::Lang::En => &EN,
        crate::lang::Lang::Nl => &NL,
    };
    cell.get_or_init(|| crate::plan::schema::plan_schema_in(lang))
}

fn holds(span: Span, offset: usize) -> bool {
    span.start <= offset && offset <= span.end()
}

/// An id under the cursor: its definition or a reference to it.
#[derive(Debug, Clone)]
struct Target {
    kind: Kind,
    id: String,
    /// The span of the id text under the cursor.
    span: Span,
}

fn target_at(plan: &Plan, offset: usize) -> Option<Target> {
    let index = Index::build(plan);
    if let Some(def) = index.defs.iter().find(|d| holds(d.span, offset)) {
        return Some(Target {
            kind: def.kind,
            id: def.id.to_string(),
            span: def.span,
        });
    }
    references(plan)
        .into_iter()
        .find(|r| holds(r.id.span, offset))
        .map(|r| Target {
            kind: r.kind,
            id: r.id.value.0.clone(),
            span: r.id.span,
        })
}

/// Every span where `kind` `id` is written: its definitions, then its references.
fn occurrences(plan: &Plan, kind: Kind, id: &str, definitions: bool) -> Vec<Span> {
    let index = Index::build(plan);
    let mut spans: Vec<Span> = if definitions {
        index
            .defs
            .iter()
            .filter(|d| d.kind == kind && d.id == id)
            .map(|d| d.span)
            .collect()
    } else {
        Vec::new()
    };
    spans.extend(
        references(plan)
            .iter()
            .filter(|r| r.kind == kind && r.id.value.0 == id)
            .map(|r| r.id.span),
    );
    spans.sort();
    spans.dedup();
    spans
}

/// The span of the id's own characters inside `span` (which may include quotes).
fn id_span(text: &str, span: Span, id: &str) -> Span {
    text.get(span.start..span.end())
        .and_then(|t| t.find(id))
        .map_or(span, |at| Span::new(span.start + at, id.len()))
}

/// The mapping that defines `kind` `id` (the person, theme, ...), from the tree.
fn definition_node<'t>(
    tree: &'t Tree,
    index: &Index<'_>,
    kind: Kind,
    id: &str,
) -> Option<&'t TNode> {
    let span = index.get(kind, id)?;
    let pointer = tree.pointer_at(span.start)?;
    let parent = pointer.strip_suffix("/id")?;
    tree.root.at(parent)
}

fn text_of<'t>(node: &'t TNode, key: &str) -> Option<&'t str> {
    match &node.at(&format!("/{key}"))?.value {
        TValue::Str(s) => Some(s),
        _ => None,
    }
}

/// A line about the thing an id names: "person `n.yilmaz`: Nazlı Yılmaz, trekker, Org".
fn describe(
    tree: &Tree,
    index: &Index<'_>,
    (kind, id): (Kind, &str),
    lang: crate::lang::Lang,
) -> String {
    let words = crate::rules::references::words(kind);
    let Some(node) = definition_node(tree, index, kind, id) else {
        return crate::msg!(
            "no {one} with the id `{id}` in this plan; {many} are listed under `{key}:`",
            "er is geen {one} met de id `{id}` in dit plan; {many} staan onder `{key}:`",
            one = words.one,
            id = id,
            many = words.many,
            key = kind.list_key()
        )
        .get(lang)
        .to_string();
    };
    let mut out = format!("**{}** `{id}`", words.one.get(lang));
    if let Some(name) = text_of(node, "name").or_else(|| text_of(node, "title")) {
        let _ = write!(out, ": {name}");
    }
    let mut facts = Vec::new();
    for key in [
        "role",
        "profession",
        "kind",
        "strategic",
        "status",
        "deadline",
    ] {
        if let Some(value) = node.at(&format!("/{key}")).and_then(scalar) {
            facts.push(format!("{key}: {value}"));
        }
    }
    for (key, of) in [
        ("organisation", Kind::Organisation),
        ("insurer", Kind::Organisation),
        ("trekker", Kind::Person),
        ("owner", Kind::Person),
        ("board_contact", Kind::Person),
        ("workgroup", Kind::Workgroup),
    ] {
        if let Some(other) = text_of(node, key) {
            let name = definition_node(tree, index, of, other)
                .and_then(|n| text_of(n, "name"))
                .map_or_else(|| format!("`{other}`"), |n| format!("{n} (`{other}`)"));
            facts.push(format!("{key}: {name}"));
        }
    }
    for fact in facts {
        let _ = write!(out, "\n\n{fact}");
    }
    out
}

fn scalar(node: &TNode) -> Option<String> {
    match &node.value {
        TValue::Str(s) => Some(s.clone()),
        TValue::Int(n) => Some(n.to_string()),
        TValue::UInt(n) => Some(n.to_string()),
        TValue::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// The documentation of a rule, as Markdown, in `lang`.
#[must_use]
pub fn rule_docs(code: &str, lang: crate::lang::Lang) -> Option<String> {
    use crate::render::rules::{labels, severity};
    let rule = crate::rules::find(code)?;
    let info = &rule.info;
    Some(format!(
        "**{}** `{}` ({})\n\n{}\n\n{}\n\n{}:\n```yaml\n{}```\n{}:\n```yaml\n{}```\n{}",
        info.code,
        info.name,
        severity(info.severity, lang),
        info.summary.get(lang),
        info.why.get(lang),
        labels::FAILS.get(lang),
        info.bad,
        labels::PASSES.get(lang),
        info.good,
        rule_reference(info.code, lang)
    ))
}

/// `[RP102 in the rules](link)`, to the rules page of `lang` (docs/rules.md, docs/regels.md).
fn rule_reference(code: &str, lang: crate::lang::Lang) -> String {
    match lang {
        crate::lang::Lang::En => format!("[{code} in the rules]({})", rule_link(code)),
        crate::lang::Lang::Nl => format!(
            "[{code} in de regels]({})",
            rule_link(code).replace("docs/rules.md", "docs/regels.md")
        ),
    }
}

/// The rule code under the cursor in a `# regioplan: ignore[...]` comment.
fn suppressed_code_at(text: &str, offset: usize) -> Option<(String, Span)> {
    let line_start = text.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
    let line_end = text
        .get(offset..)?
        .find('\n')
        .map_or(text.len(), |i| offset + i);
    let line = text.get(line_start..line_end)?;
    let hash = line.find('#')?;
    let comment = line.get(hash + 1..)?.trim_start();
    if !comment.starts_with("regioplan") || offset < line_start + hash {
        return None;
    }
    let word = |c: char| c.is_ascii_alphanumeric();
    let before = text.get(line_start..offset)?;
    let start = line_start + before.trim_end_matches(word).len();
    let after = text.get(offset..line_end)?;
    let end = offset + (after.len() - after.trim_start_matches(word).len());
    let code = text.get(start..end)?.to_uppercase();
    crate::rules::find(&code).map(|_| (code, Span::new(start, end - start)))
}

/// Hover: the findings under the cursor with their help, the rule of a code in a suppression,
/// the thing an id names, or the meaning of a key.
#[must_use]
pub fn hover(doc: &Document, position: Position, encoding: Encoding) -> Option<Hover> {
    let offset = doc.lines.offset(&doc.text, position, encoding);
    let mut parts = Vec::new();
    let mut range = None;
    for d in doc
        .findings
        .iter()
        .filter(|d| holds(d.primary.span, offset))
    {
        let lang = doc.lang;
        let mut part = format!("**{}** {}", d.code, d.message.get(lang));
        if !d.primary.message.is_empty() {
            let _ = write!(part, ": {}", d.primary.message.get(lang));
        }
        if let Some(help) = &d.help {
            let _ = write!(
                part,
                "\n\n{}: {}",
                crate::render::help_word(lang),
                help.get(lang)
            );
        }
        let _ = write!(part, "\n\n{}", rule_reference(d.code, lang));
        parts.push(part);
        range.get_or_insert(d.primary.span);
    }
    if let Some((code, span)) = suppressed_code_at(&doc.text, offset) {
        parts.extend(rule_docs(&code, doc.lang));
        range = Some(span);
    } else if let Some(text) = id_hover(doc, offset, &mut range) {
        parts.push(text);
    } else if let Some(text) = key_hover(doc, offset, &mut range) {
        parts.push(text);
    }
    if parts.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: parts.join("\n\n---\n\n"),
        }),
        range: range.map(|s| doc.lines.range(&doc.text, s, encoding)),
    })
}

fn id_hover(doc: &Document, offset: usize, range: &mut Option<Span>) -> Option<String> {
    let loaded = doc.loaded();
    let (plan, tree) = (loaded.plan.as_ref()?, loaded.tree.as_ref()?);
    let target = target_at(plan, offset)?;
    let index = Index::build(plan);
    *range = Some(target.span);
    Some(describe(tree, &index, (target.kind, &target.id), doc.lang))
}

fn key_hover(doc: &Document, offset: usize, range: &mut Option<Span>) -> Option<String> {
    let place = yaml_path::place(&doc.text, offset);
    let (key, span) = place.key?;
    if !holds(span, offset) {
        return None;
    }
    let root = schema(doc.lang);
    let container = yaml_path::schema_at(root, &place.container)?;
    let node = yaml_path::properties(root, container)?.get(&key)?;
    let mut text = format!("**{key}**");
    if let Some(description) = yaml_path::description(root, node) {
        let _ = write!(text, ": {description}");
    }
    let values = yaml_path::enum_values(root, node);
    if !values.is_empty() {
        text.push_str(match doc.lang {
            crate::lang::Lang::En => "\n\nOne of: ",
            crate::lang::Lang::Nl => "\n\nEen van: ",
        });
        let list: Vec<String> = values.iter().map(|(v, _)| format!("`{v}`")).collect();
        text.push_str(&list.join(", "));
    }
    *range = Some(span);
    Some(text)
}

/// The kind of id a key takes where the plan has no reference to learn it from.
fn kind_of_key(key: &str) -> Option<Kind> {
    Some(match key {
        "trekker" | "owner" | "board_contact" | "person" | "contact" | "chair" => Kind::Person,
        "organisation" | "insurer" | "co_insurers" | "requested_by" | "partners" | "members"
        | "organisations" => Kind::Organisation,
        "theme" | "themes" => Kind::Theme,
        "goal" | "goals" => Kind::Goal,
        "workgroup" | "workgroups" => Kind::Workgroup,
        "body" | "bodies" | "mandated_by" => Kind::GovernanceBody,
        "contract" | "contracts" => Kind::Contract,
        "module" | "modules" => Kind::Module,
        "neighbourhood" | "neighbourhoods" => Kind::Neighbourhood,
        "programme" | "programmes" => Kind::Programme,
        "service" | "services" => Kind::Service,
        _ => return None,
    })
}

/// The steps of a JSON pointer, with list indices as items.
fn steps_of(pointer: &str) -> Vec<Step> {
    pointer
        .split('/')
        .skip(1)
        .map(|s| {
            if s.parse::<usize>().is_ok() {
                Step::Item
            } else {
                Step::Key(crate::tree::unescape_pointer(s))
            }
        })
        .collect()
}

/// Completion: keys valid in the mapping at the cursor, the values an enum allows, and the ids
/// of the kind the key takes (learned from the plan's own references at the same place, else
/// from the key's name).
#[must_use]
pub fn complete(
    doc: &Document,
    position: Position,
    encoding: Encoding,
    catalogue: &Catalogue,
) -> Option<CompletionResponse> {
    let offset = doc.lines.offset(&doc.text, position, encoding);
    let place = yaml_path::place(&doc.text, offset);
    let root = schema(doc.lang);
    let replace = doc.lines.range(
        &doc.text,
        Span::new(place.word_start, offset.saturating_sub(place.word_start)),
        encoding,
    );
    let item = |label: &str, kind, detail: Option<&str>, insert: String| CompletionItem {
        label: label.to_string(),
        kind: Some(kind),
        documentation: detail.map(|d| Documentation::String(d.to_string())),
        text_edit: Some(CompletionTextEdit::Edit(TextEdit::new(replace, insert))),
        ..CompletionItem::default()
    };
    let container = yaml_path::schema_at(root, &place.container)?;
    let (value_schema, mut at) = if let Some(key) = &place.value_of {
        let mut at = place.container.clone();
        at.push(Step::Key(key.clone()));
        (yaml_path::properties(root, container)?.get(key)?, at)
    } else if place.scalar_item && yaml_path::properties(root, container).is_none() {
        // `- ` in a list of ids or values; in a list of mappings, the item's keys are wanted.
        (container, place.container.clone())
    } else {
        let present = yaml_path::sibling_keys(&doc.text, offset);
        let items = yaml_path::properties(root, container)?
            .iter()
            .filter(|(k, _)| !present.contains(k))
            .map(|(k, v)| {
                item(
                    k,
                    CompletionItemKind::PROPERTY,
                    yaml_path::description(root, v),
                    format!("{k}: "),
                )
            })
            .collect();
        return Some(CompletionResponse::Array(items));
    };
    let values = yaml_path::enum_values(root, value_schema);
    if !values.is_empty() {
        let items = values
            .iter()
            .map(|(v, d)| item(v, CompletionItemKind::ENUM_MEMBER, *d, (*v).to_string()))
            .collect();
        return Some(CompletionResponse::Array(items));
    }
    let resolved = yaml_path::resolve(root, value_schema);
    let is_id =
        |s: &Value| yaml_path::resolve(root, s) == yaml_path::resolve(root, &root["$defs"]["Id"]);
    let takes_id = is_id(resolved) || resolved.get("items").is_some_and(is_id);
    if !takes_id {
        return None;
    }
    if resolved.get("items").is_some() {
        at.push(Step::Item);
    }
    let loaded = doc.loaded();
    let plan = loaded.plan.as_ref();
    let last_key = at.iter().rev().find_map(|s| match s {
        Step::Key(k) => Some(k.as_str()),
        Step::Item => None,
    });
    if last_key == Some("building_blocks") || last_key == Some("block") {
        let items = catalogue
            .ids()
            .map(|id| item(id, CompletionItemKind::VALUE, None, id.to_string()))
            .collect();
        return Some(CompletionResponse::Array(items));
    }
    let plan = plan?;
    let learned = learned_kinds(plan, loaded.tree.as_ref());
    let kind = learned
        .get(&at)
        .copied()
        .or_else(|| last_key.and_then(kind_of_key))?;
    let index = Index::build(plan);
    let tree = loaded.tree.as_ref();
    let mut seen = Vec::new();
    let items = index
        .ids(kind)
        .filter(|id| {
            let new = !seen.contains(id);
            seen.push(id);
            new
        })
        .map(|id| {
            let name = tree
                .and_then(|t| definition_node(t, &index, kind, id))
                .and_then(|n| text_of(n, "name").or_else(|| text_of(n, "title")));
            let mut c = item(id, CompletionItemKind::REFERENCE, None, id.to_string());
            let noun = crate::rules::references::words(kind).one.get(doc.lang);
            c.detail = Some(match name {
                Some(name) => format!("{noun}: {name}"),
                None => noun.to_string(),
            });
            c
        })
        .collect();
    Some(CompletionResponse::Array(items))
}

/// The kinds the plan's references take, by their place (list indices as items).
fn learned_kinds(plan: &Plan, tree: Option<&Tree>) -> HashMap<Vec<Step>, Kind> {
    let Some(tree) = tree else {
        return HashMap::new();
    };
    references(plan)
        .iter()
        .filter_map(|r| Some((steps_of(&tree.pointer_at(r.id.span.start)?), r.kind)))
        .collect()
}

#[must_use]
pub fn definition(
    doc: &Document,
    position: Position,
    encoding: Encoding,
) -> Option<GotoDefinitionResponse> {
    let offset = doc.lines.offset(&doc.text, position, encoding);
    let plan = doc.loaded().plan.as_ref()?;
    let target = target_at(plan, offset)?;
    let span = Index::build(plan).get(target.kind, &target.id)?;
    Some(GotoDefinitionResponse::Scalar(Location::new(
        doc.uri.clone(),
        doc.lines.range(&doc.text, span, encoding),
    )))
}

#[must_use]
pub fn references_of(
    doc: &Document,
    position: Position,
    include_declaration: bool,
    encoding: Encoding,
) -> Option<Vec<Location>> {
    let offset = doc.lines.offset(&doc.text, position, encoding);
    let plan = doc.loaded().plan.as_ref()?;
    let target = target_at(plan, offset)?;
    Some(
        occurrences(plan, target.kind, &target.id, include_declaration)
            .into_iter()
            .map(|s| Location::new(doc.uri.clone(), doc.lines.range(&doc.text, s, encoding)))
            .collect(),
    )
}

#[must_use]
pub fn prepare_rename(
    doc: &Document,
    position: Position,
    encoding: Encoding,
) -> Option<PrepareRenameResponse> {
    let offset = doc.lines.offset(&doc.text, position, encoding);
    let plan = doc.loaded().plan.as_ref()?;
    let target = target_at(plan, offset)?;
    let span = id_span(&doc.text, target.span, &target.id);
    Some(PrepareRenameResponse::RangeWithPlaceholder {
        range: doc.lines.range(&doc.text, span, encoding),
        placeholder: target.id,
    })
}

/// Whether `id` is a valid id (`plan::raw::ID_PATTERN`).
fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
}

/// Renames an id and every reference to it. `Err` says why the new name cannot be used.
pub fn rename(
    doc: &Document,
    position: Position,
    new_name: &str,
    encoding: Encoding,
) -> Result<Option<WorkspaceEdit>, String> {
    let offset = doc.lines.offset(&doc.text, position, encoding);
    let Some(plan) = doc.loaded().plan.as_ref() else {
        return Ok(None);
    };
    let Some(target) = target_at(plan, offset) else {
        return Ok(None);
    };
    if !valid_id(new_name) {
        return Err(crate::msg!(
            "`{new}` is not an id: an id has lower-case letters, digits, '.', '_' and '-', and \
             starts with a letter or digit",
            "`{new}` is geen id: een id bestaat uit kleine letters, cijfers, '.', '_' en '-', en \
             begint met een letter of cijfer",
            new = new_name
        )
        .get(doc.lang)
        .to_string());
    }
    if new_name != target.id && Index::build(plan).get(target.kind, new_name).is_some() {
        return Err(crate::msg!(
            "there is already a {one} `{new}`; choose another id",
            "er is al een {one} `{new}`; kies een andere id",
            one = crate::rules::references::words(target.kind).one,
            new = new_name
        )
        .get(doc.lang)
        .to_string());
    }
    let edits = occurrences(plan, target.kind, &target.id, true)
        .into_iter()
        .map(|s| {
            let span = id_span(&doc.text, s, &target.id);
            TextEdit::new(
                doc.lines.range(&doc.text, span, encoding),
                new_name.to_string(),
            )
        })
        .collect();
    Ok(Some(WorkspaceEdit::new(HashMap::from([(
        doc.uri.clone(),
        edits,
    )]))))
}

/// The outline: the region, the themes with their goals and subgoals, and the contracts, each
/// by its name (or title) with its id beside it.
#[must_use]
pub fn outline(doc: &Document, encoding: Encoding) -> Option<DocumentSymbolResponse> {
    let loaded = doc.loaded();
    let (plan, tree) = (loaded.plan.as_ref()?, loaded.tree.as_ref()?);
    let range = |span: Span| doc.lines.range(&doc.text, span, encoding);
    // The extent of the mapping that holds the node at `span` (an id or a name).
    let extent = |span: Span| {
        tree.pointer_at(span.start)
            .and_then(|p| p.rsplit_once('/').map(|(parent, _)| parent.to_string()))
            .and_then(|parent| tree.root.at(&parent))
            .map_or(span, |n| {
                Span::new(n.span.start, n.end.saturating_sub(n.span.start))
            })
    };
    #[allow(deprecated)]
    let symbol =
        |name: String, detail: Option<String>, kind, at: Span, children: Vec<DocumentSymbol>| {
            let whole = extent(at);
            DocumentSymbol {
                name,
                detail,
                kind,
                tags: None,
                deprecated: None,
                range: range(Span::new(
                    whole.start.min(at.start),
                    whole.end().max(at.end()) - whole.start.min(at.start),
                )),
                selection_range: range(at),
                children: (!children.is_empty()).then_some(children),
            }
        };
    #[allow(clippy::items_after_statements)]
    fn goals(
        list: &[crate::plan::raw::Goal],
        symbol: &dyn Fn(
            String,
            Option<String>,
            SymbolKind,
            Span,
            Vec<DocumentSymbol>,
        ) -> DocumentSymbol,
    ) -> Vec<DocumentSymbol> {
        list.iter()
            .map(|g| {
                symbol(
                    g.title.value.clone(),
                    Some(g.id.value.0.clone()),
                    SymbolKind::EVENT,
                    g.id.span,
                    goals(&g.goals, symbol),
                )
            })
            .collect()
    }
    let mut symbols = vec![symbol(
        plan.region.name.value.clone(),
        Some(crate::msg!("region", "regio").get(doc.lang).to_string()),
        SymbolKind::NAMESPACE,
        plan.region.name.span,
        Vec::new(),
    )];
    for theme in &plan.themes {
        symbols.push(symbol(
            theme.name.value.clone(),
            Some(theme.id.value.0.clone()),
            SymbolKind::CLASS,
            theme.id.span,
            goals(&theme.goals, &symbol),
        ));
    }
    for contract in &plan.contracts {
        symbols.push(symbol(
            contract.id.value.0.clone(),
            Some(
                crate::msg!(
                    "contract with `{insurer}`",
                    "contract met `{insurer}`",
                    insurer = contract.insurer.value.0
                )
                .get(doc.lang)
                .to_string(),
            ),
            SymbolKind::STRUCT,
            contract.id.span,
            Vec::new(),
        ));
    }
    Some(DocumentSymbolResponse::Nested(symbols))
}

#[cfg(test)]
mod rule_docs_tests {
    use super::rule_docs;
    use crate::lang::{Lang, english_words_in};

    #[test]
    fn the_hover_of_a_rule_is_in_the_documents_language() {
        let nl = rule_docs("RP102", Lang::Nl).unwrap_or_default();
        assert!(nl.contains("(fout)") && nl.contains("Afgekeurd:"), "{nl}");
        assert!(nl.contains("Een verwijzing naar een persoon"), "{nl}");
        assert!(nl.contains("docs/regels.md#rp102"), "{nl}");
        let prose: Vec<&str> = nl.lines().filter(|l| !l.starts_with(' ')).collect();
        assert!(english_words_in(&prose.join("\n")).is_empty(), "{nl}");
        let en = rule_docs("RP102", Lang::En).unwrap_or_default();
        assert!(en.contains("(error)") && en.contains("Fails:"), "{en}");
        assert!(en.contains("docs/rules.md#rp102"), "{en}");
    }
}

#[cfg(test)]
mod hover_tests {
    use super::id_hover;
    use crate::lang::Lang;
    use crate::server::document::Document;

    const PLAN: &str = include_str!("../../examples/invalid/RP102-unknown-person.yaml");

    fn hover_at(lang: Lang, needle: &str) -> String {
        let uri = lsp_types::Url::parse("file:///plan.yaml").expect("a URL");
        let mut doc = Document::new(uri, 1, PLAN.to_string());
        doc.lang = lang;
        let offset = PLAN.find(needle).expect("in the plan") + 1;
        id_hover(&doc, offset, &mut None).unwrap_or_default()
    }

    #[test]
    fn the_hover_of_an_id_names_its_kind_in_the_documents_language() {
        let nl = hover_at(Lang::Nl, "f.francke\n    goals");
        assert!(
            nl.starts_with("**persoon** `f.francke`: Frank Francke"),
            "{nl}"
        );
        let en = hover_at(Lang::En, "f.francke\n    goals");
        assert!(
            en.starts_with("**person** `f.francke`: Frank Francke"),
            "{en}"
        );
        let unknown = hover_at(Lang::Nl, "a.baker\n");
        assert!(
            unknown.starts_with("er is geen persoon met de id `a.baker` in dit plan"),
            "{unknown}"
        );
    }
}
