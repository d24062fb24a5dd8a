//! A plan's text cannot forge or drive any output: one test per format, on a plan whose key,
//! reference, name and goal title carry an escape sequence that clears the terminal, a carriage
//! return and a line break followed by a forged GitHub workflow command, raw HTML, an image, a
//! mention and a `javascript:` link. Each asserts what a user (or a CI log, or a pull-request
//! comment) would see.

use std::path::Path;
use std::process::{Command, Output};

/// The hostile text, as a YAML double-quoted string's content.
const HOSTILE: &str = r"x\e[2J\r\n::error::forged <img src=x onerror=alert(1)> ![x](http://evil/x.png) @team [link](javascript:alert(1)) 50%,a:b";

/// What the hostile text is once YAML has read it.
const READ: &str = "x\u{1b}[2J\r\n::error::forged <img src=x onerror=alert(1)> ![x](http://evil/x.png) @team [link](javascript:alert(1)) 50%,a:b";

fn minimal() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/valid/minimal.yaml"),
    )
    .expect("the minimal example")
}

/// A plan with two findings that quote the hostile text: an unknown key and an owner that is
/// not an id.
fn hostile_findings() -> String {
    let plan = minimal().replace(
        "        owner: a.bakker",
        &format!("        owner: \"{HOSTILE}\""),
    );
    format!("{plan}\"k{HOSTILE}\": 1\n")
}

/// A sound plan whose region name and goal title are the hostile text.
fn hostile_names() -> String {
    minimal()
        .replace(
            "name: Huisartsen Amstelland",
            &format!("name: \"{HOSTILE}\""),
        )
        .replace(
            "title: Betere toegang tot de GGZ",
            &format!("title: \"{HOSTILE}\""),
        )
}

/// The file name, hostile too: `,` and `:` end a workflow command's property, `%` starts an
/// escape.
const FILE: &str = "a,line=1:b%.yaml";

fn run(dir: &Path, args: &[&str]) -> String {
    let output: Output = Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_ACTIONS")
        .output()
        .expect("the binary runs");
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

fn check(format: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join(FILE), hostile_findings()).expect("writes");
    run(
        dir.path(),
        &["check", "--as-of", "2026-11-22", "--format", format, FILE],
    )
}

/// No escape sequence, carriage return or C1 control reaches the reader.
fn assert_no_controls(text: &str) {
    assert!(
        !text.contains(['\u{1b}', '\r', '\u{9b}', '\u{7}']),
        "{text:?}"
    );
}

/// No line of the output is a workflow command the plan wrote (GitHub's runner trims a line
/// before it looks for `::`).
fn assert_no_forged_line(text: &str) {
    for line in text.lines() {
        assert!(!line.trim_start().starts_with("::error::forged"), "{text}");
    }
}

#[test]
fn human_shows_hostile_text_on_one_line() {
    let text = check("human");
    assert_no_controls(&text);
    assert_no_forged_line(&text);
    assert!(
        text.contains("unknown key `kx\\u{1b}[2J\\u{d}\\n::error::forged <img"),
        "{text}"
    );
    // The quoted plan line shows the escape as it is written in the file.
    assert!(text.contains(&format!("| \"k{HOSTILE}\": 1")), "{text}");
}

#[test]
fn concise_keeps_one_finding_per_line() {
    let text = check("concise");
    assert_no_controls(&text);
    assert_no_forged_line(&text);
    assert_eq!(
        text.lines().count(),
        3,
        "two findings and the summary: {text}"
    );
    assert!(
        text.lines().any(|l| l.starts_with(&format!(
            "{FILE}:42:1: error[RP010] unknown key `kx\\u{{1b}}[2J\\u{{d}}\\n::error::forged"
        ))),
        "{text}"
    );
}

#[test]
fn github_commands_cannot_be_ended_or_forged() {
    let text = check("github");
    assert_no_controls(&text);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    for line in &lines[..2] {
        assert!(
            line.starts_with("::error file=a%2Cline=1%3Ab%25.yaml,line="),
            "{line}"
        );
    }
    assert!(
        text.contains("unknown key `kx\\u{1b}[2J\\u{d}%0A::error::forged <img src=x onerror=alert(1)> ![x](http://evil/x.png) @team [link](javascript:alert(1)) 50%25,a:b` in the top level"),
        "{text}"
    );
    assert!(lines[2].starts_with("Checked 1 file"), "{text}");
}

