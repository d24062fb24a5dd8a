//! The server over an in-memory connection, driven the way an editor drives it.

use std::path::{Path, PathBuf};
use std::thread::JoinHandle;
use std::time::Duration;

use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::Notification as _;
use lsp_types::request::Request as _;
use lsp_types::{PublishDiagnosticsParams, Url};
use serde_json::{Value, json};

use super::ConnectionError;

/// A request no client sends: the server panics while answering it (tests only).
pub const PANIC_METHOD: &str = "regioplan/test-panic";

/// The example plan whose trekker `a.baker` is nobody (RP102).
const PLAN: &str = include_str!("../../examples/invalid/RP102-unknown-person.yaml");

struct Editor {
    connection: Connection,
    server: Option<JoinHandle<Result<(), ConnectionError>>>,
    next_id: i32,
    /// Notifications and requests from the server not yet looked at.
    inbox: Vec<Message>,
}

impl Editor {
    fn start(capabilities: &Value, locale: Option<&str>) -> Self {
        Self::start_with(capabilities, locale, &Value::Null)
    }

    fn start_with(capabilities: &Value, locale: Option<&str>, options: &Value) -> Self {
        let (server_side, connection) = Connection::memory();
        let server = std::thread::Builder::new()
            .stack_size(64 * 1024 * 1024)
            .spawn(move || super::run(&server_side))
            .ok();
        let mut editor = Self {
            connection,
            server,
            next_id: 0,
            inbox: Vec::new(),
        };
        let init = editor.request(
            "initialize",
            json!({ "capabilities": capabilities, "locale": locale,
                    "initializationOptions": options }),
        );
        assert!(init.response_result.is_ok(), "{init:?}");
        editor.notify("initialized", json!({}));
        editor
    }

    fn plain() -> Self {
        Self::start(&json!({}), None)
    }

    fn notify(&self, method: &str, params: Value) {
        let sent = self
            .connection
            .sender
            .send(Notification::new(method.into(), params).into());
        assert!(sent.is_ok());
    }

    fn request(&mut self, method: &str, params: Value) -> Response {
        self.next_id += 1;
        let id = RequestId::from(self.next_id);
        let sent = self
            .connection
            .sender
            .send(Request::new(id.clone(), method.into(), params).into());
        assert!(sent.is_ok());
        loop {
            match self.receive() {
                Message::Response(r) if r.id == id => return r,
                other => self.inbox.push(other),
            }
        }
    }

    /// The result of a request that must succeed.
    fn ok(&mut self, method: &str, params: Value) -> Value {
        let response = self.request(method, params);
        match response.response_result {
            Ok(value) => value,
            Err(e) => panic!("{method} failed: {}", e.message),
        }
    }

    fn receive(&self) -> Message {
        match self
            .connection
            .receiver
            .recv_timeout(Duration::from_secs(20))
        {
            Ok(message) => message,
            Err(e) => panic!("no message from the server: {e}"),
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &Url) -> Vec<lsp_types::Diagnostic> {
        let wanted = |m: &Message| {
            matches!(m, Message::Notification(n)
                if n.method == lsp_types::notification::PublishDiagnostics::METHOD
                && n.params["uri"] == json!(uri))
        };
        let message = match self.inbox.iter().position(wanted) {
            Some(i) => self.inbox.remove(i),
            None => loop {
                let m = self.receive();
                if wanted(&m) {
                    break m;
                }
                self.inbox.push(m);
            },
        };
        let Message::Notification(n) = message else {
            unreachable!("matched a notification")
        };
        let params: Result<PublishDiagnosticsParams, _> = serde_json::from_value(n.params);
        params.map(|p| p.diagnostics).unwrap_or_default()
    }

    fn open(&mut self, uri: &Url, text: &str) -> Vec<lsp_types::Diagnostic> {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": "yaml", "version": 1, "text": text } }),
        );
        self.diagnostics(uri)
    }

