//! The YAML mistakes a plan author typically makes, found where they are and explained in plain
//! words: a colon inside a text, a text starting with `'s`, `>`, `%`, `@`, `*`, `&` and the like,
//! curly quotes pasted from a word processor, a non-breaking space, an unclosed `[` or `"`.
//!
//! The parser stops at its first error, and often only some lines after the mistake. This scan
//! runs when a file does not parse: it looks at every entry with a value on its own line (`key:
//! value` or `- value`) together with its continuation lines, and parses that entry on its own.
//! An entry that does not parse by itself is a mistake there when the shape of its value says
//! which one (an alias of an anchor elsewhere in the file is not); an entry that parses alone,
//! or fails in a way not listed above, is not reported. It runs only on files that do not parse,
//! so a valid file is never touched. Nothing here prints; the caller turns a [`Mistake`] into a
//! finding.

use crate::diagnostic::{Applicability, Fix, Span};
use crate::lang::{Label, Message};
use crate::msg;

/// A typical mistake, found on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    /// The character or text the mistake is at.
    pub span: Span,
    pub message: Message,
    pub label: Message,
    pub help: Message,
    /// The repair the help spells out, when the entry is on one line: quotes around the
    /// value (safe where the text is certain, unsafe where the author may have meant YAML),
    /// or an ordinary space for a non-breaking one (safe).
    pub fix: Option<Fix>,
}

/// One entry of the file: where its value starts and the text of the entry on its own.
struct Entry<'a> {
    /// Byte offset of the line in the whole text.
    line_start: usize,
    line: &'a str,
    /// Byte offset of the key (or of the `- ` item's value) in `line`.
    key_col: usize,
    /// Byte offset of the value in `line`.
    value_col: usize,
    /// The key as written, if the entry is `key: value`.
    key: Option<&'a str>,
}

/// Every recognised mistake in `text`, in file order; at most one per line.
#[must_use]
pub fn scan(text: &str) -> Vec<Mistake> {
    let anchors = anchors(text);
    let lines: Vec<(usize, &str)> = line_offsets(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let (start, raw) = lines[i];
        let line = raw.trim_end_matches(['\n', '\r']);
        i += 1;
        if let Some(m) = nbsp_as_space(start, line) {
            found.push(m);
            continue;
        }
        let Some(entry) = entry(start, line) else {
            continue;
        };
        // The lines that continue this entry: more indented than its key, or blank.
        let mut end = i;
        while end < lines.len() {
            let next = lines[end].1.trim_end_matches(['\n', '\r']);
            if next.trim().is_empty() || indent(next) > entry.key_col {
                end += 1;
            } else {
                break;
            }
        }
        // Trailing blank lines belong to nothing.
        while end > i && lines[end - 1].1.trim().is_empty() {
            end -= 1;
        }
        let mut alone = String::from(&line[entry.key_col..]);
        alone.push('\n');
        for (_, next) in &lines[i..end] {
            let next = next.trim_end_matches(['\n', '\r']);
            alone.push_str(next.get(entry.key_col..).unwrap_or("").trim_end());
            alone.push('\n');
        }
        if super::yaml::parse(&alone).is_err()
            && !is_known_alias(&entry, &anchors)
            && !is_used_anchor(&entry, text)
            && let Some(mut m) = classify(&entry)
        {
            // Quotes around the first line of a text that goes on, or before a `#` that may
            // be part of the text, would change its meaning.
            if m.label.en() != NBSP_LABEL && (end > i || !plain_comment_after(&m, start, line)) {
                m.fix = None;
            }
            found.push(m);
        }
        i = end;
    }
    found
}

/// Whether what follows the fix's edit on its line (starting at `line_start`) is nothing or a
/// comment written as one (two spaces before `#`, a space after it).
fn plain_comment_after(m: &Mistake, line_start: usize, line: &str) -> bool {
    let Some((_, end)) = m.fix.as_ref().and_then(Fix::range) else {
        return true;
    };
    let rest = line
        .get(end.saturating_sub(line_start)..)
        .unwrap_or_default();
    let comment = rest.trim_start_matches([' ', '\t']);
    comment.is_empty()
        || (rest.len() - comment.len() >= 2
            && comment
                .strip_prefix('#')
                .is_some_and(|c| c.is_empty() || c.starts_with(char::is_whitespace)))
}

