//! Human output: rustc-style snippets with the node underlined, and a summary line.

use std::io::{self, Write};
use std::time::Duration;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::Summary;
use crate::diagnostic::FileResult;
use crate::diagnostic::Span;
use crate::diagnostic::{Diagnostic, Severity, SourceFile};
use crate::lang::{Count, Label, Lang, Noun};
use crate::msg;

/// Writes every diagnostic of every file, then the summary line (with the time, if given, and
/// the files skipped because they are not a regioplan).
pub fn write(
    out: &mut dyn Write,
    results: &[FileResult],
    skipped: &[String],
    color: bool,
    elapsed: Option<Duration>,
    lang: Lang,
) -> io::Result<()> {
    write_diagnostics(out, results, color, lang)?;
    writeln!(
        out,
        "{}",
        summary_line(&Summary::of(results), elapsed, skipped, lang)
    )?;
    if let Some(line) = fixable_line(results, lang) {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

const FINDING: Noun = Noun {
    en: ["finding", "findings"],
    nl: ["bevinding", "bevindingen"],
};
const FILE: Noun = Noun {
    en: ["file", "files"],
    nl: ["bestand", "bestanden"],
};
const ERROR: Noun = Noun {
    en: ["error", "errors"],
    nl: ["fout", "fouten"],
};
const WARNING: Noun = Noun {
    en: ["warning", "warnings"],
    nl: ["waarschuwing", "waarschuwingen"],
};

/// `2 findings can be fixed with `regioplan check --fix` (1 more with `--unsafe-fixes`); `--diff` shows
/// the changes first.`, when any finding has a repair (a suppression is not counted).
#[must_use]
pub fn fixable_line(results: &[FileResult], lang: Lang) -> Option<String> {
    use crate::diagnostic::Applicability;
    let repair = |d: &Diagnostic| {
        d.fixes
            .iter()
            .find(|f| !f.suppression)
            .map(|f| f.applicability)
    };
    let count = |wanted: Applicability| {
        results
            .iter()
            .flat_map(|r| &r.diagnostics)
            .filter(|d| repair(d) == Some(wanted))
            .count()
    };
    let (safe, unsafe_) = (count(Applicability::Safe), count(Applicability::Unsafe));
    // The Dutch verb agrees with the number of findings that opens the sentence.
    let can = |n: usize| Label {
        en: "can",
        nl: if n == 1 { "kan" } else { "kunnen" },
    };
    let line = match (safe, unsafe_) {
        (0, 0) => return None,
        (0, n) => msg!(
            "{n} {can} be fixed with `regioplan check --fix --unsafe-fixes` (a guess: `--diff` shows the changes first).",
            "{n} {can} worden hersteld met `regioplan check --fix --unsafe-fixes` (een gok: `--diff` toont eerst de wijzigingen).",
            n = Count(n, FINDING),
            can = can(n)
        ),
        (n, 0) => msg!(
            "{n} {can} be fixed with `regioplan check --fix` (`--diff` shows the changes first).",
            "{n} {can} worden hersteld met `regioplan check --fix` (`--diff` toont eerst de wijzigingen).",
            n = Count(n, FINDING),
            can = can(n)
        ),
        (n, m) => msg!(
            "{n} {can} be fixed with `regioplan check --fix`, {m} more with `--unsafe-fixes` (a guess: `--diff` shows the changes first).",
            "{n} {can} worden hersteld met `regioplan check --fix`, nog {m} met `--unsafe-fixes` (een gok: `--diff` toont eerst de wijzigingen).",
            n = Count(n, FINDING),
            can = can(n),
            m = m
        ),
    };
    Some(line.get(lang).to_string())
}

/// Writes every diagnostic of every file, without a summary.
pub fn write_diagnostics(
    out: &mut dyn Write,
    results: &[FileResult],
    color: bool,
    lang: Lang,
) -> io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for result in results {
        for diagnostic in &result.diagnostics {
            let quotes = quotes(&result.source, diagnostic, lang);
            let report = report(&result.source, diagnostic, &quotes, lang);
            writeln!(out, "{}\n", renderer.render(&report))?;
        }
    }
    Ok(())
}

/// `Checked 3 files in 12 ms: 2 errors, 1 warning.` or `...: no problems found.`, followed by
/// `Skipped 1 file that is not a regioplan: .pre-commit-config.yaml.` when files were skipped.
#[must_use]
pub fn summary_line(
    summary: &Summary,
    elapsed: Option<Duration>,
    skipped: &[String],
    lang: Lang,
) -> String {
    let files = Count(summary.files, FILE);
    let time = elapsed.map(|e| {
        msg!(
            " in {ms} ms",
            " in {ms} ms",
            ms = u64::try_from(e.as_millis()).unwrap_or(u64::MAX)
        )
    });
    let checked = if summary.errors == 0 && summary.warnings == 0 {
        msg!(
            "Checked {files}{time}: no problems found.",
            "{files} gecontroleerd{time}: geen problemen gevonden.",
            files = files,
            time = time
        )
    } else {
        msg!(
            "Checked {files}{time}: {errors}, {warnings}.",
            "{files} gecontroleerd{time}: {errors}, {warnings}.",
            files = files,
            time = time,
            errors = Count(summary.errors, ERROR),
            warnings = Count(summary.warnings, WARNING)
        )
    };
    if skipped.is_empty() {
        checked.get(lang).to_string()
    } else {
        format!("{} {}", checked.get(lang), skipped_line(skipped, lang))
    }
}

/// `Skipped 2 files that are not a regioplan: a.yaml, b.yml.`, naming at most five.
#[must_use]
pub fn skipped_line(skipped: &[String], lang: Lang) -> String {
    const SHOWN: usize = 5;
    let names = skipped
        .iter()
        .take(SHOWN)
        .map(|name| super::on_one_line(name))
        .collect::<Vec<_>>()
        .join(", ");
    let rest = skipped.len().saturating_sub(SHOWN);
    let more = (rest > 0).then(|| msg!(" and {rest} more", " en nog {rest}", rest = rest));
    let line = if skipped.len() == 1 {
        msg!(
            "Skipped 1 file that is not a regioplan: {names}{more}.",
            "1 bestand overgeslagen dat geen regioplan is: {names}{more}.",
            names = names,
            more = more
        )
    } else {
        msg!(
            "Skipped {n} files that are not a regioplan: {names}{more}.",
            "{n} bestanden overgeslagen die geen regioplan zijn: {names}{more}.",
            n = skipped.len(),
            names = names,
            more = more
        )
    };
    line.get(lang).to_string()
}

/// `error` and `warning`; `fout` and `waarschuwing`.
#[must_use]
pub fn severity_word(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Error, Lang::En) => "error",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Error, Lang::Nl) => "fout",
        (Severity::Warning, Lang::Nl) => "waarschuwing",
    }
}