    fn change(&mut self, uri: &Url, version: i32, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version },
                    "contentChanges": [{ "text": text }] }),
        );
    }

    fn at(&mut self, method: &str, uri: &Url, line: u32, character: u32) -> Value {
        self.ok(
            method,
            json!({ "textDocument": { "uri": uri },
                    "position": { "line": line, "character": character },
                    "context": if method == "textDocument/references" {
                        json!({ "includeDeclaration": true })
                    } else {
                        json!({ "triggerKind": 1 })
                    } }),
        )
    }

    /// Shuts the server down as an editor does; the server thread ends without an error.
    fn shut_down(mut self) {
        let response = self.request("shutdown", Value::Null);
        assert!(response.response_result.is_ok());
        self.notify("exit", Value::Null);
        let ended = self.server.take().map(JoinHandle::join);
        assert!(matches!(ended, Some(Ok(Ok(())))), "{ended:?}");
    }
}

fn uri_in(dir: &Path, name: &str) -> Url {
    match Url::from_file_path(dir.join(name)) {
        Ok(uri) => uri,
        Err(()) => panic!("not an absolute path: {}", dir.display()),
    }
}

fn temp_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("no temporary directory: {e}"));
    let path = dir.path().to_path_buf();
    (dir, path)
}

/// The line and column (0-based, UTF-8 bytes) of the first `needle` in `text`.
fn find(text: &str, needle: &str) -> (u32, u32) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in the text"));
    let before = &text[..at];
    let line = before.matches('\n').count();
    let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1);
    (units(line), units(column))
}

