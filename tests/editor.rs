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
    println!("{transcript}");
    assert!(
        output.status.success(),
        "the session failed:\n{transcript}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for step in [
        "diagnostic: RP102 at 350:14",
        "after the quick fix: 0 findings",
        "exited with 0",
    ] {
        assert!(transcript.contains(step), "no `{step}` in:\n{transcript}");
    }
}
