//! Loading a plan: bytes -> text -> YAML tree -> structure -> typed plan.
//!
//! Each stage adds diagnostics and stops the ones after it when it fails: a file that is not
//! UTF-8 is not parsed, a YAML syntax error stops structure checks, and the typed plan is only
//! read when the structure is sound (so semantic rules never see a half-read plan). Nothing
//! here prints; only [`read`] touches the file system, and only to read one named file under
//! the [`limits`].

pub mod de;
pub mod dutch;
pub mod events;
pub mod limits;
pub mod lossy;
pub mod mistakes;
pub mod prune;
pub mod read;
pub mod structure;
pub mod validator;
pub mod yaml;

use std::borrow::Cow;

use crate::diagnostic::Span;
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::lang::Plain;
use crate::msg;
use crate::plan::Plan;
use crate::rules::structure as r;
use crate::tree::{TValue, Tree, escape_pointer};
use limits::{Limit, Limits};
use yaml::SyntaxErrorKind;

/// The result of loading one file.
#[derive(Debug)]
pub struct Loaded {
    pub source: SourceFile,
    pub diagnostics: Vec<Diagnostic>,
    pub tree: Option<Tree>,
    pub plan: Option<Plan>,
    /// What was left out of `plan` because of structural findings.
    pub pruned: prune::Pruned,
    /// The file is YAML but not a regioplan (see [`is_plan_text`]); found in a directory, it is
    /// skipped, named on the command line, it has the one finding RP007 (or, when it does not
    /// parse, its syntax error).
    pub not_a_plan: bool,
}

/// Loads a plan from the bytes of a file named `name` under the default [`Limits`].
#[must_use]
pub fn load(name: &str, bytes: &[u8]) -> Loaded {
    load_with(name, bytes, &Limits::default())
}

/// The one finding of a file larger than `max-file-size`, without its text: `size` is its
/// size when known (standard input is only known to be larger).
#[must_use]
pub fn too_large(name: &str, size: Option<u64>, limits: &Limits) -> Loaded {
    let limit = Limit::FileSize.value(limits);
    let message = match size {
        Some(size) => msg!(
            "the file is {rounded} ({size} bytes), more than the limit `max-file-size` of {limit}",
            "het bestand is {rounded} ({size} bytes), meer dan de grens `max-file-size` van {limit}",
            rounded = limits::format_size_rounded(size),
            size = size,
            limit = limit
        ),
        None => msg!(
            "the file is more than the limit `max-file-size` of {limit}",
            "het bestand is groter dan de grens `max-file-size` van {limit}",
            limit = limit
        ),
    };
    Loaded {
        source: SourceFile::new(name, String::new()),
        diagnostics: vec![
            Diagnostic::new(&r::LIMIT, Span::default(), message)
                .help(Limit::how_to_raise_size(limits, size)),
        ],
        tree: None,
        plan: None,
        pruned: prune::Pruned::default(),
        not_a_plan: false,
    }
}

