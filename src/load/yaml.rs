//! YAML syntax: source text -> a spanned tree, and what a plan author reads when the text is
//! not YAML regioplan can read.
//!
//! [`parse_with`] reads the text from the parser's events (`load::events`); a failure is a
//! [`SyntaxError`], its message said here in plain words in both languages.
//!
//! The tree keeps every mapping entry (duplicates included, so all of them can be reported),
//! the span of every key and value; `build_tree` then sets the repeated keys aside.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::limits::{Limit, Limits};
use crate::diagnostic::Span;
use crate::lang::Message;
use crate::msg;
use crate::tree::{DuplicateKey, TNode, TValue, Tree, push_segment};

/// The parsed document: its root node, duplicate keys still in their mappings (see
/// `build_tree`).
#[derive(Debug)]
pub struct Parsed(TNode);

impl Parsed {
    #[must_use]
    pub fn new(root: TNode) -> Self {
        Parsed(root)
    }

    /// The root node, as parsed.
    #[must_use]
    pub fn root(&self) -> &TNode {
        &self.0
    }
}

/// Builds the document tree from a parsed document, consuming it: repeated keys leave their
/// mappings for `duplicate_keys` (the first stays).
#[must_use]
pub fn build_tree(parsed: Parsed) -> Tree {
    let mut tree = Tree::empty();
    let mut root = parsed.0;
    if has_repeated(&root) {
        let mut pointer = String::new();
        drop_repeated(&mut tree.duplicate_keys, &mut root, &mut pointer);
    }
    tree.root = root;
    tree
}

/// Removes repeated keys from the mappings under `node` (the first of each stays) and records
/// them in `duplicates`, in document order. `pointer` is the node's JSON pointer, built in
/// place (it is only read to name the mapping of a repeated key), so no node owns a copy of
/// its path.
fn drop_repeated(duplicates: &mut Vec<DuplicateKey>, node: &mut TNode, pointer: &mut String) {
    let len = pointer.len();
    match &mut node.value {
        TValue::Seq(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                let _ = write!(pointer, "/{i}");
                drop_repeated(duplicates, item, pointer);
                pointer.truncate(len);
            }
        }
        TValue::Map(entries) => {
            let repeats = repeated_keys(entries);
            // The first span of each repeated key, filled in once the mapping is read.
            let mut first: BTreeMap<String, Span> = BTreeMap::new();
            let mut found: Vec<usize> = Vec::new();
            for (i, (key, key_span, child)) in entries.iter_mut().enumerate() {
                if repeats.get(i).copied().unwrap_or(false) {
                    found.push(duplicates.len());
                    duplicates.push(DuplicateKey {
                        pointer: pointer.clone(),
                        key: key.clone(),
                        first: Span::default(),
                        repeated: *key_span,
                    });
                    continue;
                }
                if !repeats.is_empty() {
                    first.insert(key.clone(), *key_span);
                }
                push_segment(pointer, key);
                drop_repeated(duplicates, child, pointer);
                pointer.truncate(len);
            }
            if !repeats.is_empty() {
                let mut keep = repeats.iter().map(|r| !r);
                entries.retain(|_| keep.next().unwrap_or(true));
                for i in found {
                    if let Some(dup) = duplicates.get_mut(i) {
                        dup.first = first.get(&dup.key).copied().unwrap_or_default();
                    }
                }
            }
        }
        _ => {}
    }
}

/// Whether any mapping under `node` repeats a key: a plan seldom does, and then its tree is
/// left as it is, without building a pointer for each node.
fn has_repeated(node: &TNode) -> bool {
    match &node.value {
        TValue::Seq(items) => items.iter().any(has_repeated),
        TValue::Map(entries) => {
            !repeated_keys(entries).is_empty() || entries.iter().any(|(_, _, v)| has_repeated(v))
        }
        _ => false,
    }
}

/// For each entry of a mapping, whether its key came before in the mapping; empty when no key
/// repeats (the usual case, without an allocation). A wide mapping is checked through a set,
/// a narrow one by comparing.
fn repeated_keys(entries: &[(String, Span, TNode)]) -> Vec<bool> {
    const NARROW: usize = 16;
    let mut repeats = Vec::new();
    let mark = |i: usize, repeats: &mut Vec<bool>| {
        if repeats.is_empty() {
            repeats.resize(entries.len(), false);
        }
        if let Some(r) = repeats.get_mut(i) {
            *r = true;
        }
    };
    if entries.len() <= NARROW {
        for (i, (key, _, _)) in entries.iter().enumerate() {
            if entries
                .get(..i)
                .is_some_and(|before| before.iter().any(|(k, _, _)| k == key))
            {
                mark(i, &mut repeats);
            }
        }
    } else {
        let mut seen = std::collections::HashSet::with_capacity(entries.len());
        for (i, (key, _, _)) in entries.iter().enumerate() {
            if !seen.insert(key.as_str()) {
                mark(i, &mut repeats);
            }
        }
    }
    repeats
}

