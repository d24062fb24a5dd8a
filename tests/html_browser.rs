//! The HTML report as a person sees it: a sample report with every chart kind, a heat map and
//! a long table is opened in a real headless Chromium, at a desktop and a phone width.
//!
//! The test drives Chromium over the `DevTools` protocol on a pipe (`--remote-debugging-pipe`:
//! JSON messages ending in a NUL byte on file descriptors 3 and 4, which a shell wrapper maps
//! onto the child's stdin and stdout), so it needs no `WebDriver` and no JavaScript package.
//! It checks that the page logs no console error, runs no script, draws every chart with a
//! real size, does not scroll sideways on a phone, and prints on A4 pages. Screenshots go to
//! `target/html-report-desktop.png` and `target/html-report-phone.png`, the PDF to
//! `target/html-report.pdf`, for a person to look at.
//!
//! The whole-plan report of every seed plan is printed in Dutch and English (`target/print-*`):
//! every column header and every id reaches paper whole, the summary fills page one and only
//! the last page is short. The README's pictures of paper are pages of the Dutch print of
//! `amsterdam-aha` (`target/print-amsterdam-aha-nl-{summary,wide-table}.png`);
//! `UPDATE_SCREENSHOTS=1` copies them to `docs/images/`.
//!
//! Chromium is not on every machine: `.ci/run` installs Debian's package in CI; set
//! `CHROMIUM` to use another binary.

use std::collections::VecDeque;
use std::fs::{self, File};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use chrono::NaiveDate;
use regioplan::report::{
    Block, Cell, Chart, ChartKind, Column, Lang, Marker, Meta, Point, Report, Section, Series,
    Table, Text, Tone,
};
use serde_json::{Value, json};

const THEMES: [&str; 6] = [
    "Ouderenzorg en kwetsbare ouderen",
    "GGZ in de huisartsenpraktijk",
    "Chronische zorg (diabetes, COPD, CVRM)",
    "Digitale zorg en e-health",
    "Arbeidsmarkt en opleiden",
    "Acute zorg <script>alert('x')</script>",
];
const STATUSES: [(&str, Tone); 5] = [
    ("achieved", Tone::Good),
    ("in_progress", Tone::Neutral),
    ("planned", Tone::Neutral),
    ("at_risk", Tone::Warning),
    ("stopped", Tone::Bad),
];

fn date(text: &str) -> Cell {
    Cell::date(text)
}

fn series(label: &str, points: Vec<(Cell, Cell)>) -> Series {
    Series {
        label: label.to_string(),
        points: points.into_iter().map(|(x, y)| Point { x, y }).collect(),
    }
}

fn chart(kind: ChartKind, title: &str, x: &str, y: &str, series: Vec<Series>) -> Chart {
    Chart {
        kind,
        title: title.to_string(),
        x_label: x.to_string(),
        y_label: y.to_string(),
        series,
        marker: None,
    }
}

fn section(id: &str, heading: &str, blocks: Vec<Block>) -> Section {
    Section {
        id: id.to_string(),
        heading: heading.to_string(),
        blocks,
    }
}

