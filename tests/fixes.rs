//! `check --fix` and "every finding in one run", over the rule examples in `examples/invalid/`:
//! - a structural error injected into an unrelated section hides none of an example's findings;
//! - applying a fix removes its finding and changes nothing outside its edits, and fixing a
//!   fixed file again changes nothing;
//! - a file with a syntax error no fix repairs is left byte-identical;
//! - Rijnmond's plan with the issue's mistakes (issue 19) is found in one run and fixed to a
//!   plan that checks clean and differs only on those lines.

use std::path::Path;

use regioplan::check::check_bytes;
use regioplan::config::Settings;
use regioplan::diagnostic::{Applicability, Diagnostic, FileResult, apply_fixes};
use regioplan::fix::fix_bytes;
use regioplan::plan::catalogue::Catalogue;

/// Measurements in the examples are compared with this date, not with today (as in
/// tests/examples.rs).
fn settings() -> Settings {
    Settings::defaults(chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date"))
}

fn check(name: &str, bytes: &[u8]) -> FileResult {
    check_bytes(name, bytes, &settings(), &Catalogue::built_in())
}

/// Runs `f` on a thread with the stack the binary's workers have (the checks recurse over
/// nested goals; an unoptimised build needs more than a test thread's 2 MiB).
fn big_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(64 * 1024 * 1024)
        .spawn(f)
        .expect("a thread")
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e));
}

/// (file name, bytes) of every invalid example.
fn examples() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/invalid");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("examples/invalid")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| {
            let name = p.file_name().expect("name").to_string_lossy().into_owned();
            (name, std::fs::read(&p).expect("reads"))
        })
        .collect();
    out.sort();
    assert!(out.len() > 50, "the examples are there");
    out
}

/// (code, line, message) of every finding; a line number in the message is left out (it moves
/// with an injected line).
fn findings(result: &FileResult) -> Vec<(&'static str, usize, String)> {
    result
        .diagnostics
        .iter()
        .map(|d| {
            let message = match d.message.en().split_once(" on line ") {
                Some((head, _)) => head.to_string(),
                None => d.message.en().to_string(),
            };
            (
                d.code,
                result.source.position(d.primary.span.start).line,
                message,
            )
        })
        .collect()
}

/// Examples the injection cannot go into: the file is not read as a plan (encoding, syntax,
/// empty, more documents, too large, not a plan, another format version).
const NOT_READ: &[&str] = &[
    "RP001", "RP002", "RP004", "RP005", "RP006", "RP007", "RP016",
];

#[test]
fn a_structural_error_in_another_section_hides_no_finding_of_any_rule_example() {
    big_stack(a_structural_error_in_another_section_hides_no_finding_of_any_rule_example_);
}

fn a_structural_error_in_another_section_hides_no_finding_of_any_rule_example_() {
    let mut tried = 0;
    for (name, bytes) in examples() {
        if NOT_READ.iter().any(|c| name.starts_with(c)) {
            continue;
        }
        let text = String::from_utf8(bytes).expect("UTF-8");
        let before = check(&name, text.as_bytes());
        let in_region = before
            .diagnostics
            .iter()
            .any(|d| d.path.starts_with("/region"));
        let section = if in_region {
            "\nperiod:\n"
        } else {
            "\nregion:\n"
        };
        let Some(at) = text.find(section) else {
            panic!("{name} has no `{}`", section.trim());
        };
        let insert_at = at + section.len();
        let inserted_line = text[..insert_at].matches('\n').count() + 1;
        let injected = format!(
            "{}  kleur: blauw\n{}",
            &text[..insert_at],
            &text[insert_at..]
        );
        let after = check(&name, injected.as_bytes());
        let mut expected: Vec<(&str, usize, String)> = findings(&before)
            .into_iter()
            .map(|(code, line, message)| {
                let line = if line >= inserted_line {
                    line + 1
                } else {
                    line
                };
                (code, line, message)
            })
            .collect();
        let unknown = after
            .diagnostics
            .iter()
            .find(|d| d.code == "RP010" && d.message.en().contains("`kleur`"))
            .unwrap_or_else(|| panic!("{name}: the injected key is reported"));
        expected.push((
            "RP010",
            after.source.position(unknown.primary.span.start).line,
            unknown.message.en().to_string(),
        ));
        expected.sort();
        let mut found = findings(&after);
        found.sort();
        assert_eq!(found, expected, "{name}");
        tried += 1;
    }
    assert!(tried > 40, "{tried} examples tried");
}

/// The text outside the edits of the fixes, as (before, after) of the first edit and of the
/// last.
fn same_outside(name: &str, before: &str, after: &str, d: &Diagnostic, fix: usize) {
    let Some((start, end)) = d.fixes[fix].range() else {
        panic!("{name}: a fix without edits");
    };
    assert_eq!(
        before.get(..start),
        after.get(..start),
        "{name}: before the fix"
    );
    let tail = before.len() - end;
    assert_eq!(
        before.get(end..),
        after.get(after.len() - tail..),
        "{name}: after the fix"
    );
}

