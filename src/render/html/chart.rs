//! Inline SVG drawings of a [`Chart`]: bars and stacked bars (horizontal, so long theme names
//! fit and the chart grows downwards on a phone), lines, and a timeline with a marker.
//!
//! Every drawing has a `viewBox` and no fixed size, so it scales with the page. Values are
//! written beside bars and points, not shown by colour alone, and each chart's data is also
//! in a table under it. The colours are a palette that reads for colour-blind readers, or, for
//! series named after a goal status, that status's colour.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use maud::{Markup, html as markup};

use super::{format_cell, number, short_month};
use crate::report::{Cell, Chart, ChartKind, Lang, Series, Tone};

/// The width of every drawing in SVG units; the height follows from the content.
const WIDTH: f64 = 560.0;
const FONT: f64 = 13.0;
/// Okabe and Ito's palette, without its yellow (too light on white).
const PALETTE: [&str; 7] = [
    "#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9", "#7a6f00",
];
const LEGEND_HEIGHT: f64 = 24.0;

/// The chart as an `<svg>` element.
pub(super) fn svg(chart: &Chart, lang: Lang) -> Markup {
    match chart.kind {
        ChartKind::Bar => bars(chart, lang, false),
        ChartKind::StackedBar => bars(chart, lang, true),
        ChartKind::Line => line(chart, lang, false),
        ChartKind::Trend => line(chart, lang, true),
        ChartKind::Timeline => timeline(chart, lang),
    }
}

pub(super) fn tone_name(tone: Tone) -> &'static str {
    match tone {
        Tone::Neutral => "neutral",
        Tone::Good => "good",
        Tone::Warning => "warning",
        Tone::Bad => "bad",
    }
}

fn tone_colour(tone: Tone) -> &'static str {
    match tone {
        Tone::Neutral => "#6b7480",
        Tone::Good => "#2e8540",
        Tone::Warning => "#d97a00",
        Tone::Bad => "#c0392b",
    }
}

/// The colour of a series: its status's colour when it is named after one (in English or
/// Dutch, as an id or a label), otherwise the palette in series order.
fn colour(series: &Series, index: usize) -> &'static str {
    let name = series.label.to_lowercase().replace(['_', '-'], " ");
    match name.trim() {
        "planned" | "gepland" => "#9aa3ad",
        "in progress" | "bezig" | "lopend" | "in uitvoering" => "#1f6fb8",
        "at risk" | "behind" | "risico" | "in gevaar" | "achter" | "loopt achter" => "#e08a00",
        "achieved" | "behaald" | "bereikt" | "gehaald" => "#2e8540",
        "stopped" | "gestopt" => "#4a4f55",
        _ => PALETTE[index % PALETTE.len()],
    }
}

/// A numeric value of a cell, for drawing; `None` for text, dates, statuses and empty cells,
/// and for a number that is not finite (it has no place on an axis).
fn value(cell: &Cell) -> Option<f64> {
    let v = match cell {
        Cell::Count { value, .. } => Some(*value as f64),
        Cell::Number { value, .. } | Cell::Percent { value } | Cell::Progress { value } => {
            Some(*value)
        }
        Cell::Amount { cents } => Some(*cents as f64 / 100.0),
        _ => None,
    };
    v.filter(|v| v.is_finite())
}

/// A tick label in the unit of `sample`, the first value cell of the chart.
fn tick_label(v: f64, sample: Option<&Cell>, lang: Lang) -> String {
    match sample {
        #[allow(
            clippy::cast_possible_truncation,
            reason = "axis ticks are far below i64::MAX cents"
        )]
        Some(Cell::Amount { .. }) => super::amount((v * 100.0).round() as i64, lang),
        Some(Cell::Percent { .. } | Cell::Progress { .. }) => format!("{}%", number(v, 1, lang)),
        _ => number(v, 2, lang),
    }
}

/// The first cell with a numeric value among the chart's y values.
fn sample(chart: &Chart) -> Option<&Cell> {
    chart
        .series
        .iter()
        .flat_map(|s| &s.points)
        .map(|p| &p.y)
        .find(|y| value(y).is_some())
}

