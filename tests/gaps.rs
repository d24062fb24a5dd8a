//! `regioplan gaps` and `regioplan frameworks` end to end, and the seed findings: the three
//! plans in `plans/` show the gaps the source articles describe.
//! Run with `UPDATE_SCHEMA=1 cargo test --test gaps` to rewrite the framework schema.

use std::path::Path;
use std::process::{Command, Output};

use regioplan::analysis::gaps::frameworks::Verdict;
use regioplan::analysis::gaps::{self, Analysis, GapKind, Options, PlanInput};
use regioplan::plan::catalogue::Catalogue;

fn bin(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("COLUMNS")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("runs")
}

fn seeds() -> Analysis {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("plans/")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    let loaded: Vec<_> = files
        .iter()
        .map(|f| regioplan::load::load(&f.display().to_string(), &std::fs::read(f).expect("read")))
        .collect();
    let plans: Vec<PlanInput<'_>> = loaded
        .iter()
        .map(|l| PlanInput {
            source: &l.source,
            plan: l.plan.as_ref().expect("seed plan loads"),
        })
        .collect();
    let frameworks: Vec<_> = ["cz-oi", "hechte-huisartsenzorg", "iza-regioplan"]
        .iter()
        .map(|f| regioplan::frameworks::built_in(f).expect("built in"))
        .collect();
    let options = Options {
        as_of: chrono::NaiveDate::from_ymd_opt(2023, 6, 30).expect("date"),
        themes: Vec::new(),
    };
    gaps::analyse(&plans, &frameworks, &Catalogue::built_in(), &options)
}

#[test]
fn aha_funds_its_zorggroepen_unequally() {
    let a = seeds();
    let spread = a
        .funding
        .spreads
        .iter()
        .find(|s| s.region == "AhA" && s.line == "o_and_i" && s.year == 2020)
        .expect("AhA O&I 2020");
    // EUR 518,400 / 108,000 = 4.80 (zg-oost) to EUR 1,530,000 / 150,000 = 10.20 (zg-zuid):
    // 10.20 / 4.80 = 2.125. Median of the eight: (6.90 + 7.30) / 2 = 7.10.
    assert_eq!(spread.members, 8);
    assert!((spread.min - 4.8).abs() < 1e-9 && (spread.max - 10.2).abs() < 1e-9);
    assert!((spread.ratio - 2.125).abs() < 1e-9);
    assert!((spread.median - 7.1).abs() < 1e-9);
    // To the median: (7.10 - 4.80) * 108,000 + (7.10 - 5.10) * 135,000
    // + (7.10 - 6.20) * 98,000 + (7.10 - 6.90) * 70,000 = 248,400 + 270,000 + 88,200
    // + 14,000 = 620,600.
    assert!(
        (spread.to_median - 620_600.0).abs() < 0.01,
        "{}",
        spread.to_median
    );
    assert!(
        a.funding
            .gaps
            .iter()
            .any(|g| g.region == "AhA"
                && matches!(g.kind, GapKind::UnequalFunding { year: 2020, .. }))
    );
    // The LHV-kring and the huisartsenposten have no patient count: named, not skipped.
    for member in ["lhv-kring-amsterdam", "hap-amsterdam"] {
        assert!(
            a.funding
                .without_patients
                .contains(&("AhA".to_string(), member.to_string()))
        );
    }
}

#[test]
fn aha_has_not_decided_on_the_arbeidsmarkt() {
    let a = seeds();
    assert!(a.own.gaps.iter().any(|g| g.region == "AhA"
        && g.kind
            == GapKind::Undecided {
                theme: "arbeidsmarkt".into()
            }
        && g.location.as_deref().is_some_and(|l| {
            l.starts_with(&format!(
                "{}",
                Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("plans/amsterdam-aha.yaml")
                    .display()
            ))
        })));
}

#[test]
fn rijnmond_has_five_percent_of_practices_outside() {
    let a = seeds();
    let gap = a
        .uptake
        .gaps
        .iter()
        .find(|g| g.region == "Rijnmond Dokters")
        .expect("a gap");
    // 274 practices, 260 joined (95%): 5%, 14 practices.
    assert_eq!(
        gap.kind,
        GapKind::PracticesNotJoined {
            practices: Some(14),
            pct: 5.0
        }
    );
    // The largest module (chronische zorg, 243 of 260) leaves at most 17 in no module.
    let r = a
        .uptake
        .regions
        .iter()
        .find(|r| r.region == "Rijnmond Dokters")
        .expect("Rijnmond");
    assert_eq!(r.in_no_module_at_most, Some(17));
}

