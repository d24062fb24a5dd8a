//! End-to-end tests of `--format docx`: the Word document of `report` (each seed plan in both
//! languages), `gaps` and `diff` is a zip archive with the parts Word needs, and its
//! `word/document.xml` holds the title and, in a header row that repeats on every page, every
//! column header of every table of the report; a Word document is never written to a terminal.
//!
//! The ignored test opens every document in `LibreOffice` (headless, Debian's
//! `libreoffice-writer-nogui`), converts it to PDF and checks with `pdftotext` (poppler-utils)
//! that the title and every table header reach paper; `.ci/run` installs both and runs it. The
//! PDFs and a PNG of each page stay in `target/docx/` for a person to look at.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fixed date, so that days to deadlines do not change from day to day.
const AS_OF: &str = "2024-06-30";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn regioplan(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .current_dir(root())
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("runs")
}

fn succeeds(args: &[&str]) -> Vec<u8> {
    let output = regioplan(args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

/// The seed plans, in order.
fn seed_plans() -> Vec<String> {
    let mut plans: Vec<String> = std::fs::read_dir(root().join("plans"))
        .expect("plans/")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .map(|path| {
            format!(
                "plans/{}",
                path.file_name().expect("a name").to_string_lossy()
            )
        })
        .collect();
    plans.sort();
    assert!(!plans.is_empty(), "no seed plans");
    plans
}

/// A report to check: its name, the command line without `--format`, and where it is written.
struct Case {
    name: String,
    args: Vec<String>,
}

impl Case {
    fn args(&self) -> Vec<&str> {
        self.args.iter().map(String::as_str).collect()
    }

    /// The report's JSON: its title and tables, to compare the document with.
    fn json(&self) -> serde_json::Value {
        let args = [self.args().as_slice(), &["--format", "json"]].concat();
        serde_json::from_slice(&succeeds(&args)).expect("JSON")
    }

    /// Writes the Word document to `dir` with `-o`; its path.
    fn docx(&self, dir: &Path) -> PathBuf {
        let path = dir.join(format!("{}.docx", self.name));
        let path_text = path.to_str().expect("a UTF-8 path");
        let args = [
            self.args().as_slice(),
            &["--format", "docx", "-o", path_text],
        ]
        .concat();
        let out = succeeds(&args);
        assert!(out.is_empty(), "{}: -o writes nothing on stdout", self.name);
        path
    }
}

/// The report of each seed plan in both languages, the gap analysis and a diff of two
/// versions of a plan (`dir` holds the changed version).
fn cases(dir: &Path) -> Vec<Case> {
    let mut cases = Vec::new();
    for plan in seed_plans() {
        let stem = Path::new(&plan)
            .file_stem()
            .expect("a stem")
            .to_string_lossy()
            .to_string();
        for lang in ["nl", "en"] {
            cases.push(Case {
                name: format!("report-{stem}-{lang}"),
                args: ["report", &plan, "--lang", lang, "--as-of", AS_OF]
                    .map(String::from)
                    .to_vec(),
            });
        }
    }
    cases.push(Case {
        name: "gaps".into(),
        args: [
            "gaps",
            "plans/",
            "--framework",
            "cz-oi",
            "--framework",
            "hechte-huisartsenzorg",
            "--lang",
            "nl",
            "--as-of",
            AS_OF,
        ]
        .map(String::from)
        .to_vec(),
    });
    let old = root().join("plans/amsterdam-aha.yaml");
    let text = std::fs::read_to_string(&old).expect("the AhA plan");
    let changed = text
        .replacen("status: in_progress", "status: at_risk", 2)
        .replacen("name: GGZ\n", "name: Mentale gezondheid\n", 1);
    assert_ne!(text, changed, "the diff needs changes");
    let new = dir.join("amsterdam-aha-new.yaml");
    std::fs::write(&new, changed).expect("the new version");
    cases.push(Case {
        name: "diff".into(),
        args: vec![
            "diff".into(),
            old.to_str().expect("UTF-8").into(),
            new.to_str().expect("UTF-8").into(),
        ],
    });
    cases
}

/// Every column header of every table in a report's JSON, charts' tables not included (the
/// document shows those under their own headers, the series' names).
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

/// How many tables the document should have: one per table and one per chart (its data).
fn table_count(json: &serde_json::Value) -> usize {
    json["sections"]
        .as_array()
        .expect("sections")
        .iter()
        .flat_map(|s| s["blocks"].as_array().expect("blocks"))
        .filter(|b| b["type"] == "table" || (b["type"] == "chart" && has_points(b)))
        .count()
}

fn has_points(chart: &serde_json::Value) -> bool {
    chart["series"].as_array().is_some_and(|s| {
        s.iter()
            .any(|s| s["points"].as_array().is_some_and(|p| !p.is_empty()))
    })
}

/// The parts of a `.docx` archive by name.
fn parts(path: &Path) -> std::collections::BTreeMap<String, String> {
    let file = std::fs::File::open(path).expect("the document");
    let mut archive = zip::ZipArchive::new(file).expect("a zip archive");
    let mut parts = std::collections::BTreeMap::new();
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).expect("a part");
        let mut text = String::new();
        part.read_to_string(&mut text).expect("UTF-8 XML");
        let name = part.name().expect("a part name").to_string();
        parts.insert(name, text);
    }
    parts
}

