//! The pre-commit hook in `.pre-commit-hooks.yaml`, run by the real `pre-commit try-repo` in a
//! temporary plan repository: a valid plan passes, an invalid one fails with its rule code.
//!
//! `try-repo` sees only what is committed (or changed in tracked files) in the hook repository,
//! so the test commits a snapshot of this working tree, untracked files included, to a
//! temporary repository and tries that. pre-commit installs the hook with
//! `cargo install --path .`; `CARGO_TARGET_DIR` under `target/tmp` keeps the dependencies
//! built between runs, so only regioplan itself is compiled each time.
//!
//! It needs pre-commit (from `scripts/install-test-tools.sh`), so it is ignored in plain
//! `cargo test`; `.ci/run` runs it with `target/ci-venv/bin` first on `PATH`, and fails
//! without pre-commit.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

const VALID: &str = "regioplan: 1
region:
  name: Testregio
  municipalities: [Amstelveen]
  started: 2020-03-01
  governance_model: monodisciplinary
period:
  start: 2021-01-01
  end: 2023-12-31
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
      - id: ggz-1
        title: Kortere wachttijd basis-GGZ
        owner: a.bakker
        status: in_progress
        deadline: 2023-12-31
        indicator:
          name: wachttijd basis-GGZ
          unit: weken
          baseline: 12
          target: 6
          direction: decrease
";

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// A command that ignores the git repository (and hook) the test itself may run in.
fn command(program: &str, dir: &Path) -> Command {
    let mut command = Command::new(program);
    command.current_dir(dir);
    for var in [
        "GIT_DIR",
        "GIT_INDEX_FILE",
        "GIT_WORK_TREE",
        "GITHUB_ACTIONS",
    ] {
        command.env_remove(var);
    }
    command
}

fn git(dir: &Path, args: &[&str]) -> Output {
    let output = command("git", dir)
        .args([
            "-c",
            "user.name=regioplan test",
            "-c",
            "user.email=test@example.invalid",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(output.status.success(), "git {args:?}: {}", text(&output));
    output
}

/// Commits `files` (relative paths with their contents) to a new repository at `dir`.
fn commit_repo(dir: &Path, files: &[(PathBuf, Vec<u8>)]) {
    for (path, bytes) in files {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent).expect("create directory");
        }
        std::fs::write(&target, bytes).expect("write file");
    }
    git(dir, &["init", "--quiet"]);
    git(dir, &["add", "--all"]);
    git(dir, &["commit", "--quiet", "--message", "snapshot"]);
}

/// The files of this working tree that git would see: tracked and untracked, not ignored.
fn working_tree() -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let listed = git(
        root,
        &[
            "ls-files",
            "-z",
            "--cached",
            "--others",
            "--exclude-standard",
        ],
    );
    listed
        .stdout
        .split(|&b| b == 0)
        .filter(|name| !name.is_empty())
        .map(|name| PathBuf::from(String::from_utf8_lossy(name).into_owned()))
        .filter_map(|path| {
            let bytes = std::fs::read(root.join(&path)).ok()?; // deleted but still tracked
            Some((path, bytes))
        })
        .collect()
}

fn try_repo(plan_repo: &Path, hook_repo: &Path, file: &str) -> Output {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pre-commit-target");
    command("pre-commit", plan_repo)
        .arg("try-repo")
        .arg(hook_repo)
        .args(["regioplan-check", "--files", file, "--color", "never"])
        // The hook only has to behave, not be fast: build it like a debug build.
        .env("CARGO_TARGET_DIR", target)
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
        .env("CARGO_TERM_COLOR", "never")
        .env("NO_COLOR", "1")
        .output()
        .expect("pre-commit runs")
}

#[test]
#[ignore = "needs pre-commit; run by .ci/run"]
fn the_pre_commit_hook_passes_a_valid_plan_and_fails_an_invalid_one() {
    let found = command("pre-commit", Path::new("."))
        .arg("--version")
        .output();
    assert!(
        found.is_ok_and(|o| o.status.success()),
        "pre-commit is not installed: run `bash scripts/install-test-tools.sh` and put \
         target/ci-venv/bin first on PATH (as .ci/run does)"
    );
    let work = tempfile::tempdir().expect("tempdir");
    let hook_repo = work.path().join("regioplan");
    let plan_repo = work.path().join("plans-repo");
    commit_repo(&hook_repo, &working_tree());
    commit_repo(
        &plan_repo,
        &[
            ("plans/valid.yaml".into(), VALID.into()),
            (
                "plans/invalid.yaml".into(),
                VALID
                    .replace("trekker: a.bakker", "trekker: a.baker")
                    .into(),
            ),
        ],
    );

    let started = Instant::now();
    let valid = try_repo(&plan_repo, &hook_repo, "plans/valid.yaml");
    eprintln!("try-repo on the valid plan took {:.0?}", started.elapsed());
    assert!(valid.status.success(), "{}", text(&valid));
    assert!(text(&valid).contains("Passed"), "{}", text(&valid));

    let started = Instant::now();
    let invalid = try_repo(&plan_repo, &hook_repo, "plans/invalid.yaml");
    eprintln!(
        "try-repo on the invalid plan took {:.0?}",
        started.elapsed()
    );
    assert_eq!(invalid.status.code(), Some(1), "{}", text(&invalid));
    assert!(text(&invalid).contains("Failed"), "{}", text(&invalid));
    assert!(text(&invalid).contains("RP102"), "{}", text(&invalid));
    assert!(text(&invalid).contains("a.baker"), "{}", text(&invalid));
}
