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
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
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
        .find(|s| {
            s.region == "AhA"
                && s.line == regioplan::plan::raw::FundingKind::OAndI
                && s.year == 2020
        })
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
    // No contract, no listed patients, no mandate and no zorgaanbodplan or begroting among its
    // documents (the meerjarenplan of 2021): the plan shows nothing on them, so not shown,
    // not "not met".
    for id in [
        "result-agreements",
        "listed-patients",
        "mandate",
        "zorgaanbodplan",
        "begroting",
    ] {
        assert_eq!(verdict(id), Verdict::NotShown, "{id}");
    }
    // Hospital, municipalities, VVT and welfare: four other domains.
    assert_eq!(verdict("other-domains"), Verdict::Met);
    // Rijnmond: only the municipality as another domain, where CZ asks two.
    let rijnmond = cz
        .findings
        .iter()
        .find(|f| f.region == "Rijnmond Dokters" && f.requirement == "other-domains")
        .expect("finding");
    assert_eq!(rijnmond.verdict, Verdict::NotMet);
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
    // Amstelland serves samenwerkingsafspraken and ontzorging with no theme, but assesses
    // both at `developing`: building blocks are compared by their assessment too.
    assert!(
        lacks("Amstelland Zorg").is_empty(),
        "{:?}",
        lacks("Amstelland Zorg")
    );
}

/// Peers compared themes by name only, so a region whose chronic care runs in programmes was
/// told it lacked chronic care; and a plan silent on a theme was shown as "absent".
#[test]
fn peers_count_a_theme_served_by_a_programme_and_call_silence_unknown() {
    let base = "regioplan: 1\nregion:\n  name: NAME\n  municipalities: [A]\n  started: 2020\n  governance_model: monodisciplinary\nperiod:\n  start: 2022-01-01\n  end: 2024-12-31\n";
    let theme = "themes:\n  - {id: chronische-zorg, name: Chronische zorg, strategic: regional}\n";
    let programme = "programmes:\n  - {id: ketenzorg-diabetes, name: Chronische zorg diabetes, kind: programme, start: 2022}\n";
    let texts = [
        base.replace("NAME", "A") + theme,
        base.replace("NAME", "B") + theme,
        base.replace("NAME", "C") + programme,
        base.replace("NAME", "D"),
    ];
    let loaded: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| regioplan::load::load(&format!("{i}.yaml"), t.as_bytes()))
        .collect();
    let plans: Vec<PlanInput<'_>> = loaded
        .iter()
        .map(|l| PlanInput {
            source: &l.source,
            plan: l
                .plan
                .as_ref()
                .unwrap_or_else(|| panic!("{:?}", l.diagnostics)),
        })
        .collect();
    let peers = gaps::peers::analyse(&plans, &Catalogue::built_in());
    let (_, _, states) = peers
        .themes
        .iter()
        .find(|(id, _, _)| id == "chronische-zorg")
        .expect("the theme");
    assert_eq!(
        states,
        &[
            gaps::peers::ThemeState::Regional,
            gaps::peers::ThemeState::Regional,
            gaps::peers::ThemeState::Served,
            gaps::peers::ThemeState::Unknown
        ]
    );
    let lacking: Vec<&str> = peers
        .gaps
        .iter()
        .filter(
            |g| matches!(&g.kind, GapKind::PeerCoverage { name, .. } if name == "chronische-zorg"),
        )
        .map(|g| g.region.as_str())
        .collect();
    assert_eq!(lacking, ["D"]);
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
            .is_some_and(|l| l.ends_with("rijnmond-dokters.yaml:121:8")),
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
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
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

/// `regioplan frameworks NAME` printed a comment naming a file (DOMAIN.md) that only the
/// project's working notes had: every file a printed framework names exists in the repository.
#[test]
fn a_printed_framework_names_no_file_the_repository_lacks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (id, _) in regioplan::frameworks::BUILT_IN {
        let out = bin(&["frameworks", id]);
        assert_eq!(out.status.code(), Some(0), "{id}");
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        let files: Vec<&str> = text
            .split(|c: char| c.is_whitespace() || "()`,;\"".contains(c))
            .filter(|w| {
                [".md", ".toml", ".json", ".yaml"]
                    .iter()
                    .any(|ext| w.trim_end_matches('.').ends_with(ext))
            })
            .map(|w| w.trim_end_matches('.'))
            .collect();
        assert!(
            files.contains(&"docs/frameworks.md"),
            "{id} points at its documentation"
        );
        for file in files {
            assert!(
                root.join(file).exists(),
                "{id} names `{file}`, which the repository lacks"
            );
        }
    }
}