/// The text of each paragraph (`w:p`) in a piece of the document's XML, unescaped.
fn paragraphs(xml: &str) -> Vec<String> {
    xml.split("</w:p>")
        .map(|p| {
            let mut text = String::new();
            for piece in p.split("<w:t").skip(1) {
                let Some((_, rest)) = piece.split_once('>') else {
                    continue;
                };
                let Some((content, _)) = rest.split_once("</w:t>") else {
                    continue;
                };
                text.push_str(content);
            }
            text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&amp;", "&")
        })
        .collect()
}

/// The text of every cell of every header row (`w:tblHeader`), in order.
fn header_cells(document: &str) -> Vec<String> {
    document
        .split("<w:tr>")
        .skip(1)
        .filter_map(|row| row.split_once("</w:tr>").map(|(row, _)| row))
        .filter(|row| row.contains("<w:tblHeader/>"))
        .flat_map(|row| {
            let cells: Vec<String> = row
                .split("</w:tc>")
                .filter(|c| c.contains("<w:tc>"))
                .map(|c| paragraphs(c).concat())
                .collect();
            cells
        })
        .collect()
}

fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A board member opens the document in Word: it must be a real OOXML package, titled, with
/// every table's header in a repeating header row.
#[test]
fn every_report_is_a_word_document_with_its_title_and_every_table_header() {
    let dir = tempfile::tempdir().expect("tempdir");
    for case in cases(dir.path()) {
        let json = case.json();
        let parts = parts(&case.docx(dir.path()));
        for name in [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/document.xml",
            "word/styles.xml",
            "docProps/core.xml",
        ] {
            assert!(parts.contains_key(name), "{}: no {name}", case.name);
        }
        let document = &parts["word/document.xml"];
        let title = json["title"].as_str().expect("a title");
        assert_eq!(
            paragraphs(document).first().map(String::as_str),
            Some(title),
            "{}: the document starts with the title",
            case.name
        );
        let headers = header_cells(document);
        let expected = column_headers(&json);
        assert!(
            !expected.is_empty(),
            "{}: a report without tables",
            case.name
        );
        let missing: Vec<&String> = expected.iter().filter(|h| !headers.contains(h)).collect();
        assert!(
            missing.is_empty(),
            "{}: column headers not in a header row: {missing:?}",
            case.name
        );
        assert_eq!(
            document.matches("<w:tblHeader/>").count(),
            table_count(&json),
            "{}: every table has one repeating header row",
            case.name
        );
        let lang = json["lang"].as_str().expect("a language");
        let tag = if lang == "nl" { "nl-NL" } else { "en-GB" };
        assert!(
            parts["word/styles.xml"].contains(&format!("<w:lang w:val=\"{tag}\"")),
            "{}: the spelling language is {tag}",
            case.name
        );
    }
}

/// A table of 13 columns does not fit a portrait A4 page: the document puts it on a landscape
/// page and goes back to portrait after it.
#[test]
fn wide_tables_go_on_landscape_pages() {
    let dir = tempfile::tempdir().expect("tempdir");
    let case = Case {
        name: "aha".into(),
        args: ["report", "plans/amsterdam-aha.yaml", "--as-of", AS_OF]
            .map(String::from)
            .to_vec(),
    };
    let document = &parts(&case.docx(dir.path()))["word/document.xml"];
    let landscape = document.matches("w:orient=\"landscape\"").count();
    let sections = document.matches("<w:sectPr>").count();
    assert!(landscape >= 1, "no landscape section");
    assert!(sections > landscape, "every page landscape");
}