/// The names of the anchors (`&name`) in `text`.
fn anchors(text: &str) -> Vec<&str> {
    text.match_indices('&')
        .filter(|(i, _)| {
            *i == 0
                || text.as_bytes()[i - 1].is_ascii_whitespace()
                || matches!(text.as_bytes()[i - 1], b'[' | b'{' | b',')
        })
        .map(|(i, _)| {
            let rest = &text[i + 1..];
            let end = rest
                .find(|c: char| c.is_whitespace() || matches!(c, ',' | ']' | '}'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// An entry whose value is an alias (`*name`) of an anchor defined in the file: it does not
/// parse alone, but it is not a mistake.
fn is_known_alias(entry: &Entry<'_>, anchors: &[&str]) -> bool {
    strip_comment(&entry.line[entry.value_col..])
        .strip_prefix('*')
        .is_some_and(|name| anchors.contains(&name))
}

/// An entry whose value is an anchor (`&name`) that an alias (`*name`) in the file uses: the
/// author meant YAML's anchor, so what does not parse is not a text to quote.
fn is_used_anchor(entry: &Entry<'_>, text: &str) -> bool {
    let Some(rest) = entry
        .line
        .get(entry.value_col..)
        .and_then(|v| v.strip_prefix('&'))
    else {
        return false;
    };
    let name = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ']' | '}'))
        .next()
        .unwrap_or_default();
    !name.is_empty()
        && text.match_indices('*').any(|(i, _)| {
            text.get(i + 1..).is_some_and(|after| {
                after.starts_with(name)
                    && after
                        .get(name.len()..)
                        .and_then(|a| a.chars().next())
                        .is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ']' | '}'))
            })
        })
}

/// `(offset, line)` of every line, line ends included.
fn line_offsets(text: &str) -> Vec<(usize, &str)> {
    let mut offset = 0;
    text.split_inclusive('\n')
        .map(|l| {
            let at = offset;
            offset += l.len();
            (at, l)
        })
        .collect()
}

/// The number of leading ASCII spaces.
fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// A line with a value on it: `key: value`, `- key: value` or `- value`.
fn entry(line_start: usize, line: &str) -> Option<Entry<'_>> {
    let mut col = indent(line);
    let rest = &line[col..];
    if rest.is_empty() || rest.starts_with('#') || rest.starts_with("---") || rest == "..." {
        return None;
    }
    // Sequence markers: `- `, `- - `.
    let mut item = false;
    while line[col..].starts_with("- ") || &line[col..] == "-" {
        item = true;
        col += 1;
        col += indent(&line[col..]);
    }
    let rest = &line[col..];
    if rest.is_empty() {
        return None;
    }
    if let Some(colon) = key_end(rest) {
        let after = &rest[colon + 1..];
        let value_offset = colon + 1 + (after.len() - after.trim_start_matches([' ', '\t']).len());
        let value = &rest[value_offset..];
        if value.is_empty() || value.starts_with('#') {
            return None;
        }
        return Some(Entry {
            line_start,
            line,
            key_col: col,
            value_col: col + value_offset,
            key: Some(&rest[..colon]),
        });
    }
    item.then_some(Entry {
        line_start,
        line,
        key_col: col,
        value_col: col,
        key: None,
    })
}

/// The offset of the `:` that ends a key at the start of `rest`: a plain key up to the first
/// `: ` (or a `:` at the end), or a quoted key and its closing quote.
fn key_end(rest: &str) -> Option<usize> {
    let first = rest.chars().next()?;
    if first == '"' || first == '\'' {
        let close = rest[1..].find(first)? + 1;
        let after = &rest[close + 1..];
        let colon = after.trim_start_matches(' ');
        return (colon.starts_with(": ") || colon == ":")
            .then(|| close + 1 + (after.len() - colon.len()));
    }
    // A text that starts with an indicator is a value (`- [a, b]`), not a key.
    if "[{>|&*!%@`\u{201c}\u{2018}".contains(first) {
        return None;
    }
    let colon = rest
        .find(": ")
        .or_else(|| rest.ends_with(':').then(|| rest.len() - 1))?;
    let key = &rest[..colon];
    (!key.contains(" #") && !key.is_empty()).then_some(colon)
}

/// A non-breaking space where YAML needs a space: in the indentation (YAML does not count it,
/// so the key becomes part of a text), or after the `:` of a key or the `-` of an item.
fn nbsp_as_space(line_start: usize, line: &str) -> Option<Mistake> {
    let lead = line.trim_start_matches(' ');
    if lead.starts_with('\u{a0}') {
        return Some(nbsp(line_start + (line.len() - lead.len())));
    }
    if lead.starts_with("-\u{a0}") {
        return Some(nbsp(line_start + (line.len() - lead.len()) + 1));
    }
    line.find(":\u{a0}").map(|i| nbsp(line_start + i + 1))
}

