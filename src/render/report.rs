//! Renders a [`Report`] as a table for a terminal or CI log, Markdown for a pull-request
//! comment, JSON, or CSV for a spreadsheet.
//!
//! The table and Markdown walk the same sections and format cells the same way
//! ([`cell_text_in`], in the report's language, with the numbers of [`super::numbers`]: a
//! decimal comma and `.` between thousands in Dutch; a year as its digits; dates ISO 8601 in
//! both); they differ in layout, in the placeholder for an empty cell and in escaping. The
//! terminal table leaves the title out (the command names it), shows control characters from
//! a plan as visible escapes and, given a width, fits it without splitting a word (stacked
//! records where the columns cannot); Markdown makes the title a level-2 heading. JSON is the
//! model itself. CSV is the report's goal table (section `goals`), one row per goal, with
//! plain values a spreadsheet in the report's language reads as numbers and dates.

use std::collections::HashMap;
use std::io::{self, Write};

pub use super::{on_one_line, visible};

use comfy_table::presets::ASCII_FULL_CONDENSED;
use comfy_table::{
    CellAlignment, Color, ColumnConstraint, ContentArrangement, Table as AsciiTable, Width,
};

use super::numbers;
use crate::report::{Align, Block, Cell, Chart, Column, Lang, Report, Span, Table, Text, Tone};

/// How the terminal table is drawn.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TableOptions {
    /// Colour statuses by tone (only on a terminal, and never with `NO_COLOR`).
    pub color: bool,
    /// The width to fit in (the terminal's, or `COLUMNS`); `None` writes every line whole.
    pub width: Option<u16>,
    /// Start with the title (a command that does not name the report itself asks for it).
    pub title: bool,
}

/// The lead, then each section as a heading and ASCII tables, without colour and at any width.
pub fn table(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    table_with(out, report, TableOptions::default())
}

/// [`table`] with colour and a width as `options` say. At a width, text wraps between words
/// and a table whose columns cannot all keep their longest word whole is shown as stacked
/// records instead: one small two-column table (label, value) per row, so no column is left
/// out and no word is split (only a word wider than the terminal itself still breaks).
pub fn table_with(out: &mut dyn Write, report: &Report, options: TableOptions) -> io::Result<()> {
    let computable = report.computable();
    let report: &Report = &computable;
    let lang = report.lang;
    let line = |text: &str| wrap(&on_one_line(text), options.width);
    if options.title {
        writeln!(out, "{}\n", line(&report.title))?;
    }
    if let Some(lead) = &report.lead {
        writeln!(out, "{}", line(&plain(lead)))?;
    }
    for section in &report.sections {
        writeln!(out, "\n{}", line(&section.heading))?;
        for (i, block) in section.blocks.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            match block {
                Block::Table(t) => writeln!(out, "{}", ascii_table(t, lang, options))?,
                Block::Text(text) => writeln!(out, "{}", line(&plain(text)))?,
                Block::Chart(chart) => {
                    writeln!(out, "{}", line(&chart.title))?;
                    writeln!(out, "{}", ascii_table(&chart_table(chart), lang, options))?;
                }
            }
        }
    }
    Ok(())
}

/// The width of a bar from [`progress_bar`] with its cell padding: a bar that wraps is no bar.
const BAR_WIDTH: usize = 19;

fn ascii_table(t: &Table, lang: Lang, options: TableOptions) -> String {
    let Some(width) = options.width else {
        return grid(t, lang, options.color, None);
    };
    let minimums: Vec<usize> = (0..t.columns.len())
        .map(|i| column_minimum(t, i, lang))
        .collect();
    // Every column at its minimum, and a border before each column and after the last.
    let needed = minimums.iter().sum::<usize>() + t.columns.len() + 1;
    if needed <= usize::from(width) {
        let text = grid(t, lang, options.color, Some((width, &minimums)));
        if text.lines().all(|l| display_width(l) <= usize::from(width)) {
            return text;
        }
    }
    records(t, lang, options.color, width)
}

