//! The end-to-end editor session over standard input and output: a real LSP client (the
//! `vscode-languageserver-protocol` npm package, in `editors/vscode/test/e2e.ts`) drives the
//! `regioplan` binary as VS Code does. The in-process tests of every feature are in
//! `src/server/tests.rs`.

use std::path::Path;
use std::process::Command;

#[test]
#[ignore = "needs node and `npm ci && npm run build-e2e` in editors/vscode (.ci/run does both)"]
fn a_scripted_editor_session_sees_a_finding_fixes_it_and_shuts_down() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("editors/vscode/out/e2e.js");
    assert!(
        script.is_file(),
        "{} is missing: run `npm ci && npm run build-e2e` in editors/vscode",
        script.display()
    );
    let output = Command::new("node")
        .arg(&script)
        .arg(env!("CARGO_BIN_EXE_regioplan"))
        .arg(root.join("plans/amstelland-zorg.yaml"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run node: {e}"));
    let transcript = String::from_utf8_lossy(&output.stdout);
    // Where the misspelt trekker is: its line, the column after `    trekker: `.
    let plan = std::fs::read_to_string(root.join("plans/amstelland-zorg.yaml"))
        .unwrap_or_else(|e| panic!("the seed plan: {e}"));
    let line = plan
        .lines()
        .position(|l| l == "    trekker: t.vos")
        .map_or(0, |i| i + 1);
    let finding = format!("diagnostic: RP102 at {line}:14");
    println!("{transcript}");
    assert!(
        output.status.success(),
        "the session failed:\n{transcript}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for step in [
        finding.as_str(),
        "after the quick fix: 0 findings",
        "exited with 0",
    ] {
        assert!(transcript.contains(step), "no `{step}` in:\n{transcript}");
    }
}