/// Loads a plan from the bytes of a file named `name` under `limits`. Given the bytes
/// themselves (a `Vec<u8>`), the text is made of them without a copy.
#[must_use]
pub fn load_with<'a>(name: &str, bytes: impl Into<Cow<'a, [u8]>>, limits: &Limits) -> Loaded {
    let bytes = bytes.into();
    if bytes.len() as u64 > limits.max_file_size {
        return too_large(name, Some(bytes.len() as u64), limits);
    }
    let (text, encoding_problem) = decode(bytes);
    let source = SourceFile::new(name, text);
    let mut loaded = Loaded {
        source,
        diagnostics: Vec::new(),
        tree: None,
        plan: None,
        pruned: prune::Pruned::default(),
        not_a_plan: false,
    };
    if let Some(diagnostic) = encoding_problem {
        loaded.diagnostics.push(diagnostic);
        return loaded;
    }
    let text = loaded.source.text.as_str();
    let root = match yaml::parse_with(text, limits) {
        Ok(root) => root,
        Err(error) => {
            loaded.not_a_plan = !is_plan_text(text);
            if let Some(diagnostic) = not_finite(&error) {
                loaded.diagnostics.push(diagnostic);
                return loaded;
            }
            if let Some(diagnostic) = long_key(&error, text) {
                loaded.diagnostics.push(diagnostic);
                return loaded;
            }
            if error.kind == SyntaxErrorKind::Syntax {
                let typical = mistakes::scan(text);
                if let Some(first) = typical.first() {
                    let first_line = text
                        .get(..first.span.start)
                        .and_then(|h| h.rfind('\n'))
                        .map_or(0, |i| i + 1);
                    // The parser's own error stays when it is before every typical mistake:
                    // then it is another mistake, not where the parser gave up after one.
                    if error.span.start < first_line {
                        loaded.diagnostics.push(
                            Diagnostic::new(&r::SYNTAX, error.span, error.shown)
                                .label(msg!("here", "hier"))
                                .help(msg!(
                                    "fix the YAML at or just before this position",
                                    "verbeter de YAML op of vlak voor deze plek"
                                )),
                        );
                    }
                    loaded.diagnostics.extend(typical.into_iter().map(|m| {
                        let found = Diagnostic::new(&r::SYNTAX, m.span, m.message)
                            .label(m.label)
                            .help(m.help);
                        match m.fix {
                            Some(fix) => found.fix(fix),
                            None => found,
                        }
                    }));
                    return loaded;
                }
            }
            let (rule, help) = match error.kind {
                SyntaxErrorKind::Syntax => (
                    &r::SYNTAX,
                    msg!(
                        "fix the YAML at or just before this position",
                        "verbeter de YAML op of vlak voor deze plek"
                    ),
                ),
                SyntaxErrorKind::Tab => (
                    &r::SYNTAX,
                    msg!(
                        "replace the tab with spaces (YAML indents with spaces only)",
                        "vervang de tab door spaties (YAML springt alleen in met spaties)"
                    ),
                ),
                SyntaxErrorKind::MultipleDocuments => (
                    &r::MULTIPLE_DOCUMENTS,
                    msg!(
                        "keep one plan per file; remove the `---` and what follows, or move it to its own file",
                        "houd één plan per bestand; verwijder de `---` en wat erna komt, of zet dat in een eigen bestand"
                    ),
                ),
                SyntaxErrorKind::Limit(limit) => (&r::LIMIT, limit.how_to_raise(limits)),
            };
            loaded.diagnostics.push(
                Diagnostic::new(rule, error.span, error.shown)
                    .label(msg!("here", "hier"))
                    .help(help),
            );
            return loaded;
        }
    };
    if matches!(root.root().value, TValue::Null) && is_blank(text) {
        loaded.diagnostics.push(
            Diagnostic::new(
                &r::EMPTY,
                Span::default(),
                msg!("the file holds no plan", "het bestand bevat geen plan"),
            )
            .label(msg!("empty", "leeg"))
            .help(msg!(
                "start from `regioplan init`, or write `regioplan: 1`, `region:` and `period:`",
                "begin met `regioplan init`, of schrijf `regioplan: 1`, `region:` en `period:`"
            )),
        );
        return loaded;
    }
    if let TValue::Map(entries) = &root.root().value {
        let has = |key: &str| entries.iter().any(|(k, _, _)| k == key);
        if !is_plan_keys(has) {
            loaded.not_a_plan = true;
            let span = entries.first().map_or(Span::default(), |(_, k, _)| *k);
            loaded.diagnostics.push(
                Diagnostic::new(
                    &r::NOT_A_PLAN,
                    span,
                    msg!(
                        "this YAML file is not a regioplan: it has no top-level `regioplan:` key",
                        "dit YAML-bestand is geen regioplan: het veld `regioplan:` ontbreekt bovenaan"
                    ),
                )
                .label(msg!("the file's first key", "het eerste veld van het bestand"))
                .help(msg!(
                    "if it is a plan, add `regioplan: 1` as its first line; if not, do not name \
                     it (a directory check skips it) or list it under `exclude` in regioplan.toml",
                    "is het een plan, zet dan `regioplan: 1` op de eerste regel; zo niet, noem het \
                     bestand dan niet (een controle van een map slaat het over) of zet het onder \
                     `exclude` in regioplan.toml"
                )),
            );
            return loaded;
        }
    }
    let tree = yaml::build_tree(root);
    for dup in &tree.duplicate_keys {
        let path = format!("{}/{}", dup.pointer, escape_pointer(&dup.key));
        loaded.diagnostics.push(
            Diagnostic::new(
                &r::DUPLICATE_KEY,
                dup.repeated,
                msg!(
                    "duplicate key `{key}`",
                    "dubbel veld `{key}`",
                    key = dup.key
                ),
            )
            .label(msg!("repeated here", "hier herhaald"))
            .secondary(dup.first, msg!("first defined here", "hier voor het eerst"))
            .help(msg!(
                "remove one of the two; only the first is used for further checks",
                "verwijder een van de twee; alleen de eerste telt mee bij de verdere controles"
            ))
            .path(path),
        );
    }
    loaded.diagnostics.extend(lossy::check(&tree, text));
    let mut structural = structure::check(&tree);
    structure::placeholder_lines(&mut structural, text);
    fill_paths(&mut structural, &tree);
    // A plan of another format version is not read further.
    let readable = !structural
        .iter()
        .any(|d| d.code == r::UNSUPPORTED_VERSION.code);
    if readable {
        // Check the sound rest: the plan without its broken parts (all of it when it is sound).
        if let Some((plan, pruned, model)) = prune::readable_rest(&tree, &structural, text) {
            loaded.plan = Some(plan);
            loaded.pruned = pruned;
            loaded.diagnostics.extend(model);
        } else if structural.is_empty()
            && let Err(error) = de::from_node::<Plan>(&tree.root)
        {
            loaded.diagnostics.push(model_error(&error, text));
        }
    }
    loaded.diagnostics.extend(structural);
    fill_paths(&mut loaded.diagnostics, &tree);
    loaded.tree = Some(tree);
    loaded
}