/// How parsing failed.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    /// The parser's own words (English), for recognising the failure.
    pub message: String,
    /// What a plan author reads: the failure in plain words, in both languages.
    pub shown: Message,
    pub span: Span,
}

/// The kinds of YAML failures, each its own rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    Syntax,
    /// A tab where YAML needs spaces.
    Tab,
    MultipleDocuments,
    /// One of the [`Limits`] was reached.
    Limit(Limit),
}

/// Which limit a text reached, as the loader counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Breach {
    /// More events, nodes or scalar bytes than a file of `max-file-size` holds.
    Size,
    Depth,
    /// More aliases or anchors than `max-aliases`.
    Aliases,
    /// Aliases repeat more values than `alias-expansion` allows.
    Expansion,
}

impl SyntaxError {
    /// A failure in the parser's own words (`message`) at `span`: a tab, the nesting limit of
    /// the parser, or a syntax error said in plain words.
    #[must_use]
    pub fn from_parser(message: &str, span: Span, text: &str, limits: &Limits) -> Self {
        // The first line: the parser may add the names of the sources it was reading.
        let message = message
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_string();
        if message.contains("found a tab") || message.contains("tabs") {
            // The parser stops at the token before the tab; point at the tab itself.
            let shown = msg!(
                "a tab is used where YAML needs spaces",
                "hier staat een tab waar YAML spaties nodig heeft"
            );
            return SyntaxError {
                kind: SyntaxErrorKind::Tab,
                message: shown.en().to_string(),
                shown,
                span: tab_near(text, span),
            };
        }
        // The parser's own guard against deep flow nesting (`[[[[...`).
        if message.contains("recursion limit") {
            return Self::limit(Breach::Depth, span, text, limits);
        }
        SyntaxError {
            kind: SyntaxErrorKind::Syntax,
            shown: plain(&message),
            message,
            span,
        }
    }

    /// A limit reached at `span`.
    #[must_use]
    pub fn limit(breach: Breach, span: Span, text: &str, limits: &Limits) -> Self {
        let (limit, shown) = match breach {
            Breach::Depth => (Limit::Depth, depth_message(limits)),
            Breach::Aliases => (
                Limit::Aliases,
                msg!(
                    "the plan uses more than {n} aliases or anchors (the limit `max-aliases`)",
                    "het plan gebruikt meer dan {n} aliassen of ankers (de grens `max-aliases`)",
                    n = limits.max_aliases
                ),
            ),
            Breach::Expansion => (Limit::AliasExpansion, expansion_message(limits, text.len())),
            Breach::Size => (
                Limit::FileSize,
                msg!(
                    "the plan holds more values than a file of {size} can (the limit `max-file-size`)",
                    "het plan bevat meer waarden dan een bestand van {size} kan (de grens `max-file-size`)",
                    size = Limit::FileSize.value(limits)
                ),
            ),
        };
        SyntaxError {
            kind: SyntaxErrorKind::Limit(limit),
            message: shown.en().to_string(),
            shown,
            span,
        }
    }

    /// A second document, whose first node is at `span`: reported at its `---`.
    #[must_use]
    pub fn second_document(span: Span, text: &str) -> Self {
        let shown = msg!(
            "a second YAML document starts here",
            "hier begint een tweede YAML-document"
        );
        SyntaxError {
            kind: SyntaxErrorKind::MultipleDocuments,
            message: shown.en().to_string(),
            shown,
            span: separator_before(text, span),
        }
    }
}

/// Parses YAML text into a spanned node under the default limits.
pub fn parse(text: &str) -> Result<Parsed, SyntaxError> {
    parse_with(text, &Limits::default())
}

/// Parses YAML text into a spanned node under `limits`, from the parser's events
/// (`load::events`).
pub fn parse_with(text: &str, limits: &Limits) -> Result<Parsed, SyntaxError> {
    super::events::parse(text, limits)
}

/// The first tab at or after the start of the line of `at`, within three lines.
fn tab_near(text: &str, at: Span) -> Span {
    let start = text
        .get(..at.start.min(text.len()))
        .and_then(|h| h.rfind('\n'))
        .map_or(0, |i| i + 1);
    let window: String = text
        .get(start..)
        .unwrap_or_default()
        .split_inclusive('\n')
        .take(3)
        .collect();
    window.find('\t').map_or(at, |i| Span::new(start + i, 1))
}