const NBSP_LABEL: &str = "non-breaking space";

fn nbsp(at: usize) -> Mistake {
    let span = Span::new(at, '\u{a0}'.len_utf8());
    Mistake {
        span,
        message: msg!(
            "a non-breaking space, as pasted from Word or a web page, is not a space in YAML",
            "een harde spatie, geplakt uit Word of een webpagina, is in YAML geen spatie"
        ),
        label: Message::from(Label {
            en: NBSP_LABEL,
            nl: "harde spatie",
        }),
        help: msg!(
            "delete it and type an ordinary space",
            "verwijder hem en typ een gewone spatie"
        ),
        fix: Some(Fix::replace(Applicability::Safe, span, " ").message(msg!(
            "replace with an ordinary space",
            "vervang door een gewone spatie"
        ))),
    }
}

/// Which mistake makes an entry that does not parse on its own, from the shape of its value.
fn classify(entry: &Entry<'_>) -> Option<Mistake> {
    let value = strip_comment(&entry.line[entry.value_col..]);
    let at = |offset_in_value: usize, len: usize| {
        Span::new(entry.line_start + entry.value_col + offset_in_value, len)
    };
    let quoted = |text: &str| match entry.key {
        Some(key) => format!("`{key}: {}`", double_quoted(text)),
        None => format!("`- {}`", double_quoted(text)),
    };
    // The value as written, replaced by `text` in double quotes.
    let quote = |applicability, text: &str| {
        Some(
            Fix::replace(applicability, at(0, value.len()), double_quoted(text)).message(msg!(
                "put the whole text in double quotes",
                "zet de hele tekst tussen dubbele aanhalingstekens"
            )),
        )
    };
    if let Some(i) = entry.line[..entry.value_col].find('\u{a0}') {
        return Some(nbsp(entry.line_start + i));
    }
    if let Some(i) = value.find('\u{a0}') {
        return Some(nbsp(entry.line_start + entry.value_col + i));
    }
    if let Some((i, c)) = value.char_indices().find(|(_, c)| {
        matches!(
            c,
            '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}' | '\u{201e}'
        )
    }) && (i == 0 || value.contains(": ") || value.ends_with(':'))
    {
        let straight: String = value
            .trim_matches(['\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}', '\u{201e}'])
            .to_string();
        return Some(Mistake {
            span: at(i, c.len_utf8()),
            message: msg!(
                "curly quotes (`{c}`), as pasted from Word, are not quotes in YAML",
                "gekrulde aanhalingstekens (`{c}`), geplakt uit Word, zijn in YAML geen aanhalingstekens",
                c = c
            ),
            label: msg!("curly quote", "gekruld aanhalingsteken"),
            help: msg!(
                "use straight double quotes around the whole text: {q}",
                "zet rechte dubbele aanhalingstekens om de hele tekst: {q}",
                q = quoted(&straight)
            ),
            fix: quote(Applicability::Safe, &straight).map(|f| {
                f.message(msg!(
                    "use straight double quotes around the whole text",
                    "zet rechte dubbele aanhalingstekens om de hele tekst"
                ))
            }),
        });
    }
    let first = value.chars().next()?;
    match first {
        '\'' => {
            let closed = value.len() > 1
                && value[1..].replace("''", "").contains('\'')
                && value.ends_with('\'');
            if closed {
                return None;
            }
            Some(Mistake {
                span: at(0, 1),
                message: msg!(
                    "a text that starts with `'` (`{v}`) is read as a quoted text that is not closed",
                    "een tekst die met `'` begint (`{v}`) wordt gelezen als een tekst tussen aanhalingstekens die niet wordt gesloten",
                    v = shorten(value)
                ),
                label: msg!(
                    "starts a quoted text",
                    "begint een tekst tussen aanhalingstekens"
                ),
                help: msg!(
                    "put the whole text in double quotes: {q}",
                    "zet de hele tekst tussen dubbele aanhalingstekens: {q}",
                    q = quoted(value)
                ),
                fix: quote(Applicability::Safe, value),
            })
        }
        '"' => Some(Mistake {
            span: at(0, 1),
            message: msg!(
                "the double quote that starts this text is not closed",
                "het dubbele aanhalingsteken waarmee deze tekst begint, wordt niet gesloten"
            ),
            label: msg!("opened here", "hier geopend"),
            help: msg!(
                "end the text with `\"`; a `\"` inside the text is written `\\\"`: {q}",
                "sluit de tekst af met `\"`; een `\"` in de tekst schrijft u als `\\\"`: {q}",
                q = quoted(value.trim_start_matches('"').trim_end_matches('"'))
            ),
            fix: quote(
                Applicability::Safe,
                value.trim_start_matches('"').trim_end_matches('"'),
            )
            .map(|f| {
                f.message(msg!(
                    "close the double quotes",
                    "sluit de dubbele aanhalingstekens"
                ))
            }),
        }),
        '[' | '{' => {
            let close = if first == '[' { ']' } else { '}' };
            let what = if first == '[' {
                msg!("the list", "de lijst")
            } else {
                msg!("the mapping", "de lijst van velden")
            };
            Some(Mistake {
                span: at(0, 1),
                message: msg!(
                    "{what} opened with `{first}` is not closed",
                    "{what} die met `{first}` begint, wordt niet gesloten",
                    what = what,
                    first = first
                ),
                label: msg!("opened here", "hier geopend"),
                help: msg!(
                    "close it with `{close}`; if the `{first}` is part of the text, put the \
                     whole text in double quotes: {q}",
                    "sluit af met `{close}`; hoort de `{first}` bij de tekst, zet dan de hele \
                     tekst tussen dubbele aanhalingstekens: {q}",
                    close = close,
                    first = first,
                    q = quoted(value)
                ),
                // Closing the bracket may be what was meant: a guess.
                fix: quote(Applicability::Unsafe, value),
            })
        }
        '>' | '|' | '%' | '@' | '`' | '*' | '&' | '!' => Some(Mistake {
            span: at(0, 1),
            message: msg!(
                "a text cannot start with `{first}` in YAML: {m}",
                "een tekst kan in YAML niet met `{first}` beginnen: {m}",
                first = first,
                m = meaning(first)
            ),
            label: msg!("`{first}` here", "hier `{first}`", first = first),
            help: msg!(
                "put the whole text in double quotes: {q}",
                "zet de hele tekst tussen dubbele aanhalingstekens: {q}",
                q = quoted(value)
            ),
            fix: quote(Applicability::Safe, value),
        }),
        _ => {
            let colon = value.find(": ").or_else(|| {
                value
                    .ends_with(':')
                    .then(|| value.len() - 1)
                    .filter(|&i| i > 0)
            })?;
            Some(Mistake {
                span: at(colon, 1),
                message: msg!(
                    "a colon inside a text (`{v}`) makes YAML read the text as a new key",
                    "door een dubbele punt in een tekst (`{v}`) leest YAML de tekst als een nieuw veld",
                    v = shorten(value)
                ),
                label: msg!("colon inside the text", "dubbele punt in de tekst"),
                help: msg!(
                    "put the whole text in double quotes: {q}",
                    "zet de hele tekst tussen dubbele aanhalingstekens: {q}",
                    q = quoted(value)
                ),
                fix: quote(Applicability::Safe, value),
            })
        }
    }
}