fn report<'a>(
    source: &'a SourceFile,
    d: &'a Diagnostic,
    quotes: &'a [Quote<'a>],
    lang: Lang,
) -> Vec<Group<'a>> {
    let level = match d.severity {
        Severity::Error => Level::ERROR.with_name(severity_word(Severity::Error, lang)),
        Severity::Warning => Level::WARNING.with_name(severity_word(Severity::Warning, lang)),
    };
    let path = shown(&source.name, super::on_one_line);
    let mut group = Group::with_title(
        level
            .primary_title(shown(d.message.get(lang), super::on_one_line))
            .id(d.code),
    );
    for quote in quotes {
        let mut snippet = Snippet::source(quote.text.as_str())
            .path(path.clone())
            .line_start(quote.first_line)
            .fold(true);
        for mark in &quote.marks {
            let kind = if mark.primary {
                AnnotationKind::Primary
            } else {
                AnnotationKind::Context
            };
            snippet = snippet.annotation(kind.span(mark.range.clone()).label(mark.label.clone()));
        }
        group = group.element(snippet);
    }
    if let Some(help) = &d.help {
        group = group.element(
            Level::HELP
                .with_name(super::help_word(lang))
                .message(shown(help.get(lang), super::on_one_line)),
        );
    }
    vec![group]
}

/// Marks at most this many lines apart are quoted in one snippet, the lines between folded into
/// `...`; marks further apart are quoted in snippets of their own (`::: file:line:column`), so
/// that the text handed to the snippet renderer is bounded by what it shows, not by the distance
/// between the marks (a finding on line 90,000 that points back at line 12).
const NEAR: usize = 500;