/// The longest key YAML reads without a `?` in front (the parser's lookahead for a key).
const LONGEST_KEY: usize = 1024;

/// A key longer than YAML allows makes the parser say `simple key expected ':'`; say what
/// is wrong in a plan author's words.
fn long_key(error: &yaml::SyntaxError, text: &str) -> Option<Diagnostic> {
    if error.kind != SyntaxErrorKind::Syntax || !error.message.contains("simple key") {
        return None;
    }
    let start = text
        .get(..error.span.start)?
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line = text.get(start..)?.lines().next()?;
    let colon = line
        .find(": ")
        .or_else(|| line.strip_suffix(':').map(str::len))?;
    let key = line.get(..colon)?.trim_start();
    (key.chars().count() > LONGEST_KEY).then(|| {
        Diagnostic::new(
            &r::SYNTAX,
            Span::new(start + (line.len() - line.trim_start().len()), key.len()),
            msg!(
                "this key is {n} characters long, more than the {max} YAML allows",
                "dit veld is {n} tekens lang, meer dan de {max} die YAML toestaat",
                n = key.chars().count(),
                max = LONGEST_KEY
            ),
        )
        .label(msg!("key too long", "veld te lang"))
        .help(msg!(
            "keys are short names such as `title`; put a long text after the colon, as a value",
            "velden hebben korte namen zoals `title`; zet een lange tekst na de dubbele punt, als waarde"
        ))
    })
}

/// `.nan`, `.inf` or a number too large for any number type (`1e400`): the parser refuses
/// them; say so in a plan author's words.
fn not_finite(error: &yaml::SyntaxError) -> Option<Diagnostic> {
    let written = error
        .message
        .strip_prefix("non-finite float `")?
        .split('`')
        .next()?;
    let nan = written.to_ascii_lowercase().contains("nan");
    let message = if nan {
        msg!(
            "`{written}` is not a number",
            "`{written}` is geen getal",
            written = written
        )
    } else {
        msg!(
            "`{written}` is too large a number: it reads as infinity",
            "`{written}` is een te groot getal: het wordt gelezen als oneindig",
            written = written
        )
    };
    Some(
        Diagnostic::new(&r::WRONG_TYPE, error.span, message)
            .label(msg!(
                "not a number regioplan can use",
                "geen getal waar regioplan mee kan rekenen"
            ))
            .help(msg!(
                "write the number itself, such as `12.5`; leave the key out when it is not known",
                "schrijf het getal zelf, zoals `12.5`; laat het veld weg als het niet bekend is"
            )),
    )
}

/// The largest value of the integer type a model error expected (`expected u32`), if any.
fn integer_max(message: &str) -> Option<String> {
    let max = [
        ("u8", u64::from(u8::MAX)),
        ("u16", u64::from(u16::MAX)),
        ("u32", u64::from(u32::MAX)),
        ("u64", u64::MAX),
        ("usize", u64::MAX),
        ("i32", u64::from(i32::MAX.unsigned_abs())),
        ("i64", i64::MAX.unsigned_abs()),
    ];
    let expected = message.rsplit("expected ").next()?.trim();
    max.iter()
        .find(|(name, _)| expected.starts_with(name))
        .map(|(_, max)| max.to_string())
}

/// `2020` for `2020.0`: a year written with a decimal point and only zeros after it.
fn whole_year(written: &str) -> Option<&str> {
    let (year, zeros) = written.split_once('.')?;
    (year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && !zeros.is_empty()
        && zeros.bytes().all(|b| b == b'0'))
    .then_some(year)
}