fn depth_message(limits: &Limits) -> Message {
    msg!(
        "the plan nests deeper than {n} levels (the limit `max-depth`)",
        "het plan is dieper genest dan {n} niveaus (de grens `max-depth`)",
        n = limits.max_depth
    )
}

fn expansion_message(limits: &Limits, len: usize) -> Message {
    msg!(
        "aliases repeat more than {budget} values, {per} per byte of this file plus {plus} (the limit \
         `alias-expansion`; an alias bomb?)",
        "aliassen herhalen meer dan {budget} waarden, {per} per byte van dit bestand plus {plus} \
         (de grens `alias-expansion`; een aliasbom?)",
        budget = limits.expansion_budget(len),
        per = limits.alias_expansion,
        plus = super::limits::EXPANSION_ALLOWANCE
    )
}

/// The parser's own words (`mapping values are not allowed in this context`) as a plan author
/// reads them: what YAML found, and what to write instead. Words it does not know get a plain
/// sentence with the parser's words in parentheses.
#[must_use]
pub fn plain(raw: &str) -> Message {
    let has = |part: &str| raw.contains(part);
    if has("mapping values are not allowed") || has("illegal placement of ':'") {
        msg!(
            "there is a `:` here that YAML does not expect: is the value on the same line as \
             another key, or is an indentation missing?",
            "hier staat een `:` die YAML niet verwacht: staat de waarde op dezelfde regel als \
             een ander veld, of mist er een inspringing?"
        )
    } else if has("did not find expected key") {
        msg!(
            "YAML expected a new key here (`key: value`) at the indentation of the keys above: \
             check the indentation of this line and the line before it",
            "YAML verwacht hier een nieuw veld (`veld: waarde`) op de inspringing van de velden \
             erboven: controleer de inspringing van deze regel en de regel ervoor"
        )
    } else if has("did not find expected '-' indicator")
        || has("block sequence entries are not allowed")
    {
        msg!(
            "YAML expected a list item starting with `- ` here: check that the items of the \
             list are indented alike",
            "YAML verwacht hier een onderdeel van een lijst dat met `- ` begint: controleer of \
             de onderdelen van de lijst even ver inspringen"
        )
    } else if has("invalid indentation") {
        msg!(
            "this line is not indented as YAML expects: indent it as far as the keys it belongs with",
            "deze regel springt niet in zoals YAML verwacht: laat hem even ver inspringen als de \
             velden waar hij bij hoort"
        )
    } else if has("mapping keys are not allowed") {
        msg!(
            "YAML does not expect a new key here: is the line above a text that goes on, or is \
             this line indented too far?",
            "YAML verwacht hier geen nieuw veld: loopt de tekst van de regel erboven door, of \
             springt deze regel te ver in?"
        )
    } else if has("simple key") {
        msg!(
            "YAML expected a `:` after the key on this line",
            "YAML verwacht een `:` na het veld op deze regel"
        )
    } else if has("unclosed quote") || has("quoted scalar") && has("document indicator") {
        msg!(
            "a quoted text is not closed: end it with the same quote it starts with",
            "een tekst tussen aanhalingstekens wordt niet gesloten: sluit hem af met hetzelfde \
             aanhalingsteken als waarmee hij begint"
        )
    } else if has("invalid trailing content after") {
        msg!(
            "there is more text after the closing quote: put the whole text between the quotes",
            "na het sluitende aanhalingsteken staat nog tekst: zet de hele tekst tussen de \
             aanhalingstekens"
        )
    } else if has("unclosed bracket") || has("flow sequence") && has("EOF") {
        msg!(
            "a `[` or `{{` is not closed: close it with `]` or `}}`, or put the text in double quotes",
            "een `[` of `{{` wordt niet gesloten: sluit af met `]` of `}}`, of zet de tekst tussen \
             dubbele aanhalingstekens"
        )
    } else if has("mismatched bracket") || has("misplaced bracket") {
        msg!(
            "the brackets do not match: a `[` closes with `]`, a `{{` with `}}`",
            "de haakjes passen niet bij elkaar: een `[` sluit met `]`, een `{{` met `}}`"
        )
    } else if has("expected ',' or ']'") || has("expected ',' or '}'") {
        msg!(
            "YAML expected a `,` between the values or the closing bracket here",
            "YAML verwacht hier een `,` tussen de waarden of het sluitende haakje"
        )
    } else if has("did not find expected node content") {
        msg!(
            "YAML expected a value here: a text, a number, a list or indented keys",
            "YAML verwacht hier een waarde: een tekst, een getal, een lijst of ingesprongen velden"
        )
    } else if has("expected a scalar mapping key") {
        msg!(
            "a list or mapping is used as a key here: a key is a name such as `title`, followed \
             by `:` and its value",
            "hier staat een lijst of een groep velden als veld: een veld is een naam zoals \
             `title`, gevolgd door `:` en de waarde"
        )
    } else if has("recursive references") {
        msg!(
            "this alias (`*name`) is inside the anchor (`&name`) it refers to: a value cannot \
             contain itself",
            "deze alias (`*naam`) staat binnen het anker (`&naam`) waarnaar hij verwijst: een \
             waarde kan zichzelf niet bevatten"
        )
    } else if has("YAML merge value must be") {
        msg!(
            "a merge key (`<<`) takes a mapping or a list of mappings, such as `<<: *name`",
            "een samenvoegveld (`<<`) neemt een groep velden of een lijst daarvan, zoals `<<: *naam`"
        )
    } else if let Some(tag) = match raw {
        "invalid u64" | "invalid i64" => Some("!!int"),
        "invalid floating point" => Some("!!float"),
        _ if raw.starts_with("invalid boolean") => Some("!!bool"),
        _ => None,
    } {
        msg!(
            "this value is tagged `{tag}` but is not written as one: write the value as such, or \
             remove the tag",
            "deze waarde heeft de tag `{tag}` maar is niet zo geschreven: schrijf de waarde zo, of \
             haal de tag weg",
            tag = tag
        )
    } else if let Some(tag) = raw
        .strip_prefix("unsupported tag `")
        .and_then(|t| t.strip_suffix('`'))
    {
        msg!(
            "the tag `{tag}` does not fit this value (`!!seq` is for a list, `!!map` for a \
             mapping, the others for a single value): remove the tag",
            "de tag `{tag}` past niet bij deze waarde (`!!seq` is voor een lijst, `!!map` voor \
             een groep velden, de andere voor één waarde): haal de tag weg",
            tag = tag
        )
    } else if has("!!binary") {
        msg!(
            "this `!!binary` value is not text regioplan can read: write the text itself, without \
             the tag",
            "deze `!!binary`-waarde is geen tekst die regioplan kan lezen: schrijf de tekst zelf, \
             zonder de tag"
        )
    } else if has("cannot deserialize tagged scalar") {
        msg!(
            "a value with this tag cannot be read: write it as text (a date as `2026-01-01`), \
             without the tag",
            "een waarde met deze tag kan niet gelezen worden: schrijf hem als tekst (een datum \
             als `2026-01-01`), zonder de tag"
        )
    } else if has("unknown anchor") {
        msg!(
            "this alias (`*name`) refers to an anchor (`&name`) that is not defined above it",
            "deze alias (`*naam`) verwijst naar een anker (`&naam`) dat er niet boven staat"
        )
    } else if has("EOF") || has("eof") {
        msg!(
            "the file ends before what was started is finished: check the last lines",
            "het bestand houdt op voordat wat begonnen is af is: controleer de laatste regels"
        )
    } else if has("found unknown escape character") {
        msg!(
            "a `\\` in double quotes starts an escape YAML does not know: write `\\\\` for a backslash, \
             or use single quotes",
            "een `\\` tussen dubbele aanhalingstekens begint een escape die YAML niet kent: schrijf \
             `\\\\` voor een backslash, of gebruik enkele aanhalingstekens"
        )
    } else if has("comments must be separated") {
        msg!(
            "a `#` that starts a comment needs a space before it",
            "een `#` die een opmerking begint, heeft een spatie ervoor nodig"
        )
    } else {
        msg!(
            "YAML cannot read the file at this position ({raw})",
            "YAML kan het bestand op deze plek niet lezen ({raw})",
            raw = raw
        )
    }
}