/// A regioplan report as the report and gaps commands will write one, built from the model.
fn sample() -> Report {
    let mut report = Report::new("sample", "Regioplan Amstelland 2024–2027: voortgang");
    report.lang = Lang::Nl;
    report.meta = vec![
        Meta {
            id: "region".into(),
            label: "Regio".into(),
            value: Cell::text("Amstelland"),
        },
        Meta {
            id: "as_of".into(),
            label: "Peildatum".into(),
            value: date("2025-11-26"),
        },
        Meta {
            id: "budget".into(),
            label: "Begroting".into(),
            value: Cell::euro(1_250_000.0),
        },
    ];
    report.lead = Some(
        Text::default()
            .plain("Voortgang van de zes thema's uit ")
            .code("plans/amstelland-zorg.yaml")
            .plain(", met de doelen per status en de deadlines tot 2027."),
    );

    let progress = [72.0, 45.0, 88.0, 20.0, 105.0, -5.0];
    let mut themes = Table::new(vec![
        Column::left("theme", "Thema"),
        Column::left("trekker", "Trekker"),
        Column::left("progress", "Voortgang"),
        Column::right("goals", "Doelen"),
        Column::left("status", "Status"),
    ]);
    for (i, theme) in THEMES.iter().enumerate() {
        let (status, tone) = STATUSES[i % STATUSES.len()];
        themes.push(vec![
            Cell::text(*theme),
            Cell::text(format!("trekker-{i}")),
            Cell::Progress { value: progress[i] },
            Cell::count(3 + i as u64, Some("doelen")),
            Cell::status(status, tone),
        ]);
    }
    let progress_chart = chart(
        ChartKind::Bar,
        "Voortgang per thema",
        "Thema",
        "Voortgang",
        vec![series(
            "Voortgang",
            THEMES
                .iter()
                .zip(progress)
                .map(|(t, v)| (Cell::text(*t), Cell::Progress { value: v }))
                .collect(),
        )],
    );
    let by_status = chart(
        ChartKind::StackedBar,
        "Doelen per status per thema",
        "Thema",
        "Doelen",
        STATUSES
            .iter()
            .enumerate()
            .map(|(s, (status, _))| {
                series(
                    status,
                    THEMES
                        .iter()
                        .enumerate()
                        .map(|(t, theme)| {
                            (Cell::text(*theme), Cell::count(((t + s) % 4) as u64, None))
                        })
                        .collect(),
                )
            })
            .collect(),
    );
    let mut timeline = chart(
        ChartKind::Timeline,
        "Deadlines en mijlpalen",
        "Datum",
        "Gebeurtenis",
        vec![
            series(
                "Ouderenzorg",
                vec![
                    (date("2024-03-01"), Cell::text("Kick-off")),
                    (date("2024-04-15"), Cell::text("Netwerk ouderenzorg")),
                    (date("2025-01-01"), Cell::text("Casemanagers in elke wijk")),
                    (date("2026-06-30"), Cell::text("Evaluatie")),
                ],
            ),
            series(
                "GGZ",
                vec![
                    (date("2024-09-01"), Cell::text("POH-GGZ jeugd")),
                    (
                        date("2025-12-31"),
                        Cell::status("Deadline consultatie", Tone::Warning),
                    ),
                    (date("2027-03-31"), Cell::text("Eindrapportage")),
                ],
            ),
            series(
                "Bestuur",
                vec![
                    (date("2024-01-15"), Cell::text("Regioplan vastgesteld")),
                    (date("2025-06-30"), Cell::text("Midterm review")),
                    (date("2027-12-31"), Cell::text("Einde planperiode")),
                ],
            ),
        ],
    );
    timeline.marker = Some(Marker {
        x: date("2025-11-26"),
        label: "Vandaag".into(),
    });
    let funding = chart(
        ChartKind::Bar,
        "Financiering per lid per ingeschreven patiënt",
        "Lid",
        "Per patiënt",
        vec![series(
            "Per patiënt",
            [
                "Zorggroep Noord",
                "Zorggroep West",
                "Gezondheidscentra Zuid",
                "HOED Centrum",
            ]
            .iter()
            .zip([12.5, 8.75, 15.0, 4.2])
            .map(|(m, v)| (Cell::text(*m), Cell::euro(v)))
            .collect(),
        )],
    );
    let uptake = chart(
        ChartKind::Line,
        "Deelnemende praktijken",
        "Datum",
        "Praktijken",
        vec![
            series(
                "Ouderenzorg",
                vec![
                    (date("2024-01-01"), Cell::count(12, None)),
                    (date("2024-07-01"), Cell::count(18, None)),
                    (date("2025-01-01"), Cell::count(25, None)),
                    (date("2025-07-01"), Cell::count(31, None)),
                ],
            ),
            series(
                "GGZ",
                vec![
                    (date("2024-01-01"), Cell::count(5, None)),
                    (date("2024-07-01"), Cell::count(9, None)),
                    (date("2025-01-01"), Cell::count(10, None)),
                    (date("2025-07-01"), Cell::count(16, None)),
                ],
            ),
        ],
    );
    let mut uptake = uptake;
    uptake.marker = Some(Marker {
        x: date("2025-11-26"),
        label: "Vandaag".into(),
    });

    let regions = [
        "Amstelland",
        "AHA",
        "Rijnmond",
        "Utrecht-Stad",
        "Twente",
        "Zeeland",
    ];
    let mut peers = Table::new(
        std::iter::once(Column::left("theme", "Thema"))
            .chain(regions.iter().map(|r| Column::right(r.to_lowercase(), *r)))
            .collect(),
    );
    for (t, theme) in THEMES.iter().enumerate() {
        peers.push(
            std::iter::once(Cell::text(*theme))
                .chain(regions.iter().enumerate().map(|(r, _)| {
                    let (status, tone) = STATUSES[(t * 3 + r) % 4];
                    if r % 3 == 2 {
                        Cell::Percent {
                            value: (t * 17 + r * 11) as f64 % 100.0,
                        }
                    } else {
                        Cell::status(status, tone)
                    }
                }))
                .collect(),
        );
    }

    let mut goals = Table::new(vec![
        Column::left("goal", "Doel"),
        Column::left("theme", "Thema"),
        Column::left("deadline", "Deadline"),
        Column::right("budget", "Budget"),
        Column::left("progress", "Voortgang"),
        Column::left("status", "Status"),
        Column::left("note", "Toelichting"),
    ]);
    let start = NaiveDate::from_ymd_opt(2024, 1, 31).expect("a date");
    for i in 0..60_u32 {
        let (status, tone) = STATUSES[i as usize % STATUSES.len()];
        goals.push(vec![
            Cell::text(format!("doel-{i:02}")),
            Cell::text(THEMES[i as usize % THEMES.len()]),
            Cell::Date {
                value: start + chrono::Days::new(u64::from(i) * 23),
            },
            Cell::euro(f64::from(i) * 1234.5),
            Cell::Progress {
                value: f64::from(i * 7 % 110),
            },
            Cell::status(status, tone),
            if i % 4 == 0 {
                Cell::Empty
            } else {
                Cell::text("Afspraken met de zorgverzekeraar over structurele financiering")
            },
        ]);
    }

    report.sections = vec![
        section(
            "themes",
            "Thema's",
            vec![Block::Table(themes), Block::Chart(progress_chart)],
        ),
        section("status", "Doelen per status", vec![Block::Chart(by_status)]),
        section("timeline", "Planning", vec![Block::Chart(timeline)]),
        section(
            "funding",
            "Financiering",
            vec![
                Block::Chart(funding),
                Block::Text(Text::default().plain("Bedragen per jaar, exclusief btw.")),
            ],
        ),
        section("uptake", "Deelname", vec![Block::Chart(uptake)]),
        section(
            "peers",
            "Vergelijking met andere regio's",
            vec![Block::Table(peers)],
        ),
        section("goals", "Alle doelen", vec![Block::Table(goals)]),
    ];
    report
}

