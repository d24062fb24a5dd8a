//! `regioplan server`: the Language Server Protocol over a connection (standard input and output
//! in the binary, an in-memory one in the tests). It runs the same library check as
//! `regioplan check` (`check::check_bytes` with the settings of the nearest `regioplan.toml`)
//! and answers editor requests from the plan it loaded: hover, completion, definition,
//! references, rename, the outline and code actions.
//!
//! One thread reads messages and answers them in order; a change is checked after a short
//! quiet period (`DEBOUNCE`), so that typing a word checks once. A panic while answering one
//! request becomes an error response and the server goes on.

mod actions;
mod document;
mod ide;
mod text;
mod yaml_path;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as notif, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    ClientCapabilities, CodeActionKind, CodeActionOptions, CodeActionProviderCapability,
    CompletionOptions, DiagnosticOptions, DiagnosticServerCapabilities, ExecuteCommandOptions,
    HoverProviderCapability, InitializeParams, OneOf, RenameOptions, SaveOptions,
    ServerCapabilities, ServerInfo, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions, Url,
};
use serde_json::Value;

use crate::config::file::Language;
use crate::config::{self, LoadedConfig, Settings, SettingsInput};
use crate::plan::catalogue::Catalogue;
pub use document::Document;
pub use text::{Encoding, LineIndex};

/// How long the document must be quiet after a change before it is checked again.
pub const DEBOUNCE: Duration = Duration::from_millis(100);

/// The command that selects a range in the editor (the reason of a new suppression).
pub const SELECT_COMMAND: &str = "regioplan.select";

/// A failure of the connection itself (not of one request).
#[derive(Debug, thiserror::Error)]
#[error("the editor connection failed: {0}")]
pub struct ConnectionError(String);

/// Runs the server on `connection` until the client asks it to exit or disconnects.
pub fn run(connection: &Connection) -> Result<(), ConnectionError> {
    let (id, params) = match connection.initialize_start() {
        Ok(started) => started,
        // The client went away before it said hello: nothing to serve.
        Err(e) if e.channel_is_disconnected() => return Ok(()),
        Err(e) => return Err(ConnectionError(e.to_string())),
    };
    let params: InitializeParams = serde_json::from_value(params).unwrap_or_default();
    let mut server = Server::new(connection, &params);
    let result = serde_json::json!({
        "capabilities": server.capabilities(),
        "serverInfo": ServerInfo {
            name: "regioplan".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        },
    });
    match connection.initialize_finish(id, result) {
        Ok(()) => {}
        Err(e) if e.channel_is_disconnected() => return Ok(()),
        Err(e) => return Err(ConnectionError(e.to_string())),
    }
    server.main_loop()
}

/// What the client said it can do, as far as the server cares.
#[derive(Debug, Clone, Copy)]
// Each is a capability the client has or lacks: bools say exactly that.
#[allow(clippy::struct_excessive_bools)]
struct Client {
    encoding: Encoding,
    /// It pulls diagnostics (`textDocument/diagnostic`): then they are not pushed.
    pulls: bool,
    /// It can be told to pull again (`workspace/diagnostic/refresh`).
    refreshes: bool,
    /// It can show a document with a selection (`window/showDocument`).
    shows_documents: bool,
    /// It watches files for the server when asked (`workspace/didChangeWatchedFiles`).
    watches_files: bool,
}

impl Client {
    fn new(caps: &ClientCapabilities) -> Self {
        let encoding = Encoding::negotiate(
            caps.general
                .as_ref()
                .and_then(|g| g.position_encodings.as_deref()),
        );
        Self {
            encoding,
            pulls: caps
                .text_document
                .as_ref()
                .is_some_and(|t| t.diagnostic.is_some()),
            refreshes: caps
                .workspace
                .as_ref()
                .and_then(|w| w.diagnostic.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false),
            shows_documents: caps
                .window
                .as_ref()
                .and_then(|w| w.show_document.as_ref())
                .is_some_and(|s| s.support),
            watches_files: caps
                .workspace
                .as_ref()
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
        }
    }
}

/// The language the client's locale asks for (`nl`, `nl-BE`, `en-GB`), if it is one of ours.
fn language_of_locale(locale: Option<&str>) -> Option<Language> {
    let primary = locale?.split(['-', '_']).next()?.to_ascii_lowercase();
    match primary.as_str() {
        "nl" => Some(Language::Nl),
        "en" => Some(Language::En),
        _ => None,
    }
}

