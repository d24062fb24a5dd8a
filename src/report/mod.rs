//! The format-neutral report model: what a report says, not how it looks.
//!
//! An analysis builds a [`Report`] once: a title, a lead, and [`Section`]s of [`Block`]s
//! (tables, text, chart data). Every renderer in `render` walks the same model, so a table in
//! a terminal, a Markdown comment and a JSON document never disagree. Cells are typed
//! ([`Cell`]): counts, amounts, percentages and dates stay numbers and dates here, so CSV and
//! JSON keep real values and each renderer formats them its own way.
//!
//! Labels (titles, headings, column labels, units) are plain strings chosen by the builder in
//! the report's [`Lang`], from the one table of translations in [`labels`]; renderers format
//! numbers to match the language. `schemas/report.schema.json` is [`schema`], generated from
//! these types. This module must not import `render`, `commands`, `cli`,
//! `config`, `check`, `load` or `rules`, and it never prints.
//!
//! # JSON shape
//! The serde form of these types is the stable JSON of every report (`--format json`):
//!
//! ```json
//! {"kind": "diff", "title": "Plan changes",
//!  "meta": [{"id": "old", "label": "Old", "value": {"type": "text", "value": "a.yaml"}}],
//!  "lead": {"spans": [{"type": "plain", "text": "Changes between "}, {"type": "code", "text": "a.yaml"}]},
//!  "sections": [{"id": "themes", "heading": "Themes", "blocks": [
//!    {"type": "table", "columns": [{"id": "theme", "label": "Theme", "align": "left"}],
//!     "rows": [[{"type": "text", "value": "ggz"}]]}]}]}
//! ```
//!
//! Cells are objects tagged by `type`: `text` (`value`), `count` (`value`, `unit`), `number`
//! (`value`, `unit`), `amount` (`cents`, euro cents), `percent` (`value`, 0-100), `date`
//! (`value`, `YYYY-MM-DD`), `status` (`value`, `label`, `tone`), `link` (`text`, `section`: the
//! id of the section it points to) and `empty`.

pub mod labels;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

/// The `$id` of the published report schema.
pub const SCHEMA_ID: &str = "https://regioplan.example/schemas/report.schema.json";

/// The JSON Schema of every report's JSON (`--format json`), generated from these types;
/// committed as `schemas/report.schema.json`, and a test fails when that is stale.
#[must_use]
pub fn schema() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let mut value = generator.into_root_schema_for::<Report>().to_value();
    if let serde_json::Value::Object(map) = &mut value {
        map.insert("$id".into(), SCHEMA_ID.into());
    }
    value
}