#[test]
fn each_fix_of_a_rule_example_removes_its_finding_and_only_its_edits_change() {
    big_stack(each_fix_of_a_rule_example_removes_its_finding_and_only_its_edits_change_);
}

fn each_fix_of_a_rule_example_removes_its_finding_and_only_its_edits_change_() {
    let mut fixed = 0;
    for (name, bytes) in examples() {
        let Ok(text) = String::from_utf8(bytes.clone()) else {
            continue;
        };
        let before = check(&name, &bytes);
        for d in &before.diagnostics {
            let line = before.source.position(d.primary.span.start).line;
            for (i, fix) in d.fixes.iter().enumerate() {
                let after = apply_fixes(&text, [fix]);
                assert_ne!(
                    after,
                    text,
                    "{name}: the fix {} changes the text",
                    fix.message.en()
                );
                same_outside(&name, &text, &after, d, i);
                let result = check(&name, after.as_bytes());
                // A suppression adds a line: the finding would be on the next one.
                let moved = usize::from(fix.suppression);
                let still: Vec<_> = findings(&result)
                    .into_iter()
                    .filter(|(code, at, _)| *code == d.code && *at == line + moved)
                    .collect();
                assert!(
                    still.is_empty(),
                    "{name}: `{}` leaves {still:?}\n{after}",
                    fix.message.en()
                );
                fixed += 1;
            }
        }
        // Fixing everything, then fixing again, changes nothing the second time.
        let first = fix_bytes(
            &name,
            &bytes,
            &settings(),
            &Catalogue::built_in(),
            Applicability::Unsafe,
        );
        let again = fix_bytes(
            &name,
            &first.bytes,
            &settings(),
            &Catalogue::built_in(),
            Applicability::Unsafe,
        );
        assert!(
            again.applied.is_empty(),
            "{name}: a second --fix applies {:?}",
            again.applied
        );
        assert_eq!(again.bytes, first.bytes, "{name}");
    }
    assert!(fixed > 40, "{fixed} fixes tried");
}

#[test]
fn a_syntax_error_no_fix_repairs_leaves_the_file_byte_identical() {
    big_stack(a_syntax_error_no_fix_repairs_leaves_the_file_byte_identical_);
}

fn a_syntax_error_no_fix_repairs_leaves_the_file_byte_identical_() {
    for bytes in [
        b"regioplan: 1\nregion:\n  name: x\n   bad: [\n".as_slice(),
        b"regioplan: 1\r\nregion:\r\n  name: x\r\n  - y\r\n# kept\r\n".as_slice(),
        b"\xEF\xBB\xBFregioplan: 1\nregion:\n\t name: x\n".as_slice(),
    ] {
        let fixed = fix_bytes(
            "x.yaml",
            bytes,
            &settings(),
            &Catalogue::built_in(),
            Applicability::Unsafe,
        );
        assert!(!fixed.changed(), "{:?}", fixed.applied);
        assert_eq!(fixed.bytes, bytes);
        assert!(fixed.result.diagnostics.iter().any(|d| d.code == "RP002"));
    }
}

/// Rijnmond's plan with the issue's mistakes: an unknown key in `region.key_figures`, a
/// thousands separator beside it, a dangling trekker, and the mistakes `--fix` repairs.
fn rijnmond_with_mistakes() -> (String, String, Vec<usize>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/rijnmond-dokters.yaml");
    let plan = std::fs::read_to_string(path).expect("the seed plan");
    let mut lines: Vec<String> = plan.split_inclusive('\n').map(String::from).collect();
    let mut changed = Vec::new();
    let mut change = |lines: &mut Vec<String>, find: &str, to: &dyn Fn(&str) -> String| {
        let i = lines
            .iter()
            .position(|l| l.contains(find))
            .unwrap_or_else(|| panic!("`{find}` is in the plan"));
        let new = to(&lines[i]);
        lines[i] = new;
        changed.push(i + 1);
    };
    change(&mut lines, "    listed_patients: 800000", &|l| {
        l.replace("800000", "800.000")
    });
    // A misspelt key with one close match.
    change(&mut lines, "    practices_joined: ", &|l| {
        l.replace("practices_joined:", "practices_joind:")
    });
    // A colon in a text, a title cut by ` #`, curly quotes and a non-breaking space pasted
    // from Word, a misspelt id with one close match.
    change(
        &mut lines,
        "        title: Eén regionaal samenwerkingsverband",
        &|l| l.replacen("title: ", "title: Fase 1: ", 1),
    );
    change(&mut lines, "        title: Module chronische zorg", &|l| {
        l.replacen("Module chronische zorg", "Module #1 chronische zorg", 1)
    });
    change(
        &mut lines,
        "        title: Patiënten met overgewicht",
        &|l| {
            let title = l.trim_start().trim_start_matches("title: ").trim_end();
            l.replacen(title, &format!("\u{201c}{title}\u{201d}"), 1)
        },
    );
    change(&mut lines, "            owner: r.vanleeuwen", &|l| {
        l.replacen("owner: ", "owner:\u{a0}", 1)
    });
    change(&mut lines, "    trekker: m.bakker", &|l| {
        l.replacen("m.bakker", "m.baker", 1)
    });
    (plan, lines.concat(), changed)
}

