//! How a run picks its language: `--lang`, else `language` in regioplan.toml, else the
//! environment (`LC_ALL`, `LC_MESSAGES`, `LANG`: nl_* is Dutch), else English; and that the
//! choice reaches every format `check` writes and the errors on standard error.

use std::path::Path;
use std::process::{Command, Output};

/// A plan with one finding: a trekker who is not among the people.
const PLAN: &str = "regioplan: 1
region: {name: R, municipalities: [X], started: 2020, governance_model: monodisciplinary}
period: {start: 2024-01-01, end: 2026-12-31}
people: [{id: a.b, name: A B}]
governance: [{id: ab, name: AB, kind: algemeen_bestuur}]
themes:
  - {id: ggz, name: GGZ, strategic: regional, trekker: x.y}
";

fn run(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_regioplan"));
    command
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env("NO_COLOR", "1")
        .current_dir(dir)
        .args(args);
    for (key, value) in env {
        command.env(key, value);
    }
    command.output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn plan_dir(config: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::write(dir.path().join("plan.yaml"), PLAN).expect("the plan is written");
    if let Some(config) = config {
        std::fs::write(dir.path().join("regioplan.toml"), config).expect("the config");
    }
    dir
}

/// A plan directory, the flags, the environment, and whether the output is Dutch.
type Case<'a> = (
    &'a tempfile::TempDir,
    &'a [&'a str],
    &'a [(&'a str, &'a str)],
    bool,
);

fn is_dutch(stdout: &str) -> bool {
    stdout.contains("gecontroleerd") && !stdout.contains("Checked")
}

#[test]
fn the_flag_then_the_configuration_then_the_environment_choose_the_language() {
    let bare = plan_dir(None);
    let dutch_config = plan_dir(Some("language = \"nl\"\n"));
    let english_config = plan_dir(Some("language = \"en\"\n"));
    let nl = [("LANG", "nl_NL.UTF-8")];
    let cases: [Case; 8] = [
        (&bare, &[], &[], false),
        (&bare, &[], &nl, true),
        (
            &bare,
            &[],
            &[("LC_ALL", "nl_BE.UTF-8"), ("LANG", "en_GB")],
            true,
        ),
        (
            &bare,
            &[],
            &[("LC_MESSAGES", "en_GB"), ("LANG", "nl_NL")],
            false,
        ),
        (&bare, &["--lang", "nl"], &[], true),
        (&dutch_config, &[], &[], true),
        (&english_config, &[], &nl, false),
        (&dutch_config, &["--lang", "en"], &nl, false),
    ];
    for (dir, flags, env, dutch) in cases {
        let mut args = vec!["check", "plan.yaml"];
        args.extend_from_slice(flags);
        let output = run(dir.path(), &args, env);
        let stdout = text(&output.stdout);
        assert_eq!(output.status.code(), Some(1), "{stdout}");
        assert_eq!(is_dutch(&stdout), dutch, "{flags:?} {env:?}:\n{stdout}");
        assert_eq!(stdout.contains("fout[RP"), dutch, "{stdout}");
    }
}

#[test]
fn every_format_carries_the_summary_and_messages_in_the_chosen_language() {
    let dir = plan_dir(None);
    for format in [
        "human", "concise", "json", "sarif", "github", "gitlab", "junit",
    ] {
        let [en, nl] = ["en", "nl"].map(|lang| {
            let output = run(
                dir.path(),
                &["check", "plan.yaml", "--format", format, "--lang", lang],
                &[],
            );
            text(&output.stdout)
        });
        // The same findings, so the same codes; the words differ.
        assert!(en.contains("RP"), "{format}: {en}");
        assert!(nl.contains("RP"), "{format}: {nl}");
        if matches!(format, "human" | "concise" | "github") {
            assert!(en.contains("Checked 1 file"), "{format}: {en}");
            assert!(nl.contains("1 bestand gecontroleerd"), "{format}: {nl}");
        }
    }
}

#[test]
fn an_error_on_standard_error_is_in_the_chosen_language() {
    let dir = plan_dir(None);
    let output = run(dir.path(), &["check", "missing.yaml", "--lang", "nl"], &[]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.starts_with("fout: kan `missing.yaml` niet lezen"),
        "{stderr}"
    );
    let output = run(
        dir.path(),
        &["check", "missing.yaml"],
        &[("LANG", "nl_NL.UTF-8")],
    );
    assert!(
        text(&output.stderr).starts_with("fout: "),
        "{}",
        text(&output.stderr)
    );
    let output = run(dir.path(), &["check", "missing.yaml"], &[]);
    let stderr = text(&output.stderr);
    assert!(
        stderr.starts_with("error: cannot read `missing.yaml`"),
        "{stderr}"
    );
}