/// The `<svg>` element around a drawing: as wide as every chart, `height` high, scaled to
/// the page by its `viewBox`, named by the chart's title for screen readers.
fn frame(chart: &Chart, height: f64, body: &Markup) -> Markup {
    markup! {
        svg.chart-svg viewBox=(format!("0 0 {WIDTH} {}", f(height))) role="img"
            aria-label=(chart.title) preserveAspectRatio="xMinYMin meet" {
            title { (chart.title) }
            (body)
        }
    }
}

/// An SVG coordinate, rounded to a tenth.
fn f(v: f64) -> String {
    format!("{v:.1}")
}

/// Roughly how wide a text is in SVG units at a font size.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.6
}

/// `text` cut to at most `width` units, with an ellipsis when cut.
fn fit(text: &str, width: f64, size: f64) -> String {
    if text_width(text, size) <= width {
        return text.to_string();
    }
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a small positive character count"
    )]
    let keep = ((width / (size * 0.6)) as usize).saturating_sub(1);
    let mut cut: String = text.chars().take(keep).collect();
    cut.push('…');
    cut
}

/// Evenly spaced round values covering `lo..=hi`: steps of 1, 2 or 5 times a power of ten.
pub(super) fn nice_ticks(lo: f64, hi: f64) -> Vec<f64> {
    let (lo, hi) = if (hi - lo).abs() < f64::EPSILON {
        (lo.min(0.0), if hi > 0.0 { hi } else { lo + 1.0 })
    } else {
        (lo, hi)
    };
    let raw = (hi - lo) / 6.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(raw);
    let start = (lo / step).floor() * step;
    let scale = 10f64.powf((-step.log10().floor()).max(0.0));
    let mut ticks = Vec::new();
    let mut i = 0.0;
    loop {
        // Rounded to the step's decimals, so 0.6 is not 0.6000000000000001.
        let tick = ((start + i * step) * scale).round() / scale;
        // Adding 0.0 turns -0.0 into 0.0, which prints without a sign.
        ticks.push(tick + 0.0);
        if tick >= hi - step * 1e-9 || ticks.len() > 50 {
            break;
        }
        i += 1.0;
    }
    ticks
}

/// Maps a domain onto a range linearly.
#[derive(Clone, Copy)]
struct Scale {
    domain: (f64, f64),
    range: (f64, f64),
}