fn units(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn markdown(hover: &Value) -> String {
    hover["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn labels(items: &Value) -> Vec<String> {
    let list = items.as_array().or_else(|| items["items"].as_array());
    list.into_iter()
        .flatten()
        .filter_map(|i| i["label"].as_str().map(String::from))
        .collect()
}

#[test]
fn an_unknown_trekker_is_published_with_its_code_link_severity_and_place() {
    let (_keep, dir) = temp_dir();
    let uri = uri_in(&dir, "plan.yaml");
    let mut editor = Editor::plain();
    let found = editor.open(&uri, PLAN);
    let rp102 = found
        .iter()
        .find(|d| d.code == Some(lsp_types::NumberOrString::String("RP102".into())));
    let Some(d) = rp102 else {
        panic!("no RP102 in {found:?}")
    };
    let (line, column) = find(PLAN, "trekker: a.baker");
    let column = column + 9;
    assert_eq!(d.range.start, lsp_types::Position::new(line, column));
    assert_eq!(d.range.end, lsp_types::Position::new(line, column + 7));
    assert_eq!(d.severity, Some(lsp_types::DiagnosticSeverity::ERROR));
    assert_eq!(d.source.as_deref(), Some("regioplan"));
    let href = d.code_description.as_ref().map(|c| c.href.as_str());
    assert_eq!(href, Some(super::document::rule_link("RP102").as_str()));
    assert!(d.message.contains("a.baker"), "{}", d.message);
    editor.shut_down();
}

#[test]
fn a_finding_after_an_accent_and_an_emoji_keeps_its_utf16_and_utf8_columns() {
    let text = PLAN.replace(
        "        owner: a.bakker\n",
        "        owner: a.bakker\n        note: x\n",
    );
    let text = text.replace(
        "  - id: wg-ggz\n    name: Werkgroep GGZ\n",
        "  - {id: wg-ggz, name: \"Zoë 😀\", members: [a.bakkr]}\n",
    );
    let (_keep, dir) = temp_dir();
    let uri = uri_in(&dir, "plan.yaml");
    let (line, byte_column) = find(&text, "a.bakkr");
    let prefix = &text.lines().nth(line as usize).unwrap_or_default()[..byte_column as usize];
    let utf16_column = units(prefix.encode_utf16().count());
    assert_eq!(
        byte_column - utf16_column,
        3,
        "é is 2 bytes and 1 unit, 😀 4 bytes and 2 units"
    );
    for (capabilities, column) in [
        (json!({}), utf16_column),
        (
            json!({ "general": { "positionEncodings": ["utf-8", "utf-16"] } }),
            byte_column,
        ),
    ] {
        let mut editor = Editor::start(&capabilities, None);
        let found = editor.open(&uri, &text);
        let starts: Vec<_> = found.iter().map(|d| d.range.start).collect();
        assert!(
            starts.contains(&lsp_types::Position::new(line, column)),
            "no finding at {line}:{column} in {found:?}"
        );
        editor.shut_down();
    }
}

#[test]
fn a_plan_that_does_not_parse_still_gets_its_syntax_finding() {
    let (_keep, dir) = temp_dir();
    let uri = uri_in(&dir, "plan.yaml");
    let mut editor = Editor::plain();
    let found = editor.open(&uri, "regioplan: 1\nregion: [unclosed\n");
    assert!(
        found
            .iter()
            .any(|d| d.code == Some(lsp_types::NumberOrString::String("RP002".into()))),
        "{found:?}"
    );
    // The editor features answer without failing on it.
    let hover = editor.request(
        "textDocument/hover",
        json!({ "textDocument": { "uri": uri }, "position": { "line": 1, "character": 3 } }),
    );
    assert!(hover.response_result.is_ok());
    editor.shut_down();
}

#[test]
fn a_yaml_file_that_is_not_a_plan_gets_no_findings() {
    let (_keep, dir) = temp_dir();
    let uri = uri_in(&dir, "mkdocs.yml");
    let mut editor = Editor::plain();
    assert_eq!(
        editor.open(&uri, "site_name: Regioplan\nnav: [index.md]\n"),
        vec![]
    );
    editor.shut_down();
}

#[test]
fn a_file_declared_a_plan_without_the_regioplan_key_is_told_to_add_it() {
    let (_keep, dir) = temp_dir();
    let uri = uri_in(&dir, "concept.yaml");
    let text = "region:\n  name: Huisartsen Amstelland\n";
    let options = json!({ "files": ["**/concept.yaml"] });
    let mut editor = Editor::start_with(&json!({}), None, &options);
    // As for a file named on the command line: RP007, which says what to add.
    let found = editor.open(&uri, text);
    let codes: Vec<_> = found.iter().filter_map(|d| d.code.clone()).collect();
    assert_eq!(codes, [lsp_types::NumberOrString::String("RP007".into())]);
    editor.shut_down();
}

#[test]
fn a_request_that_panics_gets_an_error_and_the_server_goes_on() {
    let (_keep, dir) = temp_dir();
    let uri = uri_in(&dir, "plan.yaml");
    let mut editor = Editor::plain();
    editor.open(&uri, PLAN);
    let response = editor.request(PANIC_METHOD, Value::Null);
    let error = response.response_result.err();
    assert_eq!(
        error.map(|e| e.code),
        Some(lsp_server::ErrorCode::InternalError as i32)
    );
    let (line, column) = find(PLAN, "owner: a.bakker");
    let definition = editor.at("textDocument/definition", &uri, line, column + 7);
    assert!(definition["range"].is_object(), "{definition}");
    editor.shut_down();
}

#[test]
fn a_change_is_checked_again_and_the_finding_goes_when_the_trekker_is_fixed() {
    let (_keep, dir) = temp_dir();
    let uri = uri_in(&dir, "plan.yaml");
    let mut editor = Editor::plain();
    assert!(!editor.open(&uri, PLAN).is_empty());
    // Two quick changes are checked once, after the quiet period, at the last version.
    editor.change(&uri, 2, &PLAN.replace("a.baker", "a.bake"));
    editor.change(&uri, 3, &PLAN.replace("a.baker", "a.bakker"));
    assert_eq!(editor.diagnostics(&uri), vec![]);
    editor.shut_down();
}

#[test]
fn pulled_diagnostics_are_the_pushed_ones_and_a_puller_gets_no_push() {
    let (_keep, dir) = temp_dir();
    let uri = uri_in(&dir, "plan.yaml");
    let mut pushing = Editor::plain();
    let pushed = pushing.open(&uri, PLAN);
    let pulled = pushing.ok(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert_eq!(pulled["kind"], "full");
    assert_eq!(pulled["items"], json!(pushed));
    pushing.shut_down();

    let mut pulling = Editor::start(&json!({ "textDocument": { "diagnostic": {} } }), None);
    pulling.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "yaml", "version": 1, "text": PLAN } }),
    );
    let pulled = pulling.ok(
        "textDocument/diagnostic",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert_eq!(pulled["items"], json!(pushed));
    assert!(
        pulling
            .inbox
            .iter()
            .all(|m| !matches!(m, Message::Notification(_)))
    );
    pulling.shut_down();
}

