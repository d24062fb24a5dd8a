//! One policy for every command (issue 16): which plans `report`, `gaps` and `diff` read, how
//! they find and handle the configuration, and how `--theme` is read.

use std::path::Path;
use std::process::{Command, Output};

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

const PLAN: &str = "regioplan: 1
region:
  name: Testregio
  municipalities: [Testdorp]
  started: 2014-01-01
  governance_model: monodisciplinary
period:
  start: 2022-01-01
  end: 2025-12-31
people:
  - id: a.bakker
    name: Anna Bakker
governance:
  - id: ab
    name: Algemeen bestuur
    kind: algemeen_bestuur
workgroups:
  - id: wg-ggz
    name: Werkgroep GGZ
themes:
  - id: ggz
    name: GGZ
    strategic: regional
    trekker: a.bakker
    workgroup: wg-ggz
    board_contact: a.bakker
    goals:
      - id: g1
        title: Wachttijd #1 prioriteit
        owner: a.bakker
        status: planned
        deadline: 2025-12-31
        indicator: {name: wachttijd, unit: weken, baseline: 10, target: 6, direction: decrease}
";

fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).expect("writes");
    }
    dir
}

/// The plan with an error (RP102, an unknown trekker), optionally accepted with a reason.
fn with_error(suppressed: bool) -> String {
    let line = if suppressed {
        "    trekker: j.devries # regioplan: ignore[RP102] de trekker volgt na de ALV"
    } else {
        "    trekker: j.devries"
    };
    PLAN.replace("    trekker: a.bakker", line)
}