/// [`schema`] pretty-printed with a trailing newline, as committed.
#[must_use]
pub fn schema_text() -> String {
    let mut text = serde_json::to_string_pretty(&schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// A whole report: what a renderer turns into one document.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(title = "regioplan report")]
pub struct Report {
    /// What kind of report this is, e.g. `diff`; stable, for programs reading the JSON.
    pub kind: String,
    /// The language of the labels; renderers format dates and numbers to match.
    pub lang: Lang,
    /// The title, e.g. `Plan changes`.
    pub title: String,
    /// Facts about the report as a whole, e.g. the two versions a diff compares.
    pub meta: Vec<Meta>,
    /// A sentence or two under the title that sums the report up.
    pub lead: Option<Text>,
    /// The sections, in reading order. Empty sections are left out by the builder.
    pub sections: Vec<Section>,
}

impl Report {
    /// The report with every number that is none (`NaN`, infinity: extreme figures in a plan)
    /// as [`Cell::not_computable`] in the report's language, so that no renderer writes `NaN`,
    /// `inf` or a JSON `null` where the schema promises a number. Every renderer of the report
    /// model starts here; a report without such a cell is borrowed as it is.
    #[must_use]
    pub fn computable(&self) -> std::borrow::Cow<'_, Report> {
        let lang = self.lang;
        let mut cells = self.cells();
        if !cells.any(|c| c.computable(lang).is_some()) {
            return std::borrow::Cow::Borrowed(self);
        }
        let mut report = self.clone();
        report.for_each_cell(&mut |cell| {
            if let Some(fixed) = cell.computable(lang) {
                *cell = fixed;
            }
        });
        std::borrow::Cow::Owned(report)
    }

    /// Every cell: meta values, table cells, chart points and markers.
    fn cells(&self) -> impl Iterator<Item = &Cell> {
        let meta = self.meta.iter().map(|m| &m.value);
        let blocks = self.sections.iter().flat_map(|s| &s.blocks);
        let in_blocks = blocks.flat_map(|b| -> Box<dyn Iterator<Item = &Cell> + '_> {
            match b {
                Block::Table(t) => Box::new(t.rows.iter().flatten()),
                Block::Text(_) => Box::new(std::iter::empty()),
                Block::Chart(c) => Box::new(
                    c.series
                        .iter()
                        .flat_map(|s| &s.points)
                        .flat_map(|p| [&p.x, &p.y])
                        .chain(c.marker.iter().map(|m| &m.x)),
                ),
            }
        });
        meta.chain(in_blocks)
    }

    fn for_each_cell(&mut self, f: &mut dyn FnMut(&mut Cell)) {
        for m in &mut self.meta {
            f(&mut m.value);
        }
        for block in self.sections.iter_mut().flat_map(|s| &mut s.blocks) {
            match block {
                Block::Table(t) => t.rows.iter_mut().flatten().for_each(&mut *f),
                Block::Text(_) => {}
                Block::Chart(c) => {
                    for p in c.series.iter_mut().flat_map(|s| &mut s.points) {
                        f(&mut p.x);
                        f(&mut p.y);
                    }
                    if let Some(m) = &mut c.marker {
                        f(&mut m.x);
                    }
                }
            }
        }
    }

    /// A report with a kind and a title and nothing else yet.
    #[must_use]
    pub fn new(kind: impl Into<String>, title: impl Into<String>) -> Self {
        Self {
            kind: kind.into(),
            lang: Lang::En,
            title: title.into(),
            meta: Vec::new(),
            lead: None,
            sections: Vec::new(),
        }
    }
}

/// One fact about a report: an id for programs, a label for people, and a value.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Meta {
    pub id: String,
    pub label: String,
    pub value: Cell,
}

/// A part of a report under one heading.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Section {
    /// Stable id, e.g. `goals`.
    pub id: String,
    /// The heading a reader sees, e.g. `Goals`.
    pub heading: String,
    pub blocks: Vec<Block>,
}

impl Section {
    /// A section with one table.
    #[must_use]
    pub fn table(id: impl Into<String>, heading: impl Into<String>, table: Table) -> Self {
        Self {
            id: id.into(),
            heading: heading.into(),
            blocks: vec![Block::Table(table)],
        }
    }
}

/// A piece of a section.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Table(Table),
    Text(Text),
    Chart(Chart),
}

/// A table: typed columns and rows of typed cells, one cell per column.
#[derive(Debug, Clone, Default, PartialEq, Serialize, JsonSchema)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// An empty table with these columns.
    #[must_use]
    pub fn new(columns: Vec<Column>) -> Self {
        Self {
            columns,
            rows: Vec::new(),
        }
    }

    /// Adds a row.
    ///
    /// # Panics
    /// When the row has another number of cells than the table has columns: a bug in the
    /// builder, caught by its tests.
    pub fn push(&mut self, row: Vec<Cell>) {
        assert_eq!(
            row.len(),
            self.columns.len(),
            "a row needs one cell per column"
        );
        self.rows.push(row);
    }
}

/// A column of a table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Column {
    /// Stable id, e.g. `theme`; a CSV header or JSON consumer can rely on it.
    pub id: String,
    /// The header a reader sees, e.g. `Theme`.
    pub label: String,
    pub align: Align,
}