/// The table as a grid; at a width, wrapped with each column kept at least at its minimum.
fn grid(t: &Table, lang: Lang, color: bool, fit: Option<(u16, &[usize])>) -> String {
    let mut table = AsciiTable::new();
    table.load_style(ASCII_FULL_CONDENSED);
    if color {
        table.enforce_styling();
    }
    table.set_header(t.columns.iter().map(|c| visible(&c.label)));
    for row in &t.rows {
        table.add_row(row.iter().map(|c| terminal_cell(c, lang, color)));
    }
    match fit {
        Some((width, minimums)) => {
            table.set_content_arrangement(ContentArrangement::Dynamic);
            table.set_width(width);
            for (i, minimum) in minimums.iter().enumerate() {
                if let (Some(c), Ok(minimum)) = (table.column_mut(i), u16::try_from(*minimum)) {
                    c.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(minimum)));
                }
            }
        }
        None => {
            table.force_no_tty();
        }
    }
    for (i, column) in t.columns.iter().enumerate() {
        if let Some(c) = table.column_mut(i)
            && column.align == Align::Right
        {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    table.trim_fmt()
}

/// Each row as a two-column table of labels and values, one after the other and all as wide
/// as the widest value needs (at most `width`), so that they read as one list.
fn records(t: &Table, lang: Lang, color: bool, width: u16) -> String {
    let labels: Vec<String> = t.columns.iter().map(|c| visible(&c.label)).collect();
    let texts = || {
        t.rows
            .iter()
            .flatten()
            .map(|cell| terminal_text(cell, lang))
    };
    let widest_value = texts().map(|v| display_width(&v)).max().unwrap_or(0) + 2;
    let longest_value_word = texts().map(|v| longest_word(&v)).max().unwrap_or(0) + 2;
    let widest_label = labels.iter().map(|l| display_width(l)).max().unwrap_or(0) + 2;
    let longest_label_word = labels.iter().map(|l| longest_word(l)).max().unwrap_or(0) + 2;
    // Labels whole where the values keep their longest word; else labels wrap between words.
    let room = usize::from(width).saturating_sub(3);
    let label_width = widest_label
        .min(room.saturating_sub(longest_value_word.max(BAR_WIDTH)))
        .max(longest_label_word);
    let value_width = widest_value
        .max(BAR_WIDTH)
        .min(room.saturating_sub(label_width));
    let fixed = |w: usize| {
        u16::try_from(w).map_or(ColumnConstraint::ContentWidth, |w| {
            ColumnConstraint::Absolute(Width::Fixed(w))
        })
    };
    let mut out = Vec::new();
    for row in &t.rows {
        let mut table = AsciiTable::new();
        table.load_style(ASCII_FULL_CONDENSED);
        table.set_content_arrangement(ContentArrangement::Dynamic);
        table.set_width(width);
        if color {
            table.enforce_styling();
        }
        for (label, cell) in labels.iter().zip(row) {
            table.add_row(vec![
                comfy_table::Cell::new(label),
                terminal_cell(cell, lang, color),
            ]);
        }
        table.set_constraints([fixed(label_width), fixed(value_width)]);
        let text = table.trim_fmt();
        // One rule between two records, not two.
        let text = match text.split_once('\n') {
            Some((_, rest)) if !out.is_empty() => rest.to_string(),
            _ => text,
        };
        out.push(text);
    }
    out.join("\n")
}

/// The narrowest a column can be (with padding) without breaking what it holds: the bar of a
/// progress column, the whole value of a date, number, amount or status, the longest word of
/// text, and the longest word of its label.
fn column_minimum(t: &Table, column: usize, lang: Lang) -> usize {
    let label = t
        .columns
        .get(column)
        .map_or(0, |c| longest_word(&visible(&c.label)));
    let values = t
        .rows
        .iter()
        .filter_map(|row| row.get(column))
        .map(|cell| match cell {
            Cell::Progress { .. } => BAR_WIDTH - 2,
            Cell::Text { .. } | Cell::Link { .. } => longest_word(&terminal_text(cell, lang)),
            _ => display_width(&terminal_text(cell, lang)),
        });
    values.fold(label, usize::max) + 2
}

fn longest_word(text: &str) -> usize {
    text.split_whitespace()
        .map(display_width)
        .max()
        .unwrap_or(0)
}

fn display_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// Text wrapped between words to `width` (a word wider than that keeps its own line).
fn wrap(text: &str, width: Option<u16>) -> String {
    let Some(width) = width.map(usize::from) else {
        return text.to_string();
    };
    let mut out = String::with_capacity(text.len());
    let mut line = 0;
    for word in text.split_whitespace() {
        let w = display_width(word);
        if line > 0 && line + 1 + w > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += w;
    }
    out
}

/// A chart as a table a reader can scan: one row per x value (in order of first appearance),
/// one column per series. Points of a series that has no value at an x stay empty.
#[must_use]
pub fn chart_table(chart: &Chart) -> Table {
    // Rows by x value, found through a key (cells hold floats, so they cannot be hashed), so
    // that a chart of many points is tabled in linear time.
    let key = |cell: &Cell| format!("{cell:?}");
    let mut rows: HashMap<String, usize> = HashMap::new();
    let mut xs: Vec<&Cell> = Vec::new();
    for point in chart.series.iter().flat_map(|s| &s.points) {
        rows.entry(key(&point.x)).or_insert_with(|| {
            xs.push(&point.x);
            xs.len() - 1
        });
    }
    let mut cells: Vec<Vec<Cell>> = xs
        .iter()
        .map(|x| {
            let mut row = Vec::with_capacity(chart.series.len() + 1);
            row.push((*x).clone());
            row.resize(chart.series.len() + 1, Cell::Empty);
            row
        })
        .collect();
    for (i, series) in chart.series.iter().enumerate() {
        // The first point of a series at an x is its value there, as before.
        for point in series.points.iter().rev() {
            if let Some(cell) = rows
                .get(&key(&point.x))
                .and_then(|&r| cells.get_mut(r))
                .and_then(|row| row.get_mut(i + 1))
            {
                *cell = point.y.clone();
            }
        }
    }
    let mut columns = vec![Column::left("x", chart.x_label.clone())];
    columns.extend(
        chart
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| Column::right(format!("series_{i}"), s.label.clone())),
    );
    let mut table = Table::new(columns);
    for row in cells {
        table.push(row);
    }
    table
}

