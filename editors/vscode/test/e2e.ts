// The end-to-end editor session: a real LSP client (vscode-languageserver-protocol, the library
// under vscode-languageclient) drives `regioplan server --stdio` as VS Code starts it. It opens
// a seed plan with a misspelt trekker, waits for the finding at the right place, hovers, goes
// to a definition, completes a person id, applies the quick fix, sees the finding go, and shuts
// the server down. Every step prints one transcript line; any mismatch exits 1.
//
// node out/e2e.js BINARY SEED_PLAN
import * as cp from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-languageserver-protocol/node";
import {
  CodeAction,
  CompletionItem,
  Diagnostic,
  Hover,
  Location,
  MarkupContent,
  Position,
  PublishDiagnosticsParams,
  TextEdit,
} from "vscode-languageserver-protocol";
import { isRegioplanText } from "../src/detect";

const [binary, seed] = process.argv.slice(2).map((a) => path.resolve(a));
if (!binary || !seed) {
  console.error("usage: node out/e2e.js BINARY SEED_PLAN");
  process.exit(2);
}

function fail(message: string): never {
  console.error(`FAIL: ${message}`);
  process.exit(1);
}

function check(ok: boolean, message: string): void {
  if (!ok) fail(message);
}

/// The 0-based position of `needle` (plus `skip` characters) in `text`, in UTF-16 code units:
/// JavaScript strings count them, as LSP does by default.
function positionOf(text: string, needle: string, skip = 0): Position {
  const at = text.indexOf(needle);
  check(at >= 0, `\`${needle}\` is not in the plan`);
  const before = text.slice(0, at + skip);
  const line = before.split("\n").length - 1;
  return { line, character: before.length - (before.lastIndexOf("\n") + 1) };
}

function offsetOf(text: string, p: Position): number {
  const lines = text.split("\n");
  return lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
}

function apply(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetOf(text, b.range.start) - offsetOf(text, a.range.start));
  for (const e of sorted) {
    text = text.slice(0, offsetOf(text, e.range.start)) + e.newText + text.slice(offsetOf(text, e.range.end));
  }
  return text;
}