/// Chromium driven over the `DevTools` protocol on a pipe.
struct Chromium {
    child: Child,
    to: ChildStdin,
    from: BufReader<ChildStdout>,
    next_id: u64,
    events: VecDeque<Value>,
    log: PathBuf,
}

impl Chromium {
    fn launch(profile: &Path, log: &Path) -> Self {
        let binary = std::env::var("CHROMIUM").unwrap_or_else(|_| "chromium".into());
        // fd 3 reads what we write to stdin, fd 4 writes to our stdout; `timeout` ends a hung
        // browser so the test fails instead of waiting for ever.
        let script = r#"exec "$0" --headless --no-sandbox --disable-gpu --disable-quic \
            --no-first-run --disable-background-networking --disable-component-update \
            --disable-sync --disable-extensions --hide-scrollbars --remote-debugging-pipe \
            --user-data-dir="$1" 3<&0 4>&1 0</dev/null 1>/dev/null"#;
        let mut child = Command::new("timeout")
            .args(["300", "sh", "-c", script])
            .arg(&binary)
            .arg(profile)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(File::create(log).expect("a log file"))
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {binary}: {e}"));
        let to = child.stdin.take().expect("stdin");
        let from = BufReader::new(child.stdout.take().expect("stdout"));
        Self {
            child,
            to,
            from,
            next_id: 0,
            events: VecDeque::new(),
            log: log.to_path_buf(),
        }
    }