#[test]
fn a_plan_whose_only_finding_is_a_warning_loads_for_every_command() {
    // `title` is cut at `#` (RP008, a warning): check reports it, and report, gaps and diff
    // read the plan (report and diff refused it).
    let dir = dir_with(&[("plan.yaml", PLAN)]);
    let check = run(dir.path(), &["check", "plan.yaml", "--format", "concise"]);
    assert!(String::from_utf8_lossy(&check.stdout).contains("RP008"));
    for args in [
        &["report", "plan.yaml"][..],
        &["gaps", "plan.yaml"],
        &["diff", "plan.yaml", "plan.yaml"],
    ] {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn an_error_stops_a_plan_unless_the_plan_accepts_it_with_a_reason() {
    let broken = with_error(false);
    let accepted = with_error(true);
    let dir = dir_with(&[("broken.yaml", &broken), ("accepted.yaml", &accepted)]);
    for command in ["report", "gaps"] {
        let out = run(dir.path(), &[command, "broken.yaml"]);
        assert_eq!(out.status.code(), Some(2), "{command}");
        assert!(
            stderr(&out).contains("`broken.yaml` does not load")
                && stderr(&out).contains("j.devries"),
            "{command}: {}",
            stderr(&out)
        );
        let out = run(dir.path(), &[command, "accepted.yaml"]);
        assert_eq!(out.status.code(), Some(0), "{command}: {}", stderr(&out));
    }
    let out = run(dir.path(), &["diff", "accepted.yaml", "broken.yaml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("the new plan `broken.yaml` does not load"));
    let out = run(dir.path(), &["diff", "accepted.yaml", "accepted.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    // A setting that turns the error off lets the plan load too.
    let config = dir_with(&[
        ("broken.yaml", &broken),
        ("regioplan.toml", "ignore = [\"RP102\"]\n"),
    ]);
    for args in [
        &["report", "broken.yaml"][..],
        &["gaps", "broken.yaml"],
        &["diff", "broken.yaml", "broken.yaml"],
    ] {
        let out = run(config.path(), args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn a_broken_plan_found_in_a_directory_is_skipped_by_report_and_gaps() {
    let broken = with_error(false);
    let dir = dir_with(&[("a.yaml", PLAN), ("b.yaml", &broken)]);
    for command in ["report", "gaps"] {
        let out = run(dir.path(), &[command, "."]);
        assert_eq!(out.status.code(), Some(0), "{command}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("skipped 1 file that does not load as a plan")
                && stderr(&out).contains("b.yaml"),
            "{command}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn a_broken_configuration_is_an_error_and_no_config_ignores_it() {
    let dir = dir_with(&[
        ("plan.yaml", PLAN),
        ("regioplan.toml", "[limits]\nmax-depth = 0\n"),
    ]);
    for args in [
        &["report", "plan.yaml"][..],
        &["gaps", "plan.yaml"],
        &["diff", "plan.yaml", "plan.yaml"],
    ] {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        // The located finding, then what to do, as in `check`.
        assert!(
            stderr(&out).contains("max-depth"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(
            stderr(&out).contains("the configuration has problems; fix them or pass --no-config"),
            "{args:?}: {}",
            stderr(&out)
        );
        let mut without = args.to_vec();
        without.push("--no-config");
        let out = run(dir.path(), &without);
        assert_eq!(out.status.code(), Some(0), "{without:?}: {}", stderr(&out));
    }
}

#[test]
fn config_names_the_configuration_for_every_command() {
    // The settings of a named file apply: `language = "nl"` gives Dutch labels.
    let dir = dir_with(&[("plan.yaml", PLAN), ("other.toml", "language = \"nl\"\n")]);
    for command in ["report", "gaps"] {
        let out = run(
            dir.path(),
            &[command, "plan.yaml", "--config", "other.toml"],
        );
        assert_eq!(out.status.code(), Some(0), "{command}: {}", stderr(&out));
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Doel"),
            "{command} in Dutch"
        );
    }
}

#[test]
fn gaps_reads_theme_as_report_does() {
    let dir = dir_with(&[("plan.yaml", PLAN)]);
    // An unknown theme is an error with the closest suggestion (it exited 0 and hid the
    // error-level gaps from --fail-on-gaps).
    for command in ["report", "gaps"] {
        let out = run(
            dir.path(),
            &[command, "plan.yaml", "--theme", "gz", "--no-config"],
        );
        assert_eq!(out.status.code(), Some(2), "{command}");
        assert!(
            stderr(&out).contains("no theme `gz`") && stderr(&out).contains("did you mean `ggz`?"),
            "{command}: {}",
            stderr(&out)
        );
    }
    let out = run(
        dir.path(),
        &[
            "gaps",
            "plan.yaml",
            "--theme",
            "gz",
            "--fail-on-gaps",
            "error",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    // The name, in any case, selects the theme.
    let out = run(
        dir.path(),
        &["gaps", "plan.yaml", "--theme", "Ggz", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"g1\""));
}

#[test]
fn diff_writes_its_output_with_o() {
    let dir = dir_with(&[("plan.yaml", PLAN)]);
    let out = run(
        dir.path(),
        &[
            "diff",
            "plan.yaml",
            "plan.yaml",
            "--format",
            "markdown",
            "-o",
            "diff.md",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(dir.path().join("diff.md")).expect("written");
    assert!(!written.is_empty());
    // An input plan is never overwritten.
    let out = run(
        dir.path(),
        &["diff", "plan.yaml", "plan.yaml", "-o", "plan.yaml"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.yaml")).expect("reads"),
        PLAN
    );
}

#[test]
fn the_policy_is_in_the_help_of_report_gaps_and_diff() {
    let dir = dir_with(&[]);
    for command in ["report", "gaps", "diff"] {
        let out = run(dir.path(), &[command, "--help"]);
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(
            help.contains("a plan loads when no error remains after the whole check")
                && help.contains("warnings never stop it")
                && help.contains("--no-config"),
            "{command}: {help}"
        );
    }
}

#[test]
fn a_warning_raised_to_an_error_by_the_configuration_stops_a_plan() {
    // The severity setting counts: RP008 as an error stops the plan in every command, and a
    // reason in the plan accepts it again.
    let config = "[severity]\nRP008 = \"error\"\n";
    let dir = dir_with(&[("plan.yaml", PLAN), ("regioplan.toml", config)]);
    for args in [
        &["report", "plan.yaml"][..],
        &["gaps", "plan.yaml"],
        &["diff", "plan.yaml", "plan.yaml"],
    ] {
        let out = run(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("`title` is read as"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    let accepted = PLAN.replace(
        "        title: Wachttijd #1 prioriteit",
        "        # regioplan: ignore[RP008] zo bedoeld\n        title: Wachttijd #1 prioriteit",
    );
    let dir = dir_with(&[("plan.yaml", &accepted), ("regioplan.toml", config)]);
    let out = run(dir.path(), &["report", "plan.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}