/// Whether a number as written is whole but was read as a decimal because it is too large
/// (`99999999999999999999999`, `1e30`).
fn too_large_whole(written: &str) -> bool {
    let digits = written.trim().trim_start_matches(['+', '-']);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit() || b == b'_') {
        return true;
    }
    digits.contains(['e', 'E']) && digits.parse::<f64>().is_ok_and(|v| v.abs() >= 1e15)
}

/// A failure to read the model after the schema passed. JSON Schema counts `800.0` as an
/// integer, serde does not: a decimal where a count belongs (often a Dutch thousands separator,
/// `800.000`, RP017) is a wrong type, not a defect. Anything else is a schema/model mismatch: a
/// defect.
pub(crate) fn model_error(error: &de::Error, text: &str) -> Diagnostic {
    let span = error.span.unwrap_or_default();
    if error.message.contains("invalid type: floating point")
        && error.message.contains("expected a date")
    {
        // `2020.0` is an integer to JSON Schema and passes the date's year form.
        return Diagnostic::new(
            &r::WRONG_TYPE,
            span,
            msg!(
                "a date must be YYYY-MM-DD, YYYY-MM or YYYY, found a decimal number",
                "een datum moet JJJJ-MM-DD, JJJJ-MM of JJJJ zijn, maar is een decimaal getal"
            ),
        )
        .label(msg!("expected a date", "verwacht: een datum"))
        .help(msg!(
            "write a year without a decimal point: `2020`, not `2020.0`",
            "schrijf een jaar zonder decimale punt: `2020`, niet `2020.0`"
        ))
        .replacement(whole_year(
            text.get(span.start..span.end()).unwrap_or_default(),
        ));
    }
    let written = text.get(span.start..span.end()).unwrap_or_default();
    if error.message.contains("invalid type: floating point") && too_large_whole(written) {
        let max = integer_max(&error.message).map(|m| {
            msg!(
                "; the largest here is {m}",
                "; het grootste getal hier is {m}",
                m = Plain(m)
            )
        });
        return Diagnostic::new(
            &r::OUT_OF_RANGE,
            span,
            msg!(
                "`{written}` is too large a number for this value{max}",
                "`{written}` is een te groot getal voor deze waarde{max}",
                written = written,
                max = max
            ),
        )
        .label(msg!("too large", "te groot"))
        .help(msg!(
            "check the number for extra digits",
            "controleer of er cijfers te veel in het getal staan"
        ));
    }
    if error.message.contains("invalid type: floating point")
        && let Some(meant) = lossy::without_thousands_separator(written)
    {
        return Diagnostic::new(
            &r::THOUSANDS_SEPARATOR,
            span,
            msg!(
                "`{written}` is read as a decimal number, but a count is whole: {meant} was meant",
                "`{written}` wordt gelezen als decimaal getal, maar een aantal is geheel: {meant} was bedoeld",
                written = written,
                meant = Plain(&meant)
            ),
        )
        .label(msg!(
            "a dot is a decimal point in YAML",
            "een punt is in YAML een decimale punt"
        ))
        .help(msg!(
            "write `{meant}` without a thousands separator",
            "schrijf `{meant}` zonder scheidingsteken voor duizendtallen",
            meant = meant
        ))
        .replacement(Some(&meant));
    }
    if error.message.contains("invalid type: floating point") {
        return Diagnostic::new(
            &r::WRONG_TYPE,
            span,
            msg!(
                "a count must be a whole number, found a decimal number",
                "een aantal moet een geheel getal zijn, maar is een decimaal getal"
            ),
        )
        .label(msg!(
            "expected a whole number",
            "verwacht: een geheel getal"
        ))
        .help(msg!(
            "write counts without a thousands separator: `800000`, not `800.000`",
            "schrijf aantallen zonder scheidingsteken voor duizendtallen: `800000`, niet `800.000`"
        ));
    }
    Diagnostic::new(
        &r::INTERNAL,
        span,
        msg!(
            "the plan passed the schema but not the model: {error}",
            "het plan voldoet aan het schema maar niet aan het model: {error}",
            error = error.message
        ),
    )
    .help(msg!(
        "this is a defect in regioplan; please report it with this file",
        "dit is een fout in regioplan; meld het alstublieft met dit bestand"
    ))
}

/// Gives every diagnostic without a JSON pointer the pointer of the node at its span.
pub fn fill_paths(diagnostics: &mut [Diagnostic], tree: &Tree) {
    for d in diagnostics.iter_mut().filter(|d| d.path.is_empty()) {
        if let Some(pointer) = tree.pointer_at(d.primary.span.start) {
            d.path = pointer;
        }
    }
}