/// The lines one finding quotes, handed to the snippet renderer instead of the whole file: its
/// cost is then proportional to what is shown, not to the size of the file (a large file with
/// many findings took minutes). Lines inside the window that are not shown (folded into `...`)
/// are left empty.
///
/// Control characters in the quoted lines: annotate-snippets itself shows C0 controls, DEL and
/// the bidirectional overrides as one-column control pictures (`␛`, `␍`, `␡`, `�`); this also
/// replaces what it lets through (C1 controls such as the 8-bit CSI `\u{9b}`, and the
/// direction marks) by `U+FFFD` `�`, one column wide, so carets stay under the right characters
/// and no escape sequence from a plan reaches the terminal.
#[derive(Debug)]
struct Quote<'a> {
    text: String,
    /// The 1-based line number of the first line of `text`.
    first_line: usize,
    marks: Vec<Mark<'a>>,
}

/// One annotation, with its byte range in the quote's text.
#[derive(Debug)]
struct Mark<'a> {
    range: std::ops::Range<usize>,
    label: std::borrow::Cow<'a, str>,
    primary: bool,
}

/// The quotes of a finding: the cluster of marks around the primary span first, then any
/// cluster further away, in the order of the file.
fn quotes<'a>(source: &SourceFile, d: &'a Diagnostic, lang: Lang) -> Vec<Quote<'a>> {
    struct Found<'a> {
        range: std::ops::Range<usize>,
        first: usize,
        last: usize,
        label: std::borrow::Cow<'a, str>,
        primary: bool,
    }
    let found = |span: Span, message: &'a str, primary: bool| {
        let range = visible(source, span);
        Found {
            first: source.position(range.start).line,
            // The line of the last character underlined (the end is exclusive).
            last: source
                .position(range.end.saturating_sub(1).max(range.start))
                .line,
            range,
            label: shown(message, super::on_one_line),
            primary,
        }
    };
    let mut marks = vec![found(d.primary.span, d.primary.message.get(lang), true)];
    marks.extend(
        d.secondary
            .iter()
            .map(|label| found(label.span, label.message.get(lang), false)),
    );
    marks.sort_by_key(|m| (m.first, m.range.start));
    let mut clusters: Vec<Vec<Found<'a>>> = Vec::new();
    for mark in marks {
        match clusters.last_mut() {
            Some(cluster)
                if cluster
                    .iter()
                    .map(|m| m.last)
                    .max()
                    .is_some_and(|last| mark.first <= last + NEAR) =>
            {
                cluster.push(mark);
            }
            _ => clusters.push(vec![mark]),
        }
    }
    clusters.sort_by_key(|c| !c.iter().any(|m| m.primary));
    let text = source.text.as_str();
    clusters
        .into_iter()
        .map(|cluster| {
            let first = cluster.iter().map(|m| m.first).min().unwrap_or(1);
            let last = cluster.iter().map(|m| m.last).max().unwrap_or(first);
            // A line is quoted when a mark touches it or its neighbour (annotate-snippets shows
            // the one line between two marks rather than `...`).
            let shown_line = |line: usize| {
                cluster
                    .iter()
                    .any(|m| m.first.saturating_sub(1) <= line && line <= m.last + 1)
            };
            let start = cluster.iter().map(|m| m.range.start).min().map_or(0, |at| {
                text.get(..at)
                    .and_then(|t| t.rfind('\n'))
                    .map_or(0, |i| i + 1)
            });
            let mut window = Window::default();
            let mut offset = start;
            let ranges: Vec<std::ops::Range<usize>> =
                cluster.iter().map(|m| m.range.clone()).collect();
            for line in first..=last {
                offset = window.push(text, offset, shown_line(line).then_some(&ranges[..]));
            }
            Quote {
                first_line: first,
                marks: cluster
                    .into_iter()
                    .map(|m| Mark {
                        range: window.map(text, m.range.start)..window.map(text, m.range.end),
                        label: m.label,
                        primary: m.primary,
                    })
                    .collect(),
                text: window.text,
            }
        })
        .collect()
}

/// A line longer than this is not quoted whole: only the parts around its marks are (with
/// [`AROUND`] bytes either side, `…` for what is left out), so that a finding on a one-line
/// plan of 260 KB costs its own span, not the line.
const LONG_LINE: usize = 1000;