/// `check` honoured `# regioplan: ignore[RP301] reason` while `gaps` still counted the theme
/// without a trekker as an error: a finding the plan accepts with a reason is listed as
/// accepted, with the reason, and does not fail `--fail-on-gaps`.
#[test]
fn a_finding_the_plan_accepts_with_a_reason_is_accepted_in_gaps() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(root.join("examples/invalid/RP301-theme-without-trekker.yaml"))
            .expect("example");
    let accepted = text.replace(
        "  - id: ggz\n    name: GGZ\n",
        "  # regioplan: ignore[RP301] de trekker wordt in de ALV van maart gekozen\n  - id: ggz\n    name: GGZ\n",
    );
    assert_ne!(accepted, text);
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, plan) in [("open.yaml", &text), ("accepted.yaml", &accepted)] {
        std::fs::write(dir.path().join(name), plan).expect("write");
    }
    let run = |name: &str, extra: &[&str]| {
        let path = dir.path().join(name);
        let mut args = vec![
            "gaps",
            path.to_str().expect("utf-8"),
            "--framework",
            "hechte-huisartsenzorg",
            "--as-of",
            "2023-01-01",
        ];
        args.extend_from_slice(extra);
        bin(&args)
    };
    // Without the suppression, the theme without a trekker is a warning gap beside the goal
    // without a baseline; `check` agrees.
    let open = String::from_utf8_lossy(&run("open.yaml", &[]).stdout).to_string();
    assert!(open.contains("0 errors and 2 warnings"), "{open}");
    assert!(open.contains("theme without a role"), "{open}");
    let check_open = bin(&[
        "check",
        dir.path().join("open.yaml").to_str().expect("utf-8"),
    ]);
    assert!(String::from_utf8_lossy(&check_open.stdout).contains("RP301"));
    // With it, neither command fails on it, and gaps says why it is accepted.
    let out = String::from_utf8_lossy(&run("accepted.yaml", &[]).stdout).to_string();
    assert!(out.contains("0 errors and 1 warning."), "{out}");
    let check_accepted = bin(&[
        "check",
        dir.path().join("accepted.yaml").to_str().expect("utf-8"),
    ]);
    assert_eq!(check_accepted.status.code(), Some(0));
    let shown = String::from_utf8_lossy(&run("accepted.yaml", &[]).stdout).to_string();
    assert!(shown.contains("Accepted in the plan"), "{shown}");
    assert!(
        shown.contains("de trekker wordt in de ALV van maart gekozen"),
        "{shown}"
    );
}

/// `check` (RP407) and `gaps` used to judge contract conditions and the same framework
/// requirements twice, with different defaults. Now one evaluation: per judgement, the rule,
/// the contract-conditions table and the cz-oi requirement agree on variants of the example.
#[test]
fn the_rule_the_condition_and_the_requirement_agree_per_judgement() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let example = std::fs::read_to_string(root.join("examples/valid/contract-conditions.yaml"))
        .expect("example");
    let figures = |patients: u32, mandate: &str, documents: &str, partners: &str| {
        example
            .replace(
                "  governance_model: monodisciplinary\nperiod:",
                &format!("  governance_model: monodisciplinary\n  key_figures:\n    listed_patients: {patients}\n  mandates:\n{mandate}period:"),
            )
            .replace("themes:", &format!("plan:\n  documents:\n{documents}{partners}themes:"))
    };
    let variants = [
        figures(
            80_000,
            "    - {share_pct: 80, of: gps, purpose: contractering}\n",
            "    - {kind: zorgaanbodplan, status: draft}\n",
            "",
        ),
        figures(
            120_000,
            "    - {share_pct: 95, of: practices, purpose: contractering}\n",
            "    - {kind: zorgaanbodplan, status: adopted}\n    - {kind: begroting, status: published}\n",
            "",
        )
        .replace(
            "organisations:\n",
            "organisations:\n  - {id: ggd, name: GGD, kind: ggd, relation: partner}\n  - {id: buurtteam, name: Buurtteam, kind: other, domain: social_domain, relation: partner}\n",
        ),
    ];
    let cz = regioplan::frameworks::built_in("cz-oi").expect("cz-oi");
    let requirement_of = |condition: &str| match condition {
        "min_listed_patients" => Some("listed-patients"),
        "min_mandate_share" => Some("mandate"),
        "other_domains" => Some("other-domains"),
        "result_agreements" => Some("result-agreements"),
        _ => None,
    };
    for (i, text) in variants.iter().enumerate() {
        let loaded = regioplan::load::load("plan.yaml", text.as_bytes());
        let plan = loaded
            .plan
            .as_ref()
            .unwrap_or_else(|| panic!("{i}: {:?}", loaded.diagnostics));
        let input = PlanInput {
            source: &loaded.source,
            plan,
        };
        let conditions = gaps::frameworks::conditions(&[input]);
        let framework = gaps::frameworks::evaluate(&[input], &cz, &Catalogue::built_in());
        for row in &conditions.rows {
            let Some(id) = requirement_of(&row.condition) else {
                continue;
            };
            let requirement = framework
                .findings
                .iter()
                .find(|f| f.requirement == id)
                .expect(id);
            let judged = row.reading.judged.as_ref().expect("a check");
            assert_eq!(
                (judged.verdict, &judged.evidence),
                (requirement.verdict, &requirement.evidence),
                "variant {i}: {}",
                row.condition
            );
        }
        // The rule reports exactly the conditions marked met that the gap calls contradicted.
        let path =
            std::env::temp_dir().join(format!("regioplan-agree-{}-{i}.yaml", std::process::id()));
        std::fs::write(&path, text).expect("write");
        let out = bin(&["check", path.to_str().expect("utf-8"), "--format", "json"]);
        let _ = std::fs::remove_file(&path);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let mut ruled: Vec<String> = json
            .pointer("/files/0/diagnostics")
            .and_then(|d| d.as_array())
            .into_iter()
            .flatten()
            .filter(|d| d["code"] == "RP407")
            .filter_map(|d| d["path"].as_str().map(str::to_string))
            .collect();
        ruled.sort();
        let mut gapped: Vec<String> = conditions
            .rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.reading.marked == Some(true) && r.reading.contradicts())
            .map(|(n, _)| format!("/contracts/0/conditions/{n}/met"))
            .collect();
        gapped.sort();
        assert_eq!(ruled, gapped, "variant {i}");
        assert!(
            i == 1 || !ruled.is_empty(),
            "variant {i} contradicts something"
        );
    }
}