/// `regioplan report --format docx` in a terminal would fill it with binary garbage: refused
/// with a message that says how to save the document; a pipe gets the document.
#[test]
fn a_word_document_is_never_written_to_a_terminal() {
    let bin = env!("CARGO_BIN_EXE_regioplan");
    let command =
        format!("'{bin}' report plans/amsterdam-aha.yaml --format docx; echo \"exit $?\"");
    // `script` (util-linux) runs the command with standard output on a new terminal.
    let output = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(root())
        .stdin(std::process::Stdio::null())
        .output()
        .expect("script (util-linux) runs");
    let shown = String::from_utf8_lossy(&output.stdout);
    assert!(
        words(&shown).contains(
            "a Word document cannot be shown in the terminal; save it as a file with `-o`"
        ),
        "{shown}"
    );
    assert!(shown.contains("exit 2"), "{shown}");
    assert!(
        !shown.contains("PK"),
        "no zip bytes on the terminal: {shown}"
    );

    let piped = succeeds(&["report", "plans/amsterdam-aha.yaml", "--format", "docx"]);
    assert!(piped.starts_with(b"PK\x03\x04"), "a zip archive on a pipe");
}

/// The text of a PDF, its words separated by single spaces; a word that wraps after its own
/// hyphen ("Co-" / "insurers") is whole.
fn pdf_text(pdf: &Path) -> String {
    let output = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (Debian's poppler-utils)");
    assert!(output.status.success(), "pdftotext {}", pdf.display());
    words(&String::from_utf8_lossy(&output.stdout).replace("-\n", "-"))
}

/// `LibreOffice` opens each document (every seed plan's report in Dutch and English, the gap
/// analysis, a diff), converts it to PDF, and the PDF holds the title and every table header.
#[test]
#[ignore = "needs LibreOffice (soffice, Debian's libreoffice-writer-nogui) and pdftotext (poppler-utils); .ci/run installs them"]
fn libreoffice_prints_the_title_and_every_table_header() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = root().join("target/docx");
    std::fs::create_dir_all(&out).expect("target/docx");
    let cases = cases(dir.path());
    let documents: Vec<PathBuf> = cases.iter().map(|c| c.docx(&out)).collect();
    // One LibreOffice for all documents: it starts once.
    let converted = Command::new("soffice")
        .env("HOME", dir.path())
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&out)
        .args(&documents)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("soffice runs (Debian's libreoffice-writer-nogui)");
    assert!(converted.status.success(), "{converted:?}");
    for case in &cases {
        let json = case.json();
        let pdf = out.join(format!("{}.pdf", case.name));
        assert!(
            pdf.is_file(),
            "{}: LibreOffice wrote no PDF: {converted:?}",
            case.name
        );
        let printed = pdf_text(&pdf);
        let title = words(json["title"].as_str().expect("a title"));
        assert!(
            printed.contains(&title),
            "{}: no title `{title}`",
            case.name
        );
        let missing: Vec<String> = column_headers(&json)
            .iter()
            .map(|h| words(h))
            .filter(|h| !printed.contains(h.as_str()))
            .collect();
        assert!(
            missing.is_empty(),
            "{}: column headers not on paper: {missing:?}",
            case.name
        );
        // Pages for a person to look at: target/docx/NAME-N.png.
        let pages = Command::new("pdftoppm")
            .args(["-png", "-r", "50"])
            .arg(&pdf)
            .arg(out.join(&case.name))
            .status()
            .expect("pdftoppm runs (poppler-utils)");
        assert!(pages.success(), "{}: pdftoppm", case.name);
    }
}

/// Plan text that looks like the document's own XML, or holds a control or bidirectional
/// character (which XML 1.0 cannot hold), is written as text: escaped markup, visible `\u{..}`
/// escapes, so the document still opens and says what the plan says.
#[test]
fn hostile_plan_text_stays_text_in_the_document() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = include_str!("../examples/valid/minimal.yaml")
        .replace(
            "name: Huisartsen Amstelland",
            "name: \"Regio</w:t></w:r></w:p><w:p><w:r><w:t>x & \\\"y\\\"\"",
        )
        .replace(
            "title: Betere toegang tot de GGZ",
            "title: \"a\\e[2J b\\u202Ec\\x01 d\\uFFFE\"",
        );
    std::fs::write(dir.path().join("plan.yaml"), plan).expect("the plan");
    let out = dir.path().join("plan.docx");
    let output = Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .current_dir(dir.path())
        .args(["report", "plan.yaml", "--format", "docx", "-o"])
        .arg(&out)
        .output()
        .expect("runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let document = &parts(&out)["word/document.xml"];
    assert!(!document.contains("Regio</w:t>"), "plan text became markup");
    let text = paragraphs(document).concat();
    assert!(
        text.contains("Regio</w:t></w:r></w:p><w:p><w:r><w:t>x & \"y\""),
        "{text}"
    );
    for c in ['\u{1b}', '\u{1}', '\u{202e}', '\u{fffe}'] {
        assert!(!document.contains(c), "{c:?} in the document's XML");
    }
    for escape in ["\\u{1b}[2J", "\\u{202e}", "\\u{1}", "\\u{fffe}"] {
        assert!(text.contains(escape), "{escape} not shown: {text}");
    }
}