/// A YAML mapping is a plan when it has the key `regioplan`, or both `region` and `period` (a
/// plan that lost its version line is still checked, and told so).
fn is_plan_keys(has: impl Fn(&str) -> bool) -> bool {
    has("regioplan") || (has("region") && has("period"))
}

/// Whether a text that does not parse is meant as a plan: a line at the left margin starts
/// with the key `regioplan:` (or `region:` and `period:` both), as written or quoted. A broken
/// plan is reported; a broken YAML file of another kind found in a directory is skipped.
#[must_use]
pub fn is_plan_text(text: &str) -> bool {
    let top_keys: Vec<&str> = text
        .lines()
        .filter_map(|line| {
            let line = line.strip_prefix('\u{feff}').unwrap_or(line);
            let (key, _) = line.split_once(':')?;
            let key = key.trim_end();
            let key = key
                .strip_prefix('"')
                .and_then(|k| k.strip_suffix('"'))
                .or_else(|| key.strip_prefix('\'').and_then(|k| k.strip_suffix('\'')))
                .unwrap_or(key);
            Some(key)
        })
        .collect();
    is_plan_keys(|key| top_keys.contains(&key))
}

fn is_blank(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---" || l == "..."
    })
}

/// A lone CR (classic Mac line ending) is a line break to YAML; make it one for line numbers
/// and snippets too. Same length, so every byte offset stays valid; the text is changed in
/// place, and only when it holds a CR at all.
fn lone_cr_to_lf(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    // Backwards, so that "followed by LF" reads the byte as written: in `\r\r\n` the first CR
    // is lone, the second is half of a CRLF.
    let mut next_is_lf = false;
    for byte in bytes.iter_mut().rev() {
        let written = *byte;
        if written == b'\r' && !next_is_lf {
            *byte = b'\n';
        }
        next_is_lf = written == b'\n';
    }
    // An ASCII byte for another keeps the text UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Decodes the bytes of a text in one encoding.
type Decoder = fn(&[u8]) -> String;

/// A text encoding other than UTF-8, recognised by its byte order mark or, without one, by
/// the zero bytes around the first (ASCII) characters, as the YAML specification does.
fn wide_encoding(bytes: &[u8]) -> Option<(&'static str, usize, Decoder)> {
    let head = |n: usize| bytes.get(..n).unwrap_or_default();
    let zero = |i: usize| bytes.get(i) == Some(&0);
    let some = |i: usize| bytes.get(i).is_some_and(|b| *b != 0);
    if head(4) == b"\xFF\xFE\0\0" {
        return Some((
            "UTF-32 (little-endian, with a byte order mark)",
            4,
            utf32_le,
        ));
    }
    if head(4) == b"\0\0\xFE\xFF" {
        return Some(("UTF-32 (big-endian, with a byte order mark)", 4, utf32_be));
    }
    if head(2) == b"\xFF\xFE" {
        return Some((
            "UTF-16 (little-endian, with a byte order mark)",
            2,
            utf16_le,
        ));
    }
    if head(2) == b"\xFE\xFF" {
        return Some(("UTF-16 (big-endian, with a byte order mark)", 2, utf16_be));
    }
    if some(0) && zero(1) && zero(2) && zero(3) {
        return Some(("UTF-32 (little-endian)", 0, utf32_le));
    }
    if zero(0) && zero(1) && zero(2) && some(3) {
        return Some(("UTF-32 (big-endian)", 0, utf32_be));
    }
    if some(0) && zero(1) && (bytes.len() == 2 || (some(2) && zero(3))) {
        return Some(("UTF-16 (little-endian)", 0, utf16_le));
    }
    if zero(0) && some(1) && (bytes.len() == 2 || (zero(2) && some(3))) {
        return Some(("UTF-16 (big-endian)", 0, utf16_be));
    }
    None
}

fn utf16_le(bytes: &[u8]) -> String {
    let units = bytes
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

fn utf16_be(bytes: &[u8]) -> String {
    let units = bytes
        .chunks_exact(2)
        .map(|c| u16::from_be_bytes([c[0], c[1]]));
    char::decode_utf16(units)
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

fn utf32_le(bytes: &[u8]) -> String {
    bytes
        .chunks_exact(4)
        .map(|c| {
            char::from_u32(u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect()
}

fn utf32_be(bytes: &[u8]) -> String {
    bytes
        .chunks_exact(4)
        .map(|c| {
            char::from_u32(u32::from_be_bytes([c[0], c[1], c[2], c[3]]))
                .unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect()
}

/// Decodes UTF-8; on failure, returns the lossy text and a diagnostic at the first bad byte.
/// A UTF-16 or UTF-32 file is named as such (its text decoded, for the snippet).
/// Bytes given by value become the text without a copy.
fn decode(bytes: Cow<'_, [u8]>) -> (String, Option<Diagnostic>) {
    if let Some((encoding, bom, decode_wide)) = wide_encoding(&bytes) {
        let text = lone_cr_to_lf(decode_wide(bytes.get(bom..).unwrap_or_default()));
        let diagnostic = Diagnostic::new(
            &r::NOT_UTF8,
            Span::default(),
            msg!(
                "the file is saved as {encoding}, not as UTF-8",
                "het bestand is opgeslagen als {encoding}, niet als UTF-8",
                encoding = encoding
            ),
        )
        .help(msg!(
            "save the file as UTF-8 (in most editors: Save As, Encoding: UTF-8); regioplan reads \
             plans in UTF-8 only",
            "sla het bestand op als UTF-8 (in de meeste editors: Opslaan als, Codering: UTF-8); \
             regioplan leest plannen alleen in UTF-8"
        ));
        return (text, Some(diagnostic));
    }
    let mut bytes = bytes.into_owned();
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => {
            if let Some(nul) = text.find('\0') {
                let diagnostic = Diagnostic::new(
                    &r::NOT_UTF8,
                    Span::new(nul, 1),
                    msg!(
                        "the file looks binary: it contains a NUL byte",
                        "het bestand lijkt binair: het bevat een NUL-byte"
                    ),
                )
                .label(msg!("NUL byte", "NUL-byte"))
                .help(msg!(
                    "a plan is a YAML text file; check that the right file is named",
                    "een plan is een YAML-tekstbestand; controleer of het goede bestand is genoemd"
                ));
                return (text, Some(diagnostic));
            }
            (lone_cr_to_lf(text), None)
        }
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            let byte = bytes.get(at).copied().unwrap_or_default();
            let diagnostic = Diagnostic::new(
                &r::NOT_UTF8,
                // The lossy text holds U+FFFD (three bytes) where the bad byte was.
                Span::new(at, '\u{FFFD}'.len_utf8()),
                msg!(
                    "the file is not valid UTF-8: byte 0x{byte} at offset {at}",
                    "het bestand is geen geldige UTF-8: byte 0x{byte} op positie {at}",
                    byte = Plain(format_args!("{byte:02X}")),
                    at = Plain(at)
                ),
            )
            .label(msg!("not UTF-8", "geen UTF-8"))
            .help(msg!(
                "save the file as UTF-8 (Latin-1 and Windows-1252 are not supported)",
                "sla het bestand op als UTF-8 (Latin-1 en Windows-1252 worden niet ondersteund)"
            ));
            (
                String::from_utf8_lossy(&bytes).into_owned(),
                Some(diagnostic),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_with_a_decimal_point_is_a_wrong_type_not_a_defect() {
        let text = "regioplan: 1\nregion:\n  name: X\n  municipalities: [A]\n  started: 2020.0\n  \
                    governance_model: monodisciplinary\nperiod:\n  start: 2020\n  end: 2020-12\n";
        let loaded = load("x.yaml", text.as_bytes());
        let codes: Vec<&str> = loaded.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["RP012"], "{:?}", loaded.diagnostics);
        assert!(loaded.diagnostics[0].message.en().contains("a date"));
        assert_eq!(loaded.diagnostics[0].replacement_text(), Some("2020"));
        let fixed = text.replace("2020.0", "2020");
        assert!(load("x.yaml", fixed.as_bytes()).diagnostics.is_empty());
    }

    #[test]
    fn latin1_is_reported_at_the_first_bad_byte() {
        let loaded = load("x.yaml", b"regioplan: 1\nnaam: caf\xE9\n");
        assert_eq!(loaded.diagnostics.len(), 1);
        assert_eq!(loaded.diagnostics[0].code, "RP001");
        assert_eq!(
            loaded
                .source
                .position(loaded.diagnostics[0].primary.span.start)
                .line,
            2
        );
    }

    #[test]
    fn old_mac_line_endings_give_the_line_numbers_editors_show() {
        let loaded = load("x.yaml", b"regioplan: 1\rregion:\r  name: x\r  bogus: 1\r");
        let unknown = loaded
            .diagnostics
            .iter()
            .find(|d| d.code == "RP010")
            .expect("RP010");
        let at = loaded.source.position(unknown.primary.span.start);
        assert_eq!((at.line, at.column), (4, 3));
        assert_eq!(lone_cr_to_lf("a\r\nb\rc".into()), "a\r\nb\nc");
        assert_eq!(lone_cr_to_lf("\r\r\né\r".into()), "\n\r\né\n");
        assert_eq!(lone_cr_to_lf("no breaks".into()), "no breaks");
    }

    const MINIMAL: &str = include_str!("../../examples/valid/minimal.yaml");

    /// (code, replacement) of every finding when loading `text`.
    fn findings(text: &str) -> Vec<(&'static str, Option<String>)> {
        load("x.yaml", text.as_bytes())
            .diagnostics
            .into_iter()
            .map(|d| (d.code, d.replacement_text().map(String::from)))
            .collect()
    }

    #[test]
    fn a_decimal_comma_is_one_finding_with_the_meant_number() {
        for measurement in [
            "          - date: 2022-06-30\n            value: 12,5\n",
            "          - {date: 2022-06-30, value: 12,5}\n",
        ] {
            let plan = format!("{MINIMAL}        measurements:\n{measurement}");
            assert_eq!(
                findings(&plan),
                [("RP009", Some("12.5".to_string()))],
                "{measurement}"
            );
            let loaded = load("x.yaml", plan.as_bytes());
            let goal = &loaded.plan.expect("the rest is read").themes[0].goals[0];
            assert!(goal.measurements.is_empty(), "12 is not kept");
        }
    }

    #[test]
    fn a_count_with_a_thousands_separator_suggests_the_whole_number() {
        let plan = MINIMAL.replace(
            "  started: 2014-01-01\n",
            "  started: 2014-01-01\n  key_figures:\n    practices: 800.000\n",
        );
        assert_eq!(findings(&plan), [("RP017", Some("800000".to_string()))]);
    }

    #[test]
    fn a_number_in_quotes_or_with_thousands_dots_is_replaced_by_the_number() {
        let plan = MINIMAL.replace("target: 6", "target: \"6\"");
        assert_eq!(findings(&plan), [("RP012", Some("6".to_string()))]);
        let plan = MINIMAL.replace("target: 6", "target: \"1.200.000\"");
        assert_eq!(findings(&plan), [("RP012", Some("1200000".to_string()))]);
    }

    #[test]
    fn a_name_where_an_id_belongs_suggests_the_id() {
        let plan = MINIMAL.replace("trekker: a.bakker", "trekker: Anna Bákker");
        assert_eq!(findings(&plan), [("RP014", Some("a.bakker".to_string()))]);
    }

    /// (code, line, Dutch message, replacement) of every finding when loading `text`.
    fn dutch_findings(text: &str) -> Vec<(&'static str, usize, String, Option<String>)> {
        let loaded = load("x.yaml", text.as_bytes());
        loaded
            .diagnostics
            .iter()
            .map(|d| {
                (
                    d.code,
                    loaded.source.position(d.primary.span.start).line,
                    d.message.nl().to_string(),
                    d.replacement_text().map(String::from),
                )
            })
            .collect()
    }

    /// The line of `needle` in `text`, 1-based.
    fn line_of(text: &str, needle: &str) -> usize {
        text.lines().position(|l| l.contains(needle)).unwrap_or(0) + 1
    }

    #[test]
    fn a_status_written_as_its_dutch_label_becomes_the_formats_word() {
        let plan = MINIMAL.replace("status: in_progress", "status: In uitvoering");
        let line = line_of(&plan, "In uitvoering");
        assert_eq!(
            dutch_findings(&plan),
            [(
                "RP013",
                line,
                "ongeldige waarde `In uitvoering` voor `status` van doel `ggz-1`".to_string(),
                Some("in_progress".to_string())
            )]
        );
    }

    #[test]
    fn omhoog_and_omlaag_become_the_formats_directions() {
        for (dutch, word) in [("omhoog", "increase"), ("omlaag", "decrease")] {
            let plan = MINIMAL.replace("direction: decrease", &format!("direction: {dutch}"));
            let found = dutch_findings(&plan);
            assert_eq!(found.len(), 1, "{found:?}");
            assert_eq!(found[0].1, line_of(&plan, dutch));
            assert_eq!(found[0].3.as_deref(), Some(word));
        }
    }

    #[test]
    fn ja_and_nee_become_true_and_false() {
        for (dutch, word) in [("ja", "true"), ("Nee", "false"), ("onwaar", "false")] {
            let plan = MINIMAL.replace(
                "    kind: algemeen_bestuur\n",
                &format!("    kind: algemeen_bestuur\n    takes_decisions: {dutch}\n"),
            );
            assert_eq!(
                dutch_findings(&plan),
                [(
                    "RP012",
                    line_of(&plan, "takes_decisions"),
                    format!(
                        "`takes_decisions` van bestuursorgaan `ab` moet true of false zijn, \
                         maar is de tekst `{dutch}`"
                    ),
                    Some(word.to_string())
                )]
            );
        }
    }

    #[test]
    fn dutch_dates_become_year_month_day() {
        for (dutch, iso) in [
            ("31-12-2023", "2023-12-31"),
            ("1-3-2023", "2023-03-01"),
            ("31 december 2023", "2023-12-31"),
            ("1 maart 2023", "2023-03-01"),
        ] {
            let plan = MINIMAL.replace("deadline: 2023-12-31", &format!("deadline: {dutch}"));
            assert_eq!(
                dutch_findings(&plan),
                [(
                    "RP014",
                    line_of(&plan, dutch),
                    format!(
                        "`{dutch}` in `deadline` van doel `ggz-1` is een datum met de dag voorop"
                    ),
                    Some(iso.to_string())
                )],
                "{dutch}"
            );
            let fixed = plan.replace(dutch, iso);
            assert!(load("x.yaml", fixed.as_bytes()).diagnostics.is_empty());
        }
    }

    #[test]
    fn dutch_keys_become_the_formats_keys_where_they_are_allowed() {
        for (dutch, key) in [
            ("    goals:", "    doelen:"),
            ("          target: 6", "          streefwaarde: 6"),
            ("    workgroup: wg-ggz", "    werkgroep: wg-ggz"),
            ("themes:", "thema's:"),
        ] {
            let plan = MINIMAL.replace(dutch, key);
            let written = key.trim().split(':').next().unwrap_or_default();
            let meant = dutch.trim().split(':').next().unwrap_or_default();
            let found = dutch_findings(&plan);
            assert_eq!(found.len(), 1, "{written}: {found:?}");
            assert_eq!(found[0].0, "RP010");
            assert_eq!(found[0].1, line_of(&plan, key));
            assert!(
                found[0]
                    .2
                    .starts_with(&format!("onbekend veld `{written}`")),
                "{found:?}"
            );
            assert_eq!(found[0].3.as_deref(), Some(meant));
            // Read as the key it stands for: the rest of the plan is checked as written.
            let loaded = load("x.yaml", plan.as_bytes());
            assert!(loaded.plan.is_some(), "{written}");
        }
        // `streefwaarde` is only `target` where a target belongs.
        let plan = MINIMAL.replace(
            "  started: 2014-01-01\n",
            "  started: 2014-01-01\n  streefwaarde: 3\n",
        );
        let found = dutch_findings(&plan);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].3, None, "{found:?}");
    }

    #[test]
    fn a_yaml_file_without_the_regioplan_key_is_one_finding() {
        let loaded = load(
            ".pre-commit-config.yaml",
            b"# hooks\nrepos:\n  - repo: x\n    rev: v1\n",
        );
        assert!(loaded.not_a_plan);
        let codes: Vec<_> = loaded.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["RP007"]);
        assert_eq!(
            loaded
                .source
                .position(loaded.diagnostics[0].primary.span.start)
                .line,
            2
        );
        // A plan that lost its version line is still a plan.
        let loaded = load("x.yaml", b"region: {name: x}\nperiod: {}\n");
        assert!(!loaded.not_a_plan);
    }

    #[test]
    fn a_broken_file_is_a_plan_when_it_says_so_at_the_top() {
        assert!(is_plan_text("# c\nregioplan: 1\nregion: [\n"));
        assert!(is_plan_text("\"regioplan\" : 1\n"));
        assert!(!is_plan_text(
            "apiVersion: v1\nmetadata: {{ .name }}\n  regioplan: 1\n"
        ));
        let loaded = load("x.yaml", b"regioplan: 1\nregion: [\n");
        assert!(!loaded.not_a_plan);
        assert_eq!(loaded.diagnostics[0].code, "RP002");
        let loaded = load("x.yaml", b"kind: x\nspec: [\n");
        assert!(loaded.not_a_plan);
        assert_eq!(loaded.diagnostics[0].code, "RP002");
    }

    #[test]
    fn a_comment_only_file_is_empty() {
        let loaded = load("x.yaml", b"# nothing yet\n\n");
        assert_eq!(loaded.diagnostics[0].code, "RP004");
    }
}
