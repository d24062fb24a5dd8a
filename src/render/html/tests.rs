use super::*;
use crate::report::{ChartKind, Column, Marker, Meta, Point, Series, Tone};

const HOSTILE: &str = "<script>alert(1)</script>\"'&<img src=x onerror=alert(2)>";

fn render(report: &Report) -> String {
    let mut out = Vec::new();
    html(&mut out, report).expect("render");
    String::from_utf8(out).expect("utf-8")
}

fn point(x: Cell, y: Cell) -> Point {
    Point { x, y }
}

fn chart(kind: ChartKind, label: &str, points: Vec<Point>) -> Chart {
    Chart {
        kind,
        title: format!("{label} chart"),
        x_label: format!("{label} x"),
        y_label: format!("{label} y"),
        series: vec![Series {
            label: label.to_string(),
            points,
        }],
        marker: None,
    }
}

/// Every cell type in a table, and every chart kind, with `text` in each place plan text can
/// appear.
fn every_kind(text: &str, lang: Lang) -> Report {
    let mut t = Table::new(vec![
        Column::left("text", text),
        Column::right("count", "Count"),
        Column::right("number", "Number"),
        Column::right("amount", "Amount"),
        Column::right("percent", "Percent"),
        Column::left("progress", "Progress"),
        Column::left("date", "Date"),
        Column::left("status", "Status"),
        Column::left("empty", "Empty"),
    ]);
    t.push(vec![
        Cell::text(text),
        Cell::count(1_234, Some(text)),
        Cell::number(12.5, Some("%")),
        Cell::euro(1_250_000.0),
        Cell::Percent { value: 95.5 },
        Cell::Progress { value: 58.0 },
        Cell::date("2022-01-12"),
        Cell::Status {
            value: "at_risk".into(),
            label: text.into(),
            tone: Tone::Warning,
        },
        Cell::Empty,
    ]);
    let mut report = Report::new(text, text);
    report.lang = lang;
    report.meta = vec![Meta {
        id: "m".into(),
        label: text.into(),
        value: Cell::text(text),
    }];
    report.lead = Some(Text::default().plain(text).code(text));
    let bar = chart(
        ChartKind::Bar,
        text,
        vec![point(Cell::text(text), Cell::Progress { value: 40.0 })],
    );
    let stacked = Chart {
        series: vec![
            Series {
                label: "achieved".into(),
                points: vec![point(Cell::text(text), Cell::count(2, None))],
            },
            Series {
                label: text.into(),
                points: vec![point(Cell::text(text), Cell::count(3, None))],
            },
        ],
        ..chart(ChartKind::StackedBar, text, Vec::new())
    };
    let line = chart(
        ChartKind::Line,
        text,
        vec![
            point(Cell::date("2022-01-01"), Cell::count(10, None)),
            point(Cell::date("2023-01-01"), Cell::count(14, None)),
        ],
    );
    let timeline = Chart {
        marker: Some(Marker {
            x: Cell::date("2024-06-01"),
            label: text.into(),
        }),
        ..chart(
            ChartKind::Timeline,
            text,
            vec![
                point(Cell::date("2024-01-31"), Cell::text(text)),
                point(Cell::date("2025-12-31"), Cell::text("Deadline")),
            ],
        )
    };
    report.sections = vec![
        Section {
            id: text.into(),
            heading: text.into(),
            blocks: vec![Block::Table(t), Block::Text(Text::default().plain(text))],
        },
        Section {
            id: "charts".into(),
            heading: "Charts".into(),
            blocks: [bar, stacked, line, timeline]
                .into_iter()
                .map(Block::Chart)
                .collect(),
        },
    ];
    report
}

#[test]
fn plan_text_is_escaped_in_every_place_it_can_appear() {
    let page = render(&every_kind(HOSTILE, Lang::En));
    assert!(!page.contains("<script"), "{page}");
    assert!(!page.contains("<img"), "{page}");
    // A quote cannot end an attribute either.
    assert!(page.contains("&quot;'&amp;&lt;img src=x"), "{page}");
    assert!(
        page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{page}"
    );
    // Title, heading, meta, cells, the lead's code, chart titles, labels and legends: in every
    // place the text shows, it shows escaped; a count of the escaped form proves none was
    // left out.
    let escaped = page.matches("&lt;script&gt;alert(1)").count();
    assert!(escaped >= 20, "only {escaped} escaped copies:\n{page}");
    assert_eq!(page.matches("alert(1)").count(), escaped, "{page}");
}