/// A cell for the terminal: a bar for progress, a colour for a status when asked, control
/// characters escaped.
fn terminal_cell(cell: &Cell, lang: Lang, color: bool) -> comfy_table::Cell {
    let out = comfy_table::Cell::new(terminal_text(cell, lang));
    match cell {
        Cell::Status { tone, .. } if color => match tone {
            Tone::Good => out.fg(Color::Green),
            Tone::Warning => out.fg(Color::Yellow),
            Tone::Bad => out.fg(Color::Red),
            Tone::Neutral => out,
        },
        _ => out,
    }
}

/// A cell's text for the terminal: a bar for progress, `-` when empty, control characters
/// escaped.
fn terminal_text(cell: &Cell, lang: Lang) -> String {
    match cell {
        Cell::Progress { value } => progress_bar(*value, lang),
        _ => cell_text_in(cell, lang).map_or_else(|| "-".into(), |t| visible(&t)),
    }
}

/// `[#####-----]  50%`: ten steps, full past 100%, empty below 0%; the number as it is.
fn progress_bar(value: f64, lang: Lang) -> String {
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to 0..=10 first"
    )]
    let filled = (value / 10.0).round().clamp(0.0, 10.0) as usize;
    let number = cell_text_in(&Cell::Progress { value }, lang).unwrap_or_default();
    format!(
        "[{}{}] {number:>4}",
        "#".repeat(filled),
        "-".repeat(10 - filled)
    )
}