#[test]
fn hover_names_the_person_explains_the_key_the_rule_and_the_finding() {
    let text = PLAN.replace(
        "    trekker: a.baker\n",
        "    # regioplan: ignore[RP301] trekker volgt\n    trekker: a.baker\n",
    );
    let (_keep, dir) = temp_dir();
    let uri = uri_in(&dir, "plan.yaml");
    let mut editor = Editor::plain();
    editor.open(&uri, &text);
    let (line, column) = find(&text, "f.francke\n    goals");
    let person = markdown(&editor.at("textDocument/hover", &uri, line, column + 2));
    assert!(person.contains("Frank Francke"), "{person}");
    let (line, column) = find(&text, "board_contact");
    let key = markdown(&editor.at("textDocument/hover", &uri, line, column + 1));
    assert!(key.contains("dagelijks bestuur"), "{key}");
    let (line, column) = find(&text, "RP301");
    let rule = markdown(&editor.at("textDocument/hover", &uri, line, column + 1));
    assert!(rule.contains("RP301") && rule.contains("```yaml"), "{rule}");
    let (line, column) = find(&text, "trekker: a.baker");
    let column = column + 9;
    let finding = markdown(&editor.at("textDocument/hover", &uri, line, column + 1));
    assert!(
        finding.contains("RP102") && finding.contains("a.bakker"),
        "{finding}"
    );
    editor.shut_down();
}