#[test]
fn amstelland_and_the_cz_conditions() {
    let a = seeds();
    let cz = a
        .frameworks
        .iter()
        .find(|f| f.id == "cz-oi")
        .expect("cz-oi");
    let verdict = |id: &str| {
        cz.findings
            .iter()
            .find(|f| f.region == "Amstelland Zorg" && f.requirement == id)
            .expect(id)
            .verdict
    };
    // No contract in the plan, so no result agreements.
    assert_eq!(verdict("result-agreements"), Verdict::NotMet);
    // The plan gives no listed patients and no mandate: cannot tell.
    for id in ["listed-patients", "mandate"] {
        assert_eq!(verdict(id), Verdict::CannotTell, "{id}");
    }
    // It lists its documents (the meerjarenplan of 2021), and neither a zorgaanbodplan nor a
    // begroting among them: not met.
    for id in ["zorgaanbodplan", "begroting"] {
        assert_eq!(verdict(id), Verdict::NotMet, "{id}");
    }
    // Hospital, municipalities, VVT and welfare: four other domains.
    assert_eq!(verdict("other-domains"), Verdict::Met);
    // Rijnmond: only the municipality as another domain.
    let rijnmond = cz
        .findings
        .iter()
        .find(|f| f.region == "Rijnmond Dokters" && f.requirement == "other-domains")
        .expect("finding");
    assert_eq!(rijnmond.verdict, Verdict::PartlyMet);
    // IZA: Rijnmond's plan spans two years, not three.
    let iza = a
        .frameworks
        .iter()
        .find(|f| f.id == "iza-regioplan")
        .expect("iza");
    assert!(iza.findings.iter().any(|f| f.region == "Rijnmond Dokters"
        && f.requirement == "three-years"
        && f.verdict == Verdict::NotMet));
}

#[test]
fn peers_cover_what_one_region_lacks() {
    let a = seeds();
    let peers = a.peers.as_ref().expect("three plans");
    let lacks = |region: &str| -> Vec<String> {
        peers
            .gaps
            .iter()
            .filter(|g| g.region == region)
            .filter_map(|g| match &g.kind {
                GapKind::PeerCoverage { name, .. } => Some(name.clone()),
                _ => None,
            })
            .collect()
    };
    // AhA and Amstelland both have an arbeidsmarkt theme; Rijnmond's plan does not name one.
    assert_eq!(lacks("Rijnmond Dokters"), ["arbeidsmarkt"]);
    // Both peers serve the arbeidsmarkt block with a regional theme; AhA does not.
    assert_eq!(lacks("AhA"), ["arbeidsmarkt"]);
    assert_eq!(
        lacks("Amstelland Zorg"),
        ["samenwerkingsafspraken", "ontzorging"]
    );
}