/// What a character at the start of a value means to YAML.
fn meaning(c: char) -> Label {
    let (en, nl) = match c {
        '>' | '|' => (
            "it starts a block of text on the lines below",
            "dit begint een blok tekst op de regels eronder",
        ),
        '%' => ("it starts a directive", "dit begint een directive"),
        '*' => (
            "it refers to an anchor (an alias)",
            "dit verwijst naar een anker (een alias)",
        ),
        '&' => ("it names an anchor", "dit geeft een anker een naam"),
        '!' => ("it starts a tag", "dit begint een tag"),
        _ => ("it is reserved", "dit teken is gereserveerd"),
    };
    Label { en, nl }
}

/// The value without a trailing ` # comment` and trailing spaces.
fn strip_comment(value: &str) -> &str {
    let cut = value.find(" #").unwrap_or(value.len());
    value[..cut].trim_end()
}

/// A value shortened for a message.
fn shorten(value: &str) -> String {
    const MAX: usize = 40;
    if value.chars().count() <= MAX {
        value.to_string()
    } else {
        let cut: String = value.chars().take(MAX).collect();
        format!("{cut}...")
    }
}

/// `text` as a YAML double-quoted scalar.
fn double_quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The (line, column) of each mistake, 1-based, columns in characters, and its help.
    fn found(text: &str) -> Vec<(usize, usize, String)> {
        let source = crate::diagnostic::SourceFile::new("x.yaml", text.to_string());
        scan(text)
            .into_iter()
            .map(|m| {
                let p = source.position(m.span.start);
                (p.line, p.column, m.help.en().to_string())
            })
            .collect()
    }

    #[test]
    fn a_colon_inside_a_title() {
        let text = "goals:\n  - id: a\n    title: GGZ: wachttijden\n    status: planned\n";
        assert_eq!(
            found(text),
            vec![(
                3,
                15,
                "put the whole title in double quotes: `title: \"GGZ: wachttijden\"`"
                    .replace("whole title", "whole text")
            )]
        );
    }

    #[test]
    fn a_text_starting_with_apostrophe_s() {
        let text = "region:\n  name: x\n  municipalities:\n    - 's-Hertogenbosch\n    - Vught\n";
        assert_eq!(
            found(text),
            vec![(
                4,
                7,
                "put the whole text in double quotes: `- \"'s-Hertogenbosch\"`".to_string()
            )]
        );
        let text = "note: 's avonds open\n";
        assert_eq!(found(text)[0].0..found(text)[0].1, 1..7);
        // Properly quoted single-quoted text is fine.
        assert!(found("note: 'it''s fine'\n").is_empty());
    }

    #[test]
    fn a_text_starting_with_an_indicator() {
        for c in ['>', '%', '@', '*', '&', '`'] {
            let text = format!("a: 1\ntitle: {c}50% bereikt: ja\nb: 2\n");
            let found = found(&text);
            assert_eq!(found.len(), 1, "{c}: {found:?}");
            assert_eq!((found[0].0, found[0].1), (2, 8), "{c}");
            assert!(found[0].2.contains("double quotes"), "{c}");
        }
        // A real folded block is fine.
        assert!(found("description: >\n  een lange\n  tekst: met dubbele punt\nb: 1\n").is_empty());
    }

    #[test]
    fn curly_quotes_from_word() {
        let text = "themes:\n  - id: ggz\n    name: \u{201c}GGZ: wachttijden\u{201d}\n";
        assert_eq!(
            found(text),
            vec![(
                3,
                11,
                "use straight double quotes around the whole text: `name: \"GGZ: wachttijden\"`"
                    .to_string()
            )]
        );
    }

    #[test]
    fn a_non_breaking_space() {
        let text = "region:\n  name: x\n\u{a0} started: 2020-01-01\n";
        assert_eq!(found(text)[0].0, 3);
        assert_eq!(found(text)[0].1, 1);
        let text = "region:\n  name:\u{a0}x: y\n";
        assert_eq!((found(text)[0].0, found(text)[0].1), (2, 8));
    }

    #[test]
    fn an_unclosed_bracket_or_quote_is_found_on_its_own_line() {
        let text = "themes:\n  - id: ggz\n    name: [GGZ\n  - id: pop\n    name: \"POH-GGZ\n";
        let found = found(text);
        assert_eq!(
            found.iter().map(|f| (f.0, f.1)).collect::<Vec<_>>(),
            vec![(3, 11), (5, 11)]
        );
    }

    #[test]
    fn valid_multi_line_values_are_not_mistakes() {
        let text = "a: [Amsterdam,\n   Diemen]\nb: \"een tekst\n  over twee regels\"\nc: 1\n";
        assert!(found_nothing(text));
        assert!(found_nothing("x: |\n  Doel: a: b\n  'quote\ny: 1\n"));
    }

    #[test]
    fn an_alias_of_a_known_anchor_is_not_a_mistake() {
        let text = "a: &wachttijd 6\nb: *wachttijd\nc: *onbekend\n";
        assert_eq!(found(text).iter().map(|f| f.0).collect::<Vec<_>>(), vec![3]);
    }

    #[test]
    fn an_anchor_an_alias_uses_is_not_a_text_to_quote() {
        // The alias is inside its own anchor: a YAML error, but `&r` is no mistaken text.
        assert!(found_nothing("region: &r\n  id: r\n  sub: *r\n"));
        // An anchor no alias uses, on a value that does not parse, may be a text.
        assert_eq!(found("a: &r [\n").len(), 1);
    }

    fn found_nothing(text: &str) -> bool {
        scan(text).is_empty()
    }
}