#[test]
fn hover_on_a_key_explains_it_in_dutch_when_the_plan_speaks_dutch() {
    let (_keep, dir) = temp_dir();
    std::fs::write(dir.join("regioplan.toml"), "language = \"nl\"\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let uri = uri_in(&dir, "plan.yaml");
    let mut editor = Editor::plain();
    editor.open(&uri, PLAN);
    let (line, column) = find(PLAN, "board_contact");
    let key = markdown(&editor.at("textDocument/hover", &uri, line, column + 1));
    assert!(
        key.contains("Het aanspreekpunt in het dagelijks bestuur"),
        "{key}"
    );
    let (line, column) = find(PLAN, "strategic");
    let key = markdown(&editor.at("textDocument/hover", &uri, line, column + 1));
    assert!(key.contains("Een van: `regional`"), "{key}");
    editor.shut_down();
}

#[test]
fn completion_offers_keys_enum_values_and_people_for_a_trekker() {
    let (_keep, dir) = temp_dir();
    let uri = uri_in(&dir, "plan.yaml");
    let mut editor = Editor::plain();
    editor.open(&uri, PLAN);
    // A person id after `trekker: `, replacing what is typed so far.
    let text = PLAN.replace("    trekker: a.baker\n", "    trekker: a.\n");
    editor.change(&uri, 2, &text);
    let (line, column) = find(&text, "a.\n");
    let people = editor.at("textDocument/completion", &uri, line, column + 2);
    assert_eq!(labels(&people), ["a.bakker", "f.francke"]);
    let edit = &people[0]["textEdit"];
    assert_eq!(edit["range"]["start"]["character"], column);
    // Nothing typed yet: the value is missing, the plan is still read around it.
    let text = PLAN.replace("    trekker: a.baker\n", "    trekker: \n");
    editor.change(&uri, 2, &text);
    let (line, column) = find(&text, "trekker: \n");
    let people = editor.at("textDocument/completion", &uri, line, column + 9);
    assert_eq!(labels(&people), ["a.bakker", "f.francke"]);
    // Values of `strategic`.
    let text = PLAN.replace("    strategic: regional\n", "    strategic: \n");
    editor.change(&uri, 3, &text);
    let (line, column) = find(&text, "strategic: ");
    let values = editor.at("textDocument/completion", &uri, line, column + 11);
    assert_eq!(
        labels(&values),
        ["regional", "left_to_members", "undecided"]
    );
    // Keys of a theme that are not written yet.
    let text = PLAN.replace("    workgroup: wg-ggz\n", "    workgroup: wg-ggz\n    ra\n");
    editor.change(&uri, 4, &text);
    let (line, column) = find(&text, "    ra\n");
    let keys = labels(&editor.at("textDocument/completion", &uri, line, column + 6));
    assert!(keys.contains(&"rationale".to_string()), "{keys:?}");
    assert!(!keys.contains(&"trekker".to_string()), "{keys:?}");
    // A new list item of people: the keys of a person.
    let text = PLAN.replace("people:\n", "people:\n  - \n");
    editor.change(&uri, 5, &text);
    let (line, _) = find(&text, "people:\n  - \n");
    let keys = labels(&editor.at("textDocument/completion", &uri, line + 1, 4));
    assert!(
        keys.contains(&"name".to_string()) && keys.contains(&"id".to_string()),
        "{keys:?}"
    );
    editor.shut_down();
}

#[test]
fn definition_references_and_rename_follow_an_id() {
    let (_keep, dir) = temp_dir();
    let uri = uri_in(&dir, "plan.yaml");
    let mut editor = Editor::plain();
    editor.open(&uri, PLAN);
    let (def_line, def_column) = find(PLAN, "id: a.bakker");
    let def_column = def_column + 4;
    let (use_line, use_column) = find(PLAN, "owner: a.bakker");
    let definition = editor.at("textDocument/definition", &uri, use_line, use_column + 8);
    assert_eq!(
        definition["range"]["start"],
        json!({ "line": def_line, "character": def_column })
    );
    let references = editor.at("textDocument/references", &uri, def_line, def_column);
    let lines: Vec<_> = references
        .as_array()
        .into_iter()
        .flatten()
        .map(|l| l["range"]["start"]["line"].clone())
        .collect();
    assert_eq!(lines, [json!(def_line), json!(use_line)]);
    let renamed = editor.ok(
        "textDocument/rename",
        json!({ "textDocument": { "uri": uri },
                "position": { "line": def_line, "character": def_column },
                "newName": "a.bakker-smit" }),
    );
    let edits = renamed["changes"][uri.as_str()]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(edits.len(), 2);
    assert!(edits.iter().all(|e| e["newText"] == "a.bakker-smit"));
    // An id that is taken, or not an id, is refused with a reason.
    for taken in ["f.francke", "Anna Bakker"] {
        let refused = editor.request(
            "textDocument/rename",
            json!({ "textDocument": { "uri": uri },
                    "position": { "line": def_line, "character": def_column },
                    "newName": taken }),
        );
        assert!(refused.response_result.is_err(), "{taken}");
    }
    editor.shut_down();
}

#[test]
fn the_outline_has_the_region_themes_and_their_goals() {
    let (_keep, dir) = temp_dir();
    let uri = uri_in(&dir, "plan.yaml");
    let mut editor = Editor::plain();
    editor.open(&uri, PLAN);
    let outline = editor.ok(
        "textDocument/documentSymbol",
        json!({ "textDocument": { "uri": uri } }),
    );
    assert_eq!(outline[0]["name"], "Huisartsen Amstelland");
    assert_eq!(outline[1]["name"], "GGZ");
    assert_eq!(outline[1]["detail"], "ggz");
    assert_eq!(
        outline[1]["children"][0]["name"],
        "Betere toegang tot de GGZ"
    );
    assert_eq!(outline[1]["children"][0]["detail"], "ggz-1");
    editor.shut_down();
}

#[test]
fn code_actions_replace_with_the_suggestion_or_accept_with_a_selected_reason() {
    let (_keep, dir) = temp_dir();
    let uri = uri_in(&dir, "plan.yaml");
    let mut editor = Editor::start(
        &json!({ "window": { "showDocument": { "support": true } } }),
        None,
    );
    editor.open(&uri, PLAN);
    let (line, column) = find(PLAN, "trekker: a.baker");
    let column = column + 9;
    let actions = editor.ok(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri },
                "range": { "start": { "line": line, "character": column },
                           "end": { "line": line, "character": column } },
                "context": { "diagnostics": [] } }),
    );
    let titles: Vec<_> = actions
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| a["title"].clone())
        .collect();
    assert_eq!(titles[0], "Replace with `a.bakker`");
    let replace = &actions[0]["edit"]["changes"][uri.as_str()][0];
    assert_eq!(replace["newText"], "a.bakker");
    let accept = &actions[1];
    let insert = &accept["edit"]["changes"][uri.as_str()][0];
    // The suppression `check --unsafe-fixes` writes, with its placeholder reason.
    assert_eq!(
        insert["newText"],
        "    # regioplan: ignore[RP102] <reason>\n"
    );
    assert_eq!(
        insert["range"]["start"],
        json!({ "line": line, "character": 0 })
    );
    // Applying the edit and running its command selects the reason.
    let applied = PLAN.replace(
        "    trekker: a.baker\n",
        "    # regioplan: ignore[RP102] <reason>\n    trekker: a.baker\n",
    );
    editor.change(&uri, 2, &applied);
    editor.ok("workspace/executeCommand", accept["command"].clone());
    let waiting = editor
        .inbox
        .iter()
        .position(|m| matches!(m, Message::Request(_)));
    let show = loop {
        if let Some(Message::Request(r)) = waiting.map(|i| editor.inbox.remove(i)) {
            break r;
        }
        match editor.receive() {
            Message::Request(r) if r.method == lsp_types::request::ShowDocument::METHOD => break r,
            other => editor.inbox.push(other),
        }
    };
    let selection = &show.params["selection"];
    let (reason_line, reason_column) = find(&applied, "<reason>");
    assert_eq!(reason_line, line);
    assert_eq!(
        selection["start"],
        json!({ "line": line, "character": reason_column })
    );
    assert_eq!(
        selection["end"],
        json!({ "line": line, "character": reason_column + 8 })
    );
    // The finding is suppressed; until the reason is written, RP902 says it is missing.
    let found = editor.diagnostics(&uri);
    let codes: Vec<_> = found.iter().filter_map(|d| d.code.clone()).collect();
    assert_eq!(codes, [lsp_types::NumberOrString::String("RP902".into())]);
    let written = applied.replace("<reason>", "trekker volgt na de ALV");
    editor.change(&uri, 3, &written);
    assert_eq!(editor.diagnostics(&uri), vec![]);
    editor.shut_down();
}