struct Server<'c> {
    connection: &'c Connection,
    client: Client,
    /// The client's language, which wins over `language` in regioplan.toml.
    locale: Option<Language>,
    documents: HashMap<Url, Document>,
    /// Loaded configurations by the path of their `regioplan.toml`; `None` when it is broken.
    configs: HashMap<PathBuf, Option<LoadedConfig>>,
    catalogue: Catalogue,
    /// The `files` initialization option: globs of files that are plans even without a
    /// `regioplan:` key (the VS Code setting `regioplan.files`).
    plan_files: globset::GlobSet,
    next_request: i32,
}

impl<'c> Server<'c> {
    fn new(connection: &'c Connection, params: &InitializeParams) -> Self {
        Self {
            connection,
            client: Client::new(&params.capabilities),
            locale: language_of_locale(params.locale.as_deref()),
            documents: HashMap::new(),
            configs: HashMap::new(),
            catalogue: Catalogue::built_in(),
            plan_files: plan_files(params.initialization_options.as_ref()),
            next_request: 0,
        }
    }

    fn capabilities(&self) -> ServerCapabilities {
        ServerCapabilities {
            position_encoding: Some(self.client.encoding.kind()),
            text_document_sync: Some(TextDocumentSyncCapability::Options(
                TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::FULL),
                    save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                        include_text: Some(false),
                    })),
                    ..TextDocumentSyncOptions::default()
                },
            )),
            diagnostic_provider: Some(DiagnosticServerCapabilities::Options(DiagnosticOptions {
                identifier: Some("regioplan".into()),
                inter_file_dependencies: false,
                workspace_diagnostics: false,
                ..DiagnosticOptions::default()
            })),
            hover_provider: Some(HoverProviderCapability::Simple(true)),
            completion_provider: Some(CompletionOptions {
                trigger_characters: Some(vec![":".into(), " ".into(), "-".into()]),
                ..CompletionOptions::default()
            }),
            definition_provider: Some(OneOf::Left(true)),
            references_provider: Some(OneOf::Left(true)),
            rename_provider: Some(OneOf::Right(RenameOptions {
                prepare_provider: Some(true),
                work_done_progress_options: lsp_types::WorkDoneProgressOptions::default(),
            })),
            document_symbol_provider: Some(OneOf::Left(true)),
            code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                code_action_kinds: Some(vec![
                    CodeActionKind::QUICKFIX,
                    CodeActionKind::SOURCE_FIX_ALL,
                ]),
                ..CodeActionOptions::default()
            })),
            execute_command_provider: Some(ExecuteCommandOptions {
                commands: vec![SELECT_COMMAND.into()],
                ..ExecuteCommandOptions::default()
            }),
            ..ServerCapabilities::default()
        }
    }

    fn main_loop(&mut self) -> Result<(), ConnectionError> {
        if self.client.watches_files {
            // A changed regioplan.toml is read again even when the editor does not have it open.
            let watch = lsp_types::DidChangeWatchedFilesRegistrationOptions {
                watchers: vec![lsp_types::FileSystemWatcher {
                    glob_pattern: lsp_types::GlobPattern::String(format!(
                        "**/{}",
                        config::FILE_NAME
                    )),
                    kind: None,
                }],
            };
            self.request::<req::RegisterCapability>(lsp_types::RegistrationParams {
                registrations: vec![lsp_types::Registration {
                    id: "regioplan-toml".into(),
                    method: notif::DidChangeWatchedFiles::METHOD.into(),
                    register_options: serde_json::to_value(watch).ok(),
                }],
            });
        }
        loop {
            // Due checks run even while other messages keep arriving (a stream of requests
            // must not hold back the findings of a document that has been quiet long enough).
            self.check_due();
            let wait = self.next_due().map_or(Duration::from_secs(3600), |due| {
                due.saturating_duration_since(Instant::now())
            });
            match self.connection.receiver.recv_timeout(wait) {
                Ok(Message::Request(request)) => {
                    match self.connection.handle_shutdown(&request) {
                        // Shut down, or the client hung up while shutting down: an end too.
                        Ok(true) | Err(_) => return Ok(()),
                        Ok(false) => {}
                    }
                    let response = self.answer(request);
                    self.send(response.into());
                }
                Ok(Message::Notification(n)) => {
                    if n.method == notif::Exit::METHOD {
                        return Ok(());
                    }
                    self.notified(n);
                }
                Ok(Message::Response(_)) => {}
                Err(e) if e.is_timeout() => self.check_due(),
                // The client closed the connection: end cleanly.
                Err(_) => return Ok(()),
            }
        }
    }

    fn send(&self, message: Message) {
        // A closed connection ends the main loop at the next receive.
        let _ = self.connection.sender.send(message);
    }

    fn notify<N: notif::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.into(), params).into());
    }

    fn request<R: req::Request>(&mut self, params: R::Params) {
        self.next_request += 1;
        let id = RequestId::from(format!("regioplan-{}", self.next_request));
        self.send(Request::new(id, R::METHOD.into(), params).into());
    }

    /// The earliest time a changed document is due for its check.
    fn next_due(&self) -> Option<Instant> {
        self.documents
            .values()
            .filter_map(|d| d.changed_at)
            .min()
            .map(|t| t + DEBOUNCE)
    }

    fn check_due(&mut self) {
        let now = Instant::now();
        let due: Vec<Url> = self
            .documents
            .iter()
            .filter(|(_, d)| d.changed_at.is_some_and(|t| t + DEBOUNCE <= now))
            .map(|(u, _)| u.clone())
            .collect();
        for uri in due {
            self.check(&uri);
        }
    }

    /// Checks one open document now and, unless the client pulls, pushes its findings.
    fn check(&mut self, uri: &Url) {
        let settings = self.settings_for(uri);
        let named = self.is_named_plan(uri);
        let Some(doc) = self.documents.get_mut(uri) else {
            return;
        };
        doc.check(&settings, &self.catalogue, named);
        if !self.client.pulls {
            let params = doc.publish(self.client.encoding);
            self.notify::<notif::PublishDiagnostics>(params);
        }
    }

    fn is_named_plan(&self, uri: &Url) -> bool {
        uri.to_file_path()
            .is_ok_and(|path| self.plan_files.is_match(path))
    }

    /// The settings for the document at `uri`: those of the `regioplan.toml` found from its
    /// folder (the defaults when there is none or it is broken), in the client's language.
    /// The language before a plan's settings are known: the editor's, else English.
    fn lang(&self) -> crate::lang::Lang {
        self.locale.map_or(crate::lang::Lang::En, Into::into)
    }

    fn settings_for(&mut self, uri: &Url) -> Settings {
        let path = uri.to_file_path().ok();
        let locale = self.locale;
        let config_path = path
            .as_deref()
            .and_then(Path::parent)
            .and_then(config::find_config);
        let config = config_path.and_then(|p| {
            if !self.configs.contains_key(&p) {
                let loaded = self.load_config(&p);
                self.configs.insert(p.clone(), loaded);
            }
            self.configs.get(&p).and_then(Option::as_ref)
        });
        // The editor's locale speaks as the environment does for the CLI: below `language`
        // in regioplan.toml.
        let input = SettingsInput {
            today: chrono::Local::now().date_naive(),
            env_language: locale.map(|l| (l, "the editor's locale")),
            ..SettingsInput::default()
        };
        Settings::resolve(config, path.as_deref(), &input)
    }

    /// Reads a `regioplan.toml`; its problems are published on it, as the CLI prints them.
    fn load_config(&self, path: &Path) -> Option<LoadedConfig> {
        let (loaded, params) = match config::load_config(path) {
            Ok(Ok(loaded)) => {
                let params = Url::from_file_path(path).ok().map(|uri| {
                    let text = &loaded.source.text;
                    document::publish_file(
                        uri,
                        text,
                        &loaded.warnings,
                        self.client.encoding,
                        self.lang(),
                    )
                });
                (Some(loaded), params)
            }
            Ok(Err(result)) => (
                None,
                Url::from_file_path(path).ok().map(|uri| {
                    let text = &result.source.text;
                    document::publish_file(
                        uri,
                        text,
                        &result.diagnostics,
                        self.client.encoding,
                        self.lang(),
                    )
                }),
            ),
            Err(_) => (None, None),
        };
        if let Some(params) = params {
            self.notify::<notif::PublishDiagnostics>(params);
        }
        loaded
    }

    /// A `regioplan.toml` was saved or changed: read it again and re-check every document.
    fn config_changed(&mut self) {
        self.configs.clear();
        let uris: Vec<Url> = self.documents.keys().cloned().collect();
        for uri in &uris {
            self.check(uri);
        }
        if self.client.pulls && self.client.refreshes {
            self.request::<req::WorkspaceDiagnosticRefresh>(());
        }
    }

    fn notified(&mut self, n: Notification) {
        match n.method.as_str() {
            notif::DidOpenTextDocument::METHOD => {
                if let Ok(p) = n.extract::<lsp_types::DidOpenTextDocumentParams>(
                    notif::DidOpenTextDocument::METHOD,
                ) {
                    let doc = p.text_document;
                    if is_config(&doc.uri) {
                        return;
                    }
                    let uri = doc.uri.clone();
                    self.documents
                        .insert(uri.clone(), Document::new(doc.uri, doc.version, doc.text));
                    self.check(&uri);
                }
            }
            notif::DidChangeTextDocument::METHOD => {
                if let Ok(p) = n.extract::<lsp_types::DidChangeTextDocumentParams>(
                    notif::DidChangeTextDocument::METHOD,
                ) && let Some(doc) = self.documents.get_mut(&p.text_document.uri)
                {
                    // Full synchronisation: the last change is the whole text.
                    if let Some(change) = p.content_changes.into_iter().last() {
                        doc.change(p.text_document.version, change.text);
                    }
                }
            }
            notif::DidCloseTextDocument::METHOD => {
                if let Ok(p) = n.extract::<lsp_types::DidCloseTextDocumentParams>(
                    notif::DidCloseTextDocument::METHOD,
                ) && self.documents.remove(&p.text_document.uri).is_some()
                    && !self.client.pulls
                {
                    let params = document::publish_file(
                        p.text_document.uri,
                        "",
                        &[],
                        self.client.encoding,
                        self.lang(),
                    );
                    self.notify::<notif::PublishDiagnostics>(params);
                }
            }
            notif::DidSaveTextDocument::METHOD => {
                if let Ok(p) = n.extract::<lsp_types::DidSaveTextDocumentParams>(
                    notif::DidSaveTextDocument::METHOD,
                ) && is_config(&p.text_document.uri)
                {
                    self.config_changed();
                }
            }
            notif::DidChangeWatchedFiles::METHOD => {
                if let Ok(p) = n.extract::<lsp_types::DidChangeWatchedFilesParams>(
                    notif::DidChangeWatchedFiles::METHOD,
                ) && p.changes.iter().any(|c| is_config(&c.uri))
                {
                    self.config_changed();
                }
            }
            _ => {}
        }
    }

    /// Answers one request; a panic while answering becomes an error response.
    fn answer(&mut self, request: Request) -> Response {
        let id = request.id.clone();
        let method = request.method.clone();
        match catch_unwind(AssertUnwindSafe(|| self.dispatch(request))) {
            Ok(Ok(value)) => Response::new_ok(id, value),
            Ok(Err((code, message))) => Response::new_err(id, code as i32, message),
            Err(_) => Response::new_err(
                id,
                ErrorCode::InternalError as i32,
                format!(
                    "regioplan failed while answering `{method}`; please report it with the plan \
                     that caused it"
                ),
            ),
        }
    }

    fn dispatch(&mut self, request: Request) -> Result<Value, (ErrorCode, String)> {
        let method = request.method.clone();
        let params = request.params;
        match method.as_str() {
            req::DocumentDiagnosticRequest::METHOD => {
                let p: lsp_types::DocumentDiagnosticParams = parse(params)?;
                let uri = p.text_document.uri;
                if self.documents.get(&uri).is_some_and(Document::needs_check) {
                    let settings = self.settings_for(&uri);
                    let named = self.is_named_plan(&uri);
                    if let Some(doc) = self.documents.get_mut(&uri) {
                        doc.check(&settings, &self.catalogue, named);
                    }
                }
                let doc = self.document(&uri)?;
                reply(doc.pull_report(self.client.encoding))
            }
            req::HoverRequest::METHOD => {
                let p: lsp_types::HoverParams = parse(params)?;
                let at = p.text_document_position_params;
                self.ensure_checked(&at.text_document.uri);
                let doc = self.document(&at.text_document.uri)?;
                reply(ide::hover(doc, at.position, self.client.encoding))
            }
            req::Completion::METHOD => {
                let p: lsp_types::CompletionParams = parse(params)?;
                let at = p.text_document_position;
                let doc = self.document(&at.text_document.uri)?;
                reply(ide::complete(
                    doc,
                    at.position,
                    self.client.encoding,
                    &self.catalogue,
                ))
            }
            req::GotoDefinition::METHOD => {
                let p: lsp_types::GotoDefinitionParams = parse(params)?;
                let at = p.text_document_position_params;
                let doc = self.document(&at.text_document.uri)?;
                reply(ide::definition(doc, at.position, self.client.encoding))
            }
            req::References::METHOD => {
                let p: lsp_types::ReferenceParams = parse(params)?;
                let at = p.text_document_position;
                let doc = self.document(&at.text_document.uri)?;
                reply(ide::references_of(
                    doc,
                    at.position,
                    p.context.include_declaration,
                    self.client.encoding,
                ))
            }
            req::PrepareRenameRequest::METHOD => {
                let p: lsp_types::TextDocumentPositionParams = parse(params)?;
                let doc = self.document(&p.text_document.uri)?;
                reply(ide::prepare_rename(doc, p.position, self.client.encoding))
            }
            req::Rename::METHOD => {
                let p: lsp_types::RenameParams = parse(params)?;
                let at = p.text_document_position;
                let doc = self.document(&at.text_document.uri)?;
                let edit = ide::rename(doc, at.position, &p.new_name, self.client.encoding)
                    .map_err(|message| (ErrorCode::InvalidParams, message))?;
                reply(edit)
            }
            req::DocumentSymbolRequest::METHOD => {
                let p: lsp_types::DocumentSymbolParams = parse(params)?;
                let doc = self.document(&p.text_document.uri)?;
                reply(ide::outline(doc, self.client.encoding))
            }
            req::CodeActionRequest::METHOD => {
                let p: lsp_types::CodeActionParams = parse(params)?;
                self.ensure_checked(&p.text_document.uri);
                let settings = self.settings_for(&p.text_document.uri);
                let doc = self.document(&p.text_document.uri)?;
                reply(actions::code_actions(
                    doc,
                    &p,
                    self.client.encoding,
                    &settings,
                    &self.catalogue,
                ))
            }
            req::ExecuteCommand::METHOD => {
                let p: lsp_types::ExecuteCommandParams = parse(params)?;
                if p.command == SELECT_COMMAND
                    && self.client.shows_documents
                    && let Some(show) = p
                        .arguments
                        .into_iter()
                        .next()
                        .and_then(|a| serde_json::from_value(a).ok())
                {
                    self.request::<req::ShowDocument>(show);
                }
                Ok(Value::Null)
            }
            #[cfg(test)]
            tests::PANIC_METHOD => panic!("a request that panics, for the test"),
            _ => Err((
                ErrorCode::MethodNotFound,
                format!("regioplan does not answer `{method}`"),
            )),
        }
    }

    /// Checks a document now when a change is waiting, so that answers see the latest text.
    fn ensure_checked(&mut self, uri: &Url) {
        if self.documents.get(uri).is_some_and(Document::needs_check) {
            self.check(uri);
        }
    }

    fn document(&self, uri: &Url) -> Result<&Document, (ErrorCode, String)> {
        self.documents.get(uri).ok_or_else(|| {
            (
                ErrorCode::InvalidParams,
                format!("`{uri}` is not open in the editor"),
            )
        })
    }
}

/// The globs of the `files` initialization option (`{"files": ["**/plans/*.yaml"]}`); a pattern
/// that is not a glob is left out.
fn plan_files(options: Option<&Value>) -> globset::GlobSet {
    let mut set = globset::GlobSetBuilder::new();
    let patterns = options
        .and_then(|o| o.get("files"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str);
    for pattern in patterns {
        if let Ok(glob) = globset::Glob::new(pattern) {
            set.add(glob);
        }
    }
    set.build().unwrap_or_else(|_| globset::GlobSet::empty())
}

fn is_config(uri: &Url) -> bool {
    uri.path().ends_with(config::FILE_NAME)
}

fn parse<P: serde::de::DeserializeOwned>(params: Value) -> Result<P, (ErrorCode, String)> {
    serde_json::from_value(params).map_err(|e| (ErrorCode::InvalidParams, e.to_string()))
}

fn reply<R: serde::Serialize>(result: R) -> Result<Value, (ErrorCode, String)> {
    serde_json::to_value(result).map_err(|e| (ErrorCode::InternalError, e.to_string()))
}