    fn read(&mut self) -> Value {
        let mut message = Vec::new();
        let n = self.from.read_until(0, &mut message).expect("read");
        assert!(
            n > 0 && message.last() == Some(&0),
            "chromium closed the pipe; see {}",
            self.log.display()
        );
        message.pop();
        serde_json::from_slice(&message).expect("a JSON message")
    }

    /// Sends a command and returns its result, keeping the events that come before it.
    fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let mut message = json!({"id": self.next_id, "method": method});
        message["params"] = params;
        if let Some(session) = session {
            message["sessionId"] = json!(session);
        }
        let mut bytes = message.to_string().into_bytes();
        bytes.push(0);
        self.to.write_all(&bytes).expect("write");
        self.to.flush().expect("flush");
        loop {
            let reply = self.read();
            if reply["id"] == json!(self.next_id) {
                assert!(reply.get("error").is_none(), "{method}: {reply}");
                return reply["result"].clone();
            }
            self.events.push_back(reply);
        }
    }

    /// Waits for an event of a session.
    fn wait_for(&mut self, session: &str, method: &str) -> Value {
        let matches = |e: &Value| e["method"] == method && e["sessionId"] == session;
        if let Some(i) = self.events.iter().position(matches) {
            return self.events.remove(i).expect("an event");
        }
        loop {
            let event = self.read();
            if matches(&event) {
                return event;
            }
            self.events.push_back(event);
        }
    }

    /// The console errors, uncaught exceptions and error log entries (a blocked resource, a
    /// refused script) of a session so far.
    fn errors(&self, session: &str) -> Vec<String> {
        self.events
            .iter()
            .filter(|e| e["sessionId"] == session)
            .filter_map(|e| {
                let params = &e["params"];
                match e["method"].as_str()? {
                    "Runtime.consoleAPICalled"
                        if matches!(params["type"].as_str(), Some("error" | "assert")) =>
                    {
                        Some(format!("console: {}", params["args"]))
                    }
                    "Runtime.exceptionThrown" => {
                        Some(format!("exception: {}", params["exceptionDetails"]))
                    }
                    "Log.entryAdded" if params["entry"]["level"] == "error" => {
                        Some(format!("log: {}", params["entry"]))
                    }
                    _ => None,
                }
            })
            .collect()
    }

    /// Opens `url` in a new tab with a viewport of this size; returns the session.
    fn open(&mut self, url: &str, width: u32, height: u32, mobile: bool) -> String {
        let target = self.call(None, "Target.createTarget", json!({"url": "about:blank"}));
        let attached = self.call(
            None,
            "Target.attachToTarget",
            json!({"targetId": target["targetId"], "flatten": true}),
        );
        let session = attached["sessionId"]
            .as_str()
            .expect("a session")
            .to_string();
        let s = Some(session.as_str());
        for domain in ["Page.enable", "Runtime.enable", "Log.enable"] {
            self.call(s, domain, json!({}));
        }
        self.call(
            s,
            "Emulation.setDeviceMetricsOverride",
            json!({"width": width, "height": height,
                   "deviceScaleFactor": if mobile { 2 } else { 1 }, "mobile": mobile}),
        );
        self.call(s, "Page.navigate", json!({"url": url}));
        self.wait_for(&session, "Page.loadEventFired");
        session
    }

    fn evaluate(&mut self, session: &str, expression: &str) -> Value {
        let result = self.call(
            Some(session),
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true}),
        );
        assert!(result.get("exceptionDetails").is_none(), "{result}");
        result["result"]["value"].clone()
    }

    fn close(mut self) {
        let _ = self.call(None, "Browser.close", json!({}));
        let _ = self.child.wait();
    }
}