#[test]
fn the_nearest_regioplan_toml_applies_and_saving_it_checks_again() {
    let (_keep, dir) = temp_dir();
    let plans = dir.join("plans");
    std::fs::create_dir_all(&plans).unwrap_or_else(|e| panic!("{e}"));
    let config = dir.join("regioplan.toml");
    std::fs::write(&config, "ignore = [\"RP102\"]\n").unwrap_or_else(|e| panic!("{e}"));
    let uri = uri_in(&plans, "plan.yaml");
    let mut editor = Editor::plain();
    let found = editor.open(&uri, PLAN);
    assert!(
        found
            .iter()
            .all(|d| d.code != Some(lsp_types::NumberOrString::String("RP102".into()))),
        "{found:?}"
    );
    std::fs::write(&config, "ignore = []\n").unwrap_or_else(|e| panic!("{e}"));
    let config_uri = uri_in(&dir, "regioplan.toml");
    editor.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": config_uri } }),
    );
    let found = editor.diagnostics(&uri);
    assert!(
        found
            .iter()
            .any(|d| d.code == Some(lsp_types::NumberOrString::String("RP102".into()))),
        "{found:?}"
    );
    // A broken regioplan.toml gets its own findings, and the plan the defaults.
    std::fs::write(&config, "ignor = []\n").unwrap_or_else(|e| panic!("{e}"));
    editor.inbox.clear();
    editor.notify(
        "textDocument/didSave",
        json!({ "textDocument": { "uri": config_uri } }),
    );
    let on_config = editor.diagnostics(&config_uri);
    assert!(
        on_config.iter().any(|d| d.message.contains("ignor")),
        "{on_config:?}"
    );
    editor.shut_down();
}