#[test]
fn every_format_and_language_prints_all_five_parts() {
    for format in ["table", "markdown", "json"] {
        for lang in ["en", "nl"] {
            let out = bin(&[
                "gaps",
                "plans/",
                "--framework",
                "cz-oi",
                "--framework",
                "hechte-huisartsenzorg",
                "--format",
                format,
                "--lang",
                lang,
                "--as-of",
                "2023-06-30",
            ]);
            assert_eq!(
                out.status.code(),
                Some(0),
                "{format} {lang}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            let text = String::from_utf8(out.stdout).expect("utf-8");
            let headings: &[&str] = if lang == "en" {
                &[
                    "Against the plan's own standard",
                    "Framework: cz-oi",
                    "Financial level playing field",
                    "Uptake and coverage",
                    "Peers",
                ]
            } else {
                &[
                    "Ten opzichte van de eigen norm van het plan",
                    "Kader: cz-oi",
                    "Financieel gelijk speelveld",
                    "Deelname en dekking",
                    "Andere regio's",
                ]
            };
            for h in headings {
                assert!(text.contains(h), "{format} {lang}: no `{h}`");
            }
        }
    }
}

#[test]
fn fail_on_gaps_sets_the_exit_code() {
    let out = bin(&[
        "gaps",
        "plans/",
        "--framework",
        "cz-oi",
        "--fail-on-gaps",
        "error",
        "--as-of",
        "2023-06-30",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let out = bin(&[
        "gaps",
        "plans/",
        "--framework",
        "cz-oi",
        "--as-of",
        "2023-06-30",
    ]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_broken_framework_file_gets_a_located_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("mine.toml");
    std::fs::write(
        &path,
        "id = \"mine\"\ntitle = \"Mine\"\nsource = \"me\"\n\n[[requirement]]\nid = \"span\"\ntitle = \"Three years\"\nkind = \"plan_span\"\nat_leest = 3\n",
    )
    .expect("write");
    let out = bin(&[
        "gaps",
        "plans/",
        "--framework",
        path.to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert!(err.contains("mine.toml:9:1"), "{err}");
    assert!(err.contains("at_least"), "{err}");
    let out = bin(&["gaps", "plans/", "--framework", "cz-io"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `cz-oi`"));
}

#[test]
fn frameworks_lists_and_prints_the_built_in_ones() {
    let out = bin(&["frameworks"]);
    let text = String::from_utf8(out.stdout).expect("utf-8");
    for id in ["hechte-huisartsenzorg", "cz-oi", "iza-regioplan"] {
        assert!(text.contains(id), "{text}");
    }
    let out = bin(&["frameworks", "cz-oi"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("kind = \"mandate\""));
}

#[test]
fn committed_framework_schema_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/framework.schema.json");
    let generated = regioplan::frameworks::framework_schema_text();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).expect("write schema");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "schemas/framework.schema.json is stale: run `UPDATE_SCHEMA=1 cargo test --test gaps`"
    );
}

#[test]
fn a_requirement_gap_points_at_the_element_that_decides_it() {
    let a = seeds();
    let iza = a
        .frameworks
        .iter()
        .find(|f| f.id == "iza-regioplan")
        .expect("iza");
    let gap = iza
        .gaps
        .iter()
        .find(|g| {
            g.region == "Rijnmond Dokters"
                && matches!(&g.kind, GapKind::Requirement { requirement, .. } if requirement == "three-years")
        })
        .expect("three-years gap");
    // `end: 2023-12-31` under `period:`.
    assert!(
        gap.location
            .as_deref()
            .is_some_and(|l| l.ends_with("rijnmond-dokters.yaml:126:8")),
        "{:?}",
        gap.location
    );
}

#[test]
fn the_theme_filter_and_the_output_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("gaps.json");
    let out = bin(&[
        "gaps",
        "plans/amsterdam-aha.yaml",
        "--theme",
        "arbeidsmarkt",
        "--format",
        "json",
        "-o",
        path.to_str().expect("utf-8"),
        "--as-of",
        "2023-06-30",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).expect("written")).expect("json");
    assert_eq!(report["kind"], "gaps");
    let own = &report["sections"][0];
    assert_eq!(own["id"], "own-standard");
    let rows = own["blocks"][0]["rows"].as_array().expect("rows");
    // Only the arbeidsmarkt theme: its one gap, undecided.
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0][2]["value"], "undecided-theme");
}

#[test]
fn without_arguments_gaps_takes_the_plans_and_frameworks_of_the_repository() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir(dir.path().join("plans")).expect("mkdir");
    std::fs::copy(
        root.join("plans/rijnmond-dokters.yaml"),
        dir.path().join("plans/rijnmond-dokters.yaml"),
    )
    .expect("copy");
    std::fs::write(
        dir.path().join("regioplan.toml"),
        "frameworks = [\"cz-oi\", \"kaders/mine.toml\"]\nlanguage = \"nl\"\n",
    )
    .expect("config");
    std::fs::create_dir(dir.path().join("kaders")).expect("mkdir");
    std::fs::write(
        dir.path().join("kaders/mine.toml"),
        "id = \"mine\"\ntitle = \"Mine\"\nsource = \"me\"\n\n[[requirement]]\nid = \"o-en-i\"\ntitle = \"O&I funding\"\nkind = \"funding_lines\"\nlines = [\"o_and_i\"]\n",
    )
    .expect("framework");
    let out = Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .args(["gaps", "--as-of", "2023-06-30"])
        .current_dir(dir.path())
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(
        text.contains("Kader: cz-oi") && text.contains("Kader: mine"),
        "{text}"
    );
    // Rijnmond lists no funding lines: the requirement is not met.
    assert!(text.contains("niet voldaan"), "{text}");
}