/// What the page looks like from the inside: the size of every chart, whether it scrolls
/// sideways, its height, and whether any script is on it.
const FACTS: &str = r"({
  charts: [...document.querySelectorAll('figure.chart svg')].map(s => {
    const r = s.getBoundingClientRect();
    return {width: r.width, height: r.height};
  }),
  tables: document.querySelectorAll('table').length,
  scrolling: [...document.querySelectorAll('.table-wrap')]
    .filter(w => w.scrollWidth > w.clientWidth + 1)
    .map(w => [...w.querySelectorAll('thead th')].map(th => th.textContent).join(' | ')),
  scrollWidth: document.documentElement.scrollWidth,
  innerWidth: window.innerWidth,
  height: document.documentElement.scrollHeight,
  scripts: document.scripts.length,
  title: document.title,
})";

fn decode_base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let digits: Vec<u8> = text.bytes().filter(|c| *c != b'=').map(value).collect();
    let mut out = Vec::with_capacity(digits.len() * 3 / 4);
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0_u32, |n, (i, d)| n | u32::from(*d) << (18 - 6 * i));
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    out
}

/// The width and height in points of each page of a PDF, read from the pages' `/MediaBox`.
fn media_boxes(pdf: &[u8]) -> Vec<(f64, f64)> {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/MediaBox")
        .map(|(at, _)| {
            let rest = &text[at..];
            let open = rest.find('[').expect("[");
            let close = rest.find(']').expect("]");
            let numbers: Vec<f64> = rest[open + 1..close]
                .split_whitespace()
                .map(|n| n.parse().expect("a number"))
                .collect();
            (numbers[2] - numbers[0], numbers[3] - numbers[1])
        })
        .collect()
}

fn target_dir() -> PathBuf {
    // CARGO_TARGET_TMPDIR is `target/tmp`.
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target directory")
        .to_path_buf()
}

/// What a page must be: its title and how many charts it has.
struct Expected {
    title: String,
    charts: usize,
}

impl Expected {
    fn of(report: &Report) -> Self {
        Self {
            title: report.title.clone(),
            charts: report
                .sections
                .iter()
                .flat_map(|s| &s.blocks)
                .filter(|b| matches!(b, Block::Chart(_)))
                .count(),
        }
    }

    /// The same facts from a report's JSON (`--format json`).
    fn of_json(json: &serde_json::Value) -> Self {
        let sections = json["sections"].as_array().expect("sections");
        Self {
            title: json["title"].as_str().expect("a title").to_string(),
            charts: sections
                .iter()
                .flat_map(|s| s["blocks"].as_array().expect("blocks"))
                .filter(|b| b["type"] == "chart")
                .count(),
        }
    }
}