#[test]
fn scripts_are_forbidden_by_a_content_security_policy() {
    let page = render(&every_kind("x", Lang::En));
    assert!(page.contains(
        r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">"#
    ), "{page}");
    assert!(!page.contains("<script"));
    assert!(!page.contains("<link"), "no external stylesheet");
    assert!(!page.contains("src="), "no external images or scripts");
    assert!(!page.contains("url("), "no external fonts");
}

#[test]
fn every_chart_kind_is_an_svg_with_a_view_box() {
    let page = render(&every_kind("x", Lang::En));
    assert_eq!(page.matches("<svg").count(), 4, "{page}");
    assert_eq!(
        page.matches("<svg class=\"chart-svg\" viewBox=\"0 0 560 ")
            .count(),
        4
    );
    // Each SVG element is closed explicitly: a bare `<rect>` would swallow what follows.
    for element in ["rect", "circle", "line", "path", "text"] {
        assert_eq!(
            page.matches(&format!("<{element} ")).count(),
            page.matches(&format!("</{element}>")).count(),
            "{element}"
        );
    }
    assert!(page.contains("class=\"marker\""), "the timeline's marker");
}

#[test]
fn the_language_sets_html_lang_and_formats_dates_and_numbers() {
    let en = render(&every_kind("x", Lang::En));
    assert!(en.contains("<html lang=\"en\">"));
    assert!(en.contains("12 January 2022"), "{en}");
    assert!(en.contains("€1,250,000"), "{en}");
    assert!(en.contains("95.5%"));
    assert!(en.contains("1,234 x"));
    assert!(en.contains("Generated by regioplan"));
    let nl = render(&every_kind("x", Lang::Nl));
    assert!(nl.contains("<html lang=\"nl\">"));
    assert!(nl.contains("12 januari 2022"), "{nl}");
    assert!(nl.contains("€ 1.250.000"), "{nl}");
    assert!(nl.contains("95,5%"));
    assert!(nl.contains("12,5 %"));
    assert!(nl.contains("1.234 x"));
    assert!(nl.contains("Gemaakt met regioplan"));
    assert!(nl.contains("De gegevens van de grafiek"));
}

#[test]
fn numbers_and_amounts_in_both_languages() {
    assert_eq!(amount(125_050, Lang::En), "€1,250.50");
    assert_eq!(amount(125_050, Lang::Nl), "€ 1.250,50");
    assert_eq!(amount(-200, Lang::En), "-€2");
    assert_eq!(amount(-200, Lang::Nl), "€ -2");
    assert_eq!(amount(0, Lang::Nl), "€ 0");
    assert_eq!(number(1_234_567.891, 2, Lang::En), "1,234,567.89");
    assert_eq!(number(1_234_567.891, 2, Lang::Nl), "1.234.567,89");
    assert_eq!(number(-0.001, 2, Lang::En), "0");
    assert_eq!(number(-12.0, 1, Lang::Nl), "-12");
    assert_eq!(
        date(
            NaiveDate::from_ymd_opt(2022, 1, 12).expect("date"),
            Lang::Nl
        ),
        "12 januari 2022"
    );
}

#[test]
fn a_status_cell_has_its_tone_as_background_and_its_label_as_text() {
    let page = render(&every_kind("x", Lang::En));
    assert!(
        page.contains(
            r#"<td class="tone-warning"><span class="status" data-value="at_risk">x</span></td>"#
        ),
        "{page}"
    );
}