#[test]
fn the_file_limits_of_regioplan_toml_apply_in_the_editor() {
    let (_keep, dir) = temp_dir();
    std::fs::write(
        dir.join("regioplan.toml"),
        "[limits]\nmax-file-size = 100\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let uri = uri_in(&dir, "plan.yaml");
    let mut editor = Editor::plain();
    let found = editor.open(&uri, PLAN);
    let codes: Vec<_> = found.iter().filter_map(|d| d.code.clone()).collect();
    assert_eq!(codes, [lsp_types::NumberOrString::String("RP006".into())]);
    editor.shut_down();
}

#[test]
fn a_closed_connection_ends_the_server_cleanly() {
    let mut editor = Editor::plain();
    let server = editor.server.take();
    drop(editor);
    let ended = server.map(JoinHandle::join);
    assert!(matches!(ended, Some(Ok(Ok(())))), "{ended:?}");
}

#[test]
fn the_language_is_the_one_in_regioplan_toml_else_the_clients_locale() {
    use crate::config::file::Language;
    let (_keep, dir) = temp_dir();
    let (_keep_bare, bare) = temp_dir();
    std::fs::write(dir.join("regioplan.toml"), "language = \"nl\"\n")
        .unwrap_or_else(|e| panic!("{e}"));
    // As `--lang`, regioplan.toml and `LANG` for the CLI: the team's configuration speaks
    // first, the editor's locale (like the environment) where it says nothing.
    for (dir, locale, language) in [
        (&dir, None, Language::Nl),
        (&dir, Some("en-GB"), Language::Nl),
        (&bare, Some("nl-BE"), Language::Nl),
        (&bare, Some("en-GB"), Language::En),
        (&bare, Some("de"), Language::En),
        (&bare, None, Language::En),
    ] {
        let uri = uri_in(dir, "plan.yaml");
        let (connection, _client) = Connection::memory();
        let params = lsp_types::InitializeParams {
            locale: locale.map(String::from),
            ..lsp_types::InitializeParams::default()
        };
        let mut server = super::Server::new(&connection, &params);
        assert_eq!(server.settings_for(&uri).language, language, "{locale:?}");
    }
}

#[test]
fn a_second_definition_points_at_the_first_and_a_stale_suppression_is_faded() {
    let text = include_str!("../../examples/invalid/RP101-duplicate-id.yaml").replace(
        "  - id: ggz\n",
        "  # regioplan: ignore[RP104] oude code\n  - id: ggz\n",
    );
    let (_keep, dir) = temp_dir();
    let uri = uri_in(&dir, "plan.yaml");
    let mut editor = Editor::plain();
    let found = editor.open(&uri, &text);
    let code = |c: &str| Some(lsp_types::NumberOrString::String(c.into()));
    let duplicate = found.iter().find(|d| d.code == code("RP101"));
    let related = duplicate
        .and_then(|d| d.related_information.clone())
        .unwrap_or_default();
    let (first, _) = find(&text, "id: a.bakker");
    assert_eq!(related.len(), 1, "{found:?}");
    assert_eq!(related[0].location.range.start.line, first);
    assert_eq!(related[0].location.uri, uri);
    let unused = found.iter().find(|d| d.code == code("RP901"));
    assert_eq!(
        unused.and_then(|d| d.tags.clone()),
        Some(vec![lsp_types::DiagnosticTag::UNNECESSARY]),
        "{found:?}"
    );
    editor.shut_down();
}

#[test]
fn a_changed_regioplan_toml_is_watched_and_read_again() {
    let (_keep, dir) = temp_dir();
    let config = dir.join("regioplan.toml");
    std::fs::write(&config, "ignore = [\"RP1\"]\n").unwrap_or_else(|e| panic!("{e}"));
    let uri = uri_in(&dir, "plan.yaml");
    let mut editor = Editor::start(
        &json!({ "workspace": { "didChangeWatchedFiles": { "dynamicRegistration": true } } }),
        None,
    );
    assert_eq!(editor.open(&uri, PLAN), vec![]);
    let registered = editor.inbox.iter().any(|m| {
        matches!(m, Message::Request(r) if r.method == "client/registerCapability"
            && r.params["registrations"][0]["registerOptions"]["watchers"][0]["globPattern"]
                == "**/regioplan.toml")
    });
    assert!(registered, "{:?}", editor.inbox);
    std::fs::write(&config, "\n").unwrap_or_else(|e| panic!("{e}"));
    editor.notify(
        "workspace/didChangeWatchedFiles",
        json!({ "changes": [{ "uri": uri_in(&dir, "regioplan.toml"), "type": 2 }] }),
    );
    assert_eq!(editor.diagnostics(&uri).len(), 1);
    editor.shut_down();
}

#[test]
fn the_editor_gets_exactly_the_findings_of_check_for_every_example() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/invalid");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&examples)
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    paths.sort();
    assert!(paths.len() > 20);
    let settings = crate::config::Settings::defaults(chrono::Local::now().date_naive());
    let catalogue = crate::plan::catalogue::Catalogue::built_in();
    let mut editor = Editor::plain();
    for path in paths {
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
        let Ok(text) = String::from_utf8(bytes.clone()) else {
            continue; // RP001: an editor has no text that is not UTF-8.
        };
        let name = path.display().to_string();
        // The check recurses over nesting: on a thread with the binary's stack.
        let expected: Vec<(String, usize)> = std::thread::scope(|scope| {
            let checked = std::thread::Builder::new()
                .stack_size(64 * 1024 * 1024)
                .spawn_scoped(scope, || {
                    crate::check::check_found(&name, &bytes, &settings, &catalogue)
                        .map(|r| {
                            r.diagnostics
                                .iter()
                                .map(|d| {
                                    let line = r.source.position(d.primary.span.start).line;
                                    (d.code.to_string(), line)
                                })
                                .collect()
                        })
                        .unwrap_or_default()
                });
            match checked.map(std::thread::ScopedJoinHandle::join) {
                Ok(Ok(found)) => found,
                _ => panic!("the check of {name} failed"),
            }
        });
        let uri = Url::from_file_path(&path).unwrap_or_else(|()| panic!("{name}"));
        let found: Vec<(String, usize)> = editor
            .open(&uri, &text)
            .iter()
            .map(|d| {
                let code = match &d.code {
                    Some(lsp_types::NumberOrString::String(c)) => c.clone(),
                    other => format!("{other:?}"),
                };
                (code, d.range.start.line as usize + 1)
            })
            .collect();
        assert_eq!(found, expected, "{name}");
    }
    editor.shut_down();
}