impl Column {
    /// A left-aligned column (text, mixed values).
    #[must_use]
    pub fn left(id: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            label: label.into(),
            align: Align::Left,
        }
    }

    /// A right-aligned column (counts, amounts, percentages).
    #[must_use]
    pub fn right(id: impl Into<String>, label: impl Into<String>) -> Self {
        Self {
            align: Align::Right,
            ..Self::left(id, label)
        }
    }
}

/// How a column's cells line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    Left,
    Right,
}

/// One value in a table.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Cell {
    /// Plain text, shown as it is (escaped for the format).
    Text { value: String },
    /// A whole number, with the unit as it should be read after it (`practices`).
    Count { value: u64, unit: Option<String> },
    /// A calendar year (`2024`): written as its digits, never grouped like an amount.
    Year { value: u64 },
    /// A measured value, with its unit (`%`, `weeks`).
    Number { value: f64, unit: Option<String> },
    /// Money in euro cents.
    Amount { cents: i64 },
    /// A share in percent, 0 to 100.
    Percent { value: f64 },
    /// How far something has come, in percent of the way (0 at the start, 100 at the goal;
    /// below 0 or above 100 when it moved away or went past). Drawn as a bar where a format can.
    Progress { value: f64 },
    /// A calendar date.
    Date {
        #[serde(serialize_with = "iso_date")]
        #[schemars(with = "String")]
        value: NaiveDate,
    },
    /// A state with a label, and a tone a renderer may colour.
    Status {
        value: String,
        label: String,
        tone: Tone,
    },
    /// Text that points to a section of the same report (by its id): a link where a format
    /// has links (HTML), the text alone elsewhere. The summary's items link to their sections.
    Link { text: String, section: String },
    /// No value.
    Empty,
}

impl Cell {
    /// A text cell.
    #[must_use]
    pub fn text(value: impl Into<String>) -> Self {
        Self::Text {
            value: value.into(),
        }
    }

    /// Text that links to the section `section` of the same report.
    #[must_use]
    pub fn link(text: impl Into<String>, section: &str) -> Self {
        Self::Link {
            text: text.into(),
            section: section.to_string(),
        }
    }

    /// A text cell, or [`Cell::Empty`] for `None`.
    #[must_use]
    pub fn opt_text(value: Option<impl Into<String>>) -> Self {
        value.map_or(Self::Empty, Self::text)
    }

    /// A count with an optional unit.
    #[must_use]
    pub fn count(value: u64, unit: Option<&str>) -> Self {
        Self::Count {
            value,
            unit: unit.map(str::to_string),
        }
    }

    /// A number with an optional unit.
    #[must_use]
    pub fn number(value: f64, unit: Option<&str>) -> Self {
        Self::Number {
            value,
            unit: unit.map(str::to_string),
        }
    }

    /// A calendar year.
    #[must_use]
    pub fn year(value: u64) -> Self {
        Self::Year { value }
    }