impl Scale {
    fn at(self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if (d1 - d0).abs() < f64::EPSILON {
            return r0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// A legend of coloured squares with the series' names, wrapping onto more lines.
fn legend(series: &[Series], x0: f64, y0: f64) -> (Markup, f64) {
    let mut x = x0;
    let mut y = y0;
    let mut items = Vec::new();
    for (i, s) in series.iter().enumerate() {
        let width = 18.0 + text_width(&s.label, FONT).min(220.0) + 16.0;
        if x + width > WIDTH && x > x0 {
            x = x0;
            y += LEGEND_HEIGHT - 4.0;
        }
        items.push((x, y, colour(s, i), fit(&s.label, 220.0, FONT)));
        x += width;
    }
    let height = if items.is_empty() {
        0.0
    } else {
        y - y0 + LEGEND_HEIGHT
    };
    let markup = markup! {
        g.legend {
            @for (x, y, colour, label) in &items {
                rect x=(f(*x)) y=(f(*y + 2.0)) width="12" height="12" rx="2" fill=(colour) {}
                text x=(f(*x + 18.0)) y=(f(*y + 12.5)) { (label) }
            }
        }
    };
    (markup, height)
}

/// The distinct x labels of a bar chart, in the order they first appear.
fn categories(chart: &Chart, lang: Lang) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out: Vec<String> = Vec::new();
    for point in chart.series.iter().flat_map(|s| &s.points) {
        let label = format_cell(&point.x, lang);
        if seen.insert(label.clone()) {
            out.push(label);
        }
    }
    out
}

/// Horizontal bars: one row per x value with a bar per series, or one stacked bar.
fn bars(chart: &Chart, lang: Lang, stacked: bool) -> Markup {
    let categories = categories(chart, lang);
    let sample = sample(chart);
    let multi = chart.series.len() > 1;
    // For each category, the value (and its cell) of each series.
    let cells: Vec<Vec<Option<&Cell>>> = categories
        .iter()
        .map(|category| {
            chart
                .series
                .iter()
                .map(|s| {
                    s.points
                        .iter()
                        .find(|p| &format_cell(&p.x, lang) == category)
                        .map(|p| &p.y)
                })
                .collect()
        })
        .collect();
    let number_of = |cell: Option<&Cell>| cell.and_then(value).unwrap_or(0.0);
    let extents: Vec<f64> = if stacked {
        cells
            .iter()
            .map(|row| row.iter().map(|c| number_of(*c).max(0.0)).sum())
            .collect()
    } else {
        cells.iter().flatten().map(|c| number_of(*c)).collect()
    };
    let mut lo = extents.iter().copied().fold(0.0_f64, f64::min);
    let mut hi = extents.iter().copied().fold(0.0_f64, f64::max);
    if matches!(sample, Some(Cell::Percent { .. } | Cell::Progress { .. })) {
        hi = hi.max(100.0);
        lo = lo.min(0.0);
    }
    let ticks = nice_ticks(lo, hi);
    let domain = (ticks[0], ticks[ticks.len() - 1]);

    let label_width = categories
        .iter()
        .map(|c| text_width(c, FONT))
        .fold(40.0_f64, f64::max)
        .min(WIDTH * 0.36);
    let value_labels: Vec<String> = if stacked {
        extents
            .iter()
            .map(|v| tick_label(*v, sample, lang))
            .collect()
    } else {
        cells
            .iter()
            .flatten()
            .map(|c| c.map(|c| format_cell(c, lang)).unwrap_or_default())
            .collect()
    };
    let value_width = value_labels
        .iter()
        .map(|l| text_width(l, FONT - 1.0))
        .fold(30.0_f64, f64::max)
        + 8.0;
    let plot_left = label_width + 12.0;
    let plot_right = WIDTH - value_width;
    let scale = Scale {
        domain,
        range: (plot_left, plot_right),
    };

    let (legend, legend_height) = if multi || stacked {
        legend(&chart.series, plot_left, 4.0)
    } else {
        (markup! {}, 0.0)
    };
    let top = legend_height + 8.0;
    let bar = if stacked || !multi { 20.0 } else { 15.0 };
    let per_series = if stacked {
        1
    } else {
        chart.series.len().max(1)
    };
    let group = bar * per_series as f64 + 12.0;
    let plot_bottom = top + group * categories.len() as f64;
    let height = plot_bottom + 44.0;
    let zero = scale.at(0.0_f64.clamp(domain.0, domain.1));

    let body = markup! {
        (legend)
        g.grid {
            @for tick in &ticks {
                @let x = scale.at(*tick);
                line x1=(f(x)) x2=(f(x)) y1=(f(top - 4.0)) y2=(f(plot_bottom)) {}
                text.tick x=(f(x)) y=(f(plot_bottom + 16.0)) text-anchor="middle" {
                    (tick_label(*tick, sample, lang))
                }
            }
        }
        text.axis-label x=(f(f64::midpoint(plot_left, plot_right))) y=(f(plot_bottom + 36.0))
            text-anchor="middle" { (chart.y_label) }
        @for (row, category) in categories.iter().enumerate() {
            @let y0 = top + group * row as f64 + 6.0;
            text.category x=(f(label_width)) y=(f(y0 + bar * per_series as f64 / 2.0 + 4.5))
                text-anchor="end" {
                title { (category) }
                (fit(category, label_width, FONT))
            }
            @if stacked {
                @for (x, w, i, count) in segments(&cells[row], scale, zero, lang) {
                    rect x=(f(x)) y=(f(y0)) width=(f(w)) height=(f(bar))
                        fill=(colour(&chart.series[i], i)) {
                        title { (chart.series[i].label) ": " (count) }
                    }
                    @if w >= text_width(&count, FONT - 1.0) + 6.0 {
                        text.in-bar x=(f(x + w / 2.0)) y=(f(y0 + bar / 2.0 + 4.5))
                            text-anchor="middle" { (count) }
                    }
                }
                @let end = scale.at(extents[row]);
                text.value x=(f(end + 4.0)) y=(f(y0 + bar / 2.0 + 4.5)) { (value_labels[row]) }
            } @else {
                @for (i, cell) in cells[row].iter().enumerate() {
                    @if let Some(cell) = cell {
                        @let v = value(cell).unwrap_or(0.0);
                        @let end = scale.at(v);
                        @let y = y0 + bar * i as f64;
                        rect x=(f(zero.min(end))) y=(f(y + 1.0)) width=(f((end - zero).abs()))
                            height=(f(bar - 2.0)) fill=(colour(&chart.series[i], i)) {
                            title { (chart.series[i].label) ": " (format_cell(cell, lang)) }
                        }
                        @if v < 0.0 {
                            text.value x=(f(zero + 4.0)) y=(f(y + bar / 2.0 + 4.0)) {
                                (format_cell(cell, lang))
                            }
                        } @else {
                            text.value x=(f(end + 4.0)) y=(f(y + bar / 2.0 + 4.0)) {
                                (format_cell(cell, lang))
                            }
                        }
                    }
                }
            }
        }
        line.axis x1=(f(zero)) x2=(f(zero)) y1=(f(top - 4.0)) y2=(f(plot_bottom)) {}
    };
    frame(chart, height, &body)
}

/// The segments of one stacked bar: x, width, series index and the value as text.
fn segments(
    row: &[Option<&Cell>],
    scale: Scale,
    zero: f64,
    lang: Lang,
) -> Vec<(f64, f64, usize, String)> {
    let mut x = zero;
    let mut out = Vec::new();
    for (i, cell) in row.iter().enumerate() {
        let Some(cell) = cell else { continue };
        let v = value(cell).unwrap_or(0.0).max(0.0);
        if v > 0.0 {
            let w = scale.at(v) - scale.at(0.0);
            out.push((x, w, i, format_cell(cell, lang)));
            x += w;
        }
    }
    out
}

/// How the x values of a line chart or timeline are placed.
enum XAxis {
    /// Days since the Common Era, for dates.
    Time,
    /// Numbers as they are.
    Linear,
    /// Text: evenly spaced in the order of first appearance.
    /// The labels in order, and each label's place among them.
    Categories(Vec<String>, HashMap<String, usize>),
}

fn date_of(cell: &Cell) -> Option<NaiveDate> {
    match cell {
        Cell::Date { value } => Some(*value),
        _ => None,
    }
}

fn x_axis(chart: &Chart, lang: Lang) -> XAxis {
    let xs = || chart.series.iter().flat_map(|s| &s.points).map(|p| &p.x);
    if xs().all(|x| date_of(x).is_some()) {
        XAxis::Time
    } else if xs().all(|x| value(x).is_some()) {
        XAxis::Linear
    } else {
        let labels = categories(chart, lang);
        let places = labels
            .iter()
            .enumerate()
            .map(|(i, label)| (label.clone(), i))
            .collect();
        XAxis::Categories(labels, places)
    }
}

impl XAxis {
    fn position(&self, cell: &Cell, lang: Lang) -> Option<f64> {
        match self {
            Self::Time => date_of(cell).map(|d| f64::from(d.num_days_from_ce())),
            Self::Linear => value(cell),
            Self::Categories(_, places) => {
                let label = format_cell(cell, lang);
                places.get(&label).map(|&i| i as f64)
            }
        }
    }

    /// The domain (with the marker in it) and its ticks as (position, label).
    fn ticks(&self, positions: &[f64], lang: Lang) -> ((f64, f64), Vec<(f64, String)>) {
        let lo = positions.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = positions.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        // No point has a place on this axis (a timeline of undated events): any finite domain.
        let (lo, hi) = if lo <= hi { (lo, hi) } else { (0.0, 1.0) };
        match self {
            Self::Categories(labels, _) => (
                (-0.5, labels.len() as f64 - 0.5),
                labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| (i as f64, l.clone()))
                    .collect(),
            ),
            Self::Linear => {
                let ticks = nice_ticks(lo, hi);
                let domain = (ticks[0], ticks[ticks.len() - 1]);
                let labelled = ticks.iter().map(|t| (*t, number(*t, 2, lang))).collect();
                (domain, labelled)
            }
            Self::Time => time_ticks(lo, hi, lang),
        }
    }
}

#[allow(
    clippy::cast_possible_truncation,
    reason = "day numbers of real dates fit in i32"
)]
fn day(position: f64) -> NaiveDate {
    NaiveDate::from_num_days_from_ce_opt(position.round() as i32).unwrap_or_default()
}