/// Opens `page` at desktop and phone widths: no console errors, no script, every chart drawn
/// with a real size, no sideways scrolling; screenshots `{name}-desktop.png` and
/// `{name}-phone.png` and an A4 print `{name}.pdf` under `target/`.
fn check_page(chromium: &mut Chromium, page: &Path, name: &str, expected: &Expected) {
    let target = target_dir();
    let url = format!("file://{}", page.canonicalize().expect("a path").display());
    for (size, width, height, mobile) in [("desktop", 1280, 900, false), ("phone", 390, 844, true)]
    {
        let session = chromium.open(&url, width, height, mobile);
        let facts = chromium.evaluate(&session, FACTS);
        assert_eq!(facts["title"], json!(expected.title), "{name} {size}");
        assert_eq!(
            facts["scripts"], 0,
            "{name} {size}: a script got onto the page"
        );
        let sizes = facts["charts"].as_array().expect("charts");
        assert_eq!(
            sizes.len(),
            expected.charts,
            "{name} {size}: every chart is drawn: {facts}"
        );
        for chart in sizes {
            let (w, h) = (chart["width"].as_f64(), chart["height"].as_f64());
            assert!(
                w > Some(100.0) && h > Some(40.0) && w <= facts["innerWidth"].as_f64(),
                "{name} {size}: a chart of {chart} in a window of {}",
                facts["innerWidth"]
            );
        }
        assert!(
            facts["scrollWidth"].as_f64() <= facts["innerWidth"].as_f64(),
            "{name} {size}: the page scrolls sideways: {facts}"
        );

        if !mobile {
            // On a desktop screen every column of every table is in view, none scrolls.
            assert_eq!(
                facts["scrolling"],
                json!([]),
                "{name} {size}: tables that scroll sideways"
            );
        }

        let full_height = facts["height"].as_f64().expect("a height");
        let shot = chromium.call(
            Some(&session),
            "Page.captureScreenshot",
            json!({"format": "png", "captureBeyondViewport": true,
                   "clip": {"x": 0, "y": 0, "width": width, "height": full_height, "scale": 1}}),
        );
        let png = decode_base64(shot["data"].as_str().expect("png data"));
        assert!(png.starts_with(b"\x89PNG"), "{name} {size}: a PNG");
        fs::write(target.join(format!("{name}-{size}.png")), png).expect("write");

        if !mobile {
            let printed = chromium.call(
                Some(&session),
                "Page.printToPDF",
                json!({"preferCSSPageSize": true, "printBackground": true}),
            );
            let pdf = decode_base64(printed["data"].as_str().expect("pdf data"));
            fs::write(target.join(format!("{name}.pdf")), &pdf).expect("write");
            let pages = media_boxes(&pdf);
            assert!(!pages.is_empty(), "{name}: no printed page");
            for (w, h) in &pages {
                assert!(
                    (w - 595.0).abs() < 1.5 && (h - 842.0).abs() < 1.5,
                    "{name}: not A4: {w} x {h}"
                );
            }
        }
        let errors = chromium.errors(&session);
        assert!(errors.is_empty(), "{name} {size}: {errors:#?}");
    }
}

/// The text of a PDF in drawing order (`pdftotext -raw`, so a cell's wrapped lines stay
/// together), its words separated by single spaces.
fn pdf_text(pdf: &Path) -> String {
    words(&pdf_pages_text(pdf, &[]).replace("-\n", "-"))
}

/// The text of page `page` (from 1) of a PDF, as [`pdf_text`] gives it.
fn pdf_page_text(pdf: &Path, page: usize) -> String {
    let page = page.to_string();
    words(&pdf_pages_text(pdf, &["-f", &page, "-l", &page]).replace("-\n", "-"))
}