    /// An amount in euro, rounded to the cent; [`Cell::not_computable`] when it is no number
    /// or beyond what a count of cents holds (never a silently saturated amount).
    #[must_use]
    #[allow(
        clippy::cast_possible_truncation,
        reason = "the range is checked first"
    )]
    pub fn euro(euro: f64) -> Self {
        let cents = (euro * 100.0).round();
        // 2^63: i64::MAX as a float rounds up to it, which is already out of range.
        if cents.is_finite() && cents.abs() < 9_223_372_036_854_775_808.0 {
            Self::Amount {
                cents: cents as i64,
            }
        } else {
            Self::not_computable()
        }
    }

    /// The value of the status that stands for a number that cannot be computed.
    pub const NOT_COMPUTABLE: &'static str = "not_computable";

    /// A value that cannot be computed (a division by zero, a value beyond the range of
    /// numbers): a status that says so, never `NaN` or infinity. [`Report::computable`] gives
    /// it the report's language.
    #[must_use]
    pub fn not_computable() -> Self {
        Self::Status {
            value: Self::NOT_COMPUTABLE.to_string(),
            label: labels::NOT_COMPUTABLE.en.to_string(),
            tone: Tone::Neutral,
        }
    }

    /// This cell, or [`Cell::not_computable`] in `lang` when it holds a number that is none
    /// (`NaN`, infinity); `None` when it is fine as it is.
    fn computable(&self, lang: Lang) -> Option<Self> {
        let finite = match self {
            Self::Number { value, .. } | Self::Percent { value } | Self::Progress { value } => {
                value.is_finite()
            }
            Self::Status { value, label, .. } => {
                value != Self::NOT_COMPUTABLE || label == labels::NOT_COMPUTABLE.get(lang)
            }
            _ => true,
        };
        (!finite).then(|| Self::Status {
            value: Self::NOT_COMPUTABLE.to_string(),
            label: labels::NOT_COMPUTABLE.get(lang).to_string(),
            tone: Tone::Neutral,
        })
    }

    /// A date written `YYYY-MM-DD`; text when it is no real date (a plan may hold one).
    #[must_use]
    pub fn date(text: &str) -> Self {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_or_else(|_| Self::text(text), |value| Self::Date { value })
    }

    /// A status whose label is its value.
    #[must_use]
    pub fn status(value: &str, tone: Tone) -> Self {
        Self::Status {
            value: value.to_string(),
            label: value.to_string(),
            tone,
        }
    }
}

#[allow(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's serialize_with passes a reference"
)]
fn iso_date<S: serde::Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(&date.format("%Y-%m-%d"))
}

/// How good a status is, for renderers that colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Tone {
    Neutral,
    Good,
    Warning,
    Bad,
}

/// A paragraph: runs of plain text and code (file names, ids).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Text {
    pub spans: Vec<Span>,
}

impl Text {
    /// Appends plain text.
    #[must_use]
    pub fn plain(mut self, text: impl Into<String>) -> Self {
        self.spans.push(Span::Plain { text: text.into() });
        self
    }

    /// Appends code: a file name, revision or id, shown verbatim.
    #[must_use]
    pub fn code(mut self, text: impl Into<String>) -> Self {
        self.spans.push(Span::Code { text: text.into() });
        self
    }
}

/// A run of text in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Span {
    Plain { text: String },
    Code { text: String },
}

/// The data behind a chart: named series of points. Renderers that cannot draw show
/// [`Chart::to_table`].
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Chart {
    pub kind: ChartKind,
    /// What the chart shows, e.g. `Progress per theme`.
    pub title: String,
    /// What the x values are, e.g. `Date`.
    pub x_label: String,
    /// What the y values are, e.g. `Practices`.
    pub y_label: String,
    pub series: Vec<Series>,
    /// A line across the chart at one x value, e.g. today on a timeline.
    pub marker: Option<Marker>,
}

/// How a chart is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Points joined per series, x in order (dates, years).
    Line,
    /// One bar per point, series side by side.
    Bar,
    /// One bar per x value with the series stacked (goals by status per theme).
    StackedBar,
    /// Dated events on a time axis: x is a date, y the event's label; one row per series.
    Timeline,
    /// A small line chart of one goal over time (its measurements beside its planned course):
    /// x is a date, read by year.
    Trend,
}

/// A marked x value with its label.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Marker {
    pub x: Cell,
    pub label: String,
}

pub use crate::lang::{Label, Lang};

/// One line or set of bars.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Series {
    pub label: String,
    pub points: Vec<Point>,
}

/// One point: an x value (a date, a label) and a y value.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Point {
    pub x: Cell,
    pub y: Cell,
}

