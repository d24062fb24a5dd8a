//! Hostile and careless input, one test per class: what is not a regular file (a named pipe, a
//! device, a link to one, a link loop, a directory where a file belongs), files at and past the
//! limits (and the same files once the limit is raised), encodings other than UTF-8, numbers no
//! type holds, alias bombs, deep nesting, long keys and lines, and a hostile `regioplan.toml` or
//! framework file. Each runs the real binary with a watchdog: it must answer with exit code 0,
//! 1 or 2 and the message a user sees, never hang, never die of a signal.
//!
//! Covered elsewhere and not repeated here: a NUL byte and a binary file (`tests/cli.rs`),
//! invalid UTF-8 (`load` unit tests and `tests/cli.rs`), 100,000 levels of flow nesting and an
//! alias bomb of nested lists under the default limits (`tests/cli.rs`), duplicate keys and a
//! second document (the rule examples under `examples/invalid/`).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long a run may take before it counts as hung. Generous: a hang never ends, and a slow
/// shared machine must not make an honest run fail.
const WATCHDOG: Duration = Duration::from_secs(120);

/// The watchdog, shorter when `REGIOPLAN_WATCHDOG_SECS` says so (to see a hang quickly when
/// trying the tests against an older build).
fn watchdog() -> Duration {
    std::env::var("REGIOPLAN_WATCHDOG_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .map_or(WATCHDOG, Duration::from_secs)
}

const MINIMAL: &str = include_str!("../examples/valid/minimal.yaml");

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Runs the binary in `dir`; panics when it hangs (killed by the watchdog) or dies of a signal.
fn run_in(dir: &Path, args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stdout.read_to_end(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stderr.read_to_end(&mut s);
        s
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > watchdog() {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "`regioplan {}` hung: killed after {:?}",
                args.join(" "),
                watchdog()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stdout = String::from_utf8_lossy(&out.join().expect("stdout")).into_owned();
    let stderr = String::from_utf8_lossy(&err.join().expect("stderr")).into_owned();
    let Some(code) = status.code() else {
        panic!(
            "`regioplan {}` died of a signal: {status}\n{stderr}",
            args.join(" ")
        );
    };
    assert!(
        matches!(code, 0..=2),
        "`regioplan {}` exited with {code}\n{stderr}",
        args.join(" ")
    );
    Run {
        code,
        stdout,
        stderr,
    }
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

fn tempdir() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}

/// A valid plan with a `count` of practices in its key figures.
fn with_practices(value: &str) -> String {
    MINIMAL.replace(
        "  started: 2014-01-01\n",
        &format!("  started: 2014-01-01\n  key_figures:\n    practices: {value}\n"),
    )
}

/// A valid plan of more than `size` bytes: the minimal plan with a long comment line.
fn plan_above(size: usize) -> String {
    format!("{MINIMAL}# {}\n", "x".repeat(size))
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo");
}

#[cfg(unix)]
#[test]
fn a_named_pipe_as_plan_config_framework_or_diff_side_is_refused_without_hanging() {
    let dir = tempdir();
    let fifo = dir.path().join("plan.yaml");
    mkfifo(&fifo);
    write(dir.path(), "ok.yaml", MINIMAL.as_bytes());
    for args in [
        &["check", "plan.yaml"][..],
        &["report", "plan.yaml"],
        &["gaps", "plan.yaml"],
        &["diff", "plan.yaml", "ok.yaml"],
        &["diff", "ok.yaml", "plan.yaml"],
        &["check", "--config", "plan.yaml", "ok.yaml"],
        &["gaps", "--framework", "plan.yaml", "ok.yaml"],
        // Found while walking a directory.
        &["check", "."],
    ] {
        let run = run_in(dir.path(), args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.all());
        assert!(
            run.stderr.contains("is a named pipe (FIFO), not a file"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[cfg(unix)]
#[test]
fn a_link_to_dev_zero_and_devices_are_refused_before_reading() {
    let dir = tempdir();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("plan.yaml")).expect("symlink");
    let run = run_in(dir.path(), &["check", "plan.yaml"]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(
        run.stderr
            .contains("is a symbolic link to `/dev/zero`, which is a character device"),
        "{}",
        run.stderr
    );
    for device in ["/dev/null", "/dev/zero"] {
        let run = run_in(dir.path(), &["check", device]);
        assert_eq!(run.code, 2, "{device}: {}", run.all());
        assert!(
            run.stderr.contains("is a character device"),
            "{device}: {}",
            run.stderr
        );
    }
}

#[cfg(unix)]
#[test]
fn a_link_loop_and_a_dangling_link_are_named() {
    let dir = tempdir();
    std::os::unix::fs::symlink("loop.yaml", dir.path().join("loop.yaml")).expect("symlink");
    std::os::unix::fs::symlink("gone.yaml", dir.path().join("dangling.yaml")).expect("symlink");
    let run = run_in(dir.path(), &["check", "loop.yaml"]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(
        run.stderr
            .contains("is a symbolic link that cannot be followed: a loop of links"),
        "{}",
        run.stderr
    );
    let run = run_in(dir.path(), &["check", "dangling.yaml"]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(
        run.stderr
            .contains("is a symbolic link to `gone.yaml` that does not exist"),
        "{}",
        run.stderr
    );
}

/// A path that cannot be read for everyone, root included: a directory where a file belongs.
#[test]
fn a_directory_as_config_framework_or_diff_side_is_refused() {
    let dir = tempdir();
    write(dir.path(), "ok.yaml", MINIMAL.as_bytes());
    std::fs::create_dir(dir.path().join("regioplan-dir.toml")).expect("mkdir");
    for args in [
        &["check", "--config", "regioplan-dir.toml", "ok.yaml"][..],
        &["gaps", "--framework", "regioplan-dir.toml", "ok.yaml"],
        &["diff", "regioplan-dir.toml", "ok.yaml"],
    ] {
        let run = run_in(dir.path(), args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.all());
        assert!(
            run.stderr
                .contains("`regioplan-dir.toml` is a directory, not a file"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn a_file_above_the_limit_is_a_finding_that_says_how_to_raise_it() {
    let dir = tempdir();
    write(dir.path(), "big.yaml", plan_above(5 << 20).as_bytes());
    let run = run_in(dir.path(), &["check", "big.yaml"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stdout
            .contains("more than the limit `max-file-size` of 4 MiB"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "`max-file-size = \"8 MiB\"` under `[limits]` in regioplan.toml, or \
             `--limit max-file-size=8MiB`"
        ),
        "{}",
        run.stdout
    );
    for args in [
        &["report", "big.yaml"][..],
        &["diff", "big.yaml", "big.yaml"],
    ] {
        let run = run_in(dir.path(), args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.all());
        assert!(
            run.stderr.contains("--limit max-file-size=8MiB"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn the_size_limit_is_raised_on_the_command_line_and_in_regioplan_toml() {
    let dir = tempdir();
    write(dir.path(), "big.yaml", plan_above(5 << 20).as_bytes());
    for args in [
        &["check", "--limit", "max-file-size=8MiB", "big.yaml"][..],
        &["report", "--limit", "max-file-size=8MiB", "big.yaml"],
        &["gaps", "--limit", "max-file-size=8MiB", "big.yaml"],
        &[
            "diff",
            "--limit",
            "max-file-size=8MiB",
            "big.yaml",
            "big.yaml",
        ],
    ] {
        let run = run_in(dir.path(), args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.all());
    }
    write(
        dir.path(),
        "regioplan.toml",
        b"[limits]\nmax-file-size = \"16 MiB\"\n",
    );
    for args in [
        &["check", "big.yaml"][..],
        &["report", "big.yaml"],
        &["gaps", "big.yaml"],
        &["diff", "big.yaml", "big.yaml"],
    ] {
        let run = run_in(dir.path(), args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.all());
    }
    // The command line wins over the file.
    let run = run_in(
        dir.path(),
        &["check", "--limit", "max-file-size=1MiB", "big.yaml"],
    );
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stdout.contains("limit `max-file-size` of 1 MiB"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_wrong_limit_on_the_command_line_or_in_regioplan_toml_is_named() {
    let dir = tempdir();
    write(dir.path(), "ok.yaml", MINIMAL.as_bytes());
    let run = run_in(dir.path(), &["check", "--limit", "max-size=1", "ok.yaml"]);
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(
        run.stderr
            .contains("`max-size` is not a limit; the limits are `max-file-size`"),
        "{}",
        run.stderr
    );
    let run = run_in(
        dir.path(),
        &["check", "--limit", "max-depth=100000", "ok.yaml"],
    );
    assert_eq!(run.code, 2, "{}", run.all());
    assert!(run.stderr.contains("at most 500"), "{}", run.stderr);
    for (toml, expected) in [
        ("max-file-size = \"16 lbs\"", "/limits/max-file-size"),
        ("max-file-size = true", "/limits/max-file-size"),
        ("max-depth = \"deep\"", "/limits/max-depth"),
        ("max-depth = 0", "/limits/max-depth"),
        ("max-aliasses = 10", "/limits"),
    ] {
        write(
            dir.path(),
            "regioplan.toml",
            format!("[limits]\n{toml}\n").as_bytes(),
        );
        let run = run_in(dir.path(), &["check", "--format", "json", "ok.yaml"]);
        assert_eq!(run.code, 2, "{toml}: {}", run.all());
        assert!(
            run.stderr.contains("regioplan.toml:2:"),
            "{toml} ({expected}): {}",
            run.stderr
        );
    }
}

#[test]
fn a_ten_megabyte_line_is_read_once_the_limit_allows_it() {
    let dir = tempdir();
    let plan = MINIMAL.replace(
        "        title: Betere toegang tot de GGZ\n",
        &format!(
            "        title: Betere toegang tot de GGZ {}\n",
            "a".repeat(10 << 20)
        ),
    );
    write(dir.path(), "long.yaml", plan.as_bytes());
    let run = run_in(
        dir.path(),
        &["check", "--limit", "max-file-size=16MiB", "long.yaml"],
    );
    assert_eq!(run.code, 0, "{}", run.all());
}

#[test]
fn utf16_and_utf32_files_are_named_with_their_encoding() {
    let dir = tempdir();
    let utf16 = |big: bool| -> Vec<u8> {
        MINIMAL
            .encode_utf16()
            .flat_map(|u| {
                if big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                }
            })
            .collect()
    };
    let utf32 = |big: bool| -> Vec<u8> {
        MINIMAL
            .chars()
            .flat_map(|c| {
                let c = u32::from(c);
                if big {
                    c.to_be_bytes()
                } else {
                    c.to_le_bytes()
                }
            })
            .collect()
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "le-bom.yaml",
            [&b"\xFF\xFE"[..], &utf16(false)].concat(),
            "UTF-16 (little-endian, with a byte order mark)",
        ),
        (
            "be-bom.yaml",
            [&b"\xFE\xFF"[..], &utf16(true)].concat(),
            "UTF-16 (big-endian, with a byte order mark)",
        ),
        ("le.yaml", utf16(false), "UTF-16 (little-endian)"),
        ("be.yaml", utf16(true), "UTF-16 (big-endian)"),
        (
            "32le-bom.yaml",
            [&b"\xFF\xFE\0\0"[..], &utf32(false)].concat(),
            "UTF-32 (little-endian, with a byte order mark)",
        ),
        ("32be.yaml", utf32(true), "UTF-32 (big-endian)"),
    ];
    for (name, bytes, encoding) in cases {
        write(dir.path(), name, &bytes);
        let run = run_in(dir.path(), &["check", "--format", "concise", name]);
        assert_eq!(run.code, 1, "{name}: {}", run.all());
        assert!(
            run.stdout.contains(&format!(
                "error[RP001] the file is saved as {encoding}, not as UTF-8"
            )),
            "{name}: {}",
            run.stdout
        );
    }
}

#[test]
fn numbers_no_type_holds_are_called_too_large_or_not_a_number() {
    let dir = tempdir();
    for (value, expected) in [
        (
            "99999999999999999999999",
            "`99999999999999999999999` is too large a number for this value",
        ),
        (
            "18446744073709551616",
            "`18446744073709551616` is too large a number",
        ),
        ("1.0e30", "`1.0e30` is too large a number"),
        (
            "1e400",
            "`1e400` is too large a number: it reads as infinity",
        ),
        (".inf", "`.inf` is too large a number: it reads as infinity"),
        (".nan", "`.nan` is not a number"),
        (".NaN", "`.NaN` is not a number"),
    ] {
        write(dir.path(), "n.yaml", with_practices(value).as_bytes());
        let run = run_in(dir.path(), &["check", "n.yaml"]);
        assert_eq!(run.code, 1, "{value}: {}", run.all());
        assert!(run.stdout.contains(expected), "{value}: {}", run.stdout);
        assert!(
            !run.stdout.contains("thousands separator") && !run.stdout.contains("decimal"),
            "{value}: {}",
            run.stdout
        );
    }
}

#[test]
fn an_impossible_date_is_not_a_day_of_the_calendar() {
    let dir = tempdir();
    let plan = MINIMAL.replace("deadline: 2023-12-31", "deadline: 2023-02-30");
    write(dir.path(), "d.yaml", plan.as_bytes());
    let run = run_in(dir.path(), &["check", "--format", "concise", "d.yaml"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stdout
            .contains("`2023-02-30` as deadline of goal `ggz-1` is not a day of the calendar"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_custom_tag_runs_nothing_and_the_value_is_read_as_text() {
    let dir = tempdir();
    for tag in ["!!python/object:os.system", "!foo"] {
        let plan = MINIMAL.replace(
            "  name: Huisartsen Amstelland",
            &format!("  name: {tag} Huisartsen Amstelland"),
        );
        write(dir.path(), "t.yaml", plan.as_bytes());
        let run = run_in(dir.path(), &["report", "--format", "json", "t.yaml"]);
        assert_eq!(run.code, 0, "{tag}: {}", run.all());
        assert!(
            run.stdout.contains("Huisartsen Amstelland"),
            "{tag}: {}",
            run.stdout
        );
    }
}

#[test]
fn a_hundred_thousand_levels_of_block_nesting_are_a_depth_finding() {
    let dir = tempdir();
    let deep = format!("regioplan: 1\nx:\n{}y\n", "- ".repeat(100_000));
    write(dir.path(), "deep.yaml", deep.as_bytes());
    let run = run_in(dir.path(), &["check", "deep.yaml"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stdout
            .contains("the plan nests deeper than 64 levels (the limit `max-depth`)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("--limit max-depth=128"),
        "{}",
        run.stdout
    );
}

/// At the highest `max-depth`, goals nest about 250 deep: reading and every rule must hold on
/// the binary's stack (a stack overflow is a signal, caught by `run_in`).
#[test]
fn goals_nested_to_the_highest_depth_limit_are_read_without_a_crash() {
    use std::fmt::Write as _;
    let dir = tempdir();
    let (head, _) = MINIMAL.split_once("    goals:\n").expect("a goals list");
    let mut plan = format!("{head}    goals:\n");
    let depth = 245;
    for level in 1..=depth {
        let pad = " ".repeat(4 + 4 * (level - 1));
        let _ = write!(
            plan,
            "{pad}  - id: g-{level}\n{pad}    title: Doel {level}\n{pad}    owner: a.bakker\n\
             {pad}    status: in_progress\n{pad}    deadline: 2023-12-31\n"
        );
        if level < depth {
            let _ = writeln!(plan, "{pad}    goals:");
        }
    }
    write(dir.path(), "deep.yaml", plan.as_bytes());
    let run = run_in(
        dir.path(),
        &["check", "--limit", "max-depth=500", "deep.yaml"],
    );
    assert!(run.code <= 1, "{}", run.all());
    assert!(!run.stdout.contains("RP006"), "{}", run.stdout);
    for args in [
        &["report", "--limit", "max-depth=500", "deep.yaml"][..],
        &["gaps", "--limit", "max-depth=500", "deep.yaml"],
    ] {
        let run = run_in(dir.path(), args);
        assert!(run.code <= 1, "{args:?}: {}", run.all());
    }
}

#[test]
fn a_key_of_160_kilobytes_is_answered() {
    let dir = tempdir();
    let plan = format!("regioplan: 1\n{}: 1\n", "k".repeat(160_000));
    write(dir.path(), "k.yaml", plan.as_bytes());
    let run = run_in(dir.path(), &["check", "--format", "concise", "k.yaml"]);
    assert_eq!(run.code, 1, "{}", run.all());
    assert!(
        run.stdout.contains("k.yaml:2:1: error[RP002]"),
        "{}",
        run.stdout
    );
}

/// Alias bombs of several shapes, each a few hundred bytes. Each fits the parser's own budget
/// of a million repeated values, which used to build half a gigabyte; the budget is now
/// relative to the file's size.
#[test]
fn alias_bombs_of_every_shape_are_a_limit_finding() {
    use std::fmt::Write as _;
    let dir = tempdir();
    let mut lists = String::from("regioplan: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..5 {
        let aliases = vec![format!("*a{}", i - 1); 10].join(", ");
        let _ = writeln!(lists, "a{i}: &a{i} [{aliases}]");
    }
    lists.push_str("a5: [*a4, *a4, *a4, *a4, *a4, *a4, *a4]\n");
    let mut maps = String::from("regioplan: 1\nm0: &m0 {a: x, b: x, c: x, d: x, e: x}\n");
    for i in 1..6 {
        let entries: Vec<String> = (0..10).map(|j| format!("k{j}: *m{}", i - 1)).collect();
        let _ = writeln!(maps, "m{i}: &m{i} {{{}}}", entries.join(", "));
    }
    let mut merge = String::from("regioplan: 1\nm0: &m0 {a: x, b: x, c: x, d: x, e: x}\n");
    for i in 1..6 {
        let _ = writeln!(merge, "m{i}: &m{i}");
        for j in 0..10 {
            let _ = writeln!(merge, "  k{j}:\n    <<: *m{}", i - 1);
        }
    }
    let mut merge_list = String::from("regioplan: 1\nm0: &m0 {a: x}\n");
    for i in 1..7 {
        let p = i - 1;
        let _ = writeln!(
            merge_list,
            "m{i}: &m{i} {{<<: [*m{p}, *m{p}], z: [*m{p}, *m{p}, *m{p}, *m{p}, *m{p}, *m{p}, *m{p}, *m{p}]}}"
        );
    }
    for (name, bomb) in [
        ("lists", lists),
        ("maps", maps),
        ("merge", merge),
        ("merge-list", merge_list),
    ] {
        assert!(bomb.len() < 2_000, "{name} is small: {}", bomb.len());
        write(dir.path(), "bomb.yaml", bomb.as_bytes());
        let run = run_in(dir.path(), &["check", "bomb.yaml"]);
        assert_eq!(run.code, 1, "{name}: {}", run.all());
        assert!(
            run.stdout
                .contains("error[RP006]: aliases repeat more than"),
            "{name}: {}",
            run.stdout
        );
        assert!(
            run.stdout.contains("--limit alias-expansion=8"),
            "{name}: {}",
            run.stdout
        );
    }
}

#[test]
fn a_plan_that_reuses_a_block_with_aliases_is_read() {
    let dir = tempdir();
    let plan = MINIMAL.replace("        indicator:\n", "        indicator: &wachttijd\n");
    let plan = format!(
        "{plan}      - id: ggz-2\n        title: Nog een doel\n        owner: a.bakker\n        \
         status: in_progress\n        deadline: 2023-12-31\n        indicator: *wachttijd\n"
    );
    write(dir.path(), "aliases.yaml", plan.as_bytes());
    let run = run_in(dir.path(), &["check", "aliases.yaml"]);
    assert_eq!(run.code, 0, "{}", run.all());
}

#[test]
fn a_hostile_regioplan_toml_is_an_error_with_its_reason() {
    let dir = tempdir();
    write(dir.path(), "ok.yaml", MINIMAL.as_bytes());
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "bad types",
            b"fail-on = 3\nselect = \"RP1\"\n".to_vec(),
            "regioplan.toml:1:",
        ),
        (
            "binary",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe".to_vec(),
            "the configuration file is not UTF-8 text",
        ),
        (
            "huge",
            format!("# {}\n", "x".repeat(5 << 20)).into_bytes(),
            "is larger than 4 MiB: a regioplan.toml is a few lines",
        ),
        ("broken TOML", b"[limits\n".to_vec(), "regioplan.toml:1:"),
    ];
    for (what, bytes, expected) in cases {
        write(dir.path(), "regioplan.toml", &bytes);
        for command in ["check", "report", "gaps", "diff"] {
            let args: &[&str] = if command == "diff" {
                &["diff", "ok.yaml", "ok.yaml"]
            } else {
                &[command, "ok.yaml"]
            };
            let run = run_in(dir.path(), args);
            assert_eq!(run.code, 2, "{what}, {command}: {}", run.all());
            if command == "check" {
                assert!(
                    run.stderr.contains(expected),
                    "{what}, {command}: {}",
                    run.stderr
                );
            }
        }
    }
}

#[test]
fn a_hostile_framework_file_is_an_error_with_its_reason() {
    let dir = tempdir();
    write(dir.path(), "ok.yaml", MINIMAL.as_bytes());
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "bad types",
            b"name = 3\nitems = \"x\"\n".to_vec(),
            "fw.toml:1:",
        ),
        (
            "binary",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe".to_vec(),
            "the framework `fw.toml` has problems",
        ),
        (
            "huge",
            format!("# {}\n", "x".repeat(5 << 20)).into_bytes(),
            "is larger than the limit `max-file-size` of 4 MiB",
        ),
        (
            "deep",
            format!("x = {}{}\n", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
            "the framework `fw.toml` has problems",
        ),
    ];
    for (what, bytes, expected) in cases {
        write(dir.path(), "fw.toml", &bytes);
        let run = run_in(dir.path(), &["gaps", "--framework", "fw.toml", "ok.yaml"]);
        assert_eq!(run.code, 2, "{what}: {}", run.all());
        assert!(run.stderr.contains(expected), "{what}: {}", run.stderr);
    }
}
