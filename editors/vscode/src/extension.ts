// The regioplan extension: a thin client that starts `regioplan server` and hands it the YAML
// files that are regioplannen. Everything a user sees comes from the server.
import * as fs from "fs";
import * as path from "path";
import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  Middleware,
  ServerOptions,
} from "vscode-languageclient/node";
import { isRegioplanText } from "./detect";

let client: LanguageClient | undefined;

/// The binary: the `regioplan.path` setting, else the one bundled in `bin/`, else `PATH`.
function serverCommand(context: vscode.ExtensionContext): string {
  const configured = vscode.workspace.getConfiguration("regioplan").get<string>("path");
  if (configured) {
    return configured;
  }
  const exe = process.platform === "win32" ? "regioplan.exe" : "regioplan";
  const bundled = context.asAbsolutePath(path.join("bin", exe));
  if (!fs.existsSync(bundled)) {
    return "regioplan";
  }
  // A .vsix does not keep the executable bit everywhere.
  try {
    fs.chmodSync(bundled, 0o755);
  } catch {
    // Read-only installation: it is executable or it fails with a clear spawn error.
  }
  return bundled;
}

/// Whether a document is a regioplan: YAML with a top-level `regioplan:` key, or a file that
/// matches a pattern of the `regioplan.files` setting.
function isRegioplan(document: vscode.TextDocument): boolean {
  if (document.languageId !== "yaml" || document.uri.scheme !== "file") {
    return false;
  }
  const patterns = vscode.workspace.getConfiguration("regioplan").get<string[]>("files") ?? [];
  if (patterns.some((p) => vscode.languages.match({ pattern: p }, document) > 0)) {
    return true;
  }
  return isRegioplanText(document.getText());
}

// Every feature goes through `next` only for regioplan documents: the YAML extension answers
// for the others, and the server never hears of them. `document` picks the document out of a
// middleware call's arguments (the last argument is always `next`).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Args = any[];
function only(document: (args: Args) => vscode.TextDocument | vscode.Uri) {
  return (...args: Args) => {
    const next = args[args.length - 1];
    const rest = args.slice(0, -1);
    const d = document(rest);
    const wanted = d instanceof vscode.Uri
      ? vscode.workspace.textDocuments.some((t) => t.uri.toString() === d.toString() && isRegioplan(t))
      : isRegioplan(d);
    return wanted ? next(...rest) : undefined;
  };
}

const first = (args: Args) => args[0];
const middleware = {
  didOpen: only(first),
  didChange: only((args) => args[0].document),
  didClose: only(first),
  didSave: only(first),
  provideHover: only(first),
  provideCompletionItem: only(first),
  provideDefinition: only(first),
  provideReferences: only(first),
  prepareRename: only(first),
  provideRenameEdits: only(first),
  provideDocumentSymbols: only(first),
  provideCodeActions: only(first),
  provideDiagnostics: only(first),
} as unknown as Middleware;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  await start(context);
  // A new binary or new patterns take effect with a new server.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration("regioplan.path") || e.affectsConfiguration("regioplan.files")) {
        await client?.stop();
        await start(context);
      }
    }),
  );
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const command = serverCommand(context);
  const serverOptions: ServerOptions = {
    run: { command, args: ["server"] },
    debug: { command, args: ["server"] },
  };
  const clientOptions: LanguageClientOptions = {
    // YAML files on disk; `middleware` keeps those that are not regioplannen away.
    documentSelector: [{ scheme: "file", language: "yaml" }],
    // A saved or changed regioplan.toml is read again and every plan checked again.
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher("**/regioplan.toml"),
    },
    middleware,
    // Files matching these are checked as plans even before they have a `regioplan:` key.
    initializationOptions: {
      files: vscode.workspace.getConfiguration("regioplan").get<string[]>("files") ?? [],
    },
  };
  client = new LanguageClient("regioplan", "regioplan", serverOptions, clientOptions);
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
