//! The edits a plan author makes by mistake, applied to each seed plan: each makes `check` exit
//! 1 with a diagnostic on the line of the change (for a missing key: the first line of the
//! mapping that lacks it).

use std::path::Path;
use std::process::Command;

const PLANS: [&str; 3] = [
    "plans/amsterdam-aha.yaml",
    "plans/rijnmond-dokters.yaml",
    "plans/amstelland-zorg.yaml",
];

/// Line numbers (0-based) of the first two themes' `- id:` lines and of the first theme's
/// `name:` and `trekker:` lines.
struct ThemeLines {
    first_id: usize,
    second_id: usize,
    name: usize,
    trekker: usize,
}

fn theme_lines(lines: &[&str]) -> ThemeLines {
    let start = lines
        .iter()
        .position(|l| *l == "themes:")
        .expect("a themes: list");
    let ids: Vec<usize> = (start..lines.len())
        .filter(|&i| lines[i].starts_with("  - id: "))
        .take(2)
        .collect();
    let find = |key: &str| {
        (ids[0]..ids[1])
            .find(|&i| lines[i].starts_with(&format!("    {key}: ")))
            .expect(key)
    };
    ThemeLines {
        first_id: ids[0],
        second_id: ids[1],
        name: find("name"),
        trekker: find("trekker"),
    }
}

/// Checks `text` as a plan; returns the exit code and (code, line) of every diagnostic.
fn check(text: &str) -> (Option<i32>, Vec<(String, u64)>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("plan.yaml");
    std::fs::write(&file, text).expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .args([
            "check",
            "--no-config",
            "--as-of",
            "2026-11-22",
            "--format",
            "json",
        ])
        .arg(&file)
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let found = json["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_string(),
                d["start"]["line"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    (output.status.code(), found)
}

fn assert_reported(plan: &str, what: &str, text: &str, code: &str, line: usize) {
    let (exit, found) = check(text);
    assert_eq!(
        exit,
        Some(1),
        "{plan}: {what} must fail the check: {found:?}"
    );
    let line = u64::try_from(line + 1).expect("line");
    assert!(
        found.iter().any(|(c, l)| c == code && *l == line),
        "{plan}: {what}: expected {code} on line {line}, got {found:?}"
    );
}

fn edited(lines: &[&str], index: usize, new: Option<String>) -> String {
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_string()).collect();
    match new {
        Some(line) => out[index] = line,
        None => {
            out.remove(index);
        }
    }
    out.join("\n") + "\n"
}

#[test]
fn each_mistake_is_reported_on_its_line_in_every_seed_plan() {
    for plan in PLANS {
        let original = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(plan))
            .expect("plan");
        let lines: Vec<&str> = original.lines().collect();
        let t = theme_lines(&lines);

        let text = edited(&lines, t.name, None);
        assert_reported(plan, "deleting a theme's name", &text, "RP011", t.first_id);

        let misspelt = lines[t.trekker].replace("trekker:", "trekkr:");
        assert_reported(
            plan,
            "misspelling trekker",
            &edited(&lines, t.trekker, Some(misspelt)),
            "RP010",
            t.trekker,
        );

        let first_id = lines[t.first_id].to_string();
        assert_reported(
            plan,
            "duplicating a theme id",
            &edited(&lines, t.second_id, Some(first_id)),
            "RP101",
            t.second_id,
        );

        let unknown = "    trekker: niemand.bekend".to_string();
        assert_reported(
            plan,
            "an unknown trekker",
            &edited(&lines, t.trekker, Some(unknown)),
            "RP102",
            t.trekker,
        );
    }
}

/// Mistakes in the parts added in format 1.1, one per seed plan line: each is reported on its
/// line with the same rules as the parts of format 1.0.
#[test]
fn mistakes_in_the_format_1_1_parts_are_reported_on_their_line() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "plans/amsterdam-aha.yaml",
            "  adopted_by: ab",
            "  adopted_by: abb",
            "RP103",
        ),
        (
            "examples/valid/mandate.yaml",
            "      of: gps",
            "      of: huisartsen",
            "RP013",
        ),
        (
            "plans/amsterdam-aha.yaml",
            "  started: 2020",
            "  started: 2020-13",
            "RP201",
        ),
        (
            "plans/amsterdam-aha.yaml",
            "    themes: [ggz, samenwerking-lijnen, ict]",
            "    themes: [ggz, samenwerking-lijn, ict]",
            "RP104",
        ),
        (
            "plans/rijnmond-dokters.yaml",
            "        goals: [sg-1]",
            "        goals: [sg-9]",
            "RP105",
        ),
        (
            "plans/rijnmond-dokters.yaml",
            "    merged_into: rijnmond-dokters",
            "    merged_into: rijnmond-dokter",
            "RP103",
        ),
        (
            "plans/rijnmond-dokters.yaml",
            "  started: 2022-01",
            "  started: 2022-1",
            "RP014",
        ),
        (
            "plans/rijnmond-dokters.yaml",
            "    count: 14",
            "    count: veertien",
            "RP012",
        ),
        (
            "plans/amstelland-zorg.yaml",
            "      places: [Ouderkerk aan de Amstel]",
            "      place: [Ouderkerk aan de Amstel]",
            "RP010",
        ),
        (
            "plans/amstelland-zorg.yaml",
            "        organisation: hca   #",
            "        organisation: hcaa   #",
            "RP103",
        ),
        (
            "plans/amstelland-zorg.yaml",
            "      - gemeente-aalsmeer",
            "      - gemeente-aalsmer",
            "RP103",
        ),
        (
            "plans/amstelland-zorg.yaml",
            "    kind: regional_table",
            "    kind: regiotafel",
            "RP013",
        ),
    ];
    for (plan, from, to, code) in cases {
        let original = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(plan))
            .expect("plan");
        let lines: Vec<&str> = original.lines().collect();
        let index = lines
            .iter()
            .position(|l| l.starts_with(from))
            .unwrap_or_else(|| panic!("{plan}: no line `{from}`"));
        let changed = lines[index].replacen(from, to, 1);
        assert_reported(
            plan,
            &format!("`{to}`"),
            &edited(&lines, index, Some(changed)),
            code,
            index,
        );
    }
}