/// GitHub-flavoured Markdown: the title as a heading, the lead, and one table per section.
/// Every piece of text from the plan is escaped so that it cannot break out of its cell.
pub fn markdown(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    let computable = report.computable();
    let report: &Report = &computable;
    writeln!(out, "## {}\n", escape(&report.title))?;
    if let Some(lead) = &report.lead {
        writeln!(out, "{}", markdown_text(lead))?;
    }
    for section in &report.sections {
        writeln!(out, "\n### {}", escape(&section.heading))?;
        for block in &section.blocks {
            writeln!(out)?;
            match block {
                Block::Table(t) => markdown_table(out, t, report.lang)?,
                Block::Text(text) => writeln!(out, "{}", markdown_text(text))?,
                Block::Chart(chart) => {
                    writeln!(out, "**{}**\n", escape(&chart.title))?;
                    markdown_table(out, &chart_table(chart), report.lang)?;
                }
            }
        }
    }
    Ok(())
}

fn markdown_table(out: &mut dyn Write, t: &Table, lang: Lang) -> io::Result<()> {
    let header: Vec<String> = t.columns.iter().map(|c| escape(&c.label)).collect();
    writeln!(out, "| {} |", header.join(" | "))?;
    let rule: String = t
        .columns
        .iter()
        .map(|c| match c.align {
            Align::Left => " --- |",
            Align::Right => " ---: |",
        })
        .collect();
    writeln!(out, "|{rule}")?;
    for row in &t.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| cell_text_in(c, lang).map_or_else(|| "—".to_string(), |text| escape(&text)))
            .collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

/// The report as one pretty-printed JSON document (the shape is documented in `report`).
pub fn json(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    let computable = report.computable();
    let report: &Report = &computable;
    serde_json::to_writer_pretty(&mut *out, report)?;
    writeln!(out)
}

/// A cell as text in English, the same in every text format; `None` for an empty cell.
#[must_use]
pub fn cell_text(cell: &Cell) -> Option<String> {
    cell_text_in(cell, Lang::En)
}

/// A cell as text in `lang`, the one text of a cell for every format
/// ([`numbers`]: thousands grouped, a decimal comma and `.` between thousands
/// in Dutch; at most two decimals, one for a percentage); a year as its digits; dates ISO 8601
/// (`2022-12-31`) in both languages. `None` for an empty cell.
#[must_use]
pub fn cell_text_in(cell: &Cell, lang: Lang) -> Option<String> {
    let with_unit = |value: String, unit: &Option<String>| match unit {
        Some(unit) => format!("{value} {unit}"),
        None => value,
    };
    Some(match cell {
        Cell::Text { value } | Cell::Link { text: value, .. } => value.clone(),
        Cell::Count { value, unit } => with_unit(numbers::group(&value.to_string(), lang), unit),
        Cell::Year { value } => value.to_string(),
        Cell::Number { value, unit } => with_unit(numbers::number(*value, 2, lang), unit),
        Cell::Amount { cents } => numbers::amount(*cents, lang),
        Cell::Percent { value } | Cell::Progress { value } => {
            format!("{}%", numbers::number(*value, 1, lang))
        }
        Cell::Date { value } => value.format("%Y-%m-%d").to_string(),
        Cell::Status { label, .. } => label.clone(),
        Cell::Empty => return None,
    })
}

/// The report's goal tables (section `goals`) as CSV: a header of column labels, then one row
/// per goal; the section's tables share their rows and are joined side by side, a column whose
/// id came before (region, goal) kept once. Values are plain: numbers without grouping,
/// amounts in euro, dates `YYYY-MM-DD`, statuses by their label. The separators are those of
/// the office the report's language opens it in: in English commas and a decimal point; in
/// Dutch a semicolon between fields, a decimal comma and a UTF-8 byte-order mark, as Excel
/// with Dutch settings expects (without the mark it reads the file as Windows-1252, and with
/// commas it puts every row in one column). Text from a plan that a spreadsheet would run as a
/// formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`.
/// A report without goals writes nothing.
pub fn csv(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    let computable = report.computable();
    let report: &Report = &computable;
    let tables: Vec<&Table> = report
        .sections
        .iter()
        .filter(|s| s.id == "goals")
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    let Some(first) = tables.first() else {
        return Ok(());
    };
    let rows = first.rows.len();
    let mut picked: Vec<(usize, usize)> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (t, table) in tables.iter().enumerate() {
        if table.rows.len() != rows {
            continue;
        }
        for (c, column) in table.columns.iter().enumerate() {
            if !seen.contains(&column.id.as_str()) {
                seen.push(&column.id);
                picked.push((t, c));
            }
        }
    }
    let delimiter = match report.lang {
        Lang::En => b',',
        Lang::Nl => {
            out.write_all("\u{feff}".as_bytes())?;
            b';'
        }
    };
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(out);
    writer.write_record(
        picked
            .iter()
            .map(|(t, c)| spreadsheet_safe(&tables[*t].columns[*c].label)),
    )?;
    for r in 0..rows {
        writer.write_record(
            picked
                .iter()
                .map(|(t, c)| csv_value(&tables[*t].rows[r][*c], report.lang)),
        )?;
    }
    writer.flush()?;
    Ok(())
}