#[test]
fn rijnmonds_unknown_key_hides_neither_the_thousands_separator_nor_a_dangling_trekker() {
    big_stack(rijnmonds_unknown_key_hides_neither_the_thousands_separator_nor_a_dangling_trekker_);
}

fn rijnmonds_unknown_key_hides_neither_the_thousands_separator_nor_a_dangling_trekker_() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/rijnmond-dokters.yaml");
    let plan = std::fs::read_to_string(path).expect("the seed plan");
    let trekker = plan
        .lines()
        .find(|l| l.trim_start().starts_with("trekker: "))
        .expect("a trekker");
    let broken = plan
        .replacen(
            "    listed_patients: 800000\n",
            "    listed_patients: 800.000\n    huisartsen: 300\n",
            1,
        )
        .replacen(trekker, "    trekker: x.niemand", 1);
    let codes: Vec<&str> = check("rijnmond.yaml", broken.as_bytes())
        .diagnostics
        .iter()
        .map(|d| d.code)
        .collect();
    assert_eq!(codes, ["RP017", "RP010", "RP102"]);
}

#[test]
fn fixing_rijnmond_with_the_issues_mistakes_checks_clean_and_changes_only_those_lines() {
    big_stack(fixing_rijnmond_with_the_issues_mistakes_checks_clean_and_changes_only_those_lines_);
}

fn fixing_rijnmond_with_the_issues_mistakes_checks_clean_and_changes_only_those_lines_() {
    let (plan, broken, changed) = rijnmond_with_mistakes();
    assert!(
        check("rijnmond.yaml", plan.as_bytes())
            .diagnostics
            .is_empty()
    );
    let before = check("rijnmond.yaml", broken.as_bytes());
    assert!(!before.diagnostics.is_empty());
    let fixed = fix_bytes(
        "rijnmond.yaml",
        broken.as_bytes(),
        &settings(),
        &Catalogue::built_in(),
        Applicability::Unsafe,
    );
    assert!(
        fixed.result.diagnostics.is_empty(),
        "{:?}",
        findings(&fixed.result)
    );
    let text = String::from_utf8(fixed.bytes).expect("UTF-8");
    let (old, new): (Vec<&str>, Vec<&str>) = (plan.lines().collect(), text.lines().collect());
    assert_eq!(old.len(), new.len());
    for (i, (a, b)) in old.iter().zip(&new).enumerate() {
        if changed.contains(&(i + 1)) {
            continue;
        }
        assert_eq!(a, b, "line {}", i + 1);
    }
    // Safe fixes alone repair all but the misspelt key and id, guesses.
    let safe = fix_bytes(
        "rijnmond.yaml",
        broken.as_bytes(),
        &settings(),
        &Catalogue::built_in(),
        Applicability::Safe,
    );
    let left: Vec<&str> = safe.result.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(left, ["RP010", "RP102"]);
}

#[test]
fn each_rules_documentation_says_which_fixes_its_example_gets() {
    big_stack(each_rules_documentation_says_which_fixes_its_example_gets_);
}

fn each_rules_documentation_says_which_fixes_its_example_gets_() {
    for rule in regioplan::rules::ALL {
        let fix = rule.fix.en;
        assert!(
            ["Safe", "Unsafe", "None"]
                .iter()
                .any(|w| fix.starts_with(&format!("{w}:")) || fix.starts_with(&format!("{w},"))),
            "{}: `fix` starts with Safe, Unsafe or None: {fix}",
            rule.code
        );
    }
    for (name, bytes) in examples() {
        let code = name.split('-').next().expect("a code");
        let rule = &regioplan::rules::find(code).expect("a rule").info;
        let result = check(&name, &bytes);
        for d in result.diagnostics.iter().filter(|d| d.code == code) {
            for f in d.fixes.iter().filter(|f| !f.suppression) {
                let word = match f.applicability {
                    Applicability::Safe => "Safe",
                    Applicability::Unsafe => "Unsafe",
                };
                assert!(
                    rule.fix.en.contains(&format!("{word}:"))
                        || rule.fix.en.contains(&format!("{word},")),
                    "{code}'s documentation names its {word} fix `{}`: {}",
                    f.message.en(),
                    rule.fix.en
                );
            }
        }
    }
}