impl Chart {
    /// The chart's data as a table: series, x and y, one row per point.
    #[must_use]
    pub fn to_table(&self) -> Table {
        let mut table = Table::new(vec![
            Column::left("series", "Series"),
            Column::left("x", self.x_label.clone()),
            Column::right("y", self.y_label.clone()),
        ]);
        for series in &self.series {
            for point in &series.points {
                table.push(vec![
                    Cell::text(series.label.clone()),
                    point.x.clone(),
                    point.y.clone(),
                ]);
            }
        }
        table
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn to_json<T: Serialize>(value: &T) -> serde_json::Value {
        serde_json::to_value(value).expect("serialises")
    }

    #[test]
    fn cells_serialise_tagged_with_real_numbers() {
        assert_eq!(
            to_json(&Cell::count(12, Some("practices"))),
            json!({"type": "count", "value": 12, "unit": "practices"})
        );
        assert_eq!(
            to_json(&Cell::euro(1250.5)),
            json!({"type": "amount", "cents": 125_050})
        );
        assert_eq!(
            to_json(&Cell::Percent { value: 95.0 }),
            json!({"type": "percent", "value": 95.0})
        );
        assert_eq!(
            to_json(&Cell::date("2024-12-31")),
            json!({"type": "date", "value": "2024-12-31"})
        );
        assert_eq!(
            to_json(&Cell::status("at_risk", Tone::Warning)),
            json!({"type": "status", "value": "at_risk", "label": "at_risk", "tone": "warning"})
        );
        assert_eq!(to_json(&Cell::Empty), json!({"type": "empty"}));
    }

    #[test]
    fn a_date_that_does_not_exist_stays_text() {
        assert_eq!(Cell::date("2023-02-30"), Cell::text("2023-02-30"));
    }

    #[test]
    fn an_absent_text_is_empty() {
        assert_eq!(Cell::opt_text(None::<String>), Cell::Empty);
        assert_eq!(Cell::opt_text(Some("x")), Cell::text("x"));
    }

    #[test]
    fn amounts_round_to_the_cent() {
        assert_eq!(Cell::euro(0.125), Cell::Amount { cents: 13 });
        assert_eq!(Cell::euro(-2.0), Cell::Amount { cents: -200 });
    }

    #[test]
    fn a_report_serialises_sections_and_blocks_by_type() {
        let mut table = Table::new(vec![Column::left("theme", "Theme")]);
        table.push(vec![Cell::text("ggz")]);
        let mut report = Report::new("diff", "Plan changes");
        report.lead = Some(Text::default().plain("Changes in ").code("a.yaml"));
        report
            .sections
            .push(Section::table("themes", "Themes", table));
        let value = to_json(&report);
        assert_eq!(value["kind"], "diff");
        assert_eq!(
            value["lead"]["spans"][1],
            json!({"type": "code", "text": "a.yaml"})
        );
        let block = &value["sections"][0]["blocks"][0];
        assert_eq!(block["type"], "table");
        assert_eq!(block["columns"][0]["align"], "left");
        assert_eq!(block["rows"][0][0], json!({"type": "text", "value": "ggz"}));
    }

    #[test]
    #[should_panic(expected = "one cell per column")]
    fn a_row_of_the_wrong_width_is_a_bug() {
        Table::new(vec![Column::left("a", "A")]).push(vec![Cell::Empty, Cell::Empty]);
    }

    #[test]
    fn a_chart_as_a_table_has_a_row_per_point() {
        let chart = Chart {
            kind: ChartKind::Line,
            title: "Uptake".into(),
            marker: None,
            x_label: "Date".into(),
            y_label: "Practices".into(),
            series: vec![Series {
                label: "ouderen".into(),
                points: vec![
                    Point {
                        x: Cell::date("2022-01-01"),
                        y: Cell::count(10, None),
                    },
                    Point {
                        x: Cell::date("2023-01-01"),
                        y: Cell::count(14, None),
                    },
                ],
            }],
        };
        let table = chart.to_table();
        assert_eq!(table.rows.len(), 2);
        assert_eq!(table.columns[2].align, Align::Right);
        assert_eq!(table.rows[1][2], Cell::count(14, None));
    }

    #[test]
    fn the_model_has_a_json_schema() {
        let schema = schemars::schema_for!(Report);
        let text = serde_json::to_string(&schema).expect("serialises");
        assert!(text.contains("\"cents\""), "{text}");
    }
}