/// Words and forms that give away an English sentence in a Dutch gap report. The plan's own
/// texts, ids and YAML keys (`listed_patients`, `developing`) are not among them.
const ENGLISH: &[&str] = &[
    "Against the plan",
    "goal `",
    "theme `",
    " of the ",
    "listed patients",
    "partly met",
    "not met",
    "not shown",
    "At least",
    "The plan spans",
    "with milestones",
    " years",
    "goal-overdue",
    "goal-behind",
    "| requirement ",
    "(en)",
    "(s)",
    "(ies)",
    "x the least",
];

#[test]
fn gaps_lang_nl_on_the_seed_plans_has_no_english_sentence() {
    let output = bin(&[
        "gaps",
        "plans",
        "--lang",
        "nl",
        "--as-of",
        "2026-12-02",
        "--framework",
        "cz-oi",
        "--framework",
        "iza-regioplan",
        "--framework",
        "hechte-huisartsenzorg",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8_lossy(&output.stdout);
    for word in ENGLISH {
        assert!(
            !text.contains(word),
            "English `{word}` in the Dutch gaps:\n{text}"
        );
    }
    for dutch in [
        "doel verlopen",
        "doel loopt achter",
        "Minstens 100.000 ingeschreven patiënten",
        "CZ: voorwaarden voor een O&I-contract",
        "Het plan beslaat minstens drie jaar",
        "800.000 ingeschreven patiënten",
        "verwacht 7,61",
        "2,13 keer zoveel",
        "andere domeinen",
        "niet aangetoond",
    ] {
        assert!(
            text.contains(dutch),
            "no `{dutch}` in the Dutch gaps:\n{text}"
        );
    }
    // The English report of the same plans reads in English, numbers and all.
    let english = bin(&[
        "gaps",
        "plans",
        "--as-of",
        "2026-12-02",
        "--framework",
        "cz-oi",
    ]);
    let english = String::from_utf8_lossy(&english.stdout);
    assert!(
        english.contains("At least 100,000 listed patients"),
        "{english}"
    );
    assert!(english.contains("800,000 listed patients"), "{english}");
    assert!(english.contains("goal overdue"), "{english}");
}

#[test]
fn gaps_json_keeps_the_gap_kind_code_in_both_languages() {
    for lang in ["en", "nl"] {
        let output = bin(&[
            "gaps",
            "plans",
            "--lang",
            lang,
            "--as-of",
            "2026-12-02",
            "--format",
            "json",
        ]);
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(text.contains("\"goal-overdue\""), "{lang}: {text}");
    }
}

#[test]
fn a_framework_without_dutch_texts_warns_where_they_are_missing_and_shows_english() {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("eigen.toml");
    std::fs::write(
        &file,
        "id = \"eigen\"\ntitle = \"Our own\"\ntitle_nl = \"Ons eigen kader\"\nsource = \"s\"\n\n[[requirement]]\nid = \"span\"\ntitle = \"Three years at least\"\nkind = \"plan_span\"\nat_least = 3\n",
    )
    .expect("write");
    let file = file.to_str().expect("utf-8");
    let args = |lang: &'static str| {
        vec![
            "gaps",
            "plans/rijnmond-dokters.yaml",
            "--framework",
            file,
            "--lang",
            lang,
            "--as-of",
            "2026-12-02",
        ]
    };
    let dutch = bin(&args("nl"));
    let (out, err) = (
        String::from_utf8_lossy(&dutch.stdout),
        String::from_utf8_lossy(&dutch.stderr),
    );
    assert_eq!(dutch.status.code(), Some(0), "{err}");
    // Located at the requirement's title (line 8), and only there: the framework's own
    // title has its Dutch text.
    assert!(err.contains("eigen.toml:8:"), "{err}");
    assert!(err.contains("title_nl"), "{err}");
    assert_eq!(err.matches("waarschuwing").count(), 1, "{err}");
    assert!(out.contains("Ons eigen kader"), "{out}");
    assert!(
        out.contains("Three years at least"),
        "falls back to English: {out}"
    );
    let english = bin(&args("en"));
    assert!(
        !String::from_utf8_lossy(&english.stderr).contains("title_nl"),
        "no warning in an English report"
    );
}