/// Ticks on a time axis: every year, every quarter or every month, by the span shown, in a
/// domain padded by a few percent so no dot sits on the edge.
fn time_ticks(lo: f64, hi: f64, lang: Lang) -> ((f64, f64), Vec<(f64, String)>) {
    let span = (hi - lo).max(30.0);
    let (lo, hi) = (lo - span * 0.04, hi + span * 0.04);
    let step_months = if span > 3.0 * 365.0 {
        12
    } else if span > 300.0 {
        3
    } else {
        1
    };
    let first = day(lo);
    let mut month = first.year() * 12 + first.month0().cast_signed();
    month += (step_months - month % step_months) % step_months;
    let mut ticks = Vec::new();
    while let Some(date) = NaiveDate::from_ymd_opt(
        month.div_euclid(12),
        month.rem_euclid(12).cast_unsigned() + 1,
        1,
    ) {
        let position = f64::from(date.num_days_from_ce());
        if position > hi || ticks.len() > 60 {
            break;
        }
        if position >= lo {
            let label = if step_months == 12 {
                date.year().to_string()
            } else {
                short_month(date, lang)
            };
            ticks.push((position, label));
        }
        month += step_months;
    }
    ((lo, hi), ticks)
}

/// Ticks on a time axis at every first of January, labelled with the year alone, in a domain
/// padded by a few percent; at most a dozen labels (every other year and so on beyond).
fn year_ticks(positions: &[f64]) -> ((f64, f64), Vec<(f64, String)>) {
    let lo = positions.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = positions.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (0.0, 1.0) };
    let span = (hi - lo).max(30.0);
    let (lo, hi) = (lo - span * 0.05, hi + span * 0.05);
    let (first, last) = (day(lo).year(), day(hi).year());
    let step = usize::try_from((last - first) / 12 + 1).unwrap_or(1);
    let ticks = (first..=last.saturating_add(1))
        .step_by(step)
        .filter_map(|year| NaiveDate::from_ymd_opt(year, 1, 1))
        .map(|date| (f64::from(date.num_days_from_ce()), date.year().to_string()))
        .filter(|(position, _)| *position >= lo && *position <= hi)
        .collect();
    ((lo, hi), ticks)
}