const show = (p: Position) => `${p.line + 1}:${p.character + 1}`;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "regioplan-e2e-"));
  const file = path.join(dir, "amstelland-zorg.yaml");
  const original = fs.readFileSync(seed, "utf8");
  // The mistake: the trekker of a theme misspelt.
  let text = original.replace("trekker: t.vos\n", "trekker: t.voss\n");
  check(text !== original, "the seed plan has no `trekker: t.vos`");
  check(isRegioplanText(text), "the extension would not hand the plan to the server");
  check(!isRegioplanText("site_name: Regioplan\nnav: [index.md]\n"), "mkdocs.yml taken for a plan");
  check(isRegioplanText('"regioplan": 1\n'), "a quoted key not taken for a plan");
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;

  const server = cp.spawn(binary, ["server", "--stdio"], { cwd: dir, stdio: ["pipe", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));
  const connection = createProtocolConnection(
    new StreamMessageReader(server.stdout!),
    new StreamMessageWriter(server.stdin!),
  );
  const published: PublishDiagnosticsParams[] = [];
  let waiting: (() => void) | undefined;
  connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
    if (p.uri === uri) {
      published.push(p);
      waiting?.();
    }
  });
  connection.onRequest("window/showDocument", () => ({ success: true }));
  connection.listen();
  const nextDiagnostics = (): Promise<Diagnostic[]> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no diagnostics within 10 s")), 10000);
      const take = () => {
        const p = published.shift();
        if (p) {
          clearTimeout(timer);
          waiting = undefined;
          resolve(p.diagnostics);
        }
      };
      waiting = take;
      take();
    });

  const init: any = await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    locale: "en",
    capabilities: {
      general: { positionEncodings: ["utf-16"] },
      textDocument: { publishDiagnostics: { relatedInformation: true } },
      window: { showDocument: { support: true } },
    },
  });
  console.log(`initialize: ${init.serverInfo.name} ${init.serverInfo.version}, positions in ${init.capabilities.positionEncoding}`);
  await connection.sendNotification("initialized", {});

  await connection.sendNotification("textDocument/didOpen", {
    textDocument: { uri, languageId: "yaml", version: 1, text },
  });
  const found = await nextDiagnostics();
  const finding = found.find((d) => d.code === "RP102");
  check(finding !== undefined, `no RP102 among ${JSON.stringify(found)}`);
  const expected = positionOf(text, "trekker: t.voss", "trekker: ".length);
  check(
    finding!.range.start.line === expected.line && finding!.range.start.character === expected.character,
    `RP102 at ${show(finding!.range.start)}, expected ${show(expected)}`,
  );
  console.log(`diagnostic: ${finding!.code} at ${show(finding!.range.start)}: ${finding!.message} (${finding!.codeDescription?.href})`);

  const hover: Hover = await connection.sendRequest("textDocument/hover", {
    textDocument: { uri },
    position: positionOf(text, "trekker: a.kuipers", "trekker: ".length + 1),
  });
  const hoverText = (hover.contents as MarkupContent).value;
  check(hoverText.includes("a.kuipers"), `hover says ${hoverText}`);
  console.log(`hover on a.kuipers: ${hoverText.split("\n")[0]}`);

  const definition: Location = await connection.sendRequest("textDocument/definition", {
    textDocument: { uri },
    position: positionOf(text, "trekker: a.kuipers", "trekker: ".length + 1),
  });
  const defined = positionOf(text, "id: a.kuipers", "id: ".length);
  check(definition.range.start.line === defined.line, `definition at ${show(definition.range.start)}, expected ${show(defined)}`);
  console.log(`definition of a.kuipers: line ${definition.range.start.line + 1}`);

  const completion: CompletionItem[] = await connection.sendRequest("textDocument/completion", {
    textDocument: { uri },
    position: positionOf(text, "trekker: t.voss", "trekker: ".length),
  });
  const labels = completion.map((c) => c.label);
  check(labels.includes("t.vos"), `completion offers ${labels.join(", ")}`);
  console.log(`completion after \`trekker: \`: ${labels.length} people, e.g. ${labels.slice(0, 3).join(", ")}`);

  const actions: CodeAction[] = await connection.sendRequest("textDocument/codeAction", {
    textDocument: { uri },
    range: finding!.range,
    context: { diagnostics: [finding] },
  });
  console.log(`code actions: ${actions.map((a) => a.title).join("; ")}`);
  const fix = actions.find((a) => a.title === "Replace with `t.vos`");
  check(fix !== undefined, "no quick fix `Replace with `t.vos``");
  text = apply(text, fix!.edit!.changes![uri]);
  await connection.sendNotification("textDocument/didChange", {
    textDocument: { uri, version: 2 },
    contentChanges: [{ text }],
  });
  const after = await nextDiagnostics();
  check(after.every((d) => d.code !== "RP102"), `RP102 still there: ${JSON.stringify(after)}`);
  check(text === original, "the quick fix did not restore the plan");
  console.log(`after the quick fix: ${after.length} findings`);

  await connection.sendRequest("shutdown");
  await connection.sendNotification("exit");
  const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r("timeout"), 5000))]);
  check(code === 0, `the server ended with ${code}`);
  console.log(`shutdown: the server exited with ${code}`);
  connection.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
}

/// The second session pulls diagnostics, as vscode-languageclient 9 does: the server answers
/// `textDocument/diagnostic` and pushes nothing.
async function pulling(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "regioplan-e2e-"));
  const file = path.join(dir, "amstelland-zorg.yaml");
  const text = fs.readFileSync(seed, "utf8").replace("trekker: t.vos\n", "trekker: t.voss\n");
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const server = cp.spawn(binary, ["server", "--stdio"], { cwd: dir, stdio: ["pipe", "pipe", "inherit"] });
  const exited = new Promise<number | null>((resolve) => server.on("exit", (code) => resolve(code)));
  const connection = createProtocolConnection(
    new StreamMessageReader(server.stdout!),
    new StreamMessageWriter(server.stdin!),
  );
  let pushed = 0;
  connection.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
    if (p.uri === uri) pushed++;
  });
  connection.listen();
  await connection.sendRequest("initialize", {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } },
  });
  await connection.sendNotification("initialized", {});
  await connection.sendNotification("textDocument/didOpen", {
    textDocument: { uri, languageId: "yaml", version: 1, text },
  });
  const report: any = await connection.sendRequest("textDocument/diagnostic", { textDocument: { uri } });
  const codes = report.items.map((d: Diagnostic) => d.code);
  check(report.kind === "full" && codes.includes("RP102"), `pulled ${JSON.stringify(report)}`);
  await connection.sendRequest("shutdown");
  await connection.sendNotification("exit");
  const code = await Promise.race([exited, new Promise<string>((r) => setTimeout(() => r("timeout"), 5000))]);
  check(code === 0 && pushed === 0, `the pulling session ended with ${code}, ${pushed} pushes`);
  console.log(`pulled diagnostics: ${codes.join(", ")}; none pushed; the server exited with ${code}`);
  connection.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
}

main()
  .then(pulling)
  .catch((e) => fail(String(e)));