/// A value as a spreadsheet in `lang` reads it: numbers ungrouped with the language's decimal
/// mark.
fn csv_value(cell: &Cell, lang: Lang) -> String {
    let decimal = |text: String| match lang {
        Lang::En => text,
        Lang::Nl => text.replace('.', &numbers::decimal_mark(lang).to_string()),
    };
    match cell {
        Cell::Text { value } | Cell::Link { text: value, .. } => spreadsheet_safe(value),
        Cell::Status { label, .. } => spreadsheet_safe(label),
        Cell::Count { value, .. } | Cell::Year { value } => value.to_string(),
        Cell::Number { value, .. } => decimal(value.to_string()),
        Cell::Percent { value } | Cell::Progress { value } => {
            decimal(((value * 100.0).round() / 100.0).to_string())
        }
        Cell::Amount { cents } => {
            let sign = if *cents < 0 { "-" } else { "" };
            decimal(format!(
                "{sign}{}.{:02}",
                cents.unsigned_abs() / 100,
                cents.unsigned_abs() % 100
            ))
        }
        Cell::Date { value } => value.format("%Y-%m-%d").to_string(),
        Cell::Empty => String::new(),
    }
}

/// Text that cannot start a formula in a spreadsheet (OWASP's CSV injection advice), also when
/// NUL bytes, spaces or line breaks come before the `=` (spreadsheets skip them).
#[must_use]
pub fn spreadsheet_safe(text: &str) -> String {
    let start = text.trim_start_matches(|c: char| c == '\0' || c.is_whitespace());
    if text.starts_with(['\t', '\r']) || start.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn plain(text: &Text) -> String {
    text.spans
        .iter()
        .map(|span| match span {
            Span::Plain { text } | Span::Code { text } => text.as_str(),
        })
        .collect()
}

fn markdown_text(text: &Text) -> String {
    text.spans
        .iter()
        .map(|span| match span {
            Span::Plain { text } => escape(text),
            Span::Code { text } => code(text),
        })
        .collect()
}

/// Inline code for a file name, revision or id, or escaped text when a backtick or line break
/// would end the code span.
fn code(text: &str) -> String {
    if text.contains(['`', '\n', '\r']) {
        escape(text)
    } else {
        format!("`{text}`")
    }
}

/// Escapes text from a plan for a Markdown table cell or paragraph, so that it cannot inject
/// into a pull-request comment: `|` would end the cell and a line break the row; `\`, `[` and
/// `]` could build an escape or a link; `<` and `>` raw HTML; `&` a character reference that
/// GitHub decodes (`&#64;team`, `&commat;team`); a leading `#` a heading. What GitHub links
/// by itself gets a zero-width space that keeps the text and drops the link: `@name` (a
/// mention), `#123` and `owner/repo#7` (issue references), `http://`, `https://` and `www.`
/// (autolinks). A control or bidirectional character is written as a visible `\u{..}` escape.
#[must_use]
pub fn escape(text: &str) -> String {
    const BREAK: &str = "&#8203;";
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' | '|' | '[' | ']' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '@' => {
                out.push('@');
                out.push_str(BREAK);
            }
            '#' => {
                out.push_str("\\#");
                if chars
                    .peek()
                    .is_some_and(|(_, next)| next.is_ascii_alphanumeric())
                {
                    out.push_str(BREAK);
                }
            }
            ':' if text.get(i..).is_some_and(|rest| rest.starts_with("://")) => {
                out.push_str(BREAK);
                out.push(':');
            }
            '.' if i >= 3
                && text
                    .get(i - 3..i)
                    .is_some_and(|w| w.eq_ignore_ascii_case("www")) =>
            {
                out.push_str(BREAK);
                out.push('.');
            }
            '\r' => {
                chars.next_if(|(_, next)| *next == '\n');
                out.push_str("<br>");
            }
            '\n' => out.push_str("<br>"),
            // A Markdown file is read in terminals too: no escape sequence gets through.
            c if c != '\t' && super::hostile(c) => {
                out.push_str(&visible(&c.to_string()).replace('\\', "\\\\"));
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Section;

    type Renderer = fn(&mut dyn Write, &Report) -> io::Result<()>;

    fn render(renderer: Renderer, report: &Report) -> String {
        let mut out = Vec::new();
        renderer(&mut out, report).expect("render");
        String::from_utf8(out).expect("utf-8")
    }

    fn sample() -> Report {
        let mut t = Table::new(vec![
            Column::left("name", "Name"),
            Column::right("amount", "Amount"),
        ]);
        t.push(vec![Cell::text("a | b"), Cell::euro(1_250_000.0)]);
        t.push(vec![Cell::Empty, Cell::count(3, Some("practices"))]);
        let mut report = Report::new("test", "Title");
        report.lead = Some(Text::default().plain("Between ").code("a.yaml"));
        report.sections.push(Section::table("s", "Section", t));
        report
    }

    #[test]
    fn cells_escape_pipes_and_newlines() {
        assert_eq!(escape("a | b\nc\r\nd\re"), "a \\| b<br>c<br>d<br>e");
    }

    #[test]
    fn plan_text_cannot_inject_html_links_or_mentions() {
        assert_eq!(
            escape("<img src=x> [click](https://x) @board \\|"),
            "&lt;img src=x&gt; \\[click\\](https&#8203;://x) @&#8203;board \\\\\\|"
        );
    }

    #[test]
    fn markdown_shows_control_characters_instead_of_sending_them() {
        assert_eq!(escape("a\u{1b}[2Jb\tc"), "a\\\\u{1b}\\[2Jb\tc");
    }

    #[test]
    fn a_code_span_with_a_backtick_is_escaped_text() {
        assert_eq!(code("a.yaml"), "`a.yaml`");
        assert_eq!(code("a`b|c"), "a`b\\|c");
    }

    #[test]
    fn cells_are_formatted_once_for_every_text_format() {
        assert_eq!(
            cell_text(&Cell::euro(1_250_000.0)).as_deref(),
            Some("€1,250,000")
        );
        assert_eq!(cell_text(&Cell::euro(-12.5)).as_deref(), Some("-€12.50"));
        assert_eq!(
            cell_text(&Cell::number(58.0, Some("%"))).as_deref(),
            Some("58 %")
        );
        assert_eq!(
            cell_text(&Cell::count(1, Some("practice"))).as_deref(),
            Some("1 practice")
        );
        assert_eq!(
            cell_text(&Cell::Percent { value: 95.5 }).as_deref(),
            Some("95.5%")
        );
        assert_eq!(
            cell_text(&Cell::date("2024-01-31")).as_deref(),
            Some("2024-01-31")
        );
        assert_eq!(cell_text(&Cell::Empty), None);
    }

    #[test]
    fn markdown_has_a_heading_a_lead_and_aligned_tables() {
        assert_eq!(
            render(markdown, &sample()),
            "## Title\n\nBetween `a.yaml`\n\n### Section\n\n| Name | Amount |\n| --- | ---: |\n\
             | a \\| b | €1,250,000 |\n| — | 3 practices |\n"
        );
    }

    #[test]
    fn the_table_leaves_the_title_out_and_marks_empty_cells() {
        let text = render(table, &sample());
        assert!(text.starts_with("Between a.yaml\n\nSection\n+"), "{text}");
        assert!(text.contains("| -     | 3 practices |"), "{text}");
        assert!(text.contains("|      Amount |"), "right-aligned: {text}");
    }

    fn at_width(report: &Report, width: u16) -> String {
        let mut out = Vec::new();
        let options = TableOptions {
            width: Some(width),
            ..TableOptions::default()
        };
        table_with(&mut out, report, options).expect("render");
        String::from_utf8(out).expect("utf-8")
    }

    fn wide_report() -> Report {
        let labels = [
            "Theme",
            "Trekker",
            "Board contact",
            "Building blocks",
            "Year",
        ];
        let mut t = Table::new(labels.iter().map(|l| Column::left(*l, *l)).collect());
        t.push(vec![
            Cell::text("Samenwerking 1e-2e-3e lijn"),
            Cell::text("Joost van der Linden"),
            Cell::text("Marloes Dekker"),
            Cell::text("Gemandateerde samenwerkingsafspraken"),
            Cell::year(2021),
        ]);
        let mut report = Report::new("test", "Title");
        report.sections.push(Section::table("s", "Section", t));
        report
    }

    /// In an 80-column terminal the theme table split "The/me", "Tre/kke/r" and "202/1".
    #[test]
    fn a_table_that_fits_keeps_every_word_whole_in_its_columns() {
        let text = at_width(&wide_report(), 80);
        assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
        assert!(text.contains("| Trekker "), "still a grid: {text}");
        for word in [
            "Theme",
            "Trekker",
            "Gemandateerde",
            "samenwerkingsafspraken",
            "2021",
        ] {
            assert!(text.contains(word), "{word} split: {text}");
        }
    }

    #[test]
    fn a_table_too_wide_for_its_words_becomes_stacked_records() {
        let text = at_width(&wide_report(), 50);
        assert!(text.lines().all(|l| l.chars().count() <= 50), "{text}");
        assert!(
            text.contains("| Trekker         | Joost van der Linden "),
            "{text}"
        );
        assert!(text.contains("samenwerkingsafspraken"), "{text}");
        assert_eq!(at_width(&wide_report(), 200), render(table, &wide_report()));
    }

    #[test]
    fn json_is_the_model() {
        let text = render(json, &sample());
        let value: serde_json::Value = serde_json::from_str(&text).expect("json");
        assert_eq!(
            value["sections"][0]["blocks"][0]["rows"][0][1]["cents"],
            125_000_000
        );
    }

    #[test]
    fn dutch_writes_a_decimal_comma_and_groups_euros_with_dots() {
        let nl = |c: &Cell| cell_text_in(c, Lang::Nl);
        assert_eq!(nl(&Cell::euro(1_250_000.0)).as_deref(), Some("€ 1.250.000"));
        assert_eq!(nl(&Cell::euro(12.5)).as_deref(), Some("€ 12,50"));
        assert_eq!(
            nl(&Cell::number(8.5, Some("weken"))).as_deref(),
            Some("8,5 weken")
        );
        assert_eq!(nl(&Cell::Percent { value: 95.5 }).as_deref(), Some("95,5%"));
        assert_eq!(nl(&Cell::date("2022-12-31")).as_deref(), Some("2022-12-31"));
        assert_eq!(nl(&Cell::count(84_000, None)).as_deref(), Some("84.000"));
    }

    #[test]
    fn a_year_is_never_grouped_like_an_amount() {
        for lang in [Lang::En, Lang::Nl] {
            assert_eq!(
                cell_text_in(&Cell::year(2024), lang).as_deref(),
                Some("2024")
            );
        }
        assert_eq!(
            cell_text(&Cell::count(2024, None)).as_deref(),
            Some("2,024")
        );
    }

    #[test]
    fn progress_is_a_bar_of_ten_steps_clamped_at_both_ends() {
        assert_eq!(progress_bar(50.0, Lang::En), "[#####-----]  50%");
        assert_eq!(progress_bar(150.0, Lang::En), "[##########] 150%");
        assert_eq!(progress_bar(-20.0, Lang::En), "[----------] -20%");
    }

    #[test]
    fn terminal_control_characters_are_shown_not_sent() {
        assert_eq!(visible("a\u{1b}[31mred\u{7}"), "a\\u{1b}[31mred\\u{7}");
        assert_eq!(visible("x\ry\u{9b}z"), "x\\u{d}y\\u{9b}z");
        assert_eq!(visible("left\u{202e}right"), "left\\u{202e}right");
        assert_eq!(visible("two\nlines"), "two\nlines");
        let mut report = sample();
        report.sections[0].heading = "\u{1b}]0;pwned\u{7}".into();
        if let Block::Table(t) = &mut report.sections[0].blocks[0] {
            t.rows[0][0] = Cell::text("\u{1b}[2J\u{1b}[31mwiped");
        }
        let text = render(table, &report);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text:?}"
        );
        assert!(text.contains("\\u{1b}[2J"), "{text}");
    }

    #[test]
    fn colour_is_only_added_when_asked() {
        let mut report = sample();
        if let Block::Table(t) = &mut report.sections[0].blocks[0] {
            t.rows[0][0] = Cell::status("at_risk", Tone::Warning);
        }
        let plain_text = render(table, &report);
        assert!(!plain_text.contains('\u{1b}'), "{plain_text:?}");
        let mut out = Vec::new();
        let options = TableOptions {
            color: true,
            ..TableOptions::default()
        };
        table_with(&mut out, &report, options).expect("render");
        assert!(String::from_utf8(out).expect("utf-8").contains('\u{1b}'));
    }

    fn goals_report(title: &str) -> Report {
        let mut t = Table::new(vec![
            Column::left("title", "Title"),
            Column::right("days", "Days"),
            Column::right("amount", "Amount"),
        ]);
        t.push(vec![
            Cell::text(title),
            Cell::number(-30.0, Some("days")),
            Cell::euro(-12.5),
        ]);
        let mut report = Report::new("plan", "Plan");
        report.sections.push(Section::table("goals", "Goals", t));
        report
    }

    #[test]
    fn csv_is_the_goal_table_with_plain_values() {
        assert_eq!(
            render(csv, &goals_report("a, \"b\"\nc")),
            "Title,Days,Amount\n\"a, \"\"b\"\"\nc\",-30,-12.50\n"
        );
        assert_eq!(render(csv, &sample()), "", "no goal table, no rows");
    }

    #[test]
    fn dutch_csv_has_semicolons_decimal_commas_and_a_byte_order_mark() {
        let mut report = goals_report("a; b, c");
        report.lang = Lang::Nl;
        if let Block::Table(t) = &mut report.sections[0].blocks[0] {
            t.rows[0][1] = Cell::number(8.5, Some("weken"));
        }
        assert_eq!(
            render(csv, &report),
            "\u{feff}Title;Days;Amount\n\"a; b, c\";8,5;-12,50\n"
        );
        assert!(!render(csv, &goals_report("x")).starts_with('\u{feff}'));
    }

    #[test]
    fn csv_text_cannot_start_a_formula() {
        for hostile in [
            "=HYPERLINK(\"http://x\")",
            "+1+cmd|' /C calc'!A0",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            let text = render(csv, &goals_report(hostile));
            let row = text.lines().nth(1).expect("a row");
            let first = row.trim_start_matches('"');
            assert!(first.starts_with('\''), "{hostile:?} -> {text:?}");
        }
        assert_eq!(spreadsheet_safe("GGZ"), "GGZ");
    }

    #[test]
    fn markdown_neutralises_hostile_plan_text_in_every_cell() {
        let report = goals_report("<img src=x onerror=alert(1)> | [x](javascript:y) @here\n# h");
        let text = render(markdown, &report);
        assert!(
            text.contains(
                "&lt;img src=x onerror=alert(1)&gt; \\| \\[x\\](javascript:y) @&#8203;here<br>\\# h"
            ),
            "{text}"
        );
        assert_eq!(
            text.lines().filter(|l| l.starts_with('|')).count(),
            3,
            "{text}"
        );
    }
}