/// The x positions of all points and of the marker, and the marker's position alone.
fn x_positions(chart: &Chart, axis: &XAxis, lang: Lang) -> (Vec<f64>, Option<f64>) {
    let marker = chart
        .marker
        .as_ref()
        .and_then(|m| axis.position(&m.x, lang));
    let xs = chart
        .series
        .iter()
        .flat_map(|s| &s.points)
        .filter_map(|p| axis.position(&p.x, lang))
        .chain(marker)
        .collect();
    (xs, marker)
}

/// The dashed vertical line of the marker and its label at the top.
fn marker_line(label: &str, x: f64, y0: f64, y1: f64) -> Markup {
    let anchor = if x > WIDTH * 0.75 { "end" } else { "start" };
    let dx = if anchor == "end" { -4.0 } else { 4.0 };
    markup! {
        g.marker {
            line x1=(f(x)) x2=(f(x)) y1=(f(y0)) y2=(f(y1)) {}
            text x=(f(x + dx)) y=(f(y0 + 10.0)) text-anchor=(anchor) { (label) }
        }
    }
}

/// Points joined per series over a y axis; value labels when there are few points. A `small`
/// chart (a goal's trend) is lower and its time axis is ticked by year only.
fn line(chart: &Chart, lang: Lang, small: bool) -> Markup {
    let axis = x_axis(chart, lang);
    let sample = sample(chart);
    let (xs, marker) = x_positions(chart, &axis, lang);
    let ys: Vec<f64> = chart
        .series
        .iter()
        .flat_map(|s| &s.points)
        .filter_map(|p| value(&p.y))
        .collect();
    let lo = ys.iter().copied().fold(0.0_f64, f64::min);
    let hi = ys.iter().copied().fold(0.0_f64, f64::max);
    let y_ticks = nice_ticks(lo, hi);
    let tick_width = y_ticks
        .iter()
        .map(|t| text_width(&tick_label(*t, sample, lang), FONT - 1.0))
        .fold(0.0_f64, f64::max);
    let (x_domain, x_ticks) = match (&axis, small) {
        (XAxis::Time, true) => year_ticks(&xs),
        _ => axis.ticks(&xs, lang),
    };
    let (legend, legend_height) = legend(&chart.series, 40.0, 4.0);
    let left = tick_width + 30.0;
    let top = legend_height + 16.0;
    let bottom = top + if small { 130.0 } else { 220.0 };
    let height = bottom + 48.0;
    let x = Scale {
        domain: x_domain,
        range: (left, WIDTH - 24.0),
    };
    let y = Scale {
        domain: (y_ticks[0], y_ticks[y_ticks.len() - 1]),
        range: (bottom, top),
    };
    let few = chart.series.iter().map(|s| s.points.len()).sum::<usize>() <= 16;
    let label_every = (x_ticks.len() / 8).max(1);
    let body = markup! {
        (legend)
        g.grid {
            @for tick in &y_ticks {
                line x1=(f(left)) x2=(f(WIDTH - 24.0)) y1=(f(y.at(*tick))) y2=(f(y.at(*tick))) {}
                text.tick x=(f(left - 6.0)) y=(f(y.at(*tick) + 4.0)) text-anchor="end" {
                    (tick_label(*tick, sample, lang))
                }
            }
            @for (i, (position, label)) in x_ticks.iter().enumerate() {
                line x1=(f(x.at(*position))) x2=(f(x.at(*position))) y1=(f(bottom)) y2=(f(bottom + 5.0)) {}
                @if i % label_every == 0 {
                    text.tick x=(f(x.at(*position))) y=(f(bottom + 18.0)) text-anchor="middle" { (label) }
                }
            }
        }
        line.axis x1=(f(left)) x2=(f(WIDTH - 24.0)) y1=(f(bottom)) y2=(f(bottom)) {}
        text.axis-label x=(f(f64::midpoint(left, WIDTH))) y=(f(bottom + 40.0)) text-anchor="middle" {
            (chart.x_label)
        }
        text.axis-label transform=(format!("translate(12 {}) rotate(-90)", f(f64::midpoint(top, bottom))))
            text-anchor="middle" { (chart.y_label) }
        @if let (Some(position), Some(m)) = (marker, &chart.marker) {
            (marker_line(&m.label, x.at(position), top - 10.0, bottom))
        }
        @for (i, series) in chart.series.iter().enumerate() {
            @let points = plotted(series, &axis, x, y, lang);
            @let path = path(&points);
            g.series {
                path d=(path) stroke=(colour(series, i)) {}
                @for (px, py, cx, cy) in &points {
                    circle cx=(f(*px)) cy=(f(*py)) r="3.5" fill=(colour(series, i)) {
                        title { (series.label) ", " (format_cell(cx, lang)) ": " (format_cell(cy, lang)) }
                    }
                    @if few {
                        text.value x=(f(*px)) y=(f(*py - 8.0)) text-anchor="middle" { (format_cell(cy, lang)) }
                    }
                }
            }
        }
    };
    frame(chart, height, &body)
}