fn pdf_pages_text(pdf: &Path, pages: &[&str]) -> String {
    let output = std::process::Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .args(pages)
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (Debian's poppler-utils)");
    assert!(output.status.success(), "pdftotext {}", pdf.display());
    // The callers join a header that wraps after its own hyphen ("Co-" / "insurers"): it is
    // whole on paper.
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// How many lines of text page `page` (from 1) of a PDF holds, as laid out on the page.
fn pdf_page_lines(pdf: &Path, page: usize) -> usize {
    let page = page.to_string();
    let output = std::process::Command::new("pdftotext")
        .args(["-layout", "-f", &page, "-l", &page, "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (Debian's poppler-utils)");
    assert!(output.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count()
}

/// The pictures of paper in the README: page one (the summary) and the first page that holds
/// every column header of the report's widest table, as `target/{name}-summary.png` and
/// `target/{name}-wide-table.png`; with `UPDATE_SCREENSHOTS=1` also as
/// `docs/images/print-summary.png` and `docs/images/print-wide-table.png`.
fn screenshots(pdf: &Path, json: &serde_json::Value, name: &str) {
    let widest = json["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|s| s["blocks"].as_array().expect("blocks"))
        .filter(|b| b["type"] == "table")
        .filter_map(|b| b["columns"].as_array())
        .max_by_key(|columns| columns.len())
        .expect("a table");
    let headers: Vec<String> = widest
        .iter()
        .map(|c| words(c["label"].as_str().expect("a label")))
        .collect();
    let pages = media_boxes(&fs::read(pdf).expect("the PDF")).len();
    let wide = (2..=pages)
        .find(|page| {
            let text = pdf_page_text(pdf, *page);
            headers.iter().all(|h| text.contains(h.as_str()))
        })
        .unwrap_or_else(|| panic!("{name}: no page with every header of {headers:?}"));
    let update = std::env::var_os("UPDATE_SCREENSHOTS").is_some();
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/images");
    for (page, what) in [(1, "summary"), (wide, "wide-table")] {
        let prefix = target_dir().join(format!("{name}-{what}"));
        let page = page.to_string();
        let status = std::process::Command::new("pdftoppm")
            .args(["-png", "-r", "72", "-singlefile", "-f", &page, "-l", &page])
            .arg(pdf)
            .arg(&prefix)
            .status()
            .expect("pdftoppm runs (Debian's poppler-utils)");
        assert!(status.success(), "pdftoppm {}", pdf.display());
        if update {
            fs::copy(
                prefix.with_extension("png"),
                docs.join(format!("print-{what}.png")),
            )
            .expect("copy a screenshot");
        }
    }
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every column header of every table in a report's JSON (a chart's data table is not
/// printed: the chart is).
fn column_headers(json: &serde_json::Value) -> Vec<String> {
    json["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|s| s["blocks"].as_array().expect("blocks"))
        .filter(|b| b["type"] == "table")
        .flat_map(|b| b["columns"].as_array().expect("columns"))
        .map(|c| c["label"].as_str().expect("a label").to_string())
        .collect()
}

/// The ids in the tables of a report's JSON: text and link cells of one short word with a
/// hyphen (`ggz-1a`).
fn ids(json: &serde_json::Value) -> Vec<String> {
    let mut ids: Vec<String> = json["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|s| s["blocks"].as_array().expect("blocks"))
        .filter(|b| b["type"] == "table")
        .flat_map(|b| b["rows"].as_array().expect("rows"))
        .flat_map(|r| r.as_array().expect("a row"))
        .filter_map(|c| match c["type"].as_str() {
            Some("text") => c["value"].as_str(),
            Some("link") => c["text"].as_str(),
            _ => None,
        })
        .filter(|t| t.contains('-') && t.chars().count() <= 12 && !t.contains(char::is_whitespace))
        .map(str::to_string)
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// Runs the binary; its standard output.
fn regioplan(args: &[&str]) -> Vec<u8> {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

#[test]
#[ignore = "needs chromium and pdftotext (poppler-utils); run by .ci/run"]
fn the_html_report_in_a_real_browser() {
    let report = sample();
    let target = target_dir();
    let page = target.join("html-report.html");
    let mut html = Vec::new();
    regioplan::render::html::html(&mut html, &report).expect("render");
    fs::write(&page, html).expect("write the page");

    let profile = tempfile::tempdir().expect("a profile directory");
    let mut chromium = Chromium::launch(profile.path(), &target.join("html-report-chromium.log"));
    check_page(&mut chromium, &page, "html-report", &Expected::of(&report));

    // The real reports of the seed plans, as a board and an insurer get them.
    for (name, args) in [
        (
            "html-report-aha",
            vec![
                "report",
                "plans/amsterdam-aha.yaml",
                "--lang",
                "nl",
                "--as-of",
                "2022-03-01",
            ],
        ),
        (
            "html-report-ggz",
            vec![
                "report",
                "plans/",
                "--theme",
                "ggz",
                "--as-of",
                "2022-03-01",
            ],
        ),
        (
            "html-gaps",
            vec![
                "gaps",
                "plans/",
                "--framework",
                "cz-oi",
                "--framework",
                "hechte-huisartsenzorg",
                "--as-of",
                "2023-06-30",
            ],
        ),
    ] {
        let json: serde_json::Value = serde_json::from_slice(&regioplan(
            &[args.as_slice(), &["--format", "json"]].concat(),
        ))
        .expect("JSON");
        let real = target.join(format!("{name}.html"));
        fs::write(
            &real,
            regioplan(&[args.as_slice(), &["--format", "html"]].concat()),
        )
        .expect("write the page");
        check_page(&mut chromium, &real, name, &Expected::of_json(&json));
    }

    // The whole-plan report of every seed plan in both languages, printed on A4: every
    // column header of every table reaches paper (a table cut at the page's edge loses them).
    // Relative paths (the binary runs in the package's folder), as a person types them: the
    // report's lead names the file.
    let mut plans: Vec<PathBuf> = fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("plans"))
        .expect("plans/")
        .map(|entry| Path::new("plans").join(entry.expect("an entry").file_name()))
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    plans.sort();
    assert!(plans.len() >= 3, "the seed plans: {plans:?}");
    for plan in &plans {
        let stem = plan.file_stem().expect("a name").to_string_lossy();
        let plan = plan.to_str().expect("a UTF-8 path");
        for lang in ["nl", "en"] {
            let name = format!("print-{stem}-{lang}");
            let args = ["report", plan, "--lang", lang, "--as-of", "2024-06-30"];
            let json: serde_json::Value = serde_json::from_slice(&regioplan(
                &[args.as_slice(), &["--format", "json"]].concat(),
            ))
            .expect("JSON");
            let page = target.join(format!("{name}.html"));
            fs::write(
                &page,
                regioplan(&[args.as_slice(), &["--format", "html"]].concat()),
            )
            .expect("write the page");
            check_page(&mut chromium, &page, &name, &Expected::of_json(&json));
            let printed = pdf_text(&target.join(format!("{name}.pdf")));
            let headers = column_headers(&json);
            assert!(!headers.is_empty(), "{name}: a report without tables");
            let missing: Vec<&String> = headers
                .iter()
                .filter(|h| !printed.contains(&words(h)))
                .collect();
            assert!(
                missing.is_empty(),
                "{name}: column headers not on paper: {missing:?}"
            );
            let pdf = target.join(format!("{name}.pdf"));
            // An id in a narrow column is printed whole, not broken after its hyphen.
            let lines = words(&pdf_pages_text(&pdf, &[]));
            let broken: Vec<String> = ids(&json)
                .into_iter()
                .filter(|id| !lines.contains(id.as_str()))
                .collect();
            assert!(broken.is_empty(), "{name}: ids broken on paper: {broken:?}");
            // No page is forced to start: only the last one may be short.
            let pages = media_boxes(&fs::read(&pdf).expect("the PDF")).len();
            for page in 1..pages {
                let lines = pdf_page_lines(&pdf, page);
                assert!(
                    lines >= 12,
                    "{name}: page {page} of {pages} has {lines} lines"
                );
            }
            // Page one is the summary: the next section starts on page two.
            let first = pdf_page_text(&pdf, 1);
            let summary = &json["sections"][0];
            assert_eq!(summary["id"], "summary", "{name}: the summary comes first");
            for heading in [&json["title"], &summary["heading"]] {
                let heading = words(heading.as_str().expect("a heading"));
                assert!(
                    first.contains(&heading),
                    "{name}: `{heading}` not on page one"
                );
            }
            if let Some(next) = json["sections"][1]["heading"].as_str() {
                let second = pdf_page_text(&pdf, 2);
                assert!(
                    second.starts_with(&words(next)),
                    "{name}: the summary does not fit on page one; page two: {second:.200}"
                );
            }
            if stem == "amsterdam-aha" && lang == "nl" {
                screenshots(&pdf, &json, &name);
            }
        }
    }

    // A control: the same page with a script smuggled in (as a renderer that forgot to escape
    // would write it) is refused by the page's policy, and the refusal is an error this test
    // sees; so an empty list of errors above means something.
    let html = fs::read_to_string(&page).expect("the page");
    let control = target.join("html-report-control.html");
    fs::write(
        &control,
        html.replacen("<main>", "<main><script>console.log('ran')</script>", 1),
    )
    .expect("write the control");
    let url = format!(
        "file://{}",
        control.canonicalize().expect("a path").display()
    );
    let session = chromium.open(&url, 1280, 900, false);
    let facts = chromium.evaluate(&session, FACTS);
    assert_eq!(facts["scripts"], 1, "{facts}");
    let errors = chromium.errors(&session);
    assert!(
        errors.iter().any(|e| e.contains("Content Security Policy")),
        "the control's script was not refused: {errors:#?}"
    );
    chromium.close();
}