#[test]
fn fix_all_safe_writes_what_check_fix_writes_and_leaves_the_guesses() {
    let text = PLAN.replace(
        "  - id: ggz\n",
        "  # regioplan: ignore[RP104] oude code\n  - id: ggz\n",
    );
    let (_keep, dir) = temp_dir();
    let uri = uri_in(&dir, "plan.yaml");
    let mut editor = Editor::plain();
    editor.open(&uri, &text);
    let everything = json!({ "start": { "line": 0, "character": 0 },
                             "end": { "line": 999, "character": 0 } });
    let actions = editor.ok(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": everything,
                "context": { "diagnostics": [], "only": ["source.fixAll"] } }),
    );
    let actions = actions.as_array().cloned().unwrap_or_default();
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["kind"], "source.fixAll");
    let fixed = actions[0]["edit"]["changes"][uri.as_str()][0]["newText"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let expected = crate::fix::fix_bytes(
        &uri_in(&dir, "plan.yaml")
            .to_file_path()
            .map(|p| p.display().to_string())
            .unwrap_or_default(),
        text.as_bytes(),
        &crate::config::Settings::defaults(chrono::Local::now().date_naive()),
        &crate::plan::catalogue::Catalogue::built_in(),
        crate::diagnostic::Applicability::Safe,
    );
    assert_eq!(fixed.as_bytes(), expected.bytes.as_slice());
    // The stale suppression is gone (a safe fix); the misspelt trekker is a guess and stays.
    assert!(!fixed.contains("ignore[RP104]"), "{fixed}");
    assert!(fixed.contains("trekker: a.baker\n"), "{fixed}");
    // The quick fixes under the cursor come from the findings' fixes; without `only`, no fix all.
    let (line, column) = find(&text, "trekker: a.baker");
    let at = json!({ "start": { "line": line, "character": column + 9 },
                     "end": { "line": line, "character": column + 9 } });
    let quick = editor.ok(
        "textDocument/codeAction",
        json!({ "textDocument": { "uri": uri }, "range": at, "context": { "diagnostics": [] } }),
    );
    let kinds: Vec<_> = quick
        .as_array()
        .into_iter()
        .flatten()
        .map(|a| a["kind"].clone())
        .collect();
    assert!(kinds.iter().all(|k| k == "quickfix"), "{kinds:?}");
    editor.shut_down();
}