/// A series' points that have a place on both axes, as (x, y, x cell, y cell), in x order.
fn plotted<'a>(
    series: &'a Series,
    axis: &XAxis,
    x: Scale,
    y: Scale,
    lang: Lang,
) -> Vec<(f64, f64, &'a Cell, &'a Cell)> {
    let mut points: Vec<_> = series
        .points
        .iter()
        .filter_map(|p| {
            Some((
                x.at(axis.position(&p.x, lang)?),
                y.at(value(&p.y)?),
                &p.x,
                &p.y,
            ))
        })
        .collect();
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    points
}

/// The SVG path through points: `M x y L x y ...`.
fn path(points: &[(f64, f64, &Cell, &Cell)]) -> String {
    let mut d = String::new();
    for (i, (x, y, _, _)) in points.iter().enumerate() {
        let command = if i == 0 { "M" } else { " L" };
        let _ = write!(d, "{command}{} {}", f(*x), f(*y));
    }
    d
}

/// One event on a timeline, placed: its lane in the row and where its label goes.
struct Placed<'a> {
    x: f64,
    lane: usize,
    label: String,
    anchor_end: bool,
    date: &'a Cell,
    colour: &'static str,
}

/// Dated events on a time axis, one row per series; each event a dot with its label, labels
/// stacked in lanes so none overlaps; the marker (today) a dashed line across all rows.
fn timeline(chart: &Chart, lang: Lang) -> Markup {
    let axis = XAxis::Time;
    let (xs, marker) = x_positions(chart, &axis, lang);
    let label_width = chart
        .series
        .iter()
        .map(|s| text_width(&s.label, FONT))
        .fold(0.0_f64, f64::max)
        .min(WIDTH * 0.28);
    let left = label_width + 16.0;
    let right = WIDTH - 12.0;
    let (domain, ticks) = axis.ticks(&xs, lang);
    let x = Scale {
        domain,
        range: (left, right),
    };
    let lane_height = 18.0;
    let top = 22.0;
    // Each row's events, placed in the first lane where their label fits.
    let rows: Vec<(usize, Vec<Placed>)> = chart
        .series
        .iter()
        .enumerate()
        .map(|(i, series)| {
            let mut events: Vec<(f64, &Cell, &Cell)> = series
                .points
                .iter()
                .filter_map(|p| Some((x.at(axis.position(&p.x, lang)?), &p.x, &p.y)))
                .collect();
            events.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut lane_ends: Vec<f64> = Vec::new();
            let placed: Vec<Placed> = events
                .into_iter()
                .map(|(px, date, label)| {
                    let text = fit(&format_cell(label, lang), WIDTH * 0.45, FONT - 1.0);
                    let width = text_width(&text, FONT - 1.0) + 14.0;
                    let anchor_end = px + width > right;
                    let (start, end) = if anchor_end {
                        (px - width, px)
                    } else {
                        (px, px + width)
                    };
                    let free = lane_ends
                        .iter()
                        .position(|e| *e < start)
                        .unwrap_or(lane_ends.len());
                    if free == lane_ends.len() {
                        lane_ends.push(end);
                    } else {
                        lane_ends[free] = end;
                    }
                    let colour = match label {
                        Cell::Status { tone, .. } => tone_colour(*tone),
                        _ => colour(series, i),
                    };
                    Placed {
                        x: px,
                        lane: free,
                        label: text,
                        anchor_end,
                        date,
                        colour,
                    }
                })
                .collect();
            (lane_ends.len().max(1), placed)
        })
        .collect();
    let mut row_tops = Vec::new();
    let mut y = top;
    for (lanes, _) in &rows {
        row_tops.push(y);
        y += *lanes as f64 * lane_height + 12.0;
    }
    let bottom = y;
    let height = bottom + 48.0;
    let body = markup! {
        g.grid {
            @for (position, label) in &ticks {
                line x1=(f(x.at(*position))) x2=(f(x.at(*position))) y1=(f(top)) y2=(f(bottom + 5.0)) {}
                text.tick x=(f(x.at(*position))) y=(f(bottom + 18.0)) text-anchor="middle" { (label) }
            }
        }
        line.axis x1=(f(left)) x2=(f(right)) y1=(f(bottom)) y2=(f(bottom)) {}
        text.axis-label x=(f(f64::midpoint(left, right))) y=(f(bottom + 40.0)) text-anchor="middle" {
            (chart.x_label)
        }
        @for ((series, (lanes, events)), row_top) in chart.series.iter().zip(&rows).zip(&row_tops) {
            g.row {
                line.row-rule x1="0" x2=(f(right)) y1=(f(*row_top)) y2=(f(*row_top)) {}
                text.category x=(f(label_width)) y=(f(row_top + *lanes as f64 * lane_height / 2.0 + 10.0))
                    text-anchor="end" {
                    title { (series.label) }
                    (fit(&series.label, label_width, FONT))
                }
                @for event in events {
                    @let cy = row_top + 6.0 + lane_height * (event.lane as f64 + 0.5);
                    circle cx=(f(event.x)) cy=(f(cy)) r="5" fill=(event.colour) {
                        title { (format_cell(event.date, lang)) ": " (event.label) }
                    }
                    @if event.anchor_end {
                        text.event x=(f(event.x - 8.0)) y=(f(cy + 4.0)) text-anchor="end" { (event.label) }
                    } @else {
                        text.event x=(f(event.x + 8.0)) y=(f(cy + 4.0)) { (event.label) }
                    }
                }
            }
        }
        @if let (Some(position), Some(m)) = (marker, &chart.marker) {
            (marker_line(&m.label, x.at(position), 2.0, bottom))
        }
    };
    frame(chart, height, &body)
}