/// Runs the binary with `args` in `dir`, with `stdin`.
fn regioplan(dir: &Path, args: &[&str], stdin: &[u8]) -> std::process::Output {
    use std::io::Write as _;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_regioplan"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_ACTIONS")
        .args(["check", "--no-config", "--as-of", "2026-11-22"])
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("writes");
    child.wait_with_output().expect("finishes")
}

const RP008: &str = include_str!("../examples/invalid/RP008-text-cut-by-comment.yaml");

#[test]
fn diff_prints_the_change_writes_nothing_and_exits_1() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("plan.yaml");
    std::fs::write(&plan, RP008).expect("writes");
    let out = regioplan(dir.path(), &["--diff", "plan.yaml"], b"");
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        stdout.starts_with("--- plan.yaml\n+++ plan.yaml\n@@ "),
        "{stdout}"
    );
    assert!(stdout.contains("\n-        title: Wachttijd #1 prioriteit\n+        title: \"Wachttijd #1 prioriteit\"\n"), "{stdout}");
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(
        stderr.contains("Would fix 1 finding in plan.yaml"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&plan).expect("reads"), RP008);
    // A clean plan: no diff, exit 0.
    let out = regioplan(
        dir.path(),
        &["--diff", "-"],
        include_bytes!("../examples/valid/minimal.yaml"),
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[cfg(unix)]
#[test]
fn fix_writes_the_plan_keeping_its_permissions_and_says_what_it_fixed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("plan.yaml");
    std::fs::write(&plan, RP008.replace('\n', "\r\n")).expect("writes");
    std::fs::set_permissions(&plan, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let out = regioplan(dir.path(), &["--fix", "plan.yaml"], b"");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let fixed = std::fs::read_to_string(&plan).expect("reads");
    assert_eq!(
        fixed,
        RP008
            .replace(
                "title: Wachttijd #1 prioriteit",
                "title: \"Wachttijd #1 prioriteit\""
            )
            .replace('\n', "\r\n")
    );
    let mode = std::fs::metadata(&plan).expect("meta").permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(
        stderr.contains("Fixed 1 finding in plan.yaml:\n  RP008 on line 33"),
        "{stderr}"
    );
    assert!(
        stderr.contains("plan.yaml has no findings left."),
        "{stderr}"
    );
}

#[test]
fn fix_leaves_a_file_without_fixes_untouched_and_unsafe_fixes_need_fix() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plan = dir.path().join("plan.yaml");
    let text = include_str!("../examples/invalid/RP301-theme-without-trekker.yaml");
    std::fs::write(&plan, text).expect("writes");
    let before = std::fs::metadata(&plan)
        .expect("meta")
        .modified()
        .expect("mtime");
    let out = regioplan(dir.path(), &["--fix", "plan.yaml"], b"");
    assert_eq!(out.status.code(), Some(0), "a warning is left");
    assert_eq!(std::fs::read_to_string(&plan).expect("reads"), text);
    let after = std::fs::metadata(&plan)
        .expect("meta")
        .modified()
        .expect("mtime");
    assert_eq!(before, after);
    let out = regioplan(dir.path(), &["--unsafe-fixes", "plan.yaml"], b"");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(
        stderr.contains("--unsafe-fixes applies with --fix or --diff"),
        "{stderr}"
    );
}

#[test]
fn fix_on_standard_input_writes_the_fixed_plan_to_standard_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = include_str!("../examples/invalid/RP102-unknown-person.yaml");
    let out = regioplan(dir.path(), &["--fix", "-"], text.as_bytes());
    // The guess is unsafe: the plan comes back as it was, the finding on standard error.
    assert_eq!(String::from_utf8(out.stdout).expect("UTF-8"), text);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(stderr.contains("error[RP102]"), "{stderr}");
    let out = regioplan(
        dir.path(),
        &["--fix", "--unsafe-fixes", "-"],
        text.as_bytes(),
    );
    assert_eq!(
        String::from_utf8(out.stdout).expect("UTF-8"),
        text.replace("trekker: a.baker", "trekker: a.bakker")
    );
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn diff_names_the_right_file_beside_one_too_large_to_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a-large.yaml"), "# x\n".repeat(1000)).expect("writes");
    std::fs::write(dir.path().join("b-plan.yaml"), RP008).expect("writes");
    let out = regioplan(
        dir.path(),
        &[
            "--diff",
            "--limit",
            "max-file-size=3KiB",
            "a-large.yaml",
            "b-plan.yaml",
        ],
        b"",
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(stdout.starts_with("--- b-plan.yaml\n"), "{stdout}");
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(
        stderr.contains("Would fix 1 finding in b-plan.yaml"),
        "{stderr}"
    );
}