/// The context kept either side of a mark on a long line.
const AROUND: usize = 60;

/// The text of a quote being built, and where each of its pieces came from.
#[derive(Default)]
struct Window {
    text: String,
    /// Per piece of a line (one per line, several on a long line): its start and end in the
    /// file, its start in `text`, and whether it ends where the line's content ends.
    pieces: Vec<(usize, usize, usize, bool)>,
}

impl Window {
    /// Adds the line starting at `offset` and returns where the next line starts. A line that
    /// is shown (`marks` holds the file ranges of the quote's marks) is copied, a long one only
    /// around the marks on it; a line that is not shown is left empty.
    fn push(
        &mut self,
        text: &str,
        offset: usize,
        marks: Option<&[std::ops::Range<usize>]>,
    ) -> usize {
        let rest = text.get(offset..).unwrap_or("");
        let (end, next) = rest
            .find('\n')
            .map_or((text.len(), text.len()), |i| (offset + i, offset + i + 1));
        let content_end = if text.get(offset..end).is_some_and(|l| l.ends_with('\r')) {
            end - 1
        } else {
            end
        };
        let Some(marks) = marks else {
            self.pieces
                .push((offset, content_end, self.text.len(), true));
            self.text.push('\n');
            return next;
        };
        for (from, to) in pieces(text, offset, content_end, marks) {
            if from > offset {
                self.text.push('…');
            }
            self.pieces
                .push((from, to, self.text.len(), to == content_end));
            for c in text.get(from..to).unwrap_or("").chars() {
                self.text.push(if hostile(c) { '\u{fffd}' } else { c });
            }
            if to < content_end {
                self.text.push('…');
            }
        }
        self.text.push('\n');
        next
    }

    /// Where a byte offset of the file lands in the window's text.
    fn map(&self, text: &str, offset: usize) -> usize {
        let index = self
            .pieces
            .partition_point(|&(start, _, _, _)| start <= offset)
            .saturating_sub(1);
        let Some(&(start, end, at, line_end)) = self.pieces.get(index) else {
            return 0;
        };
        let within = text.get(start..offset.min(end)).unwrap_or("");
        let width: usize = within
            .chars()
            .map(|c| {
                if hostile(c) {
                    '\u{fffd}'.len_utf8()
                } else {
                    c.len_utf8()
                }
            })
            .sum();
        // Past the line's content: at most its line break.
        let past = usize::from(offset > end && line_end);
        (at + width + past).min(self.text.len())
    }
}

/// The parts of the line `start..end` to quote: all of it when it is short, else the parts
/// around the marks on it (merged where they overlap), or its beginning when none is on it.
fn pieces(
    text: &str,
    start: usize,
    end: usize,
    marks: &[std::ops::Range<usize>],
) -> Vec<(usize, usize)> {
    if end.saturating_sub(start) <= LONG_LINE {
        return vec![(start, end)];
    }
    let back = |mut at: usize| {
        while at > start && !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let forward = |mut at: usize| {
        while at < end && !text.is_char_boundary(at) {
            at += 1;
        }
        at.min(end)
    };
    let mut around: Vec<(usize, usize)> = marks
        .iter()
        .filter(|m| m.start <= end && m.end >= start)
        .map(|m| {
            (
                back(m.start.max(start).saturating_sub(AROUND).max(start)),
                forward(m.end.min(end).saturating_add(AROUND).min(end)),
            )
        })
        .collect();
    if around.is_empty() {
        around.push((start, forward(start.saturating_add(2 * AROUND).min(end))));
    }
    around.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(around.len());
    for (from, to) in around {
        match merged.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => merged.push((from, to)),
        }
    }
    merged
}