/// Where a second document starts: the `---` line before `at`, if there is one.
fn separator_before(text: &str, at: Span) -> Span {
    let head = text.get(..at.start.min(text.len())).unwrap_or_default();
    head.match_indices("---")
        .filter(|(i, _)| *i == 0 || head.as_bytes().get(i - 1) == Some(&b'\n'))
        .last()
        .map_or(at, |(i, _)| Span::new(i, 3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tree_records_key_and_value_spans_by_pointer() {
        let text = "themes:\n  - id: ggz\n";
        let tree = build_tree(parse(text).expect("parses"));
        let id = tree.spans("/themes/0/id").expect("node");
        // "themes:\n" is 8 bytes and "  - " 4 more: the key starts at 12, the value at 16.
        assert_eq!(id.key.map(|k| k.start), Some(12));
        assert_eq!(id.value.start, 16);
        assert_eq!(tree.pointer_at(16).as_deref(), Some("/themes/0/id"));
    }

    #[test]
    fn duplicate_keys_are_kept_with_both_positions() {
        let tree = build_tree(parse("a: 1\nb: 2\na: 3\n").expect("parses"));
        assert_eq!(tree.duplicate_keys.len(), 1);
        assert_eq!(tree.duplicate_keys[0].first.start, 0);
        assert_eq!(tree.duplicate_keys[0].repeated.start, 10);
        // The first stays, the repeated entry leaves the mapping.
        let TValue::Map(entries) = &tree.root.value else {
            panic!("a mapping");
        };
        let keys: Vec<&str> = entries.iter().map(|(k, _, _)| k.as_str()).collect();
        assert_eq!(keys, ["a", "b"]);
        let first = tree.root.at("/a").map(crate::tree::to_value);
        assert_eq!(first, Some(serde_json::json!(1)));
    }

    #[test]
    fn strict_booleans_keep_yes_a_string() {
        let tree = build_tree(parse("a: yes\nb: true\n").expect("parses"));
        let at = |p: &str| tree.root.at(p).map(|n| n.value.clone());
        assert_eq!(at("/a"), Some(TValue::Str("yes".to_string())));
        assert_eq!(at("/b"), Some(TValue::Bool(true)));
    }

    #[test]
    fn a_syntax_error_is_said_in_plain_words_where_the_parser_stopped() {
        let error = parse("title: x\na: b: c\n").expect_err("refused");
        assert_eq!(error.kind, SyntaxErrorKind::Syntax);
        assert_eq!(
            error.message,
            "mapping values are not allowed in this context"
        );
        assert!(
            error.shown.nl().starts_with("hier staat een `:`"),
            "{:?}",
            error.shown
        );
        assert_eq!(error.span, Span::new(13, 1));
        let tab = parse("a:\n\tb: 1\n").expect_err("refused");
        assert_eq!(
            (tab.kind, tab.span),
            (SyntaxErrorKind::Tab, Span::new(3, 1))
        );
    }

    #[test]
    fn what_yaml_cannot_read_is_said_in_a_plan_authors_words() {
        for (text, en, nl) in [
            (
                "? [a]\n: 1\n",
                "a list or mapping is used as a key",
                "een lijst of een groep velden",
            ),
            (
                "a: &a [1, *a]\n",
                "cannot contain itself",
                "zichzelf niet bevatten",
            ),
            (
                "a:\n  <<: 1\n",
                "a merge key (`<<`)",
                "een samenvoegveld (`<<`)",
            ),
            ("a: !!int x\n", "tagged `!!int`", "de tag `!!int`"),
            ("a: !!bool yes\n", "tagged `!!bool`", "de tag `!!bool`"),
            (
                "a: !!seq {b: 1}\n",
                "the tag `!!seq` does not fit",
                "de tag `!!seq` past niet",
            ),
            ("a: !!binary 'a'\n", "`!!binary` value", "`!!binary`-waarde"),
            (
                "a: !!timestamp 2026-01-01\n",
                "write it as text",
                "schrijf hem als tekst",
            ),
        ] {
            let error = parse(text).expect_err("refused");
            assert_eq!(error.kind, SyntaxErrorKind::Syntax, "{text:?}");
            assert!(error.shown.en().contains(en), "{text:?}: {:?}", error.shown);
            assert!(error.shown.nl().contains(nl), "{text:?}: {:?}", error.shown);
            assert!(!error.shown.en().contains("YAML cannot read"), "{text:?}");
        }
    }

    #[test]
    fn an_alias_bomb_is_a_limit_not_a_syntax_error() {
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..8 {
            let p = i - 1;
            let aliases = vec![format!("*a{p}"); 10].join(", ");
            bomb = format!("{bomb}a{i}: &a{i} [{aliases}]\n");
        }
        let error = parse(&bomb).expect_err("refused");
        assert!(
            matches!(error.kind, SyntaxErrorKind::Limit(_)),
            "{}",
            error.message
        );
    }

    #[test]
    fn a_second_document_is_reported_at_its_separator() {
        let text = "a: 1\n---\nb: 2\n";
        let error = parse(text).expect_err("refused");
        assert_eq!(error.kind, SyntaxErrorKind::MultipleDocuments);
        assert_eq!(error.span, Span::new(5, 3));
    }
}
