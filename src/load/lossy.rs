//! Silent data loss: values that YAML reads differently from what a Dutch author wrote.
//!
//! The schema sees only what YAML made of the text: `620.000` is a valid number (620) and
//! `Wachttijd #1 prioriteit` a valid text (`Wachttijd`). This pass compares the tree with the
//! source text and reports where the two differ in a way that loses data (RP017, RP008). It
//! never changes the tree or the plan: the findings stand beside the structural ones.

use crate::diagnostic::{Applicability, Diagnostic, Fix, Span};
use crate::lang::Plain;
use crate::rules::structure as r;
use crate::tree::{TNode, TValue, Tree};

/// The findings of silent data loss in a plan's tree, read against its source `text`.
#[must_use]
pub fn check(tree: &Tree, text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    walk(&tree.root, "", text, &mut out);
    out
}

fn walk(node: &TNode, key: &str, text: &str, out: &mut Vec<Diagnostic>) {
    match &node.value {
        TValue::Str(value) => out.extend(cut_by_comment(node, key, value, text)),
        TValue::Seq(items) => {
            for item in items {
                walk(item, key, text, out);
            }
        }
        TValue::Map(entries) => {
            whole_figures(entries, text, out);
            for (child_key, _, child) in entries {
                walk(child, child_key, text, out);
            }
        }
        _ => {}
    }
}

/// RP017 on the numbers in a mapping that count whole things: an amount in euro, and the
/// baseline, target and measurements of a goal whose indicator's unit counts whole things.
/// The mapping is read once (this runs on every mapping of the plan).
fn whole_figures(entries: &[(String, Span, TNode)], text: &str, out: &mut Vec<Diagnostic>) {
    let (mut amount, mut yearly, mut indicator, mut measurements) = (None, None, None, None);
    for (key, _, child) in entries {
        let slot = match key.as_str() {
            "amount_eur" => &mut amount,
            "yearly_amount_eur" => &mut yearly,
            "indicator" => &mut indicator,
            "measurements" => &mut measurements,
            _ => continue,
        };
        // A repeated key keeps its first value, as everywhere.
        slot.get_or_insert(child);
    }
    for number in [amount, yearly].into_iter().flatten() {
        out.extend(thousands_separator(number, "euro", text));
    }
    let Some(indicator) = indicator else {
        return;
    };
    let Some(TValue::Str(unit)) = indicator.at("/unit").map(|u| &u.value) else {
        return;
    };
    if !counts_whole_things(unit) {
        return;
    }
    for key in ["/baseline", "/target"] {
        if let Some(number) = indicator.at(key) {
            out.extend(thousands_separator(number, unit, text));
        }
    }
    if let Some(TValue::Seq(items)) = measurements.map(|m| &m.value) {
        for number in items.iter().filter_map(|m| m.at("/value")) {
            out.extend(thousands_separator(number, unit, text));
        }
    }
}

/// Whether an indicator's unit counts whole things (patients, practices, residents, euro, ...),
/// so that a value with three decimals is far more likely a thousands separator. Units of
/// time, shares and scores (`weken`, `%`, `fte`, `rapportcijfer`) are not.
#[must_use]
pub fn counts_whole_things(unit: &str) -> bool {
    const STEMS: &[&str] = &[
        "patiënt",
        "patient",
        "praktijk",
        "practice",
        "inwoner",
        "resident",
        "huisarts",
        "gp",
        "euro",
        "eur",
        "client",
        "cliënt",
        "consult",
        "verwijzing",
        "referral",
        "deelnemer",
        "participant",
        "persoon",
        "personen",
        "people",
        "mensen",
        "medewerker",
        "contact",
        "bezoek",
        "visit",
        "aanmelding",
    ];
    let unit = unit.to_lowercase();
    unit.contains('€')
        || unit
            .split(|c: char| !c.is_alphanumeric())
            .any(|word| STEMS.iter().any(|stem| word.starts_with(stem)))
}

/// RP017: `620.000` where a whole number was written with a Dutch thousands separator.
fn thousands_separator(number: &TNode, unit: &str, text: &str) -> Option<Diagnostic> {
    let TValue::Float(read) = number.value else {
        return None;
    };
    let written = text.get(number.span.start..number.span.end())?;
    let meant = without_thousands_separator(written)?;
    Some(
        Diagnostic::new(
            &r::THOUSANDS_SEPARATOR,
            number.span,
            crate::msg!(
                "`{written}` is read as {read} {unit}, not {meant}: in YAML the dot is a decimal point",
                "`{written}` wordt gelezen als {read} {unit}, niet {meant}: in YAML is de punt een decimale punt",
                written = written,
                read = Plain(read),
                unit = unit,
                meant = Plain(&meant)
            ),
        )
        .label(crate::msg!("read as {read}", "gelezen als {read}", read = Plain(read)))
        .help(crate::msg!(
            "write `{meant}` without a thousands separator (or `{one}` if {read} is meant)",
            "schrijf `{meant}` zonder scheidingsteken voor duizendtallen (of `{one}` als {read} bedoeld is)",
            meant = meant,
            one = Plain(format_args!("{read:.1}")),
            read = Plain(read)
        ))
        .guess(Some(&meant)),
    )
}

/// `620000` for `620.000`: a number with one dot and exactly three digits after it, which a
/// Dutch author writes for thousands.
#[must_use]
pub fn without_thousands_separator(written: &str) -> Option<String> {
    let (sign, digits) = match written.strip_prefix(['-', '+']) {
        Some(rest) => (&written[..1], rest),
        None => ("", written),
    };
    let (whole, decimals) = digits.split_once('.')?;
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (all_digits(whole) && whole.len() <= 3 && decimals.len() == 3 && all_digits(decimals))
        .then(|| format!("{}{whole}{decimals}", sign.trim_start_matches('+')))
}