/// The JSON formats escape by construction: the document parses and holds the text exactly.
fn assert_json_holds_the_text(text: &str, pointer: &str) {
    assert_no_controls(text);
    let value: serde_json::Value = serde_json::from_str(text).expect("one JSON document");
    let message = value
        .pointer(pointer)
        .and_then(|m| m.as_str())
        .expect(pointer);
    assert!(message.contains(READ), "{message:?}");
}

#[test]
fn gitlab_is_json_that_holds_the_text() {
    assert_json_holds_the_text(&check("gitlab"), "/1/description");
}

#[test]
fn sarif_is_json_that_holds_the_text() {
    assert_json_holds_the_text(&check("sarif"), "/runs/0/results/1/message/text");
}

#[test]
fn json_holds_the_text() {
    assert_json_holds_the_text(&check("json"), "/files/0/diagnostics/1/message");
}

#[test]
fn junit_escapes_markup_and_controls() {
    let text = check("junit");
    assert_no_controls(&text);
    assert!(!text.contains("<img"), "{text}");
    assert!(
        text.contains(
            "unknown key `kx\u{fffd}[2J &#10;::error::forged &lt;img src=x onerror=alert(1)&gt;"
        ),
        "{text}"
    );
}

fn two_versions() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("old.yaml"), minimal()).expect("writes");
    std::fs::write(dir.path().join("new.yaml"), hostile_names()).expect("writes");
    dir
}

/// Markdown for a pull-request comment: no raw HTML, image, mention or link from the plan, and
/// the line break stays inside its cell.
fn assert_neutral_markdown(text: &str) {
    assert_no_controls(text);
    assert_no_forged_line(text);
    assert!(
        text.contains(
            "x\\\\u{1b}\\[2J<br>::error::forged &lt;img src=x onerror=alert(1)&gt; \
             !\\[x\\](http&#8203;://evil/x.png) @&#8203;team \\[link\\](javascript:alert(1))"
        ),
        "{text}"
    );
    for raw in ["<img", "![x](", "[link](", " @team"] {
        assert!(!text.contains(raw), "{raw} in {text}");
    }
}

/// A terminal table: no escape sequence, and no line that starts with the plan's text.
fn assert_safe_table(text: &str) {
    assert_no_controls(text);
    assert_no_forged_line(text);
    assert!(text.contains("x\\u{1b}[2J\\u{d}"), "{text}");
}

#[test]
fn diff_table_and_markdown_neutralise_plan_text() {
    let dir = two_versions();
    let diff = |format| {
        run(
            dir.path(),
            &["diff", "old.yaml", "new.yaml", "--format", format],
        )
    };
    assert_safe_table(&diff("table"));
    assert_neutral_markdown(&diff("markdown"));
}

#[test]
fn gaps_table_and_markdown_neutralise_plan_text() {
    let dir = two_versions();
    let gaps = |format| {
        run(
            dir.path(),
            &[
                "gaps",
                "new.yaml",
                "--as-of",
                "2026-11-22",
                "--format",
                format,
            ],
        )
    };
    assert_safe_table(&gaps("table"));
    assert_neutral_markdown(&gaps("markdown"));
}

#[test]
fn report_table_markdown_and_csv_neutralise_plan_text() {
    let dir = two_versions();
    let report = |format| {
        run(
            dir.path(),
            &[
                "report",
                "new.yaml",
                "--as-of",
                "2026-11-22",
                "--format",
                format,
            ],
        )
    };
    let table = report("table");
    assert_safe_table(&table);
    assert!(
        table.contains("x\\u{1b}[2J\\u{d}\\n::error::forged"),
        "the title on one line: {table}"
    );
    assert_neutral_markdown(&report("markdown"));
    // CSV is for a spreadsheet, not a terminal: tests/report.rs checks it starts no formula.
}

#[test]
fn an_error_quoting_the_plan_stays_on_one_visible_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("h.yaml"), hostile_findings()).expect("writes");
    let output = Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .args(["report", "h.yaml"])
        .current_dir(dir.path())
        .output()
        .expect("the binary runs");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert_no_controls(&stderr);
    assert_no_forged_line(&stderr);
    assert!(
        stderr.starts_with(
            "error: `h.yaml` does not load: 34:16: `x\\u{1b}[2J\\u{d}\\n::error::forged"
        ),
        "{stderr}"
    );
}