/// A character annotate-snippets would pass to the terminal as it is but should not: the C1
/// controls and the direction marks.
fn hostile(c: char) -> bool {
    matches!(c, '\u{80}'..='\u{9f}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
}

/// `text` as it is, or made safe by `escape` when it holds a control character or a line break
/// (a file name or a plan's text in a message must not drive the terminal).
fn shown(text: &str, escape: fn(&str) -> String) -> std::borrow::Cow<'_, str> {
    if text
        .chars()
        .any(|c| c.is_control() || ('\u{200e}'..='\u{2069}').contains(&c))
    {
        std::borrow::Cow::Owned(escape(text))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// A byte range to underline: on character boundaries, and at least the token at an empty span.
#[must_use]
pub fn visible(source: &SourceFile, span: Span) -> std::ops::Range<usize> {
    let text = source.text.as_str();
    let start = source.clamp(span.start);
    let mut end = source.clamp(span.end()).max(start);
    if end == start {
        end = text
            .get(start..)
            .and_then(|rest| {
                rest.find(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | ']' | '}'))
            })
            .map_or(text.len(), |i| start + i);
        if end == start {
            end = text
                .get(start..)
                .and_then(|r| r.chars().next())
                .map_or(start, |c| start + c.len_utf8());
        }
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_name_or_message_cannot_drive_the_terminal() {
        let result = FileResult {
            source: SourceFile::new("a\u{1b}[2J\nb.yaml", "trekker: x\n".into()),
            diagnostics: vec![Diagnostic::new(
                &crate::rules::references::UNKNOWN_PERSON,
                Span::new(9, 1),
                crate::msg!("unknown person `x\u{7}`", "unknown person `x\u{7}`"),
            )],
        };
        let mut out = Vec::new();
        write_diagnostics(&mut out, &[result], false, Lang::En).expect("writes");
        let text = String::from_utf8(out).expect("UTF-8");
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
        assert!(text.contains("a\\u{1b}[2J\\nb.yaml:1:10"), "{text}");
        assert!(text.contains("unknown person `x\\u{7}`"), "{text}");
    }

    /// The snippet renderer is handed the lines a finding shows, not the whole file: rendering
    /// 100,000 findings of a 1 MB file took minutes when every finding passed the whole text.
    #[test]
    fn a_finding_hands_only_its_own_lines_to_the_snippet_renderer() {
        let text = (1..=20_000).fold(String::new(), |mut text, i| {
            use std::fmt::Write as _;
            let _ = writeln!(text, "key{i}: {i}");
            text
        });
        let line_start =
            |line: usize| -> usize { text.lines().take(line - 1).map(|l| l.len() + 1).sum() };
        let mut d = Diagnostic::new(
            &crate::rules::references::UNKNOWN_PERSON,
            Span::new(line_start(15_000), 8),
            crate::msg!("duplicate", "duplicate"),
        );
        d.secondary.push(crate::diagnostic::Label {
            span: Span::new(line_start(3), 4),
            message: crate::msg!("first defined here", "first defined here"),
        });
        d.secondary.push(crate::diagnostic::Label {
            span: Span::new(line_start(15_040), 4),
            message: crate::msg!("near", "near"),
        });
        let source = SourceFile::new("big.yaml", text.clone());
        let quotes = quotes(&source, &d, Lang::En);
        let handed: usize = quotes.iter().map(|q| q.text.len()).sum();
        assert!(handed < 200, "{handed} bytes of a {} byte file", text.len());
        let mut out = Vec::new();
        let result = FileResult {
            source,
            diagnostics: vec![d],
        };
        write_diagnostics(&mut out, &[result], false, Lang::En).expect("writes");
        let shown = String::from_utf8(out).expect("UTF-8");
        assert!(shown.contains("--> big.yaml:15000:1"), "{shown}");
        assert!(shown.contains("15000 | key15000: 15000"), "{shown}");
        assert!(shown.contains("15040 | key15040: 15040"), "{shown}");
        assert!(shown.contains("::: big.yaml:3:1"), "{shown}");
        assert!(shown.contains("3 | key3: 3"), "{shown}");
    }

    #[test]
    fn a_finding_on_one_long_line_hands_only_the_parts_around_its_marks() {
        // A one-line plan: the first definition near the start, the duplicate 150 KB on, a
        // multi-byte character just before it.
        let mut text = String::from("{ids: [first, ");
        text.push_str(&"x, ".repeat(50_000));
        text.push_str("é first, ");
        text.push_str(&"y, ".repeat(20_000));
        text.push_str("]}\n");
        let first = text.find("first").expect("first");
        let again = text.rfind("first").expect("again");
        let mut d = Diagnostic::new(
            &crate::rules::references::DUPLICATE_ID,
            Span::new(again, 5),
            crate::msg!("duplicate", "duplicate"),
        );
        d.secondary.push(crate::diagnostic::Label {
            span: Span::new(first, 5),
            message: crate::msg!("first defined here", "first defined here"),
        });
        let source = SourceFile::new("long.yaml", text.clone());
        let quotes = quotes(&source, &d, Lang::En);
        let handed: usize = quotes.iter().map(|q| q.text.len()).sum();
        assert!(
            handed < 1_000,
            "{handed} bytes of a {} byte line",
            text.len()
        );
        // The marks still point at their words in what is handed over.
        for quote in &quotes {
            for mark in &quote.marks {
                assert_eq!(
                    quote.text.get(mark.range.clone()),
                    Some("first"),
                    "{quote:?}"
                );
            }
        }
        let mut out = Vec::new();
        let result = FileResult {
            source,
            diagnostics: vec![d],
        };
        write_diagnostics(&mut out, &[result], false, Lang::En).expect("writes");
        let shown = String::from_utf8(out).expect("UTF-8");
        assert!(shown.contains("first defined here"), "{shown}");
        assert!(shown.len() < 2_000, "{shown}");
    }

    /// A quoted plan line with an escape sequence, an 8-bit CSI or a carriage return reaches the
    /// terminal as visible one-column symbols, with the caret still under the right character.
    #[test]
    fn quoted_source_lines_cannot_drive_the_terminal() {
        let line = "naam: \u{1b}[2J\u{9b}31m\r\u{202e}x trekker\n";
        let at = line.find("trekker").expect("token");
        let result = FileResult {
            source: SourceFile::new("a.yaml", line.to_string()),
            diagnostics: vec![Diagnostic::new(
                &crate::rules::references::UNKNOWN_PERSON,
                Span::new(at, 7),
                crate::msg!("unknown person", "unknown person"),
            )],
        };
        let mut out = Vec::new();
        write_diagnostics(&mut out, &[result], false, Lang::En).expect("writes");
        let text = String::from_utf8(out).expect("UTF-8");
        assert!(
            !text.contains(['\u{1b}', '\u{9b}', '\r', '\u{202e}']),
            "{text:?}"
        );
        let quoted = text
            .lines()
            .find(|l| l.starts_with("1 |"))
            .expect("the quoted line");
        assert_eq!(
            quoted,
            "1 | naam: \u{241b}[2J\u{fffd}31m\u{240d}\u{fffd}x trekker"
        );
        let carets = text.lines().find(|l| l.contains('^')).expect("carets");
        let column = |l: &str, needle: &str| l.find(needle).map(|b| l[..b].chars().count());
        assert_eq!(
            column(carets, "^^^^^^^"),
            column(quoted, "trekker"),
            "{text}"
        );
    }

    #[test]
    fn an_empty_span_underlines_the_token_it_starts() {
        let source = SourceFile::new("x", "region:\n  name: x\n".to_string());
        assert_eq!(visible(&source, Span::new(10, 0)), 10..14);
        assert_eq!(visible(&source, Span::new(99, 0)), 18..18);
    }

    #[test]
    fn skipped_files_are_named_at_most_five() {
        let names: Vec<String> = (1..=7).map(|i| format!("f{i}.yaml")).collect();
        assert_eq!(
            skipped_line(&names[..1], Lang::En),
            "Skipped 1 file that is not a regioplan: f1.yaml."
        );
        assert_eq!(
            skipped_line(&names, Lang::En),
            "Skipped 7 files that are not a regioplan: f1.yaml, f2.yaml, f3.yaml, f4.yaml, \
             f5.yaml and 2 more."
        );
    }

    #[test]
    fn summary_counts_use_singular_and_plural() {
        let s = Summary {
            files: 1,
            errors: 2,
            warnings: 1,
        };
        assert_eq!(
            summary_line(&s, None, &[], Lang::En),
            "Checked 1 file: 2 errors, 1 warning."
        );
        let clean = Summary {
            files: 3,
            errors: 0,
            warnings: 0,
        };
        let took = Some(Duration::from_millis(12));
        assert_eq!(
            summary_line(&clean, took, &[], Lang::En),
            "Checked 3 files in 12 ms: no problems found."
        );
    }
}