/// RP008: a plain text followed on its line by a `#` written like running text (one space
/// before it, or none after it), which YAML reads as a comment that cuts the text.
fn cut_by_comment(node: &TNode, key: &str, value: &str, text: &str) -> Option<Diagnostic> {
    let start = node.span.start;
    let first = text.get(start..)?.chars().next()?;
    // Quoted and block texts keep their `#`; ids, dates and choices are not texts.
    if matches!(first, '"' | '\'' | '|' | '>') || looks_like_id(value) {
        return None;
    }
    let rest = text.get(node.span.end()..)?;
    let line = rest.split(['\n', '\r']).next().unwrap_or_default();
    let comment = line.trim_start_matches([' ', '\t']);
    let gap = line.len() - comment.len();
    let after = comment.strip_prefix('#')?;
    if after.trim_start().starts_with("regioplan:") {
        // An inline suppression, not a cut text.
        return None;
    }
    let like_text = gap == 1 || after.chars().next().is_some_and(|c| !c.is_whitespace());
    if gap == 0 || !like_text {
        return None;
    }
    let comment = comment.trim_end();
    let whole = format!("{value}{}{comment}", &line[..gap]);
    let quoted = format!("\"{}\"", whole.replace('\\', "\\\\").replace('"', "\\\""));
    let end = node.span.end() + gap + comment.len();
    Some(
        Diagnostic::new(
            &r::TEXT_CUT_BY_COMMENT,
            Span::new(start, end - start),
            crate::msg!(
                "`{key}` is read as `{value}`: YAML takes `{comment}` for a comment",
                "`{key}` wordt gelezen als `{value}`: YAML neemt `{comment}` voor een opmerking",
                key = key,
                value = value,
                comment = comment
            ),
        )
        .label(crate::msg!(
            "only `{value}` is read",
            "alleen `{value}` wordt gelezen",
            value = value
        ))
        .help(crate::msg!(
            "put the whole text in quotes: `{quoted}`; if it is a comment, write two spaces before `#` and one after",
            "zet de hele tekst tussen aanhalingstekens: `{quoted}`; is het een opmerking, schrijf dan twee spaties voor `#` en één erna",
            quoted = quoted
        ))
        .fix(
            Fix::replace(Applicability::Safe, Span::new(start, end - start), quoted)
                .message(crate::msg!(
                    "put the whole text in double quotes",
                    "zet de hele tekst tussen dubbele aanhalingstekens"
                )),
        ),
    )
}

/// Whether a text has the form of an id, a choice or a date (`ggz`, `in_progress`,
/// `2022-12-31`): a comment after it cuts nothing that was meant as text.
fn looks_like_id(value: &str) -> bool {
    value
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric())
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml::{build_tree, parse};

    fn codes(text: &str) -> Vec<(&'static str, Option<String>)> {
        let tree = build_tree(parse(text).expect("parses"));
        check(&tree, text)
            .into_iter()
            .map(|d| (d.code, d.replacement_text().map(String::from)))
            .collect()
    }

    #[test]
    fn a_dutch_thousands_separator_in_an_amount_is_caught_with_the_meant_value() {
        assert_eq!(
            codes("funding:\n  - amount_eur: 620.000\n"),
            [("RP017", Some("620000".to_string()))]
        );
        assert!(codes("funding:\n  - amount_eur: 620.5\n").is_empty());
        assert!(codes("funding:\n  - amount_eur: 1620.000\n").is_empty());
    }

    #[test]
    fn only_indicators_that_count_whole_things_are_read_for_separators() {
        let goal = |unit: &str| {
            format!(
                "goals:\n  - indicator: {{unit: {unit}, baseline: 4.000, target: 1.5}}\n    measurements:\n      - {{value: 2.250}}\n"
            )
        };
        assert_eq!(codes(&goal("patiënten")).len(), 2);
        assert!(codes(&goal("weken")).is_empty());
        assert!(counts_whole_things("ingeschreven patiënten"));
        assert!(counts_whole_things("€ per patiënt"));
        assert!(!counts_whole_things("%"));
        assert!(!counts_whole_things("fte"));
    }

    #[test]
    fn a_hash_in_running_text_cuts_it_but_a_comment_does_not() {
        assert_eq!(
            codes("title: Wachttijd #1 prioriteit\n"),
            [("RP008", Some("\"Wachttijd #1 prioriteit\"".to_string()))]
        );
        assert_eq!(codes("title: Wachttijd # eerst\n").len(), 1);
        assert!(codes("title: Wachttijd  # een opmerking\n").is_empty());
        assert!(codes("title: \"Wachttijd #1\"\n").is_empty());
        assert!(codes("trekker: a.bakker #nog vragen\n").is_empty());
        assert!(codes("title: C# en Java\n").is_empty());
        assert!(codes("title: Wachttijd # regioplan: ignore[RP304] volgt\n").is_empty());
    }

    #[test]
    fn separators_are_read_as_dutch_authors_write_them() {
        assert_eq!(
            without_thousands_separator("620.000").as_deref(),
            Some("620000")
        );
        assert_eq!(
            without_thousands_separator("-4.000").as_deref(),
            Some("-4000")
        );
        assert_eq!(without_thousands_separator("1.5"), None);
        assert_eq!(without_thousands_separator("12.50"), None);
    }
}