#[test]
fn an_id_is_printed_whole_and_a_sentence_wraps() {
    let mut report = Report::new("ids", "Ids");
    let mut t = Table::new(vec![
        Column::left("goal", "Goal"),
        Column::left("title", "Title"),
    ]);
    t.push(vec![
        Cell::text("ggz-1a"),
        Cell::text("Kortere wachttijd voor de basis-GGZ"),
    ]);
    t.push(vec![
        Cell::Link {
            text: "sd-2".into(),
            section: "goals".into(),
        },
        Cell::text("een-veel-te-lang-woord-voor-een-regel"),
    ]);
    report.sections = vec![Section {
        id: "s".into(),
        heading: "S".into(),
        blocks: vec![Block::Table(t)],
    }];
    let page = render(&report);
    assert!(page.contains(r#"<td class="word">ggz-1a</td>"#), "{page}");
    assert!(
        page.contains(r##"<td class="word"><a href="#section-goals">sd-2</a></td>"##),
        "{page}"
    );
    assert!(
        page.contains("<td>Kortere wachttijd voor de basis-GGZ</td>"),
        "{page}"
    );
    assert!(
        page.contains("<td>een-veel-te-lang-woord-voor-een-regel</td>"),
        "{page}"
    );
    assert!(page.contains("td.word { white-space: nowrap; }"), "{page}");
}

#[test]
fn a_progress_cell_is_a_bar_with_its_value() {
    let page = render(&every_kind("x", Lang::En));
    assert!(
        page.contains(r#"<span class="fill" style="width: 58.0%"></span>"#),
        "{page}"
    );
    assert!(page.contains(r#"<span class="value">58%</span>"#), "{page}");
    let over = cell_content(&Cell::Progress { value: 130.0 }, Lang::En).into_string();
    assert!(
        over.contains("width: 100.0%") && over.contains("130%"),
        "{over}"
    );
}

#[test]
fn an_empty_report_is_a_page_that_says_so() {
    let page = render(&Report::new("empty", "Nothing"));
    assert!(
        page.starts_with("<!DOCTYPE html><html lang=\"en\">"),
        "{page}"
    );
    assert!(page.contains("<h1>Nothing</h1>"));
    assert!(page.contains("This report has no sections."));
    assert!(!page.contains("<svg"));
}

#[test]
fn a_chart_without_points_says_so_instead_of_drawing() {
    let mut report = Report::new("t", "T");
    report.sections.push(Section {
        id: "s".into(),
        heading: "S".into(),
        blocks: vec![Block::Chart(chart(ChartKind::Line, "x", Vec::new()))],
    });
    let page = render(&report);
    assert!(!page.contains("<svg"));
    assert!(page.contains("No data to draw."));
}

#[test]
fn values_without_a_place_on_an_axis_draw_no_broken_coordinates() {
    let mut report = Report::new("t", "T");
    let undated = chart(
        ChartKind::Timeline,
        "undated",
        vec![point(Cell::text("someday"), Cell::text("event"))],
    );
    let not_finite = chart(
        ChartKind::Line,
        "nan",
        vec![
            point(Cell::number(1.0, None), Cell::number(f64::NAN, None)),
            point(Cell::number(2.0, None), Cell::number(f64::INFINITY, None)),
            point(Cell::number(3.0, None), Cell::number(4.0, None)),
        ],
    );
    for kind in [ChartKind::Bar, ChartKind::StackedBar] {
        report.sections.push(Section {
            id: "s".into(),
            heading: "S".into(),
            blocks: vec![Block::Chart(Chart {
                kind,
                ..not_finite.clone()
            })],
        });
    }
    report.sections.push(Section {
        id: "t".into(),
        heading: "T".into(),
        blocks: vec![Block::Chart(undated), Block::Chart(not_finite)],
    });
    let page = render(&report);
    assert_eq!(page.matches("<svg").count(), 4);
    // Text may say `NaN`; no attribute (a coordinate, a path) may.
    for attribute in page.split("=\"").skip(1) {
        let value = &attribute[..attribute.find('"').expect("a closing quote")];
        assert!(
            !value.contains("NaN") && !value.contains("inf"),
            "{value} in {page}"
        );
    }
}

#[test]
fn a_stacked_bar_colours_status_series_by_status() {
    let page = render(&every_kind("x", Lang::En));
    assert!(page.contains("fill=\"#2e8540\""), "achieved is green");
}

#[test]
fn nice_ticks_cover_the_range_in_round_steps() {
    assert_eq!(
        chart::nice_ticks(0.0, 100.0),
        vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
    );
    assert_eq!(
        chart::nice_ticks(0.0, 0.0),
        vec![0.0, 0.2, 0.4, 0.6, 0.8, 1.0]
    );
    let ticks = chart::nice_ticks(-3.0, 7.0);
    assert_eq!(ticks.first(), Some(&-4.0));
    assert_eq!(ticks.last(), Some(&8.0));
}

#[test]
fn a_diff_report_renders() {
    use crate::analysis::diff;
    let old = include_str!("../../../plans/amsterdam-aha.yaml");
    let new = old.replacen("\n  name: ", "\n  name: <b>Renamed</b> ", 1);
    let load = |name: &str, text: &str| {
        crate::load::load(name, text.as_bytes())
            .plan
            .expect("a plan")
    };
    let changes = diff::diff(&load("old.yaml", old), &load("new.yaml", &new));
    let report = diff::report(
        &changes,
        diff::Versions {
            old: "old.yaml",
            new: "new.yaml",
        },
        Lang::En,
    );
    let page = render(&report);
    assert!(page.contains("<h1>Plan changes</h1>"), "{page}");
    assert!(page.contains("&lt;b&gt;Renamed&lt;/b&gt;"), "{page}");
    assert!(!page.contains("<b>"));
}

#[test]
fn a_sample_report_snapshot() {
    // The body only: the stylesheet is reviewed as a file of its own.
    let page = render(&every_kind("Ouderenzorg", Lang::Nl));
    let body = &page[page.find("<body").expect("a body")..];
    insta::assert_snapshot!(body.replace("><", ">\n<"));
}

/// The seed plan of Amsterdam as an HTML report in `lang`, as of mid-period.
fn amsterdam(lang: Lang) -> (crate::plan::Plan, String) {
    let text = include_str!("../../../plans/amsterdam-aha.yaml");
    let plan = crate::load::load("a.yaml", text.as_bytes())
        .plan
        .expect("plan");
    let inputs = [crate::analysis::report::Input {
        file: "a.yaml",
        plan: &plan,
    }];
    let options = crate::analysis::report::Options {
        themes: Vec::new(),
        as_of: NaiveDate::from_ymd_opt(2022, 9, 1).expect("date"),
        lang,
    };
    let report = crate::analysis::report::report(&inputs, &options).expect("report");
    let page = render(&report);
    (plan, page)
}

#[test]
fn every_goal_with_two_measurements_has_one_trend_chart_with_a_data_table() {
    for lang in [Lang::En, Lang::Nl] {
        let (plan, page) = amsterdam(lang);
        let mut expected = Vec::new();
        crate::plan::index::walk_goals(
            &plan
                .themes
                .iter()
                .flat_map(|t| t.goals.clone())
                .collect::<Vec<_>>(),
            None,
            &mut |g, _| {
                if g.measurements
                    .iter()
                    .filter(|m| m.date.value.latest().is_some())
                    .count()
                    >= 2
                {
                    expected.push(g.id.value.0.clone());
                }
            },
        );
        assert!(
            !expected.is_empty(),
            "the seed plan measures some goals twice"
        );
        let trends: Vec<&str> = page
            .split("<figure class=\"chart trend\">")
            .skip(1)
            .collect();
        assert_eq!(trends.len(), expected.len(), "{lang:?}");
        for (figure, goal) in trends.iter().zip(&expected) {
            let figure = figure.split("</figure>").next().unwrap_or_default();
            assert!(
                figure.starts_with(&format!("<figcaption>{goal}: ")),
                "{goal}: {}",
                figure.chars().take(80).collect::<String>()
            );
            assert!(figure.contains("<svg"), "{goal}");
            assert!(figure.contains("<details>"), "{goal}: the data as a table");
        }
        let (measured, year) = match lang {
            Lang::En => (">measured<", ">planned<"),
            Lang::Nl => (">gemeten<", ">gepland<"),
        };
        assert!(page.contains(measured), "{lang:?}");
        assert!(page.contains(year), "{lang:?}");
        // The time axis of a trend is read by year: a tick labelled with a year alone.
        assert!(
            trends.iter().all(|t| t.contains(">2022</text>")),
            "{lang:?}"
        );
    }
}

#[test]
fn the_summary_is_first_and_its_items_link_to_their_sections() {
    for (lang, heading) in [(Lang::En, "Summary"), (Lang::Nl, "Samenvatting")] {
        let (_, page) = amsterdam(lang);
        let first = page.find("<section id=").expect("a section");
        assert!(
            page[first..].starts_with(&format!(
                "<section id=\"section-summary\"><h2>{heading}</h2>"
            )),
            "{}",
            &page[first..first + 80]
        );
        for target in ["region", "themes", "goals", "funding"] {
            assert!(
                page.contains(&format!("<a href=\"#section-{target}\">")),
                "{lang:?} {target}"
            );
            assert!(
                page.contains(&format!("id=\"section-{target}\"")),
                "{target}"
            );
        }
        assert!(page.contains("✖") || page.contains("▲") || page.contains("✔"));
    }
}
